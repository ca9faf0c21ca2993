import { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import { it, expect } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import nhs from '../../rules/no-hardcoded-secret.js';
import nsp from '../../rules/no-sensitive-payload.js';
const RULES: Record<string, unknown> = { 'no-hardcoded-secret': nhs, 'no-sensitive-payload': nsp };
for (const name of (process.env.PROBE_RULES ?? '').split(',').filter(Boolean)) {
  it(name, async () => {
    const rule = RULES[name] as any;
    const md = fs.readFileSync(`docs/rules/${name}.md`, 'utf8');
    const ex = md.slice(md.indexOf('## Examples'), md.indexOf('\n## ', md.indexOf('## Examples') + 5));
    let mode = '';
    const re = /^(❌|✅)|^```(\w+)\n([\s\S]*?)^```/gm;
    let m;
    while ((m = re.exec(ex))) {
      if (m[1]) { mode = m[1]; continue; }
      const linter = new Linter({ configType: 'flat', cwd: '/' });
      const msgs = linter.verify(m[3], [{ files: ['**/*.{js,ts,tsx,jsx,mjs,cjs}'], languageOptions: { parser: tsParser as any, parserOptions: { ecmaFeatures: { jsx: /x$/.test(m[2]) } } }, plugins: { p: { rules: { r: rule } } }, rules: { 'p/r': 'error' } }], { filename: path.join('/tmp', `example.${m[2]}`) });
      console.log(mode, m[2], msgs.map((x) => `${x.line}:${x.column} ${x.messageId ?? x.message}`).join('; '));
      if (mode === '❌') expect(msgs.filter((x) => x.ruleId === 'p/r').length).toBeGreaterThan(0);
      else expect(msgs).toEqual([]);
    }
  });
}
