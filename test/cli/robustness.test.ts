// Files jwt-lint must survive: syntax errors, binary files, invalid UTF-8, huge files, FIFOs.
import { execFileSync } from 'node:child_process';
import { chmodSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, parseJson, rel, runCli, tempDir, writeFiles } from './helpers.js';

describe('unparsable and unreadable files', () => {
  it('reports each parse error with its path and the parser message, lints the rest, and exits 1', () => {
    const dir = copyFixture('unparsable');
    const r = runCli(['--format', 'json'], { cwd: dir });
    expect(r.status).toBe(1);
    const byFile = new Map(parseJson(r).map((x) => [rel(dir, x.filePath), x]));
    expect([...byFile.keys()]).toEqual(['src/garbage.ts', 'src/later.js', 'src/latin1.js', 'src/ok.js', 'src/syntax-error.js', 'src/type-error.ts']);

    const fatal = (file: string) => byFile.get(file)!.messages.filter((m) => m.fatal);
    expect(fatal('src/syntax-error.js')).toEqual([expect.objectContaining({ severity: 2, line: 3, message: "Parsing error: ',' expected." })]);
    expect(fatal('src/type-error.ts')).toEqual([expect.objectContaining({ line: 1, message: 'Parsing error: Type expected.' })]);
    expect(fatal('src/garbage.ts')).toHaveLength(1);
    expect(byFile.get('src/garbage.ts')!.fatalErrorCount).toBe(1);
    // Files after the broken ones were linted normally.
    for (const file of ['src/later.js', 'src/ok.js', 'src/latin1.js']) expect(fatal(file)).toEqual([]);
    // Invalid UTF-8 inside a string literal is not an error.
    expect(byFile.get('src/latin1.js')!.messages).toEqual([]);
    // The binary file is skipped with a notice, not parsed.
    expect(byFile.has('src/image.js')).toBe(false);
    expect(r.stderr).toMatch(/src[/\\]image\.js: skipped, binary file/);
    expect(r.stderr).not.toMatch(/internal error|^\s+at /m);
  });

  it('lints files with old `/* eslint-env */` comments without calling them unparsable', () => {
    const dir = tempDir();
    writeFiles(dir, {
      'legacy.js': "/* eslint-env node, mocha */\nconst jwt = require('jsonwebtoken');\njwt.verify(token, key);\n",
      'clean.js': '/* eslint-env browser */\nexport const theme = "dark";\n',
    });
    const r = runCli(['--format', 'json'], { cwd: dir });
    const byFile = new Map(parseJson(r).map((x) => [rel(dir, x.filePath), x]));
    expect(byFile.get('legacy.js')!.messages.map((m) => m.ruleId)).toEqual(['jwt-lint/require-algorithms']);
    expect(byFile.get('legacy.js')!.fatalErrorCount).toBe(0);
    expect(byFile.get('clean.js')!.messages).toEqual([]);
    expect(r.status).toBe(1);
    const clean = runCli(['clean.js'], { cwd: dir });
    expect(clean.status).toBe(0);
  });

  it('shows parse errors in stylish output with the path and the message', () => {
    const dir = copyFixture('unparsable');
    const r = runCli([], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^src[/\\]syntax-error\.js\n {2}3:\d+ +error +Parsing error: ',' expected\. +parse error$/m);
  });

  it('lints a huge generated file without crashing when the size limit is lifted', () => {
    // ~2.6 MB in long string lines (few AST nodes, so the test stays fast; lines under the bundle heuristic).
    const huge = Array.from({ length: 6000 }, (_, i) => `export const s${i} = '${'x'.repeat(400)}';\n`).join('');
    const dir = copyFixture('unparsable', { 'src/generated.js': huge });
    const skipped = runCli(['--format', 'json'], { cwd: dir });
    expect(skipped.stderr).toMatch(/generated\.js: skipped, 2\.\d MB is over the --max-file-size limit/);
    const linted = runCli(['--format', 'json', '--max-file-size', '0'], { cwd: dir });
    expect(linted.status).toBe(1);
    const result = parseJson(linted).find((x) => x.filePath.endsWith('generated.js'));
    expect(result?.messages).toEqual([]);
  });

  it('does not block on a FIFO with a JavaScript extension', () => {
    const dir = copyFixture('unparsable');
    execFileSync('mkfifo', [path.join(dir, 'src', 'pipe.js')]);
    const r = runCli(['--format', 'json'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(parseJson(r).map((x) => rel(dir, x.filePath))).not.toContain('src/pipe.js');
  });

  it.skipIf(process.getuid?.() === 0)('reports a file it may not read, and goes on', () => {
    const dir = copyFixture('unparsable');
    const locked = path.join(dir, 'src', 'ok.js');
    chmodSync(locked, 0o000);
    const r = runCli(['--format', 'json'], { cwd: dir });
    expect(r.status).toBe(1);
    const result = parseJson(r).find((x) => x.filePath === locked)!;
    expect(result.messages[0].message).toMatch(/Cannot read file: .*EACCES/);
    expect(parseJson(r).some((x) => x.filePath.endsWith('later.js'))).toBe(true);
  });
});
