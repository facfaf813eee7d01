//! `guilian-node load`: a load generator for throughput measurements (`scripts/bench.sh`).
//!
//! It prepares bench accounts (`//Bench//0`, `//Bench//1`, ... of the dev phrase) on a dev chain,
//! pre-signs `--count` transactions of one workload spread over those accounts, submits them over
//! JSON-RPC with `author_submitAndWatchExtrinsic` (as wallets do), and follows every transaction to
//! finality. It reports:
//! - per block: our transactions included, all extrinsics, the normal-class weight used;
//! - sustained transactions per second, from the chain's own block timestamps;
//! - submission-to-inclusion and submission-to-finalization latency (median, p99);
//! - rejected (refused at submission), dropped, invalid and not-finalized transactions, each with
//!   its reason, and transactions that were included but failed in dispatch;
//! - the largest gap between the best and the finalized block during the load;
//! - `system_health` response times during the load;
//! - the node's CPU use and resident memory (with `--node-pid`).
//!
//! Setup uses the dev preset's roles: Alice funds the bench accounts with GXC, Ferdie (the custody
//! bank) mints them CNY, Bob (the Nanning regulator) verifies them as consumers, Charlie (the gym)
//! opens a stored-value plan of which each bench account buys a card, and Alice//stash (the
//! licensed scenic site) opens a collectible series.

use crate::{
	client::{block_on, storage_value_key, ClientError},
	signing::{signed_extrinsic, ChainIdentity},
};
use codec::{Decode, Encode};
use guilian_runtime::{
	opaque, AccountId, BalancesCall, Runtime, RuntimeCall, RuntimeEvent, CNY, CNY_ASSET_ID,
	DAYS_MS, GXC, MILLI_GXC,
};
use jsonrpsee::{
	core::client::{ClientT, SubscriptionClientT},
	rpc_params,
	ws_client::{WsClient, WsClientBuilder},
};
use sc_transaction_pool_api::TransactionStatus;
use sp_core::{sr25519, Bytes, Pair, H256};
use sp_runtime::traits::{BlakeTwo256, Hash as _, Header as _};
use std::{
	collections::{BTreeMap, HashMap},
	sync::{Arc, Mutex},
	time::{Duration, Instant},
};

/// Why the load generator stopped.
type LoadError = ClientError;

/// The transactions a run submits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Workload {
	/// `balances.transfer_allow_death` of 0.01 GXC to a new account each time.
	Transfer,
	/// `assets.transfer` of one fen of CNY to another bench account.
	Asset,
	/// `prepaid.confirm_use` of one fen of a stored-value gym card by its holder.
	CardUse,
	/// `disputes.file_complaint` against the gym, each about a different order.
	Complaint,
	/// `collectibles.buy` of an item of a collectible series.
	Collectible,
}

impl Workload {
	fn name(self) -> &'static str {
		match self {
			Self::Transfer => "balance transfers to new accounts",
			Self::Asset => "CNY asset transfers",
			Self::CardUse => "prepaid card uses",
			Self::Complaint => "complaint filings",
			Self::Collectible => "collectible purchases",
		}
	}
}

/// Options of `guilian-node load`.
#[derive(Debug, Clone, clap::Args)]
pub struct LoadCmd {
	/// WebSocket JSON-RPC endpoint of a dev node (`--dev`: the setup uses its demo roles).
	#[arg(long, value_name = "WS_URL", default_value = "ws://127.0.0.1:9944")]
	pub url: String,

	/// What to submit: one workload or several, comma-separated, run one after the other on
	/// the same node after one setup.
	#[arg(long, value_enum, value_delimiter = ',', required = true)]
	pub workload: Vec<Workload>,

	/// Transactions to submit per workload.
	#[arg(long, default_value_t = 10_000)]
	pub count: u32,

	/// Bench accounts that sign them (round robin). Complaints need one account per 16
	/// transactions (a consumer has at most 16 live complaints).
	#[arg(long, default_value_t = 1_000)]
	pub accounts: u32,

	/// WebSocket connections to submit over.
	#[arg(long, default_value_t = 8)]
	pub connections: u32,

	/// Submit at most this many transactions per second (0: as fast as the node accepts them).
	#[arg(long, default_value_t = 0)]
	pub rate: u32,

	/// Watched transactions per connection at once; keep below the node's
	/// `--rpc-max-subscriptions-per-connection`.
	#[arg(long, default_value_t = 4_000)]
	pub in_flight: u32,

	/// Seconds to wait, after the last submission, for every transaction to be finalized.
	#[arg(long, default_value_t = 120)]
	pub timeout: u64,

	/// The node's process id, to sample its CPU use and resident memory from `/proc`.
	#[arg(long)]
	pub node_pid: Option<u32>,

	/// Write the reports as JSON (an array, one object per workload) to this file.
	#[arg(long, value_name = "FILE")]
	pub json: Option<std::path::PathBuf>,

	/// Skip the setup (bench accounts already funded, verified and holding their cards).
	#[arg(long)]
	pub skip_setup: bool,
}

/// Where a submitted transaction ended.
#[derive(Debug, Clone, Default)]
struct TxTrace {
	submitted: Option<Instant>,
	/// When the node answered the submission (validated it into its pool).
	accepted: Option<Instant>,
	in_block: Option<(H256, Instant)>,
	finalized: Option<(H256, Instant)>,
	/// Refused at submission, dropped, invalid, usurped, or not finalized: why.
	failure: Option<String>,
}

/// A block seen while the load ran.
#[derive(Debug, Clone)]
struct SeenBlock {
	number: u32,
	hash: H256,
}

impl LoadCmd {
	/// Runs the load and prints the report.
	pub fn run(&self) -> sc_cli::Result<()> {
		block_on(self.load())
	}

