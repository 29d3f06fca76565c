"""The rule registry: every lint rule, explicitly listed and sorted by code.

Writing a rule
==============
One module per rule in ``linter/rules/<name>.py`` (the kebab name with underscores):

* a module docstring that is the rule's page, in Markdown: a one-line title, then the
  headings ``## What it checks``, ``## Why``, ``## Example`` (a fenced ``yaml`` plan whose
  ``# expect: CODE LINE:COL`` comments name the findings it produces; a test lints it) and
  ``## How to fix``. ``refarch explain CODE`` prints it as is and the site renders it;
* the constants ``CODE`` (``PWR001``), ``NAME`` (``rack-power-over-budget``),
  ``DEFAULT_SEVERITY`` (``error`` | ``warning`` | ``info``) and ``IGNORABLE`` (False for hard
  physical limits: a suppression comment cannot silence them);
* ``check(ctx: RuleContext) -> Iterator[Finding]``, which only yields findings.

``RuleContext`` (``linter/rules/base.py``) gives the rule the plan (``ctx.doc`` with positions,
``ctx.data``, the typed ``ctx.plan`` with rack groups), the knowledge base ``ctx.kb``, the
pinned architecture ``ctx.arch`` (an ``Entry`` or None) and version ``ctx.version``, the
planning margin ``ctx.margin_pct``, and helpers: ``ctx.finding(path, message, limit=...,
limit_source=..., arithmetic=..., fix=..., key=..., related=...)`` makes a positioned finding
for the bound rule; ``ctx.grade(value, limit)`` gives the severity by margin (error above the
limit, warning within the margin, None otherwise); ``ctx.source(entry, *keys)`` and
``ctx.related(entry, *keys)`` say where a KB limit is written. Every limit must come from the
KB, never from a number typed in the rule. A rack group stands for ``count`` identical racks:
compute per group and multiply, never expand per rack.

Then add the module to ``PLAN_RULES`` below (keep it sorted by code). The engine runs
``PLAN_RULES`` on schema-valid plans, stamps severities from the config, applies suppression
comments, then runs ``SUPPRESSION_RULES`` over what the suppressions did.
"""

from __future__ import annotations

from linter.rules import (
    rack_power_over_budget,
)
from linter.rules.base import Rule, RuleContext

__all__ = ["PLAN_RULES", "RULES", "SUPPRESSION_RULES", "Rule", "RuleContext", "lookup"]

PLAN_RULES: tuple[Rule, ...] = (
    rack_power_over_budget,  # PWR001
)  # type: ignore[assignment]

SUPPRESSION_RULES: tuple[Rule, ...] = ()

RULES: tuple[Rule, ...] = tuple(sorted(PLAN_RULES + SUPPRESSION_RULES, key=lambda r: r.CODE))

_BY_TOKEN: dict[str, Rule] = {r.CODE: r for r in RULES} | {r.NAME: r for r in RULES}


def lookup(token: str) -> Rule | None:
    """A rule by code (``PWR001``, any case) or name (``rack-power-over-budget``)."""
    return _BY_TOKEN.get(token) or _BY_TOKEN.get(token.upper())
