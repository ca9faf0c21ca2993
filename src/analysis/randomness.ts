/**
 * Predictable randomness and where it flows.
 *
 * - `getWeakRandomSources(context)`: every call of a weak source (`Math.random()`, `Date.now()`,
 *   `new Date().getTime()`, `uuid` `v1`, …; see `models/randomness.ts`), found from the global scope's references to
 *   `Math` / `Date` (a `ReferenceTracker` only when some reference aliases them or goes through `globalThis`;
 *   shadowing respected) and the module references of the import layer. Cached per file.
 * - `traceRandomValue(context, source)`: where the value goes. It climbs through the expressions that derive a new
 *   value from it (`.toString(36).slice(2)`, `Math.floor(… * 1e6)`, `String(…)`, templates, `chars[…]`,
 *   `.map(() => …).join('')` callbacks, `hash.update(…).digest()`) to a *root*, then names the root: the variable,
 *   property, class field, setter (`setNonce(…)`), named call argument (`res.cookie('sid', …)`), JSX attribute or
 *   JWT claim it lands in, or the function it is returned from. A neutral local variable (`let s = ''; s += …`) is
 *   followed to its reads; a neutral function (`randomString(n)`) to its call sites in the file.
 *   A template's literal text right before the value names it too (`` `JWT_SECRET=${…}` ``, `` `token: ${…}` ``).
 * - Names are judged by `names.isRandomnessSensitiveName`; JWT claims also by `UNGUESSABLE_CLAIMS`.
 * - `secureReplacement(...)`: the whole expression a suggestion may replace and its `crypto` replacement.
 */
import { enclosingFunction, functionName, staticKeyName, staticMemberName, targetName, walkNodes, within } from './ast.js';
import { CALL, CONSTRUCT, ReferenceTracker, findVariable } from '@eslint-community/eslint-utils';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { perFile } from './per-file.js';
import {
  CLOCK,
  CLOCK_ALLOWED_HEADS,
  ID_GENERATOR_OPTIONS,
  STRONG_CALLEE_NAMES,
  UNGUESSABLE_CLAIMS,
  weakGlobalSources,
  weakModuleSources,
  type SourceExport,
  type WeakSourceModel,
} from '../models/randomness.js';
import { getFileUsages, importedModules, iterateModuleReferences, loadsAnyModule, moduleMaps } from './imports.js';
import { isRandomnessSensitiveName, singularName, splitWords } from './names.js';
import { isBrowserCode } from './token-flow.js';
import { placeholderColumn } from './sql.js';
import type { AnyContext } from './values.js';

type Node = TSESTree.Node;
type TraceMap = Record<string | symbol, unknown>;
type Scope = TSESLint.Scope.Scope;

// ---------------------------------------------------------------------------------------------------------------
// Names

/** The head word of a name after `splitWords` (`resetToken` → token). */
function headWord(name: string): string | undefined {
  const w = splitWords(name);
  return w[w.length - 1];
}

/** Sinks whose value is an identifier (`jti`, `sessionId`): `crypto.randomUUID()` fits. */
export function isIdSinkName(name: string): boolean {
  const w = splitWords(name);
  const head = w[w.length - 1];
  return head === 'id' || head === 'jti' || head === 'jwtid' || head === 'sid' || head === 'uuid';
}

/** Sinks holding a numeric one-time code (`otp`, `verificationCode`, `pin`): only a number fits. */
export function isCodeSinkName(name: string): boolean {
  const w = splitWords(name);
  const head = w[w.length - 1];
  return ['code', 'codes', 'otp', 'totp', 'hotp', 'pin', 'passcode'].includes(head) || w.includes('otp');
}

// ---------------------------------------------------------------------------------------------------------------
// Sources

export interface WeakSource {
  /** the call producing the value (`Math.random()`, `Date.now()`, `uuidv1()`, `new Date().getTime()`) */
  node: TSESTree.CallExpression;
  model: WeakSourceModel;
}


function toTrace(node: SourceExport): TraceMap {
  const out: TraceMap = {};
  if (node.call) out[CALL] = node.call;
  for (const [k, v] of Object.entries(node.members ?? {})) out[k] = toTrace(v);
  return out;
}

const GLOBAL_TRACE: TraceMap = { ...toTrace({ members: weakGlobalSources }) };
(GLOBAL_TRACE.Date as TraceMap)[CONSTRUCT] = CLOCK;
const MODULE_TRACES = moduleMaps(new Map(Object.entries(weakModuleSources).map(([m, e]) => [m, toTrace(e)])));
/** The names ReferenceTracker treats as the global object (`globalThis.Math.random()`). */
const GLOBAL_OBJECTS = ['globalThis', 'self', 'window', 'global'];

/** Every weak-source call of the file, in source order. */
export const getWeakRandomSources: (context: AnyContext) => WeakSource[] = perFile((context) => {
  const program = context.sourceCode.ast as TSESTree.Program;
  const globalScope = context.sourceCode.getScope(program) as TSESLint.Scope.Scope;
  const found = quickGlobalSources(globalScope) ?? trackedGlobalSources(globalScope);
  if (loadsAnyModule(context, MODULE_TRACES)) {
    for (const ref of iterateModuleReferences(context, MODULE_TRACES)) {
      if (ref.node.type === 'CallExpression') found.push({ node: ref.node, model: ref.info as WeakSourceModel });
    }
  }
  found.sort((a, b) => a.node.range[0] - b.node.range[0]);
  return found;
});

/** The references of an unmodified global (as ReferenceTracker sees globals), or none. */
function unmodifiedGlobalReferences(globalScope: TSESLint.Scope.Scope, name: string): readonly TSESLint.Scope.Reference[] {
  const variable = globalScope.set.get(name);
  if (!variable || variable.defs.length > 0 || variable.references.some((r) => r.isWrite())) return [];
  return variable.references;
}

/**
 * The weak global sources from the references of `Math` / `Date` alone, when each is a plain member read
 * (`Math.floor(…)`, `Math.random()`, `Date.now()`, `new Date().getTime()`) — the common case, without a
 * ReferenceTracker. `undefined` when some reference needs the tracker: an alias (`const { random } = Math`,
 * `const now = Date.now`), a TS wrapper, or a global-object path (`globalThis.Math`, `window.Date`).
 */
