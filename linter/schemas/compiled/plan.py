"""plan.schema.json, compiled by `python -m linter.schemas.compiler`: do not edit."""
# ruff: noqa

from __future__ import annotations

import re
from typing import Any

SOURCES = {'common.schema.json': '6b6c365e5bfe53883893e404d5357cb6-5381', 'plan.schema.json': 'a6e8fa6886ac99413fd54a5356519c6c-36679'}


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

_C0: Any = frozenset(['costs', 'description', 'facility', 'network', 'plan', 'racks', 'reference', 'spares', 'storage', 'title', 'workload'])
_C1: Any = ['plan', 'reference', 'facility', 'racks']
_C2: Any = re.compile('^[a-z0-9]+(?:[-.][a-z0-9]+)*$')
_C3: Any = re.compile('^[a-z0-9]+(?:-[a-z0-9]+)*@[0-9]{4}\\.(0[1-9]|1[0-2])$')
_C4: Any = ['air', 'rear-door', 'direct-liquid', 'immersion']
_C5: Any = ['passive', 'active']
_C6: Any = re.compile('^\\s*[-+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]+)?\\s*[^\\s0-9.]\\S*\\s*$')
_C7: Any = ['A1', 'A2', 'A3', 'A4', 'H1']
_C8: Any = ['W17', 'W27', 'W32', 'W40', 'W45', 'W+']
_C9: Any = [1, 3]
_C10: Any = ['N', 'N+1', '2N']
_C11: Any = frozenset(['breaker_a', 'feeds', 'pdus_per_rack', 'phases', 'power_factor', 'redundancy', 'voltage_v'])
_C12: Any = frozenset(['cap_pct', 'caps_kw', 'mechanism', 'source'])
_C13: Any = ['mechanism', 'source']
_C14: Any = re.compile('^[a-z0-9][a-z0-9.-]*$')
_C15: Any = frozenset([])
_C16: Any = ['cap_pct']
_C17: Any = ['caps_kw']
_C18: Any = frozenset(['ashrae_class', 'cdu_capacity_kw', 'cdus', 'cooling', 'hall_budget_kw', 'inlet_temp_c', 'name', 'power', 'power_policy', 'pue', 'pue_justification', 'rear_door', 'row_budget_kw', 'water_class', 'water_temp_c'])
_C19: Any = ['cooling']
_C20: Any = ['compute', 'network', 'management', 'storage']
_C21: Any = re.compile('^https?://')
_C22: Any = frozenset(['max_draw_kw', 'object', 'url'])
_C23: Any = frozenset(['count', 'dcim', 'model'])
_C24: Any = ['model', 'count']
_C25: Any = frozenset(['count', 'name', 'role'])
_C26: Any = ['role', 'count']
_C27: Any = frozenset(['cooling_capacity_kw', 'object', 'url'])
_C28: Any = frozenset(['budget_kw', 'cooling', 'count', 'dcim', 'id', 'kind', 'load_kw', 'pdus', 'power', 'rear_door', 'row', 'switches', 'systems'])
_C29: Any = ['id']
_C30: Any = frozenset(['systems'])
_C31: Any = ['inference', 'training']
_C32: Any = ['bf16', 'fp16', 'fp8', 'fp4', 'int8', 'int4', 'mxfp4']
_C33: Any = [50, 90, 99, 'mean']
_C34: Any = frozenset(['checkpoint_interval_min', 'checkpoint_size_gb', 'concurrent_users', 'goodput_target_pct', 'input_tokens', 'itl_ms', 'model', 'output_tokens', 'output_tokens_cv', 'params_b', 'precision', 'repair_min', 'restart_min', 'rto_min', 'tokens_per_s_per_user', 'ttft_ms', 'ttft_percentile', 'type'])
_C35: Any = frozenset(['fabric', 'leaf_switches_per_rail', 'link_speed_gbps', 'oversubscription', 'topology'])
_C36: Any = ['fabric']
_C37: Any = frozenset(['bandwidth_gb_s', 'interconnect'])
_C38: Any = frozenset(['compute', 'in_band', 'out_of_band', 'scale_up', 'storage'])
_C39: Any = frozenset(['capacity_tb', 'read_gb_s', 'write_gb_s'])
_C40: Any = frozenset(['capex', 'currency', 'grid_g_per_kwh', 'lifetime_years', 'tariff_per_kwh', 'utilisation_pct', 'wue_l_per_kwh'])


