"""The feasibility planner: my plans, the step-by-step planner, versions, comparison, sharing, PDF.

The planner works without JavaScript (a plain submit recalculates or saves); with htmx, every
change posts the form to ``calculate``, which answers with the results and, out of band, the
messages next to the fields. A full page with bad input answers 400 with the form and its
messages; ``calculate`` answers them with 200, because htmx does not swap in a 4xx answer and
the messages would never reach the page. Plans of other people answer 404 so their existence
stays hidden; a share link only reads (GET), so it can never change a plan.
"""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from openpromotor.feasibility import charts, report, texts
from openpromotor.feasibility.engine import ScenarioError, compare, variant
from openpromotor.feasibility.engine.comparison import MAX_SCENARIOS
from openpromotor.feasibility.forms import (
    NewPlanForm,
    Planner,
    SaveVersionForm,
    SensitivityForm,
    VariantForm,
    published_place,
)
from openpromotor.feasibility.models import Plan, PlanVersion
from openpromotor.feasibility.pdf import plan_pdf


def _own_plan(request, pk: int, permission: str = "feasibility.view_plan") -> Plan:
    plan = get_object_or_404(Plan.objects.select_related("place", "owner"), pk=pk)
    if not request.user.has_perm("feasibility.view_plan", plan):
        raise Http404
    if not request.user.has_perm(permission, plan):
        raise PermissionDenied
    return plan


def _shared_plan(token: str) -> Plan:
    return get_object_or_404(Plan.objects.select_related("place"), share_token=token)


def starting_scenario(plan: Plan) -> dict:
    """The scenario the planner opens with: the current version, else what the place tells."""
    version = plan.current_version
    if version is not None:
        return version.scenario
    scenario: dict = {"name": plan.title}
    place = plan.place
    if place is not None and place.floor_area_m2:
        scenario["building"] = {"gross_floor_area_m2": str(place.floor_area_m2)}
    if place is not None and place.asking_price is not None:
        scenario["acquisition"] = {"price": str(place.asking_price)}
    return scenario


@login_required
@require_safe
def plan_list(request):
    plans = (
        Plan.objects.filter(owner=request.user).select_related("place").prefetch_related("versions")
    )
    return render(
        request,
        "feasibility/plan_list.html",
        {"plans": plans, "max_compare": MAX_SCENARIOS},
    )


@login_required
def plan_create(request):
    if not request.user.has_perm("feasibility.add_plan"):
        raise PermissionDenied(_("Verify your e-mail address before you make a plan."))
    preview = published_place(request.GET.get("place", ""))
    initial = {"place": str(preview.pk), "title": preview.title} if preview else {}
    form = NewPlanForm(request.POST or None, initial=initial)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            with transaction.atomic():
                plan = Plan.objects.create(
                    owner=request.user,
                    title=form.cleaned_data["title"],
                    place=form.cleaned_data["place"],
                )
                if form.cleaned_data["start"] == "example":
                    scenario = report.example_scenario() | {"name": plan.title}
                    plan.versions.create(scenario=scenario, note=_("Started from the example"))
            return redirect(plan)
        status = 400
    # The building the plan will be linked to: from its page (?place=12) or as typed.
    place = form.cleaned_data.get("place") if form.is_bound else preview
    return render(
        request, "feasibility/plan_create.html", {"form": form, "place": place}, status=status
    )


@login_required
def plan_detail(request, pk):
    """The planner. POST ``action=save`` stores a version; any other POST only recalculates."""
    plan = _own_plan(request, pk)
    save_form = SaveVersionForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if not request.user.has_perm("feasibility.change_plan", plan):
            raise PermissionDenied
        planner, outcome = _evaluate_post(request, plan)
        if outcome.result is None:
            status = 400
        elif request.POST.get("action") == "save":
            if save_form.is_valid():
                _save_version(plan, outcome.scenario, save_form.cleaned_data["note"])
                messages.success(request, _("Version saved."))
                return redirect(plan)
            status = 400
        else:
            # Recalculated without JavaScript: show the figures with fresh empty rows to add to.
            planner = Planner(scenario=outcome.scenario)
    else:
        scenario = starting_scenario(plan)
        planner = Planner(scenario=scenario)
        outcome = report.build(scenario)
    return render(
        request,
        "feasibility/plan_detail.html",
        _planner_context(plan, planner, outcome, save_form),
        status=status,
    )


