// pallet-collectibles end to end: the dev preset's scenic site (Alice//stash, licensed by Bob in
// genesis) sells a Yongji Bridge (程阳八寨永济桥) series; a verified consumer buys item 1 for
// 99.00 CNY; pallet-nfts refuses to move it directly; the consumer cannot give it away before the
// 180-day holding period; the site's gate records the free entry once with the holder's
// signature, a second redemption is refused, and the item's history shows both steps.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { u8aToHex } from '@polkadot/util';
import { bytesOf, CNY_ASSET_ID, connect, devAccounts, sendAndInclude } from '../lib/chain.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const GXC = 10n ** 12n;
const PRICE = 9_900n; // 99.00 CNY, in fen

describe('pallet-collectibles', () => {
  let api;
  const accounts = devAccounts();
  const run = Date.now().toString(36);
  const site = accounts.keyring.addFromUri('//Alice//stash'); // 青秀山风景区, a licensed issuer
  const consumer = accounts.keyring.addFromUri(`//Guilian//E2E//Visitor//${run}`);
  const friend = accounts.keyring.addFromUri('//Ferdie//stash'); // a verified consumer of the preset
  const hash = (text) => api.createType('H256', api.registry.hash(new TextEncoder().encode(text)));
  const cny = async (who) => {
    const account = await api.query.assets.account(CNY_ASSET_ID, who);
    return account.isSome ? account.unwrap().balance.toBigInt() : 0n;
  };

  before(async () => {
    api = await connect();
    // A verified visitor with GXC for fees and deposits, and 500 CNY.
    await sendAndInclude(api, api.tx.balances.transferKeepAlive(consumer.address, 10n * GXC), accounts.alice);
    await sendAndInclude(api, api.tx.assets.transfer(CNY_ASSET_ID, consumer.address, 50_000n), accounts.ferdie);
    await sendAndInclude(api, api.tx.credit.verifyConsumer(consumer.address, hash(`visitor identity ${run}`)), accounts.bob);
  });
  after(async () => { await api?.disconnect(); });

  let series;
  let collection;
  test('the scenic site creates a Yongji Bridge series with one free entry', async () => {
    const licence = await api.call.collectiblesApi.issuer(site.address);
    assert.equal(licence.unwrap().regulator.toString(), accounts.bob.address);
    const now = Date.now();
    const { events } = await sendAndInclude(api, api.tx.collectibles.createSeries({
      title: '程阳八寨永济桥 Chengyang Yongji Bridge',
      heritageSite: '程阳八寨 Chengyang Eight Villages, Sanjiang',
      ethnicGroup: '侗族 Dong',
      area: 450226,
      description: hash('The Yongji (Wind and Rain) Bridge, 1912'),
      imageUri: `ipfs://yongji-bridge-${run}.png`,
      certificate: hash('authenticity certificate of the Yongji Bridge series'),
      maxSupply: 1000,
      price: PRICE,
      saleStart: now - 60_000,
      saleEnd: now + 30 * DAY_MS,
      perBuyerLimit: 1,
      holdingDays: null,
      benefit: { description: hash('one free entry to Chengyang'), validUntil: now + 365 * DAY_MS },
    }), site);
    const created = events.find(({ event }) => api.events.collectibles.SeriesCreated.is(event));
    series = created.event.data.series.toNumber();
    collection = created.event.data.collection.toNumber();
    const stored = (await api.call.collectiblesApi.series(series)).unwrap();
    assert.equal(stored.issuer.toString(), site.address);
    assert.equal(stored.holdingPeriod.toBigInt(), BigInt(180 * DAY_MS));
    const nftCollection = (await api.query.nfts.collection(collection)).unwrap();
    assert.notEqual(nftCollection.owner.toString(), site.address); // the pallet owns it
  });

  test('a verified visitor buys item 1 for 99.00 CNY; it is hers in pallet-nfts, locked', async () => {
    const siteBefore = await cny(site.address);
    const visitorBefore = await cny(consumer.address);
    await sendAndInclude(api, api.tx.collectibles.buy(series), consumer);
    assert.equal(await cny(consumer.address), visitorBefore - PRICE);
    assert.equal(await cny(site.address) - siteBefore, PRICE);
    const item = (await api.query.nfts.item(collection, 1)).unwrap();
    assert.equal(item.owner.toString(), consumer.address);
    await assert.rejects(
      sendAndInclude(api, api.tx.nfts.transfer(collection, 1, friend.address), consumer),
      /system\.CallFiltered/,
    );
  });

  test('she cannot give it away before the 180-day holding period', async () => {
    await assert.rejects(
      sendAndInclude(api, api.tx.collectibles.gift(series, 1, friend.address), consumer),
      /collectibles\.HoldingPeriodNotOver/,
    );
  });

  test('the gate records the free entry once, with her signature; a second one is refused', async () => {
    const message = bytesOf((await api.call.collectiblesApi.redeemSigningPayload(series, 1)).unwrap());
    const signature = { Sr25519: u8aToHex(consumer.sign(message)) };
    const { events } = await sendAndInclude(api, api.tx.collectibles.redeemFor(series, 1, signature), site);
    const redeemed = events.find(({ event }) => api.events.collectibles.BenefitRedeemed.is(event));
    assert.equal(redeemed.event.data.holder.toString(), consumer.address);
    assert.equal(redeemed.event.data.recordedBy.toString(), site.address);
    await assert.rejects(
      sendAndInclude(api, api.tx.collectibles.redeem(series, 1), consumer),
      /collectibles\.AlreadyRedeemed/,
    );
  });

  test('the item stays hers, and its history shows the purchase and the redemption', async () => {
    const item = (await api.call.collectiblesApi.item(series, 1)).unwrap();
    assert.equal(item.holder.toString(), consumer.address);
    assert.ok(item.redeemedAt.isSome);
    const steps = item.history.map((entry) => entry.event.type);
    assert.deepEqual(steps, ['Minted', 'Redeemed']);
    assert.equal(item.history[0].event.asMinted.to.toString(), consumer.address);
    assert.ok(item.history[1].at.toNumber() >= item.history[0].at.toNumber());
    const holdings = await api.call.collectiblesApi.holdings(consumer.address, null, 10);
    assert.deepEqual(holdings.map(([s, i]) => [s.toNumber(), i.toNumber()]), [[series, 1]]);
  });
});
