//! The driver: blocks of the real runtime (`Executive`, the `development` preset's state), filled
//! with random signed, sudo, council and unsigned transactions of the custom pallets, with time
//! moving on, and every pallet's `try_state` after every block.

use crate::{
	rng::Rng,
	values::{Pools, ValueGenerator},
};
use codec::{Decode, DecodeLimit, Encode};
use frame_support::traits::{fungible, fungibles, GetCallMetadata};
use guilian_runtime::{
	genesis_config_presets, immortal_tx_extension, AccountId, Executive, Header, Runtime,
	RuntimeCall, RuntimeEvent, SignedPayload, UncheckedExtrinsic, CNY_ASSET_ID, SLOT_DURATION,
};
use scale_info::{PortableRegistry, TypeDef};
use sp_consensus_aura::{Slot, AURA_ENGINE_ID};
use sp_core::{sr25519, Pair, H256};
use sp_keyring::Sr25519Keyring;
use sp_runtime::{
	generic::{Digest, DigestItem},
	traits::Header as _,
	transaction_validity::{InvalidTransaction, TransactionValidityError},
	DispatchError, MultiSignature,
};
use std::{collections::BTreeMap, panic::AssertUnwindSafe};

/// The pallets whose calls are fuzzed: every custom pallet of the runtime.
pub const PALLETS: [&str; 5] = ["Credit", "Prepaid", "Collectibles", "Disputes", "Supernodes"];

/// Where the chain's clock starts: 2026-11-27 00:00 UTC (licence dates in the demo preset are
/// in the past of it).
const START_MS: u64 = 1_795_737_600_000;
const BLOCKS_PER_DAY: u32 = 14_400;
/// Calls per episode: then the chain starts again from genesis.
pub const EPISODE_CALLS: u64 = 5_000;

/// Who makes a call.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Origin {
	/// A signed transaction of the signer with this index.
	Signed(usize),
	/// `sudo.sudo(call)` by Alice, the dev chain's sudo key: `Root`, which is also the council.
	Root,
	/// A council motion with threshold 1 by Alice, the dev chain's only council member: the
	/// council's collective origin.
	Council,
	/// A bare (unsigned) transaction: refused unless the call validates unsigned.
	Unsigned,
}

/// What a call came to.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Outcome {
	/// Executed successfully.
	Ok,
	/// Included, but its dispatch failed (a pallet error): state rolled back, fee paid.
	Failed,
	/// Refused before dispatch (not valid: bad origin for an unsigned call, no funds, ...).
	Refused,
}

/// Counts of one call.
#[derive(Default, Clone)]
pub struct CallStats {
	pub ok: u64,
	pub failed: u64,
	pub refused: u64,
}

/// What a run did.
#[derive(Default)]
pub struct Report {
	/// By `Pallet.call`.
	pub calls: BTreeMap<String, CallStats>,
	/// By `Pallet.call: error`.
	pub errors: BTreeMap<String, u64>,
	/// Generated encodings that did not decode as a call (e.g. an over-long bounded argument).
	pub undecodable: u64,
	/// Random byte strings decoded as a call or an extrinsic: (decoded, refused).
	pub raw_decodes: (u64, u64),
	/// Blocks built.
	pub blocks: u64,
	/// Calls attempted (decoded ones).
	pub attempted: u64,
	/// Days the clock moved on.
	pub days: u64,
	/// Calls that did not fit in their block (retried in none: the generator moves on).
	pub block_full: u64,
	/// Restarts from genesis.
	pub episodes: u64,
}

/// A broken invariant or a panic, with what led to it.
#[derive(Debug)]
pub struct Finding {
	/// What broke.
	pub what: String,
	/// The block it happened in.
	pub block: u32,
	/// The last calls before it (origin and SCALE hex), newest last.
	pub recent: Vec<String>,
}

/// The fuzzer's state: the chain and the generator.
pub struct Fuzzer {
	ext: sp_io::TestExternalities,
	registry: PortableRegistry,
	/// (pallet index in `RuntimeCall`, type id of its `Call` enum).
	pallets: Vec<(u8, u32)>,
	signers: Vec<sr25519::Pair>,
	rng: Rng,
	pools: Option<Pools>,
	parent: H256,
	number: u32,
	now_ms: u64,
	cny_supply: u128,
	gxc_issuance: u128,
	recent: Vec<String>,
	/// The report so far.
	pub report: Report,
}

