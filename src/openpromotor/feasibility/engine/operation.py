"""Operation (FEASIBILITY.md §3): the yearly costs and the cost rent that covers them.

``R_year = (DS + M + Ins + OV + Mgmt + E_ret - other income) / (1 - v)``: the cost rent covers the
costs and nothing more. Each cost is a rounded line; the vacancy reserve is the rounded rent minus
those lines, so the rent is exactly the sum of what is shown.
"""

from dataclasses import dataclass
from decimal import Decimal

from .financing import FinancingResult
from .lines import Line, figure_json, money_json, total
from .money import ZERO, money_text, number_text, percent_text, round_cent, round_euro
from .scenario import Building, Operation, Scenario, Unit

MAINTENANCE_LABEL = "Maintenance and renewal reserve"
RUNNING_COSTS = ("maintenance", "insurance", "property_tax", "management")


@dataclass(frozen=True)
class UnitRent:
    unit: Unit
    rent_month: Decimal
    basis: str

    def to_json(self) -> dict:
        return {
            "name": self.unit.name,
            "area_m2": f"{self.unit.area_m2:f}",
            "count": self.unit.count,
            "rent_month": money_json(self.rent_month),
            "basis": self.basis,
        }


@dataclass(frozen=True)
class OperationResult:
    costs: tuple[Line, ...]
    vacancy_reserve: Line
    rent_basis: str
    cost_rent_per_m2_month: Decimal
    per_m2_basis: str
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
    costs = (
        _debt_service(financing),
        _per_m2("maintenance", MAINTENANCE_LABEL, operation.maintenance_per_m2_year, gross),
        _per_m2("insurance", "Insurance", operation.insurance_per_m2_year, gross),
        _property_tax(operation),
        _management(operation, unit_count),
        _share_return(operation, financing),
        _other_income(operation),
    )
    net = total(list(costs))
    vacancy = operation.vacancy_rate
    rent = round_cent(net / (1 - vacancy))
    reserve = Line(
        "vacancy_reserve",
        "Vacancy and bad-debt reserve",
        rent - net,
        f"cost rent R - costs {money_text(net)}, where R = costs / (1 - {percent_text(vacancy)})",
    )
    area, area_name = net_area(scenario.building)
    return OperationResult(
        costs=costs,
        vacancy_reserve=reserve,
        rent_basis=(
            f"R = (debt service + maintenance + insurance + property tax + management + share "
            f"return - other income) / (1 - {percent_text(vacancy)}), rounded to the cent; "
            "equal to the sum of the lines above"
        ),
        cost_rent_per_m2_month=round_cent(rent / area / 12),
        per_m2_basis=f"cost rent {money_text(rent)} / {number_text(area)} m² {area_name} / 12",
        units=tuple(_unit_rent(unit, rent, area) for unit in scenario.building.units),
    )


def net_area(building: Building) -> tuple[Decimal, str]:
    """The area the rent is shared over, and what it is."""
    if building.net_area_m2 is not None:
        return building.net_area_m2, "net area"
    if building.units:
        return units_area(building.units), "net area (sum of the units)"
    return building.gross_floor_area_m2, "gross floor area (no net area or units given)"


def units_area(units: tuple[Unit, ...]) -> Decimal:
    return sum((unit.area_m2 * unit.count for unit in units), ZERO)


def _debt_service(financing: FinancingResult) -> Line:
    terms = [
        f"{t.tranche.periods_per_year} x {money_text(t.periodic_payment)} ({t.tranche.key})"
        for t in financing.tranches
        if t.periodic_payment
    ]
    return Line(
        "debt_service",
        "Debt service",
        financing.annual_debt_service,
        f"payments per year x rounded payment: {' + '.join(terms) or 'no payments'}",
    )


def _per_m2(key: str, label: str, rate: Decimal, area: Decimal) -> Line:
    return Line(
        key,
        label,
        round_cent(rate * area),
        f"{number_text(rate)} €/m²·yr x {number_text(area)} m² gross floor area",
    )


def _property_tax(operation: Operation) -> Line:
    """Onroerende voorheffing: indexed KI x base levy, plus surcharges in centiemes (§3)."""
    label = "Property tax (onroerende voorheffing)"
    if operation.cadastral_income is None:
        return Line("property_tax", label, ZERO, "not included: no cadastral income given")
    index = operation.ki_index
    levy = operation.base_levy_rate
    indexed = round_euro(operation.cadastral_income * index.value)
    base = round_cent(indexed * levy.value)
    surcharges = round_cent(base * operation.surcharge_centiemes / 100)
    return Line(
        "property_tax",
        label,
        base + surcharges,
        f"cadastral income {number_text(operation.cadastral_income)} x index "
        f"{number_text(index.value)} ({index.describe()}) = {number_text(indexed)} (to the euro); "
        f"base levy {percent_text(levy.value)} = {money_text(base)}; surcharges "
        f"{number_text(operation.surcharge_centiemes)} centiemes = {money_text(surcharges)}. "
        "The effect of the 2018 de-indexation on the surcharge base is not modelled",
        levy.source,
    )


def _management(operation: Operation, unit_count: int) -> Line:
    rate = operation.management_per_unit_year
    return Line(
        "management",
        "Management and administration",
        round_cent(rate * unit_count),
        f"{number_text(rate)} €/unit·yr x {unit_count} units",
    )


def _share_return(operation: Operation, financing: FinancingResult) -> Line:
    shares = sum((t.amount for t in financing.tranches if t.tranche.kind == "member_shares"), ZERO)
    rate = operation.share_return_rate
    return Line(
        "share_return",
        "Return on member shares",
        round_cent(rate * shares),
        f"{percent_text(rate)} x member shares {money_text(shares)} "
        "(member loans are paid through their debt service)",
    )


def _other_income(operation: Operation) -> Line:
    return Line(
        "other_income",
        "Other income (deducted)",
        -operation.other_income_year,
        "yearly income other than rent, given in the scenario",
    )


def _unit_rent(unit: Unit, rent: Decimal, area: Decimal) -> UnitRent:
    return UnitRent(
        unit,
        round_cent(rent * unit.area_m2 / area / 12),
        f"cost rent {money_text(rent)} x {number_text(unit.area_m2)} m² / "
        f"{number_text(area)} m² / 12",
    )
