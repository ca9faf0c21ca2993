/**
 * Is this value a token? Used where a value is written somewhere (browser storage, a cookie) and the
 * question is whether it carries a bearer credential. A value is a token when
 * - it is named like one (`token`, `accessToken`, `this.jwt`; through `const` and destructuring:
 *   `const { access_token: t } = data`),
 * - it is read from a token field (`res.data.token`, `data.accessToken`, `(await response.json()).token`,
 *   `action.payload.refreshToken`),
 * - a JWT library produced it (a `sign` usage of the import model, also a builder chain's `sign()`), or a
 *   function named for producing one (`generateAccessToken(user)`, `signToken(…)`),
 * - it carries one: an object with a token property (`{ user, token }`), `JSON.stringify` of such an object,
 *   a template or concatenation around one (`` `Bearer ${token}` ``).
 * Names are judged by `names.ts` (`tokenizerModel`, `csrfToken`, `maxTokens`, `decodedToken` are not tokens).
 * A value of CSRF origin is never a token, whatever it is called (`const token = generateCsrfToken()`).
 * Anything else — parameters, call results, unknown objects — is not known to be a token.
 */
import { getPropertyName } from '@eslint-community/eslint-utils';
import type { TSESTree } from '@typescript-eslint/utils';
import { localFunctionOf, returnedExpressions } from './ast.js';
import { getFileUsages } from './imports.js';
import { isCsrfName, isIdentityFieldName, isTokenName, splitWords, tokenKind, type TokenKind } from './names.js';
import { resolveExpression, resolveValue, stripTsWrappers, type AnyContext } from './values.js';

type Node = TSESTree.Node;

export interface TokenEvidence {
  /** how we know: a token name, a token field of a response, a JWT library, an object / string carrying one */
  source: 'name' | 'field' | 'jwt' | 'carrier';
  /** the node that shows it (the identifier, the member, the sign call, the property) */
  node: Node;
  /** the name the decision rests on, when there is one */
  name?: string;
  /** the kind of token, when the name says (`refreshToken` → refresh) */
  kind?: TokenKind;
}

const MAX_DEPTH = 8;
/** Calls that pass their (first) argument's token through: `String(t)`, `encodeURIComponent(t)`, `btoa(t)`. */
const PASS_THROUGH_FUNCTIONS = new Set(['String', 'encodeURIComponent', 'encodeURI', 'btoa', 'escape']);
/** Methods that pass their receiver's token through: `t.toString()`, `t.trim()`. */
const PASS_THROUGH_METHODS = new Set(['toString', 'trim', 'valueOf']);
/** Leading verbs of functions that produce a token: `generateAccessToken`, `signJwt`, `createToken`, `issueTokens`. */
const PRODUCING_VERBS = new Set(['generate', 'gen', 'create', 'sign', 'issue', 'mint', 'make', 'build', 'new']);

function byName(name: string, node: Node, source: TokenEvidence['source']): TokenEvidence | undefined {
  if (!isTokenName(name)) return undefined;
  return { source, node, name, kind: tokenKind(name) };
}

/** Evidence that `node` evaluates to (or carries) a bearer token, or `undefined`. */
export function tokenValueEvidence(context: AnyContext, node: Node | null | undefined): TokenEvidence | undefined {
  return node ? evidence(context, node, 0, new Set()) : undefined;
}

/**
 * The value is named as an identity field (`req.body.email`, `username`, `const { email } = form`), not a credential.
 */
export function isIdentityFieldValue(context: AnyContext, node: Node): boolean {
  const n = stripTsWrappers(node);
  if (n.type === 'Identifier') return isIdentityFieldName(n.name);
  if (n.type === 'MemberExpression') {
    const name = getPropertyName(n as never, context.sourceCode.getScope(n) as never);
    return name != null && isIdentityFieldName(name);
  }
  return false;
}

/** Whether `node` is known to evaluate to (or carry) a bearer token. */
export function isTokenValue(context: AnyContext, node: Node | null | undefined): boolean {
  return tokenValueEvidence(context, node) !== undefined;
}

