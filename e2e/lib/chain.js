// Helpers shared by the end-to-end tests: connect, sign, wait for finality.

import { ApiPromise, Keyring, WsProvider } from '@polkadot/api';
import { compactFromU8a } from '@polkadot/util';

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
 * Signs and sends `tx`; resolves with the block hash and the transaction's events once its block
 * is finalized (`until: 'finalized'`, the default) or included (`until: 'inBlock'`); rejects with
 * `dispatch failed: section.Error` on a dispatch error, or on an invalid, dropped or usurped status.
 */
export function send(api, tx, signer, { until = 'finalized', ...options } = {}) {
  return new Promise((resolve, reject) => {
    let unsubscribe = () => {};
    tx.signAndSend(signer, options, (result) => {
      const { status, dispatchError, events } = result;
      if (status.isInvalid || status.isDropped || status.isUsurped) {
        unsubscribe();
        reject(new Error(`transaction ${status.type}`));
      } else if (until === 'finalized' ? status.isFinalized : status.isInBlock) {
        unsubscribe();
        if (dispatchError) reject(new Error(`dispatch failed: ${describeError(api, dispatchError)}`));
        else resolve({ blockHash: until === 'finalized' ? status.asFinalized : status.asInBlock, events });
      }
    }).then((u) => { unsubscribe = u; }, reject);
  });
}

/** `send` until finalized. */
export const sendAndFinalize = (api, tx, signer, options = {}) => send(api, tx, signer, { ...options, until: 'finalized' });

/** `send` until included in a block. */
export const sendAndInclude = (api, tx, signer, options = {}) => send(api, tx, signer, { ...options, until: 'inBlock' });

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
 * The bytes of a `Vec<u8>` or `Option<Vec<u8>>` runtime-API result (after `.unwrap()` for an
 * option). @polkadot/api 16.5 leaves the SCALE encoding inside the bytes it returns (the option's
 * `0x01`, the compact length): strip what is there, keep bytes that are plain.
 */
export function bytesOf(value) {
  const raw = value.toU8a(true);
  const withLength = (start) => {
    if (start >= raw.length) return null;
    const [offset, length] = compactFromU8a(raw.subarray(start));
    return start + offset + length.toNumber() === raw.length ? raw.subarray(start + offset) : null;
  };
  return (raw[0] === 1 && withLength(1)) || withLength(0) || raw;
}
