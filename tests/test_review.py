"""`refarch review` and `refarch diff` over throwaway repositories with monthly releases."""

# ruff: noqa: E501 (long expected strings and table rows read best on one line)

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import RunCli
from kbrepo import Arch, KBRepo, server, three_releases

from linter.lint.rules import RULES

C09 = ("2026.09", "2026-09-01", "First version.", "Baseline.")


@pytest.fixture
def repo(tmp_path: Path) -> KBRepo:
    return three_releases(tmp_path / "kb")


def test_two_release_packet(repo: KBRepo, run_cli: RunCli) -> None:
    c09, c10 = repo.short("HEAD~2"), repo.short("HEAD~1")
    code, out, err = run_cli("review", "--from", "2026.09", "--to", "2026.10", cwd=repo.root)
    assert (code, err) == (0, "")
    assert (
        out
        == f"""\
# Knowledge-base review 2026.09 -> 2026.10

From 2026.09 (`{c09}`, 2026-09-01) to 2026.10 (`{c10}`, 2026-10-01).

**2 breaking, 0 warning, 2 info** changes; architectures: 0 added, 0 removed, 1 changed; 0 release consistency errors.

## Release consistency

No problems: every changed architecture has a new version and a recorded reason, and release.yaml is in step.

## Architectures

| architecture | change | versions | breaking | warning | info |
|---|---|---|---|---|---|
| `pod-a` | changed | 2026.09 -> 2026.10 | 2 | 0 | 2 |

### `pod-a` (2026.09 -> 2026.10)

> **2026.10** (2026-10-01): Rack power raised to 40.8 kW.
>
> *Why:* The test server's maximum was revised.

| level | check | change | source |
|---|---|---|---|
| **breaking** | `limit-tightened` | `rack_profiles[compute].max_kw`: 32 kW -> 40.8 kW (+28 %) | `fixture` (2026-11-26) |
| **breaking** | `limit-tightened` | `facility.rack_kw_max`: 32 kW -> 40.8 kW (+28 %) | `fixture` (2026-11-26) |
| info | `version-changed` | `version`: '2026.09' -> '2026.10' |  |
| info | `version-changed` | `changes[2026.10]`: added '2026.10' |  |
"""
    )


def test_review_across_releases_with_rename_and_addition(repo: KBRepo, run_cli: RunCli) -> None:
    code, out, err = run_cli(
        "review", "--from", "2026.09", "--to", "2026.11", "--format", "json", cwd=repo.root
    )
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert data["from"] == {
        "release": "2026.09",
        "commit": repo.git("rev-parse", "HEAD~2").strip(),
        "date": "2026-09-01T12:00:00+00:00",
        "worktree": False,
    }
    assert data["intermediate_releases"] == ["2026.10"]
    assert data["consistency"] == []
    assert data["counts"] == {"breaking": 5, "warning": 0, "info": 6}
    states = [
        (a["id"], a["state"], a["old_id"], a["old_version"], a["new_version"], a["level"])
        for a in data["architectures"]
    ]
    assert states == [
        ("pod-alpha", "renamed", "pod-a", "2026.09", "2026.11", "breaking"),
        ("pod-c", "added", "", "", "2026.11", "info"),
    ]
    alpha = data["architectures"][0]
    assert [(c["check"], c["description"]) for c in alpha["changes"]] == [
        ("architecture-renamed", "id: 'pod-a' -> 'pod-alpha'"),
        ("limit-tightened", "rack_profiles[compute].max_kw: 32 kW -> 56 kW (+75 %)"),
        ("cooling-requirement-raised", "rack_profiles[compute].cooling: 'air' -> 'direct-liquid'"),
        ("limit-tightened", "facility.rack_kw_max: 32 kW -> 56 kW (+75 %)"),
        ("cooling-requirement-raised", "facility.cooling: 'air' -> 'direct-liquid'"),
        ("text-changed", "title: 'Test pod pod-a' -> 'Test pod pod-alpha'"),
        ("version-changed", "version: '2026.09' -> '2026.11'"),
        (
            "id-changed",
            "best_practices[inlet-temp].id: 'pod-a.inlet-temp' -> 'pod-alpha.inlet-temp'",
        ),
        ("version-changed", "changes[2026.11]: added '2026.11'"),
        ("version-changed", "changes[2026.10]: added '2026.10'"),
    ]
    assert [r["version"] for r in alpha["rationale"]] == ["2026.11", "2026.10"]
    assert alpha["changes"][1]["relative_pct"] == 75.0 and alpha["changes"][1]["unit"] == "kW"


