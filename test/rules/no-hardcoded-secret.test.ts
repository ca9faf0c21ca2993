import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RuleTester, type InvalidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds } from '../../rules/no-hardcoded-secret.js';
import { invalidVariants, memberVariants, namedVariants, validVariants } from '../helpers/import-variants.js';

const ruleTester = new RuleTester();
type Invalid = InvalidTestCase<MessageIds, []>;

const BODY = 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj\\nMzEfYyjiWA4R4/M2bS1GB4t7NXp98C3SC6dVMvDuictGeurT8jNbvJZHtCSuYEvu\\n';
const PRIVATE_PEM = `'-----BEGIN PRIVATE KEY-----\\n${BODY}-----END PRIVATE KEY-----\\n'`;
const PUBLIC_PEM = `'-----BEGIN PUBLIC KEY-----\\n${BODY}-----END PUBLIC KEY-----\\n'`;

const jwtValid = (code: string) => validVariants(memberVariants('jsonwebtoken', code), code);
const jwtInvalid = (test: Invalid) => invalidVariants<MessageIds>(memberVariants('jsonwebtoken', test.code), test);
const joseValid = (names: string[], code: string) => validVariants(namedVariants('jose', names), code);
const joseInvalid = (names: string[], test: Invalid) => invalidVariants<MessageIds>(namedVariants('jose', names), test);

// A relative module for the cross-file cases.
const dir = mkdtempSync(path.join(os.tmpdir(), 'jwtlint-nhs-'));
writeFileSync(
  path.join(dir, 'config.ts'),
  `export const JWT_SECRET = process.env.JWT_SECRET || 'dev-secret';\nexport const ENV_ONLY = process.env.JWT_SECRET;\nexport const PLAIN = 'abc';\n`,
);
const inDir = (name: string) => path.join(dir, name);

