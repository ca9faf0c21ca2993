// Wall time of `jwt-lint` against plain `eslint` with the same rules and parser on the same files.
//
//   npm run build && node scripts/bench-cli.mjs [--files 3000] [--runs 3] [--corpus <dir>]
//
// Without --corpus, the corpus is the JavaScript and TypeScript of this repository's node_modules,
// copied into a temporary folder (jwt-lint skips node_modules, so the files must live elsewhere)
// and cut down to exactly what `jwt-lint --list-files` accepts, so that both tools lint the same
// files. ESLint gets a config file with jwt-lint's parser setup and preset.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    files: { type: 'string', default: '3000' },
    runs: { type: 'string', default: '3' },
    corpus: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});
const wanted = Number(values.files);
const runs = Number(values.runs);
const jwtLint = path.join(root, 'bin', 'jwt-lint.js');
const eslintBin = path.join(root, 'node_modules', 'eslint', 'bin', 'eslint.js');

const work = mkdtempSync(path.join(os.tmpdir(), 'jwt-lint-bench-'));
const corpus = values.corpus ? path.resolve(values.corpus) : path.join(work, 'corpus');

function collect(dir, out) {
  if (out.length >= wanted * 4) return;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    const abs = path.join(dir, e.name);
    if (e.isDirectory()) collect(abs, out);
    else if (e.isFile() && /\.(c|m)?(j|t)sx?$/.test(e.name) && !/\.d\.[mc]?ts$/.test(e.name)) out.push(abs);
    if (out.length >= wanted * 4) return;
  }
}

if (!values.corpus) {
  const source = path.join(root, 'node_modules');
  const files = [];
  collect(source, files);
  for (const file of files) {
    const rel = path.relative(source, file).split(path.sep).map((s) => (s === 'node_modules' ? 'nm' : s));
    const target = path.join(corpus, ...rel);
    mkdirSync(path.dirname(target), { recursive: true });
    copyFileSync(file, target);
  }
  // Keep exactly what jwt-lint lints (it skips bundles, build folders, big files…), up to --files.
  const listed = spawnSync(process.execPath, [jwtLint, '--list-files', corpus], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const keep = new Set(listed.stdout.trim().split('\n').slice(0, wanted).map((f) => path.resolve(f)));
  const prune = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, e.name);
      if (e.isDirectory()) prune(abs);
      else if (!keep.has(abs)) rmSync(abs);
    }
  };
  prune(corpus);
  // node_modules may hold fewer lintable files than asked for: repeat the corpus to reach the count.
  const base = [...keep];
  for (let copy = 1; keep.size < wanted && base.length > 0; copy++) {
    for (const file of base) {
      if (keep.size >= wanted) break;
      const target = path.join(corpus, `copy${copy}`, path.relative(corpus, file));
      mkdirSync(path.dirname(target), { recursive: true });
      copyFileSync(file, target);
      keep.add(target);
    }
  }
}

const listed = spawnSync(process.execPath, [jwtLint, '--list-files', corpus], { encoding: 'utf8', maxBuffer: 1 << 28 });
const fileList = listed.stdout.trim().split('\n').filter(Boolean);
const bytes = fileList.reduce((n, f) => n + statSync(path.resolve(f)).size, 0);

// Plain ESLint, configured like jwt-lint's own run (src/cli/config.ts).
const config = path.join(work, 'eslint.config.mjs');
writeFileSync(
  config,
  `import * as tsParser from ${JSON.stringify(pathToFileURL(path.join(root, 'node_modules', '@typescript-eslint', 'parser', 'dist', 'index.js')).href)};
import plugin from ${JSON.stringify(pathToFileURL(path.join(root, 'dist', 'src', 'index.js')).href)};
export default [
  {
    files: ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'],
    languageOptions: { parser: tsParser, ecmaVersion: 'latest', sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: true } } },
    linterOptions: { reportUnusedDisableDirectives: 'off', reportUnusedInlineConfigs: 'off' },
  },
  { files: ['**/*.cjs', '**/*.cts'], languageOptions: { sourceType: 'commonjs' } },
  ...plugin.configs.recommended,
];
`,
);

/** Runs every command once per round, rounds interleaved so that machine-load drift hits all alike. */
function measure(commands) {
  const samples = commands.map(() => []);
  for (let round = 0; round < runs; round++) {
    commands.forEach(([label, args], i) => {
      const t = performance.now();
      const r = spawnSync(process.execPath, args, { cwd: corpus, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, FORCE_COLOR: '0' } });
      samples[i].push(performance.now() - t);
      if (r.status !== 0 && r.status !== 1) {
        throw new Error(`${label} failed (exit ${r.status}):\n${r.stderr.slice(0, 2000)}`);
      }
    });
  }
  return commands.map(([label], i) => {
    const s = samples[i].sort((a, b) => a - b);
    return { label, median: s[Math.floor(s.length / 2)], min: s[0] };
  });
}

const eslintArgs = [eslintBin, '--config', config, '--format', 'json', '--no-warn-ignored', corpus];
const rows = measure([
  ['jwt-lint --list-files (discovery only)', [jwtLint, '--list-files', corpus]],
  ['eslint (same config, same files)', eslintArgs],
  ['jwt-lint', [jwtLint, '--format', 'json', corpus]],
  ['eslint --concurrency auto', [...eslintArgs, '--concurrency', 'auto']],
  ['jwt-lint --concurrency auto', [jwtLint, '--format', 'json', '--concurrency', 'auto', corpus]],
]);

console.log(`corpus: ${fileList.length} files, ${(bytes / 1024 / 1024).toFixed(1)} MB (${corpus})`);
console.log(`node ${process.version}, ${os.cpus().length} CPUs (${os.availableParallelism()} available), median of ${runs} runs`);
for (const r of rows) console.log(`${r.label.padEnd(42)} ${(r.median / 1000).toFixed(2).padStart(7)} s   (min ${(r.min / 1000).toFixed(2)} s)`);
const plain = rows[1].median;
const ours = rows[2].median;
console.log(`jwt-lint overhead over plain eslint: ${(((ours - plain) / plain) * 100).toFixed(1)}% (${((ours - plain) / 1000).toFixed(2)} s)`);

if (!values.keep && !values.corpus) rmSync(work, { recursive: true, force: true });
