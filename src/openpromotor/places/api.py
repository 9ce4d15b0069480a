"""The places API: published places as GeoJSON, map clusters, and reports by verified users.

Filters are validated by ``PlaceFilterForm``, the same form as the list and map pages, so a
filter means the same everywhere. Every error is a 422 in django-ninja's own shape,
``{"detail": [{"loc": [...], "msg": ...}]}``, whether the schema or the form found it.

Responses are built as plain dicts and sent as they are: the schemas below document them in
the OpenAPI schema (and the tests hold the responses to them) without validating a thousand
features per request.
"""

from datetime import date, datetime
from typing import Any, Literal

from django.http import Http404, JsonResponse
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError, ValidationError

from openpromotor.core.api_auth import api_auth
from openpromotor.geo.clustering import Cluster
from openpromotor.geo.tiles import MAX_ZOOM
from openpromotor.places import public, services
from openpromotor.places.clusters import cluster_places, cluster_published
from openpromotor.places.filters import PlaceFilterForm
from openpromotor.places.models import (
    Availability,
    BuildingType,
    Condition,
    Occupancy,
    OwnershipKind,
    Place,
    Source,
    Status,
)
from openpromotor.places.validation import MunicipalityLookup, clean_place_data

router = Router(tags=["places"])

GEOJSON = "application/geo+json"
PAGE_SIZE = 100
MAX_PAGE_SIZE = 1000


# --- Documented shapes ----------------------------------------------------------------------


class PointOut(Schema):
    type: Literal["Point"]
    coordinates: list[float] = Field(description="[longitude, latitude], the public location")


class MunicipalityOut(Schema):
    nis_code: str
    name: str


class PlaceProperties(Schema):
    id: int
    title: str
    building_type: BuildingType
    floor_area_m2: int | None
    occupancy: Occupancy
    availability: list[Availability]
    ownership_kind: OwnershipKind
    municipality: MunicipalityOut
    location_is_approximate: bool = Field(
        description="The point is a stable offset of up to 300 m from the building."
    )
    url: str = Field(description="The place's page")


class PhotoOut(Schema):
    url: str
    thumbnail_url: str
    rights_holder: str
    caption: str


class PlaceDetailProperties(PlaceProperties):
    description: str = Field(description="Markdown")
    street: str = Field(description="Empty when the location is approximate")
    house_number: str
    box: str
    postal_code: str
    external_id: str = Field(description="A register id; empty when the location is approximate")
    plot_area_m2: int | None
    floors: int | None
    construction_year: int | None
    condition: Condition | Literal[""]
    vacant_since: int | None
    asking_price: int | None
    asking_rent_month: int | None
    temporary_use_from: date | None
    temporary_use_until: date | None
    protected_heritage: bool
    links: list[str]
    published_at: datetime | None
    updated_at: datetime
    photos: list[PhotoOut]


class ReportedPlaceProperties(PlaceDetailProperties):
    status: Status


class PlaceFeature(Schema):
    type: Literal["Feature"]
    id: int
    geometry: PointOut
    properties: PlaceProperties


class PlaceDetailFeature(PlaceFeature):
    properties: PlaceDetailProperties


class ReportedPlaceFeature(PlaceFeature):
    properties: ReportedPlaceProperties


class PlaceCollection(Schema):
    type: Literal["FeatureCollection"]
    features: list[PlaceFeature]
    next: str | None = Field(None, description="The next page; absent on the last page")


class ClusterProperties(Schema):
    cluster: Literal[True]
    count: int = Field(ge=2)
    cell: str = Field(description="The quadkey of the cluster's cell")


class ClusterFeature(Schema):
    type: Literal["Feature"]
    id: str
    geometry: PointOut = Field(description="The mean public location of the cluster's places")
    bbox: list[float] = Field(description="The cell: [minLon, minLat, maxLon, maxLat]")
    properties: ClusterProperties


class SingleProperties(PlaceProperties):
    cluster: Literal[False]


class SingleFeature(PlaceFeature):
    properties: SingleProperties


class ClusterCollection(Schema):
    type: Literal["FeatureCollection"]
    features: list[ClusterFeature | SingleFeature]
    count: int = Field(description="The number of matching places in the bbox")


