"""Capital cost of the project (FEASIBILITY.md §1).

The base lines (price, duty, notary, deed costs, works, contingency, VAT, fees, soft costs) do not
depend on the financing. The financing-cost lines (mortgage deed, interest during works) depend on
the loans, which are themselves a share of the total; ``cost_per_euro`` and
``fixed_financing_cost`` give ``financing.size_loans`` what it needs to solve that in closed form.
Every line is rounded half-up to the cent on its own; the total is the sum of the rounded lines.
"""

from dataclasses import dataclass
from decimal import Decimal

from .land import building_price, lease_duty_line
from .lines import Line, figure_json, total
from .money import ZERO, round_cent
from .rates import FeeBand, legal_rate, notary_fee_scale
from .scenario import Acquisition, Fees, Financing, Land, Scenario, Tranche, Works
from .texts import gettext_noop, joined, literal, money, number, percent, template

DEPTH_NAMES = {
    "light": template("word.depth.light", gettext_noop("light refresh")),
    "deep": template("word.depth.deep", gettext_noop("deep renovation")),
    "conversion": template(
        "word.depth.conversion", gettext_noop("conversion of a non-residential building")
    ),
    "rebuild": template("word.depth.rebuild", gettext_noop("demolition and rebuild")),
}
LABELS = {
    key: template(f"label.{key}", english)
    for key, english in (
        ("acquisition_price", gettext_noop("Acquisition price")),
        ("registration_duty", gettext_noop("Registration duty")),
        ("notary_fee", gettext_noop("Notary fee")),
        ("notary_fee_vat", gettext_noop("VAT on the notary fee")),
        ("deed_costs", gettext_noop("Other deed costs incl. VAT")),
        ("works", gettext_noop("Works")),
        ("contingency", gettext_noop("Contingency")),
        ("works_vat", gettext_noop("VAT on works and contingency")),
        ("fees", gettext_noop("Professional fees")),
        ("fees_vat", gettext_noop("VAT on fees")),
        ("soft_costs", gettext_noop("Soft costs")),
        ("mortgage_registration", gettext_noop("Registration duty on the mortgage")),
        ("mortgage_duty", gettext_noop("Mortgage duty")),
        ("mortgage_fixed_costs", gettext_noop("Fixed costs of the credit deed")),
        ("interest_during_works", gettext_noop("Interest during works")),
    )
}
PRICE = template(
    "basis.acquisition_price",
    gettext_noop("price agreed in the deed (duty is due on at least the market value)"),
)
DUTY = template("basis.registration_duty", gettext_noop("{rate} x price {price}; {rule}"))
NOTARY_FEE = template(
    "basis.notary_fee", gettext_noop("legal scale by band of the price: {bands}; {rule}")
)
BANDS = template("formula.bands", gettext_noop("{terms} = {exact}"))
RATE_TIMES = template("formula.rate_times", gettext_noop("{rate} x {amount}"))
NOTARY_FEE_VAT = template("basis.notary_fee_vat", gettext_noop("{rate} x notary fee {fee}; {rule}"))
DEED_COSTS = template(
    "basis.deed_costs",
    gettext_noop("{costs} (searches, extracts, certificates) + {rate} VAT"),
)
WORKS = template("basis.works", gettext_noop("{cost} €/m² x {area} m² ({depth}), excl. VAT"))
SHARE_OF_WORKS = template("basis.share_of_works", gettext_noop("{rate} x works {works}"))
WORKS_VAT = template(
    "basis.works_vat", gettext_noop("{rate} x (works + contingency) {amount}; {rule}")
)
FEES = template(
    "basis.fees",
    gettext_noop("{rate} x works {works} (architect, engineers, EPB reporter, safety coordinator)"),
)
FEES_VAT = template("basis.fees_vat", gettext_noop("{rate} x fees {fees}; {rule}"))
SOFT_COSTS = template(
    "basis.soft_costs",
    gettext_noop("{how} (permits, surveys, insurance during works, coop set-up, letting)"),
)
LUMP_SUM = template("basis.lump_sum", gettext_noop("lump sum given in the scenario"))
MORTGAGE_DEED = template(
    "basis.mortgage_deed",
    gettext_noop("{rate} x secured amount {secured} = {factor} x bank loans {loans}; {rule}"),
)
MORTGAGE_FIXED_COSTS = template(
    "basis.mortgage_fixed_costs",
    gettext_noop(
        "notary fee on the credit, administrative costs, VAT and mortgage office fee, "
        "as one lump sum"
    ),
)
INTEREST_DURING_WORKS = template(
    "basis.interest_during_works",
    gettext_noop("({terms}) x {months}/12 years x ½: loans drawn linearly over {months} months"),
)
LOAN_INTEREST = template("formula.loan_interest", gettext_noop("{amount} x {rate} ({key})"))
TOTAL = template("basis.capital_total", gettext_noop("sum of the {count} lines above"))
PER_M2_GFA = template("basis.per_m2_gfa", gettext_noop("total / {area} m² gross floor area"))


