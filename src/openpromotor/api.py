"""The JSON API at /api/v1/ (django-ninja), with its OpenAPI schema at /api/v1/openapi.json.

Each app keeps its endpoints in its own ``api.py`` as a ``router``; they are mounted here.
"""

from ninja import NinjaAPI

from openpromotor.feasibility.api import router as feasibility_router
from openpromotor.listings.api import router as listings_router
from openpromotor.places.api import router as places_router
from openpromotor.projects.api import router as projects_router

api = NinjaAPI(
    title="Open Promotor API",
    version="1",
    description="Vacant and under-used buildings, listings and feasibility plans.",
    urls_namespace="api",
)
api.add_router("/places", places_router)
api.add_router("/feasibility", feasibility_router)
api.add_router("/projects", projects_router)
api.add_router("/listings", listings_router)
api.add_router("/decisions", "openpromotor.decisions.api.router")
