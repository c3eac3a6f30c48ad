"""
Database expressions the ORM lacks, for PostgreSQL and SQLite alike, and queries compiled once.
"""

import hashlib
import itertools
import re
from dataclasses import dataclass
from functools import partial

from django.conf import settings
from django.core.exceptions import EmptyResultSet
from django.db import DatabaseError, connections
from django.db.models import Aggregate, Func, JSONField, OuterRef, Subquery, TextField
from django.db.models.functions import Cast, JSONObject
from django.db.models.query import get_related_populators
from django.utils import timezone
from modeltranslation.utils import get_language


class JSONList(Aggregate):
    """
    The grouped rows' values as a JSON array (`json_agg` on PostgreSQL, `json_group_array` on
    SQLite), decoded to a list: a handful of related rows read in the parent's own query instead
    of a prefetch's query of their own. Without `order_by` the array's order is the database's:
    sort it in Python (`json_rows` orders it). JSON, not JSONB: the rows are only read back, and
    PostgreSQL builds and sends JSON text for a quarter less CPU than it converts JSONB.
    """

    function = "JSON_AGG"
    name = "JSONList"
    allow_order_by = True

    def __init__(self, *expressions, output_field=None, **extra):
        super().__init__(*expressions, output_field=output_field or Rows(), **extra)

    def as_sqlite(self, compiler, connection, **extra_context):
        aggregate = self
        if self.order_by is not None and not connection.features.supports_aggregate_order_by_clause:
            # SQLite before 3.44 orders no aggregate: Rows sorts the decoded list instead.
            aggregate = self.copy()
            aggregate.order_by = None
        return aggregate.as_sql(compiler, connection, function="JSON_GROUP_ARRAY", **extra_context)


