"""The rules reference: an index and one page per rule, rendered from ``linter.lint.rules.RULES``.

Each rule module's docstring is its documentation (the text ``refarch explain`` prints); the
site renders it as Markdown, with its headings moved below the page title. Whatever the
registry holds is rendered; a missing ``linter.lint.rules`` package gives an index that says so.
"""

from __future__ import annotations

import importlib
import inspect
import re
from collections.abc import Iterator, Sequence
from typing import Any, TypedDict

from markupsafe import Markup

from linter.site.core import Page, Site
from linter.site.escape import plain

_FENCE = re.compile(r"^\s*(```|~~~)")
_HEADING = re.compile(r"^(#{1,6})(\s)")


class RuleSummary(TypedDict):
    code: str
    name: str
    severity: str
    ignorable: str
    summary: str
    link: str


class RuleContext(TypedDict):
    """Everything ``rule.md.j2`` shows."""

    rule: RuleSummary
    body: Markup


class RulesIndexContext(TypedDict):
    rules: list[RuleSummary]
    registry_found: bool


def registry() -> Sequence[Any] | None:
    """``linter.lint.rules.RULES``, or None while the rules package does not exist."""
    try:
        module = importlib.import_module("linter.lint.rules")
    except ModuleNotFoundError as exc:
        if exc.name in ("linter.lint.rules",):
            return None
        raise
    rules = getattr(module, "RULES", None)
    return list(rules) if rules is not None else None


def page_path(rule: Any) -> str:
    """``rules/<name>.md``: the site URL of a rule is ``rules/<name>/``."""
    return f"rules/{slug(rule)}.md"


def slug(rule: Any) -> str:
    return (
        re.sub(r"[^a-z0-9-]", "-", str(getattr(rule, "NAME", "")).lower())
        or str(getattr(rule, "CODE", "rule")).lower()
    )


def docstring(rule: Any) -> str:
    """The rule's documentation as written (dedented)."""
    return inspect.cleandoc(getattr(rule, "__doc__", None) or "")


def demote(markdown: str, min_level: int = 2) -> str:
    """Shift ATX headings so the highest is ``min_level`` (code fences left alone)."""
    lines = markdown.splitlines()
    in_fence = False
    levels = []
    for line in lines:
        if _FENCE.match(line):
            in_fence = not in_fence
        elif not in_fence and (m := _HEADING.match(line)):
            levels.append(len(m.group(1)))
    shift = max(0, min_level - min(levels)) if levels else 0
    out, in_fence = [], False
    for line in lines:
        if _FENCE.match(line):
            in_fence = not in_fence
        elif not in_fence and shift and _HEADING.match(line):
            line = "#" * shift + line
        out.append(line)
    return "\n".join(out)


def summary(rule: Any) -> RuleSummary:
    doc = docstring(rule)
    first = next((ln.strip() for ln in doc.splitlines() if ln.strip()), "")
    return RuleSummary(
        code=plain(getattr(rule, "CODE", "")),
        name=plain(getattr(rule, "NAME", "")),
        severity=plain(getattr(rule, "DEFAULT_SEVERITY", "")),
        ignorable="yes" if getattr(rule, "IGNORABLE", True) else "no",
        summary=first.lstrip("# "),
        link=f"{slug(rule)}.md",
    )


def pages(site: Site) -> Iterator[Page]:
    rules = registry()
    ordered = sorted(rules or [], key=lambda r: (str(getattr(r, "CODE", "")), slug(r)))
    summaries = [summary(r) for r in ordered]
    for rule, s in zip(ordered, summaries, strict=True):
        body = demote(docstring(rule))
        # The first paragraph is the summary shown above the badges; keep the body complete.
        ctx = RuleContext(rule=s, body=Markup(body))
        yield Page(
            page_path(rule), site.render("rule.md.j2", ctx), title=f"{s['code']} {s['name']}"
        )
    yield Page(
        "rules/index.md",
        site.render(
            "rules-index.md.j2",
            RulesIndexContext(rules=summaries, registry_found=rules is not None),
        ),
    )
