"""Quantities with units: a small table-driven converter.

Units live in key names (``budget_kw``, ``inlet_temp_c``). A plan may also write a value with
its unit (``"40 kW"``, ``"40000 W"``, ``"77 °F"``); it is converted to the key's unit. A wrong
dimension (``kVA`` where ``kW`` is expected) is an error that says why.

A table beats a units library here: refarch needs about thirty units, and the lint path is a
pre-commit hook whose start-up time matters (pint alone imports in hundreds of milliseconds).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from linter.core.yamlio import PathT


@dataclass(frozen=True)
class Unit:
    symbol: str
    dimension: str
    factor: float  # multiply by this to reach the dimension's base unit
    offset: float = 0.0  # added after the factor (temperatures, base kelvin)


_UNITS: tuple[Unit, ...] = (
    Unit("W", "power", 1.0),
    Unit("kW", "power", 1e3),
    Unit("MW", "power", 1e6),
    # 1 BTU(IT)/h = 1055.05585262 J / 3600 s (definition of the International Table BTU).
    Unit("BTU/h", "power", 1055.05585262 / 3600),
    Unit("VA", "apparent power", 1.0),
    Unit("kVA", "apparent power", 1e3),
    Unit("MVA", "apparent power", 1e6),
    Unit("°C", "temperature", 1.0, 273.15),
    Unit("°F", "temperature", 5 / 9, 273.15 - 32 * 5 / 9),
    Unit("K", "temperature", 1.0),
    Unit("A", "current", 1.0),
    Unit("V", "voltage", 1.0),
    Unit("kV", "voltage", 1e3),
    Unit("kg", "mass", 1.0),
    Unit("t", "mass", 1e3),
    Unit("lb", "mass", 0.45359237),
    Unit("B/s", "data rate", 1.0),
    Unit("MB/s", "data rate", 1e6),
    Unit("GB/s", "data rate", 1e9),
    Unit("TB/s", "data rate", 1e12),
    Unit("Mb/s", "data rate", 1e6 / 8),
    Unit("Gb/s", "data rate", 1e9 / 8),
    Unit("Tb/s", "data rate", 1e12 / 8),
    Unit("MB", "data size", 1e6),
    Unit("GB", "data size", 1e9),
    Unit("TB", "data size", 1e12),
    Unit("PB", "data size", 1e15),
    Unit("GiB", "data size", 2.0**30),
    Unit("TiB", "data size", 2.0**40),
    Unit("µs", "time", 1e-6),
    Unit("ms", "time", 1e-3),
    Unit("s", "time", 1.0),
    Unit("min", "time", 60.0),
    Unit("h", "time", 3600.0),
    Unit("%", "ratio", 0.01),
    Unit("U", "rack units", 1.0),
)

_ALIASES = {
    "w": "W", "watt": "W", "watts": "W", "kw": "kW", "mw": "MW",
    "btu/hr": "BTU/h", "btu/h": "BTU/h", "btuh": "BTU/h",
    "va": "VA", "kva": "kVA", "mva": "MVA",
    "c": "°C", "degc": "°C", "°c": "°C", "℃": "°C", "celsius": "°C",
    "f": "°F", "degf": "°F", "°f": "°F", "℉": "°F", "fahrenheit": "°F",
    "k": "K", "kelvin": "K",
    "a": "A", "amp": "A", "amps": "A", "v": "V", "kv": "kV",
    "kg": "kg", "t": "t", "lb": "lb", "lbs": "lb",
    "gbps": "Gb/s", "gbit/s": "Gb/s", "tbps": "Tb/s", "mbps": "Mb/s",
    "gb/s": "GB/s", "tb/s": "TB/s", "mb/s": "MB/s", "b/s": "B/s",
    "gb": "GB", "tb": "TB", "pb": "PB", "mb": "MB", "gib": "GiB", "tib": "TiB",
    "us": "µs", "µs": "µs", "ms": "ms", "s": "s", "sec": "s", "min": "min", "h": "h", "hr": "h",
    "%": "%", "pct": "%", "u": "U", "ru": "U",
}  # fmt: skip

UNITS: dict[str, Unit] = {u.symbol: u for u in _UNITS}

# Key suffix -> the unit that key is stored in. Longest suffix first.
SUFFIXES: dict[str, str] = {
    "_btu_h": "BTU/h",
    "_gb_s": "GB/s",
    "_tb_s": "TB/s",
    "_gbps": "Gb/s",
    "_kva": "kVA",
    "_kw": "kW",
    "_mw": "MW",
    "_w": "W",
    "_c": "°C",
    "_a": "A",
    "_v": "V",
    "_kg": "kg",
    "_gb": "GB",
    "_tb": "TB",
    "_ms": "ms",
    "_us": "µs",
    "_s": "s",
    "_min": "min",
    "_pct": "%",
    "_u": "U",
}

# The unit ends at its last non-space character (greedy, DOTALL): a lazy ``\S.*?\s*$`` would
# rescan the trailing whitespace from every position and take quadratic time.
_QUANTITY = re.compile(
    r"^\s*(?P<num>[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?)\s*(?P<unit>\S(?:.*\S)?)\s*$",
    re.DOTALL,
)


_BY_LENGTH = sorted(SUFFIXES.items(), key=lambda kv: -len(kv[0]))
# A qualifier may follow the unit: ``rack_kw_max`` is in kW like ``rack_kw``.
_QUALIFIERS = ("_max", "_min", "_typical")


@lru_cache(maxsize=4096)
def unit_for_key(key: str) -> Unit | None:
    """The unit a key is stored in, from its suffix (``budget_kw``, ``rack_kw_max`` -> kW)."""
    for suffix, symbol in _BY_LENGTH:
        if key.endswith(suffix):
            return UNITS[symbol]
    if key.endswith(_QUALIFIERS):
        return unit_for_key(key.rsplit("_", 1)[0])
    return None


def lookup(symbol: str) -> Unit | None:
    if symbol in UNITS:
        return UNITS[symbol]
    alias = _ALIASES.get(symbol.strip().lower().replace(" ", ""))
    return UNITS[alias] if alias else None


def convert(value: float, src: Unit, dst: Unit) -> float:
    if src.dimension != dst.dimension:
        raise ValueError(f"cannot convert {src.symbol} to {dst.symbol}")
    return (value * src.factor + src.offset - dst.offset) / dst.factor


def _shown(text: str, width: int = 40) -> str:
    """``text`` quoted for a message, cut short: a value can be megabytes long."""
    return repr(text if len(text) <= width else text[: width - 3] + "...")


def parse_quantity(text: str, target: Unit) -> float:
    """``"40 kW"`` -> 40.0 in ``target``'s unit; raises ValueError with a readable reason."""
    m = _QUANTITY.match(text)
    if not m:
        raise ValueError(
            f"{_shown(text)} is not a number with a unit (expected e.g. '40 {target.symbol}')"
        )
    unit = lookup(m.group("unit"))
    if unit is None:
        accepted = ", ".join(u.symbol for u in UNITS.values() if u.dimension == target.dimension)
        raise ValueError(
            f"unknown unit {_shown(m.group('unit'))} in {_shown(text)}"
            f" ({target.dimension} units accepted: {accepted})"
        )
    if unit.dimension != target.dimension:
        hint = ""
        if {unit.dimension, target.dimension} == {"power", "apparent power"}:
            hint = " (kVA is apparent power: multiply by the power factor to get kW)"
        raise ValueError(
            f"{_shown(text)} is {unit.dimension} ({unit.symbol}) but {target.symbol} "
            f"({target.dimension}) is expected{hint}"
        )
    number = float(m.group("num"))
    result = convert(number, unit, target)
    if not math.isfinite(result):
        raise ValueError(f"{_shown(text)} is not a finite quantity")
    return round(result, 9)


