//! The pallet's logic: every `do_*` checks everything first and writes last.

use crate::{pallet::*, score, types::*};
use codec::Encode;
use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::Get,
};
use frame_system::pallet_prelude::BlockNumberFor;
use guilian_primitives::{AreaCode, CreditTier, MerchantCategory, MerchantStatus};
use sp_core::H256;
use sp_runtime::{traits::Verify, Permill};

impl<T: Config> Pallet<T> {
	/// Now, in milliseconds since the Unix epoch.
	pub(crate) fn now_ms() -> u64 {
		guilian_primitives::unix_millis::<T::Time>()
	}

	/// The regulator record of `who`, or `NotRegulator`.
	pub(crate) fn regulator(who: &T::AccountId) -> Result<Regulator, Error<T>> {
		Regulators::<T>::get(who).ok_or(Error::<T>::NotRegulator)
	}

	/// The domain a regulator needs to register a merchant of `category`.
	fn domain_for(category: MerchantCategory) -> u8 {
		match category {
			MerchantCategory::Education => RegulatorDomains::EDUCATION,
			MerchantCategory::Tourism => RegulatorDomains::CULTURE_TOURISM,
			_ => RegulatorDomains::MARKET_SUPERVISION,
		}
	}

	/// The area of a subject (a merchant's premises; a consumer's verifying regulator's
	/// jurisdiction), or `UnknownSubject`.
	fn subject_area(subject: &T::AccountId) -> Result<AreaCode, Error<T>> {
		if let Some(merchant) = Merchants::<T>::get(subject) {
			return Ok(merchant.area);
		}
		let consumer = Consumers::<T>::get(subject).ok_or(Error::<T>::UnknownSubject)?;
		// A consumer is in the area of the regulator that verified it; if that regulator was
		// removed, any regulator may act for the consumer (none is in a better position).
		Ok(Regulators::<T>::get(&consumer.verified_by)
			.map(|r| r.jurisdiction)
			.unwrap_or(AreaCode(0)))
	}

	/// Checks `regulator` may record credit events about `subject`.
	pub(crate) fn ensure_regulator_over_subject(
		regulator: &T::AccountId,
		subject: &T::AccountId,
	) -> DispatchResult {
		let record = Self::regulator(regulator)?;
		let area = Self::subject_area(subject)?;
		ensure!(!area.is_valid() || record.jurisdiction.covers(area), Error::<T>::OutOfJurisdiction);
		Ok(())
	}

	/// Appoints a regulator (the council's call, and genesis).
	pub fn do_appoint_regulator(
		who: T::AccountId,
		jurisdiction: AreaCode,
		domains: RegulatorDomains,
	) -> DispatchResult {
		ensure!(jurisdiction.is_valid(), Error::<T>::InvalidAreaCode);
		ensure!(domains.is_valid(), Error::<T>::InvalidDomains);
		ensure!(!Regulators::<T>::contains_key(&who), Error::<T>::AlreadyRegulator);
		let count = RegulatorCount::<T>::get().checked_add(1).ok_or(Error::<T>::Overflow)?;

		Regulators::<T>::insert(&who, Regulator { jurisdiction, domains });
		RegulatorCount::<T>::put(count);
		Self::deposit_event(Event::RegulatorAppointed { regulator: who, jurisdiction, domains });
		Ok(())
	}

	pub(crate) fn do_remove_regulator(who: T::AccountId) -> DispatchResult {
		ensure!(Regulators::<T>::contains_key(&who), Error::<T>::NotRegulator);

		Regulators::<T>::remove(&who);
		RegulatorCount::<T>::mutate(|count| *count = count.saturating_sub(1));
		Self::deposit_event(Event::RegulatorRemoved { regulator: who });
		Ok(())
	}

