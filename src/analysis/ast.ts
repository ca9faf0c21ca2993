/**
 * Small syntax helpers shared by the analysis files and rules: static names of members, keys and functions,
 * scope lookups, enclosing functions, and skipping the expressions that do not change a value (TS wrappers,
 * `await`, optional chains). No resolution of values here — that is `values.ts`.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { AnyContext } from './values.js';

type Node = TSESTree.Node;
type Scope = TSESLint.Scope.Scope;
type Variable = TSESLint.Scope.Variable;

export type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

const FUNCTION_TYPES: ReadonlySet<string> = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);

/** Expression wrappers that keep the value (for climbing from a value to where it is used). */
const TS_WRAPPERS: ReadonlySet<string> = new Set(['TSAsExpression', 'TSNonNullExpression', 'TSSatisfiesExpression', 'TSTypeAssertion', 'ChainExpression']);
const AWAIT_AND_WRAPPERS: ReadonlySet<string> = new Set([...TS_WRAPPERS, 'AwaitExpression']);

export function isFunctionNode(node: Node | null | undefined): node is FunctionNode {
  return node != null && FUNCTION_TYPES.has(node.type);
}

/** The nearest function around `node` (not `node` itself), or undefined at module level. */
export function enclosingFunction(node: Node): FunctionNode | undefined {
  for (let n = node.parent; n; n = n.parent) if (isFunctionNode(n)) return n;
  return undefined;
}

/** `node` lies inside `container` (or is it). */
export function within(node: Node, container: Node): boolean {
  return node.range[0] >= container.range[0] && node.range[1] <= container.range[1];
}

/**
 * Climbs from `node` through the parents that pass its value on unchanged: TS wrappers and optional chains, and
 * with `awaits` also `await`. Returns the outermost such node (or `node`).
 */
export function skipWrappersUp(node: Node, awaits = true): Node {
  const skip = awaits ? AWAIT_AND_WRAPPERS : TS_WRAPPERS;
  let n = node;
  while (n.parent && skip.has(n.parent.type)) n = n.parent;
  return n;
}

/** The variable `id` refers to, looked up through the scope chain of its own file; undefined for an undeclared global. */
export function findVariable(context: Pick<AnyContext, 'sourceCode'>, id: TSESTree.Identifier): Variable | undefined {
  let scope: Scope | null = context.sourceCode.getScope(id) as Scope;
  while (scope) {
    const v = scope.set.get(id.name);
    if (v) return v;
    scope = scope.upper;
  }
  return undefined;
}

/** `id` refers to the global of its name: not declared or shadowed anywhere in this file. */
export function isUnshadowedGlobal(context: AnyContext, id: TSESTree.Identifier): boolean {
  const v = findVariable(context, id);
  return !v || (v.scope.type === 'global' && v.defs.length === 0);
}

/** The static name of a property key: `a`, `'a'`, `#a` (as `a`); a computed key only when it is a string literal. */
export function staticKeyName(key: Node, computed: boolean): string | undefined {
  if (key.type === 'Identifier') return computed ? undefined : key.name;
  if (key.type === 'Literal' && typeof key.value === 'string') return key.value;
  if (key.type === 'PrivateIdentifier') return key.name;
  return undefined;
}

/** The static name a member expression reads: `a.b`, `a['b']` → `b`. */
export function staticMemberName(member: TSESTree.MemberExpression): string | undefined {
  return staticKeyName(member.property, member.computed);
}

/** The name an assignment target stands for: `name`, `obj.name`, `obj['name']`. */
export function targetName(target: Node): string | undefined {
  let t = target;
  while (TS_WRAPPERS.has(t.type)) t = (t as TSESTree.TSAsExpression).expression;
  if (t.type === 'Identifier') return t.name;
  if (t.type === 'MemberExpression') return staticMemberName(t);
  return undefined;
}

/**
 * The name a value is stored under: `const NAME = value`, `{ name: value }`, `class { name = value }`,
 * `name = value`, `this.name = value` (TS wrappers around the value skipped).
 */
export function storedUnderName(value: Node): string | undefined {
  const v = skipWrappersUp(value, false);
  const p = v.parent;
  if (!p) return undefined;
  switch (p.type) {
    case 'VariableDeclarator':
      return p.init === v && p.id.type === 'Identifier' ? p.id.name : undefined;
    case 'Property':
    case 'PropertyDefinition':
    case 'MethodDefinition':
      return p.value === v ? staticKeyName(p.key, p.computed) : undefined;
    case 'AssignmentExpression':
      return p.right === v && p.operator === '=' ? targetName(p.left) : undefined;
    default:
      return undefined;
  }
}

/** The name a function is known by: its declared name, or the variable / property / method / target holding it. */
export function functionName(fn: Node): string | undefined {
  if (fn.type === 'FunctionDeclaration' && fn.id) return fn.id.name;
  return storedUnderName(fn) ?? (fn.type === 'FunctionExpression' && fn.id ? fn.id.name : undefined);
}

/** The name of the nearest enclosing function that has one (see `functionName`). */
export function enclosingFunctionName(node: Node): string | undefined {
  for (let fn = enclosingFunction(node); fn; fn = enclosingFunction(fn)) {
    const name = functionName(fn);
    if (name) return name;
  }
  return undefined;
}

/**
 * Visits `node` and its descendants depth-first (never through `parent` links). `visit` returning `false` skips the
 * node's children (`n => !isFunctionNode(n)` stays out of nested functions). Bounded by `maxDepth`.
 */
export function walkNodes(node: Node | null | undefined, visit: (n: Node) => boolean | void, maxDepth = 200, depth = 0): void {
  if (!node || depth > maxDepth) return;
  if (visit(node) === false) return;
  for (const key of Object.keys(node)) {
    if (key === 'parent') continue;
    const v = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(v)) {
      for (const c of v) if (c && typeof c === 'object' && typeof (c as Node).type === 'string') walkNodes(c as Node, visit, maxDepth, depth + 1);
    } else if (v && typeof v === 'object' && typeof (v as Node).type === 'string') walkNodes(v as Node, visit, maxDepth, depth + 1);
  }
}

/** The function `id` names in this file: a function declaration, or a `const` bound to a function expression. */
export function localFunctionOf(context: Pick<AnyContext, 'sourceCode'>, id: TSESTree.Identifier): FunctionNode | undefined {
  const v = findVariable(context, id);
  const def = v?.defs.length === 1 ? v.defs[0] : undefined;
  if (def?.type === 'FunctionName' && def.node.type === 'FunctionDeclaration') return def.node;
  if (def?.type !== 'Variable' || def.parent?.kind !== 'const' || def.node.type !== 'VariableDeclarator' || !def.node.init) return undefined;
  let init: Node = def.node.init;
  while (TS_WRAPPERS.has(init.type)) init = (init as TSESTree.TSAsExpression).expression;
  return isFunctionNode(init) ? init : undefined;
}

/** What a function returns: an arrow's expression body, or the arguments of its own `return` statements. */
export function returnedExpressions(fn: FunctionNode): Node[] {
  if (fn.body.type !== 'BlockStatement') return [fn.body];
  const out: Node[] = [];
  walkNodes(fn.body, (n) => {
    if (n.type === 'ReturnStatement' && n.argument) out.push(n.argument);
    return !isFunctionNode(n);
  });
  return out;
}
