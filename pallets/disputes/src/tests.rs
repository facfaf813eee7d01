//! Unit tests: every path of every call, one `assert_noop!` per error, invariants after each.

use crate::{mock::*, pallet::*, types::*, Error, Event, HoldReason};
use frame_support::{assert_noop, assert_ok, traits::Hooks};
use guilian_primitives::{AreaCode, ComplaintStats, Severity};
use sp_core::H256;

/// The consumer files a complaint about the gym with `reference`, claiming `claimed`.
fn file(reference: Reference, claimed: u128) -> ComplaintId {
	let id = NextComplaintId::<Test>::get();
	assert_ok!(Disputes::file_complaint(
		signed(consumer()),
		gym(),
		ComplaintCategory::NotAsDescribed,
		reference,
		claimed,
		evidence(1)
	));
	id
}

/// A complaint contested by the gym and taken by mediator 0.
fn in_mediation(reference: Reference, claimed: u128) -> ComplaintId {
	let id = file(reference, claimed);
	assert_ok!(Disputes::contest(signed(gym()), id, evidence(2)));
	assert_ok!(Disputes::take_case(signed(mediator(0)), id));
	id
}

fn ruling(outcome: Outcome, refund: u128, breach: Option<Severity>) -> Ruling<u128> {
	Ruling { outcome, refund, breach, reasons: H256::repeat_byte(9) }
}

/// A complaint ruled by mediator 0.
fn ruled(reference: Reference, claimed: u128, decision: Ruling<u128>) -> ComplaintId {
	let id = in_mediation(reference, claimed);
	assert_ok!(Disputes::rule(signed(mediator(0)), id, decision));
	id
}

fn status(id: ComplaintId) -> ComplaintStatus {
	Complaints::<Test>::get(id).unwrap().status
}

fn steps(id: ComplaintId) -> Vec<Step<AccountId, u128>> {
	Histories::<Test>::get(id).into_iter().map(|s| s.step).collect()
}

mod filing {
	use super::*;

	#[test]
	fn a_complaint_holds_the_deposit_and_counts_against_the_merchant() {
		test(|| {
			let free_before = free(&consumer());
			let id = file(Reference::Order(H256::repeat_byte(7)), 120 * YUAN);
			System::assert_last_event(
				Event::ComplaintFiled {
					complaint: id,
					complainant: consumer(),
					merchant: gym(),
					category: ComplaintCategory::NotAsDescribed,
					claimed: 120 * YUAN,
					deposit: DEPOSIT,
				}
				.into(),
			);
			let c = Complaints::<Test>::get(id).unwrap();
			assert_eq!(c.status, ComplaintStatus::AwaitingResponse);
			assert_eq!(c.respond_by, START + 3 * DAY);
			assert_eq!(c.area, AreaCode(450103));
			assert_eq!(held(HoldReason::ComplaintDeposit, &consumer()), DEPOSIT);
			assert_eq!(free(&consumer()), free_before - DEPOSIT);
			assert_eq!(steps(id), vec![Step::Filed(evidence(1))]);
			let stats = Stats::<Test>::get(gym());
			assert_eq!((stats.filed, stats.open, stats.area), (1, 1, AreaCode(450103)));
			assert_eq!(<Disputes as ComplaintStats<_>>::open_complaints(&gym()), 1);
			assert_eq!(LiveComplaints::<Test>::get(consumer()), 1);
		});
	}

	#[test]
	fn cards_and_collectibles_of_the_parties_may_be_referenced() {
		test(|| {
			add_card(7, &consumer(), &gym(), 300 * YUAN, 0, false);
			add_item(1, 1, &consumer(), &gym(), false);
			let a = file(Reference::Card(7), 10 * YUAN);
			let b = file(Reference::Collectible { series: 1, item: 1 }, 0);
			assert_eq!(LiveByReference::<Test>::get((consumer(), gym(), Reference::Card(7))), Some(a));
			assert_eq!(
				LiveByReference::<Test>::get((consumer(), gym(), Reference::Collectible { series: 1, item: 1 })),
				Some(b)
			);
		});
	}

	#[test]
	fn only_verified_consumers_complain() {
		test(|| {
			assert_noop!(
				Disputes::file_complaint(signed(stranger()), gym(), ComplaintCategory::Quality, Reference::None, 0, evidence(1)),
				Error::<Test>::NotVerifiedConsumer
			);
		});
	}

	#[test]
	fn the_merchant_must_be_registered() {
		test(|| {
			assert_noop!(
				Disputes::file_complaint(signed(consumer()), stranger(), ComplaintCategory::Quality, Reference::None, 0, evidence(1)),
				Error::<Test>::UnknownMerchant
			);
		});
	}

	#[test]
	fn a_merchant_cannot_complain_about_itself() {
		test(|| {
			verify(&gym());
			assert_noop!(
				Disputes::file_complaint(signed(gym()), gym(), ComplaintCategory::Quality, Reference::None, 0, evidence(1)),
				Error::<Test>::SelfComplaint
			);
		});
	}

	#[test]
	fn complaint_ids_do_not_overflow() {
		test(|| {
			NextComplaintId::<Test>::put(u64::MAX);
			assert_noop!(
				Disputes::file_complaint(signed(consumer()), gym(), ComplaintCategory::Quality, Reference::None, 0, evidence(1)),
				Error::<Test>::Overflow
			);
		});
	}

	#[test]
	fn an_order_reference_blocks_only_the_same_complainants_duplicate() {
		test(|| {
			let other = AccountId::new([5u8; 32]);
			verify(&other);
			assert_ok!(Balances::force_set_balance(RuntimeOrigin::root(), other.clone(), 100_000));
			let order = Reference::Order(H256::repeat_byte(3));
			file(order, 0);
			assert_ok!(Disputes::file_complaint(signed(other), gym(), ComplaintCategory::Quality, order, 0, evidence(1)));
		});
	}

	#[test]
	fn a_card_of_someone_else_cannot_be_referenced() {
		test(|| {
			add_card(7, &stranger(), &gym(), 300 * YUAN, 0, false);
			assert_noop!(
				Disputes::file_complaint(signed(consumer()), gym(), ComplaintCategory::Quality, Reference::Card(7), 0, evidence(1)),
				Error::<Test>::ReferenceMismatch
			);
		});
	}

