//! Benchmarks of the credit pallet (v2), each in its worst case.

use super::*;
use crate::types::*;
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{EnsureOrigin, Get},
	BoundedVec,
};
use frame_system::RawOrigin;
use guilian_primitives::{AreaCode, MerchantCategory, MerchantStatus, Severity};
use sp_core::H256;

const NANNING: AreaCode = AreaCode(450100);
const DAY: u64 = 24 * 60 * 60 * 1000;

fn regulator<T: Config>() -> T::AccountId {
	let who: T::AccountId = account("regulator", 0, 0);
	if !Regulators::<T>::contains_key(&who) {
		Pallet::<T>::do_appoint_regulator(
			who.clone(),
			NANNING,
			RegulatorDomains(RegulatorDomains::ALL),
		)
		.expect("benchmark regulator");
	}
	who
}

fn long_name<T: Config>() -> BoundedVec<u8, T::MaxNameLength> {
	BoundedVec::try_from(alloc::vec![b'n'; T::MaxNameLength::get() as usize]).expect("fits")
}

/// A distinct licence hash per merchant index.
fn licence_hash(index: u32) -> H256 {
	let mut bytes = [0xa5u8; 32];
	bytes[..4].copy_from_slice(&index.to_le_bytes());
	H256(bytes)
}

fn merchant<T: Config>(index: u32) -> T::AccountId {
	let by = regulator::<T>();
	let who: T::AccountId = account("merchant", index, 0);
	Pallet::<T>::do_register_merchant(
		&by,
		who.clone(),
		licence_hash(index),
		long_name::<T>(),
		MerchantCategory::Fitness,
		NANNING,
		0,
	)
	.expect("benchmark merchant");
	who
}

fn terms<T: Config>() -> CommitmentTerms {
	let now = Pallet::<T>::now_ms();
	CommitmentTerms {
		kind: CommitmentKind::Refund,
		content_hash: H256::repeat_byte(7),
		valid_from: now,
		valid_until: now.saturating_add(T::MaxCommitmentDuration::get()),
	}
}

