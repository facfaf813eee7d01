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

# Starts a dev node in the background: start_dev_node BINARY LOG [NODE ARGS...]. Sets
# `dev_node_pid` and `dev_rpc_port` and returns once its RPC answers. Stop it with stop_dev_node.
start_dev_node() {
	local binary="$1" log="$2"
	shift 2
	dev_rpc_port=$(free_port)
	"$binary" --dev --rpc-port "$dev_rpc_port" "$@" >"$log" 2>&1 &
	dev_node_pid=$!
	for _ in $(seq 1 60); do
		if curl -sf -H 'Content-Type: application/json' \
			-d '{"id":1,"jsonrpc":"2.0","method":"chain_getHeader","params":[]}' \
			"http://127.0.0.1:$dev_rpc_port" >/dev/null 2>&1; then
			return 0
		fi
		kill -0 "$dev_node_pid" 2>/dev/null || die "the dev node stopped at start-up (see $log)"
		sleep 1
	done
	die "the dev node did not answer on port $dev_rpc_port within 60 s (see $log)"
}

# Stops the node start_dev_node started, if it still runs.
stop_dev_node() {
	if [ -n "${dev_node_pid:-}" ] && kill -0 "$dev_node_pid" 2>/dev/null; then
		kill "$dev_node_pid" 2>/dev/null || true
		wait "$dev_node_pid" 2>/dev/null || true
	fi
	dev_node_pid=""
}

# Node options for load tests: a transaction pool and RPC limits with room for tens of
# thousands of watched transactions.
LOAD_NODE_ARGS=(--pool-limit 200000 --pool-kbytes 400000 --rpc-max-connections 200
	--rpc-max-subscriptions-per-connection 16384 --rpc-message-buffer-capacity-per-connection 16384
	--rpc-max-response-size 256)
