"""
`make bench`: fill a PostgreSQL database with a large network, serve it with the production server
(gunicorn, debug off) on 127.0.0.1, and measure what visitors live through:

- each public page **rendered** (a second gunicorn with the page cache off: what the first visitor
  after an edit, or a signed-in member of staff, costs) and **served** (the page cache on), next to
  a bare Django view on the same server;
- **CPU milliseconds per request** of the server (the gunicorn master and workers, utime + stime
  from /proc before and after the run) and of PostgreSQL (the backends connected to the bench
  database), which are steadier than requests per second on a shared machine;
- RSVP submissions, each from an address that is new on every run and every wrk thread;
- a **mixed workload**: readers on meeting pages (some on the meeting taking answers, the others
  on other meetings) while RSVPs arrive at a steady rate on that meeting, against the same
  readers without RSVPs (their cached throughput).

Prints the tables and writes bench-results/results.md and results.json.

Environment: BENCH_DATABASE (default unnm_bench), BENCH_PORT (8199; the rendering server takes the
next port), BENCH_SECONDS (10), BENCH_CONNECTIONS (16), BENCH_WORKERS (gunicorn workers, default
2 x cores + 1), BENCH_RSVP_RATE (answers per second in the mixed workload, 5), BENCH_CACHE_URL
(a Redis URL: the shared cache in Redis instead of the database, as UNNM_CACHE_URL), BENCH_FILL=1
to fill the database again even when it holds the bench's network, BENCH_ONLY=mixed to measure
the mixed workload alone (about a minute), BENCH_PEER=1 to measure a peer product's pages in the
same run (pretalx, installed by bench/peer.py on the first run), BENCH_ONLY=targets to measure
only the pages with a target of issue 12, each right after pretalx's landing page, BENCH_ROUNDS
(3) times over, as a ratio to it (about 5 minutes).
"""

import http.client
import json
import os
import re
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench-results"
DATABASE = os.environ.get("BENCH_DATABASE", "unnm_bench")
PG = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
PORT = int(os.environ.get("BENCH_PORT", "8199"))
RENDER_PORT = PORT + 1
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "16"))
STAFF_CONNECTIONS = int(os.environ.get("BENCH_STAFF_CONNECTIONS", "2"))
WORKERS = int(os.environ.get("BENCH_WORKERS", str(2 * (os.cpu_count() or 1) + 1)))
RSVP_RATE = float(os.environ.get("BENCH_RSVP_RATE", "5"))
CACHE_URL = os.environ.get("BENCH_CACHE_URL", "")
ONLY = os.environ.get("BENCH_ONLY", "")  # "mixed": the mixed workload alone; "targets"
PEER = os.environ.get("BENCH_PEER", "") == "1"  # pretalx's pages too (bench/peer.py)
# Every address this run sends is new: bench-<run>-<phase>-t<thread>-<n>@example.org.
RUN_ID = uuid.uuid4().hex[:10]
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")

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
    "UNNM_CACHE_URL": CACHE_URL,
}

# The bench's network (bench/fill.py): a database holding exactly this is reused.
EXPECTED_ROWS = {
    "members_organisation": 500,
    "meetings_meeting": 300,
    "meetings_rsvp WHERE email NOT LIKE 'bench-%'": 60000,
}
BENCH_ADDRESSES = "bench-%@example.org"


def sh(*args, **kwargs):
    return subprocess.run(args, check=True, env=ENV, cwd=ROOT, **kwargs)


def sql(statements, database=DATABASE):
    """Run SQL on the bench database (or another one); returns the last statement's rows."""
    import psycopg2

    connection = psycopg2.connect(f"{PG}/{database}")
    connection.autocommit = True
    rows = None
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
            rows = cursor.fetchall() if cursor.description else None
    connection.close()
    return rows


def database_exists():
    return bool(sql([f"SELECT 1 FROM pg_database WHERE datname = '{DATABASE}'"], "postgres"))


def holds_the_network():
    counts = [sql([f"SELECT count(*) FROM {table}"])[0][0] for table in EXPECTED_ROWS]
    return counts == list(EXPECTED_ROWS.values())


