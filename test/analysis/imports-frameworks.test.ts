import { describe, expect, it } from 'vitest';
import type { OptionConcept } from '../../src/models/types.js';
import { getArg, getFileUsages, getJwtUsages, type JwtUsage } from '../../src/analysis/imports.js';
import { getInheritedOption, getUsageOption } from '../../src/analysis/usage-options.js';
import { analyze, type ProbeContext } from '../helpers/analyze.js';
import { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import plugin from '../../src/index.js';

/** `rule @line` for every message of the plugin's `all` config on a TypeScript snippet. */
function lintAll(code: string, filename = '/app/routes/file.ts'): string[] {
  const linter = new Linter({ configType: 'flat', cwd: '/' });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tsParser as unknown as Linter.Parser },
        plugins: { 'jwt-lint': plugin as never },
        rules: plugin.configs.all[0].rules,
      },
    ],
    { filename },
  );
  return messages.map((m) => `${m.ruleId ?? m.message} @${m.line}`);
}

type Opts = Parameters<typeof analyze>[2];
const CJS: Opts = { sourceType: 'commonjs', filename: '/app/server.js' };
const JS: Opts = { filename: '/app/server.mjs' };

/** `api op @line` for every usage of the file. */
const usages = (code: string, opts?: Opts) =>
  analyze(code, (context) => getJwtUsages(context).map((u) => `${u.api} ${u.model.op} @${u.node.loc.start.line}`), opts);

/** The kind of each concept for every usage: `{ api, line, expiresIn: 'present' … }`. */
const concepts = (code: string, list: OptionConcept[], opts?: Opts): Row[] =>
  analyze(
    code,
    (context) =>
      getJwtUsages(context).map((u): Row => ({
        api: u.api,
        line: u.node.loc.start.line,
        ...Object.fromEntries(list.map((c) => [c, kindOf(context, u, c)])),
      })),
    opts,
  );

type Row = { api: string; line: number } & Partial<Record<OptionConcept, string>>;

function kindOf(context: ProbeContext, u: JwtUsage, c: OptionConcept): string {
  const r = getUsageOption(context, u, c);
  if (r.kind !== 'present') return r.kind;
  return r.value.kind === 'known' ? `=${JSON.stringify(r.value.value)}` : 'present';
}

describe('express-jwt', () => {
  const app = `
const express = require('express');
const { expressjwt } = require('express-jwt');
const jwksRsa = require('jwks-rsa');
const app = express();
app.use('/api', expressjwt({ secret: process.env.JWT_SECRET, algorithms: ['HS256'], audience: 'api' }));
app.use('/admin', expressjwt({ secret: 'shhhhh', credentialsRequired: false }));
app.use('/partners', expressjwt({ secret: jwksRsa.expressJwtSecret({ jwksUri: 'https://x/.well-known/jwks.json' }), algorithms: ['RS256'] }));
app.get('/health', (req, res) => res.send('ok'));
`;
  it('finds every v7 mount in a CommonJS app, with its options', () => {
    expect(concepts(app, ['algorithms', 'audience', 'key'], CJS)).toEqual([
      { api: 'express-jwt.expressjwt', line: 6, algorithms: '=["HS256"]', audience: '="api"', key: 'present' },
      { api: 'express-jwt.expressjwt', line: 7, algorithms: 'absent', audience: 'absent', key: '="shhhhh"' },
      { api: 'express-jwt.expressjwt', line: 8, algorithms: '=["RS256"]', audience: 'absent', key: 'present' },
    ]);
  });
  it('finds the ≤ v6 default export, which is the middleware itself', () => {
    expect(usages(`import jwt from 'express-jwt';\napp.use(jwt({ secret: s, algorithms: ['HS256'] }).unless({ path: ['/login'] }));`, JS)).toEqual([
      'express-jwt configure-verify @2',
    ]);
    expect(usages(`const jwt = require('express-jwt');\napp.use(jwt({ secret: s }));`, CJS)).toEqual(['express-jwt configure-verify @2']);
  });
  it('stays silent on look-alikes', () => {
    expect(usages(`import { expressjwt } from './auth/express-jwt';\napp.use(expressjwt({ secret: 's' }));`)).toEqual([]);
    expect(usages(`import { expressjwt } from 'express-jwt';\nfunction f(expressjwt) { return expressjwt({ secret: 's' }); }`)).toEqual([]);
  });
});

