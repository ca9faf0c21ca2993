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
