"""The schema reference, generated from the JSON Schemas' own descriptions.

Each ``schema/<kind>.schema.json`` gets a page listing every property (dotted path, type,
required, constraints, description); the files themselves are published unchanged at
``schema/<kind>.schema.json`` (see ``linter.site.files``), so an editor's
``# yaml-language-server: $schema=`` line can point at them.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TypedDict

from linter.site.core import Page, Site
from linter.site.escape import plain

MAX_DEPTH = 8
_CONSTRAINTS = (
    "const",
    "enum",
    "pattern",
    "minimum",
    "exclusiveMinimum",
    "maximum",
    "exclusiveMaximum",
    "minLength",
    "maxLength",
    "minItems",
    "maxItems",
    "uniqueItems",
)


class PropRow(TypedDict):
    path: str
    type: str
    type_link: str
    required: str
    description: str
    constraints: str


class Definition(TypedDict):
    name: str
    description: str
    rows: list[PropRow]


class SchemaContext(TypedDict):
    """Everything ``schema.md.j2`` shows."""

    kind: str
    title: str
    description: str
    schema_id: str
    file: str
    modeline: str
    rows: list[PropRow]
    definitions: list[Definition]


class SchemaIndexContext(TypedDict):
    schemas: list[dict[str, str]]


def _ref_name(node: dict[str, Any]) -> str | None:
    ref = node.get("$ref")
    if ref is None:
        all_of = node.get("allOf")
        if isinstance(all_of, list) and len(all_of) == 1 and isinstance(all_of[0], dict):
            ref = all_of[0].get("$ref")
    return ref.rsplit("/", 1)[-1] if isinstance(ref, str) else None


def _type(node: dict[str, Any]) -> str:
    t = node.get("type")
    if isinstance(t, list):
        return " or ".join(map(str, t))
    if isinstance(t, str):
        return t
    for key in ("anyOf", "oneOf"):
        if isinstance(node.get(key), list):
            kinds = [_type(n) for n in node[key] if isinstance(n, dict)]
            return " or ".join(dict.fromkeys(k for k in kinds if k))
    return "const" if "const" in node else ""


def _constraints(node: dict[str, Any]) -> str:
    parts = []
    for key in _CONSTRAINTS:
        if key in node:
            value = node[key]
            text = " | ".join(map(plain, value)) if key == "enum" else plain(value)
            parts.append(f"{key}: {text}")
    return "; ".join(parts)


def rows(
    node: dict[str, Any], prefix: str = "", required: bool = False, depth: int = 0
) -> list[PropRow]:
    """Every property under ``node``, depth first, in the schema's order."""
    out: list[PropRow] = []
    props = node.get("properties")
    if not isinstance(props, dict) or depth > MAX_DEPTH:
        return out
    needed = set(node.get("required") or [])
    for name, child in props.items():
        if not isinstance(child, dict):
            continue
        path = f"{prefix}.{name}" if prefix else str(name)
        out.extend(_node_rows(child, path, name in needed, depth))
    return out


def _node_rows(child: dict[str, Any], path: str, required: bool, depth: int) -> list[PropRow]:
    ref = _ref_name(child)
    row = PropRow(
        path=path,
        type=ref or _type(child),
        type_link=f"common.md#{ref}" if ref else "",
        required="yes" if required else "",
        description=plain(child.get("description")),
        constraints=_constraints(child),
    )
    out = [row]
    out.extend(rows(child, path, required, depth + 1))
    items = child.get("items")
    if isinstance(items, dict):
        if _ref_name(items):
            row["type"] = f"array of {_ref_name(items)}"
            row["type_link"] = f"common.md#{_ref_name(items)}"
        else:
            row["type"] = f"array of {_type(items) or 'items'}"
            out.extend(rows(items, f"{path}[]", False, depth + 1))
    extra = child.get("additionalProperties")
    if isinstance(extra, dict) and not child.get("properties"):
        out.extend(_node_rows(extra, f"{path}.*", False, depth + 1))
    return out


def _load(path: Path) -> dict[str, Any]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return data if isinstance(data, dict) else {}


def schema_files(site: Site) -> list[Path]:
    return sorted(site.options.schema_dir.glob("*.schema.json"))


def context(site: Site, path: Path) -> SchemaContext:
    data = _load(path)
    kind = path.name.removesuffix(".schema.json")
    definitions = [
        Definition(
            name=str(name),
            description=plain(node.get("description")),
            rows=_node_rows(node, str(name), False, 0),
        )
        for name, node in (data.get("definitions") or {}).items()
        if isinstance(node, dict)
    ]
    return SchemaContext(
        kind=kind,
        title=plain(data.get("title", kind)),
        description=plain(data.get("description")),
        schema_id=plain(data.get("$id")),
        file=path.name,
        modeline=f"# yaml-language-server: $schema={site.options.site_url}schema/{path.name}",
        rows=rows(data),
        definitions=definitions,
    )


def pages(site: Site) -> Iterator[Page]:
    index: list[dict[str, str]] = []
    for path in schema_files(site):
        ctx = context(site, path)
        yield Page(f"schema/{ctx['kind']}.md", site.render("schema.md.j2", ctx), title=ctx["title"])
        index.append(
            {
                "kind": ctx["kind"],
                "title": ctx["title"],
                "description": ctx["description"],
                "file": ctx["file"],
                "link": f"{ctx['kind']}.md",
            }
        )
    yield Page(
        "schema/index.md", site.render("schema-index.md.j2", SchemaIndexContext(schemas=index))
    )
