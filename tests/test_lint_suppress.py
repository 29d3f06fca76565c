"""Suppression comments: valid, missing reason, expired, unused, non-ignorable."""

from __future__ import annotations

import datetime as dt

from linter.core import yamlio
from linter.kb.store import KnowledgeBase
from linter.lint.engine import lint_doc
from linter.lint.suppress import parse

BASE = """\
plan: lab
reference: dgx-superpod-h100@2026.11
facility:
  cooling: rear-door
  rear_door: active
  power: {{feeds: 3, voltage_v: 415, phases: 3, breaker_a: 60, pdus_per_rack: 3}}
racks:
  - id: r01
    count: 8
{comment}
    budget_kw: 40{trailing}
    systems: [{{model: dgx-h100, count: 4}}]
spares: {{systems: 1}}
network:
  compute: {{fabric: infiniband-ndr}}
  storage: {{fabric: infiniband-ndr}}
"""


def lint(
    kb: KnowledgeBase, comment: str = "", trailing: str = "", today: dt.date = dt.date(2026, 11, 26)
) -> tuple[list[tuple[str, int, int]], int]:
    text = BASE.format(comment=comment, trailing=trailing)
    report = lint_doc(yamlio.loads(text, "plan.yaml"), kb, today=today)
    return [(f.rule, f.line, f.column) for f in report.findings], len(report.suppressed)


def test_without_suppression(kb: KnowledgeBase) -> None:
    assert lint(kb, comment="    # nothing") == ([("PWR001", 11, 16)], 0)


def test_comment_above_silences_the_next_line(kb: KnowledgeBase) -> None:
    c = '    # refarch: ignore[rack-power-over-budget] reason="metered peak 36 kW"'
    assert lint(kb, comment=c) == ([], 1)


def test_trailing_comment_by_code(kb: KnowledgeBase) -> None:
    t = '  # refarch: ignore[PWR001] reason="metered peak 36 kW" until=2026-12-31'
    assert lint(kb, comment="    # -", trailing=t) == ([], 1)


def test_missing_reason_silences_nothing(kb: KnowledgeBase) -> None:
    c = "    # refarch: ignore[rack-power-over-budget]"
    assert lint(kb, comment=c) == ([("SUP001", 10, 5), ("PWR001", 11, 16)], 0)


def test_expired_on_the_day_after(kb: KnowledgeBase) -> None:
    c = '    # refarch: ignore[PWR001] reason="new PDUs due" until=2026-11-25'
    assert lint(kb, comment=c, today=dt.date(2026, 11, 25)) == ([], 1)
    assert lint(kb, comment=c, today=dt.date(2026, 11, 26)) == (
        [("SUP002", 10, 5), ("PWR001", 11, 16)],
        0,
    )


def test_unused(kb: KnowledgeBase) -> None:
    c = '    # refarch: ignore[PWR001, single-pdu] reason="x"'
    assert lint(kb, comment=c) == ([("SUP003", 10, 5)], 1)
    c = '    # refarch: ignore[single-pdu] reason="x"'
    assert lint(kb, comment=c) == ([("SUP003", 10, 5), ("PWR001", 11, 16)], 0)


def test_non_ignorable_rule_stays(kb: KnowledgeBase) -> None:
    text = (
        BASE.format(comment="    # -", trailing="")
        .replace("feeds: 3", "feeds: 2")
        .replace("pdus_per_rack: 3", "pdus_per_rack: 2")
    )
    text = text.replace(
        "  - id: r01\n", '  # refarch: ignore[PWR002] reason="accepted"\n  - id: r01\n'
    )
    report = lint_doc(yamlio.loads(text, "plan.yaml"), kb)
    got = [(f.rule, f.line, f.column) for f in report.findings]
    assert ("SUP004", 8, 3) in got and ("PWR002", 9, 9) in got
    assert report.suppressed == []


def test_parse_details() -> None:
    text = (
        "a: 1  # refarch: ignore[PWR001,  single-pdu ] reason='two words' until=2027-01-31\n"
        'b: "# refarch: ignore[PWR001] reason=\\"quoted\\""\n'
        '# refarch:ignore[X] reason="" until=soon\n'
    )
    sups = parse(text, lambda t: {"PWR001": "PWR001", "single-pdu": "FRG002"}.get(t))
    assert len(sups) == 2
    a, c = sups
    assert (a.line, a.column, a.covers, a.tokens, a.codes) == (
        1,
        7,
        1,
        ("PWR001", "single-pdu"),
        ("PWR001", "FRG002"),
    )
    assert (a.reason, a.until, a.valid) == ("two words", dt.date(2027, 1, 31), True)
    assert (c.line, c.covers) == (3, 4)
    assert c.problems == (
        "unknown rule 'X'",
        'a reason is required: add reason="why this is acceptable"',
        "until=soon is not a date (YYYY-MM-DD)",
    )


def test_text_inside_a_block_string_is_not_a_comment(kb: KnowledgeBase) -> None:
    text = BASE.format(comment="    # -", trailing='  # refarch: ignore[PWR001] reason="metered"')
    text = text.replace(
        "plan: lab\n",
        'plan: lab\ndescription: |\n  How to silence:\n  # refarch: ignore[PWR001] reason="x"\n',
    )
    report = lint_doc(yamlio.loads(text, "plan.yaml"), kb)
    assert [(f.rule, f.line) for f in report.findings] == []
    assert len(report.suppressed) == 1
