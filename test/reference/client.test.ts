import './env.js';
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAuthClient } from '../../fixtures/reference/client.js';
import { startApp, type Running } from './harness.js';

/**
 * A stand-in for the browser's cookie handling: it keeps cookies the page cannot see, and sends them
 * only when the request matches the cookie's path and asks for `credentials: 'include'` (as a
 * cross-origin browser request would). The client under test never touches this jar.
 */
function browserFetch(): typeof fetch {
  const jar = new Map<string, { value: string; path: string }>();
  return async (input, init = {}) => {
    const url = new URL(String(input));
    const headers = new Headers(init.headers);
    if (init.credentials === 'include') {
      const cookies = [...jar].filter(([, c]) => url.pathname.startsWith(c.path)).map(([n, c]) => `${n}=${c.value}`);
      if (cookies.length) headers.set('Cookie', cookies.join('; '));
    }
    const res = await fetch(url, { ...init, headers, signal: AbortSignal.timeout(5_000) });
    if (init.credentials === 'include') {
      for (const sc of res.headers.getSetCookie()) {
        const [pair, ...attrs] = sc.split(';');
        const eq = pair.indexOf('=');
        const name = pair.slice(0, eq);
        const path = attrs.map((a) => a.trim()).find((a) => a.startsWith('Path='))?.slice(5) ?? '/';
        if (/Expires=Thu, 01 Jan 1970/.test(sc)) jar.delete(name);
        else jar.set(name, { value: pair.slice(eq + 1), path });
      }
    }
    return res;
  };
}

const password = crypto.randomBytes(12).toString('base64url');
let app: Running;
const storage = { setItem: vi.fn(), getItem: vi.fn(), removeItem: vi.fn() };

beforeAll(async () => {
  app = await startApp();
  await app.users.add('grace@example.com', password);
  vi.stubGlobal('localStorage', storage);
  vi.stubGlobal('sessionStorage', storage);
});
afterAll(async () => {
  vi.unstubAllGlobals();
  await app.close();
});

describe('reference client', () => {
  it('logs in, calls the API, survives a "reload" through the refresh cookie, logs out', async () => {
    const send = browserFetch();
    const tab = createAuthClient({ baseUrl: app.baseUrl, fetch: send });
    expect(await tab.login('grace@example.com', password)).toBe(true);
    expect(tab.loggedIn).toBe(true);
    expect((await tab.authFetch('/me')).status).toBe(200);

    // A reload loses memory, not the cookie: a new client in the same "browser" restores the session.
    const reloaded = createAuthClient({ baseUrl: app.baseUrl, fetch: send });
    expect(reloaded.loggedIn).toBe(false);
    expect(await reloaded.restoreSession()).toBe(true);
    expect((await reloaded.authFetch('/me')).status).toBe(200);

    await reloaded.logout();
    expect(reloaded.loggedIn).toBe(false);
    expect(await reloaded.restoreSession()).toBe(false);
  });

  it('refreshes once when parallel requests meet an unknown token, without tripping reuse detection', async () => {
    const send = browserFetch();
    const tab = createAuthClient({ baseUrl: app.baseUrl, fetch: send });
    await tab.login('grace@example.com', password);
    const fresh = createAuthClient({ baseUrl: app.baseUrl, fetch: send }); // no access token yet
    const results = await Promise.all([fresh.authFetch('/me'), fresh.authFetch('/me'), fresh.authFetch('/me')]);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
  });

  it('never writes to Web Storage', () => {
    expect(storage.setItem).not.toHaveBeenCalled();
  });
});
