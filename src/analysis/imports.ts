/**
 * Where this file uses a modelled JWT library: every call or construction of a modelled API, found through the
 * import model (ESM imports, `require`, `await import()`, TS `import x = require()`, promisify, builder chains) —
 * never by a method's name alone. One pass per file, shared by all rules through a WeakMap on the Program node.
 */
import { CALL, CONSTRUCT, ESM, READ, ReferenceTracker, getPropertyName, getStringIfConstant } from '@eslint-community/eslint-utils';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { libraries } from '../models/index.js';
import { findVariable, skipWrappersUp } from './ast.js';
import type { ApiModel, ArgRole, ExportNode, ExportTree, LibraryModel, OptionConcept, PluginHost } from '../models/types.js';
import { readObject } from './options.js';
import { resolveExpression, resolveValue, stripTsWrappers, type AnyContext } from './values.js';
import { perFile } from './per-file.js';

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
  /**
   * Set where the model's options position may hold the callback (`optionsMayBeCallback`) and holds a name bound to a
   * function of this file (`jwt.verify(t, k, onVerified)`, a function declaration or a `const` function): `getArg`
   * then answers that argument for `callback` and `absent` for `options`.
   */
  namedCallback?: true;
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

const EMPTY: FileUsages = Object.freeze({ usages: [], byNode: new Map(), libraries: new Set<string>() }) as FileUsages;

/** All usages of modelled JWT APIs in the file of `context`. */
export function getJwtUsages(context: AnyContext): JwtUsage[] {
  return getFileUsages(context).usages;
}

export const getFileUsages: (context: AnyContext) => FileUsages = perFile((context) =>
  collect(context, context.sourceCode.ast as TSESTree.Program),
);

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

/** Specifier → the trace map of the module object, for every modelled JWT library. */
const jwtModuleMaps: ModuleMaps = (() => {
  const byModule = new Map<string, TraceMap>();
  const esmOnly = new Set<string>();
  for (const lib of libraries) {
    const moduleMap: TraceMap = treeToTrace(lib, lib.id, lib.exports);
    if (lib.self) Object.assign(moduleMap, exportNodeToTrace(lib, lib.id, lib.self));
    for (const specifier of lib.modules) {
      byModule.set(specifier, moduleMap);
      if (lib.esm) esmOnly.add(specifier);
    }
  }
  return moduleMaps(byModule, esmOnly);
})();
/** Normalised specifier → the library that module belongs to. */
const libraryBySpecifier = new Map(libraries.flatMap((lib) => lib.modules.map((m) => [normalizeSpecifier(m), lib] as const)));

/** Whether `specifier` (as the file writes it) loads one of `lib`'s modules. */
function isLibraryModule(lib: LibraryModel, specifier: string): boolean {
  return lib.modules.includes(specifier) || libraryBySpecifier.get(normalizeSpecifier(specifier)) === lib;
}

// ---------------------------------------------------------------------------------------------------------------
// Module references, for any trace map: ESM imports, `require` (also in files parsed as ES modules, where
// ReferenceTracker's own CommonJS support finds nothing), `await import()`, TS `import x = require()`.

/** Trace maps per module specifier, prepared for `iterateModuleReferences` (build once, at module load). */
export interface ModuleMaps {
  /** specifier → the module object's trace map (`require('x')`, namespace import, CommonJS default import) */
  readonly byModule: ReadonlyMap<string, TraceMap>;
  /** specifier → its map for `iterateEsmReferences` (ES-module-only specifiers marked `ESM`) */
  readonly esm: ReadonlyMap<string, TraceMap>;
  /** specifier → the namespace of `await import('x')` (a CommonJS module is `module.exports` behind `default` too) */
  readonly dynamic: ReadonlyMap<string, TraceMap>;
  /** `normalizeSpecifier(specifier)` → the specifier as the maps list it */
  readonly normalized: ReadonlyMap<string, string>;
}

/** Prepares trace maps; `esmOnly` lists specifiers whose named exports are real ES exports. */
export function moduleMaps(byModule: ReadonlyMap<string, TraceMap>, esmOnly: ReadonlySet<string> = new Set()): ModuleMaps {
  const esm = new Map<string, TraceMap>();
  const dynamic = new Map<string, TraceMap>();
  const normalized = new Map<string, string>();
  for (const [specifier, map] of byModule) {
    const isEsm = esmOnly.has(specifier);
    esm.set(specifier, isEsm ? { ...map, [ESM]: true } : map);
    dynamic.set(specifier, isEsm ? map : { ...map, default: map });
    const n = normalizeSpecifier(specifier);
    if (!normalized.has(n)) normalized.set(n, specifier);
  }
  return { byModule, esm, dynamic, normalized };
}

/** The key of `maps` that a module load of the file loads (`npm:jose@5` → `jose`), if any. */
function mapKey(maps: ModuleMaps, site: ModuleLoadSite): string | undefined {
  return maps.byModule.has(site.specifier) ? site.specifier : maps.normalized.get(site.normalized);
}

export interface ModuleReference {
  node: TSESTree.Node;
  type: symbol;
  info: unknown;
}

/** A `require('x')` / `import('x')` call of a traced specifier (whether or not its result is traced further). */
export type ModuleLoad = TSESTree.CallExpression | TSESTree.ImportExpression;

/** One place where the file loads a module: the specifier as written, and `normalizeSpecifier` of it. */
export type ModuleLoadSite = { specifier: string; normalized: string } & (
  | { kind: 'static'; node: TSESTree.ImportDeclaration | TSESTree.ExportNamedDeclaration | TSESTree.ExportAllDeclaration }
  | { kind: 'require'; node: TSESTree.CallExpression }
  | { kind: 'dynamic'; node: TSESTree.ImportExpression }
  | { kind: 'equals'; node: TSESTree.TSImportEqualsDeclaration }
);

/**
 * Every module the file loads by a constant specifier: static imports and `export … from` (type-only and
 * side-effect imports included), `require('x')` of the global `require`, `import('x')`, TS `import x = require('x')`.
 * Cheap: the top-level statements, the unresolved `require` references, and a text search for `import(`.
 */
