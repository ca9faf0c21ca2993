/**
 * Key material: what a value used as a JWT key is (a shared secret, a private key, a public key), and whether an
 * expression that supplies a key is known statically — wholly (a literal, a constant) or as the fallback of a
 * runtime value (`process.env.JWT_SECRET || 'dev'`, `?? 'dev'`, a `NODE_ENV` ternary).
 *
 * Public material (PEM `PUBLIC KEY` / `CERTIFICATE`, a JWK without `d`) is not a secret and is never reported.
 * Nothing here ever returns or formats the secret value itself: findings carry nodes, not values.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { apiName, getArg, getChainCall, type JwtUsage } from './imports.js';
import { isSecretName } from './names.js';
import { getUsageOption } from './usage-options.js';
import { isEnvRead, resolveValue, stripTsWrappers, valueSources, type AnyContext, type ValueSource } from './values.js';

type Node = TSESTree.Node;

/** What a statically known key value is. `none` means it is not key material at all (empty, a number, …). */
export type KeyMaterialKind = 'secret' | 'private' | 'public' | 'none';

const PEM_BEGIN = '-----BEGIN';
const PEM_HEADER = /-----BEGIN ([A-Z0-9 ]+)-----/g;
/** A PEM private key header followed by key data (base64 lines, optionally after `Proc-Type`/`DEK-Info` headers). */
const PEM_PRIVATE_WITH_BODY =
  /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----\s*(?:(?:Proc-Type|DEK-Info|Version|Comment):[^\n]*\n\s*)*[A-Za-z0-9+/=]{16}[A-Za-z0-9+/=\s]{24,}/;

/**
 * The kind of PEM block(s) in a text: `private` when any block is a private key, `public` for public keys,
 * certificates and other blocks; `undefined` when the text holds no PEM header.
 */
export function pemKind(text: string): 'private' | 'public' | undefined {
  if (!text.includes(PEM_BEGIN)) return undefined;
  let found: 'private' | 'public' | undefined;
  for (const m of text.matchAll(PEM_HEADER)) {
    if (/\bPRIVATE KEY\b/.test(m[1])) return 'private';
    found = 'public';
  }
  return found;
}

/**
 * Whether a text holds a PEM private key *with its key data* — not just a header used to wrap a value read at
 * runtime (`` `-----BEGIN PRIVATE KEY-----\n${process.env.KEY}` ``) or a placeholder (`'…\n...\n…'`).
 */
export function containsPemPrivateKey(text: string): boolean {
  return text.includes(PEM_BEGIN) && PEM_PRIVATE_WITH_BODY.test(text);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array);
}

/**
 * Classifies a statically known key value:
 * - a non-empty string or byte array → `secret` (HMAC material), unless it is PEM text (`private` / `public`);
 * - a JWK: `d` → `private`, `kty: 'oct'` with `k` → `secret`, otherwise `public`; a JWK Set by its most secret key;
 * - `{ key, passphrase }` (jsonwebtoken's encrypted-key form) → the kind of `key`;
 * - anything else → `none`.
 */
export function classifyKeyMaterial(value: unknown, depth = 0): KeyMaterialKind {
  if (typeof value === 'string') {
    if (value.trim() === '') return 'none';
    return pemKind(value) ?? 'secret';
  }
  if (value instanceof Uint8Array) {
    if (value.length === 0) return 'none';
    const text = Buffer.from(value).toString('latin1');
    return pemKind(text) ?? 'secret';
  }
  if (!isPlainObject(value) || depth > 3) return 'none';
  if (typeof value.kty === 'string') {
    if (value.d !== undefined) return 'private';
    if (value.kty.toLowerCase() === 'oct' && value.k !== undefined) return classifyKeyMaterial(value.k, depth + 1) === 'none' ? 'none' : 'secret';
    return 'public';
  }
  if (Array.isArray(value.keys)) {
    let kind: KeyMaterialKind = 'none';
    for (const k of value.keys) kind = moreSecret(kind, classifyKeyMaterial(k, depth + 1));
    return kind;
  }
  if ('key' in value) return classifyKeyMaterial(value.key, depth + 1);
  return 'none';
}

const RANK: Record<KeyMaterialKind, number> = { none: 0, public: 1, secret: 2, private: 3 };
function moreSecret(a: KeyMaterialKind, b: KeyMaterialKind): KeyMaterialKind {
  return RANK[b] > RANK[a] ? b : a;
}

