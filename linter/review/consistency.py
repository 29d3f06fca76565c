"""Release consistency checks between two states of the knowledge base.

Each problem is an error finding with the file and line to fix:

* REL001 content changed without a version bump (anything but ``version`` and ``changes``);
* REL002 a version that does not increase (lower than before);
* REL003 a new version without a ``changes`` entry giving ``summary`` and ``why``;
* REL005 a catalog entry the architecture names (a racked system, a fabric, a figure its
  derived figures read) changed, and the architecture kept its version: plans pinned to it
  would be checked against other figures than the ones it was published with;
* REL004 ``release.yaml`` out of step: an architecture missing from it or listed at another
  version, a listed architecture without a file, a version newer than the release, or a
  release that went backwards.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from linter.core.errors import RefarchError
from linter.core.findings import Finding, at
from linter.core.parallel import fork_map
from linter.core.yamlio import Document
from linter.kb.checks import RELEASE
from linter.kb.model.release import Release, change_for
from linter.review.catalog_inputs import CatalogAt, catalog_changes, is_lifecycle, summary
from linter.review.diff import diff
from linter.review.history import KBHistory, version_of
from linter.review.revision import Revision, stem

# code -> (name, summary), from the declarations in linter.kb.checks
CHECKS: dict[str, tuple[str, str]] = {c.code: (c.name, c.summary) for c in RELEASE}
BOOKKEEPING = ("version", "changes")


@dataclass(frozen=True)
class Pair:
    """An architecture file before and after (either may be missing)."""

    old_path: str | None
    new_path: str | None


def _f(
    doc: Document, path: tuple[Any, ...], code: str, message: str, on_key: bool = False
) -> Finding:
    return at(doc, path, code, CHECKS[code][0], message, on_key=on_key)


def content(data: Any) -> Any:
    return (
        {k: v for k, v in data.items() if k not in BOOKKEEPING} if isinstance(data, dict) else data
    )


def pair_files(hist: KBHistory, old: dict[str, str], new: dict[str, str]) -> list[Pair]:
    """Architecture files of two states, paired by path and across renames recorded in history."""
    gone = [p for p in old if p not in new]
    came = [p for p in new if p not in old]
    renamed: dict[str, str] = {}
    if gone and came:
        for lin in hist.lineages():
            paths = [f"{hist.ref_dir}/{n}.yaml" for n in lin.names]
            a = next((p for p in gone if p in paths), None)
            b = next((p for p in came if p in paths), None)
            if a and b:
                renamed[a] = b
    pairs = [Pair(p, p) for p in old if p in new]
    pairs += [Pair(p, renamed.get(p)) for p in gone]
    pairs += [Pair(None, p) for p in came if p not in renamed.values()]
    return sorted(pairs, key=lambda p: p.new_path or p.old_path or "")


def check_step(hist: KBHistory, a: Revision, b: Revision, label: str) -> list[Finding]:
    """REL001-REL003 between two revisions, and REL004 at the second."""
    old, new = hist.architectures(a), hist.architectures(b)
    out: list[Finding] = []
    catalogs = _catalogs(hist, a, b)
    for pair in pair_files(hist, old, new):
        if pair.new_path is None:
            continue
        nd = hist.doc(b, pair.new_path, new[pair.new_path])
        od = hist.doc(a, pair.old_path, old[pair.old_path]) if pair.old_path else None
        same = bool(
            pair.old_path and old[pair.old_path] and old[pair.old_path] == new[pair.new_path]
        )
        found = [] if same else _check_arch(od, nd, label)  # same blob: the file is unchanged
        if not found and od is not None and catalogs is not None:
            found = _check_catalog(hist, a, b, od, nd, catalogs, label)
        out.extend(found)
    out.extend(check_release(hist, b, new, hist.release_doc(a)))
    return out


def _catalogs(hist: KBHistory, a: Revision, b: Revision) -> tuple[CatalogAt, CatalogAt] | None:
    """The catalogs of ``a`` and ``b``, or None when no catalog file differs between them."""
    ca, cb = CatalogAt(hist, a), CatalogAt(hist, b)
    if ca.files == cb.files and all(blob for _, blob, _ in cb.files.values()):
        return None
    return ca, cb


def _check_catalog(
    hist: KBHistory,
    a: Revision,
    b: Revision,
    od: Document,
    nd: Document,
    catalogs: tuple[CatalogAt, CatalogAt],
    label: str,
) -> list[Finding]:
    """REL005: what the architecture takes from the catalog changed under the same version."""
    nv, ov = version_of(nd), version_of(od)
    if not nv or nv != ov:
        return []
    changed = [
        c for c in catalog_changes(hist, a, b, od.data, nd.data, catalogs) if not is_lifecycle(c)
    ]
    if not changed:
        return []
    return [
        _f(
            nd,
            ("version",),
            "REL005",
            f"catalog figures this architecture uses changed since {ov} ({summary(changed)}) "
            f"but the version is still {nv}: plans pinned to {stem(nd.path)}@{nv} would be "
            f"checked against other figures; bump `version` and add a `changes` entry saying "
            f"why [{label}]",
        )
    ]


def _check_arch(od: Document | None, nd: Document, label: str) -> list[Finding]:
    nv = version_of(nd)
    if not nv:
        return []  # no version at all: the schema check reports it
    if od is not None:
        ov = version_of(od)
        if nv == ov:
            changed = diff(content(od.data), content(nd.data))
            if changed:
                what = changed[0].where + (
                    f" and {len(changed) - 1} more" if len(changed) > 1 else ""
                )
                return [
                    _f(
                        nd,
                        ("version",),
                        "REL001",
                        f"content changed since {ov} ({what}) but the version is still {nv}: "
                        f"bump `version` and add a `changes` entry saying why [{label}]",
                    )
                ]
            return []
        if ov and nv < ov:
            return [
                _f(
                    nd,
                    ("version",),
                    "REL002",
                    f"version {nv} is lower than the previous {ov} [{label}]",
                )
            ]
    entry = change_for(nd.data, nv)
    if entry is None:
        return [
            _f(
                nd,
                ("changes",),
                "REL003",
                f"version {nv} has no `changes` entry: add one with `summary` and `why` [{label}]",
                on_key=True,
            )
        ]
    missing = [k for k, v in (("summary", entry.summary), ("why", entry.why)) if not v.strip()]
    if missing:
        return [
            _f(
                nd,
                entry.at,
                "REL003",
                f"the `changes` entry for {nv} has no {' or '.join(missing)} [{label}]",
            )
        ]
    return []


def check_release(
    hist: KBHistory, rev: Revision, archs: dict[str, str], previous: Document | None
) -> list[Finding]:
    """REL004: release.yaml at ``rev`` against the architecture files there."""
    rel = hist.release_doc(rev)
    if rel is None:
        return []
    manifest = Release.parse(rel.data)
    listed, release = manifest.architectures, manifest.version
    label = release or rev.short
    out: list[Finding] = []
    prev = Release.parse(previous.data).version if previous is not None else ""
    if prev and release and release < prev:
        out.append(
            _f(
                rel,
                ("release",),
                "REL004",
                f"release {release} is lower than the previous {prev} [{label}]",
            )
        )
    for path, blob in sorted(archs.items()):
        doc = hist.doc(rev, path, blob)
        arch, version = stem(path), version_of(doc)
        if not version:
            continue
        if arch not in listed:
            out.append(
                _f(
                    rel,
                    ("architectures",),
                    "REL004",
                    f"{arch} ({version}) is not listed in release.yaml [{label}]",
                    on_key=True,
                )
            )
        elif listed[arch] != version:
            out.append(
                _f(
                    rel,
                    ("architectures", arch),
                    "REL004",
                    f"release.yaml lists {arch} at {listed[arch]} but {path} is at {version} "
                    f"[{label}]",
                )
            )
        if release and version > release:
            out.append(
                _f(
                    doc,
                    ("version",),
                    "REL004",
                    f"version {version} is newer than the release {release} in release.yaml "
                    f"[{label}]",
                )
            )
    files = {stem(p) for p in archs}
    for arch in listed:
        if arch not in files:
            out.append(
                _f(
                    rel,
                    ("architectures", arch),
                    "REL004",
                    f"release.yaml lists {arch}, which has no file in {hist.ref_dir} [{label}]",
                    on_key=True,
                )
            )
    return out


# Below this many release steps a second process costs more than it saves.
MIN_PARALLEL_STEPS = 16


def check_steps(
    hist: KBHistory, steps: list[Revision], names: list[str], jobs: int = 1
) -> list[Finding]:
    """check_step over each pair of consecutive revisions, in order.

    Parsing every revised file is most of the cost of a long review, so with ``jobs`` > 1 the
    steps are split into contiguous runs checked in forked processes (``core.parallel``), each
    with its own git repository object (and cat-file process): nothing of the parent's git
    state is used there.
    """
    idx = list(range(1, len(steps)))
    if jobs < 2 or len(idx) < MIN_PARALLEL_STEPS:
        return _run(hist, steps, names, idx)
    size = -(-len(idx) // jobs)
    chunks = [idx[k : k + size] for k in range(0, len(idx), size)]
    root, prefix = str(hist.repo.root), hist.prefix
    out: list[Finding] = []
    for found, error in fork_map(
        lambda chunk: _worker(root, prefix, steps, names, chunk), chunks, len(chunks)
    ):
        if error is not None:
            raise error[0](error[1], error[2])
        out += found
    return out


def _run(hist: KBHistory, steps: list[Revision], names: list[str], idx: list[int]) -> list[Finding]:
    out: list[Finding] = []
    for i in idx:
        out += check_step(hist, steps[i - 1], steps[i], f"{names[i - 1]} -> {names[i]}")
    return out


def _worker(
    root: str, prefix: str, steps: list[Revision], names: list[str], idx: list[int]
) -> tuple[list[Finding], tuple[type[RefarchError], str, Any] | None]:
    from linter.review.git import open_repository

    try:
        with open_repository(root) as repo:
            return _run(KBHistory(repo, prefix), steps, names, idx), None
    except RefarchError as exc:  # exceptions lose their location when pickled: send the parts
        return [], (type(exc), exc.message, exc.location)


def dedupe(findings: list[Finding]) -> list[Finding]:
    """The first of each problem that persists over several releases."""
    seen: set[tuple[str, str, str]] = set()
    out: list[Finding] = []
    for f in findings:
        key = (f.rule, f.file, f.message.rsplit(" [", 1)[0])
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out
