#!/usr/bin/env bash
# Runs every test of Guilian: Rust unit and runtime tests, the node build, the end-to-end tests
# against a dev node, the fuzzer's bounded run and the try-runtime upgrade test (fuzz.sh --quick),
# JSON-RPC bad input and exposure (rpc-safety.sh), the load benchmark's harness (bench.sh --quick),
# and the zombienet tests of a four-supernode network (smoke, the council changing the validator
# set, a sub-chain anchoring through anchor-relay, a runtime upgrade through the council, faults
# under load, a one-minute sustained load).
# Prints a summary.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

results=()
record() { results+=("$(printf '%-34s %s (%ss)' "$1" "$2" "$3")"); }
summary() {
	printf '\n\033[1mSummary\033[0m\n'
	printf '  %s\n' "${results[@]}"
}
trap summary EXIT

run_stage() {
	local name="$1"
	shift
	stage "$name"
	local started=$SECONDS
	if "$@"; then
		record "$name" "ok" $((SECONDS - started))
	else
		record "$name" "FAILED" $((SECONDS - started))
		exit 1
	fi
}

run_stage "setup" "$GUILIAN_ROOT/scripts/setup.sh"
# Build first: the tests below share the release artifacts (and the wasm runtime) with it.
run_stage "build guilian-node (release)" build_node
# The fuzzer and the next-version runtime build with their own features, in their own stages.
# One test at a time: the node's full-block tests time block imports against the weights, and a
# test running beside them on the other core made one read 1.075 of its budget (0.90 alone).
run_stage "cargo test (workspace, release)" \
	bash -c "cd '$GUILIAN_ROOT' && cargo test --release --locked --workspace --exclude guilian-fuzz --exclude guilian-runtime-next -- --test-threads=1"
# Each pallet's benchmarks also run as tests against its mock runtime.
run_stage "benchmark tests (runtime-benchmarks)" \
	bash -c "cd '$GUILIAN_ROOT' && cargo test --release --locked -p pallet-credit -p pallet-prepaid -p pallet-collectibles -p pallet-disputes -p pallet-supernodes --features pallet-credit/runtime-benchmarks,pallet-prepaid/runtime-benchmarks,pallet-collectibles/runtime-benchmarks,pallet-disputes/runtime-benchmarks,pallet-supernodes/runtime-benchmarks"
run_stage "fuzzing the runtime, try-runtime upgrade test (fuzz.sh --quick)" "$GUILIAN_ROOT/scripts/fuzz.sh" --quick
run_stage "e2e (@polkadot/api, --dev node)" \
	bash -c "cd '$GUILIAN_ROOT/e2e' && GUILIAN_NODE='$GUILIAN_NODE' node run.js"
run_stage "JSON-RPC bad input and exposure (rpc-safety.sh)" "$GUILIAN_ROOT/scripts/rpc-safety.sh"
# The load benchmark's harness (not its figures): every workload, a few hundred transactions.
run_stage "load benchmark harness (bench.sh --quick)" "$GUILIAN_ROOT/scripts/bench.sh" --quick
run_stage "zombienet smoke (4 validators + 1)" "$GUILIAN_ROOT/scripts/zombienet.sh" smoke.zndsl
run_stage "zombienet: council changes the validator set (4 + Eve)" "$GUILIAN_ROOT/scripts/zombienet.sh" validators.zndsl
run_stage "zombienet: a sub-chain anchors through anchor-relay" "$GUILIAN_ROOT/scripts/zombienet.sh" anchoring.zndsl
run_stage "zombienet: a runtime upgrade through the council (upgrade.sh)" "$GUILIAN_ROOT/scripts/upgrade.sh"
run_stage "zombienet: faults under load (SIGKILL restart, 2 of 4 stopped, full node restart)" "$GUILIAN_ROOT/scripts/zombienet.sh" faults.zndsl
run_stage "zombienet: sustained load, one minute (soak.sh --quick)" "$GUILIAN_ROOT/scripts/soak.sh" --quick
