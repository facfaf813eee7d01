//! # Collectibles pallet (数字藏品): cultural-tourism digital collectibles on pallet-nfts
//!
//! Guangxi sells digital collectibles of ethnic-minority heritage (the Chengyang Yongji Bridge,
//! the Hezhou Museum) to bring visitors to the sites. China allows them only under the rules of
//! its three industry associations (`DOMAIN.md`): real-name buyers, no secondary market, no
//! crypto pricing, no fractions. This pallet is that compliant layer; ownership itself lives in
//! `pallet-nfts`, reached through the `nonfungibles_v2` traits, so wallets and indexers that know
//! pallet-nfts see every item.
//!
//! ## Roles
//! - A **culture-and-tourism regulator** whose jurisdiction covers a Tourism merchant licenses
//!   it as an **issuer** (`license_issuer`) or revokes the licence; it may **suspend** a series
//!   of its area (a fake certificate, a complaint upheld) and resume it.
//! - A licensed, Active **issuer** (museum, scenic site) creates **series** and names **staff**
//!   accounts that record redemptions at the gate.
//! - A **verified consumer** buys, holds, gives away and redeems.
//!
//! ## Life of an item
//! - **Series**: heritage metadata, maximum supply, a CNY price, a sale window, a per-buyer
//!   limit, a holding period (`DefaultHoldingPeriod`, 180 days, or longer) and an optional
//!   benefit valid until a date. It is a pallet-nfts collection owned and administered by this
//!   pallet's account, so no one else can mint, and the issuer pays its deposit.
//! - **Buy**: during the window a verified consumer pays the price in CNY to the issuer; the
//!   item with the next serial number is minted to the buyer. The item is locked in pallet-nfts
//!   (the `TransferDisabled` pallet attribute), so neither a direct transfer nor a burn works.
//! - **Gift**: after the holding period the holder gives the item to another verified consumer,
//!   free; this pallet unlocks, transfers and relocks it. There is no price, listing or swap
//!   between consumers.
//! - **Redeem**: once, before the benefit expires, by the holder's own call or by the issuer's
//!   staff carrying the holder's signature over [`Pallet::redeem_signing_payload`]. The item
//!   stays, marked redeemed.
//! - **Provenance**: each item keeps its history (minted, gifted, redeemed), at most
//!   `MaxHistory` entries. A gift that would leave no room for a pending redemption fails with
//!   `HistoryFull`, so the history is never rewritten and a redemption always fits.
//! - A **suspended** series cannot be sold or gifted; its benefits stay redeemable.
//!
//! ## Invariants (`do_try_state`)
//! `IssuerCount` equals the number of licensed issuers. Each series' `minted` equals the number
//! of items of its collection in pallet-nfts; every
//! item is owned there by its recorded holder and indexed in `Holdings`; per-buyer purchase
//! counters add up to `minted` and respect the limit.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod functions;
mod impl_record;
pub mod migrations;
#[cfg(test)]
mod mock;
pub mod runtime_api;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use types::*;
pub use weights::WeightInfo;

use frame_support::traits::{fungible, fungibles};
use frame_system::pallet_prelude::BlockNumberFor;

/// A CNY amount, in fen.
pub type BalanceOf<T> =
	<<T as Config>::Currency as fungibles::Inspect<<T as frame_system::Config>::AccountId>>::Balance;
/// The asset id type of the currency.
pub type AssetIdOf<T> =
	<<T as Config>::Currency as fungibles::Inspect<<T as frame_system::Config>::AccountId>>::AssetId;
/// A native (GXC) amount, in which pallet-nfts takes its deposits.
pub type NativeBalanceOf<T> = <<T as Config>::NativeCurrency as fungible::Inspect<
	<T as frame_system::Config>::AccountId,
>>::Balance;
/// The pallet-nfts configuration of a series' collection.
pub type CollectionConfigOf<T> =
	pallet_nfts::CollectionConfig<NativeBalanceOf<T>, BlockNumberFor<T>, u32>;
