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
