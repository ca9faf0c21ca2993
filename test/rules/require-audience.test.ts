import { RuleTester } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../rules/require-audience.js';
import { invalidVariants, memberVariants, namedVariants, validVariants } from '../helpers/import-variants.js';

const ruleTester = new RuleTester();
const validJwt = (code: string) => validVariants<Options>(memberVariants('jsonwebtoken', code), code);
const jose = namedVariants('jose', ['jwtVerify', 'compactVerify', 'SignJWT']);
const checkSign = [{ checkSign: true }] as const;

ruleTester.run('require-audience', rule, {
  valid: [
    ...validJwt(`jwt.verify(t, k, { algorithms: ['HS256'], audience: 'https://api.example.com' });`),
    ...validJwt(`const opts = { algorithms: ['RS256'], audience: ['a', 'b'] };\njwt.verify(t, k, opts, (err, claims) => {});`),
    ...validVariants<Options>(jose, `await jwtVerify(t, k, { audience: 'api' });`),
    // the audience from config / env / a regular expression is still pinned
    `import jwt from 'jsonwebtoken'; jwt.verify(t, k, { audience: process.env.JWT_AUDIENCE });`,
    `import jwt from 'jsonwebtoken'; const config = { audience: 'api' }; jwt.verify(t, k, { audience: config.audience });`,
    `import jwt from 'jsonwebtoken'; jwt.verify(t, k, { audience: /^urn:api:/ });`,
    // options not fully known: a parameter, a call, an unknown spread, a spread argument
    `import jwt from 'jsonwebtoken'; export const v = (t, k, o) => jwt.verify(t, k, o);`,
    `import jwt from 'jsonwebtoken'; jwt.verify(t, k, verifyOptions());`,
    `import jwt from 'jsonwebtoken'; export const v = (t, k, o) => jwt.verify(t, k, { ...o, algorithms: ['HS256'] });`,
    `import jwt from 'jsonwebtoken'; jwt.verify(...args);`,
    `import { jwtVerify } from 'jose'; export const v = (t, k, o) => jwtVerify(t, k, { ...o });`,
    // signature-only verification leaves claims to the caller
    `import { compactVerify } from 'jose'; await compactVerify(t, k);`,
    // signing without the option is fine unless checkSign is on; decoding is not verification
    `import jwt from 'jsonwebtoken'; jwt.sign(p, k, { expiresIn: '15m' }); jwt.decode(t);`,
    `import { SignJWT } from 'jose'; await new SignJWT(p).setProtectedHeader({ alg: 'HS256' }).sign(k);`,
    // checkSign: the option, an `aud` claim in the payload, a jose setAudience(), unknown payloads or chains
    { code: `import jwt from 'jsonwebtoken'; jwt.sign(p, k, { audience: 'api' });`, options: checkSign },
    { code: `import jwt from 'jsonwebtoken'; jwt.sign({ sub: 'u', aud: 'api' }, k);`, options: checkSign },
    { code: `import jwt from 'jsonwebtoken'; export const s = (p, k) => jwt.sign(p, k);`, options: checkSign },
    { code: `import jwt from 'jsonwebtoken'; export const s = (u, k) => jwt.sign({ ...u }, k, { expiresIn: '1h' });`, options: checkSign },
    { code: `import { SignJWT } from 'jose'; await new SignJWT({}).setAudience('api').sign(k);`, options: checkSign },
    { code: `import { SignJWT } from 'jose'; await new SignJWT({ aud: 'api' }).sign(k);`, options: checkSign },
    { code: `import { SignJWT } from 'jose'; export const b = () => new SignJWT({ sub: 'u' });`, options: checkSign },
    // look-alikes
    `const jwt = { verify(t, k) {} }; jwt.verify(t, k);`,
    `import jwt from 'jsonwebtoken'; passport.verify(t, k); function f(jwt) { jwt.verify(t, k); }`,
    `import { verify } from 'node:crypto'; verify('sha256', data, key, sig);`,
  ],
  invalid: [
    ...invalidVariants<MessageIds, Options>(memberVariants('jsonwebtoken', `jwt.verify(token, key, { algorithms: ['HS256'] });`), {
      code: `jwt.verify(token, key, { algorithms: ['HS256'] });`,
      errors: [{ messageId: 'missingAudience', line: 1, column: 1, endColumn: 50 }],
    }),
    ...invalidVariants<MessageIds, Options>(memberVariants('jsonwebtoken', `jwt.verify(token, key, (err, claims) => {});`), {
      code: `jwt.verify(token, key, (err, claims) => {});`,
      errors: [{ messageId: 'missingAudience', line: 1, column: 1 }],
    }),
    ...invalidVariants<MessageIds, Options>(jose, {
      code: `const { payload } = await jwtVerify(token, key, { issuer: 'auth' });`,
      errors: [{ messageId: 'missingAudience', data: { callee: 'jwtVerify', option: 'audience' }, line: 1, column: 27 }],
    }),
    // an explicit `undefined` is no audience; a known options object behind a variable
    {
      code: `import jwt from 'jsonwebtoken';\njwt.verify(t, k, { audience: undefined });\nconst opts = { issuer: 'auth' };\njwt.verify(t, k, opts);`,
      errors: [
        { messageId: 'missingAudience', line: 2 },
        { messageId: 'missingAudience', line: 4 },
      ],
    },
    // checkSign: jsonwebtoken and jose
    {
      code: `import jwt from 'jsonwebtoken';\njwt.sign({ sub: 'u' }, k, { expiresIn: '15m' });`,
      options: checkSign,
      errors: [{ messageId: 'missingAudienceOnSign', data: { callee: 'jwt.sign', option: 'audience' }, line: 2, column: 1 }],
    },
    {
      code: `import { SignJWT } from 'jose';\nawait new SignJWT({ sub: 'u' }).setProtectedHeader({ alg: 'ES256' }).setIssuer('auth').sign(k);`,
      options: checkSign,
      errors: [{ messageId: 'missingAudienceOnSign', data: { callee: 'new SignJWT', option: 'setAudience()' }, line: 2, column: 7 }],
    },
    // realistic: a Next.js route handler with jose
    {
      code: [
        `import { jwtVerify } from 'jose';`,
        `import { NextResponse, type NextRequest } from 'next/server';`,
        `const key = new TextEncoder().encode(process.env.JWT_SECRET);`,
        `export async function GET(req: NextRequest) {`,
        `  const token = req.cookies.get('session')?.value ?? '';`,
        `  const { payload } = await jwtVerify(token, key, { issuer: 'https://auth.example.com' });`,
        `  return NextResponse.json({ user: payload.sub });`,
        `}`,
      ].join('\n'),
      filename: 'app/api/me/route.ts',
      errors: [{ messageId: 'missingAudience', line: 6, column: 29 }],
    },
  ],
});
