import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { createRule } from '../src/util/createRule.js';
import { getJwtUsages, type JwtUsage } from '../src/analysis/imports.js';
import { findZonelessDates, getClaim, joseDurationText, millisecondTime, timeSetterCalls } from '../src/analysis/lifetime.js';
import { classifyJoseExpiration, formatDuration, isUnitlessDurationString, looksLikeMilliseconds } from '../src/analysis/time.js';
import { getUsageOption } from '../src/analysis/usage-options.js';
import { isForeignNode, resolveValue, stripTsWrappers } from '../src/analysis/values.js';

export type Options = [];
export type MessageIds = 'millisecondClaim' | 'millisecondDuration' | 'unitlessDuration' | 'smallTimestamp' | 'millisecondTimestamp' | 'zonelessDate' | 'replaceWith';

const TIME_CLAIMS = ['exp', 'iat', 'nbf'] as const;
/** Options read with the library's duration semantics (jsonwebtoken's verify `maxAge` too). */
const DURATION_OPTIONS = ['expiresIn', 'notBefore', 'maxAge'] as const;
/** A unitless `ms` string under a minute is a lifetime nobody means: the author wrote seconds. */
const MIN_PLAUSIBLE_MS = 60_000;

export default createRule<Options, MessageIds>({
  name: 'no-naive-timestamp',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow JWT time claims and lifetimes in the wrong unit or time zone',
      recommended: 'recommended',
      category: 'Claims and lifetime',
      cwe: ['CWE-613', 'CWE-1339'],
      securitySeverity: '4.3',
    },
    hasSuggestions: true,
    messages: {
      millisecondClaim: '`{{claim}}` is set in milliseconds; JWT times are seconds since the epoch, so this value is 1000 times too large.',
      millisecondDuration: '`{{option}}: {{value}}` is read as seconds ({{read}}); it looks like milliseconds ({{meant}}).',
      unitlessDuration: "`{{option}}: '{{value}}'` has no unit, so it is read as {{read}}.",
      smallTimestamp: '`{{method}}` reads a number as an absolute time in seconds since the epoch; `{{value}}` is in January 1970.',
      millisecondTimestamp: '`{{method}}` reads a number as seconds since the epoch; this value is in milliseconds, 1000 times too large.',
      zonelessDate: "The date '{{value}}' has no time zone, so it is read in the local zone of whichever machine runs this code.",
      replaceWith: 'Use `{{code}}`.',
    },
    schema: [],
  },
  create(context) {
    const reported = new Set<TSESTree.Node>();
    const comments = (n: TSESTree.Node) => context.sourceCode.getCommentsInside(n).length > 0;
    const text = (n: TSESTree.Node) => {
      const t = context.sourceCode.getText(n).replace(/\s+/g, ' ');
      return t.length > 40 ? `${t.slice(0, 40)}…` : t;
    };

    function report(node: TSESTree.Node, messageId: MessageIds, data: Record<string, string | number>, code?: string): void {
      if (reported.has(node) || isForeignNode(node)) return;
      reported.add(node);
      const fix = code !== undefined && !comments(node) ? (fixer: TSESLint.RuleFixer) => fixer.replaceText(node, code) : undefined;
      context.report({ node, messageId, data, suggest: fix ? [{ messageId: 'replaceWith', data: { code }, fix }] : [] });
    }

    function checkZones(node: TSESTree.Node): void {
      for (const date of findZonelessDates(context, node)) {
        const iso = /^\d{4}-\d{2}-\d{2}[T ]/.test(date.value) && stripTsWrappers(date.node).type === 'Literal';
        report(date.node, 'zonelessDate', { value: date.value }, iso ? `'${date.value.replace(' ', 'T')}Z'` : undefined);
      }
    }

    function checkClaims(usage: JwtUsage): void {
      for (const claim of TIME_CLAIMS) {
        const c = getClaim(context, usage, claim);
        if (c.kind !== 'present') continue;
        const ms = millisecondTime(context, c.node);
        if (ms) report(c.node, 'millisecondClaim', { claim }, ms.fix);
        checkZones(c.node);
      }
    }

    function checkOptions(usage: JwtUsage): void {
      if (usage.model.durations !== 'jsonwebtoken') return; // other semantics read numbers differently (fast-jwt: ms)
      for (const concept of DURATION_OPTIONS) {
        const o = getUsageOption(context, usage, concept);
        if (o.kind !== 'present' || o.value.kind !== 'known') continue;
        const option = optionName(o.node) ?? concept;
        const value = o.value.value;
        const literal = isNumberExpression(o.node);
        if (typeof value === 'number' && looksLikeMilliseconds(value, 'jsonwebtoken')) {
          report(o.node, 'millisecondDuration', { option, value: text(o.node), read: formatDuration(value), meant: formatDuration(value / 1000) }, literal ? String(value / 1000) : undefined);
        } else if (isUnitlessDurationString(value) && Number(value) > 0 && Number(value) < MIN_PLAUSIBLE_MS) {
          const text = String(value);
          report(o.node, 'unitlessDuration', { option, value: text, read: `${text} milliseconds (${formatDuration(Number(value) / 1000)})` }, Number.isInteger(Number(value)) && stripTsWrappers(o.node).type === 'Literal' ? String(Number(value)) : undefined);
        }
      }
    }

    function checkChain(usage: JwtUsage): void {
      for (const call of timeSetterCalls(usage)) {
        const arg = call.node.arguments[0];
        if (!arg || arg.type === 'SpreadElement') continue;
        const method = call.name;
        const value = resolveValue(context, arg);
        const c = value.kind === 'known' ? classifyJoseExpiration(value.value) : undefined;
        if (c?.kind === 'suspicious-small') {
          const n = (value as { value: number }).value;
          const fix = Number.isInteger(n) && n > 0 && stripTsWrappers(arg).type === 'Literal' ? joseDurationText(n) : undefined;
          report(arg, 'smallTimestamp', { method, value: text(arg) }, fix);
        } else {
          const ms = millisecondTime(context, arg);
          if (ms) report(arg, 'millisecondTimestamp', { method }, ms.fix);
        }
        checkZones(arg);
      }
    }

    return {
      'Program:exit'() {
        for (const usage of getJwtUsages(context)) {
          if (usage.model.op === 'sign') checkClaims(usage);
          if (usage.model.builder) checkChain(usage);
          else checkOptions(usage);
        }
      },
    };
  },
});

/** The key the value is written under (`expiresIn`, `maxAge`), when it is written in an object literal. */
function optionName(node: TSESTree.Node): string | undefined {
  const p = node.parent;
  if (p?.type !== 'Property' || p.value !== node || p.computed) return undefined;
  return p.key.type === 'Identifier' ? p.key.name : undefined;
}

/** `3600000`, `60 * 60 * 1000`: a number written right here out of literals only. */
function isNumberExpression(node: TSESTree.Node): boolean {
  const n = stripTsWrappers(node);
  if (n.type === 'Literal') return typeof n.value === 'number';
  if (n.type === 'BinaryExpression') return n.left.type !== 'PrivateIdentifier' && isNumberExpression(n.left) && isNumberExpression(n.right);
  return false;
}
