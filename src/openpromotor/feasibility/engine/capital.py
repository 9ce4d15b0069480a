"""Capital cost of the project (FEASIBILITY.md §1).

The base lines (price, duty, notary, deed costs, works, contingency, VAT, fees, soft costs) do not
depend on the financing. The financing-cost lines (mortgage deed, interest during works) depend on
the loans, which are themselves a share of the total; ``cost_per_euro`` and
``fixed_financing_cost`` give ``financing.size_loans`` what it needs to solve that in closed form.
Every line is rounded half-up to the cent on its own; the total is the sum of the rounded lines.
"""

from dataclasses import dataclass
from decimal import Decimal

from .lines import Line, figure_json, total
from .money import ZERO, money_text, number_text, percent_text, round_cent
from .rates import FeeBand, legal_rate, notary_fee_scale
from .scenario import Acquisition, Fees, Financing, Scenario, Tranche, Works

DEPTH_NAMES = {
    "light": "light refresh",
    "deep": "deep renovation",
    "conversion": "conversion of a non-residential building",
    "rebuild": "demolition and rebuild",
}


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
            "total": figure_json(self.total, f"sum of the {len(self.lines)} lines above"),
            "per_m2_gfa": figure_json(
                self.per_m2_gfa,
                f"total / {number_text(self.gross_floor_area_m2)} m² gross floor area",
            ),
        }


def base_lines(scenario: Scenario) -> list[Line]:
    """Every capital line that does not depend on the loans (BASE of §1.9)."""
    works = works_cost(scenario.works)
    return _applicable(
        [
            *acquisition_lines(scenario.acquisition),
            *works_lines(scenario.works, works),
            *fee_lines(scenario.fees, works),
        ]
    )


def _applicable(lines: list[Line]) -> list[Line]:
    """Lines of zero are left out: they do not apply to this scenario."""
    return [line for line in lines if line.amount != 0]


def acquisition_lines(acquisition: Acquisition) -> list[Line]:
    """Price, registration duty, notary fee and its VAT, deed costs (§1.1-§1.3)."""
    price = acquisition.price
    if price == 0:
        return []
    duty = acquisition.duty_rate
    scale = notary_fee_scale(acquisition.date)
    portions = band_portions(price, scale.bands)
    fee = round_cent(sum(portion * rate for portion, rate in portions))
    vat = legal_rate("notary_fee_vat", acquisition.date)
    deed_costs = acquisition.deed_costs
    return [
        Line(
            "acquisition_price",
            "Acquisition price",
            price,
            "price agreed in the deed (duty is due on at least the market value)",
        ),
        Line(
            "registration_duty",
            "Registration duty",
            round_cent(duty.value * price),
            f"{percent_text(duty.value)} x price {money_text(price)}; {duty.describe()}",
            duty.source,
        ),
        Line(
            "notary_fee",
            "Notary fee",
            fee,
            f"legal scale by band of the price: {_bands_text(portions)}; {scale.describe()}",
            scale.source,
        ),
        Line(
            "notary_fee_vat",
            "VAT on the notary fee",
            round_cent(vat.value * fee),
            f"{percent_text(vat.value)} x notary fee {money_text(fee)}; {vat.describe()}",
            vat.source,
        ),
        Line(
            "deed_costs",
            "Other deed costs incl. VAT",
            round_cent(deed_costs * (1 + vat.value)),
            f"{money_text(deed_costs)} (searches, extracts, certificates) "
            f"+ {percent_text(vat.value)} VAT",
            vat.source,
        ),
    ]


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


def _bands_text(portions: list[tuple[Decimal, Decimal]]) -> str:
    exact = sum(portion * rate for portion, rate in portions)
    terms = " + ".join(f"{percent_text(rate)} x {money_text(part)}" for part, rate in portions)
    return f"{terms} = {number_text(exact)}"


def works_cost(works: Works) -> Decimal:
    return round_cent(works.cost_per_m2 * works.area_m2)


def works_lines(works: Works, cost: Decimal) -> list[Line]:
    """Works, contingency and the VAT on both (§1.5, §1.7, §1.8)."""
    contingency = round_cent(works.contingency_rate * cost)
    vat = works.vat_rate
    return [
        Line(
            "works",
            "Works",
            cost,
            f"{number_text(works.cost_per_m2)} €/m² x {number_text(works.area_m2)} m² "
            f"({DEPTH_NAMES[works.depth]}), excl. VAT",
        ),
        Line(
            "contingency",
            "Contingency",
            contingency,
            f"{percent_text(works.contingency_rate)} x works {money_text(cost)}",
        ),
        Line(
            "works_vat",
            "VAT on works and contingency",
            round_cent(vat.value * (cost + contingency)),
            f"{percent_text(vat.value)} x (works + contingency) {money_text(cost + contingency)}; "
            f"{vat.describe()}",
            vat.source,
        ),
    ]


def fee_lines(fees: Fees, works: Decimal) -> list[Line]:
    """Professional fees, their VAT, and soft costs (§1.6, §1.8)."""
    amount = round_cent(fees.rate * works)
    vat = fees.vat_rate
    if fees.soft_costs is not None:
        soft, soft_basis = fees.soft_costs, "lump sum given in the scenario"
    else:
        soft = round_cent(fees.soft_costs_rate * works)
        soft_basis = f"{percent_text(fees.soft_costs_rate)} x works {money_text(works)}"
    return [
        Line(
            "fees",
            "Professional fees",
            amount,
            f"{percent_text(fees.rate)} x works {money_text(works)} (architect, engineers, "
            "EPB reporter, safety coordinator)",
        ),
        Line(
            "fees_vat",
            "VAT on fees",
            round_cent(vat.value * amount),
            f"{percent_text(vat.value)} x fees {money_text(amount)}; {vat.describe()}",
            vat.source,
        ),
        Line(
            "soft_costs",
            "Soft costs",
            soft,
            f"{soft_basis} (permits, surveys, insurance during works, coop set-up, letting)",
        ),
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
    secured_text = (
        f"secured amount {money_text(secured)} = {percent_text(mortgage.secured_factor)} "
        f"x bank loans {money_text(bank_loans)}"
    )
    lines = []
    for key, label, rate in (
        ("mortgage_registration", "Registration duty on the mortgage", mortgage.registration_rate),
        ("mortgage_duty", "Mortgage duty", mortgage.mortgage_duty_rate),
    ):
        lines.append(
            Line(
                key,
                label,
                round_cent(rate.value * secured),
                f"{percent_text(rate.value)} x {secured_text}; {rate.describe()}",
                rate.source,
            )
        )
    lines.append(
        Line(
            "mortgage_fixed_costs",
            "Fixed costs of the credit deed",
            mortgage.fixed_costs,
            "notary fee on the credit, administrative costs, VAT and mortgage office fee, "
            "as one lump sum",
        )
    )
    return lines


def _interest_during_works(financing: Financing, loans: list[tuple[Tranche, Decimal]]) -> Line:
    months = financing.interest_during_works_months
    charged = [(t, amount) for t, amount in loans if amount and t.annual_rate]
    terms = " + ".join(
        f"{money_text(amount)} x {percent_text(t.annual_rate)} ({t.key})" for t, amount in charged
    )
    exact = sum((amount * t.annual_rate for t, amount in charged), ZERO) * months / 24
    return Line(
        "interest_during_works",
        "Interest during works",
        round_cent(exact),
        f"({terms or '0'}) x {months}/12 years x ½: loans drawn linearly over {months} months",
    )
