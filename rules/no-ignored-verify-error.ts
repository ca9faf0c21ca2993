import type { TSESTree } from '@typescript-eslint/utils';
import { createRule } from '../src/util/createRule.js';
import { calleeName } from '../src/analysis/verification.js';
import { findIgnoredVerifyErrors, type IgnoredVerifyErrorKind } from '../src/analysis/verify-errors.js';

export type Options = [];
export type MessageIds = 'unreadCallbackError' | 'callbackFallsThrough' | 'swallowedCatch' | 'swallowedPromiseCatch';

const MESSAGE: Record<IgnoredVerifyErrorKind, MessageIds> = {
  'unread-callback-error': 'unreadCallbackError',
  'callback-falls-through': 'callbackFallsThrough',
  'swallowed-catch': 'swallowedCatch',
  'swallowed-promise-catch': 'swallowedPromiseCatch',
};

export default createRule<Options, MessageIds>({
  name: 'no-ignored-verify-error',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow ignoring JWT verification errors',
      recommended: 'strict',
      category: 'Decoding and verification',
      cwe: ['CWE-287', 'CWE-390'],
      securitySeverity: '8.1',
    },
    messages: {
      unreadCallbackError:
        'The callback of `{{callee}}` never reads its error, so a token that fails verification is handled like a valid one.',
      callbackFallsThrough:
        'The callback of `{{callee}}` only logs its error and then continues as if the token were valid.',
      swallowedCatch: 'The `catch` on line {{line}} swallows the error of `{{callee}}`, and the code continues as if the token were valid.',
      swallowedPromiseCatch:
        'The `.{{method}}` on line {{line}} swallows the rejection of `{{callee}}`, and the code continues as if the token were valid.',
    },
    schema: [],
  },
  create(context) {
    return {
      'Program:exit'() {
        for (const finding of findIgnoredVerifyErrors(context)) {
          const data = { callee: calleeName(context, finding.usage), ...handlerData(finding.handler) };
          const messageId = MESSAGE[finding.kind];
          if (finding.loc) context.report({ loc: finding.loc, messageId, data });
          else context.report({ node: finding.node, messageId, data });
        }
      },
    };
  },
});

/** `line` (and `method`: `catch` / `then`) of the handler that swallows the error, for the message. */
function handlerData(handler: TSESTree.Node | undefined): Record<string, string> {
  if (!handler) return {};
  const callee = handler.type === 'CallExpression' ? handler.callee : undefined;
  const at = callee?.type === 'MemberExpression' ? callee.property : handler;
  const method = at.type === 'Identifier' ? at.name : 'catch';
  return { line: String(at.loc.start.line), method };
}
