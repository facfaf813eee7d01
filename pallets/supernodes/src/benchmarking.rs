//! Benchmarks of the supernode pallet, each in its worst case: the validator set full (every
//! validator with keys, so that minimum checks read them all), full bounded lists, the longest
//! anchor batch linked to a stored anchor, a work order that suspends a merchant.

use super::*;
use crate::types::*;
use alloc::{vec, vec::Vec};
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{EnsureOrigin, Get},
	BoundedVec,
};
use frame_system::RawOrigin;
use guilian_primitives::AreaCode;
use sp_core::H256;

const AREA: AreaCode = AreaCode(450103);

/// A distinct hash for each height (big-endian in the last 8 bytes).
fn hash_of_height(height: u64) -> H256 {
	let mut bytes = [0u8; 32];
	bytes[24..].copy_from_slice(&height.to_be_bytes());
	H256(bytes)
}

fn council<T: Config>() -> T::RuntimeOrigin {
	T::CouncilOrigin::try_successful_origin().expect("the council origin can be built for benchmarks")
}

fn label<T: Config>() -> BoundedVec<u8, T::MaxLabelLen> {
	BoundedVec::try_from(vec![b'x'; T::MaxLabelLen::get() as usize]).expect("MaxLabelLen bytes fit")
}

fn name<T: Config>() -> BoundedVec<u8, T::MaxNameLen> {
	BoundedVec::try_from(vec![b'n'; T::MaxNameLen::get() as usize]).expect("MaxNameLen bytes fit")
}

/// Fills the validator set up to `MaxValidators - room` validators with keys, in new supernodes
/// of full validator lists (the last may be partial), leaving room for one more supernode;
/// returns the new operators.
fn validators<T: Config>(room: u32) -> Vec<T::AccountId> {
	let per = T::MaxValidatorsPerSupernode::get().max(1);
	let mut left = T::MaxValidators::get().saturating_sub(room).saturating_sub(ValidatorCount::<T>::get());
	let mut operators = Vec::new();
	let mut i = 0u32;
	while left > 0 && SupernodeCount::<T>::get().saturating_add(1) < T::MaxSupernodes::get() {
		let operator: T::AccountId = account("operator", i, 0);
		let n = left.min(per);
		let list: Vec<T::AccountId> = (0..n)
			.map(|j| {
				let v: T::AccountId = account("validator", i * per + j, 0);
				T::BenchmarkHelper::set_keys(&v);
				v
			})
			.collect();
		Pallet::<T>::do_add_supernode(
			operator.clone(),
			name::<T>(),
			AREA,
			BoundedVec::try_from(list).expect("at most MaxValidatorsPerSupernode"),
		)
		.expect("a fresh supernode");
		operators.push(operator);
		left -= n;
		i += 1;
	}
	operators
}

/// A supernode with one validator (with keys) and room for more.
fn small_supernode<T: Config>() -> (T::AccountId, T::AccountId) {
	let operator: T::AccountId = account("small", 0, 0);
	let validator: T::AccountId = account("small-validator", 0, 0);
	T::BenchmarkHelper::set_keys(&validator);
	Pallet::<T>::do_add_supernode(
		operator.clone(),
		name::<T>(),
		AREA,
		BoundedVec::try_from(vec![validator.clone()]).expect("one fits"),
	)
	.expect("a fresh supernode");
	(operator, validator)
}

fn gateways<T: Config>() -> BoundedVec<T::AccountId, T::MaxGateways> {
	let list: Vec<T::AccountId> = (0..T::MaxGateways::get()).map(|i| account("gateway", i, 0)).collect();
	BoundedVec::try_from(list).expect("MaxGateways gateways")
}

/// A pending application (ac `AB01`) with the most gateways; returns it and its operator.
fn pending<T: Config>() -> (SubChainId, T::AccountId) {
	let operator: T::AccountId = account("backbone", 0, 0);
	T::BenchmarkHelper::fund(&operator);
	let id = Pallet::<T>::do_apply(operator.clone(), *b"AB01", label::<T>(), label::<T>(), AREA, gateways::<T>())
		.expect("a funded operator applies");
	(id, operator)
}

fn approved<T: Config>() -> SubChainId {
	let (id, _) = pending::<T>();
	Pallet::<T>::do_approve(id, None).expect("a pending application");
	id
}

