import { createRule } from '../src/util/createRule.js';

export type Options = [];
export type MessageIds = 'todo';

// Placeholder: the rule is being built (see the issue tracker). It reports nothing yet.
export default createRule<Options, MessageIds>({
  name: 'no-none-algorithm',
  meta: {
    type: 'problem',
    docs: {
      description: "Disallow the `none` algorithm and unsecured JWTs",
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
