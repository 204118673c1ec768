"""``oresight watch``: sources → documents → extraction → assessment → storage → rules → outbox → channels,
in one asyncio process.

::

    poll loop (one per source)   fetch → record new items as pending (durable) → early alerts
    item dispatcher              pending item → download → read + extract (process pool) →
                                 assess + store → rules → alerts, recorded with the item as done
    delivery loop                due outbox entries → channel.send → delivered | retry (backoff) | dead
    digest loop                  at ``digest_at`` local time: queued alerts → one digest per rule and channel
    HTTP server                  POST /api/announcements (push), SSE stream, Atom feeds, health

Crash safety: an item is recorded (pending) before the source's cursor is saved, and is marked done in
the same transaction that records its alerts; alerts have unique idempotency keys. After a kill, the
restarted process takes up pending items again and repeats no alert it had recorded. A delivery in
flight at the moment of a kill is sent again (at-least-once) with the same ``Idempotency-Key``.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import random
import signal
import socket
from collections.abc import Callable, Sequence
from concurrent.futures import Executor
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from datetime import time as dtime
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from oresight._http import HttpClient
from oresight.alerts.channels.base import Channel, DeliveryError, build_channel
from oresight.alerts.channels.sse import Broadcaster
from oresight.alerts.model import Alert, Digest, message_from_json
from oresight.alerts.rules import Candidate, Match, Rule
from oresight.assess import rescore
from oresight.assess.facts import CompanyFacts
from oresight.assess.novelty import Novelty
from oresight.assess.service import Assessor
from oresight.assess.significance import best_line
from oresight.config import Config
from oresight.documents import Limits
from oresight.documents._ocr import OcrPage
from oresight.exceptions import BadInput, OresightError, StorageError
from oresight.model import Analysis
from oresight.pipeline import limits_from_env
from oresight.reading import Read, make_executor, ocr_job, pool_size, read_job, warm
from oresight.sources.base import FetchedAnnouncement, NotReady, Source, SourceError, build_source
from oresight.store import ALERT_PENDING, ALERT_QUEUED, NewItem, OutboxEntry, SourceItem, Store

log = logging.getLogger("oresight.watch")
T = TypeVar("T")

EARLY_SIZE = 1_000_000  # bytes: a listed document this large gets early alerts at once (it takes longer to come)
MAX_INFLIGHT_PER_WORKER = 16  # items in flight per reading process (downloads, queue, commit)
LIVE_BUFFER = 200  # live-feed events held per slow subscriber
COMMIT_BATCH = 64  # items (or alerts) written in one transaction at most
OUTCOME_WAIT = 0.005  # seconds to gather delivery outcomes into one transaction
SOURCE_BACKOFF_MAX = 300.0
DOWNLOAD_RETRY_MAX = 30.0


@dataclass(frozen=True)
class _Work:
    id: int
    item: FetchedAnnouncement
    attempts: int
    seen_at: datetime


@dataclass(frozen=True)
class _Due:
    id: int
    key: str
    channel: str
    payload: dict[str, Any]
    attempts: int
    created_at: datetime


# -- helpers --------------------------------------------------------------------------------------------


def backoff(attempts: int, base: float, cap: float, rng: random.Random | None = None) -> float:
    """Exponential backoff with ±20 % jitter: base × 2^(attempts-1), at most ``cap``."""
    r = (rng or random).uniform(0.8, 1.2)
    return float(min(cap, base * (2 ** max(0, attempts - 1))) * r)


def item_from_stored(s: SourceItem) -> FetchedAnnouncement:
    j = s.item
    return FetchedAnnouncement(
        source=s.source, key=s.key, headline=s.headline, published_at=s.published_at, ticker=s.ticker,
        price_sensitive=s.price_sensitive, types=tuple(j.get("types") or ()), url=j.get("url"), content=s.content,
        filename=j.get("filename") or "announcement.pdf", size=j.get("size"),
        meta=tuple((str(k), str(v)) for k, v in (j.get("meta") or {}).items()))


def live_card(ann_id: int, it: FetchedAnnouncement, analysis: Analysis, assessment: dict[str, Any]) -> dict[str, Any]:
    """What the live feed shows of a newly assessed announcement (JSON-ready)."""
    sig = assessment.get("significance") or {}
    published = it.published_at
    return {"id": ann_id, "title": it.headline or analysis.document.title, "ticker": it.ticker or _ticker(analysis),
            "published_at": published.isoformat() if published else None, "source": it.source,
            "price_sensitive": it.price_sensitive, "commodities": list(analysis.extraction.commodities),
            "type": (assessment.get("type") or {}).get("type"), "score": sig.get("score"), "band": sig.get("band"),
            "reason": sig.get("reason"), "best": best_line(assessment) if assessment else None}


def _rescored(read: Read, facts: CompanyFacts | None, history: int | None, novelty: Novelty) -> Read:
    """The read with its score computed again for these facts, history and novelty verdict."""
    assert read.analysis is not None and read.assessment is not None
    try:
        return replace(read, assessment=rescore(read.analysis, read.assessment, facts=facts, history=history,
                                                novelty=novelty))
    except Exception as e:  # a scoring bug: the item is recorded as failed, the watcher goes on
        log.exception("rescoring %s", read.analysis.document.title)
        return Read(None, f"internal error while assessing: {type(e).__name__}: {e}")


class _GenericSource(Source):
    """Downloads for items whose source is no longer configured (taken up again after a restart)."""

    kind = "_generic"

    async def fetch(self) -> Sequence[FetchedAnnouncement]:
        return ()


# -- the runtime ----------------------------------------------------------------------------------------


class Watcher:
    def __init__(self, config: Config, store: Store, *, client: HttpClient | None = None,
                 workers: int | None = None, limits: Limits | None = None, rng: random.Random | None = None) -> None:
        self.config = config
        self.settings = config.watch
        self.store = store
        self.client = client or HttpClient(timeout=20.0, connect_timeout=5.0, max_connections=64)
        self._own_client = client is None
        self.workers = workers if workers is not None else self.settings.workers
        self.limits = limits or limits_from_env()
        self.rng = rng or random.Random()
        self.sources: dict[str, Source] = {}
        for sc in config.sources:
            assert sc.name is not None
            self.sources[sc.name] = build_source(sc.kind, sc.name, sc.options(), self.client)
        self.channels: dict[str, Channel] = {name: build_channel(cc.kind, name, cc.options(), self.client)
                                             for name, cc in config.channels.items()}
        self.rules: list[Rule] = config.rule_objects()
        self.assessor = Assessor(store)
        self.public_url = (self.settings.public_url or "").rstrip("/")
        self._item_queue: asyncio.Queue[_Work] = asyncio.Queue()
        self._known_items: set[int] = set()  # queued, in flight or waiting for a retry
        self._commit_queue: asyncio.Queue[tuple[_Work, Read, asyncio.Future[None]]] = asyncio.Queue()
        self._alert_queue: asyncio.Queue[_Due] = asyncio.Queue()
        self._known_alerts: set[int] = set()
        self._outcomes: list[tuple[_Due, str | None, float | None]] = []
        self._outcome_wake = asyncio.Event()
        self._processing = 0
        self._tasks: set[asyncio.Task[Any]] = set()
        self._executor: Executor | None = None
        self._ocr_executor: Executor | None = None
        self._download_sem = asyncio.Semaphore(self.settings.download_concurrency)
        self._send_sem = asyncio.Semaphore(self.settings.delivery_concurrency)
        self._server: Any = None
        self.bound: tuple[str, int] | None = None
        # every newly stored, assessed announcement as a card (the dashboard's live feed; see live_card)
        self.live = Broadcaster(LIVE_BUFFER)
        self._marking: list[tuple[int, asyncio.Future[None]]] = []  # alerts whose attempt starts this turn
        self.stats = {"items": 0, "done": 0, "failed": 0, "ocr": 0, "alerts": 0, "delivered": 0, "dead": 0}

    # -- lifecycle ----------------------------------------------------------------------------

    async def run(self, stop: asyncio.Event) -> None:
        """Run until ``stop`` is set; then finish what is in flight (a few seconds at most) and return."""
        self.store.migrate()
        interrupted = self.store.recover_interrupted(resend=self.settings.interrupted == "resend")
        if interrupted:
            log.warning("%d delivery(ies) were cut off by the last stop: %s", interrupted,
                        "sent again" if self.settings.interrupted == "resend" else "dead-lettered with the reason")
        for h in self.store.source_health():
            if h.name in self.sources and h.state:
                self.sources[h.name].restore(h.state)
        self._executor = make_executor(self.workers)
        self._ocr_executor = make_executor(self.workers, ocr_lane=True)
        if self.workers != 0:  # start the pools now, not at the first document
            loop = asyncio.get_running_loop()
            await asyncio.gather(
                *[loop.run_in_executor(self._executor, warm) for _ in range(pool_size(self.workers))],
                *[loop.run_in_executor(self._ocr_executor, warm, True) for _ in range(pool_size(0, ocr_lane=True))])
        server_task = await self._start_server()
        loops = [self._poll_loop(s, stop) for s in self.sources.values() if s.kind != "push"]
        n_item_workers = MAX_INFLIGHT_PER_WORKER * max(1, self.workers or os.cpu_count() or 1) \
            + self.settings.download_concurrency
        loops += [self._item_worker(stop) for _ in range(n_item_workers)]
        loops += [self._sweep_loop(stop), self._commit_loop(stop), self._delivery_loop(stop),
                  self._outcome_loop(stop), self._digest_loop(stop)]
        log.info("watching %s; rules: %s", ", ".join(f"{s.name} ({s.kind}, every {s.interval:g} s)"
                                                      for s in self.sources.values()) or "no source",
                 ", ".join(r.name for r in self.rules) or "none")
        try:
            await asyncio.gather(*loops)
        finally:
            await self._drain(5.0)
            if self._server is not None:
                self._server.should_exit = True
            if server_task is not None:
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await asyncio.wait_for(server_task, 5.0)
            for s in self.sources.values():
                await s.aclose()
            for c in self.channels.values():
                await c.aclose()
            for ex in (self._executor, self._ocr_executor):
                if ex is not None:
                    ex.shutdown(wait=False, cancel_futures=True)
            if self._own_client:
                await self.client.aclose()

    async def _drain(self, grace: float) -> None:
        pending = [t for t in self._tasks if not t.done()]
        if pending:
            _, still = await asyncio.wait(pending, timeout=grace)
            for t in still:
                t.cancel()

    def _spawn(self, coro: Any) -> None:
        task = asyncio.get_running_loop().create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _start_server(self) -> asyncio.Task[Any] | None:
        hp = self.settings.host_port
        if hp is None:
            return None
        import uvicorn

        from oresight.web.app import create_app

        sock = socket.socket(socket.AF_INET6 if ":" in hp[0] else socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(hp)
        except OSError as e:
            sock.close()
            raise BadInput(f"cannot listen on {self.settings.listen}: {e.strerror or e}") from None
        self.bound = sock.getsockname()[:2]
        if not self.public_url:
            self.public_url = f"http://{self.bound[0]}:{self.bound[1]}"
        config = uvicorn.Config(create_app(self), log_level="warning", lifespan="off", access_log=False)
        self._server = uvicorn.Server(config)
        self._server.install_signal_handlers = lambda: None
        task = asyncio.get_running_loop().create_task(self._server.serve(sockets=[sock]))
        for _ in range(200):
            if self._server.started or task.done():
                break
            await asyncio.sleep(0.01)
        log.info("listening on %s", self.public_url)
        return task

    # -- sources ------------------------------------------------------------------------------

    async def _poll_loop(self, source: Source, stop: asyncio.Event) -> None:
        errors = 0
        while not stop.is_set():
            delay = source.next_delay(self.rng)
            try:
                items = await source.fetch()
                new = self.accept(items)
                self.store.source_ok(source.name, source.kind, state=_jsonable(source.state), new_items=new)
                errors = 0
            except SourceError as e:
                errors = self.store.source_failed(source.name, source.kind, error=str(e))
                delay = max(e.retry_after or 0.0, min(SOURCE_BACKOFF_MAX, source.interval * 2 ** min(errors, 10)))
                log.warning("source %s: %s (next try in %.1f s)", source.name, e, delay)
            except StorageError as e:
                log.error("source %s: %s", source.name, e)
                delay = max(delay, 1.0)
            except Exception as e:  # a source bug must not stop the others
                errors = self.store.source_failed(source.name, source.kind, error=f"{type(e).__name__}: {e}")
                delay = min(SOURCE_BACKOFF_MAX, source.interval * 2 ** min(errors, 10))
                log.exception("source %s failed", source.name)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), delay)

    def accept(self, items: Sequence[FetchedAnnouncement]) -> int:
        """Record new items as pending (durably), send early alerts, queue them for processing; returns how
        many were new. Items already recorded are ignored."""
        if not items:
            return 0
        ids = self.store.record_items([NewItem(i.source, i.key, i.headline, i.ticker, i.published_at,
                                               i.price_sensitive, i.to_json(), i.content) for i in items])
        now = datetime.now(UTC)
        new = [(item_id, it) for item_id, it in zip(ids, items, strict=True) if item_id is not None]
        for item_id, it in new:
            if it.size is not None and it.size >= EARLY_SIZE and it.content is None:
                self._early(item_id, it)
            self._enqueue_item(_Work(item_id, it, 0, now))
        self.stats["items"] += len(new)
        return len(new)

    def _enqueue_item(self, w: _Work) -> None:
        self._known_items.add(w.id)
        self._item_queue.put_nowait(w)

    def _early(self, item_id: int, it: FetchedAnnouncement) -> None:
        entries: list[OutboxEntry] = []
        cand = Candidate(it.headline, it.ticker, it.price_sensitive)
        for rule in self.rules:
            if not rule.early or rule.mode != "urgent":
                continue
            m = rule.match(cand)
            if m is None:
                continue
            alert = self._alert(rule, "early", it, m.why)
            entries += self._entries(rule, alert, "early", item_id, None)
        if entries:
            self._queue_alerts(self.store.add_alerts(entries))

    # -- items --------------------------------------------------------------------------------

    async def _item_worker(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            try:
                w = await asyncio.wait_for(self._item_queue.get(), 0.5)
            except TimeoutError:
                continue
            self._processing += 1
            try:
                await self._process(w)
            except StorageError as e:
                log.error("item %s: %s", w.item.uid, e)
                self._known_items.discard(w.id)  # still pending in the database: the sweep takes it up again
            except Exception:
                log.exception("item %s failed", w.item.uid)
                self._known_items.discard(w.id)
                with contextlib.suppress(OresightError):
                    self.store.complete_item(w.id, announcement_id=None, error="internal error (see the watch log)")
            finally:
                self._processing -= 1

    async def _sweep_loop(self, stop: asyncio.Event) -> None:
        """Every second: pending items and due alerts the database holds but this process has not queued
        (after a restart, a retry from the API, a digest)."""
        while not stop.is_set():
            try:
                unknown = [i for i in self.store.pending_item_ids() if i not in self._known_items]
                for s in self.store.items_by_id(unknown[:1000]):
                    if s.status == "pending" and s.id not in self._known_items:
                        self._enqueue_item(_Work(s.id, item_from_stored(s), s.attempts, s.seen_at))
                for a in self.store.due_alerts(limit=500, skip=self._known_alerts):
                    if a.id not in self._known_alerts:
                        self._enqueue_alert(_Due(a.id, a.key, a.channel, a.payload, a.attempts, a.created_at))
            except StorageError as e:
                log.error("%s", e)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), 1.0)

    async def _process(self, w: _Work) -> None:
        it = w.item
        if it.content is None and not it.url:  # taken up from the database: the pushed document is there
            it = replace(it, content=self.store.item_content(w.id))
        source = self.sources.get(it.source) or _GenericSource(it.source, {}, self.client)
        try:
            async with self._download_sem:
                data = await source.download(it)
        except SourceError as e:
            self._retry_download(w, e)
            return
        assert self._executor is not None and self._ocr_executor is not None
        loop = asyncio.get_running_loop()
        facts, history = self.assessor.context(it.ticker)
        read = await loop.run_in_executor(self._executor, read_job, data, it.filename, self.limits, facts, history,
                                          True)
        if read.needs_ocr:
            self.stats["ocr"] += 1
            self._early(w.id, it)  # a scan waits for OCR (about a second a page): early rules hear of it now
            spread = await self._ocr_spread(data, it.filename, read.ocr_pages)
            read = await loop.run_in_executor(self._ocr_executor, read_job, data, it.filename, self.limits, facts,
                                              history, False, spread)
        if read.analysis is not None and (first := read.assessment) is not None:
            # (a document stored before, taken up again after a restart, keeps its stored assessment: the
            # store returns that one, so no lookup is needed here)
            novelty = self.assessor.novelty(read.analysis, published_at=it.published_at, shingles=read.shingles)
            doc_ticker = _ticker(read.analysis)
            if novelty.flagged or doc_ticker not in (None, it.ticker):
                # a repeat changes the score, and a document that names another company first is scored with
                # that company's facts and history: only the score is computed again (about 0.5 ms, less than
                # a trip to a worker and back with the analysis)
                facts, history = self.assessor.context(doc_ticker or it.ticker)
                read = _rescored(read, facts, history, novelty)
            else:
                read = replace(read, assessment=replace(first, novelty=novelty))
        done: asyncio.Future[None] = loop.create_future()
        await self._commit_queue.put((w, read, done))
        await done

    async def _ocr_spread(self, data: bytes, filename: str, pages: Sequence[int]) -> dict[int, OcrPage]:
        """The pages of a scan with more than one page to OCR, read by all the OCR lane's processes at once
        (a 4-page scan takes about 2 s instead of 4 on two cores); {} for one page (read_job does it)."""
        lanes = min(len(pages), pool_size(self.workers, ocr_lane=True) if self.workers != 0 else 1)
        if lanes < 2:
            return {}
        loop = asyncio.get_running_loop()
        parts = await asyncio.gather(*[
            loop.run_in_executor(self._ocr_executor, ocr_job, data, filename, self.limits, tuple(pages[k::lanes]))
            for k in range(lanes)])
        return {number: page for part in parts for number, page in part.items()}

    def _retry_download(self, w: _Work, e: SourceError) -> None:
        it = w.item
        age = (datetime.now(UTC) - w.seen_at).total_seconds()
        if isinstance(e, NotReady) and w.attempts == 0:
            self._early(w.id, it)
        if age > self.settings.document_wait or (not isinstance(e, NotReady) and w.attempts + 1 >= 8):
            reason = f"document not downloaded after {w.attempts + 1} attempts: {e}"
            self.store.record_error(source=it.uid, reason=reason, kind="download")
            self.store.complete_item(w.id, announcement_id=None, error=reason)
            self._known_items.discard(w.id)
            self.stats["failed"] += 1
            return
        delay = max(e.retry_after or 0.0, backoff(w.attempts + 1, 0.25, DOWNLOAD_RETRY_MAX, self.rng))
        self.store.retry_item(w.id, error=str(e), next_attempt_at=datetime.now(UTC) + timedelta(seconds=delay))
        later = replace(w, attempts=w.attempts + 1)
        asyncio.get_running_loop().call_later(delay, self._item_queue.put_nowait, later)

    async def _commit_loop(self, stop: asyncio.Event) -> None:
        """Store what the workers assessed, in batches: one transaction for the announcements, one for the
        items' completion and their alerts, however many items are ready."""
        while not (stop.is_set() and self._commit_queue.empty() and not self._processing):
            try:
                first = await asyncio.wait_for(self._commit_queue.get(), 0.1)
            except TimeoutError:
                continue
            batch = [first]
            while len(batch) < COMMIT_BATCH and not self._commit_queue.empty():
                batch.append(self._commit_queue.get_nowait())
            try:
                self._commit(batch)
            except StorageError as e:
                log.error("storing %d item(s): %s", len(batch), e)
                for w, _, _ in batch:
                    self._known_items.discard(w.id)  # still pending: the sweep takes them up again
            finally:
                for _, _, fut in batch:
                    if not fut.done():
                        fut.set_result(None)

    def _commit(self, batch: list[tuple[_Work, Read, asyncio.Future[None]]]) -> None:
        ok = [(w, r) for w, r, _ in batch if r.analysis is not None and r.assessment is not None]
        stored = self.assessor.ingest_assessed([
            (r.analysis, w.item.uid, w.item.published_at, r.assessment, r.shingles)  # type: ignore[misc]
            for w, r in ok])
        early_keys = [self._key(rule, c, w.item, "early") for w, _ in ok for rule in self.rules if rule.early
                      for c in rule.channels]
        sent = self.store.existing_keys(early_keys) if early_keys else set()
        done: list[tuple[int, int | None, str | None, Sequence[OutboxEntry]]] = []
        for (w, r), (ann_id, _created, assessment) in zip(ok, stored, strict=True):
            assert r.analysis is not None
            done.append((w.id, ann_id, None, self._final_entries(w.id, w.item, ann_id, r.analysis, assessment or {},
                                                                 sent)))
        for w, r, _ in batch:
            if r.analysis is None or r.assessment is None:
                reason = r.error or "unreadable"
                self.store.record_error(source=w.item.uid, reason=reason)
                done.append((w.id, None, reason, ()))
                self.stats["failed"] += 1
                log.warning("%s: %s", w.item.uid, reason)
        added = self.store.complete_items(done)
        for w, _, _ in batch:
            self._known_items.discard(w.id)
        self.stats["done"] += len(ok)
        self._queue_alerts(added)
        if self.live.subscribers:
            for (w, r), (ann_id, created, assessment) in zip(ok, stored, strict=True):
                if created and r.analysis is not None:
                    self.live.publish(live_card(ann_id, w.item, r.analysis, assessment or {}))

    def _final_entries(self, item_id: int, it: FetchedAnnouncement, ann_id: int, analysis: Analysis,
                       assessment: dict[str, Any], early_sent: set[str]) -> list[OutboxEntry]:
        cand = Candidate(it.headline or analysis.document.title, it.ticker or _ticker(analysis), it.price_sensitive,
                         analysis.extraction.commodities, analysis.document.text, assessment or None)
        out: list[OutboxEntry] = []
        for rule in self.rules:
            m: Match | None = rule.match(cand) if assessment else None
            had_early = any(self._key(rule, c, it, "early") in early_sent for c in rule.channels)
            if m is None and not had_early:
                continue
            why = m.why if m else (f"rule {rule.name!r}: follow-up of the early alert; the assessed document "
                                   f"does not meet the rule")
            phase = "completed" if had_early else "assessed"
            alert = self._alert(rule, phase, it, why, ann_id=ann_id, assessment=assessment, analysis=analysis)
            out += self._entries(rule, alert, "final", item_id, ann_id)
        return out

    # -- alerts -------------------------------------------------------------------------------

    @staticmethod
    def _key(rule: Rule, channel: str, it: FetchedAnnouncement, slot: str) -> str:
        return f"{rule.name}|{channel}|{it.uid}|{slot}"

    def _entries(self, rule: Rule, alert: Alert, slot: str, item_id: int, ann_id: int | None) -> list[OutboxEntry]:
        if rule.mode == "digest" and slot != "early":
            key = self._key(rule, "", _uid_item(alert.announcement), slot)
            return [OutboxEntry(key, rule.name, "", alert.phase, replace(alert, key=key).to_json(), item_id, ann_id,
                                status=ALERT_QUEUED)]
        out = []
        for channel in rule.channels:
            key = self._key(rule, channel, _uid_item(alert.announcement), slot)
            out.append(OutboxEntry(key, rule.name, channel, alert.phase, replace(alert, key=key).to_json(),
                                   item_id, ann_id, status=ALERT_PENDING))
        return out

    def _alert(self, rule: Rule, phase: Any, it: FetchedAnnouncement, why: str, *, ann_id: int | None = None,
               assessment: dict[str, Any] | None = None, analysis: Analysis | None = None) -> Alert:
        links: list[tuple[str, str]] = []
        if ann_id is not None and self.public_url:
            links.append(("announcement", f"{self.public_url}/api/announcements/{ann_id}"))
        if it.url:
            links.append(("document", it.url))
        sig = (assessment or {}).get("significance") or {}
        return Alert(key="", rule=rule.name, phase=phase, announcement=it.uid, headline=it.headline, why=why,
                     ticker=it.ticker or (_ticker(analysis) if analysis else None), published_at=it.published_at,
                     price_sensitive=it.price_sensitive, announcement_id=ann_id, score=sig.get("score"),
                     band=sig.get("band"), type=((assessment or {}).get("type") or {}).get("type"),
                     commodities=tuple(analysis.extraction.commodities) if analysis else (),
                     best=best_line(assessment) if assessment else None, reason=sig.get("reason"),
                     links=tuple(links), created_at=datetime.now(UTC))

    def _queue_alerts(self, added: Sequence[tuple[int, OutboxEntry]]) -> None:
        now = datetime.now(UTC)
        for alert_id, entry in added:
            self.stats["alerts"] += 1
            if entry.status == ALERT_PENDING:
                self._enqueue_alert(_Due(alert_id, entry.key, entry.channel, entry.payload, 0, now))

    def requeue(self, alert_id: int) -> None:
        """Queue an alert put back by the API (a dead letter retried)."""
        a = self.store.alert(alert_id)
        if a is not None and a.id not in self._known_alerts:
            self._enqueue_alert(_Due(a.id, a.key, a.channel, a.payload, a.attempts, a.created_at))

    def _enqueue_alert(self, d: _Due) -> None:
        self._known_alerts.add(d.id)
        self._alert_queue.put_nowait(d)

    async def _delivery_loop(self, stop: asyncio.Event) -> None:
        """Due alerts, each sent on its own task."""
        while not stop.is_set():
            try:
                first = await asyncio.wait_for(self._alert_queue.get(), 0.5)
            except TimeoutError:
                continue
            batch = [first]
            while len(batch) < COMMIT_BATCH and not self._alert_queue.empty():
                batch.append(self._alert_queue.get_nowait())
            for d in batch:
                self._spawn(self._send(d))

    async def _send(self, d: _Due) -> None:
        channel = self.channels.get(d.channel)
        if channel is None:
            self._outcome(d, f"channel {d.channel!r} is not configured", None)
            return
        message = message_from_json(d.payload)
        try:
            async with self._send_sem:
                # recorded right before the attempt: a crash from here to the recorded outcome leaves it
                # "sending", which a restart resolves (dead letter with the reason, or resend)
                try:
                    await self._mark_sending(d.id)
                except StorageError as e:
                    log.error("%s", e)
                    self._known_alerts.discard(d.id)  # still pending: the sweep takes it up again
                    return
                await asyncio.wait_for(channel.send(message), 60.0)
        except (DeliveryError, TimeoutError) as e:
            permanent = isinstance(e, DeliveryError) and e.permanent
            retry_after = e.retry_after if isinstance(e, DeliveryError) else None
            attempts = d.attempts + 1
            age = (datetime.now(UTC) - d.created_at).total_seconds()
            text = str(e) or "timed out after 60 s"
            if permanent or attempts >= self.settings.max_attempts or age > 86_400:
                why = "refused" if permanent else f"gave up after {attempts} attempts"
                log.warning("dead letter %s: %s: %s", d.key, why, text)
                self._outcome(d, f"{why}: {text}", None)
            else:
                delay = max(retry_after or 0.0,
                            backoff(attempts, self.settings.backoff_base, self.settings.backoff_max, self.rng))
                self._outcome(d, text, delay)
            return
        except Exception as e:  # a channel bug: keep the alert, retry later
            log.exception("channel %s failed", d.channel)
            self._outcome(d, f"internal error in channel {d.channel!r}: {type(e).__name__}: {e}", 60.0)
            return
        self._outcome(d, None, None)

    async def _mark_sending(self, alert_id: int) -> None:
        """Record that this alert's attempt starts, in one transaction with the other attempts starting in the
        same turn of the event loop."""
        loop = asyncio.get_running_loop()
        fut: asyncio.Future[None] = loop.create_future()
        if not self._marking:
            loop.call_soon(self._flush_marks)
        self._marking.append((alert_id, fut))
        await fut

    def _flush_marks(self) -> None:
        batch, self._marking = self._marking, []
        try:
            self.store.mark_sending([alert_id for alert_id, _ in batch])
        except StorageError as e:
            for _, fut in batch:
                if not fut.done():
                    fut.set_exception(e)
            return
        for _, fut in batch:
            if not fut.done():
                fut.set_result(None)

    def _outcome(self, d: _Due, error: str | None, retry_in: float | None) -> None:
        self._outcomes.append((d, error, retry_in))
        self._outcome_wake.set()

    async def _outcome_loop(self, stop: asyncio.Event) -> None:
        """Record delivery outcomes in batches (one transaction per few milliseconds of deliveries)."""
        while not (stop.is_set() and not self._outcomes and not self._sending_tasks()):
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._outcome_wake.wait(), 0.5)
            self._outcome_wake.clear()
            if not self._outcomes:
                continue
            await asyncio.sleep(OUTCOME_WAIT)
            batch, self._outcomes = self._outcomes, []
            now = datetime.now(UTC)
            delivered = [d.id for d, error, _ in batch if error is None]
            failed = [(d.id, error, now + timedelta(seconds=retry) if retry is not None else None)
                      for d, error, retry in batch if error is not None]
            try:
                self.store.record_outcomes(delivered, failed)
            except StorageError as e:
                log.error("%s", e)
                self._outcomes = batch + self._outcomes
                await asyncio.sleep(1.0)
                continue
            loop = asyncio.get_running_loop()
            for d, error, retry in batch:
                if error is None:
                    self.stats["delivered"] += 1
                    self._known_alerts.discard(d.id)
                elif retry is None:
                    self.stats["dead"] += 1
                    self._known_alerts.discard(d.id)
                else:
                    loop.call_later(retry, self._alert_queue.put_nowait, replace(d, attempts=d.attempts + 1))

    def _sending_tasks(self) -> bool:
        return any(not t.done() for t in self._tasks)

    # -- digest -------------------------------------------------------------------------------

    def next_digest(self, now: datetime | None = None) -> datetime:
        tz = ZoneInfo(self.settings.timezone)
        local = (now or datetime.now(UTC)).astimezone(tz)
        at = dtime.fromisoformat(self.settings.digest_at)
        when = local.replace(hour=at.hour, minute=at.minute, second=0, microsecond=0)
        if when <= local:
            when += timedelta(days=1)
        return when.astimezone(UTC)

    async def _digest_loop(self, stop: asyncio.Event) -> None:
        if not any(r.mode == "digest" for r in self.rules):
            await stop.wait()
            return
        while not stop.is_set():
            wait = (self.next_digest() - datetime.now(UTC)).total_seconds()
            try:
                await asyncio.wait_for(stop.wait(), max(0.0, wait))
                return
            except TimeoutError:
                pass
            try:
                self.queue_digests()
            except StorageError as e:
                log.error("%s", e)

    def queue_digests(self, now: datetime | None = None) -> int:
        """Turn every digest rule's queued alerts into one digest per channel (in the outbox); returns how
        many digests were queued."""
        now = now or datetime.now(UTC)
        queued = 0
        for rule in self.rules:
            if rule.mode != "digest":
                continue
            waiting = self.store.digest_alerts(rule.name, until=now)
            if not waiting:
                continue
            alerts = tuple(Alert.from_json(a.payload) for a in waiting)
            start = min(a.created_at for a in waiting)
            entries = []
            for channel in rule.channels:
                key = f"{rule.name}|{channel}|digest|{now:%Y-%m-%dT%H:%M}"
                digest = Digest(key=key, rule=rule.name, period_start=start, period_end=now, alerts=alerts)
                entries.append(OutboxEntry(key, rule.name, channel, "digest", digest.to_json()))
            queued += self.store.record_digest([a.id for a in waiting], entries)
        return queued  # the sweep queues them within a second


def _ticker(analysis: Analysis | None) -> str | None:
    if analysis is None:
        return None
    companies = analysis.extraction.companies
    return companies[0].ticker if companies else None


def _uid_item(uid: str) -> FetchedAnnouncement:
    source, _, key = uid.partition(":")
    return FetchedAnnouncement(source=source, key=key, headline="")


def _jsonable(state: dict[str, Any]) -> dict[str, Any]:
    import json

    return dict(json.loads(json.dumps(state, default=str)))


def run_watch(config: Config, store: Store, *, workers: int | None = None,
              on_ready: Callable[[Watcher], None] | None = None) -> Watcher:
    """Run a watcher in this thread until SIGTERM or SIGINT (clean shutdown); returns it with its stats."""
    watcher_box: list[Watcher] = []

    async def main() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, stop.set)
        watcher = Watcher(config, store, workers=workers)
        watcher_box.append(watcher)
        task = loop.create_task(watcher.run(stop))
        if on_ready is not None:
            while watcher.bound is None and config.watch.host_port is not None and not task.done():
                await asyncio.sleep(0.01)
            on_ready(watcher)
        await task

    asyncio.run(main())
    return watcher_box[0]

