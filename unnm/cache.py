"""The shared cache in the database, written in one statement per entry."""

import base64
import pickle
from datetime import UTC, datetime

from django.conf import settings
from django.core.cache.backends import db
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.db import DatabaseError, connections, router, transaction
from django.utils.timezone import now as tz_now


class DatabaseCache(db.DatabaseCache):
    """
    Django's database cache, but each write is one upsert (`INSERT … ON CONFLICT`, on PostgreSQL
    and SQLite alike) instead of five queries: a `COUNT(*)` of the table, then a transaction
    around a `SELECT` of the key and its `UPDATE` or `INSERT`. Every page stored, version moved
    and rate-limit counter written goes through here, so an RSVP, which writes two, costs eight
    queries less.

    The table is counted, and culled past MAX_ENTRIES as Django does, on one write in
    CULL_EVERY (option, 50) of each cache instance rather than on every write: the table may
    hold that many entries over its limit between two counts.
    """

    def __init__(self, table, params):
        super().__init__(table, params)
        options = params.get("OPTIONS", {})
        self._cull_every = max(int(options.get("CULL_EVERY", 50)), 1)
        self._writes = 0

    def _base_set(self, mode, key, value, timeout=DEFAULT_TIMEOUT):
        if mode == "touch":
            return super()._base_set(mode, key, value, timeout)
        timeout = self.get_backend_timeout(timeout)
        connection = connections[router.db_for_write(self.cache_model_class)]
        quote_name = connection.ops.quote_name
        table = quote_name(self._table)
        now = tz_now().replace(microsecond=0)
        if timeout is None:
            expires = datetime.max
        else:
            expires = datetime.fromtimestamp(timeout, tz=UTC if settings.USE_TZ else None)
        expires = connection.ops.adapt_datetimefield_value(expires.replace(microsecond=0))
        encoded = base64.b64encode(pickle.dumps(value, self.pickle_protocol)).decode("latin1")
        key_column, value_column, expires_column = (
            quote_name(column) for column in ("cache_key", "value", "expires")
        )
        sql = (
            f"INSERT INTO {table} ({key_column}, {value_column}, {expires_column}) "
            f"VALUES (%s, %s, %s) ON CONFLICT ({key_column}) DO UPDATE "
            f"SET {value_column} = EXCLUDED.{value_column}, "
            f"{expires_column} = EXCLUDED.{expires_column}"
        )
        params = [key, encoded, expires]
        if mode == "add":  # only over an entry that has expired
            sql += f" WHERE {table}.{expires_column} < %s"
            params.append(connection.ops.adapt_datetimefield_value(now))
        with connection.cursor() as cursor:
            if self._writes % self._cull_every == 0:
                cursor.execute(f"SELECT COUNT(*) FROM {table}")
                count = cursor.fetchone()[0]
                if count > self._max_entries:
                    self._cull(connection.alias, cursor, now, count)
            self._writes += 1
            try:
                # Inside a transaction, a savepoint keeps a failed write from breaking it.
                if connection.in_atomic_block:
                    with transaction.atomic(using=connection.alias):
                        cursor.execute(sql, params)
                else:
                    cursor.execute(sql, params)
            except DatabaseError:
                return False  # as Django's: a write may fail without failing the request
            return cursor.rowcount == 1
