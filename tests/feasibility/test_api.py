"""POST /api/v1/feasibility/evaluate and the `openpromotor feasibility evaluate` command."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from openpromotor.feasibility.engine import evaluate
from openpromotor.feasibility.report import EXAMPLE, example_scenario

URL = "/api/v1/feasibility/evaluate"


def post(client, body):
    data = body if isinstance(body, str) else json.dumps(body)
    return client.post(URL, data, content_type="application/json")


def test_evaluate_returns_the_engine_result(client):
    response = post(client, EXAMPLE.read_text(encoding="utf-8"))
    assert response.status_code == 200
    result = response.json()
    assert result == json.loads(json.dumps(evaluate(example_scenario())))
    assert result["capital"]["total"]["amount"] == "7720860.76"


def test_decimals_stay_exact(client):
    """0.1 parsed as a float would give a different VAT line than the exact decimal."""
    body = '{"building": {"gross_floor_area_m2": 100}, "works": {"vat_rate": 0.06}}'
    result = post(client, body).json()
    assert result["scenario"]["works"]["vat_rate"] == "0.06"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        (
            {"building": {"gross_floor_area_m2": 100}, "acquisition": {"price": -1}},
            "acquisition.price",
        ),
        ({"building": {"gross_floor_area_m2": 100}, "works": {"vat_rate": 21}}, "works.vat_rate"),
        ({"building": {"gross_floor_area_m2": 100, "colour": "red"}}, "building.colour"),
        ({}, "building.gross_floor_area_m2"),
        ([1, 2], "scenario"),
        (
            {"building": {"gross_floor_area_m2": 100}, "acquisition": {"price": 1e30}},
            "acquisition.price",
        ),
        ("{not json", "scenario"),
    ],
)
def test_bad_input_is_a_422_naming_the_field(client, body, field):
    response = post(client, body)
    assert response.status_code == 422
    errors = response.json()["errors"]
    assert field in [error["field"] for error in errors]
    assert all(error["message"] for error in errors)


def test_the_endpoint_is_in_the_openapi_schema(client):
    schema = client.get("/api/v1/openapi.json").json()
    operation = schema["paths"][URL]["post"]
    assert "422" in operation["responses"]
    assert operation["requestBody"]["content"]["application/json"]["example"]["building"]


def test_command_prints_the_result(tmp_path):
    out = StringIO()
    call_command("feasibility", "evaluate", str(EXAMPLE), stdout=out)
    assert json.loads(out.getvalue())["capital"]["total"]["amount"] == "7720860.76"


def test_command_reports_bad_input(tmp_path):
    scenario = tmp_path / "bad.json"
    scenario.write_text('{"acquisition": {"price": -1}}', encoding="utf-8")
    err = StringIO()
    with pytest.raises(CommandError) as raised:
        call_command("feasibility", "evaluate", str(scenario), stdout=StringIO(), stderr=err)
    assert raised.value.returncode == 2
    fields = [error["field"] for error in json.loads(err.getvalue())["errors"]]
    assert "acquisition.price" in fields


def test_a_community_land_trust_split_over_the_api(client):
    scenario = example_scenario() | {"land": {"share_of_price": "0.25", "ground_fee_year": 1200}}
    result = post(client, scenario).json()
    assert result["land"]["price"]["amount"] == "287500.00"
    keys = [line["key"] for line in result["capital"]["lines"]]
    assert "long_lease_duty" in keys
    assert result["operation"]["ground_fee"]["amount"] == "1200.00"
    bad = post(client, example_scenario() | {"land": {"share_of_price": "0.25", "fee": 1}})
    assert bad.status_code == 422
    fields = {error["field"] for error in bad.json()["errors"]}
    assert fields == {"land.ground_fee_year", "land.fee"}


def test_command_compares_with_a_variant():
    out = StringIO()
    call_command(
        "feasibility",
        "compare",
        str(EXAMPLE),
        "--variant",
        "clt_split",
        "--land-share",
        "0.25",
        "--ground-fee",
        "1200",
        stdout=out,
    )
    table = json.loads(out.getvalue())
    assert table["names"][1] == "CLT split: land 25 %, ground fee 1,200.00 a year"
    rows = {row["key"]: row for row in table["rows"]}
    assert rows["capital.lines.long_lease_duty"]["values"] == ["0.00", "5940.00"]
