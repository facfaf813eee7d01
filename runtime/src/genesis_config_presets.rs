//! Genesis presets: every chain spec of Guilian is built from one of these.
//!
//! - `development` (`--dev`): one supernode (Alice, 南宁 Nanning) running one validator (Alice),
//!   sessions of 100 blocks; Alice is sudo, the dev accounts hold GXC and CNY; demo subjects, and
//!   the demo scenic site licensed to issue collectibles.
//! - `local_testnet` (`--chain local`): four supernodes, Alice (南宁 Nanning 450100), Bob (柳州
//!   Liuzhou 450200), Charlie (桂林 Guilin 450300) and Dave (北海 Beihai 450500), each running one
//!   validator whose account is its stash (`//Alice//stash`…) and whose session keys are the
//!   operator's dev keys (`--alice` on the node), as zombienet lays validators out; sessions of
//!   10 blocks so that validator-set changes show within a minute or two; no sudo: the
//!   supernode council (two thirds of the four) governs.
//!
//! The CNY settlement asset exists in both, issued and administered by the custody bank
//! (Ferdie's well-known dev account, see [`custody_bank`]).

use crate::{
	configs::supernodes::LOCAL_TESTNET_SESSION_LENGTH, AccountId, AssetsConfig, BalancesConfig,
	CollectiblesConfig, CreditConfig, RuntimeGenesisConfig, SessionConfig, SessionKeys, SudoConfig,
	SupernodesConfig, CNY, CNY_ASSET_ID, CNY_DECIMALS, GXC,
};
use guilian_primitives::{AreaCode, MerchantCategory};
use pallet_credit::RegulatorDomains;
use sp_core::H256;
use sp_runtime::traits::{BlakeTwo256, Hash};
use alloc::{vec, vec::Vec};
use frame_support::build_struct_json_patch;
use serde_json::Value;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_genesis_builder::{self, PresetId};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

/// Name of the CNY asset in `pallet-assets` metadata.
pub const CNY_NAME: &[u8] = b"Custodied CNY";
/// Symbol of the CNY asset.
pub const CNY_SYMBOL: &[u8] = b"CNY";
/// GXC given to each endowed dev account.
pub const DEV_GXC_ENDOWMENT: u128 = 1_000_000 * GXC;
/// CNY given to each dev account other than the custody bank.
pub const DEV_CNY_ENDOWMENT: u128 = 100_000 * CNY;
/// CNY held by the custody bank itself.
pub const CUSTODY_BANK_CNY: u128 = 10_000_000 * CNY;
/// The smallest CNY balance an account may hold: one fen.
pub const CNY_MIN_BALANCE: u128 = 1;

/// The custody bank: issuer and admin of the CNY asset in the dev and local presets.
pub fn custody_bank() -> AccountId {
	Sr25519Keyring::Ferdie.to_account_id()
}

/// One validator: its account and the session keys it authors and votes with.
pub struct Validator {
	/// The validator's account (also its validator id).
	pub account: AccountId,
	/// Its Aura (sr25519) key.
	pub aura: AuraId,
	/// Its GRANDPA (ed25519) key.
	pub grandpa: GrandpaId,
}

impl Validator {
	fn from_keyring(account: Sr25519Keyring, sr: Sr25519Keyring, ed: Ed25519Keyring) -> Self {
		Self { account: account.to_account_id(), aura: sr.public().into(), grandpa: ed.public().into() }
	}
}

/// A genesis supernode: its operator, the account of the one validator it runs (whose session
/// keys are the operator's dev keys), name and area.
pub struct GenesisSupernode {
	/// The operator's dev keys (the validator's Aura and GRANDPA keys too).
	pub keyring: (Sr25519Keyring, Ed25519Keyring),
	/// The validator's account (its validator id).
	pub validator: Sr25519Keyring,
	/// Display name.
	pub name: &'static str,
	/// Area code.
	pub area: AreaCode,
}

/// The four supernodes of `local_testnet`.
pub fn local_supernodes() -> Vec<GenesisSupernode> {
	vec![
		GenesisSupernode { keyring: (Sr25519Keyring::Alice, Ed25519Keyring::Alice), validator: Sr25519Keyring::AliceStash, name: "南宁超级节点 Nanning", area: NANNING },
		GenesisSupernode { keyring: (Sr25519Keyring::Bob, Ed25519Keyring::Bob), validator: Sr25519Keyring::BobStash, name: "柳州超级节点 Liuzhou", area: AreaCode(450200) },
		GenesisSupernode { keyring: (Sr25519Keyring::Charlie, Ed25519Keyring::Charlie), validator: Sr25519Keyring::CharlieStash, name: "桂林超级节点 Guilin", area: AreaCode(450300) },
		GenesisSupernode { keyring: (Sr25519Keyring::Dave, Ed25519Keyring::Dave), validator: Sr25519Keyring::DaveStash, name: "北海超级节点 Beihai", area: AreaCode(450500) },
	]
}

