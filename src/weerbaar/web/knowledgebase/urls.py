from django.urls import path

from weerbaar.web.knowledgebase import views

app_name = "knowledgebase"
urlpatterns = [
    path("", views.start, name="start"),
    path("kennisbank/", views.index, name="index"),
    path("kennisbank/begrippen/", views.concepts, name="concepts"),
    path("kennisbank/processen/<slug:process_id>/", views.process_detail, name="process"),
    path("kennisbank/rode-vlaggen/", views.red_flags, name="red_flags"),
    path("kennisbank/maatregelen/", views.measure_list, name="measures"),
    path("kennisbank/maatregelen/<str:measure_id>/", views.measure_detail, name="measure"),
    path("kennisbank/vragenlijst/", views.questionnaire, name="questionnaire"),
    path("kennisbank/bronnen/", views.sources, name="sources"),
]
