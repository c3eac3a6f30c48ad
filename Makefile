# The two commands a newcomer needs: `make run` and `make test`. See README.md.
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
# Django 6 needs Python 3.12: pyenv's 3.12.1 (pinned in .python-version), else a python3.12.
PYTHON_VERSION := $(shell cat .python-version)
PYTHON ?= $(firstword $(wildcard $(HOME)/.pyenv/versions/$(PYTHON_VERSION)/bin/python) $(shell command -v python3.12 2>/dev/null) python3)
PG_URL ?= postgres://postgres@127.0.0.1:5432/unnm
CHROMIUM := /usr/bin/chromium
RUN_ENV := DJANGO_DEBUG=1
# The interface's languages besides English: locale/<code>/LC_MESSAGES/django.po (see README).
LOCALES := az ru

.PHONY: run test test-postgres test-sqlite lint venv browser gettext pdf-libs messages compilemessages postgres redis migrate demo serve worker bench clean

$(BIN)/.installed: pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 12))' || { echo "Python 3.12+ is needed (found $$($(PYTHON) --version)); install pyenv's $(PYTHON_VERSION)."; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@

venv: $(BIN)/.installed

# The cache tables come with the migrations (unnm 0002): no createcachetable, whose "already
# exists" read like an error on a fresh database.
migrate: venv
	$(RUN_ENV) $(BIN)/python manage.py migrate --noinput

# The demo admin's password: DEMO_ADMIN_PASSWORD, else a local one kept in .demo-admin-password
# (git-ignored, development only) so that `make run` can show the login every time.
DEMO_PASSWORD := DEMO_ADMIN_PASSWORD="$${DEMO_ADMIN_PASSWORD:-$$(cat .demo-admin-password)}"

demo: migrate
	@test -s .demo-admin-password || $(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(12))' > .demo-admin-password
	@$(DEMO_PASSWORD) $(RUN_ENV) $(BIN)/python manage.py load_demo

## make run: set up, migrate, load the demo data and serve on http://127.0.0.1:8000 (SQLite); the
## console ends with the address and the admin login (demo_server, after runserver's banner).
run: demo compilemessages pdf-libs
	@$(DEMO_PASSWORD) DJANGO_RUNSERVER_HIDE_WARNING=true $(RUN_ENV) exec $(BIN)/python manage.py demo_server 127.0.0.1:8000

## Debian's Chromium for the browser tests (never a browser download).
browser:
	@test -x $(CHROMIUM) || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "Install Debian's chromium: sudo apt-get install chromium"; exit 1; fi; }

## Debian's gettext, which makemessages and compilemessages call (installed the way Chromium is).
gettext:
	@command -v msgfmt >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext >/dev/null; \
	  else echo "Install Debian's gettext: sudo apt-get install gettext"; exit 1; fi; }

## Debian's Pango and DejaVu fonts, which WeasyPrint needs for the report's PDF (installed the
## way Chromium is).
PDF_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core
pdf-libs:
	@dpkg -s $(PDF_PACKAGES) >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(PDF_PACKAGES) >/dev/null; \
	  else echo "Install Debian's $(PDF_PACKAGES): sudo apt-get install $(PDF_PACKAGES)"; exit 1; fi; }

## make messages: refresh the catalogues from the strings marked for translation; then translate
## the new or fuzzy messages (tests/unnm/test_translations.py fails until every one is done).
messages: venv gettext
	$(RUN_ENV) $(BIN)/python manage.py makemessages $(addprefix -l ,$(LOCALES)) --ignore=.venv --ignore=bench --ignore=tests --ignore=bench-results

## The compiled catalogues (locale/*/LC_MESSAGES/django.mo, git-ignored) that Django reads.
compilemessages: venv gettext
	$(RUN_ENV) $(BIN)/python manage.py compilemessages --ignore=.venv --ignore=bench-results --verbosity 0

## The local PostgreSQL server (started if it is down).
postgres:
	@pg_isready -q -h 127.0.0.1 -p 5432 || { \
	  pg_ctlcluster --skip-systemctl-redirect $$(ls /etc/postgresql | head -n1) main start && sleep 2; }
	@pg_isready -h 127.0.0.1 -p 5432

