//! Types of the disputes pallet.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::fmt::Debug;
use frame_support::{pallet_prelude::*, BoundedVec};
use guilian_primitives::{AreaCode, Severity};
use scale_info::TypeInfo;
use sp_core::H256;

/// Complaint identifier, in filing order.
pub type ComplaintId = u64;

/// What a complaint is about (the categories of the 12315 hotline).
#[derive(
	Clone, Copy, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
	Debug,
)]
pub enum ComplaintCategory {
	/// Poor quality goods or service.
	Quality,
	/// Goods or service not as described.
	NotAsDescribed,
	/// Short weight or false measure (计量).
	WeightsAndMeasures,
	/// Late or missing delivery.
	Delivery,
	/// Food safety, or goods past their date.
	FoodSafety,
	/// A prepaid refund was refused.
	PrepaidRefundRefused,
	/// Price fraud (hidden or misleading prices).
	PriceFraud,
	/// Forced shopping or hidden charges on a tour.
	TourismForcedShopping,
	/// Anything else.
	Other,
}

/// What a complaint refers to.
#[derive(
	Clone, Copy, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
	Debug,
)]
pub enum Reference {
	/// Nothing on chain (a purchase in a shop, say).
	None,
	/// A prepaid card of pallet-prepaid; a refund comes from its escrow first.
	Card(u64),
	/// A digital collectible item of pallet-collectibles.
	Collectible {
		/// Its series.
		series: u32,
		/// Its item number.
		item: u32,
	},
	/// An order kept off chain, by the hash of its receipt.
	Order(H256),
}

/// Longest evidence URI, in bytes.
pub const MAX_URI_LEN: u32 = 128;
/// [`MAX_URI_LEN`] as a type.
pub type MaxUriLen = ConstU32<MAX_URI_LEN>;

/// Evidence: the hash of a document and where to fetch it.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Evidence {
	/// Hash of the document (photo, receipt, recording).
	pub hash: H256,
	/// Where it is kept (an IPFS or HTTPS URI).
	pub uri: BoundedVec<u8, MaxUriLen>,
}

/// The two parties to a complaint.
#[derive(
	Clone, Copy, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
	Debug,
)]
pub enum Party {
	/// The consumer who filed it.
	Complainant,
	/// The merchant complained about.
	Merchant,
}

/// How a mediator (or an appeal panel) decided.
#[derive(
	Clone, Copy, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
	Debug,
)]
pub enum Outcome {
	/// The complaint is right.
	Upheld,
	/// The complaint is partly right.
	PartlyUpheld,
	/// The complaint is wrong.
	Rejected,
	/// The complaint is an abuse: the complainant's deposit is slashed.
	Frivolous,
}

impl Outcome {
	/// Whether the merchant was found (at least partly) at fault.
	pub fn against_merchant(&self) -> bool {
		matches!(self, Outcome::Upheld | Outcome::PartlyUpheld)
	}
}

/// A decision on a complaint.
#[derive(
	Clone, Copy, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
	Debug,
)]
pub struct Ruling<Balance> {
	/// The decision.
	pub outcome: Outcome,
	/// CNY the merchant must refund (at most the amount claimed; zero unless upheld).
	pub refund: Balance,
	/// The credit breach to record against the merchant (none unless upheld).
	pub breach: Option<Severity>,
	/// Hash of the written reasons.
	pub reasons: H256,
}

/// Where a complaint stands.
#[derive(
	Clone, Copy, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
	Debug,
)]
pub enum ComplaintStatus {
	/// Waiting for the merchant's answer until `respond_by`.
	AwaitingResponse,
	/// The merchant accepted the claim and refunded it (final).
	Settled,
	/// Contested or unanswered: waiting for, or before, a mediator.
	InMediation,
	/// Ruled; either party may appeal until `appeal_by`.
	Ruled,
	/// Appealed; a panel of mediators decides until `decide_by`.
	UnderAppeal,
	/// The ruling is final (appeal window passed, or the appeal was decided).
	Closed,
	/// The complainant withdrew it before a ruling.
	Withdrawn,
}

impl ComplaintStatus {
	/// Whether the complaint still needs an answer, a mediator or a ruling.
	pub fn is_open(&self) -> bool {
		matches!(self, Self::AwaitingResponse | Self::InMediation)
	}

	/// Whether the complainant's deposit is still held.
	pub fn holds_deposit(&self) -> bool {
		matches!(self, Self::AwaitingResponse | Self::InMediation | Self::Ruled | Self::UnderAppeal)
	}
}

/// An appeal against a ruling.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Appeal<AccountId, Balance, NativeBalance> {
	/// Who appealed.
	pub appellant: AccountId,
	/// The deposit held from the appellant.
	pub deposit: NativeBalance,
	/// The panel decides by then, or the first ruling stands.
	pub decide_by: u64,
	/// Votes of the panel, in order (at most three).
	pub votes: BoundedVec<(AccountId, Ruling<Balance>), ConstU32<3>>,
}

