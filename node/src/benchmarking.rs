//! What `guilian-node benchmark overhead` and `benchmark extrinsic` need from the node: builders
//! of signed extrinsics (a `System::remark` NO-OP and a `Balances::transfer_keep_alive`), and the
//! inherents of a benchmark block.

use crate::{
	service::FullClient,
	signing::{signed_extrinsic, ChainIdentity},
};
use codec::Encode;
use frame_benchmarking_cli::ExtrinsicBuilder;
use guilian_runtime::{BalancesCall, RuntimeCall, SystemCall, EXISTENTIAL_DEPOSIT};
use sc_client_api::UsageProvider;
use sp_api::{Core, ProvideRuntimeApi};
use sp_core::sr25519;
use sp_inherents::{InherentData, InherentDataProvider};
use sp_keyring::Sr25519Keyring;
use sp_runtime::OpaqueExtrinsic;
use std::{sync::Arc, time::Duration};

/// The genesis hash and the runtime version of the best block of `client`.
fn chain_identity(client: &FullClient) -> Result<ChainIdentity, &'static str> {
	let info = client.usage_info().chain;
	let version = client
		.runtime_api()
		.version(info.best_hash)
		.map_err(|_| "the runtime version of the best block cannot be read")?;
	Ok(ChainIdentity {
		genesis: info.genesis_hash,
		spec_version: version.spec_version,
		transaction_version: version.transaction_version,
	})
}

fn opaque(
	call: RuntimeCall,
	nonce: u32,
	chain: &ChainIdentity,
) -> Result<OpaqueExtrinsic, &'static str> {
	let signer: sr25519::Pair = Sr25519Keyring::Bob.pair();
	let encoded = signed_extrinsic(&signer, call, nonce, chain).encode();
	OpaqueExtrinsic::try_from_encoded_extrinsic(&encoded)
		.map_err(|_| "a signed extrinsic does not decode as opaque")
}

/// Builds `System::remark` with an empty remark: the NO-OP whose cost is `ExtrinsicBaseWeight`.
pub struct RemarkBuilder {
	client: Arc<FullClient>,
}

impl RemarkBuilder {
	/// A builder reading the chain's identity from `client`.
	pub fn new(client: Arc<FullClient>) -> Self {
		Self { client }
	}
}

impl ExtrinsicBuilder for RemarkBuilder {
	fn pallet(&self) -> &str {
		"system"
	}

	fn extrinsic(&self) -> &str {
		"remark"
	}

	fn build(&self, nonce: u32) -> Result<OpaqueExtrinsic, &'static str> {
		let chain = chain_identity(&self.client)?;
		opaque(RuntimeCall::System(SystemCall::remark { remark: Vec::new() }), nonce, &chain)
	}
}

/// Builds `Balances::transfer_keep_alive` of the existential deposit from Bob to Alice: the
/// transaction `benchmark extrinsic` fills a block with, to measure a full block of transfers.
pub struct TransferKeepAliveBuilder {
	client: Arc<FullClient>,
}

impl TransferKeepAliveBuilder {
	/// A builder reading the chain's identity from `client`.
	pub fn new(client: Arc<FullClient>) -> Self {
		Self { client }
	}
}

impl ExtrinsicBuilder for TransferKeepAliveBuilder {
	fn pallet(&self) -> &str {
		"balances"
	}

	fn extrinsic(&self) -> &str {
		"transfer_keep_alive"
	}

	fn build(&self, nonce: u32) -> Result<OpaqueExtrinsic, &'static str> {
		let chain = chain_identity(&self.client)?;
		let call = RuntimeCall::Balances(BalancesCall::transfer_keep_alive {
			dest: Sr25519Keyring::Alice.to_account_id().into(),
			value: EXISTENTIAL_DEPOSIT,
		});
		opaque(call, nonce, &chain)
	}
}

/// The inherents of a benchmark block: a timestamp of zero, so that it matches Aura's slot 0
/// (the benchmark blocks carry no Aura pre-digest).
pub fn inherent_benchmark_data() -> sc_cli::Result<InherentData> {
	let mut inherent_data = InherentData::new();
	let timestamp = sp_timestamp::InherentDataProvider::new(Duration::ZERO.into());
	futures::executor::block_on(timestamp.provide_inherent_data(&mut inherent_data))
		.map_err(|e| format!("creating the timestamp inherent failed: {e:?}"))?;
	Ok(inherent_data)
}