export const moduleLoads: (context: AnyContext) => readonly ModuleLoadSite[] = perFile((context) => {
  const sourceCode = context.sourceCode;
  const program = sourceCode.ast as TSESTree.Program;
  const out: ModuleLoadSite[] = [];
  for (const stmt of program.body) {
    if (stmt.type === 'ImportDeclaration' || ((stmt.type === 'ExportNamedDeclaration' || stmt.type === 'ExportAllDeclaration') && stmt.source)) {
      const specifier = stmt.source!.value;
      if (typeof specifier === 'string') out.push({ kind: 'static', specifier, normalized: normalizeSpecifier(specifier), node: stmt });
      continue;
    }
    const decl =
      stmt.type === 'TSImportEqualsDeclaration'
        ? stmt
        : stmt.type === 'ExportNamedDeclaration' && stmt.declaration?.type === 'TSImportEqualsDeclaration'
          ? stmt.declaration
          : undefined;
    if (!decl || decl.moduleReference.type !== 'TSExternalModuleReference') continue;
    const specifier = specifierOf(decl.moduleReference.expression);
    if (specifier !== undefined) out.push({ kind: 'equals', specifier, normalized: normalizeSpecifier(specifier), node: decl });
  }

  const globalScope = sourceCode.getScope(program);
  const requireVar = globalScope.set.get('require');
  const requireRefs = requireVar ? (requireVar.defs.length === 0 ? requireVar.references : []) : globalScope.through;
  for (const ref of requireRefs) {
    const id = ref.identifier;
    if (id.type !== 'Identifier' || id.name !== 'require') continue;
    const call = id.parent;
    if (call?.type !== 'CallExpression' || call.callee !== id) continue;
    const specifier = specifierOf(call.arguments[0]);
    if (specifier !== undefined) out.push({ kind: 'require', specifier, normalized: normalizeSpecifier(specifier), node: call });
  }

  for (const node of dynamicImports(sourceCode)) {
    const specifier = specifierOf(node.source);
    if (specifier !== undefined) out.push({ kind: 'dynamic', specifier, normalized: normalizeSpecifier(specifier), node });
  }
  return out;
});

/** Whether the file loads any module of `maps` (a cheap pre-check; `iterateModuleReferences` makes it itself). */
export function loadsAnyModule(context: AnyContext, maps: ModuleMaps): boolean {
  for (const site of moduleLoads(context)) if (mapKey(maps, site) !== undefined) return true;
  return false;
}

/**
 * Every reference to the leaves of `maps` in this file. Specifiers are matched as written or normalised
 * (`npm:jose@5`, `https://esm.sh/jose` load `jose`; see `normalizeSpecifier`). `onLoad` hears of each
 * `require`/`import()` of a traced specifier and each TS `import x = require()`, with the specifier as `maps` lists
 * it. Pass `tracker` to share one ReferenceTracker.
 */
export function* iterateModuleReferences(
  context: AnyContext,
  maps: ModuleMaps,
  onLoad?: (specifier: string, node: ModuleLoad | TSESTree.TSImportEqualsDeclaration) => void,
  tracker?: ReferenceTracker,
): Generator<ModuleReference> {
  const sites: { site: ModuleLoadSite; key: string }[] = [];
  for (const site of moduleLoads(context)) {
    const key = mapKey(maps, site);
    if (key !== undefined) sites.push({ site, key });
  }
  if (sites.length === 0) return;
  const sourceCode = context.sourceCode;
  const t = tracker ?? new ReferenceTracker(sourceCode.getScope(sourceCode.ast) as never, { mode: 'legacy' });
  const each = (start: TSESTree.Node, map: TraceMap) => t.iteratePropertyReferences(start as never, map as never) as Iterable<ModuleReference>;

  const esm: TraceMap = {};
  let anyEsm = false;
  for (const { site, key } of sites) {
    if (site.kind !== 'static') continue;
    esm[site.specifier] = maps.esm.get(key)!;
    anyEsm = true;
  }
  if (anyEsm) yield* t.iterateEsmReferences(esm as never) as Iterable<ModuleReference>;

  for (const { site, key } of sites) {
    if (site.kind !== 'require') continue;
    onLoad?.(key, site.node);
    yield* each(site.node, maps.byModule.get(key)!);
  }
  // `await import('x')`; `import('x').then(m => …)` is left alone.
  for (const { site, key } of sites) {
    if (site.kind !== 'dynamic') continue;
    onLoad?.(key, site.node);
    if (site.node.parent?.type === 'AwaitExpression') yield* each(site.node.parent, maps.dynamic.get(key)!);
  }
  for (const { site, key } of sites) {
    if (site.kind !== 'equals') continue;
    onLoad?.(key, site.node);
    const map = maps.byModule.get(key)!;
    for (const variable of sourceCode.getDeclaredVariables(site.node)) {
      for (const ref of variable.references) if (ref.isRead()) yield* each(ref.identifier, map);
    }
  }
}

/** A module specifier written as a constant string (`'x'`, `` `x` ``), through TS wrappers. */
function specifierOf(node: TSESTree.Node | undefined): string | undefined {
  if (!node || node.type === 'SpreadElement') return undefined;
  const n = stripTsWrappers(node);
  if (n.type === 'Literal') return typeof n.value === 'string' ? n.value : undefined;
  if (n.type === 'TemplateLiteral' && n.expressions.length === 0) return n.quasis[0].value.cooked ?? undefined;
  const value = getStringIfConstant(n as never);
  return value == null ? undefined : value;
}

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;

/** ImportExpression nodes of the file: a text search for `import` followed by `(`, then the node there. */
function dynamicImports(sourceCode: AnyContext['sourceCode']): TSESTree.ImportExpression[] {
  const out: TSESTree.ImportExpression[] = [];
  const text = sourceCode.text;
  for (let i = text.indexOf('import'); i >= 0; i = text.indexOf('import', i + 6)) {
    let j = i + 6;
    while (j < text.length && isSpace(text.charCodeAt(j))) j++;
    if (text.charCodeAt(j) !== 40 /* ( */) continue;
    const node = sourceCode.getNodeByRangeIndex(i) as TSESTree.Node | null;
    if (node?.type === 'ImportExpression' && node.range[0] === i) out.push(node);
  }
  return out;
}


/**
 * Module specifiers this file imports, re-exports or requires (constant strings only), each as written and, where it
 * differs, normalised (`npm:jose@5` → also `jose`, `node:fs` → also `fs`); a cheap pre-check.
 */
export const importedModules: (context: AnyContext) => Set<string> = perFile((context) => {
  const found = new Set<string>();
  for (const site of moduleLoads(context)) {
    found.add(site.specifier);
    found.add(site.normalized);
  }
  return found;
});

// ---------------------------------------------------------------------------------------------------------------
// Module specifiers as Deno and ES-module CDNs write them.

/** JSR packages that publish a modelled npm package under another name. */
const JSR_PACKAGES: Readonly<Record<string, string>> = { '@panva/jose': 'jose', '@hono/hono': 'hono' };
/** deno.land/x modules that are a modelled npm package (entry files only). */
const DENO_X_PACKAGES: Readonly<Record<string, string>> = { jose: 'jose' };
const DENO_ENTRY = /^(?:|index|mod)(?:\.[cm]?[jt]s)?$/;
const PACKAGE_NAME = /^(?:@[a-z0-9][\w.~-]*\/)?[a-z0-9][\w.~-]*$/i;

/** `name@version/sub/path` (or `@scope/name@version/…`) → `{ name, subpath }`; undefined when it is not a package path. */
function splitPackagePath(p: string): { name: string; subpath: string } | undefined {
  const parts = p.split('/');
  const scoped = parts[0].startsWith('@');
  if (scoped && parts.length < 2) return undefined;
  const head = scoped ? parts[1] : parts[0];
  const at = head.indexOf('@');
  const bare = at < 0 ? head : head.slice(0, at);
  const name = scoped ? `${parts[0]}/${bare}` : bare;
  if (!PACKAGE_NAME.test(name)) return undefined;
  const subpath = parts.slice(scoped ? 2 : 1).join('/');
  return { name, subpath };
}

