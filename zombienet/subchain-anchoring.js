// Two Guilian networks: the zombienet one is the supernode chain; this script starts a second,
// a `--dev` guilian-node, as a sub-chain. Ferdie (a backbone-node operator) applies for AC code
// GXSC with Eve as gateway, the council (3 of 4) approves it, `guilian-node anchor-relay` anchors
// the sub-chain's finalized blocks, and after 5 anchoring rounds the script returns how far the
// latest anchor is behind the sub-chain's finalized head (at most 5 passes).

const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const net = require('net');

const { send, councilMotion } = require('./lib.js');

const node = process.env.GUILIAN_NODE;

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Resolves once something accepts TCP connections on `port` (so that no client sees refusals). */
async function portOpen(port, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const open = await new Promise((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => { socket.end(); resolve(true); });
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  throw new Error(`nothing listens on port ${port} after ${timeoutMs / 1000} s`);
}

async function until(what, check, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await check();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
  throw new Error(`timed out: ${what}`);
}

async function run(nodeName, networkInfo) {
  process.on('unhandledRejection', (reason) => console.log('unhandled rejection:', reason?.message ?? reason));
  if (!node) throw new Error('GUILIAN_NODE is not set (run through scripts/zombienet.sh)');
  const target = networkInfo.nodesByName[nodeName].wsUri;
  const api = await zombie.connect(target);
  await zombie.util.cryptoWaitReady();
  const keyring = new zombie.Keyring({ type: 'sr25519' });
  const [alice, bob, charlie, eve, ferdie] = ['//Alice', '//Bob', '//Charlie', '//Eve', '//Ferdie']
    .map((uri) => keyring.addFromUri(uri));

  // The sub-chain: its own --dev network.
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'guilian-subchain-'));
  const [rpcPort, p2pPort] = [await freePort(), await freePort()];
  const subchain = spawn(node, ['--dev', '--base-path', base, '--rpc-port', rpcPort, '--port', p2pPort, '--no-mdns', '--no-telemetry'], { stdio: ['ignore', 'ignore', 'pipe'] });
  const children = [subchain];
  const stop = () => { children.forEach((child) => child.kill('SIGINT')); };
  try {
    const source = `ws://127.0.0.1:${rpcPort}`;
    await portOpen(rpcPort, 90_000);
    const sub = await zombie.connect(source);

    // Ferdie applies; the council approves.
    const applied = (await send(api, api.tx.supernodes.applySubchain('GXSC', 'guilian', 'new consumption', 450100, [eve.address]), ferdie))
      .find(({ event }) => api.events.supernodes.SubChainApplied.is(event));
    const id = applied.event.data.subchain.toNumber();
    await councilMotion(api, api.tx.supernodes.approveSubchain(id, null), 3, [alice, bob, charlie]);
    // (zombienet's bundled @polkadot/api does not decorate our runtime APIs: read storage.)
    const info = (await api.query.supernodes.subChains(id)).unwrap();
    if (info.status.toString() !== 'Approved') throw new Error(`sub-chain ${id} is ${info.status.toString()}`);
    console.log(`sub-chain ${id} approved by the council`);

    // The relay: 5 anchoring rounds, then it exits.
    const relay = spawn(node, ['anchor-relay', '--source', source, '--target', target, '--subchain', `${id}`, '--batch', '16', '--interval', '3', '--rounds', '5'],
      { env: { ...process.env, GUILIAN_GATEWAY_SURI: '//Eve' }, stdio: ['ignore', 'inherit', 'inherit'] });
    children.push(relay);
    const exitCode = await new Promise((resolve) => relay.on('exit', resolve));
    if (exitCode !== 0) throw new Error(`anchor-relay exited with ${exitCode}`);

    const latest = (await api.query.supernodes.anchors(id)).unwrap().latest;
    const anchored = latest.height.toNumber();
    const finalized = (await sub.rpc.chain.getHeader(await sub.rpc.chain.getFinalizedHead())).number.toNumber();
    const hash = (await sub.rpc.chain.getBlockHash(anchored)).toHex();
    const stored = latest.blockHash.toHex();
    if (hash !== stored) throw new Error(`anchored #${anchored} is ${stored} on the supernode chain but ${hash} on the sub-chain`);
    console.log(`anchored #${anchored}, sub-chain finalized #${finalized}`);
    await sub.disconnect();
    await api.disconnect();
    return finalized - anchored;
  } finally {
    stop();
  }
}

module.exports = { run };
