// history.js — recent runs kept in localStorage; click one to restore its
// query, variables and chosen operation. Headers and tokens are not stored.

const KEY = 'graphql-playground:history';
const MAX = 50;
const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));

export class History {
  constructor(storage = safeStorage()) { this.storage = storage; }

  list() {
    try {
      const v = JSON.parse(this.storage.getItem(KEY) || '[]');
      return Array.isArray(v) ? v : [];
    } catch { return []; }
  }

  // entry: { query, variables, operationName, operationType }
  add(entry) {
    const items = this.list().filter((e) => !(e.query === entry.query && e.variables === entry.variables && e.operationName === entry.operationName));
    items.unshift({ ...entry, at: Date.now() });
    this.save(items.slice(0, MAX));
  }

  remove(at) { this.save(this.list().filter((e) => e.at !== at)); }
  clear() { this.save([]); }
  save(items) { try { this.storage.setItem(KEY, JSON.stringify(items)); } catch { /* full or unavailable */ } }
}

export function safeStorage(kind = 'localStorage') {
  try { const s = window[kind]; s.setItem('__probe', '1'); s.removeItem('__probe'); return s; } catch {
    const m = new Map();
    return { getItem: (k) => (m.has(k) ? m.get(k) : null), setItem: (k, v) => m.set(k, String(v)), removeItem: (k) => m.delete(k) };
  }
}

// A short label: the operation name, else the first fields selected.
export function summarize(entry) {
  if (entry.operationName) return entry.operationName;
  const body = entry.query.replace(/#[^\n]*/g, '').replace(/"(?:[^"\\]|\\.)*"/g, '""');
  const names = [...body.replace(/\([^)]*\)/g, '').matchAll(/[{\s]([_A-Za-z][_0-9A-Za-z]*)/g)]
    .map((m) => m[1]).filter((n) => !['query', 'mutation', 'subscription', 'fragment', 'on'].includes(n));
  return names.slice(0, 3).join(', ') || '(empty)';
}

function ago(t) {
  const s = Math.round((Date.now() - t) / 1000);
  if (s < 60) return 'just now';
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86400) return `${Math.floor(s / 3600)} h ago`;
  return new Date(t).toLocaleDateString();
}

export function renderHistory(root, history, onRestore) {
  const items = history.list();
  root.innerHTML = `
    <div class="drawer-head"><h2>History</h2>
      <button type="button" class="btn small ghost" data-action="clear" ${items.length ? '' : 'disabled'}>Clear</button></div>
    ${items.length ? '' : '<p class="muted pad">Nothing yet: every run is kept here (in this browser only).</p>'}
    <ul class="history-list">${items.map((e, i) => `
      <li><button type="button" class="history-item" data-index="${i}" data-testid="history-item"
          title="${esc(e.query.slice(0, 400))}">
        <span class="op-badge op-${esc(e.operationType || 'query')}">${esc((e.operationType || 'query')[0].toUpperCase())}</span>
        <span class="history-label">${esc(summarize(e))}</span>
        <span class="history-time">${esc(ago(e.at))}</span>
      </button></li>`).join('')}
    </ul>`;
  root.onclick = (ev) => {
    const b = ev.target.closest('button');
    if (!b) return;
    if (b.dataset.action === 'clear') { history.clear(); renderHistory(root, history, onRestore); return; }
    if (b.dataset.index !== undefined) onRestore(items[Number(b.dataset.index)]);
  };
}
