//! Consensus: Aura block production, GRANDPA finality and the session that holds the validator
//! set (the supernodes' validators, managed by `pallet-supernodes`; shown by polkadot.js apps as
//! block authors).

use crate::{AccountId, Balance, Balances, Runtime, RuntimeEvent, SessionKeys, Supernodes};
use frame_support::{
	parameter_types,
	traits::{ConstBool, ConstU32, ConstU64},
};
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_runtime::traits::{ConvertInto, OpaqueKeys};

/// At most this many validators (supernode nodes) take part in consensus.
pub const MAX_AUTHORITIES: u32 = 32;

impl pallet_aura::Config for Runtime {
	type AuthorityId = AuraId;
	type DisabledValidators = ();
	type MaxAuthorities = ConstU32<MAX_AUTHORITIES>;
	type AllowMultipleBlocksPerSlot = ConstBool<false>;
	type SlotDuration = pallet_aura::MinimumPeriodTimesTwo<Runtime>;
}

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type MaxAuthorities = ConstU32<MAX_AUTHORITIES>;
	type MaxNominators = ConstU32<0>;
	type MaxSetIdSessionEntries = ConstU64<0>;
	// No staking, so no equivocation slashing: reports need no key-ownership proof.
	type KeyOwnerProof = sp_core::Void;
	type EquivocationReportSystem = ();
}

parameter_types! {
	/// GXC held from an account that registers session keys, returned when it purges them.
	pub const SessionKeyDeposit: Balance = 0;
}

impl pallet_session::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type ValidatorId = AccountId;
	// A validator is identified by its account.
	type ValidatorIdOf = ConvertInto;
	// Sessions of `pallet_supernodes::SessionLength` blocks, periodic from block 0 (genesis sets
	// the length: 10 blocks on `local_testnet`, `DefaultSessionLength` = 100 otherwise).
	type ShouldEndSession = Supernodes;
	type NextSessionRotation = Supernodes;
	// The approved validators of the supernodes whose keys are set. A change is planned at the
	// end of the session in which it is made and active from the start of the session after:
	// pallet-session's one-session lag.
	type SessionManager = Supernodes;
	type SessionHandler = <SessionKeys as OpaqueKeys>::KeyTypeIdProviders;
	type Keys = SessionKeys;
	type DisablingStrategy = ();
	type WeightInfo = pallet_session::weights::SubstrateWeight<Runtime>;
	type Currency = Balances;
	type KeyDeposit = SessionKeyDeposit;
}
