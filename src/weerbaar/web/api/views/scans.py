"""Scans of one municipality: list, create, detail, answers (read/write) and the scored result.

Answers are checked and stored by the ui's scan services and scored by the core
(:func:`weerbaar.scan.score_scan`); nothing is computed here. Every read and write is audited.
"""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from weerbaar.web.api.scoping import MunicipalityScopedMixin
from weerbaar.web.api.serializers import AnswerInputSerializer, AnswerSerializer, ScanSerializer
from weerbaar.web.audit.service import log_event
from weerbaar.web.knowledgebase.framework import framework
from weerbaar.web.results.services import NotScorable, score
from weerbaar.web.scans import services
from weerbaar.web.scans.models import Scan, ScanMode


def scan_of(request: Request, code: str, scan_id: int) -> Scan:
    return get_object_or_404(Scan, pk=scan_id, municipality_id=code)


class ScanList(MunicipalityScopedMixin, generics.ListCreateAPIView):
    serializer_class = ScanSerializer

    def get_queryset(self) -> Any:
        return Scan.objects.filter(municipality_id=self.kwargs["code"])

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        log_event(request, "scans_listed", None)
        return super().list(request, *args, **kwargs)

    def perform_create(self, serializer: Any) -> None:
        scan = serializer.save(
            municipality=self.request.municipality,  # type: ignore[attr-defined]
            framework_version=framework().version,
            created_by=self.request.user,
        )
        log_event(self.request, "scan_created", scan)


class ScanDetail(MunicipalityScopedMixin, generics.RetrieveAPIView):
    serializer_class = ScanSerializer

    def get_object(self) -> Scan:
        scan = scan_of(self.request, self.kwargs["code"], self.kwargs["scan_id"])
        log_event(self.request, "scan_viewed", scan)
        return scan


class ScanAnswers(MunicipalityScopedMixin, generics.GenericAPIView):
    """GET: all answers (respondents pseudonymous). PUT: store one workshop answer."""

    serializer_class = AnswerSerializer
    pagination_class = None

    def get(self, request: Request, code: str, scan_id: int) -> Response:
        scan = scan_of(request, code, scan_id)
        log_event(request, "answers_viewed", scan)
        answers = scan.answers.all().order_by("question_id", "respondent_id")
        return Response(AnswerSerializer(answers, many=True).data)

    @extend_schema(request=AnswerInputSerializer, responses={200: AnswerSerializer})
    def put(self, request: Request, code: str, scan_id: int) -> Response:
        scan = scan_of(request, code, scan_id)
        if scan.mode != ScanMode.WORKSHOP:
            raise ValidationError(
                {"scan": ["Survey answers are given by respondents via their link."]}
            )
        if not scan.is_open:
            raise ValidationError({"scan": ["This scan is closed: answers can no longer change."]})
        given = AnswerInputSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        try:
            answer = services.record_answer(
                scan, None, services.AnswerInput(**given.validated_data)
            )
        except services.AnswerError as error:
            raise ValidationError({"answer": [str(error)]}) from error
        log_event(request, "answer_changed", scan, details={"question_id": answer.question_id})
        return Response(AnswerSerializer(answer).data, status=status.HTTP_200_OK)


class ScanResultView(MunicipalityScopedMixin, generics.GenericAPIView):
    """The scan scored by the core: per-process vulnerability with explanations in words."""

    @extend_schema(responses={200: OpenApiTypes.OBJECT})
    def get(self, request: Request, code: str, scan_id: int) -> Response:
        scan = scan_of(request, code, scan_id)
        try:
            result = score(scan)
        except NotScorable as error:
            raise ValidationError({"scan": [str(error)]}) from error
        log_event(request, "result_viewed", scan)
        return Response(result.model_dump(mode="json"))
