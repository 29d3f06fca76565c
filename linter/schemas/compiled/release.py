"""release.schema.json, compiled by `python -m linter.schemas.compiler`: do not edit."""
# ruff: noqa

from __future__ import annotations

import re
from typing import Any

SOURCES = {'common.schema.json': '6b6c365e5bfe53883893e404d5357cb6-5381', 'release.schema.json': '2e7322899e38cc0dfaa5fbdf39292083-1175'}


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

_C0: Any = frozenset(['architectures', 'date', 'release', 'summary'])
_C1: Any = ['release', 'date', 'architectures']
_C2: Any = re.compile('^[0-9]{4}\\.(0[1-9]|1[0-2])$')
_C3: Any = re.compile('^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$')
_C4: Any = re.compile('^[a-z0-9]+(?:[-.][a-z0-9]+)*$')
_C5: Any = frozenset([])


def _v3(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if isinstance(d, str) and not _C2.search(d): return False
    return True

def _v6(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if isinstance(d, str) and not _C3.search(d): return False
    return True

def _v9(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if isinstance(d, str) and len(d) > 4000: return False
    return True

def _v11(d: Any) -> bool:
    if isinstance(d, str) and not _C4.search(d): return False
    return True

def _v10(d: Any) -> bool:
    if not (isinstance(d, dict)): return False
    if isinstance(d, dict) and not all(_v11(k) for k in d): return False
    if isinstance(d, dict) and not all(_v3(d[k]) for k in (k for k in d if k not in _C5)): return False
    return True

def _v0(d: Any) -> bool:
    if not (isinstance(d, dict)): return False
    if isinstance(d, dict) and any(True for _ in (k for k in d if k not in _C0)): return False
    if isinstance(d, dict) and any(k not in d for k in _C1): return False
    if isinstance(d, dict):
        if 'release' in d and not _v3(d['release']): return False
        if 'date' in d and not _v6(d['date']): return False
        if 'summary' in d and not _v9(d['summary']): return False
        if 'architectures' in d and not _v10(d['architectures']): return False
    return True

valid = _v0
