//! `CollectiblesApi`: series, items with their provenance, and holdings, for dApps and
//! polkadot.js (`api.call.collectiblesApi.*`).

use crate::types::{IssuerLicence, ItemId, SeriesId};
use alloc::vec::Vec;
use codec::Codec;

sp_api::decl_runtime_apis! {
	/// Cultural-tourism collectibles. `Series` and `Item` are the pallet's `SeriesOf` and
	/// `ItemOf` of the runtime.
	pub trait CollectiblesApi<AccountId, Series, Item>
	where
		AccountId: Codec,
		Series: Codec,
		Item: Codec,
	{
		/// A series.
		fn series(id: SeriesId) -> Option<Series>;
		/// An item (serial number `item`) of a series, with its holder and provenance.
		fn item(series: SeriesId, item: ItemId) -> Option<Item>;
		/// The items `who` holds: at most `limit` (at most 100), from after `start`.
		fn holdings(who: AccountId, start: Option<(SeriesId, ItemId)>, limit: u32) -> Vec<(SeriesId, ItemId, Item)>;
		/// The licence of an issuer.
		fn issuer(who: AccountId) -> Option<IssuerLicence<AccountId>>;
		/// The bytes a holder signs so that the issuer's staff may record its redemption
		/// (`redeem_for`); `None` for an unknown item.
		fn redeem_signing_payload(series: SeriesId, item: ItemId) -> Option<Vec<u8>>;
	}
}
