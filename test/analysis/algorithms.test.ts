import { describe, expect, it } from 'vitest';
import type { JwtUsage } from '../../src/analysis/imports.js';
import { getJwtUsages } from '../../src/analysis/imports.js';
import {
  algorithmFamily,
  emptyKeyAcceptsUnsigned,
  fileSigningAlgorithms,
  formatAlgorithms,
  isAsymmetricFamily,
  isNoneAlgorithm,
  headerAlgorithm,
  listFamilies,
  noneAlgorithmNodes,
  readAlgorithmList,
  suggestedAllowList,
} from '../../src/analysis/algorithms.js';
import { analyze, target } from '../helpers/analyze.js';

describe('algorithmFamily', () => {
  it.each([
    ['HS256', 'hmac'],
    ['HS512', 'hmac'],
    ['RS256', 'rsa'],
    ['PS384', 'rsa-pss'],
    ['ES256', 'ec'],
    ['ES256K', 'ec'],
    ['EdDSA', 'eddsa'],
    ['Ed25519', 'eddsa'],
    ['none', 'none'],
    ['NONE', 'none'],
    ['nOnE', 'none'],
  ])('%s → %s', (alg, family) => {
    expect(algorithmFamily(alg)).toBe(family);
  });

  it.each([['hs256'], ['RSA'], ['HS'], ['A256GCM'], ['dir'], [''], ['sha256'], [256], [null], [undefined], [['HS256']]])(
    'is undefined for %j',
    (value) => {
      expect(algorithmFamily(value)).toBeUndefined();
    },
  );

  it('tells none and asymmetric families', () => {
    expect(isNoneAlgorithm('None')).toBe(true);
    expect(isNoneAlgorithm('nonexistent')).toBe(false);
    expect(['hmac', 'rsa', 'rsa-pss', 'ec', 'eddsa', 'none'].filter((f) => isAsymmetricFamily(f as never))).toEqual([
      'rsa',
      'rsa-pss',
      'ec',
      'eddsa',
    ]);
    expect(formatAlgorithms(['HS256', 'HS512'])).toBe(`'HS256', 'HS512'`);
  });
});

describe('readAlgorithmList', () => {
  const read = (code: string) =>
    analyze(code, (context, program) => {
      const list = readAlgorithmList(context, target(program));
      if (!list) return undefined;
      return {
        values: list.elements.map((e) => e.value),
        complete: list.complete,
        at: list.elements.map((e) => context.sourceCode.getText(e.node)),
        families: listFamilies(list),
      };
    });

  it('reads inline lists with their element nodes', () => {
    expect(read(`target(['HS256', 'RS256'])`)).toEqual({
      values: ['HS256', 'RS256'],
      complete: true,
      at: [`'HS256'`, `'RS256'`],
      families: ['hmac', 'rsa'],
    });
  });

  it('follows constants, element constants and spreads of known lists', () => {
    expect(read(`const A = 'ES256'; const L = [A, 'ES384']; target(L)`)).toMatchObject({ values: ['ES256', 'ES384'], complete: true, at: ['A', `'ES384'`] });
    expect(read(`const H = ['HS256']; target([...H, 'RS256'])`)).toMatchObject({ values: ['HS256', 'RS256'], complete: true, at: [`'HS256'`, `'RS256'`] });
    expect(read(`const cfg = { jwt: { algs: ['PS256'] } }; target(cfg.jwt.algs)`)).toMatchObject({ values: ['PS256'], complete: true });
    expect(read(`target('RS256')`)).toMatchObject({ values: ['RS256'], complete: true });
  });

  it('keeps the known part of a list with unknown elements', () => {
    expect(read(`export function f(extra) { target(['HS256', ...extra]) }`)).toMatchObject({ values: ['HS256'], complete: false });
    expect(read(`target(['RS256', process.env.ALG])`)).toMatchObject({ values: ['RS256'], complete: false });
    expect(read(`target(['RS256', 256])`)).toMatchObject({ values: ['RS256', undefined], complete: false });
  });

  it('is undefined when the expression is not known to be a list', () => {
    expect(read(`export function f(algs) { target(algs) }`)).toBeUndefined();
    expect(read(`target(loadAlgorithms())`)).toBeUndefined();
    expect(read(`target(process.env.JWT_ALGS)`)).toBeUndefined();
    expect(read(`target({ alg: 'HS256' })`)).toBeUndefined();
  });

  it('is bounded on self-referencing spreads', () => {
    expect(read(`let a = []; a = [...a, 'HS256']; target(a)`)).toBeUndefined();
  });
});

