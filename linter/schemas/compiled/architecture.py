"""architecture.schema.json, compiled by `python -m linter.schemas.compiler`: do not edit."""
# ruff: noqa

from __future__ import annotations

import re
from typing import Any

SOURCES = {'architecture.schema.json': '4416d175d4fb0bf4e8243d0c5f0f3eac-20142', 'common.schema.json': '6b6c365e5bfe53883893e404d5357cb6-5381'}


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

_C0: Any = frozenset(['best_practices', 'changes', 'facility', 'fragile_points', 'hot_spots', 'id', 'kind', 'networks', 'rack_profiles', 'scalable_unit', 'sources', 'status', 'status_since', 'storage', 'summary', 'title', 'use', 'vendor', 'version', 'when_to_use'])
_C1: Any = ['id', 'kind', 'title', 'vendor', 'version', 'status', 'use', 'summary', 'sources', 'rack_profiles', 'facility', 'networks', 'changes']
_C2: Any = re.compile('^[a-z0-9]+(?:[-.][a-z0-9]+)*$')
_C3: Any = 'architecture'
_C4: Any = re.compile('^[0-9]{4}\\.(0[1-9]|1[0-2])$')
_C5: Any = ['current', 'preview', 'superseded', 'withdrawn']
_C6: Any = frozenset(['date', 'note', 'source'])
_C7: Any = ['date', 'source']
_C8: Any = re.compile('^[0-9]{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?$')
_C9: Any = ['training', 'inference']
_C10: Any = frozenset([])
_C11: Any = re.compile('^https?://')
_C12: Any = re.compile('^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$')
_C13: Any = frozenset(['note', 'retrieved', 'title', 'url'])
_C14: Any = ['title', 'retrieved']
_C15: Any = frozenset(['default', 'derived', 'note', 'range', 'source', 'sources', 'value'])
_C16: Any = ['value', 'source']
_C17: Any = ['range', 'default', 'sources']
_C18: Any = ['value', 'derived']
_C19: Any = frozenset(['count', 'model'])
_C20: Any = ['model', 'count']
_C21: Any = frozenset(['count', 'name', 'role'])
_C22: Any = ['role', 'count']
_C23: Any = frozenset(['gpus', 'max_units', 'name', 'note', 'power_kw', 'racks', 'switches', 'systems'])
_C24: Any = ['systems']
_C25: Any = ['air', 'rear-door', 'direct-liquid', 'immersion']
_C26: Any = ['passive', 'active']
_C27: Any = frozenset(['contents', 'cooling', 'description', 'height_u', 'id', 'max_kw', 'rear_door', 'tolerance_pct', 'weight_kg'])
_C28: Any = ['id', 'max_kw', 'cooling']
_C29: Any = ['A1', 'A2', 'A3', 'A4', 'H1']
_C30: Any = ['W17', 'W27', 'W32', 'W40', 'W45', 'W+']
_C31: Any = ['N', 'N+1', '2N']
_C32: Any = frozenset(['ashrae_class', 'cooling', 'feeds_per_rack', 'inlet_temp_max_c', 'inlet_temp_min_c', 'note', 'pdus_per_rack', 'power_redundancy', 'rack_kw_max', 'water_class', 'water_temp_max_c'])
_C33: Any = ['rack_kw_max', 'cooling']
_C34: Any = ['compute', 'storage', 'in-band', 'out-of-band']
_C35: Any = frozenset(['fabric', 'link_speed_gbps', 'note', 'oversubscription', 'required', 'role', 'topology'])
_C36: Any = ['role', 'fabric']
_C37: Any = frozenset(['note', 'read_gb_s', 'write_gb_s'])
_C38: Any = re.compile('^[a-z0-9-]+\\.[a-z0-9-]+$')
_C39: Any = ['error', 'warning', 'info']
_C40: Any = re.compile('^[a-z_]+(\\.[a-z_]+)*$')
_C41: Any = ['>=', '<=', '==', '!=', 'in', 'present']
_C42: Any = frozenset(['op', 'path', 'value'])
_C43: Any = ['path', 'op']
_C44: Any = frozenset(['check', 'id', 'rationale', 'severity', 'source', 'title'])
_C45: Any = ['id', 'title', 'severity', 'rationale']
_C46: Any = frozenset(['description', 'id', 'resource'])
_C47: Any = ['id', 'resource', 'description']
_C48: Any = frozenset(['component', 'description', 'id', 'mitigation'])
_C49: Any = ['id', 'component', 'description']
_C50: Any = frozenset(['date', 'summary', 'version', 'why'])
_C51: Any = ['version', 'date', 'summary', 'why']


