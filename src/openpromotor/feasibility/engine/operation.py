"""Operation (FEASIBILITY.md §3): the yearly costs and the cost rent that covers them.

``R_year = (DS + M + Ins + OV + Mgmt + E_ret - other income) / (1 - v)``: the cost rent covers the
costs and nothing more. Each cost is a rounded line; the vacancy reserve is the rounded rent minus
those lines, so the rent is exactly the sum of what is shown.
"""

from dataclasses import dataclass
from decimal import Decimal

from .financing import FinancingResult
from .land import ground_fee_line
from .lines import Line, figure_json, money_json, total
from .money import ZERO, round_cent, round_euro
from .scenario import Building, Operation, Scenario, Unit
from .texts import Text, gettext_noop, joined, literal, money, number, percent, template

RUNNING_COSTS = ("maintenance", "insurance", "property_tax", "management", "ground_fee")
LABELS = {
    key: template(f"label.{key}", english)
    for key, english in (
        ("debt_service", gettext_noop("Debt service")),
        ("maintenance", gettext_noop("Maintenance and renewal reserve")),
        ("insurance", gettext_noop("Insurance")),
        ("property_tax", gettext_noop("Property tax (onroerende voorheffing)")),
        ("management", gettext_noop("Management and administration")),
        ("share_return", gettext_noop("Return on member shares")),
        ("other_income", gettext_noop("Other income (deducted)")),
        ("vacancy_reserve", gettext_noop("Vacancy and bad-debt reserve")),
    )
}
AREA_NAMES = {
    "net": template("word.area.net", gettext_noop("net area")),
    "units": template("word.area.units", gettext_noop("net area (sum of the units)")),
    "gross": template(
        "word.area.gross", gettext_noop("gross floor area (no net area or units given)")
    ),
}
VACANCY_RESERVE = template(
    "basis.vacancy_reserve",
    gettext_noop("cost rent R - costs {costs}, where R = costs / (1 - {vacancy})"),
)
COST_RENT = template(
    "basis.cost_rent_year",
    gettext_noop(
        "R = (debt service + maintenance + insurance + property tax + management + share "
        "return - other income) / (1 - {vacancy}), rounded to the cent; equal to the sum of the "
        "lines above"
    ),
)
COST_RENT_WITH_GROUND_FEE = template(
    "basis.cost_rent_year_ground_fee",
    gettext_noop(
        "R = (debt service + maintenance + insurance + property tax + management + ground fee "
        "+ share return - other income) / (1 - {vacancy}), rounded to the cent; equal to the "
        "sum of the lines above"
    ),
)
PER_M2_MONTH = template(
    "basis.cost_rent_per_m2_month", gettext_noop("cost rent {rent} / {area} m² {area_name} / 12")
)
DEBT_SERVICE = template(
    "basis.debt_service", gettext_noop("payments per year x rounded payment: {terms}")
)
PAYMENTS = template("formula.payments", gettext_noop("{count} x {payment} ({key})"))
NO_PAYMENTS = template("word.no_payments", gettext_noop("no payments"))
PER_M2_YEAR = template(
    "basis.per_m2_year", gettext_noop("{rate} €/m²·yr x {area} m² gross floor area")
)
NO_PROPERTY_TAX = template(
    "basis.no_property_tax", gettext_noop("not included: no cadastral income given")
)
PROPERTY_TAX = template(
    "basis.property_tax",
    gettext_noop(
        "cadastral income {income} x index {index} ({rule}) = {indexed} (to the euro); base "
        "levy {levy} = {base}; surcharges {centiemes} centiemes = {surcharges}. The effect of "
        "the 2018 de-indexation on the surcharge base is not modelled"
    ),
)
MANAGEMENT = template("basis.management", gettext_noop("{rate} €/unit·yr x {count} units"))
SHARE_RETURN = template(
    "basis.share_return",
    gettext_noop(
        "{rate} x member shares {shares} (member loans are paid through their debt service)"
    ),
)
OTHER_INCOME = template(
    "basis.other_income", gettext_noop("yearly income other than rent, given in the scenario")
)
UNIT_RENT = template(
    "basis.unit_rent", gettext_noop("cost rent {rent} x {area} m² / {total_area} m² / 12")
)


@dataclass(frozen=True)
class UnitRent:
    unit: Unit
    rent_month: Decimal
    basis: Text

    def to_json(self) -> dict:
        return {
            "name": self.unit.name,
            "area_m2": f"{self.unit.area_m2:f}",
            "count": self.unit.count,
            "rent_month": money_json(self.rent_month),
            "basis": str(self.basis),
            "basis_text": self.basis.to_json(),
        }


@dataclass(frozen=True)
class OperationResult:
    costs: tuple[Line, ...]
    vacancy_reserve: Line
    rent_basis: Text
    cost_rent_per_m2_month: Decimal
    per_m2_basis: Text
    units: tuple[UnitRent, ...]

    @property
    def cost_rent_year(self) -> Decimal:
        return total(self.costs) + self.vacancy_reserve.amount

    @property
    def running_costs(self) -> Decimal:
        """Maintenance, insurance, property tax and management: the costs of using the building."""
        return total([line for line in self.costs if line.key in RUNNING_COSTS])

    def to_json(self) -> dict:
        return {
            **{line.key: line.to_json() for line in self.costs},
            "vacancy_reserve": self.vacancy_reserve.to_json(),
            "cost_rent_year": figure_json(self.cost_rent_year, self.rent_basis),
            "cost_rent_per_m2_month": figure_json(self.cost_rent_per_m2_month, self.per_m2_basis),
            "units": [unit.to_json() for unit in self.units],
        }


