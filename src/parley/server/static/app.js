/*
 * Parley's browser: one page over the JSON API of `parley serve`, with hash routing.
 *
 * Views (URL forms):
 *   #/                      Events: filter form, timeline (SVG) and results table.
 *   #/?actor=RUS&quad=4...  The same, filtered; the keys are those of GET /api/events
 *                           (actor, dyad, either, code, quad, modality, since, until,
 *                           place, country, text, sort, limit, mentions).
 *   #/network[?limit=N]     Actor network (SVG), laid out by a small force simulation.
 *   #/documents[?q=&offset=]  Stored documents.
 *   #/document/<id>[?event=<event id>]  A document's text with actor mentions and event
 *                           triggers highlighted, its events and one event's details.
 *   #/paste                 Code a pasted text with POST /api/code (nothing is stored).
 *
 * Safety: every string from the server (documents, events, actors) reaches the page
 * through createTextNode / textContent / setAttribute only; nothing here parses HTML.
 */
'use strict';

// ---------------------------------------------------------------------------
// Constants

const QUADS = [
  { id: 1, name: 'verbal cooperation', colour: '#0072B2' },
  { id: 2, name: 'material cooperation', colour: '#009E73' },
  { id: 3, name: 'verbal conflict', colour: '#E69F00' },
  { id: 4, name: 'material conflict', colour: '#D55E00' },
];
const MODALITIES = ['asserted', 'negated', 'intended', 'appeal', 'hypothetical'];
const SORTS = [
  ['date', 'date, oldest first'],
  ['-date', 'date, newest first'],
  ['-mentions', 'most reported first'],
  ['goldstein', 'Goldstein, most hostile first'],
  ['-goldstein', 'Goldstein, most cooperative first'],
];
const EVENT_FILTERS = [
  'actor', 'dyad', 'either', 'code', 'quad', 'modality', 'since', 'until',
  'place', 'country', 'text', 'sort', 'limit', 'mentions',
];
const DEFAULT_EVENT_LIMIT = 500;
const DEFAULT_NETWORK_LIMIT = 60;
const DOCUMENTS_PAGE = 50;
const GOLDSTEIN_COLOURS = { negative: [215, 48, 39], zero: [150, 150, 150], positive: [33, 102, 172] };
const SVG_NS = 'http://www.w3.org/2000/svg';
const DAY_MS = 86400000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

// ---------------------------------------------------------------------------
// DOM helpers: the only way this file makes elements. Strings become text nodes.

function setAttributes(node, attrs) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      node.addEventListener(key.slice(2), value);
    } else if (key === 'style' && typeof value === 'object') {
      Object.assign(node.style, value);
    } else {
      node.setAttribute(key, value === true ? '' : String(value));
    }
  }
}

function appendChildren(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** An HTML element: el('a', {href: '#/'}, 'text', otherNode). */
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  setAttributes(node, attrs);
  appendChildren(node, children);
  return node;
}

/** An SVG element, likewise. */
function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  setAttributes(node, attrs);
  appendChildren(node, children);
  return node;
}

/** Make a non-link element act like a button for the keyboard too. */
function activatable(node, handler) {
  node.setAttribute('tabindex', '0');
  if (!node.hasAttribute('role')) node.setAttribute('role', 'button');
  node.addEventListener('click', handler);
  node.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      handler(event);
    }
  });
  return node;
}

function loadingBox(message) {
  return el('div', { class: 'status loading', 'data-testid': 'loading', role: 'status' },
    el('span', { class: 'spinner', 'aria-hidden': 'true' }), message || 'Loading…');
}

function errorBox(error) {
  const status = error && error.status ? `Error ${error.status}: ` : 'Error: ';
  const message = (error && error.message) || String(error);
  return el('div', { class: 'status error', 'data-testid': 'error', role: 'alert' }, status, message);
}

function emptyBox(message) {
  return el('div', { class: 'status empty', 'data-testid': 'empty' }, message);
}

/** Accept only http(s) links from data, so a stored "javascript:" URL is never a link. */
function safeUrl(url) {
  if (typeof url !== 'string') return null;
  try {
    const parsed = new URL(url, location.href);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch (_) {
    return null;
  }
}

// ---------------------------------------------------------------------------
// The API

class ApiError extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

function errorMessage(body, response) {
  if (body && typeof body.error === 'string') return body.error;
  if (body && typeof body.detail === 'string') return body.detail;
  if (body && Array.isArray(body.detail)) return body.detail.map((d) => d.msg).join('; ');
  return response.statusText || 'request failed';
}

async function readBody(response) {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch (_) {
    if (response.ok) throw new ApiError('the server did not send JSON', response.status);
    return { error: text.slice(0, 300) };
  }
}

/** GET (or POST with `json`) an API path; resolves to the JSON body, rejects with ApiError. */
async function api(path, json) {
  const options = { headers: { Accept: 'application/json' } };
  if (json !== undefined) {
    options.method = 'POST';
    options.headers['Content-Type'] = 'application/json';
    options.body = JSON.stringify(json);
  }
  let response;
  try {
    response = await fetch(path, options);
  } catch (error) {
    throw new ApiError(`could not reach the server (${error.message})`, 0);
  }
  const body = await readBody(response);
  if (!response.ok) throw new ApiError(errorMessage(body, response), response.status);
  return body;
}

function queryString(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') search.set(key, value);
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

// ---------------------------------------------------------------------------
// Formatting records

function actorLabel(actor) {
  if (!actor) return '?';
  if (actor.entity) return actor.sector ? `${actor.entity}/${actor.sector}` : actor.entity;
  return actor.text ? `“${actor.text}”` : '?';
}

function actorsLabel(actors) {
  return actors && actors.length ? actors.map(actorLabel).join(', ') : '—';
}

function dyadLabel(event) {
  const arrow = event.symmetric ? ' ↔ ' : ' → ';
  return `${actorsLabel(event.source)}${arrow}${actorsLabel(event.target)}`;
}

function dateLabel(date) {
  if (!date || !date.start) return '—';
  return date.end && date.end !== date.start ? `${date.start} – ${date.end}` : date.start;
}

function placeLabel(place) {
  if (!place || !place.name) return '—';
  return place.country ? `${place.name}, ${place.country}` : place.name;
}

function quadInfo(quadClass) {
  return QUADS.find((q) => q.id === Number(quadClass)) || null;
}

function quadName(quadClass) {
  const quad = quadInfo(quadClass);
  return quad ? quad.name : '—';
}

function quadColour(quadClass) {
  const quad = quadInfo(quadClass);
  return quad ? quad.colour : '#777777';
}

function mentionCount(event) {
  return (event.cluster && Number(event.cluster.mentions)) || 1;
}

function publishersLabel(publishers) {
  let value = publishers;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch (_) {
      return value;
    }
  }
  if (Array.isArray(value)) return value.length ? value.join(', ') : '—';
  return value === null || value === undefined ? '—' : String(value);
}

function documentLink(docId, eventId) {
  const base = `#/document/${encodeURIComponent(docId)}`;
  return eventId ? `${base}?event=${encodeURIComponent(eventId)}` : base;
}

function modalityBadge(modality) {
  return el('span', { class: `badge modality-${modality || 'asserted'}` }, modality || 'asserted');
}

function codeBadge(event) {
  return el('span', { class: 'code', style: { borderColor: quadColour(event.quad_class) } }, event.code);
}

// ---------------------------------------------------------------------------
// Dates: "2020", "2020-11", "2020-11-03" as UTC milliseconds

/** The first (or, with `atEnd`, last) day of a partial ISO date, or null. */
function parsePartialDate(text, atEnd) {
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(String(text || ''));
  if (!match) return null;
  const year = Number(match[1]);
  const month = match[2] ? Number(match[2]) - 1 : null;
  const day = match[3] ? Number(match[3]) : null;
  if (day !== null) return Date.UTC(year, month, day);
  if (month !== null) return atEnd ? Date.UTC(year, month + 1, 0) : Date.UTC(year, month, 1);
  return atEnd ? Date.UTC(year, 11, 31) : Date.UTC(year, 0, 1);
}

function isoDay(ms) {
  return new Date(ms).toISOString().slice(0, 10);
}

const TICK_STEPS = [
  { unit: 'day', n: 1 }, { unit: 'day', n: 2 }, { unit: 'day', n: 7 }, { unit: 'day', n: 14 }, { unit: 'month', n: 1 }, { unit: 'month', n: 3 },
  { unit: 'month', n: 6 }, { unit: 'year', n: 1 }, { unit: 'year', n: 2 }, { unit: 'year', n: 5 },
  { unit: 'year', n: 10 }, { unit: 'year', n: 25 }, { unit: 'year', n: 50 }, { unit: 'year', n: 100 },
];

function stepMs(step) {
  const unit = { day: DAY_MS, month: 30.44 * DAY_MS, year: 365.25 * DAY_MS }[step.unit];
  return step.n * unit;
}

function alignTick(ms, step) {
  const d = new Date(ms);
  const year = d.getUTCFullYear();
  if (step.unit === 'year') return Date.UTC(Math.floor(year / step.n) * step.n, 0, 1);
  if (step.unit === 'month') return Date.UTC(year, Math.floor(d.getUTCMonth() / step.n) * step.n, 1);
  return Date.UTC(year, d.getUTCMonth(), d.getUTCDate());
}

function addStep(ms, step) {
  const d = new Date(ms);
  if (step.unit === 'year') return Date.UTC(d.getUTCFullYear() + step.n, 0, 1);
  if (step.unit === 'month') return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + step.n, 1);
  return ms + step.n * DAY_MS;
}

