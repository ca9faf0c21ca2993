// The path a new user takes: the packed tarball, installed into an empty project, run on a repository.
// Slow (npm install from the registry, with --prefer-offline), so it is one test.
import { execFileSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, parseJson, repoRoot, runCli, tempDir } from './helpers.js';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const quiet = ['--no-audit', '--no-fund', '--loglevel=error'];

describe('npm package', () => {
  it('installs from its tarball and scans a repository with the installed command', { timeout: 600_000 }, () => {
    const work = tempDir('jwt-lint-pack-');
    // The test script has just built dist/; `prepare` would rebuild, which the pack does not need.
    const packed = JSON.parse(
      execFileSync(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', work, ...quiet], { cwd: repoRoot, encoding: 'utf8' }),
    ) as { filename: string; files: { path: string }[] }[];
    const shipped = packed[0].files.map((f) => f.path);
    expect(shipped).toEqual(expect.arrayContaining(['bin/jwt-lint.js', 'dist/src/cli/main.js', 'dist/src/cli/eslint-options.js', 'package.json']));
    expect(shipped.filter((f) => /^(test|fixtures|src)\//.test(f))).toEqual([]);

    const project = path.join(work, 'project');
    execFileSync('mkdir', ['-p', project]);
    writeFileSync(path.join(project, 'package.json'), '{ "name": "empty-project", "private": true }\n');
    execFileSync(npm, ['install', '--prefer-offline', ...quiet, path.join(work, packed[0].filename)], { cwd: project, encoding: 'utf8' });
    expect(readdirSync(path.join(project, 'node_modules'))).toEqual(expect.arrayContaining(['jwt-lint', 'eslint']));

    const installed = [path.join(project, 'node_modules', '.bin', 'jwt-lint')];
    const version = runCli(['--version'], { command: installed, cwd: project });
    expect(version.stdout).toMatch(/^jwt-lint \d+\.\d+\.\d+/);

    // Scan a repository elsewhere, with the installed copy of the command.
    const repo = copyFixture('unparsable');
    const r = runCli(['--format', 'json', repo], { command: installed, cwd: project });
    expect(r.status).toBe(1);
    const results = parseJson(r);
    expect(results.map((x) => path.basename(x.filePath))).toEqual(['garbage.ts', 'later.js', 'latin1.js', 'ok.js', 'syntax-error.js', 'type-error.ts']);
    expect(results.find((x) => x.filePath.endsWith('syntax-error.js'))!.messages[0].message).toMatch(/Parsing error/);

    // npx finds the installed command.
    const npx = runCli(['jwt-lint', '--version'], { command: [npm, 'exec', '--no', '--'], cwd: project });
    expect(npx.stdout).toBe(version.stdout);

    // Worker threads load the options module from the installed package.
    const threads = runCli(['--format', 'json', '--concurrency', '2', repo], { command: installed, cwd: project, env: { DEBUG: 'eslint:eslint' } });
    expect(threads.stderr).toMatch(/Linting using 2 worker thread\(s\)/);
    expect(parseJson(threads)).toEqual(results);
  });
});
