"""Financing (FEASIBILITY.md §2): how big each tranche is and what it costs per period.

Sizing happens in two steps around the capital total. Borrowed tranches given as a share of the
total are sized first, in closed form, because their financing costs are part of that total
(§2.9). The other tranches (member shares, subsidies) are sized from the final total; when the
shares make exactly 100 %, the last of them takes the rounding cents, so the tranches cover the
total exactly.
"""

from dataclasses import dataclass
from decimal import Decimal

from .capital import cost_per_euro, fixed_financing_cost
from .errors import Problem, ScenarioError
from .lines import figure_json, money_json
from .money import ZERO, power, round_cent
from .scenario import Financing, Tranche
from .texts import Text, gettext_noop, literal, money, number, percent, template

PERIOD_NAMES = {
    1: template("word.period.1", gettext_noop("yearly")),
    2: template("word.period.2", gettext_noop("half-yearly")),
    4: template("word.period.4", gettext_noop("quarterly")),
    12: template("word.period.12", gettext_noop("monthly")),
}
RATE_DECIMALS = Decimal("1E-10")
NOT_REPAID = {
    "member_shares": template(
        "basis.shares_not_repaid",
        gettext_noop("Member shares are not repaid; any remuneration is operation.share_return"),
    ),
    "subsidy": template("basis.subsidy_not_repaid", gettext_noop("A subsidy is not repaid")),
}
TRANCHE = template("basis.tranche", gettext_noop("{amount}. {repayment}"))
GIVEN_AMOUNT = template("basis.amount_given", gettext_noop("Amount given in the scenario"))
BALANCING = template(
    "basis.amount_balancing",
    gettext_noop(
        "The rest of the capital total {total}: its {share} share plus the rounding cents"
    ),
)
SOLVED_SHARE = template(
    "basis.amount_solved",
    gettext_noop(
        "{share} x {total}, the capital total solved in closed form with its financing costs "
        "inside (FEASIBILITY.md §2.9)"
    ),
)
SHARE_OF_TOTAL = template("basis.amount_share", gettext_noop("{share} x capital total {total}"))
ANNUITY = template(
    "basis.annuity",
    gettext_noop(
        "Annuity: {periods} {per} payments P·i / (1 - (1 + i)^-n) with {rate}, rounded to the "
        "cent; annual debt service {per_year} x payment"
    ),
)
INTEREST_ONLY = template(
    "basis.interest_only",
    gettext_noop(
        "Interest only: {periods} {per} payments P·i with {rate}; the principal {amount} is due "
        "at the end of year {years}"
    ),
)
BULLET = template(
    "basis.bullet",
    gettext_noop(
        "Bullet: no payments; P·(1 + i)^n with {rate} = {due}, due at the end of year {years}"
    ),
)
RATE_YEARLY = template("formula.rate_yearly", gettext_noop("i = {annual} a year"))
RATE_NOMINAL = template(
    "formula.rate_nominal", gettext_noop("i = {annual} / {per_year} = {rate} (nominal rate)")
)
RATE_EQUIVALENT = template(
    "formula.rate_equivalent",
    gettext_noop("i = (1 + {annual})^(1/{per_year}) - 1 = {rate} (Belgian equivalent rate)"),
)
BORROWED = template("basis.borrowed", gettext_noop("sum of the borrowed tranches"))
EQUITY = template("basis.equity", gettext_noop("capital total {total} - borrowed"))
GAP = template(
    "basis.gap", gettext_noop("capital total - all tranches (negative: more than needed)")
)
DEBT_SERVICE = template(
    "basis.annual_debt_service", gettext_noop("sum of the tranches' annual debt service")
)
MONTHLY = template("basis.monthly_payment", gettext_noop("annual debt service / 12"))
COSTS_EXCEED_LOANS = template(
    "error.costs_exceed_loans",
    gettext_noop(
        "the financing costs during works would exceed the loans that pay for them; lower the "
        "rates or financing.interest_during_works_months"
    ),
)


@dataclass(frozen=True)
class YearRow:
    """One year of a loan's schedule: sums over the periods of that year."""

    year: int
    payment: Decimal
    interest: Decimal
    principal: Decimal
    balance: Decimal

    def to_json(self) -> dict:
        return {
            "year": self.year,
            "payment": money_json(self.payment),
            "interest": money_json(self.interest),
            "principal": money_json(self.principal),
            "balance": money_json(self.balance),
        }


