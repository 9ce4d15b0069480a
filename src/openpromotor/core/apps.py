from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "openpromotor.core"
    label = "core"
    verbose_name = _("Platform")

    def personal_data(self, user) -> dict:
        """This app's part of "download my data": the person's notifications."""
        return {
            "notifications": [
                {"message": n.message, "url": n.url, "created_at": n.created_at.isoformat()}
                for n in user.notifications.all()
            ]
        }
