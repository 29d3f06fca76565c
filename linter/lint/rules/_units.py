"""Scalable units of a plan: how many of the architecture's building blocks it holds."""

from __future__ import annotations

import math
from dataclasses import dataclass

from linter.core.yamlio import PathT
from linter.lint.power import racks_of
from linter.lint.rules.base import RuleContext


@dataclass(frozen=True)
class SUCount:
    model: str
    per_unit: int  # systems of ``model`` in one scalable unit
    systems: int  # systems of ``model`` in the plan
    at: PathT  # where the model's line of scalable_unit.systems is

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
    su = ctx.arch.scalable_unit
    for item in su.systems if su is not None else ():
        n = item.count.value
        if n and n >= 1:
            return SUCount(
                item.model, int(n), ctx.plan.system_count(item.model, racks_of(ctx.kb)), item.at
            )
    return None
