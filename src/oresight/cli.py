"""The command line: ``oresight extract | assess | ingest | search | show | facts | calibrate | watch | serve |
tokens | rules | deliveries | demo``.

Bad input is one line on stderr and exit code 2; an internal error is one line and exit code 1
(set ``ORESIGHT_DEBUG=1`` for the traceback). Nothing here prints a traceback to a user.
"""

from __future__ import annotations

import json
import math
import os
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from enum import StrEnum
from functools import wraps
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.markup import escape as esc
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from oresight.exceptions import BadInput, OresightError
from oresight.model import Analysis, Extraction, Intercept

app = typer.Typer(
    name="oresight",
    help="Reads mining announcements, extracts drill intercepts, resources and commodities, and stores them.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console(highlight=False, width=None if sys.stdout.isatty() else 150)
err = Console(stderr=True, highlight=False)

F = TypeVar("F", bound=Callable[..., Any])


class Format(StrEnum):
    json = "json"
    table = "table"


def _fail(message: str, code: int) -> typer.Exit:
    first = " ".join(str(message).split())
    err.print(f"oresight: {first}", markup=False, soft_wrap=True)
    return typer.Exit(code)


def guarded(fn: F) -> F:
    """Bad input → exit 2, anything unexpected → exit 1; one line on stderr, never a traceback."""

    @wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except (typer.Exit, typer.Abort):
            raise
        except BadInput as e:
            raise _fail(str(e), 2) from None
        except OresightError as e:
            raise _fail(str(e), 1) from None
        except KeyboardInterrupt:
            raise _fail("interrupted", 130) from None
        except Exception as e:
            if os.environ.get("ORESIGHT_DEBUG"):
                raise
            raise _fail(f"internal error: {type(e).__name__}: {e}", 1) from None

    return wrapper  # type: ignore[return-value]


DatabaseOpt = Annotated[
    str | None,
    typer.Option("--database", "-d", help="Database URL (default: $ORESIGHT_DATABASE_URL or sqlite:///var/oresight.db)."),
]


def _store(url: str | None) -> Any:
    from sqlalchemy.engine import make_url

    from oresight.store import Store, database_url

    resolved = database_url(url)
    try:
        make_url(resolved)
    except Exception:
        raise BadInput(f"{resolved}: not a database URL (e.g. sqlite:///var/oresight.db or postgresql://host/db)") from None
    store = Store(resolved)
    store.migrate()
    return store


def _fmt(v: float | None, nd: int = 2) -> str:
    if v is None:
        return "-"
    return f"{v:,.{nd}f}".rstrip("0").rstrip(".") if v != int(v) else f"{int(v):,}"


def intercept_label(i: Intercept) -> str:
    s = f"{_fmt(i.width_m)}m @ {_fmt(i.grade, 3)}{'' if i.unit == '%' else ' '}{i.unit} {i.analyte}"
    if i.from_m is not None:
        s += f" from {_fmt(i.from_m)}m"
    return s


def _extraction_table(ex: Extraction, title: str) -> None:
    companies = ", ".join(f"{c.exchange}:{c.ticker}" for c in ex.companies) or "-"
    out.print(f"[bold]{esc(title)}[/bold]  commodities: {', '.join(ex.commodities) or '-'}  company: {esc(companies)}"
              f"  code: {ex.reporting_code or '-'}")
    if ex.intercepts:
        t = Table(title="Intercepts", show_lines=False)
        for col in ("hole", "from", "to", "width m", "grade", "unit", "analyte", "incl.", "source", "page"):
            t.add_column(col, justify="right" if col in ("from", "to", "width m", "grade", "page") else "left")
        for i in ex.intercepts:
            t.add_row(esc(i.hole_id or "-"), _fmt(i.from_m), _fmt(i.to_m), _fmt(i.width_m), _fmt(i.grade, 3), i.unit,
                      i.analyte, "yes" if i.including else "", i.source, str(i.span.page))
        out.print(t)
    if ex.resources:
        t = Table(title="Resources")
        for col in ("category", "tonnes", "grade", "unit", "analyte", "contained", "cut-off", "code"):
            t.add_column(col)
        for r in ex.resources:
            t.add_row(r.category or "-", _fmt(r.tonnes, 0), _fmt(r.grade, 3), r.unit or "-", r.analyte or "-",
                      f"{_fmt(r.contained, 0)} {r.contained_unit or ''}".strip(), esc(r.cutoff or "-"), r.code or "-")
        out.print(t)
    if not ex.intercepts and not ex.resources:
        out.print("No intercepts or resources found.")
    if ex.excluded:
        out.print(f"[dim]{len(ex.excluded)} result-like figure(s) set aside (targets, cut-offs, visual estimates, ...)."
                  " Use --format json to see them.[/dim]")


def analysis_json(a: Analysis) -> dict[str, Any]:
    data = a.extraction.to_json()
    data["document"] = {
        "kind": a.document.kind, "title": a.document.title, "pages": a.document.page_count,
        "ocr_pages": list(a.document.ocr_pages), "sha256": a.document.sha256,
    }
    return data


def _analyse_input(file: str) -> Analysis:
    """One announcement from a file, or UTF-8 text on stdin for ``-``."""
    from oresight.pipeline import analyse_path, analyse_text

    if file == "-":
        try:
            text = sys.stdin.buffer.read().decode("utf-8")
        except UnicodeDecodeError:
            raise BadInput("stdin: not UTF-8 text") from None
        return analyse_text(text, "-")
    return analyse_path(Path(file))


@app.command()
@guarded
def extract(
    file: Annotated[str, typer.Argument(help="A .pdf, .html, .htm, .md or .txt file, or - for text on stdin.")],
    format: Annotated[Format, typer.Option("--format", "-f", help="json (the contract) or table.")] = Format.json,
) -> None:
    """Extract intercepts, resources and commodities from one announcement."""
    analysis = _analyse_input(file)
    if format is Format.json:
        sys.stdout.write(json.dumps(analysis_json(analysis), ensure_ascii=False, indent=2) + "\n")
    else:
        _extraction_table(analysis.extraction, analysis.document.title or file)


FactsOpt = Annotated[
    Path | None,
    typer.Option("--facts", help="Company facts CSV (your own layout or the ASX company directory CSV)."),
]


def _load_facts(path: Path | None) -> dict[str, Any]:
    from oresight.assess.facts import index, load_facts

    if path is None:
        return {}
    return index(load_facts(path))


@app.command()
@guarded
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files and folders of announcements.")],
    database: DatabaseOpt = None,
    facts: FactsOpt = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    date: StatementDateOpt = None,
    issuer: IssuerOpt = None,
) -> None:
    """Read, extract, assess and store announcements (each stored once, by content). A statement (given --issuer,
    or a document with an 'Issuer:' line or 'type: statement') is analysed and stored as a statement instead."""
    from oresight.assess.service import Assessor, published_date
    from oresight.pipeline import analyse_many, discover

    missing = [p for p in paths if not p.exists()]
    if missing:
        raise BadInput(f"{missing[0]}: no such file or folder")
    day = _policy_day(date)
    files = list(discover(paths))
    company_facts = _load_facts(facts)
    store = _store(database)
    added = dupes = failed = intercepts = flagged = noise = 0
    statements: list[Any] = []
    st_added = st_dupes = 0
    try:
        assessor = Assessor(store, facts=company_facts)
        with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                      console=err, disable=quiet, transient=True) as progress:
            task = progress.add_task("reading", total=len(files))
            read: list[tuple[datetime | None, Any]] = []
            for outcome in analyse_many(files):
                progress.advance(task)
                if outcome.analysis is None:
                    failed += 1
                    store.record_error(source=str(outcome.path), reason=outcome.error or "unreadable")
                    err.print(f"skipped: {outcome.error}", markup=False, soft_wrap=True)
                    continue
                if _is_statement(outcome.analysis.document, issuer):
                    statements.append(outcome)
                    continue
                forced = datetime(day.year, day.month, day.day, tzinfo=UTC) if day else None
                read.append((forced or published_date(outcome.analysis.document), outcome))
            # stored in release order, so novelty judges each announcement against the ones released before it
            far = datetime.max.replace(tzinfo=UTC)
            read.sort(key=lambda p: (p[0] or far, str(p[1].path)))
            progress.update(task, description="assessing", completed=0, total=len(read))
            for when, outcome in read:
                progress.advance(task)
                _id, created, assessment = assessor.ingest(outcome.analysis, source=str(outcome.path), published_at=when)
                if created and assessment is not None:
                    added += 1
                    intercepts += len(outcome.analysis.extraction.intercepts)
                    flagged += assessment.novelty.flagged
                    noise += assessment.type.noise
                else:
                    dupes += 1
            st_added, st_dupes = _ingest_statements(store, statements, day, issuer)
    finally:
        store.close()
    out.print(f"{len(files)} file(s): {added} stored, {dupes} already stored, {failed} rejected; "
              f"{intercepts} intercepts extracted; {flagged} re-announcement(s) flagged; "
              f"{noise} routine filing(s)/halt(s).")
    if statements:
        out.print(f"{len(statements)} statement(s): {st_added} stored, {st_dupes} already stored.")


