"""schemathesis against the app's own OpenAPI schema, in process (ASGI), on a database holding real sample
announcements, a dead letter and a delivered alert: for every operation, generated requests (valid and
invalid) never get a server error, and every answer conforms to the schema (status code documented,
content type and body as declared). Bounded and deterministic: 25 examples per operation, derandomized."""

from __future__ import annotations

import asyncio
import tempfile
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)
from tests.test_api import CORPUS, ROOT, _dead_letter, api_config, ingest

from oresight.store import OutboxEntry, Store
from oresight.watch import Watcher
from oresight.web.app import create_app

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
SAMPLES = [CORPUS / "kjg-001.txt", ROOT / "samples" / "novelty" / "nov-001.txt", CORPUS / "brl-003.html",
           CORPUS / "acz-001.pdf"]


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, str]]:
    store = Store(f"sqlite:///{tmp_path_factory.mktemp('schema') / 'schema.db'}")
    ids = ingest(store, SAMPLES)
    _dead_letter(store, "gold", "hook", ids["kjg-001.txt"])
    [(done, _)] = store.add_alerts([OutboxEntry("gold|hook|x|final", "gold", "hook", "assessed", {"k": 1})])
    store.record_outcomes([done], [])
    store.source_ok("asx", "asx", state={}, new_items=2)
    secret = store.create_token("schemathesis")
    watcher = Watcher(api_config(), store, workers=0)
    yield create_app(watcher), secret
    asyncio.run(watcher.client.aclose())
    store.close()


@pytest.fixture(scope="module")
def api_schema(served: tuple[Any, str]) -> Any:
    app, _ = served
    return schemathesis.openapi.from_asgi("/openapi.json", app)


def _operations() -> list[tuple[str, str]]:
    """Every operation of the schema, read at collection time from an app over an unopened database (the
    schema does not depend on the data)."""
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(f"sqlite:///{tmp}/unused.db")
        watcher = Watcher(api_config(), store, workers=0)
        paths = create_app(watcher).openapi()["paths"]
        asyncio.run(watcher.client.aclose())
    return sorted((method.upper(), path) for path, ops in paths.items() for method in ops)


OPERATIONS = _operations()


@pytest.mark.parametrize(("method", "path"), OPERATIONS, ids=[f"{m} {p}" for m, p in OPERATIONS])
def test_no_server_error_and_answers_conform_to_the_schema(method: str, path: str, api_schema: Any,
                                                          served: tuple[Any, str]) -> None:
    _, secret = served
    operation = api_schema[path][method]
    headers = {"Authorization": f"Bearer {secret}"} if method != "GET" else None
    cases = st.one_of(operation.as_strategy(GenerationMode.POSITIVE), operation.as_strategy(GenerationMode.NEGATIVE))

    @given(case=cases)
    @settings(max_examples=25, derandomize=True, database=None, deadline=None,
              suppress_health_check=list(HealthCheck))
    def run(case: Any) -> None:
        case.call_and_validate(headers=headers, checks=CHECKS)

    run()


def test_every_operation_is_exercised() -> None:
    assert ("GET", "/api/announcements") in OPERATIONS and ("POST", "/api/deliveries/{delivery_id}/retry") in OPERATIONS
    assert len(OPERATIONS) >= 18


def test_sample_database_is_not_empty(served: tuple[Any, str]) -> None:
    from fastapi.testclient import TestClient

    app, _ = served
    with TestClient(app) as c:
        assert c.get("/api/announcements").json()["total"] == len(SAMPLES)
