"""JSON Schema (draft 7) keywords translated to Python source: :func:`compile_source`.

Semantics follow jsonschema's draft 7 keywords: keywords beside ``$ref`` are ignored, a
keyword that does not apply to the instance's type passes, ``bool`` is neither an integer nor
a number, a float with an integral value is an integer, ``enum``/``const``/``uniqueItems``
compare with jsonschema's ``equal`` (``True != 1``), ``pattern`` is ``re.search``. A keyword
this translator does not know raises :class:`Unsupported`.

:mod:`linter.schemas.compiler` wraps the source in a module and writes or loads it.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import urldefrag, urljoin

# Keywords that never constrain an instance.
_ANNOTATIONS = {
    "$schema", "$id", "$comment", "title", "description", "default", "examples",
    "definitions", "readOnly", "writeOnly",
}  # fmt: skip
_TYPES = {
    "object": "isinstance(d, dict)",
    "array": "isinstance(d, list)",
    "string": "isinstance(d, str)",
    "boolean": "isinstance(d, bool)",
    "null": "d is None",
    "number": "(isinstance(d, (int, float)) and not isinstance(d, bool))",
    "integer": "((isinstance(d, int) and not isinstance(d, bool))"
    " or (isinstance(d, float) and d.is_integer()))",
}


class Unsupported(ValueError):
    """The schema uses something this compiler does not translate."""


class _Compiler:
    def __init__(self, schemas: dict[str, Any]) -> None:
        self.schemas = schemas  # $id -> schema document
        self.names: dict[str, str] = {}  # canonical key -> function name
        self.functions: list[str] = []
        self.constants: dict[str, str] = {}  # Python expression -> constant name
        self.used: set[str] = set()  # the $ids of the schemas read
        self.defined: set[str] = set()  # functions already emitted
        self.referenced: set[str] = set()  # names used before their body was complete

    def _constant(self, expr: str) -> str:
        if expr not in self.constants:
            self.constants[expr] = f"_C{len(self.constants)}"
        return self.constants[expr]

    def const(self, value: Any) -> str:
        return self._constant(repr(value))

    def names_set(self, names: Any) -> str:
        return self._constant(f"frozenset({sorted(names)!r})")

    def regex(self, pattern: str) -> str:
        return self._constant(f"re.compile({pattern!r})")

    def resolve(self, ref: str, base: str) -> tuple[Any, str]:
        uri, fragment = urldefrag(urljoin(base, ref))
        if uri not in self.schemas:
            raise Unsupported(f"$ref to an unknown schema: {ref}")
        self.used.add(uri)
        node = self.schemas[uri]
        if fragment and not fragment.startswith("/"):
            raise Unsupported(f"$ref fragment {fragment!r} is not a JSON pointer")
        for part in fragment.split("/")[1:] if fragment else []:
            part = part.replace("~1", "/").replace("~0", "~")
            node = node[int(part)] if isinstance(node, list) else node[part]
        return node, uri

    def function(self, schema: Any, base: str) -> str:
        """The name of a generated function validating ``schema`` (resolved from ``base``)."""
        key = base + "\0" + json.dumps(schema, sort_keys=True)
        if key in self.names:
            found = self.names[key]
            if found not in self.defined:
                self.referenced.add(found)  # recursion: this name must stay a function
            return found
        name = f"_v{len(self.names)}"
        self.names[key] = name  # before the body: recursive $refs find it
        body = self.body(schema, base)
        if len(body) == 2 and body[1] == "return True":
            m = re.fullmatch(r"if not (_v\d+)\(d\): return False", body[0])
            if m:  # `allOf: [X]` and the like: the same as X
                body = [f"return {m.group(1)}(d)"]
        alias = re.fullmatch(r"return (_v\d+)\(d\)", body[0]) if len(body) == 1 else None
        if alias and alias.group(1) in self.defined and name not in self.referenced:
            self.names[key] = alias.group(1)  # a `$ref` or `allOf` of one: call its target
            return alias.group(1)
        self.defined.add(name)
        self.functions.append(
            f"def {name}(d: Any) -> bool:\n" + "".join(f"    {s}\n" for s in body)
        )
        return name

    def body(self, schema: Any, base: str) -> list[str]:
        if schema is True or schema == {}:
            return ["return True"]
        if schema is False:
            return ["return False"]
        if not isinstance(schema, dict):
            raise Unsupported(f"a schema must be an object or a boolean, not {schema!r}")
        base = urljoin(base, schema["$id"]) if isinstance(schema.get("$id"), str) else base
        if "$ref" in schema:  # draft 7: keywords beside $ref are ignored
            target, uri = self.resolve(schema["$ref"], base)
            return [f"return {self.function(target, uri)}(d)"]
        out: list[str] = []
        for keyword, value in schema.items():
            if keyword in _ANNOTATIONS:
                continue
            handler = getattr(self, "k_" + keyword.replace("$", ""), None)
            if handler is None:
                raise Unsupported(f"keyword {keyword!r}")
            out.extend(handler(value, schema, base))
        return [*out, "return True"]

    # -- keywords: each returns statements that `return False` when the instance fails.

    def k_type(self, value: Any, schema: Any, base: str) -> list[str]:
        names = [value] if isinstance(value, str) else list(value)
        if any(n not in _TYPES for n in names):
            raise Unsupported(f"type {value!r}")
        return [f"if not ({' or '.join(_TYPES[n] for n in names)}): return False"]

    def k_enum(self, value: Any, schema: Any, base: str) -> list[str]:
        c = self.const(list(value))
        return [f"if not any(_equal(e, d) for e in {c}): return False"]

    def k_const(self, value: Any, schema: Any, base: str) -> list[str]:
        return [f"if not _equal(d, {self.const(value)}): return False"]

    def k_pattern(self, value: Any, schema: Any, base: str) -> list[str]:
        rx = self.regex(value)
        return [f"if isinstance(d, str) and not {rx}.search(d): return False"]

    def _bound(self, test: str, kind: str, value: Any) -> list[str]:
        if not isinstance(value, int | float) or isinstance(value, bool):
            raise Unsupported(f"bound {value!r}")
        return [f"if {_TYPES[kind]} and {test.format(v=repr(value))}: return False"]

    def k_minimum(self, v: Any, s: Any, b: str) -> list[str]:
        return self._bound("d < {v}", "number", v)

    def k_maximum(self, v: Any, s: Any, b: str) -> list[str]:
        return self._bound("d > {v}", "number", v)

    def k_exclusiveMinimum(self, v: Any, s: Any, b: str) -> list[str]:  # noqa: N802
        return self._bound("d <= {v}", "number", v)

    def k_exclusiveMaximum(self, v: Any, s: Any, b: str) -> list[str]:  # noqa: N802
        return self._bound("d >= {v}", "number", v)

    def k_minLength(self, v: Any, s: Any, b: str) -> list[str]:  # noqa: N802
        return self._bound("len(d) < {v}", "string", v)

    def k_maxLength(self, v: Any, s: Any, b: str) -> list[str]:  # noqa: N802
        return self._bound("len(d) > {v}", "string", v)

    def k_minItems(self, v: Any, s: Any, b: str) -> list[str]:  # noqa: N802
        return self._bound("len(d) < {v}", "array", v)

    def k_maxItems(self, v: Any, s: Any, b: str) -> list[str]:  # noqa: N802
        return self._bound("len(d) > {v}", "array", v)

    def k_minProperties(self, v: Any, s: Any, b: str) -> list[str]:  # noqa: N802
        return self._bound("len(d) < {v}", "object", v)

    def k_maxProperties(self, v: Any, s: Any, b: str) -> list[str]:  # noqa: N802
        return self._bound("len(d) > {v}", "object", v)

    def k_uniqueItems(self, value: Any, schema: Any, base: str) -> list[str]:  # noqa: N802
        return ["if isinstance(d, list) and not _unique(d): return False"] if value else []

    def k_required(self, value: Any, schema: Any, base: str) -> list[str]:
        c = self.const(list(value))
        return [f"if isinstance(d, dict) and any(k not in d for k in {c}): return False"]

    def k_properties(self, value: Any, schema: Any, base: str) -> list[str]:
        out = ["if isinstance(d, dict):"]
        for prop, sub in value.items():
            fn = self.function(sub, base)
            out.append(f"    if {prop!r} in d and not {fn}(d[{prop!r}]): return False")
        return out if len(out) > 1 else []

    def k_patternProperties(self, value: Any, schema: Any, base: str) -> list[str]:  # noqa: N802
        out = ["if isinstance(d, dict):"]
        for rx, sub in value.items():
            fn, c = self.function(sub, base), self.regex(rx)
            out.append(
                f"    if any({c}.search(k) and not {fn}(v) for k, v in d.items()): return False"
            )
        return out

    def k_additionalProperties(self, value: Any, schema: Any, base: str) -> list[str]:  # noqa: N802
        if value is True:
            return []
        known = self.names_set(schema.get("properties", {}))
        extra = f"(k for k in d if k not in {known})"
        if schema.get("patternProperties"):  # jsonschema joins them into one alternation
            rx = self.regex("|".join(schema["patternProperties"]))
            extra = f"(k for k in d if k not in {known} and not {rx}.search(k))"
        if value is False:
            return [f"if isinstance(d, dict) and any(True for _ in {extra}): return False"]
        fn = self.function(value, base)
        return [f"if isinstance(d, dict) and not all({fn}(d[k]) for k in {extra}): return False"]

    def k_propertyNames(self, value: Any, schema: Any, base: str) -> list[str]:  # noqa: N802
        fn = self.function(value, base)
        return [f"if isinstance(d, dict) and not all({fn}(k) for k in d): return False"]

    def k_items(self, value: Any, schema: Any, base: str) -> list[str]:
        if not isinstance(value, dict | bool):
            raise Unsupported("items as a list (tuple validation)")
        fn = self.function(value, base)
        return [f"if isinstance(d, list) and not all({fn}(x) for x in d): return False"]

    def k_allOf(self, value: Any, schema: Any, base: str) -> list[str]:  # noqa: N802
        return [f"if not {self.function(sub, base)}(d): return False" for sub in value]

    def k_anyOf(self, value: Any, schema: Any, base: str) -> list[str]:  # noqa: N802
        fns = ", ".join(self.function(sub, base) for sub in value)
        return [f"if not any(f(d) for f in ({fns},)): return False"]

    def k_oneOf(self, value: Any, schema: Any, base: str) -> list[str]:  # noqa: N802
        fns = ", ".join(self.function(sub, base) for sub in value)
        return [f"if sum(1 for f in ({fns},) if f(d)) != 1: return False"]

    def k_not(self, value: Any, schema: Any, base: str) -> list[str]:
        return [f"if {self.function(value, base)}(d): return False"]


def compile_source(root_id: str, schemas: dict[str, Any]) -> tuple[str, set[str]]:
    """Source of a module defining ``valid(data) -> bool`` for the schema ``root_id``, and
    the ``$id`` of every schema it was built from.

    ``schemas`` maps every schema's ``$id`` to its contents (``$ref`` targets included).
    """
    c = _Compiler(schemas)
    c.used.add(root_id)
    entry = c.function(schemas[root_id], root_id)
    constants = [f"{name}: Any = {expr}" for expr, name in c.constants.items()]
    source = "\n".join([*constants, "", "", *c.functions, f"valid = {entry}", ""])
    return source, c.used
