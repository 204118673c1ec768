"""Text every storage backend accepts."""

from __future__ import annotations


def clean(value: str) -> str:
    """No NUL (PostgreSQL rejects it) and no lone surrogates (not UTF-8)."""
    if "\x00" in value:
        value = value.replace("\x00", "")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        value = value.encode("utf-8", "replace").decode("utf-8")
    return value