/** Whether a kind is material that must not be in source. */
export function isSecretMaterial(kind: KeyMaterialKind): kind is 'secret' | 'private' {
  return kind === 'secret' || kind === 'private';
}

/** One statically known piece of key material behind a key expression. */
export interface HardcodedKey {
  /**
   * The node that holds the material: the literal, template, object or `Buffer.from(…, enc)` call in this file;
   * when the value comes from another module, the expression that was asked about.
   */
  node: Node;
  kind: 'secret' | 'private';
  /** the material is only used when a runtime value (environment, call, parameter) is missing or falsy */
  fallback: boolean;
  /** the environment variable the material stands in for, when the other branch reads one by a static name */
  envName?: string;
}

export interface FindKeyOptions {
  /** only report fallbacks whose other branch reads the environment (used for name-based checks) */
  requireEnv?: boolean;
}

/**
 * The hardcoded key material behind `node`, an expression that supplies a key: every statically known branch of
 * `a || b`, `a ?? b`, `c ? a : b` (through constants, templates, `Buffer.from`, `new TextEncoder().encode`,
 * relative-module constants) that is secret or private material. Empty when nothing is known statically or the
 * known material is public. When some branch is a runtime value, the findings are fallbacks.
 */
export function findHardcodedKeys(context: AnyContext, node: Node | null | undefined, options: FindKeyOptions = {}): HardcodedKey[] {
  if (!node) return [];
  const sources = valueSources(context, node);
  const literals: { source: Extract<ValueSource, { kind: 'literal' }>; kind: 'secret' | 'private' }[] = [];
  let runtime = false;
  let env = false;
  let envName: string | undefined;
  for (const s of sources) {
    if (s.kind === 'literal') {
      const kind = classifyKeyMaterial(s.value);
      if (isSecretMaterial(kind)) literals.push({ source: s, kind });
      continue;
    }
    runtime = true;
    if (s.kind === 'env') {
      env = true;
      envName ??= s.name;
    }
  }
  if (literals.length === 0) return [];
  if (options.requireEnv && !env) return [];
  const seen = new Set<Node>();
  const out: HardcodedKey[] = [];
  for (const { source, kind } of literals) {
    // a literal that is only part of the value (`\`${prefix}-secret\``): report the key expression itself
    const lit = source.node;
    const partial = lit.type === 'Literal' && typeof lit.value === 'string' && lit.value !== source.value;
    const at = partial ? node : lit;
    if (seen.has(at)) continue;
    seen.add(at);
    out.push({ node: at, kind, fallback: runtime, ...(runtime && envName ? { envName } : {}) });
  }
  return out;
}

/**
 * For a fallback literal written inline next to an environment read (`process.env.X || 'dev'`, `?? 'dev'`,
 * `cond ? process.env.X : 'dev'`): the whole expression and the environment read to keep. `undefined` otherwise.
 */
export function fallbackSite(literal: Node): { whole: Node; keep: Node } | undefined {
  let n: Node = literal;
  while (n.parent && stripTsWrappers(n.parent) !== n.parent) n = n.parent;
  const p = n.parent;
  if (!p) return undefined;
  if (p.type === 'LogicalExpression' && (p.operator === '||' || p.operator === '??') && p.right === n && isEnvRead(p.left)) {
    return { whole: p, keep: p.left };
  }
  if (p.type === 'ConditionalExpression' && p.test !== n) {
    const other = p.consequent === n ? p.alternate : p.consequent;
    if (isEnvRead(other)) return { whole: p, keep: other };
  }
  return undefined;
}

/** Operations whose key argument / option is key material for tokens. */
const KEY_OPS = new Set(['sign', 'verify', 'configure', 'configure-sign', 'configure-verify', 'import-key']);

/** A key expression of a usage and the API name to show for it (`jsonwebtoken.sign`, `jose.SignJWT#sign`). */
export interface KeyExpression {
  node: Node;
  callee: string;
}

/**
 * The expressions that supply key material to a usage: its `key` argument, the argument of the builder method
 * that takes the key (jose `…sign(key)`), and the `key` option concept (middleware and module options). Import-key
 * APIs that take public material (`importSPKI`, `createPublicKey`) have none.
 */
