// The foundation: chain properties, metadata and runtime APIs, GXC and CNY transfers, and
// invalid transactions refused with JSON-RPC error 1010 while the chain goes on.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CNY_ASSET_ID, connect, devAccounts, sendAndFinalize, waitForBlocks } from '../lib/chain.js';

describe('guilian-node --dev', () => {
  let api;
  const accounts = devAccounts();

  before(async () => { api = await connect(); });
  after(async () => { await api?.disconnect(); });

  test('chain properties say GXC, 12 decimals, SS58 format 42', async () => {
    // What the node sends, as plain JSON-RPC...
    const response = await fetch(process.env.GUILIAN_WS.replace(/^ws/, 'http'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'system_properties', params: [] }),
    });
    assert.deepEqual((await response.json()).result, { ss58Format: 42, tokenDecimals: 12, tokenSymbol: 'GXC' });
    // ...and what @polkadot/api (and so polkadot.js apps) makes of it.
    assert.deepEqual(api.registry.chainTokens, ['GXC']);
    assert.deepEqual(api.registry.chainDecimals, [12]);
  });

  test('metadata is V15 or V16 and api.call lists the runtime APIs', async () => {
    assert.ok([15, 16].includes(api.runtimeMetadata.version), `metadata V${api.runtimeMetadata.version}`);
    const versions = (await api.call.metadata.metadataVersions()).toJSON();
    assert.ok(versions.includes(15) && versions.includes(16), `served: ${versions}`);
    for (const runtimeApi of [
      'core', 'metadata', 'blockBuilder', 'taggedTransactionQueue', 'offchainWorkerApi', 'auraApi',
      'grandpaApi', 'sessionKeys', 'accountNonceApi', 'transactionPaymentApi', 'genesisBuilder',
    ]) {
      assert.ok(api.call[runtimeApi], `api.call.${runtimeApi} is missing`);
    }
    const version = await api.call.core.version();
    assert.equal(version.specName.toString(), 'guilian');
    const presets = (await api.call.genesisBuilder.presetNames()).toHuman();
    assert.deepEqual(presets, ['development', 'local_testnet']);
  });

  test('the session shows Alice as the validator (apps shows block authors from it)', async () => {
    const validators = (await api.query.session.validators()).map((v) => v.toString());
    assert.deepEqual(validators, [accounts.alice.address]);
  });

  test('a GXC transfer from Alice to Bob is finalized', async () => {
    const amount = 1_234_000_000_000n; // 1.234 GXC
    const before = (await api.query.system.account(accounts.bob.address)).data.free.toBigInt();
    const { blockHash, events } = await sendAndFinalize(
      api, api.tx.balances.transferKeepAlive(accounts.bob.address, amount), accounts.alice,
    );
    assert.ok(events.some(({ event }) => api.events.balances.Transfer.is(event)));
    const finalized = await api.rpc.chain.getFinalizedHead();
    const finalizedNumber = (await api.rpc.chain.getHeader(finalized)).number.toNumber();
    const blockNumber = (await api.rpc.chain.getHeader(blockHash)).number.toNumber();
    assert.ok(finalizedNumber >= blockNumber);
    const afterTransfer = (await api.query.system.account.at(blockHash, accounts.bob.address)).data.free.toBigInt();
    assert.equal(afterTransfer - before, amount);
  });

  test('the CNY asset exists with its metadata, issued by the custody bank (Ferdie)', async () => {
    const metadata = await api.query.assets.metadata(CNY_ASSET_ID);
    assert.equal(metadata.name.toUtf8(), 'Custodied CNY');
    assert.equal(metadata.symbol.toUtf8(), 'CNY');
    assert.equal(metadata.decimals.toNumber(), 2);
    const details = (await api.query.assets.asset(CNY_ASSET_ID)).unwrap();
    assert.equal(details.owner.toString(), accounts.ferdie.address);
    assert.equal(details.issuer.toString(), accounts.ferdie.address);
    assert.equal(details.admin.toString(), accounts.ferdie.address);
    assert.equal(details.isSufficient.isTrue, true);
  });

  test('a CNY transfer from Alice to Charlie moves the fen', async () => {
    const amount = 1_234n; // 12.34 CNY
    const balanceOf = async (who, at) => {
      const account = at
        ? await api.query.assets.account.at(at, CNY_ASSET_ID, who)
        : await api.query.assets.account(CNY_ASSET_ID, who);
      return account.isSome ? account.unwrap().balance.toBigInt() : 0n;
    };
    const before = await balanceOf(accounts.charlie.address);
    const { blockHash } = await sendAndFinalize(
      api, api.tx.assets.transferKeepAlive(CNY_ASSET_ID, accounts.charlie.address, amount), accounts.alice,
    );
    assert.equal((await balanceOf(accounts.charlie.address, blockHash)) - before, amount);
  });

  describe('invalid transactions get JSON-RPC error 1010 and the chain goes on', () => {
    const submit = (tx) => api.rpc.author.submitExtrinsic(tx.toHex());
    // The node answers JSON-RPC error 1010 "Invalid Transaction" with the reason as its data.
    const assertInvalid = (promise, reason) => assert.rejects(promise, (error) => {
      assert.equal(error.code, 1010, error.message);
      assert.equal(error.message, `1010: Invalid Transaction: ${reason}`);
      return true;
    });

    test('a bad signature', async () => {
      const tx = api.tx.balances.transferKeepAlive(accounts.bob.address, 1n);
      await tx.signAsync(accounts.eve, { nonce: -1 });
      const bytes = tx.toU8a();
      const signature = tx.signature.toU8a();
      const at = Buffer.from(bytes).indexOf(Buffer.from(signature));
      assert.ok(at > 0, 'signature found in the extrinsic');
      bytes[at + 10] ^= 0xff;
      await assertInvalid(api.rpc.author.submitExtrinsic(bytes), 'Transaction has a bad signature');
    });

    test('a stale nonce', async () => {
      const nonce = (await api.rpc.system.accountNextIndex(accounts.alice.address)).toNumber();
      assert.ok(nonce > 0, 'Alice has sent transactions before');
      const tx = api.tx.system.remark('stale');
      await tx.signAsync(accounts.alice, { nonce: nonce - 1 });
      await assertInvalid(submit(tx), 'Transaction is outdated');
    });

    test('an account that cannot pay fees', async () => {
      const pauper = accounts.keyring.addFromUri('//Guilian//E2E//Pauper');
      const tx = api.tx.system.remark('no fees');
      await tx.signAsync(pauper, { nonce: 0 });
      await assertInvalid(submit(tx), 'Inability to pay some fees , e.g. account balance too low');
    });

    test('blocks keep coming after the refusals', async () => {
      await waitForBlocks(api, 2);
      const finalized = await api.rpc.chain.getFinalizedHead();
      assert.ok((await api.rpc.chain.getHeader(finalized)).number.toNumber() >= 1);
    });
  });
});
