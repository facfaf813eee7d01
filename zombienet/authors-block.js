// Resolves with 1 once a block authored by Eve (by Aura's slot and the session's validators,
// as polkadot.js derives it) is imported by the node it runs on.

async function run(nodeName, networkInfo) {
  const api = await zombie.connect(networkInfo.nodesByName[nodeName].wsUri);
  await zombie.util.cryptoWaitReady();
  const eve = new zombie.Keyring({ type: 'sr25519' }).addFromUri('//Eve').address;
  return new Promise((resolve, reject) => {
    api.derive.chain.subscribeNewHeads((header) => {
      const author = header.author?.toString();
      if (author === eve) {
        console.log(`block #${header.number} authored by Eve`);
        api.disconnect().then(() => resolve(1), reject);
      }
    }).catch(reject);
  });
}

module.exports = { run };
