"""YAML with comments: block-style mappings and lists, each value followed by its comment.

PyYAML writes no comments. Generated files that must say where each value came from (an
imported plan names the DCIM object behind every figure) are written here instead: a value's
comment is given by its path (``("racks", 0, "budget_kw")``), and scalars are written by
PyYAML's own emitter, so quoting is always PyYAML's. Reading the text back gives ``data``.
"""

from __future__ import annotations

from typing import Any

from linter.core.text import one_line
from linter.core.yamlio import PathT

INDENT = "  "


def scalar(value: Any) -> str:
    """One scalar as PyYAML writes it inside a flow sequence (quoted where it must be)."""
    import yaml

    text = yaml.safe_dump([value], default_flow_style=True, allow_unicode=True, width=1 << 30)
    return text.strip()[1:-1]


def _comment(comments: dict[PathT, str], path: PathT) -> str:
    note = comments.get(path)
    return f"  # {one_line(note)}" if note else ""


def dump(data: dict[str, Any], comments: dict[PathT, str]) -> str:
    """``data`` as YAML, with ``comments[path]`` after the value at ``path``."""
    lines: list[str] = []
    _mapping(data, (), 0, lines, comments, first_prefix=None)
    return "\n".join(lines) + "\n"


def _mapping(
    node: dict[str, Any],
    path: PathT,
    depth: int,
    lines: list[str],
    comments: dict[PathT, str],
    first_prefix: str | None,
) -> None:
    for i, (key, value) in enumerate(node.items()):
        lead = first_prefix if (first_prefix is not None and i == 0) else INDENT * depth
        here = (*path, key)
        if isinstance(value, dict) and value:
            lines.append(f"{lead}{scalar(key)}:{_comment(comments, here)}")
            _mapping(value, here, depth + 1, lines, comments, None)
        elif isinstance(value, list) and value:
            lines.append(f"{lead}{scalar(key)}:{_comment(comments, here)}")
            _sequence(value, here, depth + 2, lines, comments)
        else:
            shown = "{}" if value == {} else "[]" if value == [] else scalar(value)
            lines.append(f"{lead}{scalar(key)}: {shown}{_comment(comments, here)}")


def _sequence(
    items: list[Any], path: PathT, depth: int, lines: list[str], comments: dict[PathT, str]
) -> None:
    dash = INDENT * (depth - 1) + "- "
    for i, item in enumerate(items):
        here = (*path, i)
        if isinstance(item, dict) and item:
            _mapping(item, here, depth, lines, comments, first_prefix=dash)
        else:
            lines.append(f"{dash}{scalar(item)}{_comment(comments, here)}")
