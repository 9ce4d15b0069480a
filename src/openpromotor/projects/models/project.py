"""A project (initiative): a group that works on bringing a building back into use.

A project always has a public face (name, summary, purpose, municipality, phase and progress).
Each of its other parts is public or for members only, as the coordinators choose; tasks and the
activity stream are always for members only (see docs/permissions.md).
"""

import secrets

from django.conf import settings
from django.core import signing
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

INVITATION_SALT = "openpromotor.projects.invitation"
INVITATION_MAX_AGE = 30 * 24 * 3600


def new_nonce() -> str:
    """32 random hex characters; a new one makes every earlier link of an invitation invalid."""
    return secrets.token_hex(16)


class Purpose(models.TextChoices):
    HOUSING = "housing", _("housing")
    CO_HOUSING = "co_housing", _("co-housing")
    WORKSPACE = "workspace", _("workspace")
    MIXED_USE = "mixed_use", _("mixed use")
    SOCIAL_ECONOMY = "social_economy", _("social economy")
    CULTURE = "culture", _("culture")
    TEMPORARY_USE = "temporary_use", _("temporary use")
    NEIGHBOURHOOD_FACILITY = "neighbourhood_facility", _("neighbourhood facility")


class LegalForm(models.TextChoices):
    INFORMAL = "informal", _("informal group")
    ASSOCIATION = "association", _("association (vzw)")
    COOPERATIVE_IN_FORMATION = "cooperative_in_formation", _("cooperative in formation")
    COOPERATIVE = "cooperative", _("cooperative (cv)")
    COMMUNITY_LAND_TRUST = "community_land_trust", _("community land trust")
    OTHER = "other", _("other")


class ProjectStatus(models.TextChoices):
    ACTIVE = "active", _("active")
    PAUSED = "paused", _("paused")
    REALISED = "realised", _("realised")
    STOPPED = "stopped", _("stopped")


class Part(models.TextChoices):
    """The parts of a project whose visibility the coordinators choose."""

    STORY = "story", _("story")
    MEMBERS = "members", _("members")
    ROADMAP = "roadmap", _("roadmap (phases, goals, milestones, evaluations)")
    DISCUSSIONS = "discussions", _("discussions")
    DOCUMENTS = "documents", _("documents")
    PARTICIPATION_PLAN = "participation_plan", _("participation plan")
    CHARTER = "charter", _("adopted charter")


PART_FIELDS = {
    Part.STORY: "story_is_public",
    Part.MEMBERS: "members_are_public",
    Part.ROADMAP: "roadmap_is_public",
    Part.DISCUSSIONS: "discussions_are_public",
    Part.DOCUMENTS: "documents_are_public",
    Part.PARTICIPATION_PLAN: "participation_plan_is_public",
    Part.CHARTER: "charter_is_public",
}


class Role(models.TextChoices):
    COORDINATOR = "coordinator", _("coordinator")
    MEMBER = "member", _("member")
    EXPERT = "expert", _("expert adviser")
    OWNER = "owner", _("building owner")
    MUNICIPALITY = "municipality", _("municipality partner")
    OBSERVER = "observer", _("observer")


