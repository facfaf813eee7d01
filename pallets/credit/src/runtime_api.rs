//! `CreditApi`: what dApps and polkadot.js read about credit (`api.call.creditApi.*`).

use crate::types::{CommitmentEvidence, CreditProfile, RelayedCommitment, TierDiscounts};
use alloc::vec::Vec;
use codec::Codec;

sp_api::decl_runtime_apis! {
	/// Credit profiles, commitment evidence and merchants' card discounts.
	pub trait CreditApi<AccountId, BlockNumber>
	where
		AccountId: Codec,
		BlockNumber: Codec,
	{
		/// Role, status, score, tier, counts and credit card of an account.
		fn profile(who: AccountId) -> CreditProfile;
		/// The evidence record of a commitment: content hash, signer, block and time recorded.
		fn commitment(id: u64) -> Option<CommitmentEvidence<AccountId, BlockNumber>>;
		/// The discounts a merchant gives to credit-card holders, if it published any.
		fn merchant_discounts(merchant: AccountId) -> Option<TierDiscounts>;
		/// The bytes a subject signs so that a platform may relay `payload`
		/// (`relay_commitment`): the signing app asks the chain instead of re-encoding.
		fn relay_signing_payload(payload: RelayedCommitment<AccountId>) -> Vec<u8>;
	}
}
