//! A mock runtime: System, Timestamp, Balances, Assets (CNY = asset 1), Nfts (configured like
//! the runtime: no trading, swaps or approvals; no signed collection creation) and
//! Collectibles, with a subject registry kept in memory so that tests set merchants, consumers
//! and regulators freely.

use crate as pallet_collectibles;
use core::cell::RefCell;
use frame_support::{
	derive_impl, parameter_types,
	traits::{AsEnsureOriginWithArg, ConstU128, ConstU32, ConstU64},
	PalletId,
};
use frame_system::{EnsureNever, EnsureRoot, EnsureSigned};
use guilian_primitives::{
	AreaCode, CreditTier, MerchantCategory, MerchantStatus, MerchantSummary, RegulatorDomain,
	Severity, SubjectRegistry,
};
use pallet_nfts::{PalletFeature, PalletFeatures};
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
	pub type Nfts = pallet_nfts;
	#[runtime::pallet_index(5)]
	pub type Collectibles = pallet_collectibles;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountId = AccountId;
	type Lookup = IdentityLookup<AccountId>;
	type AccountData = pallet_balances::AccountData<u128>;
	// Non-zero, so that the migration tests see the reads and writes they are charged.
	type DbWeight = frame_support::weights::constants::RocksDbWeight;
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

parameter_types! {
	pub NftFeatures: PalletFeatures = PalletFeatures::from_disabled(
		PalletFeature::Trading | PalletFeature::Swaps | PalletFeature::Approvals,
	);
}

/// pallet-nfts' collection deposit, in the native token.
pub const COLLECTION_DEPOSIT: u128 = 10;
/// pallet-nfts' item deposit, in the native token.
pub const ITEM_DEPOSIT: u128 = 1;

impl pallet_nfts::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type CollectionId = u32;
	type ItemId = u32;
	type Currency = Balances;
	type CreateOrigin = AsEnsureOriginWithArg<EnsureNever<AccountId>>;
	type ForceOrigin = EnsureRoot<AccountId>;
	type Locker = ();
	type CollectionDeposit = ConstU128<COLLECTION_DEPOSIT>;
	type ItemDeposit = ConstU128<ITEM_DEPOSIT>;
	type MetadataDepositBase = ConstU128<1>;
	type AttributeDepositBase = ConstU128<1>;
	type DepositPerByte = ConstU128<1>;
	type StringLimit = ConstU32<64>;
	type KeyLimit = ConstU32<64>;
	type ValueLimit = ConstU32<64>;
	type ApprovalsLimit = ConstU32<1>;
	type ItemAttributesApprovalsLimit = ConstU32<1>;
	type MaxTips = ConstU32<1>;
	type MaxDeadlineDuration = ConstU64<1000>;
	type MaxAttributesPerCall = ConstU32<2>;
	type Features = NftFeatures;
	type OffchainSignature = MultiSignature;
	type OffchainPublic = <MultiSignature as Verify>::Signer;
	#[cfg(feature = "runtime-benchmarks")]
	type Helper = ();
	type WeightInfo = ();
	type BlockNumberProvider = System;
}

/// CNY, the settlement asset.
pub const CNY: u32 = 1;
/// One yuan in fen.
pub const YUAN: u128 = 100;
/// A day in milliseconds.
pub const DAY: u64 = 24 * 60 * 60 * 1000;
/// Genesis time: 2026-01-01.
pub const START: u64 = 1_767_225_600_000;
/// Holding period of the tests' series (the default and minimum).
pub const HOLDING: u64 = 180 * DAY;
/// Most provenance entries of an item in the tests.
pub const MAX_HISTORY: u32 = 4;

parameter_types! {
	pub const CnyAsset: u32 = CNY;
	pub const CollectiblesPalletId: PalletId = PalletId(*b"gl/colls");
}

impl pallet_collectibles::Config for Test {
	type Currency = Assets;
	type CnyAsset = CnyAsset;
	type NativeCurrency = Balances;
	type Nfts = Nfts;
	type SeriesDeposit = ConstU128<COLLECTION_DEPOSIT>;
	type Subjects = MockRegistry;
	type Time = Timestamp;
	type PalletId = CollectiblesPalletId;
	type OffchainSignature = MultiSignature;
	type OffchainPublic = <MultiSignature as Verify>::Signer;
	type DefaultHoldingPeriod = ConstU64<HOLDING>;
	type MinHoldingPeriod = ConstU64<HOLDING>;
	type MaxSupply = ConstU32<1_000>;
	type StringLimit = ConstU32<64>;
	type MaxHistory = ConstU32<MAX_HISTORY>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockRegistry;
}

