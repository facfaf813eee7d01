//! Benchmarks of the prepaid pallet (v2), each in its worst case.

use super::*;
use crate::types::*;
use frame_benchmarking::v2::*;
use frame_support::traits::{fungibles::Inspect, Get, Hooks};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use sp_runtime::traits::{Bounded, Saturating};

const SEED: u32 = 0;

fn parties<T: Config>() -> (T::AccountId, T::AccountId) {
	let merchant: T::AccountId = account("merchant", 0, SEED);
	let consumer: T::AccountId = account("consumer", 0, SEED);
	T::BenchmarkHelper::setup(&merchant, &consumer, T::NamedCardCap::get().saturating_mul(100u32.into()));
	(merchant, consumer)
}

/// A plan of 10 sessions at a tenth of the named cap each: the largest named card.
fn plan<T: Config>(merchant: &T::AccountId) -> PlanId {
	let price = T::NamedCardCap::get() / 10u32.into();
	Pallet::<T>::do_open_plan(merchant.clone(), PlanKind::Sessions { sessions: 10, price }, 60, true)
		.expect("plan");
	NextPlanId::<T>::get() - 1
}

fn card<T: Config>(merchant: &T::AccountId, consumer: &T::AccountId) -> CardId {
	let plan = plan::<T>(merchant);
	Pallet::<T>::do_buy_card(consumer.clone(), plan).expect("card");
	NextCardId::<T>::get() - 1
}

