"""The command line: ``main(argv)`` prints the result, or the errors with exit code 2."""

import json
import subprocess
import sys
from pathlib import Path

import openpromotor.feasibility.engine as engine
from openpromotor.feasibility.engine.cli import main

EXAMPLE = Path(engine.__file__).parent / "examples" / "antwerp_school.json"


def test_prints_the_result_of_a_scenario_file(capsys):
    assert main([str(EXAMPLE)]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["capital"]["total"]["amount"] == "7720860.76"


def test_bad_scenario_prints_the_errors_and_exits_2(tmp_path, capsys):
    path = tmp_path / "bad.json"
    path.write_text(
        json.dumps({"building": {"gross_floor_area_m2": 100}, "acquisition": {"price": -1}})
    )
    assert main([str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert json.loads(captured.err) == {
        "errors": [{"field": "acquisition.price", "message": "must not be negative"}]
    }


def test_invalid_json_exits_2(tmp_path, capsys):
    path = tmp_path / "broken.json"
    path.write_text("{not json")
    assert main([str(path)]) == 2
    assert json.loads(capsys.readouterr().err)["errors"][0]["field"] == "scenario"


def test_missing_file_exits_2(tmp_path, capsys):
    assert main([str(tmp_path / "absent.json")]) == 2
    assert "absent.json" in json.loads(capsys.readouterr().err)["errors"][0]["message"]


def test_missing_argument_exits_2(capsys):
    assert main([]) == 2
    assert "usage" in capsys.readouterr().err


def test_decimals_in_the_file_stay_exact(tmp_path, capsys):
    path = tmp_path / "exact.json"
    path.write_text('{"building": {"gross_floor_area_m2": 100}, "works": {"cost_per_m2": 0.1}}')
    assert main([str(path)]) == 0
    works = json.loads(capsys.readouterr().out)["capital"]["lines"][0]
    assert works["amount"] == "10.00"


def test_runs_as_a_module():
    completed = subprocess.run(
        [sys.executable, "-m", "openpromotor.feasibility.engine.cli", str(EXAMPLE)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert json.loads(completed.stdout)["name"].startswith("Antwerp")


def test_evaluate_can_be_named(capsys):
    assert main(["evaluate", str(EXAMPLE)]) == 0
    assert json.loads(capsys.readouterr().out)["capital"]["total"]["amount"] == "7720860.76"


def test_compare_a_scenario_with_ready_made_variants(tmp_path, capsys):
    clt = tmp_path / "clt.json"
    land = {"share_of_price": 0.25, "ground_fee_year": 1200}
    clt.write_text(json.dumps(json.loads(EXAMPLE.read_text()) | {"land": land}))
    argv = ["compare", str(EXAMPLE), str(clt), "--variant", "works_vat", "--variant", "buyer"]
    assert main(argv) == 0
    table = json.loads(capsys.readouterr().out)
    assert len(table["names"]) == 4
    assert table["names"][2:] == ["6 % VAT on works", "Individual purchases at 2 % duty"]
    rows = {row["key"]: row for row in table["rows"]}
    assert rows["capital.lines.long_lease_duty"]["values"] == ["0.00", "5940.00", "0.00", "0.00"]
    assert rows["capital.lines.acquisition_price"]["values"][1] == "862500.00"


def test_compare_reports_a_variant_without_its_figures(capsys):
    assert main(["compare", str(EXAMPLE), "--variant", "clt_split"]) == 2
    fields = [e["field"] for e in json.loads(capsys.readouterr().err)["errors"]]
    assert fields == ["variant.land_share", "variant.ground_fee"]


def test_compare_rejects_an_unknown_variant(capsys):
    assert main(["compare", str(EXAMPLE), "--variant", "cheaper"]) == 2
    assert "invalid choice" in capsys.readouterr().err
