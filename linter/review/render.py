"""Render review packets and semantic diffs: Markdown (pull-request descriptions, site pages),
plain text and JSON."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from linter.core.findings import Finding
from linter.core.text import plural
from linter.kb.change_checks import LEVELS
from linter.review import citations
from linter.review.classify import Classified
from linter.review.impact import PlanImpact, counts
from linter.review.packet import EntryReview, Review
from linter.review.revision import Revision

_ICON = {"breaking": "**breaking**", "warning": "warning", "info": "info"}


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def rev_label(rev: Revision, release: str = "") -> str:
    when = f", {rev.day}" if rev.day else ""
    name = release or rev.release
    if name:
        return f"{name} (`{rev.short}`{when})"
    return f"`{rev.short}` ({rev.day})" if rev.day else f"`{rev.short}`"


def changes_table(changes: list[Classified]) -> list[str]:
    """One row per change: its level, check, path and detail, and the sources of the figure
    it adds or changes (what a reviewer opens to check it)."""
    lines = ["| level | check | change | source |", "|---|---|---|---|"]
    for c in changes:
        ch = c.change
        lines.append(
            f"| {_ICON[c.level]} | `{c.check}` | `{ch.where}`: {_cell(ch.detail())} | "
            f"{citations.markdown(c.sources)} |"
        )
    return lines


def _entry_md(e: EntryReview) -> list[str]:
    versions = f"{e.old_version or '-'} -> {e.new_version or '-'}"
    if not (e.old_version or e.new_version):  # catalog entries carry no version
        versions = "changed"
    title = {
        "added": "added",
        "removed": "removed",
        "changed": versions,
        "renamed": f"renamed from `{e.old_id}`, {versions}",
    }[e.state]
    kind = "" if e.kind == "architecture" else f"{e.kind} "
    out = [f"### {kind}`{e.id}` ({title})", ""]
    for r in e.rationale:
        out += [
            f"> **{r['version']}** ({r['date']}): {_cell(r['summary'])}",
            ">",
            f"> *Why:* {_cell(r['why'])}",
            "",
        ]
    if e.state in ("changed", "renamed") and e.changes:
        out += [*changes_table(e.changes), ""]
    elif e.state in ("added", "removed"):
        cited = citations.markdown(e.changes[0].sources)
        head = f"`{e.changes[0].check}` ({e.changes[0].level})"
        out += [head + (f"; sources: {cited}" if cited else ""), ""]
    return out


def _finding_md(f: Finding) -> str:
    return f"| {f.rule} {f.name} | `{f.file}:{f.line}` | {_cell(f.message)} |"


def _impact_md(items: list[PlanImpact]) -> list[str]:
    affected = [p for p in items if p.affected or p.error]
    out = [f"{len(affected)} of {plural(len(items), 'plan')} change.", ""]
    if not affected:
        return out
    out += [
        "| plan | before (E/W/I) | after (E/W/I) | new | resolved | severity changed |",
        "|---|---|---|---|---|---|",
    ]
    for p in affected:
        nb, na = counts(p.before), counts(p.after)
        out.append(
            f"| `{p.plan}` | {nb['error']}/{nb['warning']}/{nb['info']} | "
            f"{na['error']}/{na['warning']}/{na['info']} | {len(p.new)} | {len(p.resolved)} | "
            f"{len(p.severity_changed)} |"
        )
    out.append("")
    for p in affected:
        out.append(f"**`{p.plan}`**" + (f": cannot be read: {_cell(p.error)}" if p.error else ""))
        out.append("")
        for f in p.new:
            out.append(f"- new {f.severity} `{f.rule}` line {f.line}: {_cell(f.message)}")
        for f in p.resolved:
            out.append(f"- resolved {f.severity} `{f.rule}` line {f.line}: {_cell(f.message)}")
        for a, f in p.severity_changed:
            out.append(
                f"- `{f.rule}` line {f.line}: {a.severity} -> {f.severity}: {_cell(f.message)}"
            )
        for a, f in p.message_changed:
            out.append(
                f"- `{f.rule}` line {f.line}: now {_cell(f.message)} (was: {_cell(a.message)})"
            )
        out.append("")
    return out


def markdown(r: Review) -> str:
    c = r.counts()
    title = f"{r.base_release or r.base.short} -> {r.head_release or r.head.short}"
    out = [
        f"# Knowledge-base review {title}",
        "",
        f"From {rev_label(r.base, r.base_release)} to {rev_label(r.head, r.head_release)}"
        + (f", across {plural(len(r.steps), 'intermediate release')}" if r.steps else "")
        + (" (consistency checked at each)" if r.steps and r.each_release else "")
        + ".",
        "",
    ]
    changed = [e for e in r.architectures if e.state in ("changed", "renamed")]
    summary = (
        f"**{c['breaking']} breaking, {c['warning']} warning, {c['info']} info** changes; "
        f"architectures: {sum(e.state == 'added' for e in r.architectures)} added, "
        f"{sum(e.state == 'removed' for e in r.architectures)} removed, {len(changed)} changed; "
        f"{plural(len(r.consistency), 'release consistency error')}"
    )
    if r.impact is not None:
        moved = sum(p.affected or bool(p.error) for p in r.impact)
        summary += f"; {moved} of {plural(len(r.impact), 'plan')} change"
    out += [summary + ".", ""]
    out += [f"> {n}" for n in r.notes] + ([""] if r.notes else [])
    out += ["## Release consistency", ""]
    if r.consistency:
        out += ["| check | where | problem |", "|---|---|---|"]
        out += [_finding_md(f) for f in r.consistency] + [""]
    else:
        out += [
            "No problems: every changed architecture has a new version and a recorded reason, "
            "and release.yaml is in step.",
            "",
        ]
    out += ["## Architectures", ""]
    if r.architectures:
        out += [
            "| architecture | change | versions | breaking | warning | info |",
            "|---|---|---|---|---|---|",
        ]
        for e in r.architectures:
            n = e.counts
            out.append(
                f"| `{e.id}` | {e.state} | {e.old_version or '-'} -> {e.new_version or '-'} | "
                f"{n['breaking']} | {n['warning']} | {n['info']} |"
            )
        out.append("")
        for e in r.architectures:
            out += _entry_md(e)
    else:
        out += ["No architecture changed.", ""]
    if r.catalog:
        out += ["## Catalog and standards", ""]
        for e in r.catalog:
            out += _entry_md(e)
    if r.calibration:
        out += ["## Calibration freshness", ""] + _calibration_md(r)
    if r.impact is not None:
        out += ["## Impact on plans", ""] + _impact_md(r.impact)
    return "\n".join(out).rstrip() + "\n"


def _calibration_md(r: Review) -> list[str]:
    stale = [f for f in r.calibration if f.stale]
    limit = r.calibration_max_age_days
    head = (
        f"{plural(len(stale), 'efficiency set')} calibrated more than {limit} days before this "
        "release: refit them against newer published measurements."
        if stale
        else f"Every efficiency set was calibrated within {limit} days of this release."
    )
    out = [
        head,
        "",
        "| set | calibrated | age | points | software | stale |",
        "|---|---|---|---|---|---|",
    ]
    for f in r.calibration:
        age = f"{f.age_days} days" if f.age_days is not None else "unknown"
        soft = _cell("; ".join(f.software)) or "not stated"
        out.append(
            f"| `{f.id}` | {f.calibrated or 'unknown'} | {age} | {f.points} | {soft} | "
            f"{'**stale**' if f.stale else ''} |"
        )
    return [*out, ""]


def _rev_dict(rev: Revision, release: str) -> dict[str, Any]:
    c = rev.commit
    return {
        "release": release,
        "commit": c.sha if c else None,
        "date": c.date if c else None,
        "worktree": rev.is_worktree,
    }


def review_json(r: Review) -> dict[str, Any]:
    return {
        "from": _rev_dict(r.base, r.base_release),
        "to": _rev_dict(r.head, r.head_release),
        "intermediate_releases": [s.release or s.short for s in r.steps],
        "checked_each_release": r.each_release,
        "counts": r.counts(),
        "notes": r.notes,
        "consistency": [f.to_dict() for f in r.consistency],
        "architectures": [e.to_dict() for e in r.architectures],
        "catalog": [e.to_dict() for e in r.catalog],
        "impact": None if r.impact is None else [p.to_dict() for p in r.impact],
        "calibration": {
            "max_age_days": r.calibration_max_age_days,
            "sets": [f.to_dict() for f in r.calibration],
        },
    }


CATALOG_HEADING = (
    "Through the catalog (the entries this architecture names, and its derived figures)"
)


def diff_text(title: str, changes: list[Classified], catalog: Sequence[Classified] = ()) -> str:
    out = [title]
    width = max((len(c.check) for c in [*changes, *catalog]), default=0)
    for c in changes:
        out.append(f"  {c.level:<8}  {c.check:<{width}}  {c.change.describe()}")
    if catalog:
        out.append(f"  {CATALOG_HEADING[0].lower()}{CATALOG_HEADING[1:]}:")
        for c in catalog:
            out.append(f"  {c.level:<8}  {c.check:<{width}}  {c.change.describe()}")
    if not changes and not catalog:
        out.append("  no semantic differences")
    return "\n".join(out) + "\n"


def diff_markdown(title: str, changes: list[Classified], catalog: Sequence[Classified] = ()) -> str:
    if not changes and not catalog:
        return f"## {title}\n\nNo semantic differences.\n"
    out = [f"## {title}", ""]
    if changes:
        out += changes_table(changes)
    if catalog:
        out += ["", f"### {CATALOG_HEADING}", "", *changes_table(list(catalog))]
    return "\n".join(out) + "\n"


def level_counts(changes: list[Classified]) -> dict[str, int]:
    return {lv: sum(1 for c in changes if c.level == lv) for lv in LEVELS}
