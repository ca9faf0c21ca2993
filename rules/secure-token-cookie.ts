import { createRule } from '../src/util/createRule.js';

export type Options = [];
export type MessageIds = 'todo';

// Placeholder: the rule is being built (see the issue tracker). It reports nothing yet.
export default createRule<Options, MessageIds>({
  name: 'secure-token-cookie',
  meta: {
    type: 'problem',
    docs: {
      description: "Require auth cookies to be `httpOnly`, `secure` and `sameSite`",
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
