/**
 * Token lifetimes and token kinds for sign usages.
 *
 * - `getLifetime(context, usage)`: how long a token signed here lives — from the `expiresIn` concept (read with the
 *   model's duration semantics), from a builder's expiration method (jose `setExpirationTime`), or from an `exp`
 *   claim in a known payload written relative to a clock (`Math.floor(Date.now() / 1000) + 900`). `none` only when
 *   every place an expiration could come from is known to be empty.
 * - `getClaim(context, usage, claim)`: a claim of the payload (`exp`, `iat`, `nbf`, `type`…), `string` when the payload
 *   is a string/bytes (it cannot carry claims).
 * - `isRefreshToken(context, usage)` / `getTokenKind`: the token is a refresh token by its `type`/`typ`/`token_type`
 *   claim, the name it is stored under, its secret's name, or the enclosing function's name (first decisive source
 *   wins; a source that says `access` makes it an access token).
 * - For no-naive-timestamp: `millisecondTime` (a time value in ms, with its rewrite in seconds), `findZonelessDates`,
 *   `timeSetterCalls` (a builder's expiration / not-before / issued-at calls), `secondsClockText`, `joseDurationText`.
 */
import { enclosingFunctionName, isUnshadowedGlobal, skipWrappersUp, staticMemberName, storedUnderName } from './ast.js';
import type { TSESTree } from '@typescript-eslint/utils';
import type { ApiModel } from '../models/types.js';
import { getArg, getChainCall, type ChainCall, type JwtUsage } from './imports.js';
import { mentionsRefresh, splitWords } from './names.js';
import { getOption, type OptionLookup } from './options.js';
import { classifyClock, classifyJoseExpiration, isZonelessDateString, parseDuration } from './time.js';
import { getPayload, getUsageOption } from './usage-options.js';
import { resolveExpression, resolveValue, stripTsWrappers, valueSources, type AnyContext, type Resolved } from './values.js';

type Node = TSESTree.Node;

export type Lifetime =
  /** the token lives `value` seconds; `node` is where the lifetime is written (the value to report on) */
  | { kind: 'seconds'; value: number; node: Node; via: 'option' | 'chain' | 'claim' }
  /** the token is known to carry no `exp`; `stringPayload` when the payload is a string/bytes (no claims at all) */
  | { kind: 'none'; stringPayload?: boolean }
  /** an expiration may be set, or is set to something we cannot evaluate */
  | { kind: 'unknown' };

const UNKNOWN: Lifetime = { kind: 'unknown' };
const SIGN_OPS: ReadonlySet<ApiModel['op']> = new Set(['sign', 'configure-sign', 'configure']);

/** A claim of the payload of a sign usage; `string` when the payload can carry no claims. */
export type ClaimLookup = OptionLookup | { kind: 'string' };

export function getClaim(context: AnyContext, usage: JwtUsage, claim: string): ClaimLookup {
  const payload = getPayload(context, usage);
  // a builder without a payload starts from an empty claims set (jose `new SignJWT()`)
  if (payload.kind === 'absent' && usage.model.builder) return { kind: 'absent' };
  if (payload.kind !== 'present') return { kind: 'unknown' };
  if (isStringPayload(context, payload.node)) return { kind: 'string' };
  return getOption(context, payload.node, claim);
}

function isStringPayload(context: AnyContext, node: Node): boolean {
  const n = stripTsWrappers(node);
  if (n.type === 'ObjectExpression') return false;
  const r = resolveValue(context, n);
  return r.kind === 'known' && (typeof r.value === 'string' || r.value instanceof Uint8Array);
}

/** How long a token signed (or configured to be signed) by `usage` lives. */
export function getLifetime(context: AnyContext, usage: JwtUsage): Lifetime {
  const model = usage.model;
  if (!SIGN_OPS.has(model.op)) return UNKNOWN;
  // a builder that never reaches its signing method signs nothing here
  if (model.builder && !usage.chainEscapes && model.chain?.key && !getChainCall(usage, 'key')) return UNKNOWN;
  const option = getUsageOption(context, usage, 'expiresIn');
  if (option.kind === 'present') {
    // jsonwebtoken throws on `expiresIn` with a string payload: no token, no lifetime
    if (model.op === 'sign' && getClaim(context, usage, 'exp').kind === 'string') return UNKNOWN;
    return model.builder ? fromChainValue(context, option.node, option.value) : fromOptionValue(context, model, option.node, option.value);
  }
  if (model.op !== 'sign') return UNKNOWN;
  const exp = getClaim(context, usage, 'exp');
  if (exp.kind === 'present') return fromClaim(context, exp.node);
  if (option.kind === 'unknown' || exp.kind === 'unknown') return UNKNOWN;
  if (exp.kind === 'string') return option.kind === 'absent' ? { kind: 'none', stringPayload: true } : UNKNOWN;
  return { kind: 'none' };
}

