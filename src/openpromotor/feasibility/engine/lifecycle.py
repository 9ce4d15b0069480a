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
from .money import ZERO, money_text, number_text, percent_text, power, round_cent
from .scenario import Lifecycle

CRF_DECIMALS = Decimal("1E-10")


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
        rate = percent_text(self.lifecycle.discount_rate)
        area = number_text(self.area_m2)
        return {
            "study_period_years": years,
            "discount_rate": f"{self.lifecycle.discount_rate:f}",
            "npv_capital": self.npv_capital.to_json(),
            "npv_operating": self.npv_operating.to_json(),
            "npv_total": figure_json(self.npv_total, "npv_capital + npv_operating"),
            "crf": {
                "value": f"{self.crf.quantize(CRF_DECIMALS):f}",
                "basis": f"capital-recovery factor d / (1 - (1 + d)^-T) with d = {rate}, "
                f"T = {years}",
            },
            "eac_per_m2_year": figure_json(
                self.eac_per_m2_year,
                f"annuitised: npv_total x crf / {area} m²; a constant yearly cost comes back "
                "unchanged",
            ),
            "simple_per_m2_year": figure_json(
                self.simple_per_m2_year,
                f"simple average: npv_total / ({area} m² x {years} years); lower than the "
                "annuitised figure whenever d > 0",
            ),
        }


def life_cycle(
    lifecycle: Lifecycle, capital_total: Decimal, running_costs: Decimal
) -> LifecycleResult:
    """NPVs of the capital and operating costs over the study period.

    Defaults link the plan together: the initial cost is the capital total and the yearly cost
    is the running cost of the operation block.
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
    discounting = f"discounted at {percent_text(rate)} a year (real rate, constant prices)"
    return LifecycleResult(
        npv_capital=Line(
            "npv_capital",
            "Initial cost and renewals (NPV)",
            round_cent(npv(rate, capital_flows)),
            f"{initial_text} at t = 0, {len(lifecycle.renewals)} renewals in their years, minus a "
            f"residual value of {money_text(lifecycle.residual_value)} in year {years}; "
            f"{discounting}",
        ),
        npv_operating=Line(
            "npv_operating",
            "Operating costs (NPV)",
            round_cent(npv(rate, operating_flows)),
            f"{_annual_costs_text(lifecycle, running_costs)}, at the end of each year; "
            f"{discounting}",
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


def _initial_cost(lifecycle: Lifecycle, capital_total: Decimal) -> tuple[Decimal, str]:
    if lifecycle.initial_cost is not None:
        return lifecycle.initial_cost, f"initial cost {money_text(lifecycle.initial_cost)}"
    if lifecycle.initial_cost_per_m2 is not None:
        amount = _amount(None, lifecycle.initial_cost_per_m2, lifecycle.area_m2)
        return amount, f"initial cost {number_text(lifecycle.initial_cost_per_m2)} €/m² x area"
    return capital_total, f"initial cost = capital total {money_text(capital_total)}"


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


def _annual_costs_text(lifecycle: Lifecycle, running_costs: Decimal) -> str:
    if lifecycle.annual_costs is None:
        return (
            f"running costs of the operation block (maintenance, insurance, property tax, "
            f"management) {money_text(running_costs)} a year, years 1-"
            f"{lifecycle.study_period_years}"
        )
    return f"{len(lifecycle.annual_costs)} yearly costs given in the scenario"
