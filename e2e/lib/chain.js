// Helpers shared by the end-to-end tests: connect, sign, wait for finality.

import { ApiPromise, Keyring, WsProvider } from '@polkadot/api';

/** The CNY settlement asset's id in pallet-assets. */
export const CNY_ASSET_ID = 1;

/** Connects to the node the runner started. */
export async function connect() {
  const url = process.env.GUILIAN_WS;
  if (!url) throw new Error('GUILIAN_WS is not set: run the tests with `node run.js`');
  return ApiPromise.create({ provider: new WsProvider(url), noInitWarn: true, throwOnConnect: true });
}

/** The well-known dev accounts (sr25519). */
export function devAccounts() {
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  const named = {};
  for (const name of ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie']) {
    named[name.toLowerCase()] = keyring.addFromUri(`//${name}`);
  }
  named.keyring = keyring;
  return named;
}

/**
 * Signs and sends `tx`, resolves with the finalized block hash and the events of the
 * transaction once its block is finalized; rejects on a dispatch error or an invalid status.
 */
export function sendAndFinalize(api, tx, signer, options = {}) {
  return new Promise((resolve, reject) => {
    let unsubscribe = () => {};
    tx.signAndSend(signer, options, (result) => {
      const { status, dispatchError, events } = result;
      if (status.isInvalid || status.isDropped || status.isUsurped) {
        unsubscribe();
        reject(new Error(`transaction ${status.type}`));
      } else if (status.isFinalized) {
        unsubscribe();
        if (dispatchError) {
          reject(new Error(`dispatch failed: ${describeError(api, dispatchError)}`));
        } else {
          resolve({ blockHash: status.asFinalized, events });
        }
      }
    }).then((u) => { unsubscribe = u; }, reject);
  });
}

/** `section.Name` of a module error, else the error as text. */
export function describeError(api, dispatchError) {
  if (dispatchError.isModule) {
    const { section, name } = api.registry.findMetaError(dispatchError.asModule);
    return `${section}.${name}`;
  }
  return dispatchError.toString();
}

/** Resolves once `count` new blocks have been imported. */
export async function waitForBlocks(api, count) {
  const start = (await api.rpc.chain.getHeader()).number.toNumber();
  return new Promise((resolve, reject) => {
    let unsubscribe = () => {};
    const timer = setTimeout(() => { unsubscribe(); reject(new Error(`no ${count} new blocks within 60 s`)); }, 60_000);
    api.rpc.chain.subscribeNewHeads((header) => {
      if (header.number.toNumber() >= start + count) {
        clearTimeout(timer);
        unsubscribe();
        resolve(header.number.toNumber());
      }
    }).then((u) => { unsubscribe = u; }, reject);
  });
}

/**
 * Signs and sends `tx`, resolves with the block hash and the events once it is in a block;
 * rejects with `section.Error` on a dispatch error, or on an invalid status.
 */
export function sendAndInclude(api, tx, signer, options = {}) {
  return new Promise((resolve, reject) => {
    let unsubscribe = () => {};
    tx.signAndSend(signer, options, (result) => {
      const { status, dispatchError, events } = result;
      if (status.isInvalid || status.isDropped || status.isUsurped) {
        unsubscribe();
        reject(new Error(`transaction ${status.type}`));
      } else if (status.isInBlock) {
        unsubscribe();
        if (dispatchError) reject(new Error(`dispatch failed: ${describeError(api, dispatchError)}`));
        else resolve({ blockHash: status.asInBlock, events });
      }
    }).then((u) => { unsubscribe = u; }, reject);
  });
}
