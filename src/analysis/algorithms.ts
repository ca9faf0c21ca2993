/**
 * JWS algorithms: their families (HMAC, RSA, RSA-PSS, EC, EdDSA, `none`), allow-lists read element by element
 * (so a list with one unknown element still tells what its known elements are), and "the algorithm this file
 * signs with" — the `algorithm` of the file's signing usages — used by rules to make concrete suggestions.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { JwtUsage } from './imports.js';
import { getJwtUsages } from './imports.js';
import { perFile } from './per-file.js';
import { getOption, type OptionLookup } from './options.js';
import { getUsageOption } from './usage-options.js';
import { isForeignNode, resolveExpression, resolveValue, stripTsWrappers, valueSources, type AnyContext, type Resolved } from './values.js';

type Node = TSESTree.Node;

export type AlgorithmFamily = 'hmac' | 'rsa' | 'rsa-pss' | 'ec' | 'eddsa' | 'none';

/**
 * The family of a JWS `alg` value, or `undefined` when the value is not a JWS signing algorithm name.
 * Names are case-sensitive as in RFC 7518, except `none`, which some libraries compare case-insensitively.
 */
export function algorithmFamily(alg: unknown): AlgorithmFamily | undefined {
  if (typeof alg !== 'string') return undefined;
  if (alg.toLowerCase() === 'none') return 'none';
  if (/^HS\d+$/.test(alg)) return 'hmac';
  if (/^RS\d+$/.test(alg)) return 'rsa';
  if (/^PS\d+$/.test(alg)) return 'rsa-pss';
  if (/^ES\d+K?$/.test(alg)) return 'ec';
  if (alg === 'EdDSA' || alg === 'Ed25519' || alg === 'Ed448') return 'eddsa';
  return undefined;
}

/** `'none'`, `'None'`, `'NONE'`, … */
export function isNoneAlgorithm(alg: unknown): boolean {
  return algorithmFamily(alg) === 'none';
}

/** Public-key families: RSA, RSA-PSS, EC, EdDSA. */
export function isAsymmetricFamily(family: AlgorithmFamily | undefined): boolean {
  return family === 'rsa' || family === 'rsa-pss' || family === 'ec' || family === 'eddsa';
}

/** A value that libraries read as "not given": explicit `undefined`/`null` (or no value at all). */
export function isMissingValue(value: Resolved): boolean {
  return value.kind === 'absent' || (value.kind === 'known' && value.value == null);
}

// ---------------------------------------------------------------------------------------------------------------
// Allow-lists

export interface AlgorithmElement {
  /** the algorithm name; `undefined` when the element is not known to be a string */
  value: string | undefined;
  /** where to report it (a node of this file) */
  node: Node;
}

export interface AlgorithmList {
  /** the list expression as written at the use site */
  node: Node;
  /** the elements we could read, in order */
  elements: AlgorithmElement[];
  /** false when some element or spread is unknown (the list may hold more than `elements`) */
  complete: boolean;
}

const MAX_LIST_DEPTH = 8;
const MAX_ELEMENTS = 64;

/**
 * Reads an allow-list expression element by element: inline arrays, constants holding arrays, spreads of known
 * arrays, elements that are constants. A known single string counts as a one-element list. Returns `undefined`
 * when the expression is not known to be a list at all (a parameter, a call result, `process.env`).
 */
export function readAlgorithmList(context: AnyContext, node: Node): AlgorithmList | undefined {
  const out: AlgorithmList = { node, elements: [], complete: true };
  return collectList(context, node, node, out, 0) ? out : undefined;
}

function collectList(context: AnyContext, node: Node, anchor: Node, out: AlgorithmList, depth: number): boolean {
  if (depth > MAX_LIST_DEPTH) return false;
  const def = stripTsWrappers(resolveExpression(context, node));
  if (def.type === 'ArrayExpression' && !isForeignNode(def)) {
    for (const el of def.elements) {
      if (out.elements.length >= MAX_ELEMENTS) {
        out.complete = false;
        break;
      }
      if (!el) continue;
      if (el.type === 'SpreadElement') {
        if (!collectList(context, el.argument, el, out, depth + 1)) out.complete = false;
        continue;
      }
      const r = resolveValue(context, el);
      if (r.kind === 'known' && typeof r.value === 'string') out.elements.push({ value: r.value, node: el });
      else if (r.kind === 'known' && Array.isArray(r.value)) out.complete = false; // nested arrays are not allow-lists
      else {
        out.complete = false;
        if (r.kind === 'known') out.elements.push({ value: undefined, node: el });
      }
    }
    return true;
  }
  const r = resolveValue(context, node);
  if (r.kind !== 'known') return false;
  const at = localNode(anchor, anchor);
  if (typeof r.value === 'string') {
    out.elements.push({ value: r.value, node: at });
    return true;
  }
  if (!Array.isArray(r.value)) return false;
  for (const v of r.value.slice(0, MAX_ELEMENTS)) {
    if (typeof v === 'string') out.elements.push({ value: v, node: at });
    else out.complete = false;
  }
  if (r.value.length > MAX_ELEMENTS) out.complete = false;
  return true;
}

/**
 * Where a `none` algorithm is written among the values an algorithm expression can take: every branch of
 * `process.env.ALG || 'none'`, `cond ? 'none' : 'HS256'`, constants (also of other modules), and for allow-lists
 * each element and each branch of an element (`[process.env.ALG ?? 'none']`, `env ? env.split(',') : ['none']`).
 * Returns the nodes of this file to report (the literal, or `anchor` when it is written in another module); unknown
 * branches add nothing.
 */