describe('koa-jwt', () => {
  it('finds the middleware factory (the module itself) in a Koa app', () => {
    const code = `
import Koa from 'koa';
import jwt from 'koa-jwt';
const app = new Koa();
app.use(jwt({ secret: 'shared-secret' }).unless({ path: [/^\\/public/] }));
app.use(jwt({ secret: process.env.S, algorithms: ['HS256'], issuer: 'me' }));
`;
    expect(concepts(code, ['algorithms', 'issuer', 'key'])).toEqual([
      { api: 'koa-jwt', line: 5, algorithms: 'absent', issuer: 'absent', key: '="shared-secret"' },
      { api: 'koa-jwt', line: 6, algorithms: '=["HS256"]', issuer: '="me"', key: 'present' },
    ]);
    expect(usages(`const koaJwt = require('koa-jwt');\napp.use(koaJwt({ secret }));`, CJS)).toEqual(['koa-jwt configure-verify @2']);
  });
});

describe('passport-jwt', () => {
  it('finds `new Strategy(…)` under any local name, with options completed after creation', () => {
    const code = `
const passport = require('passport');
const JwtStrategy = require('passport-jwt').Strategy;
const ExtractJwt = require('passport-jwt').ExtractJwt;
const opts = {};
opts.jwtFromRequest = ExtractJwt.fromAuthHeaderAsBearerToken();
opts.secretOrKey = 'secret';
opts.issuer = 'accounts.example.com';
passport.use(new JwtStrategy(opts, (payload, done) => done(null, payload)));
`;
    expect(concepts(code, ['key', 'issuer', 'audience', 'algorithms'], CJS)).toEqual([
      { api: 'passport-jwt.Strategy', line: 9, key: '="secret"', issuer: '="accounts.example.com"', audience: 'absent', algorithms: 'absent' },
    ]);
    expect(usages(`import { Strategy as JwtStrategy } from 'passport-jwt';\nexport default new JwtStrategy({ secretOrKey: k, algorithms: ['RS256'] }, verify);`)).toEqual([
      'passport-jwt.Strategy configure-verify @2',
    ]);
  });

  it('reads nested jsonWebTokenOptions and a key provider', () => {
    const code = `import { Strategy } from 'passport-jwt';
new Strategy({ secretOrKeyProvider: passportJwtSecret({ jwksUri }), jsonWebTokenOptions: { maxAge: '1h', algorithms: ['RS256'] } }, verify);`;
    expect(concepts(code, ['maxAge', 'algorithms', 'key'])).toEqual([
      { api: 'passport-jwt.Strategy', line: 2, maxAge: '="1h"', algorithms: '=["RS256"]', key: 'present' },
    ]);
  });

  it('models `super(options)` in a Nest `PassportStrategy(Strategy)` subclass', () => {
    const code = `
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(private readonly config: ConfigService) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      ignoreExpiration: false,
      secretOrKey: config.get<string>('JWT_SECRET'),
    });
  }

  async validate(payload: { sub: string }) {
    return { userId: payload.sub };
  }
}
`;
    expect(concepts(code, ['ignoreExpiration', 'algorithms', 'key'])).toEqual([
      { api: 'passport-jwt.Strategy(PassportStrategy)', line: 10, ignoreExpiration: '=false', algorithms: 'absent', key: 'present' },
    ]);
  });

  it('stays silent on other mixins and other strategies', () => {
    expect(usages(`import { Strategy } from 'passport-jwt';\nclass A extends Mixin(Strategy) { constructor() { super({ secretOrKey: 'x' }); } }`)).toEqual([]);
    expect(
      usages(`import { PassportStrategy } from '@nestjs/passport';\nimport { Strategy } from 'passport-local';\nclass L extends PassportStrategy(Strategy) { constructor() { super({ usernameField: 'email' }); } }`),
    ).toEqual([]);
    expect(usages(`import { PassportStrategy } from './local';\nimport { Strategy } from 'passport-jwt';\nclass L extends PassportStrategy(Strategy) { constructor() { super({ secretOrKey: 'x' }); } }`)).toEqual([]);
  });
});

