"""``POST /api/v1/feasibility/evaluate``: the engine over HTTP, for other tools and scripts.

The body is read as JSON with exact decimals (0.1 stays 0.1), so it is parsed here rather than
by a schema; the engine itself validates the scenario and names every bad field. Nothing is
stored, so the endpoint needs no log-in.
"""

import json
from decimal import Decimal

from ninja import Router, Schema
from ninja.responses import Status

from openpromotor.feasibility.engine import ScenarioError, evaluate
from openpromotor.feasibility.report import EXAMPLE, OUT_OF_RANGE

router = Router(tags=["feasibility"])


class FieldError(Schema):
    field: str
    message: str


class Errors(Schema):
    errors: list[FieldError]


REQUEST_BODY = {
    "required": True,
    "description": (
        "A scenario: the blocks building, acquisition, works, fees, financing, operation, "
        "lifecycle and land (a community land trust's land/building split), every one optional "
        "except building.gross_floor_area_m2. Rates are fractions (0.035 is 3.5 %). Unknown "
        "keys are errors."
    ),
    "content": {
        "application/json": {
            "schema": {"type": "object", "additionalProperties": True},
            "example": json.loads(EXAMPLE.read_text(encoding="utf-8")),
        }
    },
}


@router.post(
    "/evaluate",
    response={200: dict, 422: Errors},
    summary="Evaluate a feasibility scenario",
    description=(
        "Project cost with every line and its basis, financing, cost rent, life-cycle cost and "
        "warnings. Money is a string with two decimals. Texts are English; label_text, "
        "basis_text and message_text give each as a template id with its parameters, for a "
        "translation. Bad input answers 422 with one {field, message} per problem."
    ),
    openapi_extra={"requestBody": REQUEST_BODY},
)
def evaluate_scenario(request):
    try:
        scenario = json.loads(request.body or b"null", parse_float=Decimal)
    except (ValueError, UnicodeDecodeError) as error:
        return Status(
            422, {"errors": [{"field": "scenario", "message": f"not valid JSON: {error}"}]}
        )
    try:
        return Status(200, evaluate(scenario))
    except ScenarioError as error:
        return Status(422, {"errors": error.errors})
    except ArithmeticError:
        return Status(422, {"errors": [OUT_OF_RANGE]})
