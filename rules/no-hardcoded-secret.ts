import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { createRule } from '../src/util/createRule.js';
import { storedUnderName } from '../src/analysis/ast.js';
import { getJwtUsages } from '../src/analysis/imports.js';
import { isSecretName } from '../src/analysis/names.js';
import {
  fallbackSite,
  findHardcodedKeys,
  keyExpressions,
  mayReadEnvironment,
  pemPrivateKeySite,
  secretTargetName,
  type HardcodedKey,
} from '../src/analysis/secrets.js';

export type MessageIds = 'hardcodedKey' | 'hardcodedFallback' | 'secretFallback' | 'privateKeyInSource' | 'useEnv' | 'removeFallback';

export default createRule<[], MessageIds>({
  name: 'no-hardcoded-secret',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow hardcoded JWT signing and verification keys',
      recommended: 'recommended',
      category: 'Keys and algorithms',
      cwe: ['CWE-798', 'CWE-1188'],
      securitySeverity: '7.5',
    },
    hasSuggestions: true,
    messages: {
      hardcodedKey: 'The key passed to `{{callee}}` is hardcoded; anyone who can read the source can mint valid tokens.',
      hardcodedFallback:
        'The key passed to `{{callee}}` falls back to a hardcoded value; if the setting is ever missing, anyone who can read the source can mint valid tokens.',
      secretFallback: '`{{name}}` falls back to a hardcoded value; if the setting is ever missing, the secret is one anyone who can read the source knows.',
      privateKeyInSource: 'A PEM private key is embedded in the source; load it at runtime from a file or a secret store.',
      useEnv: 'Read the key from `process.env.{{env}}` (and refuse to start when it is missing).',
      removeFallback: 'Remove the fallback and refuse to start when `{{env}}` is missing.',
    },
    schema: [],
  },
  create(context) {
    const sourceCode = context.sourceCode;
    const reported = new Set<TSESTree.Node>();
    const pemCandidates: (TSESTree.Literal | TSESTree.TemplateLiteral)[] = [];
    const named: { name: string; value: TSESTree.Node }[] = [];

    function suggestions(finding: HardcodedKey): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
      const node = finding.node;
      if (finding.fallback) {
        const site = fallbackSite(node);
        if (!site || sourceCode.getCommentsInside(site.whole).length > 0) return [];
        const keep = sourceCode.getText(site.keep);
        return [{ messageId: 'removeFallback', data: { env: finding.envName ?? keep }, fix: (f) => f.replaceText(site.whole, keep) }];
      }
      const isString = (node.type === 'Literal' && typeof node.value === 'string') || (node.type === 'TemplateLiteral' && node.expressions.length === 0);
      if (!isString || finding.kind !== 'secret') return [];
      const env = secretTargetName(node) ?? 'JWT_SECRET';
      return [{ messageId: 'useEnv', data: { env }, fix: (f) => f.replaceText(node, `process.env.${env}`) }];
    }

    function reportKey(finding: HardcodedKey, callee: string): void {
      if (reported.has(finding.node)) return;
      reported.add(finding.node);
      context.report({
        node: finding.node,
        messageId: finding.fallback ? 'hardcodedFallback' : 'hardcodedKey',
        data: { callee },
        suggest: suggestions(finding),
      });
    }

    const pemListener = (node: TSESTree.Literal | TSESTree.TemplateElement): void => {
      const text = node.type === 'Literal' ? node.value : node.value.cooked;
      if (typeof text !== 'string' || !text.includes('-----BEGIN')) return;
      if (node.type === 'Literal') pemCandidates.push(node);
      else if (node.parent.type === 'TemplateLiteral') pemCandidates.push(node.parent);
    };
    const hasPem = sourceCode.text.includes('-----BEGIN');

    // A fallback needs an environment read on its other side, so files that never read the environment skip this part.
    const readsEnv = mayReadEnvironment(context);
    const fallbackListener = (node: TSESTree.LogicalExpression | TSESTree.ConditionalExpression): void => {
      let holder: TSESTree.Node = node;
      while (holder.parent && (holder.parent.type === 'TSAsExpression' || holder.parent.type === 'TSNonNullExpression')) holder = holder.parent;
      const name = storedUnderName(holder);
      if (name && isSecretName(name)) named.push({ name, value: node });
    };

    return {
      ...(hasPem ? { Literal: pemListener, TemplateElement: pemListener } : {}),
      ...(readsEnv ? { 'LogicalExpression, ConditionalExpression': fallbackListener } : {}),
      'Program:exit'() {
        for (const usage of getJwtUsages(context)) {
          for (const { node, callee } of keyExpressions(context, usage)) {
            for (const finding of findHardcodedKeys(context, node)) reportKey(finding, callee);
          }
        }
        for (const { name, value } of named) {
          for (const finding of findHardcodedKeys(context, value, { requireEnv: true })) {
            if (reported.has(finding.node)) continue;
            reported.add(finding.node);
            context.report({ node: finding.node, messageId: 'secretFallback', data: { name }, suggest: suggestions(finding) });
          }
        }
        for (const node of pemCandidates) {
          if (reported.has(node)) continue;
          const at = pemPrivateKeySite(context, node);
          if (!at || reported.has(at)) continue;
          reported.add(at);
          context.report({ node: at, messageId: 'privateKeyInSource' });
        }
      },
    };
  },
});
