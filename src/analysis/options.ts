/**
 * Option objects: what properties an object is known to have, and whether unknown parts (unknown
 * spreads, computed keys, `Object.assign` with unknown sources, writes we cannot read) could add or
 * override properties. `getOption` answers present / absent / unknown for a dotted path; "absent" is
 * only answered when every part of the object is known.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import {
  envFor,
  evaluateIn,
  isForeignNode,
  isMutationThrough,
  locateObjectLiteral,
  newState,
  resolveValue,
  stripTsWrappers,
  variableOf,
  type AnyContext,
  type Env,
  type Resolved,
  type State,
} from './values.js';

type Node = TSESTree.Node;

export interface PropEntry {
  key: string;
  /** the expression of the value (may belong to another module when the object is imported) */
  valueNode: TSESTree.Node;
  keyNode: TSESTree.Node;
  /** an unknown part after this property could override it */
  overridable: boolean;
  /** value expressions of the other branches when the object comes from `c ? {…} : {…}` */
  alternatives?: readonly TSESTree.Node[];
}

export interface ObjectShape {
  node: TSESTree.Node;
  /** known properties, last write wins */
  props: Map<string, PropEntry>;
  /** false when unknown parts could add properties */
  complete: boolean;
}

export type OptionLookup = { kind: 'present'; node: TSESTree.Node; value: Resolved } | { kind: 'absent' } | { kind: 'unknown' };

const MAX_DEPTH = 20;

function staticKey(env: Env, key: Node, computed: boolean, st: State): string | undefined {
  if (!computed) {
    if (key.type === 'Identifier') return key.name;
    if (key.type === 'PrivateIdentifier') return '#' + key.name;
  }
  if (key.type === 'Literal' && (typeof key.value === 'string' || typeof key.value === 'number')) return String(key.value);
  if (!computed) return undefined;
  const r = evaluateIn(env, key, st);
  return r.kind === 'known' && (typeof r.value === 'string' || typeof r.value === 'number') ? String(r.value) : undefined;
}

function markAll(shape: ObjectShape): void {
  for (const e of shape.props.values()) e.overridable = true;
}

function makeUnknown(shape: ObjectShape): void {
  markAll(shape);
  shape.complete = false;
}

/** Merges `src` into `dst` as a spread / `Object.assign` source would. */
function merge(dst: ObjectShape, src: ObjectShape | undefined): void {
  if (!src) {
    makeUnknown(dst);
    return;
  }
  if (!src.complete) makeUnknown(dst);
  for (const [k, e] of src.props) {
    dst.props.delete(k);
    dst.props.set(k, { ...e });
  }
}

function isNullish(env: Env, node: Node, st: State): boolean {
  const r = evaluateIn(env, node, st);
  return r.kind === 'absent' || (r.kind === 'known' && r.value === null);
}

function isObjectMethodCall(node: Node, method: string): boolean {
  if (node.type !== 'CallExpression') return false;
  const c = stripTsWrappers(node.callee);
  return (
    c.type === 'MemberExpression' &&
    !c.computed &&
    c.property.type === 'Identifier' &&
    c.property.name === method &&
    stripTsWrappers(c.object).type === 'Identifier' &&
    (stripTsWrappers(c.object) as TSESTree.Identifier).name === 'Object'
  );
}

function fromLiteral(env: Env, n: TSESTree.ObjectExpression, st: State): ObjectShape {
  const shape: ObjectShape = { node: n, props: new Map(), complete: true };
  for (const p of n.properties) {
    if (p.type === 'SpreadElement') {
      if (isNullish(env, p.argument, st)) continue;
      merge(shape, read(env, p.argument, st));
      continue;
    }
    const key = staticKey(env, p.key, p.computed, st);
    if (key === undefined) {
      makeUnknown(shape);
      continue;
    }
    shape.props.delete(key);
    shape.props.set(key, { key, valueNode: p.value, keyNode: p.key, overridable: false });
  }
  return shape;
}

function copy(shape: ObjectShape): ObjectShape {
  const props = new Map<string, PropEntry>();
  for (const [k, e] of shape.props) props.set(k, { ...e });
  return { node: shape.node, props, complete: shape.complete };
}