/// Builds the genesis of a Guilian network: each supernode runs one validator, whose session keys
/// are in pallet-session's genesis.
fn guilian_genesis(
	supernodes: Vec<GenesisSupernode>,
	session_length: Option<crate::BlockNumber>,
	endowed_accounts: Vec<AccountId>,
	sudo: Option<AccountId>,
	credit: CreditConfig,
	collectibles: CollectiblesConfig,
) -> Value {
	let validators: Vec<Validator> =
		supernodes.iter().map(|s| Validator::from_keyring(s.validator, s.keyring.0, s.keyring.1)).collect();
	let supernode_records: Vec<(AccountId, Vec<u8>, AreaCode, Vec<AccountId>)> = supernodes
		.iter()
		.map(|s| {
			let operator = s.keyring.0.to_account_id();
			(operator, s.name.as_bytes().to_vec(), s.area, vec![s.validator.to_account_id()])
		})
		.collect();
	let bank = custody_bank();
	let mut gxc_balances: Vec<(AccountId, u128)> =
		endowed_accounts.iter().cloned().map(|account| (account, DEV_GXC_ENDOWMENT)).collect();
	if !endowed_accounts.contains(&bank) {
		gxc_balances.push((bank.clone(), DEV_GXC_ENDOWMENT));
	}
	let mut cny_accounts: Vec<(u32, AccountId, u128)> = endowed_accounts
		.iter()
		.filter(|account| **account != bank)
		.cloned()
		.map(|account| (CNY_ASSET_ID, account, DEV_CNY_ENDOWMENT))
		.collect();
	cny_accounts.push((CNY_ASSET_ID, bank.clone(), CUSTODY_BANK_CNY));

	let session_keys: Vec<(AccountId, AccountId, SessionKeys)> = validators
		.into_iter()
		.map(|v| {
			(v.account.clone(), v.account, SessionKeys { aura: v.aura, grandpa: v.grandpa })
		})
		.collect();

	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig { balances: gxc_balances },
		session: SessionConfig { keys: session_keys },
		sudo: SudoConfig { key: sudo },
		credit: CreditConfig {
			regulators: credit.regulators,
			merchants: credit.merchants,
			consumers: credit.consumers,
		},
		collectibles: CollectiblesConfig { issuers: collectibles.issuers },
		supernodes: SupernodesConfig { supernodes: supernode_records, session_length },
		assets: AssetsConfig {
			assets: vec![(CNY_ASSET_ID, bank, true, CNY_MIN_BALANCE)],
			metadata: vec![(CNY_ASSET_ID, CNY_NAME.to_vec(), CNY_SYMBOL.to_vec(), CNY_DECIMALS)],
			accounts: cny_accounts,
		},
	})
}

/// Nanning (南宁市).
pub const NANNING: AreaCode = AreaCode(450100);
/// Qingxiu district of Nanning (青秀区).
pub const QINGXIU: AreaCode = AreaCode(450103);
/// Jiangnan district of Nanning (江南区).
pub const JIANGNAN: AreaCode = AreaCode(450105);

/// 1 January of a year, in milliseconds since the Unix epoch (for licence dates).
const fn january_first(year: u64) -> u64 {
	// Days from 1970 to `year`, with the leap days of the years in between.
	let years = year - 1970;
	let leap_days = (year - 1969) / 4 - (year - 1901) / 100 + (year - 1601) / 400;
	(years * 365 + leap_days) * crate::DAYS_MS
}

