"""Scenario input: validation and defaults.

``parse(data)`` turns a JSON scenario (a dict) into frozen dataclasses with every default filled
in, or raises ``ScenarioError`` listing every problem found, each with the path of its field
(``acquisition.price``, ``financing.tranches[1].annual_rate``). Unknown keys are errors too, so a
typo never passes silently as "use the default".
"""

from dataclasses import dataclass, fields, is_dataclass, replace
from datetime import date
from decimal import Decimal, InvalidOperation

from . import defaults
from .errors import (
    ABOVE_MAXIMUM,
    ABOVE_ONE,
    AFTER_STUDY_PERIOD,
    BEFORE_FROM_YEAR,
    BELOW_MINIMUM,
    BOTH,
    DUPLICATE_KEY,
    GROUND_FEE_REQUIRED,
    LAND_ABOVE_PRICE,
    NEGATIVE,
    NEITHER,
    NO_RATE_ON,
    NOT_A_CHOICE,
    NOT_A_LOAN,
    NOT_BELOW_ONE,
    NOT_DATE,
    NOT_FLAG,
    NOT_LIST,
    NOT_NUMBER,
    NOT_OBJECT,
    NOT_POSITIVE,
    NOT_TEXT,
    NOT_WHOLE,
    REQUIRED,
    REQUIRED_CHOICE,
    SPLIT_ABOVE,
    SPLIT_INCOMPLETE,
    SURCHARGE_REQUIRED,
    TOO_LARGE,
    UNKNOWN_FIELD,
    Problem,
    ScenarioError,
)
from .money import ZERO, round_cent, to_decimal
from .rates import LegalRate, RateNotFound, legal_rate, notary_fee_scale
from .texts import Param, Text, day, literal, money, number, percent

BUYERS = ("legal_person", "natural_person_sole_home")
RIGHTS = ("long_lease", "building_right")
MAX_LEASE_YEARS = 99
DEPTHS = ("light", "deep", "conversion", "rebuild")
BORROWED_KINDS = ("member_loan", "bank_loan", "revolving_fund", "third_party")
KINDS = ("member_shares", "member_loan", "bank_loan", "subsidy", "revolving_fund", "third_party")
RATE_CONVENTIONS = ("belgian_equivalent", "nominal")
REPAYMENTS = ("annuity", "bullet", "interest_only")
PERIODS_PER_YEAR = (1, 2, 4, 12)
LOAN_FIELDS = ("annual_rate", "years", "periods_per_year", "rate_convention", "repayment")
MAX_YEARS = 100


@dataclass(frozen=True)
class Unit:
    name: str
    area_m2: Decimal
    count: int


@dataclass(frozen=True)
class Building:
    gross_floor_area_m2: Decimal
    net_area_m2: Decimal | None
    units: tuple[Unit, ...]


@dataclass(frozen=True)
class Acquisition:
    price: Decimal
    buyer: str
    date: date
    duty_rate: LegalRate
    deed_costs: Decimal


@dataclass(frozen=True)
class Land:
    """A community land trust keeps the land (FEASIBILITY.md §2.7): the group buys the building
    only and holds the land through a long lease (erfpacht) or a building right (opstal).

    The land part of the acquisition price is ``price`` or ``share_of_price`` (one of them is
    None); ``ground_fee_year`` is the fee (canon) paid to the trust every year.
    """

    right: str
    price: Decimal | None
    share_of_price: Decimal | None
    ground_fee_year: Decimal
    lease_years: int
    duty_rate: LegalRate

    def land_price(self, acquisition: "Acquisition") -> Decimal:
        if self.price is not None:
            return self.price
        return round_cent(self.share_of_price * acquisition.price)

    @property
    def lease_fees(self) -> Decimal:
        """The fees of the whole lease: the base of the registration duty on it (§1.2)."""
        return self.ground_fee_year * self.lease_years


