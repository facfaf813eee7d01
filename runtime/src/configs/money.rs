//! Money: GXC (the native fee token, `pallet-balances`), transaction fees, and the CNY
//! settlement asset (`pallet-assets`).
//!
//! CNY stands for bank-custodied digital RMB: the custody bank's account is its issuer and
//! admin, minting against fiat deposits and burning on withdrawal. Assets are created by
//! governance only (`ForceOrigin`); no account can create a look-alike asset by itself.

use crate::{
	AccountId, AssetId, Balance, Balances, Runtime, RuntimeEvent, RuntimeFreezeReason,
	RuntimeHoldReason, EXISTENTIAL_DEPOSIT, GXC, MILLI_GXC,
};
use frame_support::{
	parameter_types,
	traits::{AsEnsureOriginWithArg, ConstU128, ConstU32, ConstU8, VariantCountOf},
	weights::IdentityFee,
};
use frame_system::{EnsureNever, EnsureRoot};
use pallet_transaction_payment::{ConstFeeMultiplier, FungibleAdapter, Multiplier};
use sp_runtime::traits::One;

impl pallet_balances::Config for Runtime {
	type MaxLocks = ConstU32<50>;
	type MaxReserves = ();
	type ReserveIdentifier = [u8; 8];
	type Balance = Balance;
	type RuntimeEvent = RuntimeEvent;
	type DustRemoval = ();
	type ExistentialDeposit = ConstU128<EXISTENTIAL_DEPOSIT>;
	type AccountStore = frame_system::Pallet<Runtime>;
	type WeightInfo = crate::weights::pallet_balances::WeightInfo<Runtime>;
	type FreezeIdentifier = RuntimeFreezeReason;
	type MaxFreezes = VariantCountOf<RuntimeFreezeReason>;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type DoneSlashHandler = ();
}

parameter_types! {
	/// Fees stay constant: Guilian is a permissioned-validator chain whose users are merchants
	/// and consumers, so fees should be predictable rather than congestion-priced.
	pub FeeMultiplier: Multiplier = Multiplier::one();
}

impl pallet_transaction_payment::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	// Fees are burnt: no validator profits from including one transaction over another.
	type OnChargeTransaction = FungibleAdapter<Balances, ()>;
	type OperationalFeeMultiplier = ConstU8<5>;
	// One picosecond of weight costs one plank (10^-12 GXC).
	type WeightToFee = IdentityFee<Balance>;
	type LengthToFee = IdentityFee<Balance>;
	type FeeMultiplierUpdate = ConstFeeMultiplier<FeeMultiplier>;
	// The fee's execution is inside `ExtrinsicBaseWeight`; see `ExtensionsInBaseWeight`.
	type WeightInfo = crate::configs::system::ExtensionsInBaseWeight;
}

parameter_types! {
	/// Deposits are in GXC; they are returned when the asset or approval is removed.
	pub const AssetDeposit: Balance = 100 * GXC;
	pub const AssetAccountDeposit: Balance = MILLI_GXC;
	pub const AssetMetadataDepositBase: Balance = 10 * MILLI_GXC;
	pub const AssetMetadataDepositPerByte: Balance = MILLI_GXC;
	pub const ApprovalDeposit: Balance = MILLI_GXC;
}

impl pallet_assets::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Balance = Balance;
	type AssetId = AssetId;
	type AssetIdParameter = codec::Compact<AssetId>;
	type ReserveData = ();
	type Currency = Balances;
	// Nobody creates an asset with a signed call; governance force-creates the few the chain
	// needs (CNY exists from genesis).
	type CreateOrigin = AsEnsureOriginWithArg<EnsureNever<AccountId>>;
	type ForceOrigin = EnsureRoot<AccountId>;
	type AssetDeposit = AssetDeposit;
	type AssetAccountDeposit = AssetAccountDeposit;
	type MetadataDepositBase = AssetMetadataDepositBase;
	type MetadataDepositPerByte = AssetMetadataDepositPerByte;
	type ApprovalDeposit = ApprovalDeposit;
	type StringLimit = ConstU32<50>;
	type Freezer = ();
	type Holder = ();
	type Extra = ();
	type CallbackHandle = ();
	type AssetIdAllocator = ();
	type WeightInfo = crate::weights::pallet_assets::WeightInfo<Runtime>;
	type RemoveItemsLimit = ConstU32<1000>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = ();
}
