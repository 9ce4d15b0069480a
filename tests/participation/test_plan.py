"""The participation plan: its rows and columns, editing a cell with and without htmx, bad
input, two editors at once, clearing a cell, printing, and the plan made public."""

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from openpromotor.participation import plan
from openpromotor.participation.editing import EditConflict
from openpromotor.participation.models import PlanCell
from openpromotor.participation.public import public_plan_context
from tests.participation.factories import make_stakeholder

pytestmark = pytest.mark.django_db


def _cell_url(project, phase, group="residents"):
    return reverse("participation:cell", args=[project.pk, phase.pk, group])


def test_the_rows_are_the_groups_of_the_map_and_the_columns_the_phases(mapped):
    project = mapped["project"]
    make_stakeholder(project, "Tweede vereniging", group="associations")
    phases, rows = plan.matrix(project, with_stakeholders=True)
    assert [phase.number for phase in phases] == list(range(1, 8))
    assert [row.group for row in rows] == [
        "associations",
        "elected_officials",
        "financial_partners",
    ]
    assert [s.name for s in rows[0].stakeholders] == ["Buurtcomité Bruul", "Tweede vereniging"]
    assert all(cell is None for _phase, cell in rows[0].cells)


def test_a_group_with_a_cell_stays_when_its_last_stakeholder_leaves(mapped):
    project = mapped["project"]
    phase = project.phases.first()
    PlanCell.objects.create(phase=phase, group="financial_partners", level="negotiation")
    mapped["bank"].delete()
    _phases, rows = plan.matrix(project, with_stakeholders=True)
    bank_row = next(row for row in rows if row.group == "financial_partners")
    assert bank_row.stakeholders == [] and bank_row.cells[0][1].level == "negotiation"


def test_a_member_fills_in_a_cell_without_javascript(client, mapped):
    project = mapped["project"]
    phase = project.phases.get(number=2)
    client.force_login(mapped["expert"])
    url = _cell_url(project, phase, "associations")
    form = client.get(url)
    assert form.status_code == 200
    assert "Associations" not in form.content.decode()  # labels: "Local associations"
    assert "Local associations in phase 2" in form.content.decode()
    response = client.post(
        url,
        {
            "version": 0,
            "level": "co_production",
            "means": ["workshop", "walk"],
            "other_means": "Buurtfeest",
            "negotiable": "De inrichting van de tuin.",
            "not_negotiable": "Het aantal woningen.",
        },
    )
    assert response.status_code == 302
    assert response["Location"].endswith(f"#cell-{phase.pk}-associations")
    cell = PlanCell.objects.get()
    assert (cell.phase, cell.group, cell.level, cell.step) == (
        phase,
        "associations",
        "co_production",
        5,
    )
    assert cell.means == ["workshop", "walk", "other"]  # a named other means ticks "other"
    assert cell.means_labels() == ["workshop", "walk", "Buurtfeest"]
    page = client.get(reverse("participation:plan", args=[project.pk])).content.decode()
    assert "5. co-production" in page
    assert "De inrichting van de tuin." in page and "Buurtfeest" in page
    assert "participation.css" in page  # with its print stylesheet


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"level": "dictatorship"}, "level", "Select a valid choice."),
        ({}, "level", "This field is required."),
        ({"level": "consultation", "means": ["pigeon"]}, "means", "Select a valid choice."),
        ({"level": "consultation", "means": ["other"]}, "other_means", "Say which other"),
        ({"level": "consultation", "negotiable": "x" * 1001}, "negotiable", "at most 1000"),
    ],
)
def test_bad_input_is_refused_and_nothing_saved(client, mapped, data, field, message):
    project = mapped["project"]
    client.force_login(mapped["coordinator"])
    response = client.post(_cell_url(project, project.phases.first()), {"version": 0, **data})
    assert response.status_code == 400
    assert message in " ".join(response.context["form"].errors[field])
    assert not PlanCell.objects.exists()


