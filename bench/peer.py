"""
A peer product measured in the same run: with `BENCH_PEER=1`, `make bench` also measures
pretalx (the conference system our pages are held against), its event landing page and its
schedule, with no cache, as pretalx ships. pretalx lives in a venv of its own under
bench-results/ with a test event made by its own `create_test_event`, and a PostgreSQL database
of its own (pretalx_bench); the first run installs and fills it, in a few minutes.
"""

import os
import subprocess
import sys
import urllib.parse
import urllib.request

from bench.run import PG, RESULTS, WORKERS, answering, sql

PRETALX = ["pretalx==2026.1.2", "gunicorn", "psycopg2-binary", "faker", "freezegun"]
VENV = RESULTS / "pretalx"
DATABASE = "pretalx_bench"
PORT = int(os.environ.get("BENCH_PORT", "8199")) + 2
PAGES = [
    ("pretalx: event landing page (peer, no cache)", "/bench/"),
    ("pretalx: schedule (peer, no cache)", "/bench/schedule/"),
]
CONFIG = """\
[filesystem]
data = {data}
[site]
debug = False
url = http://127.0.0.1:{port}
[database]
backend = postgresql
name = {database}
user = {user}
password = {password}
host = {host}
port = {db_port}
"""


def env():
    return {**os.environ, "PRETALX_CONFIG_FILE": str(VENV / "pretalx.cfg")}


def pretalx(*args, **extra):
    subprocess.run([VENV / "bin" / "python", "-m", "pretalx", *args], check=True, env=env() | extra)


def prepare():
    """Install pretalx, and make its database and test event, unless an earlier run did."""
    if not (VENV / ".installed").exists():
        print("Installing pretalx for the peer's rows...", flush=True)
        subprocess.run([sys.executable, "-m", "venv", "--clear", VENV], check=True)
        subprocess.run([VENV / "bin" / "pip", "install", "-q", *PRETALX], check=True)
        server = urllib.parse.urlsplit(PG)
        (VENV / "data").mkdir(exist_ok=True)
        config = CONFIG.format(
            data=VENV / "data",
            port=PORT,
            database=DATABASE,
            user=server.username or "postgres",
            password=server.password or "",
            host=server.hostname or "127.0.0.1",
            db_port=server.port or 5432,
        )
        (VENV / "pretalx.cfg").write_text(config)
        pretalx("rebuild")  # its static files and translations
        (VENV / ".installed").touch()
    if not sql([f"SELECT 1 FROM pg_database WHERE datname = '{DATABASE}'"], "postgres"):
        sql([f"CREATE DATABASE {DATABASE}"], "postgres")
    pretalx("migrate", "--verbosity", "0")
    if not sql(["SELECT 1 FROM event_event WHERE slug = 'bench'"], DATABASE):
        print("Making pretalx's test event...", flush=True)
        pretalx(
            "init",
            "--noinput",
            DJANGO_SUPERUSER_EMAIL="bench@example.org",
            DJANGO_SUPERUSER_PASSWORD=os.urandom(12).hex(),
            PRETALX_INIT_ORGANISER_NAME="Bench",
            PRETALX_INIT_ORGANISER_SLUG="bench",
        )
        pretalx("create_test_event", "--stage", "schedule", "--slug", "bench")


def start():
    prepare()
    command = [VENV / "bin" / "gunicorn", "pretalx.wsgi", "--bind", f"127.0.0.1:{PORT}"]
    command += ["--workers", str(WORKERS), "--max-requests", "0", "--log-level", "warning"]
    server = subprocess.Popen(command, env=env(), cwd=VENV)
    return answering(server, f"http://127.0.0.1:{PORT}{PAGES[0][1]}", "pretalx", seconds=30)
