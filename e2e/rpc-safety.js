// The WebSocket and extrinsic halves of scripts/rpc-safety.sh (issue 9). Not a test file of
// run.js (which runs tests/ only): the shell script starts the nodes and calls this.
//
//   node rpc-safety.js ws-cases <ws-url> <node-pid> <cases.jsonl>
//       Replays every case of the file (one JSON object a line: name, body or bodyfile, codes,
//       msg) as a WebSocket text frame, each on a fresh connection; checks the JSON-RPC error
//       codes and message, then that the same connection and the node still answer system_health.
//   node rpc-safety.js bounded <ws-url> <http-url> <node-pid>
//       Signs calls whose BoundedVec<u8> argument is one byte over its bound and submits them
//       with author_submitExtrinsic; expects an error, then a healthy node. A call at the bound is
//       the control: the pool takes it.
//   node rpc-safety.js ws-unsafe <ws-url> <host-header> <node-pid>
//       author_rotateKeys and author_insertKey over WebSocket: refused as unsafe.
//
// Prints one line a check; exits 1 if any check failed.

import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import WebSocket from 'ws';
import { ApiPromise, Keyring, WsProvider } from '@polkadot/api';

const [mode, ...args] = process.argv.slice(2);
let failures = 0;
const ok = (text) => console.log(`  \x1b[32mok\x1b[0m   ${text}`);
const fail = (text) => { failures += 1; console.log(`  \x1b[31mFAIL\x1b[0m ${text}`); };
const alive = (pid) => { try { process.kill(pid, 0); return true; } catch { return false; } };
const short = (text, n = 160) => (text.length > n ? `${text.slice(0, n)}…` : text);

/** "code,code" of a response (an object or a batch array), "ok" for a result. */
function codesOf(response) {
  const one = (r) => (r && r.error ? String(r.error.code) : 'ok');
  return Array.isArray(response) ? response.map(one).join(',') : one(response);
}
function messagesOf(response) {
  const one = (r) => (r && r.error ? String(r.error.message) : '');
  const data = (r) => (r && r.error && r.error.data !== undefined ? String(r.error.data) : '');
  const all = (f) => (Array.isArray(response) ? response.map(f).join(' | ') : f(response));
  const details = all(data);
  return details.replace(/[ |]/g, '') ? `${all(one)} [data: ${details.slice(0, 60)}]` : all(one);
}

function open(url, headers = {}) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { maxPayload: 64 * 1024 * 1024, headers });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

/** The next message on `ws` (parsed), or { closed } / { timeout }. */
function nextMessage(ws, ms = 15_000) {
  return new Promise((resolve) => {
    if (ws.readyState !== WebSocket.OPEN) { resolve({ closed: true }); return; }
    const done = (value) => { clearTimeout(timer); ws.off('message', onMessage); ws.off('close', onClose); resolve(value); };
    const onMessage = (data) => {
      const text = data.toString();
      try { done({ json: JSON.parse(text), text }); } catch { done({ text }); }
    };
    const onClose = (code, reason) => done({ closed: true, code, reason: reason.toString() });
    const timer = setTimeout(() => done({ timeout: true }), ms);
    ws.on('message', onMessage);
    ws.on('close', onClose);
  });
}

const HEALTH = JSON.stringify({ jsonrpc: '2.0', id: 'health', method: 'system_health', params: [] });

async function health(ws) {
  ws.send(HEALTH);
  const reply = await nextMessage(ws, 10_000);
  return reply.json && reply.json.result && typeof reply.json.result.isSyncing === 'boolean';
}

async function wsCases(url, pid, file) {
  const cases = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
  for (const c of cases) {
    // @RAND59@: 59 fresh random bytes (hex) at each send.
    const body = c.bodyfile ? readFileSync(c.bodyfile) : c.body.replaceAll('@RAND59@', randomBytes(59).toString('hex'));
    const label = `[ws]   ${c.name}`;
    let ws;
    try {
      ws = await open(url);
    } catch (error) {
      fail(`${label}: cannot connect to ${url}: ${error.message}`);
      continue;
    }
    // Always a text frame, as JSON-RPC clients send (a Buffer goes out byte for byte).
    ws.send(body, { binary: false });
    const reply = await nextMessage(ws);
    const expected = c.ws_codes ?? c.codes;
    if (expected === 'closed' && reply.closed) {
      ok(`${label} -> the node closed the connection (WebSocket close ${reply.code}${reply.reason ? ` ${reply.reason}` : ''})`);
    } else if (reply.json === undefined) {
      const what = reply.closed ? `the connection closed (code ${reply.code} ${reply.reason})` : reply.timeout ? 'no answer within 15 s' : `not JSON: ${short(reply.text)}`;
      fail(`${label}: expected ${expected}, got ${what}`);
    } else {
      const codes = codesOf(reply.json);
      const messages = messagesOf(reply.json);
      if (codes !== expected) fail(`${label}: expected codes ${expected}, got ${codes}: ${short(reply.text, 300)}`);
      else if (c.msg && !messages.includes(c.msg)) fail(`${label}: expected a message with "${c.msg}", got "${short(messages)}"`);
      else if (c.note) console.log(`  \x1b[33mnote\x1b[0m ${label} -> ${codes}: ${c.note}`);
      else ok(`${label} -> ${codes} "${short(messages.replace(/[\n\t]/g, ' '), 150)}"`);
    }
    // The same connection still serves requests (else a fresh one must), and the process lives.
    let sameConnection = false;
    if (ws.readyState === WebSocket.OPEN) sameConnection = await health(ws);
    ws.close();
    if (!sameConnection) {
      let fresh;
      try { fresh = await open(url); } catch { fresh = null; }
      const healthy = fresh ? await health(fresh) : false;
      fresh?.close();
      if (healthy) console.log(`       note: that connection was closed by the node; a new connection is served`);
      else fail(`${label}: the node no longer answers system_health over WebSocket`);
    }
    if (!alive(pid)) {
      fail(`${label}: the node process ${pid} died`);
      break;
    }
  }
}

