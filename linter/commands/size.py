"""refarch size --model M --precision P --system S --users N --input-tokens I --output-tokens O
--ttft-ms T (--tokens-per-s R | --itl-ms L) [--compare S1,S2,...] [--json] [--calibration]"""

from __future__ import annotations

import argparse
import os
import shlex
from typing import Any

from linter.commands.common import (
    add_format_argument,
    add_verbose_argument,
    dump_json,
    open_kb,
    say_kb,
)
from linter.core.atomic import write_text
from linter.core.errors import EXIT_OK, UsageError
from linter.kb.specs import KV_PRECISIONS, PRECISIONS
from linter.kb.store import KnowledgeBase
from linter.lint import emit
from linter.sizing import Options, calibration_report, compare, curve, report, shortfall, size
from linter.sizing.result import SizingResult
from linter.sizing.workload import Workload

NAME = "size"
HELP = "size a deployment (GPUs, systems, racks, kW, cooling) from model, users and targets"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--model", metavar="ID", help="catalog model id (llama-3.3-70b)")
    p.add_argument("--precision", choices=PRECISIONS, help="weight precision")
    p.add_argument("--system", metavar="ID", help="catalog system id (dgx-h100)")
    p.add_argument("--compare", metavar="S1,S2", help="size the same workload on each system")
    load = p.add_mutually_exclusive_group()
    load.add_argument(
        "--users", type=int, metavar="N", help="concurrent users (sequences in flight)"
    )
    load.add_argument(
        "--requests-per-s",
        type=float,
        metavar="R",
        help="request rate instead of users: users = R x (TTFT + output tokens / speed)",
    )
    p.add_argument("--input-tokens", type=int, metavar="I", help="prompt tokens per request")
    p.add_argument("--output-tokens", type=int, metavar="O", help="generated tokens per request")
    p.add_argument(
        "--output-tokens-cv",
        type=float,
        default=0.0,
        metavar="CV",
        help="spread of the output lengths, standard deviation / mean (default 0: every request "
        "generates --output-tokens); long outputs stay in flight longer, so a spread lengthens "
        "the context each decode step reads",
    )
    p.add_argument("--ttft-ms", type=float, metavar="T", help="time-to-first-token target, ms")
    p.add_argument(
        "--ttft-percentile",
        choices=("50", "90", "99", "mean"),
        default="99",
        help="which TTFT --ttft-ms bounds (default 99, as MLPerf)",
    )
    speed = p.add_mutually_exclusive_group()
    speed.add_argument("--tokens-per-s", type=float, metavar="R", help="per-user tokens/s target")
    speed.add_argument("--itl-ms", type=float, metavar="L", help="inter-token latency target, ms")
    p.add_argument("--kv-precision", choices=KV_PRECISIONS, help="KV cache precision")
    p.add_argument("--pue", type=float, help="facility PUE (default: standards/pue.yaml)")
    p.add_argument("--stack", default="trtllm", help="serving stack of the efficiency factors")
    p.add_argument("--architecture", metavar="ID", help="take the rack profile from this one")
    p.add_argument("--tensor-parallel", type=int, metavar="T", help="force a tensor-parallel size")
    add_format_argument(p, ("text", "json"))
    p.add_argument(
        "--curve",
        action="store_true",
        help="print the throughput-interactivity curve (tokens/s per GPU against tokens/s per "
        "user) of --system or each --compare system; needs only the model and request shape",
    )
    p.add_argument(
        "--curve-points",
        type=int,
        default=40,
        metavar="N",
        help="batch sizes per tensor-parallel size on the curve (default 40, at most 100,000)",
    )
    p.add_argument(
        "--emit-plan",
        metavar="FILE",
        help="also write the sizing as a deployment plan (refarch lint accepts it); "
        "never overwrites an existing file",
    )
    p.add_argument(
        "--calibration",
        action="store_true",
        help="print each efficiency set's error in sample (fit points) and out of sample "
        "(held-out points), then every point: published, estimate, error",
    )
    add_verbose_argument(p)