def test_default_range_is_previous_release_to_working_tree(repo: KBRepo, run_cli: RunCli) -> None:
    code, out, _ = run_cli("review", cwd=repo.root)
    assert code == 0
    assert out.startswith(
        f"# Knowledge-base review 2026.10 -> 2026.11\n\nFrom 2026.10 (`{repo.short('HEAD~1')}`, "
        "2026-10-01) to 2026.11 (`worktree`).\n"
    )


def test_from_after_to_is_a_usage_error(repo: KBRepo, run_cli: RunCli) -> None:
    assert run_cli("review", "--from", "2026.11", "--to", "2026.09", cwd=repo.root) == (
        2,
        "",
        "refarch: error: --from 2026.11 comes after --to 2026.09 in history\n",
    )
    assert run_cli("review", "--from", "2026.07", cwd=repo.root) == (
        2,
        "",
        (
            "refarch: error: release 2026.07 not found in the history of architectures/release.yaml "
            "(releases found: 2026.09, 2026.10, 2026.11)\n"
        ),
    )


def _line(path: Path, text: str) -> int:
    return path.read_text().splitlines().index(text) + 1


def test_release_consistency_errors_with_file_and_line(tmp_path: Path, run_cli: RunCli) -> None:
    repo = KBRepo(tmp_path / "kb")
    repo.write("catalog/systems/test-server.yaml", server(8))
    repo.arch(Arch("pod-a", "2026.09", [C09]))
    repo.arch(Arch("pod-b", "2026.09", [C09]))
    repo.release("2026.09", "2026-09-01", {"pod-a": "2026.09", "pod-b": "2026.09"})
    repo.commit("KB 2026.09", "2026-09-01")
    # 2026.10: pod-a changes without a bump; pod-b bumps with an empty `why`, and release.yaml
    # still lists it at 2026.09
    repo.arch(Arch("pod-a", "2026.09", [C09], max_kw=40))
    b = repo.arch(Arch("pod-b", "2026.10", [("2026.10", "2026-10-01", "Denser.", '""'), C09]))
    rel10 = repo.release("2026.10", "2026-10-01", {"pod-a": "2026.09", "pod-b": "2026.09"})
    b10_entry = _line(b, '  - version: "2026.10"')
    rel10_line = _line(rel10, '  pod-b: "2026.09"')
    repo.commit("KB 2026.10", "2026-10-01")
    # 2026.11: pod-a bumps without any `changes` entry; pod-b goes back to 2026.08; release.yaml
    # lists an architecture that has no file
    a = repo.arch(Arch("pod-a", "2026.11", [C09], max_kw=40))
    repo.arch(Arch("pod-b", "2026.08", [("2026.08", "2026-11-01", "Back.", "Mistake."), C09]))
    rel11 = repo.release(
        "2026.11", "2026-11-01", {"pod-a": "2026.11", "pod-b": "2026.08", "pod-z": "2026.11"}
    )
    repo.commit("KB 2026.11", "2026-11-01")
    code, out, err = run_cli(
        "review",
        "--from",
        "2026.09",
        "--to",
        "2026.11",
        "--each-release",
        "--format",
        "json",
        cwd=repo.root,
    )
    assert (code, err) == (1, "")
    got = [
        (f["rule"], f["file"], f["line"], f["column"], f["message"])
        for f in json.loads(out)["consistency"]
    ]
    pa, pb, rel = (
        "architectures/reference/pod-a.yaml",
        "architectures/reference/pod-b.yaml",
        "architectures/release.yaml",
    )
    assert got == [
        (
            "REL001",
            pa,
            6,
            10,
            "content changed since 2026.09 (rack_profiles[compute].max_kw and 1 more) "
            "but the version is still 2026.09: bump `version` and add a `changes` entry saying why [2026.09 -> 2026.10]",
        ),
        (
            "REL003",
            pb,
            b10_entry,
            5,
            "the `changes` entry for 2026.10 has no why [2026.09 -> 2026.10]",
        ),
        (
            "REL004",
            rel,
            rel10_line,
            10,
            f"release.yaml lists pod-b at 2026.09 but {pb} is at 2026.10 [2026.10]",
        ),
        (
            "REL003",
            pa,
            _line(a, "changes:"),
            1,
            "version 2026.11 has no `changes` entry: add one with `summary` and `why` [2026.10 -> 2026.11]",
        ),
        (
            "REL002",
            pb,
            6,
            10,
            "version 2026.08 is lower than the previous 2026.10 [2026.10 -> 2026.11]",
        ),
        (
            "REL004",
            rel,
            _line(rel11, '  pod-z: "2026.11"'),
            3,
            "release.yaml lists pod-z, which has no file in architectures/reference [2026.11]",
        ),
    ]
    code, md, _ = run_cli(
        "review", "--from", "2026.09", "--to", "2026.11", "--each-release", cwd=repo.root
    )
    assert code == 1
    assert (
        f"| REL001 content-changed-without-version-bump | `{pa}:6` | content changed since 2026.09 "
        "(rack_profiles[compute].max_kw and 1 more) but the version is still 2026.09: bump `version` "
        "and add a `changes` entry saying why [2026.09 -> 2026.10] |"
    ) in md.splitlines()


