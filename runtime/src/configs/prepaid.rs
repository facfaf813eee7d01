//! Prepaid escrow: the rules of `DOMAIN.md` as constants (amounts in fen, times in milliseconds).

#[cfg(feature = "runtime-benchmarks")]
use crate::AccountId;
use crate::{Assets, Credit, Runtime, Signature, Timestamp, CNY, CNY_ASSET_ID, DAYS_MS};
use frame_support::{
	parameter_types,
	traits::{ConstU32, ConstU64},
	PalletId,
};
use sp_runtime::traits::Verify;

parameter_types! {
	pub const CnyAssetId: crate::AssetId = CNY_ASSET_ID;
	/// Each merchant's escrow account is a sub-account of this id.
	pub const PrepaidPalletId: PalletId = PalletId(*b"gl/escrw");
	/// Named cards: at most 5,000 CNY (国办发〔2011〕25号).
	pub const NamedCardCap: crate::Balance = 5_000 * CNY;
	/// Anonymous cards: at most 1,000 CNY; above it a card is named.
	pub const AnonymousCardCap: crate::Balance = 1_000 * CNY;
}

impl pallet_prepaid::Config for Runtime {
	type Currency = Assets;
	type CnyAsset = CnyAssetId;
	type Subjects = Credit;
	/// Open complaints raise a merchant's risk level.
	type Complaints = crate::Disputes;
	type Time = Timestamp;
	type PalletId = PrepaidPalletId;
	type OffchainSignature = Signature;
	type OffchainPublic = <Signature as Verify>::Signer;
	type NamedCardCap = NamedCardCap;
	type AnonymousCardCap = AnonymousCardCap;
	/// Education: at most 3 months (90 days) or 60 sessions per charge.
	type EducationMaxValidity = ConstU64<{ 90 * DAYS_MS }>;
	type EducationMaxSessions = ConstU32<60>;
	type MaxValidity = ConstU64<{ 3 * 365 * DAYS_MS }>;
	/// Cooling-off: 7 days (Jiangsu uses 15: change here for a regional chain).
	type CoolingOff = ConstU64<{ 7 * DAYS_MS }>;
	/// Closure notice: 30 days.
	type ClosureNotice = ConstU64<{ 30 * DAYS_MS }>;
	/// Merchants licensed less than 6 months (182 days) ago sell no cards.
	type MinLicenceAge = ConstU64<{ 182 * DAYS_MS }>;
	type MaxCardsPerConsumer = ConstU32<64>;
	type MaxSweepQueue = ConstU32<16>;
	type WeightInfo = pallet_prepaid::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = PrepaidBenchmarkHelper;
}

/// Sets up subjects in pallet-credit and CNY balances for the prepaid benchmarks.
#[cfg(feature = "runtime-benchmarks")]
pub struct PrepaidBenchmarkHelper;

#[cfg(feature = "runtime-benchmarks")]
impl pallet_prepaid::BenchmarkHelper<sp_runtime::MultiSigner, AccountId, Signature, crate::AssetId, crate::Balance>
	for PrepaidBenchmarkHelper
{
	fn signer() -> (sp_runtime::MultiSigner, AccountId) {
		<() as pallet_credit::BenchmarkHelper<_, _, _>>::signer()
	}

	fn sign(signer: &sp_runtime::MultiSigner, message: &[u8]) -> Signature {
		<() as pallet_credit::BenchmarkHelper<_, _, _>>::sign(signer, message)
	}

	fn setup(merchant: &AccountId, consumer: &AccountId, cny: crate::Balance) {
		use frame_support::traits::fungibles::Mutate;
		use sp_runtime::traits::{BlakeTwo256, Hash};
		// Benchmarks start at time zero: move the clock to 2026 so that a merchant licensed at
		// the epoch is old enough to sell.
		if pallet_timestamp::Now::<Runtime>::get() < 1_767_225_600_000 {
			pallet_timestamp::Now::<Runtime>::put(1_767_225_600_000);
		}
		let regulator = Self::regulator_of(merchant);
		let name = b"Benchmark Gym".to_vec().try_into().expect("short name");
		let licence = BlakeTwo256::hash(merchant.as_ref());
		let _ = Credit::do_register_merchant(
			&regulator,
			merchant.clone(),
			licence,
			name,
			guilian_primitives::MerchantCategory::Fitness,
			guilian_primitives::AreaCode(450103),
			0,
		);
		let identity = BlakeTwo256::hash(consumer.as_ref());
		let _ = Credit::do_verify_consumer(&regulator, consumer.clone(), identity);
		let _ = <Assets as Mutate<AccountId>>::mint_into(CNY_ASSET_ID, consumer, cny);
		let _ = <Assets as Mutate<AccountId>>::mint_into(CNY_ASSET_ID, merchant, cny);
	}

	fn suspend(merchant: &AccountId) {
		let regulator = Self::regulator_of(merchant);
		let _ = Credit::do_set_merchant_status(
			&regulator,
			merchant.clone(),
			guilian_primitives::MerchantStatus::Suspended,
			sp_core::H256::zero(),
		);
	}

	fn regulator_of(_merchant: &AccountId) -> AccountId {
		let regulator: AccountId = frame_benchmarking::account("prepaid-regulator", 0, 0);
		if pallet_credit::Regulators::<Runtime>::get(&regulator).is_none() {
			let _ = Credit::do_appoint_regulator(
				regulator.clone(),
				guilian_primitives::AreaCode(450100),
				pallet_credit::RegulatorDomains(pallet_credit::RegulatorDomains::ALL),
			);
		}
		regulator
	}
}
