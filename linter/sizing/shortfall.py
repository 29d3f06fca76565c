"""An answer re-counted for the measured error of the set behind it.

Where an efficiency set's held-out measurements include throughputs, the largest
over-estimate among them (estimate / published - 1, the answer's own model's where the set
holds some of it, else the whole set's) says how far a replica's real throughput has fallen
short of the model's. Serving the same users at that shortfall takes (1 + over-estimate)
times the replicas; this module counts the GPUs, systems, racks and power that makes, from
the answer alone. It is a planning bound beside the estimate, not a second model: latency
errors are left to the printed bands, and a set without held-out throughputs gives none.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from typing import Any

from linter.sizing.result import SizingResult, systems_for

THROUGHPUT = "output_tokens_per_s"


@dataclass(frozen=True)
class Shortfall:
    over_pct: float  # the largest held-out throughput over-estimate, percent
    basis: str  # whose measurements: "<model> alone" or the efficiency set's id
    replicas: int
    gpus: int
    systems: int
    racks: int
    it_kw: float
    facility_kw: float

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @property
    def heading(self) -> str:
        return (
            f"covering the largest held-out throughput over-estimate (+{self.over_pct:.0f} %, "
            f"{self.basis})"
        )

    @property
    def counts(self) -> str:
        """``28 replicas, 224 GPUs, 28 systems, 7 racks, 285.6 kW IT, 439.8 kW facility``."""
        return (
            f"{_count(self.replicas, 'replica')}, {_count(self.gpus, 'GPU')}, "
            f"{_count(self.systems, 'system')}, {_count(self.racks, 'rack')}, "
            f"{self.it_kw:,.1f} kW IT, {self.facility_kw:,.1f} kW facility"
        )

    def text(self) -> str:
        """The line printed under the answer's error bands."""
        return f"  {self.heading}: {self.counts}\n"


def compare_text(rows: list[tuple[str, Shortfall]]) -> str:
    """The re-count of each compared system (one set, one model: one heading)."""
    if not rows:
        return ""
    width = max(len(sid) for sid, _ in rows)
    lines = [f"  {rows[0][1].heading}:"]
    lines += [f"    {sid:<{width}}  {short.counts}" for sid, short in rows]
    return "\n".join(lines) + "\n"


def _count(n: int, word: str) -> str:
    """``1 rack``, ``1,024 GPUs``."""
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def largest_over_estimate(err: dict[str, Any], model: str) -> tuple[float, str] | None:
    """The largest held-out throughput over-estimate in ``err`` (``model_error``'s record),
    as a fraction, and whose it is: the model's own points where the set holds some, else the
    set's. None where the set has no held-out throughput or never over-estimates one."""
    own = [b for b in err.get("by_model", {}).get(model, []) if b["metric"] == THROUGHPUT]
    everyone = [
        b for b in err.get("bands", []) if b["split"] == "holdout" and b["metric"] == THROUGHPUT
    ]
    bands, basis = (own, f"{model} alone") if own else (everyone, str(err["efficiency"]))
    highest = [b["highest_error_pct"] for b in bands if b["highest_error_pct"] is not None]
    if not highest or max(highest) <= 0:
        return None
    return max(highest) / 100.0, basis


def recount(r: SizingResult, over: float, basis: str) -> Shortfall:
    """``r`` with (1 + ``over``) times its replicas, counted as the answer counts them."""
    replicas = math.ceil(round(r.replicas * (1.0 + over), 9))
    gpus_per_system = r.gpus_installed // r.systems
    systems = systems_for(replicas, r.tensor_parallel, gpus_per_system)
    it_kw = systems * r.it_kw / r.systems
    return Shortfall(
        over_pct=round(over * 100, 1),
        basis=basis,
        replicas=replicas,
        gpus=replicas * r.tensor_parallel,
        systems=systems,
        racks=math.ceil(systems / r.systems_per_rack),
        it_kw=round(it_kw, 3),
        facility_kw=round(it_kw * r.pue, 3),
    )


def at_measured_error(r: SizingResult, err: dict[str, Any], model: str) -> Shortfall | None:
    """The answer re-counted at its set's largest held-out throughput over-estimate, if any."""
    found = largest_over_estimate(err, model)
    return recount(r, *found) if found else None
