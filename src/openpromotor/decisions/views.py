"""The decisions of a project: proposals, voting, closing, the outcome and the decision log.

The list and the log are parts of the workspace: refused with 403 to non-members. A proposal
(and everything under it: voting, results, export, outcome) answers 404 to non-members, so its
existence is not revealed; members without the right role get 403.
"""

import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models.functions import Coalesce
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from openpromotor.core.ratelimits import limited, too_many
from openpromotor.decisions import proposals, voting
from openpromotor.decisions.exports import result_rows
from openpromotor.decisions.forms import OutcomeForm, ProposalForm, VoteForm
from openpromotor.decisions.models import Proposal
from openpromotor.decisions.results import summary, visible_tally
from openpromotor.decisions.rules import PERMISSIONS
from openpromotor.projects.errors import ActionRefused
from openpromotor.projects.views.access import object_in, project_for, workspace_context

OPEN_RATE = "20/h"
LOG_PAGE = 25
RECENTLY_CLOSED = 5


def _may(user, obj) -> dict:
    return {name: user.has_perm(f"decisions.{name}", obj) for name in PERMISSIONS}


def _context(request, project, **extra) -> dict:
    return workspace_context(
        request, project, "decisions", may=_may(request.user, project), **extra
    )


def _project(request, pk, permission):
    """The project, or 403 for a part of the workspace this person may not use."""
    project = project_for(request, pk)
    if not request.user.has_perm(f"decisions.{permission}", project):
        raise PermissionDenied
    return project


def _proposal(request, pk, proposal_pk, permission=None) -> Proposal:
    """The proposal: 404 for non-members, 403 for members without ``permission``."""
    project = project_for(request, pk)
    if not request.user.has_perm("decisions.view_proposals", project):
        raise Http404
    proposal = object_in(
        Proposal.objects.select_related(
            "project", "phase", "charter_section", "proposer", "outcome_by"
        ),
        project,
        proposal_pk,
    )
    if permission and not request.user.has_perm(f"decisions.{permission}", proposal):
        raise PermissionDenied
    return proposal


def _closing(proposal) -> str:
    return date_format(timezone.localtime(proposal.closes_at), "j F Y, H:i")


# --- Lists -----------------------------------------------------------------------------------


def proposal_list(request, pk):
    project = _project(request, pk, "view_proposals")
    running = list(project.proposals.running().select_related("proposer", "phase"))
    ended = project.proposals.ended().order_by(Coalesce("closed_at", "closes_at").desc(), "-pk")
    context = _context(
        request,
        project,
        running=running,
        voted=voting.voted_in(running, request.user),
        recently_ended=ended.select_related("phase")[:RECENTLY_CLOSED],
        may_vote=request.user.has_perm("decisions.vote", project),
    )
    return render(request, "decisions/list.html", context)


def decision_log(request, pk):
    """The closed proposals with their result, outcome and roadmap phase, newest first."""
    project = _project(request, pk, "view_proposals")
    ended = (
        project.proposals.ended()
        .select_related("phase", "charter_section", "outcome_by")
        .order_by(Coalesce("closed_at", "closes_at").desc(), "-pk")
    )
    page = Paginator(ended, LOG_PAGE).get_page(request.GET.get("page"))
    entries = [(proposal, summary(visible_tally(proposal))) for proposal in page]
    context = _context(request, project, page_obj=page, entries=entries)
    return render(request, "decisions/log.html", context)


# --- Opening ---------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def open_proposal(request, pk):
    project = _project(request, pk, "open_proposal")
    form = ProposalForm(request.POST or None, project=project, instance=Proposal(project=project))
    status = 200
    if request.method == "POST":
        if limited(request, "decisions.open", OPEN_RATE):
            return too_many(request)
        if form.is_valid():
            try:
                proposal = proposals.open_proposal(
                    form.save(commit=False), request.user, form.cleaned_data["options"]
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request,
                    _("The proposal is open for votes until %(date)s.")
                    % {"date": _closing(proposal)},
                )
                return redirect(proposal)
        messages.error(request, _("The proposal was not opened: correct the form below."))
        status = 400
    return render(
        request, "decisions/open.html", _context(request, project, form=form), status=status
    )


