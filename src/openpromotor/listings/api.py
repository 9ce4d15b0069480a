"""The listings API: published listings, their ranked matches, map clusters, and posting.

Filters go through ``ListingFilterForm`` and new listings through ``ListingForm``, the forms
of the web pages, so a rule means the same everywhere. Every error is a 422 in django-ninja's
shape, ``{"detail": [{"loc": [...], "msg": ...}]}``, whether the schema or a form found it.
"""

from datetime import date, datetime
from typing import Any, Literal

from django.db import transaction
from django.http import Http404, JsonResponse
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError, ValidationError

from openpromotor.accounts.templatetags.people import person_name
from openpromotor.core.api_auth import api_auth
from openpromotor.core.ratelimits import limited
from openpromotor.geo.clustering import Cluster
from openpromotor.geo.tiles import MAX_ZOOM
from openpromotor.listings import matches, services
from openpromotor.listings.filters import ListingFilterForm
from openpromotor.listings.forms import ListingForm
from openpromotor.listings.models import Listing
from openpromotor.listings.reasons import reasons_data
from openpromotor.listings.views import POST_RATE
from openpromotor.listings.vocabulary import (
    Commitment,
    Discipline,
    FeeModel,
    Kind,
    Language,
    Role,
    Status,
    Tenure,
    Use,
)
from openpromotor.places.clusters import cluster_places
from openpromotor.places.models import BuildingType, Condition

router = Router(tags=["listings"])

PAGE_SIZE = 50
MAX_PAGE_SIZE = 500
COORDINATE_DECIMALS = 6

# --- Documented shapes ----------------------------------------------------------------------


class MunicipalityOut(Schema):
    nis_code: str
    name: str


class PointOut(Schema):
    latitude: float
    longitude: float


class ListingOut(Schema):
    """A published listing; the fields of other kinds are empty (null or [])."""

    id: int
    kind: Kind
    title: str
    description: str = Field(description="Markdown")
    author: str = Field(description='The author\'s display name, or "former member"')
    url: str
    status: Status
    municipalities: list[MunicipalityOut]
    location: PointOut | None = Field(description="A search point, or where the space is")
    place_label: str
    radius_km: float | None
    uses: list[Use]
    min_area_m2: int | None
    max_area_m2: int | None
    tenures: list[Tenure]
    max_price: int | None = Field(description="Budget to buy (€)")
    max_rent_month: int | None = Field(description="Budget to rent (€ per month)")
    wanted_from: date | None
    wanted_until: date | None = Field(description="Empty for a permanent need")
    group_size: int | None
    open_to_cooperative: bool
    place_id: int | None = Field(description="The building on the map that is offered")
    building_type: BuildingType | Literal[""]
    floor_area_m2: int | None
    condition: Condition | Literal[""]
    asking_price: int | None
    asking_rent_month: int | None
    conditions: str
    available_from: date | None
    available_until: date | None
    roles: list[Role]
    disciplines: list[Discipline]
    skills: str
    commitment: Commitment | Literal[""]
    share_amount: int | None
    languages: list[Language]
    fee_model: FeeModel | Literal[""]
    published_at: datetime | None
    expires_at: datetime | None


class ListingPage(Schema):
    items: list[ListingOut]
    next: str | None = Field(None, description="The next page; absent on the last page")


class ReasonOut(Schema):
    factor: str
    score: int = Field(ge=0, le=100)
    text: str = Field(description="In the request's language")


class MatchOut(Schema):
    kind: Literal["place", "listing", "profile"] = Field(
        description="A building, a listing, or a person's public profile (partner searches)"
    )
    id: int
    title: str
    url: str
    score: int = Field(ge=0, le=100)
    reasons: list[ReasonOut]


class ErrorOut(Schema):
    detail: Any


# --- Input ----------------------------------------------------------------------------------


