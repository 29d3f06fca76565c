"""The schema compiler: generated predicates agree with jsonschema, stay in sync with the
schemas, and are never used once a schema changes."""

from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft7Validator

import linter.schemas.compiled.plan
import linter.schemas.compiled.system
import linter.schemas.loader
from linter.core import units, yamlio
from linter.kb.store import KnowledgeBase
from linter.kb.validate import detect_kind
from linter.schemas import compiler as schemac
from linter.schemas import loader as schemas

ROOT = Path(__file__).resolve().parent.parent
COMPILED = ROOT / "linter" / "schemas" / "compiled"
ID = "https://example.invalid/s.json"


def _predicate(schema: Any, others: dict[str, Any] | None = None) -> Any:
    source, _ = schemac.compile_source(ID, {ID: schema, **(others or {})})
    ns: dict[str, Any] = {}
    exec(
        compile("import re\nfrom typing import Any\n" + schemac._HELPERS + source, "<t>", "exec"),
        ns,
    )
    return ns["valid"]


def _jsonschema_valid(kind: str, data: Any) -> bool:
    return not any(True for _ in schemas.validator(kind).iter_errors(data))


def test_compiled_modules_are_up_to_date() -> None:
    generated = schemac.generate(ROOT / "schema")
    on_disk = {p.stem: p.read_text(encoding="utf-8") for p in COMPILED.glob("*.py")}
    on_disk.pop("__init__")
    assert sorted(on_disk) == sorted(generated), "run: python -m linter.schemas.compiler"
    for kind, source in generated.items():
        assert on_disk[kind] == source, (
            f"linter/schemas/compiled/{kind}.py is stale: python -m linter.schemas.compiler"
        )


@pytest.mark.parametrize("kind", schemas.KINDS)
def test_every_kind_has_a_current_compiled_predicate(kind: str) -> None:
    assert schemas.compiled(kind) is not None


@pytest.mark.parametrize(
    ("schema", "instances"),
    [
        ({"type": "integer"}, [1, 1.0, 1.5, True, "1", None, -0.0, float("inf")]),
        ({"type": "number"}, [1, 2.5, True, False, "2", float("nan")]),
        ({"type": ["string", "null"]}, ["a", None, 0, [], {}]),
        ({"enum": [1, "a", None, [1]]}, [1, True, 1.0, "a", None, [1], [True], 0]),
        ({"const": False}, [False, 0, None, []]),
        ({"const": {"a": [1, 2]}}, [{"a": [1, 2]}, {"a": [1, True]}, {"a": [1, 2], "b": 0}]),
        ({"minimum": 2, "exclusiveMaximum": 5}, [1, 2, 4.99, 5, "x", True, float("nan")]),
        ({"exclusiveMinimum": 0, "maximum": 1}, [0, 0.0001, 1, 1.0001, None]),
        ({"pattern": "^a+$", "minLength": 2, "maxLength": 3}, ["a", "aa", "aaaa", "ab", 7]),
        ({"items": {"type": "string"}, "minItems": 1, "maxItems": 2}, [[], ["a"], ["a", 1], "a"]),
        ({"uniqueItems": True}, [[1, 2], [1, 1], [1, True], [[1], [1]], [{"a": 1}, {"a": 1}]]),
        (
            {
                "properties": {"a": {"type": "integer"}},
                "required": ["a"],
                "additionalProperties": False,
            },
            [{"a": 1}, {"a": "x"}, {}, {"a": 1, "b": 2}, [], "s"],
        ),
        (
            {
                "properties": {"a": True},
                "patternProperties": {"^x-": {"type": "string"}},
                "additionalProperties": {"type": "integer"},
            },
            [{"a": [], "x-y": "s", "b": 1}, {"x-y": 1}, {"b": "s"}, {"xb": 2.0}],
        ),
        ({"propertyNames": {"pattern": "^[a-z]+$"}, "minProperties": 1}, [{}, {"ab": 1}, {"A": 1}]),
        ({"anyOf": [{"type": "string"}, {"minimum": 3}]}, ["a", 3, 2, None]),
        ({"oneOf": [{"type": "integer"}, {"minimum": 0}]}, [1, -1, 0.5, "s"]),
        (
            {"allOf": [{"type": "object"}, {"required": ["k"]}], "not": {"required": ["z"]}},
            [{"k": 1}, {}, {"k": 1, "z": 2}, 3],
        ),  # fmt: skip
        (
            {
                "$ref": "#/definitions/n",
                "type": "string",
                "definitions": {"n": {"type": "integer"}},
            },
            [1, "s"],
        ),  # fmt: skip
        (
            {"type": "object", "properties": {"n": {"$ref": "#"}, "v": {"type": "integer"}}},
            [{"n": {"n": {"v": 1}}}, {"n": {"n": {"v": "x"}}}],
        ),
    ],
)
def test_keywords_mean_what_jsonschema_says(schema: dict[str, Any], instances: list[Any]) -> None:
    valid = _predicate(schema)
    reference = Draft7Validator(schema)
    for instance in instances:
        assert valid(instance) == reference.is_valid(instance), (schema, instance)


