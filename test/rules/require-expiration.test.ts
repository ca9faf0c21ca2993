import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../rules/require-expiration.js';
import { invalidVariants, memberVariants, namedVariants, validVariants } from '../helpers/import-variants.js';

const ruleTester = new RuleTester();
const jwtVariants = (code: string) => memberVariants('jsonwebtoken', code);
const joseVariants = namedVariants('jose', ['SignJWT', 'jwtVerify']);
const jwtValid = (code: string) => validVariants(jwtVariants(code), code);

ruleTester.run('require-expiration', rule, {
  valid: [
    `import jws from 'jws';\njws.sign({ header: { alg: 'HS256' }, payload: { sub, exp: Math.floor(Date.now() / 1000) + 900 }, secret });`,
    `import jws from 'jws';\nexport const sign = (payload) => jws.sign({ header: { alg: 'HS256' }, payload, secret });`,
    `import jws from 'jws';\njws.sign({ header: { alg: 'HS256' }, secret, ...rest });`,
    // an expiration in the options, in the payload, in a jose chain
    ...jwtValid(`jwt.sign({ sub: user.id }, key, { expiresIn: '15m' });`),
    ...jwtValid(`jwt.sign({ sub: user.id, exp: Math.floor(Date.now() / 1000) + 900 }, key);`),
    ...validVariants(joseVariants, `await new SignJWT({ sub }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('15m').sign(key);`),
    ...validVariants(joseVariants, `await new SignJWT({ sub, exp: Math.floor(Date.now() / 1000) + 900 }).sign(key);`),
    // options or payload not fully known
    `import jwt from 'jsonwebtoken'; function sign(payload) { return jwt.sign(payload, key); }`,
    `import jwt from 'jsonwebtoken'; function sign(opts) { return jwt.sign({ sub }, key, opts); }`,
    `import jwt from 'jsonwebtoken'; jwt.sign({ sub }, key, { ...defaults });`,
    `import jwt from 'jsonwebtoken'; jwt.sign({ ...claims }, key);`,
    `import jwt from 'jsonwebtoken'; jwt.sign({ sub }, key, getSignOptions());`,
    `import jwt from 'jsonwebtoken'; jwt.sign(buildPayload(user), key);`,
    `import jwt from 'jsonwebtoken'; const opts = { algorithm: 'HS256', expiresIn: process.env.JWT_TTL }; jwt.sign({ sub }, key, opts);`,
    `import jwt from 'jsonwebtoken'; jwt.sign({ sub }, key, { expiresIn: config.ttl });`,
    `import jwt from 'jsonwebtoken'; const p = { sub }; Object.assign(p, extra); jwt.sign(p, key);`,
    `import jwt from 'jsonwebtoken'; jwt.sign(...args);`,
    `import jwt from 'jsonwebtoken'; jwt.sign({ sub, exp }, key);`,
    // a jose builder that escapes (completed elsewhere) or is never signed here
    `import { SignJWT } from 'jose'; export function builder(p) { return new SignJWT(p).setProtectedHeader({ alg: 'HS256' }); }`,
    `import { SignJWT } from 'jose'; const b = new SignJWT({ sub }); configure(b); await b.sign(key);`,
    `import { SignJWT } from 'jose'; new SignJWT({ sub }).setProtectedHeader({ alg: 'HS256' });`,
    // a string payload with expiresIn throws at runtime: not this rule's concern
    `import jwt from 'jsonwebtoken'; jwt.sign('x', key, { expiresIn: '1h' });`,
    // look-alikes: not the library
    `const jwt = { sign(p, k) { return ''; } }; jwt.sign({ sub }, key);`,
    `import jwt from 'my-jwt'; jwt.sign({ sub }, key);`,
    `import jwt from 'jsonwebtoken'; function f(jwt) { jwt.sign({ sub }, key); }`,
    `import jwt from 'jsonwebtoken'; signer.sign({ sub }, key); crypto.sign('sha256', data, key);`,
    `class SignJWT { constructor(p) {} sign() {} } new SignJWT({}).sign(key);`,
    // verify: expiration checks on, or unknown
    ...jwtValid(`jwt.verify(token, key, { algorithms: ['HS256'] });`),
    `import jwt from 'jsonwebtoken'; jwt.verify(token, key, { algorithms: ['HS256'], ignoreExpiration: false });`,
    `import jwt from 'jsonwebtoken'; jwt.verify(token, key, { algorithms: ['HS256'], ignoreExpiration: process.env.DEV === '1' });`,
    `import jwt from 'jsonwebtoken'; function v(ignoreExpiration) { jwt.verify(token, key, { ignoreExpiration }); }`,
    `import jwt from 'jsonwebtoken'; jwt.verify(token, key, { ...opts });`,
    `const other = { verify() {} }; other.verify(token, key, { ignoreExpiration: true });`,
    `import jwt from 'jsonwebtoken'; jwt.decode(token, { ignoreExpiration: true });`,
    // other modelled libraries: defaults from a registration, payload exp, millisecond semantics
    `import { JwtModule, JwtService } from '@nestjs/jwt'; JwtModule.register({ secret: process.env.S, signOptions: { expiresIn: '15m' } }); class A { constructor(private jwtService: JwtService) {} f(u) { return this.jwtService.sign({ sub: u.id }); } }`,
    `import { JwtService } from '@nestjs/jwt'; class A { constructor(private jwtService: JwtService) {} f(u) { return this.jwtService.sign({ sub: u.id }); } }`,
    `import { createSigner } from 'fast-jwt'; const signer = createSigner({ key: process.env.K, expiresIn: 900000 }); signer({ sub });`,
    `import { sign } from 'hono/jwt'; await sign({ sub, exp: Math.floor(Date.now() / 1000) + 60 * 5 }, process.env.K);`,
  ],
  invalid: [
    {
      // jws takes the payload inside its one options object, and has no `expiresIn`
      code: `import jws from 'jws';\nexport const link = (id) => jws.sign({ header: { alg: 'HS256' }, payload: { sub: id, purpose: 'unsubscribe' }, secret: process.env.LINK_SECRET });`,
      errors: [{ messageId: 'missingExpiration', data: { callee: 'jws.sign' }, line: 2, column: 29, suggestions: [] }],
    },
    ...invalidVariants(jwtVariants(`jwt.sign`), {
      code: `const token = jwt.sign({ sub: user.id }, process.env.JWT_SECRET);`,
      errors: [
        {
          messageId: 'missingExpiration',
          line: 1,
          column: 15,
          suggestions: [
            {
              messageId: 'addExpiration',
              data: { code: `expiresIn: '15m'` },
              output: `const token = jwt.sign({ sub: user.id }, process.env.JWT_SECRET, { expiresIn: '15m' });`,
            },
          ],
        },
      ],
    }),
    ...invalidVariants(jwtVariants(`jwt.sign`), {
      code: `jwt.sign({ sub }, key, { algorithm: 'HS256' });`,
      errors: [
        {
          messageId: 'missingExpiration',
          line: 1,
          column: 1,
          suggestions: [{ messageId: 'addExpiration', output: `jwt.sign({ sub }, key, { algorithm: 'HS256', expiresIn: '15m' });` }],
        },
      ],
    }),
    ...invalidVariants(joseVariants, {
      code: `const token = await new SignJWT({ sub }).setProtectedHeader({ alg: 'HS256' }).sign(key);`,
      errors: [
        {
          messageId: 'missingExpiration',
          data: { callee: 'SignJWT' },
          line: 1,
          column: 21,
          suggestions: [
            {
              messageId: 'addExpiration',
              data: { code: `.setExpirationTime('15m')` },
              output: `const token = await new SignJWT({ sub }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('15m').sign(key);`,
            },
          ],
        },
      ],
    }),
    // callback style: the options go before the callback
    {
      code: `import jwt from 'jsonwebtoken'; jwt.sign({ sub }, key, (err, token) => done(token));`,
      errors: [
        {
          messageId: 'missingExpiration',
          suggestions: [{ messageId: 'addExpiration', output: `import jwt from 'jsonwebtoken'; jwt.sign({ sub }, key, { expiresIn: '15m' }, (err, token) => done(token));` }],
        },
      ],
    },
    // empty options object
    {
      code: `import jwt from 'jsonwebtoken'; jwt.sign({ sub }, key, {});`,
      errors: [{ messageId: 'missingExpiration', suggestions: [{ messageId: 'addExpiration', output: `import jwt from 'jsonwebtoken'; jwt.sign({ sub }, key, { expiresIn: '15m' });` }] }],
    },
    // options in a const: report, but do not edit a shared object
    {
      code: `import jwt from 'jsonwebtoken'; const signOptions = { algorithm: 'HS256' }; jwt.sign({ sub }, key, signOptions);`,
      errors: [{ messageId: 'missingExpiration', column: 77, suggestions: [] }],
    },
    // payload in a const, fully known
    {
      code: `import jwt from 'jsonwebtoken'; const payload = { sub: user.id, role: user.role }; jwt.sign(payload, key, { algorithm: 'HS256' });`,
      errors: [{ messageId: 'missingExpiration', suggestions: [{ messageId: 'addExpiration', output: `import jwt from 'jsonwebtoken'; const payload = { sub: user.id, role: user.role }; jwt.sign(payload, key, { algorithm: 'HS256', expiresIn: '15m' });` }] }],
    },
    // a string payload can never carry `exp`; adding expiresIn would throw, so no suggestion
    {
      code: `import jwt from 'jsonwebtoken'; jwt.sign('user-42', key);`,
      errors: [{ messageId: 'missingExpiration', suggestions: [] }],
    },
    // multi-line options (the reference shape)
    {
      code: [
        `import jwt from 'jsonwebtoken';`,
        `export function signAccessToken(user) {`,
        `  return jwt.sign({ role: user.role }, process.env.JWT_SECRET, {`,
        `    algorithm: 'HS256',`,
        `    subject: user.id,`,
        `  });`,
        `}`,
      ].join('\n'),
      errors: [
        {
          messageId: 'missingExpiration',
          line: 3,
          column: 10,
          suggestions: [
            {
              messageId: 'addExpiration',
              output: [
                `import jwt from 'jsonwebtoken';`,
                `export function signAccessToken(user) {`,
                `  return jwt.sign({ role: user.role }, process.env.JWT_SECRET, {`,
                `    algorithm: 'HS256',`,
                `    subject: user.id,`,
                `    expiresIn: '15m',`,
                `  });`,
                `}`,
              ].join('\n'),
            },
          ],
        },
      ],
    },
    // jose builder through a variable
    {
      code: `import { SignJWT } from 'jose'; const b = new SignJWT({ sub }); b.setProtectedHeader({ alg: 'ES256' }); const t = await b.sign(privateKey);`,
      errors: [
        {
          messageId: 'missingExpiration',
          suggestions: [
            {
              messageId: 'addExpiration',
              output: `import { SignJWT } from 'jose'; const b = new SignJWT({ sub }); b.setProtectedHeader({ alg: 'ES256' }); const t = await b.setExpirationTime('15m').sign(privateKey);`,
            },
          ],
        },
      ],
    },
    // a Next.js route handler with jose
    {
      filename: 'app/api/login/route.ts',
      code: [
        `import { SignJWT } from 'jose';`,
        `const secret = new TextEncoder().encode(process.env.JWT_SECRET);`,
        `export async function POST(req: Request) {`,
        `  const { userId } = await req.json();`,
        `  const token = await new SignJWT({ sub: userId })`,
        `    .setProtectedHeader({ alg: 'HS256' })`,
        `    .setIssuedAt()`,
        `    .sign(secret);`,
        `  return Response.json({ token });`,
        `}`,
      ].join('\n'),
      errors: [{ messageId: 'missingExpiration', line: 5, column: 23, suggestions: [{ messageId: 'addExpiration', output: [
        `import { SignJWT } from 'jose';`,
        `const secret = new TextEncoder().encode(process.env.JWT_SECRET);`,
        `export async function POST(req: Request) {`,
        `  const { userId } = await req.json();`,
        `  const token = await new SignJWT({ sub: userId })`,
        `    .setProtectedHeader({ alg: 'HS256' })`,
        `    .setIssuedAt().setExpirationTime('15m')`,
        `    .sign(secret);`,
        `  return Response.json({ token });`,
        `}`,
      ].join('\n') }] }],
    },
    // other modelled libraries
    {
      code: `import { sign } from 'hono/jwt'; await sign({ sub }, process.env.K);`,
      errors: [{ messageId: 'missingExpiration', data: { callee: 'sign' }, column: 40, suggestions: [] }],
    },
    {
      code: `import { JwtModule, JwtService } from '@nestjs/jwt'; JwtModule.register({ secret: process.env.S, signOptions: { algorithm: 'HS256' } }); class A { constructor(private jwtService: JwtService) {} f(u) { return this.jwtService.sign({ sub: u.id }); } }`,
      errors: [{ messageId: 'missingExpiration', data: { callee: 'this.jwtService.sign' }, column: 209, suggestions: [{ messageId: 'addExpiration', output: `import { JwtModule, JwtService } from '@nestjs/jwt'; JwtModule.register({ secret: process.env.S, signOptions: { algorithm: 'HS256' } }); class A { constructor(private jwtService: JwtService) {} f(u) { return this.jwtService.sign({ sub: u.id }, { expiresIn: '15m' }); } }` }] }],
    },
    // ignoreExpiration on verify
    ...invalidVariants(jwtVariants(`jwt.verify`), {
      code: `jwt.verify(token, key, { algorithms: ['HS256'], ignoreExpiration: true });`,
      errors: [
        {
          messageId: 'ignoreExpiration',
          line: 1,
          column: 49,
          endColumn: 71,
          suggestions: [{ messageId: 'removeIgnoreExpiration', output: `jwt.verify(token, key, { algorithms: ['HS256'] });` }],
        },
      ],
    }),
    {
      code: `import jwt from 'jsonwebtoken'; const IGNORE = true; const opts = { ignoreExpiration: IGNORE, algorithms: ['RS256'] }; jwt.verify(token, pub, opts);`,
      errors: [{ messageId: 'ignoreExpiration', column: 69, suggestions: [{ messageId: 'removeIgnoreExpiration', output: `import jwt from 'jsonwebtoken'; const IGNORE = true; const opts = { algorithms: ['RS256'] }; jwt.verify(token, pub, opts);` }] }],
    },
    // configured verifiers: passport-jwt, a Nest registration and the calls inheriting from it (reported once)
    {
      code: `import { Strategy } from 'passport-jwt'; passport.use(new Strategy({ secretOrKey: process.env.K, algorithms: ['HS256'], ignoreExpiration: true }, verify));`,
      errors: [{ messageId: 'ignoreExpiration', column: 121, suggestions: [{ messageId: 'removeIgnoreExpiration', output: `import { Strategy } from 'passport-jwt'; passport.use(new Strategy({ secretOrKey: process.env.K, algorithms: ['HS256'] }, verify));` }] }],
    },
    {
      code: `import { JwtModule, JwtService } from '@nestjs/jwt'; JwtModule.register({ secret: process.env.S, verifyOptions: { ignoreExpiration: true } }); class A { constructor(private jwtService: JwtService) {} f(t) { return this.jwtService.verify(t); } }`,
      errors: [{ messageId: 'ignoreExpiration', column: 115, suggestions: [{ messageId: 'removeIgnoreExpiration', output: `import { JwtModule, JwtService } from '@nestjs/jwt'; JwtModule.register({ secret: process.env.S, verifyOptions: { ignoreExpiration: true } }); class A { constructor(private jwtService: JwtService) {} f(t) { return this.jwtService.verify(t); } }`.replace('{ ignoreExpiration: true }', '{}') }] }],
    },
    // comments are never dropped: inside the property, no suggestion; next to it, the comment stays
    {
      code: `import jwt from 'jsonwebtoken'; jwt.verify(token, key, { ignoreExpiration: /* dev only */ true }, cb);`,
      errors: [{ messageId: 'ignoreExpiration', suggestions: [] }],
    },
    {
      code: `import jwt from 'jsonwebtoken'; jwt.verify(token, key, { ignoreExpiration: true /* dev only */ }, cb);`,
      errors: [{ messageId: 'ignoreExpiration', suggestions: [{ messageId: 'removeIgnoreExpiration', output: `import jwt from 'jsonwebtoken'; jwt.verify(token, key, {  /* dev only */ }, cb);` }] }],
    },
  ],
});
