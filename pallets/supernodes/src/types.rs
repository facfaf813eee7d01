//! Types of the supernode pallet: supernodes, sub-chains, anchors, BID key types, work orders.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{traits::Get, BoundedVec};
use guilian_primitives::AreaCode;
use scale_info::TypeInfo;
use serde::{Deserialize, Serialize};
use sp_core::H256;

/// The id of a sub-chain application (kept once approved).
pub type SubChainId = u32;
/// The id of a supervision work order.
pub type WorkOrderId = u64;

/// An AC code (接入码): exactly four upper-case ASCII letters or digits, the prefix of the BIDs of
/// a chain of the Xinghuo network. Requested codes are upper-cased (`gx01` becomes `GX01`);
/// anything else than letters and digits is refused.
#[derive(
	Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Encode, Decode, DecodeWithMemTracking,
	MaxEncodedLen, TypeInfo, Debug, Serialize, Deserialize,
)]
pub struct AcCode(pub [u8; 4]);

impl AcCode {
	/// The normalized code of `raw` (ASCII letters upper-cased), or `None` if a byte is neither an
	/// ASCII letter nor a digit.
	pub fn normalize(raw: [u8; 4]) -> Option<Self> {
		let mut code = [0u8; 4];
		for (out, byte) in code.iter_mut().zip(raw) {
			if !byte.is_ascii_alphanumeric() {
				return None;
			}
			*out = byte.to_ascii_uppercase();
		}
		Some(Self(code))
	}

	/// Whether the code is already normalized (what storage always holds).
	pub fn is_normalized(&self) -> bool {
		self.0.iter().all(|b| b.is_ascii_digit() || b.is_ascii_uppercase())
	}
}

/// A supernode (超级节点): a government operator and the validator nodes it runs.
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
#[scale_info(skip_type_params(MaxName, MaxValidators))]
pub struct Supernode<AccountId, MaxName: Get<u32>, MaxValidators: Get<u32>> {
	/// Display name, e.g. `南宁超级节点 Nanning`.
	pub name: BoundedVec<u8, MaxName>,
	/// The area the supernode serves.
	pub area: AreaCode,
	/// The validator accounts (pallet-session validator ids) it runs.
	pub validators: BoundedVec<AccountId, MaxValidators>,
}

/// Where a sub-chain is in its life.
#[derive(
	Clone, Copy, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
	Debug,
)]
pub enum SubChainStatus {
	/// Applied, waiting for the council.
	Pending,
	/// Approved: its gateways anchor blocks.
	Approved,
	/// Suspended by the council or by a work order: no anchoring until resumed.
	Suspended,
}

/// A sub-chain (子链) of an industry or region, gated by a backbone node (骨干节点).
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
#[scale_info(skip_type_params(MaxLabel, MaxGateways))]
pub struct SubChain<AccountId, MaxLabel: Get<u32>, MaxGateways: Get<u32>> {
	/// The backbone-node operator that applied.
	pub operator: AccountId,
	/// The AC code the operator asked for.
	pub requested_ac: AcCode,
	/// The AC code in force once approved (the council may assign another one).
	pub ac_code: Option<AcCode>,
	/// The chain's technology, e.g. `Substrate`, `FISCO BCOS`, `BIF-Core`.
	pub chain_type: BoundedVec<u8, MaxLabel>,
	/// The industry it serves, e.g. `文旅 culture-tourism`.
	pub industry: BoundedVec<u8, MaxLabel>,
	/// The area it serves (its location).
	pub area: AreaCode,
	/// The gateway accounts that anchor its blocks.
	pub gateways: BoundedVec<AccountId, MaxGateways>,
	/// Its status.
	pub status: SubChainStatus,
	/// When it was approved (ms since the Unix epoch); lagging is measured from here until the
	/// first anchor.
	pub approved_at: Option<u64>,
}

