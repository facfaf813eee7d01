//! Benchmarks of the collectibles pallet (v2), each in its worst case.

use super::*;
use crate::types::*;
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{
		fungible::Mutate as NativeMutate,
		fungibles::Mutate as CnyMutate,
		Get,
	},
	BoundedVec,
};
use frame_system::RawOrigin;
use sp_core::H256;
use sp_runtime::traits::Bounded;

const SEED: u32 = 0;
const DAY_MS: u64 = 24 * 60 * 60 * 1000;

/// Gives `who` plenty of GXC (for pallet-nfts deposits) and CNY.
fn endow<T: Config>(who: &T::AccountId) {
	let native = NativeBalanceOf::<T>::max_value() / 1_000_000u32.into();
	let _ = T::NativeCurrency::set_balance(who, native);
	let _ = T::Currency::mint_into(T::CnyAsset::get(), who, 100_000_000u32.into());
}

/// A licensed issuer with funds.
fn issuer<T: Config>() -> T::AccountId {
	let issuer: T::AccountId = account("issuer", 0, SEED);
	T::BenchmarkHelper::register_tourism_merchant(&issuer);
	endow::<T>(&issuer);
	Pallet::<T>::do_license_issuer(&T::BenchmarkHelper::regulator(), issuer.clone())
		.expect("the helper's regulator covers the helper's merchants");
	issuer
}

/// A verified consumer with funds.
fn consumer<T: Config>(who: &T::AccountId) {
	T::BenchmarkHelper::verify_consumer(who);
	endow::<T>(who);
}

/// The longest texts, a benefit, the largest supply, sales open now.
fn params<T: Config>() -> SeriesParamsOf<T> {
	let text = || BoundedVec::truncate_from(alloc::vec![b'x'; T::StringLimit::get() as usize]);
	let now = Pallet::<T>::now_ms();
	SeriesParams {
		title: text(),
		heritage_site: text(),
		ethnic_group: text(),
		area: T::BenchmarkHelper::area(),
		description: H256::repeat_byte(1),
		image_uri: text(),
		certificate: H256::repeat_byte(2),
		max_supply: T::MaxSupply::get(),
		price: 10_000u32.into(),
		sale_start: now,
		sale_end: now.saturating_add(30 * DAY_MS),
		per_buyer_limit: T::MaxSupply::get(),
		holding_days: None,
		benefit: Some(Benefit {
			description: H256::repeat_byte(3),
			valid_until: now.saturating_add(365 * DAY_MS),
		}),
	}
}

fn series<T: Config>(issuer: &T::AccountId) -> SeriesId {
	Pallet::<T>::do_create_series(issuer.clone(), params::<T>()).expect("series")
}

