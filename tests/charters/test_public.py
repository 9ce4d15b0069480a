"""What outsiders see of a public charter: the latest adopted version only (never drafts,
comments, differences or signature dates), and the summary for the project's public page."""

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from openpromotor.charters import adoption, comments, sections
from openpromotor.charters.public import public_charter
from openpromotor.charters.sections import PointDraft
from tests.charters.helpers import write_section

pytestmark = pytest.mark.django_db


@pytest.fixture
def adopted(team):
    """Version 1 adopted and signed by the member; a newer draft; a comment."""
    project, coordinator, member = team["project"], team["coordinator"], team["member"]
    housing = write_section(
        project, coordinator, "Wonen", ("Zes gezinnen", "agreed"), ("Huisdieren", "divergent")
    )
    version = adoption.adopt(project.charter_versions.get(), coordinator)
    adoption.sign(version, member)
    sections.save_section(
        housing, 1, "Wonen", [PointDraft(None, "Geheime kladtekst", "reconcilable")], member
    )
    comments.post_comment(housing, member, "Interne reactie")
    project.charter_is_public = True
    project.save()
    return project


def test_outsiders_see_only_the_latest_adopted_version(client, team, adopted):
    for principal in ("outsider", "moderator", "anonymous"):
        client.logout()
        if team[principal].is_authenticated:
            client.force_login(team[principal])
        response = client.get(reverse("charters:charter", args=[adopted.pk]))
        assert response.status_code == 200
        assert response.templates[0].name == "charters/charter_public.html"
        page = response.content.decode()
        assert "version 1 of its charter, adopted on" in page
        assert "Zes gezinnen" in page and "Huisdieren" in page and "Divergent" in page
        for secret in ("Geheime kladtekst", "Interne reactie", "Mats Member", "/versies/"):
            assert secret not in page, (principal, secret)
        assert "/vergelijken/" not in page and "/bewerken/" not in page
        assert "Signed by 1 member." in page


def test_signers_are_named_only_when_the_members_are_public(client, team, adopted):
    adopted.members_are_public = True
    adopted.save()
    page = client.get(reverse("charters:charter", args=[adopted.pk])).content.decode()
    assert "Signed by Mats Member." in page


def test_members_see_the_draft_on_the_same_page(client, team, adopted):
    client.force_login(team["observer"])
    response = client.get(reverse("charters:charter", args=[adopted.pk]))
    assert response.templates[0].name == "charters/charter.html"
    assert "Geheime kladtekst" in response.content.decode()


def test_a_members_only_charter_is_refused_to_outsiders(client, team, adopted):
    adopted.charter_is_public = False
    adopted.save()
    assert client.get(reverse("charters:charter", args=[adopted.pk])).status_code == 403
    client.force_login(team["outsider"])
    assert client.get(reverse("charters:charter", args=[adopted.pk])).status_code == 403
    assert public_charter(adopted) == {"public_charter": None}


def test_a_public_charter_without_an_adopted_version(client, team):
    project = team["project"]
    write_section(project, team["coordinator"], "Wonen", ("Kladtekst", "agreed"))
    project.charter_is_public = True
    project.save()
    page = client.get(reverse("charters:charter", args=[project.pk])).content.decode()
    assert "This project has not adopted a charter yet." in page
    assert "Kladtekst" not in page
    assert public_charter(project) == {"public_charter": None}


def test_the_workspace_header_shows_outsiders_only_their_tabs(client, team, adopted):
    client.force_login(team["outsider"])
    page = client.get(reverse("charters:charter", args=[adopted.pk])).content.decode()
    assert reverse("projects:tasks", args=[adopted.pk]) not in page
    assert reverse("projects:workspace", args=[adopted.pk]) not in page
    assert reverse("projects:updates", args=[adopted.pk]) in page


def test_the_summary_for_the_project_page(team, adopted):
    context = public_charter(adopted)
    summary = context["public_charter"]
    assert summary.version.number == 1 and summary.signer_count == 1
    assert summary.signer_names is None  # the member list is not public
    html = render_to_string("charters/_public_charter.html", context)
    assert "Our charter" in html and "Version 1, adopted on" in html
    assert "<li>Wonen</li>" in html and "Divergent: 1" in html
    assert reverse("charters:charter", args=[adopted.pk]) in html
    assert "Geheime kladtekst" not in html and "Mats Member" not in html
    assert render_to_string("charters/_public_charter.html", {"public_charter": None}).strip() == ""
