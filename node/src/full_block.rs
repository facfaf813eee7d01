//! Full blocks in the compiled runtime: a block filled to the normal-class weight budget with a
//! heavy call of each custom pallet (and balance transfers as a baseline) executes within the
//! time that budget stands for.
//!
//! # Why
//!
//! A weight's `ref_time` is picoseconds on the reference machine: the normal class may fill a
//! block up to its budget (85% of 2 s, that is 1.7 s: `runtime/src/configs/system.rs`), and the
//! author and every importer must execute that block well within the 6 s slot. Our weights are
//! measured on this machine by `scripts/generate-weights.sh`; if a call's weight underestimated
//! its cost (a missed storage access, a signature check, a loop), a block full of that call
//! would overrun its budget, and every validator with it. This test fills a block with one call,
//! as the node's block builder would, and measures it.
//!
//! # How
//!
//! 1. The genesis state of the `development` preset is built natively, with the wasm runtime in
//!    `:code`; the wall clock is set to [`SETUP_TIME_MS`].
//! 2. The state the calls need is set up natively, with the pallets' own calls (dispatched from the
//!    roles of the preset: Bob the regulator, Charlie the gym, Alice//stash the scenic site, Eve
//!    the consumer, ...), then committed.
//! 3. The signed extrinsics are made (with the runtime's transaction extensions, see
//!    [`crate::signing`]): as many as the block's normal class takes by the weights, and a tenth
//!    more.
//! 4. The block is built in the wasm runtime, compiled by wasmtime as in the node, the way its
//!    author builds it: `Core_initialize_block` (block 1, an Aura pre-runtime digest), then
//!    `BlockBuilder_apply_extrinsic` for the timestamp inherent and each signed extrinsic (each in
//!    a storage transaction, rolled back when invalid, as `sc-block-builder` does), until one is
//!    refused with `ExhaustsResources`, then `BlockBuilder_finalize_block`.
//! 5. The block is imported the way every other validator imports it: from the state before it,
//!    `Core_execute_block` in one call (which checks the state root the author computed).
//!
//! The block passes when every extrinsic applied `Ok(Ok(()))`, the normal class is at least
//! [`MIN_FULLNESS`] full (one more extrinsic no longer fits), the import took at most
//! [`MAX_SHARE_OF_BUDGET`] of the time the budget stands for (the weights do not underestimate
//! the calls), and building it at most [`MAX_SHARE_OF_PROPOSAL_WINDOW`] of the author's
//! proposal window. Authoring is slower than import for the same block: every extrinsic is a
//! runtime call of its own.
//!
//! # What it does not measure
//!
//! The state is in memory: storage reads and writes cost less here than on ParityDB, which the
//! weights charge for (`ParityDbWeight`, measured: 3.4 µs a read, 9.9 µs a write). The test bounds
//! the execution of the calls, signature checks and hooks included, not the disk.
//!
//! # Running
//!
//! `cargo test --release -p guilian-node full_block -- --nocapture` prints one line per block.
//! The blocks are built one at a time (a lock), so that they do not compete for the CPU; in a
//! debug build the time is printed but not checked.

use crate::signing::{signed_extrinsic, ChainIdentity};
use codec::{Decode, Encode};
use frame_support::{
	dispatch::{DispatchClass, GetDispatchInfo},
	traits::{fungible, fungibles, Get},
	weights::{constants::WEIGHT_REF_TIME_PER_SECOND, Weight},
	BoundedVec,
};
use guilian_primitives::AreaCode;
use guilian_runtime::{
	genesis_config_presets::{self, NANNING},
	AccountId, Assets, Balance, Balances, BalancesCall, Collectibles, Credit, Disputes, Header,
	Prepaid, Runtime, RuntimeCall, RuntimeError, RuntimeGenesisConfig, RuntimeOrigin, Supernodes,
	Timestamp, TimestampCall, UncheckedExtrinsic, CNY, CNY_ASSET_ID, DAYS_MS, GXC, SLOT_DURATION,
};
use sc_executor::{WasmExecutionMethod, WasmExecutor, WasmtimeInstantiationStrategy};
use serde_json::Value;
use sp_consensus_aura::{Slot, AURA_ENGINE_ID};
use sp_core::{
	sr25519,
	traits::{CallContext, CodeExecutor, Externalities, RuntimeCode, WrappedRuntimeCode},
	Pair as _,
};
use sp_keyring::Sr25519Keyring;
use sp_runtime::{
	traits::{BlakeTwo256, Hash as _},
	transaction_validity::{InvalidTransaction, TransactionValidityError},
	ApplyExtrinsicResult, BuildStorage, Digest, DigestItem, MultiSignature, OpaqueExtrinsic,
};
use std::{
	borrow::Cow,
	sync::{Mutex, OnceLock, PoisonError},
	time::{Duration, Instant},
};

/// A full block must import (`Core_execute_block`, what every validator does) within the time
/// its normal-class weight budget stands for (1.7 s): the weights must not underestimate the
/// calls. The safety margin is in the budget, 1.7 s of compute in a 6 s slot, not here: this
/// machine's timings vary by about 15% from run to run (a block of `settle` imported in 0.74 and
/// in 0.84 of its weight's time), so a tighter bound would fail on noise.
const MAX_SHARE_OF_BUDGET: f64 = 1.0;

