//! The Guilian runtime with `spec_version` one higher, compiled to wasm only.
//!
//! `scripts/upgrade.sh` builds it (`cargo build --release -p guilian-runtime-next`) and
//! `zombienet/upgrade.zndsl` installs it on a running four-supernode network through a council
//! motion (`supernodes.authorizeUpgrade`) and `system.applyAuthorizedUpgrade`. It is the node's
//! runtime in every other respect, so the rehearsal proves the upgrade path, not new code.

#![no_std]

#[cfg(feature = "runtime-wasm")]
pub use guilian_runtime::*;