function tickLabel(ms, step) {
  const d = new Date(ms);
  if (step.unit === 'year') return String(d.getUTCFullYear());
  if (step.unit === 'month') return `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
  return isoDay(ms);
}

/** Calendar-aligned ticks between two times, at most about `maxTicks` of them. */
function timeTicks(min, max, maxTicks) {
  const step = TICK_STEPS.find((s) => (max - min) / stepMs(s) <= maxTicks) || TICK_STEPS[TICK_STEPS.length - 1];
  const ticks = [];
  for (let t = alignTick(min, step); t <= max && ticks.length < 200; t = addStep(t, step)) {
    if (t >= min) ticks.push({ time: t, label: tickLabel(t, step) });
  }
  return ticks;
}

// ---------------------------------------------------------------------------
// Tooltip (one shared element)

function tooltipElement() {
  return document.getElementById('tooltip');
}

function showTooltip(lines, x, y) {
  const tip = tooltipElement();
  tip.replaceChildren(...lines.map((line, i) => el('div', { class: i === 0 ? 'tip-title' : 'tip-line' }, line)));
  tip.hidden = false;
  const { width, height } = tip.getBoundingClientRect();
  const left = x + 14 + width > window.innerWidth ? x - width - 14 : x + 14;
  const top = y + 14 + height > window.innerHeight ? y - height - 14 : y + 14;
  tip.style.left = `${Math.max(4, left)}px`;
  tip.style.top = `${Math.max(4, top)}px`;
}

function hideTooltip() {
  tooltipElement().hidden = true;
}

/** Show `lines()` near the pointer (or the element, when focused by keyboard). */
function attachTooltip(node, lines) {
  node.addEventListener('mouseenter', (e) => showTooltip(lines(), e.clientX, e.clientY));
  node.addEventListener('mousemove', (e) => showTooltip(lines(), e.clientX, e.clientY));
  node.addEventListener('mouseleave', hideTooltip);
  node.addEventListener('focus', () => {
    const box = node.getBoundingClientRect();
    showTooltip(lines(), box.right, box.bottom);
  });
  node.addEventListener('blur', hideTooltip);
}

function eventTooltipLines(event) {
  const lines = [
    `${event.code} ${event.name || ''}`.trim(),
    dyadLabel(event),
    `Date: ${dateLabel(event.date)}`,
    `Place: ${placeLabel(event.place)}`,
    `Modality: ${event.modality || 'asserted'}`,
  ];
  const mentions = mentionCount(event);
  if (mentions > 1) lines.push(`Reported ${mentions} times`);
  return lines;
}

// ---------------------------------------------------------------------------
// Router

const app = {
  token: 0, // bumped on every render, so a late response for an old view is dropped
  documentView: null, // {id, select} while a document is shown
};

const ROUTES = [
  { pattern: /^\/$/, nav: 'events', render: renderEventsView },
  { pattern: /^\/network\/?$/, nav: 'network', render: renderNetworkView },
  { pattern: /^\/documents\/?$/, nav: 'documents', render: renderDocumentsView },
  { pattern: /^\/document\/(.+)$/, nav: 'documents', render: renderDocumentView },
  { pattern: /^\/paste\/?$/, nav: 'paste', render: renderPasteView },
  { pattern: /^\/process\/?$/, nav: 'process', render: renderProcessView },
];

function parseHash() {
  const raw = location.hash.replace(/^#/, '');
  const mark = raw.indexOf('?');
  let path = mark < 0 ? raw : raw.slice(0, mark);
  if (!path.startsWith('/')) path = `/${path}`;
  return { path, params: new URLSearchParams(mark < 0 ? '' : raw.slice(mark + 1)) };
}

function decodeSegment(segment) {
  try {
    return decodeURIComponent(segment);
  } catch (_) {
    return segment;
  }
}

function go(hash) {
  if (location.hash === hash) route();
  else location.hash = hash;
}

function markNav(name) {
  for (const link of document.querySelectorAll('[data-nav]')) {
    if (link.dataset.nav === name) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

function route() {
  hideTooltip();
  const { path, params } = parseHash();
  const found = ROUTES.map((r) => ({ r, match: r.pattern.exec(path) })).find((x) => x.match);
  const view = document.getElementById('view');
  if (!found) {
    markNav(null);
    view.replaceChildren(emptyBox(`No page at #${path}.`), el('a', { href: '#/' }, 'Back to events'));
    return;
  }
  markNav(found.r.nav);
  if (reuseDocumentView(found.match, params)) return;
  app.documentView = null;
  const token = ++app.token;
  view.replaceChildren();
  found.r.render({ view, params, match: found.match, isCurrent: () => token === app.token });
}

/** A link to another event of the document already shown selects it without a reload. */
function reuseDocumentView(match, params) {
  const current = app.documentView;
  if (!current || !match[1] || decodeSegment(match[1]) !== current.id) return false;
  if (params.get('event')) current.select(params.get('event'), { scroll: true });
  return true;
}

// ---------------------------------------------------------------------------
// Process view: a peace process (a format or an actor) as a timeline and a table by role

const PROCESS_KINDS = [
  ['meeting', ['04']],
  ['agreement', ['057', '08']],
  ['pledge', ['030', '031', '032', '033', '034', '035']],
  ['appeal', ['02', '10']],
  ['violence', ['18', '19', '20']],
];

function processKind(code) {
  const found = PROCESS_KINDS.find(([, prefixes]) => prefixes.some((p) => code.startsWith(p)));
  return found ? found[0] : 'other';
}

function whoByRole(event) {
  const participants = event.participants || [];
  if (!participants.length) return dyadLabel(event);
  const roles = [...new Set(participants.map((p) => p.role))];
  return roles.map((role) => `${role}: ${actorsLabel(participants.filter((p) => p.role === role).map((p) => p.actor))}`).join('; ');
}

function processRow(event) {
  return el('tr', { 'data-testid': 'process-row', 'data-event-id': event.id },
    el('td', {}, dateLabel(event.date)),
    el('td', {}, processKind(event.code)),
    el('td', {}, el('a', { href: documentLink(event.doc_id, event.id) }, `${event.code} ${event.name || ''}`)),
    el('td', {}, whoByRole(event)),
    el('td', {}, placeLabel(event.place)));
}

function renderProcessView({ view, params, isCurrent }) {
  const name = params.get('name') || '';
  const input = el('input', { name: 'name', value: name, placeholder: 'troika plus, Afghanistan …', 'data-testid': 'process-name' });
  const form = el('form', { class: 'filters' }, el('label', {}, 'Format or actor ', input),
    el('button', { type: 'submit' }, 'Show'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    go(`#/process${queryString({ name: input.value })}`);
  });
  const results = el('div', { class: 'results' });
  view.append(el('h1', {}, 'Peace process'), form, results);
  if (!name) return;
  results.replaceChildren(loadingBox('Loading the process…'));
  api(`/api/process${queryString({ name })}`)
    .then((data) => isCurrent() && results.replaceChildren(
      el('p', { 'data-testid': 'process-what' }, `${data.what}: ${data.events.length} events`),
      timelineSection(data.events),
      el('table', { class: 'events', 'data-testid': 'process-table' },
        el('thead', {}, el('tr', {}, ['date', 'kind', 'event', 'who', 'place'].map((h) => el('th', {}, h)))),
        el('tbody', {}, data.events.map(processRow)))))
    .catch((error) => isCurrent() && results.replaceChildren(errorBox(error)));
}

