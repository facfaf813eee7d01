//! Dispatches the command line to the node or to a subcommand.

use crate::{
	chain_spec,
	cli::{Cli, Subcommand},
	service,
};
use guilian_runtime::opaque::Block;
use sc_cli::SubstrateCli;
use sc_service::PartialComponents;

impl SubstrateCli for Cli {
	fn impl_name() -> String {
		"Guilian Node".into()
	}

	fn impl_version() -> String {
		env!("SUBSTRATE_CLI_IMPL_VERSION").into()
	}

	fn description() -> String {
		env!("CARGO_PKG_DESCRIPTION").into()
	}

	fn author() -> String {
		env!("CARGO_PKG_AUTHORS").into()
	}

	fn support_url() -> String {
		"https://github.com/guilian-chain/guilian/issues".into()
	}

	fn copyright_start_year() -> i32 {
		2026
	}

	fn load_spec(&self, id: &str) -> Result<Box<dyn sc_service::ChainSpec>, String> {
		chain_spec::load(id)
	}
}

/// Parses the command line and runs what it asks for.
pub fn run() -> sc_cli::Result<()> {
	let cli = Cli::from_args();

	match &cli.subcommand {
		Some(Subcommand::Key(cmd)) => cmd.run(&cli),
		Some(Subcommand::AnchorRelay(cmd)) => {
			// Logs like a node: `-l`/`RUST_LOG` apply.
			sc_cli::LoggerBuilder::new(cli.run.shared_params.log.join(",")).init()?;
			cmd.run()
		},
		Some(Subcommand::Load(cmd)) => cmd.run(),
		Some(Subcommand::BuildSpec(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run(config.chain_spec, config.network))
		},
		Some(Subcommand::ExportChainSpec(cmd)) => {
			let spec = cli.load_spec(&cmd.chain)?;
			cmd.run(spec)
		},
		Some(Subcommand::CheckBlock(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, import_queue, .. } =
					service::new_partial(&config)?;
				Ok((cmd.run(client, import_queue), task_manager))
			})
		},
		Some(Subcommand::ExportBlocks(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, .. } = service::new_partial(&config)?;
				Ok((cmd.run(client, config.database), task_manager))
			})
		},
		Some(Subcommand::ExportState(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, .. } = service::new_partial(&config)?;
				Ok((cmd.run(client, config.chain_spec), task_manager))
			})
		},
		Some(Subcommand::ImportBlocks(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, import_queue, .. } =
					service::new_partial(&config)?;
				Ok((cmd.run(client, import_queue), task_manager))
			})
		},
		Some(Subcommand::PurgeChain(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run(config.database))
		},
		Some(Subcommand::Revert(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, backend, .. } =
					service::new_partial(&config)?;
				let aux_revert = Box::new(|client, _, blocks| {
					sc_consensus_grandpa::revert(client, blocks)?;
					Ok(())
				});
				Ok((cmd.run(client, backend, Some(aux_revert)), task_manager))
			})
		},
		Some(Subcommand::ChainInfo(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run::<Block>(&config))
		},
		#[cfg(feature = "runtime-benchmarks")]
		Some(Subcommand::Benchmark(crate::cli::BenchmarkCmd::Pallet(cmd))) => {
			if cmd.runtime.is_none() {
				return Err(
					"pass the runtime wasm with `--runtime` and `--genesis-builder=runtime` \
					(scripts/generate-weights.sh does)"
						.into(),
				);
			}
			cmd.run_with_spec::<sp_runtime::traits::HashingFor<Block>, ()>(None)
		},
		#[cfg(feature = "runtime-benchmarks")]
		Some(Subcommand::Benchmark(crate::cli::BenchmarkCmd::Overhead(cmd))) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| {
				let PartialComponents { client, .. } = service::new_partial(&config)?;
				let builder = crate::benchmarking::RemarkBuilder::new(client.clone());
				cmd.run(
					config.chain_spec.name().into(),
					client,
					crate::benchmarking::inherent_benchmark_data()?,
					Vec::new(),
					&builder,
					false,
				)
			})
		},
		#[cfg(feature = "runtime-benchmarks")]
		Some(Subcommand::Benchmark(crate::cli::BenchmarkCmd::Storage(cmd))) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| {
				let PartialComponents { client, backend, .. } = service::new_partial(&config)?;
				let db = backend.expose_db();
				let storage = backend.expose_storage();
				let shared_trie_cache = backend.expose_shared_trie_cache();
				cmd.run(config, client, db, storage, shared_trie_cache)
			})
		},
		#[cfg(feature = "runtime-benchmarks")]
		Some(Subcommand::Benchmark(crate::cli::BenchmarkCmd::Extrinsic(cmd))) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| {
				let PartialComponents { client, .. } = service::new_partial(&config)?;
				let factory = frame_benchmarking_cli::ExtrinsicFactory(vec![
					Box::new(crate::benchmarking::RemarkBuilder::new(client.clone())),
					Box::new(crate::benchmarking::TransferKeepAliveBuilder::new(client.clone())),
				]);
				cmd.run(
					client,
					crate::benchmarking::inherent_benchmark_data()?,
					Vec::new(),
					&factory,
				)
			})
		},
		#[cfg(feature = "runtime-benchmarks")]
		Some(Subcommand::Benchmark(crate::cli::BenchmarkCmd::Machine(cmd))) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| {
				cmd.run(&config, frame_benchmarking_cli::SUBSTRATE_REFERENCE_HARDWARE.clone())
			})
		},
		None => {
			let runner = cli.create_runner(&cli.run)?;
			runner.run_node_until_exit(|mut config| async move {
				refuse_taken_rpc_ports(&mut config)?;
				match config.network.network_backend {
					sc_network::config::NetworkBackendType::Libp2p => service::new_full::<
						sc_network::NetworkWorker<
							Block,
							<Block as sp_runtime::traits::Block>::Hash,
						>,
					>(config)
					.map_err(sc_cli::Error::Service),
					sc_network::config::NetworkBackendType::Litep2p => {
						service::new_full::<sc_network::Litep2pNetworkBackend>(config)
							.map_err(sc_cli::Error::Service)
					},
				}
			})
		},
	}
}

/// sc-cli retries a random port when the RPC port is taken, which leaves a dApp or a script
/// talking to nothing: a node of Guilian stops instead, naming the address.
fn refuse_taken_rpc_ports(config: &mut sc_service::Configuration) -> sc_cli::Result<()> {
	let Some(endpoints) = config.rpc.addr.as_mut() else {
		return Ok(());
	};
	for endpoint in endpoints {
		endpoint.retry_random_port = false;
		// Optional endpoints (IPv6 where the host may lack it) are allowed to fail.
		if !endpoint.is_optional {
			if let Err(error) = std::net::TcpListener::bind(endpoint.listen_addr) {
				return Err(sc_cli::Error::Input(format!(
					"the RPC address {} is not available ({error}): stop what uses it or pass \
					 another --rpc-port",
					endpoint.listen_addr
				)));
			}
		}
	}
	Ok(())
}
