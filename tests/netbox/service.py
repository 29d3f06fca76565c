"""A real NetBox 4.7 for the import tests: PostgreSQL and Redis from Debian, NetBox from PyPI.

    python tests/netbox/service.py up STATE_DIR     # start everything, load the fixture site
    python tests/netbox/service.py down STATE_DIR   # stop everything, remove STATE_DIR

``up`` makes a PostgreSQL cluster and a Redis server of its own under STATE_DIR (on free
loopback ports, nothing persisted), writes NetBox's configuration there (NETBOX_ROOT),
migrates, creates a superuser, starts NetBox's server, provisions an API token through the
REST API, loads the fixture site (``fixture.py``) through the REST API, and writes
``STATE_DIR/state.json`` (url, token, pids). Every step is bounded in time; a step that fails
or times out stops what was started and exits 1 naming the step and its log.

NetBox runs from the virtual environment ``$REFARCH_NETBOX_VENV`` (default ``.netbox/venv``
of the checkout; ``make netbox`` makes it). The tests start this in the background when the
session starts (tests/conftest.py) and stop it when the session ends.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
PG_BIN = Path(os.environ.get("REFARCH_PG_BIN", "/usr/lib/postgresql/15/bin"))
USER, PASSWORD = "admin", "refarch-fixture-only"
# Seconds each step may take on a 2-CPU machine (migrating an empty database takes ~5 min).
LIMITS = {"postgres": 60, "redis": 30, "migrate": 900, "superuser": 120, "server": 120}


def venv() -> Path:
    return Path(os.environ.get("REFARCH_NETBOX_VENV", ROOT / ".netbox" / "venv"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class StepFailed(Exception):
    """A step failed; ``log`` is the file that says why."""

    def __init__(self, message: str, log: Path | None = None) -> None:
        super().__init__(message)
        self.log = log


def _as_postgres() -> list[str]:
    """PostgreSQL refuses to run as root: run its programs as the Debian postgres user."""
    return ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []


def _run(step: str, cmd: list[str], log: Path, env: dict[str, str] | None = None) -> None:
    with log.open("ab") as out:
        try:
            proc = subprocess.run(
                cmd, stdout=out, stderr=subprocess.STDOUT, env=env, timeout=LIMITS[step]
            )
        except subprocess.TimeoutExpired:
            raise StepFailed(f"{step}: no answer in {LIMITS[step]} s", log) from None
    if proc.returncode:
        raise StepFailed(f"{step}: exit {proc.returncode}", log)


def _wait_http(url: str, seconds: float, log: Path) -> None:
    """Until the server answers at all (the API answers 403 without a token)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except urllib.error.HTTPError as exc:
            if exc.code < 500:
                return
        except OSError:
            pass
        time.sleep(0.5)
    raise StepFailed(f"server: {url} did not answer in {seconds:.0f} s", log)


CONFIGURATION = """\
# Written by tests/netbox/service.py: a throwaway NetBox for refarch's import tests.
ALLOWED_HOSTS = ['*']
DATABASES = {{'default': {{
    'ENGINE': 'django.db.backends.postgresql', 'NAME': 'netbox', 'USER': 'netbox',
    'PASSWORD': '', 'HOST': '127.0.0.1', 'PORT': '{pg_port}', 'CONN_MAX_AGE': 300,
}}}}
REDIS = {{
    'tasks': {{'HOST': '127.0.0.1', 'PORT': {redis_port}, 'USERNAME': '', 'PASSWORD': '',
               'DATABASE': 0, 'SSL': False}},
    'caching': {{'HOST': '127.0.0.1', 'PORT': {redis_port}, 'USERNAME': '', 'PASSWORD': '',
                 'DATABASE': 1, 'SSL': False}},
}}
SECRET_KEY = '{secret}'
API_TOKEN_PEPPERS = {{1: '{pepper}'}}
CENSUS_REPORTING_ENABLED = False
RELEASE_CHECK_URL = None
"""


