"""Adopting a version of the charter and signing it.

A coordinator adopts the newest version: it is frozen from then on (see ``FrozenVersion``), and
every member who decides (coordinators and members) is asked to sign it. A signature names the
version signed; only the newest adopted version can be signed, once per person. When a newer
version is adopted, the signatures of the earlier one stay with the earlier one.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from openpromotor.accounts.templatetags.people import person_name
from openpromotor.charters.models import Signature, Version
from openpromotor.projects import activity
from openpromotor.projects.errors import ActionRefused
from openpromotor.projects.models import EventKind, Part, Project, Role
from openpromotor.projects.rules import DECIDING_ROLES


def _when(moment) -> str:
    return date_format(timezone.localtime(moment), "j F Y, H:i")


def signers(project) -> list:
    """The people asked to sign: active members with a deciding role, by name."""
    memberships = project.memberships.filter(role__in=DECIDING_ROLES, user__is_active=True)
    return [m.user for m in memberships.select_related("user").order_by("user__display_name")]


def not_signed(version) -> list:
    """Who is asked to sign this version and has not yet."""
    signed = set(version.signatures.values_list("user_id", flat=True))
    return [user for user in signers(version.project) if user.pk not in signed]


@transaction.atomic
def adopt(version, actor) -> Version:
    project = Project.objects.select_for_update().get(pk=version.project_id)
    version = Version.objects.select_for_update().get(pk=version.pk)
    if version.is_adopted:
        raise ActionRefused(
            _("Version %(number)s was already adopted on %(date)s.")
            % {"number": version.number, "date": _when(version.adopted_at)}
        )
    newest = project.charter_versions.select_related("saved_by").first()
    if newest.pk != version.pk:
        raise ActionRefused(
            _(
                "Version %(number)s is no longer the newest: %(name)s saved version %(newest)s "
                "since. Read that version, and adopt it if you agree with it."
            )
            % {
                "number": version.number,
                "name": person_name(newest.saved_by),
                "newest": newest.number,
            }
        )
    version.adopted_at, version.adopted_by = timezone.now(), actor
    version.save(update_fields=["adopted_at", "adopted_by"])
    activity.record(
        project,
        actor,
        EventKind.CHARTER,
        Part.CHARTER,
        gettext_noop("{name} adopted version {number} of the charter: please read and sign it."),
        {"name": actor.display_name, "number": version.number},
        version.get_absolute_url(),
        audience=[user for user in signers(project) if user.pk != actor.pk],
    )
    return version


@transaction.atomic
def sign(version, signer) -> Signature:
    version = Version.objects.select_for_update().get(pk=version.pk)
    if not version.is_adopted:
        raise ActionRefused(
            _("Version %(number)s is a draft: only an adopted version can be signed.")
            % {"number": version.number}
        )
    newest = version.project.charter_versions.adopted().first()
    if newest.pk != version.pk:
        raise ActionRefused(
            _(
                "Version %(number)s has been replaced by version %(newest)s, adopted on "
                "%(date)s. Read that version and sign it."
            )
            % {"number": version.number, "newest": newest.number, "date": _when(newest.adopted_at)}
        )
    earlier = version.signatures.filter(user=signer).first()  # the version's lock orders signers
    if earlier is not None:
        raise ActionRefused(
            _("You already signed version %(number)s on %(date)s.")
            % {"number": version.number, "date": _when(earlier.signed_at)}
        )
    signature = Signature.objects.create(version=version, user=signer)
    coordinators = version.project.memberships.filter(role=Role.COORDINATOR).exclude(user=signer)
    activity.record(
        version.project,
        signer,
        EventKind.CHARTER,
        Part.CHARTER,
        gettext_noop("{name} signed version {number} of the charter."),
        {"name": signer.display_name, "number": version.number},
        version.get_absolute_url(),
        audience=[membership.user for membership in coordinators.select_related("user")],
    )
    return signature
