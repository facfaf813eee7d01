//! `guilian-node anchor-relay`: runs a Guilian chain as a sub-chain (子链) of a supernode chain,
//! the Xinghuo "1+N" way. It follows the sub-chain's finalized blocks over JSON-RPC and anchors
//! them on the supernode chain, in batches of `{height, block hash, parent hash, tx count, time,
//! size}` records signed by the sub-chain's gateway key (`supernodes.anchor`).
//!
//! Each round: read the supernode chain's latest anchor of the sub-chain
//! (`SupernodesApi_latest_anchor`), fetch the next finalized blocks of the sub-chain, sign and
//! submit one `anchor` transaction, and wait until the supernode chain shows the new latest
//! anchor. The relay keeps no state of its own: restarted, it continues from the chain's record.

use crate::{
	client::{block_on, storage_value_key, ClientError},
	signing::{signed_extrinsic, ChainIdentity},
};
use codec::{Decode, Encode};
use guilian_runtime::{opaque, RuntimeCall};
use jsonrpsee::{
	core::client::ClientT,
	rpc_params,
	ws_client::{WsClient, WsClientBuilder},
};
use pallet_supernodes::{AnchorRecord, AnchorState, SubChainId};
use sp_core::{sr25519, Bytes, Pair, H256};
use sp_runtime::{traits::Header as _, AccountId32};
use std::time::{Duration, Instant};

/// Options of `guilian-node anchor-relay`.
#[derive(Debug, Clone, clap::Args)]
pub struct AnchorRelayCmd {
	/// WebSocket JSON-RPC endpoint of the sub-chain whose finalized blocks are anchored.
	#[arg(long, value_name = "WS_URL", default_value = "ws://127.0.0.1:9944")]
	pub source: String,

	/// WebSocket JSON-RPC endpoint of the supernode chain that keeps the anchors.
	#[arg(long, value_name = "WS_URL")]
	pub target: String,

	/// The sub-chain's id on the supernode chain (approved, with the gateway among its gateways).
	#[arg(long, value_name = "ID")]
	pub subchain: SubChainId,

	/// Secret URI of the gateway's sr25519 key (`//Alice`, a mnemonic, a hex seed). Better given
	/// through the environment variable `GUILIAN_GATEWAY_SURI`, which is read when this is absent.
	#[arg(long, value_name = "SURI")]
	pub gateway_suri: Option<String>,

	/// The first height to anchor when the sub-chain has never anchored.
	#[arg(long, value_name = "HEIGHT", default_value_t = 1)]
	pub from: u64,

	/// Most blocks per anchoring transaction (the supernode chain refuses more than its
	/// `MaxAnchorBatch`).
	#[arg(long, value_name = "BLOCKS", default_value_t = 32)]
	pub batch: u64,

	/// Seconds between rounds when no new block is finalized.
	#[arg(long, value_name = "SECONDS", default_value_t = 6)]
	pub interval: u64,

	/// Stop after this many anchoring transactions (0: run until stopped).
	#[arg(long, value_name = "COUNT", default_value_t = 0)]
	pub rounds: u32,
}

/// Why the relay stopped.
type RelayError = ClientError;

impl AnchorRelayCmd {
	/// Runs the relay until `rounds` anchors were made, or an error.
	pub fn run(&self) -> sc_cli::Result<()> {
		block_on(self.relay())
	}

	async fn relay(&self) -> Result<(), RelayError> {
		if self.batch == 0 {
			return Err("--batch must be at least 1".into());
		}
		let suri = match &self.gateway_suri {
			Some(suri) => suri.clone(),
			None => std::env::var("GUILIAN_GATEWAY_SURI")
				.map_err(|_| "no gateway key: give --gateway-suri or set GUILIAN_GATEWAY_SURI")?,
		};
		let gateway = sr25519::Pair::from_string(&suri, None)
			.map_err(|e| format!("the gateway's secret URI is not valid: {e:?}"))?;
		let account = AccountId32::from(gateway.public());
		let source = connect(&self.source, "--source").await?;
		let target = connect(&self.target, "--target").await?;
		log::info!(
			target: "anchor-relay",
			"anchoring {} on {} as sub-chain {} with gateway {account}",
			self.source, self.target, self.subchain,
		);
		let mut anchored = 0u32;
		loop {
			let latest = latest_anchor(&target, self.subchain).await?;
			let next = latest.as_ref().map_or(self.from, |s| s.latest.height.saturating_add(1));
			let finalized = finalized_height(&source).await?;
			if next > finalized {
				tokio::time::sleep(Duration::from_secs(self.interval)).await;
				continue;
			}
			let last = finalized.min(next.saturating_add(self.batch - 1));
			let mut records = Vec::new();
			for height in next..=last {
				records.push(record(&source, height).await?);
			}
			let call = RuntimeCall::Supernodes(pallet_supernodes::Call::anchor {
				subchain: self.subchain,
				batch: records,
			});
			let extrinsic = sign(&target, &gateway, &account, call).await?;
			let hash: H256 =
				target.request("author_submitExtrinsic", rpc_params![Bytes(extrinsic)]).await?;
			wait_for_anchor(&target, self.subchain, last).await?;
			anchored = anchored.saturating_add(1);
			log::info!(
				target: "anchor-relay",
				"anchored #{next}..#{last} of sub-chain {} (source finalized #{finalized}), tx {hash:?}",
				self.subchain,
			);
			if self.rounds != 0 && anchored >= self.rounds {
				return Ok(());
			}
		}
	}
}

