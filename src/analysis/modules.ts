/**
 * Exported constants of relative modules, read from disk without type information — and, with the
 * `typeAware` setting and a TypeScript program (`--type-aware`), of any module the program resolves
 * to a source file of the project (path aliases, workspace packages).
 *
 * A relative specifier is resolved to a file (`./config`, `./config.js` → `config.ts`, `index.*` of a
 * directory), the file is parsed (never executed) with `@typescript-eslint/parser`, and its exports
 * are indexed from its top-level statements (ESM `export …`, re-exports, CJS `module.exports = …`,
 * `exports.X = …`). Values are then resolved by `values.ts` in that module's own scope, so a module's
 * consts and its own relative imports are followed too. Parsed modules are cached per absolute path
 * and modification time in a module-level map (each worker thread has its own).
 */
import { parseForESLint } from '@typescript-eslint/parser';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import {
  evaluateLookup,
  moduleResolverOf,
  newState,
  registerForeignProgram,
  type AnyContext,
  type Env,
  type Resolved,
  type State,
} from './values.js';

type Node = TSESTree.Node;

/** Where an export's value is defined. */
export type ExportLookup =
  | { kind: 'node'; node: Node; env: Env } // the value of this expression (of the module's AST)
  | { kind: 'member'; object: Node; key: string; env: Env } // a property of an expression
  | { kind: 'module'; file: string; at: Node } // a whole module (namespace import, `require`)
  | Resolved;

type ExportTarget =
  | { kind: 'node'; node: Node }
  | { kind: 'reexport'; specifier: string; name: string }
  | { kind: 'other' };

interface ModuleInfo {
  env: Env;
  named: Map<string, ExportTarget>;
  stars: string[];
  defaultNode?: Node;
  cjsWhole: Node[];
  cjsNamed: Map<string, Node[]>;
  hasEsm: boolean;
}

type CacheEntry = { mtimeMs: number; size: number; info: ModuleInfo | undefined };

const MAX_FILE_SIZE = 1024 * 1024;
const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
const JS_TO_TS: Record<string, string[]> = {
  '.js': ['.ts', '.tsx'],
  '.jsx': ['.tsx'],
  '.mjs': ['.mts'],
  '.cjs': ['.cts'],
};

const cache = new Map<string, CacheEntry>();

/** Forgets every parsed module (for tests). */
export function clearModuleCache(): void {
  cache.clear();
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return false;
  }
}

/** The file a relative specifier points to, or undefined. */
export function resolveModuleFile(importingFile: string, specifier: string): string | undefined {
  const base = path.resolve(path.dirname(importingFile), specifier);
  const ext = path.extname(base);
  for (const alt of JS_TO_TS[ext] ?? []) {
    const candidate = base.slice(0, -ext.length) + alt;
    if (isFile(candidate)) return candidate;
  }
  if (ext && isFile(base)) return base;
  for (const e of EXTENSIONS) if (isFile(base + e)) return base + e;
  for (const e of EXTENSIONS) {
    const candidate = path.join(base, 'index' + e);
    if (isFile(candidate)) return candidate;
  }
  return undefined;
}

function setParents(root: Node, visitorKeys: Record<string, readonly string[] | undefined>): void {
  const stack: Node[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    for (const key of visitorKeys[n.type] ?? []) {
      const v = (n as unknown as Record<string, unknown>)[key];
      if (Array.isArray(v)) {
        for (const c of v) {
          if (c && typeof c === 'object' && typeof (c as Node).type === 'string') {
            (c as { parent: Node }).parent = n;
            stack.push(c as Node);
          }
        }
      } else if (v && typeof v === 'object' && typeof (v as Node).type === 'string') {
        (v as { parent: Node }).parent = n;
        stack.push(v as Node);
      }
    }
  }
}

