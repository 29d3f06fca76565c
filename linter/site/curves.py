"""The throughput-interactivity curves on the sizing pages: tokens/s per GPU against tokens/s
per user, one line per system, computed at build time by ``refarch size --curve``'s library
for the workloads under ``curves:`` in ``site_src/sizing-examples.yaml``."""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import TypedDict

from linter.core.errors import RefarchError
from linter.site.core import Page, Site
from linter.site.escape import number, plain
from linter.site.sizing import examples
from linter.sizing.curve import Curve, curve

PAGE_PATH = "sizing/curves.md"
COLOURS = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b")
WIDTH, HEIGHT, LEFT, TOP, PLOT_W, PLOT_H = 720, 420, 70, 40, 600, 300


class Series(TypedDict):
    label: str
    colour: str
    points: str  # "x,y x,y ..." in user units


class Tick(TypedDict):
    at: float
    label: str


class ChartContext(TypedDict):
    title: str
    width: int
    height: int
    left: int
    top: int
    plot_width: int
    plot_height: int
    series: list[Series]
    xticks: list[Tick]
    yticks: list[Tick]
    xlabel: str
    ylabel: str
    legend_low: bool  # the legend bottom left (the lines run high) instead of top right


class CurveEntry(TypedDict):
    title: str
    command: str
    image: str
    error: str
    systems: list[dict[str, str]]


def _step(top: float) -> float:
    """A round tick step giving at most eight ticks up to ``top``."""
    mag = 10.0 ** math.floor(math.log10(max(top, 1e-9)))
    return float(next(m * mag for m in (1, 2, 2.5, 5, 10) if top / (m * mag) <= 8))


def line_chart(
    title: str,
    series: list[Series],
    xticks: list[Tick],
    yticks: list[Tick],
    labels: tuple[str, str],
    legend_low: bool = False,
) -> ChartContext:
    """A line chart on the common frame (``throughput-curve.svg.j2``): axis labels (x, y)."""
    return ChartContext(
        title=title,
        width=WIDTH,
        height=HEIGHT,
        left=LEFT,
        top=TOP,
        plot_width=PLOT_W,
        plot_height=PLOT_H,
        series=series,
        xticks=xticks,
        yticks=yticks,
        xlabel=labels[0],
        ylabel=labels[1],
        legend_low=legend_low,
    )


def chart(title: str, curves: list[Curve]) -> ChartContext:
    xs = [p.tokens_per_s_per_user for c in curves for p in c.frontier] or [1.0]
    ys = [p.tokens_per_s_per_gpu for c in curves for p in c.frontier] or [1.0]
    xstep, ystep = _step(max(xs)), _step(max(ys))
    xmax, ymax = xstep * math.ceil(max(xs) / xstep), ystep * math.ceil(max(ys) / ystep)

    def px(x: float, y: float) -> str:
        return f"{LEFT + PLOT_W * x / xmax:.1f},{TOP + PLOT_H * (1 - y / ymax):.1f}"

    series = [
        Series(
            label=f"{c.system} ({c.efficiency})",
            colour=COLOURS[i % len(COLOURS)],
            points=" ".join(
                px(p.tokens_per_s_per_user, p.tokens_per_s_per_gpu) for p in c.frontier
            ),
        )
        for i, c in enumerate(curves)
    ]
    return line_chart(
        title,
        series,
        [
            Tick(at=round(LEFT + PLOT_W * i * xstep / xmax, 1), label=number(i * xstep))
            for i in range(round(xmax / xstep) + 1)
        ],
        [
            Tick(at=round(TOP + PLOT_H * (1 - i * ystep / ymax), 1), label=number(i * ystep))
            for i in range(round(ymax / ystep) + 1)
        ],
        ("tokens/s per user", "tokens/s per GPU"),
    )


def pages(site: Site) -> Iterator[Page]:
    out: list[CurveEntry] = []
    for i, e in enumerate(examples(site, "curves")):
        systems = [s.strip() for s in plain(e.get("systems")).split(",") if s.strip()]
        shape = (plain(e.get("model")), plain(e.get("precision")))
        tokens = (e.get("input_tokens"), e.get("output_tokens"))
        title = plain(e.get("title")) or f"{shape[0]} {shape[1]}"
        command = (
            f"refarch size --curve --model {shape[0]} --precision {shape[1]} "
            f"--input-tokens {plain(tokens[0])} --output-tokens {plain(tokens[1])} "
            f"--compare {','.join(systems)}"
        )
        image = f"curve-{i + 1}.svg"
        try:
            if not all(isinstance(t, int) for t in tokens):
                raise RefarchError("input_tokens and output_tokens must be whole numbers")
            curves = [
                curve(site.checked_kb, shape[0], shape[1], s, int(tokens[0] or 0),
                      int(tokens[1] or 0), "trtllm")
                for s in systems
            ]  # fmt: skip
        except RefarchError as exc:
            out.append(CurveEntry(title=title, command=command, image="", error=str(exc).strip(),
                                  systems=[]))  # fmt: skip
            continue
        yield Page(f"sizing/{image}", site.render("throughput-curve.svg.j2", chart(title, curves)))
        out.append(
            CurveEntry(
                title=title,
                command=command,
                image=image,
                error="",
                systems=[
                    {"system": c.system, "efficiency": c.efficiency, "points": str(len(c.frontier))}
                    for c in curves
                ],  # fmt: skip
            )
        )
    if out:
        ctx = {"curves": out, "release": site.release}
        yield Page(
            PAGE_PATH, site.render("sizing-curves.md.j2", ctx), title="Throughput and interactivity"
        )
