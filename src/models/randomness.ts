/**
 * Sources of randomness, as data: which globals and library exports produce values an attacker can predict
 * (`weak`), and which produce cryptographically strong ones (`strong`, only used to keep a composite value such as
 * `randomBytes(16).toString('hex') + Date.now()` silent). `analysis/randomness.ts` finds the calls through
 * `ReferenceTracker` (globals, unshadowed) and the import model (modules), never by a method's name.
 *
 * Facts, from each library's documentation:
 * - `Math.random()` is not a CSPRNG (V8 uses xorshift128+; its state can be recovered from a few outputs).
 * - `Date.now()` / `new Date().getTime()` are the clock: guessable to the millisecond.
 * - `uuid` `v1` (and `v6`, its reordered form) is a timestamp plus a per-process node id and clock sequence:
 *   one observed id predicts the next. `v4` (and `crypto.randomUUID()`) is 122 random bits.
 * - `shortid` (deprecated) and `uniqid` (time + process + MAC address) are not meant to be unguessable;
 *   `nanoid/non-secure` is `Math.random()`; lodash/underscore `random` is `Math.random()`.
 * - `crypto.randomBytes`, `randomUUID`, `randomInt`, `getRandomValues` (Node and Web Crypto), `nanoid` (from `nanoid`),
 *   `uuid` `v4`, `@paralleldrive/cuid2` `createId` are strong.
 */

export type WeakSourceKind =
  /** `Math.random()` and libraries built on it */
  | 'math-random'
  /** the clock: `Date.now()`, `new Date().getTime()` */
  | 'clock'
  /** time-based identifiers: `uuid` v1 / v6, `uniqid` */
  | 'time-id'
  /** identifiers that are unique but not meant to be unguessable (`shortid`) */
  | 'weak-id';

export interface WeakSourceModel {
  kind: WeakSourceKind;
  /** the value is a UUID string, so `crypto.randomUUID()` is a drop-in replacement */
  uuid?: boolean;
}

export const MATH_RANDOM: WeakSourceModel = { kind: 'math-random' };
export const CLOCK: WeakSourceModel = { kind: 'clock' };
const TIME_UUID: WeakSourceModel = { kind: 'time-id', uuid: true };
const TIME_ID: WeakSourceModel = { kind: 'time-id' };
const WEAK_ID: WeakSourceModel = { kind: 'weak-id' };

/** A node of a module's export tree: calling `call`, or members. `[]`-path calls are the module itself. */
export interface SourceExport {
  call?: WeakSourceModel;
  members?: Readonly<Record<string, SourceExport>>;
}

/** Weak sources exported by modules, by module specifier (the module object, CommonJS-style). */
export const weakModuleSources: Readonly<Record<string, SourceExport>> = {
  uuid: { members: { v1: { call: TIME_UUID }, v6: { call: TIME_UUID } } },
  'uuid/v1': { call: TIME_UUID },
  'uuid/dist/v1': { call: TIME_UUID },
  'uuid/dist/esm-browser/v1': { call: TIME_UUID },
  'node-uuid': { members: { v1: { call: TIME_UUID } } },
  uniqid: { call: TIME_ID, members: { time: { call: TIME_ID }, process: { call: TIME_ID } } },
  shortid: { call: WEAK_ID, members: { generate: { call: WEAK_ID } } },
  'nanoid/non-secure': { members: { nanoid: { call: MATH_RANDOM } } },
  lodash: { members: { random: { call: MATH_RANDOM } } },
  'lodash-es': { members: { random: { call: MATH_RANDOM } } },
  'lodash/random': { call: MATH_RANDOM },
  'lodash.random': { call: MATH_RANDOM },
  underscore: { members: { random: { call: MATH_RANDOM } } },
};

/** Weak global sources: `Math.random()`, `Date.now()` (`new Date().getTime()` is recognised structurally). */
export const weakGlobalSources: Readonly<Record<string, SourceExport>> = {
  Math: { members: { random: { call: MATH_RANDOM } } },
  Date: { members: { now: { call: CLOCK } } },
};

/**
 * Callee names of strong generators (`crypto.randomBytes`, `randomUUID`, `getRandomValues`, `nanoid`, `uuidv4`, …).
 * Used only to keep silent a composite that also contains one; never to report.
 */
export const STRONG_CALLEE_NAMES: ReadonlySet<string> = new Set([
  'randomBytes', 'randomUUID', 'randomInt', 'randomFill', 'randomFillSync', 'getRandomValues', 'generateKey',
  'generateKeySync', 'generateSecret', 'nanoid', 'customAlphabet', 'v4', 'uuidv4', 'uuidV4', 'createId', 'cuid',
  'randomstring', 'cryptoRandomString', 'generateRandomString', 'randomToken', 'uid', 'uidSync',
]);

/**
 * Names of JWT claims and sign options whose value must be unguessable: the token id (`jti`, jsonwebtoken's `jwtid`
 * option), a session id (`sid`), a replay `nonce` (OpenID Connect). Other claims (`iat`, `exp`, `sub`) take the clock
 * or an identifier by design.
 */
export const UNGUESSABLE_CLAIMS: ReadonlySet<string> = new Set(['jti', 'jwtid', 'sid', 'nonce', 'jwtId']);

/**
 * Names the clock may legitimately fill in a file that HMAC-signs requests: an exchange or signature `nonce` must be
 * increasing, not secret (`nonce: Date.now()` in Kraken/Bitfinex-style request signing). Elsewhere a nonce is an
 * OpenID Connect / OAuth replay guard, and a clock value there is guessable.
 */
export const CLOCK_ALLOWED_HEADS: ReadonlySet<string> = new Set(['nonce']);

/**
 * Options whose function generates a session id: express-session and koa-session `genid`, @fastify/session
 * `idGenerator`. The value of the function is judged as that name.
 */
export const ID_GENERATOR_OPTIONS: ReadonlyMap<string, string> = new Map([
  ['genid', 'session_id'],
  ['idGenerator', 'session_id'],
]);
