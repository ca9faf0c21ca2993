import { describe, expect, it } from 'vitest';
import { CALL } from '@eslint-community/eslint-utils';
import {
  getArg,
  getChainCall,
  getJwtUsages,
  importedModules,
  iterateModuleReferences,
  moduleLoads,
  moduleMaps,
  normalizeSpecifier,
} from '../../src/analysis/imports.js';
import { analyze } from '../helpers/analyze.js';

type Opts = Parameters<typeof analyze>[2];
const apis = (code: string, opts?: Opts) =>
  analyze(code, (context) => getJwtUsages(context).map((u) => u.api), opts);

describe('getJwtUsages: how a library is loaded', () => {
  const verify = ['jsonwebtoken.verify'];
  it.each<[string, string, Opts?]>([
    ['ESM default import', `import jwt from 'jsonwebtoken'; jwt.verify(t, k);`],
    ['ESM namespace import', `import * as jwt from 'jsonwebtoken'; jwt.verify(t, k);`],
    ['ESM named import', `import { verify } from 'jsonwebtoken'; verify(t, k);`],
    ['ESM aliased import', `import { verify as check } from 'jsonwebtoken'; check(t, k);`],
    ['require in a CommonJS file', `const jwt = require('jsonwebtoken'); jwt.verify(t, k);`, { sourceType: 'commonjs', filename: '/x/a.js' }],
    ['require in a file parsed as a module', `const jwt = require('jsonwebtoken'); jwt.verify(t, k);`, { filename: '/x/a.js' }],
    ['destructured require', `const { verify } = require('jsonwebtoken'); verify(t, k);`],
    ['aliased destructured require', `const { verify: v } = require('jsonwebtoken'); v(t, k);`],
    ['require member directly', `require('jsonwebtoken').verify(t, k);`],
    ['await import', `const jwt = await import('jsonwebtoken'); jwt.verify(t, k);`],
    ['await import default', `const { default: jwt } = await import('jsonwebtoken'); jwt.verify(t, k);`],
    ['TS import equals', `import jwt = require('jsonwebtoken'); jwt.verify(t, k);`],
    ['alias through a const', `import jwt from 'jsonwebtoken'; const lib = jwt; lib.verify(t, k);`],
    ['promisify', `import { promisify } from 'util'; import jwt from 'jsonwebtoken'; const v = promisify(jwt.verify); await v(t, k);`],
    ['promisify of a named import', `import util from 'node:util'; import { verify } from 'jsonwebtoken'; const v = util.promisify(verify); await v(t, k);`],
  ])('%s', (_name, code, opts) => {
    expect(apis(code, opts).map((a) => a.replace('(promisified)', ''))).toEqual(verify);
  });

  it.each([
    ['a local object named jwt', `const jwt = { verify(t, k) { return true; } }; jwt.verify(t, k);`],
    ['a parameter named jwt', `function f(jwt) { return jwt.verify(t, k); }`],
    ['another library', `import jwt from 'my-jwt-wrapper'; jwt.verify(t, k);`],
    ['a shadowed import', `import jwt from 'jsonwebtoken'; function f(jwt) { jwt.verify(t, k); }`],
    ['a method named verify on something else', `import jwt from 'jsonwebtoken'; bcrypt.verify(t, k); user.sign(x);`],
    ['require of a relative module', `const jwt = require('./jsonwebtoken'); jwt.verify(t, k);`],
    ['a local require function', `function require(x) { return {}; } const jwt = require('jsonwebtoken'); jwt.verify(t, k);`],
  ])('stays silent on %s', (_name, code) => {
    expect(apis(code)).toEqual([]);
  });
});