	#[test]
	fn one_live_complaint_per_reference() {
		test(|| {
			add_card(7, &consumer(), &gym(), 300 * YUAN, 0, false);
			file(Reference::Card(7), 10 * YUAN);
			assert_noop!(
				Disputes::file_complaint(signed(consumer()), gym(), ComplaintCategory::Quality, Reference::Card(7), 0, evidence(1)),
				Error::<Test>::DuplicateComplaint
			);
		});
	}

	#[test]
	fn a_consumer_has_a_bounded_number_of_live_complaints() {
		test(|| {
			for _ in 0..3 {
				file(Reference::None, 0);
			}
			assert_noop!(
				Disputes::file_complaint(signed(consumer()), gym(), ComplaintCategory::Quality, Reference::None, 0, evidence(1)),
				Error::<Test>::TooManyLiveComplaints
			);
		});
	}

	#[test]
	fn the_deposit_must_be_affordable() {
		test(|| {
			let poor = AccountId::new([3u8; 32]);
			verify(&poor);
			assert_noop!(
				Disputes::file_complaint(signed(poor), gym(), ComplaintCategory::Quality, Reference::None, 0, evidence(1)),
				Error::<Test>::InsufficientDeposit
			);
		});
	}
}

mod answering {
	use super::*;

	#[test]
	fn settling_refunds_the_claim_from_the_card_escrow_first() {
		test(|| {
			add_card(7, &consumer(), &gym(), 300 * YUAN, 0, true);
			let id = file(Reference::Card(7), 500 * YUAN);
			let (consumer_before, gym_before, deposit_free) = (cny(&consumer()), cny(&gym()), free(&consumer()));
			advance(DAY);
			assert_ok!(Disputes::settle(signed(gym()), id));
			System::assert_last_event(Event::ComplaintSettled { complaint: id, refunded: 500 * YUAN }.into());
			assert_eq!(cny(&consumer()), consumer_before + 500 * YUAN);
			assert_eq!(cny(&gym()), gym_before - 200 * YUAN);
			assert_eq!(card(7).escrowed, 0);
			assert_eq!(status(id), ComplaintStatus::Settled);
			assert_eq!(free(&consumer()), deposit_free + DEPOSIT);
			assert_eq!(held(HoldReason::ComplaintDeposit, &consumer()), 0);
			let stats = Stats::<Test>::get(gym());
			assert_eq!((stats.open, stats.settled, stats.answered), (0, 1, 1));
			assert_eq!(stats.average_response_ms(), DAY);
			assert_eq!(LiveByReference::<Test>::get((consumer(), gym(), Reference::Card(7))), None);
			assert!(credit_events().is_empty());
		});
	}

	#[test]
	fn settling_without_a_card_pays_from_the_merchant() {
		test(|| {
			let id = file(Reference::None, 80 * YUAN);
			let before = cny(&consumer());
			assert_ok!(Disputes::settle(signed(gym()), id));
			assert_eq!(cny(&consumer()), before + 80 * YUAN);
			assert_eq!(Complaints::<Test>::get(id).unwrap().refunded, 80 * YUAN);
		});
	}

	#[test]
	fn a_merchant_that_cannot_pay_cannot_settle() {
		test(|| {
			let id = file(Reference::None, 6_000 * YUAN);
			assert_noop!(Disputes::settle(signed(gym()), id), Error::<Test>::MerchantCannotPay);
		});
	}

	#[test]
	fn settling_an_advanced_card_the_merchant_cannot_cover_is_refused() {
		test(|| {
			add_card(7, &consumer(), &gym(), 100 * YUAN, 200 * YUAN, true);
			let id = file(Reference::Card(7), 300 * YUAN);
			let gym_cny = cny(&gym());
			assert_ok!(<Assets as frame_support::traits::fungibles::Mutate<AccountId>>::burn_from(
				CNY, &gym(), gym_cny - 100 * YUAN, frame_support::traits::tokens::Preservation::Expendable,
				frame_support::traits::tokens::Precision::Exact, frame_support::traits::tokens::Fortitude::Force,
			));
			assert_noop!(Disputes::settle(signed(gym()), id), Error::<Test>::MerchantCannotPay);
		});
	}

	#[test]
	fn only_the_merchant_answers() {
		test(|| {
			let id = file(Reference::None, 0);
			assert_noop!(Disputes::settle(signed(stranger()), id), Error::<Test>::NotTheMerchant);
		});
	}

	#[test]
	fn contesting_sends_the_complaint_to_mediation() {
		test(|| {
			let id = file(Reference::None, 50 * YUAN);
			advance(2 * DAY);
			assert_ok!(Disputes::contest(signed(gym()), id, evidence(2)));
			System::assert_last_event(Event::ComplaintContested { complaint: id }.into());
			assert_eq!(status(id), ComplaintStatus::InMediation);
			assert_eq!(steps(id)[1], Step::Contested(evidence(2)));
			let stats = Stats::<Test>::get(gym());
			assert_eq!((stats.open, stats.answered, stats.response_ms_total), (1, 1, 2 * DAY));
		});
	}

	#[test]
	fn answers_close_with_the_response_window() {
		test(|| {
			let id = file(Reference::None, 0);
			advance(3 * DAY);
			assert_noop!(Disputes::contest(signed(gym()), id, evidence(2)), Error::<Test>::ResponseWindowClosed);
		});
	}

	#[test]
	fn an_answered_complaint_cannot_be_answered_again() {
		test(|| {
			let id = file(Reference::None, 0);
			assert_ok!(Disputes::contest(signed(gym()), id, evidence(2)));
			assert_noop!(Disputes::settle(signed(gym()), id), Error::<Test>::WrongStatus);
		});
	}

	#[test]
	fn anyone_escalates_an_unanswered_complaint_after_the_window() {
		test(|| {
			let id = file(Reference::None, 0);
			advance(3 * DAY);
			assert_ok!(Disputes::escalate(signed(stranger()), id));
			System::assert_last_event(Event::ComplaintEscalated { complaint: id }.into());
			assert_eq!(status(id), ComplaintStatus::InMediation);
			assert_eq!(Stats::<Test>::get(gym()).unanswered, 1);
		});
	}

	#[test]
	fn escalation_waits_for_the_window() {
		test(|| {
			let id = file(Reference::None, 0);
			advance(3 * DAY - 1);
			assert_noop!(Disputes::escalate(signed(stranger()), id), Error::<Test>::DeadlineNotPassed);
		});
	}

