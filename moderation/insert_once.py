"""One inbox item inserted unless it is there: ``INSERT ... ON CONFLICT DO NOTHING
RETURNING id`` (issue 11.8).

One statement where a savepoint around ``save()`` took three, and a conflict (webhook
and polling at once) does not break the caller's transaction. What
``save(force_insert=True)`` does besides (the fields' ``pre_save``, the primary key,
the instance's state) happens here too; InboxItem has no ``post_save`` receivers.

The statement's text is the same for every item, so Django's compiler writes it once
per process and later items only prepare their values, as the compiler would (the
webhook batch inserts hundreds a second; compiling took half of its time). The text is
kept only when it is the plain ``VALUES (%s, …)`` form; any value that is an
expression takes the compiler's way."""

from __future__ import annotations

from django.db import connection
from django.db.models.constants import OnConflict
from django.db.models.sql import InsertQuery

from .models import InboxItem

_statement: dict[str, str] = {}  # connection vendor -> SQL text


def _fields():
    return [f for f in InboxItem._meta.local_concrete_fields if not f.primary_key]


def _compiled(item: InboxItem, fields) -> tuple[str, tuple]:
    query = InsertQuery(InboxItem, on_conflict=OnConflict.IGNORE)
    query.insert_values(fields, [item])
    compiler = query.get_compiler(connection=connection)
    compiler.returning_fields = InboxItem._meta.db_returning_fields
    [(sql, params)] = compiler.as_sql()
    return sql, params


def insert_once(item: InboxItem) -> bool:
    """Insert ``item``; False (and no primary key) when it is there already."""
    fields = _fields()
    values = [field.pre_save(item, True) for field in fields]
    sql = _statement.get(connection.vendor)
    if sql is None or any(hasattr(v, "resolve_expression") for v in values):
        sql, params = _compiled(item, fields)
        plain = "VALUES (" + ", ".join(["%s"] * len(fields)) + ")"
        if plain in sql and len(params) == len(fields):
            _statement[connection.vendor] = sql
    else:
        params = [
            field.get_db_prep_save(value, connection=connection)
            for field, value in zip(fields, values, strict=True)
        ]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    if row is None:
        return False
    returning = InboxItem._meta.db_returning_fields
    for value, field in zip(row, returning, strict=True):
        # The compiler's converters: none for an integer primary key on either
        # database; a returned field that needs one would need them here.
        setattr(item, field.attname, value)
    item._state.adding = False
    item._state.db = connection.alias
    return True