class ErrorOut(Schema):
    detail: Any


# --- Input ----------------------------------------------------------------------------------


class PlaceFilters(Schema):
    bbox: str | None = Field(None, description="minLon,minLat,maxLon,maxLat (WGS 84)")
    building_type: list[BuildingType] = Field([], description="Any of these (repeat)")
    occupancy: list[Occupancy] = Field([], description="Any of these (repeat)")
    availability: list[Availability] = Field([], description="Any of these (repeat)")
    ownership_kind: list[OwnershipKind] = Field([], description="Any of these (repeat)")
    municipality: str | None = Field(None, description="NIS code")
    min_area: int | None = Field(None, description="Smallest floor area (m²)")
    max_area: int | None = Field(None, description="Largest floor area (m²)")
    q: str | None = Field(None, description="Words in the title, description or street")


class ClusterFilters(PlaceFilters):
    bbox: str = Field(description="minLon,minLat,maxLon,maxLat (WGS 84)")


class PlaceIn(Schema):
    """A report of a building; it waits for a moderator before it is published."""

    title: str
    description: str = Field("", description="Markdown")
    street: str = ""
    house_number: str = ""
    box: str = ""
    postal_code: str = ""
    municipality: str | None = Field(
        None, description="NIS code; may be left out when the postal code has one municipality"
    )
    latitude: float
    longitude: float
    building_type: BuildingType
    floor_area_m2: int | None = None
    plot_area_m2: int | None = None
    floors: int | None = None
    construction_year: int | None = None
    condition: Condition | None = None
    occupancy: Occupancy
    vacant_since: int | None = Field(None, description="Year")
    ownership_kind: OwnershipKind = OwnershipKind.UNKNOWN
    availability: list[Availability] = []
    asking_price: int | None = Field(None, description="Euro")
    asking_rent_month: int | None = Field(None, description="Euro per month")
    temporary_use_from: date | None = None
    temporary_use_until: date | None = None
    protected_heritage: bool = False
    links: list[str] = []


# --- Endpoints ------------------------------------------------------------------------------


@router.get(
    "",
    response={200: PlaceCollection, 422: ErrorOut},
    summary="Published places as GeoJSON",
)
def list_places(
    request,
    filters: Query[PlaceFilters],
    limit: int = Query(PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE),
    after: int = Query(0, ge=0, description="Give the id of the previous page's last place"),
):
    """Published places in id order, a page at a time: follow ``next`` for the rest."""
    places = _filtered(filters).filter(pk__gt=after).order_by("pk")
    page = list(_with_summary_fields(places)[: limit + 1])
    features = [_summary_feature(request, place) for place in page[:limit]]
    body: dict[str, Any] = {"type": "FeatureCollection", "features": features}
    if len(page) > limit:
        query = request.GET.copy()
        query["after"] = page[limit - 1].pk
        body["next"] = request.build_absolute_uri("?" + query.urlencode())
    return JsonResponse(body, content_type=GEOJSON)


@router.get(
    "/clusters",
    response={200: ClusterCollection, 422: ErrorOut},
    summary="Clusters and single places for a map view",
)
def place_clusters(
    request,
    filters: Query[ClusterFilters],
    zoom: int = Query(..., ge=0, le=MAX_ZOOM, description="The map's zoom level"),
):
    """The matching published places in ``bbox``, grouped per cell of the map at ``zoom``.

    A cell with several places is a cluster with their ``count``; a cell with one place gives
    that place. The counts add up to the number of matching places inside the bbox.
    """
    form = _filter_form(filters)
    if _only_the_map_area(form):
        groups = cluster_published(form.cleaned_data["bbox"], zoom)
    else:
        groups = cluster_places(form.filter(Place.objects.published()), zoom)
    single_ids = [group.id for group in groups if not isinstance(group, Cluster)]
    singles = _with_summary_fields(Place.objects.filter(pk__in=single_ids)).in_bulk()
    features, count = [], 0
    for group in groups:
        if isinstance(group, Cluster):
            features.append(_cluster_feature(group))
            count += group.count
        elif group.id in singles:  # not deleted since the clusters were counted
            feature = _summary_feature(request, singles[group.id])
            feature["properties"]["cluster"] = False
            features.append(feature)
            count += 1
    body = {"type": "FeatureCollection", "features": features, "count": count}
    return JsonResponse(body, content_type=GEOJSON)