	#[test]
	fn unknown_complaints_are_refused() {
		test(|| {
			assert_noop!(Disputes::escalate(signed(stranger()), 99), Error::<Test>::UnknownComplaint);
		});
	}

	#[test]
	fn the_complainant_withdraws_before_a_ruling() {
		test(|| {
			let id = file(Reference::None, 0);
			let before = free(&consumer());
			assert_ok!(Disputes::withdraw(signed(consumer()), id));
			System::assert_last_event(Event::ComplaintWithdrawn { complaint: id }.into());
			assert_eq!(free(&consumer()), before + DEPOSIT);
			assert_eq!(status(id), ComplaintStatus::Withdrawn);
			assert_eq!(LiveComplaints::<Test>::get(consumer()), 0);
			let stats = Stats::<Test>::get(gym());
			assert_eq!((stats.open, stats.withdrawn), (0, 1));
		});
	}

	#[test]
	fn no_withdrawal_once_a_mediator_holds_the_case() {
		test(|| {
			let id = in_mediation(Reference::None, 0);
			assert_noop!(Disputes::withdraw(signed(consumer()), id), Error::<Test>::WrongStatus);
		});
	}

	#[test]
	fn only_the_complainant_withdraws() {
		test(|| {
			let id = file(Reference::None, 0);
			assert_noop!(Disputes::withdraw(signed(gym()), id), Error::<Test>::NotTheComplainant);
		});
	}
}

mod mediators {
	use super::*;

	#[test]
	fn a_regulator_appoints_and_dismisses_mediators_of_its_jurisdiction() {
		test(|| {
			let m = mediator(4);
			assert_ok!(Disputes::appoint_mediator(signed(regulator()), m.clone(), AreaCode(450103)));
			System::assert_last_event(Event::MediatorAppointed { mediator: m.clone(), area: AreaCode(450103) }.into());
			assert_eq!(Mediators::<Test>::get(&m).unwrap().appointed_by, regulator());
			assert_ok!(Disputes::dismiss_mediator(signed(regulator()), m.clone()));
			System::assert_last_event(Event::MediatorDismissed { mediator: m.clone() }.into());
			assert!(!Mediators::<Test>::contains_key(&m));
		});
	}

	#[test]
	fn only_regulators_appoint() {
		test(|| {
			assert_noop!(
				Disputes::appoint_mediator(signed(stranger()), mediator(4), AreaCode(450103)),
				Error::<Test>::NotRegulator
			);
		});
	}

	#[test]
	fn appointments_stay_in_the_jurisdiction() {
		test(|| {
			assert_noop!(
				Disputes::appoint_mediator(signed(regulator()), mediator(4), AreaCode(450300)),
				Error::<Test>::OutOfJurisdiction
			);
		});
	}

	#[test]
	fn area_codes_are_six_digits() {
		test(|| {
			assert_noop!(
				Disputes::appoint_mediator(signed(regulator()), mediator(4), AreaCode(4501)),
				Error::<Test>::InvalidArea
			);
		});
	}

	#[test]
	fn a_mediator_is_appointed_once() {
		test(|| {
			assert_noop!(
				Disputes::appoint_mediator(signed(regulator()), mediator(0), AreaCode(450103)),
				Error::<Test>::AlreadyMediator
			);
		});
	}

	#[test]
	fn only_mediators_are_dismissed() {
		test(|| {
			assert_noop!(Disputes::dismiss_mediator(signed(regulator()), stranger()), Error::<Test>::NotMediator);
		});
	}

	#[test]
	fn a_mediator_of_the_area_takes_the_case() {
		test(|| {
			let id = file(Reference::None, 0);
			assert_ok!(Disputes::contest(signed(gym()), id, evidence(2)));
			assert_ok!(Disputes::take_case(signed(mediator(1)), id));
			System::assert_last_event(
				Event::CaseTaken { complaint: id, mediator: mediator(1), evidence_by: START + 7 * DAY }.into(),
			);
			let c = Complaints::<Test>::get(id).unwrap();
			assert_eq!((c.mediator, c.evidence_by), (Some(mediator(1)), Some(START + 7 * DAY)));
		});
	}

	#[test]
	fn only_mediators_take_cases() {
		test(|| {
			let id = file(Reference::None, 0);
			assert_ok!(Disputes::contest(signed(gym()), id, evidence(2)));
			assert_noop!(Disputes::take_case(signed(stranger()), id), Error::<Test>::NotMediator);
		});
	}

	#[test]
	fn mediators_take_cases_of_their_area_only() {
		test(|| {
			let id = file(Reference::None, 0);
			assert_ok!(Disputes::contest(signed(gym()), id, evidence(2)));
			assert_noop!(Disputes::take_case(signed(mediator(3)), id), Error::<Test>::NotMediatorOfArea);
		});
	}

	#[test]
	fn a_mediator_never_judges_its_own_case() {
		test(|| {
			assert_ok!(Disputes::appoint_mediator(signed(regulator()), consumer(), AreaCode(450100)));
			let id = file(Reference::None, 0);
			assert_ok!(Disputes::contest(signed(gym()), id, evidence(2)));
			assert_noop!(Disputes::take_case(signed(consumer()), id), Error::<Test>::MediatorIsParty);
		});
	}

	#[test]
	fn a_dismissed_mediators_case_is_taken_over_and_it_rules_no_more() {
		test(|| {
			let id = in_mediation(Reference::None, 0);
			assert_ok!(Disputes::dismiss_mediator(signed(regulator()), mediator(0)));
			assert_noop!(
				Disputes::rule(signed(mediator(0)), id, ruling(Outcome::Rejected, 0, None)),
				Error::<Test>::NotMediator
			);
			assert_ok!(Disputes::take_case(signed(mediator(1)), id));
			assert_ok!(Disputes::rule(signed(mediator(1)), id, ruling(Outcome::Rejected, 0, None)));
		});
	}

	#[test]
	fn a_case_has_one_mediator() {
		test(|| {
			let id = in_mediation(Reference::None, 0);
			assert_noop!(Disputes::take_case(signed(mediator(1)), id), Error::<Test>::CaseAlreadyTaken);
		});
	}
}

mod evidence {
	use super::*;

