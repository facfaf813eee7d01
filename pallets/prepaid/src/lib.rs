//! # Prepaid pallet (预付式消费): statutory escrow of prepaid consumption
//!
//! Gyms, schools and salons sell prepaid cards; the money sits in escrow and reaches the
//! merchant only as the consumer uses the service, and comes back when the merchant closes or
//! runs away. The rules (`DOMAIN.md`) are runtime constants, enforced here, not in a UI.
//!
//! ## Plans and cards
//! An Active merchant licensed at least `MinLicenceAge` ago, not Abnormal, Suspended,
//! Blacklisted or closing, opens a **plan**: stored value, or sessions at a price; validity;
//! named or anonymous. Caps: named cards at most `NamedCardCap` (5,000 CNY), anonymous at most
//! `AnonymousCardCap` (1,000 CNY; above it a card must be named); education plans at most
//! `EducationMaxValidity` (3 months) and `EducationMaxSessions` (60). The **custody ratio** is
//! 100% for education, else by the merchant's issuer class (20/30/40%).
//! A consumer **buys a card**: CNY moves from the consumer into the merchant's escrow account
//! (a sub-account of this pallet per merchant), after the credit-card discount if the buyer
//! holds the card. Named cards need a verified consumer.
//!
//! ## Money movements
//! - **Cooling-off**: within `CoolingOff` (7 days) of purchase the consumer cancels and gets the
//!   unused value (all of it if unused) back.
//! - **Use (消拨同步)**: a use confirmed by the consumer (`confirm_use`, or the merchant's
//!   `record_use` carrying the consumer's signature) releases that use's value to the merchant.
//! - **Advance**: after cooling-off, a merchant at risk level Low may draw at most
//!   `(1 - custody) × unused` of a card in advance; the custody part always stays in escrow. A
//!   later use consumes the advanced part first.
//! - **Refunds** pay the unused value: the escrowed part from escrow, the advanced part from the
//!   merchant's own CNY; what the merchant cannot pay is recorded as its **debt** to the consumer
//!   and reported as a breach to pallet-credit. By the merchant (`refund_card`), by order of a
//!   regulator or a dispute ruling (`EscrowRemedy`), at expiry (value is never forfeited), after
//!   **closure** (announced with at least `ClosureNotice`, 30 days; no sales from then on) or
//!   **run-away** (the merchant is suspended in pallet-credit): claimed by the consumer
//!   (`claim_refund`) or paid by the bounded `on_idle` sweep of `start_refunds`.
//!
//! ## Risk early-warning (预警)
//! [`risk::assess`] sets Low/Watch/High/Critical from the share advanced, the credit tier, open
//! complaints (`ComplaintStats`), a closure notice and suspension; a change emits
//! `RiskLevelChanged`.
//!
//! ## Invariants (`do_try_state`)
//! For each merchant, the escrow account's balance equals the sum of its active cards'
//! `escrowed`, which with `advanced` adds up to `unused`; exposures and counters match storage.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod functions;
mod impl_remedy;
#[cfg(test)]
mod mock;
pub mod risk;
pub mod runtime_api;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use types::*;
pub use weights::WeightInfo;

use frame_support::traits::fungibles;

/// A CNY amount, in fen.
pub type BalanceOf<T> =
	<<T as Config>::Currency as fungibles::Inspect<<T as frame_system::Config>::AccountId>>::Balance;
/// The asset id type of the currency.
pub type AssetIdOf<T> =
	<<T as Config>::Currency as fungibles::Inspect<<T as frame_system::Config>::AccountId>>::AssetId;