	/// Registers a merchant on behalf of `regulator` (the regulator's call, genesis, and
	/// benchmark set-up of other pallets). The licence date is checked by the call only.
	pub fn do_register_merchant(
		regulator: &T::AccountId,
		merchant: T::AccountId,
		licence_hash: H256,
		name: BoundedVec<u8, T::MaxNameLength>,
		category: MerchantCategory,
		area: AreaCode,
		licensed_at: u64,
	) -> DispatchResult {
		let record = Self::regulator(regulator)?;
		ensure!(area.is_valid(), Error::<T>::InvalidAreaCode);
		ensure!(record.jurisdiction.covers(area), Error::<T>::OutOfJurisdiction);
		ensure!(record.domains.contains(Self::domain_for(category)), Error::<T>::WrongDomain);
		ensure!(!name.is_empty(), Error::<T>::EmptyName);
		ensure!(!Merchants::<T>::contains_key(&merchant), Error::<T>::AlreadyMerchant);
		ensure!(
			!MerchantByLicence::<T>::contains_key(licence_hash),
			Error::<T>::LicenceAlreadyRegistered
		);
		let count = MerchantCount::<T>::get().checked_add(1).ok_or(Error::<T>::Overflow)?;

		Merchants::<T>::insert(
			&merchant,
			Merchant {
				licence_hash,
				name,
				category,
				area,
				licensed_at,
				status: MerchantStatus::Active,
				status_source: StatusSource::Regulator {
					regulator: regulator.clone(),
					reason: H256::zero(),
				},
				registered_by: regulator.clone(),
				registered_at: frame_system::Pallet::<T>::block_number(),
			},
		);
		MerchantByLicence::<T>::insert(licence_hash, &merchant);
		MerchantCount::<T>::put(count);
		Self::deposit_event(Event::MerchantRegistered {
			merchant,
			regulator: regulator.clone(),
			category,
			area,
		});
		Ok(())
	}

	/// Sets a merchant's status on behalf of `regulator`.
	pub fn do_set_merchant_status(
		regulator: &T::AccountId,
		merchant: T::AccountId,
		status: MerchantStatus,
		reason: H256,
	) -> DispatchResult {
		let record = Self::regulator(regulator)?;
		let mut entry = Merchants::<T>::get(&merchant).ok_or(Error::<T>::UnknownMerchant)?;
		ensure!(record.jurisdiction.covers(entry.area), Error::<T>::OutOfJurisdiction);
		ensure!(entry.status != status, Error::<T>::StatusUnchanged);

		let from = entry.status;
		let source = StatusSource::Regulator { regulator: regulator.clone(), reason };
		entry.status = status;
		entry.status_source = source.clone();
		Merchants::<T>::insert(&merchant, entry);
		Self::deposit_event(Event::MerchantStatusChanged { merchant, from, to: status, source });
		Ok(())
	}

	/// Supervision (以链治链): `disabled` suspends an active or abnormal merchant, remembering
	/// its status; otherwise a suspension that supervision imposed is lifted back to that status.
	/// Anything else (a merchant suspended by a regulator, blacklisted, closing or closed) is
	/// left as it is: a regulator's decision or a closure outranks the work order. Accounts that
	/// are not merchants cannot be supervised here.
	pub fn do_set_supervised(who: &T::AccountId, disabled: bool, evidence: H256) -> DispatchResult {
		let mut entry = Merchants::<T>::get(who).ok_or(Error::<T>::UnknownMerchant)?;
		let from = entry.status;
		let (to, source) = match (disabled, &entry.status_source) {
			(true, _) if matches!(from, MerchantStatus::Active | MerchantStatus::Abnormal) =>
				(MerchantStatus::Suspended, StatusSource::Supervision { evidence, previous: from }),
			(false, StatusSource::Supervision { previous, .. })
				if from == MerchantStatus::Suspended =>
				(*previous, StatusSource::Supervision { evidence, previous: from }),
			_ => return Ok(()),
		};
		entry.status = to;
		entry.status_source = source.clone();
		Merchants::<T>::insert(who, entry);
		Self::deposit_event(Event::MerchantStatusChanged { merchant: who.clone(), from, to, source });
		Ok(())
	}

