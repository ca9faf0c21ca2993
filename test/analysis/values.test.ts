import { describe, expect, it } from 'vitest';
import type { TSESTree } from '@typescript-eslint/utils';
import { Linter, type Rule } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze, findNode, target, type ProbeContext } from '../helpers/analyze.js';
import {
  isEnvRead,
  resolveExpression,
  resolveValue,
  stripTsWrappers,
  valueSources,
  type Resolved,
  type ValueSource,
} from '../../src/analysis/values.js';

type Expect = { known: unknown } | { unknown: string } | 'absent';

function summarize(r: Resolved): Expect {
  if (r.kind === 'known') return { known: r.value instanceof Uint8Array ? Array.from(r.value) : r.value };
  if (r.kind === 'unknown') return { unknown: r.reason };
  return 'absent';
}

function resolve(code: string, filename?: string): Expect {
  return analyze(code, (context, program) => summarize(resolveValue(context, target(program))), { filename });
}

const bytes = (s: string, enc: BufferEncoding = 'utf8') => Array.from(Buffer.from(s, enc));

describe('resolveValue: known values', () => {
  const cases: Array<[string, unknown]> = [
    [`target('lit')`, 'lit'],
    [`target(42)`, 42],
    [`target(null)`, null],
    [`const S = 'x'; target(S)`, 'x'],
    [`const A = 'x'; const B = A; const C = B; target(C)`, 'x'],
    [`let S = 'x'; target(S)`, 'x'],
    [`var S = 'x'; target(S)`, 'x'],
    [`const S = 'x' as const; target(S!)`, 'x'],
    [`const S = ('x' satisfies string); target((S as string))`, 'x'],
    [`const S = <string>'x'; target(S)`, 'x'],
    [`const a = 'ab'; target(\`\${a}-c\`)`, 'ab-c'],
    [`const a = 'ab'; target(a + 'c' + 1)`, 'abc1'],
    [`target(String('x'))`, 'x'],
    [`const n = 5; target(String(n))`, '5'],
    [`const s = 'x'; target(s.toString())`, 'x'],
    [`const s = ' x '; target(s.trim().toUpperCase())`, 'X'],
    [`const o = { a: { b: 'deep' } }; target(o.a.b)`, 'deep'],
    [`const o = { a: 'v' }; target(o['a'])`, 'v'],
    [`const k = 'a'; const o = { a: 'v' }; target(o[k])`, 'v'],
    [`const o = { secret: process.env.S, alg: 'HS256' }; target(o.alg)`, 'HS256'],
    [`const base = { a: 1 }; const o = { ...base, b: 2 }; target(o)`, { a: 1, b: 2 }],
    [`const base = { a: 1 }; const o = { ...base, a: 2 }; target(o.a)`, 2],
    [`const o = { a: 2, ...{ a: 3 } }; target(o.a)`, 3],
    [`const o = { ...process.env.X, a: 'k' }; target(o.a)`, 'k'],
    [`const arr = ['HS256', 'RS256']; target(arr)`, ['HS256', 'RS256']],
    [`const arr = ['HS256', 'RS256']; target(arr[1])`, 'RS256'],
    [`const arr = ['a']; target([...arr, 'b'])`, ['a', 'b']],
    [`const { a } = { a: 'destructured' }; target(a)`, 'destructured'],
    [`const { a: { b } } = { a: { b: 'nested' } }; target(b)`, 'nested'],
    [`const [x, y] = ['p', 'q']; target(y)`, 'q'],
    [`const { a = 'dflt' } = {}; target(a)`, 'dflt'],
    [`const cfg = { jwt: { secret: 'x' } }; const { secret } = cfg.jwt; target(secret)`, 'x'],
    [`const c = true ? 'a' : 'b'; target(c)`, 'a'],
    [`const x = null ?? 'fallback'; target(x)`, 'fallback'],
    [`target('a' || process.env.X)`, 'a'],
    [`target(60 * 60 * 24)`, 86400],
    [`target(-1)`, -1],
    [`target(typeof 'x')`, 'string'],
    [`target(Object.freeze({ a: 'f' }).a)`, 'f'],
    [`target(Math.max(1, 2))`, 2],
    [`const s = 'abc'; target(s.length)`, 3],
    [`enum Alg { HS = 'HS256', RS = 'RS256' } target(Alg.RS)`, 'RS256'],
    [`enum Alg { HS = 'HS256' } target(Alg['HS'])`, 'HS256'],
    [`const cfg = Object.freeze({ secret: 'f', other: read() }); target(cfg.secret)`, 'f'],
  ];
  it.each(cases)('%s', (code, value) => {
    expect(resolve(code)).toEqual({ known: value });
  });
});