/// A consumer complaint.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Complaint<AccountId, Balance, NativeBalance> {
	/// The consumer who filed it.
	pub complainant: AccountId,
	/// The merchant complained about.
	pub merchant: AccountId,
	/// The merchant's area when it was filed (mediators of this area rule).
	pub area: AreaCode,
	/// What it is about.
	pub category: ComplaintCategory,
	/// What it refers to.
	pub reference: Reference,
	/// CNY the complainant claims.
	pub claimed: Balance,
	/// The complainant's deposit (held until the complaint is final).
	pub deposit: NativeBalance,
	/// Where it stands.
	pub status: ComplaintStatus,
	/// When it was filed (ms).
	pub filed_at: u64,
	/// The merchant answers by then (ms).
	pub respond_by: u64,
	/// The mediator who took it.
	pub mediator: Option<AccountId>,
	/// Evidence is accepted until then, once a mediator took the case (ms).
	pub evidence_by: Option<u64>,
	/// Evidence items each party added (complainant, merchant).
	pub evidence_count: (u32, u32),
	/// The ruling in force (the appeal's, once decided).
	pub ruling: Option<Ruling<Balance>>,
	/// Either party may appeal until then (ms).
	pub appeal_by: Option<u64>,
	/// The appeal, if any (at most one).
	pub appeal: Option<Appeal<AccountId, Balance, NativeBalance>>,
	/// CNY that reached the complainant under the settlement or rulings.
	pub refunded: Balance,
	/// Of `refunded`, what came from a prepaid card's escrow: the consumer's own prepaid value
	/// for service not yet rendered, which an appeal never claws back (see the module docs).
	pub from_escrow: Balance,
	/// CNY of the ruling a refunded card could not pay (its advanced part the merchant could
	/// not cover): the merchant's debt, kept in pallet-prepaid.
	pub card_debt: Balance,
	/// CNY of the ruling the merchant could not pay from its own account (its debt to the
	/// complainant).
	pub unpaid: Balance,
}

/// A step in a complaint's history, as the runtime API shows it.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub enum Step<AccountId, Balance> {
	/// Filed with the complainant's first evidence.
	Filed(Evidence),
	/// The merchant accepted and refunded.
	Settled { refunded: Balance },
	/// The merchant contested, with its evidence.
	Contested(Evidence),
	/// Went to mediation unanswered.
	Escalated,
	/// A mediator took the case.
	CaseTaken(AccountId),
	/// A party added evidence.
	EvidenceAdded(Party, Evidence),
	/// A mediator ruled.
	Ruled(Ruling<Balance>),
	/// A party appealed.
	Appealed(Party),
	/// A panel member voted.
	Voted(AccountId, Ruling<Balance>),
	/// The appeal was decided (the ruling now in force), or lapsed without a majority (`None`).
	AppealDecided(Option<Ruling<Balance>>),
	/// The ruling became final.
	Closed,
	/// The complainant withdrew the complaint.
	Withdrawn,
}

/// A step with its time (ms).
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct TimedStep<AccountId, Balance> {
	/// When it happened.
	pub at: u64,
	/// What happened.
	pub step: Step<AccountId, Balance>,
}

/// A mediator appointed by a regulator.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Mediator<AccountId> {
	/// The area whose complaints it may rule on.
	pub area: AreaCode,
	/// The regulator who appointed it.
	pub appointed_by: AccountId,
}

/// A transaction a consumer may review once.
#[derive(
	Clone, Copy, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
	Debug,
)]
pub enum Transaction {
	/// A prepaid card used at least once, or refunded.
	Card(u64),
	/// A complaint settled or ruled.
	Complaint(ComplaintId),
	/// A collectible whose benefit was redeemed.
	Collectible {
		/// Its series.
		series: u32,
		/// Its item number.
		item: u32,
	},
}

/// A verified review.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Review<AccountId> {
	/// The consumer of the transaction.
	pub reviewer: AccountId,
	/// The merchant reviewed.
	pub merchant: AccountId,
	/// 1 (worst) to 5 (best).
	pub rating: u8,
	/// Hash of the review's text and photos.
	pub content: H256,
	/// When it was posted (ms).
	pub at: u64,
}

/// Complaint and review figures of a merchant (the trusted-consumption map, 放心消费一张图).
#[derive(
	Clone, Copy, PartialEq, Eq, Default, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen,
	TypeInfo, Debug,
)]
pub struct MerchantStats {
	/// The merchant's area.
	pub area: AreaCode,
	/// Complaints filed against it.
	pub filed: u32,
	/// Complaints awaiting an answer, a mediator or a ruling.
	pub open: u32,
	/// Complaints it settled by accepting the claim.
	pub settled: u32,
	/// Complaints ruled (partly) upheld, by the ruling in force.
	pub upheld: u32,
	/// Complaints ruled rejected or frivolous, by the ruling in force.
	pub rejected: u32,
	/// Complaints withdrawn by the complainant.
	pub withdrawn: u32,
	/// Complaints it let pass the response window unanswered.
	pub unanswered: u32,
	/// Complaints it answered in time (settled or contested).
	pub answered: u32,
	/// Sum of its response times (ms), over `answered`.
	pub response_ms_total: u64,
	/// Reviews it received.
	pub ratings: u32,
	/// Sum of their ratings.
	pub rating_total: u32,
}

impl MerchantStats {
	/// Average response time in ms (zero if it never answered).
	pub fn average_response_ms(&self) -> u64 {
		self.response_ms_total.checked_div(u64::from(self.answered)).unwrap_or_default()
	}

	/// Average rating in hundredths (`450` = 4.50 stars; zero without reviews).
	pub fn average_rating_centi(&self) -> u32 {
		self.rating_total.saturating_mul(100).checked_div(self.ratings).unwrap_or_default()
	}
}

/// The queues of deadlines the `on_idle` sweep follows. Each queue's deadlines are set by one
/// constant window, so each is in deadline order.
#[derive(
	Clone, Copy, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
	Debug,
)]
pub enum Deadline {
	/// The merchant's response window: unanswered complaints are escalated.
	Response,
	/// The appeal window: unappealed rulings become final.
	Appeal,
	/// The appeal panel's time: undecided appeals lapse.
	Decision,
}
