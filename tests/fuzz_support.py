"""Shared pieces of the hypothesis property tests (tests/test_fuzz_*.py).

The number of examples of every property scales with ``REFARCH_FUZZ_FACTOR`` (default 1):
``REFARCH_FUZZ_FACTOR=50 pytest tests/test_fuzz_*.py`` is the long run. Examples are random
(not derandomized): hypothesis prints the failing example and how to reproduce it.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any, TypeVar

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from linter.core.errors import RefarchError

FACTOR = float(os.environ.get("REFARCH_FUZZ_FACTOR", "1"))
F = TypeVar("F", bound=Callable[..., Any])


def examples(n: int) -> Callable[[F], F]:
    """Hypothesis settings for ``n`` examples (times the factor), with no time limit."""
    return settings(  # type: ignore[return-value]
        max_examples=max(1, int(n * FACTOR)),
        deadline=None,
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.filter_too_much,
            HealthCheck.function_scoped_fixture,
        ],
    )


OWN_ERRORS = (RefarchError,)

# Numbers where arithmetic breaks: zero, signs, extremes, NaN and infinities, huge integers.
EDGE_NUMBERS = [0, -0.0, 1, -1, 0.5, 1e-308, 5e-324, 1e308, -1e308, 2**53 + 1, 2**63,
                10**30, float("nan"), float("inf"), float("-inf"), 999_999, 1_000_000,
                1_000_001]  # fmt: skip
numbers = st.one_of(
    st.sampled_from(EDGE_NUMBERS),
    st.integers(min_value=-(10**6), max_value=10**6),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.floats(min_value=0, max_value=1000),
)
UNITS = ["kW", "W", "MW", "kVA", "°C", "°F", "K", "C", "GB/s", "Gb/s", "TB", "ms", "s", "min",
         "%", "A", "V", "U", "furlongs", "", "kW kW", "k W", "BTU/h", "\u212b"]  # fmt: skip
quantities = st.builds(
    lambda n, sep, u: f"{n}{sep}{u}",
    st.one_of(numbers, st.text("0123456789.eE+-", min_size=1, max_size=12)),
    st.sampled_from(["", " ", "  ", "\t"]),
    st.sampled_from(UNITS),
)
YAML_WORDS = ["no", "off", "y", "yes", "on", "0755", "0o17", "0x1F", "1:20", "1_000", ".nan",
              "-.inf", "~", "null", "2026-11-26", "2026.11", "@", "*", "&", "!", "|", "%",
              "refarch: ignore[PWR001]", "# refarch: ignore[PWR001] reason=\"x\"", "{{ 7*7 }}",
              "<script>", "'", '"', "\\", "-p", "--output=x", "../../etc/passwd"]  # fmt: skip
texts = st.one_of(st.sampled_from(YAML_WORDS), st.text(max_size=40))
scalars = st.one_of(st.none(), st.booleans(), numbers, texts, quantities)


def values(keys: st.SearchStrategy[str]) -> st.SearchStrategy[Any]:
    return st.recursive(
        scalars,
        lambda inner: st.one_of(
            st.lists(inner, max_size=4), st.dictionaries(keys, inner, max_size=4)
        ),
        max_leaves=12,
    )


def paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path into a JSON-like value (the root included)."""
    out = [prefix]
    if isinstance(data, dict):
        for k, v in data.items():
            out += paths(v, (*prefix, k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            out += paths(v, (*prefix, i))
    return out


def mutate(draw: Callable[..., Any], data: Any, new_values: st.SearchStrategy[Any],
           keys: st.SearchStrategy[str], times: int) -> Any:  # fmt: skip
    """Apply ``times`` random edits (replace, delete, add a key, append) to a copy of data."""
    import copy

    data = copy.deepcopy(data)
    for _ in range(times):
        path = draw(st.sampled_from(paths(data)))
        if not path:
            if isinstance(data, dict):
                data[draw(keys)] = draw(new_values)
            continue
        parent: Any = data
        for part in path[:-1]:
            parent = parent[part]
        last = path[-1]
        action = draw(st.sampled_from(["replace", "replace", "replace", "delete", "add"]))
        if action == "replace":
            parent[last] = draw(new_values)
        elif action == "delete":
            del parent[last]
        elif isinstance(parent[last], dict):
            parent[last][draw(keys)] = draw(new_values)
        elif isinstance(parent[last], list):
            parent[last].append(draw(new_values))
        else:
            parent[last] = draw(new_values)
    return data


# Characters a terminal acts on: C0 and C1 controls, DEL, separators, bidirectional controls.
TERMINAL_CONTROLS = [chr(c) for c in [*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0)]]
TERMINAL_CONTROLS += ["\u061c", "\u200e", "\u200f", "\u2028", "\u2029"]
TERMINAL_CONTROLS += [chr(c) for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]]
# Text with at least one of them, among ordinary characters and escape-sequence pieces.
hostile_texts = (
    st.lists(
        st.one_of(
            st.sampled_from(TERMINAL_CONTROLS),
            st.sampled_from(["[2J", "]0;title", "[31m", "\\", "%", ":", ",", " "]),
            st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\x00/"), max_size=5),
        ),
        min_size=1,
        max_size=12,
    )
    .map("".join)
    .filter(lambda s: any(c in s for c in TERMINAL_CONTROLS))
)
