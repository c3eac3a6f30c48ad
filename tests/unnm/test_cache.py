"""The database cache (`unnm.cache.DatabaseCache`): one statement per write, Django's meaning."""

import pytest
from django.core.cache import caches
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from unnm.cache import DatabaseCache


@pytest.fixture
def table_cache(db):
    cache = DatabaseCache(
        "unnm_cache", {"OPTIONS": {"MAX_ENTRIES": 3, "CULL_FREQUENCY": 2, "CULL_EVERY": 4}}
    )
    cache.clear()
    return cache


def test_the_shared_caches_are_this_backend():
    assert type(caches["default"]) is DatabaseCache
    assert type(caches["ratelimit"]) is DatabaseCache


def test_set_writes_and_overwrites(table_cache):
    assert table_cache.set("page", {"html": "<p>one</p>"}, 60) is None
    table_cache.set("page", {"html": "<p>two</p>"}, 60)

    assert table_cache.get("page") == {"html": "<p>two</p>"}
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM unnm_cache WHERE cache_key LIKE %s", ["%page"])
        assert cursor.fetchone()[0] == 1


def test_add_keeps_a_live_entry_and_replaces_an_expired_one(table_cache):
    assert table_cache.add("lock", "first", 60) is True
    assert table_cache.add("lock", "second", 60) is False
    assert table_cache.get("lock") == "first"

    table_cache._base_set("set", table_cache.make_key("old"), "stale", -5)  # expired 5 s ago
    assert table_cache.add("old", "fresh", 60) is True
    assert table_cache.get("old") == "fresh"


def test_an_entry_without_time_out_and_touch(table_cache):
    table_cache.set("version", "v1", None)
    assert table_cache.touch("version", 60) is True
    assert table_cache.touch("missing", 60) is False
    assert table_cache.get("version") == "v1"
    table_cache.delete("version")
    assert table_cache.get("version") is None


@pytest.mark.django_db(transaction=True)
def test_a_write_outside_a_transaction_is_one_query():
    cache = DatabaseCache("unnm_cache", {"OPTIONS": {"CULL_EVERY": 50}})
    cache.set("warm", 1)  # the first write of an instance counts the table

    with CaptureQueriesContext(connection) as queries:
        cache.set("version:meetings", "v2", None)
        cache.add("rendering:page", 1, 10)
        cache.set_many({"a": 1, "b": 2})

    assert len(queries) == 4
    assert all(query["sql"].startswith("INSERT INTO") for query in queries.captured_queries)
    assert cache.get_many(["version:meetings", "rendering:page", "a", "b"]) == {
        "version:meetings": "v2",
        "rendering:page": 1,
        "a": 1,
        "b": 2,
    }
    cache.clear()


def test_a_write_in_a_transaction_that_fails_leaves_the_transaction_usable(table_cache):
    with transaction.atomic():
        assert table_cache._base_set("set", None, "value", 60) is False  # a key is required
        table_cache.set("after", "still works", 60)
    assert table_cache.get("after") == "still works"


def test_the_table_is_culled_on_one_write_in_cull_every(table_cache):
    for n in range(4):  # written 0 culls (the table is empty); 1 to 3 do not count it
        table_cache.set(f"entry-{n}", n, 60)
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM unnm_cache")
        assert cursor.fetchone()[0] == 4  # one over MAX_ENTRIES between two counts

    table_cache.set("entry-4", 4, 60)  # the fifth counts 4 > 3, culls half, then writes

    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM unnm_cache")
        assert cursor.fetchone()[0] == 3
    assert table_cache.get("entry-4") == 4
