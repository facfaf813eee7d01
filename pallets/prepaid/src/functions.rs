//! The prepaid pallet's logic: each `do_*` verifies everything, then moves money and writes.

use crate::{pallet::*, risk, types::*, weights::WeightInfo, AssetIdOf, BalanceOf, USE_CONTEXT};
use codec::Encode;
use frame_support::{
	defensive,
	ensure,
	pallet_prelude::*,
	traits::{
		fungibles::{Inspect, Mutate},
		tokens::{Fortitude, Preservation},
		Get,
	},
};
use frame_system::pallet_prelude::BlockNumberFor;
use guilian_primitives::{
	ComplaintStats, MerchantCategory, MerchantStatus, MerchantSummary, Severity, SubjectRegistry,
};
use sp_core::H256;
use sp_runtime::{
	traits::{AccountIdConversion, CheckedAdd, CheckedMul, CheckedSub, Saturating, UniqueSaturatedInto, Zero},
	Permill,
};

/// A day in milliseconds.
pub const DAY_MS: u64 = 24 * 60 * 60 * 1000;

impl<T: Config> Pallet<T> {
	/// Now, in milliseconds since the Unix epoch.
	pub(crate) fn now_ms() -> u64 {
		guilian_primitives::unix_millis::<T::Time>()
	}

	/// The escrow account holding `merchant`'s prepaid money.
	pub fn escrow_account(merchant: &T::AccountId) -> T::AccountId {
		T::PalletId::get().into_sub_account_truncating(merchant)
	}

	fn asset() -> AssetIdOf<T> {
		T::CnyAsset::get()
	}

	/// The custody ratio of a new plan of `merchant` in `category`.
	pub fn custody_ratio(merchant: &T::AccountId, category: MerchantCategory) -> Permill {
		if category == MerchantCategory::Education {
			return Permill::one();
		}
		match IssuerClasses::<T>::get(merchant) {
			IssuerClass::Ordinary => Permill::from_percent(20),
			IssuerClass::Group => Permill::from_percent(30),
			IssuerClass::Brand => Permill::from_percent(40),
		}
	}

	/// Checks `merchant` may sell cards now, and returns its record.
	fn ensure_can_sell(merchant: &T::AccountId) -> Result<MerchantSummary, DispatchError> {
		let record = T::Subjects::merchant(merchant).ok_or(Error::<T>::NotMerchant)?;
		ensure!(record.status == MerchantStatus::Active, Error::<T>::MerchantNotEligible);
		ensure!(!Closures::<T>::contains_key(merchant), Error::<T>::MerchantClosing);
		ensure!(!Frozen::<T>::contains_key(merchant), Error::<T>::MerchantFrozen);
		ensure!(
			record.licensed_at.saturating_add(T::MinLicenceAge::get()) <= Self::now_ms(),
			Error::<T>::MerchantTooNew
		);
		Ok(record)
	}

	/// The face value of a plan.
	fn face_value(kind: &PlanKind<BalanceOf<T>>) -> Result<BalanceOf<T>, DispatchError> {
		match kind {
			PlanKind::StoredValue { value } => Ok(*value),
			PlanKind::Sessions { sessions, price } => price
				.checked_mul(&BalanceOf::<T>::from(*sessions))
				.ok_or_else(|| Error::<T>::Overflow.into()),
		}
	}

	/// Opens a plan for `merchant` (the `open_plan` call without its origin).
	pub fn do_open_plan(
		merchant: T::AccountId,
		kind: PlanKind<BalanceOf<T>>,
		validity_days: u32,
		named: bool,
	) -> DispatchResult {
		let record = Self::ensure_can_sell(&merchant)?;
		let face = Self::face_value(&kind)?;
		let sells_something = match kind {
			PlanKind::StoredValue { value } => !value.is_zero(),
			PlanKind::Sessions { sessions, price } => sessions > 0 && !price.is_zero(),
		};
		ensure!(sells_something && validity_days > 0, Error::<T>::InvalidPlan);
		let validity_ms = u64::from(validity_days).saturating_mul(DAY_MS);
		ensure!(validity_ms <= T::MaxValidity::get(), Error::<T>::ValidityTooLong);
		if record.category == MerchantCategory::Education {
			ensure!(
				validity_ms <= T::EducationMaxValidity::get(),
				Error::<T>::EducationValidityExceeded
			);
			if let PlanKind::Sessions { sessions, .. } = kind {
				ensure!(
					sessions <= T::EducationMaxSessions::get(),
					Error::<T>::EducationSessionsExceeded
				);
			}
		}
		if named {
			ensure!(face <= T::NamedCardCap::get(), Error::<T>::NamedCardCapExceeded);
		} else {
			ensure!(face <= T::AnonymousCardCap::get(), Error::<T>::AnonymousCardCapExceeded);
		}
		let id = NextPlanId::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let custody = Self::custody_ratio(&merchant, record.category);

		Plans::<T>::insert(
			id,
			Plan {
				merchant: merchant.clone(),
				kind,
				validity_ms,
				named,
				custody,
				category: record.category,
				on_sale: true,
			},
		);
		NextPlanId::<T>::put(next);
		Self::deposit_event(Event::PlanOpened { plan: id, merchant, face_value: face, custody });
		Ok(())
	}