class ListingFilters(Schema):
    kind: Kind | None = None
    q: str | None = Field(None, description="Words in the title, description or skills")
    municipality: str | None = Field(None, description="NIS code")
    use: list[Use] = Field([], description="Any of these (repeat)")
    tenure: list[Tenure] = Field([], description="Any of these (repeat)")
    min_area: int | None = Field(
        None, description="Offers from this floor area (m²), needs whose range reaches it"
    )
    max_area: int | None = None
    role: list[Role] = []
    discipline: list[Discipline] = []
    language: list[Language] = []
    fee_model: list[FeeModel] = []
    price: int | None = Field(
        None, description="€: offers asking at most this, needs with a budget to buy reaching it"
    )
    rent_month: int | None = Field(
        None,
        description="€ per month: offers asking at most this, needs with a budget to rent "
        "reaching it",
    )
    building_type: list[BuildingType] = Field(
        [], description="Offers of these building types (their own or their building's)"
    )
    condition: list[Condition] = Field([], description="Offers in these conditions")
    commitment: list[Commitment] = Field([], description="Partner searches asking these")
    max_share: int | None = Field(
        None, description="Partner searches expecting a share per member of at most this (€)"
    )
    min_group: int | None = Field(None, description="Groups of at least this many people")
    max_group: int | None = Field(None, description="Groups of at most this many people")
    cooperative: bool | None = Field(None, description="Only needs open to a cooperative")
    date_from: date | None = Field(
        None, description="Needs and offers whose wanted or available period overlaps"
    )
    date_until: date | None = None
    bbox: str | None = Field(None, description="minLon,minLat,maxLon,maxLat (WGS 84)")
    near: str | None = Field(None, description="A postal code, or latitude,longitude")
    radius_km: float | None = Field(None, description="Around ``near`` (10 km when left out)")


class ClusterFilters(ListingFilters):
    bbox: str = Field(description="minLon,minLat,maxLon,maxLat (WGS 84)")


class ListingIn(Schema):
    """A new listing. ``publish`` false keeps it a draft; a first publication of a new author
    waits for a moderator (``status`` "pending")."""

    kind: Kind
    title: str
    description: str = Field(description="Markdown")
    publish: bool = True
    municipalities: list[str] = Field([], description="NIS codes")
    latitude: float | None = None
    longitude: float | None = None
    postal_code: str = Field("", description="Its centre is used when no point is given")
    place_label: str = ""
    radius_km: float | None = Field(None, description="Above 0 and at most 300, with a point")
    uses: list[Use] = []
    min_area_m2: int | None = None
    max_area_m2: int | None = None
    tenures: list[Tenure] = []
    max_price: int | None = None
    max_rent_month: int | None = None
    wanted_from: date | None = None
    wanted_until: date | None = None
    group_size: int | None = None
    open_to_cooperative: bool = False
    findable: bool = Field(False, description="Let owners find this need")
    place_id: int | None = Field(None, description="One of your published buildings")
    building_type: BuildingType | None = None
    floor_area_m2: int | None = None
    condition: Condition | None = None
    asking_price: int | None = None
    asking_rent_month: int | None = None
    conditions: str = ""
    available_from: date | None = None
    available_until: date | None = None
    roles: list[Role] = []
    disciplines: list[Discipline] = []
    skills: str = ""
    commitment: Commitment | None = None
    share_amount: int | None = None
    languages: list[Language] = []
    fee_model: FeeModel | None = None


# --- Endpoints ------------------------------------------------------------------------------


@router.get("", response={200: ListingPage, 422: ErrorOut}, summary="Published listings")
def list_listings(
    request,
    filters: Query[ListingFilters],
    limit: int = Query(PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE),
    after: int = Query(0, ge=0, description="Give the id of the previous page's last listing"),
):
    """Published listings in id order, a page at a time: follow ``next`` for the rest."""
    listings = _filtered(filters).filter(pk__gt=after).order_by("pk")
    page = list(_with_related(listings)[: limit + 1])
    body: dict[str, Any] = {"items": [_listing(request, item) for item in page[:limit]]}
    if len(page) > limit:
        query = request.GET.copy()
        query["after"] = page[limit - 1].pk
        body["next"] = request.build_absolute_uri("?" + query.urlencode())
    return JsonResponse(body)


