//! `guilian-node`: the node of Guilian (桂链), a Polkadot SDK chain for trusted consumption in
//! Guangxi. Aura authors blocks, GRANDPA finalizes them, ParityDB stores them.

#![warn(missing_docs)]

mod anchor_relay;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod chain_spec;
mod cli;
mod client;
mod command;
#[cfg(test)]
mod full_block;
mod load;
mod rpc;
mod service;
mod signing;

fn main() {
	if let Err(error) = command::run() {
		// The node's logger buffers lines and writes them from a thread; an error-level line
		// flushes it, so that the error below really is the last line written.
		log::error!("guilian-node is stopping on the error below");
		// One clear line instead of a `Debug` dump: operators read this in a terminal or a log.
		eprintln!("Error: {error}");
		std::process::exit(1);
	}
}
