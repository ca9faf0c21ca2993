/** Starts the reference app on an ephemeral loopback port and offers small HTTP helpers. */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createApp } from '../../fixtures/reference/app.js';
import { RefreshTokenStore } from '../../fixtures/reference/refresh.js';
import { UserStore, type User } from '../../fixtures/reference/users.js';
import { REFRESH_COOKIE_NAME } from '../../fixtures/reference/cookies.js';

export interface Running {
  readonly baseUrl: string;
  readonly users: UserStore;
  readonly refreshTokens: RefreshTokenStore;
  close(): Promise<void>;
}

export async function startApp(): Promise<Running> {
  const users = new UserStore();
  const refreshTokens = new RefreshTokenStore();
  const server: Server = createApp(users, refreshTokens).listen(0, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    users,
    refreshTokens,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A bounded fetch: every request in these tests is local and must answer within 5 s. */
export function request(base: string, path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(base + path, { ...init, signal: AbortSignal.timeout(5_000) });
}

export async function login(base: string, email: string, password: string) {
  const res = await request(base, '/auth/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const body = res.ok ? ((await res.json()) as { accessToken: string; expiresIn: number }) : undefined;
  return { res, body, refreshToken: refreshCookieValue(res) };
}

/** The value of the refresh cookie a response sets, if any (an empty value is a clearing). */
export function refreshCookieValue(res: Response): string | undefined {
  const header = refreshSetCookie(res);
  const value = header?.split(';')[0]?.slice(REFRESH_COOKIE_NAME.length + 1);
  return value || undefined;
}

export function refreshSetCookie(res: Response): string | undefined {
  return res.headers.getSetCookie().find((c) => c.startsWith(`${REFRESH_COOKIE_NAME}=`));
}

export function refreshWith(base: string, token: string): Promise<Response> {
  return request(base, '/auth/refresh', {
    method: 'POST',
    headers: { Cookie: `${REFRESH_COOKIE_NAME}=${token}` },
  });
}

export function me(base: string, accessToken: string): Promise<Response> {
  return request(base, '/me', { headers: { Authorization: `Bearer ${accessToken}` } });
}

export type { User };