describe('getJwtUsages: jose', () => {
  it('finds calls and constructions from named, namespace, require and dynamic imports', () => {
    expect(apis(`import { jwtVerify, SignJWT } from 'jose'; await jwtVerify(t, k); new SignJWT({});`)).toEqual([
      'jose.jwtVerify',
      'jose.SignJWT',
    ]);
    expect(apis(`import * as jose from 'jose'; await jose.jwtVerify(t, k);`)).toEqual(['jose.jwtVerify']);
    expect(apis(`const { jwtVerify } = require('jose'); jwtVerify(t, k);`)).toEqual(['jose.jwtVerify']);
    expect(apis(`const { decodeJwt } = await import('jose'); decodeJwt(t);`)).toEqual(['jose.decodeJwt']);
    expect(apis(`import { UnsecuredJWT } from 'jose'; UnsecuredJWT.decode(t);`)).toEqual(['jose.UnsecuredJWT.decode']);
  });

  it('collects a builder chain, inline and through a variable', () => {
    const chain = (code: string) =>
      analyze(code, (context) => {
        const u = getJwtUsages(context)[0];
        return { chain: u.chain.map((c) => c.name), escapes: u.chainEscapes, exp: getChainCall(u, 'expiresIn')?.node.arguments.length };
      });
    expect(
      chain(`import { SignJWT } from 'jose'; const t = await new SignJWT(p).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('2h').sign(key);`),
    ).toEqual({ chain: ['setProtectedHeader', 'setExpirationTime', 'sign'], escapes: false, exp: 1 });
    expect(
      chain(`import { SignJWT } from 'jose'; const b = new SignJWT(p); b.setProtectedHeader({ alg: 'ES256' }); if (x) { b.setAudience('a'); } return b.sign(k);`),
    ).toEqual({ chain: ['setProtectedHeader', 'setAudience', 'sign'], escapes: false, exp: undefined });
    expect(chain(`import { SignJWT } from 'jose'; function mk() { return new SignJWT(p).setProtectedHeader({ alg: 'ES256' }); }`)).toEqual({
      chain: ['setProtectedHeader'],
      escapes: true,
      exp: undefined,
    });
  });
});

describe('getArg', () => {
  const role = (code: string, r: Parameters<typeof getArg>[1]) =>
    analyze(code, (context) => {
      const a = getArg(getJwtUsages(context)[0], r);
      return a.kind === 'present' ? a.node.type : a.kind;
    });
  it('reads arguments by role, with the callback in the options position', () => {
    expect(role(`import jwt from 'jsonwebtoken'; jwt.verify(t, k, { algorithms: ['RS256'] });`, 'options')).toBe('ObjectExpression');
    expect(role(`import jwt from 'jsonwebtoken'; jwt.verify(t, k);`, 'options')).toBe('absent');
    expect(role(`import jwt from 'jsonwebtoken'; jwt.verify(t, k, (err, d) => {});`, 'options')).toBe('absent');
    expect(role(`import jwt from 'jsonwebtoken'; jwt.verify(t, k, (err, d) => {});`, 'callback')).toBe('ArrowFunctionExpression');
    expect(role(`import jwt from 'jsonwebtoken'; jwt.verify(...args);`, 'options')).toBe('unknown');
    expect(role(`import jwt from 'jsonwebtoken'; jwt.verify(t, ...rest);`, 'options')).toBe('unknown');
    expect(role(`import jwt from 'jsonwebtoken'; jwt.verify(t, k, opts);`, 'options')).toBe('Identifier');
  });

  it('a named function of this file in the options position is the callback', () => {
    for (const decl of [`function onVerified(err, d) {}`, `const onVerified = (err, d) => {};`, `const onVerified = function (err, d) {};`]) {
      const code = `import jwt from 'jsonwebtoken'; ${decl} jwt.verify(t, k, onVerified);`;
      expect(role(code, 'callback')).toBe('Identifier');
      expect(role(code, 'options')).toBe('absent');
    }
    // a parameter, a `let`, an object: could be options
    expect(role(`import jwt from 'jsonwebtoken'; export function f(t, k, done) { jwt.verify(t, k, done); }`, 'options')).toBe('Identifier');
    expect(role(`import jwt from 'jsonwebtoken'; let cb = () => {}; jwt.verify(t, k, cb);`, 'options')).toBe('Identifier');
    expect(role(`import jwt from 'jsonwebtoken'; const o = { algorithms: ['RS256'] }; jwt.verify(t, k, o);`, 'callback')).toBe('absent');
    // jose has no callback in the options position
    expect(role(`import { jwtVerify } from 'jose'; const f = () => {}; jwtVerify(t, k, f);`, 'options')).toBe('Identifier');
  });
});

