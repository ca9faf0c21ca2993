/**
 * How users meet the plugin: a flat config with `extends: ['jwt-lint/recommended']`, linted by ESLint's Node API —
 * the same API the VS Code ESLint extension drives. Findings carry the suggestions the editor shows as quick fixes.
 */
import { ESLint } from 'eslint';
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
