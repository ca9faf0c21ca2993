/**
 * How users meet the plugin: a flat config with `extends: ['jwt-lint/recommended']`, linted by ESLint's Node API —
 * the same API the VS Code ESLint extension drives. Findings carry the suggestions the editor shows as quick fixes.
 */
import json from '@eslint/json';
import { ESLint } from 'eslint';
import { defineConfig } from 'eslint/config';
import plugin from '../src/index.js';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const project = path.join(root, 'fixtures', 'eslint-project');

describe('a flat config that extends jwt-lint/recommended', () => {
  it('reports the mistakes of the insecure module, with editor suggestions', async () => {
    const eslint = new ESLint({ cwd: project });
    const [result] = await eslint.lintFiles(['insecure/auth.ts']);
    const rules = new Set(result.messages.map((m) => m.ruleId));
    expect(result.messages.filter((m) => m.fatal)).toEqual([]);
    for (const rule of ['no-hardcoded-secret', 'require-algorithms', 'require-expiration', 'no-sensitive-payload']) {
      expect(rules, rule).toContain(`jwt-lint/${rule}`);
    }
    const withSuggestions = result.messages.filter((m) => m.suggestions?.length);
    expect(withSuggestions.length).toBeGreaterThan(0);
    for (const m of withSuggestions) for (const s of m.suggestions!) expect(s.desc).toMatch(/\.$/);
  });

  it('stays silent on the secure module', async () => {
    const eslint = new ESLint({ cwd: project });
    const [result] = await eslint.lintFiles(['secure/auth.ts']);
    expect(result.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`)).toEqual([]);
  });

  it('works through the eslint command as users run it', () => {
    const bin = path.join(root, 'node_modules', 'eslint', 'bin', 'eslint.js');
    const insecure = spawnSync(process.execPath, [bin, 'insecure'], { cwd: project, encoding: 'utf8' });
    expect(insecure.status).toBe(1);
    expect(insecure.stdout).toContain('jwt-lint/require-algorithms');
    const secure = spawnSync(process.execPath, [bin, 'secure'], { cwd: project, encoding: 'utf8' });
    expect(secure.stderr).toBe('');
    expect(secure.status).toBe(0);
  });
});

describe('a config that also lints other languages', () => {
  it('leaves JSON files to their language and still lints the JavaScript beside them', async () => {
    // `extends: ['jwt-lint/recommended']` without `files` reaches every linted file, JSON included
    const eslint = new ESLint({
      cwd: project,
      overrideConfigFile: true,
      overrideConfig: defineConfig([
        { files: ['**/*.json'], plugins: { json }, language: 'json/json', extends: ['json/recommended'] },
        { plugins: { 'jwt-lint': plugin as never }, extends: ['jwt-lint/recommended'] },
      ]),
    });
    const [jsonResult] = await eslint.lintText('{ "token": "eyJhbGciOiJIUzI1NiJ9.e30.x", "secret": "hunter2" }', { filePath: path.join(project, 'settings.json') });
    expect(jsonResult.messages).toEqual([]);
    const [jsResult] = await eslint.lintText("import jwt from 'jsonwebtoken';\nexport const check = (t) => jwt.verify(t, 'hunter2');", {
      filePath: path.join(project, 'check.js'),
    });
    expect(jsResult.messages.map((m) => m.ruleId).sort()).toEqual(['jwt-lint/no-hardcoded-secret', 'jwt-lint/require-algorithms']);
  });
});