def test_check_flags_an_uncommitted_change_without_a_bump(repo: KBRepo, run_cli: RunCli) -> None:
    assert run_cli("review", "--check", cwd=repo.root) == (
        0,
        "",
        f"release consistency: ok (working tree against {repo.short()})\n",
    )
    pb = "architectures/reference/pod-b.yaml"
    repo.arch(Arch("pod-b", "2026.09", [C09], max_kw=20, count=2))
    assert run_cli("review", "--check", cwd=repo.root) == (
        1,
        (
            f"{pb}:6:10: REL001 [content-changed-without-version-bump] content changed since 2026.09 "
            "(rack_profiles[compute].max_kw and 1 more) but the version is still 2026.09: bump `version` "
            f"and add a `changes` entry saying why [{repo.short()} -> worktree]\n"
        ),
        "",
    )
    # bumped, but no reason recorded and release.yaml not in step
    b = repo.arch(Arch("pod-b", "2026.11", [C09], max_kw=20, count=2))
    code, out, _ = run_cli("review", "--check", cwd=repo.root)
    assert code == 1
    assert out.splitlines() == [
        f"{pb}:{_line(b, 'changes:')}:1: REL003 [missing-rationale] version 2026.11 has no `changes` entry: "
        f"add one with `summary` and `why` [{repo.short()} -> worktree]",
        f"architectures/release.yaml:6:10: REL004 [release-out-of-step] release.yaml lists pod-b at 2026.09 "
        f"but {pb} is at 2026.11 [2026.11]",
    ]
    repo.arch(
        Arch(
            "pod-b",
            "2026.11",
            [("2026.11", "2026-11-20", "20 kW racks.", "New PDUs."), C09],
            max_kw=20,
            count=2,
        )
    )
    repo.release(
        "2026.11", "2026-11-01", {"pod-alpha": "2026.11", "pod-b": "2026.11", "pod-c": "2026.11"}
    )
    assert run_cli("review", "--check", cwd=repo.root)[0] == 0


PLAN = """\
plan: {name}
reference: pod-a@2026.10
facility:
  cooling: air
  inlet_temp_c: 24
racks:
  - id: r01
    budget_kw: {budget}
    systems: [{{model: test-server, count: 4}}]
"""


