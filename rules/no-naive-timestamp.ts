import { createRule } from '../src/util/createRule.js';

export type Options = [];
export type MessageIds = 'todo';

// Placeholder: the rule is being built (see the issue tracker). It reports nothing yet.
export default createRule<Options, MessageIds>({
  name: 'no-naive-timestamp',
  meta: {
    type: 'problem',
    docs: {
      description: "Disallow JWT time claims and lifetimes in the wrong unit or time zone",
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
