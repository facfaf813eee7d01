/// The target dir lives outside the work tree (`scripts/lib.sh`), where the wasm builder cannot
/// find our `Cargo.lock` by itself: point it at this workspace so that the wasm runtime is built
/// with exactly the locked versions. Set here, for this crate only: other crates with a wasm
/// build (in the benchmarking CLI's dependencies) belong to no workspace of ours.
#[cfg(feature = "std")]
fn point_wasm_builder_at_workspace() {
	if std::env::var_os("WASM_BUILD_WORKSPACE_HINT").is_none() {
		if let Some(workspace) = std::env::var_os("CARGO_MANIFEST_DIR")
			.map(std::path::PathBuf::from)
			.and_then(|runtime| runtime.parent().map(|p| p.to_path_buf()))
		{
			std::env::set_var("WASM_BUILD_WORKSPACE_HINT", workspace);
		}
	}
}

#[cfg(all(feature = "std", feature = "metadata-hash"))]
fn main() {
	point_wasm_builder_at_workspace();
	substrate_wasm_builder::WasmBuilder::init_with_defaults()
		.enable_metadata_hash("GXC", 12)
		.build();
}

#[cfg(all(feature = "std", not(feature = "metadata-hash")))]
fn main() {
	point_wasm_builder_at_workspace();
	substrate_wasm_builder::WasmBuilder::build_using_defaults();
}

/// The wasm builder is deactivated when compiling this crate for wasm itself.
#[cfg(not(feature = "std"))]
fn main() {}
