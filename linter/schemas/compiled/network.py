"""network.schema.json, compiled by `python -m linter.schemas.compiler`: do not edit."""
# ruff: noqa

from __future__ import annotations

import re
from typing import Any

SOURCES = {'common.schema.json': '6b6c365e5bfe53883893e404d5357cb6-5381', 'network.schema.json': 'eef11b30a955a244343e2b70c0e5f2a7-3802'}


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

_C0: Any = re.compile('^[a-z0-9]+(?:[-.][a-z0-9]+)*$')
_C1: Any = 'network'
_C2: Any = ['available', 'announced', 'end-of-life', 'cancelled', 'superseded']
_C3: Any = frozenset([])
_C4: Any = re.compile('^https?://')
_C5: Any = re.compile('^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$')
_C6: Any = frozenset(['note', 'retrieved', 'title', 'url'])
_C7: Any = ['title', 'retrieved']
_C8: Any = ['infiniband', 'ethernet']
_C9: Any = frozenset(['name', 'note', 'port_speed_gbps', 'ports', 'source'])
_C10: Any = ['name', 'source']
_C11: Any = frozenset(['default', 'derived', 'note', 'range', 'source', 'sources', 'value'])
_C12: Any = ['value', 'source']
_C13: Any = ['range', 'default', 'sources']
_C14: Any = ['value', 'derived']
_C15: Any = frozenset(['generation', 'id', 'kind', 'link_speed_gbps', 'name', 'notes', 'rdma', 'sources', 'status', 'summary', 'switch_radix', 'switches', 'technology', 'topologies', 'vendor'])
_C16: Any = ['id', 'kind', 'name', 'vendor', 'status', 'summary', 'sources', 'technology', 'link_speed_gbps']


