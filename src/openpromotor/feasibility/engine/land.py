"""The land/building split of a community land trust (FEASIBILITY.md §2.7).

The trust buys the land part of the acquisition and keeps it; the group buys only the building
and holds the land through a long lease (erfpacht) or a building right (opstal). Three things
change in the plan: the group's purchase price is the building part, the deed of the lease pays
the registration duty on the total of its fees (5 % since 2024, §1.2), and the yearly fee
(canon) to the trust is a cost of the operation. None of this appears without a ``land`` block.
"""

from decimal import Decimal

from .lines import Line, figure_json
from .money import round_cent
from .scenario import Acquisition, Land
from .texts import Text, gettext_noop, money, number, percent, template

LEASE_DUTY_LABELS = {
    "long_lease": template(
        "label.long_lease_duty.long_lease", gettext_noop("Registration duty on the long lease")
    ),
    "building_right": template(
        "label.long_lease_duty.building_right",
        gettext_noop("Registration duty on the building right"),
    ),
}
LEASE_DUTY = template(
    "basis.long_lease_duty",
    gettext_noop("{rate} x the fees of the lease {fees} = {fee} a year x {years} years; {rule}"),
)
GROUND_FEE_LABEL = template(
    "label.ground_fee", gettext_noop("Ground fee (canon) to the community land trust")
)
GROUND_FEE = template(
    "basis.ground_fee",
    gettext_noop("yearly fee for the land, given in the scenario, during the {years}-year lease"),
)
BUILDING_PRICE = template(
    "basis.building_price",
    gettext_noop(
        "the building part: acquisition price {price} - land part {land} that the community "
        "land trust buys and keeps (duty is due on at least the market value)"
    ),
)
LAND_SHARE = template(
    "basis.land_share",
    gettext_noop(
        "{share} x acquisition price {price}, bought and kept by the community land trust"
    ),
)
LAND_GIVEN = template(
    "basis.land_given",
    gettext_noop("given in the scenario, bought and kept by the community land trust"),
)
LEASE_FEES = template(
    "basis.lease_fees",
    gettext_noop("{fee} a year x {years} years: the base of the registration duty on the lease"),
)


def building_price(acquisition: Acquisition, land: Land | None) -> tuple[Decimal, Text | None]:
    """The price the group pays, and the basis text when a land trust keeps part of it."""
    if land is None:
        return acquisition.price, None
    price = land.land_price(acquisition)
    basis = BUILDING_PRICE(price=money(acquisition.price), land=money(price))
    return acquisition.price - price, basis


def lease_duty_line(land: Land) -> Line:
    """Registration duty on granting the long lease or building right, on its total fees."""
    rate = land.duty_rate
    return Line(
        "long_lease_duty",
        LEASE_DUTY_LABELS[land.right](),
        round_cent(rate.value * land.lease_fees),
        LEASE_DUTY(
            rate=percent(rate.value),
            fees=money(land.lease_fees),
            fee=money(land.ground_fee_year),
            years=number(land.lease_years),
            rule=rate.describe(),
        ),
        rate.source,
    )


def ground_fee_line(land: Land) -> Line:
    return Line(
        "ground_fee",
        GROUND_FEE_LABEL(),
        land.ground_fee_year,
        GROUND_FEE(years=number(land.lease_years)),
    )


def land_json(land: Land, acquisition: Acquisition) -> dict:
    """The ``land`` block of the result: what the trust keeps and what the lease costs."""
    price = land.land_price(acquisition)
    if land.share_of_price is not None:
        price_basis = LAND_SHARE(share=percent(land.share_of_price), price=money(acquisition.price))
    else:
        price_basis = LAND_GIVEN()
    building, building_basis = building_price(acquisition, land)
    return {
        "right": land.right,
        "lease_years": land.lease_years,
        "price": figure_json(price, price_basis),
        "building_price": figure_json(building, building_basis),
        "ground_fee_year": figure_json(
            land.ground_fee_year, GROUND_FEE(years=number(land.lease_years))
        ),
        "lease_fees": figure_json(
            land.lease_fees,
            LEASE_FEES(fee=money(land.ground_fee_year), years=number(land.lease_years)),
        ),
    }
