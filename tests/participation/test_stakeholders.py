"""The stakeholder map: adding, editing without overwriting, removing with confirmation,
relations, bad input (nothing saved, a clear message), the database's own checks, CSV."""

import csv
import io

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from openpromotor.participation import stakeholders
from openpromotor.participation.models import Body, BodyMember, Relation, Stakeholder
from openpromotor.projects.errors import ActionRefused
from tests.factories import UserFactory
from tests.participation.factories import make_stakeholder
from tests.projects.factories import make_project

pytestmark = pytest.mark.django_db

VALID = {
    "name": "Kerkfabriek Sint-Rombout",
    "kind": "organisation",
    "group": "institutional_partners",
    "interests": "De kapel blijft een plek voor de gemeenschap.",
    "influence": 5,
    "interest": 4,
    "attitude": "supportive",
    "expertise": "Kent het gebouw en zijn geschiedenis.",
    "level": "meso",
    "trust": "high",
}


def _add(client, project, **changes):
    url = reverse("participation:add_stakeholder", args=[project.pk])
    return client.post(url, {**VALID, **changes})


def test_a_member_maps_a_stakeholder_and_sees_it_by_category(client, team):
    project = team["project"]
    client.force_login(team["member"])
    response = _add(client, project)
    assert response.status_code == 302
    stakeholder = project.stakeholders.get()
    assert stakeholder.category == "institutional"
    assert (stakeholder.influence, stakeholder.interest, stakeholder.trust) == (5, 4, "high")
    assert stakeholder.created_by == team["member"]
    page = client.get(reverse("participation:stakeholders", args=[project.pk]))
    content = page.content.decode()
    assert "Kerkfabriek Sint-Rombout" in content
    assert "Institutional stakeholders" in content
    assert "Manage closely" in content
    assert 'aria-current="page"' in content


def test_add_and_add_another_comes_back_to_the_form(client, team):
    client.force_login(team["coordinator"])
    response = _add(client, team["project"], another="1")
    assert response["Location"] == reverse(
        "participation:add_stakeholder", args=[team["project"].pk]
    )


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"influence": 9}, "influence", "Select a valid choice. 9 is not one of"),
        ({"interest": 0}, "interest", "Select a valid choice. 0 is not one of"),
        ({"group": "aliens"}, "group", "Select a valid choice."),
        ({"name": ""}, "name", "This field is required."),
        ({"attitude": "furious"}, "attitude", "Select a valid choice."),
        ({"profile": "/mensen/999999/"}, "profile", "No public profile has this number"),
    ],
)
def test_bad_input_is_refused_with_a_message_and_nothing_saved(
    client, team, changes, field, message
):
    project = team["project"]
    client.force_login(team["coordinator"])
    response = _add(client, project, **changes)
    assert response.status_code == 400
    assert message in " ".join(response.context["form"].errors[field])
    assert not project.stakeholders.exists()


def test_names_are_unique_on_a_map_whatever_the_case(client, team):
    project = team["project"]
    make_stakeholder(project, "Kerkfabriek Sint-Rombout")
    client.force_login(team["coordinator"])
    response = _add(client, project, name="kerkfabriek sint-rombout ")
    assert response.status_code == 400
    assert "already has a stakeholder with this name" in response.content.decode()
    other = make_project(team["coordinator"], name="Ander project")
    make_stakeholder(other, "Kerkfabriek Sint-Rombout")  # another map may have it too


def test_the_database_refuses_bad_scores_and_duplicate_names(team):
    project = team["project"]
    make_stakeholder(project, "Dubbel")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_stakeholder(project, "DUBBEL")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_stakeholder(project, "Te veel invloed", influence=9)
    with pytest.raises(IntegrityError), transaction.atomic():
        make_stakeholder(project, "Geen interesse", interest=0)


def test_a_stakeholder_links_to_a_member_or_a_public_profile(client, team):
    project = team["project"]
    client.force_login(team["coordinator"])
    _add(client, project, name="Otto", kind="person", member=team["owner"].pk)
    assert project.stakeholders.get(name="Otto").user == team["owner"]
    public = UserFactory(display_name="Petra Publiek", profile_is_public=True)
    hidden = UserFactory(display_name="Vera Verborgen")
    response = _add(client, project, name="Petra", profile=f"https://x.be/mensen/{public.pk}/")
    assert response.status_code == 302
    assert project.stakeholders.get(name="Petra").user == public
    response = _add(client, project, name="Vera", profile=str(hidden.pk))
    assert response.status_code == 400  # no public profile: no way to find the account
    response = _add(client, project, name="Twee", member=team["owner"].pk, profile=str(public.pk))
    assert "not both" in response.content.decode()
    outsider = team["outsider"]
    response = _add(client, project, name="Oscar", member=outsider.pk)
    assert "Choose a member of this project." in response.content.decode()


def _edit(client, stakeholder, version, **changes):
    url = stakeholder.get_absolute_url()
    return client.post(url, {**VALID, "name": stakeholder.name, "version": version, **changes})


def test_editing_saves_and_counts_the_version(client, team):
    stakeholder = make_stakeholder(team["project"], "De buren")
    client.force_login(team["expert"])
    response = _edit(client, stakeholder, 1, attitude="critical", influence=2)
    assert response.status_code == 302
    stakeholder.refresh_from_db()
    assert (stakeholder.attitude, stakeholder.influence, stakeholder.version) == ("critical", 2, 2)
    assert stakeholder.updated_by == team["expert"]


