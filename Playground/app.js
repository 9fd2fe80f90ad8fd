// app.js — the playground's entry point: loads the schema by introspection,
// runs operations (HTTP for queries and mutations, graphql-transport-ws for
// subscriptions), keeps the operation picker in step with the caret, saves
// the work in progress, and binds the keyboard shortcuts.

import { Editor } from './editor.js';
import { Schema, INTROSPECTION_QUERY } from './schema.js';
import { DocsExplorer } from './docs.js';
import { History, renderHistory, safeStorage } from './history.js';
import { ResultView } from './result.js';
import { postGraphQL, subscribe, webSocketUrl } from './transport.js';
import { prettify } from './printer.js';
import { tokenize, lineColumn } from './lexer.js';
import { outline, operationAt } from './syntax.js';
import { setupPanels, namespaced } from './panels.js';

const $ = (id) => document.getElementById(id);
const endpointMeta = document.querySelector('meta[name="graphql-endpoint"]');
const endpoint = (endpointMeta && endpointMeta.content) || '/graphql';

// The work in progress outlives the tab; the token and headers (secrets) only live
// as long as it.
const local = namespaced(safeStorage('localStorage'));
const session = namespaced(safeStorage('sessionStorage'));

const DEFAULT_QUERY = `# Welcome to the Marketplace GraphQL playground.
#
# Write an operation here: suggestions come from the schema as you type
# (Ctrl+Space asks for them), and Docs explains every type and field.
#
#   Ctrl+Enter     run the operation at the cursor (Cmd+Enter on a Mac)
#   Shift+Ctrl+P   prettify
#
# Variables and request headers go in the panels below; paste an access
# token in the Bearer token field to call as a signed-in user.

query {
  __typename
}
`;

const result = new ResultView($('result'), $('result-meta'), { onLocation: (line, column) => editor.goTo(line, column) });
const docs = new DocsExplorer($('docs'));
const history = new History(safeStorage('localStorage'));
const editor = new Editor($('editor'), { onChange: edited, onCaret: followCaret });
const panels = setupPanels({ store: local, onDrawer: (name) => { if (name === 'history') showHistory(); } });

let operations = []; // the document's operations, from syntax.outline
let runId = 0;       // the newest run; callbacks of older ones are ignored
let running = null;  // { stop() } while a request or subscription runs
let saveTimer = 0;

// ---- schema ------------------------------------------------------------------

let schemaLoad = 0;
async function loadSchema() {
  const load = ++schemaLoad;
  setSchemaStatus('loading', 'Loading schema…', '');
  const { headers } = requestHeaders();
  const r = await postGraphQL(endpoint, { query: INTROSPECTION_QUERY, operationName: 'IntrospectionQuery' }, headers || {});
  if (load !== schemaLoad) return;
  let schema = null;
  let problem = '';
  if (r.networkError) problem = `Could not reach ${endpoint}: ${r.networkError}.`;
  else if (r.body && r.body.data && r.body.data.__schema) {
    try { schema = new Schema(r.body.data); } catch (e) { problem = e.message; }
  } else if (r.body && Array.isArray(r.body.errors)) problem = r.body.errors.map((e) => e && e.message).join(' ');
  else problem = `HTTP ${r.status}: the server did not answer the introspection query with a GraphQL result.`;
  editor.setSchema(schema);
  docs.setSchema(schema, problem);
  if (schema) {
    const count = schema.userTypes().length;
    setSchemaStatus('ok', `Schema loaded · ${count} types`, '');
  } else {
    setSchemaStatus('error', 'Schema unavailable', `${problem} Completion and docs are off; operations still run.`);
  }
}

function setSchemaStatus(state, text, title) {
  document.body.dataset.schema = state === 'ok' ? 'loaded' : state;
  $('schema-dot').dataset.state = state;
  $('schema-status').textContent = text;
  $('schema-status').title = title;
}

// ---- the operations in the document -------------------------------------------

function edited(text) {
  refreshOperations();
  clearTimeout(saveTimer);
  saveTimer = setTimeout(() => local.set('query', text), 300);
}

