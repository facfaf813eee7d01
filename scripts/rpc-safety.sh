#!/usr/bin/env bash
# RPC safety checks (issue 9). Starts its own nodes (temporary base paths, free ports), stops them on
# exit, and exits non-zero if any check fails:
#
#  1. A node whose RPC is reachable with the default method policy (`--dev --rpc-external`:
#     `--rpc-methods auto` on 0.0.0.0 means Safe), and one with an explicit `--rpc-methods safe`
#     (on loopback, where `auto` would allow unsafe methods): malformed JSON, garbage batches,
#     invalid hex, a non-extrinsic, an oversized request, unknown and unsafe methods each get a
#     JSON-RPC error with the expected code and message, over HTTP (curl) and WebSocket
#     (e2e/rpc-safety.js), and the node answers system_health after each.
#  2. Signed extrinsics whose BoundedVec<u8> argument is one byte over its bound are refused by
#     author_submitExtrinsic; the node stays up (a call at the bound is accepted: the control).
#  3. A validator started as the README says (`--chain local --validator --base-path …
#     --node-key-file …`) listens for RPC on loopback only, so other hosts cannot connect; with
#     `--rpc-external` it refuses to start; with `--unsafe-rpc-external` unsafe methods are still
#     refused to other hosts.
#
#   scripts/rpc-safety.sh     (GUILIAN_NODE_BIN overrides the binary; KEEP_RPC_SAFETY_DIR=1 keeps the logs)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
GUILIAN_NODE="${GUILIAN_NODE_BIN:-$GUILIAN_NODE}"

[ -x "$GUILIAN_NODE" ] || die "no node binary at $GUILIAN_NODE (build it with scripts/test.sh or cargo build --release -p guilian-node)"
for tool in curl jq ss node python3; do
	command -v "$tool" >/dev/null || die "$tool is needed"
done
[ -d "$GUILIAN_ROOT/e2e/node_modules/ws" ] && [ -d "$GUILIAN_ROOT/e2e/node_modules/@polkadot/api" ] ||
	die "e2e/node_modules is missing: run (cd e2e && npm ci)"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/guilian-rpc-safety.XXXXXX")
node_pids=()
failures=0
started=$SECONDS

