import { describe, expect, it, vi } from 'vitest';
import jwt from 'jsonwebtoken';
import { UnsecuredJWT, decodeJwt } from 'jose';
import {
  classifyClock,
  classifyJoseExpiration,
  formatDuration,
  isUnitlessDurationString,
  isZonelessDateString,
  looksLikeMilliseconds,
  parseDuration,
} from '../../src/analysis/time.js';
import { analyze, target } from '../helpers/analyze.js';

// time.ts consults values.ts when it is available; the clock tests only use constants that
// getStaticValue folds, so they hold with or without it (values.ts may be mid-edit while this runs).
vi.mock('../../src/analysis/values.js', async (importOriginal) => {
  try {
    return await importOriginal();
  } catch {
    return {};
  }
});

const H = 3600;
const D = 86400;

describe('parseDuration — jsonwebtoken', () => {
  it.each<[unknown, number]>([
    [3600, 3600],
    [0, 0],
    [-60, -60],
    ['1h', H],
    ['2 hours', 2 * H],
    ['2  hours', 2 * H], // ms allows any number of spaces
    ['15m', 900],
    ['15 MIN', 900],
    ['30 mins', 1800],
    ['1d', D],
    ['7 days', 7 * D],
    ['1w', 7 * D],
    ['2 weeks', 14 * D],
    ['1y', 365.25 * D],
    ['1 yr', 365.25 * D],
    ['30s', 30],
    ['45 secs', 45],
    ['500ms', 0.5],
    ['500 msecs', 0.5],
    ['1 millisecond', 0.001],
    ['900000', 900], // unitless string → milliseconds
    ['3600', 3.6],
    ['1.5h', 1.5 * H],
    ['.5h', 0.5 * H],
    ['-1h', -H],
    ['1 Hour', H],
  ])('%j → %d s', (value, seconds) => {
    expect(parseDuration(value, 'jsonwebtoken')).toBeCloseTo(seconds, 9);
  });

  it.each<[unknown]>([
    ['1 hour 30 minutes'],
    ['abc'],
    [''],
    ['1h '],
    [' 1h'],
    ['+1h'],
    ['1.h'],
    ['1 fortnight'],
    ['1e3'],
    [1.5], // jwt.sign rejects non-integer numbers
    [NaN],
    [Infinity],
    [null],
    [undefined],
    [{}],
    ['1'.repeat(101)],
  ])('%j → undefined', (value) => {
    expect(parseDuration(value, 'jsonwebtoken')).toBeUndefined();
  });

  it('agrees with jsonwebtoken on what expiresIn means', () => {
    const good: unknown[] = ['1h', '2 days', '10  d', '3.5 weeks', '.5y', '90000', '7 Hrs', '5000 msec', 3600, 0];
    for (const s of good) {
      const token = jwt.sign({}, 'k', { expiresIn: s as never });
      const { exp, iat } = jwt.decode(token) as { exp: number; iat: number };
      expect(exp - iat, String(s)).toBe(Math.floor(parseDuration(s, 'jsonwebtoken')!));
    }
    const bad: unknown[] = ['1 hour 30 minutes', '1.h', 'x', '', 1.5, '+1h'];
    for (const s of bad) {
      expect(() => jwt.sign({}, 'k', { expiresIn: s as never }), String(s)).toThrow();
      expect(parseDuration(s, 'jsonwebtoken'), String(s)).toBeUndefined();
    }
  });
});

describe('parseDuration — milliseconds (fast-jwt)', () => {
  it.each<[unknown, number | undefined]>([
    [900000, 900],
    [1500, 1.5],
    ['15m', 900],
    ['900000', 900],
    ['nope', undefined],
    [NaN, undefined],
  ])('%j → %s', (value, seconds) => {
    const got = parseDuration(value, 'milliseconds');
    if (seconds === undefined) expect(got).toBeUndefined();
    else expect(got).toBeCloseTo(seconds, 9);
  });
});

