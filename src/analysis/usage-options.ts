/**
 * Concept lookups on a usage: "does this verify pin an audience?", "what is this token's `expiresIn`?" —
 * through the model's option paths for plain calls, and through the chained methods for builders.
 */
import type { OptionConcept } from '../models/types.js';
import { getArg, getChainCall, type JwtUsage } from './imports.js';
import { getOption, type OptionLookup } from './options.js';
import { resolveValue, type AnyContext } from './values.js';

/** Looks up `concept` for `usage`: `present` (with the value node), `absent` (known not to be set), or `unknown`. */
export function getUsageOption(context: AnyContext, usage: JwtUsage, concept: OptionConcept): OptionLookup {
  const model = usage.model;
  if (model.builder) {
    const call = getChainCall(usage, concept);
    if (call) {
      const arg = call.node.arguments[0];
      if (!arg || arg.type === 'SpreadElement') return { kind: 'unknown' };
      const path = model.chain?.[concept]?.path;
      if (path) return getOption(context, arg, path);
      return { kind: 'present', node: arg, value: resolveValue(context, arg) };
    }
    return usage.chainEscapes || !model.chain?.[concept] ? { kind: 'unknown' } : { kind: 'absent' };
  }
  const paths = model.options?.[concept];
  if (!paths) return { kind: 'unknown' };
  const options = getArg(usage, 'options');
  if (options.kind === 'unknown') return { kind: 'unknown' };
  if (options.kind === 'absent') return { kind: 'absent' };
  return getOption(context, options.node, paths);
}
