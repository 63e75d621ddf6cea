# Green School platform. `make help` lists the targets.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
export PYTHONDONTWRITEBYTECODE := 1

.DEFAULT_GOAL := help

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP): requirements.txt requirements-dev.txt
	$(PYTHON) -c 'import sys; sys.exit("Python 3.11 or newer is needed") if sys.version_info < (3, 11) else None'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

install: $(STAMP) ## Create .venv and install the pinned dependencies

migrate: install
	$(PY) manage.py migrate --no-input

run: migrate ## Serve http://127.0.0.1:8000 with demo data (SQLite, tasks in-process)
	$(PY) manage.py seed_demo --if-empty
	$(PY) manage.py runserver 127.0.0.1:8000

# One xdist worker more than cores: browser tests spend part of their time waiting for
# Chromium and the server (2 cores: 2 workers 6:28, 3 workers 5:55, 4 workers 6:59).
# `--dist load`, not loadfile: the 1,200 tests of the permission matrix are one file.
WORKERS ?= $(shell echo $$(( $$(nproc 2>/dev/null || echo 1) + 1 )))

test: install ## Run the whole test suite (the 15 slowest tests are listed at the end)
	$(PY) -m pytest -n $(WORKERS) --dist load --durations=15

worker: install ## Run a Celery worker (needs CELERY_BROKER_URL)
	PYTHONPATH=site $(VENV)/bin/celery -A config worker --loglevel=info --concurrency=1

lint: install ## Lint and check formatting with ruff
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

check: install ## Deployment checks and missing migrations
	DJANGO_SETTINGS_MODULE=config.settings.production SECRET_KEY=check-only-$$(date +%s)-a-long-random-looking-secret-value-xyz ALLOWED_HOSTS=truonghocxanh.vn $(PY) manage.py check --deploy --fail-level WARNING
	$(PY) manage.py makemigrations --check --dry-run

messages: install ## Extract our strings, then merge them with the admin catalogues into django.mo
	$(PY) manage.py makemessages -l vi -i ".venv/*" -i "tests/*" -i "staticfiles/*" -i "media/*" -i "private-media/*" -i "test-artifacts/*" --no-obsolete
	$(PY) manage.py compile_translations
	$(PY) manage.py translation_coverage --min 95

.PHONY: help install migrate run test worker lint check messages