@dataclass(frozen=True)
class Capital:
    lines: tuple[Line, ...]
    gross_floor_area_m2: Decimal

    @property
    def total(self) -> Decimal:
        return total(self.lines)

    @property
    def per_m2_gfa(self) -> Decimal:
        return round_cent(self.total / self.gross_floor_area_m2)

    def to_json(self) -> dict:
        return {
            "lines": [line.to_json() for line in self.lines],
            "total": figure_json(self.total, TOTAL(count=number(len(self.lines)))),
            "per_m2_gfa": figure_json(
                self.per_m2_gfa, PER_M2_GFA(area=number(self.gross_floor_area_m2))
            ),
        }


def base_lines(scenario: Scenario) -> list[Line]:
    """Every capital line that does not depend on the loans (BASE of §1.9)."""
    works = works_cost(scenario.works)
    return _applicable(
        [
            *acquisition_lines(scenario.acquisition, scenario.land),
            *works_lines(scenario.works, works),
            *fee_lines(scenario.fees, works),
        ]
    )


def _applicable(lines: list[Line]) -> list[Line]:
    """Lines of zero are left out: they do not apply to this scenario."""
    return [line for line in lines if line.amount != 0]


def acquisition_lines(acquisition: Acquisition, land: Land | None = None) -> list[Line]:
    """Price, registration duty, notary fee and its VAT, deed costs (§1.1-§1.3); with a land
    trust, the price of the building part and the duty on the long lease (§2.7)."""
    price, price_basis = building_price(acquisition, land)
    lines = _purchase_lines(acquisition, price, price_basis or PRICE()) if price > 0 else []
    if land is not None:
        lines.append(lease_duty_line(land))
    return lines


def _purchase_lines(acquisition: Acquisition, price: Decimal, price_basis) -> list[Line]:
    duty = acquisition.duty_rate
    scale = notary_fee_scale(acquisition.date)
    portions = band_portions(price, scale.bands)
    fee = round_cent(sum(portion * rate for portion, rate in portions))
    vat = legal_rate("notary_fee_vat", acquisition.date)
    deed_costs = acquisition.deed_costs
    return [
        _line("acquisition_price", price, price_basis),
        _line(
            "registration_duty",
            round_cent(duty.value * price),
            DUTY(rate=percent(duty.value), price=money(price), rule=duty.describe()),
            duty.source,
        ),
        _line(
            "notary_fee",
            fee,
            NOTARY_FEE(bands=_bands_text(portions), rule=scale.describe()),
            scale.source,
        ),
        _line(
            "notary_fee_vat",
            round_cent(vat.value * fee),
            NOTARY_FEE_VAT(rate=percent(vat.value), fee=money(fee), rule=vat.describe()),
            vat.source,
        ),
        _line(
            "deed_costs",
            round_cent(deed_costs * (1 + vat.value)),
            DEED_COSTS(costs=money(deed_costs), rate=percent(vat.value)),
            vat.source,
        ),
    ]


def _line(key: str, amount: Decimal, basis, source: str | None = None) -> Line:
    return Line(key, LABELS[key](), amount, basis, source)


def band_portions(price: Decimal, bands: tuple[FeeBand, ...]) -> list[tuple[Decimal, Decimal]]:
    """The part of the price in each band of the scale, with that band's rate."""
    portions = []
    lower = ZERO
    for band in bands:
        upper = price if band.up_to is None else min(price, band.up_to)
        if upper <= lower:
            break
        portions.append((upper - lower, band.rate))
        lower = upper
    return portions


def _bands_text(portions: list[tuple[Decimal, Decimal]]):
    exact = sum(portion * rate for portion, rate in portions)
    terms = [RATE_TIMES(rate=percent(rate), amount=money(part)) for part, rate in portions]
    return BANDS(terms=joined(terms, " + "), exact=number(exact))


def works_cost(works: Works) -> Decimal:
    return round_cent(works.cost_per_m2 * works.area_m2)


