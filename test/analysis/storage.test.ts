import { describe, expect, it } from 'vitest';
import { analyze } from '../helpers/analyze.js';
import { getStorageWrites, storageKey } from '../../src/analysis/storage.js';

const writes = (code: string, options = {}) =>
  analyze(code, (context) => getStorageWrites(context).map((w) => ({ kind: w.kind, target: w.target, key: storageKey(context, w), value: w.value && context.sourceCode.getText(w.value) })), options);

describe('getStorageWrites', () => {
  it('finds setItem, property and index writes, through global objects and aliases', () => {
    const got = writes("localStorage.setItem('a', x); window.sessionStorage.setItem(K, y); const K = 'b'; globalThis.localStorage.c = z; self.localStorage['d'] = w; const s = localStorage; s.setItem('e', v);");
    expect(got).toEqual([
      { kind: 'web-storage', target: 'localStorage', key: { kind: 'known', text: 'a' }, value: 'x' },
      { kind: 'web-storage', target: 'sessionStorage', key: { kind: 'known', text: 'b' }, value: 'y' },
      { kind: 'web-storage', target: 'localStorage', key: { kind: 'known', text: 'c' }, value: 'z' },
      { kind: 'web-storage', target: 'localStorage', key: { kind: 'known', text: 'd' }, value: 'w' },
      { kind: 'web-storage', target: 'localStorage', key: { kind: 'known', text: 'e' }, value: 'v' },
    ]);
  });
  it('ignores reads, removals, Storage methods and shadowed globals', () => {
    expect(writes("localStorage.getItem('a'); localStorage.removeItem('a'); localStorage.clear(); const x = localStorage.a; localStorage.setItem = f;")).toEqual([]);
    expect(writes("function f(localStorage) { localStorage.setItem('a', b); } const window = {}; window.localStorage.setItem('a', b);")).toEqual([]);
  });
  it('follows globals handed to an immediately invoked wrapper (UMD / jQuery-plugin style)', () => {
    expect(writes("(function (window, document) { document.cookie = 'portal_jwt=' + resp.token + '; path=/'; window.localStorage.setItem('a', b); })(window, document);")).toEqual([
      { kind: 'document-cookie', target: 'document.cookie', key: { kind: 'known', text: 'portal_jwt' }, value: 'resp.token' },
      { kind: 'web-storage', target: 'localStorage', key: { kind: 'known', text: 'a' }, value: 'b' },
    ]);
    expect(writes("((w, d) => { d.cookie = 'jwt=' + t; })(window, window.document);")).toMatchObject([{ kind: 'document-cookie', key: { kind: 'known', text: 'jwt' } }]);
    // a parameter that is reassigned, a wrapper handed something else, a wrapper that is not invoked
    expect(writes("(function (document) { document = frame.contentDocument; document.cookie = 'jwt=' + t; })(document);")).toEqual([]);
    expect(writes("(function (document) { document.cookie = 'jwt=' + t; })(fakeDocument);")).toEqual([]);
    expect(writes("export const f = function (document) { document.cookie = 'jwt=' + t; };")).toEqual([]);
  });
  it('follows bindings that hold the window: typed `Window`, Angular injection, AngularJS `$window`', () => {
    const ts = { filename: 'f.ts' };
    expect(writes("export function persist(win: Window, t: string) { win.localStorage.setItem('auth_token', t); }", ts)).toMatchObject([
      { kind: 'web-storage', target: 'localStorage', key: { kind: 'known', text: 'auth_token' }, value: 't' },
    ]);
    expect(writes("const w: Window & typeof globalThis = getWindow(); w.sessionStorage['jwt'] = t;", ts)).toMatchObject([{ target: 'sessionStorage', key: { text: 'jwt' } }]);
    expect(
      writes("class AuthStore { constructor(@Inject(WINDOW) private readonly win: Window) {} save(t: string) { this.win.localStorage.setItem('token', t); } }", ts),
    ).toMatchObject([{ target: 'localStorage', key: { text: 'token' } }]);
    expect(writes("angular.module('app').factory('auth', ['$window', function ($window) { return { save(t) { $window.localStorage.token = t; } }; }]);")).toMatchObject([
      { target: 'localStorage', key: { text: 'token' } },
    ]);
    // an untyped parameter, another type, or a binding reassigned to something else is not the window
    expect(writes("function persist(win, t) { win.localStorage.setItem('auth_token', t); }")).toEqual([]);
    expect(writes("function persist(win: FakeWindow, t: string) { win.localStorage.setItem('auth_token', t); }", ts)).toEqual([]);
    expect(writes("function persist(win: Window, t: string) { win = frame; win.localStorage.setItem('auth_token', t); }", ts)).toEqual([]);
  });
  it('finds writes through storage hooks: VueUse refs, React tuples, Mantine options', () => {
    const vue = "import { useLocalStorage, useStorage } from '@vueuse/core';\n";
    expect(writes(vue + "const token = useLocalStorage('access_token', ''); async function login(c) { token.value = (await api.login(c)).token; }")).toMatchObject([
      { kind: 'web-storage', target: 'localStorage', key: { kind: 'known', text: 'access_token' }, value: '(await api.login(c)).token' },
    ]);
    expect(writes(vue + "const jwt = useStorage('jwt', null, sessionStorage); jwt.value = t;")).toMatchObject([{ target: 'sessionStorage', key: { text: 'jwt' } }]);
    // a custom storage (in memory, encrypted) is not Web Storage; a binding only read writes nothing
    expect(writes(vue + "const jwt = useStorage('jwt', null, memoryStorage); jwt.value = t;")).toEqual([]);
    expect(writes(vue + "const token = useLocalStorage('token', ''); const headers = { Authorization: `Bearer ${token.value}` };")).toEqual([]);
    expect(writes("import { useLocalStorage } from 'usehooks-ts';\nfunction useAuth() { const [token, setToken] = useLocalStorage('token', ''); return { login: async (c) => setToken(await signIn(c)) }; }")).toMatchObject([
      { target: 'localStorage', key: { text: 'token' }, value: 'await signIn(c)' },
    ]);
    expect(writes("import { useSessionStorage } from '@mantine/hooks';\nconst [t, setT] = useSessionStorage({ key: 'id_token', defaultValue: '' }); setT(resp.id_token);")).toMatchObject([
      { target: 'sessionStorage', key: { text: 'id_token' } },
    ]);
    // a local hook of the same name is not the library's
    expect(writes("function useLocalStorage(k, v) { return [v, () => {}]; }\nconst [t, setT] = useLocalStorage('token', ''); setT(x);")).toEqual([]);
  });
  it('parses document.cookie writes', () => {
    expect(writes('const N = "jwt"; document.cookie = `${N}=${t}; path=/`;')).toEqual([
      { kind: 'document-cookie', target: 'document.cookie', key: { kind: 'known', text: 'jwt' }, value: 't' },
    ]);
    expect(writes("document.cookie = 'portal_jwt=' + resp.token + '; path=/';")).toEqual([
      { kind: 'document-cookie', target: 'document.cookie', key: { kind: 'known', text: 'portal_jwt' }, value: 'resp.token' },
    ]);
    expect(writes("const N = 'jwt'; document.cookie = N + '=' + t;")).toMatchObject([{ key: { kind: 'known', text: 'jwt' }, value: 't' }]);
    expect(writes("document.cookie = 'token=; max-age=0';")).toEqual([
      { kind: 'document-cookie', target: 'document.cookie', key: { kind: 'known', text: 'token' }, value: undefined },
    ]);
  });
  it('reads template keys partially', () => {
    expect(writes('localStorage.setItem(`${app}:token`, t);')[0].key).toEqual({ kind: 'partial', text: ':token' });
  });
  it('includes browser cookie libraries, not server ones', () => {
    const got = writes("import Cookies from 'js-cookie'; import { serialize } from 'cookie'; Cookies.set('a', b); serialize('c', d);");
    expect(got).toEqual([{ kind: 'cookie-library', target: 'Cookies.set', key: { kind: 'known', text: 'a' }, value: 'b' }]);
  });
  it('costs nothing on files without storage or cookies', () => {
    expect(writes('const a = 1; export default a;')).toEqual([]);
  });
});

