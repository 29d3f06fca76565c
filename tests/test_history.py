"""`refarch history` and the git layer, in throwaway repositories."""

# ruff: noqa: E501 (long expected strings and table rows read best on one line)

from __future__ import annotations

import json
from pathlib import Path

import git.cmd
import pytest
from conftest import RunCli
from kbrepo import Arch, KBRepo, three_releases

from linter.core.errors import GitError, UsageError
from linter.review.git import check_revision, open_repository


@pytest.fixture
def repo(tmp_path: Path) -> KBRepo:
    return three_releases(tmp_path / "kb")


def test_history_follows_a_rename(repo: KBRepo, run_cli: RunCli) -> None:
    c09, c10, c11 = repo.short("HEAD~2"), repo.short("HEAD~1"), repo.short("HEAD")
    expected = f"""\
pod-alpha
  2026.11  {c11}  2026-11-01  Ada Maintainer  Liquid cooling.
           why: Air cannot remove 56 kW per rack.
  2026.10  {c10}  2026-10-01  Ada Maintainer  Rack power raised to 40.8 kW.
           why: The test server's maximum was revised.
           (as pod-a)
  2026.09  {c09}  2026-09-01  Ada Maintainer  First version.
           why: Baseline.
           (as pod-a)
  renamed pod-a -> pod-alpha in {c11}
"""
    assert run_cli("history", "pod-alpha", cwd=repo.root) == (0, expected, "")
    # the old name finds the same architecture
    assert run_cli("history", "pod-a", "--repo", str(repo.root)) == (0, expected, "")


def test_history_of_every_architecture_as_json(repo: KBRepo, run_cli: RunCli) -> None:
    code, out, err = run_cli("history", "--format", "json", cwd=repo.root)
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert [a["id"] for a in data["architectures"]] == ["pod-alpha", "pod-b", "pod-c"]
    alpha = data["architectures"][0]
    assert alpha["names"] == ["pod-a", "pod-alpha"]
    assert alpha["renames"] == [
        {"from": "pod-a", "to": "pod-alpha", "commit": repo.git("rev-parse", "HEAD").strip()}
    ]
    assert alpha["versions"][-1] == {
        "version": "2026.09",
        "id": "pod-a",
        "path": "architectures/reference/pod-a.yaml",
        "commit": repo.git("rev-parse", "HEAD~2").strip(),
        "date": "2026-09-01T12:00:00+00:00",
        "author": "Ada Maintainer",
        "uncommitted": False,
        "modified_without_bump": False,
        "summary": "First version.",
        "why": "Baseline.",
    }
    assert data["notes"] == []


def test_not_a_git_repository(tmp_path: Path, run_cli: RunCli) -> None:
    plain = tmp_path / "plain"
    plain.mkdir()
    for argv in (["history"], ["diff", "a@2026.10", "a@2026.11"], ["review", "--from", "2026.10"]):
        code, out, err = run_cli(*argv, "--repo", str(plain))
        assert (code, out) == (2, "")
        assert err == (
            f"refarch: error: not a git repository: {plain} (versions come from git history; run "
            "this inside a clone of the knowledge base repository, or pass --repo DIR)\n"
        )


def test_empty_repository(tmp_path: Path, run_cli: RunCli) -> None:
    empty = KBRepo(tmp_path / "empty")
    message = (
        f"refarch: error: the repository at {empty.root} has no commits yet, so there is no "
        "history to read: commit the knowledge base first\n"
    )
    assert run_cli("history", cwd=empty.root) == (2, "", message)
    assert run_cli("review", "--check", cwd=empty.root) == (2, "", message)
    assert run_cli("diff", "a@HEAD", "a@worktree", cwd=empty.root) == (2, "", message)


def test_shallow_clone_says_history_is_truncated(
    repo: KBRepo, tmp_path: Path, run_cli: RunCli
) -> None:
    clone = tmp_path / "clone"
    repo.git("clone", "-q", "--depth", "1", f"file://{repo.root}", str(clone))
    short = repo.short()
    hint = "fetch the full history with `git fetch --unshallow`"
    code, out, err = run_cli("history", "pod-alpha", cwd=clone)
    assert code == 0
    assert out == (
        f"pod-alpha\n  2026.11  {short}  2026-11-01  Ada Maintainer  Liquid cooling.\n"
        "           why: Air cannot remove 56 kW per rack.\n"
    )
    assert (
        err
        == f"refarch: note: The history is truncated (shallow clone): older versions are missing; {hint}.\n"
    )
    assert run_cli("diff", "pod-alpha@2026.09", "pod-alpha@2026.11", cwd=clone) == (
        2,
        "",
        (
            "refarch: error: pod-alpha has no version 2026.09 in history (versions: 2026.11); "
            f"the history is truncated (shallow clone): {hint}\n"
        ),
    )
    assert run_cli("review", "--from", "2026.10", "--to", "2026.11", cwd=clone) == (
        2,
        "",
        (
            "refarch: error: release 2026.10 not found in the history of architectures/release.yaml "
            f"(releases found: 2026.11); the history is truncated (shallow clone): {hint}\n"
        ),
    )
    assert run_cli("diff", "pod-alpha@HEAD~1", "pod-alpha@HEAD", cwd=clone) == (
        2,
        "",
        f"refarch: error: unknown revision 'HEAD~1'; the clone is shallow, {hint}\n",
    )


