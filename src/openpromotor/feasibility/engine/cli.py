"""Command line: ``python -m openpromotor.feasibility.engine.cli SCENARIO.json``.

Prints the result as JSON and returns 0; on bad input prints ``{"errors": [...]}`` to stderr and
returns 2. ``main`` takes its arguments, so a Django management command can call it directly.
"""

import argparse
import json
import sys
from decimal import Decimal

from .evaluation import evaluate
from .scenario import ScenarioError

BAD_INPUT = 2


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="openpromotor feasibility evaluate",
        description="Evaluate a feasibility scenario and print the result as JSON.",
    )
    parser.add_argument("scenario", help="path of a scenario JSON file")
    try:
        arguments = parser.parse_args(argv)
    except SystemExit as exit_:
        return exit_.code
    try:
        result = evaluate(_read(arguments.scenario))
    except ScenarioError as error:
        return _fail(error.errors)
    except (OSError, ValueError) as error:
        return _fail([{"field": "scenario", "message": str(error)}])
    print(json.dumps(result, indent=2, ensure_ascii=False))
    return 0


def _read(path: str) -> object:
    """The scenario file; numbers become Decimal so that 0.1 stays exactly 0.1."""
    with open(path, encoding="utf-8") as file:
        return json.load(file, parse_float=Decimal)


def _fail(errors: list[dict[str, str]]) -> int:
    print(json.dumps({"errors": errors}, indent=2, ensure_ascii=False), file=sys.stderr)
    return BAD_INPUT


if __name__ == "__main__":
    sys.exit(main())