def operate(scenario: Scenario, financing: FinancingResult) -> OperationResult:
    """The yearly cost lines, the cost rent, and the rent per m² and per unit."""
    operation = scenario.operation
    gross = scenario.building.gross_floor_area_m2
    unit_count = sum(unit.count for unit in scenario.building.units)
    land = scenario.land
    costs = (
        _debt_service(financing),
        _per_m2("maintenance", operation.maintenance_per_m2_year, gross),
        _per_m2("insurance", operation.insurance_per_m2_year, gross),
        _property_tax(operation),
        _management(operation, unit_count),
        *([] if land is None else [ground_fee_line(land)]),
        _share_return(operation, financing),
        _other_income(operation),
    )
    rent_basis = COST_RENT if land is None else COST_RENT_WITH_GROUND_FEE
    net = total(list(costs))
    vacancy = operation.vacancy_rate
    rent = round_cent(net / (1 - vacancy))
    reserve = _line(
        "vacancy_reserve",
        rent - net,
        VACANCY_RESERVE(costs=money(net), vacancy=percent(vacancy)),
    )
    area, area_name = net_area(scenario.building)
    return OperationResult(
        costs=costs,
        vacancy_reserve=reserve,
        rent_basis=rent_basis(vacancy=percent(vacancy)),
        cost_rent_per_m2_month=round_cent(rent / area / 12),
        per_m2_basis=PER_M2_MONTH(rent=money(rent), area=number(area), area_name=area_name),
        units=tuple(_unit_rent(unit, rent, area) for unit in scenario.building.units),
    )


def _line(key: str, amount: Decimal, basis: Text, source: str | None = None) -> Line:
    return Line(key, LABELS[key](), amount, basis, source)


def net_area(building: Building) -> tuple[Decimal, Text]:
    """The area the rent is shared over, and what it is."""
    if building.net_area_m2 is not None:
        return building.net_area_m2, AREA_NAMES["net"]()
    if building.units:
        return units_area(building.units), AREA_NAMES["units"]()
    return building.gross_floor_area_m2, AREA_NAMES["gross"]()


def units_area(units: tuple[Unit, ...]) -> Decimal:
    return sum((unit.area_m2 * unit.count for unit in units), ZERO)


def _debt_service(financing: FinancingResult) -> Line:
    terms = [
        PAYMENTS(
            count=number(t.tranche.periods_per_year),
            payment=money(t.periodic_payment),
            key=literal(t.tranche.key),
        )
        for t in financing.tranches
        if t.periodic_payment
    ]
    return _line(
        "debt_service",
        financing.annual_debt_service,
        DEBT_SERVICE(terms=joined(terms, " + ") if terms else NO_PAYMENTS()),
    )


def _per_m2(key: str, rate: Decimal, area: Decimal) -> Line:
    return _line(key, round_cent(rate * area), PER_M2_YEAR(rate=number(rate), area=number(area)))


def _property_tax(operation: Operation) -> Line:
    """Onroerende voorheffing: indexed KI x base levy, plus surcharges in centiemes (§3)."""
    if operation.cadastral_income is None:
        return _line("property_tax", ZERO, NO_PROPERTY_TAX())
    index = operation.ki_index
    levy = operation.base_levy_rate
    indexed = round_euro(operation.cadastral_income * index.value)
    base = round_cent(indexed * levy.value)
    surcharges = round_cent(base * operation.surcharge_centiemes / 100)
    return _line(
        "property_tax",
        base + surcharges,
        PROPERTY_TAX(
            income=number(operation.cadastral_income),
            index=number(index.value),
            rule=index.describe(),
            indexed=number(indexed),
            levy=percent(levy.value),
            base=money(base),
            centiemes=number(operation.surcharge_centiemes),
            surcharges=money(surcharges),
        ),
        levy.source,
    )


def _management(operation: Operation, unit_count: int) -> Line:
    rate = operation.management_per_unit_year
    return _line(
        "management",
        round_cent(rate * unit_count),
        MANAGEMENT(rate=number(rate), count=number(unit_count)),
    )


def _share_return(operation: Operation, financing: FinancingResult) -> Line:
    shares = sum((t.amount for t in financing.tranches if t.tranche.kind == "member_shares"), ZERO)
    rate = operation.share_return_rate
    return _line(
        "share_return",
        round_cent(rate * shares),
        SHARE_RETURN(rate=percent(rate), shares=money(shares)),
    )


def _other_income(operation: Operation) -> Line:
    return _line("other_income", -operation.other_income_year, OTHER_INCOME())


def _unit_rent(unit: Unit, rent: Decimal, area: Decimal) -> UnitRent:
    return UnitRent(
        unit,
        round_cent(rent * unit.area_m2 / area / 12),
        UNIT_RENT(rent=money(rent), area=number(unit.area_m2), total_area=number(area)),
    )
