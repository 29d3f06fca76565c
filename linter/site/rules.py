"""The rules reference: an index and one page per code a finding can carry (validation, the
lint rules, release consistency), rendered from the code registry ``linter.lint.registry``.

Each code's page is its documentation (the text ``refarch explain`` prints: a lint rule's
module docstring, a VAL or REL code's declared page); the site renders it as Markdown, with its
headings moved below the page title. Whatever the registry holds is rendered; a missing
registry gives an index that says so.
"""

from __future__ import annotations

import importlib
import inspect
import re
from collections.abc import Iterator, Sequence
from typing import TypedDict

from markupsafe import Markup

from linter.core.codes import Code
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


def registry() -> Sequence[Code] | None:
    """Every code a finding can carry (not the review's change checks, which the contributing
    page tabulates), or None while the registry does not exist."""
    try:
        module = importlib.import_module("linter.lint.registry")
    except ModuleNotFoundError as exc:
        if exc.name in ("linter.lint.registry",):
            return None
        raise
    return [c for c in module.codes() if c.family != "change"]


def page_path(code: Code) -> str:
    """``rules/<name>.md``: the site URL of a code is ``rules/<name>/``."""
    return f"rules/{slug(code)}.md"


def slug(code: Code) -> str:
    return re.sub(r"[^a-z0-9-]", "-", code.name.lower()) or code.code.lower()


def docstring(code: Code) -> str:
    """The code's page as written (dedented)."""
    return inspect.cleandoc(code.page)


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


def summary(code: Code) -> RuleSummary:
    doc = docstring(code)
    first = next((ln.strip() for ln in doc.splitlines() if ln.strip()), "")
    return RuleSummary(
        code=plain(code.code),
        name=plain(code.name),
        severity=plain(code.severity),
        ignorable="yes" if code.ignorable else "no",
        summary=first.lstrip("# "),
        link=f"{slug(code)}.md",
    )


def pages(site: Site) -> Iterator[Page]:
    rules = registry()
    ordered = sorted(rules or [], key=lambda r: (r.code, slug(r)))
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
