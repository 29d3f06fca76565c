"""Property tests over the semantic diff, its classification and the review formats: any two
documents give a list of changes and their text, never an exception; a document has no
differences with itself; and each change's paths point into its documents."""

from __future__ import annotations

import copy
import json
import math
from pathlib import Path
from typing import Any

import yaml
from conftest import FROZEN_KB
from fuzz_support import examples, mutate, numbers, quantities, texts, values
from hypothesis import given
from hypothesis import strategies as st

from linter.core import yamlio
from linter.kb.figures import FIGURE_KEYS
from linter.review.classify import classify_all
from linter.review.diff import LIST_KEYS, diff
from linter.review.render import diff_markdown, diff_text, level_counts

ROOT = Path(__file__).resolve().parent.parent
ARCHS = {
    p.stem: yaml.safe_load(p.read_text(encoding="utf-8"))
    for p in sorted((FROZEN_KB / "reference").glob("*.yaml"))
}
CATALOG = {
    p.stem: (p.parent.name, yaml.safe_load(p.read_text(encoding="utf-8")))
    for p in sorted((FROZEN_KB / "catalog").rglob("*.yaml"))
}
KINDS = {"accelerators": "accelerator", "systems": "system", "cooling": "cooling",
         "networks": "network", "models": "model", "efficiency": "efficiency"}  # fmt: skip

# Keys that steer the diff: list identities, figure fields, unit suffixes, classified fields.
DIFF_KEYS = sorted(
    {*LIST_KEYS, *LIST_KEYS.values(), *FIGURE_KEYS}
    | {"id", "max_kw", "rack_kw_max", "inlet_temp_max_c", "cooling", "fabric", "required",
       "severity", "check", "best_practices", "rack_profiles", "version", "status", "use",
       "max_power_kw", "count", "op", "path", "oversubscription", "network", "storage"}
)  # fmt: skip
keys = st.one_of(st.sampled_from(DIFF_KEYS), st.text(max_size=6))
figures = st.one_of(
    st.fixed_dictionaries({"value": numbers, "source": st.sampled_from(["a", "b"])}),
    st.fixed_dictionaries(
        {
            "range": st.lists(numbers, min_size=0, max_size=3),
            "default": numbers,
            "sources": st.lists(st.sampled_from(["a", "b"]), max_size=2),
        }  # fmt: skip
    ),
    st.fixed_dictionaries({"value": numbers, "derived": texts}),
)
leaves = st.one_of(values(keys), figures, quantities)
documents = st.dictionaries(
    keys, st.one_of(leaves, st.lists(st.dictionaries(keys, leaves, max_size=4), max_size=3)),
    max_size=6,
)  # fmt: skip


def render(old: Any, new: Any, kind: str) -> list[Any]:
    changes = diff(old, new)
    classified = classify_all(changes, kind, old, new)
    diff_text("a -> b", classified)
    diff_markdown("a -> b", classified)
    level_counts(classified)
    json.dumps([c.to_dict() for c in classified], allow_nan=True, default=str)
    return changes


@examples(300)
@given(old=documents, new=documents, kind=st.sampled_from(["architecture", *KINDS.values()]))
def test_any_two_documents_diff_classify_and_render(old: Any, new: Any, kind: str) -> None:
    render(old, new, kind)


@examples(300)
@given(data=st.data())
def test_a_mutated_architecture_against_its_original(data: st.DataObject) -> None:
    name = data.draw(st.sampled_from(sorted(ARCHS)))
    old = ARCHS[name]
    new = mutate(data.draw, old, st.one_of(leaves, figures), keys, data.draw(st.integers(1, 5)))
    changes = render(old, new, "architecture")
    assert render(new, copy.deepcopy(new), "architecture") == []
    for ch in changes:  # a change's data paths lead into its documents
        if ch.old_at is not None:
            _at(old, ch.old_at)
        if ch.new_at is not None:
            _at(new, ch.new_at)


@examples(200)
@given(data=st.data())
def test_catalog_entries_with_extreme_figures(data: st.DataObject) -> None:
    """Only numbers change, as in a monthly update that revises figures."""
    name = data.draw(st.sampled_from(sorted(CATALOG)))
    folder, old = CATALOG[name]
    new = copy.deepcopy(old)
    spots = [p for p, v in yamlio.walk(new) if isinstance(v, int | float) and p]
    for spot in data.draw(st.lists(st.sampled_from(spots), max_size=4)) if spots else []:
        parent = new
        for part in spot[:-1]:
            parent = parent[part]
        parent[spot[-1]] = data.draw(numbers)
    render(old, new, KINDS[folder])


@examples(100)
@given(text_a=st.text(max_size=200), text_b=st.text(max_size=200))
def test_diff_of_whatever_the_loader_accepts(text_a: str, text_b: str) -> None:
    docs = []
    for t in (text_a, text_b):
        try:
            docs.append(yamlio.loads(t, "x.yaml").data)
        except Exception as exc:  # noqa: BLE001 - only refarch's own errors are allowed
            from linter.core.errors import RefarchError

            assert isinstance(exc, RefarchError), exc
            docs.append({})
    render(docs[0], docs[1], "architecture")


def _at(data: Any, path: tuple[Any, ...]) -> None:
    node = data
    for part in path:
        node = node[part]
    if isinstance(node, float):
        assert math.isnan(node) or node == node
