from django.urls import path

from weerbaar.web.awareness import commplan, kit, participant, views

app_name = "awareness"
BASE = "gemeente/<str:code>/bewustwording/"
SESSION = BASE + "sessies/<int:pk>/"

urlpatterns = [
    path(BASE, kit.overview, name="overview"),
    path(BASE + "sessies/", views.session_list, name="sessions"),
    path(SESSION, views.session_detail, name="session"),
    path(SESSION + "scherm/", views.screen, name="screen"),
    path(SESSION + "stap/", views.step, name="step"),
    path(SESSION + "notities/", views.notes, name="notes"),
    path(SESSION + "stand.json", views.state, name="state"),
    path(SESSION + "qr.svg", views.qr, name="qr"),
    path(BASE + "lessen/", kit.lessons_admin, name="lessons_admin"),
    path(BASE + "puls/", kit.pulse_admin, name="pulse_admin"),
    path(BASE + "communicatieplan/", commplan.plan, name="commplan"),
    path(BASE + "communicatieplan/<int:pk>/", commplan.edit_item, name="commplan_item"),
    path(BASE + "communicatieplan/agenda.ics", commplan.ical, name="commplan_ical"),
    # Without an account: participants of a session, employees taking a lesson or the pulse.
    path("d/", participant.join, name="join"),
    path("d/<str:join_code>/", participant.participant, name="participant"),
    path("d/<str:join_code>/stem/", participant.vote, name="vote"),
    path("d/<str:join_code>/stand.json", participant.state, name="participant_state"),
    path("k/<str:token>/", kit.kit_home, name="kit"),
    path("k/<str:token>/les/<slug:lesson>/", kit.lesson, name="lesson"),
    path("k/<str:token>/puls/", kit.pulse, name="pulse"),
]