@login_required
@require_POST
def calculate(request, pk):
    """The htmx target: the results of the posted form, and the field messages out of band."""
    plan = _own_plan(request, pk, "feasibility.change_plan")
    planner, outcome = _evaluate_post(request, plan)
    return render(
        request,
        "feasibility/results_update.html",
        _planner_context(plan, planner, outcome, SaveVersionForm()),
    )


def _evaluate_post(request, plan: Plan) -> tuple[Planner, report.Report]:
    """Validate the planner forms, then the engine; every message ends up next to its field."""
    planner = Planner(request.POST)
    valid = planner.is_valid()
    scenario = planner.scenario(plan.title)
    if not valid:
        # The engine is not asked, but the completeness indicator still follows the form.
        return planner, report.Report(scenario=scenario, completeness=report.completeness(scenario))
    outcome = report.build(scenario)
    planner.add_engine_errors(outcome.errors)
    return planner, outcome


def _save_version(plan: Plan, scenario: dict, note: str) -> PlanVersion:
    with transaction.atomic():
        version = plan.versions.create(scenario=scenario, note=note)
        plan.save(update_fields=["updated_at"])
    return version


def _planner_context(plan, planner, outcome, save_form) -> dict:
    return {
        "plan": plan,
        "planner": planner,
        "report": outcome,
        "save_form": save_form,
        "versions": plan.versions.all(),
        "variant_form": VariantForm(),
        "max_compare": MAX_SCENARIOS,
        "share_url": _share_url(plan),
    }


def _share_url(plan: Plan) -> str | None:
    if not plan.share_token:
        return None
    return reverse("feasibility:shared", args=[plan.share_token])


@login_required
@require_POST
def share(request, pk):
    """Start sharing (a new random link) or stop sharing (the old link stops working)."""
    plan = _own_plan(request, pk, "feasibility.change_plan")
    if request.POST.get("action") == "stop":
        plan.stop_sharing()
        messages.success(request, _("The share link no longer works."))
    else:
        plan.share()
        messages.success(request, _("Anyone with the new link can read this plan."))
    return redirect(f"{plan.get_absolute_url()}#share")


@login_required
@require_POST
def plan_delete(request, pk):
    plan = _own_plan(request, pk, "feasibility.change_plan")
    plan.delete()
    messages.success(request, _("Plan deleted."))
    return redirect("feasibility:list")


@login_required
@require_safe
def sensitivity_view(request, pk):
    plan = _own_plan(request, pk)
    return _sensitivity_page(request, plan, starting_scenario(plan), shared=False)


@require_safe
def shared_sensitivity(request, token):
    plan = _shared_plan(token)
    return _sensitivity_page(request, plan, starting_scenario(plan), shared=True)


def _sensitivity_page(request, plan, scenario, *, shared):
    form = SensitivityForm(request.GET or None)
    valid = form.is_valid() if form.is_bound else True
    steps = form.cleaned_data["steps"] if form.is_bound and valid else None
    outcome = report.build(scenario, steps)
    tornados = []
    if outcome.sensitivity is not None:
        tornados = [
            charts.tornado(outcome.sensitivity, metric["key"], uid=f"tornado-{metric['key']}")
            for metric in outcome.sensitivity["metrics"]
        ]
    return render(
        request,
        "feasibility/sensitivity.html",
        {"plan": plan, "report": outcome, "form": form, "tornados": tornados, "shared": shared},
        status=200 if valid else 400,
    )


@dataclass(frozen=True)
class Column:
    """One scenario of a comparison: a saved version or a ready-made variant of the first."""

    label: str
    scenario: dict
    plan_title: str = ""
    note: str = ""

    def name(self, number: int) -> str:
        if self.plan_title:
            return f"{number}. {self.plan_title}: {self.label}"
        return f"{number}. {self.label}"