function quickGlobalSources(globalScope: TSESLint.Scope.Scope): WeakSource[] | undefined {
  const out: WeakSource[] = [];
  for (const name of Object.keys(weakGlobalSources)) {
    const members = weakGlobalSources[name].members ?? {};
    for (const ref of unmodifiedGlobalReferences(globalScope, name)) {
      const id = ref.identifier as Node;
      const p = id.parent;
      if (p?.type === 'MemberExpression' && p.object === id) {
        const member = staticMemberName(p);
        if (member === undefined) return undefined;
        if (!Object.hasOwn(members, member)) continue;
        const model = members[member].call;
        if (!model || p.parent?.type !== 'CallExpression' || p.parent.callee !== p) return undefined;
        out.push({ node: p.parent, model });
        continue;
      }
      if (p?.type === 'NewExpression' && p.callee === id) {
        if (name === 'Date') pushClock(p, out);
        continue;
      }
      if (mayAlias(id)) return undefined;
      // anything else (`Date()`, `typeof Math`, `f(Math)`) leads to no weak source
    }
  }
  for (const name of GLOBAL_OBJECTS) {
    for (const ref of unmodifiedGlobalReferences(globalScope, name)) {
      const id = ref.identifier as Node;
      const p = id.parent;
      if (p?.type === 'MemberExpression' && p.object === id) {
        const member = staticMemberName(p);
        if (member === undefined || Object.hasOwn(weakGlobalSources, member)) return undefined;
      } else if (mayAlias(id)) return undefined;
    }
  }
  return out;
}

/** Parents through which ReferenceTracker follows a value on (an alias, a destructuring, a pass-through). */
const ALIASING_PARENTS = new Set([
  'VariableDeclarator', 'AssignmentExpression', 'AssignmentPattern', 'TSAsExpression', 'TSNonNullExpression',
  'TSSatisfiesExpression', 'TSTypeAssertion', 'ChainExpression', 'ConditionalExpression', 'LogicalExpression',
  'SequenceExpression', 'AwaitExpression',
]);

function mayAlias(id: Node): boolean {
  return id.parent !== undefined && ALIASING_PARENTS.has(id.parent.type);
}

/** `new Date().getTime()` / `.valueOf()`: the clock. */
function pushClock(node: Node, out: WeakSource[]): void {
  const m = node.parent;
  if (node.type !== 'NewExpression' || node.arguments.length > 0 || m?.type !== 'MemberExpression' || m.object !== node) return;
  const name = !m.computed && m.property.type === 'Identifier' ? m.property.name : undefined;
  if ((name === 'getTime' || name === 'valueOf') && m.parent?.type === 'CallExpression' && m.parent.callee === m) {
    out.push({ node: m.parent, model: CLOCK });
  }
}

/** The weak global sources through a ReferenceTracker (aliases, global-object paths). */
function trackedGlobalSources(globalScope: TSESLint.Scope.Scope): WeakSource[] {
  const out: WeakSource[] = [];
  const tracker = new ReferenceTracker(globalScope as never);
  for (const ref of tracker.iterateGlobalReferences(GLOBAL_TRACE as never)) {
    const node = ref.node as Node;
    if (ref.type === CONSTRUCT) pushClock(node, out);
    else if (node.type === 'CallExpression') out.push({ node, model: ref.info as WeakSourceModel });
  }
  return out;
}

/** A short label for messages: the callee as written plus `()` (`Math.random()`, `uuidv1()`), or `Date.now()`. */
export function sourceLabel(context: AnyContext, source: WeakSource): string {
  const text = context.sourceCode.getText(source.node.callee);
  if (/^[\w$.]{1,40}$/.test(text)) return `${text}()`;
  if (source.model === CLOCK) return 'new Date().getTime()';
  return 'this call';
}

// ---------------------------------------------------------------------------------------------------------------
// Climbing: the expressions that derive a new value from the random one

const TRANSPARENT = new Set([
  'TSAsExpression', 'TSNonNullExpression', 'TSSatisfiesExpression', 'TSTypeAssertion', 'ChainExpression', 'AwaitExpression',
]);
const ARITHMETIC = new Set(['+', '-', '*', '/', '%', '**', '|', '&', '^', '<<', '>>', '>>>']);
/** Functions whose result is derived from their (first) argument. */
const DERIVING_FUNCTIONS = new Set([
  'String', 'Number', 'BigInt', 'parseInt', 'parseFloat', 'btoa', 'encodeURIComponent', 'encodeURI', 'escape',
  // value holders of UI frameworks: `useState(v)`, `ref(v)`, `signal(v)`
  'useState', 'useRef', 'useMemo', 'ref', 'shallowRef', 'signal', 'createSignal', 'computed', 'writable', 'createMemo',
]);
const MATH_DERIVING = new Set(['floor', 'round', 'ceil', 'trunc', 'abs', 'min', 'max']);
/** Methods whose result is derived from their argument (`chars.charAt(i)`, `hash.update(x)`). */
const ARG_DERIVING_METHODS = new Set([
  'charAt', 'at', 'charCodeAt', 'codePointAt', 'substr', 'substring', 'slice', 'concat', 'update', 'fromCharCode', 'fromCodePoint',
]);
/** Methods whose callback's return values make the result (`.map(() => chars[…]).join('')`, `Array.from`). */
const CALLBACK_DERIVING_METHODS = new Set(['map', 'flatMap', 'replace', 'replaceAll', 'reduce', 'from']);
const CALLBACK_DERIVING_FUNCTIONS = new Set(['useState', 'useMemo', 'useRef', 'computed', 'createMemo', 'signal']);

function unwrapUp(node: Node): Node {
  let n = node;
  while (n.parent && TRANSPARENT.has(n.parent.type)) n = n.parent;
  return n;
}

function calleeName(callee: Node): string | undefined {
  if (callee.type === 'Identifier') return callee.name;
  if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier') return callee.property.name;
  return undefined;
}

function isDerivingCall(call: TSESTree.CallExpression): boolean {
  const callee = call.callee;
  if (callee.type === 'Identifier') return DERIVING_FUNCTIONS.has(callee.name);
  if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier') return false;
  const method = callee.property.name;
  const object = callee.object;
  if (object.type === 'Identifier' && object.name === 'Math') return MATH_DERIVING.has(method);
  if (object.type === 'Identifier' && object.name === 'Buffer') return method === 'from';
  return ARG_DERIVING_METHODS.has(method);
}