@router.get(
    "/{int:place_id}",
    response={200: PlaceDetailFeature, 404: ErrorOut},
    summary="One published place",
)
def get_place(request, place_id: int):
    place = (
        Place.objects.published()
        .select_related("municipality")
        .prefetch_related("photos")
        .filter(pk=place_id)
        .first()
    )
    if place is None:
        raise Http404
    return JsonResponse(_detail_feature(request, place), content_type=GEOJSON)


@router.post(
    "",
    auth=api_auth,
    response={201: ReportedPlaceFeature, 401: ErrorOut, 403: ErrorOut, 422: ErrorOut},
    summary="Report a building",
)
def report_place(request, payload: PlaceIn):
    """For users with a verified e-mail address (a token or the browser session with CSRF).

    The new place is ``pending`` until a moderator publishes it.
    """
    if not request.user.has_perm("places.report_place"):
        raise HttpError(403, _("Verify your e-mail address before you report a building."))
    values, errors = clean_place_data(payload.model_dump(mode="json"), MunicipalityLookup())
    if errors:
        raise ValidationError(_error_list(("body", "payload"), errors))
    place = services.report_place(Place(**values, source=Source.CITIZEN), request.user)
    body = _detail_feature(request, place)
    body["properties"]["status"] = place.status
    return JsonResponse(body, status=201, content_type=GEOJSON)


# --- Helpers --------------------------------------------------------------------------------


def _filtered(filters: PlaceFilters):
    """Published places that match the filters; form errors become a 422."""
    return _filter_form(filters).filter(Place.objects.published())


def _filter_form(filters: PlaceFilters) -> PlaceFilterForm:
    """The validated filter form; its errors become a 422."""
    form = PlaceFilterForm(filters.model_dump(mode="json", exclude_none=True))
    if not form.is_valid():
        raise ValidationError(_error_list(("query",), form.errors.get_json_data()))
    return form


def _only_the_map_area(form: PlaceFilterForm) -> bool:
    """Whether the map area is the only filter, so that the tile summary can answer."""
    return all(
        value in (None, "", []) for name, value in form.cleaned_data.items() if name != "bbox"
    )


def _error_list(location: tuple[str, ...], errors: dict) -> list[dict[str, Any]]:
    """Field errors in django-ninja's shape; non-field errors point at the whole input."""
    return [
        {
            "type": "value_error",
            "loc": [*location] if name == "__all__" else [*location, name],
            "msg": message["message"] if isinstance(message, dict) else str(message),
        }
        for name, messages in errors.items()
        for message in messages
    ]


def _with_summary_fields(places):
    return places.select_related("municipality").only(*public.SUMMARY_FIELDS)


def _summary_feature(request, place: Place) -> dict[str, Any]:
    url = request.build_absolute_uri(place.get_absolute_url())
    return public.feature(place, public.summary(place, url))


def _detail_feature(request, place: Place) -> dict[str, Any]:
    properties = public.details(place, request.build_absolute_uri(place.get_absolute_url()))
    properties["photos"] = [
        {
            "url": request.build_absolute_uri(photo.image.url),
            "thumbnail_url": request.build_absolute_uri(photo.thumbnail.url),
            "rights_holder": photo.rights_holder,
            "caption": photo.caption,
        }
        for photo in place.photos.all()
    ]
    return public.feature(place, properties)


def _cluster_feature(cluster: Cluster) -> dict[str, Any]:
    bounds = cluster.bounds
    return {
        "type": "Feature",
        "id": f"cell-{cluster.cell}",
        "geometry": {
            "type": "Point",
            "coordinates": [
                round(cluster.lon, public.COORDINATE_DECIMALS),
                round(cluster.lat, public.COORDINATE_DECIMALS),
            ],
        },
        "bbox": [bounds.min_lon, bounds.min_lat, bounds.max_lon, bounds.max_lat],
        "properties": {"cluster": True, "count": cluster.count, "cell": cluster.cell},
    }
