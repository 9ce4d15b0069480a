"""Adopting a version freezes it and asks the coordinators and members to sign it; a signature
names its version, once per person; a newer adoption keeps the earlier signatures where they
were; refusals are clear and change nothing."""

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.urls import reverse

from openpromotor.accounts import privacy
from openpromotor.charters import adoption, sections
from openpromotor.charters.models import FrozenVersion, Signature, Version
from openpromotor.charters.sections import PointDraft
from openpromotor.core.models import Notification
from openpromotor.projects.models import DigestItem, EventKind, Frequency, NotificationSetting
from tests.charters.helpers import write_section

pytestmark = pytest.mark.django_db


@pytest.fixture
def charter(team):
    """Two sections, so two versions; the newest is version 2."""
    project, coordinator = team["project"], team["coordinator"]
    write_section(project, coordinator, "Wonen", ("Samen wonen", "agreed"))
    write_section(project, coordinator, "Tuin", ("Open voor de buurt", "divergent"))
    return project


def _adopt_url(version):
    return reverse("charters:adopt", args=[version.project_id, version.pk])


def _sign_url(version):
    return reverse("charters:sign", args=[version.project_id, version.pk])


def test_adopting_freezes_the_version_and_asks_the_deciders_to_sign(
    client, team, charter, on_commit
):
    member = team["member"]
    NotificationSetting.objects.create(
        user=member, kind=EventKind.CHARTER, frequency=Frequency.INSTANT
    )
    newest = charter.charter_versions.first()
    client.force_login(team["coordinator"])
    with on_commit(execute=True):
        response = client.post(_adopt_url(newest))
    assert response.status_code == 302
    newest.refresh_from_db()
    assert newest.is_adopted and newest.adopted_by == team["coordinator"]

    message = "Cora Coordinator adopted version 2 of the charter: please read and sign it."
    assert Notification.objects.get(recipient=member).message == message
    assert Notification.objects.get(recipient=member).url == newest.get_absolute_url()
    assert [m.to for m in mail.outbox] == [[member.email]]
    assert message in mail.outbox[0].body
    # Only those who sign are asked; the others read it in the activity stream.
    for principal in ("coordinator", "expert", "owner", "municipality", "observer", "outsider"):
        assert not Notification.objects.filter(recipient=team[principal]).exists(), principal
    assert not DigestItem.objects.exclude(user=member).exists()


def test_an_adopted_version_can_never_be_changed(team, charter):
    coordinator = team["coordinator"]
    adopted = adoption.adopt(charter.charter_versions.first(), coordinator)
    frozen = adopted.snapshot
    housing = charter.charter_sections.get(title="Wonen")
    point = housing.points.get()

    # An edit, a status change, a point's deletion and a section's removal each make a new
    # draft version; the adopted one stays as it was.
    sections.save_section(
        housing, 1, "Wonen", [PointDraft(point.pk, "Samen wonen en eten", "agreed")], coordinator
    )
    sections.save_section(
        housing, 2, "Wonen", [PointDraft(point.pk, "Samen wonen en eten", "divergent")], coordinator
    )
    sections.save_section(
        housing, 3, "Wonen", [PointDraft(point.pk, "", "agreed", remove=True)], coordinator
    )
    sections.remove_section(housing, coordinator)
    states = [(version.number, version.is_adopted) for version in charter.charter_versions.all()]
    assert states == [(6, False), (5, False), (4, False), (3, False), (2, True), (1, False)]
    adopted.refresh_from_db()
    assert adopted.snapshot == frozen and adopted.is_adopted

    # Nothing changes or deletes the adopted version itself, by any way into the database.
    adopted.snapshot = {"sections": []}
    with pytest.raises(FrozenVersion):
        adopted.save()
    with pytest.raises(FrozenVersion):
        adopted.delete()
    one = Version.objects.filter(pk=adopted.pk)
    with pytest.raises(FrozenVersion):
        one.update(snapshot={"sections": []})
    with pytest.raises(FrozenVersion):
        one.update(adopted_at=None)
    with pytest.raises(FrozenVersion):
        one.delete()
    with pytest.raises(FrozenVersion):
        charter.charter_versions.all().delete()
    adopted.refresh_from_db()
    assert adopted.snapshot == frozen and adopted.is_adopted
    assert charter.charter_versions.count() == 6


def test_an_adopted_version_outlives_the_accounts_of_its_people(team, charter):
    member, coordinator = team["member"], team["coordinator"]
    version = adoption.adopt(charter.charter_versions.first(), coordinator)
    adoption.sign(version, member)
    privacy.delete_account(coordinator)
    privacy.delete_account(member)
    version.refresh_from_db()
    assert version.is_adopted and version.adopted_by is None and version.saved_by is None
    assert version.signatures.get().user is None  # "former member" signed it


def test_deleting_a_project_deletes_its_charter(team, charter):
    version = adoption.adopt(charter.charter_versions.first(), team["coordinator"])
    adoption.sign(version, team["member"])
    charter.delete()
    assert not Version.objects.exists() and not Signature.objects.exists()


