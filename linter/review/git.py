"""Git access for refarch: GitPython behind a few small typed functions.

* Blobs and trees of any number of revisions are read through one long-lived
  ``git cat-file --batch`` process (GitPython's persistent command), not one process per
  revision.
* A revision typed by a user never reaches git's command line. It is checked first
  (:func:`check_revision`: no leading ``-``, no whitespace, no ranges or paths) and then
  resolved by writing it to cat-file's standard input, where git parses no options at all.
  Only full object ids that git itself returned are ever passed as arguments, after
  ``--end-of-options``.
* No shell, no remote: the commands run are ``log``, ``cat-file``, ``status``, ``rev-list``
  and ``rev-parse``, all local.
* Every git failure becomes a :class:`~linter.core.errors.GitError` with a readable message.

The records and parsers of git's output are in :mod:`linter.review.gitobjects`; this module
re-exports the public ones.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

import git
from git.exc import GitCommandError, InvalidGitRepositoryError, NoSuchPathError

from linter.core.errors import GitError
from linter.review.gitobjects import (
    UNSHALLOW_HINT,
    WORKTREE,
    Commit,
    LogEntry,
    PathChange,
    TreeEntry,
    check_revision,
    full_sha,
    iso_date,
    parse_log,
    parse_tree,
    text,
)

__all__ = [
    "UNSHALLOW_HINT",
    "WORKTREE",
    "Commit",
    "LogEntry",
    "PathChange",
    "Repository",
    "TreeEntry",
    "check_revision",
    "open_repository",
]


# A knowledge base has about a hundred files; a tree that repeats a subtree can name billions.
MAX_TREE_ENTRIES = 100_000


class Repository:
    """A local git repository, read through one persistent cat-file process."""

    def __init__(self, repo: git.Repo) -> None:
        self._repo = repo
        self.root = Path(repo.working_tree_dir or repo.git_dir)
        self._trees: dict[str, list[TreeEntry]] = {}
        self._blobs: dict[str, bytes] = {}
        self._has_commits: bool | None = None

    # --- state of the repository --------------------------------------------------------
    @property
    def has_commits(self) -> bool:
        if self._has_commits is None:
            self._has_commits = self._object("HEAD^{commit}") is not None
        return self._has_commits

    @property
    def is_shallow(self) -> bool:
        return Path(self._repo.common_dir, "shallow").is_file()

    @property
    def detached_at(self) -> str | None:
        """The commit HEAD points at when it is detached, else None."""
        if self.has_commits and self._repo.head.is_detached:
            obj = self._object("HEAD^{commit}")
            return obj[0] if obj else None
        return None

    def require_commits(self) -> None:
        if not self.has_commits:
            raise GitError(
                f"the repository at {self.root} has no commits yet, so there is no history "
                "to read: commit the knowledge base first"
            )

    # --- reading objects ---------------------------------------------------------------
    def _object(self, ref: str) -> tuple[str, str, bytes] | None:
        try:
            sha, kind, _size, data = self._repo.git.get_object_data(ref)
        except ValueError:
            return None
        except GitCommandError as exc:
            raise GitError(f"git cat-file failed: {exc.stderr.strip() or exc}") from None
        return text(sha), text(kind), bytes(data)

    def resolve(self, rev: str) -> str:
        """The full commit id ``rev`` names: UsageError if malformed, GitError if unknown."""
        check_revision(rev)
        self.require_commits()
        obj = self._object(f"{rev}^{{commit}}")
        if obj is None:
            hint = f"; the clone is shallow, {UNSHALLOW_HINT}" if self.is_shallow else ""
            raise GitError(f"unknown revision {rev!r}{hint}")
        return obj[0]

    def commit(self, sha: str) -> Commit:
        obj = self._object(sha)
        if obj is None or obj[1] != "commit":
            raise GitError(f"not a commit: {sha}")
        head, _, message = obj[2].decode("utf-8", "replace").partition("\n\n")
        author, email, date = "", "", ""
        for line in head.splitlines():
            if line.startswith("author "):
                m = re.match(r"author (.*) <(.*)> (\d+) ([+-]\d{4})$", line)
                if m:
                    author, email, date = m.group(1), m.group(2), iso_date(m.group(3), m.group(4))
        return Commit(sha, author, email, date, message.split("\n", 1)[0])

    def blob(self, sha: str) -> bytes:
        data = self._blobs.get(sha)
        if data is None:
            obj = self._object(sha)
            if obj is None or obj[1] != "blob":
                raise GitError(f"missing blob {sha}")
            data = self._blobs[sha] = obj[2]
        return data

    def tree(self, ref: str) -> list[TreeEntry]:
        """Entries of a tree given by id (or ``<commit>^{tree}``)."""
        cached = self._trees.get(ref)
        if cached is not None:
            return cached
        obj = self._object(ref)
        if obj is None or obj[1] != "tree":
            raise GitError(f"missing tree {ref}")
        entries = parse_tree(obj[2])
        self._trees[ref] = self._trees[obj[0]] = entries
        return entries

    def files(self, commit: str, prefix: str, recursive: bool = True) -> dict[str, str]:
        """Blob id of every file under directory ``prefix`` at ``commit`` (path -> blob)."""
        entries = self.tree(f"{commit}^{{tree}}")
        for part in [p for p in prefix.split("/") if p]:
            sub = next((e for e in entries if e.name == part and e.is_tree), None)
            if sub is None:
                return {}
            entries = self.tree(sub.sha)
        out: dict[str, str] = {}
        base = prefix.strip("/")
        stack = [(base, entries)]
        seen = 0
        while stack:
            path, items = stack.pop()
            for e in items:
                full = f"{path}/{e.name}" if path else e.name
                # A crafted tree can hold "..": its files would be written outside the
                # directory a KB at a revision is unpacked into. git refuses to check it out.
                if e.name in ("", ".", "..", ".git") or "/" in e.name or "\x00" in e.name:
                    raise GitError(f"unsafe path {full!r} in the tree of commit {commit[:7]}")
                seen += 1
                if seen > MAX_TREE_ENTRIES:
                    raise GitError(
                        f"more than {MAX_TREE_ENTRIES} entries under {base or '/'} at commit "
                        f"{commit[:7]}: not a knowledge base"
                    )
                if e.is_blob:
                    out[full] = e.sha
                elif e.is_tree and recursive:
                    stack.append((full, self.tree(e.sha)))
        return out

    # --- commands ----------------------------------------------------------------------
    def log(self, paths: Sequence[str]) -> list[LogEntry]:
        """First-parent history of HEAD touching ``paths``, oldest first, renames detected."""
        self.require_commits()
        fmt = "--format=%x1e%H%x1f%an%x1f%ae%x1f%aI%x1f%s"
        # fmt: off
        args = ["--first-parent", "--raw", "-z", "--no-abbrev", "-M", "--reverse", fmt,
                "--end-of-options", "HEAD", "--", *paths]
        # fmt: on
        return parse_log(self._git("log", *args))

    def last_commit_touching(self, sha: str, paths: Sequence[str]) -> str | None:
        """The newest first-parent ancestor of ``sha`` (itself included) that changed ``paths``."""
        out = self._git(
            "rev-list", "--first-parent", "-n1", "--end-of-options", full_sha(sha), "--", *paths
        )
        return out.strip() or None

    def status(self, paths: Sequence[str]) -> list[tuple[str, str, str]]:
        """Uncommitted changes under ``paths``: (porcelain code, path, a rename's old path)."""
        if not self._repo.working_tree_dir:
            return []
        raw = self._git("status", "--porcelain=v1", "-z", "--untracked-files=all", "--", *paths)
        out: list[tuple[str, str, str]] = []
        tokens = raw.split("\x00")
        i = 0
        while i < len(tokens):
            tok = tokens[i]
            i += 1
            if len(tok) < 4:
                continue
            code, path, old = tok[:2], tok[3:], ""
            if "R" in code or "C" in code:
                old = tokens[i] if i < len(tokens) else ""
                i += 1
            out.append((code, path, old))
        return out

    def _git(self, command: str, *args: str) -> str:
        try:
            return str(
                self._repo.git.execute(
                    ["git", command, *args],
                    strip_newline_in_stdout=False,
                )
            )
        except GitCommandError as exc:
            message = (exc.stderr or "").strip().removeprefix("stderr:").strip(" '\n")
            raise GitError(f"git {command} failed: {message or exc}") from None

    def close(self) -> None:
        self._repo.close()

    def __enter__(self) -> Repository:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_repository(path: str | Path) -> Repository:
    """The git repository containing ``path``; GitError if there is none."""
    try:
        repo = git.Repo(str(path), search_parent_directories=True)
    except (InvalidGitRepositoryError, NoSuchPathError):
        raise GitError(
            f"not a git repository: {path} (versions come from git history; run this inside "
            "a clone of the knowledge base repository, or pass --repo DIR)"
        ) from None
    if repo.bare:
        repo.close()
        raise GitError(f"{path} is a bare repository: refarch needs a working tree")
    return Repository(repo)
