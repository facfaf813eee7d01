//! A mock runtime: System, Timestamp, Balances, Assets (CNY = asset 1) and Prepaid, with a
//! subject registry kept in memory so that tests set merchants, consumers and regulators freely.

use crate as pallet_prepaid;
use core::cell::RefCell;
use frame_support::{
	derive_impl, parameter_types,
	traits::{AsEnsureOriginWithArg, ConstU128, ConstU32, ConstU64},
	PalletId,
};
use frame_system::{EnsureRoot, EnsureSigned};
use guilian_primitives::{
	AreaCode, ComplaintStats, RegulatorDomain, CreditTier, MerchantCategory, MerchantStatus, MerchantSummary,
	Severity, SubjectRegistry,
};
use sp_core::H256;
use sp_keyring::Sr25519Keyring;
use sp_runtime::{
	traits::{IdentityLookup, Verify},
	AccountId32, BuildStorage, DispatchResult, MultiSignature, Permill,
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
	pub type Assets = pallet_assets;
	#[runtime::pallet_index(4)]
	pub type Prepaid = pallet_prepaid;
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

#[derive_impl(pallet_assets::config_preludes::TestDefaultConfig)]
impl pallet_assets::Config for Test {
	type Balance = u128;
	type Currency = Balances;
	type CreateOrigin = AsEnsureOriginWithArg<EnsureSigned<AccountId>>;
	type ForceOrigin = EnsureRoot<AccountId>;
	type Freezer = ();
	type Holder = ();
}

/// CNY, the settlement asset.
pub const CNY: u32 = 1;
/// One yuan in fen.
pub const YUAN: u128 = 100;
/// A day in milliseconds.
pub const DAY: u64 = 24 * 60 * 60 * 1000;
/// Genesis time: 2026-01-01.
pub const START: u64 = 1_767_225_600_000;

parameter_types! {
	pub const CnyAsset: u32 = CNY;
	pub const PrepaidPalletId: PalletId = PalletId(*b"gl/escrw");
}

impl pallet_prepaid::Config for Test {
	type Currency = Assets;
	type CnyAsset = CnyAsset;
	type Subjects = MockRegistry;
	type Complaints = MockRegistry;
	type Time = Timestamp;
	type PalletId = PrepaidPalletId;
	type OffchainSignature = MultiSignature;
	type OffchainPublic = <MultiSignature as Verify>::Signer;
	type NamedCardCap = ConstU128<{ 5_000 * YUAN }>;
	type AnonymousCardCap = ConstU128<{ 1_000 * YUAN }>;
	type EducationMaxValidity = ConstU64<{ 90 * DAY }>;
	type EducationMaxSessions = ConstU32<60>;
	type MaxValidity = ConstU64<{ 3 * 365 * DAY }>;
	type CoolingOff = ConstU64<{ 7 * DAY }>;
	type ClosureNotice = ConstU64<{ 30 * DAY }>;
	type MinLicenceAge = ConstU64<{ 182 * DAY }>;
	type MaxCardsPerConsumer = ConstU32<4>;
	type MaxSweepQueue = ConstU32<2>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockRegistry;
}

thread_local! {
	static MERCHANTS: RefCell<BTreeMap<AccountId, MerchantSummary>> = RefCell::new(BTreeMap::new());
	static CONSUMERS: RefCell<BTreeSet<AccountId>> = RefCell::new(BTreeSet::new());
	static REGULATORS: RefCell<BTreeMap<AccountId, AreaCode>> = RefCell::new(BTreeMap::new());
	static DISCOUNTS: RefCell<BTreeMap<(AccountId, AccountId), Permill>> = RefCell::new(BTreeMap::new());
	static BREACHES: RefCell<Vec<(AccountId, Severity)>> = RefCell::new(Vec::new());
	static COMPLAINTS: RefCell<BTreeMap<AccountId, u32>> = RefCell::new(BTreeMap::new());
}

/// The subject registry and complaint counts of the tests.
pub struct MockRegistry;

impl SubjectRegistry<AccountId> for MockRegistry {
	fn merchant(who: &AccountId) -> Option<MerchantSummary> {
		MERCHANTS.with(|m| m.borrow().get(who).cloned())
	}
	fn is_verified_consumer(who: &AccountId) -> bool {
		CONSUMERS.with(|c| c.borrow().contains(who))
	}
	fn regulator_jurisdiction(who: &AccountId) -> Option<AreaCode> {
		REGULATORS.with(|r| r.borrow().get(who).copied())
	}
	fn regulator_covers(who: &AccountId, _: RegulatorDomain, area: AreaCode) -> bool {
		Self::regulator_jurisdiction(who).is_some_and(|j| j.covers(area))
	}
	fn card_discount(merchant: &AccountId, buyer: &AccountId) -> Permill {
		DISCOUNTS.with(|d| d.borrow().get(&(merchant.clone(), buyer.clone())).copied().unwrap_or_default())
	}
	fn record_breach(subject: &AccountId, severity: Severity, _evidence: H256) -> DispatchResult {
		BREACHES.with(|b| b.borrow_mut().push((subject.clone(), severity)));
		Ok(())
	}
	fn record_fulfilment(_subject: &AccountId, _evidence: H256) -> DispatchResult {
		Ok(())
	}
	fn set_supervised(who: &AccountId, disabled: bool, _evidence: H256) -> DispatchResult {
		MERCHANTS.with(|m| match m.borrow_mut().get_mut(who) {
			Some(merchant) => {
				merchant.status = if disabled { MerchantStatus::Suspended } else { MerchantStatus::Active };
				Ok(())
			},
			None => Err(sp_runtime::DispatchError::Other("not a merchant")),
		})
	}
}

impl ComplaintStats<AccountId> for MockRegistry {
	fn open_complaints(merchant: &AccountId) -> u32 {
		COMPLAINTS.with(|c| c.borrow().get(merchant).copied().unwrap_or_default())
	}
	fn resolved_complaints(_: &AccountId) -> u32 {
		0
	}
}

#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<sp_runtime::MultiSigner, AccountId, MultiSignature, u32, u128> for MockRegistry {
	fn signer() -> (sp_runtime::MultiSigner, AccountId) {
		use sp_runtime::traits::IdentifyAccount;
		let public = sp_io::crypto::sr25519_generate(sp_core::crypto::KeyTypeId(*b"gppd"), None);
		let signer = sp_runtime::MultiSigner::Sr25519(public);
		(signer.clone(), signer.into_account())
	}
	fn sign(signer: &sp_runtime::MultiSigner, message: &[u8]) -> MultiSignature {
		let sp_runtime::MultiSigner::Sr25519(public) = signer else { unreachable!("sr25519 signer") };
		MultiSignature::Sr25519(
			sp_io::crypto::sr25519_sign(sp_core::crypto::KeyTypeId(*b"gppd"), public, message).unwrap(),
		)
	}
	fn setup(merchant: &AccountId, consumer: &AccountId, cny: u128) {
		set_merchant(merchant, MerchantCategory::Fitness, MerchantStatus::Active);
		verify(consumer);
		fund(consumer, cny);
		fund(merchant, cny);
	}
	fn suspend(merchant: &AccountId) {
		set_status(merchant, MerchantStatus::Suspended);
	}
	fn regulator_of(_merchant: &AccountId) -> AccountId {
		regulator()
	}
}

