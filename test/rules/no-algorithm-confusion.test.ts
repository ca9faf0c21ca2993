import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../rules/no-algorithm-confusion.js';
import { commonjs } from './language-options.js';
import { invalidVariants, memberVariants, namedVariants, validVariants } from '../helpers/import-variants.js';

const ruleTester = new RuleTester();
const validJwt = (code: string) => validVariants(memberVariants('jsonwebtoken', code), code);
const jose = namedVariants('jose', ['jwtVerify', 'compactVerify']);

ruleTester.run('no-algorithm-confusion', rule, {
  valid: [
    // one family, in every import form
    ...validJwt(`jwt.verify(t, k, { algorithms: ['HS256', 'HS384', 'HS512'] });`),
    ...validJwt(`jwt.verify(t, k, { algorithms: ['RS256', 'PS256', 'ES256', 'EdDSA'] });`),
    ...validVariants(jose, `await jwtVerify(t, k, { algorithms: ['ES256'] });\nawait compactVerify(t, k, { algorithms: ['RS256', 'PS256'] });`),
    // no allow-list, an empty one, `none` alone (other rules' business)
    `import jwt from 'jsonwebtoken'; jwt.verify(t, k); jwt.verify(t, k, { algorithms: [] }); jwt.verify(t, k, { algorithms: ['none'] });`,
    // unknown elements or lists: a parameter, env, a spread of a parameter, a call
    `import jwt from 'jsonwebtoken'; export const v = (t, k, algs) => jwt.verify(t, k, { algorithms: algs });`,
    `import jwt from 'jsonwebtoken'; jwt.verify(t, k, { algorithms: ['HS256', process.env.EXTRA_ALG] });`,
    `import jwt from 'jsonwebtoken'; export const v = (t, k, extra) => jwt.verify(t, k, { algorithms: ['RS256', ...extra] });`,
    `import jwt from 'jsonwebtoken'; jwt.verify(t, k, { algorithms: allowedAlgorithms() });`,
    `import jwt from 'jsonwebtoken'; export const v = (t, k, o) => jwt.verify(t, k, { ...o, algorithms: ['RS256'] });`,
    // names that only look like algorithms
    `import jwt from 'jsonwebtoken'; jwt.verify(t, k, { algorithms: ['hs256', 'RS256'] });`,
    // mixed lists outside a JWT API
    `const algorithms = ['HS256', 'RS256']; supportedAlgs(algorithms);`,
    `const jwt = { verify() {} }; jwt.verify(t, k, { algorithms: ['HS256', 'RS256'] });`,
    `import jwt from 'jsonwebtoken'; other.verify(t, k, { algorithms: ['HS256', 'RS256'] });`,
    // a sign with a single algorithm is never a list
    `import jwt from 'jsonwebtoken'; jwt.sign(p, k, { algorithm: 'HS256' }); jwt.sign(p, k2, { algorithm: 'RS256' });`,
  ],
  invalid: [
    ...invalidVariants(memberVariants('jsonwebtoken', `jwt.verify(token, key, { algorithms: ['HS256', 'RS256'] });`), {
      code: `jwt.verify(token, key, { algorithms: ['HS256', 'RS256'] });`,
      errors: [
        {
          messageId: 'mixedFamilies',
          data: { hmac: '`HS256`', asymmetric: '`RS256`' },
          line: 1,
          column: 38,
          endColumn: 56,
          suggestions: [],
        },
      ],
    }),
    ...invalidVariants(jose, {
      code: `await jwtVerify(token, key, { algorithms: ['ES256', 'HS512'] });`,
      errors: [{ messageId: 'mixedFamilies', line: 1, column: 43, suggestions: [] }],
    }),
    // a list from constants: reported where the list is used, once per use
    {
      code: `import jwt from 'jsonwebtoken';\nconst HMAC = ['HS256'];\nconst ALGS = [...HMAC, 'PS256', 'EdDSA'];\njwt.verify(a, k, { algorithms: ALGS });\njwt.verify(b, k, { algorithms: ALGS });`,
      errors: [
        { messageId: 'mixedFamilies', data: { hmac: '`HS256`', asymmetric: '`PS256`, `EdDSA`' }, line: 4, column: 32 },
        { messageId: 'mixedFamilies', line: 5, column: 32 },
      ],
    },
    // the known part already mixes families: reported despite an unknown element
    {
      code: `import jwt from 'jsonwebtoken';\njwt.verify(t, k, { algorithms: ['HS256', 'RS256', process.env.ALG] });`,
      errors: [{ messageId: 'mixedFamilies', line: 2, column: 32, suggestions: [] }],
    },
    // options object behind a variable (reported on the list inside it)
    {
      code: `import jwt from 'jsonwebtoken';\nconst options = { algorithms: ['RS256', 'HS256'] };\njwt.verify(t, k, options);`,
      errors: [{ messageId: 'mixedFamilies', line: 2, column: 31 }],
    },
    // the file signs with RS256: suggest keeping that family
    {
      code: `import jwt from 'jsonwebtoken';\njwt.sign(p, privateKey, { algorithm: 'RS256' });\njwt.verify(t, publicKey, { algorithms: ['RS256', 'HS256', 'RS512'] });`,
      errors: [
        {
          messageId: 'mixedFamilies',
          line: 3,
          suggestions: [
            {
              messageId: 'keepFamily',
              data: { list: '`RS256`, `RS512`' },
              output: `import jwt from 'jsonwebtoken';\njwt.sign(p, privateKey, { algorithm: 'RS256' });\njwt.verify(t, publicKey, { algorithms: ['RS256', 'RS512'] });`,
            },
          ],
        },
      ],
    },
    // an Express-style CommonJS middleware
    {
      code: [
        `const jwt = require('jsonwebtoken');`,
        `const ALLOWED = ['HS256', 'RS256'];`,
        `module.exports = function auth(req, res, next) {`,
        `  jwt.verify(req.cookies.token, process.env.JWT_KEY, { algorithms: ALLOWED }, (err, claims) => {`,
        `    if (err) return res.sendStatus(401);`,
        `    req.user = claims;`,
        `    next();`,
        `  });`,
        `};`,
      ].join('\n'),
      filename: 'auth.js',
      languageOptions: commonjs,
      errors: [{ messageId: 'mixedFamilies', line: 4, column: 68, suggestions: [] }],
    },
  ],
});
