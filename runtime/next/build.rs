//! Builds the wasm of `guilian-runtime` with `next-spec-version` (see `Cargo.toml`).

#[cfg(feature = "std")]
fn main() {
	// As in `runtime/build.rs`: the target dir lives outside the work tree, point the wasm
	// builder at this workspace's `Cargo.lock`.
	if std::env::var_os("WASM_BUILD_WORKSPACE_HINT").is_none() {
		if let Some(workspace) = std::env::var_os("CARGO_MANIFEST_DIR")
			.map(std::path::PathBuf::from)
			.and_then(|next| next.parent().and_then(|runtime| runtime.parent()).map(|p| p.to_path_buf()))
		{
			std::env::set_var("WASM_BUILD_WORKSPACE_HINT", workspace);
		}
	}
	substrate_wasm_builder::WasmBuilder::build_using_defaults();
}

/// Inside the wasm build of this crate: nothing to build.
#[cfg(not(feature = "std"))]
fn main() {}
