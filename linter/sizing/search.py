"""The batch search: how many sequences one replica serves within the targets, and why not
one more."""

from __future__ import annotations

import math
from dataclasses import dataclass

from linter.sizing.perf import OperatingPoint, Replica
from linter.sizing.workload import Workload


@dataclass(frozen=True)
class Fit:
    """One tensor-parallel size that serves the workload."""

    tp: int
    capacity: int
    best: int  # most sequences per replica meeting every target
    limit: str  # what stops one more sequence: kv-cache | bandwidth | compute
    replicas: int
    op: OperatingPoint


def meets(op: OperatingPoint, w: Workload) -> bool:
    return op.tokens_per_s_per_user >= w.tokens_per_s and op.ttft_s * 1000 <= w.ttft_ms


def most_sequences(replica: Replica, capacity: int, w: Workload) -> int:
    """Largest batch in [1, capacity] meeting the targets (latency grows with batch), or 0."""
    return replica.most_sequences(capacity, lambda op: meets(op, w))


def limit(replica: Replica, best: int, capacity: int, w: Workload) -> str:
    """What stops one more sequence per replica: kv-cache, bandwidth or compute."""
    if best >= capacity:
        return "kv-cache"
    nxt = replica.operate(best + 1)
    if nxt.ttft_s * 1000 > w.ttft_ms and nxt.tokens_per_s_per_user >= w.tokens_per_s:
        return "compute"  # prefill (and its queue) is compute bound
    return nxt.bound


def fit(replica: Replica, tp: int, capacity: int, w: Workload) -> Fit | None:
    """How ``replica`` (tensor parallel ``tp``) serves every user, or None if it cannot."""
    best = most_sequences(replica, capacity, w)
    if not best:
        return None
    replicas = math.ceil(w.users / best)
    op = replica.operate(math.ceil(w.users / replicas))
    return Fit(tp, capacity, best, limit(replica, best, capacity, w), replicas, op)
