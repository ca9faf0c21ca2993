import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../rules/no-token-in-storage.js';
import { commonjs } from './language-options.js';

const ruleTester = new RuleTester();

const storage = (line: number, column: number, target = 'localStorage') => ({ messageId: 'tokenInStorage' as const, data: { target }, line, column });
const cookie = (line: number, column: number, target: string) => ({ messageId: 'tokenInCookie' as const, data: { target }, line, column });

ruleTester.run('no-token-in-storage', rule, {
  valid: [
    // storage hooks: a binding only read, a non-token key, a removal, a custom storage
    `import { useLocalStorage } from '@vueuse/core';
const token = useLocalStorage('token', '');
export const authHeader = () => ({ Authorization: \`Bearer \${token.value}\` });`,
    `import { useLocalStorage } from 'usehooks-ts';
export function useTheme() { const [theme, setTheme] = useLocalStorage('theme', 'light'); return { theme, toggle: () => setTheme(theme === 'light' ? 'dark' : 'light') }; }`,
    `import { useLocalStorage } from 'usehooks-ts';
export function useLogout() { const [, setToken] = useLocalStorage('token', ''); return () => setToken(''); }`,
    `import { useStorage } from '@vueuse/core';
const token = useStorage('token', '', encryptedStorage);
export function remember(t) { token.value = t; }`,
    // a parameter that holds something other than the window
    { code: "export function save(win: FrameHandle, t: string) { win.localStorage.setItem('token', t); }", filename: 'save.ts' },
    // unresolved constants whose name says nothing about tokens, or a look-alike
    `import { TOKENS_USED_KEY, THEME_KEY, tokenizerModel } from './c';\nlocalStorage.setItem(TOKENS_USED_KEY, n);\nlocalStorage.setItem(THEME_KEY, t);\nlocalStorage.setItem(tokenizerModel, m);`,
    `import { STORAGE_KEYS } from './keys';\nlocalStorage.setItem(STORAGE_KEYS.theme, t);\nlocalStorage.setItem(STORAGE_KEYS.csrfToken, c);`,
    `import { CSRF_TOKEN_KEY, TOKEN_EXPIRY_KEY } from './keys';\nlocalStorage.setItem(CSRF_TOKEN_KEY, c);\nlocalStorage.setItem(TOKEN_EXPIRY_KEY, e);`,
    // a parameter key in a helper, a computed or call key: unknown
    `export function put(key, value) { localStorage.setItem(key, value); }`,
    `export function put(TOKEN_KEY, value) { localStorage.setItem(TOKEN_KEY, value); }`,
    `localStorage.setItem(keyFor(user), v);\nlocalStorage.setItem(keys[i], v);`,
    // the constant resolves to a neutral key: the value wins over the name
    `const TOKEN_KEY = 'prefs';\nlocalStorage.setItem(TOKEN_KEY, value);`,
    // look-alike keys and values
    `localStorage.setItem('tokenizerModel', model);`,
    `localStorage.setItem('theme', theme);`,
    `localStorage.setItem('csrfHeaderName', name);`,
    `sessionStorage.setItem('recipeDraft', JSON.stringify(draft));`,
    `localStorage.setItem('maxTokens', String(maxTokens));`,
    `localStorage.setItem('tokensUsed', usage.totalTokens);`,
    `localStorage.setItem('csrf_token', csrfToken);`,
    `localStorage.setItem('pushSubscription', fcmToken);`,
    `localStorage.setItem('tokenExpiry', String(decoded.exp));`,
    `localStorage.setItem('hasSession', String(!!token));`,
    `const TOKEN_KEY = 'tokenizer'; localStorage.setItem(TOKEN_KEY, JSON.stringify(cfg));`,
    // reads and removals
    `const t = localStorage.getItem('token');`,
    `localStorage.removeItem('token');`,
    `window.sessionStorage.removeItem('access_token');`,
    `localStorage.clear();`,
    `const t = localStorage.token;`,
    `document.cookie = 'token=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';`,
    `const c = document.cookie;`,
    // statically known values are not tokens from a login
    `localStorage.setItem('token', '');`,
    // unknown key and unknown value
    `function save(key, value) { localStorage.setItem(key, value); }`,
    `localStorage.setItem(key, JSON.stringify(state));`,
    `localStorage.setItem('user', JSON.stringify(response.data));`,
    // a local object called localStorage is not the global
    `const localStorage = new Map(); localStorage.setItem('token', token);`,
    `function f(localStorage) { localStorage.setItem('token', token); }`,
    `import { localStorage } from './fake-storage'; localStorage.setItem('token', token);`,
    `const document = { cookie: '' }; document.cookie = \`token=\${token}\`;`,
    // a set() on something that is not a cookie library
    `const cookies = new Map(); cookies.set('token', token);`,
    `import Cookies from './my-cookies'; Cookies.set('token', token);`,
    `const store = { set() {} }; store.set('token', token);`,
    // non-token cookies
    `import Cookies from 'js-cookie'; Cookies.set('theme', theme);`,
    `document.cookie = \`locale=\${locale}; path=/\`;`,
    `document.cookie = 'locale=' + lang + '; path=/';`,
    `(function (window, document) { document.cookie = 'theme=' + theme + '; path=/'; })(window, document);`,
    `(function (document) { document.cookie = 'portal_jwt=' + resp.token; })(iframeDocument);`,
    `document.cookie = \`\${name}=\${value}; path=/\`;`,
    // realistic front-end code that keeps the token in memory
    {
      code: `import axios from 'axios';
let accessToken: string | undefined;
export const api = axios.create({ baseURL: '/api', withCredentials: true });
api.interceptors.request.use((config) => {
  if (accessToken) config.headers.Authorization = \`Bearer \${accessToken}\`;
  return config;
});
export async function login(email: string, password: string) {
  const { data } = await api.post('/auth/login', { email, password });
  accessToken = data.accessToken;
  localStorage.setItem('lastEmail', email);
}`,
      filename: 'api.ts',
    },
    {
      code: `import { defineStore } from 'pinia';
export const useUiStore = defineStore('ui', {
  state: () => ({ theme: localStorage.getItem('theme') ?? 'light', sidebar: true }),
  actions: {
    setTheme(theme: string) {
      this.theme = theme;
      localStorage.setItem('theme', theme);
    },
    logout() {
      localStorage.removeItem('token');
      sessionStorage.clear();
    },
  },
});`,
      filename: 'ui.ts',
    },
    {
      code: `export function TokenizerPicker({ models }) {
  const [model, setModel] = useState(() => localStorage.getItem('tokenizerModel'));
  const choose = (m) => { setModel(m); localStorage.setItem('tokenizerModel', m); };
  return <select onChange={(e) => choose(e.target.value)}>{models.map((m) => <option key={m}>{m}</option>)}</select>;
}`,
      filename: 'picker.jsx',
    },
    // declared browser globals (languageOptions.globals)
    {
      code: `localStorage.setItem('theme', theme);`,
      languageOptions: { globals: { localStorage: 'readonly', window: 'readonly', document: 'readonly' } },
    },
  ],
  invalid: [
    { code: `localStorage.setItem('token', token);`, errors: [storage(1, 1)] },
    // unresolved constants whose name says token (the key's value is in another file, or unknown)
    { code: `import { STORAGE_KEYS } from './keys';\nexport function persist(payload) { localStorage.setItem(STORAGE_KEYS.accessToken, payload.access); }`, errors: [storage(2, 36)] },
    { code: `import { TOKEN_KEY } from './constants';\nlocalStorage.setItem(TOKEN_KEY, x);`, errors: [storage(2, 1)] },
    { code: `import { SESSION_TOKEN_KEY } from '@/config';\nsessionStorage.setItem(SESSION_TOKEN_KEY, data);`, errors: [storage(2, 1, 'sessionStorage')] },
    { code: `import { ACCESS_TOKEN_KEY, REFRESH_TOKEN_STORAGE_KEY } from './c';\nlocalStorage.setItem(ACCESS_TOKEN_KEY, a);\nlocalStorage.setItem(REFRESH_TOKEN_STORAGE_KEY, r);`, errors: [storage(2, 1), storage(3, 1)] },
    { code: `import Cookies from 'js-cookie';\nimport { TOKEN_KEY } from './c';\nCookies.set(TOKEN_KEY, value);`, errors: [cookie(3, 1, 'Cookies.set')] },
    { code: `sessionStorage.setItem('access_token', data.access_token);`, errors: [storage(1, 1, 'sessionStorage')] },
    { code: `window.localStorage.setItem('jwt', res.data.token);`, errors: [storage(1, 1)] },
    { code: `globalThis.localStorage.setItem("authToken", t);`, errors: [storage(1, 1)] },
    { code: `self.sessionStorage.setItem('refresh_token', r);`, errors: [storage(1, 1, 'sessionStorage')] },
    { code: `window['localStorage'].setItem('user-token', t);`, errors: [storage(1, 1)] },
    // key through constants
    { code: `const TOKEN_KEY = 'auth_token';\nlocalStorage.setItem(TOKEN_KEY, value);`, errors: [storage(2, 1)] },
    { code: `const KEYS = { token: 'myapp:token' } as const;\nlocalStorage.setItem(KEYS.token, value);`, errors: [storage(2, 1)] },
    { code: `localStorage.setItem(\`\${APP}_access_token\`, value);`, errors: [storage(1, 1)] },
    // decided by the value
    { code: `localStorage.setItem('auth', JSON.stringify({ user, token }));`, errors: [storage(1, 1)] },
    { code: `const session = { user: data.user, accessToken: data.accessToken };\nlocalStorage.setItem('session', JSON.stringify(session));`, errors: [storage(2, 1)] },
    { code: `const { access_token: t } = await res.json();\nlocalStorage.setItem('a', t);`, errors: [storage(2, 1)] },
    { code: `const body = await response.json();\nlocalStorage.setItem('x', body.token);`, errors: [storage(2, 1)] },
    { code: `localStorage.setItem('Authorization', \`Bearer \${token}\`);`, errors: [storage(1, 1)] },
    // property and index writes
    { code: `localStorage.token = token;`, errors: [storage(1, 1)] },
    { code: `localStorage['jwt'] = value;`, errors: [storage(1, 1)] },
    { code: `const KEY = 'access_token';\nwindow.sessionStorage[KEY] = value;`, errors: [storage(2, 1, 'sessionStorage')] },
    { code: `localStorage.lastUser = data.refreshToken;`, errors: [storage(1, 1)] },
    // aliases
    { code: `const storage = window.localStorage;\nstorage.setItem('token', token);`, errors: [storage(2, 1)] },
    // produced by a JWT library
    {
      code: `import jwt from 'jsonwebtoken';\nconst signed = jwt.sign({ sub: id }, secret);\nlocalStorage.setItem('x', signed);`,
      errors: [storage(3, 1)],
    },
    { code: `localStorage.setItem('x', generateAccessToken(user));`, errors: [storage(1, 1)] },
    // document.cookie
    { code: `document.cookie = \`token=\${token}; path=/\`;`, errors: [cookie(1, 1, 'document.cookie')] },
    { code: `document.cookie = 'jwt=' + t + '; path=/; max-age=3600';`, errors: [cookie(1, 1, 'document.cookie')] },
    {
      name: 'a legacy IIFE module handed window and document, concatenating the cookie',
      code: `(function (window, document) {
  'use strict';
  window.Portal = { login: function (form) {
    $.ajax({ url: '/api/login', type: 'POST', data: $(form).serialize(), success: function (resp) {
      document.cookie = 'portal_jwt=' + resp.token + '; path=/';
      window.location.href = '/portal/home';
    } });
  } };
})(window, document);`,
      filename: 'session.js',
      errors: [cookie(5, 7, 'document.cookie')],
    },
    { code: `const TOKEN = 'access_token';\nwindow.document.cookie = \`\${TOKEN}=\${value}\`;`, errors: [cookie(2, 1, 'document.cookie')] },
    { code: `document.cookie = \`session_data=\${data.accessToken}\`;`, errors: [cookie(1, 1, 'document.cookie')] },
    // cookie libraries
    { code: `import Cookies from 'js-cookie';\nCookies.set('token', token, { expires: 7 });`, errors: [cookie(2, 1, 'Cookies.set')] },
    { code: `const Cookies = require('js-cookie');\nCookies.set('auth', value);`, errors: [cookie(2, 1, 'Cookies.set')], filename: 'file.js' },
    { code: `import Cookies from 'universal-cookie';\nconst cookies = new Cookies();\ncookies.set('access_token', data.access_token, { path: '/' });`, errors: [cookie(3, 1, 'cookies.set')] },
    {
      code: `import { useCookies } from 'react-cookie';\nfunction Login() {\n  const [cookies, setCookie] = useCookies(['token']);\n  const onLogin = async () => { const { data } = await api.post('/login'); setCookie('token', data.token); };\n}`,
      errors: [cookie(4, 76, 'setCookie')],
    },
    // import variants of the cookie libraries
    { code: `import * as Cookies from 'js-cookie';\nCookies.set('token', token);`, errors: [cookie(2, 1, 'Cookies.set')] },
    { code: `const Cookies = require('js-cookie');\nCookies.set('jwt', jwt);`, errors: [cookie(2, 1, 'Cookies.set')], filename: 'file.cjs', languageOptions: commonjs },
    { code: `const { default: Cookies } = await import('js-cookie');\nCookies.set('jwt', jwt);`, errors: [cookie(2, 1, 'Cookies.set')], filename: 'file.mjs' },
    { code: `import Cookies = require('js-cookie');\nCookies.set('jwt', jwt);`, errors: [cookie(2, 1, 'Cookies.set')] },
    { code: `const Cookies = require('universal-cookie');\nconst c = new Cookies(req.headers.cookie);\nc.set('refreshToken', refreshToken);`, errors: [cookie(3, 1, 'cookies.set')], filename: 'file.js' },
    // declared browser globals
    {
      code: `window.localStorage.setItem('token', token);\nlocalStorage.setItem('jwt', jwt);`,
      languageOptions: { globals: { localStorage: 'readonly', window: 'readonly' } },
      errors: [storage(1, 1), storage(2, 1)],
    },
    // realistic front-end code
    {
      code: `import axios from 'axios';
export async function login(email: string, password: string) {
  const res = await axios.post('/api/auth/login', { email, password });
  localStorage.setItem('token', res.data.token);
  axios.defaults.headers.common.Authorization = \`Bearer \${res.data.token}\`;
  return res.data.user;
}`,
      filename: 'auth.ts',
      errors: [storage(4, 3)],
    },
    {
      code: `import { createSlice } from '@reduxjs/toolkit';
const authSlice = createSlice({
  name: 'auth',
  initialState: { user: null, token: localStorage.getItem('token') },
  reducers: {
    setCredentials: (state, action) => {
      const { user, accessToken } = action.payload;
      state.user = user;
      state.token = accessToken;
      localStorage.setItem('user', JSON.stringify(user));
      localStorage.setItem('token', accessToken);
    },
    logout: (state) => { state.user = null; state.token = null; localStorage.removeItem('token'); },
  },
});`,
      filename: 'authSlice.ts',
      errors: [storage(11, 7)],
    },
    {
      code: `import { defineStore } from 'pinia';
export const useAuthStore = defineStore('auth', {
  state: () => ({ user: null as null | object }),
  actions: {
    async login(credentials: { email: string; password: string }) {
      const response = await fetch('/api/login', { method: 'POST', body: JSON.stringify(credentials) });
      const data = await response.json();
      this.user = data.user;
      sessionStorage.setItem('auth', JSON.stringify({ user: data.user, token: data.token }));
    },
  },
});`,
      filename: 'auth.ts',
      errors: [storage(9, 7, 'sessionStorage')],
    },
    {
      code: `import { useState } from 'react';
import Cookies from 'js-cookie';
export function LoginForm() {
  const [email, setEmail] = useState('');
  async function onSubmit(e) {
    e.preventDefault();
    const res = await fetch('/api/login', { method: 'POST', body: JSON.stringify({ email }) });
    const { token } = await res.json();
    Cookies.set('auth_token', token, { expires: 7, secure: true, sameSite: 'strict' });
  }
  return <form onSubmit={onSubmit}><input value={email} onChange={(e) => setEmail(e.target.value)} /></form>;
}`,
      filename: 'LoginForm.jsx',
      errors: [cookie(9, 5, 'Cookies.set')],
    },
    {
      code: `import { Injectable } from '@angular/core';
import { HttpClient } from '@angular/common/http';
import { CookieService } from 'ngx-cookie-service';
@Injectable({ providedIn: 'root' })
export class AuthService {
  constructor(private http: HttpClient, private cookieService: CookieService) {}
  login(email: string, password: string) {
    return this.http.post<{ token: string }>('/api/login', { email, password }).subscribe((res) => {
      this.cookieService.set('token', res.token);
      this.cookieService.set('lastLogin', new Date().toISOString());
    });
  }
}`,
      filename: 'auth.service.ts',
      errors: [cookie(9, 7, 'cookieService.set')],
    },
    {
      code: `import Cookies from 'universal-cookie';
export class Session {
  private cookies = new Cookies();
  save(token: string) { this.cookies.set('jwt', token, { path: '/' }); }
}`,
      errors: [cookie(4, 25, 'cookies.set')],
    },
    { code: `import { setCookie } from 'typescript-cookie';\nsetCookie('jwt', jwt);`, errors: [cookie(2, 1, 'setCookie')] },
    {
      code: `import { defineStore } from 'pinia';
import { useLocalStorage } from '@vueuse/core';
export const useAuth = defineStore('auth', () => {
  const accessToken = useLocalStorage('access_token', '');
  async function login(email: string, password: string) {
    const { data } = await api.post('/login', { email, password });
    accessToken.value = data.accessToken;
  }
  return { accessToken, login };
});`,
      filename: 'auth.ts',
      errors: [storage(7, 5)],
    },
    {
      code: `import { useSessionStorage } from 'usehooks-ts';
export function useSession() {
  const [jwt, setJwt] = useSessionStorage<string | null>('jwt', null);
  const login = async (creds: Creds) => setJwt((await signIn(creds)).token);
  return { jwt, login };
}`,
      filename: 'useSession.ts',
      errors: [storage(4, 41, 'sessionStorage')],
    },
    {
      code: "export function persistSession(win: Window, session: { token: string }) {\n  win.localStorage.setItem('auth_token', session.token);\n}",
      filename: 'persist.ts',
      errors: [storage(2, 3)],
    },
    {
      code: "angular.module('app').service('Auth', function ($window, $http) {\n  this.login = (c) => $http.post('/api/login', c).then((r) => { $window.localStorage.token = r.data.token; });\n});",
      errors: [storage(2, 65)],
    },
  ],
});
