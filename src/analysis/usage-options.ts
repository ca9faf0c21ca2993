/**
 * Concept lookups on a usage: "does this verify pin an audience?", "what is this token's `expiresIn`?" —
 * through the model's option paths for plain calls, positional arguments (`argConcepts`), the chained methods for
 * builders, and the defaults a usage inherits from a configuring usage (`inherits`, `JwtUsage.defaults`).
 */
import type { OptionConcept } from '../models/types.js';
import { insertOptionsArgumentFix, insertPropertiesFix, type FixFunction } from '../util/fix.js';
import { getArg, getChainCall, type ArgLookup, type JwtUsage } from './imports.js';
import type { TSESTree } from '@typescript-eslint/utils';
import { getOption, type OptionLookup } from './options.js';
import { resolveValue, stripTsWrappers, type AnyContext } from './values.js';

const UNKNOWN: OptionLookup = { kind: 'unknown' };
const ABSENT: OptionLookup = { kind: 'absent' };

/**
 * Looks up `concept` for `usage`: `present` (with the value node), `absent` (known not to be set), or `unknown`.
 *
 * Inherited defaults: when the usage's own options lack the concept and the model `inherits` it, the answer comes
 * from the configuring usage (`usage.defaults.from`): `absent` when that configuration is fully known and lacks it
 * too; `unknown` when it is not known, lives in another file, or **sets** the concept — a value set in the
 * configuration belongs to the configuring usage, where the rules see (and report) it once. Use
 * `getInheritedOption` to read that value itself.
 *
 * A concept with a library default (`defaultExpiresIn`) is never `absent`: the library fills it in.
 */
export function getUsageOption(context: AnyContext, usage: JwtUsage, concept: OptionConcept): OptionLookup {
  const own = ownOption(context, usage, concept);
  if (own.kind !== 'absent') return own;
  const model = usage.model;
  if (concept === 'expiresIn' && model.defaultExpiresIn !== undefined) return UNKNOWN;
  if (!model.inherits?.[concept]) return own;
  const inherited = getInheritedOption(context, usage, concept);
  return inherited.kind === 'absent' ? ABSENT : UNKNOWN;
}

/**
 * The value `usage` would inherit for `concept` from its configuring usage (`createSigner(opts)`,
 * `JwtModule.register(opts)` in the same file, …), regardless of its own options; `unknown` when the configuration
 * is not known or lives elsewhere, `absent` when the model inherits nothing for the concept.
 */
export function getInheritedOption(context: AnyContext, usage: JwtUsage, concept: OptionConcept): OptionLookup {
  const paths = usage.model.inherits?.[concept];
  if (!paths) return ABSENT;
  const from = usage.defaults?.from;
  if (!from) return UNKNOWN;
  const options = getArg(from, 'options');
  if (options.kind !== 'present') return options;
  return getOption(context, options.node, paths);
}

function ownOption(context: AnyContext, usage: JwtUsage, concept: OptionConcept): OptionLookup {
  const model = usage.model;
  if (model.builder) {
    const call = getChainCall(usage, concept);
    if (call) {
      const arg = call.node.arguments[0];
      if (!arg || arg.type === 'SpreadElement') return UNKNOWN;
      const path = model.chain?.[concept]?.path;
      if (path) return getOption(context, arg, path);
      return { kind: 'present', node: arg, value: resolveValue(context, arg) };
    }
    return usage.chainEscapes || !model.chain?.[concept] ? UNKNOWN : ABSENT;
  }
  const role = model.argConcepts?.[concept];
  if (role) {
    const arg = getArg(usage, role);
    return arg.kind === 'present' ? { kind: 'present', node: arg.node, value: resolveValue(context, arg.node) } : arg;
  }
  const paths = model.options?.[concept];
  if (!paths) return model.inherits?.[concept] ? ABSENT : UNKNOWN;
  const options = getArg(usage, 'options');
  if (options.kind === 'unknown') return UNKNOWN;
  if (options.kind === 'absent') return ABSENT;
  return getOption(context, options.node, paths);
}

/**
 * A fix that adds `name: valueText` to a call's options: into an inline object literal in the options position
 * (see `insertPropertiesFix`), or as a new `{ name: valueText }` argument when the options argument is absent (before
 * a trailing callback that sits in the options position). `undefined` when the edit is not determined: options behind
 * a variable, spreads, missing earlier arguments, builders, or `name` already written out (`name: undefined`).
 */
export function addOptionFix(context: AnyContext, usage: JwtUsage, name: string, valueText: string): FixFunction | undefined {
  const index = usage.model.args.options;
  if (index === undefined || usage.model.builder) return undefined;
  const prop = `${name}: ${valueText}`;
  const options = getArg(usage, 'options');
  if (options.kind === 'absent') {
    const callback = getArg(usage, 'callback');
    const atOptions = callback.kind === 'present' && usage.node.arguments.indexOf(callback.node) === index ? callback.node : undefined;
    return usage.optionsNode === undefined ? insertOptionsArgumentFix(usage.node, index, [prop], atOptions) : undefined;
  }
  if (options.kind !== 'present') return undefined;
  const object = stripTsWrappers(options.node);
  if (object.type !== 'ObjectExpression' || !object.range || !usage.node.arguments.some((a) => a.range[0] <= object.range[0] && object.range[1] <= a.range[1])) {
    return undefined;
  }
  const hasKey = object.properties.some(
    (p) => p.type === 'Property' && ((!p.computed && p.key.type === 'Identifier' && p.key.name === name) || (p.key.type === 'Literal' && p.key.value === name)),
  );
  return hasKey ? undefined : insertPropertiesFix(context.sourceCode, object, [prop]);
}

/**
 * The payload of a sign usage: its `payload` argument, or the `payload` option of APIs that take everything in one
 * object (jws `sign({ header, payload, secret })`). For a builder (`new SignJWT(p)`) the constructor's argument.
 */
export function getPayload(context: AnyContext, usage: JwtUsage): ArgLookup {
  if (usage.model.args.payload !== undefined || !usage.model.options?.payload) return getArg(usage, 'payload');
  const option = ownOption(context, usage, 'payload');
  return option.kind === 'present' ? { kind: 'present', node: option.node as TSESTree.Expression } : option;
}
