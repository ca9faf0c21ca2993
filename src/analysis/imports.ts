/**
 * Where this file uses a modelled JWT library: every call or construction of a modelled API, found through the
 * import model (ESM imports, `require`, `await import()`, TS `import x = require()`, promisify, builder chains) —
 * never by a method's name alone. One pass per file, shared by all rules through a WeakMap on the Program node.
 */
import { CALL, CONSTRUCT, ESM, READ, ReferenceTracker, getPropertyName, getStringIfConstant } from '@eslint-community/eslint-utils';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { libraries } from '../models/index.js';
import type { ApiModel, ArgRole, ExportNode, ExportTree, LibraryModel, OptionConcept } from '../models/types.js';
import { readObject } from './options.js';
import { resolveExpression, resolveValue, stripTsWrappers, type AnyContext } from './values.js';

export interface ChainCall {
  /** the method name, e.g. `setExpirationTime` */
  name: string;
  node: TSESTree.CallExpression;
}

export interface JwtUsage {
  /** model id: 'jsonwebtoken', 'jose', … */
  library: string;
  /** dotted export path: 'jsonwebtoken.verify', 'jose.SignJWT' */
  api: string;
  model: ApiModel;
  node: TSESTree.CallExpression | TSESTree.NewExpression;
  /** builder calls that follow a construct, in source order (empty for plain calls) */
  chain: ChainCall[];
  /** the builder object escapes (returned, passed on, stored): its chain may be completed elsewhere */
  chainEscapes: boolean;
  /**
   * Set for usages whose model `inherits` defaults (fast-jwt `signer(…)`, Nest `this.jwtService.sign(…)`,
   * `fastify.jwt.sign(…)`): where the defaults come from. See `getUsageOption`.
   */
  defaults?: UsageDefaults;
  /**
   * The options when they are not a positional argument: the object a factory returns
   * (`JwtModule.registerAsync({ useFactory })`), or `'unknown'` when that cannot be read. `getArg(usage, 'options')`
   * answers from it.
   */
  optionsNode?: TSESTree.Node | 'unknown';
}

export interface UsageDefaults {
  /**
   * The configuring usage (`createSigner(opts)`, `new JwtService(opts)`, the file's only `JwtModule.register(…)` /
   * `fastify.register(fastifyJwt, …)`); `undefined` when the configuration lives elsewhere (another file, several
   * registrations): inherited concepts are then unknown.
   */
  from?: JwtUsage;
}

export interface FileUsages {
  usages: JwtUsage[];
  /** usage by its call/construct node */
  byNode: Map<TSESTree.Node, JwtUsage>;
  /** ids of the libraries this file loads */
  libraries: Set<string>;
}

interface TraceInfo {
  library: LibraryModel;
  api: string;
  model: ApiModel;
  /** usages made from this trace inherit from `defaults` */
  defaults?: UsageDefaults;
  /** the export is also recognised inside a wrapper (`PassportStrategy(Strategy)`) */
  wrapped?: ExportNode['wrapped'];
}

type TraceMap = Record<string | symbol, unknown>;

const cache = new WeakMap<TSESTree.Program, FileUsages>();
const EMPTY: FileUsages = Object.freeze({ usages: [], byNode: new Map(), libraries: new Set<string>() }) as FileUsages;

/** All usages of modelled JWT APIs in the file of `context`. */
export function getJwtUsages(context: AnyContext): JwtUsage[] {
  return getFileUsages(context).usages;
}

export function getFileUsages(context: AnyContext): FileUsages {
  const program = context.sourceCode.ast as TSESTree.Program;
  let found = cache.get(program);
  if (!found) {
    found = collect(context, program);
    cache.set(program, found);
  }
  return found;
}

// ---------------------------------------------------------------------------------------------------------------
// Trace maps, built once from the models.

function exportNodeToTrace(lib: LibraryModel, path: string, node: ExportNode): TraceMap {
  const out: TraceMap = {};
  if (node.call) out[CALL] = { library: lib, api: path, model: node.call } satisfies TraceInfo;
  if (node.construct) out[CONSTRUCT] = { library: lib, api: path, model: node.construct } satisfies TraceInfo;
  if (node.read) out[READ] = { library: lib, api: path, model: node.read, wrapped: node.wrapped } satisfies TraceInfo;
  if (node.members) Object.assign(out, treeToTrace(lib, path, node.members));
  return out;
}

