"""Property tests over loader -> validate -> lint: whatever the input, refarch either returns
(a document, findings, a lint result) or raises one of its own errors. Any other exception
is a bug. See tests/fuzz_support.py for the example counts and the long run."""

from __future__ import annotations

import datetime as dt
import json
import math
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import FROZEN_KB, FROZEN_PLANS
from fuzz_support import OWN_ERRORS, examples, mutate, numbers, quantities, texts, values
from hypothesis import assume, given
from hypothesis import strategies as st

from linter.core import yamlio
from linter.core.errors import ConfigError, InputError
from linter.kb.store import KnowledgeBase
from linter.kb.validate import detect_kind, validate_doc
from linter.lint import baseline, config, suppress
from linter.lint.engine import lint_doc, lint_paths

ROOT = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 11, 26)
BASES = {
    p.name: yaml.safe_load(p.read_text(encoding="utf-8"))
    for p in [
        ROOT / "tests" / "bad_inputs" / "files" / "clean.yaml",
        *sorted(FROZEN_PLANS.glob("*.yaml")),
    ]  # fmt: skip
}
PLAN_KEYS = sorted(
    set(re.findall(r'"([a-z_]+)": \{', (ROOT / "schema" / "plan.schema.json").read_text()))
)
keys = st.one_of(st.sampled_from(PLAN_KEYS), st.text(min_size=1, max_size=12))
plan_values = values(keys)
# Not a fixture: hypothesis would print its whole repr with every failing example.
KB = KnowledgeBase.open(FROZEN_KB)


@pytest.fixture(autouse=True)
def _no_parse_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REFARCH_NO_CACHE", "1")


def dump(data: Any) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1000)


def lint_text(text: str, kb: KnowledgeBase, path: str = "fuzz.yaml") -> None:
    """Load, validate and lint text as a plan; only refarch's own errors may escape."""
    try:
        doc = yamlio.loads(text, path)
    except InputError:
        return
    kind = detect_kind(doc, None)
    if kind is not None:
        validate_doc(yamlio.loads(text, path), kind, kb)
    report = lint_doc(doc, kb, None, TODAY)
    for f in report.findings:  # a finding always points into the file
        assert f.file == path and f.line >= 1 and f.column >= 1
    if report.hot_spot is not None:
        report.hot_spot.describe()


# --- text -----------------------------------------------------------------------------------

YAML_TOKENS = st.sampled_from(
    ["plan: ", "racks:", "\n", "\n  ", "\n    ", "- ", "[", "]", "{", "}", ", ", ": ", "? ",
     "&a ", "*a", "&b ", "*b", "!!str ", "!!int ", "!!python/object:os.system ", "!custom ",
     "---\n", "...\n", "# c\n", "'", '"', "\t", "|\n  ", ">-\n  ", "\\", "%YAML 1.1\n", "\x00",
     "\ufeff", "count: ", "budget_kw: ", "reference: dgx-superpod-h100@2026.11", "<<: *a"]
)  # fmt: skip
yaml_texts = st.lists(st.one_of(YAML_TOKENS, texts, numbers.map(str)), max_size=40).map("".join)


@examples(500)
@given(text=st.one_of(st.text(max_size=300), yaml_texts))
def test_any_text_loads_or_fails_with_its_position(text: str) -> None:
    try:
        doc = yamlio.loads(text, "fuzz.yaml")
    except InputError as exc:
        assert exc.location is not None and exc.location.file == "fuzz.yaml"
        return
    for path, span in doc.spans.items():
        assert doc.get(path, "missing") != "missing" or path == ()
        assert 1 <= span.line <= span.end_line


@examples(400)
@given(text=yaml_texts)
def test_yaml_fragments_validate_and_lint(text: str) -> None:
    lint_text(text, KB)
    lint_text("plan: fuzz\nreference: dgx-superpod-h100@2026.11\nracks:\n" + text, KB)


# --- equivalent YAML 1.2 scalars as keys ---------------------------------------------------


def _cases(word: str) -> list[str]:
    return [word, word.capitalize(), word.upper()]


@st.composite
def same_key_twice(draw: st.DrawFn) -> tuple[str, str]:
    """Two spellings of one YAML 1.2 core-schema scalar (a boolean, an integer, a float or
    null), as mapping keys must then be one key."""
    kind = draw(st.sampled_from(["bool", "int", "float", "special", "null"]))
    if kind == "bool":
        spellings = _cases(draw(st.sampled_from(["true", "false"])))
    elif kind == "null":
        spellings = [*_cases("null"), "~"]
    elif kind == "special":
        sign = draw(st.sampled_from(["", "-", "+"]))
        spellings = draw(
            st.sampled_from(
                [[f"{sign}.inf", f"{sign}.Inf", f"{sign}.INF"], [".nan", ".NaN", ".NAN"]]
            )
        )
    elif kind == "int":
        n = draw(st.integers(0, 10**12))
        zeros = "0" * draw(st.integers(1, 3))
        spellings = [str(n), f"+{n}", zeros + str(n), f"0x{n:x}", f"0x{n:X}", f"0o{n:o}"]
    else:
        whole, frac = draw(st.integers(0, 10**6)), draw(st.integers(0, 10**4))
        digits = str(frac)
        spellings = [f"{whole}.{digits}", f"{whole}.{digits}0", f"{whole}{digits}e-{len(digits)}"]
        if draw(st.booleans()):
            spellings = [f"-{x}" for x in spellings]
    return tuple(draw(st.permutations(spellings))[:2])  # type: ignore[return-value]


