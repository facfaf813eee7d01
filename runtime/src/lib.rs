//! # Guilian runtime
//!
//! The state transition function of Guilian (桂链), a standalone Polkadot SDK chain for trusted
//! "new consumption" in Guangxi: credit commitments, escrowed prepaid cards, cultural-tourism
//! collectibles and consumer disputes, run by government supernodes in the Xinghuo (星火·链网) way.
//!
//! Money on this chain is the **CNY settlement asset** (`pallet-assets` id [`CNY_ASSET_ID`], 2
//! decimals, issued by the custody bank against bank-custodied RMB). The native token **GXC**
//! (12 decimals) only pays transaction fees and deposits.
//!
//! Layout: `configs/` holds one file per area (system, consensus, money, collectibles, credit,
//! prepaid, disputes, supernodes, governance), `apis.rs` the runtime APIs,
//! `genesis_config_presets.rs` the genesis presets that every chain spec is built from.

#![cfg_attr(not(feature = "std"), no_std)]
// `#[frame_support::runtime]` expands into large recursive types.
#![recursion_limit = "256"]

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

pub mod apis;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarks;
pub mod configs;
pub mod genesis_config_presets;
#[cfg(test)]
mod tests;
pub mod weights;

extern crate alloc;

use alloc::vec::Vec;

use sp_runtime::{
	generic, impl_opaque_keys,
	traits::{BlakeTwo256, IdentifyAccount, Verify},
	MultiAddress, MultiSignature,
};
use sp_version::RuntimeVersion;

pub use frame_system::Call as SystemCall;
pub use pallet_balances::Call as BalancesCall;
pub use pallet_timestamp::Call as TimestampCall;
#[cfg(any(feature = "std", test))]
pub use sp_runtime::BuildStorage;

/// Types the client uses without knowing the runtime's extrinsic format, so that a node keeps
/// syncing across runtime upgrades that change it.
pub mod opaque {
	use super::*;
	use sp_runtime::traits::Hash as HashT;

	pub use sp_runtime::OpaqueExtrinsic as UncheckedExtrinsic;

	/// Opaque block header type.
	pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
	/// Opaque block type.
	pub type Block = generic::Block<Header, UncheckedExtrinsic>;
	/// Opaque block identifier type.
	pub type BlockId = generic::BlockId<Block>;
	/// Opaque block hash type.
	pub type Hash = <BlakeTwo256 as HashT>::Output;
}

impl_opaque_keys! {
	/// The session keys of a validator: Aura (sr25519) for authoring, GRANDPA (ed25519) for
	/// finality.
	pub struct SessionKeys {
		pub aura: Aura,
		pub grandpa: Grandpa,
	}
}

/// Runtime version. Bump `spec_version` with every runtime change that reaches a live network,
/// and `transaction_version` whenever call indices or extrinsic formats change.
#[cfg(not(feature = "next-spec-version"))]
#[sp_version::runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: alloc::borrow::Cow::Borrowed("guilian"),
	impl_name: alloc::borrow::Cow::Borrowed("guilian-node"),
	authoring_version: 1,
	spec_version: 100,
	impl_version: 1,
	apis: apis::RUNTIME_API_VERSIONS,
	transaction_version: 1,
	system_version: 1,
};

/// The same runtime one `spec_version` later: the code that the upgrade rehearsal
/// (`runtime/next`, `zombienet/upgrade.zndsl`) installs on a running network through the
/// council. Keep it equal to [`VERSION`] above but for `spec_version` (the version macro reads
/// literals only).
#[cfg(feature = "next-spec-version")]
#[sp_version::runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: alloc::borrow::Cow::Borrowed("guilian"),
	impl_name: alloc::borrow::Cow::Borrowed("guilian-node"),
	authoring_version: 1,
	spec_version: 101,
	impl_version: 1,
	apis: apis::RUNTIME_API_VERSIONS,
	transaction_version: 1,
	system_version: 1,
};

/// Block time. Aura produces one block per slot; the slot can never change on a live chain.
pub const MILLI_SECS_PER_BLOCK: u64 = 6000;
/// Aura slot duration, equal to the block time.
pub const SLOT_DURATION: u64 = MILLI_SECS_PER_BLOCK;

/// Blocks per minute, hour and day: the rules of `DOMAIN.md` are stated in days.
pub const MINUTES: BlockNumber = 60_000 / (MILLI_SECS_PER_BLOCK as BlockNumber);
/// Blocks per hour.
pub const HOURS: BlockNumber = MINUTES * 60;
/// Blocks per day.
pub const DAYS: BlockNumber = HOURS * 24;
/// A day in milliseconds, for rules measured on the wall clock (licence dates, validity).
pub const DAYS_MS: u64 = 24 * 60 * 60 * 1000;

/// One GXC, the native fee token (12 decimals).
pub const GXC: Balance = 1_000_000_000_000;
/// One thousandth of a GXC.
pub const MILLI_GXC: Balance = GXC / 1_000;
/// One millionth of a GXC.
pub const MICRO_GXC: Balance = GXC / 1_000_000;
/// The smallest GXC balance an account may hold.
pub const EXISTENTIAL_DEPOSIT: Balance = MILLI_GXC;

