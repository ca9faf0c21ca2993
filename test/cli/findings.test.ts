// Real findings through the command: the vulnerable app, disable comments, presets, warnings, --fix.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, isPlaceholder, parseJson, rel, runCli } from './helpers.js';

const requireAlgorithmsPending = await isPlaceholder('require-algorithms');

const findings = (dir: string, args: string[] = []) => {
  const r = runCli(['--format', 'json', ...args], { cwd: dir });
  const list = parseJson(r).flatMap((x) => x.messages.map((m) => ({ file: rel(dir, x.filePath), ...m })));
  return { r, list };
};

describe('inline comments naming rules jwt-lint does not have', () => {
  it('make no noise: no "Definition for rule … was not found", no unused-directive reports, no foreign rules', () => {
    const dir = copyFixture('vulnerable-app');
    const { r, list } = findings(dir);
    const text = JSON.stringify(list) + r.stderr;
    expect(text).not.toMatch(/Definition for rule|Unused eslint-disable|react-hooks|no-console|no-unsafe-return/);
    expect(list.every((m) => m.ruleId === null || m.ruleId.startsWith('jwt-lint/'))).toBe(true);
  });

  it('--fix applies no fixes of rules a file turns on itself', () => {
    const source = '/* eslint prefer-const: "error", semi: ["error", "always"] */\nlet unchanged = 1\nexport { unchanged }\n';
    const dir = copyFixture('clean-app', { 'src/inline.js': source });
    const r = runCli(['--fix'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(readFileSync(path.join(dir, 'src', 'inline.js'), 'utf8')).toBe(source);
  });
});

describe.skipIf(requireAlgorithmsPending)('findings of jwt-lint/require-algorithms', () => {
  it('reports jwt.verify(token, key) in the vulnerable app and exits 1', () => {
    const dir = copyFixture('vulnerable-app');
    const { r, list } = findings(dir);
    expect(r.status).toBe(1);
    const algos = list.filter((m) => m.ruleId === 'jwt-lint/require-algorithms').map((m) => `${m.file}:${m.line}`);
    expect(algos).toEqual(expect.arrayContaining(['src/auth.js:5', 'src/routes/[id].ts:5', 'src/comments.js:16']));
  });

  it('honours eslint-disable comments for jwt-lint rules', () => {
    const dir = copyFixture('vulnerable-app');
    const { list } = findings(dir);
    expect(list.filter((m) => m.file === 'src/comments.js' && m.line === 12)).toEqual([]);
    const r = runCli(['--format', 'json'], { cwd: dir });
    const comments = parseJson(r).find((x) => x.filePath.endsWith('comments.js'))!;
    expect(JSON.stringify(comments)).toContain('"suppressedMessages":[{"ruleId":"jwt-lint/require-algorithms"');
  });

  it('stylish links each rule to its documentation and counts findings by rule', () => {
    const dir = copyFixture('vulnerable-app');
    const r = runCli([], { cwd: dir });
    expect(r.stdout).toMatch(/^src\/auth\.js\n {2}5:\d+ +error +.+ {2}jwt-lint\/require-algorithms$/m);
    expect(r.stdout).toMatch(/^✖ .*require-algorithms \d+/m);
    expect(r.stdout).toMatch(/^ {2}jwt-lint\/require-algorithms +https:\/\/github\.com\/jwt-lint\/jwt-lint\/blob\/v[\d.]+\/docs\/rules\/require-algorithms\.md$/m);
  });

  it('warnings exit 0 unless --max-warnings is exceeded; --quiet hides them', () => {
    const dir = copyFixture('clean-app', {
      'src/warn.js': "/* eslint jwt-lint/require-algorithms: \"warn\" */\nimport jwt from 'jsonwebtoken';\nexport const v = (t, k) => jwt.verify(t, k);\n",
    });
    const base = runCli(['--format', 'json'], { cwd: dir });
    expect(base.status).toBe(0);
    expect(parseJson(base).reduce((n, x) => n + x.warningCount, 0)).toBe(1);
    expect(runCli(['--max-warnings', '1'], { cwd: dir }).status).toBe(0);
    const over = runCli(['--max-warnings', '0'], { cwd: dir });
    expect(over.status).toBe(1);
    expect(over.stderr).toMatch(/too many warnings \(1\); the maximum is 0/);
    const quiet = runCli(['--quiet', '--format', 'json'], { cwd: dir });
    expect(parseJson(quiet).reduce((n, x) => n + x.messages.length, 0)).toBe(0);
  });

  it('the same files give the same findings with --concurrency', () => {
    const dir = copyFixture('vulnerable-app');
    const off = findings(dir).list;
    const two = findings(dir, ['--concurrency', '2']).list;
    expect(two).toEqual(off);
    expect(off.length).toBeGreaterThan(0);
  });
});
