#!/usr/bin/env bash
# Measures Guilian's throughput on this machine: starts a fresh dev node, and runs the load
# generator (`guilian-node load`) against it for each workload: balance transfers to new
# accounts, CNY asset transfers, prepaid card uses, complaint filings, collectible purchases.
# Prints one table per workload and a summary, and writes the JSON reports to bench-results/.
#
#   scripts/bench.sh              the full run (about 15 min): the figures of the README. Each
#                                 workload as fast as the node accepts it (capacity), then
#                                 transfers at 1,500/s and card uses at 750/s for a minute
#                                 (latency and finality at the targets' rates)
#   scripts/bench.sh --quick      a small run (under 3 min) that checks the harness works;
#                                 scripts/test.sh runs it. Its figures mean nothing.
#   scripts/bench.sh --workload transfer,card-use --count 30000 --accounts 2000
#
# Each workload of the full run gets its own fresh node, so that one workload's state and memory
# do not weigh on the next. The quick run uses one node for all of them.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

quick=0
workloads="transfer,asset,card-use,complaint,collectible"
count=""
accounts=""
extra=()
while (($#)); do
	case "$1" in
		--quick) quick=1 ;;
		--workload) workloads="${2:?--workload needs a value}"; shift ;;
		--count) count="${2:?--count needs a value}"; shift ;;
		--accounts) accounts="${2:?--accounts needs a value}"; shift ;;
		--rate) extra+=(--rate "${2:?--rate needs a value}"); shift ;;
		-h | --help) sed -n '2,13p' "$0"; exit 0 ;;
		*) die "unknown argument $1 (see scripts/bench.sh --help)" ;;
	esac
	shift
done
if ((quick)); then
	count="${count:-300}"
	accounts="${accounts:-100}"
	timeout=60
else
	count="${count:-40000}"
	accounts="${accounts:-2500}"
	timeout=180
fi

"$GUILIAN_ROOT/scripts/setup.sh"
build_node

# The quick run's report stays apart from the full run's, which the README quotes.
results="$GUILIAN_ROOT/bench-results"
((quick)) && results="$GUILIAN_ROOT/bench-results/quick"
mkdir -p "$results"
trap stop_dev_node EXIT

# run_load NAME WORKLOAD(S) COUNT [LOAD OPTIONS...]: a fresh dev node, one load run.
run_load() {
	local name="$1" workload="$2" n="$3"
	shift 3
	rm -f "$results/$name.json"
	stage "load: $workload ($n transactions per workload, $accounts accounts${*:+, $*})"
	start_dev_node "$GUILIAN_NODE" "$results/$name-node.log" --tmp "${LOAD_NODE_ARGS[@]}"
	"$GUILIAN_NODE" load --url "ws://127.0.0.1:$dev_rpc_port" --workload "$workload" \
		--count "$n" --accounts "$accounts" --timeout "$timeout" \
		--node-pid "$dev_node_pid" --json "$results/$name.json" "$@" ||
		die "the load generator failed on $workload (node log: $results/$name-node.log)"
	stop_dev_node
}

# Earlier reports of the workloads about to run go; others stay for the summary.
rm -f "$results/summary.json" "$results/quick.json"
if ((quick)); then
	run_load quick "$workloads" "$count" "${extra[@]}"
else
	IFS=',' read -r -a list <<<"$workloads"
	for workload in "${list[@]}"; do
		run_load "$workload" "$workload" "$count" "${extra[@]}"
	done
	# The targets' rates, for a minute each: latency, finality and the node under that load.
	if ((${#extra[@]} == 0)); then
		[[ ",$workloads," == *",transfer,"* ]] && run_load transfer-at-1500 transfer 90000 --rate 1500
		[[ ",$workloads," == *",card-use,"* ]] && run_load card-use-at-750 card-use 45000 --rate 750
	fi
fi

stage "summary ($(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'))"
python3 - "$results" <<'PY'
import glob, json, sys
rows = []
for path in sorted(glob.glob(sys.argv[1] + "/*.json")):
    if path.endswith("summary.json"):
        continue
    rows.extend(json.load(open(path)))
fmt = lambda v, d=2: "-" if v is None else f"{v:.{d}f}"
print(f"{'workload':<34} {'rate':>5} {'submitted':>9} {'finalized':>9} {'failed':>6} {'lost':>5} {'tx/s all':>8} {'sustained':>9} {'final p50':>9} {'final p99':>9} {'gap':>4} {'health max':>10} {'cpu %':>6} {'rss MiB':>11}")
for r in rows:
    lost = sum(r["not_finalized"].values())
    rss = r["node_rss_mib"]
    rate = r["rate_limit"] or "max"
    print(f"{r['description']:<34} {rate:>5} {r['submitted']:>9} {r['finalized']:>9} {r['failed_in_dispatch']:>6} {lost:>5} "
          f"{fmt(r['overall_tps'], 0):>8} {fmt(r['sustained_tps'], 0):>9} {fmt(r['finality_latency_s']['median']):>9} {fmt(r['finality_latency_s']['p99']):>9} "
          f"{r['max_best_finalized_gap']:>4} {fmt(r['system_health_ms']['max'], 0):>10} {fmt(r['node_cpu_percent_of_one_core'], 0):>6} "
          f"{'-' if rss is None else str(rss['start']) + '->' + str(rss['max']):>11}")
json.dump(rows, open(sys.argv[1] + "/summary.json", "w"), indent=2)
print(f"\nJSON: {sys.argv[1]}/summary.json")
PY
