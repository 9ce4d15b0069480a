from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "openpromotor.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def personal_data(self, user) -> dict:
        """This app's part of "download my data"; other apps may define the same method."""
        from openpromotor.accounts.privacy import account_data

        return account_data(user)
