import { createRule } from '../src/util/createRule.js';
import { calleeName, claimPinning, optionLabel, signLikeUsages, verifyLikeUsages } from '../src/analysis/verification.js';

export type Options = [{ checkSign?: boolean }];
export type MessageIds = 'missingIssuer' | 'missingIssuerOnSign';

export default createRule<Options, MessageIds>({
  name: 'require-issuer',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require JWT verification to check the issuer',
      recommended: 'strict',
      category: 'Claims and lifetime',
      cwe: ['CWE-287'],
      securitySeverity: '5.4',
    },
    messages: {
      missingIssuer: '`{{callee}}` accepts tokens from any issuer; pin the expected one with `{{option}}`.',
      missingIssuerOnSign: '`{{callee}}` signs a token without an issuer (`iss`); set it with `{{option}}`.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          checkSign: { type: 'boolean', description: 'Also require signing to set the issuer (`iss`) of the token.' },
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
          if (claimPinning(context, usage, 'issuer') !== 'missing') continue;
          const data = { callee: calleeName(context, usage), option: optionLabel(usage, 'issuer') };
          context.report({ node: usage.node, messageId: 'missingIssuer', data });
        }
        if (opts.checkSign !== true) return;
        for (const usage of signLikeUsages(context)) {
          if (claimPinning(context, usage, 'issuer') !== 'missing') continue;
          const data = { callee: calleeName(context, usage), option: optionLabel(usage, 'issuer') };
          context.report({ node: usage.node, messageId: 'missingIssuerOnSign', data });
        }
      },
    };
  },
});
