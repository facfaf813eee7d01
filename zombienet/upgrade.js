// A runtime upgrade through the council, without sudo, on the running four-supernode network:
// three of four supernode operators carry `supernodes.authorizeUpgrade(hash of the new code)`,
// Dave (any account) submits the code with `system.applyAuthorizedUpgrade`, and the chain runs
// the new runtime (spec_version one higher) from the next block. Checks that every key and value
// of the five custom pallets is the same before and after, and that blocks are still authored
// and finalized. The new code is runtime/next's wasm (scripts/upgrade.sh builds it and sets
// GUILIAN_NEXT_RUNTIME). Returns the new spec_version. Run by zombienet on alice (upgrade.zndsl).

const fs = require('fs');
const { send, councilMotion, until, heads } = require('./lib.js');

const PALLETS = ['Credit', 'Prepaid', 'Collectibles', 'Disputes', 'Supernodes'];

/** Every key and value under the custom pallets' prefixes at block `hash`. */
async function palletState(api, hash) {
  const state = {};
  for (const pallet of PALLETS) {
    const prefix = zombie.util.xxhashAsHex(pallet, 128);
    let startKey;
    for (;;) {
      const keys = await api.rpc.state.getKeysPaged(prefix, 1000, startKey, hash);
      for (const key of keys) state[key.toHex()] = (await api.rpc.state.getStorage(key, hash)).toHex();
      if (keys.length < 1000) break;
      startKey = keys[keys.length - 1];
    }
  }
  return state;
}

async function run(nodeName, networkInfo) {
  const codePath = process.env.GUILIAN_NEXT_RUNTIME;
  if (!codePath || !fs.existsSync(codePath)) throw new Error(`GUILIAN_NEXT_RUNTIME is not a file: ${codePath} (run scripts/upgrade.sh)`);
  const code = fs.readFileSync(codePath);
  const api = await zombie.connect(networkInfo.nodesByName[nodeName].wsUri);
  await zombie.util.cryptoWaitReady();
  const keyring = new zombie.Keyring({ type: 'sr25519' });
  const [alice, bob, charlie, dave, eve] = ['//Alice', '//Bob', '//Charlie', '//Dave', '//Eve'].map((uri) => keyring.addFromUri(uri));

  if ((await api.query.sudo.key()).isSome) throw new Error('this network has a sudo key: the test is about upgrading without one');
  const before = (await api.rpc.state.getRuntimeVersion()).specVersion.toNumber();
  console.log(`running spec_version ${before}; new code ${code.length} bytes from ${codePath}`);

  // Some state of our own in the custom pallets first: Eve registers her BID key type and
  // applies for a sub-chain (its deposit held).
  await send(api, api.tx.supernodes.registerBid('Sr25519'), eve);
  await send(api, api.tx.supernodes.applySubchain('GX01', 'industry', 'culture and tourism', 450100, [eve.address]), eve);
  const snapshotAt = (await heads(api)).bestHash;
  const stateBefore = await palletState(api, snapshotAt);
  console.log(`custom pallets' state: ${Object.keys(stateBefore).length} keys at ${snapshotAt}`);

  const codeHash = zombie.util.blake2AsHex(code, 256);
  const closed = await councilMotion(api, api.tx.supernodes.authorizeUpgrade(codeHash), 3, [alice, bob, charlie]);
  const executed = closed.find(({ event }) => api.events.council.Executed.is(event));
  if (!executed || executed.event.data.result.isErr) throw new Error(`the motion did not execute: ${executed?.event.data.result.toString()}`);
  if (!closed.some(({ event }) => api.events.system.UpgradeAuthorized.is(event))) throw new Error('no system.UpgradeAuthorized event');
  console.log(`council authorized code ${codeHash}`);

  const applied = await send(api, api.tx.system.applyAuthorizedUpgrade(`0x${code.toString('hex')}`), dave);
  if (!applied.some(({ event }) => api.events.system.CodeUpdated.is(event))) throw new Error('no system.CodeUpdated event');
  const upgradedAt = (await heads(api)).best;
  console.log(`Dave applied the code; system.CodeUpdated near block #${upgradedAt}`);

  const after = await until(
    'the new spec_version',
    async () => {
      const version = (await api.rpc.state.getRuntimeVersion()).specVersion.toNumber();
      return version > before ? version : null;
    },
    60_000,
  );
  console.log(`running spec_version ${after}`);
  // The chain goes on: new blocks are built and finalized on the new runtime.
  const finalizedAfter = await until(
    'finality three blocks past the upgrade',
    async () => {
      const { finalized } = await heads(api);
      return finalized >= upgradedAt + 3 ? finalized : null;
    },
    120_000,
  );
  const lastUpgrade = (await api.query.system.lastRuntimeUpgrade()).unwrap().specVersion.toNumber();
  if (lastUpgrade !== after) throw new Error(`LastRuntimeUpgrade says ${lastUpgrade}, the node runs ${after}`);

  const finalizedHash = await api.rpc.chain.getFinalizedHead();
  const stateAfter = await palletState(api, finalizedHash);
  const changed = Object.keys({ ...stateBefore, ...stateAfter }).filter((key) => stateBefore[key] !== stateAfter[key]);
  if (changed.length) throw new Error(`the upgrade changed ${changed.length} keys of the custom pallets: ${changed.slice(0, 5).join(', ')}`);
  console.log(`finalized #${finalizedAfter} on spec_version ${after}; all ${Object.keys(stateAfter).length} keys of ${PALLETS.join(', ')} unchanged`);
  await api.disconnect();
  return after;
}

module.exports = { run };
