//! # Guilian primitives
//!
//! The types Guilian's pallets share and the traits through which they talk to each other. A
//! pallet never reads another pallet's storage: it names one of these traits in its `Config`
//! and the runtime wires the implementation in.
//!
//! - [`SubjectRegistry`] (implemented by `pallet-credit`): who an account is (regulator,
//!   merchant, verified consumer), its standing, and the credit hooks other pallets report to.
//! - [`EscrowRemedy`] (implemented by `pallet-prepaid`): refund a prepaid card in full or in
//!   part, freeze a merchant's sales.
//! - [`ComplaintStats`] (implemented by `pallet-disputes`): open and resolved complaints per
//!   merchant, for risk levels.
//!   Also the supervision hook of `pallet-supernodes` work orders (`set_supervised`).
//! - [`CollectibleRecord`] (implemented by `pallet-collectibles`): who holds an item, who issued
//!   it and whether its benefit was redeemed, for complaints and verified reviews.
//!
//! This crate has no storage.

#![cfg_attr(not(feature = "std"), no_std)]

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::pallet_prelude::DispatchResult;
use scale_info::TypeInfo;
use serde::{Deserialize, Serialize};
use sp_core::H256;
use core::fmt::Debug;
use sp_runtime::Permill;

/// A 6-digit administrative area code of China (GB/T 2260): `450000` Guangxi, `450100` Nanning,
/// `450102` Xingning district of Nanning.
#[derive(
	Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Encode, Decode, DecodeWithMemTracking,
	MaxEncodedLen, TypeInfo, Debug, Serialize, Deserialize,
)]
pub struct AreaCode(pub u32);

impl AreaCode {
	/// Whether this is a well-formed 6-digit code (100000..=999999).
	pub fn is_valid(&self) -> bool {
		(100_000..=999_999).contains(&self.0)
	}

	/// Whether an authority whose jurisdiction is `self` covers `area`. A province code
	/// (`xx0000`) covers every code of the province, a city code (`xxxx00`) every code of the
	/// city, and a county code only itself.
	pub fn covers(&self, area: AreaCode) -> bool {
		if !self.is_valid() || !area.is_valid() {
			return false;
		}
		let divisor = if self.0 % 10_000 == 0 {
			10_000
		} else if self.0 % 100 == 0 {
			100
		} else {
			1
		};
		self.0 / divisor == area.0 / divisor
	}
}

/// What a merchant does; sets prepaid rules such as the custody ratio (education is 100%).
#[derive(
	Clone, Copy, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
	Debug, Serialize, Deserialize,
)]
pub enum MerchantCategory {
	/// Shops.
	Retail,
	/// Restaurants and food service.
	Catering,
	/// Hotels and guest houses.
	Lodging,
	/// Gyms and sports venues.
	Fitness,
	/// Training schools and tutoring (prepaid rules are strictest here).
	Education,
	/// Beauty and hair salons.
	Beauty,
	/// Scenic sites, museums, travel agencies.
	Tourism,
	/// Clinics and health services.
	Healthcare,
	/// Cleaning, repairs, housekeeping.
	HomeServices,
	/// Anything else.
	Other,
}

/// The standing of a merchant as regulators record it.
#[derive(
	Clone, Copy, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
	Debug,
)]
pub enum MerchantStatus {
	/// Operating normally.
	Active,
	/// Listed in abnormal operation (经营异常).
	Abnormal,
	/// Suspended by a regulator (for example after running away with prepaid money).
	Suspended,
	/// On the dishonesty blacklist (失信).
	Blacklisted,
	/// Has announced that it will close.
	Closing,
	/// Closed.
	Closed,
}

/// A field of government a regulator works in.
#[derive(
	Clone, Copy, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
	Debug,
)]
pub enum RegulatorDomain {
	/// Market supervision (市场监管): merchants, consumers, prices, quality, complaints.
	MarketSupervision,
	/// Culture and tourism (文旅): scenic sites, museums, collectibles.
	CultureTourism,
	/// Commerce (商务): prepaid cards of ordinary merchants.
	Commerce,
	/// Education: training schools.
	Education,
}

/// How grave a breach of credit is.
#[derive(
	Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Encode, Decode, DecodeWithMemTracking,
	MaxEncodedLen, TypeInfo, Debug,
)]
pub enum Severity {
	/// A minor lapse (a late answer, a small overcharge refunded at once).
	Minor,
	/// A real harm to a consumer (a refund refused, goods not as described).
	Moderate,
	/// A serious harm (food safety, fraud, many consumers).
	Serious,
	/// Running away with consumers' money, or a criminal matter.
	Critical,
}

/// Credit tier from the score: A best, D worst (a D merchant is blacklisted).
#[derive(
	Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Encode, Decode, DecodeWithMemTracking,
	MaxEncodedLen, TypeInfo, Debug,
)]
pub enum CreditTier {
	/// Excellent credit.
	A,
	/// Good credit: the lowest tier that may hold the credit card.
	B,
	/// Fair credit.
	C,
	/// Poor credit.
	D,
}

