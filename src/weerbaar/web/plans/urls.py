from django.urls import path

from weerbaar.web.plans import views

app_name = "plans"
urlpatterns = [
    path("gemeente/<str:code>/scans/<int:pk>/actieplan/", views.create, name="create"),
    path("gemeente/<str:code>/actieplannen/", views.index, name="index"),
    path("gemeente/<str:code>/actieplannen/<int:pk>/", views.detail, name="detail"),
    path("gemeente/<str:code>/actieplannen/<int:pk>/vaststellen/", views.accept, name="accept"),
    path("gemeente/<str:code>/acties/<int:pk>/", views.update_action, name="action"),
]
