import { describe, expect, it } from 'vitest';
import { analyze, target } from '../helpers/analyze.js';
import { cookieCallParts, cookieFlag, getCookieWrites, parseCookieString } from '../../src/analysis/cookies.js';

const ids = (code: string, filename?: string) =>
  analyze(code, (context) => getCookieWrites(context).map((w) => (w.kind === 'call' ? w.model.id : `header:${w.cookie.name}`)), filename ? { filename } : {});

describe('getCookieWrites: libraries', () => {
  it('finds library calls through imports, require and returned objects', () => {
    expect(ids("import { serialize } from 'cookie'; serialize('a', b);")).toEqual(['cookie.serialize']);
    expect(ids("const cookie = require('cookie'); cookie.serialize('a', b);", '/x/file.js')).toEqual(['cookie.serialize']);
    expect(ids("import { cookies } from 'next/headers'; cookies().set('a', b); const c = await cookies(); c.set({ name: 'a', value: b });")).toEqual([
      'next.cookies.set',
      'next.cookies.set',
    ]);
    expect(ids("import { NextResponse } from 'next/server'; const r = NextResponse.next(); r.cookies.set('a', b);")).toEqual(['next.response.cookies.set']);
    expect(ids("import { setCookie } from 'hono/cookie'; setCookie(c, 'a', b);")).toEqual(['hono.setCookie']);
    expect(ids("import { useCookies } from 'react-cookie'; const [c, setC] = useCookies(); setC('a', b);")).toEqual(['react-cookie.setCookie']);
  });
  it('ignores look-alike calls', () => {
    expect(ids("import { serialize } from './cookie'; serialize('a', b);")).toEqual([]);
    expect(ids("const cookies = () => new Map(); cookies().set('a', b);")).toEqual([]);
  });
});

