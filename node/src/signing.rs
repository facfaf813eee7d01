//! Signing Guilian transactions outside the runtime: the anchor relay, the load generator and
//! the overhead benchmarks all build the same `UncheckedExtrinsic`, with the runtime's own
//! transaction extensions, here.

use codec::Encode;
use guilian_runtime::{immortal_tx_extension, RuntimeCall, SignedPayload, UncheckedExtrinsic};
use sp_core::{sr25519, Pair, H256};
use sp_runtime::{AccountId32, MultiSignature};

/// What a signature commits to besides the call: the chain (its genesis hash) and the runtime
/// version the transaction was made for.
#[derive(Debug, Clone, Copy)]
pub struct ChainIdentity {
	/// Hash of block 0.
	pub genesis: H256,
	/// `spec_version` of the runtime.
	pub spec_version: u32,
	/// `transaction_version` of the runtime.
	pub transaction_version: u32,
}

impl ChainIdentity {
	/// Reads the genesis hash and the runtime version over JSON-RPC.
	pub async fn fetch(
		client: &impl jsonrpsee::core::client::ClientT,
	) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
		use jsonrpsee::rpc_params;
		let genesis: H256 = client.request("chain_getBlockHash", rpc_params![0u32]).await?;
		let version: serde_json::Value =
			client.request("state_getRuntimeVersion", rpc_params![]).await?;
		let field = |name: &str| {
			version[name]
				.as_u64()
				.and_then(|v| u32::try_from(v).ok())
				.ok_or_else(|| format!("the chain's runtime version has no {name}"))
		};
		Ok(Self {
			genesis,
			spec_version: field("specVersion")?,
			transaction_version: field("transactionVersion")?,
		})
	}
}

/// `call` signed by `signer` with `nonce`: immortal, no tip, no metadata hash.
pub fn signed_extrinsic(
	signer: &sr25519::Pair,
	call: RuntimeCall,
	nonce: u32,
	chain: &ChainIdentity,
) -> UncheckedExtrinsic {
	let extension = immortal_tx_extension(nonce);
	let payload = SignedPayload::from_raw(
		call.clone(),
		extension.clone(),
		(
			(),
			chain.spec_version,
			chain.transaction_version,
			chain.genesis,
			chain.genesis,
			(),
			(),
			(),
			None,
			(),
		),
	);
	let signature = payload.using_encoded(|bytes| signer.sign(bytes));
	UncheckedExtrinsic::new_signed(
		call,
		AccountId32::from(signer.public()).into(),
		MultiSignature::Sr25519(signature),
		extension,
	)
}
