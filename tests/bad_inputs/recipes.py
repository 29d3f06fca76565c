"""Recipes: inputs of the bad-input corpus that cannot be a small text file.

Each recipe builds its inputs in ``work`` (the case's working directory) and returns the
placeholders the case's command and expectations use (``{input}``, ``{repo}``...). A recipe
may also return ``"post"``: a callable run after the command, returning the problems it sees
(a request that reached a local server, a file written where none may be).

Binary, large and generated inputs are built here so the repository holds no 50 MB file.
"""

from __future__ import annotations

import http.server
import os
import shutil
import subprocess
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kbrepo import ENV, Arch, KBRepo, server, three_releases

ROOT = Path(__file__).resolve().parents[2]
FILES = Path(__file__).resolve().parent / "files"
XSS_KB = ROOT / "tests" / "site_xss_kb"
FROZEN_KB = ROOT / "tests" / "kb"  # the frozen KB, as in conftest.py

Recipe = Callable[..., dict[str, Any]]
RECIPES: dict[str, Recipe] = {}


def recipe(fn: Recipe) -> Recipe:
    RECIPES[fn.__name__] = fn
    return fn


def clean_plan() -> str:
    return (FILES / "clean.yaml").read_text(encoding="utf-8")


# --- bytes and sizes ---------------------------------------------------------------------


@recipe
def raw(work: Path, name: str, latin1: str) -> dict[str, Any]:
    """A file of exactly these bytes (the manifest writes them as latin-1 text escapes)."""
    (work / name).write_bytes(latin1.encode("latin-1"))
    return {"input": name}


@recipe
def utf16(work: Path, name: str, text: str) -> dict[str, Any]:
    (work / name).write_bytes(text.encode("utf-16"))  # with its byte-order mark
    return {"input": name}


