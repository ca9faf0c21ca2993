import { describe, expect, it } from 'vitest';
import { getJwtUsages } from '../../src/analysis/imports.js';
import { classifyDecodedUse, isBrowserCode, isUnverifiedDecode, isVerifiedInSameFunction } from '../../src/analysis/token-flow.js';
import { analyze, type AnalyzeOptions } from '../helpers/analyze.js';

const JWT = `import jwt from 'jsonwebtoken';\n`;
const JOSE = `import { decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';\n`;

const firstDecode = (context: Parameters<typeof isBrowserCode>[0]) => {
  const u = getJwtUsages(context).find((x) => isUnverifiedDecode(context, x));
  if (!u) throw new Error('no decode usage');
  return u;
};
const use = (code: string) => analyze(code, (context) => classifyDecodedUse(context, firstDecode(context)));
const verified = (code: string) => analyze(code, (context) => isVerifiedInSameFunction(context, firstDecode(context)));
const browser = (code: string, options?: AnalyzeOptions) => analyze(code, (context) => isBrowserCode(context), options);

describe('classifyDecodedUse', () => {
  it.each([
    [`const { header } = jwt.decode(token, { complete: true }); const key = keys[header.kid];`],
    [`const decoded = jwt.decode(token, { complete: true }); if (!decoded) throw new Error(); const key = await getKey(decoded.header.kid);`],
    [`const kid = jwt.decode(token, { complete: true })?.header.kid;`],
    [`const d = jwt.decode(token, { complete: true }) as any; lookup(d.header.kid, d.header.alg);`],
  ])('header: %s', (code) => {
    expect(use(JWT + code)).toBe('header');
  });

  it('a decode with `header: true` reads the header only', () => {
    expect(use(`import { jwtDecode } from 'jwt-decode';\nres.json(jwtDecode(token, { header: true }));`)).toBe('header');
    expect(use(`import { jwtDecode } from 'jwt-decode';\nres.json(jwtDecode(token, { header: false }));`)).toBe('other');
  });

  it('a header-only API is header use whatever happens to the result', () => {
    expect(use(JOSE + `const header = decodeProtectedHeader(token); return header;`)).toBe('header');
  });

  it.each([
    [`const { exp } = jwt.decode(token); return exp * 1000 < Date.now();`],
    [`const decoded = jwt.decode(token); if (decoded && decoded.exp < now) refresh();`],
    [`const p = decodeJwt(token); const expiresAt = p.exp * 1000; const issued = p.iat;`],
    [`const d = jwt.decode(token, { complete: true }); return d.payload.exp;`],
    [`return jwt.decode(token).exp;`],
    [`const d = jwt.decode(token); if (d == null) return; schedule(d.exp);`],
  ])('time: %s', (code) => {
    expect(use((code.includes('decodeJwt') ? JOSE : JWT) + code)).toBe('time');
  });

  it.each([
    [`const user = jwt.decode(token); req.user = user;`],
    [`const { sub } = jwt.decode(token); return db.find(sub);`],
    [`const decoded = jwt.decode(token); if (decoded.role === 'admin') grant();`],
    [`const { ...all } = jwt.decode(token); use(all);`],
    [`const d = jwt.decode(token); const { exp, role } = d;`],
    // without complete: true the result is the payload; `.header` is a claim named header
    [`const d = jwt.decode(token); use(d.header.kid);`],
    [`const d = jwt.decode(token); console.log(d ?? 'none');`],
    // returned, but also used for something else
    [`const d = jwt.decode(token); req.user = d; return d;`],
    [`const d = jwt.decode(token); return d ? d.sub : null;`],
    [`const d = jwt.decode(token); const u = JSON.parse(d); db.find(u.id);`],
    // a returned claim hands out an identity: not a wrapper
    [`function f(t) { const d = jwt.decode(t, { complete: true }); return d.payload.sub; }`],
    [`function f(t) { const d = jwt.decode(t, opts); return d.sub; }`],
    [`function f(t) { const d = jwt.decode(t); return d?.sub; }`],
    [`export const f = (t) => ({ sub: jwt.decode(t).sub });`],
    [`function f(t) { const d = jwt.decode(t); res.json(d); return d; }`],
  ])('other: %s', (code) => {
    expect(use(JWT + code)).toBe('other');
  });

  it.each([
    [`return jwt.decode(token);`],
    [`export const decodeToken = (t) => jwt.decode(t);`],
    [`export const decodeToken = (t) => jwt.decode(t) as Claims;`],
    [`function f(t) { const d = jwt.decode(t, { complete: true }); return d.payload; }`],
    [`function f(t) { const d = jwt.decode(t, { complete: true }); if (!d) return null; const p = d.payload; return p; }`],
    [`function f(t) { const d = jwt.decode(t); return { user: d }; }`],
    [`function f(t) { const d = jwt.decode(t, { complete: true }); let p = d.payload; if (typeof p === 'string') { const o = JSON.parse(p); if (o !== null) p = o; } return p; }`],
  ])('returned (a decode wrapper): %s', (code) => {
    expect(use(JWT + code)).toBe('returned');
  });

  it('a decoder made by a factory takes the shape of its results from the factory options', () => {
    const FAST = `import { createDecoder } from 'fast-jwt';\n`;
    expect(use(FAST + `const decode = createDecoder({ complete: true });\nexport const headerOf = (t) => decode(t).header;`)).toBe('returned');
    expect(use(FAST + `const decode = createDecoder({ complete: true });\nuse(decode(t).header.kid);`)).toBe('header');
    expect(use(FAST + `const decode = createDecoder();\nuse(decode(t).header.kid);`)).toBe('other');
  });

  it('a returned time claim is a time read', () => {
    expect(use(JWT + `function expOf(t) { return jwt.decode(t).exp; }`)).toBe('time');
  });

  it('an unused result trusts nothing', () => {
    expect(use(JWT + `jwt.decode(token);`)).toBe('none');
  });

  it('follows a decode repackaged into an object kept in a variable, through that property only', () => {
    const keep = (reads: string) =>
      JOSE + `function provider(t, cb) { let d; try { d = { payload: decodeJwt(t), header: decodeProtectedHeader(t) }; } catch { d = null; } ${reads} }`;
    // only the header is read: a key lookup (jwks-rsa's passport provider)
    expect(use(keep('if (!d || !ok.includes(d.header.alg)) return cb(null, null); client.getSigningKey(d.header.kid, cb);'))).toBe('none');
    expect(use(keep('cb(null, d.payload.exp);'))).toBe('time');
    expect(use(keep('cb(null, d.payload.sub);'))).toBe('other');
    expect(use(keep('cb(null, d.payload);'))).toBe('other');
    expect(use(keep('cb(null, d);'))).toBe('other');
  });
});

