// pallet-credit end to end: a regulator registers a merchant and verifies a consumer, the
// merchant signs a commitment that another account relays, a breach lowers the score, and
// api.call.creditApi returns the profile and the evidence.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { compactStripLength } from '@polkadot/util';
import { connect, devAccounts, sendAndInclude } from '../lib/chain.js';

const DAY_MS = 24 * 60 * 60 * 1000;

describe('pallet-credit', () => {
  let api;
  const accounts = devAccounts();
  const regulator = accounts.bob; // the Nanning market regulator of the dev preset
  const relayer = accounts.charlie;
  const run = Date.now().toString(36);
  const merchant = accounts.keyring.addFromUri(`//Guilian//E2E//Merchant//${run}`);
  const consumer = accounts.keyring.addFromUri(`//Guilian//E2E//Consumer//${run}`);
  const hash = (text) => api.createType('H256', api.registry.hash(new TextEncoder().encode(text)));

  before(async () => { api = await connect(); });
  after(async () => { await api?.disconnect(); });

  test('the dev preset has the demo subjects', async () => {
    const bob = (await api.call.creditApi.profile(accounts.bob.address)).toJSON();
    assert.ok(bob.role.regulator, JSON.stringify(bob.role));
    assert.equal(bob.role.regulator.jurisdiction, 450100);
    const gym = (await api.call.creditApi.profile(accounts.charlie.address)).toJSON();
    assert.equal(gym.role.merchant.category, 'Fitness');
    assert.equal(gym.score, 600);
    const eve = (await api.call.creditApi.profile(accounts.eve.address)).toJSON();
    assert.ok('verifiedConsumer' in eve.role, JSON.stringify(eve.role));
  });

  test('a regulator registers a merchant and verifies a consumer', async () => {
    const { events } = await sendAndInclude(api, api.tx.utility.batchAll([
      api.tx.credit.registerMerchant(
        merchant.address, hash(`licence ${run}`), 'E2E Noodle Shop', 'Catering', 450103,
        Date.now() - 400 * DAY_MS,
      ),
      api.tx.credit.verifyConsumer(consumer.address, hash(`identity ${run}`)),
    ]), regulator);
    assert.ok(events.some(({ event }) => api.events.credit.MerchantRegistered.is(event)));
    assert.ok(events.some(({ event }) => api.events.credit.ConsumerVerified.is(event)));
  });

  let commitmentId;
  test('a commitment signed by the merchant is relayed by another account', async () => {
    const validFrom = Date.now() - 60_000;
    const payload = api.createType('PalletCreditRelayedCommitment', {
      subject: merchant.address,
      terms: { kind: 'Refund', contentHash: hash(`we refund within 7 days ${run}`), validFrom, validUntil: validFrom + 365 * DAY_MS },
      nonce: 0,
    });
    // @polkadot/api 16.5 hands back a `Vec<u8>` runtime-API result with its SCALE length
    // prefix still in the bytes: strip it to get the message to sign.
    const [, message] = compactStripLength((await api.call.creditApi.relaySigningPayload(payload)).toU8a(true));
    const signature = merchant.sign(message);
    const { events } = await sendAndInclude(
      api, api.tx.credit.relayCommitment(payload, { Sr25519: signature }), relayer,
    );
    const recorded = events.find(({ event }) => api.events.credit.CommitmentRecorded.is(event));
    assert.ok(recorded, 'CommitmentRecorded');
    commitmentId = recorded.event.data.id.toNumber();
    assert.equal(recorded.event.data.relayer.unwrap().toString(), relayer.address);

    // The same signed payload again is a replay: refused.
    await assert.rejects(
      sendAndInclude(api, api.tx.credit.relayCommitment(payload, { Sr25519: signature }), relayer),
      /credit\.StaleNonce/,
    );

    const evidence = (await api.call.creditApi.commitment(commitmentId)).unwrap();
    assert.equal(evidence.commitment.subject.toString(), merchant.address);
    assert.equal(evidence.commitment.terms.contentHash.toHex(), hash(`we refund within 7 days ${run}`).toHex());
    assert.ok(evidence.commitment.recordedAtBlock.toNumber() > 0);
    assert.ok(evidence.commitment.recordedAt.toNumber() > validFrom);
  });

  test('a breach lowers the score and the profile shows it', async () => {
    await sendAndInclude(
      api, api.tx.credit.recordBreach(merchant.address, commitmentId, 'Moderate', hash('hotline complaint')), regulator,
    );
    const profile = (await api.call.creditApi.profile(merchant.address)).toJSON();
    assert.equal(profile.score, 540);
    assert.equal(profile.tier, 'C');
    assert.equal(profile.breaches, 1);
    assert.equal(profile.commitments, 1);
    assert.equal(profile.role.merchant.area, 450103);
  });
});
