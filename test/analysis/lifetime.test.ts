import { describe, expect, it } from 'vitest';
import { getJwtUsages } from '../../src/analysis/imports.js';
import {
  findZonelessDates,
  getClaim,
  getLifetime,
  getTokenKind,
  joseDurationText,
  millisecondTime,
  secondsClockText,
  timeSetterCalls,
} from '../../src/analysis/lifetime.js';
import { analyze, target } from '../helpers/analyze.js';

const JWT = `import jwt from 'jsonwebtoken';\n`;
const JOSE = `import { SignJWT } from 'jose';\n`;

/** The lifetime of the first sign usage: seconds, 'none', 'none(string)' or 'unknown'. */
function lifetime(code: string): number | string {
  return analyze(code, (context) => {
    const usage = getJwtUsages(context).find((u) => u.model.op === 'sign');
    if (!usage) throw new Error('no sign usage');
    const l = getLifetime(context, usage);
    if (l.kind === 'seconds') return l.value;
    return l.kind === 'none' && l.stringPayload ? 'none(string)' : l.kind;
  });
}

/** The source text of the node a lifetime is reported on. */
function lifetimeNode(code: string): string | undefined {
  return analyze(code, (context) => {
    const usage = getJwtUsages(context).find((u) => u.model.op === 'sign')!;
    const l = getLifetime(context, usage);
    return l.kind === 'seconds' ? context.sourceCode.getText(l.node) : undefined;
  });
}

function kind(code: string): string {
  return analyze(code, (context) => getTokenKind(context, getJwtUsages(context).find((u) => u.model.op === 'sign')!));
}

describe('getLifetime: jsonwebtoken expiresIn', () => {
  it.each<[string, number]>([
    [`jwt.sign({ sub }, key, { expiresIn: '15m' });`, 900],
    [`jwt.sign({ sub }, key, { expiresIn: 3600 });`, 3600],
    [`jwt.sign({ sub }, key, { expiresIn: 60 * 60 * 24 * 30 });`, 2592000],
    [`jwt.sign({ sub }, key, { expiresIn: '30d' });`, 2592000],
    [`jwt.sign({ sub }, key, { expiresIn: '900000' });`, 900], // unitless strings are milliseconds (ms package)
    [`const TTL = '2h'; jwt.sign({ sub }, key, { expiresIn: TTL });`, 7200],
    [`const opts = { algorithm: 'HS256', expiresIn: '7d' }; jwt.sign({ sub }, key, opts);`, 604800],
    [`jwt.sign({ sub }, key, { expiresIn: '1h' }, (err, t) => {});`, 3600],
  ])('%s', (code, seconds) => {
    expect(lifetime(JWT + code)).toBe(seconds);
  });

  it('reports the value node of the option', () => {
    expect(lifetimeNode(JWT + `jwt.sign({ sub }, key, { expiresIn: '30d' });`)).toBe(`'30d'`);
  });

  it('takes the longest branch when every branch is a known duration', () => {
    expect(lifetime(JWT + `jwt.sign({ sub }, key, { expiresIn: rememberMe ? '90d' : '7d' });`)).toBe(90 * 86400);
    expect(lifetimeNode(JWT + `jwt.sign({ sub }, key, { expiresIn: rememberMe ? '90d' : '7d' });`)).toBe(`'90d'`);
    expect(lifetimeNode(JWT + `const TTL = long ? 3600 : '30d'; jwt.sign({ sub }, key, { expiresIn: TTL });`)).toBe(`'30d'`);
    // a branch that is not known keeps the whole lifetime unknown
    expect(lifetime(JWT + `jwt.sign({ sub }, key, { expiresIn: opts.ttl || '30d' });`)).toBe('unknown');
    expect(lifetime(JWT + `jwt.sign({ sub }, key, { expiresIn: long ? ttl : '30d' });`)).toBe('unknown');
    expect(lifetime(JWT + `jwt.sign({ sub }, key, { expiresIn: long ? '30d' : 'soon' });`)).toBe('unknown');
  });

  it.each([
    [`jwt.sign({ sub }, key, { expiresIn: process.env.JWT_TTL });`],
    [`jwt.sign({ sub }, key, { expiresIn: ttl });`],
    [`function f(opts) { jwt.sign({ sub }, key, opts); }`],
    [`jwt.sign({ sub }, key, { ...defaults });`],
    [`jwt.sign({ sub }, key, getOptions());`],
    [`jwt.sign({ sub }, key, { expiresIn: 'soon' });`],
    [`function f(payload) { jwt.sign(payload, key); }`],
    [`jwt.sign({ ...claims }, key);`],
    [`jwt.sign({ sub, exp: expiry }, key);`],
    [`jwt.sign({ sub, exp: Date.now() + 3600 }, key);`], // a millisecond clock: no-naive-timestamp's business
    [`jwt.sign('hello', key, { expiresIn: '1h' });`], // jsonwebtoken throws at runtime
  ])('unknown: %s', (code) => {
    expect(lifetime(JWT + code)).toBe('unknown');
  });

  it.each([
    [`jwt.sign({ sub: user.id }, key);`],
    [`jwt.sign({ sub: user.id }, key, { algorithm: 'HS256' });`],
    [`jwt.sign({ sub: user.id }, key, (err, token) => {});`],
    [`const payload = { sub: user.id, role }; jwt.sign(payload, key, { algorithm: 'RS256' });`],
    [`jwt.sign({ sub }, key, undefined);`],
  ])('none: %s', (code) => {
    expect(lifetime(JWT + code)).toBe('none');
  });

  it('a string payload carries no claims', () => {
    expect(lifetime(JWT + `jwt.sign('user-42', key);`)).toBe('none(string)');
    expect(lifetime(JWT + `const body = 'x'; jwt.sign(body, key, { algorithm: 'HS256' });`)).toBe('none(string)');
  });
});