describe('isVerifiedInSameFunction', () => {
  it.each([
    [`function f(token) { const { header } = jwt.decode(token, { complete: true }); return jwt.verify(token, keys[header.kid], { algorithms: ['RS256'] }); }`],
    [`function f(token) { jwt.verify(token, key, { algorithms: ['HS256'] }); return jwt.decode(token); }`],
    [`function f(req) { const d = jwt.decode(req.headers.authorization.split(' ')[1]); jwt.verify(req.headers.authorization.split(' ')[1], k); }`],
    [`function f(req) { const raw = req.cookies.token; const t = raw; const d = jwt.decode(t); jwt.verify(raw, k); }`],
    [`async function f(token) { const d = jwt.decode(token); await verifyToken(token); return d.sub; }`],
    [`async function f(token) { const d = jwt.decode(token); await this.auth.validateJwt(token); return d; }`],
    [`function f(token) { const d = jwt.decode(token); return new Promise((ok) => jwt.verify(token, k, (e, p) => ok(p))); }`],
    [`function f(token) { jwt.verify(token, k, { algorithms: ['HS256'] }); return items.map((i) => ({ i, who: jwt.decode(token).sub })); }`],
    [`function f(token) { const later = () => jwt.decode(token).sub; jwt.verify(token, k); return later; }`],
    [`function f(req) { const a = req.headers.authorization; const b = req.headers.authorization; jwt.decode(a).sub; jwt.verify(b, k); }`],
  ])('%s', (code) => {
    expect(verified(JWT + code)).toBe(true);
  });

  it('with jose', () => {
    expect(verified(JOSE + `async function f(t) { const { kid } = decodeProtectedHeader(t); const p = decodeJwt(t); await jwtVerify(t, key); }`)).toBe(true);
  });

  it.each([
    [`function f(token) { return jwt.decode(token); }`],
    [`function f(token, other) { const d = jwt.decode(token); jwt.verify(other, k); return d; }`],
    [`function f(token) { return jwt.decode(token); } function g(token) { jwt.verify(token, k); }`],
    // the same name in two functions is not the same token
    [`const claims = (token) => jwt.decode(token).sub; const check = (token) => jwt.verify(token, k);`],
    [`function f(req) { const d = jwt.decode(getToken(req)); jwt.verify(getToken(req), k); }`],
    [`async function f(token) { const d = jwt.decode(token); await logToken(token); return d; }`],
    // a verify call that is itself an unverified read does not count
    [`function f(token) { const d = jwt.decode(token); jwt.decode(token, { complete: true }); return d; }`],
  ])('not verified: %s', (code) => {
    expect(verified(JWT + code)).toBe(false);
  });
});