@examples(300)
@given(pair=same_key_twice(), flow=st.booleans())
def test_equivalent_scalars_are_one_key(pair: tuple[str, str], flow: bool) -> None:
    a, b = pair
    assume(a != b)
    text = f"plan: x\nlabels: {{{a}: 1, {b}: 2}}\n" if flow else f"plan: x\n{a}: 1\n{b}: 2\n"
    with pytest.raises(InputError, match=r"duplicate key .*first defined on line \d+, the same"):
        yamlio.loads(text, "keys.yaml")


@examples(200)
@given(pair=same_key_twice(), quote=st.sampled_from(["'", '"']))
def test_a_quoted_key_is_a_string_not_its_scalar(pair: tuple[str, str], quote: str) -> None:
    """``1:`` and ``"1":`` are two YAML keys: never "duplicate", refused as one JSON name."""
    a = pair[0]
    text = f"plan: x\n{a}: 1\n{quote}{a}{quote}: 2\n"
    with pytest.raises(InputError) as caught:
        yamlio.loads(text, "keys.yaml")
    assert "duplicate" not in str(caught.value)
    assert f"key {a!r} (a string) is also on line 2 as " in str(caught.value)
    # and two quoted spellings are two different strings, both kept
    other = pair[1]
    if a != other:
        doc = yamlio.loads(f"plan: x\n'{a}': 1\n'{other}': 2\n", "keys.yaml")
        assert doc.data[a] == 1 and doc.data[other] == 2


# --- mutated plans --------------------------------------------------------------------------


@examples(700)
@given(data=st.data())
def test_mutated_plans_lint_without_crashing(data: st.DataObject) -> None:
    name = data.draw(st.sampled_from(sorted(BASES)))
    times = data.draw(st.integers(1, 4))
    plan = mutate(data.draw, BASES[name], plan_values, keys, times)
    lint_text(dump(plan), KB)


NUMERIC = st.one_of(numbers, quantities)


@examples(500)
@given(data=st.data())
def test_plans_with_extreme_numbers_reach_the_rules(data: st.DataObject) -> None:
    """Only numbers change, so most plans stay schema-valid and every rule runs on them."""
    plan = json.loads(json.dumps(BASES[data.draw(st.sampled_from(sorted(BASES)))]))
    for path in data.draw(st.lists(st.sampled_from(_numeric_paths(plan)), min_size=1, max_size=4)):
        parent = plan
        for part in path[:-1]:
            parent = parent[part]
        parent[path[-1]] = data.draw(NUMERIC)
    lint_text(dump(plan), KB)


def _numeric_paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    if isinstance(data, dict):
        items: Any = data.items()
    elif isinstance(data, list):
        items = enumerate(data)
    else:
        is_number = isinstance(data, int | float) and not isinstance(data, bool)
        return [prefix] if is_number else []
    return [p for k, v in items for p in _numeric_paths(v, (*prefix, k))]


# --- suppressions, configuration, baselines -------------------------------------------------

COMMENT_PARTS = st.sampled_from(
    ["# refarch: ignore[", "]", "PWR001", "rack-power-over-budget", ", ", "reason=\"ok\"",
     "reason='x'", "reason=", "until=2020-01-01", "until=2999-12-31", "until=nope", " ", "#",
     "\"", "'"]
)  # fmt: skip


@examples(250)
@given(comments=st.lists(st.lists(COMMENT_PARTS, max_size=8).map("".join), max_size=5),
       where=st.lists(st.integers(0, 60), max_size=5))  # fmt: skip
def test_suppression_comments_anywhere(comments: list[str], where: list[int]) -> None:
    lines = dump(BASES["clean.yaml"]).splitlines()
    for c, at in zip(comments, where, strict=False):
        i = min(at, len(lines))
        if i < len(lines) and at % 2:
            lines[i] += "  " + c
        else:
            lines.insert(i, c)
    lint_text("\n".join(lines) + "\n", KB)
    for s in suppress.parse("\n".join(lines), lambda t: None):
        assert s.line >= 1


CONFIG_KEYS = st.sampled_from(["margin_pct", "fail_on", "severity", "disable", "per_file_ignores"])


