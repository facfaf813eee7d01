//! Benchmarks of the disputes pallet, each in its worst case: a complaint on a prepaid card
//! whose refund needs both the escrow and the merchant, a history close to full, deposits
//! released and slashed.

use super::*;
use crate::types::*;
use frame_support::BoundedVec;
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{fungible::Mutate as NativeMutate, Get},
	weights::Weight,
};
use frame_system::RawOrigin;
use guilian_primitives::{AreaCode, Severity};
use sp_core::H256;
use sp_runtime::traits::Saturating;

const AREA: AreaCode = AreaCode(450103);

/// CNY in yuan.
fn yuan<T: Config>(n: u32) -> BalanceOf<T> {
	BalanceOf::<T>::from(n).saturating_mul(100u32.into())
}

struct World<T: Config> {
	regulator: T::AccountId,
	merchant: T::AccountId,
	consumer: T::AccountId,
	mediators: [T::AccountId; 4],
	card: Option<u64>,
}

/// A regulator, a merchant, a consumer holding a card of 300 CNY (where the runtime has cards),
/// four mediators of the area, everyone with deposits to spare.
fn world<T: Config>() -> World<T> {
	let regulator: T::AccountId = account("regulator", 0, 0);
	let merchant: T::AccountId = account("merchant", 0, 0);
	let consumer: T::AccountId = account("consumer", 0, 0);
	T::BenchmarkHelper::setup(&regulator, &merchant, &consumer, AREA, yuan::<T>(100_000));
	let plenty = T::ComplaintDeposit::get()
		.saturating_add(T::AppealDeposit::get())
		.saturating_mul(100u32.into())
		.saturating_add(<T::NativeBalance as frame_support::traits::fungible::Inspect<_>>::minimum_balance());
	let mediators = [0, 1, 2, 3].map(|i| {
		let mediator: T::AccountId = account("mediator", i, 0);
		Pallet::<T>::do_appoint_mediator(regulator.clone(), mediator.clone(), AREA)
			.expect("the regulator covers its own jurisdiction");
		mediator
	});
	for who in [&merchant, &consumer] {
		T::NativeBalance::set_balance(who, plenty);
	}
	let card = T::BenchmarkHelper::card(&merchant, &consumer, yuan::<T>(300));
	World { regulator, merchant, consumer, mediators, card }
}

fn reference(card: Option<u64>) -> Reference {
	card.map_or(Reference::Order(H256::repeat_byte(1)), Reference::Card)
}

fn evidence(n: u8) -> Evidence {
	Evidence {
		hash: H256::repeat_byte(n),
		uri: BoundedVec::try_from(alloc::vec![b'x'; MAX_URI_LEN as usize]).expect("MAX_URI_LEN bytes fit"),
	}
}

/// A complaint claiming 500 CNY about the world's card (or an order).
fn filed<T: Config>(w: &World<T>) -> ComplaintId {
	Pallet::<T>::do_file(
		w.consumer.clone(),
		w.merchant.clone(),
		ComplaintCategory::PrepaidRefundRefused,
		reference(w.card),
		yuan::<T>(500),
		evidence(1),
	)
	.expect("a verified consumer files about a registered merchant")
}

/// The complaint, contested and taken by mediator 0.
fn in_mediation<T: Config>(w: &World<T>) -> ComplaintId {
	let id = filed(w);
	Pallet::<T>::do_contest(w.merchant.clone(), id, evidence(2)).expect("in the window");
	Pallet::<T>::do_take_case(w.mediators[0].clone(), id).expect("a mediator of the area");
	id
}

/// The complaint in mediation with every evidence slot of both parties used: the longest
/// history a ruling appends to.
fn in_mediation_full<T: Config>(w: &World<T>) -> ComplaintId {
	let id = in_mediation(w);
	let most = T::MaxEvidencePerParty::get();
	for _ in 1..most {
		Pallet::<T>::do_add_evidence(w.merchant.clone(), id, evidence(3)).expect("room left");
		Pallet::<T>::do_add_evidence(w.consumer.clone(), id, evidence(4)).expect("room left");
	}
	id
}

