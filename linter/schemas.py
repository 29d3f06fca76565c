"""JSON Schemas: loaded from refarch's own schema directory, resolved locally, never fetched."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from jsonschema import Draft7Validator
from jsonschema.exceptions import ValidationError
from referencing import Registry, Resource
from referencing.exceptions import NoSuchResource

from linter.resources import schema_dir

KINDS = (
    "accelerator",
    "system",
    "cooling",
    "network",
    "model",
    "efficiency",
    "standard",
    "architecture",
    "release",
    "plan",
    "config",
)


def _refuse(uri: str) -> Resource[Any]:
    # Every $ref must resolve inside refarch's own schemas: nothing is fetched or read.
    raise NoSuchResource(ref=uri)


@cache
def _registry() -> Registry[Any]:
    resources = []
    for path in sorted(schema_dir().glob("*.schema.json")):
        contents = json.loads(path.read_text(encoding="utf-8"))
        resources.append((contents["$id"], Resource.from_contents(contents)))
    return Registry(retrieve=_refuse).with_resources(resources)  # type: ignore[call-arg]


@cache
def schema(kind: str) -> dict[str, Any]:
    """The JSON Schema of a file kind."""
    path = schema_dir() / f"{kind}.schema.json"
    return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@cache
def validator(kind: str) -> Draft7Validator:
    """A validator for a file kind, built once per process."""
    return Draft7Validator(schema(kind), registry=_registry())


def errors(kind: str, data: Any) -> list[ValidationError]:
    """Schema errors, most specific first, sorted by position in the document."""
    found = []
    for err in validator(kind).iter_errors(data):
        found.append(_most_specific(err))
    return sorted(found, key=lambda e: [str(p) for p in e.absolute_path])


def _most_specific(err: ValidationError) -> ValidationError:
    # anyOf/oneOf failures say "is not valid under any of the given schemas"; the deepest
    # sub-error on the longest path is usually what the author needs to read.
    while err.context:
        best = max(err.context, key=lambda e: (len(e.absolute_path), -len(e.context or [])))
        if len(best.absolute_path) < len(err.absolute_path):
            break
        err = best
        if err.validator in ("required", "additionalProperties", "type", "enum", "const"):
            break
    return err
