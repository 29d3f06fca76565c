"""efficiency.schema.json, compiled by `python -m linter.schemas.compiler`: do not edit."""
# ruff: noqa

from __future__ import annotations

import re
from typing import Any

SOURCES = {'common.schema.json': '6b6c365e5bfe53883893e404d5357cb6-5381', 'efficiency.schema.json': 'f8c746395ac56456718f8aa6d950ca2c-12686'}


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

_C0: Any = frozenset(['allreduce_bandwidth_pct', 'allreduce_latency_us', 'calibration', 'decode_bandwidth_pct', 'flops_pct', 'generation', 'id', 'kind', 'layer_overhead_us', 'memory_usable_pct', 'moe_flops_pct', 'name', 'notes', 'request_overhead_ms', 'roofline_exponent', 'sequence_overhead_us', 'sources', 'stack', 'step_overhead_ms', 'summary'])
_C1: Any = ['id', 'kind', 'name', 'generation', 'stack', 'summary', 'sources', 'memory_usable_pct', 'decode_bandwidth_pct', 'flops_pct', 'calibration']
_C2: Any = re.compile('^[a-z0-9]+(?:[-.][a-z0-9]+)*$')
_C3: Any = 'efficiency'
_C4: Any = re.compile('^[a-z0-9]+(?:-[a-z0-9]+)*$')
_C5: Any = frozenset([])
_C6: Any = re.compile('^https?://')
_C7: Any = re.compile('^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$')
_C8: Any = frozenset(['note', 'retrieved', 'title', 'url'])
_C9: Any = ['title', 'retrieved']
_C10: Any = frozenset(['default', 'derived', 'note', 'range', 'source', 'sources', 'value'])
_C11: Any = ['value', 'source']
_C12: Any = ['range', 'default', 'sources']
_C13: Any = ['value', 'derived']
_C14: Any = frozenset(['accelerator', 'attention_data_parallel', 'concurrency', 'gpus', 'id', 'input_tokens', 'metric', 'model', 'note', 'output_tokens', 'output_tokens_cv', 'precision', 'published', 'slo', 'software', 'source', 'split', 'statistic', 'tensor_parallel'])
_C15: Any = ['id', 'source', 'model', 'precision', 'accelerator', 'tensor_parallel', 'input_tokens', 'output_tokens', 'metric', 'published']
_C16: Any = ['bf16', 'fp16', 'fp8', 'int8', 'fp4', 'mxfp4', 'int4']
_C17: Any = frozenset(['itl_ms', 'ttft_ms', 'ttft_statistic'])
_C18: Any = ['ttft_ms', 'ttft_statistic', 'itl_ms']
_C19: Any = ['mean', 'median', 'p90', 'p99']
_C20: Any = ['ttft_ms', 'itl_ms', 'output_tokens_per_s']
_C21: Any = ['fit', 'holdout']
_C22: Any = ['mean', 'median', 'p90', 'p99', 'not-stated']
_C23: Any = ['concurrency', 'slo']


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
    if isinstance(d, str) and len(d) < 2: return False
    if isinstance(d, str) and len(d) > 200: return False
    return True

