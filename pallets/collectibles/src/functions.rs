//! The collectibles pallet's logic: each `do_*` verifies everything, then moves money, mints or
//! transfers in pallet-nfts, and writes.

use crate::{pallet::*, types::*, AssetIdOf, CollectionConfigOf, ItemOf, ProvenanceEntryOf, SeriesOf, SeriesParamsOf, REDEEM_CONTEXT};
use codec::Encode;
use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::{
		fungible, fungibles,
		tokens::{nonfungibles_v2::{Create, Mutate as NftMutate, Transfer}, Preservation},
		Get,
	},
};
use frame_system::pallet_prelude::BlockNumberFor;
use guilian_primitives::{MerchantCategory, MerchantStatus, RegulatorDomain, SubjectRegistry};
use pallet_nfts::{CollectionSetting, CollectionSettings, ItemConfig, ItemSettings, MintSettings};
use sp_core::H256;
use sp_runtime::traits::{AccountIdConversion, Saturating, Zero};

/// A day in milliseconds.
pub const DAY_MS: u64 = 24 * 60 * 60 * 1000;

impl<T: Config> Pallet<T> {
	/// Now, in milliseconds since the Unix epoch.
	pub(crate) fn now_ms() -> u64 {
		guilian_primitives::unix_millis::<T::Time>()
	}

	/// The account that owns and administers every series' collection in pallet-nfts.
	pub fn account_id() -> T::AccountId {
		T::PalletId::get().into_account_truncating()
	}

	fn asset() -> AssetIdOf<T> {
		T::CnyAsset::get()
	}

	/// The bytes a holder signs so that the issuer's staff may record the redemption of
	/// `item` of `series`, or `None` if there is no such item.
	pub fn redeem_signing_payload(series: SeriesId, item: ItemId) -> Option<alloc::vec::Vec<u8>> {
		Items::<T>::get(series, item).map(|entry| Self::payload_of(series, item, &entry))
	}

	/// `(REDEEM_CONTEXT, genesis hash, series, item, holder, history length)`: the genesis hash
	/// keeps a signature to this chain, and the history length (which every gift changes) keeps
	/// a signature to the holder's current tenure.
	pub(crate) fn payload_of(series: SeriesId, item: ItemId, entry: &ItemOf<T>) -> alloc::vec::Vec<u8> {
		let genesis = frame_system::Pallet::<T>::block_hash(BlockNumberFor::<T>::zero());
		let nonce = entry.history.len() as u32;
		(REDEEM_CONTEXT, genesis, series, item, &entry.holder, nonce).encode()
	}

	fn entry(event: Provenance<T::AccountId>, at: u64) -> ProvenanceEntryOf<T> {
		ProvenanceEntry { event, at, block: frame_system::Pallet::<T>::block_number() }
	}

	/// Checks `issuer` may issue now: licensed, and an Active Tourism merchant.
	fn ensure_issuer(issuer: &T::AccountId) -> DispatchResult {
		ensure!(Issuers::<T>::contains_key(issuer), Error::<T>::NotLicensed);
		let record = T::Subjects::merchant(issuer).ok_or(Error::<T>::NotMerchant)?;
		ensure!(record.status == MerchantStatus::Active, Error::<T>::MerchantNotActive);
		Ok(())
	}

	/// Licenses `issuer`, by `regulator`, now.
	pub fn do_license_issuer(regulator: &T::AccountId, issuer: T::AccountId) -> DispatchResult {
		Self::license(regulator, issuer, Self::now_ms())
	}

