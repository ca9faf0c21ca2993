import type { Linter, ESLint } from 'eslint';
import { rules, type RuleName } from './rules.js';
import { name, version } from './util/version.js';

type Preset = 'recommended' | 'strict' | 'all';

/** Files where literal keys and decodes are usually deliberate (see SPEC "Test code"). */
export const testFileGlobs = [
  '**/*.{test,spec}.*',
  '**/__tests__/**',
  '**/__mocks__/**',
  'test/**',
  'tests/**',
  '**/test/**',
  '**/tests/**',
  'fixtures/**',
  '**/fixtures/**',
];

const rulesFor = (preset: Preset): Linter.RulesRecord => {
  const out: Linter.RulesRecord = {};
  for (const [ruleName, rule] of Object.entries(rules) as [RuleName, (typeof rules)[RuleName]][]) {
    const level = rule.meta.docs?.recommended;
    const on = preset === 'all' || level === 'recommended' || (preset === 'strict' && level === 'strict');
    if (on) out[`jwt-lint/${ruleName}`] = 'error';
  }
  return out;
};

const plugin = {
  meta: { name, version, namespace: 'jwt-lint' },
  rules,
  configs: {} as Record<Preset, Linter.Config[]>,
};

const preset = (p: Preset): Linter.Config[] => {
  const main: Linter.Config = {
    name: `jwt-lint/${p}`,
    plugins: { 'jwt-lint': plugin as unknown as ESLint.Plugin },
    rules: rulesFor(p),
  };
  if (p !== 'recommended') return [main];
  return [
    main,
    {
      name: 'jwt-lint/recommended/test-files',
      files: testFileGlobs,
      // Literal keys, decoded fixtures, fake random tokens, and tokens minted without `exp` or with `alg: none` to
      // test that they are rejected are deliberate in tests; `strict` keeps these rules on.
      rules: {
        'jwt-lint/no-hardcoded-secret': 'off',
        'jwt-lint/no-decode-without-verify': 'off',
        'jwt-lint/no-insecure-randomness': 'off',
        'jwt-lint/require-expiration': 'off',
        'jwt-lint/no-none-algorithm': 'off',
      },
    },
  ];
};

plugin.configs.recommended = preset('recommended');
plugin.configs.strict = preset('strict');
plugin.configs.all = preset('all');

export { rules };
export const configs = plugin.configs;
export default plugin;
