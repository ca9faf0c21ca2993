import type { ApiModel, LibraryModel } from './types.js';

/**
 * passport-jwt (mikenicholson/passport-jwt): `new Strategy(options, verify)` (usually imported as `JwtStrategy`),
 * also `class JwtStrategy extends PassportStrategy(Strategy) { constructor() { super(options) } }` in Nest.
 * The options go to `jsonwebtoken.verify`: `secretOrKey` (or a `secretOrKeyProvider` function), `algorithms`,
 * `audience`, `issuer`, `ignoreExpiration`, and `jsonWebTokenOptions` (other jsonwebtoken options, e.g. `maxAge`).
 * The options may be completed after creation (`opts.secretOrKey = …`) — `readObject` follows that.
 */
export const strategy: ApiModel = {
  op: 'configure-verify',
  args: { options: 0, callback: 1 },
  options: {
    key: ['secretOrKey', 'secretOrKeyProvider'],
    algorithms: ['algorithms', 'jsonWebTokenOptions.algorithms'],
    audience: ['audience', 'jsonWebTokenOptions.audience'],
    issuer: ['issuer', 'jsonWebTokenOptions.issuer'],
    ignoreExpiration: ['ignoreExpiration', 'jsonWebTokenOptions.ignoreExpiration'],
    maxAge: 'jsonWebTokenOptions.maxAge',
  },
  durations: 'jsonwebtoken',
  needsAllowList: true,
  keyMayBeFunction: true,
};

export const passportJwt: LibraryModel = {
  id: 'passport-jwt',
  modules: ['passport-jwt'],
  esm: false,
  exports: {
    Strategy: { construct: strategy, read: strategy, wrapped: 'passport-strategy' },
    JwtStrategy: { construct: strategy, read: strategy, wrapped: 'passport-strategy' },
  },
};
