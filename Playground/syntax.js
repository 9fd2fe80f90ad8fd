// syntax.js — a tolerant, token-by-token walk of a GraphQL executable document.
//
// One pass gives every token a `role` (for highlighting) and, when stopped at
// the caret, the grammar state there (for completion): which type's fields,
// which field's arguments, which input type's values, which directive
// location. It never fails on broken input: unexpected tokens are marked
// 'invalid' and the walk goes on. A schema is optional (types are then null).

import { significant } from './lexer.js';
import { listItem } from './schema.js';

const OPERATIONS = new Set(['query', 'mutation', 'subscription']);
const CLOSER = { sel: '}', obj: '}', args: ')', varDefs: ')', list: ']' };
const RETRY = 1; // pop this frame and give the token to the one below
const AGAIN = 2; // give the token to the (new) top frame

const isPunct = (t, v) => t && t.kind === 'Punct' && t.value === v;
const VALUE_START = (t) => t.kind === 'Name' || t.kind === 'Int' || t.kind === 'Float' ||
  t.kind === 'String' || t.kind === 'BlockString' || isPunct(t, '$') || isPunct(t, '[') || isPunct(t, '{');

// Parse a printed type ("[ID!]!") into an introspection-like type reference.
export function parseTypeRef(s) {
  s = (s || '').trim();
  if (!s) return null;
  if (s.endsWith('!')) { const inner = parseTypeRef(s.slice(0, -1)); return inner && { kind: 'NON_NULL', ofType: inner }; }
  if (s.startsWith('[')) { const inner = parseTypeRef(s.slice(1, s.endsWith(']') ? -1 : undefined)); return inner && { kind: 'LIST', ofType: inner }; }
  return { kind: 'NAMED', name: s };
}

