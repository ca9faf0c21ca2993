/**
 * Unit-test harness for the analysis layer: runs a probe rule over a snippet with the real ESLint
 * Linter and the typescript-eslint parser, and hands the probe the rule context and the Program.
 */
import { Linter, type Rule } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import path from 'node:path';

export type ProbeContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

export interface AnalyzeOptions {
  /** file name (decides JS/TS/JSX parsing); default `file.ts` in the cwd */
  filename?: string;
  sourceType?: 'module' | 'commonjs' | 'script';
}

export function analyze<T>(
  code: string,
  probe: (context: ProbeContext, program: TSESTree.Program) => T,
  options: AnalyzeOptions = {},
): T {
  const linter = new Linter({ configType: 'flat', cwd: path.parse(process.cwd()).root });
  let result: { value: T } | undefined;
  let failure: unknown;
  const rule: Rule.RuleModule = {
    create(context) {
      return {
        'Program:exit'(node) {
          try {
            result = { value: probe(context as unknown as ProbeContext, node as unknown as TSESTree.Program) };
          } catch (e) {
            failure = e;
          }
        },
      };
    },
  };
  const filename = options.filename ?? path.join(process.cwd(), 'file.ts');
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.{js,jsx,ts,tsx,mjs,cjs,mts,cts}'],
        languageOptions: {
          parser: tsParser as unknown as Linter.Parser,
          sourceType: options.sourceType ?? 'module',
          parserOptions: { ecmaFeatures: { jsx: /\.[jt]sx$/.test(filename) } },
        },
        plugins: { probe: { rules: { probe: rule } } },
        rules: { 'probe/probe': 'error' },
      },
    ],
    { filename },
  );
  if (failure) throw failure;
  const fatal = messages.find((m) => m.fatal);
  if (fatal) throw new Error(`parse error: ${fatal.message}`);
  if (!result) throw new Error(`probe did not run: ${JSON.stringify(messages)}`);
  return result.value;
}

/** Depth-first search for the first node matching `pred` (skips `parent` links). */
export function findNode<N extends TSESTree.Node = TSESTree.Node>(
  root: TSESTree.Node,
  pred: (n: TSESTree.Node) => boolean,
): N | undefined {
  const stack: TSESTree.Node[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (pred(n)) return n as N;
    for (const key of Object.keys(n)) {
      if (key === 'parent') continue;
      const v = (n as unknown as Record<string, unknown>)[key];
      const kids = Array.isArray(v) ? v : [v];
      for (let i = kids.length - 1; i >= 0; i--) {
        const k = kids[i] as { type?: unknown } | null;
        if (k && typeof k === 'object' && typeof k.type === 'string') stack.push(k as TSESTree.Node);
      }
    }
  }
  return undefined;
}

/**
 * The expression marked as the target of a test: the argument of the call `target(…)` in the snippet,
 * e.g. `const SECRET = 'x'; target(SECRET)`. The last such call wins, so setup code can come first.
 */
export function target(program: TSESTree.Program): TSESTree.Expression {
  let found: TSESTree.Expression | undefined;
  findNode(program, (n) => {
    if (
      n.type === 'CallExpression' &&
      n.callee.type === 'Identifier' &&
      n.callee.name === 'target' &&
      n.arguments[0] &&
      n.arguments[0].type !== 'SpreadElement'
    ) {
      found = n.arguments[0];
    }
    return false;
  });
  if (!found) throw new Error('no target(…) call in the snippet');
  return found;
}