def test_impact_lists_the_plans_whose_findings_change(tmp_path: Path, run_cli: RunCli) -> None:
    repo = KBRepo(tmp_path / "kb")
    c10 = ("2026.10", "2026-10-01", "First version.", "Baseline.")
    repo.write("catalog/systems/test-server.yaml", server(8))
    repo.arch(Arch("pod-a", "2026.10", [c10]))
    repo.release("2026.10", "2026-10-01", {"pod-a": "2026.10"})
    repo.commit("KB 2026.10", "2026-10-01")
    repo.write("catalog/systems/test-server.yaml", server(10.5))  # fictional revision
    repo.release("2026.11", "2026-11-01", {"pod-a": "2026.10"})
    repo.commit("KB 2026.11", "2026-11-01")
    plans = tmp_path / "plans"
    plans.mkdir()
    for name, budget in (("hall-a", 40), ("hall-b", 50), ("hall-c", 30), ("hall-d", 35)):
        (plans / f"{name}.yaml").write_text(PLAN.format(name=name, budget=budget))
    (plans / "broken.yaml").write_text("plan: [unclosed\n")
    # only the rack power rule, so that the expectations do not move when rules are added
    others = sorted(r.CODE for r in RULES if r.CODE != "PWR001")
    config = tmp_path / "refarch.yaml"
    config.write_text("disable: [" + ", ".join(others) + "]\n")
    code, out, err = run_cli(
        "review",
        "--from",
        "2026.10",
        "--to",
        "2026.11",
        "--plans",
        str(plans),
        "--config",
        str(config),
        "--format",
        "json",
        cwd=repo.root,
    )
    assert (code, err) == (1, "")
    data = json.loads(out)
    # A catalog figure the architecture racks moved while pod-a kept 2026.10: the pin no longer
    # freezes what its plans are checked against (REL005 fails the review).
    assert [(f["rule"], f["file"], f["line"], f["message"]) for f in data["consistency"]] == [
        (
            "REL005",
            "architectures/reference/pod-a.yaml",
            6,
            "catalog figures this architecture uses changed since 2026.10 "
            "(test-server.max_power_kw 8 -> 10.5) but the version is still 2026.10: plans "
            "pinned to pod-a@2026.10 would be checked against other figures; bump `version` "
            "and add a `changes` entry saying why [2026.10 -> 2026.11]",
        )
    ]
    assert [
        (e["id"], e["changes"][0]["check"], e["changes"][0]["description"]) for e in data["catalog"]
    ] == [("test-server", "limit-tightened", "max_power_kw: 8 kW -> 10.5 kW (+31 %)")]
    impact = {Path(p["plan"]).name: p for p in data["impact"]}
    assert sorted(n for n, p in impact.items() if p["affected"]) == [
        "hall-a.yaml",
        "hall-c.yaml",
        "hall-d.yaml",
    ]
    assert (
        impact["hall-b.yaml"]["before"]
        == impact["hall-b.yaml"]["after"]
        == {"error": 0, "warning": 0, "info": 0}
    )
    a = impact["hall-a.yaml"]
    assert (a["before"], a["after"], a["resolved"]) == (
        {"error": 0, "warning": 0, "info": 0},
        {"error": 1, "warning": 0, "info": 0},
        [],
    )
    assert [(f["rule"], f["line"], f["column"], f["severity"], f["message"]) for f in a["new"]] == [
        (
            "PWR001",
            8,
            16,
            "error",
            "rack r01 draws 42 kW per rack at system maximum power, over its 40 kW budget",
        )
    ]
    assert (
        a["new"][0]["related"][0]["file"]
        == f"architectures@{repo.short()}/catalog/systems/test-server.yaml"
    )
    c = impact["hall-c.yaml"]["message_changed"]
    assert [(x["before"]["message"], x["after"]["message"]) for x in c] == [
        (
            "rack r01 draws 32 kW per rack at system maximum power, over its 30 kW budget",
            "rack r01 draws 42 kW per rack at system maximum power, over its 30 kW budget",
        )
    ]
    d = impact["hall-d.yaml"]["severity_changed"]
    assert [(x["before"]["severity"], x["after"]["severity"]) for x in d] == [("warning", "error")]
    assert impact["broken.yaml"]["error"].startswith(
        f"{plans / 'broken.yaml'}:1:7: YAML syntax error"
    )
    code, md, _ = run_cli(
        "review",
        "--from",
        "2026.10",
        "--to",
        "2026.11",
        "--plans",
        str(plans),
        "--config",
        str(config),
        cwd=repo.root,
    )
    catalog = md[md.index("## Catalog and standards") : md.index("## Impact on plans")]
    assert catalog.splitlines() == [
        "## Catalog and standards", "", "### system `test-server` (changed)", "",
        "| level | check | change | source |", "|---|---|---|---|",
        "| **breaking** | `limit-tightened` | `max_power_kw`: 8 kW -> 10.5 kW (+31 %) |"
        " `fixture` (2026-11-26) |", "",
    ]  # fmt: skip
    section = md[md.index("## Impact on plans") :]
    assert section.splitlines()[:10] == [
        "## Impact on plans",
        "",
        "4 of 5 plans change.",
        "",
        "| plan | before (E/W/I) | after (E/W/I) | new | resolved | severity changed |",
        "|---|---|---|---|---|---|",
        f"| `{plans / 'broken.yaml'}` | 0/0/0 | 0/0/0 | 0 | 0 | 0 |",
        f"| `{plans / 'hall-a.yaml'}` | 0/0/0 | 1/0/0 | 1 | 0 | 0 |",
        f"| `{plans / 'hall-c.yaml'}` | 1/0/0 | 1/0/0 | 0 | 0 | 0 |",
        f"| `{plans / 'hall-d.yaml'}` | 0/1/0 | 1/0/0 | 0 | 0 | 1 |",
    ]
    assert (
        "- new error `PWR001` line 8: rack r01 draws 42 kW per rack at system maximum power, over its 40 kW budget"
        in section
    )