function parseModule(file: string, code: string): ModuleInfo | undefined {
  const ext = path.extname(file);
  const jsx = ext === '.tsx' || ext === '.jsx' || ext === '.js' || ext === '.mjs' || ext === '.cjs';
  let parsed: ReturnType<typeof parseForESLint> | undefined;
  for (const sourceType of ['module', 'script'] as const) {
    try {
      parsed = parseForESLint(code, { filePath: file, sourceType, ecmaVersion: 'latest', range: true, loc: true, jsx, comment: false, tokens: false });
      break;
    } catch {
      parsed = undefined;
    }
  }
  if (!parsed) return undefined;
  const program = parsed.ast as unknown as TSESTree.Program;
  setParents(program, parsed.visitorKeys as Record<string, readonly string[]>);
  const sm = parsed.scopeManager!;
  const env: Env = {
    filename: file,
    program,
    getScope(node: Node) {
      const inner = node.type !== 'Program';
      for (let n: Node | undefined = node; n; n = n.parent) {
        const s = sm.acquire(n as never, inner);
        if (s) return (s.type === 'function-expression-name' ? s.childScopes[0] : s) as unknown as TSESLint.Scope.Scope;
      }
      return sm.globalScope as unknown as TSESLint.Scope.Scope;
    },
  };
  registerForeignProgram(env);
  return indexExports(env, program);
}

function nameOf(n: TSESTree.Identifier | TSESTree.StringLiteral): string {
  return n.type === 'Identifier' ? n.name : n.value;
}

function patternIdentifiers(p: Node, out: TSESTree.Identifier[]): void {
  switch (p.type) {
    case 'Identifier':
      out.push(p);
      break;
    case 'AssignmentPattern':
      patternIdentifiers(p.left, out);
      break;
    case 'RestElement':
      patternIdentifiers(p.argument, out);
      break;
    case 'ObjectPattern':
      for (const q of p.properties) patternIdentifiers(q.type === 'RestElement' ? q : q.value, out);
      break;
    case 'ArrayPattern':
      for (const q of p.elements) if (q) patternIdentifiers(q, out);
      break;
  }
}

/** `module.exports` / `exports` / `module.exports.X` / `exports.X` as an assignment target. */
function cjsTarget(left: Node): { whole: true } | { name: string } | undefined {
  const isModuleExports = (n: Node) =>
    n.type === 'MemberExpression' &&
    !n.computed &&
    n.object.type === 'Identifier' &&
    n.object.name === 'module' &&
    n.property.type === 'Identifier' &&
    n.property.name === 'exports';
  if (isModuleExports(left)) return { whole: true };
  if (left.type !== 'MemberExpression') return undefined;
  const o = left.object;
  if (!(isModuleExports(o) || (o.type === 'Identifier' && o.name === 'exports'))) return undefined;
  if (!left.computed && left.property.type === 'Identifier') return { name: left.property.name };
  if (left.property.type === 'Literal' && typeof left.property.value === 'string') return { name: left.property.value };
  return undefined;
}

function indexExports(env: Env, program: TSESTree.Program): ModuleInfo {
  const info: ModuleInfo = { env, named: new Map(), stars: [], cjsWhole: [], cjsNamed: new Map(), hasEsm: false };
  for (const s of program.body) {
    switch (s.type) {
      case 'ExportNamedDeclaration': {
        info.hasEsm = true;
        if (s.exportKind === 'type') break;
        const d = s.declaration;
        if (d) {
          if (d.type === 'VariableDeclaration') {
            for (const decl of d.declarations) {
              const ids: TSESTree.Identifier[] = [];
              patternIdentifiers(decl.id, ids);
              for (const id of ids) info.named.set(id.name, { kind: 'node', node: id });
            }
          } else if ('id' in d && d.id && d.id.type === 'Identifier' && d.type !== 'TSInterfaceDeclaration' && d.type !== 'TSTypeAliasDeclaration') {
            info.named.set(d.id.name, { kind: 'other' });
          }
          break;
        }
        for (const spec of s.specifiers) {
          if (spec.exportKind === 'type') continue;
          const exported = nameOf(spec.exported as TSESTree.Identifier);
          const local = spec.local as TSESTree.Identifier | TSESTree.StringLiteral;
          if (s.source) info.named.set(exported, { kind: 'reexport', specifier: String(s.source.value), name: nameOf(local) });
          else if (local.type === 'Identifier') info.named.set(exported, { kind: 'node', node: local });
        }
        break;
      }
      case 'ExportAllDeclaration':
        info.hasEsm = true;
        if (s.exportKind === 'type') break;
        if (s.exported) info.named.set(nameOf(s.exported as TSESTree.Identifier), { kind: 'reexport', specifier: String(s.source.value), name: '*' });
        else info.stars.push(String(s.source.value));
        break;
      case 'ExportDefaultDeclaration':
        info.hasEsm = true;
        info.defaultNode = s.declaration;
        break;
      case 'TSExportAssignment':
        info.cjsWhole.push(s.expression);
        break;
      case 'ExpressionStatement': {
        const e = s.expression;
        if (e.type !== 'AssignmentExpression' || e.operator !== '=') break;
        const t = cjsTarget(e.left);
        if (!t) break;
        if ('whole' in t) info.cjsWhole.push(e.right);
        else info.cjsNamed.set(t.name, [...(info.cjsNamed.get(t.name) ?? []), e.right]);
        break;
      }
    }
  }
  return info;
}

