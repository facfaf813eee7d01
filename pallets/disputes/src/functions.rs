//! The logic of the disputes pallet: each `do_*` checks everything first, then writes.

use crate::{pallet::*, types::*, BalanceOf, ComplaintOf, DepositOf, TimedStepOf, WeightInfo};
use alloc::vec::Vec;
use frame_support::{
	pallet_prelude::*,
	traits::{
		fungible::{InspectHold, MutateHold},
		fungibles,
		tokens::{Fortitude, Precision, Preservation},
	},
	weights::Weight,
};
use guilian_primitives::{
	unix_millis, AreaCode, CollectibleRecord, EscrowRemedy, Severity, SubjectRegistry,
};
use sp_runtime::traits::{Saturating, Zero};

/// What a refund paid.
#[derive(Default)]
struct Paid<Balance> {
	/// Reached the complainant (card and merchant).
	refunded: Balance,
	/// Of `refunded`, from the card.
	from_card: Balance,
	/// What the card could not pay (its advanced part the merchant could not cover): the
	/// merchant's debt in pallet-prepaid.
	card_debt: Balance,
	/// What the merchant could not pay of its own part.
	unpaid: Balance,
}

/// How a refund splits between a card's escrow and the merchant's own CNY.
struct RefundPlan<Balance> {
	card: Option<u64>,
	from_escrow: Balance,
	from_merchant: Balance,
}

impl<T: Config> Pallet<T> {
	/// Now, in milliseconds since the Unix epoch.
	pub(crate) fn now() -> u64 {
		unix_millis::<T::Time>()
	}

	/// The complaint `id`, or `UnknownComplaint`.
	fn complaint(id: ComplaintId) -> Result<ComplaintOf<T>, Error<T>> {
		Complaints::<T>::get(id).ok_or(Error::<T>::UnknownComplaint)
	}

	/// `id`'s history with `step` appended (not yet written).
	fn history_with(
		id: ComplaintId,
		step: Step<T::AccountId, BalanceOf<T>>,
	) -> Result<BoundedVec<TimedStepOf<T>, T::MaxHistory>, Error<T>> {
		let mut history = Histories::<T>::get(id);
		history
			.try_push(TimedStep { at: Self::now(), step })
			.map_err(|_| Error::<T>::HistoryFull)?;
		Ok(history)
	}

	/// Which party `who` is.
	fn party_of(complaint: &ComplaintOf<T>, who: &T::AccountId) -> Option<Party> {
		if *who == complaint.complainant {
			Some(Party::Complainant)
		} else if *who == complaint.merchant {
			Some(Party::Merchant)
		} else {
			None
		}
	}

	/// Queues `id` at the tail of the `kind` deadline queue.
	fn enqueue(kind: Deadline, id: ComplaintId) {
		QueueBounds::<T>::mutate(kind, |(_, tail)| {
			DeadlineQueue::<T>::insert(kind, *tail, id);
			*tail = tail.saturating_add(1);
		});
	}

	/// Checks a ruling against the claim: a refund at most the claim, and neither refund nor
	/// breach unless the complaint is (partly) upheld.
	fn ensure_consistent(ruling: &Ruling<BalanceOf<T>>, claimed: BalanceOf<T>) -> Result<(), Error<T>> {
		let consistent = if ruling.outcome.against_merchant() {
			ruling.refund <= claimed
		} else {
			ruling.refund.is_zero() && ruling.breach.is_none()
		};
		ensure!(consistent, Error::<T>::InconsistentRuling);
		Ok(())
	}

	/// Splits `amount`: the referenced card's escrow pays what it can, the merchant the rest.
	fn refund_plan(complaint: &ComplaintOf<T>, amount: BalanceOf<T>) -> RefundPlan<BalanceOf<T>> {
		let card = match complaint.reference {
			Reference::Card(card) => Some(card),
			_ => None,
		};
		let from_escrow = card.map(|c| T::Escrow::refundable(c).min(amount)).unwrap_or_default();
		RefundPlan { card, from_escrow, from_merchant: amount.saturating_sub(from_escrow) }
	}

	/// What `who` can pay in CNY right now.
	fn payable_by(who: &T::AccountId) -> BalanceOf<T> {
		<T::Currency as fungibles::Inspect<T::AccountId>>::reducible_balance(
			T::CnyAsset::get(),
			who,
			Preservation::Expendable,
			Fortitude::Polite,
		)
	}

	/// Pays the complainant by `plan`: the card's escrow its part (what a card that was
	/// advanced cannot pay becomes the merchant's debt in pallet-prepaid), the merchant what it
	/// can of the rest.
	fn pay_refund(
		complaint: &ComplaintOf<T>,
		plan: RefundPlan<BalanceOf<T>>,
	) -> Result<Paid<BalanceOf<T>>, DispatchError> {
		let mut paid = Paid::default();
		if let (Some(card), false) = (plan.card, plan.from_escrow.is_zero()) {
			paid.from_card = T::Escrow::refund(card, plan.from_escrow)?;
			paid.card_debt = plan.from_escrow.saturating_sub(paid.from_card);
		}
		let from_merchant = plan.from_merchant.min(Self::payable_by(&complaint.merchant));
		if !from_merchant.is_zero() {
			<T::Currency as fungibles::Mutate<T::AccountId>>::transfer(
				T::CnyAsset::get(),
				&complaint.merchant,
				&complaint.complainant,
				from_merchant,
				Preservation::Expendable,
			)?;
		}
		paid.refunded = paid.from_card.saturating_add(from_merchant);
		paid.unpaid = plan.from_merchant.saturating_sub(from_merchant);
		Ok(paid)
	}

