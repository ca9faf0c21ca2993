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
  it('callbacks: a default for the decoded value is not a check of it', () => {
    expect(kinds(JWT + 'jwt.verify(t, k, o, async (err, claims) => { const { sub } = claims ?? {}; await users.update(sub); res.redirect("/ok"); });')).toEqual([
      'unread-callback-error@2',
    ]);
    expect(kinds(JWT + 'jwt.verify(t, k, o, (err, c) => { approvals.record({ approver: c && c.sub }); });')).toEqual(['unread-callback-error@2']);
    expect(kinds(JWT + "jwt.verify(t, k, o, (err, bot) => { socket.send(bot?.sub ?? 'unknown'); });")).toEqual(['unread-callback-error@2']);
    // a decision on it is
    expect(kinds(JWT + 'jwt.verify(t, k, o, (err, c) => { if (!c) return res.sendStatus(401); res.json(c.sub); });')).toEqual([]);
    expect(kinds(JWT + 'jwt.verify(t, k, o, (err, c) => { c && grant(c.sub); });')).toEqual([]);
    expect(kinds(JWT + 'jwt.verify(t, k, o, (err, c) => { if (c && c.role === "admin") grant(c.sub); });')).toEqual([]);
  });
  it('callbacks: a branch on the decoded value that cannot leave does not guard the success path', () => {
    expect(kinds(JWT + 'io.use((s, next) => jwt.verify(t, k, o, (error, claims) => { if (claims) s.data.userId = claims.sub; next(); }));')).toEqual([
      'unread-callback-error@2',
    ]);
    expect(kinds(JWT + 'jwt.verify(t, k, o, (e, c) => { if (c) { req.user = c; } else { log("anon"); } next(); });')).toEqual(['unread-callback-error@2']);
    // one that can leave does
    expect(kinds(JWT + 'jwt.verify(t, k, o, (e, c) => { if (!c) { return next(new Error("auth")); } s.data.userId = c.sub; next(); });')).toEqual([]);
    expect(kinds(JWT + 'jwt.verify(t, k, o, (e, c) => { if (c) { req.user = c; next(); } else res.sendStatus(401); });')).toEqual([]);
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
  it('reports on the verify call and names the swallowing handler', () => {
    const code = JWT + 'function a(req, res, next) {\n  try {\n    req.user = jwt.verify(t, k);\n  } catch (e) {\n    console.log(e);\n  }\n  next();\n}';
    const found = analyze(code, (ctx) => findIgnoredVerifyErrors(ctx).map((f) => [f.node === f.usage.node, f.loc?.start.line, f.handler?.type, f.handler?.loc.start.line]));
    expect(found).toEqual([[true, 4, 'CatchClause', 5]]);
    const promise = analyze("import { jwtVerify } from 'jose';\nasync function a(req, res, next) {\n  await jwtVerify(t, k)\n    .catch(() => {});\n  next();\n}", (ctx) =>
      findIgnoredVerifyErrors(ctx).map((f) => [f.kind, f.loc?.start.line, f.handler?.loc.start.line]),
    );
    expect(promise).toEqual([['swallowed-promise-catch', 3, 3]]);
  });
  it('a discarded check: code after the try runs on both paths only when the try block falls through', () => {
    expect(kinds(JWT + "function a(t) { try { jwt.verify(t, k); } catch (e) { console.log(e); } return 'ok'; }")).toEqual(['swallowed-catch@2']);
    expect(kinds(JWT + 'function a(t) { try { jwt.verify(t, k); } catch (e) { console.log(e); } audit(t); return null; }')).toEqual(['swallowed-catch@2']);
    expect(kinds(JWT + 'function a(t) { try { jwt.verify(t, k); } catch (e) { console.log(e); } return false; }')).toEqual([]);
    expect(kinds(JWT + 'function a(t) { try { jwt.verify(t, k); return true; } catch (e) { console.log(e); } audit(t); return false; }')).toEqual([]);
    expect(kinds(JWT + 'function a(t) { try { jwt.verify(t, k); } catch (e) { console.log(e); } if (x) y(); }')).toEqual([]);
    // the result is kept: returning it lets the caller check it
    expect(kinds(JWT + 'function a(t) { let c; try { c = jwt.verify(t, k); } catch (e) { console.log(e); } return c; }')).toEqual([]);
  });
  it('a guard after the catch that lets an unset result through does not stop the success path', () => {
    const teacher = (guard: string) =>
      JWT + `function requireTeacher(req, res, next) { var d; try { d = jwt.verify(t, k); } catch (e) { console.warn(e.message); } ${guard} req.user = d; next(); }`;
    // `d && …` is false when verify failed: the 403 never runs and next() does
    expect(kinds(teacher("if (d && d.role !== 'teacher') { return res.status(403).end(); }"))).toEqual(['swallowed-catch@2']);
    expect(kinds(teacher("if (d?.role === 'admin') return res.status(403).end();"))).toEqual(['swallowed-catch@2']);
    // guards that reject an unset result
    expect(kinds(teacher("if (!d || d.role !== 'teacher') { return res.status(403).end(); }"))).toEqual([]);
    expect(kinds(teacher("if (d?.role !== 'teacher') return res.status(403).end();"))).toEqual([]);
    expect(kinds(teacher('if (check(d)) return res.status(403).end();'))).toEqual([]);
  });
  it('an async request hook that runs to its end lets the request through', () => {
    const hook = (name: string, isAsync = true) =>
      "import { jwtVerify } from 'jose';\n" +
      `export default async function hooks(app) { app.addHook('${name}', ${isAsync ? 'async ' : ''}(request, reply) => { try { const { payload } = await jwtVerify(t, k); request.user = payload; } catch (err) { request.log.warn({ err }); } request.tenant = request.headers['x-tenant']; }); }`;
    expect(kinds(hook('onRequest'))).toEqual(['swallowed-catch@2']);
    expect(kinds(hook('preHandler'))).toEqual(['swallowed-catch@2']);
    // not a request hook, or not one that continues by returning
    expect(kinds(hook('onResponse'))).toEqual([]);
  });
  it('a variable with a fallback value of its own, handed on whole after a swallowed catch', () => {
    const relay = (init: string) =>
      JWT + `async function relay(ctx) { let alert = ${init}; try { alert = await jwt.verify(sig, k); } catch (e) { ctx.log.info(e); } await ctx.alerts.ingest(alert); }`;
    expect(kinds(relay('ctx.request.body'))).toEqual(['swallowed-catch@2']);
    expect(kinds(relay('null'))).toEqual([]);
  });
  it('values copied from the result inside the try, handed on after a swallowed catch', () => {
    const share = (use: string) =>
      "import { verify } from 'hono/jwt';\n" +
      `export const h = async (c) => { let viewer = 'anonymous'; try { const claims = await verify(t, k, 'HS256'); viewer = String(claims.sub); } catch (e) { console.warn(e); } ${use} };`;
    expect(kinds(share("const report = await loadReport(id); return c.json({ viewer, report });"))).toEqual(['swallowed-catch@2']);
    expect(kinds(JWT + 'async function job(j) { let by = null; try { by = jwt.verify(j.sig, k).sub; } catch (e) { log.warn(e); } for (const u of users) await send(u, { by }); }')).toEqual([
      'swallowed-catch@2',
    ]);
    // returned as is, only tested, or guarded first
    expect(kinds(share('return { viewer };'))).toEqual([]);
    expect(kinds(share("return c.text(viewer === 'anonymous' ? 'hi' : 'welcome');"))).toEqual(['swallowed-catch@2']);
    expect(kinds(share('if (!viewer) return c.text("no", 401); return c.json({ viewer });'))).toEqual([]);
  });
  it('optional authentication is named so; an outer `attach(server)` is not', () => {
    const join = (outer: string) =>
      JWT + `function ${outer}(io) { io.on('join', (t, room) => { let grant; try { grant = jwt.verify(t, k); } catch (e) { console.warn(e.message); } socket.emit('joined', { room, by: grant && grant.sub }); }); }`;
    expect(kinds(join('attach'))).toEqual(['swallowed-catch@2']);
    expect(kinds(join('attachUser'))).toEqual([]);
    expect(kinds(join('softAuth'))).toEqual([]);
  });
  it('claims read after the catch: the code goes on as if it held a verified payload', () => {
    const confirm = (use: string) =>
      JWT + `async function confirm(ctx) { let claims = {}; try { claims = jwt.verify(ctx.query.t, k); } catch (err) { console.warn(err.message); } ${use} }`;
    expect(kinds(confirm("await users.confirmEmail(claims.sub, claims.email); ctx.redirect('/ok');"))).toEqual(['swallowed-catch@2']);
    expect(kinds(JWT + 'async function f(t) { let invite; try { ({ payload: invite } = await jwt.verify(t, k)); } catch (e) { console.warn(e); } await db.add(invite!.orgId); }', 'f.ts')).toEqual([
      'swallowed-catch@2',
    ]);
    // a pass-through (`return { user }`), an optional read, or a read after a rejecting guard is not using the claims
    expect(kinds(JWT + 'function ctx(t) { let user = null; if (t) { try { user = jwt.verify(t, k); } catch (_) {} } return { user, tenant: user?.tenant }; }')).toEqual([]);
    expect(kinds(confirm('if (!claims.sub) return ctx.throw(401); await users.confirmEmail(claims.sub);'))).toEqual([]);
  });
  it('claims read after a swallowed catch inside a loop body', () => {
    const loop = (use: string) =>
      JWT + `async function drain(jobs) { for (const job of jobs) { let claims; try { claims = jwt.verify(job.token, k); } catch (e) { log.warn(e); } ${use} } }`;
    expect(kinds(loop('await runAs(claims.sub, job);'))).toEqual(['swallowed-catch@2']);
    // skipping the job, or trying the next key, is handling it
    expect(kinds(loop('if (!claims) continue; await runAs(claims.sub, job);'))).toEqual([]);
    expect(kinds(JWT + 'function v(t, keys) { let p; for (const key of keys) { try { p = jwt.verify(t, key); break; } catch {} } if (!p) throw new Error(); return p; }')).toEqual([]);
  });
  it('grants other than next(): draft mode, Lambda context.succeed, a simple authorizer response', () => {
    const after = (tail: string, head = '') =>
      JWT + `${head}export async function GET(req) { const t = req.nextUrl.searchParams.get('t'); try { jwt.verify(t, k); } catch (e) { console.error(e); } ${tail} }`;
    expect(kinds(after("(await draftMode()).enable(); redirect('/');"))).toEqual(['swallowed-catch@2']);
    expect(kinds(after("draftMode().enable(); return new Response('ok');"))).toEqual(['swallowed-catch@2']);
    expect(kinds(after('return { isAuthorized: true, context: {} };'))).toEqual(['swallowed-catch@2']);
    expect(kinds(JWT + 'export const handler = async (event) => { try { jwt.verify(event.token, k); return { isAuthorized: true }; } catch (e) { console.log(e); } return { isAuthorized: false }; };')).toEqual([]);
    expect(kinds(JWT + 'exports.handler = function (event, context) { try { jwt.verify(event.token, k); } catch (e) { console.log(e); } context.succeed(allow(event)); };')).toEqual(['swallowed-catch@2']);
    // `enable()` on something else is not draft mode
    expect(kinds(JWT + 'async function f(t) { let c; try { c = jwt.verify(t, k); } catch (e) { console.error(e); } flags.enable(); }')).toEqual([]);
  });
  it('a result declared in the try and only logged there decides nothing', () => {
    const hook = (inTry: string) =>
      JWT + `router.post('/hook', async (req, res) => { try { const claims = jwt.verify(req.get('x-sig'), k); ${inTry} } catch (e) { console.error(e); } await ingest(JSON.parse(req.body)); res.sendStatus(204); });`;
    expect(kinds(hook("if (claims.body_sha256 !== hash) console.warn('mismatch');"))).toEqual(['swallowed-catch@2']);
    expect(kinds(hook(''))).toEqual(['swallowed-catch@2']);
    // acting on it inside the try is a decision
    expect(kinds(hook("if (claims.body_sha256 !== hash) return res.sendStatus(400);"))).toEqual([]);
    expect(kinds(hook('req.partner = claims.sub;'))).toEqual([]);
  });
  it('NextResponse.next() held in a variable, an h3 middleware running to its end, a request alias', () => {
    const mw = JWT + "export async function middleware(req) { try { jwt.verify(t, k); } catch (e) { console.warn(e); } const res = NextResponse.next(); res.headers.set('x', '1'); if (a) { res.headers.set('y', '1'); } return res; }";
    expect(kinds(mw)).toEqual(['swallowed-catch@2']);
    const h3 = (imports: string, tail = '') =>
      `${imports}import jwt from 'jsonwebtoken';\nexport default defineEventHandler((event) => { if (!t) throw createError({ statusCode: 401 }); try { event.context.user = jwt.verify(t, k); } catch (e) { console.error(e); } ${tail} });`;
    expect(kinds(h3("import { defineEventHandler, createError } from 'h3';\n"))).toEqual(['swallowed-catch@3']);
    expect(kinds(h3(''))).toEqual(['swallowed-catch@2']);
    // an API route returning a value, and a local function of the same name, are not middleware
    expect(kinds(h3("import { defineEventHandler, createError } from 'h3';\n", 'return { ok: true };'))).toEqual([]);
    expect(kinds(h3('const defineEventHandler = (f) => f;\n'))).toEqual([]);
    const wrap = (alias: string) =>
      JWT + `export function withMember(handler) { return async (req, res) => { const authed = ${alias}; try { authed.member = jwt.verify(t, k); } catch (e) { console.error(e); } return handler(authed, res); }; }`;
    expect(kinds(wrap('req'))).toEqual(['swallowed-catch@2']);
    expect(kinds(wrap('clone(req)'))).toEqual([]);
  });
  it('a value copied from the claims inside an if block, handed to a call or `new` after it', () => {
    const exp = (tail: string) =>
      JWT + `export async function GET(req) { let by = 'anonymous'; if (bearer) { try { const p = jwt.verify(bearer, k); by = p.sub; } catch (e) { console.warn(e); } } ${tail} }`;
    expect(kinds(exp("const rows = await db.all(); return new Response(csv(rows), { headers: { 'x-by': by } });"))).toEqual(['swallowed-catch@2']);
    expect(kinds(exp("if (by === 'anonymous') return new Response('no', { status: 401 }); return new Response(csv(await db.all()));"))).toEqual([]);
    const destructured = JWT + "export async function GET(req) { let by = 'anonymous'; try { const { payload } = await jwt.verify(t, k); by = payload.sub ?? by; } catch (e) { console.warn(e); } return new Response(body, { headers: { 'x-by': by } }); }";
    expect(kinds(destructured)).toEqual(['swallowed-catch@2']);
  });
  it('Koa error events log; a stand-in identity in the catch counts only when a grant follows', () => {
    const koa = JWT + "router.post('/p', async (ctx) => { let partnerId; try { const c = jwt.verify(t, k); partnerId = c.sub; } catch (err) { ctx.app.emit('error', err, ctx); } ctx.body = await bookings.create({ bookedBy: partnerId ?? 'partner' }); });";
    expect(kinds(koa)).toEqual(['swallowed-catch@2']);
    expect(kinds(JWT + "async function portal(ctx, next) { if (t) { try { ctx.state.p = jwt.verify(t, k); } catch (err) { ctx.log && ctx.log.info({ err }); } } await next(); }")).toEqual(['swallowed-catch@2']);
    // a socket's error event answers the client
    expect(kinds(koa.replace("ctx.app.emit('error', err, ctx)", "socket.emit('error', 'unauthorized')"))).toEqual([]);
    const guard = (tail: string) =>
      JWT + `class G { canActivate(ctx) { const req = ctx.req; try { req.station = { id: jwt.verify(t, k).sub }; } catch (err) { log.warn(err); req.station = { id: req.header('x-station-id'), site: 'unverified' }; } ${tail} } }`;
    expect(kinds(guard('return true;'))).toEqual(['swallowed-catch@2']);
    // a stand-in followed by a check of its own, or a reset to null, is handling it
    expect(kinds(guard("if (req.station.site === 'unverified') throw new Forbidden(); return true;"))).toEqual([]);
    expect(kinds(JWT + 'function m(req, res, next) { try { req.user = jwt.verify(t, k); } catch (e) { console.log(e); req.user = null; } next(); }')).toEqual([]);
  });
  it('a decorated async Fastify auth hook that runs to its end lets the request through', () => {
    const deco = (inTry: string) =>
      JWT + `app.decorate('requireDirector', async (request, reply) => { try { const c = jwt.verify(t, k); ${inTry} } catch (err) { request.log.warn({ err }); } });`;
    expect(kinds(deco("if (!c.director) return reply.code(403).send();"))).toEqual(['swallowed-catch@2']);
    expect(kinds(JWT + "app.decorate('authenticate', async (request, reply) => { try { jwt.verify(t, k); } catch (err) { reply.send(err); } });")).toEqual([]);
    // a decorated utility with another shape is not a hook
    expect(kinds(JWT + "app.decorate('peek', async (t) => { try { return jwt.verify(t, k); } catch (err) { console.log(err); } });")).toEqual([]);
    expect(kinds(JWT + "app.decorate('verifyToken', async (token, key) => { try { return jwt.verify(token, key); } catch (err) { console.log(err); } });")).toEqual([]);
  });
  it('callbacks: a ternary on the decoded value only picks a value', () => {
    expect(kinds(JWT + 'jwt.verify(t, k, o, (err, claims) => { wss.handleUpgrade(r, s, h, (ws) => { ws.userId = claims ? claims.sub : null; }); });')).toEqual([
      'unread-callback-error@2',
    ]);
    expect(kinds(JWT + 'jwt.verify(t, k, o, (err, claims) => claims ? next() : res.sendStatus(401));')).toEqual([]);
  });
  it('a dropped check: input validation after the catch does not stop the success path; a flag set in the try does', () => {
    const reset = (inTry: string, guard: string) =>
      JWT + `router.post('/reset/:t', async (req, res) => { try { jwt.verify(req.params.t, k); ${inTry} } catch (err) { console.error(err); } ${guard} await members.update(id, { passwordHash: await hash(req.body.password) }); return res.json({ ok: true }); });`;
    expect(kinds(reset('', 'if (!req.body.password) return res.status(422).end();'))).toEqual(['swallowed-catch@2']);
    expect(kinds(reset('ok = true;', 'if (!ok) return res.status(401).end();'))).toEqual([]);
  });
  it('a catch that hands out the unverified claims', () => {
    const ctx = (ret: string) =>
      JWT + `export async function context({ req }) { try { const user = jwt.verify(t, k); return { user }; } catch (err) { if (err instanceof TokenExpiredError) { return ${ret}; } return { user: null }; } }`;
    expect(kinds(ctx('{ user: jwt.decode(t), expired: true }'))).toEqual(['swallowed-catch@2']);
    expect(kinds(ctx('{ user: null, expired: true }'))).toEqual([]);
  });
  it('a decode assigned in the catch stands in for the verified claims, whatever follows', () => {
    const album = (inCatch: string) =>
      JWT + `app.get('/a/:id', async (req, reply) => { let claims = {}; try { claims = jwt.verify(t, k); } catch { ${inCatch} } if (claims.albumId !== req.params.id) return reply.code(403).send(); return photos(req.params.id); });`;
    expect(kinds(album('claims = jwt.decode(t) ?? {};'))).toEqual(['swallowed-catch@2']);
    expect(kinds(album('claims = {};'))).toEqual([]);
  });
  it('a Nest gateway connection that stays open after a swallowed verify error', () => {
    const gw = (inCatch: string) =>
      "import { JwtService } from '@nestjs/jwt';\nexport class G { constructor(private readonly jwt: JwtService) {}\n handleConnection(client) { try { client.data.user = this.jwt.verify(t); } catch (err) { " + inCatch + ' } } }';
    expect(kinds(gw('this.logger.warn(err);'), 'g.ts')).toEqual(['swallowed-catch@3']);
    expect(kinds(gw('client.disconnect(true);'), 'g.ts')).toEqual([]);
  });
  it('copies with a fallback made after the catch, tagged templates, failing open, grant headers', () => {
    const refresh = (tail: string) =>
      JWT + `export async function handler(event) { let claims; try { claims = jwt.verify(rt, k); } catch (e) { console.warn(e); } const subject = claims?.sub ?? event.queryStringParameters.volunteer; ${tail} }`;
    expect(kinds(refresh('const v = await volunteers.get(subject); if (!v) return { statusCode: 404 }; return issue(v);'))).toEqual(['swallowed-catch@2']);
    expect(kinds(refresh('if (!claims) return { statusCode: 401 }; return issue(subject);'))).toEqual([]);
    const wedding = JWT + "export async function POST(req) { let eventId = q.get('event'); try { const { payload } = await jwt.verify(t, k); eventId = payload.eventId; } catch (err) { console.error(err); } await sql`INSERT INTO requests (event_id) VALUES (${eventId})`; return Response.json({ ok: true }); }";
    expect(kinds(wedding)).toEqual(['swallowed-catch@2']);
    const pick = (inCatch: string) =>
      JWT + `export default async (req) => { let canPick = false; try { const { payload } = await jwt.verify(t, k); canPick = payload.scope === 'pick'; } catch (e) { console.error(e); ${inCatch} } if (canPick) return record(req); return list(req); };`;
    expect(kinds(pick('canPick = true;'))).toEqual(['swallowed-catch@2']);
    expect(kinds(pick('canPick = false;'))).toEqual([]);
    const gateway = (value: string) =>
      JWT + `async function identify(req) { const headers = new Headers(req.headers); try { const { payload } = await jwt.verify(t, k); headers.set('x-gm-id', payload.sub); } catch (err) { console.log(err); } headers.set('x-authenticated', ${value}); return headers; }`;
    expect(kinds(gateway("'true'"))).toEqual(['swallowed-catch@2']);
    expect(kinds(gateway("String(Boolean(headers.get('x-gm-id')))"))).toEqual([]);
  });
  it('a value of its own in the catch for what the try fills from the claims', () => {
    const scope = (inCatch: string) =>
      JWT + `function clinicScope(req, res, next) { try { const c = jwt.verify(t, k); req.clinicId = c.clinicId; } catch (err) { logger.warn({ err }); ${inCatch} } return next(); }`;
    expect(kinds(scope('req.clinicId = req.params.clinicId;'))).toEqual(['swallowed-catch@2']);
    expect(kinds(scope('req.clinicId = null;'))).toEqual([]);
    const sync = (tail: string) =>
      JWT + `async function sync(request, reply) { let clinic; try { const c = jwt.verify(t, k); clinic = c.clinicId; } catch (err) { request.log.warn({ err }); clinic = (await devices.bySerial(request.body.serial))?.clinicId; } if (!clinic) return reply.code(404).send(); ${tail} }`;
    expect(kinds(sync('await stock.insertMany(request.body.scans.map((s) => ({ ...s, clinicId: clinic }))); return { ok: true };'))).toEqual(['swallowed-catch@2']);
    expect(kinds(sync('return { ok: true };'))).toEqual([]);
  });
  it('a dropped check followed by a loop that reads nothing the try set', () => {
    const batch = (loop: string) =>
      JWT + `async function processBatch(job) { let ok = false; try { await jwt.verify(job.data.manifest, k); ok = true; } catch (err) { logger.warn({ err }); } ${loop} }`;
    expect(kinds(batch('for (const r of job.data.results) { await db.insert(r); }'))).toEqual(['swallowed-catch@2']);
    expect(kinds(batch('for (const r of job.data.results) { if (ok) await db.insert(r); }'))).toEqual([]);
  });
  it('required authentication: a missing token is turned away, an invalid one goes on', () => {
    const mw = (inCatch: string, guard = "if (!token) return res.status(401).json({ error: 'sign in' });") =>
      JWT + `export async function requireArbiter(req, res, next) { const token = tokenOf(req); ${guard} try { req.arbiter = jwt.verify(token, k); } catch (e) { ${inCatch} } next(); }`;
    expect(kinds(mw('req.authError = e.message;'))).toEqual(['swallowed-catch@2']);
    expect(kinds(mw('req.arbiter = null;'))).toEqual(['swallowed-catch@2']);
    // without the guard it is optional authentication; a catch that answers stops the request
    expect(kinds(mw('req.authError = e.message;', ''))).toEqual([]);
    expect(kinds(mw('return res.status(401).end();'))).toEqual([]);
    // an async function used as a route hook, which lets the request on by returning
    const hook = (use: string) =>
      JWT + `async function requireKeeper(request, reply) { const token = request.cookies.s; if (!token) return reply.code(401).send(); try { request.keeper = jwt.verify(token, k); } catch (err) { request.log.warn({ err }); } }\n${use}`;
    expect(kinds(hook("app.get('/hives', { preHandler: requireKeeper }, list);"))).toEqual(['swallowed-catch@2']);
    expect(kinds(hook("app.get('/hives', { onRequest: [app.csrf, requireKeeper] }, list);"))).toEqual(['swallowed-catch@2']);
    expect(kinds(hook('export { requireKeeper };'))).toEqual([]);
  });
  it('a fallback identity of its own returned after the catch', () => {
    const manage = (init: string) =>
      JWT + `export async function canManage(token, ownerId) { let sub = ${init}; try { const c = jwt.verify(token, k); sub = c.sub; } catch (err) { console.warn(err); } return sub === ownerId; }`;
    expect(kinds(manage('ownerId'))).toEqual(['swallowed-catch@2']);
    expect(kinds(manage('null'))).toEqual([]);
    const who = JWT + "export async function current(req) { let claims = { sub: req.get('x-id') }; try { ({ payload: claims } = await jwt.verify(t, k)); } catch {} return claims; }";
    expect(kinds(who)).toEqual(['swallowed-catch@2']);
  });
  it('the wrapped handler called with the request through a TS cast', () => {
    const code = JWT + 'export function withAuth(handler) { return async (req, res) => { let l; try { l = jwt.verify(t, k); } catch (e) { console.error(e); } (req as A).learner = l!; return handler(req as A, res); }; }';
    expect(kinds(code, 'f.ts')).toEqual(['swallowed-catch@2']);
  });
  it('Nest verifyAsync returns a promise: only an awaited one is caught by the try', () => {
    const nest = (body: string) =>
      "import { JwtService } from '@nestjs/jwt';\nexport class G { constructor(private readonly jwt: JwtService) {}\n async canActivate(req, next) { " + body + ' } }';
    expect(kinds(nest('try { req.user = await this.jwt.verifyAsync(t); } catch (e) { console.log(e); } return true;'))).toEqual(['swallowed-catch@3']);
    expect(kinds(nest('try { req.user = this.jwt.verifyAsync(t); } catch (e) { console.log(e); } return true;'))).toEqual([]);
    expect(kinds(nest('try { req.user = (await this.jwt.verifyAsync(t)) as Claims; } catch (e) { console.log(e); } return true;'))).toEqual(['swallowed-catch@3']);
    // the synchronous verify throws inside the try
    expect(kinds(nest('try { req.user = this.jwt.verify(t); } catch (e) { console.log(e); } return true;'))).toEqual(['swallowed-catch@3']);
  });
  it('a token signed after the swallowed catch is a success path (refresh endpoints)', () => {
    const refresh = (between: string) =>
      JWT + `function refresh(req, res) { let claims; try { claims = jwt.verify(req.cookies.rt, k); } catch (e) { req.log.warn({ err: e }); } ${between} const accessToken = jwt.sign({ sub: claims?.sub }, k2); res.json({ accessToken }); }`;
    expect(kinds(refresh(''))).toEqual(['swallowed-catch@2']);
    expect(kinds(refresh('if (!claims) return res.sendStatus(401);'))).toEqual([]);
    // a sign inside a callback defined after the try is not reached here
    expect(kinds(JWT + 'function a(req, res) { let c; try { c = jwt.verify(t, k); } catch (e) { console.log(e); } const later = () => jwt.sign({}, k); return later; }')).toEqual([]);
  });
});