@login_required
@require_safe
def compare_view(request):
    """Up to four versions side by side, with ready-made variants of the first one if asked
    (``variant=clt_split`` and so on); only versions of the user's own plans."""
    ids = [value for value in request.GET.getlist("v") if value.isdigit()][:MAX_SCENARIOS]
    versions = list(
        PlanVersion.objects.filter(pk__in=ids, plan__owner=request.user).select_related("plan")
    )
    versions.sort(key=lambda version: ids.index(str(version.pk)))
    columns = [Column(_label(v), v.scenario, plan_title=v.plan.title) for v in versions]
    form = VariantForm(request.GET if "variant" in request.GET else None)
    comparison, errors, chart = None, [], None
    try:
        if form.is_bound and _variants_fit(form, versions):
            columns += _variant_columns(form, versions[0].scenario)
        if columns and not form.errors:
            scenarios = [c.scenario | {"name": c.name(n)} for n, c in enumerate(columns, 1)]
            comparison = texts.localize(compare(scenarios))
    except ScenarioError as error:
        errors = texts.errors(error.problems)
    if comparison is not None:
        results = zip(columns, comparison["results"], strict=True)
        options = [
            (f"{number}. {column.label}", result["lifecycle"])
            for number, (column, result) in enumerate(results, 1)
        ]
        chart = charts.lifecycle_npv(options, uid="compare-lcc")
    return render(
        request,
        "feasibility/compare.html",
        {
            "versions": versions,
            "comparison": comparison,
            "errors": errors,
            "chart": chart,
            "notes": [(c.name(n), c.note) for n, c in enumerate(columns, 1) if c.note],
            "variant_form": form if form.is_bound else VariantForm(),
            "max_compare": MAX_SCENARIOS,
        },
        status=400 if form.is_bound and form.errors else 200,
    )


def _variants_fit(form: VariantForm, versions: list[PlanVersion]) -> bool:
    """The variant form is valid, there is a version to vary, and all fit in one table."""
    if not form.is_valid():
        return False
    chosen = form.cleaned_data["variant"]
    if chosen and not versions:
        form.add_error(None, _("Tick a version first: the variants are made from it."))
    elif len(versions) + len(chosen) > MAX_SCENARIOS:
        message = _("Compare at most %(max)d: tick fewer versions or variants.")
        form.add_error(None, message % {"max": MAX_SCENARIOS})
    return not form.errors


def _variant_columns(form: VariantForm, scenario: dict) -> list[Column]:
    """The ready-made variants ticked in ``form``, with their texts in the reader's language."""
    columns = []
    for key in form.cleaned_data["variant"]:
        made = variant(scenario, key, **form.options())
        label, note = texts.text(made.label.to_json()), texts.text(made.note.to_json())
        columns.append(Column(label, made.scenario, note=note))
    return columns


def _label(version: PlanVersion) -> str:
    """What tells versions apart in a comparison: the note, else when it was saved."""
    return version.note or f"{version.created_at:%Y-%m-%d %H:%M}"


@require_safe
def shared(request, token):
    plan = _shared_plan(token)
    scenario = starting_scenario(plan)
    outcome = report.build(scenario)
    return render(
        request,
        "feasibility/shared.html",
        {
            "plan": plan,
            "report": outcome,
            "assumptions": _assumptions(outcome),
            "token": token,
        },
    )


def _assumptions(outcome: report.Report) -> list[dict]:
    if outcome.result is None:
        return []
    return report.assumptions(outcome.scenario, outcome.result["scenario"])


@login_required
@require_safe
def pdf(request, pk):
    plan = _own_plan(request, pk)
    return _pdf_response(plan)


@require_safe
def shared_pdf(request, token):
    return _pdf_response(_shared_plan(token))


def _pdf_response(plan: Plan) -> HttpResponse:
    outcome = report.build(starting_scenario(plan))
    if outcome.result is None:
        raise Http404(_("This plan cannot be calculated yet; fix its errors first."))
    response = HttpResponse(plan_pdf(plan, outcome), content_type="application/pdf")
    filename = f"{slugify(plan.title) or 'plan'}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
