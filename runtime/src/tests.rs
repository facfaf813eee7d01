//! Runtime tests: the genesis presets build the state they promise, on the real runtime.

use crate::{
	genesis_config_presets::{self, custody_bank, CNY_NAME, CNY_SYMBOL, CUSTODY_BANK_CNY},
	Assets, Credit, Runtime, Session, CNY_ASSET_ID, CNY_DECIMALS,
};
use frame_support::traits::fungibles::{metadata::Inspect as MetadataInspect, Inspect};
use guilian_primitives::{MerchantCategory, MerchantStatus, SubjectRegistry};
use sp_keyring::Sr25519Keyring;

/// The state of a genesis preset at block 1.
fn externalities(preset: &str) -> sp_io::TestExternalities {
	let storage = genesis_config_presets::preset_storage(preset).expect("the preset builds");
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| frame_system::Pallet::<Runtime>::set_block_number(1));
	ext
}

#[test]
fn unknown_presets_are_none() {
	assert!(genesis_config_presets::get_preset(&"production".into()).is_none());
}

#[test]
fn development_has_the_cny_asset_of_the_custody_bank() {
	externalities("development").execute_with(|| {
		assert_eq!(<Assets as MetadataInspect<_>>::name(CNY_ASSET_ID), CNY_NAME.to_vec());
		assert_eq!(<Assets as MetadataInspect<_>>::symbol(CNY_ASSET_ID), CNY_SYMBOL.to_vec());
		assert_eq!(<Assets as MetadataInspect<_>>::decimals(CNY_ASSET_ID), CNY_DECIMALS);
		let details = pallet_assets::Asset::<Runtime>::get(CNY_ASSET_ID).expect("CNY exists");
		assert_eq!(details.owner, custody_bank());
		assert_eq!(details.issuer, custody_bank());
		assert_eq!(details.admin, custody_bank());
		assert!(details.is_sufficient);
		assert_eq!(<Assets as Inspect<_>>::balance(CNY_ASSET_ID, &custody_bank()), CUSTODY_BANK_CNY);
		assert_eq!(Session::validators(), vec![Sr25519Keyring::Alice.to_account_id()]);
	});
}

#[test]
fn development_has_the_demo_subjects() {
	externalities("development").execute_with(|| {
		let nanning = <Credit as SubjectRegistry<_>>::regulator_jurisdiction(
			&Sr25519Keyring::Bob.to_account_id(),
		);
		assert_eq!(nanning, Some(genesis_config_presets::NANNING));
		let gym = <Credit as SubjectRegistry<_>>::merchant(&Sr25519Keyring::Charlie.to_account_id())
			.expect("the gym is registered");
		assert_eq!(gym.category, MerchantCategory::Fitness);
		assert_eq!(gym.status, MerchantStatus::Active);
		// 1 January 2023: licensed long before any prepaid rule's 6 months.
		assert_eq!(gym.licensed_at, 1_672_531_200_000);
		let school = <Credit as SubjectRegistry<_>>::merchant(&Sr25519Keyring::Dave.to_account_id())
			.expect("the school is registered");
		assert_eq!(school.category, MerchantCategory::Education);
		let site = <Credit as SubjectRegistry<_>>::merchant(&Sr25519Keyring::AliceStash.to_account_id())
			.expect("the scenic site is registered");
		assert_eq!(site.category, MerchantCategory::Tourism);
		for consumer in [Sr25519Keyring::Eve, Sr25519Keyring::FerdieStash] {
			assert!(<Credit as SubjectRegistry<_>>::is_verified_consumer(&consumer.to_account_id()));
		}
		assert_eq!(pallet_credit::RegulatorCount::<Runtime>::get(), 1);
		assert_eq!(pallet_credit::MerchantCount::<Runtime>::get(), 3);
		assert_eq!(pallet_credit::ConsumerCount::<Runtime>::get(), 2);
	});
}

#[test]
fn local_testnet_has_four_supernode_validators_and_no_demo_subjects() {
	externalities("local_testnet").execute_with(|| {
		// Each supernode runs its stash account as validator, with the operator's dev keys.
		let expected: Vec<_> = [
			Sr25519Keyring::AliceStash,
			Sr25519Keyring::BobStash,
			Sr25519Keyring::CharlieStash,
			Sr25519Keyring::DaveStash,
		]
		.iter()
		.map(|k| k.to_account_id())
		.collect();
		assert_eq!(Session::validators(), expected);
		assert_eq!(pallet_credit::RegulatorCount::<Runtime>::get(), 0);
		assert!(pallet_assets::Asset::<Runtime>::contains_key(CNY_ASSET_ID));
	});
}

