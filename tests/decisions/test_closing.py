"""Closing (at the closing time by the command, or early by a coordinator), the outcome, the
decision log, and who hears about it."""

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from openpromotor.core.models import Notification
from openpromotor.decisions import proposals, voting
from openpromotor.decisions.models import PollType, Proposal
from openpromotor.projects.errors import ActionRefused
from openpromotor.projects.models import Activity, EventKind
from tests.decisions.factories import make_proposal, option, pass_closing_time
from tests.projects.factories import make_project

pytestmark = pytest.mark.django_db


def _url(name, proposal):
    return reverse(f"decisions:{name}", args=[proposal.project_id, proposal.pk])


def _noticed(user) -> list[str]:
    return [notice.message for notice in Notification.objects.filter(recipient=user)]


def test_opening_notifies_the_members_who_may_vote(team, on_commit):
    with on_commit(execute=True):
        make_proposal(team["project"], proposer=team["member"], title="Nieuwe dakgoot")
    expected = "Mats Member opened the proposal “Nieuwe dakgoot” for a vote."
    assert _noticed(team["coordinator"]) == [expected]
    for person in ("member", "expert", "owner", "municipality", "observer", "outsider"):
        assert _noticed(team[person]) == [], person
    activity = Activity.objects.get(kind=EventKind.DECISION)
    assert activity.part == "decisions" and activity.message() == expected
    assert any("Nieuwe dakgoot" in message.subject for message in mail.outbox)


def test_the_command_closes_due_proposals_and_notifies_the_members(team, on_commit):
    proposal = make_proposal(team["project"], title="Kostprijshuur")
    running = make_proposal(team["project"], title="Nog open")
    voting.cast_vote(proposal, team["member"], {option(proposal, "consent"): None})
    pass_closing_time(proposal)
    closes_at = proposal.closes_at
    with on_commit(execute=True):
        call_command("close_due_proposals")
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.CLOSED and proposal.closed_at == closes_at
    assert proposal.closed_by is None and proposal.eligible_count == 2
    assert Proposal.objects.get(pk=running.pk).status == Proposal.Status.OPEN
    closed = "The vote on “Kostprijshuur” has closed."
    for person in ("member", "coordinator", "observer", "expert"):
        assert closed in _noticed(team[person]), person
    assert closed not in _noticed(team["outsider"]) and closed not in _noticed(team["moderator"])
    with on_commit(execute=True):
        assert proposals.close_due() == 0  # closing again changes nothing


def test_results_are_final_from_the_closing_time_before_the_command_runs(client, team):
    proposal = make_proposal(team["project"], quorum=0)
    voting.cast_vote(proposal, team["member"], {option(proposal, "consent"): None})
    pass_closing_time(proposal)
    assert proposal.status == Proposal.Status.OPEN and proposal.has_ended
    client.force_login(team["observer"])
    page = client.get(proposal.get_absolute_url())
    assert "Result of the vote:" in page.text and "<strong>adopted</strong>" in page.text
    assert "Close the vote now" not in page.text


def test_a_coordinator_closes_a_vote_early(client, team, on_commit):
    proposal = make_proposal(team["project"], title="Kostprijshuur")
    client.force_login(team["coordinator"])
    page = client.get(proposal.get_absolute_url())
    assert "Close the vote now" in page.text
    with on_commit(execute=True):
        response = client.post(_url("close", proposal))
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.CLOSED and proposal.closed_by == team["coordinator"]
    assert proposal.closed_at <= timezone.now() < proposal.closes_at
    expected = "Cora Coordinator closed the vote on “Kostprijshuur” early."
    assert expected in _noticed(team["member"]) and expected in _noticed(team["observer"])
    response = client.post(_url("close", proposal), follow=True)
    assert "This vote has already closed." in response.text
    with pytest.raises(ActionRefused):
        proposals.close_early(proposal, team["coordinator"])


@pytest.mark.parametrize("person", ["member", "expert", "owner", "municipality", "observer"])
def test_only_a_coordinator_closes_early(client, team, person):
    proposal = make_proposal(team["project"])
    client.force_login(team[person])
    assert "Close the vote now" not in client.get(proposal.get_absolute_url()).text
    assert client.post(_url("close", proposal)).status_code == 403
    assert Proposal.objects.get().status == Proposal.Status.OPEN


def test_the_outcome_is_recorded_after_the_close(client, team, on_commit):
    proposal = make_proposal(team["project"], title="Kostprijshuur")
    client.force_login(team["coordinator"])
    response = client.get(_url("outcome", proposal), follow=True)
    assert "The vote is still open" in response.text  # not before the close
    with pytest.raises(ActionRefused, match="still open"):
        proposals.record_outcome(proposal, team["coordinator"], "Te vroeg")
    pass_closing_time(proposal)
    assert client.get(_url("outcome", proposal)).status_code == 200
    assert client.post(_url("outcome", proposal), {"outcome": ""}).status_code == 400
    with on_commit(execute=True):
        response = client.post(_url("outcome", proposal), {"outcome": "We gaan **door**."})
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.CLOSED  # recording closes a due proposal
    assert proposal.outcome == "We gaan **door**." and proposal.outcome_by == team["coordinator"]
    recorded = "Cora Coordinator recorded the outcome of “Kostprijshuur”."
    assert recorded in _noticed(team["member"])
    assert "The vote on “Kostprijshuur” has closed." in _noticed(team["member"])
    page = client.get(proposal.get_absolute_url())
    assert "<strong>door</strong>" in page.text and "Change the outcome" in page.text
    with on_commit(execute=True):
        client.post(_url("outcome", proposal), {"outcome": "We gaan door, met een lening."})
    assert "Cora Coordinator changed the outcome of “Kostprijshuur”." in _noticed(team["member"])


