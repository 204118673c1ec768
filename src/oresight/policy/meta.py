"""A statement's date and issuer: the command line, else a ``Date:`` / ``Issuer:`` header line at the top of
the first page, else the document's metadata (front matter, HTML ``<meta>``, PDF info: ``issuer``,
``issued_by``, ``organisation``; a PDF's ``Author``), else, for the date, the first date at the top of page 1
(a news dateline), as :func:`oresight.assess.service.published_date` reads it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from oresight.assess.facts import parse_date
from oresight.exceptions import BadInput
from oresight.model import Document, Span

__all__ = ["Meta", "is_statement", "parse_day", "read_meta"]

HEADER_CHARS = 1500  # header lines are read in the first characters of page 1
_HEADER = re.compile(
    r"^[ \t]*(?P<key>date(?: of issue)?|dated|issued(?: on)?|published|release date|issuer|issued by|issuing (?:body|authority)"
    r"|organi[sz]ation)[ \t]*:[ \t]*(?P<value>[^\n]{1,200}?)[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
_ISSUER_META = ("issuer", "issued_by", "issued-by", "issuedby", "organisation", "organization")
_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")


@dataclass(frozen=True, slots=True)
class Meta:
    date: date | None
    date_from: str | None  # "command line", "header line", "document"
    issuer: str | None
    issuer_from: str | None
    header_spans: tuple[Span, ...]  # header lines read as metadata (left out of the analysis)


def parse_day(raw: str, what: str = "--date") -> date:
    """``YYYY-MM-DD`` (also "12 March 2019", "March 12, 2019"); BadInput otherwise."""
    m = _ISO.match(raw)
    try:
        if m:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        raise BadInput(f"{what} {raw!r}: not a date (use YYYY-MM-DD)") from None
    d = parse_date(raw)
    if d is None:
        raise BadInput(f"{what} {raw!r}: not a date (use YYYY-MM-DD)")
    return d


def _clean(value: str) -> str:
    return " ".join(value.split()).strip(" .;,")[:200]


def read_meta(document: Document, *, date_arg: date | None = None, issuer_arg: str | None = None) -> Meta:
    when: date | None = date_arg
    when_from: str | None = "command line" if date_arg else None
    who = _clean(issuer_arg) if issuer_arg and issuer_arg.strip() else None
    who_from: str | None = "command line" if who else None
    spans: list[Span] = []
    first = document.pages[0] if document.pages else None
    if first is not None:
        for m in _HEADER.finditer(first.text[:HEADER_CHARS]):
            key = m.group("key").lower()
            value = m.group("value")
            spans.append(Span(first.number, m.start(), m.end()))
            if key.startswith(("issu", "organi")) and not key.startswith("issued on") and key != "issued":
                if who is None and _clean(value):
                    who, who_from = _clean(value), "header line"
            elif when is None:
                d = _day_or_none(value)
                if d is not None:
                    when, when_from = d, "header line"
    if who is None:
        for key in _ISSUER_META + (("Author",) if document.kind == "pdf" else ()):
            value = document.meta(key)
            if value and _clean(value):
                who, who_from = _clean(value), "document"
                break
    if when is None:
        from oresight.assess.service import published_date

        stamp: datetime | None = published_date(document)
        if stamp is not None:
            when, when_from = stamp.date(), "document"
    return Meta(when, when_from, who, who_from, tuple(spans))


def _day_or_none(raw: str) -> date | None:
    try:
        return parse_day(raw, "date")
    except BadInput:
        return None


STATEMENT_TYPES = frozenset({"statement", "policy", "policy statement", "directive", "decree", "strategy",
                             "government statement", "ministerial statement", "press statement"})


def is_statement(document: Document, issuer_arg: str | None = None) -> bool:
    """Whether ``oresight ingest`` stores the document as a statement rather than an exchange announcement:
    ``--issuer`` given, or the document says so itself: a ``type`` (or ``document_type``, ``kind``) metadata
    value such as ``statement``, ``directive`` or ``policy``, or an ``Issuer:`` / ``Issued by:`` header line at
    the top of page 1. An ``issuer`` front-matter key alone does not make a statement: news-wire copies of
    announcements carry one too."""
    if issuer_arg and issuer_arg.strip():
        return True
    for key in ("type", "document_type", "document-type", "kind"):
        if document.meta(key).strip().lower() in STATEMENT_TYPES:
            return True
    first = document.pages[0].text[:HEADER_CHARS] if document.pages else ""
    return any(m.group("key").lower().startswith(("issuer", "issued by", "issuing"))
               for m in _HEADER.finditer(first))
