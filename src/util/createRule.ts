import { ESLintUtils } from '@typescript-eslint/utils';
import type { TSESLint } from '@typescript-eslint/utils';
import { version } from './version.js';

/** Extra fields of `meta.docs` for jwt-lint rules. */
export interface JwtLintDocs {
  /** The first preset that enables the rule; rules without it are only in `all`. */
  recommended?: 'recommended' | 'strict';
  /** Grouping of the README rules table. */
  category: 'Keys and algorithms' | 'Claims and lifetime' | 'Decoding and verification' | 'Storage and transport' | 'Randomness';
  requiresTypeChecking?: boolean;
  /** The weaknesses the rule finds (`CWE-347`), linked from its doc; SARIF output tags results with them. */
  cwe: readonly `CWE-${number}`[];
  /**
   * How bad a finding is, as a CVSS-like score from `'0.0'` to `'10.0'` (GitHub code scanning's `security-severity`:
   * 9.0+ critical, 7.0+ high, 4.0+ medium, below low): what an attacker gets when the mistake is real.
   */
  securitySeverity: `${number}.${number}`;
}

export const docsUrl = (name: string): string =>
  `https://github.com/jwt-lint/jwt-lint/blob/v${version}/docs/rules/${name}.md`;

/**
 * Whether the file is JavaScript as the rules read it (an ESTree `Program` with scopes). A config without `files`
 * also reaches JSON, Markdown or CSS files that other plugins' languages lint; the rules have nothing to say there.
 */
export function isJavaScriptFile(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): boolean {
  const sourceCode = context.sourceCode as Partial<TSESLint.SourceCode> | undefined;
  return typeof sourceCode?.getScope === 'function' && (sourceCode.ast as { type?: string } | undefined)?.type === 'Program';
}

const ruleCreator = ESLintUtils.RuleCreator<JwtLintDocs>(docsUrl);

/** `RuleCreator` with the docs URL of this release, and rules that stay out of files in other languages. */
export const createRule: typeof ruleCreator = (spec) => {
  const rule = ruleCreator(spec);
  const create = rule.create;
  return { ...rule, create: (context) => (isJavaScriptFile(context) ? create(context) : {}) };
};