// ---------------------------------------------------------------------------
// Events view: filter form, timeline and table

function renderEventsView({ view, params, isCurrent }) {
  const results = el('div', { class: 'results' }, loadingBox('Loading events…'));
  view.append(
    el('h1', {}, 'Events'),
    filterForm(params),
    results,
  );
  const query = {};
  for (const key of EVENT_FILTERS) query[key] = params.get(key);
  if (!query.limit) query.limit = DEFAULT_EVENT_LIMIT;
  api(`/api/events${queryString(query)}`)
    .then((data) => isCurrent() && showEventResults(results, data, query.limit))
    .catch((error) => isCurrent() && results.replaceChildren(errorBox(error)));
}

function showEventResults(container, data, limit) {
  const events = (data && data.events) || [];
  if (!events.length) {
    container.replaceChildren(emptyBox('No events match these filters.'));
    return;
  }
  const count = data.count === undefined ? events.length : data.count;
  const note = count >= Number(limit) ? ` (the limit; raise it to see more)` : '';
  container.replaceChildren(
    el('p', { class: 'summary', 'data-testid': 'event-count' }, `${count} events${note}`),
    timelineSection(events),
    eventsTable(events),
  );
}

function textField(name, label, value, attrs) {
  return el('label', { class: 'field' }, el('span', {}, label),
    el('input', { type: 'text', name, value: value || '', 'data-testid': `filter-${name}`, ...attrs }));
}

function checkField(name, label, checked) {
  return el('label', { class: 'field check' },
    el('input', { type: 'checkbox', name, value: 'true', checked: checked === 'true', 'data-testid': `filter-${name}` }),
    el('span', {}, label));
}

function selectField(name, label, options, value) {
  const select = el('select', { name, 'data-testid': `filter-${name}` },
    options.map(([optionValue, text]) => el('option', { value: optionValue, selected: optionValue === (value || '') }, text)));
  return el('label', { class: 'field' }, el('span', {}, label), select);
}

function dateField(name, label, value) {
  return el('label', { class: 'field' }, el('span', {}, label),
    el('input', { type: 'date', name, value: value || '', 'data-testid': `filter-${name}` }));
}

function filterForm(params) {
  const p = (key) => params.get(key) || '';
  const form = el('form', { class: 'filters', 'data-testid': 'filter-form', autocomplete: 'off' },
    el('div', { class: 'filter-row' },
      textField('actor', 'Actor', p('actor'), { placeholder: 'RUS or RUS/GOV', list: 'actor-options' }),
      textField('dyad', 'Dyad', p('dyad'), { placeholder: 'SOURCE:TARGET' }),
      checkField('either', 'either way', p('either')),
      textField('code', 'CAMEO code', p('code'), { placeholder: '057 or 05', list: 'cameo-options', size: 8 }),
      selectField('quad', 'Quad class', [['', 'any'], ...QUADS.map((q) => [String(q.id), q.name])], p('quad')),
      selectField('modality', 'Modality', [['', 'any'], ...MODALITIES.map((m) => [m, m])], p('modality'))),
    el('div', { class: 'filter-row' },
      dateField('since', 'Since', p('since')),
      dateField('until', 'Until', p('until')),
      textField('place', 'Place', p('place'), { placeholder: 'Doha' }),
      textField('country', 'Country', p('country'), { placeholder: 'QA', size: 6 }),
      textField('text', 'Text search', p('text'), { placeholder: 'words in the sentence' })),
    el('div', { class: 'filter-row' },
      selectField('sort', 'Sort', SORTS, p('sort') || 'date'),
      el('label', { class: 'field' }, el('span', {}, 'Limit'),
        el('input', { type: 'number', name: 'limit', min: 1, max: 10000, value: p('limit') || DEFAULT_EVENT_LIMIT, 'data-testid': 'filter-limit' })),
      checkField('mentions', 'every report (not one per real-world event)', p('mentions')),
      el('div', { class: 'filter-actions' },
        el('button', { type: 'submit', class: 'primary', 'data-testid': 'filter-submit' }, 'Search'),
        el('a', { href: '#/', class: 'button', 'data-testid': 'filter-reset' }, 'Clear'))),
    el('datalist', { id: 'actor-options' }),
    el('datalist', { id: 'cameo-options' }));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    go(`#/${queryString(formFilters(form))}`);
  });
  suggestActors(form.elements.actor, form.querySelector('#actor-options'));
  suggestCodes(form.querySelector('#cameo-options'));
  return form;
}

function formFilters(form) {
  const filters = {};
  for (const [key, value] of new FormData(form).entries()) {
    const trimmed = String(value).trim();
    if (trimmed) filters[key] = trimmed;
  }
  if (filters.sort === 'date') delete filters.sort;
  if (Number(filters.limit) === DEFAULT_EVENT_LIMIT) delete filters.limit;
  return filters;
}

/** Fill the actor datalist from /api/actors as the user types. */
function suggestActors(input, datalist) {
  let timer = null;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    const q = input.value.trim().split('/')[0];
    if (q.length < 2) return;
    timer = setTimeout(() => {
      api(`/api/actors${queryString({ q })}`)
        .then((data) => datalist.replaceChildren(...(data.actors || []).map(actorOption)))
        .catch(() => {});
    }, 250);
  });
}

function actorOption(actor) {
  const value = actor.sector ? `${actor.entity}/${actor.sector}` : actor.entity;
  return el('option', { value }, `${actor.name || value} (${actor.events} events)`);
}

let cameoCodes = null;

function suggestCodes(datalist) {
  const fill = (codes) => datalist.replaceChildren(...codes.map((c) => el('option', { value: c.code }, c.name)));
  if (cameoCodes) {
    fill(cameoCodes);
    return;
  }
  api('/api/cameo')
    .then((data) => {
      cameoCodes = data.codes || [];
      fill(cameoCodes);
    })
    .catch(() => {});
}

// --- Timeline

const TIMELINE = { width: 1200, left: 170, right: 24, top: 12, lane: 58, axis: 36, undated: 96 };

function hasDate(event) {
  return Boolean(event.date) && parsePartialDate(event.date.start) !== null;
}

function timelineSection(events) {
  const shown = events.filter((e) => quadInfo(e.quad_class));
  return el('section', { class: 'panel timeline-panel' },
    el('div', { class: 'panel-head' },
      el('h2', {}, 'Timeline'),
      quadLegend()),
    shown.length ? timelineSvg(shown) : emptyBox('None of these events has a quad class.'));
}

function quadLegend() {
  return el('div', { class: 'legend', 'data-testid': 'timeline-legend' },
    QUADS.map((q) => el('span', { class: 'legend-item' },
      el('span', { class: 'swatch', style: { background: q.colour } }), q.name)),
    el('span', { class: 'legend-item muted' }, 'circle size: number of reports'));
}

function timeDomain(dated) {
  const starts = dated.map((e) => parsePartialDate(e.date.start));
  let min = Math.min(...starts);
  let max = Math.max(...starts);
  if (max - min < 4 * DAY_MS) {
    const middle = (min + max) / 2;
    min = middle - 2 * DAY_MS;
    max = middle + 2 * DAY_MS;
  }
  const pad = (max - min) * 0.04;
  return [min - pad, max + pad];
}

/** The timeline's geometry: a time scale for dated events, a column for undated ones. */
function timelineFrame(events) {
  const T = TIMELINE;
  const dated = events.filter(hasDate);
  const hasUndated = dated.length < events.length;
  const plotRight = T.width - T.right - (hasUndated ? T.undated : 0);
  const [min, max] = dated.length ? timeDomain(dated) : [0, DAY_MS];
  return {
    hasDated: dated.length > 0,
    hasUndated,
    min,
    max,
    plotRight,
    undatedLeft: plotRight + 12,
    axisY: T.top + 4 * T.lane,
    x: (ms) => T.left + ((ms - min) / (max - min)) * (plotRight - T.left),
    laneY: (quad) => T.top + (quad - 1) * T.lane + T.lane / 2,
  };
}

