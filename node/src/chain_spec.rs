//! Chain specifications, built from the runtime's genesis presets only.

use guilian_runtime::WASM_BINARY;
use sc_service::ChainType;

/// A Guilian chain specification (no extensions).
pub type ChainSpec = sc_service::GenericChainSpec;

/// The `--chain` names this node knows besides a path to a chain-spec JSON file.
pub const KNOWN_CHAINS: &str = "`dev`, `local`";

/// Token symbol, decimals and SS58 prefix, so that polkadot.js apps shows GXC correctly.
pub fn chain_properties() -> sc_chain_spec::Properties {
	let mut properties = sc_chain_spec::Properties::new();
	properties.insert("tokenSymbol".into(), "GXC".into());
	properties.insert("tokenDecimals".into(), 12.into());
	properties.insert("ss58Format".into(), 42.into());
	properties
}

fn wasm_binary() -> Result<&'static [u8], String> {
	WASM_BINARY.ok_or_else(|| {
		"the runtime wasm is not in this build (it was built with SKIP_WASM_BUILD); rebuild \
		 without it"
			.to_string()
	})
}

/// `--dev`: one validator (Alice), Alice is sudo, dev accounts funded with GXC and CNY.
pub fn development_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm_binary()?, None)
		.with_name("Guilian Development")
		.with_id("guilian_dev")
		.with_chain_type(ChainType::Development)
		.with_protocol_id("guilian")
		.with_properties(chain_properties())
		.with_genesis_config_preset_name(sp_genesis_builder::DEV_RUNTIME_PRESET)
		.build())
}

/// `--chain local`: four supernode validators (Alice, Bob, Charlie, Dave).
pub fn local_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm_binary()?, None)
		.with_name("Guilian Local Testnet")
		.with_id("guilian_local")
		.with_chain_type(ChainType::Local)
		.with_protocol_id("guilian")
		.with_properties(chain_properties())
		.with_genesis_config_preset_name(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET)
		.build())
}

/// Loads a chain spec by name (`dev`, `local`) or from a JSON file, with a one-line error for
/// an unknown name, a missing file or a file that is not a valid chain spec.
pub fn load(id: &str) -> Result<Box<dyn sc_service::ChainSpec>, String> {
	Ok(match id {
		"dev" => Box::new(development_chain_spec()?),
		"" | "local" => Box::new(local_chain_spec()?),
		path => {
			let path = std::path::PathBuf::from(path);
			if !path.is_file() {
				return Err(format!(
					"unknown chain `{id}`: expected one of {KNOWN_CHAINS} or the path of a \
					 chain-spec JSON file"
				));
			}
			let spec = ChainSpec::from_json_file(path.clone()).map_err(|error| {
				format!("`{}` is not a valid chain spec: {}", path.display(), one_line(&error))
			})?;
			Box::new(spec)
		},
	})
}

/// Joins a multi-line error into one line.
fn one_line(text: &str) -> String {
	text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn every_chain_spec_has_the_gxc_properties() {
		for spec in [development_chain_spec().unwrap(), local_chain_spec().unwrap()] {
			let properties = spec.properties();
			assert_eq!(properties.get("tokenSymbol"), Some(&"GXC".into()));
			assert_eq!(properties.get("tokenDecimals"), Some(&12.into()));
			assert_eq!(properties.get("ss58Format"), Some(&42.into()));
		}
	}

	#[test]
	fn unknown_chain_name_is_a_clear_error() {
		let error = load("nanning").err().unwrap();
		assert_eq!(
			error,
			"unknown chain `nanning`: expected one of `dev`, `local` or the path of a chain-spec \
			 JSON file"
		);
	}

	#[test]
	fn invalid_json_is_a_clear_one_line_error() {
		let path = std::env::temp_dir().join(format!("guilian-bad-spec-{}.json", std::process::id()));
		std::fs::write(&path, "{ not json").unwrap();
		let error = load(path.to_str().unwrap()).err().unwrap();
		std::fs::remove_file(&path).unwrap();
		assert!(error.contains("is not a valid chain spec"), "{error}");
		assert!(!error.contains('\n'), "{error}");
	}
}
