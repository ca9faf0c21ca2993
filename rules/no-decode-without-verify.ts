import { createRule } from '../src/util/createRule.js';
import { getArg, getJwtUsages } from '../src/analysis/imports.js';
import { isSignedHere } from '../src/analysis/token-values.js';
import { classifyDecodedUse, isBrowserCode, isUnverifiedDecode, isVerifiedInSameFunction } from '../src/analysis/token-flow.js';

export type Options = [];
export type MessageIds = 'unverifiedDecode';

export default createRule<Options, MessageIds>({
  name: 'no-decode-without-verify',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow trusting a decoded JWT that was never verified',
      recommended: 'recommended',
      category: 'Decoding and verification',
      cwe: ['CWE-347', 'CWE-345'],
      securitySeverity: '9.1',
    },
    messages: {
      unverifiedDecode:
        '`{{callee}}` does not check the signature and this token is not verified in this function; anyone can forge the claims read here.',
    },
    schema: [],
  },
  create(context) {
    return {
      'Program:exit'() {
        const usages = getJwtUsages(context);
        if (usages.length === 0) return;
        for (const usage of usages) {
          if (!isUnverifiedDecode(context, usage)) continue;
          // the client cannot verify (it has no key) and the server enforces: UI reads are fine there
          if (isBrowserCode(context)) return;
          // header fields (kid/alg to pick a key), time claims (refresh scheduling), or nothing: no claim is trusted
          if (classifyDecodedUse(context, usage) !== 'other') continue;
          if (isVerifiedInSameFunction(context, usage)) continue;
          // a token this code has just signed carries claims it wrote itself
          const token = getArg(usage, 'token');
          if (token.kind === 'present' && isSignedHere(context, token.node)) continue;
          const callee = context.sourceCode.getText(usage.node.callee);
          context.report({
            node: usage.node,
            messageId: 'unverifiedDecode',
            data: { callee: callee.length > 40 ? callee.slice(0, 40) + '…' : callee },
          });
        }
      },
    };
  },
});
