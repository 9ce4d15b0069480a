from django.urls import path  # noqa: F401 (the helper fills in the routes)

app_name = "decisions"

urlpatterns = []