def forget_earlier_runs():
    """Earlier runs' answers, mails, tasks and stored pages go: every run starts the same."""
    sql(
        [
            f"DELETE FROM unnm_outgoingmail WHERE \"to\" LIKE '{BENCH_ADDRESSES}'",
            f"DELETE FROM meetings_rsvp WHERE email LIKE '{BENCH_ADDRESSES}'",
            f"DELETE FROM meetings_historicalrsvp WHERE email LIKE '{BENCH_ADDRESSES}'",
            "DELETE FROM django_tasks_database_dbtaskresult",
            "DELETE FROM unnm_cache",
            "VACUUM ANALYZE",
        ]
    )


def new_answers(phase):
    """The answers this run's phase created (an address already known would not add one)."""
    pattern = f"bench-{RUN_ID}-{phase}-%"
    return sql([f"SELECT count(*) FROM meetings_rsvp WHERE email LIKE '{pattern}'"])[0][0]


def prepare():
    python = sys.executable
    fill = os.environ.get("BENCH_FILL") == "1" or not database_exists()
    if not fill:
        sh(python, "manage.py", "migrate", "--noinput", "-v0")
        fill = not holds_the_network()
    if fill:
        print(f"Creating database {DATABASE} and filling it...", flush=True)
        sql(
            [f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)', f'CREATE DATABASE "{DATABASE}"'],
            "postgres",
        )
        sh(python, "manage.py", "migrate", "--noinput", "-v0")
        started = time.monotonic()
        sh(python, "-m", "bench.fill")
        print(f"Filled in {time.monotonic() - started:.0f} s", flush=True)
    else:
        print(f"Reusing the filled database {DATABASE}", flush=True)
    forget_earlier_runs()
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


def start_server(port, **env):
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "unnm.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(WORKERS),
            # Steady state: a worker replaced mid-run starts Django again and loses its copy of
            # the stored pages, and its CPU time leaves /proc with it.
            "--max-requests",
            "0",
            "--log-level",
            "warning",
            "--access-logfile",
            "/dev/null",
        ],
        env={**ENV, **env},
        cwd=ROOT,
    )
    return answering(server, f"http://127.0.0.1:{port}/bench/bare/", "gunicorn")


