import type { TSESLint } from '@typescript-eslint/utils';
import { createRule } from '../src/util/createRule.js';
import {
  describeSink,
  getWeakRandomSources,
  secureReplacement,
  sensitiveSink,
  sourceLabel,
  traceRandomValue,
  type Replacement,
} from '../src/analysis/randomness.js';

export type Options = [];
export type MessageIds = 'insecureRandomness' | 'useSecureRandom' | 'useSecureRandomWithImport';

export default createRule<Options, MessageIds>({
  name: 'no-insecure-randomness',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow predictable randomness for tokens, secrets and one-time codes',
      recommended: 'recommended',
      category: 'Randomness',
      cwe: ['CWE-338', 'CWE-330'],
      securitySeverity: '7.5',
    },
    hasSuggestions: true,
    messages: {
      insecureRandomness: '`{{source}}` is predictable, so {{sink}} can be guessed.',
      useSecureRandom: 'Use `{{replacement}}`.',
      useSecureRandomWithImport: "Use `{{replacement}}` and import `crypto` from `node:crypto`.",
    },
    schema: [],
  },
  create(context) {
    return {
      'Program:exit'() {
        const sources = getWeakRandomSources(context);
        const reportedRoots = new Set<unknown>();
        for (const source of sources) {
          const flow = traceRandomValue(context, source);
          const sink = sensitiveSink(flow);
          // one report per derived value: `Date.now().toString(36) + Math.random().toString(36)` is one token
          if (!sink || reportedRoots.has(flow.root)) continue;
          reportedRoots.add(flow.root);
          const replacement = secureReplacement(context, source, flow, sink);
          context.report({
            node: source.node,
            messageId: 'insecureRandomness',
            data: { source: sourceLabel(context, source), sink: describeSink(sink) },
            suggest: replacement ? [suggestion(replacement)] : [],
          });
        }
      },
    };
  },
});

function suggestion(r: Replacement): TSESLint.SuggestionReportDescriptor<MessageIds> {
  return {
    messageId: r.addImport ? 'useSecureRandomWithImport' : 'useSecureRandom',
    data: { replacement: r.text },
    fix(fixer) {
      const fixes = [fixer.replaceText(r.node, r.text)];
      const imp = r.addImport;
      if (imp?.after) fixes.push(fixer.insertTextAfter(imp.after, `\n${imp.text}`));
      else if (imp?.before) fixes.push(fixer.insertTextBefore(imp.before, `${imp.text}\n`));
      return fixes;
    },
  };
}
