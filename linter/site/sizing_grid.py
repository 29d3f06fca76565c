"""The sizing form's answers, computed by the real engine ahead of time.

The site's sizing form (``sizing/form.md``) answers from this grid instead of running Python in
the browser: Pyodide with the package and the KB would take several seconds to start, over
the 3-second first answer the form is held to, while a lookup answers at once. Every answer
is what ``refarch size`` prints for the same inputs; the form shows that command.

The grid: every model in the KB, every system whose accelerator generation has efficiency
factors for the default serving stack (the engine refuses the others), weights in FP8 (and
FP4 where the accelerator has FP4 peak), three workload shapes, three experience targets and
three user counts. The shapes and targets are the form's choices of input, not KB figures.

``python -m linter.site.sizing_grid [KB] [FILE]`` writes ``site_src/sizing-grid.json``;
tests/test_sizing_grid.py fails when the committed file drifts from the KB.
"""

from __future__ import annotations

import itertools
import json
import sys
from pathlib import Path
from typing import Any

from linter.core.errors import RefarchError
from linter.kb.store import KnowledgeBase
from linter.sizing.calibration import DEFAULT_STACK
from linter.sizing.engine import size
from linter.sizing.workload import Workload

# name -> (input tokens, output tokens)
WORKLOADS = {
    "chat": (1000, 500),
    "rag": (5000, 500),
    "reasoning": (1000, 4000),
}
# name -> (TTFT P99 ms, tokens/s per user)
TARGETS = {
    "relaxed": (5000.0, 10.0),
    "interactive": (1000.0, 20.0),
    "fast": (500.0, 50.0),
}
USERS = (100, 1000, 10000)
FIELDS = (
    "tensor_parallel",
    "replicas",
    "gpus",
    "systems",
    "racks",
    "it_kw",
    "facility_kw",
    "cooling",
    "ttft_ms",
    "tokens_per_s_per_user",
    "bottleneck",
    "efficiency",
)
DEFAULT_FILE = Path(__file__).resolve().parents[2] / "site_src" / "sizing-grid.json"


def systems(kb: KnowledgeBase) -> list[str]:
    """Systems the engine sizes with the default stack, not withdrawn or cancelled."""
    out = []
    for s in kb.systems():
        gpu = kb.accelerator(s.accelerator)
        if gpu is None or s.status in ("withdrawn", "cancelled"):
            continue
        if kb.efficiency(f"{gpu.generation}-{DEFAULT_STACK}") is not None:
            out.append(s.id)
    return sorted(out)


def precisions(kb: KnowledgeBase, system: str) -> list[str]:
    s = kb.system(system)
    gpu = kb.accelerator(s.accelerator) if s is not None else None
    has_fp4 = gpu is not None and gpu.fp4_dense_tflops.value is not None
    return ["fp8", "fp4"] if has_fp4 else ["fp8"]


def _round(value: Any) -> Any:
    return round(value, 1) if isinstance(value, float) else value


def compute(kb: KnowledgeBase) -> dict[str, Any]:
    models = sorted(kb.ids("model"))
    sized = systems(kb)
    results: dict[str, Any] = {}
    for model, system in itertools.product(models, sized):
        for precision, (wname, (isl, osl)), (tname, (ttft, tps)), users in itertools.product(
            precisions(kb, system), WORKLOADS.items(), TARGETS.items(), USERS
        ):
            key = "|".join((model, system, precision, wname, tname, str(users)))
            try:
                r = size(kb, Workload(model, precision, users, isl, osl, ttft, tps), system)
            except RefarchError as exc:
                results[key] = exc.message  # the refusal, not the KB file a reader cannot open
                continue
            answer = r.to_dict()
            results[key] = [_round(answer[f]) for f in FIELDS]
    return {
        **empty(),
        "release": kb.release_version,
        "models": models,
        "systems": sized,
        "precisions": {s: precisions(kb, s) for s in sized},
        "results": results,
    }


def empty() -> dict[str, Any]:
    """A grid with no answers (for a KB the engine cannot read); :func:`compute` fills it."""
    return {
        "release": None,
        "generated_by": "python -m linter.site.sizing_grid",
        "models": [],
        "systems": [],
        "precisions": {},
        "workloads": {
            k: {"input_tokens": a, "output_tokens": b} for k, (a, b) in WORKLOADS.items()
        },
        "targets": {k: {"ttft_ms": a, "tokens_per_s": b} for k, (a, b) in TARGETS.items()},
        "users": list(USERS),
        "fields": list(FIELDS),
        "results": {},
    }


def dumps(grid: dict[str, Any]) -> str:
    return json.dumps(grid, separators=(",", ":"), sort_keys=False) + "\n"


def main(argv: list[str]) -> int:
    kb_dir = Path(argv[0]) if argv else DEFAULT_FILE.parents[1] / "architectures"
    out = Path(argv[1]) if len(argv) > 1 else DEFAULT_FILE
    out.write_text(dumps(compute(KnowledgeBase.open(kb_dir))), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
