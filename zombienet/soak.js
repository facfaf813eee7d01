// A sustained load on the four-validator network (soak.zndsl, started by scripts/soak.sh, which
// passes its settings in the environment). Runs on alice: the load generator (`guilian-node
// load`) submits SOAK_WORKLOAD transactions to alice at SOAK_RATE a second for SOAK_SECONDS,
// while this script samples every node's resident memory (VmRSS) and CPU time from /proc every
// SOAK_SAMPLE_S seconds and prints a progress line. At the end it reports the transactions
// submitted, accepted, finalized and lost without a reported reason, and per node the RSS from
// the end of the first SOAK_WARMUP_S seconds of load to its end, and fails unless at least
// SOAK_MIN_FINALIZED_PCT of the accepted transactions were finalized and no node's peak RSS in
// the second half of that window exceeds its peak in the first half by more than
// SOAK_MAX_RSS_GROWTH_PCT (`none`: reported only). SOAK_COUNT, when set, replaces SOAK_RATE × SOAK_SECONDS. The summary
// goes to SOAK_SUMMARY (JSON) when set.
//
// SOAK_ASSERT=0 (scripts/soak.sh --measure-max) only measures: the rate offered is above what
// the network takes, the generator's in-flight limit holds the rest back, and the figure is the
// sustained inclusion rate; nothing is asserted but that the generator ran.

const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');

const { sleep, heads, nodeProcess } = require('./lib.js');

const NODES = ['alice', 'bob', 'charlie', 'dave', 'full'];

function setting(name, fallback) {
  const value = process.env[name];
  return value === undefined || value === '' ? fallback : value;
}

function cpuTicks(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}

/** VmRSS of process `pid` and its two parts, RssAnon (heap) and RssFile (mapped files, such as
 * the database's), in KiB; null once it is gone. */
function rss(pid) {
  try {
    const lines = fs.readFileSync(`/proc/${pid}/status`, 'utf8').split('\n');
    const field = (name) => Number(lines.find((l) => l.startsWith(`${name}:`)).split(/\s+/)[1]);
    return { total: field('VmRSS'), anon: field('RssAnon'), file: field('RssFile') };
  } catch {
    return null;
  }
}

/** Ready transactions in a node's pool and those its pool saw finalized, from its Prometheus metrics. */
async function poolMetrics(prometheusUri) {
  try {
    const text = await (await fetch(prometheusUri)).text();
    const metric = (name) => {
      const line = text.split('\n').find((l) => l.startsWith(name) && !l.startsWith('#'));
      return line ? Number(line.split(' ').pop()) : null;
    };
    return { ready: metric('substrate_ready_transactions_number'), finalized: metric('substrate_sub_txpool_finalized_txs_total') };
  } catch {
    return { ready: null, finalized: null };
  }
}

const mib = (kib) => (kib / 1024).toFixed(0);

