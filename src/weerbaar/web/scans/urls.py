from django.urls import include, path

from weerbaar.web.scans import files, fill, respondent, views

app_name = "scans"

SCAN = "gemeente/<str:code>/scans/<int:pk>/"

respondent_patterns = (
    [
        path("", respondent.start, name="start"),
        path("antwoord/", respondent.autosave_answer, name="autosave"),
        path("klaar/", respondent.complete, name="complete"),
        path("<slug:part>/", respondent.part, name="part"),
    ],
    "respondent",
)

urlpatterns = [
    path("gemeente/<str:code>/", views.index, name="index"),
    path("gemeente/<str:code>/scans/nieuw/", views.create, name="create"),
    path("gemeente/<str:code>/scans/importeren/", files.upload, name="upload"),
    path("gemeente/<str:code>/scans/sjabloon.xlsx", files.template, name="template"),
    path(SCAN, views.detail, name="detail"),
    path(SCAN + "status/", views.set_status, name="status"),
    path(SCAN + "respondenten/", respondent.invite, name="respondents"),
    path(SCAN + "invullen/", fill.fill_start, name="fill_start"),
    path(SCAN + "invullen/<slug:part>/", fill.fill, name="fill"),
    path(SCAN + "antwoord/", fill.autosave_answer, name="autosave"),
    path(SCAN + "workshop/", fill.workshop, name="workshop"),
    path(SCAN + "export.json", files.export, name="export"),
    path("s/<str:token>/", include(respondent_patterns)),
]
