/**
 * Expands one snippet into the ways real code loads a library, so every rule test covers ESM default/namespace/
 * aliased imports, `require` (CommonJS and in files parsed as modules), destructuring, `await import()` and
 * TS `import x = require()`. Every variant adds exactly one header line and keeps columns, so an error's
 * location in the snippet maps to `line + 1` in every variant.
 *
 * Member style (`jsonwebtoken`, `jwt-simple`, …): the snippet calls `jwt.<api>(…)` on a binding named `jwt`.
 * Named style (`jose`, …): the snippet calls the exports by their names (`jwtVerify(…)`, `new SignJWT(…)`).
 */
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';

export interface Variant {
  name: string;
  header: string;
  /** rewrite of the snippet (same length per line) */
  rewrite?: (code: string) => string;
  filename?: string;
  sourceType?: 'module' | 'commonjs';
}

const MEMBER = /\bjwt\.(\w+)\b/g;

/** Variants for a snippet that uses `jwt.<api>` on a default/module binding named `jwt`. */
export function memberVariants(moduleName: string, code: string): Variant[] {
  const used = [...new Set([...code.matchAll(MEMBER)].map((m) => m[1]))];
  const aliasImports = used.map((n) => `${n} as jwt_${n}`).join(', ');
  const aliasRequire = used.map((n) => `${n}: jwt_${n}`).join(', ');
  const toAlias = (c: string) => c.replace(MEMBER, 'jwt_$1');
  return [
    { name: 'esm default import', header: `import jwt from '${moduleName}';` },
    { name: 'esm namespace import', header: `import * as jwt from '${moduleName}';` },
    { name: 'require (commonjs)', header: `const jwt = require('${moduleName}');`, filename: 'file.js', sourceType: 'commonjs' },
    { name: 'require in a module file', header: `const jwt = require('${moduleName}');`, filename: 'file.js' },
    { name: 'aliased named import', header: `import { ${aliasImports} } from '${moduleName}';`, rewrite: toAlias },
    { name: 'destructured require', header: `const { ${aliasRequire} } = require('${moduleName}');`, rewrite: toAlias, filename: 'file.cjs', sourceType: 'commonjs' },
    { name: 'await import', header: `const { default: jwt } = await import('${moduleName}');`, filename: 'file.mjs' },
    { name: 'ts import equals', header: `import jwt = require('${moduleName}');`, filename: 'file.ts' },
  ];
}

/** Variants for a snippet that uses the library's exports by name. */
export function namedVariants(moduleName: string, names: readonly string[]): Variant[] {
  const list = names.join(', ');
  return [
    { name: 'esm named import', header: `import { ${list} } from '${moduleName}';` },
    { name: 'destructured require (commonjs)', header: `const { ${list} } = require('${moduleName}');`, filename: 'file.cjs', sourceType: 'commonjs' },
    { name: 'destructured require in a module file', header: `const { ${list} } = require('${moduleName}');`, filename: 'file.js' },
    { name: 'await import', header: `const { ${list} } = await import('${moduleName}');`, filename: 'file.mts' },
  ];
}

function apply(v: Variant, code: string): { code: string; filename?: string; languageOptions?: { sourceType: 'module' | 'commonjs' } } {
  const body = v.rewrite ? v.rewrite(code) : code;
  return {
    code: `${v.header}\n${body}`,
    ...(v.filename ? { filename: v.filename } : {}),
    ...(v.sourceType ? { languageOptions: { sourceType: v.sourceType } } : {}),
  };
}

/** Valid cases: the snippet under every variant. */
export function validVariants<O extends readonly unknown[] = []>(variants: Variant[], code: string): ValidTestCase<O>[] {
  return variants.map((v) => ({ ...apply(v, code), name: `${v.name}: ${code.slice(0, 60)}` })) as ValidTestCase<O>[];
}

/**
 * Invalid cases: the snippet under every variant, with each error's line shifted by the header and each
 * suggestion output rewritten the same way.
 */
export function invalidVariants<M extends string, O extends readonly unknown[] = []>(
  variants: Variant[],
  test: InvalidTestCase<M, O>,
): InvalidTestCase<M, O>[] {
  return variants.map((v) => ({
    ...test,
    ...apply(v, test.code),
    name: `${v.name}: ${test.name ?? test.code.slice(0, 60)}`,
    output: test.output == null ? test.output : `${v.header}\n${v.rewrite ? v.rewrite(test.output as string) : test.output}`,
    errors: test.errors.map((e) => ({
      ...e,
      ...(e.line != null ? { line: e.line + 1 } : {}),
      ...(e.endLine != null ? { endLine: e.endLine + 1 } : {}),
      ...(e.suggestions
        ? {
            suggestions: e.suggestions.map((s) => ({
              ...s,
              output: `${v.header}\n${v.rewrite ? v.rewrite(s.output) : s.output}`,
            })),
          }
        : {}),
    })),
  })) as InvalidTestCase<M, O>[];
}