ruleTester.run('no-hardcoded-secret', rule, {
  valid: [
    // no environment read in the file (an `env` word is not one): no fallback to report
    `const env = loadEnv();\nexport const JWT_SECRET = env.JWT_SECRET || 'dev';`,
    `const process = { env: {} };\nexport const JWT_SECRET = process.env.JWT_SECRET || 'dev';`,
    // keys from the environment, without a fallback
    ...jwtValid(`jwt.sign(payload, process.env.JWT_SECRET!, { algorithm: 'HS256' });`),
    ...jwtValid(`const secret = process.env.JWT_SECRET as string;\njwt.verify(token, secret, { algorithms: ['HS256'] });`),
    ...joseValid(['SignJWT'], `const key = new TextEncoder().encode(process.env.JWT_SECRET);\nawait new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).sign(key);`),
    ...joseValid(['jwtVerify'], `await jwtVerify(token, new TextEncoder().encode(process.env.JWT_SECRET));`),
    // the reference shape: config object built from the environment and checked at startup
    `import jwt from 'jsonwebtoken';
     function loadConfig(env: NodeJS.ProcessEnv) {
       const raw = env.JWT_SECRET;
       if (!raw) throw new Error('JWT_SECRET is not set');
       return { jwtSecret: Buffer.from(raw, 'utf8'), issuer: 'https://auth.example.com' };
     }
     const config = loadConfig(process.env);
     export const sign = (p: object) => jwt.sign(p, config.jwtSecret, { algorithm: 'HS256' });`,
    // values loaded at runtime
    `import jwt from 'jsonwebtoken'; import fs from 'fs'; const key = fs.readFileSync('private.pem'); jwt.sign(p, key, { algorithm: 'RS256' });`,
    `import jwt from 'jsonwebtoken'; jwt.sign(p, config.get('jwt.secret'));`,
    `import jwt from 'jsonwebtoken'; const { SecretString } = await sm.getSecretValue({ SecretId: 'jwt' }); jwt.sign(p, SecretString!);`,
    `import jwt from 'jsonwebtoken'; function issue(p: object, secret: string) { return jwt.sign(p, secret); }`,
    `import jwt from 'jsonwebtoken'; class S { constructor(private readonly secret: string) {} sign(p: object) { return jwt.sign(p, this.secret); } }`,
    `import jwt from 'jsonwebtoken'; jwt.verify(token, (header, cb) => cb(null, 'x'));`,
    `import jwt from 'jsonwebtoken'; let s = 'a'; s = load(); jwt.sign(p, s);`,
    // public keys
    `import jwt from 'jsonwebtoken'; jwt.verify(token, ${PUBLIC_PEM}, { algorithms: ['RS256'] });`,
    `import jwt from 'jsonwebtoken'; const PUBLIC_KEY = process.env.PUBLIC_KEY || ${PUBLIC_PEM}; jwt.verify(token, PUBLIC_KEY, { algorithms: ['RS256'] });`,
    `import { importSPKI, importJWK, jwtVerify } from 'jose'; const k = await importSPKI(${PUBLIC_PEM}, 'RS256'); await importJWK({ kty: 'RSA', n: 'abc', e: 'AQAB' }, 'RS256');`,
    `import crypto from 'node:crypto'; crypto.createPublicKey(${PUBLIC_PEM});`,
    // HMAC keys of unrelated code; lookalike method names on other objects
    `import crypto from 'crypto'; crypto.createHmac('sha256', 'webhook-secret').update(body).digest('hex');`,
    `const jwt = { sign: (p, k) => k }; jwt.sign({}, 'not-a-jwt-library');`,
    `import jwt from 'jsonwebtoken'; function f(jwt) { return jwt.sign({}, 'shadowed'); }`,
    `import jwt from 'jsonwebtoken'; cookieSigner.sign(value, 'cookie-secret'); jwt.decode(token);`,
    // i18n and look-alike names; secret-named literals that are not fallbacks and never used as a key
    `const labels = { secretLabel: 'Secret', secretQuestion: 'What is the name of your first pet?' }; t('secret');`,
    `const secretLabel = process.env.LABEL || 'Secret';`,
    `const secretName = process.env.SECRET_NAME || 'jwt-secret';`,
    `const secretsManagerRegion = process.env.AWS_REGION ?? 'eu-west-1';`,
    `const JWT_SECRET = process.env.JWT_SECRET || '';`,
    `const JWT_SECRET = process.env.JWT_SECRET;`,
    `function f(opts) { const secret = opts.secret || 'fallback'; return secret; }`,
    `const JWT_SECRET = 'abc';`,
    `const JWT_EXPIRES_IN = process.env.JWT_EXPIRES_IN || '15m';`,
    `const publicKey = process.env.PUBLIC_KEY || 'none';`,
    `const secretKeyPath = process.env.KEY_PATH || './keys/private.pem';`,
    `const privateKey = process.env.PRIVATE_KEY || fs.readFileSync('key.pem', 'utf8');`,
    `const isSecret = process.env.FLAG ? 'yes' : 'no';`,
    `import { importPKCS8 } from 'jose'; const k = await importPKCS8(process.env.PRIVATE_KEY!.replace(/\\n/g, '\\n'), 'RS256');`,
    // a decode with a literal: no key at all
    `import jwt from 'jsonwebtoken'; jwt.decode('a.b.c');`,
    // PEM look-alikes: headers that wrap a runtime value, placeholders, public keys
    'const pem = `-----BEGIN PRIVATE KEY-----\\n${process.env.PRIVATE_KEY}\\n-----END PRIVATE KEY-----`;',
    `const pem = '-----BEGIN PRIVATE KEY-----\\n' + process.env.PRIVATE_KEY + '\\n-----END PRIVATE KEY-----';`,
    `const example = '-----BEGIN RSA PRIVATE KEY-----\\n...\\n-----END RSA PRIVATE KEY-----';`,
    `const cert = ${PUBLIC_PEM.replace(/PUBLIC KEY/g, 'CERTIFICATE')};`,
    `import { Strategy } from 'passport-jwt'; new Strategy({ jwtFromRequest: fromHeader, secretOrKey: ${PUBLIC_PEM}, algorithms: ['RS256'] }, verify);`,
    `import { expressjwt } from 'express-jwt'; app.use(expressjwt({ secret: process.env.JWT_SECRET!, algorithms: ['HS256'] }));`,
    // imports from relative modules that read the environment only
    { code: `import jwt from 'jsonwebtoken'; import { ENV_ONLY } from './config'; jwt.sign(p, ENV_ONLY!);`, filename: inDir('a.ts') },
  ],
  invalid: [
    // inline literal keys, every import form
    ...jwtInvalid({
      code: `jwt.sign({ sub: id }, 'shhhhh');`,
      errors: [
        {
          messageId: 'hardcodedKey',
          data: { callee: 'jsonwebtoken.sign' },
          line: 1,
          column: 23,
          endColumn: 31,
          suggestions: [{ messageId: 'useEnv', data: { env: 'JWT_SECRET' }, output: `jwt.sign({ sub: id }, process.env.JWT_SECRET);` }],
        },
      ],
    }),
    ...jwtInvalid({
      code: `const decoded = jwt.verify(token, 'shhhhh', { algorithms: ['HS256'] });`,
      errors: [{ messageId: 'hardcodedKey', data: { callee: 'jsonwebtoken.verify' }, line: 1, column: 35, suggestions: [{ messageId: 'useEnv', output: `const decoded = jwt.verify(token, process.env.JWT_SECRET, { algorithms: ['HS256'] });` }] }],
    }),
    // a constant, reported where the value is written (one report for several uses)
    ...jwtInvalid({
      code: `const ACCESS_TOKEN_SECRET = 'my-secret';\nexport const sign = (p) => jwt.sign(p, ACCESS_TOKEN_SECRET);\nexport const verify = (t) => jwt.verify(t, ACCESS_TOKEN_SECRET);`,
      errors: [
        {
          messageId: 'hardcodedKey',
          data: { callee: 'jsonwebtoken.sign' },
          line: 1,
          column: 29,
          suggestions: [
            {
              messageId: 'useEnv',
              data: { env: 'ACCESS_TOKEN_SECRET' },
              output: `const ACCESS_TOKEN_SECRET = process.env.ACCESS_TOKEN_SECRET;\nexport const sign = (p) => jwt.sign(p, ACCESS_TOKEN_SECRET);\nexport const verify = (t) => jwt.verify(t, ACCESS_TOKEN_SECRET);`,
            },
          ],
        },
      ],
    }),
    // fallbacks
    ...jwtInvalid({
      code: `const token = jwt.sign(payload, process.env.JWT_SECRET || 'dev-secret', { expiresIn: '15m' });`,
      errors: [
        {
          messageId: 'hardcodedFallback',
          data: { callee: 'jsonwebtoken.sign' },
          line: 1,
          column: 59,
          suggestions: [
            {
              messageId: 'removeFallback',
              data: { env: 'JWT_SECRET' },
              output: `const token = jwt.sign(payload, process.env.JWT_SECRET, { expiresIn: '15m' });`,
            },
          ],
        },
      ],
    }),
    {
      code: `import jwt from 'jsonwebtoken';\nconst JWT_SECRET = process.env.JWT_SECRET ?? 'change-me';\njwt.verify(token, JWT_SECRET, { algorithms: ['HS256'] });`,
      errors: [
        {
          messageId: 'hardcodedFallback',
          data: { callee: 'jsonwebtoken.verify' },
          line: 2,
          column: 46,
          suggestions: [
            {
              messageId: 'removeFallback',
              data: { env: 'JWT_SECRET' },
              output: `import jwt from 'jsonwebtoken';\nconst JWT_SECRET = process.env.JWT_SECRET;\njwt.verify(token, JWT_SECRET, { algorithms: ['HS256'] });`,
            },
          ],
        },
      ],
    },
    {
      name: 'NODE_ENV ternary',
      code: `import jwt from 'jsonwebtoken';\nconst secret = process.env.NODE_ENV === 'production' ? process.env.JWT_SECRET! : 'dev';\njwt.sign(p, secret);`,
      errors: [
        {
          messageId: 'hardcodedFallback',
          line: 2,
          column: 82,
          suggestions: [
            { messageId: 'removeFallback', output: `import jwt from 'jsonwebtoken';\nconst secret = process.env.JWT_SECRET!;\njwt.sign(p, secret);` },
          ],
        },
      ],
    },
    {
      name: 'a fallback of a runtime value that is not the environment (no suggestion)',
      code: `import jwt from 'jsonwebtoken';\nexport function issue(p: object, secret?: string) { return jwt.sign(p, secret || 'default'); }`,
      errors: [{ messageId: 'hardcodedFallback', line: 2, column: 82, suggestions: [] }],
    },
    {
      name: 'a fallback with a comment inside is reported without suggestion',
      code: `import jwt from 'jsonwebtoken';\njwt.sign(p, process.env.S /* prod */ || 'dev');`,
      errors: [{ messageId: 'hardcodedFallback', line: 2, column: 41, suggestions: [] }],
    },
    // jose: TextEncoder, the builder's sign, jwtVerify, import-key
    ...joseInvalid(['SignJWT'], {
      code: `const secret = new TextEncoder().encode('cc7e0d44fd473002f1c42167459001140ec6389b7353f8088f4d9a95f2f596f2');\nconst jwt = await new SignJWT({ 'urn:example:claim': true })\n  .setProtectedHeader({ alg: 'HS256' })\n  .setExpirationTime('2h')\n  .sign(secret);`,
      errors: [{ messageId: 'hardcodedKey', data: { callee: 'jose.SignJWT#sign' }, line: 1, column: 41, suggestions: [{ messageId: 'useEnv', output: `const secret = new TextEncoder().encode(process.env.JWT_SECRET);\nconst jwt = await new SignJWT({ 'urn:example:claim': true })\n  .setProtectedHeader({ alg: 'HS256' })\n  .setExpirationTime('2h')\n  .sign(secret);` }] }],
    }),
    ...joseInvalid(['jwtVerify'], {
      code: `const { payload } = await jwtVerify(token, new TextEncoder().encode(process.env.JWT_SECRET ?? 'dev'));`,
      errors: [{ messageId: 'hardcodedFallback', data: { callee: 'jose.jwtVerify' }, line: 1, column: 95, suggestions: [{ messageId: 'removeFallback', output: `const { payload } = await jwtVerify(token, new TextEncoder().encode(process.env.JWT_SECRET));` }] }],
    }),
    {
      code: `import { importPKCS8, SignJWT } from 'jose';\nconst key = await importPKCS8(${PRIVATE_PEM}, 'RS256');\nawait new SignJWT({}).setProtectedHeader({ alg: 'RS256' }).sign(key);`,
      errors: [{ messageId: 'hardcodedKey', data: { callee: 'jose.importPKCS8' }, line: 2, column: 31, suggestions: [] }],
    },
    {
      code: `import { importJWK } from 'jose';\nconst key = await importJWK({ kty: 'EC', crv: 'P-256', x: 'a', y: 'b', d: 'c' }, 'ES256');`,
      errors: [{ messageId: 'hardcodedKey', data: { callee: 'jose.importJWK' }, line: 2, column: 29, suggestions: [] }],
    },
    {
      code: `import { createSecretKey } from 'node:crypto';\nconst key = createSecretKey(Buffer.from('a-long-enough-secret-value', 'utf8'));`,
      errors: [{ messageId: 'hardcodedKey', data: { callee: 'node:crypto.createSecretKey' }, line: 2, column: 29 }],
    },
    // a private key in a sign call, and one anywhere in source
    {
      code: `import jwt from 'jsonwebtoken';\nconst PRIVATE_KEY = ${PRIVATE_PEM};\njwt.sign(p, PRIVATE_KEY, { algorithm: 'RS256' });`,
      errors: [{ messageId: 'hardcodedKey', data: { callee: 'jsonwebtoken.sign' }, line: 2, column: 21, suggestions: [] }],
    },
    {
      code: `export const keys = { signing: ${PRIVATE_PEM} };`,
      errors: [{ messageId: 'privateKeyInSource', line: 1, column: 32 }],
    },
    {
      name: 'a private key in a template literal',
      code: 'const key = `' + PRIVATE_PEM.slice(1, -1).replace(/\\n/g, '\n') + '`;',
      errors: [{ messageId: 'privateKeyInSource', line: 1, column: 13 }],
    },
    {
      name: 'a private key built by concatenation',
      code: `const key = '-----BEGIN RSA PRIVATE KEY-----\\n' +\n  'MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw\\n' +\n  '-----END RSA PRIVATE KEY-----';`,
      errors: [{ messageId: 'privateKeyInSource', line: 1, column: 13, endLine: 3 }],
    },
    // secret-named variables and properties holding fallbacks, without a sign call in the file
    // (the environment is found from the global scope: Deno, Bun, globalThis.process, import.meta)
    {
      code: `export const JWT_SECRET = Deno.env.get('JWT_SECRET') ?? 'dev';`,
      errors: [{ messageId: 'secretFallback', data: { name: 'JWT_SECRET' }, line: 1, column: 57, suggestions: [{ messageId: 'removeFallback', data: { env: 'JWT_SECRET' }, output: `export const JWT_SECRET = Deno.env.get('JWT_SECRET');` }] }],
    },
    {
      code: `export const jwtSecret = import.meta.env.VITE_JWT_SECRET || 'dev';`,
      errors: [{ messageId: 'secretFallback', data: { name: 'jwtSecret' }, line: 1, column: 61, suggestions: [{ messageId: 'removeFallback', data: { env: 'VITE_JWT_SECRET' }, output: `export const jwtSecret = import.meta.env.VITE_JWT_SECRET;` }] }],
    },
    {
      code: `export const JWT_SECRET = process.env.JWT_SECRET || 'dev';`,
      errors: [
        {
          messageId: 'secretFallback',
          data: { name: 'JWT_SECRET' },
          line: 1,
          column: 53,
          suggestions: [{ messageId: 'removeFallback', data: { env: 'JWT_SECRET' }, output: `export const JWT_SECRET = process.env.JWT_SECRET;` }],
        },
      ],
    },
    {
      code: `export default {\n  port: process.env.PORT || 3000,\n  jwtSecret: process.env.S ?? 'x',\n  refreshTokenSecret: process.env.NODE_ENV === 'production' ? process.env.REFRESH_SECRET : 'refresh-dev',\n};`,
      errors: [
        { messageId: 'secretFallback', data: { name: 'jwtSecret' }, line: 3, column: 31, suggestions: [{ messageId: 'removeFallback', data: { env: 'S' }, output: `export default {\n  port: process.env.PORT || 3000,\n  jwtSecret: process.env.S,\n  refreshTokenSecret: process.env.NODE_ENV === 'production' ? process.env.REFRESH_SECRET : 'refresh-dev',\n};` }] },
        { messageId: 'secretFallback', data: { name: 'refreshTokenSecret' }, line: 4, column: 92, suggestions: [{ messageId: 'removeFallback', data: { env: 'REFRESH_SECRET' }, output: `export default {\n  port: process.env.PORT || 3000,\n  jwtSecret: process.env.S ?? 'x',\n  refreshTokenSecret: process.env.REFRESH_SECRET,\n};` }] },
      ],
    },
    {
      code: `class AuthConfig {\n  private readonly jwtSecret = process.env.JWT_SECRET || 'nest-secret';\n}\nconfig.signingKey = process.env.SIGNING_KEY || 'k';`,
      errors: [
        { messageId: 'secretFallback', data: { name: 'jwtSecret' }, line: 2, column: 58, suggestions: [{ messageId: 'removeFallback', output: `class AuthConfig {\n  private readonly jwtSecret = process.env.JWT_SECRET;\n}\nconfig.signingKey = process.env.SIGNING_KEY || 'k';` }] },
        { messageId: 'secretFallback', data: { name: 'signingKey' }, line: 4, column: 48, suggestions: [{ messageId: 'removeFallback', output: `class AuthConfig {\n  private readonly jwtSecret = process.env.JWT_SECRET || 'nest-secret';\n}\nconfig.signingKey = process.env.SIGNING_KEY;` }] },
      ],
    },
    // relative-module constants: reported at the use, never in the other file
    {
      code: `import jwt from 'jsonwebtoken';\nimport { JWT_SECRET, PLAIN } from './config';\njwt.sign(p, JWT_SECRET);\njwt.verify(t, PLAIN);`,
      filename: inDir('b.ts'),
      errors: [
        { messageId: 'hardcodedFallback', data: { callee: 'jsonwebtoken.sign' }, line: 3, column: 13, suggestions: [] },
        { messageId: 'hardcodedKey', data: { callee: 'jsonwebtoken.verify' }, line: 4, column: 15, suggestions: [] },
      ],
    },
    // other modelled libraries light up through the same model shape (key arguments and `key` option concepts)
    {
      code: `import { expressjwt } from 'express-jwt';\napp.use(expressjwt({ secret: 'shared-secret', algorithms: ['HS256'] }));`,
      errors: [{ messageId: 'hardcodedKey', data: { callee: 'express-jwt.expressjwt' }, line: 2, column: 30, suggestions: [{ messageId: 'useEnv', output: `import { expressjwt } from 'express-jwt';\napp.use(expressjwt({ secret: process.env.JWT_SECRET, algorithms: ['HS256'] }));` }] }],
    },
    {
      code: `import { JwtModule } from '@nestjs/jwt';\nexport const jwtModule = JwtModule.register({ secret: 'nest-secret', signOptions: { expiresIn: '60s' } });`,
      errors: [{ messageId: 'hardcodedKey', data: { callee: '@nestjs/jwt.JwtModule.register' }, line: 2, column: 55, suggestions: [{ messageId: 'useEnv', output: `import { JwtModule } from '@nestjs/jwt';\nexport const jwtModule = JwtModule.register({ secret: process.env.JWT_SECRET, signOptions: { expiresIn: '60s' } });` }] }],
    },
    {
      code: `import { Strategy, ExtractJwt } from 'passport-jwt';\nconst opts = { jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: process.env.JWT_SECRET ?? 'dev' };\npassport.use(new Strategy(opts, (payload, done) => done(null, payload)));`,
      errors: [{ messageId: 'hardcodedFallback', data: { callee: 'passport-jwt.Strategy' }, line: 2, column: 113, suggestions: [{ messageId: 'removeFallback', output: `import { Strategy, ExtractJwt } from 'passport-jwt';\nconst opts = { jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: process.env.JWT_SECRET };\npassport.use(new Strategy(opts, (payload, done) => done(null, payload)));` }] }],
    },
    // realistic: an Express login route
    {
      code: `const express = require('express');
const jwt = require('jsonwebtoken');
const router = express.Router();
const SECRET = process.env.SECRET || 'supersecret123';
router.post('/login', async (req, res) => {
  const user = await User.findOne({ email: req.body.email });
  const token = jwt.sign({ id: user._id }, SECRET, { expiresIn: '1h' });
  res.json({ token });
});
module.exports = router;`,
      filename: 'routes.js',
      errors: [{ messageId: 'hardcodedFallback', data: { callee: 'jsonwebtoken.sign' }, line: 4, column: 38, suggestions: [{ messageId: 'removeFallback', data: { env: 'SECRET' }, output: `const express = require('express');
const jwt = require('jsonwebtoken');
const router = express.Router();
const SECRET = process.env.SECRET;
router.post('/login', async (req, res) => {
  const user = await User.findOne({ email: req.body.email });
  const token = jwt.sign({ id: user._id }, SECRET, { expiresIn: '1h' });
  res.json({ token });
});
module.exports = router;` }] }],
    },
    // realistic: a Nest-style service with a class field
    {
      code: `import { Injectable } from '@nestjs/common';
import * as jwt from 'jsonwebtoken';
@Injectable()
export class AuthService {
  private readonly secret = 'nest-jwt-secret';
  login(user: { id: string }) {
    return jwt.sign({ sub: user.id }, this.secret, { expiresIn: '15m' });
  }
}`,
      errors: [{ messageId: 'hardcodedKey', data: { callee: 'jsonwebtoken.sign' }, line: 5, column: 29, suggestions: [{ messageId: 'useEnv', output: `import { Injectable } from '@nestjs/common';
import * as jwt from 'jsonwebtoken';
@Injectable()
export class AuthService {
  private readonly secret = process.env.JWT_SECRET;
  login(user: { id: string }) {
    return jwt.sign({ sub: user.id }, this.secret, { expiresIn: '15m' });
  }
}` }] }],
    },
    // realistic: a Next.js route handler with jose, TSX
    {
      code: `import { SignJWT } from 'jose';
import { NextResponse } from 'next/server';
const key = new TextEncoder().encode(process.env.JWT_SECRET || 'next-dev-secret');
export async function POST() {
  const token = await new SignJWT({ role: 'user' }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('15m').sign(key);
  return NextResponse.json({ ok: <b>{token}</b> });
}`,
      filename: 'route.tsx',
      errors: [{ messageId: 'hardcodedFallback', data: { callee: 'jose.SignJWT#sign' }, line: 3, column: 64, suggestions: [{ messageId: 'removeFallback', output: `import { SignJWT } from 'jose';
import { NextResponse } from 'next/server';
const key = new TextEncoder().encode(process.env.JWT_SECRET);
export async function POST() {
  const token = await new SignJWT({ role: 'user' }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('15m').sign(key);
  return NextResponse.json({ ok: <b>{token}</b> });
}` }] }],
    },
  ] satisfies Invalid[],
});
