//! # Supernodes pallet (星火·链网 supernode model): validators, sub-chains, anchoring, BID, work orders
//!
//! Guilian is deployed the way Xinghuo BIF is: government-run **supernodes** hold consensus,
//! industry and regional **sub-chains** register with them and anchor their blocks, and
//! supervision happens through the chain (以链治链).
//!
//! ## Roles
//! - **Council** (`T::CouncilOrigin`, a 2/3 motion of the supernode operators): adds and removes
//!   supernodes and their validators, sets the session length and the chain's own AC code,
//!   authorizes runtime upgrades (`authorize_upgrade`, then anyone applies the code), approves, rejects, suspends and resumes sub-chains, raises and disposes of work orders.
//! - **Backbone-node operator** (any signed account): applies for a sub-chain, with a deposit
//!   held until the council decides.
//! - **Gateway** (accounts named in the application): anchors the sub-chain's blocks.
//! - **Regulator** (of pallet-credit, through [`SubjectRegistry`]): raises work orders against
//!   targets in its jurisdiction.
//! - **Anyone**: registers the key type of its own account for BID reverse lookup.
//!
//! ## The validator set
//! The pallet is pallet-session's `SessionManager`. At each session rotation pallet-session asks
//! for the set of the session after next; the pallet answers the approved validators (of all
//! supernodes) whose session keys are set (`T::KeysSet`), sorted, or `None` when that set did
//! not change. A change made by the council in session `n` is thus planned at the end of `n` and
//! active from session `n + 2`'s start, i.e. at most two session lengths later (pallet-session's
//! normal one-session lag). The set never shrinks below `MinValidators`: removals that would
//! drop the approved-with-keys count below it are refused (`BelowMinValidators`), and if keys are
//! purged so that the planned set would shrink below it, the current set is kept. A validator
//! added without session keys is approved but not active until its keys are set; replacing a
//! validator requires the new one's keys (`KeysNotSet`), so that a replacement never empties a
//! seat. At genesis pallet-session takes its validators from its own `keys`, which the presets
//! keep equal to the supernodes' validators.
//!
//! Sessions are periodic from block 0 with [`SessionLength`] blocks (genesis, or the council;
//! `T::DefaultSessionLength` otherwise): the pallet is pallet-session's `ShouldEndSession` and
//! `NextSessionRotation`.
//!
//! ## Sub-chains
//! ```text
//!  apply (deposit held) ──► Pending ──approve (AC code in force)──► Approved ⇄ Suspended
//!                              └──reject (record removed)             (council or work order)
//! ```
//! AC codes are four ASCII letters or digits, upper-cased on entry (`gx01` is `GX01`); anything
//! else is refused. A code is taken once a sub-chain holding it is approved (the reverse map
//! [`SubChainByAc`]); pending applications may ask for the same code, the first approved wins.
//! The deposit is released when the council decides either way.
//!
//! ## Anchoring
//! A gateway of an approved sub-chain anchors a batch of block records. Within the batch and
//! against the stored latest anchor, each record's height is the previous height + 1 and its
//! parent hash the previous block hash; the very first anchor of a sub-chain may start at any
//! height. Only the latest record per sub-chain is stored (with a count and the time of the
//! last batch); each batch is evidence in an `Anchored` event. A sub-chain that has not anchored
//! within `AnchorInterval` (5 minutes in BIF) of now, or of its approval, is reported as lagging
//! by the runtime API.
//!
//! ## BID (RFC-002)
//! `did:bid:` + (the chain's AC code + `:`, when set) + crypto letter + `f` (Base58) + Base58 of
//! the first 22 bytes of SHA-256 of the public key. The public key is the account's 32 bytes.
//! The crypto letter is `e` for ed25519 (BIF) and our `r` for sr25519. Since an account does not
//! say which scheme its key belongs to, the API takes the key type; an account registers its key
//! type (`register_bid`) to be found again from its BID (`account_of_bid`).
//!
//! ## Work orders (以链治链)
//! Raised by the council or by a regulator whose jurisdiction covers the target (a sub-chain's
//! area, or a merchant's area), with a BIF type and an evidence hash; disposed of by the council
//! alone (a disposal can stop a whole sub-chain: a supernode-level act; regulators already
//! suspend merchants in pallet-credit). `Disable` suspends a sub-chain's anchoring or suspends a
//! merchant through [`SubjectRegistry::set_supervised`]; `Enable` resumes or lifts it. Both are
//! idempotent (a sub-chain already suspended stays so), but a pending sub-chain cannot be
//! disabled or enabled.
//!
//! ## Invariants (`do_try_state`)
//! Every validator belongs to exactly one supernode and the validator index matches the records;
//! deposits are recorded for pending applications only and each operator's held deposit is
//! their sum;
//! the counters match storage; the planned set is sorted and unique; AC codes are normalized and
//! map one-to-one to approved or suspended sub-chains; anchors exist only for approved or
//! suspended sub-chains; registered BIDs lead back to their accounts. `MinValidators` is not a
//! state invariant (a development chain runs one validator): every change enforces it. That
//! pallet-session's validators equal the approved validators with keys after a rotation is
//! checked by the runtime tests.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod bid;
mod functions;
mod impl_session;
#[cfg(test)]
mod mock;
pub mod runtime_api;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use types::*;
pub use weights::WeightInfo;

