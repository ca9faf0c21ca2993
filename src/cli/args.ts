// Command-line arguments and the help text.
import { parseArgs } from 'node:util';
import { DEFAULT_MAX_FILE_SIZE, UsageError } from './discover.js';
import { formats, presets, type Format, type Preset } from './settings.js';

export interface CliOptions {
  paths: string[];
  format: Format;
  outputFile?: string;
  preset: Preset;
  fix: boolean;
  maxWarnings: number;
  quiet: boolean;
  concurrency: number | 'auto' | 'off';
  typeAware: boolean;
  maxFileSize: number;
  color?: boolean;
  listFiles: boolean;
  debug: boolean;
  help: boolean;
  version: boolean;
}

export const HELP = `jwt-lint - find JWT security mistakes in JavaScript and TypeScript

USAGE
  jwt-lint [options] [path ...]

DESCRIPTION
  Scans the given files and directories (default: the current directory) for the
  mistakes people make with JSON Web Tokens: hardcoded secrets, verification without
  an algorithm allow-list, tokens without expiry, missing audience/issuer checks,
  tokens in localStorage, auth cookies without httpOnly/secure/sameSite, and more.

  jwt-lint needs no set-up and runs on any checkout: it lints .js .mjs .cjs .jsx
  .ts .mts .cts .tsx files with its own configuration and never loads or runs the
  scanned repository's ESLint configuration, plugins or code.

  Skipped: node_modules, VCS folders (.git, .hg, .svn, .jj), build output (dist,
  build, coverage, out, .next, .nuxt, .output, .svelte-kit, .turbo, .vercel),
  .yarn, *.d.ts, minified bundles (*.min.js and files with very long lines), binary
  files, files larger than --max-file-size, and anything the repository's
  .gitignore files ignore. Paths named on the command line are always scanned.

  // eslint-disable comments work for jwt-lint's rules (e.g.
  // eslint-disable-next-line jwt-lint/require-algorithms); comments naming
  rules of other plugins are ignored quietly.

OPTIONS
  -f, --format <name>       Output format: stylish (default), json (ESLint's
                            result array), sarif (SARIF 2.1.0, for code scanning),
                            github (GitHub Actions annotations).
  -o, --output-file <file>  Write the report to <file> instead of stdout.
  --preset <name>           Rule set: recommended (default), strict or all.
                            recommended turns no-hardcoded-secret,
                            no-decode-without-verify, no-insecure-randomness,
                            require-expiration and no-none-algorithm off in
                            test files.
  --fix                     Apply the autofixes jwt-lint offers (only edits that
                            cannot change behaviour).
  --max-warnings <n>        Exit with 1 when there are more than <n> warnings.
  --quiet                   Report errors only.
  --concurrency <n|auto|off>
                            Lint in <n> worker threads; auto picks a number from
                            the file count and CPUs. Default: off.
  --type-aware              Resolve imported constants through the TypeScript
                            project (uses tsconfig.json files found in the scanned
                            tree or above it). Slower.
  --max-file-size <size>    Skip files larger than <size> (bytes, or with kb/mb);
                            0 for no limit. Default: 1mb.
  --list-files              Print the files that would be linted and exit.
  --color, --no-color       Force colours on or off. Default: on for a terminal;
                            NO_COLOR and FORCE_COLOR are honoured.
  --debug                   Print timings and stack traces of internal errors.
  -h, --help                Show this help.
  -v, --version             Show the version.

EXIT STATUS
  0  no errors (warnings allowed, unless --max-warnings is exceeded)
  1  findings, or files that could not be read or parsed
  2  usage error or internal error

EXAMPLES
  Scan the current repository:
    npx jwt-lint

  Scan two folders with every rule on:
    npx jwt-lint --preset all src server

  Scan a checkout elsewhere and save a SARIF report for code scanning:
    npx jwt-lint ../api --format sarif --output-file jwt-lint.sarif

  Annotate a pull request from a GitHub Actions step:
    npx jwt-lint --format github

  Use every CPU on a large monorepo:
    npx jwt-lint --concurrency auto

DOCUMENTATION
  https://github.com/jwt-lint/jwt-lint/blob/main/docs/cli.md
`;

export function parseSize(text: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(b|kb|k|mb|m|gb|g)?$/i.exec(text.trim());
  if (!m) throw new UsageError(`invalid --max-file-size '${text}' (expected e.g. 500kb, 2mb or 0)`);
  const unit = (m[2] ?? 'b').toLowerCase()[0];
  const factor = unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1;
  return Math.round(Number(m[1]) * factor);
}

export function parseCliArgs(argv: readonly string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        'output-file': { type: 'string', short: 'o' },
        preset: { type: 'string' },
        fix: { type: 'boolean' },
        'max-warnings': { type: 'string' },
        quiet: { type: 'boolean' },
        concurrency: { type: 'string' },
        'type-aware': { type: 'boolean' },
        'max-file-size': { type: 'string' },
        'list-files': { type: 'boolean' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        debug: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (err) {
    // Node's messages go on with advice about `--`; the first sentence is the useful part.
    throw new UsageError(String((err as Error).message).split('\n')[0].replace(/\. .*$|\.$/, '').replace(/^Unknown/, 'unknown'));
  }
  const v = parsed.values;
  const format = (v.format ?? 'stylish') as Format;
  if (!formats.includes(format)) {
    throw new UsageError(`unknown format '${v.format}' (expected ${formats.join(', ')})`);
  }
  const preset = (v.preset ?? 'recommended') as Preset;
  if (!presets.includes(preset)) {
    throw new UsageError(`unknown preset '${v.preset}' (expected ${presets.join(', ')})`);
  }
  let maxWarnings = -1;
  if (v['max-warnings'] !== undefined) {
    if (!/^\d+$/.test(v['max-warnings'])) throw new UsageError(`invalid --max-warnings '${v['max-warnings']}' (expected a whole number)`);
    maxWarnings = Number(v['max-warnings']);
  }
  let concurrency: CliOptions['concurrency'] = 'off';
  if (v.concurrency !== undefined) {
    if (v.concurrency === 'auto' || v.concurrency === 'off') concurrency = v.concurrency;
    else if (/^\d+$/.test(v.concurrency) && Number(v.concurrency) >= 1) concurrency = Number(v.concurrency) === 1 ? 'off' : Number(v.concurrency);
    else throw new UsageError(`invalid --concurrency '${v.concurrency}' (expected a number, auto or off)`);
  }
  if (v.color && v['no-color']) throw new UsageError('--color and --no-color are mutually exclusive');
  if (v['output-file'] === '') throw new UsageError('--output-file needs a file name');
  return {
    paths: parsed.positionals.length > 0 ? parsed.positionals : ['.'],
    format,
    outputFile: v['output-file'],
    preset,
    fix: v.fix ?? false,
    maxWarnings,
    quiet: v.quiet ?? false,
    concurrency,
    typeAware: v['type-aware'] ?? false,
    maxFileSize: v['max-file-size'] !== undefined ? parseSize(v['max-file-size']) : DEFAULT_MAX_FILE_SIZE,
    color: v.color ? true : v['no-color'] ? false : undefined,
    listFiles: v['list-files'] ?? false,
    debug: v.debug ?? false,
    help: v.help ?? false,
    version: v.version ?? false,
  };
}