	async fn load(&self) -> Result<(), LoadError> {
		if self.accounts == 0 || self.count == 0 || self.connections == 0 || self.in_flight == 0 {
			return Err(
				"--accounts, --count, --connections and --in-flight must be at least 1".into()
			);
		}
		if self.workload.contains(&Workload::Complaint)
			&& self.count > self.accounts.saturating_mul(16)
		{
			return Err(format!(
				"{} complaints need at least {} accounts (16 live complaints per consumer)",
				self.count,
				self.count.div_ceil(16)
			)
			.into());
		}
		let mut clients = Vec::new();
		for _ in 0..self.connections {
			clients.push(Arc::new(connect(&self.url).await?));
		}
		let main = clients[0].clone();
		let chain = ChainIdentity::fetch(&*main).await?;
		let started = Instant::now();
		progress(format!("deriving {} bench accounts", self.accounts));
		let accounts: Vec<sr25519::Pair> = (0..self.accounts)
			.map(|i| sr25519::Pair::from_string(&format!("//Bench//{i}"), None))
			.collect::<Result<_, _>>()
			.map_err(|e| format!("deriving a bench account failed: {e:?}"))?;
		let targets = if self.skip_setup {
			self.find_targets(&main, &accounts).await?
		} else {
			self.setup(&main, &chain, &accounts).await?
		};

		let mut reports = Vec::new();
		for &workload in &self.workload {
			progress(format!("signing {} transactions ({})", self.count, workload.name()));
			let signing = Instant::now();
			let mut nonces = Vec::with_capacity(accounts.len());
			for pair in &accounts {
				nonces.push(next_nonce(&main, &account_of(pair)).await?);
			}
			let mut transactions = Vec::with_capacity(self.count as usize);
			for j in 0..self.count {
				let a = (j % self.accounts) as usize;
				let round = j / self.accounts;
				let call = workload_call(workload, j, a, &accounts, &targets)?;
				let nonce = nonces[a].checked_add(round).ok_or("nonce overflow")?;
				transactions.push(signed_extrinsic(&accounts[a], call, nonce, &chain).encode());
			}
			let signing_secs = signing.elapsed().as_secs_f64();
			progress(format!(
				"signed in {signing_secs:.1} s; submitting over {} connections{}",
				self.connections,
				if self.rate == 0 { String::new() } else { format!(" at {} tx/s", self.rate) }
			));
			let report = self.submit_and_follow(&clients, transactions).await?;
			report.print(self, workload, started.elapsed());
			reports.push(report.to_json(self, workload));
		}
		if let Some(path) = &self.json {
			std::fs::write(path, serde_json::to_string_pretty(&reports)?)
				.map_err(|e| format!("cannot write {}: {e}", path.display()))?;
			progress(format!("reports written to {}", path.display()));
		}
		Ok(())
	}

	/// Funds the bench accounts and gives them what the workloads need.
	async fn setup(
		&self,
		client: &WsClient,
		chain: &ChainIdentity,
		accounts: &[sr25519::Pair],
	) -> Result<Targets, LoadError> {
		let dev = |name: &str| {
			sr25519::Pair::from_string(&format!("//{name}"), None).expect("dev keys derive")
		};
		let who: Vec<AccountId> = accounts.iter().map(account_of).collect();
		let needs_verification =
			self.workload.iter().any(|w| matches!(w, Workload::Complaint | Workload::Collectible));
		let needs_cards = self.workload.contains(&Workload::CardUse);
		let needs_series = self.workload.contains(&Workload::Collectible);

		// First round, all in the same block or two: the signers differ.
		progress("setup: Alice sends 100 GXC to each bench account, Ferdie (the custody bank) mints 10,000 CNY each".into());
		let mut round: Vec<futures::future::BoxFuture<'_, Result<(), LoadError>>> = Vec::new();
		let funding = who
			.iter()
			.map(|a| {
				RuntimeCall::Balances(BalancesCall::transfer_keep_alive {
					dest: a.clone().into(),
					value: 100 * GXC,
				})
			})
			.collect();
		round.push(Box::pin(batches(client, chain, dev("Alice"), funding)));
		let minting = who
			.iter()
			.map(|a| {
				RuntimeCall::Assets(pallet_assets::Call::mint {
					id: CNY_ASSET_ID.into(),
					beneficiary: a.clone().into(),
					amount: 10_000 * CNY,
				})
			})
			.collect();
		round.push(Box::pin(batches(client, chain, dev("Ferdie"), minting)));
		if needs_verification {
			progress(
				"setup: Bob, the Nanning regulator, verifies the bench accounts as consumers"
					.into(),
			);
			let verifying = who
				.iter()
				.map(|a| {
					RuntimeCall::Credit(pallet_credit::Call::verify_consumer {
						consumer: a.clone(),
						identity_hash: BlakeTwo256::hash_of(&(b"bench identity", a)),
					})
				})
				.collect();
			round.push(Box::pin(batches(client, chain, dev("Bob"), verifying)));
		}
		let plan: u64 = read_value(client, b"Prepaid", b"NextPlanId").await?.unwrap_or_default();
		if needs_cards {
			progress("setup: Charlie's gym opens a 100 CNY stored-value plan".into());
			let open = RuntimeCall::Prepaid(pallet_prepaid::Call::open_plan {
				kind: pallet_prepaid::PlanKind::StoredValue { value: 100 * CNY },
				validity_days: 365,
				named: false,
			});
			round.push(Box::pin(submit_until_in_block(client, dev("Charlie"), open, chain)));
		}
		let series: u32 =
			read_value(client, b"Collectibles", b"NextSeriesId").await?.unwrap_or_default();
		if needs_series {
			progress("setup: Alice//stash, the licensed scenic site, opens a series of 100,000 items at 1 CNY".into());
			// The chain's clock, or the wall clock while the chain has no block yet (the
			// genesis has no time): the sale window must not be over.
			let chain_now: u64 =
				read_value(client, b"Timestamp", b"Now").await?.unwrap_or_default();
			let wall_now = std::time::SystemTime::now()
				.duration_since(std::time::UNIX_EPOCH)
				.map_or(0, |d| d.as_millis() as u64);
			let now = chain_now.max(wall_now);
			let text = |s: &str| s.as_bytes().to_vec().try_into().map_err(|_| "text too long");
			let params = pallet_collectibles::SeriesParams {
				title: text("青秀山 Qingxiu Mountain bench series")?,
				heritage_site: text("青秀山风景区 Qingxiu Mountain")?,
				ethnic_group: text("壮族 Zhuang")?,
				area: guilian_primitives::AreaCode(450103),
				description: BlakeTwo256::hash(b"bench series"),
				image_uri: text("ipfs://guilian-bench-series.png")?,
				certificate: BlakeTwo256::hash(b"bench certificate"),
				max_supply: 100_000,
				price: CNY,
				sale_start: now.saturating_sub(60_000),
				sale_end: now.saturating_add(30 * DAYS_MS),
				per_buyer_limit: 100_000,
				holding_days: None,
				benefit: None,
			};
			let create =
				RuntimeCall::Collectibles(pallet_collectibles::Call::create_series { params });
			round.push(Box::pin(submit_until_in_block(client, dev("Alice//stash"), create, chain)));
		}
		futures::future::try_join_all(round).await?;
		if needs_series
			&& read_value::<u32>(client, b"Collectibles", b"NextSeriesId")
				.await?
				.unwrap_or_default()
				<= series
		{
			return Err("setup: the collectible series was not created".into());
		}

		// Second round: the cards, once the accounts hold CNY and the plan exists.
		if needs_cards {
			progress(format!(
				"setup: each of the {} bench accounts buys a card of plan {plan}",
				accounts.len()
			));
			let mut buys = Vec::new();
			for pair in accounts {
				let nonce = next_nonce(client, &account_of(pair)).await?;
				let call = RuntimeCall::Prepaid(pallet_prepaid::Call::buy_card { plan });
				buys.push(signed_extrinsic(pair, call, nonce, chain).encode());
			}
			submit_all_until_in_block(client, buys).await?;
		}
		self.find_targets(client, accounts).await
	}

