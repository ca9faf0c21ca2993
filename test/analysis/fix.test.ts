import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { insertOptionsArgumentFix, insertPropertiesFix, type FixFunction } from '../../src/util/fix.js';
import { analyze } from '../helpers/analyze.js';

/** Applies a fix function to `code` with a minimal fixer. */
function apply(code: string, fix: FixFunction | undefined): string | undefined {
  if (!fix) return undefined;
  const at = (range: readonly [number, number], text: string) => ({ range, text }) as TSESLint.RuleFix;
  const fixer = {
    insertTextAfter: (n: { range: [number, number] }, text: string) => at([n.range[1], n.range[1]], text),
    insertTextBefore: (n: { range: [number, number] }, text: string) => at([n.range[0], n.range[0]], text),
    replaceText: (n: { range: [number, number] }, text: string) => at(n.range, text),
  } as unknown as TSESLint.RuleFixer;
  const result = fix(fixer);
  const fixes = (Array.isArray(result) ? result : [result]).sort((a, b) => b.range[0] - a.range[0]);
  let out = code;
  for (const f of fixes) out = out.slice(0, f.range[0]) + f.text + out.slice(f.range[1]);
  return out;
}

const call = (program: TSESTree.Program) => (program.body.at(-1) as TSESTree.ExpressionStatement).expression as TSESTree.CallExpression;

describe('insertPropertiesFix', () => {
  const run = (code: string, props = ['httpOnly: true']) =>
    analyze(code, (context, program) => apply(code, insertPropertiesFix(context.sourceCode, call(program).arguments[0] as TSESTree.ObjectExpression, props)));
  it.each([
    ['f({});', 'f({ httpOnly: true });'],
    ['f({ a: 1 });', 'f({ a: 1, httpOnly: true });'],
    ['f({\n  a: 1\n});', 'f({\n  a: 1,\n  httpOnly: true\n});'],
    ['f({\n  a: 1,\n});', 'f({\n  a: 1,\n  httpOnly: true,\n});'],
    ['f({\n  a: 1, // note\n});', 'f({\n  a: 1, // note\n  httpOnly: true,\n});'],
    ['f({\n  a: 1 // note\n});', 'f({\n  a: 1, // note\n  httpOnly: true\n});'],
  ])('%j', (code, output) => {
    expect(run(code)).toBe(output);
  });

  it('adds several properties', () => {
    expect(run('f({ a: 1 });', ['httpOnly: true', 'secure: true'])).toBe('f({ a: 1, httpOnly: true, secure: true });');
    expect(run('f({\n  a: 1,\n});', ['httpOnly: true', 'secure: true'])).toBe('f({\n  a: 1,\n  httpOnly: true,\n  secure: true,\n});');
  });

  it('leaves an empty object with a comment alone', () => {
    expect(run('f({ /* later */ });')).toBeUndefined();
  });
});

describe('insertOptionsArgumentFix', () => {
  const run = (code: string, index: number, before?: boolean) =>
    analyze(code, (context, program) => {
      const c = call(program);
      return apply(code, insertOptionsArgumentFix(c, index, ['expiresIn: 900'], before ? c.arguments[index] : undefined));
    });
  it('appends the options argument', () => {
    expect(run('sign(p, k);', 2)).toBe('sign(p, k, { expiresIn: 900 });');
  });
  it('inserts before a callback in the options position', () => {
    expect(run('sign(p, k, cb);', 2, true)).toBe('sign(p, k, { expiresIn: 900 }, cb);');
  });
  it('is undetermined with missing earlier arguments or spreads', () => {
    expect(run('sign(p);', 2)).toBeUndefined();
    expect(run('sign(...args);', 1)).toBeUndefined();
  });
});