	/// Verifies a consumer on behalf of `regulator`.
	pub fn do_verify_consumer(
		regulator: &T::AccountId,
		consumer: T::AccountId,
		identity_hash: H256,
	) -> DispatchResult {
		Self::regulator(regulator)?;
		ensure!(!Consumers::<T>::contains_key(&consumer), Error::<T>::AlreadyVerified);
		ensure!(
			!ConsumerByIdentity::<T>::contains_key(identity_hash),
			Error::<T>::IdentityAlreadyUsed
		);
		let count = ConsumerCount::<T>::get().checked_add(1).ok_or(Error::<T>::Overflow)?;

		Consumers::<T>::insert(
			&consumer,
			Consumer {
				identity_hash,
				verified_by: regulator.clone(),
				verified_at: frame_system::Pallet::<T>::block_number(),
			},
		);
		ConsumerByIdentity::<T>::insert(identity_hash, &consumer);
		ConsumerCount::<T>::put(count);
		Self::deposit_event(Event::ConsumerVerified { consumer, regulator: regulator.clone() });
		Ok(())
	}

	pub(crate) fn do_revoke_consumer(
		regulator: &T::AccountId,
		consumer: T::AccountId,
		reason: H256,
	) -> DispatchResult {
		let authority = Self::regulator(regulator)?;
		let record = Consumers::<T>::get(&consumer).ok_or(Error::<T>::UnknownConsumer)?;
		if let Some(verifier) = Regulators::<T>::get(&record.verified_by) {
			ensure!(
				authority.jurisdiction.covers(verifier.jurisdiction),
				Error::<T>::OutOfJurisdiction
			);
		}

		Consumers::<T>::remove(&consumer);
		ConsumerByIdentity::<T>::remove(record.identity_hash);
		ConsumerCount::<T>::mutate(|count| *count = count.saturating_sub(1));
		if !Merchants::<T>::contains_key(&consumer) && CreditCards::<T>::take(&consumer).is_some() {
			CardHolderCount::<T>::mutate(|count| *count = count.saturating_sub(1));
		}
		Self::deposit_event(Event::ConsumerRevoked {
			consumer,
			regulator: regulator.clone(),
			reason,
		});
		Ok(())
	}

	/// Whether `who` is a subject: a merchant or a verified consumer.
	pub(crate) fn is_subject(who: &T::AccountId) -> bool {
		Merchants::<T>::contains_key(who) || Consumers::<T>::contains_key(who)
	}

	fn ensure_valid_terms(terms: &CommitmentTerms) -> DispatchResult {
		let now = Self::now_ms();
		ensure!(terms.valid_from < terms.valid_until, Error::<T>::InvalidValidity);
		ensure!(terms.valid_until > now, Error::<T>::CommitmentExpired);
		ensure!(
			terms.valid_until.saturating_sub(terms.valid_from) <= T::MaxCommitmentDuration::get(),
			Error::<T>::InvalidValidity
		);
		Ok(())
	}

	pub(crate) fn do_make_commitment(
		subject: T::AccountId,
		terms: CommitmentTerms,
		relayer: Option<T::AccountId>,
	) -> DispatchResult {
		ensure!(Self::is_subject(&subject), Error::<T>::UnknownSubject);
		Self::ensure_valid_terms(&terms)?;
		let id = NextCommitmentId::<T>::get();
		let next_id = id.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let subject_count =
			CommitmentCount::<T>::get(&subject).checked_add(1).ok_or(Error::<T>::Overflow)?;

		let kind = terms.kind;
		let content_hash = terms.content_hash;
		Commitments::<T>::insert(
			id,
			Commitment {
				subject: subject.clone(),
				terms,
				relayer: relayer.clone(),
				countersigned_by: None,
				recorded_at_block: frame_system::Pallet::<T>::block_number(),
				recorded_at: Self::now_ms(),
				fulfilments: 0,
				breaches: 0,
			},
		);
		NextCommitmentId::<T>::put(next_id);
		CommitmentCount::<T>::insert(&subject, subject_count);
		Self::deposit_event(Event::CommitmentRecorded { id, subject, kind, content_hash, relayer });
		Ok(())
	}

