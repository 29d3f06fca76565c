"""`size()` and `compare()`: from model, users and targets to GPUs, racks, kW and cooling.

The batch search is in :mod:`linter.sizing.search`, the refusals in
:mod:`linter.sizing.refusals` and the result's assembly in :mod:`linter.sizing.result`.
"""

from __future__ import annotations

from linter.core.errors import RefarchError
from linter.kb.specs import (
    SizingInputError,
    check_precision,
    default_kv_precision,
    load_model,
    load_system,
)
from linter.kb.store import KnowledgeBase
from linter.sizing.calibration import factors_for
from linter.sizing.memory import (
    kv_bytes,
    kv_capacity_sequences,
    tp_candidates,
    usable_bytes,
    weight_bytes,
)
from linter.sizing.perf import Replica
from linter.sizing.refusals import (
    SizingRefused,
    check_floors,
    check_workload,
    refuse_targets,
    refuse_unfit,
)
from linter.sizing.result import SizingResult, assemble
from linter.sizing.search import Fit, fit
from linter.sizing.workload import Options, Workload

__all__ = ["Options", "SizingRefused", "SizingResult", "Workload", "compare", "size"]


def size(
    kb: KnowledgeBase, w: Workload, system_id: str, options: Options | None = None
) -> SizingResult:
    """Size one deployment of workload ``w`` on ``system_id`` (see the package docstring)."""
    opts = options or Options()
    check_workload(w)
    model, system = load_model(kb, w.model), load_system(kb, system_id)
    gpu, precision = system.gpu, check_precision(w.precision)
    kvp = (
        check_precision(w.kv_precision, "KV precision")
        if w.kv_precision
        else default_kv_precision(precision)
    )
    f = factors_for(kb, gpu.generation, opts.stack)
    seq = w.input_tokens + w.output_tokens
    cands = tp_candidates(model, system)
    if opts.tensor_parallel is not None and opts.tensor_parallel not in cands:
        raise SizingInputError(
            f"tensor parallel {opts.tensor_parallel} is not one of {cands} "
            f"(divisors of {model.attention_heads} heads within the "
            f"{system.nvlink_domain}-GPU NVLink domain of {system.id})"
        )
    caps = {
        t: kv_capacity_sequences(model, gpu, precision, kvp, t, seq, f.memory_usable_pct)
        for t in cands
    }
    fitting = [t for t in cands if caps[t] >= 1]
    if not fitting:
        refuse_unfit(
            model.id,
            w,
            system.id,
            gpu.id,
            weight_bytes(model, precision),
            kv_bytes(model, kvp, seq),
            max(cands),
            usable_bytes(gpu, f.memory_usable_pct),
            f,
            gpu.memory_gb,
        )
    check_floors(model, gpu, precision, kvp, max(cands), w, f)
    tps = [opts.tensor_parallel] if opts.tensor_parallel is not None else fitting
    fits: list[Fit] = []
    for t in tps:
        found = fit(Replica.serving(model, gpu, precision, kvp, t, w, f), t, caps[t], w)
        if found is not None:
            fits.append(found)
    if not fits:
        refuse_targets(model, system.id, w, tps, gpu, precision, kvp, f)
    chosen = min(fits, key=lambda x: (x.replicas * x.tp, x.tp))
    return assemble(kb, w, opts, system, chosen, min(fitting), f, kvp, model)


def compare(
    kb: KnowledgeBase, w: Workload, system_ids: list[str], options: Options | None = None
) -> list[tuple[str, SizingResult | RefarchError]]:
    """One sizing per system for the same workload; a system that cannot serve it carries
    the error that says why (unknown ids still raise)."""
    out: list[tuple[str, SizingResult | RefarchError]] = []
    for sid in system_ids:
        load_system(kb, sid)
        try:
            out.append((sid, size(kb, w, sid, options)))
        except (SizingRefused, SizingInputError) as exc:
            out.append((sid, exc))
    return out
