//! Types of the credit pallet.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{pallet_prelude::*, BoundedVec};
use guilian_primitives::{AreaCode, CreditTier, MerchantCategory, MerchantStatus, Severity};
use scale_info::TypeInfo;
use serde::{Deserialize, Serialize};
use sp_core::H256;
use core::fmt::Debug;
use sp_runtime::Permill;

/// The fields of government a regulator works in, as a set of flags.
#[derive(
	Clone, Copy, PartialEq, Eq, Default, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen,
	TypeInfo, Debug, Serialize, Deserialize,
)]
pub struct RegulatorDomains(pub u8);

impl RegulatorDomains {
	/// Market supervision (市场监管): merchants, consumers, prices, quality.
	pub const MARKET_SUPERVISION: u8 = 1 << 0;
	/// Culture and tourism (文旅): scenic sites, museums, collectibles.
	pub const CULTURE_TOURISM: u8 = 1 << 1;
	/// Commerce (商务): prepaid cards of ordinary merchants.
	pub const COMMERCE: u8 = 1 << 2;
	/// Education: training schools.
	pub const EDUCATION: u8 = 1 << 3;
	/// Every known flag.
	pub const ALL: u8 = Self::MARKET_SUPERVISION | Self::CULTURE_TOURISM | Self::COMMERCE | Self::EDUCATION;

	/// At least one flag, and only known flags.
	pub fn is_valid(&self) -> bool {
		self.0 != 0 && self.0 & !Self::ALL == 0
	}

	/// Whether the set contains `flag`.
	pub fn contains(&self, flag: u8) -> bool {
		self.0 & flag == flag
	}
}

/// A regulator appointed by the council.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
	Debug,
)]
pub struct Regulator {
	/// The area it supervises (a province, city or county code).
	pub jurisdiction: AreaCode,
	/// The fields it works in.
	pub domains: RegulatorDomains,
}

/// Who set a merchant's current status.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
	Debug,
)]
pub enum StatusSource<AccountId> {
	/// A regulator, with the hash of its reasons.
	Regulator { regulator: AccountId, reason: H256 },
	/// The credit score fell into tier D (automatic blacklisting).
	CreditScore,
	/// Supervision through the chain (a disposed work order of pallet-supernodes), with the
	/// hash of the work order's evidence and the status before the suspension (restored when
	/// supervision lifts it).
	Supervision { evidence: H256, previous: MerchantStatus },
}

/// A registered merchant.
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
#[scale_info(skip_type_params(MaxName))]
pub struct Merchant<AccountId, BlockNumber, MaxName: Get<u32>> {
	/// Hash of the business licence number (统一社会信用代码); the number itself is not stored.
	pub licence_hash: H256,
	/// Display name.
	pub name: BoundedVec<u8, MaxName>,
	/// Business category.
	pub category: MerchantCategory,
	/// Area code of its premises.
	pub area: AreaCode,
	/// Date of its licence, in milliseconds since the Unix epoch.
	pub licensed_at: u64,
	/// Current status.
	pub status: MerchantStatus,
	/// Who set the current status.
	pub status_source: StatusSource<AccountId>,
	/// The regulator that registered it.
	pub registered_by: AccountId,
	/// The block in which it was registered.
	pub registered_at: BlockNumber,
}

/// A consumer whose real name a regulator verified. Only a salted hash of the identity is kept.
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct Consumer<AccountId, BlockNumber> {
	/// Salted hash of the identity document (the salt stays with the regulator).
	pub identity_hash: H256,
	/// The regulator that verified it.
	pub verified_by: AccountId,
	/// The block of the verification.
	pub verified_at: BlockNumber,
}

/// The kinds of credit commitment (信用承诺).
#[derive(
	Clone, Copy, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
	Debug,
)]
pub enum CommitmentKind {
	/// Quality of service as described.
	ServiceQuality,
	/// Refunds as promised (for example of prepaid balances).
	Refund,
	/// Prices as displayed, no hidden charges.
	Price,
	/// Food safety.
	FoodSafety,
	/// Anything else.
	Other,
}

/// What a subject commits to, and what it signs when a platform relays the commitment.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
	Debug,
)]
pub struct CommitmentTerms {
	/// Kind of commitment.
	pub kind: CommitmentKind,
	/// Hash of the commitment's full text.
	pub content_hash: H256,
	/// Start of validity, in milliseconds since the Unix epoch.
	pub valid_from: u64,
	/// End of validity, in milliseconds since the Unix epoch.
	pub valid_until: u64,
}

/// The payload a subject signs so that another account may relay its commitment. The signed
/// bytes are `(RELAY_CONTEXT, genesis hash, payload).encode()`: a signature is good on this
/// chain only, and `nonce` (the subject's next relay nonce) makes it good once.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
	Debug,
)]
pub struct RelayedCommitment<AccountId> {
	/// The subject making the commitment (the signer).
	pub subject: AccountId,
	/// What it commits to.
	pub terms: CommitmentTerms,
	/// The subject's relay nonce this payload uses.
	pub nonce: u32,
}