@pytest.mark.parametrize("person", ["member", "expert", "observer"])
def test_only_a_coordinator_records_the_outcome(client, team, person):
    proposal = pass_closing_time(make_proposal(team["project"]))
    client.force_login(team[person])
    assert client.get(_url("outcome", proposal)).status_code == 403
    assert client.post(_url("outcome", proposal), {"outcome": "Zelf beslist"}).status_code == 403
    assert Proposal.objects.get().outcome == ""


def test_the_decision_log_lists_closed_proposals_with_outcome_and_phase(client, team):
    project = team["project"]
    phase = project.phases.get(number=2)
    adopted = make_proposal(project, title="Kostprijshuur", phase=phase, quorum=0)
    voting.cast_vote(adopted, team["member"], {option(adopted, "consent"): None})
    adopted = proposals.close_early(adopted, team["coordinator"])
    proposals.record_outcome(adopted, team["coordinator"], "Aangenomen; de huur dekt de kosten.")
    unattended = pass_closing_time(make_proposal(project, title="Fietsenstalling", quorum=50))
    naming = make_proposal(
        project, title="Naam", poll_type=PollType.SINGLE_CHOICE, options="Kapel\nAtelier", quorum=0
    )
    voting.cast_vote(naming, team["member"], {option(naming, "Atelier"): None})
    pass_closing_time(naming)
    make_proposal(project, title="Nog open")
    client.force_login(team["observer"])
    page = client.get(reverse("decisions:log", args=[project.pk]))
    assert page.status_code == 200
    text = page.text
    assert "Kostprijshuur" in text and "Aangenomen; de huur dekt de kosten." in text
    assert phase.get_absolute_url() in text and phase.title in text
    assert "Fietsenstalling" in text and "quorum not reached" in text
    assert "option chosen: Atelier" in text
    assert "Nog open" not in text
    assert unattended.title in text
    titles = [entry.title for entry, _result in page.context["entries"]]
    assert titles == ["Kostprijshuur", "Naam", "Fietsenstalling"]  # the latest to end first


def test_the_list_shows_open_proposals_and_whether_i_voted(client, team):
    project = team["project"]
    voted = make_proposal(project, title="Gestemd")
    make_proposal(project, title="Nog niet gestemd", is_anonymous=True)
    voting.cast_vote(voted, team["member"], {option(voted, "consent"): None})
    pass_closing_time(make_proposal(project, title="Voorbij"))
    client.force_login(team["member"])
    page = client.get(reverse("decisions:list", args=[project.pk]))
    assert [p.title for p in page.context["running"]] == ["Nog niet gestemd", "Gestemd"]
    assert page.context["voted"] == {voted.pk}
    assert "you have voted" in page.text and "you have not voted yet" in page.text
    assert [p.title for p in page.context["recently_ended"]] == ["Voorbij"]
    assert "Open a proposal" in page.text
    client.force_login(team["observer"])
    page = client.get(reverse("decisions:list", args=[project.pk]))
    assert "you have voted" not in page.text and "Open a proposal" not in page.text


def test_a_proposal_of_another_project_is_not_found_here(client, team):
    elsewhere = make_project(team["coordinator"], name="Elders")
    proposal = make_proposal(elsewhere)
    client.force_login(team["coordinator"])
    url = reverse("decisions:detail", args=[team["project"].pk, proposal.pk])
    assert client.get(url).status_code == 404


def test_the_dashboard_tag_lists_open_proposals_for_members_only(rf, team):
    from django.template import Context, Template

    project = team["project"]
    voted = make_proposal(project, title="Gestemd")
    make_proposal(project, title="Open vraag")
    voting.cast_vote(voted, team["member"], {option(voted, "consent"): None})
    pass_closing_time(make_proposal(project, title="Voorbij"))
    template = Template("{% load decisions %}{% open_proposals project %}")

    def shown(person):
        request = rf.get("/")
        request.user = team[person]
        return template.render(Context({"request": request, "project": project}))

    text = shown("member")
    assert "Gestemd" in text and "Open vraag" in text and "Voorbij" not in text
    assert "you have voted" in text and "you have not voted yet" in text
    assert "Open vraag" in shown("observer") and "you have voted" not in shown("observer")
    for person in ("outsider", "moderator", "anonymous"):
        assert shown(person).strip() == "", person
