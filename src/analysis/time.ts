/**
 * Durations and clocks.
 *
 * - `parseDuration` reads a lifetime the way each library reads it (jsonwebtoken / `ms`, fast-jwt
 *   milliseconds, jose's relative-time grammar) and answers in seconds.
 * - `classifyJoseExpiration` tells what jose's `setExpirationTime(x)` will do with `x`.
 * - `classifyClock` recognises "now" on the AST (`Date.now()`, `Math.floor(Date.now() / 1000)`, …),
 *   its unit and a constant offset, using the global `Date` / `Math` only.
 * - small heuristics for rules: `looksLikeMilliseconds`, `isUnitlessDurationString`,
 *   `isZonelessDateString`, `formatDuration`.
 *
 * Nothing here runs scanned code; regexes are anchored, linear or bounded by a length cap.
 */
import { staticMemberName } from './ast.js';
import { findVariable, getStaticValue } from '@eslint-community/eslint-utils';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { DurationSemantics } from '../models/types.js';
import type { AnyContext } from './values.js';
import * as values from './values.js';

// ---------------------------------------------------------------------------------------------
// Durations
// ---------------------------------------------------------------------------------------------

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const YEAR = 365.25 * DAY;

/** Units of the `ms` package (v2), in seconds. */
const MS_UNITS: ReadonlyMap<string, number> = new Map<string, number>([
  ...['milliseconds', 'millisecond', 'msecs', 'msec', 'ms'].map((u) => [u, 0.001] as const),
  ...['seconds', 'second', 'secs', 'sec', 's'].map((u) => [u, 1] as const),
  ...['minutes', 'minute', 'mins', 'min', 'm'].map((u) => [u, MINUTE] as const),
  ...['hours', 'hour', 'hrs', 'hr', 'h'].map((u) => [u, HOUR] as const),
  ...['days', 'day', 'd'].map((u) => [u, DAY] as const),
  ...['weeks', 'week', 'w'].map((u) => [u, WEEK] as const),
  ...['years', 'year', 'yrs', 'yr', 'y'].map((u) => [u, YEAR] as const),
]);

/** Units of jose's relative-time grammar, in seconds (no milliseconds in jose). */
const JOSE_UNITS: ReadonlyMap<string, number> = new Map<string, number>(
  [...MS_UNITS].filter(([, seconds]) => seconds >= 1),
);

/**
 * `ms` v2 grammar: optional `-`, digits with an optional fraction (`.5` allowed), any number of
 * spaces, an optional unit (case-insensitive). No unit means milliseconds. `ms` gives up on
 * strings longer than 100 characters, and so do we (this also bounds the regex).
 */
const MS_RE = /^(-?\d*\.?\d+) *([a-z]+)?$/i;

/** Milliseconds per the `ms` package, or undefined (jsonwebtoken then rejects the value). */
function parseMsString(str: string): number | undefined {
  if (str.length === 0 || str.length > 100) return undefined;
  const m = MS_RE.exec(str);
  if (!m) return undefined;
  const perUnit = m[2] === undefined ? 0.001 : MS_UNITS.get(m[2].toLowerCase());
  if (perUnit === undefined) return undefined;
  return parseFloat(m[1]) * perUnit * 1000;
}

/**
 * jose's `secs` grammar: optional sign, optional space, a decimal number (no leading `.`), optional
 * space, a unit word, optionally ` ago` / ` from now` (not together with a sign). The result is
 * rounded to whole seconds, negative for `-` / `ago`.
 */
const JOSE_RE = /^([+-])? ?(\d+(?:\.\d+)?) ?([a-z]+)(?: (ago|from now))?$/i;

function parseJoseString(str: string): number | undefined {
  if (str.length > 100) return undefined;
  const m = JOSE_RE.exec(str);
  if (!m) return undefined;
  const [, sign, num, unit, suffix] = m;
  if (sign && suffix) return undefined;
  const perUnit = JOSE_UNITS.get(unit.toLowerCase());
  if (perUnit === undefined) return undefined;
  const seconds = Math.round(parseFloat(num) * perUnit);
  if (!Number.isFinite(seconds)) return undefined;
  return sign === '-' || suffix?.toLowerCase() === 'ago' ? -seconds : seconds;
}

