"""Charts of a plan as inline SVG, drawn on the server.

The web page and the PDF show the very same pictures, and nothing needs JavaScript. Every chart
carries a ``<title>`` and a ``<desc>`` and comes with a data table (``Chart.table``) as its text
equivalent. Colours are dark enough for 4.5:1 contrast on white, so they pass WCAG AA both as
graphics and behind text labels.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy

from openpromotor.feasibility.engine.operation import RUNNING_COSTS

COLOURS = ("#1b4f72", "#a04000", "#1e6b3a", "#6c3483", "#7b241c", "#424949", "#0e6655", "#7d6608")
TEXT = "#212529"
AXIS = "#5c636a"
WIDTH = 640
LABEL_WIDTH = 190
VALUE_WIDTH = 110
BAR_HEIGHT = 22
GAP = 8
FONT = 'font-family="DejaVu Sans, Arial, sans-serif" font-size="12"'

# Sensitivity figures small enough to need their cents.
SMALL_METRICS = ("monthly_payment", "cost_rent_per_m2_month", "eac_per_m2_year")

COST_GROUPS = (
    (pgettext_lazy("cost part", "Purchase price"), ("acquisition_price",)),
    (
        pgettext_lazy("cost part", "Acquisition taxes and fees"),
        ("registration_duty", "notary_fee", "notary_fee_vat", "deed_costs", "long_lease_duty"),
    ),
    (pgettext_lazy("cost part", "Works and contingency"), ("works", "contingency")),
    (pgettext_lazy("cost part", "VAT on works"), ("works_vat",)),
    (pgettext_lazy("cost part", "Professional fees incl. VAT"), ("fees", "fees_vat")),
    (pgettext_lazy("cost part", "Soft costs"), ("soft_costs",)),
    (
        pgettext_lazy("cost part", "Financing costs"),
        ("mortgage_registration", "mortgage_duty", "mortgage_fixed_costs", "interest_during_works"),
    ),
)


@dataclass(frozen=True)
class Chart:
    """An SVG picture with its text equivalent: table headers and rows of display strings."""

    key: str
    title: str
    svg: SafeString
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


def euro(amount: Decimal | str, decimals: int = 0) -> str:
    """An amount as the active language writes it: '€ 1.150.000' in Dutch.

    Rounded half-up first: Django's ``number_format`` cuts off the decimals it does not show.
    """
    rounded = Decimal(amount).quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP)
    return "€\u00a0" + number_format(rounded, decimals, force_grouping=True)


def cost_breakdown(result: dict, uid: str = "cost") -> Chart:
    """Horizontal bars: the capital total split into the groups a bank asks about."""
    amounts = {line["key"]: Decimal(line["amount"]) for line in result["capital"]["lines"]}
    items = []
    for label, keys in COST_GROUPS:
        value = sum((amounts.get(key, Decimal(0)) for key in keys), Decimal(0))
        if value:
            items.append((str(label), value))
    title = _("Project cost by part")
    total = euro(result["capital"]["total"]["amount"])
    desc = _("Total project cost %(total)s.") % {"total": total}
    return Chart(
        key=uid,
        title=title,
        svg=_bars(uid, title, desc, items),
        headers=(_("Part"), _("Amount")),
        rows=tuple((label, euro(value)) for label, value in items),
    )


def financing_mix(result: dict, uid: str = "financing") -> Chart:
    """One bar of 100 % split by tranche, with a legend that gives each tranche's amount."""
    tranches = [(t["key"], Decimal(t["amount"])) for t in result["financing"]["tranches"]]
    tranches = [(key, amount) for key, amount in tranches if amount > 0]
    total = sum((amount for _key, amount in tranches), Decimal(0)) or Decimal(1)
    title = _("Financing mix")
    desc = ", ".join(f"{key}: {_percent(amount / total)}" for key, amount in tranches)
    plot = WIDTH - 20
    x = Decimal(10)
    parts = []
    for index, (key, amount) in enumerate(tranches):
        width = Decimal(plot) * amount / total
        parts.append(_rect(x, 10, width, 34, COLOURS[index % len(COLOURS)], key))
        x += width
    legend_y = 64
    for index, (key, amount) in enumerate(tranches):
        y = legend_y + index * 20
        parts.append(_rect(10, y - 11, 14, 14, COLOURS[index % len(COLOURS)], key))
        text = f"{key}: {euro(amount)} ({_percent(amount / total)})"
        parts.append(_text(32, y, text))
    height = legend_y + len(tranches) * 20
    return Chart(
        key=uid,
        title=title,
        svg=_svg(uid, title, desc, height, parts),
        headers=(_("Tranche"), _("Amount"), _("Share")),
        rows=tuple((key, euro(amount), _percent(amount / total)) for key, amount in tranches),
    )