/// Imports timed per block; the fastest counts.
const IMPORT_RUNS: usize = 3;

/// The author must build a full block (one runtime call per extrinsic, each with its own
/// instance: slower than an import) in at most this share of its proposal window (two thirds of
/// the 6 s slot), leaving the rest for the block to reach the other validators.
const MAX_SHARE_OF_PROPOSAL_WINDOW: f64 = 0.75;

/// A block counts as full when its normal class used at least this share of its weight budget
/// (and the next extrinsic was refused with `ExhaustsResources`).
const MIN_FULLNESS: f64 = 0.9;

/// Extrinsics made beyond those the weights say fit, in percent: the weight reclaimed after
/// dispatch may let a few more in, and the first that no longer fits proves the block full.
const SPARE_PERCENT: u32 = 10;
/// Extrinsics made beyond those the weights say fit, on top of [`SPARE_PERCENT`].
const SPARE_EXTRINSICS: u32 = 20;

/// The block's time: 1 June 2026, 00:00 UTC, when the demo subjects' licences (2015 to 2023)
/// are years old. A multiple of the slot duration, as Aura requires.
const BLOCK_TIME_MS: u64 = 1_780_272_000_000;
/// The block's Aura slot.
const BLOCK_SLOT: u64 = BLOCK_TIME_MS / SLOT_DURATION;
const _: () = assert!(BLOCK_TIME_MS % SLOT_DURATION == 0, "the block's time starts a slot");
/// The wall clock during the set-up: a minute before the block (more than the 3 s
/// `MinimumPeriod` between two timestamps).
const SETUP_TIME_MS: u64 = BLOCK_TIME_MS - 60_000;

/// Host functions of the runtime, as in the node's service.
#[cfg(not(feature = "runtime-benchmarks"))]
type RuntimeHostFunctions = sp_io::SubstrateHostFunctions;
/// Host functions of the runtime, as in the node's service.
#[cfg(feature = "runtime-benchmarks")]
type RuntimeHostFunctions =
	(sp_io::SubstrateHostFunctions, frame_benchmarking::benchmarking::HostFunctions);

/// Builds one block at a time: blocks measured in parallel would slow each other down.
static ONE_BLOCK_AT_A_TIME: Mutex<()> = Mutex::new(());

// ---- The blocks ----------------------------------------------------------------------------

/// Reference, not a check of our weights: Alice sends 1 GXC to a new account in each
/// extrinsic. The block must be full and valid; its times are printed, not bounded. A block of
/// 10,000 new accounts imports here in about the time its weight says (0.99 of the budget),
/// because the in-memory state computes the root of 20,000 changed keys more slowly than the
/// node does on ParityDB, where `benchmark extrinsic` times 140 µs a transfer in a full block
/// (0.84 of the weight): see the README's Performance section.
#[test]
fn a_block_full_of_balance_transfers_is_built_and_imported() {
	run_scenario_with(
		"balances transfer_keep_alive (reference)",
		balances_transfer_keep_alive,
		Limits::Reference,
	);
}

/// pallet-prepaid's heaviest call: the gym records uses its customer signed.
#[test]
fn a_block_full_of_prepaid_record_use_executes_in_time() {
	run_scenario("prepaid record_use", prepaid_record_use);
}

/// pallet-collectibles' heaviest call: a consumer buys items of a series.
#[test]
fn a_block_full_of_collectible_purchases_executes_in_time() {
	run_scenario("collectibles buy", collectibles_buy);
}

/// pallet-disputes' heaviest call one signer can repeat: the gym settles complaints.
#[test]
fn a_block_full_of_complaint_settlements_executes_in_time() {
	run_scenario("disputes settle (card + own CNY)", disputes_settle);
}

/// pallet-credit's heaviest signed call: the gym relays commitments its customer signed.
#[test]
fn a_block_full_of_relayed_commitments_executes_in_time() {
	run_scenario("credit relay_commitment", credit_relay_commitment);
}

/// pallet-supernodes' everyday load, for reference: a gateway anchors its sub-chain's blocks in
/// batches small enough for a block to fill by weight before its length. Such a block, like one
/// of transfers, is mostly the base cost of 11,000 extrinsics and their new keys, which the
/// in-memory state of this test handles more slowly than the node (0.80 to 1.01 of the weight's
/// time measured here): its times are printed, not bounded.
#[test]
fn a_block_full_of_sub_chain_anchors_is_built_and_imported() {
	run_scenario_with("supernodes anchor (reference)", supernodes_anchor, Limits::Reference);
}

/// pallet-supernodes' heaviest signed call: a backbone operator applies for sub-chains.
#[test]
fn a_block_full_of_sub_chain_applications_executes_in_time() {
	run_scenario("supernodes apply_subchain (4 gateways)", supernodes_apply_subchain);
}

// ---- Scenarios: set-up (native) and the signed extrinsics ----------------------------------

