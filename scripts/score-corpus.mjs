// Lints an annotated corpus with every jwt-lint rule and scores the findings against its `// expect:` annotations
// with the team's scorer (../shared/tools/score-annotations.mjs).
// usage: node scripts/score-corpus.mjs [DIR=fixtures/insecure] [scorer flags, e.g. --only-rules a,b --min-recall 0.9 --quiet]
import { ESLint } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { default: plugin } = await import(path.join(root, 'dist/src/index.js'));

const args = process.argv.slice(2);
const dir = path.resolve(args[0] && !args[0].startsWith('--') ? args.shift() : path.join(root, 'fixtures/insecure'));
const scorer = path.resolve(root, '../shared/tools/score-annotations.mjs');

export async function lintCorpus(corpusDir) {
  const eslint = new ESLint({
    cwd: corpusDir,
    overrideConfigFile: true,
    ignore: false,
    overrideConfig: [
      {
        files: ['**/*.{js,jsx,ts,tsx,mjs,cjs,mts,cts}'],
        languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } },
        plugins: { 'jwt-lint': plugin },
        rules: plugin.configs.all[0].rules,
      },
    ],
  });
  return eslint.lintFiles(['.']);
}

// Keep jwt-lint's own findings and parse errors; drop "Definition for rule … was not found" from disable comments
// that name other plugins' rules (the command filters them the same way).
const results = (await lintCorpus(dir)).map((r) => ({
  ...r,
  messages: r.messages.filter((m) => !m.ruleId || m.ruleId.startsWith('jwt-lint/')),
}));
const report = path.join(os.tmpdir(), `jwt-lint-corpus-${process.pid}.json`);
fs.writeFileSync(report, JSON.stringify(results));
if (!fs.existsSync(scorer)) {
  throw new Error(`scorer not found at ${scorer}; the ESLint report is at ${report}`);
}
const run = spawnSync(process.execPath, [scorer, report, '--cases', dir, ...args], { stdio: 'inherit' });
fs.rmSync(report, { force: true });
process.exitCode = run.status ?? 2;