stop_node() { # PID: SIGINT, then SIGKILL after 10 s
	local pid="$1"
	kill -0 "$pid" 2>/dev/null || return 0
	kill -INT "$pid" 2>/dev/null || true
	for _ in $(seq 1 50); do
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.2
	done
	kill -KILL "$pid" 2>/dev/null || true
	wait "$pid" 2>/dev/null || true
}
cleanup() {
	local status=$?
	for pid in "${node_pids[@]}"; do stop_node "$pid"; done
	if [ "${KEEP_RPC_SAFETY_DIR:-}" = 1 ] || [ "$status" -ne 0 ]; then
		echo "rpc-safety: logs kept in $WORK"
	else
		rm -rf "$WORK"
	fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

ok() { printf '  \033[32mok\033[0m   %s\n' "$*"; }
note() { printf '  \033[33mnote\033[0m %s\n' "$*"; }
fail() {
	printf '  \033[31mFAIL\033[0m %s\n' "$*"
	failures=$((failures + 1))
}

# The first non-loopback IPv4 address of this machine (what another host would connect to).
EXTERNAL_IP=$(hostname -I 2>/dev/null | tr ' ' '\n' | grep -E '^[0-9]+(\.[0-9]+){3}$' | grep -v '^127\.' | head -1 || true)

# launch NAME ARGS...: starts the node in the background with its log in $WORK/NAME.log and sets
# `node_pid`. Does not wait.
launch() {
	local name="$1"
	shift
	printf '  $ guilian-node %s\n' "$*"
	"$GUILIAN_NODE" "$@" >"$WORK/$name.log" 2>&1 &
	node_pid=$!
	node_pids+=("$node_pid")
}

rpc() { # URL METHOD [PARAMS-JSON]: prints the response body
	curl -sS -m 10 -H 'Content-Type: application/json' \
		--data-binary "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"$2\",\"params\":${3:-[]}}" "$1"
}

healthy() { # PORT PID: system_health answers on loopback and the process lives
	kill -0 "$2" 2>/dev/null &&
		rpc "http://127.0.0.1:$1" system_health 2>/dev/null | jq -e '.result.isSyncing | type == "boolean"' >/dev/null 2>&1
}

wait_rpc() { # NAME PORT PID: up to 90 s for system_health
	for _ in $(seq 1 180); do
		healthy "$2" "$3" && return 0
		if ! kill -0 "$3" 2>/dev/null; then
			tail -n 30 "$WORK/$1.log" >&2
			die "the node '$1' exited at start-up (log above, $WORK/$1.log)"
		fi
		sleep 0.5
	done
	tail -n 30 "$WORK/$1.log" >&2
	die "the node '$1' did not answer system_health on port $2 within 90 s"
}

node_died() { # NAME PID
	tail -n 40 "$WORK/$1.log" >&2
	die "the node '$1' (pid $2) stopped answering (log above, $WORK/$1.log)"
}

# ---------------------------------------------------------------------------------------------
# The cases of part 1, one JSON object a line: name, body (or bodyfile), the expected error codes
# ("c1,c2" for a batch, "ok" for a result), a substring of the message; ws_codes when WebSocket
# differs. Shared by the HTTP loop below and e2e/rpc-safety.js.
CASES="$WORK/cases.jsonl"
: >"$CASES"
add_case() { # NAME CODES MSG BODY [extra jq object]
	local extra="${5:-}"
	[ -n "$extra" ] || extra='{}'
	jq -cn --arg name "$1" --arg codes "$2" --arg msg "$3" --arg body "$4" \
		"{name: \$name, codes: \$codes, msg: \$msg, body: \$body} + $extra" >>"$CASES"
}
add_file_case() { # NAME CODES MSG FILE [extra jq object]
	local extra="${5:-}"
	[ -n "$extra" ] || extra='{}'
	jq -cn --arg name "$1" --arg codes "$2" --arg msg "$3" --arg file "$4" \
		"{name: \$name, codes: \$codes, msg: \$msg, bodyfile: \$file} + $extra" >>"$CASES"
}
req() { printf '{"jsonrpc":"2.0","id":1,"method":"%s","params":%s}' "$1" "$2"; }

PARSE=-32700 INVALID_REQ=-32600 NOT_FOUND=-32601 INVALID_PARAMS=-32602 TOO_BIG=-32007
UNSAFE_MSG="RPC call is unsafe to be called externally"
ZERO_HASH="0x$(printf '0%.0s' $(seq 1 64))"
ALICE_PUB=0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d
PEER=12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp

# Malformed JSON.
add_case "truncated JSON" $PARSE "Parse error" '{"jsonrpc":"2.0","id":1,"method":"system_health","params":['
add_case "not JSON at all" $PARSE "Parse error" 'hello world'
# Invalid UTF-8 in the method name (sent as is, also as a WebSocket text frame).
printf '{"jsonrpc":"2.0","id":1,"method":"system_health\xff\xfe","params":[]}' >"$WORK/invalid-utf8.json"
add_file_case "invalid UTF-8 in the method name" $INVALID_REQ "Invalid request" "$WORK/invalid-utf8.json"
# A batch nested 100,000 deep (serde_json stops at depth 128: no stack overflow).
python3 -c 'import sys; sys.stdout.write("[" * 100000 + "]" * 100000)' >"$WORK/nested.json"
add_file_case "100,000 nested arrays" $INVALID_REQ "Invalid request" "$WORK/nested.json"
add_case "params a string (state_getStorage \"0x00\")" $INVALID_PARAMS "Invalid params" "$(req state_getStorage '"0x00"')"
add_case "params of the wrong type (state_getStorage [123])" $INVALID_PARAMS "Invalid params" "$(req state_getStorage '[123]')"
add_case "params an object with unknown names" $INVALID_PARAMS "Invalid params" "$(req state_getStorage '{"nope":1}')"
add_case "method not a string" $INVALID_REQ "Invalid request" '{"jsonrpc":"2.0","id":1,"method":42,"params":[]}'
add_case "jsonrpc \"1.0\"" $INVALID_REQ "Invalid request" '{"jsonrpc":"1.0","id":1,"method":"system_health","params":[]}'
add_case "params a string for a method without params (system_health \"abc\")" ok "" "$(req system_health '"abc"')" \
	'{note: "answered (a method without parameters ignores them); no error, node fine"}'
# Batches.
add_case "batch of garbage [1,\"x\",{\"foo\":1},null]" "$INVALID_REQ,$INVALID_REQ,$INVALID_REQ,$INVALID_REQ" "Invalid request" '[1,"x",{"foo":1},null]'
add_case "empty batch []" $INVALID_REQ "Invalid request" '[]'
add_case "batch: a valid call, garbage, an unknown method" "ok,$INVALID_REQ,$NOT_FOUND" "Invalid request" \
	"[$(req system_health '[]'),\"garbage\",$(req nope_nope '[]')]"
# Invalid hex and non-extrinsics.
add_case "state_getStorage \"0xzz\"" $INVALID_PARAMS "invalid hex character: z" "$(req state_getStorage '["0xzz"]')"
add_case "author_submitExtrinsic \"0xgg\" (not hex)" $INVALID_PARAMS "invalid hex character: g" "$(req author_submitExtrinsic '["0xgg"]')"
# Odd-length hex is read as 0x0123 (a leading zero nibble), which is no extrinsic either.
add_case "author_submitExtrinsic \"0x123\" (odd length)" 1040 "Could not decode" "$(req author_submitExtrinsic '["0x123"]')"
add_case "author_submitExtrinsic \"0x\" (empty)" 1040 "Could not decode" "$(req author_submitExtrinsic '["0x"]')"
# Random bytes: with a length prefix that does not match (fixed bytes, the decoding error is the
# same every run), then with a matching one (the bytes reach the runtime, which cannot decode
# them), then after a signed-v4 version byte. @RAND59@ becomes 59 fresh random bytes at each send
# (else the pool answers a resubmission with 1012 "Transaction is temporarily banned").
RANDOM_HEX=$(python3 -c 'import random; r=random.Random(9); print(bytes([0xff] + [r.randrange(256) for _ in range(63)]).hex())')
add_case "author_submitExtrinsic 64 random bytes" 1040 "Could not decode \`OpaqueExtrinsic" "$(req author_submitExtrinsic "[\"0x$RANDOM_HEX\"]")"
add_case "author_submitExtrinsic length-prefixed 0xff + random bytes" 1002 "Verification Error" "$(req author_submitExtrinsic '["0xf0ff@RAND59@"]')"
add_case "author_submitExtrinsic 0x84 (signed v4) + random bytes" 1002 "Verification Error" "$(req author_submitExtrinsic '["0xf084@RAND59@"]')"
# Over the default --rpc-max-request-size (sc-cli RPC_DEFAULT_MAX_REQUEST_SIZE_MB = 15, i.e.
# 15,728,640 bytes): 16 MiB of hex in one request.
python3 -c 'import sys; sys.stdout.write("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"state_getStorage\",\"params\":[\"0x" + "00" * (8 << 20) + "\"]}")' >"$WORK/oversized.json"
add_file_case "oversized request (16 MiB > 15 MiB default)" $TOO_BIG "Request is too big" "$WORK/oversized.json"
# Unknown methods.
add_case "unknown method foo_bar" $NOT_FOUND "Method not found" "$(req foo_bar '[]')"
add_case "empty method name" $NOT_FOUND "Method not found" "$(req '' '[]')"
# Unsafe methods (those calling sc_rpc_api::check_if_safe in sc-rpc 56), with valid parameters so
# the check is what answers. sc-rpc's state errors use code 4003 (4005 for state_callRecorded).
for entry in \
	"author_rotateKeys|[]|$NOT_FOUND" \
	"author_rotateKeysWithOwner|[\"0x00\"]|$NOT_FOUND" \
	"author_insertKey|[\"aura\",\"//Mallory\",\"$ALICE_PUB\"]|$NOT_FOUND" \
	"author_hasKey|[\"$ALICE_PUB\",\"aura\"]|$NOT_FOUND" \
	"author_hasSessionKeys|[\"0x00\"]|$NOT_FOUND" \
	"author_removeExtrinsic|[[]]|$NOT_FOUND" \
	"system_addReservedPeer|[\"/ip4/192.0.2.77/tcp/30333/p2p/$PEER\"]|$NOT_FOUND" \
	"system_removeReservedPeer|[\"$PEER\"]|$NOT_FOUND" \
	"system_peers|[]|$NOT_FOUND" \
	"system_unstable_networkState|[]|$NOT_FOUND" \
	"system_addLogFilter|[\"trace\"]|$NOT_FOUND" \
	"system_resetLogFilter|[]|$NOT_FOUND" \
	"offchain_localStorageSet|[\"PERSISTENT\",\"0x00\",\"0x00\"]|$NOT_FOUND" \
	"offchain_localStorageGet|[\"PERSISTENT\",\"0x00\"]|$NOT_FOUND" \
	"offchain_localStorageClear|[\"PERSISTENT\",\"0x00\"]|$NOT_FOUND" \
	"state_getPairs|[\"0x\"]|4003" \
	"state_queryStorage|[[\"0x00\"],\"$ZERO_HASH\"]|4003" \
	"state_traceBlock|[\"$ZERO_HASH\",null,null,null]|4003"; do
	IFS='|' read -r method params code <<<"$entry"
	add_case "unsafe $method" "$code" "$UNSAFE_MSG" "$(req "$method" "$params")"
done
add_case "unsafe state_callRecorded" 4005 "unsafe and disabled" "$(req state_callRecorded "[\"Core_version\",\"0x\",\"$ZERO_HASH\"]")"
add_case "safe system_nodeRoles (control)" ok "" "$(req system_nodeRoles '[]')"

JQ_CODES='def c: if type == "object" and .error then (.error.code | tostring) else "ok" end;
	if type == "array" then (map(c) | join(",")) else c end'
JQ_MSGS='def m: if type == "object" and .error then (.error.message | tostring) else "" end;
	if type == "array" then (map(m) | join(" | ")) else m end'
JQ_DATA='def d: if type == "object" and .error.data then (.error.data | tostring) else "" end;
	if type == "array" then (map(d) | join(" | ")) else d end'

# run_http_cases NAME URL PORT PID: every case over HTTP at URL, system_health after each.
run_http_cases() {
	local node="$1" url="$2" port="$3" pid="$4" line name codes msg bodyfile note status got msgs data
	while IFS= read -r line; do
		eval "$(jq -r '@sh "name=\(.name) codes=\(.codes) msg=\(.msg) bodyfile=\(.bodyfile // "") note=\(.note // "")"' <<<"$line")"
		if [ -z "$bodyfile" ]; then
			bodyfile="$WORK/request.json"
			jq -j .body <<<"$line" | sed "s/@RAND59@/$(head -c 59 /dev/urandom | od -An -tx1 | tr -d ' \n')/g" >"$bodyfile"
		fi
		status=$(curl -sS -m 30 -o "$WORK/response.json" -w '%{http_code}' -H 'Content-Type: application/json' \
			--data-binary @"$bodyfile" "$url" 2>"$WORK/curl.err") || status="curl failed: $(cat "$WORK/curl.err")"
		if got=$(jq -r "$JQ_CODES" "$WORK/response.json" 2>/dev/null) && [ -n "$got" ]; then
			msgs=$(jq -r "$JQ_MSGS" "$WORK/response.json" | tr '\n\t' '  ' | sed 's/ *$//')
			data=$(jq -r "$JQ_DATA" "$WORK/response.json" | tr '\n\t' '  ' | sed 's/ *$//')
			[ -z "${data//[ |]/}" ] || msgs="$msgs [data: ${data:0:60}]"
			if [ "$got" != "$codes" ]; then
				fail "[http] $name: expected codes $codes, got $got (HTTP $status): $(head -c 300 "$WORK/response.json")"
			elif [[ "$msgs" != *"$msg"* ]]; then
				fail "[http] $name: expected a message with \"$msg\", got \"${msgs:0:200}\""
			elif [ -n "$note" ]; then
				note "[http] $name -> $got: $note"
			else
				ok "[http] $name -> $got \"${msgs:0:150}\" (HTTP $status)"
			fi
		else
			fail "[http] $name: expected codes $codes, got no JSON (HTTP $status): $(head -c 200 "$WORK/response.json" 2>/dev/null)"
		fi
		healthy "$port" "$pid" || node_died "$node" "$pid"
	done <"$CASES"
}

# run_part1 NAME PORT PID HOST: the HTTP and the WebSocket cases, through HOST.
run_part1() {
	local node="$1" port="$2" pid="$3" host="$4"
	run_http_cases "$node" "http://$host:$port" "$port" "$pid"
	(cd "$GUILIAN_ROOT/e2e" && node rpc-safety.js ws-cases "ws://$host:$port" "$pid" "$CASES") ||
		failures=$((failures + 1))
	healthy "$port" "$pid" || node_died "$node" "$pid"
	ok "node '$node' (pid $pid) still answers system_health after $(wc -l <"$CASES") cases x 2 transports"
}

COMMON=(--no-telemetry --no-mdns --no-prometheus)

# ---------------------------------------------------------------------------------------------
stage "rpc-safety 1+2: --dev --rpc-external (default --rpc-methods auto on 0.0.0.0 => safe)"
port=$(free_port)
launch dev-external --dev --tmp --rpc-external --rpc-port "$port" --port "$(free_port)" "${COMMON[@]}"
pid_a=$node_pid
wait_rpc dev-external "$port" "$pid_a"
host=${EXTERNAL_IP:-127.0.0.1}
echo "  node up (pid $pid_a); the cases go through $host:$port$([ -n "$EXTERNAL_IP" ] || echo ' (no non-loopback address here)')"
run_part1 dev-external "$port" "$pid_a" "$host"

echo "  -- part 2: over-long BoundedVec arguments (signed by Alice)"
bad_input_before=$(grep -c 'Bad input data provided to validate_transaction' "$WORK/dev-external.log" || true)
(cd "$GUILIAN_ROOT/e2e" && node rpc-safety.js bounded "ws://127.0.0.1:$port" "http://127.0.0.1:$port" "$pid_a") ||
	failures=$((failures + 1))
bad_input_after=$(grep -c 'Bad input data provided to validate_transaction' "$WORK/dev-external.log" || true)
if [ $((bad_input_after - bad_input_before)) -ge 2 ]; then
	ok "[bounded] the node log shows why: the runtime cannot decode them ($((bad_input_after - bad_input_before))x \"Bad input data provided to validate_transaction: Codec error\")"
else
	fail "[bounded] expected the runtime's \"Bad input data provided to validate_transaction\" in the log for both over-long calls (found $((bad_input_after - bad_input_before)))"
fi
healthy "$port" "$pid_a" || node_died dev-external "$pid_a"
ok "node 'dev-external' still answers system_health and runs"
stop_node "$pid_a"

# ---------------------------------------------------------------------------------------------
stage "rpc-safety 1: --dev --rpc-methods safe (on loopback, where auto would allow unsafe methods)"
port=$(free_port)
launch dev-safe --dev --tmp --rpc-methods safe --rpc-port "$port" --port "$(free_port)" "${COMMON[@]}"
pid_b=$node_pid
wait_rpc dev-safe "$port" "$pid_b"
echo "  node up (pid $pid_b); the cases go through 127.0.0.1:$port"
run_part1 dev-safe "$port" "$pid_b" 127.0.0.1
stop_node "$pid_b"

# ---------------------------------------------------------------------------------------------
stage "rpc-safety 3: a validator started as the README says"
"$GUILIAN_NODE" key generate-node-key --file "$WORK/node.key" >/dev/null 2>&1 || die "key generate-node-key failed"
port=$(free_port)
# README: guilian-node --chain local --validator --base-path /var/lib/guilian --node-key-file node.key
# (plus free ports, and no mDNS so that it stays off other local test networks).
launch validator --chain local --validator --base-path "$WORK/validator" --node-key-file "$WORK/node.key" \
	--rpc-port "$port" --port "$(free_port)" --prometheus-port "$(free_port)" --no-mdns
pid_c=$node_pid
wait_rpc validator "$port" "$pid_c"
listening=$(ss -Hltnp | grep "pid=$pid_c," | awk -v p=":$port" '$4 ~ p"$" {print $4}' | sort -u | tr '\n' ' ')
echo "  RPC port $port of pid $pid_c listens on: $listening"
if [ -z "$listening" ]; then
	fail "[validator] ss shows no listening socket on port $port for pid $pid_c"
elif grep -qvE '^(127\.0\.0\.1|\[::1\]):' <<<"$(tr ' ' '\n' <<<"$listening" | grep .)"; then
	fail "[validator] the RPC port is bound beyond loopback: $listening"
else
	ok "[validator] the RPC port is bound to loopback only ($listening)"
fi
if [ -n "$EXTERNAL_IP" ]; then
	if out=$(curl -sS -m 5 -H 'Content-Type: application/json' \
		-d '{"jsonrpc":"2.0","id":1,"method":"system_health","params":[]}' "http://$EXTERNAL_IP:$port" 2>&1); then
		fail "[validator] http://$EXTERNAL_IP:$port answered: $out"
	else
		ok "[validator] http://$EXTERNAL_IP:$port (non-loopback) is refused: ${out:0:100}"
	fi
else
	note "[validator] this machine has no non-loopback IPv4 address: the refusal from another address is not tried"
fi
answer=$(rpc "http://127.0.0.1:$port" author_rotateKeys)
if jq -e '.result | startswith("0x")' >/dev/null 2>&1 <<<"$answer"; then
	ok "[validator] on loopback (the operator's own host) author_rotateKeys works, as the README's key set-up needs"
else
	note "[validator] on loopback author_rotateKeys answered: ${answer:0:200}"
fi
healthy "$port" "$pid_c" || node_died validator "$pid_c"
stop_node "$pid_c"

echo "  -- the same validator with --rpc-external (as many operators add)"
port=$(free_port)
launch validator-rpc-external --chain local --validator --base-path "$WORK/validator" --node-key-file "$WORK/node.key" \
	--rpc-port "$port" --port "$(free_port)" --prometheus-port "$(free_port)" --no-mdns --rpc-external
pid_d=$node_pid
for _ in $(seq 1 60); do
	kill -0 "$pid_d" 2>/dev/null || break
	sleep 0.5
done
if kill -0 "$pid_d" 2>/dev/null; then
	fail "[validator] with --rpc-external the validator kept running (30 s); it should refuse to start"
	stop_node "$pid_d"
else
	set +e
	wait "$pid_d"
	status=$?
	set -e
	if [ "$status" -ne 0 ] && grep -q "rpc-external option shouldn't be used if the node is running as a validator" "$WORK/validator-rpc-external.log"; then
		ok "[validator] with --rpc-external it refuses to start (exit $status): $(grep -o "\-\-rpc-external option shouldn't be used[^.]*" "$WORK/validator-rpc-external.log" | head -1)"
	else
		fail "[validator] with --rpc-external: exit $status, log: $(tail -n 5 "$WORK/validator-rpc-external.log")"
	fi
fi

echo "  -- the same validator with --unsafe-rpc-external (what that error suggests; methods stay auto)"
port=$(free_port)
launch validator-unsafe-external --chain local --validator --base-path "$WORK/validator" --node-key-file "$WORK/node.key" \
	--rpc-port "$port" --port "$(free_port)" --prometheus-port "$(free_port)" --no-mdns --unsafe-rpc-external
pid_e=$node_pid
wait_rpc validator-unsafe-external "$port" "$pid_e"
listening=$(ss -Hltnp | grep "pid=$pid_e," | awk -v p=":$port" '$4 ~ p"$" {print $4}' | sort -u | tr '\n' ' ')
echo "  RPC port $port of pid $pid_e listens on: $listening"
target=${EXTERNAL_IP:-127.0.0.1}
# Outside --dev the RPC server also filters the Host header (only localhost / 127.0.0.1 / [::1]
# with the port): a DNS-rebinding guard for browsers, not access control, since any other client
# sets the header it likes. So: first as a browser would, then with a Host header that passes.
status=$(curl -sS -m 10 -o "$WORK/response.json" -w '%{http_code}' -H 'Content-Type: application/json' \
	-d '{"jsonrpc":"2.0","id":1,"method":"author_rotateKeys","params":[]}' "http://$target:$port" 2>&1 || true)
if [ "$target" != 127.0.0.1 ]; then
	if [ "$status" = 403 ]; then
		note "[validator] via $target:$port with Host: $target:$port, author_rotateKeys -> HTTP 403 \"$(head -c 100 "$WORK/response.json")\" (Host filter)"
	else
		note "[validator] via $target:$port with Host: $target:$port, author_rotateKeys -> HTTP $status $(head -c 200 "$WORK/response.json")"
	fi
fi
host_header="Host: localhost:$port"
if curl -sS -m 10 -H 'Content-Type: application/json' -H "$host_header" \
	-d '{"jsonrpc":"2.0","id":1,"method":"system_health","params":[]}' "http://$target:$port" | jq -e .result >/dev/null 2>&1; then
	ok "[validator] via $target:$port ($host_header) a safe method, system_health, answers: the port is reachable"
else
	fail "[validator] via $target:$port ($host_header) system_health does not answer"
fi
for entry in \
	"author_rotateKeys|[]" \
	"author_insertKey|[\"aura\",\"//Mallory\",\"$ALICE_PUB\"]" \
	"system_addReservedPeer|[\"/ip4/192.0.2.77/tcp/30333/p2p/$PEER\"]" \
	"system_addLogFilter|[\"trace\"]"; do
	IFS='|' read -r method params <<<"$entry"
	answer=$(curl -sS -m 10 -H 'Content-Type: application/json' -H "$host_header" \
		--data-binary "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"$method\",\"params\":$params}" "http://$target:$port" 2>&1 || true)
	if jq -e --arg m "$UNSAFE_MSG" '.error.code == -32601 and .error.message == $m' >/dev/null 2>&1 <<<"$answer"; then
		ok "[validator] via $target:$port ($host_header) $method -> $(jq -c .error <<<"$answer")"
	else
		fail "[validator] via $target:$port $method was not refused as unsafe: ${answer:0:200}"
	fi
	healthy "$port" "$pid_e" || node_died validator-unsafe-external "$pid_e"
done
# And over WebSocket (the Host header of a ws upgrade is filtered the same way).
(cd "$GUILIAN_ROOT/e2e" && node rpc-safety.js ws-unsafe "ws://$target:$port" "localhost:$port" "$pid_e") ||
	failures=$((failures + 1))
stop_node "$pid_e"

# ---------------------------------------------------------------------------------------------
elapsed=$((SECONDS - started))
if [ "$failures" -ne 0 ]; then
	printf '\n\033[1;31mrpc-safety: %d check(s) failed\033[0m (%d s; logs in %s)\n' "$failures" "$elapsed" "$WORK"
	exit 1
fi
printf '\n\033[1;32mrpc-safety: all checks passed\033[0m (%d s)\n' "$elapsed"