	#[test]
	fn both_parties_add_evidence_until_the_deadline() {
		test(|| {
			let id = in_mediation(Reference::None, 0);
			assert_ok!(Disputes::add_evidence(signed(consumer()), id, evidence(3)));
			System::assert_last_event(
				Event::EvidenceAdded { complaint: id, party: Party::Complainant, hash: H256::repeat_byte(3) }.into(),
			);
			assert_ok!(Disputes::add_evidence(signed(gym()), id, evidence(4)));
			assert_eq!(Complaints::<Test>::get(id).unwrap().evidence_count, (2, 2));
			assert_eq!(steps(id).last(), Some(&Step::EvidenceAdded(Party::Merchant, evidence(4))));
		});
	}

	#[test]
	fn the_merchant_answers_before_it_adds_evidence() {
		test(|| {
			let id = file(Reference::None, 0);
			assert_ok!(Disputes::add_evidence(signed(consumer()), id, evidence(3)));
			assert_noop!(Disputes::add_evidence(signed(gym()), id, evidence(4)), Error::<Test>::WrongStatus);
		});
	}

	#[test]
	fn strangers_add_no_evidence() {
		test(|| {
			let id = in_mediation(Reference::None, 0);
			assert_noop!(Disputes::add_evidence(signed(stranger()), id, evidence(3)), Error::<Test>::NotAParty);
		});
	}

	#[test]
	fn evidence_closes_with_its_window() {
		test(|| {
			let id = in_mediation(Reference::None, 0);
			advance(7 * DAY);
			assert_noop!(Disputes::add_evidence(signed(consumer()), id, evidence(3)), Error::<Test>::EvidenceWindowClosed);
		});
	}

	#[test]
	fn evidence_is_bounded_per_party() {
		test(|| {
			let id = in_mediation(Reference::None, 0);
			assert_ok!(Disputes::add_evidence(signed(consumer()), id, evidence(3)));
			assert_ok!(Disputes::add_evidence(signed(consumer()), id, evidence(4)));
			assert_noop!(Disputes::add_evidence(signed(consumer()), id, evidence(5)), Error::<Test>::TooMuchEvidence);
		});
	}

	#[test]
	fn no_evidence_after_the_ruling() {
		test(|| {
			let id = ruled(Reference::None, 0, ruling(Outcome::Rejected, 0, None));
			assert_noop!(Disputes::add_evidence(signed(consumer()), id, evidence(3)), Error::<Test>::WrongStatus);
		});
	}
}

mod rulings {
	use super::*;

	#[test]
	fn an_upheld_ruling_refunds_from_escrow_and_records_the_breach() {
		test(|| {
			add_card(7, &consumer(), &gym(), 300 * YUAN, 0, true);
			let id = in_mediation(Reference::Card(7), 400 * YUAN);
			let (consumer_before, gym_before) = (cny(&consumer()), cny(&gym()));
			let decision = ruling(Outcome::Upheld, 350 * YUAN, Some(Severity::Moderate));
			assert_ok!(Disputes::rule(signed(mediator(0)), id, decision));
			System::assert_last_event(
				Event::ComplaintRuled { complaint: id, ruling: decision, refunded: 350 * YUAN, unpaid: 0 }.into(),
			);
			assert_eq!(cny(&consumer()), consumer_before + 350 * YUAN);
			assert_eq!(cny(&gym()), gym_before - 50 * YUAN);
			assert_eq!(card(7).escrowed, 0);
			assert_eq!(credit_events(), vec![(gym(), Some(Severity::Moderate))]);
			let c = Complaints::<Test>::get(id).unwrap();
			assert_eq!((c.status, c.appeal_by, c.refunded), (ComplaintStatus::Ruled, Some(START + 7 * DAY), 350 * YUAN));
			// The deposit stays held until the ruling is final.
			assert_eq!(held(HoldReason::ComplaintDeposit, &consumer()), DEPOSIT);
			let stats = Stats::<Test>::get(gym());
			assert_eq!((stats.open, stats.upheld), (0, 1));
			assert_eq!(<Disputes as ComplaintStats<_>>::resolved_complaints(&gym()), 1);
		});
	}

	#[test]
	fn what_an_advanced_card_and_a_poor_merchant_cannot_pay_is_recorded_unpaid() {
		test(|| {
			// 100 CNY escrowed, 200 CNY drawn in advance; the merchant has no CNY left.
			add_card(7, &consumer(), &gym(), 100 * YUAN, 200 * YUAN, true);
			let id = in_mediation(Reference::Card(7), 400 * YUAN);
			let gym_cny = cny(&gym());
			assert_ok!(<Assets as frame_support::traits::fungibles::Mutate<AccountId>>::burn_from(
				CNY, &gym(), gym_cny, frame_support::traits::tokens::Preservation::Expendable,
				frame_support::traits::tokens::Precision::Exact, frame_support::traits::tokens::Fortitude::Force,
			));
			assert_ok!(Disputes::rule(signed(mediator(0)), id, ruling(Outcome::Upheld, 400 * YUAN, None)));
			let c = Complaints::<Test>::get(id).unwrap();
			// The card's advanced 200 CNY is the merchant's debt in prepaid; 100 CNY of its own
			// part it could not pay.
			assert_eq!((c.refunded, c.card_debt, c.unpaid), (100 * YUAN, 200 * YUAN, 100 * YUAN));
		});
	}

	#[test]
	fn a_rejected_ruling_becomes_final_and_returns_the_deposit() {
		test(|| {
			let id = ruled(Reference::None, 50 * YUAN, ruling(Outcome::Rejected, 0, None));
			assert_eq!(Stats::<Test>::get(gym()).rejected, 1);
			advance(7 * DAY);
			let before = free(&consumer());
			assert_ok!(Disputes::finalize(signed(stranger()), id));
			System::assert_last_event(Event::ComplaintClosed { complaint: id, deposit_slashed: false }.into());
			assert_eq!(free(&consumer()), before + DEPOSIT);
			assert_eq!(status(id), ComplaintStatus::Closed);
			assert_eq!(steps(id).last(), Some(&Step::Closed));
		});
	}

	#[test]
	fn a_frivolous_complaint_loses_its_deposit_when_final() {
		test(|| {
			let id = ruled(Reference::None, 50 * YUAN, ruling(Outcome::Frivolous, 0, None));
			advance(7 * DAY);
			let (before, issuance) = (free(&consumer()), Balances::total_issuance());
			assert_ok!(Disputes::finalize(signed(stranger()), id));
			System::assert_last_event(Event::ComplaintClosed { complaint: id, deposit_slashed: true }.into());
			assert_eq!(free(&consumer()), before);
			assert_eq!(held(HoldReason::ComplaintDeposit, &consumer()), 0);
			assert_eq!(Balances::total_issuance(), issuance - DEPOSIT);
		});
	}

