import { jsonwebtoken } from './jsonwebtoken.js';
import { jose } from './jose.js';
import { nodeCrypto } from './node-crypto.js';
import { jwtDecode } from './jwt-decode.js';
import { nestjsJwt } from './nestjs-jwt.js';
import { passportJwt } from './passport-jwt.js';
import { expressJwt } from './express-jwt.js';
import { fastifyJwt } from './fastify-jwt.js';
import { fastJwt } from './fast-jwt.js';
import { jwtSimple } from './jwt-simple.js';
import { koaJwt } from './koa-jwt.js';
import { honoJwt } from './hono-jwt.js';
import { nextAuthJwt } from './next-auth.js';
import { jws } from './jws.js';
import type { LibraryModel } from './types.js';

export type { ApiModel, LibraryModel, Operation, OptionConcept, DurationSemantics, ArgRole } from './types.js';

/** Every modelled library, in order of use. Add a library by adding its model file here. */
export const libraries: readonly LibraryModel[] = [
  jsonwebtoken,
  jose,
  jwtDecode,
  nestjsJwt,
  passportJwt,
  expressJwt,
  fastifyJwt,
  fastJwt,
  jwtSimple,
  koaJwt,
  honoJwt,
  nextAuthJwt,
  jws,
  nodeCrypto,
];
