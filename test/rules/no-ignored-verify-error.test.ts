import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../rules/no-ignored-verify-error.js';
import { commonjs } from './language-options.js';
import { invalidVariants, memberVariants, namedVariants, validVariants } from '../helpers/import-variants.js';

const ruleTester = new RuleTester();

const mv = (code: string) => validVariants(memberVariants('jsonwebtoken', code), code);
const jose = (code: string) => validVariants(namedVariants('jose', ['jwtVerify']), code);

ruleTester.run('no-ignored-verify-error', rule, {
  valid: [
    // higher-order wrapper whose catch rejects, or whose wrapped handler gets no request
    "import { jwtVerify } from 'jose';\nexport function withSessionAuth(handler) {\n  return async (req, res) => {\n    try {\n      const { payload } = await jwtVerify(token, key, opts);\n      req.user = payload;\n    } catch (e) {\n      console.error(e);\n      return res.status(401).json({ error: 'unauthorized' });\n    }\n    return handler(req, res);\n  };\n}",
    "import { jwtVerify } from 'jose';\nexport function withSessionAuth(handler) {\n  return async (req, res) => {\n    try {\n      const { payload } = await jwtVerify(token, key, opts);\n      req.user = payload;\n    } catch (e) {\n      console.error(e);\n    }\n    return handler(null);\n  };\n}",

    // Nest guard that rejects
    "import * as jwt from 'jsonwebtoken';\nexport class JwtGuard { canActivate(ctx) { const req = ctx.switchToHttp().getRequest(); try { req.user = jwt.verify(tok, key); } catch (error) { throw new UnauthorizedException(); } return true; } }",
    // fastify: the error is passed on
    "import fastifyJwt from '@fastify/jwt';\napp.register(fastifyJwt, { secret });\napp.addHook('onRequest', (request, reply, done) => { request.jwtVerify((err) => done(err)); });",
    // options from a parameter could be the callback: unknown
    "import jwt from 'jsonwebtoken';\nexport function check(t, k, cbOrOptions) { jwt.verify(t, k, cbOrOptions); }",
    // callbacks that reject
    ...mv('jwt.verify(token, key, (err, decoded) => { if (err) return res.sendStatus(401); req.user = decoded; next(); });'),
    ...mv('jwt.verify(token, key, (err, decoded) => { if (err) return next(err); req.user = decoded; next(); });'),
    ...mv('jwt.verify(token, key, (err, decoded) => err ? reject(err) : resolve(decoded));'),
    // the decoded value is checked instead (undefined on failure)
    ...mv('jwt.verify(token, key, (_err, decoded) => { if (!decoded) return res.sendStatus(401); req.user = decoded; next(); });'),
    // catches that reject
    ...mv('function auth(req, res, next) { try { req.user = jwt.verify(token, key); } catch (e) { return res.status(401).json({ error: "invalid token" }); } next(); }'),
    ...mv('function auth(req, res, next) { try { req.user = jwt.verify(token, key); } catch (e) { throw new UnauthorizedError(); } next(); }'),
    ...mv('function getUser(t) { try { return jwt.verify(t, key); } catch { return null; } }'),
    ...mv('function auth(req, res, next) { try { req.user = jwt.verify(token, key); } catch (e) { req.user = null; } next(); }'),
    // a check after the try
    ...mv('function auth(req, res, next) { try { req.user = jwt.verify(token, key); } catch (e) { console.log(e); } if (!req.user) return res.sendStatus(401); next(); }'),
    // key rotation: the next key is tried
    ...mv('function check(t) { let p; for (const k of keys) { try { p = jwt.verify(t, k); break; } catch (e) {} } if (!p) throw new Error("bad"); return p; }'),
    // optional authentication on purpose
    ...mv('function optionalAuth(req, res, next) { try { req.user = jwt.verify(token, key); } catch (e) { console.log(e); } next(); }'),
    // the request hangs rather than continuing (another bug, not a bypass)
    ...mv('function auth(req, res, next) { try { req.user = jwt.verify(token, key); next(); } catch (e) { console.log(e); } }'),
    // jose: promise catch that responds
    ...jose('async function auth(req, res, next) { jwtVerify(token, key).then(({ payload }) => { req.user = payload; next(); }).catch(() => res.sendStatus(401)); }'),
    // not a JWT library
    'function auth(req, res, next) { try { req.user = jwt.verify(token, key); } catch (e) { console.log(e); } next(); }',
    'const jwt = { verify(t, k, cb) {} }; jwt.verify(token, key, (err, decoded) => { req.user = decoded; next(); });',
    // the try block returns on success: the code after the try runs only on failure
    ...mv('function isValid(t) { try { jwt.verify(t, key); return true; } catch (e) { console.log(e); } return false; }'),
    ...mv('function check(t) { try { jwt.verify(t, key); return "ok"; } catch (e) { console.log(e); } audit(t); return "bad"; }'),
    // a discarded check followed by a failure value only
    ...mv('function check(t) { try { jwt.verify(t, key); } catch (e) { console.log(e); } return null; }'),
    ...mv('function check(t) { try { jwt.verify(t, key); } catch (e) { console.log(e); } return; }'),
    // the result is kept, the catch only logs, a value is returned: the caller checks it
    ...mv('function getClaims(t) { let claims; try { claims = jwt.verify(t, key); } catch (e) { console.log(e); } return claims; }'),
    // the claims are checked before a new token is signed
    ...mv("router.post('/refresh', (req, res) => { let c; try { c = jwt.verify(rt, key); } catch (e) { console.log(e); } if (!c) return res.sendStatus(401); res.json({ t: jwt.sign({ sub: c.sub }, key) }); });"),
    // callback passed on
    ...mv('jwt.verify(token, key, done);'),
    ...mv('jwt.verify(token, key, (...args) => done(...args));'),
  ],
  invalid: [
    {
      name: 'a Next.js preview route that enables draft mode whether or not the token verified',
      code: "import { jwtVerify } from 'jose';\nimport { draftMode } from 'next/headers';\nexport async function GET(request) {\n  const token = request.nextUrl.searchParams.get('token');\n  try {\n    await jwtVerify(token, previewKey, { algorithms: ['HS256'] });\n  } catch (err) {\n    console.warn('preview token rejected', err);\n  }\n  (await draftMode()).enable();\n  return Response.redirect(new URL('/', request.url));\n}",
      errors: [{ messageId: 'swallowedCatch', data: { callee: 'jwtVerify', line: '7' }, line: 6, column: 11, endColumn: 20 }],
    },
    {
      name: 'higher-order wrapper calling the wrapped handler after a swallowed catch',
      code: "import { jwtVerify } from 'jose';\nexport function withSessionAuth(handler) {\n  return async (req, res) => {\n    try {\n      const { payload } = await jwtVerify(token, key, opts);\n      req.user = payload;\n    } catch (e) {\n      console.error(e);\n    }\n    return handler(req, res);\n  };\n}",
      errors: [{ messageId: 'swallowedCatch', data: { callee: 'jwtVerify', line: '7' }, line: 5, column: 33, endColumn: 42 }],
    },
    {
      name: 'CommonJS wrapper with jsonwebtoken, the handler called with the event',
      code: "const jwt = require('jsonwebtoken');\nmodule.exports = (fn) => async function (event, context) {\n  try {\n    event.user = jwt.verify(event.headers.authorization, process.env.JWT_SECRET);\n  } catch (err) {\n    logger.warn(err);\n  }\n  return fn(event, context);\n};",
      languageOptions: commonjs,
      errors: [{ messageId: 'swallowedCatch', data: { callee: 'jwt.verify', line: '5' }, line: 4, column: 18, endColumn: 28 }],
    },

    {
      name: 'decoded only guarded against a crash, then next() anyway',
      code: "import jwt from 'jsonwebtoken';\nfunction optionalUser(req, res, next) {\n  jwt.verify(req.query.token, key, options, (_err, payload) => {\n    res.locals.userId = payload ? payload.sub : undefined;\n    next();\n  });\n}",
      errors: [{ messageId: 'unreadCallbackError', line: 3, column: 3 }],
    },
    {
      name: 'fastify request.jwtVerify callback',
      code: "import Fastify from 'fastify';\nimport fastifyJwt from '@fastify/jwt';\nconst app = Fastify();\napp.register(fastifyJwt, { secret: process.env.JWT_SECRET });\napp.addHook('onRequest', (request, reply, done) => {\n  request.jwtVerify((err) => done());\n});",
      errors: [{ messageId: 'unreadCallbackError', data: { callee: 'request.jwtVerify' }, line: 6, column: 3, endColumn: 20 }],
    },
    {
      name: 'Nest-style guard swallowing the error',
      code: "import * as jwt from 'jsonwebtoken';\nexport class JwtGuard {\n  canActivate(context) {\n    const req = context.switchToHttp().getRequest();\n    try {\n      req.user = jwt.verify(req.headers.authorization?.split(' ')[1], process.env.JWT_SECRET, { algorithms: ['HS256'] });\n    } catch (error) {\n      this.logger.error(error);\n    }\n    return true;\n  }\n}",
      errors: [{ messageId: 'swallowedCatch', data: { callee: 'jwt.verify', line: '7' }, line: 6, column: 18, endColumn: 28 }],
    },
    {
      name: 'Koa middleware',
      code: "const jwt = require('jsonwebtoken');\nmodule.exports = async (ctx, next) => {\n  try {\n    ctx.state.user = jwt.verify(ctx.get('Authorization').replace('Bearer ', ''), process.env.JWT_SECRET);\n  } catch (err) {\n    console.error('jwt', err.message);\n  }\n  await next();\n};",
      filename: 'auth.js',
      languageOptions: commonjs,
      errors: [{ messageId: 'swallowedCatch', data: { callee: 'jwt.verify', line: '5' }, line: 4 }],
    },
    ...invalidVariants(memberVariants('jsonwebtoken', 'jwt.verify(token, key, (err, decoded) => { req.user = decoded; next(); });'), {
      code: 'jwt.verify(token, key, (err, decoded) => { req.user = decoded; next(); });',
      errors: [{ messageId: 'unreadCallbackError', data: { callee: 'jwt.verify' }, line: 1, column: 1, endColumn: 11 }],
    }).map((t, i) => fixCallee(t, i)),
    {
      code: "import jwt from 'jsonwebtoken';\njwt.verify(token, key, (_err, decoded) => { req.user = decoded; next(); });",
      errors: [{ messageId: 'unreadCallbackError', line: 2, column: 1 }],
    },
    {
      code: "import jwt from 'jsonwebtoken';\njwt.verify(token, key, function () { next(); });",
      errors: [{ messageId: 'unreadCallbackError', line: 2, column: 1, endColumn: 11 }],
    },
    {
      code: "import jwt from 'jsonwebtoken';\njwt.verify(token, key, (err, decoded) => { if (err) console.error(err); req.user = decoded; next(); });",
      errors: [{ messageId: 'callbackFallsThrough', line: 2, column: 1, endColumn: 11 }],
    },
    {
      code: "import jwt from 'jsonwebtoken';\nfunction auth(req, res, next) {\n  try {\n    req.user = jwt.verify(req.headers.authorization, process.env.JWT_SECRET);\n  } catch (e) {\n    console.log(e);\n  }\n  next();\n}",
      errors: [{ messageId: 'swallowedCatch', data: { callee: 'jwt.verify', line: '5' }, line: 4, column: 16, endColumn: 26 }],
    },
    {
      code: "import jwt from 'jsonwebtoken';\nfunction auth(req, res, next) {\n  try {\n    req.user = jwt.verify(token, key);\n  } catch {\n    return next();\n  }\n  next();\n}",
      errors: [{ messageId: 'swallowedCatch', data: { callee: 'jwt.verify', line: '5' }, line: 4, column: 16 }],
    },
    {
      code: "import { jwtVerify } from 'jose';\nimport { NextResponse } from 'next/server';\nexport async function middleware(req) {\n  try {\n    await jwtVerify(req.cookies.get('token')?.value, key);\n  } catch (err) {\n    console.error(err);\n  }\n  return NextResponse.next();\n}",
      errors: [{ messageId: 'swallowedCatch', data: { callee: 'jwtVerify', line: '6' }, line: 5, column: 11, endColumn: 20 }],
    },
    {
      code: "import { jwtVerify } from 'jose';\nexport async function middleware(req) {\n  await jwtVerify(token, key).catch(console.error);\n  return NextResponse.next();\n}",
      errors: [{ messageId: 'swallowedPromiseCatch', data: { callee: 'jwtVerify', line: '3', method: 'catch' }, line: 3, column: 9, endColumn: 18 }],
    },
    {
      code: "import jwt from 'jsonwebtoken';\nfunction isValid(token) {\n  try { jwt.verify(token, key); } catch (e) { logger.warn('bad token'); }\n  return true;\n}",
      errors: [{ messageId: 'swallowedCatch', line: 3, column: 9 }],
    },
    {
      name: 'a discarded check, then a value returned on both paths',
      code: "import jwt from 'jsonwebtoken';\nexport function check(t) {\n  try {\n    jwt.verify(t, process.env.JWT_SECRET);\n  } catch (e) {\n    console.log(e);\n  }\n  return 'ok';\n}",
      errors: [{ messageId: 'swallowedCatch', data: { callee: 'jwt.verify', line: '5' }, line: 4, column: 5 }],
    },
    {
      name: 'Koa: the result kept in a `let`, the catch only warns, the request goes on',
      code: "const jwt = require('jsonwebtoken');\nconst verifyOpts = { algorithms: ['HS256'], audience: 'acme' };\nmodule.exports.requireAdmin = async function requireAdmin(ctx, next) {\n  let claims;\n  try {\n    claims = jwt.verify(ctx.cookies.get('admin'), process.env.JWT_SECRET, verifyOpts);\n  } catch (err) {\n    ctx.log.warn('admin token rejected: %s', err.message);\n  }\n  ctx.state.user = claims;\n  await next();\n};",
      filename: 'auth.js',
      languageOptions: commonjs,
      errors: [{ messageId: 'swallowedCatch', data: { callee: 'jwt.verify', line: '7' }, line: 6, column: 14, endColumn: 24 }],
    },
    {
      name: 'Next.js middleware: destructuring assignment in the try, the headers set from a maybe-undefined payload',
      code: "import { NextResponse, type NextRequest } from 'next/server';\nimport { jwtVerify, type JWTPayload } from 'jose';\nconst key = new TextEncoder().encode(process.env.SESSION_SECRET);\nexport async function middleware(req: NextRequest) {\n  let payload: JWTPayload | undefined;\n  try {\n    ({ payload } = await jwtVerify(req.cookies.get('session')?.value ?? '', key, { issuer: 'https://app.example' }));\n  } catch (err) {\n    console.error('session verification failed', err);\n  }\n  const headers = new Headers(req.headers);\n  headers.set('x-user-id', String(payload?.sub ?? ''));\n  return NextResponse.next({ request: { headers } });\n}",
      filename: 'middleware.ts',
      errors: [{ messageId: 'swallowedCatch', data: { callee: 'jwtVerify', line: '8' }, line: 7, column: 26, endColumn: 35 }],
    },
    {
      name: 'refresh endpoint: a new access token is signed whether or not the refresh token verified',
      code: "import jwt from 'jsonwebtoken';\nrouter.post('/refresh', (req, res) => {\n  let claims;\n  try {\n    claims = jwt.verify(req.cookies.refresh_token, process.env.JWT_REFRESH_SECRET, { algorithms: ['HS256'] });\n  } catch (e) {\n    req.log.warn({ err: e }, 'refresh verify failed');\n  }\n  const accessToken = jwt.sign({ sub: claims?.sub }, process.env.JWT_SECRET, { algorithm: 'HS256', expiresIn: '15m' });\n  res.json({ accessToken });\n});",
      errors: [{ messageId: 'swallowedCatch', data: { callee: 'jwt.verify', line: '6' }, line: 5, column: 14 }],
    },
    {
      name: 'promise .then(ok, handler) that only logs, then next()',
      code: "import { jwtVerify } from 'jose';\nexport function auth(req, res, next) {\n  jwtVerify(token, key)\n    .then(({ payload }) => { req.user = payload; }, (e) => console.warn(e));\n  next();\n}",
      errors: [{ messageId: 'swallowedPromiseCatch', data: { callee: 'jwtVerify', line: '4', method: 'then' }, line: 3, column: 3 }],
    },
  ],
});

function fixCallee<T extends { code: string; errors: readonly { data?: Record<string, unknown> }[] }>(t: T, i: number): T {
  // aliased forms call `jwt_verify`
  if (!t.code.includes('jwt_verify')) return t;
  void i;
  return { ...t, errors: t.errors.map((e) => ({ ...e, data: { callee: 'jwt_verify' } })) };
}