#[test]
fn development_licenses_the_demo_scenic_site_to_issue_collectibles() {
	externalities("development").execute_with(|| {
		let licence = pallet_collectibles::Issuers::<Runtime>::get(Sr25519Keyring::AliceStash.to_account_id())
			.expect("the scenic site is a licensed issuer");
		assert_eq!(licence.regulator, Sr25519Keyring::Bob.to_account_id());
	});
	externalities("local_testnet").execute_with(|| {
		assert_eq!(pallet_collectibles::Issuers::<Runtime>::iter().count(), 0);
	});
}

/// The Yongji Bridge on the real runtime: pallet-credit says who is who, pallet-assets moves CNY,
/// pallet-nfts holds the item and refuses to move it on its own.
#[test]
fn a_yongji_bridge_collectible_is_bought_locked_gifted_and_redeemed() {
	use crate::{Collectibles, Nfts, RuntimeOrigin, CNY, DAYS_MS};
	use frame_support::{assert_noop, assert_ok};
	use guilian_primitives::AreaCode;
	use pallet_collectibles::{Benefit, Provenance, SeriesParams};
	use sp_core::H256;

	externalities("development").execute_with(|| {
		const START: u64 = 1_767_225_600_000;
		pallet_timestamp::Now::<Runtime>::put(START);
		let site = Sr25519Keyring::AliceStash.to_account_id();
		let eve = Sr25519Keyring::Eve.to_account_id();
		let ferdie = Sr25519Keyring::FerdieStash.to_account_id();
		let text = |s: &str| s.as_bytes().to_vec().try_into().expect("short");
		assert_ok!(Collectibles::create_series(
			RuntimeOrigin::signed(site.clone()),
			SeriesParams {
				title: text("程阳八寨永济桥"),
				heritage_site: text("程阳八寨"),
				ethnic_group: text("侗族"),
				area: AreaCode(450226),
				description: H256::repeat_byte(1),
				image_uri: text("ipfs://yongji"),
				certificate: H256::repeat_byte(2),
				max_supply: 100,
				price: 99 * CNY,
				sale_start: START,
				sale_end: START + 30 * DAYS_MS,
				per_buyer_limit: 1,
				holding_days: None,
				benefit: Some(Benefit { description: H256::repeat_byte(3), valid_until: START + 400 * DAYS_MS }),
			},
		));
		let cny_before = <Assets as Inspect<_>>::balance(CNY_ASSET_ID, &site);
		assert_ok!(Collectibles::buy(RuntimeOrigin::signed(eve.clone()), 0));
		assert_eq!(<Assets as Inspect<_>>::balance(CNY_ASSET_ID, &site), cny_before + 99 * CNY);
		let collection = pallet_collectibles::Series::<Runtime>::get(0).expect("series").collection;
		assert_eq!(<Nfts as frame_support::traits::tokens::nonfungibles_v2::Inspect<_>>::owner(&collection, &1), Some(eve.clone()));
		assert_noop!(
			Nfts::transfer(RuntimeOrigin::signed(eve.clone()), collection, 1, ferdie.clone().into()),
			pallet_nfts::Error::<Runtime>::ItemLocked
		);
		assert_noop!(
			Collectibles::gift(RuntimeOrigin::signed(eve.clone()), 0, 1, ferdie.clone()),
			pallet_collectibles::Error::<Runtime>::HoldingPeriodNotOver
		);
		pallet_timestamp::Now::<Runtime>::put(START + 180 * DAYS_MS);
		assert_ok!(Collectibles::gift(RuntimeOrigin::signed(eve.clone()), 0, 1, ferdie.clone()));
		assert_ok!(Collectibles::redeem(RuntimeOrigin::signed(ferdie.clone()), 0, 1));
		let item = pallet_collectibles::Items::<Runtime>::get(0, 1).expect("item");
		let events: Vec<_> = item.history.iter().map(|e| e.event.clone()).collect();
		assert_eq!(
			events,
			vec![
				Provenance::Minted { to: eve.clone() },
				Provenance::Gifted { from: eve, to: ferdie.clone() },
				Provenance::Redeemed { holder: ferdie.clone(), recorded_by: ferdie },
			]
		);
	});
}

/// Disputes across pallets on the real runtime: a ruling refunds a prepaid card from its escrow
/// and costs the merchant credit; an appeal that overturns it is reconciled.
mod disputes {
	use super::*;
	use crate::{Disputes, Prepaid, RuntimeOrigin, CNY};
	use frame_support::assert_ok;
	use guilian_primitives::{AreaCode, Severity};
	use pallet_disputes::{ComplaintCategory, ComplaintStatus, Evidence, Outcome, Reference, Ruling};
	use sp_core::H256;

