//! Runtime tests: the genesis presets build the state they promise, on the real runtime.

use crate::{
	genesis_config_presets::{self, custody_bank, CNY_NAME, CNY_SYMBOL, CUSTODY_BANK_CNY},
	Assets, Credit, Runtime, RuntimeGenesisConfig, Session, CNY_ASSET_ID, CNY_DECIMALS,
};
use frame_support::traits::fungibles::{metadata::Inspect as MetadataInspect, Inspect};
use guilian_primitives::{MerchantCategory, MerchantStatus, SubjectRegistry};
use serde_json::Value;
use sp_keyring::Sr25519Keyring;
use sp_runtime::BuildStorage;

/// Applies a preset's JSON patch over the default genesis, as the node's chain-spec builder does.
fn merge(base: &mut Value, patch: Value) {
	match (base, patch) {
		(Value::Object(base), Value::Object(patch)) =>
			for (key, value) in patch {
				merge(base.entry(key).or_insert(Value::Null), value);
			},
		(base, patch) => *base = patch,
	}
}

fn externalities(preset: &str) -> sp_io::TestExternalities {
	let patch: Value = serde_json::from_slice(
		&genesis_config_presets::get_preset(&preset.into()).expect("the preset exists"),
	)
	.expect("presets are JSON");
	let mut config = serde_json::to_value(RuntimeGenesisConfig::default()).expect("serializes");
	merge(&mut config, patch);
	let config: RuntimeGenesisConfig = serde_json::from_value(config).expect("a valid genesis");
	let mut ext = sp_io::TestExternalities::new(config.build_storage().expect("genesis builds"));
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
		let expected: Vec<_> = [Sr25519Keyring::Alice, Sr25519Keyring::Bob, Sr25519Keyring::Charlie, Sr25519Keyring::Dave]
			.iter()
			.map(|k| k.to_account_id())
			.collect();
		assert_eq!(Session::validators(), expected);
		assert_eq!(pallet_credit::RegulatorCount::<Runtime>::get(), 0);
		assert!(pallet_assets::Asset::<Runtime>::contains_key(CNY_ASSET_ID));
	});
}
