//! Unit tests: every call's success with its event and balances to the fen, one `assert_noop!`
//! per error, and random sequences that check the escrow invariant after every step.

use crate::{mock::*, pallet::*, types::*, Error, Event};
use frame_support::{assert_noop, assert_ok, traits::Hooks, weights::Weight};
use guilian_primitives::{CreditTier, EscrowRemedy, MerchantCategory, MerchantStatus, Severity};
use sp_core::Pair;
use sp_keyring::Sr25519Keyring;
use sp_runtime::{MultiSignature, Permill};

fn signed(who: AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

/// 10 gym sessions at 150 CNY, valid a year, named: plan 0.
fn gym_plan() -> PlanId {
	assert_ok!(Prepaid::open_plan(
		signed(gym()),
		PlanKind::Sessions { sessions: 10, price: 150 * YUAN },
		365,
		true
	));
	NextPlanId::<Test>::get() - 1
}

/// The consumer buys a card of `plan`.
fn buy(plan: PlanId) -> CardId {
	assert_ok!(Prepaid::buy_card(signed(consumer()), plan));
	NextCardId::<Test>::get() - 1
}

fn escrow(merchant: &AccountId) -> u128 {
	cny(&Prepaid::escrow_account(merchant))
}

mod plans {
	use super::*;

	#[test]
	fn a_merchant_opens_a_plan_with_its_custody_ratio() {
		test(|| {
			let plan = gym_plan();
			let stored = Plans::<Test>::get(plan).unwrap();
			assert_eq!(stored.custody, Permill::from_percent(20));
			assert!(stored.on_sale && stored.named);
			System::assert_last_event(
				Event::PlanOpened { plan, merchant: gym(), face_value: 1_500 * YUAN, custody: Permill::from_percent(20) }.into(),
			);
		});
	}

	#[test]
	fn education_plans_are_fully_in_custody() {
		test(|| {
			assert_ok!(Prepaid::open_plan(signed(school()), PlanKind::Sessions { sessions: 60, price: 80 * YUAN }, 90, true));
			assert_eq!(Plans::<Test>::get(0).unwrap().custody, Permill::one());
		});
	}

	#[test]
	fn the_issuer_class_sets_the_ratio() {
		test(|| {
			assert_ok!(Prepaid::set_issuer_class(signed(regulator()), gym(), IssuerClass::Brand));
			System::assert_last_event(Event::IssuerClassSet { merchant: gym(), class: IssuerClass::Brand }.into());
			assert_eq!(Plans::<Test>::get(gym_plan()).unwrap().custody, Permill::from_percent(40));
		});
	}

	#[test]
	fn only_regulators_of_the_area_set_the_class() {
		test(|| {
			assert_noop!(Prepaid::set_issuer_class(signed(gym()), gym(), IssuerClass::Group), Error::<Test>::NotRegulator);
			assert_noop!(
				Prepaid::set_issuer_class(signed(guilin_regulator()), gym(), IssuerClass::Group),
				Error::<Test>::OutOfJurisdiction
			);
		});
	}

	#[test]
	fn only_merchants_open_plans() {
		test(|| {
			assert_noop!(
				Prepaid::open_plan(signed(consumer()), PlanKind::StoredValue { value: YUAN }, 30, false),
				Error::<Test>::NotMerchant
			);
		});
	}

	#[test]
	fn an_abnormal_merchant_cannot_sell() {
		test(|| {
			set_status(&gym(), MerchantStatus::Abnormal);
			assert_noop!(
				Prepaid::open_plan(signed(gym()), PlanKind::StoredValue { value: YUAN }, 30, false),
				Error::<Test>::MerchantNotEligible
			);
		});
	}

	#[test]
	fn a_merchant_licensed_less_than_6_months_cannot_sell() {
		test(|| {
			set_licensed_at(&gym(), START - 100 * DAY);
			assert_noop!(
				Prepaid::open_plan(signed(gym()), PlanKind::StoredValue { value: YUAN }, 30, false),
				Error::<Test>::MerchantTooNew
			);
		});
	}

	#[test]
	fn a_plan_must_sell_something() {
		test(|| {
			assert_noop!(
				Prepaid::open_plan(signed(gym()), PlanKind::Sessions { sessions: 0, price: YUAN }, 30, false),
				Error::<Test>::InvalidPlan
			);
		});
	}

	#[test]
	fn named_cards_are_capped_at_5000_yuan() {
		test(|| {
			assert_noop!(
				Prepaid::open_plan(signed(gym()), PlanKind::StoredValue { value: 5_000 * YUAN + 1 }, 30, true),
				Error::<Test>::NamedCardCapExceeded
			);
		});
	}

	#[test]
	fn anonymous_cards_are_capped_at_1000_yuan() {
		test(|| {
			assert_noop!(
				Prepaid::open_plan(signed(gym()), PlanKind::StoredValue { value: 1_000 * YUAN + 1 }, 30, false),
				Error::<Test>::AnonymousCardCapExceeded
			);
		});
	}

	#[test]
	fn education_plans_last_at_most_3_months() {
		test(|| {
			assert_noop!(
				Prepaid::open_plan(signed(school()), PlanKind::StoredValue { value: YUAN }, 91, true),
				Error::<Test>::EducationValidityExceeded
			);
		});
	}

	#[test]
	fn education_plans_have_at_most_60_sessions() {
		test(|| {
			assert_noop!(
				Prepaid::open_plan(signed(school()), PlanKind::Sessions { sessions: 61, price: YUAN }, 90, true),
				Error::<Test>::EducationSessionsExceeded
			);
		});
	}

	#[test]
	fn validity_is_bounded() {
		test(|| {
			assert_noop!(
				Prepaid::open_plan(signed(gym()), PlanKind::StoredValue { value: YUAN }, 3 * 365 + 1, true),
				Error::<Test>::ValidityTooLong
			);
		});
	}

	#[test]
	fn plan_ids_never_overflow() {
		test(|| {
			NextPlanId::<Test>::put(PlanId::MAX);
			assert_noop!(
				Prepaid::open_plan(signed(gym()), PlanKind::StoredValue { value: YUAN }, 30, false),
				Error::<Test>::Overflow
			);
			NextPlanId::<Test>::put(0);
		});
	}

	#[test]
	fn a_merchant_withdraws_its_plan() {
		test(|| {
			let plan = gym_plan();
			assert_ok!(Prepaid::withdraw_plan(signed(gym()), plan));
			System::assert_last_event(Event::PlanWithdrawn { plan }.into());
			assert_noop!(Prepaid::buy_card(signed(consumer()), plan), Error::<Test>::PlanNotOnSale);
		});
	}

	#[test]
	fn only_the_owner_withdraws_a_plan() {
		test(|| {
			let plan = gym_plan();
			assert_noop!(Prepaid::withdraw_plan(signed(school()), plan), Error::<Test>::NotPlanOwner);
			assert_noop!(Prepaid::withdraw_plan(signed(gym()), 9), Error::<Test>::UnknownPlan);
		});
	}
}

mod buying {
	use super::*;

	#[test]
	fn a_consumer_buys_a_card_into_escrow() {
		test(|| {
			let card = buy(gym_plan());
			assert_eq!(cny(&consumer()), 10_000 * YUAN - 1_500 * YUAN);
			assert_eq!(escrow(&gym()), 1_500 * YUAN);
			assert_eq!(cny(&gym()), 1_000 * YUAN);
			let stored = Cards::<Test>::get(card).unwrap();
			assert_eq!((stored.unused, stored.escrowed, stored.advanced), (1_500 * YUAN, 1_500 * YUAN, 0));
			assert_eq!(stored.expires_at, START + 365 * DAY);
			System::assert_last_event(
				Event::CardPurchased { card, plan: 0, holder: consumer(), paid: 1_500 * YUAN, discount: 0 }.into(),
			);
		});
	}

	#[test]
	fn the_credit_card_discount_lowers_each_session() {
		test(|| {
			set_discount(&gym(), &consumer(), Permill::from_percent(5));
			let card = buy(gym_plan());
			// 150 CNY - 5% = 142.50 CNY a session; 10 sessions.
			assert_eq!(Cards::<Test>::get(card).unwrap().session_price, 14_250);
			assert_eq!(escrow(&gym()), 142_500);
			System::assert_last_event(
				Event::CardPurchased { card, plan: 0, holder: consumer(), paid: 142_500, discount: 7_500 }.into(),
			);
		});
	}

	#[test]
	fn a_named_card_needs_a_verified_buyer() {
		test(|| {
			let plan = gym_plan();
			assert_noop!(Prepaid::buy_card(signed(anonymous()), plan), Error::<Test>::UnverifiedBuyer);
		});
	}

	#[test]
	fn anyone_buys_an_anonymous_card() {
		test(|| {
			assert_ok!(Prepaid::open_plan(signed(gym()), PlanKind::StoredValue { value: 500 * YUAN }, 180, false));
			assert_ok!(Prepaid::buy_card(signed(anonymous()), 0));
			assert_eq!(escrow(&gym()), 500 * YUAN);
		});
	}

	#[test]
	fn no_sales_once_closing() {
		test(|| {
			let plan = gym_plan();
			assert_ok!(Prepaid::announce_closure(signed(gym()), START + 30 * DAY));
			assert_noop!(Prepaid::buy_card(signed(consumer()), plan), Error::<Test>::MerchantClosing);
		});
	}

	#[test]
	fn no_sales_once_frozen() {
		test(|| {
			let plan = gym_plan();
			assert_ok!(<Prepaid as EscrowRemedy<_, _>>::freeze_merchant(&gym()));
			System::assert_last_event(Event::MerchantFrozen { merchant: gym() }.into());
			assert_noop!(Prepaid::buy_card(signed(consumer()), plan), Error::<Test>::MerchantFrozen);
		});
	}

	#[test]
	fn a_consumer_holds_a_bounded_number_of_cards() {
		test(|| {
			assert_ok!(Prepaid::open_plan(signed(gym()), PlanKind::StoredValue { value: YUAN }, 30, true));
			for _ in 0..4 {
				buy(0);
			}
			assert_noop!(Prepaid::buy_card(signed(consumer()), 0), Error::<Test>::TooManyCards);
		});
	}

	#[test]
	fn an_unknown_plan() {
		test(|| {
			assert_noop!(Prepaid::buy_card(signed(consumer()), 7), Error::<Test>::UnknownPlan);
		});
	}
}

mod money {
	use super::*;

	#[test]
	fn cooling_off_gives_everything_back() {
		test(|| {
			let card = buy(gym_plan());
			advance(6 * DAY);
			assert_ok!(Prepaid::cancel_card(signed(consumer()), card));
			assert_eq!(cny(&consumer()), 10_000 * YUAN);
			assert_eq!(escrow(&gym()), 0);
			assert_eq!(Cards::<Test>::get(card).unwrap().status, CardStatus::Cancelled);
			System::assert_has_event(
				Event::CardRefunded { card, reason: RefundReason::CoolingOff, from_escrow: 1_500 * YUAN, from_merchant: 0, debt: 0 }
					.into(),
			);
		});
	}

	#[test]
	fn cooling_off_ends_after_7_days() {
		test(|| {
			let card = buy(gym_plan());
			advance(7 * DAY);
			assert_noop!(Prepaid::cancel_card(signed(consumer()), card), Error::<Test>::CoolingOffPassed);
		});
	}

	#[test]
	fn only_the_holder_cancels() {
		test(|| {
			let card = buy(gym_plan());
			assert_noop!(Prepaid::cancel_card(signed(anonymous()), card), Error::<Test>::NotCardHolder);
		});
	}

	#[test]
	fn each_use_releases_its_value_to_the_merchant() {
		test(|| {
			let card = buy(gym_plan());
			assert_ok!(Prepaid::confirm_use(signed(consumer()), card, 3));
			assert_eq!(cny(&gym()), 1_000 * YUAN + 450 * YUAN);
			assert_eq!(escrow(&gym()), 1_050 * YUAN);
			System::assert_has_event(
				Event::UseConfirmed { card, value: 450 * YUAN, released: 450 * YUAN, unused: 1_050 * YUAN }.into(),
			);
		});
	}

	#[test]
	fn the_merchant_records_a_use_the_holder_signed() {
		test(|| {
			let card = buy(gym_plan());
			let message = Prepaid::use_signing_payload(card, 1, 0);
			let signature = MultiSignature::Sr25519(Sr25519Keyring::Eve.pair().sign(&message));
			assert_ok!(Prepaid::record_use(signed(gym()), card, 1, 0, signature.clone()));
			assert_eq!(cny(&gym()), 1_150 * YUAN);
			// The same signed use again is a replay.
			assert_noop!(Prepaid::record_use(signed(gym()), card, 1, 0, signature), Error::<Test>::StaleUse);
		});
	}

	#[test]
	fn a_use_signed_by_someone_else_is_refused() {
		test(|| {
			let card = buy(gym_plan());
			let message = Prepaid::use_signing_payload(card, 1, 0);
			let signature = MultiSignature::Sr25519(Sr25519Keyring::Ferdie.pair().sign(&message));
			assert_noop!(Prepaid::record_use(signed(gym()), card, 1, 0, signature), Error::<Test>::BadSignature);
		});
	}

	#[test]
	fn only_the_card_merchant_records_uses() {
		test(|| {
			let card = buy(gym_plan());
			let signature = MultiSignature::Sr25519(Sr25519Keyring::Eve.pair().sign(b"x"));
			assert_noop!(Prepaid::record_use(signed(school()), card, 1, 0, signature), Error::<Test>::NotCardMerchant);
		});
	}

	#[test]
	fn a_use_beyond_the_value_is_refused() {
		test(|| {
			let card = buy(gym_plan());
			assert_noop!(Prepaid::confirm_use(signed(consumer()), card, 11), Error::<Test>::UseBeyondValue);
			assert_noop!(Prepaid::confirm_use(signed(consumer()), card, 0), Error::<Test>::ZeroAmount);
		});
	}

	#[test]
	fn a_used_up_card_is_inactive() {
		test(|| {
			let card = buy(gym_plan());
			assert_ok!(Prepaid::confirm_use(signed(consumer()), card, 10));
			assert_eq!(Cards::<Test>::get(card).unwrap().status, CardStatus::UsedUp);
			assert_eq!(cny(&gym()), 2_500 * YUAN);
			assert_noop!(Prepaid::confirm_use(signed(consumer()), card, 1), Error::<Test>::CardNotActive);
		});
	}

	#[test]
	fn an_expired_card_is_not_used_but_refunded() {
		test(|| {
			let card = buy(gym_plan());
			assert_ok!(Prepaid::confirm_use(signed(consumer()), card, 4));
			advance(366 * DAY);
			assert_noop!(Prepaid::confirm_use(signed(consumer()), card, 1), Error::<Test>::CardExpired);
			assert_ok!(Prepaid::claim_refund(signed(consumer()), card));
			assert_eq!(cny(&consumer()), 10_000 * YUAN - 600 * YUAN);
			System::assert_has_event(
				Event::CardRefunded { card, reason: RefundReason::Expired, from_escrow: 900 * YUAN, from_merchant: 0, debt: 0 }
					.into(),
			);
		});
	}

	#[test]
	fn an_unknown_card() {
		test(|| {
			assert_noop!(Prepaid::confirm_use(signed(consumer()), 3, 1), Error::<Test>::UnknownCard);
		});
	}

	#[test]
	fn after_cooling_off_a_low_risk_merchant_draws_up_to_80_percent() {
		test(|| {
			let card = buy(gym_plan());
			assert_noop!(Prepaid::draw_advance(signed(gym()), card, YUAN), Error::<Test>::CoolingOffNotOver);
			advance(7 * DAY);
			assert_noop!(Prepaid::draw_advance(signed(gym()), card, 1_200 * YUAN + 1), Error::<Test>::AdvanceOverLimit);
			assert_ok!(Prepaid::draw_advance(signed(gym()), card, 1_200 * YUAN));
			assert_eq!(cny(&gym()), 2_200 * YUAN);
			assert_eq!(escrow(&gym()), 300 * YUAN);
			System::assert_has_event(Event::AdvanceDrawn { card, amount: 1_200 * YUAN, advanced: 1_200 * YUAN }.into());
			// The advanced part is used first: 3 sessions release nothing more.
			assert_ok!(Prepaid::confirm_use(signed(consumer()), card, 3));
			assert_eq!(cny(&gym()), 2_200 * YUAN);
			assert_eq!(escrow(&gym()), 300 * YUAN);
		});
	}

	#[test]
	fn a_risky_merchant_draws_nothing() {
		test(|| {
			let card = buy(gym_plan());
			advance(7 * DAY);
			set_tier(&gym(), CreditTier::D);
			assert_noop!(Prepaid::draw_advance(signed(gym()), card, YUAN), Error::<Test>::RiskTooHigh);
		});
	}

	#[test]
	fn the_merchant_refunds_the_whole_card_including_advances() {
		test(|| {
			let card = buy(gym_plan());
			advance(7 * DAY);
			assert_ok!(Prepaid::draw_advance(signed(gym()), card, 1_000 * YUAN));
			assert_ok!(Prepaid::refund_card(signed(gym()), card));
			assert_eq!(cny(&consumer()), 10_000 * YUAN);
			assert_eq!(cny(&gym()), 1_000 * YUAN);
			System::assert_has_event(
				Event::CardRefunded { card, reason: RefundReason::Merchant, from_escrow: 500 * YUAN, from_merchant: 1_000 * YUAN, debt: 0 }
					.into(),
			);
			assert_noop!(Prepaid::refund_card(signed(gym()), card), Error::<Test>::CardNotActive);
		});
	}

	#[test]
	fn a_regulator_orders_a_partial_refund() {
		test(|| {
			let card = buy(gym_plan());
			assert_ok!(Prepaid::order_refund(signed(regulator()), card, 300 * YUAN));
			assert_eq!(cny(&consumer()), 8_800 * YUAN);
			assert_eq!(Cards::<Test>::get(card).unwrap().unused, 1_200 * YUAN);
			assert_noop!(Prepaid::order_refund(signed(regulator()), card, 1_200 * YUAN + 1), Error::<Test>::InvalidRefundAmount);
			assert_noop!(Prepaid::order_refund(signed(gym()), card, YUAN), Error::<Test>::NotRegulator);
			assert_noop!(Prepaid::order_refund(signed(guilin_regulator()), card, YUAN), Error::<Test>::OutOfJurisdiction);
		});
	}

	#[test]
	fn a_ruling_refunds_through_the_remedy_trait() {
		test(|| {
			let card = buy(gym_plan());
			assert_eq!(<Prepaid as EscrowRemedy<_, _>>::card_parties(card), Some((consumer(), gym())));
			assert_eq!(<Prepaid as EscrowRemedy<_, _>>::refundable(card), 1_500 * YUAN);
			assert_eq!(<Prepaid as EscrowRemedy<_, _>>::refund(card, 1_500 * YUAN), Ok(1_500 * YUAN));
			assert_eq!(<Prepaid as EscrowRemedy<_, _>>::refundable(card), 0);
		});
	}
}

mod closure {
	use super::*;

	#[test]
	fn closure_needs_30_days_notice_and_then_refunds() {
		test(|| {
			let card = buy(gym_plan());
			assert_noop!(
				Prepaid::announce_closure(signed(gym()), START + 30 * DAY - 1),
				Error::<Test>::ClosureNoticeTooShort
			);
			assert_ok!(Prepaid::announce_closure(signed(gym()), START + 30 * DAY));
			System::assert_has_event(Event::ClosureAnnounced { merchant: gym(), closes_at: START + 30 * DAY }.into());
			assert_noop!(Prepaid::announce_closure(signed(gym()), START + 60 * DAY), Error::<Test>::MerchantClosing);
			assert_noop!(Prepaid::claim_refund(signed(consumer()), card), Error::<Test>::NotRefundable);
			advance(30 * DAY);
			assert_ok!(Prepaid::claim_refund(signed(consumer()), card));
			assert_eq!(cny(&consumer()), 10_000 * YUAN);
		});
	}

	#[test]
	fn a_run_away_merchant_leaves_debts_that_are_reported() {
		test(|| {
			let card = buy(gym_plan());
			advance(7 * DAY);
			assert_ok!(Prepaid::draw_advance(signed(gym()), card, 1_200 * YUAN));
			// The gym empties its account and runs away; the regulator suspends it.
			use frame_support::traits::fungibles::Mutate;
			assert_ok!(<Assets as Mutate<AccountId>>::transfer(
				CNY, &gym(), &regulator(), 2_200 * YUAN, frame_support::traits::tokens::Preservation::Expendable
			));
			set_status(&gym(), MerchantStatus::Suspended);
			assert_ok!(Prepaid::claim_refund(signed(consumer()), card));
			assert_eq!(cny(&consumer()), 10_000 * YUAN - 1_200 * YUAN);
			assert_eq!(Debts::<Test>::get(card), Some(1_200 * YUAN));
			assert_eq!(breaches(), vec![(gym(), Severity::Serious)]);
			assert_eq!(RiskLevels::<Test>::get(gym()), RiskLevel::Critical);
			System::assert_has_event(
				Event::CardRefunded { card, reason: RefundReason::RunAway, from_escrow: 300 * YUAN, from_merchant: 0, debt: 1_200 * YUAN }
					.into(),
			);
		});
	}

	#[test]
	fn the_sweep_refunds_every_card_of_a_suspended_merchant() {
		test(|| {
			let plan = gym_plan();
			let first = buy(plan);
			let second = buy(plan);
			assert_ok!(Prepaid::open_plan(signed(gym()), PlanKind::StoredValue { value: 300 * YUAN }, 30, false));
			assert_ok!(Prepaid::buy_card(signed(anonymous()), 1));
			assert_noop!(Prepaid::start_refunds(signed(anonymous()), gym()), Error::<Test>::NotRefundable);
			set_status(&gym(), MerchantStatus::Suspended);
			assert_ok!(Prepaid::start_refunds(signed(anonymous()), gym()));
			System::assert_last_event(Event::RefundsStarted { merchant: gym(), cards: 3 }.into());
			assert_noop!(Prepaid::start_refunds(signed(anonymous()), gym()), Error::<Test>::NothingToSweep);
			// A small budget refunds one card per block.
			use crate::WeightInfo;
			let one_card = <() as WeightInfo>::on_idle_base().saturating_add(<() as WeightInfo>::claim_refund());
			Prepaid::on_idle(2, one_card);
			assert_eq!(MerchantCards::<Test>::iter_prefix(gym()).count(), 2);
			Prepaid::on_idle(3, Weight::MAX);
			assert!(SweepQueue::<Test>::get().is_empty());
			for card in [first, second] {
				assert_eq!(Cards::<Test>::get(card).unwrap().status, CardStatus::Refunded);
			}
			assert_eq!(cny(&consumer()), 10_000 * YUAN);
			assert_eq!(cny(&anonymous()), 10_000 * YUAN);
			assert_eq!(escrow(&gym()), 0);
		});
	}

	#[test]
	fn the_sweep_queue_is_bounded() {
		test(|| {
			for (merchant, who) in [(gym(), 0), (school(), 1)] {
				assert_ok!(Prepaid::open_plan(signed(merchant.clone()), PlanKind::StoredValue { value: YUAN }, 30, true));
				assert_ok!(Prepaid::buy_card(signed(consumer()), who));
				set_status(&merchant, MerchantStatus::Closed);
				assert_ok!(Prepaid::start_refunds(signed(consumer()), merchant));
			}
			let salon = Sr25519Keyring::AliceStash.to_account_id();
			set_merchant(&salon, MerchantCategory::Beauty, MerchantStatus::Active);
			assert_ok!(Prepaid::open_plan(signed(salon.clone()), PlanKind::StoredValue { value: YUAN }, 30, true));
			assert_ok!(Prepaid::buy_card(signed(consumer()), 2));
			set_status(&salon, MerchantStatus::Closed);
			assert_noop!(Prepaid::start_refunds(signed(consumer()), salon), Error::<Test>::SweepQueueFull);
		});
	}
}

mod risk {
	use super::*;

	#[test]
	fn risk_changes_are_announced() {
		test(|| {
			let card = buy(gym_plan());
			advance(7 * DAY);
			assert_ok!(Prepaid::draw_advance(signed(gym()), card, 800 * YUAN));
			System::assert_last_event(
				Event::RiskLevelChanged { merchant: gym(), from: RiskLevel::Low, to: RiskLevel::High }.into(),
			);
			set_complaints(&gym(), 3);
			assert_ok!(Prepaid::refresh_risk(signed(anonymous()), gym()));
			assert_eq!(RiskLevels::<Test>::get(gym()), RiskLevel::High);
			assert_noop!(Prepaid::refresh_risk(signed(anonymous()), consumer()), Error::<Test>::NotMerchant);
		});
	}
}

mod random {
	use super::*;

	/// A small deterministic generator (xorshift), so that failures replay.
	struct Rng(u64);
	impl Rng {
		fn next(&mut self) -> u64 {
			self.0 ^= self.0 << 13;
			self.0 ^= self.0 >> 7;
			self.0 ^= self.0 << 17;
			self.0
		}
		fn below(&mut self, n: u64) -> u64 {
			self.next() % n
		}
	}

	#[test]
	fn random_buy_use_advance_refund_close_keep_the_escrow_whole() {
		for seed in 1..=20u64 {
			new_test_ext().execute_with(|| {
				let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15));
				fund(&gym(), 5_000 * YUAN);
				assert_ok!(Prepaid::open_plan(signed(gym()), PlanKind::Sessions { sessions: 20, price: 73 * YUAN + 37 }, 120, true));
				assert_ok!(Prepaid::open_plan(signed(gym()), PlanKind::StoredValue { value: 999 * YUAN + 99 }, 60, false));
				let mut succeeded = 0;
				for _ in 0..200 {
					let card = rng.below(NextCardId::<Test>::get().max(1));
					// Mostly the card's holder acts on it; sometimes a stranger tries.
					let holder = Cards::<Test>::get(card).map(|c| c.holder);
					let buyer = match holder {
						Some(holder) if rng.below(8) != 0 => holder,
						_ if rng.below(2) == 0 => consumer(),
						_ => anonymous(),
					};
					let outcome = match rng.below(9) {
						0 | 1 => Prepaid::buy_card(signed(buyer), rng.below(2)),
						2 | 3 => Prepaid::confirm_use(signed(buyer), card, rng.below(4) as u32 + 1),
						4 => Prepaid::draw_advance(signed(gym()), card, u128::from(rng.below(600)) * YUAN),
						5 => Prepaid::cancel_card(signed(buyer), card),
						6 => Prepaid::order_refund(signed(regulator()), card, u128::from(rng.below(300)) * YUAN + 1),
						7 => Prepaid::claim_refund(signed(buyer), card),
						_ => {
							advance(u64::from(rng.below(3)) * DAY + 1);
							Ok(())
						},
					};
					succeeded += usize::from(outcome.is_ok());
					if rng.below(400) == 0 {
						set_status(&gym(), MerchantStatus::Suspended);
						let _ = Prepaid::start_refunds(signed(consumer()), gym());
					}
					Prepaid::on_idle(System::block_number(), Weight::from_parts(2_000_000_000, 0));
					Prepaid::do_try_state().unwrap_or_else(|e| panic!("seed {seed}: {e:?}"));
				}
				// The sequence exercised the pallet, not only its errors.
				assert!(succeeded >= 30, "seed {seed}: only {succeeded} calls succeeded");
				assert!(NextCardId::<Test>::get() >= 5, "seed {seed}: too few cards bought");
				// Whatever happened, nobody holds more than went in.
				let total = cny(&consumer()) + cny(&anonymous()) + cny(&gym()) + escrow(&gym()) + cny(&regulator());
				assert_eq!(total, 10_000 * YUAN * 2 + 6_000 * YUAN);
			});
		}
	}
}

