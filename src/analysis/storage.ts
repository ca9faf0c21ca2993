/**
 * Writes to places any script on the page can read: `localStorage` / `sessionStorage` (`setItem`, property
 * and index writes, also through `window.` / `globalThis.` / `self.` and aliases for `setItem`),
 * `document.cookie` assignments, and browser cookie libraries (js-cookie, universal-cookie, react-cookie,
 * typescript-cookie, VueUse, ngx-cookie-service; found by `cookies.ts` through the import model).
 * Reads, `removeItem` and `clear` are not writes. Globals shadowed by a local binding are not the globals.
 * One pass per file, cached; the globals are found from one pass over the global scope's unresolved references.
 */
import { CALL, ReferenceTracker, getPropertyName } from '@eslint-community/eslint-utils';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { GLOBAL_OBJECT_NAMES, documentCookie, storageGlobals, storageHookLibraries, type StorageHookModel } from '../models/storage.js';
import { cookieCallParts, getCookieWrites, parseCookieString, type ParsedCookieString } from './cookies.js';
import { findVariable, skipWrappersUp, walkNodes } from './ast.js';
import { iterateModuleReferences, loadsAnyModule, moduleMaps } from './imports.js';
import { getOption } from './options.js';
import { perFile } from './per-file.js';
import { storageKeyNameMeaning } from './names.js';
import { resolveValue, stripTsWrappers, type AnyContext } from './values.js';

type Node = TSESTree.Node;
type Scope = TSESLint.Scope.Scope;

export interface StorageWrite {
  kind: 'web-storage' | 'document-cookie' | 'cookie-library';
  /** the call or assignment that writes */
  node: Node;
  /** how the target is named in messages: `localStorage`, `sessionStorage`, `document.cookie`, `Cookies.set` */
  target: string;
  /** the key / cookie name expression, when it is an expression */
  key?: Node;
  /** the key when the syntax spells it (`localStorage.token = …`, a parsed cookie string's name) */
  keyText?: string;
  /** the stored value */
  value?: Node;
  /** `document.cookie = '…'`: the parsed string */
  cookie?: ParsedCookieString;
}

export const getStorageWrites: (context: AnyContext) => StorageWrite[] = perFile((context) =>
  collect(context, context.sourceCode.ast as TSESTree.Program),
);

function collect(context: AnyContext, program: TSESTree.Program): StorageWrite[] {
  const out: StorageWrite[] = [];
  const text = context.sourceCode.text;
  const globals = new GlobalIndex(context.sourceCode.getScope(program) as Scope, text.includes('localStorage') || text.includes('sessionStorage'));
  let tracker: ReferenceTracker | undefined;
  for (const model of storageGlobals) {
    const roots = globals.roots(model.name);
    if (roots.length === 0) continue;
    tracker ??= new ReferenceTracker(globals.scope as never, { mode: 'legacy' });
    const seen = new Set<Node>();
    for (const root of roots) {
      const write = propertyWrite(context, root, model.methods);
      if (write) out.push({ kind: 'web-storage', target: model.name, ...write });
      const map: Record<string, unknown> = {};
      for (const method of Object.keys(model.writes)) map[method] = { [CALL]: model.writes[method] };
      for (const ref of tracker.iteratePropertyReferences(root as never, map as never)) {
        const call = ref.node as TSESTree.CallExpression;
        if (seen.has(call)) continue;
        seen.add(call);
        const roles = ref.info as { key: number; value: number };
        out.push({ kind: 'web-storage', node: call, target: model.name, key: argAt(call, roles.key), value: argAt(call, roles.value) });
      }
    }
  }
  for (const root of globals.roots(documentCookie.global)) {
    const member = memberOf(root);
    if (!member || getPropertyName(member as never) !== documentCookie.property) continue;
    const assign = member.parent;
    if (assign?.type !== 'AssignmentExpression' || assign.left !== member) continue;
    const parsed = parseCookieString(context, assign.right);
    out.push({
      kind: 'document-cookie',
      node: assign,
      target: 'document.cookie',
      keyText: parsed?.name,
      value: parsed?.valueNode,
      cookie: parsed,
    });
  }
  if (loadsAnyModule(context, HOOK_MAPS)) {
    for (const ref of iterateModuleReferences(context, HOOK_MAPS)) {
      if (ref.node.type === 'CallExpression') out.push(...hookWrites(context, ref.node, ref.info as StorageHookModel, globals));
    }
  }
  for (const w of getCookieWrites(context)) {
    if (w.kind !== 'call' || w.model.side !== 'client') continue;
    const parts = cookieCallParts(context, w);
    if (parts.unknown) continue;
    out.push({ kind: 'cookie-library', node: w.node, target: w.model.label, key: parts.name, value: parts.value });
  }
  out.sort((a, b) => a.node.range[0] - b.node.range[0]);
  return out;
}

