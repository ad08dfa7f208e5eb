"""Read-only API for signal runs and hits, with the pages' rules.

Runs (with counts per rule) for coordinators and viewers; hits only for coordinators;
respondents and other municipalities nothing (404 for a municipality the user is no member of).
Every read is written to the audit log.
"""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404
from rest_framework import generics, serializers
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.request import Request
from rest_framework.response import Response

from weerbaar.web.audit.service import log_event
from weerbaar.web.signals.models import SignalHit, SignalRun
from weerbaar.web.tenancy.access import membership_for
from weerbaar.web.tenancy.models import Role

# Integer fields have explicit ranges: the defaults depend on the database backend, which
# would make the committed schema differ between SQLite and PostgreSQL.


class SignalRunSerializer(serializers.ModelSerializer):
    hit_count = serializers.IntegerField(read_only=True, min_value=0)
    rule_count = serializers.IntegerField(read_only=True, min_value=0)
    counts = serializers.DictField(child=serializers.IntegerField(min_value=0), read_only=True)
    failed_rules = serializers.ListField(child=serializers.CharField(), read_only=True)

    class Meta:
        model = SignalRun
        fields = [
            "id",
            "started_at",
            "finished_at",
            "source",
            "is_demo",
            "fingerprint",
            "rule_count",
            "hit_count",
            "counts",
            "failed_rules",
        ]


class SignalRunDetailSerializer(SignalRunSerializer):
    manifest = serializers.JSONField(read_only=True)

    class Meta(SignalRunSerializer.Meta):
        fields = [*SignalRunSerializer.Meta.fields, "manifest"]


class SignalHitSerializer(serializers.ModelSerializer):
    run = serializers.IntegerField(source="run_id", read_only=True, min_value=1)
    rule_version = serializers.IntegerField(read_only=True, min_value=1)
    record_ids = serializers.ListField(child=serializers.CharField(), read_only=True)
    parameters = serializers.JSONField(read_only=True)
    fences = serializers.JSONField(read_only=True)
    details = serializers.JSONField(read_only=True)

    class Meta:
        model = SignalHit
        fields = [
            "id",
            "run",
            "rule_id",
            "rule_version",
            "severity",
            "process",
            "entity_type",
            "entity_id",
            "record_ids",
            "value",
            "parameters",
            "fences",
            "details",
            "explanation_nl",
            "explanation_en",
            "status",
            "reviewer_note",
            "reviewed_at",
        ]


class SignalScopedMixin:
    """Resolve ``<code>``: no membership answers 404, a role not in ``allowed_roles`` 403."""

    allowed_roles: tuple[str, ...] = (Role.COORDINATOR,)

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)  # type: ignore[misc]
        membership = membership_for(request.user, kwargs["code"])
        if membership is None:
            raise NotFound()
        if membership.role not in self.allowed_roles:
            raise PermissionDenied("Your role in this municipality does not allow this.")
        for target in (request, request._request):
            target.municipality = membership.municipality
            target.membership = membership


def runs_of(code: str) -> Any:
    return SignalRun.objects.filter(municipality_id=code)


class SignalRunList(SignalScopedMixin, generics.ListAPIView):
    """Signal runs with their counts per rule (coordinators and viewers)."""

    allowed_roles = (Role.COORDINATOR, Role.VIEWER)
    serializer_class = SignalRunSerializer

    def get_queryset(self) -> Any:
        return runs_of(self.kwargs["code"])

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        log_event(request, "signal_runs_listed", None, details={"api": True})
        return super().list(request, *args, **kwargs)


class SignalRunDetail(SignalScopedMixin, generics.RetrieveAPIView):
    """One run: counts per rule and its manifest (inputs' checksums, rule versions)."""

    allowed_roles = (Role.COORDINATOR, Role.VIEWER)
    serializer_class = SignalRunDetailSerializer

    def get_object(self) -> SignalRun:
        run = get_object_or_404(runs_of(self.kwargs["code"]), pk=self.kwargs["run_id"])
        log_event(self.request, "signal_run_viewed", run, details={"api": True})
        return run


class SignalHitList(SignalScopedMixin, generics.ListAPIView):
    """The hits of one run, with explanations and review status (coordinators only)."""

    serializer_class = SignalHitSerializer

    def get_queryset(self) -> Any:
        run = get_object_or_404(runs_of(self.kwargs["code"]), pk=self.kwargs["run_id"])
        return run.hits.all()

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        response = super().list(request, *args, **kwargs)
        results = response.data.get("results", []) if isinstance(response.data, dict) else []
        run = SignalRun.objects.get(pk=self.kwargs["run_id"])
        details = {"api": True, "hits": [item["id"] for item in results]}
        log_event(request, "signal_hits_listed", run, details=details)
        return response


class SignalHitDetail(SignalScopedMixin, generics.RetrieveAPIView):
    """One hit (coordinators only)."""

    serializer_class = SignalHitSerializer

    def get_object(self) -> SignalHit:
        hit = get_object_or_404(
            SignalHit.objects.select_related("run"),
            pk=self.kwargs["hit_id"],
            run__municipality_id=self.kwargs["code"],
        )
        log_event(self.request, "signal_hit_viewed", hit, details={"api": True})
        return hit
