#!/usr/bin/env bash
# Runs a zombienet test of zombienet/ (default: smoke.zndsl) with the native provider and the
# locally built guilian-node. Assumes scripts/setup.sh ran and the node is built.
#
#   scripts/zombienet.sh [TEST.zndsl]
set -euo pipefail
source "$(dirname "$0")/lib.sh"

test_file="${1:-smoke.zndsl}"
[ -x "$GUILIAN_NODE" ] || die "no node at $GUILIAN_NODE: run scripts/test.sh or build it first"
zombienet="$GUILIAN_ROOT/zombienet/node_modules/.bin/zombienet"
[ -x "$zombienet" ] || die "zombienet is not installed: run scripts/setup.sh"

cd "$GUILIAN_ROOT/zombienet"
[ -f "$test_file" ] || die "no zombienet test $test_file in zombienet/"
export GUILIAN_NODE
# Zombienet keeps each node's data and log under a temporary folder it prints at start.
exec "$zombienet" --provider native --logType text --force test "$test_file"