@recipe
def big(work: Path, name: str, mib: int) -> dict[str, Any]:
    """A plan followed by a block scalar that makes the file ``mib`` MiB."""
    line = "  " + "x" * 97 + "\n"
    with open(work / name, "w", encoding="utf-8") as fh:
        fh.write(clean_plan() + "description: |\n")
        fh.write(line * (mib * 1024 * 1024 // len(line) + 1))
    return {"input": name}


@recipe
def deep(work: Path, name: str, depth: int, prefix: str = "a: ") -> dict[str, Any]:
    (work / name).write_text(prefix + "[" * depth + "]" * depth + "\n", encoding="utf-8")
    return {"input": name}


@recipe
def flow_list(work: Path, name: str, items: int) -> dict[str, Any]:
    """``a: [0,0,...]``: four million nodes fit in 8 MiB."""
    (work / name).write_text("a: [" + "0," * (items - 1) + "0]\n", encoding="utf-8")
    return {"input": name}


@recipe
def alias_bomb(work: Path, name: str) -> dict[str, Any]:
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for i in range(1, 9):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]")
    (work / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return {"input": name}


@recipe
def long_number(
    work: Path, name: str, digits: int, prefix: str = "", suffix: str = ""
) -> dict[str, Any]:
    """A number of ``digits`` digits (past Python's 4,300-digit conversion limit)."""
    (work / name).write_text(prefix + "1" * digits + suffix, encoding="utf-8")
    return {"input": name}


@recipe
def long_quantity(work: Path, name: str, digits: int) -> dict[str, Any]:
    """A quantity that made the plan schema's pattern backtrack quadratically."""
    text = clean_plan().replace("budget_kw: 46", f'budget_kw: "{"1" * digits} x y"')
    (work / name).write_text(text, encoding="utf-8")
    return {"input": name}


@recipe
def unclosed_ignores(work: Path, name: str, count: int) -> dict[str, Any]:
    """A comment line of ``# refarch: ignore[`` without ``]``, once quadratic to scan."""
    text = clean_plan() + "# " + "#refarch: ignore[" * count + "\n"
    (work / name).write_text(text, encoding="utf-8")
    return {"input": name}


@recipe
def rack_groups(work: Path, name: str, groups: int, count: int) -> dict[str, Any]:
    """``groups`` rack entries of ``count`` racks each (10^9 racks in all, nothing per rack)."""
    head, _, tail = clean_plan().partition("racks:\n")
    _, _, tail = tail.partition("spares:\n")
    racks = "".join(
        f"  - {{id: g{i}, count: {count}, budget_kw: 46, "
        "systems: [{model: dgx-h100, count: 4}]}\n"
        for i in range(groups)
    )
    text = head + "racks:\n" + racks + "spares:\n" + tail
    (work / name).write_text(text.replace("hall_budget_kw: 450", "hall_budget_kw: 1000"), "utf-8")
    return {"input": name}


@recipe
def kb_edit(work: Path, file: str, old: str, new: str) -> dict[str, Any]:
    """A copy of the KB in ``kb/`` with one text edit in ``file``, and the clean plan."""
    kb = work / "kb"
    shutil.copytree(FROZEN_KB, kb)
    text = (kb / file).read_text(encoding="utf-8")
    if old not in text:
        raise ValueError(f"{old!r} is not in {file}")
    (kb / file).write_text(text.replace(old, new, 1), encoding="utf-8")
    (work / "plan.yaml").write_text(clean_plan(), encoding="utf-8")
    return {"input": "plan.yaml", "kbdir": "kb", "kbfile": f"kb/{file}"}


# --- files ----------------------------------------------------------------------------------


@recipe
def copies(work: Path, good: int, bad: int) -> dict[str, Any]:
    """``good`` copies of the clean plan and ``bad`` plans with a tab, in ``plans/``."""
    d = work / "plans"
    d.mkdir()
    for i in range(good):
        (d / f"good-{i:03d}.yaml").write_text(clean_plan(), encoding="utf-8")
    for i in range(bad):
        (d / f"bad-{i:03d}.yaml").write_text("plan: x\n\treference: y\n", encoding="utf-8")
    return {"input": "plans"}


@recipe
def broken_symlink(work: Path, name: str) -> dict[str, Any]:
    os.symlink("does-not-exist.yaml", work / name)
    return {"input": name}


@recipe
def fifo(work: Path, name: str) -> dict[str, Any]:
    """A named pipe: opening it for reading would wait for a writer forever."""
    os.mkfifo(work / name)
    (work / "plan.yaml").write_text(clean_plan(), encoding="utf-8")
    return {"input": name, "plan": "plan.yaml"}


@recipe
def unreadable(work: Path, name: str) -> dict[str, Any]:
    (work / name).write_text(clean_plan(), encoding="utf-8")
    (work / name).chmod(0)
    return {"input": name}


@recipe
def named(work: Path, name: str, text: str = "") -> dict[str, Any]:
    """The clean plan (or ``text``) under an awkward name: spaces, unicode, a leading '-',
    control characters (``shown`` is the name as refarch prints it, escaped)."""
    from linter.core.text import one_line

    (work / name).write_text(text or clean_plan(), encoding="utf-8")
    return {"input": name, "shown": one_line(name)}


@recipe
def with_baseline(work: Path) -> dict[str, Any]:
    """The clean plan and an empty baseline beside it."""
    from linter.lint import baseline

    (work / "plan.yaml").write_text(clean_plan(), encoding="utf-8")
    (work / "baseline.json").write_text(baseline.dumps([]), encoding="utf-8")
    return {"input": "plan.yaml", "baseline": "baseline.json"}


@recipe
def ref_to_fifo(work: Path, name: str) -> dict[str, Any]:
    """``$ref: file://.../pipe``: reading the reference would block on the named pipe."""
    os.mkfifo(work / "pipe")
    text = clean_plan() + f'"$ref": "file://{work / "pipe"}"\n'
    (work / name).write_text(text, encoding="utf-8")
    return {"input": name}


class _Recorder(http.server.BaseHTTPRequestHandler):
    hits: list[str]

    def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
        self.hits.append(self.path)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b'{"type": "object"}')

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@recipe
def ref_to_http(work: Path, name: str) -> dict[str, Any]:
    """``$ref`` and a ``$schema`` modeline naming a local server: no request may reach it."""
    hits: list[str] = []
    handler = type("Handler", (_Recorder,), {"hits": hits})
    server = http.server.HTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_address[1]}"
    text = clean_plan().replace(
        "$schema=../../../schema/plan.schema.json", f"$schema={url}/evil/plan.schema.json"
    )
    text += f'"$ref": "{url}/evil.json"\n'
    (work / name).write_text(text, encoding="utf-8")

    def post() -> list[str]:
        server.shutdown()
        server.server_close()
        thread.join()
        return [f"a request reached the server: GET {p}" for p in hits]

    return {"input": name, "post": post}