describe('parseDuration — jose', () => {
  it.each<[string, number]>([
    ['2h', 2 * H],
    ['2 hours', 2 * H],
    ['30m', 1800],
    ['30 minutes', 1800],
    ['1d', D],
    ['1w', 7 * D],
    ['1y', 31557600],
    ['10 seconds', 10],
    ['1.5h', 5400],
    ['+2h', 2 * H],
    ['-2h', -2 * H],
    ['- 2h', -2 * H],
    ['2 hours ago', -2 * H],
    ['2 hours from now', 2 * H],
    ['2 HOURS', 2 * H],
    ['1.0004s', 1], // rounded to whole seconds
  ])('%j → %d s', (value, seconds) => {
    expect(parseDuration(value, 'jose')).toBe(seconds);
  });

  it.each<[unknown]>([[3600], ['3600'], ['500ms'], ['-2h ago'], ['+2h from now'], ['.5h'], ['2 fortnights'], ['2h  '], ['1 hour 30 minutes']])(
    '%j → undefined',
    (value) => {
      expect(parseDuration(value, 'jose')).toBeUndefined();
    },
  );

  it('agrees with jose on relative expiration times', () => {
    const samples = ['2h', '2 hours ago', '+ 3 days', '1.5 weeks', '-10s', '1y from now', '90 mins'];
    for (const s of samples) {
      const token = new UnsecuredJWT({}).setIssuedAt().setExpirationTime(s).encode();
      const { exp, iat } = decodeJwt(token) as { exp: number; iat: number };
      // iat and exp are read from two clock reads: allow one second between them
      expect(exp - iat, s).toBeGreaterThanOrEqual(parseDuration(s, 'jose')!);
      expect(exp - iat, s).toBeLessThanOrEqual(parseDuration(s, 'jose')! + 1);
    }
    for (const bad of ['500ms', '-2h ago', '3600']) {
      expect(() => new UnsecuredJWT({}).setExpirationTime(bad), bad).toThrow();
      expect(parseDuration(bad, 'jose'), bad).toBeUndefined();
    }
  });
});

describe('isUnitlessDurationString', () => {
  it.each<[unknown, boolean]>([
    ['3600', true],
    ['900000', true],
    ['1.5', true],
    ['1h', false],
    ['60 s', false],
    [3600, false],
    ['', false],
  ])('%j → %s', (v, expected) => expect(isUnitlessDurationString(v)).toBe(expected));
});

describe('formatDuration', () => {
  it.each<[number, string]>([
    [900, '15 minutes'],
    [60, '1 minute'],
    [3600, '1 hour'],
    [5400, '90 minutes'],
    [2592000, '30 days'],
    [604800, '7 days'],
    [31557600, '1 year'],
    [129600, '36 hours'],
    [1, '1 second'],
    [90, '90 seconds'],
    [0.5, '500 milliseconds'],
    [0, '0 seconds'],
    [-900, '-15 minutes'],
    [100000.5, '27.8 hours'],
    // the most readable unit, at most one decimal: not `1000 hours`
    [3600000, '41.7 days'],
    [86400000, '2.7 years'],
    [7200, '2 hours'],
    [172800, '2 days'],
    [6000, '100 minutes'],
    [1.5, '1.5 seconds'],
    [0.0015, '1.5 milliseconds'],
  ])('%d → %s', (s, text) => expect(formatDuration(s)).toBe(text));
});

describe('looksLikeMilliseconds', () => {
  it.each<[number, boolean]>([
    [3600000, true],
    [900000, true],
    [86400000, true],
    [604800000, true],
    [60000, true],
    [300000, true],
    [3600, false],
    [86400, false],
    [900, false],
    [1209600, false], // 14 days in seconds
    [2592000, false], // 30 days in seconds
    [31536000, false], // 365 days in seconds
    [2160000, false], // 25 days in seconds (also 36 min in ms): ambiguous
    [1000000, false], // not a round number of minutes in ms
    [59000, false],
    [3600000.5, false],
  ])('%d → %s', (n, expected) => expect(looksLikeMilliseconds(n, 'jsonwebtoken')).toBe(expected));

  it('never flags under millisecond or jose semantics', () => {
    expect(looksLikeMilliseconds(3600000, 'milliseconds')).toBe(false);
    expect(looksLikeMilliseconds(3600000, 'jose')).toBe(false);
  });
});

describe('classifyJoseExpiration', () => {
  it.each<[unknown, unknown]>([
    [1735689600, { kind: 'absolute', epochSeconds: 1735689600 }],
    [3600, { kind: 'suspicious-small' }],
    [0, { kind: 'suspicious-small' }],
    [1735689600000, { kind: 'milliseconds' }],
    ['2h', { kind: 'relative', seconds: 7200 }],
    ['1 day ago', { kind: 'relative', seconds: -86400 }],
    [new Date(Date.UTC(2025, 0, 1)), { kind: 'absolute', epochSeconds: 1735689600 }],
    ['3600', undefined],
    [NaN, undefined],
    [null, undefined],
    [{}, undefined],
  ])('%j → %j', (v, expected) => expect(classifyJoseExpiration(v)).toEqual(expected));
});