/// Registers (or re-registers) a merchant in Qingxiu, licensed two years before [`START`].
pub fn set_merchant(who: &AccountId, category: MerchantCategory, status: MerchantStatus) {
	MERCHANTS.with(|m| {
		m.borrow_mut().insert(
			who.clone(),
			MerchantSummary {
				category,
				area: AreaCode(450103),
				status,
				licensed_at: START - 730 * DAY,
				tier: CreditTier::B,
			},
		)
	});
}
/// Changes a merchant's status.
pub fn set_status(who: &AccountId, status: MerchantStatus) {
	MERCHANTS.with(|m| m.borrow_mut().get_mut(who).map(|r| r.status = status));
}
/// Changes a merchant's licence date.
pub fn set_licensed_at(who: &AccountId, at: u64) {
	MERCHANTS.with(|m| m.borrow_mut().get_mut(who).map(|r| r.licensed_at = at));
}
/// Changes a merchant's tier.
pub fn set_tier(who: &AccountId, tier: CreditTier) {
	MERCHANTS.with(|m| m.borrow_mut().get_mut(who).map(|r| r.tier = tier));
}
/// Verifies a consumer.
pub fn verify(who: &AccountId) {
	CONSUMERS.with(|c| c.borrow_mut().insert(who.clone()));
}
/// Gives `buyer` a discount at `merchant`.
pub fn set_discount(merchant: &AccountId, buyer: &AccountId, discount: Permill) {
	DISCOUNTS.with(|d| d.borrow_mut().insert((merchant.clone(), buyer.clone()), discount));
}
/// Sets a merchant's open complaints.
pub fn set_complaints(merchant: &AccountId, open: u32) {
	COMPLAINTS.with(|c| c.borrow_mut().insert(merchant.clone(), open));
}
/// Breaches reported so far.
pub fn breaches() -> Vec<(AccountId, Severity)> {
	BREACHES.with(|b| b.borrow().clone())
}
/// Mints CNY to `who`.
pub fn fund(who: &AccountId, amount: u128) {
	use frame_support::traits::fungibles::Mutate;
	<Assets as Mutate<AccountId>>::mint_into(CNY, who, amount).unwrap();
}
/// CNY balance of `who`, in fen.
pub fn cny(who: &AccountId) -> u128 {
	use frame_support::traits::fungibles::Inspect;
	<Assets as Inspect<AccountId>>::balance(CNY, who)
}

