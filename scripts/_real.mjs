import { ESLint } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import path from 'node:path';
const root = '/work/main';
const { default: plugin } = await import(root + '/dist/src/index.js');
const dirs = process.argv.slice(2);
const eslint = new ESLint({ cwd: '/', overrideConfigFile: true, ignore: false, overrideConfig: [{ files: ['**/*.{js,jsx,ts,tsx,mjs,cjs,mts,cts}'], ignores: ['**/*.d.ts','**/*.min.js'], languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } }, plugins: { 'jwt-lint': plugin }, rules: plugin.configs.all[0].rules }] });
const t0 = Date.now();
const results = await eslint.lintFiles(dirs);
let n = 0, fatal = 0;
for (const r of results) for (const m of r.messages) { if (m.fatal) { fatal++; console.error("FATAL", r.filePath, m.message); continue; } if (!m.ruleId?.startsWith('jwt-lint')) { console.log('OTHER', path.relative(root, r.filePath), m.message); continue; } n++; console.log(`${path.relative(root, r.filePath)}:${m.line}:${m.column} ${m.ruleId} ${m.message}`); }
console.error(`files ${results.length}, findings ${n}, parse errors ${fatal}, ${Date.now() - t0} ms`);
