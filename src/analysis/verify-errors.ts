/**
 * Verification errors that are ignored: where a failed `verify` is handled like a successful one.
 *
 * `findIgnoredVerifyErrors(context)` looks at every `verify` usage of the import model (`model.op === 'verify'`):
 * - callback style (`getArg(usage, 'callback')`, e.g. `jwt.verify(t, k, (err, decoded) => …)`, fast-jwt
 *   `verifier(t, cb)`, `request.jwtVerify(cb)`):
 *   - `unread-callback-error`: the error parameter is missing or never read (logging it does not count; an
 *     `_err` name is still ignoring it), and the callback does not test the decoded value either
 *     (`if (!decoded) return …` is a correct check, since `decoded` is undefined on failure);
 *   - `callback-falls-through`: `if (err) { console.log(err) }` without `else`, then the success path;
 * - thrown / rejected style:
 *   - `swallowed-catch`: a `try { … verify … } catch { … }` whose catch only logs (or falls back to an unverified
 *     `decode`), followed by the success path: `next()`, `return next()`, `NextResponse.next()`, `return true`,
 *     `done(null, …)`, `draftMode().enable()`, `context.succeed(…)`, `return { isAuthorized: true }`, or — when the verify result is discarded (`jwt.verify(t, k)` used as a check) and the `try`
 *     block runs on past its end — any further statement or a `return` of a value (other than `null`, `false`,
 *     `undefined`): success and failure then reach the same code; a catch that itself calls `next()` continues the
 *     request too; signing a token after the `try` (a refresh endpoint issuing a new token) is a success path too,
 *     and so is a higher-order wrapper calling the handler it wraps with the request (`withAuth(handler)` →
 *     `async (req, res) => { try { … } catch (e) { log(e) } return handler(req, res) }`);
 *     The result counts as discarded when it is declared in the `try` and only logged there (`if (p.hash !== h)
 *     console.warn(…)`). A request hook that runs to its end continues the request: an `async` Fastify hook, an h3 /
 *     Nuxt `defineEventHandler` that returns nothing (a server middleware).
 *     Also when the code after the `try` reads the verify result's claims directly (`confirmEmail(claims.sub)`,
 *     `invite!.orgId`), and past guards that do not run when the result is unset (`if (d && d.role !== 'admin')
 *     return 403` lets a failed verify through to `next()`).
 *   - `swallowed-promise-catch`: `await jwtVerify(t, k).catch(() => {})` (or a handler that only logs / calls
 *     `next()`) with the same conditions.
 * Handlers that reject are silent: `return res.status(401)…`, `throw`, `next(err)`, `reject(err)`, `return null`,
 * any assignment (`req.user = null`, `valid = false`) or other call. So are loops (key rotation: the next key is
 * tried), branches after the try (`if (!req.user) …`), and middleware named as optional
 * (`optionalAuth`, `softAuth`, `attachUser`), which continues without a user on purpose.
 */
import { enclosingFunction, functionName, isFunctionNode, staticMemberName, targetName, walkNodes, within, type FunctionNode } from './ast.js';
import { findVariable } from '@eslint-community/eslint-utils';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { getArg, getFileUsages, getJwtUsages, type JwtUsage } from './imports.js';
import { splitWords } from './names.js';
import type { AnyContext } from './values.js';

type Node = TSESTree.Node;

export type IgnoredVerifyErrorKind = 'unread-callback-error' | 'callback-falls-through' | 'swallowed-catch' | 'swallowed-promise-catch';

export interface IgnoredVerifyError {
  kind: IgnoredVerifyErrorKind;
  usage: JwtUsage;
  /** where to report: the verify call (call-level finding, the corpus convention) */
  node: Node;
  /** a narrower location: the callee of the verify call, so a multi-line call is not underlined whole */
  loc?: TSESTree.SourceLocation;
  /** swallowed-catch findings: the `catch` clause / the `.catch(…)` or `.then(…, handler)` call that swallows the error */
  handler?: Node;
}

const TRANSPARENT = new Set(['TSAsExpression', 'TSNonNullExpression', 'TSSatisfiesExpression', 'ChainExpression', 'AwaitExpression']);
const FUNCTION_TYPES = new Set(['ArrowFunctionExpression', 'FunctionExpression', 'FunctionDeclaration']);
/** Method names of logging calls: `console.error(e)`, `logger.warn(…)`, `Sentry.captureException(e)`. */
const LOG_METHODS = new Set(['log', 'warn', 'error', 'info', 'debug', 'trace', 'fatal', 'verbose', 'captureException', 'captureMessage']);
const LOG_FUNCTIONS = new Set(['debug', 'log']);
/** Words of middleware names that continue without a user on purpose. */
const OPTIONAL_WORDS = new Set(['optional', 'optionally', 'maybe', 'soft', 'lenient', 'lax', 'guest', 'anonymous', 'silent']);
/** Verbs that name optional authentication only next to an identity word: `attachUser`, `tryAuth` — not `attach(server)`. */
const OPTIONAL_VERBS = new Set(['attach', 'populate', 'try', 'extract', 'identify']);
const IDENTITY_WORDS = new Set(['user', 'auth', 'session', 'identity', 'viewer', 'account', 'principal', 'claims', 'token', 'current', 'me']);
/** Parameters conventionally named for the "continue" callback of middleware. */
const NEXT_NAMES = new Set(['next']);
const DONE_NAMES = new Set(['done', 'cb', 'callback', 'resolve']);

function up(node: Node): Node {
  let n = node;
  while (n.parent && TRANSPARENT.has(n.parent.type)) n = n.parent;
  return n;
}

function strip(node: Node): Node {
  let n = node;
  while (TRANSPARENT.has(n.type)) n = (n as TSESTree.AwaitExpression).argument ?? (n as TSESTree.TSAsExpression).expression;
  return n;
}



