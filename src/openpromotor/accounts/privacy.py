"""Self-service privacy: download my data, delete my account."""

from django.apps import apps
from django.db import transaction


def account_data(user) -> dict:
    from allauth.account.models import EmailAddress

    return {
        "email": user.email,
        "display_name": user.display_name,
        "bio": user.bio,
        "home_municipality": user.home_municipality.name if user.home_municipality else None,
        "organisation": user.organisation,
        "skills": user.skills,
        "roles": user.roles,
        "avatar": user.avatar.url if user.avatar else None,
        "public_profile": {
            "profile_is_public": user.profile_is_public,
            "show_bio": user.show_bio,
            "show_municipality": user.show_municipality,
            "show_roles": user.show_roles,
            "show_organisation": user.show_organisation,
            "show_skills": user.show_skills,
            "show_avatar": user.show_avatar,
        },
        "groups": sorted(group.name for group in user.groups.all()),
        "date_joined": user.date_joined.isoformat(),
        "last_login": user.last_login.isoformat() if user.last_login else None,
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in EmailAddress.objects.filter(user=user)
        ],
    }


def export_personal_data(user) -> dict:
    """Everything the platform holds about a person, collected from each app that has some."""
    data = {}
    for config in apps.get_app_configs():
        collect = getattr(config, "personal_data", None)
        if collect is not None:
            data[config.label] = collect(user)
    return data


@transaction.atomic
def delete_account(user) -> None:
    """Remove the account; contributions keep existing and show "former member" as their author.

    Models that point to a user use ``on_delete=SET_NULL`` for contributions; the avatar file is
    removed once the deletion is committed.
    """
    if user.avatar:
        storage, name = user.avatar.storage, user.avatar.name
        transaction.on_commit(lambda: storage.delete(name))
    user.delete()