const joinSubpath = (name: string, subpath: string): string => (subpath ? `${name}/${subpath}` : name);

/**
 * The package specifier a module specifier loads, as Node resolves it: `node:crypto` → `crypto`,
 * `npm:jose@5` → `jose`, `jsr:@panva/jose` → `jose`, `https://esm.sh/jsonwebtoken@9?target=deno` →
 * `jsonwebtoken`, `https://esm.sh/hono@4/jwt` → `hono/jwt`, `https://deno.land/x/jose@v5.2.0/index.ts` → `jose`,
 * `https://cdn.skypack.dev/jose`, `https://cdn.jsdelivr.net/npm/jose@5/+esm`, `https://unpkg.com/jose@5` → `jose`.
 * Anything else (relative paths, other hosts, build-artefact paths) is returned unchanged or as a path no model
 * lists, so an unrelated package never matches (`npm:josekit` → `josekit`).
 */
export function normalizeSpecifier(specifier: string): string {
  if (specifier.startsWith('node:')) return specifier.slice(5);
  if (specifier.startsWith('npm:')) {
    const pkg = splitPackagePath(specifier.slice(4).replace(/^\/+/, ''));
    return pkg ? joinSubpath(pkg.name, pkg.subpath) : specifier;
  }
  if (specifier.startsWith('jsr:')) {
    const pkg = splitPackagePath(specifier.slice(4).replace(/^\/+/, ''));
    const npm = pkg && Object.hasOwn(JSR_PACKAGES, pkg.name) ? JSR_PACKAGES[pkg.name] : undefined;
    return npm ? joinSubpath(npm, pkg!.subpath) : specifier;
  }
  if (!specifier.startsWith('https://') && !specifier.startsWith('http://')) return specifier;
  let url: URL;
  try {
    url = new URL(specifier);
  } catch {
    return specifier;
  }
  let p = decodePath(url.pathname);
  if (p === undefined) return specifier;
  switch (url.hostname) {
    case 'esm.sh':
      // `/v135/jose@5`, `/stable/jose`: build channel prefixes; `/*jose`: "mark dependencies external"
      p = p.replace(/^\/(?:v\d+|stable)(?=\/)/, '').replace(/^\/\*/, '/');
      break;
    case 'cdn.skypack.dev':
      if (p.startsWith('/-/')) return specifier; // pinned build URLs
      break;
    case 'cdn.jsdelivr.net':
      if (!p.startsWith('/npm/')) return specifier;
      p = p.slice(4).replace(/\/\+esm$/, '');
      break;
    case 'esm.run':
    case 'unpkg.com':
      break;
    case 'deno.land': {
      const m = /^\/x\/([^/@]+)(?:@[^/]*)?(?:\/(.*))?$/.exec(p);
      const npm = m && Object.hasOwn(DENO_X_PACKAGES, m[1]) ? DENO_X_PACKAGES[m[1]] : undefined;
      return npm && DENO_ENTRY.test(m![2] ?? '') ? npm : specifier;
    }
    default:
      return specifier;
  }
  const pkg = splitPackagePath(p.replace(/^\/+/, '').replace(/\/+$/, ''));
  return pkg ? joinSubpath(pkg.name, pkg.subpath) : specifier;
}

