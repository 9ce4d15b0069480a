"""Benchmark of the plan PDF (issue 5): target ≤ 2 s median.

The workload is what the PDF download does after the permission check: ``report.build`` of the
full example scenario with a community land trust's land block (evaluation with loan schedules,
the one-way sensitivity analysis, six SVG charts, every text put in Dutch) and ``pdf.plan_pdf``
(the template rendered and laid out by WeasyPrint), in Dutch. The
first PDF of a process is reported apart: it pays for importing WeasyPrint and loading fonts.

Run: ``.venv/bin/python bench/feasibility_pdf.py [--runs N]``; exits 1 above the target.
"""

import argparse
import os
import platform
import statistics
import sys
import time
from types import SimpleNamespace

TARGET_S = 2.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    runs = parser.parse_args().runs

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "openpromotor.settings")
    import django

    django.setup()
    import weasyprint
    from django.utils import translation

    from openpromotor.feasibility import report
    from openpromotor.feasibility.pdf import plan_pdf

    translation.activate("nl")
    plan = SimpleNamespace(title="Oude school Borgerhout", place=None)
    land = {"share_of_price": "0.25", "ground_fee_year": "1200"}
    scenario = report.example_scenario() | {"land": land}

    def make() -> int:
        return len(plan_pdf(plan, report.build(scenario)))

    start = time.perf_counter()
    size = make()
    first = time.perf_counter() - start
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        make()
        timings.append(time.perf_counter() - start)
    median = statistics.median(timings)
    print(f"python {platform.python_version()}, weasyprint {weasyprint.__version__}")
    print(f"first PDF of the process: {first:.2f} s ({size} bytes)")
    spread = f"min {min(timings):.2f} s, max {max(timings):.2f} s"
    print(f"next {runs} PDFs: median {median:.2f} s, {spread}")
    verdict = "PASS" if median <= TARGET_S else "FAIL"
    print(f"target <= {TARGET_S:.0f} s median: {verdict}")
    return 0 if verdict == "PASS" else 1


if __name__ == "__main__":
    sys.exit(main())
