/**
 * Value resolution: what an expression is known to evaluate to, without running anything.
 *
 * `resolveValue` answers a tri-state (known / unknown(reason) / absent). It follows `const` and
 * write-once `let` bindings, TS wrappers, object and array literals (lazily: reading `cfg.a` does not
 * need the rest of `cfg` to be known), class fields through `this`, and imports of relative modules
 * (read from disk by `modules.ts`). With the shared setting `settings['jwt-lint'].typeAware === true`
 * and a TypeScript program in the parser services (`--type-aware`), other specifiers the program
 * resolves to a project source file (path aliases, workspace packages) are followed the same way.
 * Anything else is delegated to `getStaticValue`.
 *
 * Nodes of other files: when a value comes from another module, the nodes in the answer are replaced
 * by the node that was asked about, so a rule never reports a location of another file.
 */
import { findVariable, getStaticValue } from '@eslint-community/eslint-utils';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import path from 'node:path';
import {
  lookupExport,
  lookupExportInFile,
  moduleNamespaceValue,
  programResolver,
  type ExportLookup,
  type ModuleResolver,
} from './modules.js';

export type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** Why a value is not known. */
export type UnknownReason =
  | 'parameter' // a function parameter
  | 'call' // the result of a call we do not model
  | 'env' // an environment read (process.env.X, import.meta.env.X, Deno.env.get)
  | 'spread' // an unknown spread
  | 'import' // an import we could not resolve
  | 'reassigned' // a variable written more than once
  | 'computed' // a computed key or member we cannot resolve
  | 'global' // an undeclared identifier
  | 'limit' // a depth / size bound was hit
  | 'other';

export type Resolved =
  | { kind: 'known'; value: unknown; node: TSESTree.Node }
  | { kind: 'unknown'; reason: UnknownReason; node: TSESTree.Node }
  | { kind: 'absent' };

/** One value an expression can take (see `valueSources`). */
export type ValueSource =
  | { kind: 'literal'; value: unknown; node: TSESTree.Node }
  | { kind: 'env'; name?: string; node: TSESTree.Node }
  | { kind: 'unknown'; reason: UnknownReason; node: TSESTree.Node };

type Node = TSESTree.Node;
type Scope = TSESLint.Scope.Scope;
type Variable = TSESLint.Scope.Variable;

// ---------------------------------------------------------------------------------------------
// Evaluation environment: which file a node belongs to and how to find its scope.

/** @internal The file a node belongs to. Other modules' programs are registered by `modules.ts`. */
export interface Env {
  readonly filename: string;
  readonly program: TSESTree.Program;
  getScope(node: Node): Scope;
  /** the linted file's type-aware module resolution, if enabled (see `moduleResolverOf`) */
  readonly resolveModule?: ModuleResolver;
}

/**
 * The TypeScript project's module resolution for this file, when the run opts in with the shared setting
 * `settings: { 'jwt-lint': { typeAware: true } }` and the parser provides a program (`parserOptions.project` /
 * `projectService`). Type information alone never changes what is resolved.
 */
export function moduleResolverOf(context: AnyContext): ModuleResolver | undefined {
  const settings = (context.settings as Record<string, unknown> | undefined)?.['jwt-lint'] as { typeAware?: unknown } | undefined;
  if (settings?.typeAware !== true) return undefined;
  const program = (context.sourceCode.parserServices as { program?: unknown } | undefined)?.program;
  if (!program || typeof (program as { getCompilerOptions?: unknown }).getCompilerOptions !== 'function') return undefined;
  return programResolver(program as Parameters<typeof programResolver>[0]);
}

const foreignEnvs = new WeakMap<Node, Env>();
const localEnvs = new WeakMap<Node, Env>();

/** @internal Registers a program parsed from another module. */
export function registerForeignProgram(env: Env): void {
  foreignEnvs.set(env.program, env);
}

function rootOf(node: Node): Node {
  let n = node;
  while (n.parent) n = n.parent;
  return n;
}

function localEnv(context: AnyContext): Env {
  const program = context.sourceCode.ast as TSESTree.Program;
  let env = localEnvs.get(program);
  if (!env) {
    const cwd = (context as { cwd?: string }).cwd ?? process.cwd();
    const file = context.filename;
    env = {
      filename: path.isAbsolute(file) ? file : /^<.*>$/.test(file) ? '' : path.resolve(cwd, file),
      program,
      getScope: (n) => context.sourceCode.getScope(n) as Scope,
      resolveModule: moduleResolverOf(context),
    };
    localEnvs.set(program, env);
  }
  return env;
}

function envOf(context: AnyContext, node: Node): Env {
  const root = rootOf(node);
  return foreignEnvs.get(root) ?? localEnv(context);
}

/** @internal Whether a node belongs to another module than the file being linted. */
export function isForeignNode(node: Node): boolean {
  return foreignEnvs.has(rootOf(node));
}

/** @internal Bounds and cycle guard, shared across one top-level question (also across modules). */
export interface State {
  hops: number;
  nest: number;
  /** evaluation steps taken so far (bounds `a1 = a0 + a0; a2 = a1 + a1; …`) */
  steps: number;
  visiting: Set<unknown>;
  /** type-aware resolution of non-relative specifiers, taken from the linted file's env (also used in other modules) */
  resolveModule?: ModuleResolver;
}
const MAX_HOPS = 20;
const MAX_NEST = 400;
const MAX_STEPS = 20_000;
export function newState(): State {
  return { hops: 0, nest: 0, steps: 0, visiting: new Set() };
}

const ABSENT: Resolved = { kind: 'absent' };
const known = (value: unknown, node: Node): Resolved =>
  value === undefined ? ABSENT : { kind: 'known', value, node };
const unknown = (reason: UnknownReason, node: Node): Resolved => ({ kind: 'unknown', reason, node });

// ---------------------------------------------------------------------------------------------
// Small AST helpers

const TS_WRAPPERS = new Set([
  'TSAsExpression',
  'TSNonNullExpression',
  'TSSatisfiesExpression',
  'TSTypeAssertion',
  'TSInstantiationExpression',
  'ChainExpression',
]);

/** Removes `x as T`, `x!`, `x satisfies T`, `<T>x` (and optional-chain wrappers) around an expression. */
export function stripTsWrappers<N extends Node | null | undefined>(node: N): N | Node {
  let n: Node | null | undefined = node;
  while (n && TS_WRAPPERS.has(n.type)) n = (n as { expression: Node }).expression;
  return n as N | Node;
}

function isGlobal(env: Env, node: Node, name: string): boolean {
  const v = findVariable(env.getScope(node) as never, name) as Variable | null;
  return !v || v.defs.length === 0;
}

function isRelative(spec: string): boolean {
  return spec === '.' || spec === '..' || spec.startsWith('./') || spec.startsWith('../');
}

/** Whether an import of `spec` from a file of `env` can be looked up (relative, or type-aware resolution). */
function canFollowImport(env: Env, spec: string, st: State): boolean {
  if (!env.filename) return false;
  if (env.resolveModule && !st.resolveModule) st.resolveModule = env.resolveModule;
  return isRelative(spec) || st.resolveModule !== undefined;
}