/// Alice sends 1 GXC to a new account in each extrinsic (pallet-balances' weights, for
/// comparison with our pallets').
fn balances_transfer_keep_alive(chain: &ChainIdentity) -> Vec<UncheckedExtrinsic> {
	sign_full_block(Sr25519Keyring::Alice, chain, |i| {
		let payee = AccountId::from(BlakeTwo256::hash_of(&(b"guilian full-block payee", i)).0);
		RuntimeCall::Balances(BalancesCall::transfer_keep_alive { dest: payee.into(), value: GXC })
	})
}

/// `record_use` (call index 5, the heaviest of pallet-prepaid): Charlie's gym opens a 1,000 CNY
/// stored-value plan, Eve buys a card, then the gym records uses of one fen, each carrying
/// Eve's signature over the pallet's use-signing payload with the card's next use nonce.
///
/// The weight is that of the last use of a card (which retires it from the indexes); here the
/// card stays active, a slightly lighter path under the same weight.
fn prepaid_record_use(chain: &ChainIdentity) -> Vec<UncheckedExtrinsic> {
	let gym = Sr25519Keyring::Charlie;
	let holder = Sr25519Keyring::Eve;
	let plan = pallet_prepaid::NextPlanId::<Runtime>::get();
	Prepaid::open_plan(
		signed(gym),
		pallet_prepaid::PlanKind::StoredValue { value: 1_000 * CNY },
		365,
		false,
	)
	.expect("the demo gym, licensed in 2023, sells anonymous stored-value cards");
	let card = pallet_prepaid::NextCardId::<Runtime>::get();
	Prepaid::buy_card(signed(holder), plan).expect("Eve holds CNY to buy a card");

	let holder_key = holder.pair();
	let extrinsics = sign_full_block(gym, chain, |use_nonce| {
		let payload = Prepaid::use_signing_payload(card, 1, use_nonce);
		let signature = MultiSignature::Sr25519(holder_key.sign(&payload));
		RuntimeCall::Prepaid(pallet_prepaid::Call::record_use {
			card,
			units: 1,
			nonce: use_nonce,
			signature,
		})
	});
	let unused = pallet_prepaid::Cards::<Runtime>::get(card).expect("Eve's card exists").unused;
	assert!(
		unused >= extrinsics.len() as Balance,
		"the card ({unused} fen) must pay for {} uses of one fen",
		extrinsics.len()
	);
	extrinsics
}

/// `buy` (the heaviest call of pallet-collectibles): Alice//stash, the licensed scenic site,
/// creates a series at 1 CNY an item, on sale now, as large as the block; Eve buys item after
/// item (from the second on, her purchase counter is read and rewritten: the benchmark's worst
/// case).
fn collectibles_buy(chain: &ChainIdentity) -> Vec<UncheckedExtrinsic> {
	let site = Sr25519Keyring::AliceStash;
	let buyer = Sr25519Keyring::Eve;
	let series = pallet_collectibles::NextSeriesId::<Runtime>::get();
	let buy = move |_: u32| RuntimeCall::Collectibles(pallet_collectibles::Call::buy { series });
	let count = extrinsics_to_sign(&signed_extrinsic(&buyer.pair(), buy(0), 0, chain));
	Collectibles::create_series(
		signed(site),
		pallet_collectibles::SeriesParams {
			title: bounded("程阳八寨永济桥 Yongji Bridge"),
			heritage_site: bounded("程阳八寨 Chengyang"),
			ethnic_group: bounded("侗族 Dong"),
			// Sanjiang (Liuzhou), as in the e2e test of collectibles.
			area: AreaCode(450226),
			description: BlakeTwo256::hash(b"guilian full-block series"),
			image_uri: bounded("ipfs://guilian-full-block-series.png"),
			certificate: BlakeTwo256::hash(b"guilian full-block certificate"),
			max_supply: count,
			price: CNY,
			sale_start: SETUP_TIME_MS - DAYS_MS,
			sale_end: SETUP_TIME_MS + 30 * DAYS_MS,
			per_buyer_limit: count,
			holding_days: None,
			benefit: None,
		},
	)
	.expect("Alice//stash is a licensed issuer in the development preset");
	sign_all(buyer, chain, count, buy)
}

