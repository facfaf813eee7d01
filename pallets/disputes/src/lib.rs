//! # Disputes pallet (消费纠纷): complaints, mediation, rulings that execute, verified reviews
//!
//! Moves a consumer complaint, its evidence and its outcome on chain, and makes the outcome
//! happen: a refund from a prepaid card's escrow (through [`EscrowRemedy`]) or from the
//! merchant's CNY, a credit breach through [`SubjectRegistry::record_breach`], the spam deposit
//! returned or slashed.
//!
//! ## Roles
//! - **Consumer** (verified real name): files complaints, adds evidence, appeals, reviews.
//! - **Merchant** (registered in pallet-credit): settles or contests, adds evidence, appeals.
//! - **Regulator**: appoints and dismisses mediators of its jurisdiction.
//! - **Mediator**: takes a case of its area and rules; sits on appeal panels of its area.
//! - **Anyone**: escalates an unanswered complaint, finalizes rulings past their deadlines.
//!
//! ## Life of a complaint
//! ```text
//!  file ──► AwaitingResponse ──settle──► Settled (refund paid, deposit back)
//!                 │   └──contest / escalate (after ResponseWindow)──► InMediation
//!                 └──withdraw──► Withdrawn        InMediation ──take_case, rule──► Ruled
//!  Ruled ──appeal (within AppealWindow)──► UnderAppeal ──2 of 3 panel votes agree──► Closed
//!  Ruled ──finalize (after AppealWindow)──► Closed   UnderAppeal ──finalize (after DecisionWindow)──► Closed
//! ```
//! A ruling executes in the call that makes it (refund and breach). The complainant's deposit
//! (held with the fungible hold API in the native token) stays held until the ruling is final,
//! so that an appeal can still change its fate; it is slashed only if the final ruling finds the
//! complaint frivolous. An appeal ruling replaces the first: what the first paid is reconciled,
//! never paid twice: a higher refund is topped up; of a lower one, what the merchant paid from
//! its own CNY beyond it is clawed back from the complainant. What came from a prepaid card's
//! escrow stays refunded: it was the consumer's own prepaid value for service not yet rendered,
//! and the card's escrow is never refilled (the overturn is recorded in the merchant's favour in
//! its credit and statistics instead).
//!
//! Deadlines pass lazily: `escalate` and `finalize` may be called by anyone, and a bounded
//! `on_idle` sweep follows one FIFO queue per kind of deadline (each queue's deadlines come from
//! one constant window, so the queues are in deadline order); no hook iterates complaints.
//!
//! ## Reviews (在线评价)
//! A consumer who completed a transaction with a merchant (a card used or refunded, a complaint
//! settled or ruled, a collectible redeemed) may review it once: no transaction, no review.
//!
//! ## Statistics (放心消费一张图)
//! [`MerchantStats`] per merchant: filed, open, settled, upheld, rejected, response times and
//! ratings; the pallet implements [`ComplaintStats`] for prepaid risk levels, and the runtime
//! API [`runtime_api::DisputesApi`] serves complaints with their history and ranked pages.
//!
//! ## Invariants (`do_try_state`)
//! Held deposits equal the deposits of live complaints per account and reason; counters match
//! storage; no complaint carries more than one appeal, and an appeal carries at most three votes.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod functions;
mod impl_stats;
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

/// A CNY amount, in fen.
pub type BalanceOf<T> =
	<<T as Config>::Currency as fungibles::Inspect<<T as frame_system::Config>::AccountId>>::Balance;
/// The asset id type of the currency.
pub type AssetIdOf<T> =
	<<T as Config>::Currency as fungibles::Inspect<<T as frame_system::Config>::AccountId>>::AssetId;
/// An amount of the native token (deposits).
pub type DepositOf<T> =
	<<T as Config>::NativeBalance as fungible::Inspect<<T as frame_system::Config>::AccountId>>::Balance;
/// A complaint as stored.
pub type ComplaintOf<T> =
	Complaint<<T as frame_system::Config>::AccountId, BalanceOf<T>, DepositOf<T>>;
