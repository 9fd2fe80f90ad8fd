// editor.js — the query editor: a <textarea> (real typing, paste, selection,
// IME and the browser's own undo/redo) laid over a highlighted <pre>, with
// line numbers, bracket matching, auto-indent, tab indent, auto-closed
// brackets and the completion popup.
//
// Every edit the editor makes itself goes through execCommand('insertText'),
// so Ctrl+Z / Ctrl+Shift+Z undo and redo it like typing.

import { tokenize, matchBracket, offsetOf } from './lexer.js';
import { walk } from './syntax.js';
import { complete } from './completion.js';

const PAIRS = { '{': '}', '(': ')', '[': ']' };
const CLOSERS = new Set(['}', ')', ']']);
const INDENT = '  ';
const esc = (s) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));

export class Editor {
  constructor(root, { onChange = () => {}, onCaret = () => {}, label = 'GraphQL editor' } = {}) {
    this.onChange = onChange;
    this.onCaret = onCaret;
    this.schema = null;
    this.comp = null;
    this.tabEscapes = false;
    root.classList.add('code-editor');
    root.innerHTML = `
      <div class="gutter" aria-hidden="true"><div class="gutter-inner"></div></div>
      <div class="code-area">
        <pre class="code-highlight" aria-hidden="true"><code></code></pre>
        <textarea class="code-input" data-testid="editor" wrap="off" spellcheck="false" autocomplete="off"
          autocorrect="off" autocapitalize="off" aria-label="${esc(label)}" aria-autocomplete="list"
          aria-describedby="editor-help"></textarea>
        <span class="code-measure" aria-hidden="true"></span>
      </div>
      <div class="completion" role="listbox" id="completion-list" data-testid="completion" aria-label="Suggestions" hidden>
        <ul></ul><div class="completion-info"></div>
      </div>`;
    this.root = root;
    this.ta = root.querySelector('textarea');
    this.code = root.querySelector('code');
    this.gutter = root.querySelector('.gutter-inner');
    this.popup = root.querySelector('.completion');
    this.list = this.popup.querySelector('ul');
    this.info = this.popup.querySelector('.completion-info');
    this.lines = 0;
    this.lastKey = '';

    this.ta.addEventListener('input', (e) => this.handleInput(e));
    this.ta.addEventListener('keydown', (e) => this.handleKey(e));
    this.ta.addEventListener('scroll', () => this.syncScroll());
    this.ta.addEventListener('blur', () => setTimeout(() => { if (document.activeElement !== this.ta) this.closeCompletion(); }, 120));
    this.ta.addEventListener('mousedown', () => this.closeCompletion());
    // Chrome reports caret moves in a textarea with selectionchange on the document;
    // keyup and mouseup cover browsers that do not.
    const moved = () => { if (document.activeElement === this.ta) this.caretMoved(); };
    document.addEventListener('selectionchange', moved);
    this.ta.addEventListener('keyup', moved);
    this.ta.addEventListener('mouseup', moved);
    this.list.addEventListener('mousedown', (e) => {
      const li = e.target.closest('li');
      if (!li) return;
      e.preventDefault();
      this.accept(Number(li.dataset.index));
    });
    new ResizeObserver(() => this.syncScroll()).observe(this.ta);
  }

  get value() { return this.ta.value; }
  get caret() { return this.ta.selectionStart; }

  // Replace the whole text. Undoable unless `reset` (first load).
  setValue(text, { reset = false } = {}) {
    if (reset) { this.ta.value = text; this.ta.setSelectionRange(0, 0); this.changed(); return; }
    this.replaceRange(0, this.ta.value.length, text);
    this.ta.setSelectionRange(0, 0);
  }

  setSchema(schema) { this.schema = schema; this.render(); }

  focus() { this.ta.focus(); }

  goTo(line, column) {
    const off = offsetOf(this.ta.value, line, column);
    this.ta.focus();
    this.ta.setSelectionRange(off, off);
    this.scrollToCaret();
    this.caretMoved();
  }

  // Insert `text` over [from, to) as if typed (keeps the undo stack).
  replaceRange(from, to, text, caretOffset = text.length) {
    const ta = this.ta;
    if (document.activeElement !== ta) ta.focus();
    ta.setSelectionRange(from, to);
    let ok = false;
    try { ok = text ? document.execCommand('insertText', false, text) : document.execCommand('delete'); } catch { ok = false; }
    if (!ok) {
      ta.setRangeText(text, from, to, 'end');
      ta.dispatchEvent(new InputEvent('input', { inputType: 'insertReplacementText', data: text }));
    }
    const c = from + caretOffset;
    ta.setSelectionRange(c, c);
  }

