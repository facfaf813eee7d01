//! `guilian-fuzz [--seed N] [--calls N]`: see the crate docs and `scripts/fuzz.sh`.

use guilian_fuzz::chain::{Fuzzer, Report};
use std::{process::ExitCode, time::Instant};

const USAGE: &str = "usage: guilian-fuzz [--seed N] [--calls N]   (defaults: seed 1, 20000 calls)";

fn main() -> ExitCode {
	if !cfg!(feature = "try-runtime") {
		eprintln!("guilian-fuzz: built without the try-runtime feature, so there are no invariants to check; run scripts/fuzz.sh");
		return ExitCode::from(2);
	}
	let (mut seed, mut calls) = (1u64, 20_000u64);
	let mut args = std::env::args().skip(1);
	while let Some(arg) = args.next() {
		let value = args.next().and_then(|v| v.replace('_', "").parse::<u64>().ok());
		match (arg.as_str(), value) {
			("--seed", Some(v)) => seed = v,
			("--calls", Some(v)) => calls = v,
			_ => {
				eprintln!("guilian-fuzz: bad argument {arg:?}\n{USAGE}");
				return ExitCode::from(2);
			},
		}
	}
	println!("guilian-fuzz: seed {seed}, {calls} calls on the development preset");
	let started = Instant::now();
	let mut fuzzer = Fuzzer::new(seed);
	let result = fuzzer.run(calls, |report| {
		println!(
			"  block {:>6} · day {:>4} · {:>8} calls · {:>6.0} calls/s",
			report.blocks,
			report.days,
			report.attempted,
			report.attempted as f64 / started.elapsed().as_secs_f64()
		)
	});
	print_report(&fuzzer.report, started.elapsed().as_secs_f64());
	match result {
		Ok(()) => {
			println!("no invariant broken, no panic (seed {seed})");
			ExitCode::SUCCESS
		},
		Err(finding) => {
			println!("\nFINDING at block {} (seed {seed}): {}", finding.block, finding.what);
			println!("the last calls, newest last:");
			for call in finding.recent {
				println!("  {call}");
			}
			ExitCode::FAILURE
		},
	}
}

fn print_report(report: &Report, seconds: f64) {
	let (mut ok, mut failed, mut refused) = (0, 0, 0);
	println!("\n{:<40} {:>8} {:>8} {:>8}", "call", "ok", "failed", "refused");
	for (name, stats) in &report.calls {
		println!("{name:<40} {:>8} {:>8} {:>8}", stats.ok, stats.failed, stats.refused);
		ok += stats.ok;
		failed += stats.failed;
		refused += stats.refused;
	}
	println!(
		"\n{} calls in {:.0} s ({:.0}/s), {} blocks ({} calls did not fit), {} days of chain time: {ok} ok, {failed} failed \
		 in dispatch, {refused} refused; {} generated encodings did not decode; random bytes: {} \
		 decoded, {} refused",
		report.attempted,
		seconds,
		report.attempted as f64 / seconds,
		report.blocks,
		report.block_full,
		report.days,
		report.undecodable,
		report.raw_decodes.0,
		report.raw_decodes.1,
	);
	let mut errors: Vec<_> = report.errors.iter().collect();
	errors.sort_by(|a, b| b.1.cmp(a.1));
	println!("most frequent errors (GUILIAN_FUZZ_ERRORS=N shows N):");
	let shown = std::env::var("GUILIAN_FUZZ_ERRORS").ok().and_then(|n| n.parse().ok()).unwrap_or(15);
	for (error, count) in errors.iter().take(shown) {
		println!("  {count:>8}  {error}");
	}
	let never: Vec<_> = report.calls.iter().filter(|(_, s)| s.ok == 0).map(|(n, _)| n.as_str()).collect();
	println!("calls that never succeeded ({}): {}", never.len(), never.join(", "));
}
