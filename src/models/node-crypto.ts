import type { LibraryModel } from './types.js';

/**
 * Node's `crypto` key constructors: a key object built from literal material is still hardcoded key material.
 * (`crypto.createHmac` is deliberately not modelled: HMAC keys of unrelated code are not JWT secrets.)
 */
export const nodeCrypto: LibraryModel = {
  id: 'node:crypto',
  modules: ['crypto', 'node:crypto'],
  esm: false,
  exports: {
    createSecretKey: { call: { op: 'import-key', args: { key: 0 }, keyKind: 'secret' } },
    createPrivateKey: { call: { op: 'import-key', args: { key: 0 }, keyKind: 'private' } },
    createPublicKey: { call: { op: 'import-key', args: { key: 0 }, keyKind: 'public' } },
  },
};
