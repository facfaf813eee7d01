// pallet-disputes end to end: a consumer files two complaints against a gym; the gym contests
// one and leaves the other unanswered until anyone escalates it; a mediator rules the first
// upheld with a refund that reaches the consumer to the fen, the gym's credit score drops, and
// the statistics and the complaint's history show all of it. A third complaint the gym settles
// at once; the consumer reviews that one (a ruling is reviewable only once final).

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { xxhashAsHex } from '@polkadot/util-crypto';
import { u8aToHex } from '@polkadot/util';
import { CNY_ASSET_ID, connect, devAccounts, sendAndInclude } from '../lib/chain.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const GXC = 10n ** 12n;
const CLAIM = 12_800n; // 128.00 CNY, in fen
// The runtime's `ResponseWindow` storage parameter (see runtime/src/configs/disputes.rs).
const RESPONSE_WINDOW_KEY = xxhashAsHex(':ResponseWindow:', 128);

describe('pallet-disputes', () => {
  let api;
  const accounts = devAccounts();
  const run = Date.now().toString(36);
  const gym = accounts.keyring.addFromUri(`//Guilian//E2E//DisputedGym//${run}`);
  const consumer = accounts.keyring.addFromUri(`//Guilian//E2E//Complainant//${run}`);
  const mediator = accounts.keyring.addFromUri(`//Guilian//E2E//Mediator//${run}`);
  const hash = (text) => api.createType('H256', api.registry.hash(new TextEncoder().encode(text)));
  const evidence = (text) => ({ hash: hash(text), uri: `ipfs://bafy-${text.replace(/\W/g, '-')}` });
  const cny = async (who) => {
    const account = await api.query.assets.account(CNY_ASSET_ID, who);
    return account.isSome ? account.unwrap().balance.toBigInt() : 0n;
  };
  const score = async (who) => (await api.call.creditApi.profile(who)).score.toNumber();
  const stats = (who) => api.call.disputesApi.merchantStats(who);
  const file = async (text) => {
    const { events } = await sendAndInclude(api, api.tx.disputes.fileComplaint(
      gym.address, 'NotAsDescribed', { Order: hash(`order ${text} ${run}`) }, CLAIM, evidence(text),
    ), consumer);
    const filed = events.find(({ event }) => api.events.disputes.ComplaintFiled.is(event));
    return filed.event.data.complaint.toNumber();
  };
  const setResponseWindow = (ms) => sendAndInclude(api, api.tx.sudo.sudo(
    api.tx.system.setStorage([[RESPONSE_WINDOW_KEY, u8aToHex(api.createType('u64', ms).toU8a())]]),
  ), accounts.alice);

  before(async () => {
    api = await connect();
    // A gym of Qingxiu with 1,000 CNY, a verified consumer, and a mediator of Nanning.
    await sendAndInclude(api, api.tx.utility.batchAll([
      api.tx.balances.transferKeepAlive(gym.address, 10n * GXC),
      api.tx.balances.transferKeepAlive(consumer.address, 10n * GXC),
      api.tx.balances.transferKeepAlive(mediator.address, 10n * GXC),
    ]), accounts.alice);
    await sendAndInclude(api, api.tx.assets.transfer(CNY_ASSET_ID, gym.address, 100_000n), accounts.ferdie);
    await sendAndInclude(api, api.tx.utility.batchAll([
      api.tx.credit.registerMerchant(gym.address, hash(`gym licence ${run}`), 'E2E Disputed Gym', 'Fitness', 450103, Date.now() - 400 * DAY_MS),
      api.tx.credit.verifyConsumer(consumer.address, hash(`complainant identity ${run}`)),
      api.tx.disputes.appointMediator(mediator.address, 450100),
    ]), accounts.bob);
  });
  after(async () => {
    // Back to the runtime's default window (3 days), whatever happened.
    await sendAndInclude(api, api.tx.sudo.sudo(api.tx.system.killStorage([RESPONSE_WINDOW_KEY])), accounts.alice)
      .catch(() => {});
    await api?.disconnect();
  });

  let contested;
  test('a complaint holds the deposit; the gym contests it', async () => {
    const deposit = api.consts.disputes.complaintDeposit.toBigInt();
    contested = await file('shoes not as described');
    const account = await api.query.system.account(consumer.address);
    assert.equal(account.data.reserved.toBigInt(), deposit); // a hold shows as reserved
    await sendAndInclude(api, api.tx.disputes.contest(contested, evidence('delivery note')), gym);
    const complaint = (await api.call.disputesApi.complaint(contested)).unwrap()[0];
    assert.equal(complaint.status.toString(), 'InMediation');
  });

  let unanswered;
  test('anyone escalates an unanswered complaint after the window; an answered one cannot be', async () => {
    await setResponseWindow(1);
    unanswered = await file('membership fee charged twice');
    // Dave (no party) escalates in the next block; the chain's own on_idle sweep would do it at
    // the end of that block, so either may be first: both leave an `Escalated` step.
    const escalated = await sendAndInclude(api, api.tx.disputes.escalate(unanswered), accounts.dave)
      .then(() => 'by Dave', (error) => {
        assert.match(error.message, /disputes\.WrongStatus/);
        return 'by the sweep';
      });
    await setResponseWindow(3 * DAY_MS);
    await assert.rejects(
      sendAndInclude(api, api.tx.disputes.escalate(contested), accounts.dave),
      (error) => /disputes\.WrongStatus/.test(error.message),
    );
    const [complaint, history] = (await api.call.disputesApi.complaint(unanswered)).unwrap();
    assert.equal(complaint.status.toString(), 'InMediation', `escalated ${escalated}`);
    assert.deepEqual(history.map(({ step }) => step.type), ['Filed', 'Escalated']);
  });

  test('the mediator rules the contested complaint upheld: the refund reaches the consumer to the fen', async () => {
    await sendAndInclude(api, api.tx.disputes.takeCase(contested), mediator);
    const [consumerBefore, gymBefore, scoreBefore] = [await cny(consumer.address), await cny(gym.address), await score(gym.address)];
    await sendAndInclude(api, api.tx.disputes.rule(contested, {
      outcome: 'Upheld', refund: CLAIM, breach: 'Moderate', reasons: hash('ruling reasons'),
    }), mediator);
    assert.equal(await cny(consumer.address), consumerBefore + CLAIM);
    assert.equal(await cny(gym.address), gymBefore - CLAIM);
    assert.ok(await score(gym.address) < scoreBefore, 'the breach lowers the gym\'s score');
  });

  test('statistics and history show the whole case', async () => {
    const figures = await stats(gym.address);
    assert.equal(figures.filed.toNumber(), 2);
    assert.equal(figures.open.toNumber(), 1);
    assert.equal(figures.upheld.toNumber(), 1);
    assert.equal(figures.answered.toNumber(), 1);
    assert.equal(figures.unanswered.toNumber(), 1);
    const [, history] = (await api.call.disputesApi.complaint(contested)).unwrap();
    assert.deepEqual(history.map(({ step }) => step.type), ['Filed', 'Contested', 'CaseTaken', 'Ruled']);
    const ranking = await api.call.disputesApi.ranking(450100, 0, 100);
    assert.ok(ranking.some(([who]) => who.toString() === gym.address), 'the gym is on Nanning\'s map');
  });

  test('a complaint is reviewable once final: the ruled one not yet, a settled one once', async () => {
    await assert.rejects(
      sendAndInclude(api, api.tx.disputes.review({ Complaint: contested }, 2, hash('too early')), consumer),
      (error) => /disputes\.NoTransaction/.test(error.message),
    );
    const settled = await file('wrong size delivered');
    const before = await cny(consumer.address);
    await sendAndInclude(api, api.tx.disputes.settle(settled), gym);
    assert.equal(await cny(consumer.address), before + CLAIM);
    await sendAndInclude(api, api.tx.disputes.review({ Complaint: settled }, 4, hash('review')), consumer);
    const figures = await stats(gym.address);
    assert.equal(figures.settled.toNumber(), 1);
    assert.equal(figures.ratings.toNumber(), 1);
    assert.equal(figures.ratingTotal.toNumber(), 4);
    await assert.rejects(
      sendAndInclude(api, api.tx.disputes.review({ Complaint: settled }, 5, hash('again')), consumer),
      (error) => /disputes\.AlreadyReviewed/.test(error.message),
    );
  });

  test('a stranger cannot review a transaction it never made', async () => {
    await assert.rejects(
      sendAndInclude(api, api.tx.disputes.review({ Complaint: unanswered }, 1, hash('fake')), accounts.dave),
      (error) => /disputes\.NoTransaction/.test(error.message),
    );
  });
});
