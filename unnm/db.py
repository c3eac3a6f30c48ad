"""Database expressions the ORM lacks, for PostgreSQL and SQLite alike, and column lists."""

from django.db.models import Aggregate, JSONField


class JSONList(Aggregate):
    """
    The grouped rows' values as a JSON array (`jsonb_agg` on PostgreSQL, `json_group_array` on
    SQLite), decoded to a list: a handful of related rows read in the parent's own query instead
    of a prefetch's query of their own. The array's order is the database's: sort it in Python.
    """

    function = "JSONB_AGG"
    name = "JSONList"
    output_field = JSONField()

    def as_sqlite(self, compiler, connection, **extra_context):
        return self.as_sql(compiler, connection, function="JSON_GROUP_ARRAY", **extra_context)


def own_columns(model):
    """Every column of `model`, as `.only()` names them: to read a row whole while limiting
    what its `select_related` rows bring."""
    return [field.name for field in model._meta.concrete_fields]
