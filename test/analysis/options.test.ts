import { describe, expect, it } from 'vitest';
import { analyze, target } from '../helpers/analyze.js';
import { getOption, getOptionValue, readObject } from '../../src/analysis/options.js';

type Got = 'absent' | 'unknown' | { present: unknown } | { presentUnknown: string };

function option(code: string, path: string | readonly string[]): Got {
  return analyze(code, (context, program) => {
    const r = getOption(context, target(program), path);
    if (r.kind !== 'present') return r.kind;
    if (r.value.kind === 'known') return { present: r.value.value };
    if (r.value.kind === 'unknown') return { presentUnknown: r.value.reason };
    return { present: undefined };
  });
}

describe('getOption', () => {
  const cases: Array<[string, string | readonly string[], Got]> = [
    // inline objects
    [`target({ algorithms: ['HS256'] })`, 'algorithms', { present: ['HS256'] }],
    [`target({ expiresIn: '1h' })`, 'algorithms', 'absent'],
    [`target({ 'expiresIn': 60 })`, 'expiresIn', { present: 60 }],
    [`const k = 'expiresIn'; target({ [k]: 60 })`, 'expiresIn', { present: 60 }],
    [`target({ expiresIn: undefined })`, 'expiresIn', 'absent'],
    [`target({ expiresIn: process.env.TTL })`, 'expiresIn', { presentUnknown: 'env' }],
    [`function f(ttl) { target({ expiresIn: ttl }) }`, 'expiresIn', { presentUnknown: 'parameter' }],
    [`target({ expiresIn: 1, expiresIn: 2 })`, 'expiresIn', { present: 2 }],
    // missing / nullish options
    [`target(undefined)`, 'expiresIn', 'absent'],
    [`target(null)`, 'expiresIn', 'absent'],
    [`function f(opts) { target(opts) }`, 'expiresIn', 'unknown'],
    [`target(getOptions())`, 'expiresIn', 'unknown'],
    [`target(process.env)`, 'expiresIn', 'unknown'],
    // bindings
    [`const o = { algorithms: ['RS256'] }; target(o)`, 'algorithms', { present: ['RS256'] }],
    [`let o = { algorithms: ['RS256'] }; target(o)`, 'algorithms', { present: ['RS256'] }],
    [`let o = { a: 1 }; o = other(); target(o)`, 'a', 'unknown'],
    [`const o = { a: 1 } as const satisfies object; target(o!)`, 'a', { present: 1 }],
    // spreads
    [`const base = { a: 1 }; target({ ...base, b: 2 })`, 'a', { present: 1 }],
    [`const base = { a: 1 }; target({ ...base, a: 2 })`, 'a', { present: 2 }],
    [`target({ ...getBase(), a: 2 })`, 'a', { present: 2 }],
    [`target({ a: 2, ...getBase() })`, 'a', 'unknown'],
    [`target({ ...getBase(), a: 2 })`, 'b', 'unknown'],
    [`function f(o) { target({ ...o }) }`, 'a', 'unknown'],
    [`target({ ...undefined, ...null, a: 1 })`, 'b', 'absent'],
    [`const extra = { b: 1 }; const base = { a: 1 }; target({ ...base, ...extra })`, 'b', { present: 1 }],
    [`target({ [key]: 1, a: 2 })`, 'a', { present: 2 }],
    [`target({ a: 2, [key]: 1 })`, 'a', 'unknown'],
    [`target({ [key]: 1 })`, 'b', 'unknown'],
    // property by property
    [`const o = {}; o.secretOrKey = 'x'; o.algorithms = ['HS256']; target(o)`, 'algorithms', { present: ['HS256'] }],
    [`const o = {}; o.secretOrKey = 'x'; target(o)`, 'algorithms', 'absent'],
    [`const o = {}; o['alg' + 'orithms'] = ['HS256']; target(o)`, 'algorithms', { present: ['HS256'] }],
    [`const o = {}; o[name] = 1; target(o)`, 'algorithms', 'unknown'],
    [`const o = { a: 1 }; o[name] = 2; target(o)`, 'a', 'unknown'],
    [`const o = { a: 1 }; delete o.a; target(o)`, 'a', 'absent'],
    [`const o = { a: 1 }; o.a = 2; target(o)`, 'a', { present: 2 }],
    [`const o = { a: { b: 1 } }; o.a.b = 2; target(o)`, 'a.b', 'unknown'],
    [`const o = { algorithms: ['HS256'] }; o.algorithms.push('none'); target(o)`, 'algorithms', 'unknown'],
    [`const o = { algorithms: ['HS256'] }; o.algorithms.includes('x'); target(o)`, 'algorithms', { present: ['HS256'] }],
    [`const o = {}; Object.assign(o, { a: 1 }); target(o)`, 'a', { present: 1 }],
    [`const o = {}; Object.assign(o, load()); target(o)`, 'a', 'unknown'],
    [`let o = {}; o.a = 1; target(o)`, 'a', { present: 1 }],
    // Object.assign
    [`target(Object.assign({}, { a: 1 }, { b: 2 }))`, 'b', { present: 2 }],
    [`target(Object.assign({}, { a: 1 }, load()))`, 'a', 'unknown'],
    [`target(Object.assign({}, { a: 1 }, load()))`, 'c', 'unknown'],
    [`target(Object.assign({}, { a: 1 }))`, 'c', 'absent'],
    // ternaries
    [`target(c ? { a: 1 } : { a: 1 })`, 'a', { present: 1 }],
    [`target(c ? { a: 1 } : { a: 2 })`, 'a', { presentUnknown: 'other' }],
    [`target(c ? { a: 1 } : { b: 2 })`, 'a', 'unknown'],
    [`target(c ? { a: 1 } : { b: 2 })`, 'z', 'unknown'],
    [`target(c ? { a: 1 } : { a: 1 })`, 'z', 'absent'],
    [`const prod = true; target(prod ? { a: 1 } : { b: 2 })`, 'b', 'absent'],
    // nested paths
    [`target({ signOptions: { expiresIn: '1h' } })`, 'signOptions.expiresIn', { present: '1h' }],
    [`target({ signOptions: { algorithm: 'HS256' } })`, 'signOptions.expiresIn', 'absent'],
    [`target({})`, 'signOptions.expiresIn', 'absent'],
    [`target({ signOptions: load() })`, 'signOptions.expiresIn', 'unknown'],
    [`const so = { expiresIn: 60 }; target({ signOptions: so })`, 'signOptions.expiresIn', { present: 60 }],
    [`const cfg = { jwt: { opts: { ttl: 5 } } }; target(cfg.jwt.opts)`, 'ttl', { present: 5 }],
    // aliases
    [`target({ secretOrKey: 'k' })`, ['secret', 'secretOrKey'], { present: 'k' }],
    [`target({ other: 1 })`, ['secret', 'secretOrKey'], 'absent'],
    [`target({ ...load() })`, ['secret', 'secretOrKey'], 'unknown'],
    // class fields
    [`class A { opts = { expiresIn: 60 }; m() { target(this.opts) } }`, 'expiresIn', { present: 60 }],
    [`class A { constructor(private cfg: C) {} m() { target(this.cfg) } }`, 'expiresIn', 'unknown'],
    // destructuring
    [`const { jwt } = { jwt: { expiresIn: 1 } }; target(jwt)`, 'expiresIn', { present: 1 }],
  ];
  it.each(cases)('%s → %j', (code, path, expected) => {
    expect(option(code, path)).toEqual(expected);
  });

  it('points present options at the value node', () => {
    const got = analyze(`const o = { expiresIn: '1h' }; target(o)`, (context, program) => {
      const r = getOption(context, target(program), 'expiresIn');
      return r.kind === 'present' ? context.sourceCode.getText(r.node as never) : r.kind;
    });
    expect(got).toBe(`'1h'`);
  });

  it('getOptionValue', () => {
    const got = analyze(`function f(p) { target({ a: 1, b: p, ...p }) }`, (context, program) => {
      const node = target(program);
      return [getOptionValue(context, node, 'a').kind, getOptionValue(context, node, 'z').kind, getOptionValue(context, undefined, 'a').kind];
    });
    expect(got).toEqual(['unknown', 'unknown', 'absent']);
    const known = analyze(`target({ a: 1 })`, (context, program) => getOptionValue(context, target(program), 'a'));
    expect(known).toMatchObject({ kind: 'known', value: 1 });
  });
});