/// `settle` (pallet-disputes): the heaviest call one signer can repeat. (Only `vote_on_appeal`
/// weighs more, but each vote needs a complaint contested, taken by a mediator, ruled and
/// appealed, and a panel of three mediators per case: not one signer's repeatable call.)
///
/// As in the benchmark's worst case, each complaint is about a prepaid card and claims more
/// than the card holds: settling refunds the card from its escrow (3 CNY) and the rest from the
/// gym's own CNY (2 CNY). Each complaint has its own consumer and card, as when many customers
/// complain (one consumer may have at most 16 live complaints): for each, natively, GXC and CNY
/// are minted, Bob (the Nanning regulator) verifies it, it buys a card of Charlie's gym and
/// files a complaint. Then Charlie settles them all.
fn disputes_settle(chain: &ChainIdentity) -> Vec<UncheckedExtrinsic> {
	/// Value of each complainant's card, all of it in escrow.
	const CARD_VALUE: Balance = 3 * CNY;
	/// What each complainant claims: the card's value, and more.
	const CLAIM: Balance = 5 * CNY;

	let gym = Sr25519Keyring::Charlie;
	let settle =
		|complaint: u64| RuntimeCall::Disputes(pallet_disputes::Call::settle { complaint });
	let count = extrinsics_to_sign(&signed_extrinsic(&gym.pair(), settle(0), 0, chain));

	let plan = pallet_prepaid::NextPlanId::<Runtime>::get();
	Prepaid::open_plan(
		signed(gym),
		pallet_prepaid::PlanKind::StoredValue { value: CARD_VALUE },
		365,
		true,
	)
	.expect("the demo gym sells named stored-value cards");
	let first_complaint = pallet_disputes::NextComplaintId::<Runtime>::get();
	for i in 0..count {
		let consumer =
			AccountId::from(BlakeTwo256::hash_of(&(b"guilian full-block complainant", i)).0);
		<Balances as fungible::Mutate<AccountId>>::mint_into(&consumer, 10 * GXC)
			.expect("GXC for the complaint deposit");
		<Assets as fungibles::Mutate<AccountId>>::mint_into(CNY_ASSET_ID, &consumer, 10 * CNY)
			.expect("CNY for the card");
		Credit::verify_consumer(
			signed(Sr25519Keyring::Bob),
			consumer.clone(),
			BlakeTwo256::hash_of(&(b"guilian full-block identity", i)),
		)
		.expect("Bob is a regulator and the identity is new");
		let card = pallet_prepaid::NextCardId::<Runtime>::get();
		Prepaid::buy_card(RuntimeOrigin::signed(consumer.clone()), plan)
			.expect("a verified consumer buys a named card");
		Disputes::file_complaint(
			RuntimeOrigin::signed(consumer),
			gym.to_account_id(),
			pallet_disputes::ComplaintCategory::PrepaidRefundRefused,
			pallet_disputes::Reference::Card(card),
			CLAIM,
			pallet_disputes::Evidence {
				hash: BlakeTwo256::hash_of(&(b"guilian full-block receipt", i)),
				uri: bounded("ipfs://guilian-full-block-receipt"),
			},
		)
		.expect("the card holder complains about its merchant");
	}
	sign_all(gym, chain, count, |i| settle(first_complaint + u64::from(i)))
}

/// `relay_commitment` (the heaviest signed call of pallet-credit): Eve, a verified consumer,
/// signs commitments (the pallet's relay-signing payload, with her next relay nonce each) and
/// Charlie's gym relays them.
fn credit_relay_commitment(chain: &ChainIdentity) -> Vec<UncheckedExtrinsic> {
	let relayer = Sr25519Keyring::Charlie;
	let subject = Sr25519Keyring::Eve;
	let subject_key = subject.pair();
	let first_nonce = pallet_credit::RelayNonce::<Runtime>::get(subject.to_account_id());
	sign_full_block(relayer, chain, |i| {
		let payload = pallet_credit::RelayedCommitment {
			subject: subject.to_account_id(),
			terms: pallet_credit::CommitmentTerms {
				kind: pallet_credit::CommitmentKind::Refund,
				content_hash: BlakeTwo256::hash_of(&(b"guilian full-block commitment", i)),
				valid_from: BLOCK_TIME_MS,
				valid_until: BLOCK_TIME_MS + 365 * DAYS_MS,
			},
			nonce: first_nonce + i,
		};
		let signature =
			MultiSignature::Sr25519(subject_key.sign(&Credit::relay_signing_payload(&payload)));
		RuntimeCall::Credit(pallet_credit::Call::relay_commitment { payload, signature })
	})
}

/// `anchor`: what loads the supernodes every day, gateways anchoring their sub-chains' blocks.
/// Alice applies for a sub-chain with four gateways (Dave last: the longest search, as in the
/// benchmark), which is approved natively; Dave anchors batch after batch of linked blocks.
///
/// The batch is the largest with which the block fills by weight before it fills by length: a
/// full batch (320 records, 28 KB) fills the 3.75 MiB of the normal class with ~140
/// extrinsics, about 2% of the weight budget, which is then no test of the weights.
fn supernodes_anchor(chain: &ChainIdentity) -> Vec<UncheckedExtrinsic> {
	let gateway = Sr25519Keyring::Dave;
	let subchain = Supernodes::do_apply(
		Sr25519Keyring::Alice.to_account_id(),
		*b"GX01",
		bounded("substrate"),
		bounded("tourism"),
		NANNING,
		gateways([
			Sr25519Keyring::Bob,
			Sr25519Keyring::Charlie,
			Sr25519Keyring::Eve,
			Sr25519Keyring::Dave,
		]),
	)
	.expect("Alice holds the application deposit");
	Supernodes::do_approve(subchain, None).expect("the application is pending, GX01 is free");
	let batch = anchor_batch_filling_by_weight(&gateway.pair(), subchain, chain);
	println!("full block | supernodes anchor: batches of {batch} records");
	sign_full_block(gateway, chain, |i| {
		anchor_call(subchain, 1 + u64::from(i) * u64::from(batch), batch)
	})
}

