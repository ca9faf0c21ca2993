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
  | 'signOptions' // nested sign block of a module/plugin registration
  | 'verifyOptions'; // nested verify block

export interface ApiModel {
  op: Operation;
  /** argument index per role */
  args: Partial<Record<ArgRole, number>>;
  /**
   * Where each concept lives in the options object (dotted paths, first match wins). A concept
   * may live at several paths (`['secret', 'secretOrPrivateKey']`).
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
  /** import-key APIs: which kind of key the material is */
  keyKind?: 'secret' | 'private' | 'public';
  /** the call returns a function performing `op` later (fast-jwt createSigner → signer(payload)) */
  returns?: ApiModel;
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
}