## The local Redis server for the cache tests (Debian's redis-server, started if it is down).
REDIS_PORT ?= 6379
redis:
	@command -v redis-server >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null; \
	  else echo "Install Debian's redis-server: sudo apt-get install redis-server"; exit 1; fi; }
	@redis-cli -h 127.0.0.1 -p $(REDIS_PORT) ping >/dev/null 2>&1 || { \
	  redis-server --bind 127.0.0.1 --port $(REDIS_PORT) --daemonize yes --save "" --appendonly no && sleep 1; }
	@redis-cli -h 127.0.0.1 -p $(REDIS_PORT) ping

lint: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(RUN_ENV) $(BIN)/python manage.py makemigrations --check --dry-run

## make test: the whole suite (lint, migrations, pytest with browser tests) on PostgreSQL; the
## cache tests also run against Redis (database 9 of the local server).
TEST_REDIS_URL ?= redis://127.0.0.1:$(REDIS_PORT)/9
test: venv browser gettext pdf-libs compilemessages postgres redis lint
	$(RUN_ENV) DATABASE_URL=$(PG_URL) UNNM_TEST_REDIS_URL=$(TEST_REDIS_URL) $(BIN)/pytest $(PYTEST_ARGS)

## The same suite on the embedded SQLite database (PostgreSQL-only tests deselected).
test-sqlite: venv browser gettext pdf-libs compilemessages redis
	$(RUN_ENV) DATABASE_URL= UNNM_TEST_REDIS_URL=$(TEST_REDIS_URL) $(BIN)/pytest -m "not postgres_only" $(PYTEST_ARGS)

## Production settings on this machine (`make serve`, `make worker`): debug off, PostgreSQL
## (DATABASE_URL, else PG_URL), no HTTPS redirect (no TLS on 127.0.0.1; in production nginx or
## the load balancer terminates TLS). Without DJANGO_SECRET_KEY a throwaway key is generated
## once into .serve-secret-key (git-ignored) so that the server and the worker share it.
PORT ?= 8000
define PROD_ENV
export DJANGO_DEBUG=0 DATABASE_URL="$${DATABASE_URL:-$(PG_URL)}" \
  DJANGO_ALLOWED_HOSTS="$${DJANGO_ALLOWED_HOSTS:-127.0.0.1,localhost}" \
  DJANGO_SECURE_SSL_REDIRECT="$${DJANGO_SECURE_SSL_REDIRECT:-0}"; \
if [ -z "$$DJANGO_SECRET_KEY" ]; then \
  test -s .serve-secret-key || $(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))' > .serve-secret-key; \
  echo "DJANGO_SECRET_KEY is not set: using the throwaway local key in .serve-secret-key (never in production)."; \
  export DJANGO_SECRET_KEY="$$(cat .serve-secret-key)"; \
fi
endef

## make serve: collectstatic, migrate and gunicorn (gunicorn.conf.py) on http://127.0.0.1:$(PORT).
serve: venv compilemessages pdf-libs
	@$(PROD_ENV); \
	$(BIN)/python manage.py collectstatic --noinput -v 0 && \
	$(BIN)/python manage.py migrate --noinput && \
	$(BIN)/python manage.py createcachetable && \
	echo "Serving the production settings on http://127.0.0.1:$(PORT)/ (uploaded files under /media/ are not served: nginx serves them in production)" && \
	PORT=$(PORT) exec $(BIN)/gunicorn --config gunicorn.conf.py

## make worker: the background worker for mail (django-tasks-db's db_worker) on the same database.
worker: venv
	@$(PROD_ENV); \
	export DJANGO_TASKS_BACKEND=database; \
	exec $(BIN)/python manage.py db_worker --no-reload

## make bench: a large network on PostgreSQL, served by gunicorn, measured with wrk (see README).
## BENCH_CACHE_URL=redis://127.0.0.1:6379/8 make bench: the same with the shared cache in Redis.
bench: venv postgres
	@command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
	$(BIN)/python -m bench.run

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles media private-media .serve-secret-key .demo-admin-password
