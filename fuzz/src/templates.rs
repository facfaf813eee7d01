//! Structure-aware calls: the few creating calls whose arguments must agree with each other
//! (a sale window around now, a validity period, an AC code of letters and digits) and so almost
//! never come out of [`crate::values`]. Each template starts from valid arguments and spoils one
//! of them now and then, so that both the success path and the checks are exercised.

use crate::rng::Rng;
use guilian_primitives::AreaCode;
use guilian_runtime::{AccountId, RuntimeCall, CNY};
use sp_core::H256;

const DAY_MS: u64 = 86_400_000;

fn bounded<S: frame_support::traits::Get<u32>>(text: &[u8]) -> frame_support::BoundedVec<u8, S> {
	text.to_vec().try_into().unwrap_or_default()
}

/// A random template call, for the clock `now_ms` and the pooled `accounts`.
pub fn call(rng: &mut Rng, now_ms: u64, accounts: &[AccountId]) -> RuntimeCall {
	let spoil = rng.chance(15);
	match rng.below(3) {
		0 => create_series(rng, now_ms, spoil),
		1 => make_commitment(rng, now_ms, spoil),
		_ => apply_subchain(rng, accounts, spoil),
	}
}

fn create_series(rng: &mut Rng, now_ms: u64, spoil: bool) -> RuntimeCall {
	let start = now_ms.saturating_sub(rng.below(3) * DAY_MS);
	let mut params = pallet_collectibles::types::SeriesParams {
		title: bounded("程阳八寨永济桥 Chengyang Yongji Bridge".as_bytes()),
		heritage_site: bounded("程阳八寨 Chengyang Eight Villages".as_bytes()),
		ethnic_group: bounded("侗族 Dong".as_bytes()),
		// The issuer of the demo preset, Alice//stash, is in Qingxiu district.
		area: AreaCode([450103, 450100, 450300][rng.below(3) as usize]),
		description: H256::repeat_byte(1),
		image_uri: bounded(b"ipfs://yongji-bridge.png"),
		certificate: H256::repeat_byte(2),
		max_supply: 1 + rng.below(20) as u32,
		price: [0, 99 * CNY, 1_000 * CNY][rng.below(3) as usize],
		sale_start: start,
		sale_end: start + (1 + rng.below(60)) * DAY_MS,
		per_buyer_limit: 1 + rng.below(3) as u32,
		holding_days: [None, Some(180), Some(365), Some(30)][rng.below(4) as usize],
		benefit: rng.chance(50).then(|| pallet_collectibles::types::Benefit {
			description: H256::repeat_byte(3),
			valid_until: now_ms + (1 + rng.below(400)) * DAY_MS,
		}),
	};
	if spoil {
		match rng.below(4) {
			0 => params.sale_end = params.sale_start,
			1 => params.max_supply = 0,
			2 => params.title = Default::default(),
			_ => params.per_buyer_limit = 0,
		}
	}
	RuntimeCall::Collectibles(pallet_collectibles::Call::create_series { params })
}

fn make_commitment(rng: &mut Rng, now_ms: u64, spoil: bool) -> RuntimeCall {
	use pallet_credit::CommitmentKind::*;
	let kinds = [ServiceQuality, Refund, Price, FoodSafety, Other];
	let valid_from = now_ms.saturating_sub(rng.below(30) * DAY_MS);
	let mut valid_until = now_ms + (1 + rng.below(365)) * DAY_MS;
	if spoil {
		valid_until = valid_from;
	}
	RuntimeCall::Credit(pallet_credit::Call::make_commitment {
		terms: pallet_credit::CommitmentTerms {
			kind: kinds[rng.below(kinds.len() as u64) as usize],
			content_hash: H256::repeat_byte(1 + rng.below(6) as u8),
			valid_from,
			valid_until,
		},
	})
}

fn apply_subchain(rng: &mut Rng, accounts: &[AccountId], spoil: bool) -> RuntimeCall {
	let codes = [*b"GX01", *b"NN02", *b"lz03", *b"GL04", *b"BH05"];
	let ac_code = if spoil { *b"GX-1" } else { codes[rng.below(codes.len() as u64) as usize] };
	let gateways = (0..1 + rng.below(3))
		.map(|_| accounts[rng.below(accounts.len() as u64) as usize].clone())
		.collect::<Vec<_>>();
	RuntimeCall::Supernodes(pallet_supernodes::Call::apply_subchain {
		ac_code,
		chain_type: bounded(b"industry"),
		industry: bounded("文旅 culture and tourism".as_bytes()),
		area: AreaCode([450100, 450200, 450300, 450500][rng.below(4) as usize]),
		gateways: gateways.try_into().unwrap_or_default(),
	})
}
