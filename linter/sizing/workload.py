"""What a sizing is asked for: the workload and the options of the answer."""

from __future__ import annotations

from dataclasses import dataclass

from linter.sizing.calibration import DEFAULT_STACK


@dataclass(frozen=True)
class Workload:
    model: str
    precision: str
    users: int
    input_tokens: int
    output_tokens: int
    ttft_ms: float
    tokens_per_s: float  # per user
    kv_precision: str | None = None
    ttft_percentile: float | None = 99.0  # the TTFT target's percentile; None: the mean
    output_tokens_cv: float = 0.0  # spread of the output lengths, sd / mean (0: all equal)


@dataclass(frozen=True)
class Options:
    stack: str = DEFAULT_STACK
    pue: float | None = None
    architecture: str | None = None
    tensor_parallel: int | None = None