@examples(250)
@given(data=values(st.one_of(CONFIG_KEYS, st.sampled_from(["PWR001", "no-spare-nodes", "*"]))))
def test_any_configuration_is_a_config_or_a_config_error(data: Any, tmp_path: Path) -> None:
    try:
        cfg = config.from_mapping(data, "fuzz.yaml")
    except ConfigError:
        return
    cfg.fails("error")
    cfg.ignored("plans/x.yaml", "PWR001")


@examples(200)
@given(text=st.one_of(st.text(max_size=200),
                      values(st.sampled_from(["format", "version", "findings", "key"]))
                      .map(lambda v: json.dumps(v, allow_nan=True))))  # fmt: skip
def test_any_baseline_is_keys_or_an_input_error(text: str, tmp_path_factory: Any) -> None:
    path = tmp_path_factory.mktemp("baseline") / "b.json"
    path.write_text(text, encoding="utf-8")
    try:
        keys_ = baseline.load(str(path))
    except InputError:
        return
    assert all(isinstance(k, str) for k in keys_)


# --- a mutated knowledge base ---------------------------------------------------------------

ARCH = "dgx-superpod-h100"


@pytest.fixture(scope="module")
def kb_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("kb") / "architectures"
    shutil.copytree(FROZEN_KB, d)
    return d


ARCH_DATA = yaml.safe_load((FROZEN_KB / "reference" / f"{ARCH}.yaml").read_text())


@examples(80)
@given(data=st.data())
def test_plans_lint_against_a_mutated_architecture(data: st.DataObject, kb_copy: Path) -> None:
    """Lint reads the KB without validating it: a broken KB file must still not crash it."""
    arch_keys = st.one_of(st.sampled_from(sorted(_all_keys(ARCH_DATA))), st.text(max_size=8))
    arch = mutate(data.draw, ARCH_DATA, values(arch_keys), arch_keys, data.draw(st.integers(1, 3)))
    (kb_copy / "reference" / f"{ARCH}.yaml").write_text(dump(arch), encoding="utf-8")
    kb = KnowledgeBase.open(kb_copy, checked=True)  # as `refarch lint` opens it
    plan = kb_copy.parent / "plan.yaml"
    plan.write_text(dump(BASES["clean.yaml"]), encoding="utf-8")
    try:
        result = lint_paths([str(plan)], kb, None, None, TODAY)
    except OWN_ERRORS:
        return
    for r in result.files:
        if r.hot_spot is not None:
            r.hot_spot.describe()
    doc = yamlio.load(str(kb_copy / "reference" / f"{ARCH}.yaml"))
    validate_doc(doc, "architecture", KnowledgeBase.open(kb_copy))


def _all_keys(data: Any) -> set[str]:
    out: set[str] = set()
    if isinstance(data, dict):
        for k, v in data.items():
            out.add(k)
            out |= _all_keys(v)
    elif isinstance(data, list):
        for v in data:
            out |= _all_keys(v)
    return out


KB_FILES = sorted(
    p.relative_to(FROZEN_KB).as_posix()
    for p in FROZEN_KB.rglob("*.yaml")
    if p.name != "release.yaml"
)
EDGE_FIGURES = st.sampled_from([0, -1, 1e-308, 5e-324, 1e308, -1e308, 2**63, 10**30, 0.5, 3])


@examples(80)
@given(data=st.data())
def test_plans_lint_against_extreme_kb_figures(data: st.DataObject, kb_copy: Path) -> None:
    """Numbers in up to three KB files become extremes (the KB stays schema-valid): every rule
    runs on them and none may fail."""
    originals = {}
    for rel in data.draw(st.lists(st.sampled_from(KB_FILES), min_size=1, max_size=3, unique=True)):
        path = kb_copy / rel
        originals[path] = path.read_text(encoding="utf-8")
        doc = yaml.safe_load(originals[path])
        spots = _numeric_paths(doc)
        for spot in data.draw(st.lists(st.sampled_from(spots), max_size=5)) if spots else []:
            parent = doc
            for part in spot[:-1]:
                parent = parent[part]
            parent[spot[-1]] = data.draw(st.one_of(EDGE_FIGURES, numbers.filter(_finite)))
        path.write_text(dump(doc), encoding="utf-8")
    try:
        kb = KnowledgeBase.open(kb_copy, checked=True)
        plans = [kb_copy.parent / "clean.yaml", kb_copy.parent / "inference.yaml"]
        plans[0].write_text(dump(BASES["clean.yaml"]), encoding="utf-8")
        plans[1].write_text(dump(BASES["ab-feeds-overloaded.yaml"]), encoding="utf-8")
        result = lint_paths([str(p) for p in plans], kb, None, None, TODAY)
        for r in result.files:
            if r.hot_spot is not None:
                r.hot_spot.describe()
    finally:
        for path, text in originals.items():
            path.write_text(text, encoding="utf-8")


def _finite(x: Any) -> bool:
    return not isinstance(x, float) or math.isfinite(x)
