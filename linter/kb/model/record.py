"""``Record``: the frozen value every typed KB entry and part is made of.

A record's fields are its class annotations (inherited ones first), set once by keyword and
never again. It is what ``@dataclass(frozen=True)`` gives, without generating and compiling
methods for each class at import: the KB model's thirty classes cost 20-25 ms of start-up as
dataclasses, about 1 ms as records, and start-up is most of a pre-commit lint.
"""

from __future__ import annotations

from typing import Any, TypeVar

R = TypeVar("R", bound="Record")

# class -> {field: (annotation as written, has a default)}, in declaration order, bases first
_FIELDS: dict[type, dict[str, tuple[str, bool]]] = {}


def record_fields(cls: type) -> dict[str, tuple[str, bool]]:
    """The fields of a record class: name -> (its annotation as written, e.g. ``"Figure"`` or
    ``"tuple[str, ...]"``, and whether it has a default). Annotations are read as text (the
    modules use ``from __future__ import annotations``), never evaluated: evaluating them cost
    more than building the entries."""
    found = _FIELDS.get(cls)
    if found is None:
        hints: dict[str, str] = {}
        for c in reversed(cls.__mro__):
            for name, hint in vars(c).get("__annotations__", {}).items():
                if not isinstance(hint, str):
                    raise TypeError(f"{c.__name__}: declare records under postponed annotations")
                hints[name] = hint
        found = {}
        for name, hint in hints.items():
            declared = [vars(c)[name] for c in cls.__mro__ if name in vars(c)]
            default = any(not callable(v) and not isinstance(v, property) for v in declared)
            found[name] = (hint, default)
        _FIELDS[cls] = found
    return found


class Record:
    """A frozen value whose fields are the class annotations."""

    __hash__ = None  # type: ignore[assignment]  # fields hold mappings: not hashable

    def __init__(self, **values: Any) -> None:
        fields = record_fields(type(self))
        unknown = [k for k in values if k not in fields]
        missing = [k for k, (_, default) in fields.items() if not default and k not in values]
        if unknown or missing:
            raise TypeError(
                f"{type(self).__name__}: unknown fields {unknown}, missing fields {missing}"
            )
        self.__dict__.update(values)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} is frozen: cannot assign to {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is frozen: cannot delete {name!r}")

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        names = [n for n in record_fields(type(self)) if n != "doc"]  # the file, not the value
        return all(getattr(self, n) == getattr(other, n) for n in names)

    def __repr__(self) -> str:
        names = [n for n in record_fields(type(self)) if n != "doc"]
        inner = ", ".join(f"{n}={getattr(self, n)!r}" for n in names)
        return f"{type(self).__name__}({inner})"
