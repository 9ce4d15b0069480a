"""Life-cycle cost after ISO 15686-5 (FEASIBILITY.md §4).

``NPV = Σ_{t=0..T} C_t / (1 + d)^t`` with the initial cost at t = 0 and yearly costs at the end of
years 1..T, in constant prices with a real discount rate. Amounts are rounded only at the end.
Two €/m²·yr figures are given, and they are not the same thing: the annuitised one spreads the
NPV with the capital-recovery factor, the simple one divides it by area and years.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from .lines import Line, figure_json
from .money import ZERO, power, round_cent
from .scenario import Lifecycle
from .texts import Text, gettext_noop, money, number, percent, template

CRF_DECIMALS = Decimal("1E-10")
NPV_CAPITAL_LABEL = template("label.npv_capital", gettext_noop("Initial cost and renewals (NPV)"))
NPV_OPERATING_LABEL = template("label.npv_operating", gettext_noop("Operating costs (NPV)"))
NPV_CAPITAL = template(
    "basis.npv_capital",
    gettext_noop(
        "{initial} at t = 0, {renewals} renewals in their years, minus a residual value of "
        "{residual} in year {years}; {discounting}"
    ),
)
NPV_OPERATING = template(
    "basis.npv_operating", gettext_noop("{costs}, at the end of each year; {discounting}")
)
DISCOUNTING = template(
    "basis.discounting",
    gettext_noop("discounted at {rate} a year (real rate, constant prices)"),
)
NPV_TOTAL = template("basis.npv_total", gettext_noop("npv_capital + npv_operating"))
CRF = template(
    "basis.crf",
    gettext_noop("capital-recovery factor d / (1 - (1 + d)^-T) with d = {rate}, T = {years}"),
)
EAC = template(
    "basis.eac_per_m2_year",
    gettext_noop(
        "annuitised: npv_total x crf / {area} m²; a constant yearly cost comes back unchanged"
    ),
)
SIMPLE = template(
    "basis.simple_per_m2_year",
    gettext_noop(
        "simple average: npv_total / ({area} m² x {years} years); lower than the annuitised "
        "figure whenever d > 0"
    ),
)
INITIAL_GIVEN = template("basis.initial_cost", gettext_noop("initial cost {amount}"))
INITIAL_PER_M2 = template(
    "basis.initial_cost_per_m2", gettext_noop("initial cost {rate} €/m² x area")
)
INITIAL_TOTAL = template(
    "basis.initial_capital_total", gettext_noop("initial cost = capital total {amount}")
)
RUNNING_COSTS = template(
    "basis.running_costs",
    gettext_noop(
        "running costs of the operation block (maintenance, insurance, property tax, "
        "management) {amount} a year, years 1-{years}"
    ),
)
RUNNING_COSTS_GROUND_FEE = template(
    "basis.running_costs_ground_fee",
    gettext_noop(
        "running costs of the operation block (maintenance, insurance, property tax, "
        "management, ground fee) {amount} a year, years 1-{years}"
    ),
)
ANNUAL_COSTS_GIVEN = template(
    "basis.annual_costs_given", gettext_noop("{count} yearly costs given in the scenario")
)


@dataclass(frozen=True)
class LifecycleResult:
    npv_capital: Line
    npv_operating: Line
    crf: Decimal
    area_m2: Decimal
    lifecycle: Lifecycle

    @property
    def npv_total(self) -> Decimal:
        return self.npv_capital.amount + self.npv_operating.amount

    @property
    def eac_per_m2_year(self) -> Decimal:
        return round_cent(self.npv_total * self.crf / self.area_m2)

    @property
    def simple_per_m2_year(self) -> Decimal:
        return round_cent(self.npv_total / (self.area_m2 * self.lifecycle.study_period_years))

    def to_json(self) -> dict:
        years = self.lifecycle.study_period_years
        area = number(self.area_m2)
        crf = CRF(rate=percent(self.lifecycle.discount_rate), years=number(years))
        return {
            "study_period_years": years,
            "discount_rate": f"{self.lifecycle.discount_rate:f}",
            "npv_capital": self.npv_capital.to_json(),
            "npv_operating": self.npv_operating.to_json(),
            "npv_total": figure_json(self.npv_total, NPV_TOTAL()),
            "crf": {
                "value": f"{self.crf.quantize(CRF_DECIMALS):f}",
                "basis": str(crf),
                "basis_text": crf.to_json(),
            },
            "eac_per_m2_year": figure_json(self.eac_per_m2_year, EAC(area=area)),
            "simple_per_m2_year": figure_json(
                self.simple_per_m2_year, SIMPLE(area=area, years=number(years))
            ),
        }


def life_cycle(
    lifecycle: Lifecycle,
    capital_total: Decimal,
    running_costs: Decimal,
    with_ground_fee: bool = False,
) -> LifecycleResult:
    """NPVs of the capital and operating costs over the study period.

    Defaults link the plan together: the initial cost is the capital total and the yearly cost
    is the running cost of the operation block (with a land trust's ground fee, if any: a
    lower initial cost must not hide the yearly fee that comes with it).
    """
    years = lifecycle.study_period_years
    rate = lifecycle.discount_rate
    area = lifecycle.area_m2
    initial, initial_text = _initial_cost(lifecycle, capital_total)
    capital_flows = [initial] + [ZERO] * years
    for renewal in lifecycle.renewals:
        capital_flows[renewal.year] += _amount(renewal.amount, renewal.cost_per_m2, area)
    capital_flows[years] -= lifecycle.residual_value
    operating_flows = [ZERO] * (years + 1)
    for amount, first, last in _annual_costs(lifecycle, running_costs):
        for year in range(first, last + 1):
            operating_flows[year] += amount
    discounting = DISCOUNTING(rate=percent(rate))
    return LifecycleResult(
        npv_capital=Line(
            "npv_capital",
            NPV_CAPITAL_LABEL(),
            round_cent(npv(rate, capital_flows)),
            NPV_CAPITAL(
                initial=initial_text,
                renewals=number(len(lifecycle.renewals)),
                residual=money(lifecycle.residual_value),
                years=number(years),
                discounting=discounting,
            ),
        ),
        npv_operating=Line(
            "npv_operating",
            NPV_OPERATING_LABEL(),
            round_cent(npv(rate, operating_flows)),
            NPV_OPERATING(
                costs=_annual_costs_text(lifecycle, running_costs, with_ground_fee),
                discounting=discounting,
            ),
        ),
        crf=capital_recovery_factor(rate, years),
        area_m2=area,
        lifecycle=lifecycle,
    )


def npv(rate: Decimal, cash_flows: Sequence[Decimal]) -> Decimal:
    """``Σ C_t / (1 + rate)^t``; ``cash_flows[0]`` is at t = 0 and is not discounted.

    This matches ``numpy_financial.npv`` and not Excel's ``NPV()``, which discounts its first value.
    """
    return sum((flow / power(1 + rate, year) for year, flow in enumerate(cash_flows) if flow), ZERO)


def capital_recovery_factor(rate: Decimal, years: int) -> Decimal:
    """``CRF = d / (1 - (1 + d)^-T)``, or ``1 / T`` without discounting."""
    if rate == 0:
        return Decimal(1) / years
    return rate / (1 - power(1 + rate, -years))


def _initial_cost(lifecycle: Lifecycle, capital_total: Decimal) -> tuple[Decimal, Text]:
    if lifecycle.initial_cost is not None:
        return lifecycle.initial_cost, INITIAL_GIVEN(amount=money(lifecycle.initial_cost))
    if lifecycle.initial_cost_per_m2 is not None:
        amount = _amount(None, lifecycle.initial_cost_per_m2, lifecycle.area_m2)
        return amount, INITIAL_PER_M2(rate=number(lifecycle.initial_cost_per_m2))
    return capital_total, INITIAL_TOTAL(amount=money(capital_total))


def _amount(amount: Decimal | None, cost_per_m2: Decimal | None, area: Decimal) -> Decimal:
    return amount if amount is not None else cost_per_m2 * area


def _annual_costs(lifecycle: Lifecycle, running_costs: Decimal) -> list[tuple[Decimal, int, int]]:
    """(amount per year, first year, last year) of every yearly cost."""
    if lifecycle.annual_costs is None:
        return [(running_costs, 1, lifecycle.study_period_years)]
    return [
        (_amount(cost.amount, cost.cost_per_m2, lifecycle.area_m2), cost.from_year, cost.to_year)
        for cost in lifecycle.annual_costs
    ]


def _annual_costs_text(lifecycle: Lifecycle, running_costs: Decimal, with_ground_fee: bool) -> Text:
    if lifecycle.annual_costs is None:
        text = RUNNING_COSTS_GROUND_FEE if with_ground_fee else RUNNING_COSTS
        return text(amount=money(running_costs), years=number(lifecycle.study_period_years))
    return ANNUAL_COSTS_GIVEN(count=number(len(lifecycle.annual_costs)))
