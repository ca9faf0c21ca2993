/**
 * The shape of a library model. A model is data: for each export of a JWT library, what the API does
 * (`op`), which positional argument plays which role, and where the security-relevant options live.
 * Rules read models; they never match an API by its method name.
 */

/** What an API does with a token. */
export type Operation =
  /** produces a token from a payload and a key (`jwt.sign`, jose `SignJWT…sign`) */
  | 'sign'
  /** checks a token's signature, and usually its claims (`jwt.verify`, jose `jwtVerify`) */
  | 'verify'
  /** reads a token without checking its signature (`jwt.decode`, `jwtDecode`) */
  | 'decode'
  /** configures something that verifies tokens later (middleware, strategy, verifier factory) */
  | 'configure-verify'
  /** configures something that signs tokens later (signer factory, module registration) */
  | 'configure-sign'
  /** configures both (a module or plugin registration with sign and verify blocks) */
  | 'configure'
  /** configures something that decodes later without verifying (fast-jwt `createDecoder`) */
  | 'configure-decode'
  /** builds a key object from key material (`importPKCS8`, `createSecretKey`) */
  | 'import-key'
  /** creates or reads unsecured (`alg: none`) tokens (jose `UnsecuredJWT`) */
  | 'unsecured';

/** How a library reads a lifetime such as `expiresIn`. */
export type DurationSemantics =
  /** numbers are seconds; strings go through the `ms` package (a unitless string is milliseconds) */
  | 'jsonwebtoken'
  /** numbers are milliseconds; strings go through the `ms` package (fast-jwt) */
  | 'milliseconds'
  /** numbers are seconds; strings are relative durations (`'2h'`) in jose's grammar */
  | 'jose';

/** Positional roles an argument can play. */
export type ArgRole = 'token' | 'key' | 'payload' | 'options' | 'callback' | 'algorithm' | 'noVerify' | 'header';

/** Concepts an options object can carry; each maps to a dotted path inside the options object. */
export type OptionConcept =
  | 'payload' // the claims, when an API takes them inside its options object (jws `sign({ header, payload, secret })`)
  | 'algorithms' // allow-list on verify
  | 'algorithm' // single algorithm on sign (on verify it is a mistake: singular)
  | 'expiresIn'
  | 'notBefore'
  | 'maxAge'
  | 'audience'
  | 'issuer'
  | 'ignoreExpiration'
  | 'key' // key material passed inside the options (e.g. `secret`, `secretOrKey`, `privateKey`)
  | 'noTimestamp'
  | 'complete'
  | 'json'
  | 'headerOnly' // a decode option that makes it return the header only (jwt-decode `{ header: true }`)
  | 'issuedAt' // builder method that sets `iat` (jose `setIssuedAt`)
  | 'header' // protected header fields given on sign (jsonwebtoken `header`); its `alg` overrides `algorithm`
  | 'signOptions' // nested sign block of a module/plugin registration
  | 'verifyOptions'; // nested verify block