def _v3(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if isinstance(d, str) and not _C0.search(d): return False
    if isinstance(d, str) and len(d) > 80: return False
    return True

def _v4(d: Any) -> bool:
    if not _equal(d, _C1): return False
    return True

def _v5(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if isinstance(d, str) and len(d) < 2: return False
    if isinstance(d, str) and len(d) > 200: return False
    return True

def _v6(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if isinstance(d, str) and len(d) > 100: return False
    return True

def _v7(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if not any(_equal(e, d) for e in _C2): return False
    return True

def _v10(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if isinstance(d, str) and len(d) > 4000: return False
    return True

def _v14(d: Any) -> bool:
    if isinstance(d, str) and not _C0.search(d): return False
    return True

def _v17(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if isinstance(d, str) and len(d) < 3: return False
    if isinstance(d, str) and len(d) > 400: return False
    return True

def _v18(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if isinstance(d, str) and not _C4.search(d): return False
    if isinstance(d, str) and len(d) > 800: return False
    return True

def _v21(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if isinstance(d, str) and not _C5.search(d): return False
    return True

def _v22(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if isinstance(d, str) and len(d) > 1000: return False
    return True

def _v16(d: Any) -> bool:
    if not (isinstance(d, dict)): return False
    if isinstance(d, dict):
        if 'title' in d and not _v17(d['title']): return False
        if 'url' in d and not _v18(d['url']): return False
        if 'retrieved' in d and not _v21(d['retrieved']): return False
        if 'note' in d and not _v22(d['note']): return False
    if isinstance(d, dict) and any(True for _ in (k for k in d if k not in _C6)): return False
    if isinstance(d, dict) and any(k not in d for k in _C7): return False
    return True

def _v13(d: Any) -> bool:
    if not (isinstance(d, dict)): return False
    if isinstance(d, dict) and not all(_v14(k) for k in d): return False
    if isinstance(d, dict) and not all(_v16(d[k]) for k in (k for k in d if k not in _C3)): return False
    if isinstance(d, dict) and len(d) < 1: return False
    return True

def _v24(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if not any(_equal(e, d) for e in _C8): return False
    return True

def _v25(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    return True

def _v26(d: Any) -> bool:
    if not (isinstance(d, bool)): return False
    return True

def _v28(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    return True

def _v27(d: Any) -> bool:
    if not (isinstance(d, list)): return False
    if isinstance(d, list) and not all(_v28(x) for x in d): return False
    return True

def _v31(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    return True

def _v32(d: Any) -> bool:
    if not (((isinstance(d, int) and not isinstance(d, bool)) or (isinstance(d, float) and d.is_integer()))): return False
    if (isinstance(d, (int, float)) and not isinstance(d, bool)) and d < 1: return False
    return True

def _v33(d: Any) -> bool:
    if not ((isinstance(d, (int, float)) and not isinstance(d, bool))): return False
    if (isinstance(d, (int, float)) and not isinstance(d, bool)) and d <= 0: return False
    return True

def _v34(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if isinstance(d, str) and not _C0.search(d): return False
    return True

def _v30(d: Any) -> bool:
    if not (isinstance(d, dict)): return False
    if isinstance(d, dict):
        if 'name' in d and not _v31(d['name']): return False
        if 'ports' in d and not _v32(d['ports']): return False
        if 'port_speed_gbps' in d and not _v33(d['port_speed_gbps']): return False
        if 'source' in d and not _v34(d['source']): return False
        if 'note' in d and not _v10(d['note']): return False
    if isinstance(d, dict) and any(True for _ in (k for k in d if k not in _C9)): return False
    if isinstance(d, dict) and any(k not in d for k in _C10): return False
    return True

def _v29(d: Any) -> bool:
    if not (isinstance(d, list)): return False
    if isinstance(d, list) and not all(_v30(x) for x in d): return False
    return True

def _v39(d: Any) -> bool:
    if not ((isinstance(d, (int, float)) and not isinstance(d, bool))): return False
    return True

def _v40(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if isinstance(d, str) and not _C0.search(d): return False
    return True

def _v42(d: Any) -> bool:
    if not ((isinstance(d, (int, float)) and not isinstance(d, bool))): return False
    return True

def _v41(d: Any) -> bool:
    if not (isinstance(d, list)): return False
    if isinstance(d, list) and not all(_v42(x) for x in d): return False
    if isinstance(d, list) and len(d) < 2: return False
    if isinstance(d, list) and len(d) > 2: return False
    return True

def _v43(d: Any) -> bool:
    if not ((isinstance(d, (int, float)) and not isinstance(d, bool))): return False
    return True

def _v45(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if isinstance(d, str) and not _C0.search(d): return False
    return True

def _v44(d: Any) -> bool:
    if not (isinstance(d, list)): return False
    if isinstance(d, list) and not all(_v45(x) for x in d): return False
    if isinstance(d, list) and len(d) < 1: return False
    return True

def _v46(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if isinstance(d, str) and len(d) < 1: return False
    if isinstance(d, str) and len(d) > 300: return False
    return True

def _v47(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if isinstance(d, str) and len(d) > 1000: return False
    return True

def _v48(d: Any) -> bool:
    if isinstance(d, dict) and any(k not in d for k in _C12): return False
    return True

def _v49(d: Any) -> bool:
    if isinstance(d, dict) and any(k not in d for k in _C13): return False
    return True

def _v50(d: Any) -> bool:
    if isinstance(d, dict) and any(k not in d for k in _C14): return False
    return True

def _v38(d: Any) -> bool:
    if not (isinstance(d, dict)): return False
    if isinstance(d, dict):
        if 'value' in d and not _v39(d['value']): return False
        if 'source' in d and not _v40(d['source']): return False
        if 'range' in d and not _v41(d['range']): return False
        if 'default' in d and not _v43(d['default']): return False
        if 'sources' in d and not _v44(d['sources']): return False
        if 'derived' in d and not _v46(d['derived']): return False
        if 'note' in d and not _v47(d['note']): return False
    if isinstance(d, dict) and any(True for _ in (k for k in d if k not in _C11)): return False
    if not any(f(d) for f in (_v48, _v49, _v50,)): return False
    return True

def _v0(d: Any) -> bool:
    if not (isinstance(d, dict)): return False
    if isinstance(d, dict):
        if 'id' in d and not _v3(d['id']): return False
        if 'kind' in d and not _v4(d['kind']): return False
        if 'name' in d and not _v5(d['name']): return False
        if 'vendor' in d and not _v6(d['vendor']): return False
        if 'status' in d and not _v7(d['status']): return False
        if 'summary' in d and not _v10(d['summary']): return False
        if 'sources' in d and not _v13(d['sources']): return False
        if 'notes' in d and not _v10(d['notes']): return False
        if 'technology' in d and not _v24(d['technology']): return False
        if 'generation' in d and not _v25(d['generation']): return False
        if 'rdma' in d and not _v26(d['rdma']): return False
        if 'topologies' in d and not _v27(d['topologies']): return False
        if 'switches' in d and not _v29(d['switches']): return False
        if 'link_speed_gbps' in d and not _v38(d['link_speed_gbps']): return False
        if 'switch_radix' in d and not _v38(d['switch_radix']): return False
    if isinstance(d, dict) and any(True for _ in (k for k in d if k not in _C15)): return False
    if isinstance(d, dict) and any(k not in d for k in _C16): return False
    return True

valid = _v0
