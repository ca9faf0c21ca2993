import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../rules/no-naive-timestamp.js';
import { commonjs } from './language-options.js';
import { invalidVariants, memberVariants, namedVariants, validVariants } from '../helpers/import-variants.js';

const ruleTester = new RuleTester();
const jwtValid = (code: string) => validVariants(memberVariants('jsonwebtoken', code), code);
const jwtInvalid = memberVariants('jsonwebtoken', 'jwt.sign jwt.verify');
const jose = namedVariants('jose', ['SignJWT']);
const J = `import jwt from 'jsonwebtoken'; `;
const S = `import { SignJWT } from 'jose'; `;

ruleTester.run('no-naive-timestamp', rule, {
  valid: [
    // seconds, the reference shape
    ...jwtValid(`jwt.sign({ sub, exp: Math.floor(Date.now() / 1000) + 900 }, key);`),
    ...jwtValid(`jwt.sign({ sub, iat: Math.floor(Date.now() / 1000) }, key, { expiresIn: '15m' });`),
    ...jwtValid(`jwt.sign({ sub }, key, { expiresIn: 900 });`),
    ...jwtValid(`jwt.sign({ sub }, key, { expiresIn: 60 * 60 });`),
    ...validVariants(jose, `await new SignJWT({ sub }).setExpirationTime('2h').sign(key);`),
    ...validVariants(jose, `await new SignJWT({ sub }).setExpirationTime(Math.floor(Date.now() / 1000) + 7200).sign(key);`),
    ...validVariants(jose, `await new SignJWT({ sub }).setExpirationTime(new Date(Date.now() + 3600 * 1000)).sign(key);`),
    ...validVariants(jose, `await new SignJWT({ sub }).setExpirationTime(1893456000).sign(key);`),
    J + `const now = Math.floor(Date.now() / 1000); jwt.sign({ iat: now, nbf: now, exp: now + 3600 }, key);`,
    J + `jwt.sign({ exp: Date.now() / 1000 + 60 }, key);`,
    J + `jwt.sign({ exp: ~~(Date.now() / 1000) + 60 }, key);`,
    J + `jwt.sign({ exp: (Date.now() / 1000 | 0) + 60 }, key);`,
    // lifetimes that are plausible in seconds, or milliseconds that are meant (unitless ms strings ≥ 1 minute)
    J + `jwt.sign({ sub }, key, { expiresIn: 86400 });`,
    J + `jwt.sign({ sub }, key, { expiresIn: 1209600 });`, // 14 days
    J + `jwt.sign({ sub }, key, { expiresIn: 2160000 });`, // 25 days in s, or 36 min in ms: ambiguous
    J + `jwt.sign({ sub }, key, { expiresIn: '900000' });`, // 15 minutes in ms, as jsonwebtoken reads it
    J + `jwt.sign({ sub }, key, { expiresIn: '3600s' });`,
    J + `jwt.verify(token, key, { algorithms: ['HS256'], maxAge: '1h' });`,
    // unknown values
    J + `jwt.sign({ sub }, key, { expiresIn: process.env.JWT_TTL });`,
    J + `jwt.sign({ sub }, key, { expiresIn: Number(process.env.JWT_TTL_MS) });`,
    J + `function f(ttl) { jwt.sign({ sub }, key, { expiresIn: ttl }); }`,
    J + `function f(payload) { jwt.sign(payload, key); }`,
    J + `jwt.sign({ exp: computeExpiry() }, key);`,
    J + `jwt.sign({ ...claims }, key);`,
    S + `await new SignJWT({ sub }).setExpirationTime(expiry).sign(key);`,
    S + `await new SignJWT({ sub }).setIssuedAt().setExpirationTime('15m').sign(key);`,
    S + `await new SignJWT({ sub }).setIssuedAt(Math.floor(Date.now() / 1000)).setExpirationTime('15m').sign(key);`,
    // not claims: cookies, unrelated objects, dates with a zone
    J + `res.cookie('token', jwt.sign({ sub }, key, { expiresIn: '15m' }), { maxAge: 15 * 60 * 1000, expires: new Date(Date.now() + 900000) });`,
    J + `const session = { exp: Date.now() + 3600 }; jwt.sign({ sub }, key, { expiresIn: '1h' });`,
    J + `jwt.sign({ sub, createdAt: Date.now() }, key, { expiresIn: '1h' });`,
    J + `jwt.sign({ exp: Math.floor(new Date('2025-01-01T10:00:00Z').getTime() / 1000) }, key);`,
    J + `jwt.sign({ exp: Math.floor(Date.parse('2025-01-01') / 1000) }, key);`,
    S + `await new SignJWT({ sub }).setExpirationTime(new Date('2030-01-01T00:00:00+02:00')).sign(key);`,
    // fast-jwt numbers really are milliseconds
    `import { createSigner } from 'fast-jwt'; const signer = createSigner({ key: process.env.K, expiresIn: 3600000 }); signer({ sub });`,
    // look-alikes: not the library
    `const jwt = { sign() {} }; jwt.sign({ exp: Date.now() + 3600 }, key, { expiresIn: 3600000 });`,
    `import jwt from 'jsonwebtoken'; function f(jwt) { jwt.sign({ exp: Date.now() }, key); }`,
    `import jwt from 'jsonwebtoken'; const Date = { now: () => 1 }; jwt.sign({ exp: Date.now() + 3600 }, key);`,
    `class SignJWT { setExpirationTime(n) { return this; } } new SignJWT({}).setExpirationTime(3600);`,
  ],
  invalid: [
    // a millisecond clock in a claim
    ...invalidVariants(jwtInvalid, {
      code: `jwt.sign({ sub, exp: Date.now() + 3600 }, key);`,
      errors: [
        {
          messageId: 'millisecondClaim',
          data: { claim: 'exp' },
          line: 1,
          column: 22,
          endColumn: 39,
          suggestions: [{ messageId: 'replaceWith', output: `jwt.sign({ sub, exp: Math.floor(Date.now() / 1000) + 3600 }, key);` }],
        },
      ],
    }),
    {
      code: J + `jwt.sign({ sub, exp: new Date().getTime() + 60 * 60 * 1000 }, key);`,
      errors: [{ messageId: 'millisecondClaim', suggestions: [{ messageId: 'replaceWith', output: J + `jwt.sign({ sub, exp: Math.floor(Date.now() / 1000) + 3600 }, key);` }] }],
    },
    {
      // some other instant, still in milliseconds
      code: J + `jwt.sign({ site, exp: new Date(req.body.validUntil).getTime() }, key);`,
      errors: [{ messageId: 'millisecondClaim', data: { claim: 'exp' }, column: 55, suggestions: [{ messageId: 'replaceWith', output: J + `jwt.sign({ site, exp: Math.floor(new Date(req.body.validUntil).getTime() / 1000) }, key);` }] }],
    },
    {
      code: J + `jwt.sign({ site, exp: +new Date(validUntil) }, key);`,
      errors: [{ messageId: 'millisecondClaim', data: { claim: 'exp' }, column: 55, suggestions: [] }],
    },
    {
      code: J + `jwt.sign({ sub, iat: +new Date() }, key, { expiresIn: '1h' });`,
      errors: [{ messageId: 'millisecondClaim', data: { claim: 'iat' }, suggestions: [{ messageId: 'replaceWith', output: J + `jwt.sign({ sub, iat: Math.floor(Date.now() / 1000) }, key, { expiresIn: '1h' });` }] }],
    },
    {
      code: J + `jwt.sign({ sub, nbf: Date.now() - 30000, exp: Date.now() + ttl }, key);`,
      errors: [
        { messageId: 'millisecondClaim', data: { claim: 'nbf' }, suggestions: [{ messageId: 'replaceWith', output: J + `jwt.sign({ sub, nbf: Math.floor(Date.now() / 1000) - 30, exp: Date.now() + ttl }, key);` }] },
        { messageId: 'millisecondClaim', data: { claim: 'exp' }, suggestions: [] },
      ],
    },
    // through a constant: report on the claim, no rewrite of the shared constant
    {
      code: J + `const expiry = Date.now() + 15 * 60 * 1000; const payload = { sub, exp: expiry }; jwt.sign(payload, key);`,
      errors: [{ messageId: 'millisecondClaim', column: 105, suggestions: [] }],
    },
    // a literal millisecond epoch
    {
      code: J + `jwt.sign({ sub, exp: 1767225600000 }, key);`,
      errors: [{ messageId: 'millisecondClaim', suggestions: [{ messageId: 'replaceWith', output: J + `jwt.sign({ sub, exp: 1767225600 }, key);` }] }],
    },
    // jsonwebtoken expiresIn in milliseconds
    ...invalidVariants(jwtInvalid, {
      code: `jwt.sign({ sub }, key, { expiresIn: 3600000 });`,
      errors: [
        {
          messageId: 'millisecondDuration',
          data: { option: 'expiresIn', value: '3600000', read: '41.7 days', meant: '1 hour' },
          line: 1,
          column: 37,
          endColumn: 44,
          suggestions: [{ messageId: 'replaceWith', output: `jwt.sign({ sub }, key, { expiresIn: 3600 });` }],
        },
      ],
    }),
    {
      code: J + `jwt.sign({ sub }, key, { expiresIn: 60 * 60 * 1000 });`,
      errors: [{ messageId: 'millisecondDuration', suggestions: [{ messageId: 'replaceWith', output: J + `jwt.sign({ sub }, key, { expiresIn: 3600 });` }] }],
    },
    {
      code: J + `const TTL_MS = 7 * 24 * 60 * 60 * 1000; jwt.sign({ sub }, key, { expiresIn: TTL_MS });`,
      errors: [{ messageId: 'millisecondDuration', data: { option: 'expiresIn', value: 'TTL_MS', read: '19.2 years', meant: '7 days' }, suggestions: [] }],
    },
    {
      code: J + `jwt.verify(token, key, { algorithms: ['HS256'], maxAge: 900000 });`,
      errors: [{ messageId: 'millisecondDuration', data: { option: 'maxAge', value: '900000', read: '10.4 days', meant: '15 minutes' }, suggestions: [{ messageId: 'replaceWith', output: J + `jwt.verify(token, key, { algorithms: ['HS256'], maxAge: 900 });` }] }],
    },
    // a unitless string under a minute: the author wrote seconds
    ...invalidVariants(jwtInvalid, {
      code: `jwt.sign({ sub }, key, { expiresIn: '3600' });`,
      errors: [
        {
          messageId: 'unitlessDuration',
          data: { option: 'expiresIn', value: '3600', read: '3600 milliseconds (3.6 seconds)' },
          line: 1,
          column: 37,
          suggestions: [{ messageId: 'replaceWith', output: `jwt.sign({ sub }, key, { expiresIn: 3600 });` }],
        },
      ],
    }),
    // jose: a relative number read as an epoch time
    ...invalidVariants(jose, {
      code: `const t = await new SignJWT({ sub }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime(3600).sign(key);`,
      errors: [
        {
          messageId: 'smallTimestamp',
          data: { method: 'setExpirationTime', value: '3600' },
          line: 1,
          column: 93,
          suggestions: [{ messageId: 'replaceWith', output: `const t = await new SignJWT({ sub }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('1h').sign(key);` }],
        },
      ],
    }),
    {
      code: S + `const ttl = 900; await new SignJWT({ sub }).setExpirationTime(ttl).sign(key);`,
      errors: [{ messageId: 'smallTimestamp', suggestions: [] }],
    },
    // jose: a millisecond timestamp
    {
      code: S + `await new SignJWT({ sub }).setExpirationTime(Date.now() + 2 * 60 * 60 * 1000).sign(key);`,
      errors: [{ messageId: 'millisecondTimestamp', data: { method: 'setExpirationTime' }, suggestions: [{ messageId: 'replaceWith', output: S + `await new SignJWT({ sub }).setExpirationTime(Math.floor(Date.now() / 1000) + 7200).sign(key);` }] }],
    },
    {
      code: S + `const b = new SignJWT({ sub }); b.setNotBefore(Date.now()); await b.sign(key);`,
      errors: [{ messageId: 'millisecondTimestamp', data: { method: 'setNotBefore' }, suggestions: [{ messageId: 'replaceWith', output: S + `const b = new SignJWT({ sub }); b.setNotBefore(Math.floor(Date.now() / 1000)); await b.sign(key);` }] }],
    },
    {
      code: S + `await new SignJWT({ sub }).setIssuedAt(Date.now()).setExpirationTime('15m').sign(key);`,
      errors: [{ messageId: 'millisecondTimestamp', data: { method: 'setIssuedAt' }, suggestions: [{ messageId: 'replaceWith', output: S + `await new SignJWT({ sub }).setIssuedAt(Math.floor(Date.now() / 1000)).setExpirationTime('15m').sign(key);` }] }],
    },
    {
      code: S + `await new SignJWT({ sub, exp: Date.now() + 900000 }).sign(key);`,
      errors: [{ messageId: 'millisecondClaim', suggestions: [{ messageId: 'replaceWith', output: S + `await new SignJWT({ sub, exp: Math.floor(Date.now() / 1000) + 900 }).sign(key);` }] }],
    },
    // a Nest registration reads jsonwebtoken semantics
    {
      code: `import { JwtModule } from '@nestjs/jwt'; JwtModule.register({ secret: process.env.S, signOptions: { expiresIn: 3600000 } });`,
      errors: [{ messageId: 'millisecondDuration', data: { option: 'expiresIn', value: '3600000', read: '41.7 days', meant: '1 hour' }, suggestions: [{ messageId: 'replaceWith', output: `import { JwtModule } from '@nestjs/jwt'; JwtModule.register({ secret: process.env.S, signOptions: { expiresIn: 3600 } });` }] }],
    },
    // hono signs a payload: its exp claim is checked like any other
    {
      code: `import { sign } from 'hono/jwt'; await sign({ sub, exp: Date.now() + 5 * 60 * 1000 }, process.env.K);`,
      errors: [{ messageId: 'millisecondClaim', suggestions: [{ messageId: 'replaceWith', output: `import { sign } from 'hono/jwt'; await sign({ sub, exp: Math.floor(Date.now() / 1000) + 300 }, process.env.K);` }] }],
    },
    // dates without a zone
    {
      code: J + `jwt.sign({ sub, exp: Math.floor(new Date('2025-06-30 23:59').getTime() / 1000) }, key);`,
      errors: [{ messageId: 'zonelessDate', data: { value: '2025-06-30 23:59' }, column: 74, suggestions: [{ messageId: 'replaceWith', output: J + `jwt.sign({ sub, exp: Math.floor(new Date('2025-06-30T23:59Z').getTime() / 1000) }, key);` }] }],
    },
    {
      code: S + `const launch = new Date('2025-06-30T09:00:00'); await new SignJWT({ sub }).setNotBefore(launch).setExpirationTime('2h').sign(key);`,
      errors: [{ messageId: 'zonelessDate', column: 57, suggestions: [{ messageId: 'replaceWith', output: S + `const launch = new Date('2025-06-30T09:00:00Z'); await new SignJWT({ sub }).setNotBefore(launch).setExpirationTime('2h').sign(key);` }] }],
    },
    {
      code: J + `jwt.sign({ sub, nbf: Date.parse('2025/07/01') / 1000 }, key);`,
      errors: [{ messageId: 'zonelessDate', suggestions: [] }],
    },
    // an Express login route with both mistakes
    {
      filename: 'src/routes/auth.js',
      languageOptions: commonjs,
      code: [
        `const jwt = require('jsonwebtoken');`,
        `router.post('/login', async (req, res) => {`,
        `  const user = await authenticate(req.body);`,
        `  const token = jwt.sign(`,
        `    { sub: user.id, iat: Date.now() },`,
        `    process.env.JWT_SECRET,`,
        `    { algorithm: 'HS256', expiresIn: 15 * 60 * 1000 },`,
        `  );`,
        `  res.json({ token });`,
        `});`,
      ].join('\n'),
      errors: [
        { messageId: 'millisecondClaim', line: 5, column: 26, suggestions: [{ messageId: 'replaceWith', output: [
          `const jwt = require('jsonwebtoken');`,
          `router.post('/login', async (req, res) => {`,
          `  const user = await authenticate(req.body);`,
          `  const token = jwt.sign(`,
          `    { sub: user.id, iat: Math.floor(Date.now() / 1000) },`,
          `    process.env.JWT_SECRET,`,
          `    { algorithm: 'HS256', expiresIn: 15 * 60 * 1000 },`,
          `  );`,
          `  res.json({ token });`,
          `});`,
        ].join('\n') }] },
        { messageId: 'millisecondDuration', line: 7, column: 38, suggestions: [{ messageId: 'replaceWith', output: [
          `const jwt = require('jsonwebtoken');`,
          `router.post('/login', async (req, res) => {`,
          `  const user = await authenticate(req.body);`,
          `  const token = jwt.sign(`,
          `    { sub: user.id, iat: Date.now() },`,
          `    process.env.JWT_SECRET,`,
          `    { algorithm: 'HS256', expiresIn: 900 },`,
          `  );`,
          `  res.json({ token });`,
          `});`,
        ].join('\n') }] },
      ],
    },
  ],
});
