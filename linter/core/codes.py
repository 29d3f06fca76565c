"""What a code is: one frozen value per check refarch reports, whatever job reports it.

Lint rules, validation checks (VAL), release consistency checks (REL) and the review's change
checks are all ``Code`` values with a page (what it checks, why, example, how to fix). The
registry that gathers them is :mod:`linter.lint.registry`.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass


@dataclass(frozen=True)
class Code:
    """One code: ``PWR001`` / ``rack-power-over-budget``, its family and its page."""

    code: str
    name: str
    family: str
    severity: str  # error | warning | info; a change check's level: breaking | warning | info
    ignorable: bool  # whether a suppression comment may silence it
    page: str  # Markdown: a title line, then What it checks / Why / Example / How to fix

    @property
    def how_to_fix(self) -> str:
        """The page's "How to fix" section, on one line ("" when it has none)."""
        _, found, rest = self.page.partition("## How to fix\n")
        return " ".join(rest.split("\n## ", 1)[0].split()) if found else ""

    @property
    def summary(self) -> str:
        """The first paragraph of the page, on one line."""
        para = inspect.cleandoc(self.page).split("\n\n", 1)[0]
        return " ".join(para.lstrip("# ").split())


def page(title: str, what: str, why: str, example: str, fix: str) -> str:
    """A page in the fixed headings every code's page has."""
    return (
        f"{title}\n\n## What it checks\n\n{what}\n\n## Why\n\n{why}\n\n"
        f"## Example\n\n{example}\n\n## How to fix\n\n{fix}\n"
    )
