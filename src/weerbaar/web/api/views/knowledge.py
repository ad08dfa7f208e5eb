"""The public knowledge base: processes, measures and questions (no login needed)."""

from __future__ import annotations

from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from weerbaar.web.knowledgebase.framework import framework


class PublicKnowledgeView(APIView):
    authentication_classes: list[Any] = []
    permission_classes = [AllowAny]
    collection = ""

    def items(self) -> dict[str, Any]:
        return dict(getattr(framework(), self.collection))


def _listing(collection: str, name: str) -> type[PublicKnowledgeView]:
    @extend_schema(
        responses={200: OpenApiTypes.OBJECT},
        summary=f"All {collection} of the knowledge base, with the framework version",
        operation_id=f"knowledge_{collection}_list",
    )
    def get(self: PublicKnowledgeView, request: Request) -> Response:
        items = [item.model_dump(mode="json") for item in self.items().values()]
        return Response({"framework_version": framework().version, collection: items})

    return type(name, (PublicKnowledgeView,), {"collection": collection, "get": get})


def _detail(collection: str, singular: str, name: str) -> type[PublicKnowledgeView]:
    @extend_schema(
        responses={200: OpenApiTypes.OBJECT},
        summary=f"One item of {collection} by id",
        operation_id=f"knowledge_{collection}_retrieve",
    )
    def get(self: PublicKnowledgeView, request: Request, item_id: str) -> Response:
        item = self.items().get(item_id)
        if item is None:
            raise NotFound(f"No {singular} with id {item_id!r}.")
        return Response(item.model_dump(mode="json"))

    return type(name, (PublicKnowledgeView,), {"collection": collection, "get": get})


ProcessList = _listing("processes", "ProcessList")
ProcessDetail = _detail("processes", "process", "ProcessDetail")
MeasureList = _listing("measures", "MeasureList")
MeasureDetail = _detail("measures", "measure", "MeasureDetail")
QuestionList = _listing("questions", "QuestionList")
QuestionDetail = _detail("questions", "question", "QuestionDetail")