def answering(server, url, name, seconds=20):
    """`server` once `url` answers; killed, and the bench stopped, if it does not in time."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)
            return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit(f"{name} did not start")


# CPU time from /proc -------------------------------------------------------------------------


def processes():
    """(pid, parent pid, command line) of every process this user can see."""
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        yield int(entry.name), int(fields[1]), command, int(fields[11]) + int(fields[12])


def cpu_ticks(server, name=DATABASE):
    """utime + stime (clock ticks) of the server (master, workers) and of its database's
    backends."""
    app, database = {}, {}
    for pid, parent, command, ticks in processes():
        if pid == server.pid or parent == server.pid:
            app[pid] = ticks
        elif command.startswith("postgres: ") and f" {name} " in command:
            database[pid] = ticks
    return app, database


def cpu_ms(before, after):
    """Milliseconds of CPU between two samples; a process started in between counts in full."""
    return sum(ticks - before.get(pid, 0) for pid, ticks in after.items()) * 1000 / CLOCK_TICKS


class CPUMeter:
    def __init__(self, server, database=DATABASE):
        self.server = server
        self.database = database

    def __enter__(self):
        self.before = cpu_ticks(self.server, self.database)
        return self

    def __exit__(self, *exc):
        after = cpu_ticks(self.server, self.database)
        self.app_ms = cpu_ms(self.before[0], after[0])
        self.database_ms = cpu_ms(self.before[1], after[1])


# wrk -----------------------------------------------------------------------------------------

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def parse_wrk(text):
    requests = int(re.search(r"(\d+) requests in", text).group(1))
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    latency = {}
    for percentile, value, unit in re.findall(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$", text, re.M):
        latency[percentile] = float(value) * UNITS[unit]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    return {
        "requests": requests,
        "rps": rps,
        "p50_ms": latency.get("50"),
        "p99_ms": latency.get("99"),
        "non_2xx": int(errors.group(1)) if errors else 0,
    }


def wrk(url, *, seconds, connections=CONNECTIONS, threads=2, script=None, args=(), **options):
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency"]
    for header in options.get("headers", ()):
        command += ["-H", header]
    if options.get("timeout"):
        command += ["--timeout", options["timeout"]]
    if script:
        command += ["-s", str(script)]
    command.append(url)
    if args:
        command += ["--", *args]
    return subprocess.Popen(command, stdout=subprocess.PIPE, text=True)


def finish(process):
    output, _ = process.communicate()
    if process.returncode:
        raise SystemExit(f"wrk failed: {output}")
    return parse_wrk(output)


def measure(server, port, path, script=None, phase="m", database=DATABASE, **options):
    url = f"http://127.0.0.1:{port}{path}"
    finish(wrk(url, seconds=1, script=script, args=(f"{RUN_ID}-w{phase}",), **options))
    with CPUMeter(server, database) as cpu:
        run = wrk(url, seconds=SECONDS, script=script, args=(f"{RUN_ID}-{phase}",), **options)
        result = finish(run)
    if not result["requests"]:
        raise SystemExit(f"wrk: no request to {path} finished in {SECONDS} s")
    return {
        **result,
        "app_cpu_ms": cpu.app_ms / result["requests"],
        "pg_cpu_ms": cpu.database_ms / result["requests"],
    }


RSVP_LUA = """
-- Each thread sends addresses of its own, new on every run: bench-<run>-t<thread>-<n>.
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("thread_id", threads)
end
function init(args)
  run = args[1]
  counter = 0
end
request = function()
  counter = counter + 1
  local email = "bench-" .. run .. "-t" .. thread_id .. "-" .. counter .. "@example.org"
  local body = "csrfmiddlewaretoken=%(csrf)s&name=Bench+Participant&email=" .. email ..
    "&organisation_name=Bench+Organisation&position=Officer&needs=&privacy_accepted=on&website="
  return wrk.format("POST", nil, {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = "csrftoken=%(csrf)s",
  }, body)
