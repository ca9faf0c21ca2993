import { createRule } from '../src/util/createRule.js';

export type Options = [];
export type MessageIds = 'todo';

// Placeholder: the rule is being built (see the issue tracker). It reports nothing yet.
export default createRule<Options, MessageIds>({
  name: 'no-ignored-verify-error',
  meta: {
    type: 'problem',
    docs: {
      description: "Disallow ignoring JWT verification errors",
      recommended: 'strict',
      category: 'Decoding and verification',
    },
    messages: { todo: 'Not implemented yet.' },
    schema: [],
  },
  create() {
    return {};
  },
});
