"""Writing the charter: sections with points and statuses, every save a version, bad input
refused with the form shown again, and two editors of one section at once: the later one is
told, sees the differences, keeps their text, and merges; nothing is silently overwritten."""

import threading

import pytest
from django.db import connection
from django.urls import reverse

from openpromotor.charters import sections
from openpromotor.charters.models import Point, Section, Version
from openpromotor.charters.sections import PointDraft, SectionConflict
from openpromotor.core.models import Notification
from openpromotor.projects.errors import ActionRefused
from openpromotor.projects.models import Activity, ProjectFollow
from tests.charters.helpers import rows_of, section_post, write_section
from tests.factories import UserFactory
from tests.projects.factories import add_member, make_project

pytestmark = pytest.mark.django_db


@pytest.fixture
def group():
    coordinator = UserFactory(display_name="Cora")
    project = make_project(coordinator)
    member = add_member(project, display_name="Mats")
    return project, coordinator, member


def _edit_url(section):
    return reverse("charters:edit_section", args=[section.project_id, section.pk])


def test_a_member_adds_a_section_with_points_and_statuses(client, group, on_commit):
    project, coordinator, member = group
    client.force_login(member)
    data = section_post(
        "Samen wonen",
        [
            {"text": "We delen de **tuin**.", "status": "agreed"},
            {"text": "Een gedeelde auto.", "status": "reconcilable"},
            {"text": "Huisdieren in de gemeenschappelijke ruimtes.", "status": "divergent"},
        ],
        extra=2,
    )
    with on_commit(execute=True):
        response = client.post(reverse("charters:add_section", args=[project.pk]), data)
    assert response.status_code == 302
    section = project.charter_sections.get()
    assert response["Location"].endswith(f"/handvest/#section-{section.pk}")
    assert [(p.text, p.status) for p in section.points.all()] == [
        ("We delen de **tuin**.", "agreed"),
        ("Een gedeelde auto.", "reconcilable"),
        ("Huisdieren in de gemeenschappelijke ruimtes.", "divergent"),
    ]
    version = project.charter_versions.get()
    assert version.number == 1 and version.saved_by == member
    assert version.change == Version.Change.SECTION_ADDED and version.subject == "Samen wonen"
    assert [p["status"] for p in version.sections()[0]["points"]] == [
        "agreed",
        "reconcilable",
        "divergent",
    ]
    notice = Notification.objects.get(recipient=coordinator)
    assert "Mats added the section “Samen wonen” to the charter." in notice.message

    page = client.get(reverse("charters:charter", args=[project.pk])).content.decode()
    assert "<strong>tuin</strong>" in page  # the point's Markdown, rendered
    for symbol, label in (("✓", "Agreed"), ("≈", "Reconcilable"), ("≠", "Divergent")):
        assert f'<span aria-hidden="true">{symbol}</span> {label}</span>' in page  # not colour
    assert "charter-point-divergent" in page


def test_the_charter_page_counts_the_points_per_status(client, group):
    project, coordinator, _member = group
    write_section(
        project, coordinator, "Wonen", ("A", "agreed"), ("B", "agreed"), ("C", "divergent")
    )
    write_section(project, coordinator, "Geld", ("D", "reconcilable"))
    client.force_login(coordinator)
    response = client.get(reverse("charters:charter", args=[project.pk]))
    counts = [(c.status, c.count) for c in response.context["counts"]]
    assert counts == [("agreed", 2), ("reconcilable", 1), ("divergent", 1)]
    assert "Agreed</span> <strong>2</strong>" in response.content.decode()


def test_markdown_in_points_and_comments_is_sanitised(client, group):
    project, coordinator, _member = group
    section = write_section(
        project, coordinator, "Veilig", ("<script>alert(1)</script> *ok*", "agreed")
    )
    client.force_login(coordinator)
    client.post(section.get_absolute_url(), {"body": "<img src=x onerror=alert(1)> **ja**"})
    for url in (reverse("charters:charter", args=[project.pk]), section.get_absolute_url()):
        page = client.get(url).content.decode()
        assert "<script>alert" not in page and "onerror" not in page
        assert "<em>ok</em>" in page
    assert "<strong>ja</strong>" in client.get(section.get_absolute_url()).content.decode()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            section_post("  ", [{"text": "Een punt", "status": "agreed"}]),
            "Give the section a title.",
        ),
        (
            section_post("Wonen", [{"text": "Een punt", "status": "unanimous"}]),
            "Choose one of the statuses: agreed, reconcilable or divergent.",
        ),
    ],
)
def test_bad_input_shows_the_form_again_and_saves_nothing(client, group, data, message):
    project, coordinator, _member = group
    client.force_login(coordinator)
    response = client.post(reverse("charters:add_section", args=[project.pk]), data)
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert "Een punt" in page  # what was typed is still there
    assert not Section.objects.exists() and not Version.objects.exists()