/** The call a callback's return value feeds (`arr.map(fn)`, `Array.from(x, fn)`, `useState(fn)`), if it derives from it. */
function derivingCallOfCallback(fn: Node): TSESTree.CallExpression | undefined {
  const call = fn.parent;
  if (call?.type !== 'CallExpression' || !call.arguments.includes(fn as TSESTree.Expression)) return undefined;
  const name = calleeName(call.callee);
  if (!name) return undefined;
  if (call.callee.type === 'Identifier') return CALLBACK_DERIVING_FUNCTIONS.has(name) ? call : undefined;
  return CALLBACK_DERIVING_METHODS.has(name) ? call : undefined;
}

/**
 * The outermost expression whose value is derived from `node` (`Math.random()` →
 * `Math.random().toString(36).slice(2)`): through method calls on the value, arithmetic, `Math.floor`, `String()`,
 * templates, concatenations, indexing (`chars[…]`), `||` / `?:` branches and deriving callbacks. Comparisons
 * (`Math.random() < 0.5`), property reads (`.length`) and unknown calls end the climb.
 */
export function climbDerived(node: Node): Node {
  let cur = unwrapUp(node);
  for (let i = 0; i < 64; i++) {
    const p = cur.parent;
    if (!p) break;
    let next: Node | undefined;
    switch (p.type) {
      case 'MemberExpression': {
        if (p.object === cur) {
          const call = unwrapUp(p).parent;
          if (call?.type === 'CallExpression' && unwrapUp(call.callee) === unwrapUp(p)) next = call;
          // a character of the random string: `Math.random().toString(36)[2]`
          else if (p.computed && p.property.type === 'Literal' && typeof p.property.value === 'number') next = p;
        } else if (p.property === cur && p.computed) next = p;
        break;
      }
      case 'CallExpression':
        if (p.callee !== cur && isDerivingCall(p)) next = p;
        break;
      case 'TemplateLiteral':
      case 'ArrayExpression':
      case 'LogicalExpression':
        next = p;
        break;
      case 'BinaryExpression':
        if (ARITHMETIC.has(p.operator)) next = p;
        break;
      case 'UnaryExpression':
        if (p.operator === '-' || p.operator === '+' || p.operator === '~') next = p;
        break;
      case 'ConditionalExpression':
        if (p.test !== cur) next = p;
        break;
      case 'SequenceExpression':
        if (p.expressions[p.expressions.length - 1] === cur) next = p;
        break;
      case 'ArrowFunctionExpression':
        if (p.body === cur) next = derivingCallOfCallback(p);
        break;
      case 'ReturnStatement': {
        const fn = enclosingFunction(p);
        if (fn) next = derivingCallOfCallback(fn);
        break;
      }
      default:
        break;
    }
    if (!next) break;
    cur = unwrapUp(next);
  }
  return cur;
}

/**
 * The name a template's literal text gives the expression at `index`: the `NAME=` / `name: ` right before it (an
 * `.env` line, a query parameter, a header or YAML line), also across other expressions of the same value
 * (`` `token=${a}-${b}` ``). `undefined` when the text before it names nothing (`` `Bearer ${…}` ``).
 */