/// Dates a card back past its cooling-off window (the clock cannot be moved from here).
fn cool_off<T: Config>(card: CardId) {
	Cards::<T>::mutate(card, |c| {
		if let Some(c) = c {
			c.purchased_at = c.purchased_at.saturating_sub(T::CoolingOff::get());
		}
	});
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn open_plan() {
		let (merchant, _) = parties::<T>();
		let price = T::NamedCardCap::get() / 10u32.into();
		#[extrinsic_call]
		_(RawOrigin::Signed(merchant), PlanKind::Sessions { sessions: 10, price }, 60, true);
		assert_eq!(NextPlanId::<T>::get(), 1);
	}

	#[benchmark]
	fn withdraw_plan() {
		let (merchant, _) = parties::<T>();
		let plan = plan::<T>(&merchant);
		#[extrinsic_call]
		_(RawOrigin::Signed(merchant), plan);
		assert!(!Plans::<T>::get(plan).map(|p| p.on_sale).unwrap_or(true));
	}

	#[benchmark]
	fn buy_card() {
		let (merchant, consumer) = parties::<T>();
		let plan = plan::<T>(&merchant);
		// Worst case: the consumer already holds all but one of the cards it may hold.
		for _ in 1..T::MaxCardsPerConsumer::get() {
			Pallet::<T>::do_buy_card(consumer.clone(), plan).expect("card");
		}
		#[extrinsic_call]
		_(RawOrigin::Signed(consumer.clone()), plan);
		assert_eq!(ConsumerCards::<T>::get(&consumer).len() as u32, T::MaxCardsPerConsumer::get());
	}

	#[benchmark]
	fn cancel_card() {
		let (merchant, consumer) = parties::<T>();
		let card = card::<T>(&merchant, &consumer);
		#[extrinsic_call]
		_(RawOrigin::Signed(consumer), card);
		assert_eq!(Cards::<T>::get(card).map(|c| c.status), Some(CardStatus::Cancelled));
	}

	#[benchmark]
	fn confirm_use() {
		let (merchant, consumer) = parties::<T>();
		let card = card::<T>(&merchant, &consumer);
		// Worst case: the last session, which retires the card from both indexes.
		Pallet::<T>::do_use(card, Cards::<T>::get(card).expect("card"), 9).expect("use");
		#[extrinsic_call]
		_(RawOrigin::Signed(consumer), card, 1);
		assert_eq!(Cards::<T>::get(card).map(|c| c.status), Some(CardStatus::UsedUp));
	}

	#[benchmark]
	fn record_use() {
		let (public, holder) = T::BenchmarkHelper::signer();
		let merchant: T::AccountId = account("merchant", 0, SEED);
		T::BenchmarkHelper::setup(&merchant, &holder, T::NamedCardCap::get().saturating_mul(100u32.into()));
		let card = card::<T>(&merchant, &holder);
		Pallet::<T>::do_use(card, Cards::<T>::get(card).expect("card"), 9).expect("use");
		let signature = T::BenchmarkHelper::sign(&public, &Pallet::<T>::use_signing_payload(card, 1, 1));
		#[extrinsic_call]
		_(RawOrigin::Signed(merchant), card, 1, 1, signature);
		assert_eq!(Cards::<T>::get(card).map(|c| c.status), Some(CardStatus::UsedUp));
	}

	#[benchmark]
	fn draw_advance() {
		let (merchant, consumer) = parties::<T>();
		let card = card::<T>(&merchant, &consumer);
		cool_off::<T>(card);
		#[extrinsic_call]
		_(RawOrigin::Signed(merchant), card, 1u32.into());
		assert_eq!(Cards::<T>::get(card).map(|c| c.advanced), Some(1u32.into()));
	}

	#[benchmark]
	fn refund_card() {
		let (merchant, consumer) = parties::<T>();
		let card = card::<T>(&merchant, &consumer);
		cool_off::<T>(card);
		// Worst case: part advanced, so both escrow and merchant pay.
		Pallet::<T>::do_draw_advance(merchant.clone(), card, 1u32.into()).expect("advance");
		#[extrinsic_call]
		_(RawOrigin::Signed(merchant), card);
		assert_eq!(Cards::<T>::get(card).map(|c| c.status), Some(CardStatus::Refunded));
	}

	#[benchmark]
	fn order_refund() -> Result<(), BenchmarkError> {
		let (merchant, consumer) = parties::<T>();
		let card = card::<T>(&merchant, &consumer);
		let regulator = T::BenchmarkHelper::regulator_of(&merchant);
		let amount = Cards::<T>::get(card).map(|c| c.unused).ok_or(BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(regulator), card, amount);
		assert_eq!(Cards::<T>::get(card).map(|c| c.status), Some(CardStatus::Refunded));
		Ok(())
	}

	#[benchmark]
	fn announce_closure() {
		let (merchant, _) = parties::<T>();
		let closes_at = Pallet::<T>::now_ms().saturating_add(T::ClosureNotice::get());
		#[extrinsic_call]
		_(RawOrigin::Signed(merchant.clone()), closes_at);
		assert!(Closures::<T>::contains_key(&merchant));
	}

	#[benchmark]
	fn claim_refund() {
		let (merchant, consumer) = parties::<T>();
		let card = card::<T>(&merchant, &consumer);
		cool_off::<T>(card);
		Pallet::<T>::do_draw_advance(merchant.clone(), card, 1u32.into()).expect("advance");
		// Worst case: run away with an empty account, so the advance becomes a reported debt.
		let asset = T::CnyAsset::get();
		let all = T::Currency::balance(asset.clone(), &merchant);
		let sink: T::AccountId = account("sink", 0, SEED);
		let _ = <T::Currency as frame_support::traits::fungibles::Mutate<_>>::transfer(
			asset,
			&merchant,
			&sink,
			all,
			frame_support::traits::tokens::Preservation::Expendable,
		);
		T::BenchmarkHelper::suspend(&merchant);
		#[extrinsic_call]
		_(RawOrigin::Signed(consumer), card);
		assert_eq!(Debts::<T>::get(card), Some(1u32.into()));
	}

	#[benchmark]
	fn start_refunds() {
		let (merchant, consumer) = parties::<T>();
		card::<T>(&merchant, &consumer);
		// Worst case: a queue one short of full.
		let mut queue = SweepQueue::<T>::get();
		for i in 1..T::MaxSweepQueue::get() {
			let _ = queue.try_push(account("queued", i, SEED));
		}
		SweepQueue::<T>::put(queue);
		T::BenchmarkHelper::suspend(&merchant);
		let caller: T::AccountId = whitelisted_caller();
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), merchant.clone());
		assert!(SweepQueue::<T>::get().contains(&merchant));
	}

	#[benchmark]
	fn set_issuer_class() {
		let (merchant, _) = parties::<T>();
		let regulator = T::BenchmarkHelper::regulator_of(&merchant);
		#[extrinsic_call]
		_(RawOrigin::Signed(regulator), merchant.clone(), IssuerClass::Brand);
		assert_eq!(IssuerClasses::<T>::get(&merchant), IssuerClass::Brand);
	}

	#[benchmark]
	fn refresh_risk() {
		let (merchant, consumer) = parties::<T>();
		card::<T>(&merchant, &consumer);
		T::BenchmarkHelper::suspend(&merchant);
		let caller: T::AccountId = whitelisted_caller();
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), merchant.clone());
		assert_eq!(RiskLevels::<T>::get(&merchant), RiskLevel::Critical);
	}

	#[benchmark]
	fn on_idle_base() {
		#[block]
		{
			Pallet::<T>::on_idle(BlockNumberFor::<T>::max_value(), frame_support::weights::Weight::MAX);
		}
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
