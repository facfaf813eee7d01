//! Command-line interface: `guilian-node [SUBCOMMAND] [OPTIONS]`.

use sc_cli::RunCmd;

/// The node's command line: runs a node, or one of the subcommands.
#[derive(Debug, clap::Parser)]
pub struct Cli {
	/// The subcommand to run instead of a node.
	#[command(subcommand)]
	pub subcommand: Option<Subcommand>,

	/// Options of a running node (`--dev`, `--chain`, `--validator`, `--rpc-port`, ...).
	#[clap(flatten)]
	pub run: RunCmd,
}

/// Subcommands of `guilian-node`.
#[derive(Debug, clap::Subcommand)]
#[allow(clippy::large_enum_variant)]
pub enum Subcommand {
	/// Key management: generate, inspect and insert keys, generate node keys.
	#[command(subcommand)]
	Key(sc_cli::KeySubcommand),

	/// Build a chain specification (deprecated upstream; prefer `export-chain-spec`).
	BuildSpec(sc_cli::BuildSpecCmd),

	/// Export a chain specification, plain or raw.
	ExportChainSpec(sc_cli::ExportChainSpecCmd),

	/// Validate blocks.
	CheckBlock(sc_cli::CheckBlockCmd),

	/// Export blocks.
	ExportBlocks(sc_cli::ExportBlocksCmd),

	/// Export the state of a given block into a chain spec.
	ExportState(sc_cli::ExportStateCmd),

	/// Import blocks.
	ImportBlocks(sc_cli::ImportBlocksCmd),

	/// Remove the whole chain.
	PurgeChain(sc_cli::PurgeChainCmd),

	/// Revert the chain to a previous state.
	Revert(sc_cli::RevertCmd),

	/// Database metadata of the node.
	ChainInfo(sc_cli::ChainInfoCmd),

	/// Anchor this chain's finalized blocks on a supernode chain, as one of its sub-chains
	/// (`--source` this chain, `--target` the supernode chain, `--subchain` its id there).
	AnchorRelay(crate::anchor_relay::AnchorRelayCmd),

	/// Load a dev node with pre-signed transactions of one workload and report throughput,
	/// latency and the node's resources (`scripts/bench.sh` runs it).
	Load(crate::load::LoadCmd),

	/// Benchmarks that produce the runtime's weights (nodes built with `runtime-benchmarks`).
	#[cfg(feature = "runtime-benchmarks")]
	#[command(subcommand)]
	Benchmark(BenchmarkCmd),
}

/// The benchmarks this node runs.
#[cfg(feature = "runtime-benchmarks")]
#[derive(Debug, clap::Subcommand)]
pub enum BenchmarkCmd {
	/// Benchmark the calls of runtime pallets and write their `weights.rs` (use `--runtime`
	/// with the wasm and `--genesis-builder=runtime`).
	Pallet(frame_benchmarking_cli::PalletCmd),
	/// Measure the base weights: an empty block (`BlockExecutionWeight`) and a NO-OP
	/// extrinsic (`ExtrinsicBaseWeight`), written as `block_weights.rs`/`extrinsic_weights.rs`.
	Overhead(frame_benchmarking_cli::OverheadCmd),
	/// Measure database reads and writes on this node's database (`--db paritydb`), written
	/// as `paritydb_weights.rs`: the runtime's `DbWeight`.
	Storage(frame_benchmarking_cli::StorageCmd),
	/// Time a full block of one extrinsic (`system remark` or `balances transfer_keep_alive`).
	Extrinsic(frame_benchmarking_cli::ExtrinsicCmd),
	/// Check this machine against the reference hardware.
	Machine(frame_benchmarking_cli::MachineCmd),
}
