"""Rule pages: metadata, fixed headings, examples that run, and `refarch explain` / `rules`."""

from __future__ import annotations

import ast
import inspect
import re
from pathlib import Path

import pytest
from conftest import FROZEN_KB, RunCli
from lint_support import expectations, history_kb

from linter.core import yamlio
from linter.core.findings import SEVERITIES
from linter.kb.store import KnowledgeBase
from linter.kb.validate import CHECKS
from linter.lint.engine import lint_doc
from linter.lint.rules import PLAN_RULES, RULES, SUPPRESSION_RULES, Rule, lookup, summary

HEADINGS = ["## What it checks", "## Why", "## Example", "## How to fix"]


def _examples(rule: object) -> list[str]:
    doc = inspect.cleandoc(rule.__doc__ or "")
    section = doc.split("## Example", 1)[1].split("## How to fix", 1)[0]
    return re.findall(r"```yaml\n(.*?)```", section, re.S)


@pytest.fixture(scope="module")
def kb_with_history(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    return history_kb(tmp_path_factory.mktemp("kb"), FROZEN_KB)


RULES_DIR = Path(__file__).resolve().parent.parent / "linter" / "lint" / "rules"


def _listed(name: str) -> list[tuple[str, str]]:
    """The entries of the registry tuple ``name`` as written in rules/__init__.py, in source
    order: (module name, the code in the ``# CODE`` comment after it)."""
    source = (RULES_DIR / "__init__.py").read_text(encoding="utf-8")
    tree = ast.parse(source)
    (node,) = [
        n
        for n in tree.body
        if isinstance(n, ast.AnnAssign | ast.Assign)
        and name in [t.id for t in (n.targets if isinstance(n, ast.Assign) else [n.target])
                     if isinstance(t, ast.Name)]
    ]  # fmt: skip
    assert isinstance(node.value, ast.Tuple), f"{name} is not a literal tuple"
    lines = source.splitlines()
    out = []
    for elt in node.value.elts:
        assert isinstance(elt, ast.Name), ast.dump(elt)
        comment = re.search(r"#\s*([A-Z]{3}[0-9]{3})\s*$", lines[elt.lineno - 1])
        out.append((elt.id, comment.group(1) if comment else ""))
    return out


@pytest.mark.parametrize(
    ("name", "registry"), [("PLAN_RULES", PLAN_RULES), ("SUPPRESSION_RULES", SUPPRESSION_RULES)]
)
def test_registry_tuples_are_written_in_code_order(name: str, registry: tuple[Rule, ...]) -> None:
    """PLAN_RULES runs in the order it is written, so that order is the one checked: the
    literal tuple in rules/__init__.py, sorted by code, each entry's comment its code."""
    listed = _listed(name)
    assert [m for m, _ in listed] == [r.__name__.rsplit(".", 1)[1] for r in registry]
    codes = [r.CODE for r in registry]
    assert codes == sorted(codes), f"{name} is not in code order: {codes}"
    assert len(set(codes)) == len(codes)
    assert [c for _, c in listed] == codes, f"a comment in {name} names the wrong code"


def test_registry_is_unique_and_complete() -> None:
    codes = [r.CODE for r in RULES]
    assert len(set(codes)) == len(codes)
    assert len({r.NAME for r in RULES}) == len(RULES)
    assert len(RULES) == len(PLAN_RULES) + len(SUPPRESSION_RULES)
    assert set(RULES) == set(PLAN_RULES) | set(SUPPRESSION_RULES)
    assert not set(codes) & set(CHECKS)
    rule_modules = {
        p.stem for p in RULES_DIR.glob("*.py") if not p.name.startswith("_") and p.stem != "base"
    }
    assert rule_modules == {r.__name__.rsplit(".", 1)[1] for r in RULES}
    assert rule_modules == {r.NAME.replace("-", "_") for r in RULES}


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.CODE)
def test_rule_metadata_and_headings(rule: object) -> None:
    assert re.fullmatch(r"[A-Z]{3}[0-9]{3}", rule.CODE)
    assert re.fullmatch(r"[a-z]+(?:-[a-z]+)*", rule.NAME)
    assert rule.DEFAULT_SEVERITY in SEVERITIES
    assert isinstance(rule.IGNORABLE, bool)
    assert rule.__name__ == f"linter.lint.rules.{rule.NAME.replace('-', '_')}"
    doc = inspect.cleandoc(rule.__doc__ or "")
    positions = [doc.find(h + "\n") for h in HEADINGS]
    assert all(p > 0 for p in positions), f"{rule.CODE} lacks a heading"
    assert positions == sorted(positions)
    assert summary(rule) and "\n" not in summary(rule)
    assert len(_examples(rule)) >= 1, f"{rule.CODE} has no yaml example"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.CODE)