def scale(text: str, target: Unit) -> float:
    """How many of ``target``'s unit one unit of the quantity ``text`` is (``"30 MW"`` in kW:
    1000), or 1.0 when ``text`` is not a quantity refarch reads."""
    m = _QUANTITY.match(text)
    unit = lookup(m.group("unit")) if m else None
    if unit is None or unit.dimension != target.dimension or unit.offset or target.offset:
        return 1.0
    return unit.factor / target.factor


def normalize(
    data: Any, scaled: list[tuple[PathT, str, float]] | None = None
) -> tuple[Any, list[tuple[PathT, str]]]:
    """``data`` with every ``"<number> <unit>"`` string under a unit-suffixed key converted,
    and the problems found as (path, message); the values at those paths are left as is.
    Each converted value is appended to ``scaled`` as (path, text, value in the key's unit).

    ``data`` is not modified: the containers on the way to a converted value are copied,
    the rest is shared with the input.
    """
    problems: list[tuple[PathT, str]] = []

    def walk(path: PathT, node: Any) -> Any:
        if isinstance(node, dict):
            changed: dict[Any, Any] | None = None
            for key, value in node.items():
                child = (*path, key)
                if isinstance(value, str):
                    target = unit_for_key(key)
                    if target is None:
                        continue
                    try:
                        new: Any = parse_quantity(value, target)
                    except ValueError as exc:
                        problems.append((child, str(exc)))
                        continue
                    if scaled is not None:
                        scaled.append((child, value, new))
                else:
                    new = walk(child, value)
                    if new is value:
                        continue
                if changed is None:
                    changed = dict(node)
                changed[key] = new
            return node if changed is None else changed
        if isinstance(node, list):
            items = [walk((*path, i), v) for i, v in enumerate(node)]
            return node if all(a is b for a, b in zip(items, node, strict=True)) else items
        return node

    return walk((), data), problems
