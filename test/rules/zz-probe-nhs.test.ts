import { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import { it } from 'vitest';
import rule from '../../rules/no-hardcoded-secret.js';
import fs from 'node:fs';
it('probe', () => {
  const cases = JSON.parse(fs.readFileSync('/tmp/cases.json', 'utf8')) as { code: string; filename?: string; sourceType?: string }[];
  for (const c of cases) {
    const linter = new Linter({ configType: 'flat', cwd: '/' });
    const msgs = linter.verify(c.code, [{ files: ['**/*.{js,ts,tsx,jsx,mjs,cjs}'], languageOptions: { parser: tsParser as any, sourceType: (c.sourceType ?? 'module') as any, parserOptions: { ecmaFeatures: { jsx: true } } }, plugins: { p: { rules: { r: rule as any } } }, rules: { 'p/r': 'error' } }], { filename: c.filename ?? '/tmp/file.ts' });
    console.log('---', c.code.slice(0, 70).replace(/\n/g, '⏎'));
    for (const m of msgs) console.log(`  ${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.messageId ?? m.message} ${m.message.slice(0, 60)} sugg=${(m.suggestions ?? []).map((s) => s.desc).join('|')}`);
  }
});
