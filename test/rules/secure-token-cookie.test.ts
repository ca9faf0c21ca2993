import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../rules/secure-token-cookie.js';

const ruleTester = new RuleTester();

const ALL = "`httpOnly: true`, `secure: true` and `sameSite: 'lax'`";
const ALL_REFRESH = "`httpOnly: true`, `secure: true` and `sameSite: 'strict'`";

const missing = (line: number, column: number, api: string, cookie: string, flags: string, output?: string) => ({
  messageId: 'missingFlags' as const,
  data: { api, cookie, flags },
  line,
  column,
  suggestions: output === undefined ? [] : [{ messageId: 'addFlags' as const, data: { flags }, output }],
});

const express = (body: string) => `import express from 'express';\nconst app = express();\napp.post('/login', async (req, res) => {\n${body}\n});`;

ruleTester.run('secure-token-cookie', rule, {
  valid: [
    // a remembered e-mail address or user name is not a credential
    express(`  res.cookie('remember', req.body.email, { maxAge: 30 * 86400000 });\n  res.cookie('remember_me', user.username);`),
    // all flags set
    express(`  res.cookie('token', token, { httpOnly: true, secure: true, sameSite: 'strict' });`),
    express(`  res.cookie('session', sid, { httpOnly: true, secure: true, sameSite: 'lax', maxAge: 900000 });`),
    express(`  res.cookie('token', token, { httpOnly: true, secure: true, sameSite: true });`),
    // secure bound to an environment check, options from elsewhere, unknown spreads
    express(`  res.cookie('token', token, { httpOnly: true, secure: process.env.NODE_ENV === 'production', sameSite: 'lax' });`),
    express(`  res.cookie('token', token, cookieOptions);`),
    express(`  res.cookie('token', token, { ...cookieOptions, maxAge: 1000 });`),
    express(`  res.cookie('token', token, getCookieOptions());`),
    express(`  res.cookie('token', token, { httpOnly: true, secure: config.secureCookies, sameSite: 'lax' });`),
    // sameSite 'none' on a non-refresh auth cookie is an explicit choice
    express(`  res.cookie('session', sid, { httpOnly: true, secure: true, sameSite: 'none' });`),
    // non-auth cookies
    express(`  res.status(200).cookie('token', token, { httpOnly: true, secure: true, sameSite: 'strict' }).json({ ok: true });`),
    express(`  res.status(200).cookie('theme', theme).json({ ok: true });`),
    express(`  res.cookie('theme', theme);`),
    express(`  res.cookie('locale', req.body.locale, { maxAge: 31536000000 });`),
    express(`  res.cookie('XSRF-TOKEN', req.csrfToken());`),
    // CSRF double-submit cookies are readable by design: by name, and by the value's origin
    express(`  res.cookie('XSRF-TOKEN', generateCsrfToken(), { httpOnly: false, secure: process.env.NODE_ENV === 'production', sameSite: 'strict' });`),
    express(`  const token = generateCsrfToken();\n  res.cookie('XSRF-TOKEN', token, { httpOnly: false, secure: true, sameSite: 'strict' });`),
    express(`  res.cookie('_csrf', token, { httpOnly: false });`),
    express(`  res.cookie('csrfToken', token, { httpOnly: false, secure: true, sameSite: 'strict' });`),
    express(`  const token = req.csrfToken();\n  res.cookie(cookieName, token, { httpOnly: false });`),
    express(`  const { csrfToken: token } = await issue(req);\n  res.cookie(cookieName, token, { httpOnly: false });`),
    `res.setHeader('Set-Cookie', \`XSRF-TOKEN=\${token}; Path=/; SameSite=Strict\`);`,
    `import { serialize } from 'cookie';\nres.setHeader('Set-Cookie', serialize('csrf', token, { httpOnly: false }));`,
    // clearing
    express(`  res.cookie('token', '', { maxAge: 0 });`),
    express(`  res.clearCookie('token');`),
    // __Secure- prefix implies secure
    express(`  res.cookie('__Secure-refresh_token', refreshToken, { httpOnly: true, sameSite: 'strict', path: '/auth/refresh' });`),
    // .cookie() on a custom object in a file without a framework
    `const jar = { cookie(name, value) {} };\njar.cookie('token', token);`,
    `function save(store, token) { store.cookie('token', token); }`,
    `class Client { cookie(n, v) {} run() { this.cookie('token', this.token); } }`,
    `import { cookie } from './my-cookie'; cookie.set('token', token);`,
    `const res = makeRes(); res.cookie('token', token);`,
    // a Map named cookies
    `const ctx = { cookies: new Map() }; ctx.cookies.set('token', token);`,
    // Koa: httpOnly defaults to true, secure follows the request's protocol when the app trusts its proxy
    `import Koa from 'koa';\nconst app = new Koa();\napp.proxy = true;\napp.use(async (ctx) => { ctx.cookies.set('token', token, { sameSite: 'strict' }); });`,
    // Fastify: sameSite defaults to 'lax'
    `import Fastify from 'fastify';\nconst app = Fastify();\napp.post('/login', async (request, reply) => { reply.setCookie('token', token, { httpOnly: true, secure: true }); });`,
    `import Fastify from 'fastify';\nconst app = Fastify();\napp.post('/login', async (request, reply) => { reply.setCookie('token', token, { httpOnly: true, secure: 'auto' }); });`,
    // Next.js, Hono and cookie with all flags
    `import { cookies } from 'next/headers';\nexport async function POST() { (await cookies()).set('session', session, { httpOnly: true, secure: true, sameSite: 'lax' }); }`,
    `import { setCookie } from 'hono/cookie';\napp.post('/login', (c) => { setCookie(c, 'token', token, { httpOnly: true, secure: true, sameSite: 'Strict' }); });`,
    `import { setCookie } from 'hono/cookie';\napp.post('/login', (c) => { setCookie(c, 'token', token, { httpOnly: true, prefix: 'secure', sameSite: 'Lax' }); });`,
    `import { serialize } from 'cookie';\nres.setHeader('Set-Cookie', serialize('token', token, { httpOnly: true, secure: true, sameSite: 'strict' }));`,
    `res.setHeader('Set-Cookie', \`token=\${token}; Path=/; HttpOnly; Secure; SameSite=Strict\`);`,
    `res.setHeader('Set-Cookie', \`theme=\${theme}; Path=/\`);`,
    `import { NextResponse } from 'next/server';\nexport async function POST() {\n  const response = NextResponse.json({ ok: true });\n  response.cookies.set('auth-token', token, { httpOnly: true, secure: true, sameSite: 'none' });\n  return response;\n}`,
    // client-side cookie libraries belong to no-token-in-storage
    `import Cookies from 'js-cookie';\nCookies.set('token', token);`,
    // the reference implementation
    `import type { Response } from 'express';
export const REFRESH_COOKIE_NAME = '__Secure-refresh_token';
export function setRefreshCookie(res: Response, token: string): void {
  res.cookie(REFRESH_COOKIE_NAME, token, { httpOnly: true, secure: true, sameSite: 'strict', path: '/auth/refresh', maxAge: 1209600000 });
}`,
  ],
  invalid: [
    {
      // a second factor in progress: the cookie lets its holder finish someone else's login
      code: express(`  res.cookie('mfa_pending', pendingId, { maxAge: 300000 });`),
      errors: [missing(4, 3, 'res.cookie', '`mfa_pending`', ALL, express(`  res.cookie('mfa_pending', pendingId, { maxAge: 300000, httpOnly: true, secure: true, sameSite: 'lax' });`))],
    },
    {
      // next to a CSRF cookie, the auth cookie (by name, or by a token value under a neutral name) is still judged
      code: express(`  res.cookie('XSRF-TOKEN', generateCsrfToken(), { httpOnly: false, secure: true, sameSite: 'strict' });\n  res.cookie('token', token, { httpOnly: false, secure: true, sameSite: 'strict' });`),
      errors: [{ messageId: 'unsafeFlag', data: { flag: 'httpOnly', value: 'false', cookie: '`token`', risk: 'readable by page scripts' }, line: 5, column: 42,
        suggestions: [{ messageId: 'setFlag', data: { flag: 'httpOnly', safe: 'true' }, output: express(`  res.cookie('XSRF-TOKEN', generateCsrfToken(), { httpOnly: false, secure: true, sameSite: 'strict' });\n  res.cookie('token', token, { httpOnly: true, secure: true, sameSite: 'strict' });`) }] }],
    },
    {
      code: express(`  const csrf = generateCsrfToken();\n  const token = signSession(user);\n  res.cookie(name, token, { httpOnly: false, secure: true, sameSite: 'strict' });`),
      errors: [{ messageId: 'unsafeFlag', data: { flag: 'httpOnly', value: 'false', cookie: 'that carries a token', risk: 'readable by page scripts' }, line: 6, column: 39,
        suggestions: [{ messageId: 'setFlag', data: { flag: 'httpOnly', safe: 'true' }, output: express(`  const csrf = generateCsrfToken();\n  const token = signSession(user);\n  res.cookie(name, token, { httpOnly: true, secure: true, sameSite: 'strict' });`) }] }],
    },
    {
      // Koa without proxy trust: only secure is missing
      code: `import Koa from 'koa';\nconst app = new Koa();\napp.use(async (ctx) => { ctx.cookies.set('token', token, { sameSite: 'strict' }); });`,
      errors: [missing(3, 26, 'ctx.cookies.set', '`token`', '`secure: true`', `import Koa from 'koa';\nconst app = new Koa();\napp.use(async (ctx) => { ctx.cookies.set('token', token, { sameSite: 'strict', secure: true }); });`)],
    },
    {
      // chained off `res.status(…)`, as route handlers often write it
      code: express(`  return res.status(200).cookie('refreshToken', refreshToken, { httpOnly: true }).json({ ok: true });`),
      errors: [
        missing(4, 10, 'res.cookie', '`refreshToken`', "`secure: true` and `sameSite: 'strict'`",
          express(`  return res.status(200).cookie('refreshToken', refreshToken, { httpOnly: true, secure: true, sameSite: 'strict' }).json({ ok: true });`)),
      ],
    },
    {
      code: express(`  res.cookie('token', token);`),
      errors: [missing(4, 3, 'res.cookie', '`token`', ALL, express(`  res.cookie('token', token, { httpOnly: true, secure: true, sameSite: 'lax' });`))],
    },
    {
      code: express(`  res.cookie('refreshToken', refreshToken, { maxAge: 7 * 24 * 3600 * 1000 });`),
      errors: [
        missing(4, 3, 'res.cookie', '`refreshToken`', ALL_REFRESH,
          express(`  res.cookie('refreshToken', refreshToken, { maxAge: 7 * 24 * 3600 * 1000, httpOnly: true, secure: true, sameSite: 'strict' });`)),
      ],
    },
    {
      code: express(`  res.cookie('jwt', token, { httpOnly: true });`),
      errors: [missing(4, 3, 'res.cookie', '`jwt`', "`secure: true` and `sameSite: 'lax'`", express(`  res.cookie('jwt', token, { httpOnly: true, secure: true, sameSite: 'lax' });`))],
    },
    {
      // decided by the value
      code: express(`  const accessToken = jwt.sign({ sub: user.id }, secret);\n  res.cookie('jid', accessToken, { secure: true, sameSite: 'lax' });`),
      errors: [missing(5, 3, 'res.cookie', '`jid`', '`httpOnly: true`', express(`  const accessToken = jwt.sign({ sub: user.id }, secret);\n  res.cookie('jid', accessToken, { secure: true, sameSite: 'lax', httpOnly: true });`))],
    },
    {
      // explicit unsafe values
      code: express(`  res.cookie('token', token, { httpOnly: false, secure: true, sameSite: 'strict' });`),
      errors: [
        {
          messageId: 'unsafeFlag',
          data: { flag: 'httpOnly', value: 'false', cookie: '`token`', risk: 'readable by page scripts' },
          line: 4,
          column: 42,
          suggestions: [{ messageId: 'setFlag', data: { flag: 'httpOnly', safe: 'true' }, output: express(`  res.cookie('token', token, { httpOnly: true, secure: true, sameSite: 'strict' });`) }],
        },
      ],
    },
    {
      code: express(`  res.cookie('refresh_token', rt, { httpOnly: true, secure: true, sameSite: 'none' });`),
      errors: [
        {
          messageId: 'unsafeFlag',
          data: { flag: 'sameSite', value: "'none'", cookie: '`refresh_token`', risk: 'sent on cross-site requests' },
          line: 4,
          column: 77,
          suggestions: [{ messageId: 'setFlag', data: { flag: 'sameSite', safe: "'strict'" }, output: express(`  res.cookie('refresh_token', rt, { httpOnly: true, secure: true, sameSite: 'strict' });`) }],
        },
      ],
    },
    {
      // options through a variable: reported, no suggestion (the edit is not determined by the call)
      code: express(`  const opts = { httpOnly: true, maxAge: 3600000 };\n  res.cookie('access_token', token, opts);`),
      errors: [missing(5, 3, 'res.cookie', '`access_token`', "`secure: true` and `sameSite: 'lax'`")],
    },
    {
      // name through a constant
      code: `import express from 'express';\nconst COOKIE = 'auth_token';\nconst router = express.Router();\nrouter.post('/login', (req, res) => {\n  res.cookie(COOKIE, token, {\n    httpOnly: true,\n    secure: true,\n  });\n});`,
      errors: [
        missing(5, 3, 'res.cookie', '`auth_token`', "`sameSite: 'lax'`",
          `import express from 'express';\nconst COOKIE = 'auth_token';\nconst router = express.Router();\nrouter.post('/login', (req, res) => {\n  res.cookie(COOKIE, token, {\n    httpOnly: true,\n    secure: true,\n    sameSite: 'lax',\n  });\n});`),
      ],
    },
    {
      // a typed parameter in a helper module
      code: `import type { Response } from 'express';\nexport function setAuthCookie(response: Response, token: string) {\n  response.cookie('session', token, { httpOnly: true });\n}`,
      errors: [missing(3, 3, 'res.cookie', '`session`', "`secure: true` and `sameSite: 'lax'`", `import type { Response } from 'express';\nexport function setAuthCookie(response: Response, token: string) {\n  response.cookie('session', token, { httpOnly: true, secure: true, sameSite: 'lax' });\n}`)],
    },
    {
      // a controller without imports: the (req, res) handler signature
      code: `exports.login = async (req, res) => {\n  const token = await authService.login(req.body);\n  res.cookie('token', token);\n  res.json({ ok: true });\n};`,
      filename: 'controller.js',
      errors: [missing(3, 3, 'res.cookie', '`token`', ALL, `exports.login = async (req, res) => {\n  const token = await authService.login(req.body);\n  res.cookie('token', token, { httpOnly: true, secure: true, sameSite: 'lax' });\n  res.json({ ok: true });\n};`)],
    },
    {
      // NestJS with @Res()
      code: `import { Controller, Post, Res, Body } from '@nestjs/common';
@Controller('auth')
export class AuthController {
  @Post('login')
  async login(@Body() dto: LoginDto, @Res({ passthrough: true }) res) {
    const { accessToken } = await this.auth.login(dto);
    res.cookie('access_token', accessToken, { httpOnly: true, secure: true });
  }
}`,
      errors: [missing(7, 5, 'res.cookie', '`access_token`', "`sameSite: 'lax'`", `import { Controller, Post, Res, Body } from '@nestjs/common';
@Controller('auth')
export class AuthController {
  @Post('login')
  async login(@Body() dto: LoginDto, @Res({ passthrough: true }) res) {
    const { accessToken } = await this.auth.login(dto);
    res.cookie('access_token', accessToken, { httpOnly: true, secure: true, sameSite: 'lax' });
  }
}`)],
    },
    {
      // Fastify
      code: `import Fastify from 'fastify';\nconst app = Fastify();\napp.post('/login', async (request, reply) => {\n  reply.setCookie('token', token, { path: '/' });\n});`,
      errors: [missing(4, 3, 'reply.setCookie', '`token`', '`httpOnly: true` and `secure: true`', `import Fastify from 'fastify';\nconst app = Fastify();\napp.post('/login', async (request, reply) => {\n  reply.setCookie('token', token, { path: '/', httpOnly: true, secure: true });\n});`)],
    },
    {
      // Koa: httpOnly defaults to true (an explicit false is flagged); secure is missing without proxy trust
      code: `import Router from '@koa/router';\nconst router = new Router();\nrouter.post('/login', async (ctx) => {\n  ctx.cookies.set('jwt', token, { httpOnly: false });\n});`,
      errors: [
        missing(4, 3, 'ctx.cookies.set', '`jwt`', "`secure: true` and `sameSite: 'lax'`", `import Router from '@koa/router';\nconst router = new Router();\nrouter.post('/login', async (ctx) => {\n  ctx.cookies.set('jwt', token, { httpOnly: false, secure: true, sameSite: 'lax' });\n});`),
        {
          messageId: 'unsafeFlag',
          line: 4,
          column: 45,
          suggestions: [{ messageId: 'setFlag', output: `import Router from '@koa/router';\nconst router = new Router();\nrouter.post('/login', async (ctx) => {\n  ctx.cookies.set('jwt', token, { httpOnly: true });\n});` }],
        },
      ],
    },
    {
      // Next.js route handler, both signatures
      code: `import { cookies } from 'next/headers';\nexport async function POST(req: Request) {\n  const { token } = await login(await req.json());\n  const store = await cookies();\n  store.set('session', token);\n  store.set({ name: 'refresh_token', value: refresh, httpOnly: true, secure: true, sameSite: 'strict' });\n}`,
      errors: [missing(5, 3, 'cookies().set', '`session`', ALL, `import { cookies } from 'next/headers';\nexport async function POST(req: Request) {\n  const { token } = await login(await req.json());\n  const store = await cookies();\n  store.set('session', token, { httpOnly: true, secure: true, sameSite: 'lax' });\n  store.set({ name: 'refresh_token', value: refresh, httpOnly: true, secure: true, sameSite: 'strict' });\n}`)],
    },
    {
      code: `import { cookies } from 'next/headers';\nexport async function login() {\n  cookies().set({ name: 'token', value: token, path: '/' });\n}`,
      errors: [missing(3, 3, 'cookies().set', '`token`', ALL, `import { cookies } from 'next/headers';\nexport async function login() {\n  cookies().set({ name: 'token', value: token, path: '/', httpOnly: true, secure: true, sameSite: 'lax' });\n}`)],
    },
    {
      // Hono
      code: `import { Hono } from 'hono';\nimport { setCookie } from 'hono/cookie';\nconst app = new Hono();\napp.post('/login', async (c) => {\n  setCookie(c, 'refresh_token', refresh, { path: '/auth' });\n  return c.json({ ok: true });\n});`,
      errors: [missing(5, 3, 'setCookie', '`refresh_token`', "`httpOnly: true`, `secure: true` and `sameSite: 'Strict'`", `import { Hono } from 'hono';\nimport { setCookie } from 'hono/cookie';\nconst app = new Hono();\napp.post('/login', async (c) => {\n  setCookie(c, 'refresh_token', refresh, { path: '/auth', httpOnly: true, secure: true, sameSite: 'Strict' });\n  return c.json({ ok: true });\n});`)],
    },
    {
      // cookie.serialize in a raw header
      code: `const cookie = require('cookie');\nmodule.exports = (req, res) => {\n  res.setHeader('Set-Cookie', cookie.serialize('token', token, { httpOnly: true, maxAge: 3600 }));\n};`,
      filename: 'api.js',
      errors: [missing(3, 31, 'serialize', '`token`', "`secure: true` and `sameSite: 'lax'`", `const cookie = require('cookie');\nmodule.exports = (req, res) => {\n  res.setHeader('Set-Cookie', cookie.serialize('token', token, { httpOnly: true, maxAge: 3600, secure: true, sameSite: 'lax' }));\n};`)],
    },
    {
      code: `import { serialize } from 'cookie';\nconst header = serialize('jwt', token);`,
      errors: [missing(2, 16, 'serialize', '`jwt`', ALL, `import { serialize } from 'cookie';\nconst header = serialize('jwt', token, { httpOnly: true, secure: true, sameSite: 'lax' });`)],
    },
    {
      // raw header strings
      code: 'res.setHeader(\'Set-Cookie\', `token=${token}; Path=/; HttpOnly`);',
      errors: [missing(1, 29, 'Set-Cookie', '`token`', "`Secure` and `SameSite=Lax`", 'res.setHeader(\'Set-Cookie\', `token=${token}; Path=/; HttpOnly; Secure; SameSite=Lax`);')],
    },
    {
      code: "const r = new Response(null, { headers: { 'Set-Cookie': 'session=' + sid + '; Path=/' } });",
      errors: [missing(1, 57, 'Set-Cookie', '`session`', "`HttpOnly`, `Secure` and `SameSite=Lax`")],
    },
  ],
});