def test_an_emptied_point_must_be_removed_on_purpose(client, group):
    project, coordinator, _member = group
    section = write_section(project, coordinator, "Wonen", ("Samen eten", "agreed"))
    client.force_login(coordinator)
    rows = rows_of(section)
    rows[0]["text"] = ""
    response = client.post(_edit_url(section), section_post("Wonen", rows, revision=1))
    assert response.status_code == 400
    assert "Write the point, or tick “Remove this point”." in response.content.decode()
    assert section.points.get().text == "Samen eten"


def test_the_services_refuse_what_the_forms_refuse(group):
    project, coordinator, _member = group
    with pytest.raises(ActionRefused):
        sections.add_section(project, " ", [], coordinator)
    with pytest.raises(ActionRefused):
        sections.add_section(project, "Wonen", [PointDraft(None, "Punt", "maybe")], coordinator)
    assert not Section.objects.exists()


def test_every_save_makes_a_numbered_version_with_all_sections(client, group):
    project, coordinator, member = group
    housing = write_section(project, coordinator, "Wonen", ("Samen", "agreed"))
    write_section(project, coordinator, "Geld", ("Kostprijshuur", "reconcilable"))
    client.force_login(member)
    rows = rows_of(housing)
    rows[0]["status"] = "divergent"
    rows.append({"text": "Een logeerkamer", "status": "agreed"})
    assert (
        client.post(_edit_url(housing), section_post("Wonen", rows, revision=1)).status_code == 302
    )
    version = project.charter_versions.first()
    assert version.number == 3 and version.saved_by == member
    assert version.change == Version.Change.SECTION_EDITED
    assert version.snapshot == {
        "sections": [
            {
                "id": housing.pk,
                "title": "Wonen",
                "points": [
                    {"id": rows[0]["point"], "text": "Samen", "status": "divergent"},
                    {"id": housing.points.last().pk, "text": "Een logeerkamer", "status": "agreed"},
                ],
            },
            {
                "id": project.charter_sections.get(title="Geld").pk,
                "title": "Geld",
                "points": [
                    {
                        "id": Point.objects.get(text="Kostprijshuur").pk,
                        "text": "Kostprijshuur",
                        "status": "reconcilable",
                    }
                ],
            },
        ]
    }
    housing.refresh_from_db()
    assert housing.revision == 2


def test_charter_activity_reaches_members_only(client, group, on_commit):
    project, coordinator, member = group
    follower = UserFactory()
    ProjectFollow.objects.create(project=project, user=follower)
    with on_commit(execute=True):
        section = write_section(project, member, "Wonen", ("Samen", "agreed"))
        point = section.points.get()
        sections.save_section(
            section, 1, "Wonen", [PointDraft(point.pk, "Samen!", "agreed")], member
        )
    activity = Activity.objects.filter(kind="charter").first()
    assert activity.part == "charter" and activity.url == section.get_absolute_url()
    assert activity.message() == "Mats edited the charter section “Wonen”."
    assert Notification.objects.filter(recipient=coordinator).count() == 2
    assert not Notification.objects.filter(recipient=follower).exists()
    assert not Notification.objects.filter(recipient=member).exists()  # not about one's own


def test_saving_without_a_change_makes_no_version(client, group):
    project, coordinator, _member = group
    section = write_section(project, coordinator, "Wonen", ("Samen", "agreed"))
    client.force_login(coordinator)
    response = client.post(
        _edit_url(section), section_post("Wonen", rows_of(section), revision=1), follow=True
    )
    assert "Nothing had changed, so no new version was made." in response.content.decode()
    assert project.charter_versions.count() == 1


def test_a_point_id_of_another_section_is_never_touched(client, group):
    project, coordinator, _member = group
    housing = write_section(project, coordinator, "Wonen", ("Samen", "agreed"))
    money = write_section(project, coordinator, "Geld", ("Kostprijshuur", "agreed"))
    other_project = make_project(coordinator, name="Andere groep")
    foreign = write_section(other_project, coordinator, "Geheim", ("Niet van jou", "agreed"))
    client.force_login(coordinator)
    stolen = [
        {"point": money.points.get().pk, "text": "Overschreven", "status": "divergent"},
        {"point": foreign.points.get().pk, "text": "Ook", "status": "divergent", "remove": True},
    ]
    rows = rows_of(housing) + stolen
    assert (
        client.post(_edit_url(housing), section_post("Wonen", rows, revision=1)).status_code == 302
    )
    assert money.points.get().text == "Kostprijshuur"
    assert foreign.points.get().text == "Niet van jou"
    assert [p.text for p in housing.points.all()] == ["Samen", "Overschreven"]


