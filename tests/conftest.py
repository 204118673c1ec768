"""Shared fixtures: databases for tests (SQLite files and isolated PostgreSQL schemas).

PostgreSQL tests read ``ORESIGHT_TEST_POSTGRES_URL`` (default: the local test server). When the
server cannot be reached they are skipped with the reason, except under CI (``CI=true``), where
they fail: the CI run must exercise PostgreSQL. Every PostgreSQL test gets its own schema, dropped
afterwards, so parallel workers (pytest-xdist) and reruns never collide.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import NullPool

POSTGRES_URL_ENV = "ORESIGHT_TEST_POSTGRES_URL"
DEFAULT_POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def _postgres_url() -> str:
    url = os.environ.get(POSTGRES_URL_ENV, "").strip() or DEFAULT_POSTGRES_URL
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            url = "postgresql+psycopg://" + url[len(prefix) :]
    return url


@dataclass(frozen=True)
class DatabaseTarget:
    """Where a test's database lives: ``backend`` is "sqlite" or "postgres"."""

    backend: str
    url: str
    schema: str | None = None


@pytest.fixture(scope="session")
def postgres_engine() -> Iterator[Engine]:
    """An engine on the PostgreSQL test server (skips, or fails under CI, when unreachable)."""
    url = _postgres_url()
    engine = create_engine(url, poolclass=NullPool, connect_args={"connect_timeout": 5})
    failure: str | None = None
    try:
        with engine.connect():
            pass
    except SQLAlchemyError as exc:
        failure = " ".join(str(getattr(exc, "orig", None) or exc).split())[:300]
    if failure is not None:
        engine.dispose()
        where = make_url(url).render_as_string(hide_password=True)
        message = f"PostgreSQL test server unreachable at {where} ({POSTGRES_URL_ENV}): {failure}"
        if _in_ci():
            pytest.fail(f"{message} [CI=true: PostgreSQL tests must run]", pytrace=False)
        pytest.skip(message)
    yield engine
    engine.dispose()


@pytest.fixture
def postgres_schema(postgres_engine: Engine) -> Iterator[str]:
    """A fresh, uniquely named schema on the test server, dropped (with its contents) afterwards."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    name = f"oresight_test_{worker}_{uuid.uuid4().hex[:12]}"
    with postgres_engine.begin() as conn:
        conn.exec_driver_sql(f'CREATE SCHEMA "{name}"')
    try:
        yield name
    finally:
        with postgres_engine.begin() as conn:
            conn.exec_driver_sql(f'DROP SCHEMA IF EXISTS "{name}" CASCADE')


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """A URL for a new SQLite file in the test's temporary directory."""
    return f"sqlite:///{tmp_path / 'oresight.db'}"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database(request: pytest.FixtureRequest) -> DatabaseTarget:
    """Each test using this runs twice: on a SQLite file and in a PostgreSQL schema of its own."""
    if request.param == "sqlite":
        return DatabaseTarget("sqlite", request.getfixturevalue("sqlite_url"))
    url = _postgres_url()
    return DatabaseTarget("postgres", url, request.getfixturevalue("postgres_schema"))
