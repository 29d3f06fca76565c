"""The YAML parser refarch runs and the limits it enforces before composing a document.

* :class:`Resolver12`: implicit tags per the YAML 1.2 core schema (``no`` stays a string).
* :class:`CLoader` (libyaml, when available) and :class:`PyLoader` (pure Python): parsers
  with that resolver and no constructor: they compose nodes, never Python objects.
* :func:`c_parser_safe`: whether the C parser, which composes recursively in C and crashes
  the interpreter on very deep nesting, is safe for a text.
* :func:`prescan`: the node count and nesting depth limits, checked on the parse events
  before any node is built.
* :func:`compose`: text to the root node with the right parser, parse errors turned into
  readable InputErrors at their position.

:mod:`linter.core.yamlio` loads documents with these; nothing else should.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import yaml
from yaml.nodes import Node, ScalarNode
from yaml.resolver import BaseResolver

from linter.core.errors import InputError, Location

MAX_DEPTH = 64
MAX_NODES = 250_000
# Nesting bound (see module docstring) under which the C parser is known to be safe.
C_PARSER_SAFE_DEPTH = 1000


STD_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}


class Resolver12(BaseResolver):
    """Implicit resolution per the YAML 1.2 core schema."""

    def resolve(self, kind: type[Node], value: Any, implicit: tuple[bool, bool]) -> str:
        # The parser asks once per scalar; plain scalars repeat (keys, units, ids), so their
        # tags are cached. Same answer as BaseResolver.resolve: no path resolvers are used.
        if kind is ScalarNode:
            return (plain_tag(value) if implicit[0] else None) or self.DEFAULT_SCALAR_TAG
        return str(super().resolve(kind, value, implicit))  # type: ignore[no-untyped-call]


Resolver12.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)
Resolver12.add_implicit_resolver(
    "tag:yaml.org,2002:int",
    re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"),
    list("-+0123456789"),
)
Resolver12.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
    ),
    list("-+0123456789."),
)
Resolver12.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]
)


@lru_cache(maxsize=8192)
def plain_tag(value: str) -> str | None:
    table = Resolver12.yaml_implicit_resolvers
    for tag, regexp in table.get(value[:1], []) + table.get(None, []):
        if regexp.match(value):
            return str(tag)
    return None


try:
    # libyaml's C parser (what yaml.cyaml re-exports), absent from pure-Python builds
    from yaml._yaml import CParser as _CParser

    class CLoader(_CParser, Resolver12):
        def __init__(self, stream: str) -> None:
            _CParser.__init__(self, stream)
            Resolver12.__init__(self)

    HAVE_LIBYAML = True
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    HAVE_LIBYAML = False


class PyLoader(
    yaml.reader.Reader,
    yaml.scanner.Scanner,
    yaml.parser.Parser,
    yaml.composer.Composer,
    Resolver12,
):
    def __init__(self, stream: str) -> None:
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        yaml.composer.Composer.__init__(self)
        Resolver12.__init__(self)


def c_parser_safe(text: str) -> bool:
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


def prescan(loader_cls: type, text: str, path: str, always: bool) -> bool:
    """Refuse too many nodes or too deep a nesting before composing the document; whether
    the events ran to the end of the text (False: a parse error stopped them).

    Composing builds every node (with two marks each) before the converter can count them:
    an 8 MiB flow list of four million numbers would take gigabytes, and the pure-Python
    scanner slows down quadratically with flow depth. Parse events come one at a time and
    are dropped, so counting them first costs little memory. A document needs about one
    character per node, so short texts skip the pass unless ``always``.
    """
    if not always and len(text) < MAX_NODES // 2:
        return True
    parser = loader_cls(text)
    count = depth = 0
    try:
        while True:
            event = parser.get_event()
            if event is None or isinstance(event, yaml.StreamEndEvent):
                return True
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
        return False  # the real parse reports it, with its position
    finally:
        dispose = getattr(parser, "dispose", None)
        if dispose is not None:
            dispose()


def compose(text: str, path: str) -> Node | None:
    """The root node of the one YAML document in ``text`` (None if it is empty), within the
    limits; every parse error becomes an InputError at its line and column."""
    # The cheap bound clears most texts for the C composer. A text it cannot clear (a KB
    # file with thousands of flow mappings) is prescanned on the C parser's events first:
    # they come from libyaml's iterative parser, and a pass that reaches the end within the
    # limits proves the depth the recursive composer will see. A text that pass cannot
    # finish (a parse error, libyaml's own nesting limit) goes to the pure-Python parser,
    # whose errors and limits are the ones reported.
    use_c = HAVE_LIBYAML and c_parser_safe(text)
    if use_c:
        prescan(CLoader, text, path, always=False)
    else:
        use_c = HAVE_LIBYAML and prescan(CLoader, text, path, always=True)
        if not use_c:
            prescan(PyLoader, text, path, always=True)
    loader = CLoader(text) if use_c else PyLoader(text)
    try:
        root: Node | None = loader.get_single_node()
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
    except yaml.reader.ReaderError as exc:
        # A character YAML does not allow (a raw control byte): its line and column, not the
        # reader's offset into an internal "<unicode string>".
        pos = max(0, min(int(exc.position), len(text)))
        row = text.count("\n", 0, pos) + 1
        column = pos - (text.rfind("\n", 0, pos) + 1) + 1
        char = exc.character
        code = f"#x{ord(char):04x}" if isinstance(char, str) else f"#x{int(char):02x}"
        raise InputError(
            f"YAML error: unacceptable character {code}: {exc.reason}", Location(path, row, column)
        ) from None
    except yaml.YAMLError as exc:
        raise InputError(f"YAML error: {exc}", Location(path)) from None
    except RecursionError:
        raise InputError(f"nesting deeper than {MAX_DEPTH} levels", Location(path)) from None
    finally:
        dispose = getattr(loader, "dispose", None)
        if dispose is not None:
            dispose()
    return root
