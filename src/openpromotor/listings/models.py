"""Listings (zoekertjes), saved searches with alerts, and abuse reports on listings.

One table holds the four kinds of listing: they share the common fields, the state and the
"where", and each kind fills its own typed fields (the others stay empty). One table keeps the
list, the filters, the feed and the API simple, and every filter an index can serve.

A listing's location is public by design (a seeker's search point, an offer's spot), so its
fields carry the same names as a place's public location (``public_latitude``,
``public_longitude``, ``public_tile_key``): ``places.filters.within_bbox`` and the map's
clustering work on listings as they are.

A listing outlives its author's account: ``author`` becomes empty (shown as "former member")
and a published listing is closed as withdrawn (``signals.close_listings_of_deleted_account``).
"""

from datetime import timedelta

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from openpromotor.geo.distance import bbox_around
from openpromotor.geo.tiles import quadkey
from openpromotor.listings.fields import ChoiceListField
from openpromotor.listings.matching import MAX_RADIUS_KM
from openpromotor.listings.vocabulary import (
    ClosedReason,
    Commitment,
    Discipline,
    FeeModel,
    Frequency,
    Kind,
    Language,
    Role,
    Status,
    Tenure,
    Use,
)
from openpromotor.places.models import MAX_AREA_M2, BuildingType, Condition

LIFETIME = timedelta(days=90)
"""A published listing expires after this long unless its author renews it."""

REMINDER_BEFORE = timedelta(days=7)
"""The author is reminded this long before the listing expires."""

REACH_FACTOR = 2
"""Matching gives no location points beyond twice a seeker's radius (``matching``)."""

MAX_MONEY = 100_000_000
MAX_GROUP_SIZE = 10_000


def _money(label, digits=12):
    return models.DecimalField(
        label,
        max_digits=digits,
        decimal_places=0,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(MAX_MONEY)],
    )


def _area(label):
    return models.PositiveIntegerField(
        label, null=True, blank=True, validators=[MaxValueValidator(MAX_AREA_M2)]
    )


class ListingQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Status.PUBLISHED)


