"""What every typed KB value is built from: field readers, sources, and the located root.

Readers never raise: the KB's history holds files that were never valid, and review reads them
with the same types. A missing or mistyped text is ``""``, a missing figure is ``MISSING``
(value None), a list item that is not a mapping is skipped. A loaded, checked KB has already
matched its schema, so there the types carry exactly what the file says.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from linter.core.errors import Location
from linter.core.yamlio import Document, PathT
from linter.kb.figures import MISSING, Figure
from linter.kb.model.record import R, Record, record_fields


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


def optional_flag(node: object, key: str) -> bool | None:
    """``node[key]`` when it is a boolean; None when it is absent (the default applies)."""
    v = node.get(key) if isinstance(node, dict) else None
    return v if isinstance(v, bool) else None


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


class Source(Record):
    """Where figures were published: ``sources.<id>`` of a KB file."""

    id: str
    title: str
    url: str
    retrieved: str
    note: str


class Since(Record):
    """When a status took effect and who says so (``status_since``); empty when not given."""

    date: str
    source: str
    note: str

    def __bool__(self) -> bool:
        return bool(self.date)


def since(node: object, key: str) -> Since:
    m = mapping(node, key)
    return Since(date=text(m, "date"), source=text(m, "source"), note=text(m, "note"))


def sources(node: object) -> tuple[Source, ...]:
    return tuple(
        Source(id=str(k), title=text(v, "title"), url=text(v, "url"),
               retrieved=text(v, "retrieved"), note=text(v, "note"))
        for k, v in mapping(node, "sources").items()
    )  # fmt: skip


def build(cls: type[R], node: object, **given: Any) -> R:
    """``cls`` with every field not ``given`` read from ``node`` by its declared type: ``str``,
    ``bool``, ``Figure``, ``Since``, ``tuple[str, ...]`` or ``tuple[Source, ...]``. Fields of
    other types must be given; a field no reader serves is a programming error."""
    kw = dict(given)
    for name, (hint, _) in record_fields(cls).items():
        if name in kw:
            continue
        if hint == "str":
            kw[name] = text(node, name)
        elif hint == "Figure":
            kw[name] = figure(node, name)
        elif hint == "bool":
            kw[name] = flag(node, name)
        elif hint == "tuple[str, ...]":
            kw[name] = texts(node, name)
        elif hint == "tuple[Source, ...]":
            kw[name] = sources(node)
        elif hint == "Since":
            kw[name] = since(node, name)
        else:
            raise TypeError(f"{cls.__name__}.{name}: no reader for {hint}")
    return cls(**kw)


class Located(Record):
    """A typed KB file: its id and kind, and the document it was read from (for positions)."""

    id: str
    kind: str
    doc: Document
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


class Described(Located):
    """The fields every catalog entry and standard shares."""

    name: str
    notes: str
