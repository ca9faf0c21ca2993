import type { ApiModel, LibraryModel } from './types.js';

/**
 * fast-jwt (nearform/fast-jwt): factories that return the function doing the work.
 * - `createSigner({ key, algorithm, expiresIn, notBefore, aud, iss, … })` → `signer(payload)`; `algorithm` is detected
 *   from the key when absent (HS256 for a plain secret). `expiresIn`/`notBefore` **numbers are milliseconds**; strings
 *   go through the `ms` package.
 * - `createVerifier({ key, algorithms, allowedAud, allowedIss, ignoreExpiration, maxAge, … })` → `verifier(token)`;
 *   without `algorithms` every algorithm the key supports is accepted.
 * - `createDecoder()` → `decoder(token)`: no signature check.
 * The returned functions are usages too (`returns`), inheriting the factory's options.
 */
const signConcepts = {
  key: 'key',
  algorithm: 'algorithm',
  expiresIn: 'expiresIn',
  notBefore: 'notBefore',
  audience: 'aud',
  issuer: 'iss',
  noTimestamp: 'noTimestamp',
} as const;

const verifyConcepts = {
  key: 'key',
  algorithms: 'algorithms',
  audience: 'allowedAud',
  issuer: 'allowedIss',
  ignoreExpiration: 'ignoreExpiration',
  maxAge: 'maxAge',
  complete: 'complete',
} as const;

export const signer: ApiModel = {
  op: 'sign',
  args: { payload: 0, callback: 1 },
  inherits: signConcepts,
  durations: 'milliseconds',
};

export const createSigner: ApiModel = {
  op: 'configure-sign',
  args: { options: 0 },
  options: signConcepts,
  durations: 'milliseconds',
  keyMayBeFunction: true,
  returns: signer,
};

export const verifier: ApiModel = {
  op: 'verify',
  args: { token: 0, callback: 1 },
  inherits: verifyConcepts,
  durations: 'milliseconds',
};

export const createVerifier: ApiModel = {
  op: 'configure-verify',
  args: { options: 0 },
  options: verifyConcepts,
  durations: 'milliseconds',
  needsAllowList: true,
  keyMayBeFunction: true,
  returns: verifier,
};

export const decoder: ApiModel = { op: 'decode', args: { token: 0 }, inherits: { complete: 'complete' } };

export const createDecoder: ApiModel = {
  op: 'configure-decode',
  args: { options: 0 },
  options: { complete: 'complete' },
  returns: decoder,
};

export const fastJwt: LibraryModel = {
  id: 'fast-jwt',
  modules: ['fast-jwt'],
  esm: false,
  exports: {
    createSigner: { call: createSigner },
    createVerifier: { call: createVerifier },
    createDecoder: { call: createDecoder },
  },
};
