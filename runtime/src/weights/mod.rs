//! Weights measured on this kind of machine by `scripts/generate-weights.sh` (2 cores, 24 GiB):
//! the base weights of a block and of an extrinsic (`benchmark overhead`), the database's read
//! and write weights (`benchmark storage` on ParityDB), and the weights of the SDK's pallets
//! (`benchmark pallet`; all but pallet-nfts, whose calls cannot be dispatched here). Our own
//! pallets keep theirs in `pallets/*/src/weights.rs`.
//!
//! Every file here is generated, with the machine and the command in its header: never edit one
//! by hand, run the script again.

pub mod block_weights;
pub mod extrinsic_weights;
// The generated file documents each field of a struct expression, which rustdoc ignores.
#[allow(unused_doc_comments)]
pub mod paritydb_weights;

pub mod frame_system;
pub mod pallet_assets;
pub mod pallet_balances;
pub mod pallet_collective;
pub mod pallet_sudo;
pub mod pallet_timestamp;
pub mod pallet_utility;

pub use block_weights::BlockExecutionWeight;
pub use extrinsic_weights::ExtrinsicBaseWeight;
pub use paritydb_weights::constants::ParityDbWeight;