/**
 * A lifetime in seconds (may be fractional or negative), or undefined when the library would not
 * read `value` as a duration.
 *
 * - `jsonwebtoken`: an integer number is seconds (a non-integer is rejected by `jwt.sign`, so it is
 *   not a duration); a string goes through `ms` (unitless → milliseconds).
 * - `milliseconds` (fast-jwt): a finite number is milliseconds; a string goes through `ms`.
 * - `jose`: a string in jose's grammar; a number is an absolute timestamp there, not a duration
 *   (see `classifyJoseExpiration`).
 */
export function parseDuration(value: unknown, semantics: DurationSemantics): number | undefined {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return undefined;
    if (semantics === 'jsonwebtoken') return Number.isInteger(value) ? value : undefined;
    if (semantics === 'milliseconds') return value / 1000;
    return undefined;
  }
  if (typeof value !== 'string') return undefined;
  if (semantics === 'jose') return parseJoseString(value);
  const ms = parseMsString(value);
  return ms === undefined ? undefined : ms / 1000;
}

/**
 * A string that `ms` reads as milliseconds because it has no unit (`'3600'` is 3.6 seconds for
 * jsonwebtoken). Useful to flag `expiresIn: '3600'`.
 */
export function isUnitlessDurationString(value: unknown): boolean {
  return typeof value === 'string' && value.length <= 100 && /^-?\d*\.?\d+$/.test(value);
}

const FORMAT_UNITS: ReadonlyArray<readonly [number, string]> = [
  [YEAR, 'year'],
  [DAY, 'day'],
  [HOUR, 'hour'],
  [MINUTE, 'minute'],
  [1, 'second'],
];

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/**
 * A human duration for messages, in the largest unit that reads well: a whole number of it (`900` → `15 minutes`,
 * `2592000` → `30 days`, `3600` → `1 hour`), else at least two of it with at most one decimal (`3600000` →
 * `41.7 days`, not `1000 hours`); below two of a unit the next smaller one, so exact values stay whole
 * (`5400` → `90 minutes`, `129600` → `36 hours`, `100000` → `27.8 hours`). Below a second: milliseconds.
 */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return String(seconds);
  if (seconds < 0) return `-${formatDuration(-seconds)}`;
  if (seconds === 0) return '0 seconds';
  if (seconds < 1) return plural(oneDecimal(seconds * 1000), 'millisecond');
  for (const [size, unit] of FORMAT_UNITS) {
    const n = seconds / size;
    if (n === 1 || n >= 2 || size === 1) return plural(oneDecimal(n), unit);
  }
  return plural(oneDecimal(seconds), 'second');
}

function oneDecimal(n: number): number {
  return Math.round(n * 10) / 10;
}

/**
 * Heuristic: a numeric lifetime that was very likely written in milliseconds where the library
 * reads seconds. Only for `jsonwebtoken` semantics (fast-jwt numbers *are* milliseconds; jose
 * numbers are timestamps, see `classifyJoseExpiration`). The number must be
 * - an integer ≥ 60000 that is a whole number of thousands,
 * - whose thousandth is a whole number of minutes (`3600000` → 3600 s = 1 h, `900000` → 15 min,
 *   `604800000` → 7 d), and
 * - not a plausible lifetime in seconds of at most a year in whole days (`2160000` is exactly
 *   25 days in seconds *and* 36 minutes in milliseconds: ambiguous, stay quiet).
 * So `3600`, `86400`, `1209600` (14 d) pass; `3600000`, `86400000` are flagged.
 */
