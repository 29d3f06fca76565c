"""The typed knowledge base: one loader for every job, files read lazily and once.

Linting one plan needs its architecture and a handful of catalog entries, not all of them,
so entries are indexed by file name and parsed on first use.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from linter.core.digest import blake2b
from linter.core.errors import InputError, Location
from linter.core.text import did_you_mean
from linter.core.yamlio import Document, json_path, walk
from linter.kb import cache as parsecache
from linter.kb.figures import figure_value
from linter.kb.model import architecture as _architecture
from linter.kb.model import catalog as _catalog
from linter.kb.model import standard as _standard
from linter.kb.model.architecture import Architecture
from linter.kb.model.base import Located
from linter.kb.model.catalog import Accelerator, Cooling, Efficiency, Fabric, Model, System
from linter.kb.model.release import RELEASE_FILE, Release
from linter.kb.model.standard import Standard

# Directory (relative to the KB root) -> kind of the files in it.
KIND_DIRS: dict[str, str] = {
    "catalog/accelerators": "accelerator",
    "catalog/systems": "system",
    "catalog/cooling": "cooling",
    "catalog/networks": "network",
    "catalog/models": "model",
    "catalog/efficiency": "efficiency",
    "standards": "standard",
    "reference": "architecture",
}
CATALOG_KINDS = ("accelerator", "system", "cooling", "network", "model", "efficiency")
# Every kind of KB entry, catalog kinds first (the order ids are looked up in).
KINDS = (*CATALOG_KINDS, "architecture", "standard")


T = TypeVar("T", bound=Located)


def _parse(kind: str, id_: str, doc: Document) -> Located:
    if kind == "architecture":
        return _architecture.parse(id_, doc)
    if kind == "standard":
        return _standard.parse(id_, doc)
    return _catalog.parse(kind, id_, doc)


@dataclass
class Entry:
    """One KB file: catalog entry, standard or architecture, as read (``doc``) and typed
    (``typed``, built once on first use). Jobs about a file's shape (validation, provenance,
    the structural diff) read ``doc``; every other job reads ``typed``."""

    id: str
    kind: str
    doc: Document
    _typed: Located | None = field(default=None, repr=False, compare=False)

    @property
    def typed(self) -> Located:
        if self._typed is None:
            self._typed = _parse(self.kind, self.id, self.doc)
        return self._typed

    @property
    def path(self) -> str:
        return self.doc.path

    def location(self, *keys: str | int) -> Location:
        return self.doc.location(tuple(keys))


@dataclass
class KnowledgeBase:
    root: Path
    # Checked: an entry that does not match its kind's schema is an InputError when loaded,
    # so code reading figures (the lint rules, sizing) may rely on the schema's shapes.
    checked: bool = False
    _index: dict[str, dict[str, Path]] = field(default_factory=dict)
    _cache: dict[Path, Entry] = field(default_factory=dict)
    _release: Document | None = None
    origin: str = ""  # how a command chose it: --kb, $REFARCH_KB, checkout or built-in

    @classmethod
    def open(cls, root: str | Path, checked: bool = False) -> KnowledgeBase:
        root = Path(root)
        if not root.is_dir():
            raise InputError("knowledge base directory not found", Location(str(root)))
        kb = cls(root=root, checked=checked)
        for rel, kind in KIND_DIRS.items():
            d = root / rel
            files = sorted(d.glob("*.yaml")) if d.is_dir() else []
            kb._index[kind] = {p.stem: p for p in files}
        return kb

    # --- lookup -------------------------------------------------------------------------
    def ids(self, kind: str) -> list[str]:
        return sorted(self._index.get(kind, {}))

    def has(self, kind: str, id_: str) -> bool:
        return id_ in self._index.get(kind, {})

    def get(self, kind: str, id_: str) -> Entry | None:
        path = self._index.get(kind, {}).get(id_)
        if path is None:
            return None
        entry = self._cache.get(path)
        if entry is None:
            if self.checked:
                # The verdict is cached with the parse, keyed by every schema's checksum.
                from linter.schemas.loader import fingerprint

                doc = parsecache.load(
                    str(path),
                    check=lambda d: _check(Entry(id=id_, kind=kind, doc=d)),
                    check_key=f"{kind}:{_check_key()}:{fingerprint()}",
                )
            else:
                doc = parsecache.load(str(path))
            entry = Entry(id=id_, kind=kind, doc=doc)
            self._cache[path] = entry
        return entry

    def find(self, id_: str) -> Entry | None:
        """An entry of any kind by id (ids are unique across kinds in practice)."""
        for kind in KINDS:
            if self.has(kind, id_):
                return self.get(kind, id_)
        return None

    def kind_of(self, id_: str) -> str | None:
        for kind, ids in self._index.items():
            if id_ in ids:
                return kind
        return None

    def entries(self, kind: str) -> Iterator[Entry]:
        for id_ in self.ids(kind):
            e = self.get(kind, id_)
            if e is not None:
                yield e

    def files(self) -> list[tuple[str, Path]]:
        """Every KB file as (kind, path), the release manifest first."""
        out: list[tuple[str, Path]] = []
        if self.release_path.is_file():
            out.append(("release", self.release_path))
        for kind in KIND_DIRS.values():
            out.extend((kind, p) for p in self._index.get(kind, {}).values())
        return out

    # --- typed entries ---------------------------------------------------------------------
    def _typed(self, kind: str, id_: str, cls: type[T]) -> T | None:
        entry = self.get(kind, id_)
        if entry is None:
            return None
        typed = entry.typed
        assert isinstance(typed, cls)
        return typed

    def _all(self, kind: str, cls: type[T]) -> Iterator[T]:
        for id_ in self.ids(kind):
            typed = self._typed(kind, id_, cls)
            if typed is not None:
                yield typed

    def architecture(self, id_: str) -> Architecture | None:
        return self._typed("architecture", id_, Architecture)

    def architectures(self) -> Iterator[Architecture]:
        return self._all("architecture", Architecture)

    def system(self, id_: str) -> System | None:
        return self._typed("system", id_, System)

    def systems(self) -> Iterator[System]:
        return self._all("system", System)

    def accelerator(self, id_: str) -> Accelerator | None:
        return self._typed("accelerator", id_, Accelerator)

    def accelerators(self) -> Iterator[Accelerator]:
        return self._all("accelerator", Accelerator)

    def model(self, id_: str) -> Model | None:
        return self._typed("model", id_, Model)

    def fabric(self, id_: str) -> Fabric | None:
        return self._typed("network", id_, Fabric)

    def cooling(self, id_: str) -> Cooling | None:
        return self._typed("cooling", id_, Cooling)

    def coolings(self) -> Iterator[Cooling]:
        return self._all("cooling", Cooling)

    def efficiency(self, id_: str) -> Efficiency | None:
        return self._typed("efficiency", id_, Efficiency)

    def efficiencies(self) -> Iterator[Efficiency]:
        return self._all("efficiency", Efficiency)

    def standard(self, id_: str) -> Standard | None:
        return self._typed("standard", id_, Standard)

    def typed(self, kind: str) -> Iterator[Located]:
        """Every typed entry of ``kind``, by id."""
        return self._all(kind, Located)

    # --- the release manifest -------------------------------------------------------------
    @property
    def release_path(self) -> Path:
        return self.root / RELEASE_FILE

    @property
    def release_doc(self) -> Document | None:
        """``release.yaml`` as read (for positions), or None when the KB has none."""
        if self._release is None and self.release_path.is_file():
            self._release = parsecache.load(str(self.release_path))
        return self._release

    @property
    def release(self) -> Release:
        """The release manifest, typed (empty when the KB has none)."""
        doc = self.release_doc
        return Release.parse(doc.data if doc is not None else None)

    @property
    def release_version(self) -> str | None:
        return self.release.version or None

    def identity(self) -> dict[str, str | None]:
        """Which KB this is, for reports: its path (relative to the current directory when
        inside it), its release, and how it was chosen."""
        return {"path": _shown(self.root), "release": self.release_version, "origin": self.origin}

    def describe(self) -> str:
        i = self.identity()
        how = f", {i['origin']}" if i["origin"] else ""
        return f"knowledge base {i['path']} (release {i['release'] or 'none'}{how})"

    def resolve_figure(self, ref: str) -> float | None:
        """``dgx-h100.max_power_kw`` -> the figure's value, or None."""
        id_, _, key = ref.partition(".")
        entry = self.find(id_)
        if entry is None or not key:
            return None
        return figure_value(entry.doc.get(tuple(key.split("."))))

    def did_you_mean(self, kind: str, id_: str) -> str:
        """`` (did you mean a, b?)`` for the ids of ``kind`` close to ``id_``, or ``""``."""
        return did_you_mean(id_, self.ids(kind))