class Listing(models.Model):
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=140)
    description = models.TextField(
        _("description"), max_length=10_000, help_text=_("You can use Markdown.")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="listings",
        verbose_name=_("author"),
        help_text=_("Empty once the author deleted their account (a former member)."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    closed_reason = models.CharField(
        _("closed because"), max_length=10, choices=ClosedReason.choices, blank=True
    )
    moderation_note = models.TextField(_("note from the moderators"), blank=True)

    # Where: one or more municipalities, and/or a point (with a radius for a search area).
    municipalities = models.ManyToManyField(
        "municipalities.Municipality",
        blank=True,
        related_name="listings",
        verbose_name=_("municipalities"),
    )
    public_latitude = models.FloatField(_("latitude"), null=True, blank=True)
    public_longitude = models.FloatField(_("longitude"), null=True, blank=True)
    public_tile_key = models.CharField(max_length=20, blank=True, editable=False)
    place_label = models.CharField(
        _("name of this spot"),
        max_length=80,
        blank=True,
        help_text=_("For example a neighbourhood: shown in the reasons of matches."),
    )
    radius_km = models.FloatField(_("radius (km)"), null=True, blank=True)
    reach_min_lat = models.FloatField(null=True, editable=False)
    reach_max_lat = models.FloatField(null=True, editable=False)
    reach_min_lon = models.FloatField(null=True, editable=False)
    reach_max_lon = models.FloatField(null=True, editable=False)

    # Seek space.
    uses = ChoiceListField(_("intended uses"), options=Use.choices)
    min_area_m2 = _area(_("floor area from (m²)"))
    max_area_m2 = _area(_("floor area up to (m²)"))
    tenures = ChoiceListField(_("tenure"), options=Tenure.choices)
    max_price = _money(_("budget to buy (€, at most)"))
    max_rent_month = _money(_("budget to rent (€ per month, at most)"), digits=10)
    wanted_from = models.DateField(_("wanted from"), null=True, blank=True)
    wanted_until = models.DateField(
        _("wanted until"), null=True, blank=True, help_text=_("Leave empty for a permanent need.")
    )
    group_size = models.PositiveSmallIntegerField(
        _("group size (people)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(MAX_GROUP_SIZE)],
    )
    open_to_cooperative = models.BooleanField(_("open to a cooperative"), default=False)
    findable = models.BooleanField(
        _("let owners find me"),
        default=False,
        help_text=_("Show this need to owners and offers that match it."),
    )

    # Offer space.
    place = models.ForeignKey(
        "places.Place",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="listings",
        verbose_name=_("building on the map"),
    )
    building_type = models.CharField(
        _("building type"), max_length=24, choices=BuildingType.choices, blank=True
    )
    floor_area_m2 = _area(_("floor area (m²)"))
    asking_price = _money(_("asking price (€)"))
    asking_rent_month = _money(_("asking rent (€ per month)"), digits=10)
    condition = models.CharField(
        _("condition"), max_length=24, choices=Condition.choices, blank=True
    )
    conditions = models.TextField(_("conditions of use"), max_length=2000, blank=True)
    available_from = models.DateField(_("available from"), null=True, blank=True)
    available_until = models.DateField(_("available until"), null=True, blank=True)

    # Seek partners (disciplines: the expertise wanted) and offer expertise (the one offered).
    roles = ChoiceListField(_("roles wanted"), options=Role.choices)
    disciplines = ChoiceListField(_("disciplines"), options=Discipline.choices)
    skills = models.CharField(_("skills"), max_length=300, blank=True)
    commitment = models.CharField(
        _("commitment"), max_length=12, choices=Commitment.choices, blank=True
    )
    share_amount = _money(_("share expected per member (€)"))
    languages = ChoiceListField(_("languages"), options=Language.choices)
    fee_model = models.CharField(
        _("fee model"), max_length=12, choices=FeeModel.choices, blank=True
    )

    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    expires_at = models.DateTimeField(_("expires"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = ListingQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-created_at"]
        indexes = [
            models.Index(fields=["kind", "status", "public_tile_key"], name="listing_kind_tile"),
            models.Index(fields=["kind", "status", "floor_area_m2"], name="listing_kind_area"),
            models.Index(fields=["status", "-published_at"], name="listing_status_published"),
            models.Index(fields=["status", "expires_at"], name="listing_status_expires"),
            # Owners' matches: findable seekers whose search area holds a point.
            models.Index(
                fields=["kind", "status", "findable", "reach_min_lat"], name="listing_reach"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(radius_km__isnull=True)
                | Q(radius_km__gt=0, radius_km__lte=MAX_RADIUS_KM),
                name="listing_radius_range",
            )
        ]
        verbose_name = _("listing")
        verbose_name_plural = _("listings")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.update_location_keys()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("listings:detail", args=[self.pk])

    def update_location_keys(self) -> None:
        """The tile key of the point, and for a search area the box that matching can reach."""
        has_point = self.public_latitude is not None and self.public_longitude is not None
        self.public_tile_key = (
            quadkey(self.public_latitude, self.public_longitude) if has_point else ""
        )
        reach = (
            bbox_around(self.public_latitude, self.public_longitude, REACH_FACTOR * self.radius_km)
            if has_point and self.radius_km
            else None
        )
        self.reach_min_lat = reach.min_lat if reach else None
        self.reach_max_lat = reach.max_lat if reach else None
        self.reach_min_lon = reach.min_lon if reach else None
        self.reach_max_lon = reach.max_lon if reach else None

    @property
    def has_point(self) -> bool:
        return self.public_latitude is not None and self.public_longitude is not None

    @property
    def is_public(self) -> bool:
        return self.status == Status.PUBLISHED

    @property
    def is_need(self) -> bool:
        return self.kind in (Kind.SEEK_SPACE, Kind.SEEK_PARTNERS)

    def labels(self, name: str, vocabulary) -> list[str]:
        """The labels of a list field's values, e.g. ``labels("uses", Use)``."""
        return [str(vocabulary(value).label) for value in getattr(self, name)]

    def use_labels(self):
        return self.labels("uses", Use)

    def tenure_labels(self):
        return self.labels("tenures", Tenure)

    def role_labels(self):
        return self.labels("roles", Role)

    def discipline_labels(self):
        return self.labels("disciplines", Discipline)

    def language_labels(self):
        return self.labels("languages", Language)


class SavedSearch(models.Model):
    """A filter kept by a person, with e-mail alerts about what is new since the last one.

    ``target`` says what the search runs on: the listings filter, the places filter (both kept
    as the query string of their list page), or the matches of one of the person's needs.
    ``checked_until`` is the watermark: the next alert lists only what was published after it.
    """

    class Target(models.TextChoices):
        LISTINGS = "listings", _("listings")
        PLACES = "places", _("buildings")
        MATCHES = "matches", _("matches of my listing")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_searches"
    )
    name = models.CharField(_("name"), max_length=120)
    target = models.CharField(max_length=10, choices=Target.choices)
    query = models.TextField(blank=True, max_length=2000)
    listing = models.ForeignKey(
        Listing, on_delete=models.CASCADE, null=True, blank=True, related_name="saved_searches"
    )
    frequency = models.CharField(
        _("e-mail me"), max_length=8, choices=Frequency.choices, default=Frequency.DAILY
    )
    active = models.BooleanField(_("send alerts"), default=True)
    checked_until = models.DateTimeField(default=timezone.now)
    last_sent_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["active", "frequency"], name="search_due")]
        verbose_name = _("saved search")
        verbose_name_plural = _("saved searches")

    def __str__(self):
        return self.name


class ListingReport(models.Model):
    """An abuse report on a listing; moderators see it in the same queue as the buildings."""

    class State(models.TextChoices):
        OPEN = "open", _("open")
        ACCEPTED = "accepted", _("accepted")
        DECLINED = "declined", _("declined")

    listing = models.ForeignKey(Listing, on_delete=models.CASCADE, related_name="reports")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    text = models.TextField(_("what is wrong?"), max_length=2000)
    state = models.CharField(max_length=10, choices=State.choices, default=State.OPEN)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at"]
        indexes = [models.Index(fields=["state"], name="listing_report_state")]
        verbose_name = _("listing report")
        verbose_name_plural = _("listing reports")

    def __str__(self):
        return f"{self.listing}: {self.text[:40]}"