export function looksLikeMilliseconds(n: number, semantics: DurationSemantics = 'jsonwebtoken'): boolean {
  if (semantics !== 'jsonwebtoken') return false;
  if (!Number.isInteger(n) || n < 60_000 || n % 1000 !== 0) return false;
  const asSeconds = n / 1000;
  if (asSeconds % MINUTE !== 0) return false;
  if (n % DAY === 0 && n / DAY <= 366) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------
// jose setExpirationTime
// ---------------------------------------------------------------------------------------------

/** Below this a number cannot be a meant expiry timestamp (1e9 s is September 2001). */
const MIN_EPOCH_SECONDS = 1e9;
/** Above this a number is a timestamp in milliseconds (1e11 s is the year 5138). */
const MAX_EPOCH_SECONDS = 1e11;

export type JoseExpiration =
  | { kind: 'absolute'; epochSeconds: number }
  | { kind: 'relative'; seconds: number }
  /** a number too small to be a timestamp: someone passed a lifetime (`3600`) */
  | { kind: 'suspicious-small' }
  /** a number so large it is a millisecond timestamp (`Date.now() + …`) */
  | { kind: 'milliseconds' };

/**
 * What jose's `setExpirationTime(value)` (and `setNotBefore` / `setIssuedAt` with a value) does: a
 * number is an absolute NumericDate in seconds, a `Date` is converted to one, a string is relative
 * to now in jose's grammar. Undefined when jose would throw or the value is not one of these.
 */
export function classifyJoseExpiration(value: unknown): JoseExpiration | undefined {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return undefined;
    if (value < MIN_EPOCH_SECONDS) return { kind: 'suspicious-small' };
    if (value > MAX_EPOCH_SECONDS) return { kind: 'milliseconds' };
    return { kind: 'absolute', epochSeconds: value };
  }
  if (typeof value === 'string') {
    const seconds = parseJoseString(value);
    return seconds === undefined ? undefined : { kind: 'relative', seconds };
  }
  if (value && typeof value === 'object' && typeof (value as { getTime?: unknown }).getTime === 'function') {
    const ms = (value as { getTime(): unknown }).getTime();
    if (typeof ms !== 'number' || !Number.isFinite(ms)) return undefined;
    return { kind: 'absolute', epochSeconds: Math.floor(ms / 1000) };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Date strings
// ---------------------------------------------------------------------------------------------

/** ISO-like date and time with no zone designator: parsed as *local* time by `Date`. */
const ZONELESS_ISO_RE = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?$/i;
/** `YYYY/MM/DD` (with or without a time) is not ISO; engines read it as local time. */
const SLASH_DATE_RE = /^\d{4}\/\d{1,2}\/\d{1,2}(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)?$/i;

/**
 * A date string that `new Date(s)` / `Date.parse(s)` reads in the machine's local zone:
 * `'2024-01-01 10:00'`, `'2024-01-01T10:00:00'`, `'2024/01/01'`. ISO date-only strings
 * (`'2024-01-01'`, UTC per spec) and strings with `Z` or an offset are not zoneless.
 */
export function isZonelessDateString(s: string): boolean {
  if (s.length > 40) return false;
  if (!ZONELESS_ISO_RE.test(s) && !SLASH_DATE_RE.test(s)) return false;
  return Number.isFinite(Date.parse(s));
}

// ---------------------------------------------------------------------------------------------
// Clocks on the AST
// ---------------------------------------------------------------------------------------------

/**
 * "Now", in milliseconds or seconds, plus an offset.
 * - `unit`: `'ms'` for `Date.now()`-like values, `'s'` for `Date.now() / 1000`-like values;
 * - `offsetSeconds`: the constant added to now, in seconds whatever the unit (`Date.now() + 3600 * 1000`
 *   → 3600); present only when every added term is known;
 * - `exact`: true when the expression is the clock plus known constants only; false when an unknown
 *   term is added (`Date.now() + ttl`: still a millisecond timestamp, but the offset is unknown);
 * - `integer`: the value is a whole number (`Date.now()`, `Math.floor(Date.now() / 1000)`), false for
 *   an unrounded `Date.now() / 1000` or a `performance` based clock.
 */
export interface ClockExpr {
  unit: 'ms' | 's';
  offsetSeconds?: number;
  exact: boolean;
  integer: boolean;
}

interface Clock {
  unit: 'ms' | 's';
  /** undefined: unknown offset */
  offset: number | undefined;
  integer: boolean;
}

type Node = TSESTree.Node;
type Scope = TSESLint.Scope.Scope;
type Variable = TSESLint.Scope.Variable;

const MAX_DEPTH = 12;
const ROUNDING = new Set(['floor', 'round', 'trunc', 'ceil']);
const GLOBAL_OBJECTS = new Set(['globalThis', 'window', 'self', 'global']);

/** Recognise a clock expression; undefined when `node` is not "now" (in ms or s) plus an offset. */
export function classifyClock(context: AnyContext, node: Node | null | undefined): ClockExpr | undefined {
  if (!node) return undefined;
  const c = clockOf(context, node, 0);
  if (!c) return undefined;
  return c.offset === undefined
    ? { unit: c.unit, exact: false, integer: c.integer }
    : { unit: c.unit, offsetSeconds: c.offset, exact: true, integer: c.integer };
}

function unwrap(node: Node): Node {
  let n = node;
  for (;;) {
    switch (n.type) {
      case 'TSAsExpression':
      case 'TSNonNullExpression':
      case 'TSSatisfiesExpression':
      case 'TSTypeAssertion':
      case 'ChainExpression':
        n = n.expression;
        continue;
      default:
        return n;
    }
  }
}

function scopeOf(context: AnyContext, node: Node): Scope {
  return context.sourceCode.getScope(node) as Scope;
}

function findVar(context: AnyContext, id: TSESTree.Identifier): Variable | null {
  return findVariable(scopeOf(context, id) as never, id as never) as unknown as Variable | null;
}

/** `name` refers to the global of that name (not shadowed, not declared in this file). */
function isGlobalName(context: AnyContext, node: Node, name: string): boolean {
  const n = unwrap(node);
  if (n.type !== 'Identifier' || n.name !== name) return false;
  const v = findVar(context, n);
  return !v || (v.scope.type === 'global' && v.defs.length === 0);
}


/** `Date`, `globalThis.Date`, `window.Date` … referring to the built-in. */
function isGlobalRef(context: AnyContext, node: Node, name: string): boolean {
  const n = unwrap(node);
  if (n.type === 'Identifier') return isGlobalName(context, n, name);
  if (n.type === 'MemberExpression' && staticMemberName(n) === name) {
    const obj = unwrap(n.object);
    return obj.type === 'Identifier' && GLOBAL_OBJECTS.has(obj.name) && isGlobalName(context, obj, obj.name);
  }
  return false;
}

/** `Math.floor`, `Date.now`: a member of a global object. */
function isGlobalMember(context: AnyContext, node: Node, object: string, names: ReadonlySet<string> | string): boolean {
  const n = unwrap(node);
  if (n.type !== 'MemberExpression') return false;
  const p = staticMemberName(n);
  if (p === undefined || (typeof names === 'string' ? p !== names : !names.has(p))) return false;
  return isGlobalRef(context, n.object, object);
}

type ResolveExpression = (context: AnyContext, node: Node) => Node;

/**
 * The expression an identifier stands for: a `const` (or a `let`/`var` written only by its
 * initialiser) declared with a plain identifier; otherwise values.ts' `resolveExpression` when it
 * exists. Undefined when it cannot be followed.
 */
function follow(context: AnyContext, id: TSESTree.Identifier): Node | undefined {
  const v = findVar(context, id);
  if (v && v.defs.length === 1) {
    const def = v.defs[0];
    if (def.type === 'Variable' && def.node.id.type === 'Identifier' && def.node.init) {
      const writes = v.references.filter((r) => r.isWrite()).length;
      if (def.parent.kind === 'const' || writes <= 1) return def.node.init;
    }
    if (def.type === 'Parameter') return undefined;
  }
  const resolveExpression = (values as unknown as { resolveExpression?: ResolveExpression }).resolveExpression;
  if (typeof resolveExpression === 'function') {
    try {
      const r = resolveExpression(context, id);
      if (r && r !== id) return r;
    } catch {
      // the value layer failing must not break clock recognition
    }
  }
  return undefined;
}

type NumberValue = { kind: 'number'; value: number } | { kind: 'other' } | { kind: 'unknown' };

/** A statically known number (getStaticValue first; values.ts' resolveValue when it exists). */
function numberOf(context: AnyContext, node: Node): NumberValue {
  const sv = getStaticValue(node as never, scopeOf(context, node) as never);
  if (sv) return typeof sv.value === 'number' ? { kind: 'number', value: sv.value } : { kind: 'other' };
  const resolveValue = (values as { resolveValue?: unknown }).resolveValue;
  if (typeof resolveValue === 'function') {
    try {
      const r = (resolveValue as typeof values.resolveValue)(context, node);
      if (r.kind === 'known') return typeof r.value === 'number' ? { kind: 'number', value: r.value } : { kind: 'other' };
    } catch {
      // fall through: unknown
    }
  }
  return { kind: 'unknown' };
}

function knownNumber(context: AnyContext, node: Node): number | undefined {
  const r = numberOf(context, node);
  return r.kind === 'number' ? r.value : undefined;
}

/** A variable holding a Date that is later mutated (`d.setHours(…)`) is not "now" any more. */
function isMutatedDate(context: AnyContext, id: TSESTree.Identifier): boolean {
  const v = findVar(context, id);
  if (!v) return false;
  return v.references.some((r) => {
    const ref = r.identifier as Node;
    const parent = ref.parent;
    if (!parent || parent.type !== 'MemberExpression' || parent.object !== ref) return false;
    const name = staticMemberName(parent);
    return name !== undefined && name.startsWith('set');
  });
}

/**
 * A `Date` object holding now (plus an offset): `new Date()`, `new Date(Date.now() + n)`, or a
 * variable initialised with one and not mutated. Returned as the equivalent millisecond clock.
 */
function dateOf(context: AnyContext, node: Node, depth: number): Clock | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const n = unwrap(node);
  if (n.type === 'NewExpression') {
    if (!isGlobalRef(context, n.callee, 'Date')) return undefined;
    if (n.arguments.length === 0) return { unit: 'ms', offset: 0, integer: true };
    if (n.arguments.some((a) => a.type === 'SpreadElement')) return undefined;
    if (n.arguments.length === 1) {
      const c = clockOf(context, n.arguments[0], depth + 1);
      // a Date holds integer milliseconds
      if (c) return c.unit === 'ms' ? { ...c, integer: true } : undefined;
    }
    // `new Date(req.body.validUntil)`, `new Date(2026, 0, 31)`: some instant, still in milliseconds
    return { unit: 'ms', offset: undefined, integer: true };
  }
  if (n.type === 'Identifier') {
    const init = follow(context, n);
    if (!init || isMutatedDate(context, n)) return undefined;
    return dateOf(context, init, depth + 1);
  }
  return undefined;
}

function withInteger(c: Clock | undefined, integer: boolean): Clock | undefined {
  return c && { ...c, integer };
}

function clockOf(context: AnyContext, node: Node, depth: number): Clock | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const n = unwrap(node);
  switch (n.type) {
    case 'Identifier': {
      if (n.name === 'undefined') return undefined;
      const init = follow(context, n);
      return init ? clockOf(context, init, depth + 1) : undefined;
    }
    case 'CallExpression':
      return callClock(context, n, depth);
    case 'UnaryExpression': {
      if (n.operator === '+') return dateOf(context, n.argument, depth + 1) ?? clockOf(context, n.argument, depth + 1);
      if (n.operator === '~') {
        const inner = unwrap(n.argument);
        if (inner.type !== 'UnaryExpression' || inner.operator !== '~') return undefined;
        return truncate32(clockOf(context, inner.argument, depth + 1));
      }
      return undefined;
    }
    case 'BinaryExpression':
      return binaryClock(context, n, depth);
    default:
      return undefined;
  }
}

