//! # guilian-fuzz: the runtime's invariants under random use
//!
//! Drives the **real runtime** (`guilian_runtime::Executive` on the `development` preset's state,
//! natively) with seeded random transactions of every custom pallet (credit, prepaid,
//! collectibles, disputes, supernodes), made by every role the preset has (regulator, merchants,
//! issuer, consumers, custody bank, supernode operator, strangers and accounts without funds),
//! signed, through sudo, through a council motion and unsigned. Arguments are generated from the
//! runtime's own type information ([`values`]), biased towards meaningful values, so that most
//! calls are plausible and many succeed; some are over-long and must fail to decode. The few
//! creating calls whose arguments must agree with each other come from [`templates`] too.
//!
//! Time moves one slot per block and sometimes hours or weeks at once, so that cooling-off
//! periods, closure notices, complaint deadlines and holding periods pass. After every block it
//! runs every pallet's `try_state` (escrow conservation, deposits, counters, the validator
//! minimum, ...) and checks that no CNY was created or destroyed and that GXC only decreased.
//! A panic anywhere is a finding too.
//!
//! Run it with `scripts/fuzz.sh` (feature `try-runtime`, without which there are no invariants).

pub mod chain;
pub mod rng;
pub mod templates;
pub mod values;

#[cfg(all(test, feature = "try-runtime"))]
mod tests;
