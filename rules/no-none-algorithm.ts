import type { TSESTree } from '@typescript-eslint/utils';
import { createRule } from '../src/util/createRule.js';
import { emptyKeyAcceptsUnsigned, headerAlgorithm, localNode, noneAlgorithmNodes } from '../src/analysis/algorithms.js';
import { getArg, getJwtUsages, type JwtUsage } from '../src/analysis/imports.js';
import { getUsageOption } from '../src/analysis/usage-options.js';
import { resolveValue } from '../src/analysis/values.js';
import { calleeName } from '../src/analysis/verification.js';

export type MessageIds = 'noneAlgorithm' | 'unsecuredToken' | 'emptyKey' | 'missingKey';

export default createRule<[], MessageIds>({
  name: 'no-none-algorithm',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow the `none` algorithm and unsecured JWTs',
      recommended: 'recommended',
      category: 'Keys and algorithms',
      cwe: ['CWE-347'],
      securitySeverity: '9.1',
    },
    messages: {
      noneAlgorithm: 'The `none` algorithm turns the signature off, so anyone can forge a token that passes.',
      unsecuredToken: '`{{callee}}` works with unsecured tokens (`alg: none`), which carry no signature.',
      emptyKey: '`{{callee}}` verifies with an empty key; unsigned (`alg: none`) tokens can then pass.',
      missingKey: '`{{callee}}` verifies without a key; unsigned (`alg: none`) tokens can then pass.',
    },
    schema: [],
  },
  create(context) {
    const reported = new Set<TSESTree.Node>();
    const report = (node: TSESTree.Node, messageId: MessageIds, usage: JwtUsage): void => {
      const at = localNode(node, usage.node);
      if (reported.has(at)) return;
      reported.add(at);
      context.report({ node: at, messageId, data: { callee: calleeName(context, usage) } });
    };

    /**
     * An algorithm value or allow-list (`algorithm: 'none'`, `alg: NONE`, `algorithms: [...]`, a positional algorithm):
     * every `'none'` it can take, through constants and the branches of `env || 'none'`, reported where it is written.
     */
    const check = (usage: JwtUsage, lookup: { kind: string; node?: TSESTree.Node }): void => {
      if (lookup.kind !== 'present' || !lookup.node) return;
      for (const at of noneAlgorithmNodes(context, lookup.node)) report(at, 'noneAlgorithm', usage);
    };

    return {
      'Program:exit'() {
        for (const usage of getJwtUsages(context)) {
          if (usage.model.op === 'unsecured') {
            report(usage.node, 'unsecuredToken', usage);
            continue;
          }
          check(usage, getUsageOption(context, usage, 'algorithm'));
          check(usage, getArg(usage, 'algorithm'));
          check(usage, headerAlgorithm(context, usage)); // jsonwebtoken `header: { alg }` overrides `algorithm`
          check(usage, getUsageOption(context, usage, 'algorithms'));
          if (emptyKeyAcceptsUnsigned(usage)) checkKey(usage);
        }
      },
    };

    /** Verifiers that accept `alg: none` when the key is empty (jsonwebtoken). */
    function checkKey(usage: JwtUsage): void {
      if (usage.model.args.key !== undefined) {
        const key = getArg(usage, 'key');
        if (key.kind === 'absent') report(usage.node, 'missingKey', usage);
        if (key.kind === 'present' && isEmpty(key.node)) report(key.node, 'emptyKey', usage);
      } else if (usage.model.options?.key) {
        const key = getUsageOption(context, usage, 'key');
        if (key.kind === 'present' && isEmpty(key.node)) report(key.node, 'emptyKey', usage);
      }
    }

    function isEmpty(node: TSESTree.Node): boolean {
      const r = resolveValue(context, node);
      return r.kind === 'absent' || (r.kind === 'known' && !r.value);
    }
  },
});
