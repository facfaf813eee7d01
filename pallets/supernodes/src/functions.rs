//! The logic behind the calls, reused by genesis, the session manager and the runtime API.

use crate::{pallet::*, types::*, SubChainOf, SupernodeOf, WorkOrderOf};
use alloc::vec::Vec;
use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::{
		fungible::MutateHold,
		tokens::Precision,
		Contains,
	},
};
use frame_system::pallet_prelude::BlockNumberFor;
use guilian_primitives::{AreaCode, SubjectRegistry};
use sp_core::H256;

/// Most entries a runtime API page returns.
pub const MAX_PAGE: u32 = 100;

impl<T: Config> Pallet<T> {
	/// Now, in ms since the Unix epoch (saturating).
	pub(crate) fn now() -> u64 {
		guilian_primitives::unix_millis::<T::Time>()
	}

	// ---- Supernodes and validators ----

	/// The supernode operators, sorted (at most `MaxSupernodes`): the council's members.
	pub fn operators() -> alloc::vec::Vec<T::AccountId> {
		let mut operators: alloc::vec::Vec<_> = Supernodes::<T>::iter_keys().collect();
		operators.sort();
		operators
	}

	/// Adds a supernode with its validators.
	pub fn do_add_supernode(
		operator: T::AccountId,
		name: BoundedVec<u8, T::MaxNameLen>,
		area: AreaCode,
		validators: BoundedVec<T::AccountId, T::MaxValidatorsPerSupernode>,
	) -> DispatchResult {
		ensure!(!Supernodes::<T>::contains_key(&operator), Error::<T>::SupernodeExists);
		ensure!(!name.is_empty(), Error::<T>::EmptyName);
		ensure!(area.is_valid(), Error::<T>::InvalidAreaCode);
		for (i, validator) in validators.iter().enumerate() {
			ensure!(!ValidatorOf::<T>::contains_key(validator), Error::<T>::ValidatorInUse);
			ensure!(!validators[..i].contains(validator), Error::<T>::ValidatorInUse);
		}
		let supernodes = SupernodeCount::<T>::get().checked_add(1).ok_or(Error::<T>::Overflow)?;
		ensure!(supernodes <= T::MaxSupernodes::get(), Error::<T>::TooManySupernodes);
		let count = ValidatorCount::<T>::get()
			.checked_add(validators.len() as u32)
			.ok_or(Error::<T>::Overflow)?;
		ensure!(count <= T::MaxValidators::get(), Error::<T>::TooManyValidators);

		for validator in &validators {
			ValidatorOf::<T>::insert(validator, &operator);
		}
		ValidatorCount::<T>::put(count);
		SupernodeCount::<T>::put(supernodes);
		Supernodes::<T>::insert(&operator, Supernode { name, area, validators: validators.clone() });
		<T::OperatorsChanged as frame_support::traits::ChangeMembers<T::AccountId>>::change_members_sorted(
			core::slice::from_ref(&operator),
			&[],
			&Self::operators(),
		);
		Self::deposit_event(Event::SupernodeAdded { operator, area, validators });
		Ok(())
	}

	/// Removes a supernode and its validators.
	pub fn do_remove_supernode(operator: T::AccountId) -> DispatchResult {
		let supernode = Supernodes::<T>::get(&operator).ok_or(Error::<T>::UnknownSupernode)?;
		Self::ensure_minimum_after_leaving(&supernode.validators)?;
		let count = ValidatorCount::<T>::get()
			.checked_sub(supernode.validators.len() as u32)
			.ok_or(Error::<T>::Overflow)?;
		let supernodes = SupernodeCount::<T>::get().checked_sub(1).ok_or(Error::<T>::Overflow)?;

		for validator in &supernode.validators {
			ValidatorOf::<T>::remove(validator);
		}
		ValidatorCount::<T>::put(count);
		SupernodeCount::<T>::put(supernodes);
		Supernodes::<T>::remove(&operator);
		<T::OperatorsChanged as frame_support::traits::ChangeMembers<T::AccountId>>::change_members_sorted(
			&[],
			core::slice::from_ref(&operator),
			&Self::operators(),
		);
		Self::deposit_event(Event::SupernodeRemoved { operator });
		Ok(())
	}

