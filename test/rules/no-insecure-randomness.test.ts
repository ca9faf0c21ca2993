import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../rules/no-insecure-randomness.js';
import { commonjs } from './language-options.js';

const ruleTester = new RuleTester();

ruleTester.run('no-insecure-randomness', rule, {
  valid: [
    // jitter, backoff, sampling, shuffles, UI randomness
    'const delay = Math.random() * 1000; await sleep(delay);',
    'const jitter = Math.floor(Math.random() * 100); setTimeout(retry, base * 2 ** attempt + jitter);',
    'if (Math.random() < 0.1) track(event);',
    'const shuffled = items.sort(() => Math.random() - 0.5);',
    "const color = '#' + Math.floor(Math.random() * 16777215).toString(16);",
    'const todo = { id: Math.random().toString(36).slice(2), title };',
    'function generateId() { return Math.random().toString(36).slice(2); }',
    'const requestId = Math.random().toString(36).slice(2);',
    'const traceId = `${Date.now()}-${Math.random().toString(36).slice(2)}`;',
    // clocks in time claims and expiries
    "const token = jwt.sign({ sub: user.id, iat: Math.floor(Date.now() / 1000) }, secret);",
    'const resetTokenExpires = Date.now() + 3600000;',
    "user.resetToken = crypto.randomBytes(32).toString('hex');",
    // a strong source in the same value
    "const token = crypto.randomBytes(16).toString('hex') + Date.now().toString(36);",
    // exchange nonces are increasing counters, in files that HMAC-sign their requests
    "const nonce = Date.now().toString();\nconst signature = crypto.createHmac('sha512', apiSecret).update(nonce + body).digest('hex');",
    // shadowed Math
    'function f(Math) { const token = Math.random(); return token; }',
    // UI: React keys, useState ids
    "const [id] = useState(() => Math.random().toString(36).slice(2));",
    'const el = <li key={Math.random()}>{x}</li>;',
    // a neutral function used for neutral things
    'function randomString(n) { return Math.random().toString(36).slice(2, 2 + n); } const fileName = randomString(8);',
  ].map((code): { code: string; filename?: string } => ({ code, filename: code.includes('<li') ? 'file.tsx' : 'file.ts' })).concat([
    { code: "import { v4 as uuidv4 } from 'uuid';\nconst sessionId = uuidv4();" },
    { code: "import { v1 } from 'uuid';\nconst eventId = v1();" },
    { code: "const v1 = () => 'x';\nconst sessionId = v1();" },
    { code: "import { nanoid } from 'nanoid';\nconst resetToken = nanoid(32);" },
    { code: 'const store = reactive({ items: [], seed: Math.random() });' },
    { code: 'export default { data() { return { uid: Math.random().toString(36).slice(2), open: false }; } };' },
    { code: 'const styles = { left: `${Math.random() * 100}%`, animationDelay: `${Math.random() * 2}s` };' },
    { code: 'const idx = Math.floor(Math.random() * quotes.length); const quote = quotes[idx];' },
    { code: 'const createdAt = Date.now();' },
    { code: 'const cacheBuster = `?v=${Date.now()}`; const url = `/api/data${cacheBuster}`;' },
    { code: 'const name = `upload-${Date.now()}-${Math.round(Math.random() * 1e9)}.png`;' },
    { code: 'const timestamp = Date.now(); const signature = hmac(secret, timestamp);' },
    { code: 'const maxTokens = Math.floor(Math.random() * 1000);' },
    { code: 'function randomDelay() { return Math.random() * 500; }\nconst delayMs = randomDelay();' },
    { code: 'const Date = { now: () => 1 }; const token = Date.now().toString(36);' },
    { code: 'const otpExpiresAt = Date.now() + 5 * 60 * 1000;' },
    { code: "const x = { nonce: Date.now() };\nheaders['API-Sign'] = hmacSha512(secret, x);" },
    // session id generators that use a strong source
    { code: "import session from 'express-session';\nimport { randomUUID } from 'node:crypto';\napp.use(session({ secret, genid: () => randomUUID() }));" },
    { code: "const token = localStorage.getItem('token') ?? '';\nconst retryIn = Math.random() * 1000;" },
    { code: 'class Particle { x = Math.random() * width; y = Math.random() * height; }' },
    // template text naming something that need not be unguessable
    { code: 'const line = `retry_after=${Math.ceil(Math.random() * 30)}`;' },
    { code: 'el.style.cssText = `left: ${Math.random() * 100}%; top: ${Math.random() * 100}%`;' },
    { code: 'const url = `/api/items?seed=${Math.random()}&page=${page}`;' },
    { code: 'console.log(`Bearer ${Math.random().toString(36)}`);' },
    { code: 'const env = [`START_TS=${Date.now()}`, `PORT=3000`];' },
    { code: "import { randomBytes } from 'node:crypto';\nconst token = `${randomBytes(24).toString('hex')}.${Date.now()}`;" },
  ]),
  invalid: [
    {
      name: 'an OpenID Connect nonce from the clock (no request signing in the file)',
      code: "export function authorizeUrl(cfg) {\n  const nonce = Date.now().toString(36);\n  sessionStorage.setItem('oidc_nonce', nonce);\n  return `${cfg.issuer}/authorize?${new URLSearchParams({ client_id: cfg.clientId, nonce })}`;\n}",
      errors: [{ messageId: 'insecureRandomness', data: { source: 'Date.now()', sink: '`nonce`' }, line: 2, column: 17,
        suggestions: [{ messageId: 'useSecureRandom', data: { replacement: 'crypto.randomUUID()' },
          output: "export function authorizeUrl(cfg) {\n  const nonce = crypto.randomUUID();\n  sessionStorage.setItem('oidc_nonce', nonce);\n  return `${cfg.issuer}/authorize?${new URLSearchParams({ client_id: cfg.clientId, nonce })}`;\n}" }] }],
    },
    {
      name: 'a session id generator option built from the clock',
      code: "import session from 'express-session';\napp.use(session({ secret, genid: () => `${Date.now().toString(36)}-${process.pid}` }));",
      errors: [{ messageId: 'insecureRandomness', data: { source: 'Date.now()', sink: 'the result of `genid()`' }, line: 2, column: 43,
        suggestions: [{ messageId: 'useSecureRandom', data: { replacement: 'crypto.randomUUID()' },
          output: "import session from 'express-session';\napp.use(session({ secret, genid: () => `${crypto.randomUUID()}-${process.pid}` }));" }] }],
    },
    {
      name: 'a neutral property of an object handed to a store call, named by what the call stores',
      code: "export async function invite(email, orgId) {\n  return Invitations.create({ email, orgId, code: Math.random().toString(36).slice(2, 10) });\n}",
      errors: [{ messageId: 'insecureRandomness', data: { source: 'Math.random()', sink: '`Invitation_code`' }, line: 2, column: 51 }],
    },
    {
      name: 'a join code returned from a rotate function',
      code: "export class Classroom {\n  rotateJoinCode() {\n    return Math.random().toString(36).slice(2, 8).toUpperCase();\n  }\n}",
      errors: [{ messageId: 'insecureRandomness', data: { source: 'Math.random()', sink: 'the result of `rotateJoinCode()`' }, line: 3, column: 12 }],
    },
    {
      name: 'a code hashed before it is stored, mailed in plain',
      code: "import crypto from 'node:crypto';\nconst sha256 = (v) => crypto.createHash('sha256').update(v).digest('hex');\nexport async function requestReset(account, resets, mailer) {\n  const code = Math.random().toString().slice(2, 8);\n  await resets.save({ accountId: account.id, codeHash: sha256(code) });\n  await mailer.send({ to: account.email, vars: { code } });\n}",
      errors: [{ messageId: 'insecureRandomness', data: { source: 'Math.random()', sink: '`code`' }, line: 4, column: 16 }],
    },
    {
      name: 'a one-time code handed to a function named for its purpose',
      code: "export async function send(c) {\n  const code = ((Math.random() * 1e6) | 0).toString().padStart(6, '0');\n  await sendVerificationEmail(c.env, c.get('userId'), code);\n}",
      errors: [{ messageId: 'insecureRandomness', data: { source: 'Math.random()', sink: '`code`, passed to `sendVerificationEmail()`,' }, line: 2, column: 18 }],
    },
    // template text naming the destination: an .env generator, a query parameter
    {
      name: '.env generator: the value lands in `JWT_SECRET=…` through a neutral helper',
      code: "const fs = require('fs');\nconst CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';\nfunction randomString(length) {\n  let out = '';\n  for (let i = 0; i < length; i++) {\n    out += CHARS.charAt(Math.floor(Math.random() * CHARS.length));\n  }\n  return out;\n}\nconst lines = ['NODE_ENV=development', `JWT_SECRET=${randomString(48)}`];\nfs.writeFileSync('.env', lines.join('\\n'));",
      filename: 'gen-env.js',
      languageOptions: commonjs,
      errors: [{ messageId: 'insecureRandomness', data: { source: 'Math.random()', sink: '`JWT_SECRET`' }, line: 6, column: 36 }],
    },
    {
      name: 'a token in a query string',
      code: 'export const link = (email: string) => `https://app.example/verify?email=${email}&token=${Math.random().toString(36)}`;',
      errors: [
        {
          messageId: 'insecureRandomness',
          data: { source: 'Math.random()', sink: '`token`' },
          line: 1,
          column: 91,
          suggestions: [{ messageId: 'useSecureRandom', output: 'export const link = (email: string) => `https://app.example/verify?email=${email}&token=${crypto.randomUUID()}`;' }],
        },
      ],
    },
    // front end: a Pinia store, a React component, a Vue/Angular service
    {
      code: "import { defineStore } from 'pinia';\nexport const useAuth = defineStore('auth', { state: () => ({ csrfToken: Math.random().toString(36).substring(2) }) });",
      errors: [{ messageId: 'insecureRandomness', data: { source: 'Math.random()', sink: '`csrfToken`' }, line: 2, suggestions: [{ messageId: 'useSecureRandom', output: "import { defineStore } from 'pinia';\nexport const useAuth = defineStore('auth', { state: () => ({ csrfToken: crypto.randomUUID() }) });" }] }],
    },
    {
      code: "import { useState } from 'react';\nexport function Login() {\n  const [nonce, setNonce] = useState('');\n  const start = () => setNonce(Math.random().toString(36).slice(2));\n  return <button onClick={start}>{nonce}</button>;\n}",
      filename: 'Login.tsx',
      errors: [{ messageId: 'insecureRandomness', data: { source: 'Math.random()', sink: '`Nonce`' }, line: 4, suggestions: [{ messageId: 'useSecureRandom', output: "import { useState } from 'react';\nexport function Login() {\n  const [nonce, setNonce] = useState('');\n  const start = () => setNonce(crypto.randomUUID());\n  return <button onClick={start}>{nonce}</button>;\n}" }] }],
    },
    {
      code: "export const Page = () => <script nonce={String(Math.random())} />;",
      filename: 'Page.tsx',
      errors: [{ messageId: 'insecureRandomness', data: { source: 'Math.random()', sink: '`nonce`' }, suggestions: [] }],
    },
    {
      code: "@Injectable({ providedIn: 'root' })\nexport class OAuthService {\n  login() {\n    const params = new URLSearchParams({ state: Math.random().toString(36).slice(2), client_id: CLIENT_ID });\n    location.href = `${AUTHORIZE_URL}?${params}`;\n  }\n}",
      errors: [{ messageId: 'insecureRandomness', data: { source: 'Math.random()', sink: '`state`' }, line: 4, suggestions: [{ messageId: 'useSecureRandom', output: "@Injectable({ providedIn: 'root' })\nexport class OAuthService {\n  login() {\n    const params = new URLSearchParams({ state: crypto.randomUUID(), client_id: CLIENT_ID });\n    location.href = `${AUTHORIZE_URL}?${params}`;\n  }\n}" }] }],
    },
    // server: Express route, Nest service, sessions, cookies, OTP by digits
    {
      code: "const express = require('express');\nconst app = express();\napp.post('/login', (req, res) => {\n  res.cookie('sid', Date.now().toString(36) + Math.random().toString(36).slice(2), { httpOnly: true });\n  res.end();\n});",
      filename: 'server.js',
      languageOptions: commonjs,
      errors: [{ messageId: 'insecureRandomness', data: { source: 'Date.now()', sink: '`sid`' }, line: 4, column: 21, suggestions: [] }],
    },
    {
      code: "import { Injectable } from '@nestjs/common';\n@Injectable()\nexport class AuthService {\n  createVerification(userId: string) {\n    const verificationCode = Math.floor(100000 + Math.random() * 900000);\n    return this.repo.save({ userId, verificationCode });\n  }\n}",
      errors: [{ messageId: 'insecureRandomness', data: { source: 'Math.random()', sink: '`verificationCode`' }, line: 5, suggestions: [{ messageId: 'useSecureRandomWithImport', data: { replacement: 'crypto.randomInt(100_000, 1_000_000)' }, output: "import { Injectable } from '@nestjs/common';\nimport crypto from 'node:crypto';\n@Injectable()\nexport class AuthService {\n  createVerification(userId: string) {\n    const verificationCode = crypto.randomInt(100_000, 1_000_000);\n    return this.repo.save({ userId, verificationCode });\n  }\n}" }] }],
    },
    {
      code: "const crypto = require('crypto');\nconst session = { id: Math.random().toString(36).slice(2), userId };",
      filename: 'session.js',
      languageOptions: commonjs,
      errors: [{ messageId: 'insecureRandomness', data: { sink: '`session_id`', source: 'Math.random()' }, suggestions: [{ messageId: 'useSecureRandom', output: "const crypto = require('crypto');\nconst session = { id: crypto.randomUUID(), userId };" }] }],
    },
    {
      code: "import { SignJWT } from 'jose';\nconst jwt = await new SignJWT({ sub }).setProtectedHeader({ alg: 'HS256' }).setJti(String(Date.now())).sign(key);",
      errors: [{ messageId: 'insecureRandomness', data: { source: 'Date.now()', sink: 'the `jti` claim' }, suggestions: [] }],
    },
    {
      code: "import jwt from 'jsonwebtoken';\nconst id = Math.random().toString(36).slice(2);\njwt.sign({ sub }, key, { jwtid: id, expiresIn: '15m' });",
      errors: [{ messageId: 'insecureRandomness', data: { source: 'Math.random()', sink: 'the `jwtid` claim' }, line: 2, suggestions: [{ messageId: 'useSecureRandom', output: "import jwt from 'jsonwebtoken';\nconst id = crypto.randomUUID();\njwt.sign({ sub }, key, { jwtid: id, expiresIn: '15m' });" }] }],
    },
    {
      code: "const uuid = require('uuid');\nmodule.exports.newSession = () => ({ sessionToken: uuid.v1() });",
      filename: 'a.js',
      languageOptions: commonjs,
      errors: [{ messageId: 'insecureRandomness', data: { source: 'uuid.v1()', sink: '`sessionToken`' }, suggestions: [{ messageId: 'useSecureRandom', output: "const uuid = require('uuid');\nmodule.exports.newSession = () => ({ sessionToken: crypto.randomUUID() });" }] }],
    },
    {
      code: "import shortid from 'shortid';\nexport const inviteCode = shortid.generate();",
      errors: [{ messageId: 'insecureRandomness', data: { source: 'shortid.generate()', sink: '`inviteCode`' }, suggestions: [] }],
    },
    {
      code: "import { nanoid } from 'nanoid/non-secure';\nexport const apiKey = `sk_${nanoid(32)}`;",
      errors: [{ messageId: 'insecureRandomness', data: { source: 'nanoid()', sink: '`apiKey`' }, suggestions: [] }],
    },
    {
      code: "import _ from 'lodash';\nuser.otp = _.random(100000, 999999);",
      errors: [{ messageId: 'insecureRandomness', data: { source: '_.random()', sink: '`otp`' }, suggestions: [] }],
    },
    {
      code: "const tempPassword = window.Math.random().toString(36).slice(-8);",
      languageOptions: { globals: { window: 'readonly' } },
      errors: [{ messageId: 'insecureRandomness', data: { source: 'window.Math.random()', sink: '`tempPassword`' }, suggestions: [{ messageId: 'useSecureRandom', output: 'const tempPassword = crypto.randomUUID();' }] }],
    },
    {
      code: "function generateBackupCodes() {\n  const codes = [];\n  for (let i = 0; i < 10; i++) codes.push(Math.random().toString(36).slice(2, 10));\n  return codes;\n}",
      errors: [{ messageId: 'insecureRandomness', data: { source: 'Math.random()', sink: 'the result of `generateBackupCodes()`' }, line: 3, suggestions: [] }],
    },
    {
      code: "const resetToken = createHash('sha256').update(String(Math.random())).digest('hex');",
      errors: [{ messageId: 'insecureRandomness', data: { source: 'Math.random()', sink: '`resetToken`' }, suggestions: [] }],
    },
    {
      code: "const emailVerificationToken = new Date().getTime().toString(36);",
      errors: [{ messageId: 'insecureRandomness', data: { source: 'new Date().getTime()', sink: '`emailVerificationToken`' }, suggestions: [{ messageId: 'useSecureRandom', output: 'const emailVerificationToken = crypto.randomUUID();' }] }],
    },
    {
      code: 'const resetToken = Math.random().toString(36).slice(2);',
      errors: [
        {
          messageId: 'insecureRandomness',
          data: { source: 'Math.random()', sink: '`resetToken`' },
          line: 1,
          column: 20,
          suggestions: [{ messageId: 'useSecureRandom', data: { replacement: 'crypto.randomUUID()' }, output: 'const resetToken = crypto.randomUUID();' }],
        },
      ],
    },
    {
      code: "import express from 'express';\nconst resetToken = Math.random().toString(36).slice(2);",
      errors: [
        {
          messageId: 'insecureRandomness',
          line: 2,
          suggestions: [
            {
              messageId: 'useSecureRandomWithImport',
              data: { replacement: "crypto.randomBytes(32).toString('base64url')" },
              output: "import express from 'express';\nimport crypto from 'node:crypto';\nconst resetToken = crypto.randomBytes(32).toString('base64url');",
            },
          ],
        },
      ],
    },
    {
      code: "import crypto from 'node:crypto';\nexport function generateOtp() {\n  return String(Math.floor(100000 + Math.random() * 900000));\n}",
      errors: [
        {
          messageId: 'insecureRandomness',
          data: { source: 'Math.random()', sink: 'the result of `generateOtp()`' },
          line: 3,
          suggestions: [
            {
              messageId: 'useSecureRandom',
              data: { replacement: 'crypto.randomInt(100_000, 1_000_000)' },
              output: "import crypto from 'node:crypto';\nexport function generateOtp() {\n  return String(crypto.randomInt(100_000, 1_000_000));\n}",
            },
          ],
        },
      ],
    },
    {
      code: "import jwt from 'jsonwebtoken';\nconst token = jwt.sign({ sub: user.id, jti: Date.now().toString(36) }, process.env.JWT_SECRET);",
      errors: [
        {
          messageId: 'insecureRandomness',
          data: { source: 'Date.now()', sink: 'the `jti` claim' },
          line: 2,
          column: 45,
          suggestions: [
            {
              messageId: 'useSecureRandom',
              output: "import jwt from 'jsonwebtoken';\nconst token = jwt.sign({ sub: user.id, jti: crypto.randomUUID() }, process.env.JWT_SECRET);",
            },
          ],
        },
      ],
    },
    {
      code: "import { v1 as uuidv1 } from 'uuid';\nconst sessionId = uuidv1();",
      errors: [{ messageId: 'insecureRandomness', data: { source: 'uuidv1()', sink: '`sessionId`' }, suggestions: [{ messageId: 'useSecureRandom', output: "import { v1 as uuidv1 } from 'uuid';\nconst sessionId = crypto.randomUUID();" }] }],
    },
    {
      code: "function generateToken(length = 32) {\n  const chars = 'abcdefghijklmnopqrstuvwxyz0123456789';\n  let result = '';\n  for (let i = 0; i < length; i++) {\n    result += chars.charAt(Math.floor(Math.random() * chars.length));\n  }\n  return result;\n}",
      errors: [{ messageId: 'insecureRandomness', data: { source: 'Math.random()', sink: 'the result of `generateToken()`' }, line: 5, suggestions: [] }],
    },
    {
      code: "const generateToken = () => [...Array(32)].map(() => chars[Math.floor(Math.random() * chars.length)]).join('');",
      errors: [{ messageId: 'insecureRandomness', data: { source: 'Math.random()', sink: 'the result of `generateToken()`' } }],
    },
    {
      code: "function makeid(n) { let s = ''; while (s.length < n) s += Math.random().toString(36).slice(2); return s; }\nuser.passwordResetToken = makeid(40);",
      errors: [
        {
          messageId: 'insecureRandomness',
          data: { source: 'Math.random()', sink: '`passwordResetToken`' },
          line: 1,
          suggestions: [
            {
              messageId: 'useSecureRandom',
              output: "function makeid(n) { let s = ''; while (s.length < n) s += crypto.randomUUID(); return s; }\nuser.passwordResetToken = makeid(40);",
            },
          ],
        },
      ],
    },
  ],
});
