//! Unit tests: every path of every call, one `assert_noop!` per error, invariants after each.

use crate::{
	mock::*,
	pallet::{
		Anchors, BidKeyTypes, ChainAcCode, NextSubChainId, PlannedValidators, SessionLength,
		SubChainByAc, SubChains, ValidatorCount, ValidatorOf, WorkOrders,
	},
	types::*,
	Error, Event, HoldReason,
};
use frame_support::{
	assert_noop, assert_ok,
	traits::{fungible::InspectHold, EstimateNextSessionRotation},
	BoundedVec,
};
use guilian_primitives::{AreaCode, MerchantStatus};
use pallet_session::{SessionManager, ShouldEndSession};
use sp_core::H256;
use sp_runtime::{AccountId32, DispatchError, Permill};

/// A numbered account with no role.
fn node(n: u8) -> AccountId {
	AccountId32::new([n; 32])
}

fn name(s: &str) -> BoundedVec<u8, <Test as crate::Config>::MaxNameLen> {
	s.as_bytes().to_vec().try_into().unwrap()
}

fn label(s: &str) -> BoundedVec<u8, <Test as crate::Config>::MaxLabelLen> {
	s.as_bytes().to_vec().try_into().unwrap()
}

fn list(accounts: &[AccountId]) -> BoundedVec<AccountId, frame_support::traits::ConstU32<3>> {
	accounts.to_vec().try_into().unwrap()
}

fn supernode(operator: &AccountId) -> crate::SupernodeOf<Test> {
	crate::pallet::Supernodes::<Test>::get(operator).unwrap()
}

fn sorted(mut v: Vec<AccountId>) -> Vec<AccountId> {
	v.sort();
	v
}

fn genesis_four() -> Vec<AccountId> {
	sorted(vec![alice(), bob(), charlie(), dave()])
}

mod genesis {
	use super::*;

	#[test]
	fn four_supernodes_each_run_their_own_validator() {
		test(|| {
			assert_eq!(supernode(&alice()).name.to_vec(), "南宁超级节点 Nanning".as_bytes().to_vec());
			assert_eq!(supernode(&dave()).area, AreaCode(450500));
			assert_eq!(supernode(&bob()).validators.to_vec(), vec![bob()]);
			assert_eq!(ValidatorCount::<Test>::get(), 4);
			assert_eq!(PlannedValidators::<Test>::get().to_vec(), genesis_four());
			assert_eq!(SessionLength::<Test>::get(), SESSION);
			assert_eq!(ChainAcCode::<Test>::get(), None);
		});
	}

	#[test]
	fn the_session_length_defaults_to_the_constant() {
		sp_io::TestExternalities::new(Default::default()).execute_with(|| {
			assert_eq!(SessionLength::<Test>::get(), 100);
		});
	}
}

mod supernodes {
	use super::*;

	#[test]
	fn the_council_adds_a_supernode_with_validators() {
		test(|| {
			assert_ok!(Supernodes::add_supernode(
				council(),
				eve(),
				name("梧州 Wuzhou"),
				AreaCode(450400),
				list(&[eve(), node(1)])
			));
			System::assert_last_event(
				Event::SupernodeAdded { operator: eve(), area: AreaCode(450400), validators: list(&[eve(), node(1)]) }
					.into(),
			);
			assert_eq!(ValidatorOf::<Test>::get(node(1)), Some(eve()));
			assert_eq!(ValidatorCount::<Test>::get(), 6);
		});
	}

	#[test]
	fn the_councils_members_follow_the_supernode_operators() {
		test(|| {
			let mut genesis = vec![alice(), bob(), charlie(), dave()];
			genesis.sort();
			assert_eq!(council_members(), genesis);
			assert_ok!(Supernodes::add_supernode(council(), eve(), name("梧州 Wuzhou"), AreaCode(450400), list(&[eve(), node(1)])));
			let mut with_eve = genesis.clone();
			with_eve.push(eve());
			with_eve.sort();
			assert_eq!(council_members(), with_eve);
			assert_ok!(Supernodes::remove_supernode(council(), eve()));
			assert_eq!(council_members(), genesis);
		});
	}

	#[test]
	fn only_the_council_adds_supernodes() {
		test(|| {
			assert_noop!(
				Supernodes::add_supernode(signed(alice()), eve(), name("x"), AreaCode(450400), list(&[])),
				DispatchError::BadOrigin
			);
		});
	}

	#[test]
	fn an_operator_runs_one_supernode() {
		test(|| {
			assert_noop!(
				Supernodes::add_supernode(council(), alice(), name("x"), AreaCode(450400), list(&[])),
				Error::<Test>::SupernodeExists
			);
		});
	}

	#[test]
	fn a_supernode_has_a_name() {
		test(|| {
			assert_noop!(
				Supernodes::add_supernode(council(), eve(), name(""), AreaCode(450400), list(&[])),
				Error::<Test>::EmptyName
			);
		});
	}

	#[test]
	fn a_supernode_has_a_valid_area() {
		test(|| {
			assert_noop!(
				Supernodes::add_supernode(council(), eve(), name("x"), AreaCode(45), list(&[])),
				Error::<Test>::InvalidAreaCode
			);
		});
	}

	#[test]
	fn a_validator_belongs_to_one_supernode() {
		test(|| {
			assert_noop!(
				Supernodes::add_supernode(council(), eve(), name("x"), AreaCode(450400), list(&[bob()])),
				Error::<Test>::ValidatorInUse
			);
		});
	}

	#[test]
	fn supernodes_are_bounded() {
		test(|| {
			for n in 1..=2 {
				assert_ok!(Supernodes::add_supernode(council(), node(n), name("x"), AreaCode(450400), list(&[])));
			}
			assert_noop!(
				Supernodes::add_supernode(council(), eve(), name("x"), AreaCode(450400), list(&[])),
				Error::<Test>::TooManySupernodes
			);
		});
	}

