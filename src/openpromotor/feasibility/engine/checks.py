"""Warnings: results that are computed correctly but need the user's attention.

Each warning is ``{"code", "field", "message"}``; ``field`` points at the input to look at.
"""

from collections.abc import Iterator
from datetime import date

from .capital import Capital
from .defaults import MAX_BANK_LOAN_SHARE
from .financing import FinancingResult
from .money import money_text, number_text, percent_text
from .operation import OperationResult, net_area, units_area
from .rates import LegalRate, RateNotFound, legal_rate
from .scenario import Scenario


def warnings_for(
    scenario: Scenario, capital: Capital, financing: FinancingResult, operation: OperationResult
) -> list[dict[str, str]]:
    checks = (
        _works_vat(scenario),
        _sole_home_rate(scenario),
        _bank_share(capital, financing),
        _funding_gap(financing),
        _due_at_end(financing),
        _share_return_cap(scenario),
        _property_tax(scenario),
        _units(scenario),
        _market_rent(scenario, operation),
        _renewals_and_reserve(scenario),
    )
    return [warning for check in checks for warning in check]


def _warning(code: str, field: str, message: str) -> dict[str, str]:
    return {"code": code, "field": field, "message": message}


def _rate_on(table: str, on: date) -> LegalRate | None:
    """The rate in force on ``on``, or None if that rule did not exist yet."""
    try:
        return legal_rate(table, on)
    except RateNotFound:
        return None


def _works_vat(scenario: Scenario) -> Iterator[dict[str, str]]:
    """FEASIBILITY.md §1.7: conversion and rebuild VAT depend on conditions the engine can't see."""
    works = scenario.works
    if works.area_m2 == 0 or works.cost_per_m2 == 0:
        return
    if works.depth == "conversion":
        yield _warning(
            "vat_conversion",
            "works.vat_rate",
            "Whether 6 % VAT applies to converting a building that was not a dwelling is not "
            f"settled; {percent_text(works.vat_rate.value)} is used. Check with a tax adviser or "
            "ask a ruling.",
        )
    elif works.depth == "rebuild":
        rebuild = _rate_on("vat_works_rebuild", scenario.acquisition.date)
        if rebuild is None:
            return
        yield _warning(
            "vat_rebuild",
            "works.vat_rate",
            f"{percent_text(works.vat_rate.value)} VAT is used for the rebuild. "
            f"{percent_text(rebuild.value)} may apply from {rebuild.valid_from.isoformat()}: "
            f"{rebuild.note}.",
        )


def _sole_home_rate(scenario: Scenario) -> Iterator[dict[str, str]]:
    if scenario.acquisition.buyer == "natural_person_sole_home" and scenario.acquisition.price:
        yield _warning(
            "sole_home_rate",
            "acquisition.buyer",
            "The reduced rate is for natural persons buying their only home. A cooperative is a "
            "legal person and pays the general rate; for sales agreements from 2026-01-01 a legal "
            "person as co-buyer makes every buyer pay the general rate.",
        )


def _bank_share(capital: Capital, financing: FinancingResult) -> Iterator[dict[str, str]]:
    """Compared to 0.01 %, so a loan sized at exactly 80 % is not flagged for a rounding cent."""
    bank = sum(t.amount for t in financing.tranches if t.tranche.kind == "bank_loan")
    share = round(bank / capital.total, 4) if capital.total else 0
    if share > MAX_BANK_LOAN_SHARE:
        yield _warning(
            "bank_loan_above_80",
            "financing.tranches",
            f"Bank loans of {money_text(bank)} are {percent_text(share)} of the total; banks "
            f"lend at most {percent_text(MAX_BANK_LOAN_SHARE)}.",
        )


def _funding_gap(financing: FinancingResult) -> Iterator[dict[str, str]]:
    gap = financing.gap
    if gap > 0:
        yield _warning(
            "funding_gap",
            "financing.tranches",
            f"The tranches leave {money_text(gap)} of the total unfunded.",
        )
    elif gap < 0:
        yield _warning(
            "funding_surplus",
            "financing.tranches",
            f"The tranches bring {money_text(-gap)} more than the total.",
        )


def _due_at_end(financing: FinancingResult) -> Iterator[dict[str, str]]:
    for index, result in enumerate(financing.tranches):
        if result.due_at_end:
            yield _warning(
                "repayment_not_in_rent",
                f"financing.tranches[{index}].repayment",
                f"{money_text(result.due_at_end)} of {result.tranche.key} is due at the end of "
                f"year {result.tranche.years}; the cost rent does not save for it.",
            )


def _share_return_cap(scenario: Scenario) -> Iterator[dict[str, str]]:
    cap = _rate_on("nrc_dividend_cap", scenario.acquisition.date)
    rate = scenario.operation.share_return_rate
    if cap is not None and rate > cap.value:
        yield _warning(
            "share_return_above_cap",
            "operation.share_return_rate",
            f"{percent_text(rate)} is above the {percent_text(cap.value)} dividend cap of a "
            "cooperative recognised by the National Council for Cooperation.",
        )


def _property_tax(scenario: Scenario) -> Iterator[dict[str, str]]:
    if scenario.operation.cadastral_income is None:
        yield _warning(
            "no_cadastral_income",
            "operation.cadastral_income",
            "No cadastral income given: the property tax is left out of the cost rent. Use the "
            "cadastral income expected after the works.",
        )


def _units(scenario: Scenario) -> Iterator[dict[str, str]]:
    building = scenario.building
    if not building.units:
        yield _warning(
            "no_units",
            "building.units",
            "No units given: there is no management cost and no rent per unit.",
        )
        return
    units = units_area(building.units)
    area, area_name = net_area(building)
    if units != area:
        yield _warning(
            "units_area",
            "building.units",
            f"The units cover {number_text(units)} m² of the {number_text(area)} m² {area_name}; "
            "the rent of the rest is not charged to any unit.",
        )


def _market_rent(scenario: Scenario, operation: OperationResult) -> Iterator[dict[str, str]]:
    market = scenario.operation.market_rent_per_m2_month
    if market is not None and operation.cost_rent_per_m2_month > market:
        yield _warning(
            "cost_rent_above_market",
            "operation.market_rent_per_m2_month",
            f"The cost rent of {money_text(operation.cost_rent_per_m2_month)} €/m² a month is "
            f"above the market rent of {money_text(market)} €/m² a month.",
        )


def _renewals_and_reserve(scenario: Scenario) -> Iterator[dict[str, str]]:
    lifecycle = scenario.lifecycle
    if lifecycle.renewals and lifecycle.annual_costs is None:
        yield _warning(
            "renewals_counted_twice",
            "lifecycle.annual_costs",
            "The default yearly costs include the maintenance and renewal reserve, and renewals "
            "are listed too; give lifecycle.annual_costs without renewals to avoid counting them "
            "twice.",
        )