	/// What the calls refer to: each bench account's card, the newest collectible series.
	async fn find_targets(
		&self,
		client: &WsClient,
		accounts: &[sr25519::Pair],
	) -> Result<Targets, LoadError> {
		let mut targets = Targets { cards: Vec::new(), series: None, salt: rand_salt() };
		if self.workload.contains(&Workload::CardUse) {
			for pair in accounts {
				let bytes: Bytes = client
					.request(
						"state_call",
						rpc_params!["PrepaidApi_consumer_cards", Bytes(account_of(pair).encode())],
					)
					.await?;
				let cards =
					Vec::<(u64, pallet_prepaid::Card<AccountId, u128>)>::decode(&mut &bytes[..])?;
				let card = cards
					.into_iter()
					.filter(|(_, card)| card.merchant == gym())
					.map(|(id, _)| id)
					.max()
					.ok_or_else(|| {
						format!("bench account {} holds no card of the gym", account_of(pair))
					})?;
				targets.cards.push(card);
			}
		}
		if self.workload.contains(&Workload::Collectible) {
			let next: u32 =
				read_value(client, b"Collectibles", b"NextSeriesId").await?.unwrap_or_default();
			targets.series = Some(next.checked_sub(1).ok_or("no collectible series exists")?);
		}
		Ok(targets)
	}