describe('@nestjs/jwt', () => {
  const authModule = (register: string) => `
import { Injectable, Module } from '@nestjs/common';
import { JwtModule, JwtService } from '@nestjs/jwt';

@Module({
  imports: [${register}],
  providers: [AuthService],
})
export class AuthModule {}

@Injectable()
export class AuthService {
  constructor(
    private readonly jwtService: JwtService,
    private readonly users: UsersService,
  ) {}

  async login(user: { id: string }) {
    return { access_token: await this.jwtService.signAsync({ sub: user.id }) };
  }

  refresh(user: { id: string }) {
    return this.jwtService.sign({ sub: user.id }, { secret: process.env.REFRESH_SECRET, expiresIn: '7d' });
  }

  check(token: string) {
    return this.jwtService.verify(token);
  }

  peek(token: string) {
    this.users.sign(token);
    return this.jwtService.decode(token);
  }
}
`;

  it('finds the registration and the injected service calls', () => {
    expect(usages(authModule(`JwtModule.register({ secret: process.env.JWT_SECRET })`))).toEqual([
      '@nestjs/jwt.JwtModule.register configure @6',
      '@nestjs/jwt.JwtService#signAsync sign @19',
      '@nestjs/jwt.JwtService#sign sign @23',
      '@nestjs/jwt.JwtService#verify verify @27',
      '@nestjs/jwt.JwtService#decode decode @32',
    ]);
  });

  it('inherits the module options of the registration in the same file', () => {
    const known = concepts(authModule(`JwtModule.register({ secret: process.env.JWT_SECRET, signOptions: { expiresIn: '15m' } })`), [
      'expiresIn',
      'audience',
      'algorithms',
    ]);
    // a configured expiresIn satisfies the service's sign calls (and is judged once, at the registration)
    expect(known.map((u) => [u.line, u.expiresIn, u.audience, u.algorithms])).toEqual([
      [6, '="15m"', 'unknown', 'absent'],
      [19, 'unknown', 'absent', 'unknown'],
      [23, '="7d"', 'absent', 'unknown'],
      [27, 'unknown', 'absent', 'absent'],
      [32, 'unknown', 'unknown', 'unknown'],
    ]);
    // a fully known registration without expiresIn: the sign call is known to lack it
    const missing = concepts(authModule(`JwtModule.register({ secret: process.env.JWT_SECRET })`), ['expiresIn']);
    expect(missing.find((u) => u.line === 19)?.expiresIn).toBe('absent');
    // a registration that is not fully known: silent
    const spread = concepts(authModule(`JwtModule.register({ ...jwtConfig, secret: process.env.JWT_SECRET })`), ['expiresIn', 'audience']);
    expect(spread.find((u) => u.line === 19)).toMatchObject({ expiresIn: 'unknown', audience: 'unknown' });
  });

  it('treats the defaults of a service file without a registration as unknown', () => {
    const service = `
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';

@Injectable()
export class TokensService {
  constructor(private jwt: JwtService) {}
  issue(id: string) {
    return this.jwt.sign({ sub: id });
  }
  issueRefresh(id: string) {
    return this.jwt.sign({ sub: id }, { secret: 'refresh-secret', algorithm: 'HS256' });
  }
}
`;
    expect(concepts(service, ['expiresIn', 'key', 'algorithm'])).toEqual([
      { api: '@nestjs/jwt.JwtService#sign', line: 9, expiresIn: 'unknown', key: 'unknown', algorithm: 'unknown' },
      { api: '@nestjs/jwt.JwtService#sign', line: 12, expiresIn: 'unknown', key: '="refresh-secret"', algorithm: '="HS256"' },
    ]);
  });

  it('reads registerAsync factories', () => {
    const code = `
import { JwtModule } from '@nestjs/jwt';
import { ConfigModule, ConfigService } from '@nestjs/config';

export const jwtAsync = JwtModule.registerAsync({
  imports: [ConfigModule],
  inject: [ConfigService],
  useFactory: async (config: ConfigService) => ({
    secret: config.get<string>('JWT_SECRET'),
    signOptions: { expiresIn: '1h' },
  }),
});
function jwtFactory() {
  const secret = 'dev-secret';
  return { secret };
}
export const fromFunction = JwtModule.registerAsync({ useFactory: jwtFactory });
export const fromClass = JwtModule.registerAsync({ useClass: JwtConfigService });
export const twoReturns = JwtModule.registerAsync({ useFactory: () => { if (x) return { secret: 'a' }; return {}; } });
`;
    expect(concepts(code, ['expiresIn', 'key'])).toEqual([
      { api: '@nestjs/jwt.JwtModule.registerAsync', line: 5, expiresIn: '="1h"', key: 'present' },
      { api: '@nestjs/jwt.JwtModule.registerAsync', line: 17, expiresIn: 'absent', key: '="dev-secret"' },
      { api: '@nestjs/jwt.JwtModule.registerAsync', line: 18, expiresIn: 'unknown', key: 'unknown' },
      { api: '@nestjs/jwt.JwtModule.registerAsync', line: 19, expiresIn: 'unknown', key: 'unknown' },
    ]);
  });

  it('follows `new JwtService(options)` and decorated class properties', () => {
    const code = `
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';

@Injectable()
export class TokenService {
  @Inject() private readonly jwt: JwtService;
  private readonly refreshJwt = new JwtService({ secret: process.env.REFRESH, signOptions: { expiresIn: '7d' } });

  access(id: string) { return this.jwt.sign({ sub: id }); }
  refresh(id: string) { return this.refreshJwt.sign({ sub: id }); }
}
const standalone = new JwtService({ secret: process.env.S });
export const t = standalone.sign({ a: 1 });
`;
    expect(concepts(code, ['expiresIn'])).toEqual([
      { api: '@nestjs/jwt.JwtService', line: 8, expiresIn: '="7d"' },
      { api: '@nestjs/jwt.JwtService#sign', line: 10, expiresIn: 'unknown' },
      { api: '@nestjs/jwt.JwtService#sign', line: 11, expiresIn: 'unknown' },
      { api: '@nestjs/jwt.JwtService', line: 13, expiresIn: 'absent' },
      { api: '@nestjs/jwt.JwtService#sign', line: 14, expiresIn: 'absent' },
    ]);
    const inherited = analyze(code, (context) => {
      const u = getJwtUsages(context).find((x) => x.node.loc.start.line === 11)!;
      const r = getInheritedOption(context, u, 'expiresIn');
      return r.kind === 'present' && r.value.kind === 'known' ? r.value.value : r.kind;
    });
    expect(inherited).toBe('7d');
  });

  it('stays silent on a JwtService from elsewhere and on other members', () => {
    expect(
      usages(`import { JwtService } from './jwt.service';\nclass A { constructor(private jwtService: JwtService) {} f() { return this.jwtService.sign({}); } }`),
    ).toEqual([]);
    expect(
      usages(`import { JwtService } from '@nestjs/jwt';\nclass A { constructor(private jwtService: JwtService, private other: Other) {} f() { return this.other.sign({}); } }`),
    ).toEqual([]);
  });
});

