import type { ApiModel, LibraryModel } from './types.js';

/**
 * koa-jwt: Koa middleware over jsonwebtoken; the module itself is the factory (`app.use(jwt({ secret }))`).
 * `secret` may be a string, a Buffer, an array of secrets, or a provider function (`koaJwtSecret(…)` from jwks-rsa);
 * `algorithms`, `audience`, `issuer` are passed to `jsonwebtoken.verify`.
 */
export const middleware: ApiModel = {
  op: 'configure-verify',
  args: { options: 0 },
  options: {
    key: 'secret',
    algorithms: 'algorithms',
    audience: 'audience',
    issuer: 'issuer',
    ignoreExpiration: 'ignoreExpiration',
    maxAge: 'maxAge',
  },
  durations: 'jsonwebtoken',
  needsAllowList: true,
  keyMayBeFunction: true,
};

export const koaJwt: LibraryModel = {
  id: 'koa-jwt',
  modules: ['koa-jwt'],
  esm: false,
  exports: {},
  self: { call: middleware },
};