const HOOK_MAPS = moduleMaps(
  new Map(Object.entries(storageHookLibraries).map(([module, hooks]) => [module, Object.fromEntries(hooks.map((h) => [h.export, { [CALL]: h }]))])),
);

/**
 * The writes through a storage hook's binding: `token.value = v` for a ref (VueUse), `setToken(v)` for a tuple; each is
 * a write of `v` under the hook's key. A binding that is only read writes nothing here.
 */
function hookWrites(context: AnyContext, call: TSESTree.CallExpression, model: StorageHookModel, globals: GlobalIndex): StorageWrite[] {
  let target: string = model.storage;
  if (model.storageArgument !== undefined && call.arguments.length > model.storageArgument) {
    const arg = stripTsWrappers(call.arguments[model.storageArgument]);
    const named = storageGlobals.find((g) => globals.roots(g.name).includes(arg));
    if (!named) return [];
    target = named.name;
  }
  let key: Node | undefined;
  if (typeof model.key === 'number') key = argAt(call, model.key);
  else {
    const found = getOption(context, argAt(call, model.key.object), model.key.property);
    if (found.kind === 'present') key = found.node;
  }
  if (!key) return [];
  const decl = skipWrappersUp(call).parent;
  if (decl?.type !== 'VariableDeclarator' || decl.init !== skipWrappersUp(call)) return [];
  const bound = model.returns === 'ref' ? decl.id : decl.id.type === 'ArrayPattern' ? decl.id.elements[1] : undefined;
  if (bound?.type !== 'Identifier') return [];
  const variable = context.sourceCode.getDeclaredVariables(decl).find((v) => v.name === bound.name);
  const out: StorageWrite[] = [];
  for (const ref of variable?.references ?? []) {
    const id = skipWrappersUp(ref.identifier as Node);
    const p = id.parent;
    if (model.returns === 'ref') {
      // `token.value = v`
      const assign = p?.parent;
      if (p?.type === 'MemberExpression' && p.object === id && getPropertyName(p as never) === 'value' && assign?.type === 'AssignmentExpression' && assign.left === p && assign.operator === '=') {
        out.push({ kind: 'web-storage', node: assign, target, key, value: assign.right });
      }
    } else if (p?.type === 'CallExpression' && p.callee === id && p.arguments.length > 0 && p.arguments[0].type !== 'SpreadElement') {
      // `setToken(v)`; an updater function (`setToken((t) => …)`) has an unknown value
      out.push({ kind: 'web-storage', node: p, target, key, value: p.arguments[0] });
    }
  }
  return out;
}

/** The browser globals this file names, from one pass over the global scope's unresolved references. */
const INDEXED_GLOBALS = new Set([...storageGlobals.map((m) => m.name), documentCookie.global, ...GLOBAL_OBJECT_NAMES]);

class GlobalIndex {
  private readonly through = new Map<string, Node[]>();
  constructor(
    readonly scope: Scope,
    private readonly mentionsStorage: boolean,
  ) {
    for (const r of scope.through) {
      const id = r.identifier;
      if (id.type !== 'Identifier' || !INDEXED_GLOBALS.has(id.name) || !r.isRead()) continue;
      let list = this.through.get(id.name);
      if (!list) this.through.set(id.name, (list = []));
      list.push(id as Node);
    }
  }

  private windows: Node[] | undefined;

  /**
   * References to the browser global `name`: bare (`localStorage`), through a global object (`window.localStorage`),
   * or through a binding that holds the window (`win.localStorage` with `win: Window`, AngularJS `$window`).
   */
  roots(name: string): Node[] {
    const out: Node[] = [...this.identifiers(name)];
    for (const objectName of GLOBAL_OBJECT_NAMES) {
      for (const id of this.identifiers(objectName)) {
        const member = memberOf(id);
        if (member && getPropertyName(member as never) === name) out.push(...withWrapperParameters(this.scope, [member]));
      }
    }
    this.windows ??= this.mentionsStorage ? windowBindingReads(this.scope) : [];
    for (const ref of this.windows) {
      const member = memberOf(ref);
      if (member && getPropertyName(member as never) === name) out.push(member);
    }
    return out;
  }

