"""Property tests over the command line, in-process: whatever the arguments, `refarch` exits
0, 1 or 2 and never prints an internal error or a traceback."""

from __future__ import annotations

import io
import math
from typing import Any

import pytest
from conftest import FROZEN_KB
from fuzz_support import examples, numbers, texts
from hypothesis import given
from hypothesis import strategies as st

from linter.cli import IO, main
from linter.kb.store import KnowledgeBase

KB = KnowledgeBase.open(FROZEN_KB)
MODELS, SYSTEMS = KB.ids("model"), KB.ids("system")


@pytest.fixture(autouse=True)
def _no_parse_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REFARCH_NO_CACHE", "1")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("REFARCH_KB", str(FROZEN_KB))


def run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(argv, IO(out, err))
    return code, out.getvalue(), err.getvalue()


def arg(x: Any) -> str:
    if isinstance(x, float) and not math.isfinite(x):
        return str(x)  # "nan", "inf": argparse's float() takes them
    return str(x)


def check(argv: list[str]) -> None:
    code, out, err = run(argv)
    assert code in (0, 1, 2), (argv, code)
    assert "internal error" not in err and "Traceback" not in err, (argv, err)
    if code == 2:  # the reason is on stderr, or in the JSON report asked for
        said = err.startswith(("refarch: error: ", "usage:")) or '"errors": [' in out
        assert said, (argv, out, err)


ids = st.one_of(st.sampled_from(MODELS + SYSTEMS), texts)


# Mostly plausible values, so most examples reach the sizing engine; the rest are anything.
def mostly(valid: st.SearchStrategy[Any], other: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    # one_of() would merge repeated strategies: pick 11 to 1 by a drawn number instead.
    return st.integers(0, 11).flatmap(lambda i: other if i == 11 else valid)


counts = mostly(st.integers(1, 100_000), st.one_of(numbers, st.integers()))
targets = mostly(st.floats(1, 10_000), numbers)


@examples(250)
@given(
    model=mostly(st.sampled_from(MODELS), texts),
    system=mostly(st.sampled_from(SYSTEMS), texts),
    precision=mostly(st.sampled_from(["fp8", "fp16", "bf16", "fp4", "int4"]), texts),
    users=counts, tin=counts, tout=counts, ttft=targets, speed=targets,
    pue=mostly(st.none(), numbers), tp=mostly(st.none(), counts),
    json=st.booleans(),
)  # fmt: skip
def test_size_with_any_numbers(
    model: str, system: str, precision: str, users: Any, tin: Any, tout: Any, ttft: Any,
    speed: Any, pue: Any, tp: Any, json: bool,
) -> None:  # fmt: skip
    argv = ["size", "--model", model, "--precision", precision, "--system", system,
            "--users", arg(users), "--input-tokens", arg(tin), "--output-tokens", arg(tout),
            "--ttft-ms", arg(ttft), "--tokens-per-s", arg(speed)]  # fmt: skip
    if pue is not None:
        argv += ["--pue", arg(pue)]
    if tp is not None:
        argv += ["--tensor-parallel", arg(tp)]
    if json:
        argv.append("--json")
    check(argv)


@examples(60)
@given(systems=st.lists(ids, min_size=1, max_size=4), users=st.integers(1, 10**8))
def test_size_compare_any_systems(systems: list[str], users: int) -> None:
    check(["size", "--model", "llama-3.3-70b", "--precision", "fp8", "--compare",
           ",".join(systems), "--users", str(users), "--input-tokens", "2000",
           "--output-tokens", "500", "--ttft-ms", "1000", "--tokens-per-s", "20"])  # fmt: skip


@examples(120)
@given(
    command=st.sampled_from(["show", "explain", "stats", "rules", "validate", "lint", "history"]),
    words=st.lists(st.one_of(texts, st.sampled_from(["--json", "--as-of", "--", "-p",
                                                     "--format", "json", "--output=x"])),
                   max_size=3),
)  # fmt: skip
def test_other_commands_with_any_words(command: str, words: list[str], tmp_path: Any) -> None:
    if command in ("validate", "lint", "history") and not any(w.startswith("-") for w in words):
        words = [str(tmp_path / (w.replace("/", "_").replace("\x00", "") or "x")) for w in words]
    if any("--output" in w for w in words):
        return  # lint would write the report beside the test: covered by the corpus
    check([command, *words])
