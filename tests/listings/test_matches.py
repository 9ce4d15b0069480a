"""Matches on a need, an offer, a place and a partner search; and what never shows in public:
drafts, expired listings, seekers who did not let owners find them."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from openpromotor.listings import matching
from openpromotor.listings.expertise import (
    WEIGHTS,
    Discipline,
    ExpertOffer,
    Factor,
    Language,
    PartnerSearch,
    score_expert,
)
from openpromotor.listings.matches import Found, matches_for, seekers_for_place
from openpromotor.listings.reasons import reasons_data
from openpromotor.listings.vocabulary import Status, Tenure, Use
from openpromotor.municipalities.models import Municipality
from openpromotor.places.models import Status as PlaceStatus
from tests.listings.factories import ListingFactory, expert, offer, partner_search
from tests.places.factories import PlaceFactory

pytestmark = pytest.mark.django_db

NEAR_BERCHEM = (51.205, 4.43)
FAR_AWAY = (50.85, 4.35)  # Brussels, about 40 km


def school(**fields):
    values = {
        "building_type": "school",
        "floor_area_m2": 600,
        "latitude": NEAR_BERCHEM[0],
        "longitude": NEAR_BERCHEM[1],
        "cooperative": True,
    }
    return PlaceFactory(**(values | fields))


def test_the_vocabularies_match_the_scoring_functions():
    assert set(Use.values) == {member.value for member in matching.Use}
    assert set(Tenure.values) == {member.value for member in matching.Tenure}
    from openpromotor.listings import vocabulary

    assert set(vocabulary.Discipline.values) == {member.value for member in Discipline}
    assert set(vocabulary.Language.values) == {member.value for member in Language}


def test_a_need_gets_places_and_offers_best_first_with_translated_reasons():
    need = ListingFactory(tenures=["cooperative_project"])
    best = school(title="School om de hoek")
    school(title="Kerk verderop", building_type="church", latitude=51.23, longitude=4.44)
    space = offer(title="Aangeboden school", building_type="school", floor_area_m2=700)
    school(title="Te ver", latitude=FAR_AWAY[0], longitude=FAR_AWAY[1])
    school(title="Niet gepubliceerd", status=PlaceStatus.PENDING)

    found = matches_for(need)

    titles = [item.title for item in found]
    assert titles[0] == best.title
    assert space.title in titles
    assert "Te ver" not in titles and "Niet gepubliceerd" not in titles
    assert [item.score for item in found] == sorted((item.score for item in found), reverse=True)
    with translation.override("nl"):
        texts = [reason["text"] for reason in reasons_data(found[0].match)]
    assert "600 m² past binnen je 300–1.000 m²" in texts  # noqa: RUF001
    assert any("van Berchem" in text for text in texts)
    with translation.override("en"):
        texts = [reason["text"] for reason in reasons_data(found[0].match)]
    assert "600 m² fits your 300–1,000 m²" in texts  # noqa: RUF001


def test_a_need_by_municipality_matches_places_there_only():
    gent = Municipality.objects.get(nis_code="44021")
    need = ListingFactory(
        public_latitude=None, public_longitude=None, radius_km=None, municipalities=[gent]
    )
    in_gent = school(municipality=gent, latitude=51.05, longitude=3.72)
    school(title="In Antwerpen")
    assert [item.title for item in matches_for(need)] == [in_gent.title]


def test_a_place_tied_to_an_offer_comes_once_as_the_offer():
    need = ListingFactory()
    place = school()
    tied = offer(place=place, building_type="school")
    found = matches_for(need)
    assert [(item.kind, item.id) for item in found] == [("listing", tied.pk)]


def test_a_seeker_who_did_not_allow_being_found_never_appears_in_owners_matches():
    owner_offer = offer(building_type="school", floor_area_m2=600)
    place = school()
    findable = ListingFactory(title="Mag gevonden worden", findable=True)
    hidden = ListingFactory(title="Wil niet gevonden worden", findable=False)
    too_big = ListingFactory(title="Zoekt veel groter", min_area_m2=5000, max_area_m2=9000)

    for found in (matches_for(owner_offer), seekers_for_place(place)):
        titles = {item.title for item in found}
        assert findable.title in titles and hidden.title not in titles
        assert too_big.title not in titles  # an area that scores 0 is not a match

    pages = [
        reverse("listings:detail", args=[owner_offer.pk]),
        reverse("listings:place_seekers", args=[place.pk]),
        f"/api/v1/listings/{owner_offer.pk}/matches",
    ]
    for url in pages:
        body = Client().get(url).content.decode()
        assert findable.title in body and hidden.title not in body, url
    # The hidden seeker still sees the buildings that fit them.
    assert place.title in {item.title for item in matches_for(hidden)}


def test_drafts_expired_and_closed_listings_never_appear_anywhere_public(client):
    visible = ListingFactory(title="Gepubliceerd zoekertje")
    draft = ListingFactory(title="Geheim concept", status=Status.DRAFT, published_at=None)
    expired = ListingFactory(title="Verlopen zoekertje", status=Status.EXPIRED)
    pending = ListingFactory(title="Wacht op moderatie", status=Status.PENDING)
    closed = ListingFactory(title="Gesloten zoekertje", status=Status.CLOSED)
    hidden = [draft, expired, pending, closed]
    space = offer(title="Ruimte voor iedereen", building_type="school")
    place = school()

    public_pages = [
        reverse("listings:list"),
        reverse("listings:list") + "?kind=seek_space&near=2600&radius_km=20",
        reverse("listings:feed"),
        "/api/v1/listings",
        "/api/v1/listings/clusters?bbox=4.3,51.1,4.6,51.3&zoom=12",
        reverse("listings:detail", args=[space.pk]),
        f"/api/v1/listings/{space.pk}/matches",
        reverse("listings:place_seekers", args=[place.pk]),
    ]
    for url in public_pages:
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        assert all(item.title not in body for item in hidden), url
    assert visible.title in client.get(reverse("listings:list")).content.decode()
    for item in hidden:
        assert client.get(item.get_absolute_url()).status_code == 404
        assert client.get(f"/api/v1/listings/{item.pk}").status_code == 404
        assert client.get(f"/api/v1/listings/{item.pk}/matches").status_code == 404
    # Nor in the matches of any other listing.
    for item in (matches_for(space), seekers_for_place(place)):
        assert {found.id for found in item}.isdisjoint({listing.pk for listing in hidden})
    # The author still sees their own draft.
    client.force_login(draft.author)
    assert client.get(draft.get_absolute_url()).status_code == 200


def test_a_partner_search_gets_experts_and_the_other_way_round():
    search = partner_search(roles=["architect", "legal_help"], languages=["nl"])
    architect = expert(title="Architect", disciplines=["architecture"], languages=["nl", "fr"])
    lawyer = expert(title="Jurist", disciplines=["legal"], languages=["fr"])
    expert(title="Energie", disciplines=["energy"])
    found = matches_for(search)
    assert [item.title for item in found] == ["Architect", "Jurist"]
    assert architect.title in [item.title for item in matches_for(search)]
    assert search.title in [item.title for item in matches_for(lawyer)]


# --- The expert scoring function alone ----------------------------------------------------


def test_expert_weights_sum_to_100():
    assert sum(WEIGHTS.values()) == 100 and set(WEIGHTS) == set(Factor)


@pytest.mark.parametrize(
    ("search", "offer_", "factor", "score"),
    [
        (PartnerSearch(), ExpertOffer(), Factor.DISCIPLINE, 100),
        (
            PartnerSearch(disciplines=frozenset({Discipline.LEGAL, Discipline.FINANCIAL})),
            ExpertOffer(disciplines=frozenset({Discipline.LEGAL})),
            Factor.DISCIPLINE,
            50,
        ),
        (
            PartnerSearch(disciplines=frozenset({Discipline.LEGAL})),
            ExpertOffer(disciplines=frozenset({Discipline.ENERGY})),
            Factor.DISCIPLINE,
            0,
        ),
        (
            PartnerSearch(latitude=51.2, longitude=4.4),
            ExpertOffer(latitude=50.88, longitude=4.7, radius_km=60),
            Factor.REGION,
            100,
        ),
        (
            PartnerSearch(latitude=51.2, longitude=4.4),
            ExpertOffer(latitude=50.88, longitude=4.7, radius_km=30),
            Factor.REGION,
            62,  # 41.3 km: 100 x (2 - 41.3 / 30)
        ),
        (
            PartnerSearch(municipalities=frozenset({"11002"})),
            ExpertOffer(municipalities=frozenset({"44021"})),
            Factor.REGION,
            0,
        ),
        (
            PartnerSearch(municipalities=frozenset({"11002"})),
            ExpertOffer(),
            Factor.REGION,
            50,
        ),
        (
            PartnerSearch(languages=frozenset({Language.FRENCH})),
            ExpertOffer(languages=frozenset({Language.DUTCH})),
            Factor.LANGUAGE,
            0,
        ),
    ],
)
def test_each_expert_factor_alone(search, offer_, factor, score):
    match = score_expert(search, offer_)
    assert match.reason(factor).score == score


def test_a_partner_search_shows_public_expert_profiles_by_their_skills(client):
    from openpromotor.accounts.models import Role
    from tests.factories import UserFactory

    shown = UserFactory(profile_is_public=True, show_roles=True, show_skills=True)
    private = UserFactory(profile_is_public=False, show_roles=True, show_skills=True)
    for person in (shown, private):
        person.skills = "Architect voor herbestemming van kerken"
        person.save()
        person.set_roles([Role.EXPERT])
    search = partner_search(roles=["architect"], skills="herbestemming")

    html = client.get(search.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert reverse("accounts:profile_public", args=[shown.pk]) in html
    assert "An expert in architecture, as you ask" in html
    assert "Names herbestemming, as you ask" in html
    assert reverse("accounts:profile_public", args=[private.pk]) not in html


@pytest.mark.parametrize("well_suited", [2, 12])
def test_fetching_by_tiers_of_use_gives_the_same_best_as_scoring_everything(well_suited):
    from openpromotor.listings import candidates
    from openpromotor.listings.matches import LIMIT, _best, matches_for

    need = ListingFactory(tenures=["cooperative_project"], findable=False)
    for number in range(well_suited):
        school(title=f"School {number}", floor_area_m2=400 + 40 * number)
    for number, building_type in enumerate(["office", "industrial", "church", "office"]):
        school(title=f"Kan ook {number}", building_type=building_type, floor_area_m2=600)
    found = matches_for(need)

    plain = candidates.need_of(need, frozenset())
    everything = _best(
        [
            Found(
                row.kind,
                row.id,
                row.title,
                row.contact_id,
                matching.score_candidate(plain, row.candidate),
            )
            for row in candidates.rows_for_need(plain)
        ],
        LIMIT,
    )
    assert [(item.id, item.score) for item in found] == [
        (item.id, item.score) for item in everything
    ]
