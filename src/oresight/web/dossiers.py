"""Dossier pages of the dashboard: what the reference data says about a commodity or a country, and the
supply-shock scenario as a form.

==========================================  =====================================================
``GET  /dossiers``                          the commodities and countries with reference figures
``GET  /dossiers/commodity/{name}``         reserves (shares, by edition, national claims against USGS),
                                            mine production, stage shares with HHI, top-1 and top-3,
                                            announcements naming the commodity, the scenario form
``GET  /dossiers/country/{name}``           a country's figures by commodity, claims, stage shares and
                                            the announcements that name it
``GET  /dossiers/scenario?mineral=&stage=&country=&cut=``
                                            the scenario: the global shortfall at the cut stage and at
                                            each stage downstream (a GET form: works without JavaScript)
==========================================  =====================================================

Every number links to the reference rows it was read or computed from (the "Reference rows" table at the end
of each page, anchors ``#ref-ID``) and carries them in ``data-refs``; charts are Vega-Lite specs embedded as
JSON, drawn by ``static/dashboard.js``, with the same numbers in a table. Mounted by
``mount_dossiers(app, watcher)``; the shipped reference rows are loaded into the store on first use.
"""

from __future__ import annotations

import math
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse

from oresight.context import dossier as dossiers
from oresight.context.aliases import commodity_name, commodity_symbol
from oresight.context.analytics import chain, stage_label
from oresight.context.loader import store_rows
from oresight.context.model import ReferenceRow
from oresight.context.tables import number
from oresight.web.dashboard import VL_SCHEMA, _environment, charts_installed

if TYPE_CHECKING:
    from oresight.store import Store
    from oresight.watch import Watcher

Json = dict[str, Any]
MAX_NAME = 80


# -- charts ------------------------------------------------------------------------------------------------


def shares_spec(shares: Json, title: str) -> Json:
    """Vega-Lite: each country's share of the world figure (horizontal bars, largest first)."""
    values = [{"country": c["country"], "share": c["share_pct"]["value"]}
              for c in shares["countries"] if c["share_pct"] and not c["aggregate"]]
    return {"$schema": VL_SCHEMA, "description": title, "data": {"values": values}, "width": 420, "mark": "bar",
            "encoding": {"y": {"field": "country", "type": "nominal", "sort": "-x", "title": None},
                         "x": {"field": "share", "type": "quantitative", "title": "share of world (%)"}}}


def history_spec(series: list[Json], editions: list[str], unit: str) -> Json:
    """Vega-Lite: reserves by edition, one line per country (editions in release order)."""
    values = [{"country": s["country"], "edition": p["edition"], "value": p["value"]["value"]}
              for s in series for p in s["points"]]
    return {"$schema": VL_SCHEMA, "description": "Reserves by edition", "data": {"values": values},
            "width": 420, "height": 240, "mark": {"type": "line", "point": True},
            "encoding": {"x": {"field": "edition", "type": "ordinal", "sort": editions, "title": None},
                         "y": {"field": "value", "type": "quantitative", "title": f"reserves ({unit})"},
                         "color": {"field": "country", "type": "nominal", "title": "country"}}}


def stages_spec(stages: list[Json]) -> Json:
    """Vega-Lite: the country shares of each supply-chain stage (stacked bars, one per stage)."""
    values = [{"stage": st["label"], "country": s["country"], "share": s["share_pct"]["value"]}
              for st in stages for s in st["shares"]]
    return {"$schema": VL_SCHEMA, "description": "Shares by supply-chain stage", "data": {"values": values},
            "width": 420, "mark": "bar",
            "encoding": {"y": {"field": "stage", "type": "nominal", "sort": None, "title": None},
                         "x": {"field": "share", "type": "quantitative", "title": "share (%)",
                               "scale": {"domain": [0, 100]}},
                         "color": {"field": "country", "type": "nominal", "title": "country"}}}


def country_stages_spec(points: list[Json]) -> Json:
    """Vega-Lite: a country's share at each stage of each commodity (bars)."""
    return {"$schema": VL_SCHEMA, "description": "Share at each supply-chain stage", "data": {"values": points},
            "width": 420, "mark": "bar",
            "encoding": {"y": {"field": "stage", "type": "nominal", "sort": None, "title": None},
                         "x": {"field": "share", "type": "quantitative", "title": "share (%)",
                               "scale": {"domain": [0, 100]}},
                         "color": {"field": "commodity", "type": "nominal", "title": "commodity"}}}


