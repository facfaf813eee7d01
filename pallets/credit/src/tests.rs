//! Unit tests: every call's success path with its event, and one `assert_noop!` per error.

use crate::{mock::*, pallet::*, types::*, Error, Event};
use codec::{Decode, Encode};
use frame_support::{assert_noop, assert_ok, BoundedVec};
use guilian_primitives::{
	AreaCode, CreditTier, MerchantCategory, MerchantStatus, Severity, SubjectRegistry,
};
use sp_core::{Pair, H256};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};
use sp_runtime::{DispatchError, MultiSignature, Permill};

fn signed(who: sp_runtime::AccountId32) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

fn name(text: &str) -> BoundedVec<u8, <Test as Config>::MaxNameLength> {
	text.as_bytes().to_vec().try_into().unwrap()
}

fn terms(valid_until: u64) -> CommitmentTerms {
	CommitmentTerms {
		kind: CommitmentKind::Refund,
		content_hash: H256::repeat_byte(7),
		valid_from: START,
		valid_until,
	}
}

fn one_year() -> CommitmentTerms {
	terms(START + 365 * DAY)
}

fn register_school() -> sp_runtime::AccountId32 {
	let school = Sr25519Keyring::BobStash.to_account_id();
	assert_ok!(Credit::register_merchant(
		signed(regulator()),
		school.clone(),
		H256::repeat_byte(9),
		name("Yongjiang Training School"),
		MerchantCategory::Education,
		NANNING,
		START - 400 * DAY,
	));
	school
}

fn relayed(subject: sp_runtime::AccountId32, nonce: u32) -> RelayedCommitment<sp_runtime::AccountId32> {
	RelayedCommitment { subject, terms: one_year(), nonce }
}

fn sign_sr(key: Sr25519Keyring, payload: &RelayedCommitment<sp_runtime::AccountId32>) -> MultiSignature {
	MultiSignature::Sr25519(key.pair().sign(&Credit::relay_signing_payload(payload)))
}

mod regulators {
	use super::*;

	#[test]
	fn council_appoints_a_regulator() {
		test(|| {
			let domains = RegulatorDomains(RegulatorDomains::CULTURE_TOURISM);
			assert_ok!(Credit::appoint_regulator(RuntimeOrigin::root(), stranger(), GUILIN, domains));
			assert_eq!(Regulators::<Test>::get(stranger()), Some(Regulator { jurisdiction: GUILIN, domains }));
			assert_eq!(RegulatorCount::<Test>::get(), 3);
			System::assert_last_event(
				Event::RegulatorAppointed { regulator: stranger(), jurisdiction: GUILIN, domains }.into(),
			);
		});
	}

	#[test]
	fn only_the_council_appoints() {
		test(|| {
			assert_noop!(
				Credit::appoint_regulator(signed(regulator()), stranger(), GUILIN, RegulatorDomains(1)),
				DispatchError::BadOrigin
			);
		});
	}

	#[test]
	fn a_regulator_cannot_be_appointed_twice() {
		test(|| {
			assert_noop!(
				Credit::appoint_regulator(RuntimeOrigin::root(), regulator(), GUILIN, RegulatorDomains(1)),
				Error::<Test>::AlreadyRegulator
			);
		});
	}

	#[test]
	fn jurisdiction_must_be_a_6_digit_code() {
		test(|| {
			assert_noop!(
				Credit::appoint_regulator(RuntimeOrigin::root(), stranger(), AreaCode(4501), RegulatorDomains(1)),
				Error::<Test>::InvalidAreaCode
			);
		});
	}

	#[test]
	fn domains_must_be_known_and_not_empty() {
		test(|| {
			assert_noop!(
				Credit::appoint_regulator(RuntimeOrigin::root(), stranger(), GUILIN, RegulatorDomains(0)),
				Error::<Test>::InvalidDomains
			);
			assert!(!RegulatorDomains(0b1_0000).is_valid());
		});
	}

	#[test]
	fn council_removes_a_regulator() {
		test(|| {
			assert_ok!(Credit::remove_regulator(RuntimeOrigin::root(), guilin_regulator()));
			assert!(!Regulators::<Test>::contains_key(guilin_regulator()));
			assert_eq!(RegulatorCount::<Test>::get(), 1);
			System::assert_last_event(Event::RegulatorRemoved { regulator: guilin_regulator() }.into());
		});
	}

	#[test]
	fn removing_a_non_regulator_fails() {
		test(|| {
			assert_noop!(
				Credit::remove_regulator(RuntimeOrigin::root(), stranger()),
				Error::<Test>::NotRegulator
			);
		});
	}

