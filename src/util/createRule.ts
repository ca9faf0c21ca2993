import { ESLintUtils } from '@typescript-eslint/utils';
import { version } from './version.js';

/** Extra fields of `meta.docs` for jwt-lint rules. */
export interface JwtLintDocs {
  /** The first preset that enables the rule; rules without it are only in `all`. */
  recommended?: 'recommended' | 'strict';
  /** Grouping of the README rules table. */
  category: 'Keys and algorithms' | 'Claims and lifetime' | 'Decoding and verification' | 'Storage and transport' | 'Randomness';
  requiresTypeChecking?: boolean;
}

export const docsUrl = (name: string): string =>
  `https://github.com/jwt-lint/jwt-lint/blob/v${version}/docs/rules/${name}.md`;

export const createRule = ESLintUtils.RuleCreator<JwtLintDocs>(docsUrl);