	#[test]
	fn approved_validators_are_bounded() {
		test(|| {
			assert_ok!(Supernodes::add_supernode(
				council(),
				eve(),
				name("x"),
				AreaCode(450400),
				list(&[node(1), node(2), node(3)])
			));
			assert_ok!(Supernodes::add_validator(council(), alice(), node(4)));
			assert_noop!(
				Supernodes::add_validator(council(), bob(), node(5)),
				Error::<Test>::TooManyValidators
			);
		});
	}

	#[test]
	fn the_council_removes_a_supernode_and_its_validators() {
		test(|| {
			set_keys(&eve());
			assert_ok!(Supernodes::add_validator(council(), alice(), eve()));
			assert_ok!(Supernodes::remove_supernode(council(), alice()));
			System::assert_last_event(Event::SupernodeRemoved { operator: alice() }.into());
			assert!(crate::pallet::Supernodes::<Test>::get(alice()).is_none());
			assert_eq!(ValidatorOf::<Test>::get(eve()), None);
			assert_eq!(ValidatorCount::<Test>::get(), 3);
		});
	}

	#[test]
	fn removing_an_unknown_supernode_fails() {
		test(|| {
			assert_noop!(Supernodes::remove_supernode(council(), eve()), Error::<Test>::UnknownSupernode);
		});
	}

	#[test]
	fn a_removal_never_leaves_fewer_than_the_minimum_with_keys() {
		test(|| {
			assert_ok!(Supernodes::remove_supernode(council(), dave()));
			assert_noop!(Supernodes::remove_supernode(council(), charlie()), Error::<Test>::BelowMinValidators);
		});
	}
}

mod validators {
	use super::*;

	#[test]
	fn a_validator_without_keys_is_approved_but_not_activated() {
		test(|| {
			assert_ok!(Supernodes::add_validator(council(), alice(), eve()));
			System::assert_last_event(
				Event::ValidatorAdded { operator: alice(), validator: eve(), keys_set: false }.into(),
			);
			assert_eq!(supernode(&alice()).validators.to_vec(), vec![alice(), eve()]);
			// Not in the next set: nothing changes.
			assert_eq!(Supernodes::new_session(2), None);
			// Its keys arrive: it is planned at the next rotation.
			set_keys(&eve());
			let expected = sorted(vec![alice(), bob(), charlie(), dave(), eve()]);
			assert_eq!(Supernodes::new_session(3), Some(expected.clone()));
			System::assert_last_event(
				Event::ValidatorSetPlanned { session: 3, validators: expected.clone().try_into().unwrap() }.into(),
			);
			assert_eq!(PlannedValidators::<Test>::get().to_vec(), expected);
			assert_eq!(Supernodes::new_session(4), None);
		});
	}

	#[test]
	fn adding_to_an_unknown_supernode_fails() {
		test(|| {
			assert_noop!(Supernodes::add_validator(council(), eve(), eve()), Error::<Test>::UnknownSupernode);
		});
	}

	#[test]
	fn a_supernode_runs_a_bounded_number_of_validators() {
		test(|| {
			assert_ok!(Supernodes::add_validator(council(), alice(), node(1)));
			assert_ok!(Supernodes::add_validator(council(), alice(), node(2)));
			assert_noop!(
				Supernodes::add_validator(council(), alice(), node(3)),
				Error::<Test>::TooManyValidatorsInSupernode
			);
		});
	}

	#[test]
	fn only_the_council_adds_validators() {
		test(|| {
			assert_noop!(Supernodes::add_validator(signed(alice()), alice(), eve()), DispatchError::BadOrigin);
		});
	}

	#[test]
	fn the_council_removes_a_validator_at_the_next_planning() {
		test(|| {
			set_keys(&eve());
			assert_ok!(Supernodes::add_validator(council(), alice(), eve()));
			assert_ok!(Supernodes::remove_validator(council(), bob(), bob()));
			System::assert_last_event(Event::ValidatorRemoved { operator: bob(), validator: bob() }.into());
			assert!(supernode(&bob()).validators.is_empty());
			assert_eq!(Supernodes::new_session(2), Some(sorted(vec![alice(), charlie(), dave(), eve()])));
		});
	}

	#[test]
	fn a_validator_of_another_supernode_cannot_be_removed_through_this_one() {
		test(|| {
			assert_noop!(
				Supernodes::remove_validator(council(), alice(), bob()),
				Error::<Test>::NotValidatorOfSupernode
			);
		});
	}

	#[test]
	fn removing_below_the_minimum_is_refused() {
		test(|| {
			assert_ok!(Supernodes::remove_validator(council(), dave(), dave()));
			assert_noop!(
				Supernodes::remove_validator(council(), charlie(), charlie()),
				Error::<Test>::BelowMinValidators
			);
		});
	}

	#[test]
	fn a_validator_without_keys_may_always_leave() {
		test(|| {
			assert_ok!(Supernodes::remove_validator(council(), dave(), dave()));
			assert_ok!(Supernodes::add_validator(council(), alice(), eve()));
			assert_ok!(Supernodes::remove_validator(council(), alice(), eve()));
		});
	}

	#[test]
	fn a_replacement_needs_keys() {
		test(|| {
			assert_noop!(
				Supernodes::replace_validator(council(), alice(), alice(), eve()),
				Error::<Test>::KeysNotSet
			);
		});
	}

	#[test]
	fn the_council_replaces_a_validator_by_one_with_keys() {
		test(|| {
			set_keys(&eve());
			assert_ok!(Supernodes::replace_validator(council(), alice(), alice(), eve()));
			System::assert_last_event(
				Event::ValidatorReplaced { operator: alice(), old: alice(), new: eve() }.into(),
			);
			assert_eq!(supernode(&alice()).validators.to_vec(), vec![eve()]);
			assert_eq!(Supernodes::new_session(2), Some(sorted(vec![bob(), charlie(), dave(), eve()])));
		});
	}

