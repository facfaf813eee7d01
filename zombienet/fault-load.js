// The load under which faults.zndsl injects its faults: the load generator (`guilian-node load`)
// submits balance transfers to alice at LOAD_RATE a second for LOAD_SECONDS, as pre-signed,
// immortal transactions watched to finality.
//
//   start    starts it and returns 1 once its transactions flow (after its setup: Alice funds
//            the bench accounts by utility.force_batch, no sudo needed on `--chain local`).
//   running  returns 1 while it still submits (the faults after `start` happen under load).
//   finish   waits for it to end and returns the transactions it reports finalized: every
//            accepted one must be, through the validator's kill, the finality stall and the
//            full node's restart.

const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');

const { sleep, until } = require('./lib.js');

const LOAD_RATE = 40;
const LOAD_SECONDS = 300;
const LOAD_ACCOUNTS = 40;
// Seconds the generator waits, after its last submission, for the last finality.
const LOAD_DRAIN_S = 150;

function files(networkInfo) {
  return {
    log: path.join(networkInfo.tmpDir, 'guilian-fault-load.log'),
    json: path.join(networkInfo.tmpDir, 'guilian-fault-load.json'),
  };
}

function start(networkInfo) {
  const node = process.env.GUILIAN_NODE;
  if (!node) throw new Error('GUILIAN_NODE is not set (run through scripts/zombienet.sh)');
  const { log, json } = files(networkInfo);
  const out = fs.openSync(log, 'w');
  const args = ['load', '--url', networkInfo.nodesByName.alice.wsUri, '--workload', 'transfer',
    '--count', String(LOAD_RATE * LOAD_SECONDS), '--accounts', String(LOAD_ACCOUNTS), '--rate', String(LOAD_RATE),
    '--timeout', String(LOAD_DRAIN_S), '--json', json];
  const child = spawn(node, args, { stdio: ['ignore', out, out] });
  fs.closeSync(out);
  const exit = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  global.guilianFaultLoad = { child, exit, started: Date.now() };
  // Never outlive the test (a failed step leaves it running otherwise).
  process.on('exit', () => { if (child.exitCode === null) child.kill('SIGKILL'); });
  console.log(`load generator pid ${child.pid}: ${LOAD_RATE * LOAD_SECONDS} balance transfers at ${LOAD_RATE}/s to alice, ${LOAD_ACCOUNTS} accounts (log ${log})`);
  return until('the load generator submits', () => {
    if (child.exitCode !== null) throw new Error(`the load generator ended: ${fs.readFileSync(log, 'utf8').slice(-2000)}`);
    if (!fs.readFileSync(log, 'utf8').includes('submitting over')) return null;
    global.guilianFaultLoad.submitting = Date.now();
    console.log(`load: submitting ${((Date.now() - global.guilianFaultLoad.started) / 1000).toFixed(1)} s after its start (setup done)`);
    return 1;
  }, 150_000);
}

/** 1 while the generator of `start` is still submitting, else throws. */
function running(networkInfo) {
  const load = global.guilianFaultLoad;
  if (!load) throw new Error('no load generator started in this process');
  const text = fs.readFileSync(files(networkInfo).log, 'utf8');
  if (load.child.exitCode !== null || /load: all \d+ queued/.test(text)) {
    throw new Error('the load generator no longer submits: the fault would not be under load (raise LOAD_SECONDS)');
  }
  console.log(`load: still submitting, ${((Date.now() - load.submitting) / 1000).toFixed(0)} s of ${LOAD_SECONDS} s`);
  return 1;
}

async function finish(networkInfo) {
  const load = global.guilianFaultLoad;
  if (!load) throw new Error('no load generator started in this process');
  const { log, json } = files(networkInfo);
  const exit = await Promise.race([load.exit, sleep((LOAD_SECONDS + LOAD_DRAIN_S + 120) * 1000).then(() => null)]);
  if (!exit) {
    load.child.kill('SIGKILL');
    throw new Error('the load generator did not end in time');
  }
  if (exit.code !== 0) throw new Error(`the load generator failed (${JSON.stringify(exit)}): ${fs.readFileSync(log, 'utf8').slice(-2000)}`);
  const [r] = JSON.parse(fs.readFileSync(json, 'utf8'));
  const rejected = Object.entries(r.not_finalized).filter(([k]) => k.startsWith('rejected')).reduce((a, [, v]) => a + v, 0);
  console.log(`load: ${r.submitted} submitted, ${r.submitted - rejected} accepted, ${r.finalized} finalized, ${r.failed_in_dispatch} failed in dispatch, `
    + `not finalized ${JSON.stringify(r.not_finalized)}; sustained ${r.sustained_tps?.toFixed(1)} tx/s; finality p50 ${r.finality_latency_s.median?.toFixed(1)} s, `
    + `p99 ${r.finality_latency_s.p99?.toFixed(1)} s; largest best-finalized gap ${r.max_best_finalized_gap} blocks`);
  if (r.finalized !== r.submitted) throw new Error(`${r.submitted - r.finalized} transactions of the load were not finalized`);
  if (r.failed_in_dispatch) throw new Error(`${r.failed_in_dispatch} transactions of the load failed in dispatch`);
  return r.finalized;
}

async function run(nodeName, networkInfo, args) {
  switch (args[0]) {
    case 'start': return start(networkInfo);
    case 'running': return running(networkInfo);
    case 'finish': return finish(networkInfo);
    default: throw new Error(`unknown step ${args[0]}: start, running or finish`);
  }
}

module.exports = { run };
