/**
 * Verification-shaped usages and what they pin: "every place this file verifies tokens (or configures something
 * that will)", "does this verification pin the audience?", and the names to show in messages.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { OptionConcept } from '../models/types.js';
import { apiName, getArg, getJwtUsages, type JwtUsage } from './imports.js';
import { getOption } from './options.js';
import { getPayload, getUsageOption } from './usage-options.js';
import type { AnyContext } from './values.js';
import { isMissingValue } from './algorithms.js';

/** Operations that verify tokens now or later (middleware, strategies, module registrations). */
export const VERIFY_OPS: ReadonlySet<string> = new Set(['verify', 'configure-verify', 'configure']);
/** Operations that sign tokens now or later. */
export const SIGN_OPS: ReadonlySet<string> = new Set(['sign', 'configure-sign']);

/** Usages that verify tokens (or configure a verifier), in source order. */
export function verifyLikeUsages(context: AnyContext): JwtUsage[] {
  return getJwtUsages(context).filter((u) => VERIFY_OPS.has(u.model.op));
}

/** Usages that sign tokens (or configure a signer), in source order. */
export function signLikeUsages(context: AnyContext): JwtUsage[] {
  return getJwtUsages(context).filter((u) => SIGN_OPS.has(u.model.op));
}

export type Pinning = 'pinned' | 'missing' | 'unknown';

/** The claim a concept pins on the token. */
const CLAIM_OF: Partial<Record<OptionConcept, string>> = { audience: 'aud', issuer: 'iss' };

/**
 * Whether a usage pins `concept` (`audience`, `issuer`): `pinned` when the option (or builder call) is set,
 * `missing` when it is known not to be (the options are fully known, or explicitly `undefined`/`null`), else
 * `unknown`. For signing usages, a known payload carrying the claim (`{ aud: … }`) also pins it.
 * Verifications that leave claims to the caller (`claimsUnchecked`) and models without the concept are `unknown`.
 */
export function claimPinning(context: AnyContext, usage: JwtUsage, concept: 'audience' | 'issuer'): Pinning {
  const model = usage.model;
  if (model.claimsUnchecked) return 'unknown';
  if (!model.options?.[concept] && !model.chain?.[concept]) return 'unknown';
  const lookup = getUsageOption(context, usage, concept);
  if (lookup.kind === 'unknown') return 'unknown';
  if (lookup.kind === 'present' && !isMissingValue(lookup.value)) return 'pinned';
  if (SIGN_OPS.has(model.op)) {
    const payload = getPayload(context, usage);
    const claim = CLAIM_OF[concept];
    if (payload.kind === 'unknown' || !claim) return 'unknown';
    if (payload.kind === 'present') {
      const inPayload = getOption(context, payload.node, claim);
      if (inPayload.kind === 'unknown') return 'unknown';
      if (inPayload.kind === 'present' && !isMissingValue(inPayload.value)) return 'pinned';
    }
  }
  return 'missing';
}

/** How to name the option that carries `concept` in a message: `audience`, `verifyOptions.audience`, `setAudience()`. */
export function optionLabel(usage: JwtUsage, concept: OptionConcept): string {
  const model = usage.model;
  const chain = model.builder ? model.chain?.[concept] : undefined;
  if (chain) return `${chain.method}()`;
  const paths = model.options?.[concept];
  const first = typeof paths === 'string' ? paths : paths?.[0];
  return first ?? concept;
}

/** The callee as written (`jwt.verify`, `new SignJWT`), or the API id when that is long or spans lines. */
export function calleeName(context: AnyContext, usage: JwtUsage): string {
  const callee = usage.node.callee as TSESTree.Node;
  const text = context.sourceCode.getText(callee);
  // `super(options)` of a Nest passport strategy: the API it configures, not `super`
  const name = callee.type !== 'Super' && /^[\w$.]{1,40}$/.test(text) ? text : apiName(usage);
  return usage.node.type === 'NewExpression' ? `new ${name}` : name;
}
