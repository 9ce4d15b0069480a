"""A person deletes their account: their published listings are closed and kept as a former
member's, never contactable; what was never public goes with the account; and every page that
shows an author copes with a former member."""

import pytest
from django.test import Client
from django.urls import reverse

from openpromotor.accounts.privacy import delete_account
from openpromotor.conversations.models import Conversation
from openpromotor.listings.matches import matches_for
from openpromotor.listings.models import Listing, SavedSearch
from openpromotor.listings.vocabulary import ClosedReason, Status
from tests.factories import UserFactory
from tests.listings.factories import ListingFactory, offer

pytestmark = pytest.mark.django_db

ENGLISH = {"HTTP_ACCEPT_LANGUAGE": "en"}


def test_deleting_an_account_closes_its_published_listings_and_keeps_them(moderator):
    person = UserFactory()
    published = ListingFactory(author=person, title="Gepubliceerd")
    expired = ListingFactory(author=person, title="Verlopen", status=Status.EXPIRED)
    found = ListingFactory(
        author=person, title="Gevonden", status=Status.CLOSED, closed_reason="found"
    )
    draft = ListingFactory(author=person, status=Status.DRAFT, published_at=None)
    pending = ListingFactory(author=person, status=Status.PENDING, published_at=None)
    SavedSearch.objects.create(
        user=person, name="Mijn matches", target="matches", listing=published
    )
    other = UserFactory()
    conversation = Conversation.objects.create(
        listing=published, subject=published.title, starter=other, recipient=person
    )

    delete_account(person)

    published.refresh_from_db()
    assert published.author is None
    assert (published.status, published.closed_reason) == (Status.CLOSED, ClosedReason.WITHDRAWN)
    assert Listing.objects.get(pk=expired.pk).status == Status.EXPIRED
    assert Listing.objects.get(pk=found.pk).closed_reason == "found"  # stays as it was
    assert not Listing.objects.filter(pk__in=[draft.pk, pending.pk]).exists()
    assert not SavedSearch.objects.exists()
    conversation.refresh_from_db()
    assert conversation.listing == published and conversation.recipient is None

    # Never public, never contactable.
    anonymous = Client()
    assert anonymous.get(published.get_absolute_url()).status_code == 404
    assert anonymous.get(f"/api/v1/listings/{published.pk}").status_code == 404
    assert "Gepubliceerd" not in anonymous.get(reverse("listings:list")).content.decode()
    other_client = Client()
    other_client.force_login(other)
    start = reverse("conversations:start_listing", args=[published.pk])
    assert other_client.get(start).status_code == 404
    space = offer(building_type="school")
    assert published.pk not in {item.id for item in matches_for(space)}

    # Moderators still see it, by a former member, with nothing to answer.
    staff = Client()
    staff.force_login(moderator)
    html = staff.get(published.get_absolute_url(), **ENGLISH).content.decode()
    assert "former member" in html and start not in html


def test_every_place_that_shows_an_author_copes_with_a_former_member(client, user):
    """A published listing without an author (kept by staff, say) never breaks a page."""
    orphan = ListingFactory(author=None, title="Zonder auteur", findable=True)
    space = offer(building_type="school", floor_area_m2=600, title="School")

    html = client.get(reverse("listings:list"), **ENGLISH).content.decode()
    assert "Zonder auteur" in html and "former member" in html
    feed = client.get(reverse("listings:feed"), **ENGLISH).content.decode()
    assert "<name>former member</name>" in feed
    assert client.get(f"/api/v1/listings/{orphan.pk}", **ENGLISH).json()["author"] == (
        "former member"
    )
    client.force_login(user)
    html = client.get(orphan.get_absolute_url(), **ENGLISH).content.decode()
    assert "former member" in html
    assert reverse("conversations:start_listing", args=[orphan.pk]) not in html
    # In an owner's matches: scored, but no button to write to nobody.
    found = next(item for item in matches_for(space) if item.id == orphan.pk)
    assert found.contact_id is None
    client.force_login(space.author)
    html = client.get(space.get_absolute_url()).content.decode()
    assert "Zonder auteur" in html
    assert reverse("conversations:start_listing", args=[orphan.pk]) not in html
