# Golden Thread. `make run` serves the demo area; `make test` runs every check.
# Both do all their own set-up on a fresh clone. `make help` lists every target.

SHELL := /bin/bash
.DEFAULT_GOAL := help
PYTHON ?= python3.11
UV_VERSION := 0.13.8
UV := .tools/bin/uv
BIN := .venv/bin
STATIC_VENDOR := src/goldenthread/web/static_vendor
GOVUK_DIST := node_modules/govuk-frontend/dist/govuk
POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/test
SERVE_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/goldenthread
PORT ?= 8000
CHILDREN ?= 2000

export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(CURDIR)/.venv
export UV_LINK_MODE := copy


.PHONY: help install assets browser-deps system-deps run serve-only seed test lint typecheck security \
        test-sqlite test-postgres test-browser-prod serve-prod eval bench clean

help: ## List the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-14s %s\n", $$1, $$2}'

$(UV):
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

install: $(UV) ## Create .venv from the lock file (uv.lock)
	$(UV) sync --frozen --python $(PYTHON) --quiet

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

$(STATIC_VENDOR)/govuk/govuk-frontend.min.css: node_modules/.package-lock.json
	rm -rf $(STATIC_VENDOR)
	mkdir -p $(STATIC_VENDOR)/govuk
	cp -R $(GOVUK_DIST)/assets/. $(STATIC_VENDOR)/
	cp $(GOVUK_DIST)/govuk-frontend.min.css $(GOVUK_DIST)/govuk-frontend.min.js $(STATIC_VENDOR)/govuk/

assets: $(STATIC_VENDOR)/govuk/govuk-frontend.min.css ## Copy GOV.UK Frontend (npm, pinned) into static files

browser-deps: system-deps ## Debian chromium for the browser tests
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Debian chromium for the browser tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-liberation >/dev/null; }

system-deps: ## Pango, which WeasyPrint needs to write PDFs (Debian packages)
	@ldconfig -p | grep -q libpangoft2-1.0 || { \
	  echo "Installing pango for WeasyPrint"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 >/dev/null; }

run: install assets system-deps ## Migrate, seed the demo area if empty, serve on http://127.0.0.1:8000 with the scheduled jobs
	GOLDENTHREAD_ENV=development $(BIN)/goldenthread serve --children $(CHILDREN) --worker

serve-prod: install assets system-deps ## gunicorn on PostgreSQL (SERVE_DATABASE_URL) as deployed: migrate, demo area if empty, http://127.0.0.1:$(PORT)
	$(BIN)/python scripts/database_create.py $(SERVE_DATABASE_URL)
	GOLDENTHREAD_ENV=development DATABASE_URL=$(SERVE_DATABASE_URL) \
	  $(BIN)/python -m django migrate --settings=goldenthread.web.settings --no-input -v 1
	GOLDENTHREAD_ENV=development DATABASE_URL=$(SERVE_DATABASE_URL) \
	  $(BIN)/goldenthread seed --if-empty --children $(CHILDREN)
	GOLDENTHREAD_ENV=development DATABASE_URL=$(SERVE_DATABASE_URL) GUNICORN_BIND=127.0.0.1:$(PORT) \
	  $(BIN)/gunicorn -c python:goldenthread.web.ops.gunicorn_conf

seed: install ## Build a demo area of CHILDREN children in an empty database
	GOLDENTHREAD_ENV=development $(BIN)/goldenthread seed --children $(CHILDREN)

test: install assets browser-deps lint typecheck security test-sqlite test-postgres test-browser-prod ## Everything: lint, types, security scans, unit, integration, browser, on SQLite and PostgreSQL

lint: install ## ruff
	$(BIN)/ruff check src tests evals bench scripts
	$(BIN)/ruff format --check src/goldenthread/core

typecheck: install ## mypy (strict in the core)
	GOLDENTHREAD_ENV=test $(BIN)/mypy

security: install ## bandit over src (config in pyproject), pip-audit over the locked .venv
	$(BIN)/bandit -c pyproject.toml -r src -q
	$(BIN)/python scripts/dependency_audit.py

test-sqlite: install assets ## The whole pytest suite on SQLite
	GOLDENTHREAD_ENV=test $(BIN)/pytest -q -n 2 -m "not browser"
	GOLDENTHREAD_ENV=test $(BIN)/pytest -q -m browser tests/browser

test-postgres: install assets ## The database tests (tests/web) on PostgreSQL ($(POSTGRES_URL)); tests/core and tests/deploy touch no database and run once, in test-sqlite; the browser journeys run in test-browser-prod
	@if pg_isready -q -d "$(POSTGRES_URL)" 2>/dev/null || [ -n "$$CI" ]; then \
	  GOLDENTHREAD_ENV=test DATABASE_URL=$(POSTGRES_URL) $(BIN)/pytest -q -n 2 -m "not browser" tests/web; \
	else echo "PostgreSQL is not running at $(POSTGRES_URL): skipped (CI always runs it)"; fi

test-browser-prod: install assets browser-deps ## The browser journeys against gunicorn (as deployed) on PostgreSQL
	@if pg_isready -q -d "$(POSTGRES_URL)" 2>/dev/null || [ -n "$$CI" ]; then \
	  BROWSER_SERVER=gunicorn GOLDENTHREAD_ENV=test DATABASE_URL=$(POSTGRES_URL) \
	    $(BIN)/pytest -q -m browser tests/browser; \
	else echo "PostgreSQL is not running at $(POSTGRES_URL): skipped (CI always runs it)"; fi

eval: install ## Accuracy of the quality engine and theme linking on the labelled sets
	$(BIN)/goldenthread eval all

bench: install ## Speed and memory figures (prints, never asserts)
	for script in bench/bench_*.py; do $(BIN)/python $$script || exit 1; done

clean: ## Remove the environments and generated files (keeps var/ data)
	rm -rf .venv .tools node_modules $(STATIC_VENDOR) .mypy_cache .ruff_cache .pytest_cache