end
"""

PATHS_LUA = """
-- Readers going round a set of pages.
local paths = {%(paths)s}
local i = 0
function init(args)
  i = math.random(0, #paths - 1)
end
request = function()
  i = i %% #paths + 1
  return wrk.format("GET", paths[i])
end
"""


# The mixed workload ------------------------------------------------------------------------


class Answers(threading.Thread):
    """RSVPs at a steady rate, from new addresses, on one meeting: a paced loop in Python."""

    def __init__(self, path, form, csrf, seconds, rate):
        super().__init__(daemon=True)
        self.path, self.form, self.csrf = path, form, csrf
        self.seconds, self.rate = seconds, rate
        self.latencies, self.statuses = [], []

    def run(self):
        connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
        started = time.monotonic()
        for n in range(int(self.seconds * self.rate)):
            due = started + n / self.rate
            time.sleep(max(0.0, due - time.monotonic()))
            body = urllib.parse.urlencode(
                {
                    **self.form,
                    "email": f"bench-{RUN_ID}-mixed-{n}@example.org",
                    "csrfmiddlewaretoken": self.csrf,
                }
            )
            sent = time.monotonic()
            connection.request(
                "POST",
                self.path,
                body,
                {
                    "Content-Type": "application/x-www-form-urlencoded",
                    "Cookie": f"csrftoken={self.csrf}",
                },
            )
            response = connection.getresponse()
            response.read()
            self.latencies.append((time.monotonic() - sent) * 1000)
            self.statuses.append(response.status)
        self.elapsed = time.monotonic() - started


def readers(mixed, seconds):
    """The two groups of readers at once: on the meeting taking answers, and on other meetings."""
    processes = {}
    for group in ("answering", "others"):
        spec = mixed[group]
        lua = RESULTS / f"mixed-{group}.lua"
        lua.write_text(PATHS_LUA % {"paths": ", ".join(f'"{p}"' for p in spec["paths"])})
        processes[group] = wrk(
            f"http://127.0.0.1:{PORT}{spec['paths'][0]}",
            seconds=seconds,
            connections=spec["readers"],
            threads=1,
            script=lua,
        )
    return processes


def mixed_workload(server, mixed):
    finish_all = lambda processes: {g: finish(p) for g, p in processes.items()}  # noqa: E731
    finish_all(readers(mixed, 2))  # fills the page cache
    with CPUMeter(server) as calm_cpu:
        calm = finish_all(readers(mixed, SECONDS))
    answers = Answers(mixed["rsvp_path"], mixed["form"], mixed["csrf"], SECONDS, RSVP_RATE)
    with CPUMeter(server) as busy_cpu:
        processes = readers(mixed, SECONDS)
        answers.start()
        busy = finish_all(processes)
        answers.join()
    latencies = sorted(answers.latencies)
    return {
        "groups": {
            group: {
                "readers": mixed[group]["readers"],
                "pages": len(mixed[group]["paths"]),
                "calm": calm[group],
                "busy": busy[group],
            }
            for group in ("answering", "others")
        },
        "answers": {
            "sent": len(latencies),
            "created": new_answers("mixed"),
            "rate": len(latencies) / answers.elapsed,
            "statuses": sorted(set(answers.statuses)),
            "p50_ms": statistics.median(latencies),
            "p99_ms": latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))],
        },
        "cpu": {
            "calm_app_ms": calm_cpu.app_ms / sum(r["requests"] for r in calm.values()),
            "calm_pg_ms": calm_cpu.database_ms / sum(r["requests"] for r in calm.values()),
            "busy_app_ms": busy_cpu.app_ms / sum(r["requests"] for r in busy.values()),
            "busy_pg_ms": busy_cpu.database_ms / sum(r["requests"] for r in busy.values()),
        },
    }


# Report --------------------------------------------------------------------------------------


def pages_table(rows):
    lines = [
        "| page | queries | req/s | app CPU ms/req | PostgreSQL CPU ms/req | p50 ms | p99 ms "
        "| non-2xx |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in rows:
        lines.append(
            f"| {row['name']} | {row['queries']} | {row['rps']:,.0f} | {row['app_cpu_ms']:.2f} "
            f"| {row['pg_cpu_ms']:.2f} | {row['p50_ms']:.1f} | {row['p99_ms']:.1f} "
            f"| {row['non_2xx']} |"
        )
    return "\n".join(lines)


def mixed_table(mixed):
    names = {"answering": "the meeting taking answers", "others": "other meetings"}
    lines = [
        f"| readers of | readers | cached req/s | req/s with {RSVP_RATE:g} RSVPs/s | kept "
        "| p99 ms cached | p99 ms with RSVPs |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for group, result in mixed["groups"].items():
        calm, busy = result["calm"], result["busy"]
        lines.append(
            f"| {names[group]} ({result['pages']} page{'s' if result['pages'] > 1 else ''}) "
            f"| {result['readers']} | {calm['rps']:,.0f} | {busy['rps']:,.0f} "
            f"| {busy['rps'] / calm['rps']:.0%} | {calm['p99_ms']:.1f} | {busy['p99_ms']:.1f} |"
        )
    answers, cpu = mixed["answers"], mixed["cpu"]
    lines.append(
        f"\nRSVPs: {answers['sent']} sent at {answers['rate']:.1f}/s, {answers['created']} new "
        f"answers, status {answers['statuses']}, p50 {answers['p50_ms']:.0f} ms, "
        f"p99 {answers['p99_ms']:.0f} ms. CPU per reader request: app {cpu['calm_app_ms']:.2f} ms "
        f"cached, {cpu['busy_app_ms']:.2f} ms with RSVPs; PostgreSQL {cpu['calm_pg_ms']:.2f} / "
        f"{cpu['busy_pg_ms']:.2f} ms (the RSVPs' own CPU included)."
    )
    return "\n".join(lines)


def measure_pages(server, renderer, targets, peer=None):
    """Each page rendered and served, the peer's pages, the staff pages, and RSVP submissions:
    the table's rows."""
    pages, rsvp = targets["pages"], targets["rsvp"]
    rows = []
    # The bare view is measured first and again last: a slow start (workers warming up) shows
    # as a difference between the two.
    for page in [*pages, {**pages[0], "name": "bare view (again)"}]:
        modes = [("served", server, PORT)]
        if page["path"] != "/bench/bare/":
            modes.insert(0, ("rendered", renderer, RENDER_PORT))
        for mode, process, port in modes:
            name = page["name"] if page["path"] == "/bench/bare/" else f"{page['name']}, {mode}"
            print(f"Measuring {name} ({page['path']})...", flush=True)
            queries = page["queries"][mode]
            rows.append(
                {"name": name, "path": page["path"], "queries": queries}
                | measure(process, port, page["path"])
            )
    if peer is not None:
        from bench import peer as pretalx

        # Next to the bare view, at the top of the table.
        for position, (name, path) in enumerate(pretalx.PAGES, start=1):
            print(f"Measuring {name} ({path})...", flush=True)
            result = measure(peer, pretalx.PORT, path, database=pretalx.DATABASE)
            rows.insert(position, {"name": name, "path": path, "queries": "–"} | result)
    # Staff pages: a session cookie, so never stored; measured once, on the caching server, by a
    # few staff at once (a report takes about a second: 16 connections would only measure wrk's
    # time-out).
    for page in targets["staff"]:
        print(f"Measuring {page['name']} ({page['path']})...", flush=True)
        result = measure(
            server,
            PORT,
            page["path"],
            connections=STAFF_CONNECTIONS,
            headers=(f"Cookie: {page['cookie']}",),
            timeout="30s",
        )
        name = f"{page['name']}, {STAFF_CONNECTIONS} connections"
        rows.append({"name": name, "path": page["path"], "queries": page["queries"]} | result)
    print("Measuring RSVP submissions...", flush=True)
    lua = RESULTS / "rsvp.lua"
    lua.write_text(RSVP_LUA % {"csrf": rsvp["csrf"]})
    result = measure(server, PORT, rsvp["path"], script=lua, phase="rsvp")
    rows.append(
        {
            "name": f"RSVP submission ({new_answers('rsvp'):,} new answers)",
            "path": rsvp["path"],
            "queries": rsvp["queries"],
        }
        | result
    )
    return rows


# Issue 12's targets for pages rendered whole: app and PostgreSQL CPU ms per request, on a
# machine where pretalx's event landing page cost ISSUE_PEER_MS of app CPU.
TARGETS = {
    "meeting page (past)": (8, 2),
    "meeting page (RSVP open)": (8, 2),
    "matrix": (15, 3),
}
ISSUE_PEER_MS = 15.8
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))


