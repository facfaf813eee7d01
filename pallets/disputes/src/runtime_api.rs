//! `DisputesApi`: complaints, their history and the trusted-consumption map for dApps and
//! polkadot.js (`api.call.disputesApi.*`).

use crate::types::{Complaint, ComplaintId, MerchantStats, Review, TimedStep, Transaction};
use alloc::vec::Vec;
use codec::Codec;
use guilian_primitives::AreaCode;

sp_api::decl_runtime_apis! {
	/// Consumer complaints and the figures of merchants.
	pub trait DisputesApi<AccountId, Balance, Deposit>
	where
		AccountId: Codec,
		Balance: Codec,
		Deposit: Codec,
	{
		/// A complaint and its full history, oldest step first.
		fn complaint(id: ComplaintId) -> Option<(Complaint<AccountId, Balance, Deposit>, Vec<TimedStep<AccountId, Balance>>)>;
		/// A merchant's complaint and review figures.
		fn merchant_stats(merchant: AccountId) -> MerchantStats;
		/// Merchants of `area` (a province, city or county code) ranked by complaints upheld,
		/// then filed: `limit` (at most 100) from `offset`.
		fn ranking(area: AreaCode, offset: u32, limit: u32) -> Vec<(AccountId, MerchantStats)>;
		/// The review of a transaction, if any.
		fn review(transaction: Transaction) -> Option<Review<AccountId>>;
	}
}