def test_docstring_examples_produce_exactly_their_findings(
    rule: object, kb_with_history: KnowledgeBase
) -> None:
    for i, block in enumerate(_examples(rule)):
        doc = yamlio.loads(block, f"<{rule.CODE} example {i}>")
        report = lint_doc(doc, kb_with_history)
        assert not [f for f in report.findings if f.rule.startswith("VAL")]
        got = sorted((f.rule, f.line, f.column) for f in report.findings if f.rule == rule.CODE)
        want = [(c, line, col) for c, line, col, _ in expectations(block)]
        assert want, f"{rule.CODE} example {i} names no finding"
        assert got == want


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.CODE)
def test_explain_prints_the_docstring(rule: object, run_cli: RunCli) -> None:
    """The page is the docstring without its example's test markers (``# expect: ...``)."""
    doc = inspect.cleandoc(rule.__doc__ or "") + "\n"
    page = "".join(
        line for line in doc.splitlines(True) if not line.lstrip().startswith("# expect: ")
    )
    assert "# expect:" not in page
    assert run_cli("explain", rule.CODE) == (0, page, "")
    assert run_cli("explain", rule.NAME) == (0, page, "")
    assert run_cli("explain", rule.CODE.lower()) == (0, page, "")


def test_explain_unknown_rule_suggests(run_cli: RunCli) -> None:
    code, out, err = run_cli("explain", "rack-power-over-budgte")
    assert (code, out) == (2, "")
    assert err == (
        "refarch: error: unknown rule 'rack-power-over-budgte' "
        "(did you mean rack-power-over-budget, row-power-over-budget, "
        "hall-power-over-budget?)\n"
    )


def test_rules_lists_every_code_by_family(run_cli: RunCli) -> None:
    from linter.lint.registry import FAMILIES, codes

    code, out, err = run_cli("rules")
    assert code == 0 and err == ""
    lines = out.splitlines()
    headings = [line for line in lines if line and not line.startswith(" ")]
    assert headings == [f"{FAMILIES[f]}:" for f in dict.fromkeys(c.family for c in codes())]
    assert headings[0] == "Validation (refarch validate, and lint before its rules):"
    assert headings[-2:] == [
        "Release consistency (refarch review):",
        "Change checks (refarch review):",
    ]
    listed = [line.split()[0] for line in lines if line.startswith("  ")]
    assert listed == [c.code for c in codes()]
    assert set(listed) >= set(CHECKS) | {r.CODE for r in RULES} | {
        "REL001",
        "REL002",
        "REL003",
        "REL004",
    }
    assert "limit-tightened" in listed
    pwr002 = next(line for line in lines if line.startswith("  PWR002"))
    assert pwr002.split()[:3] == ["PWR002", "feed-overload-on-failover", "error"]
    assert pwr002.endswith("(not ignorable)")
    rel = next(line for line in lines if line.startswith("  REL001"))
    assert rel.split()[:3] == ["REL001", "content-changed-without-version-bump", "error"]
    assert lookup("PWR001") is lookup("rack-power-over-budget")


def test_explain_prints_val_and_rel_pages(run_cli: RunCli) -> None:
    code, out, err = run_cli("explain", "VAL001")
    assert (code, err) == (0, "")
    assert out.splitlines()[:3] == [
        "The file does not match its JSON Schema.",
        "",
        "## What it checks",
    ]
    code, out, err = run_cli("explain", "content-changed-without-version-bump")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "An architecture's content changed but its version did not."
    assert [ln for ln in lines if ln.startswith("## ")] == [
        "## What it checks",
        "## Why",
        "## Example",
        "## How to fix",
    ]
    assert run_cli("explain", "rel001") == (0, out, "")
    code, out, _ = run_cli("explain", "limit-tightened")
    assert code == 0 and out.startswith("A limit or requirement moved the way that asks more")


def test_the_registry_has_one_entry_per_code_and_name() -> None:
    from linter.lint import registry

    all_codes = registry.codes()
    assert len({c.code for c in all_codes}) == len(all_codes)
    names = [c.name for c in all_codes]
    assert len(set(names)) == len(names)
    assert registry.resolve("rack-power-over-budget") == registry.resolve("pwr001") == "PWR001"
    assert registry.resolve("schema-violation") == "VAL001"
    assert registry.resolve("REL001") is None  # a review code: not for lint configuration
    for c in all_codes:
        assert [h for h in HEADINGS if f"{h}\n" in inspect.cleandoc(c.page)] == list(HEADINGS), (
            c.code
        )


def test_rules_json(run_cli: RunCli) -> None:
    import json

    code, out, _ = run_cli("rules", "--json")
    rows = json.loads(out)
    row = next(r for r in rows if r["code"] == "CLG002")
    assert row == {
        "code": "CLG002",
        "name": "liquid-cooling-required",
        "family": "cooling",
        "severity": "error",
        "ignorable": False,
        "summary": summary(lookup("CLG002")),
    }