	#[test]
	fn a_replacement_is_not_already_a_validator() {
		test(|| {
			assert_noop!(
				Supernodes::replace_validator(council(), alice(), alice(), bob()),
				Error::<Test>::ValidatorInUse
			);
		});
	}
}

mod sessions {
	use super::*;

	#[test]
	fn sessions_end_at_multiples_of_the_length() {
		test(|| {
			assert!(Supernodes::should_end_session(10));
			assert!(Supernodes::should_end_session(20));
			assert!(!Supernodes::should_end_session(11));
			assert_eq!(Supernodes::average_session_length(), 10);
			assert_eq!(Supernodes::estimate_next_session_rotation(5).0, Some(10));
			assert_eq!(Supernodes::estimate_next_session_rotation(10).0, Some(20));
			assert_eq!(Supernodes::estimate_current_session_progress(4).0, Some(Permill::from_percent(50)));
			assert_eq!(Supernodes::estimate_current_session_progress(9).0, Some(Permill::one()));
		});
	}

	#[test]
	fn the_council_sets_the_session_length() {
		test(|| {
			assert_ok!(Supernodes::set_session_length(council(), 25));
			System::assert_last_event(Event::SessionLengthSet { blocks: 25 }.into());
			assert!(Supernodes::should_end_session(50));
			assert!(!Supernodes::should_end_session(10));
		});
	}

	#[test]
	fn a_session_lasts_a_block_at_least() {
		test(|| {
			assert_noop!(Supernodes::set_session_length(council(), 0), Error::<Test>::InvalidSessionLength);
		});
	}

	#[test]
	fn an_unchanged_set_is_not_handed_again() {
		test(|| {
			assert_eq!(Supernodes::new_session(2), None);
			assert_eq!(Supernodes::new_session_genesis(0), None);
		});
	}

	#[test]
	fn purged_keys_never_shrink_the_set_below_the_minimum() {
		test(|| {
			purge_keys(&charlie());
			// Three left: at the minimum, the set shrinks.
			assert_eq!(Supernodes::new_session(2), Some(sorted(vec![alice(), bob(), dave()])));
			purge_keys(&dave());
			// Two: below it, the current set stays.
			assert_eq!(Supernodes::new_session(3), None);
			assert_eq!(PlannedValidators::<Test>::get().to_vec(), sorted(vec![alice(), bob(), dave()]));
		});
	}

	#[test]
	fn a_set_below_the_minimum_may_grow() {
		test(|| {
			// As on a development chain of one validator.
			PlannedValidators::<Test>::put(BoundedVec::try_from(vec![alice()]).unwrap());
			for who in [bob(), charlie(), dave()] {
				purge_keys(&who);
			}
			set_keys(&bob());
			assert_eq!(Supernodes::new_session(2), Some(sorted(vec![alice(), bob()])));
		});
	}
}

/// Runtime upgrades: the council authorizes a code hash, anyone applies the code (frame-system).
mod upgrades {
	use super::*;

	fn authorized() -> Option<H256> {
		frame_system::Pallet::<Test>::authorized_upgrade().map(|a| *a.code_hash())
	}

	#[test]
	fn the_council_authorizes_an_upgrade_with_version_checks() {
		test(|| {
			let code_hash = H256::repeat_byte(7);
			assert_ok!(Supernodes::authorize_upgrade(council(), code_hash));
			assert_eq!(authorized(), Some(code_hash));
			System::assert_last_event(
				frame_system::Event::UpgradeAuthorized { code_hash, check_version: true }.into(),
			);
		});
	}

	#[test]
	fn a_new_authorization_replaces_the_last() {
		test(|| {
			assert_ok!(Supernodes::authorize_upgrade(council(), H256::repeat_byte(7)));
			assert_ok!(Supernodes::authorize_upgrade(council(), H256::repeat_byte(8)));
			assert_eq!(authorized(), Some(H256::repeat_byte(8)));
		});
	}

	#[test]
	fn only_the_council_authorizes_an_upgrade() {
		test(|| {
			assert_noop!(
				Supernodes::authorize_upgrade(signed(operator()), H256::repeat_byte(7)),
				DispatchError::BadOrigin
			);
		});
	}
}

/// Applies for sub-chain `GX01` (Nanning, culture-tourism) with the gateway.
fn apply() -> SubChainId {
	apply_for(*b"gx01")
}

/// Applies for a sub-chain under `code` (Nanning, culture-tourism) with the gateway.
fn apply_for(code: [u8; 4]) -> SubChainId {
	let id = NextSubChainId::<Test>::get();
	assert_ok!(Supernodes::apply_subchain(
		signed(operator()),
		code,
		label("Substrate"),
		label("文旅 tourism"),
		AreaCode(450103),
		vec![gateway()].try_into().unwrap()
	));
	id
}

/// An approved sub-chain.
fn approved() -> SubChainId {
	let id = apply();
	assert_ok!(Supernodes::approve_subchain(council(), id, None));
	id
}

fn status(id: SubChainId) -> SubChainStatus {
	SubChains::<Test>::get(id).unwrap().status
}

fn held(who: &AccountId) -> u128 {
	<Balances as InspectHold<_>>::balance_on_hold(&RuntimeHoldReason::Supernodes(HoldReason::SubChainApplication), who)
}

mod subchains {
	use super::*;