/// The `pallet-assets` id of the CNY settlement asset.
pub const CNY_ASSET_ID: AssetId = 1;
/// Decimals of the CNY asset: its base unit is the fen (分).
pub const CNY_DECIMALS: u8 = 2;
/// One CNY (yuan) in fen.
pub const CNY: Balance = 100;

/// Signature of transactions and signed payloads (sr25519, ed25519 or ecdsa).
pub type Signature = MultiSignature;
/// An account: the public key of the signature scheme.
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;
/// A balance, of GXC (12 decimals) or of an asset such as CNY (2 decimals).
pub type Balance = u128;
/// The id of a `pallet-assets` asset.
pub type AssetId = u32;
/// Index of a transaction of an account.
pub type Nonce = u32;
/// A hash of some data used by the chain.
pub type Hash = sp_core::H256;
/// A block number.
pub type BlockNumber = u32;
/// The address format for describing accounts.
pub type Address = MultiAddress<AccountId, ()>;
/// Block header type.
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
/// Block type.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;
/// A block with its justifications.
pub type SignedBlock = generic::SignedBlock<Block>;
/// Block id.
pub type BlockId = generic::BlockId<Block>;

/// The transaction extensions, checked in this order for every signed transaction.
pub type TxExtension = (
	frame_system::CheckNonZeroSender<Runtime>,
	frame_system::CheckSpecVersion<Runtime>,
	frame_system::CheckTxVersion<Runtime>,
	frame_system::CheckGenesis<Runtime>,
	frame_system::CheckEra<Runtime>,
	frame_system::CheckNonce<Runtime>,
	frame_system::CheckWeight<Runtime>,
	pallet_transaction_payment::ChargeTransactionPayment<Runtime>,
	frame_metadata_hash_extension::CheckMetadataHash<Runtime>,
	frame_system::WeightReclaim<Runtime>,
);

/// The [`TxExtension`] of a transaction by an account whose next nonce is `nonce`: immortal, no
/// tip, no metadata hash. The Rust signers (the node's load generator and CLI, the fuzzer) build
/// their transactions with it, so that the list above is written out once.
pub fn immortal_tx_extension(nonce: Nonce) -> TxExtension {
	(
		frame_system::CheckNonZeroSender::new(),
		frame_system::CheckSpecVersion::new(),
		frame_system::CheckTxVersion::new(),
		frame_system::CheckGenesis::new(),
		frame_system::CheckEra::from(generic::Era::Immortal),
		frame_system::CheckNonce::from(nonce),
		frame_system::CheckWeight::new(),
		pallet_transaction_payment::ChargeTransactionPayment::from(0),
		frame_metadata_hash_extension::CheckMetadataHash::new(false),
		frame_system::WeightReclaim::new(),
	)
}

/// Unchecked extrinsic type.
pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;
/// The payload being signed in transactions.
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;

/// Storage migrations run at the first block of a new runtime, in this order. Each is a
/// `VersionedMigration` that runs only on a chain at its source storage version (see
/// `tests::try_runtime_upgrade_migrates_the_demo_state`). Remove one once every live chain has
/// run it.
type Migrations = (pallet_collectibles::migrations::v2::MigrateV1ToV2<Runtime>,);

/// Executive: dispatches to the pallets.
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
	Migrations,
>;

/// The pallets of the runtime. Indices are part of every transaction's encoding: never reorder
/// or reuse them.
#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Runtime;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type Timestamp = pallet_timestamp;
	#[runtime::pallet_index(2)]
	pub type Aura = pallet_aura;
	#[runtime::pallet_index(3)]
	pub type Grandpa = pallet_grandpa;
	#[runtime::pallet_index(4)]
	pub type Balances = pallet_balances;
	#[runtime::pallet_index(5)]
	pub type TransactionPayment = pallet_transaction_payment;
	#[runtime::pallet_index(6)]
	pub type Session = pallet_session;
	#[runtime::pallet_index(7)]
	pub type Sudo = pallet_sudo;
	#[runtime::pallet_index(8)]
	pub type Utility = pallet_utility;
	#[runtime::pallet_index(10)]
	pub type Assets = pallet_assets;
	#[runtime::pallet_index(11)]
	pub type Nfts = pallet_nfts;

	// Consumer trust.
	#[runtime::pallet_index(20)]
	pub type Credit = pallet_credit;
	#[runtime::pallet_index(21)]
	pub type Prepaid = pallet_prepaid;

	// Cultural tourism.
	#[runtime::pallet_index(22)]
	pub type Collectibles = pallet_collectibles;

	// Consumer protection.
	#[runtime::pallet_index(23)]
	pub type Disputes = pallet_disputes;

	// Supernode model.
	#[runtime::pallet_index(30)]
	pub type Supernodes = pallet_supernodes;
	#[runtime::pallet_index(31)]
	pub type Council = pallet_collective<Instance1>;
}
