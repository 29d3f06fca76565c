"""What a rule is and what it is given: the ``Rule`` protocol and the ``RuleContext``.

See ``linter/lint/rules/__init__.py`` for how to write and register a rule.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from linter.core.findings import Finding, Related, at
from linter.core.resources import kb_file_location
from linter.core.text import fmt
from linter.core.yamlio import Document, PathT
from linter.kb.model import Architecture, Located, Standard
from linter.kb.store import KnowledgeBase
from linter.lint.plan import Plan

if TYPE_CHECKING:
    from linter.lint.facts import Facts
    from linter.lint.suppress import Suppression


class Rule(Protocol):
    """A rule module: metadata constants, a docstring that is its page, and ``check``."""

    CODE: str  # PWR001
    NAME: str  # rack-power-over-budget
    DEFAULT_SEVERITY: str  # error | warning | info
    IGNORABLE: bool  # False for hard physical limits: suppressing them is itself a finding
    __doc__: str | None

    def check(self, ctx: RuleContext) -> Iterator[Finding]: ...


@dataclass(frozen=True)
class RuleContext:
    """Everything a rule may read; rules never write to it.

    ``doc`` is the loaded plan (positions), ``data`` its unit-normalised data and ``plan`` a
    typed view of it (rack groups, effective cooling and PDUs). ``arch`` is the pinned
    architecture entry, or None when the KB does not have it. ``facts`` holds what several
    rules read (rack loads ``ctx.facts.load(group)``, the sizing ``ctx.facts.sizing``),
    computed once per plan. ``margin_pct`` is the planning
    margin from the config. ``rule`` is the rule being run (the engine binds it), so
    ``ctx.finding(...)`` knows the code, name and default severity.
    """

    doc: Document
    plan: Plan
    kb: KnowledgeBase
    arch: Architecture | None
    facts: Facts
    margin_pct: float = 10.0
    margin_k: float = 2.0  # the planning margin of temperature limits, kelvin
    rule: Rule | None = None
    suppressions: tuple[Suppression, ...] = field(default=())

    def bind(self, rule: Rule) -> RuleContext:
        """This context with ``rule`` bound: ``dataclasses.replace`` without its per-call
        field processing, which the engine would pay once per rule and plan."""
        bound = object.__new__(RuleContext)
        bound.__dict__.update(self.__dict__, rule=rule)
        return bound

    @property
    def data(self) -> dict[str, Any]:
        return self.doc.data if isinstance(self.doc.data, dict) else {}

    @property
    def version(self) -> str:
        """The pinned architecture version (``2026.11``)."""
        return self.plan.version

    # --- limits and where they come from ----------------------------------------------
    def standard(self, id_: str) -> Standard | None:
        return self.kb.standard(id_)

    def source(self, entry: Located, *keys: str | int) -> str:
        """``dgx-superpod-h100@2026.11 facility.rack_kw_max`` / ``electrical continuous_...``."""
        dotted = ".".join(str(k) for k in keys)
        if isinstance(entry, Architecture):
            return f"{entry.ref} {dotted}"
        if entry.kind == "standard":
            return f"standard {entry.id} {dotted}"
        return f"{entry.kind} {entry.id} {dotted}"

    def related(self, entry: Located, *keys: str | int, message: str = "") -> Related:
        """Where a KB figure is written: file (:func:`kb_file_location`), line and column from
        the KB document's spans."""
        s = entry.doc.span(tuple(keys))
        file = kb_file_location(self.kb.root, entry.path)
        return Related(file, s.line, s.column, message or self.source(entry, *keys))

    def grade(self, value: float, limit: float) -> str | None:
        """Severity of ``value`` against an upper ``limit``: error above it, warning within the
        planning margin below it, None when there is room."""
        if value > limit + 1e-9:
            return "error"
        if value > limit * (1 - self.margin_pct / 100) + 1e-9:
            return "warning"
        return None

    def grade_min(self, value: float, floor: float) -> str | None:
        """Severity of ``value`` against a lower bound: error below it, warning within margin."""
        if value < floor - 1e-9:
            return "error"
        if value < floor * (1 + self.margin_pct / 100) - 1e-9:
            return "warning"
        return None

    def grade_k(self, value: float, limit: float) -> str | None:
        """Severity of a temperature ``value`` against a maximum ``limit`` (both °C): error
        above it, warning within the kelvin margin below it, None when there is room."""
        if value > limit + 1e-9:
            return "error"
        if value > limit - self.margin_k + 1e-9:
            return "warning"
        return None

    def grade_k_min(self, value: float, floor: float) -> str | None:
        """Severity of a temperature ``value`` against a minimum ``floor`` (both °C)."""
        if value < floor - 1e-9:
            return "error"
        if value < floor + self.margin_k - 1e-9:
            return "warning"
        return None

    def standing_k(self, value: float, limit: float, over: str = "above") -> tuple[str, str]:
        """Like :meth:`standing` for a temperature: ``within 2 K of`` rather than a percent."""
        if value > limit:
            return over, ">"
        return f"within {fmt(self.margin_k)} K of", "<="

    def standing(self, value: float, limit: float, over: str = "over") -> tuple[str, str]:
        """How a ``value`` graded against an upper ``limit`` stands, for the message and the
        arithmetic: (``over`` or ``within M % of``, ``>`` or ``<=``)."""
        if value > limit:
            return over, ">"
        return f"within {fmt(self.margin_pct)} % of", "<="

    # --- findings -----------------------------------------------------------------------
    def over_limit(
        self,
        path: PathT,
        subject: str,
        *,
        used: float,
        limit: float,
        unit: str,
        limit_name: str,
        the_limit: str,
        sum_expr: str,
        limit_source: str,
        fix_over: str,
        fix_within_extra: str = "",
        severity: str,
        key: str,
        tail: str = "",
        related: tuple[Related, ...] = (),
    ) -> Finding:
        """The standard finding of a value over (or within the margin of) an upper limit:

        message ``{subject}, over|within M % of {the_limit}{tail}``, arithmetic
        ``{sum_expr} >|<= {limit} {unit} {limit_name}``, and a fix that is ``fix_over`` when
        over, else raising the limit to keep the planning margin (plus ``fix_within_extra``).
        """
        over = used > limit
        word, relation = self.standing(used, limit)
        keep = used / (1 - self.margin_pct / 100)
        fix = (
            fix_over
            if over
            else f"raise the {limit_name} to at least {fmt(keep)} {unit} to keep a "
            f"{fmt(self.margin_pct)} % margin{fix_within_extra}"
        )
        return self.finding(
            path,
            f"{subject}, {word} {the_limit}{tail}",
            severity=severity,
            limit=f"{fmt(limit)} {unit}",
            limit_source=limit_source,
            arithmetic=f"{sum_expr} {relation} {fmt(limit)} {unit} {limit_name}",
            fix=fix,
            key=key,
            related=related,
        )

    def key(self, *parts: str | int) -> str:
        """A logical baseline key: rule, plan id and a logical path (rack id, field)."""
        code = self.rule.CODE if self.rule is not None else "?"
        return ":".join([code, self.plan.id, *(str(p) for p in parts)])

    def finding(
        self,
        path: PathT,
        message: str,
        *,
        severity: str | None = None,
        on_key: bool = False,
        limit: str = "",
        limit_source: str = "",
        arithmetic: str = "",
        fix: str = "",
        key: str = "",
        related: tuple[Related, ...] = (),
    ) -> Finding:
        """A finding of the bound rule at ``path`` in the plan (severity defaults to the
        rule's; the engine applies config overrides afterwards)."""
        rule = self.rule
        if rule is None:
            raise RuntimeError("RuleContext.finding needs a bound rule")
        return at(
            self.doc,
            path,
            rule.CODE,
            rule.NAME,
            message,
            severity=severity or rule.DEFAULT_SEVERITY,
            on_key=on_key,
            limit=limit,
            limit_source=limit_source,
            arithmetic=arithmetic,
            fix=fix,
            key=key or self.key(*(str(p) for p in path)),
            related=related,
        )

    def finding_at(
        self,
        line: int,
        column: int,
        end_column: int,
        message: str,
        *,
        fix: str = "",
        key: str = "",
        severity: str | None = None,
    ) -> Finding:
        """A finding at a text position that is not a YAML node (a suppression comment)."""
        rule = self.rule
        if rule is None:
            raise RuntimeError("RuleContext.finding_at needs a bound rule")
        return Finding(
            file=self.doc.path,
            line=line,
            column=column,
            end_line=line,
            end_column=end_column,
            path="$",
            rule=rule.CODE,
            name=rule.NAME,
            severity=severity or rule.DEFAULT_SEVERITY,
            message=message,
            fix=fix,
            key=key or self.key("line", line),
        )
