/**
 * Where this file writes cookies: calls of modelled cookie libraries (found through the import model),
 * framework response objects (Express `res.cookie`, Fastify `reply.setCookie`, Koa `ctx.cookies.set`,
 * anchored by evidence — see `models/cookies.ts`), and raw `Set-Cookie` header strings. One pass per file,
 * cached on the Program node; a file whose text never says `ookie` costs one `includes`.
 *
 * Also: reading the security flags of a write (`cookieFlag`) and parsing cookie strings
 * (`'token=…; Path=/; HttpOnly'`, for `document.cookie` and raw headers).
 */
import { insertOptionsArgumentFix, insertPropertiesFix, type FixFunction } from '../util/fix.js';
import { findVariable, isFunctionNode, skipWrappersUp } from './ast.js';
import { perFile } from './per-file.js';
import { CALL, CONSTRUCT, ReferenceTracker, getPropertyName } from '@eslint-community/eslint-utils';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import {
  NEST_RESPONSE_DECORATORS,
  ROUTE_METHODS,
  SET_COOKIE_HEADER,
  HEADER_WRITE_METHODS,
  clientCookieLibraries,
  frameworkCookieModels,
  injectedClientCookieServices,
  serverCookieLibraries,
  type CookieFlag,
  type CookieLibraryModel,
  type CookieWriteModel,
  type FlagDefault,
  type FrameworkCookieModel,
} from '../models/cookies.js';
import { importedModules, iterateModuleReferences, loadsAnyModule, moduleMaps } from './imports.js';
import { getOption, readObject } from './options.js';
import { resolveExpression, resolveValue, stripTsWrappers, type AnyContext } from './values.js';

type Node = TSESTree.Node;
type Scope = TSESLint.Scope.Scope;
type Variable = TSESLint.Scope.Variable;
type TraceMap = Record<string | symbol, unknown>;

// ---------------------------------------------------------------------------------------------------------------
// Cookie writes.

/** A call that writes a cookie (`Cookies.set(…)`, `res.cookie(…)`, `serialize(…)`, `cookies().set(…)`). */
export interface CookieCallWrite {
  kind: 'call';
  model: CookieWriteModel;
  node: TSESTree.CallExpression;
  /** where the call was anchored: a library import, a framework receiver */
  via: string;
}

/** A raw `Set-Cookie` header string (`res.setHeader('Set-Cookie', \`token=${t}; Path=/\`)`). */
export interface CookieHeaderWrite {
  kind: 'header';
  /** the string expression */
  node: Node;
  cookie: ParsedCookieString;
}

export type CookieWrite = CookieCallWrite | CookieHeaderWrite;

interface EntryInfo {
  write?: CookieWriteModel;
  returns?: { path: readonly (string | number)[]; write: CookieWriteModel };
  library: string;
}

function buildMaps(libs: readonly CookieLibraryModel[]): Map<string, TraceMap> {
  const maps = new Map<string, TraceMap>();
  for (const lib of libs) {
    const root: TraceMap = {};
    for (const entry of lib.entries) {
      let at = root;
      for (const key of entry.path) at = (at[key] ??= {}) as TraceMap;
      const info: EntryInfo = { write: entry.write, returns: entry.returns, library: lib.id };
      at[entry.how === 'call' ? CALL : CONSTRUCT] = info;
    }
    for (const m of lib.modules) maps.set(m, root);
  }
  return maps;
}
const libraryMaps = moduleMaps(buildMaps([...clientCookieLibraries, ...serverCookieLibraries]));

/** Every cookie write of the file, client and server side, in source order. */
export const getCookieWrites: (context: AnyContext) => CookieWrite[] = perFile(collectWrites);

function collectWrites(context: AnyContext): CookieWrite[] {
  const text = context.sourceCode.text;
  if (!text.includes('ookie')) return [];
  const out: CookieWrite[] = [];
  const seen = new Set<Node>();
  const add = (model: CookieWriteModel, node: Node, via: string) => {
    if (node.type !== 'CallExpression' || seen.has(node)) return;
    seen.add(node);
    out.push({ kind: 'call', model, node, via });
  };
  if (loadsAnyModule(context, libraryMaps)) {
    for (const ref of iterateModuleReferences(context, libraryMaps)) {
      const info = ref.info as EntryInfo;
      if (info.write) add(info.write, ref.node, info.library);
      else if (info.returns) followReturned(context, ref.node, info.returns.path, (call) => add(info.returns!.write, call, info.library));
    }
  }
  collectInjectedServices(context, add);
  collectFrameworkWrites(context, add);
  if (/set-cookie/i.test(text)) collectHeaderWrites(context, out);
  out.sort((a, b) => a.node.range[0] - b.node.range[0]);
  return out;
}

