"""Action plans of one municipality: list, create (core optimiser), accept, detail, actions.

Plans are solved by the core optimiser through the ui's plan services; nothing is computed here.
"""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from pydantic import ValidationError as PydanticError
from rest_framework import generics, status
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from weerbaar.measures.feasibility import PlanInfeasible, UnknownMeasure
from weerbaar.web.api.scoping import MunicipalityScopedMixin
from weerbaar.web.api.serializers import ActionSerializer, PlanRequestSerializer, PlanSerializer
from weerbaar.web.audit.service import log_event
from weerbaar.web.plans import services
from weerbaar.web.plans.models import Action, Plan
from weerbaar.web.results.services import NotScorable
from weerbaar.web.scans.models import Scan


def plans_of(code: str) -> Any:
    return Plan.objects.filter(scan__municipality_id=code).prefetch_related("actions")


class PlanList(MunicipalityScopedMixin, generics.ListAPIView):
    serializer_class = PlanSerializer

    def get_queryset(self) -> Any:
        return plans_of(self.kwargs["code"])

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        log_event(request, "plans_listed", None)
        return super().list(request, *args, **kwargs)

    @extend_schema(request=PlanRequestSerializer, responses={201: PlanSerializer})
    def post(self, request: Request, code: str) -> Response:
        given = PlanRequestSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        params = dict(given.validated_data)
        scan = get_object_or_404(Scan, pk=params.pop("scan"), municipality_id=code)
        try:
            plan = services.create_plan(scan, params, request.user)
        except (PlanInfeasible, UnknownMeasure, NotScorable, PydanticError) as error:
            raise ValidationError({"plan": [str(error)]}) from error
        log_event(request, "plan_created", plan, details={"feasible": plan.feasible})
        return Response(PlanSerializer(plan).data, status=status.HTTP_201_CREATED)


class PlanDetail(MunicipalityScopedMixin, generics.RetrieveAPIView):
    serializer_class = PlanSerializer

    def get_object(self) -> Plan:
        plan = get_object_or_404(plans_of(self.kwargs["code"]), pk=self.kwargs["plan_id"])
        log_event(self.request, "plan_viewed", plan)
        return plan


class PlanAccept(MunicipalityScopedMixin, generics.GenericAPIView):
    """Accept a plan: its chosen measures become actions (idempotent)."""

    serializer_class = PlanSerializer

    @extend_schema(request=None, responses={200: PlanSerializer})
    def post(self, request: Request, code: str, plan_id: int) -> Response:
        plan = get_object_or_404(plans_of(code), pk=plan_id)
        services.accept_plan(plan)
        log_event(request, "plan_accepted", plan)
        return Response(PlanSerializer(plans_of(code).get(pk=plan.pk)).data)


class ActionList(MunicipalityScopedMixin, generics.ListAPIView):
    serializer_class = ActionSerializer
    pagination_class = None

    def get_queryset(self) -> Any:
        plan = get_object_or_404(plans_of(self.kwargs["code"]), pk=self.kwargs["plan_id"])
        log_event(self.request, "actions_viewed", plan)
        return plan.actions.all()


class ActionDetail(MunicipalityScopedMixin, generics.RetrieveUpdateAPIView):
    """An action's owner, due quarter, status and evidence; PATCH to follow it up."""

    serializer_class = ActionSerializer
    http_method_names = ["get", "patch", "head", "options"]

    def get_object(self) -> Action:
        action = get_object_or_404(
            Action.objects.select_related("plan__scan"),
            pk=self.kwargs["action_id"],
            plan_id=self.kwargs["plan_id"],
            plan__scan__municipality_id=self.kwargs["code"],
        )
        if self.request.method == "GET":
            log_event(self.request, "action_viewed", action)
        return action

    def get_serializer_context(self) -> dict[str, Any]:
        context = super().get_serializer_context()
        if "action_id" in self.kwargs:
            context["plan"] = Plan.objects.filter(pk=self.kwargs["plan_id"]).first()
        return context

    @extend_schema(request=ActionSerializer, responses={200: ActionSerializer})
    def patch(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        response = self.partial_update(request, *args, **kwargs)
        log_event(request, "action_changed", self.get_object(), details=dict(request.data))
        return response
