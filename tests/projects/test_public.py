"""The public face: starting a project from a place or a listing, the public page, the
overview with filters, search and map, the news feed and the API. Members-only content never
appears in any of them, for anyone, members included."""

import json

import pytest
from django.urls import reverse

from openpromotor.listings.models import Listing
from openpromotor.municipalities.models import Municipality
from openpromotor.places.models import Status
from openpromotor.projects import discussions, documents, filetypes, news, roadmap
from openpromotor.projects.models import Project, ProjectFollow, Role, Task
from tests.factories import UserFactory
from tests.places.factories import PlaceFactory
from tests.projects.factories import PUBLIC_PARTS, add_member, make_project
from tests.projects.test_documents import PDF_BYTES
from tests.projects.test_workspace import _settings_data

pytestmark = pytest.mark.django_db

SECRETS = [
    "GEHEIM-VERHAAL",
    "GEHEIM-TAAK",
    "GEHEIM-GESPREK",
    "GEHEIM-DOCUMENT",
    "GEHEIM-NIEUWS",
    "Mats Geheimlid",
    "GEHEIM-DOEL",
]


@pytest.fixture
def secretive():
    """A project with every part members-only and a secret in each of them."""
    from django.core.files.base import ContentFile

    coordinator = UserFactory(display_name="Cora")
    place = PlaceFactory(title="De oude kapel")
    project = make_project(
        coordinator,
        places=[place],
        name="Open Kapel",
        summary="Een publieke samenvatting.",
        story="GEHEIM-VERHAAL",
        story_is_public=False,
        members_are_public=False,
        roadmap_is_public=False,
    )
    add_member(project, Role.MEMBER, display_name="Mats Geheimlid")
    phase = project.phases.first()
    roadmap.add_goal(phase, "GEHEIM-DOEL")
    Task.objects.create(project=project, phase=phase, title="GEHEIM-TAAK")
    discussions.start_thread(project, coordinator, "GEHEIM-GESPREK", "tekst")
    documents.add_document(
        project, coordinator, "GEHEIM-DOCUMENT", ContentFile(PDF_BYTES, "x.pdf"), filetypes.PDF
    )
    news.post_update(project, coordinator, "GEHEIM-NIEUWS", "intern", is_public=False)
    news.post_update(project, coordinator, "Open dag", "Iedereen welkom", is_public=True)
    return project


def _texts(client, project, member=False) -> list[str]:
    """The public pages; the news page too for non-members (members see their own news)."""
    pages = [
        project.get_absolute_url(),
        reverse("projects:list"),
        reverse("projects:list") + "?q=GEHEIM",
        *([] if member else [reverse("projects:updates", args=[project.pk])]),
        reverse("projects:feed", args=[project.pk]),
        f"/api/v1/projects/{project.pk}",
        "/api/v1/projects",
        "/api/v1/projects?q=GEHEIM",
    ]
    return [client.get(url).content.decode() for url in pages]


@pytest.mark.parametrize("who", ["anonymous", "outsider", "member"])
def test_members_only_content_never_leaks(client, secretive, who):
    if who == "outsider":
        client.force_login(UserFactory())
    elif who == "member":
        client.force_login(secretive.created_by)  # the public face is the same for members
    for text in _texts(client, secretive, member=who == "member"):
        for secret in SECRETS:
            assert secret not in text
    page = client.get(secretive.get_absolute_url()).content.decode()
    assert "Een publieke samenvatting." in page and "Open dag" in page
    assert "De oude kapel" in page and 'data-map="point"' in page


def test_the_search_finds_public_words_only(client, secretive):
    found = client.get(reverse("projects:list") + "?q=publieke").content.decode()
    assert "Open Kapel" in found
    hidden = client.get(reverse("projects:list") + "?q=GEHEIM").content.decode()
    assert "Open Kapel" not in hidden
    api = client.get("/api/v1/projects?q=GEHEIM").json()
    assert api["items"] == []


