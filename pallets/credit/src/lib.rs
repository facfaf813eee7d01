//! # Credit pallet (信用承诺)
//!
//! Answers "who is this account, and can they be trusted?" for the whole chain.
//!
//! ## Roles
//! - The **council** (`CouncilOrigin`) appoints and removes **regulators**, each with a
//!   jurisdiction (a 6-digit area code: a province code covers the province, a city code the
//!   city) and domains (market supervision, culture and tourism, commerce, education).
//! - A regulator registers **merchants** in its jurisdiction (licence hash, name, category,
//!   area, licence date) and sets their status (Active, Abnormal, Suspended, Blacklisted,
//!   Closing, Closed) with a reason hash; it **verifies consumers** by a salted hash of their
//!   identity (never the identity), and may revoke them.
//! - A merchant or verified consumer (a *subject*) makes **commitments**: a kind, the hash of
//!   the text, a validity period. It submits them itself, or a platform relays them with the
//!   subject's signature over [`RelayedCommitment`] (sr25519 or ed25519 through
//!   `MultiSignature`); a payload is good once (per-subject nonce) and on this chain only
//!   (genesis hash in the signed bytes). A regulator may counter-sign. The record is the
//!   evidence (存证): content hash, signer, block and time.
//! - Regulators record **fulfilments** and **breaches** (with severity and evidence hash)
//!   against a subject or one of its commitments; other pallets report them through
//!   [`guilian_primitives::SubjectRegistry`].
//! - **Supervision** (以链治链): a work order of `pallet-supernodes` that the council disposes of
//!   with *disable* suspends an active or abnormal merchant (status source `Supervision`, which
//!   remembers the earlier status); *enable* restores that status, and only after such a
//!   suspension. Accounts that are not merchants cannot be supervised.
//!
//! ## Score, tiers and the credit card (诚信卡)
//! The score is computed by [`score`] (documented there): 600 to start, points per event by
//! severity, weighted by recency, clamped to 0..=1000. Tiers come from `TierThresholds`
//! (defaults A ≥ 800, B ≥ 650, C ≥ 500, else D). A breach that leaves a merchant in tier D
//! blacklists it automatically; the blacklisting stays when later fulfilments raise the score,
//! until a regulator lifts it (credit repair, 信用修复, is a regulator's decision). A verified consumer or merchant of tier B or better may take the
//! credit card; merchants publish a discount per tier, which the prepaid pallet applies.
//!
//! ## Invariants (`do_try_state`)
//! - The counters (regulators, merchants, consumers, commitments, card holders) match storage.
//! - The licence and identity indexes are the exact inverse of the merchant and consumer maps.
//! - Every blacklisted merchant was blacklisted by a regulator or by its score, and a status set
//!   by the score is always Blacklisted.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod functions;
mod impl_registry;
#[cfg(test)]
mod mock;
pub mod runtime_api;
pub mod score;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use types::*;
pub use weights::WeightInfo;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{
		pallet_prelude::*,
		traits::{EnsureOrigin, UnixTime},
	};
	use frame_system::pallet_prelude::*;
	use guilian_primitives::{AreaCode, MerchantCategory, MerchantStatus, Severity};
	use sp_core::H256;
	use sp_runtime::traits::{IdentifyAccount, Verify};

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// Appoints and removes regulators (the supernode council; Root on dev networks).
		type CouncilOrigin: EnsureOrigin<Self::RuntimeOrigin>;
		/// Wall-clock time of the current block (licence dates, validity, score recency).
		type Time: UnixTime;
		/// The signature a subject gives over a relayed commitment.
		type OffchainSignature: Verify<Signer = Self::OffchainPublic> + Parameter;
		/// The public key behind an account.
		type OffchainPublic: IdentifyAccount<AccountId = Self::AccountId>;
		/// Longest merchant display name, in bytes.
		#[pallet::constant]
		type MaxNameLength: Get<u32>;
		/// Credit events kept per subject for the recency weighting; older ones are archived.
		#[pallet::constant]
		type MaxRecentEvents: Get<u32>;
		/// Longest validity of a commitment, in milliseconds.
		#[pallet::constant]
		type MaxCommitmentDuration: Get<u64>;
		/// Largest discount a merchant may give to card holders.
		#[pallet::constant]
		type MaxCardDiscount: Get<sp_runtime::Permill>;
		/// Score thresholds of tiers A, B and C.
		#[pallet::constant]
		type TierThresholds: Get<TierThresholds>;
		/// Weights of the calls, from this pallet's benchmarks.
		type WeightInfo: WeightInfo;
		/// Makes a signing key and signatures for the `relay_commitment` benchmark.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::OffchainPublic, Self::AccountId, Self::OffchainSignature>;
	}

	/// Signing for benchmarks: a fresh key in the benchmark keystore and signatures by it.
	#[cfg(feature = "runtime-benchmarks")]
	pub trait BenchmarkHelper<Public, AccountId, Signature> {
		/// A new key and the account it controls.
		fn signer() -> (Public, AccountId);
		/// Signs `message` with `signer`.
		fn sign(signer: &Public, message: &[u8]) -> Signature;
	}

	#[cfg(feature = "runtime-benchmarks")]
	impl BenchmarkHelper<sp_runtime::MultiSigner, sp_runtime::AccountId32, sp_runtime::MultiSignature>
		for ()
	{
		fn signer() -> (sp_runtime::MultiSigner, sp_runtime::AccountId32) {
			let public = sp_io::crypto::sr25519_generate(sp_core::crypto::KeyTypeId(*b"gcrd"), None);
			let signer = sp_runtime::MultiSigner::Sr25519(public);
			(signer.clone(), signer.into_account())
		}

		fn sign(signer: &sp_runtime::MultiSigner, message: &[u8]) -> sp_runtime::MultiSignature {
			let sp_runtime::MultiSigner::Sr25519(public) = signer else {
				return sp_runtime::MultiSignature::Sr25519(Default::default());
			};
			sp_io::crypto::sr25519_sign(sp_core::crypto::KeyTypeId(*b"gcrd"), public, message)
				.map(sp_runtime::MultiSignature::Sr25519)
				.unwrap_or_else(|| sp_runtime::MultiSignature::Sr25519(Default::default()))
		}
	}

	/// Regulators and their jurisdiction and domains.
	#[pallet::storage]
	pub type Regulators<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, Regulator>;

	/// Number of regulators.
	#[pallet::storage]
	pub type RegulatorCount<T: Config> = StorageValue<_, u32, ValueQuery>;

	/// Registered merchants.
	#[pallet::storage]
	pub type Merchants<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Merchant<T::AccountId, BlockNumberFor<T>, T::MaxNameLength>,
	>;

	/// Merchant account by licence hash: a licence registers one merchant only.
	#[pallet::storage]
	pub type MerchantByLicence<T: Config> = StorageMap<_, Identity, H256, T::AccountId>;

	/// Number of merchants.
	#[pallet::storage]
	pub type MerchantCount<T: Config> = StorageValue<_, u32, ValueQuery>;

	/// Verified consumers.
	#[pallet::storage]
	pub type Consumers<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, Consumer<T::AccountId, BlockNumberFor<T>>>;

	/// Consumer account by identity hash: one identity verifies one account.
	#[pallet::storage]
	pub type ConsumerByIdentity<T: Config> = StorageMap<_, Identity, H256, T::AccountId>;

	/// Number of verified consumers.
	#[pallet::storage]
	pub type ConsumerCount<T: Config> = StorageValue<_, u32, ValueQuery>;

	/// Commitments by id.
	#[pallet::storage]
	pub type Commitments<T: Config> =
		StorageMap<_, Twox64Concat, u64, Commitment<T::AccountId, BlockNumberFor<T>>>;

	/// The id the next commitment gets (also the number of commitments).
	#[pallet::storage]
	pub type NextCommitmentId<T: Config> = StorageValue<_, u64, ValueQuery>;

	/// Commitments made per subject.
	#[pallet::storage]
	pub type CommitmentCount<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// The nonce the next relayed commitment of a subject must carry.
	#[pallet::storage]
	pub type RelayNonce<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// Credit records of subjects (absent: no event yet).
	#[pallet::storage]
	pub type CreditRecords<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, CreditRecord<T::MaxRecentEvents>>;

	/// Holders of the credit card, with the block it was issued in.
	#[pallet::storage]
	pub type CreditCards<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, BlockNumberFor<T>>;

	/// Number of credit-card holders.
	#[pallet::storage]
	pub type CardHolderCount<T: Config> = StorageValue<_, u32, ValueQuery>;

	/// Discounts merchants give to credit-card holders.
	#[pallet::storage]
	pub type Discounts<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, TierDiscounts>;

	/// Genesis: regulators, merchants and verified consumers of a new network (the demo
	/// subjects of the development preset).
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// `(account, jurisdiction, domains)`.
		pub regulators: alloc::vec::Vec<(T::AccountId, AreaCode, RegulatorDomains)>,
		/// `(account, licence hash, name, category, area, licence date in ms, registered by)`.
		pub merchants: alloc::vec::Vec<(
			T::AccountId,
			H256,
			alloc::vec::Vec<u8>,
			MerchantCategory,
			AreaCode,
			u64,
			T::AccountId,
		)>,
		/// `(account, salted identity hash, verified by)`.
		pub consumers: alloc::vec::Vec<(T::AccountId, H256, T::AccountId)>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for (who, jurisdiction, domains) in &self.regulators {
				Pallet::<T>::do_appoint_regulator(who.clone(), *jurisdiction, *domains)
					.expect("genesis regulators must be valid and distinct");
			}
			for (who, licence, name, category, area, licensed_at, by) in &self.merchants {
				let name = name.clone().try_into().expect("genesis merchant name too long");
				Pallet::<T>::do_register_merchant(
					by,
					who.clone(),
					*licence,
					name,
					*category,
					*area,
					*licensed_at,
				)
				.expect("genesis merchants must be valid and distinct");
			}
			for (who, identity, by) in &self.consumers {
				Pallet::<T>::do_verify_consumer(by, who.clone(), *identity)
					.expect("genesis consumers must be valid and distinct");
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// The council appointed a regulator.
		RegulatorAppointed { regulator: T::AccountId, jurisdiction: AreaCode, domains: RegulatorDomains },
		/// The council removed a regulator.
		RegulatorRemoved { regulator: T::AccountId },
		/// A regulator registered a merchant.
		MerchantRegistered {
			merchant: T::AccountId,
			regulator: T::AccountId,
			category: MerchantCategory,
			area: AreaCode,
		},
		/// A merchant's status changed.
		MerchantStatusChanged {
			merchant: T::AccountId,
			from: MerchantStatus,
			to: MerchantStatus,
			source: StatusSource<T::AccountId>,
		},
		/// A regulator verified a consumer's real name.
		ConsumerVerified { consumer: T::AccountId, regulator: T::AccountId },
		/// A regulator revoked a consumer's verification.
		ConsumerRevoked { consumer: T::AccountId, regulator: T::AccountId, reason: H256 },
		/// A commitment was recorded (the evidence record).
		CommitmentRecorded {
			id: u64,
			subject: T::AccountId,
			kind: CommitmentKind,
			content_hash: H256,
			relayer: Option<T::AccountId>,
		},
		/// A regulator counter-signed a commitment.
		CommitmentCountersigned { id: u64, regulator: T::AccountId },
		/// A fulfilment was recorded.
		FulfilmentRecorded {
			subject: T::AccountId,
			commitment: Option<u64>,
			evidence: H256,
			score: u16,
		},
		/// A breach was recorded.
		BreachRecorded {
			subject: T::AccountId,
			commitment: Option<u64>,
			severity: Severity,
			evidence: H256,
			score: u16,
		},
		/// A merchant published its credit-card discounts.
		DiscountsPublished { merchant: T::AccountId, discounts: TierDiscounts },
		/// An account took the credit card.
		CreditCardIssued { holder: T::AccountId },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The caller is not a regulator.
		NotRegulator,
		/// The account is already a regulator.
		AlreadyRegulator,
		/// The area code is not a 6-digit code.
		InvalidAreaCode,
		/// The domains are empty or contain unknown flags.
		InvalidDomains,
		/// The area is outside the regulator's jurisdiction.
		OutOfJurisdiction,
		/// The regulator does not work in the domain this action needs.
		WrongDomain,
		/// The account is already a registered merchant.
		AlreadyMerchant,
		/// A merchant with this licence hash is already registered.
		LicenceAlreadyRegistered,
		/// The account is already a verified consumer.
		AlreadyVerified,
		/// This identity already verified another account.
		IdentityAlreadyUsed,
		/// No merchant is registered under this account.
		UnknownMerchant,
		/// The account is not a verified consumer.
		UnknownConsumer,
		/// The account is neither a merchant nor a verified consumer.
		UnknownSubject,
		/// The merchant already has this status.
		StatusUnchanged,
		/// The licence date lies in the future.
		LicenceDateInFuture,
		/// The name is empty.
		EmptyName,
		/// The validity period is empty, ends in the past, or is longer than allowed.
		InvalidValidity,
		/// The commitment's validity has ended.
		CommitmentExpired,
		/// No commitment has this id.
		UnknownCommitment,
		/// The commitment belongs to another subject.
		CommitmentOfAnotherSubject,
		/// The commitment is already counter-signed.
		AlreadyCountersigned,
		/// The signature does not match the payload and the subject.
		BadSignature,
		/// The payload's nonce is not the subject's next relay nonce (a replay, or out of order).
		StaleNonce,
		/// A discount exceeds `MaxCardDiscount`, or tier B gives more than tier A.
		DiscountTooHigh,
		/// Only merchants and verified consumers may hold the credit card.
		NotEligibleForCard,
		/// The account's tier is below B.
		TierTooLow,
		/// The account already holds the credit card.
		AlreadyHoldsCard,
		/// A counter or id would overflow.
		Overflow,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Appoints `regulator` with a jurisdiction and domains. Council only.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::appoint_regulator())]
		pub fn appoint_regulator(
			origin: OriginFor<T>,
			regulator: T::AccountId,
			jurisdiction: AreaCode,
			domains: RegulatorDomains,
		) -> DispatchResult {
			T::CouncilOrigin::ensure_origin(origin)?;
			Self::do_appoint_regulator(regulator, jurisdiction, domains)
		}

		/// Removes a regulator. Council only. What it registered stays registered.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::remove_regulator())]
		pub fn remove_regulator(origin: OriginFor<T>, regulator: T::AccountId) -> DispatchResult {
			T::CouncilOrigin::ensure_origin(origin)?;
			Self::do_remove_regulator(regulator)
		}

		/// Registers `merchant` in the caller's jurisdiction. Regulators only.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::register_merchant())]
		pub fn register_merchant(
			origin: OriginFor<T>,
			merchant: T::AccountId,
			licence_hash: H256,
			name: BoundedVec<u8, T::MaxNameLength>,
			category: MerchantCategory,
			area: AreaCode,
			licensed_at: u64,
		) -> DispatchResult {
			let regulator = ensure_signed(origin)?;
			// Checked here, not in `do_register_merchant`: genesis registers merchants whose
			// licences predate the chain's clock.
			ensure!(licensed_at <= Self::now_ms(), Error::<T>::LicenceDateInFuture);
			Self::do_register_merchant(
				&regulator,
				merchant,
				licence_hash,
				name,
				category,
				area,
				licensed_at,
			)
		}

		/// Sets a merchant's status, with the hash of the reasons. Regulators of its area only.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::set_merchant_status())]
		pub fn set_merchant_status(
			origin: OriginFor<T>,
			merchant: T::AccountId,
			status: MerchantStatus,
			reason: H256,
		) -> DispatchResult {
			let regulator = ensure_signed(origin)?;
			Self::do_set_merchant_status(&regulator, merchant, status, reason)
		}

		/// Records that `consumer`'s real name was verified, by a salted hash of the identity.
		/// Regulators only.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::verify_consumer())]
		pub fn verify_consumer(
			origin: OriginFor<T>,
			consumer: T::AccountId,
			identity_hash: H256,
		) -> DispatchResult {
			let regulator = ensure_signed(origin)?;
			Self::do_verify_consumer(&regulator, consumer, identity_hash)
		}

		/// Revokes a consumer's verification, with the hash of the reasons. Regulators only.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::revoke_consumer())]
		pub fn revoke_consumer(
			origin: OriginFor<T>,
			consumer: T::AccountId,
			reason: H256,
		) -> DispatchResult {
			let regulator = ensure_signed(origin)?;
			Self::do_revoke_consumer(&regulator, consumer, reason)
		}

		/// Records a commitment the caller (a merchant or verified consumer) makes.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::make_commitment())]
		pub fn make_commitment(origin: OriginFor<T>, terms: CommitmentTerms) -> DispatchResult {
			let subject = ensure_signed(origin)?;
			Self::do_make_commitment(subject, terms, None)
		}

		/// Records a commitment signed by its subject and submitted by the caller (a platform).
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::relay_commitment())]
		pub fn relay_commitment(
			origin: OriginFor<T>,
			payload: RelayedCommitment<T::AccountId>,
			signature: T::OffchainSignature,
		) -> DispatchResult {
			let relayer = ensure_signed(origin)?;
			Self::do_relay_commitment(relayer, payload, signature)
		}

		/// Counter-signs a commitment of a subject in the caller's jurisdiction. Regulators only.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::countersign_commitment())]
		pub fn countersign_commitment(origin: OriginFor<T>, id: u64) -> DispatchResult {
			let regulator = ensure_signed(origin)?;
			Self::do_countersign(&regulator, id)
		}

		/// Records that `subject` kept its word (optionally a given commitment). Regulators of
		/// the subject's area only.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::record_fulfilment())]
		pub fn record_fulfilment(
			origin: OriginFor<T>,
			subject: T::AccountId,
			commitment: Option<u64>,
			evidence: H256,
		) -> DispatchResult {
			let regulator = ensure_signed(origin)?;
			Self::ensure_regulator_over_subject(&regulator, &subject)?;
			Self::do_record_event(&subject, commitment, CreditEventKind::Fulfilment, evidence)
		}

		/// Records a breach by `subject` (optionally of a given commitment). Regulators of the
		/// subject's area only.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::record_breach())]
		pub fn record_breach(
			origin: OriginFor<T>,
			subject: T::AccountId,
			commitment: Option<u64>,
			severity: Severity,
			evidence: H256,
		) -> DispatchResult {
			let regulator = ensure_signed(origin)?;
			Self::ensure_regulator_over_subject(&regulator, &subject)?;
			Self::do_record_event(&subject, commitment, CreditEventKind::Breach(severity), evidence)
		}

		/// Publishes the discounts the calling merchant gives to credit-card holders.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::publish_discounts())]
		pub fn publish_discounts(origin: OriginFor<T>, discounts: TierDiscounts) -> DispatchResult {
			let merchant = ensure_signed(origin)?;
			Self::do_publish_discounts(merchant, discounts)
		}

		/// Takes the credit card: verified consumers and merchants of tier B or better.
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::take_credit_card())]
		pub fn take_credit_card(origin: OriginFor<T>) -> DispatchResult {
			let holder = ensure_signed(origin)?;
			Self::do_take_credit_card(holder)
		}
	}
}
