import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getJwtUsages } from '../../src/analysis/imports.js';
import {
  classifyKeyMaterial,
  containsPemPrivateKey,
  fallbackSite,
  findHardcodedKeys,
  keyExpressions,
  mayReadEnvironment,
  pemKind,
  pemPrivateKeySite,
  secretTargetName,
} from '../../src/analysis/secrets.js';
import { analyze, target } from '../helpers/analyze.js';

const BODY = 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj\nMzEfYyjiWA4R4/M2bS1GB4t7NXp98C3SC6dVMvDuictGeurT8jNbvJZHtCSuYEvu\n';
const PRIVATE_PEM = `-----BEGIN PRIVATE KEY-----\n${BODY}-----END PRIVATE KEY-----\n`;
const RSA_PRIVATE_PEM = `-----BEGIN RSA PRIVATE KEY-----\n${BODY}-----END RSA PRIVATE KEY-----\n`;
const PUBLIC_PEM = `-----BEGIN PUBLIC KEY-----\n${BODY}-----END PUBLIC KEY-----\n`;
const CERT_PEM = `-----BEGIN CERTIFICATE-----\n${BODY}-----END CERTIFICATE-----\n`;

describe('pemKind / containsPemPrivateKey', () => {
  it.each([
    [PRIVATE_PEM, 'private'],
    [RSA_PRIVATE_PEM, 'private'],
    [PRIVATE_PEM.replace(/PRIVATE/g, 'EC PRIVATE'), 'private'],
    [PRIVATE_PEM.replace(/PRIVATE/g, 'ENCRYPTED PRIVATE'), 'private'],
    [PRIVATE_PEM.replace(/PRIVATE/g, 'OPENSSH PRIVATE'), 'private'],
    [PUBLIC_PEM, 'public'],
    [PUBLIC_PEM.replace(/PUBLIC/g, 'RSA PUBLIC'), 'public'],
    [CERT_PEM, 'public'],
    [CERT_PEM + PRIVATE_PEM, 'private'],
    ['just a secret', undefined],
  ])('%#: %s', (text, kind) => {
    expect(pemKind(text)).toBe(kind);
  });

  it('needs key data after a private key header', () => {
    expect(containsPemPrivateKey(PRIVATE_PEM)).toBe(true);
    expect(containsPemPrivateKey(RSA_PRIVATE_PEM.replace('\n', '\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,0123\n\n'))).toBe(true);
    // a wrapper around a value read at runtime, a placeholder, a public key
    expect(containsPemPrivateKey('-----BEGIN PRIVATE KEY-----\n')).toBe(false);
    expect(containsPemPrivateKey('-----BEGIN PRIVATE KEY-----\n\n-----END PRIVATE KEY-----')).toBe(false);
    expect(containsPemPrivateKey('-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----')).toBe(false);
    expect(containsPemPrivateKey('-----BEGIN RSA PRIVATE KEY-----\nYOUR_KEY_HERE\n-----END RSA PRIVATE KEY-----')).toBe(false);
    expect(containsPemPrivateKey(PUBLIC_PEM)).toBe(false);
  });
});

describe('classifyKeyMaterial', () => {
  it.each<[string, unknown, string]>([
    ['a string', 'dev-secret', 'secret'],
    ['an empty string', '', 'none'],
    ['a blank string', '   ', 'none'],
    ['bytes', new Uint8Array([1, 2, 3]), 'secret'],
    ['empty bytes', new Uint8Array(), 'none'],
    ['a PEM private key', PRIVATE_PEM, 'private'],
    ['PEM private key bytes', new Uint8Array(Buffer.from(PRIVATE_PEM)), 'private'],
    ['a PEM public key', PUBLIC_PEM, 'public'],
    ['a certificate', CERT_PEM, 'public'],
    ['PEM public key bytes', new Uint8Array(Buffer.from(PUBLIC_PEM)), 'public'],
    ['a private JWK', { kty: 'EC', crv: 'P-256', x: 'a', y: 'b', d: 'c' }, 'private'],
    ['a public JWK', { kty: 'RSA', n: 'abc', e: 'AQAB' }, 'public'],
    ['a symmetric JWK', { kty: 'oct', k: 'c2VjcmV0' }, 'secret'],
    ['a JWK Set with a private key', { keys: [{ kty: 'RSA', n: 'a', e: 'AQAB' }, { kty: 'RSA', n: 'a', e: 'AQAB', d: 'x' }] }, 'private'],
    ['a public JWK Set', { keys: [{ kty: 'RSA', n: 'a', e: 'AQAB' }] }, 'public'],
    ['an encrypted key object', { key: PRIVATE_PEM, passphrase: 'p' }, 'private'],
    ['a number', 42, 'none'],
    ['null', null, 'none'],
    ['an unrelated object', { issuer: 'x' }, 'none'],
  ])('%s', (_name, value, kind) => {
    expect(classifyKeyMaterial(value)).toBe(kind);
  });
});

