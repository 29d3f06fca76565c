"""Evaluate the formulas of derived figures: arithmetic over names, nothing else."""

from __future__ import annotations

import ast
import operator
from collections.abc import Callable

_OPS: dict[type[ast.AST], Callable[[float, float], float]] = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
}


class FormulaError(ValueError):
    pass


def names(formula: str) -> list[str]:
    """The names a formula refers to (``dgx-h100.max_power_kw`` counts as one name)."""
    return [n for n in _tokens(formula) if not _is_number(n) and n not in "+-*/()"]


def _is_number(tok: str) -> bool:
    try:
        float(tok)
    except ValueError:
        return False
    return True


def _tokens(formula: str) -> list[str]:
    out: list[str] = []
    cur = ""
    for ch in formula:
        if ch in "+*/() \t" or (ch == "-" and (not cur or not cur[-1].isalnum())):
            if cur:
                out.append(cur)
            cur = ""
            if ch.strip():
                out.append(ch)
        else:
            cur += ch
    if cur:
        out.append(cur)
    return out


def evaluate(formula: str, resolve: Callable[[str], float | None]) -> float:
    """Evaluate ``formula``; ``resolve`` gives the value of each name (or None if unknown)."""
    mapping: dict[str, str] = {}
    rewritten = []
    for tok in _tokens(formula):
        if tok in "+-*/()" or _is_number(tok):
            rewritten.append(tok)
        else:
            var = mapping.setdefault(tok, f"_v{len(mapping)}")
            rewritten.append(var)
    try:
        tree = ast.parse(" ".join(rewritten), mode="eval")
    except SyntaxError:
        raise FormulaError(f"cannot parse formula {formula!r}") from None
    values: dict[str, float] = {}
    for name, var in mapping.items():
        v = resolve(name)
        if v is None:
            raise FormulaError(f"unknown name {name!r} in formula {formula!r}")
        values[var] = v
    return _eval(tree.body, values, formula)


def _eval(node: ast.AST, values: dict[str, float], formula: str) -> float:
    if isinstance(node, ast.Constant) and isinstance(node.value, int | float):
        return float(node.value)
    if isinstance(node, ast.Name) and node.id in values:
        return values[node.id]
    if isinstance(node, ast.BinOp) and type(node.op) in _OPS:
        left = _eval(node.left, values, formula)
        right = _eval(node.right, values, formula)
        try:
            return _OPS[type(node.op)](left, right)
        except ZeroDivisionError:
            raise FormulaError(f"division by zero in {formula!r}") from None
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        return -_eval(node.operand, values, formula)
    raise FormulaError(f"unsupported expression in formula {formula!r}")