def measure_targets(renderer, targets, peer):
    """
    The pages with a target, rendered whole, each measured right after pretalx's landing page,
    ROUNDS times over: on a shared machine whose speed drifts within a run, the ratio of two
    neighbouring measurements is steadier than either. Scaled to the issue's machine by that
    ratio.
    """
    from bench import peer as pretalx

    pages = [page for page in targets["pages"] if page["name"] in TARGETS]
    landing = pretalx.PAGES[0][1]
    ratios = {page["name"]: [] for page in pages}
    results = {page["name"]: [] for page in pages}
    peers = []
    for round_ in range(1, ROUNDS + 1):
        for page in pages:
            print(f"Round {round_}: {page['name']} beside pretalx's landing page...", flush=True)
            beside = measure(peer, pretalx.PORT, landing, database=pretalx.DATABASE)
            result = measure(renderer, RENDER_PORT, page["path"])
            peers.append(beside)
            results[page["name"]].append(result)
            ratios[page["name"]].append(result["app_cpu_ms"] / beside["app_cpu_ms"])
    rows = []
    for page in pages:
        app_target, pg_target = TARGETS[page["name"]]
        ratio = statistics.median(ratios[page["name"]])
        rows.append(
            {
                "name": page["name"],
                "queries": page["queries"]["rendered"],
                "app_cpu_ms": statistics.median(r["app_cpu_ms"] for r in results[page["name"]]),
                "pg_cpu_ms": statistics.median(r["pg_cpu_ms"] for r in results[page["name"]]),
                "ratio": ratio,
                "ratios": ratios[page["name"]],
                "scaled_app_ms": ratio * ISSUE_PEER_MS,
                "app_target_ms": app_target,
                "pg_target_ms": pg_target,
            }
        )
    peer_row = {
        "app_cpu_ms": statistics.median(r["app_cpu_ms"] for r in peers),
        "pg_cpu_ms": statistics.median(r["pg_cpu_ms"] for r in peers),
    }
    return {"rows": rows, "peer": peer_row}


