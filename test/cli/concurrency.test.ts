// --concurrency runs ESLint's worker threads through the options module; --type-aware.
import { describe, expect, it } from 'vitest';
import { copyFixture, parseJson, runCli } from './helpers.js';

/** 120 files: a third with parse errors, the rest with JWT code. */
function manyFiles(): string {
  const files: Record<string, string> = {};
  for (let i = 0; i < 120; i++) {
    files[`src/gen/file${String(i).padStart(3, '0')}.${i % 2 ? 'ts' : 'js'}`] =
      i % 3 === 0 ? `export const broken${i} = ;\n` : `import jwt from 'jsonwebtoken';\nexport const v${i} = (t: string, k: string) => jwt.verify(t, k);\n`.replace(/: string/g, i % 2 ? ': string' : '');
  }
  return copyFixture('clean-app', files);
}

const summary = (stdout: string) =>
  JSON.parse(stdout).map((r: { filePath: string; messages: { ruleId: string | null; line: number; message: string }[] }) => [
    r.filePath,
    r.messages.map((m) => `${m.line}:${m.ruleId}:${m.message}`),
  ]);

describe('--concurrency', () => {
  it('lints in worker threads and gives the same results as a single thread', () => {
    const dir = manyFiles();
    const off = runCli(['--format', 'json', '--concurrency', 'off'], { cwd: dir });
    const two = runCli(['--format', 'json', '--concurrency', '2'], { cwd: dir, env: { DEBUG: 'eslint:eslint' } });
    expect(two.stderr).toMatch(/Linting using 2 worker thread\(s\)/);
    expect(off.status).toBe(1);
    expect(two.status).toBe(1);
    expect(parseJson(off)).toHaveLength(122);
    expect(summary(two.stdout)).toEqual(summary(off.stdout));
    const auto = runCli(['--format', 'json', '--concurrency', 'auto'], { cwd: dir });
    expect(summary(auto.stdout)).toEqual(summary(off.stdout));
  });

  it('runs in one thread by default', () => {
    const dir = manyFiles();
    const r = runCli(['--format', 'json'], { cwd: dir, env: { DEBUG: 'eslint:eslint' } });
    expect(r.stderr).toMatch(/Linting in single-thread mode/);
    expect(r.stderr).not.toMatch(/worker thread/);
  });
});

describe('--type-aware', () => {
  it('uses the tsconfig.json projects it finds, and lints files outside them without types', () => {
    const dir = copyFixture('clean-app', {
      'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, module: 'NodeNext', noEmit: true }, include: ['src/**/*.ts'] }),
      'scripts/tool.ts': 'export const tool = 1;\n',
    });
    const plain = runCli(['--format', 'json'], { cwd: dir });
    const typed = runCli(['--format', 'json', '--type-aware'], { cwd: dir });
    expect(typed.stderr).toMatch(/--type-aware: 1 of 3 files are in TypeScript projects \(tsconfig\.json\)/);
    expect(typed.status).toBe(0);
    expect(summary(typed.stdout)).toEqual(summary(plain.stdout));
  });

  it('says so when there is no tsconfig.json, and lints without types', () => {
    const dir = copyFixture('vulnerable-app');
    const r = runCli(['--format', 'json', '--type-aware'], { cwd: dir });
    expect(r.stderr).toMatch(/--type-aware: no tsconfig\.json found; linting without type information/);
    expect(parseJson(r).length).toBeGreaterThan(0);
  });

  it('reports an unreadable tsconfig.json and goes on', () => {
    const dir = copyFixture('clean-app', { 'tsconfig.json': '{ "extends": "./missing.json" }' });
    const r = runCli(['--format', 'json', '--type-aware'], { cwd: dir });
    expect(r.stderr).toMatch(/--type-aware: .*tsconfig\.json: .*missing\.json/);
    expect(r.status).toBe(0);
  });
});