	#[test]
	fn an_operator_applies_with_a_deposit_and_the_code_upper_cased() {
		test(|| {
			let id = apply();
			System::assert_last_event(
				Event::SubChainApplied { subchain: id, operator: operator(), requested_ac: AcCode(*b"GX01"), deposit: DEPOSIT }
					.into(),
			);
			let subchain = SubChains::<Test>::get(id).unwrap();
			assert_eq!(subchain.status, SubChainStatus::Pending);
			assert_eq!(subchain.ac_code, None);
			assert_eq!(held(&operator()), DEPOSIT);
			assert_eq!(crate::pallet::ApplicationDeposits::<Test>::get(id), Some(DEPOSIT));
			apply_for(*b"GX09");
			assert_eq!(held(&operator()), 2 * DEPOSIT);
		});
	}

	#[test]
	fn an_ac_code_is_four_letters_or_digits() {
		test(|| {
			assert_noop!(
				Supernodes::apply_subchain(signed(operator()), *b"gx-1", label("a"), label("b"), AreaCode(450103), vec![gateway()].try_into().unwrap()),
				Error::<Test>::MalformedAcCode
			);
		});
	}

	#[test]
	fn an_ac_code_in_force_cannot_be_asked_for() {
		test(|| {
			approved();
			assert_noop!(
				Supernodes::apply_subchain(signed(operator()), *b"GX01", label("a"), label("b"), AreaCode(450103), vec![gateway()].try_into().unwrap()),
				Error::<Test>::DuplicateAcCode
			);
		});
	}

	#[test]
	fn labels_are_not_empty() {
		test(|| {
			assert_noop!(
				Supernodes::apply_subchain(signed(operator()), *b"GX02", label(""), label("b"), AreaCode(450103), vec![gateway()].try_into().unwrap()),
				Error::<Test>::EmptyName
			);
		});
	}

	#[test]
	fn a_sub_chain_area_is_valid() {
		test(|| {
			assert_noop!(
				Supernodes::apply_subchain(signed(operator()), *b"GX02", label("a"), label("b"), AreaCode(0), vec![gateway()].try_into().unwrap()),
				Error::<Test>::InvalidAreaCode
			);
		});
	}

	#[test]
	fn a_sub_chain_has_a_gateway() {
		test(|| {
			assert_noop!(
				Supernodes::apply_subchain(signed(operator()), *b"GX02", label("a"), label("b"), AreaCode(450103), vec![].try_into().unwrap()),
				Error::<Test>::NoGateways
			);
		});
	}

	#[test]
	fn gateways_are_distinct() {
		test(|| {
			assert_noop!(
				Supernodes::apply_subchain(signed(operator()), *b"GX02", label("a"), label("b"), AreaCode(450103), vec![gateway(), gateway()].try_into().unwrap()),
				Error::<Test>::DuplicateGateway
			);
		});
	}

	#[test]
	fn the_applicant_pays_the_deposit() {
		test(|| {
			assert_noop!(
				Supernodes::apply_subchain(signed(stranger()), *b"GX02", label("a"), label("b"), AreaCode(450103), vec![gateway()].try_into().unwrap()),
				Error::<Test>::InsufficientDeposit
			);
		});
	}

	#[test]
	fn application_ids_do_not_overflow() {
		test(|| {
			NextSubChainId::<Test>::put(u32::MAX);
			assert_noop!(
				Supernodes::apply_subchain(signed(operator()), *b"GX02", label("a"), label("b"), AreaCode(450103), vec![gateway()].try_into().unwrap()),
				Error::<Test>::Overflow
			);
		});
	}

	#[test]
	fn the_council_approves_under_the_requested_code() {
		test(|| {
			let id = approved();
			System::assert_last_event(Event::SubChainApproved { subchain: id, ac_code: AcCode(*b"GX01") }.into());
			assert_eq!(status(id), SubChainStatus::Approved);
			assert_eq!(SubChainByAc::<Test>::get(AcCode(*b"GX01")), Some(id));
			assert_eq!(SubChains::<Test>::get(id).unwrap().approved_at, Some(START));
			assert_eq!(held(&operator()), 0);
		});
	}

	#[test]
	fn the_council_may_assign_another_free_code() {
		test(|| {
			let first = apply();
			let second = apply();
			assert_ok!(Supernodes::approve_subchain(council(), first, None));
			assert_noop!(
				Supernodes::approve_subchain(council(), second, None),
				Error::<Test>::DuplicateAcCode
			);
			assert_ok!(Supernodes::approve_subchain(council(), second, Some(*b"gl02")));
			assert_eq!(SubChains::<Test>::get(second).unwrap().ac_code, Some(AcCode(*b"GL02")));
			assert_eq!(SubChainByAc::<Test>::get(AcCode(*b"GX01")), Some(first));
		});
	}

	#[test]
	fn only_the_council_approves() {
		test(|| {
			let id = apply();
			assert_noop!(Supernodes::approve_subchain(signed(operator()), id, None), DispatchError::BadOrigin);
		});
	}

	#[test]
	fn an_unknown_sub_chain_cannot_be_approved() {
		test(|| {
			assert_noop!(Supernodes::approve_subchain(council(), 7, None), Error::<Test>::UnknownSubChain);
		});
	}

	#[test]
	fn an_approved_sub_chain_cannot_be_approved_again() {
		test(|| {
			let id = approved();
			assert_noop!(Supernodes::approve_subchain(council(), id, None), Error::<Test>::WrongSubChainStatus);
		});
	}

	#[test]
	fn the_council_rejects_and_the_deposit_comes_back() {
		test(|| {
			let id = apply();
			assert_ok!(Supernodes::reject_subchain(council(), id));
			System::assert_last_event(Event::SubChainRejected { subchain: id }.into());
			assert!(SubChains::<Test>::get(id).is_none());
			assert_eq!(held(&operator()), 0);
		});
	}

	#[test]
	fn the_council_suspends_and_resumes() {
		test(|| {
			let id = approved();
			assert_ok!(Supernodes::suspend_subchain(council(), id));
			System::assert_last_event(Event::SubChainSuspended { subchain: id }.into());
			assert_eq!(status(id), SubChainStatus::Suspended);
			assert_noop!(Supernodes::suspend_subchain(council(), id), Error::<Test>::WrongSubChainStatus);
			assert_ok!(Supernodes::resume_subchain(council(), id));
			System::assert_last_event(Event::SubChainResumed { subchain: id }.into());
			assert_eq!(status(id), SubChainStatus::Approved);
		});
	}
}

