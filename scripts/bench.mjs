// Measures what jwt-lint's rules add to ESLint's own cost of parsing real code.
//
// For a corpus of real files it times, in one process and interleaved, two Linter runs per file:
//   parse-only: the typescript-eslint parser and ESLint's scope analysis, no rules;
//   with rules: the same plus every jwt-lint rule (preset `all`).
// Each round lints every file in both modes (CPU time of this process, interleaved); the report gives the median of
// the per-round totals and the overhead (with − parse-only) / parse-only, for all files and for the files that touch
// no JWT / storage / cookie / randomness API, with the spread: the min–max of the rounds' totals and of each round's
// own overhead (the machine may be shared; compare runs by their spread, not one number). It also prints ESLint's own
// stats of the runs with rules: time in the parser vs time in jwt-lint's listeners, a ratio that load does not skew.
// Usage: node scripts/bench.mjs [--rounds N] [--max-files N] [dir…]   (default dirs: some of node_modules)
import { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { default: plugin } = await import(path.join(root, 'dist/src/index.js'));

const args = process.argv.slice(2);
const flag = (name, dflt) => {
  const i = args.indexOf(name);
  if (i < 0) return dflt;
  const v = args[i + 1];
  args.splice(i, 2);
  return v;
};
const rounds = Number(flag('--rounds', 5));
const maxFiles = Number(flag('--max-files', 1500));
const dirs = args.length
  ? args
  : ['express', 'jsonwebtoken', 'jose', 'jws', 'eslint/lib', '@typescript-eslint/utils/dist', 'ajv/dist', 'vitest/dist', 'cookie-parser']
      .map((d) => path.join(root, 'node_modules', d))
      .filter((d) => fs.existsSync(d));

const EXT = /\.(c|m)?(j|t)sx?$/;
function walk(dir, out) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (EXT.test(e.name) && !e.name.endsWith('.d.ts') && !e.name.endsWith('.min.js')) out.push(p);
  }
  return out;
}
const files = [];
for (const d of dirs) walk(d, files);
const corpus = files
  .map((f) => ({ f, text: fs.readFileSync(f, 'utf8') }))
  .filter(({ text }) => text.length < 300_000)
  .slice(0, maxFiles);

const touches = /jsonwebtoken|\bjose\b|jwt|localStorage|sessionStorage|cookie|Math\.random|Date\.now/i;
const config = (withRules) => [
  {
    files: ['**/*.{js,jsx,ts,tsx,mjs,cjs,mts,cts}'],
    languageOptions: { parser: tsParser },
    ...(withRules ? { plugins: { 'jwt-lint': plugin }, rules: plugin.configs.all[0].rules } : {}),
  },
];
const linters = { parse: new Linter({ configType: 'flat', cwd: '/' }), rules: new Linter({ configType: 'flat', cwd: '/' }) };
const configs = { parse: config(false), rules: config(true) };

let crashes = 0;
const parseErrors = new Set();
function lint(mode, { f, text }) {
  // CPU time of this process (user + system), less disturbed than wall time by other work on the machine.
  const t0 = process.cpuUsage();
  try {
    // A neutral path: ESLint ignores node_modules by default, and the corpus often comes from there.
    const messages = linters[mode].verify(text, configs[mode], { filename: `/bench/${path.basename(f)}` });
    if (messages.some((m) => m.fatal)) parseErrors.add(f);
  } catch (e) {
    crashes++;
    if (crashes < 5) console.error(`crash in ${f}: ${e.message}`);
  }
  const d = process.cpuUsage(t0);
  return (d.user + d.system) / 1000;
}

// ESLint's own stats (`stats: true`, one extra untimed pass after the rounds): time in the parser vs time in
// jwt-lint's rule listeners, measured in the same run of the same file, so a busy machine slows both alike.
// (ESLint collects stats only through verifyAndFix; with `fix: false` that is one plain pass.)
const stats = { all: { parse: 0, rules: 0 }, quiet: { parse: 0, rules: 0 } };
function recordStats(times, quiet) {
  for (const pass of times.passes ?? []) {
    const parse = pass.parse?.total ?? 0;
    const rules = Object.values(pass.rules ?? {}).reduce((n, r) => n + (r.total ?? 0), 0);
    for (const k of quiet ? ['all', 'quiet'] : ['all']) {
      stats[k].parse += parse;
      stats[k].rules += rules;
    }
  }
}

const totals = { parse: { all: [], quiet: [] }, rules: { all: [], quiet: [] } };
for (let r = 0; r < rounds + 1; r++) {
  const sum = { parse: { all: 0, quiet: 0 }, rules: { all: 0, quiet: 0 } };
  for (const file of corpus) {
    const quiet = !touches.test(file.text);
    const order = r % 2 ? ['parse', 'rules'] : ['rules', 'parse'];
    for (const mode of order) {
      const ms = lint(mode, file);
      sum[mode].all += ms;
      if (quiet) sum[mode].quiet += ms;
    }
  }
  if (r === 0) continue; // warm-up round
  for (const mode of ['parse', 'rules']) for (const k of ['all', 'quiet']) totals[mode][k].push(sum[mode][k]);
}
for (const { f, text } of corpus) {
  try {
    linters.rules.verifyAndFix(text, configs.rules, { filename: `/bench/${path.basename(f)}`, stats: true, fix: false });
    recordStats(linters.rules.getTimes(), !touches.test(text));
  } catch {
    // counted in the timed rounds
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const quietCount = corpus.filter((c) => !touches.test(c.text)).length;
const bytes = corpus.reduce((n, c) => n + c.text.length, 0);
const pct = (w, p) => ((w - p) / p) * 100;
console.log(`corpus: ${corpus.length} files (${(bytes / 1e6).toFixed(1)} MB) from ${dirs.length} dirs; ${quietCount} touch no JWT/storage/cookie/randomness API`);
console.log(`rounds: ${rounds} (+1 warm-up), median of per-round totals; crashes: ${crashes}; files that did not parse: ${parseErrors.size}`);
for (const k of ['all', 'quiet']) {
  const p = median(totals.parse[k]);
  const w = median(totals.rules[k]);
  // Spread: the overhead of each round (its two modes ran interleaved, so they share the machine's load that round).
  const perRound = totals.parse[k].map((pr, i) => pct(totals.rules[k][i], pr));
  const range = (xs) => `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}`;
  console.log(
    `${k === 'all' ? 'all files  ' : 'quiet files'}: parse-only ${p.toFixed(0)} ms (rounds ${range(totals.parse[k])}), ` +
      `with jwt-lint (all rules) ${w.toFixed(0)} ms (rounds ${range(totals.rules[k])}), overhead ${pct(w, p).toFixed(1)}% ` +
      `(per round ${Math.min(...perRound).toFixed(1)}% to ${Math.max(...perRound).toFixed(1)}%)`,
  );
}
for (const k of ['all', 'quiet']) {
  const { parse, rules } = stats[k];
  console.log(
    `${k === 'all' ? 'all files  ' : 'quiet files'}: ESLint stats — parser ${parse.toFixed(0)} ms, jwt-lint rule listeners ` +
      `${rules.toFixed(0)} ms (${((rules / parse) * 100).toFixed(1)}% of the parse; scope analysis not counted in either)`,
  );
}
process.exitCode = crashes ? 1 : 0;
