"""Belgium's administrative units (Statbel REFNIS) and postal codes (GeoNames)."""

import datetime

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class AdministrativeUnitQuerySet(models.QuerySet):
    def current(self, on: datetime.date | None = None):
        """Units valid on a day (today by default): the only ones offered in forms."""
        on = on or datetime.date.today()
        return self.filter(valid_from__lte=on).filter(
            models.Q(valid_until__isnull=True) | models.Q(valid_until__gte=on)
        )


class AdministrativeUnit(models.Model):
    """A region, province, arrondissement or municipality, identified by its NIS code.

    The REFNIS list repeats a code when its parent changed; we keep the latest version of each.
    """

    class Level(models.IntegerChoices):
        REGION = 1, _("region")
        PROVINCE = 2, _("province")
        ARRONDISSEMENT = 3, _("arrondissement")
        MUNICIPALITY = 4, _("municipality")

    nis_code = models.CharField(_("NIS code"), max_length=5, unique=True)
    level = models.PositiveSmallIntegerField(_("level"), choices=Level.choices, db_index=True)
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children"
    )
    name_nl = models.CharField(_("name (Dutch)"), max_length=120)
    name_fr = models.CharField(_("name (French)"), max_length=120)
    name_de = models.CharField(_("name (German)"), max_length=120)
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(_("valid until"), null=True, blank=True)

    objects = AdministrativeUnitQuerySet.as_manager()

    class Meta:
        ordering = ["name_nl"]
        verbose_name = _("administrative unit")
        verbose_name_plural = _("administrative units")

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        """The name in the interface language (Dutch for English, as Flemish names are used)."""
        language = (get_language() or "nl")[:2]
        return {"fr": self.name_fr, "de": self.name_de}.get(language) or self.name_nl


class MunicipalityManager(models.Manager.from_queryset(AdministrativeUnitQuerySet)):
    def get_queryset(self):
        return super().get_queryset().filter(level=AdministrativeUnit.Level.MUNICIPALITY)


class Municipality(AdministrativeUnit):
    """The municipalities among the administrative units; other apps point here."""

    objects = MunicipalityManager()

    class Meta:
        proxy = True
        ordering = ["name_nl"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")


class PostalCode(models.Model):
    """A postal code with one of its places; a code can serve several places."""

    code = models.CharField(_("postal code"), max_length=4, db_index=True)
    place = models.CharField(_("place"), max_length=120)
    latitude = models.FloatField(_("latitude"))
    longitude = models.FloatField(_("longitude"))
    province_code = models.CharField(_("province code"), max_length=3)
    arrondissement = models.ForeignKey(
        AdministrativeUnit, on_delete=models.PROTECT, null=True, related_name="+"
    )
    municipality = models.ForeignKey(
        AdministrativeUnit, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["code", "place"]
        constraints = [models.UniqueConstraint(fields=["code", "place"], name="unique_code_place")]
        verbose_name = _("postal code")
        verbose_name_plural = _("postal codes")

    def __str__(self):
        return f"{self.code} {self.place}"
