"""The database helpers of unnm/db.py: JSON rows ordered on every database, and queries compiled
once and run again with new parameters."""

import datetime

import pytest
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from members.models import Organisation
from tests.members.factories import OrganisationFactory
from unnm.db import Compiled, Rows, json_rows
from unnm.languages import translated

pytestmark = pytest.mark.django_db


def rows_of_kind(**order):
    """The organisations of one kind as one JSON array, by `json_rows`."""
    return (
        Organisation.objects.filter(kind="ngo")
        .order_by()
        .values("kind")
        .annotate(rows=json_rows(name=F("name"), since=F("member_since"), **order))
        .values_list("rows", flat=True)
        .get()
    )


def test_json_rows_come_in_the_order_asked_on_every_database():
    for name, since in [("Beta", 2019), ("Alpha", 2021), ("Gamma", 2020), ("Delta", None)]:
        OrganisationFactory(
            kind="ngo", name=name, member_since=since and datetime.date(since, 1, 1)
        )

    by_name = rows_of_kind(order_by=["name"])
    newest_first = rows_of_kind(order_by=["-since", "name"])

    assert [row["name"] for row in by_name] == ["Alpha", "Beta", "Delta", "Gamma"]
    # (Where NULL goes is the database's own rule: first on PostgreSQL's descending order.)
    dated = [row for row in newest_first if row["since"]]
    assert [row["name"] for row in dated] == ["Alpha", "Gamma", "Beta"]
    assert dated[0]["since"] == "2021-01-01"


def test_rows_sorts_where_the_database_orders_no_aggregate(monkeypatch):
    """SQLite before 3.44: the list is sorted in Python, by the same values, NULLs first."""
    monkeypatch.setattr(connection.features, "supports_aggregate_order_by_clause", False)
    field = Rows(keys=["-order", "name"])
    value = '[{"order": 1, "name": "b"}, {"order": null, "name": "z"}, {"order": 2, "name": "a"},'
    value += ' {"order": 1, "name": "a"}]'

    rows = field.from_db_value(value, None, connection)

    assert rows == [
        {"order": 2, "name": "a"},
        {"order": 1, "name": "a"},
        {"order": 1, "name": "b"},
        {"order": None, "name": "z"},
    ]
    assert field.from_db_value(None, None, connection) == []


def test_compiled_query_is_built_once_per_language_and_run_with_each_call_s_values():
    OrganisationFactory(slug="first", name_en="First", name_az="Birinci", acronym="")
    OrganisationFactory(slug="second", name_en="Second", name_az="", acronym="")
    built = []

    def names(slug):
        built.append(translation.get_language())
        return Organisation.objects.filter(slug=slug).values(
            "member_since", shown=translated("name")
        )

    query = Compiled(names)

    with CaptureQueriesContext(connection) as queries:
        with translation.override("en"):
            first = query(slug="first")
            second = query(slug="second")
        with translation.override("az"):
            first_az = query(slug="first")
            second_az = query(slug="second")

    assert built == ["en", "az"]
    assert len(queries) == 4
    assert [first, second] == [
        [{"member_since": None, "shown": "First"}],
        [{"member_since": None, "shown": "Second"}],
    ]
    # The language is kept with the SQL: the Azerbaijani column, with its fallback.
    assert [first_az[0]["shown"], second_az[0]["shown"]] == ["Birinci", "Second"]
    assert query(slug="none") == []


def test_compiled_query_converts_values_as_values_does():
    OrganisationFactory(slug="dated", member_since=datetime.date(2021, 5, 31))
    query = Compiled(lambda slug: Organisation.objects.filter(slug=slug).values("member_since"))

    assert query(slug="dated") == [{"member_since": datetime.date(2021, 5, 31)}]


def test_compiled_query_refuses_a_parameter_that_does_not_reach_the_sql():
    query = Compiled(lambda slug: Organisation.objects.values("slug"))

    with pytest.raises(ValueError, match="Each parameter"):
        query(slug="anything")


def test_compiled_query_sends_hostile_values_as_parameters():
    OrganisationFactory(slug="plain")
    query = Compiled(lambda slug: Organisation.objects.filter(slug=slug).values("slug"))

    assert query(slug="plain' OR '1'='1") == []
    assert query(slug="plain") == [{"slug": "plain"}]
