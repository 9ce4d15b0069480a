"""Ready-made variants of a scenario, to set side by side with it (issue item 4).

Each variant changes one choice that FEASIBILITY.md describes, and nothing else:

- ``works_vat``: the other VAT rate on works, 6 % instead of 21 % or back (§1.7);
- ``buyer``: the households buy their own homes at the sole-home rate instead of the
  cooperative's 12 %, or back (§1.2);
- ``zurich_split``: 6 % member shares, a 14 % subordinated loan and an 80 % bank loan (§2.8);
- ``clt_split``: a community land trust buys and keeps the land part; the group buys the
  building and pays a ground fee (§2.7). It needs the land share and the fee.

``variant(scenario, key)`` returns a new scenario (the one given is not changed), a label that
says what changed and a note on how the variant was made.
"""

import copy
from dataclasses import dataclass
from decimal import Decimal

from . import defaults
from .errors import Problem, ScenarioError
from .rates import RateNotFound, legal_rate
from .scenario import Scenario, parse
from .texts import Text, gettext_noop, literal, money, number, percent, phrase, template

KEYS = ("works_vat", "buyer", "zurich_split", "clt_split")
# §2.8: member equity, a pension-fund (or other subordinated) loan, a bank loan [UNV].
ZURICH_SPLIT = {"member_shares": "0.06", "subordinated_loan": "0.14", "bank_loan": "0.80"}

VAT_LABEL = template("variant.works_vat", gettext_noop("{rate} VAT on works"))
VAT_NOTE = template("variant.works_vat.note", gettext_noop("VAT on works at {rate}: {rule}."))
INDIVIDUAL_LABEL = template(
    "variant.buyer.individual", gettext_noop("Individual purchases at {rate} duty")
)
INDIVIDUAL_NOTE = template(
    "variant.buyer.individual.note",
    gettext_noop(
        "Each household buys its own home as a natural person at {rate}: co-ownership instead "
        "of a cooperative, a different legal model (§1.2). The plan still counts one deed, so "
        "the notary fees of separate deeds are not in it."
    ),
)
COOPERATIVE_LABEL = template(
    "variant.buyer.cooperative", gettext_noop("Purchase by the cooperative at {rate} duty")
)
COOPERATIVE_NOTE = template(
    "variant.buyer.cooperative.note",
    gettext_noop("The cooperative buys as a legal person and pays the general rate of {rate}."),
)
ZURICH_LABEL = template(
    "variant.zurich_split", gettext_noop("Zürich-style split {shares} / {loan} / {bank}")
)
ZURICH_NOTE = template(
    "variant.zurich_split.note",
    gettext_noop(
        "{shares} member shares, a {loan} subordinated loan (for example from a pension fund) "
        "and a {bank} bank loan (§2.8). The subordinated loan takes the bank loan's terms, "
        "{rate} over {years} years: FEASIBILITY.md gives none for it."
    ),
)
CLT_LABEL = template(
    "variant.clt_split", gettext_noop("CLT split: land {share}, ground fee {fee} a year")
)
CLT_NOTE = template(
    "variant.clt_split.note",
    gettext_noop(
        "A community land trust buys {share} of the price, the land, and keeps it; the group "
        "buys the building, holds the land by a {years}-year long lease, pays the ground fee "
        "and the registration duty on the lease (§2.7)."
    ),
)
UNKNOWN_VARIANT = template("error.unknown_variant", gettext_noop("unknown variant; known: {known}"))
OPTION_REQUIRED = template(
    "error.variant_option", gettext_noop("required for the CLT split variant")
)


@dataclass(frozen=True)
class Variant:
    key: str
    label: Text
    note: Text
    scenario: dict


def variant(
    scenario: dict,
    key: str,
    *,
    land_share: Decimal | str | None = None,
    ground_fee: Decimal | str | None = None,
) -> Variant:
    """The variant ``key`` of ``scenario``; raises ScenarioError on a bad scenario or key.

    ``land_share`` (a fraction of the price) and ``ground_fee`` (€ a year) are for
    ``clt_split``; the engine checks them like any land block.
    """
    if key not in KEYS:
        known = literal(", ".join(KEYS))
        raise ScenarioError([Problem("variant", UNKNOWN_VARIANT(known=known))])
    parsed = parse(scenario)
    changed = copy.deepcopy(scenario)
    if key == "works_vat":
        label, note = _works_vat(parsed, changed)
    elif key == "buyer":
        label, note = _buyer(parsed, changed)
    elif key == "zurich_split":
        label, note = _zurich_split(parsed, changed)
    else:
        label, note = _clt_split(changed, land_share, ground_fee)
    changed["name"] = str(label)
    return Variant(key, label, note, changed)