function decodePath(p: string): string | undefined {
  try {
    return decodeURIComponent(p);
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Collection.

function collect(context: AnyContext, program: TSESTree.Program): FileUsages {
  const sourceCode = context.sourceCode;
  // Cheap exit: the file loads no modelled module nor a framework a plugin decorates (every entry point starts from one).
  if (!loadsAnyModule(context, jwtModuleMaps) && !moduleLoads(context).some((s) => hostModules.has(s.normalized)) && !mayBeHostPluginModule(context)) {
    return EMPTY;
  }
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
    if (m.optionsMayBeCallback && m.args.options !== undefined && isNamedFunction(context, node.arguments[m.args.options])) usage.namedCallback = true;
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

  /** `require('x')` and `import('x')` of modelled modules, for the framework entry points below */
  const requireCalls: ModuleLoad[] = [];
  const onLoad = (specifier: string, node: ModuleLoad | TSESTree.TSImportEqualsDeclaration) => {
    result.libraries.add(libraryBySpecifier.get(normalizeSpecifier(specifier))!.id);
    if (node.type !== 'TSImportEqualsDeclaration') requireCalls.push(node);
  };
  for (const ref of iterateModuleReferences(context, jwtModuleMaps, onLoad, tracker)) record(ref);

  // Frameworks: injected services (Nest), plugin registrations and their decorators (Fastify).
  for (const lib of frameworkLibraries) {
    const bindings = moduleBindings(sourceCode, program, lib, requireCalls);
    // Fastify route files that do not load the plugin: decorated calls on values the import model ties to `fastify`.
    const host = lib.plugin?.host ? hostValues(context, lib.plugin.host) : undefined;
    if (!bindings.loaded && !host) continue;
    if (bindings.loaded) result.libraries.add(lib.id);
    const fileDefaults: UsageDefaults[] = [];
    if (lib.injectable && bindings.loaded) collectInjected(sourceCode, lib, bindings, addUsage, fileDefaults);
    if (lib.plugin) collectPlugin(sourceCode, lib, bindings, addUsage, fileDefaults, host);
    if (fileDefaults.length === 0) continue;
    const registrations = result.usages.filter((u) => lib.registrations?.includes(u.api));
    const from = registrations.length === 1 ? registrations[0] : undefined;
    for (const d of fileDefaults) d.from = from;
  }

  result.usages.sort((a, b) => a.node.range[0] - b.node.range[0]);
  return result;
}

/** A name bound once to a function of this file: `function f() {}`, `const f = () => …`. */
function isNamedFunction(context: AnyContext, node: TSESTree.Node | undefined): boolean {
  const n = node && stripTsWrappers(node);
  if (n?.type !== 'Identifier') return false;
  const def = findVariable(context, n)?.defs;
  if (def?.length !== 1) return false;
  const d = def[0];
  if (d.type === 'FunctionName') return d.node.type === 'FunctionDeclaration';
  if (d.type !== 'Variable' || d.parent?.kind !== 'const' || !d.node.init) return false;
  const init = stripTsWrappers(d.node.init);
  return init.type === 'ArrowFunctionExpression' || init.type === 'FunctionExpression';
}

function isStaticallyTruthy(context: AnyContext, args: readonly TSESTree.CallExpressionArgument[], index: number): boolean {
  for (let i = 0; i <= index && i < args.length; i++) if (args[i].type === 'SpreadElement') return false;
  const arg = args[index];
  if (!arg) return false;
  const r = resolveValue(context, arg);
  return r.kind === 'known' && Boolean(r.value);
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
    // A promisified API takes no callback (the options stay where they are) and returns a promise.
    model: { ...info.model, optionsMayBeCallback: false, returnsPromise: true },
  };
  for (const r of tracker.iteratePropertyReferences(call as never, { [CALL]: promisified } as never)) record(r as never);
}

let currentSourceCode: AnyContext['sourceCode'] | undefined;

function findVariableFor(id: TSESTree.Identifier) {
  return currentSourceCode ? findVariable({ sourceCode: currentSourceCode }, id) : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Framework entry points that no import trace reaches: Nest injection, Fastify plugin decorators, PassportStrategy.

const frameworkLibraries = libraries.filter((lib) => lib.injectable || lib.plugin);
/** the frameworks plugins decorate (`fastify`): a file importing one may call decorators of a plugin loaded elsewhere */
const hostModules: ReadonlySet<string> = new Set(
  frameworkLibraries.flatMap((lib) => [...(lib.plugin?.host?.modules ?? []), ...(lib.plugin?.host?.wrappers.map((w) => w.module) ?? [])]),
);
const exportingHosts = frameworkLibraries.flatMap((lib) => (lib.plugin?.host?.moduleExports ? [lib.plugin.host] : []));

/** A plugin module that loads nothing of its framework (see `PluginHost.moduleExports`) may call decorators. */
function mayBeHostPluginModule(context: AnyContext): boolean {
  return exportingHosts.some((h) => context.sourceCode.text.includes(h.moduleExports!.mention)) && exportedFunctions(context).length > 0;
}

/** The module's default export, when it is a function of this file: `module.exports = fn`, `export default fn`. */
function exportedFunctions(context: AnyContext): TSESTree.FunctionLike[] {
  const out: TSESTree.FunctionLike[] = [];
  for (const stmt of (context.sourceCode.ast as TSESTree.Program).body) {
    let value: TSESTree.Node | undefined;
    if (stmt.type === 'ExportDefaultDeclaration') value = stmt.declaration;
    else if (stmt.type === 'ExpressionStatement' && stmt.expression.type === 'AssignmentExpression' && stmt.expression.operator === '=') {
      const left = stmt.expression.left;
      const isModuleExports =
        left.type === 'MemberExpression' &&
        left.object.type === 'Identifier' &&
        left.object.name === 'module' &&
        memberName(left.property) === 'exports' &&
        !left.computed;
      if (isModuleExports) value = stmt.expression.right;
    }
    if (!value) continue;
    const fn = value.type === 'FunctionDeclaration' ? value : localFunction(value);
    if (fn) out.push(fn);
  }
  return out;
}

type AddUsage = (
  lib: LibraryModel,
  api: string,
  model: ApiModel,
  node: TSESTree.CallExpression | TSESTree.NewExpression,
  defaults?: UsageDefaults,
) => JwtUsage | undefined;

type SourceCode = AnyContext['sourceCode'];
type Variable = NonNullable<ReturnType<typeof findVariableFor>>;

interface ModuleBindings {
  /** the file loads the library (any import, type-only and side-effect imports included, or a require) */
  loaded: boolean;
  /** variables holding the module object or its default export */
  module: Variable[];
  /** variables bound to a named export */
  named: Map<string, Variable[]>;
  /** `require('x')` / `import('x')` expressions not bound to a variable */
  inline: TSESTree.Node[];
}

function moduleBindings(
  sourceCode: SourceCode,
  program: TSESTree.Program,
  lib: LibraryModel,
  loads: readonly (TSESTree.CallExpression | TSESTree.ImportExpression)[],
): ModuleBindings {
  const out: ModuleBindings = { loaded: false, module: [], named: new Map(), inline: [] };
  const addNamed = (name: string, v: Variable | undefined) => {
    if (!v) return;
    const list = out.named.get(name) ?? [];
    list.push(v);
    out.named.set(name, list);
  };
  for (const stmt of program.body) {
    if (stmt.type !== 'ImportDeclaration' || !isLibraryModule(lib, stmt.source.value)) continue;
    out.loaded = true;
    for (const spec of stmt.specifiers) {
      const v = sourceCode.getDeclaredVariables(spec)[0] as Variable | undefined;
      if (!v) continue;
      if (spec.type === 'ImportSpecifier') {
        const name = spec.imported.type === 'Identifier' ? spec.imported.name : String(spec.imported.value);
        if (name === 'default') out.module.push(v);
        else addNamed(name, v);
      } else out.module.push(v);
    }
  }
  for (const call of loads) {
    const source = call.type === 'ImportExpression' ? call.source : call.arguments[0];
    const specifier = source && source.type !== 'SpreadElement' ? specifierOf(source) : undefined;
    if (specifier === undefined || !isLibraryModule(lib, specifier)) continue;
    out.loaded = true;
    const value: TSESTree.Node = call.parent?.type === 'AwaitExpression' ? call.parent : call;
    const decl = value.parent;
    if (decl?.type === 'VariableDeclarator' && decl.init === value) {
      if (decl.id.type === 'Identifier') out.module.push(...(sourceCode.getDeclaredVariables(decl) as Variable[]));
      else if (decl.id.type === 'ObjectPattern') {
        for (const p of decl.id.properties) {
          if (p.type !== 'Property' || p.computed || p.key.type !== 'Identifier' || p.value.type !== 'Identifier') continue;
          const v = findVariableFor(p.value) as Variable | undefined;
          if (p.key.name === 'default') {
            if (v) out.module.push(v);
          } else addNamed(p.key.name, v);
        }
      }
    } else out.inline.push(value);
  }
  return out;
}

function readRefs(variables: readonly Variable[] | undefined): TSESTree.Identifier[] {
  const out: TSESTree.Identifier[] = [];
  for (const v of variables ?? []) for (const r of v.references) if (r.isRead()) out.push(r.identifier as TSESTree.Identifier);
  return out;
}

/** Nest: members and parameters typed with the injectable export (`jwtService: JwtService`) → their method calls. */
function collectInjected(
  sourceCode: SourceCode,
  lib: LibraryModel,
  bindings: ModuleBindings,
  addUsage: AddUsage,
  fileDefaults: UsageDefaults[],
): void {
  const { export: exportName, instance } = lib.injectable!;
  const api = `${lib.id}.${exportName}`;
  const make = (call: TSESTree.CallExpression, method: string) => {
    const model = instance[method];
    if (!model) return;
    const defaults: UsageDefaults = {};
    if (addUsage(lib, `${api}#${method}`, model, call, defaults) && model.inherits) fileDefaults.push(defaults);
  };
  for (const v of bindings.named.get(exportName) ?? []) {
    for (const ref of v.references) {
      const id = ref.identifier as TSESTree.Node;
      const typeRef = id.parent;
      if (typeRef?.type !== 'TSTypeReference' || typeRef.typeName !== id) continue;
      const annotation = typeRef.parent;
      if (annotation?.type !== 'TSTypeAnnotation') continue;
      const holder = annotation.parent;
      if (holder?.type === 'PropertyDefinition' && !holder.computed) {
        const name = memberName(holder.key);
        const classNode = holder.parent?.parent;
        if (name && classNode && isClass(classNode)) {
          for (const { call, method } of memberCalls(sourceCode, classNode, name)) if (method) make(call, method);
        }
      } else if (holder?.type === 'Identifier') {
        const param = holder.parent;
        if (param?.type === 'TSParameterProperty') {
          const classNode = param.parent?.parent?.parent?.parent; // param → FunctionExpression → MethodDefinition → ClassBody → class
          if (classNode && isClass(classNode)) {
            for (const { call, method } of memberCalls(sourceCode, classNode, holder.name)) if (method) make(call, method);
          }
        } else if (param && (param.type === 'FunctionExpression' || param.type === 'ArrowFunctionExpression' || param.type === 'FunctionDeclaration')) {
          // a plain parameter: `function issue(jwt: JwtService) { jwt.sign(…) }`
          const variable = sourceCode.getDeclaredVariables(param).find((x) => x.name === holder.name) as Variable | undefined;
          for (const use of readRefs(variable ? [variable] : [])) {
            const m = use.parent;
            if (m?.type !== 'MemberExpression' || m.object !== use || m.computed || m.property.type !== 'Identifier') continue;
            if (m.parent?.type === 'CallExpression' && m.parent.callee === m) make(m.parent, m.property.name);
          }
        }
      }
    }
  }
}

/**
 * Fastify: `x.register(plugin, options)` and the decorators the plugin adds — in a file that loads the plugin (loose
 * receivers: the registered instance, any untyped parameter, handler parameters by position), or on the values of
 * `host` (whose Fastify origin the import model proves) in any file that imports the framework.
 */
function collectPlugin(
  sourceCode: SourceCode,
  lib: LibraryModel,
  bindings: ModuleBindings,
  addUsage: AddUsage,
  fileDefaults: UsageDefaults[],
  host: HostValues | undefined,
): void {
  const plugin = lib.plugin!;
  const receivers = new Set<unknown>();
  const pluginValues: TSESTree.Node[] = [
    ...readRefs(bindings.module),
    ...readRefs(bindings.named.get('fastifyJwt')),
    ...readRefs(bindings.named.get('default')),
    ...bindings.inline,
  ];
  for (let value of pluginValues) {
    while (value.parent && stripTsWrappers(value.parent) !== value.parent) value = value.parent;
    if (value.parent?.type === 'MemberExpression' && value.parent.object === value && memberName(value.parent.property) === 'default') {
      value = value.parent; // `require('@fastify/jwt').default`
    }
    const call = value.parent;
    if (call?.type !== 'CallExpression' || call.arguments[0] !== value) continue;
    const callee = stripTsWrappers(call.callee);
    if (callee.type !== 'MemberExpression' || memberName(callee.property) !== 'register') continue;
    addUsage(lib, `${lib.id}.register`, plugin.model, call);
    const receiver = stripTsWrappers(callee.object);
    if (receiver.type === 'Identifier') receivers.add(findVariableFor(receiver));
  }

  const names = new Set([plugin.namespace, ...Object.keys(plugin.request), ...Object.keys(plugin.reply)]);
  for (const token of sourceCode.ast.tokens ?? []) {
    if (token.type !== 'Identifier' || !names.has(token.value)) continue;
    const id = sourceCode.getNodeByRangeIndex(token.range[0]);
    if (id?.type !== 'Identifier') continue;
    const member = id.parent;
    if (member?.type !== 'MemberExpression' || member.property !== id || member.computed) continue;
    let api: string;
    let model: ApiModel | undefined;
    let call: TSESTree.Node | undefined;
    if (id.name === plugin.namespace) {
      // `<instance>.jwt.sign(…)`
      const outer = member.parent;
      if (outer?.type !== 'MemberExpression' || outer.object !== member || outer.computed) continue;
      const method = memberName(outer.property);
      model = method ? plugin.instance[method] : undefined;
      call = outer.parent;
      if (!model || call?.type !== 'CallExpression' || call.callee !== outer) continue;
      const loose = bindings.loaded && isFastifyInstance(member.object, receivers);
      if (!loose && !(host && isHostInstance(member.object, host))) continue;
      api = `${lib.id}#${plugin.namespace}.${method}`;
    } else {
      // `request.jwtVerify(…)`, `reply.jwtSign(…)`
      call = member.parent;
      if (call?.type !== 'CallExpression' || call.callee !== member) continue;
      const onRequest = plugin.request[id.name];
      model = onRequest ?? plugin.reply[id.name];
      if (!model) continue;
      const loose = bindings.loaded && isHandlerParam(member.object, onRequest ? 0 : 1, onRequest ? 'FastifyRequest' : 'FastifyReply');
      if (!loose && !(host && isHostVariable(member.object, onRequest ? host.requests : host.replies))) continue;
      api = `${lib.id}#${onRequest ? 'request' : 'reply'}.${id.name}`;
    }
    const defaults: UsageDefaults = {};
    if (addUsage(lib, api, model, call, defaults) && model.inherits) fileDefaults.push(defaults);
  }
}

function typeName(id: TSESTree.Node): string | undefined {
  if (id.type !== 'Identifier' || id.typeAnnotation?.typeAnnotation.type !== 'TSTypeReference') return undefined;
  const t = id.typeAnnotation.typeAnnotation.typeName;
  return t.type === 'Identifier' ? t.name : t.type === 'TSQualifiedName' ? t.right.name : undefined;
}

/** A parameter (at `index`, or typed `type`) of a function: the route handler's request / reply. */
function isHandlerParam(node: TSESTree.Node, index: number, type: string): boolean {
  const n = stripTsWrappers(node);
  if (n.type !== 'Identifier') return false;
  const variable = findVariableFor(n);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type !== 'Parameter') return false;
  const fn = def.node as TSESTree.FunctionLike;
  const param = fn.params.find((p) => p === def.name || (p.type === 'AssignmentPattern' && p.left === def.name));
  if (!param) return false;
  const declared = typeName(def.name as TSESTree.Node);
  if (declared !== undefined) return declared === type;
  return fn.params.indexOf(param) === index;
}

/** The registered instance, a parameter (plugin functions, `app: FastifyInstance`), `this` in a handler, `req.server`. */
function isFastifyInstance(node: TSESTree.Node, receivers: ReadonlySet<unknown>): boolean {
  const n = stripTsWrappers(node);
  if (n.type === 'Identifier') {
    const variable = findVariableFor(n);
    if (!variable) return false;
    if (receivers.has(variable)) return true;
    const def = variable.defs.length === 1 ? variable.defs[0] : undefined;
    if (def?.type !== 'Parameter') return false;
    const declared = typeName(def.name as TSESTree.Node);
    return declared === undefined || declared === 'FastifyInstance';
  }
  if (n.type === 'ThisExpression') {
    let fn: TSESTree.Node | undefined = n.parent;
    while (fn && fn.type !== 'FunctionExpression' && fn.type !== 'FunctionDeclaration') fn = fn.parent;
    return fn?.type === 'FunctionExpression' && fn.parent?.type === 'CallExpression' && fn.parent.arguments.includes(fn);
  }
  if (n.type === 'MemberExpression' && memberName(n.property) === 'server') return isHandlerParam(n.object, 0, 'FastifyRequest');
  return false;
}

// ---------------------------------------------------------------------------------------------------------------
// The framework a plugin decorates (Fastify), through its imports: which values are instances, requests, replies.

interface HostValues {
  instances: Set<Variable>;
  requests: Set<Variable>;
  replies: Set<Variable>;
  /** `function` handlers of an instance's routes: Fastify binds their `this` to the instance */
  handlers: Set<TSESTree.Node>;
}

type HostKind = 'factory' | 'namespace' | keyof PluginHost['types'] | 'wrapper';

/**
 * The values of `host` in this file, or undefined when the file does not load the framework. Only what the import
 * model proves: instances from the factory, parameters typed with the framework's types (also `import type`), plugin
 * functions (`fp(fn)`, typed `FastifyPluginAsync`, `instance.register(fn)`), and the request / reply parameters of the
 * route handlers and request hooks registered on an instance.
 */
function hostValues(context: AnyContext, host: PluginHost): HostValues | undefined {
  const sourceCode = context.sourceCode;
  const wrapperModules = new Map(host.wrappers.map((w) => [w.module, w.exports] as const));
  const sites = moduleLoads(context).filter((s) => host.modules.includes(s.normalized) || wrapperModules.has(s.normalized));
  // a file that loads nothing of the framework: only a default-exported plugin function, confirmed below
  const exported = sites.length === 0 && host.moduleExports && sourceCode.text.includes(host.moduleExports.mention) ? exportedFunctions(context) : [];
  if (sites.length === 0 && exported.length === 0) return undefined;

  const bound: { kind: HostKind; variable: Variable }[] = [];
  const factoryCalls: TSESTree.CallExpression[] = [];
  const wrapperCalls: TSESTree.CallExpression[] = [];
  const kindOfExport = (name: string, wrapper: readonly string[] | undefined): HostKind | undefined => {
    if (wrapper) return wrapper.includes(name) ? 'wrapper' : undefined;
    if (host.factories.includes(name)) return 'factory';
    for (const [kind, names] of Object.entries(host.types) as [keyof PluginHost['types'], readonly string[]][]) {
      if (names.includes(name)) return kind;
    }
    return undefined;
  };
  for (const site of sites) {
    const wrapper = wrapperModules.get(site.normalized);
    const add = (kind: HostKind | undefined, variables: readonly unknown[]) => {
      if (kind) for (const v of variables) bound.push({ kind, variable: v as Variable });
    };
    if (site.kind === 'static' && site.node.type === 'ImportDeclaration') {
      for (const spec of site.node.specifiers) {
        const vars = sourceCode.getDeclaredVariables(spec);
        if (spec.type === 'ImportDefaultSpecifier') add(kindOfExport('default', wrapper), vars);
        else if (spec.type === 'ImportNamespaceSpecifier') add(wrapper ? undefined : 'namespace', vars);
        else add(kindOfExport(spec.imported.type === 'Identifier' ? spec.imported.name : String(spec.imported.value), wrapper), vars);
      }
    } else if (site.kind === 'equals') {
      add(kindOfExport('default', wrapper), sourceCode.getDeclaredVariables(site.node));
    } else if (site.kind === 'require') {
      const value = site.node;
      const decl = value.parent;
      if (decl?.type === 'VariableDeclarator' && decl.init === value && decl.id.type === 'Identifier') {
        add(kindOfExport('default', wrapper), sourceCode.getDeclaredVariables(decl));
      } else if (decl?.type === 'VariableDeclarator' && decl.init === value && decl.id.type === 'ObjectPattern') {
        for (const p of decl.id.properties) {
          if (p.type !== 'Property' || p.computed || p.key.type !== 'Identifier' || p.value.type !== 'Identifier') continue;
          const v = findVariableFor(p.value);
          if (v) add(kindOfExport(p.key.name, wrapper), [v]);
        }
      } else if (decl?.type === 'CallExpression' && decl.callee === value) {
        (wrapper ? wrapperCalls : factoryCalls).push(decl); // `require('fastify')(opts)`
      }
    }
  }

  const out: HostValues = { instances: new Set(), requests: new Set(), replies: new Set(), handlers: new Set() };
  const pluginFunctions: TSESTree.Node[] = [];
  const addCreated = (call: TSESTree.Node) => {
    let value = skipWrappersUp(call);
    // `Fastify().withTypeProvider<T>()` returns the same instance
    while (value.parent?.type === 'MemberExpression' && value.parent.object === value && memberName(value.parent.property) === 'withTypeProvider') {
      const outer = value.parent.parent;
      if (outer?.type !== 'CallExpression' || outer.callee !== value.parent) return;
      value = skipWrappersUp(outer);
    }
    const decl = value.parent;
    if (decl?.type === 'VariableDeclarator' && decl.init === value && decl.id.type === 'Identifier') {
      const v = findVariableFor(decl.id);
      if (v) out.instances.add(v);
    }
  };
  for (const call of factoryCalls) addCreated(call);
  for (const call of wrapperCalls) pluginFunctions.push(call.arguments[0]);
  for (const { kind, variable } of bound) {
    for (const ref of variable.references) {
      const id = ref.identifier as TSESTree.Node;
      let use: TSESTree.Node = id;
      let name: string | undefined;
      if (kind === 'namespace') {
        // `F.fastify()`, `F.FastifyInstance`
        const p = id.parent;
        if (p?.type === 'MemberExpression' && p.object === id && !p.computed) name = memberName(p.property);
        else if (p?.type === 'TSQualifiedName' && p.left === id) name = p.right.name;
        if (name === undefined) continue;
        use = p!;
      }
      const k = kind === 'namespace' ? kindOfExport(name!, undefined) : kind;
      if (k === 'factory' || k === 'wrapper') {
        const call = use.parent;
        if (call?.type !== 'CallExpression' || call.callee !== use) continue;
        if (k === 'factory') addCreated(call);
        else pluginFunctions.push(call.arguments[0]);
        continue;
      }
      if (k === undefined) continue;
      const typeRef = use.parent;
      if (typeRef?.type !== 'TSTypeReference' || typeRef.typeName !== use) continue;
      const holder = typeRef.parent;
      if (k === 'plugin') {
        // `const routes: FastifyPluginAsync = async (app) => …`, `(async (app) => …) satisfies FastifyPluginAsync`
        if (holder?.type === 'TSSatisfiesExpression' || holder?.type === 'TSAsExpression') pluginFunctions.push(holder.expression);
        const decl = holder?.type === 'TSTypeAnnotation' ? holder.parent?.parent : undefined;
        if (decl?.type === 'VariableDeclarator' && decl.id === holder!.parent && decl.init) pluginFunctions.push(decl.init);
        continue;
      }
      if (holder?.type !== 'TSTypeAnnotation' || holder.parent?.type !== 'Identifier') continue;
      const v = findVariableFor(holder.parent);
      if (!v || !v.defs.some((d) => d.name === holder.parent)) continue;
      (k === 'instance' ? out.instances : k === 'request' ? out.requests : out.replies).add(v);
    }
  }

  /** adds the parameters of the function `node` is or names to `roles` (by position); returns the function */
  const addFunctionParams = (node: TSESTree.Node | undefined, roles: readonly Set<Variable>[]) => {
    const fn = node && localFunction(node);
    if (!fn) return undefined;
    fn.params.forEach((p, i) => {
      const id = p.type === 'AssignmentPattern' ? p.left : p;
      const v = id.type === 'Identifier' && i < roles.length ? findVariableFor(id) : undefined;
      if (v) roles[i].add(v);
    });
    return fn;
  };
  const queue: Variable[] = [];
  const addPlugin = (node: TSESTree.Node | undefined) => {
    const instances = new Set<Variable>();
    addFunctionParams(node, [instances]);
    for (const v of instances) {
      out.instances.add(v);
      queue.push(v);
    }
  };
  queue.push(...out.instances);
  pluginFunctions.push(...exported);
  for (const fn of pluginFunctions) addPlugin(fn);
  const addHandler = (node: TSESTree.Node | undefined) => {
    const fn = addFunctionParams(node, [out.requests, out.replies]);
    if (fn?.type === 'FunctionExpression' || fn?.type === 'FunctionDeclaration') out.handlers.add(fn);
  };
  const addRouteOptions = (node: TSESTree.Node | undefined) => {
    const obj = node && stripTsWrappers(node);
    if (obj?.type !== 'ObjectExpression') return;
    for (const p of obj.properties) {
      if (p.type !== 'Property' || p.computed || !host.routeHandlers.includes(memberName(p.key) ?? '')) continue;
      const value = stripTsWrappers(p.value as TSESTree.Node);
      if (value.type === 'ArrayExpression') for (const e of value.elements) addHandler(e ?? undefined);
      else addHandler(value);
    }
  };
  const seen = new Set<Variable>();
  while (queue.length > 0) {
    const instance = queue.pop()!;
    if (seen.has(instance)) continue;
    seen.add(instance);
    for (const ref of instance.references) {
      const member = ref.identifier.parent;
      if (member?.type !== 'MemberExpression' || member.object !== ref.identifier || member.computed) continue;
      const call = member.parent;
      if (call?.type !== 'CallExpression' || call.callee !== member) continue;
      const method = memberName(member.property);
      if (method === host.register) addPlugin(call.arguments[0]);
      else if (method === 'addHook') {
        const name = call.arguments[0] && getStringIfConstant(call.arguments[0] as never);
        if (name && host.hooks.includes(name)) addHandler(call.arguments[1]);
      } else if (method && host.routeMethods.includes(method)) {
        if (method === 'route') addRouteOptions(call.arguments[0]);
        else {
          // `get(path, handler)`, `get(path, options, handler)`, `get(path, { handler, preHandler })`
          const [, second, third] = call.arguments;
          addRouteOptions(second);
          addHandler(third ?? second);
        }
      }
    }
  }
  if (exported.length > 0) {
    // the evidence that the exported function is a plugin of this framework, not an Express `(app) => …` module
    const { instanceNames, replyNames } = host.moduleExports!;
    const named = exported.some((fn) => fn.params[0]?.type === 'Identifier' && instanceNames.includes(fn.params[0].name));
    if (!named && ![...out.replies].some((v) => replyNames.includes(v.name))) return undefined;
  }
  return out;
}

/** The function `node` is or names: an inline function, a function declaration, a `const` bound to a function. */
function localFunction(node: TSESTree.Node): TSESTree.FunctionLike | undefined {
  const n = stripTsWrappers(node);
  if (n.type === 'ArrowFunctionExpression' || n.type === 'FunctionExpression' || n.type === 'FunctionDeclaration') return n;
  if (n.type !== 'Identifier') return undefined;
  const defs = findVariableFor(n)?.defs;
  if (defs?.length !== 1) return undefined;
  const d = defs[0];
  if (d.type === 'FunctionName' && d.node.type === 'FunctionDeclaration') return d.node;
  if (d.type !== 'Variable' || d.parent?.kind !== 'const' || !d.node.init) return undefined;
  const init = stripTsWrappers(d.node.init);
  return init.type === 'ArrowFunctionExpression' || init.type === 'FunctionExpression' ? init : undefined;
}

function isHostVariable(node: TSESTree.Node, set: ReadonlySet<Variable>): boolean {
  const n = stripTsWrappers(node);
  if (n.type !== 'Identifier') return false;
  const v = findVariableFor(n);
  return v !== undefined && set.has(v);
}

/** An instance of `host`: a known instance variable, `this` in a `function` handler, `request.server`. */
function isHostInstance(node: TSESTree.Node, host: HostValues): boolean {
  const n = stripTsWrappers(node);
  if (n.type === 'Identifier') return isHostVariable(n, host.instances);
  if (n.type === 'ThisExpression') {
    let fn: TSESTree.Node | undefined = n.parent;
    while (fn && fn.type !== 'FunctionExpression' && fn.type !== 'FunctionDeclaration') fn = fn.parent;
    return fn !== undefined && host.handlers.has(fn);
  }
  return n.type === 'MemberExpression' && !n.computed && memberName(n.property) === 'server' && isHostVariable(n.object, host.requests);
}

/** `class S extends PassportStrategy(<Strategy>) { constructor(…) { super(options) } }` → the `super(…)` calls. */
function passportStrategySuperCalls(readNode: TSESTree.Node): TSESTree.CallExpression[] {
  const uses: TSESTree.Node[] = [];
  if (readNode.type === 'ImportSpecifier' || readNode.type === 'Property') {
    const local = readNode.type === 'ImportSpecifier' ? readNode.local : readNode.value;
    if (local.type === 'Identifier') uses.push(...readRefs([findVariableFor(local)].filter(Boolean) as Variable[]));
  } else {
    uses.push(readNode);
    const decl = readNode.parent;
    if (decl?.type === 'VariableDeclarator' && decl.init === readNode && decl.id.type === 'Identifier') {
      uses.push(...readRefs([findVariableFor(decl.id)].filter(Boolean) as Variable[]));
    }
  }
  const out: TSESTree.CallExpression[] = [];
  for (const use of uses) {
    const call = use.parent;
    if (call?.type !== 'CallExpression' || call.arguments[0] !== use || call.callee.type !== 'Identifier') continue;
    if (!isImportOf(call.callee, '@nestjs/passport', 'PassportStrategy')) continue;
    const cls = call.parent;
    if (!cls || !isClass(cls) || cls.superClass !== call) continue;
    const ctor = cls.body.body.find((m) => m.type === 'MethodDefinition' && m.kind === 'constructor') as TSESTree.MethodDefinition | undefined;
    for (const stmt of ctor?.value.body?.body ?? []) {
      const expr = stmt.type === 'ExpressionStatement' ? stmt.expression : undefined;
      if (expr?.type === 'CallExpression' && expr.callee.type === 'Super') out.push(expr);
    }
  }
  return out;
}

function isImportOf(id: TSESTree.Identifier, source: string, imported: string): boolean {
  const variable = findVariableFor(id);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type !== 'ImportBinding' || def.node.type !== 'ImportSpecifier') return false;
  const decl = def.parent as TSESTree.ImportDeclaration;
  const name = def.node.imported.type === 'Identifier' ? def.node.imported.name : String(def.node.imported.value);
  return normalizeSpecifier(decl.source.value) === source && name === imported;
}

