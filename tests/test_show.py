"""`refarch show` looks an id up in every kind of KB entry, efficiency sets included."""

from __future__ import annotations

from conftest import RunCli


def test_an_unknown_id_suggests_an_efficiency_set(run_cli: RunCli) -> None:
    assert run_cli("show", "hopper-trtlm") == (
        2,
        "",
        "refarch: error: unknown id 'hopper-trtlm' (did you mean hopper-trtllm, "
        "blackwell-trtllm?)\n",
    )


def test_an_id_close_to_nothing_points_at_stats(run_cli: RunCli) -> None:
    code, out, err = run_cli("show", "zzzz")
    assert (code, out, err) == (
        2,
        "",
        "refarch: error: unknown id 'zzzz'; `refarch stats` lists counts\n",
    )