export function noneAlgorithmNodes(context: AnyContext, node: Node, anchor: Node = node): Node[] {
  const out: Node[] = [];
  collectNone(context, node, anchor, out, 0);
  return [...new Set(out)];
}

function collectNone(context: AnyContext, node: Node, anchor: Node, out: Node[], depth: number): void {
  if (depth > MAX_LIST_DEPTH) return;
  const def = stripTsWrappers(resolveExpression(context, node));
  if (def.type === 'ArrayExpression') {
    for (const el of def.elements.slice(0, MAX_ELEMENTS)) {
      if (el) collectNone(context, el.type === 'SpreadElement' ? el.argument : el, anchor, out, depth + 1);
    }
    return;
  }
  for (const source of valueSources(context, node)) {
    if (source.kind !== 'literal') continue;
    const at = localNode(source.node, anchor);
    if (isNoneAlgorithm(source.value)) out.push(at);
    else if (Array.isArray(source.value) && source.value.some(isNoneAlgorithm)) {
      const inner = stripTsWrappers(resolveExpression(context, source.node));
      if (inner.type === 'ArrayExpression') collectNone(context, inner, anchor, out, depth + 1);
      else out.push(at);
    }
  }
}

/**
 * The `alg` a sign usage puts in its header through a `header` option (jsonwebtoken / @nestjs/jwt `header: { alg }`,
 * which overrides `algorithm`): `present` with the value node, `absent` when the API has no such option or the
 * header is known not to set `alg`, `unknown` when the header is not known.
 */
export function headerAlgorithm(context: AnyContext, usage: JwtUsage): OptionLookup {
  if (!usage.model.options?.header && !usage.model.inherits?.header) return { kind: 'absent' };
  const header = getUsageOption(context, usage, 'header');
  if (header.kind !== 'present') return header;
  if (isMissingValue(header.value)) return { kind: 'absent' };
  return getOption(context, header.node, 'alg');
}

/** `node` when it belongs to the linted file, else `fallback` (values may come from other modules). */
export function localNode(node: Node, fallback: Node): Node {
  return isForeignNode(node) ? fallback : node;
}

/** The families of a list's known elements, in first-seen order. */
export function listFamilies(list: AlgorithmList): AlgorithmFamily[] {
  const out: AlgorithmFamily[] = [];
  for (const el of list.elements) {
    const f = algorithmFamily(el.value);
    if (f && !out.includes(f)) out.push(f);
  }
  return out;
}

/** `'HS256', 'HS384'` — algorithm names quoted for messages and suggestions. */
export function formatAlgorithms(algorithms: readonly string[]): string {
  return algorithms.map((a) => `'${a}'`).join(', ');
}

// ---------------------------------------------------------------------------------------------------------------
// The algorithm this file signs with

const SIGN_OPS = new Set(['sign', 'configure-sign']);

/** The algorithm a signing usage uses when none is given (the model's `defaultAlgorithm`). */
function defaultSignAlgorithm(usage: JwtUsage): string | undefined {
  return usage.model.defaultAlgorithm;
}

/** Whether a verifier accepts an unsigned (`alg: none`) token when its key is empty or missing (model data). */
export function emptyKeyAcceptsUnsigned(usage: JwtUsage): boolean {
  return usage.model.op === 'verify' && usage.model.emptyKeyAcceptsUnsigned === true;
}

/** The algorithm one signing usage signs with: a string, or `undefined` when not known. */
export function usageSigningAlgorithm(context: AnyContext, usage: JwtUsage): string | undefined {
  const header = headerAlgorithm(context, usage);
  if (header.kind === 'unknown') return undefined;
  if (header.kind === 'present' && !isMissingValue(header.value)) {
    return header.value.kind === 'known' && typeof header.value.value === 'string' ? header.value.value : undefined;
  }
  const lookup = getUsageOption(context, usage, 'algorithm');
  if (lookup.kind === 'unknown') return undefined;
  if (lookup.kind === 'absent' || isMissingValue(lookup.value)) return defaultSignAlgorithm(usage);
  return lookup.value.kind === 'known' && typeof lookup.value.value === 'string' ? lookup.value.value : undefined;
}

/**
 * Every algorithm this file signs with, when all of the file's signing usages are known to use a known JWS
 * algorithm; `undefined` when the file does not sign or any signing algorithm is unknown.
 */
export const fileSigningAlgorithms: (context: AnyContext) => readonly string[] | undefined = perFile((context) => {
  let result: string[] | null = [];
  for (const usage of getJwtUsages(context)) {
    if (!SIGN_OPS.has(usage.model.op)) continue;
    const alg = usageSigningAlgorithm(context, usage);
    if (alg === undefined || algorithmFamily(alg) === undefined) {
      result = null;
      break;
    }
    if (!result.includes(alg)) result.push(alg);
  }
  if (result && result.length === 0) result = null;
  return result ?? undefined;
});

/**
 * The allow-list to suggest for a verification in this file: the algorithms the file signs with, when they are
 * known, of one family and not `none`. `undefined` when no safe concrete list follows from the code.
 */
export function suggestedAllowList(context: AnyContext): readonly string[] | undefined {
  const algs = fileSigningAlgorithms(context);
  if (!algs) return undefined;
  const families = new Set(algs.map(algorithmFamily));
  if (families.size !== 1 || families.has('none')) return undefined;
  return algs;
}