function refreshOperations() {
  operations = outline(editor.tokens || tokenize(editor.value), editor.value.length).filter((d) => d.kind === 'operation');
  const picker = $('operation-picker');
  const labels = operations.map((op) => `${op.name || `(anonymous ${op.operation})`} · ${op.operation}`);
  if (labels.join('\n') !== picker.dataset.labels) {
    picker.dataset.labels = labels.join('\n');
    picker.replaceChildren(...labels.map((label, i) => new Option(label, String(i))));
  }
  picker.hidden = operations.length < 2;
  followCaret();
}

// The picker follows the caret; choosing in it sticks until the caret moves.
function followCaret() {
  const op = operationAt(operations, editor.caret);
  if (op) $('operation-picker').value = String(operations.indexOf(op));
  updateRunButton();
}

function selectedOperation() {
  return operations[Number($('operation-picker').value)] || operations[0] || null;
}

function updateRunButton() {
  const op = selectedOperation();
  const type = op ? op.operation : 'query';
  $('run').dataset.operationType = type;
  $('run-label').textContent = type === 'subscription' ? 'Subscribe' : 'Run';
}

// ---- inputs --------------------------------------------------------------------

function parseJSONObject(text, what, example) {
  if (!text.trim()) return { value: undefined };
  let value;
  try { value = JSON.parse(text); } catch (e) { return { error: `${what} are not valid JSON: ${e.message}.` }; }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { error: `${what} must be a JSON object, like ${example}.` };
  }
  return { value };
}

function requestVariables() {
  const { value, error } = parseJSONObject($('variables').value, 'Variables', '{ "first": 10 }');
  return { variables: value, error };
}

// The Headers panel's object, with the token as `Authorization: Bearer …`.
function requestHeaders() {
  const { value, error } = parseJSONObject($('headers').value, 'Headers', '{ "X-Request-Id": "abc" }');
  if (error) return { error };
  const headers = {};
  for (const [name, v] of Object.entries(value || {})) headers[name] = typeof v === 'string' ? v : JSON.stringify(v);
  const token = $('token-input').value.trim();
  if (token) {
    for (const name of Object.keys(headers)) if (name.toLowerCase() === 'authorization') delete headers[name];
    headers.Authorization = /^bearer\s/i.test(token) ? token : `Bearer ${token}`;
  }
  return { headers };
}

function toolError(message, tab) {
  $('tool-error').textContent = message || '';
  if (message && tab) panels.showTab(tab);
}

// ---- running ---------------------------------------------------------------------

function setRunning(kind) {
  document.body.dataset.running = kind || '';
  $('stop').hidden = !kind;
  $('run').classList.toggle('busy', kind === 'request');
}

function stop() {
  if (running) running.stop();
}

async function run() {
  stop();
  editor.closeCompletion();
  const query = editor.value;
  if (!query.trim()) { result.problem('Nothing to run', 'Write a query, mutation or subscription in the editor first.'); return; }
  const vars = requestVariables();
  if (vars.error) { toolError(vars.error, 'variables'); result.problem('The variables are not valid', vars.error); return; }
  const hdrs = requestHeaders();
  if (hdrs.error) { toolError(hdrs.error, 'headers'); result.problem('The headers are not valid', hdrs.error); return; }
  toolError('');
  const op = selectedOperation();
  const type = op ? op.operation : 'query';
  const request = { query, variables: vars.variables, operationName: (op && op.name) || undefined };
  history.add({ query, variables: $('variables').value, operationName: request.operationName || null, operationType: type });
  if (!$('history').hidden) showHistory();
  const id = ++runId;
  if (type === 'subscription') { runSubscription(id, request, hdrs.headers); return; }

  const controller = new AbortController();
  running = { stop: () => controller.abort() };
  setRunning('request');
  result.loading(`Running ${request.operationName || `the ${type}`}…`);
  const response = await postGraphQL(endpoint, request, hdrs.headers, controller.signal);
  if (id !== runId) return;
  running = null;
  setRunning(null);
  result.response(response);
}

