import type { JSONSchema, TSESTree } from '@typescript-eslint/utils';
import { createRule } from '../src/util/createRule.js';
import { getJwtUsages } from '../src/analysis/imports.js';
import { getLifetime, getTokenKind } from '../src/analysis/lifetime.js';
import { formatDuration, parseDuration } from '../src/analysis/time.js';

export type Options = [{ access?: string | number; refresh?: string | number }];
export type MessageIds = 'tooLong';

const DEFAULTS = { access: '1h', refresh: '14d' } as const;
type JSONSchema4 = JSONSchema.JSONSchema4;
const durationSchema = (what: string): JSONSchema4 => ({
  type: ['string', 'number'],
  description: `Longest lifetime allowed for ${what}: a duration with a unit as the \`ms\` package reads it (\`'15m'\`, \`'1h'\`, \`'14d'\`) or a number of seconds.`,
});

/** A limit in seconds; an option the `ms` grammar cannot read falls back to the default. */
function limitSeconds(value: string | number | undefined, fallback: string): number {
  const seconds = value === undefined ? undefined : parseDuration(value, 'jsonwebtoken');
  return seconds !== undefined && seconds > 0 ? seconds : parseDuration(fallback, 'jsonwebtoken')!;
}

export default createRule<Options, MessageIds>({
  name: 'max-token-lifetime',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow JWT lifetimes longer than a limit',
      recommended: 'strict',
      category: 'Claims and lifetime',
      cwe: ['CWE-613'],
      securitySeverity: '3.7',
    },
    messages: {
      tooLong: 'This {{kind}} token lives {{lifetime}}, longer than the {{limit}} allowed for {{kind}} tokens; a leaked token stays usable that long.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          access: durationSchema('access tokens (every token that is not recognised as a refresh token)'),
          refresh: durationSchema(
            'refresh tokens (recognised by their variable or property name, the secret they are signed with, the enclosing function, or a `type`/`typ`/`token_type` claim)',
          ),
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ ...DEFAULTS }],
  },
  create(context, [options]) {
    return {
      'Program:exit'() {
        const usages = getJwtUsages(context);
        if (usages.length === 0) return;
        // parsed only for files that use a JWT library
        const limits = {
          access: limitSeconds(options.access, DEFAULTS.access),
          refresh: limitSeconds(options.refresh, DEFAULTS.refresh),
        };
        const reported = new Set<TSESTree.Node>();
        for (const usage of usages) {
          const lifetime = getLifetime(context, usage);
          if (lifetime.kind !== 'seconds' || reported.has(lifetime.node)) continue;
          const kind = getTokenKind(context, usage);
          if (lifetime.value <= limits[kind]) continue;
          reported.add(lifetime.node);
          context.report({
            node: lifetime.node,
            messageId: 'tooLong',
            data: { kind, lifetime: formatDuration(lifetime.value), limit: formatDuration(limits[kind]) },
          });
        }
      },
    };
  },
});