export function keyExpressions(context: AnyContext, usage: JwtUsage): KeyExpression[] {
  const model = usage.model;
  if (!KEY_OPS.has(model.op) || model.keyKind === 'public') return [];
  const api = apiName(usage);
  const out: KeyExpression[] = [];
  const arg = getArg(usage, 'key');
  if (arg.kind === 'present') out.push({ node: arg.node, callee: api });
  if (model.builder) {
    const call = getChainCall(usage, 'key');
    const a = call?.node.arguments[0];
    if (call && a && a.type !== 'SpreadElement') out.push({ node: a, callee: `${api}#${call.name}` });
  } else if (model.options?.key) {
    // every path: `{ secret: 'a', privateKey: 'b' }` holds two keys, and a lookup stops at the first present one
    const paths = typeof model.options.key === 'string' ? [model.options.key] : model.options.key;
    const found: string[] = [];
    for (const path of paths) {
      // `secret` after `secret.private` was found: the object holding that key, not another key
      if (found.some((f) => f.startsWith(`${path}.`))) continue;
      const one: JwtUsage = { ...usage, model: { ...model, options: { ...model.options, key: path } } };
      const opt = getUsageOption(context, one, 'key');
      if (opt.kind !== 'present') continue;
      found.push(path);
      if (!out.some((k) => k.node === opt.node)) out.push({ node: opt.node, callee: api });
    }
  }
  return out;
}

/**
 * The environment variable name a hardcoded secret literal should come from: the name of the constant it
 * initialises when that is an upper-case secret name (`const ACCESS_TOKEN_SECRET = '…'`), otherwise undefined.
 */
export function secretTargetName(literal: Node): string | undefined {
  let n: Node = literal;
  while (n.parent && stripTsWrappers(n.parent) !== n.parent) n = n.parent;
  const p = n.parent;
  if (p?.type !== 'VariableDeclarator' || p.init !== n || p.id.type !== 'Identifier') return undefined;
  const name = p.id.name;
  return /^[A-Z][A-Z0-9_]*$/.test(name) && isSecretName(name) ? name : undefined;
}

/**
 * For a string literal or template literal whose text mentions `-----BEGIN`: the node that holds a PEM private key
 * with its key data — the literal itself, or the whole `'-----BEGIN …\n' + 'MIIE…' + …` concatenation when that is
 * known — or undefined (a public key, a header wrapped around a runtime value, a placeholder).
 */
export function pemPrivateKeySite(context: AnyContext, node: TSESTree.Literal | TSESTree.TemplateLiteral): Node | undefined {
  let at: Node = node;
  while (at.parent?.type === 'BinaryExpression' && at.parent.operator === '+') at = at.parent;
  if (at !== node || node.type === 'TemplateLiteral') {
    const whole = resolveValue(context, at);
    if (whole.kind === 'known' && typeof whole.value === 'string') return containsPemPrivateKey(whole.value) ? at : undefined;
  }
  const own = node.type === 'Literal' ? node.value : node.quasis.map((q) => q.value.cooked ?? '').join('');
  return typeof own === 'string' && containsPemPrivateKey(own) ? node : undefined;
}

/** Globals whose `env` is an environment read (`process.env`, `Bun.env`, `Deno.env`), and the global objects that reach `process`. */
const ENV_ROOTS = ['process', 'Bun', 'Deno', 'globalThis', 'global'];

/**
 * A cheap pre-check for "this file may read the environment": its text says `env`, and it references the global
 * `process`, `Bun`, `Deno` (or `globalThis` / `global`, which reach `process`), or is a module that mentions
 * `import.meta` (`process.nextTick` alone is not an environment read). From the global
 * scope's references, not the file text; a file where this is false has no `process.env.X || 'fallback'`.
 */
export function mayReadEnvironment(context: AnyContext): boolean {
  // every environment read says `env` (`process.env`, `Bun.env`, `Deno.env.get`, `import.meta.env`, `{ env } = process`)
  if (!/\benv\b/.test(context.sourceCode.text)) return false;
  const program = context.sourceCode.ast as TSESTree.Program;
  const globalScope = context.sourceCode.getScope(program);
  for (const name of ENV_ROOTS) {
    const v = globalScope.set.get(name);
    if (v && v.defs.length === 0 && v.references.length > 0) return true;
  }
  for (const ref of globalScope.through) {
    if (ref.identifier.type === 'Identifier' && ENV_ROOTS.includes(ref.identifier.name)) return true;
  }
  return program.sourceType === 'module' && context.sourceCode.text.includes('import.meta');
}
