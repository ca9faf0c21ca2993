// The ESLint configuration and options of a `jwt-lint` run. The scanned repository's own
// configuration is never loaded (`overrideConfigFile: true`); see eslint-options.ts for how the
// options reach ESLint's worker threads.
import type { ESLint, Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import plugin from '../index.js';

export type Preset = 'recommended' | 'strict' | 'all';
export const presets: readonly Preset[] = ['recommended', 'strict', 'all'];

/** Everything a run varies; encoded into the options module URL. */
export interface RunSettings {
  preset: Preset;
  fix: boolean;
  /** ESLint's base path: an ancestor of every linted file. */
  cwd: string;
  concurrency: number | 'auto' | 'off';
  /** tsconfig.json files for typed linting; empty = no type information. */
  projects: string[];
}

/** The file extensions jwt-lint lints. */
export const lintedExtensions = ['.js', '.mjs', '.cjs', '.jsx', '.ts', '.mts', '.cts', '.tsx'] as const;

export const isJwtLintRule = (ruleId: string | null | undefined): boolean =>
  typeof ruleId === 'string' && ruleId.startsWith('jwt-lint/');

export function settingsToURL(base: URL, s: RunSettings): URL {
  const url = new URL(base.href);
  url.searchParams.set('preset', s.preset);
  url.searchParams.set('fix', s.fix ? '1' : '0');
  url.searchParams.set('cwd', s.cwd);
  url.searchParams.set('concurrency', String(s.concurrency));
  url.searchParams.set('projects', JSON.stringify(s.projects));
  return url;
}

export function settingsFromURL(url: URL): RunSettings {
  const p = url.searchParams;
  const preset = (p.get('preset') ?? 'recommended') as Preset;
  if (!presets.includes(preset)) throw new Error(`unknown preset '${preset}'`);
  const c = p.get('concurrency') ?? 'off';
  const concurrency = c === 'auto' || c === 'off' ? c : Number(c);
  return {
    preset,
    fix: p.get('fix') === '1',
    cwd: p.get('cwd') ?? process.cwd(),
    concurrency,
    projects: JSON.parse(p.get('projects') ?? '[]') as string[],
  };
}

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