	async fn submit_and_follow(
		&self,
		clients: &[Arc<WsClient>],
		transactions: Vec<Vec<u8>>,
	) -> Result<Report, LoadError> {
		let total = transactions.len();
		let traces: Arc<Mutex<Vec<TxTrace>>> =
			Arc::new(Mutex::new(vec![TxTrace::default(); total]));
		let blocks: Arc<Mutex<Vec<(SeenBlock, Instant)>>> = Arc::default();
		let lag = Arc::new(Mutex::new(LagTracker::default()));
		let health: Arc<Mutex<Vec<Duration>>> = Arc::default();
		let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));

		// Heads: every new best block and every finalized block.
		let monitor = clients[0].clone();
		let mut new_heads = monitor
			.subscribe::<opaque::Header, _>(
				"chain_subscribeNewHeads",
				rpc_params![],
				"chain_unsubscribeNewHeads",
			)
			.await?;
		let mut finalized_heads = monitor
			.subscribe::<opaque::Header, _>(
				"chain_subscribeFinalizedHeads",
				rpc_params![],
				"chain_unsubscribeFinalizedHeads",
			)
			.await?;
		// The finalized heads go on to the facts task below.
		let (finalized_tx, mut finalized_rx) = tokio::sync::mpsc::unbounded_channel();
		let (blocks_w, lag_w, stop_w) = (blocks.clone(), lag.clone(), stop.clone());
		let heads_task = tokio::spawn(async move {
			while !stop_w.load(std::sync::atomic::Ordering::Relaxed) {
				tokio::select! {
					Some(Ok(header)) = new_heads.next() => {
						let seen = SeenBlock { number: *header.number(), hash: header.hash() };
						lag_w.lock().expect("lag lock").best(seen.number);
						blocks_w.lock().expect("blocks lock").push((seen, Instant::now()));
					},
					Some(Ok(header)) = finalized_heads.next() => {
						lag_w.lock().expect("lag lock").finalized(*header.number());
						let _ = finalized_tx.send(header);
					},
					_ = tokio::time::sleep(Duration::from_millis(500)) => {},
				}
			}
		});

		// `system_health` every second: the node must stay responsive.
		let (probe, health_w, stop_h) = (clients[0].clone(), health.clone(), stop.clone());
		let health_task = tokio::spawn(async move {
			while !stop_h.load(std::sync::atomic::Ordering::Relaxed) {
				let asked = Instant::now();
				let answer: Result<serde_json::Value, _> =
					probe.request("system_health", rpc_params![]).await;
				let took = asked.elapsed();
				health_w.lock().expect("health lock").push(if answer.is_ok() {
					took
				} else {
					Duration::MAX
				});
				tokio::time::sleep(Duration::from_secs(1).saturating_sub(took)).await;
			}
		});

		// The state the report reads of each finalized block, read as it is finalized: a node
		// keeps the state of its last 256 blocks by default, and a long run outlives that.
		let facts: Arc<Mutex<HashMap<H256, BlockFacts>>> = Arc::default();
		let (recorder, facts_w) = (clients[0].clone(), facts.clone());
		let facts_task = tokio::spawn(async move {
			let mut last_recorded = None;
			let warn = |error: LoadError| {
				eprintln!("load: reading a finalized block's state failed ({error}); the report reads it at the end");
			};
			// Each finalized head the heads task sees, until it stops...
			while let Some(head) = finalized_rx.recv().await {
				if let Err(error) =
					record_finalized(&recorder, head, &mut last_recorded, &facts_w).await
				{
					warn(error);
				}
			}
			// ...then once more, up to the finalized head of now.
			let now: Result<(), LoadError> = async {
				let hash: H256 = recorder.request("chain_getFinalizedHead", rpc_params![]).await?;
				let head = recorder.request("chain_getHeader", rpc_params![hash]).await?;
				record_finalized(&recorder, head, &mut last_recorded, &facts_w).await
			}
			.await;
			if let Err(error) = now {
				warn(error);
			}
		});

		// CPU and memory of the node.
		let sampler = self.node_pid.map(|pid| {
			let stop_s = stop.clone();
			let samples: Arc<Mutex<Vec<ProcSample>>> = Arc::default();
			let samples_w = samples.clone();
			let task = tokio::spawn(async move {
				while !stop_s.load(std::sync::atomic::Ordering::Relaxed) {
					if let Some(sample) = ProcSample::read(pid) {
						samples_w.lock().expect("samples lock").push(sample);
					}
					tokio::time::sleep(Duration::from_millis(500)).await;
				}
			});
			(samples, task)
		});

		// Submission: each connection takes every `connections`-th transaction, in order, so
		// that each account's nonces arrive in sequence on one connection or another.
		let load_started = Instant::now();
		let per_connection_rate =
			if self.rate == 0 { 0.0 } else { f64::from(self.rate) / clients.len() as f64 };
		let mut submitters = Vec::new();
		let transactions = Arc::new(transactions);
		for (c, client) in clients.iter().enumerate() {
			let (client, transactions, traces) =
				(client.clone(), transactions.clone(), traces.clone());
			let (connections, in_flight) = (clients.len(), self.in_flight as usize);
			submitters.push(tokio::spawn(async move {
				let slots = Arc::new(tokio::sync::Semaphore::new(in_flight));
				let mut watchers = Vec::new();
				let mut sent = 0u64;
				for j in (c..transactions.len()).step_by(connections) {
					if per_connection_rate > 0.0 {
						let due = load_started
							+ Duration::from_secs_f64(sent as f64 / per_connection_rate);
						tokio::time::sleep_until(tokio::time::Instant::from_std(due)).await;
					}
					sent += 1;
					let permit = slots.clone().acquire_owned().await.expect("semaphore open");
					// Submitted from its own task: the node validates each transaction before it
					// answers, so that waiting for one answer at a time would pace the load.
					let (client, transactions, traces) =
						(client.clone(), transactions.clone(), traces.clone());
					watchers.push(tokio::spawn(async move {
						let _permit = permit;
						traces.lock().expect("traces lock")[j].submitted = Some(Instant::now());
						let subscription = client
							.subscribe::<TransactionStatus<H256, H256>, _>(
								"author_submitAndWatchExtrinsic",
								rpc_params![Bytes(transactions[j].clone())],
								"author_unwatchExtrinsic",
							)
							.await;
						let mut subscription = match subscription {
							Ok(s) => s,
							Err(e) => {
								traces.lock().expect("traces lock")[j].failure =
									Some(format!("rejected: {e}"));
								return;
							},
						};
						traces.lock().expect("traces lock")[j].accepted = Some(Instant::now());
						while let Some(status) = subscription.next().await {
							let now = Instant::now();
							let mut traces = traces.lock().expect("traces lock");
							let trace = &mut traces[j];
							match status {
								Ok(TransactionStatus::InBlock((block, _))) => {
									trace.in_block = Some((block, now))
								},
								Ok(TransactionStatus::Retracted(_)) => trace.in_block = None,
								Ok(TransactionStatus::Finalized((block, _))) => {
									trace.finalized = Some((block, now));
									return;
								},
								Ok(TransactionStatus::FinalityTimeout(block)) => {
									trace.failure =
										Some(format!("finality timeout in block {block:?}"));
									return;
								},
								Ok(TransactionStatus::Usurped(by)) => {
									trace.failure = Some(format!("usurped by {by:?}"));
									return;
								},
								Ok(TransactionStatus::Dropped) => {
									trace.failure = Some("dropped by the pool".into());
									return;
								},
								Ok(TransactionStatus::Invalid) => {
									trace.failure = Some("became invalid in the pool".into());
									return;
								},
								Ok(_) => {},
								Err(e) => {
									trace.failure = Some(format!("unreadable status: {e}"));
									return;
								},
							}
						}
						let mut traces = traces.lock().expect("traces lock");
						if traces[j].finalized.is_none() && traces[j].failure.is_none() {
							traces[j].failure =
								Some("the node closed the watch before finality".into());
						}
					}));
				}
				watchers
			}));
		}
		let mut watchers = Vec::new();
		for submitter in submitters {
			watchers.extend(submitter.await?);
		}
		progress(format!(
			"all {total} queued in {:.1} s; waiting for finality",
			load_started.elapsed().as_secs_f64()
		));
		let deadline = tokio::time::Instant::now() + Duration::from_secs(self.timeout);
		for watcher in watchers {
			if tokio::time::timeout_at(deadline, watcher).await.is_err() {
				break;
			}
		}
		let load_time = load_started.elapsed();
		stop.store(true, std::sync::atomic::Ordering::Relaxed);
		let _ = heads_task.await;
		let _ = health_task.await;
		let _ = facts_task.await;
		let samples = match sampler {
			Some((samples, task)) => {
				let _ = task.await;
				let samples = samples.lock().expect("samples lock").clone();
				samples
			},
			None => Vec::new(),
		};
		let mut traces = traces.lock().expect("traces lock").clone();
		// From the first submission to the node's answer to the last one.
		let submitted_in = traces
			.iter()
			.filter_map(|t| t.accepted.or(t.submitted))
			.max()
			.map_or(Duration::ZERO, |last| last.duration_since(load_started));
		for trace in &mut traces {
			if trace.finalized.is_none() && trace.failure.is_none() {
				trace.failure = Some(if trace.in_block.is_some() {
					format!("in a block but not finalized within {} s", self.timeout)
				} else {
					format!("still pending after {} s", self.timeout)
				});
			}
		}
		let blocks = blocks.lock().expect("blocks lock").clone();
		let lag = lag.lock().expect("lag lock").max_gap;
		let health = health.lock().expect("health lock").clone();
		let facts = std::mem::take(&mut *facts.lock().expect("facts lock"));
		let block_rows = block_rows(&clients[0], &blocks, &facts, &traces, &transactions).await?;
		Ok(Report { traces, block_rows, lag, health, samples, submitted_in, load_time })
	}
}