describe('isZonelessDateString', () => {
  it.each<[string, boolean]>([
    ['2024-01-01 10:00', true],
    ['2024-01-01T10:00:00', true],
    ['2024-01-01T10:00:00.123', true],
    ['2024/01/01', true],
    ['2024/1/1 10:00', true],
    ['2024-01-01', false],
    ['2024-01-01T10:00:00Z', false],
    ['2024-01-01T10:00:00z', false],
    ['2024-01-01T10:00:00+02:00', false],
    ['2024-01-01T10:00:00-0500', false],
    ['2024-13-45T10:00:00', false], // not a date at all
    ['10:00', false],
    ['tomorrow', false],
  ])('%j → %s', (s, expected) => expect(isZonelessDateString(s)).toBe(expected));
});

function clock(code: string) {
  return analyze(code, (context, program) => classifyClock(context, target(program)));
}

describe('classifyClock', () => {
  it.each<[string, unknown]>([
    ['target(Date.now())', { unit: 'ms', offsetSeconds: 0, exact: true, integer: true }],
    ['target(new Date().getTime())', { unit: 'ms', offsetSeconds: 0, exact: true, integer: true }],
    ['target(new Date().valueOf())', { unit: 'ms', offsetSeconds: 0, exact: true, integer: true }],
    ['target(+new Date())', { unit: 'ms', offsetSeconds: 0, exact: true, integer: true }],
    ['target(Number(new Date()))', { unit: 'ms', offsetSeconds: 0, exact: true, integer: true }],
    ['target(globalThis.Date.now())', { unit: 'ms', offsetSeconds: 0, exact: true, integer: true }],
    ['target(Date?.now())', { unit: 'ms', offsetSeconds: 0, exact: true, integer: true }],
    ['target(performance.timeOrigin + performance.now())', { unit: 'ms', offsetSeconds: 0, exact: true, integer: false }],
    ['const d = new Date(); target(d.getTime())', { unit: 'ms', offsetSeconds: 0, exact: true, integer: true }],
    ['target(new Date(Date.now() + 60000).getTime())', { unit: 'ms', offsetSeconds: 60, exact: true, integer: true }],
    ['target(Date.now() / 1000)', { unit: 's', offsetSeconds: 0, exact: true, integer: false }],
    ['target(Date.now() / 1e3)', { unit: 's', offsetSeconds: 0, exact: true, integer: false }],
    ['target(Date.now() * 0.001)', { unit: 's', offsetSeconds: 0, exact: true, integer: false }],
    ['target(new Date() / 1000)', { unit: 's', offsetSeconds: 0, exact: true, integer: false }],
    ['target(Math.floor(Date.now() / 1000))', { unit: 's', offsetSeconds: 0, exact: true, integer: true }],
    ['target(Math.round(new Date().getTime() / 1000))', { unit: 's', offsetSeconds: 0, exact: true, integer: true }],
    ['target(Math.trunc(+new Date() / 1000))', { unit: 's', offsetSeconds: 0, exact: true, integer: true }],
    ['target(Math.ceil(Date.now() / 1000))', { unit: 's', offsetSeconds: 0, exact: true, integer: true }],
    ['target((Date.now() / 1000) | 0)', { unit: 's', offsetSeconds: 0, exact: true, integer: true }],
    ['target(~~(Date.now() / 1000))', { unit: 's', offsetSeconds: 0, exact: true, integer: true }],
    ['target(parseInt(Date.now() / 1000, 10))', { unit: 's', offsetSeconds: 0, exact: true, integer: true }],
    ['target(Number.parseInt(String(Date.now() / 1000)))', undefined], // String(…) is not followed
    ['target(Math.floor(Date.now() / 1000) + 3600)', { unit: 's', offsetSeconds: 3600, exact: true, integer: true }],
    ['target(Math.floor(Date.now() / 1000) + 60 * 60 * 24)', { unit: 's', offsetSeconds: 86400, exact: true, integer: true }],
    ['target(3600 + Math.floor(Date.now() / 1000))', { unit: 's', offsetSeconds: 3600, exact: true, integer: true }],
    ['target(Math.floor(Date.now() / 1000) - 30)', { unit: 's', offsetSeconds: -30, exact: true, integer: true }],
    ['target(Date.now() + 3600 * 1000)', { unit: 'ms', offsetSeconds: 3600, exact: true, integer: true }],
    ['target(Date.now() + 15 * 60 * 1000)', { unit: 'ms', offsetSeconds: 900, exact: true, integer: true }],
    ['target(Math.floor((Date.now() + 3600000) / 1000))', { unit: 's', offsetSeconds: 3600, exact: true, integer: true }],
    ['target(Math.floor(Date.now() / 1000) * 1000)', { unit: 'ms', offsetSeconds: 0, exact: true, integer: true }],
    ['const TTL = 900; target(Math.floor(Date.now() / 1000) + TTL)', { unit: 's', offsetSeconds: 900, exact: true, integer: true }],
    ['const now = Date.now(); target(now + 60)', { unit: 'ms', offsetSeconds: 0.06, exact: true, integer: true }],
    ['const now = Math.floor(Date.now() / 1000); target(now + 60)', { unit: 's', offsetSeconds: 60, exact: true, integer: true }],
    ['let now = Date.now(); target(now)', { unit: 'ms', offsetSeconds: 0, exact: true, integer: true }],
    ['function f(ttl) { target(Date.now() + ttl) }', { unit: 'ms', exact: false, integer: true }],
    ['function f(ttl) { target(Math.floor(Date.now() / 1000) + ttl) }', { unit: 's', exact: false, integer: true }],
    ['target(Date.now() as number)', { unit: 'ms', offsetSeconds: 0, exact: true, integer: true }],
    // some instant, not now: still milliseconds, at an unknown offset
    ['target(new Date(2020, 1, 1).getTime())', { unit: 'ms', exact: false, integer: true }],
    ['target(new Date(someString).getTime())', { unit: 'ms', exact: false, integer: true }],
    ['target(+new Date(req.body.validUntil))', { unit: 'ms', exact: false, integer: true }],
    ['target(Math.floor(new Date(someString).getTime() / 1000))', { unit: 's', exact: false, integer: true }],
  ])('%s', (code, expected) => {
    expect(clock(code)).toEqual(expected);
  });

  it.each<[string]>([
    ['const Date = { now: () => 5 }; target(Date.now())'],
    ['function f(Date) { target(Date.now()) }'],
    ['import { Date } from "./my-date"; target(Date.now())'],
    ['const Math = { floor: (x) => x }; target(Math.floor(Date.now() / 1000) + 1)'.replace('+ 1', '')],
    ['target(performance.now())'],
    ['target(new Date())'],
    ['function f(d) { target(d.getTime()) }'],
    ['const d = new Date(); d.setHours(0); target(d.getTime())'],
    ['let now = Date.now(); now = 5; target(now)'],
    ['target(Date.now() / 60)'],
    ['target(Math.floor(Date.now() / 1000) / 1000)'],
    ['target(Date.now() | 0)'], // 32-bit overflow: not a clock any more
    ['target(Date.now() - Date.now())'],
    ['function f(start) { target(Date.now() - start) }'],
    ['const start = Date.now(); target(Date.now() - start)'],
    ['target(Date.now() + Date.now())'],
    ["target(Date.now() + 'ms')"],
    ["target(new Date() + 1000)"],
    ['target(3600 - Date.now())'],
    ['target(parseInt(Date.now() / 1000, 16))'],
    ['target(Date.now)'],
    ['target(Date.now(1))'],
    ['target(foo.now())'],
    ['target(1700000000)'],
    ['target(undefined)'],
  ])('%s → not a clock', (code) => {
    expect(clock(code)).toBeUndefined();
  });

  it('ignores a script-level `var Date` and still sees the real global', () => {
    const probe = (code: string) =>
      analyze(code, (context, program) => classifyClock(context, target(program)), { sourceType: 'script' });
    expect(probe('var Date = { now: function () { return 1; } }; target(Date.now());')).toBeUndefined();
    expect(probe('target(Date.now());')).toEqual({ unit: 'ms', offsetSeconds: 0, exact: true, integer: true });
  });

  it('stays bounded on self-referencing declarations', () => {
    expect(clock('var a = a + 1; target(a)')).toBeUndefined();
  });
});