thread_local! {
	static MERCHANTS: RefCell<BTreeMap<AccountId, MerchantSummary>> = RefCell::new(BTreeMap::new());
	static CONSUMERS: RefCell<BTreeSet<AccountId>> = RefCell::new(BTreeSet::new());
	static REGULATORS: RefCell<BTreeMap<AccountId, (AreaCode, RegulatorDomain)>> = RefCell::new(BTreeMap::new());
}

/// The subject registry of the tests.
pub struct MockRegistry;

impl SubjectRegistry<AccountId> for MockRegistry {
	fn merchant(who: &AccountId) -> Option<MerchantSummary> {
		MERCHANTS.with(|m| m.borrow().get(who).cloned())
	}
	fn is_verified_consumer(who: &AccountId) -> bool {
		CONSUMERS.with(|c| c.borrow().contains(who))
	}
	fn regulator_jurisdiction(who: &AccountId) -> Option<AreaCode> {
		REGULATORS.with(|r| r.borrow().get(who).map(|(area, _)| *area))
	}
	fn regulator_covers(who: &AccountId, domain: RegulatorDomain, area: AreaCode) -> bool {
		REGULATORS.with(|r| r.borrow().get(who).is_some_and(|(j, d)| *d == domain && j.covers(area)))
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

#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<sp_runtime::MultiSigner, AccountId, MultiSignature> for MockRegistry {
	fn signer() -> (sp_runtime::MultiSigner, AccountId) {
		use sp_runtime::traits::IdentifyAccount;
		let public = sp_io::crypto::sr25519_generate(sp_core::crypto::KeyTypeId(*b"gcol"), None);
		let signer = sp_runtime::MultiSigner::Sr25519(public);
		(signer.clone(), signer.into_account())
	}
	fn sign(signer: &sp_runtime::MultiSigner, message: &[u8]) -> MultiSignature {
		let sp_runtime::MultiSigner::Sr25519(public) = signer else { unreachable!("sr25519 signer") };
		MultiSignature::Sr25519(
			sp_io::crypto::sr25519_sign(sp_core::crypto::KeyTypeId(*b"gcol"), public, message).unwrap(),
		)
	}
	fn register_tourism_merchant(merchant: &AccountId) {
		set_merchant(merchant, MerchantCategory::Tourism, MerchantStatus::Active);
	}
	fn verify_consumer(who: &AccountId) {
		verify(who);
	}
	fn regulator() -> AccountId {
		regulator()
	}
	fn area() -> AreaCode {
		SANJIANG
	}
}

/// Sanjiang Dong Autonomous County (三江侗族自治县), where the Yongji Bridge stands.
pub const SANJIANG: AreaCode = AreaCode(450226);
/// Qingxiu district of Nanning, where the tests' issuer is.
pub const QINGXIU: AreaCode = AreaCode(450103);

/// Registers (or re-registers) a merchant in Qingxiu.
pub fn set_merchant(who: &AccountId, category: MerchantCategory, status: MerchantStatus) {
	MERCHANTS.with(|m| {
		m.borrow_mut().insert(
			who.clone(),
			MerchantSummary {
				category,
				area: QINGXIU,
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
/// Verifies a consumer.
pub fn verify(who: &AccountId) {
	CONSUMERS.with(|c| c.borrow_mut().insert(who.clone()));
}
/// Revokes a consumer's verification.
pub fn unverify(who: &AccountId) {
	CONSUMERS.with(|c| c.borrow_mut().remove(who));
}
/// Appoints a regulator.
pub fn appoint(who: &AccountId, area: AreaCode, domain: RegulatorDomain) {
	REGULATORS.with(|r| r.borrow_mut().insert(who.clone(), (area, domain)));
}
/// CNY balance of `who`, in fen.
pub fn cny(who: &AccountId) -> u128 {
	use frame_support::traits::fungibles::Inspect;
	<Assets as Inspect<AccountId>>::balance(CNY, who)
}

/// The scenic site (a Tourism merchant, licensed issuer in [`new_test_ext`]).
pub fn site() -> AccountId {
	Sr25519Keyring::AliceStash.to_account_id()
}
/// The museum (a Tourism merchant, not licensed).
pub fn museum() -> AccountId {
	Sr25519Keyring::BobStash.to_account_id()
}
/// The gym (a Fitness merchant).
pub fn gym() -> AccountId {
	Sr25519Keyring::Charlie.to_account_id()
}
/// The site's gate staff.
pub fn staff() -> AccountId {
	Sr25519Keyring::Dave.to_account_id()
}
/// A verified consumer with 10,000 CNY.
pub fn consumer() -> AccountId {
	Sr25519Keyring::Eve.to_account_id()
}
/// Another verified consumer with 10,000 CNY.
pub fn friend() -> AccountId {
	Sr25519Keyring::FerdieStash.to_account_id()
}
/// An unverified account with 10,000 CNY.
pub fn anonymous() -> AccountId {
	Sr25519Keyring::Ferdie.to_account_id()
}
/// The Nanning culture-and-tourism regulator.
pub fn regulator() -> AccountId {
	Sr25519Keyring::Bob.to_account_id()
}
/// A culture-and-tourism regulator of Guilin.
pub fn guilin_regulator() -> AccountId {
	Sr25519Keyring::CharlieStash.to_account_id()
}
/// A Nanning market regulator (not culture and tourism).
pub fn market_regulator() -> AccountId {
	Sr25519Keyring::DaveStash.to_account_id()
}

/// Genesis: CNY exists; the site (licensed by the regulator through the pallet's genesis), the
/// museum and the gym are Active merchants; the consumer and friend are verified; everyone holds
/// GXC; consumers hold 10,000 CNY; time is [`START`], block 1.
pub fn new_test_ext() -> sp_io::TestExternalities {
	MERCHANTS.with(|m| m.borrow_mut().clear());
	CONSUMERS.with(|c| c.borrow_mut().clear());
	REGULATORS.with(|r| r.borrow_mut().clear());
	set_merchant(&site(), MerchantCategory::Tourism, MerchantStatus::Active);
	set_merchant(&museum(), MerchantCategory::Tourism, MerchantStatus::Active);
	set_merchant(&gym(), MerchantCategory::Fitness, MerchantStatus::Active);
	verify(&consumer());
	verify(&friend());
	appoint(&regulator(), AreaCode(450100), RegulatorDomain::CultureTourism);
	appoint(&guilin_regulator(), AreaCode(450300), RegulatorDomain::CultureTourism);
	appoint(&market_regulator(), AreaCode(450100), RegulatorDomain::MarketSupervision);
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	let endowed = [site(), museum(), gym(), staff(), consumer(), friend(), anonymous(), regulator()];
	pallet_balances::GenesisConfig::<Test> {
		balances: endowed.iter().map(|who| (who.clone(), 1_000_000)).collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_assets::GenesisConfig::<Test> {
		assets: vec![(CNY, regulator(), true, 1)],
		accounts: vec![
			(CNY, consumer(), 10_000 * YUAN),
			(CNY, friend(), 10_000 * YUAN),
			(CNY, anonymous(), 10_000 * YUAN),
		],
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_collectibles::GenesisConfig::<Test> { issuers: vec![(site(), regulator())] }
		.assimilate_storage(&mut storage)
		.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.register_extension(sp_keystore::KeystoreExt::new(sp_keystore::testing::MemoryKeystore::new()));
	ext.execute_with(|| {
		System::set_block_number(1);
		Timestamp::set_timestamp(START);
	});
	ext
}

/// Runs `test` and checks the invariants afterwards.
pub fn test(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Collectibles::do_try_state().expect("collectibles invariants hold after the test");
	});
}

/// Moves time forward by `ms`, to the next block.
pub fn advance(ms: u64) {
	System::set_block_number(System::block_number() + 1);
	let now = pallet_timestamp::Now::<Test>::get();
	pallet_timestamp::Now::<Test>::put(now + ms);
}

/// Drops a merchant from the registry.
pub fn unregister(who: &AccountId) {
	MERCHANTS.with(|m| m.borrow_mut().remove(who));
}
