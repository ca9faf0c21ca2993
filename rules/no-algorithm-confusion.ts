import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { createRule } from '../src/util/createRule.js';
import {
  algorithmFamily,
  isAsymmetricFamily,
  localNode,
  readAlgorithmList,
  suggestedAllowList,
  type AlgorithmList,
} from '../src/analysis/algorithms.js';
import { getJwtUsages } from '../src/analysis/imports.js';
import { getUsageOption } from '../src/analysis/usage-options.js';
import { stripTsWrappers } from '../src/analysis/values.js';

export type MessageIds = 'mixedFamilies' | 'keepFamily';

export default createRule<[], MessageIds>({
  name: 'no-algorithm-confusion',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow allow-lists that mix HMAC and asymmetric JWT algorithms',
      recommended: 'recommended',
      category: 'Keys and algorithms',
      cwe: ['CWE-347', 'CWE-327'],
      securitySeverity: '8.1',
    },
    hasSuggestions: true,
    messages: {
      mixedFamilies:
        'This allow-list mixes HMAC ({{hmac}}) with public-key algorithms ({{asymmetric}}); a public key can then be used as an HMAC secret.',
      keepFamily: 'Keep only {{list}}, the algorithms this file signs with.',
    },
    schema: [],
  },
  create(context) {
    return {
      'Program:exit'() {
        const reported = new Set<TSESTree.Node>();
        for (const usage of getJwtUsages(context)) {
          const lookup = getUsageOption(context, usage, 'algorithms');
          if (lookup.kind !== 'present') continue;
          const list = readAlgorithmList(context, lookup.node);
          if (!list) continue;
          const hmac = names(list, (f) => f === 'hmac');
          const asymmetric = names(list, isAsymmetricFamily);
          if (hmac.length === 0 || asymmetric.length === 0) continue;
          const node = localNode(lookup.node, usage.node);
          if (reported.has(node)) continue;
          reported.add(node);
          context.report({
            node,
            messageId: 'mixedFamilies',
            data: { hmac: hmac.map((a) => `\`${a}\``).join(', '), asymmetric: asymmetric.map((a) => `\`${a}\``).join(', ') },
            suggest: keepSuggestion(list, node),
          });
        }
      },
    };

    /** Keep the elements of the family the file signs with, when the list is written inline and fully known. */
    function keepSuggestion(list: AlgorithmList, node: TSESTree.Node): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
      const signing = suggestedAllowList(context);
      const array = stripTsWrappers(node);
      if (!signing || !list.complete || array.type !== 'ArrayExpression') return [];
      if (array.elements.some((e) => !e || e.type === 'SpreadElement')) return [];
      if (context.sourceCode.getCommentsInside(array).length > 0) return [];
      const family = algorithmFamily(signing[0]);
      const keep = list.elements.filter((e) => algorithmFamily(e.value) === family);
      if (keep.length === 0 || keep.some((e) => e.node.parent !== array)) return [];
      const text = keep.map((e) => context.sourceCode.getText(e.node));
      return [
        {
          messageId: 'keepFamily',
          data: { list: keep.map((e) => `\`${e.value}\``).join(', ') },
          fix: (fixer) => fixer.replaceText(array, `[${text.join(', ')}]`),
        },
      ];
    }
  },
});

function names(list: AlgorithmList, pick: (f: ReturnType<typeof algorithmFamily>) => boolean): string[] {
  const out: string[] = [];
  for (const el of list.elements) if (el.value && pick(algorithmFamily(el.value)) && !out.includes(el.value)) out.push(el.value);
  return out;
}
