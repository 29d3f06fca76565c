"""Output formats for `refarch lint`, by name. Each reporter turns a LintResult into text.

A reporter's module is imported when it renders, so a run pays only for its own format
(JUnit's XML and GitLab's hashing stay off the text path).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from linter.lint.result import LintResult

Reporter = Callable[["LintResult", bool], str]


def _lazy(module: str) -> Reporter:
    def render(result: LintResult, color: bool) -> str:
        return str(importlib.import_module(f"linter.lint.reporters.{module}").render(result, color))

    render.__qualname__ = render.__name__ = f"{module}.render"
    return render


REPORTER_BY_NAME: dict[str, Reporter] = {
    "text": _lazy("text"),
    "json": _lazy("json_report"),
    "sarif": _lazy("sarif"),
    "junit": _lazy("junit"),
    "github": _lazy("github"),
    "gitlab": _lazy("gitlab"),
}
