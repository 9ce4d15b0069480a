"""What the public sees of a charter: the latest adopted version, nothing else.

Outsiders never see drafts, comments, diffs or dates of signatures. Who signed is shown by name
only when the project's member list is public too; otherwise only how many signed, so a public
charter never reveals who belongs to a project that keeps its members to itself.
"""

from dataclasses import dataclass

from openpromotor.charters import versions
from openpromotor.charters.models import StatusCount, Version
from openpromotor.projects.models import Part


@dataclass(frozen=True)
class PublicCharter:
    version: Version
    sections: list[dict]
    counts: list[StatusCount]
    signer_count: int
    signer_names: list[str] | None
    """None when the member list is not public."""


def adopted_charter(project) -> PublicCharter | None:
    """The latest adopted version as the public may see it (None when none was adopted)."""
    version = versions.latest_adopted(project)
    if version is None:
        return None
    names = [
        signature.user.display_name
        for signature in version.signatures.select_related("user")
        if signature.user is not None
    ]
    return PublicCharter(
        version=version,
        sections=version.sections(),
        counts=version.status_counts(),
        signer_count=version.signatures.count(),
        signer_names=sorted(names) if project.is_public(Part.MEMBERS) else None,
    )


def public_charter(project) -> dict:
    """The context of ``charters/_public_charter.html`` on the project's public page: the
    adopted charter when the project made it public, else nothing to show."""
    if not project.is_public(Part.CHARTER):
        return {"public_charter": None}
    return {"public_charter": adopted_charter(project)}
