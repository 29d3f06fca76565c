"""Goodput against cluster size on each architecture page with a scalable unit.

For 1, 2, 4 ... scalable units (up to the first size of at least the Llama 3 run's 16,384
GPUs): the GPUs, the mean time between interruptions at the KB's published rate
(:mod:`linter.lint.goodput`), and the goodput at the Young/Daly interval for checkpoints that
take 1, 5 and 15 minutes to write, with a 10-minute restart. Those three write times and the
restart are illustrations, stated on the page, not facts about the architecture: a plan's own
goodput comes from its checkpoint size and storage (``refarch lint``, ``refarch cost``).
"""

from __future__ import annotations

from typing import TypedDict

from linter.kb.model import Architecture
from linter.kb.store import KnowledgeBase
from linter.lint.goodput import Goodput, Rates, rates
from linter.site.curves import (
    COLOURS,
    LEFT,
    PLOT_H,
    PLOT_W,
    TOP,
    ChartContext,
    Series,
    Tick,
    line_chart,
)
from linter.site.escape import number

WRITE_MIN = (1, 5, 15)  # illustrative checkpoint write times, minutes
RESTART_MIN = 10  # illustrative restart, minutes
LLAMA3_GPUS = 16384


class Row(TypedDict):
    units: int
    gpus: str
    mtbi_h: str
    goodput: list[str]  # per write time, %


class Table(TypedDict):
    write_min: list[int]
    restart_min: int
    rate: str
    caveat: str
    rows: list[Row]


def _units(per_unit: int) -> list[int]:
    out = [1]
    while out[-1] * per_unit < LLAMA3_GPUS:
        out.append(out[-1] * 2)
    return out


def _goodput(r: Rates, gpus: int, write_min: int) -> float:
    g = Goodput(
        gpus=gpus,
        rate=r,
        write_s=write_min * 60.0,
        restart_s=RESTART_MIN * 60.0,
        restart_min=RESTART_MIN,
        restore_s=None,
        interval_s=None,
    )
    return (g.goodput(g.optimal_s or 0.0) or 0.0) * 100


def table(kb: KnowledgeBase, arch: Architecture) -> Table | None:
    """The page's table, or None (not a training architecture, no scalable unit with a GPU
    count, or no published rate)."""
    if "training" not in arch.use:
        return None
    su = arch.scalable_unit
    per = su.gpus.value if su is not None else None
    r = rates(kb)
    if r is None or not per or per < 1:
        return None
    rows = [
        Row(
            units=n,
            gpus=f"{n * int(per):,}",
            mtbi_h=number(round(3600 / (r.per_gpu_hour * n * per) / 3600, 1)),
            goodput=[number(round(_goodput(r, n * int(per), c), 1)) for c in WRITE_MIN],
        )
        for n in _units(int(per))
    ]
    return Table(
        write_min=list(WRITE_MIN),
        restart_min=RESTART_MIN,
        rate=f"{r.per_gpu_hour:.4g}",
        caveat=r.caveat(),
        rows=rows,
    )


def chart(arch: Architecture, t: Table) -> ChartContext:
    """Goodput (%) against scalable units on a log-2 axis, one line per write time."""
    count = len(t["rows"])
    span = max(count - 1, 1)

    def px(i: int, pct: float) -> str:
        return f"{LEFT + PLOT_W * i / span:.1f},{TOP + PLOT_H * (1 - pct / 100):.1f}"

    series = [
        Series(
            label=f"checkpoint written in {c} min",
            colour=COLOURS[k % len(COLOURS)],
            points=" ".join(px(i, float(row["goodput"][k])) for i, row in enumerate(t["rows"])),
        )
        for k, c in enumerate(t["write_min"])
    ]
    return line_chart(
        f"{arch.id}: goodput by cluster size (restart {t['restart_min']} min)",
        series,
        [
            Tick(at=round(LEFT + PLOT_W * i / span, 1), label=f"{row['units']} SU")
            for i, row in enumerate(t["rows"])
        ],
        [
            Tick(at=round(TOP + PLOT_H * (1 - pct / 100), 1), label=f"{pct} %")
            for pct in range(0, 101, 20)
        ],
        ("scalable units (log scale)", "goodput, %"),
        legend_low=True,
    )
