// The ESLint configuration and options of a `jwt-lint` run. The scanned repository's own
// configuration is never loaded (`overrideConfigFile: true`); see eslint-options.ts for how the
// options reach ESLint's worker threads.
import type { ESLint, Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import plugin from '../index.js';
import { isJwtLintRule, lintedExtensions, type RunSettings } from './settings.js';

/** The flat config jwt-lint lints with: our parser for every JS/TS file, then the preset. */
export function buildConfig(s: RunSettings): Linter.Config[] {
  const files = [`**/*.{${lintedExtensions.map((e) => e.slice(1)).join(',')}}`];
  const parserOptions: Linter.ParserOptions = { ecmaFeatures: { jsx: true } };
  if (s.projects.length > 0) {
    parserOptions.project = s.projects;
    parserOptions.tsconfigRootDir = s.cwd;
  }
  return [
    {
      name: 'jwt-lint/cli/language',
      files,
      languageOptions: {
        parser: tsParser as unknown as Linter.Parser,
        ecmaVersion: 'latest',
        sourceType: 'module',
        parserOptions,
      },
      linterOptions: {
        // Disable comments naming rules of other plugins must not turn into noise.
        reportUnusedDisableDirectives: 'off',
        reportUnusedInlineConfigs: 'off',
      },
      // `--type-aware`: the analysis resolves imported constants through the TypeScript project (only where
      // the parser has a program, i.e. for files in `projects`).
      ...(s.typeAware ? { settings: { 'jwt-lint': { typeAware: true } } } : {}),
    },
    { files: ['**/*.cjs', '**/*.cts'], languageOptions: { sourceType: 'commonjs' } },
    ...plugin.configs[s.preset],
  ];
}

export function buildOptions(s: RunSettings): ESLint.Options {
  return {
    cwd: s.cwd,
    overrideConfigFile: true,
    overrideConfig: buildConfig(s),
    // jwt-lint decides which files are linted; ESLint gets literal paths.
    ignore: false,
    globInputPaths: false,
    errorOnUnmatchedPattern: false,
    warnIgnored: false,
    cache: false,
    allowInlineConfig: true,
    // Only jwt-lint's own fixes are applied, even if a file's inline config enables other rules.
    fix: s.fix ? (message: Linter.LintMessage) => isJwtLintRule(message.ruleId) : false,
    concurrency: s.concurrency,
  };
}
