"""One place's data from outside the web forms: a report through the API or an import row.

Every value goes through the model field's own validation (the steps of ``Field.clean``: type,
choices, length and the validators declared on ``Place``), then through the checks that span
fields. No ModelForm: an import validates up to a million rows, and a ModelForm costs database
queries per row (the municipality, the unique external id); ``MunicipalityLookup`` remembers
its answers.

Input names are the model's field names, except ``municipality`` (a NIS code; without it the
postal code decides) and ``availability`` (a list, or one text with ``;`` between values).
"""

import functools
import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _

from openpromotor.geo.bbox import in_belgium
from openpromotor.municipalities.models import Municipality, PostalCode
from openpromotor.places.models import Availability, Place

DATA_FIELDS = (
    "title",
    "description",
    "street",
    "house_number",
    "box",
    "postal_code",
    "latitude",
    "longitude",
    "building_type",
    "floor_area_m2",
    "plot_area_m2",
    "floors",
    "construction_year",
    "condition",
    "occupancy",
    "vacant_since",
    "ownership_kind",
    "asking_price",
    "asking_rent_month",
    "temporary_use_from",
    "temporary_use_until",
    "protected_heritage",
    "links",
)
"""The fields of ``Place`` that an API client or an import file sets directly."""

REQUIRED = frozenset({"title", "latitude", "longitude", "building_type", "occupancy"})
TRUE_WORDS = frozenset({"1", "true", "yes", "ja", "oui", "t", "y"})
FALSE_WORDS = frozenset({"0", "false", "no", "nee", "non", "f", "n"})
AVAILABILITY_VALUES = frozenset(Availability.values)
_validate_url = URLValidator(schemes=["http", "https"])

Errors = dict[str, list[str]]


class MunicipalityLookup:
    """NIS codes and postal codes to municipality ids, each looked up once.

    ``preloaded()`` reads both tables at once instead: an import needs that, because it keeps
    the database connection busy with its own writes while it validates rows.
    """

    def __init__(self):
        self._by_nis: dict[str, int | None] = {}
        self._by_postal_code: dict[str, tuple[bool, int | None]] = {}
        self._complete = False

    @classmethod
    def preloaded(cls) -> "MunicipalityLookup":
        lookup = cls()
        lookup._by_nis = dict(Municipality.objects.values_list("nis_code", "pk"))
        municipalities: dict[str, set[int | None]] = defaultdict(set)
        for code, municipality in PostalCode.objects.values_list("code", "municipality_id"):
            municipalities[code].add(municipality)
        for code, found in municipalities.items():
            lookup._by_postal_code[code] = (True, _only(found - {None}))
        lookup._complete = True
        return lookup

    def by_nis(self, code: str) -> int | None:
        if code not in self._by_nis and not self._complete:
            found = Municipality.objects.filter(nis_code=code).values_list("pk", flat=True)
            self._by_nis[code] = found.first()
        return self._by_nis.get(code)

    def by_postal_code(self, code: str) -> tuple[bool, int | None]:
        """Whether the postal code exists, and its municipality when it has exactly one."""
        if code not in self._by_postal_code and not self._complete:
            rows = PostalCode.objects.filter(code=code).values_list("municipality_id", flat=True)
            found = set(rows)
            self._by_postal_code[code] = (bool(found), _only(found - {None}))
        return self._by_postal_code.get(code, (False, None))


def _only(municipalities: set[int | None]) -> int | None:
    return next(iter(municipalities)) if len(municipalities) == 1 else None


def clean_place_data(
    data: Mapping[str, Any],
    municipalities: MunicipalityLookup,
    with_external_id: bool = False,
) -> tuple[dict[str, Any], Errors]:
    """The values for ``Place(**values)`` and the errors per input name (empty when valid).

    With ``with_external_id`` the ``external_id`` is required too (imports are idempotent by it).
    """
    values: dict[str, Any] = {}
    errors: Errors = {}
    for name, clean in _cleaners(with_external_id):
        try:
            values[name] = clean(data.get(name))
        except ValidationError as error:
            errors[name] = list(error.messages)
    _check_location(values, errors)
    _check_temporary_window(values, errors)
    _set_municipality(data, values, errors, municipalities)
    _set_availability(data.get("availability"), values, errors)
    return values, errors


