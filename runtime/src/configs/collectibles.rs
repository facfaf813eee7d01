//! `pallet-nfts`: the ownership layer of cultural-tourism digital collectibles, and
//! `pallet-collectibles`, the compliant layer on top of it.
//!
//! China's rules for digital collectibles forbid a secondary market: no listing, no price
//! between consumers, no swaps. Those features of `pallet-nfts` are switched off here, and
//! collections are created only by governance or by the collectibles pallet, never by a signed
//! call, so that an item in a wallet is always one a licensed issuer minted. The collectibles
//! pallet owns every series' collection and keeps each item locked; gifts after the holding
//! period are its own unlock-transfer-relock.

use crate::{
	AccountId, Assets, Balance, Balances, BlockNumber, Credit, Nfts, Runtime, RuntimeEvent,
	Signature, Timestamp, CNY_ASSET_ID, DAYS, DAYS_MS, MILLI_GXC,
};
use frame_support::{
	parameter_types,
	traits::{AsEnsureOriginWithArg, ConstU32, ConstU64},
	PalletId,
};
use frame_system::EnsureNever;
use pallet_nfts::{PalletFeature, PalletFeatures};
use sp_runtime::traits::Verify;

parameter_types! {
	/// Trading, swaps, third-party transfer approvals and holders' attributes are off: no
	/// secondary market, no listing board. (Signed calls of pallet-nfts are refused altogether
	/// by the runtime's call filter, `configs/system.rs`.)
	pub NftFeatures: PalletFeatures = PalletFeatures::from_disabled(
		PalletFeature::Trading | PalletFeature::Swaps | PalletFeature::Approvals |
			PalletFeature::Attributes,
	);
	pub const CollectionDeposit: Balance = 10 * MILLI_GXC;
	/// Only pallet-collectibles mints, so an item deposit would only be a cost to the buyer that
	/// stays reserved after a gift: none (the native token pays fees only, DOMAIN.md).
	pub const ItemDeposit: Balance = 0;
	pub const NftMetadataDepositBase: Balance = MILLI_GXC;
	pub const AttributeDepositBase: Balance = MILLI_GXC;
	pub const DepositPerByte: Balance = MILLI_GXC / 100;
	pub const MaxDeadlineDuration: BlockNumber = 30 * DAYS;
}

impl pallet_nfts::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type CollectionId = u32;
	type ItemId = u32;
	type Currency = Balances;
	// Not even root may force-mint into a series or lift an item's lock.
	type ForceOrigin = EnsureNever<AccountId>;
	type CreateOrigin = AsEnsureOriginWithArg<EnsureNever<AccountId>>;
	type Locker = ();
	type CollectionDeposit = CollectionDeposit;
	type ItemDeposit = ItemDeposit;
	type MetadataDepositBase = NftMetadataDepositBase;
	type AttributeDepositBase = AttributeDepositBase;
	type DepositPerByte = DepositPerByte;
	type StringLimit = ConstU32<256>;
	type KeyLimit = ConstU32<64>;
	type ValueLimit = ConstU32<256>;
	type ApprovalsLimit = ConstU32<1>;
	type ItemAttributesApprovalsLimit = ConstU32<1>;
	type MaxTips = ConstU32<1>;
	type MaxDeadlineDuration = MaxDeadlineDuration;
	type MaxAttributesPerCall = ConstU32<10>;
	type Features = NftFeatures;
	type OffchainSignature = Signature;
	type OffchainPublic = <Signature as Verify>::Signer;
	#[cfg(feature = "runtime-benchmarks")]
	type Helper = ();
	// The SDK's reference weights: no call of pallet-nfts can be dispatched here (the runtime's
	// `NoDirectNftCalls` filter refuses them all, at this pre-dispatch weight), and the work
	// pallet-collectibles does in pallet-nfts is inside its own measured weights. With
	// `ForceOrigin = EnsureNever` and its features off, pallet-nfts' benchmarks cannot run here.
	type WeightInfo = pallet_nfts::weights::SubstrateWeight<Runtime>;
	type BlockNumberProvider = frame_system::Pallet<Runtime>;
}

