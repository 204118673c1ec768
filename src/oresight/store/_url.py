"""Which database to use: an explicit URL, else ``ORESIGHT_DATABASE_URL``, else a local SQLite file."""

from __future__ import annotations

import os

DEFAULT_URL = "sqlite:///var/oresight.db"
"""SQLite file ``var/oresight.db`` relative to the working directory (its folder is created on use)."""

ENV_VAR = "ORESIGHT_DATABASE_URL"

_POSTGRES_PREFIXES = ("postgresql://", "postgres://")
_PSYCOPG_PREFIX = "postgresql+psycopg://"


def normalise_url(url: str) -> str:
    """``postgresql://`` and ``postgres://`` become ``postgresql+psycopg://`` (the installed driver)."""
    url = url.strip()
    for prefix in _POSTGRES_PREFIXES:
        if url.startswith(prefix):
            return _PSYCOPG_PREFIX + url[len(prefix) :]
    return url


def database_url(explicit: str | None = None) -> str:
    """The database URL: ``explicit`` > env ``ORESIGHT_DATABASE_URL`` > :data:`DEFAULT_URL`.

    Empty strings count as unset.
    """
    for candidate in (explicit, os.environ.get(ENV_VAR)):
        if candidate and candidate.strip():
            return normalise_url(candidate)
    return DEFAULT_URL
