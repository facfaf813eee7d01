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