describe('noneAlgorithmNodes', () => {
  const nones = (code: string) =>
    analyze(code, (context, program) => noneAlgorithmNodes(context, target(program)).map((n) => `${n.loc.start.line}:${context.sourceCode.getText(n)}`));

  it('finds none in every branch, where it is written', () => {
    expect(nones(`target(process.env.ALG || 'none')`)).toEqual([`1:'none'`]);
    expect(nones(`const ALG = process.env.ALG ?? 'NONE';\ntarget(ALG)`)).toEqual([`1:'NONE'`]);
    expect(nones(`target(dev ? 'none' : 'RS256')`)).toEqual([`1:'none'`]);
    expect(nones(`target('none')`)).toEqual([`1:'none'`]);
  });
  it('reads lists element by element, and lists in branches', () => {
    expect(nones(`const N = 'none';\nconst L = ['HS256', N];\ntarget(L)`)).toEqual([`1:'none'`]);
    expect(nones(`target([process.env.ALG || 'none', 'HS256'])`)).toEqual([`1:'none'`]);
    expect(nones(`target(process.env.ALGS?.split(',') ?? ['RS256', 'none'])`)).toEqual([`1:'none'`]);
    expect(nones(`const EXTRA = ['none'];\ntarget(['HS256', ...EXTRA])`)).toEqual([`1:'none'`]);
  });
  it('is empty for unknown values and real algorithms', () => {
    expect(nones(`target(process.env.ALG || 'HS256')`)).toEqual([]);
    expect(nones(`export function f(alg) { target(alg) }`)).toEqual([]);
    expect(nones(`export function f(alg) { target(alg === 'none' ? 'HS256' : alg) }`)).toEqual([]);
    expect(nones(`target([process.env.ALG, 'RS256'])`)).toEqual([]);
  });
});

describe('headerAlgorithm', () => {
  const header = (code: string) =>
    analyze(code, (context) => {
      const usage = getJwtUsages(context).find((u) => ['sign', 'configure', 'configure-sign'].includes(u.model.op));
      if (!usage) return 'no usage';
      const h = headerAlgorithm(context, usage);
      return h.kind === 'present' ? context.sourceCode.getText(h.node) : h.kind;
    });
  it('reads the `alg` of a `header` option (jsonwebtoken, @nestjs/jwt)', () => {
    expect(header(`import jwt from 'jsonwebtoken'; jwt.sign(p, k, { header: { alg: 'none' } });`)).toBe(`'none'`);
    expect(header(`import jwt from 'jsonwebtoken'; jwt.sign(p, k, { header: { kid: '1' } });`)).toBe('absent');
    expect(header(`import jwt from 'jsonwebtoken'; jwt.sign(p, k, { algorithm: 'RS256' });`)).toBe('absent');
    expect(header(`import jwt from 'jsonwebtoken'; export const s = (h) => jwt.sign(p, k, { header: h });`)).toBe('unknown');
    expect(header(`import { JwtModule } from '@nestjs/jwt'; JwtModule.register({ signOptions: { header: { alg: 'HS512' } } });`)).toBe(`'HS512'`);
  });
  it('is absent for APIs without a header option', () => {
    expect(header(`import { createSigner } from 'fast-jwt'; createSigner({ key: k, header: { alg: 'none' } });`)).toBe('absent');
    expect(header(`import jwt from 'jwt-simple'; jwt.encode(p, k, 'HS256');`)).toBe('absent');
  });
  it('overrides the algorithm the file signs with', () => {
    expect(analyze(`import jwt from 'jsonwebtoken'; jwt.sign(p, k, { algorithm: 'HS256', header: { alg: 'HS512' } });`, (c) => fileSigningAlgorithms(c))).toEqual(['HS512']);
  });
});