def test_impact_lists_the_plans_a_status_change_affects(tmp_path: Path, run_cli: RunCli) -> None:
    """A system going end-of-sale is a deprecation in the packet, and every plan using it
    gains LIF001 in the impact."""
    repo = KBRepo(tmp_path / "kb")
    c10 = ("2026.10", "2026-10-01", "First version.", "Baseline.")
    repo.write("catalog/systems/test-server.yaml", server(8))
    repo.arch(Arch("pod-a", "2026.10", [c10]))
    repo.release("2026.10", "2026-10-01", {"pod-a": "2026.10"})
    repo.commit("KB 2026.10", "2026-10-01")
    eos = server(8).replace(
        "status: shipping\n",
        "status: end-of-sale\nstatus_since: {date: 2026-10-15, source: fixture}\n",
    )
    repo.write("catalog/systems/test-server.yaml", eos)  # a fictional notice
    repo.release("2026.11", "2026-11-01", {"pod-a": "2026.10"})
    repo.commit("KB 2026.11", "2026-11-01")
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "hall-a.yaml").write_text(PLAN.format(name="hall-a", budget=40))
    others = sorted(r.CODE for r in RULES if r.CODE != "LIF001")
    config = tmp_path / "refarch.yaml"
    config.write_text("disable: [" + ", ".join(others) + "]\n")
    code, out, err = run_cli(
        "review", "--from", "2026.10", "--to", "2026.11", "--plans", str(plans),
        "--config", str(config), "--format", "json", cwd=repo.root,
    )  # fmt: skip
    assert (code, err) == (0, "")
    data = json.loads(out)
    checks = {(e["id"], c["check"]) for e in data["catalog"] for c in e["changes"]}
    assert ("test-server", "deprecated") in checks
    (plan,) = data["impact"]
    assert plan["affected"]
    assert [(f["rule"], f["severity"], f["message"]) for f in plan["new"]] == [
        (
            "LIF001",
            "warning",
            "test-server is end-of-sale since 2026-10-15 (source: fixture)",
        )
    ]