@router.get(
    "/clusters",
    response={200: dict, 422: ErrorOut},
    summary="Clusters and single listings for a map view (GeoJSON)",
)
def listing_clusters(
    request,
    filters: Query[ClusterFilters],
    zoom: int = Query(..., ge=0, le=MAX_ZOOM, description="The map's zoom level"),
):
    """Published listings with a location in ``bbox``, grouped per map cell as for places."""
    groups = cluster_places(_filtered(filters), zoom)
    ids = [group.id for group in groups if not isinstance(group, Cluster)]
    singles = _with_related(Listing.objects.filter(pk__in=ids)).in_bulk()
    features = []
    for group in groups:
        if isinstance(group, Cluster):
            features.append(_cluster_feature(group))
        else:
            features.append(_single_feature(request, singles[group.id]))
    count = sum(group.count if isinstance(group, Cluster) else 1 for group in groups)
    body = {"type": "FeatureCollection", "features": features, "count": count}
    return JsonResponse(body, content_type="application/geo+json")


@router.get("/{int:listing_id}", response={200: ListingOut, 404: ErrorOut}, summary="One listing")
def get_listing(request, listing_id: int):
    return JsonResponse(_listing(request, _published(listing_id)))


@router.get(
    "/{int:listing_id}/matches",
    response={200: list[MatchOut], 404: ErrorOut},
    summary="The listing's best matches, with reasons",
)
def listing_matches(request, listing_id: int):
    """Best first. A need ("seek space") gets places and "offer space" listings; an offer gets
    the needs of seekers who let owners find them; a partner search gets "offer expertise"
    listings, needs open to a cooperative and public profiles; an expert's offer gets partner
    searches."""
    found = matches.matches_for(_published(listing_id))
    body = [
        {
            "kind": item.kind,
            "id": item.id,
            "title": item.title,
            "url": request.build_absolute_uri(item.url),
            "score": item.score,
            "reasons": reasons_data(item.match),
        }
        for item in found
    ]
    return JsonResponse(body, safe=False)


@router.post(
    "",
    auth=api_auth,
    response={201: ListingOut, 401: ErrorOut, 403: ErrorOut, 422: ErrorOut, 429: ErrorOut},
    summary="Post a listing",
)
def create_listing(request, payload: ListingIn):
    """For users with a verified e-mail address (a token or the browser session with CSRF)."""
    if not request.user.has_perm("listings.add_listing"):
        raise HttpError(403, _("Verify your e-mail address before you post a listing."))
    if limited(request, "listings.post", POST_RATE):
        raise HttpError(429, _("You have posted a lot in a short time; try again later."))
    data = payload.model_dump(mode="json")
    form = ListingForm(_form_data(data), kind=payload.kind, author=request.user)
    if not form.is_valid():
        raise ValidationError(_error_list(form.errors.get_json_data()))
    with transaction.atomic():
        listing = form.save(commit=False)
        listing.kind, listing.author = payload.kind, request.user
        listing.save()
        form.save_m2m()
        if payload.publish:
            services.publish(listing)
    body = _listing(request, _with_related(Listing.objects.filter(pk=listing.pk)).get())
    return JsonResponse(body, status=201)


# --- Helpers --------------------------------------------------------------------------------

FORM_NAMES = {"latitude": "public_latitude", "longitude": "public_longitude", "place_id": "place"}
"""API names that differ from the form's."""


def _form_data(data: dict) -> dict:
    return {
        FORM_NAMES.get(name, name): value
        for name, value in data.items()
        if value is not None and name != "publish"
    }


def _error_list(errors: dict) -> list[dict[str, Any]]:
    """Form errors in django-ninja's shape, named as in the API; non-field errors point at the
    whole body."""
    api_names = {form_name: name for name, form_name in FORM_NAMES.items()}
    return [
        {
            "type": "value_error",
            "loc": ["body", "payload"]
            if name == "__all__"
            else ["body", "payload", api_names.get(name, name)],
            "msg": message["message"],
        }
        for name, messages in errors.items()
        for message in messages
    ]