	#[test]
	fn area_codes_cover_their_subdivisions() {
		assert!(AreaCode(450000).covers(AreaCode(450103)));
		assert!(NANNING.covers(QINGXIU));
		assert!(!NANNING.covers(GUILIN));
		assert!(QINGXIU.covers(QINGXIU));
		assert!(!QINGXIU.covers(NANNING));
	}
}

mod merchants {
	use super::*;

	#[test]
	fn a_regulator_registers_a_merchant() {
		test(|| {
			let school = register_school();
			let merchant = Merchants::<Test>::get(&school).unwrap();
			assert_eq!(merchant.status, MerchantStatus::Active);
			assert_eq!(merchant.category, MerchantCategory::Education);
			assert_eq!(MerchantByLicence::<Test>::get(H256::repeat_byte(9)), Some(school.clone()));
			assert_eq!(MerchantCount::<Test>::get(), 2);
			System::assert_last_event(
				Event::MerchantRegistered {
					merchant: school,
					regulator: regulator(),
					category: MerchantCategory::Education,
					area: NANNING,
				}
				.into(),
			);
		});
	}

	fn register(by: sp_runtime::AccountId32, who: sp_runtime::AccountId32, licence: u8, category: MerchantCategory, area: AreaCode, date: u64) -> frame_support::dispatch::DispatchResult {
		Credit::register_merchant(signed(by), who, H256::repeat_byte(licence), name("Shop"), category, area, date)
	}

	#[test]
	fn only_regulators_register_merchants() {
		test(|| {
			assert_noop!(
				register(stranger(), platform(), 5, MerchantCategory::Retail, NANNING, START),
				Error::<Test>::NotRegulator
			);
		});
	}

	#[test]
	fn a_merchant_outside_the_jurisdiction_is_refused() {
		test(|| {
			assert_noop!(
				register(regulator(), platform(), 5, MerchantCategory::Retail, GUILIN, START),
				Error::<Test>::OutOfJurisdiction
			);
		});
	}

	#[test]
	fn the_regulator_needs_the_domain_of_the_category() {
		test(|| {
			assert_noop!(
				register(guilin_regulator(), platform(), 5, MerchantCategory::Education, GUILIN, START),
				Error::<Test>::WrongDomain
			);
		});
	}

	#[test]
	fn the_area_must_be_valid() {
		test(|| {
			assert_noop!(
				register(regulator(), platform(), 5, MerchantCategory::Retail, AreaCode(45), START),
				Error::<Test>::InvalidAreaCode
			);
		});
	}

	#[test]
	fn a_merchant_registers_once() {
		test(|| {
			assert_noop!(
				register(regulator(), gym(), 5, MerchantCategory::Retail, NANNING, START),
				Error::<Test>::AlreadyMerchant
			);
		});
	}

	#[test]
	fn a_licence_registers_one_merchant() {
		test(|| {
			assert_noop!(
				register(regulator(), platform(), 1, MerchantCategory::Retail, NANNING, START),
				Error::<Test>::LicenceAlreadyRegistered
			);
		});
	}

	#[test]
	fn a_licence_from_the_future_is_refused() {
		test(|| {
			assert_noop!(
				register(regulator(), platform(), 5, MerchantCategory::Retail, NANNING, START + 1),
				Error::<Test>::LicenceDateInFuture
			);
		});
	}

	#[test]
	fn a_name_is_required_and_bounded() {
		test(|| {
			assert_noop!(
				Credit::register_merchant(signed(regulator()), platform(), H256::repeat_byte(5), name(""), MerchantCategory::Retail, NANNING, START),
				Error::<Test>::EmptyName
			);
			// Bound exceeded: a 33-byte name is not a valid argument, and a call carrying one
			// does not even decode.
			assert!(BoundedVec::<u8, <Test as Config>::MaxNameLength>::try_from(vec![b'x'; 33]).is_err());
			let mut encoded = RuntimeCall::Credit(crate::Call::register_merchant {
				merchant: platform(),
				licence_hash: H256::zero(),
				name: name("x"),
				category: MerchantCategory::Retail,
				area: NANNING,
				licensed_at: START,
			})
			.encode();
			let long_name = vec![b'x'; 33];
			let short = (name("x")).encode();
			let at = encoded.windows(short.len()).position(|w| w == &short[..]).unwrap();
			encoded.splice(at..at + short.len(), long_name.encode());
			assert!(RuntimeCall::decode(&mut &encoded[..]).is_err());
		});
	}

