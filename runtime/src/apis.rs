//! The runtime APIs: what the node, polkadot.js apps and dApps call into the runtime for.
//!
//! They appear in metadata V15/V16, so `@polkadot/api` decorates them as `api.call.<api>.<method>`
//! with no custom type definitions.

use alloc::vec::Vec;
use frame_support::{
	genesis_builder_helper::{build_state, get_preset},
	weights::Weight,
};
use pallet_grandpa::AuthorityId as GrandpaId;
use sp_api::impl_runtime_apis;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_core::{crypto::KeyTypeId, OpaqueMetadata};
use sp_runtime::{
	traits::{Block as BlockT, NumberFor},
	transaction_validity::{TransactionSource, TransactionValidity},
	ApplyExtrinsicResult,
};
use sp_version::RuntimeVersion;

use crate::{
	AccountId, Aura, Balance, Block, BlockNumber, Collectibles, Credit, Disputes, Executive, Grandpa, InherentDataExt, Nonce, Prepaid, Runtime,
	RuntimeCall, Supernodes, RuntimeGenesisConfig, SessionKeys, System, TransactionPayment, VERSION,
};

impl_runtime_apis! {
	impl sp_api::Core<Block> for Runtime {
		fn version() -> RuntimeVersion {
			VERSION
		}

		fn execute_block(block: <Block as BlockT>::LazyBlock) {
			Executive::execute_block(block);
		}

		fn initialize_block(header: &<Block as BlockT>::Header) -> sp_runtime::ExtrinsicInclusionMode {
			Executive::initialize_block(header)
		}
	}

	impl sp_api::Metadata<Block> for Runtime {
		fn metadata() -> OpaqueMetadata {
			OpaqueMetadata::new(Runtime::metadata().into())
		}

		fn metadata_at_version(version: u32) -> Option<OpaqueMetadata> {
			Runtime::metadata_at_version(version)
		}

		fn metadata_versions() -> Vec<u32> {
			Runtime::metadata_versions()
		}
	}

	impl frame_support::view_functions::runtime_api::RuntimeViewFunction<Block> for Runtime {
		fn execute_view_function(
			id: frame_support::view_functions::ViewFunctionId,
			input: Vec<u8>,
		) -> Result<Vec<u8>, frame_support::view_functions::ViewFunctionDispatchError> {
			Runtime::execute_view_function(id, input)
		}
	}

	impl sp_block_builder::BlockBuilder<Block> for Runtime {
		fn apply_extrinsic(extrinsic: <Block as BlockT>::Extrinsic) -> ApplyExtrinsicResult {
			Executive::apply_extrinsic(extrinsic)
		}

		fn finalize_block() -> <Block as BlockT>::Header {
			Executive::finalize_block()
		}

		fn inherent_extrinsics(data: sp_inherents::InherentData) -> Vec<<Block as BlockT>::Extrinsic> {
			data.create_extrinsics()
		}

		fn check_inherents(
			block: <Block as BlockT>::LazyBlock,
			data: sp_inherents::InherentData,
		) -> sp_inherents::CheckInherentsResult {
			data.check_extrinsics(&block)
		}
	}

	impl sp_transaction_pool::runtime_api::TaggedTransactionQueue<Block> for Runtime {
		fn validate_transaction(
			source: TransactionSource,
			tx: <Block as BlockT>::Extrinsic,
			block_hash: <Block as BlockT>::Hash,
		) -> TransactionValidity {
			Executive::validate_transaction(source, tx, block_hash)
		}
	}

	impl sp_offchain::OffchainWorkerApi<Block> for Runtime {
		fn offchain_worker(header: &<Block as BlockT>::Header) {
			Executive::offchain_worker(header)
		}
	}

	impl sp_consensus_aura::AuraApi<Block, AuraId> for Runtime {
		fn slot_duration() -> sp_consensus_aura::SlotDuration {
			sp_consensus_aura::SlotDuration::from_millis(Aura::slot_duration())
		}

		fn authorities() -> Vec<AuraId> {
			pallet_aura::Authorities::<Runtime>::get().into_inner()
		}
	}

	impl sp_session::SessionKeys<Block> for Runtime {
		fn generate_session_keys(owner: Vec<u8>, seed: Option<Vec<u8>>) -> sp_session::OpaqueGeneratedSessionKeys {
			SessionKeys::generate(&owner, seed).into()
		}

		fn decode_session_keys(encoded: Vec<u8>) -> Option<Vec<(Vec<u8>, KeyTypeId)>> {
			SessionKeys::decode_into_raw_public_keys(&encoded)
		}
	}

	impl sp_consensus_grandpa::GrandpaApi<Block> for Runtime {
		fn grandpa_authorities() -> sp_consensus_grandpa::AuthorityList {
			Grandpa::grandpa_authorities()
		}

		fn current_set_id() -> sp_consensus_grandpa::SetId {
			Grandpa::current_set_id()
		}

		fn submit_report_equivocation_unsigned_extrinsic(
			_equivocation_proof: sp_consensus_grandpa::EquivocationProof<
				<Block as BlockT>::Hash,
				NumberFor<Block>,
			>,
			_key_owner_proof: sp_consensus_grandpa::OpaqueKeyOwnershipProof,
		) -> Option<()> {
			// `KeyOwnerProof` is `Void`: without staking there is nothing to slash.
			None
		}

		fn generate_key_ownership_proof(
			_set_id: sp_consensus_grandpa::SetId,
			_authority_id: GrandpaId,
		) -> Option<sp_consensus_grandpa::OpaqueKeyOwnershipProof> {
			None
		}
	}

	impl pallet_credit::runtime_api::CreditApi<Block, AccountId, BlockNumber> for Runtime {
		fn profile(who: AccountId) -> pallet_credit::CreditProfile {
			Credit::profile(&who)
		}

		fn commitment(id: u64) -> Option<pallet_credit::CommitmentEvidence<AccountId, BlockNumber>> {
			pallet_credit::Commitments::<Runtime>::get(id)
				.map(|commitment| pallet_credit::CommitmentEvidence { id, commitment })
		}

		fn merchant_discounts(merchant: AccountId) -> Option<pallet_credit::TierDiscounts> {
			pallet_credit::Discounts::<Runtime>::get(merchant)
		}

		fn relay_signing_payload(payload: pallet_credit::RelayedCommitment<AccountId>) -> Vec<u8> {
			Credit::relay_signing_payload(&payload)
		}
	}

	impl pallet_disputes::runtime_api::DisputesApi<Block, AccountId, Balance, Balance> for Runtime {
		fn complaint(
			id: pallet_disputes::ComplaintId,
		) -> Option<(
			pallet_disputes::Complaint<AccountId, Balance, Balance>,
			Vec<pallet_disputes::TimedStep<AccountId, Balance>>,
		)> {
			Disputes::complaint_with_history(id)
		}

		fn merchant_stats(merchant: AccountId) -> pallet_disputes::MerchantStats {
			pallet_disputes::Stats::<Runtime>::get(&merchant)
		}

		fn ranking(
			area: guilian_primitives::AreaCode,
			offset: u32,
			limit: u32,
		) -> Vec<(AccountId, pallet_disputes::MerchantStats)> {
			Disputes::ranking(area, offset, limit)
		}

		fn review(transaction: pallet_disputes::Transaction) -> Option<pallet_disputes::Review<AccountId>> {
			pallet_disputes::Reviews::<Runtime>::get(transaction)
		}
	}

	impl pallet_prepaid::runtime_api::PrepaidApi<Block, AccountId, Balance> for Runtime {
		fn card(id: pallet_prepaid::CardId) -> Option<pallet_prepaid::Card<AccountId, Balance>> {
			pallet_prepaid::Cards::<Runtime>::get(id)
		}

		fn consumer_cards(who: AccountId) -> Vec<(pallet_prepaid::CardId, pallet_prepaid::Card<AccountId, Balance>)> {
			pallet_prepaid::ConsumerCards::<Runtime>::get(&who)
				.into_iter()
				.filter_map(|id| pallet_prepaid::Cards::<Runtime>::get(id).map(|card| (id, card)))
				.collect()
		}

		fn merchant_exposure(merchant: AccountId) -> pallet_prepaid::MerchantExposure<Balance> {
			pallet_prepaid::MerchantExposure {
				exposure: pallet_prepaid::Exposures::<Runtime>::get(&merchant),
				risk: pallet_prepaid::RiskLevels::<Runtime>::get(&merchant),
				closes_at: pallet_prepaid::Closures::<Runtime>::get(&merchant),
			}
		}

		fn merchants_at_risk(
			start: Option<AccountId>,
			limit: u32,
		) -> Vec<(AccountId, pallet_prepaid::RiskLevel)> {
			let iter = match start {
				Some(after) => pallet_prepaid::RiskLevels::<Runtime>::iter_from(
					pallet_prepaid::RiskLevels::<Runtime>::hashed_key_for(&after),
				),
				None => pallet_prepaid::RiskLevels::<Runtime>::iter(),
			};
			iter.filter(|(_, level)| *level >= pallet_prepaid::RiskLevel::High)
				.take(limit.min(100) as usize)
				.collect()
		}

		fn escrow_account(merchant: AccountId) -> AccountId {
			Prepaid::escrow_account(&merchant)
		}

		fn use_signing_payload(card: pallet_prepaid::CardId, units: u32, nonce: u32) -> Vec<u8> {
			Prepaid::use_signing_payload(card, units, nonce)
		}
	}

	impl pallet_collectibles::runtime_api::CollectiblesApi<
		Block,
		AccountId,
		pallet_collectibles::SeriesOf<Runtime>,
		pallet_collectibles::ItemOf<Runtime>,
	> for Runtime {
		fn series(id: pallet_collectibles::SeriesId) -> Option<pallet_collectibles::SeriesOf<Runtime>> {
			pallet_collectibles::Series::<Runtime>::get(id)
		}

		fn item(
			series: pallet_collectibles::SeriesId,
			item: pallet_collectibles::ItemId,
		) -> Option<pallet_collectibles::ItemOf<Runtime>> {
			pallet_collectibles::Items::<Runtime>::get(series, item)
		}

		fn holdings(
			who: AccountId,
			start: Option<(pallet_collectibles::SeriesId, pallet_collectibles::ItemId)>,
			limit: u32,
		) -> Vec<(pallet_collectibles::SeriesId, pallet_collectibles::ItemId, pallet_collectibles::ItemOf<Runtime>)> {
			Collectibles::holdings(&who, start, limit)
		}

		fn issuer(who: AccountId) -> Option<pallet_collectibles::IssuerLicence<AccountId>> {
			pallet_collectibles::Issuers::<Runtime>::get(&who)
		}

		fn redeem_signing_payload(
			series: pallet_collectibles::SeriesId,
			item: pallet_collectibles::ItemId,
		) -> Option<Vec<u8>> {
			Collectibles::redeem_signing_payload(series, item)
		}
	}

	impl pallet_supernodes::runtime_api::SupernodesApi<
		Block,
		AccountId,
		BlockNumber,
		pallet_supernodes::SupernodeOf<Runtime>,
		pallet_supernodes::SubChainOf<Runtime>,
	> for Runtime {
		fn supernodes() -> Vec<(AccountId, pallet_supernodes::SupernodeOf<Runtime>)> {
			Supernodes::supernodes()
		}

		fn validators() -> Vec<(AccountId, AccountId, bool)> {
			Supernodes::validators()
		}

		fn planned_validators() -> Vec<AccountId> {
			pallet_supernodes::PlannedValidators::<Runtime>::get().into_inner()
		}

		fn session_length() -> BlockNumber {
			pallet_supernodes::SessionLength::<Runtime>::get()
		}

		fn chain_ac_code() -> Option<pallet_supernodes::AcCode> {
			pallet_supernodes::ChainAcCode::<Runtime>::get()
		}

		fn subchain(id: pallet_supernodes::SubChainId) -> Option<pallet_supernodes::SubChainOf<Runtime>> {
			pallet_supernodes::SubChains::<Runtime>::get(id)
		}

		fn subchain_by_ac(code: [u8; 4]) -> Option<pallet_supernodes::SubChainId> {
			pallet_supernodes::AcCode::normalize(code)
				.and_then(pallet_supernodes::SubChainByAc::<Runtime>::get)
		}

		fn latest_anchor(id: pallet_supernodes::SubChainId) -> Option<pallet_supernodes::AnchorState> {
			pallet_supernodes::Anchors::<Runtime>::get(id)
		}

		fn lagging(
			now: u64,
			from: pallet_supernodes::SubChainId,
			limit: u32,
		) -> Vec<(pallet_supernodes::SubChainId, Option<u64>)> {
			Supernodes::lagging(now, from, limit)
		}

		fn bid_of(account: AccountId, key_type: pallet_supernodes::KeyType) -> Vec<u8> {
			Supernodes::bid_of(&account, key_type)
		}

		fn registered_bid(account: AccountId) -> Option<Vec<u8>> {
			Supernodes::registered_bid(&account)
		}

		fn account_of_bid(bid: Vec<u8>) -> Option<AccountId> {
			Supernodes::account_of_bid(&bid)
		}

		fn work_order(id: pallet_supernodes::WorkOrderId) -> Option<pallet_supernodes::WorkOrder<AccountId>> {
			pallet_supernodes::WorkOrders::<Runtime>::get(id)
		}

		fn work_orders(
			from: pallet_supernodes::WorkOrderId,
			limit: u32,
		) -> Vec<(pallet_supernodes::WorkOrderId, pallet_supernodes::WorkOrder<AccountId>)> {
			Supernodes::work_orders(from, limit)
		}
	}

	impl frame_system_rpc_runtime_api::AccountNonceApi<Block, AccountId, Nonce> for Runtime {
		fn account_nonce(account: AccountId) -> Nonce {
			System::account_nonce(account)
		}
	}

	impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentApi<Block, Balance> for Runtime {
		fn query_info(
			uxt: <Block as BlockT>::Extrinsic,
			len: u32,
		) -> pallet_transaction_payment_rpc_runtime_api::RuntimeDispatchInfo<Balance> {
			TransactionPayment::query_info(uxt, len)
		}
		fn query_fee_details(
			uxt: <Block as BlockT>::Extrinsic,
			len: u32,
		) -> pallet_transaction_payment::FeeDetails<Balance> {
			TransactionPayment::query_fee_details(uxt, len)
		}
		fn query_weight_to_fee(weight: Weight) -> Balance {
			TransactionPayment::weight_to_fee(weight)
		}
		fn query_length_to_fee(length: u32) -> Balance {
			TransactionPayment::length_to_fee(length)
		}
	}

	impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentCallApi<Block, Balance, RuntimeCall>
		for Runtime
	{
		fn query_call_info(
			call: RuntimeCall,
			len: u32,
		) -> pallet_transaction_payment::RuntimeDispatchInfo<Balance> {
			TransactionPayment::query_call_info(call, len)
		}
		fn query_call_fee_details(
			call: RuntimeCall,
			len: u32,
		) -> pallet_transaction_payment::FeeDetails<Balance> {
			TransactionPayment::query_call_fee_details(call, len)
		}
		fn query_weight_to_fee(weight: Weight) -> Balance {
			TransactionPayment::weight_to_fee(weight)
		}
		fn query_length_to_fee(length: u32) -> Balance {
			TransactionPayment::length_to_fee(length)
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	impl frame_benchmarking::Benchmark<Block> for Runtime {
		fn benchmark_metadata(extra: bool) -> (
			Vec<frame_benchmarking::BenchmarkList>,
			Vec<frame_support::traits::StorageInfo>,
		) {
			use frame_benchmarking::BenchmarkList;
			use frame_support::traits::StorageInfoTrait;
			use frame_system_benchmarking::Pallet as SystemBench;
			use crate::*;

			let mut list = Vec::<BenchmarkList>::new();
			list_benchmarks!(list, extra);
			(list, AllPalletsWithSystem::storage_info())
		}

		#[allow(non_local_definitions)]
		fn dispatch_benchmark(
			config: frame_benchmarking::BenchmarkConfig,
		) -> Result<Vec<frame_benchmarking::BenchmarkBatch>, alloc::string::String> {
			use frame_benchmarking::BenchmarkBatch;
			use frame_support::traits::WhitelistedStorageKeys;
			use frame_system_benchmarking::Pallet as SystemBench;
			use sp_storage::TrackedStorageKey;
			use crate::*;

			impl frame_system_benchmarking::Config for Runtime {}

			let whitelist: Vec<TrackedStorageKey> = AllPalletsWithSystem::whitelisted_storage_keys();
			let mut batches = Vec::<BenchmarkBatch>::new();
			let params = (&config, &whitelist);
			add_benchmarks!(params, batches);
			Ok(batches)
		}
	}

	#[cfg(feature = "try-runtime")]
	impl frame_try_runtime::TryRuntime<Block> for Runtime {
		fn on_runtime_upgrade(checks: frame_try_runtime::UpgradeCheckSelect) -> (Weight, Weight) {
			// A failing pre/post-upgrade check must stop the try-runtime run right here, with
			// its backtrace: this API only exists in try-runtime builds, never on a live chain.
			let weight = Executive::try_runtime_upgrade(checks).unwrap();
			(weight, crate::configs::system::RuntimeBlockWeights::get().max_block)
		}

		fn execute_block(
			block: <Block as BlockT>::LazyBlock,
			state_root_check: bool,
			signature_check: bool,
			select: frame_try_runtime::TryStateSelect,
		) -> Weight {
			Executive::try_execute_block(block, state_root_check, signature_check, select)
				.expect("try-runtime: execute_block failed")
		}
	}

	impl sp_genesis_builder::GenesisBuilder<Block> for Runtime {
		fn build_state(config: Vec<u8>) -> sp_genesis_builder::Result {
			build_state::<RuntimeGenesisConfig>(config)
		}

		fn get_preset(id: &Option<sp_genesis_builder::PresetId>) -> Option<Vec<u8>> {
			get_preset::<RuntimeGenesisConfig>(id, crate::genesis_config_presets::get_preset)
		}

		fn preset_names() -> Vec<sp_genesis_builder::PresetId> {
			crate::genesis_config_presets::preset_names()
		}
	}
}
