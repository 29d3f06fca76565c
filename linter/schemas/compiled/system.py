"""system.schema.json, compiled by `python -m linter.schemas.compiler`: do not edit."""
# ruff: noqa

from __future__ import annotations

import re
from typing import Any

SOURCES = {'common.schema.json': '6b6c365e5bfe53883893e404d5357cb6-5381', 'system.schema.json': '829274fbf48c0fbb86ae343c2dc952cd-9750'}


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
_C1: Any = 'system'
_C2: Any = ['announced', 'sampling', 'shipping', 'end-of-sale', 'withdrawn', 'cancelled', 'available', 'superseded', 'end-of-life']
_C3: Any = frozenset(['date', 'note', 'source'])
_C4: Any = ['date', 'source']
_C5: Any = re.compile('^[0-9]{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?$')
_C6: Any = frozenset([])
_C7: Any = re.compile('^https?://')
_C8: Any = re.compile('^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$')
_C9: Any = frozenset(['note', 'retrieved', 'title', 'url'])
_C10: Any = ['title', 'retrieved']
_C11: Any = ['server', 'rack-scale']
_C12: Any = ['air', 'direct-liquid', 'hybrid']
_C13: Any = ['compute', 'storage', 'management', 'in-band', 'out-of-band']
_C14: Any = frozenset(['count', 'name', 'note', 'role', 'source', 'speed_gbps'])
_C15: Any = ['name', 'role', 'source']
_C16: Any = frozenset(['default', 'derived', 'note', 'range', 'source', 'sources', 'value'])
_C17: Any = ['value', 'source']
_C18: Any = ['range', 'default', 'sources']
_C19: Any = ['value', 'derived']
_C20: Any = frozenset(['accelerator', 'cooling', 'form', 'gpu_count', 'height_u', 'id', 'inlet_temp_max_c', 'inlet_temp_min_c', 'kind', 'liquid_heat_fraction_pct', 'max_power_kw', 'max_power_per_rack_kw', 'name', 'nics', 'notes', 'nvlink_domain_gpus', 'power_factor', 'psu_count', 'psu_rating_kw', 'psu_redundancy', 'psu_required', 'racks_spanned', 'sources', 'status', 'status_since', 'summary', 'typical_power_kw', 'vendor', 'water_temp_max_c', 'weight_kg'])
_C21: Any = ['id', 'kind', 'name', 'vendor', 'status', 'summary', 'sources', 'accelerator', 'form', 'cooling', 'gpu_count']


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