function timelineSvg(events) {
  const T = TIMELINE;
  const frame = timelineFrame(events);
  return svg('svg', {
    viewBox: `0 0 ${T.width} ${frame.axisY + T.axis}`, class: 'timeline', 'data-testid': 'timeline',
    role: 'img', 'aria-label': `Timeline of ${events.length} events by quad class`,
  },
  timelineLanes(frame),
  timelineAxis(frame),
  timelineMarks(events, frame));
}

function timelineLanes(frame) {
  const T = TIMELINE;
  return svg('g', { class: 'lanes' },
    QUADS.map((q, i) => svg('g', {},
      svg('rect', { x: T.left, y: T.top + i * T.lane, width: T.width - T.left - T.right, height: T.lane, class: i % 2 ? 'lane odd' : 'lane' }),
      svg('circle', { cx: 12, cy: frame.laneY(q.id), r: 5, fill: q.colour }),
      svg('text', { x: 22, y: frame.laneY(q.id) + 4, class: 'lane-label' }, q.name))),
    frame.hasUndated
      ? svg('line', { x1: frame.plotRight + 6, x2: frame.plotRight + 6, y1: T.top, y2: frame.axisY, class: 'separator' })
      : null);
}

function timelineAxis(frame) {
  const T = TIMELINE;
  const y = frame.axisY;
  const ticks = frame.hasDated ? timeTicks(frame.min, frame.max, 10) : [];
  return svg('g', { class: 'axis' },
    svg('line', { x1: T.left, x2: frame.plotRight, y1: y, y2: y }),
    ticks.map((tick) => svg('g', {},
      svg('line', { x1: frame.x(tick.time), x2: frame.x(tick.time), y1: T.top, y2: y + 5, class: 'grid' }),
      svg('text', { x: frame.x(tick.time), y: y + 20, 'text-anchor': 'middle' }, tick.label))),
    frame.hasUndated
      ? svg('text', { x: frame.undatedLeft + (T.undated - 24) / 2, y: y + 20, 'text-anchor': 'middle' }, 'no date')
      : null);
}

function eventRadius(event) {
  return Math.min(16, 4 + 2.5 * Math.sqrt(mentionCount(event) - 1));
}

/** The k-th event at one spot of a lane goes alternately above and below the lane's middle. */
function stackOffset(k) {
  const half = TIMELINE.lane / 2 - 6;
  const offset = (k % 2 ? 1 : -1) * Math.ceil(k / 2) * 7;
  return Math.abs(offset) > half ? offset % half : offset;
}

/** Undated events fill their lane's part of the "no date" column, five to a column. */
function undatedSpot(frame, quad, k) {
  const columns = Math.floor((TIMELINE.undated - 24) / 10);
  return {
    cx: frame.undatedLeft + 6 + (Math.floor(k / 5) % columns) * 10,
    cy: frame.laneY(quad) + stackOffset(k % 5),
  };
}

/** Where each event's circle goes: x by date (start), y by quad class lane. */
function timelinePositions(events, frame) {
  const used = new Map();
  const nth = (key) => {
    const k = used.get(key) || 0;
    used.set(key, k + 1);
    return k;
  };
  return events.map((event) => {
    const quad = Number(event.quad_class);
    const r = eventRadius(event);
    if (!hasDate(event)) return { event, r, ...undatedSpot(frame, quad, nth(`${quad}:undated`)) };
    const cx = frame.x(parsePartialDate(event.date.start));
    return { event, r, cx, cy: frame.laneY(quad) + stackOffset(nth(`${quad}:${Math.round(cx / 6)}`)) };
  });
}

/** A faint bar from start to end for dates known only to the month or year. */
function precisionSpan(p, frame) {
  const date = p.event.date;
  if (!hasDate(p.event) || !date.precision || date.precision === 'day') return null;
  const end = parsePartialDate(date.end || date.start, true);
  const x2 = Math.max(TIMELINE.left, Math.min(frame.plotRight, frame.x(end)));
  return svg('line', { x1: p.cx, x2, y1: p.cy, y2: p.cy, class: 'span', stroke: quadColour(p.event.quad_class) });
}

function timelineMarks(events, frame) {
  const positions = timelinePositions(events, frame).sort((a, b) => b.r - a.r);
  return svg('g', { class: 'marks' }, positions.map((p) => svg('g', {}, precisionSpan(p, frame), timelineCircle(p))));
}

function timelineCircle({ event, cx, cy, r }) {
  const circle = svg('circle', {
    cx: cx.toFixed(1), cy: cy.toFixed(1), r: r.toFixed(1), fill: quadColour(event.quad_class),
    class: 'event-dot', 'data-testid': 'timeline-event', 'data-event-id': event.id,
    'aria-label': eventTooltipLines(event).join('; '),
  });
  attachTooltip(circle, () => eventTooltipLines(event));
  return activatable(circle, () => go(documentLink(event.doc_id, event.id)));
}

// --- Results table

const TABLE_COLUMNS = [
  ['Date', (e) => dateLabel(e.date)],
  ['Code', (e) => el('a', { href: documentLink(e.doc_id, e.id) }, codeBadge(e))],
  ['Name', (e) => e.name || ''],
  ['Source', (e) => actorsLabel(e.source)],
  ['Target', (e) => actorsLabel(e.target)],
  ['Modality', (e) => modalityBadge(e.modality)],
  ['Place', (e) => placeLabel(e.place)],
  ['Mentions', (e) => String(mentionCount(e))],
  ['Rule', (e) => el('span', { class: 'rule' }, e.rule || '')],
];

function eventsTable(events) {
  return el('section', { class: 'panel' },
    el('h2', {}, 'Results'),
    el('div', { class: 'table-wrap' },
      el('table', { class: 'events-table', 'data-testid': 'events-table' },
        el('thead', {}, el('tr', {}, TABLE_COLUMNS.map(([title]) => el('th', { scope: 'col' }, title)))),
        el('tbody', {}, events.map(eventRow)))));
}

function eventRow(event) {
  const row = el('tr', { 'data-testid': 'event-row', 'data-event-id': event.id, title: event.text || '' },
    TABLE_COLUMNS.map(([title, cell]) => el('td', { 'data-col': title.toLowerCase() }, cell(event))));
  row.addEventListener('click', (e) => {
    if (!e.target.closest('a')) go(documentLink(event.doc_id, event.id));
  });
  return row;
}

// ---------------------------------------------------------------------------
// Network view

const NETWORK = { width: 1200, height: 600, margin: 36, labelRoom: 60, iterations: 300 };

function renderNetworkView({ view, params, isCurrent }) {
  const limit = params.get('limit') || DEFAULT_NETWORK_LIMIT;
  const body = el('div', {}, loadingBox('Loading the network…'));
  view.append(
    el('div', { class: 'view-head' }, el('h1', {}, 'Network'), networkForm(limit)),
    body);
  api(`/api/network${queryString({ limit })}`)
    .then((data) => isCurrent() && showNetwork(body, data))
    .catch((error) => isCurrent() && body.replaceChildren(errorBox(error)));
}

function networkForm(limit) {
  const form = el('form', { class: 'compact' },
    el('label', { class: 'field check' }, el('span', {}, 'Dyads shown (most active first)'),
      el('input', { type: 'number', name: 'limit', min: 1, max: 5000, value: limit, 'data-testid': 'network-limit' })),
    el('button', { type: 'submit', class: 'primary' }, 'Show'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    go(`#/network${queryString({ limit: form.elements.limit.value })}`);
  });
  return form;
}

function showNetwork(container, data) {
  const nodes = (data && data.nodes) || [];
  const ids = new Set(nodes.map((n) => n.id));
  const edges = ((data && data.edges) || []).filter((e) => ids.has(e.source) && ids.has(e.target));
  if (!nodes.length) {
    container.replaceChildren(emptyBox('No dyads yet: the store has no events with both a source and a target.'));
    return;
  }
  container.replaceChildren(
    el('section', { class: 'panel' },
      el('div', { class: 'panel-head' },
        el('h2', {}, `${nodes.length} actors, ${edges.length} dyads`),
        goldsteinLegend()),
      networkSvg(nodes, edges),
      el('p', { class: 'note' }, 'Click an actor to see its events, a line to see the dyad’s events.')));
}

