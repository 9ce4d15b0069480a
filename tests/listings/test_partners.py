"""Searches for partners: skills compared as words, the skills factor of experts, and the people
who could join a group (public profiles, seekers open to a cooperative), scored alone and found
on the platform — only those who let themselves be found."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from openpromotor.accounts import models as accounts
from openpromotor.listings import expertise, partners, vocabulary
from openpromotor.listings.expertise import (
    Discipline,
    ExpertOffer,
    PartnerSearch,
    Role,
    score_expert,
)
from openpromotor.listings.matches import matches_for
from openpromotor.listings.matching import ENGLISH_LABELS, Use
from openpromotor.listings.partners import (
    GroupSeeker,
    Person,
    PersonRole,
    score_group_seeker,
    score_person,
)
from openpromotor.listings.reasons import reasons_data
from openpromotor.listings.skills import covered, fold, same_skill, skill_words
from openpromotor.municipalities.models import Municipality
from tests.factories import UserFactory
from tests.listings.factories import BERCHEM, ListingFactory, expert, partner_search

ANTWERPEN_CENTRE = (51.215, 4.41)


# --- Skills as words ------------------------------------------------------------------------


def test_skill_words_are_folded_and_skip_linking_words():
    assert skill_words("Énergie, Boekhouding; cooperative law and IT") == {
        "energie",
        "boekhouding",
        "cooperative",
        "law",
    }
    assert skill_words("") == frozenset() and skill_words(None) == frozenset()
    assert fold("Coöperatief") == "cooperatief"


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("architect", "architectuur", True),
        ("architect", "architecte", True),
        ("boekhouder", "boekhouding", True),
        ("energie", "energy", True),
        ("juridisch", "juridique", True),
        ("legal", "legale", True),
        ("particulier", "participatie", False),
        ("planning", "planten", False),
        ("bouw", "bouwkunde", False),  # four letters: only the same word
        ("wonen", "wonen", True),
    ],
)
def test_same_skill(first, second, same):
    assert same_skill(first, second) is same
    assert same_skill(second, first) is same


@given(st.text(alphabet="abcdefghij", min_size=3, max_size=12), st.text("abcdefghij", max_size=12))
def test_same_skill_is_reflexive_and_symmetric(first, second):
    assert same_skill(first, first)
    assert same_skill(first, second) == same_skill(second, first)


def test_covered_lists_the_asked_words_that_are_named():
    asked = skill_words("timmerwerk, boekhouding, erfgoed")
    assert covered(asked, skill_words("boekhouder en timmerman")) == ["boekhouding", "timmerwerk"]
    assert covered(asked, skill_words("erfgoedzorg")) == ["erfgoed"]
    assert covered(asked, frozenset()) == []


# --- The skills factor of experts -----------------------------------------------------------


def test_expert_weights_sum_to_100_with_skills():
    assert sum(expertise.WEIGHTS.values()) == 100
    assert set(expertise.WEIGHTS) == set(expertise.Factor)


@pytest.mark.parametrize(
    ("asked", "offered", "score"),
    [
        ("", "erfgoed", 100),  # nothing asked
        ("erfgoed", "", 50),  # asked, the expert says nothing
        ("erfgoed, herbestemming", "erfgoed", 50),
        ("erfgoed, herbestemming", "Erfgoed; herbestemmen van kerken", 100),
        ("erfgoed", "zonnepanelen", 0),
    ],
)
def test_the_skills_factor_is_the_share_of_the_asked_skills_named(asked, offered, score):
    match = score_expert(
        PartnerSearch(skills=skill_words(asked)), ExpertOffer(skills=skill_words(offered))
    )
    assert match.reason(expertise.Factor.SKILLS).score == score


def test_the_skills_reason_names_the_shared_skills():
    search = PartnerSearch(skills=skill_words("erfgoed, herbestemming, cooperatief wonen"))
    reason = score_expert(search, ExpertOffer(skills=skill_words("erfgoed, vergunning"))).reason(
        expertise.Factor.SKILLS
    )
    assert reason.text == "names erfgoed: 1 of the 4 skills you ask"


def test_more_shared_skills_never_score_lower():
    search = PartnerSearch(skills=skill_words("erfgoed herbestemming vergunning"))
    scores = [
        score_expert(search, ExpertOffer(skills=skill_words(text))).score
        for text in (
            "zonnepanelen",
            "erfgoed",
            "erfgoed vergunning",
            "erfgoed vergunning herbestemming",
        )
    ]
    assert scores == sorted(scores)


# --- People who could join, scored alone ----------------------------------------------------


def test_partner_weights_and_vocabularies():
    assert sum(partners.WEIGHTS.values()) == 100 and set(partners.WEIGHTS) == set(partners.Factor)
    assert {role.value for role in Role} == set(vocabulary.Role.values)
    assert {role.value for role in PersonRole} == set(accounts.Role.values)
    assert set(partners.USES_FILL) == set(Use)
    assert set(partners.DISCIPLINE_WORDS) == set(Discipline)
    assert set(partners.WHO_FILLS) | set(expertise.ROLE_DISCIPLINES) == set(Role)
    for term in (*Role, *PersonRole, *Discipline):
        assert term in ENGLISH_LABELS


@pytest.mark.parametrize(
    ("roles", "their_roles", "skills", "score"),
    [
        ({Role.MEMBER_HOUSEHOLD}, {PersonRole.SEEKER}, "", 100),
        ({Role.CO_FOUNDER}, {PersonRole.ORGANISATION_MEMBER}, "", 100),
        ({Role.INVESTOR}, {PersonRole.OWNER}, "", 100),
        ({Role.INVESTOR}, {PersonRole.SEEKER}, "", 0),
        ({Role.MEMBER_HOUSEHOLD}, {PersonRole.MUNICIPALITY_OFFICER}, "", 0),
        ({Role.ARCHITECT}, {PersonRole.EXPERT}, "architecte, restauration", 100),
        ({Role.ARCHITECT}, {PersonRole.EXPERT}, "boekhouding", 0),  # an expert of another kind
        ({Role.ARCHITECT}, {PersonRole.SEEKER}, "architect", 0),  # not an expert
        ({Role.VOLUNTEER}, {PersonRole.EXPERT}, "", 100),
    ],
)
def test_the_role_factor_of_a_person(roles, their_roles, skills, score):
    roles = frozenset(roles)
    disciplines = frozenset(
        expertise.ROLE_DISCIPLINES[role] for role in roles if role in expertise.ROLE_DISCIPLINES
    )
    search = PartnerSearch(roles=roles, disciplines=disciplines)
    person = Person(roles=frozenset(their_roles), skills=skill_words(skills))
    assert score_person(search, person).reason(partners.Factor.ROLE).score == score


def test_a_person_nearer_the_search_never_scores_lower():
    search = PartnerSearch(
        roles=frozenset({Role.CO_FOUNDER}), latitude=BERCHEM[0], longitude=BERCHEM[1]
    )
    scores = [
        score_person(
            search,
            Person(
                roles=frozenset({PersonRole.SEEKER}),
                latitude=BERCHEM[0] + step,
                longitude=BERCHEM[1],
            ),
        ).score
        for step in (0.5, 0.3, 0.1, 0.0)
    ]
    assert scores == sorted(scores)
    far = score_person(search, Person(latitude=BERCHEM[0] + 0.5, longitude=BERCHEM[1]))
    assert far.reason(partners.Factor.REGION).score == 0  # 55 km: beyond twice 20 km


def test_a_person_region_by_municipality_and_unknown():
    search = PartnerSearch(roles=frozenset({Role.CO_FOUNDER}), municipalities=frozenset({"11002"}))
    inside = Person(municipality="11002", municipality_name="Antwerpen")
    assert score_person(search, inside).reason(partners.Factor.REGION).text == (
        "lives in Antwerpen, one of your municipalities"
    )
    outside = Person(municipality="44021", municipality_name="Gent")
    assert score_person(search, outside).reason(partners.Factor.REGION).score == 0
    assert score_person(search, Person()).reason(partners.Factor.REGION).score == 50
    assert score_person(PartnerSearch(), Person()).reason(partners.Factor.REGION).score == 100


def test_a_group_seeker_takes_up_roles_by_its_uses_and_is_near_within_its_radius():
    search = PartnerSearch(
        roles=frozenset({Role.MEMBER_HOUSEHOLD}),
        latitude=BERCHEM[0],
        longitude=BERCHEM[1],
        place_label="Berchem",
    )
    households = GroupSeeker(
        uses=frozenset({Use.CO_HOUSING}), latitude=51.19, longitude=4.45, radius_km=10
    )
    match = score_group_seeker(search, households)
    assert [reason.text for reason in match.reasons] == [
        "looks for space for co-housing, open to a cooperative: could join as member household",
        "no skills asked",
        "2 km from Berchem, where they look",
    ]
    workshop = GroupSeeker(
        uses=frozenset({Use.RETAIL}), latitude=51.19, longitude=4.45, radius_km=10
    )
    assert score_group_seeker(search, workshop).reason(partners.Factor.ROLE).score == 0
    far = GroupSeeker(uses=frozenset({Use.HOUSING}), latitude=50.85, longitude=4.35, radius_km=5)
    assert score_group_seeker(search, far).reason(partners.Factor.REGION).score == 0
    anywhere = GroupSeeker(uses=frozenset({Use.HOUSING}))
    assert score_group_seeker(search, anywhere).reason(partners.Factor.REGION).score == 100


# --- On the platform ------------------------------------------------------------------------


def person(
    *roles,
    public=True,
    show_roles=True,
    show_skills=True,
    skills="",
    municipality="11002",
    **fields,
):
    user = UserFactory(
        profile_is_public=public,
        show_roles=show_roles,
        show_skills=show_skills,
        show_municipality=True,
        skills=skills,
        home_municipality=Municipality.objects.get(nis_code=municipality),
        **fields,
    )
    user.set_roles(list(roles))
    return user


@pytest.mark.django_db
def test_a_search_for_households_gets_people_and_groups_who_let_themselves_be_found():
    search = partner_search(
        roles=["member_household"], skills="moestuin, koken", place_label="Berchem"
    )
    found_person = person(
        accounts.Role.SEEKER, skills="Moestuin, verpleegkunde", display_name="Nora"
    )
    member = person(accounts.Role.ORGANISATION_MEMBER, display_name="Lid van een vzw")
    private = person(accounts.Role.SEEKER, public=False, display_name="Privé")
    roles_hidden = person(accounts.Role.SEEKER, show_roles=False, display_name="Rollen verborgen")
    inactive = person(accounts.Role.SEEKER, display_name="Gestopt", is_active=False)
    officer = person(accounts.Role.MUNICIPALITY_OFFICER, display_name="Ambtenaar")
    group = ListingFactory(
        title="Vier gezinnen zoeken samen", open_to_cooperative=True, findable=True
    )
    ListingFactory(title="Niet vindbaar", open_to_cooperative=True, findable=False)
    ListingFactory(title="Niet coöperatief", open_to_cooperative=False)
    ListingFactory(title="Winkel", uses=["retail"], open_to_cooperative=True)  # no household
    expert(title="Architect")  # no expertise asked

    found = matches_for(search)

    titles = {item.title for item in found}
    assert {found_person.display_name, member.display_name, group.title} <= titles
    hidden = {"Privé", "Rollen verborgen", "Gestopt", "Ambtenaar", "Niet vindbaar"}
    assert titles.isdisjoint(hidden | {"Niet coöperatief", "Winkel", "Architect"})
    nora = next(item for item in found if item.title == "Nora")
    assert nora.kind == "profile" and nora.url == reverse(
        "accounts:profile_public", args=[found_person.pk]
    )
    with translation.override("en"):
        texts = [reason["text"] for reason in reasons_data(nora.match)]
    assert texts[0] == "as seeker or initiator, could join as member household"
    assert texts[1] == "names moestuin: 1 of the 2 skills you ask"
    assert texts[2].startswith("lives in Antwerpen")
    assert [item.score for item in found] == sorted((item.score for item in found), reverse=True)
    assert {private.pk, roles_hidden.pk, inactive.pk, officer.pk}.isdisjoint(
        {item.id for item in found if item.kind == "profile"}
    )


@pytest.mark.django_db
def test_only_the_skills_a_person_shows_count():
    search = partner_search(roles=["architect"], skills="")
    shown = person(accounts.Role.EXPERT, skills="architect, erfgoed", display_name="Toont")
    person(accounts.Role.EXPERT, skills="architect", show_skills=False, display_name="Verbergt")
    found = {item.title: item for item in matches_for(search)}
    assert "Toont" in found and "Verbergt" not in found  # an expert of unknown expertise
    assert found["Toont"].match.reason(partners.Factor.ROLE).score == 100
    assert shown.pk == found["Toont"].id


@pytest.mark.django_db
def test_a_person_with_a_matching_listing_comes_once():
    author = person(accounts.Role.SEEKER, display_name="Eén keer")
    search = partner_search(roles=["member_household"])
    ListingFactory(author=author, title="Zijn zoektocht", open_to_cooperative=True)
    found = [item for item in matches_for(search) if item.contact_id == author.pk]
    assert [item.kind for item in found] == ["listing"]


@pytest.mark.django_db
def test_the_panel_and_the_api_show_profiles_without_the_contact_button(client):
    search = partner_search(roles=["co_founder"])
    nora = person(accounts.Role.SEEKER, display_name="Nora Peeters")
    client.force_login(UserFactory())
    html = client.get(search.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert reverse("accounts:profile_public", args=[nora.pk]) in html
    assert "could join as co-founder" in html
    assert reverse("listings:scoring") in html  # "How is this score made?"
    body = Client().get(f"/api/v1/listings/{search.pk}/matches").json()
    assert {"kind": "profile", "id": nora.pk} in [
        {"kind": item["kind"], "id": item["id"]} for item in body
    ]


@pytest.mark.django_db
def test_experts_are_scored_on_skills_too():
    search = partner_search(roles=["architect"], skills="erfgoed, herbestemming")
    expert(title="Erfgoedarchitect", disciplines=["architecture"], skills="erfgoed, herbestemming")
    expert(title="Nieuwbouwarchitect", disciplines=["architecture"], skills="passiefbouw")
    found = [item for item in matches_for(search) if item.kind == "listing"]
    assert [item.title for item in found] == ["Erfgoedarchitect", "Nieuwbouwarchitect"]
    assert found[0].score - found[1].score == expertise.WEIGHTS[expertise.Factor.SKILLS]


@pytest.mark.django_db
def test_the_profile_keeps_skills_and_shows_them_only_when_chosen(client, user):
    client.force_login(user)
    data = {"display_name": "Nora", "skills": "moestuin, verpleegkunde", "profile_is_public": "on"}
    response = client.post(reverse("accounts:profile_edit"), data)
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.skills == "moestuin, verpleegkunde" and not user.show_skills
    public = reverse("accounts:profile_public", args=[user.pk])
    assert "verpleegkunde" not in Client().get(public).content.decode()
    client.post(reverse("accounts:profile_edit"), data | {"show_skills": "on"})
    assert "verpleegkunde" in Client().get(public).content.decode()