/** `x | 0`, `~~x`: fine on seconds, garbage on milliseconds (they overflow 32 bits). */
function truncate32(c: Clock | undefined): Clock | undefined {
  return c && c.unit === 's' ? { ...c, integer: true } : undefined;
}

function callClock(context: AnyContext, n: TSESTree.CallExpression, depth: number): Clock | undefined {
  const args = n.arguments;
  if (args.some((a) => a.type === 'SpreadElement')) return undefined;
  const callee = unwrap(n.callee);
  // Date.now()
  if (args.length === 0 && isGlobalMember(context, callee, 'Date', 'now')) {
    return { unit: 'ms', offset: 0, integer: true };
  }
  if (callee.type === 'MemberExpression') {
    const name = staticMemberName(callee);
    // new Date().getTime(), d.valueOf()
    if (args.length === 0 && (name === 'getTime' || name === 'valueOf')) {
      return dateOf(context, callee.object, depth + 1);
    }
    // Math.floor(x) …
    if (args.length === 1 && isGlobalMember(context, callee, 'Math', ROUNDING)) {
      return withInteger(clockOf(context, args[0], depth + 1), true);
    }
  }
  // Number(x)
  if (args.length === 1 && isGlobalRef(context, callee, 'Number')) {
    return dateOf(context, args[0], depth + 1) ?? clockOf(context, args[0], depth + 1);
  }
  // parseInt(x) / parseInt(x, 10) / Number.parseInt(…)
  if (
    (args.length === 1 || args.length === 2) &&
    (isGlobalRef(context, callee, 'parseInt') || isGlobalMember(context, callee, 'Number', 'parseInt'))
  ) {
    if (args.length === 2 && knownNumber(context, args[1]) !== 10) return undefined;
    return withInteger(clockOf(context, args[0], depth + 1), true);
  }
  return undefined;
}