	/// Approves a validator of a supernode (keys or not).
	pub fn do_add_validator(operator: T::AccountId, validator: T::AccountId) -> DispatchResult {
		let mut supernode = Supernodes::<T>::get(&operator).ok_or(Error::<T>::UnknownSupernode)?;
		ensure!(!ValidatorOf::<T>::contains_key(&validator), Error::<T>::ValidatorInUse);
		let count = ValidatorCount::<T>::get().checked_add(1).ok_or(Error::<T>::Overflow)?;
		ensure!(count <= T::MaxValidators::get(), Error::<T>::TooManyValidators);
		supernode
			.validators
			.try_push(validator.clone())
			.map_err(|_| Error::<T>::TooManyValidatorsInSupernode)?;

		ValidatorOf::<T>::insert(&validator, &operator);
		ValidatorCount::<T>::put(count);
		Supernodes::<T>::insert(&operator, supernode);
		let keys_set = Self::keys_set(&validator);
		Self::deposit_event(Event::ValidatorAdded { operator, validator, keys_set });
		Ok(())
	}

	/// Removes a validator of a supernode.
	pub fn do_remove_validator(operator: T::AccountId, validator: T::AccountId) -> DispatchResult {
		let mut supernode = Supernodes::<T>::get(&operator).ok_or(Error::<T>::UnknownSupernode)?;
		ensure!(
			ValidatorOf::<T>::get(&validator).as_ref() == Some(&operator),
			Error::<T>::NotValidatorOfSupernode
		);
		Self::ensure_minimum_after_leaving(core::slice::from_ref(&validator))?;
		let count = ValidatorCount::<T>::get().checked_sub(1).ok_or(Error::<T>::Overflow)?;

		supernode.validators.retain(|v| *v != validator);
		ValidatorOf::<T>::remove(&validator);
		ValidatorCount::<T>::put(count);
		Supernodes::<T>::insert(&operator, supernode);
		Self::deposit_event(Event::ValidatorRemoved { operator, validator });
		Ok(())
	}

	/// Replaces a validator of a supernode by one whose keys are set.
	pub fn do_replace_validator(
		operator: T::AccountId,
		old: T::AccountId,
		new: T::AccountId,
	) -> DispatchResult {
		let mut supernode = Supernodes::<T>::get(&operator).ok_or(Error::<T>::UnknownSupernode)?;
		ensure!(
			ValidatorOf::<T>::get(&old).as_ref() == Some(&operator),
			Error::<T>::NotValidatorOfSupernode
		);
		ensure!(!ValidatorOf::<T>::contains_key(&new), Error::<T>::ValidatorInUse);
		ensure!(Self::keys_set(&new), Error::<T>::KeysNotSet);

		for slot in supernode.validators.iter_mut().filter(|v| **v == old) {
			*slot = new.clone();
		}
		ValidatorOf::<T>::remove(&old);
		ValidatorOf::<T>::insert(&new, &operator);
		Supernodes::<T>::insert(&operator, supernode);
		Self::deposit_event(Event::ValidatorReplaced { operator, old, new });
		Ok(())
	}

	/// Refuses a departure of `leaving` validators that would drop the approved-with-keys count
	/// below `MinValidators`.
	fn ensure_minimum_after_leaving(leaving: &[T::AccountId]) -> DispatchResult {
		let leaving_active = leaving.iter().filter(|v| Self::keys_set(v)).count();
		if leaving_active == 0 {
			return Ok(());
		}
		let remaining = Self::approved_with_keys().len().saturating_sub(leaving_active);
		ensure!(remaining >= T::MinValidators::get() as usize, Error::<T>::BelowMinValidators);
		Ok(())
	}

	/// The approved validators whose session keys are set, sorted.
	pub fn approved_with_keys() -> Vec<T::AccountId> {
		let mut set: Vec<T::AccountId> =
			ValidatorOf::<T>::iter_keys().filter(|v| T::KeysSet::contains(v)).collect();
		set.sort();
		set
	}

	/// The validator set for session `session`, or `None` to keep the current one: when the
	/// approved-with-keys set is unchanged, empty, or would shrink below `MinValidators`.
	pub(crate) fn plan_session(session: u32) -> Option<Vec<T::AccountId>> {
		let next = Self::approved_with_keys();
		let current = PlannedValidators::<T>::get();
		if next.as_slice() == current.as_slice() {
			return None;
		}
		let min = T::MinValidators::get() as usize;
		if next.is_empty() || (next.len() < min && next.len() < current.len()) {
			log::warn!(
				target: "runtime::supernodes",
				"session {session}: {} validators with keys is below the minimum; keeping the set",
				next.len(),
			);
			return None;
		}
		let Ok(planned) = BoundedVec::<T::AccountId, T::MaxValidators>::try_from(next.clone()) else {
			// ValidatorCount never exceeds MaxValidators.
			frame_support::defensive!("more approved validators than MaxValidators");
			return None;
		};
		PlannedValidators::<T>::put(&planned);
		Self::deposit_event(Event::ValidatorSetPlanned { session, validators: planned });
		Some(next)
	}

