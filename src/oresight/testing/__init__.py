"""Test doubles shipped with the package (used by the tests, the benchmark and demos); no test-only imports.

:class:`~oresight.testing.fake_asx.FakeASX` serves the ASX announcements endpoints on localhost. The names
are imported lazily, so ``python -m oresight.testing.fake_asx`` runs without a double import.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from oresight.testing.fake_asx import DayItem, FakeASX, RequestRecord

__all__ = ["DayItem", "FakeASX", "RequestRecord"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from oresight.testing import fake_asx

        return getattr(fake_asx, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
