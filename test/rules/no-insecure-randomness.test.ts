import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../rules/no-insecure-randomness.js';

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
    // exchange nonces are increasing counters
    'const nonce = Date.now().toString();',
    // shadowed Math
    'function f(Math) { const token = Math.random(); return token; }',
    // UI: React keys, useState ids
    "const [id] = useState(() => Math.random().toString(36).slice(2));",
    'const el = <li key={Math.random()}>{x}</li>;',
    // a neutral function used for neutral things
    'function randomString(n) { return Math.random().toString(36).slice(2, 2 + n); } const fileName = randomString(8);',
  ].map((code) => ({ code, filename: code.includes('<li') ? 'file.tsx' : 'file.ts' })),
  invalid: [
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
