// --type-aware resolves imported constants through the TypeScript project: a tsconfig `paths` alias.
import { describe, expect, it } from 'vitest';
import { buildConfig } from '../../src/cli/config.js';
import { settingsFromURL, settingsToURL, type RunSettings } from '../../src/cli/settings.js';
import { copyFixture, parseJson, rel, runCli } from './helpers.js';

const findings = (dir: string, stdout: string) =>
  parseJson({ status: 0, stdout, stderr: '' }).flatMap((r) =>
    r.messages.map((m) => `${rel(dir, r.filePath)}:${m.line}:${m.column}:${m.ruleId}`),
  );

describe('--type-aware follows tsconfig path aliases', () => {
  it('reports the hardcoded secret imported through `@app/config` only with --type-aware', () => {
    const dir = copyFixture('type-aware');
    const typed = runCli(['--format', 'json', '--type-aware'], { cwd: dir });
    expect(typed.stderr).toMatch(/--type-aware: 2 of 2 files are in TypeScript projects \(tsconfig\.json\)/);
    expect(typed.stderr).not.toMatch(/error|problem|not used/i);
    expect(findings(dir, typed.stdout)).toEqual(['src/auth.ts:5:22:jwt-lint/no-hardcoded-secret']);
    expect(typed.status).toBe(1);

    const plain = runCli(['--format', 'json'], { cwd: dir });
    expect(plain.stderr).toBe('');
    expect(findings(dir, plain.stdout)).toEqual([]);
    expect(plain.status).toBe(0);
  });

  it('carries the setting into worker threads', () => {
    const dir = copyFixture('type-aware');
    const r = runCli(['--format', 'json', '--type-aware', '--concurrency', '2'], { cwd: dir });
    expect(findings(dir, r.stdout)).toEqual(['src/auth.ts:5:22:jwt-lint/no-hardcoded-secret']);
  });

  it('does not follow an alias into node_modules or a declaration file', () => {
    const dir = copyFixture('type-aware', {
      'node_modules/@app/vendor/index.ts': `export const JWT_SECRET = 'from-node-modules';\n`,
      'src/types.d.ts': `export declare const JWT_SECRET: string;\n`,
      'src/other.ts': `import jwt from 'jsonwebtoken';\nimport { JWT_SECRET } from '@app/types';\nimport { JWT_SECRET as V } from '@app/vendor';\nexport const a = jwt.sign({}, JWT_SECRET, { expiresIn: '1m' });\nexport const b = jwt.sign({}, V, { expiresIn: '1m' });\n`,
    });
    const r = runCli(['--format', 'json', '--type-aware'], { cwd: dir });
    expect(findings(dir, r.stdout)).toEqual(['src/auth.ts:5:22:jwt-lint/no-hardcoded-secret']);
  });
});

describe('run settings', () => {
  const base: RunSettings = { preset: 'recommended', fix: false, cwd: '/x', concurrency: 'off', projects: ['/x/tsconfig.json'], typeAware: true };

  it('travel through the options module URL', () => {
    const url = settingsToURL(new URL('file:///opts.js'), base);
    expect(settingsFromURL(url)).toEqual(base);
    expect(settingsFromURL(settingsToURL(url, { ...base, typeAware: false })).typeAware).toBe(false);
  });

  it('set the shared `jwt-lint` setting only for --type-aware', () => {
    const settingsOf = (s: RunSettings) => buildConfig(s).find((c) => c.settings)?.settings;
    expect(settingsOf(base)).toEqual({ 'jwt-lint': { typeAware: true } });
    expect(settingsOf({ ...base, typeAware: false })).toBeUndefined();
  });
});

