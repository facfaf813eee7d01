// Bad input to guilian-node: an unknown chain, a chain spec that is not JSON, an RPC port in
// use. Each ends the node with one clear `Error:` line, a non-zero exit and no panic.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';

const node = process.env.GUILIAN_NODE;
const dir = mkdtempSync(join(tmpdir(), 'guilian-cli-'));

/** Runs the node, resolves with its exit code and the last line it wrote to stderr. */
function run(args, timeoutMs = 60_000) {
  return new Promise((resolve, reject) => {
    const child = spawn(node, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => { stderr += chunk; });
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`timed out: ${args.join(' ')}`)); }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      const lines = stderr.trim().split('\n');
      resolve({ code, last: lines[lines.length - 1], stderr });
    });
  });
}

function assertCleanError({ code, last, stderr }, expected) {
  assert.notEqual(code, 0, 'non-zero exit');
  assert.match(last, /^Error: /);
  assert.ok(last.includes(expected), last);
  assert.ok(!/panicked|stack backtrace/.test(stderr), 'no panic');
}

describe('guilian-node refuses bad input clearly', { skip: !node && 'GUILIAN_NODE is not set' }, () => {
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('an unknown --chain name', async () => {
    assertCleanError(await run(['--chain', 'nanning', '--base-path', join(dir, 'a')]),
      'unknown chain `nanning`: expected one of `dev`, `local` or the path of a chain-spec JSON file');
  });

  test('a chain spec that is not valid JSON', async () => {
    const spec = join(dir, 'broken.json');
    writeFileSync(spec, '{ "name": ');
    assertCleanError(await run(['--chain', spec, '--base-path', join(dir, 'b')]), 'is not a valid chain spec');
  });

  test('an RPC port in use', async () => {
    const server = createServer();
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address();
    try {
      assertCleanError(
        await run(['--dev', '--base-path', join(dir, 'c'), '--rpc-port', String(port), '--port', '0', '--no-prometheus']),
        `the RPC address 127.0.0.1:${port} is not available`,
      );
    } finally {
      server.close();
    }
  });
});