class Project(models.Model):
    name = models.CharField(_("name"), max_length=140)
    summary = models.CharField(
        _("summary"), max_length=300, help_text=_("One or two sentences for the public.")
    )
    story = models.TextField(
        _("story"), blank=True, max_length=20_000, help_text=_("You can use Markdown.")
    )
    purpose = models.CharField(_("purpose"), max_length=24, choices=Purpose.choices)
    legal_form = models.CharField(
        _("legal form"), max_length=24, choices=LegalForm.choices, default=LegalForm.INFORMAL
    )
    municipality = models.ForeignKey(
        "municipalities.Municipality",
        on_delete=models.PROTECT,
        related_name="projects",
        verbose_name=_("municipality"),
    )
    places = models.ManyToManyField(
        "places.Place", related_name="projects", blank=True, verbose_name=_("buildings")
    )
    listings = models.ManyToManyField(
        "listings.Listing", related_name="projects", blank=True, verbose_name=_("listings")
    )
    plans = models.ManyToManyField(
        "feasibility.Plan",
        related_name="projects",
        blank=True,
        verbose_name=_("feasibility plans"),
    )
    current_phase = models.ForeignKey(
        "projects.Phase",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("current phase"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=ProjectStatus.choices, default=ProjectStatus.ACTIVE
    )
    story_is_public = models.BooleanField(_("the story is public"), default=True)
    members_are_public = models.BooleanField(_("the member list is public"), default=False)
    roadmap_is_public = models.BooleanField(_("the roadmap is public"), default=True)
    discussions_are_public = models.BooleanField(_("the discussions are public"), default=False)
    documents_are_public = models.BooleanField(_("the documents are public"), default=False)
    participation_plan_is_public = models.BooleanField(
        _("the participation plan is public"), default=False
    )
    charter_is_public = models.BooleanField(_("the adopted charter is public"), default=False)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="Membership", related_name="projects"
    )
    followers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        through="ProjectFollow",
        related_name="followed_projects",
        blank=True,
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["-updated_at", "-pk"]
        indexes = [models.Index(fields=["status", "municipality"], name="project_status_muni")]
        verbose_name = _("project")
        verbose_name_plural = _("projects")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("projects:detail", args=[self.pk])

    def is_public(self, part: str) -> bool:
        return getattr(self, PART_FIELDS[Part(part)])

    def public_parts(self) -> set[str]:
        return {part for part in Part.values if self.is_public(part)}


class Membership(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="project_memberships"
    )
    role = models.CharField(_("role"), max_length=12, choices=Role.choices)
    joined_at = models.DateTimeField(_("joined"), default=timezone.now)

    class Meta:
        ordering = ["joined_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["project", "user"], name="unique_project_member")
        ]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self):
        return f"{self.user} · {self.get_role_display()} · {self.project}"


class Invitation(models.Model):
    """An invitation by e-mail; the link carries a signed token, so it also works for someone
    who has no account yet (they sign up, then accept). The nonce lets a revoked or used
    invitation's link stop working although its signature is still valid."""

    class State(models.TextChoices):
        PENDING = "pending", _("waiting for an answer")
        ACCEPTED = "accepted", _("accepted")
        DECLINED = "declined", _("declined")
        REVOKED = "revoked", _("withdrawn")

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("e-mail address"))
    role = models.CharField(_("role"), max_length=12, choices=Role.choices, default=Role.MEMBER)
    message = models.TextField(_("personal message"), blank=True, max_length=1000)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    nonce = models.CharField(max_length=32, default=new_nonce, editable=False)
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self):
        return f"{self.email} → {self.project}"

    def get_absolute_url(self):
        return reverse("projects:invitation", args=[self.token])

    @property
    def token(self) -> str:
        return signing.dumps([self.pk, self.nonce], salt=INVITATION_SALT, compress=True)

    @classmethod
    def from_token(cls, token: str) -> "Invitation | None":
        """The invitation a link points to, or None when the link is forged or expired."""
        try:
            pk, nonce = signing.loads(token, salt=INVITATION_SALT, max_age=INVITATION_MAX_AGE)
        except (signing.BadSignature, ValueError, TypeError):
            return None
        return cls.objects.select_related("project").filter(pk=pk, nonce=nonce).first()


class JoinRequest(models.Model):
    class State(models.TextChoices):
        OPEN = "open", _("waiting for a coordinator")
        ACCEPTED = "accepted", _("accepted")
        DECLINED = "declined", _("declined")

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="join_requests")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="project_join_requests"
    )
    message = models.TextField(
        _("why you want to join"), max_length=2000, blank=True, help_text=_("Optional.")
    )
    state = models.CharField(max_length=10, choices=State.choices, default=State.OPEN)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "user"],
                condition=models.Q(state="open"),
                name="one_open_join_request",
            )
        ]
        verbose_name = _("request to join")
        verbose_name_plural = _("requests to join")

    def __str__(self):
        return f"{self.user} → {self.project}"


class ProjectFollow(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    project = models.ForeignKey(Project, on_delete=models.CASCADE)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "project"], name="unique_project_follow")
        ]

    def __str__(self):
        return f"{self.user} → {self.project}"