describe('getLifetime: exp claim', () => {
  it.each<[string, number]>([
    [`jwt.sign({ sub, exp: Math.floor(Date.now() / 1000) + 900 }, key);`, 900],
    [`jwt.sign({ sub, exp: Math.floor(Date.now() / 1000) + 60 * 60 * 24 * 60 }, key);`, 5184000],
    [`const now = Math.floor(Date.now() / 1000); jwt.sign({ sub, iat: now, exp: now + 3600 }, key);`, 3600],
    [`const p = { sub }; p.exp = Math.floor(Date.now() / 1000) + 120; jwt.sign(p, key);`, 120],
    [`jwt.sign({ ...claims, exp: Math.floor(Date.now() / 1000) + 900 }, key);`, 900],
  ])('%s', (code, seconds) => {
    expect(lifetime(JWT + code)).toBe(seconds);
  });

  it('reports the exp value', () => {
    expect(lifetimeNode(JWT + `jwt.sign({ exp: Math.floor(Date.now() / 1000) + 900 }, key);`)).toBe('Math.floor(Date.now() / 1000) + 900');
  });

  it('reads claims of a payload, and none of a string payload', () => {
    const claim = (code: string, name: string) =>
      analyze(JWT + code, (context) => getClaim(context, getJwtUsages(context)[0], name).kind);
    expect(claim(`jwt.sign({ typ: 'refresh' }, k);`, 'typ')).toBe('present');
    expect(claim(`jwt.sign({ typ: 'refresh' }, k);`, 'exp')).toBe('absent');
    expect(claim(`jwt.sign(p, k);`, 'exp')).toBe('unknown');
    expect(claim(`jwt.sign('s', k);`, 'exp')).toBe('string');
  });
});

