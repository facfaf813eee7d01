// A supernode council motion that adds Eve's node as a validator of Alice's supernode ("add") or
// removes it ("remove"), then waits until pallet-session's validator set shows the change.
// Returns the size of the new validator set. Run by zombienet on alice (validators.zndsl).

const { send, councilMotion } = require('./lib.js');

const SESSION_WAIT_MS = 240_000;

async function run(nodeName, networkInfo, args) {
  const action = args[0];
  const api = await zombie.connect(networkInfo.nodesByName[nodeName].wsUri);
  await zombie.util.cryptoWaitReady();
  const keyring = new zombie.Keyring({ type: 'sr25519' });
  const [alice, bob, charlie, eve] = ['//Alice', '//Bob', '//Charlie', '//Eve'].map((uri) => keyring.addFromUri(uri));

  let call;
  if (action === 'add') {
    // Eve's node makes its session keys with a proof that Eve owns them (pallet-session checks
    // it); Eve registers them on chain.
    const provider = new zombie.WsProvider(networkInfo.nodesByName.eve.wsUri);
    await provider.isReady;
    const generated = await provider.send('author_rotateKeysWithOwner', [api.createType('AccountId', eve.address).toHex()]);
    await provider.disconnect();
    await send(api, api.tx.session.setKeys(generated.keys, generated.proof), eve);
    call = api.tx.supernodes.addValidator(alice.address, eve.address);
  } else if (action === 'remove') {
    call = api.tx.supernodes.removeValidator(alice.address, eve.address);
  } else {
    throw new Error(`unknown action ${action}: add or remove`);
  }

  // Two thirds of four supernodes: three ayes.
  const closed = await councilMotion(api, call, 3, [alice, bob, charlie]);
  const executed = closed.find(({ event }) => api.events.council.Executed.is(event));
  if (!executed || executed.event.data.result.isErr) {
    throw new Error(`the motion did not execute: ${executed?.event.data.result.toString()}`);
  }
  console.log(`council motion ${action} executed`);

  const wanted = action === 'add';
  const deadline = Date.now() + SESSION_WAIT_MS;
  while (Date.now() < deadline) {
    const validators = (await api.query.session.validators()).map((v) => v.toString());
    if (validators.includes(eve.address) === wanted) {
      console.log(`session validators: ${validators.length} (${wanted ? 'with' : 'without'} Eve)`);
      await api.disconnect();
      return validators.length;
    }
    await new Promise((resolve) => setTimeout(resolve, 3_000));
  }
  await api.disconnect();
  throw new Error(`the validator set did not ${action} Eve within ${SESSION_WAIT_MS / 1000} s`);
}

module.exports = { run };