	#[test]
	fn a_regulator_changes_a_status_with_a_reason() {
		test(|| {
			let reason = H256::repeat_byte(3);
			assert_ok!(Credit::set_merchant_status(signed(regulator()), gym(), MerchantStatus::Abnormal, reason));
			assert_eq!(Merchants::<Test>::get(gym()).unwrap().status, MerchantStatus::Abnormal);
			System::assert_last_event(
				Event::MerchantStatusChanged {
					merchant: gym(),
					from: MerchantStatus::Active,
					to: MerchantStatus::Abnormal,
					source: StatusSource::Regulator { regulator: regulator(), reason },
				}
				.into(),
			);
		});
	}

	#[test]
	fn status_of_an_unknown_merchant() {
		test(|| {
			assert_noop!(
				Credit::set_merchant_status(signed(regulator()), stranger(), MerchantStatus::Closed, H256::zero()),
				Error::<Test>::UnknownMerchant
			);
		});
	}

	#[test]
	fn status_outside_the_jurisdiction() {
		test(|| {
			assert_noop!(
				Credit::set_merchant_status(signed(guilin_regulator()), gym(), MerchantStatus::Closed, H256::zero()),
				Error::<Test>::OutOfJurisdiction
			);
		});
	}

	#[test]
	fn status_must_change() {
		test(|| {
			assert_noop!(
				Credit::set_merchant_status(signed(regulator()), gym(), MerchantStatus::Active, H256::zero()),
				Error::<Test>::StatusUnchanged
			);
		});
	}
}

mod consumers {
	use super::*;

	#[test]
	fn a_regulator_verifies_a_consumer_by_identity_hash() {
		test(|| {
			assert_ok!(Credit::verify_consumer(signed(regulator()), stranger(), H256::repeat_byte(4)));
			assert_eq!(Consumers::<Test>::get(stranger()).unwrap().identity_hash, H256::repeat_byte(4));
			assert!(<Credit as SubjectRegistry<_>>::is_verified_consumer(&stranger()));
			System::assert_last_event(
				Event::ConsumerVerified { consumer: stranger(), regulator: regulator() }.into(),
			);
		});
	}

	#[test]
	fn only_regulators_verify() {
		test(|| {
			assert_noop!(
				Credit::verify_consumer(signed(gym()), stranger(), H256::repeat_byte(4)),
				Error::<Test>::NotRegulator
			);
		});
	}

	#[test]
	fn a_consumer_is_verified_once() {
		test(|| {
			assert_noop!(
				Credit::verify_consumer(signed(regulator()), consumer(), H256::repeat_byte(4)),
				Error::<Test>::AlreadyVerified
			);
		});
	}

	#[test]
	fn an_identity_verifies_one_account() {
		test(|| {
			assert_noop!(
				Credit::verify_consumer(signed(regulator()), stranger(), H256::repeat_byte(2)),
				Error::<Test>::IdentityAlreadyUsed
			);
		});
	}

	#[test]
	fn a_regulator_revokes_a_consumer() {
		test(|| {
			for _ in 0..5 {
				assert_ok!(Credit::record_fulfilment(signed(regulator()), consumer(), None, H256::zero()));
			}
			assert_ok!(Credit::take_credit_card(signed(consumer())));
			let reason = H256::repeat_byte(8);
			assert_ok!(Credit::revoke_consumer(signed(regulator()), consumer(), reason));
			assert!(!Consumers::<Test>::contains_key(consumer()));
			assert!(!ConsumerByIdentity::<Test>::contains_key(H256::repeat_byte(2)));
			assert!(!CreditCards::<Test>::contains_key(consumer()));
			System::assert_last_event(
				Event::ConsumerRevoked { consumer: consumer(), regulator: regulator(), reason }.into(),
			);
		});
	}

	#[test]
	fn revoking_an_unknown_consumer() {
		test(|| {
			assert_noop!(
				Credit::revoke_consumer(signed(regulator()), stranger(), H256::zero()),
				Error::<Test>::UnknownConsumer
			);
		});
	}

	#[test]
	fn revoking_outside_the_jurisdiction() {
		test(|| {
			assert_noop!(
				Credit::revoke_consumer(signed(guilin_regulator()), consumer(), H256::zero()),
				Error::<Test>::OutOfJurisdiction
			);
		});
	}
}

mod commitments {
	use super::*;

