import { createRule } from '../src/util/createRule.js';

export type Options = [];
export type MessageIds = 'todo';

// Placeholder: the rule is being built (see the issue tracker). It reports nothing yet.
export default createRule<Options, MessageIds>({
  name: 'require-issuer',
  meta: {
    type: 'problem',
    docs: {
      description: "Require JWT verification to check the issuer",
      recommended: 'strict',
      category: 'Claims and lifetime',
    },
    messages: { todo: 'Not implemented yet.' },
    schema: [],
  },
  create() {
    return {};
  },
});
