//! The Xinghuo supernode model: supernodes and the validator set, sub-chains and anchoring, BID
//! identifiers, supervision work orders.
//!
//! The council origin is two thirds of the supernode council (`configs/governance.rs`), whose
//! members this pallet keeps equal to the supernode operators.

use crate::{
	configs::consensus::MAX_AUTHORITIES, AccountId, Balances, BlockNumber, Credit, Runtime,
	RuntimeHoldReason, Timestamp, GXC, MINUTES,
};
use frame_support::{
	parameter_types,
	traits::{ConstU32, ConstU64, Contains},
};

/// Session length when genesis sets none: 10 minutes of 6-second blocks (100 blocks).
pub const DEFAULT_SESSION_LENGTH: BlockNumber = 10 * MINUTES;
/// Session length of the `local_testnet` preset: 10 blocks (one minute), so that multi-node tests
/// see validator-set changes within a minute or two.
pub const LOCAL_TESTNET_SESSION_LENGTH: BlockNumber = 10;

parameter_types! {
	/// Session length in blocks when genesis sets none.
	pub const DefaultSessionLength: BlockNumber = DEFAULT_SESSION_LENGTH;
	/// Held from a sub-chain applicant until the council decides: enough to make spam costly.
	pub const ApplicationDeposit: crate::Balance = 100 * GXC;
}

/// Whether an account has session keys registered for the next session (pallet-session's
/// `NextKeys`; a validator's id is its account).
pub struct SessionKeysSet;

impl Contains<AccountId> for SessionKeysSet {
	fn contains(who: &AccountId) -> bool {
		pallet_session::NextKeys::<Runtime>::contains_key(who)
	}
}

impl pallet_supernodes::Config for Runtime {
	type CouncilOrigin = crate::configs::governance::CouncilOrigin;
	/// The council's members follow the supernode operators.
	type OperatorsChanged = crate::Council;
	type KeysSet = SessionKeysSet;
	type Subjects = Credit;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Time = Timestamp;
	type ApplicationDeposit = ApplicationDeposit;
	/// Consensus keeps at least three validators (BFT finality needs more than two thirds).
	type MinValidators = ConstU32<3>;
	/// The consensus limit of Aura and GRANDPA.
	type MaxValidators = ConstU32<MAX_AUTHORITIES>;
	type MaxSupernodes = ConstU32<MAX_AUTHORITIES>;
	type MaxValidatorsPerSupernode = ConstU32<4>;
	type MaxNameLen = ConstU32<64>;
	type MaxLabelLen = ConstU32<32>;
	type MaxGateways = ConstU32<4>;
	/// Five minutes of one-second blocks, with room.
	type MaxAnchorBatch = ConstU32<320>;
	/// BIF anchors every 5 minutes.
	type AnchorInterval = ConstU64<{ 5 * 60 * 1000 }>;
	type DefaultSessionLength = DefaultSessionLength;
	type WeightInfo = pallet_supernodes::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = SupernodesBenchmarkHelper;
}

/// Sets session keys, regulators and merchants for the supernode benchmarks.
#[cfg(feature = "runtime-benchmarks")]
pub struct SupernodesBenchmarkHelper;

#[cfg(feature = "runtime-benchmarks")]
impl pallet_supernodes::BenchmarkHelper<AccountId> for SupernodesBenchmarkHelper {
	fn set_keys(validator: &AccountId) {
		// Only the presence of keys matters to the pallet: keys derived from the account.
		let raw: [u8; 32] = validator.clone().into();
		let keys = crate::SessionKeys {
			aura: sp_core::sr25519::Public::from_raw(raw).into(),
			grandpa: sp_core::ed25519::Public::from_raw(raw).into(),
		};
		pallet_session::NextKeys::<Runtime>::insert(validator, keys);
	}

	fn subjects(regulator: &AccountId, merchant: &AccountId, area: guilian_primitives::AreaCode) {
		use sp_runtime::traits::{BlakeTwo256, Hash};
		let _ = Credit::do_appoint_regulator(
			regulator.clone(),
			area,
			pallet_credit::RegulatorDomains(pallet_credit::RegulatorDomains::ALL),
		);
		let name = b"Benchmark Gym".to_vec().try_into().expect("short name");
		let _ = Credit::do_register_merchant(
			regulator,
			merchant.clone(),
			BlakeTwo256::hash(merchant.as_ref()),
			name,
			guilian_primitives::MerchantCategory::Fitness,
			area,
			0,
		);
	}

	fn fund(who: &AccountId) {
		use frame_support::traits::fungible::Mutate;
		let _ = Balances::mint_into(who, 1_000 * GXC);
	}
}
