//! Random SCALE encodings of any type, led by the runtime's own type information (`scale-info`),
//! biased towards values that mean something on Guilian: the dev accounts, small ids, CNY
//! amounts, Guangxi area codes, times around now, a few recurring hashes and texts.
//!
//! The generator does not know the bounds of `BoundedVec`s: mostly it makes short sequences,
//! sometimes long ones, so that some encodings fail to decode, as over-long input must.

use crate::rng::Rng;
use codec::{Compact, Encode};
use scale_info::{form::PortableForm, PortableRegistry, Type, TypeDef, TypeDefPrimitive};

/// Recursion guard: no call argument of ours nests this deep.
const MAX_DEPTH: u32 = 24;

/// Guangxi administrative codes the presets and tests use, and a few that nobody covers.
const AREAS: [u32; 9] = [450000, 450100, 450103, 450105, 450200, 450300, 450500, 110000, 0];

/// Texts that make sense as names, references, URIs, licence numbers or BIDs.
const TEXTS: [&[u8]; 10] = [
	"绿城健身 Lvcheng Fitness".as_bytes(),
	"程阳八寨永济桥".as_bytes(),
	b"ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi",
	b"91450103MA5L000001",
	b"did:bid:ef7zMDbmkRRFj3nSMWGzBZ6B5k2xEqEF",
	b"did:bid:efGXCVcyQNBMcKe8bk2HXB9TKwmPqzqS",
	b"order-2026-11-27-0001",
	b"https://scjg.gxzf.gov.cn/",
	b"GX01",
	b"",
];

/// What the generator draws accounts, hashes and "now" from.
pub struct Pools {
	/// Accounts with and without roles (raw 32-byte ids).
	pub accounts: Vec<[u8; 32]>,
	/// Hashes that recur, so that evidence, licences and identities collide as they would.
	pub hashes: Vec<[u8; 32]>,
	/// The chain's clock (ms), updated as blocks advance.
	pub now_ms: u64,
}

/// Encodes random values of registry types.
pub struct ValueGenerator<'a> {
	registry: &'a PortableRegistry,
	/// The randomness, shared with the driver.
	pub rng: Rng,
	/// Accounts, hashes, time.
	pub pools: Pools,
}

impl<'a> ValueGenerator<'a> {
	/// A generator over `registry`.
	pub fn new(registry: &'a PortableRegistry, rng: Rng, pools: Pools) -> Self {
		Self { registry, rng, pools }
	}