def _assessment_table(a: Any, title: str) -> None:
    sig = a.significance
    out.print(f"[bold]{esc(title)}[/bold]")
    out.print(f"type: [bold]{a.type.type}[/bold] ({esc(a.type.reason)})")
    out.print(f"score: [bold]{sig.score:.1f}[/bold]  band: [bold]{sig.band}[/bold]   novelty: {a.novelty.status} "
              f"({esc(a.novelty.reason)})")
    t = Table(title="Discovery score factors")
    for col in ("factor", "value", "weight", "points", "reason"):
        t.add_column(col, justify="right" if col in ("value", "weight", "points") else "left")
    for f in sig.factors:
        t.add_row(f.name, "unknown" if f.value is None else f"{f.value:.2f}", f"{f.weight:g}",
                  "-" if f.value is None else f"{f.contribution:+.1f}", esc(f.reason))
    out.print(t)
    r = Table(title=f"Reporting checklist (quality {'-' if a.reporting.quality is None else f'{a.reporting.quality:.2f}'})")
    for col in ("item", "status", "reason", "refs"):
        r.add_column(col)
    for i in a.reporting.items:
        style = {"present": "green", "missing": "red"}.get(i.status, "dim")
        r.add_row(i.id, f"[{style}]{i.status}[/{style}]", esc(i.reason[:110]), esc(", ".join(i.refs)))
    out.print(r)
    for f in a.reporting.red_flags:
        out.print(f"[red]red flag[/red] {f.id}: {esc(f.reason)}")


@app.command()
@guarded
def assess(
    file: Annotated[str, typer.Argument(help="A .pdf, .html, .htm, .md or .txt file, or - for text on stdin.")],
    format: Annotated[Format, typer.Option("--format", "-f", help="json (the contract) or table.")] = Format.json,
    market_cap: Annotated[float | None, typer.Option("--market-cap", help="Market capitalisation, A$.", min=0)] = None,
    cash: Annotated[float | None, typer.Option("--cash", help="Cash, A$.", min=0)] = None,
    facts: FactsOpt = None,
    database: Annotated[str | None, typer.Option(
        "--database", "-d", help="Compare with this archive for novelty and company history "
        "(default: $ORESIGHT_DATABASE_URL when set, else no archive).")] = None,
) -> None:
    """Extract and assess one announcement: type, discovery score with its factors, reporting checklist, novelty."""
    from oresight.assess.service import Assessor

    analysis = _analyse_input(file)
    for name, value in (("--market-cap", market_cap), ("--cash", cash)):
        if value is not None and not (math.isfinite(value) and 0 <= value < 1e15):
            raise BadInput(f"{name} {value!r}: give an amount in A$ between 0 and 1e15")
    if market_cap is not None and market_cap == 0:
        raise BadInput("--market-cap 0: a listed company's market capitalisation is more than zero")
    url = database or os.environ.get("ORESIGHT_DATABASE_URL") or None
    store = _store(url) if url else None
    try:
        assessment = Assessor(store, facts=_load_facts(facts)).assess(analysis, market_cap=market_cap, cash=cash)
    finally:
        if store is not None:
            store.close()
    if format is Format.json:
        data_out = analysis_json(analysis)
        data_out.update(assessment.to_json())
        sys.stdout.write(json.dumps(data_out, ensure_ascii=False, indent=2) + "\n")
    else:
        _extraction_table(analysis.extraction, analysis.document.title or file)
        _assessment_table(assessment, "Assessment")


@app.command(name="facts")
@guarded
def facts_cmd(
    file: Annotated[Path, typer.Argument(help="Company facts CSV (your layout or the ASX company directory CSV).")],
    database: DatabaseOpt = None,
) -> None:
    """Import company facts (market capitalisation, shares on issue, cash) into the store."""
    from oresight.assess.facts import load_facts
    from oresight.store import StoredFacts

    rows = load_facts(file)
    store = _store(database)
    try:
        n = store.put_facts([StoredFacts(f.ticker, f.name, f.market_cap, f.shares_on_issue, f.cash, f.as_of,
                                         f.cash_as_of, f.source) for f in rows])
    finally:
        store.close()
    out.print(f"{n} companies' facts stored from {esc(str(file))}.")