def works_lines(works: Works, cost: Decimal) -> list[Line]:
    """Works, contingency and the VAT on both (§1.5, §1.7, §1.8)."""
    contingency = round_cent(works.contingency_rate * cost)
    vat = works.vat_rate
    return [
        _line(
            "works",
            cost,
            WORKS(
                cost=number(works.cost_per_m2),
                area=number(works.area_m2),
                depth=DEPTH_NAMES[works.depth](),
            ),
        ),
        _line(
            "contingency",
            contingency,
            SHARE_OF_WORKS(rate=percent(works.contingency_rate), works=money(cost)),
        ),
        _line(
            "works_vat",
            round_cent(vat.value * (cost + contingency)),
            WORKS_VAT(
                rate=percent(vat.value), amount=money(cost + contingency), rule=vat.describe()
            ),
            vat.source,
        ),
    ]


def fee_lines(fees: Fees, works: Decimal) -> list[Line]:
    """Professional fees, their VAT, and soft costs (§1.6, §1.8)."""
    amount = round_cent(fees.rate * works)
    vat = fees.vat_rate
    if fees.soft_costs is not None:
        soft, soft_basis = fees.soft_costs, LUMP_SUM()
    else:
        soft = round_cent(fees.soft_costs_rate * works)
        soft_basis = SHARE_OF_WORKS(rate=percent(fees.soft_costs_rate), works=money(works))
    return [
        _line("fees", amount, FEES(rate=percent(fees.rate), works=money(works))),
        _line(
            "fees_vat",
            round_cent(vat.value * amount),
            FEES_VAT(rate=percent(vat.value), fees=money(amount), rule=vat.describe()),
            vat.source,
        ),
        _line("soft_costs", soft, SOFT_COSTS(how=soft_basis)),
    ]


def cost_per_euro(financing: Financing, tranche: Tranche) -> Decimal:
    """Financing cost caused by one euro of this tranche (``a`` in FEASIBILITY.md §2.9)."""
    if not tranche.borrowed:
        return ZERO
    cost = tranche.annual_rate * financing.interest_during_works_months / 24
    if tranche.kind == "bank_loan":
        mortgage = financing.mortgage
        deed_rates = mortgage.registration_rate.value + mortgage.mortgage_duty_rate.value
        cost += mortgage.secured_factor * deed_rates
    return cost


def fixed_financing_cost(financing: Financing) -> Decimal:
    """The fixed credit costs (``b`` in §2.9): due once there is a bank loan to secure."""
    secured = any(
        t.kind == "bank_loan" and (t.amount or t.share_of_total) for t in financing.tranches
    )
    return financing.mortgage.fixed_costs if secured else ZERO


def financing_cost_lines(financing: Financing, amounts: dict[str, Decimal]) -> list[Line]:
    """Mortgage deed costs on the secured bank loans and interest during works (§1.3, §1.8)."""
    loans = [(t, amounts[t.key]) for t in financing.tranches if t.borrowed]
    bank_loans = sum((amount for t, amount in loans if t.kind == "bank_loan"), ZERO)
    lines = _mortgage_lines(financing, bank_loans) if bank_loans > 0 else []
    lines.append(_interest_during_works(financing, loans))
    return _applicable(lines)


def _mortgage_lines(financing: Financing, bank_loans: Decimal) -> list[Line]:
    mortgage = financing.mortgage
    secured = round_cent(mortgage.secured_factor * bank_loans)
    lines = [
        _line(
            key,
            round_cent(rate.value * secured),
            MORTGAGE_DEED(
                rate=percent(rate.value),
                secured=money(secured),
                factor=percent(mortgage.secured_factor),
                loans=money(bank_loans),
                rule=rate.describe(),
            ),
            rate.source,
        )
        for key, rate in (
            ("mortgage_registration", mortgage.registration_rate),
            ("mortgage_duty", mortgage.mortgage_duty_rate),
        )
    ]
    lines.append(_line("mortgage_fixed_costs", mortgage.fixed_costs, MORTGAGE_FIXED_COSTS()))
    return lines


def _interest_during_works(financing: Financing, loans: list[tuple[Tranche, Decimal]]) -> Line:
    months = financing.interest_during_works_months
    charged = [(t, amount) for t, amount in loans if amount and t.annual_rate]
    terms = [
        LOAN_INTEREST(amount=money(amount), rate=percent(t.annual_rate), key=literal(t.key))
        for t, amount in charged
    ]
    exact = sum((amount * t.annual_rate for t, amount in charged), ZERO) * months / 24
    return _line(
        "interest_during_works",
        round_cent(exact),
        INTEREST_DURING_WORKS(
            terms=joined(terms, " + ") if terms else literal("0"), months=number(months)
        ),
    )