use frame_support::traits::fungible;

/// An amount of the native token (the application deposit).
pub type BalanceOf<T> =
	<<T as Config>::Currency as fungible::Inspect<<T as frame_system::Config>::AccountId>>::Balance;
/// A supernode as stored.
pub type SupernodeOf<T> = Supernode<
	<T as frame_system::Config>::AccountId,
	<T as Config>::MaxNameLen,
	<T as Config>::MaxValidatorsPerSupernode,
>;
/// A sub-chain as stored.
pub type SubChainOf<T> =
	SubChain<<T as frame_system::Config>::AccountId, <T as Config>::MaxLabelLen, <T as Config>::MaxGateways>;
/// A work order as stored.
pub type WorkOrderOf<T> = WorkOrder<<T as frame_system::Config>::AccountId>;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{
		pallet_prelude::*,
		traits::{fungible, Contains, UnixTime},
	};
	use frame_system::pallet_prelude::*;
	use guilian_primitives::{AreaCode, SubjectRegistry};
	use sp_core::H256;

	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The supernode council (a 2/3 motion of the supernode operators).
		type CouncilOrigin: EnsureOrigin<Self::RuntimeOrigin>;
		/// Whether an account has session keys set (pallet-session's `NextKeys`).
		type KeysSet: Contains<Self::AccountId>;
		/// Told whenever the set of supernode operators changes: the supernode council
		/// (pallet-collective), whose members are the operators.
		type OperatorsChanged: frame_support::traits::ChangeMembers<Self::AccountId>;
		/// Regulators and merchants (pallet-credit).
		type Subjects: SubjectRegistry<Self::AccountId>;
		/// The native token, in which application deposits are held.
		type Currency: fungible::MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;
		/// The runtime's hold reasons.
		type RuntimeHoldReason: From<HoldReason>;
		/// Wall-clock time (anchor times, lagging, work orders).
		type Time: UnixTime;
		/// Held from a sub-chain applicant until the council decides.
		#[pallet::constant]
		type ApplicationDeposit: Get<BalanceOf<Self>>;
		/// The validator set never shrinks below this many validators (3).
		#[pallet::constant]
		type MinValidators: Get<u32>;
		/// Approved validators of all supernodes together, at most (the consensus limit).
		#[pallet::constant]
		type MaxValidators: Get<u32>;
		/// Supernodes, at most.
		#[pallet::constant]
		type MaxSupernodes: Get<u32>;
		/// Validators one supernode runs, at most.
		#[pallet::constant]
		type MaxValidatorsPerSupernode: Get<u32>;
		/// Longest supernode name, in bytes.
		#[pallet::constant]
		type MaxNameLen: Get<u32>;
		/// Longest chain type or industry label of a sub-chain, in bytes.
		#[pallet::constant]
		type MaxLabelLen: Get<u32>;
		/// Gateways of one sub-chain, at most.
		#[pallet::constant]
		type MaxGateways: Get<u32>;
		/// Block records in one anchor batch, at most.
		#[pallet::constant]
		type MaxAnchorBatch: Get<u32>;
		/// A sub-chain lags when it has not anchored for this long, in ms (5 minutes).
		#[pallet::constant]
		type AnchorInterval: Get<u64>;
		/// Session length, in blocks, when genesis sets none.
		#[pallet::constant]
		type DefaultSessionLength: Get<BlockNumberFor<Self>>;
		/// Weights of the calls, from this pallet's benchmarks.
		type WeightInfo: WeightInfo;
		/// Sets up session keys, regulators and merchants for benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	/// Benchmark set-up the runtime provides.
	#[cfg(feature = "runtime-benchmarks")]
	pub trait BenchmarkHelper<AccountId> {
		/// Sets session keys for `validator` (so that `KeysSet` contains it).
		fn set_keys(validator: &AccountId);
		/// Makes `regulator` a regulator of `area` and `merchant` a merchant in `area`.
		fn subjects(regulator: &AccountId, merchant: &AccountId, area: AreaCode);
		/// Gives `who` native funds for deposits.
		fn fund(who: &AccountId);
	}

	/// Why this pallet holds native funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// A sub-chain application's deposit, until the council decides.
		SubChainApplication,
	}

	/// The session length before genesis or the council sets one.
	#[pallet::type_value]
	pub fn DefaultSessionLengthOf<T: Config>() -> BlockNumberFor<T> {
		T::DefaultSessionLength::get()
	}

	/// Supernodes by operator account.
	#[pallet::storage]
	pub type Supernodes<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, SupernodeOf<T>>;

	/// The number of supernodes.
	#[pallet::storage]
	pub type SupernodeCount<T: Config> = StorageValue<_, u32, ValueQuery>;

	/// The supernode (operator) of each approved validator.
	#[pallet::storage]
	pub type ValidatorOf<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, T::AccountId>;

	/// The number of approved validators (of all supernodes).
	#[pallet::storage]
	pub type ValidatorCount<T: Config> = StorageValue<_, u32, ValueQuery>;

	/// The validator set last handed to pallet-session (sorted): active from the session after
	/// the one being planned.
	#[pallet::storage]
	pub type PlannedValidators<T: Config> =
		StorageValue<_, BoundedVec<T::AccountId, T::MaxValidators>, ValueQuery>;

	/// Session length in blocks; sessions end at multiples of it.
	#[pallet::storage]
	pub type SessionLength<T: Config> =
		StorageValue<_, BlockNumberFor<T>, ValueQuery, DefaultSessionLengthOf<T>>;

	/// This chain's own AC code (the prefix of its BIDs), when it has one.
	#[pallet::storage]
	pub type ChainAcCode<T: Config> = StorageValue<_, AcCode>;

	/// Sub-chains (applications included) by id.
	#[pallet::storage]
	pub type SubChains<T: Config> = StorageMap<_, Twox64Concat, SubChainId, SubChainOf<T>>;

	/// The id of the next sub-chain application.
	#[pallet::storage]
	pub type NextSubChainId<T: Config> = StorageValue<_, SubChainId, ValueQuery>;

	/// The deposit held for each pending application (released at the decision, whatever the
	/// deposit constant is by then).
	#[pallet::storage]
	pub type ApplicationDeposits<T: Config> = StorageMap<_, Twox64Concat, SubChainId, BalanceOf<T>>;

	/// The approved (or suspended) sub-chain holding each AC code.
	#[pallet::storage]
	pub type SubChainByAc<T: Config> = StorageMap<_, Blake2_128Concat, AcCode, SubChainId>;

	/// The latest anchor of each sub-chain.
	#[pallet::storage]
	pub type Anchors<T: Config> = StorageMap<_, Twox64Concat, SubChainId, AnchorState>;

	/// The key type accounts registered for their BID.
	#[pallet::storage]
	pub type BidKeyTypes<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, KeyType>;

	/// The account of each registered BID suffix (the first 22 bytes of SHA-256 of the key).
	#[pallet::storage]
	pub type AccountByBid<T: Config> = StorageMap<_, Blake2_128Concat, [u8; 22], T::AccountId>;

	/// Work orders by id.
	#[pallet::storage]
	pub type WorkOrders<T: Config> = StorageMap<_, Twox64Concat, WorkOrderId, WorkOrderOf<T>>;

	/// The id of the next work order.
	#[pallet::storage]
	pub type NextWorkOrderId<T: Config> = StorageValue<_, WorkOrderId, ValueQuery>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Supernodes: operator, name, area code, validator accounts.
		pub supernodes: alloc::vec::Vec<(T::AccountId, alloc::vec::Vec<u8>, AreaCode, alloc::vec::Vec<T::AccountId>)>,
		/// Session length in blocks (`None`: `DefaultSessionLength`).
		pub session_length: Option<BlockNumberFor<T>>,
		/// This chain's AC code, if any (normalized like a sub-chain's).
		pub chain_ac_code: Option<AcCode>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for (operator, name, area, validators) in &self.supernodes {
				let name = BoundedVec::try_from(name.clone()).expect("genesis supernode name too long");
				let validators = BoundedVec::try_from(validators.clone())
					.expect("genesis supernode has too many validators");
				Pallet::<T>::do_add_supernode(operator.clone(), name, *area, validators)
					.expect("genesis supernodes are valid and distinct");
			}
			// pallet-session builds its genesis set from its own keys, before this pallet: the
			// planned set starts as every genesis validator.
			let mut planned: alloc::vec::Vec<T::AccountId> = ValidatorOf::<T>::iter_keys().collect();
			planned.sort();
			PlannedValidators::<T>::put(
				BoundedVec::try_from(planned).expect("ValidatorCount is at most MaxValidators"),
			);
			if let Some(length) = self.session_length {
				assert!(!length.is_zero(), "a session lasts at least one block");
				SessionLength::<T>::put(length);
			}
			if let Some(code) = self.chain_ac_code {
				let code = AcCode::normalize(code.0).expect("genesis AC code is 4 letters or digits");
				ChainAcCode::<T>::put(code);
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// The council added a supernode with its validators.
		SupernodeAdded {
			operator: T::AccountId,
			area: AreaCode,
			validators: BoundedVec<T::AccountId, T::MaxValidatorsPerSupernode>,
		},
		/// The council removed a supernode and its validators (they leave at the next planning).
		SupernodeRemoved { operator: T::AccountId },
		/// The council approved a validator of a supernode; it is active from the session after
		/// next if its keys are set (`keys_set` says whether they were).
		ValidatorAdded { operator: T::AccountId, validator: T::AccountId, keys_set: bool },
		/// The council removed a validator of a supernode.
		ValidatorRemoved { operator: T::AccountId, validator: T::AccountId },
		/// The council replaced a validator of a supernode by another (with keys).
		ValidatorReplaced { operator: T::AccountId, old: T::AccountId, new: T::AccountId },
		/// pallet-session was handed a new validator set for session `session`.
		ValidatorSetPlanned { session: u32, validators: BoundedVec<T::AccountId, T::MaxValidators> },
		/// The council set the session length.
		SessionLengthSet { blocks: BlockNumberFor<T> },
		/// The council set (or cleared) this chain's AC code.
		ChainAcCodeSet { ac_code: Option<AcCode> },
		/// A backbone-node operator applied for a sub-chain; `deposit` is held.
		SubChainApplied {
			subchain: SubChainId,
			operator: T::AccountId,
			requested_ac: AcCode,
			deposit: BalanceOf<T>,
		},
		/// The council approved a sub-chain under `ac_code`.
		SubChainApproved { subchain: SubChainId, ac_code: AcCode },
		/// The council rejected a sub-chain application.
		SubChainRejected { subchain: SubChainId },
		/// A sub-chain was suspended (by the council or a work order).
		SubChainSuspended { subchain: SubChainId },
		/// A sub-chain was resumed.
		SubChainResumed { subchain: SubChainId },
		/// A gateway anchored `count` blocks, from `first_height` to `last_height`.
		Anchored {
			subchain: SubChainId,
			gateway: T::AccountId,
			count: u32,
			first_height: u64,
			first_hash: H256,
			last_height: u64,
			last_hash: H256,
		},
		/// An account registered the key type of its BID.
		BidRegistered { who: T::AccountId, key_type: KeyType },
		/// A work order was raised.
		WorkOrderRaised {
			order: WorkOrderId,
			target: WorkOrderTarget<T::AccountId>,
			kind: WorkOrderKind,
			evidence: H256,
			raised_by: Raiser<T::AccountId>,
		},
		/// The council disposed of a work order.
		WorkOrderDisposed { order: WorkOrderId, disposal: Disposal },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The operator already runs a supernode.
		SupernodeExists,
		/// No supernode has this operator.
		UnknownSupernode,
		/// `MaxSupernodes` supernodes exist.
		TooManySupernodes,
		/// A name or label is empty.
		EmptyName,
		/// An invalid area code.
		InvalidAreaCode,
		/// The account is already a validator (of this or another supernode).
		ValidatorInUse,
		/// The account is not a validator of this supernode.
		NotValidatorOfSupernode,
		/// `MaxValidators` validators are approved.
		TooManyValidators,
		/// The supernode runs `MaxValidatorsPerSupernode` validators.
		TooManyValidatorsInSupernode,
		/// The removal would leave fewer than `MinValidators` validators with keys.
		BelowMinValidators,
		/// The validator has no session keys set.
		KeysNotSet,
		/// A session length of zero blocks.
		InvalidSessionLength,
		/// An AC code is not four ASCII letters or digits.
		MalformedAcCode,
		/// The AC code is held by another sub-chain.
		DuplicateAcCode,
		/// A sub-chain needs at least one gateway.
		NoGateways,
		/// A gateway is listed twice.
		DuplicateGateway,
		/// No sub-chain has this id.
		UnknownSubChain,
		/// The sub-chain is not in the status this call needs.
		WrongSubChainStatus,
		/// The sub-chain is not approved (pending or suspended): no anchoring.
		SubChainNotActive,
		/// The caller is not a gateway of the sub-chain.
		NotGateway,
		/// An anchor batch without records.
		EmptyBatch,
		/// An anchor batch of more than `MaxAnchorBatch` records.
		BatchTooLarge,
		/// A record's height is not above the previous one.
		NonIncreasingHeight,
		/// A record's height skips blocks after the previous one.
		HeightGap,
		/// A record's parent hash is not the previous block's hash.
		BrokenParentLink,
		/// The applicant cannot pay the deposit.
		InsufficientDeposit,
		/// The caller is neither the council nor a regulator.
		NotRegulator,
		/// The target is outside the regulator's jurisdiction.
		OutOfJurisdiction,
		/// The subject of a work order is not a registered merchant.
		UnknownSubject,
		/// No work order has this id.
		UnknownWorkOrder,
		/// The work order was disposed of already.
		AlreadyDisposed,
		/// A counter would overflow.
		Overflow,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MinValidators::get() >= 1, "consensus needs a validator");
			assert!(
				T::MinValidators::get() <= T::MaxValidators::get(),
				"MinValidators must not exceed MaxValidators"
			);
			assert!(T::MaxAnchorBatch::get() >= 1, "an anchor batch holds a record");
			assert!(!T::DefaultSessionLength::get().is_zero(), "a session lasts at least a block");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// The council adds a supernode run by `operator`, with its validators (which need not
		/// have session keys yet).
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::add_supernode(validators.len() as u32))]
		pub fn add_supernode(
			origin: OriginFor<T>,
			operator: T::AccountId,
			name: BoundedVec<u8, T::MaxNameLen>,
			area: AreaCode,
			validators: BoundedVec<T::AccountId, T::MaxValidatorsPerSupernode>,
		) -> DispatchResult {
			T::CouncilOrigin::ensure_origin(origin)?;
			Self::do_add_supernode(operator, name, area, validators)
		}

		/// The council removes a supernode and its validators, unless the validator set would
		/// fall below `MinValidators`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::remove_supernode())]
		pub fn remove_supernode(origin: OriginFor<T>, operator: T::AccountId) -> DispatchResult {
			T::CouncilOrigin::ensure_origin(origin)?;
			Self::do_remove_supernode(operator)
		}

		/// The council approves `validator` for the supernode of `operator`. It takes part in
		/// consensus from the session after next once its session keys are set.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::add_validator())]
		pub fn add_validator(
			origin: OriginFor<T>,
			operator: T::AccountId,
			validator: T::AccountId,
		) -> DispatchResult {
			T::CouncilOrigin::ensure_origin(origin)?;
			Self::do_add_validator(operator, validator)
		}

		/// The council removes a validator of a supernode, unless the validator set would fall
		/// below `MinValidators`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::remove_validator())]
		pub fn remove_validator(
			origin: OriginFor<T>,
			operator: T::AccountId,
			validator: T::AccountId,
		) -> DispatchResult {
			T::CouncilOrigin::ensure_origin(origin)?;
			Self::do_remove_validator(operator, validator)
		}

		/// The council replaces validator `old` of a supernode by `new`, whose session keys must
		/// be set.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::replace_validator())]
		pub fn replace_validator(
			origin: OriginFor<T>,
			operator: T::AccountId,
			old: T::AccountId,
			new: T::AccountId,
		) -> DispatchResult {
			T::CouncilOrigin::ensure_origin(origin)?;
			Self::do_replace_validator(operator, old, new)
		}

		/// The council sets the session length in blocks: sessions end at its multiples, the
		/// current one at the next multiple of the new length.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::set_session_length())]
		pub fn set_session_length(origin: OriginFor<T>, blocks: BlockNumberFor<T>) -> DispatchResult {
			T::CouncilOrigin::ensure_origin(origin)?;
			Self::do_set_session_length(blocks)
		}

		/// The council sets or clears this chain's AC code (the prefix of its BIDs).
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::set_chain_ac_code())]
		pub fn set_chain_ac_code(origin: OriginFor<T>, ac_code: Option<[u8; 4]>) -> DispatchResult {
			T::CouncilOrigin::ensure_origin(origin)?;
			Self::do_set_chain_ac_code(ac_code)
		}

		/// The council authorizes a runtime upgrade to the code whose hash (`T::Hashing`, i.e.
		/// blake2-256) is `code_hash`: the chain's way to upgrade without sudo. Anyone then submits
		/// the code with `system.applyAuthorizedUpgrade` (signed or unsigned), which checks the
		/// hash, that the spec name is unchanged and that the spec version is higher, and sets it.
		/// A new authorization replaces the last. frame-system emits `UpgradeAuthorized`; the
		/// weight is frame-system's benchmarked `authorize_upgrade`, the same storage write (the
		/// council origin check reads nothing).
		#[pallet::call_index(7)]
		#[pallet::weight((
			<<T as frame_system::Config>::SystemWeightInfo as frame_system::WeightInfo>::authorize_upgrade(),
			DispatchClass::Operational,
		))]
		pub fn authorize_upgrade(origin: OriginFor<T>, code_hash: T::Hash) -> DispatchResult {
			T::CouncilOrigin::ensure_origin(origin)?;
			frame_system::Pallet::<T>::do_authorize_upgrade(code_hash, true);
			Ok(())
		}

		/// A backbone-node operator applies for a sub-chain; `ApplicationDeposit` is held until
		/// the council decides.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::apply_subchain(gateways.len() as u32))]
		pub fn apply_subchain(
			origin: OriginFor<T>,
			ac_code: [u8; 4],
			chain_type: BoundedVec<u8, T::MaxLabelLen>,
			industry: BoundedVec<u8, T::MaxLabelLen>,
			area: AreaCode,
			gateways: BoundedVec<T::AccountId, T::MaxGateways>,
		) -> DispatchResult {
			let operator = ensure_signed(origin)?;
			Self::do_apply(operator, ac_code, chain_type, industry, area, gateways).map(|_| ())
		}

		/// The council approves a pending sub-chain, under the code it asked for or under
		/// `ac_code`.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::approve_subchain())]
		pub fn approve_subchain(
			origin: OriginFor<T>,
			subchain: SubChainId,
			ac_code: Option<[u8; 4]>,
		) -> DispatchResult {
			T::CouncilOrigin::ensure_origin(origin)?;
			Self::do_approve(subchain, ac_code)
		}

		/// The council rejects a pending application; the deposit is released.
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::reject_subchain())]
		pub fn reject_subchain(origin: OriginFor<T>, subchain: SubChainId) -> DispatchResult {
			T::CouncilOrigin::ensure_origin(origin)?;
			Self::do_reject(subchain)
		}

		/// The council suspends an approved sub-chain: its anchoring stops.
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::suspend_subchain())]
		pub fn suspend_subchain(origin: OriginFor<T>, subchain: SubChainId) -> DispatchResult {
			T::CouncilOrigin::ensure_origin(origin)?;
			Self::do_suspend(subchain)
		}

		/// The council resumes a suspended sub-chain.
		#[pallet::call_index(14)]
		#[pallet::weight(T::WeightInfo::resume_subchain())]
		pub fn resume_subchain(origin: OriginFor<T>, subchain: SubChainId) -> DispatchResult {
			T::CouncilOrigin::ensure_origin(origin)?;
			Self::do_resume(subchain)
		}

		/// A gateway anchors a batch of its approved sub-chain's blocks, in order and linked. The
		/// batch is a plain vector so that an oversized one is refused with `BatchTooLarge`
		/// (its weight is charged for at most `MaxAnchorBatch` records; its length pays the fee).
		#[pallet::call_index(15)]
		#[pallet::weight(T::WeightInfo::anchor(
			(batch.len() as u32).min(T::MaxAnchorBatch::get())
		))]
		pub fn anchor(
			origin: OriginFor<T>,
			subchain: SubChainId,
			batch: alloc::vec::Vec<AnchorRecord>,
		) -> DispatchResult {
			let gateway = ensure_signed(origin)?;
			Self::do_anchor(gateway, subchain, batch)
		}

		/// An account says which scheme its key is (ed25519 or sr25519), so that its BID leads
		/// back to it.
		#[pallet::call_index(16)]
		#[pallet::weight(T::WeightInfo::register_bid())]
		pub fn register_bid(origin: OriginFor<T>, key_type: KeyType) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_register_bid(who, key_type)
		}

		/// The council, or a regulator whose jurisdiction covers the target, raises a work order.
		#[pallet::call_index(20)]
		#[pallet::weight(T::WeightInfo::raise_work_order())]
		pub fn raise_work_order(
			origin: OriginFor<T>,
			target: WorkOrderTarget<T::AccountId>,
			kind: WorkOrderKind,
			evidence: H256,
		) -> DispatchResult {
			let raiser = match T::CouncilOrigin::try_origin(origin) {
				Ok(_) => Raiser::Council,
				Err(origin) => Raiser::Regulator(ensure_signed(origin)?),
			};
			Self::do_raise(raiser, target, kind, evidence).map(|_| ())
		}

		/// The council disposes of an open work order: ignore, enable or disable its target.
		#[pallet::call_index(21)]
		#[pallet::weight(T::WeightInfo::dispose_work_order())]
		pub fn dispose_work_order(
			origin: OriginFor<T>,
			order: WorkOrderId,
			disposal: Disposal,
		) -> DispatchResult {
			T::CouncilOrigin::ensure_origin(origin)?;
			Self::do_dispose(order, disposal)
		}
	}

	impl<T: Config> Pallet<T> {
		/// Whether `who` has session keys set.
		pub fn keys_set(who: &T::AccountId) -> bool {
			T::KeysSet::contains(who)
		}
	}
}
