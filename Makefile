# weerbaar: the two commands that do all set-up are `make demo` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
# PostgreSQL used by the second run of the database tests (trust auth on this machine).
POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/test

.PHONY: demo test lint format test-sqlite test-postgres bench docs clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

## demo: install, load the demo municipality and run the product
demo: $(STAMP)
	$(BIN)/weerbaar demo

## test: lint, type-check and run the whole suite on SQLite and (when reachable) PostgreSQL
test: $(STAMP) lint test-sqlite test-postgres

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff format src tests bench
	$(BIN)/ruff check --fix src tests bench

test-sqlite: $(STAMP)
	$(BIN)/python -m pytest -n 2 --dist loadfile -p no:cacheprovider $(PYTEST_ARGS)

# The database-backed tests again, on PostgreSQL. Skipped (with a message) when PostgreSQL is not
# reachable, unless WEERBAAR_REQUIRE_POSTGRES=1 (set by .ci/run), which makes it mandatory.
test-postgres: $(STAMP)
	@if $(BIN)/python -c "import psycopg,sys; psycopg.connect('$(POSTGRES_URL)', connect_timeout=3).close()" 2>/dev/null; then \
		DATABASE_URL=$(POSTGRES_URL) $(BIN)/python -m pytest -p no:cacheprovider -m "not browser" tests/web $(PYTEST_ARGS); \
	elif [ "$$WEERBAAR_REQUIRE_POSTGRES" = "1" ]; then \
		echo "PostgreSQL at $(POSTGRES_URL) is not reachable and WEERBAAR_REQUIRE_POSTGRES=1" >&2; exit 1; \
	else \
		echo "PostgreSQL not reachable at $(POSTGRES_URL): skipping the PostgreSQL run"; \
	fi

bench: $(STAMP)
	$(BIN)/python -m bench $(BENCH)

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
