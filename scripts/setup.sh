#!/usr/bin/env bash
# Installs what a fresh Debian machine lacks to build, run and test Guilian.
# Idempotent: when everything is present it prints one line and exits.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

missing_apt=()
need_cmd_pkg() { command -v "$1" >/dev/null 2>&1 || missing_apt+=("$2"); }
need_dpkg() { dpkg -s "$1" >/dev/null 2>&1 || missing_apt+=("$1"); }

need_cmd_pkg protoc protobuf-compiler
need_cmd_pkg clang clang
need_dpkg libclang-dev
need_dpkg libssl-dev
need_cmd_pkg pkg-config pkg-config
need_cmd_pkg g++ g++
need_cmd_pkg make make
need_cmd_pkg python3 python3
need_cmd_pkg node nodejs
need_cmd_pkg npm npm
need_cmd_pkg curl curl
need_cmd_pkg jq jq            # scripts/rpc-safety.sh
need_cmd_pkg ss iproute2      # scripts/rpc-safety.sh (listening sockets)

if ((${#missing_apt[@]})); then
	stage "installing Debian packages: ${missing_apt[*]}"
	command -v apt-get >/dev/null || die "apt-get not found: install ${missing_apt[*]} by hand"
	sudo_cmd=()
	[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
	"${sudo_cmd[@]}" apt-get update -qq || die "apt-get update failed: cannot install ${missing_apt[*]}"
	DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing_apt[@]}" >/dev/null \
		|| die "apt-get install failed for: ${missing_apt[*]}"
fi

command -v rustup >/dev/null || die "rustup not found: install Rust with rustup (https://rustup.rs) first"
# rust-toolchain.toml pins the toolchain, its targets and components; make sure they are installed.
(cd "$GUILIAN_ROOT" && {
	toolchain=$(sed -n 's/^channel *= *"\(.*\)"/\1/p' rust-toolchain.toml)
	installed_targets=$(rustup target list --installed --toolchain "$toolchain" 2>/dev/null || true)
	for target in wasm32v1-none wasm32-unknown-unknown; do
		grep -qx "$target" <<<"$installed_targets" || {
			stage "adding rust target $target"
			rustup target add --toolchain "$toolchain" "$target" >/dev/null || die "rustup could not add target $target"
		}
	done
	rustup component list --installed --toolchain "$toolchain" 2>/dev/null | grep -q '^rust-src' || {
		stage "adding rust component rust-src"
		rustup component add --toolchain "$toolchain" rust-src >/dev/null || die "rustup could not add rust-src"
	}
})

# npm packages of the JavaScript test suites (installed only when package.json changed).
for dir in e2e zombienet; do
	pkg="$GUILIAN_ROOT/$dir/package.json"
	[ -f "$pkg" ] || continue
	stamp="$GUILIAN_ROOT/$dir/node_modules/.guilian-installed"
	if [ ! -f "$stamp" ] || [ "$pkg" -nt "$stamp" ] || { [ -f "$GUILIAN_ROOT/$dir/package-lock.json" ] && [ "$GUILIAN_ROOT/$dir/package-lock.json" -nt "$stamp" ]; }; then
		stage "installing npm packages of $dir/"
		(cd "$GUILIAN_ROOT/$dir" && npm install --no-audit --no-fund --loglevel=error >/dev/null) || die "npm install failed in $dir/"
		touch "$stamp"
	fi
done

echo "setup: all prerequisites present (target dir: $CARGO_TARGET_DIR)"