describe('fileSigningAlgorithms / suggestedAllowList', () => {
  const signing = (code: string) =>
    analyze(code, (context) => ({ all: fileSigningAlgorithms(context), suggested: suggestedAllowList(context) }));

  it('collects the algorithms of every signing usage, with jsonwebtoken’s HS256 default', () => {
    expect(signing(`import jwt from 'jsonwebtoken'; jwt.sign(p, k, { algorithm: 'RS256' }); jwt.verify(t, k);`)).toEqual({ all: ['RS256'], suggested: ['RS256'] });
    expect(signing(`import jwt from 'jsonwebtoken'; jwt.sign(p, k); jwt.sign(q, k, { algorithm: 'HS512' });`)).toEqual({ all: ['HS256', 'HS512'], suggested: ['HS256', 'HS512'] });
    expect(signing(`import { SignJWT } from 'jose'; const A = 'EdDSA'; await new SignJWT(p).setProtectedHeader({ alg: A }).sign(k);`)).toEqual({ all: ['EdDSA'], suggested: ['EdDSA'] });
  });

  it('is undefined when any signing algorithm is unknown, or the file does not sign', () => {
    expect(signing(`import jwt from 'jsonwebtoken'; export const s = (o) => jwt.sign(p, k, o); jwt.sign(p, k);`).all).toBeUndefined();
    expect(signing(`import { SignJWT } from 'jose'; export const b = () => new SignJWT(p);`).all).toBeUndefined();
    expect(signing(`import { SignJWT } from 'jose'; await new SignJWT(p).sign(k);`).all).toBeUndefined();
    expect(signing(`import jwt from 'jsonwebtoken'; jwt.verify(t, k);`).all).toBeUndefined();
    expect(signing(`import jwt from 'jsonwebtoken'; jwt.sign(p, k, { algorithm: 'HS257x' });`).all).toBeUndefined();
  });

  it('suggests nothing for mixed families or none', () => {
    expect(signing(`import jwt from 'jsonwebtoken'; jwt.sign(p, k); jwt.sign(q, k2, { algorithm: 'RS256' });`)).toEqual({ all: ['HS256', 'RS256'], suggested: undefined });
    expect(signing(`import jwt from 'jsonwebtoken'; jwt.sign(p, null, { algorithm: 'none' });`)).toEqual({ all: ['none'], suggested: undefined });
  });
});

describe('emptyKeyAcceptsUnsigned', () => {
  const accepts = (code: string) => analyze(code, (context) => getJwtUsages(context).map((u) => [u.api, emptyKeyAcceptsUnsigned(u)]));
  it('holds for jsonwebtoken verify (also promisified) only', () => {
    expect(accepts(`import jwt from 'jsonwebtoken'; jwt.verify(t, k); jwt.sign(p, k); jwt.decode(t);`)).toEqual([
      ['jsonwebtoken.verify', true],
      ['jsonwebtoken.sign', false],
      ['jsonwebtoken.decode', false],
    ]);
    expect(accepts(`import { promisify } from 'node:util'; import jwt from 'jsonwebtoken'; const v = promisify(jwt.verify); v(t, k);`)).toEqual([
      ['jsonwebtoken.verify(promisified)', true],
    ]);
    expect(accepts(`import { jwtVerify } from 'jose'; jwtVerify(t, k);`)).toEqual([['jose.jwtVerify', false]]);
  });

  it('is model data, not an API name: wrappers that reject an empty key before verifying do not have it', () => {
    expect(accepts(`import { Strategy } from 'passport-jwt'; new Strategy({ secretOrKey: '' }, cb);`)).toEqual([['passport-jwt.Strategy', false]]);
    expect(accepts(`import { expressjwt } from 'express-jwt'; expressjwt({ secret: '', algorithms: ['HS256'] });`)).toEqual([['express-jwt.expressjwt', false]]);
    expect(accepts(`import jws from 'jws'; jws.verify(s, 'HS256', '');`).map(([, v]) => v)).toEqual([false]);
    const usage = { library: 'jsonwebtoken', api: 'jsonwebtoken.verify', model: { op: 'verify', args: { token: 0, key: 1 } } } as unknown as JwtUsage;
    expect(emptyKeyAcceptsUnsigned(usage)).toBe(false);
    expect(emptyKeyAcceptsUnsigned({ ...usage, api: 'other.check', model: { ...usage.model, emptyKeyAcceptsUnsigned: true } })).toBe(true);
  });
});