def test_diff_between_versions_commits_and_worktree(repo: KBRepo, run_cli: RunCli) -> None:
    c10, c11 = repo.short("HEAD~1"), repo.short("HEAD")
    code, out, err = run_cli("diff", "pod-a@2026.10", "pod-alpha@2026.11", cwd=repo.root)
    assert (code, err) == (1, "")  # differences exit 1, none exit 0 (below)
    assert out.splitlines()[:3] == [
        f"pod-a@2026.10 ({c10}, 2026-10-01) -> pod-alpha@2026.11 ({c11}, 2026-11-01)",
        "  breaking  architecture-renamed        id: 'pod-a' -> 'pod-alpha'",
        "  breaking  limit-tightened             rack_profiles[compute].max_kw: 40.8 kW -> 56 kW (+37 %)",
    ]
    # a tag and a commit name the same states; the old name still resolves after the rename
    repo.git("tag", "v2026.10", "HEAD~1")
    assert run_cli("diff", "pod-a@v2026.10", f"pod-alpha@{c11}", cwd=repo.root)[1] == out
    same = run_cli("diff", "pod-b@2026.09", "pod-b@worktree", cwd=repo.root)
    assert same == (
        0,
        f"pod-b@2026.09 ({repo.short('HEAD~2')}, 2026-09-01) -> pod-b@2026.09 (worktree)\n"
        "  no semantic differences\n",
        "",
    )
    code, md, _ = run_cli("diff", "pod-a@2026.09", "pod-a@2026.10", "--format", "md", cwd=repo.root)
    assert (
        md.splitlines()[4]
        == "| **breaking** | `limit-tightened` | `rack_profiles[compute].max_kw`: 32 kW -> 40.8 kW (+28 %) | `fixture` (2026-11-26) |"
    )
    data = json.loads(
        run_cli("diff", "pod-a@2026.09", "pod-a@2026.10", "--format", "json", cwd=repo.root)[1]
    )
    assert data["counts"] == {"breaking": 2, "warning": 0, "info": 2}
    assert data["changes"][0] == {
        "check": "limit-tightened",
        "level": "breaking",
        "path": "rack_profiles[compute].max_kw",
        "op": "changed",
        "old": {"value": 32, "source": "fixture"},
        "new": {"value": 40.8, "source": "fixture"},
        "unit": "kW",
        "relative_pct": 27.5,
        "description": "rack_profiles[compute].max_kw: 32 kW -> 40.8 kW (+28 %)",
        "sources": [{"id": "fixture", "url": "", "retrieved": "2026-11-26"}],
    }
    assert run_cli("diff", "pod-q@2026.09", "pod-b@2026.09", cwd=repo.root) == (
        2,
        "",
        "refarch: error: architecture 'pod-q' not found in the history of architectures/reference\n",
    )
    assert run_cli("diff", "pod-b", "pod-b@2026.09", cwd=repo.root) == (
        2,
        "",
        "refarch: error: expected ARCH@VERSION, ARCH@REVISION or ARCH@worktree, got 'pod-b'\n",
    )


def _monthly(root: Path, months: int, broken: int = 0, unbumped: int = 0) -> KBRepo:
    """pod-a revised every month; in month ``unbumped`` pod-b changes without a new version,
    in month ``broken`` pod-b is not valid YAML."""
    repo = KBRepo(root)
    entries: list[tuple[str, str, str, str]] = []
    for m in range(1, months + 1):
        v = f"2026.{m:02d}"
        entries.insert(0, (v, f"2026-{m:02d}-01", f"Release {v}.", "Monthly revision."))
        repo.arch(Arch("pod-a", v, list(entries), max_kw=30 + m))
        b = repo.arch(Arch("pod-b", "2026.01", [entries[-1]], max_kw=20 + (m >= unbumped > 0)))
        if m == broken:
            b.write_text("id: pod-b\nversion: [2026.01\n")
        repo.release(v, f"2026-{m:02d}-01", {"pod-a": v, "pod-b": "2026.01"})
        repo.commit(f"KB {v}", f"2026-{m:02d}-01")
    return repo