@dataclass(frozen=True)
class TrancheResult:
    tranche: Tranche
    amount: Decimal
    amount_basis: Text
    repayment_basis: Text
    periodic_rate: Decimal | None = None
    periodic_payment: Decimal = ZERO
    due_at_end: Decimal = ZERO
    schedule: tuple[YearRow, ...] | None = None

    @property
    def annual_debt_service(self) -> Decimal:
        return self.periodic_payment * (self.tranche.periods_per_year or 0)

    def to_json(self) -> dict:
        tranche = self.tranche
        data = {
            "key": tranche.key,
            "kind": tranche.kind,
            "amount": money_json(self.amount),
            "periodic_payment": money_json(self.periodic_payment),
            "annual_debt_service": money_json(self.annual_debt_service),
            "due_at_end": money_json(self.due_at_end),
        } | _basis(TRANCHE(amount=self.amount_basis, repayment=self.repayment_basis))
        if tranche.borrowed:
            data |= {
                "annual_rate": f"{tranche.annual_rate:f}",
                "rate_convention": tranche.rate_convention,
                "periodic_rate": f"{self.periodic_rate:f}",
                "periods_per_year": tranche.periods_per_year,
                "years": tranche.years,
                "repayment": tranche.repayment,
            }
        if self.schedule is not None:
            data["schedule"] = [row.to_json() for row in self.schedule]
        return data


@dataclass(frozen=True)
class FinancingResult:
    tranches: tuple[TrancheResult, ...]
    total: Decimal

    @property
    def borrowed(self) -> Decimal:
        return sum((t.amount for t in self.tranches if t.tranche.borrowed), ZERO)

    @property
    def equity(self) -> Decimal:
        """Everything that is not borrowed: member shares, subsidies, and any gap."""
        return self.total - self.borrowed

    @property
    def gap(self) -> Decimal:
        """Money still to find (negative: the tranches bring more than the total)."""
        return self.total - sum((t.amount for t in self.tranches), ZERO)

    @property
    def annual_debt_service(self) -> Decimal:
        return sum((t.annual_debt_service for t in self.tranches), ZERO)

    @property
    def monthly_payment(self) -> Decimal:
        return round_cent(self.annual_debt_service / 12)

    def to_json(self) -> dict:
        return {
            "tranches": [t.to_json() for t in self.tranches],
            "borrowed": figure_json(self.borrowed, BORROWED()),
            "equity": figure_json(self.equity, EQUITY(total=money(self.total))),
            "gap": figure_json(self.gap, GAP()),
            "annual_debt_service": figure_json(self.annual_debt_service, DEBT_SERVICE()),
            "monthly_payment": figure_json(self.monthly_payment, MONTHLY()),
        }


def size_loans(financing: Financing, base_total: Decimal) -> tuple[dict[str, Decimal], Decimal]:
    """Amounts of the borrowed tranches, and the total they were sized on (§2.9).

    With loans ``L_k = s_k · TOTAL`` costing ``a_k · L_k`` each plus fixed costs ``b``:
    ``TOTAL* = (BASE + b) / (1 - Σ s_k · a_k)``, and ``L_k = round_cent(s_k · TOTAL*)``.
    """
    loans = [t for t in financing.tranches if t.borrowed]
    fixed = fixed_financing_cost(financing) + sum(
        (cost_per_euro(financing, t) * t.amount for t in loans if t.amount is not None), ZERO
    )
    per_euro_of_total = sum(
        (cost_per_euro(financing, t) * t.share_of_total for t in loans if t.amount is None), ZERO
    )
    if per_euro_of_total >= 1:
        raise ScenarioError([Problem("financing.tranches", COSTS_EXCEED_LOANS())])
    total = (base_total + fixed) / (1 - per_euro_of_total)
    return {t.key: _amount(t, total) for t in loans}, total


def finance(
    financing: Financing, loans: dict[str, Decimal], sizing_total: Decimal, total: Decimal
) -> FinancingResult:
    """Size the tranches that are not borrowed and work out every tranche's repayment."""
    amounts = dict(loans)
    for tranche in financing.tranches:
        if not tranche.borrowed:
            amounts[tranche.key] = _amount(tranche, total)
    balancing = _balancing_tranche(financing)
    if balancing is not None:
        others = sum(amount for key, amount in amounts.items() if key != balancing.key)
        amounts[balancing.key] = total - others
    results = tuple(
        _tranche_result(
            tranche,
            amounts[tranche.key],
            _amount_basis(tranche, tranche is balancing, sizing_total, total),
            financing.schedule,
        )
        for tranche in financing.tranches
    )
    return FinancingResult(results, total)


def _amount(tranche: Tranche, total: Decimal) -> Decimal:
    if tranche.amount is not None:
        return tranche.amount
    return round_cent(tranche.share_of_total * total)


def _balancing_tranche(financing: Financing) -> Tranche | None:
    """The last tranche not borrowed, when every tranche is a share (they then make 100 %)."""
    if any(t.amount is not None for t in financing.tranches):
        return None
    unborrowed = [t for t in financing.tranches if not t.borrowed]
    return unborrowed[-1] if unborrowed else None