/// A full recent-events list, so that the next event archives the oldest (the worst case).
fn full_record<T: Config>(who: &T::AccountId) {
	let mut record = CreditRecord::<T::MaxRecentEvents>::default();
	for _ in 0..T::MaxRecentEvents::get() {
		record
			.recent
			.try_push(CreditEvent {
				kind: CreditEventKind::Fulfilment,
				at: 0,
				evidence: H256::zero(),
			})
			.expect("within the bound");
	}
	record.fulfilments = T::MaxRecentEvents::get();
	CreditRecords::<T>::insert(who, record);
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn appoint_regulator() -> Result<(), BenchmarkError> {
		let origin = T::CouncilOrigin::try_successful_origin()
			.map_err(|_| BenchmarkError::Weightless)?;
		let who: T::AccountId = account("new", 0, 0);
		let domains = RegulatorDomains(RegulatorDomains::ALL);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone(), NANNING, domains);
		assert!(Regulators::<T>::contains_key(&who));
		Ok(())
	}

	#[benchmark]
	fn remove_regulator() -> Result<(), BenchmarkError> {
		let origin = T::CouncilOrigin::try_successful_origin()
			.map_err(|_| BenchmarkError::Weightless)?;
		let who = regulator::<T>();
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone());
		assert!(!Regulators::<T>::contains_key(&who));
		Ok(())
	}

	#[benchmark]
	fn register_merchant() {
		let by = regulator::<T>();
		let who: T::AccountId = account("merchant", 0, 0);
		#[extrinsic_call]
		_(
			RawOrigin::Signed(by),
			who.clone(),
			licence_hash(u32::MAX),
			long_name::<T>(),
			MerchantCategory::Education,
			NANNING,
			0,
		);
		assert!(Merchants::<T>::contains_key(&who));
	}

	#[benchmark]
	fn set_merchant_status() {
		let who = merchant::<T>(0);
		let by = regulator::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(by), who.clone(), MerchantStatus::Suspended, H256::repeat_byte(2));
		assert_eq!(Merchants::<T>::get(&who).map(|m| m.status), Some(MerchantStatus::Suspended));
	}

	#[benchmark]
	fn verify_consumer() {
		let by = regulator::<T>();
		let who: T::AccountId = account("consumer", 0, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(by), who.clone(), H256::repeat_byte(3));
		assert!(Consumers::<T>::contains_key(&who));
	}

	#[benchmark]
	fn revoke_consumer() {
		let by = regulator::<T>();
		let who: T::AccountId = account("consumer", 0, 0);
		Pallet::<T>::do_verify_consumer(&by, who.clone(), H256::repeat_byte(3)).expect("verified");
		// Worst case: the consumer holds the card, which goes with the verification.
		CreditCards::<T>::insert(&who, frame_system::Pallet::<T>::block_number());
		CardHolderCount::<T>::put(1);
		#[extrinsic_call]
		_(RawOrigin::Signed(by), who.clone(), H256::repeat_byte(4));
		assert!(!Consumers::<T>::contains_key(&who));
	}

	#[benchmark]
	fn make_commitment() {
		let who = merchant::<T>(0);
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), terms::<T>());
		assert_eq!(CommitmentCount::<T>::get(&who), 1);
	}

	#[benchmark]
	fn relay_commitment() {
		let (public, subject) = T::BenchmarkHelper::signer();
		let by = regulator::<T>();
		Pallet::<T>::do_register_merchant(
			&by,
			subject.clone(),
			H256::repeat_byte(9),
			long_name::<T>(),
			MerchantCategory::Fitness,
			NANNING,
			0,
		)
		.expect("merchant");
		let payload = RelayedCommitment { subject: subject.clone(), terms: terms::<T>(), nonce: 0 };
		let signature =
			T::BenchmarkHelper::sign(&public, &Pallet::<T>::relay_signing_payload(&payload));
		let relayer: T::AccountId = whitelisted_caller();
		#[extrinsic_call]
		_(RawOrigin::Signed(relayer), payload, signature);
		assert_eq!(RelayNonce::<T>::get(&subject), 1);
	}

	#[benchmark]
	fn countersign_commitment() {
		let who = merchant::<T>(0);
		Pallet::<T>::do_make_commitment(who, terms::<T>(), None).expect("commitment");
		let by = regulator::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(by.clone()), 0);
		assert_eq!(Commitments::<T>::get(0).and_then(|c| c.countersigned_by), Some(by));
	}

	#[benchmark]
	fn record_fulfilment() {
		let who = merchant::<T>(0);
		Pallet::<T>::do_make_commitment(who.clone(), terms::<T>(), None).expect("commitment");
		full_record::<T>(&who);
		let by = regulator::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(by), who.clone(), Some(0), H256::repeat_byte(5));
		assert_eq!(Commitments::<T>::get(0).map(|c| c.fulfilments), Some(1));
	}

	#[benchmark]
	fn record_breach() {
		let who = merchant::<T>(0);
		Pallet::<T>::do_make_commitment(who.clone(), terms::<T>(), None).expect("commitment");
		full_record::<T>(&who);
		// Worst case: the breach blacklists the merchant (its archived points already sink it).
		CreditRecords::<T>::mutate(&who, |record| {
			if let Some(record) = record {
				record.archived_points = -1000;
			}
		});
		let by = regulator::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(by), who.clone(), Some(0), Severity::Critical, H256::repeat_byte(6));
		assert_eq!(Merchants::<T>::get(&who).map(|m| m.status), Some(MerchantStatus::Blacklisted));
	}

	#[benchmark]
	fn publish_discounts() {
		let who = merchant::<T>(0);
		let max = T::MaxCardDiscount::get();
		let discounts = TierDiscounts { tier_a: max, tier_b: max };
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), discounts);
		assert_eq!(Discounts::<T>::get(&who), Some(discounts));
	}

	#[benchmark]
	fn take_credit_card() {
		let who = merchant::<T>(0);
		// Worst case: a full record to score.
		full_record::<T>(&who);
		let now = Pallet::<T>::now_ms();
		CreditRecords::<T>::mutate(&who, |record| {
			if let Some(record) = record {
				for event in record.recent.iter_mut() {
					event.at = now.saturating_sub(DAY);
				}
				record.archived_points = 1000;
			}
		});
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()));
		assert!(CreditCards::<T>::contains_key(&who));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
