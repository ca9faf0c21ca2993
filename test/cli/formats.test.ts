// Output formats on a repository with findings and parse errors: stylish, json, sarif, github.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyFixture, parseJson, runCli, type CliRun } from './helpers.js';

// The official SARIF 2.1.0 schema (final "rtm.5" text, OASIS), vendored from the npm package
// @microsoft/jest-sarif@1.0.0-beta.0 (lib/schemas/sarif-2.1.0-rtm.5.json, MIT).
const schemaFile = path.join(import.meta.dirname, 'sarif-schema-2.1.0.json');

function sarifValidator() {
  const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as Record<string, unknown>;
  // The schema is draft-04; with no draft-04-only keywords in it, only its header needs updating for Ajv 8.
  delete schema.$schema;
  delete schema.id;
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false }) // the schema's language pattern is not valid with the u flag;
  addFormats.default(ajv);
  return ajv.compile(schema);
}

/** A repository with a parse error, and a file that is clean. */
const repo = () =>
  copyFixture('unparsable', {
    'src/comma,colon:percent%.js': 'export const x = ;\n',
  });

describe('formats', () => {
  let dir: string;
  const runs: Record<string, CliRun> = {};
  beforeAll(() => {
    dir = repo();
    for (const format of ['stylish', 'json', 'sarif', 'github']) runs[format] = runCli(['--format', format], { cwd: dir });
  });

  it('all exit 1 for the same run', () => {
    for (const run of Object.values(runs)) expect(run.status).toBe(1);
  });

  it('json is ESLint’s result array, without the source text', () => {
    const results = parseJson(runs.json);
    expect(results.length).toBe(7);
    for (const r of results) {
      expect(Object.keys(r).sort()).toEqual(
        ['errorCount', 'fatalErrorCount', 'filePath', 'fixableErrorCount', 'fixableWarningCount', 'messages', 'suppressedMessages', 'usedDeprecatedRules', 'warningCount'].sort(),
      );
      expect(path.isAbsolute(r.filePath)).toBe(true);
      expect(r.errorCount).toBe(r.messages.filter((m) => m.severity === 2).length);
    }
  });

  it('sarif is valid SARIF 2.1.0 with rule metadata, help links and levels', () => {
    const log = JSON.parse(runs.sarif.stdout);
    const validate = sarifValidator();
    const valid = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    // Control: the validator does reject what is not SARIF 2.1.0.
    expect(validate({ ...log, version: '2.0.0' })).toBe(false);
    expect(validate({ ...log, runs: [{ ...log.runs[0], results: [{ level: 'fatal', message: { text: 'x' } }] }] })).toBe(false);

    const run = log.runs[0];
    expect(run.tool.driver.name).toBe('jwt-lint');
    const rules = run.tool.driver.rules as { id: string; helpUri: string; shortDescription: { text: string }; defaultConfiguration: { level: string } }[];
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) {
      expect(rule.id).toMatch(/^jwt-lint\/[a-z-]+$/);
      expect(rule.helpUri).toMatch(new RegExp(`/docs/rules/${rule.id.slice('jwt-lint/'.length)}\\.md$`));
      expect(rule.shortDescription.text).toMatch(/^(Require|Disallow)/);
      expect(['error', 'warning']).toContain(rule.defaultConfiguration.level);
    }
    // code scanning rates security alerts by `security-severity` and links CWEs from `external/cwe/*` tags
    const none = rules.find((r) => r.id === 'jwt-lint/no-none-algorithm') as unknown as { properties: { tags: string[]; 'security-severity': string } };
    expect(none.properties.tags).toEqual(expect.arrayContaining(['security', 'external/cwe/cwe-347']));
    expect(Number(none.properties['security-severity'])).toBeGreaterThanOrEqual(9);
    // Every result points at its rule and at a file relative to the source root.
    for (const result of run.results) {
      expect(rules[result.ruleIndex].id).toBe(result.ruleId);
      expect(result.locations[0].physicalLocation.artifactLocation.uriBaseId).toBe('%SRCROOT%');
      expect(result.locations[0].physicalLocation.artifactLocation.uri).toMatch(/^src\//);
    }
    // Parse errors are notifications about the run, not code-scanning alerts.
    const notes = run.invocations[0].toolExecutionNotifications as { message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
    const noted = notes.map((n) => n.locations[0].physicalLocation.artifactLocation.uri).sort();
    expect(noted).toEqual(['src/comma%2Ccolon%3Apercent%25.js', 'src/garbage.ts', 'src/syntax-error.js', 'src/type-error.ts']);
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toBe(`file://${dir}/`);
  });

  it('github prints one workflow annotation per problem, escaped', () => {
    const lines = runs.github.stdout.trim().split('\n');
    const json = parseJson(runs.json);
    expect(lines).toHaveLength(json.reduce((n, r) => n + r.messages.length, 0));
    for (const line of lines) expect(line).toMatch(/^::(error|warning) file=[^,]+,line=\d+,col=\d+(,endLine=\d+)?(,endColumn=\d+)?,title=[^,:]+::.+$/);
    expect(lines).toContain("::error file=src/syntax-error.js,line=3,col=29,title=jwt-lint%3A parse error::Parsing error: ',' expected.");
    expect(lines.some((l) => l.startsWith('::error file=src/comma%2Ccolon%3Apercent%25.js,'))).toBe(true);
  });

  it('stylish groups problems by file and ends with counts by rule', () => {
    const out = runs.stylish.stdout;
    expect(out).toMatch(/^src\/syntax-error\.js\n {2}3:29 +error +Parsing error: ',' expected\. +parse error\n\n/m);
    expect(out).toMatch(/^✖ \d+ problems \(\d+ errors, 0 warnings\) in \d+ files of 7 files scanned: .*parse error 4/m);
  });
});