/// Block `height` of the test sub-chain: its hash is `height`, its parent's `height - 1`.
fn block(height: u64) -> AnchorRecord {
	AnchorRecord {
		height,
		block_hash: H256::from_low_u64_be(height),
		parent_hash: H256::from_low_u64_be(height.wrapping_sub(1)),
		tx_count: 3,
		time: START + height * 6000,
		size: 1024,
	}
}

fn blocks(range: core::ops::RangeInclusive<u64>) -> Vec<AnchorRecord> {
	range.map(block).collect()
}

mod anchoring {
	use super::*;

	#[test]
	fn a_gateway_anchors_linked_batches() {
		test(|| {
			let id = approved();
			// The first anchor may start anywhere.
			assert_ok!(Supernodes::anchor(signed(gateway()), id, blocks(100..=103)));
			System::assert_last_event(
				Event::Anchored {
					subchain: id,
					gateway: gateway(),
					count: 4,
					first_height: 100,
					first_hash: H256::from_low_u64_be(100),
					last_height: 103,
					last_hash: H256::from_low_u64_be(103),
				}
				.into(),
			);
			advance(60_000);
			assert_ok!(Supernodes::anchor(signed(gateway()), id, blocks(104..=105)));
			let state = Anchors::<Test>::get(id).unwrap();
			assert_eq!(state.latest, block(105));
			assert_eq!(state.count, 6);
			assert_eq!(state.anchored_at, START + 60_000);
		});
	}

	#[test]
	fn an_unknown_sub_chain_cannot_anchor() {
		test(|| {
			assert_noop!(Supernodes::anchor(signed(gateway()), 9, blocks(1..=1)), Error::<Test>::UnknownSubChain);
		});
	}

	#[test]
	fn only_gateways_anchor() {
		test(|| {
			let id = approved();
			assert_noop!(Supernodes::anchor(signed(operator()), id, blocks(1..=1)), Error::<Test>::NotGateway);
		});
	}

	#[test]
	fn a_suspended_sub_chain_does_not_anchor() {
		test(|| {
			let id = approved();
			assert_ok!(Supernodes::suspend_subchain(council(), id));
			assert_noop!(Supernodes::anchor(signed(gateway()), id, blocks(1..=1)), Error::<Test>::SubChainNotActive);
		});
	}

	#[test]
	fn a_batch_is_bounded() {
		test(|| {
			let id = approved();
			assert_noop!(Supernodes::anchor(signed(gateway()), id, blocks(1..=5)), Error::<Test>::BatchTooLarge);
		});
	}

	#[test]
	fn a_batch_is_not_empty() {
		test(|| {
			let id = approved();
			assert_noop!(Supernodes::anchor(signed(gateway()), id, vec![]), Error::<Test>::EmptyBatch);
		});
	}

	#[test]
	fn heights_increase() {
		test(|| {
			let id = approved();
			assert_ok!(Supernodes::anchor(signed(gateway()), id, blocks(10..=11)));
			assert_noop!(Supernodes::anchor(signed(gateway()), id, blocks(11..=12)), Error::<Test>::NonIncreasingHeight);
		});
	}

	#[test]
	fn heights_increase_within_a_batch() {
		test(|| {
			let id = approved();
			let batch = vec![block(10), block(10)];
			assert_noop!(Supernodes::anchor(signed(gateway()), id, batch), Error::<Test>::NonIncreasingHeight);
		});
	}

	#[test]
	fn heights_do_not_skip_blocks() {
		test(|| {
			let id = approved();
			assert_ok!(Supernodes::anchor(signed(gateway()), id, blocks(10..=11)));
			assert_noop!(Supernodes::anchor(signed(gateway()), id, blocks(13..=14)), Error::<Test>::HeightGap);
		});
	}

	#[test]
	fn each_block_links_to_the_previous() {
		test(|| {
			let id = approved();
			assert_ok!(Supernodes::anchor(signed(gateway()), id, blocks(10..=11)));
			let mut forked = block(12);
			forked.parent_hash = H256::repeat_byte(0xee);
			assert_noop!(Supernodes::anchor(signed(gateway()), id, vec![forked]), Error::<Test>::BrokenParentLink);
		});
	}

	#[test]
	fn a_sub_chain_that_does_not_anchor_lags() {
		test(|| {
			let quiet = approved();
			let busy = apply_for(*b"GX02");
			assert_ok!(Supernodes::approve_subchain(council(), busy, None));
			let pending = apply_for(*b"GX03");
			assert_eq!(Supernodes::lagging(START + INTERVAL, 0, 10), vec![]);
			advance(INTERVAL);
			assert_ok!(Supernodes::anchor(signed(gateway()), busy, blocks(1..=1)));
			let now = START + INTERVAL + 1;
			assert_eq!(Supernodes::lagging(now, 0, 10), vec![(quiet, None)]);
			assert_eq!(Supernodes::lagging(now + INTERVAL, 0, 10), vec![(quiet, None), (busy, Some(START + INTERVAL))]);
			assert_eq!(Supernodes::lagging(now + INTERVAL, 1, 1), vec![(busy, Some(START + INTERVAL))]);
			let _ = pending;
		});
	}
}

mod bid {
	use super::*;
	use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