	/// The bytes a subject signs to have `payload` relayed.
	pub fn relay_signing_payload(payload: &RelayedCommitment<T::AccountId>) -> alloc::vec::Vec<u8> {
		let genesis = frame_system::Pallet::<T>::block_hash(BlockNumberFor::<T>::zero());
		(RELAY_CONTEXT, genesis, payload).encode()
	}

	pub(crate) fn do_relay_commitment(
		relayer: T::AccountId,
		payload: RelayedCommitment<T::AccountId>,
		signature: T::OffchainSignature,
	) -> DispatchResult {
		let message = Self::relay_signing_payload(&payload);
		ensure!(signature.verify(&message[..], &payload.subject), Error::<T>::BadSignature);
		let expected = RelayNonce::<T>::get(&payload.subject);
		ensure!(payload.nonce == expected, Error::<T>::StaleNonce);
		let next_nonce = expected.checked_add(1).ok_or(Error::<T>::Overflow)?;

		// `do_make_commitment` verifies the rest before writing; the nonce is written after it.
		Self::do_make_commitment(payload.subject.clone(), payload.terms, Some(relayer))?;
		RelayNonce::<T>::insert(&payload.subject, next_nonce);
		Ok(())
	}

	pub(crate) fn do_countersign(regulator: &T::AccountId, id: u64) -> DispatchResult {
		let mut commitment = Commitments::<T>::get(id).ok_or(Error::<T>::UnknownCommitment)?;
		Self::ensure_regulator_over_subject(regulator, &commitment.subject)?;
		ensure!(commitment.countersigned_by.is_none(), Error::<T>::AlreadyCountersigned);
		ensure!(commitment.terms.valid_until > Self::now_ms(), Error::<T>::CommitmentExpired);

		commitment.countersigned_by = Some(regulator.clone());
		Commitments::<T>::insert(id, commitment);
		Self::deposit_event(Event::CommitmentCountersigned { id, regulator: regulator.clone() });
		Ok(())
	}

	/// The score of `who` now.
	pub fn current_score(who: &T::AccountId) -> u16 {
		match CreditRecords::<T>::get(who) {
			Some(record) => score::score(record.archived_points, record.recent.iter(), Self::now_ms()),
			None => score::INITIAL_SCORE,
		}
	}

	/// The tier of `who` now.
	pub fn current_tier(who: &T::AccountId) -> CreditTier {
		T::TierThresholds::get().tier(Self::current_score(who))
	}

	/// Records a fulfilment or breach of `subject` (optionally of one of its commitments),
	/// updates its score, and blacklists a merchant that falls into tier D.
	pub(crate) fn do_record_event(
		subject: &T::AccountId,
		commitment_id: Option<u64>,
		kind: CreditEventKind,
		evidence: H256,
	) -> DispatchResult {
		ensure!(Self::is_subject(subject), Error::<T>::UnknownSubject);
		let commitment = match commitment_id {
			Some(id) => {
				let commitment = Commitments::<T>::get(id).ok_or(Error::<T>::UnknownCommitment)?;
				ensure!(&commitment.subject == subject, Error::<T>::CommitmentOfAnotherSubject);
				Some((id, commitment))
			},
			None => None,
		};
		let now = Self::now_ms();
		let mut record = CreditRecords::<T>::get(subject).unwrap_or_default();
		match kind {
			CreditEventKind::Fulfilment =>
				record.fulfilments = record.fulfilments.checked_add(1).ok_or(Error::<T>::Overflow)?,
			CreditEventKind::Breach(_) =>
				record.breaches = record.breaches.checked_add(1).ok_or(Error::<T>::Overflow)?,
		}
		let event = CreditEvent { kind: kind.clone(), at: now, evidence };
		if record.recent.is_full() {
			// Keep the list bounded: the oldest event leaves it and counts at its oldest weight.
			let oldest = record.recent.remove(0);
			record.archived_points =
				record.archived_points.saturating_add(score::archived_points(&oldest));
		}
		record
			.recent
			.try_push(event)
			.map_err(|_| Error::<T>::Overflow)?;
		let new_score = score::score(record.archived_points, record.recent.iter(), now);
		record.score_at_last_event = new_score;
		let commitment = match commitment {
			Some((id, mut c)) => {
				match kind {
					CreditEventKind::Fulfilment =>
						c.fulfilments = c.fulfilments.checked_add(1).ok_or(Error::<T>::Overflow)?,
					CreditEventKind::Breach(_) =>
						c.breaches = c.breaches.checked_add(1).ok_or(Error::<T>::Overflow)?,
				}
				Some((id, c))
			},
			None => None,
		};

		CreditRecords::<T>::insert(subject, record);
		if let Some((id, c)) = commitment {
			Commitments::<T>::insert(id, c);
		}
		match kind {
			CreditEventKind::Fulfilment => Self::deposit_event(Event::FulfilmentRecorded {
				subject: subject.clone(),
				commitment: commitment_id,
				evidence,
				score: new_score,
			}),
			CreditEventKind::Breach(severity) => {
				Self::deposit_event(Event::BreachRecorded {
					subject: subject.clone(),
					commitment: commitment_id,
					severity,
					evidence,
					score: new_score,
				});
				Self::blacklist_if_tier_d(subject, new_score);
			},
		}
		Ok(())
	}

