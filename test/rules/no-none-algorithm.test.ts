import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../rules/no-none-algorithm.js';
import { invalidVariants, memberVariants, namedVariants, validVariants } from '../helpers/import-variants.js';

const ruleTester = new RuleTester();
const validJwt = (code: string) => validVariants(memberVariants('jsonwebtoken', code), code);
const jose = namedVariants('jose', ['jwtVerify', 'SignJWT', 'UnsecuredJWT']);

ruleTester.run('no-none-algorithm', rule, {
  valid: [
    ...validJwt(`jwt.sign(p, key, { algorithm: 'HS256' });\njwt.verify(t, key, { algorithms: ['HS256'] });`),
    ...validJwt(`jwt.verify(t, key);`),
    ...validVariants(jose, `await new SignJWT(p).setProtectedHeader({ alg: 'ES256' }).sign(k);\nawait jwtVerify(t, k, { algorithms: ['ES256'] });`),
    // unknown values: a parameter, env, a call, an unknown spread in the list
    `import jwt from 'jsonwebtoken'; export const s = (p, k, alg) => jwt.sign(p, k, { algorithm: alg });`,
    `import jwt from 'jsonwebtoken'; jwt.verify(t, k, { algorithms: [process.env.JWT_ALG] });`,
    `import jwt from 'jsonwebtoken'; jwt.verify(t, k, { algorithms: loadAlgorithms() });`,
    `import jwt from 'jsonwebtoken'; export const v = (t, k, extra) => jwt.verify(t, k, { algorithms: ['RS256', ...extra] });`,
    // fallbacks that are real algorithms; 'none' compared, not used
    `import jwt from 'jsonwebtoken'; const ALG = process.env.JWT_ALG || 'HS256'; jwt.sign(p, k, { algorithm: ALG });`,
    `import jwt from 'jsonwebtoken'; jwt.verify(t, k, { algorithms: [process.env.JWT_ALG ?? 'RS256'] });`,
    `import jwt from 'jsonwebtoken'; export const s = (p, k, alg) => jwt.sign(p, k, { algorithm: alg === 'none' ? 'HS256' : alg });`,
    `import jwt from 'jsonwebtoken'; jwt.verify(t, k, { algorithms: process.env.ALGS ? process.env.ALGS.split(',') : ['HS256'] });`,
    // header without alg, or from a parameter; a header on an API that has no header option
    `import jwt from 'jsonwebtoken'; jwt.sign(p, k, { algorithm: 'RS256', header: { kid: 'none', typ: 'JWT' } });`,
    `import jwt from 'jsonwebtoken'; export const s = (p, k, header) => jwt.sign(p, k, { header });`,
    `import jwt from 'jsonwebtoken'; jwt.verify(t, k, { algorithms: ['HS256'], header: { alg: 'none' } });`,
    `import { createSigner } from 'fast-jwt'; createSigner({ key: k, algorithm: 'HS256', header: { typ: 'none' } });`,
    // look-alike strings and names
    `import jwt from 'jsonwebtoken'; jwt.sign(p, k, { algorithm: 'HS256', keyid: 'none' });`,
    `import jwt from 'jsonwebtoken'; jwt.verify(t, k, { algorithms: ['RS256'], subject: 'none' });`,
    `import jwt from 'jsonwebtoken'; const none = 'RS256'; jwt.verify(t, k, { algorithms: [none] });`,
    `import jwt from 'jsonwebtoken'; jwt.sign({ alg: 'none' }, k);`,
    // 'none' elsewhere, not in a JWT API
    `const cfg = { algorithm: 'none' }; other.sign(p, k, cfg);`,
    `const jwt = { verify(t, k, o) {} }; jwt.verify(t, null, { algorithms: ['none'] });`,
    `import jwt from 'jsonwebtoken'; function f(jwt) { jwt.sign(p, k, { algorithm: 'none' }); }`,
    `import { verify } from 'node:crypto'; verify(null, data, key, sig);`,
    // keys that are not known to be empty: parameters, env reads, a key lookup function
    `import jwt from 'jsonwebtoken'; export const v = (t, k) => jwt.verify(t, k, { algorithms: ['HS256'] });`,
    `import jwt from 'jsonwebtoken'; jwt.verify(t, process.env.JWT_SECRET, { algorithms: ['HS256'] });`,
    `import jwt from 'jsonwebtoken'; jwt.verify(t, (header, cb) => cb(null, k), { algorithms: ['RS256'] }, done);`,
    `import jwt from 'jsonwebtoken'; jwt.verify(...args);`,
    // signing and decoding with an empty key is not verification (other rules cover signing keys)
    `import jwt from 'jsonwebtoken'; jwt.sign(p, '', { algorithm: 'HS256' }); jwt.decode(t);`,
    // jose binds algorithms to key types; an empty key there throws rather than accepting unsigned tokens
    `import { jwtVerify } from 'jose'; await jwtVerify(t, undefined);`,
    // verifiers that throw on an empty key or have no `none` (jwt-simple, express-jwt)
    `import jwt from 'jwt-simple'; jwt.decode(t, null, true); jwt.decode(t, '');`,
    `import { expressjwt } from 'express-jwt'; app.use(expressjwt({ secret: '', algorithms: ['HS256'] }));`,
  ],
  invalid: [
    ...invalidVariants(memberVariants('jsonwebtoken', `jwt.sign(payload, key, { algorithm: 'none' });`), {
      code: `jwt.sign(payload, key, { algorithm: 'none' });`,
      errors: [{ messageId: 'noneAlgorithm', line: 1, column: 37, endColumn: 43 }],
    }),
    ...invalidVariants(memberVariants('jsonwebtoken', `jwt.verify(token, key, { algorithms: ['RS256', 'none'] });`), {
      code: `jwt.verify(token, key, { algorithms: ['RS256', 'none'] });`,
      errors: [{ messageId: 'noneAlgorithm', line: 1, column: 48, endColumn: 54 }],
    }),
    // any case
    {
      code: `import jwt from 'jsonwebtoken';\njwt.verify(t, k, { algorithms: ['NONE', 'None'] });`,
      errors: [
        { messageId: 'noneAlgorithm', line: 2, column: 33 },
        { messageId: 'noneAlgorithm', line: 2, column: 41 },
      ],
    },
    // through constants and arrays built from constants, reported where the list element is written
    {
      code: `import jwt from 'jsonwebtoken';\nconst NONE = 'none';\nconst ALGS = ['HS256', NONE];\njwt.verify(t, k, { algorithms: ALGS });`,
      // reported where `'none'` is written
      errors: [{ messageId: 'noneAlgorithm', line: 2, column: 14, endColumn: 20 }],
    },
    {
      code: `import jwt from 'jsonwebtoken';\nconst EXTRA = ['none'];\njwt.verify(t, k, { algorithms: ['HS256', ...EXTRA] });`,
      errors: [{ messageId: 'noneAlgorithm', line: 2, column: 16 }],
    },
    {
      code: `import jwt from 'jsonwebtoken';\nconst opts = { algorithm: 'none' as const };\njwt.sign(p, k, opts);`,
      errors: [{ messageId: 'noneAlgorithm', line: 2, column: 27 }],
    },
    // one report per node, even when two calls share the list
    {
      code: `import jwt from 'jsonwebtoken';\nconst ALGS = ['none'];\njwt.verify(a, k, { algorithms: ALGS });\njwt.verify(b, k, { algorithms: ALGS });`,
      errors: [{ messageId: 'noneAlgorithm', line: 2, column: 15 }],
    },
    // jose: setProtectedHeader({ alg: 'none' }), an allow-list, UnsecuredJWT
    ...invalidVariants(jose, {
      code: `await new SignJWT(p).setProtectedHeader({ alg: 'none' }).sign(k);`,
      errors: [{ messageId: 'noneAlgorithm', line: 1, column: 48 }],
    }),
    ...invalidVariants(jose, {
      code: `const jwt = new UnsecuredJWT({ sub: 'u' }).setIssuedAt().encode();`,
      errors: [{ messageId: 'unsecuredToken', line: 1, column: 13, data: { callee: 'new UnsecuredJWT' } }],
    }),
    ...invalidVariants(jose, {
      code: `const { payload } = UnsecuredJWT.decode(token);`,
      errors: [{ messageId: 'unsecuredToken', line: 1, column: 21 }],
    }),
    {
      code: `import { jwtVerify } from 'jose';\nawait jwtVerify(t, k, { algorithms: ['none'] });`,
      errors: [{ messageId: 'noneAlgorithm', line: 2, column: 38 }],
    },
    // a falsy or missing key on verification
    ...invalidVariants(memberVariants('jsonwebtoken', `jwt.verify(token, null, { algorithms: ['none'] });`), {
      code: `jwt.verify(token, null, { algorithms: ['none'] });`,
      errors: [
        { messageId: 'emptyKey', line: 1, column: 19, endColumn: 23 },
        { messageId: 'noneAlgorithm', line: 1, column: 40 },
      ],
    }),
    {
      code: `import jwt from 'jsonwebtoken';\njwt.verify(t, '');\njwt.verify(t, false);\njwt.verify(t, undefined);`,
      errors: [
        { messageId: 'emptyKey', line: 2, column: 15 },
        { messageId: 'emptyKey', line: 3, column: 15 },
        { messageId: 'emptyKey', line: 4, column: 15 },
      ],
    },
    {
      code: `import jwt from 'jsonwebtoken';\nconst SECRET = '';\njwt.verify(t, SECRET, { algorithms: ['HS256'] });`,
      errors: [{ messageId: 'emptyKey', line: 3, column: 15, data: { callee: 'jwt.verify' } }],
    },
    ...invalidVariants(memberVariants('jsonwebtoken', `const claims = jwt.verify(token);`), {
      code: `const claims = jwt.verify(token);`,
      errors: [{ messageId: 'missingKey', line: 1, column: 16 }],
    }),
    // realistic: a Next.js route handler that mints an unsecured token for "testing"
    {
      code: [
        `import { NextResponse } from 'next/server';`,
        `import * as jose from 'jose';`,
        `export async function POST(req: Request) {`,
        `  const { userId } = await req.json();`,
        `  const token = new jose.UnsecuredJWT({ sub: userId }).setExpirationTime('15m').encode();`,
        `  return NextResponse.json({ token });`,
        `}`,
      ].join('\n'),
      filename: 'app/api/login/route.ts',
      errors: [{ messageId: 'unsecuredToken', line: 5, column: 17, data: { callee: 'new jose.UnsecuredJWT' } }],
    },
    // TSX file
    {
      code: `import jwt from 'jsonwebtoken';\nconst ALG = 'none';\nexport const T = () => <div>{jwt.sign({ a: 1 }, '', { algorithm: ALG })}</div>;`,
      filename: 'view.tsx',
      languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
      errors: [{ messageId: 'noneAlgorithm', line: 2, column: 13 }],
    },
    // 'none' reachable through a fallback: reported on the literal, where it is written
    {
      name: 'env fallback in a constant (a seed script)',
      code: `import jwt from 'jsonwebtoken';\nconst ALG = process.env.SEED_JWT_ALG || 'none';\nexport const seed = (sub: string) => jwt.sign({ sub }, process.env.SEED_SECRET ?? '', { algorithm: ALG as jwt.Algorithm });`,
      errors: [{ messageId: 'noneAlgorithm', line: 2, column: 41, endColumn: 47 }],
    },
    ...invalidVariants(memberVariants('jsonwebtoken', `jwt.sign(p, key, { algorithm: process.env.JWT_ALG ?? 'none' });`), {
      code: `jwt.sign(p, key, { algorithm: process.env.JWT_ALG ?? 'none' });`,
      errors: [{ messageId: 'noneAlgorithm', line: 1, column: 54, endColumn: 60 }],
    }).slice(0, 3),
    {
      name: 'a branch of a conditional, in an allow-list element and as a list',
      code: `import jwt from 'jsonwebtoken';\nconst dev = process.env.NODE_ENV !== 'production';\njwt.verify(t, k, { algorithms: [dev ? 'none' : 'RS256'] });\njwt.verify(t, k, { algorithms: process.env.ALGS?.split(',') ?? ['HS256', 'none'] });`,
      errors: [
        { messageId: 'noneAlgorithm', line: 3, column: 39 },
        { messageId: 'noneAlgorithm', line: 4, column: 74 },
      ],
    },
    {
      name: 'jose setProtectedHeader with an env fallback',
      code: `import { SignJWT } from 'jose';\nconst alg = process.env.JWT_ALG || 'none';\nexport const t = await new SignJWT({}).setProtectedHeader({ alg }).sign(k);`,
      errors: [{ messageId: 'noneAlgorithm', line: 2, column: 36 }],
    },
    // jsonwebtoken's `header` is merged over `{ alg: algorithm }`: its `alg` wins
    ...invalidVariants(memberVariants('jsonwebtoken', `jwt.sign(p, key, { header: { alg: 'none', typ: 'JWT' } });`), {
      code: `jwt.sign(p, key, { header: { alg: 'none', typ: 'JWT' } });`,
      errors: [{ messageId: 'noneAlgorithm', line: 1, column: 35, endColumn: 41 }],
    }).slice(0, 4),
    {
      code: `import jwt from 'jsonwebtoken';\nconst HEADER = { alg: 'none' };\njwt.sign(p, key, { algorithm: 'HS256', header: HEADER });`,
      errors: [{ messageId: 'noneAlgorithm', line: 2, column: 23 }],
    },
    {
      name: '@nestjs/jwt: the header in the module registration and in a service call',
      code: `import { JwtModule, JwtService } from '@nestjs/jwt';\nexport const m = JwtModule.register({ secret: process.env.JWT_SECRET, signOptions: { header: { alg: 'none' } } });\nexport class S { constructor(private readonly jwt: JwtService) {} issue() { return this.jwt.sign({ sub: 1 }, { header: { alg: 'none' } }); } }`,
      errors: [
        { messageId: 'noneAlgorithm', line: 2, column: 101 },
        { messageId: 'noneAlgorithm', line: 3, column: 127 },
      ],
    },
  ],
});