	/// Records a payment in the complaint.
	fn note_paid(complaint: &mut ComplaintOf<T>, paid: &Paid<BalanceOf<T>>) {
		complaint.refunded = complaint.refunded.saturating_add(paid.refunded);
		complaint.from_escrow = complaint.from_escrow.saturating_add(paid.from_card);
		complaint.card_debt = complaint.card_debt.saturating_add(paid.card_debt);
		complaint.unpaid = paid.unpaid;
	}

	/// Returns `amount` of a hold of `reason` on `who`.
	fn release(reason: HoldReason, who: &T::AccountId, amount: DepositOf<T>) {
		if amount.is_zero() {
			return;
		}
		let released = <T::NativeBalance as MutateHold<T::AccountId>>::release(
			&reason.into(),
			who,
			amount,
			Precision::BestEffort,
		);
		if released.map_or(true, |r| r != amount) {
			defensive!("a deposit this pallet holds is missing");
		}
	}

	/// Burns `amount` of a hold of `reason` on `who` (fees are burnt too: there is no treasury).
	fn slash(reason: HoldReason, who: &T::AccountId, amount: DepositOf<T>) {
		if amount.is_zero() {
			return;
		}
		let burnt = <T::NativeBalance as MutateHold<T::AccountId>>::burn_held(
			&reason.into(),
			who,
			amount,
			Precision::BestEffort,
			Fortitude::Force,
		);
		if burnt.map_or(true, |b| b != amount) {
			defensive!("a deposit this pallet holds is missing");
		}
	}

	/// Holds `amount` of `who` for `reason`, or `InsufficientDeposit`.
	fn ensure_can_hold(reason: HoldReason, who: &T::AccountId, amount: DepositOf<T>) -> Result<(), Error<T>> {
		<T::NativeBalance as InspectHold<T::AccountId>>::ensure_can_hold(&reason.into(), who, amount)
			.map_err(|_| Error::<T>::InsufficientDeposit)
	}

	/// Ends the life of a complaint's deposit and its live indexes (settled, withdrawn, closed).
	fn end_live(complaint: &ComplaintOf<T>, slash_deposit: bool) {
		if slash_deposit {
			Self::slash(HoldReason::ComplaintDeposit, &complaint.complainant, complaint.deposit);
		} else {
			Self::release(HoldReason::ComplaintDeposit, &complaint.complainant, complaint.deposit);
		}
		LiveComplaints::<T>::mutate_exists(&complaint.complainant, |live| {
			let left = live.unwrap_or_default().saturating_sub(1);
			*live = (left > 0).then_some(left);
		});
		if complaint.reference != Reference::None {
			LiveByReference::<T>::remove((&complaint.complainant, &complaint.merchant, complaint.reference));
		}
	}

	/// Files a complaint; returns its id.
	pub fn do_file(
		complainant: T::AccountId,
		merchant: T::AccountId,
		category: ComplaintCategory,
		reference: Reference,
		claimed: BalanceOf<T>,
		evidence: Evidence,
	) -> Result<ComplaintId, DispatchError> {
		ensure!(T::Subjects::is_verified_consumer(&complainant), Error::<T>::NotVerifiedConsumer);
		let summary = T::Subjects::merchant(&merchant).ok_or(Error::<T>::UnknownMerchant)?;
		ensure!(complainant != merchant, Error::<T>::SelfComplaint);
		let parties = Some((complainant.clone(), merchant.clone()));
		match reference {
			Reference::Card(card) =>
				ensure!(T::Escrow::card_parties(card) == parties, Error::<T>::ReferenceMismatch),
			Reference::Collectible { series, item } => ensure!(
				T::Collectibles::item_parties(series, item) == parties,
				Error::<T>::ReferenceMismatch
			),
			Reference::None | Reference::Order(_) => {},
		}
		if reference != Reference::None {
			ensure!(
				!LiveByReference::<T>::contains_key((&complainant, &merchant, reference)),
				Error::<T>::DuplicateComplaint
			);
		}
		let live = LiveComplaints::<T>::get(&complainant);
		ensure!(live < T::MaxLiveComplaintsPerConsumer::get(), Error::<T>::TooManyLiveComplaints);
		let deposit = T::ComplaintDeposit::get();
		Self::ensure_can_hold(HoldReason::ComplaintDeposit, &complainant, deposit)?;
		let id = NextComplaintId::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let now = Self::now();
		let history = Self::history_with(id, Step::Filed(evidence))?;

		<T::NativeBalance as MutateHold<T::AccountId>>::hold(
			&HoldReason::ComplaintDeposit.into(),
			&complainant,
			deposit,
		)?;
		let complaint = Complaint {
			complainant: complainant.clone(),
			merchant: merchant.clone(),
			area: summary.area,
			category,
			reference,
			claimed,
			deposit,
			status: ComplaintStatus::AwaitingResponse,
			filed_at: now,
			respond_by: now.saturating_add(T::ResponseWindow::get()),
			mediator: None,
			evidence_by: None,
			evidence_count: (1, 0),
			ruling: None,
			appeal_by: None,
			appeal: None,
			refunded: Zero::zero(),
			from_escrow: Zero::zero(),
			card_debt: Zero::zero(),
			unpaid: Zero::zero(),
		};
		Complaints::<T>::insert(id, complaint);
		Histories::<T>::insert(id, history);
		NextComplaintId::<T>::put(next);
		if reference != Reference::None {
			LiveByReference::<T>::insert((&complainant, &merchant, reference), id);
		}
		LiveComplaints::<T>::insert(&complainant, live.saturating_add(1));
		Stats::<T>::mutate(&merchant, |s| {
			s.area = summary.area;
			s.filed.saturating_inc();
			s.open.saturating_inc();
		});
		Self::enqueue(Deadline::Response, id);
		Self::deposit_event(Event::ComplaintFiled {
			complaint: id,
			complainant,
			merchant,
			category,
			claimed,
			deposit,
		});
		Ok(id)
	}

