"""Every interface string has a Dutch and a French translation, and the catalogues are current."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "openpromotor"
LANGUAGES = ["nl", "fr"]


def catalogue(root: Path, language: str) -> polib.POFile:
    return polib.pofile(str(root / "locale" / language / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_string_is_translated(language):
    entries = catalogue(PACKAGE, language)
    missing = [e.msgid for e in entries if not e.translated() or "fuzzy" in e.flags]
    assert missing == [], f"{len(missing)} strings without a {language} translation: {missing[:5]}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_placeholders_are_kept(language):
    import re

    placeholder = re.compile(r"%\(\w+\)[sd]|\{\w+\}")
    for entry in catalogue(PACKAGE, language):
        if entry.msgstr:
            expected = sorted(placeholder.findall(entry.msgid))
            assert sorted(placeholder.findall(entry.msgstr)) == expected, entry.msgid


def test_catalogues_hold_every_string_of_the_code(tmp_path):
    """Extract the strings again from a copy of the code and compare with the committed files."""
    copy = tmp_path / "openpromotor"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("static", "__pycache__", "*.mo"))
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.i18n_settings",
        "OPENPROMOTOR_TEST_LOCALE_DIR": str(copy / "locale"),
        "PYTHONPATH": str(PACKAGE.parent.parent),
    }
    subprocess.run(
        [sys.executable, "-m", "django", "makemessages", "--no-obsolete", "-v", "0"]
        + [f"-l{language}" for language in LANGUAGES],
        cwd=copy,
        env=environment,
        check=True,
        timeout=120,
    )
    for language in LANGUAGES:
        fresh = {e.msgid for e in catalogue(copy, language)}
        committed = {e.msgid for e in catalogue(PACKAGE, language)}
        assert fresh == committed, (
            f"Run `make messages` and translate: new {sorted(fresh - committed)[:5]}, "
            f"gone {sorted(committed - fresh)[:5]}"
        )


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_catalogue_compiles(language):
    """msgfmt checks what Django's compilemessages checks, e.g. that a translated Python
    format string keeps valid directives (a literal "% of" in a source string needs a
    ``# xgettext:no-python-format`` comment)."""
    po = PACKAGE / "locale" / language / "LC_MESSAGES" / "django.po"
    result = subprocess.run(
        ["msgfmt", "--check", "-o", os.devnull, str(po)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
