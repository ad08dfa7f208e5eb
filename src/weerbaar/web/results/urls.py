from django.urls import path

from weerbaar.web.results import views

app_name = "results"
urlpatterns = [
    path("gemeente/<str:code>/scans/<int:pk>/resultaten/", views.dashboard, name="dashboard"),
    path("gemeente/<str:code>/scans/<int:pk>/rapport/", views.download_report, name="report"),
]
