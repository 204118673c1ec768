"""Readers for the public sanctions list files, in the formats their publishers use.

- **OFAC SDN, legacy delimited files** (US Treasury): ``SDN.CSV`` has no header and twelve fields per row
  (``ent_num, SDN_Name, SDN_Type, Program, Title, Call_Sign, Vess_type, Tonnage, GRT, Vess_flag, Vess_owner,
  Remarks``), ``-0-`` for an empty field; programs are joined as ``SDGT] [IFSR``; the file may end with a
  Ctrl-Z. ``ALT.CSV`` holds the aliases (``ent_num, alt_num, alt_type, alt_name, alt_remarks``). ``ADD.CSV``
  (addresses) and ``SDN_COMMENTS.CSV`` are recognised and left out (names only are matched).
- **OFAC SDN, legacy XML** (``SDN.XML``): ``<sdnList>`` with ``<publshInformation>`` (sic) and one
  ``<sdnEntry>`` per designation (``uid``, ``firstName``, ``lastName``, ``sdnType``, ``programList``,
  ``akaList``); the namespace varies between publications and is ignored. Weak aliases (``category`` weak)
  are left out, as they are from ``SDN.CSV`` (OFAC puts them in the remarks).
- **EU consolidated financial sanctions list** (Financial Sanctions Files 1.1): the CSV, ``;``-separated with
  a header row (``fileGenerationDate;Entity_LogicalId;...;NameAlias_WholeName;...``), one row per name,
  address, birth date or document of an entity, so an entity spans several rows; and the XML ``<export>``
  with one ``<sanctionEntity logicalId=...>`` per entity, its ``<subjectType code="person|enterprise">``,
  ``<regulation programme=...>`` and ``<nameAlias wholeName=... nameLanguage=...>`` elements.

:func:`read_list` reads the files of one list (detected from their content, or checked against ``list_name``)
into a :class:`~oresight.sanctions.model.SanctionsList`. Anything unusable raises
:class:`~oresight.exceptions.BadInput` with a one-line message naming the file; nothing is written anywhere.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from oresight.exceptions import BadInput

from .model import Alias, EntryKind, ListEntry, ListFile, SanctionsList

MAX_FILE_BYTES = 300 * 1024 * 1024  # the real lists are tens of MB
MAX_FIELD = 20_000  # characters kept of a remarks field
OFAC_NULL = "-0-"
SDN_FIELDS = 12
ALT_FIELDS = 5
_ALT_TYPES = {"aka", "fka", "nka"}
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")


@dataclass
class _Entry:
    ref: str
    name: str
    kind: EntryKind
    programs: list[str] = field(default_factory=list)
    aliases: list[Alias] = field(default_factory=list)
    remarks: str = ""

    def freeze(self, list_name: str) -> ListEntry:
        seen = {self.name.casefold()}
        aliases = []
        for a in self.aliases:
            key = a.name.casefold()
            if a.name and key not in seen:
                seen.add(key)
                aliases.append(a)
        return ListEntry(list_name=list_name, ref=self.ref, name=self.name, kind=self.kind, aliases=tuple(aliases),
                         programs=tuple(dict.fromkeys(p for p in self.programs if p)), remarks=self.remarks)


@dataclass
class _Read:
    """What one file gave: its list, its entries by ref (or aliases by ref, for ALT.CSV), a date, notes."""

    list_name: str
    format: str
    entries: dict[str, _Entry] = field(default_factory=dict)
    aliases: list[tuple[str, Alias]] = field(default_factory=list)
    published: str | None = None
    notes: list[str] = field(default_factory=list)


# -- entry point ------------------------------------------------------------------------------------------


def read_list(paths: Sequence[Path], list_name: str | None = None) -> SanctionsList:
    """Read the files of one list (``ofac``: SDN.CSV with ALT.CSV, and/or SDN.XML; ``eu``: the CSV or XML)."""
    if not paths:
        raise BadInput("no list file given")
    reads: list[tuple[Path, _Read, ListFile]] = []
    for path in paths:
        data = _read_bytes(path)
        read = _parse(path.name, data)
        reads.append((path, read, ListFile(path.name, len(data), hashlib.sha256(data).hexdigest(), read.format)))
    lists = {r.list_name for _, r, _ in reads}
    if len(lists) > 1:
        raise BadInput("these files are of different lists (" + ", ".join(
            f"{p.name}: {r.list_name}" for p, r, _ in reads) + "): load one list at a time")
    found = lists.pop()
    if list_name is not None and list_name != found:
        raise BadInput(f"{reads[0][0].name}: an {found.upper()} list file, not {list_name.upper()} (--list {list_name})")
    entries: dict[str, _Entry] = {}
    notes: list[str] = []
    published = None
    for _path, read, _file in reads:
        published = read.published or published
        notes.extend(read.notes)
        for ref, e in read.entries.items():
            have = entries.get(ref)
            if have is None:
                entries[ref] = e
            else:  # the same designation from SDN.CSV and SDN.XML: one entry with every name
                have.aliases.extend([Alias(e.name), *e.aliases])
                have.programs.extend(e.programs)
    orphans = 0
    for path, read, _file in reads:
        if read.format == "ofac-alt-csv" and not any(r.format in ("ofac-sdn-csv", "ofac-xml") for _, r, _ in reads):
            raise BadInput(f"{path.name}: ALT.CSV holds aliases only: load it together with its SDN.CSV")
        for ref, alias in read.aliases:
            if ref in entries:
                entries[ref].aliases.append(alias)
            else:
                orphans += 1
    if orphans:
        notes.append(f"{orphans} alias(es) refer to no entry of the list and were left out")
    if not entries:
        raise BadInput(", ".join(p.name for p in paths) + ": no list entry read: an empty list is not loaded")
    return SanctionsList(list_name=found, entries=tuple(e.freeze(found) for e in entries.values()),
                         files=tuple(f for _, _, f in reads), published=published, notes=tuple(notes))


def _read_bytes(path: Path) -> bytes:
    try:
        if not path.is_file():
            raise BadInput(f"{path}: no such file")
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise BadInput(f"{path.name}: {size / 1e6:.0f} MB is larger than any sanctions list file "
                           f"({MAX_FILE_BYTES // 2**20} MiB at most)")
        return path.read_bytes()
    except OSError as e:
        raise BadInput(f"{path}: cannot read: {e.strerror or e}") from None


def _parse(name: str, data: bytes) -> _Read:
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"<"):
        return _parse_xml(name, data)
    text = _decode(name, data)
    first = next((line for line in text.splitlines() if line.strip()), "")
    if not first:
        raise BadInput(f"{name}: empty file")
    if ";" in first and re.search(r"(?i)\bEntity_LogicalId\b", first):
        return _parse_eu_csv(name, text)
    row = next(csv.reader([first]), [])
    if row and row[0].strip().isdigit():
        n = len(row)
        if n == SDN_FIELDS:
            return _parse_sdn_csv(name, text)
        if n == ALT_FIELDS and row[2].strip().strip('"').lower() in _ALT_TYPES:
            return _parse_alt_csv(name, text)
        if n == 2 or (n == 6 and row[1].strip().isdigit()):
            # SDN_COMMENTS.CSV (ent_num, remarks), ADD.CSV (ent_num, add_num, address, city, country, remarks)
            what = "addresses (ADD.CSV)" if n == 6 else "remark overflow (SDN_COMMENTS.CSV)"
            return _Read("ofac", "ofac-ignored", notes=[f"{name}: OFAC {what}, not used for name matching"])
        raise BadInput(f"{name}: line 1 has {n} fields: not an OFAC SDN.CSV ({SDN_FIELDS} fields) "
                       f"or ALT.CSV ({ALT_FIELDS} fields)")
    raise BadInput(f"{name}: not a sanctions list file in a known format (OFAC SDN.CSV, ALT.CSV or SDN.XML; "
                   "EU consolidated list CSV or XML)")


def _decode(name: str, data: bytes) -> str:
    if b"\x00" in data[:4096]:
        raise BadInput(f"{name}: a binary file, not a list file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")  # older OFAC files are Windows-1252


def _clean(value: str | None, limit: int = 2000) -> str:
    v = " ".join((value or "").split())
    if v == OFAC_NULL:
        return ""
    return v[:limit]


# -- OFAC delimited files ----------------------------------------------------------------------------------


def _csv_rows(name: str, text: str, expected: int, what: str) -> Iterator[list[str]]:
    text = text.rstrip("\x1a \t\r\n")  # the legacy files end with a Ctrl-Z
    try:
        for row in csv.reader(io.StringIO(text, newline="")):
            if not row or (len(row) == 1 and not row[0].strip()):
                continue
            if len(row) != expected:
                raise BadInput(f"{name}: a row has {len(row)} fields, an OFAC {what} row has {expected}: {_clip(row)}")
            yield row
    except csv.Error as e:
        raise BadInput(f"{name}: not readable as CSV: {e}") from None


def _clip(row: list[str]) -> str:
    text = ",".join(row)
    return text[:80] + ("…" if len(text) > 80 else "")


def _ofac_kind(value: str) -> EntryKind:
    v = value.strip().lower()
    if v == "individual":
        return "person"
    if v in ("vessel", "aircraft"):
        return v  # type: ignore[return-value]
    return "entity"


def _programs(value: str) -> list[str]:
    return [p.strip(" []") for p in value.split("] [") if p.strip(" []")]


def _parse_sdn_csv(name: str, text: str) -> _Read:
    out = _Read("ofac", "ofac-sdn-csv")
    for row in _csv_rows(name, text, SDN_FIELDS, "SDN.CSV"):
        ref = row[0].strip()
        if not ref.isdigit():
            raise BadInput(f"{name}: ent_num {ref[:20]!r} is not a number: not an OFAC SDN.CSV row")
        sdn_name = _clean(row[1], 350)
        if not sdn_name:
            continue
        out.entries[ref] = _Entry(ref, sdn_name, _ofac_kind(_clean(row[2])), _programs(_clean(row[3], 500)),
                                  remarks=_clean(row[11], MAX_FIELD))
    return out


def _parse_alt_csv(name: str, text: str) -> _Read:
    out = _Read("ofac", "ofac-alt-csv")
    for row in _csv_rows(name, text, ALT_FIELDS, "ALT.CSV"):
        ref = row[0].strip()
        if not ref.isdigit():
            raise BadInput(f"{name}: ent_num {ref[:20]!r} is not a number: not an OFAC ALT.CSV row")
        alias = _clean(row[3], 350)
        if alias:
            out.aliases.append((ref, Alias(alias, _clean(row[2]).lower())))
    return out


# -- XML -------------------------------------------------------------------------------------------------


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _parse_xml(name: str, data: bytes) -> _Read:
    if re.search(rb"<!(?:DOCTYPE|ENTITY)", data[:65536]):
        raise BadInput(f"{name}: an XML file with a DTD: the sanctions list files have none")
    try:
        events = ET.iterparse(io.BytesIO(data), events=("start", "end"))
        _, root = next(events)
        kind = _local(root.tag)
        if kind == "sdnList":
            return _parse_sdn_xml(name, root, events)
        if kind == "export":
            return _parse_eu_xml(name, root, events)
    except ET.ParseError as e:
        raise BadInput(f"{name}: not well-formed XML ({e})") from None
    raise BadInput(f"{name}: XML with a <{kind[:40]}> root: not an OFAC <sdnList> or an EU <export> list file")


def _text(el: ET.Element, child: str) -> str:
    for c in el:
        if _local(c.tag) == child:
            return _clean(c.text)
    return ""


def _children(el: ET.Element, name: str) -> Iterator[ET.Element]:
    for c in el.iter():
        if _local(c.tag) == name:
            yield c


def _person_name(last: str, first: str) -> str:
    return f"{last}, {first}" if last and first else (last or first)


def _parse_sdn_xml(name: str, root: ET.Element, events: Iterator[tuple[str, ET.Element]]) -> _Read:
    out = _Read("ofac", "ofac-xml")
    weak = 0
    for event, el in events:
        if event != "end":
            continue
        tag = _local(el.tag)
        if tag == "Publish_Date":
            out.published = _date(_clean(el.text), month_first=True)
        elif tag == "sdnEntry":
            ref = _text(el, "uid")
            kind = _ofac_kind(_text(el, "sdnType"))
            full = _person_name(_text(el, "lastName"), _text(el, "firstName"))
            if ref and full:
                entry = _Entry(ref, full, kind, [_clean(p.text) for p in _children(el, "program")],
                               remarks=_text(el, "remarks")[:MAX_FIELD])
                for aka in _children(el, "aka"):
                    if _text(aka, "category").lower() == "weak":
                        weak += 1
                        continue
                    alias = _person_name(_text(aka, "lastName"), _text(aka, "firstName"))
                    if alias:
                        entry.aliases.append(Alias(alias, _aka_kind(_text(aka, "type"))))
                out.entries[ref] = entry
            root.clear()  # keep memory flat on the full list
    if weak:
        out.notes.append(f"{name}: {weak} weak alias(es) left out (OFAC's weak a.k.a.s are not screened)")
    return out


def _aka_kind(value: str) -> str:
    v = value.lower().replace(".", "")
    return v if v in _ALT_TYPES else (v or "aka")


def _latin_first(names: list[Alias]) -> int:
    """The index of the name to show: the first in Latin script, else the first."""
    for i, a in enumerate(names):
        if not _CYRILLIC.search(a.name) and not _HAN.search(a.name) and any(c.isascii() and c.isalpha() for c in a.name):
            return i
    return 0


def _eu_kind(code: str) -> EntryKind:
    return "person" if code.strip().lower() in ("person", "p") else "entity"


def _parse_eu_xml(name: str, root: ET.Element, events: Iterator[tuple[str, ET.Element]]) -> _Read:
    out = _Read("eu", "eu-xml", published=_date(root.get("generationDate", ""), month_first=False))
    for event, el in events:
        if event != "end" or _local(el.tag) != "sanctionEntity":
            continue
        ref = (el.get("logicalId") or el.get("euReferenceNumber") or "").strip()
        names: list[Alias] = []
        kind: EntryKind = "entity"
        programs: list[str] = []
        remarks: list[str] = []
        for c in el:
            tag = _local(c.tag)
            if tag == "nameAlias":
                whole = _clean(c.get("wholeName")) or _clean(
                    " ".join(x for x in (c.get("firstName"), c.get("middleName"), c.get("lastName")) if x))
                if whole:
                    names.append(Alias(whole, (c.get("nameLanguage") or "").strip()))
            elif tag == "subjectType":
                kind = _eu_kind(c.get("code") or c.get("classificationCode") or "")
            elif tag == "regulation" and c.get("programme"):
                programs.append(_clean(c.get("programme")))
            elif tag == "remark" and c.text:
                remarks.append(_clean(c.text))
        if ref and names:
            main = names.pop(_latin_first(names))
            out.entries[ref] = _Entry(ref, main.name, kind, programs, names, " ".join(remarks)[:MAX_FIELD])
        root.clear()
    return out


# -- EU CSV ------------------------------------------------------------------------------------------------


def _parse_eu_csv(name: str, text: str) -> _Read:
    out = _Read("eu", "eu-csv")
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=";")
        header = [h.strip().lower() for h in next(reader)]
        col = {h: i for i, h in enumerate(header)}
        if "entity_logicalid" not in col or "namealias_wholename" not in col:
            raise BadInput(f"{name}: an EU list CSV needs the columns Entity_LogicalId and NameAlias_WholeName")

        def get(row: list[str], key: str) -> str:
            i = col.get(key)
            return _clean(row[i]) if i is not None and i < len(row) else ""

        names: dict[str, list[Alias]] = {}
        for row in reader:
            if not any(c.strip() for c in row):
                continue
            ref = get(row, "entity_logicalid")
            if not ref:
                raise BadInput(f"{name}: a row without Entity_LogicalId: {_clip(row)}")
            if out.published is None and get(row, "filegenerationdate"):
                out.published = _date(get(row, "filegenerationdate"), month_first=False)
            e = out.entries.get(ref)
            if e is None:
                code = get(row, "entity_subjecttype_classificationcode") or get(row, "entity_subjecttype")
                e = out.entries[ref] = _Entry(ref, "", _eu_kind(code))
                names[ref] = []
            programme = get(row, "entity_regulation_programme")
            if programme and programme not in e.programs:
                e.programs.append(programme)
            remark = get(row, "entity_remark")
            if remark and remark not in e.remarks:
                e.remarks = (e.remarks + " " + remark).strip()[:MAX_FIELD]
            whole = get(row, "namealias_wholename")
            if whole and all(a.name != whole for a in names[ref]):
                names[ref].append(Alias(whole, get(row, "namealias_namelanguage")))
    except csv.Error as e:
        raise BadInput(f"{name}: not readable as CSV: {e}") from None
    except StopIteration:
        raise BadInput(f"{name}: empty file") from None
    for ref, aliases in names.items():
        if not aliases:
            del out.entries[ref]
            continue
        main = aliases.pop(_latin_first(aliases))
        out.entries[ref].name = main.name
        out.entries[ref].aliases = aliases
    return out


# -- dates -------------------------------------------------------------------------------------------------


def _date(value: str, *, month_first: bool) -> str | None:
    """An ISO date from the list's own date (OFAC: MM/DD/YYYY; EU: ISO or DD/MM/YYYY), else the text as given."""
    v = value.strip()
    if not v:
        return None
    try:
        return datetime.fromisoformat(v.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        pass
    for fmt in (("%m/%d/%Y", "%d/%m/%Y") if month_first else ("%d/%m/%Y", "%m/%d/%Y")):
        try:
            return datetime.strptime(v, fmt).date().isoformat()
        except ValueError:
            continue
    return unicodedata.normalize("NFKC", v)[:40]


def sniff(paths: Iterable[Path]) -> list[tuple[Path, str]]:
    """Each file's list and format as :func:`read_list` would read it (for messages and tests)."""
    out = []
    for p in paths:
        read = _parse(p.name, _read_bytes(p))
        out.append((p, f"{read.list_name}:{read.format}"))
    return out
