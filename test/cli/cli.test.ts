// The command's interface: help, version, usage errors, exit codes, working directories, output files.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, cleanEnv, copyFixture, parseJson, rel, repoRoot, runCli, tempDir } from './helpers.js';

const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };

describe('--help and --version', () => {
  it('prints a manual with usage, options, exit status and examples, and exits 0', () => {
    const r = runCli(['--help']);
    expect(r.status).toBe(0);
    for (const heading of ['USAGE', 'OPTIONS', 'EXIT STATUS', 'EXAMPLES']) expect(r.stdout).toMatch(new RegExp(`^${heading}$`, 'm'));
    for (const option of ['--format', '--output-file', '--preset', '--fix', '--max-warnings', '--concurrency', '--type-aware']) {
      expect(r.stdout).toContain(option);
    }
    expect(r.stdout).toContain('npx jwt-lint');
    expect(r.stdout.split('\n').every((line) => line.length <= 86)).toBe(true);
    expect(runCli(['-h']).stdout).toBe(r.stdout);
  });

  it('prints the package version', () => {
    const r = runCli(['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^jwt-lint ${pkg.version.replace(/\./g, '\\.')} \\(ESLint \\d+\\.\\d+\\.\\d+\\)\\n$`));
  });
});

describe('usage errors exit 2 with one line on stderr', () => {
  it.each([
    [['--bogus'], /unknown option '--bogus'/i],
    [['--format', 'xml', '.'], /unknown format 'xml'/],
    [['--preset', 'paranoid'], /unknown preset 'paranoid'/],
    [['--max-warnings', 'lots'], /invalid --max-warnings 'lots'/],
    [['--concurrency', 'many'], /invalid --concurrency 'many'/],
    [['--max-file-size', 'big'], /invalid --max-file-size 'big'/],
    [['does-not-exist'], /no such file or directory: does-not-exist/],
  ])('%j', (args, message) => {
    const r = runCli(args as string[], { cwd: tempDir() });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^jwt-lint: /);
  });
});

describe('exit codes', () => {
  it('0 on a clean repository', () => {
    const dir = copyFixture('clean-app');
    const r = runCli([], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/No problems found in 2 files/);
  });

  it('1 when a file cannot be parsed', () => {
    const dir = copyFixture('clean-app', { 'src/broken.js': 'export const = ;\n' });
    const r = runCli([], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(path.join('src', 'broken.js'));
  });

  it('2 on an internal error, with a one-line message and a stack trace only under --debug', () => {
    const dir = copyFixture('clean-app');
    const blocker = path.join(dir, 'not-a-dir');
    writeFileSync(blocker, '');
    const args = ['--format', 'json', '--output-file', path.join(blocker, 'report.json'), dir];
    const r = runCli(args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^jwt-lint: internal error: .*(ENOTDIR|EEXIST)/m);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    const d = runCli([...args, '--debug']);
    expect(d.status).toBe(2);
    expect(d.stderr).toMatch(/^\s+at /m);
  });

  it('0 on a directory without JavaScript or TypeScript', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'README.md'), '# nothing to lint\n');
    const r = runCli([dir]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/No problems found in 0 files/);
  });
});

