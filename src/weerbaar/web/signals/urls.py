from django.urls import path

from weerbaar.web.signals import upload, views

app_name = "signals"
urlpatterns = [
    path("gemeente/<str:code>/signalen/", views.index, name="index"),
    path("gemeente/<str:code>/signalen/<int:pk>/", views.run_detail, name="run"),
    path("gemeente/<str:code>/signalen/nieuw/", upload.upload, name="upload"),
    path("gemeente/<str:code>/signaaltreffers/<int:pk>/", views.hit_detail, name="hit"),
]
