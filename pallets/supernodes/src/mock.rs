//! A mock runtime: System, Timestamp, Balances (application deposits are held in it) and
//! Supernodes; session keys, regulators and merchants are kept in memory so that tests set them
//! freely. The council is root.

use crate as pallet_supernodes;
use core::cell::RefCell;
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU128, ConstU32, ConstU64, Contains},
};
use frame_system::EnsureRoot;
use guilian_primitives::{
	AreaCode, CreditTier, MerchantCategory, MerchantStatus, MerchantSummary, RegulatorDomain,
	Severity, SubjectRegistry,
};
use sp_core::H256;
use sp_keyring::Sr25519Keyring;
use sp_runtime::{
	traits::IdentityLookup, AccountId32, BuildStorage, DispatchError, DispatchResult, Permill,
};
use std::collections::{BTreeMap, BTreeSet};

pub type AccountId = AccountId32;
type Block = frame_system::mocking::MockBlock<Test>;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeTask,
		RuntimeHoldReason,
		RuntimeFreezeReason
	)]
	pub struct Test;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type Timestamp = pallet_timestamp;
	#[runtime::pallet_index(2)]
	pub type Balances = pallet_balances;
	#[runtime::pallet_index(3)]
	pub type Supernodes = pallet_supernodes;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountId = AccountId;
	type Lookup = IdentityLookup<AccountId>;
	type AccountData = pallet_balances::AccountData<u128>;
}

impl pallet_timestamp::Config for Test {
	type Moment = u64;
	type OnTimestampSet = ();
	type MinimumPeriod = ConstU64<1>;
	type WeightInfo = ();
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type Balance = u128;
	type ExistentialDeposit = ConstU128<1>;
	type AccountStore = System;
}

/// The application deposit.
pub const DEPOSIT: u128 = 1_000;
/// Five minutes in ms.
pub const INTERVAL: u64 = 5 * 60 * 1000;
/// Genesis time: 2026-01-01.
pub const START: u64 = 1_767_225_600_000;
/// The mock's session length (genesis sets it; the default is 100).
pub const SESSION: u64 = 10;

parameter_types! {
	pub const DefaultSessionLength: u64 = 100;
}

impl pallet_supernodes::Config for Test {
	type CouncilOrigin = EnsureRoot<AccountId>;
	type KeysSet = MockKeys;
	type OperatorsChanged = CouncilMembers;
	type Subjects = MockRegistry;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Time = Timestamp;
	type ApplicationDeposit = ConstU128<DEPOSIT>;
	type MinValidators = ConstU32<3>;
	type MaxValidators = ConstU32<8>;
	type MaxSupernodes = ConstU32<6>;
	type MaxValidatorsPerSupernode = ConstU32<3>;
	type MaxNameLen = ConstU32<32>;
	type MaxLabelLen = ConstU32<16>;
	type MaxGateways = ConstU32<3>;
	type MaxAnchorBatch = ConstU32<4>;
	type AnchorInterval = ConstU64<INTERVAL>;
	type DefaultSessionLength = DefaultSessionLength;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockRegistry;
}

thread_local! {
	static KEYS: RefCell<BTreeSet<AccountId>> = RefCell::new(BTreeSet::new());
	static MERCHANTS: RefCell<BTreeMap<AccountId, MerchantSummary>> = RefCell::new(BTreeMap::new());
	static REGULATORS: RefCell<BTreeMap<AccountId, AreaCode>> = RefCell::new(BTreeMap::new());
	static SUPERVISED: RefCell<Vec<(AccountId, bool, H256)>> = RefCell::new(Vec::new());
}

/// Session keys: the accounts in [`KEYS`] have them.
pub struct MockKeys;

impl Contains<AccountId> for MockKeys {
	fn contains(who: &AccountId) -> bool {
		KEYS.with(|k| k.borrow().contains(who))
	}
}

/// The subject registry of the tests.
pub struct MockRegistry;