describe('working directory', () => {
  it('scans a path outside the current directory (absolute and relative)', () => {
    const dir = copyFixture('unparsable');
    const elsewhere = tempDir();
    const abs = runCli(['--format', 'json', dir], { cwd: elsewhere });
    const relative = runCli(['--format', 'json', path.relative(elsewhere, dir)], { cwd: elsewhere });
    expect(abs.status).toBe(1);
    expect(relative.status).toBe(1);
    const files = (r: typeof abs) => parseJson(r).map((x) => rel(dir, x.filePath));
    expect(files(abs)).toEqual(['src/garbage.ts', 'src/later.js', 'src/latin1.js', 'src/ok.js', 'src/syntax-error.js', 'src/type-error.ts']);
    expect(files(relative)).toEqual(files(abs));
    // Outside the working directory, stylish shows absolute paths.
    const stylish = runCli([dir], { cwd: elsewhere });
    expect(stylish.stdout, stylish.stderr).toContain(path.join(dir, 'src', 'syntax-error.js'));
  });

  it('shows paths relative to the working directory when the files are inside it', () => {
    const dir = copyFixture('unparsable');
    const r = runCli(['src'], { cwd: dir });
    expect(r.stdout).toMatch(/^src[/\\]syntax-error\.js$/m);
  });

  it('lints several paths in one run, and a single file', () => {
    const dir = copyFixture('unparsable');
    const r = runCli(['--format', 'json', 'src/ok.js', 'src/syntax-error.js', 'src/later.js'], { cwd: dir });
    expect(parseJson(r).map((x) => rel(dir, x.filePath))).toEqual(['src/later.js', 'src/ok.js', 'src/syntax-error.js']);
    expect(r.status).toBe(1);
  });
});

describe('--output-file', () => {
  it('writes the report to the file (creating folders), not to stdout', () => {
    const dir = copyFixture('unparsable');
    const out = path.join(tempDir(), 'reports', 'jwt-lint.json');
    const r = runCli(['--format', 'json', '--output-file', out, dir]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/report written to/);
    const written = JSON.parse(readFileSync(out, 'utf8')) as unknown[];
    expect(written).toHaveLength(6);
  });

  it('writes stylish without colours to a file even when colours are forced', () => {
    const dir = copyFixture('unparsable');
    const out = path.join(tempDir(), 'report.txt');
    runCli(['-o', out, dir], { env: { FORCE_COLOR: '1' } });
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('Parsing error');
    expect(text).not.toContain('\u001b[');
  });
});

describe('colours', () => {
  const dirty = () => copyFixture('unparsable');
  it('are off when stdout is not a terminal', () => {
    expect(runCli([dirty()]).stdout).not.toContain('\u001b[');
  });
  it('are on with FORCE_COLOR, and NO_COLOR does not beat FORCE_COLOR', () => {
    expect(runCli([dirty()], { env: { FORCE_COLOR: '1' } }).stdout).toContain('\u001b[31merror');
    expect(runCli([dirty()], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout).toContain('\u001b[');
  });
  it('are off with FORCE_COLOR=0 or --no-color, on with --color', () => {
    expect(runCli([dirty()], { env: { FORCE_COLOR: '0' } }).stdout).not.toContain('\u001b[');
    expect(runCli(['--no-color', dirty()], { env: { FORCE_COLOR: '1' } }).stdout).not.toContain('\u001b[');
    expect(runCli(['--color', dirty()]).stdout).toContain('\u001b[');
  });
});

describe('progress line', () => {
  const hasScript = (() => {
    try {
      return execFileSync('script', ['--version'], { encoding: 'utf8' }).includes('util-linux');
    } catch {
      return false;
    }
  })();

  it.skipIf(!hasScript)('appears on a terminal for a run over a few hundred files, and is erased', () => {
    const dir = tempDir();
    for (let i = 0; i < 320; i++) writeFileSync(path.join(dir, `f${i}.js`), `export const v${i} = ${i};\n`);
    // `script` gives the command a pseudo-terminal.
    const out = execFileSync('script', ['-qfec', `${JSON.stringify(process.execPath)} ${JSON.stringify(bin)} ${JSON.stringify(dir)}`, '/dev/null'], {
      encoding: 'utf8',
      env: cleanEnv(),
    });
    expect(out).toContain('\r\u001b[Kjwt-lint: linted 100/320 files');
    expect(out).toContain('\r\u001b[Kjwt-lint: linted 320/320 files\r\u001b[K');
    expect(out).toMatch(/No problems found in 320 files/);
  });

  it('does not appear when stderr is not a terminal', () => {
    const dir = tempDir();
    for (let i = 0; i < 320; i++) writeFileSync(path.join(dir, `f${i}.js`), `export const v${i} = ${i};\n`);
    expect(runCli([dir]).stderr).toBe('');
  });
});
