#!/usr/bin/env bash
# Sets up, builds and starts a Guilian development chain on ws://127.0.0.1:9944.
#
#   scripts/run-dev.sh            keep the chain's data in ./.dev-chain between runs
#   scripts/run-dev.sh --fresh    start again from genesis
#
# Any other argument goes to guilian-node (e.g. --rpc-port 9955).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

fresh=0
node_args=()
for arg in "$@"; do
	case "$arg" in
	--fresh) fresh=1 ;;
	*) node_args+=("$arg") ;;
	esac
done

stage "checking prerequisites"
"$GUILIAN_ROOT/scripts/setup.sh"

build_node

data_dir="$GUILIAN_ROOT/.dev-chain"
if ((fresh)); then
	stage "removing the previous dev chain in $data_dir"
	rm -rf "$data_dir"
fi

rpc_port=9944
port_given=0
for ((i = 0; i < ${#node_args[@]}; i++)); do
	if [ "${node_args[$i]}" = "--rpc-port" ]; then
		rpc_port="${node_args[$((i + 1))]:-9944}"
		port_given=1
	fi
done
((port_given)) || node_args+=(--rpc-port "$rpc_port")

stage "starting the Guilian dev chain (data in $data_dir; Ctrl-C stops it)"
cat <<MSG
  RPC:              ws://127.0.0.1:$rpc_port
  polkadot.js apps: https://polkadot.js.org/apps/?rpc=ws%3A%2F%2F127.0.0.1%3A$rpc_port#/explorer
  Accounts:         Alice (validator, sudo), Ferdie (custody bank, CNY issuer); see README.md
MSG
exec "$GUILIAN_NODE" --dev --base-path "$data_dir" --rpc-cors all "${node_args[@]}"
