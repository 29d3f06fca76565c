"""What a lint run produces: a report per file and the result of the run, read by reporters."""

from __future__ import annotations

from dataclasses import dataclass, field

from linter.core.errors import InputError
from linter.core.findings import Finding
from linter.lint import goodput, headroom
from linter.lint.config import Config
from linter.lint.cost import Line


@dataclass
class FileReport:
    """The outcome of linting one file."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    suppressed: list[Finding] = field(default_factory=list)
    baselined: list[Finding] = field(default_factory=list)
    plan_id: str = ""
    skipped: str = ""  # why the file was not linted (not a plan)
    hot_spot: headroom.Headroom | None = None
    goodput: goodput.Outlook | None = None  # a training plan's, when it gives what it needs
    # A year of energy (and its cost where the plan gives a tariff): refarch cost's lines.
    energy: list[Line] = field(default_factory=list)
    seconds: float = 0.0  # wall time to load and lint the file (the JUnit time attribute)
    source: dict[int, str] = field(default_factory=dict)  # line -> text, lines with findings


@dataclass
class LintResult:
    files: list[FileReport]
    errors: list[InputError]
    config: Config
    kb: dict[str, str | None] | None = None  # which knowledge base was read (path, release)

    @property
    def findings(self) -> list[Finding]:
        return sorted((f for r in self.files for f in r.findings), key=Finding.sort_key)

    @property
    def failing(self) -> list[Finding]:
        return [f for f in self.findings if self.config.fails(f.severity)]

    @property
    def exit_code(self) -> int:
        if self.errors:
            return 2
        return 1 if self.failing else 0