describe('readObject', () => {
  function shape(code: string) {
    return analyze(code, (context, program) => {
      const s = readObject(context, target(program));
      if (!s) return undefined;
      return {
        keys: [...s.props.keys()],
        overridable: [...s.props.values()].filter((e) => e.overridable).map((e) => e.key),
        complete: s.complete,
      };
    });
  }
  const cases: Array<[string, ReturnType<typeof shape>]> = [
    [`target({ a: 1, b: 2 })`, { keys: ['a', 'b'], overridable: [], complete: true }],
    [`target({ a: 1, ...x, b: 2 })`, { keys: ['a', 'b'], overridable: ['a'], complete: false }],
    [`const o = {}; o.x = 1; target(o)`, { keys: ['x'], overridable: [], complete: true }],
    [`target(Object.assign({}, { a: 1 }, x, { b: 2 }))`, { keys: ['a', 'b'], overridable: ['a'], complete: false }],
    [`target(c ? { a: 1, b: 1 } : { a: 2 })`, { keys: ['a', 'b'], overridable: ['b'], complete: false }],
    [`function f(p) { target(p) }`, undefined],
    [`target(load())`, undefined],
    [`target(process.env)`, undefined],
    [`target('str')`, undefined],
  ];
  it.each(cases)('%s', (code, expected) => {
    expect(shape(code)).toEqual(expected);
  });
});
