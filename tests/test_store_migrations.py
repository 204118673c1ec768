"""The hand-written migrations and the ORM schema agree, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, inspect

from oresight.store import Store
from oresight.store._schema import Base, include_object

TABLES = {"announcements", "intercepts", "resources", "ingest_errors"}


@pytest.fixture
def store(database) -> Iterator[Store]:
    s = Store(database.url, schema=database.schema)
    s.migrate()
    yield s
    s.close()


def test_migrated_database_matches_the_orm_metadata(store: Store) -> None:
    with store.engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"include_object": include_object, "compare_type": True}
        )
        assert compare_metadata(context, Base.metadata) == []


def test_full_text_objects_exist(store: Store) -> None:
    with store.engine.connect() as conn:
        if store.backend == "sqlite":
            names = set(conn.exec_driver_sql("SELECT name FROM sqlite_master").scalars())
            assert {"announcements_fts", "announcements_fts_ai", "announcements_fts_ad"} <= names
            assert "announcements_fts_au" in names
        else:
            columns = {c["name"] for c in inspect(conn).get_columns("announcements")}
            indexes = {i["name"] for i in inspect(conn).get_indexes("announcements")}
            assert "search_vector" in columns
            assert "ix_announcements_search_vector" in indexes


def test_downgrade_to_base_and_upgrade_again(store: Store) -> None:
    with store.engine.begin() as conn:
        command.downgrade(store.alembic_config(conn), "base")
    remaining = set(inspect(store.engine).get_table_names())
    assert not (remaining & TABLES)
    assert not any(name.startswith("announcements_fts") for name in remaining)
    store.migrate()
    assert set(inspect(store.engine).get_table_names()) >= TABLES


@pytest.mark.postgres
def test_postgres_tables_stay_in_their_schema(postgres_engine: Engine, postgres_schema: str) -> None:
    url = postgres_engine.url.render_as_string(hide_password=False)
    with Store(url, schema=postgres_schema) as store:
        store.migrate()
        tables = set(inspect(store.engine).get_table_names(schema=postgres_schema))
        assert TABLES | {"alembic_version"} <= tables
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("SHOW search_path").scalar() == postgres_schema
