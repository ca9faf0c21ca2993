import { describe, expect, it } from 'vitest';
import { analyze } from '../helpers/analyze.js';
import { findIgnoredVerifyErrors } from '../../src/analysis/verify-errors.js';

function kinds(code: string, filename?: string): string[] {
  return analyze(code, (ctx) => findIgnoredVerifyErrors(ctx).map((f) => `${f.kind}@${f.node.loc.start.line}`), filename ? { filename } : {});
}

const JWT = "import jwt from 'jsonwebtoken';\n";

describe('findIgnoredVerifyErrors', () => {
  it('callbacks: unread, only logged, falling through, correct', () => {
    expect(kinds(JWT + 'jwt.verify(t, k, (err, d) => { req.user = d; next(); });')).toEqual(['unread-callback-error@2']);
    expect(kinds(JWT + 'jwt.verify(t, k, (err, d) => { console.log(err); req.user = d; next(); });')).toEqual(['unread-callback-error@2']);
    expect(kinds(JWT + 'jwt.verify(t, k, (err, d) => { if (err) { logger.warn({ err }); } req.user = d; next(); });')).toEqual(['callback-falls-through@2']);
    expect(kinds(JWT + 'jwt.verify(t, k, (err, d) => { if (err) { console.log(err); } else { req.user = d; next(); } });')).toEqual([]);
    expect(kinds(JWT + 'jwt.verify(t, k, (err, d) => { if (err) return res.sendStatus(401); req.user = d; next(); });')).toEqual([]);
    expect(kinds(JWT + 'jwt.verify(t, k, { algorithms: ["HS256"] }, (err, d) => { if (!err) { req.user = d; } next(); });')).toEqual([]);
  });
  it('resolves a named callback in the same file', () => {
    expect(kinds(JWT + 'function onVerified(err, decoded) { req.user = decoded; next(); }\njwt.verify(t, k, onVerified);')).toEqual(['unread-callback-error@3']);
    expect(kinds(JWT + 'const onVerified = (err, decoded) => (err ? reject(err) : resolve(decoded));\njwt.verify(t, k, onVerified);')).toEqual([]);
  });
  it('other libraries through the model: fast-jwt verifier, @fastify/jwt request.jwtVerify', () => {
    expect(kinds("import { createVerifier } from 'fast-jwt';\nconst verify = createVerifier({ key: async () => k });\nverify(token, (err, payload) => { done(null, payload); });")).toEqual([
      'unread-callback-error@3',
    ]);
  });
  it('try/catch: swallowed then next(), check-only verify, catch calling next()', () => {
    expect(kinds(JWT + 'function a(req, res, next) { try { req.user = jwt.verify(t, k); } catch (e) { console.log(e); } next(); }')).toEqual(['swallowed-catch@2']);
    expect(kinds(JWT + 'function a(req, res, next) { try { jwt.verify(t, k); } catch (e) {} res.json(data); }')).toEqual(['swallowed-catch@2']);
    expect(kinds(JWT + 'function a(req, res, next) { try { req.user = jwt.verify(t, k); } catch (e) { res.locals.error = e; } next(); }')).toEqual([]);
    expect(kinds(JWT + 'function a(t) { try { jwt.verify(t, k); } catch (e) { console.log(e); } }')).toEqual([]);
    expect(kinds(JWT + 'async function a(ctx, next) { try { ctx.state.user = jwt.verify(t, k); } catch (e) { ctx.throw(401); } await next(); }')).toEqual([]);
    expect(kinds(JWT + 'async function a(ctx, next) { try { ctx.state.user = jwt.verify(t, k); } catch (e) { console.error(e); } await next(); }')).toEqual(['swallowed-catch@2']);
    expect(kinds(JWT + 'function a(req, res, next) { let d; try { d = jwt.verify(t, k); } catch (e) { d = jwt.decode(t); } req.user = d; next(); }')).toEqual(['swallowed-catch@2']);
  });
  it('promisified verify and jose awaited in a try; an unawaited promise is left alone', () => {
    expect(kinds(JWT + "import { promisify } from 'util';\nconst v = promisify(jwt.verify);\nasync function a(req, res, next) { try { req.user = await v(t, k); } catch {} next(); }")).toEqual(['swallowed-catch@4']);
    expect(kinds("import { jwtVerify } from 'jose';\nasync function a(req, res, next) { try { jwtVerify(t, k); } catch {} next(); }")).toEqual([]);
  });
  it('promise .catch', () => {
    expect(kinds("import { jwtVerify } from 'jose';\nasync function a(req, res, next) { await jwtVerify(t, k).catch(() => {}); next(); }")).toEqual(['swallowed-promise-catch@2']);
    expect(kinds("import { jwtVerify } from 'jose';\nfunction a(req, res, next) { jwtVerify(t, k).then(({ payload }) => { req.user = payload; next(); }).catch(() => next()); }")).toEqual(['swallowed-promise-catch@2']);
    expect(kinds("import { jwtVerify } from 'jose';\nfunction a(req, res, next) { jwtVerify(t, k).then(({ payload }) => { req.user = payload; next(); }).catch((e) => next(e)); }")).toEqual([]);
    expect(kinds("import { jwtVerify } from 'jose';\nasync function a(t) { const r = await jwtVerify(t, k).catch(() => null); return r?.payload; }")).toEqual([]);
  });
});