	#[test]
	fn finality_waits_for_the_appeal_window() {
		test(|| {
			let id = ruled(Reference::None, 0, ruling(Outcome::Rejected, 0, None));
			advance(7 * DAY - 1);
			assert_noop!(Disputes::finalize(signed(stranger()), id), Error::<Test>::DeadlineNotPassed);
		});
	}

	#[test]
	fn only_the_cases_mediator_rules() {
		test(|| {
			let id = in_mediation(Reference::None, 0);
			assert_noop!(
				Disputes::rule(signed(mediator(1)), id, ruling(Outcome::Rejected, 0, None)),
				Error::<Test>::NotTheMediator
			);
		});
	}

	#[test]
	fn a_case_needs_a_mediator_before_a_ruling() {
		test(|| {
			let id = file(Reference::None, 0);
			assert_ok!(Disputes::contest(signed(gym()), id, evidence(2)));
			assert_noop!(
				Disputes::rule(signed(mediator(0)), id, ruling(Outcome::Rejected, 0, None)),
				Error::<Test>::NoMediator
			);
		});
	}

	#[test]
	fn rulings_are_consistent_with_the_claim() {
		test(|| {
			let id = in_mediation(Reference::None, 100 * YUAN);
			assert_noop!(
				Disputes::rule(signed(mediator(0)), id, ruling(Outcome::Upheld, 101 * YUAN, None)),
				Error::<Test>::InconsistentRuling
			);
		});
	}
}

mod appeals {
	use super::*;

	fn appealed(claimed: u128, first: Ruling<u128>, by: AccountId) -> ComplaintId {
		let id = ruled(Reference::None, claimed, first);
		assert_ok!(Disputes::appeal(signed(by), id));
		id
	}

	#[test]
	fn an_appeal_holds_its_deposit_and_opens_the_panel() {
		test(|| {
			let id = ruled(Reference::None, 100 * YUAN, ruling(Outcome::Upheld, 100 * YUAN, None));
			assert_ok!(Disputes::appeal(signed(gym()), id));
			System::assert_last_event(
				Event::RulingAppealed { complaint: id, appellant: gym(), decide_by: START + 14 * DAY }.into(),
			);
			assert_eq!(status(id), ComplaintStatus::UnderAppeal);
			assert_eq!(held(HoldReason::AppealDeposit, &gym()), APPEAL_DEPOSIT);
			assert_eq!(steps(id).last(), Some(&Step::Appealed(Party::Merchant)));
		});
	}

	#[test]
	fn a_panel_that_overturns_the_ruling_is_reconciled() {
		test(|| {
			let id = appealed(100 * YUAN, ruling(Outcome::Upheld, 100 * YUAN, Some(Severity::Moderate)), gym());
			let (consumer_cny, gym_cny, gym_free) = (cny(&consumer()), cny(&gym()), free(&gym()));
			let overturn = ruling(Outcome::Rejected, 0, None);
			assert_ok!(Disputes::vote_on_appeal(signed(mediator(1)), id, overturn));
			System::assert_last_event(
				Event::AppealVoteCast { complaint: id, mediator: mediator(1), outcome: Outcome::Rejected }.into(),
			);
			assert_eq!(status(id), ComplaintStatus::UnderAppeal);
			assert_ok!(Disputes::vote_on_appeal(signed(mediator(2)), id, overturn));
			System::assert_has_event(
				Event::AppealDecided { complaint: id, ruling: overturn, topped_up: 0, clawed_back: 100 * YUAN, unrecovered: 0 }.into(),
			);
			System::assert_last_event(Event::ComplaintClosed { complaint: id, deposit_slashed: false }.into());
			// What the first ruling paid went back; nothing was paid twice.
			assert_eq!(cny(&consumer()), consumer_cny - 100 * YUAN);
			assert_eq!(cny(&gym()), gym_cny + 100 * YUAN);
			// The appeal changed the ruling: the appellant's deposit came back.
			assert_eq!(free(&gym()), gym_free + APPEAL_DEPOSIT);
			// The breach recorded stays; a record in the merchant's favour answers it.
			assert_eq!(credit_events(), vec![(gym(), Some(Severity::Moderate)), (gym(), None)]);
			let stats = Stats::<Test>::get(gym());
			assert_eq!((stats.upheld, stats.rejected), (0, 1));
			let c = Complaints::<Test>::get(id).unwrap();
			assert_eq!((c.status, c.ruling, c.refunded), (ComplaintStatus::Closed, Some(overturn), 0));
		});
	}

	#[test]
	fn an_overturn_claws_back_only_what_the_merchant_paid_never_the_cards_escrowed_value() {
		test(|| {
			// 100 CNY from the card's escrow, 50 CNY from the merchant.
			add_card(7, &consumer(), &gym(), 100 * YUAN, 0, true);
			let id = ruled(Reference::Card(7), 150 * YUAN, ruling(Outcome::Upheld, 150 * YUAN, None));
			assert_eq!(Complaints::<Test>::get(id).unwrap().from_escrow, 100 * YUAN);
			assert_ok!(Disputes::appeal(signed(gym()), id));
			let (consumer_cny, gym_cny) = (cny(&consumer()), cny(&gym()));
			let overturn = ruling(Outcome::Rejected, 0, None);
			assert_ok!(Disputes::vote_on_appeal(signed(mediator(1)), id, overturn));
			assert_ok!(Disputes::vote_on_appeal(signed(mediator(2)), id, overturn));
			System::assert_has_event(
				Event::AppealDecided { complaint: id, ruling: overturn, topped_up: 0, clawed_back: 50 * YUAN, unrecovered: 0 }.into(),
			);
			assert_eq!(cny(&consumer()), consumer_cny - 50 * YUAN);
			assert_eq!(cny(&gym()), gym_cny + 50 * YUAN);
			let c = Complaints::<Test>::get(id).unwrap();
			assert_eq!((c.refunded, c.from_escrow), (100 * YUAN, 100 * YUAN));
		});
	}