describe('getLifetime: jose builder', () => {
  it.each<[string, number | string]>([
    [`await new SignJWT({ sub }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('2h').sign(key);`, 7200],
    [`await new SignJWT({ sub }).setExpirationTime('90 days').sign(key);`, 7776000],
    [`const b = new SignJWT({ sub }); b.setExpirationTime('15m'); await b.sign(key);`, 900],
    [`await new SignJWT({ sub }).setExpirationTime(Math.floor(Date.now() / 1000) + 600).sign(key);`, 600],
    [`await new SignJWT({ sub }).setExpirationTime(new Date(Date.now() + 3600 * 1000)).sign(key);`, 3600],
    [`await new SignJWT({ sub }).setProtectedHeader({ alg: 'HS256' }).sign(key);`, 'none'],
    [`await new SignJWT().setSubject(id).sign(key);`, 'none'],
    [`await new SignJWT({ sub, exp: Math.floor(Date.now() / 1000) + 300 }).sign(key);`, 300],
    [`await new SignJWT({ sub }).setExpirationTime(1893456000).sign(key);`, 'unknown'], // absolute
    [`await new SignJWT({ sub }).setExpirationTime(ttl).sign(key);`, 'unknown'],
    [`await new SignJWT(claims).sign(key);`, 'unknown'],
    [`function mk() { return new SignJWT({ sub }).setProtectedHeader({ alg: 'HS256' }); }`, 'unknown'], // escapes
    [`new SignJWT({ sub }).setProtectedHeader({ alg: 'HS256' });`, 'unknown'], // never signed
  ])('%s', (code, expected) => {
    expect(lifetime(JOSE + code)).toBe(expected);
  });
});

describe('getTokenKind', () => {
  it.each([
    [`const refreshToken = jwt.sign({ sub }, key, { expiresIn: '30d' });`],
    [`const tokens = { refresh_token: jwt.sign({ sub }, key) };`],
    [`this.refreshJwt = jwt.sign({ sub }, key);`],
    [`res.cookie('refresh_token', jwt.sign({ sub }, key));`],
    [`const t = jwt.sign({ sub }, process.env.JWT_REFRESH_SECRET);`],
    [`const t = jwt.sign({ sub }, config.refresh.secret);`],
    [`const t = jwt.sign({ sub }, refreshSecret);`],
    [`function issueRefreshToken(u) { return jwt.sign({ sub: u.id }, key); }`],
    [`const createRefresh = async (u) => jwt.sign({ sub: u.id }, key);`],
    [`class A { signRefresh(u) { return jwt.sign({ sub: u.id }, key); } }`],
    [`const t = jwt.sign({ sub, type: 'refresh' }, key);`],
    [`const t = jwt.sign({ sub, token_type: 'refresh_token' }, key);`],
    // the claim wins over the names
    [`const accessToken = jwt.sign({ sub, typ: 'refresh' }, key);`],
  ])('refresh: %s', (code) => {
    expect(kind(JWT + code)).toBe('refresh');
  });

  it('finds a jose refresh token by its variable and its key', () => {
    expect(kind(JOSE + `const refreshToken = await new SignJWT({ sub }).setExpirationTime('30d').sign(key);`)).toBe('refresh');
    expect(kind(JOSE + `const t = await new SignJWT({ sub }).sign(new TextEncoder().encode(process.env.REFRESH_SECRET));`)).toBe('refresh');
  });

  it.each([
    [`const token = jwt.sign({ sub }, key);`],
    [`const accessToken = jwt.sign({ sub }, key);`],
    // the token's own name wins over the function's
    [`function issueRefreshAndAccess(u) { const accessToken = jwt.sign({ sub: u.id }, key); }`],
    // look-alikes
    [`function refreshPage() { return jwt.sign({ sub }, key); }`],
    [`const autoRefresh = jwt.sign({ sub }, key);`],
    [`const t = jwt.sign({ sub, type: 'access' }, key);`],
    [`const t = jwt.sign({ sub, type: kind }, key);`],
  ])('access: %s', (code) => {
    expect(kind(JWT + code)).toBe('access');
  });
});

