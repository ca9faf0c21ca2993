import { createRule } from '../src/util/createRule.js';
import { calleeName, claimPinning, optionLabel, signLikeUsages, verifyLikeUsages } from '../src/analysis/verification.js';

export type Options = [{ checkSign?: boolean }];
export type MessageIds = 'missingAudience' | 'missingAudienceOnSign';

export default createRule<Options, MessageIds>({
  name: 'require-audience',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require JWT verification to check the audience',
      recommended: 'strict',
      category: 'Claims and lifetime',
      cwe: ['CWE-287'],
      securitySeverity: '5.4',
    },
    messages: {
      missingAudience: '`{{callee}}` accepts tokens minted for any audience; pin the expected one with `{{option}}`.',
      missingAudienceOnSign: '`{{callee}}` signs a token without an audience (`aud`); set it with `{{option}}`.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          checkSign: { type: 'boolean', description: 'Also require signing to set the audience (`aud`) of the token.' },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ checkSign: false }],
  },
  create(context, [opts]) {
    return {
      'Program:exit'() {
        for (const usage of verifyLikeUsages(context)) {
          if (claimPinning(context, usage, 'audience') !== 'missing') continue;
          const data = { callee: calleeName(context, usage), option: optionLabel(usage, 'audience') };
          context.report({ node: usage.node, messageId: 'missingAudience', data });
        }
        if (opts.checkSign !== true) return;
        for (const usage of signLikeUsages(context)) {
          if (claimPinning(context, usage, 'audience') !== 'missing') continue;
          const data = { callee: calleeName(context, usage), option: optionLabel(usage, 'audience') };
          context.report({ node: usage.node, messageId: 'missingAudienceOnSign', data });
        }
      },
    };
  },
});