def cash_flow(result: dict, uid: str = "cashflow") -> Chart:
    """Yearly outgoings: debt service (from the loan schedules) and the running costs."""
    service = _yearly(result, "payment")
    running = sum(
        (
            Decimal(result["operation"][key]["amount"])
            for key in RUNNING_COSTS
            if key in result["operation"]
        ),
        Decimal(0),
    )
    years = max(len(service), 1)
    service += [Decimal(0)] * (years - len(service))
    top = max((s + running for s in service), default=Decimal(1)) or Decimal(1)
    title = _("Yearly debt service and running costs")
    desc = _("Over %(years)s years; running costs %(running)s a year.") % {
        "years": years,
        "running": euro(running),
    }
    left, plot_w, plot_h, base = 70, WIDTH - 90, 180, 200
    step = Decimal(plot_w) / years
    width = max(step - 2, Decimal(1))
    parts = [_axis(left, base, plot_w, top)]
    for index, paid in enumerate(service):
        x = left + step * index + 1
        debt_h = Decimal(plot_h) * paid / top
        run_h = Decimal(plot_h) * running / top
        parts.append(_rect(x, base - debt_h, width, debt_h, COLOURS[0], None))
        parts.append(_rect(x, base - debt_h - run_h, width, run_h, COLOURS[1], None))
    parts += _year_ticks(left, base, step, years)
    parts += _legend(left, base + 34, ((_("Debt service"), 0), (_("Running costs"), 1)))
    return Chart(
        key=uid,
        title=title,
        svg=_svg(uid, title, desc, base + 46, parts),
        headers=(_("Year"), _("Debt service"), _("Running costs")),
        rows=tuple(
            (str(index + 1), euro(paid), euro(running)) for index, paid in enumerate(service)
        ),
    )


def loan_balance(result: dict, uid: str = "balance") -> Chart:
    """The outstanding loans at the end of each year, starting from the amount borrowed."""
    balances = [Decimal(result["financing"]["borrowed"]["amount"]), *_yearly(result, "balance")]
    top = max(balances) or Decimal(1)
    title = _("Outstanding loans at the end of each year")
    desc = _("From %(start)s borrowed to %(end)s after year %(year)s.") % {
        "start": euro(balances[0]),
        "end": euro(balances[-1]),
        "year": len(balances) - 1,
    }
    left, plot_w, plot_h, base = 70, WIDTH - 90, 180, 200
    step = Decimal(plot_w) / max(len(balances) - 1, 1)
    points = " ".join(
        f"{_at(left + step * i)},{_at(base - Decimal(plot_h) * b / top)}"
        for i, b in enumerate(balances)
    )
    parts = [
        _axis(left, base, plot_w, top),
        format_html(
            '<polyline points="{}" fill="none" stroke="{}" stroke-width="2.5"/>', points, COLOURS[2]
        ),
        *_year_ticks(left + step / 2, base, step, len(balances) - 1),
    ]
    return Chart(
        key=uid,
        title=title,
        svg=_svg(uid, title, desc, base + 30, parts),
        headers=(_("Year"), _("Outstanding")),
        rows=tuple((str(i), euro(b)) for i, b in enumerate(balances)),
    )


def lifecycle_npv(options: list[tuple[str, dict]], uid: str = "lifecycle") -> Chart:
    """Per option, the life-cycle cost (NPV) split into capital and operating costs."""
    rows = [
        (
            name,
            Decimal(lc["npv_capital"]["amount"]),
            Decimal(lc["npv_operating"]["amount"]),
            Decimal(lc["npv_total"]["amount"]),
        )
        for name, lc in options
    ]
    top = max((max(c, 0) + max(o, 0) for _n, c, o, _t in rows), default=Decimal(1)) or 1
    title = _("Life-cycle cost (net present value)")
    desc = "; ".join(f"{name}: {euro(total)}" for name, _c, _o, total in rows)
    plot = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    parts = []
    for index, (name, capital, operating, total) in enumerate(rows):
        y = 10 + index * (BAR_HEIGHT + GAP)
        capital_w = Decimal(plot) * max(capital, 0) / top
        operating_w = Decimal(plot) * max(operating, 0) / top
        parts.append(_text(LABEL_WIDTH - 8, y + 15, _short(name), anchor="end"))
        parts.append(_rect(LABEL_WIDTH, y, capital_w, BAR_HEIGHT, COLOURS[0], None))
        parts.append(_rect(LABEL_WIDTH + capital_w, y, operating_w, BAR_HEIGHT, COLOURS[2], None))
        parts.append(_text(LABEL_WIDTH + capital_w + operating_w + 6, y + 15, euro(total)))
    legend_y = 10 + len(rows) * (BAR_HEIGHT + GAP) + 12
    parts += _legend(
        LABEL_WIDTH, legend_y, ((_("Initial cost and renewals"), 0), (_("Operating costs"), 2))
    )
    return Chart(
        key=uid,
        title=title,
        svg=_svg(uid, title, desc, legend_y + 12, parts),
        headers=(_("Option"), _("Initial cost and renewals"), _("Operating costs"), _("Total")),
        rows=tuple((n, euro(c), euro(o), euro(t)) for n, c, o, t in rows),
    )


