"""The planner's forms: one form per block of the engine's scenario, formsets for its lists.

Each form's prefix is the scenario block it fills and each field is named after the engine's key,
so an engine error such as ``financing.tranches[1].annual_rate`` finds its field mechanically
(``Planner.add_engine_errors``). Blank fields are left out of the scenario, so the engine applies
its documented default; rates are typed as percentages and handed to the engine as fractions.
The default financing is the one list shown filled in, so that a person sees and changes it.
Help texts summarise FEASIBILITY.md (section numbers in brackets).
"""

import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from urllib.parse import urlsplit

from django import forms
from django.urls import Resolver404, resolve
from django.utils.translation import gettext_lazy as _

from openpromotor.core.forms import StyledFormMixin
from openpromotor.feasibility.engine.scenario import default_tranches, scenario_json
from openpromotor.places.models import Place

HUNDRED = Decimal(100)
# Far above any project, and small enough for the engine's 28-digit decimal arithmetic.
MAX_NUMBER = Decimal("1e12")
PATH = re.compile(r"^(?P<block>\w+)(?:\.(?P<list>\w+)\[(?P<index>\d+)\])?(?:\.(?P<rest>[\w.]+))?$")


class PercentField(forms.DecimalField):
    """A rate typed as a percentage (3.5) and stored in the scenario as a fraction (0.035)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("min_value", 0)
        kwargs.setdefault("max_value", 100)
        super().__init__(**kwargs)


def _number(label, help_text="", **options):
    options.setdefault("min_value", 0)
    options.setdefault("max_value", MAX_NUMBER)
    return forms.DecimalField(
        label=label,
        help_text=help_text,
        required=options.pop("required", False),
        widget=forms.NumberInput(attrs={"step": "any", "inputmode": "decimal"}),
        **options,
    )


def _percent(label, help_text="", **options):
    return PercentField(
        label=label,
        help_text=help_text,
        required=False,
        widget=forms.NumberInput(attrs={"step": "any", "inputmode": "decimal"}),
        **options,
    )


def _whole(label, help_text="", **options):
    return forms.IntegerField(label=label, help_text=help_text, required=False, **options)


DEFAULT_CHOICE = _("default")


def _choice(label, choices, help_text="", blank=DEFAULT_CHOICE):
    return forms.ChoiceField(
        label=label, help_text=help_text, required=False, choices=[("", blank), *choices]
    )


def _text(label, help_text="", max_length=100):
    return forms.CharField(label=label, help_text=help_text, required=False, max_length=max_length)


class DescribedFieldsMixin:
    """Links each input to its help text and to its message (``_field.html`` renders both)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, form_field in self.fields.items():
            html_id = f"id_{self.add_prefix(name)}"
            described = [f"{html_id}_helptext"] if form_field.help_text else []
            form_field.widget.attrs["aria-describedby"] = " ".join([*described, f"{html_id}-error"])


class BlockForm(DescribedFieldsMixin, StyledFormMixin, forms.Form):
    """A form whose fields are keys of one scenario block.

    ``legend`` names the group of fields when the form shares its step with another form.
    """

    nested: dict[str, str] = {}
    legend = None
    intro = None

    def values(self) -> dict:
        """The cleaned values as scenario JSON: blanks left out, rates as fractions, nesting."""
        block: dict = {}
        for name, value in self.cleaned_data.items():
            if value in (None, ""):
                continue
            if isinstance(self.fields[name], PercentField):
                value = _plain(value / HUNDRED)
            elif isinstance(value, Decimal):
                value = _plain(value)
            elif hasattr(value, "isoformat"):
                value = value.isoformat()
            if name in self.nested:
                inner, key = self.nested[name].split(".")
                block.setdefault(inner, {})[key] = value
            else:
                block[name] = value
        return block

    @classmethod
    def initial_from(cls, block: dict) -> dict:
        """Form initial values from a scenario block (the inverse of ``values``)."""
        initial = {}
        for name, form_field in cls.base_fields.items():
            path = cls.nested.get(name, name).split(".")
            value = block
            for key in path:
                value = value.get(key) if isinstance(value, dict) else None
            if value is None:
                continue
            if isinstance(form_field, PercentField):
                value = _plain(Decimal(str(value)) * HUNDRED)
            initial[name] = value
        return initial

    def field_for(self, path: str) -> str | None:
        """The form field of an engine path inside this block (``mortgage.fixed_costs``)."""
        return self.field_name(path)

    @classmethod
    def field_name(cls, path: str) -> str | None:
        for name, nested in cls.nested.items():
            if nested == path:
                return name
        return path if path in cls.base_fields else None