/** From the object a call/construct returns (awaited or not), the calls at `path` (`.set(…)`, `[1](…)`). */
function followReturned(context: AnyContext, start: Node, path: readonly (string | number)[], found: (call: Node) => void): void {
  let node = start;
  node = skipWrappersUp(node);
  const [head, ...rest] = path;
  if (typeof head === 'number') {
    // const [cookies, setCookie] = useCookies([...])
    const decl = node.parent;
    if (decl?.type !== 'VariableDeclarator' || decl.init !== node || decl.id.type !== 'ArrayPattern') return;
    const el = decl.id.elements[head];
    if (el?.type !== 'Identifier') return;
    for (const v of context.sourceCode.getDeclaredVariables(decl)) {
      if (v.name !== el.name) continue;
      for (const ref of v.references) {
        const id = ref.identifier as Node;
        if (rest.length === 0 && id.parent?.type === 'CallExpression' && id.parent.callee === id) found(id.parent);
      }
    }
    return;
  }
  const map: TraceMap = {};
  let at = map;
  for (const key of path) at = (at[String(key)] = {}) as TraceMap;
  at[CALL] = true;
  const tracker = new ReferenceTracker(context.sourceCode.getScope(context.sourceCode.ast) as never, { mode: 'legacy' });
  for (const ref of tracker.iteratePropertyReferences(node as never, map as never)) found(ref.node as Node);
  // a class field holding the object: `private cookies = new Cookies()` … `this.cookies.set(…)`
  const field = node.parent;
  if (field?.type === 'PropertyDefinition' && field.value === node && !field.computed && field.key.type === 'Identifier') {
    for (const member of thisMembers(field.parent, field.key.name)) {
      for (const ref of tracker.iteratePropertyReferences(member as never, map as never)) found(ref.node as Node);
    }
  }
}


/** `this.<name>` member expressions inside a class body (bounded walk of that class only). */
function thisMembers(body: Node, name: string): Node[] {
  const out: Node[] = [];
  const stack: Node[] = [body];
  let budget = 20000;
  while (stack.length && budget-- > 0) {
    const n = stack.pop()!;
    if (n.type === 'MemberExpression' && n.object.type === 'ThisExpression' && !n.computed && n.property.type === 'Identifier' && n.property.name === name) {
      out.push(n);
    }
    if (n !== body && (n.type === 'ClassBody' || n.type === 'FunctionDeclaration' || n.type === 'FunctionExpression') && n.parent?.type !== 'MethodDefinition' && n.parent?.type !== 'PropertyDefinition') continue;
    for (const key of Object.keys(n)) {
      if (key === 'parent') continue;
      const v = (n as unknown as Record<string, unknown>)[key];
      if (Array.isArray(v)) for (const k of v) if (k && typeof k === 'object' && typeof (k as Node).type === 'string') stack.push(k as Node);
      if (v && typeof v === 'object' && typeof (v as Node).type === 'string') stack.push(v as Node);
    }
  }
  return out;
}

/** Angular: `constructor(private cookieService: CookieService)` / `cookies = inject(CookieService)` … `this.cookieService.set(…)`. */
function collectInjectedServices(context: AnyContext, add: (model: CookieWriteModel, node: Node, via: string) => void): void {
  const program = context.sourceCode.ast as TSESTree.Program;
  for (const service of injectedClientCookieServices) {
    if (!service.modules.some((m) => importedModules(context).has(m))) continue;
    for (const stmt of program.body) {
      if (stmt.type !== 'ImportDeclaration' || !(service.modules as readonly string[]).includes(String(stmt.source.value))) continue;
      for (const spec of stmt.specifiers) {
        if (spec.type !== 'ImportSpecifier' || getPropertyName({ type: 'MemberExpression', property: spec.imported, computed: false } as never) !== service.className) continue;
        for (const v of context.sourceCode.getDeclaredVariables(spec)) {
          for (const ref of v.references) {
            const field = injectedField(ref.identifier as Node);
            if (!field) continue;
            for (const member of thisMembers(field.classBody, field.name)) {
              const m = member.parent;
              if (m?.type === 'MemberExpression' && m.object === member && getPropertyName(m as never) === service.method && m.parent?.type === 'CallExpression' && m.parent.callee === m) {
                add(service.write, m.parent, service.id);
              }
            }
          }
        }
      }
    }
  }
}