/// An item of a new series bought by `holder`, whose history is filled to `len` entries.
fn item<T: Config>(holder: &T::AccountId, len: u32) -> (SeriesId, ItemId) {
	let issuer = issuer::<T>();
	let id = series::<T>(&issuer);
	let item = Pallet::<T>::do_buy(holder.clone(), id).expect("bought");
	Items::<T>::mutate(id, item, |entry| {
		if let Some(entry) = entry {
			while (entry.history.len() as u32) < len {
				let step = ProvenanceEntry {
					event: Provenance::Gifted { from: holder.clone(), to: holder.clone() },
					at: 0,
					block: frame_system::Pallet::<T>::block_number(),
				};
				if entry.history.try_push(step).is_err() {
					break;
				}
			}
		}
	});
	(id, item)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn license_issuer() {
		let merchant: T::AccountId = account("merchant", 0, SEED);
		T::BenchmarkHelper::register_tourism_merchant(&merchant);
		let regulator = T::BenchmarkHelper::regulator();
		#[extrinsic_call]
		_(RawOrigin::Signed(regulator), merchant.clone());
		assert!(Issuers::<T>::contains_key(&merchant));
	}

	#[benchmark]
	fn revoke_issuer() {
		let issuer = issuer::<T>();
		let regulator = T::BenchmarkHelper::regulator();
		#[extrinsic_call]
		_(RawOrigin::Signed(regulator), issuer.clone());
		assert!(!Issuers::<T>::contains_key(&issuer));
	}

	#[benchmark]
	fn add_staff() {
		let issuer = issuer::<T>();
		let staff: T::AccountId = account("staff", 0, SEED);
		#[extrinsic_call]
		_(RawOrigin::Signed(issuer.clone()), staff.clone());
		assert_eq!(Staff::<T>::get(&staff), Some(issuer));
	}

	#[benchmark]
	fn remove_staff() {
		let issuer = issuer::<T>();
		let staff: T::AccountId = account("staff", 0, SEED);
		Pallet::<T>::do_add_staff(issuer.clone(), staff.clone()).expect("staff");
		#[extrinsic_call]
		_(RawOrigin::Signed(issuer), staff.clone());
		assert!(!Staff::<T>::contains_key(&staff));
	}

	#[benchmark]
	fn create_series() {
		// Worst case: the longest texts, and the pallet account is topped up first.
		let issuer = issuer::<T>();
		let _ = T::NativeCurrency::set_balance(&Pallet::<T>::account_id(), 0u32.into());
		let params = params::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(issuer), params);
		assert_eq!(NextSeriesId::<T>::get(), 1);
	}

	#[benchmark]
	fn buy() {
		let issuer = issuer::<T>();
		let id = series::<T>(&issuer);
		let buyer: T::AccountId = account("buyer", 0, SEED);
		consumer::<T>(&buyer);
		// Worst case: the buyer already bought, so its counter is read and rewritten.
		Pallet::<T>::do_buy(buyer.clone(), id).expect("first purchase");
		#[extrinsic_call]
		_(RawOrigin::Signed(buyer.clone()), id);
		assert_eq!(Purchases::<T>::get(id, &buyer), 2);
	}

	#[benchmark]
	fn gift() {
		let holder: T::AccountId = account("holder", 0, SEED);
		consumer::<T>(&holder);
		// Worst case: the longest history that still leaves room for the pending redemption.
		let (id, item) = item::<T>(&holder, T::MaxHistory::get().saturating_sub(2));
		// The clock cannot be moved from here: the holding period ends now instead.
		Series::<T>::mutate(id, |s| {
			if let Some(s) = s {
				s.holding_period = 0;
			}
		});
		let to: T::AccountId = account("recipient", 0, SEED);
		consumer::<T>(&to);
		#[extrinsic_call]
		_(RawOrigin::Signed(holder), id, item, to.clone());
		assert_eq!(Items::<T>::get(id, item).map(|i| i.holder), Some(to));
	}

	#[benchmark]
	fn redeem() {
		let holder: T::AccountId = account("holder", 0, SEED);
		consumer::<T>(&holder);
		let (id, item) = item::<T>(&holder, T::MaxHistory::get().saturating_sub(1));
		#[extrinsic_call]
		_(RawOrigin::Signed(holder), id, item);
		assert!(Items::<T>::get(id, item).is_some_and(|i| i.redeemed_at.is_some()));
	}

	#[benchmark]
	fn redeem_for() {
		let (public, holder) = T::BenchmarkHelper::signer();
		consumer::<T>(&holder);
		let (id, item) = item::<T>(&holder, T::MaxHistory::get().saturating_sub(1));
		// Worst case: a staff account, not the issuer itself.
		let issuer = Series::<T>::get(id).map(|s| s.issuer).expect("series");
		let staff: T::AccountId = account("staff", 0, SEED);
		Pallet::<T>::do_add_staff(issuer, staff.clone()).expect("staff");
		let payload = Pallet::<T>::redeem_signing_payload(id, item).expect("item");
		let signature = T::BenchmarkHelper::sign(&public, &payload);
		#[extrinsic_call]
		_(RawOrigin::Signed(staff), id, item, signature);
		assert!(Items::<T>::get(id, item).is_some_and(|i| i.redeemed_at.is_some()));
	}

	#[benchmark]
	fn suspend_series() {
		let issuer = issuer::<T>();
		let id = series::<T>(&issuer);
		let regulator = T::BenchmarkHelper::regulator();
		#[extrinsic_call]
		_(RawOrigin::Signed(regulator), id, H256::repeat_byte(9));
		assert_eq!(Series::<T>::get(id).map(|s| s.suspended), Some(true));
	}

	#[benchmark]
	fn resume_series() {
		let issuer = issuer::<T>();
		let id = series::<T>(&issuer);
		let regulator = T::BenchmarkHelper::regulator();
		Pallet::<T>::do_set_suspended(regulator.clone(), id, Some(H256::zero())).expect("suspended");
		#[extrinsic_call]
		_(RawOrigin::Signed(regulator), id);
		assert_eq!(Series::<T>::get(id).map(|s| s.suspended), Some(false));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
