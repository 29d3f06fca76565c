"""A standard, typed (``standards/*.yaml``): its top-level figures, and its tables (thermal
classes, density tiers, survey averages) as rows of figures.

Standards differ in shape, so their figures are looked up by key, but each lookup returns a
typed ``Figure`` and each table row knows its position in the file.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from linter.core.yamlio import Document, PathT
from linter.kb.figures import MISSING, Figure
from linter.kb.model.base import Described, build, records, text
from linter.kb.model.record import Record


def _figures(node: dict[str, object]) -> Mapping[str, Figure]:
    out = {k: f for k in node if (f := Figure.parse(node[k])) is not None}
    return MappingProxyType(out)


class Row(Record):
    """One row of a standard's table: an id (or a year), its figures and its text fields."""

    at: PathT
    id: str
    figures: Mapping[str, Figure]
    texts: Mapping[str, str]

    def figure(self, key: str) -> Figure:
        return self.figures.get(key, MISSING)

    def text(self, key: str) -> str:
        return self.texts.get(key, "")


class Standard(Described):
    title: str
    publisher: str
    figures: Mapping[str, Figure]
    tables: Mapping[str, tuple[Row, ...]]  # lists of mappings: classes, tiers, averages
    sections: Mapping[str, Row]  # mappings of figures that are not figures: recommended

    def section(self, key: str) -> Row | None:
        return self.sections.get(key)

    def figure(self, key: str) -> Figure:
        return self.figures.get(key, MISSING)

    def rows(self, table: str) -> tuple[Row, ...]:
        return self.tables.get(table, ())

    def row(self, table: str, id_: str) -> Row | None:
        return next((r for r in self.rows(table) if r.id == id_), None)


def _row(at: PathT, node: dict[str, object]) -> Row:
    texts = {k: v for k, v in node.items() if isinstance(v, str)}
    return Row(
        at=at,
        id=text(node, "id") or text(node, "year"),
        figures=_figures(node),
        texts=MappingProxyType(texts),
    )


def parse(id_: str, doc: Document) -> Standard:
    d = doc.data if isinstance(doc.data, dict) else {}
    tables = {
        k: tuple(_row((k, i), r) for i, r in records(d, k))
        for k, v in d.items()
        if isinstance(v, list) and k != "sources" and any(isinstance(x, dict) for x in v)
    }
    return build(
        Standard,
        d,
        id=id_,
        kind="standard",
        doc=doc,
        figures=_figures(d),
        tables=MappingProxyType(tables),
        sections=MappingProxyType(
            {k: _row((k,), v) for k, v in d.items()
             if isinstance(v, dict) and k != "sources" and Figure.parse(v) is None}
        ),
    )  # fmt: skip
