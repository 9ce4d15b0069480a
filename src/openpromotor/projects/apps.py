from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "openpromotor.projects"
    verbose_name = _("Projects")

    def personal_data(self, user) -> dict:
        """This app's part of "download my data" (see ``privacy.py``)."""
        from openpromotor.projects.privacy import personal_data

        return personal_data(user)
