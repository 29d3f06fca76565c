"""Scalable units of a plan: how many of the architecture's building blocks it holds."""

from __future__ import annotations

import math
from dataclasses import dataclass

from linter.kb.figures import figure_value
from linter.lint.rules.base import RuleContext


@dataclass(frozen=True)
class SUCount:
    model: str
    per_unit: int  # systems of ``model`` in one scalable unit
    systems: int  # systems of ``model`` in the plan
    index: int  # position of the model in scalable_unit.systems

    @property
    def full(self) -> int:
        return self.systems // self.per_unit

    @property
    def remainder(self) -> int:
        return self.systems % self.per_unit

    @property
    def units(self) -> int:
        """Scalable units the plan occupies, a partial one counting as one."""
        return max(1, math.ceil(self.systems / self.per_unit))


def su_count(ctx: RuleContext) -> SUCount | None:
    """The plan's systems of the architecture's scalable-unit model, or None."""
    if ctx.arch is None:
        return None
    su = ctx.arch.data.get("scalable_unit") or {}
    for i, s in enumerate(su.get("systems") or []):
        n = figure_value(s.get("count")) if isinstance(s, dict) else None
        model = s.get("model") if isinstance(s, dict) else None
        if isinstance(model, str) and n and n >= 1:
            return SUCount(model, int(n), ctx.plan.system_count(model), i)
    return None