fn upheld<T: Config>(refund: BalanceOf<T>) -> Ruling<BalanceOf<T>> {
	Ruling { outcome: Outcome::Upheld, refund, breach: Some(Severity::Serious), reasons: H256::repeat_byte(9) }
}

fn rejected<T: Config>() -> Ruling<BalanceOf<T>> {
	Ruling { outcome: Outcome::Rejected, refund: 0u32.into(), breach: None, reasons: H256::repeat_byte(8) }
}

/// The complaint (with a full history) ruled rejected by mediator 0 and appealed by the
/// consumer.
fn under_appeal<T: Config>(w: &World<T>) -> ComplaintId {
	let id = in_mediation_full(w);
	Pallet::<T>::do_rule(w.mediators[0].clone(), id, rejected::<T>()).expect("the case's mediator");
	Pallet::<T>::do_appeal(w.consumer.clone(), id).expect("within the window");
	id
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn file_complaint() {
		let w = world::<T>();
		#[extrinsic_call]
		_(
			RawOrigin::Signed(w.consumer.clone()),
			w.merchant.clone(),
			ComplaintCategory::PrepaidRefundRefused,
			reference(w.card),
			yuan::<T>(500),
			evidence(1),
		);
		assert_eq!(Stats::<T>::get(&w.merchant).filed, 1);
	}

	#[benchmark]
	fn settle() {
		let w = world::<T>();
		let id = filed(&w);
		#[extrinsic_call]
		_(RawOrigin::Signed(w.merchant.clone()), id);
		assert_eq!(Complaints::<T>::get(id).map(|c| c.status), Some(ComplaintStatus::Settled));
	}

	#[benchmark]
	fn contest() {
		let w = world::<T>();
		let id = filed(&w);
		#[extrinsic_call]
		_(RawOrigin::Signed(w.merchant.clone()), id, evidence(2));
		assert_eq!(Complaints::<T>::get(id).map(|c| c.status), Some(ComplaintStatus::InMediation));
	}

	#[benchmark]
	fn escalate() {
		let w = world::<T>();
		let id = filed(&w);
		T::BenchmarkHelper::set_time(Pallet::<T>::now().saturating_add(T::ResponseWindow::get()));
		#[extrinsic_call]
		_(RawOrigin::Signed(w.regulator.clone()), id);
		assert_eq!(Complaints::<T>::get(id).map(|c| c.status), Some(ComplaintStatus::InMediation));
	}

	#[benchmark]
	fn withdraw() {
		let w = world::<T>();
		let id = filed(&w);
		#[extrinsic_call]
		_(RawOrigin::Signed(w.consumer.clone()), id);
		assert_eq!(Complaints::<T>::get(id).map(|c| c.status), Some(ComplaintStatus::Withdrawn));
	}

	#[benchmark]
	fn appoint_mediator() {
		let w = world::<T>();
		let mediator: T::AccountId = account("mediator", 9, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(w.regulator.clone()), mediator.clone(), AREA);
		assert!(Mediators::<T>::contains_key(&mediator));
	}

	#[benchmark]
	fn dismiss_mediator() {
		let w = world::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(w.regulator.clone()), w.mediators[3].clone());
		assert!(!Mediators::<T>::contains_key(&w.mediators[3]));
	}

	#[benchmark]
	fn take_case() {
		let w = world::<T>();
		let id = filed(&w);
		Pallet::<T>::do_contest(w.merchant.clone(), id, evidence(2)).expect("in the window");
		#[extrinsic_call]
		_(RawOrigin::Signed(w.mediators[0].clone()), id);
		assert!(Complaints::<T>::get(id).is_some_and(|c| c.mediator.is_some()));
	}

	#[benchmark]
	fn add_evidence() {
		let w = world::<T>();
		let id = in_mediation(&w);
		// Both parties but the last item of evidence: the longest history to append to.
		let most = T::MaxEvidencePerParty::get();
		for _ in 1..most {
			Pallet::<T>::do_add_evidence(w.merchant.clone(), id, evidence(3)).expect("room left");
		}
		for _ in 2..most {
			Pallet::<T>::do_add_evidence(w.consumer.clone(), id, evidence(4)).expect("room left");
		}
		#[extrinsic_call]
		_(RawOrigin::Signed(w.consumer.clone()), id, evidence(5));
		assert_eq!(Complaints::<T>::get(id).map(|c| c.evidence_count), Some((most, most)));
	}

	#[benchmark]
	fn rule() {
		let w = world::<T>();
		let id = in_mediation_full(&w);
		// 300 CNY from the card's escrow, 200 CNY from the merchant, and a breach.
		let ruling = upheld::<T>(yuan::<T>(500));
		#[extrinsic_call]
		_(RawOrigin::Signed(w.mediators[0].clone()), id, ruling);
		assert_eq!(Complaints::<T>::get(id).map(|c| c.refunded), Some(yuan::<T>(500)));
	}

	#[benchmark]
	fn appeal() {
		let w = world::<T>();
		let id = in_mediation(&w);
		Pallet::<T>::do_rule(w.mediators[0].clone(), id, rejected::<T>()).expect("the case's mediator");
		#[extrinsic_call]
		_(RawOrigin::Signed(w.consumer.clone()), id);
		assert_eq!(Complaints::<T>::get(id).map(|c| c.status), Some(ComplaintStatus::UnderAppeal));
	}

	#[benchmark]
	fn vote_on_appeal() {
		let w = world::<T>();
		let id = under_appeal(&w);
		let ruling = upheld::<T>(yuan::<T>(500));
		Pallet::<T>::do_vote(w.mediators[1].clone(), id, ruling).expect("a panel member");
		// The deciding vote: tops the refund up from escrow and merchant, records the breach,
		// returns the appeal deposit.
		#[extrinsic_call]
		_(RawOrigin::Signed(w.mediators[2].clone()), id, ruling);
		assert_eq!(Complaints::<T>::get(id).map(|c| c.status), Some(ComplaintStatus::Closed));
	}

	#[benchmark]
	fn finalize() {
		let w = world::<T>();
		let id = under_appeal(&w);
		T::BenchmarkHelper::set_time(Pallet::<T>::now().saturating_add(T::DecisionWindow::get()));
		#[extrinsic_call]
		_(RawOrigin::Signed(w.regulator.clone()), id);
		assert_eq!(Complaints::<T>::get(id).map(|c| c.status), Some(ComplaintStatus::Closed));
	}

	#[benchmark]
	fn review() {
		let w = world::<T>();
		let id = filed(&w);
		Pallet::<T>::do_settle(w.merchant.clone(), id).expect("the merchant can pay");
		// A refunded card (where the runtime has cards) reads the most.
		let transaction = w.card.map_or(Transaction::Complaint(id), Transaction::Card);
		#[extrinsic_call]
		_(RawOrigin::Signed(w.consumer.clone()), transaction, 4, H256::repeat_byte(7));
		assert_eq!(Stats::<T>::get(&w.merchant).ratings, 1);
	}

	/// One step of the `on_idle` sweep: an appeal that lapses (two deposits released).
	#[benchmark]
	fn sweep_step() {
		let w = world::<T>();
		let id = under_appeal(&w);
		T::BenchmarkHelper::set_time(Pallet::<T>::now().saturating_add(T::DecisionWindow::get()));
		// The response and appeal queues hold entries that are no longer waiting; empty them so
		// that the step measured is the lapse.
		for kind in [Deadline::Response, Deadline::Appeal] {
			let (_, tail) = QueueBounds::<T>::get(kind);
			QueueBounds::<T>::insert(kind, (tail, tail));
		}
		#[block]
		{
			Pallet::<T>::sweep(Weight::MAX);
		}
		assert_eq!(Complaints::<T>::get(id).map(|c| c.status), Some(ComplaintStatus::Closed));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
