"""The versions of a charter: the list, one version with its signatures, the differences
between any two, adopting the newest one and signing the adopted one. Members only."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from openpromotor.charters import adoption, diff, versions
from openpromotor.charters.forms import CompareForm
from openpromotor.charters.models import Version
from openpromotor.charters.views.access import charter_context, hidden_unless, refuse_unless
from openpromotor.charters.views.charter import signature_context
from openpromotor.projects.errors import ActionRefused
from openpromotor.projects.views.access import object_in, project_for


def _default_pair(project) -> dict:
    """Compare the newest version with the adopted one, or else with the one before it."""
    newest = project.charter_versions.first()
    if newest is None:
        return {}
    adopted = project.charter_versions.adopted().first()
    older = adopted if adopted and adopted.pk != newest.pk else None
    older = older or project.charter_versions.filter(number__lt=newest.number).first()
    return {"old": older.pk, "new": newest.pk} if older else {}


def version_list(request, pk):
    project = project_for(request, pk)
    refuse_unless(request, "view_drafts", project)
    rows = project.charter_versions.select_related("saved_by", "adopted_by").prefetch_related(
        "signatures"
    )
    context = charter_context(
        request,
        project,
        versions=rows,
        adopted=versions.latest_adopted(project),
        compare_form=CompareForm(initial=_default_pair(project), project=project),
    )
    return render(request, "charters/versions.html", context)


def _version_page(request, project, version, refusal=None, status=200):
    newest = project.charter_versions.first()
    previous = project.charter_versions.filter(number__lt=version.number).first()
    context = charter_context(
        request,
        project,
        version=version,
        counts=version.status_counts(),
        is_newest=newest.pk == version.pk,
        previous=previous,
        newest=newest,
        refusal=refusal,
        **signature_context(request, version),
    )
    return render(request, "charters/version.html", context, status=status)


def _version(request, pk, version_pk) -> tuple:
    project = project_for(request, pk)
    hidden_unless(request, "view_drafts", project)
    version = object_in(
        Version.objects.select_related("saved_by", "adopted_by"), project, version_pk
    )
    return project, version


def version_detail(request, pk, version_pk):
    project, version = _version(request, pk, version_pk)
    return _version_page(request, project, version)


def compare(request, pk):
    """Two versions chosen in the form (GET), or else the newest and the one to compare it
    with; a choice that is not a version of this charter is a 400 with the form."""
    project = project_for(request, pk)
    refuse_unless(request, "view_drafts", project)
    asked = "old" in request.GET or "new" in request.GET
    form = CompareForm(request.GET if asked else _default_pair(project) or None, project=project)
    old = new = changes = None
    if form.is_bound and form.is_valid():
        old, new = form.cleaned_data["old"], form.cleaned_data["new"]
        changes = diff.compare(
            versions.charter_lines(old.sections()), versions.charter_lines(new.sections())
        )
    status = 400 if form.is_bound and changes is None else 200
    context = charter_context(request, project, form=form, diff=changes, old=old, new=new)
    return render(request, "charters/diff.html", context, status=status)


@login_required
@require_POST
def adopt(request, pk, version_pk):
    project, version = _version(request, pk, version_pk)
    refuse_unless(request, "adopt_version", project)
    try:
        adoption.adopt(version, request.user)
    except ActionRefused as refusal:
        return _version_page(request, project, version, refusal.message, status=409)
    messages.success(
        request,
        _(
            "Version %(number)s is adopted: it can no longer be changed, and the coordinators "
            "and members are asked to sign it. Further edits make a new draft."
        )
        % {"number": version.number},
    )
    return redirect(version)


@login_required
@require_POST
def sign(request, pk, version_pk):
    project, version = _version(request, pk, version_pk)
    refuse_unless(request, "sign_version", project)
    try:
        adoption.sign(version, request.user)
    except ActionRefused as refusal:
        return _version_page(request, project, version, refusal.message, status=409)
    messages.success(
        request, _("You signed version %(number)s of the charter.") % {"number": version.number}
    )
    return redirect(version)