/// Workload `workload`'s `j`-th call, signed by bench account `a`.
fn workload_call(
	workload: Workload,
	j: u32,
	a: usize,
	accounts: &[sr25519::Pair],
	targets: &Targets,
) -> Result<RuntimeCall, LoadError> {
	let tag = BlakeTwo256::hash_of(&(b"guilian-bench", workload as u8, j, targets.salt));
	Ok(match workload {
		Workload::Transfer => RuntimeCall::Balances(BalancesCall::transfer_allow_death {
			dest: AccountId::from(tag.0).into(),
			value: 10 * MILLI_GXC,
		}),
		Workload::Asset => RuntimeCall::Assets(pallet_assets::Call::transfer {
			id: CNY_ASSET_ID.into(),
			target: account_of(&accounts[(a + 1) % accounts.len()]).into(),
			amount: 1,
		}),
		Workload::CardUse => RuntimeCall::Prepaid(pallet_prepaid::Call::confirm_use {
			card: *targets.cards.get(a).ok_or("a bench account has no card")?,
			units: 1,
		}),
		Workload::Complaint => RuntimeCall::Disputes(pallet_disputes::Call::file_complaint {
			merchant: gym(),
			category: pallet_disputes::ComplaintCategory::NotAsDescribed,
			reference: pallet_disputes::Reference::Order(tag),
			claimed: CNY,
			evidence: pallet_disputes::Evidence {
				hash: BlakeTwo256::hash_of(&(b"evidence", tag)),
				uri: b"ipfs://guilian-bench-evidence"
					.to_vec()
					.try_into()
					.map_err(|_| "evidence URI too long")?,
			},
		}),
		Workload::Collectible => RuntimeCall::Collectibles(pallet_collectibles::Call::buy {
			series: targets.series.ok_or("no collectible series")?,
		}),
	})
}

/// Ids the workload's calls refer to.
struct Targets {
	cards: Vec<u64>,
	series: Option<u32>,
	/// Makes the new accounts and order references of one run differ from another's.
	salt: u64,
}

fn rand_salt() -> u64 {
	std::time::SystemTime::now()
		.duration_since(std::time::UNIX_EPOCH)
		.map(|d| d.as_nanos() as u64)
		.unwrap_or(0)
}

/// The dev preset's gym, Charlie (绿城健身 Lvcheng Fitness).
fn gym() -> AccountId {
	sp_keyring::Sr25519Keyring::Charlie.to_account_id()
}

fn account_of(pair: &sr25519::Pair) -> AccountId {
	AccountId::from(pair.public())
}

fn progress(message: String) {
	eprintln!("load: {message}");
}

async fn connect(url: &str) -> Result<WsClient, LoadError> {
	WsClientBuilder::default()
		.max_concurrent_requests(65_536)
		.max_buffer_capacity_per_subscription(64)
		.max_request_size(64 * 1024 * 1024)
		.max_response_size(256 * 1024 * 1024)
		.request_timeout(Duration::from_secs(120))
		.build(url)
		.await
		.map_err(|e| format!("cannot connect to {url}: {e} (is a dev node running there?)").into())
}

async fn next_nonce(client: &WsClient, who: &AccountId) -> Result<u32, LoadError> {
	Ok(client.request("system_accountNextIndex", rpc_params![who.to_string()]).await?)
}

/// A `StorageValue` of the best block.
async fn read_value<T: Decode>(
	client: &WsClient,
	pallet: &[u8],
	item: &[u8],
) -> Result<Option<T>, LoadError> {
	let key = storage_value_key(pallet, item);
	let bytes: Option<Bytes> = client.request("state_getStorage", rpc_params![key]).await?;
	Ok(bytes.map(|b| T::decode(&mut &b[..])).transpose()?)
}

/// Submits `call` signed by `signer` and waits until it is in a block and succeeded.
async fn submit_until_in_block(
	client: &WsClient,
	signer: sr25519::Pair,
	call: RuntimeCall,
	chain: &ChainIdentity,
) -> Result<(), LoadError> {
	let nonce = next_nonce(client, &account_of(&signer)).await?;
	let encoded = signed_extrinsic(&signer, call, nonce, chain).encode();
	let block = watch_until_in_block(client, encoded.clone()).await?;
	let body = block_body(client, block).await?;
	let facts = block_facts(client, block).await?;
	match dispatch_failures(&body, &facts.failures, &[BlakeTwo256::hash(&encoded)])
		.into_iter()
		.next()
	{
		Some(error) => Err(format!("setup transaction failed: {error}").into()),
		None => Ok(()),
	}
}

/// Submits pre-signed transactions and waits until each is in a block.
async fn submit_all_until_in_block(
	client: &WsClient,
	transactions: Vec<Vec<u8>>,
) -> Result<(), LoadError> {
	let mut waits = Vec::new();
	for tx in transactions {
		waits.push(watch_until_in_block(client, tx));
	}
	for result in futures::future::join_all(waits).await {
		result?;
	}
	Ok(())
}

async fn watch_until_in_block(client: &WsClient, tx: Vec<u8>) -> Result<H256, LoadError> {
	let mut subscription = client
		.subscribe::<TransactionStatus<H256, H256>, _>(
			"author_submitAndWatchExtrinsic",
			rpc_params![Bytes(tx)],
			"author_unwatchExtrinsic",
		)
		.await
		.map_err(|e| format!("setup transaction refused: {e}"))?;
	while let Some(status) = subscription.next().await {
		match status? {
			TransactionStatus::InBlock((block, _)) | TransactionStatus::Finalized((block, _)) => {
				return Ok(block)
			},
			status if status.is_final() => {
				return Err(format!("setup transaction ended as {status:?}").into())
			},
			_ => {},
		}
	}
	Err("the node closed a setup transaction's watch".into())
}

