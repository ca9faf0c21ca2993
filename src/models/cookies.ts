/**
 * Cookie-writing APIs, as data: which call writes a cookie, which argument is the name, the value and the
 * options, and what each library does when a security flag is not given. `analysis/cookies.ts` finds
 * the calls (through the import model, or through the evidence described for framework receivers below).
 *
 * Defaults were checked against each library's documentation and source:
 * - `cookie` / `cookie-es` `serialize`, Express `res.cookie`, Next.js `ResponseCookies.set`, Hono
 *   `setCookie`, h3 `setCookie`: no flag is written unless given (only `path: '/'` is defaulted by some).
 * - Fastify (`@fastify/cookie`) `reply.setCookie`: `sameSite` defaults to `'lax'`; `secure: 'auto'`
 *   follows the request's protocol.
 * - Koa (`cookies` package) `ctx.cookies.set`: `httpOnly` defaults to `true`; `secure` defaults to
 *   whether the request is HTTPS as Koa sees it — the socket, or `X-Forwarded-Proto` only when the app
 *   trusts its proxy (`app.proxy = true`). Behind a TLS-terminating proxy without that, the cookie goes
 *   out without `Secure`, so a missing `secure` is reported unless the file sets `proxy` to `true`;
 *   `sameSite` is not written by default.
 * - SvelteKit `cookies.set` defaults to `httpOnly`, `secure` and `sameSite: 'lax'`: safe, not modelled.
 * - Browser-side libraries (js-cookie, universal-cookie, react-cookie, typescript-cookie, VueUse
 *   `useCookies`) write `document.cookie`: the cookie is script-readable whatever the options say, so
 *   they are `side: 'client'` and belong to `no-token-in-storage`.
 */

export type CookieFlag = 'httpOnly' | 'secure' | 'sameSite';

/**
 * What a library does when a flag is not given: `unset` — the attribute is not written (unsafe);
 * `safe` — the library writes a safe value (`httpOnly` in Koa, `sameSite: 'lax'` in Fastify);
 * `connection` — it depends on the request's protocol as the app sees it (Koa's `secure`): safe only when the
 * app trusts its proxy's `X-Forwarded-Proto` (see `analysis/cookies.ts`, `fromDefault`).
 */
export type FlagDefault = 'unset' | 'safe' | 'connection';

export interface CookieWriteModel {
  /** stable id, e.g. `express.res.cookie` */
  id: string;
  /** how the call is named in messages: `res.cookie`, `cookies().set` */
  label: string;
  /** `client`: runs in the browser and writes `document.cookie`; `server`: writes a `Set-Cookie` header */
  side: 'client' | 'server';
  /** argument index per role; `object` is the single-object form (`cookies().set({ name, value, ...opts })`) */
  args: { name?: number; value?: number; options?: number; object?: number };
  /** server APIs: the flag defaults of the library */
  defaults?: Readonly<Record<CookieFlag, FlagDefault>>;
  /** an option that forces `secure` (Hono `prefix: 'secure' | 'host'`) */
  secureForcingOption?: string;
  /** the call returns the header string instead of setting it (`serialize`) */
  returnsHeader?: boolean;
  /** how the library spells `sameSite` values in suggestions (default lowercase) */
  sameSiteSpelling?: 'lower' | 'capitalized';
}

const UNSET: Record<CookieFlag, FlagDefault> = { httpOnly: 'unset', secure: 'unset', sameSite: 'unset' };

/** One export of a cookie library and how it leads to a write. */
export interface CookieEntry {
  /** export path from the module object; `[]` is the module itself (`require('x')`, a default import of CommonJS) */
  path: readonly string[];
  how: 'call' | 'construct';
  /** calling the export is the write */
  write?: CookieWriteModel;
  /**
   * the export returns (possibly a promise of) an object that writes: a member path (`['set']`,
   * `['cookies', 'set']`) or an array element (`[1]`: `const [cookies, setCookie] = useCookies()`).
   */
  returns?: { path: readonly (string | number)[]; write: CookieWriteModel };
}

export interface CookieLibraryModel {
  id: string;
  modules: readonly string[];
  entries: readonly CookieEntry[];
}

// ---------------------------------------------------------------------------------------------------------------
// Browser-side libraries (script-readable cookies).

const clientSet = (id: string, label: string): CookieWriteModel => ({ id, label, side: 'client', args: { name: 0, value: 1, options: 2 } });

const universalSet = clientSet('universal-cookie.set', 'cookies.set');

