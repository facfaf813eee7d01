//! A mock runtime: System, Timestamp, Balances (deposits are held in it), Assets (CNY = asset
//! 1) and Disputes, with the subject registry, the prepaid escrow and the collectibles kept in
//! memory so that tests set them freely.

use crate as pallet_disputes;
use crate::Evidence;
use core::cell::RefCell;
use frame_support::{
	assert_ok, derive_impl, parameter_types,
	traits::{
		fungibles::{Inspect, Mutate},
		tokens::Preservation,
		AsEnsureOriginWithArg, ConstU128, ConstU32, ConstU64, Hooks,
	},
	weights::Weight,
};
use frame_system::{EnsureRoot, EnsureSigned};
use guilian_primitives::{
	AreaCode, CollectibleRecord, CreditTier, EscrowRemedy, MerchantCategory, MerchantStatus,
	MerchantSummary, RegulatorDomain, Severity, SubjectRegistry,
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
	pub type Assets = pallet_assets;
	#[runtime::pallet_index(4)]
	pub type Disputes = pallet_disputes;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountId = AccountId;
	type Lookup = IdentityLookup<AccountId>;
	type AccountData = pallet_balances::AccountData<u128>;
	type DbWeight = frame_support::weights::constants::ParityDbWeight;
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
/// The complaint deposit (native units).
pub const DEPOSIT: u128 = 1_000;
/// The appeal deposit (native units).
pub const APPEAL_DEPOSIT: u128 = 5_000;

parameter_types! {
	pub const CnyAsset: u32 = CNY;
}

impl pallet_disputes::Config for Test {
	type Currency = Assets;
	type CnyAsset = CnyAsset;
	type NativeBalance = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Subjects = MockRegistry;
	type Escrow = MockEscrow;
	type Collectibles = MockCollectibles;
	type Time = Timestamp;
	type ComplaintDeposit = ConstU128<DEPOSIT>;
	type AppealDeposit = ConstU128<APPEAL_DEPOSIT>;
	type ResponseWindow = ConstU64<{ 3 * DAY }>;
	type EvidenceWindow = ConstU64<{ 7 * DAY }>;
	type AppealWindow = ConstU64<{ 7 * DAY }>;
	type DecisionWindow = ConstU64<{ 14 * DAY }>;
	type MaxEvidencePerParty = ConstU32<3>;
	type MaxHistory = ConstU32<16>;
	type MaxLiveComplaintsPerConsumer = ConstU32<3>;
	type MaxSweepPerBlock = ConstU32<4>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockRegistry;
}

/// A prepaid card of the mock escrow.
#[derive(Clone)]
pub struct MockCard {
	pub holder: AccountId,
	pub merchant: AccountId,
	/// Unused value held in escrow.
	pub escrowed: u128,
	/// Unused value the merchant drew in advance (escrow cannot pay it).
	pub advanced: u128,
	pub transacted: bool,
}

thread_local! {
	static MERCHANTS: RefCell<BTreeMap<AccountId, MerchantSummary>> = RefCell::new(BTreeMap::new());
	static CONSUMERS: RefCell<BTreeSet<AccountId>> = RefCell::new(BTreeSet::new());
	static REGULATORS: RefCell<BTreeMap<AccountId, AreaCode>> = RefCell::new(BTreeMap::new());
	static CREDIT: RefCell<Vec<(AccountId, Option<Severity>)>> = RefCell::new(Vec::new());
	static CARDS: RefCell<BTreeMap<u64, MockCard>> = RefCell::new(BTreeMap::new());
	static ITEMS: RefCell<BTreeMap<(u32, u32), (AccountId, AccountId, bool)>> = RefCell::new(BTreeMap::new());
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
		REGULATORS.with(|r| r.borrow().get(who).copied())
	}
	fn regulator_covers(who: &AccountId, _: RegulatorDomain, area: AreaCode) -> bool {
		Self::regulator_jurisdiction(who).is_some_and(|j| j.covers(area))
	}
	fn card_discount(_: &AccountId, _: &AccountId) -> Permill {
		Permill::zero()
	}
	fn record_breach(subject: &AccountId, severity: Severity, _evidence: H256) -> DispatchResult {
		CREDIT.with(|b| b.borrow_mut().push((subject.clone(), Some(severity))));
		Ok(())
	}
	fn record_fulfilment(subject: &AccountId, _evidence: H256) -> DispatchResult {
		CREDIT.with(|b| b.borrow_mut().push((subject.clone(), None)));
		Ok(())
	}
	fn set_supervised(who: &AccountId, disabled: bool, _evidence: H256) -> DispatchResult {
		MERCHANTS.with(|m| match m.borrow_mut().get_mut(who) {
			Some(merchant) => {
				merchant.status = if disabled { MerchantStatus::Suspended } else { MerchantStatus::Active };
				Ok(())
			},
			None => Err(DispatchError::Other("not a merchant")),
		})
	}
}

/// The prepaid escrow of the tests: one escrow account holds every card's escrowed value.
pub struct MockEscrow;

