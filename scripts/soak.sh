#!/usr/bin/env bash
# Soak test: a sustained load on the four-validator network of zombienet/network.toml (alice, bob,
# charlie, dave and the full node, native provider, the built guilian-node). The load generator
# (`guilian-node load`) submits balance transfers to alice at a fixed rate while every node's
# resident memory (VmRSS) is sampled every 10 s (zombienet/soak.zndsl, zombienet/soak.js).
# Reports the transactions submitted, accepted, finalized and lost without a reported reason,
# and per node the RSS after the warm-up and at the end of the load; fails unless at least 99%
# of the accepted transactions were finalized and no node's RSS grew more than 10%.
#
#   scripts/soak.sh                 10 minutes of load at the default rate (about 12 min in all)
#   scripts/soak.sh --quick         1 minute of load (under 4 min in all), for scripts/test.sh: checks
#                                   the harness and finality; RSS is reported, not asserted (one
#                                   minute is too short for a memory baseline)
#   scripts/soak.sh --minutes N --rate R [--workload transfer|asset] [--accounts A]
#   scripts/soak.sh --measure-max [--count N] [--rate R] [--accounts A]
#                                   the network's capacity: N transactions (default 20,000) from
#                                   A accounts (default 8,192) offered at R a second (default
#                                   1,000, more than it takes: the generator's 8,000 watched
#                                   transactions in flight hold the rest back); prints the
#                                   sustained inclusion rate, asserts nothing
#
# DEFAULT_RATE is 80% of the capacity `scripts/soak.sh --measure-max --count 30000` measured
# for this network on the reference machine (2 cores, 24 GiB, nothing else running) on
# 2026-11-27: 229.8 balance transfers a second sustained, all 30,000 finalized. Summaries and
# logs go to bench-results/soak/.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

DEFAULT_RATE=184

minutes=10
rate=$DEFAULT_RATE
workload=transfer
# A multiple of the generator's 8 connections: each account's transactions then go over one
# connection, in nonce order (a node's pool keeps at most 819 out-of-order ones by default); at
# the default rate an account signs one transaction every 11 s, longer than inclusion takes.
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
		--rate) rate="${2:?--rate needs a value}"; rate_given=1; shift ;;
		--workload) workload="${2:?--workload needs a value}"; shift ;;
		--accounts) accounts="${2:?--accounts needs a value}"; accounts_given=1; shift ;;
		--count) count="${2:?--count needs a value}"; shift ;;
		--measure-max) measure_max=1 ;;
		-h | --help) sed -n '2,25p' "$0"; exit 0 ;;
		*) die "unknown argument $1 (see scripts/soak.sh --help)" ;;
	esac
	shift
done
[[ "$minutes" =~ ^[0-9]+(\.[0-9]+)?$ ]] || die "--minutes must be a number"
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
	seconds=$(python3 -c "print(round($minutes * 60))")
	export SOAK_RATE="$rate" SOAK_SECONDS="$seconds" SOAK_WARMUP_S=60 SOAK_DRAIN_S=120
	what="$minutes min of $workload at $rate/s (RSS baseline after 60 s)"
	limit=$((seconds + 360))
fi
export SOAK_WORKLOAD="$workload" SOAK_ACCOUNTS="$accounts" SOAK_SAMPLE_S=10
export SOAK_MIN_FINALIZED_PCT=99 SOAK_MAX_RSS_GROWTH_PCT="${SOAK_MAX_RSS_GROWTH_PCT:-10}"
export SOAK_SUMMARY="$results/$name.json"
log="$results/$name.log"

stage "soak on zombienet/network.toml (4 validators + full node), $what; $(nproc) cores"
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
