//! `SupernodesApi`: supernodes, the validator set, sub-chains and their anchors, BIDs and work
//! orders, for dApps, the anchor relay and polkadot.js (`api.call.supernodesApi.*`).

use crate::types::{AcCode, AnchorState, KeyType, SubChainId, WorkOrder, WorkOrderId};
use alloc::vec::Vec;
use codec::Codec;

sp_api::decl_runtime_apis! {
	/// The Xinghuo supernode model. `Supernode` and `SubChain` are the pallet's `SupernodeOf` and
	/// `SubChainOf` of the runtime.
	pub trait SupernodesApi<AccountId, BlockNumber, Supernode, SubChain>
	where
		AccountId: Codec,
		BlockNumber: Codec,
		Supernode: Codec,
		SubChain: Codec,
	{
		/// Every supernode, by operator.
		fn supernodes() -> Vec<(AccountId, Supernode)>;
		/// Every approved validator with its supernode's operator and whether its session keys
		/// are set (only those with keys are active).
		fn validators() -> Vec<(AccountId, AccountId, bool)>;
		/// The validator set last handed to pallet-session.
		fn planned_validators() -> Vec<AccountId>;
		/// The session length, in blocks.
		fn session_length() -> BlockNumber;
		/// This chain's AC code, if any.
		fn chain_ac_code() -> Option<AcCode>;
		/// A sub-chain (or application).
		fn subchain(id: SubChainId) -> Option<SubChain>;
		/// The sub-chain holding an AC code (upper-cased first).
		fn subchain_by_ac(code: [u8; 4]) -> Option<SubChainId>;
		/// The latest anchor of a sub-chain, with the count and time of anchoring.
		fn latest_anchor(id: SubChainId) -> Option<AnchorState>;
		/// Approved sub-chains that have not anchored within `AnchorInterval` of `now` (ms since
		/// the Unix epoch): at most `limit` (at most 100) of ids `from` on, with the time of
		/// their last anchor (`None`: never anchored).
		fn lagging(now: u64, from: SubChainId, limit: u32) -> Vec<(SubChainId, Option<u64>)>;
		/// The BID (RFC-002) of `account` for a key of `key_type`, as UTF-8 bytes.
		fn bid_of(account: AccountId, key_type: KeyType) -> Vec<u8>;
		/// The BID of `account` under the key type it registered, if it did.
		fn registered_bid(account: AccountId) -> Option<Vec<u8>>;
		/// The registered account whose BID on this chain is `bid`.
		fn account_of_bid(bid: Vec<u8>) -> Option<AccountId>;
		/// A work order.
		fn work_order(id: WorkOrderId) -> Option<WorkOrder<AccountId>>;
		/// Work orders of ids `from` on: at most `limit` (at most 100).
		fn work_orders(from: WorkOrderId, limit: u32) -> Vec<(WorkOrderId, WorkOrder<AccountId>)>;
	}
}