	/// Sets the session length.
	pub fn do_set_session_length(blocks: BlockNumberFor<T>) -> DispatchResult {
		ensure!(!blocks.is_zero(), Error::<T>::InvalidSessionLength);
		SessionLength::<T>::put(blocks);
		Self::deposit_event(Event::SessionLengthSet { blocks });
		Ok(())
	}

	/// Sets or clears this chain's AC code.
	pub fn do_set_chain_ac_code(raw: Option<[u8; 4]>) -> DispatchResult {
		let code = match raw {
			Some(raw) => Some(AcCode::normalize(raw).ok_or(Error::<T>::MalformedAcCode)?),
			None => None,
		};
		ChainAcCode::<T>::set(code);
		Self::deposit_event(Event::ChainAcCodeSet { ac_code: code });
		Ok(())
	}

	// ---- Sub-chains ----

	/// Records a sub-chain application and holds the deposit.
	pub fn do_apply(
		operator: T::AccountId,
		raw_ac: [u8; 4],
		chain_type: BoundedVec<u8, T::MaxLabelLen>,
		industry: BoundedVec<u8, T::MaxLabelLen>,
		area: AreaCode,
		gateways: BoundedVec<T::AccountId, T::MaxGateways>,
	) -> Result<SubChainId, DispatchError> {
		let requested_ac = AcCode::normalize(raw_ac).ok_or(Error::<T>::MalformedAcCode)?;
		ensure!(!SubChainByAc::<T>::contains_key(requested_ac), Error::<T>::DuplicateAcCode);
		ensure!(!chain_type.is_empty() && !industry.is_empty(), Error::<T>::EmptyName);
		ensure!(area.is_valid(), Error::<T>::InvalidAreaCode);
		ensure!(!gateways.is_empty(), Error::<T>::NoGateways);
		for (i, gateway) in gateways.iter().enumerate() {
			ensure!(!gateways[..i].contains(gateway), Error::<T>::DuplicateGateway);
		}
		let id = NextSubChainId::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let deposit = T::ApplicationDeposit::get();
		T::Currency::hold(&HoldReason::SubChainApplication.into(), &operator, deposit)
			.map_err(|_| Error::<T>::InsufficientDeposit)?;

		NextSubChainId::<T>::put(next);
		ApplicationDeposits::<T>::insert(id, deposit);
		SubChains::<T>::insert(
			id,
			SubChain {
				operator: operator.clone(),
				requested_ac,
				ac_code: None,
				chain_type,
				industry,
				area,
				gateways,
				status: SubChainStatus::Pending,
				approved_at: None,
			},
		);
		Self::deposit_event(Event::SubChainApplied { subchain: id, operator, requested_ac, deposit });
		Ok(id)
	}

	/// A pending sub-chain, or the error.
	fn pending(id: SubChainId) -> Result<SubChainOf<T>, DispatchError> {
		let subchain = SubChains::<T>::get(id).ok_or(Error::<T>::UnknownSubChain)?;
		ensure!(subchain.status == SubChainStatus::Pending, Error::<T>::WrongSubChainStatus);
		Ok(subchain)
	}

	/// Releases the deposit of application `id`.
	fn release_deposit(id: SubChainId, operator: &T::AccountId) {
		let Some(deposit) = ApplicationDeposits::<T>::take(id) else {
			frame_support::defensive!("a pending application has a deposit");
			return;
		};
		if let Err(e) = T::Currency::release(
			&HoldReason::SubChainApplication.into(),
			operator,
			deposit,
			Precision::BestEffort,
		) {
			frame_support::defensive!("an application deposit is held until the decision", e);
		}
	}

	/// Approves a pending sub-chain under `raw_ac` or the code it asked for.
	pub fn do_approve(id: SubChainId, raw_ac: Option<[u8; 4]>) -> DispatchResult {
		let mut subchain = Self::pending(id)?;
		let code = match raw_ac {
			Some(raw) => AcCode::normalize(raw).ok_or(Error::<T>::MalformedAcCode)?,
			None => subchain.requested_ac,
		};
		ensure!(!SubChainByAc::<T>::contains_key(code), Error::<T>::DuplicateAcCode);

		Self::release_deposit(id, &subchain.operator);
		subchain.status = SubChainStatus::Approved;
		subchain.ac_code = Some(code);
		subchain.approved_at = Some(Self::now());
		SubChains::<T>::insert(id, subchain);
		SubChainByAc::<T>::insert(code, id);
		Self::deposit_event(Event::SubChainApproved { subchain: id, ac_code: code });
		Ok(())
	}

