"""The safe loader: YAML 1.2 semantics, positions, and every bounded failure."""

from __future__ import annotations

import math
import subprocess
import sys
from pathlib import Path

import pytest

from linter.core import yamlio, yamlscan
from linter.core.errors import InputError, Location
from linter.core.units import UNITS, normalize, parse_quantity


def load_error(text: str | bytes, tmp_path: Path, name: str = "f.yaml") -> str:
    p = tmp_path / name
    p.write_bytes(text if isinstance(text, bytes) else text.encode())
    with pytest.raises(InputError) as exc:
        yamlio.load(str(p))
    return str(exc.value).replace(str(tmp_path) + "/", "")


def test_yaml12_booleans_and_strings() -> None:
    doc = yamlio.loads("a: no\nb: off\nc: yes\nd: true\ne: 2026-11-26\nf: 0755\ng: 1:20\nh: 0o17\n")
    assert doc.data == {
        "a": "no",
        "b": "off",
        "c": "yes",
        "d": True,
        "e": "2026-11-26",
        "f": 755,
        "g": "1:20",
        "h": 15,
    }


def test_special_floats_and_nulls() -> None:
    doc = yamlio.loads("a: .inf\nb: -.inf\nc: .nan\nd: ~\ne: null\nf: 1e3\n")
    assert doc.data["a"] == math.inf and doc.data["b"] == -math.inf and math.isnan(doc.data["c"])
    assert doc.data["d"] is None and doc.data["e"] is None and doc.data["f"] == 1000.0


def test_positions_are_one_based_for_values_and_keys() -> None:
    doc = yamlio.loads("plan: x\nracks:\n  - id: r01\n    budget_kw: 40\n")
    assert doc.span(("racks", 0, "budget_kw")) == yamlio.Span(4, 16, 4, 18)
    assert doc.key_span(("racks", 0, "budget_kw")) == yamlio.Span(4, 5, 4, 14)
    # a path that does not exist points at its nearest ancestor
    assert doc.span(("racks", 0, "missing")).line == 3
    assert yamlio.json_path(("racks", 0, "budget_kw")) == "$.racks[0].budget_kw"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a: 1\nb: 2\na: 3\n", "f.yaml:3:1: duplicate key 'a' (first defined on line 1)"),
        ('a: 1\n"a": 2\n', "f.yaml:2:1: duplicate key 'a' (first defined on line 1)"),
        (
            "a: 1\n---\nb: 2\n",
            "f.yaml:2:1: YAML syntax error: more than one YAML document in the file (one per file)",
        ),
        ("", "f.yaml:1:1: file is empty: expected a YAML mapping"),
        ("# only a comment\n", "f.yaml:1:1: file is empty: expected a YAML mapping"),
        (
            "a: !!python/object:os.system x\n",
            "f.yaml:1:4: unsupported tag tag:yaml.org,2002:python/object:os.system",
        ),
        ("a: !custom x\n", "f.yaml:1:4: unsupported tag !custom"),
        (
            "a: &a [*a]\n",
            "f.yaml:1:4: an alias refers to a node that contains it (recursive alias)",
        ),
        ("a: [1, 2\nb: 3\n", "f.yaml:2:2: YAML syntax error: did not find expected ',' or ']'"),
        (
            "a:\n\tb: 1\n",
            "f.yaml:2:1: YAML syntax error: a tab character; YAML indents with spaces only",
        ),
        ("? [a]\n: 1\n", "f.yaml:1:3: mapping keys must be plain scalars"),
    ],
    ids=[
        "duplicate",
        "duplicate-quoted",
        "two-documents",
        "empty",
        "comment-only",
        "python-tag",
        "custom-tag",
        "recursive-alias",
        "syntax",
        "tab",
        "complex-key",
    ],
)
def test_load_errors(text: str, message: str, tmp_path: Path) -> None:
    assert load_error(text, tmp_path) == message


def test_alias_bomb_fails_fast(tmp_path: Path) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]")
    msg = load_error("\n".join(lines) + "\n", tmp_path)
    assert msg.endswith("more than 250000 nodes after expanding aliases (an alias bomb?)")


def test_binary_utf16_and_invalid_utf8(tmp_path: Path) -> None:
    assert (
        load_error(b"a: 1\n\x00\x01\x02", tmp_path)
        == "f.yaml:2:1: binary file: contains a NUL byte"
    )
    assert (
        load_error("a: 1\n".encode("utf-16"), tmp_path)
        == "f.yaml: file is UTF-16 encoded; save it as UTF-8"
    )
    assert load_error(b"a: 1\nb: \xff\xfe\n", tmp_path) == (
        "f.yaml:2:1: not valid UTF-8 (byte 0xff at offset 8)"
    )


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    p = tmp_path / "bom.yaml"
    p.write_bytes(b"\xef\xbb\xbfa: 1\n")
    assert yamlio.load(str(p)).data == {"a": 1}