function runSubscription(id, request, headers) {
  const url = webSocketUrl(endpoint);
  // The connection_init payload carries what HTTP would send as headers (API.md:
  // `{ "authorization": "Bearer …" }`).
  const params = {};
  for (const [name, value] of Object.entries(headers)) params[name.toLowerCase() === 'authorization' ? 'authorization' : name] = value;
  const current = () => id === runId;
  const end = (state, text) => {
    if (!current()) return;
    running = null;
    setRunning(null);
    result.endStream(state, text);
  };
  result.startStream(`Connecting to ${url}…`);
  const subscription = subscribe(url, request, {
    connectionParams: Object.keys(params).length ? params : undefined,
    onStatus: (text) => { if (current()) result.streamStatus(text === 'Subscribed' ? 'Subscribed · waiting for events' : text); },
    onNext: (payload) => { if (current()) { result.event('next', payload); result.streamStatus('Subscribed · receiving events'); } },
    onError: (errors) => { if (current()) { result.event('error', errors); end('error', 'The server ended the subscription with an error'); } },
    onComplete: () => { if (current()) { result.event('complete', 'The server completed the subscription.'); end('done', 'Completed'); } },
    onClose: (message) => { if (current()) { result.event('closed', message); end('error', 'Disconnected'); } },
  });
  running = {
    stop: () => {
      subscription.stop();
      if (current()) { result.event('stopped', 'Stopped by you.'); end('done', 'Stopped'); }
    },
  };
  setRunning('subscription');
}

// ---- prettify, history ---------------------------------------------------------

function doPrettify() {
  let message = '';
  try {
    const pretty = prettify(editor.value);
    if (pretty !== editor.value.trimEnd()) editor.setValue(pretty + '\n');
  } catch (e) {
    if (e.offset === undefined) throw e;
    const { line, column } = lineColumn(editor.value, e.offset);
    message = `${e.message} (line ${line}, column ${column})`;
    editor.goTo(line, column);
  }
  // Variables and headers are tidied too when they are valid JSON.
  for (const id of ['variables', 'headers']) {
    const field = $(id);
    const { value, error } = parseJSONObject(field.value, '', '');
    if (value !== undefined && !error) field.value = JSON.stringify(value, null, 2);
  }
  setEditorStatus(message);
  if (!message) toolError('');
}

function setEditorStatus(message) {
  const status = $('editor-status');
  status.textContent = message;
  status.hidden = !message;
}

function showHistory() {
  renderHistory($('history'), history, (entry) => {
    editor.setValue(entry.query);
    $('variables').value = entry.variables || '';
    local.set('variables', $('variables').value);
    refreshOperations();
    const i = operations.findIndex((op) => (op.name || null) === (entry.operationName || null));
    if (i >= 0) { $('operation-picker').value = String(i); updateRunButton(); }
    editor.focus();
  });
}

// ---- wiring ------------------------------------------------------------------------

$('run').addEventListener('click', run);
$('stop').addEventListener('click', stop);
$('prettify').addEventListener('click', doPrettify);
$('reload-schema').addEventListener('click', loadSchema);
$('operation-picker').addEventListener('change', updateRunButton);
$('variables').addEventListener('input', () => { local.set('variables', $('variables').value); toolError(''); });
$('headers').addEventListener('input', () => { session.set('headers', $('headers').value); toolError(''); });
$('token-input').addEventListener('input', () => session.set('token', $('token-input').value));
// A new token or new headers may change what introspection is allowed to see.
$('token-input').addEventListener('change', loadSchema);
$('headers').addEventListener('change', () => { if (!requestHeaders().error) loadSchema(); });

document.addEventListener('keydown', (e) => {
  const mod = e.ctrlKey || e.metaKey;
  if (mod && e.key === 'Enter') { e.preventDefault(); run(); return; }
  if (mod && e.shiftKey && (e.key === 'p' || e.key === 'P')) { e.preventDefault(); doPrettify(); return; }
  if (e.key === 'Escape' && running && !e.defaultPrevented) stop();
});

editor.setValue(local.get('query') || DEFAULT_QUERY, { reset: true });
$('variables').value = local.get('variables') || '';
$('headers').value = session.get('headers') || '';
$('token-input').value = session.get('token') || '';
$('endpoint-url').textContent = new URL(endpoint, location.href).pathname;
panels.restoreDrawer();
refreshOperations();
loadSchema();
