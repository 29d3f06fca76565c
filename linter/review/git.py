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
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import git
from git.exc import GitCommandError, InvalidGitRepositoryError, NoSuchPathError

from linter.core.errors import GitError, UsageError

WORKTREE = "worktree"
# A knowledge base has about a hundred files; a tree that repeats a subtree can name billions.
MAX_TREE_ENTRIES = 100_000
UNSHALLOW_HINT = "fetch the full history with `git fetch --unshallow`"

_REV = re.compile(r"[A-Za-z0-9_][A-Za-z0-9._/~^@{}+-]{0,199}")
_SHA = re.compile(r"[0-9a-f]{40}")


def check_revision(rev: str) -> str:
    """Return ``rev`` if it is a plain revision (commit, tag, branch, ``HEAD~2``), else raise.

    Anything starting with ``-`` is refused, so that no user string can be read as an option.
    """
    if rev.startswith("-"):
        raise UsageError(f"invalid revision {rev!r}: a revision may not start with '-'")
    if not _REV.fullmatch(rev) or ".." in rev or "@{-" in rev:
        raise UsageError(
            f"invalid revision {rev!r}: expected a commit, tag or branch name "
            "(letters, digits and . _ / ~ ^ @ { } + -), not a range or a path"
        )
    return rev


@dataclass(frozen=True)
class Commit:
    sha: str
    author: str
    email: str
    date: str  # author date, ISO 8601
    subject: str

    @property
    def short(self) -> str:
        return self.sha[:7]

    @property
    def day(self) -> str:
        return self.date[:10]


@dataclass(frozen=True)
class PathChange:
    """One file changed by a commit (``git log --raw``): A, M, D, T, or R/C with old_path."""

    status: str
    path: str
    blob: str | None  # None when deleted
    old_path: str | None = None
    old_blob: str | None = None


@dataclass(frozen=True)
class LogEntry:
    commit: Commit
    changes: tuple[PathChange, ...]


@dataclass(frozen=True)
class TreeEntry:
    mode: str
    name: str
    sha: str

    @property
    def is_tree(self) -> bool:
        return self.mode == "40000"

    @property
    def is_blob(self) -> bool:
        return self.mode in ("100644", "100755")


def _parse_log(raw: str) -> list[LogEntry]:
    entries: list[LogEntry] = []
    for chunk in raw.split("\x1e")[1:]:
        header, _, body = chunk.partition("\x00")
        sha, author, email, date, subject = (header.split("\x1f") + [""] * 5)[:5]
        tokens = body.lstrip("\n").split("\x00")
        changes: list[PathChange] = []
        i = 0
        while i < len(tokens):
            meta = tokens[i]
            if not meta.startswith(":"):
                i += 1
                continue
            parts = meta[1:].split()
            old_blob, new_blob, status = parts[2], parts[3], parts[4][:1]
            if status in ("R", "C"):
                old_path, path = tokens[i + 1], tokens[i + 2]
                i += 3
            else:
                old_path, path = None, tokens[i + 1]
                i += 2
            changes.append(
                PathChange(
                    status=status,
                    path=path,
                    blob=None if status == "D" else new_blob,
                    old_path=old_path,
                    old_blob=None if set(old_blob) == {"0"} else old_blob,
                )
            )
        entries.append(LogEntry(Commit(sha, author, email, date, subject), tuple(changes)))
    return entries


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
        return _text(sha), _text(kind), bytes(data)

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
                    author, email, date = m.group(1), m.group(2), _iso(m.group(3), m.group(4))
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
        entries = _parse_tree(obj[2])
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
        return _parse_log(self._git("log", *args))

    def last_commit_touching(self, sha: str, paths: Sequence[str]) -> str | None:
        """The newest first-parent ancestor of ``sha`` (itself included) that changed ``paths``."""
        out = self._git(
            "rev-list", "--first-parent", "-n1", "--end-of-options", _sha(sha), "--", *paths
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


def _text(value: str | bytes) -> str:
    return value.decode("ascii", "replace") if isinstance(value, bytes) else str(value)


def _sha(value: str) -> str:
    if not _SHA.fullmatch(value):
        raise GitError(f"internal: expected a full commit id, got {value!r}")
    return value


def _iso(epoch: str, tz: str) -> str:
    from datetime import datetime, timedelta, timezone

    sign = -1 if tz.startswith("-") else 1
    offset = timedelta(hours=int(tz[1:3]), minutes=int(tz[3:5])) * sign
    return datetime.fromtimestamp(int(epoch), timezone(offset)).isoformat()


def _parse_tree(data: bytes) -> list[TreeEntry]:
    entries: list[TreeEntry] = []
    i = 0
    while i < len(data):
        space = data.index(b" ", i)
        nul = data.index(b"\x00", space)
        mode = data[i:space].decode()
        name = data[space + 1 : nul].decode("utf-8", "surrogateescape")
        entries.append(TreeEntry(mode, name, data[nul + 1 : nul + 21].hex()))
        i = nul + 21
    return entries


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