  // ---- rendering --------------------------------------------------------

  changed() {
    this.tokens = null;
    this.render();
    this.onChange(this.ta.value);
  }

  render() {
    const src = this.ta.value;
    this.tokens = tokenize(src);
    walk(this.tokens, this.schema);
    this.paint();
    const n = src.split('\n').length;
    if (n !== this.lines) {
      this.lines = n;
      let g = '';
      for (let i = 1; i <= n; i++) g += i + '\n';
      this.gutter.textContent = g;
    }
    this.syncScroll();
  }

  paint() {
    const src = this.ta.value;
    const ta = this.ta;
    const m = ta.selectionStart === ta.selectionEnd ? matchBracket(this.tokens, ta.selectionStart) : null;
    this.bracketKey = m ? m.a + ':' + m.b : '';
    let html = '', pos = 0;
    for (const t of this.tokens) {
      html += esc(src.slice(pos, t.start));
      let cls = 't-' + (t.role || 'plain');
      if (t.error || t.role === 'invalid') cls += ' t-error';
      if (t.unknown) cls += ' t-unknown';
      if (m && (t.start === m.a || t.start === m.b)) cls += m.b < 0 ? ' bracket-bad' : ' bracket-match';
      html += `<span class="${cls}">${esc(src.slice(t.start, t.end))}</span>`;
      pos = t.end;
    }
    this.code.innerHTML = html + esc(src.slice(pos)) + '\n';
  }

  syncScroll() {
    const { scrollTop: st, scrollLeft: sl } = this.ta;
    this.code.style.transform = `translate(${-sl}px, ${-st}px)`;
    this.gutter.style.transform = `translateY(${-st}px)`;
  }

  caretMoved() {
    if (!this.tokens) return;
    const ta = this.ta;
    const m = ta.selectionStart === ta.selectionEnd ? matchBracket(this.tokens, ta.selectionStart) : null;
    if ((m ? m.a + ':' + m.b : '') !== this.bracketKey) this.paint();
    if (this.comp && (ta.selectionStart < this.comp.from || ta.selectionStart > this.comp.to + 0)) this.closeCompletion();
    this.onCaret(ta.selectionStart);
  }

  scrollToCaret() {
    const { top, left } = this.caretXY(this.ta.selectionStart);
    const ta = this.ta, lh = this.metrics().lh;
    if (top < ta.scrollTop) ta.scrollTop = top - lh;
    else if (top + lh > ta.scrollTop + ta.clientHeight) ta.scrollTop = top - ta.clientHeight + 2 * lh;
    if (left < ta.scrollLeft || left > ta.scrollLeft + ta.clientWidth - 20) ta.scrollLeft = Math.max(0, left - ta.clientWidth / 2);
  }

  metrics() {
    if (!this._m || !this._m.cw) {
      const span = this.root.querySelector('.code-measure');
      span.textContent = 'x'.repeat(64);
      const cs = getComputedStyle(this.ta);
      this._m = {
        cw: span.getBoundingClientRect().width / 64,
        lh: parseFloat(cs.lineHeight) || 20,
        pt: parseFloat(cs.paddingTop) || 0,
        pl: parseFloat(cs.paddingLeft) || 0,
      };
    }
    return this._m;
  }

  // Caret position in content coordinates (inside the textarea's padding box).
  caretXY(offset) {
    const before = this.ta.value.slice(0, offset);
    const line = before.split('\n').length - 1;
    const col = before.length - before.lastIndexOf('\n') - 1;
    const { cw, lh, pt, pl } = this.metrics();
    return { top: pt + line * lh, left: pl + col * cw };
  }

  // ---- input handling ---------------------------------------------------

  handleInput(e) {
    this.changed();
    const typed = e.inputType === 'insertText' && typeof e.data === 'string' && e.data.length === 1 ? e.data : '';
    if (typed && /[A-Za-z0-9_$@]/.test(typed)) {
      if (this.comp || /[A-Za-z_$@]/.test(typed)) this.openCompletion(false);
    } else if (this.comp && e.inputType === 'deleteContentBackward') this.openCompletion(false);
    else this.closeCompletion();
  }