impl Fuzzer {
	/// A fuzzer at the `development` preset's genesis, seeded with `seed`.
	pub fn new(seed: u64) -> Self {
		let storage = genesis_config_presets::preset_storage("development")
			.expect("the development preset builds");
		let mut registry = scale_info::Registry::new();
		let call_type = registry.register_type(&scale_info::meta_type::<RuntimeCall>()).id;
		let registry: PortableRegistry = registry.into();
		let TypeDef::Variant(calls) = &registry.resolve(call_type).expect("registered").type_def
		else {
			panic!("RuntimeCall is an enum")
		};
		let pallets = PALLETS
			.iter()
			.map(|name| {
				let variant = calls
					.variants
					.iter()
					.find(|v| v.name == *name)
					.unwrap_or_else(|| panic!("the runtime has pallet {name}"));
				(variant.index, variant.fields[0].ty.id)
			})
			.collect();
		use Sr25519Keyring::*;
		// Every role of the demo preset (see the README), and two accounts with nothing.
		let signers: Vec<sr25519::Pair> = [
			Alice, Bob, Charlie, Dave, Eve, Ferdie, AliceStash, BobStash, CharlieStash, DaveStash,
			EveStash, FerdieStash, One, Two,
		]
		.iter()
		.map(|k| k.pair())
		.collect();
		let accounts = signers.iter().map(|p| p.public().0).collect();
		let hashes = (1u8..=6).map(|i| [i; 32]).collect();
		let mut fuzzer = Self {
			ext: sp_io::TestExternalities::new(storage),
			registry,
			pallets,
			signers,
			rng: Rng::new(seed),
			pools: Some(Pools { accounts, hashes, now_ms: START_MS }),
			parent: H256::repeat_byte(69),
			number: 0,
			now_ms: START_MS,
			cny_supply: 0,
			gxc_issuance: 0,
			recent: Vec::new(),
			report: Report::default(),
		};
		fuzzer.ext.execute_with(|| {
			fuzzer.cny_supply = <guilian_runtime::Assets as fungibles::Inspect<AccountId>>::total_issuance(CNY_ASSET_ID);
			fuzzer.gxc_issuance = <guilian_runtime::Balances as fungible::Inspect<AccountId>>::total_issuance();
		});
		fuzzer
	}

	/// Runs until `calls` calls were attempted; stops at the first finding. Every
	/// [`EPISODE_CALLS`] calls the chain starts again from genesis (the random sequence goes
	/// on), so that the run keeps exploring from a state where every role exists.
	pub fn run(&mut self, calls: u64, mut progress: impl FnMut(&Report)) -> Result<(), Finding> {
		let mut episode_start = self.report.attempted;
		while self.report.attempted < calls {
			if self.report.attempted - episode_start >= EPISODE_CALLS {
				self.restart();
				episode_start = self.report.attempted;
			}
			let budget = 1 + self.rng.below(64);
			let mut ext = std::mem::replace(&mut self.ext, sp_io::TestExternalities::default());
			let result = ext.execute_with(|| self.block(budget));
			self.ext = ext;
			result?;
			if self.report.blocks % 200 == 0 {
				progress(&self.report);
			}
		}
		Ok(())
	}

	/// Back to the genesis state, same generator.
	fn restart(&mut self) {
		self.ext = sp_io::TestExternalities::new(
			genesis_config_presets::preset_storage("development").expect("it built before"),
		);
		self.parent = H256::repeat_byte(69);
		self.number = 0;
		self.now_ms = START_MS;
		self.report.episodes += 1;
		self.ext.execute_with(|| {
			self.cny_supply = <guilian_runtime::Assets as fungibles::Inspect<AccountId>>::total_issuance(CNY_ASSET_ID);
			self.gxc_issuance = <guilian_runtime::Balances as fungible::Inspect<AccountId>>::total_issuance();
		});
	}

	fn finding(&self, what: String) -> Finding {
		Finding { what, block: self.number, recent: self.recent.clone() }
	}

