import type { ApiModel, LibraryModel } from './types.js';

/**
 * jsonwebtoken (auth0/node-jsonwebtoken), CommonJS.
 * - `sign(payload, secretOrPrivateKey, [options, callback])` — `algorithm` defaults to HS256; `expiresIn`/`notBefore`
 *   are seconds when numbers and go through the `ms` package when strings.
 * - `verify(token, secretOrPublicKey, [options, callback])` — without `algorithms`, the allowed algorithms are derived
 *   from the key type (v9) or accept any the header declares (≤ v8); a function key is a key lookup callback.
 * - `decode(token, [options])` — no signature check at all.
 * In `sign`/`verify` a function in the options position is the callback. `sign`'s `header` option is merged over the
 * header it builds, so `header: { alg }` overrides `algorithm`.
 */
const signOptions = {
  algorithm: 'algorithm',
  expiresIn: 'expiresIn',
  notBefore: 'notBefore',
  audience: 'audience',
  issuer: 'issuer',
  noTimestamp: 'noTimestamp',
  // `header` is merged over `{ alg: options.algorithm || 'HS256', typ, kid }`: a `header.alg` wins
  header: 'header',
} as const;

const verifyOptions = {
  algorithms: 'algorithms',
  algorithm: 'algorithm',
  audience: 'audience',
  issuer: 'issuer',
  ignoreExpiration: 'ignoreExpiration',
  maxAge: 'maxAge',
  complete: 'complete',
} as const;

export const sign: ApiModel = {
  op: 'sign',
  args: { payload: 0, key: 1, options: 2, callback: 3 },
  options: signOptions,
  durations: 'jsonwebtoken',
  optionsMayBeCallback: true,
  defaultAlgorithm: 'HS256',
};

export const verify: ApiModel = {
  op: 'verify',
  args: { token: 0, key: 1, options: 2, callback: 3 },
  options: verifyOptions,
  durations: 'jsonwebtoken',
  needsAllowList: true,
  keyMayBeFunction: true,
  optionsMayBeCallback: true,
  emptyKeyAcceptsUnsigned: true,
};

export const decode: ApiModel = {
  op: 'decode',
  args: { token: 0, options: 1 },
  options: { complete: 'complete', json: 'json' },
};

export const jsonwebtoken: LibraryModel = {
  id: 'jsonwebtoken',
  modules: ['jsonwebtoken'],
  esm: false,
  exports: {
    sign: { call: sign, read: sign },
    verify: { call: verify, read: verify },
    decode: { call: decode, read: decode },
  },
};