function goldsteinLegend() {
  const stops = [-10, -7.5, -5, -2.5, -1, 0, 1, 2.5, 5, 7.5, 10].map(goldsteinColour);
  const gradient = `linear-gradient(to right, ${stops.join(', ')})`;
  return el('div', { class: 'legend', 'data-testid': 'network-legend' },
    el('span', { class: 'legend-item' }, 'mean Goldstein:'),
    el('span', { class: 'legend-item' }, '−10 conflict',
      el('span', { class: 'gradient', style: { backgroundImage: gradient } }), '+10 cooperation'),
    el('span', { class: 'legend-item muted' }, 'line width: events · circle size: events of the actor'));
}

function mix(a, b, t) {
  return a.map((v, i) => Math.round(v + (b[i] - v) * t));
}

/** Red for negative mean Goldstein, grey at zero, blue for positive (a square-root scale,
 * so that the usual means of -5..+5 are clearly coloured). */
function goldsteinColour(goldstein) {
  const t = Math.max(-1, Math.min(1, Number(goldstein) / 10 || 0));
  const { negative, zero, positive } = GOLDSTEIN_COLOURS;
  const strength = Math.sqrt(Math.abs(t));
  const [r, g, b] = t < 0 ? mix(zero, negative, strength) : mix(zero, positive, strength);
  return `rgb(${r}, ${g}, ${b})`;
}

/** Undirected, weighted springs from directed edges (A→B and B→A pull together). */
function springsOf(edges, index) {
  const springs = new Map();
  for (const edge of edges) {
    const [a, b] = [index.get(edge.source), index.get(edge.target)].sort((p, q) => p - q);
    if (a === b) continue;
    const key = `${a}:${b}`;
    const spring = springs.get(key) || { a, b, events: 0 };
    spring.events += Number(edge.events) || 1;
    springs.set(key, spring);
  }
  return [...springs.values()].map((s) => ({ ...s, weight: 1 + Math.log(s.events) / 2 }));
}

/**
 * A Fruchterman-Reingold layout: deterministic (nodes start on a circle, busiest first),
 * a fixed number of iterations. Returns a Map id -> {x, y} inside width x height.
 */
function layoutNetwork(nodes, edges, { width, height, iterations }) {
  const order = [...nodes].sort((a, b) => (b.events - a.events) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const n = order.length;
  const index = new Map(order.map((node, i) => [node.id, i]));
  const cx = width / 2;
  const cy = height / 2;
  const points = order.map((_, i) => {
    const angle = (2 * Math.PI * i) / Math.max(1, n) - Math.PI / 2;
    return n === 1 ? { x: cx, y: cy } : { x: cx + 0.4 * width * Math.cos(angle), y: cy + 0.4 * height * Math.sin(angle) };
  });
  const springs = springsOf(edges, index);
  const k = 0.8 * Math.sqrt((width * height) / Math.max(1, n));
  for (let step = 0; step < iterations && n > 1; step++) {
    const temperature = (width / 10) * (1 - step / iterations) + 0.5;
    forceStep(points, springs, k, temperature, { width, height, cx, cy });
  }
  return new Map(order.map((node, i) => [node.id, points[i]]));
}

function forceStep(points, springs, k, temperature, frame) {
  const n = points.length;
  const dx = new Float64Array(n);
  const dy = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const ddx = points[i].x - points[j].x;
      const ddy = points[i].y - points[j].y;
      const d2 = Math.max(ddx * ddx + ddy * ddy, 0.01);
      const f = (k * k) / d2; // repulsion k²/d along the unit vector
      dx[i] += ddx * f; dy[i] += ddy * f;
      dx[j] -= ddx * f; dy[j] -= ddy * f;
    }
  }
  for (const { a, b, weight } of springs) {
    const ddx = points[a].x - points[b].x;
    const ddy = points[a].y - points[b].y;
    const f = (Math.sqrt(ddx * ddx + ddy * ddy) / k) * weight; // attraction d²/k
    dx[a] -= ddx * f; dy[a] -= ddy * f;
    dx[b] += ddx * f; dy[b] += ddy * f;
  }
  for (let i = 0; i < n; i++) {
    dx[i] += (frame.cx - points[i].x) * 0.05 * (k / 100); // gravity keeps components near
    dy[i] += (frame.cy - points[i].y) * 0.05 * (k / 100);
    const length = Math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]) || 1;
    const move = Math.min(length, temperature);
    points[i].x = Math.max(0, Math.min(frame.width, points[i].x + (dx[i] / length) * move));
    points[i].y = Math.max(0, Math.min(frame.height, points[i].y + (dy[i] / length) * move));
  }
}

/**
 * Scale laid-out positions into the drawing, centred, leaving margins and room for labels;
 * one axis may stretch up to 1.3 times more than the other to use a wide drawing.
 */
function fitPositions(positions, { width, height, margin, labelRoom }) {
  const points = [...positions.values()];
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const [minX, minY] = [Math.min(...xs), Math.min(...ys)];
  const spanX = Math.max(1, Math.max(...xs) - minX);
  const spanY = Math.max(1, Math.max(...ys) - minY);
  const roomX = width - 2 * margin - labelRoom;
  const roomY = height - 2 * margin;
  const uniform = Math.min(roomX / spanX, roomY / spanY);
  const sx = Math.min(roomX / spanX, 1.3 * uniform);
  const sy = Math.min(roomY / spanY, 1.3 * uniform);
  const left = margin + (roomX - sx * (Math.max(...xs) - minX)) / 2;
  const top = margin + (roomY - sy * (Math.max(...ys) - minY)) / 2;
  const fitted = new Map();
  for (const [id, p] of positions) fitted.set(id, { x: left + (p.x - minX) * sx, y: top + (p.y - minY) * sy });
  return fitted;
}

function nodeRadius(node, maxEvents) {
  return 5 + 17 * Math.sqrt((Number(node.events) || 0) / Math.max(1, maxEvents));
}

function networkSvg(nodes, edges) {
  const positions = fitPositions(layoutNetwork(nodes, edges, NETWORK), NETWORK);
  const maxNode = Math.max(...nodes.map((n) => Number(n.events) || 0));
  const maxEdge = Math.max(...edges.map((e) => Number(e.events) || 0), 1);
  const radius = new Map(nodes.map((n) => [n.id, nodeRadius(n, maxNode)]));
  const pairs = new Set(edges.map((e) => `${e.source}\u0000${e.target}`));
  const drawing = svg('svg', {
    viewBox: `0 0 ${NETWORK.width} ${NETWORK.height}`, class: 'network', 'data-testid': 'network',
    role: 'img', 'aria-label': `Network of ${nodes.length} actors and ${edges.length} dyads`,
  });
  const edgeNodes = edges.map((edge, i) => networkEdge(edge, i, { positions, radius, pairs, maxEdge }));
  drawing.append(
    svg('defs', {}, edgeNodes.map((e) => e.marker)),
    svg('g', { class: 'edges' }, edgeNodes.map((e) => e.line)),
    svg('g', { class: 'nodes' }, nodes.map((node) => networkNode(node, positions.get(node.id), radius.get(node.id), drawing))));
  return drawing;
}

/**
 * The ends of a directed edge's line, from circle rim to circle rim (leaving room for the
 * arrow head); `shift` moves it sideways so that A→B and B→A are drawn side by side.
 */
function edgeEnds(from, to, fromRadius, toRadius, shift) {
  const length = Math.hypot(to.x - from.x, to.y - from.y) || 1;
  const ux = (to.x - from.x) / length;
  const uy = (to.y - from.y) / length;
  const sx = -uy * shift;
  const sy = ux * shift;
  return {
    x1: from.x + ux * fromRadius + sx,
    y1: from.y + uy * fromRadius + sy,
    x2: to.x - ux * (toRadius + 2) + sx,
    y2: to.y - uy * (toRadius + 2) + sy,
  };
}

