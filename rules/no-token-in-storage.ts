import { createRule } from '../src/util/createRule.js';

export type Options = [];
export type MessageIds = 'todo';

// Placeholder: the rule is being built (see the issue tracker). It reports nothing yet.
export default createRule<Options, MessageIds>({
  name: 'no-token-in-storage',
  meta: {
    type: 'problem',
    docs: {
      description: "Disallow storing tokens where page scripts can read them",
      recommended: 'recommended',
      category: 'Storage and transport',
    },
    messages: { todo: 'Not implemented yet.' },
    schema: [],
  },
  create() {
    return {};
  },
});
