# Vestnik: `make run` starts the whole product on embedded defaults, `make test` runs the tests.
# Both create the virtual environment on first use; only Python 3.11 is needed.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8000
STAMP  := $(VENV)/.installed

# PostgreSQL and Redis for the second test pass (CI starts them; see .ci/run).
PG_URL    ?= postgres://postgres@127.0.0.1:5432/vestnik
REDIS_URL ?= redis://127.0.0.1:6379/15

.PHONY: run test test-sqlite test-postgres lint format setup demo clean messages system-packages

$(STAMP): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	touch $(STAMP)

setup: $(STAMP)

## system-packages: Debian packages outside pip (as root): Pango and a Times-compatible font
## with Cyrillic for the registry's PDF letter, poppler-utils for the tests that render it
system-packages:
	apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 fonts-liberation poppler-utils

# The demo stores the site's address (links in posts, the sandbox's webhook targets).
demo: $(STAMP)
	$(BIN)/python manage.py migrate --noinput -v0
	VESTNIK_SITE_URL=http://127.0.0.1:$(PORT) $(BIN)/python manage.py load_demo

## run: install, migrate, load the demo and start web + worker + scheduler (Ctrl+C stops all)
run: demo
	@echo "Вестник: http://127.0.0.1:$(PORT)/  админка: http://127.0.0.1:$(PORT)/admin/  песочница: http://127.0.0.1:$(PORT)/sandbox/"
	PATH="$(abspath $(BIN)):$$PATH" PORT=$(PORT) VESTNIK_SITE_URL=http://127.0.0.1:$(PORT) \
		$(BIN)/honcho -f Procfile.dev start

## test: the whole suite on SQLite, then again on PostgreSQL + Redis when they are reachable
test: $(STAMP)
	$(BIN)/python tests/run_suite.py

test-sqlite: $(STAMP)
	$(BIN)/python tests/run_suite.py --only sqlite

test-postgres: $(STAMP)
	$(BIN)/python tests/run_suite.py --only postgres

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

messages: $(STAMP)
	cd cms && ../$(BIN)/django-admin makemessages -l ru && ../$(BIN)/django-admin compilemessages
	cd locale/ru/LC_MESSAGES && for f in django djangojs; do msgfmt --check-format -o $$f.mo $$f.po; done

clean:
	rm -rf var
