import { createRule } from '../src/util/createRule.js';

export type Options = [];
export type MessageIds = 'todo';

// Placeholder: the rule is being built (see the issue tracker). It reports nothing yet.
export default createRule<Options, MessageIds>({
  name: 'no-sensitive-payload',
  meta: {
    type: 'problem',
    docs: {
      description: "Disallow secrets, personal data and whole records in JWT payloads",
      recommended: 'recommended',
      category: 'Claims and lifetime',
    },
    messages: { todo: 'Not implemented yet.' },
    schema: [],
  },
  create() {
    return {};
  },
});
