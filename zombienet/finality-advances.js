// Resolves with 1 once the finalized head of the node it runs on is 3 blocks past where it was.

async function run(nodeName, networkInfo) {
  const api = await zombie.connect(networkInfo.nodesByName[nodeName].wsUri);
  const height = async () => (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber();
  const start = await height();
  for (;;) {
    const now = await height();
    if (now >= start + 3) {
      console.log(`finalized #${start} -> #${now}`);
      await api.disconnect();
      return 1;
    }
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
}

module.exports = { run };
