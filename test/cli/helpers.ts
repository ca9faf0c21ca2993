// Helpers for the CLI tests: they run the real built command (`node bin/jwt-lint.js`) as a child
// process on copies of the fixture repositories in fixtures/cli/.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const bin = path.join(repoRoot, 'bin', 'jwt-lint.js');
export const fixturesDir = path.join(repoRoot, 'fixtures', 'cli');

/** The tests run the build; fail early and clearly when it is missing or older than the source. */
function assertBuilt(): void {
  const srcDir = path.join(repoRoot, 'src', 'cli');
  for (const name of readdirSync(srcDir).filter((n) => n.endsWith('.ts'))) {
    const built = path.join(repoRoot, 'dist', 'src', 'cli', name.replace(/\.ts$/, '.js'));
    if (!existsSync(built) || statSync(built).mtimeMs < statSync(path.join(srcDir, name)).mtimeMs) {
      throw new Error(`dist/src/cli/${path.basename(built)} is missing or stale: run \`npm run build\` first`);
    }
  }
}
assertBuilt();

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** A clean environment: no colour forcing, no CI-specific variables. */
export function cleanEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of ['FORCE_COLOR', 'NO_COLOR', 'GITHUB_ACTIONS', 'DEBUG', 'NODE_OPTIONS']) delete env[key];
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

export function runCli(args: string[], options: { cwd?: string; env?: Record<string, string | undefined>; command?: string[] } = {}): CliRun {
  const command = options.command ?? [process.execPath, bin];
  const r = spawnSync(command[0], [...command.slice(1), ...args], {
    cwd: options.cwd ?? repoRoot,
    env: cleanEnv(options.env),
    encoding: 'utf8',
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A temporary directory (removed by the OS; tests do not depend on its removal). */
export function tempDir(prefix = 'jwt-lint-cli-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * Copies a fixture repository into a fresh temporary directory and marks it as a repository root
 * (an empty `.git`), so that only its own `.gitignore` files apply.
 */
export function copyFixture(name: string, extraFiles: Record<string, string | Buffer> = {}): string {
  const dir = path.join(tempDir(), name);
  cpSync(path.join(fixturesDir, name), dir, { recursive: true });
  mkdirSync(path.join(dir, '.git'), { recursive: true });
  writeFiles(dir, extraFiles);
  return dir;
}

export function writeFiles(dir: string, files: Record<string, string | Buffer>): void {
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(dir, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
}

/** Whether a built rule is still the placeholder that reports nothing (its only message id is `todo`). */
export async function isPlaceholder(rule: string): Promise<boolean> {
  const mod = (await import(pathToFileURL(path.join(repoRoot, 'dist', 'rules', `${rule}.js`)).href)) as {
    default: { meta: { messages: Record<string, string> } };
  };
  const ids = Object.keys(mod.default.meta.messages);
  return ids.length === 1 && ids[0] === 'todo';
}

export interface JsonResult {
  filePath: string;
  messages: { ruleId: string | null; fatal?: boolean; severity: number; message: string; line: number; column: number }[];
  errorCount: number;
  warningCount: number;
  fatalErrorCount: number;
  source?: string;
}

export function parseJson(run: CliRun): JsonResult[] {
  try {
    return JSON.parse(run.stdout) as JsonResult[];
  } catch {
    throw new Error(`not JSON (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  }
}

export const rel = (root: string, file: string): string => path.relative(root, file).split(path.sep).join('/');
