import { createRule } from '../src/util/createRule.js';

export type Options = [];
export type MessageIds = 'todo';

// Placeholder: the rule is being built (see the issue tracker). It reports nothing yet.
export default createRule<Options, MessageIds>({
  name: 'no-decode-without-verify',
  meta: {
    type: 'problem',
    docs: {
      description: "Disallow trusting a decoded JWT that was never verified",
      recommended: 'recommended',
      category: 'Decoding and verification',
    },
    messages: { todo: 'Not implemented yet.' },
    schema: [],
  },
  create() {
    return {};
  },
});
