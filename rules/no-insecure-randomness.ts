import { createRule } from '../src/util/createRule.js';

export type Options = [];
export type MessageIds = 'todo';

// Placeholder: the rule is being built (see the issue tracker). It reports nothing yet.
export default createRule<Options, MessageIds>({
  name: 'no-insecure-randomness',
  meta: {
    type: 'problem',
    docs: {
      description: "Disallow predictable randomness for tokens, secrets and one-time codes",
      recommended: 'recommended',
      category: 'Randomness',
    },
    messages: { todo: 'Not implemented yet.' },
    schema: [],
  },
  create() {
    return {};
  },
});