/// Sends `calls` from `signer` as `utility.force_batch` transactions of at most 200 calls (a
/// failing call, say an account verified by an earlier run, does not undo the others).
async fn batches(
	client: &WsClient,
	chain: &ChainIdentity,
	signer: sr25519::Pair,
	calls: Vec<RuntimeCall>,
) -> Result<(), LoadError> {
	let mut nonce = next_nonce(client, &account_of(&signer)).await?;
	let mut transactions = Vec::new();
	for chunk in calls.chunks(200) {
		let call =
			RuntimeCall::Utility(pallet_utility::Call::force_batch { calls: chunk.to_vec() });
		transactions.push(signed_extrinsic(&signer, call, nonce, chain).encode());
		nonce = nonce.checked_add(1).ok_or("nonce overflow")?;
	}
	submit_all_until_in_block(client, transactions).await
}

type EventRecords = Vec<frame_system::EventRecord<RuntimeEvent, H256>>;

/// A block's body, by hash.
async fn block_body(client: &WsClient, block: H256) -> Result<opaque::Block, LoadError> {
	let body: sp_runtime::generic::SignedBlock<opaque::Block> =
		client.request("chain_getBlock", rpc_params![block]).await?;
	Ok(body.block)
}

/// The dispatch errors, in a block whose body is `body` and whose extrinsics that failed are
/// `failures`, of the extrinsics whose hashes are `ours`.
fn dispatch_failures(
	body: &opaque::Block,
	failures: &BTreeMap<u32, String>,
	ours: &[H256],
) -> Vec<String> {
	body.extrinsics
		.iter()
		.enumerate()
		.filter(|(_, xt)| ours.contains(&BlakeTwo256::hash(&xt.encode())))
		.filter_map(|(i, _)| failures.get(&(i as u32)).cloned())
		.collect()
}

async fn block_events(client: &WsClient, block: H256) -> Result<EventRecords, LoadError> {
	let bytes: Option<Bytes> = client
		.request("state_getStorage", rpc_params![storage_value_key(b"System", b"Events"), block])
		.await?;
	Ok(match bytes {
		Some(bytes) => EventRecords::decode(&mut &bytes[..])?,
		None => Vec::new(),
	})
}

/// The best/finalized gap during the load.
#[derive(Debug, Default)]
struct LagTracker {
	best: u32,
	finalized: u32,
	max_gap: u32,
}

impl LagTracker {
	fn best(&mut self, number: u32) {
		self.best = self.best.max(number);
		self.update();
	}
	fn finalized(&mut self, number: u32) {
		self.finalized = self.finalized.max(number);
		self.update();
	}
	fn update(&mut self) {
		if self.finalized > 0 {
			self.max_gap = self.max_gap.max(self.best.saturating_sub(self.finalized));
		}
	}
}

/// One sample of `/proc/<pid>`: CPU time used so far and resident memory.
#[derive(Debug, Clone, Copy)]
struct ProcSample {
	at: Instant,
	cpu_ticks: u64,
	rss_kib: u64,
}

impl ProcSample {
	fn read(pid: u32) -> Option<Self> {
		let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
		// Fields after the command name (which may contain spaces) start after the last ')'.
		let rest = &stat[stat.rfind(')')? + 2..];
		let fields: Vec<&str> = rest.split_whitespace().collect();
		// utime and stime are fields 14 and 15 of the whole line: 11 and 12 after the name.
		let cpu_ticks =
			fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
		let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
		let rss_kib = status
			.lines()
			.find(|l| l.starts_with("VmRSS:"))?
			.split_whitespace()
			.nth(1)?
			.parse()
			.ok()?;
		Some(Self { at: Instant::now(), cpu_ticks, rss_kib })
	}
}

/// One row of the per-block table.
#[derive(Debug, Clone)]
struct BlockRow {
	number: u32,
	/// The block's own timestamp (ms).
	time: u64,
	ours: u32,
	extrinsics: u32,
	failed: u32,
	/// Normal-class weight used, in picoseconds.
	normal_weight: u64,
}

/// The blocks that include our transactions, with the block before the first (for the time
/// window), from the node.
async fn block_rows(
	client: &WsClient,
	seen: &[(SeenBlock, Instant)],
	facts: &HashMap<H256, BlockFacts>,
	traces: &[TxTrace],
	transactions: &[Vec<u8>],
) -> Result<Vec<BlockRow>, LoadError> {
	let mut finalized_in: BTreeMap<H256, Vec<usize>> = BTreeMap::new();
	for (j, trace) in traces.iter().enumerate() {
		if let Some((block, _)) = trace.finalized {
			finalized_in.entry(block).or_default().push(j);
		}
	}
	let numbers: HashMap<H256, u32> = seen.iter().map(|(b, _)| (b.hash, b.number)).collect();
	let mut rows = Vec::new();
	for (block, ours) in &finalized_in {
		let number = match numbers.get(block) {
			Some(n) => *n,
			None => {
				let header: opaque::Header =
					client.request("chain_getHeader", rpc_params![block]).await?;
				*header.number()
			},
		};
		let body = block_body(client, *block).await?;
		let our_hashes: Vec<H256> =
			ours.iter().map(|j| BlakeTwo256::hash(&transactions[*j])).collect();
		let facts = match facts.get(block) {
			Some(facts) => facts.clone(),
			None => block_facts(client, *block).await?,
		};
		let failed = dispatch_failures(&body, &facts.failures, &our_hashes).len() as u32;
		let (time, normal_weight) = (facts.time, facts.normal_weight);
		rows.push(BlockRow {
			number,
			time,
			ours: ours.len() as u32,
			extrinsics: body.extrinsics.len() as u32,
			failed,
			normal_weight,
		});
	}
	rows.sort_by_key(|r| r.number);
	// The block before the first one with our transactions starts the time window.
	if let Some(first) = rows.first() {
		if first.number > 0 {
			let hash: Option<H256> =
				client.request("chain_getBlockHash", rpc_params![first.number - 1]).await?;
			if let Some(hash) = hash {
				let time = match facts.get(&hash) {
					Some(facts) => facts.time,
					None => block_time(client, hash).await?,
				};
				rows.insert(
					0,
					BlockRow {
						number: first.number - 1,
						time,
						ours: 0,
						extrinsics: 0,
						failed: 0,
						normal_weight: 0,
					},
				);
			}
		}
	}
	Ok(rows)
}

