import type { TSESTree } from '@typescript-eslint/utils';
import { createRule } from '../src/util/createRule.js';
import { apiName, getJwtUsages } from '../src/analysis/imports.js';
import { isSensitiveClaimName, type SensitiveClaimKind } from '../src/analysis/names.js';
import { isEncryptedPayload, payloadNode, readPayload, type PayloadProp } from '../src/analysis/payload.js';
import { stripTsWrappers } from '../src/analysis/values.js';

export type MessageIds = 'sensitiveClaim' | 'wholeRecord';

const WHAT: Record<SensitiveClaimKind, string> = {
  password: 'a password',
  hash: 'a password hash',
  secret: 'a secret',
  otp: 'a one-time-password secret',
  card: 'payment card data',
  'national-id': 'a national identity number',
};

/** The name a value is read by: `password` in `{ pw: user.password }` / `{ pw: password }`. */
function valueName(node: TSESTree.Node): string | undefined {
  const n = stripTsWrappers(node);
  if (n.type === 'Identifier') return n.name;
  if (n.type === 'MemberExpression' && !n.computed && n.property.type === 'Identifier') return n.property.name;
  return undefined;
}

function sensitiveKind(prop: PayloadProp): SensitiveClaimKind | undefined {
  const byKey = isSensitiveClaimName(prop.key);
  if (byKey) return byKey;
  const name = valueName(prop.value);
  return name === undefined ? undefined : isSensitiveClaimName(name);
}

export default createRule<[], MessageIds>({
  name: 'no-sensitive-payload',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow secrets, personal data and whole records in JWT payloads',
      recommended: 'recommended',
      category: 'Claims and lifetime',
      cwe: ['CWE-200', 'CWE-312'],
      securitySeverity: '6.5',
    },
    messages: {
      sensitiveClaim: '`{{name}}` puts {{what}} in the payload of `{{callee}}`; anyone who holds the token can read it.',
      wholeRecord:
        '`{{callee}}` signs a whole record (`{{name}}`) into the payload; anyone who holds the token can read every field of it. Sign only the claims the token needs (`sub`, `role`).',
    },
    schema: [],
  },
  create(context) {
    const sourceCode = context.sourceCode;
    const label = (node: TSESTree.Node): string => {
      const text = sourceCode.getText(node).replace(/\s+/g, ' ');
      return text.length <= 40 ? text : `${text.slice(0, 37)}…`;
    };
    return {
      'Program:exit'() {
        const reported = new Set<TSESTree.Node>();
        for (const usage of getJwtUsages(context)) {
          const payload = payloadNode(context, usage);
          if (!payload || isEncryptedPayload(usage)) continue;
          const callee = apiName(usage);
          const reading = readPayload(context, payload);
          for (const record of reading.records) {
            if (reported.has(record.node)) continue;
            reported.add(record.node);
            const shown = record.node.type === 'SpreadElement' ? record.node.argument : record.node;
            context.report({ node: record.node, messageId: 'wholeRecord', data: { callee, name: label(shown) } });
          }
          for (const prop of reading.props) {
            const kind = sensitiveKind(prop);
            if (!kind || reported.has(prop.node)) continue;
            reported.add(prop.node);
            context.report({ node: prop.node, messageId: 'sensitiveClaim', data: { name: prop.path, what: WHAT[kind], callee } });
          }
        }
      },
    };
  },
});