	/// The merchant's checks common to settling and contesting; returns the complaint.
	fn ensure_can_answer(merchant: &T::AccountId, id: ComplaintId) -> Result<ComplaintOf<T>, Error<T>> {
		let complaint = Self::complaint(id)?;
		ensure!(complaint.merchant == *merchant, Error::<T>::NotTheMerchant);
		ensure!(complaint.status == ComplaintStatus::AwaitingResponse, Error::<T>::WrongStatus);
		ensure!(Self::now() < complaint.respond_by, Error::<T>::ResponseWindowClosed);
		Ok(complaint)
	}

	/// Records an answer in time in the merchant's statistics.
	fn note_answer(complaint: &ComplaintOf<T>, stats: &mut MerchantStats) {
		stats.answered.saturating_inc();
		stats.response_ms_total = stats
			.response_ms_total
			.saturating_add(Self::now().saturating_sub(complaint.filed_at));
	}

	/// The merchant accepts the claim and refunds it in full.
	pub fn do_settle(merchant: T::AccountId, id: ComplaintId) -> DispatchResult {
		let mut complaint = Self::ensure_can_answer(&merchant, id)?;
		let plan = Self::refund_plan(&complaint, complaint.claimed);
		ensure!(Self::payable_by(&merchant) >= plan.from_merchant, Error::<T>::MerchantCannotPay);
		let paid = Self::pay_refund(&complaint, plan)?;
		// Settling is the merchant's promise to pay in full: an advanced card it cannot cover
		// undoes the whole call.
		ensure!(paid.card_debt.is_zero() && paid.unpaid.is_zero(), Error::<T>::MerchantCannotPay);
		let refunded = paid.refunded;
		let history = Self::history_with(id, Step::Settled { refunded })?;

		Self::end_live(&complaint, false);
		Stats::<T>::mutate(&merchant, |s| {
			Self::note_answer(&complaint, s);
			s.open.saturating_dec();
			s.settled.saturating_inc();
		});
		complaint.status = ComplaintStatus::Settled;
		Self::note_paid(&mut complaint, &paid);
		Complaints::<T>::insert(id, complaint);
		Histories::<T>::insert(id, history);
		Self::deposit_event(Event::ComplaintSettled { complaint: id, refunded });
		Ok(())
	}

	/// The merchant contests with its evidence: the complaint goes to mediation.
	pub fn do_contest(merchant: T::AccountId, id: ComplaintId, evidence: Evidence) -> DispatchResult {
		let mut complaint = Self::ensure_can_answer(&merchant, id)?;
		ensure!(complaint.evidence_count.1 < T::MaxEvidencePerParty::get(), Error::<T>::TooMuchEvidence);
		let history = Self::history_with(id, Step::Contested(evidence))?;

		Stats::<T>::mutate(&merchant, |s| Self::note_answer(&complaint, s));
		complaint.status = ComplaintStatus::InMediation;
		complaint.evidence_count.1.saturating_inc();
		Complaints::<T>::insert(id, complaint);
		Histories::<T>::insert(id, history);
		Self::deposit_event(Event::ComplaintContested { complaint: id });
		Ok(())
	}

	/// Sends an unanswered complaint to mediation once the response window passed.
	pub fn do_escalate(id: ComplaintId) -> DispatchResult {
		let mut complaint = Self::complaint(id)?;
		ensure!(complaint.status == ComplaintStatus::AwaitingResponse, Error::<T>::WrongStatus);
		ensure!(Self::now() >= complaint.respond_by, Error::<T>::DeadlineNotPassed);
		let history = Self::history_with(id, Step::Escalated)?;

		Stats::<T>::mutate(&complaint.merchant, |s| s.unanswered.saturating_inc());
		complaint.status = ComplaintStatus::InMediation;
		Complaints::<T>::insert(id, complaint);
		Histories::<T>::insert(id, history);
		Self::deposit_event(Event::ComplaintEscalated { complaint: id });
		Ok(())
	}

	/// The complainant withdraws a complaint not yet ruled.
	pub fn do_withdraw(complainant: T::AccountId, id: ComplaintId) -> DispatchResult {
		let mut complaint = Self::complaint(id)?;
		ensure!(complaint.complainant == complainant, Error::<T>::NotTheComplainant);
		// Once a mediator holds the case, withdrawing would dodge a frivolous ruling.
		let withdrawable = complaint.status == ComplaintStatus::AwaitingResponse ||
			(complaint.status == ComplaintStatus::InMediation && complaint.mediator.is_none());
		ensure!(withdrawable, Error::<T>::WrongStatus);
		let history = Self::history_with(id, Step::Withdrawn)?;

		Self::end_live(&complaint, false);
		Stats::<T>::mutate(&complaint.merchant, |s| {
			s.open.saturating_dec();
			s.withdrawn.saturating_inc();
		});
		complaint.status = ComplaintStatus::Withdrawn;
		Complaints::<T>::insert(id, complaint);
		Histories::<T>::insert(id, history);
		Self::deposit_event(Event::ComplaintWithdrawn { complaint: id });
		Ok(())
	}

	/// A regulator appoints a mediator for an area of its jurisdiction.
	pub fn do_appoint_mediator(
		regulator: T::AccountId,
		mediator: T::AccountId,
		area: AreaCode,
	) -> DispatchResult {
		let jurisdiction =
			T::Subjects::regulator_jurisdiction(&regulator).ok_or(Error::<T>::NotRegulator)?;
		ensure!(area.is_valid(), Error::<T>::InvalidArea);
		ensure!(jurisdiction.covers(area), Error::<T>::OutOfJurisdiction);
		ensure!(!Mediators::<T>::contains_key(&mediator), Error::<T>::AlreadyMediator);

		Mediators::<T>::insert(&mediator, Mediator { area, appointed_by: regulator });
		Self::deposit_event(Event::MediatorAppointed { mediator, area });
		Ok(())
	}

