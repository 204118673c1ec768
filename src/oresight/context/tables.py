"""The dossiers and reference loads as rich tables for the CLI (``oresight dossier``, ``oresight reference``).
Every number is followed by the ids of the reference rows it cites (``[12]``); the last table lists those rows
with their source, edition, data year and place in their file."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.markup import escape as esc
from rich.table import Table

from .analytics import stage_label

if TYPE_CHECKING:
    from oresight.store._context import ReferenceLoad

    from .loader import UpdateReport

Json = dict[str, Any]


def number(value: float | None, unit: str = "") -> str:
    """A figure's value as people read it (tonnes with separators, shares with one decimal)."""
    if value is None:
        return "NA"
    if unit == "%":
        return f"{value:.1f}%" if abs(value) >= 0.1 or value == 0 else f"{value:.2g}%"
    if unit == "×":
        return f"{value:.2f}×"
    if unit == "HHI":
        return f"{value:,.0f}"
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}" + (f" {unit}" if unit and unit != "t" else "")
    return f"{value:,.3g}" if abs(value) < 1000 else f"{value:,.0f}"


def fig(f: Json | None, *, refs: bool = True) -> str:
    """A figure with its row ids: ``3,800,000 [49]``."""
    if not f:
        return "-"
    text = number(f.get("value"), str(f.get("unit") or ""))
    if f.get("qualifier") in ("lower_bound",):
        text = ">" + text
    ids = f.get("refs") or []
    return text + (" [" + ",".join(str(i) for i in ids) + "]" if ids and refs else "")


class _Titled(Table):
    """A table whose title is printed on its own line above it (not wrapped to the table's width)."""

    heading: str = ""


def _table(title: str, *columns: str) -> _Titled:
    t = _Titled()
    t.heading = title
    for c in columns:
        t.add_column(c, overflow="fold")
    return t


def _print(console: Console, t: _Titled) -> None:
    if t.heading:
        console.print(f"[b]{esc(t.heading)}[/b]", soft_wrap=True)
    console.print(t)


def _shares_table(console: Console, title: str, shares: Json | None) -> None:
    if not shares:
        console.print(f"[dim]No {esc(title.lower())} figures.[/dim]")
        return
    t = _table(f"{title}: {shares['edition']}, data year {shares['data_year']} (world: {shares['world_basis']})",
               "country", f"figure ({shares['unit']})", "share of world")
    for c in shares["countries"]:
        t.add_row(esc(c["country"]), fig(c["value"]), fig(c["share_pct"]))
    t.add_row("[b]World[/b]", fig(shares["world"]), "")
    _print(console, t)
    _concentration(console, shares.get("concentration"))


def _concentration(console: Console, c: Json | None) -> None:
    if c:
        console.print(f"  concentration: HHI {fig(c['hhi'], refs=False)}, top-1 {esc(c['top1'])} "
                      f"{fig(c['top1_pct'], refs=False)}, top-3 {fig(c['top3_pct'], refs=False)} "
                      f"({esc(', '.join(c['top3']))}); over {fig(c['covered_pct'], refs=False)} of the world "
                      f"(from rows {','.join(str(i) for i in c['hhi']['refs'])})", soft_wrap=True)


def _refs(console: Console, refs: Json) -> None:
    if not refs:
        return
    t = _table("Reference rows cited", "id", "file, line", "edition", "data year", "figure", "source")
    for i, r in refs.items():
        t.add_row(i, esc(f"{r['dataset']}:{r['line']}"), esc(r["edition"]), esc(r["data_year"]),
                  esc(f"{number(r['value'], r['unit'])}{'' if r['unit'] == '%' else ' ' + r['unit']} {r['qualifier']}".strip()),
                  esc(r["source"]))
    _print(console, t)


def _claims(console: Console, claims: Sequence[Json]) -> None:
    if not claims:
        return
    t = _table("National claims against USGS", "claim", "claimed (t)", "USGS (edition)", "ratio",
               "share of world if true", "USGS share of world")
    for c in claims:
        check = c.get("check") or {}
        t.add_row(esc(c["edition"]), fig(c["claim"]),
                  (fig(check.get("independent")) + f" ({esc(check.get('edition', ''))})") if check else "-",
                  fig(check.get("ratio")), fig(check.get("share_of_world_claimed")),
                  fig(check.get("share_of_world_independent")))
    _print(console, t)


def _announcements(console: Console, cards: Sequence[Json]) -> None:
    if not cards:
        return
    t = _table("Announcements", "id", "when", "ticker", "score", "title")
    for c in cards:
        t.add_row(str(c["id"]), c["when"][:10], esc(c["ticker"] or ""),
                  "" if c["score"] is None else f"{c['score']:.0f}", esc(c["title"]))
    _print(console, t)