	pub(crate) fn do_withdraw_plan(merchant: T::AccountId, id: PlanId) -> DispatchResult {
		let mut plan = Plans::<T>::get(id).ok_or(Error::<T>::UnknownPlan)?;
		ensure!(plan.merchant == merchant, Error::<T>::NotPlanOwner);
		ensure!(plan.on_sale, Error::<T>::PlanNotOnSale);
		plan.on_sale = false;
		Plans::<T>::insert(id, plan);
		Self::deposit_event(Event::PlanWithdrawn { plan: id });
		Ok(())
	}

	/// Sells a card of `plan_id` to `buyer` (the `buy_card` call without its origin).
	pub fn do_buy_card(buyer: T::AccountId, plan_id: PlanId) -> DispatchResult {
		let plan = Plans::<T>::get(plan_id).ok_or(Error::<T>::UnknownPlan)?;
		ensure!(plan.on_sale, Error::<T>::PlanNotOnSale);
		Self::ensure_can_sell(&plan.merchant)?;
		if plan.named {
			ensure!(T::Subjects::is_verified_consumer(&buyer), Error::<T>::UnverifiedBuyer);
		}
		let mut held = ConsumerCards::<T>::get(&buyer);
		let id = NextCardId::<T>::get();
		held.try_push(id).map_err(|_| Error::<T>::TooManyCards)?;
		let next = id.checked_add(1).ok_or(Error::<T>::Overflow)?;

		// The credit-card discount lowers the price of each session; a stored-value card's value
		// is money and keeps its price.
		let discount = T::Subjects::card_discount(&plan.merchant, &buyer);
		let (paid, session_price, face) = match plan.kind {
			PlanKind::StoredValue { value } => (value, Zero::zero(), value),
			PlanKind::Sessions { sessions, price } => {
				let session_price = price.saturating_sub(discount.mul_floor(price));
				let sessions = BalanceOf::<T>::from(sessions);
				let paid = session_price.checked_mul(&sessions).ok_or(Error::<T>::Overflow)?;
				let face = price.checked_mul(&sessions).ok_or(Error::<T>::Overflow)?;
				(paid, session_price, face)
			},
		};
		let mut exposure = Exposures::<T>::get(&plan.merchant);
		exposure.cards = exposure.cards.checked_add(1).ok_or(Error::<T>::Overflow)?;
		exposure.unused = exposure.unused.checked_add(&paid).ok_or(Error::<T>::Overflow)?;
		exposure.escrowed = exposure.escrowed.checked_add(&paid).ok_or(Error::<T>::Overflow)?;
		let now = Self::now_ms();

		T::Currency::transfer(
			Self::asset(),
			&buyer,
			&Self::escrow_account(&plan.merchant),
			paid,
			Preservation::Expendable,
		)?;
		Cards::<T>::insert(
			id,
			Card {
				plan: plan_id,
				merchant: plan.merchant.clone(),
				holder: buyer.clone(),
				named: plan.named,
				purchased_at: now,
				expires_at: now.saturating_add(plan.validity_ms),
				paid,
				session_price,
				unused: paid,
				escrowed: paid,
				advanced: Zero::zero(),
				custody: plan.custody,
				uses: 0,
				status: CardStatus::Active,
			},
		);
		NextCardId::<T>::put(next);
		ConsumerCards::<T>::insert(&buyer, held);
		MerchantCards::<T>::insert(&plan.merchant, id, ());
		Exposures::<T>::insert(&plan.merchant, exposure);
		Self::deposit_event(Event::CardPurchased {
			card: id,
			plan: plan_id,
			holder: buyer,
			paid,
			discount: face.saturating_sub(paid),
		});
		Self::update_risk(&plan.merchant);
		Ok(())
	}

