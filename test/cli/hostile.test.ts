// jwt-lint never loads or runs configuration, plugins or code of the repository it scans.
// fixtures/cli/hostile-config has ESLint configs (flat and legacy), a package.json `eslintConfig`,
// a tsconfig naming a language-service plugin, an inline comment naming an ESLint plugin, and a
// source file with a top-level side effect; each writes a `PWNED-*` file if it ever runs.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, parseJson, rel, runCli } from './helpers.js';

const sentinel = (name: string) => `require('node:fs').writeFileSync(require('node:path').join(__dirname, '..', '..', 'PWNED-${name}'), '');\n`;

function hostileRepo(): string {
  return copyFixture('hostile-config', {
    // Packages that a config-loading tool could be tempted to load.
    'node_modules/evil-ts-plugin/package.json': '{ "name": "evil-ts-plugin", "main": "index.js" }',
    'node_modules/evil-ts-plugin/index.js': sentinel('ts-plugin'),
    'node_modules/eslint-plugin-evil/package.json': '{ "name": "eslint-plugin-evil", "main": "index.js" }',
    'node_modules/eslint-plugin-evil/index.js': sentinel('eslint-plugin'),
    'node_modules/jsonwebtoken/package.json': '{ "name": "jsonwebtoken", "main": "index.js" }',
    'node_modules/jsonwebtoken/index.js': sentinel('jsonwebtoken'),
  });
}

const pwned = (dir: string): string[] => readdirSync(dir).filter((f) => f.startsWith('PWNED'));

describe('a repository with hostile configuration', () => {
  it('the sentinels work: loading the config writes a PWNED file (control)', () => {
    const dir = hostileRepo();
    execFileSync(process.execPath, ['-e', "import('./eslint.config.js')"], { cwd: dir });
    expect(pwned(dir)).toEqual(['PWNED-eslint.config.js']);
  });

  it.each([[[]], [['--type-aware']], [['--concurrency', '2']], [['--fix']], [['--preset', 'all']]])(
    'is linted without running anything of it (%j)',
    (extra) => {
      const dir = hostileRepo();
      for (const f of pwned(dir)) rmSync(path.join(dir, f));
      const r = runCli(['--format', 'json', ...(extra as string[]), '.'], { cwd: dir });
      expect(r.stderr).not.toMatch(/internal error/);
      expect([0, 1]).toContain(r.status);
      expect(pwned(dir)).toEqual([]);
      expect(existsSync(path.join(dir, 'src', 'PWNED-app.ts'))).toBe(false);
      const files = parseJson(r).map((x) => rel(dir, x.filePath));
      // Its config files are linted as code (parsed, never imported), and so is its source.
      expect(files).toEqual(expect.arrayContaining(['eslint.config.js', 'eslint.config.ts', 'src/app.ts', 'src/plugin-loader.js']));
      // The inline `/* eslint evil/rule: "error" */` made no noise.
      expect(JSON.stringify(parseJson(r))).not.toMatch(/evil\/rule|Definition for rule/);
    },
  );
});