describe('@fastify/jwt', () => {
  const server = `
const fastify = require('fastify')({ logger: true });

fastify.register(require('@fastify/jwt'), {
  secret: 'supersecret',
  sign: { expiresIn: '15m' },
});

fastify.post('/signup', async (request, reply) => {
  const token = fastify.jwt.sign({ sub: request.body.id });
  const other = await reply.jwtSign({ sub: request.body.id }, { sign: { expiresIn: '2h' } });
  return { token, other };
});

fastify.addHook('onRequest', async (request, reply) => {
  try {
    await request.jwtVerify();
  } catch (err) {
    reply.send(err);
  }
});

fastify.get('/peek', function (request, reply) {
  return this.jwt.decode(request.headers.authorization);
});

const cache = { jwtVerify() { return true; } };
cache.jwtVerify();
someone.jwt.sign({});
`;
  it('finds the registration and the decorators in a CommonJS server', () => {
    expect(usages(server, CJS)).toEqual([
      '@fastify/jwt.register configure @4',
      '@fastify/jwt#jwt.sign sign @10',
      '@fastify/jwt#reply.jwtSign sign @11',
      '@fastify/jwt#request.jwtVerify verify @17',
      '@fastify/jwt#jwt.decode decode @24',
    ]);
    expect(concepts(server, ['expiresIn', 'key', 'audience'], CJS).map((u) => [u.line, u.expiresIn, u.key, u.audience])).toEqual([
      [4, '="15m"', '="supersecret"', 'unknown'],
      [10, 'unknown', 'unknown', 'absent'],
      [11, '="2h"', 'unknown', 'absent'],
      [17, 'unknown', 'unknown', 'absent'],
      [24, 'unknown', 'unknown', 'unknown'],
    ]);
  });

  it('finds typed routes in an ES module server, with a `{ private, public }` secret', () => {
    const code = `
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import fastifyJwt from '@fastify/jwt';
import { readFileSync } from 'node:fs';

const app = Fastify();
await app.register(fastifyJwt, {
  secret: { private: readFileSync('private.pem'), public: readFileSync('public.pem') },
  sign: { algorithm: 'RS256' },
});

export async function routes(server: FastifyInstance) {
  server.post('/token', async (req: FastifyRequest) => ({ token: server.jwt.sign({ sub: 1 }, { expiresIn: '2h' }) }));
}
export async function authenticate(request: FastifyRequest) {
  await request.jwtVerify({ verify: { allowedAud: 'api' } });
}
`;
    expect(concepts(code, ['expiresIn', 'audience', 'algorithm'])).toEqual([
      { api: '@fastify/jwt.register', line: 7, expiresIn: 'absent', audience: 'unknown', algorithm: '="RS256"' },
      { api: '@fastify/jwt#jwt.sign', line: 13, expiresIn: '="2h"', audience: 'absent', algorithm: 'unknown' },
      { api: '@fastify/jwt#request.jwtVerify', line: 16, expiresIn: 'unknown', audience: '="api"', algorithm: 'unknown' },
    ]);
  });

  it('anchors a route file on its import of the plugin; the defaults then live elsewhere', () => {
    const routes = `
import '@fastify/jwt';
export default async function authRoutes(app) {
  app.post('/login', async (req, reply) => {
    const token = await reply.jwtSign({ id: 1 });
    return { token };
  });
  app.get('/me', { onRequest: [async (req) => req.jwtVerify()] }, async (req) => req.user);
}
`;
    expect(concepts(routes, ['expiresIn', 'audience'], JS)).toEqual([
      { api: '@fastify/jwt#reply.jwtSign', line: 5, expiresIn: 'unknown', audience: 'unknown' },
      { api: '@fastify/jwt#request.jwtVerify', line: 8, expiresIn: 'unknown', audience: 'unknown' },
    ]);
    // without the import, the module's shape is the evidence: a default-exported plugin function whose route takes
    // `(req, reply)` (an @fastify/autoload route file)
    expect(usages(routes.replace(`import '@fastify/jwt';`, ''), JS)).toEqual(['@fastify/jwt#reply.jwtSign sign @5', '@fastify/jwt#request.jwtVerify verify @8']);
  });
});