/// One block of a sub-chain, as its gateway anchors it (BIF's `{height, blockHash, preBlockHash,
/// txNum, time, size}`).
#[derive(
	Clone, Copy, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
	Debug,
)]
pub struct AnchorRecord {
	/// Block height.
	pub height: u64,
	/// Block hash.
	pub block_hash: H256,
	/// Hash of the parent block.
	pub parent_hash: H256,
	/// Transactions in the block.
	pub tx_count: u32,
	/// Block time, ms since the Unix epoch (as the sub-chain says).
	pub time: u64,
	/// Block size in bytes.
	pub size: u32,
}

/// What the chain keeps of a sub-chain's anchoring: only the latest record (earlier ones are
/// evidence in `Anchored` events).
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct AnchorState {
	/// The latest anchored block.
	pub latest: AnchorRecord,
	/// Blocks anchored so far.
	pub count: u64,
	/// When the latest batch was anchored, by this chain's clock (ms since the Unix epoch).
	pub anchored_at: u64,
}

/// The crypto type of the public key behind an account, for its BID. An `AccountId32` is the raw
/// public key; it does not say which scheme the key belongs to.
#[derive(
	Clone, Copy, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
	Debug,
)]
pub enum KeyType {
	/// Ed25519: BIF's letter `e`.
	Ed25519,
	/// Sr25519 (Schnorr over Ristretto255): our letter `r`, not in BIF's list (which has `e`
	/// Ed25519, `z` SM2, `s` secp256k1).
	Sr25519,
}

impl KeyType {
	/// The crypto-type letter of RFC-002.
	pub fn letter(&self) -> u8 {
		match self {
			Self::Ed25519 => b'e',
			Self::Sr25519 => b'r',
		}
	}

	/// The key type of a crypto-type letter.
	pub fn from_letter(letter: u8) -> Option<Self> {
		match letter {
			b'e' => Some(Self::Ed25519),
			b'r' => Some(Self::Sr25519),
			_ => None,
		}
	}
}

/// What a work order is about (BIF numbering).
#[derive(
	Clone, Copy, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
	Debug,
)]
pub enum WorkOrderKind {
	/// 1: a contract violation.
	#[codec(index = 1)]
	ContractViolation,
	/// 2: a large transaction.
	#[codec(index = 2)]
	LargeTransaction,
	/// 3: forbidden content.
	#[codec(index = 3)]
	ForbiddenContent,
	/// 4: anything else.
	#[codec(index = 4)]
	Other,
}

/// How a work order was disposed of (BIF numbering).
#[derive(
	Clone, Copy, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
	Debug,
)]
pub enum Disposal {
	/// 0: nothing to do.
	#[codec(index = 0)]
	Ignore,
	/// 1: (re-)enable the target: resume a sub-chain, lift a supervision suspension.
	#[codec(index = 1)]
	Enable,
	/// 2: disable the target: suspend a sub-chain's anchoring, suspend a merchant.
	#[codec(index = 2)]
	Disable,
}

/// Whom a work order is against.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub enum WorkOrderTarget<AccountId> {
	/// A sub-chain.
	SubChain(SubChainId),
	/// A subject (a merchant of pallet-credit).
	Subject(AccountId),
}

/// Who raised a work order.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub enum Raiser<AccountId> {
	/// The supernode council.
	Council,
	/// A regulator whose jurisdiction covers the target.
	Regulator(AccountId),
}

/// A supervision work order (以链治链).
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct WorkOrder<AccountId> {
	/// Its target.
	pub target: WorkOrderTarget<AccountId>,
	/// Its kind.
	pub kind: WorkOrderKind,
	/// Hash of the evidence (kept off chain).
	pub evidence: H256,
	/// Who raised it.
	pub raised_by: Raiser<AccountId>,
	/// When it was raised (ms since the Unix epoch).
	pub raised_at: u64,
	/// Its disposal, once the council decided.
	pub disposal: Option<Disposal>,
}