def test_public_parts_show_when_the_project_opens_them(client, secretive):
    for field, value in PUBLIC_PARTS.items():
        setattr(secretive, field, value)
    secretive.save()
    page = client.get(secretive.get_absolute_url()).content.decode()
    assert "GEHEIM-VERHAAL" in page and "Mats Geheimlid" in page
    assert "GEHEIM-TAAK" not in page  # tasks are always for members only
    detail = client.get(f"/api/v1/projects/{secretive.pk}").json()
    assert detail["story"] == "GEHEIM-VERHAAL"
    assert {"name": "Mats Geheimlid", "role": "member"} in detail["members"]
    assert "GEHEIM-DOEL" in json.dumps(detail["roadmap"])
    assert "GEHEIM-TAAK" not in json.dumps(detail) and "GEHEIM-NIEUWS" not in json.dumps(detail)


def test_the_api_shape(client, secretive):
    body = client.get("/api/v1/projects").json()
    item = body["items"][0]
    assert item["name"] == "Open Kapel" and item["purpose"] == "co_housing"
    assert item["current_phase"] == {"number": 1, "title": "Verkennen en diagnose"}
    assert item["progress"] == {"closed_phases": 0, "phases": 7}
    assert item["member_count"] == 2 and item["location"]["latitude"]
    detail = client.get(f"/api/v1/projects/{secretive.pk}").json()
    assert detail["story"] is None and detail["members"] is None and detail["roadmap"] is None
    assert [update["title"] for update in detail["news"]] == ["Open dag"]
    assert client.get("/api/v1/projects/999999").status_code == 404
    schema = client.get("/api/v1/openapi.json").json()
    assert (
        "/api/v1/projects" in schema["paths"] and "/api/v1/projects/{project_id}" in schema["paths"]
    )


def test_the_api_pages_and_filters(client):
    gent = Municipality.objects.get(nis_code="44021")
    for number in range(3):
        make_project(name=f"Project {number}")
    make_project(name="In Gent", municipality=gent, purpose="culture")
    first = client.get("/api/v1/projects?limit=2").json()
    assert len(first["items"]) == 2 and "after=" in first["next"]
    rest = client.get(first["next"]).json()
    assert len(rest["items"]) == 2 and rest["next"] is None
    assert [
        p["name"] for p in client.get("/api/v1/projects?municipality=44021").json()["items"]
    ] == ["In Gent"]
    assert client.get("/api/v1/projects?purpose=culture").json()["items"][0]["name"] == "In Gent"
    assert client.get("/api/v1/projects?purpose=castle").status_code == 422
    assert client.get("/api/v1/projects?phase=1").json()["items"]
    assert client.get("/api/v1/projects?phase=2").json()["items"] == []


def test_starting_a_project_from_a_place(client, user):
    place = PlaceFactory(title="Lege school")
    client.force_login(user)
    page = client.get(reverse("projects:create") + f"?place={place.pk}").content.decode()
    assert "Lege school" in page
    data = {
        "name": "Wonen in de school",
        "summary": "Samen wonen.",
        "purpose": "co_housing",
        "legal_form": "informal",
        "municipality": place.municipality.pk,
        "place": place.pk,
        "roadmap_is_public": "on",
    }
    response = client.post(reverse("projects:create"), data)
    project = Project.objects.get()
    assert response["Location"] == reverse("projects:workspace", args=[project.pk])
    assert list(project.places.all()) == [place]
    assert project.memberships.get().role == Role.COORDINATOR
    assert project.roadmap_is_public and not project.story_is_public
    # The place's page offers to start a project to verified users.
    detail = client.get(place.get_absolute_url()).content.decode()
    assert f"{reverse('projects:create')}?place={place.pk}" in detail


def test_a_pending_place_cannot_be_linked(client, user):
    place = PlaceFactory(status=Status.PENDING, published_at=None)
    client.force_login(user)
    data = {
        "name": "X",
        "summary": "Y",
        "purpose": "housing",
        "legal_form": "informal",
        "municipality": place.municipality.pk,
        "place": place.pk,
    }
    response = client.post(reverse("projects:create"), data)
    assert response.status_code == 400
    assert "This building cannot be linked: it is not published" in response.content.decode()
    assert not Project.objects.exists()


