from django.urls import path

from weerbaar.web.audit import views

app_name = "audit"
urlpatterns = [path("gemeente/<str:code>/audit/", views.event_list, name="event_list")]
