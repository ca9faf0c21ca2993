/**
 * Where a decoded token goes, and whether it was verified.
 *
 * - `isUnverifiedDecode(context, usage)`: the usage reads a token without checking its signature (`op: 'decode'`, or a
 *   verify API called with a known truthy `noVerify` argument, e.g. jwt-simple `decode(t, k, true)`).
 * - `isVerifiedInSameFunction(context, usage)`: the same token is verified in the function that decodes it (before or
 *   after), by a modelled verify API or by a call to a function named like a verifier (`verifyToken(token)`).
 * - `classifyDecodedUse(context, usage)`: what is read from the decoded value — only header fields (`kid`, `alg`), only
 *   time claims (`exp`, `iat`, `nbf`), nothing, or anything else (`other`: claims, the whole object, passed on).
 * - `isBrowserCode(context)`: the file runs in a browser (see `browserSignals` for the heuristic).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { perFile } from './per-file.js';
import { enclosingFunction, findVariable, isUnshadowedGlobal, skipWrappersUp, staticKeyName, staticMemberName, within } from './ast.js';
import { getArg, getJwtUsages, importedModules, type JwtUsage } from './imports.js';
import { splitWords } from './names.js';
import { getInheritedOption, getUsageOption } from './usage-options.js';
import { resolveExpression, resolveValue, stripTsWrappers, type AnyContext } from './values.js';

type Node = TSESTree.Node;

// ---------------------------------------------------------------------------------------------------------------
// Decode or verify?

export function isUnverifiedDecode(context: AnyContext, usage: JwtUsage): boolean {
  if (usage.model.op === 'decode') return true;
  if (usage.model.op !== 'verify' || usage.model.args.noVerify === undefined) return false;
  const flag = getArg(usage, 'noVerify');
  if (flag.kind !== 'present') return false;
  const r = resolveValue(context, flag.node);
  return r.kind === 'known' && Boolean(r.value);
}

// ---------------------------------------------------------------------------------------------------------------
// Same token verified in the same function?

/** Words that name a verifying helper: `verifyToken`, `validateJwt`, `authenticate`, `assertValidToken`. */
const VERIFIER_WORDS = new Set(['verify', 'verified', 'validate', 'authenticate', 'assert']);

/** The function around `node`, or the Program at module level. */
function functionOrProgram(node: Node): Node {
  return enclosingFunction(node) ?? (node.type === 'Program' ? node : functionOrProgram(node.parent!));
}



/** Two expressions that hold the same token: the same variable, the same definition, or the same source text. */
export function sameToken(context: AnyContext, a: Node, b: Node): boolean {
  const x = stripTsWrappers(a);
  const y = stripTsWrappers(b);
  if (x.type === 'Identifier' && y.type === 'Identifier') {
    const vx = findVariable(context, x);
    const vy = findVariable(context, y);
    if (vx && vx === vy) return true;
    // two variables of the same name are different tokens, unless both stand for the same expression
    if (vx && vy) {
      const rx = resolveExpression(context, x);
      const ry = resolveExpression(context, y);
      return rx !== x && ry !== y && (rx === ry || sameToken(context, rx, ry));
    }
  }
  const text = (n: Node) => context.sourceCode.getText(n).replace(/\s+/g, '');
  if (text(x) === text(y) && !hasCall(x)) return true;
  const rx = resolveExpression(context, x);
  const ry = resolveExpression(context, y);
  return rx === ry || (text(rx) === text(ry) && rx.type !== 'Identifier' && !isParameterLike(rx) && !hasCall(rx));
}

/** `req.headers.authorization.split(' ')[1]` twice is the same token; `getToken()` twice may not be. */
function hasCall(node: Node): boolean {
  let n: Node = node;
  for (let i = 0; i < 12; i++) {
    n = stripTsWrappers(n);
    if (n.type === 'MemberExpression') n = n.object;
    else if (n.type === 'CallExpression') {
      // string helpers on the same value are pure
      if (n.callee.type === 'MemberExpression' && !n.callee.computed && n.callee.property.type === 'Identifier' && PURE_METHODS.has(n.callee.property.name)) {
        n = n.callee.object;
        continue;
      }
      return true;
    } else return false;
  }
  return true;
}
const PURE_METHODS = new Set(['split', 'slice', 'substring', 'substr', 'replace', 'trim', 'toString', 'at']);