export function templateTextName(template: TSESTree.TemplateLiteral, index: number): string | undefined {
  let text = '';
  for (let i = 0; i <= index; i++) {
    text += template.quasis[i].value.cooked ?? '';
    if (i < index) text += '\0';
  }
  const tail = text.slice(-256);
  // a message: "Your verification code for **${guild}** is `${code}`", "Your login PIN is: ${pin}"
  const sentence = /\b((?:[A-Za-z-]+ ){0,2}(?:code|pin|password|passcode|otp|token))\b[^.!?\n]{0,60}?\bis\b[ \t]*[:`'"*]*[ \t]*$/i.exec(tail.replace(/\0/g, ' '));
  if (sentence) return sentence[1].replace(/[ -]+/g, '_');
  const m = /(?:^|[^A-Za-z0-9_])([A-Za-z_][\w.-]*)["']?[ \t]*[=:][ \t]*["']?[^\s&;,"'=:]*$/.exec(tail);
  return m?.[1];
}

/**
 * The name a message gives the expression at `index` right after it: `` `${code} is your Derby HQ login code` ``,
 * `` `${pin} is the PIN for …` ``.
 */
export function templateTextAfterName(template: TSESTree.TemplateLiteral, index: number): string | undefined {
  const after = (template.quasis[index + 1]?.value.cooked ?? '').slice(0, 200);
  const m = /^[ \t]*[`'"*]*[ \t]*(?:is|was)\s+(?:your|the)\s+((?:[\w-]+\s+){0,4}?(?:code|pin|password|passcode|otp|token))\b/i.exec(after);
  return m?.[1].replace(/[\s-]+/g, '_');
}

// ---------------------------------------------------------------------------------------------------------------
// Sinks: the names the value lands in

export interface RandomSink {
  /** `name`: a variable, property, field, setter, named argument or attribute; `claim`: a JWT claim / sign option;
   * `function`: returned from a function with that name */
  kind: 'name' | 'claim' | 'function';
  name: string;
  /** the node carrying the name (declarator id, property, function, call) */
  node: Node;
  /** a variable handed to a function: the function's name (`sendVerificationEmail`), which the judgement read too */
  via?: string;
  /** the name says the value must be unguessable (for this source) */
  sensitive: boolean;
}

export interface RandomFlow {
  /** the outermost expression derived from the source where it first lands */
  root: Node;
  /** every name reached, in the order found (neutral names are followed further) */
  sinks: RandomSink[];
}

/**
 * A variable whose value joins the random part with two or more other non-constant parts (`${ref}.${sailing}.${lane}.
 * ${time}`): a record, not a secret. Parts that hold a weak source (`pw_${rand()}${rand()}`), reads the trace came
 * through (`lane`) and plain names of constants (`${KEY_PREFIX}${rand()}`) do not count.
 */
function isComposite(variable: TSESLint.Scope.Variable, weak: ReadonlySet<Node>, carriers: ReadonlySet<Node>): boolean {
  const def = variable.defs[0];
  const init = def?.type === 'Variable' && def.node.type === 'VariableDeclarator' ? def.node.init : null;
  if (!init) return false;
  const parts: Node[] = [];
  if (init.type === 'TemplateLiteral') parts.push(...init.expressions);
  else if (init.type === 'BinaryExpression' && init.operator === '+') {
    walkNodes(init, (n) => {
      if (n.type === 'BinaryExpression' && n.operator === '+') return true;
      parts.push(n);
      return false;
    });
  }
  let other = 0;
  for (const part of parts) {
    if (part.type === 'Literal' || (part.type === 'Identifier' && /^[A-Z][A-Z0-9_]*$/.test(part.name))) continue;
    // the weak source itself, or a read of a variable the trace came through (`lane`)
    let random = false;
    walkNodes(part, (n) => !(random ||= weak.has(n) || carriers.has(n)));
    if (!random) other++;
  }
  return other >= 2;
}

/** Functions that hash a secret for storage (`sha256(code)`, `bcrypt.hash(pin, 10)`, `argon2.hash(key)`). */
const HASHING_FUNCTIONS = /^(sha(1|224|256|384|512)|md5|hmac(Sha(256|512))?|hash(Secret|Token|Code|Password|Key)|bcrypt(Hash)?|argon2(Hash)?|scrypt(Hash)?|pbkdf2(Sync)?)$/i;
/** Password-hashing libraries whose `hash(…)` method stores a secret (`bcrypt.hash(code, 10)`). */
const PASSWORD_HASHERS = /^(bcrypt|bcryptjs|argon2?|scrypt)$/i;

function isHashingCall(call: TSESTree.CallExpression): boolean {
  const method = calleeName(call.callee);
  if (!method) return false;
  if (HASHING_FUNCTIONS.test(method)) return true;
  const callee = call.callee;
  // `createHash('sha256').update(key)`
  if (method === 'update' && callee.type === 'MemberExpression' && callee.object.type === 'CallExpression') {
    const maker = calleeName(callee.object.callee);
    if (maker === 'createHash' || maker === 'createHmac') return true;
  }
  if (method !== 'hash' || callee.type !== 'MemberExpression') return false;
  // `bcrypt.hash(code, 10)`, `Bun.password.hash(code)`
  const owner = targetName(callee.object);
  return owner !== undefined && (PASSWORD_HASHERS.test(owner) || owner === 'password');
}

const MAX_FOLLOW = 3;
const MAX_SINKS = 24;




class Tracer {
  readonly sinks: RandomSink[] = [];
  /** where the climb to each root started (the weak value, or a read of a variable holding it) */
  private readonly entries = new Map<Node, Node>();
  private readonly seen = new Set<Node>();
  private chainCalls: Set<Node> | undefined;

  constructor(
    private readonly context: AnyContext,
    private readonly model: WeakSourceModel,
    private readonly weak: ReadonlySet<Node>,
  ) {}

  isClock(): boolean {
    return this.model === CLOCK || this.model.kind === 'clock';
  }

  sensitive(name: string, kind: RandomSink['kind']): boolean {
    if (this.isClock() && signsRequestsWithHmac(this.context)) {
      const head = headWord(name);
      if (head && CLOCK_ALLOWED_HEADS.has(head)) return false;
    }
    if (kind === 'claim' && UNGUESSABLE_CLAIMS.has(name)) return true;
    return isRandomnessSensitiveName(name);
  }

  /**
   * Records a sink and returns whether it is sensitive: judged by its name, or by `judge` when given (a combined
   * name, or a verdict of its own).
   */
  add(kind: RandomSink['kind'], name: string, node: Node, judge?: { name?: string; sensitive?: boolean; via?: string }): boolean {
    const sensitive = judge?.sensitive ?? this.sensitive(judge?.name ?? name, kind);
    if (this.sinks.length < MAX_SINKS) this.sinks.push({ kind, name, node, sensitive, ...(judge?.via ? { via: judge.via } : {}) });
    return sensitive;
  }

  /**
   * `climbDerived(from)`, naming on the way the templates whose literal text names the value
   * (`` `JWT_SECRET=${randomString(48)}` ``, `` `?token=${…}` ``, `` `state: ${…}` ``).
   */
  climb(from: Node): Node {
    const root = climbDerived(from);
    this.entries.set(root, from);
    let n: Node | undefined = from;
    for (let i = 0; n && n !== root && i < 64; i++, n = n.parent) {
      const t = n.parent;
      if (t?.type !== 'TemplateLiteral') continue;
      const index = t.expressions.indexOf(n as TSESTree.Expression);
      const name = index >= 0 ? (templateTextName(t, index) ?? templateTextAfterName(t, index)) : undefined;
      // `` `pairing:${code}` ``: a neutral key prefix and a neutral variable name the value together
      if (name && !this.add('name', name, t) && from.type === 'Identifier') this.add('name', name, t, { name: `${name}_${from.name}` });
    }
    return root;
  }

  /** Name the root, following neutral variables and functions `budget` more hops. */
  visit(root: Node, budget: number): void {
    if (this.seen.has(root) || this.sinks.length >= MAX_SINKS) return;
    this.seen.add(root);
    if (containsStrongSource(root, this.weak, this.entries.get(root))) return;
    const p = root.parent;
    if (!p) return;
    switch (p.type) {
      case 'VariableDeclarator':
        if (p.init !== root) return;
        if (p.id.type === 'Identifier') {
          if (!this.add('name', p.id.name, p.id) && budget > 0) this.followVariable(p.id, budget - 1);
        } else if (p.id.type === 'ArrayPattern' && p.id.elements[0]?.type === 'Identifier') {
          // `const [nonce, setNonce] = useState(…)`; a bare `state` here is UI state, not OAuth state
          const id = p.id.elements[0];
          if (id.name !== 'state' && !this.add('name', id.name, id) && budget > 0) this.followVariable(id, budget - 1);
        }
        return;
      case 'AssignmentExpression': {
        if (p.right !== root) return;
        const name = targetName(p.left);
        if (!name) return;
        if (!this.add('name', name, p.left) && budget > 0 && p.left.type === 'Identifier') this.followVariable(p.left, budget - 1);
        return;
      }
      case 'AssignmentPattern':
        if (p.right === root && p.left.type === 'Identifier') this.add('name', p.left.name, p.left);
        return;
      case 'Property': {
        if (p.value !== root || p.parent?.type !== 'ObjectExpression') return;
        const name = staticKeyName(p.key, p.computed);
        if (!name) return;
        const claim = this.isClaimObject(p.parent);
        if (this.add(claim ? 'claim' : 'name', name, p)) return;
        // `const session = { id: … }` → sessionId
        const owner = this.ownerName(p.parent);
        if (owner) this.add('name', `${owner}_${name}`, p);
        return;
      }
      case 'PropertyDefinition': {
        if (p.value !== root) return;
        const name = staticKeyName(p.key, p.computed);
        if (!name || this.add('name', name, p)) return;
        const cls = p.parent?.parent;
        const owner = cls && (cls.type === 'ClassDeclaration' || cls.type === 'ClassExpression') ? cls.id?.name : undefined;
        if (owner) this.add('name', `${owner}_${name}`, p);
        return;
      }
      case 'ReturnStatement': {
        const fn = enclosingFunction(p);
        if (fn) this.visitFunction(fn, budget);
        return;
      }
      case 'ArrowFunctionExpression':
        if (p.body === root) this.visitFunction(p, budget);
        return;
      case 'CallExpression':
        this.visitCallArgument(p, root, budget);
        return;
      case 'JSXExpressionContainer':
        this.visitJsx(p);
        return;
      default:
        return;
    }
  }

  private visitFunction(fn: TSESTree.FunctionLike, budget: number): void {
    const name = functionName(fn);
    if (!name) return;
    // `session({ genid: () => … })`: the option generates session ids
    const generates = ID_GENERATOR_OPTIONS.get(name);
    if (this.add('function', name, fn, generates ? { name: generates } : undefined) || budget <= 0) return;
    // a method named for nothing in particular is named by its class: `OtpService.generateCode()`
    const owner = fn.parent?.type === 'MethodDefinition' ? fn.parent.parent?.parent : undefined;
    const className = owner && (owner.type === 'ClassDeclaration' || owner.type === 'ClassExpression') ? owner.id?.name : undefined;
    if (className && this.add('function', `${className}.${name}`, fn)) return;
    for (const call of this.callSites(fn)) this.visit(this.climb(call), budget - 1);
  }

  private visitCallArgument(call: TSESTree.CallExpression, root: Node, budget: number): void {
    const args = call.arguments;
    const index = args.indexOf(root as TSESTree.CallExpressionArgument);
    if (index < 0) return;
    const method = calleeName(call.callee);
    // `db.query('UPDATE users SET reset_code = ? WHERE id = ?', [code, id])`: the column the placeholder fills
    if (root.type === 'ArrayExpression' && index > 0) {
      const sql = args[0].type === 'Literal' && typeof args[0].value === 'string' ? args[0].value : args[0].type === 'TemplateLiteral' && args[0].expressions.length === 0 ? (args[0].quasis[0].value.cooked ?? undefined) : undefined;
      const entry = this.entries.get(root);
      const position = entry ? root.elements.findIndex((el) => el !== null && within(entry, el)) : -1;
      const column = sql !== undefined && position >= 0 ? placeholderColumn(sql, position) : undefined;
      if (column) this.add('name', column, call);
      return;
    }
    // `res.cookie('sid', v)`, `localStorage.setItem('csrfToken', v)`, `res.setHeader('X-CSRF-Token', v)`
    if (index === 1 && args[0].type === 'Literal' && typeof args[0].value === 'string' && args[0].value.length <= 64) {
      this.add('name', args[0].value, call);
      return;
    }
    // a neutral variable handed to a function named for its purpose: `sendVerificationEmail(to, code)` (not for clock
    // values, which are mostly expiry times: `storeResetToken(id, token, Date.now() + 3600e3)`)
    if (method && root.type === 'Identifier' && !this.isClock()) {
      // judged on both names together, reported by the variable's: `` `code`, passed to `sendVerificationEmail()` ``
      // the method's leading verb says what is done, not what the value is (`saveResetCode` → reset code)
      const words = splitWords(method);
      const purpose = words.length > 1 ? words.slice(1).join('_') : method;
      const judged = this.add('name', root.name, call, { name: `${purpose}_${root.name}`, via: method });
      // or by the store it is handed to: `loginCodes.save(member.id, code, expires)`
      const receiver = !judged && call.callee.type === 'MemberExpression' ? receiverName(call) : undefined;
      if (receiver) this.add('name', root.name, call, { name: `${singularName(receiver)}_${root.name}`, via: `${receiver}.${method}` });
    }
    if (index !== 0 || !method) return;
    // setters: `setNonce(v)`, `this.setToken(v)`, jose `.setJti(v)`
    const setter = /^set([A-Z_].*)$/.exec(method);
    if (setter) {
      const name = setter[1];
      if (name === 'State') return;
      const claim = this.isChainCall(call);
      this.add(claim ? 'claim' : 'name', claim ? name.toLowerCase() : name, call);
      return;
    }
    // `codes.push(v)`: the array is named for what it holds
    if (method === 'push' && call.callee.type === 'MemberExpression') {
      const name = targetName(call.callee.object);
      if (name && !this.add('name', name, call) && budget > 0 && call.callee.object.type === 'Identifier') {
        this.followVariable(call.callee.object, budget - 1);
      }
    }
  }

  private visitJsx(container: TSESTree.JSXExpressionContainer): void {
    const attr = container.parent;
    if (attr?.type !== 'JSXAttribute' || attr.name.type !== 'JSXIdentifier') return;
    const attrName = attr.name.name;
    if (attrName === 'value' || attrName === 'defaultValue') {
      // `<input type="hidden" name="_csrf" value={…} />`
      const el = attr.parent;
      if (el?.type !== 'JSXOpeningElement') return;
      for (const a of el.attributes) {
        if (a.type === 'JSXAttribute' && a.name.type === 'JSXIdentifier' && a.name.name === 'name' && a.value?.type === 'Literal') {
          if (typeof a.value.value === 'string') this.add('name', a.value.value, attr);
        }
      }
      return;
    }
    this.add('name', attrName, attr);
  }

  /** The reads of a variable, each climbed and named. */
  private followVariable(id: TSESTree.Identifier, budget: number): void {
    const variable = findVariable(this.context.sourceCode.getScope(id) as never, id) as TSESLint.Scope.Variable | null;
    if (!variable || variable.defs.length === 0) return;
    // a value that only contains the random part among others (`${ref}.${lane}.${time}`) is data being signed when
    // it is hashed, not a secret being stored
    const composite = isComposite(variable, this.weak, new Set(this.entries.values()));
    for (const ref of variable.references) {
      if (!ref.isRead() || ref.isWrite()) continue;
      // hashed before it is stored, like a password: `codeHash: sha256(code)`, `bcrypt.hash(pin, 10)`,
      // `createHash('sha256').update(key)` — while the value itself goes elsewhere (mailed, returned)
      const call = ref.identifier.parent;
      if (!this.isClock() && !composite && call?.type === 'CallExpression' && call.arguments.includes(ref.identifier as never) && isHashingCall(call)) {
        this.add('name', id.name, call, { sensitive: true });
        continue;
      }
      this.visit(this.climb(ref.identifier as Node), budget);
    }
  }

  /** Calls of a function in this file: through its binding, or `this.<method>(…)` inside its class. */
  private callSites(fn: TSESTree.FunctionLike): Node[] {
    const out: Node[] = [];
    const holder = unwrapUp(fn).parent;
    const declared =
      fn.type === 'FunctionDeclaration'
        ? this.context.sourceCode.getDeclaredVariables(fn)
        : holder?.type === 'VariableDeclarator'
          ? this.context.sourceCode.getDeclaredVariables(holder)
          : [];
    for (const v of declared) {
      for (const ref of v.references) {
        const id = ref.identifier as Node;
        const call = unwrapUp(id).parent;
        if (call?.type === 'CallExpression' && unwrapUp(call.callee) === unwrapUp(id)) out.push(call);
      }
    }
    if (holder?.type === 'MethodDefinition' && !holder.computed && holder.key.type === 'Identifier') {
      const name = holder.key.name;
      walkNodes(holder.parent, (n) => {
        if (
          n.type === 'CallExpression' &&
          n.callee.type === 'MemberExpression' &&
          n.callee.object.type === 'ThisExpression' &&
          !n.callee.computed &&
          n.callee.property.type === 'Identifier' &&
          n.callee.property.name === name
        ) {
          out.push(n);
        }
      });
    }
    return out;
  }

  /** The object is the payload or the options of a JWT sign usage (`jwt.sign({ jti }, key, { jwtid })`). */
  private isClaimObject(obj: TSESTree.ObjectExpression): boolean {
    const call = unwrapUp(obj).parent;
    if (call?.type !== 'CallExpression' && call?.type !== 'NewExpression') return false;
    const usage = getFileUsages(this.context).byNode.get(call);
    if (!usage || (usage.model.op !== 'sign' && usage.model.op !== 'configure-sign')) return false;
    const index = call.arguments.indexOf(unwrapUp(obj) as TSESTree.CallExpressionArgument);
    return index === usage.model.args.payload || index === usage.model.args.options;
  }

  /** The call is a builder method of a JWT usage (jose `new SignJWT(p).setJti(…)`). */
  private isChainCall(call: Node): boolean {
    if (!this.chainCalls) {
      this.chainCalls = new Set();
      for (const u of getFileUsages(this.context).usages) for (const c of u.chain) this.chainCalls.add(c.node);
    }
    return this.chainCalls.has(call);
  }

  /**
   * The name an object literal is stored under (`const session = {…}`, `this.session = {…}`, `{ session: {…} }`), or
   * of the function that returns it.
   */
  private ownerName(obj: Node): string | undefined {
    const o = unwrapUp(obj);
    const p = o.parent;
    if (p?.type === 'VariableDeclarator' && p.init === o && p.id.type === 'Identifier') return p.id.name;
    if (p?.type === 'AssignmentExpression' && p.right === o) return targetName(p.left);
    if (p?.type === 'Property' && p.value === o) {
      const key = staticKeyName(p.key, p.computed);
      // `prisma.invite.create({ data: { code } })`: the wrapper key of a store call says nothing
      return key && STORE_WRAPPER_KEYS.has(key) && p.parent ? this.ownerName(p.parent) : key;
    }
    // stored by a call: `Invitations.create({ code })`, `new JoinCode({ value })`, `db.insert(invites).values({ code })`
    if ((p?.type === 'CallExpression' || p?.type === 'NewExpression') && p.arguments.includes(o as TSESTree.CallExpressionArgument)) {
      const receiver = receiverName(p);
      return receiver && singularName(receiver);
    }
    // returned from a function: `generateRecoveryKit() { … return { codes, kitId } }`
    const fn = p?.type === 'ReturnStatement' ? enclosingFunction(p) : p?.type === 'ArrowFunctionExpression' && p.body === o ? p : undefined;
    return fn ? functionName(fn) : undefined;
  }
}

/** Keys that only wrap the stored fields of a store call (Prisma `data`, Drizzle/Knex `values`, Mongo `$set`). */
const STORE_WRAPPER_KEYS = new Set(['data', 'values', 'fields', 'attributes', 'record', 'doc', 'document', 'set', '$set', 'create', 'update', 'input']);

/**
 * The thing a call stores into or builds: `Invitations.create(…)` → Invitations, `prisma.joinCode.create(…)` →
 * joinCode, `new Invite(…)` → Invite, `db.insert(invites).values(…)` → invites, `createInvitation(…)` → Invitation
 * (the leading verb dropped).
 */
function receiverName(call: TSESTree.CallExpression | TSESTree.NewExpression): string | undefined {
  const callee = call.callee;
  if (callee.type === 'Identifier') {
    if (call.type === 'NewExpression') return callee.name;
    const words = splitWords(callee.name);
    return words.length > 1 ? words.slice(1).join('_') : undefined;
  }
  if (callee.type !== 'MemberExpression') return undefined;
  const object = callee.object;
  if (object.type === 'CallExpression') {
    const first = object.arguments[0];
    return first ? targetName(first) : undefined;
  }
  return object.type === 'ThisExpression' ? undefined : targetName(object);
}


/** The file HMAC-signs something (`createHmac`, WebCrypto `{ name: 'HMAC' }`, an `hmac…` helper): exchange-style request signing. */
const signsRequestsWithHmac: (context: AnyContext) => boolean = perFile((context) => /hmac/i.test(context.sourceCode.text));

/** Where the value of a weak source flows: its derived root and the names it reaches. */
export function traceRandomValue(context: AnyContext, source: WeakSource): RandomFlow {
  const tracer = new Tracer(context, source.model, new Set(getWeakRandomSources(context).map((s) => s.node)));
  const root = tracer.climb(source.node);
  tracer.visit(root, MAX_FOLLOW);
  return { root, sinks: tracer.sinks };
}

/** The first sink that must be unguessable, if any. */
export function sensitiveSink(flow: RandomFlow): RandomSink | undefined {
  return flow.sinks.find((s) => s.sensitive);
}

/** `` `resetToken` ``, `` the `jti` claim ``, `` the result of `generateToken()` `` — for messages. */
export function describeSink(sink: RandomSink): string {
  const name = sink.name.length > 48 ? `${sink.name.slice(0, 45)}…` : sink.name;
  if (sink.kind === 'claim') return `the \`${name}\` claim`;
  if (sink.kind === 'function') return `the result of \`${name}()\``;
  if (sink.via) return `\`${name}\`, passed to \`${sink.via}()\`,`;
  return `\`${name.replace(/`/g, "'")}\``;
}

