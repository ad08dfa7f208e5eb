"""The municipalities the caller is a member of (never any other)."""

from __future__ import annotations

from typing import Any

from rest_framework import generics
from rest_framework.request import Request
from rest_framework.response import Response

from weerbaar.web.api.scoping import MunicipalityScopedMixin
from weerbaar.web.api.serializers import MunicipalitySerializer, roles_of
from weerbaar.web.tenancy.models import Membership, Municipality


class MunicipalityList(generics.ListAPIView):
    serializer_class = MunicipalitySerializer
    pagination_class = None

    def get_queryset(self) -> Any:
        return Municipality.objects.filter(memberships__user=self.request.user).order_by("code")

    def get_serializer_context(self) -> dict[str, Any]:
        memberships = list(Membership.objects.filter(user=self.request.user))
        return {**super().get_serializer_context(), "roles": roles_of(memberships)}


class MunicipalityDetail(MunicipalityScopedMixin, generics.GenericAPIView):
    serializer_class = MunicipalitySerializer

    def get(self, request: Request, code: str) -> Response:
        membership = request.membership  # type: ignore[attr-defined]
        serializer = MunicipalitySerializer(
            membership.municipality, context={"roles": roles_of([membership])}
        )
        return Response(serializer.data)
