// parser.js — a strict recursive-descent parser for GraphQL executable
// documents (operations and fragments), producing graphql-js style AST nodes.
// Used by the prettifier (so it keeps comments, see below); errors read like graphql-js's:
//   Syntax Error: Expected Name, found "}".   (with .offset for the location)

import { tokenize, significant } from './lexer.js';

export class GraphQLSyntaxError extends Error {
  constructor(message, offset) { super('Syntax Error: ' + message); this.offset = offset; }
}

const describe = (t) => {
  if (!t) return '<EOF>';
  if (t.kind === 'Punct') return `"${t.value}"`;
  if (t.kind === 'Name') return `Name "${t.value}"`;
  if (t.kind === 'String' || t.kind === 'BlockString') return 'String';
  return `${t.kind} "${t.value}"`;
};

export function parse(src) {
  const all = tokenize(src);
  const bad = all.find((t) => t.error);
  if (bad) throw new GraphQLSyntaxError(bad.error + '.', bad.start);
  // Comments ride on the next significant token, so that prettify can keep them: each
  // selection and definition takes the comments before it, a selection set the ones
  // before its "}", the document those at its end. A comment elsewhere (inside
  // arguments) moves to before the next selection rather than being dropped.
  const toks = [];
  let pending = [];
  for (const t of all) {
    if (t.kind === 'Comment') pending.push(t.value.trimEnd());
    else if (t.kind !== 'Comma') { t.comments = pending; pending = []; toks.push(t); }
  }
  let i = 0;
  let taken = [];
  const peek = (k = 0) => toks[i + k];
  const next = () => { const t = toks[i++]; taken.push(...t.comments); t.comments = []; return t; };
  const lead = () => {
    const t = toks[i];
    const out = taken.concat(t ? t.comments : pending);
    if (t) t.comments = []; else pending = [];
    taken = [];
    return out;
  };
  const at = (v) => peek() && peek().kind === 'Punct' && peek().value === v;
  const atName = (v) => peek() && peek().kind === 'Name' && (v === undefined || peek().value === v);
  const fail = (msg, t = peek()) => { throw new GraphQLSyntaxError(msg, t ? t.start : src.length); };
  const expect = (v) => { if (!at(v)) fail(`Expected "${v}", found ${describe(peek())}.`); return next(); };
  const skip = (v) => (at(v) ? (next(), true) : false);
  const name = () => {
    if (!atName()) fail(`Expected Name, found ${describe(peek())}.`);
    return { kind: 'Name', value: next().value };
  };
  const many = (open, item, close) => { expect(open); const out = []; do out.push(item()); while (!skip(close)); return out; };
  const optMany = (open, item, close) => (at(open) ? many(open, item, close) : []);

  function document() {
    const definitions = [];
    if (!peek()) fail('Unexpected <EOF>.');
    while (peek()) {
      const comments = lead();
      definitions.push({ ...definition(), comments });
    }
    return { kind: 'Document', definitions, comments: lead() };
  }
  function definition() {
    if (at('{')) return { kind: 'OperationDefinition', operation: 'query', name: null, variableDefinitions: [], directives: [], selectionSet: selectionSet() };
    if (atName('query') || atName('mutation') || atName('subscription')) {
      const operation = next().value;
      const nm = atName() ? name() : null;
      return { kind: 'OperationDefinition', operation, name: nm, variableDefinitions: optMany('(', variableDefinition, ')'), directives: directives(false), selectionSet: selectionSet() };
    }
    if (atName('fragment')) {
      next();
      if (atName('on')) fail('Unexpected Name "on".');
      const nm = name();
      if (!atName('on')) fail(`Expected "on", found ${describe(peek())}.`);
      next();
      return { kind: 'FragmentDefinition', name: nm, typeCondition: namedType(), directives: directives(false), selectionSet: selectionSet() };
    }
    fail(`Unexpected ${describe(peek())}.`);
  }
  function variableDefinition() {
    const variable = variableNode();
    expect(':');
    const type = typeRef();
    const defaultValue = skip('=') ? value(true) : null;
    return { kind: 'VariableDefinition', variable, type, defaultValue, directives: directives(true) };
  }
  function variableNode() { expect('$'); return { kind: 'Variable', name: name() }; }
  function typeRef() {
    let t;
    if (skip('[')) { t = { kind: 'ListType', type: typeRef() }; expect(']'); } else t = namedType();
    return skip('!') ? { kind: 'NonNullType', type: t } : t;
  }
  function namedType() { return { kind: 'NamedType', name: name() }; }
  function selectionSet() {
    expect('{');
    const selections = [];
    do selections.push(selection()); while (!at('}'));
    const comments = lead();
    next();
    return { kind: 'SelectionSet', selections, comments };
  }
  function selection() {
    const comments = lead();
    if (at('...')) {
      next();
      if (atName() && peek().value !== 'on') return { kind: 'FragmentSpread', name: name(), directives: directives(false), comments };
      let typeCondition = null;
      if (atName('on')) { next(); typeCondition = namedType(); }
      return { kind: 'InlineFragment', typeCondition, directives: directives(false), selectionSet: selectionSet(), comments };
    }
    let alias = null, nm = name();
    if (skip(':')) { alias = nm; nm = name(); }
    return {
      kind: 'Field', alias, name: nm, arguments: args(false), directives: directives(false),
      selectionSet: at('{') ? selectionSet() : null, comments,
    };
  }
  function args(isConst) {
    return optMany('(', () => { const n = name(); expect(':'); return { kind: 'Argument', name: n, value: value(isConst) }; }, ')');
  }
  function directives(isConst) {
    const out = [];
    while (skip('@')) out.push({ kind: 'Directive', name: name(), arguments: args(isConst) });
    return out;
  }
  function value(isConst) {
    const t = peek();
    if (!t) fail('Unexpected <EOF>.');
    if (t.kind === 'Punct') {
      if (t.value === '[') {
        next(); const values = [];
        while (!skip(']')) { if (!peek()) fail('Expected "]", found <EOF>.'); values.push(value(isConst)); }
        return { kind: 'ListValue', values };
      }
      if (t.value === '{') {
        next(); const fields = [];
        while (!skip('}')) { const n = name(); expect(':'); fields.push({ kind: 'ObjectField', name: n, value: value(isConst) }); }
        return { kind: 'ObjectValue', fields };
      }
      if (t.value === '$') {
        if (isConst) fail(`Unexpected variable "$${peek(1) ? peek(1).value : ''}" in constant value.`);
        return variableNode();
      }
      fail(`Unexpected ${describe(t)}.`);
    }
    next();
    if (t.kind === 'Int') return { kind: 'IntValue', value: t.value };
    if (t.kind === 'Float') return { kind: 'FloatValue', value: t.value };
    if (t.kind === 'String') return { kind: 'StringValue', value: t.value, block: false };
    if (t.kind === 'BlockString') return { kind: 'StringValue', value: t.value, block: true };
    if (t.value === 'true' || t.value === 'false') return { kind: 'BooleanValue', value: t.value === 'true' };
    if (t.value === 'null') return { kind: 'NullValue' };
    return { kind: 'EnumValue', value: t.value };
  }
  return document();
}
