"""Statements (government directives, ministry statements, company strategy announcements) and their commitment
sentences: a mixin of :class:`~oresight.store.Store`.

::

    sid, created = store.add_statement(new)                  # once by content (sha256)
    store.statements(issuer="Ministry of Mines", topic="rare earths", limit=20)   # newest first
    store.statement(sid)                                      # with its commitments and report
    store.statement_priors(issuer_key=..., topic=..., before=date(2024, 1, 1), exclude_sha256=...)

``topic`` matches a statement's commodities or countries (canonical names, as ``oresight.policy`` writes them:
"rare earths", "Russia"). Values returned are frozen dataclasses; dates are :class:`datetime.date`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, literal, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker, undefer

from oresight.model import Span

from ._schema import StatementCommitmentRow, StatementRow

MAX_STATEMENTS = 1000  # rows per listing at most


@dataclass(frozen=True, slots=True)
class NewCommitment:
    position: int
    text: str
    cue: str
    span: Span
    fingerprint: bytes


@dataclass(frozen=True, slots=True)
class NewStatement:
    sha256: str
    source: str
    title: str
    issuer: str | None
    issuer_key: str | None
    stated_on: date | None
    commodities: tuple[str, ...]
    countries: tuple[str, ...]
    text: str
    fingerprint: bytes
    substance: float
    claims_score: float | None
    novelty_score: float | None
    label: str
    verdict: str
    report: dict[str, Any]
    commitments: tuple[NewCommitment, ...] = ()


@dataclass(frozen=True, slots=True)
class StoredCommitment:
    id: int
    statement_id: int
    position: int
    text: str
    cue: str
    span: Span
    fingerprint: bytes


@dataclass(frozen=True, slots=True)
class StoredStatement:
    """A stored statement. ``commitments`` and ``report`` are filled by :meth:`StatementStore.statement` and
    :meth:`StatementStore.statement_priors` (commitments only); listings leave them empty."""

    id: int
    sha256: str
    source: str
    title: str
    issuer: str | None
    issuer_key: str | None
    stated_on: date | None
    commodities: tuple[str, ...]
    countries: tuple[str, ...]
    substance: float
    claims_score: float | None
    novelty_score: float | None
    label: str
    verdict: str
    stored_at: datetime
    fingerprint: bytes
    commitments: tuple[StoredCommitment, ...] = ()
    report: dict[str, Any] | None = None


def _split(value: str) -> tuple[str, ...]:
    return tuple(v for v in value.split(",") if v)


def _day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _statement(row: StatementRow, commitments: Sequence[StoredCommitment] = (),
               report: dict[str, Any] | None = None) -> StoredStatement:
    return StoredStatement(row.id, row.sha256, row.source, row.title, row.issuer, row.issuer_key, _day(row.stated_on),
                           _split(row.commodities), _split(row.countries), row.substance, row.claims_score,
                           row.novelty_score, row.label, row.verdict, row.stored_at, row.fingerprint,
                           tuple(commitments), report)


def _commitment(row: StatementCommitmentRow) -> StoredCommitment:
    return StoredCommitment(row.id, row.statement_id, row.position, row.text, row.cue,
                            Span(row.page, row.start, row.end), row.fingerprint)


def issuer_key(issuer: str | None) -> str | None:
    """The matching key of an issuer: lower-case words, without "the" and punctuation (None for none)."""
    if not issuer:
        return None
    words = [w for w in re.findall(r"[a-z0-9]+", issuer.lower()) if w != "the"]
    return " ".join(words) or None


def _like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _topic(topic: str) -> ColumnElement[bool]:
    """A statement whose commodities or countries include ``topic`` (case-insensitive)."""
    pattern = f"%,{_like(topic.strip().lower())},%"
    return or_((literal(",") + StatementRow.commodities + literal(",")).ilike(pattern, escape="\\"),
               (literal(",") + StatementRow.countries + literal(",")).ilike(pattern, escape="\\"))


class StatementStore:
    """Mixin: needs ``_read``, ``_write`` and ``_errors`` from Store."""

    _read: sessionmaker[Session]
    _write: sessionmaker[Session]

    def _errors(self, action: str) -> AbstractContextManager[None]:
        raise NotImplementedError  # provided by Store

    def add_statement(self, new: NewStatement) -> tuple[int, bool]:
        """Store a statement once by content; returns ``(id, created)`` (an existing one is left unchanged)."""
        with self._errors("storing a statement"):
            existing = self.statement_id(new.sha256)
            if existing is not None:
                return existing, False
            row = StatementRow(
                sha256=new.sha256, source=new.source, title=new.title, issuer=new.issuer, issuer_key=new.issuer_key,
                stated_on=new.stated_on.isoformat() if new.stated_on else None,
                commodities=",".join(c.replace(",", " ") for c in new.commodities),
                countries=",".join(c.replace(",", " ") for c in new.countries), text=new.text,
                fingerprint=new.fingerprint, substance=new.substance, claims_score=new.claims_score,
                novelty_score=new.novelty_score, label=new.label, verdict=new.verdict, report=new.report,
                stored_at=datetime.now(UTC))
            try:
                with self._write.begin() as session:
                    session.add(row)
                    session.flush()
                    session.add_all([StatementCommitmentRow(
                        statement_id=row.id, position=c.position, text=c.text, cue=c.cue, page=c.span.page,
                        start=c.span.start, end=c.span.end, fingerprint=c.fingerprint) for c in new.commitments])
                    new_id = row.id
            except IntegrityError:
                existing = self.statement_id(new.sha256)  # a concurrent writer stored it first
                if existing is None:
                    raise
                return existing, False
            return new_id, True

    def statement_id(self, sha256: str) -> int | None:
        """The id of the statement with this content hash, if stored."""
        with self._errors("looking up a statement"), self._read() as session:
            return session.scalar(select(StatementRow.id).where(StatementRow.sha256 == sha256))

    def statement(self, statement_id: int) -> StoredStatement | None:
        """One statement with its commitments and its report."""
        with self._errors("reading a statement"), self._read() as session:
            row = session.get(StatementRow, statement_id, options=[undefer(StatementRow.report)])
            if row is None:
                return None
            coms = self._commitments(session, [row.id]).get(row.id, [])
            return _statement(row, coms, dict(row.report or {}))

    def statement_text(self, statement_id: int) -> str | None:
        with self._errors("reading a statement"), self._read() as session:
            return session.scalar(select(StatementRow.text).where(StatementRow.id == statement_id))

    def statements(self, issuer: str | None = None, topic: str | None = None, *, country: str | None = None,
                   before: date | None = None, limit: int = 50, offset: int = 0) -> list[StoredStatement]:
        """Statements newest first (by date; undated last), filtered by issuer (any spelling that gives the same
        key), topic (a commodity or country they are about), country, and date (strictly before)."""
        if limit <= 0:
            return []
        stmt = self._filtered(issuer_key(issuer) if issuer else None, topic, country, before)
        stmt = stmt.order_by(StatementRow.stated_on.is_(None), StatementRow.stated_on.desc(), StatementRow.id.desc())
        stmt = stmt.limit(min(limit, MAX_STATEMENTS)).offset(max(offset, 0))
        with self._errors("listing statements"), self._read() as session:
            return [_statement(r) for r in session.scalars(stmt)]

    def statement_priors(self, *, issuer_key: str | None, topic: str | None, before: date | None,
                         exclude_sha256: str | None = None, limit: int = 200) -> list[tuple[StoredStatement, str]]:
        """The earlier statements a new one is compared with: the same issuer or the same topic, dated before
        ``before`` (when ``before`` is None, every one), with their commitments, newest first; each with its route
        (``issuer``, ``topic`` or ``issuer+topic``). Undated statements are compared when ``before`` is None only."""
        if not issuer_key and not topic:
            return []
        conds: list[ColumnElement[bool]] = []
        if issuer_key:
            conds.append(StatementRow.issuer_key == issuer_key)
        if topic:
            conds.append(_topic(topic))
        stmt = select(StatementRow).where(or_(*conds))
        if before is not None:
            stmt = stmt.where(StatementRow.stated_on.is_not(None), StatementRow.stated_on < before.isoformat())
        if exclude_sha256:
            stmt = stmt.where(StatementRow.sha256 != exclude_sha256)
        stmt = stmt.order_by(StatementRow.stated_on.is_(None), StatementRow.stated_on.desc(),
                             StatementRow.id.desc()).limit(max(1, min(limit, MAX_STATEMENTS)))
        topic_key = topic.strip().lower() if topic else None
        with self._errors("reading earlier statements"), self._read() as session:
            rows = list(session.scalars(stmt))
            coms = self._commitments(session, [r.id for r in rows])
        out: list[tuple[StoredStatement, str]] = []
        for r in rows:
            by_issuer = bool(issuer_key) and r.issuer_key == issuer_key
            by_topic = topic_key is not None and topic_key in {v.lower() for v in _split(r.commodities) + _split(r.countries)}
            route = "issuer+topic" if by_issuer and by_topic else ("issuer" if by_issuer else "topic")
            out.append((_statement(r, coms.get(r.id, [])), route))
        return out

    def count_statements(self) -> int:
        from sqlalchemy import func

        with self._errors("counting statements"), self._read() as session:
            return session.scalar(select(func.count()).select_from(StatementRow)) or 0

    @staticmethod
    def _filtered(key: str | None, topic: str | None, country: str | None,
                  before: date | None) -> Select[Any]:
        stmt = select(StatementRow)
        if key:
            stmt = stmt.where(StatementRow.issuer_key == key)
        if topic:
            stmt = stmt.where(_topic(topic))
        if country:
            pattern = f"%,{_like(country.strip().lower())},%"
            stmt = stmt.where((literal(",") + StatementRow.countries + literal(",")).ilike(pattern, escape="\\"))
        if before is not None:
            stmt = stmt.where(StatementRow.stated_on < before.isoformat())
        return stmt

    @staticmethod
    def _commitments(session: Session, ids: Iterable[int]) -> dict[int, list[StoredCommitment]]:
        wanted = list(ids)
        out: dict[int, list[StoredCommitment]] = {}
        if not wanted:
            return out
        for start in range(0, len(wanted), 500):
            chunk = wanted[start:start + 500]
            stmt = (select(StatementCommitmentRow).where(StatementCommitmentRow.statement_id.in_(chunk))
                    .order_by(StatementCommitmentRow.statement_id, StatementCommitmentRow.position))
            for row in session.scalars(stmt):
                out.setdefault(row.statement_id, []).append(_commitment(row))
        return out