impl EscrowRemedy<AccountId, u128> for MockEscrow {
	fn card_parties(card: u64) -> Option<(AccountId, AccountId)> {
		CARDS.with(|c| c.borrow().get(&card).map(|c| (c.holder.clone(), c.merchant.clone())))
	}
	fn refundable(card: u64) -> u128 {
		CARDS.with(|c| c.borrow().get(&card).map(|c| c.escrowed + c.advanced).unwrap_or_default())
	}
	fn card_transacted(card: u64) -> bool {
		CARDS.with(|c| c.borrow().get(&card).is_some_and(|c| c.transacted))
	}
	fn refund(card: u64, amount: u128) -> Result<u128, DispatchError> {
		let mut entry = CARDS.with(|c| c.borrow().get(&card).cloned()).ok_or(DispatchError::Other("no card"))?;
		if amount > entry.escrowed + entry.advanced {
			return Err(DispatchError::Other("beyond the card"));
		}
		// Like pallet-prepaid: escrow pays its part, the merchant the advanced part as far as it
		// can; the rest becomes the merchant's debt.
		let from_escrow = amount.min(entry.escrowed);
		let from_merchant = (amount - from_escrow).min(cny(&entry.merchant));
		<Assets as Mutate<AccountId>>::transfer(CNY, &escrow(), &entry.holder, from_escrow, Preservation::Expendable)?;
		<Assets as Mutate<AccountId>>::transfer(CNY, &entry.merchant, &entry.holder, from_merchant, Preservation::Expendable)?;
		entry.escrowed -= from_escrow;
		entry.advanced -= amount - from_escrow;
		entry.transacted = true;
		CARDS.with(|c| c.borrow_mut().insert(card, entry));
		Ok(from_escrow + from_merchant)
	}
	fn freeze_merchant(_: &AccountId) -> DispatchResult {
		Ok(())
	}
}

/// The collectibles of the tests.
pub struct MockCollectibles;

impl CollectibleRecord<AccountId> for MockCollectibles {
	fn item_parties(series: u32, item: u32) -> Option<(AccountId, AccountId)> {
		ITEMS.with(|i| i.borrow().get(&(series, item)).map(|(h, s, _)| (h.clone(), s.clone())))
	}
	fn redeemed(series: u32, item: u32) -> bool {
		ITEMS.with(|i| i.borrow().get(&(series, item)).is_some_and(|(_, _, r)| *r))
	}
}

#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<AccountId, u128> for MockRegistry {
	fn setup(regulator: &AccountId, merchant: &AccountId, consumer: &AccountId, area: AreaCode, cny: u128) {
		set_merchant_in(merchant, area);
		verify(consumer);
		REGULATORS.with(|r| r.borrow_mut().insert(regulator.clone(), area));
		fund(merchant, cny);
		fund(consumer, cny);
	}
	fn card(merchant: &AccountId, consumer: &AccountId, value: u128) -> Option<u64> {
		let id = CARDS.with(|c| c.borrow().len() as u64 + 100);
		add_card(id, consumer, merchant, value, 0, true);
		Some(id)
	}
	fn set_time(ms: u64) {
		Timestamp::set_timestamp(ms);
	}
}

/// Registers a merchant in Qingxiu (450103).
pub fn set_merchant(who: &AccountId) {
	set_merchant_in(who, AreaCode(450103));
}
/// Registers a merchant in `area`.
pub fn set_merchant_in(who: &AccountId, area: AreaCode) {
	MERCHANTS.with(|m| {
		m.borrow_mut().insert(
			who.clone(),
			MerchantSummary {
				category: MerchantCategory::Fitness,
				area,
				status: MerchantStatus::Active,
				licensed_at: START - 730 * DAY,
				tier: CreditTier::B,
			},
		)
	});
}
/// Verifies a consumer.
pub fn verify(who: &AccountId) {
	CONSUMERS.with(|c| c.borrow_mut().insert(who.clone()));
}
/// Adds a card with `escrowed` + `advanced` unused value; the escrowed part is minted into the
/// escrow account.
pub fn add_card(id: u64, holder: &AccountId, merchant: &AccountId, escrowed: u128, advanced: u128, transacted: bool) {
	fund(&escrow(), escrowed);
	CARDS.with(|c| {
		c.borrow_mut().insert(
			id,
			MockCard { holder: holder.clone(), merchant: merchant.clone(), escrowed, advanced, transacted },
		)
	});
}
/// A card's state.
pub fn card(id: u64) -> MockCard {
	CARDS.with(|c| c.borrow().get(&id).cloned().expect("the test added this card"))
}
/// Adds a collectible item held by `holder`, issued by `issuer`.
pub fn add_item(series: u32, item: u32, holder: &AccountId, issuer: &AccountId, redeemed: bool) {
	ITEMS.with(|i| i.borrow_mut().insert((series, item), (holder.clone(), issuer.clone(), redeemed)));
}
/// Credit events reported so far: `Some(severity)` breaches, `None` fulfilments.
pub fn credit_events() -> Vec<(AccountId, Option<Severity>)> {
	CREDIT.with(|b| b.borrow().clone())
}
/// Mints CNY to `who`.
pub fn fund(who: &AccountId, amount: u128) {
	if amount > 0 {
		assert_ok!(<Assets as Mutate<AccountId>>::mint_into(CNY, who, amount));
	}
}
/// CNY balance of `who`, in fen.
pub fn cny(who: &AccountId) -> u128 {
	<Assets as Inspect<AccountId>>::balance(CNY, who)
}
/// Native balance held by the pallet from `who` for `reason`.
pub fn held(reason: crate::HoldReason, who: &AccountId) -> u128 {
	use frame_support::traits::fungible::InspectHold;
	<Balances as InspectHold<AccountId>>::balance_on_hold(&RuntimeHoldReason::Disputes(reason), who)
}
/// Free native balance of `who`.
pub fn free(who: &AccountId) -> u128 {
	Balances::free_balance(who)
}