	/// 2026-06-01, when the demo gym (licensed 2023) sells cards.
	const JUNE_2026: u64 = 1_780_272_000_000;

	fn signed(who: Sr25519Keyring) -> RuntimeOrigin {
		RuntimeOrigin::signed(who.to_account_id())
	}

	fn cny(who: &crate::AccountId) -> crate::Balance {
		<Assets as Inspect<_>>::balance(CNY_ASSET_ID, who)
	}

	fn evidence(n: u8) -> Evidence {
		Evidence { hash: H256::repeat_byte(n), uri: b"ipfs://bafy-receipt".to_vec().try_into().unwrap() }
	}

	/// Eve buys a 1,000 CNY card of the gym (Charlie), complains about it (600 CNY), the gym
	/// contests, Alice mediates; Ferdie and Alice//stash are mediators too. Returns the card
	/// and the complaint.
	fn complaint_in_mediation() -> (u64, u64) {
		pallet_timestamp::Now::<Runtime>::put(JUNE_2026);
		let gym = Sr25519Keyring::Charlie;
		let plan = pallet_prepaid::NextPlanId::<Runtime>::get();
		assert_ok!(Prepaid::open_plan(
			signed(gym),
			pallet_prepaid::PlanKind::StoredValue { value: 1_000 * CNY },
			365,
			true
		));
		let card = pallet_prepaid::NextCardId::<Runtime>::get();
		assert_ok!(Prepaid::buy_card(signed(Sr25519Keyring::Eve), plan));
		let complaint = pallet_disputes::NextComplaintId::<Runtime>::get();
		assert_ok!(Disputes::file_complaint(
			signed(Sr25519Keyring::Eve),
			gym.to_account_id(),
			ComplaintCategory::PrepaidRefundRefused,
			Reference::Card(card),
			600 * CNY,
			evidence(1)
		));
		assert_ok!(Disputes::contest(signed(gym), complaint, evidence(2)));
		for mediator in [Sr25519Keyring::Alice, Sr25519Keyring::Ferdie, Sr25519Keyring::AliceStash] {
			assert_ok!(Disputes::appoint_mediator(
				signed(Sr25519Keyring::Bob),
				mediator.to_account_id(),
				AreaCode(450100)
			));
		}
		assert_ok!(Disputes::take_case(signed(Sr25519Keyring::Alice), complaint));
		(card, complaint)
	}

	#[test]
	fn an_upheld_complaint_refunds_the_card_from_escrow_and_lowers_the_score() {
		externalities("development").execute_with(|| {
			let (card, complaint) = complaint_in_mediation();
			let gym = Sr25519Keyring::Charlie.to_account_id();
			let eve = Sr25519Keyring::Eve.to_account_id();
			let escrow = Prepaid::escrow_account(&gym);
			let (eve_before, escrow_before, score_before) = (cny(&eve), cny(&escrow), Credit::current_score(&gym));
			let upheld = Ruling {
				outcome: Outcome::Upheld,
				refund: 600 * CNY,
				breach: Some(Severity::Moderate),
				reasons: H256::repeat_byte(9),
			};
			assert_ok!(Disputes::rule(signed(Sr25519Keyring::Alice), complaint, upheld));
			assert_eq!(cny(&eve), eve_before + 600 * CNY);
			assert_eq!(cny(&escrow), escrow_before - 600 * CNY);
			let entry = pallet_prepaid::Cards::<Runtime>::get(card).expect("the card exists");
			assert_eq!((entry.unused, entry.escrowed), (400 * CNY, 400 * CNY));
			assert!(Credit::current_score(&gym) < score_before, "a breach lowers the score");
			let stats = pallet_disputes::Stats::<Runtime>::get(&gym);
			assert_eq!((stats.filed, stats.open, stats.upheld), (1, 0, 1));
		});
	}