def test_refs_across_files_resolve_against_the_schema_id() -> None:
    other = "https://example.invalid/defs.json"
    defs = {"$id": other, "definitions": {"id": {"type": "string", "pattern": "^[a-z]+$"}}}
    valid = _predicate({"$id": ID, "items": {"$ref": "defs.json#/definitions/id"}}, {other: defs})
    assert (valid(["ab"]), valid(["AB"]), valid([1])) == (True, False, False)


@pytest.mark.parametrize(
    "schema", [{"items": [{"type": "string"}]}, {"format": "date"}, {"$ref": "missing.json"}]
)
def test_what_it_cannot_translate_is_refused(schema: dict[str, Any]) -> None:
    with pytest.raises(schemac.Unsupported):
        schemac.compile_source(ID, {ID: schema})


def _documents(kbs: list[KnowledgeBase]) -> list[tuple[str, Any]]:
    """Every file of the live and the frozen KB, the example plans (live and frozen copies)
    and the fixtures, with its kind."""
    paths = [(p, kb.root) for kb in kbs for p in sorted(kb.root.rglob("*.yaml"))]
    others = sorted((ROOT / "examples" / "plans").glob("*.yaml"))
    others += sorted((ROOT / "tests" / "kb-plans").glob("*.yaml"))
    others += sorted((ROOT / "tests" / "fixtures").rglob("*.yaml"))
    paths += [(p, kbs[0].root) for p in others]
    out = []
    for path, root in paths:
        try:
            doc = yamlio.load(str(path))
        except Exception:  # noqa: BLE001 - unreadable fixtures are tested elsewhere
            continue
        kind = detect_kind(doc, root)
        if kind is None:
            continue
        data = units.normalize(doc.data)[0] if kind == "plan" else doc.data
        out.append((kind, data))
    return out


def test_compiled_agrees_with_jsonschema_on_every_kb_file_example_and_fixture(
    live_kb: KnowledgeBase, kb: KnowledgeBase
) -> None:
    docs = _documents([live_kb, kb])
    assert len(docs) > 100
    kinds = {k for k, _ in docs}
    assert {"plan", "architecture", "system", "config", "release"} <= kinds
    verdicts = set()
    for kind, data in docs:
        fast = schemas.compiled(kind)
        assert fast is not None
        verdict = fast(data)
        assert verdict == _jsonschema_valid(kind, data), (kind, data)
        verdicts.add(verdict)
    assert verdicts == {True, False}


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 500) | st.floats(-5, 500)
    | st.sampled_from(["", "air", "A2", "46 kW", "dgx-h100", "x" * 90, "N+1", "fp8"]),
    lambda inner: st.lists(inner, max_size=3)
    | st.dictionaries(st.sampled_from(["id", "count", "model", "zz"]), inner, max_size=3),
    max_leaves=6,
)  # fmt: skip


def _nodes(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [path]
    if isinstance(data, dict):
        for k, v in data.items():
            out += _nodes(v, (*path, k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            out += _nodes(v, (*path, i))
    return out


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_compiled_agrees_with_jsonschema_on_mutated_plans(data: st.DataObject) -> None:
    plans = sorted((ROOT / "examples" / "plans").glob("*.yaml"))
    doc = yamlio.load(str(data.draw(st.sampled_from(plans))))
    plan = copy.deepcopy(units.normalize(doc.data)[0])
    for _ in range(data.draw(st.integers(1, 3))):
        path = data.draw(st.sampled_from(_nodes(plan)[1:]))
        parent = plan
        for part in path[:-1]:
            parent = parent[part]
        action = data.draw(st.sampled_from(["replace", "delete", "add"]))
        if action == "delete":
            del parent[path[-1]]
        elif action == "add" and isinstance(parent, dict):
            parent[data.draw(st.sampled_from(["zz", "count", "notes"]))] = data.draw(_JSON)
        else:
            parent[path[-1]] = data.draw(_JSON)
    assert schemas.compiled("plan")(plan) == _jsonschema_valid("plan", plan)  # type: ignore[misc]


def test_an_edited_schema_is_never_checked_by_stale_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copied = tmp_path / "schema"
    shutil.copytree(ROOT / "schema", copied)
    plan = json.loads((copied / "plan.schema.json").read_text())
    plan["properties"]["plan"] = {"type": "string", "maxLength": 3}
    (copied / "plan.schema.json").write_text(json.dumps(plan))
    monkeypatch.setattr(linter.schemas.loader, "schema_dir", lambda: copied)
    for fn in (schemas.compiled, schemas.schema, schemas.validator, schemas._registry):
        fn.cache_clear()
    try:
        fresh = schemas.compiled("plan")
        assert fresh is not None and fresh is not linter.schemas.compiled.plan.valid
        assert schemas.compiled("system") is linter.schemas.compiled.system.valid  # files unchanged
        data = yamlio.load(str(ROOT / "tests/fixtures/schemas/plan/valid/minimal.yaml")).data
        data["plan"] = "abc"
        assert schemas.errors("plan", data) == [] and fresh(data) is True
        data["plan"] = "long"
        assert fresh(data) is False
        errs = schemas.errors("plan", data)
        assert [e.message for e in errs] == ["'long' is too long"]
    finally:
        monkeypatch.undo()
        for fn in (schemas.compiled, schemas.schema, schemas.validator, schemas._registry):
            fn.cache_clear()
