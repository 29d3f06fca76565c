"""Versions of an architecture: current (release.yaml, else the file) and known ones (its
``changes`` and the current one)."""

from __future__ import annotations

from linter.kb.model import Architecture
from linter.kb.store import KnowledgeBase


def current_version(kb: KnowledgeBase, arch: Architecture) -> str:
    """The architecture's version in the current KB release."""
    listed = kb.release.pinned(arch.id)
    return listed if listed else arch.version


def known_versions(kb: KnowledgeBase, arch: Architecture) -> list[str]:
    versions = {c.version for c in arch.changes}
    versions.add(current_version(kb, arch))
    return sorted(versions)