	/// Rejects a pending application and forgets it.
	pub fn do_reject(id: SubChainId) -> DispatchResult {
		let subchain = Self::pending(id)?;
		Self::release_deposit(id, &subchain.operator);
		SubChains::<T>::remove(id);
		Self::deposit_event(Event::SubChainRejected { subchain: id });
		Ok(())
	}

	/// Moves a sub-chain from status `from` to `to`.
	fn set_status(id: SubChainId, from: SubChainStatus, to: SubChainStatus) -> DispatchResult {
		let mut subchain = SubChains::<T>::get(id).ok_or(Error::<T>::UnknownSubChain)?;
		ensure!(subchain.status == from, Error::<T>::WrongSubChainStatus);
		subchain.status = to;
		SubChains::<T>::insert(id, subchain);
		Ok(())
	}

	/// Suspends an approved sub-chain.
	pub fn do_suspend(id: SubChainId) -> DispatchResult {
		Self::set_status(id, SubChainStatus::Approved, SubChainStatus::Suspended)?;
		Self::deposit_event(Event::SubChainSuspended { subchain: id });
		Ok(())
	}

	/// Resumes a suspended sub-chain.
	pub fn do_resume(id: SubChainId) -> DispatchResult {
		Self::set_status(id, SubChainStatus::Suspended, SubChainStatus::Approved)?;
		Self::deposit_event(Event::SubChainResumed { subchain: id });
		Ok(())
	}

	/// Anchors a batch of block records of a sub-chain.
	pub fn do_anchor(gateway: T::AccountId, id: SubChainId, batch: Vec<AnchorRecord>) -> DispatchResult {
		ensure!(batch.len() <= T::MaxAnchorBatch::get() as usize, Error::<T>::BatchTooLarge);
		let (Some(first), Some(last)) = (batch.first().copied(), batch.last().copied()) else {
			return Err(Error::<T>::EmptyBatch.into());
		};
		let subchain = SubChains::<T>::get(id).ok_or(Error::<T>::UnknownSubChain)?;
		ensure!(subchain.gateways.contains(&gateway), Error::<T>::NotGateway);
		ensure!(subchain.status == SubChainStatus::Approved, Error::<T>::SubChainNotActive);
		let stored = Anchors::<T>::get(id);
		let mut previous = stored.as_ref().map(|s| s.latest);
		for record in &batch {
			if let Some(prev) = previous {
				ensure!(record.height > prev.height, Error::<T>::NonIncreasingHeight);
				ensure!(record.height == prev.height.saturating_add(1), Error::<T>::HeightGap);
				ensure!(record.parent_hash == prev.block_hash, Error::<T>::BrokenParentLink);
			}
			previous = Some(*record);
		}
		let count = batch.len() as u32;
		let total = stored
			.map_or(0, |s| s.count)
			.checked_add(u64::from(count))
			.ok_or(Error::<T>::Overflow)?;

		Anchors::<T>::insert(id, AnchorState { latest: last, count: total, anchored_at: Self::now() });
		Self::deposit_event(Event::Anchored {
			subchain: id,
			gateway,
			count,
			first_height: first.height,
			first_hash: first.block_hash,
			last_height: last.height,
			last_hash: last.block_hash,
		});
		Ok(())
	}

	/// Approved sub-chains whose last anchor (or approval, before any) is more than
	/// `AnchorInterval` before `now`: at most `limit` (at most [`MAX_PAGE`]) of ids `from` on,
	/// with the time of their last anchor.
	pub fn lagging(now: u64, from: SubChainId, limit: u32) -> Vec<(SubChainId, Option<u64>)> {
		let limit = limit.min(MAX_PAGE) as usize;
		let end = NextSubChainId::<T>::get();
		let mut out = Vec::new();
		let mut id = from;
		while id < end && out.len() < limit {
			if let Some(subchain) = SubChains::<T>::get(id) {
				if subchain.status == SubChainStatus::Approved {
					let last = Anchors::<T>::get(id).map(|a| a.anchored_at);
					let since = last.or(subchain.approved_at).unwrap_or_default();
					if now.saturating_sub(since) > T::AnchorInterval::get() {
						out.push((id, last));
					}
				}
			}
			id = id.saturating_add(1);
		}
		out
	}

