"""Any JSON document as inert Markdown tables, every string escaped.

Used for the output of other refarch commands (``size --json``, ``review --format json``)
whose shape the site does not fix: whatever keys they hold are shown.

* An object becomes a ``field | value`` table; nested objects are flattened into dotted
  fields (``assumptions.pue``); lists of scalars are joined.
* A list of objects becomes one table with a column per item (``field | 1 | 2 | ...``).
* A list of objects inside an object gets its own heading, named by its key.
"""

from __future__ import annotations

from typing import Any

from linter.site.escape import md_inline, plain


def _scalar(value: Any) -> bool:
    return value is None or isinstance(value, str | int | float | bool)


def _leaf(value: Any) -> bool:
    return _scalar(value) or (isinstance(value, list) and all(_scalar(v) for v in value))


def _objects(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)


def _cell(value: Any) -> str:
    return str(md_inline(plain(value)))


def flatten(data: dict[str, Any], prefix: str = "") -> tuple[dict[str, Any], dict[str, Any]]:
    """(dotted leaf fields, lists of objects and other nested lists by dotted key)."""
    leaves: dict[str, Any] = {}
    nested: dict[str, Any] = {}
    for key, value in data.items():
        name = f"{prefix}{key}"
        if _leaf(value):
            leaves[name] = value
        elif isinstance(value, dict):
            sub_leaves, sub_nested = flatten(value, f"{name}.")
            leaves.update(sub_leaves)
            nested.update(sub_nested)
        else:
            nested[name] = value
    return leaves, nested


def _columns(items: list[dict[str, Any]]) -> list[str]:
    lines: list[str] = []
    flat = [flatten(item)[0] for item in items]
    keys: list[str] = []
    for f in flat:
        keys.extend(k for k in f if k not in keys)
    lines.append("| field | " + " | ".join(str(i) for i in range(1, len(items) + 1)) + " |")
    lines.append("|---|" + "---|" * len(items))
    for k in keys:
        lines.append(f"| {_cell(k)} | " + " | ".join(_cell(f.get(k, "")) for f in flat) + " |")
    return lines


def render(data: Any, level: int = 2) -> str:
    """Markdown for ``data``; headings for nested lists start at ``level``."""
    return "\n".join(_render(data, level)).strip() + "\n"


def _render(data: Any, level: int) -> list[str]:
    heading = "#" * min(level, 6)
    if _leaf(data):
        return [_cell(data), ""]
    if _objects(data):
        return [*_columns(data), ""]
    if isinstance(data, list):
        out: list[str] = []
        for i, item in enumerate(data, 1):
            out += [f"{heading} {i}", "", *_render(item, level + 1)]
        return out
    leaves, nested = flatten(data)
    out = []
    if leaves:
        out += ["| field | value |", "|---|---|"]
        out += [f"| {_cell(k)} | {_cell(v)} |" for k, v in leaves.items()]
        out.append("")
    for key, value in nested.items():
        out += [f"{heading} {_cell(key)}", "", *_render(value, level + 1)]
    return out
