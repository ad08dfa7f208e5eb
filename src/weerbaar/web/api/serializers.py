"""API representations of municipalities, scans, answers, plans and actions."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rest_framework import serializers

from weerbaar.web.plans.models import Action, Plan
from weerbaar.web.scans.models import Answer, Scan, ScanMode
from weerbaar.web.tenancy.models import Membership, Municipality

# Integer fields are declared with explicit ranges: the defaults derive from the database
# backend, which would make the committed schema differ between SQLite and PostgreSQL.


# Input fields a serializer does not know are refused by name: a misspelt optional field
# (``hours_per_quater``) was silently dropped and the request succeeded without it. Read-only
# fields (``id``, ``status``) are still ignored, so a representation read from the API may be
# sent back. (A comment, not a docstring: drf-spectacular would copy a docstring into every
# schema component that inherits it.)
class RefusesUnknownFields:
    def to_internal_value(self, data: Any) -> Any:
        if isinstance(data, Mapping):
            unknown = sorted(str(name) for name in data if name not in self.fields)  # type: ignore[attr-defined]
            if unknown:
                raise serializers.ValidationError(
                    {name: ["Unknown field: not part of this request."] for name in unknown}
                )
        return super().to_internal_value(data)  # type: ignore[misc]


class MunicipalitySerializer(serializers.ModelSerializer):
    role = serializers.SerializerMethodField()
    population = serializers.IntegerField(read_only=True, min_value=0)

    class Meta:
        model = Municipality
        fields = ["code", "name", "province", "population", "riec_region", "size_class", "role"]

    def get_role(self, municipality: Municipality) -> str | None:
        roles: dict[str, str] = self.context.get("roles", {})
        return roles.get(municipality.code)


class ScanSerializer(RefusesUnknownFields, serializers.ModelSerializer):
    participants = serializers.IntegerField(
        min_value=1, max_value=100, required=False, allow_null=True
    )

    class Meta:
        model = Scan
        fields = [
            "id",
            "title",
            "date",
            "mode",
            "status",
            "framework_version",
            "participants",
            "moderator",
            "created_at",
        ]
        read_only_fields = ["id", "status", "framework_version", "created_at"]

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if attrs.get("mode") == ScanMode.WORKSHOP and not attrs.get("participants"):
            raise serializers.ValidationError({"participants": "Required for a workshop scan."})
        return attrs


class AnswerSerializer(serializers.ModelSerializer):
    """A consensus (workshop) answer, or a respondent's answer (read only, pseudonymous)."""

    respondent = serializers.SerializerMethodField()
    value = serializers.IntegerField(read_only=True, allow_null=True, min_value=0)

    class Meta:
        model = Answer
        fields = ["question_id", "value", "note", "evidence", "respondent", "updated_at"]

    def get_respondent(self, answer: Answer) -> str | None:
        return f"r{answer.respondent_id}" if answer.respondent_id else None


class AnswerInputSerializer(RefusesUnknownFields, serializers.Serializer):
    question_id = serializers.CharField(max_length=100)
    value = serializers.IntegerField(min_value=0, allow_null=True)
    note = serializers.CharField(max_length=2000, allow_blank=True, default="")
    evidence = serializers.CharField(max_length=500, allow_blank=True, default="")


class ActionSerializer(RefusesUnknownFields, serializers.ModelSerializer):
    due_quarter = serializers.IntegerField(min_value=1, max_value=12, required=False)

    class Meta:
        model = Action
        fields = ["id", "measure_id", "owner", "due_quarter", "status", "evidence", "updated_at"]
        read_only_fields = ["id", "measure_id", "updated_at"]

    def validate_due_quarter(self, value: int) -> int:
        plan: Plan | None = self.context.get("plan")
        quarters = int((plan.parameters or {}).get("quarters", 12)) if plan else 12
        if not 1 <= value <= quarters:
            raise serializers.ValidationError(f"A quarter of the plan: 1 to {quarters}.")
        return value


class PlanSerializer(serializers.ModelSerializer):
    actions = ActionSerializer(many=True, read_only=True)

    class Meta:
        model = Plan
        fields = [
            "id",
            "scan",
            "parameters",
            "result",
            "feasible",
            "accepted_at",
            "created_at",
            "actions",
        ]
        read_only_fields = fields


class PlanRequestSerializer(RefusesUnknownFields, serializers.Serializer):
    """The optimiser's inputs (see ``weerbaar.measures.models.PlanRequest``)."""

    scan = serializers.IntegerField(help_text="id of the scan the plan answers")
    hours = serializers.FloatField(min_value=0, help_text="hours available over the whole plan")
    budget_eur = serializers.FloatField(min_value=0)
    quarters = serializers.IntegerField(min_value=1, max_value=12, default=4)
    hours_per_quarter = serializers.FloatField(min_value=0, required=False, allow_null=True)
    partners = serializers.ListField(
        child=serializers.ChoiceField(["buurgemeente", "riec", "provincie", "rijk"]), default=list
    )
    mandatory = serializers.ListField(child=serializers.CharField(), default=list)
    excluded = serializers.ListField(child=serializers.CharField(), default=list)
    min_theme = serializers.DictField(
        child=serializers.IntegerField(min_value=0),
        default=dict,
        help_text='minimum number of measures per theme, e.g. {"kennis": 1}',
    )
    allow_unsuited = serializers.BooleanField(
        default=False,
        help_text="also choose measures marked unsuited for small municipalities when the scan "
        "uses the small-municipality profile",
    )


def roles_of(memberships: list[Membership]) -> dict[str, str]:
    return {m.municipality_id: m.role for m in memberships}