	/// The card refunded 600 CNY from its escrow; the panel overturns the ruling. The escrowed
	/// refund stands (the consumer's own prepaid value, see pallet-disputes' docs), nothing is
	/// paid twice, the breach is answered by a record in the gym's favour and the statistics
	/// move the complaint from upheld to rejected.
	#[test]
	fn an_appeal_that_overturns_the_ruling_is_reconciled() {
		externalities("development").execute_with(|| {
			let (_card, complaint) = complaint_in_mediation();
			let gym = Sr25519Keyring::Charlie.to_account_id();
			let eve = Sr25519Keyring::Eve.to_account_id();
			let upheld = Ruling {
				outcome: Outcome::Upheld,
				refund: 600 * CNY,
				breach: Some(Severity::Moderate),
				reasons: H256::repeat_byte(9),
			};
			assert_ok!(Disputes::rule(signed(Sr25519Keyring::Alice), complaint, upheld));
			let (eve_after_ruling, gym_after_ruling) = (cny(&eve), cny(&gym));
			let score_after_ruling = Credit::current_score(&gym);
			assert_ok!(Disputes::appeal(signed(Sr25519Keyring::Charlie), complaint));
			let rejected =
				Ruling { outcome: Outcome::Rejected, refund: 0, breach: None, reasons: H256::repeat_byte(8) };
			assert_ok!(Disputes::vote_on_appeal(signed(Sr25519Keyring::Ferdie), complaint, rejected));
			assert_ok!(Disputes::vote_on_appeal(signed(Sr25519Keyring::AliceStash), complaint, rejected));
			assert_eq!(cny(&eve), eve_after_ruling);
			assert_eq!(cny(&gym), gym_after_ruling);
			let record = pallet_disputes::Complaints::<Runtime>::get(complaint).expect("exists");
			assert_eq!(record.status, ComplaintStatus::Closed);
			assert_eq!((record.refunded, record.from_escrow), (600 * CNY, 600 * CNY));
			assert_eq!(record.ruling.map(|r| r.outcome), Some(Outcome::Rejected));
			assert!(Credit::current_score(&gym) > score_after_ruling, "the overturn is recorded in its favour");
			let stats = pallet_disputes::Stats::<Runtime>::get(&gym);
			assert_eq!((stats.upheld, stats.rejected), (0, 1));
			assert_eq!(
				<Disputes as guilian_primitives::ComplaintStats<_>>::resolved_complaints(&gym),
				1
			);
		});
	}
}

/// No signed call reaches pallet-nfts: items move only through pallet-collectibles.
#[test]
fn direct_nft_calls_are_filtered() {
	use frame_support::traits::Contains;
	let transfer = crate::RuntimeCall::Nfts(pallet_nfts::Call::transfer {
		collection: 0,
		item: 1,
		dest: Sr25519Keyring::Bob.to_account_id().into(),
	});
	let tip = crate::RuntimeCall::Nfts(pallet_nfts::Call::pay_tips { tips: Default::default() });
	let remark = crate::RuntimeCall::System(frame_system::Call::remark { remark: Vec::new() });
	type Filter = <Runtime as frame_system::Config>::BaseCallFilter;
	assert!(!Filter::contains(&transfer));
	assert!(!Filter::contains(&tip));
	assert!(Filter::contains(&remark));
}

/// The Xinghuo supernode model on the real runtime: pallet-session rotates to the validators
/// pallet-supernodes approves, sub-chains anchor, work orders reach pallet-credit.
mod supernodes {
	use super::*;
	use crate::{RuntimeOrigin, SessionKeys, Supernodes, System};
	use codec::Encode;
	use frame_support::{assert_noop, assert_ok, traits::OnInitialize};
	use guilian_primitives::AreaCode;
	use pallet_supernodes::{
		AnchorRecord, Disposal, KeyType, SubChainStatus, WorkOrderKind, WorkOrderTarget,
	};
	use sp_core::H256;

	fn root() -> RuntimeOrigin {
		RuntimeOrigin::root()
	}

	fn sorted(mut v: Vec<crate::AccountId>) -> Vec<crate::AccountId> {
		v.sort();
		v
	}

	/// Runs pallet-session's block hook up to block `n` (sessions rotate at multiples of the
	/// session length).
	fn run_to(n: crate::BlockNumber) {
		while System::block_number() < n {
			let next = System::block_number() + 1;
			System::set_block_number(next);
			<Session as OnInitialize<_>>::on_initialize(next);
		}
	}

	/// `who` registers freshly generated session keys with their ownership proof.
	fn set_session_keys(who: &crate::AccountId) {
		let generated = SessionKeys::generate(&who.encode(), None);
		assert_ok!(Session::set_keys(RuntimeOrigin::signed(who.clone()), generated.keys, generated.proof.encode()));
	}

	fn with_keystore(preset: &str) -> sp_io::TestExternalities {
		let mut ext = externalities(preset);
		ext.register_extension(sp_keystore::KeystoreExt::new(sp_keystore::testing::MemoryKeystore::new()));
		ext
	}

