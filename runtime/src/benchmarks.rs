//! The pallets `guilian-node benchmark pallet` measures (built with `runtime-benchmarks`).

frame_benchmarking::define_benchmarks!(
	[frame_system, SystemBench::<Runtime>]
	[pallet_balances, Balances]
	[pallet_timestamp, Timestamp]
	[pallet_assets, Assets]
	[pallet_utility, Utility]
	[pallet_sudo, Sudo]
	[pallet_collective, Council]
	[pallet_credit, Credit]
	[pallet_prepaid, Prepaid]
	[pallet_collectibles, Collectibles]
	[pallet_disputes, Disputes]
	[pallet_supernodes, Supernodes]
);