def test_htmx_edits_the_cell_in_place(client, mapped):
    project = mapped["project"]
    phase = project.phases.first()
    client.force_login(mapped["member"])
    url = _cell_url(project, phase, "associations")
    editor = client.get(url, headers={"HX-Request": "true"})
    content = editor.content.decode()
    assert "<html" not in content and f'hx-post="{url}"' in content and "autofocus" in content
    response = client.post(
        url, {"version": 0, "level": "information"}, headers={"HX-Request": "true"}
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert 'role="status"' in content
    assert 'id="plan-matrix" hx-swap-oob="true"' in content
    assert "1. information (and awareness)" in content
    invalid = client.post(url, {"version": 1, "level": ""}, headers={"HX-Request": "true"})
    assert invalid.status_code == 200  # htmx swaps only successful answers: the form shows it
    assert "This field is required." in invalid.content.decode()
    assert PlanCell.objects.get().level == "information"


def test_a_second_editor_is_told_and_overwrites_nothing(client, mapped):
    project = mapped["project"]
    url = _cell_url(project, project.phases.first())
    client.force_login(mapped["member"])
    assert client.post(url, {"version": 0, "level": "consultation"}).status_code == 302
    client.force_login(mapped["expert"])
    response = client.post(url, {"version": 0, "level": "co_management"})
    assert response.status_code == 409
    content = response.content.decode()
    assert "Someone else saved this while you were editing it" in content
    assert "Mats Member saved it" in content
    assert "consultation" in content and "co-management" in content
    assert PlanCell.objects.get().level == "consultation"
    assert client.post(url, {"version": 1, "level": "co_management"}).status_code == 302
    assert PlanCell.objects.get().level == "co_management"


def test_clearing_takes_a_group_out_of_a_phase(client, mapped):
    project = mapped["project"]
    phase = project.phases.first()
    cell = PlanCell.objects.create(phase=phase, group="residents", level="information")
    client.force_login(mapped["coordinator"])
    stale = client.post(_cell_url(project, phase), {"version": 0, "clear": "1"})
    assert stale.status_code == 409 and PlanCell.objects.exists()
    assert client.post(_cell_url(project, phase), {"version": cell.version, "clear": "1"})
    assert not PlanCell.objects.exists()


def test_saving_a_removed_cell_is_a_conflict_too(mapped):
    phase = mapped["project"].phases.first()
    with pytest.raises(EditConflict) as clash:
        plan.save_cell(phase, "residents", 3, {"level": "information"}, mapped["member"])
    assert clash.value.current.pk is None and clash.value.current.version == 0


def test_the_database_keeps_one_cell_per_group_and_phase(mapped):
    phase = mapped["project"].phases.first()
    PlanCell.objects.create(phase=phase, group="residents", level="information")
    with pytest.raises(IntegrityError), transaction.atomic():
        PlanCell.objects.create(phase=phase, group="residents", level="consultation")
    with pytest.raises(IntegrityError), transaction.atomic():
        PlanCell.objects.create(phase=phase, group="users", level="anarchy")


def test_a_public_plan_is_read_only_and_names_no_stakeholder(client, mapped):
    project = mapped["project"]
    phase = project.phases.first()
    PlanCell.objects.create(
        phase=phase, group="associations", level="concertation", negotiable="De openingsuren."
    )
    url = reverse("participation:plan", args=[project.pk])
    client.force_login(mapped["outsider"])
    assert client.get(url).status_code == 403
    project.participation_plan_is_public = True
    project.save()
    for principal in ("outsider", "moderator", "anonymous"):
        client.logout()
        if mapped[principal].is_authenticated:
            client.force_login(mapped[principal])
        content = client.get(url).content.decode()
        assert "3. concertation" in content and "De openingsuren." in content
        assert "Local associations" in content
        for name in ("Buurtcomité Bruul", "Schepen van Cultuur", "Coöperatieve bank"):
            assert name not in content, (principal, name)
        assert "Elected officials" not in content  # a row with nothing planned reveals the map
        assert "/participatieplan/" in content and _cell_url(project, phase) not in content
        assert "participation:stakeholders" not in content and "/belanghebbenden/" not in content
    client.force_login(mapped["observer"])
    content = client.get(url).content.decode()
    assert "Buurtcomité Bruul" in content and "Elected officials" in content
    assert _cell_url(project, phase) not in content  # observers read only


def test_the_include_for_the_public_page(mapped):
    from django.template.loader import render_to_string

    project = mapped["project"]
    PlanCell.objects.create(phase=project.phases.first(), group="associations", level="negotiation")
    assert public_plan_context(project) == {"participation_plan": None}
    assert (
        render_to_string("participation/_public_plan.html", public_plan_context(project)).strip()
        == ""
    )
    project.participation_plan_is_public = True
    project.save()
    html = render_to_string("participation/_public_plan.html", public_plan_context(project))
    assert "4. negotiation" in html and "Local associations" in html
    assert reverse("participation:plan", args=[project.pk]) in html
    assert "Buurtcomité Bruul" not in html and "Elected officials" not in html