function networkEdge(edge, i, { positions, radius, pairs, maxEdge }) {
  const colour = goldsteinColour(edge.goldstein);
  const width = 1 + 6 * ((Number(edge.events) || 1) / maxEdge);
  const shift = pairs.has(`${edge.target}\u0000${edge.source}`) ? width / 2 + 2 : 0;
  const markerId = `arrow-${i}`;
  const marker = svg('marker', {
    id: markerId, viewBox: '0 0 10 10', refX: 9, refY: 5, markerUnits: 'userSpaceOnUse',
    markerWidth: 8 + width, markerHeight: 8 + width, orient: 'auto',
  }, svg('path', { d: 'M0,0 L10,5 L0,10 z', fill: colour }));
  const ends = edgeEnds(positions.get(edge.source), positions.get(edge.target),
    radius.get(edge.source), radius.get(edge.target), shift);
  const line = svg('line', {
    x1: ends.x1.toFixed(1), y1: ends.y1.toFixed(1), x2: ends.x2.toFixed(1), y2: ends.y2.toFixed(1),
    class: 'edge', stroke: colour, 'stroke-width': width.toFixed(1),
    'marker-end': `url(#${markerId})`, 'data-testid': 'network-edge',
    'data-source': edge.source, 'data-target': edge.target,
    'aria-label': edgeLines(edge).join('; '),
  });
  attachTooltip(line, () => edgeLines(edge));
  activatable(line, () => go(`#/${queryString({ dyad: `${edge.source}:${edge.target}` })}`));
  return { marker, line };
}

function edgeLines(edge) {
  const goldstein = Number(edge.goldstein);
  return [
    `${edge.source} → ${edge.target}`,
    `${edge.events} event${Number(edge.events) === 1 ? '' : 's'}`,
    `mean Goldstein ${Number.isFinite(goldstein) ? goldstein.toFixed(1) : '—'}`,
  ];
}

function networkNode(node, point, r, drawing) {
  const group = svg('g', {
    class: 'node', 'data-testid': 'network-node', 'data-actor': node.id,
    transform: `translate(${point.x.toFixed(1)},${point.y.toFixed(1)})`,
    'aria-label': `${node.id}: ${node.events} events`,
  },
  svg('circle', { r: r.toFixed(1) }),
  svg('text', { x: (r + 4).toFixed(1), y: 4, class: 'node-label' }, node.id));
  attachTooltip(group, () => [node.id, `${node.events} events in these dyads`, 'click: show its events']);
  group.addEventListener('mouseenter', () => highlightNeighbours(drawing, node.id));
  group.addEventListener('mouseleave', () => highlightNeighbours(drawing, null));
  return activatable(group, () => go(`#/${queryString({ actor: node.id })}`));
}

function highlightNeighbours(drawing, id) {
  for (const path of drawing.querySelectorAll('.edge')) {
    const touches = path.dataset.source === id || path.dataset.target === id;
    path.classList.toggle('dim', id !== null && !touches);
  }
}

// ---------------------------------------------------------------------------
// Documents list

function renderDocumentsView({ view, params, isCurrent }) {
  const q = params.get('q') || '';
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const body = el('div', {}, loadingBox('Loading documents…'));
  view.append(el('h1', {}, 'Documents'), documentsSearch(q), body);
  api(`/api/documents${queryString({ q, limit: DOCUMENTS_PAGE, offset })}`)
    .then((data) => isCurrent() && showDocuments(body, data, q, offset))
    .catch((error) => isCurrent() && body.replaceChildren(errorBox(error)));
}

function documentsSearch(q) {
  const form = el('form', { class: 'filters inline' },
    el('label', { class: 'field' }, el('span', {}, 'Title or id'),
      el('input', { type: 'search', name: 'q', value: q, 'data-testid': 'documents-search' })),
    el('button', { type: 'submit', class: 'primary' }, 'Search'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    go(`#/documents${queryString({ q: form.elements.q.value.trim() })}`);
  });
  return form;
}

function showDocuments(container, data, q, offset) {
  const documents = (data && data.documents) || [];
  if (!documents.length) {
    container.replaceChildren(emptyBox(q ? 'No document matches.' : 'No documents stored yet.'));
    return;
  }
  const total = Number(data.count) || documents.length;
  container.replaceChildren(
    el('p', { class: 'summary' }, `Documents ${offset + 1}–${offset + documents.length} of ${total}`),
    el('div', { class: 'table-wrap panel' },
      el('table', { class: 'documents-table', 'data-testid': 'documents-table' },
        el('thead', {}, el('tr', {}, ['Title', 'Published', 'Publisher', 'Events'].map((t) => el('th', { scope: 'col' }, t)))),
        el('tbody', {}, documents.map(documentRow)))),
    pager(q, offset, documents.length, total));
}

function documentRow(doc) {
  return el('tr', { 'data-testid': 'document-row', 'data-doc-id': doc.id },
    el('td', {}, el('a', { href: documentLink(doc.id) }, doc.title || doc.id)),
    el('td', {}, doc.published || '—'),
    el('td', {}, doc.publisher || '—'),
    el('td', { class: 'num' }, String(doc.events ?? '—')));
}

function pager(q, offset, shown, total) {
  const link = (to, text) => el('a', { class: 'button', href: `#/documents${queryString({ q, offset: to || null })}` }, text);
  return el('nav', { class: 'pager', 'aria-label': 'Pages' },
    offset > 0 ? link(Math.max(0, offset - DOCUMENTS_PAGE), '← Newer') : null,
    offset + shown < total ? link(offset + DOCUMENTS_PAGE, 'Older →') : null);
}

// ---------------------------------------------------------------------------
// Highlighted text: sentences, actor mentions and event triggers as spans

