// pallet-prepaid end to end, amounts checked to the fen: a consumer buys a gym card, cancels
// within cooling-off and is whole; buys again and uses 3 sessions, the gym receives exactly 3
// sessions' value; the gym runs away (the regulator suspends it) and the consumer claims the
// rest back.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CNY_ASSET_ID, connect, devAccounts, sendAndInclude } from '../lib/chain.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const GXC = 10n ** 12n;
const PRICE = 15_000n; // 150.00 CNY a session, in fen

describe('pallet-prepaid', () => {
  let api;
  let escrow;
  const accounts = devAccounts();
  const run = Date.now().toString(36);
  const gym = accounts.keyring.addFromUri(`//Guilian//E2E//Gym//${run}`);
  const consumer = accounts.keyring.addFromUri(`//Guilian//E2E//Member//${run}`);
  const hash = (text) => api.createType('H256', api.registry.hash(new TextEncoder().encode(text)));
  const cny = async (who) => {
    const account = await api.query.assets.account(CNY_ASSET_ID, who);
    return account.isSome ? account.unwrap().balance.toBigInt() : 0n;
  };
  const lastCard = async () => (await api.query.prepaid.nextCardId()).toNumber() - 1;

  before(async () => {
    api = await connect();
    // A gym licensed 400 days ago and a verified member with GXC for fees and 2,000 CNY.
    await sendAndInclude(api, api.tx.utility.batchAll([
      api.tx.balances.transferKeepAlive(gym.address, 10n * GXC),
      api.tx.balances.transferKeepAlive(consumer.address, 10n * GXC),
    ]), accounts.alice);
    await sendAndInclude(api, api.tx.assets.transfer(CNY_ASSET_ID, consumer.address, 200_000n), accounts.ferdie);
    await sendAndInclude(api, api.tx.utility.batchAll([
      api.tx.credit.registerMerchant(gym.address, hash(`gym licence ${run}`), 'E2E Gym', 'Fitness', 450103, Date.now() - 400 * DAY_MS),
      api.tx.credit.verifyConsumer(consumer.address, hash(`member identity ${run}`)),
    ]), accounts.bob);
    escrow = (await api.call.prepaidApi.escrowAccount(gym.address)).toString();
  });
  after(async () => { await api?.disconnect(); });

  let plan;
  test('the gym opens a plan of 10 sessions at 150 CNY', async () => {
    const { events } = await sendAndInclude(
      api, api.tx.prepaid.openPlan({ Sessions: { sessions: 10, price: PRICE } }, 365, true), gym,
    );
    const opened = events.find(({ event }) => api.events.prepaid.PlanOpened.is(event));
    plan = opened.event.data.plan.toNumber();
    assert.equal(opened.event.data.faceValue.toBigInt(), 150_000n);
    assert.equal(opened.event.data.custody.toNumber(), 200_000); // 20% in Permill
  });

  test('buying moves 1,500.00 CNY into escrow; cancelling within cooling-off makes the member whole', async () => {
    const before = await cny(consumer.address);
    await sendAndInclude(api, api.tx.prepaid.buyCard(plan), consumer);
    const card = await lastCard();
    assert.equal(await cny(consumer.address), before - 150_000n);
    assert.equal(await cny(escrow), 150_000n);
    await sendAndInclude(api, api.tx.prepaid.cancelCard(card), consumer);
    assert.equal(await cny(consumer.address), before);
    assert.equal(await cny(escrow), 0n);
  });

  let card;
  test('3 sessions used: the gym receives exactly 450.00 CNY', async () => {
    await sendAndInclude(api, api.tx.prepaid.buyCard(plan), consumer);
    card = await lastCard();
    const gymBefore = await cny(gym.address);
    await sendAndInclude(api, api.tx.prepaid.confirmUse(card, 3), consumer);
    assert.equal(await cny(gym.address) - gymBefore, 3n * PRICE);
    assert.equal(await cny(escrow), 105_000n);
    const stored = (await api.call.prepaidApi.card(card)).unwrap();
    assert.equal(stored.unused.toBigInt(), 105_000n);
    const exposure = await api.call.prepaidApi.merchantExposure(gym.address);
    assert.equal(exposure.exposure.escrowed.toBigInt(), 105_000n);
    assert.equal(exposure.risk.toString(), 'Low');
  });

  test('the gym runs away: the member claims the 1,050.00 CNY left', async () => {
    await sendAndInclude(
      api, api.tx.credit.setMerchantStatus(gym.address, 'Suspended', hash('ran away with prepaid money')), accounts.bob,
    );
    const before = await cny(consumer.address);
    const { events } = await sendAndInclude(api, api.tx.prepaid.claimRefund(card), consumer);
    const refunded = events.find(({ event }) => api.events.prepaid.CardRefunded.is(event));
    assert.equal(refunded.event.data.reason.toString(), 'RunAway');
    assert.equal(refunded.event.data.fromEscrow.toBigInt(), 105_000n);
    assert.equal(refunded.event.data.debt.toBigInt(), 0n);
    assert.equal(await cny(consumer.address) - before, 105_000n);
    assert.equal(await cny(escrow), 0n);
  });
});
