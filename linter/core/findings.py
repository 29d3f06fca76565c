"""A finding: one small frozen value that knows where it points and what it means."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from typing import Any

from linter.core.yamlio import Document, PathT, json_path

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


@dataclass(frozen=True)
class Related:
    """Where the limit behind a finding is written (an architecture or standard file)."""

    file: str
    line: int
    column: int
    message: str


@dataclass(frozen=True)
class Finding:
    file: str
    line: int
    column: int
    end_line: int
    end_column: int
    path: str
    rule: str
    name: str
    severity: str
    message: str
    limit: str = ""
    limit_source: str = ""
    arithmetic: str = ""
    fix: str = ""
    key: str = ""
    related: tuple[Related, ...] = field(default=())

    def with_severity(self, severity: str) -> Finding:
        return replace(self, severity=severity)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["related"] = [asdict(r) for r in self.related]
        return d

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.file, self.line, self.column, self.rule, self.message)


def at(
    doc: Document,
    path: PathT,
    rule: str,
    name: str,
    message: str,
    *,
    severity: str = "error",
    on_key: bool = False,
    **extra: Any,
) -> Finding:
    """A finding positioned at the node (or its key) at ``path`` in ``doc``."""
    s = doc.key_span(path) if on_key else doc.span(path)
    return Finding(
        file=doc.path,
        line=s.line,
        column=s.column,
        end_line=s.end_line,
        end_column=s.end_column,
        path=json_path(path),
        rule=rule,
        name=name,
        severity=severity,
        message=message,
        **extra,
    )