function evidence(context: AnyContext, raw: Node, depth: number, seen: Set<Node>): TokenEvidence | undefined {
  if (depth > MAX_DEPTH || seen.has(raw)) return undefined;
  seen.add(raw);
  let node = stripTsWrappers(raw);
  while (node.type === 'AwaitExpression') node = stripTsWrappers(node.argument);
  const next = (n: Node | null | undefined) => (n ? evidence(context, n, depth + 1, seen) : undefined);
  switch (node.type) {
    case 'Identifier': {
      // `const token = generateCsrfToken()`, `const { csrfToken: token } = …`: a CSRF value whatever its name
      const def = resolveExpression(context, node);
      if ((def !== node && isCsrfOrigin(def)) || destructuredKey(context, node, isCsrfName)) return undefined;
      const named = byName(node.name, node, 'name');
      if (named) return named;
      const field = destructuredField(context, node);
      if (field) return field;
      return def !== node ? next(def) : undefined;
    }
    case 'MemberExpression': {
      const name = getPropertyName(node as never, context.sourceCode.getScope(node) as never);
      if (name == null) return undefined;
      const own = byName(name, node, node.object.type === 'ThisExpression' ? 'name' : 'field') ?? pairMember(node, name);
      if (own || name !== '$state' || node.object.type !== 'ThisExpression') return own;
      // Pinia: `this.$state` in an action is the whole state, tokens included
      const state = piniaState(node);
      const inner = state && next(state);
      return inner && { ...inner, source: 'carrier' };
    }
    case 'CallExpression':
      return callEvidence(context, node, next);
    case 'ObjectExpression': {
      for (const prop of node.properties) {
        if (prop.type !== 'Property') continue;
        const key = prop.computed ? undefined : prop.key.type === 'Identifier' ? prop.key.name : prop.key.type === 'Literal' ? String(prop.key.value) : undefined;
        const named = key !== undefined ? byName(key, prop, 'carrier') : undefined;
        if (named) return named;
      }
      for (const prop of node.properties) {
        if (prop.type !== 'Property' || prop.value.type === 'FunctionExpression' || prop.value.type === 'ArrowFunctionExpression') continue;
        const inner = next(prop.value);
        if (inner) return { ...inner, source: 'carrier' };
      }
      return undefined;
    }
    case 'TemplateLiteral':
      for (const e of node.expressions) {
        const inner = next(e);
        if (inner) return { ...inner, source: inner.source === 'jwt' ? 'jwt' : 'carrier' };
      }
      return undefined;
    case 'BinaryExpression':
      if (node.operator !== '+') return undefined;
      return next(node.left) ?? next(node.right);
    case 'LogicalExpression':
      // `token || ''`, `token ?? undefined`; for `&&` only the right side is the value when it is stored
      return node.operator === '&&' ? next(node.right) : next(node.left) ?? next(node.right);
    case 'ConditionalExpression':
      return next(node.consequent) ?? next(node.alternate);
    default:
      return undefined;
  }
}

/**
 * The state object of the Pinia options store whose action or getter holds `node`: `defineStore('s', { state: () =>
 * ({ accessToken: '' }), actions: { save() { … this.$state … } } })`.
 */
function piniaState(node: Node): Node | undefined {
  for (let n: Node | undefined = node.parent; n; n = n.parent) {
    if (n.type !== 'ObjectExpression') continue;
    const holder = n.parent;
    if (holder?.type !== 'Property' || holder.computed || holder.key.type !== 'Identifier' || (holder.key.name !== 'actions' && holder.key.name !== 'getters')) continue;
    const store = holder.parent;
    if (store?.type !== 'ObjectExpression') return undefined;
    const state = store.properties.find((p) => p.type === 'Property' && !p.computed && p.key.type === 'Identifier' && p.key.name === 'state');
    const fn = state?.type === 'Property' ? stripTsWrappers(state.value as Node) : undefined;
    if (fn?.type !== 'ArrowFunctionExpression' && fn?.type !== 'FunctionExpression') return undefined;
    if (fn.body.type !== 'BlockStatement') return fn.body;
    const ret = fn.body.body.find((st) => st.type === 'ReturnStatement');
    return ret?.type === 'ReturnStatement' ? (ret.argument ?? undefined) : undefined;
  }
  return undefined;
}

/** Kinds of token a pair's member names: `tokens.access`, `tokenPair.refresh`, `jwts.id`. */
const PAIR_MEMBERS: Readonly<Record<string, TokenKind>> = { access: 'access', refresh: 'refresh', id: 'id', session: 'session' };

