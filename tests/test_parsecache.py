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


# --- a forged CRC-32 --------------------------------------------------------------------------
_TABLE = []
for _n in range(256):
    _c = _n
    for _ in range(8):
        _c = (_c >> 1) ^ 0xEDB88320 if _c & 1 else _c >> 1
    _TABLE.append(_c)
_BY_TOP = {t >> 24: i for i, t in enumerate(_TABLE)}


def _back(reg: int, byte: int) -> int:
    """The CRC register before ``byte`` was processed, from the register after it."""
    idx = _BY_TOP[reg >> 24]
    return (((reg ^ _TABLE[idx]) << 8) & 0xFFFFFFFF) | ((idx ^ byte) & 0xFF)


def forge(data: bytes, target: int, at: int) -> bytes:
    """``data`` with its four bytes at ``at`` replaced so that its CRC-32 is ``target``
    (CRC is linear: four free bytes reach any value)."""
    import zlib

    before = zlib.crc32(data[:at]) ^ 0xFFFFFFFF
    reg = target ^ 0xFFFFFFFF
    for b in reversed(data[at + 4 :]):
        reg = _back(reg, b)
    for _ in range(4):
        reg = _back(reg, 0)
    patch = (reg ^ before).to_bytes(4, "little")
    return data[:at] + patch + data[at + 4 :]


def test_a_same_size_same_crc32_edit_is_not_served_from_the_cache(
    cache: Path, tmp_path: Path
) -> None:
    """An edit to a KB figure, forged to keep the file's size and CRC-32 (four bytes solved in
    a YAML comment), is read as edited: the cache keys on a digest that cannot be forged."""
    import zlib

    src = KB / "catalog" / "systems" / "dgx-h100.yaml"
    original = src.read_bytes() + b"# padding: xxxxxxxx\n"
    path = tmp_path / "dgx-h100.yaml"
    path.write_bytes(original)
    assert parsecache.load(str(path)).data["max_power_kw"]["value"] == 10.2
    edited = original.replace(b"max_power_kw: {value: 10.2,", b"max_power_kw: {value: 12.2,", 1)
    at = len(edited) - 9  # inside the comment's x's
    for salt in range(100_000):  # until the four solved bytes are printable ASCII
        pad = f"{salt:04d}".encode()
        candidate = forge(edited[: at - 4] + pad + edited[at:], zlib.crc32(original), at)
        patch = candidate[at : at + 4]
        if all(0x20 <= b < 0x7F for b in patch):
            break
    else:
        pytest.fail("no printable forgery found")
    assert len(candidate) == len(original) and zlib.crc32(candidate) == zlib.crc32(original)
    path.write_bytes(candidate)
    doc = parsecache.load(str(path))
    assert doc.data["max_power_kw"]["value"] == 12.2