	#[test]
	fn a_panel_that_raises_the_refund_tops_it_up() {
		test(|| {
			let id = appealed(100 * YUAN, ruling(Outcome::PartlyUpheld, 40 * YUAN, None), consumer());
			let consumer_cny = cny(&consumer());
			assert_ok!(Disputes::vote_on_appeal(signed(mediator(1)), id, ruling(Outcome::Upheld, 100 * YUAN, Some(Severity::Serious))));
			assert_ok!(Disputes::vote_on_appeal(signed(mediator(2)), id, ruling(Outcome::Upheld, 90 * YUAN, Some(Severity::Moderate))));
			// Majority on Upheld: the smaller refund and the milder breach of the two votes.
			let decided = Ruling { outcome: Outcome::Upheld, refund: 90 * YUAN, breach: Some(Severity::Moderate), reasons: H256::repeat_byte(9) };
			System::assert_has_event(
				Event::AppealDecided { complaint: id, ruling: decided, topped_up: 50 * YUAN, clawed_back: 0, unrecovered: 0 }.into(),
			);
			assert_eq!(cny(&consumer()), consumer_cny + 50 * YUAN);
			assert_eq!(Complaints::<Test>::get(id).unwrap().refunded, 90 * YUAN);
			assert_eq!(credit_events(), vec![(gym(), Some(Severity::Moderate))]);
		});
	}

	#[test]
	fn an_appeal_that_changes_nothing_costs_its_deposit() {
		test(|| {
			let first = ruling(Outcome::Rejected, 0, None);
			let id = appealed(100 * YUAN, first, consumer());
			let issuance = Balances::total_issuance();
			// The panel writes its own reasons; the decision is the same.
			let same = Ruling { reasons: H256::repeat_byte(42), ..first };
			assert_ok!(Disputes::vote_on_appeal(signed(mediator(1)), id, same));
			assert_ok!(Disputes::vote_on_appeal(signed(mediator(2)), id, same));
			assert_eq!(held(HoldReason::AppealDeposit, &consumer()), 0);
			assert_eq!(Balances::total_issuance(), issuance - APPEAL_DEPOSIT);
		});
	}

	#[test]
	fn a_split_panel_leaves_the_first_ruling_standing() {
		test(|| {
			let first = ruling(Outcome::PartlyUpheld, 40 * YUAN, None);
			let id = appealed(100 * YUAN, first, gym());
			assert_ok!(Disputes::appoint_mediator(signed(regulator()), mediator(4), AreaCode(450103)));
			assert_ok!(Disputes::vote_on_appeal(signed(mediator(1)), id, ruling(Outcome::Upheld, 100 * YUAN, None)));
			assert_ok!(Disputes::vote_on_appeal(signed(mediator(2)), id, ruling(Outcome::Rejected, 0, None)));
			let gym_free = free(&gym());
			assert_ok!(Disputes::vote_on_appeal(signed(mediator(4)), id, ruling(Outcome::Frivolous, 0, None)));
			System::assert_has_event(Event::AppealLapsed { complaint: id }.into());
			let c = Complaints::<Test>::get(id).unwrap();
			assert_eq!((c.status, c.ruling, c.refunded), (ComplaintStatus::Closed, Some(first), 40 * YUAN));
			assert_eq!(free(&gym()), gym_free + APPEAL_DEPOSIT);
			assert_eq!(steps(id).iter().rev().nth(1), Some(&Step::AppealDecided(None)));
		});
	}

	#[test]
	fn an_undecided_appeal_lapses_after_its_window() {
		test(|| {
			let id = appealed(0, ruling(Outcome::Rejected, 0, None), consumer());
			advance(14 * DAY);
			assert_noop!(
				Disputes::vote_on_appeal(signed(mediator(1)), id, ruling(Outcome::Rejected, 0, None)),
				Error::<Test>::DecisionWindowClosed
			);
			assert_ok!(Disputes::finalize(signed(stranger()), id));
			System::assert_last_event(Event::ComplaintClosed { complaint: id, deposit_slashed: false }.into());
			assert_eq!(held(HoldReason::AppealDeposit, &consumer()), 0);
		});
	}

	#[test]
	fn only_parties_appeal() {
		test(|| {
			let id = ruled(Reference::None, 0, ruling(Outcome::Rejected, 0, None));
			assert_noop!(Disputes::appeal(signed(stranger()), id), Error::<Test>::NotAParty);
		});
	}

	#[test]
	fn appeals_close_with_their_window() {
		test(|| {
			let id = ruled(Reference::None, 0, ruling(Outcome::Rejected, 0, None));
			advance(7 * DAY);
			assert_noop!(Disputes::appeal(signed(consumer()), id), Error::<Test>::AppealWindowClosed);
		});
	}

	#[test]
	fn a_complaint_is_appealed_once() {
		test(|| {
			let id = appealed(0, ruling(Outcome::Rejected, 0, None), consumer());
			assert_noop!(Disputes::appeal(signed(gym()), id), Error::<Test>::AlreadyAppealed);
		});
	}

	#[test]
	fn the_first_mediator_does_not_sit_on_the_appeal() {
		test(|| {
			let id = appealed(0, ruling(Outcome::Rejected, 0, None), consumer());
			assert_noop!(
				Disputes::vote_on_appeal(signed(mediator(0)), id, ruling(Outcome::Rejected, 0, None)),
				Error::<Test>::FirstInstanceMediator
			);
		});
	}

	#[test]
	fn a_panel_member_votes_once() {
		test(|| {
			let id = appealed(0, ruling(Outcome::Rejected, 0, None), consumer());
			assert_ok!(Disputes::vote_on_appeal(signed(mediator(1)), id, ruling(Outcome::Rejected, 0, None)));
			assert_noop!(
				Disputes::vote_on_appeal(signed(mediator(1)), id, ruling(Outcome::Frivolous, 0, None)),
				Error::<Test>::AlreadyVoted
			);
		});
	}
}

mod reviews {
	use super::*;

	#[test]
	fn a_consumer_reviews_each_completed_transaction_once() {
		test(|| {
			add_card(7, &consumer(), &gym(), 100 * YUAN, 0, true);
			add_item(1, 1, &consumer(), &gym(), true);
			let settled = file(Reference::None, 0);
			assert_ok!(Disputes::settle(signed(gym()), settled));
			assert_ok!(Disputes::review(signed(consumer()), Transaction::Card(7), 5, H256::repeat_byte(1)));
			System::assert_last_event(
				Event::ReviewPosted { transaction: Transaction::Card(7), reviewer: consumer(), merchant: gym(), rating: 5 }.into(),
			);
			assert_ok!(Disputes::review(signed(consumer()), Transaction::Complaint(settled), 2, H256::repeat_byte(2)));
			assert_ok!(Disputes::review(signed(consumer()), Transaction::Collectible { series: 1, item: 1 }, 4, H256::repeat_byte(3)));
			let stats = Stats::<Test>::get(gym());
			assert_eq!((stats.ratings, stats.rating_total, stats.average_rating_centi()), (3, 11, 366));
			assert_eq!(Reviews::<Test>::get(Transaction::Card(7)).unwrap().content, H256::repeat_byte(1));
		});
	}

