"""Words and numbers for messages, written one way everywhere."""

from __future__ import annotations

import difflib
import math
from collections.abc import Iterable


def fmt(x: float, digits: int = 2) -> str:
    """A number for messages: rounded, without trailing zeros (``40.8``, ``56.77``, ``4``)."""
    r = round(x, digits)
    if not math.isfinite(r):  # a limit of 1e-308 kW leaves "infinite" headroom, not a crash
        return str(r)
    if abs(r) >= 1e15:  # 1e308 as 1e+308, not 309 digits
        return f"{r:.6g}"
    if r == int(r):
        return str(int(r))
    return f"{r:.{digits}f}".rstrip("0").rstrip(".")


def plural(n: int, word: str) -> str:
    """``1 error``, ``3 errors``."""
    return f"{n} {word}{'' if n == 1 else 's'}"


def close_matches(token: str, candidates: Iterable[str], cutoff: float = 0.5) -> list[str]:
    """Up to three candidates close to ``token``, closest first."""
    return difflib.get_close_matches(token, list(candidates), n=3, cutoff=cutoff)


def did_you_mean(
    token: str, candidates: Iterable[str], *, cutoff: float = 0.5, otherwise: str = ""
) -> str:
    """`` (did you mean a, b?)`` for the candidates close to ``token``, else ``otherwise``."""
    near = close_matches(token, candidates, cutoff)
    return f" (did you mean {', '.join(near)}?)" if near else otherwise