/** Static name of a non-computed member / property key. */
function staticKeyName(key: Node, computed: boolean): string | undefined {
  if (!computed) {
    if (key.type === 'Identifier') return key.name;
    if (key.type === 'PrivateIdentifier') return '#' + key.name;
  }
  if (key.type === 'Literal' && (typeof key.value === 'string' || typeof key.value === 'number')) {
    return String(key.value);
  }
  if (key.type === 'TemplateLiteral' && key.expressions.length === 0) return key.quasis[0].value.cooked ?? undefined;
  return undefined;
}

function memberKey(env: Env, m: TSESTree.MemberExpression, st: State): string | Resolved {
  const name = staticKeyName(m.property, m.computed);
  if (name !== undefined) return name;
  if (!m.computed) return unknown('computed', m);
  const r = evalNode(env, m.property, st);
  if (r.kind === 'known' && (typeof r.value === 'string' || typeof r.value === 'number')) return String(r.value);
  if (r.kind === 'unknown') return unknown('computed', m);
  return unknown('computed', m);
}

/** The name of an env read: `process.env.X` → 'X' (or '' when the key is dynamic). */
function envReadName(env: Env, node: Node, st: State | undefined): string | undefined {
  const n = stripTsWrappers(node);
  if (n.type === 'MemberExpression') {
    if (isEnvObject(env, n.object)) {
      const k = staticKeyName(n.property, n.computed);
      if (k !== undefined) return k;
      if (st && n.computed) {
        const r = evalNode(env, n.property, st);
        if (r.kind === 'known' && typeof r.value === 'string') return r.value;
      }
      return '';
    }
    return undefined;
  }
  if (n.type === 'CallExpression' && n.callee.type === 'MemberExpression') {
    // Deno.env.get('X')
    const c = n.callee;
    if (staticKeyName(c.property, c.computed) !== 'get') return undefined;
    const o = stripTsWrappers(c.object);
    if (o.type !== 'MemberExpression' || staticKeyName(o.property, o.computed) !== 'env') return undefined;
    const d = stripTsWrappers(o.object);
    if (d.type !== 'Identifier' || d.name !== 'Deno' || !isGlobal(env, d, 'Deno')) return undefined;
    const a = n.arguments[0];
    return a && a.type === 'Literal' && typeof a.value === 'string' ? a.value : '';
  }
  return undefined;
}

/** `process.env`, `import.meta.env`, `Bun.env` (the object itself). */
function isEnvObject(env: Env, node: Node): boolean {
  const n = stripTsWrappers(node);
  if (n.type !== 'MemberExpression' || staticKeyName(n.property, n.computed) !== 'env') return false;
  const o = stripTsWrappers(n.object);
  if (o.type === 'MetaProperty') return o.meta.name === 'import' && o.property.name === 'meta';
  if (o.type === 'Identifier' && (o.name === 'process' || o.name === 'Bun')) return isGlobal(env, o, o.name);
  if (o.type === 'MemberExpression' && staticKeyName(o.property, o.computed) === 'process') {
    const g = stripTsWrappers(o.object);
    return g.type === 'Identifier' && (g.name === 'globalThis' || g.name === 'global') && isGlobal(env, g, g.name);
  }
  return false;
}

/**
 * Whether a node reads the environment: `process.env.X`, `process.env['X']`, `import.meta.env.X`,
 * `Bun.env.X`, `Deno.env.get('X')` (the global objects only, not shadowed bindings when the scope
 * can be checked — this helper has no context, so it checks the shape only).
 */
export function isEnvRead(node: Node): boolean {
  const shapeEnv: Env = {
    filename: '',
    program: undefined as never,
    getScope: () => ({ set: new Map(), upper: null, references: [], variables: [] }) as unknown as Scope,
  };
  return envReadName(shapeEnv, node, undefined) !== undefined || isEnvObject(shapeEnv, node);
}

// ---------------------------------------------------------------------------------------------
// Following identifiers

type Step = { key: string } | { index: number };

/** Where an identifier's value comes from. */
type Origin =
  | { kind: 'node'; node: Node; env: Env } // the value of this expression
  | { kind: 'path'; init: Node; steps: Step[]; fallback?: Node; env: Env } // destructured from `init`
  | { kind: 'export'; lookup: ExportLookup }
  | { kind: 'result'; result: Resolved };

const propertyWriteCache = new WeakMap<Variable, boolean>();

/** Whether a variable's object is mutated through it: `v.x = …`, `v.a.b++`, `delete v.x`, `Object.assign(v, …)`. */
function hasPropertyWrites(variable: Variable): boolean {
  let cached = propertyWriteCache.get(variable);
  if (cached !== undefined) return cached;
  cached = false;
  for (const ref of variable.references) {
    if (ref.init) continue;
    if (isMutationThrough(ref.identifier as Node)) {
      cached = true;
      break;
    }
  }
  propertyWriteCache.set(variable, cached);
  return cached;
}

/** @internal Whether `id` (a reference) is the base of a written member or the target of `Object.assign`. */
export function isMutationThrough(id: Node): boolean {
  let n: Node = id;
  while (n.parent && TS_WRAPPERS.has(n.parent.type)) n = n.parent;
  const p = n.parent;
  if (!p) return false;
  if (p.type === 'CallExpression' && p.arguments[0] === n && isObjectAssignCallee(p.callee)) return true;
  if (p.type !== 'MemberExpression' || p.object !== n) return false;
  const method = staticKeyName(p.property, p.computed);
  if (method && MUTATING_METHODS.has(method) && p.parent?.type === 'CallExpression' && p.parent.callee === p) return true;
  let m: Node = p;
  for (;;) {
    let up: Node | undefined = m.parent;
    while (up && TS_WRAPPERS.has(up.type)) {
      m = up;
      up = up.parent;
    }
    if (!up) return false;
    if (up.type === 'AssignmentExpression' && up.left === m) return true;
    if (up.type === 'UpdateExpression') return true;
    if (up.type === 'UnaryExpression' && up.operator === 'delete') return true;
    if (up.type === 'MemberExpression' && up.object === m) {
      const k = staticKeyName(up.property, up.computed);
      if (k && MUTATING_METHODS.has(k) && up.parent?.type === 'CallExpression' && up.parent.callee === up) return true;
      m = up;
      continue;
    }
    if (up.type === 'CallExpression' && up.arguments[0] === m && isObjectAssignCallee(up.callee)) return true;
    return false;
  }
}

const MUTATING_METHODS = new Set(['push', 'pop', 'shift', 'unshift', 'splice', 'sort', 'reverse', 'fill', 'copyWithin', 'set']);

function isObjectAssignCallee(callee: Node): boolean {
  const c = stripTsWrappers(callee);
  return (
    c.type === 'MemberExpression' &&
    stripTsWrappers(c.object).type === 'Identifier' &&
    (stripTsWrappers(c.object) as TSESTree.Identifier).name === 'Object' &&
    staticKeyName(c.property, c.computed) === 'assign'
  );
}

