"""Settings for checking that the committed catalogues are up to date (test_translations.py)."""

import os

from openpromotor.settings import *  # noqa: F403

LOCALE_PATHS = [os.environ["OPENPROMOTOR_TEST_LOCALE_DIR"]]