describe('resolveValue: bytes', () => {
  const cases: Array<[string, number[]]> = [
    [`target(Buffer.from('secret'))`, bytes('secret')],
    [`target(Buffer.from('c2VjcmV0', 'base64'))`, bytes('secret')],
    [`target(Buffer.from('736563726574', 'hex'))`, bytes('secret')],
    [`target(Buffer.from('secret', 'utf8'))`, bytes('secret')],
    [`const enc = 'base64'; const raw = 'c2VjcmV0'; target(Buffer.from(raw, enc))`, bytes('secret')],
    [`target(new TextEncoder().encode('secret'))`, bytes('secret')],
    [`const e = new TextEncoder(); target(e.encode('k'))`, bytes('k')],
    [`const S = 'k'; target(new TextEncoder().encode(S))`, bytes('k')],
  ];
  it.each(cases)('%s', (code, value) => {
    const r = analyze(code, (context, program) => resolveValue(context, target(program)));
    expect(r.kind).toBe('known');
    expect((r as { value: unknown }).value).toBeInstanceOf(Uint8Array);
    expect(summarize(r)).toEqual({ known: value });
  });
});

describe('resolveValue: unknown and absent', () => {
  const cases: Array<[string, Expect]> = [
    [`function f(p) { target(p) }`, { unknown: 'parameter' }],
    [`function f({ p }) { target(p) }`, { unknown: 'parameter' }],
    [`const s = getSecret(); target(s)`, { unknown: 'call' }],
    [`target(process.env.JWT_SECRET)`, { unknown: 'env' }],
    [`target(process.env['JWT_SECRET'])`, { unknown: 'env' }],
    [`target(import.meta.env.VITE_SECRET)`, { unknown: 'env' }],
    [`target(Deno.env.get('S'))`, { unknown: 'env' }],
    [`target(Bun.env.S)`, { unknown: 'env' }],
    [`const { S } = process.env; target(S)`, { unknown: 'env' }],
    [`target(process.env.S || 'dev')`, { unknown: 'env' }],
    [`target(Buffer.from(process.env.S))`, { unknown: 'env' }],
    [`target(Buffer.from(readKey()))`, { unknown: 'call' }],
    [`target(Buffer.from('x', someEncoding))`, { unknown: 'global' }],
    [`let s = 'a'; s = 'b'; target(s)`, { unknown: 'reassigned' }],
    [`let s; s = 'a'; target(s)`, { unknown: 'reassigned' }],
    [`let s = 'a'; function f() { s += 'x' } target(s)`, { unknown: 'reassigned' }],
    [`const o = { a: 'x' }; o.a = readIt(); target(o.a)`, { unknown: 'reassigned' }],
    [`const algs = ['HS256']; algs.push('none'); target(algs)`, { unknown: 'reassigned' }],
    [`const o = { a: { b: 'x' } }; o.a.b = 'y'; target(o.a.b)`, { unknown: 'reassigned' }],
    [`const o = { a: 'x' }; Object.assign(o, extra); target(o.a)`, { unknown: 'reassigned' }],
    [`const o = { ...getBase(), a: 1 }; target(o)`, { unknown: 'spread' }],
    [`const o = { a: 'x', ...getBase() }; target(o.a)`, { unknown: 'spread' }],
    [`const o = { ...process.env }; target(o)`, { unknown: 'spread' }],
    [`const o = { a: 1, ...process.env }; target(o.JWT_SECRET)`, { unknown: 'env' }],
    [`target([...list, 'x'])`, { unknown: 'spread' }],
    [`const o = { [k]: 'x' }; target(o.a)`, { unknown: 'computed' }],
    [`target(someGlobal)`, { unknown: 'global' }],
    [`import { S } from 'config-lib'; target(S)`, { unknown: 'import' }],
    [`const { S } = require('config-lib'); target(S)`, { unknown: 'import' }],
    [`for (const s of list) target(s)`, { unknown: 'reassigned' }],
    [`target(undefined)`, 'absent'],
    [`target(void 0)`, 'absent'],
    [`const o = { a: 1 }; target(o.b)`, 'absent'],
    [`const o = { a: 1 }; target(o.toString)`, { unknown: 'other' }],
    [`enum Alg { HS } target(Alg.HS)`, { unknown: 'other' }],
    [`function f(cfg) { target(cfg.secret) }`, { unknown: 'parameter' }],
    [`const cfg = load(); target(cfg.secret)`, { unknown: 'call' }],
    // look-alike names are not special: only the global env objects are env reads
    [`const env = { S: 'x' }; target(env.S)`, { known: 'x' }],
    [`const processEnv = { S: 'x' }; target(processEnv.S)`, { known: 'x' }],
    [`const process = { env: { S: 'local' } }; target(process.env.S)`, { known: 'local' }],
    [`const undefined = 'x'; target(undefined)`, { known: 'x' }],
    // shadowing: the inner binding wins
    [`const S = 'outer'; function f(S) { target(S) }`, { unknown: 'parameter' }],
    [`const S = 'outer'; function f() { const S = read(); target(S) }`, { unknown: 'call' }],
    [`function f(process) { target(process.env.S) }`, { unknown: 'parameter' }],
    [`function f(Buffer) { target(Buffer.from('x')) }`, { unknown: 'call' }],
    // cycles and bounds
    [`var a = b; var b = a; target(a)`, { unknown: 'limit' }],
  ];
  it.each(cases)('%s', (code, expected) => {
    expect(resolve(code)).toEqual(expected);
  });

  it('stops after the hop limit', () => {
    const chain = Array.from({ length: 40 }, (_, i) => `const v${i + 1} = v${i};`).join('\n');
    expect(resolve(`const v0 = 'x';\n${chain}\ntarget(v40)`)).toEqual({ unknown: 'limit' });
    expect(resolve(`const v0 = 'x';\n${chain}\ntarget(v5)`)).toEqual({ known: 'x' });
  });

  it('handles huge literals and long concatenations', () => {
    const big = `[${Array.from({ length: 20000 }, (_, i) => i).join(',')}]`;
    const r = analyze(`const a = ${big}; target(a)`, (c, p) => resolveValue(c, target(p)));
    expect(r.kind === 'known' && (r.value as unknown[]).length).toBe(20000);
    const concat = Array.from({ length: 800 }, () => `'a'`).join(' + ');
    expect(resolve(`target(${concat})`)).toEqual({ unknown: 'limit' });
  });

  it('bounds the total work of one question', () => {
    const defs = Array.from({ length: 40 }, (_, i) => `const a${i + 1} = a${i} + a${i};`).join('\n');
    const started = Date.now();
    expect(resolve(`const a0 = 'x';\n${defs}\ntarget(a40)`)).toEqual({ unknown: 'limit' });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('returns absent for a missing node', () => {
    expect(analyze('x', (c) => resolveValue(c, undefined))).toEqual({ kind: 'absent' });
  });

  it('points a known value at the defining literal', () => {
    const got = analyze(`const S = 'x'; target(S)`, (c, p) => {
      const r = resolveValue(c, target(p));
      return r.kind === 'known' ? r.node.type : r.kind;
    });
    expect(got).toBe('Literal');
  });
});

describe('resolveValue: class fields through this', () => {
  const cases: Array<[string, Expect]> = [
    [`class A { secret = 'x'; m() { target(this.secret) } }`, { known: 'x' }],
    [`class A { private readonly secret = 'x'; m() { return () => target(this.secret) } }`, { known: 'x' }],
    [`class A { static secret = 'x'; static m() { target(this.secret) } }`, { known: 'x' }],
    [`class A { secret: string; constructor() { this.secret = 'c'; } m() { target(this.secret) } }`, { known: 'c' }],
    [`class A { #secret = 'p'; m() { target(this.#secret) } }`, { known: 'p' }],
    [`class A { secret = 'x'; constructor() { this.secret = 'y'; } m() { target(this.secret) } }`, { unknown: 'reassigned' }],
    [`class A { secret = 'x'; rotate() { this.secret = next(); } m() { target(this.secret) } }`, { unknown: 'reassigned' }],
    [`class A { secret: string; init() { this.secret = 'x' } m() { target(this.secret) } }`, { unknown: 'reassigned' }],
    [`class A { constructor(private readonly cfg: Config) {} m() { target(this.cfg) } }`, { unknown: 'parameter' }],
    [`class A { secret = 'x'; m() { function inner() { target(this.secret) } } }`, { unknown: 'other' }],
    [`class A { m() { target(this.missing) } }`, { unknown: 'other' }],
    [`class A { secret = 'x'; static m() { target(this.secret) } }`, { unknown: 'other' }],
  ];
  it.each(cases)('%s', (code, expected) => {
    expect(resolve(code)).toEqual(expected);
  });
});

describe('valueSources', () => {
  function sources(code: string): Array<[string, unknown?]> {
    return analyze(code, (context, program) =>
      valueSources(context, target(program)).map((s: ValueSource) =>
        s.kind === 'literal'
          ? (['literal', s.value instanceof Uint8Array ? Array.from(s.value) : s.value] as [string, unknown])
          : s.kind === 'env'
            ? (['env', s.name] as [string, unknown])
            : (['unknown', s.reason] as [string, unknown]),
      ),
    );
  }
  const cases: Array<[string, Array<[string, unknown?]>]> = [
    [`target(process.env.JWT_SECRET || 'changeme')`, [['env', 'JWT_SECRET'], ['literal', 'changeme']]],
    [`target(process.env.S ?? 'dev')`, [['env', 'S'], ['literal', 'dev']]],
    [`target(new TextEncoder().encode(process.env.S ?? 'dev'))`, [['env', 'S'], ['literal', 'dev']]],
    [`target(Buffer.from(process.env.S || 'dev'))`, [['env', 'S'], ['literal', 'dev']]],
    // an encoding does not lose the literal branch
    [`target(Buffer.from(process.env.S || 'ZGV2', 'base64'))`, [['env', 'S'], ['literal', 'ZGV2']]],
    [`target(Buffer.from(process.env.S ?? 'x', 'hex'))`, [['env', 'S'], ['literal', 'x']]],
    [`target(Buffer.from('ZGV2', 'base64'))`, [['literal', Array.from(Buffer.from('dev'))]]],
    [`target(String(process.env.S || 'dev'))`, [['env', 'S'], ['literal', 'dev']]],
    [`target(\`\${process.env.S || 'dev'}\`)`, [['env', 'S'], ['literal', 'dev']]],
    [`target(\`k-\${process.env.S || 'dev'}\`)`, [['env', 'S'], ['literal', 'k-dev']]],
    [`target((process.env.S as string) || 'dev')`, [['env', 'S'], ['literal', 'dev']]],
    [
      `target(process.env.NODE_ENV === 'production' ? process.env.S : 'dev-secret')`,
      [['env', 'S'], ['literal', 'dev-secret']],
    ],
    [`const isProd = false; target(isProd ? process.env.S : 'dev')`, [['literal', 'dev']]],
    [`const S = process.env.S || 'fb'; target(S)`, [['env', 'S'], ['literal', 'fb']]],
    [`const { S = 'fb' } = process.env; target(S)`, [['env', 'S'], ['literal', 'fb']]],
    [`const cfg = { secret: process.env.S || 'fb' }; target(cfg.secret)`, [['env', 'S'], ['literal', 'fb']]],
    [`target(process.env.S)`, [['env', 'S']]],
    [`target(process.env[name])`, [['env', undefined]]],
    [`target(import.meta.env.VITE_S || 'x')`, [['env', 'VITE_S'], ['literal', 'x']]],
    [`target(Deno.env.get('S') ?? 'x')`, [['env', 'S'], ['literal', 'x']]],
    [`function f(p) { target(p || 'x') }`, [['unknown', 'parameter'], ['literal', 'x']]],
    [`target(read() || other())`, [['unknown', 'call'], ['unknown', 'call']]],
    [`target('lit')`, [['literal', 'lit']]],
    [`target(Buffer.from('c2VjcmV0', 'base64'))`, [['literal', bytes('secret')]]],
    [`target(undefined)`, []],
  ];
  it.each(cases)('%s', (code, expected) => {
    expect(sources(code)).toEqual(expected);
  });
});

describe('resolveExpression', () => {
  function defining(code: string): string {
    return analyze(code, (context, program) => {
      const n = resolveExpression(context, target(program));
      return context.sourceCode.getText(n as never);
    });
  }
  const cases: Array<[string, string]> = [
    [`const payload = { sub: 1 }; target(payload)`, '{ sub: 1 }'],
    [`const p = { sub: 1 }; const q = p as any; target(q!)`, '{ sub: 1 }'],
    [`let p = { sub: 1 }; target(p)`, '{ sub: 1 }'],
    [`let p = { sub: 1 }; p = {}; target(p)`, 'p'],
    [`function f(p) { target(p) }`, 'p'],
    [`const p = make(); target(p)`, 'make()'],
    [`import { p } from './x'; target(p)`, 'p'],
    [`const { a } = { a: { sub: 1 } }; target(a)`, '{ sub: 1 }'],
    [`class A { opts = { expiresIn: 60 }; m() { target(this.opts) } }`, '{ expiresIn: 60 }'],
  ];
  it.each(cases)('%s', (code, expected) => {
    expect(defining(code)).toBe(expected);
  });
});

describe('helpers', () => {
  it('isEnvRead', () => {
    const got = analyze(
      `a(process.env.X); a(process.env['X']); a(import.meta.env.X); a(Deno.env.get('X')); a(Bun.env.X); a(proc.env.X); a(process.envX); a(config.get('X'))`,
      (_c, program) => {
        const out: boolean[] = [];
        findNode(program, (n) => {
          if (n.type === 'CallExpression' && n.callee.type === 'Identifier' && n.callee.name === 'a') {
            out.push(isEnvRead(n.arguments[0]));
          }
          return false;
        });
        return out;
      },
    );
    expect(got).toEqual([true, true, true, true, true, false, false, false]);
  });
  it('stripTsWrappers', () => {
    const got = analyze(`target((x as any)! satisfies unknown)`, (_c, p) => stripTsWrappers(target(p) as TSESTree.Node).type);
    expect(got).toBe('Identifier');
  });
});

describe('resolveValue: type-aware imports (tsconfig paths)', () => {
  const project = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'cli', 'type-aware');
  const file = path.join(project, 'src', 'auth.ts');

  /** Lints `code` as src/auth.ts of the fixture project, with or without a program and the typeAware setting. */
  function resolveTyped(code: string, { program, typeAware }: { program: boolean; typeAware?: unknown }): Expect {
    let result: Expect | undefined;
    const rule: Rule.RuleModule = {
      create: (context) => ({
        'Program:exit'(node) {
          result = summarize(resolveValue(context as unknown as ProbeContext, target(node as unknown as TSESTree.Program)));
        },
      }),
    };
    const linter = new Linter({ configType: 'flat', cwd: project });
    const messages = linter.verify(
      code,
      [
        {
          files: ['**/*.ts'],
          languageOptions: {
            parser: tsParser as unknown as Linter.Parser,
            // With CI=true typescript-eslint infers a single run and builds the program from the files on disk,
            // ignoring the code passed here; these probes lint in-memory code, so they opt out of that inference.
            // (The CLI's --type-aware tests cover the single-run path over real files.)
            parserOptions: program
              ? { project: './tsconfig.json', tsconfigRootDir: project, disallowAutomaticSingleRunInference: true }
              : {},
          },
          ...(typeAware === undefined ? {} : { settings: { 'jwt-lint': { typeAware } } }),
          plugins: { probe: { rules: { probe: rule } } },
          rules: { 'probe/probe': 'error' },
        },
      ],
      { filename: file },
    );
    if (!result) throw new Error(`probe did not run: ${JSON.stringify(messages)}`);
    return result;
  }

  const code = `import { JWT_SECRET } from '@app/config'; target(JWT_SECRET);`;

  it('follows a path alias with the setting and a program', () => {
    expect(resolveTyped(code, { program: true, typeAware: true })).toEqual({ known: 'hardcoded' });
    expect(resolveTyped(`import * as c from '@app/config'; target(c.JWT_SECRET);`, { program: true, typeAware: true })).toEqual({
      known: 'hardcoded',
    });
  });

  it('stays unknown without the explicit opt-in, even with type information', () => {
    expect(resolveTyped(code, { program: true })).toEqual({ unknown: 'import' });
    expect(resolveTyped(code, { program: true, typeAware: 'yes' })).toEqual({ unknown: 'import' });
  });

  it('stays unknown with the setting but no program', () => {
    expect(resolveTyped(code, { program: false, typeAware: true })).toEqual({ unknown: 'import' });
  });

  it('does not resolve packages (node_modules) or unknown aliases', () => {
    expect(resolveTyped(`import { SECRET } from 'jsonwebtoken'; target(SECRET);`, { program: true, typeAware: true })).toEqual({ unknown: 'import' });
    expect(resolveTyped(`import { JWT_SECRET } from '@app/missing'; target(JWT_SECRET);`, { program: true, typeAware: true })).toEqual({
      unknown: 'import',
    });
  });
});
