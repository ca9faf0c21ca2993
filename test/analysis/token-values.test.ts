import { describe, expect, it } from 'vitest';
import { analyze, target } from '../helpers/analyze.js';
import { tokenValueEvidence } from '../../src/analysis/token-values.js';

const evidence = (code: string) => analyze(code, (context, program) => {
  const e = tokenValueEvidence(context, target(program));
  return e && { source: e.source, name: e.name, kind: e.kind };
});

describe('tokenValueEvidence', () => {
  it('finds token names, also through const and destructuring', () => {
    expect(evidence('target(token);')).toMatchObject({ source: 'name', name: 'token' });
    expect(evidence('const t = data.refreshToken; target(t);')).toMatchObject({ source: 'field', name: 'refreshToken', kind: 'refresh' });
    expect(evidence('const { access_token: t } = await res.json(); target(t);')).toMatchObject({ source: 'field', name: 'access_token', kind: 'access' });
    expect(evidence('const { idToken = null } = props; target(idToken);')).toMatchObject({ source: 'name', kind: 'id' });
    expect(evidence('class A { token = ""; f() { target(this.token); } }')).toMatchObject({ source: 'name' });
  });
  it('finds token fields of responses', () => {
    expect(evidence('target(res.data.token);')).toMatchObject({ source: 'field', name: 'token' });
    expect(evidence("target(body['accessToken']);")).toMatchObject({ source: 'field' });
    expect(evidence('target((await response.json()).token);')).toMatchObject({ source: 'field' });
  });
  it('finds the members of a token pair', () => {
    expect(evidence('target(tokens.access);')).toMatchObject({ source: 'field', kind: 'access' });
    expect(evidence('target(res.tokens.refresh);')).toMatchObject({ kind: 'refresh' });
    expect(evidence('target(tokenPair.refresh);')).toMatchObject({ kind: 'refresh' });
    expect(evidence('target(permissions.access);')).toBeUndefined();
    expect(evidence('target(tokens.count);')).toBeUndefined();
    expect(evidence('target(pair.access);')).toBeUndefined();
  });
  it('finds the state of a Pinia options store that holds a token', () => {
    const store = (state: string) =>
      `defineStore('session', { state: () => (${state}), actions: { persist() { target(JSON.stringify(this.$state)); } } });`;
    expect(evidence(store("{ accessToken: '', expiresAt: 0 }"))).toMatchObject({ source: 'carrier', name: 'accessToken' });
    expect(evidence(store("{ theme: 'dark', sidebar: true }"))).toBeUndefined();
    expect(evidence('class A { f() { target(this.$state); } }')).toBeUndefined();
  });
  it('finds carriers: objects, JSON, templates', () => {
    expect(evidence('target(JSON.stringify({ user, token }));')).toMatchObject({ source: 'carrier', name: 'token' });
    expect(evidence('const s = { user: u, jwt: t }; target(JSON.stringify(s));')).toMatchObject({ source: 'carrier', name: 'jwt' });
    expect(evidence('target(`Bearer ${accessToken}`);')).toMatchObject({ source: 'carrier' });
    expect(evidence("target(token || '');")).toMatchObject({ source: 'name' });
  });
  it('finds tokens produced by a JWT library or a token factory', () => {
    expect(evidence("import jwt from 'jsonwebtoken'; const s = jwt.sign(p, k); target(s);")).toMatchObject({ source: 'jwt' });
    expect(evidence("import { SignJWT } from 'jose'; const s = await new SignJWT(p).setProtectedHeader(h).sign(k); target(s);")).toMatchObject({ source: 'jwt' });
    expect(evidence('target(generateRefreshToken(user));')).toMatchObject({ source: 'jwt', kind: 'refresh' });
  });
  it('finds a token read back from storage under a token key', () => {
    expect(evidence("const legacy = localStorage.getItem('token'); target(legacy);")).toMatchObject({ source: 'field', name: 'token' });
    expect(evidence("const KEY = 'refresh_token'; target(window.sessionStorage.getItem(KEY));")).toMatchObject({ source: 'field', kind: 'refresh' });
    expect(evidence("target(localStorage.getItem('theme'));")).toBeUndefined();
    expect(evidence('target(localStorage.getItem(key));')).toBeUndefined();
  });
  it('finds tokens returned by a function of the file that signs them', () => {
    const JWT = "import jwt from 'jsonwebtoken';\n";
    expect(evidence(JWT + 'function signAccess(u) { return jwt.sign({ sub: u.id }, k); }\ntarget(signAccess(user));')).toMatchObject({ source: 'jwt', name: 'signAccess' });
    expect(evidence(JWT + 'const mint = async (u) => jwt.sign({ sub: u.id }, k);\ntarget(await mint(user));')).toMatchObject({ source: 'jwt', name: 'mint' });
    // a function that signs something but returns something else; a recursive one; a function of another file
    expect(evidence(JWT + 'function f(u) { const t = jwt.sign({ sub: u.id }, k); audit(t); return u.id; }\ntarget(f(user));')).toBeUndefined();
    expect(evidence('function f(n) { return n ? f(n - 1) : 0; }\ntarget(f(3));')).toBeUndefined();
    expect(evidence("import { signAccess } from './tokens';\ntarget(signAccess(user));")).toBeUndefined();
  });
  it('stays silent on look-alikes and unknown values', () => {
    for (const code of [
      'target(tokenizerModel);',
      'target(csrfToken);',
      'target(maxTokens);',
      'target(theme.tokens);',
      'target(decodedToken);',
      'target(String(!!token));',
      'target(token.length);',
      'target(JSON.stringify(user));',
      'target(getToken());',
      'target(value);',
      "import jwt from 'jsonwebtoken'; target(jwt.decode(t));",
      'const cfg = { theme: "dark" }; target(JSON.stringify(cfg));',
    ]) {
      expect(evidence(code), code).toBeUndefined();
    }
  });
});

describe('tokenValueEvidence: CSRF values are never tokens', () => {
  it.each([
    'target(generateCsrfToken());',
    'target(req.csrfToken());',
    'const token = generateCsrfToken(); target(token);',
    'const token = req.csrfToken(); target(token);',
    'const token = await createXsrfToken(session); target(token);',
    'const { csrfToken: token } = await res.json(); target(token);',
    'const token = tokens.csrf; target(token);',
    'target(`${csrfToken}`);',
  ])('%s', (code) => expect(evidence(code)).toBeUndefined());
  it('still finds bearer tokens next to CSRF code', () => {
    expect(evidence('const token = generateAccessToken(user); target(token);')).toMatchObject({ source: 'name', name: 'token' });
    expect(evidence('const csrf = generateCsrfToken(); const token = signSession(user); target(token);')).toMatchObject({ name: 'token' });
    expect(evidence('const { token } = await res.json(); target(token);')).toMatchObject({ name: 'token' });
  });
});
