"""config.schema.json, compiled by `python -m linter.schemas.compiler`: do not edit."""
# ruff: noqa

from __future__ import annotations

import re
from typing import Any

SOURCES = {'config.schema.json': '975df8c55ed80521a81fd9b5a638f5df-2029'}


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

_C0: Any = frozenset(['disable', 'fail_on', 'margin_pct', 'per_file_ignores', 'severity', 'temperature_margin_k'])
_C1: Any = re.compile('^[A-Za-z0-9-]+$')
_C2: Any = frozenset([])
_C3: Any = ['error', 'warning', 'info', 'off']
_C4: Any = ['error', 'warning', 'info']


def _v2(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if isinstance(d, str) and not _C1.search(d): return False
    return True

def _v3(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if not any(_equal(e, d) for e in _C3): return False
    return True

def _v1(d: Any) -> bool:
    if not (isinstance(d, dict)): return False
    if isinstance(d, dict) and not all(_v2(k) for k in d): return False
    if isinstance(d, dict) and not all(_v3(d[k]) for k in (k for k in d if k not in _C2)): return False
    return True

def _v4(d: Any) -> bool:
    if not (isinstance(d, list)): return False
    if isinstance(d, list) and not all(_v2(x) for x in d): return False
    return True

def _v6(d: Any) -> bool:
    if not (isinstance(d, list)): return False
    if isinstance(d, list) and not all(_v2(x) for x in d): return False
    return True

def _v5(d: Any) -> bool:
    if not (isinstance(d, dict)): return False
    if isinstance(d, dict) and not all(_v6(d[k]) for k in (k for k in d if k not in _C2)): return False
    return True

def _v7(d: Any) -> bool:
    if not ((isinstance(d, (int, float)) and not isinstance(d, bool))): return False
    if (isinstance(d, (int, float)) and not isinstance(d, bool)) and d < 0: return False
    if (isinstance(d, (int, float)) and not isinstance(d, bool)) and d > 100: return False
    return True

def _v8(d: Any) -> bool:
    if not ((isinstance(d, (int, float)) and not isinstance(d, bool))): return False
    if (isinstance(d, (int, float)) and not isinstance(d, bool)) and d < 0: return False
    if (isinstance(d, (int, float)) and not isinstance(d, bool)) and d > 50: return False
    return True

def _v9(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if not any(_equal(e, d) for e in _C4): return False
    return True

def _v0(d: Any) -> bool:
    if not (isinstance(d, dict)): return False
    if isinstance(d, dict) and any(True for _ in (k for k in d if k not in _C0)): return False
    if isinstance(d, dict):
        if 'severity' in d and not _v1(d['severity']): return False
        if 'disable' in d and not _v4(d['disable']): return False
        if 'per_file_ignores' in d and not _v5(d['per_file_ignores']): return False
        if 'margin_pct' in d and not _v7(d['margin_pct']): return False
        if 'temperature_margin_k' in d and not _v8(d['temperature_margin_k']): return False
        if 'fail_on' in d and not _v9(d['fail_on']): return False
    return True

valid = _v0