	/// Blacklists a merchant whose score puts it in tier D (automatic, 失信).
	fn blacklist_if_tier_d(subject: &T::AccountId, score: u16) {
		if T::TierThresholds::get().tier(score) != CreditTier::D {
			return;
		}
		Merchants::<T>::mutate(subject, |entry| {
			if let Some(merchant) = entry {
				if merchant.status != MerchantStatus::Blacklisted {
					let from = merchant.status;
					merchant.status = MerchantStatus::Blacklisted;
					merchant.status_source = StatusSource::CreditScore;
					Self::deposit_event(Event::MerchantStatusChanged {
						merchant: subject.clone(),
						from,
						to: MerchantStatus::Blacklisted,
						source: StatusSource::CreditScore,
					});
				}
			}
		});
	}

	pub(crate) fn do_publish_discounts(
		merchant: T::AccountId,
		discounts: TierDiscounts,
	) -> DispatchResult {
		ensure!(Merchants::<T>::contains_key(&merchant), Error::<T>::UnknownMerchant);
		let max = T::MaxCardDiscount::get();
		ensure!(
			discounts.tier_a <= max && discounts.tier_b <= max,
			Error::<T>::DiscountTooHigh
		);
		ensure!(discounts.tier_b <= discounts.tier_a, Error::<T>::DiscountTooHigh);

		Discounts::<T>::insert(&merchant, discounts);
		Self::deposit_event(Event::DiscountsPublished { merchant, discounts });
		Ok(())
	}

	pub(crate) fn do_take_credit_card(holder: T::AccountId) -> DispatchResult {
		ensure!(Self::is_subject(&holder), Error::<T>::NotEligibleForCard);
		ensure!(!CreditCards::<T>::contains_key(&holder), Error::<T>::AlreadyHoldsCard);
		ensure!(Self::current_tier(&holder) <= CreditTier::B, Error::<T>::TierTooLow);
		let count = CardHolderCount::<T>::get().checked_add(1).ok_or(Error::<T>::Overflow)?;

		CreditCards::<T>::insert(&holder, frame_system::Pallet::<T>::block_number());
		CardHolderCount::<T>::put(count);
		Self::deposit_event(Event::CreditCardIssued { holder });
		Ok(())
	}

	/// Whether `who` holds the credit card and its tier still allows using it.
	pub fn card_usable(who: &T::AccountId) -> bool {
		CreditCards::<T>::contains_key(who) && Self::current_tier(who) <= CreditTier::B
	}

