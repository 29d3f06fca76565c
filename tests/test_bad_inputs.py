"""The bad-input corpus (tests/bad_inputs/cases.yaml), run case by case in subprocesses.

Each case must give its documented exit code and messages, name the file (and line) it is
about, print no traceback, stay under 300 MB, not hang (a generous timeout only guards
against that; no time is asserted) and change nothing it reads. The wall time, exit code
and peak memory of every case are written to bad_inputs.md in $REFARCH_TEST_ARTIFACTS, else in
pytest's temporary directory (the `artifacts` fixture).

The tests after the corpus show that the harness itself fails when a case regresses.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from bad_inputs import harness
from bad_inputs.harness import Case, load_cases, mismatches, run_case
from conftest import FROZEN_KB

ROOT = Path(__file__).resolve().parent.parent
CASES = load_cases()
_results: dict[str, tuple[list[int], float, float, str]] = {}


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory, artifacts: Path) -> Iterator[Path]:
    """A session directory: a private copy of the frozen KB (hashed by every case) and the cases."""
    d = tmp_path_factory.mktemp("bad-inputs")
    shutil.copytree(FROZEN_KB, d / "kb")
    yield d
    _write_artifact(artifacts)


def _write_artifact(artifacts: Path) -> None:
    if not _results:
        return
    rows = [
        f"| {cid} | {' '.join(map(str, codes))} | {seconds:.2f} | {rss:.0f} | {verdict} |"
        for cid, (codes, seconds, rss, verdict) in _results.items()
    ]
    (artifacts / "bad_inputs.md").write_text(
        "# Bad-input corpus: last run\n\n"
        f"{len(rows)} cases, {sum(r[1] for r in _results.values()):.1f} s in all "
        "(wall time of each case's command or commands, from start to exit; not asserted).\n\n"
        "| case | exit | wall s | peak MB | result |\n|---|---|---|---|---|\n"
        + "\n".join(rows)
        + "\n",
        encoding="utf-8",
    )


def _run(case: Case, base: Path, shown: list[str] | None = None) -> list[str]:
    outcome = run_case(case, base / "kb", base)
    try:
        found = mismatches(case, outcome)
    finally:
        harness.cleanup(outcome)
    _results[case.id] = (
        outcome.codes,
        outcome.seconds,
        outcome.max_rss_mb,
        "ok" if not found else "FAIL",
    )
    if shown is not None:
        shown += [f"exit {outcome.codes}, {outcome.max_rss_mb:.0f} MB, {outcome.seconds:.1f} s"]
        shown += [f"stdout: {o[:1500]}" for o in outcome.stdouts]
        shown += [f"stderr: {e[:1500]}" for e in outcome.stderrs]
    return found


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case, base: Path) -> None:
    if case.skip_as_root and os.geteuid() == 0:
        pytest.skip(case.skip_as_root)
    shown: list[str] = []
    found = _run(case, base, shown)
    assert found == [], f"{case.id} ({case.about}):\n  " + "\n  ".join(found + shown)


# --- the corpus itself ------------------------------------------------------------------------


def test_corpus_is_large_unique_and_documented() -> None:
    assert len(CASES) >= 40
    ids = [c.id for c in CASES]
    assert len(ids) == len(set(ids))
    for c in CASES:
        assert c.about.strip(), c.id
        assert len(c.exit) == len(c.run), c.id
        if "recipe" not in c.input and ("file" in c.input or "base" in c.input):
            assert (harness.FILES / (c.input.get("file") or c.input["base"])).is_file(), c.id
        # Every failing case says what its message must name: the file (and line), or for a
        # command-line mistake the argument.
        assert set(c.exit) == {0} or c.where, f"{c.id} names nothing"


# --- the harness fails when a case regresses ---------------------------------------------------


def _case(case_id: str, **changes: object) -> Case:
    return replace(next(c for c in CASES if c.id == case_id), **changes)  # type: ignore[arg-type]


def test_harness_passes_a_correct_expectation(base: Path) -> None:
    assert _run(_case("yaml-tab-indent"), base) == []


def test_harness_reports_a_wrong_exit_code_and_message(base: Path) -> None:
    wrong = _case(
        "yaml-tab-indent",
        exit=[1],
        where="{input}:4:1",
        stderr=["refarch: error: {input}:4:1: YAML syntax error: a tab character"],
    )
    assert _run(wrong, base) == [
        "exit code [2], expected [1]",
        "stderr has no line 'refarch: error: {input}:4:1: YAML syntax error: a tab character'",
        "no message names 'tab-indent.yaml:4:1'",
    ]


def test_harness_reports_an_undeclared_write(base: Path) -> None:
    wrote = _case("output-written", writes=[])
    found = _run(wrote, base)
    assert len(found) == 1
    assert found[0].startswith("the checked tree changed: created ")
    assert found[0].endswith("/report.json")


def test_harness_reports_a_file_that_must_not_exist(base: Path) -> None:
    case = _case("output-written", absent=["report.json"])
    assert _run(case, base) == ["report.json exists"]


def test_harness_reports_a_traceback_and_a_hang(
    base: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code = "import sys; sys.stderr.write('Traceback (most recent call last):\\n'); sys.exit(2)"
    crash = [sys.executable, "-c", code]
    monkeypatch.setattr(harness, "command", lambda argv, values: crash)
    assert _run(_case("yaml-tab-indent"), base) == [
        "stderr has no line 'refarch: error: {input}:3:1: YAML syntax error: a tab character; "
        "YAML indents with spaces only'",
        "no message names 'tab-indent.yaml:3:1'",
        "a traceback was printed",
    ]
    sleep = [sys.executable, "-c", "import time; time.sleep(600)"]
    monkeypatch.setattr(harness, "command", lambda argv, values: sleep)
    found = _run(_case("output-written", timeout=1.0), base)
    assert found[:2] == ["hung: killed after 1 s", "exit code [-9], expected [0]"]


def test_harness_reports_memory_over_the_limit(base: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code = "b = bytearray(400 * 1024 * 1024); b[::4096] = b'x' * len(b[::4096])"
    hog = [sys.executable, "-c", code]
    monkeypatch.setattr(harness, "command", lambda argv, values: hog)
    found = _run(_case("output-written"), base)
    assert len(found) == 1 and found[0].startswith("peak memory "), found


def test_harness_reports_a_changed_input(base: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    edit = [sys.executable, "-c", "open('clean.yaml', 'a').write('# edited\\n')"]
    monkeypatch.setattr(harness, "command", lambda argv, values: edit)
    found = _run(_case("output-written"), base)
    assert len(found) == 1 and found[0].startswith("the checked tree changed: changed ")
    assert found[0].endswith("/clean.yaml")
