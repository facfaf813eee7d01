#!/usr/bin/env bash
# Soak test: a sustained load on the four-validator network of zombienet/network.toml (alice, bob,
# charlie, dave and the full node, native provider, the built guilian-node). The load generator
# (`guilian-node load`) submits transactions to alice at a fixed rate while every node's resident
# memory (VmRSS) is sampled every 10 s (zombienet/soak.zndsl, zombienet/soak.js). Reports the
# transactions submitted, accepted, finalized and lost without a reported reason, and per node
# the RSS after the warm-up; fails unless at least 99% of the accepted transactions were
# finalized and no node's peak RSS in the second half of the measured load is more than 10%
# above its peak in the first half. (Peaks, not two instants: RSS swings within a cycle of
# ParityDB's, which keeps what it committed in memory until its 64 MiB log is written out.)
#
# What the memory bound measures: growth at steady state, that is leaks. A node's memory under
# load first grows for three bounded reasons, and the warm-up lets all three fill:
#   - the trie cache (--trie-cache-size, 1 GiB by default) fills with the trie nodes each block
#     writes; the soak's nodes get 64 MiB, full within minutes;
#   - the state pruning window (--state-pruning, 256 blocks by default, 25.6 minutes): until it
#     is full, every block's replaced trie nodes stay in the database (its files are mapped, so
#     they count in RSS) and its list of them in an in-memory cache of up to 256 blocks; the
#     soak's nodes keep 64 blocks (6.4 minutes);
#   - the default workload, `asset` (CNY transfers between the generator's accounts), does not
#     grow the state. (`transfer` creates an account per transaction: the state, the database
#     and so the RSS grow with it, as they should.)
# The load lasts the warm-up (8 minutes) plus the measured minutes.
#
#   scripts/soak.sh                 8 minutes of warm-up, then 10 measured minutes of load at the
#                                   default rate (about 21 min in all)
#   scripts/soak.sh --quick         1 minute of load (under 4 min in all), for scripts/test.sh: checks
#                                   the harness and finality; RSS is reported, not asserted (one
#                                   minute is too short for a memory baseline)
#   scripts/soak.sh --minutes N --rate R [--workload asset|transfer] [--accounts A]
#                   [--warmup-minutes W]
#   scripts/soak.sh --measure-max [--workload W] [--count N] [--rate R] [--accounts A]
#                                   the network's capacity: N transactions (default 20,000) from
#                                   A accounts (default 8,192) offered at R a second (default
#                                   1,000, more than it takes: the generator's 8,000 watched
#                                   transactions in flight hold the rest back); prints the
#                                   sustained inclusion rate, asserts nothing
#
# The nodes run with the soak's trie cache and pruning window in every mode. DEFAULT_RATE is 80%
# of the capacity `scripts/soak.sh --measure-max --count 30000` measured for the asset workload
# on this network on the reference machine (2 cores, 24 GiB, nothing else running) on
# 2026-11-28: 316.5 asset transfers a second sustained, all 30,000 finalized (balance transfers to
# new accounts: 229.8 a second on 2026-11-27). Summaries and logs go to bench-results/soak/.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

DEFAULT_RATE=253
# The nodes' trie cache and state pruning window for the soak (see above).
SOAK_TRIE_CACHE_MIB=64
SOAK_STATE_PRUNING_BLOCKS=64

minutes=10
warmup_minutes=8
rate=$DEFAULT_RATE
workload=asset
# A multiple of the generator's 8 connections: each account's transactions then go over one
# connection, in nonce order (a node's pool keeps at most 819 out-of-order ones by default); at
# the default rate an account signs one transaction every 8 s, longer than inclusion takes.
accounts=2048
count=20000
rate_given=0
accounts_given=0
quick=0
measure_max=0
while (($#)); do
	case "$1" in
		--quick) quick=1 ;;
		--minutes) minutes="${2:?--minutes needs a value}"; shift ;;
		--warmup-minutes) warmup_minutes="${2:?--warmup-minutes needs a value}"; shift ;;
		--rate) rate="${2:?--rate needs a value}"; rate_given=1; shift ;;
		--workload) workload="${2:?--workload needs a value}"; shift ;;
		--accounts) accounts="${2:?--accounts needs a value}"; accounts_given=1; shift ;;
		--count) count="${2:?--count needs a value}"; shift ;;
		--measure-max) measure_max=1 ;;
		-h | --help) sed -n '2,43p' "$0"; exit 0 ;;
		*) die "unknown argument $1 (see scripts/soak.sh --help)" ;;
	esac
	shift
done
[[ "$minutes" =~ ^[0-9]+(\.[0-9]+)?$ ]] || die "--minutes must be a number"
[[ "$warmup_minutes" =~ ^[0-9]+(\.[0-9]+)?$ ]] || die "--warmup-minutes must be a number"
[[ "$workload" =~ ^(asset|transfer)$ ]] || die "--workload must be asset or transfer"
[[ "$rate" =~ ^[0-9]+$ ]] || die "--rate must be a whole number of transactions a second"

[ -x "$GUILIAN_NODE" ] || die "no node at $GUILIAN_NODE: run scripts/test.sh or build it first"
[ -x "$GUILIAN_ROOT/zombienet/node_modules/.bin/zombienet" ] || die "zombienet is not installed: run scripts/setup.sh"