/// `apply_subchain` with four gateways (the most): the heaviest call a signed account can
/// repeat in pallet-supernodes (the council's calls weigh more, but are not signed). Alice
/// applies again and again, each time with another AC code; each application holds 100 GXC.
fn supernodes_apply_subchain(chain: &ChainIdentity) -> Vec<UncheckedExtrinsic> {
	let gateways: BoundedVec<AccountId, <Runtime as pallet_supernodes::Config>::MaxGateways> =
		gateways([
			Sr25519Keyring::Bob,
			Sr25519Keyring::Charlie,
			Sr25519Keyring::Dave,
			Sr25519Keyring::Eve,
		]);
	sign_full_block(Sr25519Keyring::Alice, chain, |i| {
		RuntimeCall::Supernodes(pallet_supernodes::Call::apply_subchain {
			ac_code: ac_code(i),
			chain_type: bounded("substrate"),
			industry: bounded("tourism"),
			area: NANNING,
			gateways: gateways.clone(),
		})
	})
}

// ---- Scenario helpers -----------------------------------------------------------------------

/// The origin of a dev account.
fn signed(who: Sr25519Keyring) -> RuntimeOrigin {
	RuntimeOrigin::signed(who.to_account_id())
}

/// `text` as a bounded vector.
fn bounded<S: Get<u32>>(text: &str) -> BoundedVec<u8, S> {
	text.as_bytes().to_vec().try_into().expect("a short text")
}

/// The gateways of a sub-chain.
fn gateways<S: Get<u32>>(who: [Sr25519Keyring; 4]) -> BoundedVec<AccountId, S> {
	who.into_iter()
		.map(Sr25519Keyring::to_account_id)
		.collect::<Vec<_>>()
		.try_into()
		.expect("four gateways, the most a sub-chain has")
}

/// A distinct AC code for each `n` below 36^4: four base-36 digits.
fn ac_code(mut n: u32) -> [u8; 4] {
	const DIGITS: &[u8; 36] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
	let mut code = [b'0'; 4];
	for byte in code.iter_mut().rev() {
		*byte = DIGITS[(n % 36) as usize];
		n /= 36;
	}
	code
}

/// Block `height` of the anchored sub-chain, linked to block `height - 1`.
fn sub_chain_block(height: u64) -> pallet_supernodes::AnchorRecord {
	let hash = |h: u64| BlakeTwo256::hash_of(&(b"guilian full-block sub-chain", h));
	pallet_supernodes::AnchorRecord {
		height,
		block_hash: hash(height),
		parent_hash: hash(height.saturating_sub(1)),
		tx_count: 100,
		time: SETUP_TIME_MS,
		size: 100_000,
	}
}

/// Anchors `records` blocks of `subchain` from `first_height`.
fn anchor_call(subchain: u32, first_height: u64, records: u32) -> RuntimeCall {
	let batch = (first_height..first_height + u64::from(records)).map(sub_chain_block).collect();
	RuntimeCall::Supernodes(pallet_supernodes::Call::anchor { subchain, batch })
}

/// The largest anchor batch with which a block fills by weight with room to spare in length
/// (at most 90% of the normal class's length).
fn anchor_batch_filling_by_weight(
	gateway: &sr25519::Pair,
	subchain: u32,
	chain: &ChainIdentity,
) -> u32 {
	let length_budget = u64::from(
		*<Runtime as frame_system::Config>::BlockLength::get()
			.max
			.get(DispatchClass::Normal),
	);
	let largest = <Runtime as pallet_supernodes::Config>::MaxAnchorBatch::get();
	(1..=largest)
		.rev()
		.find(|&records| {
			let sample = signed_extrinsic(gateway, anchor_call(subchain, 1, records), 0, chain);
			let fit = normal_budget().ref_time().div_ceil(weight_in_block(&sample).ref_time());
			fit.saturating_mul(sample.encoded_size() as u64) <= length_budget / 10 * 9
		})
		.unwrap_or(1)
}

/// The runtime's block weights.
fn block_weights() -> frame_system::limits::BlockWeights {
	<Runtime as frame_system::Config>::BlockWeights::get()
}

/// The weight budget of the normal class.
fn normal_budget() -> Weight {
	block_weights()
		.get(DispatchClass::Normal)
		.max_total
		.expect("the runtime caps the normal class")
}

/// What `extrinsic` adds to the normal class: its call and extensions, and the base weight of
/// an extrinsic.
fn weight_in_block(extrinsic: &UncheckedExtrinsic) -> Weight {
	let base = block_weights().get(DispatchClass::Normal).base_extrinsic;
	extrinsic.get_dispatch_info().total_weight().saturating_add(base)
}

/// How many extrinsics like `sample` to make: as many as fill the normal class by the weights,
/// and [`SPARE_PERCENT`] and [`SPARE_EXTRINSICS`] more.
fn extrinsics_to_sign(sample: &UncheckedExtrinsic) -> u32 {
	let fit = normal_budget().ref_time().div_ceil(weight_in_block(sample).ref_time());
	let fit = u32::try_from(fit).expect("a block holds fewer than 2^32 extrinsics");
	fit + fit * SPARE_PERCENT / 100 + SPARE_EXTRINSICS
}

