// Lints real code — the JavaScript and TypeScript under this project's node_modules — with every jwt-lint rule and
// prints every finding, so a person can look at each one (a finding here is a false positive until shown otherwise),
// plus files that did not parse and rules that crashed.
// usage: node scripts/scan-node-modules.mjs [dir=node_modules] [--max-files N]
import { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { default: plugin } = await import(path.join(root, 'dist/src/index.js'));
const args = process.argv.slice(2);
const maxAt = args.indexOf('--max-files');
const maxFiles = maxAt >= 0 ? Number(args.splice(maxAt, 2)[1]) : Infinity;
const dir = path.resolve(args[0] ?? path.join(root, 'node_modules'));

const files = [];
(function walk(d) {
  for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    const p = path.join(d, e.name);
    if (e.isDirectory()) walk(p);
    else if (/\.(c|m)?(j|t)sx?$/.test(e.name) && !/\.d\.[cm]?ts$|\.min\.js$/.test(e.name)) files.push(p);
  }
})(dir);

const linter = new Linter({ configType: 'flat', cwd: '/' });
const config = [
  {
    files: ['**/*.{js,jsx,ts,tsx,mjs,cjs,mts,cts}'],
    languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } },
    linterOptions: { reportUnusedDisableDirectives: 'off' },
    plugins: { 'jwt-lint': plugin },
    rules: plugin.configs.all[0].rules,
  },
];
let scanned = 0, findings = 0, unparsed = 0, crashed = 0;
for (const file of files.slice(0, maxFiles)) {
  const text = fs.readFileSync(file, 'utf8');
  if (text.length > 1_000_000) continue;
  scanned++;
  let messages;
  try {
    // A neutral path: ESLint ignores node_modules by default. Keep the extension, which decides how it parses.
    messages = linter.verify(text, config, { filename: `/scan/${path.basename(file)}` });
  } catch (e) {
    crashed++;
    console.log(`CRASH ${path.relative(root, file)}: ${e.message}`);
    continue;
  }
  if (messages.some((m) => m.fatal)) unparsed++;
  for (const m of messages) {
    if (!m.ruleId?.startsWith('jwt-lint/')) continue;
    findings++;
    console.log(`${path.relative(root, file)}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
  }
}
console.log(`scanned ${scanned} files under ${path.relative(root, dir) || '.'}: ${findings} findings, ${unparsed} did not parse, ${crashed} crashed`);
process.exitCode = crashed ? 1 : 0;