def test_an_invalid_project_form_answers_400_and_keeps_what_was_typed(client, user):
    client.force_login(user)
    data = {"name": "", "summary": "Samen wonen in de school.", "purpose": "castle"}
    response = client.post(reverse("projects:create"), data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "Please correct the fields marked below." in page
    assert "Samen wonen in de school." in page
    assert set(response.context["form"].errors) >= {"name", "purpose", "municipality"}
    assert not Project.objects.exists()


def test_starting_a_project_from_ones_own_listing(client, user):
    listing = Listing.objects.create(
        kind="seek_partners",
        title="Wij zoeken mede-oprichters",
        description="Een lange beschrijving " * 30,
        author=user,
        status="published",
    )
    listing.municipalities.add(Municipality.objects.get(nis_code="44021"))
    client.force_login(user)
    page = client.get(reverse("projects:create") + f"?listing={listing.pk}").content.decode()
    assert 'value="Wij zoeken mede-oprichters"' in page
    data = {
        "name": "Wij zoeken mede-oprichters",
        "summary": "Kort.",
        "purpose": "mixed_use",
        "legal_form": "informal",
        "municipality": Municipality.objects.get(nis_code="44021").pk,
        "listing": listing.pk,
    }
    client.post(reverse("projects:create"), data)
    project = Project.objects.get()
    assert list(project.listings.all()) == [listing]
    public = client.get(project.get_absolute_url()).content.decode()
    assert "What the group is looking for" in public and "Wij zoeken mede-oprichters" in public
    # Someone else's listing cannot be linked.
    other = Listing.objects.create(
        kind="seek_space",
        title="Van iemand anders",
        description="x",
        author=UserFactory(),
        status="published",
    )
    client.post(reverse("projects:create"), data | {"listing": other.pk, "name": "Tweede"})
    assert not Project.objects.filter(name="Tweede").exists()


def test_an_unverified_person_cannot_start_a_project(client, unverified_user):
    client.force_login(unverified_user)
    assert client.get(reverse("projects:create")).status_code == 403


def test_the_overview_filters_and_maps(client):
    gent = Municipality.objects.get(nis_code="44021")
    make_project(name="Kapel Antwerpen", places=[PlaceFactory()], purpose="culture")
    other = make_project(name="School Gent", municipality=gent, purpose="co_housing")
    roadmap.close_phase(other.phases.first(), other.created_by, "Klaar")
    url = reverse("projects:list")
    everything = client.get(url).content.decode()
    assert "Kapel Antwerpen" in everything and "School Gent" in everything
    assert 'id="projects-points"' in everything and 'data-map="points"' in everything
    by_municipality = client.get(url + f"?municipality={gent.pk}").content.decode()
    assert "School Gent" in by_municipality and "Kapel Antwerpen" not in by_municipality
    by_purpose = client.get(url + "?purpose=culture").content.decode()
    assert "Kapel Antwerpen" in by_purpose and "School Gent" not in by_purpose
    by_phase = client.get(url + "?phase=2").content.decode()
    assert "School Gent" in by_phase and "Kapel Antwerpen" not in by_phase
    assert client.get(url + "?phase=abc&purpose=castle").status_code == 200


def test_follow_and_ask_to_join_from_the_public_page(client, user):
    project = make_project()
    client.force_login(user)
    page = client.get(project.get_absolute_url()).content.decode()
    assert "Follow this project" in page and "Ask to join" in page
    client.post(reverse("projects:follow", args=[project.pk]))
    assert ProjectFollow.objects.filter(project=project, user=user).exists()
    client.post(reverse("projects:follow", args=[project.pk]))
    assert not ProjectFollow.objects.exists()
    client.logout()
    response = client.get(reverse("projects:request_to_join", args=[project.pk]))
    assert "/account/login/" in response["Location"]


def test_the_feed_holds_public_news_only(client):
    project = make_project()
    news.post_update(project, project.created_by, "Open dag", "**Welkom**", is_public=True)
    news.post_update(project, project.created_by, "Intern", "geheim", is_public=False)
    feed = client.get(reverse("projects:feed", args=[project.pk]))
    assert feed["Content-Type"].startswith("application/atom+xml")
    text = feed.content.decode()
    assert "Open dag" in text and "Intern" not in text


def test_a_page_of_the_api_costs_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    for number in range(6):
        make_project(name=f"Project {number}", places=[PlaceFactory()])
    with django_assert_max_num_queries(4):
        assert len(client.get("/api/v1/projects").json()["items"]) == 6


# --- Linked buildings: only published ones, at their public location -------------------------


@pytest.fixture
def linked():
    """A project linked to a published building that shows only an approximate location, and
    to buildings that were later rejected, archived, taken back to moderation or found no
    longer vacant (the places app shows none of those to the public)."""
    shown = PlaceFactory(
        title="De gepubliceerde kapel",
        latitude=51.02713,
        longitude=4.48127,
        location_is_approximate=True,
    )
    hidden = [
        PlaceFactory(
            title=f"GEHEIM-PAND-{status}",
            status=status,
            latitude=51.08111 + number * 0.01111,
            longitude=4.41111 + number * 0.01111,
        )
        for number, status in enumerate(
            (Status.REJECTED, Status.ARCHIVED, Status.PENDING, Status.NO_LONGER_VACANT)
        )
    ]
    project = make_project(places=[*hidden, shown], name="Kapel met buren")
    return project, shown, hidden


def test_only_published_buildings_appear_on_the_public_face(client, linked):
    project, shown, hidden = linked
    public_point = (round(shown.public_latitude, 5), round(shown.public_longitude, 5))
    assert public_point[0] != shown.latitude and public_point[1] != shown.longitude
    page = client.get(project.get_absolute_url()).content.decode()
    overview = client.get(reverse("projects:list")).content.decode()
    listing = client.get("/api/v1/projects").json()["items"][0]
    detail = client.get(f"/api/v1/projects/{project.pk}").json()
    assert "De gepubliceerde kapel" in page and shown.get_absolute_url() in page
    assert f'data-latitude="{public_point[0]:f}"' in page
    assert json.dumps(public_point[0]) in overview
    for body in (listing, detail):
        assert body["places"] == [shown.pk]
        assert body["location"] == {"latitude": public_point[0], "longitude": public_point[1]}
    for text in (page, overview, json.dumps(listing), json.dumps(detail)):
        assert "GEHEIM-PAND" not in text
        assert "51.02713" not in text and "4.48127" not in text  # never the exact location
        for place in hidden:
            assert place.get_absolute_url() not in text
            assert f"{place.public_latitude:.5f}" not in text


def test_a_project_whose_building_is_no_longer_public_loses_its_map(client, linked):
    project, shown, _hidden = linked
    shown.status = Status.ARCHIVED
    shown.save()
    page = client.get(project.get_absolute_url()).content.decode()
    assert "De gepubliceerde kapel" not in page and 'data-map="point"' not in page
    overview = client.get(reverse("projects:list")).content.decode()
    assert "Kapel met buren" in overview and 'data-map="points"' not in overview
    detail = client.get(f"/api/v1/projects/{project.pk}").json()
    assert detail["places"] == [] and detail["location"] is None


def test_coordinators_still_see_and_can_unlink_a_building_that_is_not_public(client, linked):
    project, shown, hidden = linked
    client.force_login(project.created_by)
    url = reverse("projects:edit", args=[project.pk])
    page = client.get(url).content.decode()
    assert "De gepubliceerde kapel" in page
    assert "GEHEIM-PAND-rejected (not shown to the public: rejected)" in page
    data = _settings_data(project, keep_places=[shown.pk, hidden[1].pk])
    assert client.post(url, data).status_code == 302
    assert set(project.places.all()) == {shown, hidden[1]}
