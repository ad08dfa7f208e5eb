"""API version 1. Municipality data lives under ``municipalities/<code>/``."""

from django.urls import path

from weerbaar.web.api.views import knowledge, municipalities, plans, scans
from weerbaar.web.signals import api as signals

M = "municipalities/<str:code>/"
urlpatterns = [
    path("municipalities/", municipalities.MunicipalityList.as_view(), name="municipality-list"),
    path(M, municipalities.MunicipalityDetail.as_view(), name="municipality-detail"),
    path(f"{M}scans/", scans.ScanList.as_view(), name="scan-list"),
    path(f"{M}scans/<int:scan_id>/", scans.ScanDetail.as_view(), name="scan-detail"),
    path(f"{M}scans/<int:scan_id>/answers/", scans.ScanAnswers.as_view(), name="scan-answers"),
    path(f"{M}scans/<int:scan_id>/result/", scans.ScanResultView.as_view(), name="scan-result"),
    path(f"{M}plans/", plans.PlanList.as_view(), name="plan-list"),
    path(f"{M}plans/<int:plan_id>/", plans.PlanDetail.as_view(), name="plan-detail"),
    path(f"{M}plans/<int:plan_id>/accept/", plans.PlanAccept.as_view(), name="plan-accept"),
    path(f"{M}plans/<int:plan_id>/actions/", plans.ActionList.as_view(), name="action-list"),
    path(
        f"{M}plans/<int:plan_id>/actions/<int:action_id>/",
        plans.ActionDetail.as_view(),
        name="action-detail",
    ),
    path(f"{M}signals/runs/", signals.SignalRunList.as_view(), name="signal-run-list"),
    path(
        f"{M}signals/runs/<int:run_id>/",
        signals.SignalRunDetail.as_view(),
        name="signal-run-detail",
    ),
    path(
        f"{M}signals/runs/<int:run_id>/hits/",
        signals.SignalHitList.as_view(),
        name="signal-hit-list",
    ),
    path(
        f"{M}signals/hits/<int:hit_id>/",
        signals.SignalHitDetail.as_view(),
        name="signal-hit-detail",
    ),
    path("knowledge/processes/", knowledge.ProcessList.as_view(), name="process-list"),
    path(
        "knowledge/processes/<str:item_id>/",
        knowledge.ProcessDetail.as_view(),
        name="process-detail",
    ),
    path("knowledge/measures/", knowledge.MeasureList.as_view(), name="measure-list"),
    path(
        "knowledge/measures/<str:item_id>/",
        knowledge.MeasureDetail.as_view(),
        name="measure-detail",
    ),
    path("knowledge/questions/", knowledge.QuestionList.as_view(), name="question-list"),
    path(
        "knowledge/questions/<str:item_id>/",
        knowledge.QuestionDetail.as_view(),
        name="question-detail",
    ),
]
