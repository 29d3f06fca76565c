"""The one registry of codes: lint rules, validation (VAL), release consistency (REL) and the
review's change checks, each a :class:`linter.core.codes.Code` with its page.

It serves configuration and suppressions (:func:`resolve`), ``refarch rules`` and ``refarch
explain``, the SARIF reporter's rule table and the site's rule pages. Lint rules are declared
in ``linter/lint/rules/`` (their docstrings are their pages), VAL and REL codes in
``linter/kb/checks.py`` and change checks in ``linter/kb/change_checks.py``.
"""

from __future__ import annotations

import inspect
import re
from functools import cache

from linter.core.codes import Code
from linter.kb.change_checks import CHECKS as CHANGE_CHECKS
from linter.kb.change_checks import code_of
from linter.kb.checks import RELEASE, VALIDATION
from linter.lint.rules import RULES, Rule

# Families in the order `refarch rules` lists them, by code prefix for the lint rules.
FAMILIES: dict[str, str] = {
    "validation": "Validation (refarch validate, and lint before its rules)",
    "power": "Power",
    "cooling": "Cooling",
    "conformance": "Conformance to the reference architecture",
    "best-practice": "Best practices of the architecture",
    "density": "Rack density",
    "fragile-point": "Fragile points (single points of failure)",
    "lifecycle": "Lifecycle (what can be bought)",
    "recovery": "Recovery",
    "sizing": "Sizing",
    "dcim": "DCIM cross-checks (refarch import)",
    "suppression": "Suppression comments",
    "release": "Release consistency (refarch review)",
    "change": "Change checks (refarch review)",
}
_PREFIX = {
    "PWR": "power",
    "CLG": "cooling",
    "ARC": "conformance",
    "BPR": "best-practice",
    "DEN": "density",
    "FRG": "fragile-point",
    "LIF": "lifecycle",
    "RCV": "recovery",
    "SIZ": "sizing",
    "DCM": "dcim",
    "SUP": "suppression",
}
# Codes a lint run can report, so configuration and suppressions may name them.
LINT_FAMILIES = frozenset(FAMILIES) - {"release", "change"}


# The test markers in a rule's example (``# expect: PWR001 9:16``): tests/test_lint_docs.py
# reads them from the docstring; readers of the page, `refarch explain` and SARIF do not.
_EXPECT = re.compile(r"^[ \t]*# expect: .*\n", re.M)


def rule_code(rule: Rule) -> Code:
    """A lint rule as a registry code: its page is its module docstring without the test
    markers of its example."""
    return Code(
        rule.CODE,
        rule.NAME,
        _PREFIX[rule.CODE[:3]],
        rule.DEFAULT_SEVERITY,
        rule.IGNORABLE,
        _EXPECT.sub("", inspect.cleandoc(rule.__doc__ or "")),
    )


@cache
def codes() -> tuple[Code, ...]:
    """Every code, by family in ``FAMILIES`` order, then by code."""
    everything = [
        *VALIDATION,
        *(rule_code(r) for r in RULES),
        *RELEASE,
        *(code_of(c) for c in CHANGE_CHECKS),
    ]
    order = list(FAMILIES)
    return tuple(sorted(everything, key=lambda c: (order.index(c.family), c.code)))


@cache
def _by_token() -> dict[str, Code]:
    out: dict[str, Code] = {}
    for c in codes():
        out[c.code] = out[c.name] = c
    return out


def lookup(token: str) -> Code | None:
    """A code by code (``PWR001``, any case) or name (``rack-power-over-budget``)."""
    table = _by_token()
    return table.get(token) or table.get(token.upper())


def resolve(token: str) -> str | None:
    """The code a lint configuration or suppression comment means by ``token``, or None."""
    found = lookup(token)
    return found.code if found is not None and found.family in LINT_FAMILIES else None


def lint_tokens() -> list[str]:
    """Every code and name a lint configuration may name (for "did you mean")."""
    return [t for c in codes() if c.family in LINT_FAMILIES for t in (c.code, c.name)]
