"""Interruptions, checkpoint interval and goodput of a synchronous training job.

A synchronous job stops whenever any of its GPUs, hosts or links fails. With the published
interruption rate ``r`` per GPU-hour (``standards/reliability.yaml``, from the Llama 3 run) and
``N`` GPUs in the job:

* mean time between interruptions ``M = 1 / (r x N)``;
* checkpoint write time ``C = checkpoint size / storage write bandwidth``;
* the Young/Daly optimum checkpoint period ``P* = sqrt(2 x M x C)``;
* restart time ``R = restart_min`` (detection, rescheduling, process start) ``+ checkpoint size
  / storage read bandwidth`` (every node reading its part of the model state back);
* goodput at period ``P``: ``P / (M x e^(R/M) x (e^((P + C)/M) - 1))``, the work of one
  period over the expected wall time to get it checkpointed when interruptions are
  exponential (Daly: writing checkpoints, the work lost since the last one and the
  restart, itself interruptible). Young's first-order waste ``C/P + (P/2 + R)/M`` is its
  limit where ``C << P << M``; it goes negative where this stays meaningful;
* node failures during one repair: ``hardware share x r x N x repair time`` (the hardware
  share of the published interruptions: GPU, network and host).

Every number says how it was computed (``arithmetic``); the rate's source and its
out-of-sample error against Meta's A100 research-cluster projection travel with it.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from linter.core.text import fmt
from linter.kb.store import KnowledgeBase
from linter.lint.plan import Plan
from linter.lint.power import racks_of

STANDARD = "reliability"


@dataclass(frozen=True)
class Rates:
    """The published interruption rate and what backs it."""

    per_gpu_hour: float
    hardware_share: float  # 0-1
    # The out-of-sample check: the A100 projection's MTBF at the Llama 3 scale against the run's.
    projected_mtbf_h: float | None
    observed_mtbf_h: float | None

    @property
    def error_pct(self) -> float | None:
        if self.projected_mtbf_h is None or not self.observed_mtbf_h:
            return None
        return (self.projected_mtbf_h / self.observed_mtbf_h - 1) * 100

    def caveat(self) -> str:
        """What a user must know about the rate, in one sentence."""
        err = self.error_pct
        vs = (
            f"; Meta's A100 research-cluster projection gives an MTBI {fmt(abs(err), 0)} % "
            f"{'shorter' if err < 0 else 'longer'} at that scale"
            if err is not None
            else ""
        )
        return (
            "rate from the Llama 3 405B run (16,384 H100, 54 days), applied to every GPU "
            f"generation{vs}"
        )


def rates(kb: KnowledgeBase) -> Rates | None:
    std = kb.standard(STANDARD)
    if std is None:
        return None
    run, projection = std.section("llama3_run"), std.section("rsc_projection")
    if run is None:
        return None
    rate = run.figure("interruptions_per_gpu_hour").value
    share = run.figure("hardware_share_pct").value
    if rate is None or rate <= 0 or share is None:
        return None
    days = run.figure("days").value
    count = run.figure("interruptions_unexpected").value
    observed = days * 24 / count if days and count else None
    projected = projection.figure("mtbf_hours").value if projection is not None else None
    return Rates(rate, share / 100, projected, observed)


@dataclass(frozen=True)
class Goodput:
    """The reliability arithmetic of one training plan (times in seconds)."""

    gpus: int
    rate: Rates
    write_s: float | None
    restart_s: float | None  # scheduling + checkpoint read back
    restart_min: float | None
    restore_s: float | None
    interval_s: float | None  # the plan's checkpoint interval

    @property
    def mtbi_s(self) -> float:
        return 3600 / (self.rate.per_gpu_hour * self.gpus)

    def interruptions(self, hours: float) -> float:
        return self.rate.per_gpu_hour * self.gpus * hours

    def mtbi_arithmetic(self) -> str:
        return (
            f"MTBI = 1 / ({self.rate.per_gpu_hour:.4g} per GPU-hour x {self.gpus:,} GPUs) = "
            f"{fmt(self.mtbi_s / 3600)} h"
        )

    @property
    def optimal_s(self) -> float | None:
        """The Young/Daly period sqrt(2 M C); None without a write time, or when it is not a
        finite positive number (a write bandwidth so small that C overflows)."""
        if self.write_s is None or self.write_s <= 0:
            return None
        best = math.sqrt(2 * self.mtbi_s * self.write_s)
        return best if 0 < best < math.inf else None

    def optimal_arithmetic(self) -> str:
        return (
            f"P* = sqrt(2 x {fmt(self.mtbi_s, 0)} s x {fmt(self.write_s or 0, 1)} s) = "
            f"{fmt((self.optimal_s or 0) / 60, 1)} min"
        )

    def goodput(self, period_s: float) -> float | None:
        """The useful share of time at checkpoint period ``period_s`` (Daly's exponential
        model: one period's work over the expected wall time to complete and save it)."""
        if self.write_s is None or self.restart_s is None or period_s <= 0:
            return None
        m = self.mtbi_s
        try:
            wall = m * math.exp(self.restart_s / m) * math.expm1((period_s + self.write_s) / m)
        except OverflowError:  # interrupted hundreds of times per period: nothing gets done
            return 0.0
        return period_s / wall if wall > 0 else 0.0

    def goodput_arithmetic(self, period_s: float) -> str:
        g = self.goodput(period_s)
        m, c, r = fmt(self.mtbi_s, 0), fmt(self.write_s or 0, 1), fmt(self.restart_s or 0, 0)
        p = fmt(period_s, 0)
        return (
            f"P / (M x e^(R/M) x (e^((P + C)/M) - 1)) = {p} / ({m} x e^({r}/{m}) x "
            f"(e^(({p} + {c})/{m}) - 1)) = {fmt((g or 0) * 100, 1)} %"
        )

    def restart_arithmetic(self) -> str:
        parts = []
        if self.restart_min is not None:
            parts.append(f"{fmt(self.restart_min)} min restart")
        if self.restore_s is not None:
            parts.append(f"{fmt(self.restore_s, 1)} s checkpoint read")
        return " + ".join(parts) + f" = {fmt(self.restart_s or 0, 0)} s"

    def failures_during(self, minutes: float) -> float:
        """Expected hardware failures (nodes to repair) in ``minutes``."""
        return self.rate.hardware_share * self.rate.per_gpu_hour * self.gpus * minutes / 60


@dataclass(frozen=True)
class Outlook:
    """A training plan's goodput in one line of the lint summary."""

    gpus: int
    mtbi_h: float
    optimal_min: float
    optimal_pct: float
    interval_min: float | None
    at_interval_pct: float | None

    def describe(self) -> str:
        best = f"{fmt(self.optimal_pct, 1)} % at the Young/Daly {fmt(self.optimal_min, 1)} min"
        head = (
            f"{fmt(self.at_interval_pct or 0, 1)} % at {fmt(self.interval_min)} min checkpoints "
            f"({best})"
            if self.interval_min is not None
            else f"{best} checkpoints"
        )
        return f"{head}; {self.gpus:,} GPUs interrupted every {fmt(self.mtbi_h, 1)} h"

    def to_dict(self) -> dict[str, float | int | None]:
        return {
            "gpus": self.gpus,
            "mtbi_h": round(self.mtbi_h, 6),
            "optimal_interval_min": round(self.optimal_min, 6),
            "goodput_at_optimal_pct": round(self.optimal_pct, 6),
            "interval_min": self.interval_min,
            "goodput_pct": None if self.at_interval_pct is None else round(self.at_interval_pct, 6),
        }


def outlook(g: Goodput | None) -> Outlook | None:
    """The summary line's figures, when the plan gives what goodput needs."""
    if g is None or g.optimal_s is None:
        return None
    best = g.goodput(g.optimal_s)
    if best is None:
        return None
    at = g.goodput(g.interval_s) if g.interval_s else None
    return Outlook(
        gpus=g.gpus,
        mtbi_h=g.mtbi_s / 3600,
        optimal_min=g.optimal_s / 60,
        optimal_pct=best * 100,
        interval_min=g.interval_s / 60 if g.interval_s else None,
        at_interval_pct=None if at is None else at * 100,
    )


def _number(v: object) -> float | None:
    return float(v) if isinstance(v, int | float) and not isinstance(v, bool) else None


def gpus_in_service(plan: Plan, kb: KnowledgeBase) -> Counter[str]:
    """GPUs in service per accelerator id (spares are taken from the first system's)."""
    spans = racks_of(kb)
    out: Counter[str] = Counter()
    for model in plan.models():
        entry = kb.system(model)
        per = entry.gpu_count.value if entry is not None else None
        if entry is not None and per:
            out[entry.accelerator] += int(plan.system_count(model, spans) * per)
    spares = plan.spares.get("systems")
    first = kb.system(plan.models()[0]) if plan.models() else None
    if isinstance(spares, int) and first is not None and first.gpu_count.value:
        out[first.accelerator] -= int(spares * first.gpu_count.value)
    return Counter({k: v for k, v in out.items() if v > 0})


def job_gpus(plan: Plan, kb: KnowledgeBase) -> int:
    """GPUs in service: the plan's systems, less its spares, times GPUs per system."""
    return sum(gpus_in_service(plan, kb).values())


def of(plan: Plan, kb: KnowledgeBase) -> Goodput | None:
    """The goodput arithmetic of a training plan, or None (not training, no GPUs, no rate)."""
    wl = plan.workload
    if wl.get("type") != "training":
        return None
    r = rates(kb)
    gpus = job_gpus(plan, kb)
    if r is None or gpus <= 0:
        return None
    size = _number(wl.get("checkpoint_size_gb"))
    write = _number(plan.storage.get("write_gb_s"))
    read = _number(plan.storage.get("read_gb_s"))
    restart_min = _number(wl.get("restart_min"))
    write_s = size / write if size and write else None
    restore_s = size / read if size and read else None
    restart_s = (
        (restart_min or 0) * 60 + (restore_s or 0)
        if restart_min is not None or restore_s is not None
        else None
    )
    interval = _number(wl.get("checkpoint_interval_min"))
    return Goodput(
        gpus=gpus,
        rate=r,
        write_s=write_s,
        restart_s=restart_s,
        restart_min=restart_min,
        restore_s=restore_s,
        interval_s=interval * 60 if interval else None,
    )
