"""SARIF 2.1.0 for code-scanning dashboards.

Each result carries ``partialFingerprints`` (from the finding's logical key, so it survives
edits that move lines), a ``helpUri`` to the rule's page on the site, and a
``relatedLocation`` for every KB figure behind the limit (the architecture, catalog or standard
file and line).
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any
from urllib.parse import quote

from linter import __version__
from linter.core.findings import Finding
from linter.core.resources import SITE_URL
from linter.lint.registry import codes
from linter.lint.result import LintResult

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def help_uri(name: str) -> str:
    """The rule's page on the documentation site."""
    return f"{SITE_URL}rules/{name}/"


def artifact_uri(path: str) -> str:
    """A URL as it is (a KB file on the site), a relative URI for files under the working
    directory, else an absolute file URI."""
    if path.startswith(("https://", "http://")):
        return path
    absolute = Path(os.path.abspath(path))
    try:
        rel = absolute.relative_to(Path.cwd())
        return quote(rel.as_posix())
    except ValueError:
        return absolute.as_uri()


def _descriptors() -> list[dict[str, Any]]:
    """Every code a lint or review finding can carry: validation first, then the lint rules by
    code, then release consistency; each with its page and the page's address on the site."""
    found = [c for c in codes() if c.family != "change"]
    order = {"validation": 0, "release": 2}
    found.sort(key=lambda c: (order.get(c.family, 1), c.code))
    return [
        {
            "id": c.code,
            "name": c.name,
            "shortDescription": {"text": c.summary},
            "help": {"text": c.page.strip(), "markdown": c.page.strip()},
            "helpUri": help_uri(c.name),
            "defaultConfiguration": {"level": LEVEL[c.severity]},
            "properties": {"ignorable": c.ignorable},
        }
        for c in found
    ]


def _result(f: Finding, index: dict[str, int]) -> dict[str, Any]:
    message = f.message
    if f.arithmetic:
        message += f" ({f.arithmetic})"
    if f.fix:
        message += f". Fix: {f.fix}"
    res: dict[str, Any] = {
        "ruleId": f.rule,
        "ruleIndex": index[f.rule],
        "level": LEVEL.get(f.severity, "note"),
        "message": {"text": message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": artifact_uri(f.file)},
                    "region": {
                        "startLine": f.line,
                        "startColumn": f.column,
                        "endLine": max(f.end_line, f.line),
                        "endColumn": f.end_column
                        if f.end_line > f.line
                        else max(f.end_column, f.column),
                    },
                },
                "logicalLocations": [{"fullyQualifiedName": f.path, "kind": "member"}],
            }
        ],
        "partialFingerprints": {
            "refarchKey/v1": hashlib.sha256(f.key.encode()).hexdigest()[:32],
        },
        "properties": {
            "severity": f.severity,
            "jsonPath": f.path,
            "key": f.key,
            "limit": f.limit,
            "limitSource": f.limit_source,
            "arithmetic": f.arithmetic,
            "fix": f.fix,
        },
    }
    if f.related:
        res["relatedLocations"] = [
            {
                "id": i,
                "message": {"text": r.message},
                "physicalLocation": {
                    "artifactLocation": {"uri": artifact_uri(r.file)},
                    "region": {"startLine": max(r.line, 1), "startColumn": max(r.column, 1)},
                },
            }
            for i, r in enumerate(f.related)
        ]
    return res


def render(result: LintResult, color: bool = False) -> str:
    rules = _descriptors()
    index = {r["id"]: i for i, r in enumerate(rules)}
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "refarch",
                "version": __version__,
                "informationUri": SITE_URL,
                "rules": rules,
            }
        },
        "invocations": [
            {
                "executionSuccessful": not result.errors,
                "toolExecutionNotifications": [
                    {
                        "level": "error",
                        "message": {"text": e.message},
                        **(
                            {
                                "locations": [
                                    {
                                        "physicalLocation": {
                                            "artifactLocation": {
                                                "uri": artifact_uri(e.location.file)
                                            }
                                        }
                                    }
                                ]
                            }
                            if e.location
                            else {}
                        ),
                    }
                    for e in result.errors
                ],
            }
        ],
        "results": [_result(f, index) for f in result.findings],
    }
    if result.kb is not None:  # which knowledge base the plans were checked against
        run["properties"] = {"kb": result.kb}
    doc = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
