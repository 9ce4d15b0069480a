from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeasibilityConfig(AppConfig):
    name = "openpromotor.feasibility"
    label = "feasibility"
    verbose_name = _("Feasibility plans")
