from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeasibilityConfig(AppConfig):
    name = "openpromotor.feasibility"
    label = "feasibility"
    verbose_name = _("Feasibility plans")

    def personal_data(self, user) -> dict:
        """This app's part of "download my data": the person's plans and their versions."""
        return {
            "plans": [
                {
                    "title": plan.title,
                    "created_at": plan.created_at.isoformat(),
                    "versions": [
                        {"created_at": v.created_at.isoformat(), "scenario": v.scenario}
                        for v in plan.versions.all()
                    ],
                }
                for plan in user.feasibility_plans.prefetch_related("versions")
            ]
        }