describe('@fastify/jwt in a plugin module that loads nothing of Fastify (@fastify/autoload)', () => {
  const JS: Opts = { filename: '/app/routes/auth/index.js' };
  const autoload = `
module.exports = async function (fastify, opts) {
  fastify.post('/login', async (request, reply) => {
    const token = fastify.jwt.sign({ sub: request.body.id }, { expiresIn: '30d' });
    return { token };
  });
  fastify.get('/me', { onRequest: [fastify.authenticate] }, async (request) => request.user);
};
`;
  it('anchors on a default-exported function whose first parameter is `fastify`, or whose routes take a `reply`', () => {
    expect(usages(autoload, JS)).toEqual(['@fastify/jwt#jwt.sign sign @4']);
    expect(usages(autoload.replace('module.exports = async function', 'export default async function'), JS)).toEqual(['@fastify/jwt#jwt.sign sign @4']);
    // instance named otherwise: the `reply` parameter of a route it registers is the evidence
    expect(usages(autoload.replaceAll('fastify', 'app'), JS)).toEqual(['@fastify/jwt#jwt.sign sign @4']);
    // a fastify-plugin wrapper alone (no fastify import) ties its function's parameter to an instance
    const wrapped = `const fp = require('fastify-plugin');\nmodule.exports = fp(async (app) => { app.decorate('issue', (u) => app.jwt.sign({ sub: u.id })); });`;
    expect(usages(wrapped, JS)).toEqual(['@fastify/jwt#jwt.sign sign @2']);
  });
  it('stays silent without that evidence', () => {
    // an Express-style router module: `(req, res)` handlers, instance not named fastify
    const express = autoload.replaceAll('fastify', 'app').replaceAll('reply', 'res');
    expect(usages(express, JS)).toEqual([]);
    // not the module's default export
    expect(usages(autoload.replace('module.exports = async function', 'async function routes'), JS)).toEqual([]);
    expect(usages(autoload.replace('module.exports = async function', 'exports.routes = async function'), JS)).toEqual([]);
    // a local object with the same shape inside the plugin is not the instance
    expect(usages(`module.exports = async function (fastify) { const tokens = { jwt: { sign() {} } }; tokens.jwt.sign({}); };`, JS)).toEqual([]);
  });
});

