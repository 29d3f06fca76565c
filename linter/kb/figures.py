"""What a figure is: the one definition every job reads (lint, sizing, review, provenance, site).

A figure is a number with provenance, as ``schema/common.schema.json`` defines it: a mapping of
figure keys only (``value``, ``source``, ``range``, ``default``, ``sources``, ``derived``,
``note``) with a ``value`` or a ``range``. ``{value, source}`` is a published figure,
``{range, default, sources}`` one whose sources disagree, ``{value, derived}`` one computed by
its formula. A mapping with other keys (a best practice's ``check: {path, op, value}``) is not
a figure, whatever it holds.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

FIGURE_KEYS = frozenset({"value", "source", "range", "default", "sources", "derived", "note"})


def _number(v: Any) -> float | None:
    return float(v) if isinstance(v, int | float) and not isinstance(v, bool) else None


def is_figure(node: Any) -> bool:
    """Whether ``node`` is a figure: figure keys only, with a ``value`` or a ``range``."""
    return (
        isinstance(node, dict)
        and ("value" in node or "range" in node)
        and all(k in FIGURE_KEYS for k in node)
    )


def figure_value(node: Any) -> float | None:
    """The number a figure stands for (its value, or the default of a range), else None."""
    if not is_figure(node):
        return None
    return _number(node.get("value", node.get("default")))


def number(node: Any) -> float | None:
    """The number a plain number or a figure stands for (a range's default), else None."""
    return _number(node) if not isinstance(node, dict) else figure_value(node)


@dataclass(frozen=True)
class Figure:
    """A figure, typed: the number it stands for, its range, sources and formula."""

    value: float | None  # the value, or the default of a range
    range: tuple[float, float] | None
    sources: tuple[str, ...]  # the source ids it cites (``source`` or ``sources``)
    derived: str | None  # the formula of a derived figure
    note: str

    @property
    def present(self) -> bool:
        """Whether the file writes this figure (``MISSING`` is the absent one)."""
        return self.value is not None or self.range is not None

    @classmethod
    def missing(cls) -> Figure:
        return MISSING

    @classmethod
    def parse(cls, node: Any) -> Figure | None:
        """The figure at ``node``, or None when ``node`` is not a figure."""
        if not is_figure(node):
            return None
        rng = node.get("range")
        pair = (
            (float(rng[0]), float(rng[1]))
            if isinstance(rng, list) and len(rng) == 2 and all(_number(x) is not None for x in rng)
            else None
        )
        cited = [node["source"]] if isinstance(node.get("source"), str) else []
        many = node.get("sources")
        cited += [s for s in many if isinstance(s, str)] if isinstance(many, list) else []
        derived = node.get("derived")
        note = node.get("note")
        return cls(
            value=figure_value(node),
            range=pair,
            sources=tuple(cited),
            derived=derived if isinstance(derived, str) else None,
            note=note if isinstance(note, str) else "",
        )


# The figure a file does not write: no value, no range, no sources.
MISSING = Figure(value=None, range=None, sources=(), derived=None, note="")
