"""Production settings refuse insecure defaults and pass Django's deployment checks."""

import os
import subprocess
import sys

import pytest

PRODUCTION_ENV = {
    "OPENPROMOTOR_ENV": "production",
    "SECRET_KEY": "k" * 20 + "-production-secret-key-for-tests-0123456789",
    "ALLOWED_HOSTS": "openpromotor.example",
    "EMAIL_URL": "smtp+tls://mailer:secret@smtp.example:587",
    "SITE_URL": "https://openpromotor.example",
    "OPERATOR_NAME": "Open Promotor vzw",
    "OPERATOR_ADDRESS": "Voorbeeldstraat 1, 2000 Antwerpen",
}


def manage(*args, **env):
    environment = {k: v for k, v in os.environ.items() if k not in PRODUCTION_ENV}
    for name in ("DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"):  # the browser tests set the latter
        environment.pop(name, None)
    environment.update(env, DJANGO_SETTINGS_MODULE="openpromotor.settings")
    return subprocess.run(
        [sys.executable, "-m", "openpromotor", *args],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_in_production():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.parametrize(
    ("missing", "message"),
    [
        ("SECRET_KEY", "SECRET_KEY must be set"),
        ("ALLOWED_HOSTS", "ALLOWED_HOSTS must name"),
        ("EMAIL_URL", "EMAIL_URL must point"),
        ("SITE_URL", "SITE_URL must be the site's https:// address"),
        ("OPERATOR_NAME", "OPERATOR_NAME and OPERATOR_ADDRESS must name"),
    ],
)
def test_production_refuses_a_missing_setting(missing, message):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != missing}
    result = manage("check", **env)
    assert result.returncode != 0
    assert message in result.stderr


def test_production_refuses_debug_and_a_weak_secret_key():
    result = manage("check", **{**PRODUCTION_ENV, "DEBUG": "true", "SECRET_KEY": "short"})
    assert "DEBUG must be off" in result.stderr
    assert "SECRET_KEY must be set" in result.stderr


def test_development_needs_no_configuration_at_all(tmp_path):
    result = manage("check", OPENPROMOTOR_VAR_DIR=str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


def test_sqlite_uses_wal_and_a_busy_timeout(settings):
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":
        pytest.skip("SQLite only")
    options = settings.DATABASES["default"]["OPTIONS"]
    assert "journal_mode=WAL" in options["init_command"]
    assert options["timeout"] >= 5