def test_a_second_editor_is_told_and_overwrites_nothing(client, team):
    stakeholder = make_stakeholder(team["project"], "De buren")
    client.force_login(team["member"])
    assert _edit(client, stakeholder, 1, attitude="supportive").status_code == 302
    client.force_login(team["expert"])
    response = _edit(client, stakeholder, 1, attitude="critical")
    assert response.status_code == 409
    content = response.content.decode()
    assert "Someone else saved this while you were editing it" in content
    assert "Mats Member saved it" in content
    stakeholder.refresh_from_db()
    assert stakeholder.attitude == "supportive"
    assert response.context["form"]["version"].value() == 2  # saving again now keeps theirs
    assert _edit(client, stakeholder, 2, attitude="critical").status_code == 302
    stakeholder.refresh_from_db()
    assert stakeholder.attitude == "critical"


def test_removing_asks_first_and_takes_relations_and_seats_along(client, mapped):
    project, buurt = mapped["project"], mapped["buurt"]
    body = Body.objects.create(project=project, kind="working_group", name="Werkgroep buurt")
    BodyMember.objects.create(body=body, stakeholder=buurt)
    url = reverse("participation:delete_stakeholder", args=[project.pk, buurt.pk])
    client.force_login(mapped["coordinator"])
    page = client.get(url)
    assert page.status_code == 200
    assert "Its 1 relation goes with it." in page.content.decode()
    assert "Werkgroep buurt" in page.content.decode()
    assert Stakeholder.objects.filter(pk=buurt.pk).exists()
    assert client.post(url).status_code == 302
    assert not Stakeholder.objects.filter(pk=buurt.pk).exists()
    assert not Relation.objects.exists()
    assert not body.members.exists()


def _relate(client, project, source, target, kind="works_with", strength=2):
    url = reverse("participation:add_relation", args=[project.pk])
    return client.post(
        url, {"source": source.pk, "kind": kind, "target": target.pk, "strength": strength}
    )


def test_relations_are_added_and_removed(client, mapped):
    project = mapped["project"]
    client.force_login(mapped["member"])
    response = _relate(client, project, mapped["bank"], mapped["buurt"], "funds", 3)
    assert response.status_code == 302
    relation = Relation.objects.get(kind="funds")
    assert (relation.source, relation.target, relation.strength) == (
        mapped["bank"],
        mapped["buurt"],
        3,
    )
    remove = reverse("participation:delete_relation", args=[project.pk, relation.pk])
    assert client.post(remove).status_code == 302
    assert not Relation.objects.filter(kind="funds").exists()


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda m: (m["buurt"], m["buurt"], "works_with"), "cannot have a relation with itself"),
        (lambda m: (m["buurt"], m["schepen"], "works_with"), "already on the map"),
        (lambda m: (m["schepen"], m["buurt"], "works_with"), "already on the map"),
        (lambda m: (m["buurt"], m["elsewhere"], "advises"), "Choose a stakeholder of this"),
        (lambda m: (m["buurt"], m["schepen"], "likes"), "Select a valid choice."),
    ],
    ids=["to itself", "twice", "the same both ways", "another project", "unknown kind"],
)
def test_bad_relations_are_refused_with_a_message(client, mapped, make, message):
    project = mapped["project"]
    other = make_project(mapped["outsider"], name="Ander project")
    mapped = {**mapped, "elsewhere": make_stakeholder(other, "Elders")}
    source, target, kind = make(mapped)
    client.force_login(mapped["coordinator"])
    response = _relate(client, project, source, target, kind)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Relation.objects.count() == 1


def test_a_directed_relation_may_go_both_ways(client, mapped):
    project = mapped["project"]
    client.force_login(mapped["coordinator"])
    assert _relate(client, project, mapped["bank"], mapped["schepen"], "advises").status_code == 302
    assert _relate(client, project, mapped["schepen"], mapped["bank"], "advises").status_code == 302


def test_the_database_refuses_a_relation_to_itself_or_twice(mapped):
    buurt, schepen = mapped["buurt"], mapped["schepen"]
    with pytest.raises(IntegrityError), transaction.atomic():
        Relation.objects.create(source=buurt, kind="funds", target=buurt)
    with pytest.raises(IntegrityError), transaction.atomic():
        Relation.objects.create(source=buurt, kind="works_with", target=schepen)
    with pytest.raises(IntegrityError), transaction.atomic():
        Relation.objects.create(source=schepen, kind="funds", target=buurt, strength=4)


def test_the_service_refuses_a_relation_across_projects(mapped):
    other = make_project(mapped["outsider"], name="Ander project")
    relation = Relation(source=mapped["buurt"], kind="funds", target=make_stakeholder(other))
    with pytest.raises(ActionRefused):
        stakeholders.add_relation(relation, mapped["coordinator"])
    assert Relation.objects.count() == 1


def _rows(response) -> list[list[str]]:
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


def test_the_csv_exports_hold_the_map(client, mapped):
    project = mapped["project"]
    make_stakeholder(project, '=HYPERLINK("http://kwaad.example")', interests="+32 kwaad")
    client.force_login(mapped["observer"])
    response = client.get(reverse("participation:export_stakeholders", args=[project.pk]))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    rows = _rows(response)
    assert rows[0][:4] == ["Name", "Kind", "Category", "Group"]
    by_name = {row[0]: row for row in rows[1:]}
    assert by_name["Schepen van Cultuur"][2:7] == [
        "institutional stakeholders",
        "elected officials",
        "5",
        "4",
        "Manage closely",
    ]
    formula = next(row for row in rows[1:] if "HYPERLINK" in row[0])
    assert formula[0].startswith("'=") and formula[10] == "'+32 kwaad"
    relations = _rows(client.get(reverse("participation:export_relations", args=[project.pk])))
    assert relations[1] == ["Buurtcomité Bruul", "works with", "Schepen van Cultuur", "2", ""]
