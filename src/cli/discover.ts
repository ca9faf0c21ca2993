// File discovery: jwt-lint, not ESLint, decides which files are linted.
//
// Directories are walked without following symbolic links. Skipped: dependency, VCS and
// build-output directories, `.d.ts` files, minified bundles, binary files, files over the size
// limit, and whatever the repository's `.gitignore` files (and `.git/info/exclude`) ignore, with
// git's precedence: a deeper `.gitignore` overrides a shallower one, and nothing inside an ignored
// directory can be re-included. Paths named explicitly on the command line are always considered;
// the skip rules apply to what is found beneath them.
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { lintedExtensions } from './settings.js';

/** Directory names never descended into. */
export const skippedDirectories: ReadonlySet<string> = new Set([
  'node_modules',
  'bower_components',
  'jspm_packages',
  '.git',
  '.hg',
  '.svn',
  '.jj',
  'dist',
  'build',
  'coverage',
  '.next',
  '.nuxt',
  '.output',
  '.svelte-kit',
  '.turbo',
  '.vercel',
  '.yarn',
  'out',
]);

export const DEFAULT_MAX_FILE_SIZE = 1024 * 1024;
/** How much of each file is read to recognise binary files and minified bundles. */
const SAMPLE_BYTES = 32 * 1024;
/** A line this long in the sample marks a generated bundle. */
const MINIFIED_LINE_LENGTH = 5000;
/** An average line this long (over a sample of at least 4 KiB) marks a generated bundle. */
const MINIFIED_AVERAGE_LINE_LENGTH = 500;

export type SkipReason = 'too-large' | 'binary' | 'minified' | 'not-a-source-file';

export interface Skipped {
  file: string;
  reason: SkipReason;
  size?: number;
}

export interface Unreadable {
  file: string;
  message: string;
}

export interface Discovery {
  /** Absolute paths, sorted, without duplicates. */
  files: string[];
  skipped: Skipped[];
  unreadable: Unreadable[];
  /** `tsconfig.json` files met during the walk (for `--type-aware`). */
  tsconfigs: string[];
}

export interface DiscoverOptions {
  /** Bytes; 0 disables the limit. */
  maxFileSize: number;
  /** Relative targets are resolved against this directory. */
  cwd: string;
}

export class UsageError extends Error {}

const toPosix = (p: string): string => (path.sep === '/' ? p : p.split(path.sep).join('/'));

export const hasLintedExtension = (file: string): boolean =>
  (lintedExtensions as readonly string[]).includes(path.extname(file).toLowerCase());

const isDeclarationFile = (name: string): boolean => /\.d\.[mc]?ts$/i.test(name);
const isMinifiedName = (name: string): boolean => /[.-]min\.[mc]?js$/i.test(name);

/** The nearest ancestor (or the directory itself) holding `.git`; undefined outside a repository. */
export function findRepoRoot(dir: string): string | undefined {
  for (let d = dir; ; d = path.dirname(d)) {
    if (existsSync(path.join(d, '.git'))) return d;
    if (path.dirname(d) === d) return undefined;
  }
}

interface IgnoreLevel {
  base: string;
  ig: Ignore;
}