	fn resolve(&self, id: u32) -> &'a Type<PortableForm> {
		self.registry.resolve(id).expect("ids come from the same registry; qed")
	}

	/// Appends a random encoding of type `id` to `out`.
	pub fn value(&mut self, id: u32, out: &mut Vec<u8>, depth: u32) {
		let ty = self.resolve(id);
		if depth > MAX_DEPTH {
			// Give up on this value: the call will fail to decode, which is a valid outcome.
			return;
		}
		match ty.path.ident().as_deref() {
			Some("AccountId32") => return out.extend_from_slice(&self.account()),
			Some("H256") => return out.extend_from_slice(&self.hash()),
			Some("AreaCode") => return self.area().encode_to(out),
			Some("BoundedVec") | Some("WeakBoundedVec") | Some("BoundedBTreeSet") => {
				if let Some(element) = ty.type_params.iter().find_map(|p| p.ty.map(|t| t.id)) {
					return self.sequence(element, out, depth);
				}
			},
			_ => {},
		}
		match &ty.type_def {
			TypeDef::Composite(composite) =>
				for field in &composite.fields {
					self.value(field.ty.id, out, depth + 1);
				},
			TypeDef::Variant(variant) => {
				if variant.variants.is_empty() {
					return;
				}
				let chosen = &variant.variants[self.rng.below(variant.variants.len() as u64) as usize];
				out.push(chosen.index);
				for field in &chosen.fields {
					self.value(field.ty.id, out, depth + 1);
				}
			},
			TypeDef::Sequence(sequence) => self.sequence(sequence.type_param.id, out, depth),
			TypeDef::Array(array) =>
				if self.is_u8(array.type_param.id) {
					self.bytes_exact(array.len as usize, out);
				} else {
					for _ in 0..array.len {
						self.value(array.type_param.id, out, depth + 1);
					}
				},
			TypeDef::Tuple(tuple) =>
				for field in &tuple.fields {
					self.value(field.id, out, depth + 1);
				},
			TypeDef::Primitive(primitive) => self.primitive(primitive, out),
			TypeDef::Compact(compact) => {
				let bits = self.width(compact.type_param.id).unwrap_or(128);
				Compact(self.int(bits)).encode_to(out);
			},
			TypeDef::BitSequence(_) => Compact(0u32).encode_to(out),
		}
	}

	/// One of the pooled accounts (most of the time) or a stranger.
	pub fn account(&mut self) -> [u8; 32] {
		if self.rng.chance(95) {
			let pool = &self.pools.accounts;
			pool[self.rng.below(pool.len() as u64) as usize]
		} else {
			self.random_array()
		}
	}

	fn hash(&mut self) -> [u8; 32] {
		if self.rng.chance(80) {
			let pool = &self.pools.hashes;
			pool[self.rng.below(pool.len() as u64) as usize]
		} else {
			self.random_array()
		}
	}

	fn area(&mut self) -> u32 {
		if self.rng.chance(90) {
			AREAS[self.rng.below(AREAS.len() as u64) as usize]
		} else {
			self.rng.next() as u32
		}
	}

	fn random_array(&mut self) -> [u8; 32] {
		let mut bytes = [0u8; 32];
		for chunk in bytes.chunks_mut(8) {
			chunk.copy_from_slice(&self.rng.next().to_le_bytes());
		}
		bytes
	}

	fn is_u8(&self, id: u32) -> bool {
		matches!(self.resolve(id).type_def, TypeDef::Primitive(TypeDefPrimitive::U8))
	}

	/// The bit width of an integer type, through single-field wrappers (`Compact<Perbill>`).
	fn width(&self, id: u32) -> Option<u32> {
		match &self.resolve(id).type_def {
			TypeDef::Primitive(TypeDefPrimitive::U8) => Some(8),
			TypeDef::Primitive(TypeDefPrimitive::U16) => Some(16),
			TypeDef::Primitive(TypeDefPrimitive::U32) => Some(32),
			TypeDef::Primitive(TypeDefPrimitive::U64) => Some(64),
			TypeDef::Primitive(TypeDefPrimitive::U128) => Some(128),
			TypeDef::Composite(c) if c.fields.len() == 1 => self.width(c.fields[0].ty.id),
			_ => None,
		}
	}

	/// A length: mostly short, sometimes around common bounds, rarely far beyond any.
	fn length(&mut self) -> usize {
		match self.rng.below(100) {
			0..=69 => self.rng.below(5) as usize,
			70..=84 => 4 + self.rng.below(28) as usize,
			85..=96 => [31, 32, 33, 63, 64, 65, 128, 129, 256, 257][self.rng.below(10) as usize],
			_ => 1_000 + self.rng.below(4_000) as usize,
		}
	}

	fn sequence(&mut self, element: u32, out: &mut Vec<u8>, depth: u32) {
		if self.is_u8(element) && self.rng.chance(40) {
			let text = TEXTS[self.rng.below(TEXTS.len() as u64) as usize];
			return text.to_vec().encode_to(out);
		}
		let len = self.length();
		Compact(len as u32).encode_to(out);
		if self.is_u8(element) {
			self.bytes_exact(len, out);
		} else {
			// Elements of other types are costly to make; the length prefix alone decides
			// whether a bounded sequence decodes, so cap what follows.
			for _ in 0..len.min(64) {
				self.value(element, out, depth + 1);
			}
		}
	}

	fn bytes_exact(&mut self, len: usize, out: &mut Vec<u8>) {
		let start = out.len();
		out.resize(start + len, 0);
		for byte in &mut out[start..] {
			*byte = self.rng.next() as u8;
		}
	}

	fn primitive(&mut self, primitive: &TypeDefPrimitive, out: &mut Vec<u8>) {
		match primitive {
			TypeDefPrimitive::Bool => (self.rng.next() & 1 == 1).encode_to(out),
			TypeDefPrimitive::Char => ('a' as u32).encode_to(out),
			TypeDefPrimitive::Str => {
				let text = TEXTS[self.rng.below(TEXTS.len() as u64) as usize];
				text.to_vec().encode_to(out)
			},
			TypeDefPrimitive::U8 | TypeDefPrimitive::I8 => (self.int(8) as u8).encode_to(out),
			TypeDefPrimitive::U16 | TypeDefPrimitive::I16 => (self.int(16) as u16).encode_to(out),
			TypeDefPrimitive::U32 | TypeDefPrimitive::I32 => (self.int(32) as u32).encode_to(out),
			TypeDefPrimitive::U64 | TypeDefPrimitive::I64 => (self.int(64) as u64).encode_to(out),
			TypeDefPrimitive::U128 | TypeDefPrimitive::I128 => self.int(128).encode_to(out),
			TypeDefPrimitive::U256 | TypeDefPrimitive::I256 => self.bytes_exact(32, out),
		}
	}

	/// An integer of `bits` bits: ids, counts, CNY amounts in fen, GXC, times, area codes,
	/// extremes.
	fn int(&mut self, bits: u32) -> u128 {
		let now = self.pools.now_ms as u128;
		const DAY: u128 = 86_400_000;
		let value = match self.rng.below(100) {
			0..=34 => self.rng.below(4) as u128,
			35..=49 => self.rng.below(16) as u128,
			50..=59 => self.rng.below(1_000) as u128,
			60..=71 => [100, 1_500, 9_900, 10_000, 15_000, 100_000, 500_000, 1_000_000]
				[self.rng.below(8) as usize],
			72..=76 => [1_000_000_000_000, 5_000_000_000_000, 1_000_000_000_000_000]
				[self.rng.below(3) as usize],
			77..=84 => match self.rng.below(6) {
				0 => now,
				1 => now + DAY * (1 + self.rng.below(400) as u128),
				2 => now.saturating_sub(DAY * (1 + self.rng.below(1_000) as u128)),
				3 => 180,
				4 => 7 * DAY,
				_ => 30,
			},
			85..=89 => AREAS[self.rng.below(AREAS.len() as u64) as usize] as u128,
			90..=94 => u128::MAX,
			_ => ((self.rng.next() as u128) << 64) | self.rng.next() as u128,
		};
		if bits >= 128 {
			value
		} else {
			value & ((1u128 << bits) - 1)
		}
	}
}