/// The gym (a merchant in Qingxiu, Nanning).
pub fn gym() -> AccountId {
	Sr25519Keyring::Charlie.to_account_id()
}
/// A restaurant in Guilin (450302).
pub fn guilin_shop() -> AccountId {
	Sr25519Keyring::CharlieStash.to_account_id()
}
/// A verified consumer with native funds and 1,000 CNY.
pub fn consumer() -> AccountId {
	Sr25519Keyring::Eve.to_account_id()
}
/// An unverified account with native funds.
pub fn stranger() -> AccountId {
	Sr25519Keyring::Ferdie.to_account_id()
}
/// The Nanning regulator (450100).
pub fn regulator() -> AccountId {
	Sr25519Keyring::Bob.to_account_id()
}
/// Mediators of Nanning (the first three) and one of Guilin.
pub fn mediator(n: u8) -> AccountId {
	match n {
		0 => Sr25519Keyring::Alice.to_account_id(),
		1 => Sr25519Keyring::AliceStash.to_account_id(),
		2 => Sr25519Keyring::DaveStash.to_account_id(),
		3 => Sr25519Keyring::EveStash.to_account_id(),
		_ => Sr25519Keyring::One.to_account_id(),
	}
}
/// The escrow account of the mock prepaid pallet.
pub fn escrow() -> AccountId {
	Sr25519Keyring::Two.to_account_id()
}

/// Evidence with hash `n`.
pub fn evidence(n: u8) -> Evidence {
	Evidence { hash: H256::repeat_byte(n), uri: b"ipfs://bafy-evidence".to_vec().try_into().unwrap() }
}

/// Genesis: CNY exists; the gym (Qingxiu) and the Guilin shop are merchants, the consumer is
/// verified; everyone has native funds; the consumer holds 1,000 CNY, the gym 5,000 CNY;
/// mediators 0-2 serve Nanning (450100), mediator 3 Guilin (450300); time [`START`], block 1.
pub fn new_test_ext() -> sp_io::TestExternalities {
	MERCHANTS.with(|m| m.borrow_mut().clear());
	CONSUMERS.with(|c| c.borrow_mut().clear());
	REGULATORS.with(|r| r.borrow_mut().clear());
	CREDIT.with(|b| b.borrow_mut().clear());
	CARDS.with(|c| c.borrow_mut().clear());
	ITEMS.with(|i| i.borrow_mut().clear());
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	let funded = [regulator(), gym(), guilin_shop(), consumer(), stranger(), mediator(0), mediator(1), mediator(2), mediator(3), mediator(4)];
	pallet_balances::GenesisConfig::<Test> {
		balances: funded.iter().map(|a| (a.clone(), 100_000)).collect(),
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
	ext.execute_with(|| {
		System::set_block_number(1);
		Timestamp::set_timestamp(START);
		set_merchant(&gym());
		set_merchant_in(&guilin_shop(), AreaCode(450302));
		verify(&consumer());
		REGULATORS.with(|r| {
			r.borrow_mut().insert(regulator(), AreaCode(450100));
		});
		fund(&consumer(), 1_000 * YUAN);
		fund(&gym(), 5_000 * YUAN);
		for n in 0..3 {
			assert_ok!(Disputes::appoint_mediator(signed(regulator()), mediator(n), AreaCode(450100)));
		}
		crate::Mediators::<Test>::insert(
			mediator(3),
			crate::Mediator { area: AreaCode(450300), appointed_by: regulator() },
		);
		System::reset_events();
	});
	ext
}

/// Runs `test` and checks the pallet's invariants afterwards.
pub fn test(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Disputes::do_try_state().expect("dispute invariants hold after the test");
	});
}

/// A signed origin.
pub fn signed(who: AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

/// Moves time forward by `ms`, to the next block.
pub fn advance(ms: u64) {
	System::set_block_number(System::block_number() + 1);
	Timestamp::set_timestamp(pallet_timestamp::Now::<Test>::get() + ms);
}

/// Runs the `on_idle` sweep with plenty of weight.
pub fn idle() -> Weight {
	Disputes::on_idle(System::block_number(), Weight::MAX)
}
