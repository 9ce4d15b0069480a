from django.contrib import admin

from openpromotor.municipalities.models import AdministrativeUnit, PostalCode


@admin.register(AdministrativeUnit)
class AdministrativeUnitAdmin(admin.ModelAdmin):
    list_display = ["nis_code", "name_nl", "name_fr", "level", "valid_from", "valid_until"]
    list_filter = ["level"]
    search_fields = ["nis_code", "name_nl", "name_fr", "name_de"]
    raw_id_fields = ["parent"]


@admin.register(PostalCode)
class PostalCodeAdmin(admin.ModelAdmin):
    list_display = ["code", "place", "municipality", "province_code"]
    search_fields = ["code", "place"]
    raw_id_fields = ["arrondissement", "municipality"]
