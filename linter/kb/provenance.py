"""Figures and their provenance across the knowledge base: `refarch show` and `refarch stats`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from linter.core.units import unit_for_key
from linter.core.yamlio import Document, PathT, json_path
from linter.kb.figures import is_figure
from linter.kb.store import KnowledgeBase

# Numbers under these keys are rule parameters or labels, not published figures.
POLICY_KEYS = frozenset({"check", "tolerance_pct", "year"})


@dataclass(frozen=True)
class FigureRef:
    path: PathT
    figure: dict[str, Any]
    sourced: bool  # cites sources that exist, or is derived
    retrieved: tuple[str, ...]  # retrieval dates of its sources


def figures(doc: Document) -> Iterator[FigureRef]:
    """Every figure in a document, and every bare number that should have been one."""
    data = doc.data if isinstance(doc.data, dict) else {}
    yield from _walk(data, (), _sources(data), inherited=None)


def _sources(data: dict[str, Any]) -> dict[str, Any]:
    s = data.get("sources")
    return s if isinstance(s, dict) else {}


def _source(sources: dict[str, Any], id_: Any) -> dict[str, Any]:
    src = sources.get(id_) if isinstance(id_, str) else None
    return src if isinstance(src, dict) else {}


def _dates(ids: list[Any], sources: dict[str, Any]) -> tuple[str, ...]:
    out = []
    for s in ids:
        src = sources.get(s) if isinstance(s, str) else None
        if isinstance(src, dict) and isinstance(src.get("retrieved"), str):
            out.append(src["retrieved"])
    return tuple(out)


def _walk(
    node: Any, path: PathT, sources: dict[str, Any], inherited: str | None
) -> Iterator[FigureRef]:
    if path[:1] == ("sources",):
        return
    if is_figure(node):
        ids = [node["source"]] if "source" in node else list(node.get("sources") or [])
        known = [isinstance(i, str) and i in sources for i in ids]  # an id may be any YAML value
        ok = "derived" in node or (bool(ids) and all(known))
        yield FigureRef(path, node, ok, _dates(ids, sources))
        return
    if isinstance(node, dict):
        own = node.get("source") if isinstance(node.get("source"), str) else inherited
        for k, v in node.items():
            if k in POLICY_KEYS:
                continue
            yield from _walk(v, (*path, k), sources, own)
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _walk(v, (*path, i), sources, inherited)
    elif isinstance(node, int | float) and not isinstance(node, bool):
        ok = inherited is not None and inherited in sources
        fig = {"value": node, **({"source": inherited} if ok else {})}
        yield FigureRef(path, fig, ok, _dates([inherited], sources) if ok else ())


def resolve(doc: Document) -> list[dict[str, Any]]:
    """Every figure of a document with its unit and full source records."""
    data = doc.data if isinstance(doc.data, dict) else {}
    sources = _sources(data)
    out = []
    for ref in figures(doc):
        fig = ref.figure
        key = next((p for p in reversed(ref.path) if isinstance(p, str)), "")
        unit = unit_for_key(key)
        ids = [fig["source"]] if "source" in fig else list(fig.get("sources") or [])
        row: dict[str, Any] = {
            "path": json_path(ref.path),
            "value": fig.get("value", fig.get("default")),
            "unit": unit.symbol if unit else "",
        }
        if "range" in fig:
            row["range"] = fig["range"]
        if "derived" in fig:
            row["derived"] = fig["derived"]
        if "note" in fig:
            row["note"] = fig["note"]
        row["sources"] = [{"id": i, **_source(sources, i)} for i in ids]
        row["sourced"] = ref.sourced
        out.append(row)
    return out


def stats(kb: KnowledgeBase, today: dt.date) -> dict[str, Any]:
    """KB coverage and provenance health."""
    year = dt.timedelta(days=365)  # --as-of 0001-01-01 has no date a year before it
    stale_before = (max(today, dt.date.min + year) - year).isoformat()
    counts: dict[str, int] = {}
    total = unsourced = stale = conflicts = derived = 0
    unsourced_list: list[str] = []
    for kind, path in kb.files():
        if kind == "release":
            continue
        counts[kind] = counts.get(kind, 0) + 1
        entry = kb.get(kind, path.stem)
        if entry is None:
            continue
        for ref in figures(entry.doc):
            total += 1
            if not ref.sourced:
                unsourced += 1
                s = entry.doc.span(ref.path)
                unsourced_list.append(f"{entry.path}:{s.line}:{s.column} {json_path(ref.path)}")
            if "range" in ref.figure:
                conflicts += 1
            if "derived" in ref.figure:
                derived += 1
            if ref.retrieved and max(ref.retrieved) < stale_before:
                stale += 1
    return {
        "release": kb.release_version,
        "as_of": today.isoformat(),
        "counts": dict(sorted(counts.items())),
        "figures": total,
        "derived": derived,
        "unsourced": unsourced,
        "unsourced_figures": unsourced_list,
        "older_than_12_months": stale,
        "conflicts": conflicts,
    }