// Walk `tokens` (all tokens of the document) up to but excluding the
// significant token with index `limit`. Returns the state at that point.
export function walk(tokens, schema, limit = Infinity) {
  for (const t of tokens) {
    t.unknown = undefined;
    t.role = t.kind === 'Comment' ? 'comment' : t.kind === 'Comma' ? 'punct' : undefined;
  }
  const sig = significant(tokens);
  const ctx = { operation: null, vars: {}, stack: [{ k: 'doc' }] };
  const stack = ctx.stack;
  const top = () => stack[stack.length - 1];
  const named = (ref) => (schema && ref ? schema.named(ref) : null);
  const sel = (type) => ({ k: 'sel', type, step: 'field', fieldDef: null });
  const dir = (loc) => ({ k: 'dir', loc, step: 'name', def: null });

  const H = {
    doc(f, t) {
      if (t.kind === 'Name' && OPERATIONS.has(t.value)) {
        t.role = 'keyword'; ctx.operation = t.value; ctx.vars = {};
        stack.push({ k: 'op', op: t.value, step: 'name' });
      } else if (t.kind === 'Name' && t.value === 'fragment') {
        t.role = 'keyword'; ctx.operation = null; ctx.vars = {};
        stack.push({ k: 'frag', step: 'name', type: null });
      } else if (isPunct(t, '{')) {
        t.role = 'punct'; ctx.operation = 'query'; ctx.vars = {};
        stack.push(sel(schema ? schema.queryType : null));
      } else t.role = 'invalid';
    },
    op(f, t) {
      if (t.kind === 'Name' && f.step === 'name') { t.role = 'def'; f.name = t.value; f.step = 'after'; }
      else if (isPunct(t, '(')) { t.role = 'punct'; f.step = 'after'; stack.push({ k: 'varDefs', step: 'start' }); }
      else if (isPunct(t, '@')) { t.role = 'directive'; f.step = 'after'; stack.push(dir(f.op.toUpperCase())); }
      else if (isPunct(t, '{')) { t.role = 'punct'; stack.pop(); stack.push(sel(schema ? schema.rootFor(f.op) : null)); }
      else return RETRY;
    },
    frag(f, t) {
      if (t.kind === 'Name' && f.step === 'name') { t.role = 'def'; f.step = 'on'; }
      else if (t.kind === 'Name' && f.step === 'on' && t.value === 'on') { t.role = 'keyword'; f.step = 'type'; }
      else if (t.kind === 'Name' && f.step === 'type') { t.role = 'type'; f.type = schema && schema.getType(t.value); f.step = 'after'; }
      else if (isPunct(t, '@')) { t.role = 'directive'; stack.push(dir('FRAGMENT_DEFINITION')); }
      else if (isPunct(t, '{')) { t.role = 'punct'; stack.pop(); stack.push(sel(f.type)); }
      else return RETRY;
    },
    varDefs(f, t) {
      const setType = (s) => { f.typeStr = s; if (f.cur) ctx.vars[f.cur] = s; };
      if (isPunct(t, '$')) { t.role = 'variable'; f.step = 'name'; f.cur = null; }
      else if (t.kind === 'Name' && f.step === 'name') { t.role = 'variable'; f.cur = t.value; f.step = 'colon'; }
      else if (isPunct(t, ':') && f.step === 'colon') { t.role = 'punct'; f.step = 'type'; setType(''); }
      else if (f.step === 'type' && isPunct(t, '[')) { t.role = 'punct'; setType(f.typeStr + '['); }
      else if (f.step === 'type' && t.kind === 'Name') { t.role = 'type'; setType(f.typeStr + t.value); f.step = 'typeEnd'; }
      else if (f.step === 'typeEnd' && (isPunct(t, ']') || isPunct(t, '!'))) { t.role = 'punct'; setType(f.typeStr + t.value); }
      else if (isPunct(t, '=')) { t.role = 'punct'; f.step = 'default'; stack.push({ k: 'value', type: parseTypeRef(f.typeStr), step: 'start' }); }
      else if (isPunct(t, '@')) { t.role = 'directive'; stack.push(dir('VARIABLE_DEFINITION')); }
      else if (isPunct(t, ')')) return RETRY;
      else t.role = 'invalid';
    },
    sel(f, t, next) {
      if (t.kind === 'Name') {
        if (f.step !== 'fieldName' && isPunct(next, ':')) { t.role = 'alias'; f.step = 'aliasColon'; return; }
        t.role = 'field';
        f.fieldDef = schema ? schema.field(f.type, t.value) : null;
        if (schema && f.type && !f.fieldDef) t.unknown = `Cannot query field "${t.value}" on type "${f.type.name}".`;
        f.step = 'afterField';
      } else if (isPunct(t, ':') && f.step === 'aliasColon') { t.role = 'punct'; f.step = 'fieldName'; }
      else if (isPunct(t, '(') && f.step === 'afterField') {
        t.role = 'punct';
        stack.push({ k: 'args', defs: f.fieldDef ? f.fieldDef.args : null, step: 'name', used: new Set() });
      } else if (isPunct(t, '@')) { t.role = 'directive'; stack.push(dir('FIELD')); }
      else if (isPunct(t, '{') && f.step === 'afterField') {
        t.role = 'punct'; f.step = 'field';
        stack.push(sel(f.fieldDef ? named(f.fieldDef.type) : null));
      } else if (isPunct(t, '...')) { t.role = 'punct'; f.step = 'field'; stack.push({ k: 'spread', parent: f.type, step: 'start', type: null }); }
      else if (isPunct(t, '}')) return RETRY;
      else t.role = 'invalid';
    },
    spread(f, t) {
      if (t.kind === 'Name' && f.step === 'start' && t.value === 'on') { t.role = 'keyword'; f.step = 'type'; }
      else if (t.kind === 'Name' && f.step === 'start') { t.role = 'fragment'; f.step = 'named'; }
      else if (isPunct(t, '@') && f.step === 'named') { t.role = 'directive'; stack.push(dir('FRAGMENT_SPREAD')); }
      else if (t.kind === 'Name' && f.step === 'type') { t.role = 'type'; f.type = schema && schema.getType(t.value); f.step = 'after'; }
      else if (isPunct(t, '@') && f.step !== 'type') { t.role = 'directive'; f.step = 'after'; stack.push(dir('INLINE_FRAGMENT')); }
      else if (isPunct(t, '{') && f.step !== 'named') { t.role = 'punct'; stack.pop(); stack.push(sel(f.type || f.parent)); }
      else return RETRY;
    },
    args(f, t) {
      if (t.kind === 'Name' && f.step === 'name') {
        t.role = 'attribute'; f.step = 'colon'; f.used.add(t.value);
        f.cur = f.defs ? f.defs.find((a) => a.name === t.value) : null;
        if (f.defs && !f.cur) t.unknown = `Unknown argument "${t.value}".`;
      } else if (isPunct(t, ':') && f.step === 'colon') {
        t.role = 'punct'; f.step = 'name';
        stack.push({ k: 'value', type: f.cur ? f.cur.type : null, step: 'start' });
      } else if (isPunct(t, ')')) return RETRY;
      else t.role = 'invalid';
    },
    obj(f, t) {
      if (t.kind === 'Name' && f.step === 'name') {
        t.role = 'attribute'; f.step = 'colon'; f.used.add(t.value);
        f.cur = f.defs ? f.defs.find((a) => a.name === t.value) : null;
      } else if (isPunct(t, ':') && f.step === 'colon') {
        t.role = 'punct'; f.step = 'name';
        stack.push({ k: 'value', type: f.cur ? f.cur.type : null, step: 'start' });
      } else if (isPunct(t, '}')) return RETRY;
      else t.role = 'invalid';
    },
    list(f, t) {
      if (isPunct(t, ']')) return RETRY;
      if (VALUE_START(t)) { stack.push({ k: 'value', type: f.item, step: 'start' }); return AGAIN; }
      t.role = 'invalid';
    },
    value(f, t) {
      if (f.step === 'start' && isPunct(t, '$')) { t.role = 'variable'; f.step = 'var'; return; }
      if (f.step === 'var') { if (t.kind === 'Name') { t.role = 'variable'; stack.pop(); return; } return RETRY; }
      if (t.kind === 'Int' || t.kind === 'Float') t.role = 'number';
      else if (t.kind === 'String' || t.kind === 'BlockString') t.role = 'string';
      else if (t.kind === 'Name') t.role = t.value === 'true' || t.value === 'false' || t.value === 'null' ? 'atom' : 'enum';
      else if (isPunct(t, '[')) { t.role = 'punct'; stack.pop(); stack.push({ k: 'list', item: listItem(f.type) }); return; }
      else if (isPunct(t, '{')) {
        t.role = 'punct'; stack.pop();
        const it = named(f.type);
        stack.push({ k: 'obj', defs: it ? it.inputFields : null, step: 'name', used: new Set(), type: it });
        return;
      } else return RETRY;
      stack.pop();
    },
    dir(f, t) {
      if (t.kind === 'Name' && f.step === 'name') {
        t.role = 'directive'; f.step = 'after';
        f.def = schema ? schema.directives.find((d) => d.name === t.value) : null;
      } else if (isPunct(t, '(') && f.step === 'after') {
        t.role = 'punct'; stack.pop();
        stack.push({ k: 'args', defs: f.def ? f.def.args : null, step: 'name', used: new Set() });
      } else return RETRY;
    },
  };

  const feed = (t, next) => {
    if (t.kind === 'Punct' && (t.value === '}' || t.value === ')' || t.value === ']') &&
        !(top().k === 'varDefs' && t.value === ']')) {
      for (let j = stack.length - 1; j > 0; j--) {
        if (CLOSER[stack[j].k] === t.value) { stack.length = j; t.role = 'punct'; return; }
      }
      t.role = 'invalid'; return;
    }
    for (let guard = 0; guard < 64; guard++) {
      const f = top();
      const r = H[f.k](f, t, next);
      if (r === AGAIN) continue;
      if (r !== RETRY) return;
      if (stack.length === 1) { t.role = 'invalid'; return; }
      stack.pop();
    }
  };

  const n = Math.min(limit, sig.length);
  for (let i = 0; i < n; i++) {
    const t = sig[i];
    if (t.kind === 'Invalid' || (t.error && t.kind !== 'String' && t.kind !== 'BlockString')) { t.role = 'invalid'; continue; }
    feed(t, sig[i + 1]);
  }
  return ctx;
}

