"""Output formats for `refarch lint`, by name. Each reporter turns a LintResult into text."""

from __future__ import annotations

from collections.abc import Callable

from linter.engine import LintResult
from linter.reporters import github, gitlab, json_report, junit, sarif, text

Reporter = Callable[[LintResult, bool], str]

REPORTER_BY_NAME: dict[str, Reporter] = {
    "text": text.render,
    "json": json_report.render,
    "sarif": sarif.render,
    "junit": junit.render,
    "github": github.render,
    "gitlab": gitlab.render,
}
