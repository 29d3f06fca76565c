"""The sizing engine seen from a plan: what its workload needs on the systems it names."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from linter.core.yamlio import PathT
from linter.lint.plan import Plan
from linter.lint.power import racks_of
from linter.lint.rules.base import RuleContext

if TYPE_CHECKING:  # the sizing engine is imported only when a plan has a workload to size
    from linter.kb.store import KnowledgeBase
    from linter.sizing import SizingRefused, SizingResult, Workload

_NEEDED = ("model", "precision", "concurrent_users", "input_tokens", "output_tokens", "ttft_ms")


@dataclass(frozen=True)
class PlanSizing:
    system: str
    workload: Workload
    systems_in_plan: int
    gpus_per_system: int
    result: SizingResult | None
    refused: SizingRefused | None

    @property
    def gpus_in_plan(self) -> int:
        return self.systems_in_plan * self.gpus_per_system


def speed_path(ctx: RuleContext) -> PathT:
    wl = ctx.plan.workload
    return ("workload", "itl_ms" if "itl_ms" in wl else "tokens_per_s_per_user")


def plan_sizing(plan: Plan, kb: KnowledgeBase) -> PlanSizing | None:
    """Size the plan's inference workload on its one system model, or None when the plan has
    no complete inference workload, mixes system models, or names ids the KB lacks (the
    validator reports those). Rules read it once per plan as ``ctx.facts.sizing``."""
    wl = plan.workload
    if wl.get("type", "inference") != "inference" or any(k not in wl for k in _NEEDED):
        return None
    if "tokens_per_s_per_user" not in wl and "itl_ms" not in wl:
        return None
    models = plan.models()
    if len(models) != 1:
        return None
    from linter.sizing import Workload

    speed = wl.get("tokens_per_s_per_user")
    if speed is None:
        speed = 1000.0 / float(wl["itl_ms"])
    pct = wl.get("ttft_percentile", 99)
    w = Workload(
        str(wl["model"]), str(wl["precision"]), int(wl["concurrent_users"]),
        int(wl["input_tokens"]), int(wl["output_tokens"]), float(wl["ttft_ms"]), float(speed),
        ttft_percentile=None if pct == "mean" else float(pct),
        output_tokens_cv=float(wl.get("output_tokens_cv", 0.0)),
    )  # fmt: skip
    return _size(kb, w, models[0], plan.pue, plan.system_count(models[0], racks_of(kb)))


def _size(kb: KnowledgeBase, w: Workload, system: str, pue: float | None,
          count: int) -> PlanSizing | None:  # fmt: skip
    from linter.kb.specs import SizingInputError
    from linter.sizing import Options, SizingRefused, size

    entry = kb.system(system)
    per = entry.gpu_count.value if entry is not None else None
    if per is None:
        return None
    try:
        result = size(kb, w, system, Options(pue=pue))
    except SizingRefused as exc:
        return PlanSizing(system, w, count, int(per), None, exc)
    except SizingInputError:
        return None
    return PlanSizing(system, w, count, int(per), result, None)


def target_path(ctx: RuleContext, refused: SizingRefused) -> PathT:
    return ("workload", "ttft_ms") if refused.target == "ttft" else speed_path(ctx)


def users_served(s: PlanSizing) -> int:
    """Users the plan's systems serve at the targets, with the engine's replica layout."""
    r = s.result
    if r is None:
        return 0
    if r.tensor_parallel <= s.gpus_per_system:
        replicas = s.systems_in_plan * (s.gpus_per_system // r.tensor_parallel)
    else:
        replicas = s.gpus_in_plan // r.tensor_parallel
    return replicas * r.max_sequences_per_replica
