"""Semantic diff of two parsed KB documents.

Documents are compared as data, so formatting, comments and key order never show. List items
are matched by identity, not position: by ``id`` (for best practices, the part after
``ARCH.``, so a renamed architecture pairs up), or ``version`` in ``changes``, ``role`` in
``networks`` and ``switches``, ``model`` in ``contents`` and ``systems``, ``name`` in ``nics``.
Lists of plain values (``use: [training, inference]``) are compared as sets.

A figure (``{value, source}``, ``{range, default, sources}``, ``{value, derived}``) is compared
by the number it stands for, in the unit its key names (``linter.core.units.unit_for_key``), with
the relative change: ``rack_profiles[compute].max_kw: 40.8 kW -> 56 kW (+37 %)``. Its source,
formula, range and note are compared as provenance beside it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from linter.core.units import lookup, unit_for_key
from linter.core.yamlio import PathT
from linter.kb.figures import is_figure, number

LIST_KEYS: dict[str, str] = {
    "changes": "version",
    "networks": "role",
    "switches": "role",
    "contents": "model",
    "systems": "model",
    "nics": "name",
}
_TEXT_WIDTH = 60


@dataclass(frozen=True)
class Change:
    """One semantic difference. ``path`` is for people (``("networks", "[compute]", "fabric")``);
    ``old_at``/``new_at`` are the data paths in each document, for positions."""

    path: tuple[str, ...]
    op: str  # added | removed | changed
    old: Any = None
    new: Any = None
    old_at: PathT | None = None
    new_at: PathT | None = None
    unit: str = ""

    @property
    def key(self) -> str:
        """The innermost mapping key (``max_kw``), or '' for the document itself."""
        return next((p for p in reversed(self.path) if not p.startswith("[")), "")

    @property
    def where(self) -> str:
        out = ""
        for part in self.path:
            out += part if part.startswith("[") or not out else "." + part
        return out or "(document)"

    @property
    def is_numeric(self) -> bool:
        return (
            self.op == "changed" and number(self.old) is not None and number(self.new) is not None
        )

    @property
    def relative_pct(self) -> float | None:
        if not self.is_numeric:
            return None
        unit = lookup(self.unit) if self.unit else None
        old, new = number(self.old), number(self.new)
        if unit is not None and unit.offset or not old:  # °C, °F: a ratio means nothing
            return None
        return (new - old) / abs(old) * 100  # type: ignore[operator]

    def describe(self) -> str:
        """``max_kw: 40.8 kW -> 56 kW (+37 %)``, ``use: removed 'inference'``."""
        return f"{self.where}: {self.detail()}"

    def detail(self) -> str:
        """The change without its path: ``40.8 kW -> 56 kW (+37 %)``."""
        if self.op == "changed":
            if self.is_numeric:
                old, new = number(self.old), number(self.new)
                text = f"{quantity(old, self.unit)} -> {quantity(new, self.unit)}"  # type: ignore[arg-type]
                pct = self.relative_pct
                return text + (f" ({percent(pct)})" if pct is not None else "")
            return f"{show(self.old, self.unit)} -> {show(self.new, self.unit)}"
        value = self.new if self.op == "added" else self.old
        return f"{self.op} {show(value, self.unit)}".rstrip()

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.where,
            "op": self.op,
            "old": self.old,
            "new": self.new,
            "unit": self.unit,
            "relative_pct": None if self.relative_pct is None else round(self.relative_pct, 2),
            "description": self.describe(),
        }


def fmt(x: float) -> str:
    if float(x).is_integer() and abs(x) < 1e15:  # 1e308 as 1e+308, not 309 digits
        return str(int(x))
    return f"{x:.6g}"


def quantity(x: float, unit: str) -> str:
    return f"{fmt(x)} {unit}" if unit else fmt(x)


def percent(p: float) -> str:
    """``+37 %``, rounded half up (after dropping binary noise: 27.4999999 is 27.5 -> +28 %)."""
    if abs(p) < 1 or not math.isfinite(p):  # +inf % from a figure of 1e-308
        return f"{p:+.2g} %"
    if abs(p) >= 1e15:  # quantized, it would not fit Decimal's 28 digits
        return f"{p:+.3g} %"
    whole = Decimal(repr(round(p, 9))).quantize(Decimal(1), ROUND_HALF_UP)
    return f"{'+' if whole >= 0 else ''}{whole} %"


def _figure_key(seg: tuple[str, ...]) -> str:
    """The key of the figure a ``range`` belongs to (``max_power_kw`` of ``max_power_kw.range``)."""
    return seg[-2] if len(seg) >= 2 and not seg[-2].startswith("[") else ""


def show(value: Any, unit: str = "") -> str:
    """A short, one-line rendering of a value for a change description."""
    n = number(value)
    if n is not None:
        return quantity(n, unit)
    if isinstance(value, str):
        text = " ".join(value.split())
        return repr(text if len(text) <= _TEXT_WIDTH else text[: _TEXT_WIDTH - 1] + "…")
    if isinstance(value, bool) or value is None:
        return str(value).lower()
    if isinstance(value, dict):
        ident = next(
            (value[k] for k in ("id", "version", "role", "model", "name") if k in value), None
        )
        return repr(ident) if isinstance(ident, str) else ""
    if isinstance(value, list):
        return "[" + ", ".join(show(v, unit) for v in value) + "]"
    return repr(value)


def diff(old: Any, new: Any) -> list[Change]:
    """Every semantic difference between two parsed documents, in document order."""
    out: list[Change] = []
    _node(old, new, (), (), (), "", out)
    return out


def _unit(key: str) -> str:
    """The unit of a key, also for qualified keys such as ``rack_kw_max``."""
    u = unit_for_key(key) if key else None
    return u.symbol if u else ""


def _node(
    a: Any, b: Any, seg: tuple[str, ...], pa: PathT, pb: PathT, key: str, out: list[Change]
) -> None:
    na, nb = number(a), number(b)
    if na is not None and nb is not None:
        if na != nb and not (math.isnan(na) and math.isnan(nb)):  # NaN is unchanged NaN
            out.append(Change(seg, "changed", a, b, pa, pb, _unit(key)))
        if is_figure(a) and is_figure(b):
            rest_a = {k: v for k, v in a.items() if k not in ("value", "default")}
            rest_b = {k: v for k, v in b.items() if k not in ("value", "default")}
            _mapping(rest_a, rest_b, seg, pa, pb, out)
        return
    if isinstance(a, dict) and isinstance(b, dict):
        _mapping(a, b, seg, pa, pb, out)
    elif isinstance(a, list) and isinstance(b, list):
        _list(a, b, seg, pa, pb, key, out)
    elif not _same(a, b):
        out.append(Change(seg, "changed", a, b, pa, pb, _unit(key)))


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True  # NaN is unchanged NaN
    return type(a) is type(b) and a == b if isinstance(a, bool) or isinstance(b, bool) else a == b


def _mapping(
    a: dict[str, Any],
    b: dict[str, Any],
    seg: tuple[str, ...],
    pa: PathT,
    pb: PathT,
    out: list[Change],
) -> None:
    for k in list(a) + [k for k in b if k not in a]:
        s = (*seg, str(k))
        if k not in b:
            out.append(Change(s, "removed", old=a[k], old_at=(*pa, k), new_at=pb, unit=_unit(k)))
        elif k not in a:
            out.append(Change(s, "added", new=b[k], old_at=pa, new_at=(*pb, k), unit=_unit(k)))
        else:
            _node(a[k], b[k], s, (*pa, k), (*pb, k), str(k), out)


def _identity(items: list[Any], key: str, local: bool) -> dict[str, int] | None:
    ids: dict[str, int] = {}
    for i, item in enumerate(items):
        if not isinstance(item, dict) or not isinstance(item.get(key), str | int | float):
            return None
        ident = str(item[key])
        if local:  # best-practice ids are ARCH.name: match by name, so a renamed ARCH pairs up
            ident = ident.split(".", 1)[-1]
        if ident in ids:
            return None
        ids[ident] = i
    return ids


def _list(
    a: list[Any],
    b: list[Any],
    seg: tuple[str, ...],
    pa: PathT,
    pb: PathT,
    key: str,
    out: list[Change],
) -> None:
    field = LIST_KEYS.get(key, "id")
    local = key == "best_practices"
    ia, ib = _identity(a, field, local), _identity(b, field, local)
    if ia is not None and ib is not None:
        for ident in list(ia) + [i for i in ib if i not in ia]:
            s = (*seg, f"[{ident}]")
            if ident not in ib:
                out.append(
                    Change(s, "removed", old=a[ia[ident]], old_at=(*pa, ia[ident]), new_at=pb)
                )
            elif ident not in ia:
                out.append(Change(s, "added", new=b[ib[ident]], old_at=pa, new_at=(*pb, ib[ident])))
            else:
                _node(a[ia[ident]], b[ib[ident]], s, (*pa, ia[ident]), (*pb, ib[ident]), "", out)
        return
    scalars = all(not isinstance(v, dict | list) for v in a + b)
    if scalars and key == "range":  # an ordered pair [low, high], not a set
        if a != b:
            out.append(Change(seg, "changed", a, b, pa, pb, _unit(_figure_key(seg))))
        return
    if scalars:
        unit = _unit(key)
        for i, v in enumerate(a):
            if not any(_same(v, w) for w in b):
                out.append(Change(seg, "removed", old=v, old_at=(*pa, i), new_at=pb, unit=unit))
        for j, w in enumerate(b):
            if not any(_same(v, w) for v in a):
                out.append(Change(seg, "added", new=w, old_at=pa, new_at=(*pb, j), unit=unit))
        return
    for i in range(max(len(a), len(b))):
        s = (*seg, f"[{i}]")
        if i >= len(b):
            out.append(Change(s, "removed", old=a[i], old_at=(*pa, i), new_at=pb))
        elif i >= len(a):
            out.append(Change(s, "added", new=b[i], old_at=pa, new_at=(*pb, i)))
        else:
            _node(a[i], b[i], s, (*pa, i), (*pb, i), "", out)