  handleKey(e) {
    const ta = this.ta;
    const mod = e.ctrlKey || e.metaKey;
    if (this.comp) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        const n = this.comp.items.length;
        this.select((this.comp.index + (e.key === 'ArrowDown' ? 1 : n - 1)) % n);
        return;
      }
      if ((e.key === 'Enter' && !mod && !e.shiftKey) || (e.key === 'Tab' && !e.shiftKey)) { e.preventDefault(); this.accept(this.comp.index); return; }
      if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); this.closeCompletion(); return; }
      if (e.key === 'PageDown' || e.key === 'PageUp') { e.preventDefault(); this.select(Math.max(0, Math.min(this.comp.items.length - 1, this.comp.index + (e.key === 'PageDown' ? 7 : -7)))); return; }
    }
    if (mod && e.key === 'Enter') { this.closeCompletion(); return; } // run: handled by the page
    if (mod && (e.key === ' ' || e.code === 'Space')) { e.preventDefault(); this.openCompletion(true); return; }
    if (e.key === 'Escape') { this.tabEscapes = true; return; }
    if (e.key === 'Tab' && !mod && !e.altKey) {
      if (this.tabEscapes) { this.tabEscapes = false; return; } // let focus move on
      e.preventDefault();
      this.indent(e.shiftKey);
      return;
    }
    this.tabEscapes = false;
    if (mod || e.altKey || e.isComposing) return;
    const { selectionStart: s, selectionEnd: t, value: v } = ta;
    if (e.key === 'Enter') {
      e.preventDefault();
      const lineStart = v.lastIndexOf('\n', s - 1) + 1;
      const ind = /^[ \t]*/.exec(v.slice(lineStart, s))[0];
      const prev = v.slice(lineStart, s).trimEnd().slice(-1);
      const next = v.slice(t).match(/^[ \t]*(.?)/)[1];
      if (PAIRS[prev] && PAIRS[prev] === next) {
        const inner = '\n' + ind + INDENT;
        this.replaceRange(s, t + v.slice(t).match(/^[ \t]*/)[0].length, inner + '\n' + ind, inner.length);
      } else {
        const text = '\n' + ind + (PAIRS[prev] ? INDENT : '');
        this.replaceRange(s, t, text);
      }
      this.scrollToCaret();
      return;
    }
    if (PAIRS[e.key]) {
      e.preventDefault();
      const next = v[t] || '';
      if (s !== t) this.replaceRange(s, t, e.key + v.slice(s, t) + PAIRS[e.key], t - s + 1);
      else if (next === '' || /\s/.test(next) || CLOSERS.has(next) || next === ',') this.replaceRange(s, t, e.key + PAIRS[e.key], 1);
      else this.replaceRange(s, t, e.key);
      return;
    }
    if (CLOSERS.has(e.key) && s === t && v[s] === e.key && this.isAutoClosed(s)) {
      e.preventDefault();
      ta.setSelectionRange(s + 1, s + 1);
      this.caretMoved();
      return;
    }
    if (CLOSERS.has(e.key) && s === t) {
      const lineStart = v.lastIndexOf('\n', s - 1) + 1;
      const before = v.slice(lineStart, s);
      // On a blank line just above the same (auto-inserted) closer, typing the closer
      // means "done": drop the blank line and step past the closer, not add another.
      const nl = v.indexOf('\n', s);
      const next = nl >= 0 && lineStart > 0 && /^[ \t]*$/.test(before + v.slice(s, nl)) ? /^[ \t]*(.)/.exec(v.slice(nl + 1)) : null;
      if (next && next[1] === e.key && this.isAutoClosed(nl + next[0].length)) {
        e.preventDefault();
        this.replaceRange(lineStart - 1, nl, '');
        const after = lineStart + next[0].length;
        ta.setSelectionRange(after, after);
        this.caretMoved();
        return;
      }
      // A closer typed on a line of only indentation lines up with its opener's line.
      if (before.length >= INDENT.length && /^[ \t]*$/.test(before)) {
        e.preventDefault();
        this.replaceRange(lineStart, s, before.slice(INDENT.length) + e.key);
        return;
      }
    }
    if (e.key === 'Backspace' && s === t && s > 0 && PAIRS[v[s - 1]] && PAIRS[v[s - 1]] === v[s]) {
      e.preventDefault();
      this.replaceRange(s - 1, s + 1, '', 0);
    }
  }

  // A closer right of the caret that balances an opener on the left.
  isAutoClosed(at) {
    const m = matchBracket(this.tokens || tokenize(this.ta.value), at);
    return !!m && m.b >= 0 && m.b < at;
  }

  indent(outdent) {
    const ta = this.ta;
    const { selectionStart: s, selectionEnd: t, value: v } = ta;
    const multi = v.slice(s, t).includes('\n');
    if (!multi && !outdent) { this.replaceRange(s, t, INDENT); return; }
    const from = v.lastIndexOf('\n', s - 1) + 1;
    const to = t > from && v[t - 1] === '\n' ? t - 1 : t;
    const lines = v.slice(from, to).split('\n');
    const out = lines.map((l) => (outdent ? l.replace(/^ {1,2}|^\t/, '') : INDENT + l));
    const text = out.join('\n');
    this.replaceRange(from, to, text);
    const firstShift = out[0].length - lines[0].length;
    ta.setSelectionRange(multi ? from : Math.max(from, s + firstShift), multi ? from + text.length : Math.max(from, s + firstShift));
  }

  // ---- completion -------------------------------------------------------

  openCompletion(explicit) {
    const res = complete(this.ta.value, this.ta.selectionStart, this.schema);
    if (!res || !res.items.length || this.ta.selectionStart !== this.ta.selectionEnd) { this.closeCompletion(); return; }
    const only = res.items.length === 1 && res.items[0].insert.trim() === this.ta.value.slice(res.from, res.to);
    if (only && !explicit) { this.closeCompletion(); return; }
    this.comp = { ...res, index: 0 };
    this.list.innerHTML = res.items.slice(0, 200).map((it, i) => {
      const label = esc(it.label);
      const p = res.prefix.length && it.label.toLowerCase().startsWith(res.prefix.toLowerCase())
        ? `<b>${esc(it.label.slice(0, res.prefix.length))}</b>${esc(it.label.slice(res.prefix.length))}` : label;
      return `<li role="option" id="completion-${i}" data-index="${i}" data-kind="${it.kind}"
        class="${it.deprecated ? 'deprecated' : ''}"><span class="kind-icon kind-${it.kind}" aria-hidden="true">${it.kind[0]}</span>` +
        `<span class="label">${p}</span><span class="detail">${esc(it.detail || '')}</span></li>`;
    }).join('');
    this.popup.hidden = false;
    this.ta.setAttribute('aria-controls', 'completion-list');
    this.ta.setAttribute('aria-expanded', 'true');
    this.position();
    this.select(0);
  }

  position() {
    const { top, left } = this.caretXY(this.comp.from);
    const { lh } = this.metrics();
    const area = this.ta.getBoundingClientRect();
    const host = this.root.getBoundingClientRect();
    let x = area.left - host.left + left - this.ta.scrollLeft - 10;
    let y = area.top - host.top + top - this.ta.scrollTop + lh + 2;
    const ph = this.popup.offsetHeight;
    if (y + ph > host.height && y - lh - ph - 4 > 0) y = y - lh - ph - 4;
    x = Math.max(0, Math.min(x, host.width - this.popup.offsetWidth - 4));
    this.popup.style.left = x + 'px';
    this.popup.style.top = y + 'px';
  }

  select(i) {
    if (!this.comp) return;
    this.comp.index = i;
    this.list.querySelectorAll('li').forEach((li, j) => li.setAttribute('aria-selected', String(i === j)));
    const li = this.list.children[i];
    if (li) li.scrollIntoView({ block: 'nearest' });
    this.ta.setAttribute('aria-activedescendant', 'completion-' + i);
    const it = this.comp.items[i];
    const dep = it.deprecated ? `<p class="deprecation">Deprecated${it.deprecationReason ? ': ' + esc(it.deprecationReason) : ''}</p>` : '';
    this.info.innerHTML = it.description || dep ? `${dep}<p>${esc(it.description || '')}</p>` : '';
    this.info.hidden = !(it.description || dep);
  }

  accept(i) {
    const c = this.comp;
    if (!c) return;
    const it = c.items[i];
    this.closeCompletion();
    if (it.insert === '{') this.replaceRange(c.from, c.to, '{}', 1);
    else this.replaceRange(c.from, c.to, it.insert);
    if (it.kind === 'argument') this.openCompletion(false);
  }

  closeCompletion() {
    if (!this.comp && this.popup.hidden) return;
    this.comp = null;
    this.popup.hidden = true;
    this.ta.setAttribute('aria-expanded', 'false');
    this.ta.removeAttribute('aria-activedescendant');
  }

  // Completion labels currently shown (for tests and tooling).
  suggestions() { return this.comp ? this.comp.items.map((i) => i.label) : []; }
}
