// printer.js — prints an executable-document AST the way graphql-js 16's
// print() does: two-space indentation, one selection per line, arguments on
// one line unless that line would pass 80 characters. Unlike graphql-js it
// keeps the comments the parser attached (a prettifier that drops a user's
// comments is one nobody presses twice), each on its own line.

import { parse } from './parser.js';

const MAX_LINE_LENGTH = 80;

const join = (items, sep = '') => (items ? items.filter((s) => s).join(sep) : '');
const wrap = (start, s, end = '') => (s ? start + s + end : '');
const indent = (s) => wrap('  ', s.replace(/\n/g, '\n  '));
const block = (items) => wrap('{\n', indent(join(items, '\n')), '\n}');
// The node's comments, one a line, before its text.
const commented = (node, text) => (node.comments && node.comments.length ? node.comments.join('\n') + '\n' : '') + text;

export function prettify(src) { return print(parse(src)); }

export function print(node) {
  if (!node) return '';
  if (Array.isArray(node)) return node.map(print);
  const p = print;
  switch (node.kind) {
    case 'Document': return join(p(node.definitions), '\n\n') + wrap('\n\n', join(node.comments, '\n'));
    case 'Name': return node.value;
    case 'Variable': return '$' + p(node.name);
    case 'OperationDefinition': {
      const varDefs = wrap('(', join(p(node.variableDefinitions), ', '), ')');
      const prefix = join([node.operation, join([p(node.name), varDefs]), join(p(node.directives), ' ')], ' ');
      return commented(node, (prefix === 'query' ? '' : prefix + ' ') + p(node.selectionSet));
    }
    case 'VariableDefinition':
      return p(node.variable) + ': ' + p(node.type) + wrap(' = ', p(node.defaultValue)) + wrap(' ', join(p(node.directives), ' '));
    case 'SelectionSet': return block(p(node.selections).concat(node.comments || []));
    case 'Field': {
      const prefix = wrap('', p(node.alias), ': ') + p(node.name);
      let argsLine = prefix + wrap('(', join(p(node.arguments), ', '), ')');
      if (argsLine.length > MAX_LINE_LENGTH) argsLine = prefix + wrap('(\n', indent(join(p(node.arguments), '\n')), '\n)');
      return commented(node, join([argsLine, join(p(node.directives), ' '), p(node.selectionSet)], ' '));
    }
    case 'Argument': case 'ObjectField': return p(node.name) + ': ' + p(node.value);
    case 'FragmentSpread': return commented(node, '...' + p(node.name) + wrap(' ', join(p(node.directives), ' ')));
    case 'InlineFragment':
      return commented(node, join(['...', wrap('on ', p(node.typeCondition)), join(p(node.directives), ' '), p(node.selectionSet)], ' '));
    case 'FragmentDefinition':
      return commented(node, `fragment ${p(node.name)} on ${p(node.typeCondition)} ` + wrap('', join(p(node.directives), ' '), ' ') + p(node.selectionSet));
    case 'IntValue': case 'FloatValue': case 'EnumValue': return node.value;
    case 'StringValue': return node.block ? printBlockString(node.value) : printString(node.value);
    case 'BooleanValue': return node.value ? 'true' : 'false';
    case 'NullValue': return 'null';
    case 'ListValue': return '[' + join(p(node.values), ', ') + ']';
    case 'ObjectValue': return '{' + join(p(node.fields), ', ') + '}';
    case 'Directive': return '@' + p(node.name) + wrap('(', join(p(node.arguments), ', '), ')');
    case 'NamedType': return p(node.name);
    case 'ListType': return '[' + p(node.type) + ']';
    case 'NonNullType': return p(node.type) + '!';
    default: throw new Error('Cannot print ' + node.kind);
  }
}

const SHORT_ESCAPES = { 8: '\\b', 9: '\\t', 10: '\\n', 12: '\\f', 13: '\\r', 0x22: '\\"', 0x5c: '\\\\' };

export function printString(s) {
  return '"' + s.replace(/[\x00-\x1f\x22\x5c\x7f-\x9f]/g, (c) => {
    const code = c.charCodeAt(0);
    return SHORT_ESCAPES[code] || '\\u' + code.toString(16).toUpperCase().padStart(4, '0');
  }) + '"';
}

export function printBlockString(value) {
  const escaped = value.replace(/"""/g, '\\"""');
  const lines = escaped.split(/\r\n|[\n\r]/g);
  const isSingleLine = lines.length === 1;
  const forceLeadingNewLine = lines.length > 1 && lines.slice(1).every((l) => l.length === 0 || l[0] === ' ' || l[0] === '\t');
  const hasTrailingTripleQuotes = escaped.endsWith('\\"""');
  const hasTrailingQuote = value.endsWith('"') && !hasTrailingTripleQuotes;
  const hasTrailingSlash = value.endsWith('\\');
  const forceTrailingNewLine = hasTrailingQuote || hasTrailingSlash;
  const multiLine = !isSingleLine || value.length > 70 || forceTrailingNewLine || forceLeadingNewLine || hasTrailingTripleQuotes;
  const skipLeadingNewLine = isSingleLine && value && (value[0] === ' ' || value[0] === '\t');
  let result = '';
  if ((multiLine && !skipLeadingNewLine) || forceLeadingNewLine) result += '\n';
  result += escaped;
  if (multiLine || forceTrailingNewLine) result += '\n';
  return '"""' + result + '"""';
}