/// A step of a complaint's history as stored.
pub type TimedStepOf<T> = TimedStep<<T as frame_system::Config>::AccountId, BalanceOf<T>>;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{
		pallet_prelude::*,
		traits::{fungible, fungibles, UnixTime},
	};
	use frame_system::pallet_prelude::*;
	use guilian_primitives::{AreaCode, CollectibleRecord, EscrowRemedy, SubjectRegistry};
	use sp_core::H256;

	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The CNY asset lives here (refunds the merchant pays itself).
		type Currency: fungibles::Mutate<Self::AccountId>;
		/// The id of the CNY asset.
		#[pallet::constant]
		type CnyAsset: Get<AssetIdOf<Self>>;
		/// The native token, in which deposits are held.
		type NativeBalance: fungible::MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ fungible::Mutate<Self::AccountId>;
		/// The runtime's hold reasons.
		type RuntimeHoldReason: From<HoldReason>;
		/// Who merchants, consumers and regulators are, and where breaches go (pallet-credit).
		type Subjects: SubjectRegistry<Self::AccountId>;
		/// Refunds from prepaid escrow (pallet-prepaid).
		type Escrow: EscrowRemedy<Self::AccountId, BalanceOf<Self>>;
		/// Holders and redemptions of collectibles (pallet-collectibles; `()` knows none).
		type Collectibles: CollectibleRecord<Self::AccountId>;
		/// Wall-clock time.
		type Time: UnixTime;
		/// Deposit held from a complainant until the complaint is final.
		#[pallet::constant]
		type ComplaintDeposit: Get<DepositOf<Self>>;
		/// Deposit held from an appellant until the appeal is decided.
		#[pallet::constant]
		type AppealDeposit: Get<DepositOf<Self>>;
		/// The merchant's time to settle or contest, in ms (3 days).
		#[pallet::constant]
		type ResponseWindow: Get<u64>;
		/// Time for evidence once a mediator took the case, in ms.
		#[pallet::constant]
		type EvidenceWindow: Get<u64>;
		/// Time to appeal a ruling, in ms.
		#[pallet::constant]
		type AppealWindow: Get<u64>;
		/// Time an appeal panel has to decide, in ms; then the first ruling stands.
		#[pallet::constant]
		type DecisionWindow: Get<u64>;
		/// Evidence items each party may give on one complaint (the filing and the contest
		/// included).
		#[pallet::constant]
		type MaxEvidencePerParty: Get<u32>;
		/// Steps kept in a complaint's history; at least `2 × MaxEvidencePerParty + 10`, the
		/// most a complaint can take (with one take-over of a dismissed mediator's case).
		#[pallet::constant]
		type MaxHistory: Get<u32>;
		/// Live complaints (deposit held) one consumer may have at once.
		#[pallet::constant]
		type MaxLiveComplaintsPerConsumer: Get<u32>;
		/// Deadlines the `on_idle` sweep passes in one block, at most.
		#[pallet::constant]
		type MaxSweepPerBlock: Get<u32>;
		/// Weights of the calls, from this pallet's benchmarks.
		type WeightInfo: WeightInfo;
		/// Sets up merchants, consumers, regulators and cards for benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId, BalanceOf<Self>>;
	}

	/// Benchmark set-up the runtime provides.
	#[cfg(feature = "runtime-benchmarks")]
	pub trait BenchmarkHelper<AccountId, Balance> {
		/// Registers `merchant` (in `area`), verifies `consumer`, makes `regulator` a regulator
		/// of `area`, and funds the merchant and consumer with CNY.
		fn setup(
			regulator: &AccountId,
			merchant: &AccountId,
			consumer: &AccountId,
			area: AreaCode,
			cny: Balance,
		);
		/// A card of `merchant` held by `consumer` with `value` unused, all of it refundable
		/// from escrow; or `None` where the runtime has no prepaid cards.
		fn card(merchant: &AccountId, consumer: &AccountId, value: Balance) -> Option<u64>;
		/// Sets the wall clock to `ms` (so that deadlines pass).
		fn set_time(ms: u64);
	}

	/// Why this pallet holds native funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// A complainant's deposit, until the complaint is final.
		ComplaintDeposit,
		/// An appellant's deposit, until the appeal is decided.
		AppealDeposit,
	}

	/// Complaints by id (all, whatever their status: they are the public record).
	#[pallet::storage]
	pub type Complaints<T: Config> = StorageMap<_, Twox64Concat, ComplaintId, ComplaintOf<T>>;

	/// The id of the next complaint.
	#[pallet::storage]
	pub type NextComplaintId<T: Config> = StorageValue<_, ComplaintId, ValueQuery>;

	/// Each complaint's history, step by step.
	#[pallet::storage]
	pub type Histories<T: Config> = StorageMap<
		_,
		Twox64Concat,
		ComplaintId,
		BoundedVec<TimedStepOf<T>, T::MaxHistory>,
		ValueQuery,
	>;

	/// The live complaint of each (complainant, merchant, reference), for references other than
	/// `None`.
	#[pallet::storage]
	pub type LiveByReference<T: Config> =
		StorageMap<_, Blake2_128Concat, (T::AccountId, T::AccountId, Reference), ComplaintId>;

	/// Live complaints (deposit held) per complainant.
	#[pallet::storage]
	pub type LiveComplaints<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// Mediators appointed by regulators.
	#[pallet::storage]
	pub type Mediators<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, Mediator<T::AccountId>>;

	/// Reviews, one per transaction.
	#[pallet::storage]
	pub type Reviews<T: Config> = StorageMap<_, Blake2_128Concat, Transaction, Review<T::AccountId>>;

	/// Complaint and review figures per merchant.
	#[pallet::storage]
	pub type Stats<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, MerchantStats, ValueQuery>;

	/// Deadline queues: complaint ids by position, per kind of deadline.
	#[pallet::storage]
	pub type DeadlineQueue<T: Config> =
		StorageDoubleMap<_, Twox64Concat, Deadline, Twox64Concat, u64, ComplaintId>;

	/// `(head, tail)` of each deadline queue: positions `head..tail` are queued.
	#[pallet::storage]
	pub type QueueBounds<T: Config> = StorageMap<_, Twox64Concat, Deadline, (u64, u64), ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A consumer filed a complaint; `deposit` is held until it is final.
		ComplaintFiled {
			complaint: ComplaintId,
			complainant: T::AccountId,
			merchant: T::AccountId,
			category: ComplaintCategory,
			claimed: BalanceOf<T>,
			deposit: DepositOf<T>,
		},
		/// The merchant accepted the claim; `refunded` reached the complainant.
		ComplaintSettled { complaint: ComplaintId, refunded: BalanceOf<T> },
		/// The merchant contested the complaint: it goes to mediation.
		ComplaintContested { complaint: ComplaintId },
		/// The response window passed unanswered: the complaint went to mediation.
		ComplaintEscalated { complaint: ComplaintId },
		/// The complainant withdrew the complaint; the deposit came back.
		ComplaintWithdrawn { complaint: ComplaintId },
		/// A regulator appointed a mediator for an area.
		MediatorAppointed { mediator: T::AccountId, area: AreaCode },
		/// A regulator dismissed a mediator.
		MediatorDismissed { mediator: T::AccountId },
		/// A mediator took a case; evidence is accepted until `evidence_by`.
		CaseTaken { complaint: ComplaintId, mediator: T::AccountId, evidence_by: u64 },
		/// A party added evidence.
		EvidenceAdded { complaint: ComplaintId, party: Party, hash: H256 },
		/// A mediator ruled, and the ruling executed: `refunded` reached the complainant, `unpaid`
		/// is what the merchant could not pay.
		ComplaintRuled {
			complaint: ComplaintId,
			ruling: Ruling<BalanceOf<T>>,
			refunded: BalanceOf<T>,
			unpaid: BalanceOf<T>,
		},
		/// A party appealed the ruling.
		RulingAppealed { complaint: ComplaintId, appellant: T::AccountId, decide_by: u64 },
		/// A mediator of the appeal panel voted.
		AppealVoteCast { complaint: ComplaintId, mediator: T::AccountId, outcome: Outcome },
		/// The panel decided: its ruling replaced the first. `topped_up` more reached the
		/// complainant, or `clawed_back` returned to the merchant; `unrecovered` is what the
		/// complainant could no longer give back.
		AppealDecided {
			complaint: ComplaintId,
			ruling: Ruling<BalanceOf<T>>,
			topped_up: BalanceOf<T>,
			clawed_back: BalanceOf<T>,
			unrecovered: BalanceOf<T>,
		},
		/// The panel did not decide in time or without a majority: the first ruling stands.
		AppealLapsed { complaint: ComplaintId },
		/// The ruling became final; the complainant's deposit was returned or slashed.
		ComplaintClosed { complaint: ComplaintId, deposit_slashed: bool },
		/// A consumer reviewed a transaction.
		ReviewPosted { transaction: Transaction, reviewer: T::AccountId, merchant: T::AccountId, rating: u8 },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// Only verified consumers may complain.
		NotVerifiedConsumer,
		/// The account complained about is not a registered merchant.
		UnknownMerchant,
		/// A merchant cannot complain about itself.
		SelfComplaint,
		/// The reference (card, collectible) is not between the complainant and the merchant.
		ReferenceMismatch,
		/// A live complaint about this reference exists.
		DuplicateComplaint,
		/// The complainant has `MaxLiveComplaintsPerConsumer` live complaints.
		TooManyLiveComplaints,
		/// The complainant cannot pay the deposit.
		InsufficientDeposit,
		/// No complaint has this id.
		UnknownComplaint,
		/// The caller is not a party to the complaint.
		NotAParty,
		/// The caller is not the merchant complained about.
		NotTheMerchant,
		/// The caller is not the complainant.
		NotTheComplainant,
		/// The complaint is not in the state this call needs.
		WrongStatus,
		/// The response window has passed.
		ResponseWindowClosed,
		/// The deadline has not passed yet.
		DeadlineNotPassed,
		/// The merchant cannot pay the refund.
		MerchantCannotPay,
		/// The caller is not a regulator.
		NotRegulator,
		/// The area is outside the regulator's jurisdiction.
		OutOfJurisdiction,
		/// An invalid area code.
		InvalidArea,
		/// The account is already a mediator.
		AlreadyMediator,
		/// The account is not a mediator.
		NotMediator,
		/// The mediator's area does not cover the merchant's.
		NotMediatorOfArea,
		/// A mediator may not act on a complaint it is a party to.
		MediatorIsParty,
		/// Another mediator took the case.
		CaseAlreadyTaken,
		/// The caller is not the mediator of the case.
		NotTheMediator,
		/// No mediator took the case yet.
		NoMediator,
		/// The evidence window has passed.
		EvidenceWindowClosed,
		/// The party gave `MaxEvidencePerParty` evidence items.
		TooMuchEvidence,
		/// A ruling with a refund above the claim, or a refund or breach on a complaint not upheld.
		InconsistentRuling,
		/// The appeal window has passed.
		AppealWindowClosed,
		/// The complaint was appealed once already.
		AlreadyAppealed,
		/// The mediator of the first ruling may not sit on the appeal.
		FirstInstanceMediator,
		/// The appeal panel's decision window has passed.
		DecisionWindowClosed,
		/// The mediator has voted on this appeal.
		AlreadyVoted,
		/// The transaction is not the caller's, or not completed: no review.
		NoTransaction,
		/// The transaction has a review already.
		AlreadyReviewed,
		/// A rating outside 1 to 5.
		InvalidRating,
		/// The complaint's history is full (cannot happen with a sound `MaxHistory`).
		HistoryFull,
		/// An amount or counter would overflow.
		Overflow,
	}

	#[pallet::extra_constants]
	impl<T: Config> Pallet<T> {
		/// Longest evidence URI, in bytes.
		#[pallet::constant_name(MaxUriLen)]
		fn max_uri_len() -> u32 {
			MAX_URI_LEN
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_idle(_n: BlockNumberFor<T>, remaining: Weight) -> Weight {
			Self::sweep(remaining)
		}

		fn integrity_test() {
			let needed = T::MaxEvidencePerParty::get().saturating_mul(2).saturating_add(10);
			assert!(
				T::MaxHistory::get() >= needed,
				"MaxHistory must hold the longest life of a complaint (2 × MaxEvidencePerParty + 10)"
			);
			assert!(T::MaxEvidencePerParty::get() >= 1, "a complaint needs its filing evidence");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// A verified consumer files a complaint against `merchant`, with its first evidence.
		/// `ComplaintDeposit` is held until the complaint is final.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::file_complaint())]
		pub fn file_complaint(
			origin: OriginFor<T>,
			merchant: T::AccountId,
			category: ComplaintCategory,
			reference: Reference,
			claimed: BalanceOf<T>,
			evidence: Evidence,
		) -> DispatchResult {
			let complainant = ensure_signed(origin)?;
			Self::do_file(complainant, merchant, category, reference, claimed, evidence).map(|_| ())
		}

		/// The merchant accepts the claim within the response window: the claimed amount is
		/// refunded at once (from the card's escrow first when a card is referenced).
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::settle())]
		pub fn settle(origin: OriginFor<T>, complaint: ComplaintId) -> DispatchResult {
			let merchant = ensure_signed(origin)?;
			Self::do_settle(merchant, complaint)
		}

		/// The merchant contests the complaint within the response window, with its evidence.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::contest())]
		pub fn contest(
			origin: OriginFor<T>,
			complaint: ComplaintId,
			evidence: Evidence,
		) -> DispatchResult {
			let merchant = ensure_signed(origin)?;
			Self::do_contest(merchant, complaint, evidence)
		}

		/// Sends a complaint the merchant left unanswered past the response window to
		/// mediation. Anyone may call it.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::escalate())]
		pub fn escalate(origin: OriginFor<T>, complaint: ComplaintId) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_escalate(complaint)
		}

		/// The complainant withdraws a complaint before a mediator takes it; the deposit comes
		/// back.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::withdraw())]
		pub fn withdraw(origin: OriginFor<T>, complaint: ComplaintId) -> DispatchResult {
			let complainant = ensure_signed(origin)?;
			Self::do_withdraw(complainant, complaint)
		}

		/// A regulator appoints `mediator` for `area` (within its jurisdiction).
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::appoint_mediator())]
		pub fn appoint_mediator(
			origin: OriginFor<T>,
			mediator: T::AccountId,
			area: AreaCode,
		) -> DispatchResult {
			let regulator = ensure_signed(origin)?;
			Self::do_appoint_mediator(regulator, mediator, area)
		}

		/// A regulator whose jurisdiction covers the mediator's area dismisses it. Cases it took
		/// stay with it (a regulator can appoint it again if needed).
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::dismiss_mediator())]
		pub fn dismiss_mediator(origin: OriginFor<T>, mediator: T::AccountId) -> DispatchResult {
			let regulator = ensure_signed(origin)?;
			Self::do_dismiss_mediator(regulator, mediator)
		}

		/// A mediator of the merchant's area, not a party, takes a complaint in mediation (or
		/// takes over the case of a dismissed mediator, once).
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::take_case())]
		pub fn take_case(origin: OriginFor<T>, complaint: ComplaintId) -> DispatchResult {
			let mediator = ensure_signed(origin)?;
			Self::do_take_case(mediator, complaint)
		}

		/// A party adds evidence, in mediation (before the evidence deadline) or under appeal.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::add_evidence())]
		pub fn add_evidence(
			origin: OriginFor<T>,
			complaint: ComplaintId,
			evidence: Evidence,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_add_evidence(who, complaint, evidence)
		}

		/// The complaint's mediator rules; the ruling executes at once (refund and breach).
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::rule())]
		pub fn rule(
			origin: OriginFor<T>,
			complaint: ComplaintId,
			ruling: Ruling<BalanceOf<T>>,
		) -> DispatchResult {
			let mediator = ensure_signed(origin)?;
			Self::do_rule(mediator, complaint, ruling)
		}

		/// A party appeals a ruling within the appeal window, once; `AppealDeposit` is held.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::appeal())]
		pub fn appeal(origin: OriginFor<T>, complaint: ComplaintId) -> DispatchResult {
			let appellant = ensure_signed(origin)?;
			Self::do_appeal(appellant, complaint)
		}

		/// A mediator of the area (not the first, not a party) votes on an appeal; the first
		/// three voters are the panel. Two votes with the same outcome decide it, and the
		/// decision executes in this call.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::vote_on_appeal())]
		pub fn vote_on_appeal(
			origin: OriginFor<T>,
			complaint: ComplaintId,
			ruling: Ruling<BalanceOf<T>>,
		) -> DispatchResult {
			let mediator = ensure_signed(origin)?;
			Self::do_vote(mediator, complaint, ruling)
		}

		/// Makes a ruling final once its appeal window passed, or lets an appeal lapse once its
		/// decision window passed. Anyone may call it.
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::finalize())]
		pub fn finalize(origin: OriginFor<T>, complaint: ComplaintId) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_finalize(complaint)
		}

		/// The consumer of a completed transaction reviews the merchant, once.
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::review())]
		pub fn review(
			origin: OriginFor<T>,
			transaction: Transaction,
			rating: u8,
			content: H256,
		) -> DispatchResult {
			let reviewer = ensure_signed(origin)?;
			Self::do_review(reviewer, transaction, rating, content)
		}
	}
}
