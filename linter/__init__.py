"""refarch: AI-factory reference architectures as code."""

from __future__ import annotations

__version__ = "2026.12.0"