async fn connect(url: &str, flag: &str) -> Result<WsClient, RelayError> {
	WsClientBuilder::default()
		.build(url)
		.await
		.map_err(|e| format!("cannot connect to {flag} {url}: {e}").into())
}

/// The supernode chain's latest anchor of `subchain`.
async fn latest_anchor(
	target: &WsClient,
	subchain: SubChainId,
) -> Result<Option<AnchorState>, RelayError> {
	let bytes: Bytes = target
		.request("state_call", rpc_params!["SupernodesApi_latest_anchor", Bytes(subchain.encode())])
		.await?;
	Ok(Option::<AnchorState>::decode(&mut &bytes[..])?)
}

async fn finalized_height(source: &WsClient) -> Result<u64, RelayError> {
	let head: H256 = source.request("chain_getFinalizedHead", rpc_params![]).await?;
	let header: opaque::Header = source.request("chain_getHeader", rpc_params![head]).await?;
	Ok(u64::from(*header.number()))
}

/// The anchor record of the sub-chain's block at `height`.
async fn record(source: &WsClient, height: u64) -> Result<AnchorRecord, RelayError> {
	let hash: Option<H256> = source.request("chain_getBlockHash", rpc_params![height]).await?;
	let hash = hash.ok_or_else(|| format!("the sub-chain has no block #{height}"))?;
	let block: sp_runtime::generic::SignedBlock<opaque::Block> =
		source.request("chain_getBlock", rpc_params![hash]).await?;
	let now: Option<Bytes> = source
		.request("state_getStorage", rpc_params![storage_value_key(b"Timestamp", b"Now"), hash])
		.await?;
	let time = match now {
		Some(bytes) => u64::decode(&mut &bytes[..])?,
		None => 0,
	};
	Ok(AnchorRecord {
		height,
		block_hash: hash,
		parent_hash: *block.block.header.parent_hash(),
		tx_count: u32::try_from(block.block.extrinsics.len()).unwrap_or(u32::MAX),
		time,
		size: u32::try_from(block.block.encoded_size()).unwrap_or(u32::MAX),
	})
}

/// `call` signed by the gateway for the supernode chain (immortal, the gateway's next nonce).
async fn sign(
	target: &WsClient,
	gateway: &sr25519::Pair,
	account: &AccountId32,
	call: RuntimeCall,
) -> Result<Vec<u8>, RelayError> {
	let nonce: u32 = target
		.request("system_accountNextIndex", rpc_params![account.to_string()])
		.await?;
	// Read every round: the supernode chain may have upgraded its runtime meanwhile.
	let chain = ChainIdentity::fetch(target).await?;
	Ok(signed_extrinsic(gateway, call, nonce, &chain).encode())
}

/// Waits (at most a minute) until the supernode chain's latest anchor of `subchain` is `height`.
async fn wait_for_anchor(
	target: &WsClient,
	subchain: SubChainId,
	height: u64,
) -> Result<(), RelayError> {
	let started = Instant::now();
	while started.elapsed() < Duration::from_secs(60) {
		if latest_anchor(target, subchain)
			.await?
			.is_some_and(|s| s.latest.height >= height)
		{
			return Ok(());
		}
		tokio::time::sleep(Duration::from_secs(2)).await;
	}
	Err(format!(
		"the supernode chain did not record anchor #{height} of sub-chain {subchain} within 60 s"
	)
	.into())
}
