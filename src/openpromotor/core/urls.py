from django.urls import path

from openpromotor.core import views

app_name = "core"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("over/", views.PageView.as_view(template_name="core/about.html"), name="about"),
    path("privacy/", views.PageView.as_view(template_name="core/privacy.html"), name="privacy"),
    path("voorwaarden/", views.PageView.as_view(template_name="core/terms.html"), name="terms"),
    path("contact/", views.PageView.as_view(template_name="core/contact.html"), name="contact"),
    path("meldingen/", views.notifications, name="notifications"),
]
