//! `CollectibleRecord`: what pallet-disputes may know about an item (complaints, verified
//! reviews).

use crate::{pallet::*, types::*};
use guilian_primitives::CollectibleRecord;

impl<T: Config> CollectibleRecord<T::AccountId> for Pallet<T> {
	fn item_parties(series: SeriesId, item: ItemId) -> Option<(T::AccountId, T::AccountId)> {
		let entry = Items::<T>::get(series, item)?;
		let details = Series::<T>::get(series)?;
		Some((entry.holder, details.issuer))
	}

	fn redeemed(series: SeriesId, item: ItemId) -> bool {
		Items::<T>::get(series, item).is_some_and(|entry| entry.redeemed_at.is_some())
	}
}
