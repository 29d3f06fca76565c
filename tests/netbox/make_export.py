"""Remake tests/netbox/export/, the saved NetBox export the offline import tests read.

    python tests/netbox/make_export.py             # a fresh NetBox (service.py), then export
    NETBOX_TOKEN=... python tests/netbox/make_export.py --url URL   # an instance already up

Either way the instance must hold exactly the fixture site (fixture.py): the export is what
``refarch import netbox --url URL --save-export DIR`` saves of it, and the offline tests
assert the same plan and findings from it as the live test does from the instance.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
EXPORT = HERE / "export"


def export_from(url: str, token: str) -> None:
    tmp = Path(tempfile.mkdtemp(prefix="refarch-export-"))
    try:
        subprocess.run(
            [
                sys.executable,
                "-m",
                "linter",
                "import",
                "netbox",
                "--url",
                url,
                "--suggest-mapping",
                "--save-export",
                str(tmp / "export"),
            ],
            env={**os.environ, "NETBOX_TOKEN": token},
            check=True,
            stdout=subprocess.DEVNULL,
        )
        shutil.rmtree(EXPORT, ignore_errors=True)
        shutil.copytree(tmp / "export", EXPORT)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main(argv: list[str]) -> int:
    if argv[:1] == ["--url"] and len(argv) == 2:
        export_from(argv[1], os.environ["NETBOX_TOKEN"])
        return 0
    if argv:
        print(__doc__, file=sys.stderr)
        return 2
    sys.path.insert(0, str(HERE))
    import json

    import service

    state = Path(tempfile.mkdtemp(prefix="refarch-netbox-"))
    try:
        service.up(state)
        info = json.loads((state / "state.json").read_text())
        export_from(info["url"], info["token"])
    finally:
        service.down(state)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
