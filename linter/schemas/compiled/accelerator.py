"""accelerator.schema.json, compiled by `python -m linter.schemas.compiler`: do not edit."""
# ruff: noqa

from __future__ import annotations

import re
from typing import Any

SOURCES = {'accelerator.schema.json': 'd94045f375a9a1022431a32715c00d7d-7181', 'common.schema.json': '6b6c365e5bfe53883893e404d5357cb6-5381'}


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
_C1: Any = 'accelerator'
_C2: Any = ['announced', 'sampling', 'shipping', 'end-of-sale', 'withdrawn', 'cancelled', 'available', 'superseded', 'end-of-life']
_C3: Any = frozenset(['date', 'note', 'source'])
_C4: Any = ['date', 'source']
_C5: Any = re.compile('^[0-9]{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?$')
_C6: Any = frozenset([])
_C7: Any = re.compile('^https?://')
_C8: Any = re.compile('^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$')
_C9: Any = frozenset(['note', 'retrieved', 'title', 'url'])
_C10: Any = ['title', 'retrieved']
_C11: Any = ['hopper', 'blackwell', 'blackwell-ultra', 'ada', 'cdna3', 'cdna4', 'cdna5', 'rubin', 'gaudi3']
_C12: Any = ['sxm', 'pcie', 'superchip', 'oam', 'mezzanine']
_C13: Any = ['air', 'direct-liquid']
_C14: Any = frozenset(['default', 'derived', 'note', 'range', 'source', 'sources', 'value'])
_C15: Any = ['value', 'source']
_C16: Any = ['range', 'default', 'sources']
_C17: Any = ['value', 'derived']
_C18: Any = frozenset(['bf16_dense_tflops', 'bf16_sparse_tflops', 'cooling', 'form_factor', 'fp16_dense_tflops', 'fp4_dense_tflops', 'fp4_sparse_tflops', 'fp8_dense_tflops', 'fp8_sparse_tflops', 'generation', 'id', 'int8_dense_tops', 'int8_sparse_tops', 'kind', 'memory_bandwidth_tb_s', 'memory_gb', 'memory_type', 'name', 'notes', 'pcie_gen', 'scale_up_bandwidth_gb_s', 'scale_up_interconnect', 'sources', 'status', 'status_since', 'summary', 'tdp_w', 'vendor'])
_C19: Any = ['id', 'kind', 'name', 'vendor', 'status', 'summary', 'sources', 'generation', 'form_factor', 'memory_gb']


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

def _v28(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if not any(_equal(e, d) for e in _C11): return False
    return True

def _v29(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if not any(_equal(e, d) for e in _C12): return False
    return True

def _v31(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if not any(_equal(e, d) for e in _C13): return False
    return True

def _v30(d: Any) -> bool:
    if not (isinstance(d, list)): return False
    if isinstance(d, list) and not all(_v31(x) for x in d): return False
    if isinstance(d, list) and len(d) < 1: return False
    if isinstance(d, list) and not _unique(d): return False
    return True

def _v32(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    return True

def _v33(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    return True

def _v34(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    return True

def _v38(d: Any) -> bool:
    if not ((isinstance(d, (int, float)) and not isinstance(d, bool))): return False
    return True

def _v39(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if isinstance(d, str) and not _C0.search(d): return False
    return True

def _v41(d: Any) -> bool:
    if not ((isinstance(d, (int, float)) and not isinstance(d, bool))): return False
    return True

def _v40(d: Any) -> bool:
    if not (isinstance(d, list)): return False
    if isinstance(d, list) and not all(_v41(x) for x in d): return False
    if isinstance(d, list) and len(d) < 2: return False
    if isinstance(d, list) and len(d) > 2: return False
    return True

def _v42(d: Any) -> bool:
    if not ((isinstance(d, (int, float)) and not isinstance(d, bool))): return False
    return True

def _v44(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if isinstance(d, str) and not _C0.search(d): return False
    return True

def _v43(d: Any) -> bool:
    if not (isinstance(d, list)): return False
    if isinstance(d, list) and not all(_v44(x) for x in d): return False
    if isinstance(d, list) and len(d) < 1: return False
    return True

def _v45(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if isinstance(d, str) and len(d) < 1: return False
    if isinstance(d, str) and len(d) > 300: return False
    return True

def _v46(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if isinstance(d, str) and len(d) > 1000: return False
    return True

def _v47(d: Any) -> bool:
    if isinstance(d, dict) and any(k not in d for k in _C15): return False
    return True

def _v48(d: Any) -> bool:
    if isinstance(d, dict) and any(k not in d for k in _C16): return False
    return True

def _v49(d: Any) -> bool:
    if isinstance(d, dict) and any(k not in d for k in _C17): return False
    return True

def _v37(d: Any) -> bool:
    if not (isinstance(d, dict)): return False
    if isinstance(d, dict):
        if 'value' in d and not _v38(d['value']): return False
        if 'source' in d and not _v39(d['source']): return False
        if 'range' in d and not _v40(d['range']): return False
        if 'default' in d and not _v42(d['default']): return False
        if 'sources' in d and not _v43(d['sources']): return False
        if 'derived' in d and not _v45(d['derived']): return False
        if 'note' in d and not _v46(d['note']): return False
    if isinstance(d, dict) and any(True for _ in (k for k in d if k not in _C14)): return False
    if not any(f(d) for f in (_v47, _v48, _v49,)): return False
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
        if 'generation' in d and not _v28(d['generation']): return False
        if 'form_factor' in d and not _v29(d['form_factor']): return False
        if 'cooling' in d and not _v30(d['cooling']): return False
        if 'memory_type' in d and not _v32(d['memory_type']): return False
        if 'scale_up_interconnect' in d and not _v33(d['scale_up_interconnect']): return False
        if 'pcie_gen' in d and not _v34(d['pcie_gen']): return False
        if 'tdp_w' in d and not _v37(d['tdp_w']): return False
        if 'memory_gb' in d and not _v37(d['memory_gb']): return False
        if 'memory_bandwidth_tb_s' in d and not _v37(d['memory_bandwidth_tb_s']): return False
        if 'bf16_dense_tflops' in d and not _v37(d['bf16_dense_tflops']): return False
        if 'bf16_sparse_tflops' in d and not _v37(d['bf16_sparse_tflops']): return False
        if 'fp16_dense_tflops' in d and not _v37(d['fp16_dense_tflops']): return False
        if 'fp8_dense_tflops' in d and not _v37(d['fp8_dense_tflops']): return False
        if 'fp8_sparse_tflops' in d and not _v37(d['fp8_sparse_tflops']): return False
        if 'fp4_dense_tflops' in d and not _v37(d['fp4_dense_tflops']): return False
        if 'fp4_sparse_tflops' in d and not _v37(d['fp4_sparse_tflops']): return False
        if 'int8_dense_tops' in d and not _v37(d['int8_dense_tops']): return False
        if 'int8_sparse_tops' in d and not _v37(d['int8_sparse_tops']): return False
        if 'scale_up_bandwidth_gb_s' in d and not _v37(d['scale_up_bandwidth_gb_s']): return False
    if isinstance(d, dict) and any(True for _ in (k for k in d if k not in _C18)): return False
    if isinstance(d, dict) and any(k not in d for k in _C19): return False
    return True

valid = _v0