describe('findIgnoredVerifyErrors: higher-order wrappers', () => {
  const JOSE = "import { jwtVerify } from 'jose';\n";
  const wrapper = (catchBody: string, after = 'return handler(req, res);') =>
    JOSE +
    `export function withSessionAuth(handler) {\n  return async (req, res) => {\n    try {\n      const { payload } = await jwtVerify(token, key, opts);\n      req.user = payload;\n    } catch (e) {\n      ${catchBody}\n    }\n    ${after}\n  };\n}`;
  it('calling the wrapped handler with the request after a swallowed catch continues as if authenticated', () => {
    expect(kinds(wrapper('console.error(e);'))).toEqual(['swallowed-catch@5']);
    expect(kinds(wrapper('console.error(e);', 'return await handler(req, res, ctx);'))).toEqual(['swallowed-catch@5']);
    expect(kinds(wrapper('console.error(e);', 'await handler(req, res);'))).toEqual(['swallowed-catch@5']);
    // the catch itself hands over to the handler
    expect(kinds(wrapper('console.error(e);\n      return handler(req, res);', 'return res.status(500).end();'))).toEqual(['swallowed-catch@5']);
    // function-declaration wrappers and (event) handlers
    expect(
      kinds(JOSE + 'export const withAuth = (fn) => async function (event) {\n  try { await jwtVerify(event.token, key); } catch (e) { console.warn(e); }\n  return fn(event);\n};'),
    ).toEqual(['swallowed-catch@3']);
  });
  it('is silent when the catch rejects, the call is not the wrapped handler, or the request is not passed', () => {
    expect(kinds(wrapper('return res.status(401).json({ error: "unauthorized" });'))).toEqual([]);
    expect(kinds(wrapper('throw e;'))).toEqual([]);
    // a module-level function, not a parameter of an enclosing function
    expect(kinds(JOSE + 'import { render } from "./r";\nexport default async (req, res) => {\n  try { const { payload } = await jwtVerify(t, k); req.u = payload; } catch (e) { console.error(e); }\n  const x = 1;\n  return render(req, res);\n};')).toEqual([]);
    // the wrapped handler gets something other than the request
    expect(kinds(wrapper('console.error(e);', 'return handler(null, res);'))).toEqual([]);
    // the handler's own parameter (a callback of this function), and an optional-auth wrapper
    expect(kinds(JOSE + 'export const h = async (req, cb) => {\n  try { const { payload } = await jwtVerify(t, k); req.u = payload; } catch (e) { console.error(e); }\n  return cb(req);\n};')).toEqual([]);
    expect(kinds(wrapper('console.error(e);').replace('withSessionAuth', 'withOptionalAuth'))).toEqual([]);
  });
});
