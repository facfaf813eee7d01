//! The credit score: a deterministic integer from a subject's fulfilments and breaches.
//!
//! ```text
//! score = clamp(600 + archived + Σ points(event) × recency(age of event) / 100, 0, 1000)
//!
//! points:   fulfilment +10; breach minor −20, moderate −60, serious −150, critical −400
//! recency:  younger than 90 days 100, younger than 365 days 50, older 25 (percent)
//! archived: events pushed out of the bounded recent list count at 25% for ever
//! ```
//!
//! Integer arithmetic only; the same record at the same time gives the same score on every node.

use crate::types::{CreditEvent, CreditEventKind};
use guilian_primitives::Severity;

/// The score of a subject with no record.
pub const INITIAL_SCORE: u16 = 600;
/// The highest score.
pub const MAX_SCORE: u16 = 1000;

const DAY_MS: u64 = 24 * 60 * 60 * 1000;
/// Events younger than this count in full.
pub const RECENT_AGE_MS: u64 = 90 * DAY_MS;
/// Events younger than this (and not recent) count half.
pub const MIDDLE_AGE_MS: u64 = 365 * DAY_MS;
/// Weight, in percent, of events older than [`MIDDLE_AGE_MS`] and of archived events.
pub const OLD_WEIGHT_PERCENT: i64 = 25;

/// Points of an event before recency weighting.
pub fn points(kind: &CreditEventKind) -> i64 {
	match kind {
		CreditEventKind::Fulfilment => 10,
		CreditEventKind::Breach(Severity::Minor) => -20,
		CreditEventKind::Breach(Severity::Moderate) => -60,
		CreditEventKind::Breach(Severity::Serious) => -150,
		CreditEventKind::Breach(Severity::Critical) => -400,
	}
}

/// Recency weight, in percent, of an event recorded at `at` seen at `now`.
pub fn recency_percent(at: u64, now: u64) -> i64 {
	let age = now.saturating_sub(at);
	if age < RECENT_AGE_MS {
		100
	} else if age < MIDDLE_AGE_MS {
		50
	} else {
		OLD_WEIGHT_PERCENT
	}
}

/// Points an event keeps once archived (at the oldest weight).
pub fn archived_points(event: &CreditEvent) -> i64 {
	points(&event.kind).saturating_mul(OLD_WEIGHT_PERCENT) / 100
}

/// The score at `now` of a record with `archived` points and `recent` events.
pub fn score<'a>(archived: i64, recent: impl IntoIterator<Item = &'a CreditEvent>, now: u64) -> u16 {
	let weighted: i64 = recent
		.into_iter()
		.map(|event| points(&event.kind).saturating_mul(recency_percent(event.at, now)) / 100)
		.fold(0i64, |sum, p| sum.saturating_add(p));
	let raw = i64::from(INITIAL_SCORE).saturating_add(archived).saturating_add(weighted);
	// The clamp makes the conversion lossless.
	raw.clamp(0, i64::from(MAX_SCORE)) as u16
}

#[cfg(test)]
mod tests {
	use super::*;
	use sp_core::H256;

	fn event(kind: CreditEventKind, at: u64) -> CreditEvent {
		CreditEvent { kind, at, evidence: H256::zero() }
	}

	#[test]
	fn no_record_scores_600() {
		assert_eq!(score(0, &[], 0), 600);
	}

	#[test]
	fn breaches_weigh_by_severity_and_fade_with_age() {
		let now = 400 * DAY_MS;
		let serious_today = event(CreditEventKind::Breach(Severity::Serious), now);
		let serious_200_days_ago = event(CreditEventKind::Breach(Severity::Serious), now - 200 * DAY_MS);
		let serious_2_years_ago = event(CreditEventKind::Breach(Severity::Serious), 0);
		assert_eq!(score(0, &[serious_today], now), 450);
		assert_eq!(score(0, &[serious_200_days_ago], now), 525);
		assert_eq!(score(0, &[serious_2_years_ago], now), 563);
	}

	#[test]
	fn score_is_clamped() {
		let critical = event(CreditEventKind::Breach(Severity::Critical), 0);
		assert_eq!(score(0, &[critical.clone(), critical], 0), 0);
		assert_eq!(score(10_000, &[], 0), 1000);
	}
}