type Found = { text: string; kind: string; fallback: boolean; envName?: string };
const found = (code: string, opts: { requireEnv?: boolean; filename?: string } = {}): Found[] =>
  analyze(
    code,
    (context, program) =>
      findHardcodedKeys(context, target(program), opts).map((f) => ({
        text: context.sourceCode.getText(f.node),
        kind: f.kind,
        fallback: f.fallback,
        ...(f.envName ? { envName: f.envName } : {}),
      })),
    opts.filename ? { filename: opts.filename } : {},
  );

describe('findHardcodedKeys', () => {
  it('finds literals and constants', () => {
    expect(found(`target('dev-secret');`)).toEqual([{ text: `'dev-secret'`, kind: 'secret', fallback: false }]);
    expect(found('const SECRET = `s3cret`; target(SECRET);')).toEqual([{ text: '`s3cret`', kind: 'secret', fallback: false }]);
    expect(found(`const cfg = { jwt: { secret: 'x' } }; target(cfg.jwt.secret);`)).toEqual([{ text: `'x'`, kind: 'secret', fallback: false }]);
    expect(found(`const prefix = 'a'; target(\`\${prefix}-secret\`);`)).toEqual([{ text: '`${prefix}-secret`', kind: 'secret', fallback: false }]);
    expect(found(`const a = 'x'; const b = a; target(b as string);`)).toEqual([{ text: `'x'`, kind: 'secret', fallback: false }]);
  });

  it('looks through Buffer.from and TextEncoder', () => {
    expect(found(`target(Buffer.from('abc'));`)).toEqual([{ text: `'abc'`, kind: 'secret', fallback: false }]);
    expect(found(`const key = new TextEncoder().encode('abc'); target(key);`)).toEqual([{ text: `'abc'`, kind: 'secret', fallback: false }]);
    expect(found(`target(Buffer.from('YWJj', 'base64'));`)).toEqual([{ text: `Buffer.from('YWJj', 'base64')`, kind: 'secret', fallback: false }]);
  });

  it('finds fallbacks of environment reads and runtime values', () => {
    expect(found(`target(process.env.JWT_SECRET || 'dev');`)).toEqual([{ text: `'dev'`, kind: 'secret', fallback: true, envName: 'JWT_SECRET' }]);
    expect(found(`const s = process.env.JWT_SECRET ?? 'dev'; target(s);`)).toEqual([
      { text: `'dev'`, kind: 'secret', fallback: true, envName: 'JWT_SECRET' },
    ]);
    expect(found(`target(process.env.NODE_ENV === 'production' ? process.env.JWT_SECRET! : 'dev');`)).toEqual([
      { text: `'dev'`, kind: 'secret', fallback: true, envName: 'JWT_SECRET' },
    ]);
    expect(found(`target(new TextEncoder().encode(process.env.JWT_SECRET || 'dev'));`)).toEqual([
      { text: `'dev'`, kind: 'secret', fallback: true, envName: 'JWT_SECRET' },
    ]);
    expect(found(`const { JWT_SECRET = 'dev' } = process.env; target(JWT_SECRET);`)).toEqual([
      { text: `'dev'`, kind: 'secret', fallback: true, envName: 'JWT_SECRET' },
    ]);
    // a runtime value that is not the environment is still a fallback — unless the caller asks for env only
    expect(found(`function f(s) { target(s || 'dev'); }`)).toEqual([{ text: `'dev'`, kind: 'secret', fallback: true }]);
    expect(found(`function f(s) { target(s || 'dev'); }`, { requireEnv: true })).toEqual([]);
    expect(found(`target(process.env.S || 'dev');`, { requireEnv: true })).toHaveLength(1);
  });

  it('reads constants of relative modules', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'jwtlint-secrets-'));
    writeFileSync(path.join(dir, 'config.ts'), `export const JWT_SECRET = process.env.JWT_SECRET || 'dev';\nexport const PLAIN = 'abc';\n`);
    const file = path.join(dir, 'a.ts');
    expect(found(`import { PLAIN } from './config'; target(PLAIN);`, { filename: file })).toEqual([{ text: 'PLAIN', kind: 'secret', fallback: false }]);
    expect(found(`import { JWT_SECRET } from './config'; target(JWT_SECRET);`, { filename: file })).toEqual([
      { text: 'JWT_SECRET', kind: 'secret', fallback: true, envName: 'JWT_SECRET' },
    ]);
  });

  it.each([
    ['an env read', `target(process.env.JWT_SECRET);`],
    ['an env read with a non-null assertion', `target(process.env.JWT_SECRET!);`],
    ['an env read through a const', `const s = process.env.JWT_SECRET as string; target(s);`],
    ['a fallback to an empty string', `target(process.env.JWT_SECRET || '');`],
    ['a parameter', `function f(key) { target(key); }`],
    ['a file read', `import fs from 'fs'; target(fs.readFileSync('private.pem'));`],
    ['a config getter', `target(config.get('jwt.secret'));`],
    ['a secret manager', `const s = await sm.getSecretValue({ SecretId: 'jwt' }); target(s.SecretString);`],
    ['a public key literal', `target(${JSON.stringify(PUBLIC_PEM)});`],
    ['a public key fallback', `target(process.env.PUB || ${JSON.stringify(CERT_PEM)});`],
    ['a public JWK', `target({ kty: 'RSA', n: 'abc', e: 'AQAB' });`],
    ['a reassigned variable', `let s = 'a'; s = load(); target(s);`],
    ['a non-literal import', `import { secret } from 'some-package'; target(secret);`],
    ['a function (key lookup)', `target((header, cb) => cb(null, 'x'));`],
    ['a numeric fallback', `target(process.env.PORT || 3000);`],
  ])('is empty for %s', (_name, code) => {
    expect(found(code)).toEqual([]);
  });
});