def _check(entry: Entry) -> None:
    from linter.schemas import loader as schemas

    for path, value in walk(entry.doc.data):  # a schema's bounds let NaN through
        if isinstance(value, float) and not math.isfinite(value):
            raise InputError(
                f"{entry.kind} {entry.id!r}: {json_path(path)} is {value}, not a finite number "
                "(run `refarch validate`)",
                entry.doc.location(path),
            )
    problems = schemas.errors(entry.kind, entry.doc.data)
    if problems:
        where = tuple(problems[0].absolute_path)
        raise InputError(
            f"{entry.kind} {entry.id!r} does not match its schema: {json_path(where)}: "
            f"{problems[0].message} (run `refarch validate`)",
            entry.doc.location(where),
        )


@functools.cache
def _check_key() -> str:
    """Part of a cached verdict's key: refarch's version and a digest of the code a verdict
    depends on (the check, its helpers, the schema loader and compiler, the YAML and units
    readers), so any change to them runs the check again. The compiled validators are left
    out: they are generated from the schemas (whose digest is in the key) by that compiler."""
    from linter import __version__

    base = Path(__file__).resolve().parent.parent
    h = blake2b(digest_size=16)
    for sub in ("kb", "schemas", "core"):
        for path in sorted((base / sub).rglob("*.py")):
            if "compiled" in path.parts:
                continue
            data = path.read_bytes()
            h.update(f"{path.relative_to(base).as_posix()}\0{len(data)}\0".encode() + data)
    return f"{__version__}:{h.hexdigest()}"


def _shown(path: Path) -> str:
    try:
        full, here = path.resolve(), Path.cwd().resolve()
    except OSError:
        return str(path)
    return full.relative_to(here).as_posix() if full.is_relative_to(here) else str(full)


def kind_for_path(kb_root: Path, path: Path) -> str | None:
    """The kind of a file by where it sits in a KB, or None if it is outside it."""
    try:
        rel = path.resolve().relative_to(kb_root.resolve())
    except ValueError:
        return None
    if rel.as_posix() == "release.yaml":
        return "release"
    return KIND_DIRS.get(rel.parent.as_posix())
