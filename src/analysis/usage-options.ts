/**
 * Concept lookups on a usage: "does this verify pin an audience?", "what is this token's `expiresIn`?" —
 * through the model's option paths for plain calls, positional arguments (`argConcepts`), the chained methods for
 * builders, and the defaults a usage inherits from a configuring usage (`inherits`, `JwtUsage.defaults`).
 */
import type { OptionConcept } from '../models/types.js';
import { getArg, getChainCall, type JwtUsage } from './imports.js';
import { getOption, type OptionLookup } from './options.js';
import { resolveValue, type AnyContext } from './values.js';

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