function loadModule(file: string): ModuleInfo | 'too-large' | undefined {
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(file, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
  if (!stat || !stat.isFile()) return undefined;
  if (stat.size > MAX_FILE_SIZE) return 'too-large';
  const hit = cache.get(file);
  if (hit && hit.mtimeMs === stat.mtimeMs && hit.size === stat.size) return hit.info;
  let info: ModuleInfo | undefined;
  try {
    info = parseModule(file, fs.readFileSync(file, 'utf8'));
  } catch {
    info = undefined;
  }
  cache.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, info });
  return info;
}

const isRelative = (s: string) => s === '.' || s === '..' || s.startsWith('./') || s.startsWith('../');

/** Resolves a non-relative specifier to a source file of the project, or undefined. */
export type ModuleResolver = (specifier: string, containingFile: string) => string | undefined;

const DECLARATION = /\.d\.[cm]?ts$|\.d\.[^/\\]*\.ts$/;
const resolvers = new WeakMap<object, ModuleResolver>();

/**
 * Module resolution of a TypeScript program (its compiler options: `paths`, `baseUrl`, `moduleResolution`,
 * workspace symlinks), limited to the project's own source files: a module that resolves into `node_modules`
 * or to a declaration file is not followed. Resolved files are read by the same parse-only export index.
 */
export function programResolver(program: ts.Program): ModuleResolver {
  let resolver = resolvers.get(program);
  if (resolver) return resolver;
  const options = program.getCompilerOptions();
  const host = ts.sys;
  const canonical = (f: string) => (host.useCaseSensitiveFileNames ? f : f.toLowerCase());
  const cache = ts.createModuleResolutionCache(program.getCurrentDirectory(), canonical, options);
  const memo = new Map<string, string | undefined>();
  resolver = (specifier, containingFile) => {
    const key = `${containingFile}\0${specifier}`;
    if (memo.has(key)) return memo.get(key);
    let file: string | undefined;
    try {
      const resolved = ts.resolveModuleName(specifier, containingFile, options, host, cache).resolvedModule?.resolvedFileName;
      if (resolved && !DECLARATION.test(resolved) && !resolved.split(/[\\/]/).includes('node_modules') && EXTENSIONS.includes(path.extname(resolved))) {
        file = path.resolve(resolved);
      }
    } catch {
      file = undefined;
    }
    memo.set(key, file);
    return file;
  };
  resolvers.set(program, resolver);
  return resolver;
}

/**
 * @internal Where `exportName` of the module `specifier` (imported from `importingFile`) is defined. Relative
 * specifiers are resolved from disk; others only through `st.resolveModule` (type-aware runs).
 */
export function lookupExport(importingFile: string, specifier: string, exportName: string, st: State, at: Node): ExportLookup {
  const file = isRelative(specifier) ? resolveModuleFile(importingFile, specifier) : st.resolveModule?.(specifier, importingFile);
  if (!file) return { kind: 'unknown', reason: 'import', node: at };
  if (exportName === '*') return { kind: 'module', file, at };
  return lookupExportInFile(file, exportName, st, at);
}

/** @internal Where `exportName` of a resolved module file is defined. */
export function lookupExportInFile(file: string, exportName: string, st: State, at: Node): ExportLookup {
  const key = `export:${file}#${exportName}`;
  if (st.visiting.has(key) || st.hops >= 20) return { kind: 'unknown', reason: 'limit', node: at };
  const mod = loadModule(file);
  if (mod === 'too-large') return { kind: 'unknown', reason: 'limit', node: at };
  if (!mod) return { kind: 'unknown', reason: 'import', node: at };
  st.visiting.add(key);
  st.hops++;
  try {
    return findIn(mod, exportName, st, at);
  } finally {
    st.visiting.delete(key);
    st.hops--;
  }
}

