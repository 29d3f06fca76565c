"""The JSON Schemas themselves, and valid/invalid fixtures per schema."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft7Validator

from linter.core import yamlio
from linter.kb.store import KnowledgeBase
from linter.kb.validate import detect_kind, validate_doc
from linter.schemas import loader as schemas

FIX = Path(__file__).parent / "fixtures" / "schemas"
SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schema"
EXPECT = re.compile(r"^# expect: (\S+) (\S+) (\d+):(\d+) (.+)$", re.M)


@pytest.mark.parametrize("path", sorted(SCHEMA_DIR.glob("*.schema.json")), ids=lambda p: p.name)
def test_schema_is_valid_draft7_with_local_id(path: Path) -> None:
    schema = json.loads(path.read_text())
    Draft7Validator.check_schema(schema)
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert schema["$id"] == f"https://refarch.dev/schema/{path.name}"


def _properties(node: Any, where: str) -> list[tuple[str, Any]]:
    out: list[tuple[str, Any]] = []
    if isinstance(node, dict):
        for name, sub in (node.get("properties") or {}).items():
            out.append((f"{where}.{name}", sub))
        for k, v in node.items():
            out.extend(_properties(v, f"{where}/{k}"))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out.extend(_properties(v, f"{where}[{i}]"))
    return out


@pytest.mark.parametrize("path", sorted(SCHEMA_DIR.glob("*.schema.json")), ids=lambda p: p.name)
def test_every_property_has_a_description(path: Path) -> None:
    schema = json.loads(path.read_text())
    missing = [w for w, sub in _properties(schema, path.name) if "description" not in sub]
    assert missing == []


def test_refs_resolve_locally_only() -> None:
    for kind in schemas.KINDS:
        text = json.dumps(schemas.schema(kind))
        for ref in re.findall(r'"\$ref": "([^"]+)"', text):
            assert not ref.startswith(("http:", "https:", "file:")), ref


def _cases(sub: str) -> list[Path]:
    return sorted(FIX.glob(f"*/{sub}/*.yaml"))


@pytest.mark.parametrize("path", _cases("valid"), ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_valid_fixture(path: Path, kb: KnowledgeBase) -> None:
    doc = yamlio.load(str(path))
    kind = detect_kind(doc, kb.root)
    assert kind == path.parent.parent.name
    assert validate_doc(doc, kind, kb) == []


@pytest.mark.parametrize(
    "path", _cases("invalid"), ids=lambda p: f"{p.parent.parent.name}/{p.name}"
)
def test_invalid_fixture_gives_exactly_the_expected_finding(path: Path, kb: KnowledgeBase) -> None:
    doc = yamlio.load(str(path))
    kind = detect_kind(doc, kb.root)
    assert kind == path.parent.parent.name
    expected = EXPECT.findall(doc.text)
    assert expected, f"{path} states no expectation"
    got = validate_doc(doc, kind, kb)
    assert len(got) == len(expected), [f.message for f in got]
    for f, (rule, jpath, line, col, message) in zip(got, expected, strict=True):
        assert (f.rule, f.path, f.line, f.column) == (rule, jpath, int(line), int(col))
        assert f.message.startswith(message), f.message
        assert f.fix, f"{f.rule} at {f.line}:{f.column} has no fix"


def test_every_validation_code_has_a_fix() -> None:
    from linter.kb.checks import VALIDATION

    assert all(c.how_to_fix for c in VALIDATION), [c.code for c in VALIDATION if not c.how_to_fix]
