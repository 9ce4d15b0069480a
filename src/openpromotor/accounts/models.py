"""People on the platform: an account is an e-mail address; the profile lives on the user."""

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

MODERATORS_GROUP = "moderators"
STAFF_GROUP = "staff"


def create_groups(group_model) -> None:
    """The moderator and staff groups; a data migration calls this with its historical model."""
    for name in (MODERATORS_GROUP, STAFF_GROUP):
        group_model.objects.get_or_create(name=name)


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, email, password=None, **fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email, password=None, **fields):
        fields.update(is_staff=True, is_superuser=True)
        return self.create_user(email, password, **fields)


class Role(models.TextChoices):
    """The roles a person says they take up on the platform (several may apply)."""

    SEEKER = "seeker", _("seeker or initiator")
    OWNER = "owner", _("building owner")
    EXPERT = "expert", _("expert")
    MUNICIPALITY_OFFICER = "municipality_officer", _("municipality officer")
    ORGANISATION_MEMBER = "organisation_member", _("organisation member")


class User(AbstractBaseUser, PermissionsMixin):
    email = models.EmailField(_("e-mail address"), unique=True)
    display_name = models.CharField(
        _("display name"), max_length=80, help_text=_("The name others see next to what you do.")
    )
    bio = models.TextField(_("short bio"), max_length=1000, blank=True)
    home_municipality = models.ForeignKey(
        "municipalities.Municipality",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("home municipality"),
    )
    organisation = models.CharField(_("organisation"), max_length=120, blank=True)
    skills = models.CharField(
        _("skills"),
        max_length=300,
        blank=True,
        help_text=_(
            "What you can bring to a group, in words or tags separated by commas, e.g. "
            "carpentry, bookkeeping, cooperative law. Groups looking for partners find you by "
            "them when you show them."
        ),
    )
    avatar = models.ImageField(_("avatar"), upload_to="avatars/", blank=True)

    # What the public profile shows; everything is private until the person opts in.
    profile_is_public = models.BooleanField(_("show my public profile page"), default=False)
    show_bio = models.BooleanField(_("show my bio"), default=False)
    show_municipality = models.BooleanField(_("show my municipality"), default=False)
    show_roles = models.BooleanField(_("show my roles"), default=False)
    show_organisation = models.BooleanField(_("show my organisation"), default=False)
    show_skills = models.BooleanField(_("show my skills"), default=False)
    show_avatar = models.BooleanField(_("show my avatar"), default=False)

    is_staff = models.BooleanField(_("may use the admin"), default=False)
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("joined"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["display_name"]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        return self.display_name or self.email

    def get_full_name(self):
        return self.display_name

    def get_short_name(self):
        return self.display_name

    @property
    def roles(self) -> list[str]:
        return [role.role for role in self.role_set.all()]

    def role_labels(self) -> list[str]:
        return [Role(role).label for role in self.roles]

    def set_roles(self, roles) -> None:
        self.role_set.exclude(role__in=roles).delete()
        for role in roles:
            self.role_set.get_or_create(role=role)

    def badges(self) -> list[str]:
        """Moderator and staff badges shown next to the person's name."""
        names = {group.name for group in self.groups.all()}
        return [group for group in (STAFF_GROUP, MODERATORS_GROUP) if group in names]


class UserRole(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="role_set")
    role = models.CharField(_("role"), max_length=32, choices=Role.choices)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "role"], name="unique_user_role")]
        verbose_name = _("role")
        verbose_name_plural = _("roles")

    def __str__(self):
        return self.get_role_display()
