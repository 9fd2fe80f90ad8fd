// completion.js — context-aware suggestions at the caret, from the schema:
// fields of the type being selected, arguments of the field, input fields,
// enum values, types (variable definitions, type conditions), directives for
// their location, fragment names, and the `$variables` the operation declares.

import { tokenize, significant } from './lexer.js';
import { walk } from './syntax.js';
import { typeString, isComposite, isInput } from './schema.js';

const KEYWORDS = ['query', 'mutation', 'subscription', 'fragment'];

// Returns { from, to, items } or null. Each item:
//   { label, insert, kind, detail, description, deprecated }
export function complete(src, caret, schema) {
  const tokens = tokenize(src);
  const sig = significant(tokens);
  const inTok = tokens.find((t) => t.start < caret && caret <= t.end);
  let from = caret, to = caret, prefix = '';
  let limit = sig.filter((t) => t.end <= caret).length;
  if (inTok) {
    if (inTok.kind === 'Comment') return null;
    if ((inTok.kind === 'String' || inTok.kind === 'BlockString') && (caret < inTok.end || inTok.error)) return null;
    if (inTok.kind === 'Name') {
      from = inTok.start; to = inTok.end; prefix = src.slice(inTok.start, caret);
      limit = sig.indexOf(inTok);
    }
  }
  const ctx = walk(tokens, schema, limit);
  const items = suggestions(ctx, schema, tokens);
  if (!items) return null;
  return { from, to, prefix, items: rank(items, prefix) };
}

function suggestions(ctx, schema, tokens) {
  // A finished fragment spread or directive takes no more names: a name typed after
  // one belongs to the frame below (the next field of the selection set).
  let depth = ctx.stack.length - 1;
  let f = ctx.stack[depth];
  while (depth > 0 && ((f.k === 'spread' && f.step === 'named') || (f.k === 'dir' && f.step === 'after'))) f = ctx.stack[--depth];
  const fieldItem = (d) => ({
    label: d.name, insert: d.name, kind: 'field', detail: typeString(d.type),
    description: d.description, deprecated: d.isDeprecated, deprecationReason: d.deprecationReason,
  });
  const argItem = (d) => ({
    label: d.name, insert: d.name + ': ', kind: 'argument', detail: typeString(d.type),
    description: d.description, deprecated: d.isDeprecated,
  });
  const typeItem = (t) => ({ label: t.name, insert: t.name, kind: 'type', detail: t.kind.toLowerCase().replace('_', ' '), description: t.description });
  const varItems = (withDollar) => Object.entries(ctx.vars).map(([name, type]) => ({
    label: '$' + name, insert: (withDollar ? '$' : '') + name, kind: 'variable', detail: type, description: 'Declared by this operation',
  }));

  switch (f.k) {
    case 'doc':
      return KEYWORDS.map((k) => ({ label: k, insert: k + ' ', kind: 'keyword', detail: '' }));
    case 'sel':
      if (f.step === 'aliasColon' || !schema || !f.type) return null;
      return schema.fieldsOf(f.type).map(fieldItem);
    case 'spread': {
      if (f.step === 'start') {
        const frags = fragments(tokens).map((fr) => ({ label: fr.name, insert: fr.name, kind: 'fragment', detail: 'on ' + fr.on }));
        return [{ label: 'on', insert: 'on ', kind: 'keyword', detail: 'inline fragment' }, ...frags];
      }
      if (f.step === 'type' && schema) return compositeTypes(schema, f.parent).map(typeItem);
      return null;
    }
    case 'frag':
      if (f.step === 'on') return [{ label: 'on', insert: 'on ', kind: 'keyword', detail: '' }];
      if (f.step === 'type' && schema) return compositeTypes(schema, null).map(typeItem);
      return null;
    case 'args':
    case 'obj':
      if (f.step !== 'name' || !f.defs) return null;
      return f.defs.filter((d) => !f.used.has(d.name)).map(argItem);
    case 'value':
      if (f.step === 'var') return varItems(false);
      return valueItems(schema, f.type).concat(varItems(true));
    case 'list':
      return valueItems(schema, f.item).concat(varItems(true));
    case 'varDefs':
      if (f.step === 'type' && schema) return schema.userTypes().filter(isInput).map(typeItem);
      return null;
    case 'dir':
      if (f.step !== 'name' || !schema) return null;
      return schema.directives.filter((d) => d.locations.includes(f.loc)).map((d) => ({
        label: d.name, insert: d.name, kind: 'directive', detail: '@' + d.name, description: d.description,
      }));
    default:
      return null;
  }
}

function valueItems(schema, ref) {
  const t = schema && ref ? schema.named(ref) : null;
  if (!t) return [];
  if (t.kind === 'ENUM') {
    return (t.enumValues || []).map((v) => ({
      label: v.name, insert: v.name, kind: 'enum', detail: t.name, description: v.description, deprecated: v.isDeprecated,
    }));
  }
  if (t.name === 'Boolean') return ['true', 'false'].map((v) => ({ label: v, insert: v, kind: 'value', detail: 'Boolean' }));
  if (t.kind === 'INPUT_OBJECT') return [{ label: '{ }', insert: '{', kind: 'value', detail: t.name, description: t.description }];
  return [];
}

function compositeTypes(schema, parent) {
  const all = schema.userTypes().filter(isComposite);
  if (!parent || !parent.possibleTypes) return all;
  const likely = new Set(parent.possibleTypes.map((p) => p.name));
  return all.filter((t) => likely.has(t.name)).concat(all.filter((t) => !likely.has(t.name)));
}

// Fragment definitions in the document: [{ name, on }]
export function fragments(tokens) {
  const sig = significant(tokens);
  const out = [];
  for (let i = 0; i + 3 < sig.length; i++) {
    if (sig[i].kind === 'Name' && sig[i].value === 'fragment' && sig[i + 1].kind === 'Name' && sig[i + 2].value === 'on') {
      out.push({ name: sig[i + 1].value, on: sig[i + 3].value });
    }
  }
  return out;
}

// Prefix matches first (in schema order), then substring, then subsequence
// matches; deprecated entries after the others.
function rank(items, prefix) {
  const p = prefix.toLowerCase();
  const score = (it) => {
    const l = it.label.replace(/^\$/, '').toLowerCase();
    if (!p) return 1;
    if (l === p && it.label.length === prefix.length) return 0;
    if (l.startsWith(p)) return 1;
    if (l.includes(p)) return 2;
    let j = 0;
    for (const c of l) if (c === p[j]) j++;
    return j === p.length ? 3 : -1;
  };
  return items
    .map((it, i) => ({ it, i, s: score(it) }))
    .filter((x) => x.s >= 0)
    .sort((a, b) => (a.it.deprecated ? 1 : 0) - (b.it.deprecated ? 1 : 0) || a.s - b.s || a.i - b.i)
    .map((x) => x.it);
}