def test_adopting_again_or_an_older_version_is_refused(client, team, charter):
    client.force_login(team["coordinator"])
    newest, older = charter.charter_versions.all()[:2]
    assert client.post(_adopt_url(newest)).status_code == 302
    again = client.post(_adopt_url(newest))
    assert again.status_code == 409
    assert "Version 2 was already adopted on" in again.content.decode()
    response = client.post(_adopt_url(older))
    assert response.status_code == 409
    page = response.content.decode()
    assert "Version 1 is no longer the newest: Cora Coordinator saved version 2 since." in page
    assert list(charter.charter_versions.adopted()) == [newest]


def test_further_edits_go_into_a_new_draft(client, team, charter):
    coordinator = team["coordinator"]
    adopted = adoption.adopt(charter.charter_versions.first(), coordinator)
    housing = charter.charter_sections.get(title="Wonen")
    sections.save_section(
        housing,
        1,
        "Wonen",
        [PointDraft(None, "Een gedeelde wasplaats", "reconcilable")],
        coordinator,
    )
    client.force_login(team["member"])
    page = client.get(reverse("charters:charter", args=[charter.pk])).content.decode()
    assert "The draft has changed since" in page
    compare = reverse("charters:compare", args=[charter.pk])
    assert f"{compare}?old={adopted.pk}&amp;new={charter.charter_versions.first().pk}" in page
    assert "Een gedeelde wasplaats" in page
    assert "Een gedeelde wasplaats" not in str(Version.objects.get(pk=adopted.pk).snapshot)


def test_signing_a_draft_twice_or_without_the_role_is_refused(client, team, charter, on_commit):
    member = team["member"]
    newest = charter.charter_versions.first()
    client.force_login(member)
    draft = client.post(_sign_url(newest))
    assert draft.status_code == 409
    assert "Version 2 is a draft: only an adopted version can be signed." in draft.content.decode()

    adoption.adopt(newest, team["coordinator"])
    with on_commit(execute=True):
        assert client.post(_sign_url(newest)).status_code == 302
    signature = Signature.objects.get()
    assert (signature.version, signature.user) == (newest, member)
    notice = Notification.objects.get(recipient=team["coordinator"])
    assert notice.message == "Mats Member signed version 2 of the charter."

    twice = client.post(_sign_url(newest))
    assert twice.status_code == 409
    assert "You already signed version 2 on" in twice.content.decode()
    for principal in ("expert", "owner", "observer"):
        client.force_login(team[principal])
        assert client.post(_sign_url(newest)).status_code == 403
    assert Signature.objects.count() == 1


def test_a_signature_is_unique_per_version_and_person(team, charter):
    version = adoption.adopt(charter.charter_versions.first(), team["coordinator"])
    Signature.objects.create(version=version, user=team["member"])
    with pytest.raises(IntegrityError), transaction.atomic():
        Signature.objects.create(version=version, user=team["member"])


def test_the_page_shows_who_signed_and_who_has_not(client, team, charter):
    version = adoption.adopt(charter.charter_versions.first(), team["coordinator"])
    adoption.sign(version, team["member"])
    client.force_login(team["observer"])
    for url in (reverse("charters:charter", args=[charter.pk]), version.get_absolute_url()):
        response = client.get(url)
        assert [s.user for s in response.context["signatures"]] == [team["member"]]
        assert response.context["not_signed"] == [team["coordinator"]]
        page = response.content.decode()
        assert "Signatures of version 2" in page and "Not signed yet" in page
        assert "Sign version 2" not in page  # an observer does not sign
    client.force_login(team["coordinator"])
    assert "Sign version 2" in client.get(version.get_absolute_url()).content.decode()


def test_a_newer_adoption_keeps_the_earlier_signatures(client, team, charter):
    coordinator, member = team["coordinator"], team["member"]
    first = adoption.adopt(charter.charter_versions.first(), coordinator)
    adoption.sign(first, coordinator)
    adoption.sign(first, member)
    housing = charter.charter_sections.get(title="Wonen")
    sections.save_section(housing, 1, "Wonen", [PointDraft(None, "Ook ouderen", "agreed")], member)
    second = adoption.adopt(charter.charter_versions.first(), coordinator)
    assert second.number == 3

    client.force_login(member)
    replaced = client.post(_sign_url(first))
    assert replaced.status_code == 409
    assert "Version 2 has been replaced by version 3, adopted on" in replaced.content.decode()
    assert client.post(_sign_url(second)).status_code == 302

    assert {s.user for s in first.signatures.all()} == {coordinator, member}
    assert [s.user for s in second.signatures.all()] == [member]
    old_page = client.get(first.get_absolute_url())
    assert len(old_page.context["signatures"]) == 2
    assert old_page.context["not_signed"] == []  # nobody is asked to sign a replaced version
    assert not old_page.context["may_sign"]
    assert adoption.not_signed(second) == [coordinator]