	/// A regulator covering the mediator's area dismisses it.
	pub fn do_dismiss_mediator(regulator: T::AccountId, mediator: T::AccountId) -> DispatchResult {
		let jurisdiction =
			T::Subjects::regulator_jurisdiction(&regulator).ok_or(Error::<T>::NotRegulator)?;
		let record = Mediators::<T>::get(&mediator).ok_or(Error::<T>::NotMediator)?;
		ensure!(jurisdiction.covers(record.area), Error::<T>::OutOfJurisdiction);

		Mediators::<T>::remove(&mediator);
		Self::deposit_event(Event::MediatorDismissed { mediator });
		Ok(())
	}

	/// Checks that `mediator` may act on `complaint`: appointed, of its area, not a party.
	fn ensure_mediator_for(mediator: &T::AccountId, complaint: &ComplaintOf<T>) -> Result<(), Error<T>> {
		let record = Mediators::<T>::get(mediator).ok_or(Error::<T>::NotMediator)?;
		ensure!(record.area.covers(complaint.area), Error::<T>::NotMediatorOfArea);
		ensure!(Self::party_of(complaint, mediator).is_none(), Error::<T>::MediatorIsParty);
		Ok(())
	}

	/// A mediator of the area takes a complaint in mediation.
	pub fn do_take_case(mediator: T::AccountId, id: ComplaintId) -> DispatchResult {
		let mut complaint = Self::complaint(id)?;
		ensure!(complaint.status == ComplaintStatus::InMediation, Error::<T>::WrongStatus);
		// A case is free when nobody took it, or when its mediator was dismissed (once: the
		// history has room for one take-over).
		let free = match &complaint.mediator {
			None => true,
			Some(current) => {
				let taken = Histories::<T>::get(id)
					.iter()
					.filter(|s| matches!(s.step, Step::CaseTaken(_)))
					.count();
				!Mediators::<T>::contains_key(current) && taken < 2
			},
		};
		ensure!(free, Error::<T>::CaseAlreadyTaken);
		Self::ensure_mediator_for(&mediator, &complaint)?;
		let evidence_by = Self::now().saturating_add(T::EvidenceWindow::get());
		let history = Self::history_with(id, Step::CaseTaken(mediator.clone()))?;

		complaint.mediator = Some(mediator.clone());
		complaint.evidence_by = Some(evidence_by);
		Complaints::<T>::insert(id, complaint);
		Histories::<T>::insert(id, history);
		Self::deposit_event(Event::CaseTaken { complaint: id, mediator, evidence_by });
		Ok(())
	}

	/// A party adds evidence while the complaint awaits an answer, is in mediation (before
	/// the evidence deadline) or is under appeal (before the decision deadline).
	pub fn do_add_evidence(who: T::AccountId, id: ComplaintId, evidence: Evidence) -> DispatchResult {
		let mut complaint = Self::complaint(id)?;
		let party = Self::party_of(&complaint, &who).ok_or(Error::<T>::NotAParty)?;
		let now = Self::now();
		let open_until = match complaint.status {
			// The merchant's first word is its answer (`contest` or `settle`).
			ComplaintStatus::AwaitingResponse if party == Party::Merchant =>
				return Err(Error::<T>::WrongStatus.into()),
			ComplaintStatus::AwaitingResponse => None,
			ComplaintStatus::InMediation => complaint.evidence_by,
			ComplaintStatus::UnderAppeal => complaint.appeal.as_ref().map(|a| a.decide_by),
			_ => return Err(Error::<T>::WrongStatus.into()),
		};
		ensure!(open_until.map_or(true, |deadline| now < deadline), Error::<T>::EvidenceWindowClosed);
		let count = match party {
			Party::Complainant => &mut complaint.evidence_count.0,
			Party::Merchant => &mut complaint.evidence_count.1,
		};
		ensure!(*count < T::MaxEvidencePerParty::get(), Error::<T>::TooMuchEvidence);
		*count = count.saturating_add(1);
		let hash = evidence.hash;
		let history = Self::history_with(id, Step::EvidenceAdded(party, evidence))?;

		Complaints::<T>::insert(id, complaint);
		Histories::<T>::insert(id, history);
		Self::deposit_event(Event::EvidenceAdded { complaint: id, party, hash });
		Ok(())
	}

	/// The complaint's mediator rules; the refund and the breach execute now.
	pub fn do_rule(mediator: T::AccountId, id: ComplaintId, ruling: Ruling<BalanceOf<T>>) -> DispatchResult {
		let mut complaint = Self::complaint(id)?;
		ensure!(complaint.status == ComplaintStatus::InMediation, Error::<T>::WrongStatus);
		let assigned = complaint.mediator.as_ref().ok_or(Error::<T>::NoMediator)?;
		ensure!(*assigned == mediator, Error::<T>::NotTheMediator);
		// A dismissed mediator rules no more; another mediator of the area takes the case over.
		Self::ensure_mediator_for(&mediator, &complaint)?;
		Self::ensure_consistent(&ruling, complaint.claimed)?;
		let history = Self::history_with(id, Step::Ruled(ruling))?;
		let appeal_by = Self::now().saturating_add(T::AppealWindow::get());

		let plan = Self::refund_plan(&complaint, ruling.refund);
		let paid = Self::pay_refund(&complaint, plan)?;
		if let Some(severity) = ruling.breach {
			T::Subjects::record_breach(&complaint.merchant, severity, ruling.reasons)?;
		}
		Stats::<T>::mutate(&complaint.merchant, |s| {
			s.open.saturating_dec();
			if ruling.outcome.against_merchant() {
				s.upheld.saturating_inc();
			} else {
				s.rejected.saturating_inc();
			}
		});
		complaint.status = ComplaintStatus::Ruled;
		complaint.ruling = Some(ruling);
		complaint.appeal_by = Some(appeal_by);
		Self::note_paid(&mut complaint, &paid);
		Complaints::<T>::insert(id, complaint);
		Histories::<T>::insert(id, history);
		Self::enqueue(Deadline::Appeal, id);
		Self::deposit_event(Event::ComplaintRuled {
			complaint: id,
			ruling,
			refunded: paid.refunded,
			unpaid: paid.unpaid.saturating_add(paid.card_debt),
		});
		Ok(())
	}

