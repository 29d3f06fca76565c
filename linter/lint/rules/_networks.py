"""Fabric roles: the architecture says ``in-band``, the plan's key is ``in_band``."""

from __future__ import annotations

from typing import Any

from linter.kb.store import Entry


def plan_key(role: str) -> str:
    return role.replace("-", "_")


def arch_networks(arch: Entry | None) -> list[tuple[int, dict[str, Any]]]:
    """(index, entry) of the architecture's ``networks``."""
    if arch is None:
        return []
    return [(i, n) for i, n in enumerate(arch.data.get("networks") or []) if isinstance(n, dict)]
