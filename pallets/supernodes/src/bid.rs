//! BID identifiers (BIF RFC-002) of accounts, and their reverse lookup.

use crate::{pallet::*, types::KeyType};
use alloc::vec::Vec;
use codec::Encode;
use frame_support::pallet_prelude::DispatchResult;

/// The prefix of every BID.
pub const BID_PREFIX: &[u8] = b"did:bid:";
/// The encoding letter of Base58.
pub const BASE58: u8 = b'f';

impl<T: Config> Pallet<T> {
	/// The first 22 bytes of SHA-256 of the account's public key (its 32 encoded bytes).
	pub fn bid_digest(account: &T::AccountId) -> [u8; 22] {
		let hash = sp_io::hashing::sha2_256(&account.encode());
		let mut digest = [0u8; 22];
		digest.copy_from_slice(&hash[..22]);
		digest
	}

	/// The BID of `account` with a key of `key_type`: `did:bid:` + (AC code + `:`) + letter +
	/// `f` + Base58 of the digest.
	pub fn bid_of(account: &T::AccountId, key_type: KeyType) -> Vec<u8> {
		let mut bid = BID_PREFIX.to_vec();
		if let Some(code) = ChainAcCode::<T>::get() {
			bid.extend_from_slice(&code.0);
			bid.push(b':');
		}
		bid.push(key_type.letter());
		bid.push(BASE58);
		bid.extend_from_slice(bs58::encode(Self::bid_digest(account)).into_string().as_bytes());
		bid
	}

	/// The BID of `account` under the key type it registered, if it did.
	pub fn registered_bid(account: &T::AccountId) -> Option<Vec<u8>> {
		BidKeyTypes::<T>::get(account).map(|key_type| Self::bid_of(account, key_type))
	}

	/// The account whose BID on this chain is exactly `bid`, among registered accounts.
	pub fn account_of_bid(bid: &[u8]) -> Option<T::AccountId> {
		let rest = bid.strip_prefix(BID_PREFIX)?;
		// The identifier proper follows the last `:` (after the AC code, if any).
		let start = rest.iter().rposition(|b| *b == b':').map_or(0, |i| i.saturating_add(1));
		let ident = rest.get(start..)?;
		let (&letter, ident) = ident.split_first()?;
		let (&encoding, suffix) = ident.split_first()?;
		if encoding != BASE58 {
			return None;
		}
		let key_type = KeyType::from_letter(letter)?;
		let mut digest = [0u8; 22];
		let written = bs58::decode(suffix).onto(&mut digest[..]).ok()?;
		if written != digest.len() {
			return None;
		}
		let account = AccountByBid::<T>::get(digest)?;
		// Same key type, same AC prefix: exactly the BID the chain produces for it.
		(BidKeyTypes::<T>::get(&account) == Some(key_type) &&
			Self::bid_of(&account, key_type).as_slice() == bid)
			.then_some(account)
	}

	/// Registers the key type of `who`'s BID (replacing an earlier one).
	pub fn do_register_bid(who: T::AccountId, key_type: KeyType) -> DispatchResult {
		AccountByBid::<T>::insert(Self::bid_digest(&who), &who);
		BidKeyTypes::<T>::insert(&who, key_type);
		Self::deposit_event(Event::BidRegistered { who, key_type });
		Ok(())
	}
}
