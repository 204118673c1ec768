"""The real-time part of the store: source items (work that survives a crash), source health and the
alert outbox. A mixin of :class:`~oresight.store.Store`; every method is one short transaction.

Idempotency lives here: a source item is recorded once per ``(source, key)`` and an alert once per
``key`` (rule, channel, announcement, phase) — an insert that meets an existing key does nothing, so a
restarted process that repeats work repeats no alert.
"""

from __future__ import annotations

from collections.abc import Container, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import and_, func, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, sessionmaker, undefer

from ._schema import AlertRow, SourceHealthRow, SourceItemRow

ITEM_PENDING, ITEM_DONE, ITEM_FAILED = "pending", "done", "failed"
ALERT_PENDING, ALERT_SENDING, ALERT_DELIVERED, ALERT_DEAD, ALERT_QUEUED, ALERT_DIGESTED = (
    "pending", "sending", "delivered", "dead", "queued", "digested")
INTERRUPTED = ("interrupted during delivery (the process stopped before the receiver's answer was recorded): "
               "the receiver may already have it, so it was not sent again; retry it if it did not arrive")


@dataclass(frozen=True, slots=True)
class NewItem:
    """A source item to record (from FetchedAnnouncement)."""

    source: str
    key: str
    headline: str
    ticker: str | None
    published_at: datetime | None
    price_sensitive: bool | None
    item: dict[str, Any]
    content: bytes | None = None


@dataclass(frozen=True, slots=True)
class SourceItem:
    id: int
    source: str
    key: str
    headline: str
    ticker: str | None
    published_at: datetime | None
    price_sensitive: bool | None
    item: dict[str, Any]
    content: bytes | None
    status: str
    attempts: int
    error: str | None
    announcement_id: int | None
    seen_at: datetime
    done_at: datetime | None


@dataclass(frozen=True, slots=True)
class OutboxEntry:
    """An alert (or digest) to deliver; ``status`` ``pending`` or ``queued`` (for a digest)."""

    key: str
    rule: str
    channel: str
    phase: str
    payload: dict[str, Any]
    source_item_id: int | None = None
    announcement_id: int | None = None
    status: str = ALERT_PENDING


@dataclass(frozen=True, slots=True)
class StoredAlert:
    id: int
    key: str
    rule: str
    channel: str
    phase: str
    source_item_id: int | None
    announcement_id: int | None
    payload: dict[str, Any]
    status: str
    attempts: int
    next_attempt_at: datetime | None
    last_error: str | None
    created_at: datetime
    delivered_at: datetime | None


@dataclass(frozen=True, slots=True)
class SourceHealth:
    name: str
    kind: str
    last_success_at: datetime | None
    last_error_at: datetime | None
    last_error: str | None
    consecutive_errors: int
    items_seen: int
    state: dict[str, Any]
    updated_at: datetime

    @property
    def healthy(self) -> bool:
        return self.consecutive_errors == 0 and self.last_success_at is not None


def _item(row: SourceItemRow, *, with_content: bool) -> SourceItem:
    return SourceItem(row.id, row.source, row.key, row.headline, row.ticker, row.published_at, row.price_sensitive,
                      dict(row.item), row.content if with_content else None, row.status, row.attempts, row.error,
                      row.announcement_id, row.seen_at, row.done_at)


def _alert(row: AlertRow) -> StoredAlert:
    return StoredAlert(row.id, row.key, row.rule, row.channel, row.phase, row.source_item_id, row.announcement_id,
                       dict(row.payload), row.status, row.attempts, row.next_attempt_at, row.last_error,
                       row.created_at, row.delivered_at)


def _health(row: SourceHealthRow) -> SourceHealth:
    return SourceHealth(row.name, row.kind, row.last_success_at, row.last_error_at, row.last_error,
                        row.consecutive_errors, row.items_seen, dict(row.state or {}), row.updated_at)


