import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../rules/no-decode-without-verify.js';
import { commonjs } from './language-options.js';
import { invalidVariants, memberVariants, namedVariants, validVariants } from '../helpers/import-variants.js';

const ruleTester = new RuleTester();
const jwtValid = (code: string) => validVariants(memberVariants('jsonwebtoken', code), code);
const jose = namedVariants('jose', ['decodeJwt', 'decodeProtectedHeader', 'jwtVerify']);

ruleTester.run('no-decode-without-verify', rule, {
  valid: [
    // tokens this code has just signed: directly, through a local function, or a field of its returned pair
    { code: "const jwt = require('jsonwebtoken');\nfunction issuePair(u) { const accessToken = jwt.sign({ sub: u.id }, k, o); const refreshToken = jwt.sign({ sub: u.id }, k2, o2); return { accessToken, refreshToken }; }\nasync function rotate(u) { const { refreshToken } = issuePair(u); await Sessions.create({ jti: jwt.decode(refreshToken).jti }); }", languageOptions: commonjs },
    "import jwt from 'jsonwebtoken';\nexport function issue(u) { const t = jwt.sign({ sub: u.id }, k, o); return { t, exp: jwt.decode(t).exp, jti: jwt.decode(t).jti }; }",
    // front-end code that also exports event handlers or reads bundler-inlined variables stays browser code
    "import { jwtDecode } from 'jwt-decode';\nconst api = process.env.NEXT_PUBLIC_API_URL;\nexport function onLogin(event) { const claims = jwtDecode(event.detail.token); showName(claims.name); }",
    // verified in the same function, before or after
    ...jwtValid(`function auth(token) { const p = jwt.verify(token, key, { algorithms: ['HS256'] }); const d = jwt.decode(token); return d.sub; }`),
    ...jwtValid(`function auth(token) { const d = jwt.decode(token); const p = jwt.verify(token, key, { algorithms: ['HS256'] }); return d.role; }`),
    ...validVariants(jose, `async function auth(t) { const claims = decodeJwt(t); await jwtVerify(t, key); return claims.sub; }`),
    // header-only: pick the key by kid, then verify
    ...jwtValid(`function auth(token) { const { header } = jwt.decode(token, { complete: true }); return jwt.verify(token, keys[header.kid], { algorithms: ['RS256'] }); }`),
    ...jwtValid(`function kidOf(token) { const decoded = jwt.decode(token, { complete: true }); return decoded.header.kid; }`),
    ...validVariants(jose, `async function keyFor(t) { const { kid, alg } = decodeProtectedHeader(t); return lookup(kid, alg); }`),
    // only time claims: deciding when to refresh trusts nothing
    ...jwtValid(`function isExpired(token) { const { exp } = jwt.decode(token); return exp * 1000 < Date.now(); }`),
    ...validVariants(jose, `function expiresAt(t) { return decodeJwt(t).exp * 1000; }`),
    `import jwt from 'jsonwebtoken'; function f(t) { const d = jwt.decode(t); if (!d || !d.exp) return true; return d.exp < Date.now() / 1000; }`,
    // unused result
    `import jwt from 'jsonwebtoken'; jwt.decode(token);`,
    // verified by a verifier-named helper in the same function
    `import jwt from 'jsonwebtoken'; async function me(token) { await verifyAccessToken(token); const { sub } = jwt.decode(token); return sub; }`,
    `import jwt from 'jsonwebtoken'; class S { async me(token) { const claims = jwt.decode(token); await this.auth.validateToken(token); return claims; } }`,
    // browser code: the client has no key; the server enforces
    {
      code: `'use client';\nimport { decodeJwt } from 'jose';\nexport function useUser(token) { return decodeJwt(token).name; }`,
    },
    {
      filename: 'src/components/Avatar.tsx',
      code: `import jwt from 'jsonwebtoken';\nexport function Avatar({ token }: { token: string }) { const user = jwt.decode(token) as { name: string }; return <span>{user.name}</span>; }`,
    },
    {
      code: `import { useMemo } from 'react';\nimport { decodeJwt } from 'jose';\nexport function useRoles(t) { return useMemo(() => decodeJwt(t).roles, [t]); }`,
    },
    // other modelled libraries: jwt-simple verifies unless noVerify is truthy; jwt-decode is a front-end library
    `import jwt from 'jwt-simple'; export const sub = (t) => jwt.decode(t, process.env.K).sub;`,
    `import jwt from 'jwt-simple'; export const sub = (t) => jwt.decode(t, process.env.K, false).sub;`,
    `import { jwtDecode } from 'jwt-decode'; export const role = (t) => jwtDecode(t).role;`,
    // look-alikes
    `const jwt = { decode(t) { return {}; } }; const u = jwt.decode(token); use(u.sub);`,
    `import jwt from 'jsonwebtoken'; const u = base64.decode(token); use(u.sub); const v = decoder.decode(buf); use(v);`,
    `import jwt from 'jsonwebtoken'; function f(jwt) { return jwt.decode(token).sub; }`,
    `import jwt from 'jwt-simple-wrapper'; export const claims = (t) => jwt.decode(t);`,
    // decode wrappers: a function that only decodes and returns the result (or a field of it) trusts nothing; its
    // callers are where trust happens
    ...jwtValid(`export const decodeToken = (t) => jwt.decode(t);`),
    ...jwtValid(`export function decodeOrNull(t) { const d = jwt.decode(t); if (!d) return null; return d; }`),
    ...validVariants(jose, `export function claimsOf(t) { return decodeJwt(t); }`),
    `import jwt from 'jsonwebtoken'; function f(t) { const d = jwt.decode(t, { complete: true }); return d.payload; }`,
    {
      // jsonwebtoken's own decode.js (node_modules/jsonwebtoken/decode.js), over jws
      filename: 'decode.js',
      languageOptions: commonjs,
      code: [
        `var jws = require('jws');`,
        `module.exports = function (jwt, options) {`,
        `  options = options || {};`,
        `  var decoded = jws.decode(jwt, options);`,
        `  if (!decoded) { return null; }`,
        `  var payload = decoded.payload;`,
        `  if (typeof payload === 'string') {`,
        `    try {`,
        `      var obj = JSON.parse(payload);`,
        `      if (obj !== null && typeof obj === 'object') { payload = obj; }`,
        `    } catch (e) { }`,
        `  }`,
        `  if (options.complete === true) {`,
        `    return { header: decoded.header, payload: payload, signature: decoded.signature };`,
        `  }`,
        `  return payload;`,
        `};`,
      ].join('\n'),
    },
  ],
  invalid: [
    {
      // a field of a local function's result that is not the signed one
      code: "import jwt from 'jsonwebtoken';\nfunction pair(req) { return { token: req.body.token, other: jwt.sign({}, k, o) }; }\nexport function h(req) { const { token } = pair(req); return users.find(jwt.decode(token).sub); }",
      errors: [{ messageId: 'unverifiedDecode', data: { callee: 'jwt.decode' }, line: 3, column: 73 }],
    },
    {
      // a Lambda authorizer (an `.mjs` file whose only import is jwt-decode): the exported handler makes it server code
      code: "import { jwtDecode } from 'jwt-decode';\n\nexport const handler = async (event) => {\n  const header = event.headers?.authorization ?? '';\n  try {\n    const claims = jwtDecode(header.slice(7));\n    const effect = claims.role === 'admin' ? 'Allow' : 'Deny';\n    return generatePolicy(claims.sub, effect, event.methodArn);\n  } catch (err) {\n    return generatePolicy('anonymous', 'Deny', event.methodArn);\n  }\n};",
      filename: 'authorizer.mjs',
      errors: [{ messageId: 'unverifiedDecode', data: { callee: 'jwtDecode' }, line: 6, column: 20 }],
    },
    {
      // a server environment read
      code: "import { jwtDecode } from 'jwt-decode';\nconst audience = process.env.API_AUDIENCE;\nexport async function authorize(token) { const claims = jwtDecode(token); if (claims.aud === audience) grant(claims.sub); }",
      errors: [{ messageId: 'unverifiedDecode', data: { callee: 'jwtDecode' }, line: 3, column: 57 }],
    },
    {
      code: "const { jwtDecode } = require('jwt-decode');\nexports.handler = async (event) => {\n  const claims = jwtDecode(event.authorizationToken);\n  return { principalId: claims.sub };\n};",
      languageOptions: commonjs,
      errors: [{ messageId: 'unverifiedDecode', data: { callee: 'jwtDecode' }, line: 3, column: 18 }],
    },
    // returning a claim hands out an identity (`getUserIdFromToken`): not a decode wrapper
    ...invalidVariants(memberVariants('jsonwebtoken', `jwt.decode`), {
      code: `export function userIdOf(token) { const payload = jwt.decode(token); return payload?.sub; }`,
      errors: [{ messageId: 'unverifiedDecode', line: 1, column: 51 }],
    }),
    ...invalidVariants(memberVariants('jsonwebtoken', `jwt.decode`), {
      code: `function currentUser(req) { const user = jwt.decode(req.headers.authorization.slice(7)); return db.users.find(user.sub); }`,
      errors: [{ messageId: 'unverifiedDecode', line: 1, column: 42, endColumn: 88 }],
    }),
    ...invalidVariants(jose, {
      code: `export async function role(t) { const claims = decodeJwt(t); if (claims.role === 'admin') grant(); }`,
      errors: [{ messageId: 'unverifiedDecode', data: { callee: 'decodeJwt' }, line: 1, column: 48 }],
    }),
    // a claim of the decode used for a lookup, returned from an arrow function
    {
      code: `import jwt from 'jsonwebtoken'; export const getUser = (token) => db.users.find(jwt.decode(token).sub);`,
      errors: [{ messageId: 'unverifiedDecode', line: 1, column: 81 }],
    },
    // trusted in the function: a lookup by a claim, a request user for the next handler
    {
      code: `import jwt from 'jsonwebtoken';\nexport function load(t) {\n  const { userId } = jwt.decode(t);\n  return db.users.find(userId);\n}`,
      errors: [{ messageId: 'unverifiedDecode', line: 3, column: 22 }],
    },
    {
      code: `import jwt from 'jsonwebtoken';\nexport function auth(req, res, next) {\n  req.user = jwt.decode(req.headers.authorization.slice(7));\n  next();\n}`,
      errors: [{ messageId: 'unverifiedDecode', line: 3, column: 14 }],
    },
    // complete: true, but the payload is read
    {
      code: `import jwt from 'jsonwebtoken'; function f(t) { const d = jwt.decode(t, { complete: true }); return db.find(d.payload.sub); }`,
      errors: [{ messageId: 'unverifiedDecode' }],
    },
    // a time claim and another claim
    {
      code: `import jwt from 'jsonwebtoken'; function f(t) { const { exp, isAdmin } = jwt.decode(t); if (exp > now && isAdmin) grant(); }`,
      errors: [{ messageId: 'unverifiedDecode' }],
    },
    // verified in another function does not count
    {
      code: `import jwt from 'jsonwebtoken'; function check(t) { jwt.verify(t, key, { algorithms: ['HS256'] }); } function me(t) { return db.find(jwt.decode(t).sub); }`,
      errors: [{ messageId: 'unverifiedDecode', column: 134 }],
    },
    // a different token is verified
    {
      code: `import jwt from 'jsonwebtoken'; function f(access, refresh) { jwt.verify(refresh, key); return db.find(jwt.decode(access).sub); }`,
      errors: [{ messageId: 'unverifiedDecode' }],
    },
    // other modelled libraries
    {
      code: `import jwt from 'jwt-simple'; export const user = (t) => db.find(jwt.decode(t, process.env.K, true).sub);`,
      errors: [{ messageId: 'unverifiedDecode', column: 66 }],
    },
    {
      code: `import express from 'express'; import { jwtDecode } from 'jwt-decode'; export const isAdmin = (t) => jwtDecode(t).role === 'admin';`,
      errors: [{ messageId: 'unverifiedDecode', data: { callee: 'jwtDecode' }, column: 102 }],
    },
    {
      code: `import { JwtService } from '@nestjs/jwt'; class A { constructor(private jwtService: JwtService) {} me(t) { return this.users.find(this.jwtService.decode(t).sub); } }`,
      errors: [{ messageId: 'unverifiedDecode', data: { callee: 'this.jwtService.decode' } }],
    },
    // an Express route (server code, even with a React import elsewhere on the server)
    {
      filename: 'src/routes/me.js',
      code: [
        `const express = require('express');`,
        `const jwt = require('jsonwebtoken');`,
        `const router = express.Router();`,
        `router.get('/me', async (req, res) => {`,
        `  const token = req.cookies.access_token;`,
        `  const payload = jwt.decode(token);`,
        `  if (!payload) return res.sendStatus(401);`,
        `  res.json(await User.findById(payload.sub));`,
        `});`,
      ].join('\n'),
      languageOptions: commonjs,
      errors: [{ messageId: 'unverifiedDecode', line: 6, column: 19 }],
    },
    // a Nest-style guard using jsonwebtoken
    {
      code: [
        `import * as jwt from 'jsonwebtoken';`,
        `export class AuthGuard {`,
        `  canActivate(ctx: any): boolean {`,
        `    const req = ctx.switchToHttp().getRequest();`,
        `    const token = req.headers.authorization?.split(' ')[1];`,
        `    const decoded = jwt.decode(token) as { roles: string[] } | null;`,
        `    return !!decoded && decoded.roles.includes('admin');`,
        `  }`,
        `}`,
      ].join('\n'),
      errors: [{ messageId: 'unverifiedDecode', line: 6, column: 21 }],
    },
    // a Next.js route handler with jose (server: the route file)
    {
      filename: 'app/api/orders/route.ts',
      code: [
        `import { decodeJwt } from 'jose';`,
        `import { cookies } from 'next/headers';`,
        `export async function GET() {`,
        `  const claims = decodeJwt((await cookies()).get('session')!.value);`,
        `  return Response.json(await listOrders(claims.sub as string));`,
        `}`,
      ].join('\n'),
      errors: [{ messageId: 'unverifiedDecode', line: 4, column: 18 }],
    },
  ],
});
