import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { createRule } from '../src/util/createRule.js';
import type { FixFunction } from '../src/util/fix.js';
import { getChainCall, getJwtUsages, type JwtUsage } from '../src/analysis/imports.js';
import { getLifetime } from '../src/analysis/lifetime.js';
import { addOptionFix, getUsageOption } from '../src/analysis/usage-options.js';
import { isForeignNode } from '../src/analysis/values.js';

export type Options = [];
export type MessageIds = 'missingExpiration' | 'ignoreExpiration' | 'addExpiration' | 'removeIgnoreExpiration';

/** The reference lifetime of an access token (`fixtures/reference/tokens.ts`). */
const REFERENCE_LIFETIME = `'15m'`;
const VERIFY_OPS = new Set(['verify', 'configure-verify', 'configure']);

export default createRule<Options, MessageIds>({
  name: 'require-expiration',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require JWTs to be signed with an expiration and verified with expiration checks',
      recommended: 'recommended',
      category: 'Claims and lifetime',
      cwe: ['CWE-613'],
      securitySeverity: '5.3',
    },
    hasSuggestions: true,
    messages: {
      missingExpiration: '`{{callee}}` signs a token without an expiration (`exp`); once leaked, it stays valid forever.',
      ignoreExpiration: '`ignoreExpiration: true` accepts expired tokens; a leaked token stays valid forever.',
      addExpiration: 'Add `{{code}}`.',
      removeIgnoreExpiration: 'Remove `ignoreExpiration: true`.',
    },
    schema: [],
  },
  create(context) {
    const sourceCode = context.sourceCode;

    function calleeText(usage: JwtUsage): string {
      const text = sourceCode.getText(usage.node.callee);
      return text.length > 40 ? text.slice(0, 40) + '…' : text;
    }

    /** `expiresIn: '15m'` into the options object, or `.setExpirationTime('15m')` into a builder chain. */
    function addExpiration(usage: JwtUsage): { code: string; fix: FixFunction } | undefined {
      const model = usage.model;
      if (model.builder) {
        const method = model.chain?.expiresIn?.method;
        const signCall = getChainCall(usage, 'key')?.node;
        if (!method || signCall?.callee.type !== 'MemberExpression') return undefined;
        const code = `.${method}(${REFERENCE_LIFETIME})`;
        const object = signCall.callee.object;
        return { code, fix: (fixer) => fixer.insertTextAfter(object, code) };
      }
      const path = model.options?.expiresIn;
      const key = typeof path === 'string' ? path : path?.[0];
      if (!key || key.includes('.')) return undefined;
      const fix = addOptionFix(context, usage, key, REFERENCE_LIFETIME);
      return fix && { code: `${key}: ${REFERENCE_LIFETIME}`, fix };
    }

    function checkSign(usage: JwtUsage): void {
      const lifetime = getLifetime(context, usage);
      if (lifetime.kind !== 'none') return;
      const suggestion = lifetime.stringPayload ? undefined : addExpiration(usage);
      context.report({
        node: usage.node,
        messageId: 'missingExpiration',
        data: { callee: calleeText(usage) },
        suggest: suggestion ? [{ messageId: 'addExpiration', data: { code: suggestion.code }, fix: suggestion.fix }] : [],
      });
    }

    function checkVerify(usage: JwtUsage, reported: Set<TSESTree.Node>): void {
      const option = getUsageOption(context, usage, 'ignoreExpiration');
      if (option.kind !== 'present' || option.value.kind !== 'known' || option.value.value !== true) return;
      // a registration and the calls that inherit from it share the option: report it once
      if (reported.has(option.node)) return;
      reported.add(option.node);
      const parent = option.node.parent;
      const property =
        parent?.type === 'Property' && parent.value === option.node && !isForeignNode(parent) && parent.parent.type === 'ObjectExpression'
          ? parent
          : undefined;
      context.report({
        node: property ?? option.node,
        messageId: 'ignoreExpiration',
        suggest: property && sourceCode.getCommentsInside(property).length === 0
          ? [{ messageId: 'removeIgnoreExpiration', fix: (fixer) => removeProperty(fixer, property) }]
          : [],
      });
    }

    function removeProperty(fixer: TSESLint.RuleFixer, property: TSESTree.Property): TSESLint.RuleFix {
      const after = sourceCode.getTokenAfter(property);
      if (after?.value === ',') {
        const next = sourceCode.getTokenAfter(after, { includeComments: true });
        return fixer.removeRange([property.range[0], next ? next.range[0] : after.range[1]]);
      }
      const before = sourceCode.getTokenBefore(property);
      if (before?.value === ',') return fixer.removeRange([before.range[0], property.range[1]]);
      const object = property.parent;
      if (object.type === 'ObjectExpression' && sourceCode.getCommentsInside(object).length === 0) return fixer.replaceText(object, '{}');
      return fixer.remove(property);
    }

    return {
      'Program:exit'() {
        const reported = new Set<TSESTree.Node>();
        for (const usage of getJwtUsages(context)) {
          if (usage.model.op === 'sign') checkSign(usage);
          else if (VERIFY_OPS.has(usage.model.op)) checkVerify(usage, reported);
        }
      },
    };
  },
});
