// The full node restarted (SIGKILL, zombienet's `restart`) while the load of fault-load.js runs
// against alice (faults.zndsl).
//
//   record  on full: once full has finalized blocks of the load, records its heads and the
//           account of the first bench account at its finalized block. Returns that height.
//   check   on full, after the restart: a new process on the same base path, its database
//           reopened at or past that block with no database error in its log, its finalized
//           head never below it, the recorded account readable at the recorded block with the
//           same value, and it catches up with alice's best and finalized heads within
//           CATCH_UP_BOUND_S. Returns the seconds from full's start until it had caught up.

const { until, heads, cmdline, basePath, nodeProcess, processAgeSeconds, saveState, loadState } = require('./lib.js');
const { checkRestartLog } = require('./fault-restart.js');

const CATCH_UP_BOUND_S = 90;

async function record(name, networkInfo, api) {
  // Until full has finalized blocks carrying the load (the bench accounts' nonces move).
  await zombie.util.cryptoWaitReady();
  const bench = new zombie.Keyring({ type: 'sr25519' }).addFromUri('//Bench//0').address;
  const at = await until('full finalizes blocks of the load', async () => {
    const now = await heads(api);
    const account = await (await api.at(now.finalizedHash)).query.system.account(bench);
    return account.nonce.toNumber() >= 5 ? { ...now, account: account.toJSON() } : null;
  }, 120_000, 2_000);
  const proc = nodeProcess(networkInfo, name);
  saveState(networkInfo, 'full-restart', { pid: proc.pid, bench, ...at });
  console.log(`${name}: pid ${proc.pid}, best #${at.best}, finalized #${at.finalized} (${at.finalizedHash}); //Bench//0 there: nonce ${at.account.nonce}, free ${at.account.data.free}`);
  return at.finalized;
}

async function check(name, networkInfo, api) {
  const before = loadState(networkInfo, 'full-restart');
  // (The PID may have been reused since: only a node on this base path counts.)
  if ((cmdline(before.pid) ?? []).includes(basePath(networkInfo, name))) throw new Error(`${name}'s old process ${before.pid} still runs`);
  const proc = nodeProcess(networkInfo, name);
  if (!proc || proc.pid === before.pid) throw new Error(`${name}: no new process on ${basePath(networkInfo, name)}`);
  const first = await heads(api);
  const reopenedAt = checkRestartLog(networkInfo, name);
  console.log(`${name}: new pid ${proc.pid}; before the kill best #${before.best} finalized #${before.finalized}; database reopened at #${reopenedAt}; `
    + `first answer ${processAgeSeconds(proc.pid).toFixed(1)} s after the start: best #${first.best} finalized #${first.finalized}`);
  if (reopenedAt < before.finalized) throw new Error(`${name} reopened at #${reopenedAt}, below its finalized #${before.finalized}`);
  if (first.finalized < before.finalized) throw new Error(`${name}'s finalized head went back to #${first.finalized}`);

  // The state of the pre-restart block is there.
  const hash = (await api.rpc.chain.getBlockHash(before.finalized)).toHex();
  if (hash !== before.finalizedHash) throw new Error(`${name}: #${before.finalized} is ${hash}, was ${before.finalizedHash}`);
  const account = (await (await api.at(before.finalizedHash)).query.system.account(before.bench)).toJSON();
  if (JSON.stringify(account) !== JSON.stringify(before.account)) {
    throw new Error(`${name}: //Bench//0 at #${before.finalized} reads ${JSON.stringify(account)}, was ${JSON.stringify(before.account)}`);
  }
  console.log(`${name}: state of #${before.finalized} kept: //Bench//0 nonce ${account.nonce}, free ${account.data.free}, as before the restart`);

  const alice = await zombie.connect(networkInfo.nodesByName.alice.wsUri);
  const target = await heads(alice);
  const caught = await until(`${name} reaches alice's best #${target.best} / finalized #${target.finalized}`, async () => {
    const now = await heads(api);
    return now.best >= target.best && now.finalized >= target.finalized ? now : null;
  }, CATCH_UP_BOUND_S * 1000, 500);
  const seconds = processAgeSeconds(proc.pid);
  const ours = (await api.rpc.chain.getBlockHash(target.finalized)).toHex();
  const canonical = (await alice.rpc.chain.getBlockHash(target.finalized)).toHex();
  if (ours !== canonical) throw new Error(`${name} has ${ours} at #${target.finalized}, alice ${canonical}`);
  console.log(`${name}: caught up with alice (best #${target.best}, finalized #${target.finalized}) ${seconds.toFixed(1)} s after its restart (now best #${caught.best}, finalized #${caught.finalized})`);

  await alice.disconnect();
  return Math.ceil(seconds);
}

async function run(nodeName, networkInfo, args) {
  const api = await zombie.connect(networkInfo.nodesByName[nodeName].wsUri);
  try {
    switch (args[0]) {
      case 'record': return await record(nodeName, networkInfo, api);
      case 'check': return await check(nodeName, networkInfo, api);
      default: throw new Error(`unknown step ${args[0]}: record or check`);
    }
  } finally {
    await api.disconnect();
  }
}

module.exports = { run };
