import pytest
from django.urls import reverse

from openpromotor.core.models import Notification
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_notifications_are_private_and_marked_read(client, user):
    Notification.objects.create(recipient=user, message="Voor mij", url="/panden/1/")
    Notification.objects.create(recipient=UserFactory(), message="Voor iemand anders")
    url = reverse("core:notifications")
    assert client.get(url).status_code == 302  # anonymous: to the log-in page

    client.force_login(user)
    assert "1<span" in client.get("/").content.decode().replace(" ", "")  # unread badge
    html = client.get(url).content.decode()
    assert "Voor mij" in html and "Voor iemand anders" not in html
    assert not Notification.objects.filter(recipient=user, read_at__isnull=True).exists()


def test_my_notifications_are_in_my_data(client, user):
    Notification.objects.create(recipient=user, message="Nieuws")
    client.force_login(user)
    data = client.get(reverse("accounts:data_export")).json()
    assert data["core"]["notifications"][0]["message"] == "Nieuws"
