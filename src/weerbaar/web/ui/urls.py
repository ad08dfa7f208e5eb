from django.urls import path

from weerbaar.web.ui import views

app_name = "ui"
urlpatterns = [path("favicon.ico", views.favicon, name="favicon")]
