import { TEST_SECRET } from './env.js';
import crypto from 'node:crypto';
import jwt from 'jsonwebtoken';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { login, me, refreshCookieValue, refreshSetCookie, refreshWith, request, startApp, type Running } from './harness.js';

const password = crypto.randomBytes(12).toString('base64url');
const email = 'ada@example.com';
let app: Running;

beforeAll(async () => {
  app = await startApp();
  await app.users.add(email, password, 'admin');
});
afterAll(() => app.close());
afterEach(() => vi.useRealTimers());

describe('login', () => {
  it('refuses a wrong password and an unknown email with the same answer', async () => {
    const wrong = await login(app.baseUrl, email, password + 'x');
    const unknown = await login(app.baseUrl, 'nobody@example.com', password);
    expect(wrong.res.status).toBe(401);
    expect(unknown.res.status).toBe(401);
    expect(await wrong.res.json()).toEqual(await unknown.res.json());
    expect(refreshSetCookie(wrong.res)).toBeUndefined();
  });

  it('rejects a malformed body', async () => {
    const res = await request(app.baseUrl, '/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 1 }),
    });
    expect(res.status).toBe(400);
  });

  it('returns a short-lived, minimal, pinned access token', async () => {
    const { res, body } = await login(app.baseUrl, email, password);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(body?.expiresIn).toBe(900);

    const decoded = jwt.decode(body!.accessToken, { complete: true })!;
    expect(decoded.header).toEqual({ alg: 'HS256', typ: 'JWT' });
    const claims = decoded.payload as jwt.JwtPayload;
    expect(Object.keys(claims).sort()).toEqual(['aud', 'exp', 'iat', 'iss', 'jti', 'role', 'sid', 'sub'].sort());
    expect(claims.exp! - claims.iat!).toBe(900);
    expect(claims.iat).toBeLessThanOrEqual(Math.floor(Date.now() / 1000)); // seconds, not ms
    expect(claims.aud).toBe('https://api.example.com');
    expect(claims.iss).toBe('https://auth.example.com');
    expect(claims.role).toBe('admin');
    expect(claims.jti).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(claims)).not.toContain(email);
  });

  it('sets the refresh cookie with every protective flag', async () => {
    const { res, refreshToken } = await login(app.baseUrl, email, password);
    const cookie = refreshSetCookie(res)!;
    const attrs = cookie.split(';').slice(1).map((a) => a.trim());
    expect(attrs).toContain('HttpOnly');
    expect(attrs).toContain('Secure');
    expect(attrs).toContain('SameSite=Strict');
    expect(attrs).toContain('Path=/auth/refresh');
    expect(attrs).toContain(`Max-Age=${14 * 24 * 60 * 60}`); // maxAge was given in ms; the header is seconds
    expect(refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 random bytes, base64url
  });
});

describe('/me', () => {
  it('answers with a valid bearer token and 401 otherwise', async () => {
    const { body } = await login(app.baseUrl, email, password);
    const ok = await me(app.baseUrl, body!.accessToken);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ email, role: 'admin' });

    const none = await request(app.baseUrl, '/me');
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer error="invalid_request"');
    const garbage = await me(app.baseUrl, 'a.b.c');
    expect(garbage.status).toBe(401);
    expect(garbage.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
  });
});

describe('refresh', () => {
  it('rotates on every use and revokes the family on reuse', async () => {
    const first = await login(app.baseUrl, email, password);
    const r1 = await refreshWith(app.baseUrl, first.refreshToken!);
    expect(r1.status).toBe(200);
    const second = refreshCookieValue(r1)!;
    expect(second).toBeDefined();
    expect(second).not.toBe(first.refreshToken);
    const { accessToken } = (await r1.json()) as { accessToken: string };
    expect((await me(app.baseUrl, accessToken)).status).toBe(200);

    // The first token was spent: presenting it again is reuse…
    const replay = await refreshWith(app.baseUrl, first.refreshToken!);
    expect(replay.status).toBe(401);
    expect(refreshSetCookie(replay)).toMatch(/Expires=Thu, 01 Jan 1970/);
    // …which revokes the whole family, including the token the legitimate client holds.
    expect((await refreshWith(app.baseUrl, second)).status).toBe(401);
  });

  it('leaves other sessions alone when one family is revoked', async () => {
    const a = await login(app.baseUrl, email, password);
    const b = await login(app.baseUrl, email, password);
    const a1 = await refreshWith(app.baseUrl, a.refreshToken!);
    expect(a1.status).toBe(200);
    expect((await refreshWith(app.baseUrl, a.refreshToken!)).status).toBe(401); // reuse in family A
    expect((await refreshWith(app.baseUrl, b.refreshToken!)).status).toBe(200);
  });

  it('refuses a missing or unknown cookie', async () => {
    expect((await request(app.baseUrl, '/auth/refresh', { method: 'POST' })).status).toBe(401);
    expect((await refreshWith(app.baseUrl, crypto.randomBytes(32).toString('base64url'))).status).toBe(401);
  });

  it('refuses a refresh token older than 14 days', async () => {
    vi.useFakeTimers({ toFake: ['Date'] }); // only the clock; sockets and timers stay real
    const { refreshToken } = await login(app.baseUrl, email, password);
    vi.setSystemTime(Date.now() + 14 * 24 * 60 * 60 * 1000 + 1000);
    expect((await refreshWith(app.baseUrl, refreshToken!)).status).toBe(401);
  });
});