function isParameterLike(n: Node): boolean {
  return n.type === 'ObjectPattern' || n.type === 'ArrayPattern';
}

function isVerifierName(name: string): boolean {
  return splitWords(name).some((w) => VERIFIER_WORDS.has(w));
}

/** The decoded token is also verified in the same function, by a modelled API or a verifier-named helper. */
export function isVerifiedInSameFunction(context: AnyContext, usage: JwtUsage): boolean {
  const token = getArg(usage, 'token');
  if (token.kind !== 'present') return false;
  // the function of the decode, widened through inner closures (`items.map(() => jwt.decode(t))`, `const later = () => …`)
  // to the named function that holds them; a module-level arrow function is a function of its own
  let fn = functionOrProgram(usage.node);
  for (let i = 0; i < 4 && isInnerClosure(fn); i++) fn = functionOrProgram(fn);
  for (const other of getJwtUsages(context)) {
    if (other === usage || other.model.op !== 'verify' || !within(other.node, fn)) continue;
    if (isUnverifiedDecode(context, other)) continue;
    const t = getArg(other, 'token');
    if (t.kind === 'present' && sameToken(context, t.node, token.node)) return true;
  }
  return verifiedByHelper(context, fn, token.node);
}

function isInnerClosure(fn: Node): boolean {
  if (fn.type !== 'ArrowFunctionExpression' && fn.type !== 'FunctionExpression') return false;
  const p = fn.parent;
  if (p?.type === 'MethodDefinition' || (p?.type === 'Property' && (p.method || p.kind !== 'init'))) return false;
  return enclosingFunction(fn) !== undefined;
}