  /**
   * Identifiers that read the global `name` (a declared global without redefinition, or an unresolved reference), and
   * the parameters it is handed to by an immediately invoked wrapper: `(function (window, document) { … })(window,
   * document)` (UMD / jQuery-plugin style) — the parameter's reads are the global too, when it is never reassigned.
   */
  private identifiers(name: string): Node[] {
    const variable = this.scope.set.get(name);
    let ids: Node[];
    if (variable) {
      if (variable.defs.length > 0 || variable.references.some((r) => r.isWrite())) return [];
      ids = variable.references.map((r) => r.identifier as Node);
    } else {
      ids = this.through.get(name) ?? [];
    }
    return ids.length === 0 ? ids : withWrapperParameters(this.scope, ids);
  }
}

/**
 * Reads of bindings that hold the browser window under another name: a parameter, variable or constructor parameter
 * property typed `Window` (`win: Window`, `@Inject(WINDOW) private readonly window: Window`, read as `this.window`), and
 * AngularJS's injected `$window`. Never reassigned. Only looked for when the file mentions a storage global at all.
 */
function windowBindingReads(globalScope: Scope): Node[] {
  const out: Node[] = [];
  const visit = (scope: Scope) => {
    for (const variable of scope.variables) {
      const def = variable.defs[0];
      if (!def || variable.defs.length !== 1 || (def.type !== 'Parameter' && def.type !== 'Variable')) continue;
      const id = def.name as TSESTree.Identifier;
      if (id.name !== '$window' && !isWindowType(id.typeAnnotation?.typeAnnotation)) continue;
      if (variable.references.some((r) => r.isWrite() && r.identifier !== id && !(def.type === 'Variable' && r.init))) continue;
      for (const r of variable.references) if (r.isRead()) out.push(r.identifier as Node);
      // a constructor parameter property (`private readonly win: Window`) is read as `this.win` in its class
      const prop = id.parent;
      if (prop?.type === 'TSParameterProperty') out.push(...thisMemberReads(prop, id.name));
    }
    for (const child of scope.childScopes) visit(child);
  };
  visit(globalScope);
  return out;
}

function isWindowType(type: TSESTree.TypeNode | undefined): boolean {
  if (!type) return false;
  if (type.type === 'TSTypeReference') return type.typeName.type === 'Identifier' && type.typeName.name === 'Window';
  if (type.type === 'TSIntersectionType') return type.types.some(isWindowType);
  return false;
}

/** `this.<name>` reads inside the class that declares the parameter property `prop`. */
function thisMemberReads(prop: Node, name: string): Node[] {
  let cls: Node | undefined = prop.parent;
  while (cls && cls.type !== 'ClassBody') cls = cls.parent;
  const out: Node[] = [];
  walkNodes(cls, (n) => {
    if (n.type === 'MemberExpression' && n.object.type === 'ThisExpression' && !n.computed && n.property.type === 'Identifier' && n.property.name === name) {
      if (!(n.parent?.type === 'AssignmentExpression' && n.parent.left === n)) out.push(n);
    }
  });
  return out;
}

function argAt(call: TSESTree.CallExpression, i: number): Node | undefined {
  for (let k = 0; k <= i && k < call.arguments.length; k++) if (call.arguments[k].type === 'SpreadElement') return undefined;
  return call.arguments[i];
}

/** `roots` and the reads of the wrapper parameters they are handed to (transitively, bounded). */
function withWrapperParameters(globalScope: Scope, roots: Node[]): Node[] {
  const out = [...roots];
  for (let i = 0; i < out.length && out.length < 256; i++) out.push(...wrapperParameterReads(globalScope, out[i]));
  return out;
}

/** `(function (doc) { … })(document)` / `((doc) => …)(document)`: the reads of `doc` when `id` is the argument. */
function wrapperParameterReads(globalScope: Scope, id: Node): Node[] {
  let arg = id;
  while (arg.parent?.type === 'TSNonNullExpression' || arg.parent?.type === 'TSAsExpression') arg = arg.parent;
  const call = arg.parent;
  if (call?.type !== 'CallExpression' || !call.arguments.includes(arg as TSESTree.Expression)) return [];
  const fn = call.callee;
  if (fn.type !== 'FunctionExpression' && fn.type !== 'ArrowFunctionExpression') return [];
  const index = call.arguments.indexOf(arg as TSESTree.Expression);
  if (call.arguments.slice(0, index).some((a) => a.type === 'SpreadElement')) return [];
  const param = fn.params[index];
  if (param?.type !== 'Identifier') return [];
  const scope = globalScope.childScopes.length ? findFunctionScope(globalScope, fn) : undefined;
  const variable = scope?.set.get(param.name);
  if (!variable || variable.defs.length !== 1 || variable.references.some((r) => r.isWrite())) return [];
  return variable.references.map((r) => r.identifier as Node);
}

