import type { ApiModel, LibraryModel } from './types.js';

/**
 * express-jwt (auth0/express-jwt): Express middleware that verifies the bearer token with jsonwebtoken.
 * - v7+: `expressjwt(options)` (named export); ≤ v6: the module itself is the middleware factory
 *   (`const jwt = require('express-jwt'); app.use(jwt(options))`).
 * - `secret`: a string/Buffer, or a function / jwks-rsa `expressJwtSecret(…)` provider (a provider is not key material).
 * - `algorithms`: required since v6 (the library throws at start-up without it); older versions accepted any algorithm.
 * - `audience`, `issuer` are passed to `jsonwebtoken.verify`; `credentialsRequired: false` lets requests through
 *   without a token.
 */
export const middleware: ApiModel = {
  op: 'configure-verify',
  args: { options: 0 },
  options: {
    key: 'secret',
    algorithms: 'algorithms',
    audience: 'audience',
    issuer: 'issuer',
    maxAge: 'maxAge',
    ignoreExpiration: 'ignoreExpiration',
  },
  durations: 'jsonwebtoken',
  needsAllowList: true,
  keyMayBeFunction: true,
};

export const expressJwt: LibraryModel = {
  id: 'express-jwt',
  modules: ['express-jwt'],
  esm: false,
  exports: {
    expressjwt: { call: middleware },
  },
  self: { call: middleware },
};