def tornado(sensitivity: dict, metric: str, uid: str = "tornado") -> Chart:
    """Bars left and right of the base value: the effect of each input's lowest and highest step."""
    labels = {p["key"]: p["label"] for p in sensitivity["parameters"]}
    metric_label = next(m["label"] for m in sensitivity["metrics"] if m["key"] == metric)
    bars = [
        (labels[b["parameter"]], b, Decimal(b["low_change"]), Decimal(b["high_change"]))
        for b in sensitivity["tornado"][metric]
    ]
    reach = max((max(abs(low), abs(high)) for *_rest, low, high in bars), default=0) or 1
    title = _("%(metric)s: what moves it") % {"metric": metric_label}
    desc = _("Base value %(base)s; widest effect first.") % {
        "base": euro(sensitivity["base"][metric], 2)
    }
    middle = LABEL_WIDTH + (WIDTH - LABEL_WIDTH) // 2
    half = Decimal((WIDTH - LABEL_WIDTH) // 2 - 85)
    decimals = 2 if metric in SMALL_METRICS else 0
    parts = []
    for index, (label, bar, low, high) in enumerate(bars):
        y = 10 + index * (BAR_HEIGHT + GAP)
        parts.append(_text(LABEL_WIDTH - 8, y + 15, _short(label), anchor="end"))
        for change, step, colour in ((low, bar["low_step"], 0), (high, bar["high_step"], 1)):
            width = half * abs(change) / reach
            x = middle - width if change < 0 else Decimal(middle)
            parts.append(_rect(x, y, width, BAR_HEIGHT, COLOURS[colour], f"{step}: {change}"))
        low_text, high_text = _signed(low, decimals), _signed(high, decimals)
        parts.append(_text(middle - half * abs(low) / reach - 4, y + 15, low_text, "end"))
        parts.append(_text(middle + half * abs(high) / reach + 4, y + 15, high_text))
    bottom = 10 + len(bars) * (BAR_HEIGHT + GAP)
    parts.append(
        format_html(
            '<line x1="{}" y1="4" x2="{}" y2="{}" stroke="{}" stroke-width="1.5"/>',
            middle,
            middle,
            bottom,
            TEXT,
        )
    )
    parts += _legend(LABEL_WIDTH, bottom + 18, ((_("Lowest step"), 0), (_("Highest step"), 1)))
    return Chart(
        key=uid,
        title=title,
        svg=_svg(uid, title, desc, bottom + 28, parts),
        headers=(_("Input"), _("Lowest step"), _("Change"), _("Highest step"), _("Change")),
        rows=tuple(
            (
                label,
                bar["low_step"],
                _signed(low, decimals),
                bar["high_step"],
                _signed(high, decimals),
            )
            for label, bar, low, high in bars
        ),
    )


def plan_charts(result: dict, sensitivity: dict | None) -> list[Chart]:
    """The charts of one evaluated scenario, in the order the page and the PDF show them."""
    charts = [
        cost_breakdown(result),
        financing_mix(result),
        cash_flow(result),
        loan_balance(result),
        lifecycle_npv([(result["name"], result["lifecycle"])]),
    ]
    if sensitivity is not None:
        charts.append(tornado(sensitivity, "cost_rent_year"))
    return charts


def _yearly(result: dict, field: str) -> list[Decimal]:
    """A schedule field summed over all tranches, year by year."""
    totals: dict[int, Decimal] = {}
    for tranche in result["financing"]["tranches"]:
        for row in tranche.get("schedule", []):
            totals[row["year"]] = totals.get(row["year"], Decimal(0)) + Decimal(row[field])
    return [totals[year] for year in sorted(totals)]


def _bars(uid: str, title: str, desc: str, items: list[tuple[str, Decimal]]) -> SafeString:
    top = max((value for _label, value in items), default=Decimal(1)) or Decimal(1)
    plot = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    parts = []
    for index, (label, value) in enumerate(items):
        y = 10 + index * (BAR_HEIGHT + GAP)
        width = Decimal(plot) * max(value, Decimal(0)) / top
        parts.append(_text(LABEL_WIDTH - 8, y + 15, label, anchor="end"))
        parts.append(_rect(LABEL_WIDTH, y, width, BAR_HEIGHT, COLOURS[0], None))
        parts.append(_text(LABEL_WIDTH + width + 6, y + 15, euro(value)))
    return _svg(uid, title, desc, 10 + len(items) * (BAR_HEIGHT + GAP), parts)


def _svg(uid: str, title: str, desc: str, height: int, parts: list[str]) -> SafeString:
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" class="chart-svg" viewBox="0 0 {w} {h}" '
        'width="{w}" height="{h}" role="img" aria-labelledby="{uid}-title {uid}-desc" {font}>'
        '<title id="{uid}-title">{title}</title><desc id="{uid}-desc">{desc}</desc>{body}</svg>',
        w=WIDTH,
        h=int(height),
        uid=uid,
        font=mark_safe(FONT),  # a constant
        title=title,
        desc=desc,
        body=mark_safe("".join(parts)),  # every part went through format_html
    )