	#[test]
	fn a_merchant_makes_a_commitment_and_the_evidence_is_kept() {
		test(|| {
			advance(6_000);
			assert_ok!(Credit::make_commitment(signed(gym()), one_year()));
			let commitment = Commitments::<Test>::get(0).unwrap();
			assert_eq!(commitment.subject, gym());
			assert_eq!(commitment.terms.content_hash, H256::repeat_byte(7));
			assert_eq!(commitment.recorded_at_block, 2);
			assert_eq!(commitment.recorded_at, START + 6_000);
			assert_eq!(commitment.relayer, None);
			assert_eq!(CommitmentCount::<Test>::get(gym()), 1);
			System::assert_last_event(
				Event::CommitmentRecorded {
					id: 0,
					subject: gym(),
					kind: CommitmentKind::Refund,
					content_hash: H256::repeat_byte(7),
					relayer: None,
				}
				.into(),
			);
		});
	}

	#[test]
	fn only_subjects_make_commitments() {
		test(|| {
			assert_noop!(Credit::make_commitment(signed(stranger()), one_year()), Error::<Test>::UnknownSubject);
		});
	}

	#[test]
	fn an_expired_commitment_is_refused() {
		test(|| {
			let mut expired = terms(START);
			expired.valid_from = START - DAY;
			assert_noop!(Credit::make_commitment(signed(gym()), expired), Error::<Test>::CommitmentExpired);
		});
	}

	#[test]
	fn validity_must_be_a_real_bounded_period() {
		test(|| {
			assert_noop!(
				Credit::make_commitment(signed(gym()), terms(START + 4 * 365 * DAY)),
				Error::<Test>::InvalidValidity
			);
		});
	}

	#[test]
	fn a_platform_relays_a_commitment_signed_with_sr25519() {
		test(|| {
			let payload = relayed(gym(), 0);
			let signature = sign_sr(Sr25519Keyring::Bob, &payload);
			assert_ok!(Credit::relay_commitment(signed(platform()), payload, signature));
			assert_eq!(Commitments::<Test>::get(0).unwrap().relayer, Some(platform()));
			assert_eq!(RelayNonce::<Test>::get(gym()), 1);
			System::assert_last_event(
				Event::CommitmentRecorded {
					id: 0,
					subject: gym(),
					kind: CommitmentKind::Refund,
					content_hash: H256::repeat_byte(7),
					relayer: Some(platform()),
				}
				.into(),
			);
		});
	}

	#[test]
	fn a_platform_relays_a_commitment_signed_with_ed25519() {
		test(|| {
			let phone = Ed25519Keyring::Eve.to_account_id();
			assert_ok!(Credit::verify_consumer(signed(regulator()), phone.clone(), H256::repeat_byte(6)));
			let payload = relayed(phone.clone(), 0);
			let signature = MultiSignature::Ed25519(
				Ed25519Keyring::Eve.pair().sign(&Credit::relay_signing_payload(&payload)),
			);
			assert_ok!(Credit::relay_commitment(signed(platform()), payload, signature));
			assert_eq!(Commitments::<Test>::get(0).unwrap().subject, phone);
		});
	}

	#[test]
	fn a_wrong_signature_is_refused() {
		test(|| {
			let payload = relayed(gym(), 0);
			// Signed by someone else.
			let signature = sign_sr(Sr25519Keyring::Dave, &payload);
			assert_noop!(
				Credit::relay_commitment(signed(platform()), payload, signature),
				Error::<Test>::BadSignature
			);
		});
	}

	#[test]
	fn a_replayed_payload_is_refused() {
		test(|| {
			let payload = relayed(gym(), 0);
			let signature = sign_sr(Sr25519Keyring::Bob, &payload);
			assert_ok!(Credit::relay_commitment(signed(platform()), payload.clone(), signature.clone()));
			assert_noop!(
				Credit::relay_commitment(signed(stranger()), payload, signature),
				Error::<Test>::StaleNonce
			);
		});
	}

	#[test]
	fn a_regulator_countersigns() {
		test(|| {
			assert_ok!(Credit::make_commitment(signed(gym()), one_year()));
			assert_ok!(Credit::countersign_commitment(signed(regulator()), 0));
			assert_eq!(Commitments::<Test>::get(0).unwrap().countersigned_by, Some(regulator()));
			System::assert_last_event(Event::CommitmentCountersigned { id: 0, regulator: regulator() }.into());
		});
	}

	#[test]
	fn countersigning_twice() {
		test(|| {
			assert_ok!(Credit::make_commitment(signed(gym()), one_year()));
			assert_ok!(Credit::countersign_commitment(signed(regulator()), 0));
			assert_noop!(Credit::countersign_commitment(signed(regulator()), 0), Error::<Test>::AlreadyCountersigned);
		});
	}