@app.command()
@guarded
def calibrate(
    outcomes: Annotated[Path, typer.Argument(help="CSV: announcement_id or ticker+date, and abnormal_return or label.")],
    database: DatabaseOpt = None,
    out_file: Annotated[Path | None, typer.Option("--out", help="Write the refitted weights here (YAML).")] = None,
    folds: Annotated[int, typer.Option(help="Cross-validation folds for the out-of-sample fit.", min=2, max=20)] = 5,
    threshold: Annotated[float, typer.Option(help="An abnormal return at or above this is a positive outcome.")] = 0.10,
    force: Annotated[bool, typer.Option("--force", help="Write the weights even when they do not beat the current score.")] = False,
) -> None:
    """Refit the score's weights from your outcomes (regularised logistic regression) and report the fit out of sample."""
    from oresight.assess.calibrate import calibrate as fit
    from oresight.assess.calibrate import read_outcomes

    if out_file is not None and (out_file.is_dir() or not out_file.parent.is_dir()):
        raise BadInput(f"--out {out_file}: not a file in an existing folder")
    rows = read_outcomes(outcomes, threshold=threshold)
    store = _store(database)
    try:
        report = fit(store, rows, folds=folds)
    finally:
        store.close()
    out.print(report.summary())
    if out_file is not None and (report.better or force):
        out_file.write_text(report.weights_yaml(), encoding="utf-8")
        out.print(f"weights written to {esc(str(out_file))}; use them with ORESIGHT_WEIGHTS={esc(str(out_file))}")


@app.command()
@guarded
def search(
    query: Annotated[str, typer.Argument(help="Words to look for (full-text).")],
    limit: Annotated[int, typer.Option(help="At most this many results.")] = 20,
    database: DatabaseOpt = None,
) -> None:
    """Full-text search of stored announcements."""
    store = _store(database)
    try:
        hits = store.search(query, limit=limit)
    finally:
        store.close()
    if not hits:
        out.print("No match.")
        return
    t = Table(title=f"Search: {esc(query)}")
    t.add_column("id", justify="right")
    t.add_column("ticker")
    t.add_column("title")
    t.add_column("snippet")
    for h in hits:
        snippet = esc(h.snippet).replace("\u00ab", "[bold]").replace("\u00bb", "[/bold]")
        t.add_row(str(h.id), esc(h.ticker or "-"), esc(h.title), snippet)
    out.print(t)


@app.command()
@guarded
def show(
    announcement_id: Annotated[int, typer.Argument(metavar="ID", help="Announcement id (from ingest or search).")],
    format: Annotated[Format, typer.Option("--format", "-f")] = Format.table,
    database: DatabaseOpt = None,
) -> None:
    """Show one stored announcement and what was extracted from it."""
    if not 0 < announcement_id < 2**63:
        raise BadInput(f"no announcement with id {announcement_id}")
    store = _store(database)
    try:
        ann = store.get(announcement_id)
        assessment = store.assessment(announcement_id) if ann is not None else None
    finally:
        store.close()
    if ann is None:
        raise BadInput(f"no announcement with id {announcement_id}")
    if format is Format.json:
        data = dict(ann.extraction)
        data["id"] = ann.id
        data["title"] = ann.title
        data["source"] = ann.source
        if assessment is not None:
            data.update(assessment)
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")
        return
    ex = Extraction(commodities=ann.commodities, intercepts=ann.intercepts, resources=ann.resources,
                    companies=ann.companies, reporting_code=ann.reporting_code)
    out.print(f"#{ann.id}  {esc(ann.source)}  ({ann.kind}, {ann.page_count} page(s), sha256 {ann.sha256[:12]})")
    _extraction_table(ex, ann.title)
    if assessment is not None:
        sig = assessment["significance"]
        out.print(f"type: [bold]{assessment['type']['type']}[/bold]   score: [bold]{sig['score']:.1f}[/bold] ({sig['band']})   "
                  f"novelty: {assessment['novelty']['status']}")
        out.print(esc(sig["reason"]))


def default_sample_day() -> Path:
    """The bundled sample day: the repository's samples/corpus, else the copy shipped in the package."""
    here = Path(__file__).resolve()
    for candidate in (here.parents[2] / "samples" / "corpus", here.parent / "data" / "sample_day"):
        if candidate.is_dir():
            return candidate
    raise BadInput("the sample day is not installed (samples/corpus)")


