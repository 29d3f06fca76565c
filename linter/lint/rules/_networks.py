"""Fabric roles: the architecture says ``in-band``, the plan's key is ``in_band``."""

from __future__ import annotations


def plan_key(role: str) -> str:
    return role.replace("-", "_")
