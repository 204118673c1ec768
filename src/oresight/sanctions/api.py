"""The JSON shape of a sanctions flag in the HTTP API (``GET /api/announcements/{id}``: ``sanctions``)."""

from __future__ import annotations

from pydantic import BaseModel, Field

from .model import StoredFlag


class SpanOut(BaseModel):
    page: int
    start: int
    end: int


class SanctionsFlagOut(BaseModel):
    list_name: str = Field(description="ofac (OFAC SDN list) or eu (EU consolidated financial sanctions list)")
    entry_ref: str = Field(description="the list's identifier of the entry (OFAC ent_num, EU logicalId)")
    entry_name: str
    entry_kind: str = Field(description="person or entity")
    programs: list[str]
    matched_name: str = Field(description="the entry's name or alias that matched")
    surface: str = Field(description="the words of the document that matched")
    role: str | None = Field(description="buyer, partner, shareholder or financier, from the nearest cue; null if none")
    span: SpanOut = Field(description="where the words stand: page (1-based), start and end into the page's text")
    score: float = Field(description="0-100; a flag is stored at the matching threshold or above")
    flagged_at: str | None


def flag_out(f: StoredFlag) -> SanctionsFlagOut:
    return SanctionsFlagOut(list_name=f.list_name, entry_ref=f.entry_ref, entry_name=f.entry_name, entry_kind=f.entry_kind,
                            programs=list(f.programs), matched_name=f.matched_name, surface=f.surface, role=f.role,
                            span=SpanOut(page=f.span.page, start=f.span.start, end=f.span.end), score=f.score,
                            flagged_at=f.flagged_at.isoformat() if f.flagged_at is not None else None)