/// `count` extrinsics signed by `signer` with its next nonces, the `i`-th calling `call(i)`.
fn sign_all(
	signer: Sr25519Keyring,
	chain: &ChainIdentity,
	count: u32,
	call: impl Fn(u32) -> RuntimeCall,
) -> Vec<UncheckedExtrinsic> {
	let key = signer.pair();
	let first_nonce = frame_system::Pallet::<Runtime>::account_nonce(signer.to_account_id());
	(0..count)
		.map(|i| signed_extrinsic(&key, call(i), first_nonce + i, chain))
		.collect()
}

/// The extrinsics of [`sign_all`], as many as [`extrinsics_to_sign`] says for `call(0)`.
fn sign_full_block(
	signer: Sr25519Keyring,
	chain: &ChainIdentity,
	call: impl Fn(u32) -> RuntimeCall,
) -> Vec<UncheckedExtrinsic> {
	let count = extrinsics_to_sign(&signed_extrinsic(&signer.pair(), call(0), 0, chain));
	sign_all(signer, chain, count, call)
}

// ---- Genesis, the block, the report ----------------------------------------------------------

/// Builds a block of the scenario's extrinsics on the development genesis, prints its line and
/// checks it.
fn run_scenario(name: &str, scenario: fn(&ChainIdentity) -> Vec<UncheckedExtrinsic>) {
	run_scenario_with(name, scenario, Limits::Checked)
}

/// Whether a block's times are checked against their limits.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Limits {
	/// Import within [`MAX_SHARE_OF_BUDGET`], authoring within [`MAX_SHARE_OF_PROPOSAL_WINDOW`].
	Checked,
	/// Printed only (a reference block of the SDK's calls).
	Reference,
}

/// [`run_scenario`], with the times checked or printed only.
fn run_scenario_with(
	name: &str,
	scenario: fn(&ChainIdentity) -> Vec<UncheckedExtrinsic>,
	limits: Limits,
) {
	let _alone = ONE_BLOCK_AT_A_TIME.lock().unwrap_or_else(PoisonError::into_inner);
	let mut ext = development_genesis();
	let (chain, extrinsics) = ext.execute_with(|| {
		set_wall_clock(SETUP_TIME_MS);
		let chain = ChainIdentity {
			genesis: frame_system::BlockHash::<Runtime>::get(0u32),
			spec_version: guilian_runtime::VERSION.spec_version,
			transaction_version: guilian_runtime::VERSION.transaction_version,
		};
		let extrinsics = scenario(&chain);
		(chain, extrinsics)
	});
	// The set-up is in the genesis state as far as the block is concerned: the block's storage
	// root then covers the block's own changes only, as on a node.
	ext.commit_all().expect("the set-up state commits");
	let report = build_block(&mut ext, &chain, &extrinsics);
	report.print(name);
	report.check(name, limits);
}

/// Applies a preset's JSON patch over the default genesis, as the node's chain-spec builder
/// does (the same as in the runtime's tests).
fn merge(base: &mut Value, patch: Value) {
	match (base, patch) {
		(Value::Object(base), Value::Object(patch)) => {
			for (key, value) in patch {
				merge(base.entry(key).or_insert(Value::Null), value);
			}
		},
		(base, patch) => *base = patch,
	}
}

/// The compiled wasm runtime.
fn wasm_binary() -> &'static [u8] {
	guilian_runtime::WASM_BINARY
		.expect("the runtime's wasm is built (do not set SKIP_WASM_BUILD for this test)")
}

/// The state of the `development` preset, with the wasm runtime in `:code`.
fn development_genesis() -> sp_io::TestExternalities {
	let preset =
		genesis_config_presets::get_preset(&sp_genesis_builder::DEV_RUNTIME_PRESET.to_string())
			.expect("the runtime has a development preset");
	let patch: Value = serde_json::from_slice(&preset).expect("presets are JSON");
	let mut config = serde_json::to_value(RuntimeGenesisConfig::default())
		.expect("the default genesis serializes");
	merge(&mut config, patch);
	let config: RuntimeGenesisConfig =
		serde_json::from_value(config).expect("the development preset is a valid genesis");
	let storage = config.build_storage().expect("the development genesis builds");
	sp_io::TestExternalities::new_with_code(wasm_binary(), storage)
}

/// Sets pallet-timestamp's `Now` (what the pallets read as the wall clock) without a block.
/// Written directly: `Timestamp::set_timestamp` would also check the Aura slot.
fn set_wall_clock(ms: u64) {
	let now = frame_support::storage::storage_prefix(b"Timestamp", b"Now");
	frame_support::storage::unhashed::put(&now, &ms);
	assert_eq!(Timestamp::get(), ms, "Timestamp::Now is at twox128(Timestamp) ++ twox128(Now)");
}

/// The wasm executor, compiled by wasmtime as in the node; built once, so that the runtime is
/// compiled once for all the blocks.
fn executor() -> &'static WasmExecutor<RuntimeHostFunctions> {
	static EXECUTOR: OnceLock<WasmExecutor<RuntimeHostFunctions>> = OnceLock::new();
	EXECUTOR.get_or_init(|| {
		WasmExecutor::<RuntimeHostFunctions>::builder()
			.with_execution_method(WasmExecutionMethod::Compiled {
				instantiation_strategy: WasmtimeInstantiationStrategy::PoolingCopyOnWrite,
			})
			.build()
	})
}

