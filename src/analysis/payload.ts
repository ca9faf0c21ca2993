/**
 * Token payloads: what a sign usage puts in its payload — the payload argument (`jwt.sign(payload, …)`) or a
 * builder's constructor argument (`new SignJWT(payload)`) — followed through constants and spreads.
 *
 * `readPayload` lists the known properties (with their nodes, nested objects to a small depth) and the *whole
 * records* found in it: a database object, a serialised document or a value named after an entity signed as a
 * whole (`user`, `{ ...user }`, `user.toJSON()`, `doc.toObject()`, `user.get({ plain: true })`,
 * `await User.findOne(…)`, `await prisma.user.findUnique(…)`). A record says nothing about which fields it has:
 * it has all of them, including the password hash and the email.
 */
import { staticMemberName } from './ast.js';
import { findVariable } from '@eslint-community/eslint-utils';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { JwtUsage } from './imports.js';
import { getPayload } from './usage-options.js';
import { isEntityName, splitWords } from './names.js';
import { readObject } from './options.js';
import { isForeignNode, resolveExpression, resolveValue, stripTsWrappers, type AnyContext } from './values.js';

type Node = TSESTree.Node;

/** One known property of a payload. */
export interface PayloadProp {
  /** dotted path from the payload root: `password`, `user.passwordHash` */
  path: string;
  /** the property's own key */
  key: string;
  /** the node to report: the property (`{ password }`) or the written member (`payload.password = …`) */
  node: Node;
  /** the value expression */
  value: Node;
}

/** Why a value counts as a whole record. */
export type RecordEvidence =
  /** the result of a database lookup: `await User.findOne(…)`, `prisma.user.findUnique(…)` */
  | 'db-call'
  /** an ORM serialiser: `doc.toJSON()`, `doc.toObject()`, `model.get({ plain: true })`, `doc._doc`, `model.dataValues` */
  | 'serializer'
  /** a value we cannot see, named after an entity: a parameter `user`, `req.user`, `foundUser` */
  | 'name';

export interface WholeRecord {
  /** the expression signed whole: the payload itself, a spread, or a property's value */
  node: Node;
  evidence: RecordEvidence;
}

export interface PayloadReading {
  /** the payload expression as written in the usage */
  node: Node;
  /** known properties, nested objects included (up to `MAX_DEPTH` levels) */
  props: PayloadProp[];
  /** whole records signed as the payload, spread into it, or nested in it */
  records: WholeRecord[];
}

const MAX_DEPTH = 2;

/**
 * The payload expression of a sign usage: the `payload` argument, which for a builder (`new SignJWT(p)`) is the
 * constructor's argument. `undefined` when there is none or a spread hides it.
 */
export function payloadNode(context: AnyContext, usage: JwtUsage): TSESTree.Expression | undefined {
  if (usage.model.op !== 'sign') return undefined;
  const arg = getPayload(context, usage);
  return arg.kind === 'present' ? arg.node : undefined;
}

/** Whether the token's payload is encrypted (JWE: jose `EncryptJWT`, model `encrypts`). */
export function isEncryptedPayload(usage: JwtUsage): boolean {
  return usage.model.encrypts === true;
}

/** Reads a payload expression: its known properties and the whole records in it. */
export function readPayload(context: AnyContext, node: Node): PayloadReading {
  const reading: PayloadReading = { node, props: [], records: [] };
  const whole = wholeRecord(context, node);
  if (whole) {
    reading.records.push(whole);
    return reading;
  }
  readInto(context, node, '', 0, reading, new Set());
  return reading;
}

function readInto(context: AnyContext, node: Node, prefix: string, depth: number, out: PayloadReading, seen: Set<Node>): void {
  const def = stripTsWrappers(resolveExpression(context, node));
  if (seen.has(def)) return;
  seen.add(def);
  // spreads of whole records (`{ ...user, role }`), through local object literals
  if (def.type === 'ObjectExpression' && !isForeignNode(def)) collectSpreadRecords(context, def, out, seen, 0);
  const shape = readObject(context, node);
  if (!shape) return;
  for (const entry of shape.props.values()) {
    if (isForeignNode(entry.keyNode) || isForeignNode(entry.valueNode)) continue;
    if (isEmptyValue(context, entry.valueNode)) continue;
    const path = prefix + entry.key;
    const parent = entry.keyNode.parent;
    const reportNode = parent && (parent.type === 'Property' || parent.type === 'MemberExpression') ? parent : entry.keyNode;
    out.props.push({ path, key: entry.key, node: reportNode, value: entry.valueNode });
    // a registered claim holds a string or a number (`sub: values.user` is a user name, not a record)
    const nested = depth === 0 && STRING_CLAIMS.has(entry.key) ? undefined : wholeRecord(context, entry.valueNode);
    if (nested) {
      out.records.push(nested);
      continue;
    }
    if (depth < MAX_DEPTH) readInto(context, entry.valueNode, path + '.', depth + 1, out, seen);
  }
}

