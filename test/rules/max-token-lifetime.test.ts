import { RuleTester, type InvalidTestCase, type ValidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../rules/max-token-lifetime.js';
import { invalidVariants as invalidVariantsNoOptions, memberVariants, namedVariants, validVariants as validVariantsNoOptions } from '../helpers/import-variants.js';

// The variant helpers are typed for rules without options; these cases use the default options.
const validVariants = (...args: Parameters<typeof validVariantsNoOptions>) => validVariantsNoOptions(...args) as ValidTestCase<Options>[];
const invalidVariants = (v: Parameters<typeof invalidVariantsNoOptions>[0], t: InvalidTestCase<MessageIds, []>) =>
  invalidVariantsNoOptions(v, t) as unknown as InvalidTestCase<MessageIds, Options>[];

const ruleTester = new RuleTester();
const jwtValid = (code: string) => validVariants(memberVariants('jsonwebtoken', code), code);
const jose = namedVariants('jose', ['SignJWT']);
const J = `import jwt from 'jsonwebtoken'; `;
const S = `import { SignJWT } from 'jose'; `;

ruleTester.run('max-token-lifetime', rule, {
  valid: [
    // within the limits
    ...jwtValid(`const accessToken = jwt.sign({ sub }, key, { expiresIn: '15m' });`),
    ...jwtValid(`const accessToken = jwt.sign({ sub }, key, { expiresIn: 3600 });`),
    ...jwtValid(`const refreshToken = jwt.sign({ sub }, key, { expiresIn: '14d' });`),
    ...validVariants(jose, `const t = await new SignJWT({ sub }).setExpirationTime('1h').sign(key);`),
    J + `const t = jwt.sign({ sub, exp: Math.floor(Date.now() / 1000) + 900 }, key);`,
    J + `function issueRefreshToken(u) { return jwt.sign({ sub: u.id }, key, { expiresIn: '7d' }); }`,
    J + `const t = jwt.sign({ sub }, process.env.JWT_REFRESH_SECRET, { expiresIn: '10d' });`,
    J + `const t = jwt.sign({ sub, type: 'refresh' }, key, { expiresIn: '14d' });`,
    // unknown lifetimes
    J + `const t = jwt.sign({ sub }, key, { expiresIn: process.env.JWT_TTL });`,
    J + `const t = jwt.sign({ sub }, key, { expiresIn: config.ttl });`,
    J + `function f(opts) { return jwt.sign({ sub }, key, opts); }`,
    J + `const t = jwt.sign({ sub }, key, { ...defaults });`,
    J + `const t = jwt.sign({ sub, exp: expiry }, key);`,
    J + `const t = jwt.sign({ sub, exp: Date.now() + 30 * 86400 * 1000 }, key);`, // wrong unit: no-naive-timestamp
    S + `const t = await new SignJWT({ sub }).setExpirationTime(2000000000).sign(key);`, // absolute time
    S + `const t = await new SignJWT({ sub }).setExpirationTime(ttl).sign(key);`,
    // no expiration at all: require-expiration's business
    J + `const t = jwt.sign({ sub }, key);`,
    // options
    { code: J + `const t = jwt.sign({ sub }, key, { expiresIn: '8h' });`, options: [{ access: '8h' }] },
    { code: J + `const refreshToken = jwt.sign({ sub }, key, { expiresIn: '30d' });`, options: [{ refresh: '30d' }] },
    { code: J + `const t = jwt.sign({ sub }, key, { expiresIn: 7200 });`, options: [{ access: 7200 }] },
    // fast-jwt reads numbers as milliseconds: 3600000 is one hour
    `import { createSigner } from 'fast-jwt'; const signer = createSigner({ key: process.env.K, expiresIn: 3600000 }); signer({ sub });`,
    // look-alikes
    `const jwt = { sign() {} }; jwt.sign({ sub }, key, { expiresIn: '365d' });`,
    J + `function f(jwt) { jwt.sign({ sub }, key, { expiresIn: '365d' }); }`,
    J + `res.cookie('token', t, { maxAge: 30 * 24 * 3600 * 1000 }); cache.set(k, v, { expiresIn: '30d' });`,
    J + `const autoRefresh = jwt.sign({ sub }, key, { expiresIn: '1h' });`,
  ],
  invalid: [
    ...invalidVariants(memberVariants('jsonwebtoken', 'jwt.sign'), {
      code: `const token = jwt.sign({ sub: user.id }, key, { expiresIn: '30d' });`,
      errors: [{ messageId: 'tooLong', data: { kind: 'access', lifetime: '30 days', limit: '1 hour' }, line: 1, column: 60, endColumn: 65 }],
    }),
    ...invalidVariants(jose, {
      code: `const token = await new SignJWT({ sub }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('7d').sign(key);`,
      errors: [{ messageId: 'tooLong', data: { kind: 'access', lifetime: '7 days', limit: '1 hour' }, line: 1, column: 97 }],
    }),
    // refresh tokens, by name, secret, function, claim
    {
      code: J + `const refreshToken = jwt.sign({ sub }, key, { expiresIn: '90d' });`,
      errors: [{ messageId: 'tooLong', data: { kind: 'refresh', lifetime: '90 days', limit: '14 days' } }],
    },
    {
      code: J + `const t = jwt.sign({ sub }, process.env.JWT_REFRESH_SECRET, { expiresIn: '1y' });`,
      errors: [{ messageId: 'tooLong', data: { kind: 'refresh', lifetime: '1 year', limit: '14 days' } }],
    },
    {
      code: J + `class Tokens { issueRefresh(u) { return jwt.sign({ sub: u.id }, key, { expiresIn: 60 * 60 * 24 * 30 }); } }`,
      errors: [{ messageId: 'tooLong', data: { kind: 'refresh', lifetime: '30 days', limit: '14 days' } }],
    },
    {
      code: J + `const t = jwt.sign({ sub, typ: 'refresh' }, key, { expiresIn: '60d' });`,
      errors: [{ messageId: 'tooLong', data: { kind: 'refresh', lifetime: '60 days', limit: '14 days' } }],
    },
    // an access token in a refresh-named function is still an access token
    {
      code: J + `function refreshTokens(u) { const accessToken = jwt.sign({ sub: u.id }, key, { expiresIn: '1d' }); }`,
      errors: [{ messageId: 'tooLong', data: { kind: 'access', lifetime: '1 day', limit: '1 hour' } }],
    },
    // exp computed by hand
    {
      code: J + `const now = Math.floor(Date.now() / 1000); const t = jwt.sign({ sub, iat: now, exp: now + 24 * 3600 }, key);`,
      errors: [{ messageId: 'tooLong', data: { kind: 'access', lifetime: '1 day', limit: '1 hour' }, column: 117 }],
    },
    // shared constants: reported once, where the value is written in the options
    {
      code: J + `const TTL = '30d'; const opts = { expiresIn: TTL }; const a = jwt.sign({ sub }, key, opts); const b = jwt.sign({ sub }, key, opts);`,
      errors: [{ messageId: 'tooLong', column: 78 }],
    },
    // unitless ms string read by jsonwebtoken: 86400000 ms = 1 day
    {
      code: J + `const t = jwt.sign({ sub }, key, { expiresIn: '86400000' });`,
      errors: [{ messageId: 'tooLong', data: { kind: 'access', lifetime: '1 day', limit: '1 hour' } }],
    },
    // options lower the limits
    {
      code: J + `const t = jwt.sign({ sub }, key, { expiresIn: '30m' });`,
      options: [{ access: '15m' }],
      errors: [{ messageId: 'tooLong', data: { kind: 'access', lifetime: '30 minutes', limit: '15 minutes' } }],
    },
    {
      code: J + `const refresh_token = jwt.sign({ sub }, key, { expiresIn: '8d' });`,
      options: [{ refresh: 604800 }],
      errors: [{ messageId: 'tooLong', data: { kind: 'refresh', lifetime: '8 days', limit: '7 days' } }],
    },
    // other modelled libraries
    {
      code: `import { createSigner } from 'fast-jwt'; const signer = createSigner({ key: process.env.K, expiresIn: 30 * 86400000 }); signer({ sub });`,
      errors: [{ messageId: 'tooLong', data: { kind: 'access', lifetime: '30 days', limit: '1 hour' }, column: 103 }],
    },
    {
      code: `import { JwtModule, JwtService } from '@nestjs/jwt'; JwtModule.register({ secret: process.env.S, signOptions: { expiresIn: '30d' } }); class A { constructor(private jwtService: JwtService) {} f(u) { return this.jwtService.sign({ sub: u.id }); } }`,
      errors: [{ messageId: 'tooLong', data: { kind: 'access', lifetime: '30 days', limit: '1 hour' }, column: 124 }],
    },
    // an Express login issuing both tokens
    {
      code: [
        `import jwt from 'jsonwebtoken';`,
        `app.post('/login', async (req, res) => {`,
        `  const user = await login(req.body);`,
        `  const accessToken = jwt.sign({ sub: user.id }, process.env.JWT_SECRET, { expiresIn: '12h' });`,
        `  const refreshToken = jwt.sign({ sub: user.id }, process.env.JWT_REFRESH_SECRET, { expiresIn: '365d' });`,
        `  res.json({ accessToken, refreshToken });`,
        `});`,
      ].join('\n'),
      errors: [
        { messageId: 'tooLong', data: { kind: 'access', lifetime: '12 hours', limit: '1 hour' }, line: 4 },
        { messageId: 'tooLong', data: { kind: 'refresh', lifetime: '365 days', limit: '14 days' }, line: 5 },
      ],
    },
  ],
});