/// What an issuer gives to create a series.
pub type SeriesParamsOf<T> = SeriesParams<BalanceOf<T>, <T as Config>::StringLimit>;
/// A series as stored.
pub type SeriesOf<T> =
	SeriesDetails<<T as frame_system::Config>::AccountId, BalanceOf<T>, <T as Config>::StringLimit>;
/// An item as stored.
pub type ItemOf<T> = ItemDetails<
	<T as frame_system::Config>::AccountId,
	BlockNumberFor<T>,
	<T as Config>::MaxHistory,
>;
/// A provenance entry.
pub type ProvenanceEntryOf<T> =
	ProvenanceEntry<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;

/// Domain separator of signed redemptions.
pub const REDEEM_CONTEXT: &[u8] = b"guilian/collectibles/redeem/v1";
/// Most items one runtime-API page returns.
pub const MAX_PAGE: u32 = 100;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{
		pallet_prelude::*,
		traits::{tokens::nonfungibles_v2, UnixTime},
		PalletId,
	};
	use frame_system::pallet_prelude::*;
	use guilian_primitives::SubjectRegistry;
	use sp_core::H256;
	use sp_runtime::traits::{IdentifyAccount, Verify};

	/// 2: `IssuerCount` counts the licensed issuers ([`migrations::v2`]).
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(2);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The CNY asset lives here.
		type Currency: fungibles::Mutate<Self::AccountId>;
		/// The id of the CNY asset.
		#[pallet::constant]
		type CnyAsset: Get<AssetIdOf<Self>>;
		/// The native token, in which pallet-nfts takes deposits.
		type NativeCurrency: fungible::Mutate<Self::AccountId>;
		/// The ownership layer (pallet-nfts): collections owned by this pallet's account.
		type Nfts: nonfungibles_v2::Inspect<Self::AccountId, CollectionId = u32, ItemId = ItemId>
			+ nonfungibles_v2::InspectEnumerable<Self::AccountId>
			+ nonfungibles_v2::Create<Self::AccountId, CollectionConfigOf<Self>>
			+ nonfungibles_v2::Mutate<Self::AccountId, pallet_nfts::ItemConfig>
			+ nonfungibles_v2::Transfer<Self::AccountId>;
		/// The collection deposit pallet-nfts reserves from this pallet's account for each
		/// series; the issuer pays it in.
		#[pallet::constant]
		type SeriesDeposit: Get<NativeBalanceOf<Self>>;
		/// Who merchants, consumers and regulators are (pallet-credit).
		type Subjects: SubjectRegistry<Self::AccountId>;
		/// Wall-clock time.
		type Time: UnixTime;
		/// Derives the account that owns every series' collection.
		#[pallet::constant]
		type PalletId: Get<PalletId>;
		/// The signature a holder gives over a redemption the staff records.
		type OffchainSignature: Verify<Signer = Self::OffchainPublic> + Parameter;
		/// The public key behind an account.
		type OffchainPublic: IdentifyAccount<AccountId = Self::AccountId>;
		/// Holding period of a series that names none, in milliseconds (180 days).
		#[pallet::constant]
		type DefaultHoldingPeriod: Get<u64>;
		/// Shortest holding period a series may name, in milliseconds.
		#[pallet::constant]
		type MinHoldingPeriod: Get<u64>;
		/// Largest supply of a series.
		#[pallet::constant]
		type MaxSupply: Get<u32>;
		/// Longest title, site, ethnic-group tag and image URI, in bytes.
		#[pallet::constant]
		type StringLimit: Get<u32>;
		/// Most provenance entries an item keeps.
		#[pallet::constant]
		type MaxHistory: Get<u32>;
		/// Weights of the calls, from this pallet's benchmarks.
		type WeightInfo: WeightInfo;
		/// Sets up subjects and signs redemptions in benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::OffchainPublic, Self::AccountId, Self::OffchainSignature>;
	}

	/// Benchmark set-up the runtime provides.
	#[cfg(feature = "runtime-benchmarks")]
	pub trait BenchmarkHelper<Public, AccountId, Signature> {
		/// A new key and the account it controls.
		fn signer() -> (Public, AccountId);
		/// Signs `message` with `signer`.
		fn sign(signer: &Public, message: &[u8]) -> Signature;
		/// Makes `merchant` an Active Tourism merchant.
		fn register_tourism_merchant(merchant: &AccountId);
		/// Makes `who` a verified consumer.
		fn verify_consumer(who: &AccountId);
		/// A culture-and-tourism regulator whose jurisdiction covers the merchants and the
		/// series area ([`BenchmarkHelper::area`]) of the benchmarks.
		fn regulator() -> AccountId;
		/// The area of the benchmarks' series.
		fn area() -> guilian_primitives::AreaCode;
	}

	/// Licensed issuers.
	#[pallet::storage]
	pub type Issuers<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, IssuerLicence<T::AccountId>>;

	/// The number of licensed issuers (entries of `Issuers`), since storage version 2.
	#[pallet::storage]
	pub type IssuerCount<T: Config> = StorageValue<_, u32, ValueQuery>;

	/// Staff accounts and the issuer each works for.
	#[pallet::storage]
	pub type Staff<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, T::AccountId>;

	/// Series by id.
	#[pallet::storage]
	pub type Series<T: Config> = StorageMap<_, Twox64Concat, SeriesId, SeriesOf<T>>;

	/// The id of the next series.
	#[pallet::storage]
	pub type NextSeriesId<T: Config> = StorageValue<_, SeriesId, ValueQuery>;

	/// Items by series and serial number.
	#[pallet::storage]
	pub type Items<T: Config> =
		StorageDoubleMap<_, Twox64Concat, SeriesId, Twox64Concat, ItemId, ItemOf<T>>;

	/// How many items of a series each account bought (gifts received do not count).
	#[pallet::storage]
	pub type Purchases<T: Config> =
		StorageDoubleMap<_, Twox64Concat, SeriesId, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// The items each account holds.
	#[pallet::storage]
	pub type Holdings<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Twox64Concat,
		(SeriesId, ItemId),
		(),
	>;

	/// Genesis: issuers licensed from the start (the demo scenic site of the development
	/// preset). Each regulator must cover its issuer in pallet-credit's genesis.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// `(issuer, licensed by)`.
		pub issuers: alloc::vec::Vec<(T::AccountId, T::AccountId)>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for (issuer, regulator) in &self.issuers {
				Pallet::<T>::license(regulator, issuer.clone(), 0)
					.expect("genesis issuers must be Active Tourism merchants their regulators cover");
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A regulator licensed an issuer.
		IssuerLicensed { issuer: T::AccountId, regulator: T::AccountId },
		/// A regulator revoked an issuer's licence; its series stop selling.
		IssuerRevoked { issuer: T::AccountId, regulator: T::AccountId },
		/// An issuer named a staff account.
		StaffAdded { issuer: T::AccountId, staff: T::AccountId },
		/// An issuer removed a staff account.
		StaffRemoved { issuer: T::AccountId, staff: T::AccountId },
		/// An issuer created a series, as pallet-nfts collection `collection`.
		SeriesCreated { series: SeriesId, collection: u32, issuer: T::AccountId, max_supply: u32, price: BalanceOf<T> },
		/// A consumer bought item `item` (its serial number) of a series.
		CollectiblePurchased { series: SeriesId, item: ItemId, buyer: T::AccountId, price: BalanceOf<T> },
		/// A holder gave an item away.
		CollectibleGifted { series: SeriesId, item: ItemId, from: T::AccountId, to: T::AccountId },
		/// An item's benefit was redeemed.
		BenefitRedeemed { series: SeriesId, item: ItemId, holder: T::AccountId, recorded_by: T::AccountId },
		/// A regulator suspended a series, for the reason whose evidence hash is `reason`.
		SeriesSuspended { series: SeriesId, regulator: T::AccountId, reason: H256 },
		/// A regulator resumed a series.
		SeriesResumed { series: SeriesId, regulator: T::AccountId },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The account is not a registered merchant.
		NotMerchant,
		/// Only Tourism merchants (scenic sites, museums) issue collectibles.
		NotTourismMerchant,
		/// The merchant is not Active (abnormal, suspended, blacklisted, closing or closed).
		MerchantNotActive,
		/// The caller is not a culture-and-tourism regulator covering this area.
		NotCompetentRegulator,
		/// The issuer is licensed already.
		AlreadyLicensed,
		/// The issuer is not licensed.
		NotLicensed,
		/// The account is staff already (of this or another issuer).
		AlreadyStaff,
		/// The account is not staff of the caller.
		NotStaff,
		/// A title, site or ethnic-group tag is empty.
		EmptyField,
		/// The area code is not a valid 6-digit code.
		InvalidArea,
		/// The supply is zero or above `MaxSupply`.
		InvalidSupply,
		/// The per-buyer limit is zero.
		InvalidBuyerLimit,
		/// The sale window is empty or already over.
		InvalidSaleWindow,
		/// The holding period is shorter than `MinHoldingPeriod`.
		HoldingPeriodTooShort,
		/// The benefit expires before the sale ends.
		InvalidBenefit,
		/// No series has this id.
		UnknownSeries,
		/// The series is suspended by a regulator.
		SeriesSuspended,
		/// The series is not suspended.
		SeriesNotSuspended,
		/// The sale window is not open.
		SaleNotOpen,
		/// Every item of the series is sold.
		SoldOut,
		/// The buyer bought as many items of the series as one buyer may.
		PurchaseLimitReached,
		/// Buyers must be verified (real-name) consumers.
		UnverifiedBuyer,
		/// The holder's real name is no longer verified: it cannot give the item away.
		UnverifiedHolder,
		/// Gifts go to verified (real-name) consumers only.
		UnverifiedRecipient,
		/// No item has this serial number in the series.
		UnknownItem,
		/// The caller does not hold the item.
		NotHolder,
		/// A gift to oneself.
		SelfGift,
		/// The holder has held the item for less than the series' holding period.
		HoldingPeriodNotOver,
		/// The item's history has no room for another gift (and a pending redemption).
		HistoryFull,
		/// The series carries no benefit.
		NoBenefit,
		/// The benefit was redeemed already.
		AlreadyRedeemed,
		/// The benefit has expired.
		BenefitExpired,
		/// The caller is neither the issuer nor its staff.
		NotIssuerStaff,
		/// The signature does not match the redemption and the holder.
		BadSignature,
		/// An id or counter would overflow.
		Overflow,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			// An item's history holds at least its minting and its redemption.
			assert!(T::MaxHistory::get() >= 2, "MaxHistory must be at least 2");
			assert!(T::MaxSupply::get() > 0, "MaxSupply must be positive");
			assert!(
				T::DefaultHoldingPeriod::get() >= T::MinHoldingPeriod::get(),
				"the default holding period must not be below the minimum"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// A culture-and-tourism regulator covering `issuer` licenses it (an Active Tourism
		/// merchant) to issue collectibles.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::license_issuer())]
		pub fn license_issuer(origin: OriginFor<T>, issuer: T::AccountId) -> DispatchResult {
			let regulator = ensure_signed(origin)?;
			Self::do_license_issuer(&regulator, issuer)
		}

		/// A culture-and-tourism regulator covering the issuer's area revokes its licence. Its
		/// series stop selling; items already sold are unaffected.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::revoke_issuer())]
		pub fn revoke_issuer(origin: OriginFor<T>, issuer: T::AccountId) -> DispatchResult {
			let regulator = ensure_signed(origin)?;
			Self::do_revoke_issuer(&regulator, issuer)
		}

		/// A licensed issuer names `staff` to record redemptions at its site.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::add_staff())]
		pub fn add_staff(origin: OriginFor<T>, staff: T::AccountId) -> DispatchResult {
			let issuer = ensure_signed(origin)?;
			Self::do_add_staff(issuer, staff)
		}

		/// An issuer removes one of its staff accounts (licensed or not, so that a revoked
		/// issuer can still clean up).
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::remove_staff())]
		pub fn remove_staff(origin: OriginFor<T>, staff: T::AccountId) -> DispatchResult {
			let issuer = ensure_signed(origin)?;
			Self::do_remove_staff(issuer, staff)
		}

		/// A licensed issuer creates a series: a pallet-nfts collection owned by this pallet.
		/// The issuer pays pallet-nfts' collection deposit (`SeriesDeposit`) in GXC.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::create_series())]
		pub fn create_series(origin: OriginFor<T>, params: SeriesParamsOf<T>) -> DispatchResult {
			let issuer = ensure_signed(origin)?;
			Self::do_create_series(issuer, params).map(|_| ())
		}

		/// A verified consumer buys the next item of a series during its sale window: the price
		/// in CNY goes to the issuer, the item is minted to the buyer, locked.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::buy())]
		pub fn buy(origin: OriginFor<T>, series: SeriesId) -> DispatchResult {
			let buyer = ensure_signed(origin)?;
			Self::do_buy(buyer, series).map(|_| ())
		}

		/// The holder gives an item to another verified consumer, free, after the holding
		/// period.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::gift())]
		pub fn gift(
			origin: OriginFor<T>,
			series: SeriesId,
			item: ItemId,
			to: T::AccountId,
		) -> DispatchResult {
			let holder = ensure_signed(origin)?;
			Self::do_gift(holder, series, item, to)
		}

		/// The holder redeems its item's benefit.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::redeem())]
		pub fn redeem(origin: OriginFor<T>, series: SeriesId, item: ItemId) -> DispatchResult {
			let holder = ensure_signed(origin)?;
			let entry = Items::<T>::get(series, item).ok_or(Error::<T>::UnknownItem)?;
			ensure!(entry.holder == holder, Error::<T>::NotHolder);
			Self::do_redeem(series, item, entry, holder)
		}

		/// The issuer or its staff records a redemption the holder signed
		/// ([`Pallet::redeem_signing_payload`]), for the holder's phone at the gate.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::redeem_for())]
		pub fn redeem_for(
			origin: OriginFor<T>,
			series: SeriesId,
			item: ItemId,
			signature: T::OffchainSignature,
		) -> DispatchResult {
			let staff = ensure_signed(origin)?;
			let details = Series::<T>::get(series).ok_or(Error::<T>::UnknownSeries)?;
			ensure!(
				staff == details.issuer || Staff::<T>::get(&staff).as_ref() == Some(&details.issuer),
				Error::<T>::NotIssuerStaff
			);
			let entry = Items::<T>::get(series, item).ok_or(Error::<T>::UnknownItem)?;
			let message = Self::payload_of(series, item, &entry);
			ensure!(signature.verify(&message[..], &entry.holder), Error::<T>::BadSignature);
			Self::do_redeem(series, item, entry, staff)
		}

		/// A culture-and-tourism regulator covering the series' area or its issuer suspends it
		/// (`reason` is the hash of the evidence): no sales and no gifts until resumed.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::suspend_series())]
		pub fn suspend_series(origin: OriginFor<T>, series: SeriesId, reason: H256) -> DispatchResult {
			let regulator = ensure_signed(origin)?;
			Self::do_set_suspended(regulator, series, Some(reason))
		}

		/// A culture-and-tourism regulator covering the series' area or its issuer resumes it.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::resume_series())]
		pub fn resume_series(origin: OriginFor<T>, series: SeriesId) -> DispatchResult {
			let regulator = ensure_signed(origin)?;
			Self::do_set_suspended(regulator, series, None)
		}
	}
}