	// ---- Work orders ----

	/// Records a work order after checking the raiser and the target.
	pub fn do_raise(
		raiser: Raiser<T::AccountId>,
		target: WorkOrderTarget<T::AccountId>,
		kind: WorkOrderKind,
		evidence: H256,
	) -> Result<WorkOrderId, DispatchError> {
		let jurisdiction = match &raiser {
			Raiser::Council => None,
			Raiser::Regulator(who) =>
				Some(T::Subjects::regulator_jurisdiction(who).ok_or(Error::<T>::NotRegulator)?),
		};
		let area = match &target {
			WorkOrderTarget::SubChain(id) => SubChains::<T>::get(id).ok_or(Error::<T>::UnknownSubChain)?.area,
			WorkOrderTarget::Subject(who) => T::Subjects::merchant(who).ok_or(Error::<T>::UnknownSubject)?.area,
		};
		if let Some(jurisdiction) = jurisdiction {
			ensure!(jurisdiction.covers(area), Error::<T>::OutOfJurisdiction);
		}
		let id = NextWorkOrderId::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::Overflow)?;

		NextWorkOrderId::<T>::put(next);
		WorkOrders::<T>::insert(
			id,
			WorkOrder {
				target: target.clone(),
				kind,
				evidence,
				raised_by: raiser.clone(),
				raised_at: Self::now(),
				disposal: None,
			},
		);
		Self::deposit_event(Event::WorkOrderRaised { order: id, target, kind, evidence, raised_by: raiser });
		Ok(id)
	}

	/// Disposes of an open work order and applies the disposal to its target.
	pub fn do_dispose(id: WorkOrderId, disposal: Disposal) -> DispatchResult {
		let mut order = WorkOrders::<T>::get(id).ok_or(Error::<T>::UnknownWorkOrder)?;
		ensure!(order.disposal.is_none(), Error::<T>::AlreadyDisposed);
		match (&order.target, disposal) {
			(_, Disposal::Ignore) => {},
			(WorkOrderTarget::SubChain(subchain), Disposal::Disable | Disposal::Enable) => {
				let mut record = SubChains::<T>::get(subchain).ok_or(Error::<T>::UnknownSubChain)?;
				ensure!(record.status != SubChainStatus::Pending, Error::<T>::WrongSubChainStatus);
				let to = if disposal == Disposal::Disable {
					SubChainStatus::Suspended
				} else {
					SubChainStatus::Approved
				};
				if record.status != to {
					record.status = to;
					SubChains::<T>::insert(subchain, record);
					Self::deposit_event(match to {
						SubChainStatus::Suspended => Event::SubChainSuspended { subchain: *subchain },
						_ => Event::SubChainResumed { subchain: *subchain },
					});
				}
			},
			(WorkOrderTarget::Subject(who), Disposal::Disable) =>
				T::Subjects::set_supervised(who, true, order.evidence)?,
			(WorkOrderTarget::Subject(who), Disposal::Enable) =>
				T::Subjects::set_supervised(who, false, order.evidence)?,
		}
		order.disposal = Some(disposal);
		WorkOrders::<T>::insert(id, order);
		Self::deposit_event(Event::WorkOrderDisposed { order: id, disposal });
		Ok(())
	}

	/// Work orders of ids `from` on: at most `limit` (at most [`MAX_PAGE`]).
	pub fn work_orders(from: WorkOrderId, limit: u32) -> Vec<(WorkOrderId, WorkOrderOf<T>)> {
		let end = NextWorkOrderId::<T>::get();
		(from..end)
			.take(limit.min(MAX_PAGE) as usize)
			.filter_map(|id| WorkOrders::<T>::get(id).map(|o| (id, o)))
			.collect()
	}

	/// Every supernode (bounded by `MaxSupernodes`).
	pub fn supernodes() -> Vec<(T::AccountId, SupernodeOf<T>)> {
		Supernodes::<T>::iter().collect()
	}

	/// Every approved validator: its supernode and whether its keys are set.
	pub fn validators() -> Vec<(T::AccountId, T::AccountId, bool)> {
		let mut all: Vec<_> = ValidatorOf::<T>::iter()
			.map(|(validator, operator)| {
				let keys = Self::keys_set(&validator);
				(validator, operator, keys)
			})
			.collect();
		all.sort();
		all
	}

	/// The pallet's invariants.
	#[cfg(any(feature = "try-runtime", test))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let mut validators = 0u32;
		let mut supernodes = 0u32;
		for (operator, supernode) in Supernodes::<T>::iter() {
			supernodes = supernodes.saturating_add(1);
			for (i, validator) in supernode.validators.iter().enumerate() {
				ensure!(!supernode.validators[..i].contains(validator), "a validator listed twice");
				ensure!(
					ValidatorOf::<T>::get(validator).as_ref() == Some(&operator),
					"the validator index does not point to the supernode"
				);
				validators = validators.saturating_add(1);
			}
		}
		ensure!(supernodes == SupernodeCount::<T>::get(), "SupernodeCount does not match");
		ensure!(supernodes <= T::MaxSupernodes::get(), "more supernodes than MaxSupernodes");
		ensure!(validators == ValidatorCount::<T>::get(), "ValidatorCount does not match");
		ensure!(
			ValidatorOf::<T>::iter().count() as u32 == validators,
			"the validator index has entries of no supernode"
		);
		ensure!(validators <= T::MaxValidators::get(), "more validators than MaxValidators");
		let planned = PlannedValidators::<T>::get();
		ensure!(planned.windows(2).all(|w| w[0] < w[1]), "the planned set is not sorted and unique");
		// The minimum is not a state invariant (a development chain starts with one validator):
		// it is enforced on every change, by refusing removals and by `plan_session`.
		ensure!(!SessionLength::<T>::get().is_zero(), "a session of zero blocks");
		if let Some(code) = ChainAcCode::<T>::get() {
			ensure!(code.is_normalized(), "the chain's AC code is not normalized");
		}

		let mut coded = 0usize;
		for (id, subchain) in SubChains::<T>::iter() {
			ensure!(id < NextSubChainId::<T>::get(), "a sub-chain id not yet issued");
			match subchain.status {
				SubChainStatus::Pending => {
					ensure!(subchain.ac_code.is_none(), "a pending sub-chain holds an AC code");
					ensure!(!Anchors::<T>::contains_key(id), "a pending sub-chain has anchors");
				},
				SubChainStatus::Approved | SubChainStatus::Suspended => {
					let code = subchain.ac_code.ok_or("an approved sub-chain without AC code")?;
					ensure!(code.is_normalized(), "an AC code is not normalized");
					ensure!(SubChainByAc::<T>::get(code) == Some(id), "AC code map does not point back");
					ensure!(subchain.approved_at.is_some(), "an approved sub-chain without approval time");
					coded += 1;
				},
			}
		}
		ensure!(SubChainByAc::<T>::iter().count() == coded, "AC code map has stray entries");
		use sp_runtime::Saturating;
		let mut held: alloc::collections::BTreeMap<T::AccountId, crate::BalanceOf<T>> = Default::default();
		for (id, deposit) in ApplicationDeposits::<T>::iter() {
			let subchain = SubChains::<T>::get(id).ok_or("a deposit of no application")?;
			ensure!(subchain.status == SubChainStatus::Pending, "a deposit of a decided application");
			let sum = held.entry(subchain.operator).or_default();
			sum.saturating_accrue(deposit);
		}
		for (id, subchain) in SubChains::<T>::iter() {
			if subchain.status == SubChainStatus::Pending {
				ensure!(ApplicationDeposits::<T>::contains_key(id), "a pending application without deposit");
			}
		}
		for (operator, sum) in held {
			ensure!(
				<T::Currency as frame_support::traits::fungible::InspectHold<_>>::balance_on_hold(
					&HoldReason::SubChainApplication.into(),
					&operator,
				) == sum,
				"an operator's held deposit differs from its applications'"
			);
		}
		for (id, anchor) in Anchors::<T>::iter() {
			ensure!(
				SubChains::<T>::get(id).is_some_and(|s| s.status != SubChainStatus::Pending),
				"an anchor of no approved sub-chain"
			);
			ensure!(anchor.count >= 1, "an anchor state without blocks");
		}
		for who in BidKeyTypes::<T>::iter_keys() {
			ensure!(
				AccountByBid::<T>::get(Self::bid_digest(&who)).as_ref() == Some(&who),
				"a registered BID does not lead back to its account"
			);
		}
		ensure!(
			AccountByBid::<T>::iter().count() == BidKeyTypes::<T>::iter().count(),
			"BID maps differ in size"
		);
		for (id, _) in WorkOrders::<T>::iter() {
			ensure!(id < NextWorkOrderId::<T>::get(), "a work order id not yet issued");
		}
		Ok(())
	}
}