	#[test]
	fn local_testnet_has_four_supernodes_with_short_sessions() {
		externalities("local_testnet").execute_with(|| {
			let names = [
				(Sr25519Keyring::Alice, Sr25519Keyring::AliceStash, "南宁超级节点 Nanning", 450100),
				(Sr25519Keyring::Bob, Sr25519Keyring::BobStash, "柳州超级节点 Liuzhou", 450200),
				(Sr25519Keyring::Charlie, Sr25519Keyring::CharlieStash, "桂林超级节点 Guilin", 450300),
				(Sr25519Keyring::Dave, Sr25519Keyring::DaveStash, "北海超级节点 Beihai", 450500),
			];
			for (operator, validator, name, area) in names {
				let record = pallet_supernodes::Supernodes::<Runtime>::get(operator.to_account_id())
					.expect("a supernode");
				assert_eq!((record.name.to_vec(), record.area), (name.as_bytes().to_vec(), AreaCode(area)));
				assert_eq!(record.validators.to_vec(), vec![validator.to_account_id()]);
			}
			assert_eq!(pallet_supernodes::SessionLength::<Runtime>::get(), 10);
			assert_eq!(
				pallet_supernodes::PlannedValidators::<Runtime>::get().to_vec(),
				sorted(Session::validators())
			);
			assert_eq!(Supernodes::approved_with_keys(), sorted(Session::validators()));
		});
	}

	#[test]
	fn development_has_one_supernode_and_ten_minute_sessions() {
		externalities("development").execute_with(|| {
			assert_eq!(pallet_supernodes::SupernodeCount::<Runtime>::get(), 1);
			assert_eq!(Supernodes::approved_with_keys(), vec![Sr25519Keyring::Alice.to_account_id()]);
			assert_eq!(pallet_supernodes::SessionLength::<Runtime>::get(), 100);
		});
	}

	#[test]
	fn a_validator_the_council_adds_validates_after_the_next_session_and_leaves_again() {
		with_keystore("local_testnet").execute_with(|| {
			let alice = Sr25519Keyring::Alice.to_account_id();
			let eve = Sr25519Keyring::Eve.to_account_id();
			let four = sorted(Session::validators());
			// Without keys Eve is approved but not planned.
			assert_ok!(Supernodes::add_validator(root(), alice.clone(), eve.clone()));
			run_to(10);
			assert_eq!(sorted(Session::validators()), four);
			assert_eq!(pallet_session::CurrentIndex::<Runtime>::get(), 1);
			// Her keys arrive in session 1: planned at its end, active from session 3.
			set_session_keys(&eve);
			run_to(20);
			assert_eq!(sorted(Session::validators()), four);
			run_to(30);
			assert_eq!(sorted(Session::validators()), Supernodes::approved_with_keys());
			assert!(Session::validators().contains(&eve));
			assert_eq!(pallet_aura::Authorities::<Runtime>::get().len(), 5);
			// The council removes her: planned at the end of session 3, gone in session 5.
			assert_ok!(Supernodes::remove_validator(root(), alice.clone(), eve.clone()));
			run_to(40);
			assert!(Session::validators().contains(&eve));
			run_to(50);
			assert_eq!(sorted(Session::validators()), four);
			assert_eq!(sorted(Session::validators()), Supernodes::approved_with_keys());
			// Below the minimum of three, removals are refused.
			assert_ok!(Supernodes::remove_supernode(root(), Sr25519Keyring::Dave.to_account_id()));
			assert_noop!(
				Supernodes::remove_supernode(root(), Sr25519Keyring::Charlie.to_account_id()),
				pallet_supernodes::Error::<Runtime>::BelowMinValidators
			);
		});
	}

	fn block(height: u64) -> AnchorRecord {
		AnchorRecord {
			height,
			block_hash: H256::from_low_u64_be(height),
			parent_hash: H256::from_low_u64_be(height - 1),
			tx_count: 1,
			time: 0,
			size: 100,
		}
	}

	#[test]
	fn a_sub_chain_is_approved_anchors_and_a_work_order_suspends_a_merchant() {
		externalities("development").execute_with(|| {
			let operator = Sr25519Keyring::Eve.to_account_id();
			let gateway = Sr25519Keyring::Ferdie.to_account_id();
			assert_ok!(Supernodes::apply_subchain(
				RuntimeOrigin::signed(operator),
				*b"gx01",
				b"Substrate".to_vec().try_into().unwrap(),
				"文旅 tourism".as_bytes().to_vec().try_into().unwrap(),
				AreaCode(450103),
				vec![gateway.clone()].try_into().unwrap()
			));
			assert_ok!(Supernodes::approve_subchain(root(), 0, None));
			assert_ok!(Supernodes::anchor(RuntimeOrigin::signed(gateway.clone()), 0, vec![block(7), block(8)]));
			let mut broken = block(9);
			broken.parent_hash = H256::zero();
			assert_noop!(
				Supernodes::anchor(RuntimeOrigin::signed(gateway), 0, vec![broken]),
				pallet_supernodes::Error::<Runtime>::BrokenParentLink
			);
			assert_eq!(pallet_supernodes::Anchors::<Runtime>::get(0).map(|a| a.latest.height), Some(8));

			// The Nanning regulator (Bob) reports the gym (Charlie); the council disables it.
			let gym = Sr25519Keyring::Charlie.to_account_id();
			assert_ok!(Supernodes::raise_work_order(
				RuntimeOrigin::signed(Sr25519Keyring::Bob.to_account_id()),
				WorkOrderTarget::Subject(gym.clone()),
				WorkOrderKind::LargeTransaction,
				H256::repeat_byte(1)
			));
			assert_ok!(Supernodes::dispose_work_order(root(), 0, Disposal::Disable));
			assert_eq!(<Credit as SubjectRegistry<_>>::merchant(&gym).map(|m| m.status), Some(MerchantStatus::Suspended));
			// And the sub-chain.
			assert_ok!(Supernodes::raise_work_order(root(), WorkOrderTarget::SubChain(0), WorkOrderKind::Other, H256::zero()));
			assert_ok!(Supernodes::dispose_work_order(root(), 1, Disposal::Disable));
			assert_eq!(pallet_supernodes::SubChains::<Runtime>::get(0).map(|s| s.status), Some(SubChainStatus::Suspended));
		});
	}

