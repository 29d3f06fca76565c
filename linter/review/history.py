"""The knowledge base over git history: architecture versions (following renames), KB
releases, and the KB's files at any revision or in the working tree.

* An architecture's version ``A`` names the first commit (first-parent line) at which its
  ``version`` became ``A``.
* A release ``R`` names the *last* commit at which ``release.yaml`` still said ``R``: the release
  as it finally stood (for the current release, the newest commit). A release that exists only
  in the working tree's ``release.yaml`` names the working tree.
* History follows the first-parent line of HEAD: the main branch as merged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from linter.core import yamlio
from linter.core.errors import GitError, InputError, Location, UsageError
from linter.core.yamlio import Document
from linter.kb.model.release import Change, change_for
from linter.kb.model.release import Release as Manifest
from linter.review.git import UNSHALLOW_HINT, WORKTREE, LogEntry, Repository
from linter.review.revision import WORKTREE_REV, Lineage, Revision, follow

CALVER = re.compile(r"[0-9]{4}\.(0[1-9]|1[0-2])")
ARCH_ID = re.compile(r"[a-z0-9]+(?:[-.][a-z0-9]+)*")


@dataclass(frozen=True)
class Release:
    release: str
    first: Revision
    last: Revision
    position: int  # index of `last` in the log (len(log) for the working tree)


def version_of(doc: Document) -> str:
    v = doc.data.get("version") if isinstance(doc.data, dict) else None
    return v if isinstance(v, str) else ""


class KBHistory:
    """Reads the KB under ``prefix`` (e.g. ``architectures``) at any revision of ``repo``."""

    def __init__(self, repo: Repository, prefix: str = "architectures") -> None:
        self.repo = repo
        self.prefix = prefix.strip("/")
        self.ref_dir = f"{self.prefix}/reference" if self.prefix else "reference"
        self.release_path = f"{self.prefix}/release.yaml" if self.prefix else "release.yaml"
        self._docs: dict[tuple[str, str], Document] = {}
        self._log: list[LogEntry] | None = None
        self._positions: dict[str, int] = {}
        self._lineages: list[Lineage] | None = None
        self._releases: list[Release] | None = None
        self.problems: list[InputError] = []  # unreadable files met in history

    # --- documents -----------------------------------------------------------------------
    def doc(self, rev: Revision, path: str, blob: str = "") -> Document:
        """A KB file at ``rev`` (``blob`` given when known, to skip the tree walk)."""
        if rev.is_worktree:
            return yamlio.loads(yamlio.read_text(str(self.repo.root / path)), path)
        if not blob:
            blob = self.repo.files(rev.commit.sha, path.rsplit("/", 1)[0], False).get(path, "")  # type: ignore[union-attr]
            if not blob:
                raise InputError(f"no such file at {rev.label}", Location(path))
        key = (blob, path)
        doc = self._docs.get(key)
        if doc is None:
            try:
                doc = yamlio.loads(yamlio.decode(self.repo.blob(blob), path), path)
            except InputError as exc:
                raise InputError(f"{exc.message} (at {rev.label})", exc.location) from None
            except GitError as exc:  # a missing or corrupt object: say which file it is
                raise GitError(f"{path} at {rev.label}: {exc.message}") from None
            self._docs[key] = doc
        return doc

    def files(self, rev: Revision, sub: str = "", recursive: bool = False) -> dict[str, str]:
        """YAML files under ``prefix/sub`` at ``rev``: path -> blob id ('' in the working tree)."""
        base = f"{self.prefix}/{sub}".strip("/")
        if rev.is_worktree:
            root = self.repo.root / base
            found = root.rglob("*.yaml") if recursive else root.glob("*.yaml")
            return {
                p.relative_to(self.repo.root).as_posix(): "" for p in sorted(found) if p.is_file()
            }
        files = self.repo.files(rev.commit.sha, base, recursive)  # type: ignore[union-attr]
        return {p: b for p, b in files.items() if p.endswith(".yaml")}

    def architectures(self, rev: Revision) -> dict[str, str]:
        return self.files(rev, "reference")

    def release_doc(self, rev: Revision) -> Document | None:
        files = self.files(rev)
        if self.release_path not in files:
            return None
        return self.doc(rev, self.release_path, files[self.release_path])

    # --- history -------------------------------------------------------------------------
    def log(self) -> list[LogEntry]:
        if self._log is None:
            self._log = self.repo.log([self.prefix or "."])
            self._positions = {e.commit.sha: i for i, e in enumerate(self._log)}
        return self._log

    def position(self, rev: Revision) -> int | None:
        """Where ``rev`` stands in the KB's first-parent history (None if off that line)."""
        log = self.log()
        if rev.is_worktree:
            return len(log)
        sha = rev.commit.sha  # type: ignore[union-attr]
        if sha not in self._positions:
            last = self.repo.last_commit_touching(sha, [self.prefix or "."])
            if last is None or last not in self._positions:
                return None
            # `sha` has the KB of `last`; it sorts just after it.
            return self._positions[last]
        return self._positions[sha]

    def _read_version(self, rev: Revision, path: str, blob: str) -> tuple[str, Change | None]:
        try:
            doc = self.doc(rev, path, blob)
        except InputError as exc:
            self.problems.append(exc)
            return "", None
        version = version_of(doc)
        return version, change_for(doc.data, version)

    def lineages(self) -> list[Lineage]:
        """Every architecture seen in history, oldest first, renames followed."""
        if self._lineages is None:
            status = self.repo.status([self.ref_dir])
            self._lineages = follow(self.log(), status, self._read_version, self._is_arch)
        return self._lineages

    def _is_arch(self, path: str) -> bool:
        return (
            path.startswith(self.ref_dir + "/")
            and path.endswith(".yaml")
            and ("/" not in path[len(self.ref_dir) + 1 :])
        )

    def lineage(self, arch: str) -> Lineage | None:
        """The architecture known now (or last) as ``arch``, or once under that name."""
        lins = self.lineages()
        for lin in reversed(lins):
            if lin.id == arch:
                return lin
        for lin in reversed(lins):
            if arch in lin.names:
                return lin
        return None

    def releases(self) -> list[Release]:
        """KB releases in history order (and the working tree's, if it names a new one)."""
        if self._releases is not None:
            return self._releases
        log = self.log()
        out: list[Release] = []
        current = ""
        for i, entry in enumerate(log):
            rev = Revision(entry.commit)
            change = next((c for c in entry.changes if c.path == self.release_path), None)
            if change is not None:
                name = self._release_name(rev, change.blob or "") if change.blob else ""
                if name != current:
                    current = name
                    if name:
                        out.append(Release(name, Revision(entry.commit, name), rev, i))
            if current and out and out[-1].release == current:
                out[-1] = Release(current, out[-1].first, Revision(entry.commit, current), i)
        wt = self._release_name(WORKTREE_REV, "")
        if wt and wt != current and (self.repo.root / self.release_path).is_file():
            out.append(Release(wt, Revision(None, wt), Revision(None, wt), len(log)))
        self._releases = out
        return out

    def _release_name(self, rev: Revision, blob: str) -> str:
        try:
            if rev.is_worktree and not (self.repo.root / self.release_path).is_file():
                return ""
            doc = self.doc(rev, self.release_path, blob)
        except InputError as exc:
            self.problems.append(exc)
            return ""
        return Manifest.parse(doc.data).version

    # --- resolution ----------------------------------------------------------------------
    def revision(self, text: str) -> Revision:
        """A commit, tag, branch or ``worktree``."""
        if text == WORKTREE:
            return WORKTREE_REV
        return Revision(self.repo.commit(self.repo.resolve(text)))

    def release(self, text: str) -> Revision:
        """A KB release (``2026.11``) or, failing the CalVer form, any revision."""
        if not CALVER.fullmatch(text):
            return self.revision(text)
        self.repo.require_commits()
        rels = self.releases()
        for rel in reversed(rels):
            if rel.release == text:
                return rel.last
        known = ", ".join(r.release for r in rels) or "none"
        raise GitError(
            f"release {text} not found in the history of {self.release_path} "
            f"(releases found: {known}){self._shallow_hint()}"
        )

    def arch_version(self, arch: str, version: str) -> tuple[Revision, str]:
        """``ARCH@VERSION`` -> the first revision at that version, and the file's path there."""
        lin = self.lineage(arch)
        if lin is None:
            raise GitError(f"architecture {arch!r} not found in the history of {self.ref_dir}")
        for rec in lin.versions:
            if rec.version == version:
                return rec.rev, rec.path
        known = ", ".join(dict.fromkeys(r.version for r in lin.versions)) or "none"
        raise GitError(
            f"{arch} has no version {version} in history (versions: {known}){self._shallow_hint()}"
        )

    def shipped(self, arch: str, version: str) -> tuple[Revision, str] | None:
        """The state ``ARCH@VERSION`` was published in: the last revision of the first
        release whose manifest lists it at that version (with the file at that version), so
        the catalog it was checked with comes along. None when no release shipped it."""
        lin = self.lineage(arch)
        names = lin.names if lin else [arch]
        for rel in self.releases():
            doc = self.release_doc(rel.last)
            if doc is None:
                continue
            listed = Manifest.parse(doc.data).architectures
            if not any(listed.get(n) == version for n in names):
                continue
            files = self.architectures(rel.last)
            for n in reversed(names):
                path = f"{self.ref_dir}/{n}.yaml"
                if path in files and version_of(self.doc(rel.last, path, files[path])) == version:
                    return rel.last, path
        return None

    def arch_at(self, spec: str) -> tuple[str, Revision, str]:
        """``ARCH@A`` where A is a version, a revision or ``worktree`` -> (id, revision, path)."""
        arch, sep, at = spec.rpartition("@")
        if not sep or not arch or not at:
            raise UsageError(f"expected ARCH@VERSION, ARCH@REVISION or ARCH@worktree, got {spec!r}")
        if not ARCH_ID.fullmatch(arch):
            raise UsageError(f"invalid architecture id {arch!r} in {spec!r}")
        if CALVER.fullmatch(at):
            rev, path = self.shipped(arch, at) or self.arch_version(arch, at)
            return arch, rev, path
        rev = self.revision(at)
        files = self.architectures(rev)
        path = f"{self.ref_dir}/{arch}.yaml"
        if path not in files:
            lin = self.lineage(arch)
            names = lin.names if lin else []
            path = next(
                (
                    f"{self.ref_dir}/{n}.yaml"
                    for n in reversed(names)
                    if f"{self.ref_dir}/{n}.yaml" in files
                ),
                "",
            )
            if not path:
                raise GitError(f"{arch} does not exist at {rev.label}")
        return arch, rev, path

    def _shallow_hint(self) -> str:
        if self.repo.is_shallow:
            return f"; the history is truncated (shallow clone): {UNSHALLOW_HINT}"
        return ""


def open_kb_history(repo: Repository, kb_dir: str | Path | None) -> KBHistory:
    """The KB history of ``repo``, with the KB at ``kb_dir`` (default ``architectures``)."""
    prefix = "architectures"
    if kb_dir is not None:
        try:
            prefix = Path(kb_dir).resolve().relative_to(repo.root.resolve()).as_posix()
        except ValueError:
            raise GitError(
                f"the knowledge base {kb_dir} is not inside the repository {repo.root}"
            ) from None
        prefix = "" if prefix == "." else prefix
    return KBHistory(repo, prefix)