/// Domain separator of relayed commitment signatures.
pub const RELAY_CONTEXT: &[u8] = b"guilian/credit/commitment/v1";

/// A commitment on chain: the evidence record (存证).
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct Commitment<AccountId, BlockNumber> {
	/// The subject bound by it (its signer).
	pub subject: AccountId,
	/// What it commits to.
	pub terms: CommitmentTerms,
	/// The account that submitted it, when not the subject itself.
	pub relayer: Option<AccountId>,
	/// The regulator that counter-signed it, if any.
	pub countersigned_by: Option<AccountId>,
	/// Block in which it was recorded.
	pub recorded_at_block: BlockNumber,
	/// Time it was recorded, in milliseconds since the Unix epoch.
	pub recorded_at: u64,
	/// Fulfilments recorded against it.
	pub fulfilments: u32,
	/// Breaches recorded against it.
	pub breaches: u32,
}

/// The evidence of a commitment, as the runtime API returns it.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct CommitmentEvidence<AccountId, BlockNumber> {
	/// Commitment id.
	pub id: u64,
	/// The commitment.
	pub commitment: Commitment<AccountId, BlockNumber>,
}

/// One credit event in a subject's record.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
	Debug,
)]
pub enum CreditEventKind {
	/// The subject kept its word.
	Fulfilment,
	/// The subject breached its word, with this severity.
	Breach(Severity),
}

/// A credit event with its time, kept for the recency weighting of the score.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
	Debug,
)]
pub struct CreditEvent {
	/// What happened.
	pub kind: CreditEventKind,
	/// When, in milliseconds since the Unix epoch.
	pub at: u64,
	/// Hash of the evidence.
	pub evidence: H256,
}

/// A subject's credit record.
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
#[scale_info(skip_type_params(MaxEvents))]
pub struct CreditRecord<MaxEvents: Get<u32>> {
	/// Fulfilments ever recorded.
	pub fulfilments: u32,
	/// Breaches ever recorded.
	pub breaches: u32,
	/// Points of events that left `recent`, at their lowest (oldest) weight.
	pub archived_points: i64,
	/// The most recent events, oldest first.
	pub recent: BoundedVec<CreditEvent, MaxEvents>,
	/// The score when the last event was recorded.
	pub score_at_last_event: u16,
}

impl<MaxEvents: Get<u32>> Default for CreditRecord<MaxEvents> {
	fn default() -> Self {
		Self {
			fulfilments: 0,
			breaches: 0,
			archived_points: 0,
			recent: BoundedVec::new(),
			score_at_last_event: crate::score::INITIAL_SCORE,
		}
	}
}

/// Score thresholds of the tiers: a score of at least `a` is tier A, at least `b` tier B, at
/// least `c` tier C, anything lower tier D.
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct TierThresholds {
	/// Lowest score of tier A.
	pub a: u16,
	/// Lowest score of tier B.
	pub b: u16,
	/// Lowest score of tier C.
	pub c: u16,
}

impl TierThresholds {
	/// The tier of `score`.
	pub fn tier(&self, score: u16) -> CreditTier {
		if score >= self.a {
			CreditTier::A
		} else if score >= self.b {
			CreditTier::B
		} else if score >= self.c {
			CreditTier::C
		} else {
			CreditTier::D
		}
	}
}

/// The discounts a merchant gives to credit-card holders of each eligible tier.
#[derive(
	Clone, Copy, PartialEq, Eq, Default, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen,
	TypeInfo, Debug,
)]
pub struct TierDiscounts {
	/// Discount for tier A holders.
	pub tier_a: Permill,
	/// Discount for tier B holders.
	pub tier_b: Permill,
}

/// The role of an account.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub enum Role {
	/// A regulator.
	Regulator(Regulator),
	/// A merchant, with its category, area and status.
	Merchant { category: MerchantCategory, area: AreaCode, status: MerchantStatus },
	/// A verified consumer.
	VerifiedConsumer,
	/// None of these.
	Unregistered,
}

/// An account's credit profile, as `CreditApi::profile` returns it.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct CreditProfile {
	/// Its role.
	pub role: Role,
	/// Its score now (0..=1000).
	pub score: u16,
	/// Its tier now.
	pub tier: CreditTier,
	/// Fulfilments ever recorded.
	pub fulfilments: u32,
	/// Breaches ever recorded.
	pub breaches: u32,
	/// Commitments it made.
	pub commitments: u32,
	/// Whether it holds the credit card and the card is usable at its tier.
	pub has_credit_card: bool,
}