/// The gym (a merchant).
pub fn gym() -> AccountId {
	Sr25519Keyring::Charlie.to_account_id()
}
/// A training school (an education merchant).
pub fn school() -> AccountId {
	Sr25519Keyring::Dave.to_account_id()
}
/// A verified consumer with 10,000 CNY.
pub fn consumer() -> AccountId {
	Sr25519Keyring::Eve.to_account_id()
}
/// An unverified account with 10,000 CNY.
pub fn anonymous() -> AccountId {
	Sr25519Keyring::Ferdie.to_account_id()
}
/// The Nanning regulator.
pub fn regulator() -> AccountId {
	Sr25519Keyring::Bob.to_account_id()
}
/// A regulator of Guilin.
pub fn guilin_regulator() -> AccountId {
	Sr25519Keyring::BobStash.to_account_id()
}

/// Genesis: CNY exists; the gym and the school are Active merchants, the consumer is verified,
/// consumer and anonymous hold 10,000 CNY, the gym 1,000 CNY; time is [`START`], block 1.
pub fn new_test_ext() -> sp_io::TestExternalities {
	MERCHANTS.with(|m| m.borrow_mut().clear());
	CONSUMERS.with(|c| c.borrow_mut().clear());
	REGULATORS.with(|r| r.borrow_mut().clear());
	DISCOUNTS.with(|d| d.borrow_mut().clear());
	BREACHES.with(|b| b.borrow_mut().clear());
	COMPLAINTS.with(|c| c.borrow_mut().clear());
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: vec![(regulator(), 1_000_000)],
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_assets::GenesisConfig::<Test> {
		assets: vec![(CNY, regulator(), true, 1)],
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.register_extension(sp_keystore::KeystoreExt::new(sp_keystore::testing::MemoryKeystore::new()));
	ext.execute_with(|| {
		System::set_block_number(1);
		Timestamp::set_timestamp(START);
		set_merchant(&gym(), MerchantCategory::Fitness, MerchantStatus::Active);
		set_merchant(&school(), MerchantCategory::Education, MerchantStatus::Active);
		verify(&consumer());
		REGULATORS.with(|r| {
			r.borrow_mut().insert(regulator(), AreaCode(450100));
			r.borrow_mut().insert(guilin_regulator(), AreaCode(450300));
		});
		fund(&consumer(), 10_000 * YUAN);
		fund(&anonymous(), 10_000 * YUAN);
		fund(&gym(), 1_000 * YUAN);
	});
	ext
}

/// Runs `test` and checks the escrow invariants afterwards.
pub fn test(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Prepaid::do_try_state().expect("escrow invariants hold after the test");
	});
}

/// Moves time forward by `ms`, to the next block.
pub fn advance(ms: u64) {
	System::set_block_number(System::block_number() + 1);
	let now = pallet_timestamp::Now::<Test>::get();
	pallet_timestamp::Now::<Test>::put(now + ms);
}