@dataclass(frozen=True)
class Works:
    depth: str
    cost_per_m2: Decimal
    area_m2: Decimal
    contingency_rate: Decimal
    vat_rate: LegalRate


@dataclass(frozen=True)
class Fees:
    rate: Decimal
    vat_rate: LegalRate
    soft_costs: Decimal | None
    soft_costs_rate: Decimal | None


@dataclass(frozen=True)
class Tranche:
    """A source of money. Loan terms are None for member shares and subsidies."""

    key: str
    kind: str
    amount: Decimal | None
    share_of_total: Decimal | None
    annual_rate: Decimal | None = None
    years: int | None = None
    periods_per_year: int | None = None
    rate_convention: str | None = None
    repayment: str | None = None

    @property
    def borrowed(self) -> bool:
        return self.kind in BORROWED_KINDS


@dataclass(frozen=True)
class Mortgage:
    secured_factor: Decimal
    registration_rate: LegalRate
    mortgage_duty_rate: LegalRate
    fixed_costs: Decimal


@dataclass(frozen=True)
class Financing:
    tranches: tuple[Tranche, ...]
    mortgage: Mortgage
    interest_during_works_months: int
    schedule: bool


@dataclass(frozen=True)
class Operation:
    maintenance_per_m2_year: Decimal
    insurance_per_m2_year: Decimal
    cadastral_income: Decimal | None
    ki_index: LegalRate | None
    base_levy_rate: LegalRate
    surcharge_centiemes: Decimal | None
    management_per_unit_year: Decimal
    share_return_rate: Decimal
    vacancy_rate: Decimal
    other_income_year: Decimal
    market_rent_per_m2_month: Decimal | None


@dataclass(frozen=True)
class Renewal:
    label: str
    year: int
    amount: Decimal | None
    cost_per_m2: Decimal | None


@dataclass(frozen=True)
class AnnualCost:
    label: str
    amount: Decimal | None
    cost_per_m2: Decimal | None
    from_year: int
    to_year: int


@dataclass(frozen=True)
class Lifecycle:
    """``annual_costs`` None means: the running costs of the operation block, every year."""

    area_m2: Decimal
    study_period_years: int
    discount_rate: Decimal
    initial_cost: Decimal | None
    initial_cost_per_m2: Decimal | None
    renewals: tuple[Renewal, ...]
    annual_costs: tuple[AnnualCost, ...] | None
    residual_value: Decimal


@dataclass(frozen=True)
class Scenario:
    name: str
    description: str
    building: Building
    acquisition: Acquisition
    works: Works
    fees: Fees
    financing: Financing
    operation: Operation
    lifecycle: Lifecycle
    land: Land | None = None


def parse(data: object) -> Scenario:
    """Validate ``data`` and fill in defaults; raise ScenarioError with every problem found."""
    if not isinstance(data, dict):
        raise ScenarioError([Problem("scenario", NOT_OBJECT())])
    errors: list[Problem] = []
    root = _Reader(data, "", errors)
    name = root.text("name", "Scenario")
    description = root.text("description", "")
    building = _building(root.block("building"))
    acquisition = _acquisition(root.block("acquisition"))
    scenario = Scenario(
        name=name,
        description=description,
        building=building,
        acquisition=acquisition,
        works=_works(root.block("works"), building.gross_floor_area_m2, acquisition.date),
        fees=_fees(root.block("fees"), acquisition.date),
        financing=_financing(root.block("financing"), acquisition.date),
        operation=_operation(root.block("operation"), acquisition.date),
        lifecycle=_lifecycle(root.block("lifecycle"), building.gross_floor_area_m2),
        land=_land(root.optional_block("land"), acquisition),
    )
    root.finish()
    if errors:
        raise ScenarioError(errors)
    return scenario


