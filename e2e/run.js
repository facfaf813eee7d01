// Starts `guilian-node --dev` on free local ports with its data in a temporary folder, runs the
// end-to-end tests against it (node's built-in test runner), then stops the node.
//
//   GUILIAN_NODE=/path/to/guilian-node node run.js [test files...]
//
// The node's log goes to $GUILIAN_E2E_LOG (default: a file in the temporary folder, printed on
// failure).

import { spawn } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const nodeBinary = process.env.GUILIAN_NODE;
if (!nodeBinary) {
  console.error('error: set GUILIAN_NODE to the path of the guilian-node binary');
  process.exit(2);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function rpcReady(url, deadline) {
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'chain_getHeader', params: [] }),
      });
      const body = await response.json();
      if (body.result && parseInt(body.result.number, 16) >= 1) return;
    } catch {
      // not listening yet
    }
    await sleep(500);
  }
  throw new Error(`the node did not produce block #1 within the deadline (${url})`);
}

const baseDir = mkdtempSync(join(tmpdir(), 'guilian-e2e-'));
const logPath = process.env.GUILIAN_E2E_LOG || join(baseDir, 'node.log');
const [rpcPort, p2pPort] = [await freePort(), await freePort()];
const log = openSync(logPath, 'w');
const node = spawn(
  nodeBinary,
  [
    '--dev',
    '--base-path', join(baseDir, 'data'),
    '--rpc-port', String(rpcPort),
    '--port', String(p2pPort),
    '--no-prometheus',
    '--no-telemetry',
    '--no-mdns',
  ],
  { stdio: ['ignore', log, log] },
);
let nodeExited = false;
node.on('exit', () => { nodeExited = true; });

let status = 1;
try {
  console.log(`e2e: guilian-node --dev on ws://127.0.0.1:${rpcPort} (log: ${logPath})`);
  await rpcReady(`http://127.0.0.1:${rpcPort}`, Date.now() + 60_000);
  const files = process.argv.slice(2);
  const runner = spawn(
    process.execPath,
    ['--test', '--test-concurrency=1', ...(files.length ? files : ['tests/'])],
    { stdio: 'inherit', env: { ...process.env, GUILIAN_WS: `ws://127.0.0.1:${rpcPort}` } },
  );
  status = await new Promise((resolve) => runner.on('exit', (code) => resolve(code ?? 1)));
  if (nodeExited) {
    console.error('e2e: the node exited during the tests');
    status = status || 1;
  }
} catch (error) {
  console.error(`e2e: ${error.message}`);
} finally {
  node.kill('SIGINT');
  await Promise.race([new Promise((r) => node.on('exit', r)), sleep(10_000)]);
  if (!nodeExited) node.kill('SIGKILL');
  if (status !== 0) {
    console.error(`--- last lines of the node log (${logPath}) ---`);
    console.error(readFileSync(logPath, 'utf8').split('\n').slice(-40).join('\n'));
  }
  if (!process.env.GUILIAN_E2E_LOG) rmSync(baseDir, { recursive: true, force: true });
}
process.exit(status);
