"""Safe, bounded, position-aware YAML loading: the only way refarch reads YAML.

* YAML 1.2 core schema: ``no``/``off``/``yes`` stay strings, ``2026-11-26`` stays a string,
  only ``true``/``false`` are booleans. No Python objects are ever constructed.
* Every node keeps its 1-based line and column, keyed by its logical path
  (``("racks", 0, "budget_kw")``), so findings point at ``file:line:col``.
* Duplicate keys, custom tags, several documents, aliases that expand past a node budget,
  nesting past a depth limit, non-UTF-8 text, NUL bytes and oversized files are errors.
* The libyaml C parser is used when available. It composes recursively in C and crashes the
  interpreter on very deep nesting, so a cheap upper bound on the nesting depth is computed
  from the text first; above it the pure-Python parser (which raises RecursionError, caught
  here) takes over.

The parsers, the YAML 1.2 resolver and the node and depth limits are in
:mod:`linter.core.yamlscan`; the limits are re-exported here.
"""

from __future__ import annotations

import math
import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from linter.core.errors import InputError, Location
from linter.core.yamlscan import (
    C_PARSER_SAFE_DEPTH,
    HAVE_LIBYAML,
    MAX_DEPTH,
    MAX_NODES,
    STD_TAGS,
    compose,
)

__all__ = [
    "C_PARSER_SAFE_DEPTH",
    "HAVE_LIBYAML",
    "MAX_BYTES",
    "MAX_DEPTH",
    "MAX_NODES",
    "Document",
    "PathT",
    "Span",
    "json_path",
    "load",
    "loads",
    "read_bytes",
    "read_text",
    "walk",
]

MAX_BYTES = 8 * 1024 * 1024
PathT = tuple[str | int, ...]


class Span(NamedTuple):
    """1-based start and end of a node (a named tuple: the loader makes two per node)."""

    line: int
    column: int
    end_line: int
    end_column: int


@dataclass
class Document:
    """A loaded YAML file: plain JSON-like data plus the position of every node."""

    path: str
    data: Any
    text: str
    spans: dict[PathT, Span] = field(default_factory=dict)
    key_spans: dict[PathT, Span] = field(default_factory=dict)

    def span(self, path: PathT) -> Span:
        """Span of the node at ``path``, or of its nearest existing ancestor."""
        p = tuple(path)
        while p and p not in self.spans:
            p = p[:-1]
        return self.spans.get(p, Span(1, 1, 1, 1))

    def key_span(self, path: PathT) -> Span:
        """Span of the key of a mapping entry, falling back to the value's span."""
        return self.key_spans.get(tuple(path)) or self.span(path)

    def location(self, path: PathT) -> Location:
        s = self.span(path)
        return Location(self.path, s.line, s.column)

    def get(self, path: PathT, default: Any = None) -> Any:
        node: Any = self.data
        for part in path:
            try:
                node = node[part]
            except (KeyError, IndexError, TypeError):
                return default
        return node


def json_path(path: PathT) -> str:
    """``("racks", 0, "budget_kw")`` -> ``$.racks[0].budget_kw``."""
    out = "$"
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        elif re.fullmatch(r"[A-Za-z_][A-Za-z0-9_-]*", part):
            out += f".{part}"
        else:
            out += "[" + repr(part) + "]"
    return out


def _span(node: Node) -> Span:
    s, e = node.start_mark, node.end_mark
    # tuple.__new__ directly: the named tuple's own constructor adds a Python-level call.
    return _new_tuple(Span, (s.line + 1, s.column + 1, e.line + 1, e.column + 1))


_new_tuple = tuple.__new__


def decode(raw: bytes, path: str) -> str:
    """``raw`` as text, refused as read_text refuses a file: over the size limit, UTF-16, a
    NUL byte, invalid UTF-8 (a KB file read from git is checked as one read from disk)."""
    if len(raw) > MAX_BYTES:
        raise InputError(
            f"file is larger than the {MAX_BYTES // (1024 * 1024)} MiB limit", Location(path)
        )
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError("file is UTF-16 encoded; save it as UTF-8", Location(path))
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        raise InputError("binary file: contains a NUL byte", Location(path, line, 1))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError(
            f"not valid UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start})",
            Location(path, line, 1),
        ) from None
    return text.removeprefix("\ufeff")


def read_text(path: str) -> str:
    """Read a file as UTF-8 text within the size limit, or raise InputError."""
    return decode(read_bytes(path), path)


def read_bytes(path: str) -> bytes:
    """A regular file's bytes within the size limit, or InputError (never waits on a FIFO)."""
    try:
        if os.path.isdir(path):
            raise InputError("is a directory, not a file", Location(path))
        # O_NONBLOCK: opening a FIFO must not wait for a writer; only regular files are read.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with open(fd, "rb") as fh:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise InputError("not a regular file", Location(path))
            raw = fh.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise InputError("no such file", Location(path)) from None
    except PermissionError:
        raise InputError("permission denied", Location(path)) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", Location(path)) from None
    if len(raw) > MAX_BYTES:
        raise InputError(
            f"file is larger than the {MAX_BYTES // (1024 * 1024)} MiB limit", Location(path)
        )
    return raw


def loads(text: str, path: str = "<string>") -> Document:
    """Parse one YAML document from text."""
    root = compose(text, path)
    if root is None:
        raise InputError("file is empty: expected a YAML mapping", Location(path, 1, 1))
    doc = Document(path=path, data=None, text=text)
    doc.data = _Converter(doc).convert(root)
    return doc