describe('@fastify/jwt in a route file that imports only fastify', () => {
  const TS: Opts = { filename: '/app/routes/session.ts' };
  const routes = `
import type { FastifyInstance } from 'fastify';
export default async function sessionRoutes(app: FastifyInstance) {
  app.post('/api-tokens', { onRequest: [app.authenticate] }, async (request) => {
    const token = app.jwt.sign({ sub: request.user.sub }, { expiresIn: '7d' });
    return { token };
  });
  app.get('/me', async (request, reply) => {
    await request.jwtVerify();
    return request.user;
  });
  app.post('/refresh', async (request, reply) => reply.jwtSign({ sub: 1 }, { key: 'per-call-secret' }));
}
`;

  it('ties the instance to a `FastifyInstance` parameter and the handlers to its routes; defaults live elsewhere', () => {
    expect(concepts(routes, ['expiresIn', 'key', 'algorithms', 'audience'], TS)).toEqual([
      { api: '@fastify/jwt#jwt.sign', line: 5, expiresIn: '="7d"', key: 'unknown', algorithms: 'unknown', audience: 'unknown' },
      { api: '@fastify/jwt#request.jwtVerify', line: 9, expiresIn: 'unknown', key: 'unknown', algorithms: 'unknown', audience: 'unknown' },
      { api: '@fastify/jwt#reply.jwtSign', line: 12, expiresIn: 'unknown', key: '="per-call-secret"', algorithms: 'unknown', audience: 'unknown' },
    ]);
    expect(analyze(routes, (context) => getJwtUsages(context).map((u) => u.defaults?.from), TS)).toEqual([undefined, undefined, undefined]);
  });

  it('judges per-call values and leaves what the registration could provide to the registration', () => {
    const findings = lintAll(routes);
    expect(findings).toContain('jwt-lint/max-token-lifetime @5'); // the explicit 7d
    expect(findings).toContain('jwt-lint/no-hardcoded-secret @12'); // the per-call key
    // missing expiration / allow-list / audience: the registration in app.ts may set them
    expect(findings.filter((f) => /require-|no-algorithm-confusion/.test(f))).toEqual([]);
    // the same file without the fastify import: a default-exported plugin whose routes take `(request, reply)`, so
    // the same per-call findings and still nothing that the registration could provide
    expect(lintAll(routes.replace(`import type { FastifyInstance } from 'fastify';`, ''))).toEqual(findings);
  });

  it('stays silent without a fastify import, on look-alike receivers, and on types from another module', () => {
    // no fastify import and not the module's default export: a custom object with the same method names
    const named = routes.replace('export default async function', 'export async function');
    expect(usages(named.replace(`import type { FastifyInstance } from 'fastify';`, ''), TS)).toEqual([]);
    expect(usages(named.replace(`from 'fastify'`, `from './types'`), TS)).toEqual([]);
    const other = `
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { makeClient } from './client';
export async function routes(app: FastifyInstance, client: Client, tokens) {
  client.jwt.sign({});
  tokens.jwt.sign({});
  makeClient().jwt.sign({});
  const cache = { jwtVerify() { return true; } };
  cache.jwtVerify();
  [1].map(async (request, reply) => { await request.jwtVerify(); reply.jwtSign({}); });
  app.decorate('x', async (request) => request.jwtVerify());
  app.get('/', async (request, reply) => request.other.jwtVerify());
}
export function helper(req, res) { return req.jwtVerify(); }
`;
    expect(usages(other, TS)).toEqual([]);
    // importing fastify alone does not make the file a user of the plugin
    expect(analyze(other, (context) => [...getFileUsages(context).libraries], TS)).toEqual([]);
    expect(analyze(routes, (context) => [...getFileUsages(context).libraries], TS)).toEqual(['@fastify/jwt']);
  });

  it('finds instances from fastify() (ESM, CommonJS, namespace), fp() plugins, FastifyPluginAsync, register and route()', () => {
    const esm = `
import Fastify from 'fastify';
import fp from 'fastify-plugin';
import * as F from 'fastify';
const app = Fastify({ logger: true }).withTypeProvider();
app.get('/a', async (req, reply) => app.jwt.sign({ a: 1 }));
export default fp(async (instance) => {
  instance.addHook('onRequest', async (request, reply) => { await request.jwtVerify(); });
  instance.register(async (child) => {
    child.route({ method: 'GET', url: '/b', preHandler: [verifyUser], handler: async function (request, reply) { return this.jwt.decode('t'); } });
  });
});
async function verifyUser(request, reply) { await request.jwtVerify({ maxAge: '1h' }); }
export const routes: F.FastifyPluginAsync = async (server) => {
  server.put('/c', async (request) => request.server.jwt.verify(request.headers.authorization));
};
export const typed = async (request: F.FastifyRequest, reply: F.FastifyReply) => reply.jwtSign({ c: 1 });
`;
    expect(usages(esm, TS)).toEqual([
      '@fastify/jwt#jwt.sign sign @6',
      '@fastify/jwt#request.jwtVerify verify @8',
      '@fastify/jwt#jwt.decode decode @10',
      '@fastify/jwt#request.jwtVerify verify @13',
      '@fastify/jwt#jwt.verify verify @15',
      '@fastify/jwt#reply.jwtSign sign @17',
    ]);
    const cjs = `
const fastifyPlugin = require('fastify-plugin');
const fastify = require('fastify');
const app = fastify();
app.post('/login', (request, reply) => reply.jwtSign({ id: 1 }, { expiresIn: 3600 }));
module.exports = fastifyPlugin(function (server, opts, done) {
  server.get('/x', (request) => server.jwt.sign({}));
  done();
});
const inline = require('fastify')();
inline.get('/y', async (request) => request.jwtDecode());
`;
    expect(concepts(cjs, ['expiresIn'], CJS)).toEqual([
      { api: '@fastify/jwt#reply.jwtSign', line: 5, expiresIn: '=3600' },
      { api: '@fastify/jwt#jwt.sign', line: 7, expiresIn: 'unknown' },
      { api: '@fastify/jwt#request.jwtDecode', line: 11, expiresIn: 'unknown' },
    ]);
    // a function that is not registered on an instance is not a handler
    expect(usages(`import Fastify from 'fastify';\nconst app = Fastify();\nconst f = async (request) => request.jwtVerify();\n`, TS)).toEqual([]);
  });
});