	#[test]
	fn countersigning_an_unknown_commitment() {
		test(|| {
			assert_noop!(Credit::countersign_commitment(signed(regulator()), 0), Error::<Test>::UnknownCommitment);
		});
	}

	#[test]
	fn countersigning_an_expired_commitment() {
		test(|| {
			assert_ok!(Credit::make_commitment(signed(gym()), terms(START + DAY)));
			advance(2 * DAY);
			assert_noop!(Credit::countersign_commitment(signed(regulator()), 0), Error::<Test>::CommitmentExpired);
		});
	}

	#[test]
	fn commitment_ids_never_overflow() {
		test(|| {
			NextCommitmentId::<Test>::put(u64::MAX);
			assert_noop!(Credit::make_commitment(signed(gym()), one_year()), Error::<Test>::Overflow);
			NextCommitmentId::<Test>::put(0);
		});
	}
}

mod records {
	use super::*;

	#[test]
	fn a_fulfilment_raises_the_score() {
		test(|| {
			assert_ok!(Credit::make_commitment(signed(gym()), one_year()));
			assert_ok!(Credit::record_fulfilment(signed(regulator()), gym(), Some(0), H256::repeat_byte(5)));
			assert_eq!(Credit::current_score(&gym()), 610);
			assert_eq!(Commitments::<Test>::get(0).unwrap().fulfilments, 1);
			System::assert_last_event(
				Event::FulfilmentRecorded { subject: gym(), commitment: Some(0), evidence: H256::repeat_byte(5), score: 610 }
					.into(),
			);
		});
	}

	#[test]
	fn a_breach_lowers_the_score_by_severity() {
		test(|| {
			assert_ok!(Credit::record_breach(signed(regulator()), gym(), None, Severity::Moderate, H256::repeat_byte(5)));
			assert_eq!(Credit::current_score(&gym()), 540);
			assert_eq!(Credit::current_tier(&gym()), CreditTier::C);
			System::assert_last_event(
				Event::BreachRecorded {
					subject: gym(),
					commitment: None,
					severity: Severity::Moderate,
					evidence: H256::repeat_byte(5),
					score: 540,
				}
				.into(),
			);
			// Recency: after 90 days the breach counts half.
			advance(91 * DAY);
			assert_eq!(Credit::current_score(&gym()), 570);
		});
	}

	#[test]
	fn tier_d_blacklists_a_merchant() {
		test(|| {
			assert_ok!(Credit::record_breach(signed(regulator()), gym(), None, Severity::Moderate, H256::zero()));
			assert_eq!(Merchants::<Test>::get(gym()).unwrap().status, MerchantStatus::Active);
			assert_ok!(Credit::record_breach(signed(regulator()), gym(), None, Severity::Moderate, H256::zero()));
			assert_eq!(Credit::current_tier(&gym()), CreditTier::D);
			let merchant = Merchants::<Test>::get(gym()).unwrap();
			assert_eq!(merchant.status, MerchantStatus::Blacklisted);
			assert_eq!(merchant.status_source, StatusSource::CreditScore);
			System::assert_last_event(
				Event::MerchantStatusChanged {
					merchant: gym(),
					from: MerchantStatus::Active,
					to: MerchantStatus::Blacklisted,
					source: StatusSource::CreditScore,
				}
				.into(),
			);
		});
	}

	/// Found by the fuzzer (`guilian-fuzz --seed 7`): fulfilments raised a score-blacklisted
	/// merchant out of tier D, and the invariant then wanted it in tier D. The rule is credit
	/// repair (信用修复): only a regulator takes a merchant off the blacklist.
	#[test]
	fn a_score_blacklisting_stays_when_the_score_recovers_until_a_regulator_lifts_it() {
		test(|| {
			for _ in 0..2 {
				assert_ok!(Credit::record_breach(signed(regulator()), gym(), None, Severity::Moderate, H256::zero()));
			}
			assert_eq!(Merchants::<Test>::get(gym()).unwrap().status, MerchantStatus::Blacklisted);
			for _ in 0..4 {
				assert_ok!(Credit::record_fulfilment(signed(regulator()), gym(), None, H256::zero()));
			}
			assert_ne!(Credit::current_tier(&gym()), CreditTier::D);
			let merchant = Merchants::<Test>::get(gym()).unwrap();
			assert_eq!(merchant.status, MerchantStatus::Blacklisted);
			assert_eq!(merchant.status_source, StatusSource::CreditScore);
			Credit::do_try_state().expect("a repaired score does not lift the blacklisting");
			assert_ok!(Credit::set_merchant_status(
				signed(regulator()),
				gym(),
				MerchantStatus::Active,
				H256::repeat_byte(9)
			));
			assert_eq!(Merchants::<Test>::get(gym()).unwrap().status, MerchantStatus::Active);
		});
	}

