"""Places: vacant and under-used buildings (or parts of one) pinned on the map.

A place keeps its exact location and a *public* location. The public one equals the exact one
unless the owner asked for an approximate location, in which case it is a stable offset of up to
300 m. Everything the public sees (map, list, API, export) uses the public location and its tile
key, so clusters and distances never give the exact spot away.
"""

import hashlib

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from openpromotor.geo.distance import offset_point
from openpromotor.geo.tiles import quadkey

APPROXIMATE_RADIUS_M = 300
MAX_AREA_M2 = 1_000_000


class BuildingType(models.TextChoices):
    CHURCH = "church", _("church or chapel")
    MONASTERY = "monastery", _("monastery")
    SCHOOL = "school", _("school")
    OFFICE = "office", _("office")
    SHOP = "shop", _("shop or retail ground floor")
    UPPER_FLOORS = "upper_floors", _("upper floors above a shop")
    INDUSTRIAL = "industrial", _("industrial or warehouse")
    FARM = "farm", _("farm")
    HOUSE = "house", _("house")
    APARTMENT_BUILDING = "apartment_building", _("apartment building")
    PUBLIC_BUILDING = "public_building", _("public building")
    CARE_BUILDING = "care_building", _("care building")
    OTHER = "other", _("other")


class Condition(models.TextChoices):
    GOOD = "good", _("good")
    NEEDS_REFRESH = "needs_refresh", _("needs a refresh")
    NEEDS_DEEP_RENOVATION = "needs_deep_renovation", _("needs deep renovation")
    RUIN = "ruin", _("ruin")


class Occupancy(models.TextChoices):
    VACANT = "vacant", _("vacant")
    PARTLY_VACANT = "partly_vacant", _("partly vacant")
    UNDER_USED = "under_used", _("under-used")
    TEMPORARILY_USED = "temporarily_used", _("temporarily used")


class OwnershipKind(models.TextChoices):
    PRIVATE_PERSON = "private_person", _("private person")
    COMPANY = "company", _("company")
    PUBLIC_BODY = "public_body", _("municipality or public body")
    CHURCH_COUNCIL = "church_council", _("church council")
    SCHOOL_BOARD = "school_board", _("school board")
    SOCIAL_HOUSING = "social_housing", _("social housing company")
    UNKNOWN = "unknown", _("unknown")


class Availability(models.TextChoices):
    """Each value is also the name of a boolean field on Place (several may apply)."""

    FOR_SALE = "for_sale", _("for sale")
    FOR_RENT = "for_rent", _("for rent")
    TEMPORARY_USE = "temporary_use", _("open to temporary use")
    COOPERATIVE = "cooperative", _("open to a cooperative project")


class Source(models.TextChoices):
    CITIZEN = "citizen", _("citizen report")
    OWNER = "owner", _("owner")
    MUNICIPALITY_REGISTER = "municipality_register", _("municipality register")
    IMPORT = "import", _("import")


class Status(models.TextChoices):
    PENDING = "pending", _("waiting for moderation")
    PUBLISHED = "published", _("published")
    REJECTED = "rejected", _("rejected")
    ARCHIVED = "archived", _("archived")
    NO_LONGER_VACANT = "no_longer_vacant", _("no longer vacant")


# The writes below keep the tile summary exact (``places.tile_summary``); that module imports
# this one, so they import it when they run.

COUNTED_FIELDS = frozenset(
    {
        "status",
        "latitude",
        "longitude",
        "location_is_approximate",
        "public_latitude",
        "public_longitude",
        "public_tile_key",
    }
)
"""The fields a change of which can change what the tile summary counts of a place."""