describe('fallbackSite / secretTargetName', () => {
  it('finds the expression to replace and the env read to keep', () => {
    const direct = (code: string) =>
      analyze(code, (context, program) => {
        const decl = program.body[0] as import('@typescript-eslint/utils').TSESTree.VariableDeclaration;
        const init = decl.declarations[0].init!;
        const lit = init.type === 'LogicalExpression' ? init.right : init.type === 'ConditionalExpression' ? init.alternate : init;
        const s = fallbackSite(lit);
        return s && { whole: context.sourceCode.getText(s.whole), keep: context.sourceCode.getText(s.keep) };
      });
    expect(direct(`const s = process.env.S ?? 'x';`)).toEqual({ whole: `process.env.S ?? 'x'`, keep: 'process.env.S' });
    expect(direct(`const s = (process.env.S as string) || ('x' as string);`)).toEqual({ whole: `(process.env.S as string) || ('x' as string)`, keep: 'process.env.S as string' });
    expect(direct(`const s = isProd ? process.env.S : 'x';`)).toEqual({ whole: `isProd ? process.env.S : 'x'`, keep: 'process.env.S' });
    expect(direct(`const s = getS() || 'x';`)).toBeUndefined();
    expect(direct(`const s = 'x';`)).toBeUndefined();
  });
  it('names the env variable after an upper-case secret constant', () => {
    const name = (code: string) => analyze(code, (_c, program) => {
      const decl = program.body[0] as import('@typescript-eslint/utils').TSESTree.VariableDeclaration;
      return secretTargetName(decl.declarations[0].init!);
    });
    expect(name(`const ACCESS_TOKEN_SECRET = 'x';`)).toBe('ACCESS_TOKEN_SECRET');
    expect(name(`const JWT_KEY = 'x' as string;`)).toBe('JWT_KEY');
    expect(name(`const jwtSecret = 'x';`)).toBeUndefined();
    expect(name(`const APP_NAME = 'x';`)).toBeUndefined();
  });
});