	#[test]
	fn the_recent_list_is_bounded_and_old_events_are_archived() {
		test(|| {
			for _ in 0..10 {
				assert_ok!(Credit::record_fulfilment(signed(regulator()), gym(), None, H256::zero()));
			}
			let record = CreditRecords::<Test>::get(gym()).unwrap();
			assert_eq!(record.recent.len(), 8);
			assert_eq!(record.fulfilments, 10);
			// Two events left the list; each keeps 10 × 25 / 100 = 2 points (rounded to zero).
			assert_eq!(record.archived_points, 4);
			assert_eq!(Credit::current_score(&gym()), 600 + 80 + 4);
		});
	}

	#[test]
	fn other_pallets_report_through_the_registry() {
		test(|| {
			assert_ok!(<Credit as SubjectRegistry<_>>::record_breach(&gym(), Severity::Minor, H256::zero()));
			assert_ok!(<Credit as SubjectRegistry<_>>::record_fulfilment(&gym(), H256::zero()));
			assert_eq!(Credit::current_score(&gym()), 590);
			assert_eq!(
				<Credit as SubjectRegistry<_>>::record_breach(&stranger(), Severity::Minor, H256::zero()),
				Err(Error::<Test>::UnknownSubject.into())
			);
		});
	}

	#[test]
	fn only_regulators_record() {
		test(|| {
			assert_noop!(
				Credit::record_breach(signed(consumer()), gym(), None, Severity::Minor, H256::zero()),
				Error::<Test>::NotRegulator
			);
		});
	}

	#[test]
	fn records_outside_the_jurisdiction() {
		test(|| {
			assert_noop!(
				Credit::record_fulfilment(signed(guilin_regulator()), gym(), None, H256::zero()),
				Error::<Test>::OutOfJurisdiction
			);
		});
	}

	#[test]
	fn records_need_a_subject() {
		test(|| {
			assert_noop!(
				Credit::record_fulfilment(signed(regulator()), stranger(), None, H256::zero()),
				Error::<Test>::UnknownSubject
			);
		});
	}

	#[test]
	fn a_record_against_another_subjects_commitment() {
		test(|| {
			assert_ok!(Credit::make_commitment(signed(gym()), one_year()));
			assert_noop!(
				Credit::record_breach(signed(regulator()), consumer(), Some(0), Severity::Minor, H256::zero()),
				Error::<Test>::CommitmentOfAnotherSubject
			);
		});
	}
}

mod supervision {
	use super::*;

	fn status(who: &sp_runtime::AccountId32) -> (MerchantStatus, StatusSource<sp_runtime::AccountId32>) {
		let m = Merchants::<Test>::get(who).unwrap();
		(m.status, m.status_source)
	}

	#[test]
	fn a_work_order_suspends_a_merchant_and_lifting_it_restores_the_status() {
		test(|| {
			let evidence = H256::repeat_byte(0x51);
			assert_ok!(Credit::set_merchant_status(signed(regulator()), gym(), MerchantStatus::Abnormal, H256::zero()));
			assert_ok!(<Credit as SubjectRegistry<_>>::set_supervised(&gym(), true, evidence));
			let source = StatusSource::Supervision { evidence, previous: MerchantStatus::Abnormal };
			assert_eq!(status(&gym()), (MerchantStatus::Suspended, source.clone()));
			System::assert_last_event(
				Event::MerchantStatusChanged { merchant: gym(), from: MerchantStatus::Abnormal, to: MerchantStatus::Suspended, source }
					.into(),
			);
			// Disabling again changes nothing.
			assert_ok!(<Credit as SubjectRegistry<_>>::set_supervised(&gym(), true, evidence));
			assert_ok!(<Credit as SubjectRegistry<_>>::set_supervised(&gym(), false, H256::repeat_byte(0x52)));
			assert_eq!(status(&gym()).0, MerchantStatus::Abnormal);
		});
	}