def _plain(value: Decimal) -> str:
    """A Decimal as a plain JSON string without exponent or trailing zeros: '0.0375'."""
    return f"{value.normalize():f}"


class ScenarioForm(BlockForm):
    description = forms.CharField(
        label=_("Description"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What the plan is about; it appears on the first page of the PDF."),
    )


class BuildingForm(BlockForm):
    gross_floor_area_m2 = _number(
        _("Gross floor area (m²)"),
        _("All floors, measured outside the walls. Works, maintenance and insurance use it."),
        required=True,
    )
    net_area_m2 = _number(
        _("Net lettable area (m²)"),
        _("Leave blank to use the sum of the units below."),
    )


class UnitForm(BlockForm):
    name = _text(_("Unit type"))
    area_m2 = _number(_("Area (m²)"))
    count = _whole(_("Number"), min_value=1, max_value=10_000)


class AcquisitionForm(BlockForm):
    price = _number(
        _("Purchase price (€)"),
        _("Duty is due on the agreed price, never on less than the market value (§1.1)."),
    )
    buyer = _choice(
        _("Buyer"),
        [
            # xgettext:no-python-format
            ("legal_person", _("a cooperative or other legal person (12 % duty)")),
            ("natural_person_sole_home", _("natural persons buying their only home (2 %)")),
        ],
        # xgettext:no-python-format
        _("A cooperative buys as a legal person and pays the standard 12 % duty (§1.2)."),
        blank=_("default: a legal person"),
    )
    date = forms.DateField(
        label=_("Date of the deed"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Decides which legal rates apply; blank means today."),
    )
    duty_rate = _percent(
        _("Registration duty (%)"),
        _("Only to override the legal rate in force on the date."),
    )
    deed_costs = _number(
        _("Other deed costs (€, excl. VAT)"),
        _("Searches, certificates, extracts. Default €1,300 plus 21 % VAT (§1.3)."),
    )


class LandForm(BlockForm):
    """A community land trust keeps the land, the group buys the building (§2.7)."""

    legend = _("Community land trust: land and building split (optional)")
    intro = _(
        "The trust buys the land part and keeps it; the group buys only the building and holds "
        "the land through a long lease (erfpacht) or a building right (opstal), for a yearly "
        "fee. Leave these fields empty when the group buys land and building (§2.7)."
    )

    share_of_price = _percent(
        # xgettext:no-python-format
        _("Land part (% of the purchase price)"),
        _("The part of the price that the trust pays for the land, at its cost or with a subsidy."),
    )
    price = _number(_("Or the land part (€)"), _("Instead of a share: the land part as an amount."))
    ground_fee_year = _number(
        _("Ground fee (canon, € a year)"),
        _(
            "What the group pays the trust every year for the land; it is part of the cost rent. "
            "There is no default: ask the trust (0 if there is no fee)."
        ),
    )
    lease_years = _whole(
        _("Term of the lease (years)"),
        _("Default 99 years, the term of a community land trust's long lease (§2.7)."),
        min_value=1,
        max_value=99,
    )
    right = _choice(
        _("Right on the land"),
        [
            ("long_lease", _("long lease (erfpacht)")),
            ("building_right", _("building right (opstal)")),
        ],
        blank=_("default: a long lease"),
    )
    duty_rate = _percent(
        _("Registration duty on the lease (%)"),
        _(
            "Due on the total of the fees over the term: 5 % since 1 January 2024, 2 % before "
            "(§1.2). Only to override the legal rate."
        ),
    )


class WorksForm(BlockForm):
    depth = _choice(
        _("Depth of the works"),
        [
            ("light", _("light refresh (about €500/m²)")),
            ("deep", _("deep renovation (about €1,350/m²)")),
            ("conversion", _("conversion from non-residential (about €1,700/m²)")),
            ("rebuild", _("demolition and rebuild (about €2,200/m²)")),
        ],
        _("Sets the default cost, contingency and VAT rate (§1.5). Default: deep renovation."),
        blank=_("default: deep renovation"),
    )
    cost_per_m2 = _number(
        _("Works cost per m² (€, excl. VAT)"),
        _("Calibrate with quotes; 2025 price level, index with ABEX (§1.5)."),
    )
    area_m2 = _number(_("Area of the works (m²)"), _("Blank: the gross floor area."))
    contingency_rate = _percent(
        _("Contingency (%)"),
        # xgettext:no-python-format
        _("Default 5 % light, 10 % deep, 15 % conversion (§1.8)."),
    )
    vat_rate = _percent(
        _("VAT on works (%)"),
        _(
            "6 % only under strict conditions for renovating dwellings; a conversion defaults "
            "to 21 % and is flagged (§1.7)."
        ),
    )


class FeesForm(BlockForm):
    rate = _percent(
        # xgettext:no-python-format
        _("Professional fees (% of works)"),
        _("Architect, engineers, EPB reporter, safety coordinator. Default 12 % (§1.6)."),
    )
    vat_rate = _percent(_("VAT on fees (%)"), _("Default 21 %."))
    soft_costs = _number(
        _("Soft costs (€)"),
        _("Permits, surveys, insurance during works, legal set-up, letting (§1.8)."),
    )
    soft_costs_rate = _percent(
        # xgettext:no-python-format
        _("Soft costs (% of works)"),
        _("Instead of an amount: 1.5 to 3 % of works; default 2 %."),
    )


class FinancingForm(BlockForm):
    nested = {
        "mortgage_secured_factor": "mortgage.secured_factor",
        "mortgage_registration_rate": "mortgage.registration_rate",
        "mortgage_duty_rate": "mortgage.mortgage_duty_rate",
        "mortgage_fixed_costs": "mortgage.fixed_costs",
    }

    interest_during_works_months = _whole(
        _("Months of works (interest during works)"),
        _("Interest on a linearly drawn loan during the works; default 12 months (§1.8)."),
        min_value=0,
        max_value=60,
    )
    mortgage_secured_factor = _number(
        _("Secured amount as a multiple of the loan"),
        _("Loan plus accessories; default 1.10 (§1.3)."),
        min_value=1,
    )
    mortgage_registration_rate = _percent(
        _("Registration duty on the mortgage (%)"),
        # xgettext:no-python-format
        _("Legal rate 1 % of the secured amount."),
    )
    mortgage_duty_rate = _percent(_("Mortgage duty (%)"), _("Legal rate 0.3 %."))
    mortgage_fixed_costs = _number(
        _("Fixed costs of the credit deed (€)"),
        _("Notary fee on the credit, administration, VAT; default €2,500 (§1.3)."),
    )


class TrancheForm(BlockForm):
    key = _text(_("Name"), max_length=40)
    kind = _choice(
        _("Kind"),
        [
            ("bank_loan", _("bank loan")),
            ("member_loan", _("member loan")),
            ("member_shares", _("member shares")),
            ("subsidy", _("subsidy")),
            ("revolving_fund", _("revolving fund")),
            ("third_party", _("third-party finance")),
        ],
        blank=_("choose"),
    )
    amount = _number(_("Amount (€)"))
    share_of_total = _percent(_("Or share of the total (%)"))
    annual_rate = _percent(_("Interest rate (% a year)"))
    years = _whole(_("Years"), min_value=1, max_value=100)
    periods_per_year = _choice(
        _("Payments a year"), [("12", "12"), ("4", "4"), ("2", "2"), ("1", "1")]
    )
    rate_convention = _choice(
        _("Rate convention"),
        [
            ("belgian_equivalent", _("Belgian equivalent rate")),
            ("nominal", _("nominal rate / periods")),
        ],
    )
    repayment = _choice(
        _("Repayment"),
        [
            ("annuity", _("annuity")),
            ("bullet", _("in one go at the end")),
            ("interest_only", _("interest only")),
        ],
    )

    def values(self) -> dict:
        block = super().values()
        if "periods_per_year" in block:
            block["periods_per_year"] = int(block["periods_per_year"])
        return block


class OperationForm(BlockForm):
    maintenance_per_m2_year = _number(
        _("Maintenance and renewal reserve (€/m² a year)"), _("Default €18 (§3).")
    )
    insurance_per_m2_year = _number(_("Insurance (€/m² a year)"), _("Default €2.50 (§3)."))
    cadastral_income = _number(
        _("Cadastral income (€, not indexed)"),
        _("The expected income after the works; gives the property tax (§3)."),
    )
    ki_index = _number(
        _("Index coefficient of the cadastral income"),
        _("Blank: the legal coefficient in force."),
    )
    surcharge_centiemes = _number(
        _("Provincial and municipal surcharges (centiemes)"),
        _("Needed with a cadastral income, for example 1470 in Antwerp."),
    )
    management_per_unit_year = _number(
        _("Management (€ per unit a year)"), _("Administration and accounting; default €300.")
    )
    share_return_rate = _percent(
        _("Return on member shares (%)"),
        # xgettext:no-python-format
        _("Optional; at most 6 % for a recognised cooperative (§3)."),
    )
    vacancy_rate = _percent(
        _("Vacancy and bad debt (%)"), _("Default 3 % (§3)."), max_value=Decimal("99")
    )
    other_income_year = _number(
        _("Other income (€ a year)"), _("Income other than rent; lowers the cost rent.")
    )
    market_rent_per_m2_month = _number(
        _("Market rent for comparison (€/m² a month)"),
        _("The plan warns when the cost rent is higher."),
    )


class LifecycleForm(BlockForm):
    area_m2 = _number(_("Area (m²)"), _("Blank: the gross floor area."))
    study_period_years = _whole(
        _("Study period (years)"), _("Default 40 years (§4)."), min_value=1, max_value=100
    )
    discount_rate = _percent(
        _("Discount rate (% a year, real)"),
        _("Default 3 % with constant prices; test 5 % too (§4)."),
    )
    initial_cost = _number(_("Initial cost (€)"), _("Blank: the total project cost of this plan."))
    residual_value = _number(
        _("Residual value at the end (€)"), _("Optional; deducted in the last year.")
    )


class RenewalForm(BlockForm):
    label = _text(_("What is renewed"))
    year = _whole(_("Year"), min_value=1, max_value=100)
    amount = _number(_("Amount (€)"))
    cost_per_m2 = _number(_("Or cost per m² (€)"))


class AnnualCostForm(BlockForm):
    label = _text(_("Yearly cost"))
    amount = _number(_("Amount (€ a year)"))
    cost_per_m2 = _number(_("Or per m² (€ a year)"))
    from_year = _whole(_("From year"), min_value=1, max_value=100)
    to_year = _whole(_("To year"), min_value=1, max_value=100)


@dataclass(frozen=True)
class Step:
    key: str
    title: str
    intro: str
    forms: list = field(default_factory=list)
    formsets: list = field(default_factory=list)


@dataclass(frozen=True)
class ListSpec:
    """A scenario list filled by a formset: its block, key, form class and a row legend."""

    block: str
    key: str
    form: type
    legend: str


LISTS = {
    "units": ListSpec("building", "units", UnitForm, _("Unit type")),
    "tranches": ListSpec("financing", "tranches", TrancheForm, _("Tranche")),
    "renewals": ListSpec("lifecycle", "renewals", RenewalForm, _("Renewal")),
    "annual_costs": ListSpec("lifecycle", "annual_costs", AnnualCostForm, _("Yearly cost")),
}

BLOCKS = {
    "scenario": ScenarioForm,
    "building": BuildingForm,
    "acquisition": AcquisitionForm,
    "land": LandForm,
    "works": WorksForm,
    "fees": FeesForm,
    "financing": FinancingForm,
    "operation": OperationForm,
    "lifecycle": LifecycleForm,
}

STEPS = (
    (
        "building",
        _("Building"),
        _("The size of the building and its units."),
        ["scenario", "building"],
        ["units"],
    ),
    (
        "acquisition",
        _("Acquisition"),
        _("The purchase and its taxes, and whether a community land trust keeps the land."),
        ["acquisition", "land"],
        [],
    ),
    ("works", _("Works"), _("Works, fees and soft costs."), ["works", "fees"], []),
    (
        "financing",
        _("Financing"),
        _(
            "A new plan shows the default: a 70 % bank loan at 3.5 % over 25 years, the rest "
            "member shares (§2.9); change it or add tranches. Give each tranche an amount or a "
            "share of the total."
        ),
        ["financing"],
        ["tranches"],
    ),
    (
        "operation",
        _("Operation"),
        _("The yearly costs that make up the cost rent (§3)."),
        ["operation"],
        [],
    ),
    (
        "lifecycle",
        _("Life cycle"),
        _(
            "Life-cycle cost over the study period (ISO 15686-5, §4). Without yearly costs the "
            "running costs of the operation step count every year."
        ),
        ["lifecycle"],
        ["renewals", "annual_costs"],
    ),
)


class Planner:
    """All the planner's forms and formsets together, bound to POST data or to a scenario."""

    extra_rows = 1

    def __init__(self, data=None, scenario: dict | None = None):
        scenario = scenario or {}
        self.forms = {
            prefix: form_class(
                data,
                prefix=prefix,
                initial=form_class.initial_from(
                    scenario if prefix == "scenario" else scenario.get(prefix, {})
                ),
            )
            for prefix, form_class in BLOCKS.items()
        }
        self.formsets = {}
        for prefix, spec in LISTS.items():
            rows = (scenario.get(spec.block) or {}).get(spec.key) or []
            if prefix == "tranches" and not rows:
                rows = DEFAULT_TRANCHES
            formset_class = forms.formset_factory(spec.form, extra=self.extra_rows, max_num=50)
            self.formsets[prefix] = formset_class(
                data, prefix=prefix, initial=[spec.form.initial_from(row) for row in rows]
            )
        self._row_forms: dict[str, list[int]] = {}
        self.errors: list[str] = []

    @property
    def steps(self) -> list[Step]:
        return [
            Step(
                key,
                title,
                intro,
                [self.forms[name] for name in form_names],
                [(LISTS[name], self.formsets[name]) for name in formset_names],
            )
            for key, title, intro, form_names, formset_names in STEPS
        ]

    def all_forms(self):
        yield from self.forms.values()
        for formset in self.formsets.values():
            yield from formset.forms

    def is_valid(self) -> bool:
        valid = [form.is_valid() for form in self.forms.values()]
        valid += [formset.is_valid() for formset in self.formsets.values()]
        return all(valid)

    def scenario(self, name: str) -> dict:
        """The engine's scenario from the cleaned forms (call after ``is_valid``; when a form
        is invalid, its valid fields only)."""
        scenario: dict = {"name": name, **self.forms["scenario"].values()}
        for prefix in BLOCKS:
            if prefix != "scenario":
                block = self.forms[prefix].values()
                if block:
                    scenario[prefix] = block
        for prefix, spec in LISTS.items():
            rows, indexes = [], []
            for index, form in enumerate(self.formsets[prefix].forms):
                row = form.values() if hasattr(form, "cleaned_data") else {}
                if row:
                    rows.append(row)
                    indexes.append(index)
            self._row_forms[prefix] = indexes
            if prefix == "tranches" and rows == default_tranche_rows():
                # The defaults as the planner shows them: the plan still leaves them to the engine.
                rows = []
            if rows:
                scenario.setdefault(spec.block, {})[spec.key] = rows
        return scenario

    def add_engine_errors(self, errors: list[dict]) -> None:
        """Put each engine error on its field; errors without a field go to ``self.errors``."""
        for error in errors:
            if not self._place(error["field"], error["message"]):
                self.errors.append(f"{field_label(error['field'])}: {error['message']}")

    def _place(self, path: str, message: str) -> bool:
        match = PATH.match(path)
        if match is None:
            return False
        block, list_key, index, rest = match.group("block", "list", "index", "rest")
        if block in ("name", "description"):
            block, rest = "scenario", block
        if list_key is not None:
            return self._place_in_row(list_key, int(index), rest, message)
        if rest in LISTS and block == LISTS[rest].block:
            # Django offers no add_error for a formset; its errors list is this attribute.
            self.formsets[rest]._non_form_errors.append(message)
            return True
        form = self.forms.get(block)
        name = form.field_for(rest) if form is not None and rest else None
        if name is None:
            return False
        form.add_error(name, message)
        return True

    def _place_in_row(self, list_key: str, index: int, rest: str | None, message: str) -> bool:
        rows = self._row_forms.get(list_key, [])
        if list_key not in self.formsets or index >= len(rows):
            return False
        form = self.formsets[list_key].forms[rows[index]]
        if rest not in form.fields:
            form.add_error(None, message)
        else:
            form.add_error(rest, message)
        return True


DEFAULT_TRANCHES = scenario_json(default_tranches())
"""The engine's default financing (§2.9), shown as tranche rows so that a person sees it."""


@cache
def default_tranche_rows() -> list[dict]:
    """The default tranches as the planner posts them back when nobody changed them."""
    rows = []
    for tranche in DEFAULT_TRANCHES:
        initial = TrancheForm.initial_from(tranche)
        form = TrancheForm(
            {f"row-{name}": str(value) for name, value in initial.items()}, prefix="row"
        )
        form.is_valid()
        rows.append(form.values())
    return rows


def field_label(path: str) -> str:
    """The label of the planner field an engine path refers to, else the path itself."""
    match = PATH.match(path)
    if match is None:
        return path
    block, list_key, index, rest = match.group("block", "list", "index", "rest")
    if block in ("name", "description"):
        block, rest = "scenario", block
    if list_key is not None:
        spec = LISTS.get(list_key)
        if spec is None or spec.block != block:
            return path
        row = f"{spec.legend} {int(index) + 1}"
        if rest in spec.form.base_fields:
            return f"{row}: {spec.form.base_fields[rest].label}"
        return row
    if rest in LISTS and LISTS[rest].block == block:
        return str(LISTS[rest].legend)
    form_class = BLOCKS.get(block)
    name = form_class.field_name(rest) if form_class is not None and rest else None
    return str(form_class.base_fields[name].label) if name else path


def planner_html_id(path: str) -> str | None:
    """The HTML id of the input an engine path (for example of a warning) refers to."""
    match = PATH.match(path)
    if match is None or match.group("list"):
        return None
    block, rest = match.group("block", "rest")
    form_class = BLOCKS.get(block)
    if form_class is None or rest is None:
        return None
    name = form_class.field_name(rest)
    return f"id_{block}-{name}" if name else None


class NewPlanForm(StyledFormMixin, forms.Form):
    STARTS = [
        ("blank", _("defaults (fill in your own figures)")),
        ("example", _("the example: a school in Antwerp converted into 22 homes")),
    ]

    title = forms.CharField(label=_("Title"), max_length=140)
    place = forms.CharField(
        label=_("Building on the map (optional)"),
        required=False,
        max_length=300,
        help_text=_(
            "The number or the address of the building's page, e.g. /panden/12/. Its floor "
            "area and asking price fill in the plan."
        ),
    )
    start = forms.ChoiceField(
        label=_("Start from"), choices=STARTS, initial="blank", widget=forms.RadioSelect
    )

    def clean_place(self) -> Place | None:
        text = self.cleaned_data["place"].strip()
        if not text:
            return None
        place = published_place(text)
        if place is None:
            raise forms.ValidationError(_("No published building has this number or address."))
        return place


def published_place(text: str) -> Place | None:
    """A published place from its number (12) or the address of its page (/panden/12/, or the
    whole link); None when there is no such place."""
    text = text.strip()
    if text.isdigit():
        number = text
    else:
        path = urlsplit(text).path
        path = "/" + path.strip("/") + "/"
        try:
            match = resolve(path)
        except Resolver404:
            return None
        if match.view_name != "places:detail":
            return None
        number = str(match.kwargs["pk"])
    if len(number) > 18:  # beyond any primary key; the database would refuse the number
        return None
    return Place.objects.published().filter(pk=int(number)).first()


class VariantForm(DescribedFieldsMixin, StyledFormMixin, forms.Form):
    """Ready-made variants of the first version to compare with it (``engine/variants.py``)."""

    variant = forms.MultipleChoiceField(
        label=_("Ready-made variants of the first version"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=[
            ("works_vat", _("the other VAT rate on works: 6 % instead of 21 %, or back (§1.7)")),
            (
                "buyer",
                _(
                    # xgettext:no-python-format
                    "the households buy their own homes at the sole-home rate instead of the "
                    "cooperative's 12 % duty, or back (§1.2)"
                ),
            ),
            (
                "zurich_split",
                _(
                    "a Zürich-style split: 6 % member shares, 14 % subordinated loan, "
                    "80 % bank loan (§2.8)"
                ),
            ),
            (
                "clt_split",
                _(
                    "a CLT split: a community land trust keeps the land, the group buys the "
                    "building (§2.7)"
                ),
            ),
        ],
    )
    land_share = _percent(
        # xgettext:no-python-format
        _("CLT split: land part (% of the purchase price)"),
        _("The part of the price the trust pays for the land and keeps."),
    )
    ground_fee = _number(
        _("CLT split: ground fee (€ a year)"),
        _("What the group pays the trust every year for the land (0 if nothing)."),
    )

    def clean(self):
        cleaned = super().clean()
        if "clt_split" in cleaned.get("variant", []):
            for name in ("land_share", "ground_fee"):
                if cleaned.get(name) is None and name not in self.errors:
                    self.add_error(name, _("Needed for the CLT split."))
        return cleaned

    def options(self) -> dict:
        """The CLT split's figures in the engine's units (a fraction, euro a year)."""
        share = self.cleaned_data.get("land_share")
        return {
            "land_share": None if share is None else _plain(share / HUNDRED),
            "ground_fee": self.cleaned_data.get("ground_fee"),
        }


class SaveVersionForm(StyledFormMixin, forms.Form):
    note = forms.CharField(
        label=_("Note for this version"),
        max_length=200,
        required=False,
        help_text=_("For example: 6 % VAT, or a longer bank loan."),
    )


class StepsField(forms.CharField):
    """Steps such as "-1 -0.5 0.5 1" (spaces or semicolons between them; a decimal comma is ok)."""

    def __init__(self, *, scale: Decimal, **kwargs):
        self.scale = scale
        super().__init__(required=False, max_length=200, **kwargs)

    def clean(self, value):
        text = super().clean(value)
        if not text.strip():
            return None
        tokens = [t.rstrip(",") for t in re.split(r"[\s;]+", text.strip()) if t.rstrip(",")]
        if not 1 <= len(tokens) <= 10:
            raise forms.ValidationError(_("Give 1 to 10 steps."))
        steps = []
        for token in tokens:
            try:
                steps.append(_plain(Decimal(token.replace(",", ".").replace("\u2212", "-"))))
            except ArithmeticError:
                raise forms.ValidationError(
                    _("%(step)s is not a number."), params={"step": token}
                ) from None
        return [_plain(Decimal(step) / self.scale) for step in steps]


class SensitivityForm(StyledFormMixin, forms.Form):
    """The steps of the sensitivity analysis, in the units a person thinks in."""

    interest_rate = StepsField(
        label=_("Bank loan interest rate (percentage points)"),
        scale=HUNDRED,
        initial="-1 -0.5 0.5 1",
    )
    works_cost_per_m2 = StepsField(
        label=_("Works cost (€ per m²)"), scale=Decimal(1), initial="-200 -100 100 200"
    )
    vacancy_rate = StepsField(
        label=_("Vacancy rate (percentage points)"), scale=HUNDRED, initial="-2 2 5"
    )
    discount_rate = StepsField(
        label=_("Discount rate (percentage points)"), scale=HUNDRED, initial="-1 1 2"
    )

    def clean(self):
        cleaned = super().clean()
        cleaned["steps"] = {
            name: cleaned[name] for name in self.fields if cleaned.get(name) is not None
        }
        return cleaned