impl SubjectRegistry<AccountId> for MockRegistry {
	fn merchant(who: &AccountId) -> Option<MerchantSummary> {
		MERCHANTS.with(|m| m.borrow().get(who).cloned())
	}
	fn is_verified_consumer(_: &AccountId) -> bool {
		false
	}
	fn regulator_jurisdiction(who: &AccountId) -> Option<AreaCode> {
		REGULATORS.with(|r| r.borrow().get(who).copied())
	}
	fn regulator_covers(who: &AccountId, _: RegulatorDomain, area: AreaCode) -> bool {
		Self::regulator_jurisdiction(who).is_some_and(|j| j.covers(area))
	}
	fn card_discount(_: &AccountId, _: &AccountId) -> Permill {
		Permill::zero()
	}
	fn record_breach(_: &AccountId, _: Severity, _: H256) -> DispatchResult {
		Ok(())
	}
	fn record_fulfilment(_: &AccountId, _: H256) -> DispatchResult {
		Ok(())
	}
	fn set_supervised(who: &AccountId, disabled: bool, evidence: H256) -> DispatchResult {
		MERCHANTS.with(|m| match m.borrow_mut().get_mut(who) {
			Some(merchant) => {
				merchant.status = if disabled { MerchantStatus::Suspended } else { MerchantStatus::Active };
				SUPERVISED.with(|s| s.borrow_mut().push((who.clone(), disabled, evidence)));
				Ok(())
			},
			None => Err(DispatchError::Other("not a merchant")),
		})
	}
}

#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<AccountId> for MockRegistry {
	fn set_keys(validator: &AccountId) {
		set_keys(validator);
	}
	fn subjects(regulator: &AccountId, merchant: &AccountId, area: AreaCode) {
		REGULATORS.with(|r| r.borrow_mut().insert(regulator.clone(), area));
		add_merchant(merchant, area);
	}
	fn fund(who: &AccountId) {
		use frame_support::traits::fungible::Mutate;
		let _ = Balances::mint_into(who, 1_000_000);
	}
}

/// Gives `who` session keys.
pub fn set_keys(who: &AccountId) {
	KEYS.with(|k| k.borrow_mut().insert(who.clone()));
}
/// Takes `who`'s session keys away (as `purge_keys` would).
pub fn purge_keys(who: &AccountId) {
	KEYS.with(|k| k.borrow_mut().remove(who));
}
/// Registers a merchant in `area`.
pub fn add_merchant(who: &AccountId, area: AreaCode) {
	MERCHANTS.with(|m| {
		m.borrow_mut().insert(
			who.clone(),
			MerchantSummary {
				category: MerchantCategory::Fitness,
				area,
				status: MerchantStatus::Active,
				licensed_at: 0,
				tier: CreditTier::B,
			},
		)
	});
}
/// The status of a mock merchant.
pub fn merchant_status(who: &AccountId) -> Option<MerchantStatus> {
	MERCHANTS.with(|m| m.borrow().get(who).map(|m| m.status))
}
/// What supervision did so far.
pub fn supervised() -> Vec<(AccountId, bool, H256)> {
	SUPERVISED.with(|s| s.borrow().clone())
}

