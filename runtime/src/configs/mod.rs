//! Pallet configurations, one file per area.
//!
//! - [`system`]: frame-system, timestamp, block weights and length.
//! - [`consensus`]: Aura, GRANDPA and the session (validator set).
//! - [`money`]: GXC balances, transaction fees, the CNY asset (`pallet-assets`).
//! - [`collectibles`]: `pallet-nfts`, the ownership layer of cultural-tourism collectibles, and
//!   `pallet-collectibles`, the compliant layer on top (licensed issuers, sales, gifts, benefits).
//! - [`credit`]: real-name subjects, commitments, credit scores, the credit card.
//! - [`prepaid`]: statutory escrow of prepaid cards.
//! - [`disputes`]: consumer complaints, mediation, rulings, appeals and reviews.
//! - [`supernodes`]: the Xinghuo supernode model: supernodes and the validator set (the
//!   session manager and session length), sub-chains and anchoring, BID, work orders.
//! - [`governance`]: sudo (dev networks only) and utility.

pub mod collectibles;
pub mod consensus;
pub mod credit;
pub mod governance;
pub mod money;
pub mod disputes;
pub mod prepaid;
pub mod supernodes;
pub mod system;