/// The demo subjects of the development preset, so that a newcomer sees something real:
///
/// | account | subject |
/// | --- | --- |
/// | Bob | the Nanning market regulator (450100, every domain) |
/// | Charlie | 绿城健身 Lvcheng Fitness, a gym in Qingxiu district |
/// | Dave | 邕江培训学校 Yongjiang Training School, in Jiangnan district |
/// | Alice//stash | 青秀山风景区 Qingxiu Mountain Scenic Area |
/// | Eve, Ferdie//stash | verified consumers |
pub fn demo_subjects() -> CreditConfig {
	let regulator = Sr25519Keyring::Bob.to_account_id();
	let licence = |number: &str| -> H256 { BlakeTwo256::hash(number.as_bytes()) };
	// Only a salted hash of an identity is ever stored; the salt stays with the regulator.
	let identity = |id: &str| -> H256 {
		BlakeTwo256::hash(&[b"guilian-demo-salt:".as_slice(), id.as_bytes()].concat())
	};
	CreditConfig {
		regulators: vec![(regulator.clone(), NANNING, RegulatorDomains(RegulatorDomains::ALL))],
		merchants: vec![
			(
				Sr25519Keyring::Charlie.to_account_id(),
				licence("91450103MA5KXX0001"),
				"绿城健身 Lvcheng Fitness".as_bytes().to_vec(),
				MerchantCategory::Fitness,
				QINGXIU,
				january_first(2023),
				regulator.clone(),
			),
			(
				Sr25519Keyring::Dave.to_account_id(),
				licence("52450105MJ0000002X"),
				"邕江培训学校 Yongjiang Training School".as_bytes().to_vec(),
				MerchantCategory::Education,
				JIANGNAN,
				january_first(2021),
				regulator.clone(),
			),
			(
				Sr25519Keyring::AliceStash.to_account_id(),
				licence("12450100MB0000003Y"),
				"青秀山风景区 Qingxiu Mountain Scenic Area".as_bytes().to_vec(),
				MerchantCategory::Tourism,
				QINGXIU,
				january_first(2015),
				regulator.clone(),
			),
		],
		consumers: vec![
			(Sr25519Keyring::Eve.to_account_id(), identity("450103199001011234"), regulator.clone()),
			(Sr25519Keyring::FerdieStash.to_account_id(), identity("450105198805052345"), regulator),
		],
	}
}

/// The demo issuer of collectibles: Alice//stash, the Qingxiu Mountain Scenic Area, licensed by
/// Bob, the Nanning regulator (whose domains include culture and tourism).
pub fn demo_issuers() -> CollectiblesConfig {
	CollectiblesConfig {
		issuers: vec![(Sr25519Keyring::AliceStash.to_account_id(), Sr25519Keyring::Bob.to_account_id())],
	}
}

/// The well-known dev accounts that hold GXC and CNY.
fn dev_accounts() -> Vec<AccountId> {
	Sr25519Keyring::well_known().map(|k| k.to_account_id()).collect()
}

/// `development`: Alice alone, one supernode, validates and is sudo.
pub fn development_config_genesis() -> Value {
	guilian_genesis(
		// Alice runs her own account as the dev chain's validator (Alice//stash is the demo
		// scenic site here).
		vec![GenesisSupernode { validator: Sr25519Keyring::Alice, ..local_supernodes().remove(0) }],
		None,
		dev_accounts(),
		Some(Sr25519Keyring::Alice.to_account_id()),
		demo_subjects(),
		demo_issuers(),
	)
}

/// `local_testnet`: four supernodes, Alice, Bob, Charlie and Dave, each its own validator, and
/// their council; no sudo.
pub fn local_testnet_genesis() -> Value {
	guilian_genesis(
		local_supernodes(),
		Some(LOCAL_TESTNET_SESSION_LENGTH),
		dev_accounts(),
		None,
		CreditConfig::default(),
		CollectiblesConfig::default(),
	)
}

/// The JSON of a named preset, or `None` for an unknown name.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		sp_genesis_builder::DEV_RUNTIME_PRESET => development_config_genesis(),
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET => local_testnet_genesis(),
		_ => return None,
	};
	Some(
		serde_json::to_string(&patch)
			.expect("a serde_json::Value always serializes; qed")
			.into_bytes(),
	)
}

/// The names of the presets this runtime offers.
pub fn preset_names() -> Vec<PresetId> {
	vec![
		PresetId::from(sp_genesis_builder::DEV_RUNTIME_PRESET),
		PresetId::from(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET),
	]
}

/// The genesis storage of a named preset: its JSON patch applied over the default genesis, as the
/// node's chain-spec builder does. For native tests and tools (the runtime's tests, the node's
/// full-block tests, the `guilian-fuzz` fuzzer).
#[cfg(feature = "std")]
pub fn preset_storage(id: &str) -> Result<sp_core::storage::Storage, String> {
	use sp_runtime::BuildStorage;

	fn merge(base: &mut Value, patch: Value) {
		match (base, patch) {
			(Value::Object(base), Value::Object(patch)) =>
				for (key, value) in patch {
					merge(base.entry(key).or_insert(Value::Null), value);
				},
			(base, patch) => *base = patch,
		}
	}

	let preset = get_preset(&id.into()).ok_or_else(|| format!("no genesis preset {id:?}"))?;
	let patch: Value = serde_json::from_slice(&preset).map_err(|e| e.to_string())?;
	let mut config = serde_json::to_value(crate::RuntimeGenesisConfig::default())
		.map_err(|e| e.to_string())?;
	merge(&mut config, patch);
	let config: crate::RuntimeGenesisConfig =
		serde_json::from_value(config).map_err(|e| e.to_string())?;
	config.build_storage()
}