	pub(crate) fn do_cancel_card(holder: T::AccountId, id: CardId) -> DispatchResult {
		let card = Cards::<T>::get(id).ok_or(Error::<T>::UnknownCard)?;
		ensure!(card.holder == holder, Error::<T>::NotCardHolder);
		ensure!(card.status == CardStatus::Active, Error::<T>::CardNotActive);
		ensure!(
			Self::now_ms() < card.purchased_at.saturating_add(T::CoolingOff::get()),
			Error::<T>::CoolingOffPassed
		);
		let amount = card.unused;
		Self::do_refund(id, card, amount, RefundReason::CoolingOff).map(|_| ())
	}

	/// The bytes a holder signs so that the merchant may record a use of `units` on `card`.
	pub fn use_signing_payload(card: CardId, units: u32, nonce: u32) -> alloc::vec::Vec<u8> {
		let genesis = frame_system::Pallet::<T>::block_hash(BlockNumberFor::<T>::zero());
		(USE_CONTEXT, genesis, card, units, nonce).encode()
	}

	/// A use of `units` (sessions, or fen of stored value) on `card`: releases its value from
	/// escrow to the merchant, after consuming what was advanced.
	pub(crate) fn do_use(
		id: CardId,
		mut card: Card<T::AccountId, BalanceOf<T>>,
		units: u32,
	) -> DispatchResult {
		ensure!(card.status == CardStatus::Active, Error::<T>::CardNotActive);
		ensure!(Self::now_ms() < card.expires_at, Error::<T>::CardExpired);
		ensure!(units > 0, Error::<T>::ZeroAmount);
		let value = if card.session_price.is_zero() {
			BalanceOf::<T>::from(units)
		} else {
			card.session_price.checked_mul(&BalanceOf::<T>::from(units)).ok_or(Error::<T>::Overflow)?
		};
		ensure!(value <= card.unused, Error::<T>::UseBeyondValue);
		let from_advance = value.min(card.advanced);
		let released = value.saturating_sub(from_advance);
		let mut exposure = Exposures::<T>::get(&card.merchant);
		card.unused = card.unused.saturating_sub(value);
		card.advanced = card.advanced.saturating_sub(from_advance);
		card.escrowed = card.escrowed.checked_sub(&released).ok_or(Error::<T>::Overflow)?;
		card.uses = card.uses.checked_add(1).ok_or(Error::<T>::Overflow)?;
		exposure.unused = exposure.unused.checked_sub(&value).ok_or(Error::<T>::Overflow)?;
		exposure.advanced = exposure.advanced.checked_sub(&from_advance).ok_or(Error::<T>::Overflow)?;
		exposure.escrowed = exposure.escrowed.checked_sub(&released).ok_or(Error::<T>::Overflow)?;
		let used_up = card.unused.is_zero();
		if used_up {
			card.status = CardStatus::UsedUp;
			exposure.cards = exposure.cards.saturating_sub(1);
		}

		if !released.is_zero() {
			T::Currency::transfer(
				Self::asset(),
				&Self::escrow_account(&card.merchant),
				&card.merchant,
				released,
				Preservation::Expendable,
			)?;
		}
		let (merchant, holder, unused) = (card.merchant.clone(), card.holder.clone(), card.unused);
		Cards::<T>::insert(id, card);
		Exposures::<T>::insert(&merchant, exposure);
		if used_up {
			Self::forget_active(&merchant, &holder, id);
		}
		Self::deposit_event(Event::UseConfirmed { card: id, value, released, unused });
		Self::update_risk(&merchant);
		Ok(())
	}

	/// Removes an inactive card from the indexes of active cards.
	fn forget_active(merchant: &T::AccountId, holder: &T::AccountId, id: CardId) {
		MerchantCards::<T>::remove(merchant, id);
		ConsumerCards::<T>::mutate(holder, |cards| cards.retain(|card| *card != id));
	}