/** Server offsets count code points (Python); JavaScript strings count UTF-16 units. */
function offsetConverter(text) {
  if (!/[\uD800-\uDBFF]/.test(text)) return (i) => i;
  const units = [];
  let u = 0;
  for (const ch of text) {
    units.push(u);
    u += ch.length;
  }
  units.push(u);
  return (i) => units[Math.max(0, Math.min(Number(i) || 0, units.length - 1))];
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Where the trigger word stands in a sentence: a whole-word match first, else any match. */
function findTrigger(sentence, trigger) {
  if (!trigger) return -1;
  const word = new RegExp(`(^|[^\\p{L}\\p{N}_])(${escapeRegExp(trigger)})(?![\\p{L}\\p{N}_])`, 'iu');
  const match = word.exec(sentence);
  if (match) return match.index + match[1].length;
  return sentence.toLowerCase().indexOf(trigger.toLowerCase());
}

/** Sentences as [{number, start, end}] in UTF-16 offsets; from events when none are given. */
function sentenceSpans(text, sentences, events, toUnits) {
  const given = sentences && sentences.length
    ? sentences.map((s) => ({ number: s.number, start: s.start_char, end: s.end_char }))
    : events.map((e) => ({ number: e.sentence, start: e.start_char, end: e.end_char }));
  const seen = new Set();
  return given
    .map((s) => trimSpan(text, { number: s.number, start: toUnits(s.start), end: toUnits(s.end) }))
    .filter((s) => s.end > s.start && s.end <= text.length && !seen.has(s.number) && seen.add(s.number))
    .sort((a, b) => a.start - b.start);
}

/** A sentence span without its surrounding whitespace (the blank lines stay plain text). */
function trimSpan(text, span) {
  let { start, end } = span;
  while (end > start && /\s/.test(text[end - 1])) end--;
  while (start < end && /\s/.test(text[start])) start++;
  return { ...span, start, end };
}

function mentionTitle(mention) {
  const who = mention.entity ? (mention.sector ? `${mention.entity}/${mention.sector}` : mention.entity) : 'unresolved';
  return mention.kind ? `${who} (${mention.kind})` : who;
}

/** Trigger spans of a sentence's events; events sharing one word share one span. */
function triggerSpans(text, sentence, events) {
  const spans = new Map();
  const sentenceText = text.slice(sentence.start, sentence.end);
  for (const event of events) {
    if (Number(event.sentence) !== Number(sentence.number)) continue;
    const at = findTrigger(sentenceText, event.trigger);
    if (at < 0) continue;
    const start = sentence.start + at;
    const span = spans.get(start) || { kind: 'trigger', start, end: start + event.trigger.length, ids: [] };
    span.ids.push(event.id);
    spans.set(start, span);
  }
  return [...spans.values()];
}

/** Non-overlapping highlight spans of one sentence: triggers win over mentions. */
function sentenceHighlights(text, sentence, mentions, events, toUnits) {
  const accepted = triggerSpans(text, sentence, events);
  for (const mention of mentions) {
    const start = toUnits(mention.start_char);
    const end = toUnits(mention.end_char);
    if (start < sentence.start || end > sentence.end || end <= start) continue;
    if (accepted.some((s) => start < s.end && s.start < end)) continue;
    accepted.push({ kind: 'mention', start, end, title: mentionTitle(mention), entity: mention.entity || '' });
  }
  return accepted.sort((a, b) => a.start - b.start);
}

function highlightSpan(text, span) {
  const piece = text.slice(span.start, span.end);
  if (span.kind === 'mention') {
    return el('span', { class: 'mention', title: span.title, 'data-entity': span.entity }, piece);
  }
  return el('span', { class: 'trigger', 'data-event-ids': span.ids.join(' '), title: `event trigger (${span.ids.length})` }, piece);
}

function sentenceElement(text, sentence, highlights) {
  const node = el('span', { class: 'sentence', 'data-sentence': sentence.number });
  let cursor = sentence.start;
  for (const span of highlights) {
    if (span.start > cursor) node.appendChild(document.createTextNode(text.slice(cursor, span.start)));
    node.appendChild(highlightSpan(text, span));
    cursor = span.end;
  }
  if (cursor < sentence.end) node.appendChild(document.createTextNode(text.slice(cursor, sentence.end)));
  return node;
}

/** The document text as text nodes and spans, split at the sentence and highlight offsets. */
function highlightedText(text, sentences, mentions, events) {
  const toUnits = offsetConverter(text);
  const fragment = document.createDocumentFragment();
  let cursor = 0;
  for (const sentence of sentenceSpans(text, sentences, events, toUnits)) {
    if (sentence.start < cursor) continue; // overlapping sentence spans: keep the first
    if (sentence.start > cursor) fragment.appendChild(document.createTextNode(text.slice(cursor, sentence.start)));
    const highlights = sentenceHighlights(text, sentence, mentions || [], events, toUnits);
    const node = sentenceElement(text, sentence, highlights);
    if (events.some((e) => Number(e.sentence) === Number(sentence.number))) node.classList.add('has-event');
    fragment.appendChild(node);
    cursor = sentence.end;
  }
  if (cursor < text.length) fragment.appendChild(document.createTextNode(text.slice(cursor)));
  return fragment;
}

// ---------------------------------------------------------------------------
// A coded text with its events (shared by the document and paste views)

function eventListItem(event, testId, onSelect) {
  const item = el('li', { class: 'doc-event', 'data-testid': testId, 'data-event-id': event.id, style: { borderLeftColor: quadColour(event.quad_class) } },
    el('div', { class: 'ev-head' }, codeBadge(event), el('span', { class: 'ev-name' }, event.name || '')),
    el('div', { class: 'ev-actors' }, dyadLabel(event)),
    el('div', { class: 'ev-meta' },
      el('span', {}, dateLabel(event.date)), ' · ',
      el('span', {}, placeLabel(event.place)), ' · ',
      modalityBadge(event.modality)),
    el('div', { class: 'ev-rule rule' }, event.rule || ''));
  return activatable(item, () => onSelect(event.id));
}

function detailRows(event) {
  const place = event.place;
  const rows = [
    ['Event', `${event.code} ${event.name || ''}`],
    ['Quad class', `${event.quad_class} · ${quadName(event.quad_class)}`],
    ['Goldstein', event.goldstein === undefined ? '—' : String(event.goldstein)],
    ['PLOVER', event.plover || '—'],
    ['Source', actorsLabel(event.source)],
    ['Target', actorsLabel(event.target)],
    ['Symmetric', event.symmetric ? 'yes' : 'no'],
    ['Date', event.date ? `${dateLabel(event.date)} (${event.date.precision || '?'})` : '—'],
    ['Place', placeLabel(place)],
    ['Coordinates', place && place.lat !== null && place.lat !== undefined ? `${place.lat}, ${place.lon}` : '—'],
    ['Modality', event.modality || 'asserted'],
    ['Trigger', event.trigger || '—'],
    ['Rule', event.rule || '—'],
  ];
  if (event.confidence !== undefined) rows.push(['Confidence', String(event.confidence)]);
  return rows;
}

/** A multilateral event's participants, listed by role (host, parties, mediators ...). */
function participantsSection(event) {
  const participants = event.participants || [];
  if (!participants.length) return null;
  const roles = [...new Set(participants.map((p) => p.role))];
  return el('section', { class: 'participants', 'data-testid': 'event-participants' },
    el('h3', {}, 'Participants'),
    el('dl', { class: 'details' }, roles.map((role) => [
      el('dt', {}, role),
      el('dd', { 'data-role': role }, actorsLabel(participants.filter((p) => p.role === role).map((p) => p.actor))),
    ])));
}

/** The format the event belongs to, and what a pledge promises. */
function formatAndPledge(event) {
  const rows = [];
  if (event.format) {
    rows.push(['Format', event.format.name || event.format.id]);
    rows.push(['Format members', (event.format.members || []).join(', ') || '—']);
    if (event.format.named_members) {
      const agrees = event.format.agrees ? 'as the registry has them' : 'unlike the registry';
      rows.push(['Members named', `${event.format.named_members.join(', ')} (${agrees})`]);
    }
  }
  if (event.pledge) {
    rows.push(['Pledge by', (event.pledge.giver || []).join(', ') || '—']);
    rows.push(['Pledge to', (event.pledge.recipient || []).join(', ') || '—']);
    rows.push(['Areas', (event.pledge.areas || []).join(', ') || '—']);
    rows.push(['Condition', event.pledge.condition || '—']);
  }
  if (!rows.length) return null;
  return el('dl', { class: 'details', 'data-testid': 'event-format-pledge' },
    rows.map(([term, value]) => [el('dt', {}, term), el('dd', {}, value)]));
}

function eventDetails(event) {
  return el('div', { class: 'detail-body' },
    el('dl', { class: 'details' }, detailRows(event).map(([term, value]) => [el('dt', {}, term), el('dd', {}, value)])),
    participantsSection(event),
    formatAndPledge(event),
    el('blockquote', { class: 'sentence-quote' }, event.text || ''));
}

function clusterSummary(cluster) {
  if (!cluster) return el('p', { class: 'note' }, 'This is the only report of this event.');
  return el('dl', { class: 'details' },
    el('dt', {}, 'Reports'), el('dd', {}, String(cluster.mentions)),
    el('dt', {}, 'Documents'), el('dd', {}, String(cluster.documents)),
    el('dt', {}, 'Publishers'), el('dd', {}, publishersLabel(cluster.publishers)),
    el('dt', {}, 'First report'), el('dd', {}, cluster.first_report || '—'),
    el('dt', {}, 'Last report'), el('dd', {}, cluster.last_report || '—'));
}

function otherReport(report) {
  return el('li', { class: 'report', 'data-testid': 'cluster-report', 'data-event-id': report.id },
    el('a', { href: documentLink(report.doc_id, report.id) },
      `${report.publisher || report.doc_id} · ${dateLabel(report.date)} · ${report.code}`),
    el('div', { class: 'report-text' }, report.text || ''));
}

function clusterSection(data, eventId) {
  const others = ((data && data.mentions) || []).filter((m) => m.id !== eventId);
  return el('section', { class: 'cluster', 'data-testid': 'event-cluster' },
    el('h3', {}, 'The same real-world event'),
    clusterSummary(data && data.cluster),
    others.length
      ? el('ul', { class: 'reports' }, others.map(otherReport))
      : el('p', { class: 'note' }, 'No other report of it is stored.'));
}

/** Fill the detail panel; with `withCluster`, fetch the event's other reports. */
function showEventDetail(panel, event, withCluster, isSelected) {
  const cluster = withCluster
    ? el('div', {}, loadingBox('Loading other reports…'))
    : el('p', { class: 'note' }, 'Pasted text is not stored, so no other report is linked to it.');
  panel.replaceChildren(el('h2', {}, 'Event'), eventDetails(event), cluster);
  panel.hidden = false;
  if (!withCluster) return;
  api(`/api/events/${encodeURIComponent(event.id)}`)
    .then((data) => isSelected() && cluster.replaceChildren(clusterSection(data, event.id)))
    .catch((error) => isSelected() && cluster.replaceChildren(errorBox(error)));
}

/**
 * The text with highlights, the event list and the detail panel. Returns {element, select}.
 * options: {eventTestId, withCluster, onSelect(eventId)}.
 */
function codedTextView(data, options) {
  const text = (data.document && data.document.text) || '';
  const events = data.events || [];
  const byId = new Map(events.map((e) => [e.id, e]));
  const textBox = el('div', { class: 'doc-text', 'data-testid': 'document-text' },
    highlightedText(text, data.sentences, data.mentions, events));
  const list = el('ol', { class: 'doc-events' });
  const detail = el('aside', { class: 'panel event-detail', 'data-testid': 'event-detail', hidden: true, 'aria-live': 'polite' });
  let selected = null;
  let side = null;

  function select(id, { scroll } = {}) {
    const event = byId.get(id);
    if (!event) return;
    selected = id;
    markSelection(textBox, list, event);
    if (scroll) scrollToSentence(textBox, event.sentence);
    showEventDetail(detail, event, options.withCluster, () => selected === id);
    revealTop(side, detail);
    if (options.onSelect) options.onSelect(id);
  }

  list.append(...events.map((e) => eventListItem(e, options.eventTestId, (id) => select(id, { scroll: true }))));
  textBox.addEventListener('click', (e) => onTextClick(e, textBox, () => selected, select));
  side = el('div', { class: 'doc-side' },
    el('section', { class: 'panel' },
      el('h2', {}, `${events.length} event${events.length === 1 ? '' : 's'}`),
      events.length ? list : el('p', { class: 'note' }, 'No events were coded in this text.')),
    detail);
  const element = el('div', { class: 'doc-layout' }, el('article', { class: 'panel doc-main' }, textBox), side);
  return { element, select };
}

function sentenceNode(textBox, number) {
  return [...textBox.querySelectorAll('[data-sentence]')].find((s) => s.dataset.sentence === String(number)) || null;
}

function markSelection(textBox, list, event) {
  for (const node of textBox.querySelectorAll('.selected')) node.classList.remove('selected');
  for (const node of textBox.querySelectorAll('.trigger.active')) node.classList.remove('active');
  const sentence = sentenceNode(textBox, event.sentence);
  if (sentence) sentence.classList.add('selected');
  for (const trigger of textBox.querySelectorAll('.trigger')) {
    if (trigger.dataset.eventIds.split(' ').includes(event.id)) trigger.classList.add('active');
  }
  for (const item of list.children) {
    const on = item.dataset.eventId === event.id;
    item.classList.toggle('active', on);
    item.setAttribute('aria-pressed', on ? 'true' : 'false');
    if (on) scrollWithin(list, item);
  }
}

/** Scroll a scrollable box (not the page) so that `item` is wholly visible. */
function scrollWithin(container, item) {
  const box = container.getBoundingClientRect();
  const rect = item.getBoundingClientRect();
  if (rect.top < box.top) container.scrollTop -= box.top - rect.top;
  else if (rect.bottom > box.bottom) container.scrollTop += rect.bottom - box.bottom;
}

/** Scroll a scrollable box so that the top of `item` shows. */
function revealTop(container, item) {
  const box = container.getBoundingClientRect();
  const rect = item.getBoundingClientRect();
  if (rect.top < box.top || rect.top > box.bottom - 60) container.scrollTop += rect.top - box.top - 8;
}

function scrollToSentence(textBox, number) {
  const sentence = sentenceNode(textBox, number);
  if (sentence) sentence.scrollIntoView({ block: 'center', behavior: 'smooth' });
}

/** A click on a trigger selects its event (the next one, if several share the word). */
function onTextClick(clickEvent, textBox, selectedId, select) {
  const trigger = clickEvent.target.closest('.trigger');
  if (!trigger || !textBox.contains(trigger)) return;
  const ids = trigger.dataset.eventIds.split(' ');
  const next = ids[(ids.indexOf(selectedId()) + 1) % ids.length];
  select(next, { scroll: false });
}

// ---------------------------------------------------------------------------
// Document view

function renderDocumentView({ view, params, match, isCurrent }) {
  const id = decodeSegment(match[1]);
  view.append(el('p', { class: 'crumbs' }, el('a', { href: '#/documents' }, '← Documents')),
    loadingBox('Loading the document…'));
  api(`/api/documents/${encodeURIComponent(id)}`)
    .then((data) => isCurrent() && showDocument(view, id, data, params.get('event')))
    .catch((error) => isCurrent() && view.replaceChildren(
      el('p', { class: 'crumbs' }, el('a', { href: '#/documents' }, '← Documents')), errorBox(error)));
}

function documentMeta(doc) {
  const url = safeUrl(doc.url);
  const items = [
    ['Published', doc.published],
    ['Publisher', doc.publisher],
    ['Speaker', doc.speaker],
    ['Dateline', doc.dateline],
    ['Id', doc.id],
  ].filter(([, value]) => value);
  return el('dl', { class: 'doc-meta' },
    items.map(([term, value]) => [el('dt', {}, term), el('dd', {}, String(value))]),
    url ? [el('dt', {}, 'Source'), el('dd', {}, el('a', { href: url, rel: 'noopener noreferrer', target: '_blank' }, doc.url))] : null);
}

function showDocument(view, id, data, eventId) {
  const doc = data.document || { id, text: '' };
  const coded = codedTextView(data, {
    eventTestId: 'doc-event',
    withCluster: true,
    onSelect: (selectedId) => history.replaceState(null, '', documentLink(id, selectedId)),
  });
  view.replaceChildren(
    el('p', { class: 'crumbs' }, el('a', { href: '#/documents' }, '← Documents')),
    el('h1', { 'data-testid': 'document-title' }, doc.title || doc.id || id),
    documentMeta(doc),
    coded.element);
  app.documentView = { id, select: coded.select };
  if (eventId) coded.select(eventId, { scroll: true });
}

// ---------------------------------------------------------------------------
// Paste view

const paste = { text: '', published: '', speaker: '', result: null };

function renderPasteView({ view, isCurrent }) {
  const output = el('div', { class: 'paste-output' });
  const form = pasteForm(output, isCurrent);
  view.append(
    el('h1', {}, 'Code a text'),
    el('p', { class: 'note' }, 'Paste a statement or a news report. It is coded by the server and not stored.'),
    form,
    output);
  if (paste.result) showPasteResult(output, paste.result);
}

function pasteForm(output, isCurrent) {
  const textarea = el('textarea', {
    name: 'text', rows: 10, required: true, 'data-testid': 'paste-text',
    placeholder: 'Kenya and Uganda signed a border agreement in Kampala on Monday.',
  });
  textarea.value = paste.text;
  const submit = el('button', { type: 'submit', class: 'primary', 'data-testid': 'paste-submit' }, 'Code it');
  const form = el('form', { class: 'paste-form' },
    el('label', { class: 'field wide' }, el('span', {}, 'Text'), textarea),
    el('div', { class: 'filter-row' },
      el('label', { class: 'field' }, el('span', {}, 'Published (optional, resolves “on Monday”)'),
        el('input', { type: 'date', name: 'published', value: paste.published, 'data-testid': 'paste-date' })),
      el('label', { class: 'field' }, el('span', {}, 'Speaker (optional)'),
        el('input', { type: 'text', name: 'speaker', value: paste.speaker, 'data-testid': 'paste-speaker' })),
      el('div', { class: 'filter-actions' }, submit)));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submitPaste(form, submit, output, isCurrent);
  });
  return form;
}

