"""The PUE to assume when a plan or a sizing states none: the latest survey average in
``standards/pue.yaml``. Read by sizing and by the lint summary's energy line, so it lives with
the KB rather than with either (linting a plan imports no sizing code)."""

from __future__ import annotations

from linter.kb.specs import SizingInputError
from linter.kb.store import KnowledgeBase


def default_pue(kb: KnowledgeBase) -> tuple[float, str]:
    """The latest survey average in standards/pue.yaml, with where it comes from."""
    std = kb.standard("pue")
    if std is None:
        raise SizingInputError("the knowledge base has no standards/pue.yaml: pass --pue")
    rows = [r for r in std.rows("averages") if r.id.isdigit()]
    if not rows:
        raise SizingInputError("standards/pue.yaml lists no averages: pass --pue")
    row = max(rows, key=lambda r: int(r.id))
    value = row.figure("pue").value
    if value is None:
        raise SizingInputError("standards/pue.yaml: latest average has no value", std.location())
    return value, f"pue.averages[{row.at[1]}] (survey average {row.id})"