describe('timestamps in the wrong unit or zone', () => {
  const J = `import jwt from 'jsonwebtoken';\n`;
  const ms = (expr: string) =>
    analyze(`${J}target(${expr});`, (context, program) => millisecondTime(context, target(program)));

  it.each<[string, string | undefined]>([
    ['Date.now() + 3600', 'Math.floor(Date.now() / 1000) + 3600'], // offset meant in seconds
    ['Date.now() + 3600 * 1000', 'Math.floor(Date.now() / 1000) + 3600'], // offset in ms: meaning kept
    ['new Date().getTime()', 'Math.floor(Date.now() / 1000)'],
    ['+new Date()', 'Math.floor(Date.now() / 1000)'],
    ['Date.now() - 60000', 'Math.floor(Date.now() / 1000) - 60'],
    ['1767225600000', '1767225600'],
    ['Date.now() + ttl', undefined], // unknown offset: reported, no rewrite
  ])('%s → %s', (expr, fix) => {
    expect(ms(expr)).toEqual(fix === undefined ? {} : { fix });
  });

  it.each([['Math.floor(Date.now() / 1000) + 900'], ['1767225600'], ['ttl'], ['Date.now() / 1000']])('not milliseconds: %s', (expr) => {
    expect(ms(expr)).toBeUndefined();
  });

  it('formats jose durations and second clocks', () => {
    expect([86400, 7200, 900, 45, 90].map(joseDurationText)).toEqual([`'1d'`, `'2h'`, `'15m'`, `'45s'`, `'90s'`]);
    expect([0, 900, -30].map(secondsClockText)).toEqual([
      'Math.floor(Date.now() / 1000)',
      'Math.floor(Date.now() / 1000) + 900',
      'Math.floor(Date.now() / 1000) - 30',
    ]);
  });

  it('finds zoneless date strings in an expression, through constants', () => {
    const zones = (code: string) =>
      analyze(code, (context, program) => findZonelessDates(context, target(program)).map((d) => d.value));
    expect(zones(`target(Math.floor(new Date('2025-06-30 23:59').getTime() / 1000));`)).toEqual(['2025-06-30 23:59']);
    expect(zones(`const s = '2025-06-30T09:00'; const d = new Date(s); target(d);`)).toEqual(['2025-06-30T09:00']);
    expect(zones(`target(Date.parse('2025/07/01') / 1000);`)).toEqual(['2025/07/01']);
    expect(zones(`target(new Date('2025-06-30T09:00:00Z'));`)).toEqual([]);
    expect(zones(`target(new Date('2025-06-30'));`)).toEqual([]); // date-only ISO is UTC
    expect(zones(`class Date {} target(new Date('2025-06-30 10:00'));`)).toEqual([]);
  });

  it('lists the time setters of a builder chain', () => {
    const setters = (code: string) =>
      analyze(`import { SignJWT } from 'jose';\n${code}`, (context) => timeSetterCalls(getJwtUsages(context)[0]).map((c) => c.name));
    expect(setters(`await new SignJWT({}).setIssuedAt().setNotBefore('1m').setAudience('a').setExpirationTime('1h').sign(k);`)).toEqual([
      'setIssuedAt',
      'setNotBefore',
      'setExpirationTime',
    ]);
  });

  it('takes the issued-at method from the model, not from the jose naming', () => {
    const usage = {
      model: { op: 'sign', args: {}, builder: true, chain: { expiresIn: { method: 'expires' }, issuedAt: { method: 'issued' } } },
      chain: [{ name: 'issued' }, { name: 'setIssuedAt' }, { name: 'expires' }],
    } as unknown as Parameters<typeof timeSetterCalls>[0];
    expect(timeSetterCalls(usage).map((c) => c.name)).toEqual(['issued', 'expires']);
  });
});