function submitPaste(form, button, output, isCurrent) {
  paste.text = form.elements.text.value;
  paste.published = form.elements.published.value;
  paste.speaker = form.elements.speaker.value.trim();
  if (!paste.text.trim()) {
    output.replaceChildren(errorBox(new Error('paste some text first')));
    return;
  }
  const body = { text: paste.text, store: false };
  if (paste.published) body.published = paste.published;
  if (paste.speaker) body.speaker = paste.speaker;
  button.disabled = true;
  output.replaceChildren(loadingBox('Coding…'));
  api('/api/code', body)
    .then((data) => {
      paste.result = data;
      if (isCurrent()) showPasteResult(output, data);
    })
    .catch((error) => isCurrent() && output.replaceChildren(errorBox(error)))
    .finally(() => { button.disabled = false; });
}

function showPasteResult(output, data) {
  const events = data.events || [];
  const coded = codedTextView(data, { eventTestId: 'paste-event', withCluster: false });
  output.replaceChildren(
    el('p', { class: 'summary', 'data-testid': 'paste-summary' },
      `${events.length} event${events.length === 1 ? '' : 's'} found${data.stored ? ' (stored)' : ' (not stored)'}.`),
    coded.element);
}

// ---------------------------------------------------------------------------
// Start

function start() {
  window.addEventListener('hashchange', route);
  document.addEventListener('scroll', hideTooltip, { passive: true });
  route();
}

if (typeof document !== 'undefined' && typeof window !== 'undefined') {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
}
