"""The engine's texts reach the pages and the PDF through gettext, with the reader's numbers.

The catalogues are translated by the lead at the end, so these tests do not read translations.
They check that every text the engine can write is extracted by ``make messages``, that every
label, basis and warning on a page goes through gettext (a fake catalogue wraps each text in
« »), and that numbers follow the active language.
"""

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.urls import reverse
from django.utils import translation
from pypdf import PdfReader

from openpromotor.feasibility import report, texts
from openpromotor.feasibility.engine import evaluate, sensitivity
from openpromotor.feasibility.engine.rates import RATES_FILE
from openpromotor.feasibility.engine.texts import TEMPLATES
from openpromotor.feasibility.pdf import plan_pdf
from openpromotor.feasibility.report import example_scenario
from tests.feasibility.helpers import make_plan

APP = Path(texts.__file__).parent
ROOT = APP.parent.parent.parent


def clt_example() -> dict:
    return example_scenario() | {"land": {"share_of_price": "0.25", "ground_fee_year": "1200"}}


def every_result() -> list[dict]:
    """Results that between them have every kind of line and most warnings."""
    example = example_scenario()
    rebuild = example | {
        "works": {"depth": "rebuild"},
        "operation": {},
        "acquisition": {"price": 1, "buyer": "natural_person_sole_home", "date": "2026-01-05"},
        "financing": {
            "tranches": [
                {"kind": "bank_loan", "share_of_total": 0.9},
                {"kind": "subsidy", "amount": 5},
            ]
        },
        "lifecycle": {"renewals": [{"year": 3, "amount": 1}]},
        "building": {"gross_floor_area_m2": 100},
    }
    return [evaluate(example), evaluate(clt_example()), evaluate(rebuild)]


def walk_texts(value):
    """Every (English, text) pair of a result: label, basis and message with their twin."""
    if isinstance(value, dict):
        for name in texts.TRANSLATED:
            if f"{name}_text" in value:
                yield value[name], value[f"{name}_text"]
        for item in value.values():
            yield from walk_texts(item)
    elif isinstance(value, list):
        for item in value:
            yield from walk_texts(item)


@pytest.fixture
def wrapped(monkeypatch):
    """A fake catalogue: every text that goes through gettext comes out in « »."""
    monkeypatch.setattr(texts, "gettext", lambda message: f"«{message}»")


def test_make_messages_extracts_every_text_of_the_engine(tmp_path):
    copy = tmp_path / "feasibility"
    shutil.copytree(APP, copy, ignore=shutil.ignore_patterns("static", "__pycache__"))
    (tmp_path / "locale").mkdir()
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.i18n_settings",
        "OPENPROMOTOR_TEST_LOCALE_DIR": str(tmp_path / "locale"),
        "PYTHONPATH": str(ROOT),
    }
    subprocess.run(
        [sys.executable, "-m", "django", "makemessages", "-l", "nl", "-v", "0"],
        cwd=tmp_path,
        env=environment,
        check=True,
        timeout=120,
    )
    extracted = {e.msgid for e in polib.pofile(str(tmp_path / "locale/nl/LC_MESSAGES/django.po"))}
    missing = (set(TEMPLATES.values()) | set(texts.RATE_NOTES)) - extracted
    assert missing == set(), "mark these with gettext_noop"


def test_the_rate_notes_are_those_of_the_rate_table():
    tables = json.loads(RATES_FILE.read_text(encoding="utf-8"))
    notes = {
        e["note"] for name, entries in tables.items() if not name.startswith("_") for e in entries
    }
    assert notes == set(texts.RATE_NOTES)


def test_every_label_basis_and_warning_has_a_registered_text():
    pairs = [pair for result in every_result() for pair in walk_texts(result)]
    pairs += list(walk_texts(sensitivity(example_scenario())))
    ids = {text["id"] for _english, text in pairs}
    assert ids <= set(TEMPLATES)
    codes = {w["code"] for result in every_result() for w in result["warnings"]}
    assert {"vat_conversion", "vat_rebuild", "sole_home_rate", "land_outside_plan"} <= codes
    assert {"bank_loan_above_80", "funding_gap", "cost_rent_above_market"} <= codes
    # Every line key of the cost breakdown and the cost rent says its label through a text.
    keys = {line["key"] for r in every_result() for line in r["capital"]["lines"]}
    assert {"long_lease_duty", "registration_duty", "interest_during_works"} <= keys


def has_date(value) -> bool:
    if isinstance(value, dict):
        return value.get("type") == "date" or any(has_date(item) for item in value.values())
    return isinstance(value, list) and any(has_date(item) for item in value)