def _filtered(filters: ListingFilters):
    form = ListingFilterForm(filters.model_dump(mode="json", exclude_none=True))
    if not form.is_valid():
        errors = _error_list(form.errors.get_json_data())
        for error in errors:
            error["loc"] = ["query", *error["loc"][2:]]
        raise ValidationError(errors)
    return form.filter(Listing.objects.published())


def _published(listing_id: int) -> Listing:
    listing = _with_related(Listing.objects.published().filter(pk=listing_id)).first()
    if listing is None:
        raise Http404
    return listing


def _with_related(listings):
    return listings.select_related("author").prefetch_related("municipalities")


def _whole(amount) -> int | None:
    return None if amount is None else int(amount)


def _iso(value) -> str | None:
    return None if value is None else value.isoformat()


def _listing(request, listing: Listing) -> dict[str, Any]:
    location = (
        {
            "latitude": round(listing.public_latitude, COORDINATE_DECIMALS),
            "longitude": round(listing.public_longitude, COORDINATE_DECIMALS),
        }
        if listing.has_point
        else None
    )
    return {
        "id": listing.pk,
        "kind": listing.kind,
        "title": listing.title,
        "description": listing.description,
        "author": person_name(listing.author),
        "url": request.build_absolute_uri(listing.get_absolute_url()),
        "status": listing.status,
        "municipalities": [
            {"nis_code": unit.nis_code, "name": unit.name} for unit in listing.municipalities.all()
        ],
        "location": location,
        "place_label": listing.place_label,
        "radius_km": listing.radius_km,
        "uses": listing.uses,
        "min_area_m2": listing.min_area_m2,
        "max_area_m2": listing.max_area_m2,
        "tenures": listing.tenures,
        "max_price": _whole(listing.max_price),
        "max_rent_month": _whole(listing.max_rent_month),
        "wanted_from": _iso(listing.wanted_from),
        "wanted_until": _iso(listing.wanted_until),
        "group_size": listing.group_size,
        "open_to_cooperative": listing.open_to_cooperative,
        "place_id": listing.place_id,
        "building_type": listing.building_type,
        "floor_area_m2": listing.floor_area_m2,
        "condition": listing.condition,
        "asking_price": _whole(listing.asking_price),
        "asking_rent_month": _whole(listing.asking_rent_month),
        "conditions": listing.conditions,
        "available_from": _iso(listing.available_from),
        "available_until": _iso(listing.available_until),
        "roles": listing.roles,
        "disciplines": listing.disciplines,
        "skills": listing.skills,
        "commitment": listing.commitment,
        "share_amount": _whole(listing.share_amount),
        "languages": listing.languages,
        "fee_model": listing.fee_model,
        "published_at": _iso(listing.published_at),
        "expires_at": _iso(listing.expires_at),
    }


def _point(lat: float, lon: float) -> dict[str, Any]:
    return {
        "type": "Point",
        "coordinates": [round(lon, COORDINATE_DECIMALS), round(lat, COORDINATE_DECIMALS)],
    }


def _single_feature(request, listing: Listing) -> dict[str, Any]:
    municipality = next(iter(listing.municipalities.all()), None)
    return {
        "type": "Feature",
        "id": listing.pk,
        "geometry": _point(listing.public_latitude, listing.public_longitude),
        "properties": {
            "cluster": False,
            "id": listing.pk,
            "title": listing.title,
            "kind": listing.kind,
            "url": request.build_absolute_uri(listing.get_absolute_url()),
            "municipality": {"nis_code": municipality.nis_code, "name": municipality.name}
            if municipality
            else None,
        },
    }


def _cluster_feature(cluster: Cluster) -> dict[str, Any]:
    bounds = cluster.bounds
    return {
        "type": "Feature",
        "id": f"cell-{cluster.cell}",
        "geometry": _point(cluster.lat, cluster.lon),
        "bbox": [bounds.min_lon, bounds.min_lat, bounds.max_lon, bounds.max_lat],
        "properties": {"cluster": True, "count": cluster.count, "cell": cluster.cell},
    }