	/// A party appeals the ruling, once, within the appeal window.
	pub fn do_appeal(appellant: T::AccountId, id: ComplaintId) -> DispatchResult {
		let mut complaint = Self::complaint(id)?;
		let party = Self::party_of(&complaint, &appellant).ok_or(Error::<T>::NotAParty)?;
		ensure!(complaint.appeal.is_none(), Error::<T>::AlreadyAppealed);
		ensure!(complaint.status == ComplaintStatus::Ruled, Error::<T>::WrongStatus);
		let now = Self::now();
		ensure!(complaint.appeal_by.is_some_and(|by| now < by), Error::<T>::AppealWindowClosed);
		let deposit = T::AppealDeposit::get();
		Self::ensure_can_hold(HoldReason::AppealDeposit, &appellant, deposit)?;
		let history = Self::history_with(id, Step::Appealed(party))?;
		let decide_by = now.saturating_add(T::DecisionWindow::get());

		<T::NativeBalance as MutateHold<T::AccountId>>::hold(
			&HoldReason::AppealDeposit.into(),
			&appellant,
			deposit,
		)?;
		complaint.status = ComplaintStatus::UnderAppeal;
		complaint.appeal = Some(Appeal {
			appellant: appellant.clone(),
			deposit,
			decide_by,
			votes: BoundedVec::new(),
		});
		Complaints::<T>::insert(id, complaint);
		Histories::<T>::insert(id, history);
		Self::enqueue(Deadline::Decision, id);
		Self::deposit_event(Event::RulingAppealed { complaint: id, appellant, decide_by });
		Ok(())
	}

	/// A mediator of the area votes on an appeal; a majority decides it at once.
	pub fn do_vote(mediator: T::AccountId, id: ComplaintId, ruling: Ruling<BalanceOf<T>>) -> DispatchResult {
		let mut complaint = Self::complaint(id)?;
		ensure!(complaint.status == ComplaintStatus::UnderAppeal, Error::<T>::WrongStatus);
		Self::ensure_mediator_for(&mediator, &complaint)?;
		ensure!(complaint.mediator.as_ref() != Some(&mediator), Error::<T>::FirstInstanceMediator);
		Self::ensure_consistent(&ruling, complaint.claimed)?;
		let mut appeal = complaint.appeal.clone().ok_or(Error::<T>::WrongStatus)?;
		ensure!(Self::now() < appeal.decide_by, Error::<T>::DecisionWindowClosed);
		ensure!(appeal.votes.iter().all(|(voter, _)| *voter != mediator), Error::<T>::AlreadyVoted);
		appeal
			.votes
			.try_push((mediator.clone(), ruling))
			.map_err(|_| Error::<T>::WrongStatus)?;
		let majority = Self::majority(&appeal.votes);
		let no_majority = majority.is_none() && appeal.votes.is_full();
		let mut history = Self::history_with(id, Step::Voted(mediator.clone(), ruling))?;
		if majority.is_some() || no_majority {
			history
				.try_push(TimedStep { at: Self::now(), step: Step::AppealDecided(majority) })
				.map_err(|_| Error::<T>::HistoryFull)?;
			history
				.try_push(TimedStep { at: Self::now(), step: Step::Closed })
				.map_err(|_| Error::<T>::HistoryFull)?;
		}

		Self::deposit_event(Event::AppealVoteCast { complaint: id, mediator, outcome: ruling.outcome });
		complaint.appeal = Some(appeal);
		match majority {
			Some(decided) => Self::decide_appeal(id, &mut complaint, decided)?,
			None if no_majority => Self::lapse_appeal(id, &mut complaint),
			None => {},
		}
		Complaints::<T>::insert(id, complaint);
		Histories::<T>::insert(id, history);
		Ok(())
	}

	/// The panel's decision, once two votes share an outcome: that outcome, the smaller refund
	/// and the milder breach of those two votes, the reasons of the earlier.
	fn majority(votes: &[(T::AccountId, Ruling<BalanceOf<T>>)]) -> Option<Ruling<BalanceOf<T>>> {
		votes.iter().enumerate().find_map(|(i, (_, first))| {
			votes.iter().skip(i.saturating_add(1)).find(|(_, other)| other.outcome == first.outcome).map(
				|(_, second)| Ruling {
					outcome: first.outcome,
					refund: first.refund.min(second.refund),
					breach: first.breach.min(second.breach),
					reasons: first.reasons,
				},
			)
		})
	}

