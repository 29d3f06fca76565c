"""How far the serving model is from published measurements, in sample and out of sample.

Each efficiency set's factors are fitted to its ``split: fit`` points and checked against its
``split: holdout`` points, which the fit never sees (split by source or by workload). A band is
the median and the worst absolute relative error of one metric on one split. The targets are
the product's, for out-of-sample errors: latency within 25 %, throughput within 30 %.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from linter.kb.model import Efficiency
from linter.kb.store import KnowledgeBase
from linter.sizing.calibration import SPLITS, Check, evaluate

METRICS = ("ttft_ms", "itl_ms", "output_tokens_per_s")
METRIC_NAMES = {"ttft_ms": "TTFT", "itl_ms": "ITL", "output_tokens_per_s": "throughput"}
# Out-of-sample target of each metric: latency within 25 %, throughput within 30 %.
TARGET = {"ttft_ms": 0.25, "itl_ms": 0.25, "output_tokens_per_s": 0.30}


@dataclass(frozen=True)
class Band:
    """The error of one metric on one split of one efficiency set."""

    split: str  # fit | holdout
    metric: str
    n: int
    median: float  # median |estimate / published - 1|
    worst: float  # the signed error of largest magnitude
    highest: float  # the largest signed error (an over-estimate when positive)

    @property
    def meets_target(self) -> bool:
        return abs(self.worst) <= TARGET[self.metric] + 1e-12

    def text(self) -> str:
        """``TTFT median 12 %, worst -41 % (n=24)``."""
        return (
            f"{METRIC_NAMES[self.metric]} median {self.median * 100:.0f} %, "
            f"worst {self.worst * 100:+.0f} % (n={self.n})"
        )


@dataclass(frozen=True)
class SetAccuracy:
    id: str
    checks: tuple[Check, ...]
    bands: tuple[Band, ...]

    def band(self, split: str, metric: str) -> Band | None:
        return next((b for b in self.bands if b.split == split and b.metric == metric), None)

    def split_bands(self, split: str) -> tuple[Band, ...]:
        return tuple(b for b in self.bands if b.split == split)

    @property
    def misses(self) -> tuple[Band, ...]:
        """The out-of-sample bands outside their target."""
        return tuple(b for b in self.split_bands("holdout") if not b.meets_target)


def bands(checks: list[Check]) -> tuple[Band, ...]:
    out = []
    for split in SPLITS:
        for metric in METRICS:
            errors = [
                c.error for c in checks if c.point.split == split and c.point.metric == metric
            ]
            if errors:
                out.append(
                    Band(
                        split=split,
                        metric=metric,
                        n=len(errors),
                        median=statistics.median(abs(e) for e in errors),
                        worst=max(errors, key=abs),
                        highest=max(errors),
                    )
                )
    return tuple(out)


def by_model(checks: Sequence[Check], split: str = "holdout") -> list[tuple[str, Band]]:
    """The bands of one split, model by model: an aggregate band hides that a set can be close
    on the models it was fitted to and far on another."""
    mine = [c for c in checks if c.point.split == split]
    return [
        (model, b)
        for model in sorted({c.point.model for c in mine})
        for b in bands([c for c in mine if c.point.model == model])
    ]


def of_set(kb: KnowledgeBase, entry: Efficiency) -> SetAccuracy:
    checks = evaluate(kb, entry)
    return SetAccuracy(entry.id, tuple(checks), bands(checks))


def of_kb(kb: KnowledgeBase) -> list[SetAccuracy]:
    return [of_set(kb, e) for e in kb.efficiencies()]