export const clientCookieLibraries: readonly CookieLibraryModel[] = [
  { id: 'js-cookie', modules: ['js-cookie'], entries: [{ path: ['set'], how: 'call', write: clientSet('js-cookie.set', 'Cookies.set') }] },
  {
    id: 'universal-cookie',
    modules: ['universal-cookie'],
    entries: [
      { path: [], how: 'construct', returns: { path: ['set'], write: universalSet } },
      { path: ['default'], how: 'construct', returns: { path: ['set'], write: universalSet } },
    ],
  },
  {
    id: 'react-cookie',
    modules: ['react-cookie'],
    entries: [
      { path: ['useCookies'], how: 'call', returns: { path: [1], write: clientSet('react-cookie.setCookie', 'setCookie') } },
      { path: ['Cookies'], how: 'construct', returns: { path: ['set'], write: universalSet } },
    ],
  },
  {
    id: 'typescript-cookie',
    modules: ['typescript-cookie'],
    entries: [{ path: ['setCookie'], how: 'call', write: clientSet('typescript-cookie.setCookie', 'setCookie') }],
  },
  {
    id: 'vueuse-cookies',
    modules: ['@vueuse/integrations/useCookies'],
    entries: [{ path: ['useCookies'], how: 'call', returns: { path: ['set'], write: universalSet } }],
  },
];

/**
 * Angular `ngx-cookie-service`: an injected `CookieService` (constructor parameter or `inject(CookieService)`)
 * whose `set(name, value, …)` writes `document.cookie`.
 */
export const injectedClientCookieServices = [
  {
    id: 'ngx-cookie-service',
    modules: ['ngx-cookie-service', 'ngx-cookie-service-ssr'],
    className: 'CookieService',
    method: 'set',
    write: clientSet('ngx-cookie-service.set', 'cookieService.set'),
  },
] as const;

// ---------------------------------------------------------------------------------------------------------------
// Server-side libraries (Set-Cookie).

const serverWrite = (id: string, label: string, args: CookieWriteModel['args'], extra: Partial<CookieWriteModel> = {}): CookieWriteModel => ({
  id,
  label,
  side: 'server',
  args,
  defaults: UNSET,
  ...extra,
});

const serialize = (id: string): CookieWriteModel =>
  serverWrite(`${id}.serialize`, 'serialize', { name: 0, value: 1, options: 2 }, { returnsHeader: true });
const nextSet = serverWrite('next.cookies.set', 'cookies().set', { name: 0, value: 1, options: 2, object: 0 });
const nextResponseSet = serverWrite('next.response.cookies.set', 'response.cookies.set', { name: 0, value: 1, options: 2, object: 0 });

export const serverCookieLibraries: readonly CookieLibraryModel[] = [
  { id: 'cookie', modules: ['cookie'], entries: [{ path: ['serialize'], how: 'call', write: serialize('cookie') }] },
  { id: 'cookie-es', modules: ['cookie-es'], entries: [{ path: ['serialize'], how: 'call', write: serialize('cookie-es') }] },
  { id: '@fastify/cookie', modules: ['@fastify/cookie'], entries: [{ path: ['serialize'], how: 'call', write: serialize('@fastify/cookie') }] },
  { id: 'next/headers', modules: ['next/headers'], entries: [{ path: ['cookies'], how: 'call', returns: { path: ['set'], write: nextSet } }] },
  {
    id: 'next/server',
    modules: ['next/server'],
    entries: [
      ...['next', 'json', 'redirect', 'rewrite'].map(
        (m): CookieEntry => ({ path: ['NextResponse', m], how: 'call', returns: { path: ['cookies', 'set'], write: nextResponseSet } }),
      ),
      { path: ['NextResponse'], how: 'construct', returns: { path: ['cookies', 'set'], write: nextResponseSet } },
    ],
  },
  {
    id: 'hono/cookie',
    modules: ['hono/cookie'],
    entries: [
      {
        path: ['setCookie'],
        how: 'call',
        write: serverWrite('hono.setCookie', 'setCookie', { name: 1, value: 2, options: 3 }, { secureForcingOption: 'prefix', sameSiteSpelling: 'capitalized' }),
      },
      {
        path: ['setSignedCookie'],
        how: 'call',
        write: serverWrite('hono.setSignedCookie', 'setSignedCookie', { name: 1, value: 2, options: 4 }, { secureForcingOption: 'prefix', sameSiteSpelling: 'capitalized' }),
      },
      {
        path: ['generateCookie'],
        how: 'call',
        write: serverWrite('hono.generateCookie', 'generateCookie', { name: 0, value: 1, options: 2 }, { secureForcingOption: 'prefix', returnsHeader: true, sameSiteSpelling: 'capitalized' }),
      },
    ],
  },
  { id: 'h3', modules: ['h3'], entries: [{ path: ['setCookie'], how: 'call', write: serverWrite('h3.setCookie', 'setCookie', { name: 1, value: 2, options: 3 }) }] },
];

