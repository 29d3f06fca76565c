"""Findings, per-file summaries and errors as one JSON document."""

from __future__ import annotations

import json
from typing import Any

from linter import __version__
from linter.lint.result import LintResult


def _file(r: Any) -> dict[str, Any]:
    return {
        "file": r.path,
        "plan": r.plan_id or None,
        "skipped": r.skipped or None,
        "findings": len(r.findings),
        "suppressed": len(r.suppressed),
        "baselined": len(r.baselined),
        "hot_spot": None
        if r.hot_spot is None
        else {
            "resource": r.hot_spot.resource,
            "used": round(r.hot_spot.used, 6),
            "limit": round(r.hot_spot.limit, 6),
            "unit": r.hot_spot.unit,
            "headroom_pct": round(r.hot_spot.pct, 3),
        },
        "goodput": None if r.goodput is None else r.goodput.to_dict(),
        "energy": [line.to_dict() for line in r.energy],
    }


def render(result: LintResult, color: bool = False) -> str:
    doc = {
        "tool": "refarch",
        "version": __version__,
        "kb": result.kb,
        "fail_on": result.config.fail_on,
        "exit_code": result.exit_code,
        "findings": [f.to_dict() for f in result.findings],
        "files": [_file(r) for r in result.files],
        "errors": [
            {
                "file": e.location.file if e.location else "",
                "line": e.location.line if e.location else 0,
                "column": e.location.column if e.location else 0,
                "message": e.message,
            }
            for e in result.errors
        ],
    }
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