function readIgnoreFile(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function levelFor(dir: string, extraFile?: string): IgnoreLevel | undefined {
  const texts = [extraFile ? readIgnoreFile(extraFile) : undefined, readIgnoreFile(path.join(dir, '.gitignore'))].filter(
    (t): t is string => t !== undefined,
  );
  if (texts.length === 0) return undefined;
  const ig = ignore();
  for (const text of texts) ig.add(text); // one string per file: `add([...])` takes one pattern per element
  return { base: dir, ig };
}

/** git semantics: the last matching pattern wins, and deeper files come later. */
function isIgnored(levels: readonly IgnoreLevel[], abs: string, isDir: boolean): boolean {
  let ignored = false;
  for (const { base, ig } of levels) {
    const relative = toPosix(path.relative(base, abs));
    if (relative === '' || relative.startsWith('..')) continue; // the level's own folder, or not above `abs`
    const r = ig.test(relative + (isDir ? '/' : ''));
    if (r.ignored) ignored = true;
    else if (r.unignored) ignored = false;
  }
  return ignored;
}

/** Why a file with a linted extension should not be linted, judged from its first bytes. */
function sniff(file: string, size: number, maxFileSize: number, buffer: Buffer): SkipReason | undefined {
  if (maxFileSize > 0 && size > maxFileSize) return 'too-large';
  if (size === 0) return undefined;
  const fd = openSync(file, 'r');
  let n: number;
  try {
    n = readSync(fd, buffer, 0, Math.min(buffer.length, size), 0);
  } finally {
    closeSync(fd);
  }
  const sample = buffer.subarray(0, n);
  if (sample.includes(0)) return 'binary';
  let lines = 1;
  let longest = 0;
  let start = 0;
  for (let i = sample.indexOf(10); i !== -1; i = sample.indexOf(10, start)) {
    longest = Math.max(longest, i - start);
    start = i + 1;
    lines++;
  }
  longest = Math.max(longest, n - start);
  if (longest >= MINIFIED_LINE_LENGTH) return 'minified';
  if (n >= 4096 && n / lines >= MINIFIED_AVERAGE_LINE_LENGTH) return 'minified';
  return undefined;
}

export function discover(targets: readonly string[], options: DiscoverOptions): Discovery {
  const files = new Set<string>();
  const skipped: Skipped[] = [];
  const unreadable: Unreadable[] = [];
  const tsconfigs = new Set<string>();
  const buffer = Buffer.allocUnsafe(SAMPLE_BYTES);

  const consider = (file: string, size: number, explicit: boolean): void => {
    if (files.has(file)) return;
    let reason: SkipReason | undefined;
    try {
      reason = sniff(file, size, options.maxFileSize, buffer);
    } catch (err) {
      unreadable.push({ file, message: (err as Error).message });
      return;
    }
    if (reason === 'minified' && explicit) reason = undefined;
    if (reason) skipped.push({ file, reason, size });
    else files.add(file);
  };

  const walk = (dir: string, levels: IgnoreLevel[]): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      unreadable.push({ file: dir, message: (err as Error).message });
      return;
    }
    const own = levelFor(dir);
    const here = own ? [...levels, own] : levels;
    for (const entry of entries) {
      const abs = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (skippedDirectories.has(entry.name)) continue;
        if (isIgnored(here, abs, true)) continue;
        walk(abs, here);
      } else if (entry.isFile()) {
        if (entry.name === 'tsconfig.json' && !isIgnored(here, abs, false)) tsconfigs.add(abs);
        if (!hasLintedExtension(entry.name) || isDeclarationFile(entry.name)) continue;
        if (isIgnored(here, abs, false)) continue;
        if (isMinifiedName(entry.name)) {
          skipped.push({ file: abs, reason: 'minified' });
          continue;
        }
        let size: number;
        try {
          size = statSync(abs).size;
        } catch (err) {
          unreadable.push({ file: abs, message: (err as Error).message });
          continue;
        }
        consider(abs, size, false);
      }
      // Symbolic links, sockets, FIFOs and devices are not followed or read.
    }
  };

  for (const target of targets) {
    const abs = path.resolve(options.cwd, target);
    let st;
    try {
      st = statSync(abs);
    } catch {
      throw new UsageError(`no such file or directory: ${target}`);
    }
    if (st.isDirectory()) {
      const levels = ancestorLevels(abs);
      // A folder named on the command line is scanned even if a .gitignore above it ignores it.
      walk(abs, isIgnored(levels, abs, true) ? [] : levels);
    } else if (st.isFile()) {
      if (!hasLintedExtension(abs)) {
        skipped.push({ file: abs, reason: 'not-a-source-file' });
        continue;
      }
      consider(abs, st.size, true);
    } else {
      throw new UsageError(`not a file or directory: ${target}`);
    }
  }

  return {
    files: [...files].sort(),
    skipped,
    unreadable,
    tsconfigs: [...tsconfigs].sort(),
  };
}

/** The `.gitignore` levels that apply inside `dir`, from the repository root down to `dir`'s parent. */
function ancestorLevels(dir: string): IgnoreLevel[] {
  const root = findRepoRoot(dir);
  if (!root || root === dir) {
    const exclude = root ? path.join(root, '.git', 'info', 'exclude') : undefined;
    // `walk` reads `dir/.gitignore` itself; only `.git/info/exclude` is added here.
    const info = exclude ? readIgnoreFile(exclude) : undefined;
    return info ? [{ base: dir, ig: ignore().add(info) }] : [];
  }
  const chain: string[] = [];
  for (let d = path.dirname(dir); ; d = path.dirname(d)) {
    chain.unshift(d);
    if (d === root) break;
  }
  const levels: IgnoreLevel[] = [];
  chain.forEach((d, i) => {
    const level = levelFor(d, i === 0 ? path.join(root, '.git', 'info', 'exclude') : undefined);
    if (level) levels.push(level);
  });
  return levels;
}

/** Whether `file` lies inside `dir` (or is `dir`). */
export const isInside = (dir: string, file: string): boolean => {
  const rel = path.relative(dir, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

/** `file` relative to `cwd` when inside it, else absolute. */
export const displayPath = (file: string, cwd: string): string => {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
};
