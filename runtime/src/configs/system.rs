//! frame-system and timestamp: block weights, block length, accounts.

use crate::{
	AccountId, Balance, Block, Nonce, PalletInfo, Runtime, RuntimeCall, RuntimeEvent, RuntimeOrigin,
	RuntimeTask, SLOT_DURATION, VERSION,
};
use frame_support::{
	derive_impl,
	dispatch::DispatchClass,
	parameter_types,
	traits::ConstU32,
	weights::{constants::ParityDbWeight, Weight},
};
use frame_system::limits::{BlockLength, BlockWeights};
use sp_runtime::Perbill;

/// Share of a block's weight and length that ordinary (`Normal`) transactions may use; the rest
/// is kept for operational calls (governance, equivocation reports) so that they always fit.
const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(75);

/// Compute time a block may take: 2 s of the 6 s slot, leaving the rest for propagation and
/// import by the other validators.
const MAXIMUM_BLOCK_WEIGHT: Weight = Weight::from_parts(
	frame_support::weights::constants::WEIGHT_REF_TIME_PER_SECOND.saturating_mul(2),
	u64::MAX,
);

/// A block is at most 5 MiB.
const MAXIMUM_BLOCK_LENGTH: u32 = 5 * 1024 * 1024;

parameter_types! {
	pub const BlockHashCount: u32 = 2400;
	pub const Version: sp_version::RuntimeVersion = VERSION;
	pub RuntimeBlockWeights: BlockWeights =
		BlockWeights::with_sensible_defaults(MAXIMUM_BLOCK_WEIGHT, NORMAL_DISPATCH_RATIO);
	pub RuntimeBlockLength: BlockLength = BlockLength::builder()
		.max_length(MAXIMUM_BLOCK_LENGTH)
		.modify_max_length_for_class(DispatchClass::Normal, |max| *max = NORMAL_DISPATCH_RATIO * *max)
		.build();
	/// Generic Substrate SS58 prefix: polkadot.js shows `5...` addresses.
	pub const SS58Prefix: u8 = 42;
}

/// Every call but pallet-nfts' own: collectibles move only through pallet-collectibles (which
/// reaches pallet-nfts through its traits), so that no holder can list, price, tip for, annotate
/// or transfer an item directly (no secondary market, DOMAIN.md). Wallets still read the items.
pub struct NoDirectNftCalls;

impl frame_support::traits::Contains<crate::RuntimeCall> for NoDirectNftCalls {
	fn contains(call: &crate::RuntimeCall) -> bool {
		!matches!(call, crate::RuntimeCall::Nfts(_))
	}
}

#[derive_impl(frame_system::config_preludes::SolochainDefaultConfig)]
impl frame_system::Config for Runtime {
	type BaseCallFilter = NoDirectNftCalls;
	type Block = Block;
	type BlockWeights = RuntimeBlockWeights;
	type BlockLength = RuntimeBlockLength;
	type AccountId = AccountId;
	type Nonce = Nonce;
	type Hash = crate::Hash;
	type BlockHashCount = BlockHashCount;
	// ParityDB is the only database (see node/Cargo.toml).
	type DbWeight = ParityDbWeight;
	type Version = Version;
	type AccountData = pallet_balances::AccountData<Balance>;
	type SS58Prefix = SS58Prefix;
	type MaxConsumers = ConstU32<16>;
}

parameter_types! {
	/// Two timestamps must be at least half a slot apart (Aura's rule).
	pub const MinimumPeriod: u64 = SLOT_DURATION / 2;
}

impl pallet_timestamp::Config for Runtime {
	type Moment = u64;
	type OnTimestampSet = crate::Aura;
	type MinimumPeriod = MinimumPeriod;
	type WeightInfo = pallet_timestamp::weights::SubstrateWeight<Runtime>;
}
