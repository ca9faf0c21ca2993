// `jwt-lint [paths…]`: a thin layer over the ESLint Node API. See docs/cli.md.
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ESLint } from 'eslint';
import { version } from '../util/version.js';
import { HELP, parseCliArgs, type CliOptions } from './args.js';
import type { RunSettings } from './settings.js';
import { discover, displayPath, UsageError, type Skipped } from './discover.js';
import type { FormatContext } from './formatters.js';

// ESLint, the plugin, TypeScript and the formatters are imported when needed, so that `--help`,
// `--version` and usage errors answer at once.

export { parseCliArgs, HELP } from './args.js';
export type { CliOptions } from './args.js';

/** Runs on a TTY with at least this many files show a progress line. */
const PROGRESS_MIN_FILES = 300;
const MAX_LISTED_NOTICES = 10;

interface Io {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export function colorEnabled(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv, override?: boolean): boolean {
  if (override !== undefined) return override;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return stream.isTTY === true && env.TERM !== 'dumb';
}

const commonAncestor = (dirs: readonly string[]): string =>
  dirs.reduce((acc, d) => {
    let a = acc;
    while (path.relative(a, d).startsWith('..') || path.isAbsolute(path.relative(a, d))) a = path.dirname(a);
    return a;
  });

const describeSkip = (s: Skipped, cwd: string): string => {
  const file = displayPath(s.file, cwd);
  switch (s.reason) {
    case 'too-large':
      return `${file}: skipped, ${(s.size! / 1024 / 1024).toFixed(1)} MB is over the --max-file-size limit`;
    case 'binary':
      return `${file}: skipped, binary file`;
    case 'minified':
      return `${file}: skipped, minified bundle`;
    case 'not-a-source-file':
      return `${file}: skipped, not a JavaScript or TypeScript file`;
  }
};

/** Rules the preset turns on, with their level (for SARIF rule metadata). */
async function enabledRules(preset: CliOptions['preset']): Promise<Record<string, 'error' | 'warn'>> {
  const { default: plugin } = await import('../index.js');
  const out: Record<string, 'error' | 'warn'> = {};
  const main = plugin.configs[preset][0];
  for (const [id, entry] of Object.entries(main.rules ?? {})) {
    const level = Array.isArray(entry) ? entry[0] : entry;
    if (level === 'error' || level === 2) out[id] = 'error';
    else if (level === 'warn' || level === 1) out[id] = 'warn';
  }
  return out;
}


function progress(io: Io, enabled: boolean) {
  let timer: NodeJS.Timeout | undefined;
  const write = (text: string) => enabled && io.stderr.write(`\r\u001b[K${text}`);
  return {
    count(total: number) {
      return (done: number) => write(`jwt-lint: linted ${done}/${total} files`);
    },
    ticker(total: number, threads: string) {
      if (!enabled) return;
      const start = Date.now();
      const tick = () => write(`jwt-lint: linting ${total} files (${threads} threads)… ${Math.round((Date.now() - start) / 1000)}s`);
      tick();
      timer = setInterval(tick, 500);
      timer.unref();
    },
    done() {
      if (timer) clearInterval(timer);
      timer = undefined;
      if (enabled) io.stderr.write('\r\u001b[K');
    },
  };
}

async function execute(opts: CliOptions, io: Io): Promise<number> {
  const note = (line: string) => io.stderr.write(`jwt-lint: ${line}\n`);
  const debug = (line: string) => opts.debug && note(`debug: ${line}`);
  const t0 = performance.now();

  const found = discover(opts.paths, { maxFileSize: opts.maxFileSize, cwd: io.cwd });
  debug(`found ${found.files.length} files in ${Math.round(performance.now() - t0)} ms`);
  const shownSkips = found.skipped.slice(0, MAX_LISTED_NOTICES);
  for (const s of shownSkips) note(describeSkip(s, io.cwd));
  if (found.skipped.length > shownSkips.length) note(`… and ${found.skipped.length - shownSkips.length} more files skipped`);

  if (opts.listFiles) {
    io.stdout.write(found.files.map((f) => `${displayPath(f, io.cwd)}\n`).join(''));
    return 0;
  }

  const targetDirs = opts.paths.map((p) => {
    const abs = path.resolve(io.cwd, p);
    return statSync(abs).isDirectory() ? abs : path.dirname(abs);
  });
  const base: RunSettings = {
    preset: opts.preset,
    fix: opts.fix,
    cwd: commonAncestor(targetDirs),
    concurrency: opts.concurrency,
    projects: [],
    typeAware: opts.typeAware,
  };

  let groups: { files: string[]; projects: string[] }[] = [{ files: found.files, projects: [] }];
  if (opts.typeAware) {
    const { ancestorTsconfigs, splitByProject } = await import('./typeaware.js');
    const tsconfigs = [...new Set([...found.tsconfigs, ...ancestorTsconfigs(targetDirs)])];
    const split = splitByProject(found.files, tsconfigs);
    for (const p of split.problems) note(`--type-aware: ${p}`);
    if (split.projects.length === 0) {
      note(
        tsconfigs.length === 0
          ? '--type-aware: no tsconfig.json found; linting without type information'
          : '--type-aware: no linted file is part of a tsconfig.json project; linting without type information',
      );
    } else {
      note(
        `--type-aware: ${split.typed.length} of ${found.files.length} files are in TypeScript projects (${split.projects
          .map((p) => displayPath(p, io.cwd))
          .join(', ')})`,
      );
      groups = [
        { files: split.typed, projects: split.projects },
        { files: split.untyped, projects: [] },
      ];
    }
  }

  const { cleanResult, fatalResult, lint, writeFixes } = await import('./lint.js');
  const total = found.files.length;
  const bar = progress(io, io.stderr.isTTY === true && total >= PROGRESS_MIN_FILES && !opts.debug);
  const results: ESLint.LintResult[] = found.unreadable.map((u) => fatalResult(u.file, `Cannot read file: ${u.message}`));
  const internalErrors: string[] = [];
  const t1 = performance.now();
  let done = 0;
  for (const group of groups) {
    if (group.files.length === 0) continue;
    const settings = { ...base, projects: group.projects };
    if (settings.concurrency !== 'off') bar.ticker(total, String(settings.concurrency));
    const counter = bar.count(total);
    const offset = done;
    const outcome = await lint({ settings, files: group.files, onProgress: (n) => counter(offset + n) });
    bar.done();
    done += group.files.length;
    results.push(...outcome.results);
    internalErrors.push(...outcome.internalErrors);
  }
  debug(`linted ${total} files in ${Math.round(performance.now() - t1)} ms (concurrency ${opts.concurrency})`);
  for (const e of internalErrors) note(`internal error: ${e}`);

  if (opts.fix) await writeFixes(results);

  results.sort((a, b) => (a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0));
  const shown = opts.quiet ? results.map((r) => cleanResult({ ...r, messages: r.messages.filter((m) => m.severity === 2) })) : results;

  const toFile = opts.outputFile !== undefined;
  const color = toFile ? opts.color === true : colorEnabled(io.stdout, io.env, opts.color);
  const ctx: FormatContext = {
    cwd: io.cwd,
    color,
    hyperlinks: color && !toFile && io.stdout.isTTY === true,
    preset: opts.preset,
    filesLinted: total,
  };
  const { formatGithub, formatJson, formatSarif, formatStylish } = await import('./formatters.js');
  const text =
    opts.format === 'json'
      ? formatJson(shown)
      : opts.format === 'sarif'
        ? formatSarif(shown, ctx, await enabledRules(opts.preset))
        : opts.format === 'github'
          ? formatGithub(shown, ctx)
          : formatStylish(shown, ctx);

  const errors = shown.reduce((n, r) => n + r.errorCount, 0);
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  if (toFile) {
    const target = path.resolve(io.cwd, opts.outputFile!);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, text);
    const n = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
    note(`${n(errors, 'error')}, ${n(warnings, 'warning')} in ${n(total, 'file')}; report written to ${displayPath(target, io.cwd)}`);
  } else if (text) {
    io.stdout.write(text);
  }

