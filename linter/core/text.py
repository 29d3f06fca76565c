"""Words and numbers for messages, written one way everywhere."""

from __future__ import annotations

import difflib
import math
import re
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


# What a terminal or a log viewer would act on rather than show: C0 and C1 controls and DEL
# (ESC sequences, CR, BEL, backspace), Unicode line and paragraph separators, bidirectional
# embeddings, overrides and isolates (U+202E turns text round), lone surrogates (bytes a file
# name could not decode) and the noncharacters U+FFFE and U+FFFF that XML 1.0 cannot hold.
_CONTROLS = (
    "\x00-\x08\x0b-\x1f\x7f-\x9f"  # C0 but tab and newline, DEL, C1
    "\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069"  # separators and bidirectional controls
    "\ud800-\udfff\ufffe\uffff"
)
_UNSAFE = re.compile(f"[{_CONTROLS}]")
_UNSAFE_LINE = re.compile(f"[{_CONTROLS}\t\n]")


def _escaped(m: re.Match[str]) -> str:
    return f"\\u{ord(m.group()):04x}"


def escape_controls(text: str) -> str:
    """``text`` with every control, bidirectional override and unpaired surrogate written as
    ``\\uXXXX``; newlines and tabs stay. The escape is JSON's own, so a JSON document passed
    through stays valid and means the same."""
    return _UNSAFE.sub(_escaped, text)


def one_line(text: str) -> str:
    """``text`` escaped for a one-line field (a file name, a message): newlines and tabs too,
    so nothing can forge a line of its own."""
    return _UNSAFE_LINE.sub(_escaped, text)


def unsafe_character(text: str) -> str | None:
    """The first character :func:`escape_controls` would escape, or None."""
    m = _UNSAFE.search(text)
    return m.group() if m else None