describe('fast-jwt', () => {
  it('finds the factories and the functions they return, which inherit their options', () => {
    const code = `
const { createSigner, createVerifier, createDecoder } = require('fast-jwt');
const signAccess = createSigner({ key: process.env.JWT_SECRET, expiresIn: 15 * 60 * 1000 });
const signForever = createSigner({ key: process.env.JWT_SECRET });
const verify = createVerifier({ key: process.env.JWT_SECRET, algorithms: ['HS256'] });
const decode = createDecoder();
module.exports = {
  access: (id) => signAccess({ sub: id }),
  forever: (id) => signForever({ sub: id }),
  check: (t) => verify(t),
  peek: (t) => decode(t),
  direct: (t) => createVerifier({ key: k })(t),
};
class Tokens {
  constructor(key) { this.signer = createSigner({ key }); }
  issue(id) { return this.signer({ sub: id }); }
}
`;
    expect(concepts(code, ['expiresIn', 'algorithms'], CJS)).toEqual([
      { api: 'fast-jwt.createSigner', line: 3, expiresIn: '=900000', algorithms: 'unknown' },
      { api: 'fast-jwt.createSigner', line: 4, expiresIn: 'absent', algorithms: 'unknown' },
      { api: 'fast-jwt.createVerifier', line: 5, expiresIn: 'unknown', algorithms: '=["HS256"]' },
      { api: 'fast-jwt.createDecoder', line: 6, expiresIn: 'unknown', algorithms: 'unknown' },
      { api: 'fast-jwt.createSigner()', line: 8, expiresIn: 'unknown', algorithms: 'unknown' },
      { api: 'fast-jwt.createSigner()', line: 9, expiresIn: 'absent', algorithms: 'unknown' },
      { api: 'fast-jwt.createVerifier()', line: 10, expiresIn: 'unknown', algorithms: 'unknown' },
      { api: 'fast-jwt.createDecoder()', line: 11, expiresIn: 'unknown', algorithms: 'unknown' },
      { api: 'fast-jwt.createVerifier', line: 12, expiresIn: 'unknown', algorithms: 'absent' },
      { api: 'fast-jwt.createVerifier()', line: 12, expiresIn: 'unknown', algorithms: 'absent' },
      { api: 'fast-jwt.createSigner', line: 15, expiresIn: 'absent', algorithms: 'unknown' },
      { api: 'fast-jwt.createSigner()', line: 16, expiresIn: 'absent', algorithms: 'unknown' },
    ]);
    expect(analyze(code, (c) => getJwtUsages(c).map((u) => u.model.durations ?? '-'), CJS)[0]).toBe('milliseconds');
  });
});

describe('jwt-simple', () => {
  it('makes a decode with a truthy noVerify a plain decode, and reads the algorithm argument as the allow-list', () => {
    const code = `
const jwt = require('jwt-simple');
const SKIP = true;
const token = jwt.encode({ sub: 1 }, process.env.SECRET);
jwt.decode(token, process.env.SECRET);
jwt.decode(token, process.env.SECRET, false, 'HS256');
jwt.decode(token, process.env.SECRET, SKIP);
jwt.decode(token, process.env.SECRET, 1);
jwt.decode(token, process.env.SECRET, maybe);
`;
    expect(concepts(code, ['algorithms', 'expiresIn'], CJS).map((u) => [u.line, u.api, u.algorithms, u.expiresIn])).toEqual([
      [4, 'jwt-simple.encode', 'unknown', 'absent'],
      [5, 'jwt-simple.decode', 'absent', 'unknown'],
      [6, 'jwt-simple.decode', '="HS256"', 'unknown'],
      [7, 'jwt-simple.decode', 'unknown', 'unknown'],
      [8, 'jwt-simple.decode', 'unknown', 'unknown'],
      [9, 'jwt-simple.decode', 'absent', 'unknown'],
    ]);
    expect(usages(code, CJS).map((u) => u.split(' ')[1])).toEqual(['sign', 'verify', 'verify', 'decode', 'decode', 'verify']);
  });
});