	#[test]
	fn no_transaction_no_review() {
		test(|| {
			// A card never used nor refunded is no completed transaction.
			add_card(7, &consumer(), &gym(), 100 * YUAN, 0, false);
			assert_noop!(
				Disputes::review(signed(consumer()), Transaction::Card(7), 1, H256::zero()),
				Error::<Test>::NoTransaction
			);
		});
	}

	#[test]
	fn a_complaint_about_a_card_and_the_card_are_one_purchase() {
		test(|| {
			add_card(7, &consumer(), &gym(), 100 * YUAN, 0, true);
			let id = file(Reference::Card(7), 10 * YUAN);
			assert_ok!(Disputes::settle(signed(gym()), id));
			assert_ok!(Disputes::review(signed(consumer()), Transaction::Complaint(id), 3, H256::zero()));
			assert!(Reviews::<Test>::contains_key(Transaction::Card(7)));
			assert_noop!(
				Disputes::review(signed(consumer()), Transaction::Card(7), 5, H256::zero()),
				Error::<Test>::AlreadyReviewed
			);
		});
	}

	#[test]
	fn a_complaint_is_reviewable_once_final() {
		test(|| {
			let id = ruled(Reference::None, 0, ruling(Outcome::Rejected, 0, None));
			assert_noop!(
				Disputes::review(signed(consumer()), Transaction::Complaint(id), 1, H256::zero()),
				Error::<Test>::NoTransaction
			);
		});
	}

	#[test]
	fn a_transaction_is_reviewed_once() {
		test(|| {
			add_card(7, &consumer(), &gym(), 100 * YUAN, 0, true);
			assert_ok!(Disputes::review(signed(consumer()), Transaction::Card(7), 5, H256::zero()));
			assert_noop!(
				Disputes::review(signed(consumer()), Transaction::Card(7), 1, H256::zero()),
				Error::<Test>::AlreadyReviewed
			);
		});
	}

	#[test]
	fn ratings_are_one_to_five() {
		test(|| {
			add_card(7, &consumer(), &gym(), 100 * YUAN, 0, true);
			assert_noop!(
				Disputes::review(signed(consumer()), Transaction::Card(7), 6, H256::zero()),
				Error::<Test>::InvalidRating
			);
		});
	}
}

mod deadlines {
	use super::*;

	#[test]
	fn the_idle_sweep_passes_due_deadlines_in_order_and_stops_at_the_first_not_due() {
		test(|| {
			let a = file(Reference::None, 0);
			advance(DAY);
			let b = file(Reference::None, 0);
			advance(2 * DAY);
			idle();
			assert_eq!((status(a), status(b)), (ComplaintStatus::InMediation, ComplaintStatus::AwaitingResponse));
			assert_eq!(QueueBounds::<Test>::get(Deadline::Response), (1, 2));
			advance(DAY);
			idle();
			assert_eq!(status(b), ComplaintStatus::InMediation);
			assert_eq!(Stats::<Test>::get(gym()).unanswered, 2);
		});
	}

	#[test]
	fn the_idle_sweep_finalizes_rulings_and_lapses_appeals() {
		test(|| {
			let a = ruled(Reference::None, 0, ruling(Outcome::Rejected, 0, None));
			let b = ruled(Reference::None, 0, ruling(Outcome::Rejected, 0, None));
			assert_ok!(Disputes::appeal(signed(consumer()), b));
			advance(7 * DAY);
			idle();
			assert_eq!((status(a), status(b)), (ComplaintStatus::Closed, ComplaintStatus::UnderAppeal));
			advance(7 * DAY);
			idle();
			assert_eq!(status(b), ComplaintStatus::Closed);
			assert_eq!(held(HoldReason::ComplaintDeposit, &consumer()), 0);
		});
	}

	#[test]
	fn the_idle_sweep_is_bounded_per_block_and_by_weight() {
		test(|| {
			let other = AccountId::new([4u8; 32]);
			verify(&other);
			assert_ok!(Balances::force_set_balance(RuntimeOrigin::root(), other.clone(), 100_000));
			for who in [consumer(), consumer(), consumer(), other.clone(), other.clone(), other] {
				assert_ok!(Disputes::file_complaint(signed(who), gym(), ComplaintCategory::Other, Reference::None, 0, evidence(1)));
			}
			advance(3 * DAY);
			assert_eq!(Disputes::on_idle(2, frame_support::weights::Weight::zero()), frame_support::weights::Weight::zero());
			idle();
			assert_eq!(QueueBounds::<Test>::get(Deadline::Response), (4, 6));
			idle();
			assert_eq!(QueueBounds::<Test>::get(Deadline::Response), (6, 6));
			assert_eq!(Stats::<Test>::get(gym()).unanswered, 6);
		});
	}

	#[test]
	fn stale_queue_entries_are_dropped() {
		test(|| {
			let id = file(Reference::None, 0);
			assert_ok!(Disputes::contest(signed(gym()), id, evidence(2)));
			advance(3 * DAY);
			idle();
			assert_eq!(QueueBounds::<Test>::get(Deadline::Response), (1, 1));
			assert_eq!(Stats::<Test>::get(gym()).unanswered, 0);
		});
	}
}

mod statistics {
	use super::*;

	#[test]
	fn merchants_are_ranked_by_upheld_complaints_in_an_area() {
		test(|| {
			ruled(Reference::None, 10 * YUAN, ruling(Outcome::Upheld, 10 * YUAN, None));
			assert_ok!(Disputes::file_complaint(signed(consumer()), guilin_shop(), ComplaintCategory::Delivery, Reference::None, 0, evidence(1)));
			let nanning = Disputes::ranking(AreaCode(450100), 0, 10);
			assert_eq!(nanning.iter().map(|(m, _)| m.clone()).collect::<Vec<_>>(), vec![gym()]);
			let guangxi = Disputes::ranking(AreaCode(450000), 0, 10);
			assert_eq!(guangxi.iter().map(|(m, _)| m.clone()).collect::<Vec<_>>(), vec![gym(), guilin_shop()]);
			assert_eq!(Disputes::ranking(AreaCode(450000), 1, 10).len(), 1);
			let (complaint, history) = Disputes::complaint_with_history(0).unwrap();
			assert_eq!(complaint.merchant, gym());
			assert_eq!(history.len(), 4);
		});
	}
}

