"""WSGI entry point: ``gunicorn openpromotor.wsgi``."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "openpromotor.settings")
application = get_wsgi_application()