def _v6(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if isinstance(d, str) and not _C4.search(d): return False
    return True

def _v7(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if isinstance(d, str) and not _C4.search(d): return False
    return True

def _v10(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if isinstance(d, str) and len(d) > 4000: return False
    return True

def _v14(d: Any) -> bool:
    if isinstance(d, str) and not _C2.search(d): return False
    return True

def _v17(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if isinstance(d, str) and len(d) < 3: return False
    if isinstance(d, str) and len(d) > 400: return False
    return True

def _v18(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if isinstance(d, str) and not _C6.search(d): return False
    if isinstance(d, str) and len(d) > 800: return False
    return True

def _v21(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if isinstance(d, str) and not _C7.search(d): return False
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
    if isinstance(d, dict) and any(True for _ in (k for k in d if k not in _C8)): return False
    if isinstance(d, dict) and any(k not in d for k in _C9): return False
    return True

def _v13(d: Any) -> bool:
    if not (isinstance(d, dict)): return False
    if isinstance(d, dict) and not all(_v14(k) for k in d): return False
    if isinstance(d, dict) and not all(_v16(d[k]) for k in (k for k in d if k not in _C5)): return False
    if isinstance(d, dict) and len(d) < 1: return False
    return True

def _v27(d: Any) -> bool:
    if not ((isinstance(d, (int, float)) and not isinstance(d, bool))): return False
    return True

def _v28(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if isinstance(d, str) and not _C2.search(d): return False
    return True

def _v30(d: Any) -> bool:
    if not ((isinstance(d, (int, float)) and not isinstance(d, bool))): return False
    return True

def _v29(d: Any) -> bool:
    if not (isinstance(d, list)): return False
    if isinstance(d, list) and not all(_v30(x) for x in d): return False
    if isinstance(d, list) and len(d) < 2: return False
    if isinstance(d, list) and len(d) > 2: return False
    return True

def _v31(d: Any) -> bool:
    if not ((isinstance(d, (int, float)) and not isinstance(d, bool))): return False
    return True

def _v33(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if isinstance(d, str) and not _C2.search(d): return False
    return True

def _v32(d: Any) -> bool:
    if not (isinstance(d, list)): return False
    if isinstance(d, list) and not all(_v33(x) for x in d): return False
    if isinstance(d, list) and len(d) < 1: return False
    return True

def _v34(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if isinstance(d, str) and len(d) < 1: return False
    if isinstance(d, str) and len(d) > 300: return False
    return True

def _v35(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if isinstance(d, str) and len(d) > 1000: return False
    return True

def _v36(d: Any) -> bool:
    if isinstance(d, dict) and any(k not in d for k in _C11): return False
    return True

def _v37(d: Any) -> bool:
    if isinstance(d, dict) and any(k not in d for k in _C12): return False
    return True

def _v38(d: Any) -> bool:
    if isinstance(d, dict) and any(k not in d for k in _C13): return False
    return True

def _v26(d: Any) -> bool:
    if not (isinstance(d, dict)): return False
    if isinstance(d, dict):
        if 'value' in d and not _v27(d['value']): return False
        if 'source' in d and not _v28(d['source']): return False
        if 'range' in d and not _v29(d['range']): return False
        if 'default' in d and not _v31(d['default']): return False
        if 'sources' in d and not _v32(d['sources']): return False
        if 'derived' in d and not _v34(d['derived']): return False
        if 'note' in d and not _v35(d['note']): return False
    if isinstance(d, dict) and any(True for _ in (k for k in d if k not in _C10)): return False
    if not any(f(d) for f in (_v36, _v37, _v38,)): return False
    return True

def _v52(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if isinstance(d, str) and not _C2.search(d): return False
    return True

def _v54(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if not any(_equal(e, d) for e in _C16): return False
    return True

def _v56(d: Any) -> bool:
    if not (((isinstance(d, int) and not isinstance(d, bool)) or (isinstance(d, float) and d.is_integer()))): return False
    if (isinstance(d, (int, float)) and not isinstance(d, bool)) and d < 1: return False
    if (isinstance(d, (int, float)) and not isinstance(d, bool)) and d > 1024: return False
    return True

def _v57(d: Any) -> bool:
    if not (((isinstance(d, int) and not isinstance(d, bool)) or (isinstance(d, float) and d.is_integer()))): return False
    if (isinstance(d, (int, float)) and not isinstance(d, bool)) and d < 1: return False
    if (isinstance(d, (int, float)) and not isinstance(d, bool)) and d > 1000000: return False
    return True

def _v58(d: Any) -> bool:
    if not (isinstance(d, bool)): return False
    return True

def _v59(d: Any) -> bool:
    if not (((isinstance(d, int) and not isinstance(d, bool)) or (isinstance(d, float) and d.is_integer()))): return False
    if (isinstance(d, (int, float)) and not isinstance(d, bool)) and d < 1: return False
    if (isinstance(d, (int, float)) and not isinstance(d, bool)) and d > 10000000: return False
    return True

def _v60(d: Any) -> bool:
    if not (((isinstance(d, int) and not isinstance(d, bool)) or (isinstance(d, float) and d.is_integer()))): return False
    if (isinstance(d, (int, float)) and not isinstance(d, bool)) and d < 1: return False
    if (isinstance(d, (int, float)) and not isinstance(d, bool)) and d > 10000000: return False
    return True

def _v61(d: Any) -> bool:
    if not ((isinstance(d, (int, float)) and not isinstance(d, bool))): return False
    if (isinstance(d, (int, float)) and not isinstance(d, bool)) and d < 0: return False
    if (isinstance(d, (int, float)) and not isinstance(d, bool)) and d > 10: return False
    return True

def _v62(d: Any) -> bool:
    if not (((isinstance(d, int) and not isinstance(d, bool)) or (isinstance(d, float) and d.is_integer()))): return False
    if (isinstance(d, (int, float)) and not isinstance(d, bool)) and d < 1: return False
    if (isinstance(d, (int, float)) and not isinstance(d, bool)) and d > 1000000: return False
    return True

def _v64(d: Any) -> bool:
    if not ((isinstance(d, (int, float)) and not isinstance(d, bool))): return False
    if (isinstance(d, (int, float)) and not isinstance(d, bool)) and d <= 0: return False
    if (isinstance(d, (int, float)) and not isinstance(d, bool)) and d > 10000000: return False
    return True

def _v65(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if not any(_equal(e, d) for e in _C19): return False
    return True

def _v66(d: Any) -> bool:
    if not ((isinstance(d, (int, float)) and not isinstance(d, bool))): return False
    if (isinstance(d, (int, float)) and not isinstance(d, bool)) and d <= 0: return False
    if (isinstance(d, (int, float)) and not isinstance(d, bool)) and d > 10000000: return False
    return True

def _v63(d: Any) -> bool:
    if not (isinstance(d, dict)): return False
    if isinstance(d, dict) and any(True for _ in (k for k in d if k not in _C17)): return False
    if isinstance(d, dict) and any(k not in d for k in _C18): return False
    if isinstance(d, dict):
        if 'ttft_ms' in d and not _v64(d['ttft_ms']): return False
        if 'ttft_statistic' in d and not _v65(d['ttft_statistic']): return False
        if 'itl_ms' in d and not _v66(d['itl_ms']): return False
    return True

def _v67(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if not any(_equal(e, d) for e in _C20): return False
    return True

def _v69(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if not any(_equal(e, d) for e in _C21): return False
    return True

def _v70(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if isinstance(d, str) and len(d) > 200: return False
    return True

def _v71(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if not any(_equal(e, d) for e in _C22): return False
    return True

def _v72(d: Any) -> bool:
    if not (isinstance(d, str)): return False
    if isinstance(d, str) and len(d) > 1000: return False
    return True

def _v73(d: Any) -> bool:
    if isinstance(d, dict) and any(k not in d for k in _C23): return False
    return True

def _v50(d: Any) -> bool:
    if not (isinstance(d, dict)): return False
    if isinstance(d, dict) and any(True for _ in (k for k in d if k not in _C14)): return False
    if isinstance(d, dict) and any(k not in d for k in _C15): return False
    if isinstance(d, dict):
        if 'id' in d and not _v3(d['id']): return False
        if 'source' in d and not _v52(d['source']): return False
        if 'model' in d and not _v3(d['model']): return False
        if 'precision' in d and not _v54(d['precision']): return False
        if 'accelerator' in d and not _v3(d['accelerator']): return False
        if 'tensor_parallel' in d and not _v56(d['tensor_parallel']): return False
        if 'gpus' in d and not _v57(d['gpus']): return False
        if 'attention_data_parallel' in d and not _v58(d['attention_data_parallel']): return False
        if 'input_tokens' in d and not _v59(d['input_tokens']): return False
        if 'output_tokens' in d and not _v60(d['output_tokens']): return False
        if 'output_tokens_cv' in d and not _v61(d['output_tokens_cv']): return False
        if 'concurrency' in d and not _v62(d['concurrency']): return False
        if 'slo' in d and not _v63(d['slo']): return False
        if 'metric' in d and not _v67(d['metric']): return False
        if 'published' in d and not _v26(d['published']): return False
        if 'split' in d and not _v69(d['split']): return False
        if 'software' in d and not _v70(d['software']): return False
        if 'statistic' in d and not _v71(d['statistic']): return False
        if 'note' in d and not _v72(d['note']): return False
    if _v73(d): return False
    return True

def _v49(d: Any) -> bool:
    if not (isinstance(d, list)): return False
    if isinstance(d, list) and len(d) < 1: return False
    if isinstance(d, list) and not all(_v50(x) for x in d): return False
    return True

def _v0(d: Any) -> bool:
    if not (isinstance(d, dict)): return False
    if isinstance(d, dict) and any(True for _ in (k for k in d if k not in _C0)): return False
    if isinstance(d, dict) and any(k not in d for k in _C1): return False
    if isinstance(d, dict):
        if 'id' in d and not _v3(d['id']): return False
        if 'kind' in d and not _v4(d['kind']): return False
        if 'name' in d and not _v5(d['name']): return False
        if 'generation' in d and not _v6(d['generation']): return False
        if 'stack' in d and not _v7(d['stack']): return False
        if 'summary' in d and not _v10(d['summary']): return False
        if 'sources' in d and not _v13(d['sources']): return False
        if 'notes' in d and not _v10(d['notes']): return False
        if 'memory_usable_pct' in d and not _v26(d['memory_usable_pct']): return False
        if 'decode_bandwidth_pct' in d and not _v26(d['decode_bandwidth_pct']): return False
        if 'flops_pct' in d and not _v26(d['flops_pct']): return False
        if 'step_overhead_ms' in d and not _v26(d['step_overhead_ms']): return False
        if 'layer_overhead_us' in d and not _v26(d['layer_overhead_us']): return False
        if 'moe_flops_pct' in d and not _v26(d['moe_flops_pct']): return False
        if 'request_overhead_ms' in d and not _v26(d['request_overhead_ms']): return False
        if 'sequence_overhead_us' in d and not _v26(d['sequence_overhead_us']): return False
        if 'allreduce_latency_us' in d and not _v26(d['allreduce_latency_us']): return False
        if 'allreduce_bandwidth_pct' in d and not _v26(d['allreduce_bandwidth_pct']): return False
        if 'roofline_exponent' in d and not _v26(d['roofline_exponent']): return False
        if 'calibration' in d and not _v49(d['calibration']): return False
    return True

valid = _v0