	pub(crate) fn do_draw_advance(
		merchant: T::AccountId,
		id: CardId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		let mut card = Cards::<T>::get(id).ok_or(Error::<T>::UnknownCard)?;
		ensure!(card.merchant == merchant, Error::<T>::NotCardMerchant);
		ensure!(card.status == CardStatus::Active, Error::<T>::CardNotActive);
		let now = Self::now_ms();
		ensure!(now < card.expires_at, Error::<T>::CardExpired);
		ensure!(
			now >= card.purchased_at.saturating_add(T::CoolingOff::get()),
			Error::<T>::CoolingOffNotOver
		);
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		ensure!(Self::assess(&merchant) == RiskLevel::Low, Error::<T>::RiskTooHigh);
		// The custody part, rounded up, never leaves escrow.
		let limit = card.unused.saturating_sub(card.custody.mul_ceil(card.unused));
		let advanced = card.advanced.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
		ensure!(advanced <= limit, Error::<T>::AdvanceOverLimit);
		let mut exposure = Exposures::<T>::get(&merchant);
		card.escrowed = card.escrowed.checked_sub(&amount).ok_or(Error::<T>::Overflow)?;
		card.advanced = advanced;
		exposure.escrowed = exposure.escrowed.checked_sub(&amount).ok_or(Error::<T>::Overflow)?;
		exposure.advanced = exposure.advanced.checked_add(&amount).ok_or(Error::<T>::Overflow)?;

		T::Currency::transfer(
			Self::asset(),
			&Self::escrow_account(&merchant),
			&merchant,
			amount,
			Preservation::Expendable,
		)?;
		Cards::<T>::insert(id, card);
		Exposures::<T>::insert(&merchant, exposure);
		Self::deposit_event(Event::AdvanceDrawn { card: id, amount, advanced });
		Self::update_risk(&merchant);
		Ok(())
	}

	/// Why `card` may be refunded now without the merchant, if it may.
	pub fn refund_due(card: &Card<T::AccountId, BalanceOf<T>>) -> Option<RefundReason> {
		if let Some(reason) = Self::merchant_refund_reason(&card.merchant) {
			return Some(reason);
		}
		(Self::now_ms() >= card.expires_at).then_some(RefundReason::Expired)
	}

	/// Whether all of a merchant's cards are refundable: it ran away (suspended) or closed.
	fn merchant_refund_reason(merchant: &T::AccountId) -> Option<RefundReason> {
		match T::Subjects::merchant(merchant).map(|m| m.status) {
			Some(MerchantStatus::Suspended) => return Some(RefundReason::RunAway),
			Some(MerchantStatus::Closed) => return Some(RefundReason::Closure),
			_ => {},
		}
		Closures::<T>::get(merchant)
			.filter(|closes_at| Self::now_ms() >= *closes_at)
			.map(|_| RefundReason::Closure)
	}

	pub(crate) fn do_ordered_refund(
		id: CardId,
		card: Card<T::AccountId, BalanceOf<T>>,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		ensure!(card.status == CardStatus::Active, Error::<T>::CardNotActive);
		ensure!(!amount.is_zero() && amount <= card.unused, Error::<T>::InvalidRefundAmount);
		Self::do_refund(id, card, amount, RefundReason::Ordered).map(|_| ())
	}

