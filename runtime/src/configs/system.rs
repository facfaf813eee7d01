//! frame-system and timestamp: block weights, block length, accounts.

use crate::{
	weights::{BlockExecutionWeight, ExtrinsicBaseWeight, ParityDbWeight},
	AccountId, Balance, Block, Nonce, PalletInfo, Runtime, RuntimeCall, RuntimeEvent,
	RuntimeOrigin, RuntimeTask, SLOT_DURATION, VERSION,
};
use frame_support::{
	derive_impl,
	dispatch::DispatchClass,
	parameter_types,
	traits::ConstU32,
	weights::{constants::WEIGHT_REF_TIME_PER_MILLIS, Weight},
};
use frame_system::limits::{BlockLength, BlockWeights};
use sp_runtime::Perbill;

// # The block budget
//
// Every weight of this runtime is measured on the machine kind Guilian's validators run (2 cores,
// 24 GiB) by `scripts/generate-weights.sh`, so one picosecond of weight is about one picosecond
// of execution there (the measured figures are in `crate::weights` and `pallets/*/src/weights.rs`):
//
// - an empty block costs 0.17 ms (`BlockExecutionWeight`), a signed NO-OP extrinsic 95 µs
//   (`ExtrinsicBaseWeight`: decoding, the signature check and every transaction extension);
// - a database read costs 3.4 µs and a write 9.9 µs (ParityDB holding 22,000 keys,
//   `ParityDbWeight`), where the SDK's reference figures for RocksDB are 25 µs and 100 µs.
//
// With the SDK's stock weights a 6 s block held about 2,200 transfers (333 a second, measured
// with `scripts/bench.sh`). With measured weights a transfer weighs 167-179 µs, and:
//
// - **Slot: 6 s.** Aura cannot change it on a live chain; GRANDPA finalizes about three blocks
//   behind the best (measured under every load of `scripts/bench.sh`).
// - **Block compute: 2 s** (`MAXIMUM_BLOCK_WEIGHT`), a third of the slot. The author builds within
//   its 4 s proposal window (`BLOCK_PROPOSAL_SLOT_PORTION`, two thirds of the slot, in the node)
//   and every other validator imports within the weight's time: `benchmark extrinsic` executes a
//   full block of transfers at 141 µs each (0.84 of their weight), and the `full_block` test
//   (node/src/full_block.rs) imports full blocks of the heaviest calls of our pallets in 0.56 to
//   0.84 of the time their weight stands for (two runs; timings here vary by about 15%). Build
//   and import together stay inside the slot.
// - **Normal share: 85%** (`NORMAL_DISPATCH_RATIO`), 1.7 s for users' transactions: 9,500
//   transfers, 5,246 card uses or 4,691 complaint filings per block (measured). The other 15% (0.3
//   s) is kept for operational calls (council motions, equivocation reports), more than the
//   heaviest of them needs.

/// Share of a block's weight and length that ordinary (`Normal`) transactions may use; the rest
/// is kept for operational calls (governance, equivocation reports) so that they always fit.
pub const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(85);

/// Compute time a block may take: 2 s of the 6 s slot (see the block budget above).
pub const MAXIMUM_BLOCK_WEIGHT: Weight =
	Weight::from_parts(WEIGHT_REF_TIME_PER_MILLIS.saturating_mul(2_000), u64::MAX);

/// What `on_initialize` hooks take on average, reserved out of the normal share when computing
/// the largest single normal extrinsic.
const AVERAGE_ON_INITIALIZE_RATIO: Perbill = Perbill::from_percent(5);

/// A block is at most 5 MiB.
const MAXIMUM_BLOCK_LENGTH: u32 = 5 * 1024 * 1024;

/// The weights of the transaction extensions (nonce, era, weight checks, the fee), **inside
/// `ExtrinsicBaseWeight`**: `benchmark overhead` measures a block of signed `System::remark`s
/// that carry all of [`crate::TxExtension`], so their execution is in the base weight already.
/// Charging the extensions' own weights on top counts them twice (polkadot-sdk issue #9981),
/// which here would have cost a quarter of the transfers a block holds.
///
/// What that benchmark cannot see is the database: its remarks all come from one account, warm
/// after the first. So the fee payment charges the payer's account, read and written (its nonce
/// is in the same `System::Account` entry); every other extension charges nothing.
pub struct ExtensionsInBaseWeight;

impl frame_system::ExtensionsWeightInfo for ExtensionsInBaseWeight {
	fn check_genesis() -> Weight {
		Weight::zero()
	}
	fn check_mortality_mortal_transaction() -> Weight {
		Weight::zero()
	}
	fn check_mortality_immortal_transaction() -> Weight {
		Weight::zero()
	}
	fn check_non_zero_sender() -> Weight {
		Weight::zero()
	}
	fn check_nonce() -> Weight {
		Weight::zero()
	}
	fn check_spec_version() -> Weight {
		Weight::zero()
	}
	fn check_tx_version() -> Weight {
		Weight::zero()
	}
	fn check_weight() -> Weight {
		Weight::zero()
	}
	fn weight_reclaim() -> Weight {
		Weight::zero()
	}
}

impl pallet_transaction_payment::WeightInfo for ExtensionsInBaseWeight {
	fn charge_transaction_payment() -> Weight {
		<Runtime as frame_system::Config>::DbWeight::get().reads_writes(1, 1)
	}
}

parameter_types! {
	pub const BlockHashCount: u32 = 2400;
	pub const Version: sp_version::RuntimeVersion = VERSION;
	pub RuntimeBlockWeights: BlockWeights = BlockWeights::builder()
		.base_block(BlockExecutionWeight::get())
		.for_class(DispatchClass::all(), |weights| {
			weights.base_extrinsic = ExtrinsicBaseWeight::get();
		})
		.for_class(DispatchClass::Normal, |weights| {
			weights.max_total = Some(NORMAL_DISPATCH_RATIO * MAXIMUM_BLOCK_WEIGHT);
		})
		.for_class(DispatchClass::Operational, |weights| {
			weights.max_total = Some(MAXIMUM_BLOCK_WEIGHT);
			// Operational calls may also use what normal ones left, and this much is theirs alone.
			weights.reserved = Some(MAXIMUM_BLOCK_WEIGHT - NORMAL_DISPATCH_RATIO * MAXIMUM_BLOCK_WEIGHT);
		})
		.avg_block_initialization(AVERAGE_ON_INITIALIZE_RATIO)
		.build_or_panic();
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
	// ParityDB is the only database (see node/Cargo.toml); its weights are measured here.
	type DbWeight = ParityDbWeight;
	type SystemWeightInfo = crate::weights::frame_system::WeightInfo<Runtime>;
	type ExtensionsWeightInfo = ExtensionsInBaseWeight;
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
	type WeightInfo = crate::weights::pallet_timestamp::WeightInfo<Runtime>;
}
