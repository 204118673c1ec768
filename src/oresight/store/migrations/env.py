"""Alembic environment. It runs inside :meth:`oresight.store.Store.migrate`, on the Store's own
connection (already in a transaction), with the Store's PostgreSQL schema for the version table.

There is no ``alembic.ini`` and no offline (``--sql``) mode: see README.md in this folder.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from oresight.store._schema import Base, include_object


def run_migrations() -> None:
    config = context.config
    connection = config.attributes.get("connection")
    if not isinstance(connection, Connection):
        raise RuntimeError(
            "Oresight's migrations run through oresight.store.Store(url).migrate() "
            "(or Store.alembic_config(connection)), not from the alembic command line"
        )
    schema = config.attributes.get("schema")
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        version_table_schema=schema,
        include_object=include_object,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