class PlaceQuerySet(models.QuerySet):
    """Places; every bulk write also keeps the tile summary exact (see ``tile_summary``)."""

    def published(self):
        return self.filter(status=Status.PUBLISHED)

    def update(self, **kwargs):
        if COUNTED_FIELDS.isdisjoint(kwargs):
            return super().update(**kwargs)
        from openpromotor.places import tile_summary

        with transaction.atomic(savepoint=False):
            ids = list(self.values_list("pk", flat=True))
            before = tile_summary.tiles_of_ids(ids)
            rows = super().update(**kwargs)
            tile_summary.changed(before | tile_summary.tiles_of_ids(ids))
        return rows

    update.alters_data = True

    def delete(self):
        from openpromotor.places import tile_summary

        with transaction.atomic(savepoint=False):
            before = tile_summary.tiles_of(self)
            deleted = super().delete()
            tile_summary.changed(before)
        return deleted

    delete.alters_data = True
    delete.queryset_only = True

    def bulk_create(self, objs, batch_size=None, ignore_conflicts=False, **kwargs):
        """Insert places as they are; give each its location keys first (``update_location_keys``).

        An upsert (``update_conflicts``) is refused: the tiles it would take places from are
        not known beforehand.
        """
        if kwargs.get("update_conflicts"):
            raise ValueError("Place.objects.bulk_create() cannot update conflicts: use save().")
        from openpromotor.places import tile_summary

        with transaction.atomic(savepoint=False):
            created = super().bulk_create(objs, batch_size, ignore_conflicts, **kwargs)
            tile_summary.changed(
                tile_summary.tile_of(place.public_tile_key)
                for place in created
                if place.status == Status.PUBLISHED
            )
        return created

    bulk_create.alters_data = True


