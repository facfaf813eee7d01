//! Weights for `pallet_collectibles`.
//!
//! NOT GENERATED YET: these figures are estimates from each call's storage accesses, to be
//! replaced by `scripts/benchmark-pallets.sh pallet_collectibles` (which overwrites this file)
//! before the pallet ships. Do not merge them as measured weights.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::ParityDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed by `pallet_collectibles`.
pub trait WeightInfo {
	fn license_issuer() -> Weight;
	fn revoke_issuer() -> Weight;
	fn add_staff() -> Weight;
	fn remove_staff() -> Weight;
	fn create_series() -> Weight;
	fn buy() -> Weight;
	fn gift() -> Weight;
	fn redeem() -> Weight;
	fn redeem_for() -> Weight;
	fn suspend_series() -> Weight;
	fn resume_series() -> Weight;
}

/// Weights for `pallet_collectibles` with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn license_issuer() -> Weight {
		Weight::from_parts(25_000_000, 0)
			.saturating_add(Weight::from_parts(0, 4_000))
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn revoke_issuer() -> Weight {
		Weight::from_parts(20_000_000, 0)
			.saturating_add(Weight::from_parts(0, 3_600))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn add_staff() -> Weight {
		Weight::from_parts(24_000_000, 0)
			.saturating_add(Weight::from_parts(0, 4_000))
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn remove_staff() -> Weight {
		Weight::from_parts(14_000_000, 0)
			.saturating_add(Weight::from_parts(0, 3_550))
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn create_series() -> Weight {
		Weight::from_parts(90_000_000, 0)
			.saturating_add(Weight::from_parts(0, 5_000))
			.saturating_add(T::DbWeight::get().reads(9_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
	}
	fn buy() -> Weight {
		Weight::from_parts(130_000_000, 0)
			.saturating_add(Weight::from_parts(0, 6_200))
			.saturating_add(T::DbWeight::get().reads(16_u64))
			.saturating_add(T::DbWeight::get().writes(12_u64))
	}
	fn gift() -> Weight {
		Weight::from_parts(110_000_000, 0)
			.saturating_add(Weight::from_parts(0, 6_200))
			.saturating_add(T::DbWeight::get().reads(11_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
	}
	fn redeem() -> Weight {
		Weight::from_parts(30_000_000, 0)
			.saturating_add(Weight::from_parts(0, 4_800))
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn redeem_for() -> Weight {
		Weight::from_parts(85_000_000, 0)
			.saturating_add(Weight::from_parts(0, 4_800))
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn suspend_series() -> Weight {
		Weight::from_parts(25_000_000, 0)
			.saturating_add(Weight::from_parts(0, 4_000))
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn resume_series() -> Weight {
		Weight::from_parts(25_000_000, 0)
			.saturating_add(Weight::from_parts(0, 4_000))
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
}

// For backwards compatibility and tests.
impl WeightInfo for () {
	fn license_issuer() -> Weight {
		Weight::from_parts(25_000_000, 0)
			.saturating_add(Weight::from_parts(0, 4_000))
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn revoke_issuer() -> Weight {
		Weight::from_parts(20_000_000, 0)
			.saturating_add(Weight::from_parts(0, 3_600))
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn add_staff() -> Weight {
		Weight::from_parts(24_000_000, 0)
			.saturating_add(Weight::from_parts(0, 4_000))
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn remove_staff() -> Weight {
		Weight::from_parts(14_000_000, 0)
			.saturating_add(Weight::from_parts(0, 3_550))
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn create_series() -> Weight {
		Weight::from_parts(90_000_000, 0)
			.saturating_add(Weight::from_parts(0, 5_000))
			.saturating_add(ParityDbWeight::get().reads(9_u64))
			.saturating_add(ParityDbWeight::get().writes(10_u64))
	}
	fn buy() -> Weight {
		Weight::from_parts(130_000_000, 0)
			.saturating_add(Weight::from_parts(0, 6_200))
			.saturating_add(ParityDbWeight::get().reads(16_u64))
			.saturating_add(ParityDbWeight::get().writes(12_u64))
	}
	fn gift() -> Weight {
		Weight::from_parts(110_000_000, 0)
			.saturating_add(Weight::from_parts(0, 6_200))
			.saturating_add(ParityDbWeight::get().reads(11_u64))
			.saturating_add(ParityDbWeight::get().writes(10_u64))
	}
	fn redeem() -> Weight {
		Weight::from_parts(30_000_000, 0)
			.saturating_add(Weight::from_parts(0, 4_800))
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn redeem_for() -> Weight {
		Weight::from_parts(85_000_000, 0)
			.saturating_add(Weight::from_parts(0, 4_800))
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn suspend_series() -> Weight {
		Weight::from_parts(25_000_000, 0)
			.saturating_add(Weight::from_parts(0, 4_000))
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn resume_series() -> Weight {
		Weight::from_parts(25_000_000, 0)
			.saturating_add(Weight::from_parts(0, 4_000))
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
}