/** `await verifyToken(token)`, `this.auth.validate(token)` in the same function. */
function verifiedByHelper(context: AnyContext, fn: Node, token: Node): boolean {
  const t = stripTsWrappers(token);
  if (t.type !== 'Identifier') return false;
  const variable = findVariable(context, t);
  if (!variable) return false;
  for (const ref of variable.references) {
    const id = ref.identifier as Node;
    if (!ref.isRead() || !within(id, fn)) continue;
    let arg: Node = id;
    while (arg.parent && (arg.parent.type === 'TSAsExpression' || arg.parent.type === 'TSNonNullExpression')) arg = arg.parent;
    const call = arg.parent;
    if (call?.type !== 'CallExpression' || !call.arguments.includes(arg as TSESTree.CallExpressionArgument)) continue;
    const callee = stripTsWrappers(call.callee);
    const name =
      callee.type === 'Identifier'
        ? callee.name
        : callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier'
          ? callee.property.name
          : undefined;
    if (name && isVerifierName(name)) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------------------------
// What is read from the decoded value?

export type DecodedUse = 'header' | 'time' | 'none' | 'returned' | 'other';
/** Marks a read path whose value is returned from the enclosing function. */
const RETURNED = '\u0000returned';
/** The parts of a complete decode (`{ header, payload, signature }`). */
const PARTS: ReadonlySet<string> = new Set(['header', 'payload', 'signature']);
const TIME_CLAIMS = new Set(['exp', 'iat', 'nbf']);
const MAX_FOLLOW = 6;

/**
 * - `header`: only header fields are read (a header-only API, or `complete: true` and only `.header…`);
 * - `time`: only `exp`/`iat`/`nbf` are read (plus null checks);
 * - `none`: the result is not used;
 * - `returned`: the decoded value — whole, or its `payload`/`header`/`signature` part of a complete decode — is returned
 *   (also repackaged in a returned object) and nothing else is done with it besides null checks and time/header reads:
 *   a decode wrapper (`const decodeToken = (t) => jwt.decode(t)`, jsonwebtoken's own `decode.js` over `jws.decode`);
 *   trust happens in its callers. Returning a *claim* (`return payload.sub`) hands out an identity: `other`;
 * - `other`: a claim, the whole object, or a use we cannot follow.
 */
export function classifyDecodedUse(context: AnyContext, usage: JwtUsage): DecodedUse {
  if (usage.model.headerOnly || isKnownTrue(getUsageOption(context, usage, 'headerOnly'))) return 'header';
  let complete = getUsageOption(context, usage, 'complete');
  // a decoder made by a factory: `createDecoder({ complete: true })` decides the shape of every result
  if (complete.kind === 'unknown' && usage.model.inherits?.complete) complete = getInheritedOption(context, usage, 'complete');
  const mode: Mode = usage.model.completeResult
    ? 'complete'
    : complete.kind === 'present' && complete.value.kind === 'known'
      ? complete.value.value
        ? 'complete'
        : 'payload'
      : complete.kind === 'absent' || !(usage.model.options?.complete || usage.model.inherits?.complete)
        ? 'payload'
        : 'unknown';
  const reads: string[][] = [];
  if (!collectReads(context, usage.node, [], reads, 0, new Set())) return 'other';
  let result: DecodedUse = 'none';
  let returned = false;
  for (const path of reads) {
    const isReturn = path[path.length - 1] === RETURNED;
    const read = isReturn ? path.slice(0, -1) : path;
    if (isReturn && (read.length === 0 || (mode === 'complete' && read.length === 1 && PARTS.has(read[0])))) {
      returned = true;
      continue;
    }
    const kind = classifyPath(read, mode);
    if (kind === 'other') return 'other';
    if (kind === 'time' || result === 'none') result = kind;
  }
  return returned ? 'returned' : result;
}

type Mode = 'complete' | 'payload' | 'unknown';

function isKnownTrue(lookup: ReturnType<typeof getUsageOption>): boolean {
  return lookup.kind === 'present' && lookup.value.kind === 'known' && lookup.value.value === true;
}

function classifyPath(path: string[], mode: Mode): DecodedUse {
  if (path.length === 0) return 'none';
  if (mode !== 'payload' && path[0] === 'header') return 'header';
  if (mode === 'complete' && path[0] === 'signature') return 'header';
  if (mode !== 'unknown' || !TIME_CLAIMS.has(path[0])) {
    const claim = mode === 'complete' ? (path[0] === 'payload' ? path[1] : undefined) : path[0];
    if (claim !== undefined && TIME_CLAIMS.has(claim)) return 'time';
    return 'other';
  }
  return 'other';
}



/**
 * Collects the property paths read from the value of `node` (at most two levels: `.header.kid`, `.payload.exp`).
 * Returns false when the value escapes somewhere we do not follow.
 */
function collectReads(context: AnyContext, node: Node, prefix: string[], out: string[][], depth: number, seen: Set<unknown>): boolean {
  if (depth > MAX_FOLLOW) return false;
  const n = skipWrappersUp(node);
  const p = n.parent;
  if (!p) return true;
  switch (p.type) {
    case 'ExpressionStatement':
      return true;
    case 'ReturnStatement':
    case 'ArrowFunctionExpression':
      if (!isReturned(n)) return false;
      out.push([...prefix, RETURNED]);
      return true;
    case 'Property': {
      if (p.value !== n || p.parent.type !== 'ObjectExpression') return false;
      // repackaged into the returned object: `return { header: decoded.header, payload }`
      if (isReturned(p.parent)) {
        out.push([...prefix, RETURNED]);
        return true;
      }
      // repackaged into an object kept in a variable: `decoded = { payload: decodeJwt(t), header: … }`; only the
      // reads of that property (`decoded.payload.sub`) read this value
      const key = p.computed ? undefined : staticKeyName(p.key, false);
      if (key === undefined) return false;
      const objectReads: string[][] = [];
      if (!collectReads(context, p.parent, [], objectReads, depth + 1, seen)) return false;
      for (const path of objectReads) {
        if (path.length === 0 || path[0] === RETURNED) return false;
        if (path[0] !== key) continue;
        if (path.length === 1) return false; // the whole value handed on (`use(decoded.payload)`)
        out.push([...prefix, ...path.slice(1)]);
      }
      return true;
    }
    case 'CallExpression':
      // `JSON.parse(payload)`: the same claims, parsed
      return isJsonParse(context, p, n) && collectReads(context, p, prefix, out, depth, seen);
    case 'MemberExpression': {
      if (p.object !== n) return false;
      const name = staticMemberName(p);
      if (name === undefined) return false;
      const path = [...prefix, name];
      if (path.length >= 2) {
        out.push(isReturned(p) ? [...path, RETURNED] : path);
        return true;
      }
      // a call on the value (`decoded.toString()`), or a deeper read
      const up = skipWrappersUp(p);
      if (up.parent?.type === 'CallExpression' && up.parent.callee === up) return false;
      // deeper reads refine the path; a use we cannot follow is a read of the whole value at `path`
      const deeper: string[][] = [];
      if (collectReads(context, p, path, deeper, depth + 1, seen) && deeper.length > 0) out.push(...deeper);
      else out.push(path);
      return true;
    }
    case 'UnaryExpression':
      return p.operator === '!' || p.operator === 'typeof';
    case 'BinaryExpression':
      return ['==', '===', '!=', '!=='].includes(p.operator) && isNullish(p.left === n ? p.right : p.left);
    case 'IfStatement':
    case 'ConditionalExpression':
    case 'WhileStatement':
      return 'test' in p && p.test === n;
    case 'LogicalExpression':
      // `decoded && decoded.exp`, `if (!decoded || …)`: a truthiness test of the left operand
      return p.left === n ? p.operator !== '??' && testOnly(p) : false;
    case 'VariableDeclarator':
      if (p.init !== n) return false;
      return collectFromPattern(context, p.id, prefix, out, depth, seen);
    case 'AssignmentExpression':
      if (p.right !== n || p.left.type !== 'Identifier' || p.operator !== '=') return false;
      return collectFromPattern(context, p.left, prefix, out, depth, seen);
    default:
      return false;
  }
}

function isJsonParse(context: AnyContext, call: TSESTree.CallExpression, arg: Node): boolean {
  const callee = call.callee;
  return (
    call.arguments[0] === arg &&
    callee.type === 'MemberExpression' &&
    staticMemberName(callee) === 'parse' &&
    callee.object.type === 'Identifier' &&
    callee.object.name === 'JSON' &&
    isUnshadowedGlobal(context, callee.object)
  );
}

/** The value of `node` is what its function returns (`return node`, `(t) => node`). */
function isReturned(node: Node): boolean {
  const n = skipWrappersUp(node);
  const p = n.parent;
  return (p?.type === 'ReturnStatement' && p.argument === n) || (p?.type === 'ArrowFunctionExpression' && p.body === n);
}

/** The logical expression is used as a condition (its value is not the decoded object). */
function testOnly(p: TSESTree.LogicalExpression): boolean {
  const up = skipWrappersUp(p);
  const q = up.parent;
  if (!q) return false;
  if ((q.type === 'IfStatement' || q.type === 'ConditionalExpression' || q.type === 'WhileStatement') && q.test === up) return true;
  if (q.type === 'UnaryExpression' && q.operator === '!') return true;
  if (q.type === 'LogicalExpression') return testOnly(q);
  return false;
}

function isNullish(node: Node): boolean {
  const n = stripTsWrappers(node);
  return (n.type === 'Literal' && n.value === null) || (n.type === 'Identifier' && n.name === 'undefined');
}

function collectFromPattern(context: AnyContext, pattern: Node, prefix: string[], out: string[][], depth: number, seen: Set<unknown>): boolean {
  if (pattern.type === 'Identifier') {
    const variable = findVariable(context, pattern);
    if (!variable) return false;
    // a variable written again from the decoded value (`payload = JSON.parse(payload)`) is followed once
    if (seen.has(variable)) return true;
    seen.add(variable);
    for (const ref of variable.references) {
      if (ref.identifier === pattern || !ref.isRead()) continue;
      if (!collectReads(context, ref.identifier as Node, prefix, out, depth + 1, seen)) return false;
    }
    return true;
  }
  if (pattern.type === 'ObjectPattern') {
    for (const prop of pattern.properties) {
      if (prop.type === 'RestElement' || prop.computed) return false;
      const key = prop.key.type === 'Identifier' ? prop.key.name : prop.key.type === 'Literal' ? String(prop.key.value) : undefined;
      if (key === undefined) return false;
      const path = [...prefix, key];
      if (path.length >= 2) {
        out.push(path);
        continue;
      }
      const value = prop.value.type === 'AssignmentPattern' ? prop.value.left : prop.value;
      const deeper: string[][] = [];
      const ok = (value.type === 'Identifier' || value.type === 'ObjectPattern') && collectFromPattern(context, value, path, deeper, depth + 1, seen);
      if (ok && deeper.length > 0) out.push(...deeper);
      else out.push(path);
    }
    return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------------------------
// Browser code?


/** Front-end frameworks and browser-only modules (a file importing one of these renders UI). */
const BROWSER_MODULES = [
  /^react(-dom)?(\/|$)/,
  /^preact(\/|$)/,
  /^vue(\/|$)/,
  /^svelte(\/|$)/,
  /^@angular\/(core|common|router)(\/|$)/,
  /^solid-js(\/|$)/,
  /^react-native(\/|$)/,
  /^next\/(navigation|router|link|image)$/,
  /^@remix-run\/react$/,
  /^jwt-decode$/,
];
/** Server frameworks and Node built-ins: a file importing these is not (only) browser code. */
const SERVER_MODULES = [
  /^(node:|fs$|http$|https$|net$|crypto$|child_process$|cluster$)/,
  /^(express|fastify|koa|hapi|@hapi\/hapi|restify|hono|@nestjs\/[\w-]+|next\/server|next\/headers|@remix-run\/node|passport(-[\w-]+)?|mongoose|pg|mysql2?|prisma|@prisma\/client|sequelize|typeorm)(\/|$)/,
  /^(os|zlib|stream|worker_threads|dns|tls|dgram|readline|v8|vm)$/,
  // serverless runtimes
  /^(aws-lambda|aws-sdk|@aws-sdk\/[\w-]+|@middy\/[\w-]+|@netlify\/functions|@vercel\/node|firebase-functions|firebase-admin|@azure\/functions|@google-cloud\/functions-framework)(\/|$)/,
];
/** Environment variables a front-end bundler inlines (`process.env.NEXT_PUBLIC_API`, `process.env.NODE_ENV`). */
const PUBLIC_ENV = /^(NEXT_PUBLIC_|REACT_APP_|VITE_|VUE_APP_|EXPO_PUBLIC_|GATSBY_|PUBLIC_|NUXT_PUBLIC_)|^NODE_ENV$/;
/** Parameter lists of server entry points: `(event, context)`, `(req, res)`, `(request, reply)`. */
const SERVER_PARAMS = /^(event,context|req,res|request,response|req,reply|request,reply)$/;
const BROWSER_EXTENSIONS = /\.(jsx|tsx|vue|svelte)$/i;
const BROWSER_DIRS = /(^|[\\/])(components|client|frontend|browser|public|ui|hooks|views)[\\/]/i;
const SERVER_DIRS = /(^|[\\/])(api|server|backend|functions|lambda|routes|controllers|middlewares?)[\\/]|(^|[\\/])(middleware|route|server)\.[cm]?[jt]s$/i;

/**
 * Heuristic: the file is browser code when it has a browser signal — a `'use client'` directive, a JSX/TSX/Vue/Svelte
 * file, an import of a front-end framework (or of jwt-decode), or a path under `components/`, `client/`, `frontend/`,
 * `pages/` (outside `pages/api/`) … — and no server signal: a `'use server'` directive, an import of a server
 * framework, a serverless runtime or a Node built-in, a path under `api/`, `server/`,
 * `routes/`, `controllers/`, `middleware`, a server environment read (`process.env.JWT_SECRET`, `Deno.env`; not the
 * `NEXT_PUBLIC_*` / `VITE_*` / `NODE_ENV` a bundler inlines), or an exported entry point
 * (`export const handler = async (event) => …`, `exports.handler`, an exported `(req, res)` function).
 */
export const isBrowserCode: (context: AnyContext) => boolean = perFile((context) => {
  const s = signals(context, context.sourceCode.ast as TSESTree.Program);
  return s.browser && !s.server;
});

function signals(context: AnyContext, program: TSESTree.Program): { browser: boolean; server: boolean } {
  let browser = false;
  let server = false;
  for (const stmt of program.body) {
    if (stmt.type !== 'ExpressionStatement' || !('directive' in stmt) || typeof stmt.directive !== 'string') break;
    if (stmt.directive === 'use client') browser = true;
    if (stmt.directive === 'use server') server = true;
  }
  const file = context.filename.replace(/\\/g, '/');
  if (BROWSER_EXTENSIONS.test(file)) browser = true;
  if (BROWSER_DIRS.test(file) || (/(^|\/)pages\//.test(file) && !/(^|\/)pages\/api\//.test(file))) browser = true;
  if (SERVER_DIRS.test(file)) server = true;
  for (const specifier of importedModules(context)) {
    if (BROWSER_MODULES.some((re) => re.test(specifier))) browser = true;
    if (SERVER_MODULES.some((re) => re.test(specifier))) server = true;
  }
  if (browser && !server) server = readsServerEnvironment(context, program) || hasServerEntryPoint(program);
  return { browser, server };
}

/**
 * `process.env.JWT_SECRET` (not a variable a front-end bundler inlines: `NEXT_PUBLIC_*`, `REACT_APP_*`, `VITE_*`,
 * `NODE_ENV`), or any `Deno.env` / `Bun.env` read: the file runs on a server.
 */
function readsServerEnvironment(context: AnyContext, program: TSESTree.Program): boolean {
  const globalScope = context.sourceCode.getScope(program);
  for (const root of ['process', 'Deno', 'Bun']) {
    const v = globalScope.set.get(root);
    const refs = v ? (v.defs.length === 0 ? v.references : []) : globalScope.through.filter((r) => r.identifier.name === root);
    for (const ref of refs) {
      const env = skipWrappersUp(ref.identifier as Node).parent;
      if (env?.type !== 'MemberExpression' || staticMemberName(env) !== 'env') continue;
      if (root !== 'process') return true;
      const read = skipWrappersUp(env).parent;
      const name = read?.type === 'MemberExpression' && read.object === skipWrappersUp(env) ? staticMemberName(read) : undefined;
      if (name !== undefined && !PUBLIC_ENV.test(name)) return true;
    }
  }
  return false;
}

/**
 * A serverless / server entry point exported by the file: `export const handler = async (event) => …`,
 * `export async function handler(event, context)`, `exports.handler = …`, `module.exports.handler = …`, or an
 * exported function taking `(event, context)`, `(req, res)`, `(request, reply)`.
 */
function hasServerEntryPoint(program: TSESTree.Program): boolean {
  const isEntry = (name: string | undefined, fn: Node | null | undefined): boolean => {
    if (!fn || (fn.type !== 'ArrowFunctionExpression' && fn.type !== 'FunctionExpression' && fn.type !== 'FunctionDeclaration')) return false;
    if (fn.params.length === 0) return false;
    if (name === 'handler') return true;
    const params = fn.params.slice(0, 2).map((p) => (p.type === 'Identifier' ? p.name : '?')).join(',');
    return SERVER_PARAMS.test(params);
  };
  for (const stmt of program.body) {
    if (stmt.type === 'ExportNamedDeclaration' && stmt.declaration) {
      const d = stmt.declaration;
      if (d.type === 'FunctionDeclaration' && isEntry(d.id?.name, d)) return true;
      if (d.type === 'VariableDeclaration') {
        for (const decl of d.declarations) if (decl.id.type === 'Identifier' && decl.init && isEntry(decl.id.name, stripTsWrappers(decl.init))) return true;
      }
    } else if (stmt.type === 'ExportDefaultDeclaration') {
      const d = stmt.declaration as Node;
      if (isEntry(d.type === 'FunctionDeclaration' ? d.id?.name : undefined, d)) return true;
    } else if (stmt.type === 'ExpressionStatement' && stmt.expression.type === 'AssignmentExpression') {
      const { left, right } = stmt.expression;
      if (left.type !== 'MemberExpression') continue;
      const obj = left.object;
      const isExports =
        (obj.type === 'Identifier' && obj.name === 'exports') ||
        (obj.type === 'MemberExpression' && obj.object.type === 'Identifier' && obj.object.name === 'module' && staticMemberName(obj) === 'exports');
      const isModuleExports = left.object.type === 'Identifier' && left.object.name === 'module' && staticMemberName(left) === 'exports';
      if ((isExports || isModuleExports) && isEntry(isExports ? staticMemberName(left) : undefined, stripTsWrappers(right))) return true;
    }
  }
  return false;
}