describe('getCookieWrites: framework receivers', () => {
  it('anchors on imports, route handlers, typed parameters and Nest decorators', () => {
    expect(ids("import express from 'express'; const app = express(); app.get('/', (rq, out) => out.cookie('a', b));")).toEqual(['express.res.cookie']);
    expect(ids("const express = require('express'); function f() { res.cookie('a', b); }", '/x/f.js')).toEqual(['express.res.cookie']);
    expect(ids("import type { FastifyReply } from 'fastify'; export function f(r: FastifyReply) { r.setCookie('a', b); }")).toEqual(['fastify.reply.setCookie']);
    expect(ids("import fastify from 'fastify'; const app = fastify(); app.get('/', (req, reply) => { reply.cookie('a', b); });")).toEqual(['fastify.reply.setCookie']);
    expect(ids("import Koa from 'koa'; new Koa().use(async (ctx) => { ctx.cookies.set('a', b); });")).toEqual(['koa.ctx.cookies.set']);
    expect(ids("import { Res } from '@nestjs/common'; class C { m(@Res() out) { out.cookie('a', b); } }")).toEqual(['express.res.cookie']);
  });
  it('follows chains of receiver-returning calls', () => {
    expect(ids("import express from 'express'; const app = express(); app.post('/', (req, res) => { res.status(200).cookie('a', b).json({}); });")).toEqual([
      'express.res.cookie',
    ]);
    expect(ids("import express from 'express'; function f(req, res) { res.cookie('a', b).cookie('c', d); }")).toEqual(['express.res.cookie', 'express.res.cookie']);
    expect(ids("import type { FastifyReply } from 'fastify'; export function f(r: FastifyReply) { r.code(201).header('x', y).setCookie('a', b); }")).toEqual([
      'fastify.reply.setCookie',
    ]);
    // not a receiver-returning call: `json()` ends the response, `getRes()` is some other object
    expect(ids("import express from 'express'; function f(req, res) { res.json({}).cookie('a', b); getRes().cookie('a', b); }")).toEqual([]);
    expect(ids("const res = api(); res.status(200).cookie('a', b);")).toEqual([]);
  });
  it('anchors a helper of a file that loads no framework on cookie options', () => {
    const f = '/x/cookies.js';
    expect(ids("const legacy = { httpOnly: true, maxAge: 1000 };\nfunction set(res, sid) { res.cookie('session_id', sid, legacy); }", f)).toEqual(['express.res.cookie']);
    expect(ids("function set(reply, t) { reply.setCookie('token', t, { secure: true }); }", f)).toEqual(['fastify.reply.setCookie']);
    // no options, options without a cookie's keys, not a parameter, another name
    expect(ids("function set(res, t) { res.cookie('token', t); }", f)).toEqual([]);
    expect(ids("function set(res, t) { res.cookie('token', t, { path: '/' }); }", f)).toEqual([]);
    expect(ids("function set(t) { const res = jar(); res.cookie('token', t, { httpOnly: true }); }", f)).toEqual([]);
    expect(ids("function set(jar, t) { jar.cookie('token', t, { httpOnly: true }); }", f)).toEqual([]);
  });
  it('anchors on the handler signature without imports', () => {
    expect(ids("module.exports = (req, res, next) => { res.cookie('a', b); };", '/x/c.js')).toEqual(['express.res.cookie']);
    expect(ids('export const h = async (ctx, next) => { ctx.cookies.set("a", b); await next(); };')).toEqual(['koa.ctx.cookies.set']);
  });
  it('anchors `this` of a reply decorator or a function typed `this: FastifyReply`', () => {
    expect(ids("import fp from 'fastify-plugin';\nexport default fp(async (app) => { app.decorateReply('issue', function (t) { this.setCookie('sid', t, o); return this; }); });")).toEqual([
      'fastify.reply.setCookie',
    ]);
    expect(ids("import type { FastifyReply } from 'fastify';\nexport function issue(this: FastifyReply, t: string) { this.setCookie('sid', t, o); }", 'f.ts')).toEqual([
      'fastify.reply.setCookie',
    ]);
    // another `this`: a class of its own, an arrow inside a decorator of something else
    expect(ids("class Jar { setCookie(n, v) {} save(t) { this.setCookie('sid', t); } }")).toEqual([]);
    expect(ids("app.decorate('issue', function (t) { this.setCookie('sid', t, o); });")).toEqual([]);
  });
  it('stays silent on other objects', () => {
    expect(ids("const res = api(); res.cookie('a', b);")).toEqual([]);
    expect(ids("function f(a, res) { res.cookie('a', b); }")).toEqual([]);
    expect(ids("function f(req, jar) { jar.cookie('a', b); }")).toEqual([]);
    expect(ids("import express from 'express'; function f(store) { store.cookie('a', b); }")).toEqual([]);
    expect(ids("import type { Response } from 'node-fetch'; function f(res: Response) { res.cookie('a', b); }")).toEqual([]);
    expect(ids("const ctx = { cookies: new Map() }; ctx.cookies.set('a', b);")).toEqual([]);
  });
  it('finds raw Set-Cookie header strings but not serialize results', () => {
    expect(ids("res.setHeader('Set-Cookie', `sid=${s}; HttpOnly`); headers.append('set-cookie', 'a=' + v);")).toEqual(['header:sid', 'header:a']);
    expect(ids("import { serialize } from 'cookie'; res.setHeader('Set-Cookie', serialize('a', b));")).toEqual(['cookie.serialize']);
    expect(ids("res.setHeader('Content-Type', `a=${b}`);")).toEqual([]);
  });
});