/** The expression also calls a strong generator (`randomBytes(8).toString('hex') + Date.now()`): it is unguessable. */
export function containsStrongSource(root: Node, weak: ReadonlySet<Node> = new Set(), along?: Node): boolean {
  let found = false;
  const visit = (n: Node): boolean => {
    if (found) return false;
    // `legacy ? \`${id}-${Date.now()}\` : uuidv4()`: only the branch the weak value takes counts
    if (along && (n.type === 'ConditionalExpression' || n.type === 'LogicalExpression')) {
      const branches = n.type === 'ConditionalExpression' ? [n.consequent, n.alternate] : [n.left, n.right];
      const taken = branches.find((b) => within(along, b));
      if (taken) {
        walkNodes(taken, visit);
        return false;
      }
    }
    if ((n.type === 'CallExpression' || n.type === 'NewExpression') && !weak.has(n)) {
      const name = calleeName(n.callee);
      if (name && STRONG_CALLEE_NAMES.has(name)) found = true;
    }
    return !found;
  };
  walkNodes(root, visit);
  return found;
}

// ---------------------------------------------------------------------------------------------------------------
// Replacements for suggestions

export interface Replacement {
  /** the expression to replace (the whole `Math.random().toString(36).slice(2)` chain) */
  node: Node;
  /** its replacement, e.g. `crypto.randomBytes(32).toString('base64url')` */
  text: string;
  /** an import of `node:crypto` to add, when the file has none */
  addImport?: { after?: Node; before?: Node; text: string };
}

