// Helpers shared by the zombienet JS scripts (CommonJS: zombienet `require`s the scripts).

const fs = require('fs');
const path = require('path');

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

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` every `everyMs` until it returns something truthy; throws after `timeoutMs`. */
async function until(what, check, timeoutMs, everyMs = 1_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() >= deadline) throw new Error(`timed out after ${timeoutMs / 1000} s: ${what}`);
    await sleep(everyMs);
  }
}

/** Best and finalized heads of the node `api` talks to. */
async function heads(api) {
  const finalizedHash = await api.rpc.chain.getFinalizedHead();
  const [best, finalized] = await Promise.all([api.rpc.chain.getHeader(), api.rpc.chain.getHeader(finalizedHash)]);
  return {
    best: best.number.toNumber(),
    bestHash: best.hash.toHex(),
    finalized: finalized.number.toNumber(),
    finalizedHash: finalizedHash.toHex(),
  };
}

/** The argv of process `pid`, or null once it is gone. */
function cmdline(pid) {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter((a) => a !== '');
  } catch {
    return null;
  }
}

/** The base path zombienet gives node `name` of this network (its --base-path). */
function basePath(networkInfo, name) {
  return path.join(networkInfo.tmpDir, name, 'data');
}

/**
 * The process of node `name` of this network: the guilian-node whose --base-path is that node's
 * (so that another network on the machine never matches). `{ pid, ppid, args }` or null.
 */
function nodeProcess(networkInfo, name) {
  const base = basePath(networkInfo, name);
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const args = cmdline(entry);
    if (!args || !args.length || path.basename(args[0]) !== 'guilian-node') continue;
    const at = args.indexOf('--base-path');
    if (at < 0 || args[at + 1] !== base) continue;
    let stat;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue;
    }
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (fields[0] === 'Z') continue;
    return { pid: Number(entry), ppid: Number(fields[1]), args };
  }
  return null;
}

/** Seconds since process `pid` started (from /proc; clock ticks are USER_HZ = 100 on Linux). */
function processAgeSeconds(pid) {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const startTicks = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
  const uptime = Number(fs.readFileSync('/proc/uptime', 'utf8').split(' ')[0]);
  return uptime - startTicks / 100;
}

/**
 * The log of node `name` since its last start: zombienet's native provider appends a restarted
 * node's output to the same file, and every start prints the banner line first.
 */
function logSinceLastStart(networkInfo, name) {
  const lines = fs.readFileSync(path.join(networkInfo.tmpDir, `${name}.log`), 'utf8').split('\n');
  let start = 0;
  lines.forEach((line, i) => { if (/ Guilian Node\s*$/.test(line)) start = i; });
  return lines.slice(start);
}

/** The Aura author of `header` (the authority of its slot): its public key as 0x hex. */
async function auraAuthor(api, header) {
  const preRuntime = header.digest.logs.find((log) => log.isPreRuntime && log.asPreRuntime[0].toString() === 'aura');
  if (!preRuntime) throw new Error(`block #${header.number} has no Aura pre-runtime digest`);
  const slot = api.createType('u64', preRuntime.asPreRuntime[1]).toBigInt();
  const authorities = await (await api.at(header.parentHash)).query.aura.authorities();
  return authorities[Number(slot % BigInt(authorities.length))].toHex();
}

/** Test state handed from one script of a test to the next, kept in the network's folder. */
function saveState(networkInfo, key, value) {
  fs.writeFileSync(path.join(networkInfo.tmpDir, `guilian-${key}.json`), JSON.stringify(value, null, 2));
}
function loadState(networkInfo, key) {
  return JSON.parse(fs.readFileSync(path.join(networkInfo.tmpDir, `guilian-${key}.json`), 'utf8'));
}

/** Lines of a node's log since its last start that speak of a broken database or a crash. */
function databaseProblems(lines) {
  return lines.filter((line) => !/💾 Database: ParityDb at/.test(line)
    && /corrupt|panick|(database|\bdb\b|paritydb|parity-db)\b.*(error|fail|invalid)|(error|fail).*(database|\bdb\b|paritydb|parity-db)/i.test(line));
}

