import { describe, expect, it } from 'vitest';
import { calleeName, claimPinning, optionLabel, signLikeUsages, verifyLikeUsages } from '../../src/analysis/verification.js';
import { analyze } from '../helpers/analyze.js';

const pinning = (code: string, concept: 'audience' | 'issuer' = 'audience') =>
  analyze(code, (context) => [...verifyLikeUsages(context), ...signLikeUsages(context)].map((u) => claimPinning(context, u, concept)));

describe('claimPinning', () => {
  it('is pinned by the option, on verify and sign', () => {
    expect(pinning(`import jwt from 'jsonwebtoken'; jwt.verify(t, k, { audience: 'api' });`)).toEqual(['pinned']);
    expect(pinning(`import jwt from 'jsonwebtoken'; jwt.verify(t, k, { issuer: process.env.ISS });`, 'issuer')).toEqual(['pinned']);
    expect(pinning(`import { SignJWT } from 'jose'; new SignJWT({}).setAudience('api').sign(k);`)).toEqual(['pinned']);
  });

  it('is pinned on sign by a claim in a known payload', () => {
    expect(pinning(`import jwt from 'jsonwebtoken'; jwt.sign({ aud: 'api' }, k);`)).toEqual(['pinned']);
    expect(pinning(`import jwt from 'jsonwebtoken'; const p = { iss: 'auth' }; jwt.sign(p, k);`, 'issuer')).toEqual(['pinned']);
  });

  it('is missing when the options are fully known without it', () => {
    expect(pinning(`import jwt from 'jsonwebtoken'; jwt.verify(t, k); jwt.verify(t, k, {}); jwt.verify(t, k, { audience: undefined });`)).toEqual([
      'missing',
      'missing',
      'missing',
    ]);
    expect(pinning(`import jwt from 'jsonwebtoken'; jwt.sign({ sub: 'u' }, k, { expiresIn: '15m' });`)).toEqual(['missing']);
    expect(pinning(`import { jwtVerify } from 'jose'; jwtVerify(t, k, { issuer: 'x' });`)).toEqual(['missing']);
  });

  it('is unknown for unknown options or payloads, escaping builders and signature-only verification', () => {
    expect(pinning(`import jwt from 'jsonwebtoken'; export const v = (t, k, o) => jwt.verify(t, k, o);`)).toEqual(['unknown']);
    expect(pinning(`import jwt from 'jsonwebtoken'; export const v = (t, k, o) => jwt.verify(t, k, { ...o });`)).toEqual(['unknown']);
    expect(pinning(`import jwt from 'jsonwebtoken'; export const s = (p, k) => jwt.sign(p, k);`)).toEqual(['unknown']);
    expect(pinning(`import { SignJWT } from 'jose'; export const b = () => new SignJWT({});`)).toEqual(['unknown']);
    expect(pinning(`import { compactVerify } from 'jose'; compactVerify(t, k);`)).toEqual(['unknown']);
  });
});

describe('names for messages', () => {
  it('names the callee as written and the option by its path or chain method', () => {
    const names = (code: string) =>
      analyze(code, (context) =>
        [...verifyLikeUsages(context), ...signLikeUsages(context)].map((u) => [calleeName(context, u), optionLabel(u, 'audience')]),
      );
    expect(names(`import * as jwt from 'jsonwebtoken'; jwt.verify(t, k);`)).toEqual([['jwt.verify', 'audience']]);
    expect(names(`import { SignJWT } from 'jose'; new SignJWT({}).sign(k);`)).toEqual([['new SignJWT', 'setAudience()']]);
  });

  it('names the API of a passport strategy configured through `super(…)`, not `super`', () => {
    const code = [
      `import { PassportStrategy } from '@nestjs/passport';`,
      `import { Strategy } from 'passport-jwt';`,
      `export class JwtStrategy extends PassportStrategy(Strategy) {`,
      `  constructor() { super({ secretOrKey: process.env.K, algorithms: ['RS256'] }); }`,
      `}`,
    ].join('\n');
    expect(analyze(code, (context) => verifyLikeUsages(context).map((u) => calleeName(context, u)))).toEqual(['passport-jwt.Strategy']);
  });
});
