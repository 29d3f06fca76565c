"""Baselines: adopt the findings a plan has today, fail only on new ones.

A baseline is a JSON file listing finding keys. A key is the rule, the plan id and a logical
path (``PWR001:hall-b:racks:r01``), never a line number, so editing a plan above a known
finding does not resurrect it. Each entry absorbs one finding with its key.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable

from linter.core.errors import InputError, Location
from linter.core.findings import Finding
from linter.core.yamlio import read_text

FORMAT = "refarch-baseline"
VERSION = 1


def dumps(findings: Iterable[Finding]) -> str:
    """A baseline file for ``findings`` (sorted, stable across runs)."""
    entries = sorted(
        ({"key": f.key, "rule": f.rule, "file": f.file, "message": f.message} for f in findings),
        key=lambda e: (e["key"], e["file"], e["message"]),
    )
    return (
        json.dumps(
            {"format": FORMAT, "version": VERSION, "findings": entries},
            indent=2,
            ensure_ascii=False,
        )
        + "\n"
    )


def load(path: str) -> Counter[str]:
    """The finding keys in a baseline file (raises InputError when it is not one)."""
    text = read_text(path)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"baseline is not valid JSON: {exc.msg}", Location(path, exc.lineno, exc.colno)
        ) from None
    except RecursionError:
        raise InputError("nested too deeply for a refarch baseline", Location(path)) from None
    except ValueError:  # an integer of thousands of digits
        raise InputError("a number too long for a refarch baseline", Location(path)) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise InputError(f'not a refarch baseline (expected "format": "{FORMAT}")', Location(path))
    if data.get("version") != VERSION:
        raise InputError(f"unsupported baseline version {data.get('version')!r}", Location(path))
    entries = data.get("findings")
    if not isinstance(entries, list) or not all(
        isinstance(e, dict) and isinstance(e.get("key"), str) for e in entries
    ):
        raise InputError('"findings" must be a list of {key, ...} objects', Location(path))
    return Counter(e["key"] for e in entries)


def apply(findings: list[Finding], keys: Counter[str]) -> tuple[list[Finding], list[Finding]]:
    """Split into (new, baselined); ``keys`` is consumed."""
    new: list[Finding] = []
    known: list[Finding] = []
    for f in findings:
        if keys[f.key] > 0:
            keys[f.key] -= 1
            known.append(f)
        else:
            new.append(f)
    return new, known