/// What the report needs of a block's state.
#[derive(Debug, Clone)]
struct BlockFacts {
	/// The block's own timestamp (ms).
	time: u64,
	/// Extrinsic index -> dispatch error, for the extrinsics that failed.
	failures: BTreeMap<u32, String>,
	/// Normal-class weight used, in picoseconds.
	normal_weight: u64,
}

async fn block_facts(client: &WsClient, block: H256) -> Result<BlockFacts, LoadError> {
	let failures = block_events(client, block)
		.await?
		.into_iter()
		.filter_map(|record| match (record.phase, record.event) {
			(
				frame_system::Phase::ApplyExtrinsic(i),
				RuntimeEvent::System(frame_system::Event::ExtrinsicFailed {
					dispatch_error, ..
				}),
			) => Some((i, format!("{dispatch_error:?}"))),
			_ => None,
		})
		.collect();
	let weight: Option<Bytes> = client
		.request(
			"state_getStorage",
			rpc_params![storage_value_key(b"System", b"BlockWeight"), block],
		)
		.await?;
	let normal_weight = match weight {
		Some(bytes) => frame_support::dispatch::PerDispatchClass::<sp_runtime::Weight>::decode(
			&mut &bytes[..],
		)?
		.get(frame_support::dispatch::DispatchClass::Normal)
		.ref_time(),
		None => 0,
	};
	Ok(BlockFacts { time: block_time(client, block).await?, failures, normal_weight })
}

/// Records the facts of finalized block `head` and of the finalized blocks between it and the
/// last one recorded (a notification may skip blocks that were finalized together); on the
/// first call, of `head` only.
async fn record_finalized(
	client: &WsClient,
	head: opaque::Header,
	last_recorded: &mut Option<u32>,
	facts: &Mutex<HashMap<H256, BlockFacts>>,
) -> Result<(), LoadError> {
	let mut pending = vec![(*head.number(), head.hash())];
	let mut parent = *head.parent_hash();
	while let Some(last) = *last_recorded {
		let number = pending.last().map_or(0, |(n, _)| *n);
		if number <= last + 1 {
			break;
		}
		let header: opaque::Header = client.request("chain_getHeader", rpc_params![parent]).await?;
		pending.push((*header.number(), parent));
		parent = *header.parent_hash();
	}
	for (number, hash) in pending.into_iter().rev() {
		if last_recorded.is_some_and(|last| number <= last) {
			continue;
		}
		let read = block_facts(client, hash).await?;
		facts.lock().expect("facts lock").insert(hash, read);
		*last_recorded = Some(number);
	}
	Ok(())
}

async fn block_time(client: &WsClient, block: H256) -> Result<u64, LoadError> {
	let key = storage_value_key(b"Timestamp", b"Now");
	let bytes: Option<Bytes> = client.request("state_getStorage", rpc_params![key, block]).await?;
	Ok(bytes.map(|b| u64::decode(&mut &b[..])).transpose()?.unwrap_or(0))
}

/// What a run measured.
struct Report {
	traces: Vec<TxTrace>,
	block_rows: Vec<BlockRow>,
	lag: u32,
	health: Vec<Duration>,
	samples: Vec<ProcSample>,
	submitted_in: Duration,
	load_time: Duration,
}

fn percentile(sorted: &[f64], p: f64) -> Option<f64> {
	if sorted.is_empty() {
		return None;
	}
	let rank = ((p / 100.0) * (sorted.len() as f64 - 1.0)).round() as usize;
	sorted.get(rank.min(sorted.len() - 1)).copied()
}

impl Report {
	fn finalized(&self) -> usize {
		self.traces.iter().filter(|t| t.finalized.is_some()).count()
	}

	fn failed_in_dispatch(&self) -> u32 {
		self.block_rows.iter().map(|r| r.failed).sum()
	}

	/// Included transactions per second over the blocks that carried them, by block timestamps
	/// (from the block before the first to the last).
	fn overall_tps(&self) -> Option<f64> {
		let (first, last) = (self.block_rows.first()?, self.block_rows.last()?);
		let span_ms = last.time.checked_sub(first.time).filter(|s| *s > 0)?;
		let included: u32 = self.block_rows.iter().map(|r| r.ours).sum();
		Some(f64::from(included) * 1000.0 / span_ms as f64)
	}

	/// The same without the first and the last block that carried our transactions, which the
	/// ramp-up and the tail leave partly empty: the rate the chain sustains while fed.
	fn sustained_tps(&self) -> Option<f64> {
		// Rows: the block before the first, then the blocks with ours.
		let ours = self.block_rows.get(1..)?;
		if ours.len() < 3 {
			return None;
		}
		let (start, end) = (&ours[0], &ours[ours.len() - 2]);
		let span_ms = end.time.checked_sub(start.time).filter(|s| *s > 0)?;
		let included: u32 = ours[1..ours.len() - 1].iter().map(|r| r.ours).sum();
		Some(f64::from(included) * 1000.0 / span_ms as f64)
	}

	fn latencies(&self, finalized: bool) -> Vec<f64> {
		let mut out: Vec<f64> = self
			.traces
			.iter()
			.filter_map(|t| {
				let at = if finalized {
					t.finalized.map(|f| f.1)
				} else {
					t.in_block.map(|b| b.1).or(t.finalized.map(|f| f.1))
				};
				Some(at?.duration_since(t.submitted?).as_secs_f64())
			})
			.collect();
		out.sort_by(|a, b| a.total_cmp(b));
		out
	}

	fn failure_reasons(&self) -> BTreeMap<String, usize> {
		let mut reasons = BTreeMap::new();
		for trace in &self.traces {
			if let Some(reason) = &trace.failure {
				// Group per reason, without the per-transaction details (hashes).
				let key = reason.split(" in block ").next().unwrap_or(reason).to_string();
				*reasons.entry(key).or_insert(0) += 1;
			}
		}
		reasons
	}

	fn health_ms(&self) -> Vec<f64> {
		let mut out: Vec<f64> = self
			.health
			.iter()
			.map(|d| if *d == Duration::MAX { f64::INFINITY } else { d.as_secs_f64() * 1000.0 })
			.collect();
		out.sort_by(|a, b| a.total_cmp(b));
		out
	}