def _clip(text: str, n: int) -> str:
    """At most n characters, cut at a word boundary, with an ellipsis when cut."""
    text = " ".join(text.split())
    if len(text) <= n:
        return text
    return text[: max(text.rfind(" ", 0, n), n // 2)].rstrip(" ,;:") + " …"


def default_facts(folder: Path) -> Path | None:
    """The sample day's company facts file (samples/companies.csv beside the sample folder), if any."""
    for candidate in (folder / "companies.csv", folder.parent / "companies.csv"):
        if candidate.is_file():
            return candidate
    return None


@app.command()
@guarded
def demo(
    path: Annotated[Path | None, typer.Argument(help="Folder of announcements (default: the bundled sample day).")] = None,
    database: Annotated[str, typer.Option("--database", "-d")] = "sqlite:///var/demo.db",
    top: Annotated[int, typer.Option(help="Rows in the ranked table.")] = 25,
) -> None:
    """Ingest and assess the sample day into SQLite and print it ranked by discovery score, with reasons."""
    folder = path or default_sample_day()
    facts = default_facts(folder)
    out.print(f"[bold]Oresight demo[/bold]: ingesting {esc(str(folder))} into {esc(database)}"
              + (f" with company facts from {esc(str(facts))}" if facts else ""))
    ingest([folder], database=database, facts=facts, quiet=False)
    store = _store(database)
    try:
        ranked = store.ranked(limit=top)
        total = store.count()
    finally:
        store.close()
    t = Table(title=f"The day ranked by discovery score ({total} stored; routine filings and halts filtered)")
    for col in ("#", "id", "ticker", "score", "band", "type", "novelty", "why", "title"):
        t.add_column(col, justify="right" if col in ("#", "id", "score") else "left", overflow="fold")
    for n, r in enumerate(ranked, 1):
        t.add_row(str(n), str(r.id), esc(r.ticker or "-"), f"{r.score:.0f}", r.band, r.type,
                  "" if r.novelty in ("new", "unchecked") else r.novelty, esc(_clip(r.reason, 160)), esc(r.title[:50]))
    out.print(t)
    example = next(iter(sorted(folder.glob("*.pdf"))), None)
    out.print("Next: [bold]oresight assess " + esc(str(example or "FILE")) + " -f table[/bold]   "
              "[bold]oresight search lithium -d " + esc(database) + "[/bold]")


def _watch_config(config: Path | None, *, asx_api: str | None = None, interval: float | None = None,
                  webhook: list[str] | None = None, min_score: float | None = None, database: str | None = None) -> Any:
    from oresight.config import load_config, quick_config

    base = load_config(config) if config else None
    return quick_config(base, asx_api=asx_api, interval=interval, webhooks=webhook, min_score=min_score,
                        database=database)


ConfigOpt = Annotated[Path | None, typer.Option("--config", "-c", help="Watch configuration (TOML): sources, channels, rules.")]


@app.command()
@guarded
def watch(
    config: ConfigOpt = None,
    asx_api: Annotated[str | None, typer.Option("--asx-api", help="Base URL of the ASX announcements API (a mirror or a test server); PDF URLs follow it.")] = None,
    interval: Annotated[float | None, typer.Option("--interval", help="Seconds between polls of every polled source.")] = None,
    webhook: Annotated[list[str] | None, typer.Option("--webhook", help="Send alerts to this URL (repeatable).")] = None,
    min_score: Annotated[float | None, typer.Option("--min-score", help="With --webhook: only announcements scoring at least N.")] = None,
    database: DatabaseOpt = None,
    listen: Annotated[str | None, typer.Option("--listen", help="HOST:PORT of the push endpoint, live stream and feeds ('' for none).")] = None,
    workers: Annotated[int | None, typer.Option("--workers", help="Processes reading documents (default: CPU count).")] = None,
) -> None:
    """Watch sources, assess each new announcement and deliver alerts, until SIGTERM or Ctrl-C."""
    import logging

    from oresight.store import Store, database_url
    from oresight.watch import run_watch

    cfg = _watch_config(config, asx_api=asx_api, interval=interval, webhook=webhook, min_score=min_score,
                        database=database)
    if listen is not None:
        cfg.watch.listen = listen
        cfg = type(cfg).model_validate(cfg.model_dump())
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s", stream=sys.stderr)
    for noisy in ("httpx", "httpcore", "uvicorn", "apprise", "alembic"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    store = Store(database_url(cfg.watch.database))
    try:
        w = run_watch(cfg, store, workers=workers)
    finally:
        store.close()
    err.print(f"oresight watch stopped: {w.stats['items']} new items, {w.stats['done']} assessed, "
              f"{w.stats['failed']} failed, {w.stats['alerts']} alerts recorded, {w.stats['delivered']} delivered, "
              f"{w.stats['dead']} dead letters", markup=False, soft_wrap=True)


DEFAULT_SERVE_LISTEN = "127.0.0.1:8000"


def _serve_config(config: Path | None, *, listen: str | None, database: str | None) -> Any:
    """The configuration ``oresight serve`` runs: the file's (sources optional: none is a server over the
    database with the push endpoint), with ``--listen`` (else the file's ``watch.listen`` when it sets one,
    else 127.0.0.1:8000) and ``--database``. Validated like the file itself (one-line BadInput)."""
    from oresight.config import Config, load_config, parse_config

    base = load_config(config) if config else Config()
    data = base.model_dump(exclude_none=False)
    if listen is None:
        listen = base.watch.listen if "listen" in base.watch.model_fields_set else DEFAULT_SERVE_LISTEN
    if not listen.strip():
        raise BadInput("--listen: oresight serve needs HOST:PORT to serve on")
    data["watch"]["listen"] = listen.strip()
    if database:
        data["watch"]["database"] = database
    return parse_config(data, "command line")


def _check_listen(host: str, port: int) -> None:
    """Fail early, with one line, when the address cannot be bound (before the reading processes start)."""
    import socket

    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
    except OSError as e:
        raise BadInput(f"--listen {host}:{port}: cannot listen there: {e.strerror or e}") from None
    finally:
        sock.close()


@app.command()
@guarded
def serve(
    config: ConfigOpt = None,
    database: DatabaseOpt = None,
    listen: Annotated[str | None, typer.Option("--listen", help="HOST:PORT to serve on (default 127.0.0.1:8000).")] = None,
    workers: Annotated[int | None, typer.Option("--workers", help="Processes reading pushed or polled documents (default: CPU count).", min=1, max=64)] = None,
) -> None:
    """Serve the dashboard and the HTTP API over the database, and run the watcher (the configuration's sources,
    rules and channels, if any), until SIGTERM or Ctrl-C."""
    import logging

    from oresight.exceptions import StorageError
    from oresight.store import Store, database_url
    from oresight.watch import run_watch

    cfg = _serve_config(config, listen=listen, database=database)
    host_port = cfg.watch.host_port
    assert host_port is not None
    _check_listen(*host_port)
    try:
        store = Store(database_url(cfg.watch.database))
    except StorageError as e:
        raise BadInput(str(e)) from None
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s", stream=sys.stderr)
    for noisy in ("httpx", "httpcore", "uvicorn", "apprise", "alembic"):
        logging.getLogger(noisy).setLevel(logging.WARNING)

    def ready(w: Any) -> None:
        if w.bound is not None:
            host, port = w.bound
            shown = f"[{host}]" if ":" in host else host
            out.print(f"Oresight dashboard: http://{shown}:{port}/", markup=False, soft_wrap=True)

    try:
        w = run_watch(cfg, store, workers=workers, on_ready=ready)
    finally:
        store.close()
    err.print(f"oresight serve stopped: {w.stats['items']} new items, {w.stats['done']} assessed, "
              f"{w.stats['alerts']} alerts recorded, {w.stats['delivered']} delivered", markup=False, soft_wrap=True)


tokens_app = typer.Typer(help="API tokens for the HTTP API's writes (stored hashed; the secret is shown once).",
                         no_args_is_help=True)
app.add_typer(tokens_app, name="tokens")


@tokens_app.command("create")
@guarded
def tokens_create(
    name: Annotated[str, typer.Argument(help="A name for the token (letters, digits, '-', '_', '.').")],
    database: DatabaseOpt = None,
) -> None:
    """Create a token and print its secret (once: only its SHA-256 is stored)."""
    store = _store(database)
    try:
        secret = store.create_token(name)
    finally:
        store.close()
    sys.stdout.write(secret + "\n")
    err.print(f"token {name!r} created: use it as 'Authorization: Bearer <token>'; it is not shown again",
              markup=False, soft_wrap=True)


@tokens_app.command("list")
@guarded
def tokens_list(database: DatabaseOpt = None) -> None:
    """The tokens: name, created, last used, revoked (never their secrets)."""
    store = _store(database)
    try:
        rows = store.tokens()
    finally:
        store.close()
    if not rows:
        out.print("No tokens. Create one with: oresight tokens create NAME")
        return
    t = Table(title=f"{len(rows)} token(s)")
    for col in ("name", "created", "last used", "revoked"):
        t.add_column(col)
    for r in rows:
        t.add_row(esc(r.name), f"{r.created_at:%Y-%m-%d %H:%M:%S}",
                  f"{r.last_used_at:%Y-%m-%d %H:%M:%S}" if r.last_used_at else "-",
                  f"{r.revoked_at:%Y-%m-%d %H:%M:%S}" if r.revoked_at else "")
    out.print(t)


@tokens_app.command("revoke")
@guarded
def tokens_revoke(
    name: Annotated[str, typer.Argument(help="The token's name.")],
    database: DatabaseOpt = None,
) -> None:
    """Revoke a token: writes with it are refused from now on."""
    store = _store(database)
    try:
        revoked = store.revoke_token(name)
    finally:
        store.close()
    if not revoked:
        raise BadInput(f"no active token named {name!r}")
    out.print(f"token {esc(repr(name))} revoked")


rules_app = typer.Typer(help="Show and try the alert rules of a watch configuration.", no_args_is_help=True)
app.add_typer(rules_app, name="rules")


@rules_app.command("list")
@guarded
def rules_list(
    config: ConfigOpt = None,
    webhook: Annotated[list[str] | None, typer.Option("--webhook")] = None,
    min_score: Annotated[float | None, typer.Option("--min-score")] = None,
) -> None:
    """The rules, their filters, mode and channels (after the quick-path flags)."""
    cfg = _watch_config(config, webhook=webhook, min_score=min_score)
    t = Table(title=f"{len(cfg.rules)} rule(s)")
    for col in ("rule", "filters", "mode", "early", "channels"):
        t.add_column(col, overflow="fold")
    for r in cfg.rules:
        filters = [f"{k}={v}" for k, v in r.model_dump().items()
                   if k not in ("name", "channels", "mode", "early") and v not in (None, [], False)]
        t.add_row(esc(r.name), esc(", ".join(filters) or "every announcement"), r.mode, "yes" if r.early else "",
                  esc(", ".join(f"{c} ({cfg.channels[c].kind})" for c in r.channels) or "-"))
    out.print(t)


@rules_app.command("test")
@guarded
def rules_test(
    file: Annotated[str, typer.Argument(help="An announcement file (.pdf, .html, .md, .txt) or - for stdin.")],
    config: ConfigOpt = None,
    webhook: Annotated[list[str] | None, typer.Option("--webhook")] = None,
    min_score: Annotated[float | None, typer.Option("--min-score")] = None,
    headline: Annotated[str | None, typer.Option("--headline", help="The headline as the source lists it.")] = None,
    ticker: Annotated[str | None, typer.Option("--ticker")] = None,
    price_sensitive: Annotated[bool | None, typer.Option("--price-sensitive/--not-price-sensitive")] = None,
) -> None:
    """Which rules an announcement would fire, and why (nothing is stored or sent)."""
    from oresight.alerts.rules import Candidate
    from oresight.assess import assess as assess_fn

    cfg = _watch_config(config, webhook=webhook, min_score=min_score)
    analysis = _analyse_input(file)
    assessment = assess_fn(analysis).to_json()
    companies = analysis.extraction.companies
    cand = Candidate(headline or analysis.document.title, ticker or (companies[0].ticker if companies else None),
                     price_sensitive, analysis.extraction.commodities, analysis.document.text, assessment)
    sig = assessment["significance"]
    out.print(f"score {sig['score']:.0f} ({sig['band']}), type {assessment['type']['type']}, "
              f"commodities {', '.join(analysis.extraction.commodities) or '-'}")
    for rule in cfg.rule_objects():
        m = rule.match(cand)
        out.print(("[green]fires[/green]  " + esc(m.why)) if m else f"[dim]no[/dim]     rule {esc(repr(rule.name))}")


@app.command()
@guarded
def deliveries(
    database: DatabaseOpt = None,
    status: Annotated[str | None, typer.Option("--status", help="pending, delivered, dead, queued or digested.")] = None,
    rule: Annotated[str | None, typer.Option("--rule")] = None,
    limit: Annotated[int, typer.Option("--limit")] = 30,
    retry: Annotated[int | None, typer.Option("--retry", help="Put this dead letter back in the queue.")] = None,
) -> None:
    """The delivery log (outbox): each alert's status, attempts and last error; --retry ID re-queues a dead letter."""
    store = _store(database)
    try:
        if retry is not None:
            if not store.retry_alert(retry):
                raise BadInput(f"alert {retry} is not a dead letter")
            out.print(f"alert {retry} queued again (a running watch delivers it)")
            return
        rows = store.alerts(rule=rule, status=status, limit=limit)
        counts = store.alert_counts()
    finally:
        store.close()
    t = Table(title="Deliveries (" + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())) + ")")
    for col in ("id", "rule", "channel", "phase", "status", "attempts", "created", "last error", "alert"):
        t.add_column(col, overflow="fold")
    for a in rows:
        t.add_row(str(a.id), esc(a.rule), esc(a.channel or "(digest)"), a.phase, a.status, str(a.attempts),
                  f"{a.created_at:%Y-%m-%d %H:%M:%S}", esc(_clip(a.last_error or "", 80)),
                  esc(_clip(str(a.payload.get("title", "")), 80)))
    out.print(t)


# -- context: reference data and dossiers (issue 6) ---------------------------------------------------------------

reference_app = typer.Typer(help="Reference data: USGS reserves and production by edition, national claims and "
                                 "supply-chain stage shares, every row with its source.")
app.add_typer(reference_app, name="reference")


@reference_app.callback(invoke_without_command=True)
def reference_main(ctx: typer.Context) -> None:
    """Without a subcommand: the shipped reference files (as `oresight reference list`, without a database)."""
    if ctx.invoked_subcommand is None:
        _reference_list(None, with_store=False)


def _reference_list(database: str | None, *, with_store: bool) -> None:
    from oresight import reference
    from oresight.context.shipped import shipped_files
    from oresight.context.tables import print_loads

    files = [(name, len(reference.rows(name)), digest) for name, digest, _ in shipped_files()]
    loads = []
    if with_store:
        store = _store(database)
        try:
            loads = store.reference_loads()
        finally:
            store.close()
    print_loads(out, files, loads)


@reference_app.command("list")
@guarded
def reference_list(database: DatabaseOpt = None) -> None:
    """The shipped reference files and the loads recorded in the store (files, editions, figures added)."""
    _reference_list(database, with_store=True)


@reference_app.command("update")
@guarded
def reference_update(
    file: Annotated[Path, typer.Argument(help="A USGS MCS data-release CSV (per-commodity world table or the "
                                              "aggregated commodities data) or a CSV with the columns commodity, "
                                              "country, metric, value, unit, year, edition, source.")],
    database: DatabaseOpt = None,
    edition: Annotated[str | None, typer.Option("--edition", help="The edition of every row (e.g. 'MCS 2027'); "
                                                "default: from the file.")] = None,
    commodity: Annotated[str | None, typer.Option("--commodity", help="The commodity of an MCS world table whose "
                                                  "Type and file name do not say it.")] = None,
) -> None:
    """Load newer reference figures: a new edition adds rows, a stored figure is never overwritten."""
    from oresight.context.loader import update_from_file
    from oresight.context.tables import print_update

    store = _store(database)
    try:
        report = update_from_file(store, file, edition=edition, commodity=commodity)
    finally:
        store.close()
    print_update(out, report)


dossier_app = typer.Typer(help="What the reference data says about a country or a commodity: reserves (claims vs "
                               "USGS by edition), production, stage shares, concentration, announcements.",
                          no_args_is_help=True)
app.add_typer(dossier_app, name="dossier")


def _dossier(kind: str, name: str, database: str | None, format: Format) -> None:
    from oresight.context import dossier as dossiers
    from oresight.context.aliases import commodity_name, commodity_symbol
    from oresight.context.loader import store_rows
    from oresight.context.tables import print_commodity, print_country

    store = _store(database)
    try:
        rows = store_rows(store)
        if kind == "commodity":
            key = dossiers.resolve_commodity(rows, name)
            symbol = commodity_symbol(key) if key else None
            cards = store.browse(commodity=symbol, limit=20).items if symbol else []
            data = dossiers.commodity_dossier(rows, name, announcements=cards)
            known = ", ".join(sorted({commodity_name(r.commodity) for r in rows}))
        else:
            place = dossiers.resolve_country(rows, name)
            cards = store.browse(query=f'"{place}"', limit=20).items if place else []
            data = dossiers.country_dossier(rows, name, announcements=cards)
            known = "e.g. " + ", ".join(c["country"] for c in dossiers.index(rows)["countries"][:8])
    finally:
        store.close()
    if data is None:
        raise BadInput(f"no reference figures for {kind} {name!r} (known: {known})")
    if format is Format.json:
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    elif kind == "commodity":
        print_commodity(out, data)
    else:
        print_country(out, data)


@dossier_app.command("country")
@guarded
def dossier_country(
    name: Annotated[str, typer.Argument(help="A country, any usual name (Russia, Russian Federation, PRC, Myanmar).")],
    format: Annotated[Format, typer.Option("--format", "-f", help="table or json.")] = Format.table,
    database: DatabaseOpt = None,
) -> None:
    """A country's dossier: reserves and production by commodity (share of world, by edition), claims, stages."""
    _dossier("country", name, database, format)


@dossier_app.command("commodity")
@guarded
def dossier_commodity(
    name: Annotated[str, typer.Argument(help="A commodity, any usual name (rare earths, REE, TREO, lithium).")],
    format: Annotated[Format, typer.Option("--format", "-f", help="table or json.")] = Format.table,
    database: DatabaseOpt = None,
) -> None:
    """A commodity's dossier: reserves (claims vs USGS by edition), production, stage shares, concentration."""
    _dossier("commodity", name, database, format)


# -- end of context block ------------------------------------------------------------------------------------------


# -- sanctions screening (issue 6, item 5) ------------------------------------------------------------------------

sanctions_app = typer.Typer(help="Sanctions screening: load the OFAC SDN and EU consolidated lists, check a name, "
                            "flag stored documents that name a listed party (screening, not legal advice).",
                            no_args_is_help=True)
app.add_typer(sanctions_app, name="sanctions")


class SanctionsListName(StrEnum):
    ofac = "ofac"
    eu = "eu"


@sanctions_app.command("load")
@guarded
def sanctions_load(
    files: Annotated[list[Path], typer.Argument(help="The list's files: OFAC SDN.CSV with ALT.CSV, or SDN.XML; the EU "
                                                     "consolidated list CSV or XML.")],
    list_name: Annotated[SanctionsListName | None, typer.Option(
        "--list", help="ofac or eu (default: read from the files; given, the files must be of that list).")] = None,
    database: DatabaseOpt = None,
) -> None:
    """Load a sanctions list from its published files: it replaces the list's previous entries (every load is
    recorded with its files, date and counts). A bad file changes nothing."""
    from oresight.sanctions import LIST_TITLES, read_list

    parsed = read_list(files, list_name.value if list_name else None)  # every file read before the store is touched
    store = _store(database)
    try:
        load = store.replace_sanctions_list(parsed)
    finally:
        store.close()
    for note in parsed.notes:
        err.print(f"note: {note}", markup=False, soft_wrap=True)
    published = f", list dated {load.published}" if load.published else ""
    out.print(f"{esc(LIST_TITLES.get(load.list_name, load.list_name))}: {load.entries:,} entries, {load.names:,} names "
              f"and aliases loaded from {esc(', '.join(f.name for f in load.files))} (load {load.id}{esc(published)}).")
    out.print("Flag the stored documents against it: [bold]oresight sanctions scan[/bold]")


@sanctions_app.command("list")
@guarded
def sanctions_list(
    database: DatabaseOpt = None,
    history: Annotated[bool, typer.Option("--history", help="Every recorded load, not only the live one of each list.")] = False,
) -> None:
    """The loaded sanctions lists: files, the list's date, when loaded, entries and names; and how many stored
    documents are flagged."""
    from oresight.sanctions import LIST_TITLES

    store = _store(database)
    try:
        loads = store.sanctions_loads(limit=1000)
        flagged = store.flagged_documents(limit=100_000)
    finally:
        store.close()
    if not history:
        loads = [x for x in loads if x.current]
    if not loads:
        out.print("No sanctions list is loaded. Load one with: oresight sanctions load SDN.CSV ALT.CSV")
        return
    t = Table(title="Sanctions lists" + (" (every load)" if history else ""))
    for col in ("load", "list", "files", "list date", "loaded", "entries", "names", "live"):
        t.add_column(col, justify="right" if col in ("load", "entries", "names") else "left", overflow="fold")
    for x in loads:
        t.add_row(str(x.id), esc(LIST_TITLES.get(x.list_name, x.list_name)), esc(", ".join(f.name for f in x.files)),
                  esc(x.published or "-"), f"{x.loaded_at:%Y-%m-%d %H:%M}", f"{x.entries:,}", f"{x.names:,}",
                  "yes" if x.current else "")
    out.print(t)
    kinds: dict[str, int] = {}
    for kind, *_ in flagged:
        kinds[kind] = kinds.get(kind, 0) + 1
    out.print("Flagged documents: " + (", ".join(f"{n} {k}(s)" for k, n in sorted(kinds.items())) or "none")
              + " (oresight sanctions scan screens the stored documents again).")


@sanctions_app.command("check")
@guarded
def sanctions_check(
    name: Annotated[str, typer.Argument(help="A name: a company or a person, in any script (Latin, Cyrillic, Chinese).")],
    database: DatabaseOpt = None,
    threshold: Annotated[float | None, typer.Option(
        "--threshold", help="Report matches scoring at least this (0-100; default: the tuned threshold).", min=0, max=100)] = None,
    limit: Annotated[int, typer.Option("--limit", help="At most this many entries.", min=1, max=1000)] = 10,
    list_name: Annotated[SanctionsListName | None, typer.Option("--list", help="Only this list (ofac or eu).")] = None,
    format: Annotated[Format, typer.Option("--format", "-f", help="table or json.")] = Format.table,
) -> None:
    """Check one name against the loaded lists: each matching entry with its score and the name or alias that matched."""
    from oresight.sanctions import LIST_TITLES, check_name, default_threshold

    if not name.strip() or len(name) > 1000:
        raise BadInput("give a name of 1 to 1000 characters")
    store = _store(database)
    try:
        if not store.sanctions_current():
            raise BadInput("no sanctions list is loaded: load one with oresight sanctions load FILE...")
        matches = check_name(store, name, threshold=threshold, limit=limit,
                             list_name=list_name.value if list_name else None)
    finally:
        store.close()
    used = default_threshold() if threshold is None else threshold
    if format is Format.json:
        sys.stdout.write(json.dumps({"name": name, "threshold": used, "matches": [
            {"score": m.score, "matched_name": m.matched_name, **m.entry.to_json()} for m in matches]},
            ensure_ascii=False, indent=2) + "\n")
        return
    if not matches:
        out.print(f"No match for {esc(repr(name))} at threshold {used:g}.")
        return
    t = Table(title=f"{esc(name)}: {len(matches)} match(es) at threshold {used:g}")
    for col in ("score", "list", "ref", "entry", "kind", "matched name or alias", "programs"):
        t.add_column(col, justify="right" if col == "score" else "left", overflow="fold")
    for m in matches:
        e = m.entry
        t.add_row(f"{m.score:.1f}", esc(LIST_TITLES.get(e.list_name, e.list_name)), esc(e.ref), esc(e.name), e.kind,
                  esc(m.matched_name), esc(", ".join(e.programs)))
    out.print(t)


@sanctions_app.command("scan")
@guarded
def sanctions_scan(
    database: DatabaseOpt = None,
    kind: Annotated[list[str] | None, typer.Option(
        "--kind", help="announcement or statement (repeatable; default both).")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Screen every stored document against the loaded lists again and store its flags (replacing its old ones)."""
    from oresight.sanctions.screening import DOCUMENT_KINDS_SCANNED, scan

    kinds = kind or list(DOCUMENT_KINDS_SCANNED)
    for k in kinds:
        if k not in DOCUMENT_KINDS_SCANNED:
            raise BadInput(f"--kind {k!r}: one of {', '.join(DOCUMENT_KINDS_SCANNED)}")
    store = _store(database)
    try:
        with Progress(TextColumn("{task.description}"), MofNCompleteColumn(), TimeElapsedColumn(), console=err,
                      disable=quiet, transient=True) as progress:
            task = progress.add_task("screening", total=None)
            result = scan(store, kinds, progress=lambda k, n: progress.update(task, description=f"screening {k}s",
                                                                               completed=n))
    finally:
        store.close()
    if result is None:
        raise BadInput("no sanctions list is loaded: load one with oresight sanctions load FILE...")
    parts = [f"{result.documents[k]} {k}(s) screened, {result.flagged[k]} flagged" for k in kinds]
    out.print("; ".join(parts) + f"; {result.flags} flag(s) stored.")


# -- end of sanctions block ---------------------------------------------------------------------------------------


# -- policy: statement analysis (issue 6) -------------------------------------------------------------------------
# `oresight policy FILE` and the statement path of `oresight ingest` (`--issuer`, `--date`); see docs/policy.md.

StatementDateOpt = Annotated[str | None, typer.Option(
    "--date", help="The statement's date, YYYY-MM-DD (default: a 'Date:' line, the front matter or PDF metadata).")]
IssuerOpt = Annotated[str | None, typer.Option(
    "--issuer", help="Who issued the statement (default: an 'Issuer:' line, the front matter or PDF metadata).")]


def _policy_day(raw: str | None) -> Any:
    """``--date`` as a date (None when not given); a bad date is bad input (exit 2)."""
    from oresight.policy.meta import parse_day

    return parse_day(raw.strip(), "--date") if raw is not None else None


def _read_statement(file: str) -> Any:
    """A statement's Document from a file, or UTF-8 text on stdin for ``-``."""
    from oresight.documents import read_path, read_text
    from oresight.pipeline import limits_from_env

    if file == "-":
        try:
            text = sys.stdin.buffer.read().decode("utf-8")
        except UnicodeDecodeError:
            raise BadInput("stdin: not UTF-8 text") from None
        return read_text(text, "-")
    return read_path(Path(file), limits_from_env())


def _is_statement(document: Any, issuer: str | None) -> bool:
    from oresight.policy.meta import is_statement

    return is_statement(document, issuer)


def _ingest_statements(store: Any, outcomes: list[Any], day: Any, issuer: str | None) -> tuple[int, int]:
    """Store statements in date order (each compared with the ones stored before it); (stored, already stored)."""
    from oresight.policy import read
    from oresight.policy.service import report_with_store, store_statement

    readings = [(read(o.analysis.document, date_arg=day, issuer_arg=issuer), o) for o in outcomes]
    readings.sort(key=lambda p: (p[0].meta.date is None, p[0].meta.date or day or datetime.min.date(), str(p[1].path)))
    added = dupes = 0
    for reading, _outcome in readings:
        if store.statement_id(reading.document.sha256) is not None:
            dupes += 1
            continue
        _id, created = store_statement(store, reading, report_with_store(reading, store))
        added += created
        dupes += not created
    return added, dupes


def _policy_table(r: Any) -> None:
    from oresight.policy.claims import tonnes
    from oresight.policy.verdict import describe_claim

    out.print(f"[bold]{esc(r.title or r.source)}[/bold]")
    out.print(f"issuer: {esc(r.issuer or '-')}" + (f" ({r.issuer_from})" if r.issuer_from else "")
              + f"   date: {r.date.isoformat() if r.date else '-'}" + (f" ({r.date_from})" if r.date_from else "")
              + f"   commodity: {esc(r.commodity or '-')}   country: {esc(r.country or '-')}")
    out.print(f"[bold]verdict[/bold]: {esc(r.verdict)}")
    s = r.scores

    def pts(v: float | None) -> str:
        return "-" if v is None else f"{v:.0f}/100"

    out.print(f"scores: substance {pts(s.substance)}, claims consistency {pts(s.claims)}, "
              f"novelty of commitments {pts(s.novelty)}")
    t = Table(title="Substance checklist")
    for col in ("item", "status", "points", "evidence"):
        t.add_column(col, overflow="fold")
    for i in r.items:
        style = {"present": "green", "vague": "yellow", "missing": "red"}[i.status]
        t.add_row(i.label, f"[{style}]{i.status}[/{style}]", f"{i.points:.1f}/{i.weight:g}", esc(_clip(i.reason, 160)))
    out.print(t)
    if r.claims:
        t = Table(title="Numeric claims")
        for col in ("claim", "commodity", "country", "independent", "ratio", "source", "note"):
            t.add_column(col, overflow="fold")
        for c in r.claims:
            chk = c.check or {}
            indep = chk.get("independent_t")
            t.add_row(esc(describe_claim(c)) + (" (target)" if c.target else ""), esc(c.commodity or "-"),
                      esc(c.country or ("world" if c.country_from == "world" else "-")),
                      tonnes(indep) if isinstance(indep, int | float) else "-",
                      "-" if c.ratio is None else f"{c.ratio:.2f}×",
                      esc(f"{chk.get('source_short', '')} {chk.get('edition', '')}".strip() or "-"),
                      esc(_clip(c.reason, 120)))
        out.print(t)
    if r.commitments:
        t = Table(title=f"Commitments ({esc(r.recycled.reason)})")
        for col in ("#", "commitment", "restates"):
            t.add_column(col, overflow="fold")
        for c in r.commitments:
            again = "-"
            if c.restates is not None:
                when = c.restates.date.isoformat() if c.restates.date else "date unknown"
                again = f"#{c.restates.statement_id} {when} ({c.restates.similarity:.2f}): {_clip(c.restates.quote, 90)}"
            t.add_row(str(c.position + 1), esc(_clip(c.evidence.surface, 120)), esc(again))
        out.print(t)
    else:
        out.print(f"commitments: none found ({esc(r.recycled.reason)})")
    if r.summary:
        out.print(f"[bold]summary[/bold] (language model): {esc(r.summary)}")
    for w in r.warnings:
        out.print(f"[dim]note: {esc(w)}[/dim]")


@app.command()
@guarded
def policy(
    file: Annotated[str, typer.Argument(help="A statement: .pdf, .html, .htm, .md or .txt, or - for text on stdin.")],
    format: Annotated[Format, typer.Option("--format", "-f", help="json (everything, with evidence spans) or table.")] = Format.json,
    database: Annotated[str | None, typer.Option(
        "--database", "-d", help="Compare with the statements stored here (default: $ORESIGHT_DATABASE_URL when "
        "set, else none; with --store, the default database).")] = None,
    date: StatementDateOpt = None,
    issuer: IssuerOpt = None,
    store_it: Annotated[bool, typer.Option("--store", help="Store the statement (with its date and issuer).")] = False,
) -> None:
    """Analyse a statement (directive, ministry statement, strategy announcement or a news report of one):
    substance checklist, numeric claims against the reference data, recycled promises, a plain-words verdict."""
    from oresight.policy import llm
    from oresight.policy.analyse import with_summary
    from oresight.policy.service import analyse_with_store, store_statement

    day = _policy_day(date)
    if issuer is not None and not issuer.strip():
        raise BadInput("--issuer: give the issuer's name")
    document = _read_statement(file)
    url = database or os.environ.get("ORESIGHT_DATABASE_URL") or None
    store = _store(url) if (url or store_it) else None
    stored: tuple[int, bool] | None = None
    try:
        reading, report = analyse_with_store(document, store, date_arg=day, issuer_arg=issuer)
        if llm.enabled():
            summary, warning = llm.summarise(report, document.text)
            if warning:
                err.print(f"oresight: warning: {warning}", markup=False, soft_wrap=True)
            report = with_summary(report, summary, warning)
        if store_it and store is not None:
            stored = store_statement(store, reading, report)
    finally:
        if store is not None:
            store.close()
    if format is Format.json:
        data = report.to_json()
        if stored is not None:
            data["statement_id"] = stored[0]
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        _policy_table(report)
    if stored is not None:
        err.print(f"statement #{stored[0]} {'stored' if stored[1] else 'already stored'}", markup=False)


# -- end of policy block -------------------------------------------------------------------------------------------


def main() -> None:
    """Entry point: usage errors (a bad option, a missing argument) are one line and exit 2 as well."""
    if len(sys.argv) <= 1:
        app()  # no arguments: the help
        return
    try:
        rc = app(standalone_mode=False)
    except typer.Abort:
        err.print("oresight: interrupted", markup=False)
        sys.exit(130)
    except Exception as e:
        # the CLI library's usage errors carry exit code 2 and a message (its exception classes are private)
        message = getattr(e, "format_message", None)
        if getattr(e, "exit_code", None) == 2 and callable(message):
            err.print(f"oresight: {' '.join(str(message()).split())} (see --help)", markup=False, soft_wrap=True)
            sys.exit(2)
        raise
    sys.exit(rc if isinstance(rc, int) else 0)


if __name__ == "__main__":
    main()