async function run(nodeName, networkInfo) {
  const node = process.env.GUILIAN_NODE;
  if (!node) throw new Error('GUILIAN_NODE is not set (run through scripts/soak.sh)');
  const rate = Number(setting('SOAK_RATE', '100'));
  const seconds = Number(setting('SOAK_SECONDS', '60'));
  const count = Number(setting('SOAK_COUNT', '0')) || rate * seconds;
  const workload = setting('SOAK_WORKLOAD', 'transfer');
  // A multiple of the 8 connections: each account's transactions go over one connection, in
  // nonce order (the pool keeps at most 819 out-of-order "future" transactions by default).
  const accounts = Number(setting('SOAK_ACCOUNTS', '2048'));
  const warmup = Number(setting('SOAK_WARMUP_S', '60'));
  const every = Number(setting('SOAK_SAMPLE_S', '10'));
  const minFinalized = Number(setting('SOAK_MIN_FINALIZED_PCT', '99'));
  // 'none': RSS reported, not asserted (the quick run is too short for a memory baseline).
  const maxGrowth = setting('SOAK_MAX_RSS_GROWTH_PCT', '10') === 'none' ? null : Number(setting('SOAK_MAX_RSS_GROWTH_PCT', '10'));
  const drain = Number(setting('SOAK_DRAIN_S', '120'));
  const assert = setting('SOAK_ASSERT', '1') !== '0';

  const pids = {};
  for (const name of NODES) {
    const proc = nodeProcess(networkInfo, name);
    if (!proc) throw new Error(`no process for node ${name}`);
    pids[name] = proc.pid;
  }
  const api = await zombie.connect(networkInfo.nodesByName[nodeName].wsUri);
  const prometheus = networkInfo.nodesByName[nodeName].prometheusUri;

  const log = path.join(networkInfo.tmpDir, 'guilian-soak-load.log');
  const json = path.join(networkInfo.tmpDir, 'guilian-soak-load.json');
  const out = fs.openSync(log, 'w');
  // 8 connections of at most SOAK_IN_FLIGHT (1,000) watched transactions: below the nodes'
  // default limit of 1,024 subscriptions per connection. The generator releases one at finality
  // (about 3 blocks), a node's pool holds one until inclusion: the pool stays below its default
  // 8,192 ready transactions. (Overflowing, a pool drops transactions, and the later nonces of
  // their senders wait in its future queue for good.)
  const inFlight = Number(setting('SOAK_IN_FLIGHT', '1000'));
  const args = ['load', '--url', networkInfo.nodesByName[nodeName].wsUri, '--workload', workload,
    '--count', String(count), '--accounts', String(accounts), '--rate', String(rate),
    '--connections', '8', '--in-flight', String(inFlight), '--timeout', String(drain),
    '--node-pid', String(pids[nodeName]), '--json', json];
  const child = spawn(node, args, { stdio: ['ignore', out, out] });
  fs.closeSync(out);
  process.on('exit', () => { if (child.exitCode === null) child.kill('SIGKILL'); });
  let exit = null;
  child.on('exit', (code, signal) => { exit = { code, signal }; });
  console.log(`soak: ${count} ${workload} transactions offered at ${rate > 0 ? `${rate}/s` : 'once'} (${assert ? `${seconds} s` : 'capacity measurement'}), ${accounts} accounts, against ${nodeName}; node pids ${JSON.stringify(pids)}`);
  console.log(`soak: load generator pid ${child.pid}, log ${log}`);

  // Echo the generator's progress lines as they come.
  let echoed = 0;
  const echo = () => {
    const lines = fs.readFileSync(log, 'utf8').split('\n');
    for (; echoed < lines.length - 1; echoed++) {
      if (lines[echoed].startsWith('load: ')) console.log(`  ${lines[echoed]}`);
    }
    return lines;
  };

  let loadStart = null;
  let loadEnd = null;
  let warm = null;
  let end = null;
  const samples = [];
  const sample = async (label) => {
    const at = Date.now();
    const s = { at, t: loadStart ? (at - loadStart) / 1000 : 0, rss: {}, anon: {}, file: {}, cpu: {}, label };
    for (const name of NODES) {
      const mem = rss(pids[name]);
      if (mem === null) throw new Error(`node ${name} (pid ${pids[name]}) is gone`);
      s.rss[name] = mem.total;
      s.anon[name] = mem.anon;
      s.file[name] = mem.file;
      s.cpu[name] = cpuTicks(pids[name]);
    }
    s.heads = await heads(api);
    const pool = await poolMetrics(prometheus);
    s.pool = pool.ready;
    s.poolFinalized = pool.finalized;
    samples.push(s);
    console.log(`[${s.t.toFixed(0).padStart(4)} s] ${label.padEnd(7)} best #${s.heads.best} fin #${s.heads.finalized} ready ${s.pool ?? '-'} tx final ${s.poolFinalized ?? '-'} | RSS MiB `
      + NODES.map((n) => `${n} ${mib(s.rss[n])}`).join(', '));
    return s;
  };

  while (exit === null) {
    const text = echo().join('\n');
    if (loadStart === null && text.includes('submitting over')) {
      loadStart = Date.now();
      await sample('start');
    }
    if (loadStart !== null && loadEnd === null && /load: all \d+ queued/.test(text)) {
      loadEnd = Date.now();
      end = await sample('end');
    }
    if (loadStart !== null && (samples.length === 0 || Date.now() - samples[samples.length - 1].at >= every * 1000)) {
      const t = (Date.now() - loadStart) / 1000;
      const s = await sample(loadEnd ? 'drain' : warm ? 'load' : t >= warmup ? 'warm' : 'warm-up');
      if (!warm && !loadEnd && t >= warmup) warm = s;
    }
    await sleep(500);
  }
  echo();
  await api.disconnect();
  if (exit.code !== 0) {
    throw new Error(`the load generator failed (${JSON.stringify(exit)}):\n${fs.readFileSync(log, 'utf8').slice(-3000)}`);
  }
  // The generator's own report (its per-block table and figures).
  const report = fs.readFileSync(log, 'utf8').split('\n').filter((l) => !l.startsWith('load: ')).join('\n');
  console.log(report.trim());

  const [r] = JSON.parse(fs.readFileSync(json, 'utf8'));
  const reasons = r.not_finalized;
  const sum = (pred) => Object.entries(reasons).filter(([k]) => pred(k)).reduce((a, [, v]) => a + v, 0);
  const rejected = sum((k) => k.startsWith('rejected'));
  const accepted = r.submitted - rejected;
  // A pool verdict (dropped, invalid, usurped) is a reported reason; a transaction still
  // pending, in a block but never final, or whose watch closed was lost without one.
  const withVerdict = sum((k) => /dropped|invalid|usurped|finality timeout/.test(k));
  const lost = accepted - r.finalized - withVerdict;
  const finalizedPct = accepted ? (100 * r.finalized) / accepted : 0;

  const nodes = {};
  if (!end) end = samples[samples.length - 1];
  const first = samples[0];
  const base = warm ?? first;
  // The measured window, from the end of the warm-up to the end of the load, in two halves. A
  // node's RSS swings within a bounded cycle (ParityDB keeps what it committed in memory until
  // it has written a 64 MiB log out to its tables), so two instants would measure where in that
  // cycle they fell: the growth compared is that of the peak of the second half over the peak
  // of the first.
  const mid = base.t + (end.t - base.t) / 2;
  const firstHalf = samples.filter((s) => s.t >= base.t && s.t < mid);
  const secondHalf = samples.filter((s) => s.t >= mid && s.t <= end.t);
  const peak = (half, name) => (half.length ? Math.max(...half.map((s) => s.rss[name])) : null);
  for (const name of NODES) {
    const cpuSecs = (end.cpu[name] - first.cpu[name]) / 100;
    const [peak1, peak2] = [peak(firstHalf, name), peak(secondHalf, name)];
    nodes[name] = {
      rss_start_mib: base.rss[name] / 1024,
      rss_end_mib: end.rss[name] / 1024,
      rss_max_mib: Math.max(...samples.map((s) => s.rss[name])) / 1024,
      rss_first_half_peak_mib: peak1 === null ? null : peak1 / 1024,
      rss_second_half_peak_mib: peak2 === null ? null : peak2 / 1024,
      rss_peak_growth_pct: peak1 && peak2 ? (100 * (peak2 - peak1)) / peak1 : null,
      rss_growth_pct: (100 * (end.rss[name] - base.rss[name])) / base.rss[name],
      rss_anon_start_mib: base.anon[name] / 1024,
      rss_anon_end_mib: end.anon[name] / 1024,
      rss_file_start_mib: base.file[name] / 1024,
      rss_file_end_mib: end.file[name] / 1024,
      cpu_percent_of_one_core: (100 * cpuSecs) / ((end.at - first.at) / 1000),
    };
  }
  const summary = {
    date: new Date().toISOString(),
    workload, rate, seconds: assert ? seconds : null, count, in_flight_per_connection: inFlight, measurement_only: !assert, accounts, warmup_s: warmup,
    load_seconds: loadEnd && loadStart ? (loadEnd - loadStart) / 1000 : null,
    submitted: r.submitted, rejected, accepted, finalized: r.finalized, finalized_pct_of_accepted: finalizedPct,
    failed_in_dispatch: r.failed_in_dispatch, not_finalized: reasons, lost_without_reason: lost,
    overall_tps: r.overall_tps, sustained_tps: r.sustained_tps,
    inclusion_latency_s: r.inclusion_latency_s, finality_latency_s: r.finality_latency_s,
    max_best_finalized_gap: r.max_best_finalized_gap, system_health_ms: r.system_health_ms,
    rss_start_at_s: base.t, rss_end_at_s: end.t, max_rss_growth_pct: maxGrowth, min_finalized_pct: minFinalized, nodes,
    samples: samples.map((s) => ({
      t: s.t, label: s.label, best: s.heads.best, finalized: s.heads.finalized, pool: s.pool,
      rss_kib: s.rss, rss_anon_kib: s.anon, rss_file_kib: s.file,
    })),
  };
  if (process.env.SOAK_SUMMARY) fs.writeFileSync(process.env.SOAK_SUMMARY, JSON.stringify(summary, null, 2));

  const fmt = (v, d = 1) => (v === null || v === undefined ? '-' : v.toFixed(d));
  console.log('\nsoak summary');
  console.log(`  transactions      submitted ${r.submitted}, accepted ${accepted} (rejected ${rejected}), finalized ${r.finalized} = ${fmt(finalizedPct, 2)}% of accepted, `
    + `failed in dispatch ${r.failed_in_dispatch}, lost without a reported reason ${lost}`);
  if (Object.keys(reasons).length) console.log(`  not finalized     ${JSON.stringify(reasons)}`);
  console.log(`  throughput        whole run ${fmt(r.overall_tps)} tx/s, sustained ${fmt(r.sustained_tps)} tx/s; finality p50/p99 ${fmt(r.finality_latency_s.median)}/${fmt(r.finality_latency_s.p99)} s; `
    + `best-finalized gap <= ${r.max_best_finalized_gap} blocks; system_health max ${fmt(r.system_health_ms.max, 0)} ms`);
  console.log(`  RSS (MiB)         peak of ${base.t.toFixed(0)}-${mid.toFixed(0)} s of load -> peak of ${mid.toFixed(0)}-${end.t.toFixed(0)} s, growth; `
    + `at ${base.t.toFixed(0)} s -> at ${end.t.toFixed(0)} s (of which anonymous and file-mapped); CPU % of a core`);
  for (const name of NODES) {
    const n = nodes[name];
    console.log(`    ${name.padEnd(8)} ${fmt(n.rss_first_half_peak_mib).padStart(7)} -> ${fmt(n.rss_second_half_peak_mib).padStart(7)}  ${fmt(n.rss_peak_growth_pct).padStart(6)}%  `
      + `| ${fmt(n.rss_start_mib)} -> ${fmt(n.rss_end_mib)} (anon ${fmt(n.rss_anon_start_mib, 0)} -> ${fmt(n.rss_anon_end_mib, 0)}, file ${fmt(n.rss_file_start_mib, 0)} -> ${fmt(n.rss_file_end_mib, 0)})  cpu ${fmt(n.cpu_percent_of_one_core, 0)}%`);
  }

  if (!assert) {
    console.log(`soak: capacity ${fmt(r.sustained_tps)} tx/s sustained (whole run ${fmt(r.overall_tps)}); 80% of it: ${fmt(0.8 * (r.sustained_tps ?? 0), 0)} tx/s`);
    return 1;
  }
  const failures = [];
  if (finalizedPct < minFinalized) failures.push(`${fmt(finalizedPct, 2)}% of accepted transactions finalized, below ${minFinalized}%`);
  if (maxGrowth === null) {
    console.log('soak: RSS growth reported, not asserted (SOAK_MAX_RSS_GROWTH_PCT=none)');
  } else {
    if (!warm) failures.push(`the load ended before the ${warmup} s warm-up: no RSS baseline`);
    else if (!firstHalf.length || !secondHalf.length) failures.push('too few RSS samples after the warm-up to compare two halves');
    for (const name of NODES) {
      const growth = nodes[name].rss_peak_growth_pct;
      if (growth !== null && growth > maxGrowth) failures.push(`${name}'s peak RSS grew ${fmt(growth)}% from the first half of the measured load to the second, above ${maxGrowth}%`);
    }
  }
  if (failures.length) throw new Error(`soak failed: ${failures.join('; ')}`);
  console.log('soak: passed');
  return 1;
}

module.exports = { run };