/// Calls `method` of the wasm runtime with SCALE-encoded `input`; returns its SCALE-encoded
/// output.
fn call_runtime(
	externalities: &mut dyn Externalities,
	code: &RuntimeCode,
	method: &str,
	input: &[u8],
) -> Vec<u8> {
	let (result, _) =
		executor().call(externalities, code, method, input, CallContext::Onchain { import: false });
	result.unwrap_or_else(|error| panic!("{method} failed in the wasm runtime: {error}"))
}

/// Applies one encoded extrinsic in a storage transaction, kept unless the extrinsic is invalid,
/// as `sc-block-builder` does.
fn apply_extrinsic(
	ext: &mut sp_io::TestExternalities,
	code: &RuntimeCode,
	extrinsic: &[u8],
) -> ApplyExtrinsicResult {
	let mut externalities = ext.ext();
	externalities.storage_start_transaction();
	let output = call_runtime(&mut externalities, code, "BlockBuilder_apply_extrinsic", extrinsic);
	let outcome = ApplyExtrinsicResult::decode(&mut &output[..])
		.expect("apply_extrinsic returns an ApplyExtrinsicResult");
	let closed = if outcome.is_ok() {
		externalities.storage_commit_transaction()
	} else {
		externalities.storage_rollback_transaction()
	};
	closed.expect("the transaction opened above is still open");
	outcome
}

/// Block 1 on the committed state, built as its author builds it and then imported as every
/// other validator imports it:
///
/// - authoring: `Core_initialize_block`, the timestamp inherent and `extrinsics` applied one
///   runtime call each until one no longer fits, `BlockBuilder_finalize_block` (which returns the
///   header with its state and extrinsics roots); timed from the first apply to the end;
/// - import: the overlay is dropped (back to the state before the block), and the block, the header
///   and the extrinsics that went in, is executed by `Core_execute_block` in one call, which also
///   checks the roots; timed whole.
fn build_block(
	ext: &mut sp_io::TestExternalities,
	chain: &ChainIdentity,
	extrinsics: &[UncheckedExtrinsic],
) -> BlockReport {
	let wasm = wasm_binary();
	let fetcher = WrappedRuntimeCode(Cow::Borrowed(wasm));
	let code = RuntimeCode {
		code_fetcher: &fetcher,
		heap_pages: None,
		hash: BlakeTwo256::hash(wasm).as_bytes().to_vec(),
	};
	let header = Header {
		parent_hash: chain.genesis,
		number: 1,
		state_root: Default::default(),
		extrinsics_root: Default::default(),
		digest: Digest {
			logs: vec![DigestItem::PreRuntime(AURA_ENGINE_ID, Slot::from(BLOCK_SLOT).encode())],
		},
	};
	// The first call compiles the runtime: not timed.
	call_runtime(&mut ext.ext(), &code, "Core_initialize_block", &header.encode());
	let set_time = RuntimeCall::Timestamp(TimestampCall::set { now: BLOCK_TIME_MS });
	let timestamp = UncheckedExtrinsic::new_bare(set_time).encode();
	let encoded: Vec<Vec<u8>> = extrinsics.iter().map(Encode::encode).collect();

	let start = Instant::now();
	let inherent = apply_extrinsic(ext, &code, &timestamp);
	assert!(matches!(inherent, Ok(Ok(()))), "the timestamp inherent: {inherent:?}");
	let mut included = vec![timestamp];
	let mut exhausted = false;
	for (index, extrinsic) in encoded.iter().enumerate() {
		match apply_extrinsic(ext, &code, extrinsic) {
			Ok(Ok(())) => included.push(extrinsic.clone()),
			Err(TransactionValidityError::Invalid(InvalidTransaction::ExhaustsResources)) => {
				exhausted = true;
				break;
			},
			Ok(Err(error)) => panic!(
				"signed extrinsic {index} failed: {error:?} ({:?})",
				RuntimeError::from_dispatch_error(error)
			),
			Err(invalid) => panic!("signed extrinsic {index} is invalid: {invalid:?}"),
		}
	}
	let finalized = call_runtime(&mut ext.ext(), &code, "BlockBuilder_finalize_block", &[]);
	let authoring = start.elapsed();

	let header = Header::decode(&mut &finalized[..]).expect("finalize_block returns the header");
	assert_eq!(header.number, 1, "the finalized header is block 1's");
	let normal_used = ext
		.execute_with(|| *frame_system::BlockWeight::<Runtime>::get().get(DispatchClass::Normal));

	// Import: from the state before the block, the whole block in one call; the fastest of
	// `IMPORT_RUNS`, so that another process's moment on the CPU does not fail the test.
	let body: Vec<OpaqueExtrinsic> = included
		.iter()
		.map(|bytes| {
			OpaqueExtrinsic::try_from_encoded_extrinsic(bytes)
				.expect("an applied extrinsic decodes")
		})
		.collect();
	let block = sp_runtime::generic::Block { header, extrinsics: body }.encode();
	let import = (0..IMPORT_RUNS)
		.map(|_| {
			ext.reset_overlay();
			let start = Instant::now();
			call_runtime(&mut ext.ext(), &code, "Core_execute_block", &block);
			start.elapsed()
		})
		.min()
		.expect("at least one import run");

	BlockReport {
		applied: included.len() - 1,
		signed: encoded.len(),
		exhausted,
		normal_used,
		normal_budget: normal_budget(),
		authoring,
		import,
	}
}