	#[test]
	fn lifting_leaves_a_regulator_suspension_alone() {
		test(|| {
			assert_ok!(Credit::set_merchant_status(signed(regulator()), gym(), MerchantStatus::Suspended, H256::zero()));
			assert_ok!(<Credit as SubjectRegistry<_>>::set_supervised(&gym(), false, H256::zero()));
			assert_ok!(<Credit as SubjectRegistry<_>>::set_supervised(&gym(), true, H256::zero()));
			assert_eq!(
				status(&gym()),
				(MerchantStatus::Suspended, StatusSource::Regulator { regulator: regulator(), reason: H256::zero() })
			);
		});
	}

	#[test]
	fn only_merchants_are_supervised() {
		test(|| {
			assert_noop!(
				<Credit as SubjectRegistry<_>>::set_supervised(&stranger(), true, H256::zero()),
				Error::<Test>::UnknownMerchant
			);
		});
	}
}

mod credit_card {
	use super::*;

	#[test]
	fn a_merchant_publishes_discounts() {
		test(|| {
			let discounts = TierDiscounts { tier_a: Permill::from_percent(10), tier_b: Permill::from_percent(5) };
			assert_ok!(Credit::publish_discounts(signed(gym()), discounts));
			assert_eq!(Discounts::<Test>::get(gym()), Some(discounts));
			System::assert_last_event(Event::DiscountsPublished { merchant: gym(), discounts }.into());
		});
	}

	#[test]
	fn only_merchants_publish_discounts() {
		test(|| {
			assert_noop!(
				Credit::publish_discounts(signed(consumer()), TierDiscounts::default()),
				Error::<Test>::UnknownMerchant
			);
		});
	}

	#[test]
	fn discounts_are_capped() {
		test(|| {
			let too_much = TierDiscounts { tier_a: Permill::from_percent(31), tier_b: Permill::zero() };
			assert_noop!(Credit::publish_discounts(signed(gym()), too_much), Error::<Test>::DiscountTooHigh);
		});
	}

	#[test]
	fn a_verified_consumer_takes_the_card_and_gets_the_discount() {
		test(|| {
			let discounts = TierDiscounts { tier_a: Permill::from_percent(10), tier_b: Permill::from_percent(5) };
			assert_ok!(Credit::publish_discounts(signed(gym()), discounts));
			// 600 is tier C: fulfilments bring the consumer to tier B (650).
			assert_noop!(Credit::take_credit_card(signed(consumer())), Error::<Test>::TierTooLow);
			for _ in 0..5 {
				assert_ok!(Credit::record_fulfilment(signed(regulator()), consumer(), None, H256::zero()));
			}
			assert_ok!(Credit::take_credit_card(signed(consumer())));
			assert_eq!(CardHolderCount::<Test>::get(), 1);
			System::assert_last_event(Event::CreditCardIssued { holder: consumer() }.into());
			assert_eq!(<Credit as SubjectRegistry<_>>::card_discount(&gym(), &consumer()), Permill::from_percent(5));
			// A breach takes the holder below B: the card stops giving a discount.
			assert_ok!(Credit::record_breach(signed(regulator()), consumer(), None, Severity::Minor, H256::zero()));
			assert_eq!(<Credit as SubjectRegistry<_>>::card_discount(&gym(), &consumer()), Permill::zero());
			assert!(!Credit::profile(&consumer()).has_credit_card);
		});
	}

	#[test]
	fn strangers_cannot_take_the_card() {
		test(|| {
			assert_noop!(Credit::take_credit_card(signed(stranger())), Error::<Test>::NotEligibleForCard);
		});
	}

	#[test]
	fn the_card_is_taken_once() {
		test(|| {
			for _ in 0..5 {
				assert_ok!(Credit::record_fulfilment(signed(regulator()), gym(), None, H256::zero()));
			}
			assert_ok!(Credit::take_credit_card(signed(gym())));
			assert_noop!(Credit::take_credit_card(signed(gym())), Error::<Test>::AlreadyHoldsCard);
		});
	}
}

mod api {
	use super::*;

	#[test]
	fn the_profile_shows_role_score_tier_and_counts() {
		test(|| {
			assert_ok!(Credit::make_commitment(signed(gym()), one_year()));
			assert_ok!(Credit::record_breach(signed(regulator()), gym(), Some(0), Severity::Minor, H256::zero()));
			let profile = Credit::profile(&gym());
			assert_eq!(
				profile,
				CreditProfile {
					role: Role::Merchant { category: MerchantCategory::Fitness, area: QINGXIU, status: MerchantStatus::Active },
					score: 580,
					tier: CreditTier::C,
					fulfilments: 0,
					breaches: 1,
					commitments: 1,
					has_credit_card: false,
				}
			);
			assert_eq!(Credit::profile(&stranger()).role, Role::Unregistered);
			assert!(matches!(Credit::profile(&regulator()).role, Role::Regulator(_)));
			let summary = <Credit as SubjectRegistry<_>>::merchant(&gym()).unwrap();
			assert_eq!(summary.tier, CreditTier::C);
			assert_eq!(<Credit as SubjectRegistry<_>>::regulator_jurisdiction(&regulator()), Some(NANNING));
		});
	}

