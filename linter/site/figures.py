"""Figures and their provenance as page-ready values: the number with its unit, and its source.

A KB figure is ``{value, source}``, ``{range, default, sources}`` or ``{value, derived}``
(architectures/README.md). The site shows the number the linter uses, the published range when
sources disagree, and for every figure where it comes from: a linked source title, or the
formula it is derived from.
"""

from __future__ import annotations

from typing import Any, TypedDict

from markupsafe import Markup

from linter.core.units import SUFFIXES, unit_for_key
from linter.site.escape import md_code, md_inline, md_link, number, plain


class SourceRow(TypedDict):
    id: str
    title: Markup
    retrieved: str
    note: str


def _num(v: object) -> str:
    if isinstance(v, int | float) and not isinstance(v, bool):
        return number(v)
    return plain(v)


_QUALIFIERS = ("_max", "_min", "_typical", "_default")


def unit_of(key: str) -> str:
    """The unit symbol of a key: by suffix (``max_power_kw``), or before a qualifier
    (``rack_kw_max``)."""
    unit = unit_for_key(key)
    if unit is None and key.endswith(_QUALIFIERS):
        unit = unit_for_key(key.rsplit("_", 1)[0])
    return unit.symbol if unit is not None else ""


def with_unit(text: str, unit: str) -> str:
    if not unit or not text:
        return text
    return f"{text}{unit}" if unit in ("%", "°C") else f"{text} {unit}"


def value_text(fig: object, unit: str = "") -> str:
    """``132 kW``; a range as ``120-132 kW (uses 132)``; anything else as plain text."""
    if not isinstance(fig, dict):
        return with_unit(_num(fig), unit) if fig is not None else ""
    rng = fig.get("range")
    if isinstance(rng, list) and len(rng) == 2 and "default" in fig:
        lo, hi = _num(rng[0]), _num(rng[1])
        return f"{with_unit(f'{lo}-{hi}', unit)} (uses {_num(fig['default'])})"
    if "value" in fig:
        return with_unit(_num(fig["value"]), unit)
    return plain(fig)


def source_link(sources: object, source_id: object) -> Markup:
    """The title of a source (linked when it has an http(s) URL), or its id if unknown."""
    src = (
        sources.get(source_id) if isinstance(sources, dict) and isinstance(source_id, str) else None
    )
    if not isinstance(src, dict):
        return md_code(source_id)
    return md_link(src.get("title", source_id), src.get("url"))


def provenance(*figs: object, sources: object, notes: bool = True) -> Markup:
    """Where figures come from, as inline Markdown: each source or formula once, then notes."""
    parts: list[str] = []
    shown: list[str] = []
    for fig in figs:
        if not isinstance(fig, dict):
            continue
        if "derived" in fig:
            parts.append(f"derived: {md_code(fig['derived'])}")
        ids = [fig["source"]] if "source" in fig else []
        ids += fig["sources"] if isinstance(fig.get("sources"), list) else []
        parts.extend(source_link(sources, s) for s in ids)
        note = fig.get("note")
        if notes and isinstance(note, str) and note.strip():
            shown.append(f"<br><small>{md_inline(note)}</small>")
    return Markup("; ".join(dict.fromkeys(parts)) + "".join(shown))


def source_rows(sources: object) -> list[SourceRow]:
    """Every source of a file, by id."""
    rows: list[SourceRow] = []
    if not isinstance(sources, dict):
        return rows
    for sid in sorted(sources, key=str):
        src = sources[sid]
        if not isinstance(src, dict):
            continue
        rows.append(
            SourceRow(
                id=str(sid),
                title=md_link(src.get("title", sid), src.get("url")),
                retrieved=plain(src.get("retrieved", "")),
                note=plain(src.get("note", "")),
            )
        )
    return rows


_WORDS = {"kw": "kW", "mw": "MW", "kva": "kVA", "gpu": "GPU", "gpus": "GPUs", "pue": "PUE"}


def humanize(key: str) -> str:
    """``inlet_temp_max_c`` -> ``inlet temp max (°C)``; ``rack_kw_max`` -> ``rack kW max``."""
    for suffix in sorted(SUFFIXES, key=len, reverse=True):
        if key.endswith(suffix) and len(key) > len(suffix):
            stem = key[: -len(suffix)]
            return f"{_words(stem)} ({SUFFIXES[suffix]})"
    return _words(key)


def _words(key: str) -> str:
    return " ".join(_WORDS.get(w, w) for w in key.split("_"))


def get(node: Any, *keys: str | int) -> Any:
    for k in keys:
        try:
            node = node[k]
        except (KeyError, IndexError, TypeError):
            return None
    return node
