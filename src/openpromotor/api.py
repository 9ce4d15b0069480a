"""The JSON API at /api/v1/ (django-ninja), with its OpenAPI schema at /api/v1/openapi.json.

Each app keeps its endpoints in its own ``api.py`` as a ``router``; they are mounted here.
"""

from ninja import NinjaAPI

from openpromotor.feasibility.api import router as feasibility_router

api = NinjaAPI(
    title="Open Promotor API",
    version="1",
    description="Vacant and under-used buildings, listings and feasibility plans.",
    urls_namespace="api",
)
api.add_router("/feasibility", feasibility_router)