describe('logout', () => {
  it('ends the session: clears the cookie and revokes its refresh family', async () => {
    const { body, refreshToken } = await login(app.baseUrl, email, password);
    const res = await request(app.baseUrl, '/auth/logout', {
      method: 'POST',
      headers: { Authorization: `Bearer ${body!.accessToken}` },
    });
    expect(res.status).toBe(204);
    const cleared = refreshSetCookie(res)!;
    expect(cleared).toMatch(/Path=\/auth\/refresh/);
    expect(cleared).toMatch(/Expires=Thu, 01 Jan 1970/);
    expect((await refreshWith(app.baseUrl, refreshToken!)).status).toBe(401);
  });

  it('requires a valid access token', async () => {
    expect((await request(app.baseUrl, '/auth/logout', { method: 'POST' })).status).toBe(401);
  });
});

describe('access token verification', () => {
  /** Claims a real token would carry, so each test changes exactly one thing. */
  async function validClaims() {
    const { body } = await login(app.baseUrl, email, password);
    const claims = jwt.decode(body!.accessToken) as jwt.JwtPayload;
    return { token: body!.accessToken, claims };
  }
  const sign = (payload: object, options: jwt.SignOptions = {}) =>
    jwt.sign(payload, TEST_SECRET, { algorithm: 'HS256', ...options });

  it('accepts a token signed exactly like the service does (control)', async () => {
    const { claims } = await validClaims();
    expect((await me(app.baseUrl, sign(claims))).status).toBe(200);
  });

  it('rejects an expired token (exp in the past, in seconds)', async () => {
    const { claims } = await validClaims();
    const past = Math.floor(Date.now() / 1000) - 60;
    expect((await me(app.baseUrl, sign({ ...claims, iat: past - 900, exp: past }))).status).toBe(401);
  });

  it('rejects a token once 15 minutes have passed', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { token } = await validClaims();
    vi.setSystemTime(Date.now() + 15 * 60 * 1000 + 1000);
    expect((await me(app.baseUrl, token)).status).toBe(401);
  });

  it("rejects alg 'none'", async () => {
    const { claims } = await validClaims();
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`;
    expect((await me(app.baseUrl, unsigned)).status).toBe(401);
  });

  it('rejects an RS256 token, whoever signed it (HS/RS confusion)', async () => {
    const { claims } = await validClaims();
    const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
    const rs = jwt.sign(claims, privateKey, { algorithm: 'RS256' });
    expect((await me(app.baseUrl, rs)).status).toBe(401);
    // The classic confusion: HMAC keyed with a public key's PEM. Still not our secret, still refused.
    const pem = publicKey.export({ type: 'spki', format: 'pem' });
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const input = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims)}`;
    const mac = crypto.createHmac('sha256', pem).update(input).digest('base64url');
    expect((await me(app.baseUrl, `${input}.${mac}`)).status).toBe(401);
  });

  it('rejects another HMAC algorithm even with the right secret (the allow-list is exact)', async () => {
    const { claims } = await validClaims();
    expect((await me(app.baseUrl, jwt.sign(claims, TEST_SECRET, { algorithm: 'HS512' }))).status).toBe(401);
  });

  it('rejects a wrong audience and a wrong issuer', async () => {
    const { claims } = await validClaims();
    expect((await me(app.baseUrl, sign({ ...claims, aud: 'https://other.example.com' }))).status).toBe(401);
    expect((await me(app.baseUrl, sign({ ...claims, iss: 'https://evil.example.com' }))).status).toBe(401);
    const { aud: _aud, ...noAud } = claims;
    expect((await me(app.baseUrl, sign(noAud))).status).toBe(401);
  });

  it('rejects a token signed with another secret', async () => {
    const { claims } = await validClaims();
    const other = jwt.sign(claims, crypto.randomBytes(32), { algorithm: 'HS256' });
    expect((await me(app.baseUrl, other)).status).toBe(401);
  });

  it('rejects a correctly signed token with an unexpected shape', async () => {
    const { claims } = await validClaims();
    expect((await me(app.baseUrl, sign({ ...claims, role: 'root' }))).status).toBe(401);
  });
});
