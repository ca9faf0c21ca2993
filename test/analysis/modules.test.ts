import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TSESTree } from '@typescript-eslint/utils';
import { analyze, target } from '../helpers/analyze.js';
import { resolveValue, valueSources, type Resolved } from '../../src/analysis/values.js';
import { getOption } from '../../src/analysis/options.js';
import { clearModuleCache, resolveImportedValue, resolveModuleFile } from '../../src/analysis/modules.js';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'modules');
const importer = path.join(fixtures, 'main.ts');

type Expect = { known: unknown } | { unknown: string } | 'absent';
const summarize = (r: Resolved): Expect =>
  r.kind === 'known' ? { known: r.value } : r.kind === 'unknown' ? { unknown: r.reason } : 'absent';

function rootOf(n: TSESTree.Node): TSESTree.Node {
  while (n.parent) n = n.parent;
  return n;
}

function resolve(code: string, filename = importer): Expect {
  return analyze(
    code,
    (context, program) => {
      const r = resolveValue(context, target(program));
      // answers never point into another file's AST
      if (r.kind !== 'absent') expect(rootOf(r.node)).toBe(program);
      return summarize(r);
    },
    { filename },
  );
}

beforeEach(() => clearModuleCache());

describe('resolveValue through relative modules', () => {
  const cases: Array<[string, Expect]> = [
    [`import { SECRET } from './config'; target(SECRET)`, { known: 'from-config' }],
    [`import { SECRET } from './config.js'; target(SECRET)`, { known: 'from-config' }],
    [`import { SECRET as S } from './config.js'; target(S)`, { known: 'from-config' }],
    [`import { TTL } from './config.js'; target(TTL * 2)`, { known: 7200 }],
    [`import { aliased } from './config.js'; target(aliased)`, { known: 'loc' }],
    [`import cfg from './config.js'; target(cfg.secret)`, { known: 'default-secret' }],
    [`import cfg from './config.js'; target(cfg.ttl)`, { known: 3600 }],
    [`import * as cfg from './config.js'; target(cfg.SECRET)`, { known: 'from-config' }],
    [`import { notAValue } from './config.js'; target(notAValue)`, { unknown: 'other' }],
    [`import { missing } from './config.js'; target(missing)`, { unknown: 'import' }],
    [`import { SECRET } from './reexport.js'; target(SECRET)`, { known: 'from-config' }],
    [`import { RENAMED } from './reexport.js'; target(RENAMED)`, { known: 'from-config' }],
    [`import { CONFIG } from './reexport.js'; target(CONFIG.secret)`, { known: 'default-secret' }],
    [`import { MORE } from './reexport.js'; target(MORE)`, { known: 'more' }],
    [`import { ns } from './reexport.js'; target(ns.MORE)`, { known: 'more' }],
    [`import { DERIVED, FROM_DEFAULT } from './chain.js'; target(DERIVED)`, { known: 'from-config-derived' }],
    [`import { FROM_DEFAULT } from './chain.js'; target(FROM_DEFAULT)`, { known: 'default-secret' }],
    [`import { reassigned } from './chain.js'; target(reassigned)`, { unknown: 'reassigned' }],
    [`import { IN_DIR } from './dir'; target(IN_DIR)`, { known: 'dir' }],
    [`import { SECRET } from './env-config.js'; target(SECRET)`, { unknown: 'env' }],
    // CommonJS
    [`const { SECRET } = require('./cjs.cjs'); target(SECRET)`, { known: 'cjs-secret' }],
    [`const cfg = require('./cjs.cjs'); target(cfg.nested.alg)`, { known: 'HS256' }],
    [`target(require('./cjs.cjs').SECRET)`, { known: 'cjs-secret' }],
    [`const { fromEnv } = require('./cjs.cjs'); target(fromEnv)`, { unknown: 'env' }],
    [`import cfg from './cjs.cjs'; target(cfg.SECRET)`, { known: 'cjs-secret' }],
    [`import { SECRET } from './cjs-named.js'; target(SECRET)`, { known: 'named-cjs' }],
    [`import { ALG } from './cjs-named'; target(ALG)`, { known: 'RS256' }],
    [`import { KEY } from './cjs-named'; target(KEY)`, { known: 'inner-key' }],
    [`import cjs from './cjs-named'; target(cjs.SECRET)`, { known: 'named-cjs' }],
    [`import cfg = require('./cjs.cjs'); target(cfg.SECRET)`, { known: 'cjs-secret' }],
    // silent cases
    [`import { A } from './cycle-a.js'; target(A)`, { unknown: 'limit' }],
    [`import { X } from './broken'; target(X)`, { unknown: 'import' }],
    [`import { X } from './does-not-exist'; target(X)`, { unknown: 'import' }],
    [`import { something } from './lib-reexport.js'; target(something)`, { unknown: 'import' }],
    [`import { SECRET } from 'config'; target(SECRET)`, { unknown: 'import' }],
    [`import { SECRET } from '@app/config'; target(SECRET)`, { unknown: 'import' }],
    [`const { SECRET } = require('config'); target(SECRET)`, { unknown: 'import' }],
    [`function f(require) { const { SECRET } = require('./cjs.cjs'); target(SECRET) }`, { unknown: 'call' }],
  ];
  it.each(cases)('%s', (code, expected) => {
    expect(resolve(code)).toEqual(expected);
  });

  it('follows require in a file parsed as CommonJS', () => {
    const got = analyze(
      `const { SECRET } = require('./cjs.cjs'); const cfg = require('./config'); target([SECRET, cfg.SECRET])`,
      (context, program) => summarize(resolveValue(context, target(program))),
      { filename: path.join(fixtures, 'main.js'), sourceType: 'commonjs' },
    );
    expect(got).toEqual({ known: ['cjs-secret', 'from-config'] });
  });

  it('resolves a relative file name against the linter cwd', () => {
    // the harness runs the Linter with cwd = filesystem root
    const relative = path.relative(path.parse(process.cwd()).root, importer);
    expect(resolve(`import { SECRET } from './config.js'; target(SECRET)`, relative)).toEqual({ known: 'from-config' });
  });

  it('keeps the branches of an imported fallback, pointing at the local node', () => {
    const got = analyze(
      `import { SECRET } from './env-config.js'; target(SECRET)`,
      (context, program) =>
        valueSources(context, target(program)).map((s) => {
          expect(rootOf(s.node)).toBe(program);
          return s.kind === 'literal' ? ['literal', s.value] : s.kind === 'env' ? ['env', s.name] : ['unknown', s.reason];
        }),
      { filename: importer },
    );
    expect(got).toEqual([['env', 'JWT_SECRET'], ['literal', 'env-fallback']]);
  });

  it('reads options of an imported object', () => {
    const got = analyze(
      `import cfg from './config.js'; target(cfg)`,
      (context, program) => {
        const ttl = getOption(context, target(program), 'ttl');
        const missing = getOption(context, target(program), 'algorithms');
        return [
          ttl.kind === 'present' && ttl.value.kind === 'known' ? ttl.value.value : ttl.kind,
          ttl.kind === 'present' && rootOf(ttl.node) === program,
          missing.kind,
        ];
      },
      { filename: importer },
    );
    expect(got).toEqual([3600, true, 'absent']);
  });
});

