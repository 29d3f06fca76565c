"""The suite writes nothing outside its temporary directories: not the user's parse cache
(~/.cache/refarch), not $HOME, not the source tree.

conftest.py gives every test a throwaway HOME, XDG_CACHE_HOME and REFARCH_CACHE_DIR, and
checks at the end of the session that the real parse cache holds no new entry for a file of
this checkout or of the session's temporary directory, and that the source tree is as it
was (pytest then exits with TESTS_FAILED). These tests show the fixture is in effect, that
refarch's default cache follows HOME, and that the session check does see a write.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FROZEN_KB, FROZEN_PLANS
from isolation import REAL_CACHE, REAL_HOME, SOURCE_TREE, cache_writes, changes, snapshot

from linter.core.resources import default_kb_dir
from linter.kb import cache
from linter.kb.store import KnowledgeBase

PLAN = FROZEN_PLANS / "superpod-h100-training.yaml"
# As module-level code sees it, at collection: before any fixture has run.
AT_IMPORT = {k: os.environ.get(k) for k in ("HOME", "REFARCH_CACHE_DIR", "REFARCH_KB")}


def _under(path: Path, root: Path | str) -> bool:
    return Path(os.path.realpath(path)).is_relative_to(os.path.realpath(root))


def test_the_autouse_fixture_is_in_effect(tmp_path_factory: pytest.TempPathFactory) -> None:
    base = tmp_path_factory.getbasetemp()
    home = Path(os.environ["HOME"])
    assert home != REAL_HOME and _under(home, base)
    assert Path(os.path.expanduser("~")) == home
    assert os.environ["XDG_CACHE_HOME"] == str(home / ".cache")
    where = cache.cache_dir()
    assert where is not None
    assert _under(where, os.environ["REFARCH_CACHE_DIR"]) and _under(where, base)
    assert not _under(where, REAL_HOME) and not _under(where, REAL_CACHE)
    assert default_kb_dir() == FROZEN_KB


@pytest.fixture(scope="module")
def module_env() -> dict[str, str | None]:
    """As a module-scoped fixture sees it: set up before the first test's own fixtures."""
    where = cache.cache_dir()
    return {
        "HOME": os.environ.get("HOME"),
        "cache": None if where is None else str(where),
        "REFARCH_KB": os.environ.get("REFARCH_KB"),
    }


def test_the_session_is_isolated_before_any_test_fixture(
    module_env: dict[str, str | None],
) -> None:
    for seen in (AT_IMPORT, module_env):
        home, kb = seen["HOME"], seen["REFARCH_KB"]
        assert home is not None and Path(home) != REAL_HOME, seen
        assert not _under(Path(home), REAL_HOME) and not _under(Path(home), SOURCE_TREE), seen
        assert kb == str(FROZEN_KB), seen
    assert AT_IMPORT["REFARCH_CACHE_DIR"] is not None
    assert not _under(Path(AT_IMPORT["REFARCH_CACHE_DIR"]), REAL_CACHE)
    where = module_env["cache"]
    assert where is not None and not _under(Path(where), REAL_CACHE)
    assert not _under(Path(where), REAL_HOME) and not _under(Path(where), SOURCE_TREE)


def test_the_default_cache_follows_home(tmp_path: Path) -> None:
    """With REFARCH_CACHE_DIR and XDG_CACHE_HOME unset, refarch caches under ~/.cache: in a
    subprocess whose HOME is a temporary directory, and nowhere in the real cache."""
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("REFARCH_CACHE_DIR", "XDG_CACHE_HOME")}
    env.update(HOME=str(home), NO_COLOR="1")
    env.pop("REFARCH_NO_CACHE", None)
    before = snapshot(REAL_CACHE)
    for argv in (
        ["--kb", str(FROZEN_KB), "lint", str(PLAN)],
        ["--kb", str(FROZEN_KB), "validate", str(PLAN)],
        ["--kb", str(FROZEN_KB), "show", "dgx-h100"],
    ):
        done = subprocess.run(
            [sys.executable, "-m", "linter", *argv],
            cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        assert done.returncode == 0, (argv, done.stdout, done.stderr)
    default = home / ".cache" / "refarch"
    entries = sorted(default.rglob("*.bin"))
    assert entries, f"no parse-cache entry under {default}"
    assert any("dgx-superpod-h100.yaml" in p.name for p in entries)
    assert cache_writes(REAL_CACHE, before, snapshot(REAL_CACHE), [SOURCE_TREE, tmp_path]) == []
    assert sorted(p.name for p in home.iterdir()) == [".cache"]


def test_the_session_check_sees_a_cache_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The check conftest runs at the end of the session, on a cache the test controls."""
    fake = tmp_path / "cache"
    monkeypatch.setenv("REFARCH_CACHE_DIR", str(fake))
    before = snapshot(fake)
    assert before is None
    KnowledgeBase.open(FROZEN_KB).architecture("dgx-superpod-h100")
    after = snapshot(fake)
    written = cache_writes(fake, before, after, [SOURCE_TREE])
    assert any("dgx-superpod-h100.yaml" in w for w in written), written
    assert cache_writes(fake, before, after, [tmp_path / "elsewhere"]) == []
    assert changes(before, after)[0] == "created"
    # A rewritten entry counts too.
    (entry,) = [p for p in fake.rglob("*.bin") if "dgx-superpod-h100" in p.name]
    entry.write_bytes(entry.read_bytes())
    os.utime(entry, ns=(0, 0))
    assert any(
        "dgx-superpod-h100" in w for w in cache_writes(fake, after, snapshot(fake), [SOURCE_TREE])
    )


def test_the_session_check_sees_a_tree_change(tmp_path: Path) -> None:
    tree = tmp_path / "tree"
    (tree / "pkg" / "__pycache__").mkdir(parents=True)
    (tree / "pkg" / "a.py").write_text("a = 1\n", encoding="utf-8")
    before = snapshot(tree)
    (tree / "pkg" / "__pycache__" / "a.pyc").write_bytes(b"ignored")
    assert changes(before, snapshot(tree)) == []
    (tree / "pkg" / "a.py").write_text("a = 22\n", encoding="utf-8")
    (tree / "artifacts").mkdir()
    (tree / "artifacts" / "shot.png").write_bytes(b"")
    assert changes(before, snapshot(tree)) == [
        "added artifacts/",
        "added artifacts/shot.png",
        "changed pkg/a.py",
    ]


def test_artifacts_are_outside_the_source_tree(artifacts: Path) -> None:
    assert artifacts.is_dir() and not _under(artifacts, SOURCE_TREE)
    if "REFARCH_TEST_ARTIFACTS" in os.environ:
        assert artifacts == Path(os.environ["REFARCH_TEST_ARTIFACTS"]).resolve()
