"""Names found in documents, lists in the store (replace-on-reload, history, failed loads), flags on documents,
the scan of stored documents, and the flags on the announcement page."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from oresight.assess import assess
from oresight.exceptions import StorageError
from oresight.pipeline import analyse_text
from oresight.sanctions import Matcher, find_mentions, flag_document, read_list, scan, screen_pages
from oresight.sanctions.normalise import keys_version
from oresight.store import Store

DATA = Path(__file__).parent / "data" / "sanctions"

RELEASE = """Kestrel Gold Limited (ASX: KGL)
Binding offtake agreement signed for Boomerang concentrate

Kestrel Gold Limited is pleased to announce a binding offtake agreement with Norvik Metals Trading, LLC for
100% of the concentrate. The placement was taken up by the Company's major shareholder, Mr Sergei Kuznetsov.
The Company also signed a memorandum of understanding with ООО «Кварц-Ресурс» and with 金龙矿业有限公司.
The vessel Severnaya Zvezda will carry the concentrate. Narva Shipping is unrelated.
Hole KRC001 returned 13m @ 3.95g/t Au from 35m.
\f
Funding for the plant is provided by a loan from Sibirsky Redkozemelny Zavod.
"""


def test_mentions_carry_their_role_and_span() -> None:
    page = RELEASE.split("\f")[0]
    found = {m.surface: m for m in find_mentions(page, page=1)}
    assert found["Norvik Metals Trading, LLC"].role == "buyer"
    assert found["Mr Sergei Kuznetsov"].role == "shareholder"
    assert found["ООО «Кварц-Ресурс»"].role == "partner"
    assert found["金龙矿业有限公司"].role == "partner"
    for m in found.values():
        assert page[m.span.start : m.span.end] == m.surface and m.span.page == 1
    assert not any("Boomerang concentrate" in s for s in found)  # no cue, no organisation word: not screened
    loan = find_mentions(RELEASE.split("\f")[1], page=2)
    assert [(m.surface, m.role) for m in loan] == [("Sibirsky Redkozemelny Zavod", "financier")]


def test_a_sentence_full_stop_is_not_part_of_a_name() -> None:
    (m,) = find_mentions("The loan is provided by Bank of Siberia.")
    assert m.surface == "Bank of Siberia" and m.role == "financier"
    (m,) = find_mentions("Offtake with Norvik Metals Co.")
    assert m.surface == "Norvik Metals Co."


@pytest.fixture
def store(database) -> Iterator[Store]:
    s = Store(database.url, schema=database.schema)
    s.migrate()
    yield s
    s.close()


def _load(store: Store, *names: str) -> int:
    return store.replace_sanctions_list(read_list([DATA / n for n in names])).id


def test_reload_replaces_the_lists_entries_and_keeps_a_record(store: Store) -> None:
    first = _load(store, "SDN.CSV", "ALT.CSV")
    _load(store, "eu_consolidated.csv")
    assert len(store.sanctions_entries("ofac")) == 7
    second = _load(store, "SDN.XML")
    assert sorted(e.ref for e in store.sanctions_entries("ofac")) == ["91001", "91002", "91005"]
    assert len(store.sanctions_entries("eu")) == 4  # another list's entries are untouched
    loads = store.sanctions_loads()
    assert [(x.id, x.list_name, x.current) for x in loads if x.list_name == "ofac"] == [(second, "ofac", True),
                                                                                         (first, "ofac", False)]
    ofac = next(x for x in loads if x.id == first)
    assert [f.name for f in ofac.files] == ["SDN.CSV", "ALT.CSV"] and (ofac.entries, ofac.names) == (7, 12)
    assert next(x for x in loads if x.id == second).published == "2026-11-28"
    assert store.sanctions_current() == {"ofac": second, "eu": store.sanctions_current()["eu"]}
    # the normalised spellings are stored with the entries and come back with them
    e = next(e for e in store.sanctions_entries("eu") if e.ref == "80001")
    assert e.keys is not None and [" ".join(k.tokens) for k in e.keys[0]] == ["sibirski redkozemelni zavod"]
    assert keys_version()


def test_a_failed_load_loses_nothing(store: Store) -> None:
    """A load that fails after the old entries were deleted (here: the database refuses two entries with one
    ref) is rolled back whole: the old entries stay, and no load is recorded."""
    _load(store, "SDN.CSV", "ALT.CSV")
    before = store.sanctions_entries("ofac")
    parsed = read_list([DATA / "SDN.XML"])
    twice = replace(parsed, entries=(*parsed.entries, parsed.entries[0]))
    with pytest.raises(StorageError):
        store.replace_sanctions_list(twice)
    assert store.sanctions_entries("ofac") == before
    assert len(store.sanctions_loads("ofac")) == 1


def _add(store: Store, text: str, name: str) -> int:
    analysis = analyse_text(text, name)
    ann_id, _ = store.add(analysis, source=name)
    store.set_assessment(ann_id, assess(analysis).to_json())
    return ann_id


def test_flag_document_stores_flags_with_entry_span_and_role(store: Store) -> None:
    ann = _add(store, RELEASE, "kgl.txt")
    assert flag_document(store, "announcement", ann, RELEASE) == []  # no list loaded: nothing to flag
    assert store.sanctions_flags("announcement", ann) == []
    _load(store, "SDN.CSV", "ALT.CSV")
    _load(store, "eu_consolidated.xml")
    stored = store.get(ann)
    assert stored is not None and stored.text is not None
    flags = flag_document(store, "announcement", ann, stored.text, stored.page_count)
    got = {(f.list_name, f.entry_ref): f for f in store.sanctions_flags("announcement", ann)}
    assert len(got) == len(flags)
    assert set(got) == {("ofac", "91001"), ("ofac", "91002"), ("eu", "80003"), ("eu", "80001")}
    norvik = got[("ofac", "91001")]
    assert (norvik.role, norvik.entry_name, norvik.score) == ("buyer", "NORVIK METALS TRADING LLC", 100.0)
    pages = stored.text.split("\n\f")
    assert pages[norvik.span.page - 1][norvik.span.start : norvik.span.end] == norvik.surface
    plant = got[("eu", "80001")]
    assert plant.span.page == 2 and plant.role == "financier" and plant.surface == "Sibirsky Redkozemelny Zavod"
    assert got[("ofac", "91002")].role == "shareholder" and got[("ofac", "91002")].entry_kind == "person"
    # vessels are not screened in documents; the EU XML has no Kvarts-Resurs entry
    assert ("ofac", "91005") not in got


def test_a_new_document_without_a_match_writes_nothing(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    _load(store, "SDN.CSV", "ALT.CSV")
    writes: list[int] = []
    real = store.set_sanctions_flags
    monkeypatch.setattr(store, "set_sanctions_flags", lambda kind, doc_id, flags: writes.append(doc_id) or real(
        kind, doc_id, flags))
    assert flag_document(store, "announcement", 7, "Emu Resources Ltd drilled 2m @ 1.2g/t Au.", new=True) == []
    assert writes == []
    assert flag_document(store, "announcement", 7, "Emu Resources Ltd drilled 2m @ 1.2g/t Au.") == []
    assert writes == [7]  # a document screened again has its old flags replaced, even by none


def test_scan_screens_stored_documents_again(store: Store) -> None:
    flagged_id = _add(store, RELEASE, "kgl.txt")
    clean_id = _add(store, "Emu Resources Ltd (ASX: EMU)\nDrilling update\nHole EMU1 returned 2m @ 1.2g/t Au.", "emu.txt")
    assert scan(store) is None  # no list loaded
    _load(store, "SDN.CSV", "ALT.CSV")
    result = scan(store)
    assert result is not None
    assert result.documents["announcement"] == 2 and result.flagged["announcement"] == 1
    assert {f.entry_ref for f in store.sanctions_flags("announcement", flagged_id)} == {"91001", "91002"}
    assert store.sanctions_flags("announcement", clean_id) == []
    _load(store, "SDN.XML")  # a reload without Norvik's alias... and without nothing else: flags are recomputed
    store.set_sanctions_flags("announcement", clean_id, [])
    again = scan(store, ["announcement"])
    assert again is not None and again.flags == len(store.sanctions_flags("announcement", flagged_id))
    assert store.flagged_documents() == [("announcement", flagged_id, again.flags, 100.0)]


def test_statements_are_screened_too(store: Store) -> None:
    """Flags are per document kind: a stored statement (oresight policy) is screened by scan like an announcement."""
    statements = pytest.importorskip("oresight.store._statements")
    text = "The Ministry signed a cooperation agreement with ООО «Кварц-Ресурс» on rare earth processing."
    new = statements.NewStatement(
        sha256="ab" * 32, source="s.txt", title="Directive", issuer="Ministry", issuer_key="ministry", stated_on=None,
        commodities=(), countries=(), text=text, fingerprint=b"", substance=0.0, claims_score=None,
        novelty_score=None, label="", verdict="", report={})
    statement_id, _ = store.add_statement(new)
    _load(store, "eu_consolidated.csv")
    result = scan(store)
    assert result is not None and result.documents["statement"] == 1 and result.flagged["statement"] == 1
    (flag,) = store.sanctions_flags("statement", statement_id)
    assert (flag.entry_ref, flag.role, flag.surface) == ("80004", "partner", "ООО «Кварц-Ресурс»")
    assert store.sanctions_flags("announcement", statement_id) == []


def test_flags_on_the_announcement_page_are_escaped(store: Store) -> None:
    from oresight.web.dashboard import _environment, document_view

    hostile = RELEASE.replace("Norvik Metals Trading, LLC", "Norvik <script>alert(1)</script> Metals Trading, LLC")
    ann = _add(store, hostile, "hostile.txt")
    _load(store, "SDN.CSV", "ALT.CSV")
    store.replace_sanctions_list(read_list([DATA / "eu_consolidated.csv"]))
    stored = store.get(ann)
    assert stored is not None and stored.text is not None
    flag_document(store, "announcement", ann, stored.text, stored.page_count)
    flags = store.sanctions_flags("announcement", ann)
    view = store.announcement_view(ann)
    assert view is not None and flags
    env = _environment()
    env.filters["when"] = lambda value, fmt="%Y-%m-%d": value.strftime(fmt) if value else ""
    a = view.assessment or {}
    common = dict(csrf_token="t", charts=[], charts_js=False, path="/", timezone="UTC", title="t", card=view.card,
                  stored=view.stored, doc=document_view(view.stored, view.assessment), assessment=a,
                  significance=a["significance"], kind=a["type"], reporting=a["reporting"], novelty=a["novelty"],
                  similar_id=None, related=[])  # as the announcement route passes them
    html = env.get_template("announcement.html").render(**common, sanctions_flags=flags)
    assert 'id="sanctions"' in html and "Sanctions screening: " in html
    assert "ООО «Кварц-Ресурс»" in html and "Kvarts-Resurs LLC" in html and "EU consolidated" in html
    assert "<script>alert(1)</script>" not in html
    assert 'href="#page-1"' in html
    assert 'id="sanctions"' not in env.get_template("announcement.html").render(**common)  # no flags: no section


_MATCHER = Matcher(read_list([DATA / "SDN.CSV", DATA / "ALT.CSV"]).entries + read_list([DATA / "eu_consolidated.csv"]).entries)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300)
       .map(lambda t: f"Offtake with {t} and Mr {t[::-1]} «{t[:9]}» ООО “Norvik Metals” 金龙矿业有限公司"))
def test_screening_never_raises_and_spans_hold_the_surface(text: str) -> None:
    for mention, match in screen_pages([text], _MATCHER):
        assert text[mention.span.start : mention.span.end] == mention.surface
        assert 0 < match.score <= 100
    for m in find_mentions(text):
        assert text[m.span.start : m.span.end] == m.surface


def test_new_announcements_are_screened_when_stored_by_ingest_and_by_the_watcher_path(store: Store) -> None:
    from oresight.assess.novelty import fingerprint
    from oresight.assess.service import Assessor

    assessor = Assessor(store)
    quiet = analyse_text("Quiet Gold Limited (ASX: QGL)\nHole QRC001 returned 4m @ 1.2g/t Au from 10m.\n", "q.txt")
    before_list, created, _ = assessor.ingest(quiet, source="q.txt")
    assert created and store.sanctions_flags("announcement", before_list) == []  # no list: nothing to screen
    _load(store, "SDN.CSV", "ALT.CSV")
    ann, created, _ = assessor.ingest(analyse_text(RELEASE, "kgl.txt"), source="kgl.txt")  # the CLI's path
    assert created and {f.entry_ref for f in store.sanctions_flags("announcement", ann)} == {"91001", "91002"}
    other = analyse_text(RELEASE.replace("Kestrel Gold Limited (ASX: KGL)", "Osprey Gold Limited (ASX: OGL)"),
                         "ogl.txt")
    batch = [(other, "ogl.txt", None, assess(other), fingerprint(other.document.text))]
    (ann2, created2, _), = assessor.ingest_assessed(batch)  # the watcher's path
    assert created2 and {f.entry_ref for f in store.sanctions_flags("announcement", ann2)} == {"91001", "91002"}
    assert assessor.ingest_assessed(batch)[0][:2] == (ann2, False)  # stored before: not screened again