/** The checks of a restarted node's log; returns the height its database reopened at. */
function checkRestartLog(networkInfo, name) {
  const lines = logSinceLastStart(networkInfo, name);
  const dbLine = lines.find((l) => /💾 Database: ParityDb at/.test(l));
  const expected = `${basePath(networkInfo, name)}/chains/`;
  if (!dbLine || !dbLine.includes(expected) || !/paritydb\/full/.test(dbLine)) {
    throw new Error(`${name}: no ParityDb under ${expected} in its log after the restart: ${dbLine}`);
  }
  const known = lines.map((l) => l.match(/📦 Highest known block at #(\d+)/)).find(Boolean);
  if (!known) throw new Error(`${name}: no "Highest known block" line after the restart`);
  const problems = databaseProblems(lines);
  if (problems.length) throw new Error(`${name}: database problems in its log after the restart:\n${problems.join('\n')}`);
  const warnings = lines.filter((l) => /\b(WARN|ERROR)\b/.test(l));
  console.log(`${name}: reopened ${dbLine.trim().replace(/^.*💾 /, '')}; ${warnings.length} WARN/ERROR lines since the restart, none about the database`);
  warnings.slice(0, 8).forEach((l) => console.log(`  ${l}`));
  return Number(known[1]);
}

/** After `name` was restarted (`before`: its pid, best and finalized heads, recorded before the
 * kill): a new process runs on the node's base path, its database reopened at or past the
 * finalized block with no database error in its log, and its finalized head did not go back.
 * Returns the new process, its first heads and the height its database reopened at. */
async function checkRestarted(networkInfo, name, api, before) {
  // (The PID may have been reused since: only a node on this base path counts.)
  if ((cmdline(before.pid) ?? []).includes(basePath(networkInfo, name))) throw new Error(`${name}'s old process ${before.pid} still runs`);
  const proc = nodeProcess(networkInfo, name);
  if (!proc || proc.pid === before.pid) throw new Error(`${name}: no new process on ${basePath(networkInfo, name)}`);
  const first = await heads(api);
  const reopenedAt = checkRestartLog(networkInfo, name);
  console.log(`${name}: new pid ${proc.pid}, same base path; before the kill best #${before.best} finalized #${before.finalized}; `
    + `database reopened at #${reopenedAt}; first answer ${processAgeSeconds(proc.pid).toFixed(1)} s after the start: best #${first.best} finalized #${first.finalized}`);
  if (reopenedAt < before.finalized) throw new Error(`${name} reopened at #${reopenedAt}, below its finalized #${before.finalized}: blocks lost`);
  if (first.finalized < before.finalized) throw new Error(`${name}'s finalized head went back to #${first.finalized}`);
  return { proc, first, reopenedAt };
}

/** Waits until `name` (process `pid`) has reached alice's best and finalized heads of now, within
 * `boundSeconds`, and checks that it finalized the same block there. Returns the seconds from
 * its start until then. */
async function catchUpWithAlice(networkInfo, name, api, pid, boundSeconds) {
  const alice = await zombie.connect(networkInfo.nodesByName.alice.wsUri);
  try {
    const target = await heads(alice);
    const caught = await until(`${name} reaches alice's best #${target.best} / finalized #${target.finalized}`, async () => {
      const now = await heads(api);
      return now.best >= target.best && now.finalized >= target.finalized ? now : null;
    }, boundSeconds * 1000, 500);
    const seconds = processAgeSeconds(pid);
    const ours = (await api.rpc.chain.getBlockHash(target.finalized)).toHex();
    const canonical = (await alice.rpc.chain.getBlockHash(target.finalized)).toHex();
    if (ours !== canonical) throw new Error(`${name} finalized ${ours} at #${target.finalized}, alice ${canonical}`);
    console.log(`${name}: caught up with alice (best #${target.best}, finalized #${target.finalized}) ${seconds.toFixed(1)} s after its restart (now best #${caught.best}, finalized #${caught.finalized})`);
    return seconds;
  } finally {
    await alice.disconnect();
  }
}

/** The `run` of a js-script made of steps, `args[0]` naming one: connects to the node the
 * script runs on, runs `steps[args[0]](name, networkInfo, api)` and disconnects. */
function stepsOnNode(steps) {
  return async function run(nodeName, networkInfo, args) {
    const step = steps[args[0]];
    if (!step) throw new Error(`unknown step ${args[0]}: ${Object.keys(steps).join(', ')}`);
    const api = await zombie.connect(networkInfo.nodesByName[nodeName].wsUri);
    try {
      return await step(nodeName, networkInfo, api);
    } finally {
      await api.disconnect();
      await sleep(100);
    }
  };
}

module.exports = {
  send, councilMotion, sleep, until, heads, cmdline, basePath, nodeProcess, processAgeSeconds,
  logSinceLastStart, auraAuthor, saveState, loadState, checkRestartLog, checkRestarted, catchUpWithAlice,
  stepsOnNode,
};