function fromOptionValue(context: AnyContext, model: ApiModel, node: Node, value: Resolved): Lifetime {
  const semantics = model.durations ?? 'jsonwebtoken';
  if (value.kind === 'known') {
    const seconds = parseDuration(value.value, semantics);
    return seconds === undefined ? UNKNOWN : { kind: 'seconds', value: seconds, node, via: 'option' };
  }
  // `rememberMe ? '90d' : '7d'`: when every branch is a known duration, the token can live as long as the longest
  const sources = valueSources(context, node);
  if (sources.length < 2) return UNKNOWN;
  let longest: Lifetime = UNKNOWN;
  for (const source of sources) {
    const seconds = source.kind === 'literal' ? parseDuration(source.value, semantics) : undefined;
    if (seconds === undefined) return UNKNOWN;
    if (longest.kind !== 'seconds' || seconds > longest.value) longest = { kind: 'seconds', value: seconds, node: source.node, via: 'option' };
  }
  return longest;
}

/** jose-style expiration setters: relative strings, absolute NumericDates, Dates. */
function fromChainValue(context: AnyContext, node: Node, value: Resolved): Lifetime {
  if (value.kind === 'known') {
    const c = classifyJoseExpiration(value.value);
    if (c?.kind === 'relative') return { kind: 'seconds', value: c.seconds, node, via: 'chain' };
    if (c) return UNKNOWN;
  }
  const clock = classifyClock(context, node);
  if (clock?.unit === 's' && clock.offsetSeconds !== undefined) return { kind: 'seconds', value: clock.offsetSeconds, node, via: 'chain' };
  const date = clock ? undefined : dateClock(context, node);
  if (date?.offsetSeconds !== undefined) return { kind: 'seconds', value: date.offsetSeconds, node, via: 'chain' };
  return UNKNOWN;
}

function fromClaim(context: AnyContext, node: Node): Lifetime {
  const clock = classifyClock(context, node);
  if (clock?.unit === 's' && clock.offsetSeconds !== undefined) return { kind: 'seconds', value: clock.offsetSeconds, node, via: 'claim' };
  return UNKNOWN;
}

/** `new Date(<millisecond clock>)`: a Date holding now + offset. */
export function dateClock(context: AnyContext, node: Node): { date: true; offsetSeconds?: number } | undefined {
  const n = stripTsWrappers(node);
  if (n.type !== 'NewExpression' || n.callee.type !== 'Identifier' || n.callee.name !== 'Date' || n.arguments.length !== 1) return undefined;
  if (!isUnshadowedGlobal(context, n.callee)) return undefined;
  const arg = n.arguments[0];
  if (arg.type === 'SpreadElement') return undefined;
  const clock = classifyClock(context, arg);
  return clock?.unit === 'ms' ? { date: true, offsetSeconds: clock.offsetSeconds } : undefined;
}


// ---------------------------------------------------------------------------------------------------------------
// Refresh or access token?

export type TokenKind = 'refresh' | 'access';
const TYPE_CLAIMS = ['type', 'typ', 'token_type', 'tokenType', 'token_use'] as const;

/** Whether the token signed by `usage` is a refresh token (otherwise it counts as an access token). */
export function isRefreshToken(context: AnyContext, usage: JwtUsage): boolean {
  return getTokenKind(context, usage) === 'refresh';
}

export function getTokenKind(context: AnyContext, usage: JwtUsage): TokenKind {
  const sources: (() => string[])[] = [
    () => claimTypeNames(context, usage),
    () => tokenNames(usage),
    () => keyNames(usage),
    () => functionNames(usage),
  ];
  for (const source of sources) {
    const kind = kindOfNames(source());
    if (kind) return kind;
  }
  return 'access';
}

/** refresh / access when the names say so unambiguously, otherwise undefined. */
function kindOfNames(names: string[]): TokenKind | undefined {
  let refresh = false;
  let access = false;
  for (const name of names) {
    if (mentionsRefresh(name)) refresh = true;
    else if (splitWords(name).some((w) => w.toLowerCase() === 'access')) access = true;
  }
  if (refresh === access) return undefined;
  return refresh ? 'refresh' : 'access';
}

function claimTypeNames(context: AnyContext, usage: JwtUsage): string[] {
  const out: string[] = [];
  for (const claim of TYPE_CLAIMS) {
    const c = getClaim(context, usage, claim);
    if (c.kind === 'present' && c.value.kind === 'known' && typeof c.value.value === 'string') out.push(c.value.value);
  }
  return out;
}