// Refusals: every wrong role (docs/ROLES.md)

mod refusals {
	use super::*;
	use sp_runtime::DispatchError;

	#[test]
	fn only_the_merchant_contests() {
		test(|| {
			let id = file(Reference::None, 0);
			// Not the complainant, not another merchant, not a stranger.
			assert_noop!(Disputes::contest(signed(consumer()), id, evidence(2)), Error::<Test>::NotTheMerchant);
			assert_noop!(Disputes::contest(signed(guilin_shop()), id, evidence(2)), Error::<Test>::NotTheMerchant);
			assert_noop!(Disputes::contest(signed(stranger()), id, evidence(2)), Error::<Test>::NotTheMerchant);
			assert_eq!(status(id), ComplaintStatus::AwaitingResponse);
		});
	}

	#[test]
	fn an_unsigned_origin_does_not_escalate() {
		test(|| {
			let id = file(Reference::None, 0);
			advance(3 * DAY);
			// Any signed account may escalate now; an unsigned origin may not.
			assert_noop!(Disputes::escalate(RuntimeOrigin::none(), id), DispatchError::BadOrigin);
			assert_eq!(status(id), ComplaintStatus::AwaitingResponse);
		});
	}

	#[test]
	fn only_regulators_dismiss_mediators() {
		test(|| {
			// Not a stranger, not a merchant, not another mediator, not the mediator itself.
			assert_noop!(Disputes::dismiss_mediator(signed(stranger()), mediator(0)), Error::<Test>::NotRegulator);
			assert_noop!(Disputes::dismiss_mediator(signed(gym()), mediator(0)), Error::<Test>::NotRegulator);
			assert_noop!(Disputes::dismiss_mediator(signed(mediator(1)), mediator(0)), Error::<Test>::NotRegulator);
			assert_noop!(Disputes::dismiss_mediator(signed(mediator(0)), mediator(0)), Error::<Test>::NotRegulator);
			assert!(Mediators::<Test>::contains_key(mediator(0)));
		});
	}

	#[test]
	fn dismissals_stay_in_the_jurisdiction() {
		test(|| {
			// Mediator 3 serves Guilin, outside the Nanning regulator's jurisdiction.
			assert_noop!(
				Disputes::dismiss_mediator(signed(regulator()), mediator(3)),
				Error::<Test>::OutOfJurisdiction
			);
			assert!(Mediators::<Test>::contains_key(mediator(3)));
		});
	}

	#[test]
	fn an_unsigned_origin_does_not_finalize() {
		test(|| {
			let id = ruled(Reference::None, 0, ruling(Outcome::Rejected, 0, None));
			advance(7 * DAY);
			// Any signed account may finalize now; an unsigned origin may not.
			assert_noop!(Disputes::finalize(RuntimeOrigin::none(), id), DispatchError::BadOrigin);
			assert_eq!(status(id), ComplaintStatus::Ruled);
		});
	}

	#[test]
	fn only_the_consumer_of_a_transaction_reviews_it() {
		test(|| {
			add_card(7, &consumer(), &gym(), 100 * YUAN, 0, true);
			add_item(1, 1, &consumer(), &gym(), true);
			let settled = file(Reference::None, 0);
			assert_ok!(Disputes::settle(signed(gym()), settled));
			// Each transaction is complete, but the merchant reviews none of its own sales and
			// a stranger none of another's purchases.
			for transaction in
				[Transaction::Card(7), Transaction::Complaint(settled), Transaction::Collectible { series: 1, item: 1 }]
			{
				assert_noop!(
					Disputes::review(signed(gym()), transaction, 1, H256::zero()),
					Error::<Test>::NoTransaction
				);
				assert_noop!(
					Disputes::review(signed(stranger()), transaction, 5, H256::zero()),
					Error::<Test>::NoTransaction
				);
				assert!(!Reviews::<Test>::contains_key(transaction));
			}
		});
	}

	#[test]
	fn only_mediators_of_the_area_sit_on_an_appeal() {
		test(|| {
			let id = ruled(Reference::None, 0, ruling(Outcome::Rejected, 0, None));
			assert_ok!(Disputes::appeal(signed(consumer()), id));
			let vote = ruling(Outcome::Frivolous, 0, None);
			// Neither party, nor a stranger, nor the regulator is a mediator.
			assert_noop!(Disputes::vote_on_appeal(signed(consumer()), id, vote), Error::<Test>::NotMediator);
			assert_noop!(Disputes::vote_on_appeal(signed(gym()), id, vote), Error::<Test>::NotMediator);
			assert_noop!(Disputes::vote_on_appeal(signed(stranger()), id, vote), Error::<Test>::NotMediator);
			assert_noop!(Disputes::vote_on_appeal(signed(regulator()), id, vote), Error::<Test>::NotMediator);
			// Mediator 3 serves Guilin; the complaint is about a gym in Nanning.
			assert_noop!(Disputes::vote_on_appeal(signed(mediator(3)), id, vote), Error::<Test>::NotMediatorOfArea);
			assert!(Complaints::<Test>::get(id).unwrap().appeal.unwrap().votes.is_empty());
		});
	}

	#[test]
	fn a_party_who_is_a_mediator_does_not_sit_on_its_appeal() {
		test(|| {
			assert_ok!(Disputes::appoint_mediator(signed(regulator()), consumer(), AreaCode(450100)));
			assert_ok!(Disputes::appoint_mediator(signed(regulator()), gym(), AreaCode(450100)));
			let id = ruled(Reference::None, 0, ruling(Outcome::Rejected, 0, None));
			assert_ok!(Disputes::appeal(signed(consumer()), id));
			let vote = ruling(Outcome::Upheld, 0, None);
			assert_noop!(Disputes::vote_on_appeal(signed(consumer()), id, vote), Error::<Test>::MediatorIsParty);
			assert_noop!(Disputes::vote_on_appeal(signed(gym()), id, vote), Error::<Test>::MediatorIsParty);
			assert!(Complaints::<Test>::get(id).unwrap().appeal.unwrap().votes.is_empty());
		});
	}
}