/** The class field a reference to an injected class lands in: a constructor parameter property's type, or `inject(X)`. */
function injectedField(ref: Node): { name: string; classBody: Node } | undefined {
  let n: Node | undefined = ref;
  for (let i = 0; i < 6 && n; i++, n = n.parent) {
    if (n.type === 'TSParameterProperty' && n.parameter.type === 'Identifier') {
      const cls = enclosing(n, 'ClassBody');
      return cls && { name: n.parameter.name, classBody: cls };
    }
    if (n.type === 'PropertyDefinition' && !n.computed && n.key.type === 'Identifier') {
      const cls = enclosing(n, 'ClassBody');
      return cls && { name: n.key.name, classBody: cls };
    }
  }
  return undefined;
}

function enclosing(node: Node, type: string): Node | undefined {
  let n = node.parent;
  while (n && n.type !== type) n = n.parent;
  return n ?? undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Framework receivers (Express / Fastify / Koa).

const FRAMEWORK_METHOD_NAMES = new Set(frameworkCookieModels.flatMap((m) => m.methods.map((p) => p[0])));
const REQUEST_PARAM = /^_?req(uest)?$/;

function collectFrameworkWrites(context: AnyContext, add: (model: CookieWriteModel, node: Node, via: string) => void): void {
  const sourceCode = context.sourceCode;
  for (const prop of frameworkMethodIdentifiers(sourceCode)) {
    const member = prop.parent;
    if (member?.type !== 'MemberExpression' || member.property !== prop || member.computed) continue;
    for (const model of frameworkCookieModels) {
      for (const path of model.methods) {
        if (path[0] !== prop.name) continue;
        let m: Node = member;
        let ok = true;
        for (const key of path.slice(1)) {
          const up: Node | undefined = m.parent;
          if (up?.type !== 'MemberExpression' || up.object !== m || getPropertyName(up as never) !== key) {
            ok = false;
            break;
          }
          m = up;
        }
        const call = m.parent;
        if (!ok || call?.type !== 'CallExpression' || call.callee !== m) continue;
        const receiver = unchain(member.object, model.chainable);
        const anchored = anchorFramework(context, receiver, path[0]) ?? anchorByOptions(context, receiver, call, model);
        if (anchored && anchored.id === model.id) add(model.write, call, anchored.id);
      }
    }
  }
}

/**
 * The object a chain of receiver-returning calls starts from: `res` for `res.status(200).cookie(…)`, `reply` for
 * `reply.code(200).header('x', y).setCookie(…)`. Other calls (`getRes().cookie(…)`) are left as they are.
 */
export function unchain(node: Node, chainable: readonly string[]): Node {
  let n = stripTsWrappers(node);
  for (let i = 0; i < 16 && n.type === 'CallExpression'; i++) {
    const callee = stripTsWrappers(n.callee);
    if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier') break;
    if (!chainable.includes(callee.property.name)) break;
    n = stripTsWrappers(callee.object);
  }
  return n;
}

/** Option keys only a cookie has: their presence says the call sets a cookie, whatever the receiver's origin. */
const COOKIE_OPTION_KEYS = ['httpOnly', 'sameSite', 'secure', 'maxAge', 'signed'];

/**
 * A helper of a file that loads no framework (`function setLegacySession(res, id) { res.cookie('session_id', id,
 * legacyCookie) }`): the receiver is a parameter named like the response, and the options are a cookie's.
 */
function anchorByOptions(context: AnyContext, receiver: Node, call: TSESTree.CallExpression, model: FrameworkCookieModel): FrameworkCookieModel | undefined {
  if (receiver.type !== 'Identifier' || !model.receiverNames.includes(receiver.name)) return undefined;
  // `.cookie(…)` is Express's, or Fastify's alias in a file that loads Fastify (as in `anchorFramework`)
  const fastifyFile = loadsFramework(context, byId('fastify'));
  const method = call.callee.type === 'MemberExpression' ? getPropertyName(call.callee as never) : undefined;
  if (model.id === 'express' && fastifyFile) return undefined;
  if (model.id === 'fastify' && method === 'cookie' && !fastifyFile) return undefined;
  const variable = findVariable(context, receiver);
  if (!variable || !parameterOf(variable)) return undefined;
  const index = model.write.args.options;
  const options = index === undefined ? undefined : call.arguments[index];
  if (!options || options.type === 'SpreadElement') return undefined;
  const shape = readObject(context, options);
  return shape && COOKIE_OPTION_KEYS.some((k) => shape.props.has(k)) ? model : undefined;
}

const isIdentifierChar = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 36;

/**
 * The identifiers of the file named in `names` that contain `fragment` (every name must), found by a text search for
 * the fragment and the node at each hit — instead of a walk over every token. Hits in strings and comments are no
 * identifier node and are skipped.
 */
function memberNamesInText(sourceCode: AnyContext['sourceCode'], fragment: string, names: ReadonlySet<string>): TSESTree.Identifier[] {
  const out: TSESTree.Identifier[] = [];
  const text = sourceCode.text;
  let last = -1;
  for (let i = text.indexOf(fragment); i >= 0; i = text.indexOf(fragment, i + fragment.length)) {
    let start = i;
    while (start > 0 && isIdentifierChar(text.charCodeAt(start - 1))) start--;
    let end = i + fragment.length;
    while (end < text.length && isIdentifierChar(text.charCodeAt(end))) end++;
    if (start === last || !names.has(text.slice(start, end))) continue;
    last = start;
    const node = sourceCode.getNodeByRangeIndex(start) as Node | null;
    if (node?.type === 'Identifier' && node.range[0] === start && node.range[1] === end) out.push(node);
  }
  return out;
}

/** Every framework method name says `ookie` (`cookie`, `setCookie`, `cookies`): a text search finds them. */
const METHOD_FRAGMENT = 'ookie';
const METHODS_SEARCHABLE = [...FRAMEWORK_METHOD_NAMES].every((n) => n.includes(METHOD_FRAGMENT));

function frameworkMethodIdentifiers(sourceCode: AnyContext['sourceCode']): TSESTree.Identifier[] {
  if (METHODS_SEARCHABLE) return memberNamesInText(sourceCode, METHOD_FRAGMENT, FRAMEWORK_METHOD_NAMES);
  // a model added a method without the fragment: walk the tokens
  const out: TSESTree.Identifier[] = [];
  for (const token of sourceCode.ast.tokens ?? []) {
    if (token.type !== 'Identifier' || !FRAMEWORK_METHOD_NAMES.has(token.value)) continue;
    const node = sourceCode.getNodeByRangeIndex(token.range[0]) as Node | null;
    if (node?.type === 'Identifier') out.push(node);
  }
  return out;
}

const byId = (id: FrameworkCookieModel['id']) => frameworkCookieModels.find((m) => m.id === id)!;

/** The file imports one of the framework's modules. */
const loadsFramework = (context: AnyContext, model: FrameworkCookieModel): boolean => model.modules.some((m) => importedModules(context).has(m));

/**
 * Which framework's response object `receiver` is, on evidence (see `models/cookies.ts`), or undefined.
 * `method` is the first member used (`cookie`, `setCookie`, `cookies`).
 */
export function anchorFramework(context: AnyContext, receiver: Node, method: string): FrameworkCookieModel | undefined {
  if (receiver.type === 'ThisExpression') return anchorThis(context, receiver, method);
  if (receiver.type !== 'Identifier') return undefined;
  const candidates = frameworkCookieModels.filter((m) => m.methods.some((p) => p[0] === method));
  if (candidates.length === 0) return undefined;
  const imports = importedModules(context);
  const importsOf = (m: FrameworkCookieModel) => loadsFramework(context, m);
  // `.cookie` is Express's, or Fastify's alias in a file that loads Fastify
  const fastifyFile = loadsFramework(context, byId('fastify'));
  const model = candidates.length > 1 ? candidates.find((c) => (c.id === 'fastify') === fastifyFile) : candidates[0];
  if (!model) return undefined;
  const variable = findVariable(context, receiver);
  const param = variable && parameterOf(variable);
  if (param) {
    const typed = typedFrom(context, param.node, model);
    if (typed !== undefined) return typed ? model : undefined;
    if (hasNestResponseDecorator(context, param.node)) return model;
    if (importsOf(model) && param.index === model.handlerParam && isRouteHandler(param.fn)) return model;
  }
  const nestFile = imports.has(NEST_RESPONSE_DECORATORS.module) && model.id !== 'koa';
  if ((importsOf(model) || nestFile) && model.receiverNames.includes(receiver.name)) return model;
  // without an import: the framework's handler signature is the evidence
  if (param && param.index === model.handlerParam && model.receiverNames.includes(receiver.name) && hasHandlerSignature(param.fn, model)) return model;
  return undefined;
}


/**
 * `this` of a function that is the reply: one declared `function (this: FastifyReply, …)` (typed from the framework),
 * or the method of a Fastify `decorateReply(name, function () { … })`.
 */
function anchorThis(context: AnyContext, receiver: TSESTree.ThisExpression, method: string): FrameworkCookieModel | undefined {
  let fn: Node | undefined = receiver.parent;
  while (fn && (fn.type === 'ArrowFunctionExpression' || !isFunctionNode(fn))) fn = fn.parent;
  if (!fn || !isFunctionNode(fn)) return undefined;
  const candidates = frameworkCookieModels.filter((m) => m.methods.some((p) => p[0] === method));
  const thisParam = fn.params[0];
  if (thisParam?.type === 'Identifier' && thisParam.name === 'this') return candidates.find((m) => typedFrom(context, thisParam, m) === true);
  const call = fn.parent;
  const decorates =
    call?.type === 'CallExpression' && call.arguments[1] === fn && call.callee.type === 'MemberExpression' && getPropertyName(call.callee as never) === 'decorateReply';
  return decorates ? candidates.find((m) => m.id === 'fastify') : undefined;
}

interface ParamInfo {
  node: Node;
  index: number;
  fn: TSESTree.FunctionLike;
}

function parameterOf(variable: Variable): ParamInfo | undefined {
  const def = variable.defs[0];
  if (!def || def.type !== 'Parameter') return undefined;
  const fn = def.node as TSESTree.FunctionLike;
  const params = fn.params as Node[];
  for (let i = 0; i < params.length; i++) {
    let p: Node = params[i];
    const outer = p;
    if (p.type === 'TSParameterProperty') p = p.parameter;
    if (p.type === 'AssignmentPattern') p = p.left;
    if (p === def.name) return { node: outer, index: i, fn };
  }
  return undefined;
}

/** `res: Response` (from express), `reply: FastifyReply`, `ctx: Context` (from koa): true / false when typed, undefined when not. */
function typedFrom(context: AnyContext, param: Node, model: FrameworkCookieModel): boolean | undefined {
  let p = param;
  if (p.type === 'TSParameterProperty') p = p.parameter;
  if (p.type === 'AssignmentPattern') p = p.left;
  const ann = (p as { typeAnnotation?: TSESTree.TSTypeAnnotation }).typeAnnotation?.typeAnnotation;
  if (!ann || ann.type !== 'TSTypeReference') return undefined;
  let name = ann.typeName;
  let typeName: string;
  if (name.type === 'TSQualifiedName') {
    typeName = name.right.name;
    while (name.type === 'TSQualifiedName') name = name.left;
  } else if (name.type === 'Identifier') {
    typeName = name.name;
  } else return undefined;
  if (name.type !== 'Identifier') return undefined;
  const module = importSourceOf(context, name);
  if (module === undefined) return undefined;
  const anyFramework = frameworkCookieModels.some((m) => m.modules.includes(module));
  if (!anyFramework) return false;
  return model.modules.includes(module) && (ann.typeName.type === 'TSQualifiedName' || model.types.includes(typeName));
}

/** The module an identifier is imported from (ESM or `import x = require()`), if it is an import. */
function importSourceOf(context: AnyContext, id: TSESTree.Identifier): string | undefined {
  const v = findVariable(context, id);
  const def = v?.defs[0];
  if (!def) return undefined;
  if (def.type === 'ImportBinding') {
    const decl = def.parent as Node | null;
    if (decl?.type === 'ImportDeclaration') return String(decl.source.value);
    if (decl?.type === 'TSImportEqualsDeclaration' && decl.moduleReference.type === 'TSExternalModuleReference') {
      const e = decl.moduleReference.expression;
      return e.type === 'Literal' ? String(e.value) : undefined;
    }
  }
  return undefined;
}

function hasNestResponseDecorator(context: AnyContext, param: Node): boolean {
  const decorators = (param as { decorators?: TSESTree.Decorator[] }).decorators ?? [];
  for (const d of decorators) {
    const e = d.expression.type === 'CallExpression' ? d.expression.callee : d.expression;
    if (e.type !== 'Identifier') continue;
    const v = findVariable(context, e);
    const def = v?.defs[0];
    if (def?.type !== 'ImportBinding' || (def.parent as TSESTree.ImportDeclaration).source.value !== NEST_RESPONSE_DECORATORS.module) continue;
    const spec = def.node as Node;
    const imported = spec.type === 'ImportSpecifier' ? (spec.imported.type === 'Identifier' ? spec.imported.name : String(spec.imported.value)) : undefined;
    if (imported && (NEST_RESPONSE_DECORATORS.names as readonly string[]).includes(imported)) return true;
  }
  return false;
}

/** A function passed to `app.get(path, fn)`, `router.post(…, fn)`, `fastify.get(…, fn)`, `app.use(fn)`. */
function isRouteHandler(fn: TSESTree.FunctionLike): boolean {
  const call = fn.parent;
  if (call?.type !== 'CallExpression' || !call.arguments.includes(fn as never)) return false;
  const callee = stripTsWrappers(call.callee);
  if (callee.type !== 'MemberExpression') return false;
  const name = getPropertyName(callee as never);
  return name != null && ROUTE_METHODS.includes(name);
}

/** `(req, res)`, `(request, reply, next)` for Express/Fastify; `(ctx)`, `(ctx, next)` for Koa. */
function hasHandlerSignature(fn: TSESTree.FunctionLike, model: FrameworkCookieModel): boolean {
  const names = fn.params.map((p) => (p.type === 'Identifier' ? p.name : p.type === 'TSParameterProperty' || p.type === 'AssignmentPattern' ? '' : ''));
  if (model.id === 'koa') return names.length === 1 || (names.length === 2 && names[1] === 'next');
  return names.length >= 2 && names.length <= 3 && REQUEST_PARAM.test(names[0]) && (names.length === 2 || names[2] === 'next');
}

// ---------------------------------------------------------------------------------------------------------------
// Raw Set-Cookie headers.

function collectHeaderWrites(context: AnyContext, out: CookieWrite[]): void {
  const sourceCode = context.sourceCode;
  for (const token of sourceCode.ast.tokens ?? []) {
    if (token.type !== 'String' || token.value.slice(1, -1).toLowerCase() !== SET_COOKIE_HEADER) continue;
    const lit = sourceCode.getNodeByRangeIndex(token.range[0]) as Node | null;
    if (lit?.type !== 'Literal') continue;
    const parent = lit.parent;
    let values: Node[] = [];
    if (parent?.type === 'CallExpression' && parent.arguments[0] === lit && parent.arguments[1]) {
      const callee = stripTsWrappers(parent.callee);
      const name = callee.type === 'MemberExpression' ? getPropertyName(callee as never) : null;
      if (!name || !HEADER_WRITE_METHODS.includes(name)) continue;
      values = [parent.arguments[1]];
    } else if (parent?.type === 'Property' && parent.key === lit && parent.parent?.type === 'ObjectExpression') {
      values = [parent.value];
    } else continue;
    for (const v of values) {
      let expr = resolveExpression(context, stripTsWrappers(v));
      const list = expr.type === 'ArrayExpression' ? expr.elements : [expr];
      for (const el of list) {
        if (!el || el.type === 'SpreadElement') continue;
        expr = resolveExpression(context, stripTsWrappers(el));
        const cookie = parseCookieString(context, expr);
        // `serialize(…)` and other calls are checked where they are made
        if (cookie && cookie.literalShape) out.push({ kind: 'header', node: el, cookie });
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Cookie strings.

export interface ParsedCookieString {
  /** the cookie name when statically known */
  name?: string;
  /** the expression holding the value, when the value is not a literal */
  valueNode?: Node;
  /** lowercased attribute names (and `samesite` value) when every attribute part is known; undefined otherwise */
  attributes?: Map<string, string>;
  /** the string is built from literal text (a template, a concatenation, a literal), not a call */
  literalShape: boolean;
}

type Part = { text: string } | { node: Node };

function flatten(context: AnyContext, node: Node, out: Part[], depth: number): void {
  const n = stripTsWrappers(node);
  if (depth > 8) {
    out.push({ node: n });
    return;
  }
  if (n.type === 'TemplateLiteral') {
    n.quasis.forEach((q, i) => {
      out.push({ text: q.value.cooked ?? '' });
      if (i < n.expressions.length) flatten(context, n.expressions[i], out, depth + 1);
    });
    return;
  }
  if (n.type === 'BinaryExpression' && n.operator === '+') {
    flatten(context, n.left, out, depth + 1);
    flatten(context, n.right, out, depth + 1);
    return;
  }
  const r = resolveValue(context, n);
  if (r.kind === 'known' && (typeof r.value === 'string' || typeof r.value === 'number')) out.push({ text: String(r.value) });
  else out.push({ node: n });
}

/** Parses `'name=value; Attr; Attr=x'` built from literals, templates and concatenation. */
export function parseCookieString(context: AnyContext, node: Node): ParsedCookieString | undefined {
  const n = stripTsWrappers(node);
  const literalShape = n.type === 'TemplateLiteral' || (n.type === 'BinaryExpression' && n.operator === '+') || (n.type === 'Literal' && typeof n.value === 'string');
  const parts: Part[] = [];
  flatten(context, n, parts, 0);
  // name: the text before the first '='
  let name = '';
  let i = 0;
  let nameKnown = true;
  let eqFound = false;
  for (; i < parts.length; i++) {
    const p = parts[i];
    if ('node' in p) {
      nameKnown = false;
      continue;
    }
    const eq = p.text.indexOf('=');
    if (eq < 0) {
      name += p.text;
      continue;
    }
    name += p.text.slice(0, eq);
    eqFound = true;
    parts[i] = { text: p.text.slice(eq + 1) };
    break;
  }
  if (!eqFound) return undefined;
  // value: up to the first ';'
  let valueNode: Node | undefined;
  let attrText = '';
  let attrsKnown = true;
  let inAttrs = false;
  for (; i < parts.length; i++) {
    const p = parts[i];
    if ('node' in p) {
      if (inAttrs) attrsKnown = false;
      else valueNode ??= p.node;
      continue;
    }
    if (!inAttrs) {
      const semi = p.text.indexOf(';');
      if (semi < 0) continue;
      inAttrs = true;
      attrText += p.text.slice(semi);
    } else attrText += p.text;
  }
  let attributes: Map<string, string> | undefined;
  if (attrsKnown) {
    attributes = new Map();
    for (const raw of attrText.split(';')) {
      const [k, ...v] = raw.split('=');
      const key = k.trim().toLowerCase();
      if (key) attributes.set(key, v.join('=').trim().toLowerCase());
    }
  }
  return { name: nameKnown ? name.trim() : undefined, valueNode, attributes, literalShape };
}

// ---------------------------------------------------------------------------------------------------------------
// Name, value and flags of a write.

export interface CookieParts {
  /** the name expression (or the `name` property value of the object form) */
  name?: Node;
  value?: Node;
  /** the options object (the whole object in the object form) */
  options?: Node;
  /** a spread argument or an unknown object form makes the parts unknown */
  unknown: boolean;
}

export function cookieCallParts(context: AnyContext, write: CookieCallWrite): CookieParts {
  const args = write.node.arguments;
  const { name, value, options, object } = write.model.args;
  const spreadAt = args.findIndex((a) => a.type === 'SpreadElement');
  if (object !== undefined && args.length === object + 1 && args[object].type !== 'SpreadElement') {
    const obj = args[object];
    const r = resolveValue(context, obj);
    const isObject = stripTsWrappers(resolveExpression(context, obj)).type === 'ObjectExpression' || (r.kind === 'known' && typeof r.value === 'object');
    if (isObject) {
      const n = getOption(context, obj, 'name');
      const v = getOption(context, obj, 'value');
      return { name: n.kind === 'present' ? n.node : undefined, value: v.kind === 'present' ? v.node : undefined, options: obj, unknown: false };
    }
    if (r.kind !== 'known' || typeof r.value !== 'string') return { unknown: true };
  }
  const at = (i: number | undefined) => (i === undefined || (spreadAt >= 0 && spreadAt <= i) ? undefined : (args[i] as Node | undefined));
  return { name: at(name), value: at(value), options: at(options), unknown: spreadAt >= 0 && spreadAt <= (options ?? 0) };
}

export type FlagState =
  | { kind: 'safe' }
  | { kind: 'missing' }
  | { kind: 'unsafe'; node: Node; value: unknown }
  | { kind: 'unknown' };

const SAFE_SAME_SITE = new Set(['strict', 'lax']);

/**
 * The state of one flag in a server-side cookie write. `strictRefresh`: `sameSite: 'none'` is unsafe (a refresh
 * cookie); otherwise `'none'` is an explicit choice and counts as set.
 */
export function cookieFlag(context: AnyContext, write: CookieCallWrite, parts: CookieParts, flag: CookieFlag, strictRefresh: boolean): FlagState {
  if (parts.unknown) return { kind: 'unknown' };
  const defaults = write.model.defaults ?? { httpOnly: 'unset', secure: 'unset', sameSite: 'unset' };
  if (flag === 'secure' && write.model.secureForcingOption) {
    const forced = getOption(context, parts.options, write.model.secureForcingOption);
    if (forced.kind === 'present' && forced.value.kind === 'known' && forced.value.value) return { kind: 'safe' };
    if (forced.kind === 'unknown' || (forced.kind === 'present' && forced.value.kind !== 'known')) return { kind: 'unknown' };
  }
  const opt = getOption(context, parts.options, flag);
  if (opt.kind === 'unknown') return { kind: 'unknown' };
  if (opt.kind === 'absent' || opt.value.kind === 'absent') return fromDefault(context, defaults[flag]);
  const v = opt.value;
  if (v.kind !== 'known') return { kind: 'unknown' }; // env checks, config values, parameters
  return judgeFlag(flag, v.value, opt.node, strictRefresh);
}

/**
 * A flag that is not given: `connection` (Koa's `secure`) is only guaranteed when the app trusts the proxy's
 * `X-Forwarded-Proto` (`app.proxy = true`, `new Koa({ proxy: true })`) — most Koa apps run plain HTTP behind a
 * TLS-terminating proxy, where the cookie would go out without `Secure`.
 */
function fromDefault(context: AnyContext, d: FlagDefault): FlagState {
  if (d === 'safe') return { kind: 'safe' };
  if (d === 'connection' && /\.proxy\s*=\s*true\b|\bproxy\s*:\s*true\b/.test(context.sourceCode.text)) return { kind: 'safe' };
  return { kind: 'missing' };
}

function judgeFlag(flag: CookieFlag, value: unknown, node: Node, strictRefresh: boolean): FlagState {
  if (flag === 'sameSite') {
    if (value === true) return { kind: 'safe' };
    if (typeof value === 'string') {
      const s = value.toLowerCase();
      if (SAFE_SAME_SITE.has(s)) return { kind: 'safe' };
      if (s === 'none') return strictRefresh ? { kind: 'unsafe', node, value } : { kind: 'safe' };
      return { kind: 'unknown' };
    }
    return value === false ? { kind: 'unsafe', node, value } : { kind: 'unknown' };
  }
  if (value === true || value === 'auto') return { kind: 'safe' };
  if (value === false || value === undefined || value === null || value === 0 || value === '') return { kind: 'unsafe', node, value };
  return { kind: 'unknown' };
}

/** The state of a flag in a parsed raw cookie string. */
export function headerFlag(cookie: ParsedCookieString, flag: CookieFlag, strictRefresh: boolean): FlagState {
  if (!cookie.attributes) return { kind: 'unknown' };
  if (flag === 'httpOnly') return cookie.attributes.has('httponly') ? { kind: 'safe' } : { kind: 'missing' };
  if (flag === 'secure') return cookie.attributes.has('secure') ? { kind: 'safe' } : { kind: 'missing' };
  const s = cookie.attributes.get('samesite');
  if (s === undefined) return { kind: 'missing' };
  if (SAFE_SAME_SITE.has(s)) return { kind: 'safe' };
  return s === 'none' && !strictRefresh ? { kind: 'safe' } : { kind: 'missing' };
}

/** `__Secure-` / `__Host-` names: browsers refuse them without `Secure`, so `secure` is implied. */
export function hasSecurePrefix(name: string | undefined): boolean {
  return name !== undefined && (name.startsWith('__Secure-') || name.startsWith('__Host-'));
}

// ---------------------------------------------------------------------------------------------------------------
// Suggestions.

/** The safe value of each flag, as source text (`sameSite` depends on the cookie: refresh → strict). */
export function safeFlagText(model: CookieWriteModel | undefined, flag: CookieFlag, refresh: boolean): string {
  if (flag !== 'sameSite') return 'true';
  const v = refresh ? 'strict' : 'lax';
  return `'${model?.sameSiteSpelling === 'capitalized' ? v[0].toUpperCase() + v.slice(1) : v}'`;
}

/** Raw header attributes for the missing flags: `HttpOnly`, `Secure`, `SameSite=Strict`. */
export function headerAttributeText(flag: CookieFlag, refresh: boolean): string {
  return flag === 'httpOnly' ? 'HttpOnly' : flag === 'secure' ? 'Secure' : `SameSite=${refresh ? 'Strict' : 'Lax'}`;
}

/**
 * The edit that adds `props` (`['httpOnly: true', …]`) to a call's options: into an inline object literal
 * of the call, or as a new last argument when there is none. Undefined when the options are elsewhere
 * (a variable, a spread, a call) — then the edit is not determined by this call.
 */
export function addOptionsFix(
  sourceCode: AnyContext['sourceCode'],
  write: CookieCallWrite,
  parts: CookieParts,
  props: readonly string[],
): FixFunction | undefined {
  const call = write.node;
  const options = parts.options && stripTsWrappers(parts.options);
  if (options) {
    if (options.type !== 'ObjectExpression' || !call.arguments.some((a) => a.range[0] <= options.range[0] && options.range[1] <= a.range[1])) return undefined;
    return insertPropertiesFix(sourceCode, options, props);
  }
  const { value, options: optionsIndex } = write.model.args;
  return value === undefined || optionsIndex === undefined ? undefined : insertOptionsArgumentFix(call, optionsIndex, props);
}