def _rect(x, y, width, height, colour: str, label: str | None) -> str:
    tooltip = format_html("<title>{}</title>", label) if label else ""
    return format_html(
        '<rect x="{}" y="{}" width="{}" height="{}" fill="{}">{}</rect>',
        _at(x),
        _at(y),
        _at(max(Decimal(width), Decimal(0))),
        _at(max(Decimal(height), Decimal(0))),
        colour,
        tooltip,
    )


def _text(x, y, text: str, anchor: str = "start") -> str:
    return format_html(
        '<text x="{}" y="{}" text-anchor="{}" fill="{}">{}</text>',
        _at(x),
        _at(y),
        anchor,
        TEXT,
        text,
    )


def _at(value) -> str:
    """A coordinate with one decimal (format_html escapes its arguments before formatting)."""
    return f"{Decimal(value):.1f}"


def _axis(left: int, base: int, width: int, top: Decimal) -> str:
    """The base line and the top value of a vertical-bar chart."""
    return format_html(
        '<line x1="{l}" y1="{b}" x2="{r}" y2="{b}" stroke="{c}"/>'
        '<line x1="{l}" y1="{t}" x2="{l}" y2="{b}" stroke="{c}"/>'
        '<text x="{tx}" y="{ty}" text-anchor="end" fill="{f}">{top}</text>'
        '<text x="{tx}" y="{b}" text-anchor="end" fill="{f}">0</text>',
        l=left,
        r=left + width,
        b=base,
        t=base - 180,
        c=AXIS,
        tx=left - 4,
        ty=base - 176,
        f=TEXT,
        top=_compact(top),
    )


def _year_ticks(left, base: int, step: Decimal, years: int) -> list[str]:
    """A year label under every bar when they fit, else every fifth year."""
    every = 1 if years <= 12 else 5
    return [
        _text(left + step * year - step / 2, base + 16, str(year), "middle")
        for year in range(1, years + 1)
        if year == 1 or year % every == 0
    ]


def _legend(x: int, y: int, entries) -> list[str]:
    parts, offset = [], Decimal(x)
    for label, colour in entries:
        parts.append(_rect(offset, y - 11, 14, 14, COLOURS[colour], None))
        parts.append(_text(offset + 20, y, label))
        offset += 30 + Decimal(len(label) * 7)
    return parts


def _percent(fraction: Decimal) -> str:
    return number_format((fraction * 100).quantize(Decimal("0.1"), ROUND_HALF_UP), 1) + "\u00a0%"


def _signed(amount: Decimal, decimals: int = 0) -> str:
    text = euro(abs(amount), decimals)
    return f"+{text}" if amount > 0 else f"\u2212{text}" if amount < 0 else text


def _compact(amount: Decimal) -> str:
    """An axis label: '€ 1,2 mln' style figures would need translation, so thousands: 'k'."""
    if amount >= 10_000:
        return euro(amount / 1000) + "k"
    return euro(amount)


def _short(label: str, length: int = 25) -> str:
    return label if len(label) <= length else label[: length - 1] + "\u2026"
