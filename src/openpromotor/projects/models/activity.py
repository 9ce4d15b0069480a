"""What happens in a project: the activity stream, news posts, and who hears about what.

An activity keeps its message as a gettext template with parameters, so it reads in the
language of whoever looks at it. Its ``part`` says which part of the project it belongs to;
only members see the stream, and the only activity that reaches non-members (followers) is
public news (``PUBLIC_NEWS``).
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, override
from django.utils.translation import gettext_lazy as _

from openpromotor.projects.models.project import Role

PUBLIC_NEWS = "news"
"""The ``part`` of a public news post: the only activity that is public by its nature."""
TASKS = "tasks"
INTERNAL = "internal"
"""Members-only activities outside the parts: tasks, requests to join, members-only news."""


class EventKind(models.TextChoices):
    """What a person can choose how (and whether) to hear about."""

    MENTION = "mention", _("someone mentions me")
    TASK = "task", _("a task is assigned to me")
    DISCUSSION = "discussion", _("new discussions and comments")
    ROADMAP = "roadmap", _("phases are closed or reopened, cards are laid")
    DOCUMENT = "document", _("new documents and versions")
    MEMBERS = "members", _("members join or leave, requests to join")
    NEWS = "news", _("news posts of projects I follow or belong to")
    PARTICIPATION = "participation", _("stakeholders, participation plan, governance bodies")
    CHARTER = "charter", _("the charter is changed, adopted or signed")
    DECISION = "decision", _("proposals open, close and get an outcome")


class Frequency(models.TextChoices):
    INSTANT = "instant", _("at once (in the platform and by e-mail)")
    DAILY = "daily", _("in the platform, and a daily e-mail digest")
    WEEKLY = "weekly", _("in the platform, and a weekly e-mail digest")
    OFF = "off", _("not at all")


DEFAULT_FREQUENCIES = {
    EventKind.MENTION: Frequency.INSTANT,
    EventKind.TASK: Frequency.INSTANT,
    EventKind.DISCUSSION: Frequency.DAILY,
    EventKind.ROADMAP: Frequency.DAILY,
    EventKind.DOCUMENT: Frequency.DAILY,
    EventKind.MEMBERS: Frequency.INSTANT,
    EventKind.NEWS: Frequency.WEEKLY,
    EventKind.PARTICIPATION: Frequency.DAILY,
    EventKind.CHARTER: Frequency.DAILY,
    EventKind.DECISION: Frequency.INSTANT,
}


class Activity(models.Model):
    project = models.ForeignKey(
        "projects.Project", on_delete=models.CASCADE, related_name="activities"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    kind = models.CharField(max_length=16, choices=EventKind.choices)
    part = models.CharField(max_length=20)
    template = models.CharField(max_length=300)
    params = models.JSONField(default=dict)
    url = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["project", "-created_at"], name="activity_project_time")]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")

    def __str__(self):
        return self.message()

    def message(self, language: str | None = None) -> str:
        if language:
            with override(language):
                return self.message()
        params = dict(self.params)
        if params.get("role") in Role.values:  # kept as its value, shown in the reader's language
            params["role"] = Role(params["role"]).label
        return gettext(self.template).format(**params)


class Update(models.Model):
    """A news post by a member: public ones appear on the project's page and in its feed."""

    project = models.ForeignKey(
        "projects.Project", on_delete=models.CASCADE, related_name="updates"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    title = models.CharField(_("title"), max_length=140)
    body = models.TextField(_("text"), max_length=10_000, help_text=_("You can use Markdown."))
    is_public = models.BooleanField(
        _("public"), default=True, help_text=_("Public news appears on the project's page.")
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("news post")
        verbose_name_plural = _("news posts")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("projects:updates", args=[self.project_id]) + f"#update-{self.pk}"


class NotificationSetting(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="project_settings"
    )
    kind = models.CharField(max_length=16, choices=EventKind.choices)
    frequency = models.CharField(max_length=8, choices=Frequency.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="unique_notification_setting")
        ]

    def __str__(self):
        return f"{self.user}: {self.kind} {self.frequency}"


class DigestItem(models.Model):
    """An activity waiting for someone's daily or weekly digest."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="+")
    frequency = models.CharField(max_length=8, choices=Frequency.choices)
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["frequency", "sent_at"], name="digest_pending")]
        constraints = [
            models.UniqueConstraint(fields=["user", "activity"], name="unique_digest_item")
        ]

    def __str__(self):
        return f"{self.user}: {self.activity_id}"
