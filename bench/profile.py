"""
Where a rendered page's time goes: `python -m bench.profile /frameworks/ [/meetings/<slug>/ ...]`
renders each page with the page cache off on the bench database (fill it with `make bench`
first) under pyinstrument, after a warm-up, and prints the call tree. `open` and `past` stand
for the bench's meeting pages; `answers` for the meeting taking answers with the page cache on,
its answers' version moved before each request (what an RSVP does): the page is rendered, around
its stored programme. Also prints each page's queries with their time.

Environment: as bench/run.py (BENCH_DATABASE, BENCH_PG); PROFILE_REPEAT (20) renders per page.
"""

import os
import sys
import time
from functools import partial

from bench.run import ENV

os.environ.update(ENV)

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings  # noqa: E402
from pyinstrument import Profiler  # noqa: E402
from pyinstrument.renderers import ConsoleRenderer  # noqa: E402

from bench.targets import meeting_pages  # noqa: E402
from meetings.pages import ANSWERS  # noqa: E402
from unnm import pagecache  # noqa: E402

REPEAT = int(os.environ.get("PROFILE_REPEAT", "20"))
TOP = int(os.environ.get("PROFILE_TOP", "40"))


def profile(path, before=lambda: None):
    client = Client()

    def get(path):
        before()
        return client.get(path)

    for _ in range(3):
        assert get(path).status_code == 200, path
    queries = []

    def timed(execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            queries.append((time.perf_counter() - started, sql))

    with connection.execute_wrapper(timed):
        get(path)
    cpu = 0
    for _ in range(REPEAT):
        before()
        started = time.process_time()
        client.get(path)
        cpu += (time.process_time() - started) / REPEAT * 1000
    profiler = Profiler()
    profiler.start()
    for _ in range(REPEAT):
        get(path)
    profiler.stop()
    database = sum(seconds for seconds, _sql in queries) * 1000
    print(
        f"\n=== {path}: {len(queries)} queries ({database:.1f} ms), "
        f"{cpu:.1f} ms CPU per render (unprofiled) ==="
    )
    for seconds, sql in queries:
        print(f"{seconds * 1000:7.2f} ms  {sql[:150]}")
    flat = ConsoleRenderer(flat=True, processor_options={"filter_threshold": 0.01})
    print("\n".join(profiler.output(flat).splitlines()[:TOP]))
    print(profiler.output(ConsoleRenderer(show_all=False)))


def main():
    past, upcoming = meeting_pages()
    aliases = {"open": upcoming.get_absolute_url(), "past": past.get_absolute_url()}
    for path in sys.argv[1:] or ["open", "/en/frameworks/"]:
        if path == "answers":
            with override_settings(UNNM_PAGE_CACHE_SECONDS=300, DEBUG=False):
                answers = {ANSWERS.format(slug=upcoming.slug)}
                profile(upcoming.get_absolute_url(), before=partial(pagecache.move, answers))
            continue
        with override_settings(UNNM_PAGE_CACHE_SECONDS=0, DEBUG=False):
            profile(aliases.get(path, path))


if __name__ == "__main__":
    main()