def _v9(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if isinstance(d, str) and not _C5.search(d): return False
    return True

def _v10(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    return True

def _v13(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if isinstance(d, str) and len(d) > 4000: return False
    return True

def _v8(d: Any) -> bool:
    if not (isinstance(d, dict)): return False
    if isinstance(d, dict) and any(True for _ in (k for k in d if k not in _C3)): return False
    if isinstance(d, dict) and any(k not in d for k in _C4): return False
    if isinstance(d, dict):
        if 'date' in d and not _v9(d['date']): return False
        if 'source' in d and not _v10(d['source']): return False
        if 'note' in d and not _v13(d['note']): return False
    return True

def _v18(d: Any) -> bool:
    if isinstance(d, str) and not _C0.search(d): return False
    return True

def _v21(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if isinstance(d, str) and len(d) < 3: return False
    if isinstance(d, str) and len(d) > 400: return False
    return True

def _v22(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if isinstance(d, str) and not _C7.search(d): return False
    if isinstance(d, str) and len(d) > 800: return False
    return True

def _v25(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if isinstance(d, str) and not _C8.search(d): return False
    return True

def _v26(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if isinstance(d, str) and len(d) > 1000: return False
    return True

def _v20(d: Any) -> bool:
    if not (isinstance(d, dict)): return False
    if isinstance(d, dict):
        if 'title' in d and not _v21(d['title']): return False
        if 'url' in d and not _v22(d['url']): return False
        if 'retrieved' in d and not _v25(d['retrieved']): return False
        if 'note' in d and not _v26(d['note']): return False
    if isinstance(d, dict) and any(True for _ in (k for k in d if k not in _C9)): return False
    if isinstance(d, dict) and any(k not in d for k in _C10): return False
    return True

def _v17(d: Any) -> bool:
    if not (isinstance(d, dict)): return False
    if isinstance(d, dict) and not all(_v18(k) for k in d): return False
    if isinstance(d, dict) and not all(_v20(d[k]) for k in (k for k in d if k not in _C6)): return False
    if isinstance(d, dict) and len(d) < 1: return False
    return True

def _v29(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if not any(_equal(e, d) for e in _C11): return False
    return True

def _v30(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if not any(_equal(e, d) for e in _C12): return False
    return True

def _v31(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    return True

def _v34(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    return True

def _v35(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if not any(_equal(e, d) for e in _C13): return False
    return True

def _v36(d: Any) -> bool:
    if not (((isinstance(d, int) and not isinstance(d, bool)) or (isinstance(d, float) and d.is_integer()))): return False
    if (isinstance(d, (int, float)) and not isinstance(d, bool)) and d < 0: return False
    return True

def _v37(d: Any) -> bool:
    if not ((isinstance(d, (int, float)) and not isinstance(d, bool))): return False
    if (isinstance(d, (int, float)) and not isinstance(d, bool)) and d <= 0: return False
    return True

def _v38(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if isinstance(d, str) and not _C0.search(d): return False
    return True

def _v33(d: Any) -> bool:
    if not (isinstance(d, dict)): return False
    if isinstance(d, dict):
        if 'name' in d and not _v34(d['name']): return False
        if 'role' in d and not _v35(d['role']): return False
        if 'count' in d and not _v36(d['count']): return False
        if 'speed_gbps' in d and not _v37(d['speed_gbps']): return False
        if 'source' in d and not _v38(d['source']): return False
        if 'note' in d and not _v13(d['note']): return False
    if isinstance(d, dict) and any(True for _ in (k for k in d if k not in _C14)): return False
    if isinstance(d, dict) and any(k not in d for k in _C15): return False
    return True

def _v32(d: Any) -> bool:
    if not (isinstance(d, list)): return False
    if isinstance(d, list) and not all(_v33(x) for x in d): return False
    return True

def _v43(d: Any) -> bool:
    if not ((isinstance(d, (int, float)) and not isinstance(d, bool))): return False
    return True

def _v44(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if isinstance(d, str) and not _C0.search(d): return False
    return True

def _v46(d: Any) -> bool:
    if not ((isinstance(d, (int, float)) and not isinstance(d, bool))): return False
    return True

def _v45(d: Any) -> bool:
    if not (isinstance(d, list)): return False
    if isinstance(d, list) and not all(_v46(x) for x in d): return False
    if isinstance(d, list) and len(d) < 2: return False
    if isinstance(d, list) and len(d) > 2: return False
    return True

def _v47(d: Any) -> bool:
    if not ((isinstance(d, (int, float)) and not isinstance(d, bool))): return False
    return True

def _v49(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if isinstance(d, str) and not _C0.search(d): return False
    return True

def _v48(d: Any) -> bool:
    if not (isinstance(d, list)): return False
    if isinstance(d, list) and not all(_v49(x) for x in d): return False
    if isinstance(d, list) and len(d) < 1: return False
    return True

def _v50(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if isinstance(d, str) and len(d) < 1: return False
    if isinstance(d, str) and len(d) > 300: return False
    return True

def _v51(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if isinstance(d, str) and len(d) > 1000: return False
    return True

def _v52(d: Any) -> bool:
    if isinstance(d, dict) and any(k not in d for k in _C17): return False
    return True

def _v53(d: Any) -> bool:
    if isinstance(d, dict) and any(k not in d for k in _C18): return False
    return True

def _v54(d: Any) -> bool:
    if isinstance(d, dict) and any(k not in d for k in _C19): return False
    return True

def _v42(d: Any) -> bool:
    if not (isinstance(d, dict)): return False
    if isinstance(d, dict):
        if 'value' in d and not _v43(d['value']): return False
        if 'source' in d and not _v44(d['source']): return False
        if 'range' in d and not _v45(d['range']): return False
        if 'default' in d and not _v47(d['default']): return False
        if 'sources' in d and not _v48(d['sources']): return False
        if 'derived' in d and not _v50(d['derived']): return False
        if 'note' in d and not _v51(d['note']): return False
    if isinstance(d, dict) and any(True for _ in (k for k in d if k not in _C16)): return False
    if not any(f(d) for f in (_v52, _v53, _v54,)): return False
    return True

def _v57(d: Any) -> bool:
    if (isinstance(d, (int, float)) and not isinstance(d, bool)) and d <= 0: return False
    return True

def _v58(d: Any) -> bool:
    if isinstance(d, list) and not all(_v57(x) for x in d): return False
    return True

def _v56(d: Any) -> bool:
    if not (isinstance(d, dict)): return False
    if isinstance(d, dict):
        if 'value' in d and not _v57(d['value']): return False
        if 'range' in d and not _v58(d['range']): return False
        if 'default' in d and not _v57(d['default']): return False
    return True

def _v40(d: Any) -> bool:
    if not _v42(d): return False
    if not _v56(d): return False
    return True

def _v59(d: Any) -> bool:
    if not _v42(d): return False
    if not _v56(d): return False
    return True

def _v60(d: Any) -> bool:
    if not _v42(d): return False
    if not _v56(d): return False
    return True

def _v61(d: Any) -> bool:
    if not _v42(d): return False
    if not _v56(d): return False
    return True

def _v62(d: Any) -> bool:
    if not _v42(d): return False
    if not _v56(d): return False
    return True

def _v63(d: Any) -> bool:
    if not _v42(d): return False
    if not _v56(d): return False
    return True

def _v64(d: Any) -> bool:
    if not _v42(d): return False
    if not _v56(d): return False
    return True

def _v65(d: Any) -> bool:
    if not _v42(d): return False
    if not _v56(d): return False
    return True

def _v66(d: Any) -> bool:
    if not _v42(d): return False
    if not _v56(d): return False
    return True

def _v67(d: Any) -> bool:
    if not _v42(d): return False
    if not _v56(d): return False
    return True

def _v68(d: Any) -> bool:
    if not _v42(d): return False
    if not _v56(d): return False
    return True

def _v71(d: Any) -> bool:
    if not _v42(d): return False
    if not _v56(d): return False
    return True

def _v73(d: Any) -> bool:
    if not _v42(d): return False
    if not _v56(d): return False
    return True

def _v0(d: Any) -> bool:
    if not (isinstance(d, dict)): return False
    if isinstance(d, dict):
        if 'id' in d and not _v3(d['id']): return False
        if 'kind' in d and not _v4(d['kind']): return False
        if 'name' in d and not _v5(d['name']): return False
        if 'vendor' in d and not _v6(d['vendor']): return False
        if 'status' in d and not _v7(d['status']): return False
        if 'status_since' in d and not _v8(d['status_since']): return False
        if 'summary' in d and not _v13(d['summary']): return False
        if 'sources' in d and not _v17(d['sources']): return False
        if 'notes' in d and not _v13(d['notes']): return False
        if 'accelerator' in d and not _v3(d['accelerator']): return False
        if 'form' in d and not _v29(d['form']): return False
        if 'cooling' in d and not _v30(d['cooling']): return False
        if 'psu_redundancy' in d and not _v31(d['psu_redundancy']): return False
        if 'nics' in d and not _v32(d['nics']): return False
        if 'gpu_count' in d and not _v40(d['gpu_count']): return False
        if 'max_power_kw' in d and not _v59(d['max_power_kw']): return False
        if 'racks_spanned' in d and not _v60(d['racks_spanned']): return False
        if 'max_power_per_rack_kw' in d and not _v61(d['max_power_per_rack_kw']): return False
        if 'typical_power_kw' in d and not _v62(d['typical_power_kw']): return False
        if 'psu_count' in d and not _v63(d['psu_count']): return False
        if 'psu_required' in d and not _v64(d['psu_required']): return False
        if 'psu_rating_kw' in d and not _v65(d['psu_rating_kw']): return False
        if 'power_factor' in d and not _v66(d['power_factor']): return False
        if 'height_u' in d and not _v67(d['height_u']): return False
        if 'weight_kg' in d and not _v68(d['weight_kg']): return False
        if 'inlet_temp_min_c' in d and not _v42(d['inlet_temp_min_c']): return False
        if 'inlet_temp_max_c' in d and not _v42(d['inlet_temp_max_c']): return False
        if 'nvlink_domain_gpus' in d and not _v71(d['nvlink_domain_gpus']): return False
        if 'water_temp_max_c' in d and not _v42(d['water_temp_max_c']): return False
        if 'liquid_heat_fraction_pct' in d and not _v73(d['liquid_heat_fraction_pct']): return False
    if isinstance(d, dict) and any(True for _ in (k for k in d if k not in _C20)): return False
    if isinstance(d, dict) and any(k not in d for k in _C21): return False
    return True

valid = _v0
