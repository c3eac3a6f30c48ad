"""The database helpers of unnm/db.py: JSON rows ordered on every database, and queries compiled
once and run again with new parameters."""

import datetime

import pytest
from django.db import connection
from django.db.models import F, Value
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from frameworks.models import GCMObjective
from meetings.models import Meeting
from members.models import Organisation, Person
from tests.meetings.factories import MeetingFactory
from tests.meetings.rsvp_factories import RSVPSettingsFactory
from tests.members.factories import OrganisationFactory, PersonFactory
from unnm.db import Compiled, CompiledInstances, Rows, json_rows
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


def test_compiled_query_takes_an_integer_parameter():
    first, second = OrganisationFactory(acronym="ONE"), OrganisationFactory(acronym="TWO")
    query = Compiled(lambda pk: Organisation.objects.filter(pk=pk).values("acronym"))

    assert query(pk=first.pk) == [{"acronym": "ONE"}]
    assert query(pk=second.pk) == [{"acronym": "TWO"}]
    assert query(pk=second.pk + 1000) == []
    # A string for it would be another statement, which an integer column refuses to compile.
    with pytest.raises(ValueError, match="expected a number"):
        query(pk=str(first.pk))
    assert len(query.compiled) == 1


@pytest.mark.postgres_only
def test_compiled_query_refuses_an_integer_compared_with_a_small_integer_column():
    """The stand-in of an integer is a bigint: PostgreSQL's smaller integer columns cannot
    hold it, and the query is refused when compiled, not answered with nothing."""
    query = Compiled(lambda number: GCMObjective.objects.filter(number=number).values("number"))

    with pytest.raises(ValueError):
        query(number=3)


def test_compiled_query_refuses_a_parameter_that_does_not_reach_the_sql():
    query = Compiled(lambda slug: Organisation.objects.values("slug"))

    with pytest.raises(ValueError, match="Each parameter"):
        query(slug="anything")


def test_compiled_query_sends_hostile_values_as_parameters():
    OrganisationFactory(slug="plain")
    query = Compiled(lambda slug: Organisation.objects.filter(slug=slug).values("slug"))

    assert query(slug="plain' OR '1'='1") == []
    assert query(slug="plain") == [{"slug": "plain"}]


def people_of(slug):
    return (
        Person.objects.filter(organisation__slug=slug)
        .select_related("organisation")
        .annotate(shown_position=translated("position"))
        .defer("email", "phone")
        .order_by("name")
    )


def described(people):
    return [
        (
            person.pk,
            person.name,
            person.organisation.acronym,
            person.shown_position,
            person.get_deferred_fields(),
            person._state.adding,
            person._state.db,
        )
        for person in people
    ]


def test_compiled_instances_are_those_iterating_the_queryset_gives():
    iom = OrganisationFactory(slug="iom", acronym="IOM")
    PersonFactory(organisation=iom, name="Leyla", position_en="Officer", position_az="Mütəxəssis")
    PersonFactory(organisation=iom, name="Anar", position_en="Chief", position_az="")
    PersonFactory(organisation=OrganisationFactory(slug="ilo"), name="Other")
    query = CompiledInstances(people_of)

    for language in ("en", "az"):
        with translation.override(language):
            expected = described(people_of("iom"))
            with CaptureQueriesContext(connection) as queries:
                people = query(slug="iom")
                compiled = described(people)

            # The organisation came with the row (select_related), the email stayed deferred.
            assert len(queries) == 1
            assert compiled == expected
            assert [person.shown_position for person in people] == (
                ["Chief", "Officer"] if language == "en" else ["Chief", "Mütəxəssis"]
            )
            assert people[0].get_deferred_fields() == {"email", "phone"}


def test_compiled_instances_know_a_missing_reverse_one_to_one_without_a_query():
    with_settings = MeetingFactory(slug="with-settings")
    RSVPSettingsFactory(meeting=with_settings, capacity=40)
    MeetingFactory(slug="without-settings")
    query = CompiledInstances(
        lambda slug: Meeting.objects.filter(slug=slug).select_related("rsvp_settings")
    )

    (answering,) = query(slug="with-settings")
    (silent,) = query(slug="without-settings")
    with CaptureQueriesContext(connection) as queries:
        assert answering.rsvp_settings.capacity == 40
        assert answering.rsvp_settings.meeting is answering
        assert getattr(silent, "rsvp_settings", None) is None
    assert len(queries) == 0


def test_compiled_instances_refuse_a_prefetch():
    query = CompiledInstances(lambda slug: people_of(slug).prefetch_related("positions"))

    with pytest.raises(ValueError, match="prefetches nothing"):
        query(slug="iom")


def organisation_names():
    return Compiled(lambda slug: Organisation.objects.filter(slug=slug).values("slug", "acronym"))