function isClass(node: TSESTree.Node): node is TSESTree.ClassDeclaration | TSESTree.ClassExpression {
  return node.type === 'ClassDeclaration' || node.type === 'ClassExpression';
}

function memberName(key: TSESTree.Node): string | undefined {
  if (key.type === 'Identifier') return key.name;
  if (key.type === 'PrivateIdentifier') return '#' + key.name;
  if (key.type === 'Literal' && typeof key.value === 'string') return key.value;
  return undefined;
}

/** `this.x = <node>` / `x = <node>` (a class field): the field and its class. */
function classFieldOf(node: TSESTree.Node): { classNode: TSESTree.ClassDeclaration | TSESTree.ClassExpression; name: string } | undefined {
  let n: TSESTree.Node = node;
  while (n.parent && (stripTsWrappers(n.parent) !== n.parent || n.parent.type === 'AwaitExpression')) n = n.parent;
  const p = n.parent;
  let name: string | undefined;
  let at: TSESTree.Node | undefined;
  if (p?.type === 'PropertyDefinition' && p.value === n && !p.computed) {
    name = memberName(p.key);
    at = p;
  } else if (p?.type === 'AssignmentExpression' && p.right === n && p.left.type === 'MemberExpression' && !p.left.computed) {
    if (p.left.object.type !== 'ThisExpression') return undefined;
    name = memberName(p.left.property);
    at = p;
  }
  if (!name || !at) return undefined;
  let c: TSESTree.Node | undefined = at.parent;
  while (c && !isClass(c)) c = c.parent;
  return c && isClass(c) ? { classNode: c, name } : undefined;
}