	/// Executes the appeal's ruling: reconciles the refund with what the first ruling paid
	/// (topped up; or what the merchant paid beyond the new refund clawed back from the
	/// complainant, while a card's escrowed value stays refunded), the breach with the one
	/// recorded, the statistics, and settles both deposits.
	fn decide_appeal(
		id: ComplaintId,
		complaint: &mut ComplaintOf<T>,
		decided: Ruling<BalanceOf<T>>,
	) -> DispatchResult {
		let first = complaint.ruling.ok_or(Error::<T>::WrongStatus)?;
		let (mut topped_up, mut clawed_back, mut unrecovered) =
			(BalanceOf::<T>::zero(), BalanceOf::<T>::zero(), BalanceOf::<T>::zero());
		// What the first ruling settled: paid, or owed through pallet-prepaid's card debts.
		let settled = complaint.refunded.saturating_add(complaint.card_debt);
		if decided.refund > settled {
			let plan = Self::refund_plan(complaint, decided.refund.saturating_sub(settled));
			let paid = Self::pay_refund(complaint, plan)?;
			topped_up = paid.refunded;
			Self::note_paid(complaint, &paid);
		} else {
			// Only what the merchant paid from its own CNY comes back to it.
			let excess = settled.saturating_sub(decided.refund);
			let paid_by_merchant = complaint.refunded.saturating_sub(complaint.from_escrow);
			let due = excess.min(paid_by_merchant);
			clawed_back = due.min(Self::payable_by(&complaint.complainant));
			unrecovered = due.saturating_sub(clawed_back);
			if !clawed_back.is_zero() {
				<T::Currency as fungibles::Mutate<T::AccountId>>::transfer(
					T::CnyAsset::get(),
					&complaint.complainant,
					&complaint.merchant,
					clawed_back,
					Preservation::Expendable,
				)?;
			}
			complaint.refunded = complaint.refunded.saturating_sub(clawed_back);
			complaint.unpaid = Zero::zero();
		}
		Self::reconcile_breach(&complaint.merchant, first.breach, decided.breach, decided.reasons)?;
		if first.outcome.against_merchant() != decided.outcome.against_merchant() {
			Stats::<T>::mutate(&complaint.merchant, |s| {
				if decided.outcome.against_merchant() {
					s.rejected.saturating_dec();
					s.upheld.saturating_inc();
				} else {
					s.upheld.saturating_dec();
					s.rejected.saturating_inc();
				}
			});
		}
		if let Some(appeal) = &complaint.appeal {
			// An appeal that changed nothing (whatever the reasons) costs its deposit.
			let same = (decided.outcome, decided.refund, decided.breach) ==
				(first.outcome, first.refund, first.breach);
			if same {
				Self::slash(HoldReason::AppealDeposit, &appeal.appellant, appeal.deposit);
			} else {
				Self::release(HoldReason::AppealDeposit, &appeal.appellant, appeal.deposit);
			}
		}
		let slashed = decided.outcome == Outcome::Frivolous;
		Self::end_live(complaint, slashed);
		complaint.ruling = Some(decided);
		complaint.status = ComplaintStatus::Closed;
		Self::deposit_event(Event::AppealDecided {
			complaint: id,
			ruling: decided,
			topped_up,
			clawed_back,
			unrecovered,
		});
		Self::deposit_event(Event::ComplaintClosed { complaint: id, deposit_slashed: slashed });
		Ok(())
	}

	/// Brings the merchant's credit record in line with the appeal: a graver breach is
	/// recorded; a milder one (or none) earns a record in the merchant's favour, since a
	/// recorded breach is never erased.
	fn reconcile_breach(
		merchant: &T::AccountId,
		first: Option<Severity>,
		decided: Option<Severity>,
		reasons: sp_core::H256,
	) -> DispatchResult {
		match (first, decided) {
			(first, Some(severity)) if Some(severity) > first =>
				T::Subjects::record_breach(merchant, severity, reasons),
			(Some(_), decided) if decided < first => T::Subjects::record_fulfilment(merchant, reasons),
			_ => Ok(()),
		}
	}

	/// The first ruling stands: the appeal deposit comes back, the complaint is final.
	fn lapse_appeal(id: ComplaintId, complaint: &mut ComplaintOf<T>) {
		if let Some(appeal) = &complaint.appeal {
			Self::release(HoldReason::AppealDeposit, &appeal.appellant, appeal.deposit);
		}
		let slashed = complaint.ruling.is_some_and(|r| r.outcome == Outcome::Frivolous);
		Self::end_live(complaint, slashed);
		complaint.status = ComplaintStatus::Closed;
		Self::deposit_event(Event::AppealLapsed { complaint: id });
		Self::deposit_event(Event::ComplaintClosed { complaint: id, deposit_slashed: slashed });
	}

	/// Makes a ruling final after its appeal window, or lets an appeal lapse after its decision
	/// window.
	pub fn do_finalize(id: ComplaintId) -> DispatchResult {
		let mut complaint = Self::complaint(id)?;
		let now = Self::now();
		match complaint.status {
			ComplaintStatus::Ruled => {
				ensure!(complaint.appeal_by.is_some_and(|by| now >= by), Error::<T>::DeadlineNotPassed);
				let history = Self::history_with(id, Step::Closed)?;
				let slashed = complaint.ruling.is_some_and(|r| r.outcome == Outcome::Frivolous);
				Self::end_live(&complaint, slashed);
				complaint.status = ComplaintStatus::Closed;
				Complaints::<T>::insert(id, complaint);
				Histories::<T>::insert(id, history);
				Self::deposit_event(Event::ComplaintClosed { complaint: id, deposit_slashed: slashed });
			},
			ComplaintStatus::UnderAppeal => {
				let decide_by = complaint.appeal.as_ref().map(|a| a.decide_by);
				ensure!(decide_by.is_some_and(|by| now >= by), Error::<T>::DeadlineNotPassed);
				let mut history = Self::history_with(id, Step::AppealDecided(None))?;
				history
					.try_push(TimedStep { at: now, step: Step::Closed })
					.map_err(|_| Error::<T>::HistoryFull)?;
				Self::lapse_appeal(id, &mut complaint);
				Complaints::<T>::insert(id, complaint);
				Histories::<T>::insert(id, history);
			},
			_ => return Err(Error::<T>::WrongStatus.into()),
		}
		Ok(())
	}

