"""The JSON Schemas of every kind of file: loading them (``loader``), compiling them to Python
predicates (``compiler``, ``python -m linter.schemas.compiler``) and the compiled modules
(``compiled/``).
"""