def _block(scenario: dict, key: str) -> dict:
    block = dict(scenario.get(key) or {})
    scenario[key] = block
    return block


def _works_vat(parsed: Scenario, scenario: dict) -> tuple[Text, Text]:
    on = parsed.acquisition.date
    reduced = legal_rate("vat_works_renovation", on)
    standard = legal_rate("vat_works_standard", on)
    new = standard if parsed.works.vat_rate.value == reduced.value else reduced
    _block(scenario, "works")["vat_rate"] = f"{new.value:f}"
    rate = percent(new.value)
    return VAT_LABEL(rate=rate), VAT_NOTE(rate=rate, rule=phrase(new.note))


def _buyer(parsed: Scenario, scenario: dict) -> tuple[Text, Text]:
    individual = parsed.acquisition.buyer == "legal_person"
    buyer = "natural_person_sole_home" if individual else "legal_person"
    acquisition = _block(scenario, "acquisition")
    acquisition["buyer"] = buyer
    acquisition.pop("duty_rate", None)
    try:
        rate = percent(legal_rate(f"registration_duty.{buyer}", parsed.acquisition.date).value)
    except RateNotFound as missing:
        raise ScenarioError([Problem("acquisition.date", missing.text)]) from None
    if individual:
        return INDIVIDUAL_LABEL(rate=rate), INDIVIDUAL_NOTE(rate=rate)
    return COOPERATIVE_LABEL(rate=rate), COOPERATIVE_NOTE(rate=rate)


def _zurich_split(parsed: Scenario, scenario: dict) -> tuple[Text, Text]:
    banks = [t for t in parsed.financing.tranches if t.kind == "bank_loan"]
    if banks:
        bank = banks[0]
        terms = {
            "annual_rate": f"{bank.annual_rate:f}",
            "years": bank.years,
            "periods_per_year": bank.periods_per_year,
            "rate_convention": bank.rate_convention,
        }
    else:
        rate, years, _repayment = defaults.LOAN_TERMS["bank_loan"]
        terms = {"annual_rate": f"{rate:f}", "years": years}
    _block(scenario, "financing")["tranches"] = [
        {"key": "bank_loan", "kind": "bank_loan", "share_of_total": ZURICH_SPLIT["bank_loan"]}
        | terms,
        {
            "key": "subordinated_loan",
            "kind": "third_party",
            "share_of_total": ZURICH_SPLIT["subordinated_loan"],
            "repayment": "annuity",
        }
        | terms,
        {
            "key": "member_shares",
            "kind": "member_shares",
            "share_of_total": ZURICH_SPLIT["member_shares"],
        },
    ]
    shares = {name: percent(Decimal(share)) for name, share in ZURICH_SPLIT.items()}
    split = {"shares": shares["member_shares"], "loan": shares["subordinated_loan"]}
    split["bank"] = shares["bank_loan"]
    note = ZURICH_NOTE(
        **split, rate=percent(Decimal(terms["annual_rate"])), years=number(terms["years"])
    )
    return ZURICH_LABEL(**split), note


def _clt_split(scenario: dict, land_share, ground_fee) -> tuple[Text, Text]:
    options = {"variant.land_share": land_share, "variant.ground_fee": ground_fee}
    missing = [Problem(name, OPTION_REQUIRED()) for name, value in options.items() if value is None]
    if missing:
        raise ScenarioError(missing)
    land = {"share_of_price": land_share, "ground_fee_year": ground_fee}
    scenario["land"] = land
    parsed = parse(scenario)  # the land block is checked like one the user typed
    share = percent(parsed.land.share_of_price)
    label = CLT_LABEL(share=share, fee=money(parsed.land.ground_fee_year))
    return label, CLT_NOTE(share=share, years=number(parsed.land.lease_years))