describe('keyExpressions', () => {
  const keys = (code: string) =>
    analyze(code, (context) => getJwtUsages(context).flatMap((u) => keyExpressions(context, u).map((k) => `${k.callee}: ${context.sourceCode.getText(k.node)}`)));
  it('checks every key path of the options, not only the first present one', () => {
    expect(keys(`import { JwtModule } from '@nestjs/jwt'; JwtModule.register({ secret: S, privateKey: P });`)).toEqual([
      '@nestjs/jwt.JwtModule.register: S',
      '@nestjs/jwt.JwtModule.register: P',
    ]);
    // `secret: { private, public }`: the private key, not the object holding it
    expect(keys(`import fastifyJwt from '@fastify/jwt'; app.register(fastifyJwt, { secret: { private: P, public: Q } });`)).toEqual([
      '@fastify/jwt.register: P',
    ]);
  });

  it('lists key arguments, builder keys and import-key material', () => {
    expect(keys(`import jwt from 'jsonwebtoken'; jwt.sign(p, A); jwt.verify(t, B, o); jwt.decode(t);`)).toEqual([
      'jsonwebtoken.sign: A',
      'jsonwebtoken.verify: B',
    ]);
    expect(keys(`import { SignJWT, jwtVerify } from 'jose'; await new SignJWT(p).setProtectedHeader({ alg: 'HS256' }).sign(K); await jwtVerify(t, V);`)).toEqual([
      'jose.SignJWT#sign: K',
      'jose.jwtVerify: V',
    ]);
    expect(keys(`import { importPKCS8, importSPKI } from 'jose'; await importPKCS8(P, 'RS256'); await importSPKI(Q, 'RS256');`)).toEqual([
      'jose.importPKCS8: P',
    ]);
    expect(keys(`import crypto from 'node:crypto'; crypto.createSecretKey(S); crypto.createPublicKey(Q);`)).toEqual([
      'node:crypto.createSecretKey: S',
    ]);
    expect(keys(`import jwt from 'jsonwebtoken'; import { promisify } from 'util'; const v = promisify(jwt.verify); await v(t, K);`)).toEqual([
      'jsonwebtoken.verify: K',
    ]);
  });
});

describe('pemPrivateKeySite', () => {
  const site = (code: string) =>
    analyze(code, (context, program) => {
      const t = target(program);
      const lit = (t.type === 'BinaryExpression' ? (function left(n: import('@typescript-eslint/utils').TSESTree.Node): import('@typescript-eslint/utils').TSESTree.Node {
        return n.type === 'BinaryExpression' ? left(n.left) : n;
      })(t) : t) as import('@typescript-eslint/utils').TSESTree.Literal;
      const at = pemPrivateKeySite(context, lit);
      return at && context.sourceCode.getText(at).slice(0, 20);
    });
  it('finds a literal, a template and a known concatenation', () => {
    expect(site(`target(${JSON.stringify(PRIVATE_PEM)});`)).toBe(JSON.stringify(PRIVATE_PEM).slice(0, 20));
    expect(site('target(`' + PRIVATE_PEM + '`);')).toBe(('`' + PRIVATE_PEM).slice(0, 20));
    expect(site(`target('-----BEGIN PRIVATE KEY-----\\n' + ${JSON.stringify(BODY)} + '-----END PRIVATE KEY-----');`)).toBe(`'-----BEGIN PRIVATE `);
  });
  it('is undefined for wrappers of runtime values, placeholders and public keys', () => {
    expect(site(`target('-----BEGIN PRIVATE KEY-----\\n' + process.env.KEY + '\\n-----END PRIVATE KEY-----');`)).toBeUndefined();
    expect(site('target(`-----BEGIN PRIVATE KEY-----\\n${process.env.KEY}\\n-----END PRIVATE KEY-----`);')).toBeUndefined();
    expect(site(`target(${JSON.stringify(PUBLIC_PEM)});`)).toBeUndefined();
  });
});

describe('mayReadEnvironment', () => {
  const reads = (code: string, sourceType?: 'module' | 'commonjs') => analyze(code, (ctx) => mayReadEnvironment(ctx), sourceType ? { sourceType } : {});
  it.each([
    'const s = process.env.JWT_SECRET;',
    "const s = Deno.env.get('JWT_SECRET');",
    'const s = Bun.env.JWT_SECRET;',
    'const s = globalThis.process.env.JWT_SECRET;',
    'const s = import.meta.env.VITE_SECRET;',
    'function f() { return process.env.X; }',
    "const { env } = process; const s = env.JWT_SECRET || 'dev';",
    "const s = process['env'].JWT_SECRET;",
  ])('yes: %s', (code) => expect(reads(code)).toBe(true));
  it.each([
    'const env = loadEnv(); const s = env.SECRET;',
    "const s = config.get('secret');",
    'const process = makeProcess(); process.run();',
    '// process.env.JWT_SECRET is read elsewhere\nconst x = 1;',
    'process.nextTick(done); const arch = process.platform;',
  ])('no: %s', (code) => expect(reads(code)).toBe(false));
});
