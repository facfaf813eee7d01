//! Bootstrap weights, replaced by `scripts/benchmark-pallets.sh disputes`.

use frame_support::weights::Weight;
use core::marker::PhantomData;

/// Weight functions needed by `pallet_disputes`.
pub trait WeightInfo {
	fn file_complaint() -> Weight;
	fn settle() -> Weight;
	fn contest() -> Weight;
	fn escalate() -> Weight;
	fn withdraw() -> Weight;
	fn appoint_mediator() -> Weight;
	fn dismiss_mediator() -> Weight;
	fn take_case() -> Weight;
	fn add_evidence() -> Weight;
	fn rule() -> Weight;
	fn appeal() -> Weight;
	fn vote_on_appeal() -> Weight;
	fn finalize() -> Weight;
	fn review() -> Weight;
	fn sweep_step() -> Weight;
}

/// Weights for `pallet_disputes` with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn file_complaint() -> Weight { Weight::zero() }
	fn settle() -> Weight { Weight::zero() }
	fn contest() -> Weight { Weight::zero() }
	fn escalate() -> Weight { Weight::zero() }
	fn withdraw() -> Weight { Weight::zero() }
	fn appoint_mediator() -> Weight { Weight::zero() }
	fn dismiss_mediator() -> Weight { Weight::zero() }
	fn take_case() -> Weight { Weight::zero() }
	fn add_evidence() -> Weight { Weight::zero() }
	fn rule() -> Weight { Weight::zero() }
	fn appeal() -> Weight { Weight::zero() }
	fn vote_on_appeal() -> Weight { Weight::zero() }
	fn finalize() -> Weight { Weight::zero() }
	fn review() -> Weight { Weight::zero() }
	fn sweep_step() -> Weight { Weight::zero() }
}
impl WeightInfo for () {
	fn file_complaint() -> Weight { Weight::zero() }
	fn settle() -> Weight { Weight::zero() }
	fn contest() -> Weight { Weight::zero() }
	fn escalate() -> Weight { Weight::zero() }
	fn withdraw() -> Weight { Weight::zero() }
	fn appoint_mediator() -> Weight { Weight::zero() }
	fn dismiss_mediator() -> Weight { Weight::zero() }
	fn take_case() -> Weight { Weight::zero() }
	fn add_evidence() -> Weight { Weight::zero() }
	fn rule() -> Weight { Weight::zero() }
	fn appeal() -> Weight { Weight::zero() }
	fn vote_on_appeal() -> Weight { Weight::zero() }
	fn finalize() -> Weight { Weight::zero() }
	fn review() -> Weight { Weight::zero() }
	fn sweep_step() -> Weight { Weight::zero() }
}
