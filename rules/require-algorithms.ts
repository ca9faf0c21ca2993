import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { createRule } from '../src/util/createRule.js';
import { formatAlgorithms, isMissingValue, localNode, suggestedAllowList } from '../src/analysis/algorithms.js';
import { addOptionFix } from '../src/analysis/usage-options.js';
import { getUsageOption } from '../src/analysis/usage-options.js';
import { calleeName, optionLabel, verifyLikeUsages } from '../src/analysis/verification.js';

export type Options = [{ requireForAllVerifiers?: boolean }];
export type MessageIds = 'missingAlgorithms' | 'missingAllowList' | 'singularAlgorithm' | 'addAlgorithms' | 'useAlgorithms';

export default createRule<Options, MessageIds>({
  name: 'require-algorithms',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require an explicit algorithm allow-list when verifying JWTs',
      recommended: 'recommended',
      category: 'Keys and algorithms',
      cwe: ['CWE-347', 'CWE-327'],
      securitySeverity: '8.1',
    },
    hasSuggestions: true,
    messages: {
      missingAlgorithms:
        '`{{callee}}` verifies without an `algorithms` allow-list, so the token header chooses the algorithm.',
      missingAllowList: '`{{callee}}` runs without a `{{option}}` allow-list, so the token header chooses the algorithm.',
      singularAlgorithm: '`{{callee}}` ignores `algorithm` when verifying; the allow-list option is `algorithms`.',
      addAlgorithms: 'Add `algorithms: [{{list}}]`.',
      useAlgorithms: 'Replace `algorithm` with `algorithms: [{{value}}]`.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          requireForAllVerifiers: {
            type: 'boolean',
            description:
              'Also require an allow-list from verifiers that bind the algorithm to the key type (jose `jwtVerify`).',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ requireForAllVerifiers: false }],
  },
  create(context, [opts]) {
    const requireForAll = opts.requireForAllVerifiers === true;
    return {
      'Program:exit'() {
        for (const usage of verifyLikeUsages(context)) {
          if (usage.model.needsAllowList !== true && !requireForAll) continue;
          const list = getUsageOption(context, usage, 'algorithms');
          if (list.kind === 'unknown') continue;
          if (list.kind === 'present' && !isMissingValue(list.value)) continue;
          const callee = calleeName(context, usage);
          const single = usage.model.options?.algorithm ? getUsageOption(context, usage, 'algorithm') : undefined;
          if (single?.kind === 'present' && !isMissingValue(single.value)) {
            const local = localNode(single.node, usage.node);
            const fix = local === single.node ? renameToList(context, single.node) : undefined;
            const node = local.parent?.type === 'Property' && local.parent.value === local ? local.parent : local;
            context.report({
              node,
              messageId: 'singularAlgorithm',
              data: { callee },
              suggest: fix ? [{ messageId: 'useAlgorithms', data: { value: fix.valueText }, fix: fix.fix }] : [],
            });
            continue;
          }
          const option = optionLabel(usage, 'algorithms');
          if (option.split('.').pop() !== 'algorithms' && !usage.model.argConcepts?.algorithms) {
            // an allow-list under another name (jose `jwtDecrypt`: `keyManagementAlgorithms`, hono `jwt({ alg })`):
            // an `algorithms` suggestion would not fit it
            context.report({ node: usage.node, messageId: 'missingAllowList', data: { callee, option } });
            continue;
          }
          const algorithms = suggestedAllowList(context);
          const listText = algorithms && formatAlgorithms(algorithms);
          // An explicit `algorithms: undefined` is replaced by hand; a new property would duplicate the key.
          const fix = listText && list.kind === 'absent' ? addOptionFix(context, usage, 'algorithms', `[${listText}]`) : undefined;
          context.report({
            node: usage.node,
            messageId: 'missingAlgorithms',
            data: { callee },
            suggest: fix ? [{ messageId: 'addAlgorithms', data: { list: listText }, fix }] : [],
          });
        }
      },
    };
  },
});

/** `algorithm: X` written inline as a property → `algorithms: [X]`. */
function renameToList(
  context: Readonly<TSESLint.RuleContext<MessageIds, Options>>,
  value: TSESTree.Node,
): { valueText: string; fix: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix } | undefined {
  const prop = value.parent;
  if (prop?.type !== 'Property' || prop.value !== value || prop.computed || prop.kind !== 'init') return undefined;
  const valueText = context.sourceCode.getText(value);
  if (valueText.length > 40 || context.sourceCode.getCommentsInside(prop).length > 0) return undefined;
  return { valueText, fix: (fixer) => fixer.replaceText(prop, `algorithms: [${valueText}]`) };
}
