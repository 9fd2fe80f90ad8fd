// result.js — the result panel: highlighted JSON, a readable list of GraphQL
// errors (message, clickable locations, path, code), HTTP / network / input
// errors, and the event stream of a subscription.

const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));

// JSON.stringify(value, null, 2) with <span>s around keys and scalars; its
// textContent is exactly that JSON text.
// `compact` prints it on one line (`{ "a": 1 }`), for small subscription events.
export function jsonHtml(value, ind = '', compact = false) {
  if (value === null) return '<span class="j-null">null</span>';
  if (typeof value === 'string') return `<span class="j-str">${esc(JSON.stringify(value))}</span>`;
  if (typeof value === 'number') return `<span class="j-num">${JSON.stringify(value)}</span>`;
  if (typeof value === 'boolean') return `<span class="j-bool">${value}</span>`;
  const inner = compact ? '' : ind + '  ';
  const [open, sep, close] = compact ? [' ', ', ', ' '] : ['\n', ',\n', '\n' + ind];
  if (Array.isArray(value)) {
    if (!value.length) return '[]';
    return '[' + open + value.map((v) => inner + jsonHtml(v === undefined ? null : v, inner, compact)).join(sep) + close + ']';
  }
  if (typeof value === 'object') {
    const keys = Object.keys(value).filter((k) => value[k] !== undefined);
    if (!keys.length) return '{}';
    return '{' + open + keys.map((k) => `${inner}<span class="j-key">${esc(JSON.stringify(k))}</span>: ${jsonHtml(value[k], inner, compact)}`).join(sep) + close + '}';
  }
  return '<span class="j-null">null</span>';
}

const time = (d = new Date()) => d.toLocaleTimeString([], { hour12: false }) + '.' + String(d.getMilliseconds()).padStart(3, '0');
const size = (n) => (n < 1024 ? `${n} B` : `${(n / 1024).toFixed(1)} kB`);

export class ResultView {
  constructor(el, metaEl, { onLocation = () => {} } = {}) {
    this.el = el;
    this.meta = metaEl;
    this.onLocation = onLocation;
    el.addEventListener('click', (e) => {
      const a = e.target.closest('[data-line]');
      if (a) { e.preventDefault(); this.onLocation(Number(a.dataset.line), Number(a.dataset.column)); }
    });
    this.empty();
  }

  setState(state, meta = '') {
    this.el.dataset.state = state;
    this.meta.textContent = meta;
  }

  empty() {
    this.el.innerHTML = `<div class="placeholder"><p>Run an operation to see its result here.</p>
      <p><kbd>Ctrl</kbd>/<kbd>⌘</kbd> + <kbd>Enter</kbd> runs the operation at the cursor.</p></div>`;
    this.setState('empty');
  }

  loading(label) {
    this.el.innerHTML = `<div class="placeholder"><span class="spinner" aria-hidden="true"></span> ${esc(label)}</div>`;
    this.setState('loading', '');
  }

  // A problem found before anything was sent (bad variables JSON, no operation…).
  problem(title, detail = '') {
    this.el.innerHTML = `<div class="problem" role="alert" data-testid="result-problem"><h3>${esc(title)}</h3>${detail ? `<p>${esc(detail)}</p>` : ''}</div>`;
    this.setState('error', '');
  }

  // An HTTP answer from postGraphQL().
  response(r) {
    if (r.networkError) {
      this.problem(r.aborted ? 'Request cancelled' : 'Network error', r.aborted ? '' :
        `The request did not reach the server (${r.networkError}). Is the server running, and is /graphql on this origin?`);
      return;
    }
    const statusText = `${r.status} ${r.statusText || ''}`.trim();
    const meta = `${statusText} · ${Math.round(r.ms)} ms · ${size(r.bytes)}`;
    let html = '';
    const gqlBody = r.body && typeof r.body === 'object' && ('data' in r.body || 'errors' in r.body);
    // A GraphQL response speaks for itself (its status is in the meta line); anything
    // else is the server or a proxy failing before GraphQL.
    if (!(r.status >= 200 && r.status < 300) && !gqlBody) {
      html += `<div class="problem" role="alert" data-testid="result-problem"><h3>HTTP ${esc(statusText)}</h3>` +
        `<p>The server answered without a GraphQL response${r.contentType ? ` (${esc(r.contentType)})` : ''}.</p></div>`;
    } else if (!r.body) {
      html += `<div class="problem" role="alert" data-testid="result-problem"><h3>The response is not JSON</h3><p>${esc(r.jsonError || '')}</p></div>`;
    }
    if (r.body && Array.isArray(r.body.errors) && r.body.errors.length) html += errorsHtml(r.body.errors, !!r.body.data);
    if (r.body !== undefined) html += `<pre class="json" data-testid="result-json">${jsonHtml(r.body)}</pre>`;
    else if (r.text) html += `<pre class="raw" data-testid="result-raw">${esc(r.text.slice(0, 20000))}</pre>`;
    this.el.innerHTML = html;
    this.el.scrollTop = 0;
    const failed = !(r.status >= 200 && r.status < 300) || !r.body || (r.body.errors && r.body.errors.length);
    this.setState(failed ? (r.body && r.body.data ? 'partial' : 'error') : 'ok', meta);
  }

