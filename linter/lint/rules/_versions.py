"""Versions of the pinned architecture: current (release.yaml, else the file) and known ones."""

from __future__ import annotations

from typing import Any

from linter.kb.store import Entry, KnowledgeBase


def current_version(kb: KnowledgeBase, arch: Entry) -> str:
    """The architecture's version in the current KB release."""
    rel = kb.release
    if rel is not None and isinstance(rel.data, dict):
        listed = (rel.data.get("architectures") or {}).get(arch.id)
        if isinstance(listed, str):
            return listed
    return arch.text("version")


def changes(arch: Entry) -> list[tuple[int, dict[str, Any]]]:
    """(index, entry) of the architecture's ``changes`` list, newest first as written."""
    items = arch.data.get("changes") or []
    return [(i, c) for i, c in enumerate(items) if isinstance(c, dict)]


def known_versions(kb: KnowledgeBase, arch: Entry) -> list[str]:
    versions = {str(c.get("version")) for _, c in changes(arch)}
    versions.add(current_version(kb, arch))
    return sorted(versions)
