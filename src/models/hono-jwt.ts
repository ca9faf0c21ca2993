import type { ApiModel, LibraryModel } from './types.js';

/**
 * hono/jwt (Hono's JWT helper and middleware; `Jwt` namespace from `hono/utils/jwt`).
 * - `sign(payload, privateKey, alg = 'HS256')` — no `expiresIn`: a token expires only through a payload `exp`.
 * - `verify(token, publicKey, alg)` — before 4.11.4 `alg` defaulted to HS256 (a fixed default, not the header's
 *   choice); since 4.11.4 it is required. Checks `exp`/`nbf`/`iat`; no audience/issuer pinning by default.
 * - `decode(token)` — no check.
 * - `jwt({ secret, alg, cookie })` — the middleware; `alg` is the one accepted algorithm.
 */
export const sign: ApiModel = {
  op: 'sign',
  args: { payload: 0, key: 1, algorithm: 2 },
  options: { expiresIn: [] },
  defaultAlgorithm: 'HS256',
};

export const verify: ApiModel = {
  op: 'verify',
  args: { token: 0, key: 1, algorithm: 2 },
  argConcepts: { algorithms: 'algorithm' },
  needsAllowList: false,
  returnsPromise: true,
};

export const decode: ApiModel = { op: 'decode', args: { token: 0 } };

export const middleware: ApiModel = {
  op: 'configure-verify',
  args: { options: 0 },
  options: { key: 'secret', algorithms: 'alg' },
  needsAllowList: false,
};

const tree = {
  sign: { call: sign },
  verify: { call: verify },
  decode: { call: decode },
};

export const honoJwt: LibraryModel = {
  id: 'hono/jwt',
  modules: ['hono/jwt', 'hono/utils/jwt', 'hono/utils/jwt/jwt'],
  esm: true,
  exports: {
    ...tree,
    jwt: { call: middleware },
    Jwt: { members: tree },
  },
};