/** Applies `v.key = …`, `delete v.key`, `Object.assign(v, …)` made through the variable. */
function applyWrites(env: Env, variable: TSESLint.Scope.Variable, shape: ObjectShape, st: State): void {
  const refs = variable.references.filter((r) => !r.init && isMutationThrough(r.identifier as Node));
  if (refs.length === 0) return;
  refs.sort((a, b) => a.identifier.range[0] - b.identifier.range[0]);
  for (const ref of refs) {
    let n: Node = ref.identifier as Node;
    while (n.parent && n.parent.type !== 'MemberExpression' && n.parent.type !== 'CallExpression') n = n.parent;
    const p = n.parent!;
    if (p.type === 'CallExpression') {
      for (const src of p.arguments.slice(1)) {
        if (src.type === 'SpreadElement') makeUnknown(shape);
        else if (!isNullish(env, src, st)) merge(shape, read(env, src, st));
      }
      continue;
    }
    const m = p as TSESTree.MemberExpression;
    const key = staticKey(env, m.property, m.computed, st);
    let up: Node | undefined = m.parent;
    let mm: Node = m;
    while (up && up.type !== 'MemberExpression' && up !== undefined && ['TSAsExpression', 'TSNonNullExpression', 'TSSatisfiesExpression', 'TSTypeAssertion'].includes(up.type)) {
      mm = up;
      up = up.parent;
    }
    if (key === undefined) {
      makeUnknown(shape);
      continue;
    }
    if (up && up.type === 'AssignmentExpression' && up.left === mm && up.operator === '=') {
      shape.props.delete(key);
      shape.props.set(key, { key, valueNode: up.right, keyNode: m.property, overridable: false });
    } else if (up && up.type === 'UnaryExpression' && up.operator === 'delete') {
      shape.props.delete(key);
    } else {
      // a compound write, an update, or a write to a nested property
      const e = shape.props.get(key);
      if (e) e.overridable = true;
      else {
        shape.complete = false;
        shape.props.set(key, { key, valueNode: m, keyNode: m.property, overridable: true });
      }
    }
  }
}

const readKeys = new WeakMap<Node, object>();
/** A cycle-guard key for reading `node` as an object, distinct from the value resolver's keys. */
function readKey(node: Node): object {
  let k = readKeys.get(node);
  if (!k) readKeys.set(node, (k = {}));
  return k;
}

function read(env: Env, node: Node, st: State): ObjectShape | undefined {
  const key = readKey(node);
  if (st.hops >= MAX_DEPTH || st.visiting.has(key)) return undefined;
  st.visiting.add(key);
  st.hops++;
  try {
    return readInner(env, node, st);
  } finally {
    st.visiting.delete(key);
    st.hops--;
  }
}

function readInner(env: Env, node: Node, st: State): ObjectShape | undefined {
  const n = stripTsWrappers(node);
  switch (n.type) {
    case 'ObjectExpression':
      return fromLiteral(env, n, st);
    case 'Identifier': {
      const variable = variableOf(env, n);
      const def = variable && variable.defs.length === 1 ? variable.defs[0] : undefined;
      if (variable && def && def.type === 'Variable' && def.node.id.type === 'Identifier' && def.node.init) {
        const decl = def.parent as TSESTree.VariableDeclaration;
        if (decl.kind !== 'const') {
          let writes = 0;
          for (const r of variable.references) if (r.isWrite()) writes++;
          if (writes !== 1) return undefined;
        }
        const base = read(env, def.node.init, st);
        if (!base) return undefined;
        const shape = copy(base);
        applyWrites(env, variable, shape, st);
        return shape;
      }
      break;
    }
    case 'MemberExpression': {
      if (n.object.type !== 'ThisExpression') {
        const key = staticKey(env, n.property, n.computed, st);
        const outer = key === undefined ? undefined : read(env, n.object, st);
        if (outer && key !== undefined) {
          const e = outer.props.get(key);
          if (!e || e.overridable || e.alternatives) return undefined;
          return read(env, e.valueNode, st);
        }
      }
      break;
    }
    case 'CallExpression': {
      if (isObjectMethodCall(n, 'freeze')) return n.arguments[0] ? read(env, n.arguments[0], st) : undefined;
      if (isObjectMethodCall(n, 'assign')) {
        const [first, ...rest] = n.arguments;
        if (!first || first.type === 'SpreadElement') return undefined;
        const base = read(env, first, st);
        if (!base) return undefined;
        const shape: ObjectShape = { ...copy(base), node: n };
        for (const src of rest) {
          if (src.type === 'SpreadElement') makeUnknown(shape);
          else if (!isNullish(env, src, st)) merge(shape, read(env, src, st));
        }
        return shape;
      }
      return undefined;
    }
    case 'ConditionalExpression': {
      const t = evaluateIn(env, n.test, st);
      if (t.kind === 'known' || t.kind === 'absent') return read(env, t.kind === 'known' && t.value ? n.consequent : n.alternate, st);
      const a = read(env, n.consequent, st);
      const b = read(env, n.alternate, st);
      if (!a || !b) return undefined;
      const shape: ObjectShape = { node: n, props: new Map(), complete: a.complete && b.complete };
      for (const [k, ea] of a.props) {
        const eb = b.props.get(k);
        if (!eb) {
          shape.props.set(k, { ...ea, overridable: true });
          shape.complete = false;
          continue;
        }
        shape.props.set(k, {
          ...ea,
          overridable: ea.overridable || eb.overridable,
          alternatives: [...(ea.alternatives ?? []), eb.valueNode, ...(eb.alternatives ?? [])],
        });
      }
      for (const [k, eb] of b.props) {
        if (a.props.has(k)) continue;
        shape.props.set(k, { ...eb, overridable: true });
        shape.complete = false;
      }
      return shape;
    }
    default:
      return undefined;
  }
  // bindings we do not read as objects directly (imports, destructuring, class fields): find the literal
  const lit = locateObjectLiteral(env, n, st);
  return lit ? read(lit.env, lit.node, st) : undefined;
}