def test_missing_directory_and_oversized(tmp_path: Path) -> None:
    assert load_error_path(tmp_path / "nope.yaml", tmp_path) == "nope.yaml: no such file"
    assert load_error_path(tmp_path, tmp_path).endswith(": is a directory, not a file")
    big = tmp_path / "big.yaml"
    big.write_bytes(b"a: " + b"x" * (20 * 1024 * 1024) + b"\n")
    assert load_error_path(big, tmp_path) == "big.yaml: file is larger than the 8 MiB limit"


def load_error_path(path: Path, tmp_path: Path) -> str:
    with pytest.raises(InputError) as exc:
        yamlio.load(str(path))
    return str(exc.value).replace(str(tmp_path) + "/", "")


def test_deep_nesting_in_a_subprocess(tmp_path: Path) -> None:
    """100,000-deep nesting must be an error, not a crash of the interpreter."""
    p = tmp_path / "deep.yaml"
    p.write_text("a: " + "[" * 100_000 + "]" * 100_000 + "\n")
    code = (
        "import sys; from linter.core import yamlio\n"
        "try:\n    yamlio.load(sys.argv[1])\nexcept Exception as e:\n    print(e)\n"
    )
    r = subprocess.run(
        [sys.executable, "-c", code, str(p)], capture_output=True, text=True, timeout=60
    )
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == f"{p}:1:68: nesting deeper than 64 levels"


def test_units_convert_and_reject_wrong_dimensions() -> None:
    assert parse_quantity("40 kW", UNITS["kW"]) == 40.0
    assert parse_quantity("40000 W", UNITS["kW"]) == 40.0
    assert parse_quantity("77 °F", UNITS["°C"]) == 25.0
    assert parse_quantity("300 K", UNITS["°C"]) == 26.85
    assert parse_quantity("400 Gb/s", UNITS["GB/s"]) == 50.0
    assert parse_quantity("34121.4163 BTU/h", UNITS["kW"]) == pytest.approx(10.0, rel=1e-6)
    with pytest.raises(ValueError, match=r"'40 kVA' is apparent power \(kVA\) but kW"):
        parse_quantity("40 kVA", UNITS["kW"])
    with pytest.raises(
        ValueError, match=r"'25 °C' is temperature \(°C\) but kW \(power\) is expected"
    ):
        parse_quantity("25 °C", UNITS["kW"])
    with pytest.raises(ValueError, match="unknown unit 'furlongs'"):
        parse_quantity("3 furlongs", UNITS["kW"])


def test_normalize_reports_path_and_keeps_bad_values() -> None:
    doc = yamlio.loads("racks:\n  - budget_kw: 40 kVA\n    inlet_temp_c: 77 F\n")
    data, problems = normalize(doc.data)
    assert [p for p, _ in problems] == [("racks", 0, "budget_kw")]
    assert data["racks"][0] == {"budget_kw": "40 kVA", "inlet_temp_c": 25.0}
    assert doc.data["racks"][0] == {"budget_kw": "40 kVA", "inlet_temp_c": "77 F"}


def test_unit_for_key_reads_suffix_and_qualifiers() -> None:
    from linter.core.units import unit_for_key

    assert unit_for_key("budget_kw").symbol == "kW"
    assert unit_for_key("rack_kw_max").symbol == "kW"
    assert unit_for_key("inlet_temp_max_c").symbol == "°C"
    assert unit_for_key("memory_bandwidth_tb_s").symbol == "TB/s"
    assert unit_for_key("gpu_count") is None


@pytest.mark.skipif(not yamlscan.HAVE_LIBYAML, reason="PyYAML built without libyaml")
def test_a_file_of_thousands_of_flow_mappings_is_composed_by_libyaml(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A KB file with more flow brackets than the cheap depth bound clears (an efficiency set's
    calibration list) is proved shallow on libyaml's events and composed in C, not by the
    pure-Python parser, which takes seconds on it; positions stay exact."""
    text = "points:\n" + "".join(
        f"  - {{id: p{i}, published: {{value: {i}}}}}\n" for i in range(2000)
    )
    assert not yamlscan.c_parser_safe(text)

    def refuse(*_: object) -> None:
        raise AssertionError("the pure-Python parser was used")

    monkeypatch.setattr(yamlscan, "PyLoader", refuse)
    doc = yamlio.loads(text, "many.yaml")
    assert doc.data["points"][1999] == {"id": "p1999", "published": {"value": 1999}}
    assert doc.location(("points", 1999, "published", "value")) == Location("many.yaml", 2001, 36)
