"""BLAKE2b digests for cache keys, without importing ``hashlib``.

``hashlib`` loads OpenSSL (about 4 ms, a tenth of a pre-commit lint's start-up); BLAKE2b is
built into CPython as ``_blake2``, which loads in a fraction of a millisecond. Unlike a CRC, a
BLAKE2b digest cannot be forged by editing a few bytes.
"""

from __future__ import annotations

try:
    from _blake2 import blake2b
except ImportError:  # an interpreter built without it
    from hashlib import blake2b

__all__ = ["blake2b", "digest"]


def digest(data: bytes) -> bytes:
    """The 16-byte BLAKE2b digest of ``data``."""
    return blake2b(data, digest_size=16).digest()
