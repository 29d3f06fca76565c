"""Helpers for the site tests: real `mkdocs build --strict` runs, and a local HTTP server.

Builds are cached per process (a session builds the real site and the XSS site once each
and shares them between test modules); each lands in its own temporary directory.
"""

from __future__ import annotations

import atexit
import functools
import html.parser
import http.server
import os
import shutil
import socketserver
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
XSS_KB = ROOT / "tests" / "site_xss_kb"
EPOCH = "1764115200"
_TMP = Path(tempfile.mkdtemp(prefix="refarch-site-"))
atexit.register(shutil.rmtree, _TMP, ignore_errors=True)


@dataclass(frozen=True)
class Build:
    site: Path
    returncode: int
    stdout: str
    stderr: str
    seconds: float


def build(name: str, kb: Path | None = None, epoch: str = EPOCH) -> Build:
    """``mkdocs build --strict`` of the repository's site into a fresh directory."""
    dest = _TMP / name
    shutil.rmtree(dest, ignore_errors=True)
    env = {**os.environ, "SOURCE_DATE_EPOCH": epoch, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("REFARCH_KB", None)
    env.pop("REFARCH_SITE_URL", None)
    if kb is not None:
        env["REFARCH_KB"] = str(kb)
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(dest),
         "--config-file", str(ROOT / "mkdocs.yml")],
        cwd=ROOT, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    return Build(dest, proc.returncode, proc.stdout, proc.stderr, time.perf_counter() - start)


@functools.cache
def real_site() -> Build:
    return build("real")


@functools.cache
def xss_site() -> Build:
    return build("xss", kb=XSS_KB)


class _Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib name
        pass


class _Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve ``directory`` on 127.0.0.1 on a free port; yields the base URL."""
    handler = functools.partial(_Handler, directory=str(directory))
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def html_pages(site: Path) -> list[Path]:
    """Every page of a built site (404.html included)."""
    return sorted(site.rglob("*.html"))


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    text: str = ""


_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
         "track", "wbr"}  # fmt: skip


class _Collector(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self.stack: list[Element] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        el = Element(tag, {k: v or "" for k, v in attrs})
        self.elements.append(el)
        if tag not in _VOID:
            self.stack.append(el)

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                break

    def handle_data(self, data: str) -> None:
        for el in self.stack:
            el.text += data


def elements(text: str) -> list[Element]:
    """Every element of an HTML document, in document order, with its full text content."""
    collector = _Collector()
    collector.feed(text)
    collector.close()
    return collector.elements


def squash(text: str) -> str:
    return " ".join(text.split())
