"""Command line: ``python -m openpromotor.feasibility.engine.cli [evaluate] SCENARIO.json`` and
``... cli compare SCENARIO.json [MORE.json ...] [--variant KEY ...]``.

``evaluate`` (the default) prints the result of one scenario as JSON; ``compare`` prints up to
four scenarios side by side, the ready-made variants of the first one included (``--variant
clt_split --land-share 0.25 --ground-fee 1200``). Exit code 0; on bad input the errors go to
stderr as ``{"errors": [...]}`` with exit code 2. ``main`` takes its arguments, so a Django
management command can call it directly.
"""

import argparse
import json
import sys
from decimal import Decimal

from .comparison import compare
from .errors import ScenarioError
from .evaluation import evaluate
from .variants import KEYS, variant

BAD_INPUT = 2
COMMANDS = ("evaluate", "compare")


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    command = argv.pop(0) if argv and argv[0] in COMMANDS else "evaluate"
    parser = _compare_parser() if command == "compare" else _evaluate_parser()
    try:
        arguments = parser.parse_args(argv)
    except SystemExit as exit_:
        return exit_.code
    try:
        if command == "compare":
            result = _compare(arguments)
        else:
            result = evaluate(_read(arguments.scenario))
    except ScenarioError as error:
        return _fail(error.errors)
    except (OSError, ValueError) as error:
        return _fail([{"field": "scenario", "message": str(error)}])
    print(json.dumps(result, indent=2, ensure_ascii=False))
    return 0


def _evaluate_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="openpromotor feasibility evaluate",
        description="Evaluate a feasibility scenario and print the result as JSON.",
    )
    parser.add_argument("scenario", help="path of a scenario JSON file")
    return parser


def _compare_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="openpromotor feasibility compare",
        description="Compare up to four scenarios side by side and print the table as JSON.",
    )
    parser.add_argument("scenarios", nargs="+", help="paths of scenario JSON files")
    parser.add_argument(
        "--variant",
        action="append",
        default=[],
        choices=KEYS,
        help="add a ready-made variant of the first scenario (may be repeated)",
    )
    parser.add_argument(
        "--land-share", type=Decimal, help="clt_split: the land part, a fraction of the price"
    )
    parser.add_argument("--ground-fee", type=Decimal, help="clt_split: the ground fee a year")
    return parser


def _compare(arguments) -> dict:
    scenarios = [_read(path) for path in arguments.scenarios]
    options = {"land_share": arguments.land_share, "ground_fee": arguments.ground_fee}
    for key in arguments.variant:
        scenarios.append(variant(scenarios[0], key, **options).scenario)
    return compare(scenarios)


def _read(path: str) -> object:
    """The scenario file; numbers become Decimal so that 0.1 stays exactly 0.1."""
    with open(path, encoding="utf-8") as file:
        return json.load(file, parse_float=Decimal)


def _fail(errors: list[dict[str, str]]) -> int:
    print(json.dumps({"errors": errors}, indent=2, ensure_ascii=False), file=sys.stderr)
    return BAD_INPUT


if __name__ == "__main__":
    sys.exit(main())
