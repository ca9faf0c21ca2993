import type { ApiModel, LibraryModel } from './types.js';

/**
 * jwt-simple (hokaccha/node-jwt-simple).
 * - `encode(payload, key, [algorithm = 'HS256'], [options])` — no claims of its own: a payload without `exp` never expires.
 * - `decode(token, key, [noVerify], [algorithm])` — with any truthy `noVerify` nothing is verified (a plain decode);
 *   without `algorithm` the token header chooses the algorithm, so the one `algorithm` argument is the allow-list.
 *   It checks `exp`/`nbf` when present, but knows no audience or issuer.
 */
export const encode: ApiModel = {
  op: 'sign',
  args: { payload: 0, key: 1, algorithm: 2, options: 3 },
  // no `expiresIn` option: an expiration can only come from the payload's `exp`
  options: { expiresIn: [] },
  defaultAlgorithm: 'HS256',
};

export const decodeUnverified: ApiModel = { op: 'decode', args: { token: 0, key: 1, noVerify: 2, algorithm: 3 } };

export const decode: ApiModel = {
  op: 'verify',
  args: { token: 0, key: 1, noVerify: 2, algorithm: 3 },
  argConcepts: { algorithms: 'algorithm' },
  needsAllowList: true,
  whenNoVerify: decodeUnverified,
};

export const jwtSimple: LibraryModel = {
  id: 'jwt-simple',
  modules: ['jwt-simple'],
  esm: false,
  exports: {
    encode: { call: encode },
    decode: { call: decode },
  },
};
