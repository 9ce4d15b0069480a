# Open Promotor — the two commands a newcomer needs are `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/openpromotor
VENDOR := src/openpromotor/core/static/vendor
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=

.PHONY: run install test lint format messages translations vendor system-packages browser serve-production clean

## Install the project and its test tools into .venv (again only when pyproject.toml changed).
install: $(VENV)/.installed
$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

## Debian packages: gettext compiles the translations; Pango lets WeasyPrint make the plan PDFs.
system-packages:
	@command -v msgfmt >/dev/null || (apt-get update -qq && apt-get install -y -qq gettext)
	@ldconfig -p | grep -q libpangoft2-1.0.so.0 || (apt-get update -qq && apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0)

## Debian's Chromium for the browser tests (never a downloaded browser).
browser:
	@command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium)

translations: install system-packages
	cd src/openpromotor && ../../$(MANAGE) compilemessages --ignore=.venv -v 0

## Set everything up and serve the platform with the demo world on http://$(HOST):$(PORT).
run: install translations
	$(MANAGE) migrate --no-input -v 0
	$(MANAGE) demo
	@echo "Serving on http://$(HOST):$(PORT)/ (web server and task worker; Ctrl-C stops both)"
	@trap 'kill 0' EXIT INT TERM; \
	  $(MANAGE) db_worker --interval 1 & \
	  $(MANAGE) runserver $(HOST):$(PORT)

## Lint, check migrations and run the whole test suite (unit, integration, browser).
test: install translations browser
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(MANAGE) makemigrations --check --dry-run -v 0
	$(BIN)/pytest $(PYTEST_ARGS)

lint:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format:
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## Extract interface strings into the nl, fr and en catalogues.
messages: install
	cd src/openpromotor && ../../$(MANAGE) makemessages -l nl -l fr -l en --no-obsolete --ignore=.venv

## Copy the pinned front-end libraries from npm into the static files (committed).
vendor:
	npm ci --no-audit --no-fund
	rm -rf $(VENDOR) && mkdir -p $(VENDOR)/bootstrap $(VENDOR)/htmx $(VENDOR)/leaflet
	cp node_modules/bootstrap/dist/css/bootstrap.min.css* node_modules/bootstrap/dist/js/bootstrap.bundle.min.js* node_modules/bootstrap/LICENSE $(VENDOR)/bootstrap/
	cp node_modules/htmx.org/dist/htmx.min.js node_modules/htmx.org/LICENSE $(VENDOR)/htmx/
	cp -r node_modules/leaflet/dist/leaflet.js node_modules/leaflet/dist/leaflet.css node_modules/leaflet/dist/images node_modules/leaflet/LICENSE $(VENDOR)/leaflet/
	node -e 'const p=require("./package-lock.json").packages; for (const [k,v] of Object.entries(p)) if (k) console.log(k.replace("node_modules/",""), v.version)' > $(VENDOR)/VERSIONS.txt

## Production server (needs OPENPROMOTOR_ENV=production and its variables; see README).
serve-production: install
	$(MANAGE) collectstatic --no-input -v 0
	$(BIN)/gunicorn openpromotor.wsgi --config src/openpromotor/gunicorn.conf.py

clean:
	rm -rf $(VENV) var/static