def run(args: argparse.Namespace, io: Any) -> int:
    kb = open_kb(args, checked=True)
    say_kb(args, kb, io)
    if args.calibration:
        sets = calibration_report.calibration_sets(kb)
        io.out.write(
            dump_json({"efficiency": sets})
            if args.format == "json"
            else calibration_report.calibration_text(sets)
        )
        return EXIT_OK
    if args.curve:
        io.out.write(_curve(kb, args))
        return EXIT_OK
    w = report.workload(
        args.model,
        args.precision,
        args.users,
        args.input_tokens,
        args.output_tokens,
        args.ttft_ms,
        args.tokens_per_s,
        args.itl_ms,
        args.kv_precision,
        args.ttft_percentile,
        args.requests_per_s,
        args.output_tokens_cv,
    )
    opts = Options(
        stack=args.stack,
        pue=args.pue,
        architecture=args.architecture,
        tensor_parallel=args.tensor_parallel,
    )
    report.check_options(opts)
    ids = report.system_ids(args.compare) if args.compare else None
    derived = (
        f"users: {w.users:,} = {args.requests_per_s:g} requests/s x ({w.ttft_ms:g} ms TTFT + "
        f"{w.output_tokens:,} tokens / {w.tokens_per_s:g} tokens/s), by Little's law\n"
        if args.requests_per_s is not None
        else ""
    )
    if args.emit_plan and (ids is not None or not args.system):
        raise UsageError("--emit-plan sizes one system: give --system, not --compare")
    if args.emit_plan and os.path.lexists(args.emit_plan):
        raise UsageError(f"--emit-plan: {args.emit_plan} exists; refarch never overwrites a plan")
    if args.format == "json":
        doc = report.sizing_json(kb, w, args.system, ids, opts)
        if args.emit_plan:
            _emit(kb, w, size(kb, w, args.system, opts), args.emit_plan, None)
            doc["plan_file"] = args.emit_plan
        if derived:
            doc["users_from_requests_per_s"] = {
                "requests_per_s": args.requests_per_s,
                "users": w.users,
                "formula": "ceil(requests_per_s x (ttft_ms / 1000 + output_tokens / tokens_per_s))",
            }
        rows_json: list[dict[str, Any]] = doc.get("results", [doc])
        used_sets = sorted({str(r["efficiency"]) for r in rows_json if "efficiency" in r})
        errors = {e: calibration_report.model_error(kb, e) for e in used_sets}
        for row in rows_json:
            if "efficiency" in row:
                err = errors[str(row["efficiency"])]
                short = shortfall.at_measured_error(SizingResult.from_dict(row), err, w.model)
                row["outside_measured"] = calibration_report.outside_measured(
                    err, w.model, int(row["tensor_parallel"])
                )
                row["at_measured_error"] = short.to_dict() if short else None
        doc["model_error"] = list(errors.values())
        doc["kb"] = kb.identity()
        io.out.write(dump_json(doc))
    elif ids is not None:
        rows = compare(kb, w, ids, opts)
        io.out.write(derived + report.compare_text(w, rows))
        used = sorted({r.efficiency for _, r in rows if isinstance(r, SizingResult)})
        for eff in used:
            error = calibration_report.model_error(kb, eff)
            mine = [
                (sid, r) for sid, r in rows if isinstance(r, SizingResult) and r.efficiency == eff
            ]
            systems = [(sid, r.tensor_parallel) for sid, r in mine]
            outside = calibration_report.outside_measured_by_system(error, w.model, systems)
            io.out.write("\n" + calibration_report.model_error_text(error, outside, w.model))
            recounts = [(sid, shortfall.at_measured_error(r, error, w.model)) for sid, r in mine]
            io.out.write(shortfall.compare_text([(s, c) for s, c in recounts if c is not None]))
    else:
        if not args.system:
            raise UsageError("give --system or --compare (see refarch size --help)")
        r = size(kb, w, args.system, opts)
        error = calibration_report.model_error(kb, r.efficiency)
        io.out.write(derived + report.result_text(w, r, error))
        if args.emit_plan:
            _emit(kb, w, r, args.emit_plan, io)
    return EXIT_OK


def _emit(kb: KnowledgeBase, w: Workload, r: SizingResult, path: str, io: Any) -> None:
    """Write the sizing as a plan to ``path`` (atomically; the caller checked it is new)."""
    stack = r.efficiency.rsplit("-", 1)[-1]
    command = (
        f"refarch size --model {w.model} --precision {w.precision} --system {r.system} "
        f"--users {w.users} --input-tokens {w.input_tokens} --output-tokens {w.output_tokens} "
        f"--ttft-ms {w.ttft_ms:g} --ttft-percentile "
        f"{'mean' if w.ttft_percentile is None else f'{w.ttft_percentile:g}'} "
        f"--tokens-per-s {w.tokens_per_s:g} --stack {stack}"
        + (f" --output-tokens-cv {w.output_tokens_cv:g}" if w.output_tokens_cv else "")
    )
    write_text(path, emit.plan_yaml(emit.plan_for(kb, w, r, path, command)))
    if io is not None:
        quoted = shlex.quote(path)
        io.out.write(f"\nwrote the plan to {path}: check it with `refarch lint {quoted}`\n")


def _curve(kb: KnowledgeBase, args: argparse.Namespace) -> str:
    """``refarch size --curve``: the frontier of each system, as text or JSON."""
    given = {
        "--model": args.model,
        "--precision": args.precision,
        "--input-tokens": args.input_tokens,
        "--output-tokens": args.output_tokens,
    }
    missing = [k for k, v in given.items() if v is None]
    if missing or not (args.system or args.compare):
        missing += [] if (args.system or args.compare) else ["--system or --compare"]
        raise UsageError(f"--curve needs {', '.join(missing)} (see refarch size --help)")
    if not 1 <= args.curve_points <= 100_000:
        raise UsageError("--curve-points must be between 1 and 100,000")
    cv = report.check_output_cv(args.output_tokens_cv)
    ids = report.system_ids(args.compare) if args.compare else [args.system]
    curves = [
        curve.curve(kb, args.model, args.precision, sid, args.input_tokens, args.output_tokens,
                    args.stack, args.curve_points, args.kv_precision, cv)
        for sid in ids
    ]  # fmt: skip
    if args.format == "json":
        return dump_json({
            "model": args.model, "precision": args.precision,
            "input_tokens": args.input_tokens, "output_tokens": args.output_tokens,
            **({"output_tokens_cv": cv} if cv else {}),
            "curves": [curve.curve_json(c) for c in curves],
        })  # fmt: skip
    return "".join(curve.curve_text(c) for c in curves)
