"""Warnings: results that are computed correctly but need the user's attention.

Each warning is ``{"code", "field", "message", "message_text"}``; ``field`` points at the input
to look at, ``message`` is English and ``message_text`` the same as a translatable text.
"""

from collections.abc import Iterator
from datetime import date

from .capital import Capital
from .defaults import MAX_BANK_LOAN_SHARE
from .financing import FinancingResult
from .operation import OperationResult, net_area, units_area
from .rates import LegalRate, RateNotFound, legal_rate
from .scenario import Scenario
from .texts import Text, day, gettext_noop, literal, money, number, percent, phrase, template

MESSAGES = {
    code: template(f"warning.{code}", english)
    for code, english in (
        (
            "vat_conversion",
            gettext_noop(
                "Whether 6 % VAT applies to converting a building that was not a dwelling is "
                "not settled; {rate} is used. Check with a tax adviser or ask a ruling."
            ),
        ),
        (
            "vat_rebuild",
            gettext_noop(
                "{rate} VAT is used for the rebuild. {reduced} may apply from {date}: {conditions}."
            ),
        ),
        (
            "sole_home_rate",
            gettext_noop(
                "The reduced rate is for natural persons buying their only home. A cooperative "
                "is a legal person and pays the general rate; for sales agreements from "
                "2026-01-01 a legal person as co-buyer makes every buyer pay the general rate."
            ),
        ),
        (
            "bank_loan_above_80",
            gettext_noop(
                "Bank loans of {amount} are {share} of the total; banks lend at most {maximum}."
            ),
        ),
        ("funding_gap", gettext_noop("The tranches leave {amount} of the total unfunded.")),
        ("funding_surplus", gettext_noop("The tranches bring {amount} more than the total.")),
        (
            "repayment_not_in_rent",
            gettext_noop(
                "{amount} of {key} is due at the end of year {years}; the cost rent does not "
                "save for it."
            ),
        ),
        (
            "share_return_above_cap",
            gettext_noop(
                "{rate} is above the {cap} dividend cap of a cooperative recognised by the "
                "National Council for Cooperation."
            ),
        ),
        (
            "no_cadastral_income",
            gettext_noop(
                "No cadastral income given: the property tax is left out of the cost rent. Use "
                "the cadastral income expected after the works."
            ),
        ),
        (
            "no_units",
            gettext_noop("No units given: there is no management cost and no rent per unit."),
        ),
        (
            "units_area",
            gettext_noop(
                "The units cover {units} m² of the {area} m² {area_name}; the rent of the rest "
                "is not charged to any unit."
            ),
        ),
        (
            "cost_rent_above_market",
            gettext_noop(
                "The cost rent of {rent} €/m² a month is above the market rent of {market} "
                "€/m² a month."
            ),
        ),
        (
            "land_outside_plan",
            gettext_noop(
                "The land part of {amount} is not in this plan's total: the community land "
                "trust buys it and keeps it, at its own cost or with a subsidy, and must have "
                "that money too."
            ),
        ),
        (
            "renewals_counted_twice",
            gettext_noop(
                "The default yearly costs include the maintenance and renewal reserve, and "
                "renewals are listed too; give lifecycle.annual_costs without renewals to avoid "
                "counting them twice."
            ),
        ),
    )
}


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
        _land_outside_plan(scenario),
    )
    return [warning for check in checks for warning in check]


def _warning(code: str, field: str, **params) -> dict:
    text: Text = MESSAGES[code](**params)
    return {"code": code, "field": field, "message": str(text), "message_text": text.to_json()}


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
        yield _warning("vat_conversion", "works.vat_rate", rate=percent(works.vat_rate.value))
    elif works.depth == "rebuild":
        rebuild = _rate_on("vat_works_rebuild", scenario.acquisition.date)
        if rebuild is None:
            return
        yield _warning(
            "vat_rebuild",
            "works.vat_rate",
            rate=percent(works.vat_rate.value),
            reduced=percent(rebuild.value),
            date=day(rebuild.valid_from),
            conditions=phrase(rebuild.note),
        )


def _sole_home_rate(scenario: Scenario) -> Iterator[dict[str, str]]:
    if scenario.acquisition.buyer == "natural_person_sole_home" and scenario.acquisition.price:
        yield _warning("sole_home_rate", "acquisition.buyer")


def _bank_share(capital: Capital, financing: FinancingResult) -> Iterator[dict[str, str]]:
    """Compared to 0.01 %, so a loan sized at exactly 80 % is not flagged for a rounding cent."""
    bank = sum(t.amount for t in financing.tranches if t.tranche.kind == "bank_loan")
    share = round(bank / capital.total, 4) if capital.total else 0
    if share > MAX_BANK_LOAN_SHARE:
        yield _warning(
            "bank_loan_above_80",
            "financing.tranches",
            amount=money(bank),
            share=percent(share),
            maximum=percent(MAX_BANK_LOAN_SHARE),
        )


def _funding_gap(financing: FinancingResult) -> Iterator[dict[str, str]]:
    gap = financing.gap
    if gap > 0:
        yield _warning("funding_gap", "financing.tranches", amount=money(gap))
    elif gap < 0:
        yield _warning("funding_surplus", "financing.tranches", amount=money(-gap))


def _due_at_end(financing: FinancingResult) -> Iterator[dict[str, str]]:
    for index, result in enumerate(financing.tranches):
        if result.due_at_end:
            yield _warning(
                "repayment_not_in_rent",
                f"financing.tranches[{index}].repayment",
                amount=money(result.due_at_end),
                key=literal(result.tranche.key),
                years=number(result.tranche.years),
            )


def _share_return_cap(scenario: Scenario) -> Iterator[dict[str, str]]:
    cap = _rate_on("nrc_dividend_cap", scenario.acquisition.date)
    rate = scenario.operation.share_return_rate
    if cap is not None and rate > cap.value:
        yield _warning(
            "share_return_above_cap",
            "operation.share_return_rate",
            rate=percent(rate),
            cap=percent(cap.value),
        )


def _property_tax(scenario: Scenario) -> Iterator[dict[str, str]]:
    if scenario.operation.cadastral_income is None:
        yield _warning("no_cadastral_income", "operation.cadastral_income")


def _units(scenario: Scenario) -> Iterator[dict[str, str]]:
    building = scenario.building
    if not building.units:
        yield _warning("no_units", "building.units")
        return
    units = units_area(building.units)
    area, area_name = net_area(building)
    if units != area:
        yield _warning(
            "units_area",
            "building.units",
            units=number(units),
            area=number(area),
            area_name=area_name,
        )


def _market_rent(scenario: Scenario, operation: OperationResult) -> Iterator[dict[str, str]]:
    market = scenario.operation.market_rent_per_m2_month
    if market is not None and operation.cost_rent_per_m2_month > market:
        yield _warning(
            "cost_rent_above_market",
            "operation.market_rent_per_m2_month",
            rent=money(operation.cost_rent_per_m2_month),
            market=money(market),
        )


def _renewals_and_reserve(scenario: Scenario) -> Iterator[dict[str, str]]:
    lifecycle = scenario.lifecycle
    if lifecycle.renewals and lifecycle.annual_costs is None:
        yield _warning("renewals_counted_twice", "lifecycle.annual_costs")


def _land_outside_plan(scenario: Scenario) -> Iterator[dict]:
    """FEASIBILITY.md §2.7: the trust finances the land; the plan only shows the building."""
    land = scenario.land
    if land is not None and land.land_price(scenario.acquisition) > 0:
        yield _warning(
            "land_outside_plan",
            "land.price",
            amount=money(land.land_price(scenario.acquisition)),
        )
