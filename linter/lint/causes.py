"""One cause, one finding: findings that report the same mistake are folded into the one that
names its cause, the others kept as its related notes.

Two findings share a cause when a pair in :data:`SYMPTOMS` says so:

* the architecture's figure and its best practice on the same value of the plan (ARC004 and
  BPR001 both at ``network.compute.oversubscription``): ARC004 stays;
* a liquid-cooled system on air (CLG002) is why its rack's heat exceeds air cooling (CLG001)
  and why the architecture's "liquid cooling is mandatory" practice fails (BPR001 on
  ``facility.cooling``).

The finding that stays takes the highest severity of those folded into it; each folded finding
becomes a :class:`~linter.core.findings.Related` note at its own line and column, so every
output format still shows it. Suppression comments are applied before folding, so a comment
naming a folded rule works as before.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from linter.core.findings import SEVERITY_RANK, Finding, Related


def _rack_group(f: Finding) -> str:
    """``racks:ID`` of a finding keyed by rack group (``CLG001:plan:racks:ID[:...]``)."""
    parts = f.key.split(":")
    return ":".join(parts[2:4]) if len(parts) >= 4 and parts[2] == "racks" else ""


def _same_rack(symptom: Finding, cause: Finding) -> bool:
    return bool(_rack_group(symptom)) and _rack_group(symptom) == _rack_group(cause)


def _cooling_practice(symptom: Finding, cause: Finding) -> bool:
    return symptom.path == "$.facility.cooling"


def _same_value(symptom: Finding, cause: Finding) -> bool:
    return symptom.path == cause.path


# (symptom rule, cause rule, whether this symptom finding comes from that cause finding)
SYMPTOMS: tuple[tuple[str, str, Callable[[Finding, Finding], bool]], ...] = (
    ("CLG001", "CLG002", _same_rack),
    ("BPR001", "CLG002", _cooling_practice),
    ("BPR001", "ARC004", _same_value),
)


def _note(f: Finding) -> Related:
    return Related(f.file, f.line, f.column, f"{f.rule} [{f.name}] {f.message}")


def _fold(cause: Finding, symptoms: list[Finding]) -> Finding:
    if not symptoms:
        return cause
    severity = max((cause, *symptoms), key=lambda f: SEVERITY_RANK[f.severity]).severity
    notes = tuple(_note(s) for s in sorted(symptoms, key=Finding.sort_key))
    return replace(cause, severity=severity, related=cause.related + notes)


def fold(findings: Sequence[Finding]) -> list[Finding]:
    """``findings`` with each group sharing a cause folded into one finding."""
    kept = list(findings)
    folded: dict[int, list[Finding]] = {}
    gone: set[int] = set()
    for i, symptom in enumerate(kept):
        for rule, cause_rule, matches in SYMPTOMS:
            if symptom.rule != rule:
                continue
            j = next(
                (
                    j
                    for j, c in enumerate(kept)
                    if c.rule == cause_rule and c.file == symptom.file and matches(symptom, c)
                ),
                None,
            )
            if j is not None and j not in gone:
                folded.setdefault(j, []).append(symptom)
                gone.add(i)
                break
    return [_fold(f, folded.get(i, [])) for i, f in enumerate(kept) if i not in gone]
