"""The listings page with its filters per kind, the map page, the Atom feed, and the demo."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from openpromotor.listings.matches import matches_for
from openpromotor.listings.models import Listing, SavedSearch
from openpromotor.listings.vocabulary import Kind
from openpromotor.places import demo as places_demo
from tests.listings.factories import ListingFactory, expert, offer

pytestmark = pytest.mark.django_db


def titles(response) -> list[str]:
    return [listing.title for listing in response.context["page_obj"]]


def test_the_list_filters_per_kind(client):
    need = ListingFactory(title="Samenhuizen in Berchem")
    space = offer(title="School te huur", floor_area_m2=600)
    lawyer = expert(title="Jurist", disciplines=["legal"], languages=["fr"])
    url = reverse("listings:list")

    assert set(titles(client.get(url))) == {need.title, space.title, lawyer.title}
    assert titles(client.get(url, {"kind": "offer_space"})) == [space.title]
    assert titles(client.get(url, {"min_area": 500, "max_area": 700})) == [space.title, need.title]
    assert titles(client.get(url, {"language": "fr"})) == [lawyer.title]
    assert titles(client.get(url, {"q": "berchem"})) == [need.title]
    response = client.get(url, {"kind": "offer_expertise"})
    assert [field.name for field, _open in response.context["form"].checkbox_groups()] == [
        "discipline",
        "language",
        "fee_model",
    ]


def test_bad_filters_show_errors_not_a_server_error(client):
    response = client.get(reverse("listings:list"), {"radius_km": "0", "near": "2600"})
    assert response.status_code == 200 and response.context["page_obj"] is None
    assert "radius_km" in response.context["form"].errors


def test_the_map_page_points_the_map_at_the_listings_clusters(client):
    html = client.get(reverse("listings:map"), {"kind": "seek_space"}).content.decode()
    assert 'data-clusters-url="/api/v1/listings/clusters"' in html
    assert 'data-filters-form="listing-filters"' in html


def test_the_atom_feed_follows_the_filters(client):
    need = ListingFactory(title="Samenhuizen in Berchem")
    expert(title="Jurist")
    response = client.get(reverse("listings:feed"), {"kind": "seek_space"})
    assert response["Content-Type"].startswith("application/atom+xml")
    body = response.content.decode()
    assert need.title in body and "Jurist" not in body
    assert "<strong>ruimte</strong>" in body.replace("&lt;", "<").replace("&gt;", ">")
    assert client.get(reverse("listings:feed"), {"radius_km": "-1"}).status_code == 404


def test_the_demo_world_has_matches_that_make_sense(monkeypatch):
    monkeypatch.setattr(places_demo, "PLACES_PER_CITY", 15)  # fewer buildings: a faster test
    monkeypatch.setattr(places_demo, "PHOTOS", 0)
    call_command("demo", verbosity=0)
    lotte_need = Listing.objects.get(
        author__email="lotte@demo.openpromotor.be", kind=Kind.SEEK_SPACE
    )
    found = matches_for(lotte_need)
    assert found and found[0].score >= 80
    marc_offer = Listing.objects.get(title__startswith="Voormalige school")
    assert found[0].id == marc_offer.pk
    assert lotte_need.title in [item.title for item in matches_for(marc_offer)]
    assert SavedSearch.objects.filter(listing=lotte_need).exists()
    lotte_partners = Listing.objects.get(
        author__email="lotte@demo.openpromotor.be", kind=Kind.SEEK_PARTNERS
    )
    partners = {(item.kind, item.title) for item in matches_for(lotte_partners)}
    assert ("profile", "Nora Peeters") in partners
    assert any(title.startswith("Architect voor herbestemming") for _kind, title in partners)
    for kind in Kind.values:
        assert Listing.objects.published().filter(kind=kind).exists()
    call_command("demo", verbosity=0)  # loading again changes nothing
    assert Listing.objects.filter(author__email="lotte@demo.openpromotor.be").count() == 2
