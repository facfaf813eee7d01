//! `SubjectRegistry` for the pallets that stand on credit (prepaid, disputes, collectibles).

use crate::{pallet::*, types::{CreditEventKind, RegulatorDomains}};
use frame_support::pallet_prelude::DispatchResult;
use guilian_primitives::{AreaCode, MerchantSummary, RegulatorDomain, Severity, SubjectRegistry};
use sp_core::H256;
use sp_runtime::Permill;

impl<T: Config> SubjectRegistry<T::AccountId> for Pallet<T> {
	fn merchant(who: &T::AccountId) -> Option<MerchantSummary> {
		Merchants::<T>::get(who).map(|m| MerchantSummary {
			category: m.category,
			area: m.area,
			status: m.status,
			licensed_at: m.licensed_at,
			tier: Self::current_tier(who),
		})
	}

	fn is_verified_consumer(who: &T::AccountId) -> bool {
		Consumers::<T>::contains_key(who)
	}

	fn regulator_jurisdiction(who: &T::AccountId) -> Option<AreaCode> {
		Regulators::<T>::get(who).map(|r| r.jurisdiction)
	}

	fn regulator_covers(who: &T::AccountId, domain: RegulatorDomain, area: AreaCode) -> bool {
		let flag = match domain {
			RegulatorDomain::MarketSupervision => RegulatorDomains::MARKET_SUPERVISION,
			RegulatorDomain::CultureTourism => RegulatorDomains::CULTURE_TOURISM,
			RegulatorDomain::Commerce => RegulatorDomains::COMMERCE,
			RegulatorDomain::Education => RegulatorDomains::EDUCATION,
		};
		Regulators::<T>::get(who)
			.is_some_and(|r| r.domains.contains(flag) && r.jurisdiction.covers(area))
	}

	fn card_discount(merchant: &T::AccountId, buyer: &T::AccountId) -> Permill {
		Self::discount_for(merchant, buyer)
	}

	fn record_breach(subject: &T::AccountId, severity: Severity, evidence: H256) -> DispatchResult {
		Self::do_record_event(subject, None, CreditEventKind::Breach(severity), evidence)
	}

	fn record_fulfilment(subject: &T::AccountId, evidence: H256) -> DispatchResult {
		Self::do_record_event(subject, None, CreditEventKind::Fulfilment, evidence)
	}

	fn set_supervised(who: &T::AccountId, disabled: bool, evidence: H256) -> DispatchResult {
		Self::do_set_supervised(who, disabled, evidence)
	}
}
