//! Unit tests: every call's success with its event, and one `assert_noop!` per error. Each test
//! ends with `do_try_state` (see [`crate::mock::test`]).

use crate::{mock::*, pallet::*, types::*, Error, SeriesParamsOf};
use crate::migrations::v2::MigrateV1ToV2;
use frame_support::{
	assert_noop, assert_ok,
	traits::{
		fungible::Inspect as NativeInspect,
		GetStorageVersion, OnRuntimeUpgrade, StorageVersion,
		tokens::nonfungibles_v2::{Inspect as NftInspect, InspectEnumerable},
	},
};
use guilian_primitives::{AreaCode, CollectibleRecord, MerchantCategory, MerchantStatus};
use sp_core::{Pair, H256};
use sp_keyring::Sr25519Keyring;
use sp_runtime::MultiSignature;

type CollectiblesError = Error<Test>;

fn bounded(text: &str) -> frame_support::BoundedVec<u8, frame_support::traits::ConstU32<64>> {
	text.as_bytes().to_vec().try_into().expect("short text")
}

/// The Yongji Bridge series: 3 items at 99 CNY, sale for 30 days, 2 per buyer, one free entry
/// valid for a year.
fn params() -> SeriesParamsOf<Test> {
	SeriesParams {
		title: bounded("程阳八寨永济桥 Chengyang Yongji Bridge"),
		heritage_site: bounded("程阳八寨 Chengyang Eight Villages"),
		ethnic_group: bounded("侗族 Dong"),
		area: SANJIANG,
		description: H256::repeat_byte(1),
		image_uri: bounded("ipfs://yongji-bridge.png"),
		certificate: H256::repeat_byte(2),
		max_supply: 3,
		price: 99 * YUAN,
		sale_start: START,
		sale_end: START + 30 * DAY,
		per_buyer_limit: 2,
		holding_days: None,
		benefit: Some(Benefit { description: H256::repeat_byte(3), valid_until: START + 365 * DAY }),
	}
}