def targets_table(measured):
    peer = measured["peer"]
    lines = [
        f"pretalx's landing page beside them: {peer['app_cpu_ms']:.2f} ms of app CPU and "
        f"{peer['pg_cpu_ms']:.2f} ms of PostgreSQL (median of {ROUNDS * len(measured['rows'])}); "
        f"on the issue's machine: {ISSUE_PEER_MS} ms of app CPU.",
        "",
        "| page, rendered whole | queries | app CPU ms | ÷ pretalx's landing page (rounds) "
        "| app CPU scaled to the issue's machine | target | PostgreSQL CPU ms | target |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in measured["rows"]:
        rounds = ", ".join(f"{ratio:.2f}" for ratio in row["ratios"])
        lines.append(
            f"| {row['name']} | {row['queries']} | {row['app_cpu_ms']:.2f} "
            f"| {row['ratio']:.2f} ({rounds}) | {row['scaled_app_ms']:.1f} "
            f"| {row['app_target_ms']} | {row['pg_cpu_ms']:.2f} | {row['pg_target_ms']} |"
        )
    return "\n".join(lines)


def main():
    RESULTS.mkdir(exist_ok=True)
    started = time.monotonic()
    load = os.getloadavg()[0]
    prepare()
    targets = plan()
    mixed = targets["mixed"]
    server = start_server(PORT)
    renderer = start_server(RENDER_PORT, UNNM_PAGE_CACHE_SECONDS="0")
    peer = None
    rows = []
    try:
        if (PEER and ONLY != "mixed") or ONLY == "targets":
            from bench import peer as pretalx

            peer = pretalx.start()
        if ONLY == "targets":
            measured = measure_targets(renderer, targets, peer)
        else:
            if ONLY != "mixed":
                rows = measure_pages(server, renderer, targets, peer)
            print("Measuring the mixed workload...", flush=True)
            mixed_result = mixed_workload(server, mixed)
    finally:
        for process in (server, renderer, peer):
            if process is None:
                continue
            process.terminate()
            process.wait(timeout=30)
    if ONLY == "targets":
        report = f"Pages with a target, beside pretalx:\n\n{targets_table(measured)}"
        results = {"targets": measured}
    else:
        report = (
            f"{pages_table(rows)}\n\nMixed workload (page cache on):\n\n{mixed_table(mixed_result)}"
        )
        results = {"rows": rows, "mixed": mixed_result}
    header = (
        f"gunicorn {WORKERS} sync workers, wrk -t2 -c{CONNECTIONS} -d{SECONDS}s, "
        f"{os.cpu_count()} cores, database {DATABASE}, shared cache "
        f"{'Redis' if CACHE_URL else 'PostgreSQL'}, load average before "
        f"{load:.1f}, {time.monotonic() - started:.0f} s in all"
    )
    results = {"setup": header, **results}
    (RESULTS / "results.json").write_text(json.dumps(results, indent=2))
    (RESULTS / "results.md").write_text(f"{header}\n\n{report}\n")
    print(f"\n{header}\n\n{report}\n\nWritten to {RESULTS}/results.md and results.json")


if __name__ == "__main__":
    main()
