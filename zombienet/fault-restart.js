// A validator killed with SIGKILL and restarted on the same base path (faults.zndsl). zombienet's
// native provider implements `NODE: restart` as `kill -9 PID` of the process it spawned, then the
// same command line again (same --base-path), appending to the same log.
//
//   record   before the kill: checks that the spawned PID is the node itself (not a shell that
//            would take the SIGKILL for it), records the hashes of its finalized blocks and its
//            best block. Returns its finalized height.
//   check    after the restart: a new process on the same base path; its ParityDB opened with
//            every block it had finalized (`Highest known block` at or past it, the same hashes
//            at the same heights) and no database error in its log; it catches up with alice.
//            Returns the seconds from its start until it had caught up.
//   authors  after the restart: a block whose Aura slot belongs to this validator is imported,
//            and alice finalizes it. Returns 1.

const {
  until, heads, basePath, nodeProcess, processAgeSeconds, auraAuthor, saveState, loadState,
  checkRestarted, catchUpWithAlice, stepsOnNode,
} = require('./lib.js');

const CATCH_UP_BOUND_S = 90;

async function record(name, networkInfo, api) {
  const proc = nodeProcess(networkInfo, name);
  if (!proc) throw new Error(`no guilian-node process on ${basePath(networkInfo, name)}`);
  if (proc.ppid !== process.pid) {
    throw new Error(`${name}'s node (pid ${proc.pid}) is not a child of zombienet (pid ${process.pid}): its kill -9 would miss it`);
  }
  const at = await heads(api);
  const hashes = {};
  for (let n = Math.max(1, at.finalized - 100); n <= at.finalized; n++) {
    hashes[n] = (await api.rpc.chain.getBlockHash(n)).toHex();
  }
  saveState(networkInfo, `restart-${name}`, { pid: proc.pid, ...at, hashes, recordedAt: Date.now() });
  console.log(`${name}: pid ${proc.pid} (child of zombienet ${process.pid}); best #${at.best}, finalized #${at.finalized}; ${Object.keys(hashes).length} finalized hashes recorded`);
  return at.finalized;
}

async function check(name, networkInfo, api) {
  const before = loadState(networkInfo, `restart-${name}`);
  const { proc } = await checkRestarted(networkInfo, name, api, before);
  for (const [n, hash] of Object.entries(before.hashes)) {
    const now = (await api.rpc.chain.getBlockHash(Number(n))).toHex();
    if (now !== hash) throw new Error(`${name}: block #${n} is ${now} after the restart, was ${hash}`);
  }
  console.log(`${name}: the ${Object.keys(before.hashes).length} finalized blocks #${Object.keys(before.hashes)[0]}..#${before.finalized} have the same hashes`);
  return Math.ceil(await catchUpWithAlice(networkInfo, name, api, proc.pid, CATCH_UP_BOUND_S));
}

async function authors(name, networkInfo, api) {
  await zombie.util.cryptoWaitReady();
  const key = `0x${Buffer.from(new zombie.Keyring({ type: 'sr25519' }).addFromUri(`//${name[0].toUpperCase()}${name.slice(1)}`).publicKey).toString('hex')}`;
  const proc = nodeProcess(networkInfo, name);
  const from = (await heads(api)).best;
  const block = await new Promise((resolve, reject) => {
    let done = false;
    api.rpc.chain.subscribeNewHeads(async (header) => {
      if (done || header.number.toNumber() <= from) return;
      try {
        if ((await auraAuthor(api, header)) === key && !done) {
          done = true;
          resolve({ number: header.number.toNumber(), hash: header.hash.toHex(), age: processAgeSeconds(proc.pid) });
        }
      } catch (e) { reject(e); }
    }).catch(reject);
  });
  console.log(`${name}: authored #${block.number} (${block.hash}) in its Aura slot, ${block.age.toFixed(1)} s after its restart`);
  const alice = await zombie.connect(networkInfo.nodesByName.alice.wsUri);
  await until(`alice finalizes #${block.number}`, async () => (await heads(alice)).finalized >= block.number, 120_000, 2_000);
  const canonical = (await alice.rpc.chain.getBlockHash(block.number)).toHex();
  await alice.disconnect();
  if (canonical !== block.hash) throw new Error(`${name}'s block #${block.number} was not finalized: alice has ${canonical}`);
  console.log(`${name}: its block #${block.number} is finalized on alice`);
  return 1;
}

module.exports = { run: stepsOnNode({ record, check, authors }) };