def test_removing_a_point_and_taking_out_and_putting_back_a_section(client, group):
    project, coordinator, _member = group
    section = write_section(
        project, coordinator, "Wonen", ("Samen", "agreed"), ("Apart", "divergent")
    )
    client.force_login(coordinator)
    rows = rows_of(section)
    rows[1]["remove"] = True
    client.post(_edit_url(section), section_post("Wonen", rows, revision=1))
    assert [p.text for p in section.points.all()] == ["Samen"]

    remove = reverse("charters:remove_section", args=[project.pk, section.pk])
    assert client.post(remove).status_code == 302
    section.refresh_from_db()
    assert section.is_removed
    newest = project.charter_versions.first()
    assert newest.change == Version.Change.SECTION_REMOVED and newest.sections() == []
    charter = client.get(reverse("charters:charter", args=[project.pk])).content.decode()
    assert "1 section taken out of the charter" in charter
    assert client.get(section.get_absolute_url()).status_code == 200  # its page stays

    restore = reverse("charters:restore_section", args=[project.pk, section.pk])
    assert client.post(restore).status_code == 302
    section.refresh_from_db()
    assert not section.is_removed
    assert project.charter_versions.first().sections()[0]["title"] == "Wonen"
    assert project.charter_versions.count() == 4
    messages = [a.message() for a in Activity.objects.filter(kind="charter")]
    assert "Cora put the section “Wonen” back into the charter." in messages
    assert "Cora removed the section “Wonen” from the charter." in messages


def test_moving_sections_changes_their_order_in_a_new_version(client, group):
    project, coordinator, _member = group
    first = write_section(project, coordinator, "Eerst")
    second = write_section(project, coordinator, "Dan")
    client.force_login(coordinator)
    move = reverse("charters:move_section", args=[project.pk, second.pk])
    assert client.post(move, {"direction": "up"}).status_code == 302
    assert [s["title"] for s in project.charter_versions.first().sections()] == ["Dan", "Eerst"]
    assert project.charter_versions.first().change == Version.Change.SECTION_MOVED
    client.post(move, {"direction": "up"})  # already first: nothing happens
    client.post(move, {"direction": "sideways"})  # not a direction: nothing happens
    assert project.charter_versions.count() == 3
    assert list(project.charter_sections.values_list("pk", flat=True)) == [second.pk, first.pk]


# --- Two editors at once -------------------------------------------------------------------


def test_the_second_editor_is_told_sees_the_differences_and_can_merge(client, group):
    project, coordinator, member = group
    section = write_section(
        project,
        coordinator,
        "Gedeelde ruimtes",
        ("De tuin is van iedereen", "agreed"),
        ("Een werkplaats", "reconcilable"),
    )
    opened_by_both = rows_of(section)  # both open the form at revision 1
    garden, workshop = opened_by_both

    # The member saves first: the workshop becomes divergent and a point is added.
    client.force_login(member)
    first = [
        garden,
        workshop | {"status": "divergent"},
        {"text": "Een fietsenstalling", "status": "agreed"},
    ]
    assert (
        client.post(
            _edit_url(section), section_post("Gedeelde ruimtes", first, revision=1)
        ).status_code
        == 302
    )

    # The coordinator saves a new text for the garden, still based on revision 1.
    client.force_login(coordinator)
    mine = [garden | {"text": "De tuin is van iedereen, ook van de buren"}, workshop]
    response = client.post(_edit_url(section), section_post("Gedeelde ruimtes", mine, revision=1))
    assert response.status_code == 409
    page = response.content.decode()
    assert "Someone else saved this section while you were editing it" in page
    assert "Mats saved it on" in page
    # The coordinator's own text is still in the form...
    assert "De tuin is van iedereen, ook van de buren</textarea>" in page
    # ...the differences are marked by more than colour...
    assert '<span class="visually-hidden">only in your text: </span>' in page
    assert '<span class="visually-hidden">only in the saved text: </span>' in page
    assert "Agreed: De tuin is van <ins>iedereen, ook van de buren</ins>" in page
    assert "<del>Divergent:</del> Een werkplaats" in page
    assert "<del>Agreed: Een fietsenstalling</del>" in page
    # ...and the point the member added meanwhile is an extra row of the form.
    assert "added by someone else meanwhile" in page
    assert "Een fietsenstalling</textarea>" in page
    form = response.context["form"]
    assert form.initial["revision"] == 2
    section.refresh_from_db()
    assert [p.text for p in section.points.all()] == [
        "De tuin is van iedereen",
        "Een werkplaats",
        "Een fietsenstalling",
    ]

    # The coordinator merges: keeps their garden text, takes over the divergent workshop, and
    # keeps the member's new point.
    merged = [
        garden | {"text": "De tuin is van iedereen, ook van de buren"},
        workshop | {"status": "divergent"},
        {
            "point": section.points.get(text="Een fietsenstalling").pk,
            "text": "Een fietsenstalling",
            "status": "agreed",
        },
    ]
    response = client.post(_edit_url(section), section_post("Gedeelde ruimtes", merged, revision=2))
    assert response.status_code == 302
    section.refresh_from_db()
    assert section.revision == 3
    assert [(p.text, p.status) for p in section.points.all()] == [
        ("De tuin is van iedereen, ook van de buren", "agreed"),
        ("Een werkplaats", "divergent"),
        ("Een fietsenstalling", "agreed"),
    ]
    assert project.charter_versions.count() == 3