export interface ApiModel {
  op: Operation;
  /** argument index per role */
  args: Partial<Record<ArgRole, number>>;
  /**
   * Where each concept lives in the options object (dotted paths, first match wins). A concept
   * may live at several paths (`['secret', 'secretOrPrivateKey']`). An empty list means the API has no such option
   * (the concept is always `absent`, e.g. `expiresIn: []` for jwt-simple `encode`, whose tokens expire only through
   * a payload `exp`); a concept not listed at all is `unknown`.
   */
  options?: Partial<Record<OptionConcept, string | readonly string[]>>;
  /** how this API reads durations in its options */
  durations?: DurationSemantics;
  /** the API is a builder (jose `new SignJWT(p)…`): the usage carries the chain of method calls */
  builder?: boolean;
  /** verification needs an explicit allow-list to be safe (false for jose, which binds algorithms to key types) */
  needsAllowList?: boolean;
  /** the key argument may be a function / provider (callback style key lookup) */
  keyMayBeFunction?: boolean;
  /** a function in the options position is the callback (jsonwebtoken `verify(token, key, cb)`) */
  optionsMayBeCallback?: boolean;
  /** builder APIs: which chained method carries a concept (`expiresIn` → `setExpirationTime(arg0)`) */
  chain?: Partial<Record<OptionConcept, { method: string; path?: string }>>;
  /** verifies the signature only; claims (exp, aud, iss) are left to the caller (jose `compactVerify`) */
  claimsUnchecked?: boolean;
  /** decodes only the header (reading `kid`/`alg` is not trusting the payload) */
  headerOnly?: boolean;
  /** the token's payload is encrypted (JWE: jose `EncryptJWT`): its claims are not readable by whoever holds it */
  encrypts?: boolean;
  /** a decode that always returns the complete token, `{ header, payload, signature }` (jws `decode`) */
  completeResult?: boolean;
  /** import-key APIs: which kind of key the material is */
  keyKind?: 'secret' | 'private' | 'public';
  /**
   * The call returns a function performing an operation later (fast-jwt `createSigner(opts)` → `signer(payload)`):
   * each call of the returned function is a usage of this model, and inherits from the creating usage (see `inherits`).
   */
  returns?: ApiModel;
  /**
   * The call / construction returns an object whose methods are APIs (`new JwtService(opts).sign(…)`): each method
   * call on the object (through a variable or a `this.field` of a class) is a usage of that method's model.
   */
  instance?: Readonly<Record<string, ApiModel>>;
  /**
   * Defaults this API takes from a configuring usage — the call that created the function/object (`createSigner`,
   * `new JwtService`), or the module/plugin registration of the same file (`JwtModule.register`, `fastify.register`).
   * Maps a concept to its path(s) in the configuring usage's options. When the per-call option is absent,
   * `getUsageOption` answers from the configuration: `absent` when the configuration is fully known and lacks it too,
   * otherwise `unknown` (see `JwtUsage.defaults` and docs/architecture.md, "Inherited defaults").
   */
  inherits?: Partial<Record<OptionConcept, string | readonly string[]>>;
  /**
   * Concepts carried by a positional argument instead of an options object: `{ algorithms: 'algorithm' }` for
   * `jwt-simple` `decode(token, key, noVerify, algorithm)` and `jws.verify(sig, algorithm, key)`, where the one
   * algorithm argument is the allow-list (absent → the token header chooses). `getUsageOption` reads them.
   */
  argConcepts?: Partial<Record<OptionConcept, ArgRole>>;
  /**
   * The options are what a factory property of the first argument returns (`registerAsync({ useFactory: () => ({…}) })`):
   * the name of that property. A factory the import layer cannot read (several returns, a reference to another
   * module, `useClass`) makes the options unknown.
   */
  optionsFromFactory?: string;
  /** the model to use instead when the `noVerify` argument is statically truthy (jwt-simple `decode(t, k, true)`) */
  whenNoVerify?: ApiModel;
  /** the algorithm a sign API uses when none is given (`'HS256'` for jsonwebtoken `sign`); undefined: none / from the key */
  defaultAlgorithm?: string;
  /**
   * The lifetime a sign API gives a token when no `expiresIn` is set (next-auth `encode`: 30 days), in the API's
   * duration semantics. A token signed without the option still expires, so `getUsageOption(…, 'expiresIn')`
   * answers `unknown` rather than `absent` for it.
   */
  defaultExpiresIn?: number | string;
  /**
   * A verify API that accepts an unsigned (`alg: none`) token when its key is empty or missing (jsonwebtoken `verify`:
   * always in ≤ 8, when `none` is allowed in 9). Wrappers that reject an empty key before verifying (passport-jwt,
   * express-jwt and koa-jwt throw on a falsy secret) and verifiers without `none` support leave it unset.
   */
  emptyKeyAcceptsUnsigned?: boolean;
  /** the call returns a promise (jose `jwtVerify`, hono `verify`): a rejection is not caught by a `try` without `await` */
  returnsPromise?: boolean;
}

/** The export tree of one library: nested export names to a model (or deeper exports). */
export interface ExportTree {
  [exportName: string]: ExportNode;
}
export interface ExportNode {
  /** calling this export (`sign(…)`) */
  call?: ApiModel;
  /** constructing it (`new SignJWT(…)`) */
  construct?: ApiModel;
  /** reading it (for promisify and references by value) */
  read?: ApiModel;
  /** nested properties (`jwt.default.sign`, `fastify.jwt.sign`) */
  members?: ExportTree;
  /**
   * Reading this export and passing it to a known wrapper makes a usage that the import layer builds itself:
   * `'passport-strategy'` — `class S extends PassportStrategy(<this>) { constructor() { super(options) } }`
   * (`PassportStrategy` from `@nestjs/passport`): the `super(…)` call is a usage of `construct`.
   */
  wrapped?: 'passport-strategy';
}

