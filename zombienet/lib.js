// Helpers shared by the zombienet JS scripts (CommonJS: zombienet `require`s the scripts).

/** Signs and sends `tx`; resolves with its events once in a block, rejects on a dispatch error. */
function send(api, tx, signer) {
  return new Promise((resolve, reject) => {
    tx.signAndSend(signer, ({ status, dispatchError, events }) => {
      if (status.isInvalid || status.isDropped || status.isUsurped) reject(new Error(`transaction ${status.type}`));
      if (!status.isInBlock) return;
      if (dispatchError) {
        const detail = dispatchError.isModule ? api.registry.findMetaError(dispatchError.asModule) : dispatchError;
        reject(new Error(`dispatch failed: ${detail.section ?? ''}.${detail.name ?? detail.toString()}`));
      } else resolve(events);
    }).catch(reject);
  });
}

/**
 * Carries `call` by a supernode council motion of `threshold`: the first voter proposes, every
 * voter votes aye (pallet-collective does not count the proposer's vote by itself), the first
 * closes. Returns the events of the close (with `council.Executed`).
 */
async function councilMotion(api, call, threshold, voters) {
  const length = call.method.encodedLength;
  const proposed = (await send(api, api.tx.council.propose(threshold, call, length), voters[0]))
    .find(({ event }) => api.events.council.Proposed.is(event));
  const { proposalIndex, proposalHash } = proposed.event.data;
  for (const voter of voters) {
    await send(api, api.tx.council.vote(proposalHash, proposalIndex, true), voter);
  }
  return send(
    api,
    api.tx.council.close(proposalHash, proposalIndex, { refTime: 10_000_000_000n, proofSize: 1_000_000n }, length),
    voters[0],
  );
}

module.exports = { send, councilMotion };