@recipe
def python_tag(work: Path, name: str) -> dict[str, Any]:
    """``!!python/object/apply:os.system``: constructing it would create ``pwned``."""
    (work / name).write_text(
        'plan: !!python/object/apply:os.system ["touch pwned"]\n', encoding="utf-8"
    )
    return {"input": name}


# --- git ------------------------------------------------------------------------------------


def _git(repo: Path, *args: str, stdin: str | None = None) -> str:
    env = {**os.environ, **ENV, "GIT_AUTHOR_DATE": "2026-11-02T12:00:00+00:00",
           "GIT_COMMITTER_DATE": "2026-11-02T12:00:00+00:00"}  # fmt: skip
    done = subprocess.run(
        ["git", *args], cwd=repo, env=env, input=stdin, capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


@recipe
def git_repo(work: Path, state: str = "three-releases") -> dict[str, Any]:
    """The fictional three-release KB of tests/kbrepo.py in ``repo/``, then ``state``."""
    repo = three_releases(work / "repo")
    root = repo.root
    out: dict[str, Any] = {"repo": "repo"}
    if state == "detached":
        repo.git("checkout", "-q", "--detach", "HEAD~1")
        out["short"] = repo.short()
    elif state == "shallow":
        clone = work / "clone"
        repo.git("clone", "-q", "--depth", "1", f"file://{root}", str(clone))
        shutil.rmtree(root)
        out["repo"] = "clone"
    elif state == "bare":
        repo.git("clone", "-q", "--bare", str(root), str(work / "bare.git"))
        out["repo"] = "bare.git"
    elif state in ("corrupt", "missing"):
        blob = _git(root, "rev-parse", "HEAD~1:architectures/reference/pod-a.yaml")
        if state == "missing":
            blob = _git(root, "rev-parse", "HEAD:architectures/catalog/systems/test-server.yaml")
        obj = root / ".git" / "objects" / blob[:2] / blob[2:]
        obj.chmod(0o644)
        if state == "corrupt":
            obj.write_bytes(b"not a zlib stream")
        else:
            obj.unlink()
        out["blob"] = blob
    elif state == "dotdot":
        out.update(_dotdot_commit(root))
    elif state == "tree-bomb":
        _tree_bomb_commit(root)
    (work / "plans").mkdir()
    (work / "plans" / "plan.yaml").write_text(clean_plan(), encoding="utf-8")
    return out


def _replace_architectures(root: Path, extra: str) -> str:
    """A commit on top of HEAD whose architectures/ tree also holds the entry ``extra``."""
    arch = _git(root, "ls-tree", _git(root, "rev-parse", "HEAD:architectures"))
    new_arch = _git(root, "mktree", stdin=arch + "\n" + extra + "\n")
    top = [
        line if not line.endswith("\tarchitectures") else f"040000 tree {new_arch}\tarchitectures"
        for line in _git(root, "ls-tree", "HEAD").splitlines()
    ]
    tree = _git(root, "mktree", stdin="\n".join(top) + "\n")
    commit = _git(root, "commit-tree", tree, "-p", "HEAD", "-m", "crafted tree")
    _git(root, "update-ref", "refs/heads/main", commit)
    return commit


def _dotdot_commit(root: Path) -> dict[str, Any]:
    """A tree entry named '..' five levels deep: unpacked naively, ``escaped.yaml`` would land
    five directories above the KB's temporary copy."""
    blob = _git(root, "hash-object", "-w", "--stdin", stdin="escaped: true\n")
    tree = _git(root, "mktree", stdin=f"100644 blob {blob}\tescaped.yaml\n")
    for _ in range(4):
        tree = _git(root, "mktree", stdin=f"040000 tree {tree}\t..\n")
    commit = _replace_architectures(root, f"040000 tree {tree}\t..")
    return {"commit": commit[:7]}


def _tree_bomb_commit(root: Path) -> None:
    """A directory of seven copies of a directory of seven copies... (7^6 = 117,649 paths from
    eight objects). Bigger bombs make git itself use memory in proportion (387 MB for 10^6)."""
    blob = _git(root, "hash-object", "-w", "--stdin", stdin="x: 1\n")
    tree = _git(root, "mktree", stdin="".join(f"100644 blob {blob}\tf{i}.yaml\n" for i in range(7)))
    for _ in range(5):
        tree = _git(root, "mktree", stdin="".join(f"040000 tree {tree}\td{i}\n" for i in range(7)))
    _replace_architectures(root, f"040000 tree {tree}\tcatalog-bomb")


@recipe
def git_figure_change(work: Path, old: str, new: str) -> dict[str, Any]:
    """Two commits of one architecture whose rack power goes from ``old`` to ``new``."""
    repo = KBRepo(work / "repo")
    repo.write("catalog/systems/test-server.yaml", server(8))
    text = Arch("pod-a", "2026.09", [("2026.09", "2026-09-01", "First.", "Baseline.")]).text()
    line = "    max_kw: {value: 32, source: fixture}"
    for value, day in ((old, "2026-09-01"), (new, "2026-10-01")):
        changed = text.replace(line, f"    max_kw: {{value: {value}, source: fixture}}")
        repo.write("reference/pod-a.yaml", changed)
        repo.release("2026.09", "2026-09-01", {"pod-a": "2026.09"})
        repo.commit(f"pod-a max_kw {value}", day)
    return {"repo": "repo"}


@recipe
def empty_repo(work: Path) -> dict[str, Any]:
    KBRepo(work / "repo")
    return {"repo": "repo"}


@recipe
def no_repo(work: Path) -> dict[str, Any]:
    (work / "plain").mkdir()
    return {"repo": "plain"}


# --- the site -------------------------------------------------------------------------------


@recipe
def site(work: Path, kb: str = "xss", broken: str = "") -> dict[str, Any]:
    """A copy of the site sources (mkdocs.yml, site_src/, schema/) and of a KB in ``work``.

    ``kb`` is ``xss`` (tests/site_xss_kb) or ``real`` (architectures/); ``broken`` names a KB
    file to overwrite with a tab-indented mapping, or ``fifo:NAME`` to add a named pipe.
    """
    src = work / "src"
    src.mkdir()
    shutil.copy2(ROOT / "mkdocs.yml", src / "mkdocs.yml")
    shutil.copytree(ROOT / "site_src", src / "site_src")
    shutil.copytree(ROOT / "schema", src / "schema")
    shutil.copytree(XSS_KB if kb == "xss" else ROOT / "architectures", src / "kb")
    if broken.startswith("fifo:"):
        os.mkfifo(src / "kb" / broken.removeprefix("fifo:"))
    elif broken:
        (src / "kb" / broken).write_text("id: x\nname:\n\tbad: tab\n", encoding="utf-8")
    out: dict[str, Any] = {"site": str(src), "sitekb": str(src / "kb")}
    if kb == "xss" and not broken:
        out["post"] = lambda: xss_problems(work / "out")
    return out


def xss_problems(site_dir: Path) -> list[str]:
    """What of the XSS KB's payloads reached the built pages as markup rather than text."""
    import html.parser

    problems: list[str] = []

    class Scan(html.parser.HTMLParser):
        script = False

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.script = tag == "script"
            for k, val in attrs:
                if k.startswith("on"):
                    problems.append(f"{page}: <{tag} {k}=...>")
                if k in ("href", "src", "xlink:href") and (val or "").strip().lower().startswith(
                    "javascript:"
                ):
                    problems.append(f"{page}: <{tag} {k}={val!r}>")

        def handle_data(self, data: str) -> None:
            if self.script and "__xss" in data:
                problems.append(f"{page}: a script holds a payload")

    pages = sorted(site_dir.rglob("*.html"))
    if not pages:
        return [f"no pages were built in {site_dir}"]
    for page in pages:
        Scan().feed(page.read_text(encoding="utf-8"))
    arch = (site_dir / "architectures" / "xss-arch" / "index.html").read_text(encoding="utf-8")
    if "{{ 7*7 }}" not in arch:
        problems.append("the template payload {{ 7*7 }} is not shown as written")
    return problems
