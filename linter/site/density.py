"""Rack-power density: the tiers of ``standards/density-tiers.yaml`` and a chart of kW per rack
of every reference architecture set against them (an SVG drawn at build time, no JavaScript)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TypedDict

from markupsafe import Markup

from linter.kb.figures import Figure
from linter.site.architectures import rack_kw
from linter.site.core import Page, Site, rel
from linter.site.escape import number
from linter.site.figures import provenance

TIERS_ID = "density-tiers"
CHART_PATH = "catalog/rack-kw.svg"
PAGE_PATH = "catalog/rack-density.md"
# Colour per cooling mode (colour-blind-safe Tableau 10 hues); unknown modes are grey.
COLOURS = {
    "air": "#4e79a7",
    "rear-door": "#f28e2b",
    "direct-liquid": "#59a14f",
    "immersion": "#b07aa1",
}


class Tier(TypedDict):
    id: str
    description: str
    kw_min: float | None
    kw_max: float | None
    range: str
    published: str
    source: Markup
    cited: Markup  # the sources alone, without notes


class Bar(TypedDict):
    label: str
    value: str
    y: float
    width: float
    colour: str


class Band(TypedDict):
    label: str
    x: float
    width: float
    line: bool


class ChartContext(TypedDict):
    """Geometry of the SVG chart (``rack-kw.svg.j2``), all in user units."""

    width: int
    height: int
    left: int
    top: int
    plot_width: int
    plot_bottom: float
    bars: list[Bar]
    bands: list[Band]
    ticks: list[dict[str, str | float]]
    legend: list[dict[str, str | float]]
    title: str


def tiers(site: Site) -> list[Tier]:
    std = site.kb.standard(TIERS_ID)
    if std is None:
        return []
    src = std.sources
    out: list[Tier] = []
    for t in std.rows("tiers"):
        kw_min, kw_max = t.figure("kw_min"), t.figure("kw_max")
        lo, hi = kw_min.value, kw_max.value
        out.append(
            Tier(
                id=t.id,
                description=t.text("description"),
                kw_min=lo,
                kw_max=hi,
                range=_range_text(lo, hi),
                published=_published(kw_max),
                source=provenance(kw_min, kw_max, sources=src),
                cited=provenance(kw_min, kw_max, sources=src, notes=False),
            )
        )
    return out


def _range_text(lo: float | None, hi: float | None) -> str:
    low = number(lo) if lo is not None else "0"
    return f"{low} to {number(hi)} kW" if hi is not None else f"{low} kW and up"


def _published(fig: Figure) -> str:
    """For an upper bound published as a range: ``upper bound published as 125-132 kW``."""
    if fig.range is not None:
        return f"upper bound published as {number(fig.range[0])}-{number(fig.range[1])} kW"
    return ""


def chart(site: Site) -> ChartContext:
    rows: list[tuple[str, float, str]] = []
    for arch in site.kb.architectures():
        kw = rack_kw(arch)
        if kw is not None:
            rows.append((arch.id, kw, arch.facility.cooling))
    rows.sort(key=lambda r: (r[1], r[0]))
    tier_list = tiers(site)
    top_kw = max(
        [kw for _, kw, _ in rows] + [t["kw_max"] or t["kw_min"] or 0 for t in tier_list] + [10.0]
    )
    step = next(s for s in (10, 20, 25, 50, 100, 200, 500, 1000) if top_kw / s <= 8)
    axis_max = step * (int(top_kw // step) + 1)
    # Each tier's label has a line of its own above the plot, so none overlaps another.
    left, plot_width, bar_h, gap = 200, 560, 20, 10
    top = 44 + 15 * len(tier_list)

    def x(kw: float) -> float:
        return round(left + plot_width * kw / axis_max, 2)

    bars = [
        Bar(
            label=id_,
            value=f"{number(kw)} kW",
            y=top + i * (bar_h + gap),
            width=round(x(kw) - left, 2),
            colour=COLOURS.get(cooling, "#9c9c9c"),
        )
        for i, (id_, kw, cooling) in enumerate(rows)
    ]
    plot_bottom = top + len(rows) * (bar_h + gap)
    bands = []
    for t in tier_list:
        lo = t["kw_min"] or 0.0
        hi = t["kw_max"]
        bands.append(
            Band(
                label=f"{t['id']} {t['range']}",
                x=x(lo),
                width=round(x(hi) - x(lo), 2) if hi else 0.0,
                line=hi is None,
            )
        )
    ticks: list[dict[str, str | float]] = [
        {"x": x(v), "label": number(v)} for v in range(0, int(axis_max) + 1, step)
    ]
    modes = sorted({c for _, _, c in rows})
    legend: list[dict[str, str | float]] = [
        {"x": left + i * 130, "label": m, "colour": COLOURS.get(m, "#9c9c9c")}
        for i, m in enumerate(modes)
    ]
    return ChartContext(
        width=800,
        height=int(plot_bottom + 70),
        left=left,
        top=top,
        plot_width=plot_width,
        plot_bottom=plot_bottom,
        bars=bars,
        bands=bands,
        ticks=ticks,
        legend=legend,
        title="Maximum kW per rack of each reference architecture",
    )


def tiers_table(site: Site, page: str, notes: bool = False) -> str:
    """Markdown table of the density tiers (a fragment for hand-written pages)."""
    return site.render("fragments/density-tiers.md.j2", {"tiers": tiers(site), "notes": notes})


def chart_image(site: Site, page: str) -> str:
    """The chart as a Markdown image, linked relative to ``page``."""
    return site.render("fragments/rack-kw-chart.md.j2", {"src": rel(page, CHART_PATH)})


def pages(site: Site) -> Iterator[Page]:
    yield Page(CHART_PATH, site.render("rack-kw.svg.j2", chart(site)))
    ctx = {
        "tiers_table": Markup(tiers_table(site, PAGE_PATH, notes=True)),
        "chart": Markup(chart_image(site, PAGE_PATH)),
        "release": site.release,
    }
    yield Page(PAGE_PATH, site.render("rack-density.md.j2", ctx), title="Rack density")