/** `this.<name>(…)` (method undefined) and `this.<name>.<method>(…)` calls inside a class. */
function memberCalls(
  sourceCode: SourceCode,
  classNode: TSESTree.Node,
  name: string,
): { call: TSESTree.CallExpression; method?: string }[] {
  const out: { call: TSESTree.CallExpression; method?: string }[] = [];
  const tokens = sourceCode.ast.tokens ?? [];
  const bare = name.startsWith('#') ? name.slice(1) : name;
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].range[0] < classNode.range[0]) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < tokens.length && tokens[i].range[0] < classNode.range[1]; i++) {
    const token = tokens[i];
    if (token.value !== bare && token.value !== name) continue;
    const id = sourceCode.getNodeByRangeIndex(token.range[0]) as TSESTree.Node | null;
    if (!id || (id.type !== 'Identifier' && id.type !== 'PrivateIdentifier') || memberName(id) !== name) continue;
    const member = id.parent;
    if (member?.type !== 'MemberExpression' || member.property !== id || member.computed) continue;
    if (stripTsWrappers(member.object).type !== 'ThisExpression') continue;
    let holder: TSESTree.Node = member;
    while (holder.parent && stripTsWrappers(holder.parent) !== holder.parent) holder = holder.parent;
    const parent = holder.parent;
    if (parent?.type === 'CallExpression' && parent.callee === holder) {
      out.push({ call: parent });
    } else if (parent?.type === 'MemberExpression' && parent.object === holder && !parent.computed) {
      const method = memberName(parent.property);
      const call = parent.parent;
      if (method && call?.type === 'CallExpression' && call.callee === parent) out.push({ call, method });
    }
  }
  return out;
}

