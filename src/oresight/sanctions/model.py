"""The values of sanctions screening: list entries as loaded, a parsed list, name mentions found in a document,
matches of a name against the list, and flags on documents. Frozen, and free of I/O."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from oresight.model import Span

ListName = Literal["ofac", "eu"]
LIST_NAMES: tuple[ListName, ...] = ("ofac", "eu")
LIST_TITLES: dict[str, str] = {
    "ofac": "OFAC SDN list (US Treasury)",
    "eu": "EU consolidated financial sanctions list",
}
EntryKind = Literal["person", "entity", "vessel", "aircraft"]
DocumentKind = Literal["announcement", "statement"]


@dataclass(frozen=True, slots=True)
class Alias:
    """Another name of a list entry: ``kind`` is what the list calls it (``aka``, ``fka``, ``nka``, or the
    EU's name language such as ``RU``), empty when the list does not say."""

    name: str
    kind: str = ""


@dataclass(frozen=True, slots=True)
class NameKey:
    """A normalised spelling of a name (oresight.sanctions.normalise): its skeleton words and those words joined
    (``compact``). ``optional`` holds the indexes of words that may be missing from another spelling (patronymics)."""

    tokens: tuple[str, ...]
    compact: str
    optional: frozenset[int] = frozenset()


@dataclass(frozen=True, slots=True)
class ListEntry:
    """One designation: ``ref`` is the list's own identifier (OFAC ``ent_num``/``uid``, EU ``logicalId``).
    ``keys``, when given, holds the normalised spellings of each of :attr:`names` (computed once at load time)."""

    list_name: str
    ref: str
    name: str
    kind: EntryKind
    aliases: tuple[Alias, ...] = ()
    programs: tuple[str, ...] = ()
    remarks: str = ""
    keys: tuple[tuple[NameKey, ...], ...] | None = field(default=None, compare=False, repr=False)

    @property
    def names(self) -> tuple[str, ...]:
        """The primary name, then every alias (duplicates left out)."""
        seen: dict[str, None] = {self.name: None}
        for a in self.aliases:
            seen.setdefault(a.name, None)
        return tuple(seen)

    def to_json(self) -> dict[str, Any]:
        return {"list": self.list_name, "ref": self.ref, "name": self.name, "kind": self.kind,
                "aliases": [{"name": a.name, "kind": a.kind} for a in self.aliases],
                "programs": list(self.programs), "remarks": self.remarks}


@dataclass(frozen=True, slots=True)
class ListFile:
    """A file a list was read from: its name (no folder), size and SHA-256, and the format it was read as."""

    name: str
    size: int
    sha256: str
    format: str  # ofac-sdn-csv, ofac-alt-csv, ofac-xml, ofac-ignored, eu-csv, eu-xml


@dataclass(frozen=True, slots=True)
class SanctionsList:
    """A list read from its files: ``published`` is the list's own date when the files carry one."""

    list_name: str
    entries: tuple[ListEntry, ...]
    files: tuple[ListFile, ...]
    published: str | None = None
    notes: tuple[str, ...] = ()

    @property
    def name_count(self) -> int:
        return sum(len(e.names) for e in self.entries)


@dataclass(frozen=True, slots=True)
class Mention:
    """A run of words in a document that may name an organisation or a person: its text, where it stands
    (``Span``: page, start, end into that page's text), and the role the nearest cue gives it (``buyer``,
    ``partner``, ``shareholder``, ``financier``), or None when no cue is near."""

    surface: str
    span: Span
    role: str | None = None
    cue: str | None = None


@dataclass(frozen=True, slots=True)
class Match:
    """A name matched against a list entry: ``matched_name`` is the entry's name or alias that scored best,
    ``query`` the text that was compared (a mention may be narrowed to the words that match), ``score`` 0-100."""

    entry: ListEntry
    matched_name: str
    query: str
    score: float


@dataclass(frozen=True, slots=True)
class Flag:
    """A match of a name in a document: the document, the mention (text, span, role) and the list entry."""

    document_kind: str
    document_id: int
    match: Match
    mention: Mention
    load_id: int | None = None

    def to_json(self) -> dict[str, Any]:
        e = self.match.entry
        return {"document_kind": self.document_kind, "document_id": self.document_id,
                "list": e.list_name, "entry_ref": e.ref, "entry_name": e.name, "entry_kind": e.kind,
                "programs": list(e.programs), "matched_name": self.match.matched_name,
                "surface": self.mention.surface, "role": self.mention.role,
                "span": {"page": self.mention.span.page, "start": self.mention.span.start,
                         "end": self.mention.span.end},
                "score": round(self.match.score, 1), "load_id": self.load_id}


@dataclass(frozen=True, slots=True)
class StoredFlag:
    """A flag as the store keeps it (the entry's name, kind and programs copied at flagging time, so a flag
    still reads right after the list is reloaded)."""

    id: int
    document_kind: str
    document_id: int
    list_name: str
    entry_ref: str
    entry_name: str
    entry_kind: str
    programs: tuple[str, ...]
    matched_name: str
    surface: str
    role: str | None
    span: Span
    score: float
    load_id: int | None
    flagged_at: Any = field(default=None)  # datetime (UTC)

    @property
    def list_title(self) -> str:
        return LIST_TITLES.get(self.list_name, self.list_name)

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "document_kind": self.document_kind, "document_id": self.document_id,
                "list": self.list_name, "entry_ref": self.entry_ref, "entry_name": self.entry_name,
                "entry_kind": self.entry_kind, "programs": list(self.programs), "matched_name": self.matched_name,
                "surface": self.surface, "role": self.role,
                "span": {"page": self.span.page, "start": self.span.start, "end": self.span.end},
                "score": self.score, "load_id": self.load_id,
                "flagged_at": self.flagged_at.isoformat() if self.flagged_at is not None else None}


@dataclass(frozen=True, slots=True)
class ListLoad:
    """A recorded load of a list: when, from which files, how many entries and names; ``current`` is True for
    the load whose entries are in the store now (each new load of a list replaces the previous one's)."""

    id: int
    list_name: str
    files: tuple[ListFile, ...]
    published: str | None
    loaded_at: Any  # datetime (UTC)
    entries: int
    names: int
    current: bool
