//! Storage migrations of the collectibles pallet, one module per storage version.
//!
//! Each is a [`VersionedMigration`]: it runs only when the on-chain storage version is the one it
//! migrates from, sets the new version when done, and does nothing (one read) on any other chain.
//! The runtime lists them in its `Migrations`; `pre_upgrade`/`post_upgrade` run under
//! `try-runtime` (the runtime's `try_runtime_upgrade` test and the `try-runtime` CLI).

use crate::pallet::{Config, IssuerCount, Issuers, Pallet};
use frame_support::{
	migrations::VersionedMigration,
	traits::{Get, UncheckedOnRuntimeUpgrade},
	weights::Weight,
};

/// Version 1 → 2: counts the licensed issuers into the new `IssuerCount`.
pub mod v2 {
	use super::*;
	#[cfg(feature = "try-runtime")]
	use alloc::vec::Vec;
	#[cfg(feature = "try-runtime")]
	use codec::{Decode, Encode};
	#[cfg(feature = "try-runtime")]
	use frame_support::ensure;

	/// Writes `IssuerCount` from the entries of `Issuers`; use it through [`MigrateV1ToV2`].
	pub struct InitIssuerCount<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for InitIssuerCount<T> {
		fn on_runtime_upgrade() -> Weight {
			// Issuers are licensed one by one by regulators: a few hundred at most in a province,
			// well within one block's reads.
			let issuers = Issuers::<T>::iter_keys().count() as u64;
			IssuerCount::<T>::put(issuers as u32);
			T::DbWeight::get().reads_writes(issuers, 1)
		}

		/// Returns the number of licensed issuers before the migration.
		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<Vec<u8>, sp_runtime::TryRuntimeError> {
			Ok((Issuers::<T>::iter_keys().count() as u32).encode())
		}

		/// Checks that no issuer was lost and that `IssuerCount` counts them.
		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			let before = u32::decode(&mut &state[..])
				.map_err(|_| sp_runtime::TryRuntimeError::Other("pre_upgrade state undecodable"))?;
			let after = Issuers::<T>::iter_keys().count() as u32;
			ensure!(after == before, "the migration changed the licensed issuers");
			ensure!(IssuerCount::<T>::get() == after, "IssuerCount differs from Issuers");
			Ok(())
		}
	}

	/// The storage version 1 → 2 migration, for the runtime's `Migrations`.
	pub type MigrateV1ToV2<T> = VersionedMigration<
		1,
		2,
		InitIssuerCount<T>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}
