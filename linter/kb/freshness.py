"""Calibration freshness: how long ago each efficiency set's published measurements were
last checked, and on which software.

Serving stacks gain speed release by release, so factors fitted to last year's measurements
under-state what today's software does. A set's calibration date is the newest retrieval
date of the sources its calibration points cite (when someone last looked the measurements
up); a set is stale when that date is older than the age allowed (``--calibration-max-age``,
default :data:`DEFAULT_MAX_AGE_DAYS`). ``refarch stats`` and ``refarch review`` report it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from linter.kb.model.catalog import Efficiency
from linter.kb.store import KnowledgeBase

DEFAULT_MAX_AGE_DAYS = 180


@dataclass(frozen=True)
class Freshness:
    id: str
    path: str
    calibrated: str  # YYYY-MM-DD, "" when no point's source has a retrieval date
    age_days: int | None
    points: int
    software: tuple[str, ...]  # each software version the points were measured on, once
    stale: bool

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "path": self.path,
            "calibrated": self.calibrated or None,
            "age_days": self.age_days,
            "points": self.points,
            "software": list(self.software),
            "stale": self.stale,
        }

    def describe(self) -> str:
        when = (
            f"calibrated {self.calibrated} ({self.age_days} days ago)"
            if self.calibrated
            else ("no calibration date")
        )
        return f"{self.id}: {when}, {self.points} points"


def freshness(entry: Efficiency, today: dt.date, max_age_days: int) -> Freshness:
    dates = {s.id: s.retrieved for s in entry.sources if s.retrieved}
    cited = [dates[p.source] for p in entry.calibration if p.source in dates]
    newest = max(cited, default="")
    age = None
    if newest:
        try:
            age = max(0, (today - dt.date.fromisoformat(newest)).days)
        except ValueError:
            age = None
    software = tuple(dict.fromkeys(p.software for p in entry.calibration if p.software))
    return Freshness(
        id=entry.id,
        path=str(entry.path),
        calibrated=newest,
        age_days=age,
        points=len(entry.calibration),
        software=software,
        stale=age is None or age > max_age_days,
    )


def calibration_freshness(
    kb: KnowledgeBase, today: dt.date, max_age_days: int = DEFAULT_MAX_AGE_DAYS
) -> list[Freshness]:
    """Every efficiency set's freshness, in id order."""
    return [freshness(e, today, max_age_days) for e in kb.efficiencies()]