function findIn(mod: ModuleInfo, name: string, st: State, at: Node): ExportLookup {
  const { env } = mod;
  const file = env.filename;
  if (name === 'default') {
    const named = mod.named.get('default');
    if (named) return fromTarget(mod, named, st, at);
    if (mod.defaultNode) return { kind: 'node', node: mod.defaultNode, env };
    if (mod.cjsWhole.length === 1 && mod.cjsNamed.size === 0) return { kind: 'node', node: mod.cjsWhole[0], env };
    if (mod.cjsWhole.length > 0 || mod.cjsNamed.size > 0) return { kind: 'module', file, at };
    return { kind: 'unknown', reason: 'import', node: at };
  }
  const named = mod.named.get(name);
  if (named) return fromTarget(mod, named, st, at);
  const cjs = mod.cjsNamed.get(name);
  if (cjs) {
    if (cjs.length > 1 || mod.cjsWhole.length > 0) return { kind: 'unknown', reason: 'reassigned', node: at };
    return { kind: 'node', node: cjs[0], env };
  }
  if (mod.cjsWhole.length > 1) return { kind: 'unknown', reason: 'reassigned', node: at };
  if (mod.cjsWhole.length === 1) {
    if (mod.cjsNamed.size > 0) return { kind: 'unknown', reason: 'reassigned', node: at };
    return { kind: 'member', object: mod.cjsWhole[0], key: name, env };
  }
  for (const spec of mod.stars) {
    const r = lookupExport(file, spec, name, st, at);
    if (r.kind !== 'unknown' || r.reason !== 'import') return r;
  }
  return { kind: 'unknown', reason: 'import', node: at };
}

function fromTarget(mod: ModuleInfo, t: ExportTarget, st: State, at: Node): ExportLookup {
  switch (t.kind) {
    case 'node':
      return { kind: 'node', node: t.node, env: mod.env };
    case 'reexport':
      return lookupExport(mod.env.filename, t.specifier, t.name, st, at);
    default:
      return { kind: 'unknown', reason: 'other', node: at };
  }
}

/** @internal The value of a whole module, as `require` or a namespace import sees it. */
export function moduleNamespaceValue(file: string, st: State, at: Node): Resolved {
  const mod = loadModule(file);
  if (mod === 'too-large') return { kind: 'unknown', reason: 'limit', node: at };
  if (!mod) return { kind: 'unknown', reason: 'import', node: at };
  if (!mod.hasEsm && mod.cjsWhole.length === 1 && mod.cjsNamed.size === 0) {
    return evaluateLookup({ kind: 'node', node: mod.cjsWhole[0], env: mod.env }, st, at);
  }
  if (mod.stars.length > 0 || mod.cjsWhole.length > 0) return { kind: 'unknown', reason: 'import', node: at };
  const out: Record<string, unknown> = {};
  const names = [...mod.named.keys(), ...mod.cjsNamed.keys()];
  if (mod.defaultNode && !mod.named.has('default')) names.push('default');
  for (const name of names) {
    const r = evaluateLookup(lookupExportInFile(file, name, st, at), st, at);
    if (r.kind === 'unknown') return r;
    out[name] = r.kind === 'known' ? r.value : undefined;
  }
  return { kind: 'known', value: out, node: at };
}

/**
 * The value of export `exportName` (`'default'` for a default export, `'*'` for the whole module) of
 * the relative module `specifier` imported from `importingFile`. Non-relative specifiers (unless the
 * context is type-aware, see `values.ts`), unreadable files and parse errors are unknown('import');
 * cycles and bounds are unknown('limit'). Nodes in a known answer belong to the other module's AST —
 * do not report on them.
 */
export function resolveImportedValue(
  context: AnyContext,
  importingFile: string,
  specifier: string,
  exportName: string,
): Resolved {
  const at = context.sourceCode.ast as TSESTree.Program;
  const st = newState();
  st.resolveModule = moduleResolverOf(context);
  return evaluateLookup(lookupExport(importingFile, specifier, exportName, st, at), st, at);
}