	// Vectors computed independently (Python hashlib + a Base58 of the Bitcoin alphabet):
	// Ed25519 Alice 88dc3417d5058ec4b4503e0c12ea1a0a89be200fe98922423d4334014fa6b0ee
	//   sha256[..22] e1ef5b8a782f61dc1f81c66cc3121a6919aab45f37c2 → 24KdfUW3kianGTJa8iNycbb5W6rDTpd
	// Sr25519 Alice d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d
	//   sha256[..22] 46208798c80be6531c6a6454312db7d1505962376b3c → L2vt8mkK7NXHNQJa6gnue8VSzr8V2B
	// Sr25519 Bob 8eaf04151687736326c9fea17e25fc5287613693c912909cb226aa4794f26a48
	//   sha256[..22] 94b412ffd7934aea79adf6ddb5198837aa9b26b33a54 → hMsBKn4W7e5QFSQTFJNRsGApnEzC43
	const ED_ALICE: &str = "88dc3417d5058ec4b4503e0c12ea1a0a89be200fe98922423d4334014fa6b0ee";
	const SR_ALICE: &str = "d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d";
	const SR_BOB: &str = "8eaf04151687736326c9fea17e25fc5287613693c912909cb226aa4794f26a48";

	fn key(hex: &str) -> AccountId {
		let bytes: [u8; 32] = (0..32)
			.map(|i| u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).unwrap())
			.collect::<Vec<_>>()
			.try_into()
			.unwrap();
		AccountId32::new(bytes)
	}

	#[test]
	fn the_test_keys_are_the_keyring_keys() {
		assert_eq!(key(ED_ALICE), AccountId32::from(Ed25519Keyring::Alice.public().0));
		assert_eq!(key(SR_ALICE), Sr25519Keyring::Alice.to_account_id());
		assert_eq!(key(SR_BOB), Sr25519Keyring::Bob.to_account_id());
	}

	#[test]
	fn bids_follow_rfc_002() {
		test(|| {
			let bid = |hex: &str, t| String::from_utf8(Supernodes::bid_of(&key(hex), t)).unwrap();
			assert_eq!(bid(ED_ALICE, KeyType::Ed25519), "did:bid:ef24KdfUW3kianGTJa8iNycbb5W6rDTpd");
			assert_eq!(bid(SR_ALICE, KeyType::Sr25519), "did:bid:rfL2vt8mkK7NXHNQJa6gnue8VSzr8V2B");
			assert_eq!(bid(SR_BOB, KeyType::Sr25519), "did:bid:rfhMsBKn4W7e5QFSQTFJNRsGApnEzC43");
			assert_ok!(Supernodes::set_chain_ac_code(council(), Some(*b"gx01")));
			System::assert_last_event(Event::ChainAcCodeSet { ac_code: Some(AcCode(*b"GX01")) }.into());
			assert_eq!(bid(SR_ALICE, KeyType::Sr25519), "did:bid:GX01:rfL2vt8mkK7NXHNQJa6gnue8VSzr8V2B");
			assert_ok!(Supernodes::set_chain_ac_code(council(), None));
			assert_eq!(bid(ED_ALICE, KeyType::Ed25519), "did:bid:ef24KdfUW3kianGTJa8iNycbb5W6rDTpd");
		});
	}

	#[test]
	fn the_chain_ac_code_is_well_formed() {
		test(|| {
			assert_noop!(Supernodes::set_chain_ac_code(council(), Some(*b"GX 1")), Error::<Test>::MalformedAcCode);
		});
	}

	#[test]
	fn a_registered_bid_leads_back_to_its_account() {
		test(|| {
			let alice = key(SR_ALICE);
			assert_eq!(Supernodes::account_of_bid(b"did:bid:rfL2vt8mkK7NXHNQJa6gnue8VSzr8V2B"), None);
			assert_ok!(Supernodes::register_bid(signed(alice.clone()), KeyType::Sr25519));
			System::assert_last_event(Event::BidRegistered { who: alice.clone(), key_type: KeyType::Sr25519 }.into());
			assert_eq!(BidKeyTypes::<Test>::get(&alice), Some(KeyType::Sr25519));
			assert_eq!(Supernodes::account_of_bid(b"did:bid:rfL2vt8mkK7NXHNQJa6gnue8VSzr8V2B"), Some(alice.clone()));
			assert_eq!(
				Supernodes::registered_bid(&alice),
				Some(b"did:bid:rfL2vt8mkK7NXHNQJa6gnue8VSzr8V2B".to_vec())
			);
			// Another key type, a foreign AC code, garbage: not this chain's BID of the account.
			assert_eq!(Supernodes::account_of_bid(b"did:bid:efL2vt8mkK7NXHNQJa6gnue8VSzr8V2B"), None);
			assert_eq!(Supernodes::account_of_bid(b"did:bid:AB12:rfL2vt8mkK7NXHNQJa6gnue8VSzr8V2B"), None);
			assert_eq!(Supernodes::account_of_bid(b"did:bid:rf0OIl"), None);
			assert_eq!(Supernodes::account_of_bid(b"did:web:x"), None);
			assert_ok!(Supernodes::set_chain_ac_code(council(), Some(*b"GX01")));
			assert_eq!(Supernodes::account_of_bid(b"did:bid:rfL2vt8mkK7NXHNQJa6gnue8VSzr8V2B"), None);
			assert_eq!(Supernodes::account_of_bid(b"did:bid:GX01:rfL2vt8mkK7NXHNQJa6gnue8VSzr8V2B"), Some(alice));
		});
	}
}

mod work_orders {
	use super::*;

	fn evidence() -> H256 {
		H256::repeat_byte(0xab)
	}