/// What a full block took.
struct BlockReport {
	/// Signed extrinsics applied (`Ok(Ok(()))`), the one refused as the block was full aside.
	applied: usize,
	/// Signed extrinsics made.
	signed: usize,
	/// Whether an extrinsic was refused with `ExhaustsResources`.
	exhausted: bool,
	/// Weight the normal class used.
	normal_used: Weight,
	/// The normal class's weight budget.
	normal_budget: Weight,
	/// Wall time of building the block (the apply phase and the finalization).
	authoring: Duration,
	/// Wall time of importing it (`Core_execute_block`).
	import: Duration,
}

impl BlockReport {
	/// The budget as time, in seconds.
	fn budget_secs(&self) -> f64 {
		self.normal_budget.ref_time() as f64 / WEIGHT_REF_TIME_PER_SECOND as f64
	}

	/// The weight used as time, in seconds.
	fn used_secs(&self) -> f64 {
		self.normal_used.ref_time() as f64 / WEIGHT_REF_TIME_PER_SECOND as f64
	}

	/// Share of the budget the normal class used.
	fn fullness(&self) -> f64 {
		self.used_secs() / self.budget_secs()
	}

	/// Import time over the budget's time.
	fn import_share(&self) -> f64 {
		self.import.as_secs_f64() / self.budget_secs()
	}

	/// Authoring time over the author's proposal window.
	fn authoring_share(&self) -> f64 {
		self.authoring.as_secs_f64() / proposal_window_secs()
	}

	/// One line: calls, weight used, import and authoring times against their limits.
	fn print(&self, name: &str) {
		println!(
			"full block | {name:<40} | {:>5} calls | weight {:>6.1} ms of {:.0} ms ({:>5.1}%) | \
			 import {:>6.1} ms = {:.2} of the budget | authoring {:>6.1} ms = {:.2} of the {:.0} ms \
			 proposal window",
			self.applied,
			self.used_secs() * 1e3,
			self.budget_secs() * 1e3,
			self.fullness() * 100.0,
			self.import.as_secs_f64() * 1e3,
			self.import_share(),
			self.authoring.as_secs_f64() * 1e3,
			self.authoring_share(),
			proposal_window_secs() * 1e3,
		);
	}

	/// The checks: every extrinsic applied (checked while applying), the block is full, it
	/// imports within the budget's time and it is built within the proposal window, each with
	/// its margin.
	fn check(&self, name: &str, limits: Limits) {
		assert!(self.applied > 0, "{name}: no extrinsic applied");
		assert!(
			self.exhausted,
			"{name}: all {} signed extrinsics fit ({:.1} ms of weight of {:.0} ms): make more \
			 (SPARE_PERCENT)",
			self.signed,
			self.used_secs() * 1e3,
			self.budget_secs() * 1e3,
		);
		assert!(
			self.fullness() >= MIN_FULLNESS,
			"{name}: the normal class is only {:.1}% full ({:.1} ms of weight of {:.0} ms, {} \
			 calls), below {:.0}%",
			self.fullness() * 100.0,
			self.used_secs() * 1e3,
			self.budget_secs() * 1e3,
			self.applied,
			MIN_FULLNESS * 100.0,
		);
		if limits == Limits::Reference {
			return;
		}
		if cfg!(debug_assertions) {
			println!(
				"full block | {name}: a debug build, the times are not checked (use --release)"
			);
			return;
		}
		assert!(
			self.import_share() <= MAX_SHARE_OF_BUDGET,
			"{name}: {} calls ({:.1} ms of weight) imported in {:.1} ms, {:.3} of the {:.0} ms \
			 budget, above {MAX_SHARE_OF_BUDGET}: the weights underestimate this call here",
			self.applied,
			self.used_secs() * 1e3,
			self.import.as_secs_f64() * 1e3,
			self.import_share(),
			self.budget_secs() * 1e3,
		);
		assert!(
			self.authoring_share() <= MAX_SHARE_OF_PROPOSAL_WINDOW,
			"{name}: {} calls took {:.1} ms to build, {:.3} of the {:.0} ms proposal window, \
			 above {MAX_SHARE_OF_PROPOSAL_WINDOW}",
			self.applied,
			self.authoring.as_secs_f64() * 1e3,
			self.authoring_share(),
			proposal_window_secs() * 1e3,
		);
	}
}

/// The time the author may spend building a block: its share of the slot.
fn proposal_window_secs() -> f64 {
	f64::from(crate::service::BLOCK_PROPOSAL_SLOT_PORTION) * SLOT_DURATION as f64 / 1e3
}