	/// One block: time moves on (mostly one slot, sometimes days), the timestamp inherent, up
	/// to `budget` calls, finalization, then every invariant.
	fn block(&mut self, budget: u64) -> Result<(), Finding> {
		let jump = match self.rng.below(100) {
			0..=89 => 1,
			90..=96 => 1 + self.rng.below(BLOCKS_PER_DAY as u64) as u32,
			_ => BLOCKS_PER_DAY * (1 + self.rng.below(40) as u32),
		};
		self.number += jump;
		self.now_ms += jump as u64 * SLOT_DURATION;
		self.report.days += (jump as u64 * SLOT_DURATION) / 86_400_000;
		let slot = Slot::from(self.now_ms / SLOT_DURATION);
		let digest = Digest { logs: vec![DigestItem::PreRuntime(AURA_ENGINE_ID, slot.encode())] };
		let header = Header::new(self.number, H256::zero(), H256::zero(), self.parent, digest);
		// A jump skips the blocks between: frame-system wants each block to follow the stored
		// number, so the number is moved on as if they had passed empty. Their hooks do not
		// run (a session boundary inside a jump is skipped); deadline sweeps catch up next block.
		frame_system::Pallet::<Runtime>::set_block_number(self.number - 1);
		self.guarded("initialize_block", || {
			Executive::initialize_block(&header);
		})?;
		let now = self.now_ms;
		let inherent = UncheckedExtrinsic::new_bare(RuntimeCall::Timestamp(
			pallet_timestamp::Call::set { now },
		));
		let applied = self.guarded("timestamp inherent", || Executive::apply_extrinsic(inherent))?;
		if !matches!(applied, Ok(Ok(()))) {
			return Err(self.finding(format!("the timestamp inherent failed: {applied:?}")));
		}
		Executive::inherents_applied();
		if let Some(pools) = self.pools.as_mut() {
			pools.now_ms = now;
		}

		for _ in 0..budget {
			if self.step()? {
				break;
			}
		}

		let header = self.guarded("finalize_block", Executive::finalize_block)?;
		self.parent = header.hash();
		self.report.blocks += 1;
		self.check_invariants()
	}

	/// One random call. Returns `true` when the block is full.
	fn step(&mut self) -> Result<bool, Finding> {
		if self.rng.chance(3) {
			self.raw_decode();
			return Ok(false);
		}
		if self.rng.chance(6) {
			let accounts: Vec<AccountId> =
				self.signers.iter().map(|p| AccountId::from(p.public())).collect();
			let call = crate::templates::call(&mut self.rng, self.now_ms, &accounts);
			let encoded = call.encode();
			return self.choose_origin_and_dispatch(call, &encoded);
		}
		let (pallet_index, call_type) = self.pallets[self.rng.below(self.pallets.len() as u64) as usize];
		let mut encoded = vec![pallet_index];
		let mut generator = ValueGenerator::new(
			&self.registry,
			self.rng.clone(),
			self.pools.take().expect("pools are put back after each call"),
		);
		generator.value(call_type, &mut encoded, 0);
		self.rng = generator.rng.clone();
		self.pools = Some(generator.pools);
		let Ok(call) = RuntimeCall::decode_all_with_depth_limit(
			CALL_DEPTH_LIMIT,
			&mut &encoded[..],
		) else {
			self.report.undecodable += 1;
			return Ok(false);
		};
		self.choose_origin_and_dispatch(call, &encoded)
	}

	/// Dispatches `call` (encoded as `encoded`) from a plausible origin most of the time.
	fn choose_origin_and_dispatch(&mut self, call: RuntimeCall, encoded: &[u8]) -> Result<bool, Finding> {
		let metadata = call.get_call_metadata();
		let plausible = plausible_origins(metadata.function_name);
		let origin = if !plausible.is_empty() && self.rng.chance(65) {
			plausible[self.rng.below(plausible.len() as u64) as usize]
		} else {
			match self.rng.below(100) {
				0..=79 => Origin::Signed(self.rng.below(self.signers.len() as u64) as usize),
				80..=87 => Origin::Root,
				88..=94 => Origin::Council,
				_ => Origin::Unsigned,
			}
		};
		// Removing a role of the demo preset ends every path that needs it for the rest of the
		// episode: let one such call in ten through.
		if self.ends_a_role(metadata.function_name, encoded, origin) && !self.rng.chance(10) {
			return Ok(false);
		}
		self.dispatch(origin, call)
	}