function patternPath(pattern: Node, name: string): { steps: Step[]; fallback?: Node } | undefined {
  switch (pattern.type) {
    case 'Identifier':
      return pattern.name === name ? { steps: [] } : undefined;
    case 'AssignmentPattern': {
      const inner = patternPath(pattern.left, name);
      if (!inner) return undefined;
      // the default applies to the value at this level; only the leaf default is modelled
      return inner.steps.length === 0 ? { steps: [], fallback: pattern.right } : { steps: inner.steps, fallback: inner.fallback };
    }
    case 'ObjectPattern':
      for (const p of pattern.properties) {
        if (p.type === 'RestElement') {
          if (patternPath(p.argument, name)) return undefined;
          continue;
        }
        const inner = patternPath(p.value, name);
        if (!inner) continue;
        const key = staticKeyName(p.key, p.computed);
        if (key === undefined) return undefined;
        return { steps: [{ key }, ...inner.steps], fallback: inner.fallback };
      }
      return undefined;
    case 'ArrayPattern':
      for (let i = 0; i < pattern.elements.length; i++) {
        const el = pattern.elements[i];
        if (!el) continue;
        if (el.type === 'RestElement') {
          if (patternPath(el.argument, name)) return undefined;
          continue;
        }
        const inner = patternPath(el, name);
        if (inner) return { steps: [{ index: i }, ...inner.steps], fallback: inner.fallback };
      }
      return undefined;
    default:
      return undefined;
  }
}

function valueDefs(variable: Variable): TSESLint.Scope.Definition[] {
  return variable.defs.filter((d) => (d.type as string) !== 'Type');
}

/** Where the value of identifier `id` comes from (one hop). */
function originOfIdentifier(env: Env, id: TSESTree.Identifier, st: State, crossFile: boolean): Origin {
  const variable = findVariable(env.getScope(id) as never, id) as Variable | null;
  if (!variable || variable.defs.length === 0) {
    if (id.name === 'undefined') return { kind: 'result', result: ABSENT };
    if (id.name === 'NaN') return { kind: 'result', result: known(NaN, id) };
    if (id.name === 'Infinity') return { kind: 'result', result: known(Infinity, id) };
    return { kind: 'result', result: unknown('global', id) };
  }
  return originOfVariable(env, variable, id, st, crossFile);
}

function originOfVariable(env: Env, variable: Variable, at: Node, st: State, crossFile: boolean): Origin {
  const defs = valueDefs(variable);
  if (defs.length !== 1) return { kind: 'result', result: unknown(defs.length ? 'reassigned' : 'other', at) };
  const def = defs[0];
  switch (def.type as string) {
    case 'Variable': {
      const declarator = def.node as TSESTree.VariableDeclarator;
      const decl = declarator.parent as TSESTree.VariableDeclaration;
      if (!declarator.init) return { kind: 'result', result: unknown('reassigned', at) };
      if (decl.kind !== 'const') {
        let writes = 0;
        for (const r of variable.references) if (r.isWrite()) writes++;
        if (writes !== 1) return { kind: 'result', result: unknown('reassigned', at) };
      }
      if (hasPropertyWrites(variable)) return { kind: 'result', result: unknown('reassigned', at) };
      if (declarator.id.type === 'Identifier') return { kind: 'node', node: declarator.init, env };
      const p = patternPath(declarator.id, variable.name);
      if (!p) return { kind: 'result', result: unknown('other', at) };
      return { kind: 'path', init: declarator.init, steps: p.steps, fallback: p.fallback, env };
    }
    case 'ImportBinding': {
      const spec = def.node;
      if (spec.type === 'TSImportEqualsDeclaration') {
        const ref = spec.moduleReference;
        if (ref.type !== 'TSExternalModuleReference' || ref.expression.type !== 'Literal') {
          return { kind: 'result', result: unknown('import', at) };
        }
        return importOrigin(env, String(ref.expression.value), '*', at, st, crossFile);
      }
      const decl = def.parent as TSESTree.ImportDeclaration;
      const source = String(decl.source.value);
      let name: string;
      if (spec.type === 'ImportDefaultSpecifier') name = 'default';
      else if (spec.type === 'ImportNamespaceSpecifier') name = '*';
      else {
        const imported = (spec as TSESTree.ImportSpecifier).imported;
        name = imported.type === 'Identifier' ? imported.name : String(imported.value);
      }
      return importOrigin(env, source, name, at, st, crossFile);
    }
    case 'Parameter':
      return { kind: 'result', result: unknown('parameter', at) };
    default:
      return { kind: 'result', result: unknown('other', at) };
  }
}

function importOrigin(env: Env, source: string, name: string, at: Node, st: State, crossFile: boolean): Origin {
  if (!crossFile || !canFollowImport(env, source, st)) return { kind: 'result', result: unknown('import', at) };
  return { kind: 'export', lookup: lookupExport(env.filename, source, name, st, at) };
}

// ---------------------------------------------------------------------------------------------
// Locating the defining node of an object-ish expression (for lazy member reads)

type Located =
  | { kind: 'object'; node: TSESTree.ObjectExpression; env: Env }
  | { kind: 'array'; node: TSESTree.ArrayExpression; env: Env }
  | { kind: 'module'; file: string; at: Node }
  | { kind: 'env-object'; node: Node }
  | { kind: 'other'; node: Node; env: Env } // evaluate fully
  | { kind: 'result'; result: Resolved };

function guard<T>(st: State, key: unknown, at: Node, f: () => T | Resolved): T | Resolved {
  if (st.visiting.has(key) || st.hops >= MAX_HOPS) return unknown('limit', at);
  st.visiting.add(key);
  st.hops++;
  try {
    return f();
  } finally {
    st.visiting.delete(key);
    st.hops--;
  }
}

function isResolved(x: unknown): x is Resolved {
  return (
    typeof x === 'object' &&
    x !== null &&
    'kind' in x &&
    ((x as Resolved).kind === 'known' || (x as Resolved).kind === 'unknown' || (x as Resolved).kind === 'absent')
  );
}

function requireSpecifier(env: Env, n: Node): string | undefined {
  if (n.type !== 'CallExpression' || n.callee.type !== 'Identifier' || n.callee.name !== 'require') return undefined;
  const a = n.arguments[0];
  if (!a || a.type !== 'Literal' || typeof a.value !== 'string' || n.arguments.length !== 1) return undefined;
  if (!isGlobal(env, n.callee, 'require')) return undefined;
  return a.value;
}

