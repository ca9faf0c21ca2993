import type { ApiModel, LibraryModel, PluginHost } from './types.js';

/**
 * @fastify/jwt (formerly `fastify-jwt`): a Fastify plugin over fast-jwt (over jsonwebtoken before v6).
 * - `fastify.register(fastifyJwt, { secret, sign: {…}, verify: {…}, decode: {…} })` — `secret` is a string/Buffer,
 *   `{ private, public }`, or a function; `sign` holds defaults (`expiresIn`, `algorithm`, `iss`, `aud`, …), `verify`
 *   holds `algorithms`, `allowedIss`, `allowedAud`, `maxAge`, `ignoreExpiration`, …
 * - It decorates the instance with `fastify.jwt.sign/verify/decode`, the reply with `reply.jwtSign(payload, options)`
 *   and the request with `request.jwtVerify(options)` / `request.jwtDecode(options)`. Decorator options are flat
 *   (`{ expiresIn }`) or nested (`{ sign: { expiresIn } }`, `{ verify: { … } }`).
 * - Numbers in `expiresIn`/`notBefore`/`maxAge` are seconds (the plugin converts them for fast-jwt).
 * Decorated calls inherit the registration of the same file; they are recognised in a file that loads the plugin, on
 * the registered instance or on a route handler's request (first parameter) / reply (second parameter), and in a file
 * that only imports `fastify` on values whose Fastify origin the import model proves (`fastifyHost`); their defaults
 * then live elsewhere.
 */
const registrationOptions = {
  key: ['secret.private', 'secret'],
  algorithm: 'sign.algorithm',
  expiresIn: 'sign.expiresIn',
  notBefore: 'sign.notBefore',
  algorithms: 'verify.algorithms',
  ignoreExpiration: 'verify.ignoreExpiration',
  maxAge: 'verify.maxAge',
  signOptions: 'sign',
  verifyOptions: 'verify',
} as const;

export const register: ApiModel = {
  op: 'configure',
  args: { options: 1 },
  options: registrationOptions,
  durations: 'jsonwebtoken',
  needsAllowList: false,
  keyMayBeFunction: true,
};

const signInherits = {
  key: ['secret.private', 'secret'],
  algorithm: 'sign.algorithm',
  expiresIn: 'sign.expiresIn',
  notBefore: 'sign.notBefore',
  audience: 'sign.aud',
  issuer: 'sign.iss',
} as const;

const verifyInherits = {
  key: ['secret.public', 'secret'],
  algorithms: 'verify.algorithms',
  audience: 'verify.allowedAud',
  issuer: 'verify.allowedIss',
  ignoreExpiration: 'verify.ignoreExpiration',
  maxAge: 'verify.maxAge',
} as const;

export const sign: ApiModel = {
  op: 'sign',
  args: { payload: 0, options: 1, callback: 2 },
  options: { key: 'key', algorithm: 'algorithm', expiresIn: 'expiresIn', notBefore: 'notBefore', audience: 'aud', issuer: 'iss' },
  inherits: signInherits,
  durations: 'jsonwebtoken',
  optionsMayBeCallback: true,
};

export const verify: ApiModel = {
  op: 'verify',
  args: { token: 0, options: 1, callback: 2 },
  options: {
    key: 'key',
    algorithms: 'algorithms',
    audience: 'allowedAud',
    issuer: 'allowedIss',
    ignoreExpiration: 'ignoreExpiration',
    maxAge: 'maxAge',
    complete: 'complete',
  },
  inherits: verifyInherits,
  durations: 'jsonwebtoken',
  needsAllowList: false,
  optionsMayBeCallback: true,
};

export const decode: ApiModel = { op: 'decode', args: { token: 0, options: 1 }, options: { complete: 'complete' } };

export const replySign: ApiModel = {
  op: 'sign',
  args: { payload: 0, options: 1, callback: 2 },
  options: {
    key: ['sign.key', 'key'],
    algorithm: ['sign.algorithm', 'algorithm'],
    expiresIn: ['sign.expiresIn', 'expiresIn'],
    notBefore: ['sign.notBefore', 'notBefore'],
    audience: ['sign.aud', 'aud'],
    issuer: ['sign.iss', 'iss'],
  },
  inherits: signInherits,
  durations: 'jsonwebtoken',
  optionsMayBeCallback: true,
};

export const requestVerify: ApiModel = {
  op: 'verify',
  args: { options: 0, callback: 1 },
  options: {
    key: ['verify.key', 'key'],
    algorithms: ['verify.algorithms', 'algorithms'],
    audience: ['verify.allowedAud', 'allowedAud'],
    issuer: ['verify.allowedIss', 'allowedIss'],
    ignoreExpiration: ['verify.ignoreExpiration', 'ignoreExpiration'],
    maxAge: ['verify.maxAge', 'maxAge'],
  },
  inherits: verifyInherits,
  durations: 'jsonwebtoken',
  needsAllowList: false,
  optionsMayBeCallback: true,
};

export const requestDecode: ApiModel = { op: 'decode', args: { options: 0, callback: 1 }, optionsMayBeCallback: true };

/**
 * Fastify itself, for route files that do not load the plugin (it is registered in `app.ts`): an instance is what
 * `fastify()` returns, a parameter typed `FastifyInstance`, the first parameter of a `fastify-plugin` `fp(fn)` / a
 * `FastifyPluginAsync` function / a function registered with `instance.register(fn)`; route handlers and request hooks
 * of an instance get `(request, reply)`.
 */
const fastifyHost: PluginHost = {
  modules: ['fastify'],
  factories: ['default', 'fastify'],
  types: {
    instance: ['FastifyInstance'],
    request: ['FastifyRequest'],
    reply: ['FastifyReply'],
    plugin: ['FastifyPluginAsync', 'FastifyPluginCallback'],
  },
  wrappers: [{ module: 'fastify-plugin', exports: ['default', 'fastifyPlugin'] }],
  routeMethods: ['get', 'head', 'post', 'put', 'delete', 'options', 'patch', 'all', 'route'],
  routeHandlers: ['handler', 'onRequest', 'preParsing', 'preValidation', 'preHandler', 'preSerialization', 'onSend', 'onResponse'],
  hooks: ['onRequest', 'preParsing', 'preValidation', 'preHandler', 'preSerialization', 'onSend', 'onResponse', 'onTimeout', 'onError'],
  register: 'register',
  serverProperty: 'server',
  moduleExports: { instanceNames: ['fastify'], replyNames: ['reply'], mention: 'jwt' },
};

export const fastifyJwt: LibraryModel = {
  id: '@fastify/jwt',
  modules: ['@fastify/jwt', 'fastify-jwt'],
  esm: false,
  exports: {},
  plugin: {
    model: register,
    namespace: 'jwt',
    instance: { sign, verify, decode },
    request: { jwtVerify: requestVerify, jwtDecode: requestDecode },
    reply: { jwtSign: replySign },
    host: fastifyHost,
  },
  registrations: ['@fastify/jwt.register'],
};
