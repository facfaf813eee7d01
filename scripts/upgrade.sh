#!/usr/bin/env bash
# Rehearses a runtime upgrade through the council (no sudo) on a running four-supernode zombienet
# network: builds runtime/next (this runtime with spec_version + 1, wasm only) and runs
# zombienet/upgrade.zndsl. Assumes scripts/setup.sh ran and the node is built.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

stage "building the next runtime (runtime/next: spec_version + 1, wasm only)"
(cd "$GUILIAN_ROOT" && cargo build --release --locked -p guilian-runtime-next) || die "runtime/next did not build"
GUILIAN_NEXT_RUNTIME="$CARGO_TARGET_DIR/release/wbuild/guilian-runtime-next/guilian_runtime_next.compact.compressed.wasm"
[ -f "$GUILIAN_NEXT_RUNTIME" ] || die "no wasm at $GUILIAN_NEXT_RUNTIME"
export GUILIAN_NEXT_RUNTIME
stage "zombienet: the council upgrades the runtime"
"$GUILIAN_ROOT/scripts/zombienet.sh" upgrade.zndsl
