"""The KB parse cache gives exactly what parsing gives, and never a stale or broken result."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import FROZEN_KB

from linter.core import yamlio
from linter.core.errors import InputError
from linter.kb import cache as parsecache
from linter.kb.store import KnowledgeBase

KB = FROZEN_KB


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("REFARCH_NO_CACHE", raising=False)
    monkeypatch.setenv("REFARCH_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def _same(a: yamlio.Document, b: yamlio.Document) -> None:
    assert (a.path, a.text, a.data, a.spans, a.key_spans) == (
        b.path, b.text, b.data, b.spans, b.key_spans)  # fmt: skip
    assert all(type(s) is yamlio.Span for s in b.spans.values())


def test_every_kb_file_comes_back_as_parsed(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = sorted(KB.rglob("*.yaml"))
    parsed = {f: yamlio.load(str(f)) for f in files}
    for f in files:
        _same(parsed[f], parsecache.load(str(f)))  # parsed and stored
    assert len(list(cache.rglob("*.bin"))) == len(files)

    def no_parsing(path: str) -> yamlio.Document:
        raise AssertionError(f"parsed {path} again")

    monkeypatch.setattr(parsecache.yamlio, "load", no_parsing)
    for f in files:
        _same(parsed[f], parsecache.load(str(f)))  # from the cache


def test_a_changed_file_is_parsed_again(cache: Path, tmp_path: Path) -> None:
    f = tmp_path / "entry.yaml"
    f.write_text("id: a\nvalue: 1\n")
    assert parsecache.load(str(f)).data == {"id": "a", "value": 1}
    stat = f.stat()
    f.write_text("id: b\nvalue: 2\n")  # same size
    os.utime(f, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # and same modification time
    assert parsecache.load(str(f)).data == {"id": "b", "value": 2}


def test_errors_are_reported_every_time_and_never_cached(cache: Path, tmp_path: Path) -> None:
    f = tmp_path / "bad.yaml"
    f.write_text("id: [\n")
    for _ in range(2):
        with pytest.raises(InputError, match="YAML syntax error"):
            parsecache.load(str(f))
    with pytest.raises(InputError, match="no such file"):
        parsecache.load(str(tmp_path / "missing.yaml"))
    assert list(cache.rglob("*.bin")) == []


def test_a_corrupt_or_unwritable_cache_is_ignored(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    f = tmp_path / "entry.yaml"
    f.write_text("id: a\n")
    parsecache.load(str(f))
    (entry,) = cache.rglob("*.bin")
    entry.write_bytes(b"\x00garbage")
    assert parsecache.load(str(f)).data == {"id": "a"}
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("")
    monkeypatch.setenv("REFARCH_CACHE_DIR", str(blocker))
    assert parsecache.load(str(f)).data == {"id": "a"}


def test_no_cache_switch(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REFARCH_NO_CACHE", "1")
    assert parsecache.cache_dir() is None
    KnowledgeBase.open(KB).architecture("dgx-superpod-h100")
    assert not cache.exists()


def test_the_kb_reads_through_the_cache(cache: Path) -> None:
    arch = KnowledgeBase.open(KB).architecture("dgx-superpod-h100")
    assert arch is not None
    assert [p.name for p in cache.rglob("*.bin")] and any(
        p.name.endswith("-dgx-superpod-h100.yaml.bin") for p in cache.rglob("*.bin")
    )
    again = KnowledgeBase.open(KB).architecture("dgx-superpod-h100")
    assert again is not None and again.doc.data == arch.doc.data


def test_a_check_that_passed_is_not_run_again_for_the_same_key(cache: Path, tmp_path: Path) -> None:
    f = tmp_path / "entry.yaml"
    f.write_text("id: a\n")
    runs: list[str] = []

    def check(doc: yamlio.Document) -> None:
        runs.append(doc.data["id"])
        if doc.data["id"] == "bad":
            raise InputError("rejected")

    for _ in range(2):
        assert parsecache.load(str(f), check, "k1").data == {"id": "a"}
    assert runs == ["a"]
    parsecache.load(str(f), check, "k2")  # another schema version: checked again
    assert runs == ["a", "a"]
    f.write_text("id: bad\n")
    for _ in range(2):
        with pytest.raises(InputError, match="rejected"):
            parsecache.load(str(f), check, "k1")
    assert runs == ["a", "a", "bad", "bad"]  # a failing verdict is never cached
    assert parsecache.load(str(f)).data == {"id": "bad"}  # the parse itself is


def test_a_checked_kb_records_the_schema_verdict(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from linter.schemas import loader as schemas

    assert KnowledgeBase.open(KB, checked=True).architecture("dgx-superpod-h100") is not None
    monkeypatch.setattr(schemas, "errors", lambda kind, data: pytest.fail("checked again"))
    assert KnowledgeBase.open(KB, checked=True).architecture("dgx-superpod-h100") is not None
