//! Governance: the supernode council (pallet-collective; its members are the supernode
//! operators, kept in step by pallet-supernodes), sudo (a key only in the `development` preset)
//! and utility (batches).
//!
//! The council's motions pass with at least two thirds of the supernodes: that is
//! [`CouncilOrigin`], the origin the other pallets name for appointing regulators, approving
//! sub-chains and changing the validator set.

use crate::{
	configs::system::RuntimeBlockWeights, AccountId, BlockNumber, OriginCaller, Runtime,
	RuntimeCall, RuntimeEvent, RuntimeOrigin, DAYS,
};
use frame_support::{parameter_types, traits::EitherOfDiverse, weights::Weight};
use frame_system::EnsureRoot;
use sp_runtime::Perbill;

/// The supernode council's instance of pallet-collective.
pub type CouncilCollective = pallet_collective::Instance1;

/// A motion carried by at least two thirds of the supernode council.
pub type EnsureCouncilTwoThirds =
	pallet_collective::EnsureProportionAtLeast<AccountId, CouncilCollective, 2, 3>;

/// What the other pallets call the council: two thirds of the supernodes, or root (reachable
/// only through sudo, which exists in the `development` preset alone).
pub type CouncilOrigin = EitherOfDiverse<EnsureRoot<AccountId>, EnsureCouncilTwoThirds>;

parameter_types! {
	/// A motion is open for 3 days; it closes early once two thirds have voted for it.
	pub const CouncilMotionDuration: BlockNumber = 3 * DAYS;
	pub const CouncilMaxProposals: u32 = 100;
	/// As many members as supernodes may exist (`MaxSupernodes`).
	pub const CouncilMaxMembers: u32 = 32;
	/// A motion may dispatch a call of at most half a block.
	pub MaxCouncilProposalWeight: Weight = Perbill::from_percent(50) * RuntimeBlockWeights::get().max_block;
}

impl pallet_collective::Config<CouncilCollective> for Runtime {
	type RuntimeOrigin = RuntimeOrigin;
	type Proposal = RuntimeCall;
	type RuntimeEvent = RuntimeEvent;
	type MotionDuration = CouncilMotionDuration;
	type MaxProposals = CouncilMaxProposals;
	type MaxMembers = CouncilMaxMembers;
	type DefaultVote = pallet_collective::PrimeDefaultVote;
	type WeightInfo = crate::weights::pallet_collective::WeightInfo<Runtime>;
	// Members are the supernode operators: they change only with pallet-supernodes' records.
	#[cfg(not(feature = "runtime-benchmarks"))]
	type SetMembersOrigin = frame_system::EnsureNever<AccountId>;
	// pallet-collective's benchmarks seat their members with `set_members`: a benchmarking
	// build (never a chain's runtime) lets root do it, so that they can run.
	#[cfg(feature = "runtime-benchmarks")]
	type SetMembersOrigin = frame_system::EnsureRoot<AccountId>;
	type MaxProposalWeight = MaxCouncilProposalWeight;
	type DisapproveOrigin = EnsureCouncilTwoThirds;
	type KillOrigin = EnsureCouncilTwoThirds;
	type Consideration = ();
}

impl pallet_sudo::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WeightInfo = crate::weights::pallet_sudo::WeightInfo<Runtime>;
}

impl pallet_utility::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type PalletsOrigin = OriginCaller;
	type WeightInfo = crate::weights::pallet_utility::WeightInfo<Runtime>;
}