def scenario_json(value: object) -> object:
    """The parsed scenario as JSON, defaults included; it parses back to the same scenario."""
    if isinstance(value, LegalRate):
        return f"{value.value:f}"
    if is_dataclass(value):
        items = ((f.name, getattr(value, f.name)) for f in fields(value))
        return {name: scenario_json(item) for name, item in items if item is not None}
    if isinstance(value, Decimal):
        return f"{value:f}"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [scenario_json(item) for item in value]
    return value


class _Reader:
    """Reads the fields of one JSON object and records errors under the object's path.

    Each reader method marks its key as known; ``finish()`` reports every key never read.
    A bad value is reported and replaced by the default, so parsing goes on and finds the
    other errors too.
    """

    def __init__(self, data: object, path: str, errors: list[Problem]):
        self.path = path
        self.errors = errors
        self._known: set[str] = set()
        self._data = data if isinstance(data, dict) else {}
        if not isinstance(data, dict):
            self.errors.append(Problem(path, NOT_OBJECT()))

    def field(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def error(self, key: str, text: Text) -> None:
        self.errors.append(Problem(self.field(key), text))

    def given(self, key: str) -> bool:
        return self._data.get(key) is not None

    def _take(self, key: str) -> object:
        self._known.add(key)
        return self._data.get(key)

    def number(self, key, default=None, *, required=False, positive=False, minimum=ZERO):
        """A Decimal >= ``minimum`` (> 0 if ``positive``), or ``default`` when absent or bad."""
        raw = self._take(key)
        if raw is None:
            if required:
                self.error(key, REQUIRED())
            return default
        value = parse_decimal(raw)
        if value is None:
            self.error(key, NOT_NUMBER())
        elif abs(value) > MAX_NUMBER:
            self.error(key, TOO_LARGE(maximum=number(MAX_NUMBER)))
        elif positive and value <= 0:
            self.error(key, NOT_POSITIVE())
        elif value < minimum:
            self.error(key, BELOW_MINIMUM(minimum=number(minimum)) if minimum else NEGATIVE())
        else:
            return value
        return default

    def money(self, key, default=None, **options):
        """A non-negative amount in euro, rounded to the cent."""
        value = self.number(key, default, **options)
        return None if value is None else round_cent(value)

    def rate(self, key, default=None, *, below_one=False, required=False):
        """A fraction from 0 to 1 (0.035 is 3.5 %); ``below_one`` excludes 1 itself."""
        value = self.number(key, None, required=required)
        if value is None:
            return default
        if below_one and value >= 1:
            self.error(key, NOT_BELOW_ONE())
        elif value > 1:
            self.error(key, ABOVE_ONE(value=number(value)))
        else:
            return value
        return default

    def integer(self, key, default=None, *, minimum=0, maximum=MAX_YEARS, required=False):
        raw = self._take(key)
        if raw is None:
            if required:
                self.error(key, REQUIRED())
            return default
        value = parse_decimal(raw)
        if value is None or value != value.to_integral_value():
            self.error(key, NOT_WHOLE())
        elif value < minimum:
            self.error(key, BELOW_MINIMUM(minimum=number(minimum)))
        elif value > maximum:
            self.error(key, ABOVE_MAXIMUM(maximum=number(maximum)))
        else:
            return int(value)
        return default

    def choice(self, key, default, options, *, required=False):
        raw = self._take(key)
        if raw is None:
            if required:
                self.error(key, REQUIRED_CHOICE(options=_options(options)))
            return default
        if raw not in options:
            self.error(key, NOT_A_CHOICE(options=_options(options)))
            return default
        return raw

    def text(self, key, default=None, *, required=False):
        raw = self._take(key)
        if raw is None:
            if required:
                self.error(key, REQUIRED())
            return default
        if not isinstance(raw, str):
            self.error(key, NOT_TEXT())
            return default
        return raw

    def date(self, key, default):
        raw = self._take(key)
        if raw is None:
            return default
        try:
            return date.fromisoformat(raw)
        except (TypeError, ValueError):
            self.error(key, NOT_DATE())
            return default

    def flag(self, key, default):
        raw = self._take(key)
        if raw is None:
            return default
        if not isinstance(raw, bool):
            self.error(key, NOT_FLAG())
            return default
        return raw

    def block(self, key) -> "_Reader":
        """The reader of a nested object; an absent block reads as an empty one."""
        raw = self._take(key)
        return _Reader({} if raw is None else raw, self.field(key), self.errors)

    def optional_block(self, key) -> "_Reader | None":
        """The reader of a nested object, or None when the block is absent."""
        if not self.given(key):
            self._known.add(key)
            return None
        return self.block(key)

    def items(self, key) -> list["_Reader"] | None:
        """Readers for a list of objects, or None when the list is absent."""
        raw = self._take(key)
        if raw is None:
            return None
        if not isinstance(raw, list):
            self.error(key, NOT_LIST())
            return []
        return [_Reader(item, f"{self.field(key)}[{i}]", self.errors) for i, item in enumerate(raw)]

    def one_of(self, first: str, second: str, *, required: bool) -> None:
        """Report when both of two alternative fields are given, or neither when one is needed."""
        names = {"first": literal(first), "second": literal(second)}
        if self.given(first) and self.given(second):
            self.error(first, BOTH(**names))
        elif required and not (self.given(first) or self.given(second)):
            self.error(first, NEITHER(**names))

    def legal(self, key: str, table: str, on: date, **options) -> LegalRate:
        """The user's rate for ``key`` if given, else the table's rate in force on ``on``."""
        value = self.rate(key, **options)
        if value is not None:
            return LegalRate.given(value)
        try:
            return legal_rate(table, on)
        except RateNotFound as missing:
            self.no_rate(key, missing, on)
            return LegalRate.given(ZERO)

    def no_rate(self, key: str, missing: RateNotFound, on: date) -> None:
        self.error(key, NO_RATE_ON(problem=missing.text, date=day(on), key=literal(key)))

    def ignore(self, *keys: str) -> None:
        """Accept keys unread, when an error already made their meaning unclear."""
        self._known.update(keys)

    def finish(self) -> None:
        """Report every key of the object that no reader method asked for."""
        for key in self._data:
            if key not in self._known:
                self.error(key, UNKNOWN_FIELD(known=_options(sorted(self._known))))


def _options(options) -> Param:
    return literal(", ".join(map(str, options)))


MAX_NUMBER = Decimal(10) ** 12
"""No building project is worth a trillion euro; larger numbers only overflow the arithmetic."""


def parse_decimal(raw: object) -> Decimal | None:
    """A finite Decimal from a JSON number or a numeric string, else None (also for booleans)."""
    if isinstance(raw, bool) or not isinstance(raw, int | float | str | Decimal):
        return None
    try:
        value = to_decimal(raw)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def _building(r: _Reader) -> Building:
    gross = r.number("gross_floor_area_m2", ZERO, required=True, positive=True)
    net = r.number("net_area_m2", None, positive=True)
    units = tuple(_unit(item) for item in r.items("units") or [])
    r.finish()
    return Building(gross_floor_area_m2=gross, net_area_m2=net, units=units)


def _unit(r: _Reader) -> Unit:
    unit = Unit(
        name=r.text("name", "", required=True),
        area_m2=r.number("area_m2", ZERO, required=True, positive=True),
        count=r.integer("count", 1, minimum=1, maximum=10_000),
    )
    r.finish()
    return unit


def _acquisition(r: _Reader) -> Acquisition:
    price = r.money("price", ZERO)
    buyer = r.choice("buyer", "legal_person", BUYERS)
    on = r.date("date", date.today())
    acquisition = Acquisition(
        price=price,
        buyer=buyer,
        date=on,
        duty_rate=r.legal("duty_rate", f"registration_duty.{buyer}", on),
        deed_costs=r.money("deed_costs", defaults.DEED_COSTS),
    )
    if price > 0:
        _check_notary_rates(r, on)
    r.finish()
    return acquisition


def _check_notary_rates(r: _Reader, on: date) -> None:
    """The notary scale and the VAT on it are not overridable: their tables must cover the date."""
    try:
        notary_fee_scale(on)
        legal_rate("notary_fee_vat", on)
    except RateNotFound as missing:
        r.error("date", missing.text)


def _land(r: _Reader | None, acquisition: Acquisition) -> Land | None:
    if r is None:
        return None
    r.one_of("price", "share_of_price", required=True)
    price = r.money("price")
    if price is not None and price > acquisition.price:
        r.error("price", LAND_ABOVE_PRICE(price=money(acquisition.price)))
        price = None
    share = r.rate("share_of_price")
    fee = r.money("ground_fee_year")
    if fee is None:
        r.error("ground_fee_year", GROUND_FEE_REQUIRED())
    land = Land(
        right=r.choice("right", "long_lease", RIGHTS),
        price=price,
        share_of_price=share if price is None else None,
        ground_fee_year=fee or ZERO,
        lease_years=r.integer(
            "lease_years", defaults.LEASE_YEARS, minimum=1, maximum=MAX_LEASE_YEARS
        ),
        duty_rate=r.legal("duty_rate", "registration_duty.long_lease", acquisition.date),
    )
    if land.price is None and land.share_of_price is None:
        land = replace(land, price=ZERO)
    r.finish()
    return land


def _works(r: _Reader, gross_floor_area: Decimal, on: date) -> Works:
    depth = r.choice("depth", defaults.WORKS_DEPTH, DEPTHS)
    vat_table = "vat_works_renovation" if depth in ("light", "deep") else "vat_works_standard"
    works = Works(
        depth=depth,
        cost_per_m2=r.number("cost_per_m2", defaults.WORKS_COST_PER_M2[depth]),
        area_m2=r.number("area_m2", gross_floor_area),
        contingency_rate=r.rate("contingency_rate", defaults.CONTINGENCY_RATE[depth]),
        vat_rate=r.legal("vat_rate", vat_table, on),
    )
    r.finish()
    return works


def _fees(r: _Reader, on: date) -> Fees:
    r.one_of("soft_costs", "soft_costs_rate", required=False)
    soft_costs = r.money("soft_costs")
    soft_costs_rate = r.rate("soft_costs_rate")
    if soft_costs is None and soft_costs_rate is None:
        soft_costs_rate = defaults.SOFT_COSTS_RATE
    fees = Fees(
        rate=r.rate("rate", defaults.FEE_RATE),
        vat_rate=r.legal("vat_rate", "vat_works_standard", on),
        soft_costs=soft_costs,
        soft_costs_rate=soft_costs_rate,
    )
    r.finish()
    return fees


def _financing(r: _Reader, on: date) -> Financing:
    items = r.items("tranches")
    if items is None:
        tranches = default_tranches()
    else:
        tranches = tuple(_tranche(item) for item in items)
        _check_split(r, tranches)
        _check_unique_keys(r, tranches)
    financing = Financing(
        tranches=tranches,
        mortgage=_mortgage(r.block("mortgage"), on),
        interest_during_works_months=r.integer(
            "interest_during_works_months", defaults.INTEREST_DURING_WORKS_MONTHS, maximum=60
        ),
        schedule=r.flag("schedule", False),
    )
    r.finish()
    return financing


def default_tranches() -> tuple[Tranche, ...]:
    """FEASIBILITY.md §2.9: a 70 % bank loan at the §2.3 terms; members bring the rest."""
    rate, years, repayment = defaults.LOAN_TERMS["bank_loan"]
    bank = Tranche(
        key="bank_loan",
        kind="bank_loan",
        amount=None,
        share_of_total=defaults.BANK_LOAN_SHARE,
        annual_rate=rate,
        years=years,
        periods_per_year=defaults.PERIODS_PER_YEAR,
        rate_convention="belgian_equivalent",
        repayment=repayment,
    )
    members = Tranche(
        key="member_shares",
        kind="member_shares",
        amount=None,
        share_of_total=1 - defaults.BANK_LOAN_SHARE,
    )
    return bank, members


def _tranche(r: _Reader) -> Tranche:
    kind = r.choice("kind", None, KINDS, required=True)
    key = r.text("key", kind or "tranche")
    r.one_of("amount", "share_of_total", required=True)
    amount = r.money("amount")
    share = r.rate("share_of_total")
    if kind in BORROWED_KINDS:
        tranche = Tranche(key, kind, amount, share, *_loan_terms(r, kind))
    else:
        r.ignore(*LOAN_FIELDS)
        if kind is not None:
            for name in LOAN_FIELDS:
                if r.given(name):
                    r.error(name, NOT_A_LOAN(kind=literal(kind), name=literal(name)))
        tranche = Tranche(key, kind or "unknown", amount, share)
    r.finish()
    return tranche


def _loan_terms(r: _Reader, kind: str) -> tuple:
    """annual_rate, years, periods_per_year, rate_convention, repayment of a borrowed tranche."""
    rate, years, repayment = defaults.LOAN_TERMS[kind]
    return (
        r.rate("annual_rate", rate, required=rate is None),
        r.integer("years", years, minimum=1, required=years is None),
        _periods_per_year(r),
        r.choice("rate_convention", "belgian_equivalent", RATE_CONVENTIONS),
        r.choice("repayment", repayment, REPAYMENTS),
    )


def _periods_per_year(r: _Reader) -> int:
    per_year = r.integer("periods_per_year", defaults.PERIODS_PER_YEAR, minimum=1, maximum=12)
    if per_year not in PERIODS_PER_YEAR:
        r.error("periods_per_year", NOT_A_CHOICE(options=_options(PERIODS_PER_YEAR)))
        return defaults.PERIODS_PER_YEAR
    return per_year


def _check_split(r: _Reader, tranches: tuple[Tranche, ...]) -> None:
    """Shares of the total may not exceed 100 %; without fixed amounts they must make 100 %."""
    shares = [t.share_of_total for t in tranches if t.share_of_total is not None]
    if not shares:
        return
    total = sum(shares)
    has_amounts = any(t.amount is not None for t in tranches)
    if total > 1:
        r.error("tranches", SPLIT_ABOVE(total=percent(total)))
    elif total != 1 and not has_amounts:
        r.error("tranches", SPLIT_INCOMPLETE(total=percent(total)))


def _check_unique_keys(r: _Reader, tranches: tuple[Tranche, ...]) -> None:
    seen: set[str] = set()
    for index, tranche in enumerate(tranches):
        if tranche.key in seen:
            r.error(f"tranches[{index}].key", DUPLICATE_KEY(key=literal(tranche.key)))
        seen.add(tranche.key)


def _mortgage(r: _Reader, on: date) -> Mortgage:
    mortgage = Mortgage(
        secured_factor=r.number("secured_factor", defaults.SECURED_FACTOR, minimum=Decimal(1)),
        registration_rate=r.legal("registration_rate", "mortgage_registration", on),
        mortgage_duty_rate=r.legal("mortgage_duty_rate", "mortgage_duty", on),
        fixed_costs=r.money("fixed_costs", defaults.MORTGAGE_FIXED_COSTS),
    )
    r.finish()
    return mortgage


def _operation(r: _Reader, on: date) -> Operation:
    cadastral_income = r.number("cadastral_income")
    surcharge = r.number("surcharge_centiemes")
    if cadastral_income is not None and surcharge is None:
        r.error("surcharge_centiemes", SURCHARGE_REQUIRED())
    ki_index = r.number("ki_index", positive=True)
    if ki_index is not None:
        ki_index = LegalRate.given(ki_index)
    elif cadastral_income is not None:
        ki_index = _ki_index(r, on)
    operation = Operation(
        maintenance_per_m2_year=r.number(
            "maintenance_per_m2_year", defaults.MAINTENANCE_PER_M2_YEAR
        ),
        insurance_per_m2_year=r.number("insurance_per_m2_year", defaults.INSURANCE_PER_M2_YEAR),
        cadastral_income=cadastral_income,
        ki_index=ki_index,
        base_levy_rate=r.legal("base_levy_rate", "property_tax_base_levy", on),
        surcharge_centiemes=surcharge,
        management_per_unit_year=r.number(
            "management_per_unit_year", defaults.MANAGEMENT_PER_UNIT_YEAR
        ),
        share_return_rate=r.rate("share_return_rate", defaults.SHARE_RETURN_RATE),
        vacancy_rate=r.rate("vacancy_rate", defaults.VACANCY_RATE, below_one=True),
        other_income_year=r.money("other_income_year", ZERO),
        market_rent_per_m2_month=r.number("market_rent_per_m2_month"),
    )
    r.finish()
    return operation


def _ki_index(r: _Reader, on: date) -> LegalRate:
    """The index coefficient is not a fraction, so it cannot go through ``_Reader.legal``."""
    try:
        return legal_rate("cadastral_income_index", on)
    except RateNotFound as missing:
        r.no_rate("ki_index", missing, on)
        return LegalRate.given(Decimal(1))


def _lifecycle(r: _Reader, gross_floor_area: Decimal) -> Lifecycle:
    years = r.integer("study_period_years", defaults.STUDY_PERIOD_YEARS, minimum=1)
    r.one_of("initial_cost", "initial_cost_per_m2", required=False)
    renewals = r.items("renewals") or []
    annual_costs = r.items("annual_costs")
    lifecycle = Lifecycle(
        area_m2=r.number("area_m2", gross_floor_area, positive=True),
        study_period_years=years,
        discount_rate=r.rate("discount_rate", defaults.DISCOUNT_RATE),
        initial_cost=r.money("initial_cost"),
        initial_cost_per_m2=r.number("initial_cost_per_m2"),
        renewals=tuple(_renewal(item, years) for item in renewals),
        annual_costs=None
        if annual_costs is None
        else tuple(_annual_cost(item, years) for item in annual_costs),
        residual_value=r.money("residual_value", ZERO),
    )
    r.finish()
    return lifecycle


def _renewal(r: _Reader, study_period: int) -> Renewal:
    r.one_of("amount", "cost_per_m2", required=True)
    renewal = Renewal(
        label=r.text("label", "renewal"),
        year=_study_year(r, "year", 1, study_period, required=True),
        amount=r.money("amount"),
        cost_per_m2=r.number("cost_per_m2"),
    )
    r.finish()
    return renewal


def _annual_cost(r: _Reader, study_period: int) -> AnnualCost:
    r.one_of("amount", "cost_per_m2", required=True)
    from_year = _study_year(r, "from_year", 1, study_period)
    to_year = _study_year(r, "to_year", study_period, study_period)
    if to_year < from_year:
        r.error("to_year", BEFORE_FROM_YEAR(year=number(from_year)))
    cost = AnnualCost(
        label=r.text("label", "annual cost"),
        amount=r.money("amount"),
        cost_per_m2=r.number("cost_per_m2"),
        from_year=from_year,
        to_year=to_year,
    )
    r.finish()
    return cost


def _study_year(r: _Reader, key: str, default: int, study_period: int, **options) -> int:
    """A year from 1 to the end of the study period."""
    year = r.integer(key, default, minimum=1, **options)
    if year > study_period:
        r.error(key, AFTER_STUDY_PERIOD(year=number(year), years=number(study_period)))
        return default
    return year
