from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChartersConfig(AppConfig):
    name = "openpromotor.charters"
    verbose_name = _("Charters")

    def personal_data(self, user) -> dict:
        """This app's part of "download my data": my comments on charters and my signatures."""
        from openpromotor.charters.models import Comment, Signature

        return {
            "comments": [
                {
                    "project": comment.section.project_id,
                    "section": comment.section.title,
                    "body": comment.body,
                    "created_at": comment.created_at.isoformat(),
                }
                for comment in Comment.objects.filter(
                    author=user, deleted_at__isnull=True
                ).select_related("section")
            ],
            "signatures": [
                {
                    "project": signature.version.project_id,
                    "version": signature.version.number,
                    "signed_at": signature.signed_at.isoformat(),
                }
                for signature in Signature.objects.filter(user=user).select_related("version")
            ],
        }
