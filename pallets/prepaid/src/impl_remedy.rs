//! `EscrowRemedy`: how pallet-disputes (and regulators) make prepaid refunds happen.

use crate::{pallet::*, types::*, BalanceOf};
use frame_support::pallet_prelude::*;
use guilian_primitives::EscrowRemedy;

impl<T: Config> EscrowRemedy<T::AccountId, BalanceOf<T>> for Pallet<T> {
	fn card_parties(card: u64) -> Option<(T::AccountId, T::AccountId)> {
		Cards::<T>::get(card).map(|c| (c.holder, c.merchant))
	}

	fn refundable(card: u64) -> BalanceOf<T> {
		Cards::<T>::get(card)
			.filter(|c| c.status == CardStatus::Active)
			.map(|c| c.unused)
			.unwrap_or_default()
	}

	fn card_transacted(card: u64) -> bool {
		Cards::<T>::get(card)
			.is_some_and(|c| c.uses > 0 || c.status == CardStatus::Refunded)
	}

	fn refund(card: u64, amount: BalanceOf<T>) -> Result<BalanceOf<T>, DispatchError> {
		let entry = Cards::<T>::get(card).ok_or(Error::<T>::UnknownCard)?;
		ensure!(entry.status == CardStatus::Active, Error::<T>::CardNotActive);
		ensure!(!amount.is_zero() && amount <= entry.unused, Error::<T>::InvalidRefundAmount);
		Self::do_refund(card, entry, amount, RefundReason::Ordered)
	}

	fn freeze_merchant(merchant: &T::AccountId) -> DispatchResult {
		if !Frozen::<T>::contains_key(merchant) {
			Frozen::<T>::insert(merchant, ());
			Self::deposit_event(Event::MerchantFrozen { merchant: merchant.clone() });
		}
		Ok(())
	}
}