/// A well-known account.
pub fn acc(k: Sr25519Keyring) -> AccountId {
	k.to_account_id()
}
/// Supernode operators and their validators: Alice, Bob, Charlie, Dave run themselves.
pub fn alice() -> AccountId {
	acc(Sr25519Keyring::Alice)
}
pub fn bob() -> AccountId {
	acc(Sr25519Keyring::Bob)
}
pub fn charlie() -> AccountId {
	acc(Sr25519Keyring::Charlie)
}
pub fn dave() -> AccountId {
	acc(Sr25519Keyring::Dave)
}
/// A fifth node (no supernode yet).
pub fn eve() -> AccountId {
	acc(Sr25519Keyring::Eve)
}
/// A backbone-node operator with funds.
pub fn operator() -> AccountId {
	acc(Sr25519Keyring::Ferdie)
}
/// A gateway of the operator's sub-chain.
pub fn gateway() -> AccountId {
	acc(Sr25519Keyring::One)
}
/// An account with no role and no funds.
pub fn stranger() -> AccountId {
	acc(Sr25519Keyring::Two)
}
/// The Nanning regulator (450100).
pub fn regulator() -> AccountId {
	acc(Sr25519Keyring::AliceStash)
}
/// A gym in Qingxiu, Nanning (450103).
pub fn gym() -> AccountId {
	acc(Sr25519Keyring::BobStash)
}
/// A shop in Guilin (450302).
pub fn guilin_shop() -> AccountId {
	acc(Sr25519Keyring::CharlieStash)
}

/// Nanning.
pub const NANNING: AreaCode = AreaCode(450100);

/// Genesis: four supernodes (Alice 450100, Bob 450200, Charlie 450300, Dave 450500), each
/// running its own account as validator with session keys; sessions of [`SESSION`] blocks; the
/// operator funded; the Nanning regulator, the gym and the Guilin shop; time [`START`], block 1.
pub fn new_test_ext() -> sp_io::TestExternalities {
	KEYS.with(|k| k.borrow_mut().clear());
	COUNCIL.with(|c| c.borrow_mut().clear());
	MERCHANTS.with(|m| m.borrow_mut().clear());
	REGULATORS.with(|r| r.borrow_mut().clear());
	SUPERVISED.with(|s| s.borrow_mut().clear());
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: vec![(operator(), 100_000), (regulator(), 100_000)],
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let supernodes = [
		(alice(), "南宁超级节点 Nanning", 450100),
		(bob(), "柳州超级节点 Liuzhou", 450200),
		(charlie(), "桂林超级节点 Guilin", 450300),
		(dave(), "北海超级节点 Beihai", 450500),
	];
	pallet_supernodes::GenesisConfig::<Test> {
		supernodes: supernodes
			.iter()
			.map(|(who, name, area)| (who.clone(), name.as_bytes().to_vec(), AreaCode(*area), vec![who.clone()]))
			.collect(),
		session_length: Some(SESSION),
		chain_ac_code: None,
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		System::set_block_number(1);
		Timestamp::set_timestamp(START);
		for who in [alice(), bob(), charlie(), dave()] {
			set_keys(&who);
		}
		REGULATORS.with(|r| r.borrow_mut().insert(regulator(), NANNING));
		add_merchant(&gym(), AreaCode(450103));
		add_merchant(&guilin_shop(), AreaCode(450302));
	});
	ext
}

/// Runs `test` and checks the pallet's invariants afterwards.
pub fn test(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Supernodes::do_try_state().expect("supernode invariants hold after the test");
	});
}

/// A signed origin.
pub fn signed(who: AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

/// The council's origin.
pub fn council() -> RuntimeOrigin {
	RuntimeOrigin::root()
}

/// Moves time forward by `ms`, to the next block.
pub fn advance(ms: u64) {
	System::set_block_number(System::block_number() + 1);
	Timestamp::set_timestamp(pallet_timestamp::Now::<Test>::get() + ms);
}

thread_local! {
	static COUNCIL: core::cell::RefCell<Vec<AccountId>> = core::cell::RefCell::new(Vec::new());
}

/// Stands in for the council: records its members as pallet-supernodes sets them.
pub struct CouncilMembers;

impl frame_support::traits::ChangeMembers<AccountId> for CouncilMembers {
	fn change_members_sorted(_incoming: &[AccountId], _outgoing: &[AccountId], sorted_new: &[AccountId]) {
		COUNCIL.with(|c| *c.borrow_mut() = sorted_new.to_vec());
	}
}

/// The council's members as last set.
pub fn council_members() -> Vec<AccountId> {
	COUNCIL.with(|c| c.borrow().clone())
}
