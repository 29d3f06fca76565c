"""GitLab code quality report (a JSON array of issues, fingerprinted by logical key)."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from linter.lint.result import LintResult

SEVERITY = {"error": "major", "warning": "minor", "info": "info"}
# Errors of these rule families break a physical limit (a breaker, a feed, the heat a rack can
# shed): GitLab's highest level, so they sort above the rest of a merge request's findings.
PHYSICAL = ("PWR", "CLG")


def severity(rule: str, level: str) -> str:
    """GitLab's severity for a finding: ``critical`` for a power or cooling error."""
    if level == "error" and rule.startswith(PHYSICAL):
        return "critical"
    return SEVERITY.get(level, "info")


def render(result: LintResult, color: bool = False) -> str:
    issues: list[dict[str, Any]] = []
    seen: dict[str, int] = {}
    for f in result.findings:
        base = f"{f.file}\0{f.key}"
        n = seen.get(base, 0)
        seen[base] = n + 1
        fingerprint = hashlib.sha256(f"{base}\0{n}".encode()).hexdigest()
        description = f"{f.rule} [{f.name}] {f.message}"
        if f.fix:
            description += f" (fix: {f.fix})"
        issues.append(
            {
                "type": "issue",
                "check_name": f.name,
                "description": description,
                "categories": ["Bug Risk"],
                "severity": severity(f.rule, f.severity),
                "fingerprint": fingerprint,
                "location": {
                    "path": f.file,
                    "lines": {"begin": f.line, "end": max(f.end_line, f.line)},
                },
            }
        )
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"