describe('resolveImportedValue', () => {
  const direct = (spec: string, name: string) =>
    analyze('0', (context) => summarize(resolveImportedValue(context, importer, spec, name)), { filename: importer });
  const cases: Array<[string, string, Expect]> = [
    ['./config', 'SECRET', { known: 'from-config' }],
    ['./config.js', 'default', { known: { secret: 'default-secret', ttl: 3600 } }],
    ['./more.js', '*', { known: { MORE: 'more' } }],
    ['./cjs.cjs', '*', { unknown: 'env' }],
    ['./cjs-inner.js', '*', { known: { KEY: 'inner-key' } }],
    ['./cycle-b.js', 'B', { unknown: 'limit' }],
    ['./broken.js', 'X', { unknown: 'import' }],
    ['config', 'SECRET', { unknown: 'import' }],
  ];
  it.each(cases)('%s %s', (spec, name, expected) => {
    expect(direct(spec, name)).toEqual(expected);
  });
});

describe('module files', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jwt-lint-modules-'));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('resolves specifiers to files', () => {
    expect(resolveModuleFile(importer, './config')).toBe(path.join(fixtures, 'config.ts'));
    expect(resolveModuleFile(importer, './config.js')).toBe(path.join(fixtures, 'config.ts'));
    expect(resolveModuleFile(importer, './cjs.cjs')).toBe(path.join(fixtures, 'cjs.cjs'));
    expect(resolveModuleFile(importer, './dir')).toBe(path.join(fixtures, 'dir', 'index.ts'));
    expect(resolveModuleFile(importer, './nope')).toBeUndefined();
  });

  it('re-reads a module whose file changed', () => {
    const file = path.join(tmp, 'conf.ts');
    const main = path.join(tmp, 'main.ts');
    const code = `import { S } from './conf.js'; target(S)`;
    fs.writeFileSync(file, `export const S = 'one';`);
    expect(resolve(code, main)).toEqual({ known: 'one' });
    fs.writeFileSync(file, `export const S = 'two!';`);
    fs.utimesSync(file, new Date(), new Date(Date.now() + 5000));
    expect(resolve(code, main)).toEqual({ known: 'two!' });
  });

  it('skips files over the size bound', () => {
    const file = path.join(tmp, 'big.js');
    fs.writeFileSync(file, `export const S = 'x';\n` + '// padding\n'.repeat(120_000));
    expect(resolve(`import { S } from './big.js'; target(S)`, path.join(tmp, 'main.ts'))).toEqual({ unknown: 'limit' });
  });

  it('never executes the module', () => {
    const file = path.join(tmp, 'side-effect.js');
    const marker = path.join(tmp, 'executed');
    fs.writeFileSync(
      file,
      `require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'x');\nexport const S = 'parsed';`,
    );
    expect(resolve(`import { S } from './side-effect.js'; target(S)`, path.join(tmp, 'main.ts'))).toEqual({ known: 'parsed' });
    expect(fs.existsSync(marker)).toBe(false);
  });
});
