#!/usr/bin/env bash
# Fuzzes the real runtime (fuzz/, guilian-fuzz): seeded random calls of every custom pallet by
# every role, blocks and time moving on, every pallet's try_state after each block. Also runs the
# fuzzer's regression tests and the runtime's try-runtime tests (Executive::try_runtime_upgrade on
# the demo state).
#
#   scripts/fuzz.sh --quick              # tests + seed 1, 300,000 calls (about a minute; scripts/test.sh)
#   scripts/fuzz.sh [--seed N] [--calls N]   # default: seed 1, 1,000,000 calls
#
# Everything here is built with the `try-runtime` feature and without the wasm runtime
# (SKIP_WASM_BUILD): separate artifacts from the node's, so neither rebuilds the other.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

seed=1
calls=1000000
quick=0
while [ $# -gt 0 ]; do
	case "$1" in
	--quick) quick=1; calls=300000 ;;
	--seed) seed="${2:?--seed needs a number}"; shift ;;
	--calls) calls="${2:?--calls needs a number}"; shift ;;
	*) die "unknown argument $1 (usage: scripts/fuzz.sh [--quick] [--seed N] [--calls N])" ;;
	esac
	shift
done

features=guilian-runtime/try-runtime,guilian-fuzz/try-runtime
cd "$GUILIAN_ROOT"
stage "building guilian-fuzz and the runtime's tests (feature try-runtime, no wasm)"
SKIP_WASM_BUILD=1 cargo build --release --locked -p guilian-fuzz --features "$features" \
	|| die "guilian-fuzz did not build"
if [ "$quick" = 1 ]; then
	stage "regression tests and try_runtime_upgrade on the demo state"
	SKIP_WASM_BUILD=1 cargo test --release --locked -p guilian-fuzz -p guilian-runtime --features "$features" \
		|| die "the fuzzer's regression tests or the runtime's try-runtime tests failed"
fi
stage "fuzzing: seed $seed, $calls calls"
"$CARGO_TARGET_DIR/release/guilian-fuzz" --seed "$seed" --calls "$calls" \
	|| die "the fuzzer found a broken invariant or a panic (see FINDING above); replay it with: scripts/fuzz.sh --seed $seed --calls $calls"