const CRYPTO_MODULES = new Set(['crypto', 'node:crypto']);
const SERVER_MODULE = /^(node:|crypto$|fs$|http$|https$|path$|express$|fastify$|koa$|@nestjs\/|jsonwebtoken$|passport|hono$|next\/server$|mongoose$|pg$|mysql2?$|@prisma\/client$|sequelize$|typeorm$|bcrypt|argon2$|nodemailer$)/;

/** The file runs on a server: it loads a Node built-in or a server-side library, and has no browser signal. */
export function isServerCode(context: AnyContext): boolean {
  if (isBrowserCode(context)) return false;
  for (const m of importedModules(context)) if (SERVER_MODULE.test(m)) return true;
  return false;
}

/**
 * Shapes that can be replaced as a whole: the source, then arithmetic with numeric literals and `Math.floor` /
 * `Math.trunc` (the numeric part), then method calls with literal arguments (`.toString(36).slice(2)`).
 */
function replaceableChains(source: WeakSource): { numeric: Node; full: Node } {
  let cur: Node = source.node;
  let numeric: Node | undefined;
  for (;;) {
    const p: Node | undefined = cur.parent;
    if (!p) break;
    if (p.type === 'MemberExpression' && p.object === cur && !p.computed && p.parent?.type === 'CallExpression' && p.parent.callee === p) {
      if (!p.parent.arguments.every(isLiteralArgument)) break;
      numeric ??= cur;
      cur = p.parent;
      continue;
    }
    if (numeric) break;
    if (p.type === 'CallExpression' && p.arguments.length === 1 && p.arguments[0] === cur) {
      const c = p.callee;
      if (c.type === 'MemberExpression' && c.object.type === 'Identifier' && c.object.name === 'Math' && !c.computed && c.property.type === 'Identifier' && ['floor', 'trunc'].includes(c.property.name)) {
        cur = p;
        continue;
      }
      break;
    }
    if (p.type === 'BinaryExpression' && ['+', '*'].includes(p.operator)) {
      const other = p.left === cur ? p.right : p.left;
      if (other.type === 'Literal' && typeof other.value === 'number') {
        cur = p;
        continue;
      }
    }
    break;
  }
  return { numeric: numeric ?? cur, full: cur };
}

