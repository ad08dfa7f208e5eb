from django.urls import path

from weerbaar.web.regional import views

app_name = "regional"
urlpatterns = [
    path("gemeente/<str:code>/delen/", views.consent, name="consent"),
]
