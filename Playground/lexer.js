// lexer.js — a small, tolerant GraphQL tokenizer.
//
// Used by the highlighter, bracket matching, completion, the operation picker
// and the parser. It never throws: unterminated strings and stray characters
// become tokens with an `error` so the editor can still colour the rest.
//
// Token: { kind, start, end, value, error? }
//   kind: 'Name' | 'Int' | 'Float' | 'String' | 'BlockString' | 'Comment' |
//         'Comma' | 'Punct' | 'Invalid'
//   value: for Punct the punctuator ('{', '...', …); for String/BlockString
//          the cooked value; otherwise the source text.

const PUNCT = new Set(['!', '$', '&', '(', ')', ':', '=', '@', '[', ']', '{', '|', '}']);

const isNameStart = (c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_';
const isNameChar = (c) => isNameStart(c) || isDigit(c);
const isDigit = (c) => c >= '0' && c <= '9';

export function tokenize(src) {
  const tokens = [];
  const n = src.length;
  let i = 0;
  if (src.charCodeAt(0) === 0xfeff) i = 1;
  while (i < n) {
    const c = src[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') { i++; continue; }
    const start = i;
    if (c === ',') { tokens.push({ kind: 'Comma', start, end: i + 1, value: ',' }); i++; continue; }
    if (c === '#') {
      while (i < n && src[i] !== '\n' && src[i] !== '\r') i++;
      tokens.push({ kind: 'Comment', start, end: i, value: src.slice(start, i) });
      continue;
    }
    if (c === '.') {
      if (src.startsWith('...', i)) { tokens.push({ kind: 'Punct', start, end: i + 3, value: '...' }); i += 3; continue; }
      let j = i; while (j < n && src[j] === '.') j++;
      tokens.push({ kind: 'Invalid', start, end: j, value: src.slice(start, j), error: 'Unexpected "."' });
      i = j; continue;
    }
    if (PUNCT.has(c)) { tokens.push({ kind: 'Punct', start, end: i + 1, value: c }); i++; continue; }
    if (isNameStart(c)) {
      i++; while (i < n && isNameChar(src[i])) i++;
      tokens.push({ kind: 'Name', start, end: i, value: src.slice(start, i) });
      continue;
    }
    if (isDigit(c) || c === '-') { i = readNumber(src, i, tokens); continue; }
    if (c === '"') {
      if (src.startsWith('"""', i)) i = readBlockString(src, i, tokens);
      else i = readString(src, i, tokens);
      continue;
    }
    i++;
    tokens.push({ kind: 'Invalid', start, end: i, value: c, error: `Unexpected character "${c}"` });
  }
  return tokens;
}

function readNumber(src, i, tokens) {
  const start = i;
  let kind = 'Int';
  let error;
  if (src[i] === '-') i++;
  if (src[i] === '0') {
    i++;
    if (isDigit(src[i] || '')) error = 'Invalid number, unexpected digit after 0';
  } else if (isDigit(src[i] || '')) {
    while (isDigit(src[i] || '')) i++;
  } else {
    error = 'Invalid number, expected digit';
  }
  if (src[i] === '.') {
    kind = 'Float'; i++;
    if (!isDigit(src[i] || '')) error = 'Invalid number, expected digit after "."';
    while (isDigit(src[i] || '')) i++;
  }
  if (src[i] === 'e' || src[i] === 'E') {
    kind = 'Float'; i++;
    if (src[i] === '+' || src[i] === '-') i++;
    if (!isDigit(src[i] || '')) error = 'Invalid number, expected digit in exponent';
    while (isDigit(src[i] || '')) i++;
  }
  while (i < src.length && (isNameChar(src[i]) || src[i] === '.')) { i++; error = error || 'Invalid number'; }
  const tok = { kind, start, end: i, value: src.slice(start, i) };
  if (error) tok.error = error;
  tokens.push(tok);
  return i;
}

const ESCAPES = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

function readString(src, i, tokens) {
  const start = i;
  let value = '';
  let error;
  i++;
  for (;;) {
    if (i >= src.length || src[i] === '\n' || src[i] === '\r') { error = 'Unterminated string'; break; }
    const c = src[i];
    if (c === '"') { i++; break; }
    if (c === '\\') {
      const e = src[i + 1];
      if (e in ESCAPES) { value += ESCAPES[e]; i += 2; continue; }
      if (e === 'u') {
        const m = /^\{([0-9a-fA-F]+)\}|^([0-9a-fA-F]{4})/.exec(src.slice(i + 2, i + 12));
        if (m) { value += String.fromCodePoint(parseInt(m[1] || m[2], 16)); i += 2 + m[0].length; continue; }
      }
      error = error || 'Invalid escape sequence';
      i += 2; continue;
    }
    value += c; i++;
  }
  const tok = { kind: 'String', start, end: i, value };
  if (error) tok.error = error;
  tokens.push(tok);
  return i;
}

function readBlockString(src, i, tokens) {
  const start = i;
  i += 3;
  let raw = '';
  let error = 'Unterminated string';
  while (i < src.length) {
    if (src.startsWith('"""', i)) { i += 3; error = undefined; break; }
    if (src.startsWith('\\"""', i)) { raw += '"""'; i += 4; continue; }
    raw += src[i]; i++;
  }
  const tok = { kind: 'BlockString', start, end: i, value: dedentBlockString(raw) };
  if (error) tok.error = error;
  tokens.push(tok);
  return i;
}

// The GraphQL spec's BlockStringValue(): common indentation and leading /
// trailing blank lines are removed.
export function dedentBlockString(raw) {
  const lines = raw.split(/\r\n|[\n\r]/g);
  let common = Infinity, first = -1, last = -1;
  lines.forEach((line, i) => {
    const ind = line.length - line.replace(/^[ \t]*/, '').length;
    if (ind === line.length) return;
    if (first < 0) first = i;
    last = i;
    if (i && ind < common) common = ind;
  });
  if (first < 0) return '';
  return lines.map((l, i) => (i && common !== Infinity ? l.slice(common) : l)).slice(first, last + 1).join('\n');
}

// Tokens that carry grammar (no comments or commas).
export const significant = (tokens) => tokens.filter((t) => t.kind !== 'Comment' && t.kind !== 'Comma');

// 1-based line and column of an offset.
export function lineColumn(src, offset) {
  let line = 1, col = 1;
  for (let i = 0; i < offset && i < src.length; i++) {
    if (src[i] === '\n') { line++; col = 1; } else col++;
  }
  return { line, column: col };
}

// Offset of a 1-based line and column.
export function offsetOf(src, line, column) {
  let off = 0;
  for (let l = 1; l < line; l++) {
    const nl = src.indexOf('\n', off);
    if (nl < 0) return src.length;
    off = nl + 1;
  }
  return Math.min(off + Math.max(0, column - 1), src.length);
}

const OPEN = { '{': '}', '(': ')', '[': ']' };
const CLOSE = { '}': '{', ')': '(', ']': '[' };

// Find the bracket next to the caret (the one before it first) and its match.
// Returns { a, b } (offsets; b = -1 when unmatched) or null.
export function matchBracket(tokens, caret) {
  const idx = tokens.findIndex((t) => t.kind === 'Punct' && (t.end === caret) && (OPEN[t.value] || CLOSE[t.value]));
  const at = idx >= 0 ? idx : tokens.findIndex((t) => t.kind === 'Punct' && t.start === caret && (OPEN[t.value] || CLOSE[t.value]));
  if (at < 0) return null;
  const tok = tokens[at];
  const forward = !!OPEN[tok.value];
  const self = tok.value;
  const other = forward ? OPEN[self] : CLOSE[self];
  let depth = 0;
  for (let i = at; forward ? i < tokens.length : i >= 0; i += forward ? 1 : -1) {
    const t = tokens[i];
    if (t.kind !== 'Punct') continue;
    if (t.value === self) depth++;
    else if (t.value === other && --depth === 0) return { a: tok.start, b: t.start };
  }
  return { a: tok.start, b: -1 };
}