def scenario_spec(result: Json) -> Json:
    """Vega-Lite: the global shortfall at each stage (percent of the stage's world output)."""
    values = [{"stage": i["label"], "shortfall": i["shortfall_pct"]["value"] if i["shortfall_pct"] else 0.0,
               "relation": i["relation"]} for i in result["impacts"]]
    return {"$schema": VL_SCHEMA, "description": "Global shortfall by stage", "data": {"values": values},
            "width": 420, "mark": "bar",
            "encoding": {"y": {"field": "stage", "type": "nominal", "sort": None, "title": None},
                         "x": {"field": "shortfall", "type": "quantitative", "title": "global shortfall (%)",
                               "scale": {"domain": [0, 100]}},
                         "color": {"field": "relation", "type": "nominal", "title": None}}}


# -- figures ---------------------------------------------------------------------------------------------------


def figure_text(f: Json) -> str:
    """A figure as shown: ``3,800,000``, ``69.2%``, ``7.55×``, ``>75,000,000`` for a lower bound."""
    text = number(f.get("value"), str(f.get("unit") or ""))
    return (">" + text) if f.get("qualifier") == "lower_bound" else text


def citation(f: Json, refs: Json) -> str:
    """The tooltip of a figure: how it was computed, then each row it cites (source, edition, data year, place)."""
    lines = [str(f["formula"])] if f.get("formula") else []
    for i in f.get("refs") or ():
        r = refs.get(str(i))
        if r:
            source = str(r["source"])
            source = source if len(source) <= 140 else source[:139] + "…"
            lines.append(f"[{i}] {source} | edition {r['edition']}, data year {r['data_year'] or 'n/a'} | "
                         f"{r['dataset']} line {r['line']}")
    return "\n".join(lines)


# -- the form -------------------------------------------------------------------------------------------------


def _text(value: str | None, limit: int = MAX_NAME) -> str:
    return " ".join((value or "").split())[:limit]


def parse_cut(raw: str) -> float | None:
    try:
        value = float(raw)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def scenario_form(rows: list[ReferenceRow], params: Any) -> Json:
    """The form's choices and the values given (mineral, stage, country, cut)."""
    minerals = [c["commodity"] for c in dossiers.index(rows)["commodities"] if c["chain"]]
    mineral = _text(params.get("mineral"))
    key = dossiers.resolve_commodity(rows, mineral) if mineral else None
    stages = chain(rows, key) if key else sorted({s for m in minerals for s in chain(rows, m)})
    countries = sorted({r.country_key for r in rows if r.commodity == key and not r.is_claim
                        and r.country_key not in ("World", "Other")} if key else set())
    return {"minerals": [(m, commodity_name(m)) for m in minerals], "stages": [(s, stage_label(s)) for s in stages],
            "countries": countries, "mineral": key or mineral, "stage": _text(params.get("stage")),
            "country": _text(params.get("country")), "cut": _text(params.get("cut"), 20)}


# -- the routes -------------------------------------------------------------------------------------------------