	/// Refunds `amount` of `card` to its holder: escrow pays the escrowed part, the merchant the
	/// advanced part as far as its CNY allows; the rest becomes its debt, reported as a breach.
	/// Returns what reached the consumer.
	pub(crate) fn do_refund(
		id: CardId,
		mut card: Card<T::AccountId, BalanceOf<T>>,
		amount: BalanceOf<T>,
		reason: RefundReason,
	) -> Result<BalanceOf<T>, DispatchError> {
		ensure!(card.status == CardStatus::Active, Error::<T>::CardNotActive);
		ensure!(amount <= card.unused, Error::<T>::InvalidRefundAmount);
		let from_escrow = amount.min(card.escrowed);
		let from_advance = amount.saturating_sub(from_escrow);
		let merchant_can_pay = T::Currency::reducible_balance(
			Self::asset(),
			&card.merchant,
			Preservation::Expendable,
			Fortitude::Polite,
		);
		let from_merchant = from_advance.min(merchant_can_pay);
		let debt = from_advance.saturating_sub(from_merchant);
		let mut exposure = Exposures::<T>::get(&card.merchant);
		card.unused = card.unused.saturating_sub(amount);
		card.escrowed = card.escrowed.saturating_sub(from_escrow);
		card.advanced = card.advanced.checked_sub(&from_advance).ok_or(Error::<T>::Overflow)?;
		exposure.unused = exposure.unused.checked_sub(&amount).ok_or(Error::<T>::Overflow)?;
		exposure.escrowed = exposure.escrowed.checked_sub(&from_escrow).ok_or(Error::<T>::Overflow)?;
		exposure.advanced = exposure.advanced.checked_sub(&from_advance).ok_or(Error::<T>::Overflow)?;
		exposure.debt = exposure.debt.checked_add(&debt).ok_or(Error::<T>::Overflow)?;
		let closed = card.unused.is_zero();
		if closed {
			card.status = match reason {
				RefundReason::CoolingOff => CardStatus::Cancelled,
				_ => CardStatus::Refunded,
			};
			exposure.cards = exposure.cards.saturating_sub(1);
		}
		let debt_total = match Debts::<T>::get(id) {
			Some(previous) => previous.checked_add(&debt).ok_or(Error::<T>::Overflow)?,
			None => debt,
		};

		if !from_escrow.is_zero() {
			T::Currency::transfer(
				Self::asset(),
				&Self::escrow_account(&card.merchant),
				&card.holder,
				from_escrow,
				Preservation::Expendable,
			)?;
		}
		if !from_merchant.is_zero() {
			T::Currency::transfer(
				Self::asset(),
				&card.merchant,
				&card.holder,
				from_merchant,
				Preservation::Expendable,
			)?;
		}
		let (merchant, holder) = (card.merchant.clone(), card.holder.clone());
		Cards::<T>::insert(id, card);
		Exposures::<T>::insert(&merchant, exposure);
		if !debt_total.is_zero() {
			Debts::<T>::insert(id, debt_total);
		}
		if closed {
			Self::forget_active(&merchant, &holder, id);
		}
		Self::deposit_event(Event::CardRefunded { card: id, reason, from_escrow, from_merchant, debt });
		if !debt.is_zero() {
			let severity = match reason {
				RefundReason::RunAway | RefundReason::Closure => Severity::Serious,
				_ => Severity::Moderate,
			};
			let evidence = H256::from(sp_io::hashing::blake2_256(&(b"prepaid-debt", id).encode()));
			if T::Subjects::record_breach(&merchant, severity, evidence).is_err() {
				log::warn!(target: "runtime::prepaid", "could not report the debt on card {id} as a breach");
			}
		}
		Self::update_risk(&merchant);
		Ok(from_escrow.saturating_add(from_merchant))
	}

	pub(crate) fn do_announce_closure(merchant: T::AccountId, closes_at: u64) -> DispatchResult {
		ensure!(T::Subjects::merchant(&merchant).is_some(), Error::<T>::NotMerchant);
		ensure!(!Closures::<T>::contains_key(&merchant), Error::<T>::MerchantClosing);
		ensure!(
			closes_at >= Self::now_ms().saturating_add(T::ClosureNotice::get()),
			Error::<T>::ClosureNoticeTooShort
		);
		Closures::<T>::insert(&merchant, closes_at);
		Self::deposit_event(Event::ClosureAnnounced { merchant: merchant.clone(), closes_at });
		Self::update_risk(&merchant);
		Ok(())
	}

	pub(crate) fn do_start_refunds(merchant: T::AccountId) -> DispatchResult {
		ensure!(Self::merchant_refund_reason(&merchant).is_some(), Error::<T>::NotRefundable);
		ensure!(
			MerchantCards::<T>::iter_key_prefix(&merchant).next().is_some(),
			Error::<T>::NothingToSweep
		);
		let mut queue = SweepQueue::<T>::get();
		ensure!(!queue.contains(&merchant), Error::<T>::NothingToSweep);
		queue.try_push(merchant.clone()).map_err(|_| Error::<T>::SweepQueueFull)?;
		SweepQueue::<T>::put(queue);
		let cards = Exposures::<T>::get(&merchant).cards;
		Self::deposit_event(Event::RefundsStarted { merchant, cards });
		Ok(())
	}

