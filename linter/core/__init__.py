"""Shared foundations with no knowledge of refarch's jobs: errors, the YAML loader with positions,
units, formulas, findings, atomic writes and where the data lives.

Nothing here imports from the rest of ``linter``.
"""
