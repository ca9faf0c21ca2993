// Output formats: stylish (people), json (ESLint's result shape), sarif (code scanning), github
// (workflow annotations). Formatters are pure: results in, text out.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ESLint, Linter } from 'eslint';
import { rules } from '../rules.js';
import { version } from '../util/version.js';
import { displayPath } from './discover.js';
import type { Preset } from './settings.js';

export interface FormatContext {
  /** Paths are shown relative to this directory when they lie inside it. */
  cwd: string;
  color: boolean;
  /** Terminal hyperlinks (OSC 8) on rule ids; only on a colour TTY. */
  hyperlinks: boolean;
  preset: Preset;
  filesLinted: number;
}

interface RuleInfo {
  description: string;
  url: string;
  category?: string;
  recommended?: string;
  cwe: readonly string[];
  securitySeverity?: string;
}

const ruleInfo = (ruleId: string): RuleInfo | undefined => {
  const name = ruleId.replace(/^jwt-lint\//, '');
  const rule = (rules as Record<string, { meta: { docs?: Record<string, unknown> } }>)[name];
  if (!rule || !ruleId.startsWith('jwt-lint/')) return undefined;
  const docs = rule.meta.docs ?? {};
  return {
    description: String(docs.description ?? ''),
    url: String(docs.url ?? ''),
    category: docs.category as string | undefined,
    recommended: docs.recommended as string | undefined,
    cwe: Array.isArray(docs.cwe) ? (docs.cwe as string[]) : [],
    securitySeverity: typeof docs.securitySeverity === 'string' ? docs.securitySeverity : undefined,
  };
};


const posix = (p: string): string => p.split(path.sep).join('/');

export interface Totals {
  errors: number;
  warnings: number;
  fatal: number;
  files: number;
  byRule: Map<string, number>;
}

export function totals(results: readonly ESLint.LintResult[]): Totals {
  const t: Totals = { errors: 0, warnings: 0, fatal: 0, files: 0, byRule: new Map() };
  for (const r of results) {
    t.errors += r.errorCount;
    t.warnings += r.warningCount;
    t.fatal += r.fatalErrorCount;
    if (r.messages.length > 0) t.files++;
    for (const m of r.messages) {
      const key = m.ruleId ?? (m.fatal ? 'parse error' : 'other');
      t.byRule.set(key, (t.byRule.get(key) ?? 0) + 1);
    }
  }
  return t;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

// ---------------------------------------------------------------------------------------------
// stylish

interface Paint {
  red(s: string): string;
  yellow(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
  underline(s: string): string;
  green(s: string): string;
}

const paint = (on: boolean): Paint => {
  const wrap = (open: number, close: number) => (s: string) => (on ? `\u001b[${open}m${s}\u001b[${close}m` : s);
  return {
    red: wrap(31, 39),
    yellow: wrap(33, 39),
    green: wrap(32, 39),
    dim: wrap(2, 22),
    bold: wrap(1, 22),
    underline: wrap(4, 24),
  };
};

const link = (text: string, url: string, on: boolean): string =>
  on && url ? `\u001b]8;;${url}\u0007${text}\u001b]8;;\u0007` : text;

export function formatStylish(results: readonly ESLint.LintResult[], ctx: FormatContext): string {
  const p = paint(ctx.color);
  const out: string[] = [];
  for (const r of results) {
    if (r.messages.length === 0) continue;
    out.push(p.underline(displayPath(r.filePath, ctx.cwd)));
    const rows = r.messages.map((m) => {
      const where = `${m.line ?? 0}:${m.column ?? 0}`;
      const sev = m.severity === 2 ? p.red('error') : p.yellow('warning');
      const sevWidth = m.severity === 2 ? 5 : 7;
      const rule = m.ruleId
        ? link(m.ruleId, ruleInfo(m.ruleId)?.url ?? '', ctx.hyperlinks)
        : m.fatal
          ? 'parse error'
          : '';
      return { where, sev, sevWidth, message: m.message.replace(/\s*\n\s*/g, ' '), rule };
    });
    const w = Math.max(...rows.map((x) => x.where.length));
    const sw = Math.max(...rows.map((x) => x.sevWidth));
    for (const row of rows) {
      out.push(`  ${p.dim(row.where.padEnd(w))}  ${row.sev}${' '.repeat(sw - row.sevWidth)}  ${row.message}  ${p.dim(row.rule)}`);
    }
    out.push('');
  }
  const t = totals(results);
  if (t.errors + t.warnings === 0) {
    out.push(p.green(`✔ No problems found in ${plural(ctx.filesLinted, 'file')} (preset ${ctx.preset}).`));
    return `${out.join('\n')}\n`;
  }
  const mark = t.errors > 0 ? p.red(p.bold('✖')) : p.yellow(p.bold('⚠'));
  const counts = [...t.byRule.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  out.push(
    `${mark} ${p.bold(
      `${plural(t.errors + t.warnings, 'problem')} (${plural(t.errors, 'error')}, ${plural(t.warnings, 'warning')}) in ${plural(t.files, 'file')}`,
    )} of ${plural(ctx.filesLinted, 'file')} scanned: ${counts.map(([id, n]) => `${id.replace(/^jwt-lint\//, '')} ${n}`).join(', ')}`,
  );
  const documented = counts.filter(([id]) => ruleInfo(id)?.url);
  if (documented.length > 0) {
    out.push('');
    const w = Math.max(...documented.map(([id]) => id.length));
    for (const [id] of documented) out.push(`  ${id.padEnd(w)}  ${p.dim(ruleInfo(id)!.url)}`);
  }
  return `${out.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// json: exactly ESLint's result array (without `source`, which may hold secrets).

export const formatJson = (results: readonly ESLint.LintResult[]): string => `${JSON.stringify(results)}\n`;

// ---------------------------------------------------------------------------------------------
// github: workflow commands, https://docs.github.com/actions/reference/workflow-commands-for-github-actions

const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function formatGithub(results: readonly ESLint.LintResult[], ctx: FormatContext): string {
  const out: string[] = [];
  for (const r of results) {
    const file = posix(displayPath(r.filePath, ctx.cwd));
    for (const m of r.messages) {
      const props = [`file=${escapeProperty(file)}`, `line=${m.line ?? 1}`, `col=${m.column ?? 1}`];
      if (m.endLine !== undefined) props.push(`endLine=${m.endLine}`);
      if (m.endColumn !== undefined) props.push(`endColumn=${m.endColumn}`);
      props.push(`title=${escapeProperty(m.ruleId ?? (m.fatal ? 'jwt-lint: parse error' : 'jwt-lint'))}`);
      const url = m.ruleId ? ruleInfo(m.ruleId)?.url : undefined;
      out.push(`::${m.severity === 2 ? 'error' : 'warning'} ${props.join(',')}::${escapeData(m.message + (url ? ` (${url})` : ''))}`);
    }
  }
  return out.length > 0 ? `${out.join('\n')}\n` : '';
}

// ---------------------------------------------------------------------------------------------
// sarif: SARIF 2.1.0, https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html

const sarifLevel = (severity: Linter.Severity | number): 'error' | 'warning' => (severity === 2 ? 'error' : 'warning');

export function formatSarif(
  results: readonly ESLint.LintResult[],
  ctx: FormatContext,
  enabledRules: Readonly<Record<string, 'error' | 'warn'>>,
): string {
  const ruleIds = [...new Set([...Object.keys(enabledRules), ...results.flatMap((r) => r.messages.map((m) => m.ruleId))])]
    .filter((id): id is string => typeof id === 'string' && ruleInfo(id) !== undefined)
    .sort();
  const ruleIndex = new Map(ruleIds.map((id, i) => [id, i]));
  const srcRoot = pathToFileURL(ctx.cwd.endsWith(path.sep) ? ctx.cwd : ctx.cwd + path.sep).href;
  const location = (file: string) => {
    const shown = displayPath(file, ctx.cwd);
    return shown === file
      ? { uri: pathToFileURL(file).href }
      : { uri: posix(shown).split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
  };
  const sarifResults: unknown[] = [];
  const notifications: unknown[] = [];
  for (const r of results) {
    for (const m of r.messages) {
      const region: Record<string, number> = { startLine: Math.max(1, m.line ?? 1), startColumn: Math.max(1, m.column ?? 1) };
      if (m.endLine !== undefined) region.endLine = m.endLine;
      if (m.endColumn !== undefined) region.endColumn = m.endColumn;
      const physicalLocation = { artifactLocation: location(r.filePath), region };
      if (m.ruleId && ruleIndex.has(m.ruleId)) {
        sarifResults.push({
          ruleId: m.ruleId,
          ruleIndex: ruleIndex.get(m.ruleId),
          level: sarifLevel(m.severity),
          message: { text: m.message },
          locations: [{ physicalLocation }],
        });
      } else {
        // Parse errors and unreadable files are about the run, not about the code: notifications.
        notifications.push({
          level: 'error',
          message: { text: m.message },
          locations: [{ physicalLocation }],
          descriptor: { id: m.fatal ? 'jwt-lint/parse-error' : 'jwt-lint/internal' },
        });
      }
    }
  }
  const sarifRules = ruleIds.map((id) => {
    const info = ruleInfo(id)!;
    const level = enabledRules[id] === 'warn' ? 'warning' : 'error';
    return {
      id,
      name: id.replace(/^jwt-lint\//, '').replace(/-(\w)/g, (_, c: string) => c.toUpperCase()).replace(/^\w/, (c) => c.toUpperCase()),
      shortDescription: { text: info.description || id },
      fullDescription: { text: info.description || id },
      helpUri: info.url,
      help: {
        text: `${info.description}. See ${info.url}`,
        markdown: `${info.description}. [Documentation](${info.url})`,
      },
      defaultConfiguration: { enabled: id in enabledRules, level },
      properties: {
        // GitHub code scanning: `security` + a `security-severity` score make these security alerts rated
        // critical/high/medium/low; `external/cwe/cwe-N` tags link the CWE.
        tags: ['security', 'jwt', ...(info.category ? [info.category] : []), ...info.cwe.map((c) => `external/cwe/${c.toLowerCase()}`)],
        precision: 'high',
        'problem.severity': level,
        ...(info.securitySeverity ? { 'security-severity': info.securitySeverity } : {}),
      },
    };
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'jwt-lint',
            informationUri: 'https://github.com/jwt-lint/jwt-lint',
            version,
            semanticVersion: version,
            rules: sarifRules,
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: srcRoot } },
        columnKind: 'utf16CodeUnits',
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
        results: sarifResults,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