	/// The merchant of `transaction` if `reviewer` completed it.
	fn transaction_merchant(reviewer: &T::AccountId, transaction: Transaction) -> Option<T::AccountId> {
		match transaction {
			Transaction::Card(card) => T::Escrow::card_parties(card)
				.filter(|(holder, _)| holder == reviewer && T::Escrow::card_transacted(card))
				.map(|(_, merchant)| merchant),
			Transaction::Complaint(id) => Complaints::<T>::get(id)
				.filter(|c| {
					c.complainant == *reviewer &&
						matches!(c.status, ComplaintStatus::Settled | ComplaintStatus::Closed)
				})
				.map(|c| c.merchant),
			Transaction::Collectible { series, item } => T::Collectibles::item_parties(series, item)
				.filter(|(holder, _)| holder == reviewer && T::Collectibles::redeemed(series, item))
				.map(|(_, issuer)| issuer),
		}
	}

	/// The transaction a review is kept under: a complaint about a card or a collectible is
	/// that purchase, so that one purchase is reviewed once.
	fn review_key(transaction: Transaction) -> Transaction {
		match transaction {
			Transaction::Complaint(id) => match Complaints::<T>::get(id).map(|c| c.reference) {
				Some(Reference::Card(card)) => Transaction::Card(card),
				Some(Reference::Collectible { series, item }) => Transaction::Collectible { series, item },
				_ => transaction,
			},
			other => other,
		}
	}

	/// The consumer of a completed transaction reviews its merchant, once.
	pub fn do_review(
		reviewer: T::AccountId,
		transaction: Transaction,
		rating: u8,
		content: sp_core::H256,
	) -> DispatchResult {
		ensure!((1..=5).contains(&rating), Error::<T>::InvalidRating);
		let merchant =
			Self::transaction_merchant(&reviewer, transaction).ok_or(Error::<T>::NoTransaction)?;
		let transaction = Self::review_key(transaction);
		ensure!(!Reviews::<T>::contains_key(transaction), Error::<T>::AlreadyReviewed);

		Reviews::<T>::insert(
			transaction,
			Review { reviewer: reviewer.clone(), merchant: merchant.clone(), rating, content, at: Self::now() },
		);
		Stats::<T>::mutate(&merchant, |s| {
			if s.filed == 0 && s.ratings == 0 {
				s.area = T::Subjects::merchant(&merchant).map(|m| m.area).unwrap_or(s.area);
			}
			s.ratings.saturating_inc();
			s.rating_total = s.rating_total.saturating_add(u32::from(rating));
		});
		Self::deposit_event(Event::ReviewPosted { transaction, reviewer, merchant, rating });
		Ok(())
	}

	/// Whether complaint `id` is due for the action of queue `kind`: `Some(true)` due,
	/// `Some(false)` not yet (the queue stops there), `None` no longer waiting (drop it).
	fn due(kind: Deadline, id: ComplaintId, now: u64) -> Option<bool> {
		let complaint = Complaints::<T>::get(id)?;
		let deadline = match (kind, complaint.status) {
			(Deadline::Response, ComplaintStatus::AwaitingResponse) => complaint.respond_by,
			(Deadline::Appeal, ComplaintStatus::Ruled) => complaint.appeal_by?,
			(Deadline::Decision, ComplaintStatus::UnderAppeal) => complaint.appeal?.decide_by,
			_ => return None,
		};
		Some(now >= deadline)
	}

	/// Passes due deadlines, oldest first, while weight remains and at most
	/// `MaxSweepPerBlock` of them. Returns the weight used.
	pub(crate) fn sweep(remaining: Weight) -> Weight {
		let step = T::WeightInfo::sweep_step();
		let mut used = T::DbWeight::get().reads(3);
		if used.any_gt(remaining) {
			return Weight::zero();
		}
		let now = Self::now();
		let mut passed = 0u32;
		for kind in [Deadline::Response, Deadline::Appeal, Deadline::Decision] {
			loop {
				if passed >= T::MaxSweepPerBlock::get() || used.saturating_add(step).any_gt(remaining) {
					return used;
				}
				let (head, tail) = QueueBounds::<T>::get(kind);
				if head >= tail {
					break;
				}
				let id = DeadlineQueue::<T>::get(kind, head);
				let due = id.and_then(|id| Self::due(kind, id, now));
				if due == Some(false) {
					break;
				}
				used.saturating_accrue(step);
				passed.saturating_inc();
				if let (Some(id), Some(true)) = (id, due) {
					let result = frame_support::storage::with_storage_layer(|| match kind {
						Deadline::Response => Self::do_escalate(id),
						Deadline::Appeal | Deadline::Decision => Self::do_finalize(id),
					});
					if let Err(error) = result {
						log::warn!(target: "runtime::disputes", "sweep of complaint {id}: {error:?}");
					}
				}
				DeadlineQueue::<T>::remove(kind, head);
				QueueBounds::<T>::insert(kind, (head.saturating_add(1), tail));
			}
		}
		used
	}

	/// A complaint with its history, for the runtime API.
	pub fn complaint_with_history(id: ComplaintId) -> Option<(ComplaintOf<T>, Vec<TimedStepOf<T>>)> {
		Complaints::<T>::get(id).map(|c| (c, Histories::<T>::get(id).into_inner()))
	}

