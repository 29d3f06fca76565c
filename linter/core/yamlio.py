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
"""

from __future__ import annotations

import math
import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, NamedTuple

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import BaseResolver

from linter.core.errors import InputError, Location

MAX_BYTES = 8 * 1024 * 1024
MAX_DEPTH = 64
MAX_NODES = 250_000
# Nesting bound (see module docstring) under which the C parser is known to be safe.
C_PARSER_SAFE_DEPTH = 1000

PathT = tuple[str | int, ...]

_STD_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}


class _Resolver12(BaseResolver):
    """Implicit resolution per the YAML 1.2 core schema."""

    def resolve(self, kind: type[Node], value: Any, implicit: tuple[bool, bool]) -> str:
        # The parser asks once per scalar; plain scalars repeat (keys, units, ids), so their
        # tags are cached. Same answer as BaseResolver.resolve: no path resolvers are used.
        if kind is ScalarNode:
            return (_plain_tag(value) if implicit[0] else None) or self.DEFAULT_SCALAR_TAG
        return str(super().resolve(kind, value, implicit))  # type: ignore[no-untyped-call]


_Resolver12.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)
_Resolver12.add_implicit_resolver(
    "tag:yaml.org,2002:int",
    re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"),
    list("-+0123456789"),
)
_Resolver12.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
    ),
    list("-+0123456789."),
)
_Resolver12.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]
)


@lru_cache(maxsize=8192)
def _plain_tag(value: str) -> str | None:
    table = _Resolver12.yaml_implicit_resolvers
    for tag, regexp in table.get(value[:1], []) + table.get(None, []):
        if regexp.match(value):
            return str(tag)
    return None


try:
    # libyaml's C parser (what yaml.cyaml re-exports), absent from pure-Python builds
    from yaml._yaml import CParser as _CParser

    class _CLoader(_CParser, _Resolver12):
        def __init__(self, stream: str) -> None:
            _CParser.__init__(self, stream)
            _Resolver12.__init__(self)

    HAVE_LIBYAML = True
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    HAVE_LIBYAML = False


class _PyLoader(
    yaml.reader.Reader,
    yaml.scanner.Scanner,
    yaml.parser.Parser,
    yaml.composer.Composer,
    _Resolver12,
):
    def __init__(self, stream: str) -> None:
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        yaml.composer.Composer.__init__(self)
        _Resolver12.__init__(self)


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


def _decode(raw: bytes, path: str) -> str:
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
    return _decode(read_bytes(path), path)


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


def _c_parser_safe(text: str) -> bool:
    """Whether a cheap upper bound on the nesting depth (flow brackets plus the longest run
    of block indicators and indentation opening a line) stays within C_PARSER_SAFE_DEPTH."""
    room = C_PARSER_SAFE_DEPTH - text.count("[") - text.count("{")
    # One search for a prefix longer than the room left, not a scan of every line's prefix.
    return room >= 0 and re.search(rf"^[ \t?-]{{{room + 1}}}", text, re.M) is None


_NODE_EVENTS = (
    yaml.ScalarEvent,
    yaml.SequenceStartEvent,
    yaml.MappingStartEvent,
    yaml.AliasEvent,
)


def _prescan(loader_cls: type, text: str, path: str, always: bool) -> None:
    """Refuse too many nodes or too deep a nesting before composing the document.

    Composing builds every node (with two marks each) before the converter can count them:
    an 8 MiB flow list of four million numbers would take gigabytes, and the pure-Python
    scanner slows down quadratically with flow depth. Parse events come one at a time and
    are dropped, so counting them first costs little memory. A document needs about one
    character per node, so short texts skip the pass unless ``always``.
    """
    if not always and len(text) < MAX_NODES // 2:
        return
    parser = loader_cls(text)
    count = depth = 0
    try:
        while True:
            event = parser.get_event()
            if event is None or isinstance(event, yaml.StreamEndEvent):
                return
            if isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
                continue
            if not isinstance(event, _NODE_EVENTS):
                continue
            count += 1
            mark = event.start_mark
            where = Location(path, mark.line + 1, mark.column + 1) if mark else Location(path)
            if count > MAX_NODES:
                raise InputError(
                    f"more than {MAX_NODES} YAML nodes (too large for a plan or KB file)", where
                )
            if depth > MAX_DEPTH:
                raise InputError(f"nesting deeper than {MAX_DEPTH} levels", where)
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
    except yaml.YAMLError:
        return  # the real parse reports it, with its position
    finally:
        dispose = getattr(parser, "dispose", None)
        if dispose is not None:
            dispose()


def loads(text: str, path: str = "<string>") -> Document:
    """Parse one YAML document from text."""
    use_c = HAVE_LIBYAML and _c_parser_safe(text)
    _prescan(_CLoader if use_c else _PyLoader, text, path, always=not use_c)
    loader = _CLoader(text) if use_c else _PyLoader(text)
    try:
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        opened = exc.context_mark
        at_end = mark is not None and not text[mark.index :].strip()
        if (
            at_end
            and mark is not None
            and exc.context
            and opened is not None
            and opened.index != mark.index
        ):
            # The end of the file is no help: point at what was left open (a quote, a list).
            mark, problem = opened, f"{problem} {exc.context}"
        if "expected a single document" in str(exc.context or "") or "but found another" in str(
            exc.problem or ""
        ):
            problem = "more than one YAML document in the file (one per file)"
        if "cannot start any token" in problem and mark is not None:
            line = text.splitlines()[mark.line] if mark.line < len(text.splitlines()) else ""
            if line[mark.column : mark.column + 1] == "\t":
                problem = "a tab character; YAML indents with spaces only"
        loc = Location(path, mark.line + 1, mark.column + 1) if mark else Location(path)
        raise InputError(f"YAML syntax error: {problem}", loc) from None
    except yaml.YAMLError as exc:
        raise InputError(f"YAML error: {exc}", Location(path)) from None
    except RecursionError:
        raise InputError(f"nesting deeper than {MAX_DEPTH} levels", Location(path)) from None
    finally:
        dispose = getattr(loader, "dispose", None)
        if dispose is not None:
            dispose()
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
        if node.tag not in _STD_TAGS:
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
        out: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                raise self._fail("mapping keys must be plain scalars", key_node)
            key_value = _scalar(key_node, self.doc.path)
            key = key_value if isinstance(key_value, str) else key_node.value
            ks = _span(key_node)
            if key in out:
                raise self._fail(
                    f"duplicate key {key!r} (first defined on line {first_line[key]})", key_node
                )
            first_line[key] = ks.line
            child = (*path, key)
            self.doc.key_spans[child] = ks
            out[key] = self._node(value_node, child)
        return out


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