def print_commodity(console: Console, d: Json) -> None:
    console.print(f"[b]{esc(d['name'])}[/b] ({esc(d['commodity'])}): dossier from the reference data")
    _shares_table(console, "Reserves", d["reserves"])
    editions = d["editions"]
    if d["reserves_history"] and editions:
        t = _table("Reserves by edition (t)", "country", *editions)
        for h in d["reserves_history"]:
            by = {p["edition"]: p["value"] for p in h["points"]}
            t.add_row(esc(h["country"]), *(fig(by.get(e)) for e in editions))
        by = {p["edition"]: p["value"] for p in d["world_reserves_history"]}
        t.add_row("[b]World[/b]", *(fig(by.get(e)) for e in editions))
        _print(console, t)
    _claims(console, d["claims"])
    _shares_table(console, "Mine production", d["production"])
    for st in d["stages"]:
        t = _table(f"{st['label']}: {st['data_year']} ({st['source'][:80]})", "country", "share")
        for s in st["shares"]:
            t.add_row(esc(s["country"]), fig(s["share_pct"]))
        _print(console, t)
        _concentration(console, st.get("concentration"))
        if st["other_estimates"]:
            console.print("  other estimates: " + "; ".join(
                f"{esc(o['country'])} {fig(o['share_pct'])} ({esc(o['data_year'])})" for o in st["other_estimates"]),
                soft_wrap=True)
    _announcements(console, d["announcements"])
    _refs(console, d["refs"])


def print_country(console: Console, d: Json) -> None:
    console.print(f"[b]{esc(d['country'])}[/b]: dossier from the reference data")
    for s in d["commodities"]:
        t = _table(f"{s['name']}", "figure", "latest", "share of world", "rank", "edition, year", "by edition")
        for label in ("reserves", "production"):
            part = s[label]
            latest = part["latest"] or {}
            past = ", ".join(f"{p['edition']}: {fig(p['value'])}" for p in part["history"])
            t.add_row(label, fig(latest.get("value")), fig(latest.get("share_pct")), str(latest.get("rank") or ""),
                      esc(f"{latest.get('edition', '')} {latest.get('data_year', '')}".strip()), esc(past))
        if any(s[label]["latest"] or s[label]["history"] for label in ("reserves", "production")):
            _print(console, t)
        else:
            console.print(f"[b]{esc(s['name'])}[/b]")
        _claims(console, s["claims"])
        if s["stages"]:
            st = _table(f"{s['name']}: supply-chain stages", "stage", "share", "rank", "data year", "stage HHI",
                        "source")
            for x in s["stages"]:
                conc = x.get("concentration") or {}
                st.add_row(esc(stage_label(x["stage"])), fig(x["share_pct"]), str(x["rank"] or ""),
                           esc(x["data_year"]), fig(conc.get("hhi")), esc(x["source"][:80]))
            _print(console, st)
    _announcements(console, d["announcements"])
    _refs(console, d["refs"])


def print_update(console: Console, report: UpdateReport) -> None:
    load = report.load
    again = " (this file was loaded before)" if report.loaded_before else ""
    console.print(f"{esc(load.dataset)}: {report.layout}{again}; editions {esc(', '.join(load.editions))}: "
                  f"{load.rows_added} figures added, {load.rows_kept} already stored, {load.conflicts_count} differ from "
                  f"the stored figure (the stored one is kept), {report.skipped} records passed over", soft_wrap=True)
    if load.conflicts:
        t = _table("Figures that differ from the stored ones (kept as stored; load the file as another edition, "
                   "e.g. --edition 'MCS 2026 v2', to keep both)", "edition", "commodity", "country", "metric",
                   "year", "in the file", "stored")
        for new, old in load.conflicts[:30]:
            t.add_row(esc(new.edition), esc(new.commodity), esc(new.country_key), esc(new.metric), esc(new.data_year),
                      number(new.value, new.unit), number(old.value, old.unit) + f" [{old.id}]")
        _print(console, t)


def print_loads(console: Console, files: Sequence[tuple[str, int, str]], loads: Sequence[ReferenceLoad]) -> None:
    t = _table("Shipped reference files (oresight/reference/data)", "file", "rows", "SHA-256")
    for name, n, digest in files:
        t.add_row(esc(name), str(n), digest[:16])
    _print(console, t)
    if loads:
        lt = _table("Loaded into the store", "id", "file", "kind", "editions", "added", "kept", "conflicts", "loaded")
        for load in loads:
            lt.add_row(str(load.id), esc(load.dataset), load.kind, esc(", ".join(load.editions)), str(load.rows_added),
                       str(load.rows_kept), str(load.conflicts_count), f"{load.loaded_at:%Y-%m-%d %H:%M}")
        _print(console, lt)
