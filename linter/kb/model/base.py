"""What every typed KB value is built from: field readers, sources, and the located root.

Readers never raise: the KB's history holds files that were never valid, and review reads them
with the same types. A missing or mistyped text is ``""``, a missing figure is ``MISSING``
(value None), a list item that is not a mapping is skipped. A loaded, checked KB has already
matched its schema, so there the types carry exactly what the file says.
"""

from __future__ import annotations

import typing
from collections.abc import Iterator
from dataclasses import dataclass, field, fields
from typing import Any, TypeVar

from linter.core.errors import Location
from linter.core.yamlio import Document, PathT
from linter.kb.figures import MISSING, Figure

T = TypeVar("T")


def text(node: object, key: str, default: str = "") -> str:
    """The text at ``node[key]``: a string as is, a number as written, else ``default``."""
    v = node.get(key) if isinstance(node, dict) else None
    if isinstance(v, str):
        return v
    if isinstance(v, int | float) and not isinstance(v, bool):
        return str(v)
    return default


def texts(node: object, key: str) -> tuple[str, ...]:
    v = node.get(key) if isinstance(node, dict) else None
    return tuple(x for x in v if isinstance(x, str)) if isinstance(v, list) else ()


def flag(node: object, key: str) -> bool:
    return isinstance(node, dict) and node.get(key) is True


def figure(node: object, key: str) -> Figure:
    """The figure at ``node[key]``; a bare number (a count written plainly) is a figure with
    that value and no source, anything else that is not a figure is ``MISSING``."""
    v = node.get(key) if isinstance(node, dict) else None
    if isinstance(v, int | float) and not isinstance(v, bool):
        return Figure(value=float(v), range=None, sources=(), derived=None, note="")
    return Figure.parse(v) or MISSING


def records(node: object, key: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """The mappings of the list at ``node[key]``, with their index in the list."""
    v = node.get(key) if isinstance(node, dict) else None
    for i, item in enumerate(v if isinstance(v, list) else ()):
        if isinstance(item, dict):
            yield i, item


def mapping(node: object, key: str) -> dict[str, Any]:
    v = node.get(key) if isinstance(node, dict) else None
    return v if isinstance(v, dict) else {}


@dataclass(frozen=True)
class Source:
    """Where figures were published: ``sources.<id>`` of a KB file."""

    id: str
    title: str
    url: str
    retrieved: str
    note: str


def sources(node: object) -> tuple[Source, ...]:
    return tuple(
        Source(id=str(k), title=text(v, "title"), url=text(v, "url"),
               retrieved=text(v, "retrieved"), note=text(v, "note"))
        for k, v in mapping(node, "sources").items()
    )  # fmt: skip


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    hints = _HINTS.get(cls)
    if hints is None:
        hints = _HINTS[cls] = typing.get_type_hints(cls)
    return hints


def build(cls: type[T], node: object, **given: Any) -> T:
    """``cls`` with every field not ``given`` read from ``node`` by its declared type: ``str``,
    ``bool``, ``Figure``, ``tuple[str, ...]`` or ``tuple[Source, ...]``. Fields of other types
    must be given; a field no reader serves is a programming error."""
    kw = dict(given)
    hints = _hints(cls)
    for f in fields(cls):  # type: ignore[arg-type]
        if f.name in kw or not f.init:
            continue
        hint = hints[f.name]
        if hint is str:
            kw[f.name] = text(node, f.name)
        elif hint is Figure:
            kw[f.name] = figure(node, f.name)
        elif hint is bool:
            kw[f.name] = flag(node, f.name)
        elif hint == tuple[str, ...]:
            kw[f.name] = texts(node, f.name)
        elif hint == tuple[Source, ...]:
            kw[f.name] = sources(node)
        else:
            raise TypeError(f"{cls.__name__}.{f.name}: no reader for {hint}")
    return cls(**kw)


@dataclass(frozen=True)
class Located:
    """A typed KB file: its id and kind, and the document it was read from (for positions)."""

    id: str
    kind: str
    doc: Document = field(compare=False, repr=False)
    summary: str
    sources: tuple[Source, ...]

    @property
    def path(self) -> str:
        return self.doc.path

    @property
    def label(self) -> str:
        """What the entry calls itself: its ``name`` or ``title``, else its id."""
        return str(getattr(self, "name", "") or getattr(self, "title", "") or self.id)

    def source(self, id_: str) -> Source | None:
        return next((s for s in self.sources if s.id == id_), None)

    def location(self, *keys: str | int) -> Location:
        return self.doc.location(tuple(keys))

    def where(self, at: PathT, *keys: str | int) -> Location:
        """The location of ``keys`` under the part at ``at`` (a rack profile, a network)."""
        return self.doc.location((*at, *keys))


@dataclass(frozen=True)
class Described(Located):
    """The fields every catalog entry and standard shares."""

    name: str
    notes: str
