// Two of the four validators stopped (faults.zndsl pauses charlie and dave with SIGSTOP): GRANDPA
// needs more than two thirds of the votes, so finality stops while Aura may still build blocks in
// alice's and bob's slots; once both are back, finality resumes and catches up.
//
//   stalled   run right after the pause, on alice: lets the rounds under way settle (12 s), then
//             watches alice, bob and full for 30 s: no finalized head may move. Returns 1.
//   catchup   run right after the resume, on alice: measures the seconds until finality moves
//             again and until alice's finalized head reaches the best head alice had at the
//             resume (every block built during the stall final), and charlie's and dave's too.
//             Returns those seconds (rounded up); the .zndsl bounds them.

const { sleep, until, heads, saveState, loadState } = require('./lib.js');

const SETTLE_MS = 12_000;
const WATCH_MS = 30_000;
const CATCH_UP_BOUND_S = 120;

async function connectAll(networkInfo, names) {
  const apis = {};
  for (const name of names) apis[name] = await zombie.connect(networkInfo.nodesByName[name].wsUri);
  return apis;
}

async function stalled(networkInfo) {
  const apis = await connectAll(networkInfo, ['alice', 'bob', 'full']);
  try {
    const atPause = await heads(apis.alice);
    await sleep(SETTLE_MS);
    const start = {};
    for (const [name, api] of Object.entries(apis)) start[name] = await heads(api);
    console.log(`paused at alice best #${atPause.best} finalized #${atPause.finalized}; after ${SETTLE_MS / 1000} s: `
      + Object.entries(start).map(([n, h]) => `${n} best #${h.best} finalized #${h.finalized}`).join(', '));
    const watchStart = Date.now();
    let last = start;
    while (Date.now() - watchStart < WATCH_MS) {
      await sleep(2_000);
      const now = {};
      for (const [name, api] of Object.entries(apis)) now[name] = await heads(api);
      for (const name of Object.keys(apis)) {
        if (now[name].finalized !== start[name].finalized) {
          throw new Error(`${name} finalized #${now[name].finalized} with two of four validators stopped (was #${start[name].finalized})`);
        }
      }
      last = now;
    }
    const produced = last.alice.best - start.alice.best;
    console.log(`finality stopped for ${WATCH_MS / 1000} s: alice finalized stayed #${start.alice.finalized} while best went #${start.alice.best} -> #${last.alice.best} (${produced} blocks); `
      + `bob finalized #${last.bob.finalized}, full finalized #${last.full.finalized}`);
    saveState(networkInfo, 'stall', { finalized: start.alice.finalized, best: last.alice.best, at: Date.now() });
    return 1;
  } finally {
    for (const api of Object.values(apis)) await api.disconnect();
  }
}

async function catchup(networkInfo) {
  const t0 = Date.now();
  const stall = loadState(networkInfo, 'stall');
  const apis = await connectAll(networkInfo, ['alice', 'charlie', 'dave']);
  try {
    const atResume = await heads(apis.alice);
    const target = atResume.best;
    console.log(`resumed: alice best #${atResume.best}, finalized #${atResume.finalized} (stalled at #${stall.finalized})`);
    let resumedAt = null;
    const caught = {};
    await until(`alice, charlie and dave finalize #${target}`, async () => {
      const elapsed = (Date.now() - t0) / 1000;
      for (const [name, api] of Object.entries(apis)) {
        if (caught[name]) continue;
        const now = await heads(api);
        if (name === 'alice' && resumedAt === null && now.finalized > stall.finalized) {
          resumedAt = elapsed;
          console.log(`finality resumed ${elapsed.toFixed(1)} s after the resume (alice finalized #${now.finalized})`);
        }
        if (now.finalized >= target) {
          caught[name] = { seconds: elapsed, ...now };
          console.log(`${name}: finalized #${now.finalized} >= #${target} (best #${now.best}, gap ${now.best - now.finalized}) ${elapsed.toFixed(1)} s after the resume`);
        }
      }
      return Object.keys(caught).length === Object.keys(apis).length;
    }, CATCH_UP_BOUND_S * 1000, 500);
    const seconds = Math.max(...Object.values(caught).map((c) => c.seconds));
    console.log(`finality caught up with the best head at the resume (#${target}) in ${caught.alice.seconds.toFixed(1)} s on alice, ${seconds.toFixed(1)} s on all three`);
    return Math.ceil(seconds);
  } finally {
    for (const api of Object.values(apis)) await api.disconnect();
  }
}

async function run(nodeName, networkInfo, args) {
  switch (args[0]) {
    case 'stalled': return stalled(networkInfo);
    case 'catchup': return catchup(networkInfo);
    default: throw new Error(`unknown step ${args[0]}: stalled or catchup`);
  }
}

module.exports = { run };
