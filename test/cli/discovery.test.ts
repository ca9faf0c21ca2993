// Which files are linted: skipped folders, .gitignore semantics, generated files, file names.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, parseJson, rel, runCli } from './helpers.js';

const code = "export const x = 1;\n";

/** Files the .gitignore fixture's ignore rules and jwt-lint's own skips must keep out. */
const generated: Record<string, string> = {
  'generated/api.js': code, // generated/ (root .gitignore)
  'src/nested/generated/deep.js': code, // generated/ matches at any depth
  'src/a.gen.js': code, // *.gen.js (root)
  'src/keep.gen.js': code, // !keep.gen.js in src/.gitignore re-includes it
  'local.js': code, // /local.js is anchored to the root…
  'lib/local.js': code, // …so this one stays
  'src/secret-config.js': code, // src/.gitignore
  'src/nested/secret-config.js': code, // re-included by src/nested/.gitignore
  'node_modules/pkg/index.js': code,
  'packages/a/node_modules/pkg/index.js': code,
  'dist/index.js': code,
  'build/index.js': code,
  'coverage/lcov-report/prettify.js': code,
  '.next/server/page.js': code,
  'out/index.js': code,
  '.git/hooks/pre-commit.js': code,
  'lib/types.d.ts': 'export declare const y: number;\n',
  'lib/vendor.min.js': code,
  'lib/bundle.js': `var a=${'1+'.repeat(4000)}1;\n`, // a one-line bundle without a .min name
  'lib/component.jsx': 'export const C = () => <div />;\n',
  'lib/module.mts': code,
  'lib/script.cts': code,
  'lib/esm.mjs': code,
  'lib/cjs.cjs': 'module.exports = 1;\n',
  'lib/view.tsx': 'export const V = () => <div />;\n',
  'lib/notes.md': '# not code\n',
  'lib/data.json': '{}\n',
};

const expected = [
  'lib/cjs.cjs',
  'lib/component.jsx',
  'lib/esm.mjs',
  'lib/local.js',
  'lib/module.mts',
  'lib/script.cts',
  'lib/util.ts',
  'lib/view.tsx',
  'src/app.js',
  'src/keep.gen.js',
  'src/nested/secret-config.js',
];

describe('file discovery', () => {
  it('lints exactly the source files that are not ignored, skipped or generated', () => {
    const dir = copyFixture('gitignored', generated);
    const listed = runCli(['--list-files'], { cwd: dir });
    expect(listed.status).toBe(0);
    expect(listed.stdout.trim().split('\n').map((f) => f.split(path.sep).join('/'))).toEqual(expected);
    expect(listed.stderr).toMatch(/lib[/\\]vendor\.min\.js: skipped, minified bundle/);
    expect(listed.stderr).toMatch(/lib[/\\]bundle\.js: skipped, minified bundle/);

    // What ESLint lints is the same list.
    const linted = parseJson(runCli(['--format', 'json'], { cwd: dir }));
    expect(linted.map((r) => rel(dir, r.filePath))).toEqual(expected);
    expect(linted.every((r) => r.messages.length === 0)).toBe(true);
  });

  it('applies the .gitignore files above a scanned subfolder, up to the repository root', () => {
    const dir = copyFixture('gitignored', generated);
    const r = runCli(['--list-files', path.join(dir, 'src')], { cwd: dir });
    expect(r.stdout.trim().split('\n').map((f) => f.split(path.sep).join('/'))).toEqual([
      'src/app.js',
      'src/keep.gen.js',
      'src/nested/secret-config.js',
    ]);
  });

  it('honours .git/info/exclude', () => {
    const dir = copyFixture('gitignored', { '.git/info/exclude': 'lib/\n' });
    const r = runCli(['--list-files'], { cwd: dir });
    expect(r.stdout).not.toContain('lib');
    expect(r.stdout).toContain('app.js');
  });

  it('lints a file named on the command line even where a directory scan would skip it', () => {
    const dir = copyFixture('gitignored', generated);
    const r = runCli(['--list-files', 'dist/index.js', 'lib/bundle.js', 'src/a.gen.js'], { cwd: dir });
    expect(r.stdout.trim().split('\n').map((f) => f.split(path.sep).join('/'))).toEqual(['dist/index.js', 'lib/bundle.js', 'src/a.gen.js']);
    // Likewise a folder: its contents are scanned even though .gitignore ignores the folder.
    const folder = runCli(['--list-files', 'generated', 'src/nested/generated'], { cwd: dir });
    expect(folder.stdout.trim().split('\n').map((f) => f.split(path.sep).join('/'))).toEqual(['generated/api.js', 'src/nested/generated/deep.js']);
  });

  it('notes a named file that is not JavaScript or TypeScript, and lints nothing', () => {
    const dir = copyFixture('gitignored', generated);
    const r = runCli(['lib/notes.md'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/notes\.md: skipped, not a JavaScript or TypeScript file/);
  });

  it('skips files over --max-file-size with a notice, and the limit can be raised or lifted', () => {
    const big = `${'export const line = "0123456789";\n'.repeat(40_000)}`; // ~1.4 MB of short lines
    const dir = copyFixture('gitignored', { 'src/huge.js': big });
    const r = runCli(['--list-files'], { cwd: dir });
    expect(r.stdout).not.toContain('huge.js');
    expect(r.stderr).toMatch(/src[/\\]huge\.js: skipped, 1\.\d MB is over the --max-file-size limit/);
    expect(runCli(['--list-files', '--max-file-size', '2mb'], { cwd: dir }).stdout).toContain('huge.js');
    expect(runCli(['--list-files', '--max-file-size', '0'], { cwd: dir }).stdout).toContain('huge.js');
    expect(runCli(['--list-files', '--max-file-size', '10kb'], { cwd: dir }).stdout).not.toContain('huge.js');
  });

  it('lints files whose names look like globs', () => {
    const dir = copyFixture('vulnerable-app');
    const r = parseJson(runCli(['--format', 'json'], { cwd: dir }));
    expect(r.map((x) => rel(dir, x.filePath))).toContain('src/routes/[id].ts');
  });

  it('does not follow symbolic links', async () => {
    const { symlinkSync } = await import('node:fs');
    const dir = copyFixture('gitignored');
    symlinkSync(path.join(dir, 'src'), path.join(dir, 'lib', 'loop'));
    symlinkSync(path.join(dir, 'src', 'app.js'), path.join(dir, 'lib', 'app-link.js'));
    const r = runCli(['--list-files'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stdout).not.toMatch(/loop|app-link/);
  });
});