parameter_types! {
	pub const CollectiblesCnyAsset: crate::AssetId = CNY_ASSET_ID;
	/// The account owning every series' collection is derived from this id.
	pub const CollectiblesPalletId: PalletId = PalletId(*b"gl/colls");
}

impl pallet_collectibles::Config for Runtime {
	type Currency = Assets;
	type CnyAsset = CollectiblesCnyAsset;
	type NativeCurrency = Balances;
	type Nfts = Nfts;
	/// The issuer pays pallet-nfts' collection deposit of its series.
	type SeriesDeposit = CollectionDeposit;
	type Subjects = Credit;
	type Time = Timestamp;
	type PalletId = CollectiblesPalletId;
	type OffchainSignature = Signature;
	type OffchainPublic = <Signature as Verify>::Signer;
	/// Holding period before a gift: 180 days, and no series may name less.
	type DefaultHoldingPeriod = ConstU64<{ 180 * DAYS_MS }>;
	type MinHoldingPeriod = ConstU64<{ 180 * DAYS_MS }>;
	type MaxSupply = ConstU32<100_000>;
	/// As long as pallet-nfts' metadata limit: the image URI becomes the collection metadata.
	type StringLimit = ConstU32<256>;
	type MaxHistory = ConstU32<32>;
	type WeightInfo = pallet_collectibles::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = CollectiblesBenchmarkHelper;
}

/// Sets up subjects in pallet-credit for the collectibles benchmarks.
#[cfg(feature = "runtime-benchmarks")]
pub struct CollectiblesBenchmarkHelper;

#[cfg(feature = "runtime-benchmarks")]
impl pallet_collectibles::BenchmarkHelper<sp_runtime::MultiSigner, AccountId, Signature>
	for CollectiblesBenchmarkHelper
{
	fn signer() -> (sp_runtime::MultiSigner, AccountId) {
		<() as pallet_credit::BenchmarkHelper<_, _, _>>::signer()
	}

	fn sign(signer: &sp_runtime::MultiSigner, message: &[u8]) -> Signature {
		<() as pallet_credit::BenchmarkHelper<_, _, _>>::sign(signer, message)
	}

	fn register_tourism_merchant(merchant: &AccountId) {
		use sp_runtime::traits::{BlakeTwo256, Hash};
		let name = b"Benchmark Scenic Site".to_vec().try_into().expect("short name");
		let _ = Credit::do_register_merchant(
			&Self::regulator(),
			merchant.clone(),
			BlakeTwo256::hash(merchant.as_ref()),
			name,
			guilian_primitives::MerchantCategory::Tourism,
			guilian_primitives::AreaCode(450103),
			0,
		);
	}

	fn verify_consumer(who: &AccountId) {
		use sp_runtime::traits::{BlakeTwo256, Hash};
		let _ = Credit::do_verify_consumer(
			&Self::regulator(),
			who.clone(),
			BlakeTwo256::hash(who.as_ref()),
		);
	}

	fn regulator() -> AccountId {
		let regulator: AccountId = frame_benchmarking::account("collectibles-regulator", 0, 0);
		if pallet_credit::Regulators::<Runtime>::get(&regulator).is_none() {
			let _ = Credit::do_appoint_regulator(
				regulator.clone(),
				guilian_primitives::AreaCode(450100),
				pallet_credit::RegulatorDomains(pallet_credit::RegulatorDomains::ALL),
			);
		}
		regulator
	}

	fn area() -> guilian_primitives::AreaCode {
		// Sanjiang (Liuzhou), outside the regulator's Nanning: suspension checks the issuer's
		// area too, the worst case.
		guilian_primitives::AreaCode(450226)
	}
}