def _amount_basis(tranche: Tranche, balancing: bool, sizing_total: Decimal, total: Decimal) -> Text:
    share = tranche.share_of_total
    if tranche.amount is not None:
        return GIVEN_AMOUNT()
    if balancing:
        return BALANCING(total=money(total), share=percent(share))
    if tranche.borrowed:
        return SOLVED_SHARE(share=percent(share), total=money(sizing_total))
    return SHARE_OF_TOTAL(share=percent(share), total=money(total))


def _basis(text: Text) -> dict:
    return {"basis": str(text), "basis_text": text.to_json()}


def _tranche_result(
    tranche: Tranche, amount: Decimal, amount_basis: Text, with_schedule: bool
) -> TrancheResult:
    if not tranche.borrowed:
        return TrancheResult(tranche, amount, amount_basis, NOT_REPAID[tranche.kind]())
    rate = periodic_rate(tranche.annual_rate, tranche.periods_per_year, tranche.rate_convention)
    periods = tranche.years * tranche.periods_per_year
    if tranche.repayment == "annuity":
        payment, due = annuity_payment(amount, rate, periods), ZERO
    elif tranche.repayment == "interest_only":
        payment, due = round_cent(amount * rate), amount
    else:
        payment, due = ZERO, round_cent(amount * power(1 + rate, periods))
    schedule = None
    if with_schedule:
        rows = _period_rows(amount, rate, periods, payment, tranche.repayment)
        schedule = _by_year(rows, tranche.periods_per_year)
    return TrancheResult(
        tranche,
        amount,
        amount_basis,
        _repayment_basis(tranche, rate, amount, due),
        rate.quantize(RATE_DECIMALS),
        payment,
        due,
        schedule,
    )


def periodic_rate(annual_rate: Decimal, periods_per_year: int, convention: str) -> Decimal:
    """The rate per period: Belgian equivalent ``(1 + I)^(1/m) - 1`` (§2.3) or nominal ``I/m``."""
    if convention == "nominal" or periods_per_year == 1:
        return annual_rate / periods_per_year
    return power(1 + annual_rate, 1 / periods_per_year) - 1


def annuity_payment(principal: Decimal, rate: Decimal, periods: int) -> Decimal:
    """``A = P·i / (1 - (1 + i)^-n)``, rounded half-up to the cent; ``P/n`` when i is 0."""
    if rate == 0:
        return round_cent(principal / periods)
    return round_cent(principal * rate / (1 - power(1 + rate, -periods)))


def _period_rows(amount, rate, periods, payment, repayment):
    """(payment, interest, principal, balance) per period, interest rounded to the cent.

    The last annuity payment takes the rounding rest so the balance ends at exactly zero. A
    bullet loan pays nothing until the end; its balance grows with the compound interest.
    """
    balance = amount
    for period in range(1, periods + 1):
        last = period == periods
        if repayment == "bullet":
            accrued = round_cent(amount * power(1 + rate, period))
            interest, balance = accrued - balance, accrued
            yield (balance, interest, amount, ZERO) if last else (ZERO, interest, ZERO, balance)
            continue
        interest = round_cent(balance * rate)
        if repayment == "annuity":
            principal = balance if last else payment - interest
        else:
            principal = balance if last else ZERO
        balance -= principal
        yield interest + principal, interest, principal, balance


def _by_year(rows, periods_per_year: int) -> tuple[YearRow, ...]:
    years = []
    sums = [ZERO, ZERO, ZERO]
    for period, (payment, interest, principal, balance) in enumerate(rows, start=1):
        sums = [sums[0] + payment, sums[1] + interest, sums[2] + principal]
        if period % periods_per_year == 0:
            years.append(YearRow(period // periods_per_year, *sums, balance))
            sums = [ZERO, ZERO, ZERO]
    return tuple(years)


def _repayment_basis(tranche: Tranche, rate: Decimal, amount: Decimal, due: Decimal) -> Text:
    per_year = tranche.periods_per_year
    periods = {
        "periods": number(tranche.years * per_year),
        "per": PERIOD_NAMES[per_year](),
        "rate": _rate_text(tranche, rate),
    }
    years = number(tranche.years)
    if tranche.repayment == "annuity":
        return ANNUITY(**periods, per_year=number(per_year))
    if tranche.repayment == "interest_only":
        return INTEREST_ONLY(**periods, amount=money(amount), years=years)
    return BULLET(rate=periods["rate"], due=money(due), years=years)


def _rate_text(tranche: Tranche, rate: Decimal) -> Text:
    annual = percent(tranche.annual_rate)
    per_year = tranche.periods_per_year
    shown = percent(round(rate, 8))
    if per_year == 1:
        return RATE_YEARLY(annual=annual)
    if tranche.rate_convention == "nominal":
        return RATE_NOMINAL(annual=annual, per_year=literal(per_year), rate=shown)
    return RATE_EQUIVALENT(annual=annual, per_year=literal(per_year), rate=shown)