describe('cookieFlag', () => {
  const flags = (code: string) =>
    analyze(code, (context) => {
      const w = getCookieWrites(context)[0];
      if (w?.kind !== 'call') throw new Error('no call');
      const parts = cookieCallParts(context, w);
      return (['httpOnly', 'secure', 'sameSite'] as const).map((f) => cookieFlag(context, w, parts, f, true).kind);
    });
  it('reads literal, variable and spread options', () => {
    const pre = "import { serialize } from 'cookie';";
    expect(flags(`${pre} serialize('a', b);`)).toEqual(['missing', 'missing', 'missing']);
    expect(flags(`${pre} serialize('a', b, { httpOnly: true, secure: false, sameSite: 'none' });`)).toEqual(['safe', 'unsafe', 'unsafe']);
    expect(flags(`${pre} const o = { httpOnly: true }; serialize('a', b, { ...o, sameSite: 'Strict' });`)).toEqual(['safe', 'missing', 'safe']);
    expect(flags(`${pre} serialize('a', b, { ...opts, httpOnly: true });`)).toEqual(['safe', 'unknown', 'unknown']);
    expect(flags(`${pre} serialize('a', b, { secure: process.env.NODE_ENV === 'production' });`)).toEqual(['missing', 'unknown', 'missing']);
    expect(flags(`${pre} function f(o) { serialize('a', b, o); }`)).toEqual(['unknown', 'unknown', 'unknown']);
  });
  it('applies library defaults', () => {
    expect(flags("import Koa from 'koa'; new Koa().use((ctx) => ctx.cookies.set('a', b));")).toEqual(['safe', 'missing', 'missing']);
    expect(flags("import Koa from 'koa'; const app = new Koa(); app.proxy = true; app.use((ctx) => ctx.cookies.set('a', b));")).toEqual(['safe', 'safe', 'missing']);
    expect(flags("import Koa from 'koa'; const app = new Koa({ proxy: true }); app.use((ctx) => ctx.cookies.set('a', b));")).toEqual(['safe', 'safe', 'missing']);
    expect(flags("import f from 'fastify'; f().get('/', (q, reply) => reply.setCookie('a', b));")).toEqual(['missing', 'missing', 'safe']);
    expect(flags("import { setCookie } from 'hono/cookie'; setCookie(c, 'a', b, { prefix: 'host' });")).toEqual(['missing', 'safe', 'missing']);
  });
});

describe('parseCookieString', () => {
  const parse = (code: string) =>
    analyze(code, (context, program) => {
      const p = parseCookieString(context, target(program));
      return p && { name: p.name, value: p.valueNode && context.sourceCode.getText(p.valueNode), attributes: p.attributes && Object.fromEntries(p.attributes) };
    });
  it('splits name, value and attributes', () => {
    expect(parse('target(`token=${t}; Path=/; HttpOnly; SameSite=Strict`);')).toEqual({ name: 'token', value: 't', attributes: { path: '/', httponly: '', samesite: 'strict' } });
    expect(parse("const K = 'sid'; target(K + '=' + v);")).toEqual({ name: 'sid', value: 'v', attributes: {} });
    expect(parse('target(`${name}=${v}; ${attrs}`);')).toEqual({ name: undefined, value: 'v', attributes: undefined });
    expect(parse('target(header);')).toBeUndefined();
  });
});

describe('getCookieWrites: framework calls found from the text, not a token walk', () => {
  it('finds optional and repeated calls; skips strings, comments and other identifiers', () => {
    const code =
      "import express from 'express';\nconst app = express();\n" +
      "app.post('/', (req, res) => {\n  // res.cookie('a', b) in a comment\n  const s = \"res.cookie('x', y)\";\n  const cookieName = 'c'; const myCookies = 1;\n" +
      "  res\n    .status(200)\n    .cookie('a', b);\n  res?.cookie('b', c);\n  res.cookie('c', d); res.cookie('d', e);\n});";
    // `res\n.status(200)\n.cookie(…)`: a chain off the response parameter, found at the call's start
    expect(analyze(code, (context) => getCookieWrites(context).map((w) => w.node.loc.start.line))).toEqual([7, 10, 11, 11]);
  });
  it('Koa ctx.cookies.set and Fastify reply.setCookie', () => {
    expect(ids("import Koa from 'koa';\nconst app = new Koa();\napp.use(async (ctx) => { ctx.cookies.set('a', b); ctx.cookies.get('a'); });")).toEqual(['koa.ctx.cookies.set']);
    expect(ids("import Fastify from 'fastify';\nconst app = Fastify();\napp.get('/', async (request, reply) => { reply.setCookie('a', b); });")).toEqual(['fastify.reply.setCookie']);
  });
});