/** `tokens.access`, `pair.refresh` where the object is named for tokens (`tokens`, `tokenPair`, `authTokens`). */
function pairMember(node: TSESTree.MemberExpression, name: string): TokenEvidence | undefined {
  const kind = PAIR_MEMBERS[name];
  if (!kind) return undefined;
  const object = stripTsWrappers(node.object);
  const owner = object.type === 'Identifier' ? object.name : object.type === 'MemberExpression' && !object.computed && object.property.type === 'Identifier' ? object.property.name : undefined;
  if (!owner) return undefined;
  const words = splitWords(owner);
  const last = words[words.length - 1];
  const tokens = last === 'tokens' || last === 'jwts' || (last === 'pair' && words.includes('token'));
  return tokens ? { source: 'field', node, name: `${name}_token`, kind } : undefined;
}

function callEvidence(
  context: AnyContext,
  node: TSESTree.CallExpression,
  next: (n: Node | null | undefined) => TokenEvidence | undefined,
): TokenEvidence | undefined {
  if (isJwtSign(context, node)) return { source: 'jwt', node };
  if (isCsrfOrigin(node)) return undefined;
  const callee = stripTsWrappers(node.callee);
  const first = node.arguments[0];
  if (callee.type === 'MemberExpression') {
    const method = getPropertyName(callee as never);
    const object = stripTsWrappers(callee.object);
    if (method === 'stringify' && object.type === 'Identifier' && object.name === 'JSON' && first && first.type !== 'SpreadElement') {
      const inner = next(first);
      return inner && { ...inner, source: inner.source === 'jwt' ? 'jwt' : 'carrier' };
    }
    if (method && PASS_THROUGH_METHODS.has(method)) return next(callee.object);
    // `localStorage.getItem('token')`: read back from where a token was kept
    if (method === 'getItem' && first && first.type !== 'SpreadElement') {
      const key = resolveValue(context, first);
      if (key.kind === 'known' && typeof key.value === 'string') return byName(key.value, node, 'field');
    }
    return method ? producingName(method, node) : undefined;
  }
  if (callee.type === 'Identifier') {
    if (PASS_THROUGH_FUNCTIONS.has(callee.name) && first && first.type !== 'SpreadElement') return next(first);
    return producingName(callee.name, node) ?? returnsSignedToken(context, callee, node, next);
  }
  return undefined;
}

/**
 * The value is a token this file has just signed: a sign call (`const t = jwt.sign(…)`), a call of a local function
 * returning one, or a field destructured from a local function's returned object (`const { refreshToken } =
 * issuePair(user)` where `issuePair` returns `{ refreshToken: jwt.sign(…) }`). Decoding such a token reads claims this
 * code wrote itself.
 */
export function isSignedHere(context: AnyContext, node: Node | null | undefined): boolean {
  if (!node) return false;
  const signed = (n: Node | null | undefined, depth: number): boolean => {
    if (!n || depth > 4) return false;
    let e = stripTsWrappers(n);
    while (e.type === 'AwaitExpression') e = stripTsWrappers(e.argument);
    if (e.type === 'Identifier') {
      const def = resolveExpression(context, e);
      if (def !== e) return signed(def, depth + 1);
      // `const { refreshToken } = issuePair(user)`
      const field = destructuredKeyOf(context, e);
      const holder = field?.property.parent?.parent;
      const c = holder?.type === 'VariableDeclarator' && holder.init ? stripTsWrappers(holder.init) : undefined;
      const fn = c?.type === 'CallExpression' && c.callee.type === 'Identifier' ? localFunctionOf(context, c.callee) : undefined;
      if (!fn || !field) return false;
      return returnedExpressions(fn).some((r) => {
        const obj = stripTsWrappers(r);
        if (obj.type !== 'ObjectExpression') return false;
        const prop = obj.properties.find((p) => p.type === 'Property' && !p.computed && p.key.type === 'Identifier' && p.key.name === field.key);
        return prop?.type === 'Property' && signed(prop.value as Node, depth + 1);
      });
    }
    if (e.type !== 'CallExpression') return false;
    if (isJwtSign(context, e)) return true;
    const fn = e.callee.type === 'Identifier' ? localFunctionOf(context, e.callee) : undefined;
    return !!fn && returnedExpressions(fn).some((r) => signed(r, depth + 1));
  };
  return signed(node, 0);
}

/** `signAccess(user)`, where `function signAccess(u) { return jwt.sign(…) }` is in this file. */
function returnsSignedToken(
  context: AnyContext,
  callee: TSESTree.Identifier,
  call: Node,
  next: (n: Node | null | undefined) => TokenEvidence | undefined,
): TokenEvidence | undefined {
  const fn = localFunctionOf(context, callee);
  if (!fn) return undefined;
  for (const returned of returnedExpressions(fn)) {
    if (next(returned)?.source === 'jwt') return { source: 'jwt', node: call, name: callee.name };
  }
  return undefined;
}

