/**
 * Every rule's doc is linted: each fenced block after a ❌ line must make the rule report, each block after a ✅ line
 * must leave it silent (the rule alone, default options). The doc's structure is checked too.
 */
import { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';

const root = path.resolve(import.meta.dirname, '..');
const ruleNames = Object.keys(plugin.rules);

export interface DocBlock {
  verdict: 'incorrect' | 'correct';
  lang: string;
  code: string;
  line: number;
}

/** Fenced blocks under `## Examples`, each tagged by the nearest preceding ❌ / ✅ line. */
export function exampleBlocks(markdown: string): DocBlock[] {
  const lines = markdown.split('\n');
  const blocks: DocBlock[] = [];
  let inExamples = false;
  let verdict: DocBlock['verdict'] | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^## /.test(line)) {
      inExamples = /^## Examples\b/.test(line);
      verdict = undefined;
      continue;
    }
    if (!inExamples) continue;
    if (line.startsWith('❌')) verdict = 'incorrect';
    else if (line.startsWith('✅')) verdict = 'correct';
    const fence = /^(`{3,})(\w*)/.exec(line);
    if (fence) {
      const end = lines.findIndex((l, j) => j > i && l.startsWith(fence[1]));
      if (end < 0) throw new Error(`unclosed fence at line ${i + 1}`);
      if (verdict) blocks.push({ verdict, lang: fence[2] || 'js', code: lines.slice(i + 1, end).join('\n'), line: i + 1 });
      i = end;
    }
  }
  return blocks;
}

function lintBlock(ruleName: string, block: DocBlock) {
  const linter = new Linter({ configType: 'flat', cwd: root });
  const ext = ['js', 'ts', 'jsx', 'tsx', 'mjs', 'cjs', 'mts', 'cts'].includes(block.lang) ? block.lang : 'js';
  return linter.verify(
    block.code,
    [
      {
        files: ['**/*.{js,ts,jsx,tsx,mjs,cjs,mts,cts}'],
        languageOptions: {
          parser: tsParser as unknown as Linter.Parser,
          parserOptions: { ecmaFeatures: { jsx: ext.endsWith('x') } },
        },
        plugins: { 'jwt-lint': plugin as never },
        rules: { [`jwt-lint/${ruleName}`]: 'error' },
      },
    ],
    { filename: path.join(root, 'docs', `example.${ext}`) },
  );
}

describe.each(ruleNames)('docs/rules/%s.md', (ruleName) => {
  const file = path.join(root, 'docs', 'rules', `${ruleName}.md`);
  const rule = plugin.rules[ruleName as keyof typeof plugin.rules];

  it('exists, with the generated header and the required sections', () => {
    expect(existsSync(file), `${file} is missing`).toBe(true);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('<!-- end auto-generated rule header -->');
    expect(text).toMatch(/^## Examples$/m);
    expect(text).toMatch(/^## When Not To Use It$/m);
    const options = (rule.meta.schema as unknown as { properties?: Record<string, unknown> }[] | undefined)?.[0]?.properties ?? {};
    for (const option of Object.keys(options)) expect(text, `heading for option ${option}`).toMatch(new RegExp(`^### \`?${option}\`?$`, 'm'));
  });

  const blocks = existsSync(file) ? exampleBlocks(readFileSync(file, 'utf8')) : [];
  it('has at least one ❌ and one ✅ example', () => {
    expect(blocks.some((b) => b.verdict === 'incorrect')).toBe(true);
    expect(blocks.some((b) => b.verdict === 'correct')).toBe(true);
  });
  it.each(blocks.map((b) => [`${b.verdict} block at line ${b.line}`, b] as const))('%s', (_label, block) => {
    const messages = lintBlock(ruleName, block);
    const fatal = messages.filter((m) => m.fatal);
    expect(fatal, 'the example must parse').toEqual([]);
    const own = messages.filter((m) => m.ruleId === `jwt-lint/${ruleName}`);
    if (block.verdict === 'incorrect') expect(own.length, 'a ❌ example must be reported').toBeGreaterThan(0);
    else expect(own.map((m) => `${m.line}:${m.column} ${m.message}`), 'a ✅ example must be clean').toEqual([]);
  });
});

describe('exampleBlocks', () => {
  it('tags blocks by the nearest ❌ / ✅ line and ignores blocks outside ## Examples', () => {
    const md = ['# x', '```js', 'a', '```', '## Examples', '❌ Incorrect', '', '```ts', 'bad()', '```', '✅ Correct', '```js', 'good()', '```', '## Options', '```js', 'o', '```'].join('\n');
    expect(exampleBlocks(md).map((b) => [b.verdict, b.lang, b.code])).toEqual([
      ['incorrect', 'ts', 'bad()'],
      ['correct', 'js', 'good()'],
    ]);
  });
});
