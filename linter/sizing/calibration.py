"""Efficiency factors from the KB, and how well they reproduce their calibration points.

Each ``catalog/efficiency/<generation>-<stack>.yaml`` holds one set of factors and published
measurements: the ``split: fit`` points the factors were fitted to and the ``split: holdout``
points kept out of the fit to measure the error out of sample. :func:`evaluate` estimates
every point with the same engine `refarch size` uses; :func:`fit` moves the factors a set
states, by coordinate descent on a grid, to minimise the squared log errors of its fit points
(:func:`score`); :mod:`linter.sizing.accuracy` reports the errors.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from linter.kb.figures import Figure
from linter.kb.model import CalibrationPoint as Point
from linter.kb.model import Efficiency, Slo
from linter.kb.specs import (
    SizingInputError,
    check_precision,
    default_kv_precision,
    load_gpu,
    load_model,
)
from linter.kb.store import KnowledgeBase
from linter.sizing.memory import kv_capacity_sequences
from linter.sizing.perf import Factors, OperatingPoint, Replica

TOLERANCE = {"ttft_ms": 0.25, "itl_ms": 0.25, "output_tokens_per_s": 0.35}
DEFAULT_STACK = "trtllm"


def factors_of(entry: Efficiency) -> Factors:
    def need(key: str, fig: Figure) -> float:
        if fig.value is None:
            raise SizingInputError(f"efficiency {entry.id!r} has no {key}", entry.location())
        return fig.value

    return Factors(
        id=entry.id,
        memory_usable_pct=need("memory_usable_pct", entry.memory_usable_pct),
        decode_bandwidth_pct=need("decode_bandwidth_pct", entry.decode_bandwidth_pct),
        flops_pct=need("flops_pct", entry.flops_pct),
        step_overhead_ms=_or(entry.step_overhead_ms, 0.0),
        layer_overhead_us=_or(entry.layer_overhead_us, 0.0),
        sequence_overhead_us=_or(entry.sequence_overhead_us, 0.0),
        request_overhead_ms=_or(entry.request_overhead_ms, 0.0),
        moe_flops_pct=entry.moe_flops_pct.value,
        allreduce_latency_us=_or(entry.allreduce_latency_us, 0.0),
        allreduce_bandwidth_pct=_or(entry.allreduce_bandwidth_pct, 100.0),
        roofline_exponent=_exponent(entry),
    )


def _exponent(entry: Efficiency) -> float | None:
    """The set's roofline exponent, None where it states none. Below 1 the smooth roofline
    would take longer than the read and the multiplies one after the other, so it is refused."""
    p = entry.roofline_exponent.value
    if p is not None and not p >= 1:
        raise SizingInputError(
            f"efficiency {entry.id!r}: roofline_exponent {p:g} is below 1 (1: the read and the "
            "multiplies do not overlap at all)",
            entry.location("roofline_exponent", "value"),
        )
    return p


def _or(fig: Figure, absent: float) -> float:
    """A factor the set may leave out: its value, or what leaving it out means."""
    return fig.value if fig.value is not None else absent


STACK_NAMES = {"trtllm": "TensorRT-LLM", "vllm": "vLLM", "sglang": "SGLang"}


def _stack_name(stack: str) -> str:
    return STACK_NAMES.get(stack, stack)


def _generation_name(generation: str) -> str:
    """An accelerator generation key as its vendor writes it: hopper -> Hopper,
    blackwell-ultra -> Blackwell Ultra, cdna3 -> CDNA 3."""
    words = generation.split("-")
    return " ".join(
        f"{w[:-1].upper()} {w[-1]}" if w[:-1] == "cdna" else w.capitalize() for w in words
    )


def factors_for(kb: KnowledgeBase, generation: str, stack: str = DEFAULT_STACK) -> Factors:
    """The factors of an accelerator generation and serving stack (``hopper-trtllm``); when
    the KB has none, a refusal in plain words: what is missing, why sizing stops there, and
    what it can size instead."""
    entry = kb.efficiency(f"{generation}-{stack}")
    if entry is not None:
        return factors_of(entry)
    covered = sorted((e.generation, e.stack) for e in kb.efficiencies())
    same = [s for g, s in covered if g == generation]
    other = ", ".join(f"{_generation_name(g)} with {_stack_name(s)}" for g, s in covered)
    if same:
        instead = (
            f"{_generation_name(generation)} can be sized with "
            f"{', '.join(_stack_name(s) for s in same)} (--stack {' or --stack '.join(same)})"
        )
    else:
        instead = f"throughput and latency can be sized for: {other or 'nothing yet'}"
    raise SizingInputError(
        f"cannot size throughput and latency on {_generation_name(generation)} accelerators served "
        f"with {_stack_name(stack)}: the knowledge base has no published measurements of that "
        f"combination to calibrate the serving model against, and refarch does not guess; "
        f"{instead}"
    )


@dataclass(frozen=True)
class Check:
    point: Point
    estimate: float
    fitted: bool = True  # whether the fit reads it (:func:`fitted_point`)

    @property
    def error(self) -> float:
        """Relative error of the estimate: estimate / published - 1."""
        return self.estimate / self.point.published - 1.0

    @property
    def tolerance(self) -> float:
        return TOLERANCE[self.point.metric]

    @property
    def ok(self) -> bool:
        return abs(self.error) <= self.tolerance


SPLITS = ("fit", "holdout")
# The TTFT a point reports: a percentile, else (mean, not stated) the mean.
STATISTIC_PERCENTILE = {"median": 50.0, "p90": 90.0, "p99": 99.0}


def points(entry: Efficiency, split: str | None = None) -> list[Point]:
    """The set's calibration points (of one ``split`` if given), each with a precision sizing
    knows, a whole number of replicas, and latency bounds only on a throughput."""
    for p in entry.calibration:
        check_precision(p.precision)
        if p.gpus % p.tensor_parallel:  # 0 (not stated) splits
            raise SizingInputError(
                f"calibration point {p.id!r}: {p.gpus} GPUs do not split into replicas of "
                f"tensor_parallel {p.tensor_parallel}",
                entry.where(p.at, "gpus"),
            )
        if p.slo is not None and p.metric != "output_tokens_per_s":
            raise SizingInputError(
                f"calibration point {p.id!r}: latency bounds (slo) qualify a throughput, "
                f"not {p.metric}",
                entry.where(p.at, "slo"),
            )
    return [p for p in entry.calibration if split is None or p.split == split]


def estimate(kb: KnowledgeBase, point: Point, factors: Factors) -> float:
    """The engine's estimate of one calibration point's metric.

    With a concurrency the replica runs that many sequences (closed loop, so the request rate
    is concurrency / (TTFT + O x ITL)); with latency bounds (``slo``: a throughput measured
    within them, as MLPerf's Server and Interactive scenarios are) it runs the most sequences
    whose TTFT (the bound's statistic) and mean ITL stay within them; with neither it runs as
    many as its KV cache holds. A closed loop of more requests than the KV cache holds runs
    ``capacity`` of them; each of the others waits for a slot, so the mean TTFT grows by
    (concurrency - capacity) / rate. Throughputs count the system's gpus / tensor_parallel
    replicas. The replica runs the attention layout the point was measured with
    (``attention_data_parallel``), else the model's default, and the spread of output
    lengths its requests had (``output_tokens_cv``).
    """
    model, gpu = load_model(kb, point.model), load_gpu(kb, point.accelerator)
    kvp = default_kv_precision(point.precision)
    replica = Replica(
        model,
        gpu,
        point.precision,
        kvp,
        point.tensor_parallel,
        point.input_tokens,
        point.output_tokens,
        factors,
        STATISTIC_PERCENTILE.get(point.slo.ttft_statistic if point.slo else point.statistic),
        point.attention_data_parallel,
        point.output_tokens_cv,
    )
    capacity = kv_capacity_sequences(
        model,
        gpu,
        point.precision,
        kvp,
        point.tensor_parallel,
        point.input_tokens + point.output_tokens,
        factors.memory_usable_pct,
        point.attention_data_parallel,
    )
    if capacity < 1:
        return 0.0
    replicas = point.replicas
    slo = point.slo
    if slo is not None:
        best = replica.most_sequences(capacity, lambda op: _within(op, slo))
        return replicas * replica.operate(best).output_tokens_per_s if best else 0.0
    if point.concurrency is None:
        return replicas * capacity / replica.step_s(capacity)
    batch = min(point.concurrency, capacity)
    op = replica.operate(batch)
    return _metric(point, op, (point.concurrency - batch) / op.requests_per_s, replicas)


def _within(op: OperatingPoint, slo: Slo) -> bool:
    """Whether ``op`` holds the latencies a throughput point was measured within."""
    return op.ttft_s * 1000 <= slo.ttft_ms and op.itl_s * 1000 <= slo.itl_ms


def _metric(point: Point, op: OperatingPoint, queued_s: float, replicas: int) -> float:
    """The point's metric at ``op``: TTFT (plus ``queued_s`` waiting for a KV-cache slot),
    ITL, or the output tokens per second of all ``replicas`` (the KV cache bounds the tokens
    in flight, not the clients)."""
    if point.metric == "ttft_ms":
        return (op.ttft_s + queued_s) * 1000.0
    if point.metric == "itl_ms":
        return op.itl_s * 1000.0
    return replicas * op.output_tokens_per_s


def evaluate(
    kb: KnowledgeBase,
    entry: Efficiency,
    factors: Factors | None = None,
    split: str | None = None,
) -> list[Check]:
    """Every point's estimate (of one ``split`` if given) with the set's factors."""
    f = factors or factors_of(entry)
    return [Check(p, estimate(kb, p, f), fitted_point(p, entry)) for p in points(entry, split)]


# The largest closed loop whose TTFT fits a set's fixed time per request (request_overhead_ms).
LOW_CONCURRENCY = 4


def request_point(p: Point) -> bool:
    """A TTFT of a small closed loop (2 to :data:`LOW_CONCURRENCY` requests): what tells a
    set's fixed time per request apart from its prefill."""
    return p.metric == "ttft_ms" and 1 < (p.concurrency or 0) <= LOW_CONCURRENCY


def fitted_point(p: Point, entry: Efficiency) -> bool:
    """Whether the fit reads a point. Every point but a TTFT under closed-loop concurrency:
    there the benchmark's identical requests restart together, so prompts arrive in bursts
    the model (independent users) does not represent. A set that states a fixed time per
    request (``request_overhead_ms``) reads the TTFT of its smallest closed loops too (at most
    :data:`LOW_CONCURRENCY` requests, whose bursts are at most that many prompts): those
    points are what tells that time apart from the prefill. The others are still reported."""
    if p.metric != "ttft_ms" or p.concurrency in (None, 1):
        return True
    return entry.request_overhead_ms.present and request_point(p)


def score(checks: Iterable[Check]) -> float:
    """Sum of squared log errors, log(estimate / published)^2, over the points the fit reads:
    lower is better. A relative error counts the same above and below, and no single point
    pulls every factor towards it, as a worst-error score would."""
    return sum(
        math.log(max(c.estimate, 1e-12) / c.point.published) ** 2 for c in checks if c.fitted
    )


@dataclass(frozen=True)
class Axis:
    """One fitted factor: its bounds and grid step."""

    low: float
    high: float
    step: float


GRID: dict[str, Axis] = {
    "memory_usable_pct": Axis(75, 95, 5),
    "decode_bandwidth_pct": Axis(40, 100, 1),
    "flops_pct": Axis(5, 95, 1),
    "step_overhead_ms": Axis(0, 20, 0.25),
    "layer_overhead_us": Axis(0, 250, 1),
    "sequence_overhead_us": Axis(0, 200, 0.5),
    "request_overhead_ms": Axis(0, 1000, 1),
    "moe_flops_pct": Axis(5, 100, 1),
    "allreduce_latency_us": Axis(0, 60, 1),
    "allreduce_bandwidth_pct": Axis(5, 100, 1),
    "roofline_exponent": Axis(1, 10, 0.25),
}


def fitted(entry: Efficiency) -> tuple[str, ...]:
    """The factors a set states, which its fit moves. A set leaves out the step and
    all-reduce terms when its fit points cannot tell them apart from the shares (a handful of
    maximum-throughput runs); left out, they are not modelled."""
    return tuple(name for name in GRID if getattr(entry, name).present)


def neighbours(f: Factors, stride: int = 1, names: tuple[str, ...] = tuple(GRID)) -> list[Factors]:
    """The factor sets ``stride`` grid steps away from ``f`` along each axis in ``names``."""
    out = []
    for name in names:
        axis = GRID[name]
        for delta in (-axis.step * stride, axis.step * stride):
            v = round(getattr(f, name) + delta, 6)
            if axis.low - 1e-9 <= v <= axis.high + 1e-9:
                out.append(replace(f, **{name: v}))
    return out


MOE_FACTOR = "moe_flops_pct"
REQUEST_FACTOR = "request_overhead_ms"


def stages(
    kb: KnowledgeBase, entry: Efficiency
) -> list[tuple[tuple[str, ...], Callable[[Factors], float]]]:
    """The fit's stages, each the factors it moves and the score it minimises: every step
    factor on the dense models' fit points, then ``moe_flops_pct`` alone on the
    mixture-of-experts fit points, then ``request_overhead_ms`` alone on the small closed
    loops' TTFT (:func:`request_point`, which the first two stages leave out). MoE points so
    inform only the expert GEMMs and never move the dense factors, and the fixed time per
    request, which adds to nothing but TTFT, never moves the step. A set whose fit points are
    all MoE (every published point of some stacks is) fits its step factors on them; it
    states no ``moe_flops_pct``, which those points could not tell apart from ``flops_pct``."""
    names = fitted(entry)
    fit_points = points(entry, "fit")
    moe = {p.id for p in fit_points if load_model(kb, p.model).moe}
    if len(moe) == len(fit_points):
        moe = set()  # no dense point: the first stage reads them all
    request = {p.id for p in fit_points if request_point(p)}

    def on(keep: Callable[[str], bool]) -> Callable[[Factors], float]:
        return lambda f: score(c for c in evaluate(kb, entry, f, "fit") if keep(c.point.id))

    step = tuple(n for n in names if n not in (MOE_FACTOR, REQUEST_FACTOR))
    out = [(step, on(lambda i: i not in moe and i not in request))]
    if MOE_FACTOR in names:
        out.append(((MOE_FACTOR,), on(lambda i: i in moe and i not in request)))
    if REQUEST_FACTOR in names:
        out.append(((REQUEST_FACTOR,), on(lambda i: i in request)))
    return out


def fit(kb: KnowledgeBase, entry: Efficiency, start: Factors | None = None) -> Factors:
    """The factors that minimise each stage's score (:func:`stages`) on the set's fit points,
    by coordinate descent on the grid from ``start`` (the stored factors): long strides
    first, then single steps, until no neighbour scores lower. Held-out points never enter
    the fit."""
    best = start or factors_of(entry)
    for names, total in stages(kb, entry):
        here = total(best)
        for stride in (20, 5, 1):
            improved = True
            while improved:
                improved = False
                for cand in neighbours(best, stride, names):
                    s = total(cand)
                    if s < here - 1e-12:
                        best, here, improved = cand, s, True
    return best