describe('isBrowserCode', () => {
  it.each<[string, AnalyzeOptions?]>([
    [`'use client';\nimport jwt from 'jsonwebtoken';`],
    [`import { useEffect } from 'react';`],
    [`import { ref } from 'vue';`],
    [`import { Component } from '@angular/core';`],
    [`import { jwtDecode } from 'jwt-decode';`],
    [`const x = 1;`, { filename: '/app/src/components/Nav.ts' }],
    [`const x = 1;`, { filename: '/app/src/Header.tsx' }],
    [`const x = 1;`, { filename: '/app/pages/profile.js' }],
    [`const x = 1;`, { filename: '/app/client/session.ts' }],
    // variables a bundler inlines, event handlers and components are not server signals
    [`import { jwtDecode } from 'jwt-decode';\nconst api = process.env.NEXT_PUBLIC_API_URL; const dev = process.env.NODE_ENV !== 'production';`],
    [`import { jwtDecode } from 'jwt-decode';\nexport const onLogin = (event) => jwtDecode(event.detail);`],
    [`import { jwtDecode } from 'jwt-decode';\nexport function handleClick(event) { return jwtDecode(event.target.value); }`],
    [`import { jwtDecode } from 'jwt-decode';\nexport const handler = () => jwtDecode(localStorage.token);`],
  ])('browser: %s %o', (code, options) => {
    expect(browser(code, options)).toBe(true);
  });

  it.each<[string, AnalyzeOptions?]>([
    [`import jwt from 'jsonwebtoken';`],
    [`import express from 'express';\nimport React from 'react';`],
    [`'use client';\nimport fs from 'node:fs';`],
    [`const x = 1;`, { filename: '/app/pages/api/me.js' }],
    [`import { cookies } from 'next/headers';`, { filename: '/app/app/profile/page.tsx' }],
    [`'use server';\nimport { useState } from 'react';`],
    [`import React from 'react';`, { filename: '/app/src/server/render.tsx' }],
    [`const express = require('express'); const React = require('react');`, { filename: '/app/a.js', sourceType: 'commonjs' }],
    [`const x = 1;`, { filename: '/app/src/auth/tokens.ts' }],
    // jwt-decode on a server: a Lambda / serverless entry point, a server environment read, a serverless runtime
    [`import { jwtDecode } from 'jwt-decode';\nexport const handler = async (event) => jwtDecode(event.headers.authorization);`, { filename: '/app/authorizer.mjs' }],
    [`import { jwtDecode } from 'jwt-decode';\nexport async function handler(event, context) { return jwtDecode(event.token); }`],
    [`const { jwtDecode } = require('jwt-decode');\nexports.handler = async (event) => jwtDecode(event.token);`, { filename: '/app/a.js', sourceType: 'commonjs' }],
    [`const { jwtDecode } = require('jwt-decode');\nmodule.exports.handler = async function (event) { return jwtDecode(event.token); };`, { filename: '/app/a.js', sourceType: 'commonjs' }],
    [`import { jwtDecode } from 'jwt-decode';\nexport default async function auth(req, res) { res.json(jwtDecode(req.headers.authorization)); }`],
    [`import { jwtDecode } from 'jwt-decode';\nconst secret = process.env.JWT_SECRET;`],
    [`import { jwtDecode } from 'jwt-decode';\nconst secret = Deno.env.get('JWT_SECRET');`],
    [`import { jwtDecode } from 'jwt-decode';\nimport type { APIGatewayProxyEvent } from 'aws-lambda';`],
  ])('not browser: %s %o', (code, options) => {
    expect(browser(code, options)).toBe(false);
  });
});

describe('isUnverifiedDecode', () => {
  it('decode APIs are, verify APIs are not', () => {
    const ops = analyze(JWT + `jwt.decode(t); jwt.verify(t, k);`, (context) => getJwtUsages(context).map((u) => isUnverifiedDecode(context, u)));
    expect(ops).toEqual([true, false]);
  });
});