function findFunctionScope(scope: Scope, fn: Node): Scope | undefined {
  if (scope.block === fn) return scope;
  for (const child of scope.childScopes) {
    if (child.block.range[0] <= fn.range[0] && fn.range[1] <= child.block.range[1]) {
      const found = findFunctionScope(child, fn);
      if (found) return found;
    }
  }
  return undefined;
}

/** The member expression `node.x` / `node['x']` that `node` is the object of (through TS wrappers). */
function memberOf(node: Node): TSESTree.MemberExpression | undefined {
  let n = node;
  while (n.parent && (n.parent.type === 'TSNonNullExpression' || n.parent.type === 'TSAsExpression')) n = n.parent;
  const parent = n.parent;
  return parent?.type === 'MemberExpression' && parent.object === n ? parent : undefined;
}

/** `localStorage.token = v`, `localStorage['token'] = v`, `localStorage[KEY] = v` (not the Storage methods). */
function propertyWrite(context: AnyContext, root: Node, methods: readonly string[]): Omit<StorageWrite, 'kind' | 'target'> | undefined {
  const member = memberOf(root);
  const assign = member?.parent;
  if (!member || assign?.type !== 'AssignmentExpression' || assign.left !== member || assign.operator !== '=') return undefined;
  if (!member.computed) {
    const name = (member.property as TSESTree.Identifier).name;
    return methods.includes(name) ? undefined : { node: assign, keyText: name, value: assign.right };
  }
  const key = stripTsWrappers(member.property);
  const r = resolveValue(context, key);
  if (r.kind === 'known' && typeof r.value === 'string' && methods.includes(r.value)) return undefined;
  return { node: assign, key, value: assign.right };
}

export type StorageKey =
  | { kind: 'known'; text: string }
  | { kind: 'partial'; text: string }
  | { kind: 'named'; text: string }
  | { kind: 'unknown' };

/**
 * The key of a write: known (through constants), partial (the literal text of a template whose other parts
 * are unknown: `` `${prefix}_token` `` → `_token`), named (an unresolved constant: what its name says the key
 * holds, see `keyExpressionName`), or unknown.
 */
export function storageKey(context: AnyContext, write: StorageWrite): StorageKey {
  if (write.keyText !== undefined) return { kind: 'known', text: write.keyText };
  if (!write.key) return { kind: 'unknown' };
  const r = resolveValue(context, write.key);
  if (r.kind === 'known' && (typeof r.value === 'string' || typeof r.value === 'number')) return { kind: 'known', text: String(r.value) };
  const n = stripTsWrappers(write.key);
  if (n.type === 'TemplateLiteral') {
    const text = n.quasis.map((q) => q.value.cooked ?? '').join(' ').trim();
    if (text) return { kind: 'partial', text };
  }
  const named = keyExpressionName(context, n);
  return named !== undefined ? { kind: 'named', text: named } : { kind: 'unknown' };
}

/**
 * The name of a key expression whose value is unknown, minus a trailing `key` / `storageKey` word
 * (`storageKeyNameMeaning`): `STORAGE_KEYS.accessToken` → `accessToken`, `TOKEN_KEY` → `token`,
 * `config.tokenKey` → `token`. Not for a function parameter (`setItem(key, value)` in a helper says nothing).
 */
function keyExpressionName(context: AnyContext, node: Node): string | undefined {
  let name: string | undefined;
  if (node.type === 'Identifier') {
    const variable = findVariable(context, node);
    if (variable?.defs.some((d) => d.type === 'Parameter')) return undefined;
    name = node.name;
  } else if (node.type === 'MemberExpression') {
    if (!node.computed && node.property.type === 'Identifier') name = node.property.name;
    else if (node.property.type === 'Literal' && typeof node.property.value === 'string') name = node.property.value;
  }
  return name === undefined ? undefined : storageKeyNameMeaning(name);
}