results="$GUILIAN_ROOT/bench-results/soak"
mkdir -p "$results"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
# soak.js reads its settings from the environment: none may come from the caller's.
unset SOAK_COUNT SOAK_ASSERT SOAK_SECONDS SOAK_MAX_RSS_GROWTH_PCT SOAK_IN_FLIGHT
if ((measure_max)); then
	name="max-$stamp"
	((rate_given)) || rate=1000
	((accounts_given)) || accounts=8192
	# The generator's 8 x 1,000 watched transactions in flight allow over 400 a second at the
	# finality latency of about 3 blocks. With one of them per account, nonces never arrive out
	# of order (a pool keeps 819 such at most, and drops the rest).
	export SOAK_RATE="$rate" SOAK_COUNT="$count" SOAK_WARMUP_S=0 SOAK_DRAIN_S=180 SOAK_ASSERT=0
	what="capacity: $count $workload transactions offered at $rate/s"
	limit=840
elif ((quick)); then
	name="quick-$stamp"
	export SOAK_RATE="$rate" SOAK_SECONDS=60 SOAK_WARMUP_S=20 SOAK_DRAIN_S=60 SOAK_MAX_RSS_GROWTH_PCT=none
	what="quick: 60 s of $workload at $rate/s (RSS from 20 s on, reported only)"
	limit=300
else
	name="soak-$stamp"
	warmup=$(python3 -c "print(round($warmup_minutes * 60))")
	seconds=$(python3 -c "print(round($warmup_minutes * 60 + $minutes * 60))")
	export SOAK_RATE="$rate" SOAK_SECONDS="$seconds" SOAK_WARMUP_S="$warmup" SOAK_DRAIN_S=120
	what="$warmup_minutes min of warm-up and $minutes measured min of $workload at $rate/s"
	limit=$((seconds + 480))
fi
# The soak's node settings (zombienet/network.toml reads them); in every mode, so that the
# capacity is measured on the nodes the soak runs.
export GUILIAN_TRIE_CACHE_BYTES=$((SOAK_TRIE_CACHE_MIB * 1024 * 1024)) GUILIAN_STATE_PRUNING="$SOAK_STATE_PRUNING_BLOCKS"
export SOAK_WORKLOAD="$workload" SOAK_ACCOUNTS="$accounts" SOAK_SAMPLE_S=10
export SOAK_MIN_FINALIZED_PCT=99 SOAK_MAX_RSS_GROWTH_PCT="${SOAK_MAX_RSS_GROWTH_PCT:-10}"
export SOAK_SUMMARY="$results/$name.json"
log="$results/$name.log"

stage "soak on zombienet/network.toml (4 validators + full node, $SOAK_TRIE_CACHE_MIB MiB trie cache, $SOAK_STATE_PRUNING_BLOCKS-block pruning window), $what; $(nproc) cores"
echo "zombienet output: $log; summary: $SOAK_SUMMARY"
status=0
# Zombienet's own lines are many; the test's progress and results are the js-script's and the
# assertions' lines.
: >"$log"
timeout "$limit" "$GUILIAN_ROOT/scripts/zombienet.sh" soak.zndsl >>"$log" 2>&1 &
zombienet_pid=$!
tail -n +1 -f "$log" --pid "$zombienet_pid" 2>/dev/null |
	grep --line-buffered -E '^(soak|\[ *[0-9]+ s\]|  load: |  |Guilian load|Error|.*(✅|❌)|Result:)' |
	grep --line-buffered -v -E 'REGISTRY|API/INIT|fetching metrics|Direct Link|Prometheus Link|Log Cmd' || true
wait "$zombienet_pid" || status=$?

stage "soak result"
if [ -f "$SOAK_SUMMARY" ]; then
	python3 - "$SOAK_SUMMARY" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
f = lambda v, d=1: "-" if v is None else f"{v:.{d}f}"
print(f"{'capacity measurement, ' if s['measurement_only'] else ''}rate offered {s['rate']}/s, {s['workload']}, {s['count']} transactions, load {f(s['load_seconds'], 0)} s")
print(f"submitted {s['submitted']}, accepted {s['accepted']}, finalized {s['finalized']} ({f(s['finalized_pct_of_accepted'], 2)}% of accepted), "
      f"lost without a reported reason {s['lost_without_reason']}, failed in dispatch {s['failed_in_dispatch']}")
print(f"throughput sustained {f(s['sustained_tps'])} tx/s (whole run {f(s['overall_tps'])}), finality p50/p99 "
      f"{f(s['finality_latency_s']['median'])}/{f(s['finality_latency_s']['p99'])} s")
print(f"RSS MiB, at {f(s['rss_start_at_s'], 0)} s -> {f(s['rss_end_at_s'], 0)} s of load:")
for name, n in s["nodes"].items():
    print(f"  {name:<8} {f(n['rss_start_mib']):>7} -> {f(n['rss_end_mib']):>7}  {f(n['rss_growth_pct']):>6}%   "
          f"(anonymous {f(n['rss_anon_start_mib'], 0)} -> {f(n['rss_anon_end_mib'], 0)}, file-mapped {f(n['rss_file_start_mib'], 0)} -> {f(n['rss_file_end_mib'], 0)})   "
          f"CPU {f(n['cpu_percent_of_one_core'], 0)}% of a core")
limit = s.get("max_rss_growth_pct")
print(f"bounds: >= {s['min_finalized_pct']}% of accepted finalized" + (f"; RSS growth <= {limit}%" if limit is not None else "; RSS growth not asserted") if not s['measurement_only'] else "measurement only: nothing asserted")
PY
fi
if ((status != 0)); then
	((status == 124)) && die "the soak run did not end within $limit s (log: $log)"
	die "the soak test failed (exit $status; log: $log)"
fi
echo "soak: passed ($log)"