function locate(env: Env, node: Node, st: State): Located {
  const n = stripTsWrappers(node);
  if (n.type === 'ObjectExpression') return { kind: 'object', node: n, env };
  if (n.type === 'ArrayExpression') return { kind: 'array', node: n, env };
  if (isEnvObject(env, n)) return { kind: 'env-object', node: n };
  const spec = requireSpecifier(env, n);
  if (spec !== undefined) {
    if (!canFollowImport(env, spec, st)) return { kind: 'result', result: unknown('import', n) };
    return fromLookup(lookupExport(env.filename, spec, '*', st, n), st, n);
  }
  if (n.type === 'Identifier') {
    const r = guard(st, n, n, () => fromOrigin(originOfIdentifier(env, n, st, true), st, n));
    return isResolved(r) ? { kind: 'result', result: r } : r;
  }
  if (n.type === 'CallExpression' && isObjectCall(env, n, 'freeze') && n.arguments[0]) return locate(env, n.arguments[0], st);
  if (n.type === 'MemberExpression') {
    const member = enumMember(env, n, st);
    if (member) return member.initializer ? locate(env, member.initializer, st) : { kind: 'result', result: unknown('other', n) };
    const r = guard(st, n, n, () => {
      const key = n.object.type === 'ThisExpression' ? undefined : memberKey(env, n, st);
      if (key === undefined) {
        const o = thisMemberOrigin(env, n, st);
        return fromOrigin(o, st, n);
      }
      if (typeof key !== 'string') return key;
      const m = memberOf(env, n.object, key, st, n);
      return m;
    });
    return isResolved(r) ? { kind: 'result', result: r } : r;
  }
  if (n.type === 'ConditionalExpression') {
    const t = evalNode(env, n.test, st);
    if (t.kind !== 'unknown') return locate(env, truthy(t) ? n.consequent : n.alternate, st);
  }
  return { kind: 'other', node: n, env };
}

function isObjectCall(env: Env, n: TSESTree.CallExpression, method: string): boolean {
  const c = stripTsWrappers(n.callee);
  if (c.type !== 'MemberExpression' || staticKeyName(c.property, c.computed) !== method) return false;
  const o = stripTsWrappers(c.object);
  return o.type === 'Identifier' && o.name === 'Object' && isGlobal(env, o, 'Object');
}

/** `E.A` where `E` is a (non-merged) TS enum declared in this file. */
function enumMember(env: Env, m: TSESTree.MemberExpression, st: State): TSESTree.TSEnumMember | undefined {
  const o = stripTsWrappers(m.object);
  if (o.type !== 'Identifier') return undefined;
  const v = findVariable(env.getScope(o) as never, o) as Variable | null;
  const defs = v ? valueDefs(v) : [];
  if (defs.length !== 1 || (defs[0].type as string) !== 'TSEnumName') return undefined;
  const decl = defs[0].node as TSESTree.TSEnumDeclaration;
  const key = memberKey(env, m, st);
  if (typeof key !== 'string') return undefined;
  const members = (decl as { body?: { members: TSESTree.TSEnumMember[] } }).body?.members ?? [];
  return members.find((mem) => staticKeyName(mem.id, mem.computed ?? false) === key);
}

function truthy(r: Resolved): boolean {
  return r.kind === 'known' ? Boolean(r.value) : false;
}

function fromLookup(lookup: ExportLookup, st: State, at: Node): Located {
  switch (lookup.kind) {
    case 'module':
      return lookup;
    case 'node':
      return locate(lookup.env, lookup.node, st);
    case 'member': {
      const m = memberOf(lookup.env, lookup.object, lookup.key, st, at);
      return isResolved(m) ? { kind: 'result', result: m } : m;
    }
    default:
      return { kind: 'result', result: lookup };
  }
}

function fromOrigin(o: Origin, st: State, at: Node): Located {
  switch (o.kind) {
    case 'result':
      return { kind: 'result', result: o.result };
    case 'node':
      return locate(o.env, o.node, st);
    case 'export':
      return fromLookup(o.lookup, st, at);
    case 'path': {
      const r = followPath(o.env, o.init, o.steps, o.fallback, st, at);
      return isResolved(r) ? { kind: 'result', result: r } : r;
    }
  }
}

function followPath(env: Env, init: Node, steps: Step[], fallback: Node | undefined, st: State, at: Node): Located | Resolved {
  let cur: Located = locate(env, init, st);
  for (const step of steps) {
    const key = 'key' in step ? step.key : String(step.index);
    const next = memberOfLocated(cur, key, st, at);
    if (isResolved(next)) {
      if (next.kind === 'absent' && fallback && step === steps[steps.length - 1]) return locate(env, fallback, st);
      return next;
    }
    cur = next;
  }
  if (fallback) {
    // a default applies when the value is undefined
    const r = evalLocated(cur, st);
    if (r.kind === 'absent') return locate(env, fallback, st);
  }
  return cur;
}

/** The defining location of `object[key]`. */
function memberOf(env: Env, object: Node, key: string, st: State, at: Node): Located | Resolved {
  return memberOfLocated(locate(env, object, st), key, st, at);
}

function memberOfLocated(obj: Located, key: string, st: State, at: Node): Located | Resolved {
  switch (obj.kind) {
    case 'result': {
      const r = obj.result;
      if (r.kind !== 'known') return r.kind === 'absent' ? unknown('other', at) : r;
      return readProperty(r.value, key, r.node);
    }
    case 'env-object':
      return unknown('env', obj.node);
    case 'module':
      return fromLookup(lookupExportInFile(obj.file, key, st, at), st, at);
    case 'array': {
      if (key === 'length' || !/^\d+$/.test(key)) {
        const r = evalNode(obj.env, obj.node, st);
        return r.kind === 'known' ? readProperty(r.value, key, obj.node) : r;
      }
      const idx = Number(key);
      const els = obj.node.elements;
      for (let i = 0; i < els.length && i <= idx; i++) {
        if (els[i]?.type === 'SpreadElement') {
          const r = evalNode(obj.env, obj.node, st);
          return r.kind === 'known' ? readProperty(r.value, key, obj.node) : r;
        }
      }
      const el = els[idx];
      if (!el) return ABSENT;
      return locate(obj.env, el, st);
    }
    case 'object': {
      const props = obj.node.properties;
      for (let i = props.length - 1; i >= 0; i--) {
        const p = props[i];
        if (p.type === 'SpreadElement') {
          const inner = memberOf(obj.env, p.argument, key, st, at);
          if (isResolved(inner)) {
            if (inner.kind === 'absent') continue;
            if (inner.kind === 'unknown') return unknown(inner.reason === 'limit' || inner.reason === 'env' ? inner.reason : 'spread', p);
            return inner;
          }
          return inner;
        }
        const k = staticKeyName(p.key, p.computed);
        let name = k;
        if (name === undefined) {
          if (!p.computed) return unknown('computed', p);
          const kr = evalNode(obj.env, p.key, st);
          if (kr.kind === 'known' && (typeof kr.value === 'string' || typeof kr.value === 'number')) name = String(kr.value);
          else return unknown('computed', p);
        }
        if (name !== key) continue;
        if (p.kind !== 'init' || p.method) return unknown('other', p);
        return locate(obj.env, p.value, st);
      }
      if (key === '__proto__' || !Object.prototype.hasOwnProperty.call(Object.prototype, key)) return ABSENT;
      return unknown('other', at);
    }
    case 'other': {
      const r = evalNode(obj.env, obj.node, st);
      if (r.kind !== 'known') return r.kind === 'absent' ? unknown('other', at) : r;
      return readProperty(r.value, key, r.node);
    }
  }
}