/** Registered claims (RFC 7519 §4.1) whose values are strings or numbers, never records. */
const STRING_CLAIMS: ReadonlySet<string> = new Set(['sub', 'iss', 'jti', 'exp', 'nbf', 'iat']);

function collectSpreadRecords(context: AnyContext, obj: TSESTree.ObjectExpression, out: PayloadReading, seen: Set<Node>, hops: number): void {
  for (const p of obj.properties) {
    if (p.type !== 'SpreadElement') continue;
    const rec = wholeRecord(context, p.argument);
    if (rec) {
      out.records.push({ node: p, evidence: rec.evidence });
      continue;
    }
    const inner = stripTsWrappers(resolveExpression(context, p.argument));
    if (inner.type === 'ObjectExpression' && !isForeignNode(inner) && !seen.has(inner) && hops < 8) {
      seen.add(inner);
      collectSpreadRecords(context, inner, out, seen, hops + 1);
    }
  }
}

/** `undefined`, `null`, booleans: a property that carries no data (`{ ...user, password: undefined }`). */
function isEmptyValue(context: AnyContext, node: Node): boolean {
  const r = resolveValue(context, node);
  if (r.kind === 'absent') return true;
  return r.kind === 'known' && (r.value === null || typeof r.value === 'boolean');
}

// ---------------------------------------------------------------------------------------------------------------
// Whole records

/** Methods that read one entity from a database / ORM / repository. */
const FINDERS = new Set([
  'findOne', 'findById', 'findByPk', 'findOneBy', 'findOneOrFail', 'findOneByOrFail', 'findUnique', 'findUniqueOrThrow',
  'findFirst', 'findFirstOrThrow', 'findOneAndUpdate', 'findByIdAndUpdate', 'findByEmail', 'findByUsername',
]);
/** Query-builder steps that keep the whole entity (`.lean()`, `.exec()`, `.populate(…)`). */
const PASS_THROUGH = new Set(['lean', 'exec', 'populate', 'orFail']);
/** Serialisers that turn an ORM entity into a plain object with every field. */
const SERIALIZERS = new Set(['toJSON', 'toObject']);
/** Members that are the entity's raw field bag (Mongoose `_doc`, Sequelize `dataValues`). */
const RAW_FIELDS = new Set(['_doc', 'dataValues']);

function calleeMethod(call: TSESTree.CallExpression): { name: string; object: Node } | undefined {
  const c = stripTsWrappers(call.callee);
  if (c.type !== 'MemberExpression') return undefined;
  const name = staticMemberName(c);
  return name ? { name, object: c.object } : undefined;
}

/** `findUnique({ where, select: {…} })` / `findOne({ attributes: […] })`: the caller picked the fields. */
function picksFields(call: TSESTree.CallExpression, method: string): boolean {
  for (const a of call.arguments) {
    if (a.type !== 'ObjectExpression') continue;
    for (const p of a.properties) {
      if (p.type !== 'Property' || p.computed) continue;
      const k = p.key.type === 'Identifier' ? p.key.name : p.key.type === 'Literal' ? String(p.key.value) : '';
      if (k === 'select' || k === 'attributes' || k === 'projection' || k === 'omit') return true;
    }
  }
  // Mongoose `findOne(filter, 'name email')` / `findById(id, { name: 1 })`: a projection argument
  return (method === 'findOne' || method === 'findById') && call.arguments.length >= 2;
}

/**
 * A database read of one entity: `'whole'` when it returns every field (after `await`, through the pass-through
 * steps of a query builder), `'picked'` when the query chooses its fields (`.select(…)`, `select: {…}`), otherwise
 * undefined.
 */
function dbRead(node: Node): 'whole' | 'picked' | undefined {
  let n = stripTsWrappers(node);
  if (n.type === 'AwaitExpression') n = stripTsWrappers(n.argument);
  let picked = false;
  for (let i = 0; i < 6 && n.type === 'CallExpression'; i++) {
    const m = calleeMethod(n);
    if (!m) return undefined;
    if (FINDERS.has(m.name)) return picked || picksFields(n, m.name) ? 'picked' : 'whole';
    if (m.name === 'select' || m.name === 'projection') picked = true;
    else if (!PASS_THROUGH.has(m.name)) return undefined;
    n = stripTsWrappers(m.object);
  }
  return undefined;
}

