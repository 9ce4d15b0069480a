"""The stakeholder map: the list by category with the relations, adding, editing and removing
stakeholders and relations, and the CSV exports. For members only, always."""

from copy import copy

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from openpromotor.participation import exports, stakeholders
from openpromotor.participation.charts import quadrant_labels, quadrant_of
from openpromotor.participation.editing import EditConflict
from openpromotor.participation.forms import RelationForm, StakeholderForm
from openpromotor.participation.models import Relation, Stakeholder
from openpromotor.participation.views.access import (
    differences,
    hidden_unless,
    page_context,
    project_for,
    refuse_unless,
)
from openpromotor.participation.vocabulary import Category
from openpromotor.projects.errors import ActionRefused
from openpromotor.projects.views.access import back, object_in


def _by_category(people) -> list[tuple]:
    """(category, its stakeholders) for the categories that have any, in the seed's order."""
    found: dict[str, list] = {}
    for stakeholder in people:
        found.setdefault(stakeholder.category, []).append(stakeholder)
    return [(category, found[category]) for category in Category if category in found]


def stakeholder_list(request, pk, relation_form=None, status=200):
    project = project_for(request, pk, "view_stakeholders")
    people = list(project.stakeholders.select_related("user"))
    quadrants = quadrant_labels()
    for stakeholder in people:
        stakeholder.quadrant = quadrants[quadrant_of(stakeholder.influence, stakeholder.interest)]
    initial = {"source": request.GET.get("source")}
    context = page_context(
        request,
        project,
        "map",
        categories=_by_category(people),
        count=len(people),
        relations=stakeholders.relations_of(project),
        relation_form=relation_form or RelationForm(project=project, initial=initial),
    )
    return render(request, "participation/stakeholders.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def add_stakeholder(request, pk):
    project = project_for(request, pk, "change_stakeholders")
    form = StakeholderForm(
        request.POST or None, project=project, instance=Stakeholder(project=project)
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            stakeholder = form.save(commit=False)
            stakeholder.user = form.account()
            try:
                stakeholders.add_stakeholder(stakeholder, request.user)
            except ActionRefused as refusal:
                form.add_error("name", refusal.message)
                status = 409
            else:
                messages.success(
                    request,
                    _("“%(name)s” is on the stakeholder map.") % {"name": stakeholder.name},
                )
                if "another" in request.POST:
                    return redirect("participation:add_stakeholder", project.pk)
                return redirect("participation:stakeholders", project.pk)
        else:
            status = 400
    context = page_context(request, project, "map", form=form)
    return render(request, "participation/stakeholder_form.html", context, status=status)


def _conflict(form, current) -> dict:
    account = (_("Platform account"), form.account(), current.user)
    rows = differences(form, current, StakeholderForm.Meta.fields, [account])
    return {"by": current.updated_by, "at": current.updated_at, "differences": rows}


@require_http_methods(["GET", "POST"])
def stakeholder_detail(request, pk, stakeholder_pk):
    project = project_for(request, pk)
    hidden_unless(request, "view_stakeholders", project)
    stakeholder = object_in(
        Stakeholder.objects.select_related("user", "updated_by"), project, stakeholder_pk
    )
    form = StakeholderForm(request.POST or None, project=project, instance=copy(stakeholder))
    conflict, status = None, 200
    if request.method == "POST":
        refuse_unless(request, "change_stakeholders", project)
        if form.is_valid():
            try:
                stakeholders.change_stakeholder(
                    stakeholder, form.started_from(), form.changes(), request.user
                )
            except EditConflict as clash:
                conflict = _conflict(form, clash.current)
                data = request.POST.copy()
                data["version"] = clash.current.version
                form = StakeholderForm(data, project=project, instance=clash.current)
                form.is_valid()
                status = 409
            except ActionRefused as refusal:
                form.add_error("name", refusal.message)
                status = 409
            else:
                messages.success(request, _("The stakeholder has been saved."))
                return redirect("participation:stakeholder", project.pk, stakeholder.pk)
        else:
            status = 400
    quadrant = quadrant_labels()[quadrant_of(stakeholder.influence, stakeholder.interest)]
    context = page_context(
        request,
        project,
        "map",
        stakeholder=stakeholder,
        quadrant=quadrant,
        form=form,
        conflict=conflict,
        is_member=project.memberships.filter(user_id=stakeholder.user_id).exists(),
        relations=stakeholders.relations_of(project).filter(
            Q(source=stakeholder) | Q(target=stakeholder)
        ),
        seats=stakeholder.seats.select_related("body"),
    )
    return render(request, "participation/stakeholder.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def delete_stakeholder(request, pk, stakeholder_pk):
    project = project_for(request, pk)
    hidden_unless(request, "view_stakeholders", project)
    stakeholder = object_in(Stakeholder, project, stakeholder_pk)
    refuse_unless(request, "change_stakeholders", project)
    if request.method == "POST":
        stakeholders.delete_stakeholder(stakeholder)
        messages.success(
            request, _("“%(name)s” is no longer on the map.") % {"name": stakeholder.name}
        )
        return redirect("participation:stakeholders", project.pk)
    context = page_context(
        request,
        project,
        "map",
        stakeholder=stakeholder,
        relation_count=stakeholder.relations_from.count() + stakeholder.relations_to.count(),
        seats=stakeholder.seats.select_related("body"),
    )
    return render(request, "participation/stakeholder_delete.html", context)


@login_required
@require_POST
def add_relation(request, pk):
    project = project_for(request, pk, "change_stakeholders")
    form = RelationForm(request.POST, project=project)
    if form.is_valid():
        try:
            relation = stakeholders.add_relation(form.save(commit=False), request.user)
        except ActionRefused as refusal:
            form.add_error("target", refusal.message)
        else:
            messages.success(
                request, _("The relation “%(relation)s” is on the map.") % {"relation": relation}
            )
            return redirect(f"{project_url(project)}#relations")
    messages.error(request, _("The relation was not added: correct the form below."))
    return stakeholder_list(request, pk, relation_form=form, status=400)


def project_url(project) -> str:
    return reverse("participation:stakeholders", args=[project.pk])


@login_required
@require_POST
def delete_relation(request, pk, relation_pk):
    project = project_for(request, pk)
    hidden_unless(request, "view_stakeholders", project)
    relation = get_object_or_404(
        Relation.objects.select_related("source", "target"), pk=relation_pk, source__project=project
    )
    refuse_unless(request, "change_stakeholders", project)
    stakeholders.delete_relation(relation)
    messages.success(request, _("The relation “%(relation)s” is removed.") % {"relation": relation})
    return back(request, f"{project_url(project)}#relations")


def _csv_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def export_stakeholders(request, pk):
    project = project_for(request, pk, "view_stakeholders")
    return _csv_response(exports.stakeholders_csv(project), f"belanghebbenden-{project.pk}.csv")


def export_relations(request, pk):
    project = project_for(request, pk, "view_stakeholders")
    return _csv_response(exports.relations_csv(project), f"relaties-{project.pk}.csv")
