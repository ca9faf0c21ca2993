import { RuleTester } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../rules/require-algorithms.js';
import { commonjs } from './language-options.js';
import { invalidVariants, memberVariants, namedVariants, validVariants } from '../helpers/import-variants.js';

const ruleTester = new RuleTester();
const jwtVariants = (code: string) => memberVariants('jsonwebtoken', code);
const validJwt = (code: string) => validVariants<Options>(jwtVariants(code), code);
const jose = namedVariants('jose', ['jwtVerify', 'compactVerify', 'SignJWT']);

ruleTester.run('require-algorithms', rule, {
  valid: [
    // an allow-list, in every import form
    ...validJwt(`jwt.verify(token, key, { algorithms: ['RS256'] });`),
    ...validJwt(`const opts = { algorithms: ['HS256'], audience: 'api' };\njwt.verify(token, key, opts, (err, p) => {});`),
    // the allow-list through a constant, a spread of a known object, a class field
    `import jwt from 'jsonwebtoken'; const ALGS = ['ES256']; jwt.verify(t, k, { algorithms: ALGS });`,
    `import jwt from 'jsonwebtoken'; const base = { algorithms: ['HS256'] }; jwt.verify(t, k, { ...base, audience: 'a' });`,
    // unknown options: a parameter, a call result, an unknown spread, an env value → not "missing"
    `import jwt from 'jsonwebtoken'; export function check(t, k, opts) { return jwt.verify(t, k, opts); }`,
    `import jwt from 'jsonwebtoken'; jwt.verify(t, k, getOptions());`,
    `import jwt from 'jsonwebtoken'; export function check(t, k, extra) { return jwt.verify(t, k, { ...extra, audience: 'a' }); }`,
    `import jwt from 'jsonwebtoken'; jwt.verify(t, k, { algorithms: process.env.JWT_ALGS.split(',') });`,
    `import jwt from 'jsonwebtoken'; jwt.verify(...args);`,
    `import jwt from 'jsonwebtoken'; const { verify } = jwt; function f(opts) { verify(t, k, { ...opts }); }`,
    // a named callback in the options position is unknown (could be an options object)
    `import jwt from 'jsonwebtoken'; export function f(t, k, done) { jwt.verify(t, k, done); }`,
    // an empty allow-list: jsonwebtoken then rejects every token (a broken config, not an open one)
    `import jwt from 'jsonwebtoken'; jwt.verify(t, k, { algorithms: [] });`,
    // a function key (key lookup) with an allow-list
    `import jwt from 'jsonwebtoken'; jwt.verify(t, (header, cb) => cb(null, key), { algorithms: ['RS256'] }, done);`,
    // signing and decoding are not verification
    `import jwt from 'jsonwebtoken'; jwt.sign(p, k); jwt.decode(t);`,
    // jose binds algorithms to key types: silent by default, also without options
    ...validVariants<Options>(jose, `await jwtVerify(token, key);`),
    ...validVariants<Options>(jose, `await jwtVerify(token, key, { audience: 'api' });`),
    // jose with the strict option and an allow-list; signature-only verification with one
    { code: `import { jwtVerify } from 'jose'; await jwtVerify(t, k, { algorithms: ['ES256'] });`, options: [{ requireForAllVerifiers: true }] },
    { code: `import { compactVerify } from 'jose'; await compactVerify(t, k, { algorithms: ['ES256'] });`, options: [{ requireForAllVerifiers: true }] },
    { code: `import { jwtDecrypt } from 'jose'; await jwtDecrypt(t, k, { keyManagementAlgorithms: ['dir'], contentEncryptionAlgorithms: ['A256GCM'] });`, options: [{ requireForAllVerifiers: true }] },
    // by default jose (jwtDecrypt too) is not asked for an allow-list
    `import { jwtDecrypt } from 'jose'; await jwtDecrypt(t, k);`,
    { code: `import { jwtVerify } from 'jose'; export const f = (t, k, o) => jwtVerify(t, k, o);`, options: [{ requireForAllVerifiers: true }] },
    // look-alikes: a local object named jwt, another object's verify, a shadowed import, another library
    `const jwt = { verify(t, k) { return true; } }; jwt.verify(token, key);`,
    `import jwt from 'jsonwebtoken'; bcrypt.verify(token, key); crypto.verify(a, b, c, d);`,
    `import jwt from 'jsonwebtoken'; function f(jwt) { return jwt.verify(token, key); }`,
    `import jwt from 'my-jwt'; jwt.verify(token, key);`,
    `import { verify } from 'node:crypto'; verify('sha256', data, key, sig);`,
  ],
  invalid: [
    // no options at all: no sign in the file, so no suggestion
    ...invalidVariants<MessageIds, Options>(jwtVariants(`jwt.verify(token, key);`), {
      code: `jwt.verify(token, key);`,
      errors: [{ messageId: 'missingAlgorithms', line: 1, column: 1, endColumn: 23, suggestions: [] }],
    }),
    // the file signs with RS256: suggest exactly that, inserted into the options object
    ...invalidVariants<MessageIds, Options>(
      jwtVariants(
        `const t = jwt.sign(p, privateKey, { algorithm: 'RS256', expiresIn: '15m' });\njwt.verify(t, publicKey, { audience: 'api' });`,
      ),
      {
        code: `const t = jwt.sign(p, privateKey, { algorithm: 'RS256', expiresIn: '15m' });\njwt.verify(t, publicKey, { audience: 'api' });`,
        errors: [
          {
            messageId: 'missingAlgorithms',
            line: 2,
            column: 1,
            suggestions: [
              {
                messageId: 'addAlgorithms',
                data: { list: `'RS256'` },
                output: `const t = jwt.sign(p, privateKey, { algorithm: 'RS256', expiresIn: '15m' });\njwt.verify(t, publicKey, { audience: 'api', algorithms: ['RS256'] });`,
              },
            ],
          },
        ],
      },
    ),
    // jsonwebtoken signs with HS256 by default; the new options argument goes before the callback
    ...invalidVariants<MessageIds, Options>(jwtVariants(`jwt.sign(p, secret, { expiresIn: '15m' });\njwt.verify(t, secret, (err, payload) => {});`), {
      code: `jwt.sign(p, secret, { expiresIn: '15m' });\njwt.verify(t, secret, (err, payload) => {});`,
      errors: [
        {
          messageId: 'missingAlgorithms',
          line: 2,
          suggestions: [
            {
              messageId: 'addAlgorithms',
              output: `jwt.sign(p, secret, { expiresIn: '15m' });\njwt.verify(t, secret, { algorithms: ['HS256'] }, (err, payload) => {});`,
            },
          ],
        },
      ],
    }),
    // no options argument: a new one
    {
      code: `import jwt from 'jsonwebtoken';\nconst ALG = 'ES256';\njwt.sign(p, k, { algorithm: ALG });\njwt.verify(t, pub);`,
      errors: [
        {
          messageId: 'missingAlgorithms',
          line: 4,
          suggestions: [{ messageId: 'addAlgorithms', output: `import jwt from 'jsonwebtoken';\nconst ALG = 'ES256';\njwt.sign(p, k, { algorithm: ALG });\njwt.verify(t, pub, { algorithms: ['ES256'] });` }],
        },
      ],
    },
    // several algorithms of one family: all of them
    {
      code: `import jwt from 'jsonwebtoken';\njwt.sign(a, k, { algorithm: 'HS256' }); jwt.sign(b, k2, { algorithm: 'HS512' });\njwt.verify(t, k, {});`,
      errors: [
        {
          messageId: 'missingAlgorithms',
          line: 3,
          suggestions: [
            { messageId: 'addAlgorithms', data: { list: `'HS256', 'HS512'` }, output: `import jwt from 'jsonwebtoken';\njwt.sign(a, k, { algorithm: 'HS256' }); jwt.sign(b, k2, { algorithm: 'HS512' });\njwt.verify(t, k, { algorithms: ['HS256', 'HS512'] });` },
          ],
        },
      ],
    },
    // mixed families, an unknown signing algorithm, or `none`: no suggestion
    {
      code: `import jwt from 'jsonwebtoken';\njwt.sign(a, k, { algorithm: 'HS256' }); jwt.sign(b, k2, { algorithm: 'RS256' });\njwt.verify(t, k, {});`,
      errors: [{ messageId: 'missingAlgorithms', line: 3, suggestions: [] }],
    },
    {
      code: `import jwt from 'jsonwebtoken';\nexport function s(alg) { return jwt.sign(a, k, { algorithm: alg }); }\njwt.verify(t, k, {});`,
      errors: [{ messageId: 'missingAlgorithms', line: 3, suggestions: [] }],
    },
    {
      code: `import jwt from 'jsonwebtoken';\njwt.sign(a, null, { algorithm: 'none' });\njwt.verify(t, k, {});`,
      errors: [{ messageId: 'missingAlgorithms', line: 3, suggestions: [] }],
    },
    // a multi-line options object keeps its layout and trailing comma
    {
      code: `import jwt from 'jsonwebtoken';\njwt.sign(p, k, { algorithm: 'HS256' });\njwt.verify(t, k, {\n  audience: 'api',\n  issuer: 'auth', // who mints\n});`,
      errors: [
        {
          messageId: 'missingAlgorithms',
          line: 3,
          suggestions: [
            {
              messageId: 'addAlgorithms',
              output: `import jwt from 'jsonwebtoken';\njwt.sign(p, k, { algorithm: 'HS256' });\njwt.verify(t, k, {\n  audience: 'api',\n  issuer: 'auth', // who mints\n  algorithms: ['HS256'],\n});`,
            },
          ],
        },
      ],
    },
    {
      code: `import jwt from 'jsonwebtoken';\njwt.sign(p, k);\njwt.verify(t, k, {\n  audience: 'api' // who uses it\n});`,
      errors: [
        {
          messageId: 'missingAlgorithms',
          line: 3,
          suggestions: [
            {
              messageId: 'addAlgorithms',
              output: `import jwt from 'jsonwebtoken';\njwt.sign(p, k);\njwt.verify(t, k, {\n  audience: 'api', // who uses it\n  algorithms: ['HS256']\n});`,
            },
          ],
        },
      ],
    },
    // options behind a variable: reported, no edit of a possibly shared object
    {
      code: `import jwt from 'jsonwebtoken';\njwt.sign(p, k);\nconst opts = { audience: 'api' };\njwt.verify(t, k, opts);`,
      errors: [{ messageId: 'missingAlgorithms', line: 4, suggestions: [] }],
    },
    // explicit `algorithms: undefined` / `null` is no allow-list; no second key is added
    {
      code: `import jwt from 'jsonwebtoken';\njwt.sign(p, k);\njwt.verify(t, k, { algorithms: undefined });`,
      errors: [{ messageId: 'missingAlgorithms', line: 3, suggestions: [] }],
    },
    {
      code: `import jwt from 'jsonwebtoken';\njwt.verify(t, k, { algorithms: null, audience: 'a' });`,
      errors: [{ messageId: 'missingAlgorithms', line: 2, suggestions: [] }],
    },
    // a function key (key lookup) does not change the requirement
    {
      code: `import jwt from 'jsonwebtoken';\njwt.verify(t, (header, cb) => cb(null, key), { audience: 'a' }, done);`,
      errors: [{ messageId: 'missingAlgorithms', line: 2 }],
    },
    // promisified verify
    {
      code: `import { promisify } from 'node:util';\nimport jwt from 'jsonwebtoken';\nconst verifyAsync = promisify(jwt.verify);\nawait verifyAsync(t, k);`,
      errors: [{ messageId: 'missingAlgorithms', line: 4, column: 7, data: { callee: 'verifyAsync' } }],
    },
    // singular `algorithm` on verify: jsonwebtoken ignores it
    ...invalidVariants<MessageIds, Options>(jwtVariants(`jwt.verify(token, key, { algorithm: 'RS256' });`), {
      code: `jwt.verify(token, key, { algorithm: 'RS256' });`,
      errors: [
        {
          messageId: 'singularAlgorithm',
          line: 1,
          column: 26,
          endColumn: 44,
          suggestions: [{ messageId: 'useAlgorithms', data: { value: `'RS256'` }, output: `jwt.verify(token, key, { algorithms: ['RS256'] });` }],
        },
      ],
    }),
    {
      code: `import jwt from 'jsonwebtoken';\nconst algorithm = 'ES256';\njwt.verify(t, k, { algorithm });`,
      errors: [{ messageId: 'singularAlgorithm', line: 3, column: 20, suggestions: [{ messageId: 'useAlgorithms', output: `import jwt from 'jsonwebtoken';\nconst algorithm = 'ES256';\njwt.verify(t, k, { algorithms: [algorithm] });` }] }],
    },
    {
      code: `import jwt from 'jsonwebtoken';\nconst opts = { algorithm: 'ES256' };\njwt.verify(t, k, opts);`,
      errors: [{ messageId: 'singularAlgorithm', line: 2, column: 16, suggestions: [{ messageId: 'useAlgorithms', output: `import jwt from 'jsonwebtoken';\nconst opts = { algorithms: ['ES256'] };\njwt.verify(t, k, opts);` }] }],
    },
    // jose with the strict option
    ...invalidVariants<MessageIds, Options>(jose, {
      code: `await jwtVerify(token, key, { issuer: 'auth' });`,
      options: [{ requireForAllVerifiers: true }],
      errors: [{ messageId: 'missingAlgorithms', data: { callee: 'jwtVerify' }, line: 1, column: 7, suggestions: [] }],
    }),
    {
      code: `import { SignJWT, jwtVerify } from 'jose';\nconst t = await new SignJWT(p).setProtectedHeader({ alg: 'ES256' }).sign(k);\nawait jwtVerify(t, pub);`,
      options: [{ requireForAllVerifiers: true }],
      errors: [{ messageId: 'missingAlgorithms', line: 3, suggestions: [{ messageId: 'addAlgorithms', output: `import { SignJWT, jwtVerify } from 'jose';\nconst t = await new SignJWT(p).setProtectedHeader({ alg: 'ES256' }).sign(k);\nawait jwtVerify(t, pub, { algorithms: ['ES256'] });` }] }],
    },
    // jose jwtDecrypt: no `algorithms` option; its allow-list is `keyManagementAlgorithms` (no JWS suggestion)
    {
      code: `import { SignJWT, jwtDecrypt } from 'jose';\nconst t = await new SignJWT(p).setProtectedHeader({ alg: 'ES256' }).sign(k);\nexport const read = async (jwe: string) => (await jwtDecrypt(jwe, secretKey, { issuer: 'auth' })).payload;`,
      options: [{ requireForAllVerifiers: true }],
      errors: [{ messageId: 'missingAllowList', data: { callee: 'jwtDecrypt', option: 'keyManagementAlgorithms' }, line: 3, column: 51, suggestions: [] }],
    },
    {
      code: `import jws from 'jws';\nconst v = jws.createVerify({ signature, publicKey });`,
      errors: [{ messageId: 'missingAllowList', data: { callee: 'jws.createVerify', option: 'algorithm' }, line: 2, column: 11, suggestions: [] }],
    },
    {
      code: `import { Hono } from 'hono';\nimport { jwt } from 'hono/jwt';\nconst app = new Hono();\napp.use('/api/*', jwt({ secret: process.env.JWT_SECRET }));`,
      options: [{ requireForAllVerifiers: true }],
      errors: [{ messageId: 'missingAllowList', data: { callee: 'jwt', option: 'alg' }, line: 4, column: 19, suggestions: [] }],
    },
    // other modelled verifiers: express-jwt middleware, a passport-jwt strategy
    {
      code: `import { expressjwt } from 'express-jwt';\napp.use(expressjwt({ secret: process.env.JWT_SECRET }));`,
      errors: [{ messageId: 'missingAlgorithms', line: 2, column: 9, data: { callee: 'expressjwt' }, suggestions: [] }],
    },
    {
      code: `import { Strategy, ExtractJwt } from 'passport-jwt';\npassport.use(new Strategy({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: process.env.JWT_SECRET }, verifyUser));`,
      errors: [{ messageId: 'missingAlgorithms', line: 2, column: 14, data: { callee: 'new Strategy' }, suggestions: [] }],
    },
    // realistic: an Express route in CommonJS
    {
      code: [
        `const express = require('express');`,
        `const jwt = require('jsonwebtoken');`,
        `const app = express();`,
        `app.get('/me', (req, res) => {`,
        `  const token = (req.headers.authorization || '').replace('Bearer ', '');`,
        `  try {`,
        `    const claims = jwt.verify(token, process.env.JWT_SECRET);`,
        `    res.json({ id: claims.sub });`,
        `  } catch {`,
        `    res.sendStatus(401);`,
        `  }`,
        `});`,
      ].join('\n'),
      filename: 'server.js',
      languageOptions: commonjs,
      errors: [{ messageId: 'missingAlgorithms', line: 7, column: 20, data: { callee: 'jwt.verify' }, suggestions: [] }],
    },
    // realistic: a Nest-style service (TS class) that signs and verifies
    {
      code: [
        `import * as jwt from 'jsonwebtoken';`,
        `export class AuthService {`,
        `  private readonly secret = process.env.JWT_SECRET!;`,
        `  issue(userId: string): string {`,
        `    return jwt.sign({ sub: userId }, this.secret, { algorithm: 'HS256', expiresIn: '15m' });`,
        `  }`,
        `  check(token: string): jwt.JwtPayload | string {`,
        `    return jwt.verify(token, this.secret, { issuer: 'auth' });`,
        `  }`,
        `}`,
      ].join('\n'),
      errors: [
        {
          messageId: 'missingAlgorithms',
          line: 8,
          suggestions: [
            {
              messageId: 'addAlgorithms',
              output: [
                `import * as jwt from 'jsonwebtoken';`,
                `export class AuthService {`,
                `  private readonly secret = process.env.JWT_SECRET!;`,
                `  issue(userId: string): string {`,
                `    return jwt.sign({ sub: userId }, this.secret, { algorithm: 'HS256', expiresIn: '15m' });`,
                `  }`,
                `  check(token: string): jwt.JwtPayload | string {`,
                `    return jwt.verify(token, this.secret, { issuer: 'auth', algorithms: ['HS256'] });`,
                `  }`,
                `}`,
              ].join('\n'),
            },
          ],
        },
      ],
    },
  ],
});