	#[test]
	fn the_council_raises_and_disables_a_sub_chain() {
		test(|| {
			let id = approved();
			assert_ok!(Supernodes::raise_work_order(council(), WorkOrderTarget::SubChain(id), WorkOrderKind::ForbiddenContent, evidence()));
			System::assert_last_event(
				Event::WorkOrderRaised {
					order: 0,
					target: WorkOrderTarget::SubChain(id),
					kind: WorkOrderKind::ForbiddenContent,
					evidence: evidence(),
					raised_by: Raiser::Council,
				}
				.into(),
			);
			assert_ok!(Supernodes::dispose_work_order(council(), 0, Disposal::Disable));
			System::assert_last_event(Event::WorkOrderDisposed { order: 0, disposal: Disposal::Disable }.into());
			assert_eq!(status(id), SubChainStatus::Suspended);
			assert_noop!(Supernodes::anchor(signed(gateway()), id, blocks(1..=1)), Error::<Test>::SubChainNotActive);
			// A second order enables it again.
			assert_ok!(Supernodes::raise_work_order(council(), WorkOrderTarget::SubChain(id), WorkOrderKind::Other, evidence()));
			assert_ok!(Supernodes::dispose_work_order(council(), 1, Disposal::Enable));
			assert_eq!(status(id), SubChainStatus::Approved);
			assert_eq!(Supernodes::work_orders(0, 10).len(), 2);
			assert_eq!(Supernodes::work_orders(1, 10)[0].1.disposal, Some(Disposal::Enable));
		});
	}

	#[test]
	fn a_regulator_raises_against_a_merchant_of_its_jurisdiction_and_the_council_suspends_it() {
		test(|| {
			assert_ok!(Supernodes::raise_work_order(signed(regulator()), WorkOrderTarget::Subject(gym()), WorkOrderKind::LargeTransaction, evidence()));
			let order = WorkOrders::<Test>::get(0).unwrap();
			assert_eq!(order.raised_by, Raiser::Regulator(regulator()));
			assert_eq!(order.raised_at, START);
			assert_ok!(Supernodes::dispose_work_order(council(), 0, Disposal::Disable));
			assert_eq!(merchant_status(&gym()), Some(MerchantStatus::Suspended));
			assert_eq!(supervised(), vec![(gym(), true, evidence())]);
			assert_ok!(Supernodes::raise_work_order(council(), WorkOrderTarget::Subject(gym()), WorkOrderKind::Other, evidence()));
			assert_ok!(Supernodes::dispose_work_order(council(), 1, Disposal::Enable));
			assert_eq!(merchant_status(&gym()), Some(MerchantStatus::Active));
		});
	}

	#[test]
	fn an_ignored_order_changes_nothing() {
		test(|| {
			assert_ok!(Supernodes::raise_work_order(council(), WorkOrderTarget::Subject(gym()), WorkOrderKind::ContractViolation, evidence()));
			assert_ok!(Supernodes::dispose_work_order(council(), 0, Disposal::Ignore));
			assert_eq!(merchant_status(&gym()), Some(MerchantStatus::Active));
			assert_eq!(WorkOrders::<Test>::get(0).unwrap().disposal, Some(Disposal::Ignore));
		});
	}

	#[test]
	fn only_regulators_and_the_council_raise() {
		test(|| {
			assert_noop!(
				Supernodes::raise_work_order(signed(stranger()), WorkOrderTarget::Subject(gym()), WorkOrderKind::Other, evidence()),
				Error::<Test>::NotRegulator
			);
		});
	}

	#[test]
	fn a_regulator_stays_in_its_jurisdiction() {
		test(|| {
			assert_noop!(
				Supernodes::raise_work_order(signed(regulator()), WorkOrderTarget::Subject(guilin_shop()), WorkOrderKind::Other, evidence()),
				Error::<Test>::OutOfJurisdiction
			);
		});
	}

	#[test]
	fn the_subject_is_a_merchant() {
		test(|| {
			assert_noop!(
				Supernodes::raise_work_order(council(), WorkOrderTarget::Subject(stranger()), WorkOrderKind::Other, evidence()),
				Error::<Test>::UnknownSubject
			);
		});
	}

	#[test]
	fn the_sub_chain_exists() {
		test(|| {
			assert_noop!(
				Supernodes::raise_work_order(council(), WorkOrderTarget::SubChain(5), WorkOrderKind::Other, evidence()),
				Error::<Test>::UnknownSubChain
			);
		});
	}

	#[test]
	fn only_the_council_disposes() {
		test(|| {
			assert_ok!(Supernodes::raise_work_order(signed(regulator()), WorkOrderTarget::Subject(gym()), WorkOrderKind::Other, evidence()));
			assert_noop!(
				Supernodes::dispose_work_order(signed(regulator()), 0, Disposal::Disable),
				DispatchError::BadOrigin
			);
		});
	}

	#[test]
	fn an_unknown_order_cannot_be_disposed_of() {
		test(|| {
			assert_noop!(Supernodes::dispose_work_order(council(), 3, Disposal::Ignore), Error::<Test>::UnknownWorkOrder);
		});
	}

	#[test]
	fn an_order_is_disposed_of_once() {
		test(|| {
			assert_ok!(Supernodes::raise_work_order(council(), WorkOrderTarget::Subject(gym()), WorkOrderKind::Other, evidence()));
			assert_ok!(Supernodes::dispose_work_order(council(), 0, Disposal::Ignore));
			assert_noop!(Supernodes::dispose_work_order(council(), 0, Disposal::Disable), Error::<Test>::AlreadyDisposed);
		});
	}

	#[test]
	fn disabling_a_suspended_sub_chain_keeps_it_suspended() {
		test(|| {
			let id = approved();
			assert_ok!(Supernodes::suspend_subchain(council(), id));
			assert_ok!(Supernodes::raise_work_order(council(), WorkOrderTarget::SubChain(id), WorkOrderKind::Other, evidence()));
			assert_ok!(Supernodes::dispose_work_order(council(), 0, Disposal::Disable));
			assert_eq!(status(id), SubChainStatus::Suspended);
			System::assert_last_event(Event::WorkOrderDisposed { order: 0, disposal: Disposal::Disable }.into());
		});
	}