/** `performance.now()` / `performance.timeOrigin` on the global `performance`. */
function isPerformance(context: AnyContext, node: Node, what: 'now' | 'timeOrigin'): boolean {
  const n = unwrap(node);
  if (what === 'now') {
    return n.type === 'CallExpression' && n.arguments.length === 0 && isGlobalMember(context, n.callee, 'performance', 'now');
  }
  return isGlobalMember(context, n, 'performance', 'timeOrigin');
}

/** A clock, or a Date object used as a number (only where the operator converts it to one). */
function numericClock(context: AnyContext, node: Node, depth: number): Clock | undefined {
  return clockOf(context, node, depth + 1) ?? dateOf(context, node, depth + 1);
}

function binaryClock(context: AnyContext, n: TSESTree.BinaryExpression, depth: number): Clock | undefined {
  if (n.left.type === 'PrivateIdentifier') return undefined;
  const left = n.left;
  const right = n.right;
  switch (n.operator) {
    case '/': {
      const c = numericClock(context, left, depth);
      if (!c || c.unit !== 'ms' || knownNumber(context, right) !== 1000) return undefined;
      return { unit: 's', offset: c.offset, integer: false };
    }
    case '*': {
      let c = numericClock(context, left, depth);
      let k: number | undefined;
      if (c) k = knownNumber(context, right);
      else {
        c = clockOf(context, right, depth + 1);
        if (c) k = knownNumber(context, left);
      }
      if (!c || k === undefined) return undefined;
      if (c.unit === 'ms' && k === 0.001) return { unit: 's', offset: c.offset, integer: false };
      if (c.unit === 's' && k === 1000) return { unit: 'ms', offset: c.offset, integer: c.integer };
      return undefined;
    }
    case '|':
    case '>>':
      return knownNumber(context, right) === 0 ? truncate32(clockOf(context, left, depth + 1)) : undefined;
    case '+': {
      if (
        (isPerformance(context, left, 'timeOrigin') && isPerformance(context, right, 'now')) ||
        (isPerformance(context, left, 'now') && isPerformance(context, right, 'timeOrigin'))
      ) {
        return { unit: 'ms', offset: 0, integer: false };
      }
      const l = clockOf(context, left, depth + 1);
      const r = clockOf(context, right, depth + 1);
      if (l && r) return undefined; // now + now is not a time
      const c = l ?? r;
      if (!c) return undefined;
      return addOffset(context, c, l ? right : left, 1);
    }
    case '-': {
      const c = numericClock(context, left, depth);
      if (!c) return undefined;
      // now - then is a duration; now - unknown may well be one too
      if (numericClock(context, right, depth)) return undefined;
      const num = numberOf(context, right);
      if (num.kind !== 'number') return undefined;
      return addOffset(context, c, right, -1, num.value);
    }
    default:
      return undefined;
  }
}

function addOffset(context: AnyContext, c: Clock, term: Node, sign: 1 | -1, known?: number): Clock | undefined {
  let value = known;
  if (value === undefined) {
    const num = numberOf(context, term);
    if (num.kind === 'other') return undefined; // string concatenation, NaN …
    if (num.kind === 'unknown') return { unit: c.unit, offset: undefined, integer: c.integer };
    value = num.value;
  }
  if (!Number.isFinite(value)) return undefined;
  const seconds = c.unit === 'ms' ? value / 1000 : value;
  return {
    unit: c.unit,
    offset: c.offset === undefined ? undefined : c.offset + sign * seconds,
    integer: c.integer && Number.isInteger(value),
  };
}
