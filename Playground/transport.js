// transport.js — talking to the GraphQL endpoint.
//
//  * postGraphQL: GraphQL over HTTP (POST JSON {query, variables,
//    operationName}; accepts application/graphql-response+json or
//    application/json).
//  * subscribe: the graphql-transport-ws protocol of graphql-ws (PROTOCOL.md):
//    connection_init (payload { authorization } when a token is set) ->
//    connection_ack -> subscribe -> next* -> error | complete; ping/pong;
//    the client ends a running subscription with complete.

export const ACCEPT = 'application/graphql-response+json, application/json;q=0.9';

// Resolves (never rejects) to:
//   { status, statusText, ms, bytes, contentType, text, body?, jsonError?, networkError?, aborted? }
export async function postGraphQL(url, request, headers = {}, signal) {
  const started = performance.now();
  const body = { query: request.query };
  if (request.variables !== undefined) body.variables = request.variables;
  if (request.operationName) body.operationName = request.operationName;
  let res;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: ACCEPT, ...headers },
      body: JSON.stringify(body),
      credentials: 'same-origin',
      signal,
    });
  } catch (err) {
    const aborted = err && err.name === 'AbortError';
    return { aborted, networkError: aborted ? 'Request cancelled' : String(err && err.message || err), ms: performance.now() - started };
  }
  const text = await res.text().catch(() => '');
  const out = {
    status: res.status, statusText: res.statusText, ms: performance.now() - started,
    bytes: new TextEncoder().encode(text).length, contentType: res.headers.get('content-type') || '', text,
  };
  try { out.body = JSON.parse(text); } catch (e) { out.jsonError = e.message; }
  return out;
}

let counter = 0;
const newId = () => (globalThis.crypto && crypto.randomUUID ? crypto.randomUUID() : `op-${Date.now().toString(36)}-${++counter}`);

const CLOSE_REASONS = {
  1000: 'closed normally',
  1001: 'the server went away',
  1006: 'the connection was lost without a close frame',
  1011: 'the server hit an internal error',
  4400: 'the server rejected a message (4400 Bad Request)',
  4401: 'unauthorized: subscribe came before the connection was acknowledged (4401)',
  4403: 'forbidden: the server refused the connection (4403; check the token)',
  4406: 'the server does not speak graphql-transport-ws (4406 Subprotocol not acceptable)',
  4408: 'connection initialisation timed out (4408)',
  4409: 'a subscription with this id already exists (4409)',
  4429: 'too many initialisation requests (4429)',
  4500: 'the server hit an internal error (4500)',
};

export function describeClose(code, reason) {
  const known = CLOSE_REASONS[code] || `closed with code ${code}`;
  return reason ? `${known}: ${reason}` : known;
}

// Opens a socket for one operation. Callbacks:
//   onStatus(text)             connection progress
//   onNext(payload)            each `next` (an execution result)
//   onError(errors)            `error` message (GraphQL errors), terminal
//   onComplete()               server's `complete`, terminal
//   onClose(message)           socket ended before the operation did, terminal
// Returns { stop() }: sends `complete` for a running operation, closes the socket.
export function subscribe(url, request, { connectionParams, onStatus = () => {}, onNext, onError, onComplete, onClose, ackTimeoutMs = 10000, pingMs = 20000 }) {
  const id = newId();
  let done = false, opened = false, acked = false, ackTimer = 0, pingTimer = 0;
  let socket;
  const finish = (cb, arg) => {
    if (done) return;
    done = true;
    clearTimeout(ackTimer); clearInterval(pingTimer);
    if (socket.readyState === WebSocket.OPEN || socket.readyState === WebSocket.CONNECTING) socket.close(1000, 'Normal Closure');
    if (cb) cb(arg);
  };
  const send = (msg) => { if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(msg)); };
  try {
    socket = new WebSocket(url, 'graphql-transport-ws');
  } catch (err) {
    setTimeout(() => onClose(`Could not open the WebSocket: ${err.message}`));
    return { stop() {} };
  }
  onStatus('Connecting…');
  socket.onopen = () => {
    opened = true;
    if (socket.protocol && socket.protocol !== 'graphql-transport-ws') {
      finish(onClose, `The server chose the subprotocol "${socket.protocol}", not graphql-transport-ws`);
      return;
    }
    onStatus('Connected, initialising…');
    send(connectionParams ? { type: 'connection_init', payload: connectionParams } : { type: 'connection_init' });
    ackTimer = setTimeout(() => finish(onClose, `The server did not acknowledge the connection within ${ackTimeoutMs / 1000} s`), ackTimeoutMs);
  };
  socket.onmessage = (ev) => {
    let msg;
    try { msg = JSON.parse(ev.data); } catch { finish(onClose, 'The server sent a message that is not JSON'); return; }
    switch (msg.type) {
      case 'connection_ack': {
        if (acked) return;
        acked = true;
        clearTimeout(ackTimer);
        onStatus('Subscribed');
        const payload = { query: request.query };
        if (request.variables !== undefined) payload.variables = request.variables;
        if (request.operationName) payload.operationName = request.operationName;
        send({ id, type: 'subscribe', payload });
        pingTimer = setInterval(() => send({ type: 'ping' }), pingMs);
        break;
      }
      case 'ping': send(msg.payload !== undefined ? { type: 'pong', payload: msg.payload } : { type: 'pong' }); break;
      case 'pong': break;
      case 'next': if (msg.id === id && !done) onNext(msg.payload); break;
      case 'error': if (msg.id === id) finish(onError, Array.isArray(msg.payload) ? msg.payload : [msg.payload]); break;
      case 'complete': if (msg.id === id) finish(onComplete); break;
      default: break;
    }
  };
  socket.onerror = () => { /* the close event that follows carries the details */ };
  socket.onclose = (ev) => {
    if (done) return;
    // The browser hides why a handshake failed (the console has it): say what usually causes it.
    if (!opened) finish(onClose, `Could not open a WebSocket to ${url}: the server refused or does not accept graphql-transport-ws there.`);
    else finish(onClose, `The connection closed: ${describeClose(ev.code, ev.reason)}.`);
  };
  return {
    stop() {
      if (done) return;
      if (acked) send({ id, type: 'complete' });
      finish(null);
    },
  };
}

// ws:// or wss:// URL for an endpoint path or URL on this page's origin.
export function webSocketUrl(endpoint) {
  const u = new URL(endpoint, location.href);
  u.protocol = u.protocol === 'https:' ? 'wss:' : 'ws:';
  return u.toString();
}
