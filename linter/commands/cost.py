"""refarch cost PLAN [--utilisation PCT] [--tariff PRICE --currency CUR] [--grid-intensity G]
[--wue L]: a year of running the plan, in energy and, from the figures given, money, carbon
and water; tokens per kWh for an inference workload (linter.lint.cost)."""

from __future__ import annotations

import argparse
from typing import Any

from linter.commands.common import add_format_argument, dump_json, open_kb
from linter.core.errors import EXIT_OK, UsageError
from linter.core.text import fmt
from linter.kb import validate
from linter.lint import plan as plan_mod
from linter.lint.cost import Inputs, annual, plan_inputs
from linter.lint.facts import Facts

NAME = "cost"
HELP = "a year of running a plan: energy, and cost, carbon and water from figures you give"


def _positive(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not value >= 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"{text!r} must be a finite number >= 0")
    return value


def _shown(value: float) -> str:
    """Large figures with thousands separators, small ones with two decimals."""
    return f"{value:,.0f}" if abs(value) >= 1000 else fmt(value, 2)


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("plan", metavar="PLAN", help="a plan file")
    p.add_argument(
        "--utilisation",
        type=_positive,
        metavar="PCT",
        help="average draw as %% of system maximum power (default 100: an upper bound)",
    )
    p.add_argument("--tariff", type=_positive, metavar="PRICE", help="energy price per kWh")
    p.add_argument(
        "--currency", default="", metavar="CUR", help="the tariff's and capex's currency (USD)"
    )
    p.add_argument(
        "--grid-intensity", type=_positive, metavar="G", help="grid carbon, g CO2e per kWh"
    )
    p.add_argument("--wue", type=_positive, metavar="L", help="water usage effectiveness, L/kWh")
    p.add_argument(
        "--capex", type=_positive, metavar="PRICE", help="your capital cost of the plan (currency)"
    )
    p.add_argument(
        "--lifetime-years", type=_positive, metavar="N", help="years the capital is spread over"
    )
    add_format_argument(p, ("text", "json"))


def run(args: argparse.Namespace, io: Any) -> int:
    if args.utilisation is not None and args.utilisation > 100:
        raise UsageError(f"--utilisation {args.utilisation:g} is above 100 %")
    kb = open_kb(args, checked=True)
    doc, problems = validate.check(plan_mod.load(args.plan), "plan", kb)
    errors = sorted((f for f in problems if f.severity == "error"), key=lambda f: f.sort_key())
    if errors:
        f = errors[0]
        raise UsageError(
            f"{f.file}:{f.line}:{f.column}: {f.rule} {f.message} (refarch lint {args.plan}"
            " lists every problem)"
        )
    if not plan_mod.is_plan(doc):
        raise UsageError(f"{args.plan} is not a plan")
    view = plan_mod.from_data(doc.data)
    if (args.capex is None) != (args.lifetime_years is None):
        raise UsageError("--capex and --lifetime-years go together (capital per year)")
    if args.lifetime_years == 0:
        raise UsageError("--lifetime-years must be above 0")
    own = plan_inputs(view)  # the plan's own figures; an option given on the command line wins
    capex, years = args.capex, args.lifetime_years
    if capex is None:
        capex, years = own.capex, own.lifetime_years
        if (capex is None) != (years is None):
            raise UsageError(
                f"{args.plan}: costs.capex and costs.lifetime_years go together (capital per year)"
            )
    inputs = Inputs(
        args.utilisation if args.utilisation is not None else own.utilisation_pct,
        args.tariff if args.tariff is not None else own.tariff_per_kwh,
        args.currency or own.currency,
        args.grid_intensity if args.grid_intensity is not None else own.grid_g_per_kwh,
        args.wue if args.wue is not None else own.wue_l_per_kwh,
        capex,
        years,
    )
    cost = annual(view, kb, Facts(view, kb), inputs)
    if args.format == "json":
        io.out.write(
            dump_json(
                {
                    "plan": cost.plan,
                    "lines": [line.to_dict() for line in cost.lines],
                    "notes": cost.notes,
                }
            )
        )
        return EXIT_OK
    io.out.write(f"A year of {cost.plan}:\n")
    width = max(len(line.name) for line in cost.lines)
    for line in cost.lines:
        shown = "n/a" if line.value is None else _shown(line.value)
        io.out.write(f"  {line.name:<{width}}  {shown} {line.unit}  ({line.formula})\n")
    for note in cost.notes:
        io.out.write(f"  note: {note}\n")
    return EXIT_OK
