//! What the node's JSON-RPC clients share (`anchor-relay`, `load`): their async runtime and the
//! storage keys they read.

use sp_core::Bytes;

/// Why a client command stopped.
pub type ClientError = Box<dyn std::error::Error + Send + Sync>;

/// Runs a client command's future to its end on a small multi-threaded runtime.
pub fn block_on(
	command: impl std::future::Future<Output = Result<(), ClientError>>,
) -> sc_cli::Result<()> {
	let runtime = tokio::runtime::Builder::new_multi_thread()
		.worker_threads(2)
		.enable_all()
		.build()
		.map_err(|e| sc_cli::Error::Application(Box::new(e)))?;
	runtime.block_on(command).map_err(sc_cli::Error::Application)
}

/// Storage key of a pallet's `StorageValue`: `twox128(pallet) ++ twox128(item)`.
pub fn storage_value_key(pallet: &[u8], item: &[u8]) -> Bytes {
	let mut key = sp_io::hashing::twox_128(pallet).to_vec();
	key.extend(sp_io::hashing::twox_128(item));
	Bytes(key)
}
