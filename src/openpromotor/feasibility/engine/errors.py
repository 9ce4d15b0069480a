"""Errors in a scenario: the path of each bad field and a translatable message."""

from dataclasses import dataclass

from .texts import Text, gettext_noop, template

NOT_OBJECT = template("error.not_object", gettext_noop("must be an object"))
REQUIRED = template("error.required", gettext_noop("required"))
NOT_NUMBER = template("error.not_number", gettext_noop("must be a number"))
TOO_LARGE = template("error.too_large", gettext_noop("must not be more than {maximum}"))
NOT_POSITIVE = template("error.not_positive", gettext_noop("must be more than 0"))
BELOW_MINIMUM = template("error.below_minimum", gettext_noop("must be at least {minimum}"))
NEGATIVE = template("error.negative", gettext_noop("must not be negative"))
NOT_BELOW_ONE = template("error.not_below_one", gettext_noop("must be below 1 (100 %)"))
ABOVE_ONE = template(
    "error.above_one",
    gettext_noop("{value} is above 1 (100 %); give a fraction: 0.035 is 3.5 %"),
)
NOT_WHOLE = template("error.not_whole", gettext_noop("must be a whole number"))
ABOVE_MAXIMUM = template("error.above_maximum", gettext_noop("must be at most {maximum}"))
REQUIRED_CHOICE = template("error.required_choice", gettext_noop("required, one of: {options}"))
NOT_A_CHOICE = template("error.not_a_choice", gettext_noop("must be one of: {options}"))
NOT_TEXT = template("error.not_text", gettext_noop("must be a text"))
NOT_DATE = template("error.not_date", gettext_noop("must be a date as YYYY-MM-DD"))
NOT_FLAG = template("error.not_flag", gettext_noop("must be true or false"))
NOT_LIST = template("error.not_list", gettext_noop("must be a list"))
BOTH = template("error.both", gettext_noop("give {first} or {second}, not both"))
NEITHER = template("error.neither", gettext_noop("give {first} or {second}"))
NO_RATE_ON = template(
    "error.no_rate_on", gettext_noop("{problem} (the acquisition date is {date}); give {key}")
)
UNKNOWN_FIELD = template(
    "error.unknown_field", gettext_noop("unknown field; known fields: {known}")
)
NOT_A_LOAN = template(
    "error.not_a_loan", gettext_noop("a {kind} tranche is not a loan: it has no {name}")
)
SPLIT_ABOVE = template(
    "error.split_above", gettext_noop("the shares of total add up to {total}, above 100 %")
)
SPLIT_INCOMPLETE = template(
    "error.split_incomplete",
    gettext_noop(
        "the shares of total add up to {total}; with no fixed amounts they must add up to 100 %"
    ),
)
DUPLICATE_KEY = template(
    "error.duplicate_key", gettext_noop("'{key}' is used twice; keys must be unique")
)
SURCHARGE_REQUIRED = template(
    "error.surcharge_required",
    gettext_noop(
        "required with cadastral_income: the provincial plus municipal surcharges "
        "(opcentiemen) in centiemes"
    ),
)
AFTER_STUDY_PERIOD = template(
    "error.after_study_period",
    gettext_noop("year {year} is after the study period of {years} years"),
)
BEFORE_FROM_YEAR = template(
    "error.before_from_year", gettext_noop("must not be before from_year ({year})")
)

LAND_ABOVE_PRICE = template(
    "error.land_above_price", gettext_noop("must not be more than the acquisition price {price}")
)
GROUND_FEE_REQUIRED = template(
    "error.ground_fee_required",
    gettext_noop(
        "required: the yearly fee (canon) paid to the community land trust, 0 if there is none"
    ),
)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input: the path of its field and what is wrong."""

    field: str
    text: Text

    def to_json(self) -> dict[str, str]:
        return {"field": self.field, "message": str(self.text)}


class ScenarioError(ValueError):
    """Bad scenario input. ``errors`` is the JSON list of ``{"field": ..., "message": ...}``
    (English); ``problems`` holds the same with each message as a translatable ``Text``."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        self.errors = [problem.to_json() for problem in problems]
        super().__init__("; ".join(f"{e['field']}: {e['message']}" for e in self.errors))
