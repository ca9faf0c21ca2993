import type { ApiModel, LibraryModel } from './types.js';

/**
 * next-auth/jwt (NextAuth.js / Auth.js session tokens, encrypted JWTs).
 * All three are `async`.
 * - `encode({ token, secret, maxAge = 30 days, salt })` — `maxAge` is seconds; without it the token still expires
 *   after 30 days (`defaultExpiresIn`).
 * - `decode({ token, secret, salt })` — decrypts and checks the token.
 * - `getToken({ req, secret, raw, … })` — reads the session cookie and decodes it (secret defaults to
 *   `NEXTAUTH_SECRET` / `AUTH_SECRET`).
 * The algorithm is fixed by the library (dir + A256GCM / A256CBC-HS512): no allow-list to give.
 */
export const encode: ApiModel = {
  op: 'sign',
  args: { options: 0 },
  options: { key: 'secret', expiresIn: 'maxAge' },
  durations: 'jsonwebtoken',
  defaultExpiresIn: 30 * 24 * 60 * 60,
};

export const decode: ApiModel = {
  op: 'verify',
  args: { options: 0 },
  options: { key: 'secret' },
  needsAllowList: false,
  returnsPromise: true,
};

export const getToken: ApiModel = {
  op: 'verify',
  args: { options: 0 },
  options: { key: 'secret' },
  needsAllowList: false,
  returnsPromise: true,
};

export const nextAuthJwt: LibraryModel = {
  id: 'next-auth/jwt',
  modules: ['next-auth/jwt', '@auth/core/jwt'],
  esm: false,
  exports: {
    encode: { call: encode },
    decode: { call: decode },
    getToken: { call: getToken },
  },
};
