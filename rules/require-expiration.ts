import { createRule } from '../src/util/createRule.js';

export type Options = [];
export type MessageIds = 'todo';

// Placeholder: the rule is being built (see the issue tracker). It reports nothing yet.
export default createRule<Options, MessageIds>({
  name: 'require-expiration',
  meta: {
    type: 'problem',
    docs: {
      description: "Require JWTs to be signed with an expiration and verified with expiration checks",
      recommended: 'recommended',
      category: 'Claims and lifetime',
    },
    messages: { todo: 'Not implemented yet.' },
    schema: [],
    defaultOptions: [],
  },
  create() {
    return {};
  },
});
