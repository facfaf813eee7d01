//! pallet-session's `SessionManager`, `ShouldEndSession` and `NextSessionRotation`.
//!
//! Sessions are periodic from block 0: a session ends at every block whose number is a
//! multiple of [`SessionLength`]. The validator set of session `n + 2` is planned when session
//! `n` ends (pallet-session queues it for one session), so a council change is active within two
//! session lengths.

use crate::pallet::*;
use alloc::vec::Vec;
use frame_support::{
	traits::{EstimateNextSessionRotation, Get},
	weights::Weight,
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{
	traits::{One, Saturating, Zero},
	Permill,
};

impl<T: Config> Pallet<T> {
	/// The session length, never zero.
	fn period() -> BlockNumberFor<T> {
		let period = SessionLength::<T>::get();
		if period.is_zero() {
			T::DefaultSessionLength::get().max(One::one())
		} else {
			period
		}
	}
}

impl<T: Config> pallet_session::SessionManager<T::AccountId> for Pallet<T> {
	fn new_session(new_index: u32) -> Option<Vec<T::AccountId>> {
		Self::plan_session(new_index)
	}

	/// pallet-session's genesis runs before this pallet's: it takes its own `keys`.
	fn new_session_genesis(_: u32) -> Option<Vec<T::AccountId>> {
		None
	}

	fn end_session(_: u32) {}

	fn start_session(_: u32) {}
}

impl<T: Config> pallet_session::ShouldEndSession<BlockNumberFor<T>> for Pallet<T> {
	fn should_end_session(now: BlockNumberFor<T>) -> bool {
		(now % Self::period()).is_zero()
	}
}

impl<T: Config> EstimateNextSessionRotation<BlockNumberFor<T>> for Pallet<T> {
	fn average_session_length() -> BlockNumberFor<T> {
		Self::period()
	}

	fn estimate_current_session_progress(now: BlockNumberFor<T>) -> (Option<Permill>, Weight) {
		let period = Self::period();
		// The current block counts as elapsed: the last block of a session is at 100%.
		let current = (now % period).saturating_add(One::one());
		(Some(Permill::from_rational(current, period)), T::DbWeight::get().reads(1))
	}

	fn estimate_next_session_rotation(now: BlockNumberFor<T>) -> (Option<BlockNumberFor<T>>, Weight) {
		let period = Self::period();
		let into = now % period;
		// At a multiple the session rotates in this block: the next rotation is a period later.
		let next = now.saturating_add(period.saturating_sub(into));
		(Some(next), T::DbWeight::get().reads(1))
	}
}
