"""Tasks: adding, assigning (which notifies), and two editors at once: the second is told,
sees both versions and can merge, and nothing is silently overwritten."""

import pytest
from django.urls import reverse

from openpromotor.core.models import Notification
from openpromotor.projects import roadmap
from openpromotor.projects.models import Role, Task
from openpromotor.projects.roadmap import TaskConflict
from tests.factories import UserFactory
from tests.projects.factories import add_member, make_project

pytestmark = pytest.mark.django_db


def _data(task, **changes):
    data = {
        "title": task.title,
        "description": task.description,
        "phase": task.phase_id or "",
        "assignee": task.assignee_id or "",
        "due_date": "",
        "status": task.status,
        "version": task.version,
    }
    return data | changes


@pytest.fixture
def setup():
    coordinator = UserFactory(display_name="Cora")
    project = make_project(coordinator)
    member = add_member(project, display_name="Mats")
    task = Task.objects.create(
        project=project, phase=project.phases.first(), title="Bank bellen", created_by=coordinator
    )
    return project, coordinator, member, task


def test_assigning_a_task_notifies_the_assignee(client, setup, on_commit):
    _project, coordinator, member, task = setup
    client.force_login(coordinator)
    with on_commit(execute=True):
        response = client.post(task.get_absolute_url(), _data(task, assignee=member.pk))
    assert response.status_code == 302
    task.refresh_from_db()
    assert task.assignee == member and task.version == 2
    notice = Notification.objects.get(recipient=member)
    assert "assigned the task “Bank bellen” to Mats" in notice.message


def test_observers_and_outsiders_cannot_be_assigned(client, setup):
    project, coordinator, _member, task = setup
    observer = add_member(project, Role.OBSERVER)
    outsider = UserFactory()
    client.force_login(coordinator)
    for person in (observer, outsider):
        response = client.post(task.get_absolute_url(), _data(task, assignee=person.pk))
        assert response.status_code == 400
    task.refresh_from_db()
    assert task.assignee is None


def test_an_owner_may_update_only_the_task_assigned_to_them(client, setup):
    project, _coordinator, _member, task = setup
    owner = add_member(project, Role.OWNER)
    other = Task.objects.create(project=project, title="Andere taak")
    Task.objects.filter(pk=task.pk).update(assignee=owner)
    task.refresh_from_db()
    client.force_login(owner)
    assert client.post(task.get_absolute_url(), _data(task, status="done")).status_code == 302
    assert client.post(other.get_absolute_url(), _data(other, status="done")).status_code == 403
    other.refresh_from_db()
    assert other.status == "todo"


def test_the_second_editor_is_told_and_can_merge(client, setup):
    _project, coordinator, member, task = setup
    opened_by_both = _data(task)  # both open the form at version 1

    # The member saves first: a new status and a due date.
    client.force_login(member)
    first = client.post(
        task.get_absolute_url(), opened_by_both | {"status": "doing", "due_date": "2030-05-01"}
    )
    assert first.status_code == 302

    # The coordinator saves a changed title, still based on version 1.
    client.force_login(coordinator)
    second = client.post(task.get_absolute_url(), opened_by_both | {"title": "Bank bellen (KBC)"})
    assert second.status_code == 409
    page = second.content.decode()
    assert "Someone else saved this task while you were editing it" in page
    assert "in progress" in page  # their saved status is shown next to the form
    assert 'value="Bank bellen (KBC)"' in page  # the coordinator's own text is still there
    task.refresh_from_db()
    assert (task.title, task.status, task.version) == ("Bank bellen", "doing", 2)

    # The coordinator merges: keeps their title and takes over the member's status and date.
    merged = opened_by_both | {
        "title": "Bank bellen (KBC)",
        "status": "doing",
        "due_date": "2030-05-01",
        "version": 2,
    }
    assert client.post(task.get_absolute_url(), merged).status_code == 302
    task.refresh_from_db()
    assert (task.title, task.status, str(task.due_date), task.version) == (
        "Bank bellen (KBC)",
        "doing",
        "2030-05-01",
        3,
    )


def test_the_service_refuses_an_old_version(setup):
    _project, coordinator, _member, task = setup
    roadmap.save_task(task, 1, {"title": "Eerste"}, coordinator)
    with pytest.raises(TaskConflict) as conflict:
        roadmap.save_task(task, 1, {"title": "Tweede"}, coordinator)
    assert conflict.value.current.title == "Eerste"


def test_the_task_list_filters(client, setup):
    project, _coordinator, member, task = setup
    Task.objects.create(project=project, title="Klaar", status="done")
    Task.objects.filter(pk=task.pk).update(assignee=member)
    client.force_login(member)
    url = reverse("projects:tasks", args=[project.pk])
    mine = client.get(url + "?show=mine").content.decode()
    assert "Bank bellen" in mine and "Klaar" not in mine
    done = client.get(url + "?show=done").content.decode()
    assert "Klaar" in done and "Bank bellen" not in done
    assert client.get(url + "?show=weird").status_code == 200
