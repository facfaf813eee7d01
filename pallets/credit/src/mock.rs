//! A mock runtime with System, Timestamp and Credit; accounts are the sr25519 dev keys.

use crate as pallet_credit;
use crate::types::{RegulatorDomains, TierThresholds};
use frame_support::{derive_impl, parameter_types, traits::ConstU32};
use frame_system::EnsureRoot;
use guilian_primitives::AreaCode;
use sp_keyring::Sr25519Keyring;
use sp_runtime::{
	traits::{IdentifyAccount, IdentityLookup, Verify},
	AccountId32, BuildStorage, MultiSignature, Permill,
};

type Block = frame_system::mocking::MockBlock<Test>;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(RuntimeCall, RuntimeEvent, RuntimeError, RuntimeOrigin, RuntimeTask)]
	pub struct Test;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type Timestamp = pallet_timestamp;
	#[runtime::pallet_index(2)]
	pub type Credit = pallet_credit;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountId = AccountId32;
	type Lookup = IdentityLookup<AccountId32>;
}

impl pallet_timestamp::Config for Test {
	type Moment = u64;
	type OnTimestampSet = ();
	type MinimumPeriod = ConstU64<1>;
	type WeightInfo = ();
}

use frame_support::traits::ConstU64;

/// A day in milliseconds.
pub const DAY: u64 = 24 * 60 * 60 * 1000;
/// Genesis time of the mock: 2026-01-01.
pub const START: u64 = 1_767_225_600_000;

parameter_types! {
	pub const MaxCommitmentDuration: u64 = 3 * 365 * DAY;
	pub const MaxCardDiscount: Permill = Permill::from_percent(30);
	pub const Thresholds: TierThresholds = TierThresholds { a: 800, b: 650, c: 500 };
}

impl pallet_credit::Config for Test {
	type CouncilOrigin = EnsureRoot<AccountId32>;
	type Time = Timestamp;
	type OffchainSignature = MultiSignature;
	type OffchainPublic = <MultiSignature as Verify>::Signer;
	type MaxNameLength = ConstU32<32>;
	type MaxRecentEvents = ConstU32<8>;
	type MaxCommitmentDuration = MaxCommitmentDuration;
	type MaxCardDiscount = MaxCardDiscount;
	type TierThresholds = Thresholds;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = ();
}

/// The Nanning market regulator.
pub fn regulator() -> AccountId32 {
	Sr25519Keyring::Alice.to_account_id()
}
/// A regulator of Guilin (another city).
pub fn guilin_regulator() -> AccountId32 {
	Sr25519Keyring::Ferdie.to_account_id()
}
/// A gym in Nanning.
pub fn gym() -> AccountId32 {
	Sr25519Keyring::Bob.to_account_id()
}
/// A verified consumer.
pub fn consumer() -> AccountId32 {
	Sr25519Keyring::Charlie.to_account_id()
}
/// A platform that relays signed commitments.
pub fn platform() -> AccountId32 {
	Sr25519Keyring::Dave.to_account_id()
}
/// Nobody in particular.
pub fn stranger() -> AccountId32 {
	Sr25519Keyring::Eve.to_account_id()
}

/// Nanning.
pub const NANNING: AreaCode = AreaCode(450100);
/// Qingxiu district of Nanning.
pub const QINGXIU: AreaCode = AreaCode(450103);
/// Guilin.
pub const GUILIN: AreaCode = AreaCode(450300);

/// The account of a keyring entry as `IdentifyAccount` sees it (sanity for signatures).
pub fn account_of(key: Sr25519Keyring) -> AccountId32 {
	sp_runtime::MultiSigner::from(key.public()).into_account()
}

/// Genesis: the Nanning regulator (all domains), the Guilin regulator, the gym (licensed a year
/// before genesis) and one verified consumer; time is [`START`], block 1.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_credit::GenesisConfig::<Test> {
		regulators: vec![
			(regulator(), NANNING, RegulatorDomains(RegulatorDomains::ALL)),
			(guilin_regulator(), GUILIN, RegulatorDomains(RegulatorDomains::MARKET_SUPERVISION)),
		],
		merchants: vec![(
			gym(),
			sp_core::H256::repeat_byte(1),
			b"Lijiang Fitness".to_vec(),
			guilian_primitives::MerchantCategory::Fitness,
			QINGXIU,
			0,
			regulator(),
		)],
		consumers: vec![(consumer(), sp_core::H256::repeat_byte(2), regulator())],
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	// Benchmarks sign relayed commitments with keys of this keystore.
	ext.register_extension(sp_keystore::KeystoreExt::new(sp_keystore::testing::MemoryKeystore::new()));
	ext.execute_with(|| {
		System::set_block_number(1);
		Timestamp::set_timestamp(START);
	});
	ext
}

/// Runs `test` in a fresh externality and checks the invariants afterwards.
pub fn test(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Credit::do_try_state().expect("invariants hold after the test");
	});
}

/// Moves time forward by `ms` and to the next block.
pub fn advance(ms: u64) {
	System::set_block_number(System::block_number() + 1);
	let now = pallet_timestamp::Now::<Test>::get();
	pallet_timestamp::Now::<Test>::put(now + ms);
}
