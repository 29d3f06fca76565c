"""What ``refarch size --calibration`` shows, the error band printed beside each answer, and
the written accuracy report: how far the serving model is from published measurements, in
sample (the fit points) and out of sample (the held-out points)."""

from __future__ import annotations

import html
import math
from typing import Any

from linter.kb.store import KnowledgeBase
from linter.sizing import accuracy


def _pct(x: float) -> float | None:
    """An error in percent to 0.1; None (JSON null) where the model calls the replica
    saturated (an infinite estimate: its prefill load is 1 or more)."""
    pct = _finite(x)
    return round(pct, 1) if pct is not None else None


def _finite(x: float) -> float | None:
    """An error in percent, unrounded, for text; None where the estimate is infinite."""
    return x * 100 if math.isfinite(x) else None


def _band_json(b: accuracy.Band) -> dict[str, Any]:
    return {
        "split": b.split,
        "metric": b.metric,
        "points": b.n,
        "median_error_pct": _pct(b.median),
        "worst_error_pct": _pct(b.worst),
        "highest_error_pct": _pct(b.highest),
        "target_pct": round(accuracy.TARGET[b.metric] * 100),
        "meets_target": b.meets_target,
    }


def calibration_sets(kb: KnowledgeBase) -> list[dict[str, Any]]:
    """Each efficiency set's error bands (in sample, out of sample) and its points: split,
    published, estimate, error, tolerance."""
    sets: list[dict[str, Any]] = []
    for acc in accuracy.of_kb(kb):
        sets.append(
            {
                "id": acc.id,
                "bands": [_band_json(b) for b in acc.bands],
                "points": [
                    {
                        "id": c.point.id,
                        "split": c.point.split,
                        "fitted": c.point.split == "fit" and c.fitted,
                        "source": c.point.source,
                        "software": c.point.software,
                        "metric": c.point.metric,
                        "statistic": c.point.statistic,
                        "published": c.point.published,
                        "estimate": round(c.estimate, 2) if math.isfinite(c.estimate) else None,
                        "error_pct": _pct(c.error),
                        "tolerance_pct": round(c.tolerance * 100),
                        "ok": c.ok,
                    }
                    for c in acc.checks
                ],
            }
        )
    return sets


SPLIT_NAMES = {"fit": "in sample", "holdout": "out of sample"}


def _shown(pct: float | None, spec: str) -> str:
    """``12 %`` for text, or ``saturated`` where the estimate is infinite."""
    return f"{format(pct, spec)} %" if pct is not None else "saturated"


def band_lines(bands: list[dict[str, Any]], indent: str = "  ") -> str:
    """One line per split and metric: ``out of sample  TTFT  median 67 %  worst +298 % ...``."""
    out = []
    for split in ("fit", "holdout"):
        mine = [b for b in bands if b["split"] == split]
        if not mine:
            out.append(f"{indent}{SPLIT_NAMES[split]:<13}  no points\n")
        for b in mine:
            line = (
                f"{indent}{SPLIT_NAMES[split]:<13}  {accuracy.METRIC_NAMES[b['metric']]:<10}  "
                f"median {_shown(b['median_error_pct'], '>4.0f')}  "
                f"worst {_shown(b['worst_error_pct'], '>+6.0f'):>8}  n={b['points']}"
            )
            if split == "holdout" and not b["meets_target"]:
                line += f"  misses the +-{b['target_pct']} % target"
            out.append(line + "\n")
    return "".join(out)