function readProperty(value: unknown, key: string, node: Node): Resolved {
  if (value === null || value === undefined) return unknown('other', node);
  if (typeof value === 'string') {
    if (key === 'length') return known(value.length, node);
    if (/^\d+$/.test(key)) return known(value[Number(key)], node);
    return unknown('other', node);
  }
  if (Array.isArray(value) || value instanceof Uint8Array) {
    if (key === 'length') return known(value.length, node);
    if (/^\d+$/.test(key)) return known(value[Number(key)], node);
    return unknown('other', node);
  }
  if (typeof value === 'object') {
    if (Object.prototype.hasOwnProperty.call(value, key)) return known((value as Record<string, unknown>)[key], node);
    if (key in Object.prototype) return unknown('other', node);
    return ABSENT;
  }
  return unknown('other', node);
}

function evalLocated(l: Located, st: State): Resolved {
  switch (l.kind) {
    case 'result':
      return l.result;
    case 'env-object':
      return unknown('env', l.node);
    case 'module':
      return moduleNamespaceValue(l.file, st, l.at);
    default:
      return evalObjectOrOther(l.env, l.node, st);
  }
}

// ---------------------------------------------------------------------------------------------
// Class fields through `this`

interface FieldWrite {
  value: Node | undefined; // undefined: a compound write (`+=`, `++`)
  isStatic: boolean;
  inConstructor: boolean;
  isInitialiser: boolean;
}
interface ClassInfo {
  writes: Map<string, FieldWrite[]>;
  parameters: Set<string>;
}
const classInfoCache = new WeakMap<Node, ClassInfo>();

/** The class whose `this` a node sees, and whether that `this` is the class itself (static). */
function thisContext(node: Node): { cls: TSESTree.ClassBody; isStatic: boolean; inConstructor: boolean } | undefined {
  let child: Node = node;
  for (let n = node.parent; n; child = n, n = n.parent) {
    if (n.type === 'ArrowFunctionExpression') continue;
    if (n.type === 'FunctionExpression') {
      const m = n.parent;
      if (m && m.type === 'MethodDefinition' && m.value === n) {
        return { cls: m.parent as TSESTree.ClassBody, isStatic: m.static, inConstructor: m.kind === 'constructor' };
      }
      return undefined;
    }
    if (n.type === 'PropertyDefinition' && n.value === child) {
      return { cls: n.parent as TSESTree.ClassBody, isStatic: n.static, inConstructor: false };
    }
    if (n.type === 'StaticBlock') return { cls: n.parent as TSESTree.ClassBody, isStatic: true, inConstructor: false };
    if (n.type === 'FunctionDeclaration' || n.type === 'ClassBody' || n.type === 'Program') return undefined;
  }
  return undefined;
}

function classInfo(body: TSESTree.ClassBody): ClassInfo {
  let info = classInfoCache.get(body);
  if (info) return info;
  info = { writes: new Map(), parameters: new Set() };
  const add = (key: string, w: FieldWrite) => {
    const list = info!.writes.get(key) ?? [];
    list.push(w);
    info!.writes.set(key, list);
  };
  const scan = (root: Node, isStatic: boolean, inConstructor: boolean) => {
    const stack: Node[] = [root];
    while (stack.length) {
      const n = stack.pop()!;
      if (n.type === 'FunctionExpression' || n.type === 'FunctionDeclaration' || n.type === 'ClassBody') continue;
      let target: Node | undefined;
      let value: Node | undefined;
      if (n.type === 'AssignmentExpression') {
        target = stripTsWrappers(n.left);
        value = n.operator === '=' ? n.right : undefined;
      } else if (n.type === 'UpdateExpression') target = stripTsWrappers(n.argument);
      if (target && target.type === 'MemberExpression' && target.object.type === 'ThisExpression') {
        const key = staticKeyName(target.property, target.computed);
        // an unknown computed write could hit any field
        add(key ?? '*', { value, isStatic, inConstructor, isInitialiser: false });
      }
      for (const k of Object.keys(n)) {
        if (k === 'parent') continue;
        const v = (n as unknown as Record<string, unknown>)[k];
        if (Array.isArray(v)) {
          for (const c of v) if (c && typeof c === 'object' && typeof (c as Node).type === 'string') stack.push(c as Node);
        } else if (v && typeof v === 'object' && typeof (v as Node).type === 'string') stack.push(v as Node);
      }
    }
  };
  for (const m of body.body) {
    if (m.type === 'PropertyDefinition') {
      const key = staticKeyName(m.key, m.computed);
      if (key !== undefined && m.value) add(key, { value: m.value, isStatic: m.static, inConstructor: false, isInitialiser: true });
      if (m.value) scan(m.value, m.static, false);
    } else if (m.type === 'MethodDefinition') {
      if (m.kind === 'constructor') {
        for (const p of m.value.params) {
          if (p.type === 'TSParameterProperty') {
            const id = p.parameter.type === 'AssignmentPattern' ? p.parameter.left : p.parameter;
            if (id.type === 'Identifier') info.parameters.add(id.name);
          }
        }
      }
      if (m.value.body) scan(m.value.body, m.static, m.kind === 'constructor');
    } else if (m.type === 'StaticBlock') {
      for (const s of m.body) scan(s, true, false);
    }
  }
  classInfoCache.set(body, info);
  return info;
}

function thisMemberOrigin(env: Env, m: TSESTree.MemberExpression, st: State): Origin {
  const keyOrR = memberKey(env, m, st);
  if (typeof keyOrR !== 'string') return { kind: 'result', result: keyOrR };
  const ctx = thisContext(m);
  if (!ctx) return { kind: 'result', result: unknown('other', m) };
  const info = classInfo(ctx.cls);
  if (!ctx.isStatic && info.parameters.has(keyOrR)) return { kind: 'result', result: unknown('parameter', m) };
  const writes = [...(info.writes.get(keyOrR) ?? []), ...(info.writes.get('*') ?? [])].filter(
    (w) => w.isStatic === ctx.isStatic,
  );
  if (writes.length === 0) return { kind: 'result', result: unknown('other', m) };
  if (writes.length > 1) return { kind: 'result', result: unknown('reassigned', m) };
  const w = writes[0];
  if (!w.value || !(w.isInitialiser || w.inConstructor)) return { kind: 'result', result: unknown('reassigned', m) };
  return { kind: 'node', node: w.value, env };
}

// ---------------------------------------------------------------------------------------------
// Evaluation

function evalOrigin(o: Origin, st: State, at: Node): Resolved {
  return evalLocated(fromOrigin(o, st, at), st);
}

function evalNode(env: Env, node: Node | null | undefined, st: State): Resolved {
  if (!node) return ABSENT;
  if (node.type === 'Literal') return evalInner(env, node, st); // cheap: huge literal arrays stay known
  if (st.nest >= MAX_NEST || ++st.steps > MAX_STEPS) return unknown('limit', node);
  st.nest++;
  try {
    return evalInner(env, node, st);
  } finally {
    st.nest--;
  }
}