def test_detached_head_reads_history_up_to_it(repo: KBRepo, run_cli: RunCli) -> None:
    repo.git("checkout", "-q", "--detach", "HEAD~1")
    c09, c10 = repo.short("HEAD~1"), repo.short("HEAD")
    code, out, err = run_cli("history", "pod-a", cwd=repo.root)
    assert (code, out) == (
        0,
        f"""\
pod-a
  2026.10  {c10}  2026-10-01  Ada Maintainer  Rack power raised to 40.8 kW.
           why: The test server's maximum was revised.
  2026.09  {c09}  2026-09-01  Ada Maintainer  First version.
           why: Baseline.
""",
    )
    assert err == f"refarch: note: HEAD is detached at {c10}: history is read up to that commit.\n"


def test_uncommitted_change_is_shown_as_the_working_tree(repo: KBRepo, run_cli: RunCli) -> None:
    c09 = ("2026.09", "2026-09-01", "First version.", "Baseline.")
    repo.arch(Arch("pod-b", "2026.09", [c09], max_kw=20, count=2))
    head = f"  2026.09  {repo.short('HEAD~2')}  2026-09-01  Ada Maintainer  First version.\n           why: Baseline.\n"
    assert run_cli("history", "pod-b", cwd=repo.root) == (
        0,
        "pod-b\n  2026.09  worktree  modified, not committed (version not bumped)\n" + head,
        "",
    )
    c12 = ("2026.12", "2026-12-01", "Rack power raised.", "Denser racks.")
    repo.arch(Arch("pod-b", "2026.12", [c12, c09], max_kw=20, count=2))
    assert run_cli("history", "pod-b", cwd=repo.root) == (
        0,
        "pod-b\n  2026.12  worktree  not committed\n           why: Denser racks.\n" + head,
        "",
    )


@pytest.mark.parametrize(
    "bad", ["--output=owned.txt", "-p", "--exec=touch owned.txt", "HEAD\n-p", "a..b", "HEAD:x"]
)
def test_option_injection_in_revisions_is_refused(
    repo: KBRepo, tmp_path: Path, run_cli: RunCli, bad: str
) -> None:
    code, out, err = run_cli("diff", f"pod-b@{bad}", "pod-b@2026.09", cwd=repo.root)
    assert (code, out) == (2, "")
    assert err.startswith(f"refarch: error: invalid revision {bad!r}: ")
    code, out, err = run_cli("review", f"--from={bad}", "--to", "2026.11", cwd=repo.root)
    assert (code, out) == (2, "")
    assert err.startswith(f"refarch: error: invalid revision {bad!r}: ")
    assert not (repo.root / "owned.txt").exists() and not (tmp_path / "owned.txt").exists()
    assert not list(repo.root.rglob("owned.txt"))


def test_dash_revisions_never_reach_git(repo: KBRepo) -> None:
    assert check_revision("v2026.11") == "v2026.11"
    assert check_revision("HEAD~2") == "HEAD~2"
    with pytest.raises(UsageError, match="may not start with '-'"):
        check_revision("-p")
    with open_repository(repo.root) as r:
        with pytest.raises(UsageError, match="may not start with '-'"):
            r.resolve("--output=owned.txt")
        with pytest.raises(GitError, match="unknown revision 'no-such-tag'"):
            r.resolve("no-such-tag")
        assert r.resolve("HEAD") == repo.git("rev-parse", "HEAD").strip()
    assert not (repo.root / "owned.txt").exists()


def test_an_option_after_the_flag_is_a_usage_error(repo: KBRepo, run_cli: RunCli) -> None:
    code, out, err = run_cli("review", "--from", "-p", cwd=repo.root)
    assert (code, out) == (2, "")
    assert (
        err
        == "refarch: error: argument --from: expected one argument (see refarch review --help)\n"
    )


def test_many_revisions_are_read_by_one_cat_file_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run_cli: RunCli
) -> None:
    repo = KBRepo(tmp_path / "kb")
    entries: list[tuple[str, str, str, str]] = []
    for month in range(1, 9):
        v = f"2026.{month:02d}"
        entries.insert(0, (v, f"2026-{month:02d}-01", f"Release {v}.", "Monthly revision."))
        repo.arch(Arch("pod-a", v, list(entries), max_kw=30 + month))
        repo.release(v, f"2026-{month:02d}-01", {"pod-a": v})
        repo.commit(f"KB {v}", f"2026-{month:02d}-01")
    spawned: list[list[str]] = []
    real = git.cmd.safer_popen

    def spy(cmd: list[str], *args: object, **kwargs: object) -> object:
        spawned.append([str(c) for c in cmd])
        return real(cmd, *args, **kwargs)

    monkeypatch.setattr(git.cmd, "safer_popen", spy)
    code, out, _ = run_cli(
        "review", "--from", "2026.01", "--to", "2026.08", "--each-release", "--jobs", "1",
        "--format", "json", cwd=repo.root,
    )  # fmt: skip
    assert code == 0
    data = json.loads(out)
    assert data["intermediate_releases"] == [f"2026.{m:02d}" for m in range(2, 8)]
    assert data["checked_each_release"] is True
    cat_files = [c for c in spawned if "cat-file" in c]
    assert len(cat_files) == 1 and "--batch" in cat_files[0]
    assert all(c[0] == "git" for c in spawned) and len(spawned) <= 5


def test_a_kb_file_in_git_is_decoded_as_a_file_on_disk(repo: KBRepo, run_cli: RunCli) -> None:
    path = repo.root / "architectures" / "reference" / "pod-b.yaml"
    path.write_bytes(path.read_bytes() + b"# \x00\n")
    repo.commit("pod-b with a NUL byte", "2026-11-15")
    code, out, err = run_cli("diff", "pod-b@HEAD~1", "pod-b@HEAD", cwd=repo.root)
    line = path.read_bytes().count(b"\n")
    short = repo.short()
    assert (code, out) == (2, "")
    assert err == (
        f"refarch: error: architectures/reference/pod-b.yaml:{line}:1: "
        f"binary file: contains a NUL byte (at {short})\n"
    )
