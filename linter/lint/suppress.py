"""Suppression comments: ``# refarch: ignore[rule-name] reason="..." until=YYYY-MM-DD``.

A comment at the end of a line covers findings on that line; a comment on a line of its own
covers the next line. Several rules may be listed (``ignore[PWR001, feed-overload]``), by code
or name. The reason is required; ``until`` is optional. What each suppression did (used,
expired, invalid, refused for a non-ignorable rule) is returned by :func:`apply` as new frozen
values, so the suppression rules (``SUP001``-``SUP004``) can report it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from linter.core.findings import Finding

# The rule list stops at "#": otherwise every "# refarch: ignore[" without its "]" would scan
# to the end of the line, and a line of them would take quadratic time.
_COMMENT = re.compile(r"#\s*refarch:\s*ignore\[(?P<rules>[^\]#]*)\](?P<rest>.*)$")
_REASON = re.compile(r"""\breason\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)')""")
_UNTIL = re.compile(r"\buntil\s*=\s*(?P<until>\S+)")


@dataclass(frozen=True)
class Suppression:
    """One suppression comment and, once :func:`apply` has matched it, what it did."""

    line: int
    column: int
    end_column: int
    covers: int  # the line whose findings it silences
    tokens: tuple[str, ...]  # rule codes or names as written
    codes: tuple[str, ...] = ()  # resolved rule codes
    reason: str = ""
    until: dt.date | None = None
    problems: tuple[str, ...] = ()
    used: frozenset[str] = frozenset()  # codes it silenced (or whose rule did not run)
    refused: frozenset[str] = frozenset()  # non-ignorable codes it tried to silence
    expired: bool = False

    @property
    def valid(self) -> bool:
        return not self.problems


def _quoted_spans(line: str) -> list[tuple[int, int]]:
    spans, quote, start = [], "", 0
    for i, ch in enumerate(line):
        if quote:
            if ch == quote:
                spans.append((start, i))
                quote = ""
        elif ch in "\"'":
            quote, start = ch, i
    return spans


def parse(
    text: str,
    resolve: Callable[[str], str | None],
    in_string: Callable[[int, int], bool] = lambda line, column: False,
) -> list[Suppression]:
    """Every suppression comment in ``text``; ``resolve`` maps a code or name to a code and
    ``in_string(line, column)`` tells whether a position lies inside a (multi-line) string."""
    out: list[Suppression] = []
    if "refarch:" not in text:
        return out
    for lineno, line in enumerate(text.splitlines(), start=1):
        m = _COMMENT.search(line)
        if m is None:
            continue
        start = m.start()
        if any(a < start < b for a, b in _quoted_spans(line)) or in_string(lineno, start + 1):
            continue  # inside a YAML string, not a comment
        own_line = not line[:start].strip()
        tokens = tuple(t.strip() for t in m.group("rules").split(",") if t.strip())
        problems: list[str] = []
        codes = []
        for t in tokens:
            code = resolve(t)
            if code is None:
                problems.append(f"unknown rule {t!r}")
            else:
                codes.append(code)
        if not tokens:
            problems.append("no rule named in ignore[...]")
        rest = m.group("rest")
        r = _REASON.search(rest)
        reason = (r.group("dq") if r.group("dq") is not None else r.group("sq")) if r else ""
        if not reason.strip():
            problems.append('a reason is required: add reason="why this is acceptable"')
        until = None
        u = _UNTIL.search(rest)
        if u:
            try:
                until = dt.date.fromisoformat(u.group("until"))
            except ValueError:
                problems.append(f"until={u.group('until')} is not a date (YYYY-MM-DD)")
        out.append(
            Suppression(
                line=lineno,
                column=start + 1,
                end_column=len(line) + 1,
                covers=lineno + 1 if own_line else lineno,
                tokens=tokens,
                codes=tuple(codes),
                reason=reason,
                until=until,
                problems=tuple(problems),
            )
        )
    return out


@dataclass(frozen=True)
class Outcome:
    """What the suppressions of one file did: the findings kept and silenced, and each
    suppression with what it did recorded."""

    kept: tuple[Finding, ...]
    silenced: tuple[Finding, ...]
    suppressions: tuple[Suppression, ...]


def apply(
    findings: Iterable[Finding],
    suppressions: Iterable[Suppression],
    ignorable: Callable[[str], bool],
    today: dt.date,
    not_run: Callable[[str], bool] = lambda code: False,
) -> Outcome:
    """Split findings into kept and silenced. A code whose rule did not run (disabled or
    ignored for the file) counts as used: its suppression is not reported as unused."""
    sups = list(suppressions)
    by_line: dict[int, list[int]] = {}
    for k, s in enumerate(sups):
        by_line.setdefault(s.covers, []).append(k)
    expired = [s.until is not None and s.until < today for s in sups]
    used: list[set[str]] = [{c for c in s.codes if not_run(c)} for s in sups]
    refused: list[set[str]] = [set() for _ in sups]
    kept: list[Finding] = []
    silenced: list[Finding] = []
    for f in findings:
        hit = False
        for k in by_line.get(f.line, []):
            s = sups[k]
            if f.rule not in s.codes:
                continue
            if not ignorable(f.rule):
                refused[k].add(f.rule)
            elif s.valid and not expired[k]:
                used[k].add(f.rule)
                hit = True
        (silenced if hit else kept).append(f)
    done = tuple(
        replace(s, used=frozenset(used[k]), refused=frozenset(refused[k]), expired=expired[k])
        for k, s in enumerate(sups)
    )
    return Outcome(tuple(kept), tuple(silenced), done)