// The top-level definitions, found by brace depth (works on broken input).
// [{ kind: 'operation'|'fragment', operation, name, start, end }]
export function outline(tokens, srcLength) {
  const defs = [];
  let cur = null, depth = 0, parens = 0;
  const sig = significant(tokens);
  for (let i = 0; i < sig.length; i++) {
    const t = sig[i];
    if (depth === 0 && parens === 0 && !cur) {
      if (t.kind === 'Name' && (OPERATIONS.has(t.value) || t.value === 'fragment')) {
        const n = sig[i + 1];
        cur = {
          kind: t.value === 'fragment' ? 'fragment' : 'operation',
          operation: t.value === 'fragment' ? null : t.value,
          name: n && n.kind === 'Name' && n.value !== 'on' ? n.value : null,
          start: t.start, end: srcLength,
        };
        continue;
      }
      if (isPunct(t, '{')) cur = { kind: 'operation', operation: 'query', name: null, start: t.start, end: srcLength };
    }
    if (isPunct(t, '(')) parens++;
    else if (isPunct(t, ')')) parens = Math.max(0, parens - 1);
    else if (isPunct(t, '{')) depth++;
    else if (isPunct(t, '}')) {
      depth = Math.max(0, depth - 1);
      if (depth === 0 && cur) { cur.end = t.end; defs.push(cur); cur = null; }
    }
  }
  if (cur) defs.push(cur);
  return defs;
}

// The operation the caret is in (or the nearest one before it, or the first).
export function operationAt(defs, caret) {
  const ops = defs.filter((d) => d.kind === 'operation');
  let best = null;
  for (const d of ops) if (d.start <= caret) best = d;
  return best || ops[0] || null;
}