// Refusals: every wrong role (docs/ROLES.md)

mod refusals {
	use super::*;
	use sp_runtime::DispatchError;

	#[test]
	fn only_the_holder_confirms_a_use() {
		test(|| {
			let card = buy(gym_plan());
			// Not the card's merchant, not another buyer.
			assert_noop!(Prepaid::confirm_use(signed(gym()), card, 1), Error::<Test>::NotCardHolder);
			assert_noop!(Prepaid::confirm_use(signed(anonymous()), card, 1), Error::<Test>::NotCardHolder);
			assert_eq!(Cards::<Test>::get(card).unwrap().unused, 1_500 * YUAN);
		});
	}

	#[test]
	fn only_the_card_merchant_draws_an_advance() {
		test(|| {
			let card = buy(gym_plan());
			advance(7 * DAY);
			// Not another merchant, not the holder.
			assert_noop!(Prepaid::draw_advance(signed(school()), card, YUAN), Error::<Test>::NotCardMerchant);
			assert_noop!(Prepaid::draw_advance(signed(consumer()), card, YUAN), Error::<Test>::NotCardMerchant);
			assert_eq!(Cards::<Test>::get(card).unwrap().advanced, 0);
			assert_eq!(escrow(&gym()), 1_500 * YUAN);
		});
	}