	/// Refunds queued merchants' cards within `remaining` weight (the `on_idle` sweep).
	pub(crate) fn sweep(remaining: Weight) -> Weight {
		let db = T::DbWeight::get();
		// Each card: a claim's work plus reading the queue's next index entry.
		let per_card = T::WeightInfo::claim_refund().saturating_add(db.reads(1));
		let mut used = T::WeightInfo::on_idle_base();
		if remaining.any_lt(used.saturating_add(per_card)) {
			return Weight::zero();
		}
		let mut queue = SweepQueue::<T>::get();
		let mut changed = false;
		while let Some(merchant) = queue.first().cloned() {
			if remaining.any_lt(used.saturating_add(per_card)) {
				break;
			}
			used = used.saturating_add(per_card);
			let next = MerchantCards::<T>::iter_key_prefix(&merchant).next();
			let reason = Self::merchant_refund_reason(&merchant);
			match (next, reason) {
				(Some(id), Some(reason)) => match Cards::<T>::get(id) {
					Some(card) if card.status == CardStatus::Active => {
						let amount = card.unused;
						if Self::do_refund(id, card, amount, reason).is_err() {
							// Leave this merchant's cards to their holders' own claims.
							log::warn!(target: "runtime::prepaid", "sweep could not refund card {id}");
							queue.remove(0);
							changed = true;
						}
					},
					_ => {
						defensive!("an indexed card is missing or inactive");
						MerchantCards::<T>::remove(&merchant, id);
					},
				},
				_ => {
					queue.remove(0);
					changed = true;
				},
			}
		}
		if changed {
			SweepQueue::<T>::put(queue);
			used = used.saturating_add(db.writes(1));
		}
		used
	}

	/// The merchant's risk level now.
	pub fn assess(merchant: &T::AccountId) -> RiskLevel {
		let Some(record) = T::Subjects::merchant(merchant) else { return RiskLevel::Low };
		let exposure = Exposures::<T>::get(merchant);
		risk::assess(&risk::RiskInputs {
			unused: exposure.unused.unique_saturated_into(),
			advanced: exposure.advanced.unique_saturated_into(),
			debt: exposure.debt.unique_saturated_into(),
			cards: exposure.cards,
			tier: record.tier,
			status: record.status,
			open_complaints: T::Complaints::open_complaints(merchant),
			closing: Closures::<T>::contains_key(merchant),
		})
	}

	/// Stores the merchant's risk level and announces a change.
	pub(crate) fn update_risk(merchant: &T::AccountId) {
		let to = Self::assess(merchant);
		let from = RiskLevels::<T>::get(merchant);
		if from != to {
			if to == RiskLevel::Low {
				RiskLevels::<T>::remove(merchant);
			} else {
				RiskLevels::<T>::insert(merchant, to);
			}
			Self::deposit_event(Event::RiskLevelChanged { merchant: merchant.clone(), from, to });
		}
	}

	/// Checks the escrow invariants (see the module docs).
	#[cfg(any(feature = "try-runtime", test))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;
		let mut sums: BTreeMap<T::AccountId, Exposure<BalanceOf<T>>> = BTreeMap::new();
		let mut cards = 0u64;
		for (id, card) in Cards::<T>::iter() {
			cards = cards.saturating_add(1);
			ensure!(
				card.escrowed.saturating_add(card.advanced) == card.unused,
				"a card's escrowed and advanced parts do not add up to its unused value"
			);
			ensure!(card.unused <= card.paid, "a card holds more than was paid for it");
			let active = card.status == CardStatus::Active;
			ensure!(
				active == MerchantCards::<T>::contains_key(&card.merchant, id),
				"the merchant's active-card index is out of step"
			);
			ensure!(
				active == ConsumerCards::<T>::get(&card.holder).contains(&id),
				"the consumer's active-card index is out of step"
			);
			let sum = sums.entry(card.merchant.clone()).or_default();
			if active {
				sum.cards = sum.cards.saturating_add(1);
				sum.unused = sum.unused.saturating_add(card.unused);
				sum.escrowed = sum.escrowed.saturating_add(card.escrowed);
				sum.advanced = sum.advanced.saturating_add(card.advanced);
			} else {
				ensure!(card.unused.is_zero(), "an inactive card keeps value");
			}
			if let Some(debt) = Debts::<T>::get(id) {
				sum.debt = sum.debt.saturating_add(debt);
			}
		}
		ensure!(cards == NextCardId::<T>::get(), "NextCardId does not match Cards");
		ensure!(
			Plans::<T>::iter().count() as u64 == NextPlanId::<T>::get(),
			"NextPlanId does not match Plans"
		);
		for (merchant, exposure) in Exposures::<T>::iter() {
			let sum = sums.remove(&merchant).unwrap_or_default();
			ensure!(exposure == sum, "a merchant's exposure does not match its cards");
			let escrow = T::Currency::balance(Self::asset(), &Self::escrow_account(&merchant));
			ensure!(escrow == exposure.escrowed, "an escrow account's balance differs from its cards");
		}
		ensure!(sums.values().all(|s| *s == Exposure::default()), "cards of a merchant with no exposure");
		Ok(())
	}
}
