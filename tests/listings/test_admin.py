"""The admin of listings, saved searches and abuse reports: it loads for staff, with its filters
and search, and is refused to everyone else."""

import pytest
from django.urls import reverse

from openpromotor.listings.models import ListingReport, SavedSearch
from tests.factories import UserFactory
from tests.listings.factories import ListingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages():
    listing = ListingFactory(title="Zoekertje in de admin")
    orphan = ListingFactory(author=None, title="Van een voormalig lid", status="closed")
    search = SavedSearch.objects.create(user=listing.author, name="Zoektocht", target="listings")
    report = ListingReport.objects.create(listing=listing, author=UserFactory(), text="Spam")
    return [
        reverse("admin:listings_listing_changelist"),
        reverse("admin:listings_listing_changelist") + "?kind=seek_space&status=published",
        reverse("admin:listings_listing_changelist") + "?q=admin",
        reverse("admin:listings_listing_change", args=[listing.pk]),
        reverse("admin:listings_listing_change", args=[orphan.pk]),
        reverse("admin:listings_savedsearch_changelist") + "?target=listings",
        reverse("admin:listings_savedsearch_change", args=[search.pk]),
        reverse("admin:listings_listingreport_changelist") + "?state=open&q=spam",
        reverse("admin:listings_listingreport_change", args=[report.pk]),
    ]


def test_the_admin_pages_load_for_staff(client, pages):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
    html = client.get(pages[2]).content.decode()
    assert "Zoekertje in de admin" in html and "Van een voormalig lid" not in html


def test_the_admin_is_refused_to_everyone_else(client, pages, moderator):
    for person in (None, UserFactory(), moderator):
        if person:
            client.force_login(person)
        for url in pages:
            response = client.get(url)
            assert response.status_code == 302 and "/admin/login/" in response["Location"], url