	/// Licenses `issuer`, by `regulator`, at `licensed_at` (genesis passes 0: there is no clock
	/// before the first block).
	pub(crate) fn license(regulator: &T::AccountId, issuer: T::AccountId, licensed_at: u64) -> DispatchResult {
		let record = T::Subjects::merchant(&issuer).ok_or(Error::<T>::NotMerchant)?;
		ensure!(
			T::Subjects::regulator_covers(regulator, RegulatorDomain::CultureTourism, record.area),
			Error::<T>::NotCompetentRegulator
		);
		ensure!(record.category == MerchantCategory::Tourism, Error::<T>::NotTourismMerchant);
		ensure!(record.status == MerchantStatus::Active, Error::<T>::MerchantNotActive);
		ensure!(!Issuers::<T>::contains_key(&issuer), Error::<T>::AlreadyLicensed);
		let count = IssuerCount::<T>::get().checked_add(1).ok_or(Error::<T>::Overflow)?;
		IssuerCount::<T>::put(count);
		Issuers::<T>::insert(
			&issuer,
			IssuerLicence { regulator: regulator.clone(), area: record.area, licensed_at },
		);
		Self::deposit_event(Event::IssuerLicensed { issuer, regulator: regulator.clone() });
		Ok(())
	}

	pub(crate) fn do_revoke_issuer(regulator: &T::AccountId, issuer: T::AccountId) -> DispatchResult {
		let licence = Issuers::<T>::get(&issuer).ok_or(Error::<T>::NotLicensed)?;
		ensure!(
			T::Subjects::regulator_covers(regulator, RegulatorDomain::CultureTourism, licence.area),
			Error::<T>::NotCompetentRegulator
		);
		Issuers::<T>::remove(&issuer);
		IssuerCount::<T>::mutate(|count| *count = count.saturating_sub(1));
		Self::deposit_event(Event::IssuerRevoked { issuer, regulator: regulator.clone() });
		Ok(())
	}

	pub(crate) fn do_add_staff(issuer: T::AccountId, staff: T::AccountId) -> DispatchResult {
		Self::ensure_issuer(&issuer)?;
		ensure!(!Staff::<T>::contains_key(&staff), Error::<T>::AlreadyStaff);
		Staff::<T>::insert(&staff, &issuer);
		Self::deposit_event(Event::StaffAdded { issuer, staff });
		Ok(())
	}

	pub(crate) fn do_remove_staff(issuer: T::AccountId, staff: T::AccountId) -> DispatchResult {
		ensure!(Staff::<T>::get(&staff).as_ref() == Some(&issuer), Error::<T>::NotStaff);
		Staff::<T>::remove(&staff);
		Self::deposit_event(Event::StaffRemoved { issuer, staff });
		Ok(())
	}

	/// Creates a series of `issuer`; returns its id.
	pub fn do_create_series(issuer: T::AccountId, params: SeriesParamsOf<T>) -> Result<SeriesId, DispatchError> {
		Self::ensure_issuer(&issuer)?;
		let now = Self::now_ms();
		ensure!(
			!params.title.is_empty() && !params.heritage_site.is_empty() && !params.ethnic_group.is_empty(),
			Error::<T>::EmptyField
		);
		ensure!(params.area.is_valid(), Error::<T>::InvalidArea);
		ensure!(
			params.max_supply > 0 && params.max_supply <= T::MaxSupply::get(),
			Error::<T>::InvalidSupply
		);
		ensure!(params.per_buyer_limit > 0, Error::<T>::InvalidBuyerLimit);
		ensure!(
			params.sale_start < params.sale_end && now < params.sale_end,
			Error::<T>::InvalidSaleWindow
		);
		let holding_period = match params.holding_days {
			Some(days) => u64::from(days).saturating_mul(DAY_MS),
			None => T::DefaultHoldingPeriod::get(),
		};
		ensure!(holding_period >= T::MinHoldingPeriod::get(), Error::<T>::HoldingPeriodTooShort);
		if let Some(benefit) = params.benefit {
			ensure!(benefit.valid_until >= params.sale_end, Error::<T>::InvalidBenefit);
		}
		let id = NextSeriesId::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::Overflow)?;