@functools.cache
def _cleaners(with_external_id: bool) -> tuple[tuple[str, Callable[[Any], Any]], ...]:
    names = (*DATA_FIELDS, "external_id") if with_external_id else DATA_FIELDS
    return tuple((name, _field_cleaner(name)) for name in names)


def _field_cleaner(name: str) -> Callable[[Any], Any]:
    """``Field.clean`` of the model field, prepared once: an import calls it millions of times.

    The same steps (``to_python``, the choices, the field's validators), with the choices as a
    set; a blank value gives the field's default or, for a required field, an error.
    """
    field = Place._meta.get_field(name)
    required = name in REQUIRED or name == "external_id"
    default = field.get_default()
    choices = frozenset(value for value, _label in field.flatchoices) if field.choices else None
    validators = tuple(field.validators)
    prepare = {"protected_heritage": _to_bool, "links": _clean_links}.get(name)

    def clean(raw: Any) -> Any:
        if isinstance(raw, str):
            raw = raw.strip()
        if raw is None or raw == "":
            if required:
                raise ValidationError(_("This field is required."))
            return default
        value = field.to_python(prepare(raw) if prepare else raw)
        if choices is not None and value not in choices:
            raise ValidationError(field.error_messages["invalid_choice"], params={"value": value})
        for validator in validators:
            validator(value)
        return value

    return clean


def _blank_to_none(value: Any) -> Any:
    if isinstance(value, str):
        value = value.strip()
    return None if value in ("", None) else value


def _to_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    word = str(value).strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ValidationError(_("Give yes or no (true or false)."))


def _clean_links(value: Any) -> str:
    links = value.split() if isinstance(value, str) else [str(link) for link in value]
    for link in links:
        _validate_url(link)
    return "\n".join(links)


def _check_location(values: dict, errors: Errors) -> None:
    lat, lon = values.get("latitude"), values.get("longitude")
    if lat is None or lon is None:
        return
    if not (math.isfinite(lat) and -90 <= lat <= 90):
        errors["latitude"] = [_("A latitude lies between -90 and 90 degrees.")]
    elif not (math.isfinite(lon) and -180 <= lon <= 180):
        errors["longitude"] = [_("A longitude lies between -180 and 180 degrees.")]
    elif not in_belgium(lat, lon):
        errors["latitude"] = [_("This point is not in Belgium.")]


def _check_temporary_window(values: dict, errors: Errors) -> None:
    start, end = values.get("temporary_use_from"), values.get("temporary_use_until")
    if start and end and end < start:
        errors["temporary_use_until"] = [_("The end must not be before the start.")]


def _set_municipality(data, values: dict, errors: Errors, lookup: MunicipalityLookup) -> None:
    code = _blank_to_none(data.get("municipality"))
    postal_code = values.get("postal_code")
    known_postal_code, postal_municipality = (
        lookup.by_postal_code(postal_code) if postal_code else (True, None)
    )
    if not known_postal_code:
        errors.setdefault("postal_code", []).append(_("Unknown postal code."))
    if code is not None:
        values["municipality_id"] = lookup.by_nis(str(code))
        if values["municipality_id"] is None:
            errors["municipality"] = [_("Unknown municipality code.")]
    elif postal_municipality is not None:
        values["municipality_id"] = postal_municipality
    else:
        errors["municipality"] = [
            _("Give the municipality's NIS code (the postal code does not say which one).")
        ]


def _set_availability(raw: Any, values: dict, errors: Errors) -> None:
    raw = _blank_to_none(raw)
    chosen: Iterable[str] = ()
    if isinstance(raw, str):
        chosen = [part.strip() for part in raw.replace(",", ";").split(";") if part.strip()]
    elif raw is not None:
        chosen = [str(part) for part in raw]
    unknown = sorted(set(chosen) - AVAILABILITY_VALUES)
    if unknown:
        errors["availability"] = [
            _("Unknown availability: %(values)s.") % {"values": ", ".join(unknown)}
        ]
    for value in AVAILABILITY_VALUES:
        values[value] = value in chosen