class Rows(JSONField):
    """
    A JSON array of objects, decoded to a list of dicts (an empty list for no rows), sorted by
    `keys` in Python where the database could not order the aggregate: by the same values, so in
    the order SQLite's own ORDER BY gives (its binary collation is Python's order of strings).
    """

    def __init__(self, keys=(), **kwargs):
        self.keys = tuple(keys)
        super().__init__(**kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        return name, path, args, {**kwargs, "keys": self.keys}

    def from_db_value(self, value, expression, connection):
        # psycopg decodes JSON (not JSONB) itself.
        if isinstance(value, str):
            value = super().from_db_value(value, expression, connection)
        rows = value or []
        if self.keys and not connection.features.supports_aggregate_order_by_clause:
            for key in reversed(self.keys):
                name = key.removeprefix("-")
                # SQLite puts NULL first in ascending order.
                rows.sort(
                    key=lambda row: (row[name] is not None, row[name]),
                    reverse=key.startswith("-"),
                )
        return rows


def json_rows(*, order_by=(), **fields):
    """
    The grouped rows as one JSON array of objects with `fields` (name: expression), in the order
    of `order_by` (names of `fields`, "-" for descending), decoded to a list of dicts: for a
    subquery of the parent's own query.
    """
    ordering = [
        fields[key[1:]].desc() if key.startswith("-") else fields[key].asc() for key in order_by
    ]
    return JSONList(JSONRow(**fields), order_by=ordering or None, output_field=Rows(keys=order_by))


class JSONRow(JSONObject):
    """`JSONObject` as JSON, not JSONB, on PostgreSQL (`json_build_object`), for `JSONList`."""

    def as_postgresql(self, compiler, connection, **extra_context):
        # Keys cast to text, as Django's JSONObject does for PostgreSQL's server-side bindings.
        arguments = [
            Cast(expression, TextField()) if index % 2 == 0 else expression
            for index, expression in enumerate(self.get_source_expressions())
        ]
        return Func(*arguments, function="JSON_BUILD_OBJECT").as_sql(
            compiler, connection, **extra_context
        )


def rows_of(queryset, rows, parent="meeting"):
    """`queryset`'s rows of the outer query's row (`parent` is their key to it), as one JSON
    array (`rows`: a `JSONList` or `json_rows`), for a subquery of the outer row's own query."""
    return Subquery(
        queryset.filter(**{parent: OuterRef("pk")})
        .order_by()
        .values(parent)
        .annotate(rows=rows)
        .values("rows")
    )


class Nested(Func):
    """
    A JSON value (a subquery's `json_rows`) nested in a `JSONObject`: as it is on PostgreSQL;
    on SQLite through `json()`, else its text would be nested as a string.
    """

    function = "JSON"
    output_field = JSONField()

    def as_postgresql(self, compiler, connection, **extra_context):
        return compiler.compile(self.source_expressions[0])


@dataclass(frozen=True)
class CompiledSQL:
    sql: str  # with the database driver's placeholders (%s)
    params: tuple
    slots: list  # (position in params, parameter's name)
    names: list  # the columns' names, as values() gives them
    converters: dict
    # For PostgreSQL's PREPARE: the SQL with the named parameters numbered ($1, in the order of
    # `order`) and the constants left for psycopg to quote (%s, the values of `constants`); its
    # name, from a digest of both, means the same statement in every process.
    prepared: str
    constants: tuple
    order: tuple
    name: str
    instances: object = None  # how CompiledInstances builds a row's instances


def for_prepare(sql, params, slots):
    """`sql`'s form for PREPARE: (SQL, constants, order of the named parameters, name)."""
    named = dict(slots)
    order = tuple(sorted(set(named.values())))
    numbers = {name: number for number, name in enumerate(order, start=1)}
    positions = itertools.count()

    def placeholder(match):
        if match.group() == "%%":  # a literal percent sign, still escaped for psycopg
            return "%%"
        position = next(positions)
        return f"${numbers[named[position]]}" if position in named else "%s"

    prepared = re.sub(r"%%|%s", placeholder, sql)
    constants = tuple(param for position, param in enumerate(params) if position not in named)
    digest = hashlib.blake2b(f"{prepared}\x00{constants!r}".encode(), digest_size=10)
    return prepared, constants, order, f"unnm_{digest.hexdigest()}"


# The stand-ins of integer parameters: numbers no row has (bigint, PostgreSQL's and SQLite's).
STAND_IN_NUMBER = 9_107_460_935_171_000_000


class Compiled:
    """
    A `values()` query compiled to SQL once per process, active language, time zone and
    database, then run with new values for its named parameters, as a prepared statement is: for
    a page's query whose compiling (translated columns in fallback order, JSON subqueries) costs
    the ORM more CPU than the database spends running it.

    `build(**parameters)` makes the queryset. It is called once with a stand-in for each
    parameter (a string for a string, an unlikely number for an integer), which must reach the
    SQL as a parameter of its own (compared with a text column, or for an integer with a bigint
    one: a primary or foreign key; a smaller integer column cannot hold the stand-in on
    PostgreSQL, and is refused); everything else it
    reads (the language, the time zone, settings) is kept with the SQL, and it must not read the
    clock or the visitor. Rows come back as dicts, through the converters of
    their fields, as `values()` gives them; or, from a queryset of model instances (with
    `select_related` and annotations), as the instances iterating it would give
    (`CompiledInstances`).
    """

    def __init__(self, build, using="default"):
        self.build = build
        self.using = using
        self.compiled = {}

    def __call__(self, **parameters):
        connection = connections[self.using]
        key = (
            get_language(),
            timezone.get_current_timezone_name(),
            tuple(sorted((name, type(value)) for name, value in parameters.items())),
        )
        compiled = self.compiled.get(key) or self.compile(key, parameters)
        params = list(compiled.params)
        for position, name in compiled.slots:
            params[position] = parameters[name]
        with connection.cursor() as cursor:
            self.execute(compiled, cursor, connection, params)
            rows = cursor.fetchall()
        converters = compiled.converters
        return self.rows(compiled, [self.convert(row, converters, connection) for row in rows])

    @staticmethod
    def rows(compiled, rows):
        return [dict(zip(compiled.names, row, strict=True)) for row in rows]

    @staticmethod
    def execute(compiled, cursor, connection, params):
        """
        On PostgreSQL (unless UNNM_DB_PREPARE is off), the statement prepared once per session
        and executed, prepared in the same round trip the first time: planning the query cost
        PostgreSQL most of its time on it, and a prepared statement is planned once. Its
        constants are written into it, so EXECUTE sends the named parameters alone. A prepared
        statement belongs to the session (it outlives a rolled-back transaction), so they are
        counted per connection to the server. One that fails (its first PREPARE, or an EXECUTE
        after a migration changed a column's type under it) is sent as plain SQL for the rest of
        that session, at once unless the failure broke the transaction around it.
        """
        if connection.vendor != "postgresql" or not settings.UNNM_DB_PREPARE:
            return cursor.execute(compiled.sql, params)
        session = connection.connection
        prepared = getattr(connection, "unnm_prepared", None)
        if prepared is None or prepared[0] is not session:
            prepared = connection.unnm_prepared = (session, {})
        state = prepared[1].get(compiled.name)
        if state is False:
            return cursor.execute(compiled.sql, params)
        values = {name: params[position] for position, name in compiled.slots}
        arguments = [values[name] for name in compiled.order]
        execute = f"EXECUTE {compiled.name}"
        if compiled.order:
            execute += f"({', '.join(['%s'] * len(compiled.order))})"
        prepared[1][compiled.name] = False
        try:
            if state:
                cursor.execute(execute, arguments)
            else:
                prepare = f"PREPARE {compiled.name} AS {compiled.prepared}"
                cursor.execute(f"{prepare}; {execute}", [*compiled.constants, *arguments])
        except DatabaseError:
            if connection.in_atomic_block:
                raise
            return cursor.execute(compiled.sql, params)
        prepared[1][compiled.name] = True

    def compile(self, key, parameters):
        stand_ins = {
            name: STAND_IN_NUMBER + n if isinstance(value, int) else f"\x00{name}\x00"
            for n, (name, value) in enumerate(sorted(parameters.items()))
        }
        queryset = self.build(**stand_ins)
        compiler = queryset.query.get_compiler(using=self.using)
        try:
            sql, params = compiler.as_sql()
        except EmptyResultSet as error:  # an integer column too small for the stand-in
            raise ValueError(
                "An integer parameter must be compared with a bigint column (a key)."
            ) from error
        slots = [
            (position, name)
            for position, param in enumerate(params)
            for name, stand_in in stand_ins.items()
            if param == stand_in
        ]
        if {name for _position, name in slots} != set(parameters):
            raise ValueError(f"Each parameter must reach the SQL as one of its own: {slots}")
        query = queryset.query
        # As ValuesIterable names them.
        if query.selected:
            names = list(query.selected)
        else:
            names = [*query.extra_select, *query.values_select, *query.annotation_select]
        converters = compiler.get_converters([column for column, _sql, _alias in compiler.select])
        prepared, constants, order, name = for_prepare(sql, params, slots)
        self.compiled[key] = compiled = CompiledSQL(
            sql=sql,
            params=tuple(params),
            slots=slots,
            names=names,
            converters=converters,
            prepared=prepared,
            constants=constants,
            order=order,
            name=name,
            instances=self.instances_of(queryset, compiler),
        )
        return compiled

    @staticmethod
    def instances_of(queryset, compiler):
        return None

    @staticmethod
    def convert(row, converters, connection):
        row = list(row)
        for position, (functions, expression) in converters.items():
            for function in functions:
                row[position] = function(row[position], expression, connection)
        return row


@dataclass(frozen=True)
class Instances:
    """How a compiled row becomes model instances: as Django's `ModelIterable` builds them, from
    the columns its compiler selected (the model's own, then `select_related`'s, then the
    annotations)."""

    from_db: object
    database: str
    init_list: list
    fields: slice
    related: list
    annotations: dict

    def build(self, row):
        instance = self.from_db(self.database, self.init_list, row[self.fields])
        for related in self.related:
            related.populate(row, instance)
        for name, position in self.annotations.items():
            setattr(instance, name, row[position])
        return instance


class CompiledInstances(Compiled):
    """
    `Compiled` for a queryset of model instances (a page's own object, with `select_related`
    and annotations): built as iterating the queryset builds them, without compiling its SQL
    again on every page. Known related objects and prefetches are not supported.
    """

    @staticmethod
    def instances_of(queryset, compiler):
        fetch_mode = queryset._fetch_mode
        if (
            queryset._prefetch_related_lookups
            or queryset._known_related_objects
            or fetch_mode.track_peers
        ):
            raise ValueError("A compiled queryset prefetches nothing and tracks no peers.")
        select, klass_info = compiler.select, compiler.klass_info
        fields = klass_info["select_fields"]
        return Instances(
            from_db=partial(klass_info["model"].from_db, fetch_mode=fetch_mode),
            database=queryset.db,
            init_list=[column[0].target.attname for column in select[fields[0] : fields[-1] + 1]],
            fields=slice(fields[0], fields[-1] + 1),
            related=get_related_populators(klass_info, select, queryset.db, fetch_mode),
            annotations=dict(compiler.annotation_col_map or {}),
        )

    @staticmethod
    def rows(compiled, rows):
        return [compiled.instances.build(row) for row in rows]