	#[test]
	fn keyring_accounts_are_their_public_keys() {
		assert_eq!(account_of(Sr25519Keyring::Bob), gym());
	}
}

// Refusals: every wrong role (docs/ROLES.md)

mod refusals {
	use super::*;

	#[test]
	fn only_the_council_removes_regulators() {
		test(|| {
			// Another regulator, the regulator itself, an account with no role, no signer at all.
			assert_noop!(Credit::remove_regulator(signed(regulator()), guilin_regulator()), DispatchError::BadOrigin);
			assert_noop!(
				Credit::remove_regulator(signed(guilin_regulator()), guilin_regulator()),
				DispatchError::BadOrigin
			);
			assert_noop!(Credit::remove_regulator(signed(stranger()), guilin_regulator()), DispatchError::BadOrigin);
			assert_noop!(Credit::remove_regulator(RuntimeOrigin::none(), guilin_regulator()), DispatchError::BadOrigin);
			assert!(Regulators::<Test>::contains_key(guilin_regulator()));
			assert_eq!(RegulatorCount::<Test>::get(), 2);
		});
	}

	#[test]
	fn only_regulators_countersign() {
		test(|| {
			assert_ok!(Credit::make_commitment(signed(gym()), one_year()));
			// Not the subject of the commitment, not another subject.
			assert_noop!(Credit::countersign_commitment(signed(gym()), 0), Error::<Test>::NotRegulator);
			assert_noop!(Credit::countersign_commitment(signed(consumer()), 0), Error::<Test>::NotRegulator);
			assert_eq!(Commitments::<Test>::get(0).unwrap().countersigned_by, None);
		});
	}

	#[test]
	fn countersigning_outside_the_jurisdiction() {
		test(|| {
			assert_ok!(Credit::make_commitment(signed(gym()), one_year()));
			// The gym is in Qingxiu, Nanning; the Guilin regulator does not cover it.
			assert_noop!(
				Credit::countersign_commitment(signed(guilin_regulator()), 0),
				Error::<Test>::OutOfJurisdiction
			);
			assert_eq!(Commitments::<Test>::get(0).unwrap().countersigned_by, None);
		});
	}

	#[test]
	fn only_regulators_set_a_merchant_status() {
		test(|| {
			// Not the merchant itself, not a consumer.
			assert_noop!(
				Credit::set_merchant_status(signed(gym()), gym(), MerchantStatus::Closed, H256::zero()),
				Error::<Test>::NotRegulator
			);
			assert_noop!(
				Credit::set_merchant_status(signed(consumer()), gym(), MerchantStatus::Abnormal, H256::zero()),
				Error::<Test>::NotRegulator
			);
			assert_eq!(Merchants::<Test>::get(gym()).unwrap().status, MerchantStatus::Active);
		});
	}

	#[test]
	fn only_regulators_revoke_consumers() {
		test(|| {
			// Not the consumer itself, not a merchant.
			assert_noop!(
				Credit::revoke_consumer(signed(consumer()), consumer(), H256::zero()),
				Error::<Test>::NotRegulator
			);
			assert_noop!(Credit::revoke_consumer(signed(gym()), consumer(), H256::zero()), Error::<Test>::NotRegulator);
			assert!(Consumers::<Test>::contains_key(consumer()));
		});
	}

	#[test]
	fn only_regulators_record_fulfilments() {
		test(|| {
			assert_ok!(Credit::make_commitment(signed(gym()), one_year()));
			// Not the subject recording its own fulfilment, not another subject.
			assert_noop!(
				Credit::record_fulfilment(signed(gym()), gym(), Some(0), H256::zero()),
				Error::<Test>::NotRegulator
			);
			assert_noop!(
				Credit::record_fulfilment(signed(consumer()), gym(), None, H256::zero()),
				Error::<Test>::NotRegulator
			);
			assert_eq!(Credit::current_score(&gym()), 600);
			assert_eq!(Commitments::<Test>::get(0).unwrap().fulfilments, 0);
		});
	}
}
