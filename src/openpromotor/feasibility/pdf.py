"""The plan as a PDF a group can hand to a bank or a city (WeasyPrint).

The PDF is the share page's content laid out for paper: summary, assumptions with their sources,
every line with its basis, the same SVG charts as the web page, the sensitivity table and the
warnings. It needs Debian's Pango (``make system-packages``); WeasyPrint is imported when a PDF
is made, so the rest of the platform runs without it.
"""

from django.template.loader import render_to_string
from django.utils import timezone

from openpromotor.feasibility import report


def plan_pdf(plan, outcome: report.Report) -> bytes:
    """The PDF of an evaluated plan (``outcome.result`` must not be None)."""
    from weasyprint import HTML

    html = render_to_string(
        "feasibility/plan_pdf.html",
        {
            "plan": plan,
            "report": outcome,
            "assumptions": report.assumptions(outcome.scenario, outcome.result["scenario"]),
            "made_at": timezone.localtime(),
        },
    )
    return HTML(string=html).write_pdf()