class Place(models.Model):
    title = models.CharField(_("title"), max_length=140)
    description = models.TextField(
        _("description"), blank=True, max_length=10_000, help_text=_("You can use Markdown.")
    )
    street = models.CharField(_("street"), max_length=120, blank=True)
    house_number = models.CharField(_("house number"), max_length=12, blank=True)
    box = models.CharField(_("box"), max_length=12, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=4, blank=True)
    municipality = models.ForeignKey(
        "municipalities.Municipality",
        on_delete=models.PROTECT,
        related_name="places",
        verbose_name=_("municipality"),
    )

    latitude = models.FloatField(_("latitude"))
    longitude = models.FloatField(_("longitude"))
    tile_key = models.CharField(max_length=20, editable=False)
    location_is_approximate = models.BooleanField(
        _("show only an approximate location (within 300 m)"), default=False
    )
    public_latitude = models.FloatField(editable=False)
    public_longitude = models.FloatField(editable=False)
    public_tile_key = models.CharField(max_length=20, editable=False)

    building_type = models.CharField(
        _("building type"), max_length=24, choices=BuildingType.choices
    )
    floor_area_m2 = models.PositiveIntegerField(
        _("floor area (m²)"), null=True, blank=True, validators=[MaxValueValidator(MAX_AREA_M2)]
    )
    plot_area_m2 = models.PositiveIntegerField(
        _("plot area (m²)"), null=True, blank=True, validators=[MaxValueValidator(MAX_AREA_M2)]
    )
    floors = models.PositiveSmallIntegerField(
        _("floors"), null=True, blank=True, validators=[MaxValueValidator(60)]
    )
    construction_year = models.PositiveSmallIntegerField(
        _("construction year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1000), MaxValueValidator(2100)],
    )
    condition = models.CharField(
        _("condition"), max_length=24, choices=Condition.choices, blank=True
    )
    occupancy = models.CharField(_("occupancy"), max_length=20, choices=Occupancy.choices)
    vacant_since = models.PositiveSmallIntegerField(
        _("vacant since (year)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
    )
    ownership_kind = models.CharField(
        _("kind of owner"),
        max_length=20,
        choices=OwnershipKind.choices,
        default=OwnershipKind.UNKNOWN,
    )

    for_sale = models.BooleanField(_("for sale"), default=False)
    for_rent = models.BooleanField(_("for rent"), default=False)
    temporary_use = models.BooleanField(_("open to temporary use"), default=False)
    cooperative = models.BooleanField(_("open to a cooperative project"), default=False)
    asking_price = models.DecimalField(
        _("asking price (€)"),
        max_digits=12,
        decimal_places=0,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    asking_rent_month = models.DecimalField(
        _("asking rent (€ per month)"),
        max_digits=10,
        decimal_places=0,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    temporary_use_from = models.DateField(_("temporary use from"), null=True, blank=True)
    temporary_use_until = models.DateField(_("temporary use until"), null=True, blank=True)
    protected_heritage = models.BooleanField(_("protected heritage"), default=False)
    links = models.TextField(_("links"), blank=True, help_text=_("One web address per line."))

    source = models.CharField(_("source"), max_length=24, choices=Source.choices)
    external_id = models.CharField(
        _("external id"),
        max_length=64,
        unique=True,
        null=True,
        blank=True,
        help_text=_("An id in a register, such as a CaPaKey; makes imports idempotent."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    rejection_reason = models.TextField(_("reason for rejection"), blank=True)
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reported_places",
        verbose_name=_("reporter"),
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="owned_places",
        verbose_name=_("claiming owner"),
    )
    followers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="Follow", related_name="followed_places", blank=True
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)

    objects = PlaceQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-created_at"]
        indexes = [
            # Clusters and bounding-box queries scan published places by tile-key range. The
            # public location and the id make it a covering index: the map's live counts
            # (``places.counting``) read only the index, not rows spread over the whole table.
            models.Index(
                fields=["status", "public_tile_key", "public_latitude", "public_longitude", "id"],
                name="place_status_tile",
            ),
            models.Index(fields=["status", "municipality"], name="place_status_municipality"),
            models.Index(fields=["status", "floor_area_m2"], name="place_status_area"),
            models.Index(fields=["status", "-published_at"], name="place_status_published"),
        ]
        verbose_name = _("place")
        verbose_name_plural = _("places")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        """Save, with the location keys derived and the tile summary kept exact.

        What the summary counts of this place is read before and after the save, so a stale
        instance (loaded before someone else's change) cannot mislead it.
        """
        self.update_location_keys()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and COUNTED_FIELDS.isdisjoint(update_fields):
            super().save(*args, **kwargs)
            return
        from openpromotor.places import tile_summary

        with transaction.atomic(savepoint=False):
            before = tile_summary.counted_state(self.pk)
            super().save(*args, **kwargs)
            after = tile_summary.counted_state(self.pk)
            if before != after:
                tile_summary.changed(
                    tile_summary.tile_of(state[0]) for state in (before, after) if state
                )

    def get_absolute_url(self):
        return reverse("places:detail", args=[self.pk])

    def delete(self, *args, **kwargs):
        from openpromotor.places import tile_summary

        with transaction.atomic(savepoint=False):
            before = tile_summary.tiles_of_ids([self.pk])
            deleted = super().delete(*args, **kwargs)
            tile_summary.changed(before)
        return deleted

    def update_location_keys(self) -> None:
        """Derive the tile key and the public location from the exact one."""
        self.tile_key = quadkey(self.latitude, self.longitude)
        if self.location_is_approximate:
            self.public_latitude, self.public_longitude = offset_point(
                self.latitude, self.longitude, self._offset_seed(), APPROXIMATE_RADIUS_M
            )
        else:
            self.public_latitude, self.public_longitude = self.latitude, self.longitude
        self.public_tile_key = quadkey(self.public_latitude, self.public_longitude)

    def _offset_seed(self) -> str:
        """Stable for a place and location, but not guessable without the server's secret."""
        text = f"{settings.SECRET_KEY}:{self.latitude:.6f}:{self.longitude:.6f}"
        return hashlib.sha256(text.encode()).hexdigest()

    @property
    def availabilities(self) -> list[str]:
        return [value for value in Availability.values if getattr(self, value)]

    def availability_labels(self) -> list[str]:
        return [Availability(value).label for value in self.availabilities]

    @property
    def address(self) -> str:
        number = f"{self.house_number} bus {self.box}" if self.box else self.house_number
        street = f"{self.street} {number}".strip()
        place = f"{self.postal_code} {self.municipality.name}".strip()
        return ", ".join(part for part in (street, place) if part)

    def link_list(self) -> list[str]:
        return [line.strip() for line in self.links.splitlines() if line.strip()]


class TileSummary(models.Model):
    """The published places of one map tile at ``tile_summary.SUMMARY_ZOOM``, counted.

    Kept exact by ``places.tile_summary`` in the transaction of every change of a place; the
    map's clusters add these rows up instead of counting a million places. Everything here is
    derived from the *public* locations, like everything else the map shows. A tile whose last
    place left keeps its row with a count of 0 (see ``tile_summary.refresh``).
    """

    tile = models.CharField(max_length=20, primary_key=True)  # the tile's quadkey
    x = models.PositiveIntegerField()  # the tile's column, from 180° W eastwards
    y = models.PositiveIntegerField()  # the tile's row, from the north edge southwards
    place_count = models.PositiveIntegerField()
    latitude_sum = models.FloatField()  # of the places' public latitudes
    longitude_sum = models.FloatField()
    first_place_id = models.PositiveBigIntegerField(null=True)  # the only one, when alone

    class Meta:
        indexes = [models.Index(fields=["x", "y"], name="tile_summary_xy")]

    def __str__(self):
        return f"{self.tile}: {self.place_count}"


class PlacePhoto(models.Model):
    place = models.ForeignKey(Place, on_delete=models.CASCADE, related_name="photos")
    image = models.ImageField(_("photo"), upload_to="places/")
    thumbnail = models.ImageField(upload_to="places/thumbnails/")
    rights_holder = models.CharField(
        _("rights holder"), max_length=120, help_text=_("Who took the photo or owns its rights.")
    )
    caption = models.CharField(_("caption"), max_length=200, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("photo")
        verbose_name_plural = _("photos")

    def __str__(self):
        return self.caption or self.image.name


class PlaceChange(models.Model):
    """One line of a place's change history."""

    class Kind(models.TextChoices):
        REPORTED = "reported", _("reported")
        EDITED = "edited", _("edited")
        PUBLISHED = "published", _("published")
        REJECTED = "rejected", _("rejected")
        STATUS = "status", _("status changed")
        PHOTO = "photo", _("photo added")
        CLAIMED = "claimed", _("claimed by its owner")
        MERGED = "merged", _("merged with a duplicate")
        CORRECTED = "corrected", _("correction accepted")

    place = models.ForeignKey(Place, on_delete=models.CASCADE, related_name="changes")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    fields = models.JSONField(default=list, blank=True)
    note = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("change")
        verbose_name_plural = _("changes")

    def __str__(self):
        return f"{self.get_kind_display()} ({self.created_at:%Y-%m-%d})"


class Follow(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    place = models.ForeignKey(Place, on_delete=models.CASCADE)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "place"], name="unique_follow")]

    def __str__(self):
        return f"{self.user} → {self.place}"


class ModerationItem(models.Model):
    """Something a moderator must decide on: a correction, an abuse report or an owner's claim.

    New reports wait in the same queue through their own ``pending`` status.
    """

    class Kind(models.TextChoices):
        CORRECTION = "correction", _("correction")
        ABUSE = "abuse", _("abuse report")
        CLAIM = "claim", _("ownership claim")

    class State(models.TextChoices):
        OPEN = "open", _("open")
        ACCEPTED = "accepted", _("accepted")
        DECLINED = "declined", _("declined")

    place = models.ForeignKey(Place, on_delete=models.CASCADE, related_name="moderation_items")
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    text = models.TextField(_("explanation"), max_length=2000)
    proposed_occupancy = models.CharField(
        _("proposed occupancy"), max_length=20, choices=Occupancy.choices, blank=True
    )
    no_longer_vacant = models.BooleanField(_("this building is no longer vacant"), default=False)
    state = models.CharField(max_length=10, choices=State.choices, default=State.OPEN)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at"]
        indexes = [models.Index(fields=["state", "kind"])]
        verbose_name = _("moderation item")
        verbose_name_plural = _("moderation items")

    def __str__(self):
        return f"{self.get_kind_display()}: {self.place}"


class ModeratorScope(models.Model):
    """Limits a moderator to some municipalities; a moderator without scopes moderates all."""

    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="moderator_scopes"
    )
    municipality = models.ForeignKey(
        "municipalities.Municipality", on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["moderator", "municipality"], name="unique_scope")
        ]
        verbose_name = _("moderator scope")
        verbose_name_plural = _("moderator scopes")

    def __str__(self):
        return f"{self.moderator} · {self.municipality}"
