"""Writing the charter's draft: adding and editing a section with its points, moving,
removing and putting back a section.

The edit form carries the revision it started from. When someone saved the section in between,
the page comes back (409) with the differences between the editor's text and the newest saved
text, the editor's own text still in the form, and the points others added meanwhile as extra
rows; saving again, now based on the newest revision, keeps what the editor chose.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from openpromotor.charters import diff, sections
from openpromotor.charters.forms import SectionForm, drafts, point_formset
from openpromotor.charters.models import Section
from openpromotor.charters.sections import SectionConflict
from openpromotor.charters.versions import section_as_dict, section_lines
from openpromotor.charters.views.access import charter_context, hidden_unless, refuse_unless
from openpromotor.projects.errors import ActionRefused
from openpromotor.projects.views.access import object_in, project_for


def _charter_url(section) -> str:
    return reverse("charters:charter", args=[section.project_id]) + f"#section-{section.pk}"


def _form_page(request, project, form, formset, section=None, conflict=None, status=200):
    context = charter_context(
        request, project, charter_section=section, form=form, formset=formset, conflict=conflict
    )
    return render(request, "charters/section_form.html", context, status=status)


def _refused(form, refusal: ActionRefused) -> None:
    form.add_error(None, refusal.message)


@login_required
@require_http_methods(["GET", "POST"])
def add_section(request, pk):
    project = project_for(request, pk)
    refuse_unless(request, "edit_section", project)
    if request.method == "GET":
        return _form_page(request, project, SectionForm(), point_formset())
    form, formset = SectionForm(request.POST), point_formset(request.POST)
    if form.is_valid() and formset.is_valid():
        try:
            section = sections.add_section(
                project, form.cleaned_data["title"], drafts(formset), request.user
            )
        except ActionRefused as refusal:
            _refused(form, refusal)
        else:
            messages.success(
                request, _("The section “%(title)s” has been added.") % {"title": section.title}
            )
            return redirect(_charter_url(section))
    messages.error(request, _("The section was not added: correct the form below."))
    return _form_page(request, project, form, formset, status=400)


def _conflict(form, formset, current: Section):
    """The editor's text against the newest saved one, and the form to merge them in: the
    editor's title and points, then the points others added meanwhile (marked as such)."""
    mine = [
        {"id": d.point_id, "text": d.text, "status": d.status, "remove": d.remove}
        for d in drafts(formset)
    ]
    title = form.cleaned_data["title"]
    theirs = section_as_dict(current)
    kept = [point for point in mine if not point["remove"]]
    changes = diff.compare(section_lines(theirs), section_lines({"title": title, "points": kept}))
    mentioned = {point["id"] for point in mine if point["id"]}
    added_meanwhile = [point for point in theirs["points"] if point["id"] not in mentioned]
    merge_form = SectionForm(initial={"title": title, "revision": current.revision})
    merge_formset = point_formset(points=mine + added_meanwhile)
    for row in merge_formset.forms[len(mine) : len(mine) + len(added_meanwhile)]:
        row.added_meanwhile = True
    return merge_form, merge_formset, {"current": current, "diff": changes}


@login_required
@require_http_methods(["GET", "POST"])
def edit_section(request, pk, section_pk):
    project = project_for(request, pk)
    hidden_unless(request, "view_drafts", project)
    section = object_in(
        Section.objects.select_related("updated_by").prefetch_related("points"),
        project,
        section_pk,
    )
    refuse_unless(request, "edit_section", project)
    if request.method == "GET":
        form = SectionForm(initial={"title": section.title, "revision": section.revision})
        formset = point_formset(points=section_as_dict(section)["points"])
        return _form_page(request, project, form, formset, section)
    form, formset = SectionForm(request.POST), point_formset(request.POST)
    if form.is_valid() and formset.is_valid():
        try:
            version = sections.save_section(
                section,
                form.cleaned_data["revision"] or 0,
                form.cleaned_data["title"],
                drafts(formset),
                request.user,
            )
        except SectionConflict as clash:
            form, formset, conflict = _conflict(form, formset, clash.current)
            return _form_page(request, project, form, formset, section, conflict, status=409)
        except ActionRefused as refusal:
            _refused(form, refusal)
        else:
            if version is None:
                messages.info(request, _("Nothing had changed, so no new version was made."))
            else:
                messages.success(
                    request,
                    _("The section has been saved as version %(number)s of the charter.")
                    % {"number": version.number},
                )
            return redirect(_charter_url(section))
    return _form_page(request, project, form, formset, section, status=400)


def _section_to_change(request, pk, section_pk) -> Section:
    project = project_for(request, pk)
    hidden_unless(request, "view_drafts", project)
    section = object_in(Section, project, section_pk)
    refuse_unless(request, "edit_section", project)
    return section


@login_required
@require_POST
def move_section(request, pk, section_pk):
    section = _section_to_change(request, pk, section_pk)
    direction = request.POST.get("direction")
    if direction not in {sections.UP, sections.DOWN}:
        messages.error(request, _("Choose to move the section up or down."))
        return redirect(_charter_url(section))
    try:
        moved = sections.move_section(section, direction, request.user)
    except ActionRefused as refusal:
        messages.error(request, refusal.message)
    else:
        if moved is None:
            messages.info(request, _("The section is already at that end of the charter."))
        else:
            messages.success(
                request, _("The section “%(title)s” has been moved.") % {"title": section.title}
            )
    return redirect(_charter_url(section))


@login_required
@require_POST
def remove_section(request, pk, section_pk):
    section = _section_to_change(request, pk, section_pk)
    try:
        sections.remove_section(section, request.user)
    except ActionRefused as refusal:
        messages.error(request, refusal.message)
        return redirect(section)
    messages.success(
        request,
        _(
            "The section “%(title)s” has been taken out of the charter. Its text stays in the "
            "earlier versions, and you can put it back from its page."
        )
        % {"title": section.title},
    )
    return redirect("charters:charter", section.project_id)


@login_required
@require_POST
def restore_section(request, pk, section_pk):
    section = _section_to_change(request, pk, section_pk)
    try:
        sections.restore_section(section, request.user)
    except ActionRefused as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(
            request,
            _("The section “%(title)s” is back in the charter.") % {"title": section.title},
        )
    return redirect(_charter_url(section))
