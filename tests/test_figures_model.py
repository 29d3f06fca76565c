"""A figure has one definition, linter.kb.figures, read by every job."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import linter.kb.figures as figures
import linter.kb.provenance as provenance
import linter.kb.store as store
import linter.kb.validate as validate
import linter.review.diff as diff
import linter.site.catalog as site_catalog
import linter.site.figures as site_figures
import linter.site.sections as site_sections
from linter.kb.figures import Figure, figure_value, is_figure


def test_every_job_reads_the_one_definition() -> None:
    # provenance, the review's diff and the site each had their own is_figure; validate a fourth.
    for module in (provenance, diff, validate):
        assert module.is_figure is figures.is_figure, module.__name__
    # the site reads the typed model: a Figure, never a mapping to test
    for module in (site_figures, site_sections, site_catalog):
        assert not hasattr(module, "is_figure") and module.Figure is figures.Figure
    package = Path(figures.__file__).resolve().parent.parent
    defined = sorted(
        str(p.relative_to(package))
        for p in package.rglob("*.py")
        if re.search(r"^def (is_figure|figure_value)\b", p.read_text(encoding="utf-8"), re.M)
    )
    assert defined == ["kb/figures.py"]
    for module in (store, validate):
        assert module.figure_value is figures.figure_value, module.__name__


def test_a_published_figure() -> None:
    node = {"value": 10.2, "source": "nv-dgxh100-ug"}
    assert Figure.parse(node) == Figure(10.2, None, ("nv-dgxh100-ug",), None, "")
    assert figure_value(node) == 10.2


def test_a_range_where_sources_disagree() -> None:
    node = {"range": [120, 132], "default": 132, "sources": ["a", "b"], "note": "higher"}
    assert Figure.parse(node) == Figure(132.0, (120.0, 132.0), ("a", "b"), None, "higher")


def test_a_derived_figure() -> None:
    node = {"value": 1.275, "derived": "max_power_kw / gpu_count"}
    assert Figure.parse(node) == Figure(1.275, None, (), "max_power_kw / gpu_count", "")


@pytest.mark.parametrize(
    "node",
    [
        40,
        "40 kW",
        None,
        {},
        {"path": "network.oversubscription", "op": "<=", "value": 1.0},  # a check, not a figure
        {"default": 3, "sources": ["a"]},  # no value and no range
        {"value": True, "source": "a", "extra": 1},
    ],
)
def test_what_is_not_a_figure(node: object) -> None:
    assert not is_figure(node)
    assert Figure.parse(node) is None
    assert figure_value(node) is None


def test_a_boolean_is_no_number() -> None:
    assert is_figure({"value": True, "source": "a"})
    assert figure_value({"value": True, "source": "a"}) is None