describe('storageKey: unresolved constants are judged by their name', () => {
  const keys = (code: string) => analyze(code, (context) => getStorageWrites(context).map((w) => storageKey(context, w)));
  it('names members and SCREAMING_CASE constants, minus a trailing key word', () => {
    expect(
      keys("import { STORAGE_KEYS } from './keys';\nimport { TOKEN_KEY, THEME_KEY } from './c';\nlocalStorage.setItem(STORAGE_KEYS.accessToken, a); localStorage.setItem(TOKEN_KEY, b); localStorage.setItem(THEME_KEY, c); localStorage.setItem(KEYS['refresh_token'], d);"),
    ).toEqual([
      { kind: 'named', text: 'accessToken' },
      { kind: 'named', text: 'token' },
      { kind: 'named', text: 'theme' },
      { kind: 'named', text: 'refresh_token' },
    ]);
  });
  it('known values win; parameters, calls and computed keys stay unknown', () => {
    expect(keys("const TOKEN_KEY = 'prefs'; localStorage.setItem(TOKEN_KEY, a);")).toEqual([{ kind: 'known', text: 'prefs' }]);
    expect(keys('function put(TOKEN_KEY, v) { localStorage.setItem(TOKEN_KEY, v); }')).toEqual([{ kind: 'unknown' }]);
    expect(keys('localStorage.setItem(keyFor(user), a); localStorage.setItem(keys[i], b); localStorage.setItem(storageKey, c);')).toEqual([
      { kind: 'unknown' },
      { kind: 'unknown' },
      { kind: 'unknown' },
    ]);
  });
  it('finds the globals from the scope: shadowed storage is not written, UMD wrappers are', () => {
    expect(keys("const localStorage = new Map(); localStorage.setItem('token', t);")).toEqual([]);
    expect(keys("(function (w) { w.localStorage.setItem('token', t); })(window);")).toEqual([{ kind: 'known', text: 'token' }]);
    // a read is not a write; `document.cookie` is found from the global `document`
    expect(keys("document.cookie = 'a=1'; localStorage.getItem('token');")).toEqual([{ kind: 'known', text: 'a' }]);
  });
});