function treeToTrace(lib: LibraryModel, prefix: string, tree: ExportTree): TraceMap {
  const out: TraceMap = {};
  for (const [name, node] of Object.entries(tree)) out[name] = exportNodeToTrace(lib, `${prefix}.${name}`, node);
  return out;
}

interface ModuleTrace {
  lib: LibraryModel;
  /** the module object (`require('x')`, namespace import, CJS default import) */
  moduleMap: TraceMap;
  /** the namespace object of `await import('x')` */
  dynamicMap: TraceMap;
}

const moduleTraces = new Map<string, ModuleTrace>();
const esmTraceMap: TraceMap = {};
for (const lib of libraries) {
  const moduleMap: TraceMap = treeToTrace(lib, lib.id, lib.exports);
  if (lib.self) Object.assign(moduleMap, exportNodeToTrace(lib, lib.id, lib.self));
  // An ES-module library has real named exports; a CommonJS one is `module.exports` behind `default` too.
  const dynamicMap: TraceMap = lib.esm ? moduleMap : { ...moduleMap, default: moduleMap };
  for (const specifier of lib.modules) {
    moduleTraces.set(specifier, { lib, moduleMap, dynamicMap });
    esmTraceMap[specifier] = lib.esm ? { ...moduleMap, [ESM]: true } : moduleMap;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Collection.

/** Cheap pre-check: does the file mention any modelled module specifier at all? */
function mentionsModelledModule(text: string): boolean {
  for (const specifier of moduleTraces.keys()) if (text.includes(specifier)) return true;
  return false;
}

function collect(context: AnyContext, program: TSESTree.Program): FileUsages {
  const sourceCode = context.sourceCode;
  if (!mentionsModelledModule(sourceCode.text)) return EMPTY;
  const globalScope = sourceCode.getScope(program);
  currentSourceCode = sourceCode;
  const tracker = new ReferenceTracker(globalScope as never, { mode: 'legacy' });
  const result: FileUsages = { usages: [], byNode: new Map(), libraries: new Set() };

  const addUsage = (
    lib: LibraryModel,
    api: string,
    model: ApiModel,
    node: TSESTree.CallExpression | TSESTree.NewExpression,
    defaults?: UsageDefaults,
  ): JwtUsage | undefined => {
    result.libraries.add(lib.id);
    if (result.byNode.has(node)) return undefined;
    let m = model;
    if (m.whenNoVerify && m.args.noVerify !== undefined && isStaticallyTruthy(context, node.arguments, m.args.noVerify)) m = m.whenNoVerify;
    const usage: JwtUsage = { library: lib.id, api, model: m, node, chain: [], chainEscapes: false };
    if (m.inherits) usage.defaults = defaults ?? {};
    if (m.optionsFromFactory) usage.optionsNode = factoryResult(context, node, m.optionsFromFactory);
    if (m.builder) collectChain(sourceCode, node, usage, new Set(), 0);
    result.byNode.set(node, usage);
    result.usages.push(usage);
    if (m.returns || m.instance) followProduct(usage, lib);
    return usage;
  };

  const record = (ref: { node: unknown; type: symbol; info: unknown }): void => {
    const info = ref.info as TraceInfo;
    const node = ref.node as TSESTree.Node;
    result.libraries.add(info.library.id);
    if (ref.type === READ) {
      followPromisify(tracker, node, info, record);
      if (info.wrapped === 'passport-strategy') {
        for (const call of passportStrategySuperCalls(node)) addUsage(info.library, `${info.api}(PassportStrategy)`, info.model, call);
      }
      return;
    }
    if (node.type !== 'CallExpression' && node.type !== 'NewExpression') return;
    addUsage(info.library, info.api, info.model, node, info.defaults);
  };

  /** The function returned by a factory, the object built by a constructor: their calls are usages too. */
  const followProduct = (usage: JwtUsage, lib: LibraryModel): void => {
    const model = usage.model;
    const defaults: UsageDefaults = { from: usage };
    const map: TraceMap = {};
    if (model.returns) map[CALL] = { library: lib, api: `${usage.api}()`, model: model.returns, defaults } satisfies TraceInfo;
    for (const [name, m] of Object.entries(model.instance ?? {})) {
      map[name] = { [CALL]: { library: lib, api: `${usage.api}#${name}`, model: m, defaults } satisfies TraceInfo };
    }
    for (const r of tracker.iteratePropertyReferences(usage.node as never, map as never)) record(r as never);
    const field = classFieldOf(usage.node);
    if (!field) return;
    for (const { call, method } of memberCalls(sourceCode, field.classNode, field.name)) {
      if (method === undefined && model.returns) addUsage(lib, `${usage.api}()`, model.returns, call, defaults);
      const m = method === undefined ? undefined : model.instance?.[method];
      if (m) addUsage(lib, `${usage.api}#${method}`, m, call, defaults);
    }
  };

  // ESM `import` / `export … from` (legacy mode maps named and namespace imports of CommonJS libraries too).
  for (const ref of tracker.iterateEsmReferences(esmTraceMap as never)) record(ref as never);

  // `require('x')`: through the declared global in CommonJS files, through unresolved references in files parsed
  // as modules (where ReferenceTracker's own CommonJS support finds nothing).
  const requireVar = globalScope.set.get('require');
  const requireRefs = requireVar && requireVar.defs.length === 0 ? requireVar.references : requireVar ? [] : globalScope.through;
  const requireCalls: TSESTree.CallExpression[] = [];
  for (const ref of requireRefs) {
    const id = ref.identifier;
    if (id.type !== 'Identifier' || id.name !== 'require') continue;
    const call = id.parent;
    if (call?.type !== 'CallExpression' || call.callee !== id) continue;
    const trace = traceForSpecifier(call.arguments[0]);
    if (!trace) continue;
    requireCalls.push(call);
    result.libraries.add(trace.lib.id);
    for (const r of tracker.iteratePropertyReferences(call as never, trace.moduleMap as never)) record(r as never);
  }

  // `await import('x')`, `import('x').then(m => …)` is left alone; TS `import x = require('x')`.
  const pending: TSESTree.Node[] = [...program.body];
  if (sourceCode.text.includes('import(') || sourceCode.text.includes('import (')) {
    for (const node of dynamicImports(sourceCode)) {
      const trace = traceForSpecifier(node.source);
      if (!trace) continue;
      result.libraries.add(trace.lib.id);
      const start = node.parent?.type === 'AwaitExpression' ? node.parent : undefined;
      if (!start) continue;
      for (const r of tracker.iteratePropertyReferences(start as never, trace.dynamicMap as never)) record(r as never);
    }
  }
  for (const stmt of pending) {
    const decl =
      stmt.type === 'TSImportEqualsDeclaration'
        ? stmt
        : stmt.type === 'ExportNamedDeclaration' && stmt.declaration?.type === 'TSImportEqualsDeclaration'
          ? stmt.declaration
          : undefined;
    if (!decl || decl.moduleReference.type !== 'TSExternalModuleReference') continue;
    const trace = traceForSpecifier(decl.moduleReference.expression);
    if (!trace) continue;
    result.libraries.add(trace.lib.id);
    for (const variable of sourceCode.getDeclaredVariables(decl)) {
      for (const ref of variable.references) {
        if (!ref.isRead()) continue;
        for (const r of tracker.iteratePropertyReferences(ref.identifier as never, trace.moduleMap as never)) record(r as never);
      }
    }
  }

  // Frameworks: injected services (Nest), plugin registrations and their decorators (Fastify).
  for (const lib of frameworkLibraries) {
    const bindings = moduleBindings(sourceCode, program, lib, requireCalls);
    if (!bindings.loaded) continue;
    result.libraries.add(lib.id);
    const fileDefaults: UsageDefaults[] = [];
    if (lib.injectable) collectInjected(sourceCode, lib, bindings, addUsage, fileDefaults);
    if (lib.plugin) collectPlugin(sourceCode, lib, bindings, addUsage, fileDefaults);
    if (fileDefaults.length === 0) continue;
    const registrations = result.usages.filter((u) => lib.registrations?.includes(u.api));
    const from = registrations.length === 1 ? registrations[0] : undefined;
    for (const d of fileDefaults) d.from = from;
  }

  result.usages.sort((a, b) => a.node.range[0] - b.node.range[0]);
  return result;
}

function isStaticallyTruthy(context: AnyContext, args: readonly TSESTree.CallExpressionArgument[], index: number): boolean {
  for (let i = 0; i <= index && i < args.length; i++) if (args[i].type === 'SpreadElement') return false;
  const arg = args[index];
  if (!arg) return false;
  const r = resolveValue(context, arg);
  return r.kind === 'known' && Boolean(r.value);
}

function traceForSpecifier(node: TSESTree.Node | undefined): ModuleTrace | undefined {
  if (!node || node.type === 'SpreadElement') return undefined;
  const value = getStringIfConstant(node as never);
  return value == null ? undefined : moduleTraces.get(value);
}

/** ImportExpression nodes of the file, found through tokens (cheap: only files whose text says `import(`). */
function dynamicImports(sourceCode: TSESLint.SourceCode | AnyContext['sourceCode']): TSESTree.ImportExpression[] {
  const out: TSESTree.ImportExpression[] = [];
  for (const token of sourceCode.ast.tokens ?? []) {
    if (token.type !== 'Keyword' || token.value !== 'import') continue;
    const node = sourceCode.getNodeByRangeIndex(token.range[0]);
    if (node?.type === 'ImportExpression') out.push(node);
  }
  return out;
}

/** `promisify(jwt.verify)` / `util.promisify(verify)`: the promisified function is the API, called later. */
function followPromisify(
  tracker: ReferenceTracker,
  readNode: TSESTree.Node,
  info: TraceInfo,
  record: (ref: { node: unknown; type: symbol; info: unknown }) => void,
): void {
  let node: TSESTree.Node = readNode;
  if (node.type === 'ImportSpecifier' || node.type === 'Property') {
    // `import { verify } …` / `const { verify } = require(…)`: look at each reference of the local binding.
    const local = node.type === 'ImportSpecifier' ? node.local : node.value;
    if (local.type !== 'Identifier') return;
    const variable = findVariableFor(local);
    for (const ref of variable?.references ?? []) if (ref.isRead()) followPromisify(tracker, ref.identifier, info, record);
    return;
  }
  while (node.parent && (node.parent.type === 'TSAsExpression' || node.parent.type === 'TSNonNullExpression')) node = node.parent;
  const call = node.parent;
  if (call?.type !== 'CallExpression' || call.arguments[0] !== node) return;
  const callee = call.callee;
  const name =
    callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' ? getPropertyName(callee as never) : null;
  if (name !== 'promisify') return;
  const promisified: TraceInfo = {
    ...info,
    api: `${info.api}(promisified)`,
    // A promisified API takes no callback: the options stay where they are.
    model: { ...info.model, optionsMayBeCallback: false },
  };
  for (const r of tracker.iteratePropertyReferences(call as never, { [CALL]: promisified } as never)) record(r as never);
}

let currentSourceCode: AnyContext['sourceCode'] | undefined;

function findVariableFor(id: TSESTree.Identifier) {
  if (!currentSourceCode) return undefined;
  let scope: ReturnType<AnyContext['sourceCode']['getScope']> | null = currentSourceCode.getScope(id);
  while (scope) {
    const v = scope.set.get(id.name);
    if (v) return v;
    scope = scope.upper;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Builder chains: `new SignJWT(p).setX().sign(k)`, also through `const b = new SignJWT(p); b.setX(); b.sign(k)`.

const MAX_CHAIN_DEPTH = 8;

function collectChain(
  sourceCode: AnyContext['sourceCode'],
  start: TSESTree.Node,
  usage: JwtUsage,
  seen: Set<unknown>,
  depth: number,
): void {
  if (depth > MAX_CHAIN_DEPTH) {
    usage.chainEscapes = true;
    return;
  }
  let node: TSESTree.Node = start;
  for (;;) {
    const parent = skipWrappersUp(node);
    const holder = parent.parent;
    if (!holder) return;
    if (holder.type === 'MemberExpression' && holder.object === parent) {
      const call = holder.parent;
      const name = getPropertyName(holder as never);
      if (call?.type === 'CallExpression' && call.callee === holder && name) {
        usage.chain.push({ name, node: call });
        // the terminal method (`sign`, `encrypt`) returns the token, not the builder
        if (name === usage.model.chain?.key?.method) return;
        node = call;
        continue;
      }
      usage.chainEscapes = true;
      return;
    }
    if (holder.type === 'AwaitExpression' || holder.type === 'ExpressionStatement') return;
    if (holder.type === 'VariableDeclarator' && holder.init === parent && holder.id.type === 'Identifier') {
      for (const variable of sourceCode.getDeclaredVariables(holder)) followVariable(sourceCode, variable, usage, seen, depth);
      return;
    }
    if (holder.type === 'AssignmentExpression' && holder.right === parent && holder.left.type === 'Identifier') {
      const scope = sourceCode.getScope(holder);
      let s: typeof scope | null = scope;
      while (s) {
        const variable = s.set.get(holder.left.name);
        if (variable) {
          followVariable(sourceCode, variable, usage, seen, depth);
          return;
        }
        s = s.upper;
      }
      usage.chainEscapes = true;
      return;
    }
    // returned, passed as an argument, stored in a property, …: the chain continues somewhere we do not follow.
    usage.chainEscapes = true;
    return;
  }
}

function followVariable(
  sourceCode: AnyContext['sourceCode'],
  variable: { references: readonly { identifier: TSESTree.Node; isRead(): boolean }[] },
  usage: JwtUsage,
  seen: Set<unknown>,
  depth: number,
): void {
  if (seen.has(variable)) return;
  seen.add(variable);
  for (const ref of variable.references) {
    if (!ref.isRead()) continue;
    collectChain(sourceCode, ref.identifier, usage, seen, depth + 1);
  }
  usage.chain.sort((a, b) => a.node.range[0] - b.node.range[0]);
}

function skipWrappersUp(node: TSESTree.Node): TSESTree.Node {
  let n = node;
  while (
    n.parent &&
    (n.parent.type === 'TSAsExpression' ||
      n.parent.type === 'TSNonNullExpression' ||
      n.parent.type === 'TSSatisfiesExpression' ||
      n.parent.type === 'TSTypeAssertion' ||
      n.parent.type === 'ChainExpression')
  ) {
    n = n.parent;
  }
  return n;
}

// ---------------------------------------------------------------------------------------------------------------
// Arguments by role.

export type ArgLookup =
  | { kind: 'present'; node: TSESTree.Expression }
  | { kind: 'absent' }
  | { kind: 'unknown' };

const FUNCTION_TYPES = new Set(['ArrowFunctionExpression', 'FunctionExpression']);

/** The argument that plays `role` in this usage; a spread before it makes it unknown. */
export function getArg(usage: JwtUsage, role: ArgRole): ArgLookup {
  const model = usage.model;
  let index = model.args[role];
  const args = usage.node.arguments;
  if (model.optionsMayBeCallback && (role === 'options' || role === 'callback')) {
    // jsonwebtoken: `verify(token, key, cb)` — a function in the options position is the callback.
    const optionsIndex = model.args.options!;
    const atOptions = args[optionsIndex];
    if (atOptions && FUNCTION_TYPES.has(atOptions.type)) {
      if (role === 'options') return { kind: 'absent' };
      index = optionsIndex;
    }
  }
  if (index === undefined) return { kind: 'absent' };
  for (let i = 0; i <= index && i < args.length; i++) if (args[i].type === 'SpreadElement') return { kind: 'unknown' };
  const arg = args[index];
  if (!arg) return { kind: 'absent' };
  return { kind: 'present', node: arg as TSESTree.Expression };
}

/** The chained call that carries `concept` in a builder usage (last one wins), if any. */
export function getChainCall(usage: JwtUsage, concept: OptionConcept): ChainCall | undefined {
  const spec = usage.model.chain?.[concept];
  if (!spec) return undefined;
  let found: ChainCall | undefined;
  for (const c of usage.chain) if (c.name === spec.method) found = c;
  return found;
}

/** Usages of one operation, e.g. every `verify` of the file. */
export function usagesOf(context: AnyContext, ...ops: ApiModel['op'][]): JwtUsage[] {
  return getJwtUsages(context).filter((u) => ops.includes(u.model.op));
}