fn record(height: u64) -> AnchorRecord {
	AnchorRecord {
		height,
		block_hash: hash_of_height(height),
		parent_hash: hash_of_height(height.saturating_sub(1)),
		tx_count: 100,
		time: height,
		size: 1_000_000,
	}
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn add_supernode(v: Linear<0, { T::MaxValidatorsPerSupernode::get() }>) {
		validators::<T>(v);
		let operator: T::AccountId = account("new", 0, 0);
		let list: Vec<T::AccountId> = (0..v).map(|j| account("new-validator", j, 0)).collect();
		let list = BoundedVec::try_from(list).expect("at most MaxValidatorsPerSupernode");
		let origin = council::<T>();
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, operator.clone(), name::<T>(), AREA, list);
		assert!(Supernodes::<T>::contains_key(&operator));
	}

	#[benchmark]
	fn remove_supernode() {
		// A supernode with a full list: its validators leave, the rest are read for the minimum.
		let operators = validators::<T>(0);
		let operator = match operators.first() {
			Some(operator) => operator.clone(),
			None => small_supernode::<T>().0,
		};
		let origin = council::<T>();
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, operator.clone());
		assert!(!Supernodes::<T>::contains_key(&operator));
	}

	#[benchmark]
	fn add_validator() {
		validators::<T>(2);
		let (operator, _) = small_supernode::<T>();
		let validator: T::AccountId = account("added", 0, 0);
		T::BenchmarkHelper::set_keys(&validator);
		let origin = council::<T>();
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, operator, validator.clone());
		assert!(ValidatorOf::<T>::contains_key(&validator));
	}

	#[benchmark]
	fn remove_validator() {
		validators::<T>(1);
		let (operator, validator) = small_supernode::<T>();
		let origin = council::<T>();
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, operator, validator.clone());
		assert!(!ValidatorOf::<T>::contains_key(&validator));
	}

	#[benchmark]
	fn replace_validator() {
		validators::<T>(1);
		let (operator, old) = small_supernode::<T>();
		let new: T::AccountId = account("replacement", 0, 0);
		T::BenchmarkHelper::set_keys(&new);
		let origin = council::<T>();
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, operator, old.clone(), new.clone());
		assert!(ValidatorOf::<T>::contains_key(&new));
	}

	#[benchmark]
	fn set_session_length() {
		let origin = council::<T>();
		let blocks: frame_system::pallet_prelude::BlockNumberFor<T> = 42u32.into();
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, blocks);
		assert_eq!(SessionLength::<T>::get(), blocks);
	}

	#[benchmark]
	fn set_chain_ac_code() {
		let origin = council::<T>();
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, Some(*b"gx01"));
		assert_eq!(ChainAcCode::<T>::get(), Some(AcCode(*b"GX01")));
	}

	#[benchmark]
	fn apply_subchain(g: Linear<1, { T::MaxGateways::get() }>) {
		let operator: T::AccountId = account("backbone", 0, 0);
		T::BenchmarkHelper::fund(&operator);
		let list: Vec<T::AccountId> = (0..g).map(|i| account("gateway", i, 0)).collect();
		let list = BoundedVec::try_from(list).expect("at most MaxGateways");
		#[extrinsic_call]
		_(RawOrigin::Signed(operator), *b"ab01", label::<T>(), label::<T>(), AREA, list);
		assert!(SubChains::<T>::contains_key(0));
	}

	#[benchmark]
	fn approve_subchain() {
		let (id, _) = pending::<T>();
		let origin = council::<T>();
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id, Some(*b"cd02"));
		assert_eq!(SubChainByAc::<T>::get(AcCode(*b"CD02")), Some(id));
	}

	#[benchmark]
	fn reject_subchain() {
		let (id, _) = pending::<T>();
		let origin = council::<T>();
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id);
		assert!(!SubChains::<T>::contains_key(id));
	}

	#[benchmark]
	fn suspend_subchain() {
		let id = approved::<T>();
		let origin = council::<T>();
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id);
		assert_eq!(SubChains::<T>::get(id).map(|s| s.status), Some(SubChainStatus::Suspended));
	}

	#[benchmark]
	fn resume_subchain() {
		let id = approved::<T>();
		Pallet::<T>::do_suspend(id).expect("approved");
		let origin = council::<T>();
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id);
		assert_eq!(SubChains::<T>::get(id).map(|s| s.status), Some(SubChainStatus::Approved));
	}

	#[benchmark]
	fn anchor(n: Linear<1, { T::MaxAnchorBatch::get() }>) {
		let id = approved::<T>();
		// The last gateway (the longest search), after a stored anchor (the link is checked).
		let gateway = gateways::<T>().last().cloned().expect("MaxGateways is at least one");
		Pallet::<T>::do_anchor(gateway.clone(), id, vec![record(1000)]).expect("a first anchor");
		let batch: Vec<AnchorRecord> = (1..=u64::from(n)).map(|i| record(1000 + i)).collect();
		#[extrinsic_call]
		_(RawOrigin::Signed(gateway), id, batch);
		assert_eq!(Anchors::<T>::get(id).map(|a| a.latest.height), Some(1000 + u64::from(n)));
	}

	#[benchmark]
	fn register_bid() {
		let who: T::AccountId = account("holder", 0, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), KeyType::Sr25519);
		assert_eq!(BidKeyTypes::<T>::get(&who), Some(KeyType::Sr25519));
	}

	#[benchmark]
	fn raise_work_order() {
		let regulator: T::AccountId = account("regulator", 0, 0);
		let merchant: T::AccountId = account("merchant", 0, 0);
		T::BenchmarkHelper::subjects(&regulator, &merchant, AREA);
		#[extrinsic_call]
		_(RawOrigin::Signed(regulator), WorkOrderTarget::Subject(merchant), WorkOrderKind::LargeTransaction, H256::repeat_byte(1));
		assert!(WorkOrders::<T>::contains_key(0));
	}

	#[benchmark]
	fn dispose_work_order() {
		let regulator: T::AccountId = account("regulator", 0, 0);
		let merchant: T::AccountId = account("merchant", 0, 0);
		T::BenchmarkHelper::subjects(&regulator, &merchant, AREA);
		let order = Pallet::<T>::do_raise(
			Raiser::Regulator(regulator),
			WorkOrderTarget::Subject(merchant),
			WorkOrderKind::LargeTransaction,
			H256::repeat_byte(1),
		)
		.expect("a regulator of the merchant's area");
		let origin = council::<T>();
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, order, Disposal::Disable);
		assert_eq!(WorkOrders::<T>::get(order).and_then(|o| o.disposal), Some(Disposal::Disable));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
