//! Bootstrap weights, replaced by scripts/benchmark-pallets.sh pallet_supernodes.

use frame_support::weights::Weight;
use core::marker::PhantomData;

/// Weight functions needed by `pallet_supernodes`.
pub trait WeightInfo {
	fn add_supernode(v: u32) -> Weight;
	fn remove_supernode() -> Weight;
	fn add_validator() -> Weight;
	fn remove_validator() -> Weight;
	fn replace_validator() -> Weight;
	fn set_session_length() -> Weight;
	fn set_chain_ac_code() -> Weight;
	fn apply_subchain(g: u32) -> Weight;
	fn approve_subchain() -> Weight;
	fn reject_subchain() -> Weight;
	fn suspend_subchain() -> Weight;
	fn resume_subchain() -> Weight;
	fn anchor(n: u32) -> Weight;
	fn register_bid() -> Weight;
	fn raise_work_order() -> Weight;
	fn dispose_work_order() -> Weight;
}

/// Weights for `pallet_supernodes` with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn add_supernode(_v: u32) -> Weight { Weight::zero() }
	fn remove_supernode() -> Weight { Weight::zero() }
	fn add_validator() -> Weight { Weight::zero() }
	fn remove_validator() -> Weight { Weight::zero() }
	fn replace_validator() -> Weight { Weight::zero() }
	fn set_session_length() -> Weight { Weight::zero() }
	fn set_chain_ac_code() -> Weight { Weight::zero() }
	fn apply_subchain(_g: u32) -> Weight { Weight::zero() }
	fn approve_subchain() -> Weight { Weight::zero() }
	fn reject_subchain() -> Weight { Weight::zero() }
	fn suspend_subchain() -> Weight { Weight::zero() }
	fn resume_subchain() -> Weight { Weight::zero() }
	fn anchor(_n: u32) -> Weight { Weight::zero() }
	fn register_bid() -> Weight { Weight::zero() }
	fn raise_work_order() -> Weight { Weight::zero() }
	fn dispose_work_order() -> Weight { Weight::zero() }
}
impl WeightInfo for () {
	fn add_supernode(_v: u32) -> Weight { Weight::zero() }
	fn remove_supernode() -> Weight { Weight::zero() }
	fn add_validator() -> Weight { Weight::zero() }
	fn remove_validator() -> Weight { Weight::zero() }
	fn replace_validator() -> Weight { Weight::zero() }
	fn set_session_length() -> Weight { Weight::zero() }
	fn set_chain_ac_code() -> Weight { Weight::zero() }
	fn apply_subchain(_g: u32) -> Weight { Weight::zero() }
	fn approve_subchain() -> Weight { Weight::zero() }
	fn reject_subchain() -> Weight { Weight::zero() }
	fn suspend_subchain() -> Weight { Weight::zero() }
	fn resume_subchain() -> Weight { Weight::zero() }
	fn anchor(_n: u32) -> Weight { Weight::zero() }
	fn register_bid() -> Weight { Weight::zero() }
	fn raise_work_order() -> Weight { Weight::zero() }
	fn dispose_work_order() -> Weight { Weight::zero() }
}