	#[test]
	fn a_pending_sub_chain_cannot_be_disabled() {
		test(|| {
			let id = apply();
			assert_ok!(Supernodes::raise_work_order(council(), WorkOrderTarget::SubChain(id), WorkOrderKind::Other, evidence()));
			assert_noop!(Supernodes::dispose_work_order(council(), 0, Disposal::Disable), Error::<Test>::WrongSubChainStatus);
		});
	}
}

// Refusals: every wrong role (docs/ROLES.md)

/// The council is two thirds of the supernode operators (root in the mock): an operator acting
/// alone is one signed account, refused like any other.
mod refusals {
	use super::*;

	#[test]
	fn only_the_council_removes_supernodes() {
		test(|| {
			// An operator alone, even for its own supernode; a regulator.
			assert_noop!(Supernodes::remove_supernode(signed(alice()), dave()), DispatchError::BadOrigin);
			assert_noop!(Supernodes::remove_supernode(signed(dave()), dave()), DispatchError::BadOrigin);
			assert_noop!(Supernodes::remove_supernode(signed(regulator()), dave()), DispatchError::BadOrigin);
			assert!(crate::pallet::Supernodes::<Test>::get(dave()).is_some());
			assert_eq!(council_members(), genesis_four());
		});
	}

	#[test]
	fn only_the_council_removes_validators() {
		test(|| {
			// Another operator, the validator's own operator alone.
			assert_noop!(Supernodes::remove_validator(signed(alice()), bob(), bob()), DispatchError::BadOrigin);
			assert_noop!(Supernodes::remove_validator(signed(bob()), bob(), bob()), DispatchError::BadOrigin);
			assert_eq!(supernode(&bob()).validators.to_vec(), vec![bob()]);
		});
	}

	#[test]
	fn only_the_council_replaces_validators() {
		test(|| {
			set_keys(&eve());
			// The operator alone, the incoming validator.
			assert_noop!(
				Supernodes::replace_validator(signed(alice()), alice(), alice(), eve()),
				DispatchError::BadOrigin
			);
			assert_noop!(
				Supernodes::replace_validator(signed(eve()), alice(), alice(), eve()),
				DispatchError::BadOrigin
			);
			assert_eq!(supernode(&alice()).validators.to_vec(), vec![alice()]);
		});
	}

	#[test]
	fn only_the_council_sets_the_session_length() {
		test(|| {
			assert_noop!(Supernodes::set_session_length(signed(alice()), 25), DispatchError::BadOrigin);
			assert_noop!(Supernodes::set_session_length(signed(stranger()), 25), DispatchError::BadOrigin);
			assert_eq!(SessionLength::<Test>::get(), SESSION);
		});
	}

	#[test]
	fn only_the_council_sets_the_chain_ac_code() {
		test(|| {
			assert_noop!(Supernodes::set_chain_ac_code(signed(alice()), Some(*b"GX01")), DispatchError::BadOrigin);
			assert_noop!(Supernodes::set_chain_ac_code(signed(operator()), Some(*b"GX01")), DispatchError::BadOrigin);
			assert_eq!(ChainAcCode::<Test>::get(), None);
		});
	}

	#[test]
	fn an_unsigned_origin_applies_for_no_sub_chain() {
		test(|| {
			// Any signed account able to hold the deposit may apply; an unsigned origin may not.
			assert_noop!(
				Supernodes::apply_subchain(
					RuntimeOrigin::none(),
					*b"GX01",
					label("Substrate"),
					label("文旅 tourism"),
					AreaCode(450103),
					vec![gateway()].try_into().unwrap()
				),
				DispatchError::BadOrigin
			);
			assert_eq!(NextSubChainId::<Test>::get(), 0);
		});
	}

	#[test]
	fn only_the_council_rejects() {
		test(|| {
			let id = apply();
			// An operator alone, the applicant.
			assert_noop!(Supernodes::reject_subchain(signed(alice()), id), DispatchError::BadOrigin);
			assert_noop!(Supernodes::reject_subchain(signed(operator()), id), DispatchError::BadOrigin);
			assert_eq!(status(id), SubChainStatus::Pending);
			assert_eq!(held(&operator()), DEPOSIT);
		});
	}

	#[test]
	fn only_the_council_suspends() {
		test(|| {
			let id = approved();
			// An operator alone, the sub-chain's operator, its gateway, a regulator.
			assert_noop!(Supernodes::suspend_subchain(signed(alice()), id), DispatchError::BadOrigin);
			assert_noop!(Supernodes::suspend_subchain(signed(operator()), id), DispatchError::BadOrigin);
			assert_noop!(Supernodes::suspend_subchain(signed(gateway()), id), DispatchError::BadOrigin);
			assert_noop!(Supernodes::suspend_subchain(signed(regulator()), id), DispatchError::BadOrigin);
			assert_eq!(status(id), SubChainStatus::Approved);
		});
	}

	#[test]
	fn only_the_council_resumes() {
		test(|| {
			let id = approved();
			assert_ok!(Supernodes::suspend_subchain(council(), id));
			// An operator alone, the sub-chain's operator, its gateway.
			assert_noop!(Supernodes::resume_subchain(signed(alice()), id), DispatchError::BadOrigin);
			assert_noop!(Supernodes::resume_subchain(signed(operator()), id), DispatchError::BadOrigin);
			assert_noop!(Supernodes::resume_subchain(signed(gateway()), id), DispatchError::BadOrigin);
			assert_eq!(status(id), SubChainStatus::Suspended);
		});
	}

	#[test]
	fn an_unsigned_origin_registers_no_bid() {
		test(|| {
			// Any signed account registers its own BID; an unsigned origin has no account.
			assert_noop!(Supernodes::register_bid(RuntimeOrigin::none(), KeyType::Sr25519), DispatchError::BadOrigin);
			assert_eq!(BidKeyTypes::<Test>::iter().count(), 0);
		});
	}
}