/** Value of `r` for combining: absent is `undefined`. */
function val(r: Resolved): { ok: true; value: unknown } | { ok: false } {
  if (r.kind === 'known') return { ok: true, value: r.value };
  if (r.kind === 'absent') return { ok: true, value: undefined };
  return { ok: false };
}

function isPrimitive(v: unknown): boolean {
  return v === null || (typeof v !== 'object' && typeof v !== 'function');
}

function evalObjectOrOther(env: Env, n: Node, st: State): Resolved {
  if (n.type === 'ObjectExpression') {
    const out: Record<string, unknown> = {};
    for (const p of n.properties) {
      if (p.type === 'SpreadElement') {
        const r = evalNode(env, p.argument, st);
        if (r.kind === 'absent' || (r.kind === 'known' && r.value === null)) continue;
        if (r.kind !== 'known' || typeof r.value !== 'object') return unknown('spread', p);
        Object.assign(out, r.value);
        continue;
      }
      let key = staticKeyName(p.key, p.computed);
      if (key === undefined) {
        const kr = p.computed ? evalNode(env, p.key, st) : ABSENT;
        if (kr.kind === 'known' && (typeof kr.value === 'string' || typeof kr.value === 'number')) key = String(kr.value);
        else return unknown('computed', p);
      }
      if (p.kind !== 'init' || p.method) return unknown('other', p);
      const r = evalNode(env, p.value, st);
      if (r.kind === 'unknown') return r;
      if (key === '__proto__' && !p.computed) continue;
      Object.defineProperty(out, key, { value: r.kind === 'known' ? r.value : undefined, enumerable: true, writable: true, configurable: true });
    }
    return known(out, n);
  }
  if (n.type === 'ArrayExpression') {
    const out: unknown[] = [];
    for (const el of n.elements) {
      if (!el) {
        out.push(undefined);
        continue;
      }
      if (el.type === 'SpreadElement') {
        const r = evalNode(env, el.argument, st);
        if (r.kind !== 'known' || !(Array.isArray(r.value) || typeof r.value === 'string')) {
          return unknown('spread', el);
        }
        out.push(...(r.value as unknown[]));
        continue;
      }
      const r = evalNode(env, el, st);
      if (r.kind === 'unknown') return r;
      out.push(r.kind === 'known' ? r.value : undefined);
    }
    return known(out, n);
  }
  return evalNode(env, n, st);
}

const BINARY: Record<string, (a: any, b: any) => unknown> = {
  '+': (a, b) => a + b,
  '-': (a, b) => a - b,
  '*': (a, b) => a * b,
  '/': (a, b) => a / b,
  '%': (a, b) => a % b,
  '**': (a, b) => a ** b,
  '==': (a, b) => a == b,
  '!=': (a, b) => a != b,
  '===': (a, b) => a === b,
  '!==': (a, b) => a !== b,
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
  '|': (a, b) => a | b,
  '&': (a, b) => a & b,
  '^': (a, b) => a ^ b,
  '<<': (a, b) => a << b,
  '>>': (a, b) => a >> b,
  '>>>': (a, b) => a >>> b,
};

const STRING_METHODS = new Set([
  'trim', 'trimStart', 'trimEnd', 'toLowerCase', 'toUpperCase', 'slice', 'substring', 'concat', 'padStart',
  'padEnd', 'charAt', 'at', 'normalize', 'startsWith', 'endsWith', 'includes', 'indexOf', 'split',
]);

const ENCODINGS = new Set(['utf8', 'utf-8', 'base64', 'base64url', 'hex', 'latin1', 'binary', 'ascii', 'ucs2', 'utf16le']);

function unknownFrom(r: Resolved, fallback: UnknownReason, node: Node): Resolved {
  return r.kind === 'unknown' ? r : unknown(fallback, node);
}

/** `Buffer.from(x, enc?)` / `new TextEncoder().encode(x)` / `String(x)` / `x.toString()`: the wrapped argument. */
function wrappedArgument(env: Env, n: Node): { kind: 'bytes' | 'string'; arg: Node | undefined; encoding?: Node } | undefined {
  if (n.type !== 'CallExpression') return undefined;
  const callee = stripTsWrappers(n.callee);
  if (callee.type === 'Identifier' && callee.name === 'String' && isGlobal(env, callee, 'String')) {
    return { kind: 'string', arg: n.arguments[0] };
  }
  if (callee.type !== 'MemberExpression') return undefined;
  const method = staticKeyName(callee.property, callee.computed);
  const obj = stripTsWrappers(callee.object);
  if (method === 'from' && obj.type === 'Identifier' && obj.name === 'Buffer' && isGlobal(env, obj, 'Buffer')) {
    return { kind: 'bytes', arg: n.arguments[0], encoding: n.arguments[1] };
  }
  if (method === 'encode' && isTextEncoder(env, obj)) return { kind: 'bytes', arg: n.arguments[0] };
  if (method === 'toString' && n.arguments.length === 0) return { kind: 'string', arg: callee.object };
  return undefined;
}

function isTextEncoder(env: Env, node: Node): boolean {
  let n = stripTsWrappers(node);
  if (n.type === 'Identifier') {
    const o = originOfIdentifier(env, n, newState(), false);
    if (o.kind !== 'node') return false;
    n = stripTsWrappers(o.node);
  }
  return (
    n.type === 'NewExpression' &&
    n.callee.type === 'Identifier' &&
    n.callee.name === 'TextEncoder' &&
    isGlobal(env, n.callee, 'TextEncoder')
  );
}