def mount_dossiers(app: FastAPI, watcher: Watcher) -> None:
    """Add the dossier pages to ``app`` (after :func:`oresight.web.dashboard.mount_dashboard`, whose security
    headers cover them)."""
    store: Store = watcher.store
    env = _environment()
    env.globals["stage_label"] = stage_label
    env.filters["stage_label"] = stage_label
    env.filters["figure"] = figure_text
    env.filters["cite"] = citation
    tz = ZoneInfo(watcher.settings.timezone)

    def when(value: datetime | None, fmt: str = "%Y-%m-%d %H:%M") -> str:
        if value is None:
            return ""
        return (value if value.tzinfo else value.replace(tzinfo=UTC)).astimezone(tz).strftime(fmt)

    env.filters["when"] = when

    def rows() -> list[ReferenceRow]:
        return store_rows(store)  # loads the shipped rows the first time (idempotent, cheap after)

    def render(request: Request, name: str, status_code: int = 200, **ctx: Any) -> HTMLResponse:
        charts = ctx.pop("charts", [])
        html = env.get_template(name).render(charts=charts, charts_js=bool(charts) and charts_installed(),
                                             path=request.url.path, timezone=watcher.settings.timezone, **ctx)
        return HTMLResponse(html, status_code=status_code)

    def not_found(request: Request, message: str) -> HTMLResponse:
        return render(request, "message.html", status_code=404, title="Not found", message=message)

    @app.get("/dossiers", response_class=HTMLResponse, include_in_schema=False)
    async def index(request: Request) -> HTMLResponse:
        all_rows = rows()
        return render(request, "dossiers.html", title="Dossiers", index=dossiers.index(all_rows),
                      loads=store.reference_loads())

    @app.get("/dossiers/commodity/{name}", response_class=HTMLResponse, include_in_schema=False)
    async def commodity(request: Request, name: str) -> HTMLResponse:
        all_rows = rows()
        key = dossiers.resolve_commodity(all_rows, name[:MAX_NAME])
        if key is None:
            return not_found(request, f"No reference figures for the commodity {name[:MAX_NAME]!r}.")
        symbol = commodity_symbol(key)
        cards = store.browse(commodity=symbol, limit=20).items if symbol else []
        d = dossiers.commodity_dossier(all_rows, key, announcements=cards)
        assert d is not None
        charts = []
        if d["reserves"] and any(c["share_pct"] for c in d["reserves"]["countries"]):
            charts.append({"id": "chart-reserves-share", "title": f"Share of world reserves, {d['reserves']['edition']}",
                           "spec": shares_spec(d["reserves"], "Share of world reserves"), "table": "reserves"})
        if d["reserves_history"]:
            charts.append({"id": "chart-reserves-history", "title": "Reserves by edition",
                           "spec": history_spec(d["reserves_history"], d["editions"], d["reserves"]["unit"] if d["reserves"] else "t"),
                           "table": "reserves-history"})
        if d["production"] and any(c["share_pct"] for c in d["production"]["countries"]):
            charts.append({"id": "chart-production-share",
                           "title": f"Share of world mine production, {d['production']['data_year']}",
                           "spec": shares_spec(d["production"], "Share of world mine production"), "table": "production"})
        if d["stages"]:
            charts.append({"id": "chart-stages", "title": "Shares by supply-chain stage", "spec": stages_spec(d["stages"]),
                           "table": "stages"})
        form = scenario_form(all_rows, {"mineral": key})
        return render(request, "dossier_commodity.html", title=d["name"], d=d, form=form,
                      charts={c["table"]: c for c in charts}, chart_list=charts,
                      statement_list=store.statements(topic=key.replace("_", " "), limit=20))

    @app.get("/dossiers/country/{name}", response_class=HTMLResponse, include_in_schema=False)
    async def country(request: Request, name: str) -> HTMLResponse:
        all_rows = rows()
        place = dossiers.resolve_country(all_rows, name[:MAX_NAME])
        if place is None:
            return not_found(request, f"No reference figures for the country {name[:MAX_NAME]!r}.")
        cards = store.browse(query=f'"{place}"', limit=20).items
        d = dossiers.country_dossier(all_rows, place, announcements=cards)
        assert d is not None
        charts = []
        for s in d["commodities"]:
            series = [{"country": place, "points": s["reserves"]["history"]}]
            if s["reserves"]["history"]:
                charts.append({"id": f"chart-reserves-{s['commodity']}", "title": f"{s['name']}: reserves by edition",
                               "spec": history_spec(series, [p["edition"] for p in s["reserves"]["history"]], "t"),
                               "table": f"reserves-{s['commodity']}"})
        points = [{"commodity": s["name"], "stage": f"{s['name']}: {x['label']}", "share": x["share_pct"]["value"]}
                  for s in d["commodities"] for x in s["stages"] if x["share_pct"]]
        if points:
            charts.append({"id": "chart-country-stages", "title": "Share at each supply-chain stage",
                           "spec": country_stages_spec(points), "table": "stages"})
        return render(request, "dossier_country.html", title=place, d=d, charts={c["table"]: c for c in charts},
                      chart_list=charts, statement_list=store.statements(country=place, limit=20))

    @app.get("/dossiers/scenario", response_class=HTMLResponse, include_in_schema=False)
    async def scenario_page(request: Request) -> HTMLResponse:
        all_rows = rows()
        qp = request.query_params
        form = scenario_form(all_rows, qp)
        result = None
        problem = None
        charts = []
        given = [k for k in ("mineral", "stage", "country", "cut") if qp.get(k)]
        if given:
            cut = parse_cut(form["cut"])
            if len(given) < 4:
                problem = "Give a mineral, a stage, a country and a cut (percent) to run the scenario."
            elif cut is None:
                problem = f"The cut {form['cut']!r} is not a number (a percentage from 0 to 100)."
            else:
                try:
                    result = dossiers.scenario_view(all_rows, form["mineral"], form["stage"], form["country"], cut)
                except ValueError as e:
                    problem = str(e)
            if result is not None:
                charts.append({"id": "chart-scenario", "title": "Global shortfall by stage", "spec": scenario_spec(result),
                               "table": "scenario"})
        query = urlencode({k: form[k] for k in ("mineral", "stage", "country", "cut") if form[k]})
        return render(request, "scenario.html", status_code=400 if problem else 200, title="Scenario", form=form,
                      result=result, problem=problem, charts={c["table"]: c for c in charts}, chart_list=charts,
                      query=query)