def _v3(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if isinstance(d, str) and not _C2.search(d): return False
    if isinstance(d, str) and len(d) > 80: return False
    return True

def _v4(d: Any) -> bool:
    if not _equal(d, _C3): return False
    return True

def _v5(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    return True

def _v6(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    return True

def _v9(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if isinstance(d, str) and not _C4.search(d): return False
    return True

def _v10(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if not any(_equal(e, d) for e in _C5): return False
    return True

def _v12(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if isinstance(d, str) and not _C8.search(d): return False
    return True

def _v13(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    return True

def _v16(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if isinstance(d, str) and len(d) > 4000: return False
    return True

def _v11(d: Any) -> bool:
    if not (isinstance(d, dict)): return False
    if isinstance(d, dict) and any(True for _ in (k for k in d if k not in _C6)): return False
    if isinstance(d, dict) and any(k not in d for k in _C7): return False
    if isinstance(d, dict):
        if 'date' in d and not _v12(d['date']): return False
        if 'source' in d and not _v13(d['source']): return False
        if 'note' in d and not _v16(d['note']): return False
    return True

def _v18(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if not any(_equal(e, d) for e in _C9): return False
    return True

def _v17(d: Any) -> bool:
    if not (isinstance(d, list)): return False
    if isinstance(d, list) and not all(_v18(x) for x in d): return False
    if isinstance(d, list) and len(d) < 1: return False
    if isinstance(d, list) and not _unique(d): return False
    return True

def _v24(d: Any) -> bool:
    if isinstance(d, str) and not _C2.search(d): return False
    return True

def _v27(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if isinstance(d, str) and len(d) < 3: return False
    if isinstance(d, str) and len(d) > 400: return False
    return True

def _v28(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if isinstance(d, str) and not _C11.search(d): return False
    if isinstance(d, str) and len(d) > 800: return False
    return True

def _v31(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if isinstance(d, str) and not _C12.search(d): return False
    return True

def _v32(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if isinstance(d, str) and len(d) > 1000: return False
    return True

def _v26(d: Any) -> bool:
    if not (isinstance(d, dict)): return False
    if isinstance(d, dict):
        if 'title' in d and not _v27(d['title']): return False
        if 'url' in d and not _v28(d['url']): return False
        if 'retrieved' in d and not _v31(d['retrieved']): return False
        if 'note' in d and not _v32(d['note']): return False
    if isinstance(d, dict) and any(True for _ in (k for k in d if k not in _C13)): return False
    if isinstance(d, dict) and any(k not in d for k in _C14): return False
    return True

def _v23(d: Any) -> bool:
    if not (isinstance(d, dict)): return False
    if isinstance(d, dict) and not all(_v24(k) for k in d): return False
    if isinstance(d, dict) and not all(_v26(d[k]) for k in (k for k in d if k not in _C10)): return False
    if isinstance(d, dict) and len(d) < 1: return False
    return True

def _v34(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    return True

def _v41(d: Any) -> bool:
    if not ((isinstance(d, (int, float)) and not isinstance(d, bool))): return False
    return True

def _v42(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if isinstance(d, str) and not _C2.search(d): return False
    return True

def _v44(d: Any) -> bool:
    if not ((isinstance(d, (int, float)) and not isinstance(d, bool))): return False
    return True

def _v43(d: Any) -> bool:
    if not (isinstance(d, list)): return False
    if isinstance(d, list) and not all(_v44(x) for x in d): return False
    if isinstance(d, list) and len(d) < 2: return False
    if isinstance(d, list) and len(d) > 2: return False
    return True

def _v45(d: Any) -> bool:
    if not ((isinstance(d, (int, float)) and not isinstance(d, bool))): return False
    return True

def _v47(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if isinstance(d, str) and not _C2.search(d): return False
    return True

def _v46(d: Any) -> bool:
    if not (isinstance(d, list)): return False
    if isinstance(d, list) and not all(_v47(x) for x in d): return False
    if isinstance(d, list) and len(d) < 1: return False
    return True

def _v48(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if isinstance(d, str) and len(d) < 1: return False
    if isinstance(d, str) and len(d) > 300: return False
    return True

def _v49(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if isinstance(d, str) and len(d) > 1000: return False
    return True

def _v50(d: Any) -> bool:
    if isinstance(d, dict) and any(k not in d for k in _C16): return False
    return True

def _v51(d: Any) -> bool:
    if isinstance(d, dict) and any(k not in d for k in _C17): return False
    return True

def _v52(d: Any) -> bool:
    if isinstance(d, dict) and any(k not in d for k in _C18): return False
    return True

def _v40(d: Any) -> bool:
    if not (isinstance(d, dict)): return False
    if isinstance(d, dict):
        if 'value' in d and not _v41(d['value']): return False
        if 'source' in d and not _v42(d['source']): return False
        if 'range' in d and not _v43(d['range']): return False
        if 'default' in d and not _v45(d['default']): return False
        if 'sources' in d and not _v46(d['sources']): return False
        if 'derived' in d and not _v48(d['derived']): return False
        if 'note' in d and not _v49(d['note']): return False
    if isinstance(d, dict) and any(True for _ in (k for k in d if k not in _C15)): return False
    if not any(f(d) for f in (_v50, _v51, _v52,)): return False
    return True

def _v36(d: Any) -> bool:
    if not (isinstance(d, dict)): return False
    if isinstance(d, dict):
        if 'model' in d and not _v3(d['model']): return False
        if 'count' in d and not _v40(d['count']): return False
    if isinstance(d, dict) and any(True for _ in (k for k in d if k not in _C19)): return False
    if isinstance(d, dict) and any(k not in d for k in _C20): return False
    return True

def _v35(d: Any) -> bool:
    if not (isinstance(d, list)): return False
    if isinstance(d, list) and not all(_v36(x) for x in d): return False
    return True

def _v55(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    return True

def _v56(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    return True

def _v54(d: Any) -> bool:
    if not (isinstance(d, dict)): return False
    if isinstance(d, dict):
        if 'role' in d and not _v55(d['role']): return False
        if 'name' in d and not _v56(d['name']): return False
        if 'count' in d and not _v40(d['count']): return False
    if isinstance(d, dict) and any(True for _ in (k for k in d if k not in _C21)): return False
    if isinstance(d, dict) and any(k not in d for k in _C22): return False
    return True

def _v53(d: Any) -> bool:
    if not (isinstance(d, list)): return False
    if isinstance(d, list) and not all(_v54(x) for x in d): return False
    return True

def _v33(d: Any) -> bool:
    if not (isinstance(d, dict)): return False
    if isinstance(d, dict):
        if 'name' in d and not _v34(d['name']): return False
        if 'systems' in d and not _v35(d['systems']): return False
        if 'switches' in d and not _v53(d['switches']): return False
        if 'racks' in d and not _v40(d['racks']): return False
        if 'power_kw' in d and not _v40(d['power_kw']): return False
        if 'max_units' in d and not _v40(d['max_units']): return False
        if 'gpus' in d and not _v40(d['gpus']): return False
        if 'note' in d and not _v16(d['note']): return False
    if isinstance(d, dict) and any(True for _ in (k for k in d if k not in _C23)): return False
    if isinstance(d, dict) and any(k not in d for k in _C24): return False
    return True

def _v66(d: Any) -> bool:
    if not (isinstance(d, list)): return False
    if isinstance(d, list) and not all(_v36(x) for x in d): return False
    return True

def _v68(d: Any) -> bool:
    if not ((isinstance(d, (int, float)) and not isinstance(d, bool))): return False
    if (isinstance(d, (int, float)) and not isinstance(d, bool)) and d < 0: return False
    if (isinstance(d, (int, float)) and not isinstance(d, bool)) and d > 100: return False
    return True

def _v71(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if not any(_equal(e, d) for e in _C25): return False
    return True

def _v72(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if not any(_equal(e, d) for e in _C26): return False
    return True

def _v63(d: Any) -> bool:
    if not (isinstance(d, dict)): return False
    if isinstance(d, dict):
        if 'id' in d and not _v3(d['id']): return False
        if 'description' in d and not _v16(d['description']): return False
        if 'contents' in d and not _v66(d['contents']): return False
        if 'max_kw' in d and not _v40(d['max_kw']): return False
        if 'tolerance_pct' in d and not _v68(d['tolerance_pct']): return False
        if 'cooling' in d and not _v71(d['cooling']): return False
        if 'rear_door' in d and not _v72(d['rear_door']): return False
        if 'weight_kg' in d and not _v40(d['weight_kg']): return False
        if 'height_u' in d and not _v40(d['height_u']): return False
    if isinstance(d, dict) and any(True for _ in (k for k in d if k not in _C27)): return False
    if isinstance(d, dict) and any(k not in d for k in _C28): return False
    return True

def _v62(d: Any) -> bool:
    if not (isinstance(d, list)): return False
    if isinstance(d, list) and len(d) < 1: return False
    if isinstance(d, list) and not all(_v63(x) for x in d): return False
    return True

def _v80(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if not any(_equal(e, d) for e in _C29): return False
    return True

def _v81(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if not any(_equal(e, d) for e in _C30): return False
    return True

def _v83(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if not any(_equal(e, d) for e in _C31): return False
    return True

def _v75(d: Any) -> bool:
    if not (isinstance(d, dict)): return False
    if isinstance(d, dict):
        if 'rack_kw_max' in d and not _v40(d['rack_kw_max']): return False
        if 'cooling' in d and not _v71(d['cooling']): return False
        if 'inlet_temp_min_c' in d and not _v40(d['inlet_temp_min_c']): return False
        if 'inlet_temp_max_c' in d and not _v40(d['inlet_temp_max_c']): return False
        if 'ashrae_class' in d and not _v80(d['ashrae_class']): return False
        if 'water_class' in d and not _v81(d['water_class']): return False
        if 'water_temp_max_c' in d and not _v40(d['water_temp_max_c']): return False
        if 'power_redundancy' in d and not _v83(d['power_redundancy']): return False
        if 'feeds_per_rack' in d and not _v40(d['feeds_per_rack']): return False
        if 'pdus_per_rack' in d and not _v40(d['pdus_per_rack']): return False
        if 'note' in d and not _v16(d['note']): return False
    if isinstance(d, dict) and any(True for _ in (k for k in d if k not in _C32)): return False
    if isinstance(d, dict) and any(k not in d for k in _C33): return False
    return True

def _v88(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if not any(_equal(e, d) for e in _C34): return False
    return True

def _v90(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    return True

def _v93(d: Any) -> bool:
    if not (isinstance(d, bool)): return False
    return True

def _v87(d: Any) -> bool:
    if not (isinstance(d, dict)): return False
    if isinstance(d, dict):
        if 'role' in d and not _v88(d['role']): return False
        if 'fabric' in d and not _v3(d['fabric']): return False
        if 'topology' in d and not _v90(d['topology']): return False
        if 'oversubscription' in d and not _v40(d['oversubscription']): return False
        if 'link_speed_gbps' in d and not _v40(d['link_speed_gbps']): return False
        if 'required' in d and not _v93(d['required']): return False
        if 'note' in d and not _v16(d['note']): return False
    if isinstance(d, dict) and any(True for _ in (k for k in d if k not in _C35)): return False
    if isinstance(d, dict) and any(k not in d for k in _C36): return False
    return True

def _v86(d: Any) -> bool:
    if not (isinstance(d, list)): return False
    if isinstance(d, list) and not all(_v87(x) for x in d): return False
    return True

def _v94(d: Any) -> bool:
    if not (isinstance(d, dict)): return False
    if isinstance(d, dict):
        if 'read_gb_s' in d and not _v40(d['read_gb_s']): return False
        if 'write_gb_s' in d and not _v40(d['write_gb_s']): return False
        if 'note' in d and not _v16(d['note']): return False
    if isinstance(d, dict) and any(True for _ in (k for k in d if k not in _C37)): return False
    return True

def _v100(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if isinstance(d, str) and not _C38.search(d): return False
    return True

def _v101(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if not any(_equal(e, d) for e in _C39): return False
    return True

def _v103(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if isinstance(d, str) and not _C2.search(d): return False
    return True

def _v105(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if isinstance(d, str) and not _C40.search(d): return False
    return True

def _v106(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if not any(_equal(e, d) for e in _C41): return False
    return True

def _v107(d: Any) -> bool:
    return True

def _v104(d: Any) -> bool:
    if not (isinstance(d, dict)): return False
    if isinstance(d, dict):
        if 'path' in d and not _v105(d['path']): return False
        if 'op' in d and not _v106(d['op']): return False
        if 'value' in d and not _v107(d['value']): return False
    if isinstance(d, dict) and any(True for _ in (k for k in d if k not in _C42)): return False
    if isinstance(d, dict) and any(k not in d for k in _C43): return False
    return True

def _v99(d: Any) -> bool:
    if not (isinstance(d, dict)): return False
    if isinstance(d, dict):
        if 'id' in d and not _v100(d['id']): return False
        if 'title' in d and not _v5(d['title']): return False
        if 'severity' in d and not _v101(d['severity']): return False
        if 'rationale' in d and not _v16(d['rationale']): return False
        if 'source' in d and not _v103(d['source']): return False
        if 'check' in d and not _v104(d['check']): return False
    if isinstance(d, dict) and any(True for _ in (k for k in d if k not in _C44)): return False
    if isinstance(d, dict) and any(k not in d for k in _C45): return False
    return True

def _v98(d: Any) -> bool:
    if not (isinstance(d, list)): return False
    if isinstance(d, list) and not all(_v99(x) for x in d): return False
    return True

def _v111(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    return True

def _v109(d: Any) -> bool:
    if not (isinstance(d, dict)): return False
    if isinstance(d, dict):
        if 'id' in d and not _v3(d['id']): return False
        if 'resource' in d and not _v111(d['resource']): return False
        if 'description' in d and not _v16(d['description']): return False
    if isinstance(d, dict) and any(True for _ in (k for k in d if k not in _C46)): return False
    if isinstance(d, dict) and any(k not in d for k in _C47): return False
    return True

def _v108(d: Any) -> bool:
    if not (isinstance(d, list)): return False
    if isinstance(d, list) and not all(_v109(x) for x in d): return False
    return True

def _v115(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    return True

def _v114(d: Any) -> bool:
    if not (isinstance(d, dict)): return False
    if isinstance(d, dict):
        if 'id' in d and not _v3(d['id']): return False
        if 'component' in d and not _v115(d['component']): return False
        if 'description' in d and not _v16(d['description']): return False
        if 'mitigation' in d and not _v16(d['mitigation']): return False
    if isinstance(d, dict) and any(True for _ in (k for k in d if k not in _C48)): return False
    if isinstance(d, dict) and any(k not in d for k in _C49): return False
    return True

def _v113(d: Any) -> bool:
    if not (isinstance(d, list)): return False
    if isinstance(d, list) and not all(_v114(x) for x in d): return False
    return True

def _v119(d: Any) -> bool:
    if not (isinstance(d, dict)): return False
    if isinstance(d, dict):
        if 'version' in d and not _v9(d['version']): return False
        if 'date' in d and not _v31(d['date']): return False
        if 'summary' in d and not _v16(d['summary']): return False
        if 'why' in d and not _v16(d['why']): return False
    if isinstance(d, dict) and any(True for _ in (k for k in d if k not in _C50)): return False
    if isinstance(d, dict) and any(k not in d for k in _C51): return False
    return True

def _v118(d: Any) -> bool:
    if not (isinstance(d, list)): return False
    if isinstance(d, list) and len(d) < 1: return False
    if isinstance(d, list) and not all(_v119(x) for x in d): return False
    return True

def _v0(d: Any) -> bool:
    if not (isinstance(d, dict)): return False
    if isinstance(d, dict) and any(True for _ in (k for k in d if k not in _C0)): return False
    if isinstance(d, dict) and any(k not in d for k in _C1): return False
    if isinstance(d, dict):
        if 'id' in d and not _v3(d['id']): return False
        if 'kind' in d and not _v4(d['kind']): return False
        if 'title' in d and not _v5(d['title']): return False
        if 'vendor' in d and not _v6(d['vendor']): return False
        if 'version' in d and not _v9(d['version']): return False
        if 'status' in d and not _v10(d['status']): return False
        if 'status_since' in d and not _v11(d['status_since']): return False
        if 'use' in d and not _v17(d['use']): return False
        if 'summary' in d and not _v16(d['summary']): return False
        if 'when_to_use' in d and not _v16(d['when_to_use']): return False
        if 'sources' in d and not _v23(d['sources']): return False
        if 'scalable_unit' in d and not _v33(d['scalable_unit']): return False
        if 'rack_profiles' in d and not _v62(d['rack_profiles']): return False
        if 'facility' in d and not _v75(d['facility']): return False
        if 'networks' in d and not _v86(d['networks']): return False
        if 'storage' in d and not _v94(d['storage']): return False
        if 'best_practices' in d and not _v98(d['best_practices']): return False
        if 'hot_spots' in d and not _v108(d['hot_spots']): return False
        if 'fragile_points' in d and not _v113(d['fragile_points']): return False
        if 'changes' in d and not _v118(d['changes']): return False
    return True

valid = _v0
