// The Xinghuo supernode model end to end on a --dev chain: a backbone-node operator applies for a
// sub-chain, the supernode council (Alice alone in --dev) approves it by a motion, the gateway
// anchors a linked batch of block records, a broken batch is refused with its error, and BIDs of
// the dev accounts match vectors computed by hand (see pallets/supernodes tests).

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { u8aToString } from '@polkadot/util';
import { bytesOf, connect, devAccounts, sendAndInclude } from '../lib/chain.js';

const record = (api, height, hash, parent) => ({
  height, blockHash: hash, parentHash: parent, txCount: 2, time: Date.now(), size: 512,
});

describe('pallet-supernodes', () => {
  let api;
  const accounts = devAccounts();
  const run = Date.now().toString(36).toUpperCase();
  // A 4-character AC code unique to this run.
  const acCode = `E${run.slice(-3)}`;
  const h = (text) => api.registry.hash(new TextEncoder().encode(text)).toHex();

  before(async () => { api = await connect(); });
  after(async () => { await api?.disconnect(); });

  let subchain;
  test('Ferdie applies for a sub-chain; a council motion approves it', async () => {
    const { events } = await sendAndInclude(api, api.tx.supernodes.applySubchain(
      acCode, 'guilian', 'cultural tourism', 450300, [accounts.eve.address],
    ), accounts.ferdie);
    const applied = events.find(({ event }) => api.events.supernodes.SubChainApplied.is(event));
    subchain = applied.event.data.subchain.toNumber();
    const call = api.tx.supernodes.approveSubchain(subchain, null);
    // Alice is the whole council in --dev: a motion with threshold 1 executes at once.
    const motion = await sendAndInclude(api, api.tx.council.propose(1, call, call.method.encodedLength), accounts.alice);
    const executed = motion.events.find(({ event }) => api.events.council.Executed.is(event));
    assert.ok(executed && executed.event.data.result.isOk, 'the motion executed');
    const info = (await api.call.supernodesApi.subchain(subchain)).unwrap();
    assert.equal(info.status.toString(), 'Approved');
    assert.equal((await api.call.supernodesApi.subchainByAc(acCode)).unwrap().toNumber(), subchain);
  });

  test('the gateway anchors a linked batch; the latest anchor is kept', async () => {
    const batch = [
      record(api, 100, h('b100'), h('b99')),
      record(api, 101, h('b101'), h('b100')),
      record(api, 102, h('b102'), h('b101')),
    ];
    await sendAndInclude(api, api.tx.supernodes.anchor(subchain, batch), accounts.eve);
    const state = (await api.call.supernodesApi.latestAnchor(subchain)).unwrap();
    assert.equal(state.latest.height.toNumber(), 102);
    assert.equal(state.latest.blockHash.toHex(), h('b102'));
    assert.equal(state.count.toNumber(), 3);
  });

  test('a batch whose parent link is broken is refused with its error', async () => {
    await assert.rejects(
      sendAndInclude(api, api.tx.supernodes.anchor(subchain, [record(api, 103, h('b103'), h('not b102'))]), accounts.eve),
      /supernodes\.BrokenParentLink/,
    );
    await assert.rejects(
      sendAndInclude(api, api.tx.supernodes.anchor(subchain, [record(api, 103, h('b103'), h('b102'))]), accounts.dave),
      /supernodes\.NotGateway/,
    );
    const state = (await api.call.supernodesApi.latestAnchor(subchain)).unwrap();
    assert.equal(state.latest.height.toNumber(), 102);
  });

  test('bid_of the dev accounts matches the vectors computed by hand', async () => {
    const bid = async (who, type) => u8aToString(bytesOf(await api.call.supernodesApi.bidOf(who, type)));
    assert.equal(await bid(accounts.alice.address, 'Sr25519'), 'did:bid:rfL2vt8mkK7NXHNQJa6gnue8VSzr8V2B');
    const edAlice = accounts.keyring.createFromUri('//Alice', {}, 'ed25519');
    assert.equal(await bid(edAlice.address, 'Ed25519'), 'did:bid:ef24KdfUW3kianGTJa8iNycbb5W6rDTpd');
  });
});
