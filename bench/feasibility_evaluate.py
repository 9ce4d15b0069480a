"""Benchmark of the feasibility engine (issue 5): target ≤ 20 ms median.

The workload is ``evaluate`` of the full example scenario (a 40-year life cycle, with a
community land trust's land block so that every block is in it) plus a 5x5 sensitivity grid
(interest rate x works cost per m², 25 more evaluations). The baseline,
measured in the same process and interleaved with the workload, is ``evaluate`` of a trivial
scenario; the ratio workload/baseline is less sensitive to the speed of the machine than the
absolute figure, which is reported too.

Run: ``.venv/bin/python bench/feasibility_evaluate.py [--runs N]``; exits 1 above the target.
"""

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

import openpromotor.feasibility.engine as engine
from openpromotor.feasibility.engine import evaluate, sensitivity, sensitivity_grid

EXAMPLE = Path(engine.__file__).parent / "examples" / "antwerp_school.json"
TARGET_MS = 20.0
TRIVIAL = {"building": {"gross_floor_area_m2": 100}}
LAND = {"share_of_price": 0.25, "ground_fee_year": 1200}
INTEREST_STEPS = [-0.01, -0.005, 0, 0.005, 0.01]
WORKS_STEPS = [-200, -100, 0, 100, 200]


def timed_ms(function) -> float:
    start = time.perf_counter_ns()
    function()
    return (time.perf_counter_ns() - start) / 1e6


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=300)
    runs = parser.parse_args().runs
    scenario = json.loads(EXAMPLE.read_text(encoding="utf-8")) | {"land": LAND}

    def workload():
        evaluate(scenario)
        sensitivity_grid(
            scenario, "interest_rate", INTEREST_STEPS, "works_cost_per_m2", WORKS_STEPS
        )

    def baseline():
        evaluate(TRIVIAL)

    parts = {
        "evaluate (full scenario)": lambda: evaluate(scenario),
        "sensitivity_grid 5x5": lambda: sensitivity_grid(
            scenario, "interest_rate", INTEREST_STEPS, "works_cost_per_m2", WORKS_STEPS
        ),
        "sensitivity (4 inputs, default steps)": lambda: sensitivity(scenario),
    }
    for function in (workload, baseline, *parts.values()):
        function()  # warm-up: imports, rate tables, caches

    work_ms, base_ms = [], []
    for _ in range(runs):
        work_ms.append(timed_ms(workload))
        base_ms.append(timed_ms(baseline))
    part_ms = {name: [timed_ms(f) for _ in range(runs)] for name, f in parts.items()}

    work, base = statistics.median(work_ms), statistics.median(base_ms)
    print(f"python {sys.version.split()[0]}, {runs} runs each, medians")
    print(f"workload (evaluate + 5x5 grid): {work:.2f} ms (p90 {_p90(work_ms):.2f} ms)")
    print(f"baseline (trivial evaluate):    {base:.3f} ms")
    print(f"ratio workload/baseline:        {work / base:.1f}")
    for name, times in part_ms.items():
        print(f"  {name}: {statistics.median(times):.2f} ms")
    verdict = "PASS" if work <= TARGET_MS else "FAIL"
    print(f"target <= {TARGET_MS:.0f} ms median: {verdict}")
    return 0 if verdict == "PASS" else 1


def _p90(times: list[float]) -> float:
    return statistics.quantiles(times, n=10)[-1]


if __name__ == "__main__":
    sys.exit(main())
