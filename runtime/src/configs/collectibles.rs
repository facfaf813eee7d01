//! `pallet-nfts`: the ownership layer of cultural-tourism digital collectibles.
//!
//! China's rules for digital collectibles forbid a secondary market: no listing, no price
//! between consumers, no swaps. Those features of `pallet-nfts` are switched off here, and
//! collections are created only by governance or by the collectibles pallet, never by a signed
//! call, so that an item in a wallet is always one a licensed issuer minted.

use crate::{AccountId, Balance, Balances, BlockNumber, Runtime, RuntimeEvent, Signature, DAYS, MILLI_GXC};
use frame_support::{
	parameter_types,
	traits::{AsEnsureOriginWithArg, ConstU32},
};
use frame_system::{EnsureNever, EnsureRoot};
use pallet_nfts::{PalletFeature, PalletFeatures};
use sp_runtime::traits::Verify;

parameter_types! {
	/// Trading, swaps and third-party transfer approvals are off: no secondary market.
	pub NftFeatures: PalletFeatures = PalletFeatures::from_disabled(
		PalletFeature::Trading | PalletFeature::Swaps | PalletFeature::Approvals,
	);
	pub const CollectionDeposit: Balance = 10 * MILLI_GXC;
	pub const ItemDeposit: Balance = MILLI_GXC;
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
	type ForceOrigin = EnsureRoot<AccountId>;
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
	type WeightInfo = pallet_nfts::weights::SubstrateWeight<Runtime>;
	type BlockNumberProvider = frame_system::Pallet<Runtime>;
}
