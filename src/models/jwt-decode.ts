import type { ApiModel, LibraryModel } from './types.js';

/**
 * jwt-decode (auth0): reads a token's payload (or header with `{ header: true }`) without any signature check.
 * v4: `import { jwtDecode } from 'jwt-decode'`; v3 and earlier: the default export / `module.exports` is the function.
 */
export const decode: ApiModel = { op: 'decode', args: { token: 0, options: 1 }, options: { headerOnly: 'header' } };

export const jwtDecode: LibraryModel = {
  id: 'jwt-decode',
  modules: ['jwt-decode'],
  esm: false,
  exports: {
    jwtDecode: { call: decode },
    default: { call: decode },
  },
  self: { call: decode },
};
