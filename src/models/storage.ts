/**
 * Browser storage that any script on the page can read: the Web Storage globals and `document.cookie`.
 * Data only; `analysis/storage.ts` finds the writes.
 *
 * Globals are found through the global scope (declared browser globals or unresolved references) and
 * through the global-object names below (`window.localStorage`, `globalThis.sessionStorage`,
 * `self.localStorage`), never through a local variable of the same name.
 */

/** Objects through which a browser global can also be reached. */
export const GLOBAL_OBJECT_NAMES: readonly string[] = ['window', 'globalThis', 'self', 'global'];

/** A Web Storage object (`Storage` interface). */
export interface StorageGlobalModel {
  /** the global's name: `localStorage`, `sessionStorage` */
  name: string;
  /** how long the data survives, for messages */
  lifetime: 'persistent' | 'tab';
  /** methods that write: argument index of the key and of the value */
  writes: Readonly<Record<string, { key: number; value: number }>>;
  /** Storage methods that are not keys: a property write to one of these is not a stored item */
  methods: readonly string[];
}

const STORAGE_METHODS = ['setItem', 'getItem', 'removeItem', 'clear', 'key', 'length'];

export const storageGlobals: readonly StorageGlobalModel[] = [
  { name: 'localStorage', lifetime: 'persistent', writes: { setItem: { key: 0, value: 1 } }, methods: STORAGE_METHODS },
  { name: 'sessionStorage', lifetime: 'tab', writes: { setItem: { key: 0, value: 1 } }, methods: STORAGE_METHODS },
];

/** `document.cookie = 'name=value; attributes'`: a cookie string written from a script is script-readable. */
export const documentCookie = { global: 'document', property: 'cookie' } as const;

/**
 * Hooks that bind a reactive value to Web Storage: every value written to the binding is stored under the key.
 * `returns: 'ref'` — a ref written as `binding.value = v` (VueUse); `'tuple'` — `[value, setValue]`, written by calling
 * the setter (usehooks-ts, @uidotdev/usehooks, react-use, @mantine/hooks). `key` is the key's argument index, or
 * `{ object, property }` for an options object (`useLocalStorage({ key: 'token', defaultValue: '' })`).
 * `storageArgument`: the argument that picks the storage (VueUse `useStorage(key, init, sessionStorage)`), default
 * `localStorage`; any other storage there (a custom or in-memory one) is not modelled.
 */
export interface StorageHookModel {
  export: string;
  storage: 'localStorage' | 'sessionStorage';
  key: number | { object: number; property: string };
  returns: 'ref' | 'tuple';
  storageArgument?: number;
}

const tupleHooks = (key: StorageHookModel['key']): StorageHookModel[] => [
  { export: 'useLocalStorage', storage: 'localStorage', key, returns: 'tuple' },
  { export: 'useSessionStorage', storage: 'sessionStorage', key, returns: 'tuple' },
];

export const storageHookLibraries: Readonly<Record<string, readonly StorageHookModel[]>> = {
  '@vueuse/core': [
    { export: 'useLocalStorage', storage: 'localStorage', key: 0, returns: 'ref' },
    { export: 'useSessionStorage', storage: 'sessionStorage', key: 0, returns: 'ref' },
    { export: 'useStorage', storage: 'localStorage', key: 0, returns: 'ref', storageArgument: 2 },
  ],
  'usehooks-ts': tupleHooks(0),
  '@uidotdev/usehooks': tupleHooks(0),
  'react-use': tupleHooks(0),
  '@mantine/hooks': tupleHooks({ object: 0, property: 'key' }),
};