def calibration_text(sets: list[dict[str, Any]]) -> str:
    """``refarch size --calibration`` as printed: per efficiency set its error bands, then
    every point with its split."""
    out: list[str] = []
    for s in sets:
        out.append(f"{s['id']}\n")
        out.append(band_lines(s["bands"]))
        width = max(len(p["id"]) for p in s["points"])
        for p in s["points"]:
            if p["split"] == "fit" and not p["fitted"]:
                flag = "  not fitted (closed-loop TTFT)"
            elif p["ok"] or p["split"] == "holdout":
                flag = ""
            else:
                flag = "  OUT OF TOLERANCE"
            estimate = f"{p['estimate']:>10,.2f}" if p["estimate"] is not None else "saturated"
            out.append(
                f"    {p['id']:<{width}}  {p['split']:<7}  {p['metric']:<19} published "
                f"{p['published']:>10,.2f}  estimate {estimate:>10}  error "
                f"{_shown(p['error_pct'], '>+8.1f'):>10}{flag}\n"
            )
    return "".join(out)


def model_error(kb: KnowledgeBase, efficiency_id: str) -> dict[str, Any]:
    """The measured error of the efficiency set an answer used, for printing beside it, and
    what its published measurements cover (their models and tensor-parallel sizes)."""
    entry = kb.efficiency(efficiency_id)
    if entry is None:
        return {"efficiency": efficiency_id, "bands": [], "by_model": {}, "measured": None}
    acc = accuracy.of_set(kb, entry)
    by_model: dict[str, list[dict[str, Any]]] = {}
    for model, band in accuracy.by_model(acc.checks):
        by_model.setdefault(model, []).append(_band_json(band))
    return {
        "efficiency": efficiency_id,
        "bands": [_band_json(b) for b in acc.bands],
        "by_model": by_model,
        "measured": {
            "models": sorted({p.model for p in entry.calibration}),
            "tensor_parallel": sorted({p.tensor_parallel for p in entry.calibration}),
        },
    }


def _outside_tp(measured: dict[str, Any], tensor_parallel: int) -> str | None:
    if tensor_parallel in measured["tensor_parallel"]:
        return None
    tps = ", ".join(str(t) for t in measured["tensor_parallel"])
    return f"tensor parallel {tensor_parallel} (measured: {tps})"


def _outside_model(measured: dict[str, Any], model: str) -> str | None:
    if model in measured["models"]:
        return None
    return f"model {model} (measured: {', '.join(measured['models'])})"


def outside_measured(err: dict[str, Any], model: str, tensor_parallel: int) -> list[str]:
    """What of an answer lies outside the published measurements of the set it used: a
    tensor-parallel size none of them ran (the communication terms are then extrapolated)
    and a model none of them served."""
    measured = err.get("measured")
    if not measured:
        return []
    found = (_outside_tp(measured, tensor_parallel), _outside_model(measured, model))
    return [what for what in found if what]


def outside_measured_by_system(
    err: dict[str, Any], model: str, systems: list[tuple[str, int]]
) -> list[str]:
    """:func:`outside_measured` for a comparison of ``systems`` (id, tensor-parallel size)
    sized with one set: each system's tensor-parallel size, the model once."""
    measured = err.get("measured")
    if not measured:
        return []
    out: list[str] = []
    model_item = _outside_model(measured, model)
    for sid, tensor_parallel in systems:
        tp_item = _outside_tp(measured, tensor_parallel)
        if tp_item:
            out.append(f"{sid}: {tp_item}")
        if model_item and model_item not in out:
            out.append(model_item)
    return out


def model_error_text(
    err: dict[str, Any], outside: list[str] | None = None, model: str | None = None
) -> str:
    """``model error of hopper-trtllm against published measurements`` and its bands, the
    out-of-sample bands of the answer's ``model`` alone where the set holds some, then what
    of the answer lies outside those measurements (``outside``), if anything."""
    text = (
        f"model error of {err['efficiency']} against published measurements "
        "(refarch size --calibration lists them):\n" + band_lines(err["bands"])
    )
    own = err.get("by_model", {}).get(model, []) if model else []
    for b in own:
        median, worst = _shown(b["median_error_pct"], ".0f"), _shown(b["worst_error_pct"], "+.0f")
        text += (
            f"  out of sample, {model} alone: {accuracy.METRIC_NAMES[b['metric']]} median "
            f"{median}, worst {worst} (n={b['points']})\n"
        )
    if outside:
        text += "  outside the published measurements: " + "; ".join(outside) + "\n"
    return text