	/// Random bytes decoded as a call and as an extrinsic: never a panic. A call that decodes is
	/// dispatched, signed by a random signer.
	fn raw_decode(&mut self) {
		let len = self.rng.below(160) as usize;
		let mut bytes = vec![self.pallets[self.rng.below(5) as usize].0];
		bytes.extend((0..len).map(|_| self.rng.next() as u8));
		let as_call = RuntimeCall::decode_all_with_depth_limit(CALL_DEPTH_LIMIT, &mut &bytes[..]);
		let as_extrinsic = UncheckedExtrinsic::decode(&mut &bytes[1..]);
		match as_call {
			Ok(_) => self.report.raw_decodes.0 += 1,
			Err(_) => self.report.raw_decodes.1 += 1,
		}
		if as_extrinsic.is_ok() {
			self.report.raw_decodes.0 += 1;
		}
	}

	/// Whether `call` would take a role away from one of the preset's subjects: a regulator
	/// removed, a merchant's status changed, a consumer's verification or an issuer's licence
	/// revoked, a merchant announcing its closure.
	fn ends_a_role(&self, function: &str, encoded: &[u8], origin: Origin) -> bool {
		let names_a_subject = || {
			[BOB, CHARLIE, DAVE, EVE, ALICE_STASH, FERDIE_STASH].iter().any(|&i| {
				let id = self.signers[i].public().0;
				encoded.windows(32).any(|window| window == id)
			})
		};
		match function {
			"remove_regulator" | "set_merchant_status" | "revoke_consumer" | "revoke_issuer" |
			"record_breach" => names_a_subject(),
			// Short sessions fill every block with pallet-session's rotation weight.
			"set_session_length" => true,
			"announce_closure" => matches!(origin, Origin::Signed(i) if MERCHANTS.contains(&Origin::Signed(i))),
			_ => false,
		}
	}

	fn dispatch(&mut self, origin: Origin, call: RuntimeCall) -> Result<bool, Finding> {
		let metadata = call.get_call_metadata();
		let name = format!("{}.{}", metadata.pallet_name, metadata.function_name);
		self.recent.push(format!("{origin:?} {name} 0x{}", hex(&call.encode())));
		if self.recent.len() > 8 {
			self.recent.remove(0);
		}
		let extrinsic = match origin {
			Origin::Signed(signer) => self.signed(signer, call),
			Origin::Root => self.signed(0, RuntimeCall::Sudo(pallet_sudo::Call::sudo { call: Box::new(call) })),
			Origin::Council => {
				let length_bound = call.encoded_size() as u32;
				let proposal = RuntimeCall::Council(pallet_collective::Call::propose {
					threshold: 1,
					proposal: Box::new(call),
					length_bound,
				});
				self.signed(0, proposal)
			},
			Origin::Unsigned => UncheckedExtrinsic::new_bare(call),
		};
		let events_before = frame_system::Pallet::<Runtime>::event_count();
		let applied = self.guarded(&name, || Executive::apply_extrinsic(extrinsic))?;
		self.report.attempted += 1;
		let (outcome, error) = match applied {
			// The block is full, and ends, if it already holds transactions. Otherwise the call
			// weighs more than a block, or this is a session's first block, which pallet-session
			// fills entirely (mandatory weight): refused.
			Err(TransactionValidityError::Invalid(InvalidTransaction::ExhaustsResources))
				if frame_system::Pallet::<Runtime>::extrinsic_index().unwrap_or(0) > 1 =>
			{
				self.report.block_full += 1;
				return Ok(true)
			},
			Err(refused) => (Outcome::Refused, Some(format!("{refused:?}"))),
			Ok(Err(error)) => (Outcome::Failed, Some(error_name(error))),
			Ok(Ok(())) => match inner_result(events_before) {
				Some(Err(error)) => (Outcome::Failed, Some(error_name(error))),
				_ => (Outcome::Ok, None),
			},
		};
		let stats = self.report.calls.entry(name.clone()).or_default();
		match outcome {
			Outcome::Ok => stats.ok += 1,
			Outcome::Failed => stats.failed += 1,
			Outcome::Refused => stats.refused += 1,
		}
		if let Some(error) = error {
			*self.report.errors.entry(format!("{name}: {error}")).or_default() += 1;
		}
		Ok(false)
	}

