"""What the goodput rules (RCV002-RCV004) cite: the published-run figures of
``standards/reliability.yaml`` (``llama3_run``). A rule only gets here when
:func:`linter.lint.goodput.of` found a rate, so the standard exists."""

from __future__ import annotations

from linter.core.findings import Related
from linter.kb.model.standard import Standard
from linter.lint import goodput
from linter.lint.rules.base import RuleContext

RUN = "llama3_run"


def _standard(ctx: RuleContext) -> Standard:
    std = ctx.standard(goodput.STANDARD)
    assert std is not None, "goodput.of found a rate without standards/reliability.yaml"
    return std


def source(ctx: RuleContext, key: str) -> str:
    return ctx.source(_standard(ctx), RUN, key)


def related(ctx: RuleContext, *keys: str) -> tuple[Related, ...]:
    std = _standard(ctx)
    return tuple(ctx.related(std, RUN, k) for k in keys)
