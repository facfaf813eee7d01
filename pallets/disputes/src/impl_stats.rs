//! `ComplaintStats`: complaint counts for pallet-prepaid's risk levels.

use crate::pallet::*;
use guilian_primitives::ComplaintStats;

impl<T: Config> ComplaintStats<T::AccountId> for Pallet<T> {
	fn open_complaints(merchant: &T::AccountId) -> u32 {
		Stats::<T>::get(merchant).open
	}

	fn resolved_complaints(merchant: &T::AccountId) -> u32 {
		let stats = Stats::<T>::get(merchant);
		stats.settled.saturating_add(stats.upheld).saturating_add(stats.rejected)
	}
}