  if (internalErrors.length > 0) return 2;
  if (errors > 0) return 1;
  if (opts.maxWarnings >= 0 && warnings > opts.maxWarnings) {
    note(`too many warnings (${warnings}); the maximum is ${opts.maxWarnings}`);
    return 1;
  }
  return 0;
}

/** The command. Resolves to the exit status; never throws, never calls `process.exit`. */
export async function run(argv: readonly string[], io: Partial<Io> = {}): Promise<number> {
  const full: Io = {
    stdout: io.stdout ?? process.stdout,
    stderr: io.stderr ?? process.stderr,
    env: io.env ?? process.env,
    cwd: io.cwd ?? process.cwd(),
  };
  const debugFlag = argv.includes('--debug');
  try {
    const opts = parseCliArgs(argv);
    if (opts.help) {
      full.stdout.write(HELP);
      return 0;
    }
    if (opts.version) {
      const { ESLint } = await import('eslint');
      full.stdout.write(`jwt-lint ${version} (ESLint ${ESLint.version})\n`);
      return 0;
    }
    return await execute(opts, full);
  } catch (err) {
    if (err instanceof UsageError) {
      full.stderr.write(`jwt-lint: ${err.message} (see jwt-lint --help)\n`);
      return 2;
    }
    const message = String((err as Error)?.message ?? err).split('\n')[0];
    full.stderr.write(`jwt-lint: internal error: ${message}\n`);
    if (debugFlag && (err as Error)?.stack) full.stderr.write(`${(err as Error).stack}\n`);
    return 2;
  }
}
