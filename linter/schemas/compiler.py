"""Compile a JSON Schema (draft 7, the keywords refarch's schemas use) to a Python predicate.

``compile_source(kind, schemas)`` returns the source of a module whose ``valid(data) -> bool``
answers exactly what ``not list(Draft7Validator(schema).iter_errors(data))`` answers, without
importing jsonschema. The lint path asks it first and calls jsonschema (for the detailed,
positioned errors) only when the answer is no. A schema that uses a keyword this compiler does
not know raises :class:`Unsupported`; the caller then uses jsonschema alone.

The keyword translation, and its semantics (jsonschema's draft 7), are in
:mod:`linter.schemas.codegen`; this module wraps its output in a module, writes the shipped
ones (``python -m linter.schemas.compiler``) or compiles one in memory.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from linter.schemas.codegen import Unsupported, compile_source
from linter.schemas.loader import crc

__all__ = ["Unsupported", "compile_kind", "compile_source", "generate", "main"]

# jsonschema's `equal` and `uniq` semantics, copied into every generated module.
_HELPERS = """\
def _equal(one: Any, two: Any) -> bool:
    if one is two:
        return True
    if isinstance(one, str) or isinstance(two, str):
        return bool(one == two)
    if isinstance(one, list) and isinstance(two, list):
        return len(one) == len(two) and all(_equal(a, b) for a, b in zip(one, two))
    if isinstance(one, dict) and isinstance(two, dict):
        return len(one) == len(two) and all(k in two and _equal(v, two[k]) for k, v in one.items())
    if isinstance(one, bool) != isinstance(two, bool):
        return False
    return bool(one == two)


def _unique(items: list[Any]) -> bool:
    return not any(_equal(a, b) for i, a in enumerate(items) for b in items[i + 1 :])
"""


def generate(schema_dir: Path, only: str | None = None) -> dict[str, str]:
    """``{kind: module source}`` for every schema in ``schema_dir`` that compiles (or for
    the kind ``only``)."""
    files = {p.name: p for p in sorted(schema_dir.glob("*.schema.json"))}
    docs = {name: json.loads(p.read_text(encoding="utf-8")) for name, p in files.items()}
    by_id = {d["$id"]: d for d in docs.values()}
    file_of = {d["$id"]: name for name, d in docs.items()}
    out = {}
    for name, doc in docs.items():
        kind = name.removesuffix(".schema.json")
        if only is not None and kind != only:
            continue
        try:
            body, used = compile_source(doc["$id"], by_id)
        except Unsupported:
            continue
        sources = {file_of[u]: crc(files[file_of[u]]) for u in sorted(used)}
        out[kind] = "\n".join(
            [
                f'"""{name}, compiled by `python -m linter.schemas.compiler`: do not edit."""',
                "# ruff: noqa",
                "",
                "from __future__ import annotations",
                "",
                "import re",
                "from typing import Any",
                "",
                f"SOURCES = {sources!r}",
                "",
                "",
                _HELPERS,
                body,
            ]
        )
    return out


def compile_kind(schema_dir: Path, kind: str) -> Callable[[Any], bool] | None:
    """The predicate for ``kind`` compiled in memory (when the shipped module is stale)."""
    source = generate(schema_dir, only=kind).get(kind)
    if source is None:
        return None
    namespace: dict[str, Any] = {}
    exec(compile(source, f"<compiled {kind} schema>", "exec"), namespace)  # noqa: S102
    return namespace["valid"]  # type: ignore[no-any-return]


def main() -> int:
    from linter.core.resources import schema_dir

    target = Path(__file__).resolve().parent / "compiled"
    modules = generate(schema_dir())
    for old in target.glob("*.py"):
        if old.name != "__init__.py" and old.stem not in modules:
            old.unlink()
    for kind, source in sorted(modules.items()):
        (target / f"{kind}.py").write_text(source, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
