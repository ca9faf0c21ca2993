import type { ApiModel, LibraryModel } from './types.js';

/**
 * jose (panva/jose), ES modules (v4/v5 also ship CommonJS).
 * - `new SignJWT(payload).setProtectedHeader({ alg }).setExpirationTime(t).sign(key)` — a builder; `setExpirationTime`
 *   takes a relative string (`'2h'`), a Date, or a number that is an absolute epoch time in seconds.
 * - `jwtVerify(jwt, key, options)` — the key type binds the algorithm family, so a missing `algorithms` is not the
 *   algorithm-confusion hole it is in jsonwebtoken; `audience`/`issuer`/`maxTokenAge` pin claims.
 * - `jwtDecrypt(jwt, key, options)` — the JWE counterpart; its allow-lists are `keyManagementAlgorithms` / `contentEncryptionAlgorithms`.
 * - `decodeJwt(jwt)`, `decodeProtectedHeader(token)` — no signature check.
 * - `UnsecuredJWT` — `alg: none` tokens, by design.
 */
export const signJwt: ApiModel = {
  op: 'sign',
  args: { payload: 0 },
  builder: true,
  chain: {
    algorithm: { method: 'setProtectedHeader', path: 'alg' },
    expiresIn: { method: 'setExpirationTime' },
    notBefore: { method: 'setNotBefore' },
    audience: { method: 'setAudience' },
    issuer: { method: 'setIssuer' },
    issuedAt: { method: 'setIssuedAt' },
    key: { method: 'sign' },
  },
  durations: 'jose',
};

export const encryptJwt: ApiModel = {
  op: 'sign',
  args: { payload: 0 },
  builder: true,
  chain: {
    algorithm: { method: 'setProtectedHeader', path: 'alg' },
    expiresIn: { method: 'setExpirationTime' },
    notBefore: { method: 'setNotBefore' },
    audience: { method: 'setAudience' },
    issuer: { method: 'setIssuer' },
    issuedAt: { method: 'setIssuedAt' },
    key: { method: 'encrypt' },
  },
  durations: 'jose',
  encrypts: true,
};

const verifyOptions = {
  algorithms: 'algorithms',
  audience: 'audience',
  issuer: 'issuer',
  maxAge: 'maxTokenAge',
} as const;

export const jwtVerify: ApiModel = {
  op: 'verify',
  args: { token: 0, key: 1, options: 2 },
  options: verifyOptions,
  durations: 'jose',
  needsAllowList: false,
  keyMayBeFunction: true,
  returnsPromise: true,
};

/**
 * `jwtDecrypt(jwt, key, options)` — a JWE: there is no `algorithms` option; the allow-lists are
 * `keyManagementAlgorithms` (the header's `alg`) and `contentEncryptionAlgorithms` (`enc`). The first is the
 * `algorithms` concept. Claims are checked as in `jwtVerify`.
 */
export const jwtDecrypt: ApiModel = {
  ...jwtVerify,
  options: { ...verifyOptions, algorithms: 'keyManagementAlgorithms' },
};

export const compactVerify: ApiModel = {
  op: 'verify',
  args: { token: 0, key: 1, options: 2 },
  options: { algorithms: 'algorithms' },
  needsAllowList: false,
  keyMayBeFunction: true,
  claimsUnchecked: true,
  returnsPromise: true,
};

export const decodeJwt: ApiModel = { op: 'decode', args: { token: 0 } };
export const decodeProtectedHeader: ApiModel = { op: 'decode', args: { token: 0 }, headerOnly: true };
export const unsecured: ApiModel = { op: 'unsecured', args: { payload: 0 }, builder: true };
export const unsecuredDecode: ApiModel = { op: 'unsecured', args: { token: 0 } };
export const importPrivate: ApiModel = { op: 'import-key', args: { key: 0, algorithm: 1 }, keyKind: 'private' };
export const importPublic: ApiModel = { op: 'import-key', args: { key: 0, algorithm: 1 }, keyKind: 'public' };

export const jose: LibraryModel = {
  id: 'jose',
  modules: ['jose'],
  esm: true,
  exports: {
    SignJWT: { construct: signJwt },
    EncryptJWT: { construct: encryptJwt },
    jwtVerify: { call: jwtVerify, read: jwtVerify },
    jwtDecrypt: { call: jwtDecrypt },
    compactVerify: { call: compactVerify },
    flattenedVerify: { call: compactVerify },
    generalVerify: { call: compactVerify },
    decodeJwt: { call: decodeJwt, read: decodeJwt },
    decodeProtectedHeader: { call: decodeProtectedHeader },
    UnsecuredJWT: { construct: unsecured, members: { decode: { call: unsecuredDecode } } },
    importPKCS8: { call: importPrivate },
    importSPKI: { call: importPublic },
    importX509: { call: importPublic },
    importJWK: { call: { op: 'import-key', args: { key: 0, algorithm: 1 } } },
  },
};