def _cell(text: str) -> str:
    """KB text as a Markdown table cell: HTML escaped, pipes and Markdown marks backslashed."""
    out = html.escape(text, quote=True)
    for mark in "\\`*_[]|":
        out = out.replace(mark, "\\" + mark)
    return out


def accuracy_markdown(kb: KnowledgeBase) -> str:
    """The written accuracy report (architectures/ACCURACY.md, regenerated by ``make accuracy``;
    a test fails when it drifts from the KB; the site builds the same page from its KB)."""
    release = kb.release.version or "unreleased"
    lines = [
        "# Sizing accuracy",
        "",
        f"Generated from the knowledge base (release {release}) by `make accuracy`; do not edit.",
        "",
        "Each efficiency set's factors are fitted to its `split: fit` points and checked against",
        "its `split: holdout` points, which the fit never sees (split by source or by workload).",
        "Errors are estimate / published - 1. Targets for the out-of-sample worst error: latency",
        "(TTFT, ITL) within 25 %, throughput within 30 %. `refarch size --calibration` lists every",
        "point; `refarch size` prints the band of the set it used beside each answer.",
        "",
        "| set | split | metric | points | median error | worst error | target met |",
        "|---|---|---|---|---|---|---|",
    ]
    misses: list[str] = []
    sets = accuracy.of_kb(kb)
    for acc in sets:
        for b in acc.bands:
            met = ("yes" if b.meets_target else "**no**") if b.split == "holdout" else "(in sample)"
            lines.append(
                f"| {_cell(acc.id)} | {b.split} | {accuracy.METRIC_NAMES[b.metric]} | {b.n} | "
                f"{_shown(_finite(b.median), '.0f')} | {_shown(_finite(b.worst), '+.0f')} | {met} |"
            )
        if acc.misses:
            misses.append(_cell(acc.id))
        elif not acc.split_bands("holdout"):
            misses.append(f"{_cell(acc.id)} (no held-out points)")
    lines += [
        "",
        "## Out of sample, model by model",
        "",
        "| set | model | metric | points | median error | worst error |",
        "|---|---|---|---|---|---|",
    ]
    for acc in sets:
        for model, b in accuracy.by_model(acc.checks):
            lines.append(
                f"| {_cell(acc.id)} | {_cell(model)} | {accuracy.METRIC_NAMES[b.metric]} | {b.n} "
                f"| {_shown(_finite(b.median), '.0f')} | {_shown(_finite(b.worst), '+.0f')} |"
            )
    lines += ["", "## Sets that miss the target", ""]
    lines += [f"- {m}" for m in misses] or ["None."]
    covered = {(e.generation, e.stack) for e in kb.efficiencies()}
    generations = sorted({a.generation for a in kb.accelerators() if a.generation})
    lines += ["", "## Coverage", "", "| generation | stacks with an efficiency set |", "|---|---|"]
    for g in generations:
        stacks = ", ".join(sorted(s for gen, s in covered if gen == g))
        shown = _cell(stacks) if stacks else "none: refarch size refuses this generation"
        lines.append(f"| {_cell(g)} | {shown} |")
    return "\n".join(lines) + "\n"


REPORT_PATH = "architectures/ACCURACY.md"


def main(argv: list[str] | None = None) -> int:
    """``python -m linter.sizing.calibration_report [KB] [OUT]`` (``make accuracy``): write
    the accuracy report of the knowledge base ``KB`` (default ``architectures``) to ``OUT``."""
    import sys

    from linter.core.atomic import write_text

    args = sys.argv[1:] if argv is None else argv
    kb_root = args[0] if args else "architectures"
    out = args[1] if len(args) > 1 else REPORT_PATH
    write_text(out, accuracy_markdown(KnowledgeBase.open(kb_root, checked=True)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
