import pytest
from django.utils import translation

from openpromotor.municipalities import loader
from openpromotor.municipalities.models import AdministrativeUnit, Municipality, PostalCode


@pytest.mark.django_db
def test_the_bundled_data_is_loaded_by_the_migrations():
    assert Municipality.objects.current().count() == 581
    assert AdministrativeUnit.objects.filter(level=1).count() == 3
    assert PostalCode.objects.count() == 2781


@pytest.mark.django_db
def test_a_municipality_has_its_hierarchy_and_names_in_three_languages():
    antwerpen = Municipality.objects.get(nis_code="11002")
    assert antwerpen.parent.name_nl == "Arrondissement Antwerpen"
    assert antwerpen.parent.parent.name_nl == "Provincie Antwerpen"
    assert antwerpen.parent.parent.parent.name_nl == "Vlaams Gewest"
    with translation.override("fr"):
        assert antwerpen.name == "Anvers"
    with translation.override("nl"):
        assert antwerpen.name == "Antwerpen"


@pytest.mark.django_db
def test_merged_municipalities_are_kept_but_not_current():
    puurs = Municipality.objects.get(nis_code="12030")
    assert puurs.valid_until is not None
    assert not Municipality.objects.current().filter(pk=puurs.pk).exists()
    assert Municipality.objects.current().filter(nis_code="12041").exists()  # Puurs-Sint-Amands


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("code", "place", "nis_code"),
    [("2000", "Antwerpen", "11002"), ("9000", "Gent", "44021"), ("2800", "Walem", "12025")],
)
def test_postal_codes_point_to_their_municipality(code, place, nis_code):
    postal_code = PostalCode.objects.get(code=code, place=place)
    assert postal_code.municipality.nis_code == nis_code
    assert 49.4 < postal_code.latitude < 51.6


@pytest.mark.django_db
def test_loading_again_changes_nothing():
    before = (AdministrativeUnit.objects.count(), PostalCode.objects.count())
    assert loader.load(AdministrativeUnit, PostalCode) == (2760, 2781)
    assert (AdministrativeUnit.objects.count(), PostalCode.objects.count()) == before