def test_parallel_consistency_checks_find_the_same_problems(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from linter.review.git import open_repository
    from linter.review.history import KBHistory
    from linter.review.packet import build, consistency

    repo = _monthly(tmp_path / "kb", 8, unbumped=7)
    monkeypatch.setattr(consistency, "MIN_PARALLEL_STEPS", 2)
    results = []
    for jobs in (1, 3):
        with open_repository(repo.root) as r:
            hist = KBHistory(r)
            base, head = hist.release("2026.01"), hist.release("2026.08")
            review = build(hist, base, head, each_release=True, jobs=jobs)
            results.append([(f.rule, f.file, f.line, f.message) for f in review.consistency])
    assert (
        results[0]
        == results[1]
        == [
            (
                "REL001",
                "architectures/reference/pod-b.yaml",
                6,
                "content changed since 2026.01 (rack_profiles[compute].max_kw and 1 more) but the version "
                "is still 2026.01: bump `version` and add a `changes` entry saying why [2026.06 -> 2026.07]",
            )
        ]
    )


def test_an_unreadable_file_in_history_names_file_line_and_release(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run_cli: RunCli
) -> None:
    from linter.review import consistency

    repo = _monthly(tmp_path / "kb", 8, broken=6)
    monkeypatch.setattr(consistency, "MIN_PARALLEL_STEPS", 2)
    short = repo.short("HEAD~2")
    for jobs in ("1", "3"):
        assert run_cli(
            "review",
            "--from",
            "2026.01",
            "--to",
            "2026.08",
            "--each-release",
            "--jobs",
            jobs,
            cwd=repo.root,
        ) == (
            2,
            "",
            (
                "refarch: error: architectures/reference/pod-b.yaml:2:10: YAML syntax error: did not "
                f"find expected ',' or ']' while parsing a flow sequence (at 2026.06 ({short}))\n"
            ),
        )


def test_each_release_checks_the_releases_in_between(tmp_path: Path, run_cli: RunCli) -> None:
    repo = _monthly(tmp_path / "kb", 8, unbumped=7)
    message = (
        "content changed since 2026.01 (rack_profiles[compute].max_kw and 1 more) but the version "
        "is still 2026.01: bump `version` and add a `changes` entry saying why [{}]"
    )
    got = {}
    for extra in ([], ["--each-release"]):
        code, out, _ = run_cli(
            "review",
            "--from",
            "2026.01",
            "--to",
            "2026.08",
            *extra,
            "--format",
            "json",
            cwd=repo.root,
        )
        data = json.loads(out)
        got[bool(extra)] = (
            code,
            data["checked_each_release"],
            [(f["rule"], f["line"], f["message"]) for f in data["consistency"]],
        )
    assert got[False] == (1, False, [("REL001", 6, message.format("2026.01 -> 2026.08"))])
    assert got[True] == (1, True, [("REL001", 6, message.format("2026.06 -> 2026.07"))])
    code, md, _ = run_cli(
        "review", "--from", "2026.01", "--to", "2026.08", "--each-release", cwd=repo.root
    )
    assert md.splitlines()[2] == (
        f"From 2026.01 (`{repo.short('HEAD~7')}`, 2026-01-01) to 2026.08 (`{repo.short()}`, 2026-08-01), "
        "across 6 intermediate releases (consistency checked at each)."
    )


def test_check_as_sarif_carries_rel_findings_with_their_pages(
    repo: KBRepo, run_cli: RunCli
) -> None:
    repo.arch(Arch("pod-b", "2026.09", [C09], max_kw=20, count=2))
    code, out, err = run_cli("review", "--check", "--format", "sarif", cwd=repo.root)
    assert (code, err) == (1, "")
    run = json.loads(out)["runs"][0]
    (result,) = run["results"]
    rule = run["tool"]["driver"]["rules"][result["ruleIndex"]]
    assert (result["ruleId"], rule["id"]) == ("REL001", "REL001")
    assert rule["helpUri"] == "https://refarch.dev/rules/content-changed-without-version-bump/"
    loc = result["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "architectures/reference/pod-b.yaml"
    assert loc["region"]["startLine"] == 6
    assert run_cli("review", "--format", "sarif", cwd=repo.root) == (
        2,
        "",
        "refarch: error: --format sarif goes with --check (the release consistency findings)\n",
    )