/** The node whose value is the token: the call itself, or a builder's signing call. */
function tokenNode(usage: JwtUsage): Node {
  if (usage.model.builder) return getChainCall(usage, 'key')?.node ?? usage.node;
  return usage.node;
}





/** Where the token goes: `const refreshToken = …`, `{ refreshToken: … }`, `this.refresh = …`, `res.cookie('refresh', …)`. */
function tokenNames(usage: JwtUsage): string[] {
  const n = skipWrappersUp(tokenNode(usage));
  const stored = storedUnderName(n);
  if (stored) return [stored];
  const p = n.parent;
  if (p?.type === 'CallExpression' && p.arguments[0] !== n && p.arguments[0]?.type === 'Literal') {
    const v = p.arguments[0].value;
    return typeof v === 'string' && v.length <= 64 ? [v] : [];
  }
  return [];
}

/** The names in the key expression: `refreshSecret`, `process.env.JWT_REFRESH_SECRET`, `config.refresh.secret`. */
function keyNames(usage: JwtUsage): string[] {
  let key: Node | undefined;
  if (usage.model.builder) {
    const arg = getChainCall(usage, 'key')?.node.arguments[0];
    key = arg && arg.type !== 'SpreadElement' ? arg : undefined;
  } else {
    const k = getArg(usage, 'key');
    key = k.kind === 'present' ? k.node : undefined;
  }
  const out: string[] = [];
  for (let depth = 0; key && depth < 6; depth++) {
    const k: Node = stripTsWrappers(key);
    if (k.type === 'Identifier') {
      out.push(k.name);
      break;
    }
    if (k.type === 'MemberExpression') {
      const name = staticMemberName(k);
      if (name && name !== 'env') out.push(name);
      key = k.object;
      continue;
    }
    // `new TextEncoder().encode(x)`, `Buffer.from(x)`, `createSecretKey(x)`: look at the key material
    if ((k.type === 'CallExpression' || k.type === 'NewExpression') && k.arguments[0] && k.arguments[0].type !== 'SpreadElement') {
      key = k.arguments[0];
      continue;
    }
    break;
  }
  return out.filter((n) => n !== 'process');
}

/** The name of the nearest named enclosing function (declaration, method, or a function stored under a name). */
function functionNames(usage: JwtUsage): string[] {
  const name = enclosingFunctionName(usage.node);
  return name ? [name] : [];
}

// ---------------------------------------------------------------------------------------------------------------
// Times in the wrong unit or zone (for no-naive-timestamp).

/** Below this a NumericDate in seconds is at most year 5138; above it the number is milliseconds. */
const MAX_EPOCH_SECONDS = 1e11;

/** The expression is written right here (not a name for a value defined elsewhere), so rewriting it is local. */
function isWrittenHere(node: Node): boolean {
  const n = stripTsWrappers(node);
  return n.type !== 'Identifier' && n.type !== 'MemberExpression';
}

/** `Math.floor(Date.now() / 1000) + <seconds>`, the reference shape of a computed NumericDate. */
export function secondsClockText(offsetSeconds: number): string {
  const base = 'Math.floor(Date.now() / 1000)';
  if (offsetSeconds === 0) return base;
  return offsetSeconds > 0 ? `${base} + ${offsetSeconds}` : `${base} - ${-offsetSeconds}`;
}

/**
 * A time value (a claim, a jose setter argument) written in milliseconds: a millisecond clock (`Date.now() + 3600`,
 * `new Date().getTime()`, `+new Date()`) or a known number beyond any plausible date in seconds. `fix` is the
 * rewrite in seconds when it is determined by the code:
 * - `clock + n` where `n / 1000` is a whole number of seconds: the author wrote the offset in milliseconds too, keep
 *   its meaning (`Date.now() + 3600 * 1000` → `… + 3600`);
 * - otherwise the offset was meant in seconds (`Date.now() + 3600` → `… + 3600`, not 3.6 s);
 * - an unknown offset (`Date.now() + ttl`): no rewrite.
 */
export function millisecondTime(context: AnyContext, node: Node): { fix?: string } | undefined {
  const clock = classifyClock(context, node);
  if (clock) {
    if (clock.unit !== 'ms') return undefined;
    if (!isWrittenHere(node)) return {};
    // `new Date(x).getTime()`: the same instant in seconds
    if (clock.offsetSeconds === undefined) return isDateToNumber(node) ? { fix: `Math.floor(${context.sourceCode.getText(node)} / 1000)` } : {};
    const offset = clock.offsetSeconds;
    const seconds = Number.isInteger(offset) ? offset : Math.round(offset * 1000);
    return Number.isSafeInteger(seconds) ? { fix: secondsClockText(seconds) } : {};
  }
  const r = resolveValue(context, node);
  if (r.kind === 'known' && typeof r.value === 'number' && Number.isFinite(r.value) && r.value > MAX_EPOCH_SECONDS) {
    return stripTsWrappers(node).type === 'Literal' ? { fix: String(Math.floor(r.value / 1000)) } : {};
  }
  return undefined;
}