def test_a_point_removed_meanwhile_comes_back_with_the_editors_text(group):
    project, coordinator, member = group
    section = write_section(project, coordinator, "Wonen", ("Samen eten", "agreed"))
    point = section.points.get()
    sections.save_section(
        section, 1, "Wonen", [PointDraft(point.pk, "", "agreed", remove=True)], member
    )
    with pytest.raises(SectionConflict) as clash:
        sections.save_section(
            section, 1, "Wonen", [PointDraft(point.pk, "Samen koken", "agreed")], coordinator
        )
    assert clash.value.current.revision == 2
    sections.save_section(
        section, 2, "Wonen", [PointDraft(point.pk, "Samen koken", "agreed")], coordinator
    )
    assert [p.text for p in section.points.all()] == ["Samen koken"]


def test_points_the_form_does_not_mention_are_kept(group):
    project, coordinator, _member = group
    section = write_section(project, coordinator, "Wonen", ("Samen eten", "agreed"))
    sections.save_section(
        section, 1, "Wonen", [PointDraft(None, "Samen koken", "agreed")], coordinator
    )
    assert [p.text for p in section.points.all()] == ["Samen koken", "Samen eten"]


def test_editing_a_section_taken_out_meanwhile_is_a_conflict_then_puts_it_back(client, group):
    project, coordinator, member = group
    section = write_section(project, coordinator, "Wonen", ("Samen", "agreed"))
    sections.remove_section(section, member)
    client.force_login(coordinator)
    rows = rows_of(section)
    rows[0]["text"] = "Samen, altijd"
    response = client.post(_edit_url(section), section_post("Wonen", rows, revision=1))
    assert response.status_code == 409
    assert "saving puts it back with your text" in response.content.decode()
    assert (
        client.post(_edit_url(section), section_post("Wonen", rows, revision=2)).status_code == 302
    )
    section.refresh_from_db()
    assert not section.is_removed and section.points.get().text == "Samen, altijd"


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs concurrent transactions")
def test_two_saves_at_the_same_moment_one_is_told(group):
    """Two requests save the same revision at once: the row lock lets one through, the
    other gets the conflict (and so the differences), never a silent overwrite."""
    project, coordinator, member = group
    section = write_section(project, coordinator, "Wonen", ("Samen", "agreed"))
    point = section.points.get()
    start, outcomes = threading.Barrier(2), []

    def save(person, text):
        try:
            start.wait()
            sections.save_section(
                section, 1, "Wonen", [PointDraft(point.pk, text, "agreed")], person
            )
            outcomes.append("saved")
        except SectionConflict:
            outcomes.append("told")
        finally:
            connection.close()

    editors = [
        threading.Thread(target=save, args=(coordinator, "Samen, met zes")),
        threading.Thread(target=save, args=(member, "Samen, met zeven")),
    ]
    for editor in editors:
        editor.start()
    for editor in editors:
        editor.join()
    assert sorted(outcomes) == ["saved", "told"]
    assert project.charter_versions.count() == 2
    assert section.points.get().text in {"Samen, met zes", "Samen, met zeven"}
