import type { ApiModel, LibraryModel } from './types.js';

/**
 * @nestjs/jwt: a Nest module over jsonwebtoken.
 * - `JwtModule.register(options)` / `registerAsync({ useFactory: (…) => options })` configure the module: `secret`,
 *   `privateKey` / `publicKey`, `signOptions` (`expiresIn`, `algorithm`, `audience`, `issuer`, …) and `verifyOptions`
 *   (`algorithms`, `audience`, `issuer`, `ignoreExpiration`, `maxAge`). The factory's returned object is the options.
 * - `JwtService` — injected (`constructor(private readonly jwtService: JwtService)`) or `new JwtService(options)`:
 *   `sign/signAsync(payload, options)` and `verify/verifyAsync(token, options)` take per-call options (incl. a
 *   per-call `secret`) merged over the module's; `decode(token)` checks nothing.
 * Service calls inherit the module options of the registration in the same file; in a file without one they are
 * configured elsewhere (unknown). Like jsonwebtoken, numbers are seconds.
 *
 * The registration carries the value concepts (hardcoded secret, `'none'`, mixed lists, `ignoreExpiration: true`,
 * a long `expiresIn`); "missing" concepts (audience, issuer, expiration, allow-list) are judged at the service calls,
 * since many applications register the module only to sign.
 */
const moduleOptions = {
  key: ['secret', 'privateKey'],
  algorithm: 'signOptions.algorithm',
  expiresIn: 'signOptions.expiresIn',
  notBefore: 'signOptions.notBefore',
  header: 'signOptions.header',
  algorithms: 'verifyOptions.algorithms',
  ignoreExpiration: 'verifyOptions.ignoreExpiration',
  maxAge: 'verifyOptions.maxAge',
  signOptions: 'signOptions',
  verifyOptions: 'verifyOptions',
} as const;

export const register: ApiModel = {
  op: 'configure',
  args: { options: 0 },
  options: moduleOptions,
  durations: 'jsonwebtoken',
  needsAllowList: false,
};

export const registerAsync: ApiModel = { ...register, optionsFromFactory: 'useFactory' };

export const sign: ApiModel = {
  op: 'sign',
  args: { payload: 0, options: 1 },
  options: {
    key: ['secret', 'privateKey'],
    algorithm: 'algorithm',
    expiresIn: 'expiresIn',
    notBefore: 'notBefore',
    audience: 'audience',
    issuer: 'issuer',
    noTimestamp: 'noTimestamp',
    header: 'header',
  },
  inherits: {
    key: ['secret', 'privateKey'],
    algorithm: 'signOptions.algorithm',
    header: 'signOptions.header',
    expiresIn: 'signOptions.expiresIn',
    notBefore: 'signOptions.notBefore',
    audience: 'signOptions.audience',
    issuer: 'signOptions.issuer',
    noTimestamp: 'signOptions.noTimestamp',
  },
  durations: 'jsonwebtoken',
  defaultAlgorithm: 'HS256',
};

export const verify: ApiModel = {
  op: 'verify',
  args: { token: 0, options: 1 },
  options: {
    key: ['secret', 'publicKey'],
    algorithms: 'algorithms',
    algorithm: 'algorithm',
    audience: 'audience',
    issuer: 'issuer',
    ignoreExpiration: 'ignoreExpiration',
    maxAge: 'maxAge',
    complete: 'complete',
  },
  inherits: {
    key: ['secret', 'publicKey'],
    algorithms: 'verifyOptions.algorithms',
    audience: 'verifyOptions.audience',
    issuer: 'verifyOptions.issuer',
    ignoreExpiration: 'verifyOptions.ignoreExpiration',
    maxAge: 'verifyOptions.maxAge',
    complete: 'verifyOptions.complete',
  },
  durations: 'jsonwebtoken',
  needsAllowList: false,
};

export const decode: ApiModel = { op: 'decode', args: { token: 0, options: 1 }, options: { complete: 'complete', json: 'json' } };

/** `signAsync` / `verifyAsync`: the same options, a promise (a failed verification rejects). */
export const signAsync: ApiModel = { ...sign, returnsPromise: true };
export const verifyAsync: ApiModel = { ...verify, returnsPromise: true };

const serviceMethods = { sign, signAsync, verify, verifyAsync, decode };

export const construct: ApiModel = { ...register, instance: serviceMethods };

export const nestjsJwt: LibraryModel = {
  id: '@nestjs/jwt',
  modules: ['@nestjs/jwt'],
  esm: false,
  exports: {
    JwtModule: { members: { register: { call: register }, registerAsync: { call: registerAsync } } },
    JwtService: { construct },
  },
  injectable: { export: 'JwtService', instance: serviceMethods },
  registrations: ['@nestjs/jwt.JwtModule.register', '@nestjs/jwt.JwtModule.registerAsync'],
};
