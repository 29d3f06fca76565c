"""Versions in the KB, typed: an architecture's ``changes`` list and the release manifest.

Every architecture records one ``changes`` entry per version, newest first
(``schema/architecture.schema.json``: ``version``, ``date``, ``summary``, ``why``), and
``release.yaml`` pins the version of every architecture in a release
(``schema/release.schema.json``: ``release``, ``date``, ``summary``, ``architectures``).
These are the only parsers of either: code that reads history, validates or renders a
release goes through them. Both parse whatever a file holds without raising, as every typed
KB value does (``linter.kb.model.base``).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from linter.kb.model.base import mapping, records, text
from linter.kb.model.record import Record

RELEASE_FILE = "release.yaml"


class Change(Record):
    """One entry of an architecture's ``changes`` list."""

    version: str
    date: str = ""
    summary: str = ""
    why: str = ""
    index: int = 0  # position in the list, for pointing at it

    @property
    def at(self) -> tuple[str | int, ...]:
        return ("changes", self.index)

    def as_dict(self) -> dict[str, str]:
        return {"version": self.version, "date": self.date, "summary": self.summary,
                "why": self.why}  # fmt: skip


def changes_of(data: object) -> tuple[Change, ...]:
    """The ``changes`` entries of an architecture document, as written (newest first)."""
    return tuple(
        Change(version=text(c, "version"), date=text(c, "date"), summary=text(c, "summary"),
               why=text(c, "why"), index=i)
        for i, c in records(data, "changes")
    )  # fmt: skip


def change_for(data: object, version: str) -> Change | None:
    """The ``changes`` entry recording ``version``, if any."""
    if not version:
        return None
    return next((c for c in changes_of(data) if c.version == version), None)


_EMPTY: Mapping[str, str] = MappingProxyType({})


class Release(Record):
    """The release manifest: the release, its date and summary, and the version of every
    architecture in it. An architecture listed with a version that is not text maps to
    ``""``, so it still counts as listed and never matches a file's version."""

    version: str = ""
    date: str = ""
    summary: str = ""
    architectures: Mapping[str, str] = _EMPTY

    @classmethod
    def parse(cls, data: object) -> Release:
        listed = mapping(data, "architectures")
        version = data.get("release") if isinstance(data, dict) else None
        return cls(
            version=version if isinstance(version, str) else "",
            date=text(data, "date"),
            summary=text(data, "summary"),
            architectures=MappingProxyType(
                {str(k): v if isinstance(v, str) else "" for k, v in listed.items()}
            ),
        )

    def pinned(self, arch_id: str) -> str | None:
        """The version the release pins ``arch_id`` at, or None when it is not listed."""
        return self.architectures.get(arch_id)
