from django.urls import path  # noqa: F401

app_name = "knowledgebase"
urlpatterns: list = []  # type: ignore[type-arg]
