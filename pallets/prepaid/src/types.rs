//! Types of the prepaid pallet. Amounts are in fen (CNY with 2 decimals); times in milliseconds
//! since the Unix epoch.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::fmt::Debug;
use guilian_primitives::MerchantCategory;
use scale_info::TypeInfo;
use sp_runtime::Permill;

/// Identifier of a plan.
pub type PlanId = u64;
/// Identifier of a card.
pub type CardId = u64;

/// What a plan sells.
#[derive(
	Clone, Copy, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
	Debug,
)]
pub enum PlanKind<Balance> {
	/// A stored-value card worth `value`.
	StoredValue { value: Balance },
	/// `sessions` sessions (classes, visits) at `price` each.
	Sessions { sessions: u32, price: Balance },
}

/// The issuer class of a merchant, which sets its custody ratio (MOFCOM 2012 art. 26).
#[derive(
	Clone, Copy, PartialEq, Eq, Default, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen,
	TypeInfo, Debug,
)]
pub enum IssuerClass {
	/// An ordinary issuer: at least 20% in custody.
	#[default]
	Ordinary,
	/// A group issuer: at least 30%.
	Group,
	/// A brand (franchise) issuer: at least 40%.
	Brand,
}

/// A prepaid plan a merchant sells.
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct Plan<AccountId, Balance> {
	/// The merchant selling it.
	pub merchant: AccountId,
	/// What it sells.
	pub kind: PlanKind<Balance>,
	/// How long a card stays valid after purchase, in milliseconds.
	pub validity_ms: u64,
	/// Whether its cards are named (bought by a verified consumer only).
	pub named: bool,
	/// Share of each card's unused value that always stays in escrow.
	pub custody: Permill,
	/// The merchant's category when the plan was opened.
	pub category: MerchantCategory,
	/// Whether it is still on sale.
	pub on_sale: bool,
}

/// The state of a card.
#[derive(
	Clone, Copy, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
	Debug,
)]
pub enum CardStatus {
	/// In use.
	Active,
	/// Cancelled by the consumer within the cooling-off window.
	Cancelled,
	/// Refunded (by the merchant, an order, expiry, closure or run-away).
	Refunded,
	/// Used up.
	UsedUp,
}

/// A prepaid card. Invariant: `escrowed + advanced == unused`.
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct Card<AccountId, Balance> {
	/// The plan it was bought from.
	pub plan: PlanId,
	/// The merchant that owes the service.
	pub merchant: AccountId,
	/// The consumer who holds it.
	pub holder: AccountId,
	/// Whether it is named.
	pub named: bool,
	/// When it was bought.
	pub purchased_at: u64,
	/// When it expires (its unused value is then refunded, never forfeited).
	pub expires_at: u64,
	/// What the consumer paid, after any credit-card discount.
	pub paid: Balance,
	/// Price of one session after discount (zero for stored value).
	pub session_price: Balance,
	/// Value not yet used.
	pub unused: Balance,
	/// Part of `unused` held in the merchant's escrow account.
	pub escrowed: Balance,
	/// Part of `unused` the merchant drew in advance.
	pub advanced: Balance,
	/// Share of `unused` that may never be advanced.
	pub custody: Permill,
	/// Uses recorded (the nonce of the next signed use).
	pub uses: u32,
	/// Its state.
	pub status: CardStatus,
}

/// What a merchant owes on its cards, kept in step with every movement.
#[derive(
	Clone, Copy, PartialEq, Eq, Default, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen,
	TypeInfo, Debug,
)]
pub struct Exposure<Balance> {
	/// Active cards.
	pub cards: u32,
	/// Unused value of its active cards.
	pub unused: Balance,
	/// Part of it in escrow (equals the escrow account's balance).
	pub escrowed: Balance,
	/// Part of it drawn in advance.
	pub advanced: Balance,
	/// Refunds it still owes consumers after closure or run-away (its debt).
	pub debt: Balance,
}

/// Risk early-warning level of a merchant (预警).
#[derive(
	Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Encode, Decode, DecodeWithMemTracking,
	MaxEncodedLen, TypeInfo, Debug,
)]
pub enum RiskLevel {
	/// Nothing to watch.
	#[default]
	Low,
	/// Something to watch.
	Watch,
	/// Consumers' money is at risk.
	High,
	/// Closing with advances drawn, or suspended: refunds are due.
	Critical,
}

/// Why a card is refunded.
#[derive(
	Clone, Copy, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
	Debug,
)]
pub enum RefundReason {
	/// The consumer cancelled within the cooling-off window.
	CoolingOff,
	/// The merchant refunded.
	Merchant,
	/// A regulator or a dispute ruling ordered it.
	Ordered,
	/// The card expired.
	Expired,
	/// The merchant closed.
	Closure,
	/// The merchant was suspended (ran away).
	RunAway,
}

/// A merchant's exposure and risk, as `PrepaidApi::merchant_exposure` returns them.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct MerchantExposure<Balance> {
	/// Amounts owed on its cards.
	pub exposure: Exposure<Balance>,
	/// Its risk level.
	pub risk: RiskLevel,
	/// The closure date it announced, if any.
	pub closes_at: Option<u64>,
}