describe('iterateModuleReferences: one module-reference walk for any trace map', () => {
  // a made-up library, to show the walk is not tied to the JWT models
  const maps = moduleMaps(new Map([['fake-cookies', { set: { [CALL]: 'set' } }]]));
  const found = (code: string, opts?: Opts) =>
    analyze(code, (context) => {
      const loads: string[] = [];
      const refs = [...iterateModuleReferences(context, maps, (specifier, node) => loads.push(`${specifier}:${node.type}`))];
      return { refs: refs.map((r) => `${r.info}@${r.node.loc.start.line}`), loads };
    }, opts);
  it.each<[string, string, Opts?]>([
    ['ESM default import', `import c from 'fake-cookies';\nc.set('a', 1);`],
    ['ESM named import', `import { set } from 'fake-cookies';\nset('a', 1);`],
    ['require in a CommonJS file', `const c = require('fake-cookies');\nc.set('a', 1);`, { sourceType: 'commonjs', filename: '/x/a.js' }],
    ['require in a file parsed as a module', `const c = require('fake-cookies');\nc.set('a', 1);`, { filename: '/x/a.js' }],
    ['await import (namespace of a CommonJS module)', `const { default: c } = await import('fake-cookies');\nc.set('a', 1);`],
    ['TS import equals', `import c = require('fake-cookies');\nc.set('a', 1);`],
    ['exported TS import equals', `export import c = require('fake-cookies');\nc.set('a', 1);`],
  ])('%s', (_name, code, opts) => {
    expect(found(code, opts).refs).toEqual(['set@2']);
  });

  it('reports each load of a traced specifier, also an import() whose result is not awaited', () => {
    const r = found(`const c = require('fake-cookies');\nimport('fake-cookies').then((m) => m.set('a', 1));\nrequire('other');`, { filename: '/x/a.js' });
    expect(r.loads).toEqual(['fake-cookies:CallExpression', 'fake-cookies:ImportExpression']);
    expect(r.refs).toEqual([]);
  });

  it('stays silent on a local require and another module', () => {
    expect(found(`function require(x) { return {}; } const c = require('fake-cookies'); c.set('a', 1);`).refs).toEqual([]);
    expect(found(`import c from 'other-cookies'; c.set('a', 1);`).refs).toEqual([]);
  });

  it('importedModules lists static specifiers of imports, re-exports, require and import()', () => {
    const code = `import a from 'a'; export * from 'b'; export { x } from 'c'; import d = require('d'); const e = require('e'); await import('f'); require(name);`;
    expect([...analyze(code, (context) => importedModules(context))].sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });
});

describe('normalizeSpecifier: Deno and ES-module CDN specifiers', () => {
  it.each([
    ['jose', 'jose'],
    ['node:crypto', 'crypto'],
    ['npm:jose@5', 'jose'],
    ['npm:jsonwebtoken@9.0.2', 'jsonwebtoken'],
    ['npm:jsonwebtoken', 'jsonwebtoken'],
    ['npm:@nestjs/jwt@10.2.0', '@nestjs/jwt'],
    ['npm:hono@4/jwt', 'hono/jwt'],
    ['jsr:@panva/jose', 'jose'],
    ['jsr:@panva/jose@^5.2', 'jose'],
    ['jsr:@hono/hono/jwt', 'hono/jwt'],
    ['https://esm.sh/jose@5.2.0', 'jose'],
    ['https://esm.sh/jsonwebtoken?target=deno', 'jsonwebtoken'],
    ['https://esm.sh/v135/jose@5.2.0', 'jose'],
    ['https://esm.sh/hono@4.0.0/jwt', 'hono/jwt'],
    ['https://esm.sh/@nestjs/jwt@10', '@nestjs/jwt'],
    ['https://deno.land/x/jose@v5.2.0/index.ts', 'jose'],
    ['https://deno.land/x/jose/mod.ts', 'jose'],
    ['https://cdn.skypack.dev/jose', 'jose'],
    ['https://cdn.skypack.dev/jose@4?dts', 'jose'],
    ['https://cdn.jsdelivr.net/npm/jose@5/+esm', 'jose'],
    ['https://unpkg.com/jwt-decode@4', 'jwt-decode'],
  ])('%s → %s', (specifier, expected) => {
    expect(normalizeSpecifier(specifier)).toBe(expected);
  });

  it.each([
    ['jose-utils'],
    ['npm:josekit'],
    ['npm:jose-browser@1'],
    ['https://esm.sh/josekit@1'],
    ['https://cdn.skypack.dev/jsonwebtoken-lite'],
  ])('does not turn %s into a modelled library', (specifier) => {
    expect(['jose', 'jsonwebtoken']).not.toContain(normalizeSpecifier(specifier));
  });

  it.each([
    ['jsr:@someone/jose'], // another JSR package of that name
    ['https://deno.land/x/jose@v5.2.0/jwt/sign.ts'], // a file inside, not the entry
    ['https://deno.land/x/djwt@v3.0.1/mod.ts'], // a different library
    ['https://example.com/jose@5'], // an unknown host
    ['https://cdn.skypack.dev/-/jose@v4.0.0-abc/dist=es2019/jose.js'], // a pinned build
    ['./jose'],
  ])('leaves %s as it is', (specifier) => {
    expect(normalizeSpecifier(specifier)).toBe(specifier);
  });

  it('finds usages of libraries loaded by such specifiers, and none of unrelated packages', () => {
    expect(apis(`import { jwtVerify } from 'npm:jose@5'; await jwtVerify(t, k);`)).toEqual(['jose.jwtVerify']);
    expect(apis(`import * as jose from 'https://deno.land/x/jose@v5.2.0/index.ts'; await jose.jwtVerify(t, k);`)).toEqual(['jose.jwtVerify']);
    expect(apis(`import { jwtVerify } from 'jsr:@panva/jose'; await jwtVerify(t, k);`)).toEqual(['jose.jwtVerify']);
    expect(apis(`import jwt from 'https://esm.sh/jsonwebtoken?target=deno'; jwt.verify(t, k);`)).toEqual(['jsonwebtoken.verify']);
    expect(apis(`import jwt from 'npm:jsonwebtoken@9.0.2'; jwt.verify(t, k);`)).toEqual(['jsonwebtoken.verify']);
    expect(apis(`const jwt = require('npm:jsonwebtoken@9'); jwt.verify(t, k);`)).toEqual(['jsonwebtoken.verify']);
    expect(apis(`const jose = await import('https://esm.sh/jose@5.2.0'); await jose.jwtVerify(t, k);`)).toEqual(['jose.jwtVerify']);
    expect(apis(`import { jwtVerify } from 'https://cdn.skypack.dev/jose'; await jwtVerify(t, k);`)).toEqual(['jose.jwtVerify']);
    expect(apis(`import { jwtVerify } from 'jose-utils'; await jwtVerify(t, k);`)).toEqual([]);
    expect(apis(`import { jwtVerify } from 'npm:josekit'; await jwtVerify(t, k);`)).toEqual([]);
    expect(apis(`import jwt from 'https://esm.sh/jsonwebtoken-lite'; jwt.verify(t, k);`)).toEqual([]);
  });

  it('importedModules lists specifiers as written and normalised', () => {
    const code = `import a from 'npm:jose@5'; import { createHash } from 'node:crypto'; import x from './local';`;
    expect([...analyze(code, (context) => importedModules(context))].sort()).toEqual(['./local', 'crypto', 'jose', 'node:crypto', 'npm:jose@5']);
  });
});

describe('moduleLoads: the modules a file loads, found cheaply', () => {
  const loads = (code: string, opts?: Opts) => analyze(code, (context) => moduleLoads(context).map((s) => `${s.kind}:${s.specifier}`), opts);

  it('lists static imports, re-exports, require, import() and import-equals with constant specifiers', () => {
    const code = `import type { T } from 'a'; import 'b'; export * from 'c'; export { x } from 'd'; import e = require('e');
      function f() { return require(\`f\`); } const g = import('g'); const h = import ( 'h' ); require(name); import(name);
      const s = "import('not-code')"; // import('comment')`;
    expect(loads(code, { filename: '/x/a.ts' })).toEqual([
      'static:a',
      'static:b',
      'static:c',
      'static:d',
      'equals:e',
      'require:f',
      'dynamic:g',
      'dynamic:h',
    ]);
  });

  it('ignores a require that is not the global one', () => {
    expect(loads(`const require = (x) => x; require('a');`)).toEqual([]);
    expect(loads(`function g(require) { return require('a'); }`)).toEqual([]);
  });

  it('makes getJwtUsages cheap for a file that loads no modelled module', () => {
    // mentions every modelled name in text, loads none of them
    const code = `// import jwt from 'jsonwebtoken'\nconst s = "require('jose')"; import x from 'jsonwebtoken-helpers'; x.verify(t, k);`;
    expect(apis(code)).toEqual([]);
  });
});
