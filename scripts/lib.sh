# Shared helpers for the Guilian scripts: sourced, never run.
# Every script builds into one persistent target dir so that builds, tests and CI reuse each other.

GUILIAN_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/guilian-target}"
# A SKIP_WASM_BUILD left in the environment (handy for `cargo test` of one pallet) would build a
# node without its runtime: the scripts always build the wasm.
unset SKIP_WASM_BUILD
export PATH="$HOME/.cargo/bin:$PATH"
GUILIAN_NODE="$CARGO_TARGET_DIR/release/guilian-node"

_stage_started=$(date +%s)
# Prints a stage banner with the time elapsed since the script started.
stage() {
	local now elapsed
	now=$(date +%s)
	elapsed=$((now - _stage_started))
	printf '\n\033[1;34m==> [%02d:%02d] %s\033[0m\n' $((elapsed / 60)) $((elapsed % 60)) "$*"
}

die() {
	printf '\033[1;31merror:\033[0m %s\n' "$*" >&2
	exit 1
}

# Builds the release node (and with it the wasm runtime) into the shared target dir.
build_node() {
	stage "building guilian-node (release) into $CARGO_TARGET_DIR"
	(cd "$GUILIAN_ROOT" && cargo build --release --locked -p guilian-node) || die "the node did not build (see the cargo output above)"
}

# Finds a free TCP port on 127.0.0.1.
free_port() {
	python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}