def _one_line(text: str, limit: int = 500) -> str:
    return " ".join(str(text).split())[:limit]


class RealtimeStore:
    """Mixin: needs ``backend``, ``_read``, ``_write`` and ``_errors`` from Store."""

    backend: str
    _read: sessionmaker[Session]
    _write: sessionmaker[Session]

    def _errors(self, action: str) -> AbstractContextManager[None]:
        raise NotImplementedError  # provided by Store

    def _insert_ignore_stmt(self, table: Any, conflict: list[str]) -> Any:
        """An INSERT that skips rows whose ``conflict`` columns are already recorded (run with many rows)."""
        dialect_insert = postgresql.insert if self.backend == "postgresql" else sqlite.insert
        return dialect_insert(table).on_conflict_do_nothing(index_elements=conflict)

    # -- source items --------------------------------------------------------------------------

    def record_items(self, items: Sequence[NewItem]) -> list[int | None]:
        """Record items as pending; returns each item's new id, or None for an item already recorded."""
        if not items:
            return []
        now = datetime.now(UTC)
        rows = [{"source": it.source, "key": it.key, "headline": _one_line(it.headline, 2000), "ticker": it.ticker,
                 "published_at": it.published_at, "price_sensitive": it.price_sensitive, "item": it.item,
                 "content": it.content, "status": ITEM_PENDING, "attempts": 0, "next_attempt_at": None, "error": None,
                 "announcement_id": None, "seen_at": now, "done_at": None} for it in items]
        table: Any = SourceItemRow.__table__
        stmt = self._insert_ignore_stmt(table, ["source", "key"]).returning(table.c.id, table.c.source, table.c.key)
        with self._errors("recording source items"), self._write.begin() as session:
            # one batched statement; an item already recorded returns no row
            ids = {(source, key): int(new_id) for new_id, source, key in session.execute(stmt, rows)}
        return [ids.pop((it.source, it.key), None) for it in items]  # a key twice: the first one is new

    def pending_items(self, *, limit: int = 1000, now: datetime | None = None,
                      with_content: bool = True) -> list[SourceItem]:
        """Pending items whose next attempt is due, oldest first (with their pushed content, unless
        ``with_content`` is False: then :meth:`item_content` reads it when needed)."""
        now = now or datetime.now(UTC)
        with self._errors("reading pending items"), self._read() as session:
            q = (select(SourceItemRow)
                 .where(SourceItemRow.status == ITEM_PENDING,
                        or_(SourceItemRow.next_attempt_at.is_(None), SourceItemRow.next_attempt_at <= now))
                 .order_by(SourceItemRow.id).limit(limit))
            if with_content:
                q = q.options(undefer(SourceItemRow.content))
            return [_item(r, with_content=with_content) for r in session.scalars(q)]

    def pending_item_ids(self, *, limit: int = 10_000, now: datetime | None = None) -> list[int]:
        """Ids of the pending items whose next attempt is due, oldest first (a cheap query for sweeps)."""
        now = now or datetime.now(UTC)
        with self._errors("reading pending items"), self._read() as session:
            return list(session.scalars(
                select(SourceItemRow.id)
                .where(SourceItemRow.status == ITEM_PENDING,
                       or_(SourceItemRow.next_attempt_at.is_(None), SourceItemRow.next_attempt_at <= now))
                .order_by(SourceItemRow.id).limit(limit)))

    def items_by_id(self, ids: Sequence[int]) -> list[SourceItem]:
        """These source items (without their pushed content), in id order."""
        if not ids:
            return []
        with self._errors("reading source items"), self._read() as session:
            rows = session.scalars(select(SourceItemRow).where(SourceItemRow.id.in_(list(ids)))
                                   .order_by(SourceItemRow.id))
            return [_item(r, with_content=False) for r in rows]

    def item_content(self, item_id: int) -> bytes | None:
        """The document a source handed over with the item (pushed documents), or None."""
        with self._errors("reading a source item"), self._read() as session:
            return session.scalar(select(SourceItemRow.content).where(SourceItemRow.id == item_id))

    def source_items(self, *, status: str | None = None, limit: int = 100) -> list[SourceItem]:
        with self._errors("reading source items"), self._read() as session:
            q = select(SourceItemRow).order_by(SourceItemRow.id.desc()).limit(limit)
            if status:
                q = q.where(SourceItemRow.status == status)
            return [_item(r, with_content=False) for r in session.scalars(q)]

    def item_counts(self) -> dict[str, int]:
        with self._errors("counting source items"), self._read() as session:
            rows = session.execute(select(SourceItemRow.status, func.count()).group_by(SourceItemRow.status))
            return {str(s): int(n) for s, n in rows}

    def complete_item(self, item_id: int, *, announcement_id: int | None, alerts: Sequence[OutboxEntry] = (),
                      error: str | None = None) -> int:
        """Mark an item done (or failed, with ``error``) and record its alerts, in one transaction.
        Returns how many alerts were new."""
        now = datetime.now(UTC)
        with self._errors("completing a source item"), self._write.begin() as session:
            session.execute(update(SourceItemRow).where(SourceItemRow.id == item_id).values(
                status=ITEM_FAILED if error else ITEM_DONE, announcement_id=announcement_id, done_at=now,
                error=_one_line(error) if error else None, content=None))
            return len(self._insert_alerts(session, alerts, now))

    def complete_items(self, done: Sequence[tuple[int, int | None, str | None, Sequence[OutboxEntry]]]
                       ) -> list[tuple[int, OutboxEntry]]:
        """Complete several items in one transaction: each ``(item id, announcement id, error or None,
        alerts)``. Returns the alerts that were new, with their ids."""
        now = datetime.now(UTC)
        if not done:
            return []
        with self._errors("completing source items"), self._write.begin() as session:
            session.execute(update(SourceItemRow), [
                {"id": item_id, "status": ITEM_FAILED if error else ITEM_DONE, "announcement_id": ann_id,
                 "done_at": now, "error": _one_line(error) if error else None, "content": None}
                for item_id, ann_id, error, _ in done])
            added = self._insert_alerts(session, [a for *_, alerts in done for a in alerts], now)
        return added

    def retry_item(self, item_id: int, *, error: str, next_attempt_at: datetime) -> None:
        with self._errors("rescheduling a source item"), self._write.begin() as session:
            session.execute(update(SourceItemRow).where(SourceItemRow.id == item_id).values(
                attempts=SourceItemRow.attempts + 1, error=_one_line(error), next_attempt_at=next_attempt_at))

    # -- outbox --------------------------------------------------------------------------------

    def _insert_alerts(self, session: Session, alerts: Sequence[OutboxEntry], now: datetime
                       ) -> list[tuple[int, OutboxEntry]]:
        if not alerts:
            return []
        rows = [{"key": a.key, "rule": a.rule, "channel": a.channel, "phase": a.phase,
                 "source_item_id": a.source_item_id, "announcement_id": a.announcement_id, "payload": a.payload,
                 "status": a.status, "attempts": 0, "next_attempt_at": now if a.status == ALERT_PENDING else None,
                 "last_error": None, "created_at": now, "delivered_at": None} for a in alerts]
        table: Any = AlertRow.__table__
        stmt = self._insert_ignore_stmt(table, ["key"]).returning(table.c.id, table.c.key)
        # one batched statement; a key already recorded returns no row (the idempotency guard)
        ids = {key: int(new_id) for new_id, key in session.execute(stmt, rows)}
        added: list[tuple[int, OutboxEntry]] = []
        for a in alerts:
            new_id = ids.pop(a.key, None)  # a key twice in one call: the first entry is the alert
            if new_id is not None:
                added.append((new_id, a))
        return added

    def add_alerts(self, alerts: Sequence[OutboxEntry]) -> list[tuple[int, OutboxEntry]]:
        """Record alerts; returns the new ones with their ids (an existing key is left as it is)."""
        with self._errors("recording alerts"), self._write.begin() as session:
            return self._insert_alerts(session, alerts, datetime.now(UTC))

    def mark_sending(self, alert_ids: Sequence[int]) -> None:
        """Record that delivery attempts start (one transaction), so a crash mid-send is known after a restart."""
        if not alert_ids:
            return
        with self._errors("recording delivery attempts"), self._write.begin() as session:
            session.execute(update(AlertRow).where(AlertRow.id.in_(list(alert_ids))).values(status=ALERT_SENDING))

    def record_outcomes(self, delivered: Sequence[int],
                        failed: Sequence[tuple[int, str, datetime | None]]) -> None:
        """Record delivery outcomes in one transaction: delivered ids; failed ``(id, error, next attempt or
        None for a dead letter)``."""
        if not delivered and not failed:
            return
        now = datetime.now(UTC)
        with self._errors("recording deliveries"), self._write.begin() as session:
            if delivered:
                session.execute(update(AlertRow).where(AlertRow.id.in_(list(delivered))).values(
                    status=ALERT_DELIVERED, delivered_at=now, attempts=AlertRow.attempts + 1, next_attempt_at=None))
            for alert_id, error, next_at in failed:
                session.execute(update(AlertRow).where(AlertRow.id == alert_id).values(
                    status=ALERT_PENDING if next_at else ALERT_DEAD, attempts=AlertRow.attempts + 1,
                    last_error=_one_line(error), next_attempt_at=next_at))

    def existing_keys(self, keys: Sequence[str]) -> set[str]:
        """Which of these alert keys are recorded."""
        if not keys:
            return set()
        with self._errors("reading alert keys"), self._read() as session:
            return set(session.scalars(select(AlertRow.key).where(AlertRow.key.in_(list(keys)))))

    def alert(self, alert_id: int) -> StoredAlert | None:
        with self._errors("reading an alert"), self._read() as session:
            row = session.get(AlertRow, alert_id)
            return _alert(row) if row else None

    def due_alerts(self, *, now: datetime | None = None, limit: int = 100,
                   skip: Container[int] = ()) -> list[StoredAlert]:
        """Pending alerts whose next attempt is due, oldest first; ``skip``: ids the caller already holds
        (not loaded, so a sweep that finds nothing new reads ids only)."""
        now = now or datetime.now(UTC)
        with self._errors("reading due alerts"), self._read() as session:
            ids = [i for i in session.scalars(
                select(AlertRow.id).where(AlertRow.status == ALERT_PENDING, AlertRow.next_attempt_at <= now)
                .order_by(AlertRow.next_attempt_at, AlertRow.id).limit(limit)) if i not in skip]
            if not ids:
                return []
            rows = {r.id: r for r in session.scalars(select(AlertRow).where(AlertRow.id.in_(ids)))}
            return [_alert(rows[i]) for i in ids if i in rows]

    def recover_interrupted(self, *, resend: bool) -> int:
        """Alerts left ``sending`` by a process that stopped mid-delivery: sent again (``resend``, the
        receiver dedupes by Idempotency-Key) or dead-lettered with the reason (never a silent repeat)."""
        with self._errors("recovering interrupted deliveries"), self._write.begin() as session:
            values: dict[str, Any] = ({"status": ALERT_PENDING, "next_attempt_at": datetime.now(UTC)} if resend
                                      else {"status": ALERT_DEAD, "last_error": INTERRUPTED, "next_attempt_at": None})
            result = session.execute(update(AlertRow).where(AlertRow.status == ALERT_SENDING).values(**values))
            return int(getattr(result, "rowcount", 0) or 0)

    def retry_alert(self, alert_id: int) -> bool:
        """Put a dead alert back in the queue (due now). False when it is not dead."""
        with self._errors("retrying an alert"), self._write.begin() as session:
            result = session.execute(update(AlertRow).where(AlertRow.id == alert_id, AlertRow.status == ALERT_DEAD)
                                     .values(status=ALERT_PENDING, next_attempt_at=datetime.now(UTC)))
            return bool(getattr(result, "rowcount", 0))

    def alerts(self, *, rule: str | None = None, status: str | None = None, channel: str | None = None,
               limit: int = 100, offset: int = 0, newest_first: bool = True) -> list[StoredAlert]:
        with self._errors("reading alerts"), self._read() as session:
            q = select(AlertRow)
            conds = [c for c in (AlertRow.rule == rule if rule else None, AlertRow.status == status if status else None,
                                 AlertRow.channel == channel if channel else None) if c is not None]
            if conds:
                q = q.where(and_(*conds))
            q = q.order_by(AlertRow.id.desc() if newest_first else AlertRow.id).limit(limit).offset(offset)
            return [_alert(r) for r in session.scalars(q)]

    def alert_counts(self) -> dict[str, int]:
        with self._errors("counting alerts"), self._read() as session:
            rows = session.execute(select(AlertRow.status, func.count()).group_by(AlertRow.status))
            return {str(s): int(n) for s, n in rows}

    def digest_alerts(self, rule: str, *, until: datetime) -> list[StoredAlert]:
        """The rule's alerts waiting for its digest, created before ``until``, oldest first."""
        with self._errors("reading digest alerts"), self._read() as session:
            rows = session.scalars(select(AlertRow).where(AlertRow.rule == rule, AlertRow.status == ALERT_QUEUED,
                                                          AlertRow.created_at < until).order_by(AlertRow.id))
            return [_alert(r) for r in rows]

    def record_digest(self, included: Sequence[int], digests: Sequence[OutboxEntry]) -> int:
        """Queue the digest messages and mark the alerts they include as digested, in one transaction."""
        now = datetime.now(UTC)
        with self._errors("recording a digest"), self._write.begin() as session:
            added = len(self._insert_alerts(session, digests, now))
            if included:
                session.execute(update(AlertRow).where(AlertRow.id.in_(list(included)))
                                .values(status=ALERT_DIGESTED, delivered_at=now))
            return added

    # -- source health -------------------------------------------------------------------------

    def source_health(self, name: str | None = None) -> list[SourceHealth]:
        with self._errors("reading source health"), self._read() as session:
            q = select(SourceHealthRow).order_by(SourceHealthRow.name)
            if name is not None:
                q = q.where(SourceHealthRow.name == name)
            return [_health(r) for r in session.scalars(q)]

    def source_ok(self, name: str, kind: str, *, state: dict[str, Any], new_items: int) -> None:
        now = datetime.now(UTC)
        with self._errors("recording source health"), self._write.begin() as session:
            row = session.get(SourceHealthRow, name) or self._new_health(session, name, kind, now)
            row.kind, row.last_success_at, row.consecutive_errors = kind, now, 0
            row.items_seen = row.items_seen + new_items
            row.state, row.updated_at = state, now

    def source_failed(self, name: str, kind: str, *, error: str) -> int:
        """Record a failed fetch; returns the number of consecutive failures."""
        now = datetime.now(UTC)
        with self._errors("recording source health"), self._write.begin() as session:
            row = session.get(SourceHealthRow, name) or self._new_health(session, name, kind, now)
            row.kind, row.last_error_at, row.last_error = kind, now, _one_line(error)
            row.consecutive_errors = row.consecutive_errors + 1
            row.updated_at = now
            return row.consecutive_errors

    @staticmethod
    def _new_health(session: Session, name: str, kind: str, now: datetime) -> SourceHealthRow:
        row = SourceHealthRow(name=name, kind=kind, last_success_at=None, last_error_at=None, last_error=None,
                              consecutive_errors=0, items_seen=0, state={}, updated_at=now)
        session.add(row)
        return row

