"""The weights are documented: ``docs/matching.md`` holds the weights of the code, and the page
"How is this score made?" shows them to everyone, linked from every matches panel."""

import re
from pathlib import Path

import pytest
from django.urls import reverse

from openpromotor.listings import expertise, explanations, matching, partners
from tests.listings.factories import ListingFactory

DOCS = Path(__file__).resolve().parents[2] / "docs" / "matching.md"
SECTIONS = {
    "## Space": matching.WEIGHTS,
    "## Experts for a search for partners": expertise.WEIGHTS,
    "## People and groups for a search for partners": partners.WEIGHTS,
}
ROW = re.compile(r"^\| `(\w+)` \| (\d+) \|", re.MULTILINE)


def documented_weights() -> dict[str, dict[str, int]]:
    text = DOCS.read_text(encoding="utf-8")
    found = {}
    for heading in SECTIONS:
        start = text.index(heading)
        end = text.find("\n## ", start + 1)
        found[heading] = {name: int(weight) for name, weight in ROW.findall(text[start:end])}
    return found


def test_the_documentation_holds_the_weights_of_the_code():
    for heading, weights in documented_weights().items():
        assert weights == {str(factor): weight for factor, weight in SECTIONS[heading].items()}


def test_the_documented_example_is_the_score_of_the_code():
    need = matching.Need(
        uses=frozenset({matching.Use.CO_HOUSING}),
        min_area_m2=800,
        max_area_m2=2500,
        tenures=frozenset({matching.Tenure.COOPERATIVE_PROJECT}),
        max_price_eur=1_900_000,
        latitude=51.2005,
        longitude=4.4270,
        radius_km=5,
        place_label="Berchem",
    )
    school = matching.Candidate(
        building_type=matching.BuildingType.SCHOOL,
        floor_area_m2=1200,
        tenures=frozenset({matching.Tenure.COOPERATIVE_PROJECT, matching.Tenure.BUY}),
        asking_price_eur=2_100_000,
        latitude=51.2203,
        longitude=4.4014,
        condition=matching.Condition.NEEDS_REFRESH,
    )
    match = matching.score_candidate(need, school)
    text = DOCS.read_text(encoding="utf-8")
    assert f"Score **{match.score}**" in text
    for reason in match.reasons:
        assert f"| {reason.factor} | {reason.score} | {reason.text} |" in text


def test_every_factor_is_explained_on_the_page():
    for _key, _title, weights, texts in explanations.FAMILIES:
        assert set(texts) == set(weights)
    names = {
        str(factor) for _key, _title, weights, _texts in explanations.FAMILIES for factor in weights
    }
    assert names == set(explanations.NAMES)


@pytest.mark.django_db
def test_the_page_shows_the_weights_and_the_matches_panel_links_to_it(client):
    response = client.get(reverse("listings:scoring"), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<th scope="row">Use</th><td class="text-end">25</td>' in html
    assert '<th scope="row">Role</th><td class="text-end">50</td>' in html
    need = ListingFactory()
    html = client.get(need.get_absolute_url()).content.decode()
    assert f'href="{reverse("listings:scoring")}"' in html


def test_the_documented_partner_examples_are_the_scores_of_the_code():
    from openpromotor.listings.skills import skill_words

    search = expertise.PartnerSearch(
        roles=frozenset({expertise.Role.ARCHITECT, expertise.Role.MEMBER_HOUSEHOLD}),
        disciplines=frozenset({expertise.Discipline.ARCHITECTURE}),
        skills=skill_words("erfgoed, herbestemming, coöperatief wonen"),
        latitude=51.2005,
        longitude=4.4270,
        place_label="Berchem",
        languages=frozenset({expertise.Language.DUTCH}),
    )
    architect = expertise.ExpertOffer(
        disciplines=frozenset({expertise.Discipline.ARCHITECTURE}),
        skills=skill_words("haalbaarheidsstudie, erfgoed, stedenbouwkundige vergunning"),
        latitude=50.8798,
        longitude=4.7005,
        radius_km=60,
        languages=frozenset({expertise.Language.DUTCH, expertise.Language.FRENCH}),
    )
    person = partners.Person(
        roles=frozenset({partners.PersonRole.SEEKER}),
        skills=skill_words("timmerwerk, boekhouding, wonen"),
        municipality="11002",
        municipality_name="Antwerpen",
        latitude=51.21,
        longitude=4.41,
    )
    group = partners.GroupSeeker(
        uses=frozenset({matching.Use.CO_HOUSING}), latitude=51.19, longitude=4.45, radius_km=10
    )
    text = DOCS.read_text(encoding="utf-8")
    for match in (
        expertise.score_expert(search, architect),
        partners.score_person(search, person),
        partners.score_group_seeker(search, group),
    ):
        assert f"Score **{match.score}**" in text
        for reason in match.reasons:
            assert f"| {reason.factor} | {reason.score} | {reason.text} |" in text
