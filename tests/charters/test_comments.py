"""Comments per section: members who speak post them (the others hear of it), edit and delete
their own; an empty comment is refused with the form shown again."""

import pytest
from django.urls import reverse

from openpromotor.core.models import Notification
from tests.charters.helpers import write_section

pytestmark = pytest.mark.django_db


@pytest.fixture
def section(team):
    return write_section(team["project"], team["coordinator"], "Tuin", ("Open", "divergent"))


def test_a_member_comments_and_the_others_hear_of_it(client, team, section, on_commit):
    client.force_login(team["owner"])
    with on_commit(execute=True):
        response = client.post(section.get_absolute_url(), {"body": "De tuin 's nachts dicht?"})
    comment = section.comments.get()
    assert response.status_code == 302 and response["Location"] == comment.get_absolute_url()
    notice = Notification.objects.get(recipient=team["member"])
    assert notice.message == "Otto Owner commented on the charter section “Tuin”."
    assert not Notification.objects.filter(recipient=team["outsider"]).exists()
    page = client.get(section.get_absolute_url()).content.decode()
    assert "<p>De tuin 's nachts dicht?</p>" in page
    counted = client.get(reverse("charters:charter", args=[team["project"].pk])).content.decode()
    assert "1 comment" in counted


def test_an_empty_comment_is_refused(client, team, section):
    client.force_login(team["member"])
    response = client.post(section.get_absolute_url(), {"body": "  "})
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
    assert not section.comments.exists()


def test_the_author_edits_and_deletes_their_comment(client, team, section):
    client.force_login(team["expert"])
    client.post(section.get_absolute_url(), {"body": "Eerste versie"})
    comment = section.comments.get()
    edit = reverse("charters:edit_comment", args=[section.project_id, comment.pk])
    assert client.get(edit).status_code == 200
    assert client.post(edit, {"body": ""}).status_code == 400
    assert client.post(edit, {"body": "Tweede versie"}).status_code == 302
    page = client.get(section.get_absolute_url()).content.decode()
    assert "Tweede versie" in page and "edited" in page
    delete = reverse("charters:delete_comment", args=[section.project_id, comment.pk])
    assert client.post(delete).status_code == 302
    comment.refresh_from_db()
    assert comment.is_deleted and comment.body == ""
    page = client.get(section.get_absolute_url()).content.decode()
    assert "This comment was deleted by its author." in page
    assert client.post(edit, {"body": "Terug"}).status_code == 403  # a deleted one stays deleted


def test_personal_data_holds_my_comments_and_signatures(team, section):
    from django.apps import apps

    from openpromotor.charters import adoption, comments

    member = team["member"]
    comments.post_comment(section, member, "Mijn mening")
    version = adoption.adopt(team["project"].charter_versions.get(), team["coordinator"])
    adoption.sign(version, member)
    data = apps.get_app_config("charters").personal_data(member)
    assert [c["body"] for c in data["comments"]] == ["Mijn mening"]
    assert [(s["project"], s["version"]) for s in data["signatures"]] == [(version.project_id, 1)]
