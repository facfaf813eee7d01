//! `PrepaidApi`: cards, exposures and risk for dApps and polkadot.js (`api.call.prepaidApi.*`).

use crate::types::{Card, CardId, MerchantExposure, RiskLevel};
use alloc::vec::Vec;
use codec::Codec;

sp_api::decl_runtime_apis! {
	/// Prepaid cards and the merchants that owe on them.
	pub trait PrepaidApi<AccountId, Balance>
	where
		AccountId: Codec,
		Balance: Codec,
	{
		/// A card.
		fn card(id: CardId) -> Option<Card<AccountId, Balance>>;
		/// The active cards a consumer holds.
		fn consumer_cards(who: AccountId) -> Vec<(CardId, Card<AccountId, Balance>)>;
		/// What a merchant owes on its cards, its risk level and closure date.
		fn merchant_exposure(merchant: AccountId) -> MerchantExposure<Balance>;
		/// Merchants at risk level High or Critical, `limit` (at most 100) from after `start`.
		fn merchants_at_risk(start: Option<AccountId>, limit: u32) -> Vec<(AccountId, RiskLevel)>;
		/// The escrow account of a merchant, where its prepaid money sits.
		fn escrow_account(merchant: AccountId) -> AccountId;
		/// The bytes a holder signs so that the merchant may record a use (`record_use`).
		fn use_signing_payload(card: CardId, units: u32, nonce: u32) -> Vec<u8>;
	}
}