@pytest.mark.postgres_only
def test_compiled_query_is_prepared_once_per_postgresql_session():
    OrganisationFactory(slug="un-agency", acronym="UNA")
    query = organisation_names()

    with CaptureQueriesContext(connection) as queries:
        first = query(slug="un-agency")
        second = query(slug="un-agency")
    (compiled,) = query.compiled.values()
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_prepared_statements WHERE name = %s", [compiled.name])
        prepared = cursor.fetchall()

    assert first == second == [{"slug": "un-agency", "acronym": "UNA"}]
    sent = [query["sql"] for query in queries.captured_queries]
    assert sent[0].startswith(f"PREPARE {compiled.name} AS SELECT ")
    assert sent[0].endswith(f"; EXECUTE {compiled.name}('un-agency')")
    # The constants are in the statement: EXECUTE sends the named parameter alone.
    assert sent[1] == f"EXECUTE {compiled.name}('un-agency')"
    assert prepared == [(1,)]


def test_compiled_query_has_one_statement_name_in_every_process():
    """The name is a digest of the statement: a session shared by two processes (a pooler)
    never runs one process's statement under the other's name."""
    OrganisationFactory(slug="same")
    one, other = organisation_names(), organisation_names()
    one(slug="same")
    other(slug="same")
    with translation.override("az"):
        one(slug="same")
    names = [compiled.name for query in (one, other) for compiled in query.compiled.values()]

    assert names[0] == names[2] != names[1]
    assert names[0].startswith("unnm_")


@pytest.mark.postgres_only
def test_compiled_query_keeps_the_types_of_its_constants_when_prepared():
    OrganisationFactory(slug="typed")
    query = Compiled(
        lambda slug: Organisation.objects.filter(slug=slug).values(
            "slug", flag=Value(True), day=Value(datetime.date(2030, 1, 2))
        )
    )

    assert (
        query(slug="typed")
        == query(slug="typed")
        == [{"slug": "typed", "flag": True, "day": datetime.date(2030, 1, 2)}]
    )


@pytest.mark.postgres_only
def test_compiled_query_without_parameters_is_prepared():
    OrganisationFactory(slug="only", acronym="ONE")
    query = Compiled(lambda: Organisation.objects.filter(acronym="ONE").values("slug"))

    with CaptureQueriesContext(connection) as queries:
        rows = [query(), query()]

    assert rows == [[{"slug": "only"}]] * 2
    assert queries.captured_queries[1]["sql"] == f"EXECUTE {query.compiled.popitem()[1].name}"


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_compiled_query_prepares_again_on_a_new_session():
    OrganisationFactory(slug="mission", acronym="MSN")
    query = organisation_names()
    query(slug="mission")
    connection.close()  # as after DJANGO_CONN_MAX_AGE: the next query opens another session

    with CaptureQueriesContext(connection) as queries:
        rows = query(slug="mission")

    assert rows == [{"slug": "mission", "acronym": "MSN"}]
    assert queries.captured_queries[0]["sql"].startswith("PREPARE ")


@pytest.mark.postgres_only
def test_compiled_query_sends_plain_sql_when_preparing_is_off(settings):
    settings.UNNM_DB_PREPARE = False
    OrganisationFactory(slug="ngo", acronym="NGO")
    query = organisation_names()

    with CaptureQueriesContext(connection) as queries:
        rows = query(slug="ngo")

    assert rows == [{"slug": "ngo", "acronym": "NGO"}]
    assert queries.captured_queries[0]["sql"].startswith("SELECT ")


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_compiled_query_whose_preparing_failed_goes_on_as_plain_sql(settings):
    OrganisationFactory(slug="academia", acronym="ACA")
    query = organisation_names()
    settings.UNNM_DB_PREPARE = False
    query(slug="academia")  # compiled, not prepared
    settings.UNNM_DB_PREPARE = True
    (compiled,) = query.compiled.values()
    with connection.cursor() as cursor:  # another statement of that name already in the session
        cursor.execute(f"PREPARE {compiled.name} AS SELECT 1")

    with CaptureQueriesContext(connection) as queries:
        first = query(slug="academia")
        second = query(slug="academia")

    assert first == second == [{"slug": "academia", "acronym": "ACA"}]
    sent = [query["sql"] for query in queries.captured_queries]
    assert sent[0].startswith("PREPARE ")
    assert sent[1].startswith("SELECT ") and sent[2].startswith("SELECT ")


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_compiled_query_survives_a_migration_that_changes_a_column_under_it():
    """A prepared statement whose result type changed ("cached plan must not change result
    type") is sent as plain SQL from then on, without failing the page."""
    OrganisationFactory(slug="altered", acronym="ALT")
    query = organisation_names()
    query(slug="altered")
    column = Organisation._meta.get_field("acronym")
    with connection.cursor() as cursor:
        cursor.execute("ALTER TABLE members_organisation ALTER COLUMN acronym TYPE varchar(77)")
    try:
        rows = [query(slug="altered"), query(slug="altered")]
    finally:
        with connection.cursor() as cursor:
            cursor.execute(
                "ALTER TABLE members_organisation ALTER COLUMN acronym "
                f"TYPE varchar({column.max_length})"
            )

    assert rows == [[{"slug": "altered", "acronym": "ALT"}]] * 2
