"""What ``refarch size`` shows: the heading, the result and compare tables, the calibration
listing and the ``--json`` documents. The command and the docs site both call these, so the
site shows exactly what the command prints."""

from __future__ import annotations

import math
from typing import Any

from linter.core.errors import RefarchError, UsageError
from linter.kb.store import KnowledgeBase
from linter.sizing.calibration_report import model_error_text, outside_measured
from linter.sizing.engine import Options, SizingRefused, SizingResult, Workload, compare, size
from linter.sizing.shortfall import at_measured_error

Row = tuple[str, SizingResult | RefarchError]


MAX_OUTPUT_CV = 10.0  # as the schemas bound output_tokens_cv


def check_output_cv(cv: float) -> float:
    """``--output-tokens-cv`` as given, or a usage error when outside [0, MAX_OUTPUT_CV]."""
    if not 0 <= cv <= MAX_OUTPUT_CV:
        raise UsageError(f"--output-tokens-cv must be between 0 and {MAX_OUTPUT_CV:g}")
    return cv


def workload(
    model: str | None,
    precision: str | None,
    users: int | None,
    input_tokens: int | None,
    output_tokens: int | None,
    ttft_ms: float | None,
    tokens_per_s: float | None = None,
    itl_ms: float | None = None,
    kv_precision: str | None = None,
    ttft_percentile: str = "99",
    requests_per_s: float | None = None,
    output_tokens_cv: float = 0.0,
) -> Workload:
    """The workload of the command's options; a missing one is named by its option. A request
    rate gives the users by Little's law (see :func:`users_from_rate`)."""
    given = {
        "model": model,
        "precision": precision,
        "users": users if requests_per_s is None else 0,
        "input_tokens": input_tokens,
        "output_tokens": output_tokens,
        "ttft_ms": ttft_ms,
    }
    missing = [f"--{n.replace('_', '-')}" for n, v in given.items() if v is None]
    if "--users" in missing:
        missing[missing.index("--users")] = "--users or --requests-per-s"
    if tokens_per_s is None and itl_ms is None:
        missing.append("--tokens-per-s or --itl-ms")
    if missing:
        raise UsageError(f"missing {', '.join(missing)} (see refarch size --help)")
    assert model is not None and precision is not None
    assert input_tokens is not None and output_tokens is not None and ttft_ms is not None
    if itl_ms is not None and itl_ms <= 0:
        raise UsageError("--itl-ms must be positive")
    check_output_cv(output_tokens_cv)
    if tokens_per_s is not None:
        speed = tokens_per_s
    else:
        assert itl_ms is not None
        speed = 1000.0 / itl_ms
    if requests_per_s is not None:
        users = users_from_rate(requests_per_s, ttft_ms, output_tokens, speed)
    assert users is not None
    return Workload(
        model, precision, users, input_tokens, output_tokens, ttft_ms, speed, kv_precision,
        ttft_percentile=None if ttft_percentile == "mean" else float(ttft_percentile),
        output_tokens_cv=output_tokens_cv,
    )  # fmt: skip


def users_from_rate(
    requests_per_s: float, ttft_ms: float, output_tokens: int, tokens_per_s: float
) -> int:
    """Users in flight for a request rate, by Little's law: L = lambda x W, where a request
    stays at most its time to first token plus O tokens at the per-user speed, so
    users = ceil(rate x (TTFT + O / speed)). The targets bound W, so this bounds L."""
    if not requests_per_s > 0 or requests_per_s > 1e7:
        raise UsageError("--requests-per-s must be above 0 and at most 10,000,000")
    stay_s = ttft_ms / 1000.0 + output_tokens / tokens_per_s
    return max(1, math.ceil(requests_per_s * stay_s - 1e-9))


def check_options(opts: Options) -> None:
    if opts.pue is not None and not 0 < opts.pue <= 10:
        raise UsageError("--pue must be above 0 and at most 10")


def system_ids(text: str) -> list[str]:
    """The systems of ``--compare S1,S2``."""
    return [s.strip() for s in text.split(",") if s.strip()]


def sizing_json(
    kb: KnowledgeBase,
    w: Workload,
    system: str | None,
    compare_ids: list[str] | None,
    opts: Options,
) -> dict[str, Any]:
    """The document ``refarch size --json`` prints: one result, or every ``--compare`` row."""
    if compare_ids is not None:
        rows = compare(kb, w, compare_ids, opts)
        return {"workload": w.__dict__, "results": [json_row(s, r) for s, r in rows]}
    if not system:
        raise UsageError("give --system or --compare (see refarch size --help)")
    return size(kb, w, system, opts).to_dict()


def spread(w: Workload) -> str:
    """`` (cv 1.25)`` when the output lengths spread, else nothing."""
    return f" (cv {w.output_tokens_cv:g})" if w.output_tokens_cv else ""


def ttft_name(percentile: float | None) -> str:
    """``TTFT P99`` or ``mean TTFT``."""
    return "mean TTFT" if percentile is None else f"TTFT P{percentile:g}"


def heading(w: Workload) -> str:
    return (
        f"{w.model} {w.precision}, {w.users:,} users, {w.input_tokens:,} in / "
        f"{w.output_tokens:,} out{spread(w)}, {ttft_name(w.ttft_percentile)} <= {w.ttft_ms:g} ms, "
        f">= {w.tokens_per_s:g} tokens/s per user"
    )


