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
  listFamilies,
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