export interface LibraryModel {
  /** the module specifiers that load this library (`jsonwebtoken`, `node:…`) */
  modules: readonly string[];
  /** the library ships ES modules only (named exports are real exports) */
  esm: boolean;
  /** a stable id used in usages and docs */
  id: string;
  exports: ExportTree;
  /**
   * What `module.exports` itself is when the module is called directly (`require('koa-jwt')(opts)`,
   * `import expressJwt from 'express-jwt'` ≤ v6).
   */
  self?: ExportNode;
  /**
   * Nest-style injection: a class member or parameter whose type annotation is this export (`jwtService: JwtService`
   * imported from `@nestjs/jwt`) holds an instance whose methods are `instance` (`this.jwtService.sign(…)`); the
   * instance inherits from the file's registration (`registrations`), or is `unknown` when the file has none.
   */
  injectable?: { export: string; instance: Readonly<Record<string, ApiModel>> };
  /**
   * Plugin-style registration (@fastify/jwt): `x.register(<the module>, options)` is a usage of `model`
   * (options at argument 1), and the registration decorates objects with APIs:
   * `instance` — methods of `<registered instance>.<namespace>` (`fastify.jwt.sign`);
   * `request` / `reply` — methods of a route handler's request (first parameter) / reply (second parameter).
   * Decorated calls are recognised in a file that loads the library, or on values tied to the framework (`host`) in a
   * file that imports it — never by their name alone.
   */
  plugin?: {
    model: ApiModel;
    namespace: string;
    instance: Readonly<Record<string, ApiModel>>;
    request: Readonly<Record<string, ApiModel>>;
    reply: Readonly<Record<string, ApiModel>>;
    /**
     * The framework the plugin decorates (Fastify). In a file that does not load the plugin (routes registered in
     * another module), decorated calls are still recognised on values the import model ties to the framework — never
     * on a receiver known only by its name. Their defaults then live elsewhere (`defaults.from` undefined).
     */
    host?: PluginHost;
  };
  /**
   * api ids (`'@nestjs/jwt.JwtModule.register'`) of the usages that configure this library for the whole module: an
   * inheriting usage in the same file takes its defaults from the only such usage of the file.
   */
  registrations?: readonly string[];
}

/**
 * A framework whose objects a plugin decorates (`fastify`), as data: where its instances, route handlers' requests /
 * replies and plugin functions come from in a file that imports the framework.
 */
export interface PluginHost {
  /** the framework's module specifiers (`fastify`) */
  modules: readonly string[];
  /** exports that create an instance when called (`'default'` — the default import / `require` result —, `'fastify'`) */
  factories: readonly string[];
  /** type exports that annotate each kind of value: `{ instance: ['FastifyInstance'], request: [...], … }` */
  types: {
    instance: readonly string[];
    request: readonly string[];
    reply: readonly string[];
    /** plugin function types (`FastifyPluginAsync`): a function so typed gets an instance as first parameter */
    plugin: readonly string[];
  };
  /** plugin wrappers from other modules (`fastify-plugin`'s default export): their function argument's first parameter is an instance */
  wrappers: readonly { module: string; exports: readonly string[] }[];
  /** instance methods that register a route: `get(path, [options], handler)`; `route` takes one options object */
  routeMethods: readonly string[];
  /** route option keys whose function(s) get the request and reply (`handler`, `onRequest`, `preHandler`, …) */
  routeHandlers: readonly string[];
  /** `addHook(name, fn)` names whose function gets the request and reply */
  hooks: readonly string[];
  /** the instance method whose function argument is a plugin: its first parameter is an instance (`register`) */
  register: string;
  /** the request property that holds the instance (`request.server`) */
  serverProperty: string;
  /**
   * Plugin modules that load nothing of the framework (`@fastify/autoload` route folders:
   * `module.exports = async function (fastify, opts) { fastify.post(…) }`): a default-exported function counts as a
   * plugin when its first parameter has one of `instanceNames`, or when a route it registers takes a reply parameter
   * named in `replyNames` (`(request, reply) => …`). Only in files that mention `mention` (the plugin's `jwt`).
   */
  moduleExports?: { instanceNames: readonly string[]; replyNames: readonly string[]; mention: string };
}