/// Domain separator of signed uses.
pub const USE_CONTEXT: &[u8] = b"guilian/prepaid/use/v1";

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{
		pallet_prelude::*,
		traits::{fungibles, UnixTime},
		PalletId,
	};
	use frame_system::pallet_prelude::*;
	use guilian_primitives::{ComplaintStats, SubjectRegistry};
	use sp_runtime::{
		traits::{IdentifyAccount, Verify},
		Permill,
	};

	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

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
		/// Who merchants, consumers and regulators are (pallet-credit).
		type Subjects: SubjectRegistry<Self::AccountId>;
		/// Open complaints per merchant (pallet-disputes; `()` counts none).
		type Complaints: ComplaintStats<Self::AccountId>;
		/// Wall-clock time.
		type Time: UnixTime;
		/// Derives each merchant's escrow account.
		#[pallet::constant]
		type PalletId: Get<PalletId>;
		/// The signature a consumer gives over a use the merchant records.
		type OffchainSignature: Verify<Signer = Self::OffchainPublic> + Parameter;
		/// The public key behind an account.
		type OffchainPublic: IdentifyAccount<AccountId = Self::AccountId>;
		/// Largest named card (5,000 CNY).
		#[pallet::constant]
		type NamedCardCap: Get<BalanceOf<Self>>;
		/// Largest anonymous card (1,000 CNY); above it cards are named.
		#[pallet::constant]
		type AnonymousCardCap: Get<BalanceOf<Self>>;
		/// Longest education plan, in milliseconds (3 months).
		#[pallet::constant]
		type EducationMaxValidity: Get<u64>;
		/// Most sessions in an education plan (60).
		#[pallet::constant]
		type EducationMaxSessions: Get<u32>;
		/// Longest validity of any plan, in milliseconds.
		#[pallet::constant]
		type MaxValidity: Get<u64>;
		/// Cooling-off window after purchase, in milliseconds (7 days).
		#[pallet::constant]
		type CoolingOff: Get<u64>;
		/// Shortest closure notice, in milliseconds (30 days).
		#[pallet::constant]
		type ClosureNotice: Get<u64>;
		/// A merchant sells cards only once licensed this long, in milliseconds (6 months).
		#[pallet::constant]
		type MinLicenceAge: Get<u64>;
		/// Active cards a consumer may hold.
		#[pallet::constant]
		type MaxCardsPerConsumer: Get<u32>;
		/// Merchants whose refunds the `on_idle` sweep may have queued.
		#[pallet::constant]
		type MaxSweepQueue: Get<u32>;
		/// Weights of the calls, from this pallet's benchmarks.
		type WeightInfo: WeightInfo;
		/// Signs uses in benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::OffchainPublic, Self::AccountId, Self::OffchainSignature, AssetIdOf<Self>, BalanceOf<Self>>;
	}

	/// Benchmark set-up the runtime provides.
	#[cfg(feature = "runtime-benchmarks")]
	pub trait BenchmarkHelper<Public, AccountId, Signature, AssetId, Balance> {
		/// A new key and the account it controls.
		fn signer() -> (Public, AccountId);
		/// Signs `message` with `signer`.
		fn sign(signer: &Public, message: &[u8]) -> Signature;
		/// Makes `merchant` an eligible merchant and `consumer` a verified consumer, and funds
		/// `consumer` and `merchant` with CNY.
		fn setup(merchant: &AccountId, consumer: &AccountId, cny: Balance);
		/// Makes `merchant` suspended (run away) in the subject registry.
		fn suspend(merchant: &AccountId);
		/// A regulator whose jurisdiction covers `merchant`.
		fn regulator_of(merchant: &AccountId) -> AccountId;
	}

	/// Plans by id.
	#[pallet::storage]
	pub type Plans<T: Config> = StorageMap<_, Twox64Concat, PlanId, Plan<T::AccountId, BalanceOf<T>>>;

	/// The id of the next plan.
	#[pallet::storage]
	pub type NextPlanId<T: Config> = StorageValue<_, PlanId, ValueQuery>;

	/// Cards by id (all, whatever their status: they are the consumer's receipts).
	#[pallet::storage]
	pub type Cards<T: Config> = StorageMap<_, Twox64Concat, CardId, Card<T::AccountId, BalanceOf<T>>>;

	/// The id of the next card.
	#[pallet::storage]
	pub type NextCardId<T: Config> = StorageValue<_, CardId, ValueQuery>;

	/// Active cards of each merchant (what closure and run-away refund).
	#[pallet::storage]
	pub type MerchantCards<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Twox64Concat, CardId, ()>;

	/// Active cards of each consumer.
	#[pallet::storage]
	pub type ConsumerCards<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<CardId, T::MaxCardsPerConsumer>,
		ValueQuery,
	>;

	/// What each merchant owes on its cards.
	#[pallet::storage]
	pub type Exposures<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, Exposure<BalanceOf<T>>, ValueQuery>;

	/// Debts of merchants to consumers, per card, after closure or run-away.
	#[pallet::storage]
	pub type Debts<T: Config> = StorageMap<_, Twox64Concat, CardId, BalanceOf<T>>;

	/// Issuer class of merchants (set by a regulator; Ordinary by default).
	#[pallet::storage]
	pub type IssuerClasses<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, IssuerClass, ValueQuery>;

	/// Merchants whose sales are frozen (by a regulator or a dispute, through `EscrowRemedy`).
	#[pallet::storage]
	pub type Frozen<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, ()>;

	/// Announced closure dates.
	#[pallet::storage]
	pub type Closures<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, u64>;

	/// Risk levels of merchants (absent: Low).
	#[pallet::storage]
	pub type RiskLevels<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, RiskLevel, ValueQuery>;

	/// Merchants whose remaining cards the `on_idle` sweep refunds, oldest first.
	#[pallet::storage]
	pub type SweepQueue<T: Config> =
		StorageValue<_, BoundedVec<T::AccountId, T::MaxSweepQueue>, ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A merchant opened a plan.
		PlanOpened { plan: PlanId, merchant: T::AccountId, face_value: BalanceOf<T>, custody: Permill },
		/// A merchant took a plan off sale.
		PlanWithdrawn { plan: PlanId },
		/// A consumer bought a card; `paid` moved into escrow.
		CardPurchased { card: CardId, plan: PlanId, holder: T::AccountId, paid: BalanceOf<T>, discount: BalanceOf<T> },
		/// A use was confirmed: `value` left the card, `released` of it moved from escrow to the
		/// merchant (the rest had been advanced).
		UseConfirmed { card: CardId, value: BalanceOf<T>, released: BalanceOf<T>, unused: BalanceOf<T> },
		/// The merchant drew part of a card in advance.
		AdvanceDrawn { card: CardId, amount: BalanceOf<T>, advanced: BalanceOf<T> },
		/// A card was refunded: `from_escrow` + `from_merchant` reached the consumer; `debt` is
		/// what the merchant still owes.
		CardRefunded {
			card: CardId,
			reason: RefundReason,
			from_escrow: BalanceOf<T>,
			from_merchant: BalanceOf<T>,
			debt: BalanceOf<T>,
		},
		/// A merchant announced its closure: no sales from now, refunds from `closes_at`.
		ClosureAnnounced { merchant: T::AccountId, closes_at: u64 },
		/// The remaining cards of a merchant are queued for refund by the sweep.
		RefundsStarted { merchant: T::AccountId, cards: u32 },
		/// A regulator set a merchant's issuer class.
		IssuerClassSet { merchant: T::AccountId, class: IssuerClass },
		/// A merchant's sales were frozen.
		MerchantFrozen { merchant: T::AccountId },
		/// A merchant's risk level changed.
		RiskLevelChanged { merchant: T::AccountId, from: RiskLevel, to: RiskLevel },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The caller is not a registered merchant.
		NotMerchant,
		/// The merchant's status does not allow selling (abnormal, suspended, blacklisted,
		/// closing or closed).
		MerchantNotEligible,
		/// The merchant has been licensed for less than `MinLicenceAge`.
		MerchantTooNew,
		/// The merchant announced its closure.
		MerchantClosing,
		/// The merchant's sales are frozen (by a regulator or a dispute).
		MerchantFrozen,
		/// A plan sells nothing (zero value, sessions or price) or has no validity.
		InvalidPlan,
		/// A named card above `NamedCardCap`.
		NamedCardCapExceeded,
		/// An anonymous card above `AnonymousCardCap`: it must be named.
		AnonymousCardCapExceeded,
		/// An education plan longer than `EducationMaxValidity`.
		EducationValidityExceeded,
		/// An education plan with more than `EducationMaxSessions` sessions.
		EducationSessionsExceeded,
		/// Validity beyond `MaxValidity`.
		ValidityTooLong,
		/// No plan has this id.
		UnknownPlan,
		/// The plan is off sale.
		PlanNotOnSale,
		/// The plan belongs to another merchant.
		NotPlanOwner,
		/// A named card needs a verified consumer.
		UnverifiedBuyer,
		/// No card has this id.
		UnknownCard,
		/// The caller does not hold this card.
		NotCardHolder,
		/// The caller is not this card's merchant.
		NotCardMerchant,
		/// The card is cancelled, refunded or used up.
		CardNotActive,
		/// The card has expired: claim its refund.
		CardExpired,
		/// A use, advance or refund of nothing.
		ZeroAmount,
		/// The use is worth more than the card's unused value.
		UseBeyondValue,
		/// The cooling-off window has passed.
		CoolingOffPassed,
		/// Advances wait until the cooling-off window has passed.
		CoolingOffNotOver,
		/// The advance would exceed `(1 - custody) × unused`.
		AdvanceOverLimit,
		/// Only merchants at risk level Low may draw advances.
		RiskTooHigh,
		/// The card is not refundable yet (not expired, no closure or run-away).
		NotRefundable,
		/// The caller is not a regulator.
		NotRegulator,
		/// The merchant is outside the regulator's jurisdiction.
		OutOfJurisdiction,
		/// The closure date is less than `ClosureNotice` away.
		ClosureNoticeTooShort,
		/// The signature does not match the use and the card holder.
		BadSignature,
		/// The signed use's nonce is not the card's next one.
		StaleUse,
		/// The consumer holds `MaxCardsPerConsumer` active cards.
		TooManyCards,
		/// The sweep queue is full; consumers can still claim refunds themselves.
		SweepQueueFull,
		/// The merchant is already queued for the sweep, or has no active card.
		NothingToSweep,
		/// A refund order of zero, or more than the card's unused value.
		InvalidRefundAmount,
		/// An amount or counter would overflow.
		Overflow,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_idle(_n: BlockNumberFor<T>, remaining: Weight) -> Weight {
			Self::sweep(remaining)
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Opens a plan. Eligible merchants only.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::open_plan())]
		pub fn open_plan(
			origin: OriginFor<T>,
			kind: PlanKind<BalanceOf<T>>,
			validity_days: u32,
			named: bool,
		) -> DispatchResult {
			let merchant = ensure_signed(origin)?;
			Self::do_open_plan(merchant, kind, validity_days, named)
		}

		/// Takes a plan off sale (its cards stay valid).
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::withdraw_plan())]
		pub fn withdraw_plan(origin: OriginFor<T>, plan: PlanId) -> DispatchResult {
			let merchant = ensure_signed(origin)?;
			Self::do_withdraw_plan(merchant, plan)
		}

		/// Buys a card of `plan`; its price moves into the merchant's escrow.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::buy_card())]
		pub fn buy_card(origin: OriginFor<T>, plan: PlanId) -> DispatchResult {
			let buyer = ensure_signed(origin)?;
			Self::do_buy_card(buyer, plan)
		}

		/// Cancels a card within the cooling-off window: its unused value comes back.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::cancel_card())]
		pub fn cancel_card(origin: OriginFor<T>, card: CardId) -> DispatchResult {
			let holder = ensure_signed(origin)?;
			Self::do_cancel_card(holder, card)
		}

		/// The holder confirms a use: `units` sessions, or `units` fen of stored value.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::confirm_use())]
		pub fn confirm_use(origin: OriginFor<T>, card: CardId, units: u32) -> DispatchResult {
			let holder = ensure_signed(origin)?;
			let entry = Cards::<T>::get(card).ok_or(Error::<T>::UnknownCard)?;
			ensure!(entry.holder == holder, Error::<T>::NotCardHolder);
			Self::do_use(card, entry, units)
		}

		/// The merchant records a use the holder signed (`(USE_CONTEXT, genesis hash, card,
		/// units, nonce)`), for the holder's phone at the counter.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::record_use())]
		pub fn record_use(
			origin: OriginFor<T>,
			card: CardId,
			units: u32,
			nonce: u32,
			signature: T::OffchainSignature,
		) -> DispatchResult {
			let merchant = ensure_signed(origin)?;
			let entry = Cards::<T>::get(card).ok_or(Error::<T>::UnknownCard)?;
			ensure!(entry.merchant == merchant, Error::<T>::NotCardMerchant);
			let message = Self::use_signing_payload(card, units, nonce);
			ensure!(signature.verify(&message[..], &entry.holder), Error::<T>::BadSignature);
			ensure!(nonce == entry.uses, Error::<T>::StaleUse);
			Self::do_use(card, entry, units)
		}

		/// The merchant draws `amount` of a card in advance (after cooling-off, at risk Low).
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::draw_advance())]
		pub fn draw_advance(
			origin: OriginFor<T>,
			card: CardId,
			amount: BalanceOf<T>,
		) -> DispatchResult {
			let merchant = ensure_signed(origin)?;
			Self::do_draw_advance(merchant, card, amount)
		}

		/// The merchant refunds a card in full: escrow pays its part, the merchant the advanced
		/// part.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::refund_card())]
		pub fn refund_card(origin: OriginFor<T>, card: CardId) -> DispatchResult {
			let merchant = ensure_signed(origin)?;
			let entry = Cards::<T>::get(card).ok_or(Error::<T>::UnknownCard)?;
			ensure!(entry.merchant == merchant, Error::<T>::NotCardMerchant);
			ensure!(entry.status == CardStatus::Active, Error::<T>::CardNotActive);
			let amount = entry.unused;
			Self::do_refund(card, entry, amount, RefundReason::Merchant).map(|_| ())
		}

		/// A regulator of the merchant's area orders a refund of `amount` from a card.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::order_refund())]
		pub fn order_refund(
			origin: OriginFor<T>,
			card: CardId,
			amount: BalanceOf<T>,
		) -> DispatchResult {
			let regulator = ensure_signed(origin)?;
			let jurisdiction =
				T::Subjects::regulator_jurisdiction(&regulator).ok_or(Error::<T>::NotRegulator)?;
			let entry = Cards::<T>::get(card).ok_or(Error::<T>::UnknownCard)?;
			let merchant = T::Subjects::merchant(&entry.merchant).ok_or(Error::<T>::NotMerchant)?;
			ensure!(jurisdiction.covers(merchant.area), Error::<T>::OutOfJurisdiction);
			Self::do_ordered_refund(card, entry, amount)
		}

		/// The merchant announces that it closes at `closes_at` (ms), at least `ClosureNotice`
		/// from now. No sales from now on; every unused card is refunded from that date.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::announce_closure())]
		pub fn announce_closure(origin: OriginFor<T>, closes_at: u64) -> DispatchResult {
			let merchant = ensure_signed(origin)?;
			Self::do_announce_closure(merchant, closes_at)
		}

		/// The holder claims the refund of a card that expired, or whose merchant closed or was
		/// suspended.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::claim_refund())]
		pub fn claim_refund(origin: OriginFor<T>, card: CardId) -> DispatchResult {
			let holder = ensure_signed(origin)?;
			let entry = Cards::<T>::get(card).ok_or(Error::<T>::UnknownCard)?;
			ensure!(entry.holder == holder, Error::<T>::NotCardHolder);
			ensure!(entry.status == CardStatus::Active, Error::<T>::CardNotActive);
			let reason = Self::refund_due(&entry).ok_or(Error::<T>::NotRefundable)?;
			let amount = entry.unused;
			Self::do_refund(card, entry, amount, reason).map(|_| ())
		}

		/// Queues the remaining cards of a closed or suspended merchant for the `on_idle` sweep.
		/// Anyone may call it.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::start_refunds())]
		pub fn start_refunds(origin: OriginFor<T>, merchant: T::AccountId) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_start_refunds(merchant)
		}

		/// A regulator of the merchant's area sets its issuer class (custody 20/30/40%).
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::set_issuer_class())]
		pub fn set_issuer_class(
			origin: OriginFor<T>,
			merchant: T::AccountId,
			class: IssuerClass,
		) -> DispatchResult {
			let regulator = ensure_signed(origin)?;
			let jurisdiction =
				T::Subjects::regulator_jurisdiction(&regulator).ok_or(Error::<T>::NotRegulator)?;
			let record = T::Subjects::merchant(&merchant).ok_or(Error::<T>::NotMerchant)?;
			ensure!(jurisdiction.covers(record.area), Error::<T>::OutOfJurisdiction);
			IssuerClasses::<T>::insert(&merchant, class);
			Self::deposit_event(Event::IssuerClassSet { merchant, class });
			Ok(())
		}

		/// Re-assesses a merchant's risk level (after a status change in pallet-credit, say).
		/// Anyone may call it.
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::refresh_risk())]
		pub fn refresh_risk(origin: OriginFor<T>, merchant: T::AccountId) -> DispatchResult {
			ensure_signed(origin)?;
			ensure!(T::Subjects::merchant(&merchant).is_some(), Error::<T>::NotMerchant);
			Self::update_risk(&merchant);
			Ok(())
		}
	}
}
