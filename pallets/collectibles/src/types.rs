//! Types of the collectibles pallet. Prices are in fen (CNY with 2 decimals); times in
//! milliseconds since the Unix epoch.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::fmt::Debug;
use frame_support::{traits::Get, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound};
use guilian_primitives::AreaCode;
use scale_info::TypeInfo;
use sp_core::H256;

/// Identifier of a series (this pallet's own counter; the series' pallet-nfts collection id is
/// in [`SeriesDetails::collection`]).
pub type SeriesId = u32;
/// Identifier of an item within its series: its serial number, `1..=max_supply`. It is also the
/// item id in pallet-nfts.
pub type ItemId = u32;

/// A culture-and-tourism regulator's licence of an issuer.
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct IssuerLicence<AccountId> {
	/// The regulator that licensed the issuer.
	pub regulator: AccountId,
	/// The issuer's area when licensed (the regulators covering it may revoke the licence).
	pub area: AreaCode,
	/// When it was licensed.
	pub licensed_at: u64,
}

/// A benefit an item carries, such as one free entry to the site.
#[derive(
	Clone, Copy, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
	Debug,
)]
pub struct Benefit {
	/// Hash of the benefit's description (the terms stay off chain).
	pub description: H256,
	/// The benefit may be redeemed before this time.
	pub valid_until: u64,
}

/// What an issuer asks for when it creates a series.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, Encode, Decode, DecodeWithMemTracking,
	MaxEncodedLen, TypeInfo, DebugNoBound,
)]
#[scale_info(skip_type_params(S))]
pub struct SeriesParams<Balance: Clone + PartialEq + Eq + Debug, S: Get<u32>> {
	/// Title, such as "程阳八寨永济桥".
	pub title: BoundedVec<u8, S>,
	/// The heritage site it shows.
	pub heritage_site: BoundedVec<u8, S>,
	/// The ethnic group whose heritage it is (such as "侗族 Dong").
	pub ethnic_group: BoundedVec<u8, S>,
	/// Where the heritage site is.
	pub area: AreaCode,
	/// Hash of the description.
	pub description: H256,
	/// Where the image is.
	pub image_uri: BoundedVec<u8, S>,
	/// Hash of the authenticity certificate.
	pub certificate: H256,
	/// How many items may ever exist, at most `MaxSupply`.
	pub max_supply: u32,
	/// Price of one item in CNY (fen); zero for a free souvenir.
	pub price: Balance,
	/// Sales open at this time ...
	pub sale_start: u64,
	/// ... and close at this one (exclusive).
	pub sale_end: u64,
	/// How many items one buyer may buy.
	pub per_buyer_limit: u32,
	/// Days a holder keeps an item before it may give it away; `None` for `DefaultHoldingPeriod`.
	/// Never shorter than `MinHoldingPeriod`.
	pub holding_days: Option<u32>,
	/// The benefit each item carries, if any.
	pub benefit: Option<Benefit>,
}

/// A series of collectibles: one pallet-nfts collection.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, Encode, Decode, MaxEncodedLen, TypeInfo,
	DebugNoBound,
)]
#[scale_info(skip_type_params(S))]
pub struct SeriesDetails<AccountId: Clone + PartialEq + Eq + Debug, Balance: Clone + PartialEq + Eq + Debug, S: Get<u32>> {
	/// The licensed issuer, who receives the sales.
	pub issuer: AccountId,
	/// The pallet-nfts collection holding its items.
	pub collection: u32,
	/// Title.
	pub title: BoundedVec<u8, S>,
	/// The heritage site it shows.
	pub heritage_site: BoundedVec<u8, S>,
	/// The ethnic group whose heritage it is.
	pub ethnic_group: BoundedVec<u8, S>,
	/// Where the heritage site is.
	pub area: AreaCode,
	/// Hash of the description.
	pub description: H256,
	/// Where the image is.
	pub image_uri: BoundedVec<u8, S>,
	/// Hash of the authenticity certificate.
	pub certificate: H256,
	/// How many items may ever exist.
	pub max_supply: u32,
	/// How many exist (the last serial number).
	pub minted: u32,
	/// Price of one item in CNY (fen).
	pub price: Balance,
	/// Sales open at this time ...
	pub sale_start: u64,
	/// ... and close at this one (exclusive).
	pub sale_end: u64,
	/// How many items one buyer may buy.
	pub per_buyer_limit: u32,
	/// How long a holder keeps an item before it may give it away, in milliseconds.
	pub holding_period: u64,
	/// The benefit each item carries, if any.
	pub benefit: Option<Benefit>,
	/// Suspended by a regulator: no sales and no gifts.
	pub suspended: bool,
	/// When it was created.
	pub created_at: u64,
}

/// One step of an item's provenance.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub enum Provenance<AccountId> {
	/// Bought from the issuer and minted to `to`.
	Minted {
		/// The buyer.
		to: AccountId,
	},
	/// Given away by `from` to `to`.
	Gifted {
		/// The giver.
		from: AccountId,
		/// The recipient.
		to: AccountId,
	},
	/// Its benefit was redeemed by `holder`, recorded by `recorded_by` (the holder or the
	/// issuer's staff).
	Redeemed {
		/// The holder who redeemed it.
		holder: AccountId,
		/// Who recorded it.
		recorded_by: AccountId,
	},
}

/// A provenance step and when it happened.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct ProvenanceEntry<AccountId, BlockNumber> {
	/// What happened.
	pub event: Provenance<AccountId>,
	/// Block time, in milliseconds.
	pub at: u64,
	/// Block number.
	pub block: BlockNumber,
}

/// An item of a series. Its owner in pallet-nfts is always `holder`.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, Encode, Decode, MaxEncodedLen, TypeInfo,
	DebugNoBound,
)]
#[scale_info(skip_type_params(M))]
pub struct ItemDetails<
	AccountId: Clone + PartialEq + Eq + Debug,
	BlockNumber: Clone + PartialEq + Eq + Debug,
	M: Get<u32>,
> {
	/// Who holds it.
	pub holder: AccountId,
	/// When the holder got it (the holding period runs from here).
	pub acquired_at: u64,
	/// When its benefit was redeemed, if it was.
	pub redeemed_at: Option<u64>,
	/// Its provenance, oldest first. A gift that would leave no room for the redemption of an
	/// unredeemed benefit is refused (`HistoryFull`), so a redemption always fits.
	pub history: BoundedVec<ProvenanceEntry<AccountId, BlockNumber>, M>,
}