		// The pallet's account owns the collection and pallet-nfts reserves the collection
		// deposit from it: the issuer pays that deposit in, plus whatever the account lacks to
		// stay above the existential deposit afterwards.
		let owner = Self::account_id();
		let needed = T::SeriesDeposit::get()
			.saturating_add(<T::NativeCurrency as fungible::Inspect<_>>::minimum_balance())
			.saturating_sub(<T::NativeCurrency as fungible::Inspect<_>>::balance(&owner));
		if !needed.is_zero() {
			<T::NativeCurrency as fungible::Mutate<_>>::transfer(&issuer, &owner, needed, Preservation::Preserve)?;
		}
		let config: CollectionConfigOf<T> = pallet_nfts::CollectionConfig {
			settings: CollectionSettings::from_disabled(CollectionSetting::UnlockedMaxSupply.into()),
			max_supply: Some(params.max_supply),
			mint_settings: MintSettings::default(),
		};
		let collection = T::Nfts::create_collection(&owner, &owner, &config)?;
		T::Nfts::set_collection_metadata(None, &collection, &params.image_uri)?;

		let SeriesParams {
			title,
			heritage_site,
			ethnic_group,
			area,
			description,
			image_uri,
			certificate,
			max_supply,
			price,
			sale_start,
			sale_end,
			per_buyer_limit,
			holding_days: _,
			benefit,
		} = params;
		Series::<T>::insert(
			id,
			SeriesOf::<T> {
				issuer: issuer.clone(),
				collection,
				title,
				heritage_site,
				ethnic_group,
				area,
				description,
				image_uri,
				certificate,
				max_supply,
				minted: 0,
				price,
				sale_start,
				sale_end,
				per_buyer_limit,
				holding_period,
				benefit,
				suspended: false,
				created_at: now,
			},
		);
		NextSeriesId::<T>::put(next);
		Self::deposit_event(Event::SeriesCreated { series: id, collection, issuer, max_supply, price });
		Ok(id)
	}

	/// `buyer` buys the next item of `series`; returns its serial number.
	pub fn do_buy(buyer: T::AccountId, series: SeriesId) -> Result<ItemId, DispatchError> {
		let mut details = Series::<T>::get(series).ok_or(Error::<T>::UnknownSeries)?;
		ensure!(!details.suspended, Error::<T>::SeriesSuspended);
		Self::ensure_issuer(&details.issuer)?;
		let now = Self::now_ms();
		ensure!(details.sale_start <= now && now < details.sale_end, Error::<T>::SaleNotOpen);
		ensure!(T::Subjects::is_verified_consumer(&buyer), Error::<T>::UnverifiedBuyer);
		ensure!(details.minted < details.max_supply, Error::<T>::SoldOut);
		let bought = Purchases::<T>::get(series, &buyer);
		ensure!(bought < details.per_buyer_limit, Error::<T>::PurchaseLimitReached);
		let item = details.minted.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let bought = bought.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let mut history = BoundedVec::new();
		history
			.try_push(Self::entry(Provenance::Minted { to: buyer.clone() }, now))
			.map_err(|_| Error::<T>::HistoryFull)?;

		if !details.price.is_zero() {
			<T::Currency as fungibles::Mutate<_>>::transfer(
				Self::asset(),
				&buyer,
				&details.issuer,
				details.price,
				Preservation::Preserve,
			)?;
		}
		// The buyer pays pallet-nfts' item deposit; the item is locked at once.
		let item_config = ItemConfig { settings: ItemSettings::all_enabled() };
		T::Nfts::mint_into(&details.collection, &item, &buyer, &item_config, false)?;
		T::Nfts::disable_transfer(&details.collection, &item)?;

		details.minted = item;
		let price = details.price;
		Series::<T>::insert(series, details);
		Items::<T>::insert(
			series,
			item,
			ItemOf::<T> { holder: buyer.clone(), acquired_at: now, redeemed_at: None, history },
		);
		Purchases::<T>::insert(series, &buyer, bought);
		Holdings::<T>::insert(&buyer, (series, item), ());
		Self::deposit_event(Event::CollectiblePurchased { series, item, buyer, price });
		Ok(item)
	}

	/// `holder` gives `item` of `series` to `to`.
	pub(crate) fn do_gift(
		holder: T::AccountId,
		series: SeriesId,
		item: ItemId,
		to: T::AccountId,
	) -> DispatchResult {
		let details = Series::<T>::get(series).ok_or(Error::<T>::UnknownSeries)?;
		ensure!(!details.suspended, Error::<T>::SeriesSuspended);
		let mut entry = Items::<T>::get(series, item).ok_or(Error::<T>::UnknownItem)?;
		ensure!(entry.holder == holder, Error::<T>::NotHolder);
		ensure!(to != holder, Error::<T>::SelfGift);
		// Both ends of a gift are real-name: a holder whose verification was revoked keeps the
		// item but cannot pass it on.
		ensure!(T::Subjects::is_verified_consumer(&holder), Error::<T>::UnverifiedHolder);
		ensure!(T::Subjects::is_verified_consumer(&to), Error::<T>::UnverifiedRecipient);
		let now = Self::now_ms();
		ensure!(
			entry.acquired_at.saturating_add(details.holding_period) <= now,
			Error::<T>::HoldingPeriodNotOver
		);
		// Keep room for the redemption of a benefit still pending.
		let pending = u32::from(details.benefit.is_some() && entry.redeemed_at.is_none());
		let used = entry.history.len() as u32;
		ensure!(
			used.saturating_add(1).saturating_add(pending) <= T::MaxHistory::get(),
			Error::<T>::HistoryFull
		);
		entry
			.history
			.try_push(Self::entry(Provenance::Gifted { from: holder.clone(), to: to.clone() }, now))
			.map_err(|_| Error::<T>::HistoryFull)?;

		T::Nfts::enable_transfer(&details.collection, &item)?;
		T::Nfts::transfer(&details.collection, &item, &to)?;
		T::Nfts::disable_transfer(&details.collection, &item)?;

		entry.holder = to.clone();
		entry.acquired_at = now;
		Items::<T>::insert(series, item, entry);
		Holdings::<T>::remove(&holder, (series, item));
		Holdings::<T>::insert(&to, (series, item), ());
		Self::deposit_event(Event::CollectibleGifted { series, item, from: holder, to });
		Ok(())
	}

	/// Redeems the benefit of `item` of `series` for its holder, recorded by `recorded_by`.
	pub(crate) fn do_redeem(
		series: SeriesId,
		item: ItemId,
		mut entry: ItemOf<T>,
		recorded_by: T::AccountId,
	) -> DispatchResult {
		let details = Series::<T>::get(series).ok_or(Error::<T>::UnknownSeries)?;
		let benefit = details.benefit.ok_or(Error::<T>::NoBenefit)?;
		ensure!(entry.redeemed_at.is_none(), Error::<T>::AlreadyRedeemed);
		let now = Self::now_ms();
		ensure!(now < benefit.valid_until, Error::<T>::BenefitExpired);
		let holder = entry.holder.clone();
		entry
			.history
			.try_push(Self::entry(
				Provenance::Redeemed { holder: holder.clone(), recorded_by: recorded_by.clone() },
				now,
			))
			.map_err(|_| Error::<T>::HistoryFull)?;
		entry.redeemed_at = Some(now);
		Items::<T>::insert(series, item, entry);
		Self::deposit_event(Event::BenefitRedeemed { series, item, holder, recorded_by });
		Ok(())
	}

	/// Suspends (`reason` given) or resumes (`None`) `series`, by `regulator`.
	pub(crate) fn do_set_suspended(
		regulator: T::AccountId,
		series: SeriesId,
		reason: Option<H256>,
	) -> DispatchResult {
		let mut details = Series::<T>::get(series).ok_or(Error::<T>::UnknownSeries)?;
		let covers = |area| T::Subjects::regulator_covers(&regulator, RegulatorDomain::CultureTourism, area);
		let issuer_area = Issuers::<T>::get(&details.issuer)
			.map(|l| l.area)
			.or_else(|| T::Subjects::merchant(&details.issuer).map(|m| m.area));
		ensure!(
			covers(details.area) || issuer_area.is_some_and(covers),
			Error::<T>::NotCompetentRegulator
		);
		match reason {
			Some(reason) => {
				ensure!(!details.suspended, Error::<T>::SeriesSuspended);
				details.suspended = true;
				Series::<T>::insert(series, details);
				Self::deposit_event(Event::SeriesSuspended { series, regulator, reason });
			},
			None => {
				ensure!(details.suspended, Error::<T>::SeriesNotSuspended);
				details.suspended = false;
				Series::<T>::insert(series, details);
				Self::deposit_event(Event::SeriesResumed { series, regulator });
			},
		}
		Ok(())
	}

	/// The items `who` holds, at most `limit` (capped at [`crate::MAX_PAGE`]), from after
	/// `start` in storage order.
	pub fn holdings(
		who: &T::AccountId,
		start: Option<(SeriesId, ItemId)>,
		limit: u32,
	) -> alloc::vec::Vec<(SeriesId, ItemId, ItemOf<T>)> {
		let limit = limit.min(crate::MAX_PAGE) as usize;
		let keys = match start {
			Some(key) => Holdings::<T>::iter_key_prefix_from(who, Holdings::<T>::hashed_key_for(who, key)),
			None => Holdings::<T>::iter_key_prefix(who),
		};
		keys.filter_map(|(series, item)| Items::<T>::get(series, item).map(|entry| (series, item, entry)))
			.take(limit)
			.collect()
	}

	/// Checks the invariants: `IssuerCount` counts `Issuers`; each series' `minted` equals its collection's item count in
	/// pallet-nfts, every item is owned there by its holder and indexed in `Holdings`, and the
	/// purchase counters add up to `minted` within the per-buyer limit.
	#[cfg(any(feature = "try-runtime", test))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use frame_support::traits::tokens::nonfungibles_v2::{Inspect, InspectEnumerable};
		ensure!(
			Issuers::<T>::iter_keys().count() as u32 == IssuerCount::<T>::get(),
			"IssuerCount differs from the number of licensed issuers"
		);
		for (id, details) in Series::<T>::iter() {
			ensure!(id < NextSeriesId::<T>::get(), "a series id at or above NextSeriesId");
			ensure!(details.minted <= details.max_supply, "minted beyond the maximum supply");
			let in_nfts = T::Nfts::items(&details.collection).count() as u32;
			ensure!(in_nfts == details.minted, "minted differs from the pallet-nfts item count");
			let mut items = 0u32;
			for (item, entry) in Items::<T>::iter_prefix(id) {
				items = items.saturating_add(1);
				ensure!(item >= 1 && item <= details.minted, "an item beyond the last serial");
				ensure!(
					T::Nfts::owner(&details.collection, &item).as_ref() == Some(&entry.holder),
					"the pallet-nfts owner differs from the holder"
				);
				ensure!(!T::Nfts::can_transfer(&details.collection, &item), "an unlocked item");
				ensure!(Holdings::<T>::contains_key(&entry.holder, (id, item)), "a holding missing");
				ensure!(!entry.history.is_empty(), "an item without history");
				ensure!(entry.redeemed_at.is_none() || details.benefit.is_some(), "redeemed without benefit");
			}
			ensure!(items == details.minted, "items stored differ from minted");
			let mut bought = 0u32;
			for (_, count) in Purchases::<T>::iter_prefix(id) {
				ensure!(count <= details.per_buyer_limit, "a buyer beyond the per-buyer limit");
				bought = bought.saturating_add(count);
			}
			ensure!(bought == details.minted, "purchases differ from minted");
		}
		for (holder, (series, item), ()) in Holdings::<T>::iter() {
			ensure!(
				Items::<T>::get(series, item).is_some_and(|entry| entry.holder == holder),
				"a holding of an item held by another"
			);
		}
		Ok(())
	}
}