def _v3(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if isinstance(d, str) and not _C2.search(d): return False
    if isinstance(d, str) and len(d) > 80: return False
    return True

def _v4(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if isinstance(d, str) and len(d) > 200: return False
    return True

def _v7(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if isinstance(d, str) and len(d) > 4000: return False
    return True

def _v8(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if isinstance(d, str) and not _C3.search(d): return False
    return True

def _v10(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    return True

def _v13(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if not any(_equal(e, d) for e in _C4): return False
    return True

def _v14(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if not any(_equal(e, d) for e in _C5): return False
    return True

def _v16(d: Any) -> bool:
    if not ((isinstance(d, (int, float)) and not isinstance(d, bool))): return False
    return True

def _v17(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if isinstance(d, str) and not _C6.search(d): return False
    return True

def _v15(d: Any) -> bool:
    if not any(f(d) for f in (_v16, _v17,)): return False
    return True

def _v18(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if not any(_equal(e, d) for e in _C7): return False
    return True

def _v19(d: Any) -> bool:
    if not any(f(d) for f in (_v16, _v17,)): return False
    return True

def _v20(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if not any(_equal(e, d) for e in _C8): return False
    return True

def _v21(d: Any) -> bool:
    if not ((isinstance(d, (int, float)) and not isinstance(d, bool))): return False
    if (isinstance(d, (int, float)) and not isinstance(d, bool)) and d <= 0: return False
    if (isinstance(d, (int, float)) and not isinstance(d, bool)) and d > 10: return False
    return True

def _v23(d: Any) -> bool:
    if not (((isinstance(d, int) and not isinstance(d, bool)) or (isinstance(d, float) and d.is_integer()))): return False
    if (isinstance(d, (int, float)) and not isinstance(d, bool)) and d < 0: return False
    if (isinstance(d, (int, float)) and not isinstance(d, bool)) and d > 10000: return False
    return True

def _v25(d: Any) -> bool:
    if not ((isinstance(d, (int, float)) and not isinstance(d, bool))): return False
    if (isinstance(d, (int, float)) and not isinstance(d, bool)) and d <= 0: return False
    return True

def _v24(d: Any) -> bool:
    if not any(f(d) for f in (_v25, _v17,)): return False
    return True

def _v26(d: Any) -> bool:
    if not any(f(d) for f in (_v25, _v17,)): return False
    return True

def _v27(d: Any) -> bool:
    if not any(f(d) for f in (_v25, _v17,)): return False
    return True

def _v29(d: Any) -> bool:
    if not (((isinstance(d, int) and not isinstance(d, bool)) or (isinstance(d, float) and d.is_integer()))): return False
    if (isinstance(d, (int, float)) and not isinstance(d, bool)) and d < 1: return False
    if (isinstance(d, (int, float)) and not isinstance(d, bool)) and d > 8: return False
    return True

def _v30(d: Any) -> bool:
    if not any(f(d) for f in (_v25, _v17,)): return False
    return True

def _v31(d: Any) -> bool:
    if not (((isinstance(d, int) and not isinstance(d, bool)) or (isinstance(d, float) and d.is_integer()))): return False
    if not any(_equal(e, d) for e in _C9): return False
    return True

def _v32(d: Any) -> bool:
    if not any(f(d) for f in (_v25, _v17,)): return False
    return True

def _v33(d: Any) -> bool:
    if not ((isinstance(d, (int, float)) and not isinstance(d, bool))): return False
    if (isinstance(d, (int, float)) and not isinstance(d, bool)) and d <= 0: return False
    if (isinstance(d, (int, float)) and not isinstance(d, bool)) and d > 1: return False
    return True

def _v34(d: Any) -> bool:
    if not (((isinstance(d, int) and not isinstance(d, bool)) or (isinstance(d, float) and d.is_integer()))): return False
    if (isinstance(d, (int, float)) and not isinstance(d, bool)) and d < 0: return False
    if (isinstance(d, (int, float)) and not isinstance(d, bool)) and d > 16: return False
    return True

def _v35(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if not any(_equal(e, d) for e in _C10): return False
    return True

def _v28(d: Any) -> bool:
    if not (isinstance(d, dict)): return False
    if isinstance(d, dict):
        if 'feeds' in d and not _v29(d['feeds']): return False
        if 'voltage_v' in d and not _v30(d['voltage_v']): return False
        if 'phases' in d and not _v31(d['phases']): return False
        if 'breaker_a' in d and not _v32(d['breaker_a']): return False
        if 'power_factor' in d and not _v33(d['power_factor']): return False
        if 'pdus_per_rack' in d and not _v34(d['pdus_per_rack']): return False
        if 'redundancy' in d and not _v35(d['redundancy']): return False
    if isinstance(d, dict) and any(True for _ in (k for k in d if k not in _C11)): return False
    return True

def _v37(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if isinstance(d, str) and len(d) < 1: return False
    return True

def _v38(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if isinstance(d, str) and len(d) < 1: return False
    return True

def _v39(d: Any) -> bool:
    if not ((isinstance(d, (int, float)) and not isinstance(d, bool))): return False
    if (isinstance(d, (int, float)) and not isinstance(d, bool)) and d <= 0: return False
    if (isinstance(d, (int, float)) and not isinstance(d, bool)) and d > 100: return False
    return True

def _v41(d: Any) -> bool:
    if isinstance(d, str) and not _C14.search(d): return False
    return True

def _v40(d: Any) -> bool:
    if not (isinstance(d, dict)): return False
    if isinstance(d, dict) and not all(_v41(k) for k in d): return False
    if isinstance(d, dict) and not all(_v25(d[k]) for k in (k for k in d if k not in _C15)): return False
    return True

def _v42(d: Any) -> bool:
    if isinstance(d, dict) and any(k not in d for k in _C16): return False
    return True

def _v43(d: Any) -> bool:
    if isinstance(d, dict) and any(k not in d for k in _C17): return False
    return True

def _v36(d: Any) -> bool:
    if not (isinstance(d, dict)): return False
    if isinstance(d, dict) and any(True for _ in (k for k in d if k not in _C12)): return False
    if isinstance(d, dict) and any(k not in d for k in _C13): return False
    if isinstance(d, dict):
        if 'mechanism' in d and not _v37(d['mechanism']): return False
        if 'source' in d and not _v38(d['source']): return False
        if 'cap_pct' in d and not _v39(d['cap_pct']): return False
        if 'caps_kw' in d and not _v40(d['caps_kw']): return False
    if not any(f(d) for f in (_v42, _v43,)): return False
    return True

def _v9(d: Any) -> bool:
    if not (isinstance(d, dict)): return False
    if isinstance(d, dict):
        if 'name' in d and not _v10(d['name']): return False
        if 'cooling' in d and not _v13(d['cooling']): return False
        if 'rear_door' in d and not _v14(d['rear_door']): return False
        if 'inlet_temp_c' in d and not _v15(d['inlet_temp_c']): return False
        if 'ashrae_class' in d and not _v18(d['ashrae_class']): return False
        if 'water_temp_c' in d and not _v19(d['water_temp_c']): return False
        if 'water_class' in d and not _v20(d['water_class']): return False
        if 'pue' in d and not _v21(d['pue']): return False
        if 'pue_justification' in d and not _v7(d['pue_justification']): return False
        if 'cdus' in d and not _v23(d['cdus']): return False
        if 'cdu_capacity_kw' in d and not _v24(d['cdu_capacity_kw']): return False
        if 'row_budget_kw' in d and not _v26(d['row_budget_kw']): return False
        if 'hall_budget_kw' in d and not _v27(d['hall_budget_kw']): return False
        if 'power' in d and not _v28(d['power']): return False
        if 'power_policy' in d and not _v36(d['power_policy']): return False
    if isinstance(d, dict) and any(True for _ in (k for k in d if k not in _C18)): return False
    if isinstance(d, dict) and any(k not in d for k in _C19): return False
    return True

def _v47(d: Any) -> bool:
    if not (((isinstance(d, int) and not isinstance(d, bool)) or (isinstance(d, float) and d.is_integer()))): return False
    if (isinstance(d, (int, float)) and not isinstance(d, bool)) and d < 1: return False
    if (isinstance(d, (int, float)) and not isinstance(d, bool)) and d > 1000000: return False
    return True

def _v48(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if not any(_equal(e, d) for e in _C20): return False
    return True

def _v49(d: Any) -> bool:
    if not any(f(d) for f in (_v25, _v17,)): return False
    return True

def _v50(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    return True

def _v51(d: Any) -> bool:
    if not any(f(d) for f in (_v25, _v17,)): return False
    return True

def _v53(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if not any(_equal(e, d) for e in _C5): return False
    return True

def _v57(d: Any) -> bool:
    if not (((isinstance(d, int) and not isinstance(d, bool)) or (isinstance(d, float) and d.is_integer()))): return False
    if (isinstance(d, (int, float)) and not isinstance(d, bool)) and d < 1: return False
    if (isinstance(d, (int, float)) and not isinstance(d, bool)) and d > 1000: return False
    return True

def _v59(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if isinstance(d, str) and len(d) > 200: return False
    return True

def _v60(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if isinstance(d, str) and not _C21.search(d): return False
    if isinstance(d, str) and len(d) > 2000: return False
    return True

def _v62(d: Any) -> bool:
    if not ((isinstance(d, (int, float)) and not isinstance(d, bool))): return False
    if (isinstance(d, (int, float)) and not isinstance(d, bool)) and d < 0: return False
    return True

def _v61(d: Any) -> bool:
    if not any(f(d) for f in (_v62, _v17,)): return False
    return True

def _v58(d: Any) -> bool:
    if not (isinstance(d, dict)): return False
    if isinstance(d, dict):
        if 'object' in d and not _v59(d['object']): return False
        if 'url' in d and not _v60(d['url']): return False
        if 'max_draw_kw' in d and not _v61(d['max_draw_kw']): return False
    if isinstance(d, dict) and any(True for _ in (k for k in d if k not in _C22)): return False
    return True

def _v55(d: Any) -> bool:
    if not (isinstance(d, dict)): return False
    if isinstance(d, dict):
        if 'model' in d and not _v3(d['model']): return False
        if 'count' in d and not _v57(d['count']): return False
        if 'dcim' in d and not _v58(d['dcim']): return False
    if isinstance(d, dict) and any(True for _ in (k for k in d if k not in _C23)): return False
    if isinstance(d, dict) and any(k not in d for k in _C24): return False
    return True

def _v54(d: Any) -> bool:
    if not (isinstance(d, list)): return False
    if isinstance(d, list) and not all(_v55(x) for x in d): return False
    return True

def _v65(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    return True

def _v66(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    return True

def _v64(d: Any) -> bool:
    if not (isinstance(d, dict)): return False
    if isinstance(d, dict):
        if 'role' in d and not _v65(d['role']): return False
        if 'name' in d and not _v66(d['name']): return False
        if 'count' in d and not _v57(d['count']): return False
    if isinstance(d, dict) and any(True for _ in (k for k in d if k not in _C25)): return False
    if isinstance(d, dict) and any(k not in d for k in _C26): return False
    return True

def _v63(d: Any) -> bool:
    if not (isinstance(d, list)): return False
    if isinstance(d, list) and not all(_v64(x) for x in d): return False
    return True

def _v67(d: Any) -> bool:
    if not (((isinstance(d, int) and not isinstance(d, bool)) or (isinstance(d, float) and d.is_integer()))): return False
    if (isinstance(d, (int, float)) and not isinstance(d, bool)) and d < 0: return False
    if (isinstance(d, (int, float)) and not isinstance(d, bool)) and d > 16: return False
    return True

def _v68(d: Any) -> bool:
    if not (isinstance(d, dict)): return False
    if isinstance(d, dict):
        if 'feeds' in d and not _v29(d['feeds']): return False
        if 'voltage_v' in d and not _v30(d['voltage_v']): return False
        if 'phases' in d and not _v31(d['phases']): return False
        if 'breaker_a' in d and not _v32(d['breaker_a']): return False
        if 'power_factor' in d and not _v33(d['power_factor']): return False
        if 'pdus_per_rack' in d and not _v34(d['pdus_per_rack']): return False
        if 'redundancy' in d and not _v35(d['redundancy']): return False
    if isinstance(d, dict) and any(True for _ in (k for k in d if k not in _C11)): return False
    return True

def _v70(d: Any) -> bool:
    if not any(f(d) for f in (_v62, _v17,)): return False
    return True

def _v69(d: Any) -> bool:
    if not (isinstance(d, dict)): return False
    if isinstance(d, dict):
        if 'object' in d and not _v59(d['object']): return False
        if 'url' in d and not _v60(d['url']): return False
        if 'cooling_capacity_kw' in d and not _v70(d['cooling_capacity_kw']): return False
    if isinstance(d, dict) and any(True for _ in (k for k in d if k not in _C27)): return False
    return True

def _v45(d: Any) -> bool:
    if not (isinstance(d, dict)): return False
    if isinstance(d, dict):
        if 'id' in d and not _v3(d['id']): return False
        if 'count' in d and not _v47(d['count']): return False
        if 'kind' in d and not _v48(d['kind']): return False
        if 'load_kw' in d and not _v49(d['load_kw']): return False
        if 'row' in d and not _v50(d['row']): return False
        if 'budget_kw' in d and not _v51(d['budget_kw']): return False
        if 'cooling' in d and not _v13(d['cooling']): return False
        if 'rear_door' in d and not _v53(d['rear_door']): return False
        if 'systems' in d and not _v54(d['systems']): return False
        if 'switches' in d and not _v63(d['switches']): return False
        if 'pdus' in d and not _v67(d['pdus']): return False
        if 'power' in d and not _v68(d['power']): return False
        if 'dcim' in d and not _v69(d['dcim']): return False
    if isinstance(d, dict) and any(True for _ in (k for k in d if k not in _C28)): return False
    if isinstance(d, dict) and any(k not in d for k in _C29): return False
    return True

def _v44(d: Any) -> bool:
    if not (isinstance(d, list)): return False
    if isinstance(d, list) and len(d) < 1: return False
    if isinstance(d, list) and len(d) > 100000: return False
    if isinstance(d, list) and not all(_v45(x) for x in d): return False
    return True

def _v72(d: Any) -> bool:
    if not (((isinstance(d, int) and not isinstance(d, bool)) or (isinstance(d, float) and d.is_integer()))): return False
    if (isinstance(d, (int, float)) and not isinstance(d, bool)) and d < 0: return False
    if (isinstance(d, (int, float)) and not isinstance(d, bool)) and d > 100000: return False
    return True

def _v71(d: Any) -> bool:
    if not (isinstance(d, dict)): return False
    if isinstance(d, dict):
        if 'systems' in d and not _v72(d['systems']): return False
    if isinstance(d, dict) and any(True for _ in (k for k in d if k not in _C30)): return False
    return True

def _v74(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if not any(_equal(e, d) for e in _C31): return False
    return True

def _v76(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if not any(_equal(e, d) for e in _C32): return False
    return True

def _v77(d: Any) -> bool:
    if not (((isinstance(d, int) and not isinstance(d, bool)) or (isinstance(d, float) and d.is_integer()))): return False
    if (isinstance(d, (int, float)) and not isinstance(d, bool)) and d < 1: return False
    if (isinstance(d, (int, float)) and not isinstance(d, bool)) and d > 100000000: return False
    return True

def _v78(d: Any) -> bool:
    if not (((isinstance(d, int) and not isinstance(d, bool)) or (isinstance(d, float) and d.is_integer()))): return False
    if (isinstance(d, (int, float)) and not isinstance(d, bool)) and d < 1: return False
    if (isinstance(d, (int, float)) and not isinstance(d, bool)) and d > 10000000: return False
    return True

def _v79(d: Any) -> bool:
    if not (((isinstance(d, int) and not isinstance(d, bool)) or (isinstance(d, float) and d.is_integer()))): return False
    if (isinstance(d, (int, float)) and not isinstance(d, bool)) and d < 1: return False
    if (isinstance(d, (int, float)) and not isinstance(d, bool)) and d > 10000000: return False
    return True

def _v80(d: Any) -> bool:
    if not ((isinstance(d, (int, float)) and not isinstance(d, bool))): return False
    if (isinstance(d, (int, float)) and not isinstance(d, bool)) and d < 0: return False
    if (isinstance(d, (int, float)) and not isinstance(d, bool)) and d > 10: return False
    return True

def _v81(d: Any) -> bool:
    if not any(f(d) for f in (_v25, _v17,)): return False
    return True

def _v82(d: Any) -> bool:
    if not any(_equal(e, d) for e in _C33): return False
    return True

def _v83(d: Any) -> bool:
    if not ((isinstance(d, (int, float)) and not isinstance(d, bool))): return False
    if (isinstance(d, (int, float)) and not isinstance(d, bool)) and d <= 0: return False
    return True

def _v84(d: Any) -> bool:
    if not any(f(d) for f in (_v25, _v17,)): return False
    return True

def _v85(d: Any) -> bool:
    if not ((isinstance(d, (int, float)) and not isinstance(d, bool))): return False
    if (isinstance(d, (int, float)) and not isinstance(d, bool)) and d <= 0: return False
    return True

def _v86(d: Any) -> bool:
    if not any(f(d) for f in (_v25, _v17,)): return False
    return True

def _v87(d: Any) -> bool:
    if not any(f(d) for f in (_v25, _v17,)): return False
    return True

def _v88(d: Any) -> bool:
    if not any(f(d) for f in (_v25, _v17,)): return False
    return True

def _v89(d: Any) -> bool:
    if not any(f(d) for f in (_v62, _v17,)): return False
    return True

def _v91(d: Any) -> bool:
    if not ((isinstance(d, (int, float)) and not isinstance(d, bool))): return False
    if (isinstance(d, (int, float)) and not isinstance(d, bool)) and d <= 0: return False
    if (isinstance(d, (int, float)) and not isinstance(d, bool)) and d > 100: return False
    return True

def _v90(d: Any) -> bool:
    if not any(f(d) for f in (_v91, _v17,)): return False
    return True

def _v92(d: Any) -> bool:
    if not any(f(d) for f in (_v25, _v17,)): return False
    return True

def _v73(d: Any) -> bool:
    if not (isinstance(d, dict)): return False
    if isinstance(d, dict):
        if 'type' in d and not _v74(d['type']): return False
        if 'model' in d and not _v3(d['model']): return False
        if 'precision' in d and not _v76(d['precision']): return False
        if 'concurrent_users' in d and not _v77(d['concurrent_users']): return False
        if 'input_tokens' in d and not _v78(d['input_tokens']): return False
        if 'output_tokens' in d and not _v79(d['output_tokens']): return False
        if 'output_tokens_cv' in d and not _v80(d['output_tokens_cv']): return False
        if 'ttft_ms' in d and not _v81(d['ttft_ms']): return False
        if 'ttft_percentile' in d and not _v82(d['ttft_percentile']): return False
        if 'tokens_per_s_per_user' in d and not _v83(d['tokens_per_s_per_user']): return False
        if 'itl_ms' in d and not _v84(d['itl_ms']): return False
        if 'params_b' in d and not _v85(d['params_b']): return False
        if 'checkpoint_size_gb' in d and not _v86(d['checkpoint_size_gb']): return False
        if 'rto_min' in d and not _v87(d['rto_min']): return False
        if 'checkpoint_interval_min' in d and not _v88(d['checkpoint_interval_min']): return False
        if 'restart_min' in d and not _v89(d['restart_min']): return False
        if 'goodput_target_pct' in d and not _v90(d['goodput_target_pct']): return False
        if 'repair_min' in d and not _v92(d['repair_min']): return False
    if isinstance(d, dict) and any(True for _ in (k for k in d if k not in _C34)): return False
    return True

def _v96(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    return True

def _v97(d: Any) -> bool:
    if not ((isinstance(d, (int, float)) and not isinstance(d, bool))): return False
    if (isinstance(d, (int, float)) and not isinstance(d, bool)) and d <= 0: return False
    return True

def _v98(d: Any) -> bool:
    if not (((isinstance(d, int) and not isinstance(d, bool)) or (isinstance(d, float) and d.is_integer()))): return False
    if (isinstance(d, (int, float)) and not isinstance(d, bool)) and d < 0: return False
    if (isinstance(d, (int, float)) and not isinstance(d, bool)) and d > 1000: return False
    return True

def _v99(d: Any) -> bool:
    if not any(f(d) for f in (_v25, _v17,)): return False
    return True

def _v94(d: Any) -> bool:
    if not (isinstance(d, dict)): return False
    if isinstance(d, dict):
        if 'fabric' in d and not _v3(d['fabric']): return False
        if 'topology' in d and not _v96(d['topology']): return False
        if 'oversubscription' in d and not _v97(d['oversubscription']): return False
        if 'leaf_switches_per_rail' in d and not _v98(d['leaf_switches_per_rail']): return False
        if 'link_speed_gbps' in d and not _v99(d['link_speed_gbps']): return False
    if isinstance(d, dict) and any(True for _ in (k for k in d if k not in _C35)): return False
    if isinstance(d, dict) and any(k not in d for k in _C36): return False
    return True

def _v100(d: Any) -> bool:
    if not (isinstance(d, dict)): return False
    if isinstance(d, dict):
        if 'fabric' in d and not _v3(d['fabric']): return False
        if 'topology' in d and not _v96(d['topology']): return False
        if 'oversubscription' in d and not _v97(d['oversubscription']): return False
        if 'leaf_switches_per_rail' in d and not _v98(d['leaf_switches_per_rail']): return False
        if 'link_speed_gbps' in d and not _v99(d['link_speed_gbps']): return False
    if isinstance(d, dict) and any(True for _ in (k for k in d if k not in _C35)): return False
    if isinstance(d, dict) and any(k not in d for k in _C36): return False
    return True

def _v101(d: Any) -> bool:
    if not (isinstance(d, dict)): return False
    if isinstance(d, dict):
        if 'fabric' in d and not _v3(d['fabric']): return False
        if 'topology' in d and not _v96(d['topology']): return False
        if 'oversubscription' in d and not _v97(d['oversubscription']): return False
        if 'leaf_switches_per_rail' in d and not _v98(d['leaf_switches_per_rail']): return False
        if 'link_speed_gbps' in d and not _v99(d['link_speed_gbps']): return False
    if isinstance(d, dict) and any(True for _ in (k for k in d if k not in _C35)): return False
    if isinstance(d, dict) and any(k not in d for k in _C36): return False
    return True

def _v102(d: Any) -> bool:
    if not (isinstance(d, dict)): return False
    if isinstance(d, dict):
        if 'fabric' in d and not _v3(d['fabric']): return False
        if 'topology' in d and not _v96(d['topology']): return False
        if 'oversubscription' in d and not _v97(d['oversubscription']): return False
        if 'leaf_switches_per_rail' in d and not _v98(d['leaf_switches_per_rail']): return False
        if 'link_speed_gbps' in d and not _v99(d['link_speed_gbps']): return False
    if isinstance(d, dict) and any(True for _ in (k for k in d if k not in _C35)): return False
    if isinstance(d, dict) and any(k not in d for k in _C36): return False
    return True

def _v104(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    return True

def _v105(d: Any) -> bool:
    if not any(f(d) for f in (_v25, _v17,)): return False
    return True

def _v103(d: Any) -> bool:
    if not (isinstance(d, dict)): return False
    if isinstance(d, dict):
        if 'interconnect' in d and not _v104(d['interconnect']): return False
        if 'bandwidth_gb_s' in d and not _v105(d['bandwidth_gb_s']): return False
    if isinstance(d, dict) and any(True for _ in (k for k in d if k not in _C37)): return False
    return True

def _v93(d: Any) -> bool:
    if not (isinstance(d, dict)): return False
    if isinstance(d, dict):
        if 'compute' in d and not _v94(d['compute']): return False
        if 'storage' in d and not _v100(d['storage']): return False
        if 'in_band' in d and not _v101(d['in_band']): return False
        if 'out_of_band' in d and not _v102(d['out_of_band']): return False
        if 'scale_up' in d and not _v103(d['scale_up']): return False
    if isinstance(d, dict) and any(True for _ in (k for k in d if k not in _C38)): return False
    return True

def _v107(d: Any) -> bool:
    if not any(f(d) for f in (_v25, _v17,)): return False
    return True

def _v108(d: Any) -> bool:
    if not any(f(d) for f in (_v25, _v17,)): return False
    return True

def _v109(d: Any) -> bool:
    if not any(f(d) for f in (_v25, _v17,)): return False
    return True

def _v106(d: Any) -> bool:
    if not (isinstance(d, dict)): return False
    if isinstance(d, dict):
        if 'read_gb_s' in d and not _v107(d['read_gb_s']): return False
        if 'write_gb_s' in d and not _v108(d['write_gb_s']): return False
        if 'capacity_tb' in d and not _v109(d['capacity_tb']): return False
    if isinstance(d, dict) and any(True for _ in (k for k in d if k not in _C39)): return False
    return True

def _v111(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if isinstance(d, str) and len(d) > 12: return False
    return True

def _v112(d: Any) -> bool:
    if not ((isinstance(d, (int, float)) and not isinstance(d, bool))): return False
    if (isinstance(d, (int, float)) and not isinstance(d, bool)) and d < 0: return False
    return True

def _v113(d: Any) -> bool:
    if not ((isinstance(d, (int, float)) and not isinstance(d, bool))): return False
    if (isinstance(d, (int, float)) and not isinstance(d, bool)) and d <= 0: return False
    if (isinstance(d, (int, float)) and not isinstance(d, bool)) and d > 100: return False
    return True

def _v114(d: Any) -> bool:
    if not ((isinstance(d, (int, float)) and not isinstance(d, bool))): return False
    if (isinstance(d, (int, float)) and not isinstance(d, bool)) and d < 0: return False
    return True

def _v115(d: Any) -> bool:
    if not ((isinstance(d, (int, float)) and not isinstance(d, bool))): return False
    if (isinstance(d, (int, float)) and not isinstance(d, bool)) and d < 0: return False
    return True

def _v116(d: Any) -> bool:
    if not ((isinstance(d, (int, float)) and not isinstance(d, bool))): return False
    if (isinstance(d, (int, float)) and not isinstance(d, bool)) and d < 0: return False
    return True

def _v117(d: Any) -> bool:
    if not ((isinstance(d, (int, float)) and not isinstance(d, bool))): return False
    if (isinstance(d, (int, float)) and not isinstance(d, bool)) and d <= 0: return False
    if (isinstance(d, (int, float)) and not isinstance(d, bool)) and d > 100: return False
    return True

def _v110(d: Any) -> bool:
    if not (isinstance(d, dict)): return False
    if isinstance(d, dict):
        if 'currency' in d and not _v111(d['currency']): return False
        if 'capex' in d and not _v112(d['capex']): return False
        if 'lifetime_years' in d and not _v113(d['lifetime_years']): return False
        if 'tariff_per_kwh' in d and not _v114(d['tariff_per_kwh']): return False
        if 'grid_g_per_kwh' in d and not _v115(d['grid_g_per_kwh']): return False
        if 'wue_l_per_kwh' in d and not _v116(d['wue_l_per_kwh']): return False
        if 'utilisation_pct' in d and not _v117(d['utilisation_pct']): return False
    if isinstance(d, dict) and any(True for _ in (k for k in d if k not in _C40)): return False
    return True

def _v0(d: Any) -> bool:
    if not (isinstance(d, dict)): return False
    if isinstance(d, dict) and any(True for _ in (k for k in d if k not in _C0)): return False
    if isinstance(d, dict) and any(k not in d for k in _C1): return False
    if isinstance(d, dict):
        if 'plan' in d and not _v3(d['plan']): return False
        if 'title' in d and not _v4(d['title']): return False
        if 'description' in d and not _v7(d['description']): return False
        if 'reference' in d and not _v8(d['reference']): return False
        if 'facility' in d and not _v9(d['facility']): return False
        if 'racks' in d and not _v44(d['racks']): return False
        if 'spares' in d and not _v71(d['spares']): return False
        if 'workload' in d and not _v73(d['workload']): return False
        if 'network' in d and not _v93(d['network']): return False
        if 'storage' in d and not _v106(d['storage']): return False
        if 'costs' in d and not _v110(d['costs']): return False
    return True

valid = _v0
