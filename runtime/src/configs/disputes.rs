//! Consumer disputes: complaint deadlines, deposits and bounds.

#[cfg(feature = "runtime-benchmarks")]
use crate::AccountId;
use crate::{
	configs::prepaid::CnyAssetId, Assets, Balances, Credit, Prepaid, Runtime,
	RuntimeHoldReason, Timestamp, DAYS_MS, GXC,
};
use frame_support::{
	parameter_types,
	traits::{ConstU32, ConstU64},
};

parameter_types! {
	/// Held from a complainant until the complaint is final; slashed only if it is frivolous.
	/// Small next to a consumer's stake, large next to a spammer's thousand complaints.
	pub const ComplaintDeposit: crate::Balance = GXC;
	/// Held from an appellant until the appeal is decided; lost if the appeal changes nothing.
	pub const AppealDeposit: crate::Balance = 5 * GXC;
	/// The merchant answers within 3 days. A storage parameter (key `twox128(":ResponseWindow:")`,
	/// a little-endian u64 of milliseconds) so that governance can shorten it for a campaign
	/// without a runtime upgrade, and the e2e tests of a dev chain can see a window pass. After
	/// it is shortened, the `on_idle` sweep (which expects deadlines in filing order) may pass
	/// newer deadlines only once older ones are due; `escalate` works at once regardless.
	pub storage ResponseWindow: u64 = 3 * DAYS_MS;
}

impl pallet_disputes::Config for Runtime {
	type Currency = Assets;
	type CnyAsset = CnyAssetId;
	type NativeBalance = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Subjects = Credit;
	type Escrow = Prepaid;
	type Collectibles = crate::Collectibles;
	type Time = Timestamp;
	type ComplaintDeposit = ComplaintDeposit;
	type AppealDeposit = AppealDeposit;
	type ResponseWindow = ResponseWindow;
	/// Evidence for 7 days after a mediator takes the case.
	type EvidenceWindow = ConstU64<{ 7 * DAYS_MS }>;
	/// Appeals within 7 days of the ruling.
	type AppealWindow = ConstU64<{ 7 * DAYS_MS }>;
	/// An appeal panel decides within 14 days, or the first ruling stands.
	type DecisionWindow = ConstU64<{ 14 * DAYS_MS }>;
	type MaxEvidencePerParty = ConstU32<8>;
	/// 2 × 8 evidence items + 10 other steps = 26 at most.
	type MaxHistory = ConstU32<26>;
	type MaxLiveComplaintsPerConsumer = ConstU32<16>;
	type MaxSweepPerBlock = ConstU32<16>;
	type WeightInfo = pallet_disputes::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = DisputesBenchmarkHelper;
}

/// Sets up subjects in pallet-credit and cards in pallet-prepaid for the dispute benchmarks.
#[cfg(feature = "runtime-benchmarks")]
pub struct DisputesBenchmarkHelper;

#[cfg(feature = "runtime-benchmarks")]
impl pallet_disputes::BenchmarkHelper<AccountId, crate::Balance> for DisputesBenchmarkHelper {
	fn setup(
		regulator: &AccountId,
		merchant: &AccountId,
		consumer: &AccountId,
		area: guilian_primitives::AreaCode,
		cny: crate::Balance,
	) {
		use frame_support::traits::fungibles::Mutate;
		use sp_runtime::traits::{BlakeTwo256, Hash};
		// Benchmarks start at time zero: 2026, so that a merchant licensed at the epoch sells cards.
		Self::set_time(1_767_225_600_000);
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
		let _ = Credit::do_verify_consumer(regulator, consumer.clone(), BlakeTwo256::hash(consumer.as_ref()));
		let _ = <Assets as Mutate<AccountId>>::mint_into(crate::CNY_ASSET_ID, consumer, cny);
		let _ = <Assets as Mutate<AccountId>>::mint_into(crate::CNY_ASSET_ID, merchant, cny);
	}

	fn card(merchant: &AccountId, consumer: &AccountId, value: crate::Balance) -> Option<u64> {
		let plan = pallet_prepaid::NextPlanId::<Runtime>::get();
		Prepaid::do_open_plan(merchant.clone(), pallet_prepaid::PlanKind::StoredValue { value }, 365, true)
			.ok()?;
		let card = pallet_prepaid::NextCardId::<Runtime>::get();
		Prepaid::do_buy_card(consumer.clone(), plan).ok()?;
		Some(card)
	}

	fn set_time(ms: u64) {
		pallet_timestamp::Now::<Runtime>::put(ms);
	}
}