def result_text(w: Workload, r: SizingResult, error: dict[str, Any] | None = None) -> str:
    """One sizing as ``refarch size`` prints it: the heading, the result table, and the
    measured error of the efficiency set behind it."""
    text = heading(w) + " on " + r.system + "\n\n" + result_table(r)
    if error is None:
        return text
    short = at_measured_error(r, error, w.model)
    return (
        text
        + "\n"
        + model_error_text(error, outside_measured(error, w.model, r.tensor_parallel), w.model)
        + (short.text() if short else "")
    )


def compare_text(w: Workload, rows: list[Row]) -> str:
    """``refarch size --compare`` as printed: the heading, then one row per system."""
    return heading(w) + "\n" + compare_table(rows)


def ttft_text(r: SizingResult) -> str:
    """``812.3 ms (P99; mean 402.1 ms)`` or ``402.1 ms (mean)``."""
    if r.ttft_percentile is None:
        return f"{r.ttft_ms:,.1f} ms (mean)"
    return f"{r.ttft_ms:,.1f} ms (P{r.ttft_percentile:g}; mean {r.ttft_mean_ms:,.1f} ms)"


def result_table(r: SizingResult) -> str:
    a = r.assumptions
    rows = [
        ("tensor parallel", f"{r.tensor_parallel} (smallest that fits: {r.min_tensor_parallel})"),
        (
            "replicas",
            f"{r.replicas} x {r.sequences_per_replica} sequences (at most "
            f"{r.max_sequences_per_replica}; KV cache holds {r.kv_capacity_sequences})",
        ),
        ("GPUs", f"{r.gpus} {r.accelerator} ({r.gpus_installed} installed)"),
        ("systems", f"{r.systems} {r.system}"),
        (
            "racks",
            f"{r.racks} ({r.systems_per_rack} per rack, {a['rack_profile']}; "
            f"{r.rack_kw:g} kW per full rack)",
        ),
        ("IT power", f"{r.it_kw:,.1f} kW"),
        ("facility power", f"{r.facility_kw:,.1f} kW (PUE {r.pue:g}, {a['pue_source']})"),
        ("heat", f"{r.heat_kw:,.1f} kW = {r.heat_btu_h:,.0f} BTU/h"),
        ("cooling", f"{r.cooling} ({r.cooling_id or 'no catalog option takes a full rack'})"),
        ("TTFT", ttft_text(r)),
        ("tokens/s per user", f"{r.tokens_per_s_per_user:,.2f} (ITL {r.itl_ms:,.2f} ms)"),
        ("output tokens/s", f"{r.output_tokens_per_s:,.0f} in total"),
        (
            "annual energy",
            f"{r.facility_kw * 8760 / 1000:,.0f} MWh (facility kW x 8760 h: the sized load all "
            "year, an upper bound; refarch cost takes a utilisation and a tariff)",
        ),
        (
            "energy per token",
            f"{r.facility_kw * 1e6 / (r.output_tokens_per_s * 3600):,.2f} kWh per million "
            "output tokens (facility kW x 10^6 / (output tokens/s x 3600 s))"
            if r.output_tokens_per_s > 0
            else "n/a (no output tokens)",
        ),
        ("bottleneck", r.bottleneck),
        (
            "memory",
            f"weights {r.weights_gb:,.1f} GB, KV {r.kv_gb_per_sequence:,.3f} GB per sequence "
            f"({r.kv_precision})",
        ),
        (
            "efficiency",
            f"{r.efficiency}: {a['memory_usable_pct']:g} % memory, "
            f"{a['decode_bandwidth_pct']:g} % bandwidth, {a['flops_pct']:g} % FLOPS",
        ),
    ]
    width = max(len(k) for k, _ in rows)
    return "".join(f"  {k:<{width}}  {v}\n" for k, v in rows)


COLUMNS = (
    "system",
    "TP",
    "replicas",
    "GPUs",
    "systems",
    "racks",
    "IT kW",
    "facility kW",
    "cooling",
    "TTFT ms",
    "tok/s/user",
    "bottleneck",
)


def compare_table(rows: list[Row]) -> str:
    lines: list[list[str]] = [list(COLUMNS)]
    notes = []
    for sid, r in rows:
        if isinstance(r, SizingResult):
            lines.append(
                [
                    sid,
                    str(r.tensor_parallel),
                    str(r.replicas),
                    str(r.gpus),
                    str(r.systems),
                    str(r.racks),
                    f"{r.it_kw:,.1f}",
                    f"{r.facility_kw:,.1f}",
                    r.cooling,
                    f"{r.ttft_ms:,.0f}",
                    f"{r.tokens_per_s_per_user:.1f}",
                    r.bottleneck,
                ]
            )
        else:
            lines.append([sid] + ["-"] * (len(COLUMNS) - 2) + ["refused"])
            notes.append(f"{sid}: {r.message}")
    widths = [max(len(row[i]) for row in lines) for i in range(len(COLUMNS))]
    out = []
    for row in lines:
        cells = [
            c.ljust(w) if i in (0, 8, 11) else c.rjust(w)
            for i, (c, w) in enumerate(zip(row, widths, strict=True))
        ]
        out.append("  ".join(cells).rstrip())
    return "\n".join(out) + "\n" + "".join(f"\n{n}" for n in notes) + ("\n" if notes else "")


def json_row(sid: str, r: SizingResult | RefarchError) -> dict[str, Any]:
    """One ``--compare --json`` result: the sizing, or the error that refused it."""
    if isinstance(r, SizingResult):
        return r.to_dict()
    reason = r.reason if isinstance(r, SizingRefused) else "input"
    return {"system": sid, "error": r.message, "reason": reason}