	/// Merchants of `area` (any code it covers) ranked by complaints upheld, then filed, then
	/// account; the page `offset..offset + limit` (limit at most 100).
	pub fn ranking(area: AreaCode, offset: u32, limit: u32) -> Vec<(T::AccountId, MerchantStats)> {
		let mut merchants: Vec<_> = Stats::<T>::iter().filter(|(_, s)| area.covers(s.area)).collect();
		merchants.sort_by(|(a, x), (b, y)| {
			y.upheld.cmp(&x.upheld).then(y.filed.cmp(&x.filed)).then(a.encode().cmp(&b.encode()))
		});
		merchants
			.into_iter()
			.skip(offset as usize)
			.take(limit.min(100) as usize)
			.collect()
	}

	/// Checks the pallet's invariants (see the module docs).
	#[cfg(any(feature = "try-runtime", test))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;
		let mut held: BTreeMap<(T::AccountId, bool), DepositOf<T>> = BTreeMap::new();
		let mut live: BTreeMap<T::AccountId, u32> = BTreeMap::new();
		let mut stats: BTreeMap<T::AccountId, MerchantStats> = BTreeMap::new();
		let next = NextComplaintId::<T>::get();
		for (id, c) in Complaints::<T>::iter() {
			ensure!(id < next, "a complaint id at or above NextComplaintId");
			ensure!(c.from_escrow <= c.refunded, "more refunded from escrow than refunded");
			// Every party that ever held a deposit is checked, live or not.
			held.entry((c.complainant.clone(), false)).or_default();
			if let Some(appeal) = &c.appeal {
				held.entry((appeal.appellant.clone(), true)).or_default();
			}
			let history = Histories::<T>::get(id);
			let rulings = history.iter().filter(|s| matches!(s.step, Step::Ruled(_))).count();
			let decisions =
				history.iter().filter(|s| matches!(s.step, Step::AppealDecided(_))).count();
			ensure!(rulings <= 1 && decisions <= 1, "a complaint ruled twice");
			ensure!(
				c.ruling.is_some() == (rulings == 1),
				"a ruling in force without a ruling step, or the reverse"
			);
			if c.status.holds_deposit() {
				let entry = held.entry((c.complainant.clone(), false)).or_default();
				*entry = entry.saturating_add(c.deposit);
				live.entry(c.complainant.clone()).or_default().saturating_inc();
				if c.reference != Reference::None {
					ensure!(
						LiveByReference::<T>::get((&c.complainant, &c.merchant, c.reference)) == Some(id),
						"a live complaint missing from LiveByReference"
					);
				}
			}
			if c.status == ComplaintStatus::UnderAppeal {
				let appeal = c.appeal.as_ref().ok_or("an appeal without its record")?;
				let entry = held.entry((appeal.appellant.clone(), true)).or_default();
				*entry = entry.saturating_add(appeal.deposit);
			}
			let s = stats.entry(c.merchant.clone()).or_default();
			s.filed.saturating_inc();
			match c.status {
				s2 if s2.is_open() => s.open.saturating_inc(),
				ComplaintStatus::Settled => s.settled.saturating_inc(),
				ComplaintStatus::Withdrawn => s.withdrawn.saturating_inc(),
				_ => match c.ruling {
					Some(r) if r.outcome.against_merchant() => s.upheld.saturating_inc(),
					Some(_) => s.rejected.saturating_inc(),
					None => return Err("a ruled complaint without a ruling".into()),
				},
			}
		}
		for (who, count) in LiveComplaints::<T>::iter() {
			ensure!(live.get(&who) == Some(&count), "LiveComplaints does not match the complaints");
		}
		ensure!(
			live.len() == LiveComplaints::<T>::iter().count(),
			"a consumer with live complaints missing from LiveComplaints"
		);
		for ((complainant, merchant, reference), id) in LiveByReference::<T>::iter() {
			let c = Complaints::<T>::get(id).ok_or("LiveByReference names no complaint")?;
			ensure!(
				c.complainant == complainant &&
					c.merchant == merchant && c.reference == reference &&
					c.status.holds_deposit(),
				"LiveByReference names a complaint that is not live"
			);
		}
		for ((who, appeal), amount) in held {
			let reason = if appeal { HoldReason::AppealDeposit } else { HoldReason::ComplaintDeposit };
			let on_hold = <T::NativeBalance as InspectHold<T::AccountId>>::balance_on_hold(
				&reason.into(),
				&who,
			);
			ensure!(on_hold == amount, "held deposits differ from the deposits of live complaints");
		}
		for review in Reviews::<T>::iter_values() {
			let s = stats.entry(review.merchant.clone()).or_default();
			s.ratings.saturating_inc();
			s.rating_total = s.rating_total.saturating_add(u32::from(review.rating));
		}
		for (merchant, s) in Stats::<T>::iter() {
			let expected = stats.remove(&merchant).unwrap_or_default();
			ensure!(
				(s.filed, s.open, s.settled, s.upheld, s.rejected, s.withdrawn, s.ratings, s.rating_total) ==
					(
						expected.filed,
						expected.open,
						expected.settled,
						expected.upheld,
						expected.rejected,
						expected.withdrawn,
						expected.ratings,
						expected.rating_total
					),
				"merchant statistics do not match the complaints and reviews"
			);
			ensure!(s.answered.saturating_add(s.unanswered) <= s.filed, "more answers than complaints");
		}
		ensure!(stats.is_empty(), "complaints or reviews of a merchant without statistics");
		for kind in [Deadline::Response, Deadline::Appeal, Deadline::Decision] {
			let (head, tail) = QueueBounds::<T>::get(kind);
			ensure!(head <= tail, "a deadline queue with its head past its tail");
			ensure!(
				DeadlineQueue::<T>::iter_prefix(kind).all(|(pos, _)| (head..tail).contains(&pos)),
				"a deadline queue entry outside its bounds"
			);
		}
		Ok(())
	}
}