const shapeCache = new WeakMap<Node, ObjectShape | null>();

/**
 * The known shape of an object expression (inline, behind a binding, built from spreads,
 * `Object.assign`, completed property by property, imported from a relative module, a class field),
 * or `undefined` when `node` is not known to be an object. The result is cached: treat it as read-only.
 */
export function readObject(context: AnyContext, node: TSESTree.Node | null | undefined): ObjectShape | undefined {
  if (!node) return undefined;
  const cached = shapeCache.get(node);
  if (cached !== undefined) return cached ?? undefined;
  const shape = read(envFor(context, node), node, newState());
  shapeCache.set(node, shape ?? null);
  return shape;
}

function sameValue(a: Resolved, b: Resolved): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'absent') return true;
  if (a.kind === 'known' && b.kind === 'known') {
    if (Object.is(a.value, b.value)) return true;
    try {
      return typeof a.value === 'object' && JSON.stringify(a.value) === JSON.stringify(b.value);
    } catch {
      return false;
    }
  }
  return false;
}

function lookup(context: AnyContext, node: Node, segs: readonly string[], anchor: Node, depth: number): OptionLookup {
  if (depth > MAX_DEPTH) return { kind: 'unknown' };
  const shape = readObject(context, node);
  if (!shape) {
    const r = resolveValue(context, node);
    if (r.kind === 'absent') return { kind: 'absent' };
    if (r.kind === 'known' && (r.value === null || (typeof r.value !== 'object' && typeof r.value !== 'function'))) {
      return { kind: 'absent' };
    }
    return { kind: 'unknown' };
  }
  const [head, ...rest] = segs;
  const e = shape.props.get(head);
  if (!e) return shape.complete ? { kind: 'absent' } : { kind: 'unknown' };
  if (e.overridable) return { kind: 'unknown' };
  const branches = [e.valueNode, ...(e.alternatives ?? [])];
  const local = (x: Node) => (isForeignNode(x) && !isForeignNode(anchor) ? anchor : x);
  if (rest.length === 0) {
    const values = branches.map((b) => resolveValue(context, b));
    if (values.every((v) => v.kind === 'absent')) return { kind: 'absent' };
    if (values.some((v) => v.kind === 'absent')) return { kind: 'unknown' };
    let value = values[0];
    if (values.length > 1 && !values.every((v) => sameValue(v, values[0]))) {
      value = { kind: 'unknown', reason: 'other', node: local(e.valueNode) };
    } else if (value.kind !== 'absent' && isForeignNode(value.node) && !isForeignNode(anchor)) {
      value = { ...value, node: anchor };
    }
    return { kind: 'present', node: local(e.valueNode), value };
  }
  const results = branches.map((b) => lookup(context, b, rest, anchor, depth + 1));
  const first = results[0];
  if (results.every((r) => r.kind === 'absent')) return first;
  if (results.some((r) => r.kind !== 'present')) return results.every((r) => r.kind === first.kind) ? first : { kind: 'unknown' };
  if (results.length === 1) return first;
  const vals = results.map((r) => (r as { value: Resolved }).value);
  if (vals.every((v) => sameValue(v, vals[0]))) return first;
  return { kind: 'present', node: (first as { node: Node }).node, value: { kind: 'unknown', reason: 'other', node: (first as { node: Node }).node } };
}

/**
 * Looks up a dotted `path` (`'signOptions.expiresIn'`) in an options object; an array of paths means
 * "the first of these aliases that is present". A missing options node, `undefined` or `null` is
 * absent; absent is only answered when the object is fully known.
 */
export function getOption(
  context: AnyContext,
  node: TSESTree.Node | null | undefined,
  path: string | readonly string[],
): OptionLookup {
  if (!node) return { kind: 'absent' };
  const paths = typeof path === 'string' ? [path] : path;
  let sawUnknown = false;
  for (const p of paths) {
    const r = lookup(context, node, p.split('.'), node, 0);
    if (r.kind === 'present') return r;
    if (r.kind === 'unknown') sawUnknown = true;
  }
  return sawUnknown ? { kind: 'unknown' } : { kind: 'absent' };
}

/** `getOption` as a value: present → its value, absent → absent, unknown → unknown('other'). */
export function getOptionValue(
  context: AnyContext,
  node: TSESTree.Node | null | undefined,
  path: string | readonly string[],
): Resolved {
  const r = getOption(context, node, path);
  if (r.kind === 'present') return r.value;
  if (r.kind === 'absent') return { kind: 'absent' };
  return { kind: 'unknown', reason: 'other', node: node! };
}
