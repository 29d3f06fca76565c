"""Rack profile mismatch: a rack holds systems its reference architecture does not describe, or
a number of them that matches none of its rack profiles.

## What it checks

For every rack with systems, its contents (model and count) against the `rack_profiles` of the
pinned architecture. A system model that appears in no rack profile and not in the scalable
unit is an error; a known model in a count that matches no profile is a warning that lists the
counts the architecture describes.

## Why

The reference's rack profiles are what its power, cooling, cabling and weight figures were
worked out for; a different layout is a different design that nobody has checked.

## Example

```yaml
plan: lab
reference: dgx-superpod-h100@2026.11
facility:
  cooling: rear-door
racks:
  - id: r01
    # expect: ARC003 8:40
    systems: [{model: dgx-h100, count: 3}]
```

`dgx-superpod-h100` racks hold 4 (compute) or 2 (compute-half-density) `dgx-h100`.

## How to fix

Use one of the architecture's rack layouts, or pin an architecture that describes the
systems you plan to use.
"""

from __future__ import annotations

from collections.abc import Iterator

from linter.core.findings import Finding
from linter.core.yamlio import PathT
from linter.lint.rules.base import RuleContext

CODE = "ARC003"
NAME = "rack-profile-mismatch"
DEFAULT_SEVERITY = "warning"
IGNORABLE = True


def _profiles(ctx: RuleContext) -> list[tuple[PathT, str, dict[str, float]]]:
    """(where, id, systems per model) of each of the architecture's rack profiles."""
    out = []
    for p in ctx.arch.rack_profiles if ctx.arch else ():
        contents: dict[str, float] = {}
        for c in p.contents:
            if c.count.value is not None:
                contents[c.model] = contents.get(c.model, 0) + c.count.value
        out.append((p.at, p.id, contents))
    return out


def _arch_models(ctx: RuleContext, profiles: list[tuple[PathT, str, dict[str, float]]]) -> set[str]:
    models = {m for _, _, c in profiles for m in c}
    su = ctx.arch.scalable_unit if ctx.arch else None
    models |= {s.model for s in su.systems} if su else set()
    return models


def check(ctx: RuleContext) -> Iterator[Finding]:
    arch = ctx.arch
    if arch is None:
        return
    profiles = _profiles(ctx)
    if not profiles:
        return
    models = _arch_models(ctx, profiles)
    ref = arch.ref
    for group in ctx.plan.racks:
        if not group.systems:
            continue
        have: dict[str, float] = {}
        for s in group.systems:
            have[s.model] = have.get(s.model, 0) + s.count
        if any(have == c for _, _, c in profiles):
            continue
        for line in group.systems:
            if line.model not in models:
                yield ctx.finding(
                    (*line.path, "model"),
                    f"{line.model} is not part of {ref} (its systems: {', '.join(sorted(models))})",
                    severity="error",
                    limit=", ".join(sorted(models)),
                    limit_source=f"{ref} rack_profiles",
                    arithmetic=f"{line.model} not in {{{', '.join(sorted(models))}}}",
                    fix=f"use {' or '.join(sorted(models))}, or pin an architecture built on "
                    f"{line.model}",
                    key=ctx.key("racks", group.id, line.model),
                    related=(ctx.related(arch, "rack_profiles"),),
                )
                continue
            layouts = [(i, pid, c) for i, pid, c in profiles if line.model in c]
            if any(c.get(line.model) == line.count for _, _, c in layouts):
                continue
            counts = ", ".join(f"{c[line.model]:g}" for _, _, c in layouts)
            described = " or ".join(f"{c[line.model]:g} ({pid})" for _, pid, c in layouts)
            yield ctx.finding(
                (*line.path, "count"),
                f"{group.label} holds {line.count} {line.model}; {ref} racks hold {described}",
                limit=described,
                limit_source=f"{ref} rack_profiles",
                arithmetic=f"{line.count} not in {{{counts}}}",
                fix=f"use {described} {line.model} per rack",
                key=ctx.key("racks", group.id, line.model),
                related=tuple(ctx.related(arch, *at, "contents") for at, _, _ in layouts),
            )