describe('jwt-decode, jws, hono/jwt, next-auth/jwt', () => {
  it('finds jwt-decode v4 named and v3 default exports', () => {
    expect(usages(`import { jwtDecode } from 'jwt-decode';\nexport const claims = jwtDecode(token);`)).toEqual(['jwt-decode.jwtDecode decode @2']);
    expect(usages(`import jwt_decode from 'jwt-decode';\nexport const claims = jwt_decode(token);`)).toEqual(['jwt-decode.default decode @2']);
    expect(usages(`const jwtDecode = require('jwt-decode');\nmodule.exports = jwtDecode(token);`, CJS)).toEqual(['jwt-decode decode @2']);
  });

  it('reads jws key and algorithm from the object and positional arguments', () => {
    const code = `
const jws = require('jws');
const sig = jws.sign({ header: { alg: 'HS256' }, payload: { sub: 1 }, secret: 'top-secret' });
const ok = jws.verify(sig, 'HS256', process.env.SECRET);
const legacy = jws.verify(sig, process.env.SECRET);
const parts = jws.decode(sig);
`;
    expect(concepts(code, ['key', 'algorithm', 'algorithms'], CJS).map((u) => [u.line, u.key, u.algorithm, u.algorithms])).toEqual([
      [3, '="top-secret"', '="HS256"', 'unknown'],
      [4, 'unknown', 'unknown', '="HS256"'],
      [5, 'unknown', 'unknown', 'present'],
      [6, 'unknown', 'unknown', 'unknown'],
    ]);
  });

  it('finds hono/jwt helpers and middleware', () => {
    const code = `
import { Hono } from 'hono';
import { jwt, sign, verify, decode } from 'hono/jwt';
const app = new Hono();
app.use('/auth/*', jwt({ secret: 'it-is-very-secret', alg: 'HS256' }));
app.post('/login', async (c) => c.json({ token: await sign({ sub: 1, exp: Math.floor(Date.now() / 1000) + 900 }, c.env.JWT_SECRET) }));
app.get('/check', async (c) => c.json(await verify(c.req.header('x') ?? '', c.env.JWT_SECRET, 'HS256')));
app.get('/peek', (c) => c.json(decode(c.req.query('t') ?? '')));
`;
    expect(usages(code)).toEqual(['hono/jwt.jwt configure-verify @5', 'hono/jwt.sign sign @6', 'hono/jwt.verify verify @7', 'hono/jwt.decode decode @8']);
    expect(concepts(code, ['key', 'algorithms'])[0]).toMatchObject({ key: '="it-is-very-secret"', algorithms: '="HS256"' });
  });

  it('reads next-auth/jwt secrets and lifetimes, with the 30-day default never "absent"', () => {
    const code = `
import { encode, decode, getToken } from 'next-auth/jwt';
export async function GET(req) {
  const session = await getToken({ req, secret: process.env.NEXTAUTH_SECRET });
  const a = await encode({ token: { sub: '1' }, secret: 'next-secret' });
  const b = await encode({ token: { sub: '1' }, secret: process.env.NEXTAUTH_SECRET, maxAge: 60 * 60 });
  return decode({ token: a, secret: process.env.NEXTAUTH_SECRET });
}
`;
    expect(concepts(code, ['key', 'expiresIn']).map((u) => [u.api, u.key, u.expiresIn])).toEqual([
      ['next-auth/jwt.getToken', 'present', 'unknown'],
      ['next-auth/jwt.encode', '="next-secret"', 'unknown'],
      ['next-auth/jwt.encode', 'present', '=3600'],
      ['next-auth/jwt.decode', 'present', 'unknown'],
    ]);
  });
});

describe('getArg with factory options', () => {
  it('answers the options role from the factory result', () => {
    const kind = analyze(`import { JwtModule } from '@nestjs/jwt';\nJwtModule.registerAsync({ useFactory: () => ({ secret: s }) });\nJwtModule.registerAsync(config);`, (c) =>
      getJwtUsages(c).map((u) => {
        const a = getArg(u, 'options');
        return a.kind === 'present' ? a.node.type : a.kind;
      }),
    );
    expect(kind).toEqual(['ObjectExpression', 'unknown']);
  });
});