function evalInner(env: Env, node: Node, st: State): Resolved {
  const n = stripTsWrappers(node);
  switch (n.type) {
    case 'Literal':
      if ('regex' in n && n.regex) return unknown('other', n);
      return known(n.value, n);
    case 'TemplateLiteral': {
      let s = n.quasis[0].value.cooked ?? '';
      for (let i = 0; i < n.expressions.length; i++) {
        const r = evalNode(env, n.expressions[i], st);
        const v = val(r);
        if (!v.ok) return r;
        if (!isPrimitive(v.value) && !Array.isArray(v.value)) return unknown('other', n);
        s += String(v.value) + (n.quasis[i + 1].value.cooked ?? '');
      }
      return known(s, n);
    }
    case 'Identifier': {
      if (isEnvObject(env, n)) return unknown('env', n);
      return guard(st, n, n, () => evalOrigin(originOfIdentifier(env, n, st, true), st, n)) as Resolved;
    }
    case 'ObjectExpression':
    case 'ArrayExpression':
      return evalObjectOrOther(env, n, st);
    case 'MemberExpression': {
      if (envReadName(env, n, st) !== undefined || isEnvObject(env, n)) return unknown('env', n);
      const l = locate(env, n, st);
      return evalLocated(l.kind === 'other' && l.node === n ? { kind: 'result', result: fallbackStatic(env, n) } : l, st);
    }
    case 'BinaryExpression': {
      if (n.left.type === 'PrivateIdentifier') return unknown('other', n);
      const fn = BINARY[n.operator];
      if (!fn) return fallbackStatic(env, n);
      const a = evalNode(env, n.left, st);
      const va = val(a);
      if (!va.ok) return a;
      const b = evalNode(env, n.right, st);
      const vb = val(b);
      if (!vb.ok) return b;
      if (!isPrimitive(va.value) || !isPrimitive(vb.value)) return unknown('other', n);
      try {
        return known(fn(va.value, vb.value), n);
      } catch {
        return unknown('other', n);
      }
    }
    case 'LogicalExpression': {
      const a = evalNode(env, n.left, st);
      const va = val(a);
      if (!va.ok) return a;
      const takeLeft =
        n.operator === '||' ? Boolean(va.value) : n.operator === '&&' ? !va.value : va.value !== null && va.value !== undefined;
      return takeLeft ? a : evalNode(env, n.right, st);
    }
    case 'ConditionalExpression': {
      const t = evalNode(env, n.test, st);
      const vt = val(t);
      if (vt.ok) return evalNode(env, vt.value ? n.consequent : n.alternate, st);
      const a = evalNode(env, n.consequent, st);
      const b = evalNode(env, n.alternate, st);
      if (a.kind === 'known' && b.kind === 'known' && isPrimitive(a.value) && Object.is(a.value, b.value)) return a;
      if (a.kind === 'absent' && b.kind === 'absent') return ABSENT;
      return a.kind === 'unknown' ? a : b.kind === 'unknown' ? b : t;
    }
    case 'UnaryExpression': {
      if (n.operator === 'void') return ABSENT;
      if (n.operator === 'delete') return unknown('other', n);
      const a = evalNode(env, n.argument, st);
      const v = val(a);
      if (!v.ok) return a;
      switch (n.operator) {
        case '!':
          return known(!v.value, n);
        case 'typeof':
          return known(v.value instanceof Uint8Array ? 'object' : typeof v.value, n);
        default:
          if (!isPrimitive(v.value)) return unknown('other', n);
          try {
            const x = v.value as number;
            return known(n.operator === '-' ? -x : n.operator === '+' ? +x : ~x, n);
          } catch {
            return unknown('other', n);
          }
      }
    }
    case 'CallExpression': {
      if (envReadName(env, n, st) !== undefined) return unknown('env', n);
      const spec = requireSpecifier(env, n);
      if (spec !== undefined) return evalLocated(locate(env, n, st), st);
      const w = wrappedArgument(env, n);
      if (w) {
        const r = evalNode(env, w.arg, st);
        if (r.kind !== 'known') return unknownFrom(r, 'call', n);
        if (w.kind === 'string') {
          if (!isPrimitive(r.value)) return unknown('call', n);
          return known(String(r.value), n);
        }
        let encoding = 'utf8';
        if (w.encoding) {
          const e = evalNode(env, w.encoding, st);
          if (e.kind !== 'known' || typeof e.value !== 'string' || !ENCODINGS.has(e.value.toLowerCase())) return unknownFrom(e, 'call', n);
          encoding = e.value.toLowerCase();
        }
        if (typeof r.value === 'string') return known(new Uint8Array(Buffer.from(r.value, encoding as BufferEncoding)), n);
        if (r.value instanceof Uint8Array) return known(new Uint8Array(r.value), n);
        if (Array.isArray(r.value) && r.value.every((x) => typeof x === 'number')) return known(Uint8Array.from(r.value as number[]), n);
        return unknown('call', n);
      }
      const callee = stripTsWrappers(n.callee);
      if (callee.type === 'MemberExpression') {
        const method = staticKeyName(callee.property, callee.computed);
        const obj = stripTsWrappers(callee.object);
        if (method === 'freeze' && obj.type === 'Identifier' && obj.name === 'Object' && isGlobal(env, obj, 'Object')) {
          return evalNode(env, n.arguments[0], st);
        }
        if (method && STRING_METHODS.has(method) && !n.arguments.some((a) => a.type === 'SpreadElement')) {
          const o = evalNode(env, callee.object, st);
          if (o.kind === 'known' && typeof o.value === 'string') {
            const args: unknown[] = [];
            for (const a of n.arguments) {
              const v = val(evalNode(env, a, st));
              if (!v.ok || !isPrimitive(v.value)) return unknown('call', n);
              args.push(v.value);
            }
            return known((String.prototype as any)[method].apply(o.value, args), n);
          }
        }
      }
      const s = fallbackStatic(env, n);
      return s.kind === 'unknown' ? unknown('call', n) : s;
    }
    case 'NewExpression':
    case 'ImportExpression':
    case 'AwaitExpression':
    case 'TaggedTemplateExpression':
      return fallbackOr(env, n, 'call');
    case 'ThisExpression':
    case 'FunctionExpression':
    case 'ArrowFunctionExpression':
    case 'ClassExpression':
      return unknown('other', n);
    default:
      return fallbackStatic(env, n);
  }
}

function fallbackOr(env: Env, n: Node, reason: UnknownReason): Resolved {
  const r = fallbackStatic(env, n);
  return r.kind === 'unknown' ? unknown(reason, n) : r;
}

function fallbackStatic(env: Env, n: Node): Resolved {
  let s: { value: unknown; optional?: true } | null;
  try {
    s = getStaticValue(n as never, env.getScope(n) as never) as { value: unknown; optional?: true } | null;
  } catch {
    s = null;
  }
  if (!s) return unknown('other', n);
  return known(s.value, n);
}

// ---------------------------------------------------------------------------------------------
// Public API

const resolveCache = new WeakMap<Node, Resolved>();

/** Replaces nodes of other modules by the node that was asked about. */
function localise(r: Resolved, at: Node): Resolved {
  if (r.kind === 'absent' || !isForeignNode(r.node) || isForeignNode(at)) return r;
  return { ...r, node: at };
}

/** What `node` is known to evaluate to: known (with the value), unknown (with a reason) or absent. */
export function resolveValue(context: AnyContext, node: Node | null | undefined): Resolved {
  if (!node) return ABSENT;
  const cached = resolveCache.get(node);
  if (cached) return cached;
  const r = localise(evalNode(envOf(context, node), node, newState()), node);
  resolveCache.set(node, r);
  return r;
}

/** @internal Evaluates a node of a given env under an existing state (used by modules.ts). */
export function evaluateIn(env: Env, node: Node, st: State): Resolved {
  return evalNode(env, node, st);
}

/** @internal Follows a member of a located module export (used by modules.ts). */
export function evaluateLookup(lookup: ExportLookup, st: State, at: Node): Resolved {
  return evalLocated(fromLookup(lookup, st, at), st);
}

/**
 * Every value an expression can take: each branch of `a || b`, `a ?? b`, `c ? a : b` (only the taken
 * branch when the condition is known), through identifiers, TS wrappers, `Buffer.from(x)`,
 * `new TextEncoder().encode(x)`, `String(x)` and single-expression templates.
 */