/** `doc.toJSON()`, `doc.toObject()`, `model.get({ plain: true })`, `doc._doc`, `model.dataValues`. */
function isSerializedRecord(node: Node): boolean {
  const n = stripTsWrappers(node);
  if (n.type === 'MemberExpression') {
    const name = staticMemberName(n);
    return name !== undefined && RAW_FIELDS.has(name);
  }
  if (n.type !== 'CallExpression') return false;
  const m = calleeMethod(n);
  if (!m) return false;
  if (SERIALIZERS.has(m.name)) return true;
  if (m.name === 'get' && n.arguments.length === 1) {
    const a = n.arguments[0];
    return (
      a.type === 'ObjectExpression' &&
      a.properties.some(
        (p) => p.type === 'Property' && !p.computed && p.key.type === 'Identifier' && p.key.name === 'plain' && p.value.type === 'Literal' && p.value.value === true,
      )
    );
  }
  return false;
}

/** Type names that describe a token payload, not an entity (`JwtPayload`, `TokenClaims`, `TokenSubject`). */
function isPayloadTypeName(name: string): boolean {
  const words = splitWords(name);
  return words.some((w) => w === 'payload' || w === 'claims' || w === 'jwt' || w === 'token' || w === 'dto' || w === 'subject');
}

/**
 * Whether an unresolvable identifier named after an entity is plausibly the entity: a parameter (or a variable from
 * a call we do not model) — unless its declared type is an inline object type or a payload type, which says the
 * author chose the shape.
 */
function isOpaqueEntity(context: AnyContext, id: TSESTree.Identifier): boolean {
  if (!isEntityName(id.name)) return false;
  const variable = findVariable(context.sourceCode.getScope(id) as never, id) as TSESLint.Scope.Variable | null;
  if (!variable) return false;
  const def = variable.defs[0];
  if (!def || variable.defs.length !== 1) return false;
  const declId = def.name as Node;
  const annotation = (declId as { typeAnnotation?: TSESTree.TSTypeAnnotation }).typeAnnotation?.typeAnnotation;
  if (annotation) {
    if (annotation.type === 'TSTypeLiteral') return false;
    if (annotation.type === 'TSTypeReference') {
      const t = annotation.typeName;
      const name = t.type === 'Identifier' ? t.name : t.type === 'TSQualifiedName' ? t.right.name : '';
      if (name === 'Pick' || name === 'Omit' || isPayloadTypeName(name)) return false;
    }
  }
  if (def.type === 'Parameter') return true;
  if (def.type === 'Variable') {
    const init = (def.node as TSESTree.VariableDeclarator).init;
    if (!init) return false;
    const i = stripTsWrappers(init);
    // `const user = await this.users.validate(…)` / `req.user` / destructured from the request
    return i.type === 'AwaitExpression' || i.type === 'CallExpression' || i.type === 'MemberExpression' || i.type === 'Identifier';
  }
  return false;
}

/**
 * Whether `node` is a whole record signed as (part of) a payload, with the evidence; `undefined` when it is not
 * (or not known to be). An object literal is never a record: its properties are read instead.
 */
export function wholeRecord(context: AnyContext, node: Node, hops = 0): WholeRecord | undefined {
  const n = stripTsWrappers(node);
  const db = dbRead(n);
  if (db === 'whole') return { node, evidence: 'db-call' };
  if (db === 'picked') return undefined;
  if (isSerializedRecord(n)) return { node, evidence: 'serializer' };
  if (hops > 8) return undefined;
  if (n.type === 'Identifier') {
    const def = stripTsWrappers(resolveExpression(context, n));
    if (def !== n) {
      if (def.type === 'ObjectExpression' || isForeignNode(def)) return undefined;
      const inner = wholeRecord(context, def, hops + 1);
      if (inner) return { node, evidence: inner.evidence };
      // `const payload = user` is judged by `user`; a query that picks its fields is not a record; only an
      // unmodelled call (`await auth.validateUser(…)`) leaves the variable's own name as the evidence
      if (def.type !== 'AwaitExpression' && def.type !== 'CallExpression') return undefined;
      if (dbRead(def) === 'picked' || isSerializedRecord(def)) return undefined;
    }
    return isOpaqueEntity(context, n) ? { node, evidence: 'name' } : undefined;
  }
  if (n.type === 'MemberExpression') {
    // `req.user`, `res.locals.user`, `ctx.state.user` — unless the member resolves to something we can read
    const def = stripTsWrappers(resolveExpression(context, n));
    if (def !== n) {
      if (def.type === 'ObjectExpression' || isForeignNode(def)) return undefined;
      const inner = wholeRecord(context, def, hops + 1);
      return inner ? { node, evidence: inner.evidence } : undefined;
    }
    const r = resolveValue(context, n);
    if (r.kind === 'known' || r.kind === 'absent') return undefined;
    const name = staticMemberName(n);
    return name !== undefined && isEntityName(name) ? { node, evidence: 'name' } : undefined;
  }
  return undefined;
}