	/// The discount `merchant` gives `buyer` for the credit card.
	pub fn discount_for(merchant: &T::AccountId, buyer: &T::AccountId) -> Permill {
		if !Self::card_usable(buyer) {
			return Permill::zero();
		}
		let discounts = Discounts::<T>::get(merchant).unwrap_or_default();
		match Self::current_tier(buyer) {
			CreditTier::A => discounts.tier_a,
			CreditTier::B => discounts.tier_b,
			_ => Permill::zero(),
		}
	}

	/// The profile of `who` (for `CreditApi`).
	pub fn profile(who: &T::AccountId) -> CreditProfile {
		let role = if let Some(r) = Regulators::<T>::get(who) {
			Role::Regulator(r)
		} else if let Some(m) = Merchants::<T>::get(who) {
			Role::Merchant { category: m.category, area: m.area, status: m.status }
		} else if Consumers::<T>::contains_key(who) {
			Role::VerifiedConsumer
		} else {
			Role::Unregistered
		};
		let record = CreditRecords::<T>::get(who).unwrap_or_default();
		let score = Self::current_score(who);
		CreditProfile {
			role,
			score,
			tier: T::TierThresholds::get().tier(score),
			fulfilments: record.fulfilments,
			breaches: record.breaches,
			commitments: CommitmentCount::<T>::get(who),
			has_credit_card: Self::card_usable(who),
		}
	}

	/// Checks the pallet's invariants (see the module docs).
	#[cfg(any(feature = "try-runtime", test))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		ensure!(
			Regulators::<T>::iter().count() as u32 == RegulatorCount::<T>::get(),
			"RegulatorCount does not match Regulators"
		);
		ensure!(
			Merchants::<T>::iter().count() as u32 == MerchantCount::<T>::get(),
			"MerchantCount does not match Merchants"
		);
		ensure!(
			Consumers::<T>::iter().count() as u32 == ConsumerCount::<T>::get(),
			"ConsumerCount does not match Consumers"
		);
		ensure!(
			CreditCards::<T>::iter().count() as u32 == CardHolderCount::<T>::get(),
			"CardHolderCount does not match CreditCards"
		);
		ensure!(
			Commitments::<T>::iter().count() as u64 == NextCommitmentId::<T>::get(),
			"NextCommitmentId does not match Commitments"
		);
		ensure!(
			MerchantByLicence::<T>::iter().count() as u32 == MerchantCount::<T>::get(),
			"licence index size differs from Merchants"
		);
		for (who, merchant) in Merchants::<T>::iter() {
			ensure!(
				MerchantByLicence::<T>::get(merchant.licence_hash).as_ref() == Some(&who),
				"licence index does not point back to the merchant"
			);
			// A score blacklisting outlives the score's recovery (credit repair is a regulator's
			// decision), so the tier is not checked here: only who blacklisted.
			if merchant.status == MerchantStatus::Blacklisted {
				ensure!(
					matches!(
						merchant.status_source,
						StatusSource::Regulator { .. } | StatusSource::CreditScore
					),
					"a merchant is blacklisted neither by a regulator nor by its score"
				);
			}
			if merchant.status_source == StatusSource::CreditScore {
				ensure!(
					merchant.status == MerchantStatus::Blacklisted,
					"a score-set status other than Blacklisted"
				);
			}
		}
		ensure!(
			ConsumerByIdentity::<T>::iter().count() as u32 == ConsumerCount::<T>::get(),
			"identity index size differs from Consumers"
		);
		for (who, consumer) in Consumers::<T>::iter() {
			ensure!(
				ConsumerByIdentity::<T>::get(consumer.identity_hash).as_ref() == Some(&who),
				"identity index does not point back to the consumer"
			);
		}
		for (who, _) in CreditCards::<T>::iter() {
			ensure!(Self::is_subject(&who), "a card holder is neither merchant nor consumer");
		}
		let per_subject: u64 = CommitmentCount::<T>::iter().map(|(_, n)| u64::from(n)).sum();
		ensure!(
			per_subject == NextCommitmentId::<T>::get(),
			"per-subject commitment counts do not add up"
		);
		Ok(())
	}
}