	#[test]
	fn bids_of_the_dev_accounts_match_the_vectors() {
		externalities("development").execute_with(|| {
			let alice = Sr25519Keyring::Alice.to_account_id();
			assert_eq!(
				Supernodes::bid_of(&alice, KeyType::Sr25519),
				b"did:bid:rfL2vt8mkK7NXHNQJa6gnue8VSzr8V2B".to_vec()
			);
			let ed_alice: crate::AccountId = sp_keyring::Ed25519Keyring::Alice.public().0.into();
			assert_eq!(Supernodes::bid_of(&ed_alice, KeyType::Ed25519), b"did:bid:ef24KdfUW3kianGTJa8iNycbb5W6rDTpd".to_vec());
			assert_ok!(Supernodes::register_bid(RuntimeOrigin::signed(alice.clone()), KeyType::Sr25519));
			assert_eq!(Supernodes::account_of_bid(b"did:bid:rfL2vt8mkK7NXHNQJa6gnue8VSzr8V2B"), Some(alice));
		});
	}
}

/// `local_testnet` has no sudo: its four supernode operators are the council, and two thirds of
/// them (three) carry a motion; two do not.
#[test]
fn local_testnet_is_governed_by_its_council_without_sudo() {
	use crate::{Council, RuntimeCall, RuntimeOrigin};
	use codec::Encode;
	use frame_support::{assert_ok, weights::Weight};
	use sp_runtime::traits::{BlakeTwo256, Hash};
	externalities("local_testnet").execute_with(|| {
		assert_eq!(pallet_sudo::Key::<Runtime>::get(), None);
		let [alice, bob, charlie, dave] = [
			Sr25519Keyring::Alice,
			Sr25519Keyring::Bob,
			Sr25519Keyring::Charlie,
			Sr25519Keyring::Dave,
		]
		.map(|k| k.to_account_id());
		let mut operators = vec![alice.clone(), bob.clone(), charlie.clone(), dave.clone()];
		operators.sort();
		assert_eq!(pallet_collective::Members::<Runtime, pallet_collective::Instance1>::get(), operators);

		let regulator = Sr25519Keyring::Ferdie.to_account_id();
		let call = RuntimeCall::Credit(pallet_credit::Call::appoint_regulator {
			regulator: regulator.clone(),
			jurisdiction: guilian_primitives::AreaCode(450000),
			domains: pallet_credit::RegulatorDomains(pallet_credit::RegulatorDomains::ALL),
		});
		let length = call.encoded_size() as u32;
		let hash = BlakeTwo256::hash_of(&call);
		let close = |index| {
			Council::close(RuntimeOrigin::signed(alice.clone()), hash, index, Weight::from_parts(10_000_000_000, 1_000_000), length)
		};
		// Two of four: not carried (disapproved at close once everyone voted). The proposer
		// votes like everyone else.
		assert_ok!(Council::propose(RuntimeOrigin::signed(alice.clone()), 3, Box::new(call.clone()), length));
		assert_ok!(Council::vote(RuntimeOrigin::signed(alice.clone()), hash, 0, true));
		assert_ok!(Council::vote(RuntimeOrigin::signed(bob.clone()), hash, 0, true));
		assert_ok!(Council::vote(RuntimeOrigin::signed(charlie.clone()), hash, 0, false));
		assert_ok!(Council::vote(RuntimeOrigin::signed(dave.clone()), hash, 0, false));
		assert_ok!(close(0));
		assert!(pallet_credit::Regulators::<Runtime>::get(&regulator).is_none());
		// Three of four: carried, and the call runs with the council's origin.
		assert_ok!(Council::propose(RuntimeOrigin::signed(alice.clone()), 3, Box::new(call), length));
		assert_ok!(Council::vote(RuntimeOrigin::signed(alice.clone()), hash, 1, true));
		assert_ok!(Council::vote(RuntimeOrigin::signed(bob.clone()), hash, 1, true));
		assert_ok!(Council::vote(RuntimeOrigin::signed(charlie.clone()), hash, 1, true));
		assert_ok!(close(1));
		assert!(pallet_credit::Regulators::<Runtime>::get(&regulator).is_some());
	});
}

