"""refarch size --model M --precision P --system S --users N --input-tokens I --output-tokens O
--ttft-ms T (--tokens-per-s R | --itl-ms L) [--compare S1,S2,...] [--json] [--calibration]"""

from __future__ import annotations

import argparse
from typing import Any

from linter.commands.common import dump_json, open_kb
from linter.core.errors import EXIT_OK, RefarchError, UsageError
from linter.kb.specs import KV_PRECISIONS, PRECISIONS
from linter.kb.store import KnowledgeBase
from linter.sizing import Options, SizingRefused, SizingResult, Workload, compare, size
from linter.sizing.calibration import evaluate

NAME = "size"
HELP = "size a deployment (GPUs, systems, racks, kW, cooling) from model, users and targets"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--model", metavar="ID", help="catalog model id (llama-3.3-70b)")
    p.add_argument("--precision", choices=PRECISIONS, help="weight precision")
    p.add_argument("--system", metavar="ID", help="catalog system id (dgx-h100)")
    p.add_argument("--compare", metavar="S1,S2", help="size the same workload on each system")
    p.add_argument("--users", type=int, metavar="N", help="concurrent users (sequences in flight)")
    p.add_argument("--input-tokens", type=int, metavar="I", help="prompt tokens per request")
    p.add_argument("--output-tokens", type=int, metavar="O", help="generated tokens per request")
    p.add_argument("--ttft-ms", type=float, metavar="T", help="time-to-first-token target, ms")
    speed = p.add_mutually_exclusive_group()
    speed.add_argument("--tokens-per-s", type=float, metavar="R", help="per-user tokens/s target")
    speed.add_argument("--itl-ms", type=float, metavar="L", help="inter-token latency target, ms")
    p.add_argument("--kv-precision", choices=KV_PRECISIONS, help="KV cache precision")
    p.add_argument("--pue", type=float, help="facility PUE (default: standards/pue.yaml)")
    p.add_argument("--stack", default="trtllm", help="serving stack of the efficiency factors")
    p.add_argument("--architecture", metavar="ID", help="take the rack profile from this one")
    p.add_argument("--tensor-parallel", type=int, metavar="T", help="force a tensor-parallel size")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument(
        "--calibration",
        action="store_true",
        help="print each efficiency set's calibration points: published, estimate, error",
    )


def run(args: argparse.Namespace, io: Any) -> int:
    kb = open_kb(args, checked=True)
    if args.calibration:
        return _calibration(kb, args, io)
    w = _workload(args)
    opts = Options(
        stack=args.stack,
        pue=args.pue,
        architecture=args.architecture,
        tensor_parallel=args.tensor_parallel,
    )
    if args.pue is not None and not 0 < args.pue <= 10:
        raise UsageError("--pue must be above 0 and at most 10")
    if args.compare:
        ids = [s.strip() for s in args.compare.split(",") if s.strip()]
        rows = compare(kb, w, ids, opts)
        if args.json:
            io.out.write(
                dump_json({"workload": w.__dict__, "results": [_row(s, r) for s, r in rows]})
            )
        else:
            io.out.write(_heading(w) + "\n" + _compare_table(rows))
        return EXIT_OK
    if not args.system:
        raise UsageError("refarch size: give --system or --compare (see --help)")
    r = size(kb, w, args.system, opts)
    io.out.write(
        dump_json(r.to_dict())
        if args.json
        else _heading(w) + " on " + r.system + "\n\n" + _table(r)
    )
    return EXIT_OK


def _workload(args: argparse.Namespace) -> Workload:
    missing = [
        f"--{n.replace('_', '-')}"
        for n in ("model", "precision", "users", "input_tokens", "output_tokens", "ttft_ms")
        if getattr(args, n) is None
    ]
    if args.tokens_per_s is None and args.itl_ms is None:
        missing.append("--tokens-per-s or --itl-ms")
    if missing:
        raise UsageError(f"refarch size: missing {', '.join(missing)} (see --help)")
    if args.itl_ms is not None and args.itl_ms <= 0:
        raise UsageError("--itl-ms must be positive")
    speed = args.tokens_per_s if args.tokens_per_s is not None else 1000.0 / args.itl_ms
    return Workload(
        args.model,
        args.precision,
        args.users,
        args.input_tokens,
        args.output_tokens,
        args.ttft_ms,
        speed,
        args.kv_precision,
    )


def _heading(w: Workload) -> str:
    return (
        f"{w.model} {w.precision}, {w.users:,} users, {w.input_tokens:,} in / "
        f"{w.output_tokens:,} out, TTFT <= {w.ttft_ms:g} ms, "
        f">= {w.tokens_per_s:g} tokens/s per user"
    )


def _table(r: SizingResult) -> str:
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
        ("TTFT", f"{r.ttft_ms:,.1f} ms"),
        ("tokens/s per user", f"{r.tokens_per_s_per_user:,.2f} (ITL {r.itl_ms:,.2f} ms)"),
        ("output tokens/s", f"{r.output_tokens_per_s:,.0f} in total"),
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


_COLUMNS = (
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


def _compare_table(rows: list[tuple[str, SizingResult | RefarchError]]) -> str:
    lines: list[list[str]] = [list(_COLUMNS)]
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
            lines.append([sid] + ["-"] * (len(_COLUMNS) - 2) + ["refused"])
            notes.append(f"{sid}: {r.message}")
    widths = [max(len(row[i]) for row in lines) for i in range(len(_COLUMNS))]
    out = []
    for row in lines:
        cells = [
            c.ljust(w) if i in (0, 8, 11) else c.rjust(w)
            for i, (c, w) in enumerate(zip(row, widths, strict=True))
        ]
        out.append("  ".join(cells).rstrip())
    return "\n".join(out) + "\n" + "".join(f"\n{n}" for n in notes) + ("\n" if notes else "")


def _row(sid: str, r: SizingResult | RefarchError) -> dict[str, Any]:
    if isinstance(r, SizingResult):
        return r.to_dict()
    reason = r.reason if isinstance(r, SizingRefused) else "input"
    return {"system": sid, "error": r.message, "reason": reason}


def _calibration(kb: KnowledgeBase, args: argparse.Namespace, io: Any) -> int:
    sets: list[dict[str, Any]] = []
    for entry in kb.entries("efficiency"):
        checks = evaluate(kb, entry)
        sets.append(
            {
                "id": entry.id,
                "points": [
                    {
                        "id": c.point.id,
                        "source": c.point.source,
                        "metric": c.point.metric,
                        "published": c.point.published,
                        "estimate": round(c.estimate, 2),
                        "error_pct": round(c.error * 100, 1),
                        "tolerance_pct": round(c.tolerance * 100),
                        "ok": c.ok,
                    }
                    for c in checks
                ],
            }
        )
    if args.json:
        io.out.write(dump_json({"efficiency": sets}))
        return EXIT_OK
    for s in sets:
        io.out.write(f"{s['id']}\n")
        width = max(len(p["id"]) for p in s["points"])
        for p in s["points"]:
            flag = "" if p["ok"] else "  OUT OF TOLERANCE"
            io.out.write(
                f"  {p['id']:<{width}}  {p['metric']:<19} published {p['published']:>10,.2f}"
                f"  estimate {p['estimate']:>10,.2f}  error {p['error_pct']:>+6.1f} %"
                f" (+-{p['tolerance_pct']} %){flag}\n"
            )
    return EXIT_OK