/** Unsafe methods over WebSocket through `url` with the Host header `host`: refused as unsafe. */
async function wsUnsafe(url, host, pid) {
  const unsafeMessage = 'RPC call is unsafe to be called externally';
  try {
    const plain = await open(url);
    plain.close();
    console.log(`  \x1b[33mnote\x1b[0m [ws]   ${url} with its own Host header: the upgrade was accepted`);
  } catch (error) {
    console.log(`  \x1b[33mnote\x1b[0m [ws]   ${url} with its own Host header: refused (${error.message}) (Host filter)`);
  }
  const ws = await open(url, { Host: host });
  const calls = [
    ['author_rotateKeys', []],
    ['author_insertKey', ['aura', '//Mallory', '0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d']],
  ];
  if (await health(ws)) ok(`[ws]   ${url} (Host: ${host}) system_health answers: the port is reachable`);
  else fail(`[ws]   ${url} (Host: ${host}) system_health does not answer`);
  for (const [method, params] of calls) {
    ws.send(JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }));
    const reply = await nextMessage(ws);
    const error = reply.json && reply.json.error;
    if (error && error.code === -32601 && error.message === unsafeMessage) ok(`[ws]   ${url} (Host: ${host}) ${method} -> ${JSON.stringify(error)}`);
    else fail(`[ws]   ${url} ${method} was not refused as unsafe: ${short(reply.text || JSON.stringify(reply))}`);
  }
  ws.close();
  if (!alive(pid)) fail(`[ws]   the node process ${pid} died`);
}

async function httpRpc(httpUrl, method, params) {
  const response = await fetch(httpUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  });
  return response.json();
}

async function bounded(wsUrl, httpUrl, pid) {
  const api = await ApiPromise.create({ provider: new WsProvider(wsUrl), noInitWarn: true, throwOnConnect: true });
  try {
    const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
    const alice = keyring.addFromUri('//Alice');
    const bob = keyring.addFromUri('//Bob');
    const zero = `0x${'00'.repeat(32)}`;
    const nonce = (await api.rpc.system.accountNextIndex(alice.address)).toNumber();
    const bytes = (n) => `0x${'41'.repeat(n)}`;

    // Bounds: runtime/src/configs/credit.rs MaxNameLength = 64, configs/supernodes.rs MaxLabelLen = 32.
    const overLong = [
      ['credit.registerMerchant(name: 65 bytes, MaxNameLength = 64)', 2, 65,
        api.tx.credit.registerMerchant(bob.address, zero, bytes(65), 'Retail', 450103, 0)],
      ['supernodes.applySubchain(chain_type: 33 bytes, MaxLabelLen = 32)', 1, 33,
        api.tx.supernodes.applySubchain('ZZ99', bytes(33), 'x', 450300, [])],
    ];
    for (const [name, argIndex, length, tx] of overLong) {
      const label = `[bounded] ${name}`;
      const encoded = tx.method.args[argIndex].toU8a(true).length;
      if (encoded !== length) { fail(`${label}: the argument encodes to ${encoded} bytes, not ${length}`); continue; }
      const signed = await tx.signAsync(alice, { nonce });
      const reply = await httpRpc(httpUrl, 'author_submitExtrinsic', [signed.toHex()]);
      if (!reply.error) fail(`${label}: accepted by author_submitExtrinsic (result ${JSON.stringify(reply.result)})`);
      else ok(`${label} (${signed.encodedLength} bytes signed) -> ${reply.error.code} "${short(reply.error.message.replace(/\n/g, ' '), 150)}"`);
      const h = await httpRpc(httpUrl, 'system_health', []);
      if (!h.result || !alive(pid)) fail(`${label}: the node is not healthy afterwards (${JSON.stringify(h)})`);
    }

    // Control: the same call at the bound decodes, so the pool takes it (it fails at dispatch later:
    // Alice is no regulator; that is not what this checks).
    const control = await api.tx.credit.registerMerchant(bob.address, zero, bytes(64), 'Retail', 450103, 0).signAsync(alice, { nonce });
    const reply = await httpRpc(httpUrl, 'author_submitExtrinsic', [control.toHex()]);
    if (reply.error) fail(`[bounded] control credit.registerMerchant(name: 64 bytes) refused: ${reply.error.code} ${reply.error.message}`);
    else ok(`[bounded] control credit.registerMerchant(name: 64 bytes) -> accepted into the pool (${reply.result})`);
    const h = await httpRpc(httpUrl, 'system_health', []);
    if (!h.result || !alive(pid)) fail('[bounded] the node is not healthy after the control');
    else ok(`[bounded] system_health after the extrinsics: ${JSON.stringify(h.result)}`);
  } finally {
    await api.disconnect();
  }
}

try {
  if (mode === 'ws-cases') await wsCases(args[0], Number(args[1]), args[2]);
  else if (mode === 'bounded') await bounded(args[0], args[1], Number(args[2]));
  else if (mode === 'ws-unsafe') await wsUnsafe(args[0], args[1], Number(args[2]));
  else { console.error('usage: node rpc-safety.js ws-cases URL PID FILE | bounded WS_URL HTTP_URL PID'); process.exit(2); }
} catch (error) {
  fail(`${mode}: ${error.stack || error}`);
}
process.exit(failures ? 1 : 0);