function isLiteralArgument(a: Node): boolean {
  return a.type === 'Literal' || (a.type === 'UnaryExpression' && a.operator === '-' && a.argument.type === 'Literal');
}

/** Evaluate a numeric chain with the source replaced by `r` (only literals, `+ - *`, `Math.floor/trunc`). */
function evalNumeric(node: Node, source: Node, r: number): number | undefined {
  if (node === source) return r;
  if (node.type === 'Literal' && typeof node.value === 'number') return node.value;
  if (node.type === 'BinaryExpression' && (node.operator === '+' || node.operator === '*')) {
    const a = evalNumeric(node.left, source, r);
    const b = evalNumeric(node.right, source, r);
    if (a === undefined || b === undefined) return undefined;
    return node.operator === '+' ? a + b : a * b;
  }
  if (node.type === 'CallExpression' && node.callee.type === 'MemberExpression' && node.arguments.length === 1) {
    const v = evalNumeric(node.arguments[0], source, r);
    return v === undefined ? undefined : Math.floor(v);
  }
  return undefined;
}

/** `Math.floor(Math.random() * 900000) + 100000` → [100000, 1000000): the bounds of `crypto.randomInt`. */
function integerRange(chain: Node, source: Node): [number, number] | undefined {
  const hasFloor = chain.type === 'CallExpression' || (chain.type === 'BinaryExpression' && [chain.left, chain.right].some((s) => s.type === 'CallExpression'));
  if (!hasFloor) return undefined;
  const lo = evalNumeric(chain, source, 0);
  const hi = evalNumeric(chain, source, 1 - 2 ** -40);
  if (lo === undefined || hi === undefined || !Number.isSafeInteger(lo) || !Number.isSafeInteger(hi) || lo < 0 || hi <= lo) return undefined;
  if (hi + 1 - lo > 2 ** 48 - 1) return undefined;
  return [lo, hi + 1];
}