def load(path: str) -> Document:
    """Read and parse one YAML file."""
    return loads(read_text(path), path)


def _scalar(node: ScalarNode, path: str) -> Any:
    tag, value = node.tag, node.value
    if tag == "tag:yaml.org,2002:str":
        return value
    if tag == "tag:yaml.org,2002:null":
        return None
    if tag == "tag:yaml.org,2002:bool":
        return value.lower() == "true"
    try:
        if tag == "tag:yaml.org,2002:int":
            if value.startswith(("0o", "0x")):
                return int(value, 0)
            return int(value, 10)
        if tag == "tag:yaml.org,2002:float":
            low = value.lower()
            if low.endswith(".inf"):
                return -math.inf if low.startswith("-") else math.inf
            if low == ".nan":
                return math.nan
            return float(value)
    except ValueError:
        s = _span(node)
        shown = value if len(value) <= 40 else f"{value[:37]}... ({len(value)} characters)"
        raise InputError(
            f"{shown!r} is not a valid {tag.rsplit(':', 1)[-1]}", Location(path, s.line, s.column)
        ) from None
    s = _span(node)
    raise InputError(f"unsupported tag {tag}", Location(path, s.line, s.column))


class _Converter:
    """Turns a composed node graph into plain data, recording spans and enforcing limits."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.count = 0
        self.active: set[int] = set()

    def _fail(self, message: str, node: Node) -> InputError:
        s = _span(node)
        return InputError(message, Location(self.doc.path, s.line, s.column))

    def convert(self, root: Node) -> Any:
        return self._node(root, ())

    def _node(self, node: Node, path: PathT) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise self._fail(
                f"more than {MAX_NODES} nodes after expanding aliases (an alias bomb?)", node
            )
        if len(path) > MAX_DEPTH:
            raise self._fail(f"nesting deeper than {MAX_DEPTH} levels", node)
        self.doc.spans[path] = _span(node)
        if isinstance(node, ScalarNode):
            return _scalar(node, self.doc.path)
        if node.tag not in STD_TAGS:
            raise self._fail(f"unsupported tag {node.tag}", node)
        if id(node) in self.active:
            raise self._fail("an alias refers to a node that contains it (recursive alias)", node)
        self.active.add(id(node))
        try:
            if isinstance(node, SequenceNode):
                return [self._node(child, (*path, i)) for i, child in enumerate(node.value)]
            assert isinstance(node, MappingNode)
            return self._mapping(node, path)
        finally:
            self.active.discard(id(node))

    def _mapping(self, node: MappingNode, path: PathT) -> dict[str, Any]:
        """Keys are compared as YAML 1.2 resolves them (``true``/``True``/``TRUE`` are one
        key, as are ``1``/``0x1``/``0o1``, ``null``/``~`` and ``1.0``/``1.00``; ``true`` and
        ``"true"`` are two) and kept as text, the JSON property name the schemas check."""
        out: dict[str, Any] = {}
        first: dict[tuple[str, object], tuple[int, str]] = {}
        by_text: dict[str, tuple[int, str]] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                raise self._fail("mapping keys must be plain scalars", key_node)
            key_value = _scalar(key_node, self.doc.path)
            key = key_value if isinstance(key_value, str) else key_node.value
            ks = _span(key_node)
            identity = _key_identity(key_value)
            if identity in first:
                line, text = first[identity]
                same = "" if text == key else f", the same {identity[0]} as {text!r}"
                raise self._fail(
                    f"duplicate key {key!r} (first defined on line {line}{same})", key_node
                )
            if key in by_text:  # "true" and true: two YAML keys, one property name
                line, kind = by_text[key]
                raise self._fail(
                    f"key {key!r} ({_a(identity[0])}) is also on line {line} as {_a(kind)}: two"
                    " different YAML keys, but one property name once read as JSON; rename one",
                    key_node,
                )
            first[identity] = (ks.line, key)
            by_text[key] = (ks.line, identity[0])
            child = (*path, key)
            self.doc.key_spans[child] = ks
            out[key] = self._node(value_node, child)
        return out


def _key_identity(value: object) -> tuple[str, object]:
    """A mapping key as YAML 1.2's core schema resolves it: its type and value (``True``
    and ``1`` stay apart, as Python alone would not keep them)."""
    if isinstance(value, float) and math.isnan(value):
        return ("float", "nan")
    return (_kind(value), value)


def _a(kind: str) -> str:
    """``kind`` with its indefinite article."""
    return f"an {kind}" if kind[0] in "aeiou" else f"a {kind}"


def _kind(value: object) -> str:
    """The YAML 1.2 type of a resolved scalar, as messages name it."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "float"
    return "string"


def walk(data: Any, path: PathT = ()) -> Iterator[tuple[PathT, Any]]:
    """Every (path, value) pair in a loaded document, depth first (parents first, children
    in order). One explicit stack rather than nested generators: the lint path walks every
    plan twice."""
    stack: list[tuple[PathT, Any]] = [(path, data)]
    while stack:
        here, node = stack.pop()
        yield here, node
        if isinstance(node, dict):
            stack.extend(reversed([((*here, k), v) for k, v in node.items()]))
        elif isinstance(node, list):
            stack.extend(reversed([((*here, i), v) for i, v in enumerate(node)]))