// ---------------------------------------------------------------------------------------------------------------
// Framework response objects (no import to anchor the call itself).

/**
 * Express `res.cookie(name, value, opts)`, Fastify `reply.setCookie(...)` / `reply.cookie(...)`, Koa
 * `ctx.cookies.set(...)`. A method of that name on any object is not enough. The receiver must be anchored
 * by evidence (see `analysis/cookies.ts`, `frameworkReceiver`):
 * 1. a parameter typed with one of `types`, imported from one of `modules` (`res: Response` from express,
 *    `reply: FastifyReply`, `ctx: Context`), or decorated with Nest's `@Res()` / `@Response()`;
 * 2. the handler parameter at `handlerParam` of a function passed to a route registration
 *    (`app.get(path, (req, res) => …)`, `router.post`, `fastify.get`) in a file that imports one of `modules`;
 * 3. in a file that imports one of `modules` (or `@nestjs/common`), a binding named like `receiverNames`;
 * 4. without an import (controllers whose routes are wired elsewhere): the parameter at `handlerParam` of a
 *    function whose parameters follow the framework's handler signature — `(req, res)` / `(request, reply)`
 *    for Express and Fastify (first parameter named `req` / `request`), `(ctx)` / `(ctx, next)` for Koa — and
 *    the receiver itself is named like `receiverNames`.
 */
export interface FrameworkCookieModel {
  id: 'express' | 'fastify' | 'koa';
  /** member paths on the receiver that write a cookie */
  methods: readonly (readonly string[])[];
  write: CookieWriteModel;
  modules: readonly string[];
  receiverNames: readonly string[];
  handlerParam: number;
  types: readonly string[];
  /**
   * methods of the receiver that return the receiver itself, so a write can hang off a chain:
   * `res.status(200).cookie(…)`, `reply.code(200).setCookie(…)`
   */
  chainable: readonly string[];
}

export const frameworkCookieModels: readonly FrameworkCookieModel[] = [
  {
    id: 'fastify',
    methods: [['setCookie'], ['cookie']],
    write: serverWrite('fastify.reply.setCookie', 'reply.setCookie', { name: 0, value: 1, options: 2 }, {
      defaults: { httpOnly: 'unset', secure: 'unset', sameSite: 'safe' },
    }),
    modules: ['fastify', '@fastify/cookie'],
    receiverNames: ['reply', 'rep', 'res', 'response'],
    handlerParam: 1,
    types: ['FastifyReply'],
    chainable: ['code', 'status', 'header', 'headers', 'type', 'setCookie', 'cookie', 'clearCookie', 'removeHeader', 'serializer'],
  },
  {
    id: 'express',
    methods: [['cookie']],
    write: serverWrite('express.res.cookie', 'res.cookie', { name: 0, value: 1, options: 2 }),
    modules: ['express', 'express-serve-static-core'],
    receiverNames: ['res', 'response', 'resp'],
    handlerParam: 1,
    types: ['Response'],
    chainable: ['status', 'cookie', 'clearCookie', 'set', 'header', 'type', 'contentType', 'append', 'location', 'vary', 'links', 'attachment'],
  },
  {
    id: 'koa',
    methods: [['cookies', 'set']],
    write: serverWrite('koa.ctx.cookies.set', 'ctx.cookies.set', { name: 0, value: 1, options: 2 }, {
      defaults: { httpOnly: 'safe', secure: 'connection', sameSite: 'unset' },
    }),
    modules: ['koa', '@koa/router', 'koa-router'],
    receiverNames: ['ctx', 'context'],
    handlerParam: 0,
    types: ['Context', 'ParameterizedContext', 'RouterContext', 'ExtendableContext'],
    chainable: [],
  },
];

/** Nest's parameter decorators that inject the platform response (`@Res() res: Response`). */
export const NEST_RESPONSE_DECORATORS = { module: '@nestjs/common', names: ['Res', 'Response'] } as const;

/** Route registration methods whose function arguments are request handlers. */
export const ROUTE_METHODS: readonly string[] = ['get', 'post', 'put', 'patch', 'delete', 'del', 'all', 'use', 'options', 'head', 'route', 'addHook'];

/** Header names under which a raw cookie string is written (`res.setHeader('Set-Cookie', …)`). */
export const SET_COOKIE_HEADER = 'set-cookie';
/** Methods that write a header: `res.setHeader(name, v)`, `headers.set/append(name, v)`, `reply.header(name, v)`, `c.header(name, v)`, `res.appendHeader(name, v)`. */
export const HEADER_WRITE_METHODS: readonly string[] = ['setHeader', 'set', 'append', 'header', 'appendHeader'];
