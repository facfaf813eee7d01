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

const {
  until, heads, nodeProcess, saveState, loadState, checkRestarted, catchUpWithAlice, stepsOnNode,
} = require('./lib.js');

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
  const { proc } = await checkRestarted(networkInfo, name, api, before);

  // The state of the pre-restart block is there.
  const hash = (await api.rpc.chain.getBlockHash(before.finalized)).toHex();
  if (hash !== before.finalizedHash) throw new Error(`${name}: #${before.finalized} is ${hash}, was ${before.finalizedHash}`);
  const account = (await (await api.at(before.finalizedHash)).query.system.account(before.bench)).toJSON();
  if (JSON.stringify(account) !== JSON.stringify(before.account)) {
    throw new Error(`${name}: //Bench//0 at #${before.finalized} reads ${JSON.stringify(account)}, was ${JSON.stringify(before.account)}`);
  }
  console.log(`${name}: state of #${before.finalized} kept: //Bench//0 nonce ${account.nonce}, free ${account.data.free}, as before the restart`);
  return Math.ceil(await catchUpWithAlice(networkInfo, name, api, proc.pid, CATCH_UP_BOUND_S));
}

module.exports = { run: stepsOnNode({ record, check }) };