/** A function (or one it is nested in) is named as optional authentication. */
function isOptionalAuth(fn: FunctionNode | undefined): boolean {
  for (let f = fn; f; f = enclosingFunction(f)) {
    const name = functionName(f);
    const words = name ? splitWords(name) : [];
    if (words.some((w) => OPTIONAL_WORDS.has(w))) return true;
    if (words.some((w) => OPTIONAL_VERBS.has(w)) && words.some((w) => IDENTITY_WORDS.has(w))) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------------------------
// Statement shapes

function isLoggingCall(node: Node): boolean {
  const n = strip(node);
  // `ctx.log && ctx.log.info(…)`: logging when there is a logger
  if (n.type === 'LogicalExpression' && n.operator === '&&') return isLoggingCall(n.right);
  if (n.type !== 'CallExpression') return false;
  const c = n.callee;
  if (c.type === 'Identifier') return LOG_FUNCTIONS.has(c.name);
  if (c.type !== 'MemberExpression' || c.computed || c.property.type !== 'Identifier') return false;
  // `ctx.app.emit('error', err, ctx)`: Koa's error event, which logs (a socket's `emit('error', …)` answers the client)
  if (c.property.name === 'emit') {
    return targetName(c.object) === 'app' && n.arguments[0]?.type === 'Literal' && n.arguments[0].value === 'error';
  }
  return LOG_METHODS.has(c.property.name);
}

/** A zero-argument call of the middleware's `next` (`next()`, `await next()`). */
function isNextCall(node: Node): boolean {
  const n = strip(node);
  return n.type === 'CallExpression' && n.callee.type === 'Identifier' && NEXT_NAMES.has(n.callee.name) && n.arguments.length === 0;
}

/** `NextResponse.next()` (Next.js middleware letting the request through). */
function isNextResponseNext(node: Node): boolean {
  const n = strip(node);
  return (
    n.type === 'CallExpression' &&
    n.callee.type === 'MemberExpression' &&
    n.callee.object.type === 'Identifier' &&
    n.callee.object.name === 'NextResponse' &&
    !n.callee.computed &&
    n.callee.property.type === 'Identifier' &&
    n.callee.property.name === 'next'
  );
}

/** `done(null, user)`, `cb(null, payload)`, `resolve(payload)`. */
function isSuccessCallback(node: Node): boolean {
  const n = strip(node);
  if (n.type !== 'CallExpression' || n.callee.type !== 'Identifier' || !DONE_NAMES.has(n.callee.name)) return false;
  if (n.callee.name === 'resolve') return n.arguments.length > 0;
  const first = n.arguments[0];
  return first?.type === 'Literal' && first.value === null;
}

/**
 * Calls that grant what the token was checked for: Next.js `draftMode().enable()` (also `(await draftMode()).enable()`),
 * a Lambda `context.succeed(…)`.
 */
function isGrantCall(node: Node): boolean {
  const n = strip(node);
  if (n.type !== 'CallExpression' || n.callee.type !== 'MemberExpression' || n.callee.computed || n.callee.property.type !== 'Identifier') return false;
  const method = n.callee.property.name;
  // `headers.set('x-authenticated', 'true')`: telling the next hop that the caller authenticated
  const [flag, value] = n.arguments;
  if (
    flag?.type === 'Literal' && typeof flag.value === 'string' && GRANT_HEADER.test(flag.value) &&
    value?.type === 'Literal' && (value.value === true || value.value === 'true' || value.value === '1')
  ) {
    return true;
  }
  const object = strip(n.callee.object);
  if (method === 'enable') return object.type === 'CallExpression' && object.callee.type === 'Identifier' && object.callee.name === 'draftMode';
  return method === 'succeed' && object.type === 'Identifier' && (object.name === 'context' || object.name === 'ctx') && n.arguments.length > 0;
}

/** Header or flag names that say the caller authenticated: `x-authenticated`, `X-User-Verified`, `authorized`. */
const GRANT_HEADER = /^(x-)?(user-)?(authenticated|authorized|authorised|verified)$/i;

/** Properties of a returned object that grant access when `true`: an API Gateway simple authorizer's `isAuthorized`. */
const GRANT_FLAGS = new Set(['isAuthorized', 'authorized', 'allowed', 'isValid', 'valid', 'authenticated', 'isAuthenticated']);

/** `{ isAuthorized: true, … }` */
function isGrantObject(node: Node): boolean {
  return (
    node.type === 'ObjectExpression' &&
    node.properties.some(
      (p) => p.type === 'Property' && !p.computed && p.key.type === 'Identifier' && GRANT_FLAGS.has(p.key.name) && p.value.type === 'Literal' && p.value.value === true,
    )
  );
}

/** A statement that lets the request (or the caller) continue as if the token were valid. */
function isSuccessStatement(stmt: Node): boolean {
  if (stmt.type === 'ExpressionStatement') {
    const e = stmt.expression;
    return isNextCall(e) || isNextResponseNext(e) || isSuccessCallback(e) || isGrantCall(e);
  }
  if (stmt.type === 'ReturnStatement' && stmt.argument) {
    const a = strip(stmt.argument);
    return isNextCall(a) || isNextResponseNext(a) || isSuccessCallback(a) || isGrantCall(a) || isGrantObject(a) || (a.type === 'Literal' && a.value === true);
  }
  // `const res = NextResponse.next();` — the response that lets the request through, decorated before it is returned
  if (stmt.type === 'VariableDeclaration' && stmt.declarations.length === 1) {
    const init = stmt.declarations[0].init;
    return init != null && (isNextResponseNext(init) || isGrantCall(init));
  }
  return false;
}

/** A handler's statements only log (or fall back to an unverified decode); `next()` is recorded separately. */
function swallows(
  context: AnyContext,
  stmts: readonly Node[],
  fn?: FunctionNode,
  tryBlock?: TSESTree.BlockStatement,
): { swallows: boolean; continues: boolean; substitutes: boolean; substituted: string[] } {
  const setInTry = tryBlock ? assignedTargets(context, tryBlock) : undefined;
  const substituted: string[] = [];
  const isContinue = (n: Node) => isNextCall(n) || isNextResponseNext(n) || (fn !== undefined && isWrappedHandlerCall(context, n, fn));
  let continues = false;
  let substitutes = false;
  const visit = (s: Node): boolean => {
    switch (s.type) {
      case 'EmptyStatement':
        return true;
      case 'BlockStatement':
        return s.body.every(visit);
      case 'IfStatement':
        return visit(s.consequent) && (!s.alternate || visit(s.alternate));
      case 'ExpressionStatement': {
        if (isLoggingCall(s.expression)) return true;
        if (isContinue(s.expression)) {
          continues = true;
          return true;
        }
        const e = strip(s.expression);
        // `decoded = jwt.decode(token)` (`?? {}`): a fallback to the unverified payload
        if (e.type === 'AssignmentExpression' && containsDecode(context, e.right)) return true;
        // `req.station = { id: req.header('x-station-id') }`: a stand-in identity — handled only if nothing grants after it
        // or a value of its own for what the `try` fills from the claims (`req.clinicId = req.params.clinicId`)
        if (e.type === 'AssignmentExpression' && e.operator === '=' && (isStandIn(e.right) || (setInTry?.has(context.sourceCode.getText(e.left)) && !isFailureValue(e.right)))) {
          substitutes = true;
          if (e.left.type === 'Identifier') substituted.push(e.left.name);
          return true;
        }
        return false;
      }
      case 'ReturnStatement':
        if (s.argument && isContinue(s.argument)) {
          continues = true;
          return true;
        }
        return false;
      default:
        return false;
    }
  };
  const ok = stmts.every(visit);
  return { swallows: ok, continues: ok && continues, substitutes: ok && substitutes, substituted };
}

/** The assignment targets of a block, as written (`req.clinicId`, `deviceClinic`). */
function assignedTargets(context: AnyContext, block: TSESTree.BlockStatement): Set<string> {
  const out = new Set<string>();
  walkNodes(block, (n) => {
    if (n.type === 'AssignmentExpression' && n.operator === '=') out.add(context.sourceCode.getText(n.left));
    return !isFunctionNode(n);
  });
  return out;
}

/** `null`, `undefined`, `false`, `''`, `0`, `void …`: a value that says "no". */
function isFailureValue(value: Node): boolean {
  const v = strip(value);
  if (v.type === 'Literal') return v.value === null || v.value === false || v.value === '' || v.value === 0;
  if (v.type === 'Identifier') return v.name === 'undefined';
  return v.type === 'UnaryExpression' && v.operator === 'void';
}

/** An object literal standing in for the verified claims (`{ sub: \`guest-${ip}\` }`, `{ id: header, site: 'unverified' }`). */
function isStandIn(value: Node): boolean {
  const v = strip(value);
  return v.type === 'ObjectExpression' && v.properties.length > 0;
}

/**
 * Some `return` or assignment of the block (nested functions aside) hands out an unverified decode in place of the
 * verified claims: `return { user: jwt.decode(t) }`, `claims = app.jwt.decode(t) ?? {}`.
 */
function fallsBackToDecode(context: AnyContext, block: TSESTree.BlockStatement): boolean {
  let found = false;
  walkNodes(block, (n) => {
    if (n.type === 'ReturnStatement' && n.argument) found ||= containsDecode(context, n.argument);
    if (n.type === 'AssignmentExpression' && n.operator === '=') found ||= containsDecode(context, n.right);
    return !found && !isFunctionNode(n);
  });
  return found;
}

function containsDecode(context: AnyContext, node: Node): boolean {
  let found = false;
  walkNodes(node, (m) => !(found ||= isDecodeCall(context, m)) && !isFunctionNode(m));
  return found;
}

function isDecodeCall(context: AnyContext, node: Node): boolean {
  const usage = getFileUsages(context).byNode.get(strip(node));
  return usage?.model.op === 'decode';
}

/** `return null`, `return false`, `return undefined`, `return void …`: a failure value. */
function returnsFailureValue(stmt: TSESTree.ReturnStatement): boolean {
  const a = stmt.argument && strip(stmt.argument);
  if (!a) return true;
  if (a.type === 'Literal') return a.value === null || a.value === false;
  if (a.type === 'Identifier') return a.name === 'undefined';
  return a.type === 'UnaryExpression' && a.operator === 'void';
}

/**
 * What follows `stmt` in its function, in execution order, up to the first branch: `success` when a success
 * statement comes first, `more` when other statements follow (but no success) — including a `return` of a value
 * that is not a failure value (`return 'ok'`, `return res.json(…)`) after other statements or alone —, `end` when
 * nothing follows, `stop` when a branch, loop, `throw` or failure return comes first or the statement is inside a
 * loop.
 */
function continuation(
  stmt: Node,
  fn: FunctionNode,
  isSuccess: (s: Node) => boolean = isSuccessStatement,
  skipped: (s: TSESTree.IfStatement) => boolean = () => false,
  loopSkipped?: (s: Node) => boolean,
): 'success' | 'more' | 'end' | 'stop' {
  let cur: Node = stmt;
  let more = false;
  for (let depth = 0; depth < 32; depth++) {
    const p = cur.parent;
    if (!p || p === fn) return more ? 'more' : 'end';
    if (p.type === 'BlockStatement' || p.type === 'StaticBlock') {
      const i = p.body.indexOf(cur as TSESTree.Statement);
      for (const s of p.body.slice(i + 1)) {
        if (isSuccess(s)) return 'success';
        // a guard that does not run on failure (`if (decoded && decoded.role !== 'admin') return …`) stops nothing
        if (s.type === 'IfStatement' && skipped(s)) continue;
        if (loopSkipped?.(s)) {
          more = true;
          continue;
        }
        if (s.type === 'ReturnStatement') return returnsFailureValue(s) ? (more ? 'more' : 'stop') : 'more';
        if (/^(If|Switch|Throw|For|ForIn|ForOf|While|DoWhile|Try|Labeled)Statement$/.test(s.type)) return 'stop';
        if (s.type !== 'EmptyStatement' && !(s.type === 'ExpressionStatement' && isLoggingCall(s.expression))) more = true;
      }
      if (p.parent === fn) return more ? 'more' : 'end';
      cur = p;
      continue;
    }
    if (p.type === 'IfStatement' && p.test !== cur) {
      cur = p;
      continue;
    }
    if (p.type === 'TryStatement' && p.block === cur) {
      cur = p;
      continue;
    }
    return 'stop';
  }
  return 'stop';
}

// ---------------------------------------------------------------------------------------------------------------
// Callbacks

function resolveFunction(context: AnyContext, node: Node): FunctionNode | undefined {
  const n = strip(node);
  if (n.type === 'ArrowFunctionExpression' || n.type === 'FunctionExpression') return n;
  if (n.type !== 'Identifier') return undefined;
  const v = findVariable(context.sourceCode.getScope(n) as never, n) as TSESLint.Scope.Variable | null;
  const def = v?.defs.length === 1 ? v.defs[0] : undefined;
  if (def?.type === 'FunctionName' && def.node.type === 'FunctionDeclaration') return def.node;
  if (def?.type === 'Variable' && def.node.type === 'VariableDeclarator' && def.parent?.kind === 'const' && def.node.init) {
    const init = strip(def.node.init);
    if (init.type === 'ArrowFunctionExpression' || init.type === 'FunctionExpression') return init;
  }
  return undefined;
}

function variableOfParam(context: AnyContext, fn: FunctionNode, param: TSESTree.Identifier): TSESLint.Scope.Variable | undefined {
  return context.sourceCode.getDeclaredVariables(fn).find((v) => v.name === param.name) as TSESLint.Scope.Variable | undefined;
}

/**
 * The identifier decides which way the code goes: `if (!decoded)`, `decoded ? … : …`, `decoded && next()`. A value
 * with a default is not a decision: `claims ?? {}`, `{ approver: claims && claims.sub }`, `bot?.sub ?? 'unknown'`
 * carry on whether or not the token verified.
 */
function isTested(id: Node): boolean {
  let cur = id;
  for (let i = 0; i < 8; i++) {
    const p = cur.parent;
    if (!p) return false;
    if ((p.type === 'IfStatement' || p.type === 'WhileStatement') && p.test === cur) return true;
    // `decoded ? next() : deny()` decides; `ws.userId = decoded ? decoded.sub : null` only picks a value
    if (p.type === 'ConditionalExpression' && p.test === cur) return isFlowLevel(p);
    // `decoded && next()` as a statement; inside a larger condition, climb on
    if (p.type === 'LogicalExpression' && p.left === cur && p.operator !== '??') {
      if (p.parent?.type === 'ExpressionStatement') return true;
      cur = p;
      continue;
    }
    if (p.type === 'UnaryExpression' || p.type === 'BinaryExpression' || p.type === 'ChainExpression' || (p.type === 'MemberExpression' && p.object === cur) || TRANSPARENT.has(p.type)) {
      cur = p;
      continue;
    }
    return false;
  }
  return false;
}

/** The expression is a statement of its own, or what a function returns. */
function isFlowLevel(expr: Node): boolean {
  const p = up(expr).parent;
  return p?.type === 'ExpressionStatement' || p?.type === 'ReturnStatement' || (p?.type === 'ArrowFunctionExpression' && p.body === up(expr));
}

/**
 * The callback of a usage, as a function of this file (`getArg(usage, 'callback')`, which also resolves a named
 * function in jsonwebtoken's options position, `jwt.verify(t, k, onVerified)`). `'unknown'` when there is a callback
 * we cannot read (`jwt.verify(t, k, done)`).
 */
function verifyCallback(context: AnyContext, usage: JwtUsage): FunctionNode | 'none' | 'unknown' {
  const cb = getArg(usage, 'callback');
  if (cb.kind === 'unknown') return 'unknown';
  if (cb.kind === 'present') return resolveFunction(context, cb.node) ?? 'unknown';
  if (usage.model.optionsMayBeCallback) {
    const opts = getArg(usage, 'options');
    if (opts.kind === 'unknown') return 'unknown';
    if (opts.kind === 'present' && strip(opts.node).type === 'Identifier') {
      // a parameter or import could be a callback as well as options (a function of this file is `getArg`'s callback)
      const v = findVariable(context.sourceCode.getScope(opts.node) as never, strip(opts.node) as TSESTree.Identifier) as TSESLint.Scope.Variable | null;
      if (!v || v.defs.some((d) => d.type !== 'Variable')) return 'unknown';
    }
  }
  return 'none';
}

function callbackFinding(context: AnyContext, usage: JwtUsage, fn: FunctionNode): IgnoredVerifyError | undefined {
  if (fn.params.some((p) => p.type === 'RestElement')) return undefined;
  if (fn.type !== 'ArrowFunctionExpression' && context.sourceCode.getScope(fn.body).set.get('arguments')?.references.length) return undefined;
  const [errParam, decodedParam] = fn.params;
  if (errParam && errParam.type !== 'Identifier') return undefined; // destructured: read
  const reads = errParam ? (variableOfParam(context, fn, errParam)?.references.filter((r) => r.isRead()) ?? []) : [];
  const meaningful = reads.filter((r) => !isLoggingArgument(r.identifier as Node));
  if (meaningful.length === 0) {
    const decoded = decodedParam?.type === 'Identifier' ? variableOfParam(context, fn, decodedParam) : undefined;
    if (decodedParam && !decoded) return undefined; // destructured: the shape is checked by the code
    // `if (!decoded) return …` before the success path is a correct check (decoded is undefined on failure);
    // `decoded ? decoded.sub : undefined` followed by an unconditional `next()` is not
    const unguarded = continuesUnguarded(fn, decoded);
    const tested = decoded?.references.some((r) => r.isRead() && isTested(r.identifier as Node));
    // `if (claims) req.user = claims; next()` continues either way, as SPEC's "never reads its error" says — also in
    // optional authentication, where an expired or forged token then passes silently as a guest
    if (tested && !unguarded) return undefined;
    return { kind: 'unread-callback-error', usage, node: usage.node, loc: usage.node.callee.loc };
  }
  if (isOptionalAuth(fn)) return undefined;
  // `if (err) { console.log(err) }` without else, then the success path
  for (const r of meaningful) {
    const id = r.identifier as Node;
    let test: Node = id;
    while (test.parent && (test.parent.type === 'UnaryExpression' || test.parent.type === 'BinaryExpression') ) test = test.parent;
    const ifs = test.parent;
    if (ifs?.type !== 'IfStatement' || ifs.test !== test || ifs.alternate) continue;
    if (test.type === 'UnaryExpression' && test.operator === '!') continue; // `if (!err) { … }`: success inside
    const body = ifs.consequent.type === 'BlockStatement' ? ifs.consequent.body : [ifs.consequent];
    const h = swallows(context, body);
    if (!h.swallows) continue;
    if (h.continues || continuation(ifs, fn) === 'success') return { kind: 'callback-falls-through', usage, node: usage.node, loc: usage.node.callee.loc };
  }
  return undefined;
}

/**
 * The callback reaches its success path (`next()`, `done(null, …)`, `resolve(…)`) before any branch on the decoded
 * value, return or throw.
 */
function continuesUnguarded(fn: FunctionNode, decoded: TSESLint.Scope.Variable | undefined): boolean {
  if (fn.body.type !== 'BlockStatement') return isSuccessStatement({ type: 'ReturnStatement', argument: fn.body } as unknown as Node);
  const testsDecoded = (n: Node) => !!decoded?.references.some((r) => r.isRead() && within(r.identifier as Node, n));
  for (const stmt of fn.body.body) {
    if (isSuccessStatement(stmt)) return true;
    if (stmt.type === 'ReturnStatement' || stmt.type === 'ThrowStatement') return false;
    // a branch on the decoded value guards the rest only if it can leave (`if (!d) return …`); one that only
    // sets something up (`if (d) req.user = d`) falls through to what follows on both paths
    if (stmt.type === 'IfStatement' && testsDecoded(stmt.test) && canLeave(stmt)) return false;
  }
  return false;
}

/** A `return`, `throw` or success call (`next()`, `done(…)`) inside the statement, nested functions aside. */
function canLeave(stmt: Node): boolean {
  let leaves = false;
  walkNodes(stmt, (n) => {
    if (n.type === 'ReturnStatement' || n.type === 'ThrowStatement' || (n.type === 'ExpressionStatement' && isSuccessStatement(n))) leaves = true;
    return !leaves && !isFunctionNode(n);
  });
  return leaves;
}


function isLoggingArgument(id: Node): boolean {
  let cur = up(id);
  // `console.log(err.message)`, `logger.error({ err })`, `console.log('x', err)`
  for (let i = 0; i < 4; i++) {
    const p = cur.parent;
    if (!p) return false;
    if (p.type === 'CallExpression' && p.arguments.includes(cur as TSESTree.CallExpressionArgument)) return isLoggingCall(p);
    if ((p.type === 'MemberExpression' && p.object === cur) || p.type === 'TemplateLiteral' || p.type === 'Property' || p.type === 'ObjectExpression' || p.type === 'BinaryExpression') {
      cur = p;
      continue;
    }
    return false;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------------------------
// try / catch and promise .catch

/** The verify result is only a check: `jwt.verify(t, k);` / `await jwtVerify(t, k);` as a statement. */
function isDiscarded(usage: JwtUsage): boolean {
  return up(usage.node).parent?.type === 'ExpressionStatement';
}

function tryFinding(context: AnyContext, usage: JwtUsage): IgnoredVerifyError | undefined {
  const fn = enclosingFunction(usage.node);
  if (!fn) return undefined;
  let tryStmt: TSESTree.TryStatement | undefined;
  for (let n: Node | undefined = usage.node; n && n !== fn; n = n.parent) {
    const p: Node | undefined = n.parent;
    if (p?.type === 'TryStatement' && p.block === n) {
      tryStmt = p;
      break;
    }
  }
  const handler = tryStmt?.handler;
  if (!tryStmt || !handler || tryStmt.finalizer) return undefined;
  // an unawaited promise rejects outside the try: another mistake, not this one
  if (usageReturnsPromise(usage) && !isAwaited(usage.node)) return undefined;
  if (isOptionalAuth(fn)) return undefined;
  // `catch (e) { if (e instanceof TokenExpiredError) return { user: jwt.decode(token) } … }`, `claims = decode(t)`:
  // the unverified claims stand in for the verified ones, whatever follows
  if (fallsBackToDecode(context, handler.body)) return { kind: 'swallowed-catch', usage, node: usage.node, loc: usage.node.callee.loc, handler };
  // `catch { canPick = true }` for a flag the `try` derives from the claims: failing open
  if (failsOpen(handler.body, tryStmt.block)) return { kind: 'swallowed-catch', usage, node: usage.node, loc: usage.node.callee.loc, handler };
  const h = swallows(context, handler.body.body, fn, tryStmt.block);
  if (!h.swallows) {
    // required authentication that lets an invalid token on, whatever the catch records
    if (!isSoftCatch(handler.body.body) || !rejectsMissingToken(usage, tryStmt, fn)) return undefined;
    const then = continuation(tryStmt, fn, successAfterCatch(context, fn));
    const recordsAndGoes = then === 'success' || handler.body.body.some((st) => st.type === 'ExpressionStatement' && isNextCall(st.expression));
    const hookGoesOn = (then === 'end' || then === 'more') && (isAsyncRequestHook(fn) || isReferencedAsHook(context, fn));
    return recordsAndGoes || hookGoesOn ? { kind: 'swallowed-catch', usage, node: usage.node, loc: usage.node.callee.loc, handler } : undefined;
  }
  const result = assignedResult(usage, tryStmt);
  const checkOnly = isDiscarded(usage) || isUsedOnlyForLogging(context, usage, tryStmt);
  // a guard the failed verify lets through (`if (d && d.role !== 'admin')`), or — for a check whose result is
  // dropped — a branch on nothing the `try` set (`if (!req.body.password) return 422`): input validation
  const written = checkOnly ? writtenIn(tryStmt.block) : undefined;
  const skipped = (s: TSESTree.IfStatement) =>
    (result !== undefined && whenFalsy(s.test, result) === false) || (written !== undefined && !readsAny(s.test, written));
  // likewise a loop that reads nothing the `try` set (`for (const r of results) await db.insert(r)`): work going on
  const loopSkipped = written && ((st: Node) => /^(For|ForIn|ForOf|While|DoWhile)Statement$/.test(st.type) && !readsAny(st, written));
  const after = continuation(tryStmt, fn, successAfterCatch(context, fn), skipped, loopSkipped);
  // a stand-in identity is a decision of its own, unless the code then grants as if the token had verified
  if (h.substitutes) {
    // … or hands the stand-in on (a check of the stand-in itself, `if (!deviceClinic) return 404`, passes)
    const handed = h.substituted.some((name) => handsOnAfter(tryStmt, name, (st) => skipped(st) || readsAny(st.test, new Set([name]))));
    return after === 'success' || handed ? { kind: 'swallowed-catch', usage, node: usage.node, loc: usage.node.callee.loc, handler } : undefined;
  }
  // (also in a loop body: `for (const job of jobs) { try { claims = verify(…) } catch (e) { log(e) } run(claims.sub) }`)
  const usesClaims =
    (result !== undefined && readsClaimsAfter(context, tryStmt, result, skipped)) ||
    copiedClaims(context, usage, tryStmt).some((copy) => handsOnAfter(tryStmt, copy, skipped));
  // a request hook that runs to its end lets the request through, as `next()` does
  const hookContinues = (after === 'more' || after === 'end') && (isAsyncRequestHook(fn) || isEventHandlerMiddleware(context, fn) || isReferencedAsHook(context, fn));
  // `let sub = bookingOwnerId; try { sub = claims.sub } catch {…} return sub === bookingOwnerId`: the fallback returned
  const fallbacks = [result, ...copiedClaims(context, usage, tryStmt)].filter((n): n is string => n !== undefined && hasIdentityFallback(context, tryStmt, n));
  const returnsFallback = fallbacks.length > 0 && returnsAnyOf(tryStmt, new Set(fallbacks), skipped);
  if (h.continues || after === 'success' || usesClaims || hookContinues || returnsFallback || (after === 'more' && checkOnly && fallsThrough(tryStmt.block))) {
    return { kind: 'swallowed-catch', usage, node: usage.node, loc: usage.node.callee.loc, handler };
  }
  return undefined;
}

/**
 * Required authentication: the function turns a missing token away (`if (!token) return res.status(401)…`) before
 * the `try`, so an invalid one that goes on — whatever the catch records (`req.authError = e.message`, `req.user =
 * null`) — goes on where a missing one could not.
 */
function rejectsMissingToken(usage: JwtUsage, tryStmt: TSESTree.TryStatement, fn: FunctionNode): boolean {
  const token = getArg(usage, 'token');
  const t = token.kind === 'present' ? strip(token.node) : undefined;
  if (t?.type !== 'Identifier' || fn.body.type !== 'BlockStatement') return false;
  const name = t.name;
  for (const st of fn.body.body) {
    if (st === tryStmt || within(tryStmt, st)) break;
    if (st.type !== 'IfStatement' || !canLeave(st.consequent)) continue;
    const test = strip(st.test);
    const negates = (e: Node) => e.type === 'UnaryExpression' && e.operator === '!' && isNamed(strip(e.argument), name);
    if (negates(test) || (test.type === 'LogicalExpression' && test.operator === '||' && negates(strip(test.left)))) return true;
  }
  return false;
}

/** A catch that only logs, records (assignments) and calls `next()`: nothing in it stops the request. */
function isSoftCatch(stmts: readonly Node[]): boolean {
  return stmts.every((st) => {
    if (st.type === 'EmptyStatement') return true;
    if (st.type === 'BlockStatement') return isSoftCatch(st.body);
    if (st.type !== 'ExpressionStatement') return false;
    const e = strip(st.expression);
    return isLoggingCall(e) || isNextCall(e) || (e.type === 'AssignmentExpression' && !containsCall(e.right));
  });
}

function containsCall(node: Node): boolean {
  let found = false;
  walkNodes(node, (n) => !(found ||= n.type === 'CallExpression' && !isLoggingCall(n)) && !isFunctionNode(n));
  return found;
}

/** The variable has a value of its own, not a literal, to fall back on: `let sub = ownerId`, `let claims = { sub: hdr }`. */
function hasIdentityFallback(context: AnyContext, at: Node, name: string): boolean {
  const init = declaredValue(context, at, name);
  if (!init) return false;
  if (init.type === 'Literal' || init.type === 'TemplateLiteral' || (init.type === 'Identifier' && init.name === 'undefined')) return false;
  if ((init.type === 'ObjectExpression' && init.properties.length === 0) || (init.type === 'ArrayExpression' && init.elements.length === 0)) return false;
  return true;
}

/** A `return` after the `try` reads one of `names`. */
function returnsAnyOf(tryStmt: TSESTree.TryStatement, names: ReadonlySet<string>, skipped: (s: TSESTree.IfStatement) => boolean): boolean {
  for (const st of statementsAfter(tryStmt, skipped, false)) {
    if (st.type === 'ReturnStatement') return st.argument != null && readsAny(st.argument, names);
  }
  return false;
}

/**
 * An `async` function used as a route hook: `{ preHandler: requireKeeper }`, `{ onRequest: [app.auth, requireKeeper] }`,
 * `app.addHook('preHandler', requireKeeper)` — returning lets the request through.
 */
function isReferencedAsHook(context: AnyContext, fn: FunctionNode): boolean {
  if (!fn.async) return false;
  const holder = fn.type === 'FunctionDeclaration' ? fn : fn.parent?.type === 'VariableDeclarator' ? fn.parent : undefined;
  if (!holder) return false;
  for (const v of context.sourceCode.getDeclaredVariables(holder)) {
    for (const ref of v.references) {
      let n: Node = ref.identifier as Node;
      if (n.parent?.type === 'ArrayExpression') n = n.parent;
      const p = n.parent;
      if (p?.type === 'Property' && p.value === n && !p.computed && p.key.type === 'Identifier' && REQUEST_HOOKS.has(p.key.name)) return true;
      if (p?.type === 'CallExpression' && p.arguments[1] === n && p.callee.type === 'MemberExpression' && staticMemberName(p.callee) === 'addHook') return true;
    }
  }
  return false;
}

/** The catch sets to `true` a variable that the `try` also sets: what the claims decide, the failure grants. */
function failsOpen(handler: TSESTree.BlockStatement, block: TSESTree.BlockStatement): boolean {
  const written = writtenIn(block);
  let open = false;
  walkNodes(handler, (n) => {
    if (n.type === 'AssignmentExpression' && n.operator === '=' && n.left.type === 'Identifier' && written.has(n.left.name)) {
      const v = strip(n.right);
      open ||= v.type === 'Literal' && v.value === true;
    }
    return !open && !isFunctionNode(n);
  });
  return open;
}

/** Names the block assigns or declares (`ok = true`, `req.user = …` → `req`, `const c = …`). */
function writtenIn(block: TSESTree.BlockStatement): Set<string> {
  const out = new Set<string>();
  walkNodes(block, (n) => {
    if (n.type === 'AssignmentExpression') {
      let t: Node = n.left;
      while (t.type === 'MemberExpression') t = t.object;
      if (t.type === 'Identifier') out.add(t.name);
    } else if (n.type === 'VariableDeclarator' && n.id.type === 'Identifier') out.add(n.id.name);
    return !isFunctionNode(n);
  });
  return out;
}

/** The expression reads one of `names` (as a variable, or the object of a member). */
function readsAny(expr: Node, names: ReadonlySet<string>): boolean {
  let found = false;
  walkNodes(expr, (n) => !(found ||= n.type === 'Identifier' && names.has(n.name)) && !isFunctionNode(n));
  return found;
}

/**
 * The result is declared in the `try` and what follows it there only logs (`if (payload.hash !== h) console.warn(…)`):
 * the verification decides nothing, as with a discarded check.
 */
function isUsedOnlyForLogging(context: AnyContext, usage: JwtUsage, tryStmt: TSESTree.TryStatement): boolean {
  const decl = up(usage.node).parent?.parent;
  if (decl?.type !== 'VariableDeclaration' || decl.parent !== tryStmt.block) return false;
  const h = swallows(context, tryStmt.block.body.slice(tryStmt.block.body.indexOf(decl) + 1));
  return h.swallows && !h.continues;
}

/**
 * Request hooks whose `async` function lets the request go on by returning: `app.addHook('onRequest', async …)`, and
 * an `async (request, reply)` decorated for routes to use as a hook (`app.decorate('authenticate', async …)`).
 */
const REQUEST_HOOKS = new Set(['onRequest', 'preParsing', 'preValidation', 'preHandler']);

function isAsyncRequestHook(fn: FunctionNode): boolean {
  // a Nest gateway's `handleConnection(client)`: returning keeps the socket connected
  if (fn.parent?.type === 'MethodDefinition' && !fn.parent.computed && fn.parent.key.type === 'Identifier' && fn.parent.key.name === 'handleConnection') return true;
  if (!fn.async) return false;
  const call = fn.parent;
  if (call?.type !== 'CallExpression' || call.arguments[1] !== fn) return false;
  const callee = call.callee;
  const name = call.arguments[0];
  if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier' || name.type !== 'Literal' || typeof name.value !== 'string') return false;
  if (callee.property.name === 'addHook') return REQUEST_HOOKS.has(name.value);
  // `app.decorate('requireDirector', async (request, reply) => { … })`, used as a route's `preHandler`
  const first = fn.params[0];
  return callee.property.name === 'decorate' && fn.params.length === 2 && first.type === 'Identifier' && (first.name === 'request' || first.name === 'req');
}

/** Modules that define h3 event handlers (Nuxt auto-imports them, so an unbound `defineEventHandler` is h3's too). */
const H3_MODULES = new Set(['h3', '#imports', 'nuxt', 'nuxt/app', '#app']);
const H3_HANDLER_FACTORIES = new Set(['defineEventHandler', 'eventHandler']);

/**
 * An h3 / Nuxt event handler that authenticates into `event.context` and returns nothing: a middleware, which lets
 * the request go on when it returns (`export default defineEventHandler((event) => { … })`).
 */
function isEventHandlerMiddleware(context: AnyContext, fn: FunctionNode): boolean {
  const call = fn.parent;
  if (call?.type !== 'CallExpression' || call.arguments[0] !== fn || call.callee.type !== 'Identifier' || !H3_HANDLER_FACTORIES.has(call.callee.name)) return false;
  const v = findVariable(context.sourceCode.getScope(call) as never, call.callee) as TSESLint.Scope.Variable | null;
  const def = v?.defs[0];
  if (v && !(def?.type === 'ImportBinding' && def.parent.type === 'ImportDeclaration' && H3_MODULES.has(def.parent.source.value))) return false;
  // a route that returns a value is an API handler, not a middleware
  let returnsValue = false;
  walkNodes(fn.body, (n) => !(returnsValue ||= n.type === 'ReturnStatement' && n.argument != null) && !isFunctionNode(n));
  return !returnsValue && fn.body.type === 'BlockStatement';
}

/** `decoded = jwt.verify(…)` in the `try`, to a variable declared outside it: the variable's name. */
function assignedResult(usage: JwtUsage, tryStmt: TSESTree.TryStatement): string | undefined {
  const p = up(usage.node).parent;
  if (p?.type !== 'AssignmentExpression' || p.operator !== '=' || !within(p, tryStmt.block)) return undefined;
  if (p.left.type === 'Identifier') return p.left.name;
  // `({ payload: invite } = await jwtVerify(…))`
  if (p.left.type === 'ObjectPattern' && p.left.properties.length === 1) {
    const prop = p.left.properties[0];
    if (prop.type === 'Property' && prop.value.type === 'Identifier') return prop.value.name;
  }
  return undefined;
}

/**
 * The value of a condition when `name` is falsy (a failed verify left it unset): `false` / `true` when that alone
 * decides it (`decoded && …`, `!decoded`, `decoded?.role === 'admin'`), `undefined` otherwise.
 */
function whenFalsy(test: Node, name: string): boolean | undefined {
  const t = strip(test);
  if (t.type === 'Identifier') return t.name === name ? false : undefined;
  if (t.type === 'UnaryExpression' && t.operator === '!') {
    const v = whenFalsy(t.argument, name);
    return v === undefined ? undefined : !v;
  }
  if (t.type === 'LogicalExpression' && (t.operator === '&&' || t.operator === '||')) {
    const l = whenFalsy(t.left, name);
    const r = whenFalsy(t.right, name);
    if (t.operator === '&&') return l === false || r === false ? false : l === true && r === true ? true : undefined;
    return l === true || r === true ? true : l === false && r === false ? false : undefined;
  }
  // `decoded?.role === 'admin'`: undefined compared with a literal
  if (t.type === 'BinaryExpression' && (t.operator === '===' || t.operator === '!==') && isOptionalRead(t.left, name) && t.right.type === 'Literal') {
    return t.operator === '!==';
  }
  return undefined;
}

function isOptionalRead(node: Node, name: string): boolean {
  const n = node.type === 'ChainExpression' ? node.expression : node;
  return n.type === 'MemberExpression' && n.optional && n.object.type === 'Identifier' && n.object.name === name;
}

const isNamed = (n: Node, name: string): boolean => n.type === 'Identifier' && n.name === name;

/**
 * Variables declared outside the `try` that it fills from the verify result: `viewer = String(claims.sub)` after
 * `const claims = await verify(…)`, or `approver = jwt.verify(…).sub`. After a swallowed error they keep their
 * defaults, and the code goes on with them.
 */
function copiedClaims(context: AnyContext, usage: JwtUsage, tryStmt: TSESTree.TryStatement): string[] {
  const decl = up(usage.node).parent;
  // `const claims = await verify(…)`, `const { payload } = await jwtVerify(…)`
  const locals = new Set<string>();
  if (decl?.type === 'VariableDeclarator' && decl.init === up(usage.node)) {
    if (decl.id.type === 'Identifier') locals.add(decl.id.name);
    else if (decl.id.type === 'ObjectPattern') {
      for (const p of decl.id.properties) if (p.type === 'Property' && p.value.type === 'Identifier') locals.add(p.value.name);
    }
  }
  const out: string[] = [];
  for (const stmt of tryStmt.block.body) {
    const e = stmt.type === 'ExpressionStatement' ? stmt.expression : undefined;
    if (e?.type !== 'AssignmentExpression' || e.operator !== '=' || e.left.type !== 'Identifier') continue;
    const target = e.left.name;
    // the result itself (`decoded = await verify(…)`) is `assignedResult`'s; a copy is derived from it
    if (strip(e.right) === usage.node) continue;
    let fromResult = within(usage.node, e.right);
    if (!fromResult && locals.size > 0) walkNodes(e.right, (n) => !(fromResult ||= n.type === 'Identifier' && locals.has(n.name)) && !isFunctionNode(n));
    if (!fromResult) continue;
    // declared outside the try (a `let` of the function), so it is still there after the catch
    const v = findVariable(context.sourceCode.getScope(e) as never, e.left) as TSESLint.Scope.Variable | null;
    const def = v?.defs[0]?.node as Node | undefined;
    if (def && !within(def, tryStmt)) out.push(target);
  }
  return out;
}

/** After the `try`, the variable is handed to a call (`c.json({ viewer, report })`, `sendDigest(u, { requestedBy })`). */
function handsOnAfter(tryStmt: TSESTree.TryStatement, name: string, skipped: (s: TSESTree.IfStatement) => boolean): boolean {
  for (const s of statementsAfter(tryStmt, skipped, true)) {
    if (someCallArgument(s, (a) => isNamed(a, name) && !isTestOnly(a))) return true;
  }
  return false;
}

const BRANCHES = /^(If|Switch|Throw|Try|Labeled)Statement$/;
const BRANCHES_AND_LOOPS = /^(If|Switch|Throw|For|ForIn|ForOf|While|DoWhile|Try|Labeled)Statement$/;

/** The statements after the `try` in its block, up to the first branch not `skipped` (and loop, unless `throughLoops`). */
function* statementsAfter(tryStmt: TSESTree.TryStatement, skipped: (s: TSESTree.IfStatement) => boolean, throughLoops: boolean): Generator<Node> {
  let cur: Node = tryStmt;
  // out of the blocks of enclosing `if`s too: `if (bearer) { try { … } catch { log } }` then the rest of the function
  for (let depth = 0; depth < 8; depth++) {
    const block: Node | undefined = cur.parent;
    if (block?.type !== 'BlockStatement') return;
    for (const s of block.body.slice(block.body.indexOf(cur as TSESTree.Statement) + 1)) {
      if (s.type === 'IfStatement' && skipped(s)) continue;
      if ((throughLoops ? BRANCHES : BRANCHES_AND_LOOPS).test(s.type)) return;
      yield s;
    }
    const owner: Node | undefined = block.parent;
    if (owner?.type !== 'IfStatement') return;
    cur = owner;
  }
}

/**
 * Some node inside an argument of a call (not a logging call), a `new` or a tagged template in `stmt` matches; nested
 * functions are not entered.
 */
function someCallArgument(stmt: Node, match: (n: Node) => boolean): boolean {
  let found = false;
  // the callback of an array method runs now (`scans.map((s) => ({ ...s, clinicId }))`); other functions run later
  const entered = (a: Node) => !isFunctionNode(a) || isArrayCallback(a);
  walkNodes(stmt, (n) => {
    if ((n.type === 'CallExpression' && !isLoggingCall(n)) || n.type === 'NewExpression') {
      for (const arg of n.arguments) walkNodes(arg, (a) => !(found ||= match(a)) && entered(a));
    }
    // sql`… ${eventId} …`: a tagged template hands its expressions to the tag
    if (n.type === 'TaggedTemplateExpression') {
      for (const e of n.quasi.expressions) walkNodes(e, (a) => !(found ||= match(a)) && !isFunctionNode(a));
    }
    return !found && !isFunctionNode(n);
  });
  return found;
}

const ARRAY_METHODS = new Set(['map', 'flatMap', 'filter', 'forEach', 'reduce', 'some', 'every', 'find', 'findIndex']);

/** `xs.map((x) => …)`: a function handed to an array method, which calls it before returning. */
function isArrayCallback(fn: Node): boolean {
  const call = fn.parent;
  return (
    call?.type === 'CallExpression' &&
    call.arguments[0] === fn &&
    call.callee.type === 'MemberExpression' &&
    !call.callee.computed &&
    call.callee.property.type === 'Identifier' &&
    ARRAY_METHODS.has(call.callee.property.name)
  );
}

/** `x` only decides something here (`if (x)`, `x ? … : …`, `!x`): it is not handed on. */
function isTestOnly(id: Node): boolean {
  const p = id.parent;
  return (p?.type === 'ConditionalExpression' && p.test === id) || (p?.type === 'UnaryExpression' && p.operator === '!');
}

/** The variable was declared with a value other than `null` / `undefined` (`let claims = {}`, `let alert = body`). */
function hasFallbackValue(context: AnyContext, at: Node, name: string): boolean {
  const init = declaredValue(context, at, name);
  return init !== undefined && !(init.type === 'Literal' && init.value === null) && !(init.type === 'Identifier' && init.name === 'undefined');
}

/** The value the variable `name` visible at `at` is declared with (`let claims = {}` → `{}`), TS wrappers stripped. */
function declaredValue(context: AnyContext, at: Node, name: string): Node | undefined {
  let scope: TSESLint.Scope.Scope | null = context.sourceCode.getScope(at) as TSESLint.Scope.Scope;
  while (scope && !scope.set.has(name)) scope = scope.upper;
  const def = scope?.set.get(name)?.defs[0];
  if (def?.type !== 'Variable' || def.node.type !== 'VariableDeclarator' || !def.node.init) return undefined;
  return strip(def.node.init);
}

/**
 * After a swallowed error, the statements that follow the `try` read the verify result's claims directly
 * (`users.confirmEmail(claims.sub)`), or hand what it may hold to a call (`extend(id, claims?.plan ?? 'basic')`):
 * the code goes on to act as if it held a verified payload. A plain pass-through (`return { user, tenant:
 * user?.tenant }`, `req.user = decoded`) and logging are not.
 */
function readsClaimsAfter(context: AnyContext, tryStmt: TSESTree.TryStatement, name: string, skipped: (s: TSESTree.IfStatement) => boolean): boolean {
  // `let alert = ctx.request.body; try { alert = await verify(…) } catch {…} ingest(alert)`: with a fallback value
  // of its own, the variable handed on whole is acted on too
  const handedOnWhole = hasFallbackValue(context, tryStmt, name);
  const readsResult = (n: Node, optionalToo: boolean) =>
    n.type === 'MemberExpression' && (optionalToo || !n.optional) && isNamed(strip(n.object), name);
  // `const subject = claims?.sub ?? volunteerId`: a copy that falls back to another identity
  const copies = new Set<string>();
  for (const s of statementsAfter(tryStmt, skipped, false)) {
    // `claims.sub`, `invite!.orgId`: read as if it held a payload
    let found = false;
    walkNodes(s, (n) => !(found ||= readsResult(n, false)) && !isFunctionNode(n));
    // `extend(trial.id, claims?.plan ?? 'basic')`, `attach(viewer, link?.studentId)`: acting on what it may hold
    const handed = (a: Node) =>
      readsResult(a, true) ||
      (a.type === 'Identifier' && copies.has(a.name)) ||
      (handedOnWhole && a.parent?.type === 'CallExpression' && a.parent.arguments.includes(a as never) && isNamed(strip(a), name));
    if (found || someCallArgument(s, handed)) return true;
    if (s.type === 'ReturnStatement') return false;
    if (s.type === 'VariableDeclaration') {
      for (const d of s.declarations) {
        const init = d.init && strip(d.init);
        if (d.id.type === 'Identifier' && init?.type === 'LogicalExpression' && init.operator !== '&&' && readsResult(strip(init.left), true)) copies.add(d.id.name);
      }
    }
  }
  return false;
}

/**
 * After a swallowed error, a success statement — or a statement that signs a token (`const accessToken =
 * jwt.sign({ sub: claims?.sub }, …)`): a refresh endpoint that issues a new token whether or not the old one verified.
 */
function successAfterCatch(context: AnyContext, fn: FunctionNode): (s: Node) => boolean {
  const signs = getJwtUsages(context).filter((u) => u.model.op === 'sign');
  return (s) =>
    isSuccessStatement(s) ||
    isWrappedHandlerStatement(context, s, fn) ||
    (s.type !== 'FunctionDeclaration' && signs.some((u) => within(u.node, s) && enclosingFunction(u.node) === enclosingFunction(s)));
}

/** `handler(req, res);` / `return handler(req, res)` / `return await handler(req)`: see `isWrappedHandlerCall`. */
function isWrappedHandlerStatement(context: AnyContext, stmt: Node, fn: FunctionNode): boolean {
  const e = stmt.type === 'ExpressionStatement' ? stmt.expression : stmt.type === 'ReturnStatement' ? stmt.argument : undefined;
  return e != null && isWrappedHandlerCall(context, e, fn);
}

/**
 * A higher-order wrapper calling the handler it wraps with the request: `withAuth(handler)` returns
 * `async (req, res) => { …; return handler(req, res) }`. The callee is a parameter of a function enclosing `fn`
 * (not `fn`'s own), and an argument is `fn`'s first parameter (the request / event) — the wrapped handler runs
 * as if the request were authenticated, like `next()`.
 */
function isWrappedHandlerCall(context: AnyContext, node: Node, fn: FunctionNode): boolean {
  const call = strip(node);
  if (call.type !== 'CallExpression' || call.callee.type !== 'Identifier') return false;
  const request = fn.params[0];
  if (request?.type !== 'Identifier') return false;
  const isRequest = (arg: Node) => {
    const a = strip(arg);
    return a.type === 'Identifier' && (a.name === request.name || aliases(context, a, request.name));
  };
  if (!call.arguments.some(isRequest)) return false;
  const v = findVariable(context.sourceCode.getScope(call) as never, call.callee) as TSESLint.Scope.Variable | null;
  const def = v?.defs.length === 1 ? v.defs[0] : undefined;
  if (def?.type !== 'Parameter' || def.node === fn || v!.references.some((r) => r.isWrite())) return false;
  const outer = def.node as Node;
  return outer.range[0] <= fn.range[0] && fn.range[1] <= outer.range[1];
}

/** `id` is a `const` bound to `name` (through TS wrappers): `const authed = req as AuthedRequest`. */
function aliases(context: AnyContext, id: TSESTree.Identifier, name: string): boolean {
  const v = findVariable(context.sourceCode.getScope(id) as never, id) as TSESLint.Scope.Variable | null;
  const def = v?.defs.length === 1 ? v.defs[0] : undefined;
  if (def?.type !== 'Variable' || def.parent?.kind !== 'const' || def.node.type !== 'VariableDeclarator' || !def.node.init) return false;
  return isNamed(strip(def.node.init), name);
}

/**
 * A `try` block that runs on past its end: its last statement is not a `return` / `throw`. When it ends in one, the
 * code after the `try` is reached only on failure (`try { jwt.verify(t, k); return true } catch {…} return false`).
 */
function fallsThrough(block: TSESTree.BlockStatement): boolean {
  const last = block.body.at(-1);
  return !last || (last.type !== 'ReturnStatement' && last.type !== 'ThrowStatement');
}

function usageReturnsPromise(usage: JwtUsage): boolean {
  return usage.model.returnsPromise === true;
}

/** Awaited through any TS wrappers: `await verify(…)`, `(await verify(…)) as Claims`, `await (verify(…) as P)`. */
function isAwaited(node: Node): boolean {
  for (let n: Node | undefined = node; n && (n === node || TRANSPARENT.has(n.type)); n = n.parent) {
    if (n.type === 'AwaitExpression' || n.parent?.type === 'AwaitExpression') return true;
  }
  return false;
}

function promiseCatchFinding(context: AnyContext, usage: JwtUsage): IgnoredVerifyError | undefined {
  // `verify(…).then(…).catch(handler)` / `.then(ok, handler)`
  let cur: Node = usage.node;
  let handlerNode: Node | undefined;
  let catchCall: TSESTree.CallExpression | undefined;
  for (let i = 0; i < 4; i++) {
    const m: Node | undefined = cur.parent;
    if (m?.type !== 'MemberExpression' || m.object !== cur || m.computed || m.property.type !== 'Identifier') break;
    const call: Node | undefined = m.parent;
    if (call?.type !== 'CallExpression' || call.callee !== m) break;
    const method = m.property.name;
    if (method === 'catch') {
      handlerNode = call.arguments[0];
      catchCall = call;
      break;
    }
    if (method === 'then' && call.arguments[1]) {
      handlerNode = call.arguments[1];
      catchCall = call;
      break;
    }
    if (method !== 'then' && method !== 'finally') break;
    cur = call;
  }
  if (!catchCall || !handlerNode) return undefined;
  const handler = resolveFunction(context, handlerNode);
  let h: { swallows: boolean; continues: boolean };
  if (handler) {
    const body = handler.body;
    h = body.type === 'BlockStatement' ? swallows(context, body.body) : swallows(context, [{ type: 'ExpressionStatement', expression: body, parent: handler } as unknown as Node]);
    if (body.type !== 'BlockStatement' && (body.type === 'Identifier' || (body.type === 'Literal' && body.value === null))) h = { swallows: false, continues: false };
  } else {
    // `.catch(console.error)`
    h = { swallows: isLoggingCallee(handlerNode), continues: false };
  }
  if (!h.swallows) return undefined;
  const fn = enclosingFunction(usage.node);
  if (!fn || isOptionalAuth(fn)) return undefined;
  const stmt = up(catchCall).parent;
  const discarded = stmt?.type === 'ExpressionStatement' && catchCall === usage.node.parent?.parent;
  const after = stmt?.type === 'ExpressionStatement' ? continuation(stmt, fn, successAfterCatch(context, fn)) : 'stop';
  if (h.continues || after === 'success' || (after === 'more' && discarded)) {
    return { kind: 'swallowed-promise-catch', usage, node: usage.node, loc: usage.node.callee.loc, handler: catchCall };
  }
  return undefined;
}

function isLoggingCallee(node: Node): boolean {
  const n = strip(node);
  return n.type === 'MemberExpression' && !n.computed && n.property.type === 'Identifier' && LOG_METHODS.has(n.property.name);
}

// ---------------------------------------------------------------------------------------------------------------

/** Every place in the file where a verification error is ignored (see the module comment). */
export function findIgnoredVerifyErrors(context: AnyContext): IgnoredVerifyError[] {
  const out: IgnoredVerifyError[] = [];
  for (const usage of getJwtUsages(context)) {
    if (usage.model.op !== 'verify') continue;
    const cb = verifyCallback(context, usage);
    const finding =
      cb === 'unknown' ? undefined : cb === 'none' ? (tryFinding(context, usage) ?? promiseCatchFinding(context, usage)) : callbackFinding(context, usage, cb);
    if (finding) out.push(finding);
  }
  return out;
}
