//! Risk early-warning (预警): a merchant's level from what consumers stand to lose.
//!
//! | level | when |
//! | --- | --- |
//! | Critical | suspended or closed with cards outstanding, debts to consumers, or closing with advances drawn |
//! | High | more than half of the unused value advanced, credit tier D, 10+ open complaints, abnormal or blacklisted |
//! | Watch | more than 30% advanced, 3+ open complaints, or a closure announced |
//!
//! Every merchant starts at credit tier C (score 600), so tier C alone raises no warning.
//! | Low | otherwise |

use crate::types::RiskLevel;
use guilian_primitives::{CreditTier, MerchantStatus};

/// What the assessment looks at.
pub struct RiskInputs {
	/// Unused value of its active cards, in fen.
	pub unused: u128,
	/// Part of it drawn in advance.
	pub advanced: u128,
	/// Refunds it owes consumers.
	pub debt: u128,
	/// Active cards.
	pub cards: u32,
	/// Its credit tier.
	pub tier: CreditTier,
	/// Its status in pallet-credit.
	pub status: MerchantStatus,
	/// Complaints against it not yet resolved.
	pub open_complaints: u32,
	/// Whether it announced its closure.
	pub closing: bool,
}

/// The level for `inputs` (see the module table).
pub fn assess(inputs: &RiskInputs) -> RiskLevel {
	let gone = matches!(inputs.status, MerchantStatus::Suspended | MerchantStatus::Closed);
	if (gone && inputs.cards > 0) || inputs.debt > 0 || (inputs.closing && inputs.advanced > 0) {
		return RiskLevel::Critical;
	}
	let advanced_over = |percent: u128| {
		inputs.advanced.saturating_mul(100) > inputs.unused.saturating_mul(percent)
	};
	if advanced_over(50) ||
		inputs.tier == CreditTier::D ||
		inputs.open_complaints >= 10 ||
		matches!(inputs.status, MerchantStatus::Abnormal | MerchantStatus::Blacklisted)
	{
		return RiskLevel::High;
	}
	if advanced_over(30) || inputs.open_complaints >= 3 || inputs.closing {
		return RiskLevel::Watch;
	}
	RiskLevel::Low
}

#[cfg(test)]
mod tests {
	use super::*;

	fn inputs() -> RiskInputs {
		RiskInputs {
			unused: 10_000,
			advanced: 0,
			debt: 0,
			cards: 1,
			tier: CreditTier::B,
			status: MerchantStatus::Active,
			open_complaints: 0,
			closing: false,
		}
	}

	#[test]
	fn levels_follow_the_table() {
		assert_eq!(assess(&inputs()), RiskLevel::Low);
		assert_eq!(assess(&RiskInputs { advanced: 3_001, ..inputs() }), RiskLevel::Watch);
		assert_eq!(assess(&RiskInputs { advanced: 5_001, ..inputs() }), RiskLevel::High);
		assert_eq!(assess(&RiskInputs { tier: CreditTier::C, ..inputs() }), RiskLevel::Low);
		assert_eq!(assess(&RiskInputs { tier: CreditTier::D, ..inputs() }), RiskLevel::High);
		assert_eq!(assess(&RiskInputs { open_complaints: 10, ..inputs() }), RiskLevel::High);
		assert_eq!(assess(&RiskInputs { closing: true, ..inputs() }), RiskLevel::Watch);
		assert_eq!(assess(&RiskInputs { closing: true, advanced: 1, ..inputs() }), RiskLevel::Critical);
		assert_eq!(assess(&RiskInputs { status: MerchantStatus::Suspended, ..inputs() }), RiskLevel::Critical);
		assert_eq!(assess(&RiskInputs { status: MerchantStatus::Suspended, cards: 0, ..inputs() }), RiskLevel::Low);
	}
}