  // ---- subscriptions ------------------------------------------------------

  startStream(label) {
    this.count = 0;
    this.started = performance.now();
    this.el.innerHTML = `<div class="stream-head"><span class="live-dot" aria-hidden="true"></span>
      <span data-testid="subscription-status">${esc(label)}</span></div>
      <ol class="events" data-testid="subscription-events" aria-live="polite"></ol>`;
    this.list = this.el.querySelector('.events');
    this.status = this.el.querySelector('[data-testid="subscription-status"]');
    this.setState('streaming', '');
  }

  streamStatus(text) { if (this.status) this.status.textContent = text; }

  event(type, payload) {
    if (!this.list) return;
    const atBottom = this.el.scrollHeight - this.el.scrollTop - this.el.clientHeight < 40;
    const li = document.createElement('li');
    li.dataset.testid = 'subscription-event';
    li.dataset.type = type;
    li.className = `event event-${type}`;
    if (type === 'next') this.count++;
    const label = type === 'next' ? `next #${this.count}` : type;
    let body = '';
    if (type === 'next') {
      if (payload && Array.isArray(payload.errors) && payload.errors.length) body += errorsHtml(payload.errors, !!payload.data);
      const short = JSON.stringify(payload).length <= 100;
      body += `<pre class="json${short ? ' compact' : ''}">${jsonHtml(payload, '', short)}</pre>`;
    } else if (type === 'error') body = errorsHtml(payload) + `<pre class="json">${jsonHtml(payload)}</pre>`;
    else if (payload) body = `<p>${esc(payload)}</p>`;
    li.innerHTML = `<div class="event-head"><time>${time()}</time><span class="event-type">${esc(label)}</span></div>${body}`;
    this.list.appendChild(li);
    if (atBottom) this.el.scrollTop = this.el.scrollHeight;
    this.meta.textContent = `${this.count} event${this.count === 1 ? '' : 's'} · ${((performance.now() - this.started) / 1000).toFixed(1)} s`;
  }

  endStream(state, text) {
    this.el.dataset.state = state;
    const head = this.el.querySelector('.stream-head');
    if (head) head.classList.add('ended');
    this.streamStatus(text);
  }
}

export function errorsHtml(errors, hasData = false) {
  const items = errors.map((e) => {
    if (!e || typeof e !== 'object') return `<li><p class="err-msg">${esc(String(e))}</p></li>`;
    const locs = Array.isArray(e.locations) ? e.locations.map((l) =>
      `<a href="#" data-line="${Number(l.line)}" data-column="${Number(l.column)}" title="Show in the editor">line ${Number(l.line)}, column ${Number(l.column)}</a>`).join(', ') : '';
    const path = Array.isArray(e.path) ? e.path.map((p) => (typeof p === 'number' ? `[${p}]` : p)).join('.').replace(/\.\[/g, '[') : '';
    const code = e.extensions && e.extensions.code ? `<span class="badge">${esc(e.extensions.code)}</span>` : '';
    return `<li><p class="err-msg">${code}${esc(e.message || JSON.stringify(e))}</p>` +
      (locs ? `<p class="err-meta">at ${locs}</p>` : '') +
      (path ? `<p class="err-meta">path <code>${esc(path)}</code></p>` : '') + '</li>';
  }).join('');
  const n = errors.length;
  const partial = hasData ? ' <span class="muted">· the data below is partial</span>' : '';
  return `<section class="gql-errors" role="alert" data-testid="result-errors"><h3>${n} error${n === 1 ? '' : 's'}${partial}</h3><ul>${items}</ul></section>`;
}
