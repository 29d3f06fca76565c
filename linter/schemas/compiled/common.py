"""common.schema.json, compiled by `python -m linter.schemas.compiler`: do not edit."""
# ruff: noqa

from __future__ import annotations

import re
from typing import Any

SOURCES = {'common.schema.json': '6b6c365e5bfe53883893e404d5357cb6-5381'}


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



def _v0(d: Any) -> bool:
    return True

valid = _v0
