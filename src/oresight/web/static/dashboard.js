// Oresight dashboard: charts, the live feed and jumping to a marked value.
// Every page is complete without this file; it never inserts HTML strings (text goes in as text).
'use strict';

const BANDS = ['watch', 'notable', 'significant', 'exceptional'];

// -- charts: Vega-Lite specs embedded as JSON, drawn as SVG by vega-embed (served from /static/vendor)
function drawCharts() {
  if (typeof window.vegaEmbed !== 'function') return;
  for (const figure of document.querySelectorAll('figure.chart')) {
    const data = figure.querySelector('script.chart-spec');
    const view = figure.querySelector('.chart-view');
    if (!data || !view) continue;
    let spec;
    try { spec = JSON.parse(data.textContent); } catch (e) { continue; }
    // ast: expressions run in vega's interpreter (no eval: the CSP has no 'unsafe-eval');
    // no default stylesheet, tooltip handler or action menu (they would need inline styles)
    window.vegaEmbed(view, spec, { mode: 'vega-lite', renderer: 'svg', ast: true, actions: false,
                                   defaultStyle: false, tooltip: false })
      .then(() => {
        figure.classList.add('rendered');
        const numbers = figure.querySelector('details.numbers');
        if (numbers) numbers.open = false;
      })
      .catch((err) => { view.textContent = ''; console.warn('chart not drawn:', err); });
  }
}

// -- facts: a click on a value scrolls the text to its mark and highlights it
function showMark(mark, smooth) {
  for (const m of document.querySelectorAll('mark.active')) m.classList.remove('active', 'flash');
  mark.classList.add('active');
  void mark.offsetWidth; // restart the flash animation
  mark.classList.add('flash');
  const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  mark.scrollIntoView({ behavior: smooth && !still ? 'smooth' : 'auto', block: 'center' });
}

function linkFacts() {
  document.addEventListener('click', (event) => {
    const link = event.target.closest('a[href^="#span-"]');
    if (!link) return;
    const mark = document.getElementById(link.getAttribute('href').slice(1));
    if (!mark) return;
    event.preventDefault();
    history.replaceState(null, '', link.getAttribute('href'));
    showMark(mark, true);
  });
  if (location.hash.startsWith('#span-')) {
    const mark = document.getElementById(location.hash.slice(1));
    if (mark) showMark(mark, false);
  }
}

// -- live feed: server-sent events from /live, one card per newly assessed announcement
function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

function renderCard(c) {
  const band = BANDS.includes(c.band) ? c.band : 'none';
  const card = el('article', `card band-${band} new`);
  card.id = `card-${Number(c.id)}`;
  const score = el('div', 'score');
  score.append(el('span', 'points', typeof c.score === 'number' ? Math.round(c.score) : '–'),
               el('span', 'band', c.band || 'not assessed'));
  const body = el('div', 'body');
  const h3 = el('h3');
  const title = el('a', null, c.title || '(untitled)');
  title.href = `/announcements/${Number(c.id)}`;
  h3.append(title);
  const meta = el('p', 'meta');
  if (c.ticker) {
    const t = el('a', 'ticker', c.ticker);
    t.href = `/companies/${encodeURIComponent(c.ticker)}`;
    meta.append(t);
  }
  for (const s of c.commodities || []) {
    const a = el('a', 'commodity', s);
    a.href = `/commodities/${encodeURIComponent(s)}`;
    meta.append(a);
  }
  if (c.type) meta.append(el('span', 'type', c.type));
  if (c.price_sensitive) meta.append(el('span', 'sensitive', 'price-sensitive'));
  meta.append(el('span', 'arrived', 'just in'));
  body.append(h3, meta);
  if (c.best) body.append(el('p', 'best', `Best: ${c.best}`));
  if (c.reason) body.append(el('p', 'reason', c.reason));
  card.append(score, body);
  return card;
}

function matches(c, f) {
  if (f.q) return false; // a text search cannot be judged here: reload to see new matches
  if (f.ticker && (c.ticker || '').toUpperCase() !== f.ticker.toUpperCase()) return false;
  if (f.commodity && !(c.commodities || []).some((s) => s.toLowerCase() === f.commodity.toLowerCase())) return false;
  if (f.band && c.band !== f.band) return false;
  if (f.type && c.type !== f.type) return false;
  if (f.minScore !== '' && !(typeof c.score === 'number' && c.score >= Number(f.minScore))) return false;
  return true;
}

function liveFeed() {
  const feed = document.getElementById('feed');
  if (!feed || !feed.dataset.live || !('EventSource' in window)) return;
  const status = document.getElementById('live-status');
  const setStatus = (on, text) => {
    if (!status) return;
    status.hidden = false;
    status.className = `live-status ${on ? 'on' : 'off'}`;
    status.textContent = text;
  };
  const source = new EventSource(feed.dataset.live);
  source.addEventListener('open', () => setStatus(true, 'live'));
  source.addEventListener('error', () => setStatus(false, 'reconnecting…'));
  source.addEventListener('alert', (event) => {
    let card;
    try { card = JSON.parse(event.data); } catch (e) { return; }
    if (!card || !Number.isInteger(card.id) || !matches(card, feed.dataset)) return;
    if (document.getElementById(`card-${card.id}`)) return;
    const empty = feed.querySelector('.empty');
    if (empty) empty.remove();
    feed.prepend(renderCard(card));
  });
  window.addEventListener('pagehide', () => source.close());
}

document.addEventListener('DOMContentLoaded', () => {
  drawCharts();
  linkFacts();
  liveFeed();
});