/// What other pallets need to know about a merchant.
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct MerchantSummary {
	/// Its business category.
	pub category: MerchantCategory,
	/// Its area code.
	pub area: AreaCode,
	/// Its current status.
	pub status: MerchantStatus,
	/// When its business licence was issued, in milliseconds since the Unix epoch.
	pub licensed_at: u64,
	/// Its current credit tier.
	pub tier: CreditTier,
}

/// Who an account is and how trustworthy, for the pallets that stand on `pallet-credit`.
pub trait SubjectRegistry<AccountId> {
	/// The merchant record of `who`, if `who` is a registered merchant.
	fn merchant(who: &AccountId) -> Option<MerchantSummary>;

	/// Whether `who` is a consumer whose real name a regulator verified.
	fn is_verified_consumer(who: &AccountId) -> bool;

	/// The jurisdiction of `who` if `who` is a regulator.
	fn regulator_jurisdiction(who: &AccountId) -> Option<AreaCode>;

	/// Whether `who` is a regulator working in `domain` whose jurisdiction covers `area`.
	fn regulator_covers(who: &AccountId, domain: RegulatorDomain, area: AreaCode) -> bool;

	/// The discount `merchant` gives to `buyer` for holding the credit card (zero when the
	/// buyer holds none, or its tier no longer allows it).
	fn card_discount(merchant: &AccountId, buyer: &AccountId) -> Permill;

	/// Records a breach of credit by `subject`, reported by another pallet (a dispute ruling
	/// against a merchant, for example), with the hash of the evidence.
	fn record_breach(
		subject: &AccountId,
		severity: Severity,
		evidence: H256,
	) -> DispatchResult;

	/// Records that `subject` kept its word, with the hash of the evidence.
	fn record_fulfilment(
		subject: &AccountId,
		evidence: H256,
	) -> DispatchResult;

	/// Supervision through the chain (以链治链, a disposed work order of `pallet-supernodes`):
	/// `disabled` suspends merchant `who`; `!disabled` lifts a suspension that supervision
	/// imposed (and only such a suspension). Fails for an account that is not a merchant.
	fn set_supervised(who: &AccountId, disabled: bool, evidence: H256) -> DispatchResult;
}

/// Remedies on prepaid cards, for rulings and regulators.
pub trait EscrowRemedy<AccountId, Balance> {
	/// The holder and the merchant of `card`.
	fn card_parties(card: u64) -> Option<(AccountId, AccountId)>;

	/// What `card` could still refund (its unused value; zero if inactive or unknown).
	fn refundable(card: u64) -> Balance;

	/// Whether `card` was part of a completed transaction: at least one use, or a refund (a
	/// cooling-off cancellation does not count).
	fn card_transacted(card: u64) -> bool;

	/// Refunds `amount` of `card` to its holder; returns what reached the holder (the rest, if
	/// any, is recorded as the merchant's debt).
	fn refund(card: u64, amount: Balance) -> Result<Balance, sp_runtime::DispatchError>;

	/// Stops `merchant` from selling new cards.
	fn freeze_merchant(merchant: &AccountId) -> DispatchResult;
}

/// What other pallets may know about a digital collectible item.
pub trait CollectibleRecord<AccountId> {
	/// The holder and the issuer of item `item` of series `series`.
	fn item_parties(series: u32, item: u32) -> Option<(AccountId, AccountId)>;

	/// Whether the item's benefit was redeemed by its holder at the issuer's site.
	fn redeemed(series: u32, item: u32) -> bool;
}

/// No collectibles anywhere.
impl<AccountId> CollectibleRecord<AccountId> for () {
	fn item_parties(_: u32, _: u32) -> Option<(AccountId, AccountId)> {
		None
	}

	fn redeemed(_: u32, _: u32) -> bool {
		false
	}
}

/// The time of `T` in milliseconds since the Unix epoch (saturating; u64 lasts 584 million years).
pub fn unix_millis<T: frame_support::traits::UnixTime>() -> u64 {
	u64::try_from(T::now().as_millis()).unwrap_or(u64::MAX)
}

/// Complaint counts per merchant.
pub trait ComplaintStats<AccountId> {
	/// Complaints against `merchant` not yet settled or ruled.
	fn open_complaints(merchant: &AccountId) -> u32;

	/// Complaints against `merchant` settled or ruled.
	fn resolved_complaints(merchant: &AccountId) -> u32;
}

/// No complaints anywhere (until pallet-disputes exists).
impl<AccountId> ComplaintStats<AccountId> for () {
	fn open_complaints(_: &AccountId) -> u32 {
		0
	}

	fn resolved_complaints(_: &AccountId) -> u32 {
		0
	}
}
