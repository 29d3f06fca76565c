"""Figures and their provenance as page-ready values: the number with its unit, and its source.

A KB figure is ``{value, source}``, ``{range, default, sources}`` or ``{value, derived}``
(architectures/README.md). The site shows the number the linter uses, the published range when
sources disagree, and for every figure where it comes from: a linked source title, or the
formula it is derived from.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypedDict

from markupsafe import Markup

from linter.core.units import SUFFIXES, unit_for_key
from linter.kb.figures import Figure
from linter.kb.model import Source
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


def value_text(fig: Figure | float | str | None, unit: str = "") -> str:
    """``132 kW``; a range as ``120-132 kW (uses 132)``; a missing figure as ``""``."""
    if not isinstance(fig, Figure):
        return with_unit(_num(fig), unit) if fig is not None else ""
    if fig.range is not None and fig.value is not None:
        lo, hi = number(fig.range[0]), number(fig.range[1])
        return f"{with_unit(f'{lo}-{hi}', unit)} (uses {number(fig.value)})"
    return with_unit(number(fig.value), unit) if fig.value is not None else ""


def source_link(sources: Sequence[Source], source_id: str) -> Markup:
    """The title of a source (linked when it has an http(s) URL), or its id if unknown."""
    src = next((s for s in sources if s.id == source_id), None)
    if src is None:
        return md_code(source_id)
    return md_link(src.title or source_id, src.url or None)


def provenance(*figs: Figure, sources: Sequence[Source], notes: bool = True) -> Markup:
    """Where figures come from, as inline Markdown: each source or formula once, then notes."""
    parts: list[str] = []
    shown: list[str] = []
    for fig in figs:
        if fig.derived is not None:
            parts.append(f"derived: {md_code(fig.derived)}")
        parts.extend(source_link(sources, s) for s in fig.sources)
        if notes and fig.note.strip():
            shown.append(f"<br><small>{md_inline(fig.note)}</small>")
    return Markup("; ".join(dict.fromkeys(parts)) + "".join(shown))


def source_rows(sources: Sequence[Source]) -> list[SourceRow]:
    """Every source of a file, by id."""
    return [
        SourceRow(
            id=s.id,
            title=md_link(s.title or s.id, s.url or None),
            retrieved=s.retrieved,
            note=s.note,
        )
        for s in sorted(sources, key=lambda s: s.id)
    ]


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