/** `generateAccessToken(user)`, `signJwt(payload)`: a function named for producing a token. */
function producingName(name: string, node: Node): TokenEvidence | undefined {
  const words = splitWords(name);
  if (words.length < 2 || !PRODUCING_VERBS.has(words[0])) return undefined;
  // `generateTokens` (plural) usually returns a pair: still a carrier of tokens
  const rest = words.slice(1).join('_').replace(/s$/, '');
  return isTokenName(rest) ? { source: 'jwt', node, name, kind: tokenKind(rest) } : undefined;
}

/** A `sign` usage of a modelled JWT library, or the terminal call of a signing builder chain. */
function isJwtSign(context: AnyContext, node: TSESTree.CallExpression): boolean {
  const file = getFileUsages(context);
  if (file.usages.length === 0) return false;
  const usage = file.byNode.get(node);
  if (usage) return usage.model.op === 'sign' && !usage.model.builder;
  for (const u of file.usages) {
    if (u.model.op !== 'sign' || !u.model.builder) continue;
    const last = u.chain[u.chain.length - 1];
    if (last && last.node === node && last.name === u.model.chain?.key?.method) return true;
  }
  return false;
}

/**
 * The expression is named for CSRF protection (`csrfToken`, `req.csrfToken()`, `generateCsrfToken()`,
 * `tokens.xsrf`): a double-submit value meant to be readable by scripts, not a bearer credential.
 */
export function isCsrfOrigin(raw: Node): boolean {
  let node = stripTsWrappers(raw);
  while (node.type === 'AwaitExpression') node = stripTsWrappers(node.argument);
  if (node.type === 'CallExpression') node = stripTsWrappers(node.callee);
  if (node.type === 'Identifier') return isCsrfName(node.name);
  if (node.type === 'MemberExpression' && !node.computed && node.property.type === 'Identifier') return isCsrfName(node.property.name);
  if (node.type === 'MemberExpression' && node.property.type === 'Literal' && typeof node.property.value === 'string') return isCsrfName(node.property.value);
  return false;
}

/** `const { csrfToken: t } = …`: the destructured key `id` was bound from satisfies `test`. */
function destructuredKey(context: AnyContext, id: TSESTree.Identifier, test: (key: string) => boolean): boolean {
  const field = destructuredField(context, id, (key, parent) => (test(key) ? { source: 'field', node: parent, name: key } : undefined));
  return field !== undefined;
}

/** `const { token: t } = data` / `const { accessToken } = await res.json()`: the destructured key names a token. */
function destructuredField(
  context: AnyContext,
  id: TSESTree.Identifier,
  judge: (key: string, parent: Node) => TokenEvidence | undefined = (key, parent) => byName(key, parent, 'field'),
): TokenEvidence | undefined {
  const field = destructuredKeyOf(context, id);
  return field && judge(field.key, field.property);
}

/**
 * The key a variable was destructured under, and its pattern property: `const { token: t } = data` → `token`,
 * `function f({ accessToken = '' })` → `accessToken`.
 */
function destructuredKeyOf(context: AnyContext, id: TSESTree.Identifier): { key: string; property: TSESTree.Property } | undefined {
  let scope: ReturnType<AnyContext['sourceCode']['getScope']> | null = context.sourceCode.getScope(id);
  let variable;
  while (scope && !variable) {
    variable = scope.set.get(id.name);
    scope = scope.upper;
  }
  const def = variable?.defs[0];
  if (!def || (def.type !== 'Variable' && def.type !== 'Parameter')) return undefined;
  let n: Node | undefined = def.name as Node;
  for (let i = 0; i < 4 && n; i++) {
    const parent: Node | undefined = n.parent;
    if (!parent) return undefined;
    if (parent.type === 'AssignmentPattern' && parent.left === n) {
      n = parent;
      continue;
    }
    if (parent.type === 'Property' && parent.value === n && parent.parent?.type === 'ObjectPattern') {
      const key = parent.computed ? undefined : parent.key.type === 'Identifier' ? parent.key.name : parent.key.type === 'Literal' ? String(parent.key.value) : undefined;
      return key !== undefined ? { key, property: parent } : undefined;
    }
    return undefined;
  }
  return undefined;
}