export function valueSources(context: AnyContext, node: Node | null | undefined): ValueSource[] {
  if (!node) return [];
  const out: ValueSource[] = [];
  sourcesOf(envOf(context, node), node, newState(), out, node, (s) => s);
  return out;
}

function sourcesOf(
  env: Env,
  node: Node,
  st: State,
  out: ValueSource[],
  anchor: Node,
  map: (s: string) => string,
): void {
  const n = stripTsWrappers(node);
  const at = (x: Node) => (isForeignNode(x) && !isForeignNode(anchor) ? anchor : x);
  const fromResolved = (r: Resolved) => {
    if (r.kind === 'known') out.push({ kind: 'literal', value: typeof r.value === 'string' ? map(r.value) : r.value, node: at(r.node) });
    else if (r.kind === 'unknown') {
      if (r.reason === 'env') out.push({ kind: 'env', node: at(r.node) });
      else out.push({ kind: 'unknown', reason: r.reason, node: at(r.node) });
    }
    // absent: no value to list
  };
  if (st.nest >= MAX_NEST || out.length > 64) {
    out.push({ kind: 'unknown', reason: 'limit', node: at(n) });
    return;
  }
  st.nest++;
  try {
    const envName = envReadName(env, n, st);
    if (envName !== undefined) {
      out.push(envName ? { kind: 'env', name: envName, node: at(n) } : { kind: 'env', node: at(n) });
      return;
    }
    switch (n.type) {
      case 'LogicalExpression': {
        const a = evalNode(env, n.left, st);
        const va = val(a);
        if (va.ok) {
          const takeLeft =
            n.operator === '||' ? Boolean(va.value) : n.operator === '&&' ? !va.value : va.value !== null && va.value !== undefined;
          sourcesOf(env, takeLeft ? n.left : n.right, st, out, anchor, map);
          return;
        }
        sourcesOf(env, n.left, st, out, anchor, map);
        sourcesOf(env, n.right, st, out, anchor, map);
        return;
      }
      case 'ConditionalExpression': {
        const vt = val(evalNode(env, n.test, st));
        if (vt.ok) {
          sourcesOf(env, vt.value ? n.consequent : n.alternate, st, out, anchor, map);
          return;
        }
        sourcesOf(env, n.consequent, st, out, anchor, map);
        sourcesOf(env, n.alternate, st, out, anchor, map);
        return;
      }
      case 'TemplateLiteral': {
        if (n.expressions.length === 1) {
          const pre = n.quasis[0].value.cooked ?? '';
          const post = n.quasis[1].value.cooked ?? '';
          sourcesOf(env, n.expressions[0], st, out, anchor, (s) => map(pre + s + post));
          return;
        }
        break;
      }
      case 'Identifier': {
        if (n.name === 'undefined' || isEnvObject(env, n)) break;
        const r = guard(st, n, n, () => {
          const o = originOfIdentifier(env, n, st, true);
          if (o.kind === 'node') {
            sourcesOf(o.env, o.node, st, out, anchor, map);
            return undefined;
          }
          if (o.kind === 'path' && o.steps.length === 1 && 'key' in o.steps[0] && isEnvObject(o.env, o.init)) {
            out.push({ kind: 'env', name: o.steps[0].key, node: at(n) });
            if (o.fallback) sourcesOf(o.env, o.fallback, st, out, anchor, map);
            return undefined;
          }
          if (o.kind === 'export' && o.lookup.kind === 'node') {
            sourcesOf(o.lookup.env, o.lookup.node, st, out, anchor, map);
            return undefined;
          }
          return evalOrigin(o, st, n);
        });
        if (r) fromResolved(r);
        return;
      }
      case 'MemberExpression': {
        const l = locate(env, n, st);
        if (l.kind === 'object' || l.kind === 'array' || (l.kind === 'other' && l.node !== n)) {
          sourcesOf(l.env, l.node, st, out, anchor, map);
          return;
        }
        break;
      }
      case 'CallExpression': {
        const w = wrappedArgument(env, n);
        if (w && w.arg && !w.encoding) {
          sourcesOf(env, w.arg, st, out, anchor, map);
          return;
        }
        if (w && w.arg && w.encoding) {
          // an encoded literal is still a literal; keep env / unknown branches of the data
          const inner: ValueSource[] = [];
          sourcesOf(env, w.arg, st, inner, anchor, (s) => s);
          // all branches literal: the whole call is known (bytes, below); otherwise keep every branch, the literal
          // ones too (`Buffer.from(process.env.S || 'dev', 'base64')` still has a hard-coded fallback)
          if (!inner.every((s) => s.kind === 'literal')) {
            out.push(...inner);
            return;
          }
        }
        break;
      }
    }
    fromResolved(evalNode(env, n, st));
  } finally {
    st.nest--;
  }
}

/**
 * The expression that defines `node`'s value in this file: follows `const` / write-once `let`
 * bindings (including destructuring of object literals), class fields through `this` and TS
 * wrappers. Imports are not followed. Returns the node itself when it cannot go further.
 */
export function resolveExpression(context: AnyContext, node: Node): Node {
  const env = envOf(context, node);
  const st = newState();
  let cur: Node = node;
  for (let i = 0; i < MAX_HOPS; i++) {
    const n = stripTsWrappers(cur);
    let o: Origin | undefined;
    if (n.type === 'Identifier') o = originOfIdentifier(env, n, st, false);
    else if (n.type === 'MemberExpression' && n.object.type === 'ThisExpression') o = thisMemberOrigin(env, n, st);
    if (!o) return n;
    if (o.kind === 'node') {
      cur = o.node;
      continue;
    }
    if (o.kind === 'path' && !o.fallback) {
      let l: Located | Resolved = locate(env, o.init, st);
      for (const step of o.steps) {
        if (isResolved(l)) break;
        l = memberOfLocated(l, 'key' in step ? step.key : String(step.index), st, n);
      }
      if (!isResolved(l) && (l.kind === 'object' || l.kind === 'array' || l.kind === 'other') && !isForeignNode(l.node)) {
        cur = l.node;
        continue;
      }
    }
    return n;
  }
  return stripTsWrappers(cur);
}

// ---------------------------------------------------------------------------------------------
// Internals shared with options.ts (not part of the rule-facing API)

/** @internal The file environment of a node (the linted file or a module read by modules.ts). */
export function envFor(context: AnyContext, node: Node): Env {
  return envOf(context, node);
}

/** @internal The variable an identifier refers to, in its own file's scope. */
export function variableOf(env: Env, id: TSESTree.Identifier): Variable | null {
  return findVariable(env.getScope(id) as never, id) as Variable | null;
}

/** @internal The object literal an expression is defined by (through bindings, imports, `this`), if any. */
export function locateObjectLiteral(env: Env, node: Node, st: State): { node: TSESTree.ObjectExpression; env: Env } | undefined {
  const l = locate(env, node, st);
  return l.kind === 'object' ? { node: l.node, env: l.env } : undefined;
}