/** `registerAsync({ useFactory: (…) => ({ … }) })`: the object the factory returns, or 'unknown'. */
function factoryResult(
  context: AnyContext,
  node: TSESTree.CallExpression | TSESTree.NewExpression,
  property: string,
): TSESTree.Node | 'unknown' {
  const arg = node.arguments[0];
  if (!arg || arg.type === 'SpreadElement') return 'unknown';
  const shape = readObject(context, arg);
  const entry = shape?.props.get(property);
  if (!entry || entry.overridable || entry.alternatives) return 'unknown';
  let fn = stripTsWrappers(entry.valueNode);
  if (fn.type === 'Identifier') fn = stripTsWrappers(resolveExpression(context, fn));
  if (fn.type === 'Identifier') {
    const def = findVariableFor(fn)?.defs[0];
    if (def?.type === 'FunctionName') fn = def.node as TSESTree.Node;
  }
  if (fn.type !== 'ArrowFunctionExpression' && fn.type !== 'FunctionExpression' && fn.type !== 'FunctionDeclaration') return 'unknown';
  if (fn.body.type !== 'BlockStatement') return stripTsWrappers(fn.body);
  const returns: TSESTree.ReturnStatement[] = [];
  const visit = (n: TSESTree.Node): void => {
    if (n.type === 'ReturnStatement') returns.push(n);
    if (n.type.includes('Function') || n.type.includes('Class')) return;
    for (const key of Object.keys(n)) {
      if (key === 'parent') continue;
      const v = (n as unknown as Record<string, unknown>)[key];
      for (const c of Array.isArray(v) ? v : [v]) {
        if (c && typeof c === 'object' && typeof (c as TSESTree.Node).type === 'string') visit(c as TSESTree.Node);
      }
    }
  };
  for (const stmt of fn.body.body) visit(stmt);
  return returns.length === 1 && returns[0].argument ? stripTsWrappers(returns[0].argument) : 'unknown';
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
    const parent = skipWrappersUp(node, false);
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
  if (role === 'options' && usage.optionsNode !== undefined) {
    return usage.optionsNode === 'unknown' ? { kind: 'unknown' } : { kind: 'present', node: usage.optionsNode as TSESTree.Expression };
  }
  let index = model.args[role];
  const args = usage.node.arguments;
  if (model.optionsMayBeCallback && (role === 'options' || role === 'callback')) {
    // jsonwebtoken: `verify(token, key, cb)` — a function in the options position is the callback.
    const optionsIndex = model.args.options!;
    const atOptions = args[optionsIndex];
    if (atOptions && (FUNCTION_TYPES.has(atOptions.type) || usage.namedCallback)) {
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

/**
 * The API a usage calls, for messages: its id without the import layer's notes on how it was reached
 * (`jsonwebtoken.verify(promisified)` → `jsonwebtoken.verify`, `passport-jwt.Strategy(PassportStrategy)` →
 * `passport-jwt.Strategy`, `fast-jwt.createSigner()` → `fast-jwt.createSigner`).
 */
export function apiName(usage: JwtUsage): string {
  return usage.api.replace(/\(\w*\)$/, '');
}

/** Usages of one operation, e.g. every `verify` of the file. */
export function usagesOf(context: AnyContext, ...ops: ApiModel['op'][]): JwtUsage[] {
  return getJwtUsages(context).filter((u) => ops.includes(u.model.op));
}
