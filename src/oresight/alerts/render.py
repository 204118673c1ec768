"""Text, HTML and Markdown renderings of alerts and digests (jinja2 templates in ``data/templates``).

Headlines, reasons and the rest come from announcements: hostile input. HTML templates are autoescaped
(every template is, unless its name ends in ``.txt`` or ``.md``); one-line fields have their line
breaks and control characters collapsed so a headline cannot forge extra lines in a text e-mail or a
Subject header; only http(s) evidence links become ``href``s; Markdown escapes its own syntax.

A digest lists its alerts grouped by band (exceptional, significant, notable, watch, unscored), the
best first within a band.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined

from oresight.alerts.model import Alert, Digest, Message

BANDS: tuple[str, ...] = ("exceptional", "significant", "notable", "watch")
UNSCORED = "unscored"
TITLE_LIMIT = 200

_LINK_LABELS = {"announcement": "Announcement", "document": "Document"}
_CONTROL = re.compile(r"[\x00-\x1f\x7f\u0085\u2028\u2029]+")
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|>~])")
_MD_ENTITY = re.compile(r"&(?=#?\w+;)")
_BLANKS = re.compile(r"\n(?:[ \t]*\n){2,}")


def one_line(value: object) -> str:
    """``value`` as a single line: control characters and runs of whitespace become one space."""
    return " ".join(_CONTROL.sub(" ", str(value)).split())


def md_escape(value: object) -> str:
    """Markdown-escape a one-line value (``<`` and entity-like ``&`` become HTML entities, since
    Markdown converters pass raw HTML through)."""
    text = _MD_ENTITY.sub("&amp;", one_line(value)).replace("<", "&lt;")
    return _MD_SPECIAL.sub(r"\\\1", text)


def when(value: datetime | None) -> str:
    """``2024-05-01 09:30 UTC`` (naive datetimes are taken as UTC), or ``""``."""
    if value is None:
        return ""
    if value.tzinfo is not None:
        value = value.astimezone(UTC)
    return f"{value:%Y-%m-%d %H:%M} UTC"


@dataclass(frozen=True)
class Link:
    label: str
    url: str
    safe: bool  # http(s): may become an href


@dataclass(frozen=True)
class AlertView:
    """What the templates see of an alert: every string one line, dates formatted, links checked."""

    title: str
    headline: str
    ticker: str
    phase: str
    why: str
    best: str
    score: str
    band: str
    type: str
    commodities: str
    reason: str
    published: str
    price_sensitive: bool
    announcement: str
    links: tuple[Link, ...]

    @property
    def scoring(self) -> str:
        """``Score 62 (significant) · Type drilling · Au, Cu`` — the parts that are known."""
        parts = []
        if self.score:
            parts.append(f"Score {self.score}" + (f" ({self.band})" if self.band else ""))
        elif self.band:
            parts.append(f"Band {self.band}")
        if self.type:
            parts.append(f"Type {self.type}")
        if self.commodities:
            parts.append(self.commodities)
        return " · ".join(parts)


def view(a: Alert) -> AlertView:
    links = tuple(
        Link(_LINK_LABELS.get(name, one_line(name).capitalize()), one_line(url),
             one_line(url).lower().startswith(("http://", "https://")))
        for name, url in a.links if url
    )
    return AlertView(
        title=_title(a.title), headline=one_line(a.headline), ticker=one_line(a.ticker or ""), phase=a.phase,
        why=one_line(a.why), best=one_line(a.best or ""),
        score=f"{a.score:.0f}" if a.score is not None else "", band=one_line(a.band or ""),
        type=one_line(a.type or ""), commodities=", ".join(one_line(c) for c in a.commodities),
        reason=one_line(a.reason or ""), published=when(a.published_at), price_sensitive=bool(a.price_sensitive),
        announcement=one_line(a.announcement), links=links,
    )


def _band(a: Alert) -> str:
    band = (a.band or "").strip().lower()
    return band if band else UNSCORED


def groups(d: Digest) -> list[tuple[str, list[AlertView]]]:
    """The digest's alerts by band in :data:`BANDS` order (unknown bands next, unscored last), best first."""
    by_band: dict[str, list[Alert]] = {}
    for a in d.alerts:
        by_band.setdefault(_band(a), []).append(a)
    known = [b for b in BANDS if b in by_band]
    other = sorted(b for b in by_band if b not in BANDS and b != UNSCORED)
    order = known + other + ([UNSCORED] if UNSCORED in by_band else [])

    def best_first(a: Alert) -> tuple[float, float]:
        stamp = a.published_at or a.created_at
        ts = (stamp if stamp.tzinfo else stamp.replace(tzinfo=UTC)).timestamp() if stamp else 0.0
        return (-(a.score if a.score is not None else float("-inf")), -ts)

    return [(one_line(b), [view(a) for a in sorted(by_band[b], key=best_first)]) for b in order]


@cache
def _env() -> Environment:
    env = Environment(
        loader=PackageLoader("oresight.alerts", "data/templates"),
        autoescape=lambda name: not (name or "").endswith((".txt", ".md")),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = md_escape
    return env


def _render(template: str, **context: Any) -> str:
    out = _env().get_template(template).render(**context)
    if template.endswith((".txt", ".md")):  # at most one blank line in a row; one final newline
        out = _BLANKS.sub("\n\n", out).strip() + "\n"
    return out


def _title(title: str) -> str:
    line = one_line(title)
    return line if len(line) <= TITLE_LIMIT else line[: TITLE_LIMIT - 1].rstrip() + "…"


def _digest_context(d: Digest) -> dict[str, Any]:
    return {"title": _title(d.title), "rule": one_line(d.rule), "start": when(d.period_start),
            "end": when(d.period_end), "groups": groups(d), "count": len(d.alerts)}


def alert_text(a: Alert) -> str:
    return _render("alert.txt", a=view(a))


def alert_html(a: Alert) -> str:
    return _render("alert.html", a=view(a))


def alert_html_fragment(a: Alert) -> str:
    """The body of :func:`alert_html` without the document around it and the title (for feed entries)."""
    return _render("alert_part.html", a=view(a)).strip() + "\n"


def alert_markdown(a: Alert) -> str:
    return _render("alert.md", a=view(a))


def digest_text(d: Digest) -> str:
    return _render("digest.txt", **_digest_context(d))


def digest_html(d: Digest) -> str:
    return _render("digest.html", **_digest_context(d))


def digest_markdown(d: Digest) -> str:
    return _render("digest.md", **_digest_context(d))


def message_text(m: Message) -> str:
    return digest_text(m) if isinstance(m, Digest) else alert_text(m)


def message_html(m: Message) -> str:
    return digest_html(m) if isinstance(m, Digest) else alert_html(m)


def message_markdown(m: Message) -> str:
    return digest_markdown(m) if isinstance(m, Digest) else alert_markdown(m)


def message_title(m: Message) -> str:
    """The message's title on one line, at most :data:`TITLE_LIMIT` characters (fit for a Subject)."""
    return _title(m.title)
