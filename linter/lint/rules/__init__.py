"""The rule registry: every lint rule, explicitly listed and sorted by code.

Writing a rule
==============
One module per rule in ``linter/lint/rules/<name>.py`` (the kebab name with underscores):

* a module docstring that is the rule's page, in Markdown: a one-line title, then the
  headings ``## What it checks``, ``## Why``, ``## Example`` (a fenced ``yaml`` plan whose
  ``# expect: CODE LINE:COL`` comments name the findings it produces; a test lints it) and
  ``## How to fix``. ``refarch explain CODE`` prints it as is and the site renders it;
* the constants ``CODE`` (``PWR001``), ``NAME`` (``rack-power-over-budget``),
  ``DEFAULT_SEVERITY`` (``error`` | ``warning`` | ``info``) and ``IGNORABLE`` (False for hard
  physical limits: a suppression comment cannot silence them);
* ``check(ctx: RuleContext) -> Iterator[Finding]``, which only yields findings.

``RuleContext`` (``linter/lint/rules/base.py``) gives the rule the plan (``ctx.doc`` with positions,
``ctx.data``, the typed ``ctx.plan`` with rack groups), the knowledge base ``ctx.kb``, the
pinned architecture ``ctx.arch`` (a typed ``linter.kb.model.Architecture`` or None) and version
``ctx.version``, the planning margin ``ctx.margin_pct``, the shared facts ``ctx.facts`` (rack
loads, the sizing; computed once per plan), and helpers: ``ctx.finding(path, message,
limit=..., limit_source=..., arithmetic=..., fix=..., key=..., related=...)`` makes a
positioned finding for the bound rule; ``ctx.over_limit(...)`` is the standard finding of a
value over (or near) an upper limit and ``ctx.standing(value, limit)`` its wording;
``ctx.grade(value, limit)`` gives the severity by margin (error above the limit, warning within
the margin, None otherwise); ``ctx.source(entry, *keys)`` and ``ctx.related(entry, *keys)`` say
where a KB limit is written (a part's ``at`` gives its keys: ``ctx.related(arch, *net.at,
"fabric")``). Rules read KB figures from the typed entries (``ctx.kb.system(id).max_power_kw``,
a ``Figure``), never from the documents. Every limit must come from the KB, never from a number
typed in the rule. A rack group stands for ``count`` identical racks:
compute per group and multiply, never expand per rack.

Then add the module to ``PLAN_RULES`` below (keep it sorted by code). The engine runs
``PLAN_RULES`` on schema-valid plans, stamps severities from the config, applies suppression
comments, then runs ``SUPPRESSION_RULES`` over what the suppressions did.
"""

from __future__ import annotations

from linter.lint.rules import (
    best_practice,
    cdu_capacity,
    checkpoint_interval,
    checkpoint_restore_over_rto,
    dcim_cooling_capacity,
    dcim_max_draw,
    density_tier_below_need,
    expired_suppression,
    feed_overload_on_failover,
    goodput_below_target,
    hall_power_over_budget,
    inlet_temp_outside_class,
    inlet_temp_outside_recommended,
    inlet_temp_outside_system_range,
    invalid_suppression,
    liquid_cooling_required,
    model_does_not_fit,
    network_mismatch,
    no_spare_nodes,
    not_shipping,
    outdated_reference,
    over_spec,
    power_cap_failure,
    psu_redundancy_on_feed_loss,
    pue_below_one,
    pue_unjustified,
    rack_heat_over_cooling,
    rack_power_over_budget,
    rack_profile_mismatch,
    required_fabric_missing,
    residual_air_heat,
    row_power_over_budget,
    scalable_unit_size,
    single_cdu,
    single_leaf_per_rail,
    single_pdu,
    single_power_feed,
    spares_for_repair,
    spec_mismatch,
    storage_below_reference,
    system_power_unknown,
    under_spec,
    unignorable_suppression,
    unknown_reference_version,
    unused_suppression,
    water_temp_outside_class,
)
from linter.lint.rules.base import Rule, RuleContext

__all__ = [
    "PLAN_RULES",
    "RULES",
    "SUPPRESSION_RULES",
    "Rule",
    "RuleContext",
    "lookup",
    "summary",
]

PLAN_RULES: tuple[Rule, ...] = (
    unknown_reference_version,  # ARC001
    outdated_reference,  # ARC002
    rack_profile_mismatch,  # ARC003
    network_mismatch,  # ARC004
    required_fabric_missing,  # ARC005
    scalable_unit_size,  # ARC006
    storage_below_reference,  # ARC007
    spec_mismatch,  # ARC008
    best_practice,  # BPR001
    rack_heat_over_cooling,  # CLG001
    liquid_cooling_required,  # CLG002
    inlet_temp_outside_class,  # CLG003
    inlet_temp_outside_system_range,  # CLG004
    water_temp_outside_class,  # CLG005
    inlet_temp_outside_recommended,  # CLG006
    cdu_capacity,  # CLG007
    residual_air_heat,  # CLG008
    dcim_max_draw,  # DCM001
    dcim_cooling_capacity,  # DCM002
    density_tier_below_need,  # DEN001
    single_power_feed,  # FRG001
    single_pdu,  # FRG002
    single_cdu,  # FRG003
    single_leaf_per_rail,  # FRG004
    no_spare_nodes,  # FRG005
    not_shipping,  # LIF001
    rack_power_over_budget,  # PWR001
    feed_overload_on_failover,  # PWR002
    row_power_over_budget,  # PWR003
    hall_power_over_budget,  # PWR004
    psu_redundancy_on_feed_loss,  # PWR005
    pue_below_one,  # PWR006
    pue_unjustified,  # PWR007
    system_power_unknown,  # PWR008
    power_cap_failure,  # PWR009
    checkpoint_restore_over_rto,  # RCV001
    checkpoint_interval,  # RCV002
    goodput_below_target,  # RCV003
    spares_for_repair,  # RCV004
    under_spec,  # SIZ001
    over_spec,  # SIZ002
    model_does_not_fit,  # SIZ003
)

SUPPRESSION_RULES: tuple[Rule, ...] = (
    invalid_suppression,  # SUP001
    expired_suppression,  # SUP002
    unused_suppression,  # SUP003
    unignorable_suppression,  # SUP004
)

RULES: tuple[Rule, ...] = tuple(sorted(PLAN_RULES + SUPPRESSION_RULES, key=lambda r: r.CODE))

_BY_TOKEN: dict[str, Rule] = {r.CODE: r for r in RULES} | {r.NAME: r for r in RULES}


def lookup(token: str) -> Rule | None:
    """A rule by code (``PWR001``, any case) or name (``rack-power-over-budget``)."""
    return _BY_TOKEN.get(token) or _BY_TOKEN.get(token.upper())


def summary(rule: Rule) -> str:
    """The first paragraph of a rule's page, on one line (``refarch rules``, SARIF)."""
    para = (rule.__doc__ or "").strip().split("\n\n", 1)[0]
    return " ".join(para.split())