/// The runtime's storage migrations on the demo preset's state, as a chain at the previous storage
/// versions would hold it: `Executive::try_runtime_upgrade` runs every migration with its
/// `pre_upgrade`/`post_upgrade` checks, decodes the entire state and runs every pallet's
/// `try_state`. Run by `scripts/fuzz.sh` (feature `try-runtime`).
#[cfg(feature = "try-runtime")]
#[test]
fn try_runtime_upgrade_migrates_the_demo_state() {
	use frame_support::traits::{
		GetStorageVersion, StorageVersion, TryDecodeEntireStorage, UpgradeCheckSelect,
	};

	let mut ext = externalities("development");
	ext.execute_with(|| {
		// Collectibles at storage version 1: no issuer count yet (Alice//stash is licensed).
		pallet_collectibles::IssuerCount::<Runtime>::kill();
		StorageVersion::new(1).put::<crate::Collectibles>();

		let weight = crate::Executive::try_runtime_upgrade(UpgradeCheckSelect::All)
			.expect("the migrations, their checks and every pallet's try_state pass");

		assert_eq!(crate::Collectibles::on_chain_storage_version(), 2);
		assert_eq!(pallet_collectibles::IssuerCount::<Runtime>::get(), 1);
		let max = <Runtime as frame_system::Config>::BlockWeights::get().max_block;
		assert!(weight.all_lt(max), "the migrations fit in one block: {weight:?} of {max:?}");
		// Run again, the migrations find their versions and change nothing.
		let root = sp_io::storage::root(sp_runtime::StateVersion::V1);
		crate::Executive::try_runtime_upgrade(UpgradeCheckSelect::PreAndPost).expect("idempotent");
		assert_eq!(sp_io::storage::root(sp_runtime::StateVersion::V1), root);
		assert!(crate::AllPalletsWithSystem::try_decode_entire_state().is_ok());
	});
}

/// Over-long bounded arguments: for every call of every pallet and every `BoundedVec` in its
/// arguments (nested ones too), an encoding whose other arguments are minimal is built with the
/// vector at its bound, which decodes, and at its bound plus one, which fails to decode ("exceeds
/// its limit") as a call and as an extrinsic, without a panic. The bound is found by bisection
/// from the decoder itself, so a vector without a bound (below 2^16) fails the test.
mod over_long_arguments {
	use crate::{RuntimeCall, UncheckedExtrinsic};
	use codec::{Compact, Decode, DecodeLimit, Encode};
	use scale_info::{form::PortableForm, PortableRegistry, TypeDef, TypeDefPrimitive};

	/// Which `BoundedVec` (in depth-first order) gets `len` elements; the others are empty.
	struct Plan {
		seen: usize,
		target: usize,
		len: u32,
	}

	fn is_bounded(ty: &scale_info::Type<PortableForm>) -> bool {
		matches!(ty.path.ident().as_deref(), Some("BoundedVec") | Some("WeakBoundedVec"))
	}