# --- One proposal ----------------------------------------------------------------------------


def _detail_page(request, proposal, form=None, status=200):
    project = proposal.project
    mine = voting.own_vote(proposal, request.user)
    may = _may(request.user, proposal)
    may_vote = proposal.is_open and may["vote"]
    context = _context(
        request,
        project,
        proposal=proposal,
        options=list(proposal.options.all()),
        own_vote=mine,
        may_vote=may_vote,
        form=form or (VoteForm(proposal=proposal, vote=mine) if may_vote else None),
        tally=visible_tally(proposal),
        may_close=proposal.is_open and may["close_proposal"],
        may_record=proposal.has_ended and may["record_outcome"],
    )
    return render(request, "decisions/detail.html", context, status=status)


@require_GET
def proposal_detail(request, pk, proposal_pk):
    return _detail_page(request, _proposal(request, pk, proposal_pk))


@login_required
@require_POST
def vote(request, pk, proposal_pk):
    proposal = _proposal(request, pk, proposal_pk, "vote")
    form = VoteForm(request.POST, proposal=proposal, vote=voting.own_vote(proposal, request.user))
    if not form.is_valid():
        messages.error(request, _("Your vote was not saved: correct the form below."))
        return _detail_page(request, proposal, form=form, status=400)
    try:
        voting.cast_vote(proposal, request.user, form.picks(), form.cleaned_data["reason"])
    except ActionRefused as refusal:
        messages.error(request, refusal.message)
        proposal.refresh_from_db()
        return _detail_page(request, proposal, form=form, status=400)
    messages.success(
        request,
        _("Your vote has been saved. You can change it until %(date)s.")
        % {"date": _closing(proposal)},
    )
    return redirect(proposal)


@require_GET
def results_fragment(request, pk, proposal_pk):
    """The results block alone, for htmx to refresh while a vote runs."""
    proposal = _proposal(request, pk, proposal_pk)
    context = {"proposal": proposal, "tally": visible_tally(proposal)}
    return render(request, "decisions/_results.html", context)


@require_GET
def results_csv(request, pk, proposal_pk):
    proposal = _proposal(request, pk, proposal_pk)
    found = visible_tally(proposal)
    if found is None:
        raise PermissionDenied  # hidden until the vote closes
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    name = slugify(proposal.title)[:60] or "proposal"
    response["Content-Disposition"] = f'attachment; filename="{name}-{proposal.pk}.csv"'
    writer = csv.writer(response)
    writer.writerows(result_rows(proposal, found))
    return response


@login_required
@require_POST
def close_proposal(request, pk, proposal_pk):
    proposal = _proposal(request, pk, proposal_pk, "close_proposal")
    try:
        proposals.close_early(proposal, request.user)
    except ActionRefused as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(request, _("The vote is closed; the results are final."))
    return redirect(proposal)


@login_required
@require_http_methods(["GET", "POST"])
def record_outcome(request, pk, proposal_pk):
    proposal = _proposal(request, pk, proposal_pk, "record_outcome")
    if proposal.is_open:
        messages.error(
            request, _("The vote is still open: close it before you record the outcome.")
        )
        return redirect(proposal)
    form = OutcomeForm(request.POST or None, initial={"outcome": proposal.outcome})
    status = 200
    if request.method == "POST":
        if form.is_valid():
            proposals.record_outcome(proposal, request.user, form.cleaned_data["outcome"])
            messages.success(request, _("The outcome has been recorded in the decision log."))
            return redirect(proposal)
        status = 400
    context = _context(
        request, proposal.project, proposal=proposal, form=form, tally=visible_tally(proposal)
    )
    return render(request, "decisions/outcome.html", context, status=status)
