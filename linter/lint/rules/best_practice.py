"""Best practice: the plan breaks a machine-checkable best practice of its reference
architecture.

## What it checks

Every `best_practices` entry of the pinned architecture that has a `check: {path, op, value}`
is evaluated against the plan: `path` is a dotted path in the plan (`facility.power.feeds`),
`op` one of `>=`, `<=`, `==`, `!=`, `in` (value is a list) or `present`. A check on a field
the plan does not state is skipped (state it to have it checked), except `present`, which
requires it. The finding takes the best practice's own severity and names its id; its
rationale is the architecture's.

## Why

Reference architectures carry practices learned the hard way (dual feeds, non-blocking
fabrics, storage tiers). Keeping them as data next to the architecture lets every plan be held
to them, and lets the architecture's maintainers change them without touching refarch.

## Example

```yaml
plan: lab
reference: dgx-superpod-h100@2026.11
facility:
  cooling: rear-door
  # expect: BPR001 6:18
  power: {feeds: 1}
racks:
  - {id: r01}
```

`dgx-superpod-h100.dual-feed` asks for `facility.power.feeds >= 2`.

## How to fix

Change the plan as the practice says, or suppress the finding with a reason when the
deviation is deliberate.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from linter.core.findings import SEVERITIES, Finding
from linter.lint.plan import dotted_get
from linter.lint.rules.base import RuleContext

CODE = "BPR001"
NAME = "best-practice"
DEFAULT_SEVERITY = "warning"
IGNORABLE = True


def _number(v: Any) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool)


def holds(op: str, have: Any, want: Any) -> bool | None:
    """Whether ``have op want`` holds; None when the operands cannot be compared."""
    if op in (">=", "<="):
        if not (_number(have) and _number(want)):
            return None
        return bool(have >= want - 1e-9) if op == ">=" else bool(have <= want + 1e-9)
    if op == "==":
        return bool(have == want)
    if op == "!=":
        return bool(have != want)
    if op == "in":
        return have in want if isinstance(want, list) else None
    return None


def _show(v: Any) -> str:
    if isinstance(v, list):
        return "[" + ", ".join(_show(x) for x in v) + "]"
    if isinstance(v, float) and v == int(v):
        return str(int(v))
    return str(v)


def check(ctx: RuleContext) -> Iterator[Finding]:
    arch = ctx.arch
    if arch is None:
        return
    ref = arch.ref
    for bp in arch.best_practices:
        chk = bp.check
        if chk is None or not chk.path:
            continue
        dotted, op, want = chk.path, chk.op, chk.value
        found, have = dotted_get(ctx.data, dotted)
        if op == "present":
            ok: bool | None = found
        elif not found:
            continue
        else:
            ok = holds(op, have, want)
        if ok is not False:
            continue
        severity = bp.severity if bp.severity in SEVERITIES else DEFAULT_SEVERITY
        path = tuple(dotted.split("."))
        state = f"{dotted} = {_show(have)}" if found else f"{dotted} is missing"
        expect = f"{dotted} {op} {_show(want)}" if op != "present" else f"{dotted} present"
        yield ctx.finding(
            path,
            f"{bp.title} ({bp.id}): {state}",
            severity=severity,
            limit=expect,
            limit_source=f"{ref} best_practices[{bp.id}]",
            arithmetic=f"{state}, expected {expect}",
            fix=f"make {expect}: {bp.rationale.strip()}",
            key=ctx.key("best_practices", bp.id),
            related=(ctx.related(arch, *bp.at, "check"),),
        )
