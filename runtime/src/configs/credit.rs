//! The consumer-trust pallets: credit (subjects, commitments, scores, the credit card).

use crate::{Runtime, Signature, Timestamp, DAYS_MS};
use frame_support::{parameter_types, traits::ConstU32};
use pallet_credit::TierThresholds;
use sp_runtime::{traits::Verify, Permill};

parameter_types! {
	/// A commitment is valid for at most three years.
	pub const MaxCommitmentDuration: u64 = 3 * 365 * DAYS_MS;
	/// Card discounts are capped at 30%.
	pub const MaxCardDiscount: Permill = Permill::from_percent(30);
	/// Tier thresholds: A ≥ 800, B ≥ 650, C ≥ 500, D below.
	pub const CreditTierThresholds: TierThresholds = TierThresholds { a: 800, b: 650, c: 500 };
}

impl pallet_credit::Config for Runtime {
	// Two thirds of the supernode council, or root through sudo (`development` only).
	type CouncilOrigin = crate::configs::governance::CouncilOrigin;
	type Time = Timestamp;
	type OffchainSignature = Signature;
	type OffchainPublic = <Signature as Verify>::Signer;
	type MaxNameLength = ConstU32<64>;
	type MaxRecentEvents = ConstU32<32>;
	type MaxCommitmentDuration = MaxCommitmentDuration;
	type MaxCardDiscount = MaxCardDiscount;
	type TierThresholds = CreditTierThresholds;
	type WeightInfo = pallet_credit::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = ();
}