/** `new Date(…).getTime()` / `.valueOf()`: a Date turned into its milliseconds, nothing added. */
function isDateToNumber(node: Node): boolean {
  const n = stripTsWrappers(node);
  if (n.type !== 'CallExpression' || n.arguments.length > 0 || n.callee.type !== 'MemberExpression') return false;
  const name = staticMemberName(n.callee);
  return (name === 'getTime' || name === 'valueOf') && stripTsWrappers(n.callee.object).type === 'NewExpression';
}

/** The time-setting calls of a builder chain (the model's expiration, not-before and issued-at methods), in source order. */
export function timeSetterCalls(usage: JwtUsage): ChainCall[] {
  const chain = usage.model.chain;
  if (!chain) return [];
  const methods = new Set<string>();
  for (const concept of ['expiresIn', 'notBefore', 'issuedAt'] as const) {
    const method = chain[concept]?.method;
    if (method) methods.add(method);
  }
  return usage.chain.filter((c) => methods.has(c.name));
}

/** A relative lifetime in jose's grammar: `'1d'`, `'2h'`, `'15m'`, `'45s'`. */
export function joseDurationText(seconds: number): string {
  for (const [size, unit] of [
    [86400, 'd'],
    [3600, 'h'],
    [60, 'm'],
  ] as const) {
    if (seconds % size === 0) return `'${seconds / size}${unit}'`;
  }
  return `'${seconds}s'`;
}

export interface ZonelessDate {
  /** the string argument of `new Date(…)` / `Date.parse(…)` */
  node: Node;
  value: string;
}

const MAX_ZONE_SCAN = 64;

/**
 * `new Date('2025-01-01 10:00')` / `Date.parse(…)` of a string without a zone inside `node` (following local constants
 * one hop at a time, bounded): the time depends on the zone of the machine that runs the code.
 */
export function findZonelessDates(context: AnyContext, node: Node): ZonelessDate[] {
  const out: ZonelessDate[] = [];
  const seen = new Set<Node>();
  const stack: Node[] = [node];
  let budget = MAX_ZONE_SCAN;
  while (stack.length && budget-- > 0) {
    const n = stripTsWrappers(stack.pop()!);
    if (seen.has(n)) continue;
    seen.add(n);
    if (n.type === 'Identifier') {
      const r = resolveExpression(context, n);
      if (r !== n) stack.push(r);
      continue;
    }
    const dateArg = dateParseArgument(context, n);
    if (dateArg) {
      const v = resolveValue(context, dateArg);
      if (v.kind === 'known' && typeof v.value === 'string' && isZonelessDateString(v.value)) out.push({ node: dateArg, value: v.value });
      continue;
    }
    for (const child of childNodes(n)) stack.push(child);
  }
  return out;
}

function dateParseArgument(context: AnyContext, n: Node): Node | undefined {
  if (n.type !== 'NewExpression' && n.type !== 'CallExpression') return undefined;
  if (n.arguments.length !== 1 || n.arguments[0].type === 'SpreadElement') return undefined;
  const callee = stripTsWrappers(n.callee);
  const isDate = (c: Node) => c.type === 'Identifier' && c.name === 'Date' && isUnshadowedGlobal(context, c);
  if (n.type === 'NewExpression' && isDate(callee)) return n.arguments[0];
  if (
    n.type === 'CallExpression' &&
    callee.type === 'MemberExpression' &&
    !callee.computed &&
    callee.property.type === 'Identifier' &&
    callee.property.name === 'parse' &&
    isDate(callee.object)
  ) {
    return n.arguments[0];
  }
  return undefined;
}

/** Child expressions worth scanning for dates (not into functions). */
function childNodes(n: Node): Node[] {
  switch (n.type) {
    case 'BinaryExpression':
      return n.left.type === 'PrivateIdentifier' ? [n.right] : [n.left, n.right];
    case 'LogicalExpression':
      return [n.left, n.right];
    case 'ConditionalExpression':
      return [n.consequent, n.alternate];
    case 'UnaryExpression':
      return [n.argument];
    case 'CallExpression':
    case 'NewExpression':
      return [n.callee, ...n.arguments.filter((a) => a.type !== 'SpreadElement')];
    case 'MemberExpression':
      return [n.object];
    default:
      return [];
  }
}