def test_in_english_the_platform_says_what_the_engine_says():
    """The same words and numbers; only dates differ ("Jan. 1, 2022" against 2022-01-01)."""
    with translation.override("en"):
        for result in every_result():
            for english, text in walk_texts(result):
                if not has_date(text):
                    assert texts.text(text).replace("\u00a0", " ") == english


def test_every_text_of_a_result_goes_through_gettext(wrapped):
    for result in every_result():
        localized = texts.localize(json.loads(json.dumps(result)))
        for shown, _text in walk_texts(localized):
            assert shown.startswith("«") and shown.endswith("»"), shown
    duty = texts.localize(evaluate(example_scenario()))["capital"]["lines"][1]["basis"]
    assert "«Flemish general rate of the sale duty" in duty  # the rate note too


def test_dutch_numbers_and_dates():
    result = evaluate(example_scenario())
    with translation.override("nl"):
        lines = texts.localize(result)["capital"]["lines"]
    duty, notary = lines[1]["basis"], lines[2]["basis"]
    assert "12\u00a0% x prijs 1.150.000,00" in duty  # Dutch words and Belgian numbers
    assert "van kracht vanaf 1 januari 2022" in duty
    assert "4,56\u00a0% x 7.500,00" in notary
    assert "0,057\u00a0% x 899.905,00" in notary


def test_a_translation_that_loses_a_placeholder_falls_back_to_english(monkeypatch):
    monkeypatch.setattr(texts, "gettext", lambda message: "{no_such_field}")
    text = evaluate(example_scenario())["capital"]["lines"][1]["basis_text"]
    with translation.override("en"):
        assert texts.text(text).startswith("12\u00a0% x price 1,150,000.00")


def test_engine_errors_go_through_gettext(wrapped):
    outcome = report.build({"building": {}, "acquisition": {"price": -1}})
    messages = {error["field"]: error["message"] for error in outcome.errors}
    assert messages["acquisition.price"] == "«must not be negative»"
    assert outcome.errors[0]["label"]  # the planner field's label, for the list of messages


@pytest.mark.django_db
def test_the_plan_page_shows_the_engine_texts_through_gettext(user_client, user, wrapped):
    plan = make_plan(user, scenario=clt_example())
    html = user_client.get(plan.get_absolute_url()).content.decode()
    for label in ("Registration duty", "Notary fee", "Registration duty on the long lease"):
        assert f"«{label}»" in html
    assert "«Ground fee (canon) to the community land trust»" in html
    assert "«Whether 6 % VAT applies" in html
    assert "«Bank loan interest rate»" in html  # the sensitivity table
    english = evaluate(clt_example())["capital"]["lines"][1]["basis"]
    assert english not in html


@pytest.mark.django_db
def test_the_dutch_plan_page_writes_belgian_numbers(client, user):
    client.force_login(user)
    plan = make_plan(user)
    html = client.get(plan.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert '<html lang="nl"' in html
    assert "1.150.000,00" in html
    assert "1,150,000.00" not in html


@pytest.mark.django_db
def test_the_pdf_shows_the_engine_texts_through_gettext(user, wrapped):
    plan = make_plan(user, scenario=clt_example())
    with translation.override("nl"):
        content = plan_pdf(plan, report.build(plan.current_version.scenario))
    pages = PdfReader(io.BytesIO(content)).pages
    text = " ".join(page.extract_text() for page in pages).replace("\n", " ")
    assert "«Registration duty»" in text
    assert "«Notary fee»" in text
    assert "«Ground fee (canon)" in text
    assert "1.150.000,00" in text
    assert "«Whether 6 % VAT applies" in text


@pytest.mark.django_db
def test_the_comparison_shows_the_engine_texts_through_gettext(user_client, user, wrapped):
    plan = make_plan(user)
    version = plan.current_version
    response = user_client.get(reverse("feasibility:compare"), {"v": version.pk})
    html = response.content.decode()
    assert "«Total project cost»" in html
    assert "«Registration duty»" in html
    assert "«differences are each scenario's value minus the first scenario's»" in html.replace(
        "&#x27;", "'"
    )


def test_the_assumptions_write_dutch_numbers():
    scenario = example_scenario()
    filled = evaluate(scenario)["scenario"]
    with translation.override("nl"):
        rows = {str(row["label"]): row["value"] for row in report.assumptions(scenario, filled)}
    values = set(rows.values())
    assert {"1.150.000", "2,5", "15 september 2026", "15\u00a0%"} <= values
