/**
 * Reads `// expect: rule[#group]` / `// neutral: rule` annotations from a folder of annotated code and scores ESLint
 * results against them (the format of the team's scoring tool, see fixtures/insecure/README.md): a finding on a line of
 * an expectation of its rule is a true positive, on a neutral line it is neither, anywhere else a false positive.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ESLint } from 'eslint';

interface Expectation {
  file: string;
  rule: string;
  lines: Set<number>;
  met: boolean;
}

export interface Score {
  expected: number;
  met: number;
  truePositives: number;
  falsePositives: string[];
  misses: string[];
  recall: number;
  precision: number;
}

const CODE = /\.(c|m)?(j|t)sx?$/;

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : CODE.test(e.name) ? [path.join(dir, e.name)] : [],
  );
}

export function readAnnotations(dir: string) {
  const expectations = new Map<string, Expectation>();
  const neutral = new Set<string>();
  for (const abs of walk(dir)) {
    const file = path.relative(dir, abs);
    readFileSync(abs, 'utf8')
      .split('\n')
      .forEach((text, i) => {
        const m = /\/\/\s*((?:expect|neutral):.*)$/.exec(text);
        if (!m) return;
        for (const clause of m[1].split(';')) {
          const c = /^\s*(expect|neutral):\s*(.+)$/.exec(clause);
          if (!c) continue;
          for (const item of c[2].split(',').map((s) => s.trim()).filter(Boolean)) {
            const [rule, group] = item.split('#');
            if (c[1] === 'neutral') neutral.add(`${file}|${rule}|${i + 1}`);
            else {
              const key = `${file}|${rule}|${group ?? `L${i + 1}`}`;
              const e = expectations.get(key) ?? { file, rule, lines: new Set<number>(), met: false };
              e.lines.add(i + 1);
              expectations.set(key, e);
            }
          }
        }
      });
  }
  return { expectations, neutral };
}

/** `onlyRules`: the rules the corpus annotates (corpora written for a subset); findings of other rules are not scored. */
export function score(dir: string, results: ESLint.LintResult[], onlyRules?: readonly string[]): Score {
  const { expectations, neutral } = readAnnotations(dir);
  let truePositives = 0;
  const falsePositives: string[] = [];
  for (const result of results) {
    const file = path.relative(dir, result.filePath);
    for (const msg of result.messages) {
      if (!msg.ruleId) throw new Error(`${file}:${msg.line} ${msg.message}`);
      // "Definition for rule 'react-hooks/…' was not found" comes from disable comments naming other plugins' rules.
      if (!msg.ruleId.startsWith('jwt-lint/')) continue;
      const rule = msg.ruleId.replace(/^jwt-lint\//, '');
      if (onlyRules && !onlyRules.includes(rule)) continue;
      const end = msg.endLine ?? msg.line;
      const hits = [...expectations.values()].filter(
        (e) => e.file === file && e.rule === rule && [...e.lines].some((l) => l >= msg.line && l <= end),
      );
      if (hits.length) {
        (hits.find((e) => !e.met) ?? hits[0]).met = true;
        truePositives++;
      } else if (!Array.from({ length: end - msg.line + 1 }, (_, k) => `${file}|${rule}|${msg.line + k}`).some((k) => neutral.has(k))) {
        falsePositives.push(`${file}:${msg.line} ${rule}`);
      }
    }
  }
  const all = [...expectations.values()];
  const met = all.filter((e) => e.met).length;
  return {
    expected: all.length,
    met,
    truePositives,
    falsePositives,
    misses: all.filter((e) => !e.met).map((e) => `${e.file}:${[...e.lines].join('/')} ${e.rule}`),
    recall: all.length ? met / all.length : 1,
    precision: truePositives + falsePositives.length ? truePositives / (truePositives + falsePositives.length) : 1,
  };
}
