"""standard.schema.json, compiled by `python -m linter.schemas.compiler`: do not edit."""
# ruff: noqa

from __future__ import annotations

import re
from typing import Any

SOURCES = {'common.schema.json': '6b6c365e5bfe53883893e404d5357cb6-5381', 'standard.schema.json': '0faecf32b1d065637354a345dc21f16f-1384'}


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

_C0: Any = ['id', 'kind', 'title', 'publisher', 'summary', 'sources']
_C1: Any = re.compile('^[a-z0-9]+(?:[-.][a-z0-9]+)*$')
_C2: Any = 'standard'
_C3: Any = frozenset([])
_C4: Any = re.compile('^https?://')
_C5: Any = re.compile('^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$')
_C6: Any = frozenset(['note', 'retrieved', 'title', 'url'])
_C7: Any = ['title', 'retrieved']


def _v3(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if isinstance(d, str) and not _C1.search(d): return False
    if isinstance(d, str) and len(d) > 80: return False
    return True

def _v4(d: Any) -> bool:
    if not _equal(d, _C2): return False
    return True

def _v5(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    return True

def _v6(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    return True

def _v9(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if isinstance(d, str) and len(d) > 4000: return False
    return True

def _v13(d: Any) -> bool:
    if isinstance(d, str) and not _C1.search(d): return False
    return True

def _v16(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if isinstance(d, str) and len(d) < 3: return False
    if isinstance(d, str) and len(d) > 400: return False
    return True

def _v17(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if isinstance(d, str) and not _C4.search(d): return False
    if isinstance(d, str) and len(d) > 800: return False
    return True

def _v20(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if isinstance(d, str) and not _C5.search(d): return False
    return True

def _v21(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if isinstance(d, str) and len(d) > 1000: return False
    return True

def _v15(d: Any) -> bool:
    if not (isinstance(d, dict)): return False
    if isinstance(d, dict):
        if 'title' in d and not _v16(d['title']): return False
        if 'url' in d and not _v17(d['url']): return False
        if 'retrieved' in d and not _v20(d['retrieved']): return False
        if 'note' in d and not _v21(d['note']): return False
    if isinstance(d, dict) and any(True for _ in (k for k in d if k not in _C6)): return False
    if isinstance(d, dict) and any(k not in d for k in _C7): return False
    return True

def _v12(d: Any) -> bool:
    if not (isinstance(d, dict)): return False
    if isinstance(d, dict) and not all(_v13(k) for k in d): return False
    if isinstance(d, dict) and not all(_v15(d[k]) for k in (k for k in d if k not in _C3)): return False
    if isinstance(d, dict) and len(d) < 1: return False
    return True

def _v0(d: Any) -> bool:
    if not (isinstance(d, dict)): return False
    if isinstance(d, dict) and any(k not in d for k in _C0): return False
    if isinstance(d, dict):
        if 'id' in d and not _v3(d['id']): return False
        if 'kind' in d and not _v4(d['kind']): return False
        if 'title' in d and not _v5(d['title']): return False
        if 'publisher' in d and not _v6(d['publisher']): return False
        if 'summary' in d and not _v9(d['summary']): return False
        if 'sources' in d and not _v12(d['sources']): return False
        if 'notes' in d and not _v9(d['notes']): return False
    return True

valid = _v0