	/// `call` signed by signer `index` with its current nonce: immortal, no tip, as the node's
	/// load generator signs.
	fn signed(&self, index: usize, call: RuntimeCall) -> UncheckedExtrinsic {
		let pair = &self.signers[index];
		let who = AccountId::from(pair.public());
		let nonce = frame_system::Pallet::<Runtime>::account_nonce(&who);
		let extension = immortal_tx_extension(nonce);
		let payload = SignedPayload::new(call, extension).expect("the implicit data is in state");
		let signature = payload.using_encoded(|bytes| pair.sign(bytes));
		let (call, extension, _) = payload.deconstruct();
		UncheckedExtrinsic::new_signed(call, who.into(), MultiSignature::Sr25519(signature), extension)
	}

	/// Runs `f`, turning a panic into a finding.
	fn guarded<R>(&self, what: &str, f: impl FnOnce() -> R) -> Result<R, Finding> {
		std::panic::catch_unwind(AssertUnwindSafe(f))
			.map_err(|panic| self.finding(format!("panic in {what}: {}", panic_message(&panic))))
	}

	/// Every pallet's `try_state`, and the two money totals: CNY moves but is never created or
	/// destroyed by the pallets (only the custody bank mints, and no call here is its); GXC only
	/// decreases (fees are burnt, frivolous complaints' deposits slashed).
	fn check_invariants(&mut self) -> Result<(), Finding> {
		#[cfg(feature = "try-runtime")]
		{
			use frame_support::traits::{TryState, TryStateSelect};
			let checked = self.guarded("try_state", || {
				<guilian_runtime::AllPalletsWithSystem as TryState<u32>>::try_state(
					self.number,
					TryStateSelect::All,
				)
			})?;
			if let Err(error) = checked {
				// The runtime-wide check only logs which pallet failed: ask each for its message.
				let n = self.number;
				let each: [(&str, fn(u32) -> Result<(), sp_runtime::TryRuntimeError>); 9] = [
					("Credit", |n| <guilian_runtime::Credit as TryState<u32>>::try_state(n, TryStateSelect::All)),
					("Prepaid", |n| <guilian_runtime::Prepaid as TryState<u32>>::try_state(n, TryStateSelect::All)),
					("Collectibles", |n| <guilian_runtime::Collectibles as TryState<u32>>::try_state(n, TryStateSelect::All)),
					("Disputes", |n| <guilian_runtime::Disputes as TryState<u32>>::try_state(n, TryStateSelect::All)),
					("Supernodes", |n| <guilian_runtime::Supernodes as TryState<u32>>::try_state(n, TryStateSelect::All)),
					("Balances", |n| <guilian_runtime::Balances as TryState<u32>>::try_state(n, TryStateSelect::All)),
					("Assets", |n| <guilian_runtime::Assets as TryState<u32>>::try_state(n, TryStateSelect::All)),
					("Nfts", |n| <guilian_runtime::Nfts as TryState<u32>>::try_state(n, TryStateSelect::All)),
					("Council", |n| <guilian_runtime::Council as TryState<u32>>::try_state(n, TryStateSelect::All)),
				];
				let detail: Vec<String> = each
					.iter()
					.filter_map(|(name, check)| check(n).err().map(|e| format!("{name}: {e:?}")))
					.collect();
				return Err(self.finding(format!("try_state: {error:?} [{}]", detail.join("; "))));
			}
		}
		let cny = <guilian_runtime::Assets as fungibles::Inspect<AccountId>>::total_issuance(CNY_ASSET_ID);
		if cny != self.cny_supply {
			return Err(self.finding(format!("CNY supply changed: {} → {cny}", self.cny_supply)));
		}
		let gxc = <guilian_runtime::Balances as fungible::Inspect<AccountId>>::total_issuance();
		if gxc > self.gxc_issuance {
			return Err(self.finding(format!("GXC issuance grew: {} → {gxc}", self.gxc_issuance)));
		}
		self.gxc_issuance = gxc;
		Ok(())
	}
}

// Indices of `Fuzzer::signers`: the demo preset's roles (README, "Dev accounts and their roles").
const BOB: usize = 1; // the Nanning market regulator
const CHARLIE: usize = 2; // a gym
const DAVE: usize = 3; // a school
const EVE: usize = 4; // a verified consumer
const ALICE_STASH: usize = 6; // a scenic site, licensed collectibles issuer
const FERDIE_STASH: usize = 11; // a verified consumer

