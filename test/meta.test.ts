/**
 * The plugin's own consistency: every rule has a doc and a test, metadata follows the house style, presets are built
 * from `meta.docs.recommended`, and the rules pass eslint-plugin-eslint-plugin's recommended checks.
 */
import { ESLint } from 'eslint';
import eslintPlugin from 'eslint-plugin-eslint-plugin';
import nodePlugin from 'eslint-plugin-n';
import * as tsParser from '@typescript-eslint/parser';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import plugin, { configs } from '../src/index.js';

const root = path.resolve(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { name: string; version: string };
const ruleEntries = Object.entries(plugin.rules);

describe('plugin', () => {
  it('has meta with name, version and namespace from package.json', () => {
    expect(plugin.meta).toEqual({ name: pkg.name, version: pkg.version, namespace: 'jwt-lint' });
  });

  it('registers exactly the files in rules/', () => {
    const files = readdirSync(path.join(root, 'rules'))
      .filter((f) => f.endsWith('.ts'))
      .map((f) => f.replace(/\.ts$/, ''))
      .sort();
    expect(Object.keys(plugin.rules).sort()).toEqual(files);
  });

  it('builds recommended, strict and all from meta.docs.recommended', () => {
    const level = (name: string) => plugin.rules[name as keyof typeof plugin.rules].meta.docs?.recommended;
    const on = (preset: keyof typeof configs) => Object.keys(configs[preset][0].rules ?? {}).map((r) => r.replace('jwt-lint/', '')).sort();
    const names = Object.keys(plugin.rules);
    expect(on('recommended')).toEqual(names.filter((n) => level(n) === 'recommended').sort());
    expect(on('strict')).toEqual(names.filter((n) => level(n) === 'recommended' || level(n) === 'strict').sort());
    expect(on('all')).toEqual([...names].sort());
    expect(configs.recommended[0].plugins?.['jwt-lint']).toBe(plugin);
  });

  it('turns the deliberate-literal rules off for test files in recommended only', () => {
    const testBlock = configs.recommended.find((c) => c.name === 'jwt-lint/recommended/test-files');
    expect(testBlock?.rules).toEqual({
      'jwt-lint/no-hardcoded-secret': 'off',
      'jwt-lint/no-decode-without-verify': 'off',
      'jwt-lint/no-insecure-randomness': 'off',
      'jwt-lint/require-expiration': 'off',
      'jwt-lint/no-none-algorithm': 'off',
    });
    expect(testBlock?.files).toEqual(expect.arrayContaining(['**/*.{test,spec}.*', '**/__tests__/**']));
    expect(configs.strict.some((c) => c.files)).toBe(false);
  });
});

describe.each(ruleEntries)('rule %s', (name, rule) => {
  const meta = rule.meta;
  it('has a doc and a test', () => {
    expect(existsSync(path.join(root, 'docs', 'rules', `${name}.md`))).toBe(true);
    expect(existsSync(path.join(root, 'test', 'rules', `${name}.test.ts`))).toBe(true);
  });
  it('follows the metadata house style', () => {
    expect(meta.type).toMatch(/^(problem|suggestion)$/);
    expect(meta.docs?.description).toMatch(/^(Disallow|Require) /);
    expect(meta.docs?.description).not.toMatch(/\.$/);
    expect(meta.docs?.url).toBe(`https://github.com/jwt-lint/jwt-lint/blob/v${pkg.version}/docs/rules/${name}.md`);
    expect(meta.docs?.category).toBeTruthy();
    // the CWE ids the SARIF output tags results with are the ones the doc explains and links
    const doc = readFileSync(path.join(root, 'docs', 'rules', `${name}.md`), 'utf8');
    const documented = [...new Set(doc.match(/CWE-\d+/g) ?? [])].sort();
    expect([...(meta.docs?.cwe ?? [])].sort()).toEqual(documented);
    expect(Number(meta.docs?.securitySeverity)).toBeGreaterThan(0);
    expect(Number(meta.docs?.securitySeverity)).toBeLessThanOrEqual(10);
    for (const [id, text] of Object.entries(meta.messages)) {
      expect(id).toMatch(/^[a-z][A-Za-z0-9]*$/);
      expect(text, id).toMatch(/[.?]$/);
    }
    const schema = (meta.schema ?? []) as unknown as { properties?: Record<string, { description?: string; default?: unknown }>; additionalProperties?: boolean }[];
    for (const entry of schema) {
      expect(entry.additionalProperties).toBe(false);
      for (const [prop, def] of Object.entries(entry.properties ?? {})) {
        expect(def.description, `${prop} needs a description`).toBeTruthy();
        expect(def.default, `${prop}: no schema defaults, use meta.defaultOptions`).toBeUndefined();
      }
    }
    if (schema.length) expect(meta.defaultOptions).toBeDefined();
  });
});

describe('eslint-plugin-eslint-plugin', () => {
  it('finds nothing in rules/', async () => {
    const eslint = new ESLint({
      cwd: root,
      overrideConfigFile: true,
      overrideConfig: [
        {
          files: ['rules/**/*.ts'],
          languageOptions: { parser: tsParser as never },
          ...(eslintPlugin.configs.recommended as object),
        },
      ],
    });
    const results = await eslint.lintFiles(['rules/*.ts']);
    const problems = results.flatMap((r) => r.messages.map((m) => `${path.relative(root, r.filePath)}:${m.line} ${m.ruleId}: ${m.message}`));
    expect(problems).toEqual([]);
  });
});

describe('eslint-plugin-n', () => {
  it('finds nothing in the shipped code and the scripts (Node APIs within engines, no process.exit, imports that resolve)', async () => {
    const eslint = new ESLint({
      cwd: root,
      overrideConfigFile: true,
      overrideConfig: [
        { files: ['**/*.ts'], languageOptions: { parser: tsParser as never } },
        nodePlugin.configs['flat/recommended-module'] as never,
        // sources import each other as `./x.js` (what the build emits) while the files are `x.ts`
        { settings: { n: { typescriptExtensionMap: [['.ts', '.js']], tryExtensions: ['.ts', '.js', '.json'] } } },
      ],
    });
    const results = await eslint.lintFiles(['src/**/*.ts', 'rules/*.ts', 'bin/*.js', 'scripts/*.mjs']);
    expect(results.length).toBeGreaterThan(40);
    const problems = results.flatMap((r) => r.messages.map((m) => `${path.relative(root, r.filePath)}:${m.line} ${m.ruleId}: ${m.message}`));
    expect(problems).toEqual([]);
  });
});
