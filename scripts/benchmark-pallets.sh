#!/usr/bin/env bash
# Generates the weights of Guilian's pallets on this machine: builds guilian-node with the
# `runtime-benchmarks` feature and runs `guilian-node benchmark pallet` for each pallet against
# the runtime wasm, writing `pallets/<name>/src/weights.rs`. The machine and the exact command are
# recorded in each file's header. Never edit a weights file by hand: run this again.
#
#   scripts/benchmark-pallets.sh [PALLET...]     default: every pallet of ours
#
# Steps and repeats: BENCH_STEPS (default 50) and BENCH_REPEAT (default 20).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

# pallet name (as the runtime lists it)   crate directory
declare -A PALLET_DIR=(
	[pallet_credit]=pallets/credit
	[pallet_prepaid]=pallets/prepaid
	[pallet_collectibles]=pallets/collectibles
	[pallet_disputes]=pallets/disputes
	[pallet_supernodes]=pallets/supernodes
)

pallets=("$@")
((${#pallets[@]})) || pallets=("${!PALLET_DIR[@]}")
for pallet in "${pallets[@]}"; do
	[ -n "${PALLET_DIR[$pallet]:-}" ] || die "unknown pallet $pallet (known: ${!PALLET_DIR[*]})"
done

"$GUILIAN_ROOT/scripts/setup.sh"
stage "building guilian-node with runtime-benchmarks (a separate build from the normal node)"
(cd "$GUILIAN_ROOT" && cargo build --release --locked -p guilian-node --features runtime-benchmarks) \
	|| die "the benchmark build failed"
# Keep the benchmarking node apart: the normal build writes the same path.
bench_node="$CARGO_TARGET_DIR/release/guilian-node-benchmarks"
cp "$GUILIAN_NODE" "$bench_node"
wasm="$CARGO_TARGET_DIR/release/wbuild/guilian-runtime/guilian_runtime.compact.compressed.wasm"
cp "$wasm" "$CARGO_TARGET_DIR/release/guilian_runtime_benchmarks.wasm"
wasm="$CARGO_TARGET_DIR/release/guilian_runtime_benchmarks.wasm"

steps="${BENCH_STEPS:-50}"
repeat="${BENCH_REPEAT:-20}"
for pallet in "${pallets[@]}"; do
	output="$GUILIAN_ROOT/${PALLET_DIR[$pallet]}/src/weights.rs"
	stage "benchmarking $pallet (steps $steps, repeat $repeat) -> ${output#"$GUILIAN_ROOT/"}"
	"$bench_node" benchmark pallet \
		--runtime "$wasm" \
		--genesis-builder=runtime \
		--pallet "$pallet" \
		--extrinsic '*' \
		--steps "$steps" \
		--repeat "$repeat" \
		--wasm-execution=compiled \
		--heap-pages=4096 \
		--template "$GUILIAN_ROOT/scripts/weight-template.hbs" \
		--output "$output" \
		|| die "benchmarking $pallet failed"
done
stage "done: review the weights with git diff, then rebuild the normal node"
