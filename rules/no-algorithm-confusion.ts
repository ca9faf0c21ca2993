import { createRule } from '../src/util/createRule.js';

export type Options = [];
export type MessageIds = 'todo';

// Placeholder: the rule is being built (see the issue tracker). It reports nothing yet.
export default createRule<Options, MessageIds>({
  name: 'no-algorithm-confusion',
  meta: {
    type: 'problem',
    docs: {
      description: "Disallow allow-lists that mix HMAC and asymmetric JWT algorithms",
      recommended: 'recommended',
      category: 'Keys and algorithms',
    },
    messages: { todo: 'Not implemented yet.' },
    schema: [],
  },
  create() {
    return {};
  },
});
