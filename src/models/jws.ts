import type { ApiModel, LibraryModel } from './types.js';

/**
 * jws (brianloveswords/node-jws), the low-level JWS implementation under jsonwebtoken.
 * - `sign({ header: { alg }, payload, secret | privateKey, encoding })` — everything in one object.
 * - `verify(signature, algorithm, secretOrKey)` — since v3 the algorithm argument is required and is what the
 *   signature is checked with (older versions took no algorithm and trusted the header).
 * - `decode(signature)` — no check at all. `createSign` / `createVerify` are the streaming forms.
 * jws knows nothing of claims: no `exp`, audience or issuer checks.
 */
export const sign: ApiModel = {
  op: 'sign',
  args: { options: 0 },
  // no `expiresIn`: a jws token expires only through an `exp` in its payload
  options: { payload: 'payload', algorithm: 'header.alg', key: ['secret', 'privateKey'], expiresIn: [] },
};

export const verify: ApiModel = {
  op: 'verify',
  args: { token: 0, algorithm: 1, key: 2 },
  argConcepts: { algorithms: 'algorithm' },
  needsAllowList: true,
  claimsUnchecked: true,
};

export const createVerify: ApiModel = {
  op: 'verify',
  args: { options: 0 },
  options: { algorithms: 'algorithm', key: ['secret', 'key', 'publicKey'] },
  needsAllowList: true,
  claimsUnchecked: true,
};

export const decode: ApiModel = { op: 'decode', args: { token: 0, options: 1 }, completeResult: true };

export const jws: LibraryModel = {
  id: 'jws',
  modules: ['jws'],
  esm: false,
  exports: {
    sign: { call: sign },
    createSign: { call: sign },
    verify: { call: verify },
    createVerify: { call: createVerify },
    decode: { call: decode },
  },
};
