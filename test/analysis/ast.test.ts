import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { enclosingFunctionName, functionName, isUnshadowedGlobal, staticMemberName, storedUnderName } from '../../src/analysis/ast.js';
import { analyze } from '../helpers/analyze.js';

type Node = TSESTree.Node;
/** The first node of `type` whose text is `text` (or any, when text is undefined). */
function find(program: Node, type: string, text?: string, source?: string): Node {
  const stack: Node[] = [program];
  while (stack.length) {
    const n = stack.shift()!;
    if (n.type === type && (text === undefined || source!.slice(n.range[0], n.range[1]) === text)) return n;
    for (const [k, v] of Object.entries(n)) {
      if (k === 'parent' || k === 'tokens' || k === 'comments') continue;
      for (const c of Array.isArray(v) ? v : [v]) if (c && typeof c === 'object' && typeof (c as Node).type === 'string') stack.push(c as Node);
    }
  }
  throw new Error(`no ${type} ${text ?? ''}`);
}
const at = <T>(code: string, type: string, text: string | undefined, probe: (n: Node, context: Parameters<typeof isUnshadowedGlobal>[0]) => T) =>
  analyze(code, (context, program) => probe(find(program, type, text, code), context));

describe('ast helpers', () => {
  it.each([
    ['a.b', 'b'],
    [`a['b']`, 'b'],
    ['a[b]', undefined],
    ['a[0]', undefined],
  ])('staticMemberName(%s)', (code, name) => {
    expect(at(`${code};`, 'MemberExpression', undefined, (n) => staticMemberName(n as TSESTree.MemberExpression))).toBe(name);
  });

  it.each([
    [`const refreshToken = 'v';`, 'refreshToken'],
    [`const o = { accessToken: 'v' };`, 'accessToken'],
    [`const o = { ['accessToken']: 'v' };`, 'accessToken'],
    [`class A { secret = 'v'; }`, 'secret'],
    [`this.apiKey = 'v';`, 'apiKey'],
    [`x.y = 'v' as string;`, 'y'],
    [`x += 'v';`, undefined],
    [`f('v');`, undefined],
    [`const o = { [k]: 'v' };`, undefined],
  ])('storedUnderName: %s', (code, name) => {
    expect(at(code, 'Literal', `'v'`, (n) => storedUnderName(n))).toBe(name);
  });

  it.each([
    ['function issue() { mark(); }', 'issue'],
    ['const issue = () => { mark(); };', 'issue'],
    ['const o = { issue() { mark(); } };', 'issue'],
    ['class A { issue() { mark(); } }', 'issue'],
    ['class A { issue = () => { mark(); }; }', 'issue'],
    ['exports.issue = function () { mark(); };', 'issue'],
    ['const x = function named() { mark(); };', 'x'],
    ['run(function named() { mark(); });', 'named'],
    ['function outer() { run(() => { mark(); }); }', 'outer'],
    ['run(() => { mark(); });', undefined],
  ])('enclosingFunctionName: %s', (code, name) => {
    expect(at(code, 'CallExpression', 'mark()', (n) => enclosingFunctionName(n))).toBe(name);
  });

  it('functionName of a function node', () => {
    expect(at('const sign = async () => 1;', 'ArrowFunctionExpression', undefined, (n) => functionName(n))).toBe('sign');
  });

  it.each([
    ['Date.now();', true],
    ['const Date = fake; Date.now();', false],
    ['function f(Date) { return Date.now(); }', false],
  ])('isUnshadowedGlobal: %s', (code, expected) => {
    expect(at(code, 'Identifier', 'Date', (n, context) => isUnshadowedGlobal(context, n as TSESTree.Identifier))).toBe(expected);
  });
});