def up(state: Path) -> dict[str, object]:
    """Start PostgreSQL, Redis and NetBox under ``state``; load the fixture; write state.json."""
    state.mkdir(parents=True, exist_ok=True)
    info: dict[str, object] = {"pids": {}}
    pids: dict[str, int] = {}
    info["pids"] = pids
    save = lambda: (state / "state.json").write_text(json.dumps(info, indent=1))  # noqa: E731
    netbox = venv() / "bin" / "netbox"
    if not netbox.exists():
        raise StepFailed(f"venv: {netbox} is missing (make netbox installs NetBox 4.7)")
    started = time.monotonic()

    pg_data, sock = state / "pg", state / "pg-socket"
    for d in (pg_data, sock):
        d.mkdir()
        if os.geteuid() == 0:
            shutil.chown(d, "postgres")
    if os.geteuid() == 0:
        shutil.chown(state, "postgres")  # pg_ctl's log file lives in the data directory
    pg_port = free_port()
    log = state / "postgres.log"
    _run(
        "postgres",
        [
            *_as_postgres(),
            str(PG_BIN / "initdb"),
            "-D",
            str(pg_data),
            "-U",
            "netbox",
            "--auth=trust",
            "-E",
            "UTF8",
        ],
        log,
    )
    opts = f"-p {pg_port} -k {sock} -c listen_addresses=127.0.0.1 -c fsync=off"
    opts += " -c synchronous_commit=off -c full_page_writes=off"
    _run(
        "postgres",
        [
            *_as_postgres(),
            str(PG_BIN / "pg_ctl"),
            "-D",
            str(pg_data),
            "-o",
            opts,
            "-l",
            str(pg_data / "server.log"),
            "-w",
            "start",
        ],
        log,
    )
    info["pg_data"] = str(pg_data)
    save()
    _run(
        "postgres",
        [str(PG_BIN / "createdb"), "-h", "127.0.0.1", "-p", str(pg_port), "-U", "netbox", "netbox"],
        log,
    )

    redis_port = free_port()
    redis = subprocess.Popen(
        [
            "redis-server",
            "--port",
            str(redis_port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(state),
        ],
        stdout=(state / "redis.log").open("wb"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    pids["redis"] = redis.pid
    save()

    root = state / "netbox-root"
    (root / "conf").mkdir(parents=True)
    (root / "conf" / "__init__.py").write_text("")
    (root / "conf" / "configuration.py").write_text(
        CONFIGURATION.format(
            pg_port=pg_port,
            redis_port=redis_port,
            secret=os.urandom(32).hex(),
            pepper=os.urandom(32).hex(),
        )
    )
    env = {**os.environ, "NETBOX_ROOT": str(root), "DJANGO_SUPERUSER_PASSWORD": PASSWORD}
    log = state / "netbox.log"
    t0 = time.monotonic()
    _run("migrate", [str(netbox), "migrate", "--no-input"], log, env)
    info["migrate_s"] = round(time.monotonic() - t0, 1)
    _run(
        "superuser",
        [
            str(netbox),
            "createsuperuser",
            "--no-input",
            "--username",
            USER,
            "--email",
            "admin@example.invalid",
        ],
        log,
        env,
    )
    port = free_port()
    server = subprocess.Popen(
        [str(netbox), "runserver", f"127.0.0.1:{port}", "--noreload"],
        stdout=(state / "server.log").open("wb"),
        stderr=subprocess.STDOUT,
        env=env,
        start_new_session=True,
    )
    pids["netbox"] = server.pid
    url = f"http://127.0.0.1:{port}"
    info["url"] = url
    save()
    _wait_http(f"{url}/api/", LIMITS["server"], state / "server.log")

    request = urllib.request.Request(
        f"{url}/api/users/tokens/provision/",
        data=json.dumps({"username": USER, "password": PASSWORD}).encode(),
        headers={"Content-Type": "application/json", "Accept": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=30) as r:
        token = json.load(r)
    info["token"] = f"nbt_{token['key']}.{token['token']}"

    sys.path.insert(0, str(HERE))
    import fixture

    fixture.load(url, str(info["token"]))
    info["up_s"] = round(time.monotonic() - started, 1)
    save()
    return info


def stop(state: Path) -> None:
    """Stop what ``up`` started (the pids and cluster in state.json); the logs stay."""
    path = state / "state.json"
    info = json.loads(path.read_text()) if path.exists() else {}
    for pid in dict(info.get("pids", {})).values():
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(int(pid), signal.SIGTERM)
    if info.get("pg_data"):
        subprocess.run(
            [
                *_as_postgres(),
                str(PG_BIN / "pg_ctl"),
                "-D",
                str(info["pg_data"]),
                "-m",
                "fast",
                "-w",
                "stop",
            ],
            capture_output=True,
            timeout=60,
            check=False,
        )


def down(state: Path) -> None:
    """Stop everything and remove ``state``."""
    stop(state)
    shutil.rmtree(state, ignore_errors=True)


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in ("up", "down"):
        print(__doc__, file=sys.stderr)
        return 2
    state = Path(argv[1])
    if argv[0] == "down":
        down(state)
        return 0
    try:
        info = up(state)
    except (StepFailed, OSError, subprocess.SubprocessError) as exc:
        log = getattr(exc, "log", None)
        tail = log.read_text(errors="replace").splitlines()[-30:] if log and log.exists() else []
        (state / "failed").write_text("\n".join([str(exc), *tail]))
        print(f"netbox service: {exc}", *tail, sep="\n", file=sys.stderr)
        stop(state)
        return 1
    print(json.dumps({k: v for k, v in info.items() if k != "token"}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
