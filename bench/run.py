"""
`make bench`: fill a PostgreSQL database with a large network, serve it with the production server
(gunicorn, debug off) on 127.0.0.1, and measure each public page with wrk next to a bare Django
view served by the same server in the same run. Prints a table and writes bench-results/.

Environment: BENCH_DATABASE (default unnm_bench), BENCH_PORT (8199), BENCH_SECONDS (10),
BENCH_CONNECTIONS (16), BENCH_WORKERS (gunicorn workers, default 2 x cores + 1), BENCH_SKIP_FILL=1
to reuse a filled database.
"""

import json
import os
import re
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench-results"
DATABASE = os.environ.get("BENCH_DATABASE", "unnm_bench")
PG = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
PORT = int(os.environ.get("BENCH_PORT", "8199"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "16"))
WORKERS = int(os.environ.get("BENCH_WORKERS", str(2 * (os.cpu_count() or 1) + 1)))

ENV = {
    **os.environ,
    "DJANGO_SETTINGS_MODULE": "bench.settings",
    "DATABASE_URL": f"{PG}/{DATABASE}",
    "DJANGO_DEBUG": "",
    "DJANGO_SECRET_KEY": os.environ.get("DJANGO_SECRET_KEY", "bench-" + "x" * 50),
    "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
    "DJANGO_SECURE_SSL_REDIRECT": "0",
    "DJANGO_STATIC_ROOT": str(ROOT / "bench-results" / "static"),
    "RSVP_RATE_LIMIT": "100000000",
    # Mail is queued in the database, as in production (no worker runs during the bench).
    "DJANGO_TASKS_BACKEND": "database",
}


def sh(*args, **kwargs):
    return subprocess.run(args, check=True, env=ENV, cwd=ROOT, **kwargs)


def recreate_database():
    import psycopg2

    connection = psycopg2.connect(f"{PG}/postgres")
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
        cursor.execute(f'CREATE DATABASE "{DATABASE}"')
    connection.close()


def prepare():
    python = sys.executable
    fill = os.environ.get("BENCH_SKIP_FILL") != "1"
    if fill:
        print(f"Creating database {DATABASE} and filling it (a few minutes)...", flush=True)
        recreate_database()
    sh(python, "manage.py", "migrate", "--noinput", "-v0")
    if fill:
        started = time.monotonic()
        sh(python, "-m", "bench.fill")
        print(f"Filled in {time.monotonic() - started:.0f} s", flush=True)
    sh(python, "manage.py", "collectstatic", "--noinput", "-v0")


def plan():
    """The pages to measure and their query counts, computed in a child process with Django."""
    output = subprocess.run(
        [sys.executable, "-m", "bench.targets"],
        check=True,
        env=ENV,
        cwd=ROOT,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def start_server():
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "unnm.wsgi:application",
            "--bind",
            f"127.0.0.1:{PORT}",
            "--workers",
            str(WORKERS),
            "--log-level",
            "warning",
            "--access-logfile",
            "/dev/null",
        ],
        env=ENV,
        cwd=ROOT,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{PORT}/bench/bare/", timeout=1)
            return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("gunicorn did not start")


UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def parse_wrk(text):
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    latency = {}
    for percentile, value, unit in re.findall(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$", text, re.M):
        latency[percentile] = float(value) * UNITS[unit]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    return {
        "rps": rps,
        "p50_ms": latency.get("50"),
        "p99_ms": latency.get("99"),
        "non_2xx": int(errors.group(1)) if errors else 0,
    }


def measure(target):
    url = f"http://127.0.0.1:{PORT}{target['path']}"
    script = []
    if target.get("lua"):
        lua = RESULTS / f"{target['name']}.lua"
        lua.write_text(target["lua"])
        script = ["-s", str(lua)]
    warm = ["wrk", "-t2", f"-c{CONNECTIONS}", "-d2s", *script, url]
    subprocess.run(warm, check=True, capture_output=True)
    run = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "--latency", *script, url]
    result = subprocess.run(run, check=True, capture_output=True, text=True)
    return parse_wrk(result.stdout)


def table(rows):
    lines = [
        "| page | queries | req/s | ratio to bare | p50 ms | p99 ms | non-2xx |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    bare = max(row["rps"] for row in rows if row["path"] == "/bench/bare/")
    for row in rows:
        lines.append(
            f"| {row['name']} | {row['queries']} | {row['rps']:.0f} | {row['rps'] / bare:.0%} "
            f"| {row['p50_ms']:.1f} | {row['p99_ms']:.1f} | {row['non_2xx']} |"
        )
    return "\n".join(lines)


def main():
    RESULTS.mkdir(exist_ok=True)
    prepare()
    targets = plan()
    server = start_server()
    # The bare view is measured first and again last; the better run is the ceiling, so that a
    # slow start (workers warming up) does not flatter the pages' ratios.
    targets.append({**targets[0], "name": "bare view (again)"})
    rows = []
    try:
        for target in targets:
            print(f"Measuring {target['name']} ({target['path']})...", flush=True)
            rows.append({**target, **measure(target)})
    finally:
        server.terminate()
        server.wait(timeout=30)
    for row in rows:
        row.pop("lua", None)
    report = table(rows)
    header = (
        f"gunicorn {WORKERS} sync workers, wrk -t2 -c{CONNECTIONS} -d{SECONDS}s, "
        f"{os.cpu_count()} cores, database {DATABASE}"
    )
    (RESULTS / "results.json").write_text(json.dumps({"setup": header, "rows": rows}, indent=2))
    (RESULTS / "results.md").write_text(f"{header}\n\n{report}\n")
    print(f"\n{header}\n\n{report}\n\nWritten to {RESULTS}/results.md and results.json")


if __name__ == "__main__":
    main()
