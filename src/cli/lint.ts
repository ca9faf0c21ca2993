// Runs ESLint over an explicit file list and cleans the results: only jwt-lint's rules and fatal
// (parse) errors are kept, so inline comments that name or configure other plugins' rules make
// no noise. A rule that throws on one file is isolated to that file and the scan goes on.
import { ESLint, type Linter } from 'eslint';
import { isJwtLintRule, settingsToURL, type RunSettings } from './settings.js';

export interface LintOutcome {
  results: ESLint.LintResult[];
  /** Files where ESLint itself failed (a rule crashed, the file vanished…), one line each. */
  internalErrors: string[];
}

export interface LintRunOptions {
  settings: RunSettings;
  files: readonly string[];
  /** Called with the number of files done; only in single-thread mode. */
  onProgress?: (done: number) => void;
}

const OPTIONS_MODULE = new URL('./eslint-options.js', import.meta.url);
/** Files per `lintFiles` call in single-thread mode: the progress step, and the unit of crash isolation. */
const BATCH = 100;

async function createESLint(settings: RunSettings): Promise<ESLint> {
  const url = settingsToURL(OPTIONS_MODULE, settings);
  const Ctor = ESLint as typeof ESLint & { fromOptionsModule?: (u: URL) => Promise<ESLint> };
  if (typeof Ctor.fromOptionsModule === 'function') return Ctor.fromOptionsModule(url);
  // ESLint < 9.34 has neither worker threads nor options modules.
  const mod = (await import(url.href)) as { default: ESLint.Options & { concurrency?: unknown } };
  const { concurrency: _ignored, ...options } = mod.default;
  return new ESLint(options);
}

const countOf = (messages: Linter.LintMessage[], severity: 1 | 2, fixable = false): number =>
  messages.filter((m) => m.severity === severity && (!fixable || m.fix !== undefined)).length;

// ESLint ≥ 10 rejects the scanned repository's `eslint-env` comments with a fatal message, yet parses and lints the
// file all the same: it is a complaint about that repository's ESLint set-up, not a file we could not read.
const isRepositoryConfigNotice = (m: Linter.LintMessage): boolean =>
  m.ruleId === null && m.fatal === true && m.message.startsWith('/* eslint-env */');

/** Keeps jwt-lint findings and fatal errors; recomputes the counts; drops the file's source text. */
export function cleanResult(result: ESLint.LintResult): ESLint.LintResult {
  const messages = result.messages.filter(
    (m) => (m.fatal === true && !isRepositoryConfigNotice(m)) || isJwtLintRule(m.ruleId),
  );
  const suppressedMessages = result.suppressedMessages.filter((m) => isJwtLintRule(m.ruleId));
  const cleaned: ESLint.LintResult = {
    ...result,
    messages,
    suppressedMessages,
    errorCount: countOf(messages, 2),
    fatalErrorCount: messages.filter((m) => m.fatal === true).length,
    warningCount: countOf(messages, 1),
    fixableErrorCount: countOf(messages, 2, true),
    fixableWarningCount: countOf(messages, 1, true),
  };
  // Source text may hold secrets; output formats never need it.
  delete cleaned.source;
  return cleaned;
}

/** A result in ESLint's shape for a file that could not be linted. */
export function fatalResult(filePath: string, message: string): ESLint.LintResult {
  return {
    filePath,
    messages: [{ ruleId: null, fatal: true, severity: 2, message, line: 1, column: 1 }],
    suppressedMessages: [],
    errorCount: 1,
    fatalErrorCount: 1,
    warningCount: 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    usedDeprecatedRules: [],
  };
}

const firstLine = (err: unknown): string => String((err as Error)?.message ?? err).split('\n')[0];

async function lintIsolated(eslint: ESLint, files: readonly string[], outcome: LintOutcome): Promise<void> {
  for (const file of files) {
    try {
      outcome.results.push(...(await eslint.lintFiles([file])));
    } catch (err) {
      const rule = /Rule: "([^"]+)"/.exec(String((err as Error)?.message ?? ''))?.[1];
      const line = `${firstLine(err)}${rule ? ` (rule ${rule})` : ''}`;
      outcome.internalErrors.push(`${file}: ${line}`);
      outcome.results.push(fatalResult(file, `jwt-lint could not lint this file: ${line}`));
    }
  }
}

export async function lint({ settings, files, onProgress }: LintRunOptions): Promise<LintOutcome> {
  const outcome: LintOutcome = { results: [], internalErrors: [] };
  if (files.length === 0) return outcome;
  const threaded = settings.concurrency !== 'off';
  if (threaded) {
    const eslint = await createESLint(settings);
    try {
      outcome.results = await eslint.lintFiles([...files]);
      outcome.results = outcome.results.map(cleanResult);
      return outcome;
    } catch {
      // A worker failed on some file: redo the run in this thread, file by file where needed.
      outcome.results = [];
    }
  }
  const eslint = await createESLint({ ...settings, concurrency: 'off' });
  onProgress?.(0);
  for (let i = 0; i < files.length; i += BATCH) {
    const batch = files.slice(i, i + BATCH);
    try {
      outcome.results.push(...(await eslint.lintFiles(batch)));
    } catch {
      await lintIsolated(eslint, batch, outcome);
    }
    onProgress?.(Math.min(i + BATCH, files.length));
  }
  outcome.results = outcome.results.map(cleanResult);
  return outcome;
}

export async function writeFixes(results: ESLint.LintResult[]): Promise<void> {
  await ESLint.outputFixes(results);
}