	/// Average CPU use of the node in percent of one core, first and largest resident memory.
	fn node_usage(&self) -> Option<(f64, u64, u64)> {
		let (first, last) = (self.samples.first()?, self.samples.last()?);
		let secs = last.at.duration_since(first.at).as_secs_f64();
		if secs <= 0.0 {
			return None;
		}
		// `/proc` counts CPU time in clock ticks, USER_HZ, which is 100 per second on Linux.
		let ticks_per_sec = 100.0;
		let cpu =
			(last.cpu_ticks.saturating_sub(first.cpu_ticks)) as f64 / ticks_per_sec / secs * 100.0;
		let max_rss = self.samples.iter().map(|s| s.rss_kib).max().unwrap_or(0);
		Some((cpu, first.rss_kib, max_rss))
	}

	fn print(&self, cmd: &LoadCmd, workload: Workload, elapsed: Duration) {
		println!();
		println!(
			"Guilian load: {} ({} transactions, {} accounts, {} connections)",
			workload.name(),
			cmd.count,
			cmd.accounts,
			cmd.connections
		);
		println!();
		println!(
			"{:>8} {:>10} {:>8} {:>10} {:>7} {:>9}",
			"block", "time (ms)", "ours", "extrinsics", "failed", "normal %"
		);
		let normal_budget = normal_budget_ref_time();
		for row in &self.block_rows {
			println!(
				"{:>8} {:>10} {:>8} {:>10} {:>7} {:>8.1}%",
				row.number,
				row.time,
				row.ours,
				row.extrinsics,
				row.failed,
				row.normal_weight as f64 * 100.0 / normal_budget as f64
			);
		}
		let fin = self.latencies(true);
		let inc = self.latencies(false);
		let fmt =
			|v: Option<f64>, unit: &str| v.map_or("-".to_string(), |v| format!("{v:.2} {unit}"));
		println!();
		println!(
			"{:<44} {}",
			"submitted",
			self.traces.iter().filter(|t| t.submitted.is_some()).count()
		);
		println!("{:<44} {}", "finalized", self.finalized());
		println!("{:<44} {}", "included but failed in dispatch", self.failed_in_dispatch());
		for (reason, count) in self.failure_reasons() {
			println!("{:<44} {count}", format!("not finalized: {reason}"));
		}
		println!(
			"{:<44} {}",
			"submission time (until the last answer)",
			fmt(Some(self.submitted_in.as_secs_f64()), "s")
		);
		println!(
			"{:<44} {}",
			"throughput, whole run (by block timestamps)",
			fmt(self.overall_tps(), "tx/s")
		);
		println!(
			"{:<44} {}",
			"throughput, sustained (first and last block out)",
			fmt(self.sustained_tps(), "tx/s")
		);
		println!(
			"{:<44} {} / {}",
			"latency to inclusion, median / p99",
			fmt(percentile(&inc, 50.0), "s"),
			fmt(percentile(&inc, 99.0), "s")
		);
		println!(
			"{:<44} {} / {}",
			"latency to finality, median / p99",
			fmt(percentile(&fin, 50.0), "s"),
			fmt(percentile(&fin, 99.0), "s")
		);
		println!("{:<44} {} blocks", "largest best-finalized gap", self.lag);
		let health = self.health_ms();
		println!(
			"{:<44} {} / {} ({} probes)",
			"system_health, median / max",
			fmt(percentile(&health, 50.0), "ms"),
			fmt(health.last().copied(), "ms"),
			health.len()
		);
		if let Some((cpu, rss0, rss)) = self.node_usage() {
			println!("{:<44} {cpu:.0}% of one core", "node CPU, average");
			println!(
				"{:<44} {} MiB -> {} MiB",
				"node resident memory, start -> max",
				rss0 / 1024,
				rss / 1024
			);
		}
		println!(
			"{:<44} {:.1} s (load {:.1} s)",
			"run time",
			elapsed.as_secs_f64(),
			self.load_time.as_secs_f64()
		);
	}

	fn to_json(&self, cmd: &LoadCmd, workload: Workload) -> serde_json::Value {
		let fin = self.latencies(true);
		let inc = self.latencies(false);
		let health = self.health_ms();
		let usage = self.node_usage();
		serde_json::json!({
			"workload": format!("{workload:?}"),
			"description": workload.name(),
			"count": cmd.count,
			"accounts": cmd.accounts,
			"connections": cmd.connections,
			"rate_limit": cmd.rate,
			"submitted": self.traces.iter().filter(|t| t.submitted.is_some()).count(),
			"finalized": self.finalized(),
			"failed_in_dispatch": self.failed_in_dispatch(),
			"not_finalized": self.failure_reasons(),
			"submission_seconds": self.submitted_in.as_secs_f64(),
			"overall_tps": self.overall_tps(),
			"sustained_tps": self.sustained_tps(),
			"inclusion_latency_s": { "median": percentile(&inc, 50.0), "p99": percentile(&inc, 99.0) },
			"finality_latency_s": { "median": percentile(&fin, 50.0), "p99": percentile(&fin, 99.0) },
			"max_best_finalized_gap": self.lag,
			"system_health_ms": {
				"median": percentile(&health, 50.0),
				"max": health.last().copied().filter(|v| v.is_finite()),
				"failed": health.iter().filter(|v| !v.is_finite()).count(),
				"probes": health.len(),
			},
			"node_cpu_percent_of_one_core": usage.map(|u| u.0),
			"node_rss_mib": usage.map(|u| serde_json::json!({ "start": u.1 / 1024, "max": u.2 / 1024 })),
			"blocks": self.block_rows.iter().map(|r| serde_json::json!({
				"number": r.number, "time_ms": r.time, "ours": r.ours, "extrinsics": r.extrinsics,
				"failed": r.failed, "normal_weight_ps": r.normal_weight,
			})).collect::<Vec<_>>(),
		})
	}
}

/// The normal-class weight budget of a block, from the runtime this node was built with.
fn normal_budget_ref_time() -> u64 {
	let weights = <Runtime as frame_system::Config>::BlockWeights::get();
	weights
		.get(frame_support::dispatch::DispatchClass::Normal)
		.max_total
		.unwrap_or(weights.max_block)
		.ref_time()
}
