import './env.js';
import crypto from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadConfig, MIN_SECRET_BYTES } from '../../fixtures/reference/config.js';
import { readCookie } from '../../fixtures/reference/cookies.js';
import { newRefreshTokenValue, RefreshTokenStore, REFRESH_TOKEN_TTL_MS } from '../../fixtures/reference/refresh.js';
import { signAccessToken, verifyAccessToken } from '../../fixtures/reference/tokens.js';

afterEach(() => vi.useRealTimers());

describe('loadConfig', () => {
  it('refuses to start without a secret', () => {
    expect(() => loadConfig({})).toThrow(/JWT_SECRET is not set/);
    expect(() => loadConfig({ JWT_SECRET: '' })).toThrow(/JWT_SECRET is not set/);
  });

  it('refuses a secret shorter than 32 bytes, without echoing it', () => {
    const short = crypto.randomBytes(MIN_SECRET_BYTES - 1).toString('hex').slice(0, MIN_SECRET_BYTES - 1);
    let message = '';
    try {
      loadConfig({ JWT_SECRET: short });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/at least 32 bytes/);
    expect(message).not.toContain(short);
  });

  it('accepts 32 bytes and pins issuer and audience', () => {
    const config = loadConfig({ JWT_SECRET: 'x'.repeat(MIN_SECRET_BYTES) });
    expect(config.jwtSecret.length).toBe(32);
    expect(config.issuer).toMatch(/^https:/);
    expect(config.audience).toMatch(/^https:/);
    expect(Object.isFrozen(config)).toBe(true);
  });
});

describe('tokens', () => {
  it('round-trips and rejects a token after its 15 minutes', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const token = signAccessToken({ id: 'u1', role: 'user' }, 'fam-1');
    expect(verifyAccessToken(token)).toMatchObject({ sub: 'u1', role: 'user', sid: 'fam-1' });
    vi.setSystemTime(Date.now() + 14 * 60 * 1000);
    expect(() => verifyAccessToken(token)).not.toThrow();
    vi.setSystemTime(Date.now() + 2 * 60 * 1000);
    expect(() => verifyAccessToken(token)).toThrow(/jwt expired/);
  });

  it('gives every token a fresh jti', () => {
    const a = signAccessToken({ id: 'u1', role: 'user' }, 'f');
    const b = signAccessToken({ id: 'u1', role: 'user' }, 'f');
    expect(verifyAccessToken(a).jti).not.toBe(verifyAccessToken(b).jti);
  });
});

describe('RefreshTokenStore', () => {
  it('makes 256-bit base64url tokens', () => {
    const values = new Set(Array.from({ length: 50 }, newRefreshTokenValue));
    expect(values.size).toBe(50);
    for (const v of values) expect(Buffer.from(v, 'base64url').length).toBe(32);
  });

  it('rotates within a family and detects reuse', () => {
    const store = new RefreshTokenStore();
    const first = store.issue('u1');
    const r1 = store.rotate(first.token);
    expect(r1).toMatchObject({ ok: true, userId: 'u1', next: { familyId: first.familyId } });
    if (!r1.ok) throw new Error('unreachable');
    expect(store.rotate(first.token)).toEqual({ ok: false, reason: 'reused' });
    expect(store.rotate(r1.next.token)).toEqual({ ok: false, reason: 'revoked' });
    expect(store.rotate('not-a-token')).toEqual({ ok: false, reason: 'unknown' });
  });

  it('does not keep raw tokens', () => {
    const store = new RefreshTokenStore();
    const { token, familyId } = store.issue('u1');
    expect(store.familyOf(token)).toBe(familyId);
    // Private fields are unreachable from outside; the only lookup is by value, through the hash.
    expect(JSON.stringify(store)).not.toContain(token);
  });

  it('expires after 14 days', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const store = new RefreshTokenStore();
    const young = store.issue('u1');
    const old = store.issue('u2');
    vi.setSystemTime(Date.now() + REFRESH_TOKEN_TTL_MS - 1000);
    expect(store.rotate(young.token).ok).toBe(true);
    vi.setSystemTime(Date.now() + 2000);
    expect(store.rotate(old.token)).toEqual({ ok: false, reason: 'expired' });
  });
});

describe('readCookie', () => {
  it('finds one cookie by exact name', () => {
    expect(readCookie('a=1; __Secure-refresh_token=abc; b=2', '__Secure-refresh_token')).toBe('abc');
    expect(readCookie('x__Secure-refresh_token=abc', '__Secure-refresh_token')).toBeUndefined();
    expect(readCookie(undefined, 'a')).toBeUndefined();
  });
});