function formatInt(n: number): string {
  return n >= 10000 ? n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, '_') : String(n);
}

interface CryptoAccess {
  /** how to call `name` (`crypto.randomBytes`, `nodeCrypto.randomBytes`, or a named import) */
  call(name: string): string;
  addImport?: Replacement['addImport'];
}

/** How code at `at` reaches Node's `crypto` module (or the Web Crypto global when `web`), or undefined. */
function cryptoAccess(context: AnyContext, at: Node, web: boolean): CryptoAccess | undefined {
  const program = context.sourceCode.ast as TSESTree.Program;
  let nsName: string | undefined;
  const named = new Map<string, string>();
  let lastImport: Node | undefined;
  let lastDirective: Node | undefined;
  let usesRequire = false;
  for (const stmt of program.body) {
    if (stmt.type === 'ExpressionStatement' && stmt.directive !== undefined) lastDirective = stmt;
    if (stmt.type === 'ImportDeclaration') {
      lastImport = stmt;
      if (!CRYPTO_MODULES.has(stmt.source.value)) continue;
      for (const s of stmt.specifiers) {
        if (s.type === 'ImportDefaultSpecifier' || s.type === 'ImportNamespaceSpecifier') nsName ??= s.local.name;
        else if (s.imported.type === 'Identifier') named.set(s.imported.name, s.local.name);
      }
    } else if (stmt.type === 'VariableDeclaration') {
      for (const d of stmt.declarations) {
        const init = d.init;
        if (init?.type !== 'CallExpression' || init.callee.type !== 'Identifier' || init.callee.name !== 'require') continue;
        usesRequire = true;
        const arg = init.arguments[0];
        if (arg?.type !== 'Literal' || !CRYPTO_MODULES.has(String(arg.value))) continue;
        if (d.id.type === 'Identifier') nsName ??= d.id.name;
        else if (d.id.type === 'ObjectPattern') {
          for (const p of d.id.properties) {
            if (p.type === 'Property' && p.key.type === 'Identifier' && p.value.type === 'Identifier') named.set(p.key.name, p.value.name);
          }
        }
      }
    }
  }
  const scope = context.sourceCode.getScope(at) as Scope;
  const visible = (name: string): boolean => {
    const v = findVariable(scope as never, name) as TSESLint.Scope.Variable | null;
    return !!v && v.defs.length > 0 && v.scope.type !== 'function' && v.scope.type !== 'block';
  };
  if (nsName && visible(nsName)) return { call: (n) => (named.has(n) && visible(named.get(n)!) ? named.get(n)! : `${nsName}.${n}`) };
  const local = findVariable(scope as never, 'crypto') as TSESLint.Scope.Variable | null;
  if (local && local.defs.length > 0) return undefined; // `crypto` is something else here
  if (web) return { call: (n) => `crypto.${n}` };
  const cjs = usesRequire || context.languageOptions?.sourceType === 'commonjs';
  const text = cjs && !lastImport ? "const crypto = require('node:crypto');" : "import crypto from 'node:crypto';";
  const after = lastImport ?? lastDirective;
  const addImport = after ? { after, text } : program.body[0] ? { before: program.body[0], text } : undefined;
  return addImport ? { call: (n) => `crypto.${n}`, addImport } : undefined;
}

/**
 * The replacement a suggestion can make for this source landing in `sink`, or undefined when the edit is not
 * determined: `crypto.randomBytes(32).toString('base64url')` for token / secret strings on the server,
 * `crypto.randomUUID()` for ids (and for strings in browser code), `crypto.randomInt(lo, hi)` for numeric codes on the
 * server. The derived value (`flow.root`) must hold no other weak source.
 */
export function secureReplacement(context: AnyContext, source: WeakSource, flow: RandomFlow, sink: RandomSink): Replacement | undefined {
  const chains = replaceableChains(source);
  let chain = chains.full;
  // another weak source in the same value would stay: `Date.now().toString(36) + Math.random().toString(36)`
  const [start, end] = flow.root.range;
  if (getWeakRandomSources(context).some((o) => o !== source && o.node.range[0] >= start && o.node.range[1] <= end)) return undefined;
  if (context.sourceCode.getCommentsInside(chain).length > 0) return undefined;
  const server = isServerCode(context);
  const code = isCodeSinkName(sink.name);
  let build: ((c: CryptoAccess) => string) | undefined;
  let web = true;
  if (source.model.uuid) {
    if (chain !== source.node) return undefined;
    build = (c) => `${c.call('randomUUID')}()`;
  } else if (source.model.kind === 'math-random' && chain !== source.node) {
    const range = code ? integerRange(chains.numeric, source.node) : undefined;
    if (range && server) {
      web = false;
      chain = chains.numeric;
      build = (c) => `${c.call('randomInt')}(${formatInt(range[0])}, ${formatInt(range[1])})`;
    } else if (!code && isStringChain(chain)) {
      ({ build, web } = stringReplacement(sink, server));
    }
  } else if (source.model.kind === 'clock' && !code && isStringChain(chain)) {
    ({ build, web } = stringReplacement(sink, server));
  }
  if (!build) return undefined;
  const access = cryptoAccess(context, source.node, web);
  if (!access) return undefined;
  return { node: chain, text: build(access), addImport: access.addImport };
}

function stringReplacement(sink: RandomSink, server: boolean): { build: (c: CryptoAccess) => string; web: boolean } {
  if (isIdSinkName(sink.name) || !server) return { build: (c) => `${c.call('randomUUID')}()`, web: true };
  return { build: (c) => `${c.call('randomBytes')}(32).toString('base64url')`, web: false };
}

/** The chain ends in a string: `.toString(36)`, `.slice(2)`, `.substring(…)`, `String(…)`. */
function isStringChain(chain: Node): boolean {
  if (chain.type !== 'CallExpression') return false;
  const name = calleeName(chain.callee);
  return chain.callee.type === 'Identifier' ? name === 'String' : ['toString', 'slice', 'substring', 'substr', 'toUpperCase', 'toLowerCase'].includes(name ?? '');
}