const COUNCIL: &[Origin] = &[Origin::Root, Origin::Council];
const REGULATOR: &[Origin] = &[Origin::Signed(BOB)];
const MERCHANTS: &[Origin] = &[Origin::Signed(CHARLIE), Origin::Signed(DAVE), Origin::Signed(ALICE_STASH)];
const PREPAID_MERCHANTS: &[Origin] = &[Origin::Signed(CHARLIE), Origin::Signed(DAVE)];
const CONSUMERS: &[Origin] = &[Origin::Signed(EVE), Origin::Signed(FERDIE_STASH)];
const SUBJECTS: &[Origin] = &[
	Origin::Signed(CHARLIE),
	Origin::Signed(DAVE),
	Origin::Signed(ALICE_STASH),
	Origin::Signed(EVE),
	Origin::Signed(FERDIE_STASH),
];
const ISSUER: &[Origin] = &[Origin::Signed(ALICE_STASH)];

/// The origins that may make a call (docs/ROLES.md), so that most calls come from a plausible
/// role and succeed often enough to reach deep states; the others come from anyone. Empty for
/// calls open to every signed account.
fn plausible_origins(call: &str) -> &'static [Origin] {
	match call {
		"appoint_regulator" | "remove_regulator" | "add_supernode" | "remove_supernode" |
		"add_validator" | "remove_validator" | "replace_validator" | "set_session_length" |
		"set_chain_ac_code" | "approve_subchain" | "reject_subchain" | "suspend_subchain" |
		"resume_subchain" | "dispose_work_order" | "authorize_upgrade" => COUNCIL,
		"register_merchant" | "set_merchant_status" | "verify_consumer" | "revoke_consumer" |
		"countersign_commitment" | "record_fulfilment" | "record_breach" | "order_refund" |
		"set_issuer_class" | "license_issuer" | "revoke_issuer" | "suspend_series" |
		"resume_series" | "appoint_mediator" | "dismiss_mediator" | "raise_work_order" => REGULATOR,
		"open_plan" | "withdraw_plan" | "record_use" | "draw_advance" | "refund_card" |
		"announce_closure" => PREPAID_MERCHANTS,
		"publish_discounts" | "settle" | "contest" => MERCHANTS,
		"buy_card" | "cancel_card" | "confirm_use" | "claim_refund" | "buy" | "gift" | "redeem" |
		"file_complaint" | "withdraw" | "review" => CONSUMERS,
		"make_commitment" | "take_credit_card" | "add_evidence" | "appeal" => SUBJECTS,
		"add_staff" | "remove_staff" | "create_series" | "redeem_for" => ISSUER,
		_ => &[],
	}
}

/// The nesting limit for decoding calls, as Substrate's `MAX_EXTRINSIC_DEPTH`.
const CALL_DEPTH_LIMIT: u32 = 256;

/// The result of the call inside `sudo` or a council motion, from the events since `from`.
fn inner_result(from: u32) -> Option<Result<(), DispatchError>> {
	frame_system::Pallet::<Runtime>::read_events_no_consensus()
		.skip(from as usize)
		.filter_map(|record| match record.event {
			RuntimeEvent::Sudo(pallet_sudo::Event::Sudid { sudo_result }) => Some(sudo_result),
			RuntimeEvent::Council(pallet_collective::Event::Executed { result, .. }) => Some(result),
			_ => None,
		})
		.last()
}

/// `Pallet(Error)` for a pallet's error (events carry no error names), else the error's kind.
fn error_name(error: DispatchError) -> String {
	match guilian_runtime::RuntimeError::from_dispatch_error(error) {
		Some(named) => format!("{named:?}"),
		None => format!("{error:?}"),
	}
}

fn panic_message(panic: &Box<dyn std::any::Any + Send>) -> String {
	panic
		.downcast_ref::<String>()
		.cloned()
		.or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
		.unwrap_or_else(|| "(no message)".into())
}

/// Lower-case hex.
pub fn hex(bytes: &[u8]) -> String {
	bytes.iter().map(|b| format!("{b:02x}")).collect()
}
