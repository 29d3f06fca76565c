"""Facts about one plan that several rules read, computed once per plan and shared.

A plan's rack loads are read by the power, cooling, density and headroom checks, and its
sizing by three sizing rules; each is computed on first use and kept for the plan's run.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from linter.kb.store import KnowledgeBase
from linter.lint import goodput as goodput_mod
from linter.lint.plan import Plan, RackGroup
from linter.lint.power import RackLoad, rack_load

if TYPE_CHECKING:  # the sizing engine is imported only when a plan has a workload to size
    from linter.lint.rules._sizing import PlanSizing


class Facts:
    """Shared, lazily computed facts of one plan against one knowledge base."""

    def __init__(self, plan: Plan, kb: KnowledgeBase) -> None:
        self.plan = plan
        self.kb = kb
        self._loads: dict[int, RackLoad] = {}

    def load(self, group: RackGroup) -> RackLoad:
        """The IT load of one rack of ``group`` (see :func:`linter.lint.power.rack_load`)."""
        found = self._loads.get(id(group))
        if found is None or found.group is not group:
            found = self._loads[id(group)] = rack_load(group, self.kb, self.plan.power_policy)
        return found

    @cached_property
    def goodput(self) -> goodput_mod.Goodput | None:
        """The plan's interruption and goodput arithmetic (a training plan's), once."""
        return goodput_mod.of(self.plan, self.kb)

    @cached_property
    def sizing(self) -> PlanSizing | None:
        """The plan's inference workload sized on its system (None when it has none)."""
        from linter.lint.rules._sizing import plan_sizing

        return plan_sizing(self.plan, self.kb)