fn origin(who: AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

/// The site creates the Yongji Bridge series (id 0).
fn series() -> SeriesId {
	assert_ok!(Collectibles::create_series(origin(site()), params()));
	NextSeriesId::<Test>::get() - 1
}

/// The consumer buys item 1 of a new series.
fn bought() -> (SeriesId, ItemId) {
	let id = series();
	assert_ok!(Collectibles::buy(origin(consumer()), id));
	(id, 1)
}

fn collection(series: SeriesId) -> u32 {
	Series::<Test>::get(series).expect("series").collection
}

fn nft_owner(collection: &u32, item: &ItemId) -> Option<AccountId> {
	<Nfts as NftInspect<AccountId>>::owner(collection, item)
}

fn sign(key: Sr25519Keyring, series: SeriesId, item: ItemId) -> MultiSignature {
	let payload = Collectibles::redeem_signing_payload(series, item).expect("item");
	MultiSignature::Sr25519(key.pair().sign(&payload))
}

// --- Storage migrations ---

/// Puts the pallet's storage back as version 1 left it: no `IssuerCount`.
fn as_version_1() {
	IssuerCount::<Test>::kill();
	StorageVersion::new(1).put::<Collectibles>();
}

#[test]
fn the_v2_migration_counts_the_licensed_issuers() {
	test(|| {
		assert_ok!(Collectibles::license_issuer(origin(regulator()), museum()));
		as_version_1();
		let weight = MigrateV1ToV2::<Test>::on_runtime_upgrade();
		assert_eq!(IssuerCount::<Test>::get(), 2);
		assert_eq!(Collectibles::on_chain_storage_version(), 2);
		// The version read and write, the two issuers read, the counter written.
		assert_eq!(weight, <Test as frame_system::Config>::DbWeight::get().reads_writes(3, 2));
	});
}

#[test]
fn the_v2_migration_does_nothing_on_a_version_2_chain() {
	test(|| {
		// As a chain started from genesis at version 2 records it (the mock builds each pallet's
		// genesis alone, which writes no version).
		Collectibles::in_code_storage_version().put::<Collectibles>();
		assert_eq!(Collectibles::on_chain_storage_version(), 2);
		let weight = MigrateV1ToV2::<Test>::on_runtime_upgrade();
		assert_eq!(IssuerCount::<Test>::get(), 1);
		assert_eq!(weight, <Test as frame_system::Config>::DbWeight::get().reads(1));
	});
}

#[cfg(feature = "try-runtime")]
#[test]
fn the_v2_migration_passes_its_own_checks() {
	test(|| {
		as_version_1();
		assert_ok!(MigrateV1ToV2::<Test>::try_on_runtime_upgrade(true));
		assert_eq!(IssuerCount::<Test>::get(), 1);
	});
}

// --- Issuers ---

#[test]
fn genesis_licensed_the_site() {
	test(|| {
		let licence = Issuers::<Test>::get(site()).expect("licensed at genesis");
		assert_eq!(licence.regulator, regulator());
		assert_eq!(licence.area, QINGXIU);
		assert_eq!(licence.licensed_at, 0);
		assert_eq!(IssuerCount::<Test>::get(), 1);
	});
}

#[test]
fn a_regulator_licenses_a_tourism_merchant() {
	test(|| {
		assert_ok!(Collectibles::license_issuer(origin(regulator()), museum()));
		assert!(Issuers::<Test>::contains_key(museum()));
		assert_eq!(IssuerCount::<Test>::get(), 2);
		System::assert_last_event(
			Event::IssuerLicensed { issuer: museum(), regulator: regulator() }.into(),
		);
	});
}

#[test]
fn licensing_needs_a_merchant() {
	test(|| {
		assert_noop!(
			Collectibles::license_issuer(origin(regulator()), anonymous()),
			CollectiblesError::NotMerchant
		);
	});
}

#[test]
fn licensing_needs_a_tourism_merchant() {
	test(|| {
		assert_noop!(
			Collectibles::license_issuer(origin(regulator()), gym()),
			CollectiblesError::NotTourismMerchant
		);
	});
}

#[test]
fn licensing_needs_an_active_merchant() {
	test(|| {
		set_status(&museum(), MerchantStatus::Abnormal);
		assert_noop!(
			Collectibles::license_issuer(origin(regulator()), museum()),
			CollectiblesError::MerchantNotActive
		);
	});
}

#[test]
fn licensing_needs_a_culture_tourism_regulator_of_the_area() {
	test(|| {
		assert_noop!(
			Collectibles::license_issuer(origin(guilin_regulator()), museum()),
			CollectiblesError::NotCompetentRegulator
		);
		// A market regulator of the right area is not a culture-and-tourism one.
		assert!(!Issuers::<Test>::contains_key(museum()));
		assert!(Collectibles::license_issuer(origin(market_regulator()), museum()).is_err());
	});
}

#[test]
fn licensing_twice_fails() {
	test(|| {
		assert_noop!(
			Collectibles::license_issuer(origin(regulator()), site()),
			CollectiblesError::AlreadyLicensed
		);
	});
}

#[test]
fn a_regulator_revokes_a_licence_and_sales_stop() {
	test(|| {
		let id = series();
		assert_ok!(Collectibles::revoke_issuer(origin(regulator()), site()));
		assert!(!Issuers::<Test>::contains_key(site()));
		assert_eq!(IssuerCount::<Test>::get(), 0);
		System::assert_last_event(
			Event::IssuerRevoked { issuer: site(), regulator: regulator() }.into(),
		);
		assert_noop!(Collectibles::buy(origin(consumer()), id), CollectiblesError::NotLicensed);
	});
}

#[test]
fn revoking_needs_a_licence() {
	test(|| {
		assert_noop!(
			Collectibles::revoke_issuer(origin(regulator()), museum()),
			CollectiblesError::NotLicensed
		);
	});
}

// --- Staff ---

#[test]
fn an_issuer_adds_and_removes_staff() {
	test(|| {
		assert_ok!(Collectibles::add_staff(origin(site()), staff()));
		assert_eq!(Staff::<Test>::get(staff()), Some(site()));
		System::assert_last_event(Event::StaffAdded { issuer: site(), staff: staff() }.into());
		assert_ok!(Collectibles::remove_staff(origin(site()), staff()));
		assert!(!Staff::<Test>::contains_key(staff()));
		System::assert_last_event(Event::StaffRemoved { issuer: site(), staff: staff() }.into());
	});
}

#[test]
fn staff_works_for_one_issuer() {
	test(|| {
		assert_ok!(Collectibles::license_issuer(origin(regulator()), museum()));
		assert_ok!(Collectibles::add_staff(origin(site()), staff()));
		assert_noop!(
			Collectibles::add_staff(origin(museum()), staff()),
			CollectiblesError::AlreadyStaff
		);
	});
}

#[test]
fn only_the_employer_removes_staff() {
	test(|| {
		assert_ok!(Collectibles::add_staff(origin(site()), staff()));
		assert_noop!(
			Collectibles::remove_staff(origin(museum()), staff()),
			CollectiblesError::NotStaff
		);
	});
}

// --- Series ---

#[test]
fn a_licensed_issuer_creates_a_series_owned_by_the_pallet_in_nfts() {
	test(|| {
		let native_before = Balances::balance(&site());
		let id = series();
		let details = Series::<Test>::get(id).expect("stored");
		assert_eq!(details.issuer, site());
		assert_eq!(details.minted, 0);
		assert_eq!(details.holding_period, HOLDING);
		assert!(!details.suspended);
		assert_eq!(<Nfts as NftInspect<AccountId>>::collection_owner(&details.collection), Some(Collectibles::account_id()));
		// Wallets see the image as the collection's metadata.
		let metadata = pallet_nfts::CollectionMetadataOf::<Test>::get(details.collection).expect("metadata");
		assert_eq!(metadata.data.to_vec(), b"ipfs://yongji-bridge.png".to_vec());
		// The issuer paid the collection deposit and the pallet account's existential deposit.
		assert_eq!(native_before - Balances::balance(&site()), COLLECTION_DEPOSIT + 1);
		System::assert_last_event(
			Event::SeriesCreated {
				series: id,
				collection: details.collection,
				issuer: site(),
				max_supply: 3,
				price: 99 * YUAN,
			}
			.into(),
		);
		// A second series costs only the deposit.
		let before = Balances::balance(&site());
		series();
		assert_eq!(before - Balances::balance(&site()), COLLECTION_DEPOSIT);
	});
}

#[test]
fn a_series_may_name_a_longer_holding_period() {
	test(|| {
		let mut longer = params();
		longer.holding_days = Some(365);
		assert_ok!(Collectibles::create_series(origin(site()), longer));
		assert_eq!(Series::<Test>::get(0).map(|s| s.holding_period), Some(365 * DAY));
	});
}

#[test]
fn an_unlicensed_issuer_cannot_create_a_series() {
	test(|| {
		assert_noop!(
			Collectibles::create_series(origin(museum()), params()),
			CollectiblesError::NotLicensed
		);
	});
}

#[test]
fn an_issuer_no_longer_active_cannot_create_a_series() {
	test(|| {
		set_status(&site(), MerchantStatus::Suspended);
		assert_noop!(
			Collectibles::create_series(origin(site()), params()),
			CollectiblesError::MerchantNotActive
		);
	});
}

#[test]
fn an_issuer_no_longer_a_merchant_cannot_create_a_series() {
	test(|| {
		// Licensed, then dropped from the registry (a test-only situation).
		set_merchant(&gym(), MerchantCategory::Tourism, MerchantStatus::Active);
		assert_ok!(Collectibles::license_issuer(origin(regulator()), gym()));
		unregister(&gym());
		assert_noop!(
			Collectibles::create_series(origin(gym()), params()),
			CollectiblesError::NotMerchant
		);
	});
}

#[test]
fn a_series_needs_its_texts() {
	test(|| {
		let mut p = params();
		p.ethnic_group = bounded("");
		assert_noop!(Collectibles::create_series(origin(site()), p), CollectiblesError::EmptyField);
	});
}

#[test]
fn a_series_needs_a_valid_area() {
	test(|| {
		let mut p = params();
		p.area = AreaCode(45);
		assert_noop!(Collectibles::create_series(origin(site()), p), CollectiblesError::InvalidArea);
	});
}

#[test]
fn a_series_needs_a_supply_within_the_maximum() {
	test(|| {
		let mut p = params();
		p.max_supply = 1_001;
		assert_noop!(
			Collectibles::create_series(origin(site()), p.clone()),
			CollectiblesError::InvalidSupply
		);
		p.max_supply = 0;
		assert!(Collectibles::create_series(origin(site()), p).is_err());
	});
}

#[test]
fn a_series_needs_a_buyer_limit() {
	test(|| {
		let mut p = params();
		p.per_buyer_limit = 0;
		assert_noop!(
			Collectibles::create_series(origin(site()), p),
			CollectiblesError::InvalidBuyerLimit
		);
	});
}

#[test]
fn a_series_needs_an_open_sale_window() {
	test(|| {
		let mut p = params();
		p.sale_end = p.sale_start;
		assert_noop!(
			Collectibles::create_series(origin(site()), p.clone()),
			CollectiblesError::InvalidSaleWindow
		);
		// A window already over.
		p.sale_start = START - 10 * DAY;
		p.sale_end = START;
		assert!(Collectibles::create_series(origin(site()), p).is_err());
	});
}

#[test]
fn a_series_cannot_shorten_the_holding_period() {
	test(|| {
		let mut p = params();
		p.holding_days = Some(179);
		assert_noop!(
			Collectibles::create_series(origin(site()), p),
			CollectiblesError::HoldingPeriodTooShort
		);
	});
}

#[test]
fn a_benefit_must_outlive_the_sale() {
	test(|| {
		let mut p = params();
		p.benefit = Some(Benefit { description: H256::zero(), valid_until: START + DAY });
		assert_noop!(
			Collectibles::create_series(origin(site()), p),
			CollectiblesError::InvalidBenefit
		);
	});
}

#[test]
fn series_ids_do_not_overflow() {
	test(|| {
		NextSeriesId::<Test>::put(SeriesId::MAX);
		assert_noop!(
			Collectibles::create_series(origin(site()), params()),
			CollectiblesError::Overflow
		);
	});
}

// --- Buying ---

#[test]
fn a_verified_consumer_buys_and_the_item_is_minted_locked() {
	test(|| {
		let id = series();
		let collection = collection(id);
		assert_ok!(Collectibles::buy(origin(consumer()), id));
		assert_eq!(cny(&consumer()), 10_000 * YUAN - 99 * YUAN);
		assert_eq!(cny(&site()), 99 * YUAN);
		assert_eq!(nft_owner(&collection, &1), Some(consumer()));
		assert!(!<Nfts as NftInspect<AccountId>>::can_transfer(&collection, &1));
		let item = Items::<Test>::get(id, 1).expect("stored");
		assert_eq!(item.holder, consumer());
		assert_eq!(item.acquired_at, START);
		assert_eq!(item.history.len(), 1);
		assert_eq!(item.history[0].event, Provenance::Minted { to: consumer() });
		assert_eq!(item.history[0].at, START);
		assert_eq!(item.history[0].block, 1);
		assert_eq!(Purchases::<Test>::get(id, consumer()), 1);
		assert_eq!(Series::<Test>::get(id).map(|s| s.minted), Some(1));
		System::assert_last_event(
			Event::CollectiblePurchased { series: id, item: 1, buyer: consumer(), price: 99 * YUAN }
				.into(),
		);
		// Serial numbers follow each other.
		assert_ok!(Collectibles::buy(origin(friend()), id));
		assert_eq!(nft_owner(&collection, &2), Some(friend()));
	});
}

#[test]
fn a_free_souvenir_moves_no_money() {
	test(|| {
		let mut p = params();
		p.price = 0;
		assert_ok!(Collectibles::create_series(origin(site()), p));
		assert_ok!(Collectibles::buy(origin(consumer()), 0));
		assert_eq!(cny(&consumer()), 10_000 * YUAN);
	});
}

#[test]
fn buying_an_unknown_series_fails() {
	test(|| {
		assert_noop!(Collectibles::buy(origin(consumer()), 7), CollectiblesError::UnknownSeries);
	});
}

#[test]
fn an_unverified_buyer_cannot_buy() {
	test(|| {
		let id = series();
		assert_noop!(Collectibles::buy(origin(anonymous()), id), CollectiblesError::UnverifiedBuyer);
	});
}

#[test]
fn a_sold_out_series_sells_no_more() {
	test(|| {
		let id = series();
		assert_ok!(Collectibles::buy(origin(consumer()), id));
		assert_ok!(Collectibles::buy(origin(consumer()), id));
		assert_ok!(Collectibles::buy(origin(friend()), id));
		assert_noop!(Collectibles::buy(origin(friend()), id), CollectiblesError::SoldOut);
	});
}

#[test]
fn a_buyer_buys_at_most_the_limit() {
	test(|| {
		let id = series();
		assert_ok!(Collectibles::buy(origin(consumer()), id));
		assert_ok!(Collectibles::buy(origin(consumer()), id));
		assert_noop!(
			Collectibles::buy(origin(consumer()), id),
			CollectiblesError::PurchaseLimitReached
		);
	});
}

#[test]
fn nothing_sells_outside_the_sale_window() {
	test(|| {
		let mut p = params();
		p.sale_start = START + DAY;
		assert_ok!(Collectibles::create_series(origin(site()), p));
		assert_noop!(Collectibles::buy(origin(consumer()), 0), CollectiblesError::SaleNotOpen);
		// After the window closes.
		let id = series();
		advance(30 * DAY);
		assert_noop!(Collectibles::buy(origin(consumer()), id), CollectiblesError::SaleNotOpen);
	});
}

#[test]
fn a_suspended_series_is_not_sold() {
	test(|| {
		let id = series();
		assert_ok!(Collectibles::suspend_series(origin(regulator()), id, H256::zero()));
		assert_noop!(Collectibles::buy(origin(consumer()), id), CollectiblesError::SeriesSuspended);
	});
}

#[test]
fn an_issuer_no_longer_active_sells_nothing() {
	test(|| {
		let id = series();
		set_status(&site(), MerchantStatus::Blacklisted);
		assert_noop!(Collectibles::buy(origin(consumer()), id), CollectiblesError::MerchantNotActive);
	});
}

// --- Locking in pallet-nfts ---

#[test]
fn a_direct_nfts_transfer_of_an_item_fails() {
	test(|| {
		let (id, item) = bought();
		assert_noop!(
			Nfts::transfer(origin(consumer()), collection(id), item, friend()),
			pallet_nfts::Error::<Test>::ItemLocked
		);
	});
}

#[test]
fn a_direct_nfts_burn_of_an_item_fails() {
	test(|| {
		let (id, item) = bought();
		assert_noop!(
			Nfts::burn(origin(consumer()), collection(id), item),
			pallet_nfts::Error::<Test>::ItemLocked
		);
	});
}

#[test]
fn no_one_mints_into_a_series_collection_directly() {
	test(|| {
		let id = series();
		assert_noop!(
			Nfts::mint(origin(site()), collection(id), 9, site(), None),
			pallet_nfts::Error::<Test>::NoPermission
		);
	});
}

#[test]
fn a_holder_cannot_clear_the_lock() {
	test(|| {
		let (id, item) = bought();
		let key = pallet_nfts::PalletAttributes::<u32>::TransferDisabled;
		let key: frame_support::BoundedVec<u8, _> =
			codec::Encode::encode(&key).try_into().expect("short key");
		assert!(Nfts::clear_attribute(
			origin(consumer()),
			collection(id),
			Some(item),
			pallet_nfts::AttributeNamespace::Pallet,
			key,
		)
		.is_err());
		assert!(!<Nfts as NftInspect<AccountId>>::can_transfer(&collection(id), &item));
	});
}

// --- Gifts ---

#[test]
fn a_holder_gives_an_item_after_the_holding_period() {
	test(|| {
		let (id, item) = bought();
		advance(HOLDING);
		assert_ok!(Collectibles::gift(origin(consumer()), id, item, friend()));
		assert_eq!(nft_owner(&collection(id), &item), Some(friend()));
		assert!(!<Nfts as NftInspect<AccountId>>::can_transfer(&collection(id), &item));
		let entry = Items::<Test>::get(id, item).expect("stored");
		assert_eq!(entry.holder, friend());
		assert_eq!(entry.acquired_at, START + HOLDING);
		assert_eq!(
			entry.history[1].event,
			Provenance::Gifted { from: consumer(), to: friend() }
		);
		assert_eq!(entry.history[1].at, START + HOLDING);
		assert!(Holdings::<Test>::contains_key(friend(), (id, item)));
		assert!(!Holdings::<Test>::contains_key(consumer(), (id, item)));
		// A gift received does not count against the recipient's purchase limit.
		assert_eq!(Purchases::<Test>::get(id, friend()), 0);
		System::assert_last_event(
			Event::CollectibleGifted { series: id, item, from: consumer(), to: friend() }.into(),
		);
	});
}

#[test]
fn no_gift_before_the_holding_period() {
	test(|| {
		let (id, item) = bought();
		advance(HOLDING - 1);
		assert_noop!(
			Collectibles::gift(origin(consumer()), id, item, friend()),
			CollectiblesError::HoldingPeriodNotOver
		);
	});
}

#[test]
fn the_recipient_holds_for_the_holding_period_too() {
	test(|| {
		let (id, item) = bought();
		advance(HOLDING);
		assert_ok!(Collectibles::gift(origin(consumer()), id, item, friend()));
		advance(DAY);
		assert!(Collectibles::gift(origin(friend()), id, item, consumer()).is_err());
	});
}

#[test]
fn no_gift_to_an_unverified_account() {
	test(|| {
		let (id, item) = bought();
		advance(HOLDING);
		assert_noop!(
			Collectibles::gift(origin(consumer()), id, item, anonymous()),
			CollectiblesError::UnverifiedRecipient
		);
	});
}

#[test]
fn no_gift_from_a_holder_no_longer_verified() {
	test(|| {
		let (id, item) = bought();
		advance(HOLDING);
		crate::mock::unverify(&consumer());
		assert_noop!(
			Collectibles::gift(origin(consumer()), id, item, friend()),
			CollectiblesError::UnverifiedHolder
		);
	});
}

#[test]
fn no_gift_to_oneself() {
	test(|| {
		let (id, item) = bought();
		advance(HOLDING);
		assert_noop!(
			Collectibles::gift(origin(consumer()), id, item, consumer()),
			CollectiblesError::SelfGift
		);
	});
}

#[test]
fn only_the_holder_gives() {
	test(|| {
		let (id, item) = bought();
		advance(HOLDING);
		assert_noop!(
			Collectibles::gift(origin(friend()), id, item, friend()),
			CollectiblesError::NotHolder
		);
	});
}

#[test]
fn no_gift_of_an_unknown_item() {
	test(|| {
		let (id, _) = bought();
		assert_noop!(
			Collectibles::gift(origin(consumer()), id, 2, friend()),
			CollectiblesError::UnknownItem
		);
	});
}

#[test]
fn a_suspended_series_is_not_gifted() {
	test(|| {
		let (id, item) = bought();
		advance(HOLDING);
		assert_ok!(Collectibles::suspend_series(origin(regulator()), id, H256::zero()));
		assert_noop!(
			Collectibles::gift(origin(consumer()), id, item, friend()),
			CollectiblesError::SeriesSuspended
		);
	});
}

#[test]
fn the_history_keeps_room_for_a_pending_redemption() {
	test(|| {
		// MaxHistory is 4: minted, two gifts, and the redemption.
		let mut p = params();
		p.benefit = Some(Benefit { description: H256::zero(), valid_until: START + 3 * 365 * DAY });
		assert_ok!(Collectibles::create_series(origin(site()), p));
		assert_ok!(Collectibles::buy(origin(consumer()), 0));
		let (id, item) = (0, 1);
		advance(HOLDING);
		assert_ok!(Collectibles::gift(origin(consumer()), id, item, friend()));
		advance(HOLDING);
		assert_ok!(Collectibles::gift(origin(friend()), id, item, consumer()));
		advance(HOLDING);
		assert_noop!(
			Collectibles::gift(origin(consumer()), id, item, friend()),
			CollectiblesError::HistoryFull
		);
		assert_ok!(Collectibles::redeem(origin(consumer()), id, item));
		assert_eq!(Items::<Test>::get(id, item).map(|i| i.history.len() as u32), Some(MAX_HISTORY));
	});
}

// --- Redemption ---

#[test]
fn the_holder_redeems_the_benefit_once() {
	test(|| {
		let (id, item) = bought();
		advance(DAY);
		assert_ok!(Collectibles::redeem(origin(consumer()), id, item));
		let entry = Items::<Test>::get(id, item).expect("the item stays");
		assert_eq!(entry.redeemed_at, Some(START + DAY));
		assert_eq!(
			entry.history[1].event,
			Provenance::Redeemed { holder: consumer(), recorded_by: consumer() }
		);
		assert_eq!(nft_owner(&collection(id), &item), Some(consumer()));
		System::assert_last_event(
			Event::BenefitRedeemed { series: id, item, holder: consumer(), recorded_by: consumer() }
				.into(),
		);
		assert_noop!(
			Collectibles::redeem(origin(consumer()), id, item),
			CollectiblesError::AlreadyRedeemed
		);
	});
}

#[test]
fn staff_records_a_signed_redemption() {
	test(|| {
		let (id, item) = bought();
		assert_ok!(Collectibles::add_staff(origin(site()), staff()));
		let signature = sign(Sr25519Keyring::Eve, id, item);
		assert_ok!(Collectibles::redeem_for(origin(staff()), id, item, signature));
		System::assert_last_event(
			Event::BenefitRedeemed { series: id, item, holder: consumer(), recorded_by: staff() }
				.into(),
		);
		assert!(<Collectibles as CollectibleRecord<AccountId>>::redeemed(id, item));
	});
}

#[test]
fn the_issuer_itself_records_a_signed_redemption() {
	test(|| {
		let (id, item) = bought();
		let signature = sign(Sr25519Keyring::Eve, id, item);
		assert_ok!(Collectibles::redeem_for(origin(site()), id, item, signature));
		assert!(Items::<Test>::get(id, item).is_some_and(|i| i.redeemed_at.is_some()));
	});
}

#[test]
fn a_redemption_needs_the_holders_signature() {
	test(|| {
		let (id, item) = bought();
		let signature = sign(Sr25519Keyring::Ferdie, id, item);
		assert_noop!(
			Collectibles::redeem_for(origin(site()), id, item, signature),
			CollectiblesError::BadSignature
		);
	});
}

#[test]
fn a_signature_dies_with_the_holders_tenure() {
	test(|| {
		let (id, item) = bought();
		let old = sign(Sr25519Keyring::Eve, id, item);
		advance(HOLDING);
		assert_ok!(Collectibles::gift(origin(consumer()), id, item, friend()));
		advance(HOLDING);
		assert_ok!(Collectibles::gift(origin(friend()), id, item, consumer()));
		// The consumer holds it again, but the history grew: the old signature is stale.
		assert!(Collectibles::redeem_for(origin(site()), id, item, old).is_err());
	});
}

#[test]
fn only_the_issuer_or_its_staff_records_redemptions() {
	test(|| {
		let (id, item) = bought();
		let signature = sign(Sr25519Keyring::Eve, id, item);
		assert_noop!(
			Collectibles::redeem_for(origin(staff()), id, item, signature),
			CollectiblesError::NotIssuerStaff
		);
	});
}

#[test]
fn only_the_holder_redeems_itself() {
	test(|| {
		let (id, item) = bought();
		assert_noop!(Collectibles::redeem(origin(friend()), id, item), CollectiblesError::NotHolder);
	});
}

#[test]
fn an_expired_benefit_is_not_redeemed() {
	test(|| {
		let (id, item) = bought();
		advance(365 * DAY);
		assert_noop!(
			Collectibles::redeem(origin(consumer()), id, item),
			CollectiblesError::BenefitExpired
		);
	});
}

#[test]
fn a_series_without_benefit_redeems_nothing() {
	test(|| {
		let mut p = params();
		p.benefit = None;
		assert_ok!(Collectibles::create_series(origin(site()), p));
		assert_ok!(Collectibles::buy(origin(consumer()), 0));
		assert_noop!(Collectibles::redeem(origin(consumer()), 0, 1), CollectiblesError::NoBenefit);
	});
}

#[test]
fn a_suspended_series_still_honours_its_benefit() {
	test(|| {
		let (id, item) = bought();
		assert_ok!(Collectibles::suspend_series(origin(regulator()), id, H256::zero()));
		assert_ok!(Collectibles::redeem(origin(consumer()), id, item));
	});
}

#[test]
fn redeeming_an_unknown_item_fails() {
	test(|| {
		let id = series();
		assert_noop!(Collectibles::redeem(origin(consumer()), id, 1), CollectiblesError::UnknownItem);
	});
}

#[test]
fn redeem_for_an_unknown_series_fails() {
	test(|| {
		let (id, item) = bought();
		let signature = sign(Sr25519Keyring::Eve, id, item);
		assert_noop!(
			Collectibles::redeem_for(origin(site()), 9, item, signature),
			CollectiblesError::UnknownSeries
		);
	});
}

// --- Suspension ---

#[test]
fn a_regulator_suspends_and_resumes_a_series() {
	test(|| {
		let id = series();
		let reason = H256::repeat_byte(9);
		assert_ok!(Collectibles::suspend_series(origin(regulator()), id, reason));
		assert_eq!(Series::<Test>::get(id).map(|s| s.suspended), Some(true));
		System::assert_last_event(
			Event::SeriesSuspended { series: id, regulator: regulator(), reason }.into(),
		);
		assert_noop!(
			Collectibles::suspend_series(origin(regulator()), id, reason),
			CollectiblesError::SeriesSuspended
		);
		assert_ok!(Collectibles::resume_series(origin(regulator()), id));
		assert_eq!(Series::<Test>::get(id).map(|s| s.suspended), Some(false));
		System::assert_last_event(Event::SeriesResumed { series: id, regulator: regulator() }.into());
		assert_ok!(Collectibles::buy(origin(consumer()), id));
	});
}

#[test]
fn the_regulator_of_the_heritage_site_may_suspend_too() {
	test(|| {
		let id = series();
		let liuzhou = Sr25519Keyring::EveStash.to_account_id();
		appoint(&liuzhou, AreaCode(450200), guilian_primitives::RegulatorDomain::CultureTourism);
		assert_ok!(Collectibles::suspend_series(origin(liuzhou), id, H256::zero()));
	});
}

#[test]
fn a_regulator_elsewhere_cannot_suspend() {
	test(|| {
		let id = series();
		assert_noop!(
			Collectibles::suspend_series(origin(guilin_regulator()), id, H256::zero()),
			CollectiblesError::NotCompetentRegulator
		);
	});
}

#[test]
fn resuming_needs_a_suspension() {
	test(|| {
		let id = series();
		assert_noop!(
			Collectibles::resume_series(origin(regulator()), id),
			CollectiblesError::SeriesNotSuspended
		);
	});
}

// --- Reads ---

#[test]
fn holdings_are_paged() {
	test(|| {
		let id = series();
		assert_ok!(Collectibles::buy(origin(consumer()), id));
		assert_ok!(Collectibles::buy(origin(consumer()), id));
		let all = Collectibles::holdings(&consumer(), None, 10);
		assert_eq!(all.len(), 2);
		let first = Collectibles::holdings(&consumer(), None, 1);
		assert_eq!(first.len(), 1);
		let (s, i, _) = &first[0];
		let rest = Collectibles::holdings(&consumer(), Some((*s, *i)), 10);
		assert_eq!(rest.len(), 1);
		assert_ne!((rest[0].0, rest[0].1), (*s, *i));
		assert!(Collectibles::holdings(&friend(), None, 10).is_empty());
		assert_eq!(Nfts::owned(&consumer()).count(), 2);
	});
}

#[test]
fn only_existing_items_have_a_signing_payload() {
	test(|| {
		let (id, item) = bought();
		assert!(Collectibles::redeem_signing_payload(id, item).is_some());
		assert!(Collectibles::redeem_signing_payload(id, item + 1).is_none());
	});
}

#[test]
fn the_collectible_record_names_holder_and_issuer() {
	test(|| {
		let (id, item) = bought();
		assert_eq!(
			<Collectibles as CollectibleRecord<AccountId>>::item_parties(id, item),
			Some((consumer(), site()))
		);
		assert!(!<Collectibles as CollectibleRecord<AccountId>>::redeemed(id, item));
		assert_eq!(<Collectibles as CollectibleRecord<AccountId>>::item_parties(id, 2), None);
	});
}

// --- Refusals: every wrong role (docs/ROLES.md) ---

#[test]
fn only_a_culture_tourism_regulator_of_the_area_revokes() {
	test(|| {
		// A regulator of another area, a market regulator of the area, the issuer itself.
		assert_noop!(
			Collectibles::revoke_issuer(origin(guilin_regulator()), site()),
			CollectiblesError::NotCompetentRegulator
		);
		assert_noop!(
			Collectibles::revoke_issuer(origin(market_regulator()), site()),
			CollectiblesError::NotCompetentRegulator
		);
		assert_noop!(
			Collectibles::revoke_issuer(origin(site()), site()),
			CollectiblesError::NotCompetentRegulator
		);
		assert!(Issuers::<Test>::contains_key(site()));
	});
}

#[test]
fn only_a_licensed_issuer_adds_staff() {
	test(|| {
		// An unlicensed Tourism merchant, a consumer, the staff account itself.
		assert_noop!(Collectibles::add_staff(origin(museum()), staff()), CollectiblesError::NotLicensed);
		assert_noop!(Collectibles::add_staff(origin(consumer()), staff()), CollectiblesError::NotLicensed);
		assert_noop!(Collectibles::add_staff(origin(staff()), staff()), CollectiblesError::NotLicensed);
		assert!(!Staff::<Test>::contains_key(staff()));
	});
}

#[test]
fn only_a_culture_tourism_regulator_of_the_area_resumes() {
	test(|| {
		let id = series();
		assert_ok!(Collectibles::suspend_series(origin(regulator()), id, H256::zero()));
		// A regulator of neither area, a market regulator of the issuer's area, the issuer.
		assert_noop!(
			Collectibles::resume_series(origin(guilin_regulator()), id),
			CollectiblesError::NotCompetentRegulator
		);
		assert_noop!(
			Collectibles::resume_series(origin(market_regulator()), id),
			CollectiblesError::NotCompetentRegulator
		);
		assert_noop!(
			Collectibles::resume_series(origin(site()), id),
			CollectiblesError::NotCompetentRegulator
		);
		assert_eq!(Series::<Test>::get(id).map(|s| s.suspended), Some(true));
	});
}
