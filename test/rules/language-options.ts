import type { TestLanguageOptions } from '@typescript-eslint/rule-tester';

/**
 * ESLint's flat-config `languageOptions.sourceType`, which the rule tester's `TestLanguageOptions` type does not
 * declare although the tester passes it on to ESLint (it decides whether `require`/`module` are globals).
 */
export type EslintLanguageOptions = TestLanguageOptions & { readonly sourceType?: 'script' | 'module' | 'commonjs' };

/** A CommonJS file: `require`, `module` and `exports` are globals. */
export const commonjs: EslintLanguageOptions = { sourceType: 'commonjs' };