	/// Appends the smallest encoding of type `id`, except for the planned vector.
	fn encode(types: &PortableRegistry, id: u32, out: &mut Vec<u8>, plan: &mut Plan, depth: u32) {
		let ty = types.resolve(id).expect("same registry");
		if is_bounded(ty) {
			let element = ty.type_params[0].ty.expect("a BoundedVec has an element type").id;
			let index = plan.seen;
			plan.seen += 1;
			let len = if index == plan.target { plan.len } else { 0 };
			Compact(len).encode_to(out);
			for _ in 0..len {
				encode(types, element, out, &mut Plan { seen: 0, target: usize::MAX, len: 0 }, depth + 1);
			}
			return;
		}
		match &ty.type_def {
			TypeDef::Composite(c) =>
				c.fields.iter().for_each(|f| encode(types, f.ty.id, out, plan, depth + 1)),
			TypeDef::Variant(v) => {
				// The variant with the most fields reaches nested vectors (`Some` of an
				// `Option`); deep down, the one with the fewest ends recursion (`RuntimeCall`
				// inside `sudo`).
				let chosen = if depth < 12 {
					v.variants.iter().max_by_key(|v| (v.fields.len(), std::cmp::Reverse(v.index)))
				} else {
					v.variants.iter().min_by_key(|v| v.fields.len())
				};
				if let Some(variant) = chosen {
					out.push(variant.index);
					variant.fields.iter().for_each(|f| encode(types, f.ty.id, out, plan, depth + 1));
				}
			},
			TypeDef::Sequence(_) | TypeDef::BitSequence(_) => Compact(0u32).encode_to(out),
			TypeDef::Array(a) =>
				(0..a.len).for_each(|_| encode(types, a.type_param.id, out, plan, depth + 1)),
			TypeDef::Tuple(t) => t.fields.iter().for_each(|f| encode(types, f.id, out, plan, depth + 1)),
			TypeDef::Primitive(p) => out.extend(std::iter::repeat(0).take(match p {
				TypeDefPrimitive::Bool | TypeDefPrimitive::U8 | TypeDefPrimitive::I8 => 1,
				TypeDefPrimitive::U16 | TypeDefPrimitive::I16 => 2,
				TypeDefPrimitive::U32 | TypeDefPrimitive::I32 | TypeDefPrimitive::Char => 4,
				TypeDefPrimitive::U64 | TypeDefPrimitive::I64 => 8,
				TypeDefPrimitive::U128 | TypeDefPrimitive::I128 => 16,
				TypeDefPrimitive::U256 | TypeDefPrimitive::I256 => 32,
				TypeDefPrimitive::Str => 1,
			})),
			TypeDef::Compact(_) => Compact(0u32).encode_to(out),
		}
	}

	fn decode_call(bytes: &[u8]) -> Result<RuntimeCall, codec::Error> {
		RuntimeCall::decode_all_with_depth_limit(256, &mut &bytes[..])
	}

	/// A bare (unsigned) extrinsic carrying `call`, as a transaction pool would receive it.
	fn as_extrinsic(call: &[u8]) -> Vec<u8> {
		let mut body = vec![4u8]; // extrinsic format version 4, bare
		body.extend_from_slice(call);
		body.encode()
	}

	#[test]
	fn every_bounded_argument_fails_to_decode_one_past_its_bound() {
		let mut registry = scale_info::Registry::new();
		let call_type = registry.register_type(&scale_info::meta_type::<RuntimeCall>()).id;
		let types: PortableRegistry = registry.into();
		let TypeDef::Variant(pallets) = &types.resolve(call_type).unwrap().type_def else {
			panic!("RuntimeCall is an enum")
		};
		let mut checked = Vec::new();
		for pallet in &pallets.variants {
			let pallet_call = pallet.fields[0].ty.id;
			let TypeDef::Variant(calls) = &types.resolve(pallet_call).unwrap().type_def else {
				continue;
			};
			for call in &calls.variants {
				let encoding = |target: usize, len: u32| {
					let mut plan = Plan { seen: 0, target, len };
					let mut out = vec![pallet.index, call.index];
					for field in &call.fields {
						encode(&types, field.ty.id, &mut out, &mut plan, 1);
					}
					(out, plan.seen)
				};
				let (minimal, vectors) = encoding(usize::MAX, 0);
				if vectors == 0 {
					continue;
				}
				assert!(
					decode_call(&minimal).is_ok(),
					"{}.{}: the minimal encoding does not decode",
					pallet.name,
					call.name
				);
				for target in 0..vectors {
					let decodes = |len| decode_call(&encoding(target, len).0).is_ok();
					let (mut fits, mut too_long) = (0u32, 1u32 << 16);
					assert!(!decodes(too_long), "{}.{} vector {target}: no bound below 2^16", pallet.name, call.name);
					while too_long - fits > 1 {
						let middle = (fits + too_long) / 2;
						if decodes(middle) { fits = middle } else { too_long = middle }
					}
					let (over, _) = encoding(target, fits + 1);
					let error = decode_call(&over).expect_err("one past the bound");
					assert!(
						error.to_string().contains("exceeds its limit"),
						"{}.{} vector {target}: {error}",
						pallet.name,
						call.name
					);
					assert!(UncheckedExtrinsic::decode(&mut &as_extrinsic(&over)[..]).is_err());
					assert!(UncheckedExtrinsic::decode(&mut &as_extrinsic(&encoding(target, fits).0)[..]).is_ok());
					checked.push(format!("{}.{}#{target} ≤ {fits}", pallet.name, call.name));
				}
			}
		}
		// Our pallets alone have dozens (names, URIs, labels, gateways, evidence lists).
		assert!(checked.len() >= 20, "only {} bounded arguments found: {checked:?}", checked.len());
		println!("{} bounded arguments: {}", checked.len(), checked.join(", "));
	}
}