	#[test]
	fn only_the_card_merchant_refunds_a_card() {
		test(|| {
			let card = buy(gym_plan());
			// Not another merchant, not the holder.
			assert_noop!(Prepaid::refund_card(signed(school()), card), Error::<Test>::NotCardMerchant);
			assert_noop!(Prepaid::refund_card(signed(consumer()), card), Error::<Test>::NotCardMerchant);
			assert_eq!(Cards::<Test>::get(card).unwrap().status, CardStatus::Active);
		});
	}

	#[test]
	fn only_merchants_announce_a_closure() {
		test(|| {
			// Not a consumer, not a regulator.
			assert_noop!(
				Prepaid::announce_closure(signed(consumer()), START + 30 * DAY),
				Error::<Test>::NotMerchant
			);
			assert_noop!(
				Prepaid::announce_closure(signed(regulator()), START + 30 * DAY),
				Error::<Test>::NotMerchant
			);
			assert_eq!(Closures::<Test>::iter().count(), 0);
		});
	}

	#[test]
	fn only_the_holder_claims_a_refund() {
		test(|| {
			let card = buy(gym_plan());
			set_status(&gym(), MerchantStatus::Suspended);
			// The card is refundable; still not to another buyer, nor to the merchant.
			assert_noop!(Prepaid::claim_refund(signed(anonymous()), card), Error::<Test>::NotCardHolder);
			assert_noop!(Prepaid::claim_refund(signed(gym()), card), Error::<Test>::NotCardHolder);
			assert_eq!(Cards::<Test>::get(card).unwrap().status, CardStatus::Active);
		});
	}

	#[test]
	fn an_unsigned_origin_starts_no_refunds() {
		test(|| {
			buy(gym_plan());
			set_status(&gym(), MerchantStatus::Suspended);
			// Any signed account may start the sweep; an unsigned origin may not.
			assert_noop!(Prepaid::start_refunds(RuntimeOrigin::none(), gym()), DispatchError::BadOrigin);
			assert!(SweepQueue::<Test>::get().is_empty());
		});
	}

	#[test]
	fn an_unsigned_origin_refreshes_no_risk() {
		test(|| {
			set_complaints(&gym(), 3);
			assert_noop!(Prepaid::refresh_risk(RuntimeOrigin::none(), gym()), DispatchError::BadOrigin);
			assert_eq!(RiskLevels::<Test>::get(gym()), RiskLevel::Low);
		});
	}
}
